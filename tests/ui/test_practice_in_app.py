"""Practice through the real QuizApp: home's due counts, the set-up, and each question's reason."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from round_kit import START, FakeClock, right_keys
from shell_kit import make_app, past_answer, run_with_pilot, screen_text
from textual.pilot import Pilot

from game.cli import build_parser
from game.core.records import Result, RoundStart
from game.core.rounds import PlayRequest
from game.practice.schedule import next_memory
from game.store import open_store
from game.store.schema import MEMORY_REBUILD_KEY
from game.ui.screens.home import HomeScreen
from game.ui.screens.round import RoundScreen
from game.ui.screens.setup import SetupScreen
from game.ui.screens.summary import SummaryScreen
from game.ui.widgets.round_header import RoundHeader


def context_line(app) -> str:
    """The round screen's third line: the topic and, at its end, the practice reason."""
    return screen_text(app).splitlines()[2]


def reason_shown(screen: RoundScreen) -> str:
    """The practice reason beside the topic ('' when hidden)."""
    return screen.query_one(RoundHeader).state.reason


def test_a_practice_round_moves_what_home_says_is_due(library: dict[str, Path]) -> None:
    clock = FakeClock()
    app = make_app(
        library, player="Ana", clock=clock, play=PlayRequest("rivers", "practice", count=3)
    )
    missed: list[str] = []

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert "Practice" in screen_text(app).splitlines()[0]
        assert [asked.reason for asked in screen.round_state.questions] == ["new"] * 3
        line = context_line(app).rstrip()
        assert line.lstrip().startswith("Topic: ") and line.endswith("new")
        first, second = screen.round_state.questions[:2]
        clock.advance(3)  # right and fast: Easy
        await pilot.press(*right_keys(first), "enter")
        clock.advance(3)
        wrong = next(i for i, c in enumerate(second.choices) if c != second.question.answer)
        missed.append(second.question.id)
        await pilot.press(str(wrong + 1), "enter", "enter")
        clock.advance(3)
        await pilot.press(*right_keys(screen.round_state.current), "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # the wrong answer, given at +6 s, comes back a minute later
        assert "none due · next in 57 s" in screen_text(app)

        clock.advance(120)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "Practice" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, RoundScreen) and again.round_state.mode == "practice"
        reasons = [(a.question.id, a.reason) for a in again.round_state.questions]
        assert reasons[0] == (second.question.id, "due")
        assert {reason for _, reason in reasons[1:]} == {"new"}
        assert reason_shown(again) == "due"
        await pilot.press(*right_keys(again.round_state.current), "enter")
        assert reason_shown(again) == "new"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "none due · next in" in screen_text(app)

    run_with_pilot(app, scenario)
    store = open_store(library["saves"]).store
    memory = store.memory_states("Ana", "rivers")
    store.close()
    assert len(memory) == 3  # the second round was left after its first question
    assert memory[missed[0]].reviews == 2 and memory[missed[0]].last_result is Result.RIGHT


def test_home_and_the_round_follow_a_history(library: dict[str, Path]) -> None:
    history = [
        ("q1", Result.RIGHT, START - timedelta(days=10), 12.0),  # learning, then learnt
        ("q1", Result.RIGHT, START - timedelta(days=10) + timedelta(hours=1), 12.0),
        ("q2", Result.RIGHT, START - timedelta(days=1), 3.0),  # Easy: not due for days
        ("q3", Result.RIGHT, START - timedelta(days=1), 3.0),
        ("q3", Result.WRONG, START - timedelta(minutes=2), 9.0),  # relearning in 10 min
        ("q4", Result.WRONG, START - timedelta(seconds=30), 9.0),  # again in a minute
    ]
    store = open_store(library["saves"]).store
    start = RoundStart("Ana", "rivers", "Rivers", "quick", None, None, 6, 60, history[0][2])
    round_id = store.start_round(start)
    for question_id, result, at, seconds in history:
        store.record_answer(round_id, past_answer(question_id, result, at, seconds), next_memory)
    store.set_last_player("Ana")
    store.close()
    app = make_app(library, clock=FakeClock(START))

    async def scenario(pilot: Pilot) -> None:
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "1 due now · next in 30 s" in text  # in the bank list
        assert "Practice: 1 due now · next in 30 s" in text  # in the About panel
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        picked = [(a.question.id, a.reason) for a in screen.round_state.questions]
        assert picked == [
            ("q1", "due"),
            ("q4", "missed last time"),
            ("q3", "missed last time"),
            *((f"q{n}", "new") for n in range(5, 12)),
        ]
        shown = []
        for _ in range(4):
            shown.append((reason_shown(screen), context_line(app).rstrip()))
            await pilot.press(*right_keys(screen.round_state.current), "enter")
        assert [reason for reason, _ in shown] == [
            "due",
            "missed last time",
            "missed last time",
            "new",
        ]
        assert all(line.endswith(reason) for reason, line in shown)

    run_with_pilot(app, scenario)


def test_quiz_play_mode_practice_starts_a_practice_round(library: dict[str, Path]) -> None:
    args = build_parser().parse_args(["play", "--bank", "rivers", "--mode", "practice"])
    assert args.mode == "practice"
    request = replace(PlayRequest(args.bank, args.mode, count=2), seed=4)
    app = make_app(library, player="Ana", play=request)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert [a.reason for a in screen.round_state.questions] == ["new", "new"]
        assert [a.question.id for a in screen.round_state.questions] == ["q1", "q2"]

    run_with_pilot(app, scenario)


def test_a_save_file_from_before_practice_is_caught_up_on_opening(
    library: dict[str, Path],
) -> None:
    store = open_store(library["saves"]).store
    start = RoundStart("Ana", "rivers", "Rivers", "quick", None, None, 1, 10, START)
    round_id = store.start_round(start)
    at = START - timedelta(minutes=5)
    store.record_answer(round_id, past_answer("q7", Result.WRONG, at, 9.0))  # no scheduler
    store.set_last_player("Ana")
    store.close()
    # what migrating a file with answers to schema 3 leaves behind
    connection = sqlite3.connect(library["saves"] / "quiz.sqlite3")
    with connection:
        connection.execute("INSERT INTO settings VALUES (?, 'needed')", (MEMORY_REBUILD_KEY,))
    connection.close()
    app = make_app(library, clock=FakeClock(START))

    async def scenario(pilot: Pilot) -> None:
        assert "1 due now" in screen_text(app)
        assert app.session.store is not None
        assert not app.session.store.memory_rebuild_needed()

    run_with_pilot(app, scenario)
