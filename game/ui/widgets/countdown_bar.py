"""The time left on a timed question as a bar across the screen, emptying from the right; it
turns to the error colour in the last seconds."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

FULL, HALF, EMPTY = "━", "╸", "─"  # a thick line shrinking to the left over a thin one


def bar_cells(fraction: float, width: int) -> tuple[str, int]:
    """The filled part of a bar width cells wide (whole cells, then a half cell), and how many
    empty cells follow it."""
    fraction = max(0.0, min(1.0, fraction))
    full, half = divmod(round(fraction * width * 2), 2)
    filled = FULL * full + (HALF if half else "")
    return filled, max(width - len(filled), 0)


class CountdownBar(Widget):
    """A bar of the time left: ``fraction`` of it full; ``urgent`` in the last seconds."""

    DEFAULT_CSS = """
    CountdownBar {
        height: 1;
        width: 1fr;
        color: $accent;
        &.-urgent {
            color: $error;
        }
    }
    """

    fraction: reactive[float] = reactive(1.0)

    def show(self, fraction: float, *, urgent: bool) -> None:
        """Draw this share of the time left."""
        self.fraction = fraction
        self.set_class(urgent, "-urgent")

    def render(self) -> Content:
        """The bar, as wide as the widget."""
        filled, empty = bar_cells(self.fraction, self.content_region.width or self.size.width)
        return Content.assemble((filled, "bold"), (EMPTY * empty, "$text-muted"))
