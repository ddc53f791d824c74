"""The round as a student feels it: feedback keeps the question in view, warnings go with the
question, the running score and streak, skipping, spelling slips, multi picks in screen order."""

from __future__ import annotations

import pytest
from round_kit import RoundHarness, make_round, right_keys, run_app, screen_text
from textual.pilot import Pilot

from game.core.records import Result
from game.core.rounds import SKIPPED_ANSWER
from game.ui.screens.round import RoundScreen
from game.ui.screens.summary import SummaryScreen


async def _until(pilot: Pilot, check, tries: int = 100) -> None:
    """Wait, a frame at a time, until ``check()`` is true (no fixed sleeps)."""
    for _ in range(tries):
        if check():
            return
        await pilot.pause(0.02)
    assert check()


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_feedback_keeps_prompt_verdict_and_way_on_in_view(size: tuple[int, int]) -> None:
    played = make_round(question_ids=("ties-with",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press(*right_keys(played.questions[0]))
        await _until(pilot, lambda: "✓ Right" in screen_text(app))
        await pilot.pause()
        text = screen_text(app)
        assert "Which heavily sanctioned countries" in text  # the prompt, still on screen
        assert "✓ Right" in text and "Press Enter to see your results." in text
        assert text.index("Which heavily") < text.index("✓ Right") < text.index("Press Enter")

    run_app(app, scenario, size=size)


def test_a_warning_about_the_question_goes_when_it_is_answered() -> None:
    played = make_round(question_ids=("who-is-where",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("enter")  # nothing paired yet
        await _until(pilot, lambda: "Pair every item" in screen_text(app))
        await pilot.press(*right_keys(played.questions[0]))
        await _until(pilot, lambda: "✓ Right" in screen_text(app))
        await pilot.pause()
        assert "Pair every item" not in screen_text(app)

    run_app(app, scenario)


def test_multi_feedback_lists_picks_in_the_screens_order() -> None:
    played = make_round(question_ids=("ties-with",))
    shown = played.questions[0].choices
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        # Pick every choice, last shown first: the feedback still reads top to bottom.
        await pilot.press(*(str(n) for n in range(len(shown), 0, -1)), "enter")
        await _until(pilot, lambda: "Your answer:" in screen_text(app))
        assert "; ".join(shown) in " ".join(screen_text(app).split())

    run_app(app, scenario, size=(120, 30))
    assert app.records[0].given == "; ".join(shown)


def test_a_spelling_slip_scores_nothing_but_says_close() -> None:
    played = make_round(question_ids=("national-security-adviser",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press(*"Sulivan", "enter")
        await _until(pilot, lambda: "✗ Wrong" in screen_text(app))
        assert "close: check the spelling" in screen_text(app)

    run_app(app, scenario)
    assert app.records[0].result is Result.WRONG


def test_a_wrong_answer_far_off_is_not_called_close() -> None:
    played = make_round(question_ids=("national-security-adviser",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press(*"Blinken", "enter")
        await _until(pilot, lambda: "✗ Wrong" in screen_text(app))
        assert "close" not in screen_text(app)

    run_app(app, scenario)


def test_running_score_and_streak_on_the_question_screen() -> None:
    played = make_round(question_ids=("fentanyl-talks", "sanctions-lifted", "ties-with"))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert "0 pts" in screen_text(app)
        for number in range(2):
            await pilot.press(*right_keys(screen.round_state.current))
            await _until(pilot, lambda: screen.phase == "feedback")
            await pilot.press("enter")
            await _until(pilot, lambda n=number: screen.round_state.position == n + 1)
            await _until(pilot, lambda: screen.phase == "answering")
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert f"{screen.round_state.score} pts" in top and "streak 2" in top
        assert screen.round_state.score > 0

    run_app(app, scenario)


def test_skip_brings_the_question_back_at_the_end_and_a_second_skip_gives_it_up() -> None:
    played = make_round(question_ids=("fentanyl-talks", "sanctions-lifted"))
    first = played.questions[0].question.prompt[:30]
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert "s Skip" in screen_text(app)
        await pilot.press("s")
        await _until(pilot, lambda: first not in screen_text(app))
        await pilot.press(*right_keys(screen.round_state.current))
        await _until(pilot, lambda: screen.phase == "feedback")
        await pilot.press("enter")
        await _until(pilot, lambda: first in screen_text(app))
        assert "skipped earlier" in screen_text(app)
        await pilot.press("s")  # given up: counts as wrong, and the round ends
        await _until(pilot, lambda: isinstance(app.screen, SummaryScreen))

    run_app(app, scenario)
    assert [r.given for r in app.records][-1] == SKIPPED_ANSWER
    assert app.completed is not None
    assert (app.completed.summary.right, app.completed.summary.answered) == (1, 2)


def test_skip_while_typing_is_ctrl_s_and_s_still_types() -> None:
    played = make_round(question_ids=("national-security-adviser", "fentanyl-talks"))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.press("s")
        await pilot.pause()
        assert screen.round_state.current.question.id == "national-security-adviser"
        assert "^s Skip" in screen_text(app)
        await pilot.press("ctrl+s")
        await _until(pilot, lambda: screen.round_state.current.question.id == "fentanyl-talks")

    run_app(app, scenario)
