"""Every screen readable at 60×20, the smallest window the game supports: the footer's keys are
whole (never "s Skip ^q Q"), nothing runs together."""

from __future__ import annotations

from pathlib import Path

import pytest
from shell_kit import (
    bank_yaml,
    choice_question,
    footer_keys,
    make_app,
    run_with_pilot,
    screen_text,
    write_bank,
)
from textual.pilot import Pilot

from game.core.rounds import PlayRequest
from game.ui.screens.editor import BankEditorScreen
from game.ui.screens.question_form import QuestionFormScreen
from game.ui.screens.round import RoundScreen
from game.ui.widgets.fit_footer import FitFooter, keys_width, plan_footer, short_label

NARROW = (60, 20)


def hinted_bank(questions_dir: Path) -> None:
    """Choice questions with a hint each, so the question's footer has every key."""
    questions = [
        choice_question(f"q{n}", f"Question {n}?", f"Right {n}", (f"Wrong {n}", f"Other {n}"))
        + f'\n    hint: "Think of {n}."'
        for n in range(1, 6)
    ]
    write_bank(questions_dir, "hinted", bank_yaml("Hinted", questions))


async def start_round(pilot: Pilot[object]) -> None:
    """From home: set up a quick round and start it."""
    await pilot.press("enter")  # home: quick round of the highlighted bank
    await pilot.pause()
    await pilot.press("enter")  # set-up: Start
    for _ in range(200):
        if (
            isinstance(pilot.app.screen, RoundScreen)
            and pilot.app.screen.query_one(FitFooter).shown_keys()
        ):
            break
        await pilot.pause(0.05)


def test_plan_steps_down_before_dropping_keys() -> None:
    keys = [("⏎", "Submit"), ("1-4", "Pick"), ("esc", "Leave round"), ("h", "Hint (½ pts)")]
    keys += [("s", "Skip"), ("^q", "Quit")]
    wide = plan_footer(keys, None, 80, compact=True)
    assert (wide.short, wide.count) == (False, 6)
    narrow = plan_footer(keys, None, 60, compact=True)
    assert narrow.short and narrow.count == 6  # "esc Leave", "h Hint": every key still shown
    short = [(key, short_label(label)) for key, label in keys]
    assert keys_width(short, compact=True) <= 60
    tiny = plan_footer(keys, None, 30, compact=True)
    assert 1 <= tiny.count < 6
    assert keys_width(short[: tiny.count], compact=True) <= 30


def test_question_footer_is_whole_at_60_columns(folders: dict[str, Path]) -> None:
    hinted_bank(folders["questions"])
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await start_round(pilot)
        assert footer_keys(app) == [
            "⏎ Submit",
            "1-3 Pick",
            "esc Leave",
            "h Hint",
            "s Skip",
            "^q Quit",
        ]
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert "esc Leave round" in footer_keys(app)  # room for the long labels again
        assert "h Hint (½ pts)" in footer_keys(app)

    run_with_pilot(app, scenario, size=NARROW)


@pytest.mark.parametrize("size", [NARROW, (80, 24)])
def test_home_and_setup_footers_are_whole(folders: dict[str, Path], size) -> None:
    hinted_bank(folders["questions"])
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        assert "^q Quit" in footer_keys(app) or size == NARROW
        assert "⏎ Quick" in footer_keys(app)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert "esc Back" in footer_keys(app)

    run_with_pilot(app, scenario, size=size)


@pytest.mark.parametrize("size", [(100, 30), (80, 24), NARROW], ids=["100x30", "80x24", "60x20"])
def test_the_question_forms_topic_and_difficulty_read_whole(
    folders: dict[str, Path], size: tuple[int, int]
) -> None:
    """At 60 columns the topic once had 8 to wrap in ("(no" / "topic" / ")"), and at 80 a
    26-letter name wrapped: below 90 columns difficulty goes under it, and sits beside it in a
    wider window."""
    question = choice_question("q1", "Which sea?", "Black", ("Red",), topic="ties", level=2)
    topics = {"ties": "Military and security ties"}
    write_bank(folders["questions"], "ties", bank_yaml("Ties", [question], topics))
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("w")
        for _ in range(200):
            if isinstance(app.screen, BankEditorScreen):
                break
            await pilot.pause(0.02)
        await pilot.press("enter")
        for _ in range(200):
            if isinstance(app.screen, QuestionFormScreen) and app.screen.query("#form-topic"):
                break
            await pilot.pause(0.02)
        app.screen.query_one("#form-difficulty").focus()  # scrolled into view, topic above
        lines: list[str] = []
        for _ in range(200):
            lines = screen_text(app).splitlines()
            if any("Military and security ties" in line for line in lines) and any(
                "2 (understanding)" in line for line in lines
            ):
                break
            await pilot.pause(0.02)
        topic = next(line for line in lines if "Military and security ties" in line)
        assert topic.lstrip().startswith("Topic")
        difficulty = next(line for line in lines if "2 (understanding)" in line)
        assert difficulty.lstrip().startswith("Topic" if size[0] >= 90 else "Difficulty")
        assert "Difficulty" in difficulty

    run_with_pilot(app, scenario, size=size)


@pytest.mark.parametrize("size", [(80, 24), NARROW], ids=["80x24", "60x20"])
def test_a_questions_difficulty_and_topic_read_whole_in_a_timed_round(
    folders: dict[str, Path], size: tuple[int, int]
) -> None:
    """Beside the progress the topic was cut ("Fentanyl and the sanctio…") and, at 60 columns
    in a timed round, the difficulty too ("difficulty 2/… 36 s left"): the topic has a line of
    its own, and the difficulty keeps its place beside the seconds left."""
    topics = {"mideast": "Iran, the Red Sea and the Middle East"}
    questions = [
        choice_question(f"q{n}", f"Question {n}?", "Yes", ("No",), topic="mideast", level=2)
        for n in range(1, 11)
    ]
    text = bank_yaml("Timed", questions, topics).replace("questions:", "time_limit: 45\nquestions:")
    write_bank(folders["questions"], "timed", text)
    play = PlayRequest("timed", mode="timed", count=10, seed=2)
    app = make_app(folders, player="Ana", play=play)

    async def scenario(pilot: Pilot[object]) -> None:
        lines: list[str] = []
        for _ in range(200):
            lines = screen_text(app).splitlines()
            if isinstance(app.screen, RoundScreen) and "s left" in lines[1]:
                break
            await pilot.pause(0.02)
        assert "Question 1 / 10" in lines[1]
        assert "difficulty 2/3" in lines[1] and "s left" in lines[1]
        assert lines[2].strip() == "Topic: Iran, the Red Sea and the Middle East"

    run_with_pilot(app, scenario, size=size)
