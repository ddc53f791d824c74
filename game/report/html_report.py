"""`quiz report --format html`: one self-contained page a teacher can open, print or share.

No network: the styles are inline, the facility chart is inline SVG, there is no script,
no font, no image to fetch. Every text from a save file is HTML-escaped (and its control
characters written out), so a name like ``<script>`` is shown, never run.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from game.report.analysis import BankAnalysis, QuestionLine
from game.report.context import ReportContext
from game.report.report_text import (
    _missed_heading,
    _student_cells,
    _title,
    answer_lines,
    clean,
    legend,
    question_label,
    ratio_text,
    roster_lines,
    unfinished_text,
)

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; color: #1a1a1a; line-height: 1.4; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 2px solid #ccc; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left;
         vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #eee; }
.flag { color: #9a3412; font-weight: 600; }
.right { color: #166534; font-weight: 600; }
.chart text { font-size: 12px; font-family: inherit; }
.chart .bar { fill: #2563eb; } .chart .bar.low { fill: #dc2626; }
.chart .bar.high { fill: #16a34a; }
.legend, .note { color: #444; font-size: .9rem; }
section.question { break-inside: avoid; margin-bottom: 1rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-before: page; } h2:first-of-type { break-before: auto; }
  table, svg, section.question { break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact;
       print-color-adjust: exact; }
  .chart .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

BAR_ROW = 22
LABEL_WIDTH = 330
BAR_WIDTH = 300


def esc(text: str) -> str:
    """Text from a save file, safe in HTML and shown as written."""
    return html.escape(clean(text), quote=True)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int]) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{esc(cell)}</td>' if i in numeric else f"<td>{esc(cell)}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def facility_chart(questions: Sequence[QuestionLine]) -> str:
    """A horizontal bar per question, in exam order: its facility, 0 to 1."""
    height = BAR_ROW * len(questions) + 24
    width = LABEL_WIDTH + BAR_WIDTH + 50
    parts = [
        f'<svg class="chart" role="img" aria-label="Facility per question" '
        f'xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    for row, question in enumerate(questions):
        y = row * BAR_ROW
        length = round(BAR_WIDTH * max(0.0, min(1.0, question.facility)))
        level = (
            "low"
            if "too hard" in question.flags
            else "high"
            if "too easy" in question.flags
            else ""
        )
        label = esc(question_label(question, 44))
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{label}</text>'
            f'<rect class="bar {level}" x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" '
            f'height="{BAR_ROW - 6}"><title>{esc(question.question_id)}: facility '
            f"{ratio_text(question.facility)}</title></rect>"
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 15}">'
            f"{ratio_text(question.facility)}</text>"
        )
    axis = BAR_ROW * len(questions) + 4
    parts.append(
        f'<line x1="{LABEL_WIDTH}" y1="{axis}" x2="{LABEL_WIDTH + BAR_WIDTH}" y2="{axis}" '
        'stroke="#888"/>'
        f'<text x="{LABEL_WIDTH}" y="{axis + 16}">0</text>'
        f'<text x="{LABEL_WIDTH + BAR_WIDTH}" y="{axis + 16}" text-anchor="end">1</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _answers(question: QuestionLine) -> str:
    items = []
    heading = ""
    for line in answer_lines(question.breakdown):
        if line.endswith(":"):
            heading = f'<p class="note">{esc(line)}</p>'
            continue
        css = "flag" if line.startswith("Flag: ") else "right" if line.endswith("(right)") else ""
        items.append(f'<li class="{css}">{esc(line)}</li>' if css else f"<li>{esc(line)}</li>")
    return (
        f'<section class="question"><h4>{esc(question_label(question, 200))}</h4>'
        f'<p class="note">Right answer: {esc(question.expected)}</p>'
        f"{heading}<ul>{''.join(items)}</ul></section>"
    )


def _bank(analysis: BankAnalysis, context: ReportContext) -> str:
    out = [f"<h2>{esc(_title(analysis, context))}</h2>", "<h3>Students</h3>"]
    out.append(
        _table(
            ("Student", "Rounds", "Unfinished", "Best", "Latest"),
            [_student_cells(s) for s in analysis.students],
            {1, 2, 3, 4},
        )
    )
    if analysis.unfinished:
        out.append("<h3>Started, not finished (not scored)</h3><ul>")
        out += [f"<li>{esc(unfinished_text(u))}</li>" for u in analysis.unfinished]
        out.append("</ul>")
    if analysis.questions:
        out.append("<h3>Facility per question, in exam order</h3>")
        out.append(facility_chart(analysis.questions))
        out.append(
            '<p class="note">Green: flagged too easy (facility over 0.9); red: too hard '
            "(under 0.2); blue: the others.</p>"
        )
        out.append("<h3>Questions</h3>")
        out.append(
            _table(
                ("Question", "Id", "Students", "Facility", "Discrimination", "Flags"),
                [
                    (
                        question_label(q, 80),
                        q.question_id,
                        str(q.students),
                        ratio_text(q.facility),
                        ratio_text(q.discrimination),
                        ", ".join(q.flags),
                    )
                    for q in analysis.questions
                ],
                {2, 3, 4},
            )
        )
        out.append(f'<p class="legend">{esc(legend())}</p>')
        out.append("<h3>What the students answered</h3>")
        out += [_answers(q) for q in analysis.questions]
    out.append("<h3>Most missed, to go over in class</h3>")
    if not analysis.most_missed:
        out.append("<p>No question was missed.</p>")
    for number, question in enumerate(analysis.most_missed, start=1):
        out.append(
            f"<p><strong>{esc(_missed_heading(number, question))}</strong><br>"
            f"{esc(question.prompt)}<br>Right answer: {esc(question.expected)}<br>"
            f"Explanation: {esc(question.explanation)}</p>"
        )
    return "\n".join(out)


def html_text(analyses: Sequence[BankAnalysis], context: ReportContext) -> str:
    """The whole report as one HTML page."""
    title = "Class report" + (f" – class code {context.code}" if context.code else "")
    body = [f"<h1>{esc(title)}</h1>"]
    if context.roster is not None:
        body.append("<h2>Roster</h2><ul>")
        body += [f"<li>{esc(line)}</li>" for line in roster_lines(context.roster)]
        body.append("</ul>")
    body += [_bank(analysis, context) for analysis in analyses]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
