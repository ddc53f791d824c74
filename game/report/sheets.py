"""Per-student answer sheets: what a teacher hands back.

For each round of the student that the report covers: every question in the order asked,
the answer given, the right answer, the points, and the explanation. Text (80 columns) or
Markdown.
"""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict
from collections.abc import Sequence

from game.report.analysis import AnswerFacts, RoundFacts, percent
from game.report.report_text import TABLE_WIDTH, clean, markdown_escape, percent_text

SHEET_FORMATS = {"table": ".txt", "markdown": ".md"}


def students_in(rounds: Sequence[RoundFacts]) -> list[str]:
    """Every student with a round, in name order."""
    return sorted({r.player for r in rounds}, key=lambda name: (name.casefold(), name))


def matching_students(rounds: Sequence[RoundFacts], name: str) -> list[str]:
    """The students called name (ignoring case): one, or several with their folders."""
    wanted = name.strip().casefold()
    found = [
        s
        for s in students_in(rounds)
        if s.casefold() == wanted or s.casefold().startswith(wanted + " (")
    ]
    return found


def _round_heading(facts: RoundFacts) -> str:
    state = (
        f"{facts.score} of {facts.max_score} points "
        f"({percent_text(percent(facts.score, facts.max_score))})"
        if facts.finished
        else f"not finished: {facts.answered} of {facts.question_count} answered"
    )
    return f"{facts.bank_title}, {facts.mode} round of {facts.started_at:%Y-%m-%d %H:%M}: {state}"


def _wrap(text: str, indent: str) -> list[str]:
    lines = []
    for paragraph in clean(text).split("\n"):
        lines += textwrap.wrap(
            paragraph, TABLE_WIDTH, initial_indent=indent, subsequent_indent=indent
        ) or [indent.rstrip()]
    return lines


def sheet_text(
    student: str, rounds: Sequence[RoundFacts], answers: Sequence[AnswerFacts], fmt: str
) -> str:
    """The answer sheet of one student (their rounds among those given)."""
    theirs = sorted((r for r in rounds if r.player == student), key=lambda r: r.started_at)
    by_round: dict[object, list[AnswerFacts]] = defaultdict(list)
    for answer in answers:
        by_round[answer.round_key].append(answer)
    markdown = fmt == "markdown"
    lines = [
        f"# Answer sheet: {markdown_escape(student)}"
        if markdown
        else f"Answer sheet: {clean(student)}"
    ]
    for facts in theirs:
        heading = _round_heading(facts)
        lines += ["", f"## {markdown_escape(heading)}" if markdown else clean(heading)]
        given = sorted(by_round[facts.key], key=lambda a: (a.position, a.answered_at))
        for number, answer in enumerate(given, start=1):
            mark = {"right": "right", "partly": "partly right", "wrong": "wrong"}[answer.result]
            parts = [
                ("Question", answer.prompt),
                ("Your answer", answer.given),
                ("Right answer", answer.expected),
                ("Points", f"{answer.points} of {answer.max_points} ({mark})"),
                ("Explanation", answer.explanation),
            ]
            if markdown:
                lines += ["", f"### {number}. {markdown_escape(answer.prompt)}", ""]
                lines += [f"- **{label}:** {markdown_escape(value)}" for label, value in parts[1:]]
            else:
                lines += ["", *_wrap(f"{number}. {answer.prompt}", "")]
                lines += [
                    line for label, value in parts[1:] for line in _wrap(f"{label}: {value}", "   ")
                ]
        if not facts.finished:
            missing = facts.question_count - len(given)
            lines += ["", f"{missing} question{'s' if missing != 1 else ''} not answered."]
    return "\n".join(lines) + "\n"


def sheet_file_name(student: str, fmt: str) -> str:
    """A file name for the student's sheet: letters, digits, - and _ only."""
    stem = re.sub(r"[^\w-]+", "-", student, flags=re.UNICODE).strip("-_") or "student"
    return stem[:80] + SHEET_FORMATS.get(fmt, ".txt")
