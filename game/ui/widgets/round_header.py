"""The round screen's header: the bank and the score, the progress, the topic, and in a timed
round the time left, drawn by one widget.

Line by line, at 80 columns:

     China and the U.S.: a détente with limits                   0 pts  Quick round
     Question 1 / 10 ━━━━━━━━━━━━━━━━  difficulty 1/3                     44 s left
     Topic: Defining the relationship                                  skipped earlier
     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╸──────────────

(the last line, a bar of the time left, in a timed round only). Long texts end in "…", never
wrap: the header's height is fixed for the round. It was eleven widgets in three rows, and
every question gave most of them a new text, each laying the screen out again; this one only
redraws its lines, and its size never changes, so a new question lays nothing out here. The
cells and colours are those the widgets drew.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, replace

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from game.ui.widgets.countdown_bar import EMPTY, bar_cells
from game.ui.widgets.kept_lines import KeptLines
from game.ui.widgets.progress_line import bar_runs, filled_share

NARROW = 80  # below this many columns the progress bar is shorter (a timed round's line fits)
WIDE_BAR, NARROW_BAR = 16, 10
TIMER_MIN_WIDTH = 10


@dataclass(frozen=True)
class HeaderState:
    """What the header shows."""

    title: str = ""
    mode: str = ""
    mode_bold: bool = False
    # more about the mode, in runs of (text, bold): an exam's class code, for a teacher to
    # read out; that a preview saves nothing
    mode_more: tuple[tuple[str, bool], ...] = ()
    score: int | None = None  # None: not shown (an exam shows no marks until the end)
    streak: int = 0
    number: int = 0
    total: int = 0
    difficulty: int = 0
    topic: str = ""
    reason: str = ""  # practice: why this question is here; or "skipped earlier"
    timer: str | None = None  # None: not a timed round
    left: float = 1.0  # share of the time left
    urgent: bool = False  # the last seconds


# Runs of text and the style (a component class, or "" for the header's own) they are drawn in.
Run = tuple[str, str]


def fit(text: str, width: int) -> str:
    """The text in at most width columns, ending in "…" when cut (as Textual's ellipsis)."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1) + "…"


def _padded(runs: list[Run], width: int) -> list[Run]:
    """Runs cut or padded to exactly width columns."""
    out: list[Run] = []
    used = 0
    for text, style in runs:
        room = width - used
        if room <= 0:
            break
        if cell_len(text) > room:
            text = set_cell_size(text, room)
        out.append((text, style))
        used += cell_len(text)
    if used < width:
        out.append((" " * (width - used), ""))
    return out


class RoundHeader(KeptLines, Widget):
    """The header of a round (see the module's docstring); ``show`` changes what it shows,
    ``draw_ahead`` draws what it will show next. It keeps the lines drawn for each state (see
    KeptLines)."""

    COMPONENT_CLASSES = {
        "round-header--title",
        "round-header--score",
        "round-header--mode",
        "round-header--label",
        "round-header--bar",
        "round-header--bar-complete",
        "round-header--meta",
        "round-header--timer",
        "round-header--timer-urgent",
        "round-header--reason",
        "round-header--countdown",
        "round-header--countdown-urgent",
        "round-header--countdown-empty",
    }
    DEFAULT_CSS = """
    RoundHeader {
        height: auto;
        background: $panel;
        padding: 0 1;
        & > .round-header--title { text-style: bold; }
        & > .round-header--score { color: $text-success; }
        & > .round-header--mode { color: $text-accent; }
        & > .round-header--label { text-style: bold; }
        & > .round-header--bar { color: $primary; background: $surface; }
        & > .round-header--bar-complete { color: $success; background: $surface; }
        & > .round-header--meta { color: $text-muted; }
        & > .round-header--timer { color: $text-accent; text-style: bold; }
        & > .round-header--timer-urgent {
            color: $text-error;
            background: $error-muted;
            text-style: bold;
        }
        & > .round-header--reason {
            color: $text-accent;
            background: $accent-muted;
            text-style: bold;
        }
        & > .round-header--countdown { color: $accent; text-style: bold; }
        & > .round-header--countdown-urgent { color: $error; text-style: bold; }
        & > .round-header--countdown-empty { color: $text-muted; }
    }
    """

    def __init__(self, state: HeaderState, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.state = state
        self._run_styles: dict[str, RichStyle] = {}

    def show(self, **changes: object) -> None:
        """Show these parts anew (HeaderState's fields); the rest stays."""
        state = replace(self.state, **changes)  # type: ignore[arg-type]
        if state != self.state:
            self.state = state
            self.refresh()

    def look(self) -> Hashable:
        """What the header shows, as runs of text and styles (see KeptLines): a state that
        shows the same (a countdown a moment later) is the same look."""
        return tuple(tuple(line) for line in self.lines(self.content_region.width))

    def draw_ahead(self, **changes: object) -> None:
        """Draw the header with these parts shown anew, before they are (the next question's
        number and topic, while its feedback is read)."""
        if not self.size:
            return
        shown, self.state = self.state, replace(self.state, **changes)  # type: ignore[arg-type]
        # Textual keeps the lines it last drew until the widget is refreshed: drop them to
        # draw the new state, and again after, as the header still shows the current one
        self.refresh()
        try:
            self.render_lines(Region(0, 0, *self.outer_size))
        finally:
            self.state = shown
            self.refresh()

    @property
    def timed(self) -> bool:
        return self.state.timer is not None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Three lines, and the bar of the time left in a timed round."""
        return 4 if self.timed else 3

    # -- the lines, as runs of text --------------------------------------------------------

    def lines(self, width: int) -> list[list[Run]]:
        """The header's lines at this content width, each exactly width columns."""
        state = self.state
        lines = [self._line_heading(state, width), self._line_status(state, width)]
        lines.append(self._line_context(state, width))
        if self.timed:
            filled, empty = bar_cells(state.left, width)
            bar = "round-header--countdown-urgent" if state.urgent else "round-header--countdown"
            lines.append([(filled, bar), (EMPTY * empty, "round-header--countdown-empty")])
        return [_padded(line, width) for line in lines]

    def _line_heading(self, state: HeaderState, width: int) -> list[Run]:
        right: list[Run] = []
        if state.score is not None:
            right += [("  ", ""), (f"{state.score}", "round-header--score+bold")]
            right.append((" pts", "round-header--score"))
            if state.streak >= 2:
                right.append(("  ·  streak ", "round-header--score"))
                right.append((f"{state.streak}", "round-header--score+bold"))
        mode = "round-header--mode"
        right += [("  ", ""), (state.mode, mode + "+bold" if state.mode_bold else mode)]
        right += [(text, mode + "+bold" if bold else mode) for text, bold in state.mode_more]
        room = width - sum(cell_len(text) for text, _style in right)
        title = fit(state.title, room)
        return [(title, "round-header--title"), (" " * (room - cell_len(title)), ""), *right]

    def _line_status(self, state: HeaderState, width: int) -> list[Run]:
        label = f"Question {state.number} / {state.total}"
        # the header spans the window: its width is the content's and the two padding columns
        bar_width = NARROW_BAR if width + 2 < NARROW else WIDE_BAR
        share = filled_share(state.number - 1, state.total, bar_width)
        filled, empty = bar_runs(share, bar_width)
        bar = "round-header--bar" if share < 1 else "round-header--bar-complete"
        runs: list[Run] = [(label, "round-header--label"), (" ", "")]
        runs += [(filled, bar), (empty, bar + "@track"), ("  ", "")]
        timer: list[Run] = []
        if state.timer is not None:
            style = "round-header--timer-urgent" if state.urgent else "round-header--timer"
            inner = max(TIMER_MIN_WIDTH - 2, cell_len(state.timer))
            text = " " * (inner - cell_len(state.timer)) + state.timer  # right-aligned
            timer = [(f" {text} ", style)]
        room = width - sum(cell_len(t) for t, _s in runs) - sum(cell_len(t) for t, _s in timer)
        meta = fit(f"difficulty {state.difficulty}/3", room)
        runs += [(meta, "round-header--meta"), (" " * max(room - cell_len(meta), 0), "")]
        return runs + timer

    def _line_context(self, state: HeaderState, width: int) -> list[Run]:
        reason: list[Run] = []
        if state.reason:
            reason = [(" ", ""), (f" {state.reason} ", "round-header--reason")]
        room = width - sum(cell_len(text) for text, _style in reason)
        topic = fit(f"Topic: {state.topic}", room)
        return [(topic, "round-header--meta"), (" " * max(room - cell_len(topic), 0), ""), *reason]

    # -- drawing ---------------------------------------------------------------------------

    def text_lines(self) -> list[str]:
        """The header's lines as a player reads them (its padding included)."""
        width = self.content_region.width
        return [" " + "".join(text for text, _s in line) + " " for line in self.lines(width)]

    def _style(self, name: str) -> RichStyle:
        """A run's style: the header's own, a component's, "+bold", or "@track" (a bar's
        track: the component's background colour as the colour of its cells)."""
        if name not in self._run_styles:
            if not name:
                style = self.rich_style
            elif name.endswith("+bold"):
                style = self._style(name.removesuffix("+bold")) + RichStyle(bold=True)
            elif name.endswith("@track"):
                colours = self.get_component_rich_style(name.removesuffix("@track"))
                style = self.rich_style + RichStyle.from_color(colours.bgcolor)
            elif name.startswith("round-header--bar"):
                colours = self.get_component_rich_style(name)
                style = self.rich_style + RichStyle.from_color(colours.color)
            else:
                style = self.get_component_rich_style(name)
            self._run_styles[name] = style
        return self._run_styles[name]

    def notify_style_update(self) -> None:
        """The styles changed (a theme): look them up again."""
        super().notify_style_update()
        self._run_styles.clear()

    def render_line(self, y: int) -> Strip:
        """One line of the header (Textual draws the padding around it)."""
        width = self.content_region.width
        lines = self.lines(width)
        if y >= len(lines):
            return Strip.blank(width, self._style(""))
        segments = [Segment(text, self._style(style)) for text, style in lines[y]]
        return Strip(segments).crop_extend(0, width, self._style(""))
