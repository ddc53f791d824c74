"""Rounds: picking and shuffling questions, answering, and the summary figures."""

from __future__ import annotations

import random
from dataclasses import FrozenInstanceError
from datetime import datetime, timedelta

import pytest

from game.core.model import Bank, Question, QuestionType
from game.core.records import Result
from game.core.rounds import (
    TIMED_OUT_ANSWER,
    PlayRequest,
    Round,
    build_round,
    eligible_questions,
    expected_parts,
    expected_text,
    given_parts,
    given_text,
    new_seed,
)

T0 = datetime(2024, 11, 7, 9, 0, 0)


def q(
    qid: str, kind: QuestionType, topic: str = "diplomacy", difficulty: int = 1, **fields
) -> Question:
    """A question with a short prompt and explanation."""
    return Question(
        id=qid,
        type=kind,
        prompt=f"Prompt of {qid}",
        explanation=f"Why {qid}",
        quote=f"Quote of {qid}",
        topic=topic,
        difficulty=difficulty,
        **fields,
    )


QUESTIONS = (
    q("capital", QuestionType.CHOICE, choices=("Paris", "Rome", "Oslo", "Bern"), answer="Paris"),
    q("rivers", QuestionType.MULTI, "geo", 2, choices=("A", "B", "C", "D"), answers=("A", "C")),
    q("rhine", QuestionType.TRUEFALSE, "geo", truth=True),
    q("sea", QuestionType.SHORT, "geo", 3, answers=("Black Sea",)),
    q("danube", QuestionType.ORDER, items=("Ulm", "Vienna", "Budapest", "Belgrade")),
    q(
        "people",
        QuestionType.MATCH,
        difficulty=2,
        pairs=(("Wu Xinbo", "Fudan University"), ("Sheena Greitens", "University of Texas")),
    ),
    *(
        q(f"extra-{n}", QuestionType.TRUEFALSE, "extra", 1 + n % 3, truth=n % 2 == 0)
        for n in range(10)
    ),
)

BANK = Bank(
    bank_id="rivers",
    path="questions/rivers.yaml",
    title="Rivers",
    questions=QUESTIONS,
    topics={"diplomacy": "Diplomacy", "geo": "Geography"},
    time_limit=20,
)

RIGHT_RESPONSES = {
    "capital": "Paris",
    "rivers": frozenset({"A", "C"}),
    "rhine": True,
    "sea": "black sea",
    "danube": ("Ulm", "Vienna", "Budapest", "Belgrade"),
    "people": {"Wu Xinbo": "Fudan University", "Sheena Greitens": "University of Texas"},
}


def shown(played: Round) -> list[tuple]:
    """Everything a player sees of a round's questions, in order."""
    return [(a.question.id, a.choices, a.items, a.rights) for a in played.questions]


def test_exam_seed_gives_the_same_round_every_time() -> None:
    request = PlayRequest("rivers", mode="exam", count=8, seed=424242)
    first = build_round(BANK, request, random.Random(1))
    second = build_round(BANK, request, random.Random(2))  # the seed wins over the generator
    assert shown(first) == shown(second)
    third = build_round(BANK, PlayRequest("rivers", mode="exam", count=8, seed=424243))
    assert shown(third) != shown(first)


def test_different_seeds_differ_across_many_seeds() -> None:
    rounds = {tuple(shown(build_round(BANK, PlayRequest("rivers", seed=s)))) for s in range(20)}
    assert len(rounds) == 20


def test_without_seed_the_generator_decides() -> None:
    request = PlayRequest("rivers")
    assert shown(build_round(BANK, request, random.Random(5))) == shown(
        build_round(BANK, request, random.Random(5))
    )
    with pytest.raises(ValueError):
        build_round(BANK, request)


def test_count_is_capped_at_the_eligible_questions() -> None:
    assert build_round(BANK, PlayRequest("rivers", count=99, seed=1)).total == len(QUESTIONS)
    assert build_round(BANK, PlayRequest("rivers", count=3, seed=1)).total == 3
    geo = build_round(BANK, PlayRequest("rivers", topic="geo", count=10, seed=1))
    assert geo.total == 3


def test_topic_and_difficulty_filters() -> None:
    geo = build_round(BANK, PlayRequest("rivers", topic="geo", seed=3))
    assert {a.question.id for a in geo.questions} == {"rivers", "rhine", "sea"}
    hard = eligible_questions(BANK, PlayRequest("rivers", difficulty=3))
    assert {question.difficulty for question in hard} == {3}
    assert "sea" in {question.id for question in hard}
    both = eligible_questions(BANK, PlayRequest("rivers", topic="geo", difficulty=2))
    assert [question.id for question in both] == ["rivers"]
    with pytest.raises(ValueError):
        build_round(BANK, PlayRequest("rivers", topic="nope", seed=1))


def test_shuffles_keep_the_values_and_never_show_order_or_match_solved() -> None:
    for seed in range(200):
        played = build_round(BANK, PlayRequest("rivers", count=99, seed=seed))
        for asked in played.questions:
            question = asked.question
            if question.type is QuestionType.ORDER:
                assert sorted(asked.items) == sorted(question.items)
                assert asked.items != question.items
            if question.type is QuestionType.MATCH:
                assert asked.rights != tuple(right for _, right in question.pairs)
                assert asked.lefts == ("Wu Xinbo", "Sheena Greitens")
            if question.type in (QuestionType.CHOICE, QuestionType.MULTI):
                assert sorted(asked.choices) == sorted(question.choices)


def test_choices_are_not_always_in_the_same_place() -> None:
    places = set()
    for seed in range(30):
        played = build_round(BANK, PlayRequest("rivers", count=99, seed=seed))
        capital = next(a for a in played.questions if a.question.id == "capital")
        places.add(capital.choices.index("Paris"))
    assert len(places) > 1


def play_all(played: Round, responses: dict, seconds: float = 5.0) -> tuple[Round, list]:
    """Answer every question, with the given response or a wrong-ish default."""
    records = []
    clock = T0
    while not played.finished:
        asked = played.current
        assert asked is not None
        response = responses.get(asked.question.id, False)
        clock += timedelta(seconds=seconds)
        played, record = played.answer(response, seconds=seconds, answered_at=clock)
        records.append(record)
    return played, records


def test_round_state_machine_is_immutable_and_advances() -> None:
    played = build_round(BANK, PlayRequest("rivers", topic="geo", seed=9))
    assert (played.progress, played.finished, played.score) == ((1, 3), False, 0)
    with pytest.raises(FrozenInstanceError):
        played.answers = ()  # type: ignore[misc]
    first = played.current
    assert first is not None
    after, record = played.answer(RIGHT_RESPONSES[first.question.id], seconds=3, answered_at=T0)
    assert played.position == 0  # the old state is untouched
    assert after.progress == (2, 3)
    assert record.question_id == first.question.id
    assert record.result is Result.RIGHT
    done, _ = play_all(after, RIGHT_RESPONSES)
    assert done.finished and done.current is None and done.progress == (3, 3)
    with pytest.raises(ValueError):
        done.answer("x", seconds=1, answered_at=T0)


def test_records_carry_readable_given_and_expected_text() -> None:
    by_id = {question.id: question for question in QUESTIONS}
    assert expected_text(by_id["rivers"]) == "A; C"
    assert given_text(by_id["rivers"], frozenset({"C", "B"})) == "B; C"
    assert expected_text(by_id["danube"]) == "1. Ulm  2. Vienna  3. Budapest  4. Belgrade"
    assert expected_text(by_id["people"]) == (
        "Wu Xinbo → Fudan University; Sheena Greitens → University of Texas"
    )
    assert given_text(by_id["people"], {"Wu Xinbo": "University of Texas"}) == (
        "Wu Xinbo → University of Texas; Sheena Greitens → ?"
    )
    assert (expected_text(by_id["rhine"]), given_text(by_id["rhine"], False)) == ("True", "False")
    assert given_text(by_id["sea"], "   ") == "(no answer)"
    assert given_text(by_id["rivers"], frozenset()) == "(no answer)"


def test_parts_line_up_item_by_item() -> None:
    by_id = {question.id: question for question in QUESTIONS}
    danube = by_id["danube"]
    given = given_parts(danube, ("Ulm", "Budapest", "Vienna", "Belgrade"))
    expected = expected_parts(danube)
    assert [mine == right for mine, right in zip(given, expected, strict=True)] == [
        True,
        False,
        False,
        True,
    ]
    people = by_id["people"]
    given = given_parts(people, {"Wu Xinbo": "Fudan University"})
    assert given == ("Wu Xinbo → Fudan University", "Sheena Greitens → ?")
    assert given[0] == expected_parts(people)[0]
    assert given_parts(by_id["sea"], None) == ()


def test_summary_figures() -> None:
    played = build_round(
        BANK, PlayRequest("rivers", count=6, seed=11, question_ids=tuple(RIGHT_RESPONSES))
    )
    assert played.total == 6
    responses = dict(RIGHT_RESPONSES)
    responses["rivers"] = frozenset({"A"})  # partly: 1/2 of 20 = 10
    responses["rhine"] = False  # wrong
    done, records = play_all(played, responses, seconds=4)
    summary = done.summary()
    assert summary.max_score == 10 + 20 + 10 + 30 + 10 + 20
    assert summary.score == 10 + 10 + 0 + 30 + 10 + 20
    assert summary.percentage == round(100 * 80 / 100)
    assert (summary.right, summary.partly, summary.answered, summary.total) == (4, 1, 6, 6)
    assert summary.seconds == 24
    assert summary.finished
    assert {r.question_id for r in summary.missed} == {"rivers", "rhine"}
    rhine = next(r for r in summary.missed if r.question_id == "rhine")
    assert (rhine.expected, rhine.explanation, rhine.quote) == (
        "True",
        "Why rhine",
        "Quote of rhine",
    )
    topics = {t.name: (t.right, t.answered, t.points, t.max_points) for t in summary.topics}
    assert topics == {"Diplomacy": (3, 3, 40, 40), "Geography": (1, 3, 40, 60)}
    order = [r.result is Result.RIGHT for r in records]
    best = run = 0
    for is_right in order:
        run = run + 1 if is_right else 0
        best = max(best, run)
    assert summary.best_streak == best


def test_best_streak_counts_the_longest_run() -> None:
    played = build_round(BANK, PlayRequest("rivers", topic="extra", seed=2))
    responses = {}
    for index, asked in enumerate(played.questions):
        truth = asked.question.truth
        responses[asked.question.id] = truth if index not in (2, 6) else not truth
    done, _ = play_all(played, responses)
    summary = done.summary()
    assert (summary.right, summary.best_streak) == (8, 3)  # runs: 2, 3, 3


def test_timed_round_uses_the_bank_time_limit_and_marks_timeouts() -> None:
    played = build_round(BANK, PlayRequest("rivers", mode="timed", topic="geo", seed=4))
    assert played.time_limit == 20
    quick = build_round(BANK, PlayRequest("rivers", mode="quick", topic="geo", seed=4))
    assert quick.time_limit is None
    assert played.max_score == 15 + 30 + 45
    asked = played.current
    assert asked is not None
    after, record = played.answer(
        RIGHT_RESPONSES[asked.question.id], seconds=20, answered_at=T0, timed_out=True
    )
    assert (record.result, record.points, record.timed_out, record.given) == (
        Result.WRONG,
        0,
        True,
        TIMED_OUT_ANSWER,
    )
    asked = after.current
    assert asked is not None
    _, fast = after.answer(RIGHT_RESPONSES[asked.question.id], seconds=0, answered_at=T0)
    assert fast.points == fast.max_points
    assert after.summary().timed_out == 1


def test_missed_request_reviews_what_was_not_fully_right() -> None:
    played = build_round(BANK, PlayRequest("rivers", topic="geo", seed=5))
    responses = dict(RIGHT_RESPONSES, rivers=frozenset({"A"}), sea="Red Sea")
    done, _ = play_all(played, responses)
    review = done.missed_request()
    assert review is not None
    assert (review.mode, set(review.question_ids), review.count) == ("review", {"rivers", "sea"}, 2)
    again = build_round(BANK, review, random.Random(0))
    assert {a.question.id for a in again.questions} == {"rivers", "sea"}
    perfect, _ = play_all(
        build_round(BANK, PlayRequest("rivers", topic="geo", seed=5)), RIGHT_RESPONSES
    )
    assert perfect.missed_request() is None


def test_round_start_and_request_checks() -> None:
    played = build_round(BANK, PlayRequest("rivers", mode="exam", count=4, seed=123456))
    start = played.round_start("Ana", T0)
    assert (start.mode, start.seed, start.question_count, start.max_score) == (
        "exam",
        123456,
        4,
        played.max_score,
    )
    with pytest.raises(ValueError):
        PlayRequest("rivers", mode="drill")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        PlayRequest("rivers", count=0)
    seed = new_seed(random.Random(3))
    assert 100_000 <= seed < 1_000_000


def test_core_rounds_import_no_third_party() -> None:
    import subprocess
    import sys
    from pathlib import Path

    code = "import game.core.rounds, game.core.scoring, sys; print('textual' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.strip() == "False"


def test_a_typed_answer_not_sent_when_time_runs_out_is_kept_in_words_and_scores_nothing() -> None:
    played = build_round(BANK, PlayRequest("rivers", mode="timed", topic="geo", seed=4))
    while played.current is not None and played.current.question.id != "sea":
        played, _ = played.answer(None, seconds=1, answered_at=T0)
    _, record = played.answer("Black Sea", seconds=20, answered_at=T0, timed_out=True)
    assert (record.result, record.points, record.timed_out) == (Result.WRONG, 0, True)
    assert record.given == "(no answer: time's up; typed, not sent: Black Sea)"
    _, nothing = played.answer("  ", seconds=20, answered_at=T0, timed_out=True)
    assert nothing.given == TIMED_OUT_ANSWER
