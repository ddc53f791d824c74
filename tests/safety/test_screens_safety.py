"""A save file whose player names, titles, prompts and answers hold ESC, OSC 52, C1 and BEL
sequences: every screen that shows them (the player picker, History and its tabs, a round's
answers, notifications) shows the codes written out and sends none to the terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from hostile_save import write_hostile_save
from textual.app import App
from textual.pilot import Pilot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from shell_kit import make_app, rivers_bank, run_with_pilot, terminal_output, write_bank

from game.ui.screens.history import HistoryScreen
from game.ui.screens.history_round import HistoryRoundScreen
from game.ui.screens.player import PlayerScreen

# What the hostile text would send if obeyed; Rich's own styling never writes any of these.
OBEYED = ("\x1b]52", "\x1b]0;", "\x1bP", "\x1b[2J", "\x9b", "\x07")


def assert_shown_safely(app: App[object], *visible: str) -> str:
    raw, text = terminal_output(app)
    obeyed = [code for code in OBEYED if code in raw]
    assert obeyed == [], f"the terminal would obey {obeyed!r}"
    for expected in visible:
        assert expected in text, f"{expected!r} not on screen:\n{text}"
    return text


def test_every_history_screen_shows_the_codes_without_obeying_them(isolated_folders):
    write_bank(isolated_folders["questions"], "rivers", rivers_bank())
    write_hostile_save(isolated_folders["saves"])
    app = make_app(isolated_folders, player="Teacher")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("h", "p")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert_shown_safely(app, "Eve\\x1b]52;c;UE9JU09O\\x07\\x9b31m")
        await pilot.press("down", "enter")  # Eve comes before Teacher
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert_shown_safely(app, "Player: Eve\\x1b]52;c;UE9JU09O\\x07\\x9b31m", "Rivers\\x1b[2J")
        await pilot.press("3")  # most missed: prompt, right answer, explanation
        await pilot.pause()
        assert_shown_safely(app, "Which river?\\x1b]52;c;UE9JU09O\\x07", "Danube\\x1bP+q")
        await pilot.press("2")  # progress and topics
        await pilot.pause()
        assert_shown_safely(app)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryRoundScreen)
        assert_shown_safely(
            app,
            "Rivers\\x1b[2J\\x07",
            "Which river?\\x1b]52;c;UE9JU09O\\x07",
            "Second line",
            "Your answer:  Rhine\\x9b31m\\x1b]0;PWNED\\x07",
            "Right answer: Danube\\x1bP+q\\x1b\\\\x07",
        )

    run_with_pilot(app, scenario, size=(120, 40))


def test_a_notification_never_carries_a_control_code(isolated_folders):
    write_bank(isolated_folders["questions"], "rivers", rivers_bank())
    app = make_app(isolated_folders, player="Teacher")

    async def scenario(pilot: Pilot[object]) -> None:
        app.notify("Bank \x1b]52;c;UE9JU09O\x07 is broken", title="T\x9b1m")
        await pilot.pause()
        assert_shown_safely(app, "Bank \\x1b]52;c;UE9JU09O\\x07 is", "T\\x9b1m")

    run_with_pilot(app, scenario)
