"""Rules of a round a player feels: skipping, the running streak, screen order in multi answers,
and "close: check the spelling" for typed answers."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from game.core.model import Bank, Question, QuestionType
from game.core.records import Result
from game.core.rounds import SKIPPED_ANSWER, PlayRequest, build_round, close_spelling
from game.core.textmatch import edit_distance, spelling_close

AT = datetime(2024, 11, 7, 9, 0, tzinfo=UTC)


def _choice(n: int) -> Question:
    return Question(
        id=f"q{n}",
        type=QuestionType.CHOICE,
        prompt=f"Question {n}?",
        choices=("Right", "Wrong"),
        answer="Right",
        explanation="Because.",
    )


BANK = Bank("b", "b.yaml", "B", tuple(_choice(n) for n in range(1, 5)))


def _round():
    return build_round(BANK, PlayRequest("b", count=4, seed=3))


def test_skip_moves_the_question_to_the_end_then_gives_it_up() -> None:
    played = _round()
    order = [asked.question.id for asked in played.questions]
    played, record = played.skip(answered_at=AT)
    assert record is None
    assert [asked.question.id for asked in played.questions] == [*order[1:], order[0]]
    assert played.position == 0 and not played.current_was_skipped
    for _ in range(3):
        played, _ = played.answer("Right", seconds=1.0, answered_at=AT)
    assert played.current is not None and played.current.question.id == order[0]
    assert played.current_was_skipped  # it has come back
    played, record = played.skip(answered_at=AT)  # skipped again: given up, counts wrong
    assert record is not None and record.result is Result.WRONG and record.points == 0
    assert record.given == SKIPPED_ANSWER and record.question_id == order[0]
    assert played.finished
    summary = played.summary()
    assert (summary.right, summary.answered, summary.total) == (3, 4, 4)
    assert [r.question_id for r in summary.missed] == [order[0]]


def test_a_skipped_question_answered_later_counts_normally() -> None:
    played, _ = _round().skip(answered_at=AT)
    for _ in range(4):
        played, _ = played.answer("Right", seconds=1.0, answered_at=AT)
    assert played.finished and played.summary().right == 4


def test_running_streak() -> None:
    played = _round()
    assert played.streak == 0
    played, _ = played.answer("Right", seconds=1.0, answered_at=AT)
    played, _ = played.answer("Right", seconds=1.0, answered_at=AT)
    assert (played.streak, played.score) == (2, 20)
    played, _ = played.answer("Wrong", seconds=1.0, answered_at=AT)
    assert played.streak == 0


def test_multi_answers_are_written_in_the_order_the_screen_showed() -> None:
    question = Question(
        id="m",
        type=QuestionType.MULTI,
        prompt="Which?",
        choices=("A", "B", "C", "D"),
        answers=("A", "C"),
        explanation="x",
    )
    bank = Bank("m", "m.yaml", "M", (question,))
    for seed in range(20):
        played = build_round(bank, PlayRequest("m", seed=seed), random.Random(0))
        shown = played.questions[0].choices
        if shown.index("C") < shown.index("A"):
            break
    _, record = played.answer(frozenset({"A", "C", "D"}), seconds=1.0, answered_at=AT)
    in_shown_order = [choice for choice in shown if choice in {"A", "C", "D"}]
    assert record.given == "; ".join(in_shown_order)
    assert record.expected == "; ".join(c for c in shown if c in {"A", "C"})
    assert record.expected.startswith("C")


def test_close_spelling_is_a_slip_not_a_right_answer() -> None:
    assert spelling_close("competiters", ["competitors"])
    assert spelling_close("  SULIVAN ", ["Jake Sullivan", "Sullivan"])
    assert not spelling_close("Sullivan", ["Sullivan"])  # right is not "close"
    assert not spelling_close("Bangkok", ["Beijing"])
    assert not spelling_close("cat", ["car"])  # too short to tell a slip from another word
    assert not spelling_close("", ["car"])
    assert edit_distance("kitten", "sitting", 5) == 3
    assert edit_distance("abcdefgh", "zzzzzzzz", 2) == 3  # capped beyond the limit
    short = Question(
        id="s",
        type=QuestionType.SHORT,
        prompt="Rivals?",
        answers=("competitors",),
        explanation="x",
    )
    assert close_spelling(short, "competiters", timed_out=False)
    assert not close_spelling(short, "allies", timed_out=False)
    assert not close_spelling(_choice(1), "Rihgt", timed_out=False)  # only typed answers
    assert not close_spelling(short, "competiters", timed_out=True)  # typed, never sent


BIG = Bank("big", "big.yaml", "Big", tuple(_choice(n) for n in range(1, 13)))


def test_quick_rounds_prefer_unseen_then_missed_questions() -> None:
    seen_right = {f"q{n}": Result.RIGHT for n in range(1, 9)}
    missed = {"q9": Result.WRONG, "q10": Result.PARTLY}
    last = {**seen_right, **missed}  # q11 and q12 never answered
    for draw in range(30):
        played = build_round(BIG, PlayRequest("big", count=4), random.Random(draw), last)
        ids = {asked.question.id for asked in played.questions}
        assert ids == {"q11", "q12", "q9", "q10"}
    orders = {
        tuple(
            a.question.id
            for a in build_round(BIG, PlayRequest("big", count=4), random.Random(d), last).questions
        )
        for d in range(30)
    }
    assert len(orders) > 1  # not always the new ones first
    played = build_round(BIG, PlayRequest("big", count=3), random.Random(1), last)
    assert {a.question.id for a in played.questions} <= {"q11", "q12", "q9", "q10"}
    assert {"q11", "q12"} <= {a.question.id for a in played.questions}


def test_seeded_and_exam_rounds_ignore_what_the_player_has_seen() -> None:
    last = {f"q{n}": Result.RIGHT for n in range(1, 11)}
    for mode in ("quick", "exam"):
        request = PlayRequest("big", mode=mode, count=4, seed=42)
        with_history = build_round(BIG, request, None, last)
        without = build_round(BIG, request)
        assert with_history.questions == without.questions  # the class code decides alone
