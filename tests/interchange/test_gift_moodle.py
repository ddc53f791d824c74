"""GIFT as Moodle writes it: [html] and [markdown] texts made plain, categories as topics,
true/false answers on their own line, and the examples of Moodle's GIFT format documentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.banks.loader import load_bank
from game.cli import main
from game.core.model import QuestionType
from game.interchange.gift import read_gift
from game.interchange.plain_text import html_to_plain, markdown_to_plain

# A file as Moodle 4 exports a category: [html] everywhere, entities, sub/sup, lists, an
# image, markdown, escapes, partial weights, numerical, essay and description items.
MOODLE_EXPORT = (Path(__file__).parent / "moodle-export.gift").read_text(encoding="utf-8")


def test_a_moodle_export_imports_with_no_tag_or_entity(tmp_path: Path, capsys) -> None:
    source = tmp_path / "biology.gift"
    source.write_text(MOODLE_EXPORT, encoding="utf-8")
    out = tmp_path / "biology.yaml"
    code = main(["import", str(source), str(out), "--title", "Leaves and light"])
    printed = capsys.readouterr().out
    assert code == 0
    result = load_bank(out)
    assert not result.errors, result.errors
    bank = result.bank
    assert bank.title == "Leaves and light"
    assert dict(bank.topics) == {"photosynthesis": "Photosynthesis"}
    texts = []
    for q in bank.questions:
        texts += [q.prompt, q.explanation, *q.choices, *q.answers, q.answer or ""]
    for text in texts:
        assert "<" not in text and "&" not in text.replace(" & ", ""), text
        assert "**" not in text and "*shiny*" not in text, text
    by_id = {q.id: q for q in bank.questions}
    gas = by_id["gas-in"]
    assert gas.prompt == "Which gas do plants take in?"
    assert gas.choices == ("Carbon dioxide", "Oxygen", "Nitrogen")
    assert gas.answer == "Carbon dioxide"
    assert gas.explanation == (
        "Photosynthesis: 6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂\n"
        "Carbon dioxide: Yes – CO₂ & water make sugar.\n"
        "Oxygen: No: they give O₂ out."
    )
    stomata = by_id["stomata"]
    assert stomata.prompt == "Gases pass through the stomata.\n[a leaf]"
    assert stomata.truth is True
    assert stomata.explanation.startswith("- Stomata open by day\n- and close at night\n")
    waxy = by_id["waxy"]
    assert waxy.type is QuestionType.SHORT
    assert waxy.prompt == "The leaf's surface is waxy and shiny, called the _____ layer."
    assert waxy.answers == ("cuticle",)
    assert bank.questions[3].type is QuestionType.MULTI
    assert bank.questions[3].answers == ("Carbon dioxide", "Oxygen")
    absolute = by_id["absolute"]
    assert absolute.truth is False
    assert "True: 42 is the Ultimate Answer." in absolute.explanation
    assert f"{source}:14: dropped from the html text (1 image)" in printed
    assert f"{source}:38: skipped: numerical questions are not supported" in printed
    assert f"{source}:41: skipped: essay questions" in printed
    assert f"{source}:44: skipped: no answer in braces" in printed
    assert "Topics from $CATEGORY: Photosynthesis." in printed


def test_without_title_the_file_name_is_the_title(tmp_path: Path) -> None:
    source = tmp_path / "week-5.gift"
    source.write_text("Fine? {T}\n", encoding="utf-8")
    assert main(["import", str(source), str(tmp_path / "w.yaml")]) == 0
    assert load_bank(tmp_path / "w.yaml").bank.title == "week-5"


@pytest.mark.parametrize(
    ("category", "topic"),
    [
        ("$course$/top/Default for Biology 101/Photosynthesis", "Photosynthesis"),
        ("$course$/Default for Biology 101", None),
        ("$system$/top/Rivers of Europe", "Rivers of Europe"),
        ("$module$/top/Default for Quiz 3/Week 2/Leaves", "Leaves"),
        ("top/Plain name", "Plain name"),
        ("Halves 1//2", "Halves 1/2"),
    ],
)
def test_category_names_keep_the_last_path_part(category: str, topic: str | None) -> None:
    bank = read_gift(f"$CATEGORY: {category}\n\nFine? {{T}}\n")
    if topic is None:
        assert bank.topics == {} and bank.questions[0].topic is None
    else:
        assert list(bank.topics.values()) == [topic]


# The examples of Moodle's GIFT format documentation (docs.moodle.org, "GIFT format").
DOC_EXAMPLES = [
    ("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}", QuestionType.CHOICE),
    ("Grant is {~buried =entombed ~living} in Grant's tomb.", QuestionType.CHOICE),
    ("Grant is buried in Grant's tomb.{F}", QuestionType.TRUEFALSE),
    ("The sun rises in the east.{T}", QuestionType.TRUEFALSE),
    ("Who's buried in Grant's tomb?{=no one =nobody}", QuestionType.SHORT),
    ("Two plus two equals {=four =4}.", QuestionType.SHORT),
    (
        "Match the following countries with their corresponding capitals. {\n"
        "    =Canada -> Ottawa\n    =Italy  -> Rome\n    =Japan  -> Tokyo\n"
        "    =India  -> New Delhi\n    }",
        QuestionType.MATCH,
    ),
    (
        "::Colors 1:: What's between orange and green in the spectrum?\n"
        "{ =yellow # correct! ~red # wrong ~blue # wrong }",
        QuestionType.CHOICE,
    ),
    (
        "What two people are entombed in Grant's tomb? {\n   ~%-100%No one\n"
        "   ~%50%Grant\n   ~%50%Grant's wife\n   ~%-100%Grant's father\n}",
        QuestionType.MULTI,
    ),
    (
        "::Jesus' hometown::Jesus Christ was from {\n"
        "    ~Jerusalem#This was an important city, but the wrong answer.\n"
        "    ~%25%Bethlehem#He was born here, but not raised here.\n"
        "    ~%50%Galilee#You need to be more specific.\n"
        "    =Nazareth#Yes! That's right!\n}.",
        QuestionType.CHOICE,
    ),
    (
        "What's the answer to this multiple-choice question? {\n"
        "  ~wrong answer#feedback comment on the wrong answer\n"
        "  ~another wrong answer#feedback comment on this wrong answer\n"
        "  =right answer#Very good!\n  ####This is a general feedback\n}",
        QuestionType.CHOICE,
    ),
    ("Grant is buried in Grant's tomb.{FALSE#No one is buried in Grant's tomb.}", None),
    ("Which answer equals 5? {\n    ~ \\= 2 + 2\n    = \\= 2 + 3\n    ~ \\= 2 + 4  }", None),
    (
        "// true/false\n::Q1:: 42 is the Absolute Answer to everything.{\n"
        "FALSE#42 is the Ultimate Answer.#You gave the right answer.}",
        QuestionType.TRUEFALSE,
    ),
]


@pytest.mark.parametrize(("gift", "kind"), DOC_EXAMPLES)
def test_the_documented_examples_import(gift: str, kind: QuestionType | None) -> None:
    bank = read_gift(gift + "\n")
    assert not bank.skipped, bank.skipped
    assert len(bank.questions) == 1
    if kind is not None:
        assert bank.questions[0].type is kind


def test_documented_details_read_as_moodle_reads_them() -> None:
    equals = read_gift(DOC_EXAMPLES[12][0]).questions[0]
    assert equals.choices == ("= 2 + 2", "= 2 + 3", "= 2 + 4")
    assert equals.answer == "= 2 + 3"
    hometown = read_gift(DOC_EXAMPLES[9][0]).questions[0]
    assert hometown.prompt == "Jesus Christ was from _____."
    tomb = read_gift(DOC_EXAMPLES[11][0]).questions[0]
    assert tomb.truth is False
    assert tomb.explanation == "True: No one is buried in Grant's tomb."


@pytest.mark.parametrize(
    ("gift", "skipped"),
    [
        ("::Q5:: What is a number from 1 to 5? {#3:2}", "numerical"),
        ("::Q8:: How are you? {}", "essay"),
    ],
)
def test_documented_types_the_game_lacks_are_listed(gift: str, skipped: str) -> None:
    bank = read_gift(gift + "\n")
    assert skipped in bank.skipped[0].message


@pytest.mark.parametrize(
    ("html", "plain"),
    [
        ("<p>One</p><p>Two</p>", "One\nTwo"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<ul><li>x</li><li>y</li></ul>", "- x\n- y"),
        ("H<sub>2</sub>O and x<sup>2</sup> and x<sup>ß</sup>", "H₂O and x² and x^ß"),
        ("&ndash; &amp; &lt;b&gt; &#8212; &nbsp;!", "– & <b> — \xa0!"),
        ("<script>alert(1)</script>Hi <style>p{}</style>there", "Hi there"),
        ("  lots   of\n\n   space  ", "lots of space"),
        ("<p>Which gas do plants <strong>take in</strong>…</p>", "Which gas do plants take in…"),
    ],
)
def test_html_becomes_plain_text(html: str, plain: str) -> None:
    assert html_to_plain(html).text == plain


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("It is **waxy**.", "It is waxy."),
        ("*one* and _two_ and __three__", "one and two and three"),
        ("a _____ blank and snake_case_name", "a _____ blank and snake_case_name"),
        ("# Heading\n`code` and [link](http://x.org)", "Heading\ncode and link (http://x.org)"),
        ("2 * 3 * 4", "2 * 3 * 4"),
    ],
)
def test_markdown_emphasis_is_stripped(markdown: str, plain: str) -> None:
    assert markdown_to_plain(markdown).text == plain


@pytest.mark.parametrize(
    "gift",
    [
        "::Q1:: 42 is the answer.\n{FALSE#wrong fb#right fb}",
        "::Q1::[html]<p>42 is the answer.</p>{FALSE#wrong fb#right fb####general}",
        "::Q1:: 42 is the answer.{\n\tFALSE#wrong fb#right fb\n\t####general\n}",
        "::Q1:: 42 is the answer.\n{\nFALSE\n#wrong fb\n#right fb\n####general\n}",
    ],
)
def test_true_false_answers_and_feedback_may_stand_on_their_own_lines(gift: str) -> None:
    bank = read_gift(gift + "\n")
    assert bank.skipped == []
    [question] = bank.questions
    assert (question.type, question.truth, question.prompt) == (
        QuestionType.TRUEFALSE,
        False,
        "42 is the answer.",
    )
    # Moodle: the first feedback is for the wrong answer (True), the second for the right one.
    assert "True: wrong fb\nFalse: right fb" in question.explanation
