"""How far into the round: a thin bar, the cells and colours of Textual's ProgressBar, drawn by
one widget as Content.

Textual's ProgressBar is a container around a Bar that draws a Rich renderable; updated at
every question, it cost about a millisecond of each Enter on the feedback. The cells here are
the ones ``textual.renderables.bar.Bar`` draws for a bar filled from its left end (a test holds
the two side by side at every step of a round).
"""

from __future__ import annotations

from rich.style import Style as RichStyle
from textual.content import Content
from textual.style import Style
from textual.widget import Widget

HALF_LEFT, FULL, HALF_RIGHT = "╺", "━", "╸"


def filled_share(done: int, total: int, width: int) -> float:
    """The share of the bar filled, rounded down to half a cell as Textual's Bar rounds it."""
    share = min(max(done / total, 0.0), 1.0) if total else 1.0
    cells = width * 2
    return int(share * cells) / cells if cells else share


def bar_runs(share: float, width: int) -> tuple[str, str]:
    """The filled run of the bar (whole cells, then a half cell) and the empty run after it."""
    end = round(min(width * share, width) * 2) / 2
    if end <= 0:
        return "", FULL * width
    whole = int(end)
    if end - whole > 0:
        return FULL * whole + HALF_RIGHT, FULL * (width - whole - 1)
    if whole < width:
        return FULL * whole, HALF_LEFT + FULL * (width - whole - 1)
    return FULL * whole, ""


class ProgressLine(Widget):
    """``done`` of ``total`` questions, as a bar."""

    COMPONENT_CLASSES = {"progress-line--bar", "progress-line--complete"}

    DEFAULT_CSS = """
    ProgressLine {
        width: 16;
        height: 1;
        & > .progress-line--bar {
            color: $primary;
            background: $surface;
        }
        & > .progress-line--complete {
            color: $success;
            background: $surface;
        }
    }
    """

    def __init__(self, total: int, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._done = 0
        self._total = total
        self._kept: dict[str, tuple[Style, Style]] = {}

    def show(self, done: int) -> None:
        """Show this many questions of the total done."""
        if done != self._done:
            self._done = done
            self.refresh()

    def render(self) -> Content:
        """The bar: the done share in the bar's colour, the rest in the colour of its track."""
        width = self.content_region.width or self.size.width
        share = filled_share(self._done, self._total, width)
        filled, empty = bar_runs(share, width)
        bar, track = self._colours("progress-line--bar" if share < 1 else "progress-line--complete")
        return Content.assemble((filled, bar), (empty, track))

    def _colours(self, name: str) -> tuple[Style, Style]:
        """The bar's and its track's colours in this state, kept until the styles change
        (Textual forgets a widget's component styles at every redraw)."""
        if name not in self._kept:
            colours = self.get_component_rich_style(name)
            self._kept[name] = (
                Style.from_rich_style(RichStyle.from_color(colours.color)),
                Style.from_rich_style(RichStyle.from_color(colours.bgcolor)),
            )
        return self._kept[name]

    def notify_style_update(self) -> None:
        """The styles changed (a theme): look the colours up again."""
        super().notify_style_update()
        self._kept.clear()
