"""`quiz report`: read students' save files (never writing to them), analyse, render.

The same player name in several save files is taken as one student (a student who played
on two machines); the report says so, since two students could share a name.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.report.analysis import AnswerFacts, RoundFacts, analyse
from game.report.report_text import report_text
from game.store.errors import StoreError
from game.store.readonly import SaveFileRows, open_read_only, save_files_in


class ReportUsageError(Exception):
    """A SAVES argument names nothing that can be read (exit status 2)."""


@dataclass(slots=True)
class ClassReport:
    """The report's text (empty when there is nothing to report) and what to tell the
    teacher besides: files that could not be read, names found in several files."""

    text: str
    notices: list[str] = field(default_factory=list)
    files_read: int = 0


def save_paths(arguments: Sequence[Path]) -> list[Path]:
    """Every save file the arguments name, each once; raises ReportUsageError."""
    found: dict[Path, Path] = {}
    for argument in arguments:
        try:
            files = save_files_in(argument)
        except FileNotFoundError as exc:
            raise ReportUsageError(str(exc)) from exc
        for file in files:
            found.setdefault(file.resolve(), file)
    return list(found.values())


def facts_from(saves: Sequence[SaveFileRows]) -> tuple[list[RoundFacts], list[AnswerFacts]]:
    """The rows of every save file as plain facts; round keys are (file number, round id)."""
    rounds: list[RoundFacts] = []
    answers: list[AnswerFacts] = []
    for number, save in enumerate(saves):
        rounds += [
            RoundFacts(
                (number, row.id),
                row.player,
                row.bank_id,
                row.bank_title,
                row.mode,
                row.started_at,
                row.finished,
                row.score,
                row.max_score,
            )
            for row in save.rounds
        ]
        answers += [
            AnswerFacts(
                (number, row.round_id),
                row.question_id,
                row.prompt,
                row.expected,
                row.explanation,
                str(row.result),
                row.points,
                row.max_points,
                row.answered_at,
            )
            for row in save.answers
        ]
    return rounds, answers


def _shared_names(saves: Sequence[SaveFileRows], bank_ids: set[str]) -> list[str]:
    files_by_player: dict[str, list[str]] = defaultdict(list)
    for save in saves:
        for player in sorted({r.player for r in save.rounds if r.bank_id in bank_ids}):
            files_by_player[player].append(os.fspath(save.path))
    return [
        f"{player} has rounds in {len(files)} save files ({', '.join(files)}); "
        "they are counted as one student."
        for player, files in sorted(files_by_player.items())
        if len(files) > 1
    ]


def class_report(
    paths: Sequence[Path], bank_id: str | None, mode: str | None, fmt: str
) -> ClassReport:
    """Read every save file, analyse the rounds (of bank_id and mode when given), render."""
    report = ClassReport("")
    saves = []
    for path in paths:
        try:
            saves.append(open_read_only(path))
        except (StoreError, OSError) as exc:
            report.notices.append(f"skipped {path}: {exc}")
    report.files_read = len(saves)
    rounds, answers = facts_from(saves)
    analyses = analyse(rounds, answers, bank_id, mode)
    if not analyses:
        conditions = [
            text
            for text in (f"of bank {bank_id}" if bank_id else "", f"in {mode} mode" if mode else "")
            if text
        ]
        count = len(saves)
        message = " ".join(
            ["No rounds", *conditions, f"in the {count} save file{'s' if count != 1 else ''} read"]
        )
        found = sorted({r.bank_id for r in rounds})
        if bank_id and found:
            message += f"; banks found: {', '.join(found)}"
        report.notices.append(message + ".")
        return report
    report.notices += _shared_names(saves, {a.bank_id for a in analyses})
    report.text = report_text(analyses, fmt, mode)
    return report
