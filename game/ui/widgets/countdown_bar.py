"""The cells of the time left on a timed question, a bar across the screen emptying from the
right (the round's header draws it, in the error colour in the last seconds)."""

from __future__ import annotations

FULL, HALF, EMPTY = "━", "╸", "─"  # a thick line shrinking to the left over a thin one


def bar_cells(fraction: float, width: int) -> tuple[str, int]:
    """The filled part of a bar width cells wide (whole cells, then a half cell), and how many
    empty cells follow it."""
    fraction = max(0.0, min(1.0, fraction))
    full, half = divmod(round(fraction * width * 2), 2)
    filled = FULL * full + (HALF if half else "")
    return filled, max(width - len(filled), 0)
