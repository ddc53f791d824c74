"""`quiz report`: read students' save files (never writing to them), analyse, render.

A student is a player name in one save file (a saves folder, or a handed-in file): two
students called Mia in different folders stay two students, shown with their folder.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.core.class_code import ClassCode
from game.core.figures import sentence
from game.files import os_words
from game.report.analysis import AnswerFacts, BankAnalysis, RoundFacts, analyse
from game.report.context import ReportContext, Roster
from game.report.report_text import report_text
from game.store.errors import StoreError
from game.store.opening import DATABASE_NAME
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
    analyses: list[BankAnalysis] = field(default_factory=list)
    roster: Roster | None = None
    context: ReportContext = field(default_factory=ReportContext)
    saves: list[SaveFileRows] = field(default_factory=list)
    rounds: list[RoundFacts] = field(default_factory=list)  # the rounds reported
    answers: list[AnswerFacts] = field(default_factory=list)


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


def source_name(file: Path) -> str:
    """What a teacher calls the save file: its folder for a quiz.sqlite3, else the file."""
    shown = file.parent if file.name == DATABASE_NAME else file
    return os.fspath(shown) or "."


def short_sources(saves: Sequence[SaveFileRows]) -> list[str]:
    """Each save file's folder (or file) by its last name, or its whole path when two share
    that name."""
    full = [source_name(save.path) for save in saves]
    short = [Path(name).name or name for name in full]
    return [s if short.count(s) == 1 else f for s, f in zip(short, full, strict=True)]


def student_labels(saves: Sequence[SaveFileRows]) -> dict[tuple[int, str], str]:
    """(file number, player) -> the student's name, with the folder or file when the same
    name is found in several: two Mias in different folders are two students."""
    names = short_sources(saves)
    sources: dict[str, set[int]] = defaultdict(set)
    for number, save in enumerate(saves):
        for row in save.rounds:
            sources[row.player].add(number)
    labels = {}
    for number, save in enumerate(saves):
        for row in save.rounds:
            clash = len(sources[row.player]) > 1
            labels[number, row.player] = f"{row.player} ({names[number]})" if clash else row.player
    return labels


def facts_from(saves: Sequence[SaveFileRows]) -> tuple[list[RoundFacts], list[AnswerFacts]]:
    """The rows of every save file as plain facts; round keys are (file number, round id),
    players are students (see student_labels)."""
    labels = student_labels(saves)
    rounds: list[RoundFacts] = []
    answers: list[AnswerFacts] = []
    for number, save in enumerate(saves):
        rounds += [
            RoundFacts(
                (number, row.id),
                labels[number, row.player],
                row.bank_id,
                row.bank_title,
                row.mode,
                row.started_at,
                row.finished,
                row.score,
                row.max_score,
                seed=row.seed,
                question_count=row.question_count,
                answered=row.total,
            )
            for row in save.rounds
        ]
        place: dict[int, int] = defaultdict(int)
        for row in save.answers:
            place[row.round_id] += 1
            answers.append(
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
                    question_type=row.question_type,
                    given=row.given,
                    position=place[row.round_id],
                )
            )
    return rounds, answers


def of_code(facts: RoundFacts, code: ClassCode) -> bool:
    """Whether the round was played with the class code (its seed and, when the code has
    it, its number of questions)."""
    return facts.seed == code.seed and (code.count is None or facts.question_count == code.count)


def read_roster(path: Path) -> list[str]:
    """The names of a roster file, one a line (blank lines and # comments skipped).
    Raises ReportUsageError when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportUsageError(f"cannot read the roster {path}: {os_words(exc)}") from exc
    names = []
    for line in text.splitlines():
        name = line.strip()
        if name and not name.startswith("#") and name not in names:
            names.append(name)
    return names


def roster_status(
    names: Sequence[str],
    saves: Sequence[SaveFileRows],
    rounds: Sequence[RoundFacts],
    left_out: Sequence[RoundFacts] = (),
) -> Roster:
    """Who on the roster finished, only started, or handed nothing in (of the rounds
    reported), and who handed in without being on it. Names match ignoring case."""
    plain = {label: player for (_, player), label in student_labels(saves).items()}
    finished: dict[str, set[str]] = defaultdict(set)
    started: dict[str, set[str]] = defaultdict(set)
    for facts in rounds:
        player = plain.get(facts.player, facts.player).casefold()
        (finished if facts.finished else started)[player].add(facts.player)
    other = {plain.get(r.player, r.player).casefold() for r in left_out}
    on_roster = {name.casefold() for name in names}
    roster = Roster()
    for name in names:
        folded = name.casefold()
        done = finished.get(folded, set())
        begun = started.get(folded, set()) - done
        if len(done | begun) > 1:
            # Several students answer to this name (two Mias in two folders): each is listed
            # with their folder, in the group of their own rounds.
            roster.finished += sorted(done, key=str.casefold)
            roster.started += sorted(begun, key=str.casefold)
        elif done:
            roster.finished.append(name)
        elif begun:
            roster.started.append(name)
        elif folded in other:
            roster.other_code.append(name)
        else:
            roster.missing.append(name)
    strangers = {
        label
        for player, labels in (*finished.items(), *started.items())
        for label in labels
        if player not in on_roster
    }
    roster.not_on_roster = sorted(strangers, key=str.casefold)
    return roster


def _shared_names(saves: Sequence[SaveFileRows], bank_ids: set[str]) -> list[str]:
    sources_by_player: dict[str, list[str]] = defaultdict(list)
    for save, name in zip(saves, short_sources(saves), strict=True):
        for player in sorted({r.player for r in save.rounds if r.bank_id in bank_ids}):
            sources_by_player[player].append(name)
    return [
        f"{len(sources)} students named {player} ({', '.join(sources)}): "
        "kept apart, each shown with their folder or file."
        for player, sources in sorted(sources_by_player.items())
        if len(sources) > 1
    ]


def class_report(
    paths: Sequence[Path],
    bank_id: str | None,
    mode: str | None,
    fmt: str,
    *,
    code: ClassCode | None = None,
    roster: Sequence[str] | None = None,
    options_for: Callable[[str], Mapping[str, tuple[str, ...]] | None] | None = None,
    table: str | None = None,
) -> ClassReport:
    """Read every save file, analyse the rounds (of bank_id, mode and the class code when
    given), render in fmt (for csv, the one table named)."""
    report = ClassReport("")
    saves = []
    for path in paths:
        try:
            saves.append(open_read_only(path))
        except StoreError as exc:
            report.notices.append(f"skipped {path}: {exc}")
        except OSError as exc:
            report.notices.append(f"skipped {path}: {os_words(exc)}")
    report.files_read = len(saves)
    report.saves = saves
    rounds, answers = facts_from(saves)
    others: list[RoundFacts] = []
    if code is not None:
        others = [r for r in rounds if not of_code(r, code) and r.mode == "exam"]
        rounds = [r for r in rounds if of_code(r, code)]
        for facts in others:
            played = "another class code" if facts.seed is not None else "no class code"
            if facts.seed is not None:
                played += f" ({facts.seed}-{facts.question_count})"
            report.notices.append(
                f"left out: {facts.player}'s exam round of {facts.started_at:%Y-%m-%d %H:%M} "
                f"was played with {played}, not {code}."
            )
    options = {}
    if options_for is not None:
        for bank in sorted({r.bank_id for r in rounds}):
            found = options_for(bank)
            if found is not None:
                options[bank] = found
    analyses = analyse(rounds, answers, bank_id, mode, options)
    report.analyses = analyses
    if not analyses:
        conditions = [
            text
            for text in (
                f"of bank {bank_id}" if bank_id else "",
                f"in {mode} mode" if mode else "",
                f"with class code {code}" if code else "",
            )
            if text
        ]
        count = len(saves)
        message = " ".join(
            ["No rounds", *conditions, f"in the {count} save file{'s' if count != 1 else ''} read"]
        )
        if not paths:
            message = "No save files were found, so there are no rounds to report"
        elif not saves:  # each file was skipped, and said why
            message = (
                "The save file could not be read, so there are no rounds to report"
                if len(paths) == 1
                else f"None of the {len(paths)} save files could be read, so there are no "
                "rounds to report"
            )
        banks = sorted({r.bank_id for r in rounds})
        if bank_id and banks:
            message += f"; banks found: {', '.join(banks)}"
        report.notices.append(sentence(message))
        return report
    report.notices += _shared_names(saves, {a.bank_id for a in analyses})
    reported = [r for r in rounds if r.bank_id in {a.bank_id for a in analyses}]
    if mode is not None:
        reported = [r for r in reported if r.mode == mode]
    if bank_id is not None:
        reported = [r for r in reported if r.bank_id == bank_id]
    report.rounds, report.answers = reported, answers
    if roster is not None:
        report.roster = roster_status(roster, saves, reported, others)
    report.context = ReportContext(mode=mode, code=None if code is None else str(code))
    report.context.roster = report.roster
    report.text = report_text(analyses, fmt, report.context, table=table)
    return report
