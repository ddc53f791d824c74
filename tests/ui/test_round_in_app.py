"""The round and summary screens wired through the real QuizApp, its store and its size notice."""

from __future__ import annotations

from pathlib import Path

from round_kit import right_keys
from shell_kit import make_app, run_with_pilot, screen_text
from textual.pilot import Pilot

from game.core.records import Result
from game.core.rounds import PlayRequest
from game.ui.screens.round import RoundScreen
from game.ui.screens.summary import SummaryScreen


def test_round_answers_are_stored_as_given_and_the_round_finished(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana", play=PlayRequest("rivers", count=3, seed=3))
    stored: dict[str, object] = {}

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        store = app.session.store
        assert store is not None
        first = screen.round_state.current
        await pilot.press(*right_keys(first))
        await pilot.pause()
        # saved the moment it was given, before the player moves on
        [saved] = store.round_answers(screen.round_id)
        assert (saved.question_id, saved.result) == (first.question.id, Result.RIGHT)
        await pilot.press("enter")
        second = screen.round_state.current
        wrong = next(i for i, c in enumerate(second.choices) if c != second.question.answer)
        await pilot.press(str(wrong + 1), "enter", "enter")
        await pilot.press(*right_keys(screen.round_state.current), "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "2 of 3 right" in screen_text(app)
        stored["answers"] = store.round_answers(screen.round_id)
        stored["round"] = store.rounds(player="Ana")[0]
        await pilot.press("p")  # play again: a new round in place of the summary
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen) and app.screen.round_id != screen.round_id
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, (RoundScreen, SummaryScreen))

    run_with_pilot(app, scenario)
    answers = stored["answers"]
    assert [a.result for a in answers] == [Result.RIGHT, Result.WRONG, Result.RIGHT]
    finished = stored["round"]
    assert finished.finished and finished.score == sum(a.points for a in answers)


def test_leaving_keeps_the_answers_and_the_round_unfinished(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana", play=PlayRequest("rivers", count=4, seed=8))

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.press(*right_keys(screen.round_state.current), "enter")
        await pilot.press("escape", "y")
        await pilot.pause()
        store = app.session.store
        [played] = store.rounds(player="Ana")
        assert not played.finished
        assert len(store.round_answers(played.id)) == 1

    run_with_pilot(app, scenario)


def test_round_and_summary_come_back_whole_after_the_too_small_notice(
    library: dict[str, Path],
) -> None:
    app = make_app(library, player="Ana", play=PlayRequest("rivers", count=1, seed=2))

    async def small_and_back(pilot: Pilot) -> str:
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        assert "This window is too" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        return screen_text(app)

    async def scenario(pilot: Pilot) -> None:
        text = await small_and_back(pilot)
        assert "Question 1 / 1" in text and "Leave round" in text  # top bar and footer
        await pilot.press(*right_keys(app.screen.round_state.current), "enter")
        await pilot.pause()
        text = await small_and_back(pilot)
        assert "Round over" in text and "Play again" in text

    run_with_pilot(app, scenario)


def test_an_answer_that_cannot_be_saved_is_said_on_its_feedback_and_saved_with_the_next(
    library: dict[str, Path],
) -> None:
    from game.store import StoreError

    app = make_app(library, player="Ana", play=PlayRequest("rivers", count=3, seed=3))
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        store = app.session.store
        assert store is not None
        real_record = store.record_answer
        failures = iter([True])

        def failing_once(round_id: int, answer: object, memory_update: object = None) -> None:
            if next(failures, False):
                raise StoreError("the disk is full")
            real_record(round_id, answer, memory_update)  # type: ignore[arg-type]

        store.record_answer = failing_once  # type: ignore[method-assign]
        first = screen.round_state.current
        await pilot.press(*right_keys(first))
        await pilot.pause()
        seen["feedback"] = screen_text(app)
        assert store.round_answers(screen.round_id) == []
        await pilot.press("enter")
        second = screen.round_state.current
        await pilot.press(*right_keys(second))
        await pilot.pause()
        seen["ids"] = [a.question_id for a in store.round_answers(screen.round_id)]
        seen["asked"] = [first.question.id, second.question.id]

    run_with_pilot(app, scenario)
    feedback = " ".join(str(seen["feedback"]).replace("▌", " ").split())
    assert "✓ Right" in feedback
    assert (
        "This answer could not be saved yet: the disk is full. It is kept and tried again "
        "with your next answer." in feedback
    )
    assert seen["ids"] == seen["asked"]  # the first one, retried, and in its place
