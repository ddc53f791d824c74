"""`quiz export SAVES…`: every answer in several students' save files, one row each, with the
folder (or handed-in file) it came from and the class code of its round, for a gradebook."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.report.class_report import short_sources
from game.report.history import EXPORT_COLUMNS, export_record, to_csv, to_json
from game.store.readonly import SaveFileRows
from game.store.rows import ExportRow, RoundRow

GRADEBOOK_COLUMNS = ("folder", "class_code", *EXPORT_COLUMNS)


def round_code(row: RoundRow) -> str | None:
    """The class code a round was played with (seed and number of questions), or None for a
    round without one."""
    return None if row.seed is None else f"{row.seed}-{row.question_count}"


def gradebook_records(
    saves: Sequence[SaveFileRows], player: str | None, bank_id: str | None
) -> list[dict[str, Any]]:
    """One record per answer, by file, round start, then answer order."""
    records = []
    for save, folder in zip(saves, short_sources(saves), strict=True):
        rounds = {r.id: r for r in save.rounds}
        ordered = sorted(
            save.answers, key=lambda a: (rounds[a.round_id].started_at, a.round_id, a.id)
        )
        for answer in ordered:
            played = rounds[answer.round_id]
            if player is not None and played.player != player:
                continue
            if bank_id is not None and played.bank_id != bank_id:
                continue
            row = ExportRow(
                played.player,
                played.bank_id,
                played.id,
                played.started_at,
                played.mode,
                answer.question_id,
                answer.prompt,
                answer.given,
                answer.expected,
                answer.result,
                answer.points,
                answer.seconds,
            )
            records.append(
                {"folder": folder, "class_code": round_code(played), **export_record(row)}
            )
    return records


def gradebook_text(
    saves: Sequence[SaveFileRows], player: str | None, bank_id: str | None, fmt: str
) -> str:
    """The rows as CSV or JSON."""
    records = gradebook_records(saves, player, bank_id)
    if fmt == "json":
        return to_json(records)
    return to_csv(GRADEBOOK_COLUMNS, records)
