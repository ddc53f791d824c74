"""Typed answers: every question type read from a line, and malformed lines explained."""

from __future__ import annotations

import pytest

from game.core.model import Question, QuestionType
from game.core.rounds import AskedQuestion
from game.plain.answers import Malformed, how_to_answer, read_answer


def _asked(kind: QuestionType) -> AskedQuestion:
    base = {"id": "q", "type": kind, "prompt": "?", "explanation": "."}
    if kind is QuestionType.CHOICE:
        return AskedQuestion(Question(**base, choices=("A", "B", "C"), answer="B"), ("C", "A", "B"))
    if kind is QuestionType.MULTI:
        question = Question(**base, choices=("A", "B", "C"), answers=("A", "C"))
        return AskedQuestion(question, ("C", "A", "B"))
    if kind is QuestionType.ORDER:
        return AskedQuestion(Question(**base, items=("X", "Y", "Z")), items=("Z", "X", "Y"))
    if kind is QuestionType.MATCH:
        question = Question(**base, pairs=(("P", "1"), ("Q", "2")))
        return AskedQuestion(question, rights=("2", "1"))
    if kind is QuestionType.TRUEFALSE:
        return AskedQuestion(Question(**base, truth=True))
    return AskedQuestion(Question(**base, answers=("Black Sea",)))


@pytest.mark.parametrize(
    ("kind", "typed", "response"),
    [
        (QuestionType.CHOICE, " 3 ", "B"),
        (QuestionType.MULTI, "1, 2", frozenset({"C", "A"})),
        (QuestionType.MULTI, "2 1", frozenset({"A", "C"})),
        (QuestionType.TRUEFALSE, "t", True),
        (QuestionType.TRUEFALSE, "False", False),
        (QuestionType.SHORT, "  the Black Sea ", "the Black Sea"),
        (QuestionType.ORDER, "2 3 1", ("X", "Y", "Z")),
        (QuestionType.MATCH, "1b 2a", {"P": "1", "Q": "2"}),
        (QuestionType.MATCH, "2A, 1B", {"P": "1", "Q": "2"}),
    ],
)
def test_a_typed_answer_becomes_the_response_the_screen_would_give(
    kind: QuestionType, typed: str, response: object
) -> None:
    assert read_answer(_asked(kind), typed) == response


@pytest.mark.parametrize(
    ("kind", "typed", "reason"),
    [
        (QuestionType.CHOICE, "", "Nothing was typed."),
        (QuestionType.CHOICE, "4", "There is no choice 4: type 1 to 3."),
        (QuestionType.CHOICE, "1 2", "Type one number, 1 to 3."),
        (QuestionType.CHOICE, "B", "'B' is not a number."),
        (QuestionType.MULTI, "1 9", "There is no choice 9: the choices are 1 to 3."),
        (QuestionType.TRUEFALSE, "maybe", "'maybe' is not t, f, true or false."),
        (QuestionType.ORDER, "1 1 2", "Type each of the numbers 1 to 3 once"),
        (QuestionType.ORDER, "1 2", "Type each of the numbers 1 to 3 once"),
        (QuestionType.MATCH, "1b", "Pair all 2 items, each with a different letter."),
        (QuestionType.MATCH, "1b 1a", "Item 1 is paired twice."),
        (QuestionType.MATCH, "1b 2b", "Letter b is used twice."),
        (QuestionType.MATCH, "1c 2a", "There is no c: the letters are a to b."),
        (QuestionType.MATCH, "b1 a2", "Write each pair as a number then a letter"),
    ],
)
def test_a_malformed_answer_is_explained_never_scored(
    kind: QuestionType, typed: str, reason: str
) -> None:
    read = read_answer(_asked(kind), typed)
    assert isinstance(read, Malformed)
    assert read.reason.startswith(reason)


def test_each_type_says_what_to_type() -> None:
    assert how_to_answer(_asked(QuestionType.CHOICE)) == "Type the number of your answer, 1 to 3."
    assert "pairs like 1b 2a" in how_to_answer(_asked(QuestionType.MATCH))
    assert "in the right order" in how_to_answer(_asked(QuestionType.ORDER))


class _FakeTime:
    """A monotonic clock that moves only while the input is waited for, and an input that
    arrives at a given second (never: None): no real waiting."""

    def __init__(self, arrives_at: float | None) -> None:
        self.now = 0.0
        self.arrives_at = arrives_at
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def wait(self, fd: int, seconds: float) -> bool:
        self.waits.append(seconds)
        if self.arrives_at is not None and self.now + seconds >= self.arrives_at:
            self.now = self.arrives_at
            return True
        self.now += seconds
        return False


def _piped(text: bytes):
    import os

    reading, writing = os.pipe()
    os.write(writing, text)
    os.close(writing)
    return os.fdopen(reading, "r")


def test_a_timed_question_says_10_and_5_seconds_left_then_times_out() -> None:
    from game.plain.lines import StreamInput, TimedOut

    fake = _FakeTime(arrives_at=None)
    said: list[int] = []
    with _piped(b"") as stream:
        lines = StreamInput(stream, clock=fake.clock, wait=fake.wait)
        with pytest.raises(TimedOut):
            lines.read_line(20.0, said.append)
    assert said == [10, 5]
    assert fake.now == 20.0  # it waited out the whole limit, and no longer


def test_an_answer_before_the_deadline_stops_the_countdown() -> None:
    from game.plain.lines import StreamInput

    fake = _FakeTime(arrives_at=12.0)
    said: list[int] = []
    with _piped(b"Volga\n1\n") as stream:
        lines = StreamInput(stream, clock=fake.clock, wait=fake.wait)
        assert lines.read_line(20.0, said.append) == "Volga"
        assert said == [10]  # 8 seconds were left when it came: 5 was never reached
        assert lines.read_line(None, said.append) == "1"


def test_a_short_limit_announces_only_the_marks_it_has() -> None:
    from game.plain.lines import StreamInput, TimedOut

    fake = _FakeTime(arrives_at=None)
    said: list[int] = []
    with _piped(b"") as stream, pytest.raises(TimedOut):
        StreamInput(stream, clock=fake.clock, wait=fake.wait).read_line(7.0, said.append)
    assert said == [5]
