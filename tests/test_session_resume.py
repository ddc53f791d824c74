"""Unfinished rounds are taken up again: the same round (questions, order, shuffles) from the
first unanswered question, scored and kept as one round, through the session and a real
save file, as a game started again after the terminal was closed would see it."""

from __future__ import annotations

import random
import shutil
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from game.core.resume import PlanError, Unfinished, rebuild_round
from game.core.rounds import AskedQuestion, PlayRequest, Round, build_round
from game.session import Session

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_BANK = ROOT / "questions" / "china-us-detente.yaml"
BANK_ID = "china-us-detente"
NOW = datetime(2024, 11, 7, 9, 0, tzinfo=UTC)


def _session(folders: dict[str, Path], player: str = "ana") -> Session:
    questions = folders["questions"]
    if not (questions / ARTICLE_BANK.name).exists():
        shutil.copy(ARTICLE_BANK, questions / ARTICLE_BANK.name)
        shutil.copytree(ARTICLE_BANK.parent / "sources", questions / "sources")
    session = Session(questions, folders["saves"], lambda: NOW)
    session.open()
    session.choose_player(player)
    return session


def _right(asked: AskedQuestion) -> object:
    """A fully right response to any question type, as the round's answer() takes it."""
    question = asked.question
    kind = question.type.value
    if kind == "order":
        return tuple(question.items)
    if kind == "match":
        return tuple(question.pairs)
    return question.answer


def _start(session: Session, request: PlayRequest, seed: int = 3) -> tuple[Round, int]:
    played = session.prepare_round(request, random.Random(seed))
    assert isinstance(played, Round)
    round_id, problem = session.start_round(played.round_start(session.player or "", NOW))
    assert problem is None and round_id
    return played, round_id


def _answer(session: Session, played: Round, round_id: int, how_many: int) -> Round:
    for step in range(how_many):
        asked = played.current
        assert asked is not None
        response = _right(asked) if step % 2 == 0 else None  # right, wrong, right, ...
        when = NOW + timedelta(seconds=10 * (step + 1))
        played, record = played.answer(response, seconds=2.0, answered_at=when)
        assert session.record_answer(round_id, record) is None
    return played


def _shown(played: Round) -> list[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    """What the screen shows of each question: id, then choices, items and match column."""
    return [(a.question.id, a.choices, a.items, a.rights) for a in played.questions]


def test_a_round_left_at_4_of_10_goes_on_at_question_5_as_one_round(
    isolated_folders: dict[str, Path],
) -> None:
    session = _session(isolated_folders)
    played, round_id = _start(session, PlayRequest(BANK_ID, mode="quick", count=10))
    left = _answer(session, played, round_id, 4)
    session.close()  # the terminal is closed: the game ends here

    again = _session(isolated_folders)
    unfinished = again.unfinished_round()
    assert unfinished is not None
    assert (unfinished.round_id, unfinished.answered, unfinished.total) == (round_id, 4, 10)
    assert (unfinished.bank_id, unfinished.mode) == (BANK_ID, "quick")
    resumed = again.resume_round(unfinished)
    assert isinstance(resumed, Round)
    assert _shown(resumed) == _shown(played)  # same questions, order and shuffles
    assert resumed.position == 4 and resumed.progress == (5, 10)
    assert resumed.current == played.questions[4]
    assert resumed.score == left.score and resumed.answers == left.answers
    assert resumed.started_at == NOW

    finished = _answer(again, resumed, round_id, 6)
    assert again.finish_round(round_id, finished.score, finished.max_score) is None
    rows = again.history("ana", None).rounds
    assert [(r.id, r.total, r.score, r.finished_at is not None) for r in rows] == [
        (round_id, 10, finished.score, True)
    ]
    assert len(again.round_answers(round_id)) == 10
    assert again.unfinished_round() is None  # a finished round is not offered again
    again.close()


def test_only_the_newest_round_is_offered(isolated_folders: dict[str, Path]) -> None:
    session = _session(isolated_folders)
    played, round_id = _start(session, PlayRequest(BANK_ID, count=3))
    _answer(session, played, round_id, 1)
    second, second_id = _start(session, PlayRequest(BANK_ID, count=2), seed=4)
    done = _answer(session, second, second_id, 2)
    assert session.finish_round(second_id, done.score, done.max_score) is None
    assert session.unfinished_round() is None  # a newer round was played to the end
    session.close()


def test_a_round_left_before_its_first_answer_is_not_offered(
    isolated_folders: dict[str, Path],
) -> None:
    """As History does not list it: there is nothing of it to go on with."""
    session = _session(isolated_folders)
    played, round_id = _start(session, PlayRequest(BANK_ID, mode="timed", count=5))
    assert session.unfinished_round() is None
    _answer(session, played, round_id, 1)  # from its first answer on, it is offered
    unfinished = session.unfinished_round()
    assert unfinished is not None and (unfinished.answered, unfinished.total) == (1, 5)
    resumed = session.resume_round(unfinished)
    assert isinstance(resumed, Round)
    assert resumed.time_limit == played.time_limit and resumed.mode == "timed"
    assert _shown(resumed) == _shown(played)
    session.close()


def test_an_exam_left_before_its_first_answer_is_offered_at_0(
    isolated_folders: dict[str, Path],
) -> None:
    """An exam keeps its class round: the same code goes on with it, even at 0."""
    session = _session(isolated_folders)
    played, _ = _start(session, PlayRequest(BANK_ID, mode="exam", count=5, seed=154769))
    unfinished = session.unfinished_round()
    assert unfinished is not None and (unfinished.answered, unfinished.total) == (0, 5)
    resumed = session.resume_round(unfinished)
    assert isinstance(resumed, Round)
    assert resumed.mode == "exam" and resumed.request.seed == 154769
    assert _shown(resumed) == _shown(played)
    session.close()


def test_a_round_left_empty_after_another_does_not_hide_it(
    isolated_folders: dict[str, Path],
) -> None:
    """A round left at 1 answer, then another left before its first: the first is still
    offered (the empty one is as if never started), and home counts one round unfinished."""
    session = _session(isolated_folders)
    played, round_id = _start(session, PlayRequest(BANK_ID, count=5))
    _answer(session, played, round_id, 1)
    _start(session, PlayRequest(BANK_ID, mode="timed", count=5), seed=4)
    unfinished = session.unfinished_round()
    assert unfinished is not None
    assert (unfinished.round_id, unfinished.answered) == (round_id, 1)
    assert session.unfinished_counts() == {BANK_ID: 1}
    _start(session, PlayRequest(BANK_ID, mode="exam", count=5, seed=154769))
    assert session.unfinished_counts() == {BANK_ID: 2}  # an exam's class round, at 0: offered
    session.close()


def test_each_player_is_offered_their_own_round(isolated_folders: dict[str, Path]) -> None:
    session = _session(isolated_folders, "ana")
    played, round_id = _start(session, PlayRequest(BANK_ID, count=4))
    _answer(session, played, round_id, 2)
    session.choose_player("ben")
    assert session.unfinished_round() is None
    session.choose_player("ana")
    assert session.unfinished_round() is not None
    session.close()


def test_a_class_exam_is_found_by_its_code(isolated_folders: dict[str, Path]) -> None:
    session = _session(isolated_folders)
    exam = PlayRequest(BANK_ID, mode="exam", count=6, seed=154769)
    played, round_id = _start(session, exam)
    _answer(session, played, round_id, 3)
    found = session.unfinished_round(BANK_ID, mode="exam", seed=154769)
    assert found is not None and found.round_id == round_id and found.seed == 154769
    assert session.unfinished_round(BANK_ID, mode="exam", seed=111111) is None
    assert session.unfinished_round(BANK_ID, mode="quick") is None
    resumed = session.resume_round(found)
    assert isinstance(resumed, Round) and resumed.request.seed == 154769
    assert _shown(resumed) == _shown(played)
    session.close()


def test_answers_waiting_to_be_saved_come_back_with_the_round(
    isolated_folders: dict[str, Path],
) -> None:
    """An answer the disk refused is still the player's: resuming counts it, and it is
    saved with the next one."""
    session = _session(isolated_folders)
    played, round_id = _start(session, PlayRequest(BANK_ID, count=4))
    played = _answer(session, played, round_id, 1)
    asked = played.current
    assert asked is not None
    played, record = played.answer(_right(asked), seconds=1.0, answered_at=NOW)
    session.unsaved.append((round_id, record))  # as if the write had failed
    unfinished = session.unfinished_round()
    assert unfinished is not None and unfinished.answered == 1
    resumed = session.resume_round(unfinished)
    assert isinstance(resumed, Round) and resumed.position == 2
    assert resumed.answers == played.answers
    session.close()


def _change_bank(folders: dict[str, Path], old: str, new: str) -> None:
    path = folders["questions"] / ARTICLE_BANK.name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_round_whose_bank_lost_a_question_is_refused_in_words(
    isolated_folders: dict[str, Path],
) -> None:
    session = _session(isolated_folders)
    played, round_id = _start(session, PlayRequest(BANK_ID, count=len_bank()))
    _answer(session, played, round_id, 2)
    _change_bank(isolated_folders, "id: summit-location\n", "id: summit-location-renamed\n")
    unfinished = session.unfinished_round()
    assert unfinished is not None
    why = session.resume_round(unfinished)
    assert isinstance(why, str)
    assert why.startswith(
        "This round cannot be taken up again: question summit-location is no longer in "
    )
    assert why.endswith("China and the U.S.: a détente with limits.")
    session.close()


def len_bank() -> int:
    from game.banks.loader import load_bank

    loaded = load_bank(ARTICLE_BANK)
    assert loaded.bank is not None
    return len(loaded.bank.questions)


def test_a_plan_is_checked_against_the_bank_as_it_is_now() -> None:
    from game.banks.loader import load_bank

    bank = load_bank(ARTICLE_BANK).bank
    assert bank is not None
    played = build_round(bank, PlayRequest(BANK_ID, count=len(bank.questions), seed=5))
    start = played.round_start("ana", NOW)
    assert start.plan
    unfinished = Unfinished(1, BANK_ID, bank.title, "quick", 5, 0, played.total, NOW, start.plan)
    assert _shown(rebuild_round(bank, unfinished, ())) == _shown(played)

    choice = next(a for a in played.questions if a.question.type.value == "choice")
    fewer = replace(choice.question, choices=choice.question.choices[:-1])
    changed = replace(
        bank, questions=tuple(fewer if q.id == fewer.id else q for q in bank.questions)
    )
    with pytest.raises(PlanError, match=f"question {choice.question.id} has changed"):
        rebuild_round(changed, unfinished, ())
    for damaged in ("", "{", '{"version": 99}', '{"version": 1, "mode": "quick"}'):
        with pytest.raises(PlanError):
            rebuild_round(bank, Unfinished(1, BANK_ID, "", "quick", None, 0, 3, NOW, damaged), ())


def test_rounds_saved_before_plans_were_kept_are_not_offered(
    isolated_folders: dict[str, Path],
) -> None:
    session = _session(isolated_folders)
    played, round_id = _start(session, PlayRequest(BANK_ID, count=4))
    _answer(session, played, round_id, 1)
    session.close()
    database = isolated_folders["saves"] / "quiz.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE rounds SET plan = NULL")  # as the migration leaves old rounds
    again = _session(isolated_folders)
    assert again.unfinished_round() is None
    again.close()


def test_a_resumed_review_still_reviews_just_its_questions(
    isolated_folders: dict[str, Path],
) -> None:
    session = _session(isolated_folders)
    ids = ("summit-location", "bangkok-meeting-city", "chasm-define-relationship")
    played, round_id = _start(
        session, PlayRequest(BANK_ID, mode="review", count=3, question_ids=ids)
    )
    _answer(session, played, round_id, 1)
    unfinished = session.unfinished_round()
    assert unfinished is not None and unfinished.mode == "review"
    resumed = session.resume_round(unfinished)
    assert isinstance(resumed, Round)
    assert set(resumed.request.question_ids) == set(ids)
    session.close()
