"""Class codes: written from a round's seed and count, read back from what a student types."""

from __future__ import annotations

import pytest

from game.core.class_code import ClassCode, code_for, parse_code, topic_for_number, topic_order
from game.core.model import Bank, Question, QuestionType

TOPICS = (("geo", "Geography"), ("hist", "History"))


def test_code_is_seed_and_count() -> None:
    assert str(code_for(482913, 10, None, None, TOPICS)) == "482913-10"
    assert str(code_for(482913, 10, "hist", 3, TOPICS)) == "482913-10-t2-d3"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("482913-10", ClassCode(482913, 10)),
        (" 482913 10 ", ClassCode(482913, 10)),
        ("482913–10", ClassCode(482913, 10)),
        ("482913-10-T2-d3", ClassCode(482913, 10, 2, 3)),
        ("482913", ClassCode(482913)),
    ],
)
def test_codes_are_read_leniently(typed: str, code: ClassCode) -> None:
    assert parse_code(typed) == code


@pytest.mark.parametrize(
    "typed", ["", "abc", "12-x", "1-2-d4", "1-t2", "1-0", "1234567890", "1-2-3"]
)
def test_wrong_codes_say_what_a_code_looks_like(typed: str) -> None:
    assert isinstance(parse_code(typed), str)


def test_every_code_reads_back_as_itself() -> None:
    for code in (ClassCode(100000, 1), ClassCode(999999, 8, 1, 1), ClassCode(5, 3, None, 2)):
        assert parse_code(str(code)) == code


def test_topics_are_numbered_named_first_then_others() -> None:
    def question(qid: str, topic: str | None) -> Question:
        return Question(qid, QuestionType.TRUEFALSE, "?", "!", topic=topic, truth=True)

    bank = Bank("b", "b.yaml", "B", (question("a", "zeta"), question("b", "alpha")))
    assert topic_order(bank) == (("alpha", "alpha"), ("zeta", "zeta"))
    assert topic_for_number(2, topic_order(bank)) == "zeta"
    assert topic_for_number(3, topic_order(bank)) is None
