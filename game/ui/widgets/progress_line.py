"""How far into the round: the cells of a thin bar, as Textual's ProgressBar draws them.

Textual's ProgressBar is a container around a Bar that draws a Rich renderable; updated at
every question, it cost about a millisecond of each Enter on the feedback. The round's header
(game.ui.widgets.round_header) draws these cells instead: the ones ``textual.renderables.bar.Bar``
draws for a bar filled from its left end (a test holds the two side by side at every step of
a round).
"""

from __future__ import annotations

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
