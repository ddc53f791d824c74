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

from game.core import figures
from game.core.safe_text import several_lines
from game.report.analysis import (
    MIN_STUDENTS,
    TOO_EASY,
    TOO_HARD,
    BankAnalysis,
    QuestionLine,
    StudentLine,
    UnfinishedLine,
)
from game.report.answers import Breakdown
from game.report.context import ReportContext, Roster
from game.report.history import display_width, fit, neutralise_cell

REPORT_FORMATS = ("table", "csv", "markdown", "html")
CSV_TABLES = ("students", "questions", "options")
PROMPT_START = 48  # columns of a prompt's start in the questions table
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
    "position",
    "question_id",
    "question_type",
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
OPTION_COLUMNS = (
    "bank_id",
    "position",
    "question_id",
    "question_type",
    "answer",
    "students",
    "right",
    "flag",
)
UNFINISHED_COLUMNS = ("bank_id", "student", "started_at", "answered", "questions")


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
    """83%, or - when there is no finished round (rounded half up: game.core.figures)."""
    return figures.percent_text(value)


def ratio_text(value: float | None) -> str:
    """0.83 or -0.12, rounded half up (0.625 → 0.63); n/a when not computed."""
    return figures.decimal_text(value)


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


def prompt_start(text: str, width: int = PROMPT_START) -> str:
    """The start of a prompt on one line in at most width columns, cut at a word boundary
    with … (a single word longer than width is cut inside)."""
    flat = " ".join(clean(text).split())
    if display_width(flat) <= width:
        return flat
    kept = ""
    for word in flat.split(" "):
        candidate = f"{kept} {word}" if kept else word
        if display_width(candidate) > width - 1:
            break
        kept = candidate
    if not kept:
        return fit(flat, width).rstrip()
    return kept.rstrip(",;:.-–—") + "…"


def question_label(question: QuestionLine, width: int = PROMPT_START) -> str:
    """``3. Which river…``: the question's place in the exam and the start of its prompt."""
    number = f"{question.position}. " if question.position else ""
    return number + prompt_start(question.prompt, width - len(number))


def _student_cells(student: StudentLine) -> list[str]:
    return [
        student.player,
        str(student.rounds),
        str(student.unfinished),
        percent_text(student.best_percent),
        percent_text(student.latest_percent),
    ]


def unfinished_text(line: UnfinishedLine) -> str:
    """``Lee: started 2025-03-03 09:05, 2 of 8 answered``."""
    return (
        f"{line.player}: started {line.started_at:%Y-%m-%d %H:%M}, "
        f"{line.answered} of {line.total} answered"
    )


def _missed_heading(number: int, question: QuestionLine) -> str:
    where = f" (question {question.position})" if question.position else ""
    return (
        f"{number}. {question.question_id}{where}: missed by {question.missed} of "
        f"{question.students} student{'s' if question.students != 1 else ''} "
        f"(facility {ratio_text(question.facility)})"
    )


def _title(analysis: BankAnalysis, context: ReportContext) -> str:
    students = len(analysis.students)
    shown = f"{analysis.bank_title} ({analysis.bank_id}): {students} student"
    shown += "s" if students != 1 else ""
    shown += f", {analysis.rounds} finished round{'s' if analysis.rounds != 1 else ''}"
    if context.code:
        shown += f", class code {context.code}"
    return shown + (f" in {context.mode} mode" if context.mode else "")


def answer_lines(breakdown: Breakdown | None) -> list[str]:
    """What the class answered to a question, one line each (no indent)."""
    if breakdown is None:
        return []
    lines = []
    if breakdown.options:
        for option in breakdown.options:
            mark = " (right)" if option.key else ""
            lines.append(f"{option.count} × {option.option}{mark}")
        if not breakdown.all_options_known:
            lines.append("(options nobody chose are not known without the bank)")
    elif breakdown.wrong:
        heading = {
            "order": "Most common wrong positions:",
            "match": "Most common wrong pairs:",
        }.get(breakdown.kind, "Most common wrong answers:")
        lines.append(heading)
        lines += [f"{count} × {text}" for text, count in breakdown.wrong]
    elif breakdown.kind not in ("choice", "multi", "truefalse"):
        lines.append("No wrong answer given.")
    if breakdown.unanswered:
        lines.append(f"{breakdown.unanswered} × (no answer)")
    lines += [f"Flag: {flag}" for flag in breakdown.flags]
    return lines


def roster_lines(roster: Roster) -> list[str]:
    """The roster in words: one line per group, the names after it."""
    groups = (
        ("Finished", roster.finished),
        ("Started, not finished", roster.started),
        ("Played another class code", roster.other_code),
        ("Not handed in", roster.missing),
        ("Handed in, not on the roster", roster.not_on_roster),
    )
    return [
        f"{label} ({len(names)}): {', '.join(names) if names else '-'}"
        for label, names in groups
        if names or label not in ("Handed in, not on the roster", "Played another class code")
    ]


def _question_table(questions: Sequence[QuestionLine]) -> list[str]:
    """Exam order; the start of each prompt; figures right-aligned; flags wrapped below
    when they do not fit."""
    headers = ("Question", "Students", "Facility", "Discrim.")
    cells_of = [
        [str(q.students), ratio_text(q.facility), ratio_text(q.discrimination)] for q in questions
    ]
    widths = [len(h) for h in headers[1:]]
    room = TABLE_WIDTH - sum(widths) - len(_GAP) * len(widths)
    lines = [_GAP.join([fit(headers[0], room), *headers[1:]])]
    lines.append(_GAP.join("-" * w for w in (room, *widths)))
    for question, cells in zip(questions, cells_of, strict=True):
        label = clean(question_label(question, room))
        row = [fit(label, room), *(c.rjust(w) for c, w in zip(cells, widths, strict=True))]
        lines.append(_GAP.join(row).rstrip())
        if question.flags:
            lines += textwrap.wrap(
                "flagged: " + ", ".join(question.flags),
                TABLE_WIDTH,
                initial_indent="    ",
                subsequent_indent="    ",
            )
    return lines


def table_text(analyses: Sequence[BankAnalysis], context: ReportContext | None = None) -> str:
    """The report as text no wider than 80 columns."""
    context = context or ReportContext()
    lines: list[str] = []
    if context.roster is not None:
        lines += ["Roster", ""]
        for line in roster_lines(context.roster):
            lines += _wrap(line, TABLE_WIDTH, "")
        lines.append("")
    for analysis in analyses:
        if lines and lines[-1] != "":
            lines.append("")
        lines += [*_wrap(_title(analysis, context), TABLE_WIDTH, ""), ""]
        student_rows = [[clean(c) for c in _student_cells(s)] for s in analysis.students]
        headers = ("Student", "Rounds", "Unfinished", "Best", "Latest")
        if student_rows:
            lines += _table(headers, student_rows, TABLE_WIDTH, wrap_last=False)
        else:
            lines.append("No student finished a round.")
        if analysis.unfinished:
            lines += ["", "Started, not finished (not scored):"]
            for started in analysis.unfinished:
                lines += _wrap(unfinished_text(started), TABLE_WIDTH, "  ")
        lines.append("")
        if analysis.questions:
            lines += _question_table(analysis.questions)
        lines += ["", *textwrap.wrap(legend(), TABLE_WIDTH), ""]
        if analysis.questions:
            lines.append("What the students answered (each student's first answer):")
            for question in analysis.questions:
                lines += ["", *_wrap(question_label(question, TABLE_WIDTH), TABLE_WIDTH, "")]
                for line in answer_lines(question.breakdown):
                    lines += _wrap(line, TABLE_WIDTH, "   ")
            lines.append("")
        if not analysis.most_missed:
            lines.append("No question was missed.")
            continue
        lines.append("Most missed, to go over in class:")
        for number, question in enumerate(analysis.most_missed, start=1):
            lines += _wrap(_missed_heading(number, question), TABLE_WIDTH, "")
            lines += _wrap(question.prompt, TABLE_WIDTH, "   ")
            lines += _wrap(f"Right answer: {question.expected}", TABLE_WIDTH, "   ")
            lines += _wrap(f"Explanation: {question.explanation}", TABLE_WIDTH, "   ")
    return "\n".join(lines).rstrip("\n") + "\n"


def _csv_number(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _csv_percent(value: float | None) -> int | None:
    return None if value is None else figures.round_half_up(value)


def table_records(analyses: Sequence[BankAnalysis], table: str) -> list[dict[str, object]]:
    """The rows of one table (students, questions, options or unfinished) as dicts."""
    if table == "students":
        return [
            {
                "bank_id": a.bank_id,
                "student": s.player,
                "rounds": s.rounds,
                "unfinished": s.unfinished,
                # Whole percentages rounded as the table rounds them (85.6 is 86 in both).
                "best_percent": _csv_percent(s.best_percent),
                "latest_percent": _csv_percent(s.latest_percent),
            }
            for a in analyses
            for s in a.students
        ]
    if table == "questions":
        return [
            {
                "bank_id": a.bank_id,
                "position": q.position or None,
                "question_id": q.question_id,
                "question_type": q.breakdown.kind if q.breakdown else None,
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
    if table == "options":
        return [row for a in analyses for q in a.questions for row in _option_records(a, q)]
    if table == "unfinished":
        return [
            {
                "bank_id": a.bank_id,
                "student": u.player,
                "started_at": u.started_at.isoformat(timespec="seconds"),
                "answered": u.answered,
                "questions": u.total,
            }
            for a in analyses
            for u in a.unfinished
        ]
    raise ValueError(f"the CSV table is one of {', '.join(CSV_TABLES)}")


def _option_records(analysis: BankAnalysis, question: QuestionLine) -> list[dict[str, object]]:
    breakdown = question.breakdown
    if breakdown is None:
        return []
    base = {
        "bank_id": analysis.bank_id,
        "position": question.position or None,
        "question_id": question.question_id,
        "question_type": breakdown.kind,
    }
    rows: list[dict[str, object]] = []
    for option in breakdown.options:
        flag = next((f for f in breakdown.flags if f"“{option.option}”" in f), None)
        rows.append(
            {
                **base,
                "answer": option.option,
                "students": option.count,
                "right": "yes" if option.key else "no",
                "flag": flag,
            }
        )
    for text, count in breakdown.wrong:
        rows.append({**base, "answer": text, "students": count, "right": "no", "flag": None})
    if breakdown.unanswered:
        rows.append(
            {
                **base,
                "answer": "(no answer)",
                "students": breakdown.unanswered,
                "right": "no",
                "flag": None,
            }
        )
    return rows


TABLE_COLUMNS = {
    "students": STUDENT_COLUMNS,
    "questions": QUESTION_COLUMNS,
    "options": OPTION_COLUMNS,
    "unfinished": UNFINISHED_COLUMNS,
}


def csv_table(analyses: Sequence[BankAnalysis], table: str) -> str:
    """One CSV table (students, questions, options or unfinished), every line ending in CRLF
    (new lines inside a cell too), so that any reader sees one kind of line end."""
    return _csv(TABLE_COLUMNS[table], table_records(analyses, table))


def csv_text(analyses: Sequence[BankAnalysis], table: str = "students") -> str:
    """The named CSV table (students by default)."""
    return csv_table(analyses, table)


def _csv(columns: Sequence[str], records: Sequence[Mapping[str, object]]) -> str:
    """A CSV table: text cells neutralised against formulas, numbers left as numbers (so a
    negative discrimination stays a number), None empty; CRLF throughout."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(
            [
                _crlf(neutralise_cell(clean(value)))
                if isinstance(value, str)
                else ""
                if value is None
                else value
                for value in (record[column] for column in columns)
            ]
        )
    return buffer.getvalue()


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


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


def markdown_text(analyses: Sequence[BankAnalysis], context: ReportContext | None = None) -> str:
    """The report as Markdown: roster, then per bank students, unfinished rounds, questions
    in exam order, what the students answered, and the most missed."""
    context = context or ReportContext()
    lines: list[str] = []
    if context.roster is not None:
        lines += ["## Roster", ""]
        lines += [f"- {markdown_escape(line)}" for line in roster_lines(context.roster)]
        lines.append("")
    for analysis in analyses:
        lines += [f"## {markdown_escape(_title(analysis, context))}", "", "### Students", ""]
        lines += _markdown_table(
            ("Student", "Rounds", "Unfinished", "Best", "Latest"),
            [_student_cells(s) for s in analysis.students],
            text_last=False,
        )
        if analysis.unfinished:
            lines += ["", "### Started, not finished (not scored)", ""]
            lines += [f"- {markdown_escape(unfinished_text(u))}" for u in analysis.unfinished]
        lines += ["", "### Questions", ""]
        lines += _markdown_table(
            ("Question", "Students", "Facility", "Discrimination", "Flags"),
            [
                [
                    question_label(q),
                    str(q.students),
                    ratio_text(q.facility),
                    ratio_text(q.discrimination),
                    ", ".join(q.flags),
                ]
                for q in analysis.questions
            ],
            text_last=True,
        )
        lines += ["", markdown_escape(legend()), "", "### What the students answered", ""]
        for question in analysis.questions:
            lines += [f"**{markdown_escape(question_label(question, 80))}**", ""]
            lines += [
                markdown_escape(line) + "\n" if line.endswith(":") else f"- {markdown_escape(line)}"
                for line in answer_lines(question.breakdown)
            ]
            lines.append("")
        lines += ["### Most missed", ""]
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


def report_text(
    analyses: Sequence[BankAnalysis],
    fmt: str,
    context: ReportContext | str | None = None,
    *,
    table: str | None = None,
) -> str:
    """The report in fmt (table, markdown, html, or csv: one table, students by default);
    raises ValueError for another fmt."""
    if isinstance(context, str) or context is None:
        context = ReportContext(mode=context)
    if fmt == "table":
        return table_text(analyses, context)
    if fmt == "csv":
        return csv_table(analyses, table or "students")
    if fmt == "markdown":
        return markdown_text(analyses, context)
    if fmt == "html":
        from game.report.html_report import html_text

        return html_text(analyses, context)
    raise ValueError(f"report format must be one of {', '.join(REPORT_FORMATS)}")
