"""Changes a teacher has not saved are never lost to one key: Escape and ctrl+q ask first in the
question form, the bank's details (t in the editor) and a new bank's details (n on home); with
nothing changed, both leave at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from editor_kit import keys_for, open_editor
from shell_kit import bank_yaml, choice_question, make_app, run_with_pilot, screen_text, write_bank
from textual.pilot import Pilot
from textual.screen import Screen

from game.ui.screens.bank_details import BankDetailsScreen
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.editor import BankEditorScreen
from game.ui.screens.home import HomeScreen
from game.ui.screens.question_form import QuestionFormScreen

pytestmark = pytest.mark.slow  # each test types into a form


async def _on(pilot: Pilot, kind: type[Screen]) -> Screen:
    """Wait until the screen on top is of this kind."""
    for _ in range(200):
        if isinstance(pilot.app.screen, kind):
            return pilot.app.screen
        await pilot.pause(0.02)
    raise AssertionError(f"{kind.__name__} never came up; on {pilot.app.screen!r}")


async def _says(pilot: Pilot, *words: str) -> str:
    """Wait until the screen shows all these words; the screen's text."""
    text = ""
    for _ in range(200):
        text = screen_text(pilot.app)
        if all(word in text for word in words):
            return text
        await pilot.pause(0.02)
    raise AssertionError(f"never shown: {words}; the screen:\n{text}")


async def _quit_with(pilot: Pilot) -> int | None:
    """Wait until the game has ended; its return code."""
    for _ in range(200):
        if pilot.app.return_code is not None:
            break
        await pilot.pause(0.02)
    return pilot.app.return_code


async def _question_form_with_a_change(pilot: Pilot) -> QuestionFormScreen:
    await open_editor(pilot)
    await pilot.press("enter")  # the first question
    form = await _on(pilot, QuestionFormScreen)
    assert isinstance(form, QuestionFormScreen)
    await pilot.press(*keys_for("ZZZ "))  # the prompt has the keys first
    await _says(pilot, "ZZZ")  # typed into the prompt, which has the keys
    return form


def test_ctrl_q_in_the_question_form_asks_before_changes_are_lost(
    library: dict[str, Path],
) -> None:
    path = library["questions"] / "rivers.yaml"
    before = path.read_bytes()
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        form = await _question_form_with_a_change(pilot)
        await pilot.press("ctrl+q")
        await _on(pilot, ConfirmScreen)
        await _says(pilot, "Quit without saving?", "The changes to this question will be lost.")
        await pilot.press("n")  # stay: the change is still there
        await _on(pilot, QuestionFormScreen)
        assert app.screen is form and app.is_running
        await _says(pilot, "ZZZ")
        await pilot.press("ctrl+q")
        await _on(pilot, ConfirmScreen)
        await pilot.press("y")
        assert await _quit_with(pilot) == 0

    run_with_pilot(app, scenario)
    assert path.read_bytes() == before


def test_ctrl_q_with_nothing_changed_quits_at_once(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        await open_editor(pilot)
        await pilot.press("enter")
        await _on(pilot, QuestionFormScreen)
        await pilot.press("ctrl+q")
        assert await _quit_with(pilot) == 0
        assert not isinstance(app.screen, ConfirmScreen)

    run_with_pilot(app, scenario)


def test_escape_in_the_banks_details_asks_before_changes_are_lost(
    library: dict[str, Path],
) -> None:
    path = library["questions"] / "rivers.yaml"
    before = path.read_bytes()
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        editor = await open_editor(pilot)
        await pilot.press("t")
        details = await _on(pilot, BankDetailsScreen)
        await pilot.press("end", *keys_for(" edited"))
        await pilot.press("escape")
        await _on(pilot, ConfirmScreen)
        # the dialog wraps its detail
        await _says(pilot, "Leave without saving?", "The changes to the title, description")
        await pilot.press("n")
        await _on(pilot, BankDetailsScreen)
        assert app.screen is details
        await _says(pilot, " edited")
        await pilot.press("ctrl+q")  # quitting asks too
        await _on(pilot, ConfirmScreen)
        await _says(pilot, "Quit without saving?")
        await pilot.press("n")
        await _on(pilot, BankDetailsScreen)
        await pilot.press("escape")
        await _on(pilot, ConfirmScreen)
        await pilot.press("y")
        await _on(pilot, BankEditorScreen)
        assert app.screen is editor

    run_with_pilot(app, scenario)
    assert path.read_bytes() == before


def test_a_new_banks_details_ask_before_they_are_lost_and_leave_at_once_when_empty(
    library: dict[str, Path],
) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("n")
        await _on(pilot, BankDetailsScreen)
        await pilot.press("escape")  # nothing typed: home at once
        await _on(pilot, HomeScreen)
        await pilot.press("n")
        await _on(pilot, BankDetailsScreen)
        await pilot.press(*keys_for("Rivers of Asia"))
        await pilot.press("escape")
        await _on(pilot, ConfirmScreen)
        await _says(pilot, "Leave without saving?")
        await pilot.press("n")
        await _on(pilot, BankDetailsScreen)
        await _says(pilot, "Rivers of Asia")

    run_with_pilot(app, scenario)


def test_escape_on_an_untouched_question_with_a_block_text_leaves_at_once(
    folders: dict[str, Path],
) -> None:
    """A ``|`` text ends in a line break, and a quoted choice may end in a space: the form
    gives neither back, and that is no change."""
    text = bank_yaml("Blocks", [choice_question("q1", "Which sea?", "Black", ("Red ",))])
    text = text.replace(
        '    explanation: "Because Black."', "    explanation: |\n      Because Black."
    )
    assert "explanation: |" in text and '"Red "' in text
    write_bank(folders["questions"], "blocks", text)
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        editor = await open_editor(pilot)
        await pilot.press("enter")
        await _on(pilot, QuestionFormScreen)
        await _says(pilot, "Because Black.")
        await pilot.press("escape")
        await _on(pilot, BankEditorScreen)
        assert app.screen is editor

    run_with_pilot(app, scenario)
