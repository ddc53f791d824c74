"""`quiz report` as text: a table that fits 80 columns, CSV for a spreadsheet, or Markdown.

Text from save files is shown as stored, except control characters (which quiz never
stores, but a save file collected from a student's machine could hold), which become
spaces so they cannot drive the teacher's terminal. CSV cells that a spreadsheet would run
as a formula get a leading ' (as in ``quiz export``).
"""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Mapping, Sequence

from game.core.safe_text import several_lines
from game.report.analysis import (
    MIN_STUDENTS,
    TOO_EASY,
    TOO_HARD,
    BankAnalysis,
    QuestionLine,
    StudentLine,
)
from game.report.history import display_width, fit, neutralise_cell

REPORT_FORMATS = ("table", "csv", "markdown")
TABLE_WIDTH = 80
_GAP = "  "
_MARKDOWN_SPECIAL = set("\\`*_[]<>|~&#")

STUDENT_COLUMNS = (
    "bank_id",
    "student",
    "rounds",
    "unfinished",
    "best_percent",
    "latest_percent",
)
QUESTION_COLUMNS = (
    "bank_id",
    "question_id",
    "students",
    "missed",
    "facility",
    "discrimination",
    "discrimination_note",
    "flags",
    "prompt",
    "expected",
    "explanation",
)


def legend() -> str:
    """What the figures mean, in a teacher's words."""
    return (
        "Facility: the share of the points the students scored on the question "
        "(a partly right answer counts its share), from each student's first answer to it. "
        f"Flagged too easy above {TOO_EASY:g}, too hard below {TOO_HARD:g}. "
        "Discrimination: how the question's score goes with the score on the rest of the "
        "bank (correlation, -1 to 1; 0.3 or more separates stronger from weaker students "
        "well; below 0 the stronger students miss it more often). "
        f"n/a: fewer than {MIN_STUDENTS} students answered it and another question, or "
        "everyone scored the same; a figure from so few would mislead."
    )


def clean(text: str) -> str:
    """text with control characters other than new lines and tabs written out (\\x1b)."""
    return several_lines(text)


def percent_text(value: float | None) -> str:
    """83%, or - when there is no finished round."""
    return "-" if value is None else f"{value:.0f}%"


def ratio_text(value: float | None) -> str:
    """0.83 or -0.12; n/a when not computed."""
    return "n/a" if value is None else f"{value:.2f}"


def _wrap(text: str, width: int, indent: str) -> list[str]:
    lines = []
    for paragraph in clean(text).split("\n"):
        lines += textwrap.wrap(
            paragraph, width, initial_indent=indent, subsequent_indent=indent
        ) or [indent.rstrip()]
    return lines


def _table(headers: Sequence[str], rows: list[list[str]], width: int, wrap_last: bool) -> list[str]:
    """Columns two spaces apart, the first cut with … to fit; the others right-aligned, or,
    with wrap_last, the last one left-aligned and wrapped."""
    widths = [
        max(display_width(headers[i]), *(display_width(row[i]) for row in rows))
        for i in range(len(headers))
    ]
    last = len(headers) - 1 if wrap_last else len(headers)
    if wrap_last:
        widths[last] = max(display_width(headers[last]), min(widths[last], 30))
    room = width - len(_GAP) * (len(headers) - 1)
    widths[0] = max(10, min(widths[0], room - sum(widths[1:])))

    def line(cells: Sequence[str]) -> list[str]:
        """One row, as one line or (wrapped) several."""
        fixed = [fit(cells[0], widths[0])]
        fixed += [cells[i].rjust(widths[i]) for i in range(1, last)]
        if not wrap_last:
            return [_GAP.join(fixed).rstrip()]
        wrapped = textwrap.wrap(cells[last], widths[last]) or [""]
        out = [_GAP.join([*fixed, wrapped[0]]).rstrip()]
        blank = " " * (sum(widths[:last]) + len(_GAP) * last)
        out += [(blank + more).rstrip() for more in wrapped[1:]]
        return out

    lines = line(headers)
    lines.append(_GAP.join("-" * w for w in widths))
    for row in rows:
        lines += line(row)
    return lines


def _student_cells(student: StudentLine) -> list[str]:
    return [
        student.player,
        str(student.rounds),
        str(student.unfinished),
        percent_text(student.best_percent),
        percent_text(student.latest_percent),
    ]


def _question_cells(question: QuestionLine) -> list[str]:
    return [
        question.question_id,
        str(question.students),
        ratio_text(question.facility),
        ratio_text(question.discrimination),
        ", ".join(question.flags),
    ]


def _missed_heading(number: int, question: QuestionLine) -> str:
    return (
        f"{number}. {question.question_id}: missed by {question.missed} of "
        f"{question.students} student{'s' if question.students != 1 else ''} "
        f"(facility {ratio_text(question.facility)})"
    )


def _title(analysis: BankAnalysis, mode: str | None) -> str:
    students = len(analysis.students)
    shown = f"{analysis.bank_title} ({analysis.bank_id}): {students} student"
    shown += "s" if students != 1 else ""
    shown += f", {analysis.rounds} round{'s' if analysis.rounds != 1 else ''}"
    return shown + (f" in {mode} mode" if mode else "")


def table_text(analyses: Sequence[BankAnalysis], mode: str | None = None) -> str:
    """The report as text tables no wider than 80 columns."""
    lines: list[str] = []
    for analysis in analyses:
        if lines:
            lines.append("")
        lines += [fit(clean(_title(analysis, mode)), TABLE_WIDTH).rstrip(), ""]
        student_rows = [_student_cells(s) for s in analysis.students]
        headers = ("Student", "Rounds", "Unfinished", "Best", "Latest")
        cleaned = [[clean(c) for c in r] for r in student_rows]
        lines += _table(headers, cleaned, TABLE_WIDTH, wrap_last=False)
        lines.append("")
        question_rows = [[clean(c) for c in _question_cells(q)] for q in analysis.questions]
        headers = ("Question", "Students", "Facility", "Discrimination", "Flags")
        lines += _table(headers, question_rows, TABLE_WIDTH, wrap_last=True)
        lines += ["", *textwrap.wrap(legend(), TABLE_WIDTH), ""]
        if not analysis.most_missed:
            lines.append("No question was missed.")
            continue
        lines.append("Most missed, to go over in class:")
        for number, question in enumerate(analysis.most_missed, start=1):
            lines += _wrap(_missed_heading(number, question), TABLE_WIDTH, "")
            lines += _wrap(question.prompt, TABLE_WIDTH, "   ")
            lines += _wrap(f"Right answer: {question.expected}", TABLE_WIDTH, "   ")
            lines += _wrap(f"Explanation: {question.explanation}", TABLE_WIDTH, "   ")
    return "\n".join(lines) + "\n"


def _csv_number(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def csv_text(analyses: Sequence[BankAnalysis]) -> str:
    """Two CSV tables, a blank line between: one row per student per bank, then one per
    question per bank (facility and discrimination to 3 decimals, empty when n/a)."""
    students = [
        {
            "bank_id": a.bank_id,
            "student": s.player,
            "rounds": s.rounds,
            "unfinished": s.unfinished,
            "best_percent": _csv_number(s.best_percent, 1),
            "latest_percent": _csv_number(s.latest_percent, 1),
        }
        for a in analyses
        for s in a.students
    ]
    questions = [
        {
            "bank_id": a.bank_id,
            "question_id": q.question_id,
            "students": q.students,
            "missed": q.missed,
            "facility": _csv_number(q.facility, 3),
            "discrimination": _csv_number(q.discrimination, 3),
            "discrimination_note": q.discrimination_note,
            "flags": "; ".join(q.flags),
            "prompt": q.prompt,
            "expected": q.expected,
            "explanation": q.explanation,
        }
        for a in analyses
        for q in a.questions
    ]
    cleaned = [
        [{k: clean(v) if isinstance(v, str) else v for k, v in r.items()} for r in records]
        for records in (students, questions)
    ]
    return _csv(STUDENT_COLUMNS, cleaned[0]) + "\n" + _csv(QUESTION_COLUMNS, cleaned[1])


def _csv(columns: Sequence[str], records: Sequence[Mapping[str, object]]) -> str:
    """A CSV table: text cells neutralised against formulas, numbers left as numbers (so a
    negative discrimination stays a number), None empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for record in records:
        writer.writerow(
            [
                neutralise_cell(value) if isinstance(value, str) else "" if value is None else value
                for value in (record[column] for column in columns)
            ]
        )
    return buffer.getvalue()


def markdown_escape(text: str) -> str:
    """text that Markdown shows as written: special characters escaped, new lines as <br>."""
    escaped = "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in clean(text))
    return escaped.replace("\r", "").replace("\n", "<br>")


def _markdown_table(headers: Sequence[str], rows: list[list[str]], text_last: bool) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |"]
    numbers = len(headers) - 2 if text_last else len(headers) - 1
    lines.append("| --- |" + " ---: |" * numbers + (" --- |" if text_last else ""))
    lines += ["| " + " | ".join(markdown_escape(cell) for cell in row) + " |" for row in rows]
    return lines


def markdown_text(analyses: Sequence[BankAnalysis], mode: str | None = None) -> str:
    """The report as Markdown: a section per bank with two tables and the most missed."""
    lines: list[str] = []
    for analysis in analyses:
        lines += [f"## {markdown_escape(_title(analysis, mode))}", "", "### Students", ""]
        lines += _markdown_table(
            ("Student", "Rounds", "Unfinished", "Best", "Latest"),
            [_student_cells(s) for s in analysis.students],
            text_last=False,
        )
        lines += ["", "### Questions", ""]
        lines += _markdown_table(
            ("Question", "Students", "Facility", "Discrimination", "Flags"),
            [_question_cells(q) for q in analysis.questions],
            text_last=True,
        )
        lines += ["", markdown_escape(legend()), "", "### Most missed", ""]
        if not analysis.most_missed:
            lines += ["No question was missed.", ""]
        for number, question in enumerate(analysis.most_missed, start=1):
            lines += [
                markdown_escape(_missed_heading(number, question)),
                f"   - Question: {markdown_escape(question.prompt)}",
                f"   - Right answer: {markdown_escape(question.expected)}",
                f"   - Explanation: {markdown_escape(question.explanation)}",
                "",
            ]
    return "\n".join(lines).rstrip("\n") + "\n"


def report_text(analyses: Sequence[BankAnalysis], fmt: str, mode: str | None = None) -> str:
    """The report in fmt (table, csv or markdown); raises ValueError for another fmt."""
    if fmt == "table":
        return table_text(analyses, mode)
    if fmt == "csv":
        return csv_text(analyses)
    if fmt == "markdown":
        return markdown_text(analyses, mode)
    raise ValueError(f"report format must be one of {', '.join(REPORT_FORMATS)}")
