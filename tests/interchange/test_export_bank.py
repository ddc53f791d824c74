"""`quiz export-bank`: GIFT and Aiken back to Moodle (read back by `quiz import`), and the
paper copy in Markdown and HTML, with a class code giving the game's exact round."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.banks.loader import load_bank
from game.cli import main
from game.core.class_code import parse_code
from game.core.model import Bank, Question, QuestionType
from game.core.rounds import PlayRequest, build_round
from game.interchange.aiken import read_aiken
from game.interchange.gift import read_gift
from game.interchange.gift_out import to_aiken, to_gift
from game.interchange.imported import slug
from game.interchange.paper import paper_for, to_html, to_markdown

REPO = Path(__file__).resolve().parents[2]
ARTICLE_BANK = REPO / "questions" / "china-us-detente.yaml"

# -- round trip: import(export(bank)) == bank for every type GIFT carries ----------------------

# Texts with every character GIFT treats specially, markup look-alikes and line breaks inside.
_CHARS = st.sampled_from(list("abcXYZ019 ~=#{}:\\-<>&%[]*_/\"'é→中\n"))
_TEXT = (
    st.text(_CHARS, min_size=1, max_size=24)
    .map(str.strip)
    .filter(lambda t: t and "\n\n" not in t and " \n" not in t and "\n " not in t)
)
_ID = st.lists(st.sampled_from(["leaf", "gas", "sun", "q1", "x"]), min_size=1, max_size=4).map(
    "-".join
)


def _distinct(size: tuple[int, int]) -> st.SearchStrategy[list[str]]:
    return st.lists(_TEXT, min_size=size[0], max_size=size[1], unique=True)


@st.composite
def _question(draw: st.DrawFn, number: int, topics: list[str]) -> Question:
    kind = draw(
        st.sampled_from(
            [
                QuestionType.CHOICE,
                QuestionType.MULTI,
                QuestionType.TRUEFALSE,
                QuestionType.SHORT,
                QuestionType.MATCH,
            ]
        )
    )
    base = dict(
        id=f"{draw(_ID)}-{number}",
        type=kind,
        prompt=draw(_TEXT.filter(lambda t: t.strip("_ ") != "")),
        explanation=draw(_TEXT),
        topic=draw(st.sampled_from([None, *topics])),
    )
    if kind is QuestionType.CHOICE:
        choices = draw(_distinct((2, 6)))
        return Question(**base, choices=tuple(choices), answer=draw(st.sampled_from(choices)))
    if kind is QuestionType.MULTI:
        choices = draw(_distinct((2, 6)))
        rights = draw(st.lists(st.sampled_from(choices), min_size=1, unique=True))
        answers = tuple(c for c in choices if c in rights)
        return Question(**base, choices=tuple(choices), answers=answers)
    if kind is QuestionType.TRUEFALSE:
        return Question(**base, truth=draw(st.booleans()))
    if kind is QuestionType.SHORT:
        answers = draw(_distinct((1, 4)).filter(lambda a: all("->" not in x for x in a)))
        return Question(**base, answers=tuple(answers))
    lefts = draw(_distinct((2, 5)).filter(lambda a: all("->" not in x for x in a)))
    rights = draw(_distinct((len(lefts), len(lefts))))
    return Question(**base, pairs=tuple(zip(lefts, rights, strict=True)))


@st.composite
def _bank(draw: st.DrawFn) -> Bank:
    names = draw(st.lists(st.sampled_from(["Leaves", "Light", "Gas exchange"]), unique=True))
    topics = {slug(name): name for name in names}
    count = draw(st.integers(1, 6))
    questions = tuple(draw(_question(number, list(topics))) for number in range(count))
    used = {q.topic for q in questions}
    return Bank(
        "b", "b.yaml", "B", questions, topics={k: v for k, v in topics.items() if k in used}
    )


def _carried(question: Question, topics: dict[str, str]) -> tuple:
    """What GIFT carries of a question (a multi's right answers as a set, as the game marks)."""
    answers = question.answers
    return (
        question.id,
        question.type,
        question.prompt,
        question.explanation,
        question.choices,
        question.answer,
        frozenset(answers) if question.type is QuestionType.MULTI else answers,
        question.truth,
        question.pairs,
        topics.get(question.topic) if question.topic else None,
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_bank())
def test_gift_round_trip_gives_back_the_same_questions(bank: Bank) -> None:
    exported = to_gift(bank)
    assert exported.left_out == []
    back = read_gift(exported.text)
    assert back.skipped == []
    assert [_carried(q, back.topics) for q in back.questions] == [
        _carried(q, bank.topics) for q in bank.questions
    ]


def test_the_article_bank_round_trips_through_gift_files(tmp_path: Path, capsys) -> None:
    gift = tmp_path / "detente.gift"
    assert main(["export-bank", str(ARTICLE_BANK), "--format", "gift", "--out", str(gift)]) == 0
    err = capsys.readouterr().err
    original = load_bank(ARTICLE_BANK).bank
    for question in original.questions:
        if question.type is QuestionType.ORDER:
            assert f"left out: {question.id} (order): GIFT has no ordering questions" in err
    assert "not carried: quotes, hints, difficulties: GIFT has no place for them" in err
    out = tmp_path / "back.yaml"
    assert main(["import", str(gift), str(out)]) == 0
    back = load_bank(out).bank
    expected = [
        _carried(q, original.topics) for q in original.questions if q.type is not QuestionType.ORDER
    ]
    assert [_carried(q, back.topics) for q in back.questions] == expected


def test_aiken_carries_the_choice_questions(capsys) -> None:
    assert main(["export-bank", str(ARTICLE_BANK), "--format", "aiken"]) == 0
    captured = capsys.readouterr()
    original = load_bank(ARTICLE_BANK).bank
    choices = [q for q in original.questions if q.type is QuestionType.CHOICE]
    back = read_aiken(captured.out)
    assert back.skipped == []
    assert [(q.prompt, q.choices, q.answer) for q in back.questions] == [
        (q.prompt, q.choices, q.answer) for q in choices
    ]
    assert "Aiken carries only choice questions" in captured.err
    assert "not carried: explanations" in captured.err


def test_export_never_overwrites_without_force(tmp_path: Path, capsys) -> None:
    out = tmp_path / "bank.gift"
    out.write_text("keep me", encoding="utf-8")
    assert main(["export-bank", str(ARTICLE_BANK), "--format", "gift", "--out", str(out)]) == 2
    assert "already exists; not overwriting it (--force replaces it)" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    args = ["export-bank", str(ARTICLE_BANK), "--format", "gift", "--out", str(out), "--force"]
    assert main(args) == 0
    assert out.read_text(encoding="utf-8").startswith("// China and the U.S.")


def test_unknown_bank_and_code_with_gift_are_usage_errors(tmp_path: Path, capsys) -> None:
    args = ["--questions", str(tmp_path), "export-bank", "nope", "--format", "gift"]
    assert main(args) == 2
    assert "no bank 'nope'" in capsys.readouterr().err
    code_args = ["export-bank", str(ARTICLE_BANK), "--format", "gift", "--code", "482913-10"]
    assert main(code_args) == 2
    assert "--code is for paper copies" in capsys.readouterr().err


def test_a_bank_with_errors_is_not_exported(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\ntitle: B\nquestions: []\n", encoding="utf-8")
    assert main(["export-bank", str(broken), "--format", "html"]) == 1
    assert "the bank has errors" in capsys.readouterr().err


# -- the paper copy -------------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_a_class_code_paper_is_the_games_round(capsys) -> None:
    bank = load_bank(ARTICLE_BANK).bank
    code = parse_code("482913-10")
    played = build_round(bank, PlayRequest(bank.bank_id, mode="exam", count=10, seed=482913))
    assert (
        main(["export-bank", str(ARTICLE_BANK), "--format", "markdown", "--code", "482913-10"]) == 0
    )
    markdown = capsys.readouterr().out
    headings = re.findall(r"^## (\d+)\. (.*)$", markdown, re.MULTILINE)
    paper_part, scheme_part = headings[:10], headings[10:]
    assert [int(n) for n, _ in paper_part] == list(range(1, 11))
    assert [p.replace("\\", "") for _, p in paper_part] == [
        asked.question.prompt for asked in played.questions
    ]
    assert scheme_part == paper_part
    assert "Class code 482913-10: the same questions, order and shuffles as the game." in markdown
    paper = paper_for(bank, code)
    for asked in paper.questions:
        if asked.question.type is QuestionType.CHOICE:
            for letter, choice in zip("ABCDEFGH", asked.choices, strict=False):
                assert f"( ) {letter}. {choice}".replace("_", "\\_") in markdown


def test_the_html_paper_is_self_contained_with_a_separate_mark_scheme(capsys) -> None:
    assert main(["export-bank", str(ARTICLE_BANK), "--format", "html", "--code", "482913-10"]) == 0
    page = capsys.readouterr().out
    parser = _Text()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert not re.search(r"(src|href)=", page)
    assert '<section class="scheme">' in page
    assert "page-break-before: always" in page
    paper, scheme = page.split('<section class="scheme">')
    bank = load_bank(ARTICLE_BANK).bank
    played = paper_for(bank, parse_code("482913-10"))
    first = played.questions[0].question
    assert first.explanation.replace("'", "&#x27;") in scheme
    assert first.explanation.replace("'", "&#x27;") not in paper
    assert paper.count('<div class="prompt">') == scheme.count('<div class="prompt">') == 10


def test_without_a_code_every_question_and_no_order_given_away() -> None:
    bank = load_bank(ARTICLE_BANK).bank
    paper = paper_for(bank, None)
    assert [a.question.id for a in paper.questions] == [q.id for q in bank.questions]
    for asked in paper.questions:
        if asked.question.type is QuestionType.ORDER:
            assert asked.items != asked.question.items
        if asked.question.type is QuestionType.CHOICE:
            assert asked.choices == asked.question.choices
    assert to_markdown(paper) == to_markdown(paper_for(bank, None))  # the same every time


def test_bank_text_is_shown_as_written_in_html() -> None:
    question = Question(
        "q",
        QuestionType.CHOICE,
        "Is <b>this</b> & [red]x[/]?",
        "Because <i>.",
        choices=("<a>", "b"),
        answer="<a>",
    )
    html_text = to_html(paper_for(Bank("b", "b.yaml", "<T>", (question,)), None))
    assert "Is &lt;b&gt;this&lt;/b&gt; &amp; [red]x[/]?" in html_text
    assert "<b>" not in html_text and "<a>" not in html_text


def test_a_code_for_more_questions_than_the_bank_has_is_refused() -> None:
    bank = load_bank(ARTICLE_BANK).bank
    refused = paper_for(bank, parse_code("482913-500"))
    assert isinstance(refused, str) and f"only {len(bank.questions)} fit" in refused


def test_aiken_export_of_a_bank_without_choice_questions_writes_nothing(tmp_path, capsys):
    bank = Bank("b", "b.yaml", "B", (Question("t", QuestionType.TRUEFALSE, "P", "E", truth=True),))
    assert to_aiken(bank).text == ""
