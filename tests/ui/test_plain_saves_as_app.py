"""Plain mode saves the same rows as the Textual app: the same seeded round answered the same
way in both (a hint on the first question) leaves the same answers and the same round."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from round_kit import right_keys
from shell_kit import make_app, run_with_pilot
from textual.pilot import Pilot

from game.banks.library import load_bank_by_id
from game.core.rounds import PlayRequest, build_round
from game.store.readonly import open_read_only
from game.ui.screens.round import RoundScreen
from game.ui.screens.summary import SummaryScreen


def _plain_kit():
    path = Path(__file__).resolve().parents[1] / "plain" / "plain_kit.py"
    spec = importlib.util.spec_from_file_location("plain_kit_for_ui", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(saves: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """What both front ends must agree on: every field but the clock's."""
    saved = open_read_only(saves / "quiz.sqlite3")
    answers = [
        (
            a.question_id,
            a.question_type,
            a.topic,
            a.difficulty,
            a.prompt,
            a.given,
            a.expected,
            a.result,
            a.points,
            a.max_points,
            a.hint_used,
            a.timed_out,
            a.explanation,
            a.quote,
        )
        for a in saved.answers
    ]
    rounds = [
        (
            r.player,
            r.bank_id,
            r.bank_title,
            r.mode,
            r.seed,
            r.topic,
            r.question_count,
            r.score,
            r.max_score,
            r.right,
            r.total,
            r.finished_at is not None,
        )
        for r in saved.rounds
    ]
    return answers, rounds


def test_a_round_played_in_plain_mode_saves_the_rows_the_app_saves(
    folders: dict[str, Path], tmp_path: Path
) -> None:
    kit = _plain_kit()
    kit.write_bank(folders["questions"])
    request = PlayRequest("rivers", mode="quick", count=6, seed=11)
    loaded = load_bank_by_id(folders["questions"], "rivers")
    assert loaded is not None and loaded.bank is not None
    played = build_round(loaded.bank, request)
    assert played.questions[4].question.id == "longest"  # the one with a hint

    app = make_app(folders, player="Ana", play=request)

    async def scenario(pilot: Pilot) -> None:
        for number in range(6):
            screen = app.screen
            assert isinstance(screen, RoundScreen)
            asked = screen.round_state.current
            assert asked == played.questions[number]
            if number == 4:
                await pilot.press("h")
                await pilot.pause()
            await pilot.press(*right_keys(asked))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)

    run_with_pilot(app, scenario)
    in_app = _rows(folders["saves"])

    plain_folders = {"questions": folders["questions"], "saves": tmp_path / "plain-saves"}
    plain_folders["saves"].mkdir()
    lines = kit.right_lines(played)
    lines.insert(4, "h")
    status, transcript, _ = kit.play(plain_folders, lines, request)
    assert status == 0, transcript
    in_plain = _rows(plain_folders["saves"])
    assert len(in_app[0]) == 6
    assert in_plain == in_app
