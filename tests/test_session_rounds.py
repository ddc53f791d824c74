"""The session prepares rounds with the player's history: quick rounds prefer new questions."""

from __future__ import annotations

import random
import shutil
from datetime import UTC, datetime
from pathlib import Path

from game.core.rounds import PlayRequest, Round
from game.session import Session

ARTICLE_BANK = Path(__file__).resolve().parents[1] / "questions" / "china-us-detente.yaml"
NOW = datetime(2024, 11, 7, 9, 0, tzinfo=UTC)


def _session(folders: dict[str, Path]) -> Session:
    shutil.copy(ARTICLE_BANK, folders["questions"] / ARTICLE_BANK.name)
    shutil.copytree(ARTICLE_BANK.parent / "sources", folders["questions"] / "sources")
    session = Session(folders["questions"], folders["saves"], lambda: NOW)
    session.open()
    session.choose_player("ana")
    return session


def _play(session: Session, played: Round, right: bool) -> None:
    round_id, problem = session.start_round(played.round_start("ana", NOW))
    assert problem is None
    while not played.finished:
        asked = played.current
        assert asked is not None
        question = asked.question
        response = question.answer if right else "(wrong)"
        if question.type.value != "choice":
            response = None
        played, record = played.answer(response, seconds=1.0, answered_at=NOW)
        assert session.record_answer(round_id, record) is None


def test_a_second_quick_round_is_all_new_questions_while_there_are_any(
    isolated_folders: dict[str, Path],
) -> None:
    session = _session(isolated_folders)
    rng = random.Random(5)
    first = session.prepare_round(PlayRequest("china-us-detente", count=5), rng)
    assert isinstance(first, Round)
    _play(session, first, right=True)
    second = session.prepare_round(PlayRequest("china-us-detente", count=5), rng)
    assert isinstance(second, Round)
    seen = {asked.question.id for asked in first.questions}
    assert not seen & {asked.question.id for asked in second.questions}
    assert set(session.last_results("china-us-detente")) == seen
    session.close()


def test_earlier_scores_feed_the_personal_best(isolated_folders: dict[str, Path]) -> None:
    from game.core.standing import is_personal_best

    session = _session(isolated_folders)
    rng = random.Random(9)
    scores = []
    for right in (False, True):
        played = session.prepare_round(PlayRequest("china-us-detente", count=3), rng)
        assert isinstance(played, Round)
        round_id, _ = session.start_round(played.round_start("ana", NOW))
        while not played.finished:
            asked = played.current
            assert asked is not None
            response = asked.question.answer if right else None
            played, record = played.answer(response, seconds=1.0, answered_at=NOW)
            session.record_answer(round_id, record)
        assert session.finish_round(round_id, played.score, played.max_score) is None
        scores.append((round_id, played.score, played.max_score))
    (first_id, *_), (second_id, score, top) = scores
    earlier = session.earlier_scores("china-us-detente", second_id)
    assert [s for s, _ in earlier] == [0]
    assert is_personal_best("quick", score, top, earlier) == (score > 0)
    assert session.earlier_scores("china-us-detente", first_id)[0][0] == score
    session.close()


def test_the_schedule_answers_are_saved_with_is_imported_as_the_round_starts(
    isolated_folders: dict[str, Path],
) -> None:
    # Imported with the first answer, fsrs made the Enter that gives it wait (about 4 ms).
    import subprocess
    import sys

    code = f"""
import random, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from pathlib import Path
from test_session_rounds import _session, NOW
from game.core.rounds import PlayRequest
folders = {{"questions": Path({str(isolated_folders["questions"])!r}),
            "saves": Path({str(isolated_folders["saves"])!r})}}
session = _session(folders)
played = session.prepare_round(PlayRequest("china-us-detente", count=2), random.Random(1))
before = "fsrs" in sys.modules
round_id, problem = session.start_round(played.round_start("ana", NOW))
print(before, "fsrs" in sys.modules, problem)
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["False", "True", "None"], done.stderr
