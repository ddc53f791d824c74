"""A paper copy of a bank: numbered questions with space to answer, then a separate mark
scheme (answers, explanations, quotes), in Markdown or as one self-contained printable HTML
page (its style inside, no file or network fetched).

With a class code the paper is that exact round: the same questions, order and shuffles as
the game builds from the code (`game.core.rounds.build_round`). Without one, every question
in the bank's order, choices as written, and the items of ordering and matching questions
shuffled with a seed made from the bank's id (the same paper every time; never the answer
order).
"""

from __future__ import annotations

import html
import random
import zlib
from dataclasses import dataclass

from game.core.class_code import ClassCode, topic_for_number, topic_order
from game.core.model import Bank, QuestionType
from game.core.rounds import AskedQuestion, PlayRequest, ask, build_round

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True, slots=True)
class Paper:
    """What goes on paper: the bank, the questions as asked, and a line saying which."""

    bank: Bank
    questions: tuple[AskedQuestion, ...]
    heading: str


def paper_for(bank: Bank, code: ClassCode | None) -> Paper | str:
    """The questions the paper shows, or in words why the code does not fit the bank."""
    if code is None:
        rng = random.Random(zlib.crc32(bank.bank_id.encode("utf-8")))
        asked = []
        for question in bank.questions:
            shown = ask(question, rng)
            if question.type in (QuestionType.CHOICE, QuestionType.MULTI):
                shown = AskedQuestion(question, choices=question.choices)
            asked.append(shown)
        return Paper(bank, tuple(asked), f"All {len(asked)} questions of the bank.")
    if not code.complete:
        return (
            f"the class code {code} has no number of questions; give the whole code, e.g. {code}-10"
        )
    topics = topic_order(bank)
    topic = topic_for_number(code.topic_number, topics)
    if code.topic_number is not None and topic is None:
        return f"the class code {code} names topic {code.topic_number}; this bank has {len(topics)}"
    assert code.count is not None
    request = PlayRequest(
        bank.bank_id,
        mode="exam",
        topic=topic,
        count=code.count,
        difficulty=code.difficulty,
        seed=code.seed,
    )
    try:
        played = build_round(bank, request)
    except ValueError as error:
        return f"the class code {code} does not fit this bank: {error}"
    if played.total < code.count:
        return (
            f"the class code {code} is for {code.count} questions; only {played.total} fit "
            "in this bank: is it the right bank?"
        )
    return Paper(
        bank,
        played.questions,
        f"Class code {code}: the same questions, order and shuffles as the game.",
    )


# -- what each question asks, and its answer, as lines of plain text ---------------------------


def instruction(asked: AskedQuestion) -> str:
    """How to answer on paper."""
    return {
        QuestionType.CHOICE: "Tick one.",
        QuestionType.MULTI: "Tick every right answer.",
        QuestionType.TRUEFALSE: "Circle one.",
        QuestionType.SHORT: "Write your answer.",
        QuestionType.ORDER: "Number them in the right order, 1 first.",
        QuestionType.MATCH: "Write the letter of the matching right-hand item in each box.",
    }[asked.question.type]


def answer_lines(asked: AskedQuestion) -> list[str]:
    """The mark scheme's answer, one line a part, in the letters the paper shows."""
    question = asked.question
    kind = question.type
    if kind is QuestionType.CHOICE:
        letter = LETTERS[asked.choices.index(question.answer or "")]
        return [f"{letter}. {question.answer}"]
    if kind is QuestionType.MULTI:
        return [
            f"{LETTERS[index]}. {choice}"
            for index, choice in enumerate(asked.choices)
            if choice in question.answers
        ]
    if kind is QuestionType.TRUEFALSE:
        return ["True" if question.truth else "False"]
    if kind is QuestionType.SHORT:
        return [
            " / ".join(question.answers) + ("  (any of these)" if len(question.answers) > 1 else "")
        ]
    if kind is QuestionType.ORDER:
        return [f"{position}. {item}" for position, item in enumerate(question.items, start=1)]
    return [
        f"{number}. {left} → {LETTERS[asked.rights.index(right)]}. {right}"
        for number, (left, right) in enumerate(question.pairs, start=1)
    ]


# -- Markdown -------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text for Markdown: characters Markdown would act on behind a backslash."""
    out = []
    for char in text:
        if char in "\\`*_{}[]<>#|!~":
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out).replace("\n", "  \n")


def _md_quote(text: str) -> str:
    return "\n".join(f"> {_md(line)}" for line in text.split("\n"))


def to_markdown(paper: Paper) -> str:
    """The paper as Markdown: questions, then the mark scheme after a rule."""
    bank = paper.bank
    lines = [
        f"# {_md(bank.title)}",
        "",
        f"{_md(paper.heading)}",
        "",
        "Name: ______________________________   Date: ______________",
        "",
    ]
    for number, asked in enumerate(paper.questions, start=1):
        question = asked.question
        lines += [f"## {number}. {_md(question.prompt)}", "", f"*{instruction(asked)}*", ""]
        kind = question.type
        if kind in (QuestionType.CHOICE, QuestionType.MULTI):
            box = "( )" if kind is QuestionType.CHOICE else "[ ]"
            lines += [
                f"- {box} {LETTERS[i]}. {_md(choice)}" for i, choice in enumerate(asked.choices)
            ]
        elif kind is QuestionType.TRUEFALSE:
            lines.append("True   /   False")
        elif kind is QuestionType.SHORT:
            lines += ["Answer: ________________________________________", "", ""]
        elif kind is QuestionType.ORDER:
            lines += [f"- [ ] {_md(item)}" for item in asked.items]
        else:
            lefts = [f"{i}. {_md(left)} — [ ]" for i, left in enumerate(asked.lefts, start=1)]
            rights = [f"{LETTERS[i]}. {_md(right)}" for i, right in enumerate(asked.rights)]
            lines += ["| Left | Right |", "|---|---|"]
            for index in range(max(len(lefts), len(rights))):
                left = lefts[index] if index < len(lefts) else ""
                right = rights[index] if index < len(rights) else ""
                lines.append(f"| {left} | {right} |")
        lines.append("")
    lines += ["---", "", f"# Mark scheme: {_md(bank.title)}", "", _md(paper.heading), ""]
    for number, asked in enumerate(paper.questions, start=1):
        question = asked.question
        lines.append(f"## {number}. {_md(question.prompt)}")
        lines.append("")
        lines += [f"**{_md(line)}**  " for line in answer_lines(asked)]
        lines += ["", _md(question.explanation), ""]
        if question.quote:
            lines += [_md_quote(question.quote), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# -- HTML -----------------------------------------------------------------------------------

_STYLE = """
body { font-family: Georgia, "Times New Roman", serif; font-size: 12pt; line-height: 1.4;
       max-width: 48em; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }
h1 { font-size: 18pt; margin-bottom: 0.2em; }
.heading { color: #333; margin-top: 0; }
.name { margin: 1.2em 0 1.6em; }
.name span { display: inline-block; border-bottom: 1px solid #000; width: 16em; margin-right: 2em; }
ol.questions { padding-left: 1.6em; }
ol.questions > li { margin-bottom: 1.4em; break-inside: avoid; page-break-inside: avoid; }
.prompt { font-weight: bold; white-space: pre-wrap; }
.how { font-style: italic; color: #333; margin: 0.2em 0 0.4em; }
ul.options { list-style: none; padding-left: 0.4em; margin: 0.3em 0; }
ul.options li { margin: 0.25em 0; }
.box { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #000;
       margin-right: 0.5em; vertical-align: -0.1em; }
.circle { border-radius: 50%; }
.write { border-bottom: 1px solid #000; height: 2em; margin: 0.2em 0; }
.write + .write { margin-top: 0; }
table.match { border-collapse: collapse; margin: 0.3em 0; }
table.match td { padding: 0.25em 1.2em 0.25em 0; vertical-align: top; }
.truefalse span { display: inline-block; margin-right: 3em; }
.scheme { break-before: page; page-break-before: always; }
.scheme h1 { border-top: 2px solid #000; padding-top: 0.4em; }
.answer { font-weight: bold; margin: 0.2em 0; }
.explanation { margin: 0.2em 0; white-space: pre-wrap; }
blockquote { margin: 0.3em 0 0 1em; padding-left: 0.8em; border-left: 3px solid #999;
             font-style: italic; white-space: pre-wrap; }
@media print { body { margin: 0; max-width: none; } @page { margin: 2cm; } }
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_options(asked: AskedQuestion) -> list[str]:
    question = asked.question
    kind = question.type
    if kind in (QuestionType.CHOICE, QuestionType.MULTI):
        circle = " circle" if kind is QuestionType.CHOICE else ""
        items = [
            f'<li><span class="box{circle}"></span>{LETTERS[i]}. {_h(choice)}</li>'
            for i, choice in enumerate(asked.choices)
        ]
        return ['<ul class="options">', *items, "</ul>"]
    if kind is QuestionType.TRUEFALSE:
        return ['<p class="truefalse"><span>True</span><span>False</span></p>']
    if kind is QuestionType.SHORT:
        return ['<div class="write"></div>', '<div class="write"></div>']
    if kind is QuestionType.ORDER:
        items = [f'<li><span class="box"></span>{_h(item)}</li>' for item in asked.items]
        return ['<ul class="options">', *items, "</ul>"]
    rows = []
    lefts, rights = asked.lefts, asked.rights
    for index in range(max(len(lefts), len(rights))):
        left = f"{index + 1}. {_h(lefts[index])}" if index < len(lefts) else ""
        box = '<span class="box"></span>' if index < len(lefts) else ""
        right = f"{LETTERS[index]}. {_h(rights[index])}" if index < len(rights) else ""
        rows.append(f"<tr><td>{left}</td><td>{box}</td><td>{right}</td></tr>")
    return ['<table class="match">', *rows, "</table>"]


def to_html(paper: Paper) -> str:
    """The paper as one printable HTML page; the mark scheme starts on a new page."""
    bank = paper.bank
    title = _h(bank.title)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title}: paper copy</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        '<section class="paper">',
        f"<h1>{title}</h1>",
        f'<p class="heading">{_h(paper.heading)}</p>',
        '<p class="name">Name: <span></span> Date: <span style="width:8em"></span></p>',
        '<ol class="questions">',
    ]
    for asked in paper.questions:
        out += [
            "<li>",
            f'<div class="prompt">{_h(asked.question.prompt)}</div>',
            f'<p class="how">{_h(instruction(asked))}</p>',
            *_html_options(asked),
            "</li>",
        ]
    out += [
        "</ol>",
        "</section>",
        '<section class="scheme">',
        f"<h1>Mark scheme: {title}</h1>",
        f'<p class="heading">{_h(paper.heading)}</p>',
        '<ol class="questions">',
    ]
    for asked in paper.questions:
        question = asked.question
        out += ["<li>", f'<div class="prompt">{_h(question.prompt)}</div>']
        out += [f'<p class="answer">{_h(line)}</p>' for line in answer_lines(asked)]
        out.append(f'<p class="explanation">{_h(question.explanation)}</p>')
        if question.quote:
            out.append(f"<blockquote>{_h(question.quote)}</blockquote>")
        out.append("</li>")
    out += ["</ol>", "</section>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
