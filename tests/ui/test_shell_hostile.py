"""Bank and player text that looks like markup is shown exactly as written, and does nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from shell_kit import (
    HOSTILE,
    bank_yaml,
    choice_question,
    make_app,
    run_with_pilot,
    screen_text,
    write_bank,
)
from textual.pilot import Pilot
from textual.widgets import Select

from game.ui.screens.home import HomeScreen
from game.ui.screens.player import PlayerScreen
from game.ui.screens.setup import SetupScreen


def _hostile_bank(text: str, title: str = "Bank") -> str:
    question = choice_question("q1", f"Prompt {text}", f"Right {text}", (f"Wrong {text}",), "t1")
    return bank_yaml(f"{title} {text}", [question], {"t1": f"Topic {text}"}, f"About {text}")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_bank_and_player_text_shows_exactly(folders: dict[str, Path], text: str) -> None:
    write_bank(folders["questions"], "hostile", _hostile_bank(text))
    broken = _hostile_bank(text, title="Broken").replace("    answer: ", "    answer: x", 1)
    write_bank(folders["questions"], "broken", broken)
    app = make_app(folders)

    async def scenario(pilot: Pilot[object]) -> None:
        assert isinstance(app.screen, PlayerScreen)
        app.screen.query_one("#player-name").value = f"Ana {text}"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        home = screen_text(app)
        assert f"Player: Ana {text}" in home
        assert f"Bank {text}" in home
        assert f"About {text}" in home
        assert f"Playing as Ana {text}." in home  # the notification
        assert f"Topic {text}" in home  # the About panel

        await pilot.click("#home-top")  # nothing in the text is an action
        await pilot.click("#home-banks")
        await pilot.pause()
        assert app.is_running

        assert f"✗ Broken {text} (cannot be played)" in home
        await pilot.press("end", "enter")  # the broken bank says why it cannot be played
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        messages = [notification.message for notification in app._notifications]
        assert any(m.startswith(f"Broken {text} cannot be played: ") for m in messages)

        await pilot.press("home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert f"Set up a round: Bank {text}" in screen_text(app)
        topic = app.screen.query_one("#setup-topic", Select)
        topic.value = "t1"
        await pilot.pause()
        assert f"Topic {text}" in screen_text(app)
        await pilot.press("escape")

        await pilot.press("p")  # the list of players
        await pilot.pause()
        assert f"Ana {text}" in screen_text(app)

    run_with_pilot(app, scenario, size=(160, 40))  # wide enough that nothing wraps
    assert app.return_code in (None, 0)
