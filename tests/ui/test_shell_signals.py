"""SIGTERM, SIGHUP and SIGINT end the App the ordinary way, with every answer given already
saved; ctrl+q during a round asks first."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from shell_kit import make_app, run_with_pilot, wait_for_text
from textual import events
from textual.pilot import Pilot

from game.core.rounds import PlayRequest
from game.store import open_store
from game.ui.app import QuizApp
from game.ui.screens.round import RoundScreen


async def _until(condition: Callable[[], bool], timeout: float = 30) -> None:
    """Let the App run until condition holds (a busy machine may take a while)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("the App never got there")
        await asyncio.sleep(0.02)


def _on_question(app: QuizApp, number: int) -> bool:
    screen = app.screen
    return isinstance(screen, RoundScreen) and screen.round_state.progress[0] == number


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_signal_mid_round_exits_cleanly_and_keeps_answers(
    library: dict[str, Path], signum: int
) -> None:
    request = PlayRequest(bank_id="rivers", mode="exam", count=3, seed=7)
    app = make_app(library, player="Ana", play=request)
    before = signal.getsignal(signum)

    async def scenario(pilot: Pilot[object]) -> None:
        await _until(lambda: _on_question(app, 1))
        await pilot.press("1", "enter")  # one answer given
        await _until(lambda: _on_question(app, 2))
        os.kill(os.getpid(), signum)
        await _until(lambda: app.return_code is not None)

    run_with_pilot(app, scenario)
    assert app.return_code == 128 + signum  # SIGINT too: never 0
    # The handlers are given back when the App ends.
    assert signal.getsignal(signum) == before

    store = open_store(library["saves"]).store
    (played,) = store.rounds("Ana")
    assert not played.finished
    assert len(store.round_answers(played.id)) == 1


def test_ctrl_q_during_a_round_asks_first(library: dict[str, Path]) -> None:
    request = PlayRequest(bank_id="rivers", mode="quick", count=3, seed=7)
    app = make_app(library, player="Ana", play=request)

    async def scenario(pilot: Pilot[object]) -> None:
        await _until(lambda: _on_question(app, 1))
        await pilot.press("1", "enter")
        await wait_for_text(pilot, "Press Enter")
        await pilot.press("ctrl+q")
        text = await wait_for_text(pilot, "Quit the game?")
        assert "Your answer so far is" in text  # ... saved; the round is marked unfinished
        await pilot.press("n")  # no: back to the feedback, the game goes on
        await wait_for_text(pilot, "Quit the game?", gone=True)
        assert isinstance(app.screen, RoundScreen) and app.is_running
        await pilot.press("enter")
        await _until(lambda: _on_question(app, 2))
        await pilot.press("ctrl+q")
        await wait_for_text(pilot, "Quit the game?")
        await pilot.press("y")
        await _until(lambda: not app.is_running)

    run_with_pilot(app, scenario)
    assert app.return_code == 0
    store = open_store(library["saves"]).store
    (played,) = store.rounds("Ana")
    assert not played.finished
    assert len(store.round_answers(played.id)) == 1


def test_ctrl_q_twice_quits_from_the_question(library: dict[str, Path]) -> None:
    """The second ctrl+q, on the question it asked, is the yes."""
    request = PlayRequest(bank_id="rivers", mode="exam", count=3, seed=7)
    app = make_app(library, player="Ana", play=request)

    async def scenario(pilot: Pilot[object]) -> None:
        await _until(lambda: _on_question(app, 1))
        await pilot.press("ctrl+q")
        await wait_for_text(pilot, "Quit the game?")
        await pilot.press("ctrl+q")
        await _until(lambda: not app.is_running)

    run_with_pilot(app, scenario)


def test_ctrl_q_on_home_quits_without_asking(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await wait_for_text(pilot, "Rivers of Europe")
        await pilot.press("ctrl+q")
        await _until(lambda: not app.is_running)

    run_with_pilot(app, scenario)
    assert app.return_code == 0


@pytest.mark.parametrize(
    ("build", "where"),
    [(1, "the first question's build"), (2, "the next question's, built during the feedback")],
)
def test_a_signal_while_a_question_is_built_ends_the_game_without_an_error(
    library: dict[str, Path], monkeypatch: pytest.MonkeyPatch, build: int, where: str
) -> None:
    """Once the App is ending, Textual refuses every mount with an error (CI saw the
    traceback, and the exit status lost, for a SIGHUP while the feedback was up): the round
    screen builds nothing more then. The signal comes just as the given build makes the
    answer widget it is about to mount."""
    from game.ui.screens import round as round_screen

    request = PlayRequest(bank_id="rivers", mode="quick", count=3, seed=7)
    app = make_app(library, player="Ana", play=request)
    made = round_screen.answer_widget_for
    builds: list[object] = []

    def signalled_on_build(asked: object) -> object:
        builds.append(asked)
        if len(builds) == build:
            app.exit(return_code=128 + signal.SIGHUP)  # as the signal's handler asks
        return made(asked)  # type: ignore[arg-type]

    monkeypatch.setattr(round_screen, "answer_widget_for", signalled_on_build)

    async def scenario(pilot: Pilot[object]) -> None:
        if build == 2:
            await _until(lambda: _on_question(app, 1))
            await pilot.press("1", "enter")
        await _until(lambda: not app.is_running)

    run_with_pilot(app, scenario)
    assert len(builds) == build, where
    assert app.return_code == 128 + signal.SIGHUP


def test_a_key_waiting_when_the_app_starts_ending_does_nothing(library: dict[str, Path]) -> None:
    """A key already waiting when a signal asks the App to end (ctrl+q pressed as the
    terminal closes) is not acted on: the quit question it would push would be built of no
    widgets, as Textual mounts none once the App is ending, and its first look at them
    raised."""
    request = PlayRequest(bank_id="rivers", mode="exam", count=3, seed=7)
    app = make_app(library, player="Ana", play=request)

    async def scenario(pilot: Pilot[object]) -> None:
        await _until(lambda: _on_question(app, 1))
        app.post_message(events.Key("ctrl+q", None))
        app.exit(return_code=128 + signal.SIGHUP)  # as the signal's handler asks
        await _until(lambda: not app.is_running)

    run_with_pilot(app, scenario)
    assert app.return_code == 128 + signal.SIGHUP
