"""How History's tables fit the window: which columns, how wide, and the short forms of a date
and a time used when 80 columns' worth does not fit (60 columns is the smallest window)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rich.cells import cell_len
from textual.binding import Binding
from textual.widgets import DataTable

from game.core.figures import duration_text, percent_text
from game.core.history_view import RoundLine
from game.core.safe_text import one_line

CELL_PADDING = 1  # DataTable's default, on each side of every cell
SCROLLBAR = 1  # a column kept for the table's scroll bar
BANK_MIN = 14  # narrower than this, a bank's title says too little


def round_questions(line: RoundLine) -> int:
    """The questions of a round: those answered when it was finished, else those planned
    (an unfinished exam of 5 left after 3 is 5, so its 3 right read "3/5", not "3/3")."""
    return line.total if line.finished else max(line.question_count, line.total)


def unfinished_text(line: RoundLine) -> str:
    """How far an unfinished round went, the same words in History's table and round view."""
    return f"unfinished: {line.total} of {round_questions(line)} answered"


# (column key, label, sort key); the sort starts descending, as "newest first" does
ROUND_COLUMNS: tuple[tuple[str, str, Callable[[RoundLine], Any]], ...] = (
    ("date", "Date", lambda r: r.started_at),
    ("bank", "Bank", lambda r: r.bank_title.casefold()),
    ("mode", "Mode", lambda r: r.mode),
    ("score", "Score", lambda r: r.score),
    ("percent", "%", lambda r: (r.finished, r.percentage)),
    ("right", "Right", lambda r: r.right / max(1, round_questions(r))),
    ("time", "Time", lambda r: r.duration_seconds or 0.0),
)
COLUMN_LABELS = {key: label for key, label, _ in ROUND_COLUMNS}
RIGHT_ALIGNED = frozenset({"score", "percent", "right", "time"})  # figures: header and cells
UNFINISHED_PERCENT = "—"  # an unfinished round has no percentage of its own yet


class HistoryTable(DataTable[Any]):
    """A table whose Home and End keys go to the first and the last row (DataTable's own go to
    the first and the last column, which a row cursor never shows)."""

    BINDINGS = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]


def short_duration(seconds: float | None) -> str:
    """A time in at most five columns: ``45 s``, ``1:49``, ``72:05`` (minutes:seconds)."""
    if seconds is None:
        return "-"
    whole = max(0, round(seconds))
    return f"{whole} s" if whole < 60 else f"{whole // 60}:{whole % 60:02d}"


def date_text(when: datetime, *, short: bool, now: datetime | None = None) -> str:
    """``2026-11-27 09:49`` in full; short, ``27 Nov 09:49`` (``27 Nov 2025`` in another year)."""
    local = when.astimezone()
    if not short:
        return local.strftime("%Y-%m-%d %H:%M")
    this_year = (now or datetime.now().astimezone()).year
    return local.strftime("%d %b %H:%M" if local.year == this_year else "%d %b %Y")


@dataclass(frozen=True)
class RoundsLayout:
    """The rounds table at one width: the columns shown (keys, in order) and their widths."""

    columns: tuple[str, ...]
    widths: dict[str, int]
    short_date: bool
    short_time: bool

    def cells(self, line: RoundLine) -> dict[str, str]:
        """One round's cells as text, by column key."""
        return round_cells(line, short_date=self.short_date, short_time=self.short_time)


def round_cells(line: RoundLine, *, short_date: bool, short_time: bool) -> dict[str, str]:
    """One round's cells as text, by column key (every column, shown or not)."""
    seconds = line.duration_seconds
    return {
        "date": date_text(line.started_at, short=short_date),
        "bank": one_line(line.bank_title),
        "mode": one_line(line.mode),
        "score": f"{line.score}/{line.max_score}",
        "percent": percent_text(line.percentage) if line.finished else UNFINISHED_PERCENT,
        "right": f"{line.right}/{round_questions(line)}",
        "time": short_duration(seconds) if short_time else duration_text(seconds),
    }


def plan_rounds(rounds: Sequence[RoundLine], width: int) -> RoundsLayout:
    """The fullest table that fits in width columns. The Bank column shows only when the rounds
    are of more than one bank (the line under the table names the highlighted round's bank in
    full); when space is short the date and time take their short forms, then Score goes
    (% and Right still say how it went)."""
    several_banks = len({line.bank_id for line in rounds}) > 1
    room = width - SCROLLBAR
    tiers = [(False, False, True), (True, False, True), (True, True, True), (True, True, False)]
    layout = None
    for short_date, short_time, with_score in tiers:
        keys = [key for key, _, _ in ROUND_COLUMNS]
        if not several_banks:
            keys.remove("bank")
        if not with_score:
            keys.remove("score")
        cells = [round_cells(line, short_date=short_date, short_time=short_time) for line in rounds]
        widths = {
            key: max([cell_len(COLUMN_LABELS[key])] + [cell_len(row[key]) for row in cells])
            for key in keys
        }
        fixed = sum(width for key, width in widths.items() if key != "bank")
        used = fixed + 2 * CELL_PADDING * len(keys)
        if "bank" in keys:
            widths["bank"] = max(BANK_MIN, min(widths["bank"], room - used))
            used += widths["bank"]
        layout = RoundsLayout(tuple(keys), widths, short_date, short_time)
        if used <= room:
            break
    assert layout is not None
    return layout
