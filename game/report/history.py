"""Score history as text for the command line: rounds as a table, CSV or JSON; answer exports."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from game.core.figures import duration_text, percent_text
from game.core.safe_text import JSON_FORM, one_line, several_lines, visible
from game.store.rows import ExportRow, RoundRow

if TYPE_CHECKING:
    from game.store.store import SaveStore

HISTORY_FORMATS = ("table", "csv", "json")
EXPORT_FORMATS = ("csv", "json")
TABLE_WIDTH = 80

ROUND_COLUMNS = (
    "round_id",
    "player",
    "bank_id",
    "bank_title",
    "mode",
    "seed",
    "class_code",
    "started_at",
    "finished_at",
    "finished",
    "score",
    "max_score",
    "percentage",
    "right",
    "total",
    "duration_seconds",
)
EXPORT_COLUMNS = (
    "player",
    "bank",
    "round_id",
    "round_start",
    "mode",
    "question_id",
    "prompt",
    "given",
    "expected",
    "result",
    "points",
    "seconds",
)
# A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GAP = "  "


def history_text(
    store: SaveStore,
    player: str | None = None,
    bank_id: str | None = None,
    fmt: str = "table",
    *,
    timezone: tzinfo | None = None,
) -> str:
    """``quiz history``: the rounds, newest first, of one player and/or bank (None: all).

    fmt "table": a table that fits 80 columns: Date (local time, or ``timezone``), Player
    (only when no player is given), Bank (title), Mode (with the class code of a seeded round:
    ``exam 154769-8``), Score, %, Right (right answers / answers given), Time (the first
    question shown to the last answer). An unfinished round's score is marked ``*``: it
    is the points so far, out of the round's maximum.

    fmt "csv" or "json": one record per round with the columns
      round_id, player, bank_id, bank_title, mode, seed (empty/null if none), class_code
      (the code the player saw, such as 154769-8; empty/null if none),
      started_at, finished_at (ISO-8601 UTC; empty/null if unfinished), finished (true/false),
      score (final, or points so far if unfinished), max_score, percentage (one decimal),
      right, total (answers given), duration_seconds (one decimal; empty/null if no answer).
    CSV is UTF-8 text with a header row; cells are neutralised as ``neutralise_cell`` says.
    Raises ValueError for another fmt.
    """
    if fmt not in HISTORY_FORMATS:
        raise ValueError(f"history format must be one of {', '.join(HISTORY_FORMATS)}")
    rounds = store.rounds(player=player, bank_id=bank_id)
    if fmt == "csv":
        return to_csv(ROUND_COLUMNS, (round_record(r) for r in rounds))
    if fmt == "json":
        return to_json([round_record(r) for r in rounds])
    if not rounds:
        return no_rounds_text(player, bank_id)
    return rounds_table(rounds, show_player=player is None, timezone=timezone)


def export_text(
    store: SaveStore, player: str | None = None, bank_id: str | None = None, fmt: str = "csv"
) -> str:
    """``quiz export``: one record per answer, by round start then answer order.

    Columns (CSV header and JSON keys): player, bank (bank id), round_id, round_start
    (ISO-8601 UTC), mode, question_id, prompt, given (the player's answer as text), expected
    (the right answer as text), result (right, partly or wrong), points, seconds (two
    decimals). CSV is UTF-8 text with a header row; every cell that starts with =, +, -, @,
    a tab or a carriage return gets a single quote (') in front so a spreadsheet shows it as
    text and never runs it as a formula. JSON is a list of objects, text unchanged.
    Raises ValueError for another fmt.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"export format must be one of {', '.join(EXPORT_FORMATS)}")
    records = [export_record(row) for row in store.export_rows(player=player, bank_id=bank_id)]
    if fmt == "csv":
        return to_csv(EXPORT_COLUMNS, records)
    return to_json(records)


def _utc_text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def _one_decimal(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def round_record(row: RoundRow) -> dict[str, Any]:
    """A round as a record with ROUND_COLUMNS keys (JSON-ready values)."""
    return {
        "round_id": row.id,
        "player": row.player,
        "bank_id": row.bank_id,
        "bank_title": row.bank_title,
        "mode": row.mode,
        "seed": row.seed,
        "class_code": row.class_code,
        "started_at": _utc_text(row.started_at),
        "finished_at": _utc_text(row.finished_at),
        "finished": row.finished,
        "score": row.score,
        "max_score": row.max_score,
        "percentage": _one_decimal(row.percentage),
        "right": row.right,
        "total": row.total,
        "duration_seconds": _one_decimal(row.duration_seconds),
    }


def export_record(row: ExportRow) -> dict[str, Any]:
    """An answer as a record with EXPORT_COLUMNS keys (JSON-ready values)."""
    return {
        "player": row.player,
        "bank": row.bank_id,
        "round_id": row.round_id,
        "round_start": _utc_text(row.round_started_at),
        "mode": row.mode,
        "question_id": row.question_id,
        "prompt": row.prompt,
        "given": row.given,
        "expected": row.expected,
        "result": str(row.result),
        "points": row.points,
        "seconds": round(row.seconds, 2),
    }


def neutralise_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: one that starts with =, +, -, @, a tab or a
    carriage return gets a single quote (') in front; any other is unchanged."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    # Controls are written out (\x1b) before the formula check, so none reaches a terminal
    # that shows the file; newlines and tabs are kept, as CSV allows them in a quoted cell.
    return neutralise_cell(several_lines(str(value)))


def to_csv(columns: Sequence[str], records: Iterable[dict[str, Any]]) -> str:
    """Records as CSV text: a header row, then one row each (None empty, booleans true/false,
    every cell neutralised)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for record in records:
        writer.writerow([_csv_cell(record[column]) for column in columns])
    return buffer.getvalue()


def to_json(records: list[dict[str, Any]]) -> str:
    """Records as a JSON list, text kept as UTF-8, ending with a newline. Control characters
    are escaped (ESC as \\u001b, C1 as \\u009b...), so a reader gets them back exactly while a
    terminal showing the file never obeys them."""
    dumped = json.dumps(records, ensure_ascii=False, indent=2)
    # json escapes C0 inside strings itself; DEL and C1 it leaves raw. Outside strings only
    # the layout's newlines remain, which are kept.
    return visible(dumped, keep="\n", form=JSON_FORM) + "\n"


def no_rounds_text(player: str | None, bank_id: str | None) -> str:
    """What the table says when there is nothing to show."""
    if player is None and bank_id is None:
        return "No rounds yet.\n"
    wanted = []
    if player is not None:
        wanted.append(f"player {one_line(player)}")
    if bank_id is not None:
        wanted.append(f"bank {one_line(bank_id)}")
    return f"No rounds for {' in '.join(wanted)}.\n"


def display_width(text: str) -> int:
    """Terminal columns text takes: wide (East Asian) characters 2, combining marks 0."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def fit(text: str, width: int) -> str:
    """text on one line in at most width columns (cut with … when longer), padded to width."""
    flat = one_line(text)
    if display_width(flat) > width:
        kept: list[str] = []
        used = 0
        for ch in flat:
            ch_width = display_width(ch)
            if used + ch_width > width - 1:
                break
            kept.append(ch)
            used += ch_width
        flat = "".join(kept) + "…"
    return flat + " " * (width - display_width(flat))


def rounds_table(
    rounds: Sequence[RoundRow],
    *,
    show_player: bool,
    timezone: tzinfo | None = None,
    width: int = TABLE_WIDTH,
) -> str:
    """Rounds as a text table no wider than width columns (see history_text)."""
    cells = [
        {
            "Date": row.started_at.astimezone(timezone).strftime("%Y-%m-%d %H:%M"),
            "Player": row.player,
            "Bank": row.bank_title,
            "Mode": row.mode if row.class_code is None else f"{row.mode} {row.class_code}",
            "Score": f"{row.score}/{row.max_score}" + ("" if row.finished else "*"),
            "%": percent_text(row.percentage),
            "Right": f"{row.right}/{row.total}",
            "Time": duration_text(row.duration_seconds),
        }
        for row in rounds
    ]
    columns = ["Date", "Player", "Bank", "Mode", "Score", "%", "Right", "Time"]
    if not show_player:
        columns.remove("Player")
    widths = {
        column: max(display_width(column), *(display_width(c[column]) for c in cells))
        for column in columns
    }
    # Player and Bank share what the other columns leave, the player taking at most a third.
    fixed = sum(widths[c] for c in columns if c not in ("Player", "Bank"))
    free = width - fixed - len(_GAP) * (len(columns) - 1)
    if show_player:
        widths["Player"] = max(6, min(widths["Player"], free // 3))
        free -= widths["Player"]
    widths["Bank"] = max(4, min(widths["Bank"], free))
    right_aligned = {"Score", "%", "Right", "Time"}

    def line(values: dict[str, str]) -> str:
        parts = []
        for column in columns:
            text = fit(values[column], widths[column])
            if column in right_aligned:
                text = text.rstrip().rjust(widths[column])
            parts.append(text)
        return _GAP.join(parts).rstrip()

    lines = [line({c: c for c in columns})]
    lines.append(_GAP.join("-" * widths[c] for c in columns))
    lines += [line(c) for c in cells]
    count = len(rounds)
    footer = f"{count} round{'s' if count != 1 else ''}"
    if any(not row.finished for row in rounds):
        footer += "; * unfinished: the points so far"
    lines.append(footer)
    return "\n".join(lines) + "\n"
