"""Pilot tests of the UI shell: first start, players, the bank list, set-up and resizing."""

from __future__ import annotations

import asyncio
import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
from shell_kit import make_app, run_with_pilot, screen_text
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Select

from game.cli import main
from game.core.rounds import PlayRequest
from game.store import open_store
from game.ui.app import create_app
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.home import HomeScreen
from game.ui.screens.player import PlayerScreen, clean_player_name
from game.ui.screens.round import RoundScreen
from game.ui.screens.setup import SetupScreen
from game.ui.screens.too_small import TooSmallScreen


def _remember(folders: dict[str, Path], *names: str) -> None:
    """Players known to the store, the last one remembered as the last player."""
    store = open_store(folders["saves"]).store
    for name in names:
        store.add_player(name)
    store.set_last_player(names[-1])
    store.close()


async def _type(pilot: Pilot[object], text: str) -> None:
    for character in text:
        await pilot.press(character if character != " " else "space")


async def _wait_until(pilot: Pilot[object], condition: Callable[[], bool]) -> None:
    """Let the app run until the condition holds (generous, for a busy machine)."""
    deadline = asyncio.get_running_loop().time() + 20
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, screen_text(pilot.app)
        await pilot.pause(0.02)


def _first_palette_hit(app: App[object]) -> str | None:
    """The first line of the command palette's highlighted hit, when it shows one."""
    screen = app.screen
    if not isinstance(screen, CommandPalette):
        return None
    hits = screen.query_one(CommandList)
    if hits.option_count == 0 or hits.highlighted != 0:
        return None
    prompt = hits.get_option_at_index(0).prompt
    return str(getattr(prompt, "plain", prompt)).split("\n")[0]


def test_first_start_asks_the_name_then_remembers_it(library: dict[str, Path]) -> None:
    app = make_app(library)

    async def first(pilot: Pilot[object]) -> None:
        assert isinstance(app.screen, PlayerScreen)
        await pilot.pause()
        assert "Cancel" not in screen_text(app)  # the footer offers no way out
        await pilot.press("escape")  # a name is needed: Escape does not close the prompt
        assert isinstance(app.screen, PlayerScreen)
        await pilot.press("enter")  # nor does an empty name
        assert isinstance(app.screen, PlayerScreen)
        assert "Please type a name" in screen_text(app)
        await _type(pilot, "Ana")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Player: Ana" in screen_text(app)

    run_with_pilot(app, first)

    again = make_app(library)

    async def second(pilot: Pilot[object]) -> None:
        assert isinstance(again.screen, HomeScreen)
        assert "Player: Ana" in screen_text(again)

    run_with_pilot(again, second)


def test_switching_player_by_name_or_from_the_list(library: dict[str, Path]) -> None:
    _remember(library, "Ben", "Ana")
    app = make_app(library)

    async def scenario(pilot: Pilot[object]) -> None:
        assert "Player: Ana" in screen_text(app)
        await pilot.press("p")
        assert isinstance(app.screen, PlayerScreen)
        await _type(pilot, "Cleo")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Player: Cleo" in screen_text(app)

        await pilot.press("p")
        await pilot.press("down")  # from the name field into the list: Ana, Ben, Cleo
        assert isinstance(app.focused, OptionList)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "Player: Ben" in screen_text(app)

        await pilot.press("p", "escape")  # Escape keeps the current player
        assert isinstance(app.screen, HomeScreen)
        assert "Player: Ben" in screen_text(app)

    run_with_pilot(app, scenario)
    assert open_store(library["saves"]).store.last_player() == "Ben"


def test_player_given_on_the_command_line_skips_the_prompt(library: dict[str, Path]) -> None:
    app = make_app(library, player="Dee\x1b[2J")

    async def scenario(pilot: Pilot[object]) -> None:
        assert isinstance(app.screen, HomeScreen)
        assert "Player: Dee[2J" in screen_text(app)

    run_with_pilot(app, scenario)


def test_player_names_lose_control_characters_only() -> None:
    assert clean_player_name("  Ana\x1b[31m\t[b]x[/b]\x07 ") == "Ana[31m[b]x[/b]"
    assert clean_player_name("\x00\n ") == ""
    assert len(clean_player_name("x" * 100)) == 40


def test_broken_bank_is_greyed_shows_its_error_and_cannot_be_played(
    library: dict[str, Path],
) -> None:
    _remember(library, "Ana")
    app = make_app(library)

    async def scenario(pilot: Pilot[object]) -> None:
        text = screen_text(app)
        assert "Rivers of Europe" in text
        assert "✗ Week 5 (cannot be played)" in text
        assert "period-3/week-5.yaml:7:13: answer" in text
        assert '"Berlin" is not one of the choices' in text
        await pilot.press("end")  # the broken bank is listed last
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # no set-up, no round
        assert "This bank has an error" in screen_text(app)
        assert "This bank cannot be played." in screen_text(app)
        await pilot.press("t")
        assert isinstance(app.screen, HomeScreen)

    run_with_pilot(app, scenario)


def test_broken_banks_panel_gives_a_validate_command_that_works_from_any_folder(
    library: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The game started with a relative questions folder; the command is then typed elsewhere.
    monkeypatch.chdir(library["questions"].parent)
    _remember(library, "Ana")
    app = create_app(Path(library["questions"].name), library["saves"], seed=1)
    shown: list[str] = []

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("end")  # the broken bank is listed last
        await pilot.pause()
        text = " ".join(screen_text(app).replace("│", " ").split())
        found = re.search(r"This command lists every problem: (quiz validate \S+)", text)
        assert found is not None, text
        shown.append(found[1])

    run_with_pilot(app, scenario, size=(300, 30))  # wide enough for the path on one line
    full = library["questions"] / "period-3" / "week-5.yaml"
    assert shown == [f"quiz validate {full}"]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    capsys.readouterr()
    assert main(shlex.split(shown[0])[1:]) == 1  # errors found, not "no such file"
    out = capsys.readouterr().out
    assert f'{full}:7:13: error: answer "Berlin" is not one of the choices' in out, out


def test_set_up_defaults_capping_and_start(library: dict[str, Path]) -> None:
    _remember(library, "Ana")
    app = make_app(library)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("enter")  # Rivers of Europe, quick
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, SetupScreen)
        assert setup.query_one("#setup-count", Input).value == "10"
        assert "of 12 available" in screen_text(app)
        assert not setup.query_one("#setup-seed-row").display  # the class code is for exams
        assert setup.request() == PlayRequest(bank_id="rivers", mode="quick", count=10)

        setup.query_one("#setup-topic", Select).value = "hist"  # 4 questions
        await pilot.pause()
        assert setup.query_one("#setup-count", Input).value == "4"  # follows the default
        setup.query_one("#setup-difficulty", Select).value = 2  # every hist question is level 1
        await pilot.pause()
        assert "No question fits this topic and difficulty." in screen_text(app)
        assert setup.query_one("#setup-start", Button).disabled
        assert setup.request() is None
        setup.query_one("#setup-topic", Select).value = "geo"  # q1, q4, q7, q10 are geo at 2
        await pilot.pause()
        assert setup.query_one("#setup-count", Input).value == "4"
        assert not setup.query_one("#setup-start", Button).disabled

        setup.query_one("#setup-topic", Select).value = ""
        setup.query_one("#setup-difficulty", Select).value = 0
        await pilot.pause()
        setup.query_one("#setup-count", Input).value = "50"
        await pilot.pause()
        assert "only 12 available" in screen_text(app)
        request = setup.request()
        assert request is not None and request.count == 12

        setup.query_one("#setup-mode", Select).value = "exam"
        await pilot.pause()
        assert setup.query_one("#setup-seed-row").display
        setup.query_one("#setup-seed", Input).value = "4242"
        await pilot.pause()
        assert setup.request() == PlayRequest(bank_id="rivers", mode="exam", count=12, seed=4242)

        setup.query_one("#setup-start", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
        assert app.screen.round_state.total == 12
        assert "class code 4242" in screen_text(app)

    run_with_pilot(app, scenario)


def test_set_up_escape_goes_back_home(library: dict[str, Path]) -> None:
    _remember(library, "Ana")
    app = make_app(library)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.query_one("#setup-mode", Select).value == "exam"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)

    run_with_pilot(app, scenario)


def test_leaving_a_round_asks_first_and_goes_home(library: dict[str, Path]) -> None:
    _remember(library, "Ana")
    app = make_app(library)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, RoundScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    run_with_pilot(app, scenario)
    rounds = open_store(library["saves"]).store.rounds("Ana")
    assert len(rounds) == 1 and not rounds[0].finished


def test_empty_library_says_where_to_put_banks(folders: dict[str, Path]) -> None:
    _remember(folders, "Ana")
    app = make_app(folders)

    async def scenario(pilot: Pilot[object]) -> None:
        text = screen_text(app)
        assert "No question banks yet." in text
        await pilot.press("enter", "t")
        assert isinstance(app.screen, HomeScreen)

    run_with_pilot(app, scenario)


def test_reload_finds_new_banks(folders: dict[str, Path]) -> None:
    from shell_kit import rivers_bank, write_bank

    _remember(folders, "Ana")
    app = make_app(folders)

    async def scenario(pilot: Pilot[object]) -> None:
        assert "Rivers of Europe" not in screen_text(app)
        write_bank(folders["questions"], "rivers", rivers_bank())
        await pilot.press("r")
        await pilot.pause()
        assert "Rivers of Europe" in screen_text(app)
        assert "1 banks found, 1 playable" in screen_text(app) or "1 bank" in screen_text(app)

    run_with_pilot(app, scenario)


def test_store_notices_are_shown_on_home(library: dict[str, Path]) -> None:
    (library["saves"] / "quiz.sqlite3").write_bytes(b"this is not a database" * 100)
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        text = screen_text(app)
        assert "Your save file was damaged" in text

    run_with_pilot(app, scenario)


def test_resize_down_to_one_cell_and_back(library: dict[str, Path]) -> None:
    _remember(library, "Ana")
    app = make_app(library)

    async def scenario(pilot: Pilot[object]) -> None:
        for size in [(40, 12), (4, 4), (1, 1), (3, 80), (200, 2), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            small = size[0] < 60 or size[1] < 20
            assert isinstance(app.screen, TooSmallScreen) is small
        assert isinstance(app.screen, HomeScreen)

        await pilot.press("enter")  # set-up
        await pilot.pause()
        await pilot.resize_terminal(1, 1)
        await pilot.pause()
        await pilot.press("enter")  # nothing happens beneath the notice
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("enter")  # start
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
        await pilot.resize_terminal(2, 2)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
        assert "Question 1 / 10" in screen_text(app)

        await pilot.press("escape")  # leave the round: home is shown again, whole
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Question banks" in text and "Rivers of Europe" in text and "Player: Ana" in text

    run_with_pilot(app, scenario)


def test_too_small_says_so(library: dict[str, Path]) -> None:
    _remember(library, "Ana")
    app = make_app(library)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        text = screen_text(app)
        assert "too small (50×15)" in text
        assert "at least 60×20" in text

    run_with_pilot(app, scenario)


def test_command_palette_offers_the_home_keys(library: dict[str, Path]) -> None:
    _remember(library, "Ana")
    app = make_app(library)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("ctrl+p")
        await _type(pilot, "switch player")
        # The palette searches in a worker: wait for its hit to be listed and highlighted.
        await _wait_until(pilot, lambda: _first_palette_hit(app) == "Switch player")
        await pilot.press("enter")
        await _wait_until(pilot, lambda: isinstance(app.screen, PlayerScreen))

    run_with_pilot(app, scenario)


def test_mouse_picks_a_bank_and_a_mode(library: dict[str, Path]) -> None:
    _remember(library, "Ana")
    app = make_app(library)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.click("#home-modes", offset=(10, 2))  # the Timed line, under the rule
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.query_one("#setup-mode", Select).value == "timed"
        await pilot.click("#setup-back")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.click("#home-banks", offset=(3, 1))  # Rivers of Europe
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.click("#setup-start")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)

    run_with_pilot(app, scenario)
