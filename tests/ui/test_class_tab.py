"""A class tab's game through Pilot: the join code, a typed name, the class round, and none of
the teacher's keys."""

from __future__ import annotations

from pathlib import Path

from shell_kit import make_app, rivers_bank, run_with_pilot, screen_text, write_bank
from textual.pilot import Pilot
from textual.widgets import Input

from game.core.classroom import Classroom, ClassRound
from game.store import open_store
from game.ui.screens.home import HomeScreen
from game.ui.screens.join import JoinScreen
from game.ui.screens.player import PlayerScreen

CLASS = Classroom(
    join_code="K7MQ4X",
    bank_id="rivers",
    class_round=ClassRound("rivers", "exam", None, 3, None, 482913),
)


async def _type(pilot: Pilot[object], text: str) -> None:
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()


async def _footer(pilot: Pilot[object]) -> str:
    """The footer's line, once its keys are on the screen (they may come a frame later)."""
    for _ in range(500):
        lines = [line for line in screen_text(pilot.app).splitlines() if "^q Quit" in line]
        if lines:
            return lines[0]
        await pilot.pause(0.02)
    raise AssertionError(f"no footer on the screen:\n{screen_text(pilot.app)}")


def test_three_wrong_join_codes_end_the_tab_and_say_why(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"], "rivers", rivers_bank())
    app = make_app(isolated_folders, classroom=CLASS)

    async def scenario(pilot: Pilot[object]) -> None:
        assert isinstance(app.screen, JoinScreen)
        await _type(pilot, "AAAAAA")
        assert "2 tries left" in screen_text(app)
        await _type(pilot, "[red]x")
        assert "1 try left" in screen_text(app)
        assert app.screen.query_one("#join-code", Input).value == ""
        await _type(pilot, "K7MQ4")
        assert "Wrong three times: this tab will close" in screen_text(app)
        for _ in range(600):  # the words stay up a moment, then the tab ends
            if app.return_code is not None:
                break
            await pilot.pause(0.05)

    run_with_pilot(app, scenario)
    assert app.return_code == 1


def test_the_right_code_asks_a_name_without_listing_other_students_then_plays_the_class_round(
    isolated_folders: dict[str, Path],
) -> None:
    write_bank(isolated_folders["questions"], "rivers", rivers_bank())
    other = open_store(isolated_folders["saves"])
    other.store.add_player("Bob Smith")
    other.store.close()
    app = make_app(isolated_folders, classroom=CLASS)

    async def scenario(pilot: Pilot[object]) -> None:
        await _type(pilot, "k7m-q4x")  # case and dashes do not matter
        assert isinstance(app.screen, PlayerScreen)
        assert "Bob Smith" not in screen_text(app)
        await _type(pilot, "[b]Mia")
        await pilot.pause()
        text = screen_text(app)
        assert "Question 1 / 3" in text
        assert "class code 482913-3" in text

    run_with_pilot(app, scenario)
    assert app.session.player == "[b]Mia"


def test_a_class_tab_offers_none_of_the_teachers_keys(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"], "rivers", rivers_bank())
    write_bank(isolated_folders["questions"], "other", rivers_bank(3).replace("Rivers", "Other"))
    app = make_app(isolated_folders, classroom=Classroom(join_code="K7MQ4X", bank_id="rivers"))

    async def scenario(pilot: Pilot[object]) -> None:
        await _type(pilot, "K7MQ4X")
        await _type(pilot, "Mia")
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Rivers of Europe" in text and "Other of Europe" not in text
        footer = await _footer(pilot)
        for key in ("Player", "Reload"):
            assert key not in footer
        assert "Write" not in text and "New bank" not in text
        for key in ("w", "n", "r", "p"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), key
        await pilot.press("h")
        await pilot.pause()
        history_footer = await _footer(pilot)
        assert "History" in screen_text(app) and "Player" not in history_footer
        await pilot.press("p")
        await pilot.pause()
        assert not isinstance(app.screen, PlayerScreen)
        commands = [command.title for command in app.get_system_commands(app._home())]
        assert "Write questions" not in commands and "Switch player" not in commands
        assert "New bank" not in commands and "Reload banks" not in commands

    run_with_pilot(app, scenario)


def test_messages_for_teacher_actions_are_refused_even_if_posted(
    isolated_folders: dict[str, Path],
) -> None:
    write_bank(isolated_folders["questions"], "rivers", rivers_bank())
    app = make_app(isolated_folders, classroom=Classroom(bank_id="rivers"))

    async def scenario(pilot: Pilot[object]) -> None:
        await _type(pilot, "Mia")
        home = app._home()
        assert home is not None
        home.post_message(HomeScreen.EditBankAsked("rivers"))
        home.post_message(HomeScreen.NewBankAsked())
        home.post_message(HomeScreen.SwitchPlayerAsked())
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Not in a class" in screen_text(app)

    run_with_pilot(app, scenario)
