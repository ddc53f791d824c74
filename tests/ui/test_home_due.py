"""Home's practice line ("1 due now · next in 30 s") stays current: it counts down while home
is shown, and is read again when home is shown again and on reload."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from round_kit import START, FakeClock
from shell_kit import (
    make_app,
    past_answer,
    rivers_bank,
    run_with_pilot,
    wait_for_screen,
    wait_for_text,
    write_bank,
)
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import OptionList

from game.core.records import AnswerRecord, Result, RoundStart
from game.practice.schedule import next_memory
from game.store import open_store
from game.ui.screens.history import HistoryScreen
from game.ui.screens.home import HomeScreen


def answer(question_id: str, result: Result, at: datetime) -> AnswerRecord:
    """An answer to a rivers question given at ``at``: a right one fast (Easy), a wrong one
    slowly."""
    return past_answer(question_id, result, at, 3.0 if result is Result.RIGHT else 9.0)


def save_answers(saves: Path, answers: list[tuple[str, Result, datetime]]) -> None:
    """Ana's answers, as another copy of the game would save them."""
    store = open_store(saves).store
    start = RoundStart("Ana", "rivers", "Rivers", "quick", None, None, 6, 60, answers[0][2])
    round_id = store.start_round(start)
    for question_id, result, at in answers:
        store.record_answer(round_id, answer(question_id, result, at), next_memory)
    store.set_last_player("Ana")
    store.close()


def test_the_practice_line_counts_down_and_is_read_again(library: dict[str, Path]) -> None:
    save_answers(
        library["saves"],
        [
            ("q1", Result.RIGHT, START - timedelta(days=1)),  # Easy: learnt
            ("q1", Result.WRONG, START - timedelta(minutes=2)),  # relearnt 8 min from START
            ("q4", Result.WRONG, START - timedelta(seconds=30)),  # again 30 s from START
        ],
    )
    clock = FakeClock(START)
    app = make_app(library, clock=clock)

    async def scenario(pilot: Pilot[object]) -> None:
        await wait_for_screen(pilot, HomeScreen)
        text = await wait_for_text(pilot, "Practice: none due · next in 30 s")  # About panel
        assert "none due · next in 30 s" in text.replace("Practice: none", "")  # the list too

        clock.advance(20)  # while home is shown, the wait counts down
        text = await wait_for_text(pilot, "Practice: none due · next in 10 s")
        assert "30 s" not in text

        await pilot.press("h")  # History on top; time passes there
        await wait_for_screen(pilot, HistoryScreen)
        clock.advance(15)  # q4 falls due
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        text = await wait_for_text(pilot, "Practice: 1 due now · next in 7 min")
        assert "next in 10 s" not in text

        # another copy of the game saves a wrong answer: r reads it with the banks
        save_answers(library["saves"], [("q7", Result.WRONG, clock())])
        await pilot.press("r")
        await wait_for_text(pilot, "Practice: 1 due now · next in 1 min")

        clock.advance(60)  # q7 falls due while home is shown: read again, not counted down
        await wait_for_text(pilot, "Practice: 2 due now · next in 6 min")

    run_with_pilot(app, scenario)


def test_the_countdown_leaves_the_highlight_and_the_about_panel_where_they_are(
    library: dict[str, Path],
) -> None:
    long = " ".join(f"Sentence {n} about the rivers of Europe." for n in range(40))
    bank = rivers_bank().replace('"About Rivers of Europe"', json.dumps(long))
    write_bank(library["questions"], "rivers", bank)
    save_answers(library["saves"], [("q4", Result.WRONG, START - timedelta(seconds=30))])
    clock = FakeClock(START)
    app = make_app(library, clock=clock)

    async def scenario(pilot: Pilot[object]) -> None:
        await wait_for_text(pilot, "Practice: none due · next in 30 s")
        home = app.screen
        banks = home.query_one("#home-banks", OptionList)
        box = home.query_one("#home-detail-box", VerticalScroll)
        await pilot.press("tab", "down", "down", "down")  # into About, scrolled down
        await wait_for_text(pilot, "↑↓ scroll · tab back")
        scrolled = box.scroll_y
        assert scrolled > 0
        clock.advance(1)
        await wait_for_text(pilot, "next in 29 s")
        assert box.scroll_y == scrolled and box.has_focus
        assert banks.highlighted == 0

    run_with_pilot(app, scenario)


def test_the_countdown_keeps_the_rest_of_a_banks_lines(library: dict[str, Path]) -> None:
    """A bank's lines given again for its practice line keep what else they say: the round
    left unfinished ("1 round unfinished" turned back into "not played yet" at the first
    tick)."""
    save_answers(library["saves"], [("q4", Result.WRONG, START - timedelta(seconds=30))])
    clock = FakeClock(START)
    app = make_app(library, clock=clock)

    async def scenario(pilot: Pilot[object]) -> None:
        text = await wait_for_text(pilot, "Practice: none due · next in 30 s")
        assert "12 questions · 1 round unfinished" in text  # a round of 6, 1 answered
        clock.advance(1)
        text = await wait_for_text(pilot, "Practice: none due · next in 29 s")
        assert "12 questions · 1 round unfinished" in text
        assert "not played yet" not in text

    run_with_pilot(app, scenario)
