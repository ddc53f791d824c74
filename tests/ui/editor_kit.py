"""Helpers for the question editor tests: opening the editor, filling the form as a teacher."""

from __future__ import annotations

from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from game.core.model import Question, QuestionType
from game.ui.screens.editor import BankEditorScreen
from game.ui.screens.question_form import QuestionFormScreen
from game.ui.widgets.list_field import ListField
from game.ui.widgets.right_mark import RightMark


def keys_for(text: str) -> list[str]:
    """Key names that type ``text``."""
    return [_character_to_key(ch) for ch in text]


async def open_editor(pilot: Pilot, down: int = 0) -> BankEditorScreen:
    """From home, open the highlighted bank (after ``down`` presses) in the editor."""
    await pilot.press(*(["down"] * down), "w")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BankEditorScreen), screen
    return screen


async def new_question_form(pilot: Pilot) -> QuestionFormScreen:
    """From the question list, the form for a new question."""
    await pilot.press("a")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, QuestionFormScreen), form
    return form


async def fill_form(pilot: Pilot, form: QuestionFormScreen, question: Question) -> None:
    """Fill the form with a question: the prompt typed key by key, the rest set in its fields,
    the right answers ticked with the space bar."""
    form.query_one("#form-type", Select).value = question.type
    await pilot.pause()
    form.query_one("#form-prompt", TextArea).focus()
    await pilot.press(*keys_for(question.prompt))
    form.query_one("#form-explanation", TextArea).text = question.explanation
    form.query_one("#form-quote", TextArea).text = question.quote or ""
    form.query_one("#form-hint", TextArea).text = question.hint or ""
    if question.topic:
        form.query_one("#form-topic", Select).value = question.topic
    form.query_one("#form-difficulty", Select).value = question.difficulty
    if question.type is QuestionType.TRUEFALSE:
        form.query_one("#form-truth", Select).value = bool(question.truth)
    else:
        await _fill_list(pilot, form, question)
    await checked(pilot, form)


async def checked(pilot: Pilot, form: QuestionFormScreen, timeout: float = 30) -> None:
    """Wait until the form has checked its latest change (it checks once typing pauses)."""
    waited = 0.0
    await pilot.pause()
    while form.check_pending:
        if waited > timeout:
            raise AssertionError("the form never checked its draft")
        await pilot.pause(0.05)
        waited += 0.05
    await pilot.pause()


async def _fill_list(pilot: Pilot, form: QuestionFormScreen, question: Question) -> None:
    field = form.query_one(ListField)
    kind = question.type
    if kind is QuestionType.MATCH:
        texts = [left for left, _ in question.pairs]
        others = [right for _, right in question.pairs]
    else:
        texts = list(question.choices or question.answers or question.items)
        others = []
    while len(field.rows) < len(texts):
        await field.add_row()
        await pilot.pause()
    for index, row in enumerate(field.rows):
        row.query_one(".list-row-text", Input).value = texts[index] if index < len(texts) else ""
        if others:
            row.query_one(".list-row-other", Input).value = (
                others[index] if index < len(others) else ""
            )
    await pilot.pause()
    rights = {question.answer} if kind is QuestionType.CHOICE else set(question.answers)
    if kind in (QuestionType.CHOICE, QuestionType.MULTI):
        for row, text in zip(field.rows, texts, strict=False):
            if text in rights:
                row.query_one(RightMark).focus()
                await pilot.press("space")
