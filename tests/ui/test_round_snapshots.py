"""Snapshots at 80×24 of each question type, feedback and the summary (seeded, clock fixed)."""

from __future__ import annotations

import pytest
from round_kit import RoundHarness, make_round, right_keys
from textual.pilot import Pilot
from textual.widgets import Input

SIZE = (80, 24)


async def steady(pilot: Pilot) -> None:
    """Stop the input cursor blinking so the picture is the same every time."""
    for text_input in pilot.app.query(Input):
        text_input.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize(
    ("question_id", "mode", "press"),
    [
        ("fentanyl-talks", "quick", ["2"]),
        ("ties-with", "quick", ["1", "3"]),
        ("sanctions-lifted", "exam", ["t"]),
        ("national-security-adviser", "timed", ["S", "u", "l"]),
        ("timeline", "quick", ["down", "shift+up", "down"]),
        # the answer widgets of a match: one pair made, the cursor on the next left
        ("who-is-where", "quick", ["2"]),
    ],
)
def test_question_types(snap_compare, question_id: str, mode: str, press: list[str]) -> None:
    app = RoundHarness(make_round(mode=mode, seed=424242, question_ids=(question_id,)))
    assert snap_compare(app, press=press, terminal_size=SIZE, run_before=steady)


def test_feedback_partly_right_with_quote(snap_compare) -> None:
    played = make_round(question_ids=("ties-with",))
    asked = played.questions[0]
    keys = [str(asked.choices.index("Iran") + 1), "enter"]  # one of the two right answers
    assert snap_compare(RoundHarness(played), press=keys, terminal_size=SIZE, run_before=steady)


def test_feedback_right_with_hint(snap_compare) -> None:
    played = make_round(question_ids=("fentanyl-talks",))
    keys = ["h", *right_keys(played.questions[0])]
    assert snap_compare(RoundHarness(played), press=keys, terminal_size=SIZE, run_before=steady)


def test_summary(snap_compare) -> None:
    played = make_round(count=6, seed=99)

    async def play(pilot: Pilot) -> None:
        app = pilot.app
        assert isinstance(app, RoundHarness)
        for asked in played.questions:
            app.clock.advance(7)
            right = asked.question.type.value in ("choice", "short", "order", "match")
            keys = right_keys(asked) if right else ["1", "enter"]
            await pilot.press(*keys, "enter")
        await pilot.pause()

    assert snap_compare(RoundHarness(played), terminal_size=SIZE, run_before=play)


# -- 60×20, the smallest size the game supports: nothing collides, the footer's keys fit --

NARROW = (60, 20)


def test_question_at_60x20(snap_compare) -> None:
    app = RoundHarness(make_round(seed=424242, question_ids=("ties-with",)))
    assert snap_compare(app, press=["1"], terminal_size=NARROW, run_before=steady)


def test_feedback_at_60x20(snap_compare) -> None:
    played = make_round(question_ids=("national-security-adviser",))
    keys = [*"Sulivan", "enter"]  # a slip: wrong, and "close: check the spelling"
    assert snap_compare(RoundHarness(played), press=keys, terminal_size=NARROW, run_before=steady)


def test_summary_at_60x20(snap_compare) -> None:
    played = make_round(count=6, seed=99)

    async def play(pilot: Pilot) -> None:
        app = pilot.app
        assert isinstance(app, RoundHarness)
        for asked in played.questions:
            app.clock.advance(7)
            right = asked.question.type.value in ("choice", "short", "order", "match")
            keys = right_keys(asked) if right else ["1", "enter"]
            await pilot.press(*keys, "enter")
        await pilot.pause()

    assert snap_compare(RoundHarness(played), terminal_size=NARROW, run_before=play)
