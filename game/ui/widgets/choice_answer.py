"""Numbered choices: pick one (choice and true/false) or toggle several (multi)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding

from game.core.scoring import Response
from game.ui.widgets.answer_base import AnswerRow, AnswerWidget, Caption


class _ChoiceList(AnswerWidget):
    """Rows of choices with a cursor that up/down moves."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
    ]
    CAPTION = ""

    def __init__(self, choices: tuple[str, ...]) -> None:
        super().__init__()
        self.choices = choices
        self.cursor = 0

    def compose(self) -> ComposeResult:
        """Lay out the widgets."""
        yield Caption(self.CAPTION)
        for index, choice in enumerate(self.choices):
            yield AnswerRow(index, f"{index + 1}", choice)

    def on_mount(self) -> None:
        """Draw the marks and the cursor."""
        self.refresh_rows()

    @property
    def rows(self) -> list[AnswerRow]:
        """The rows, in the order shown."""
        return list(self.query(AnswerRow))

    def is_picked(self, index: int) -> bool:
        """True when the choice at ``index`` is selected."""
        raise NotImplementedError

    def mark_for(self, index: int) -> str:
        """The marker drawn before the choice at ``index``."""
        raise NotImplementedError

    def refresh_rows(self) -> None:
        """Redraw the marks, the picked choices and the cursor."""
        for row in self.rows:
            row.set_mark(self.mark_for(row.index))
            row.set_picked(self.is_picked(row.index))
            row.set_cursor(row.index == self.cursor)

    def action_move(self, step: int) -> None:
        """Move the cursor up or down."""
        if not self.choices:
            return
        self.cursor = (self.cursor + step) % len(self.choices)
        self.refresh_rows()
        self.scroll_row_into_view(self.rows[self.cursor])


class ChoiceAnswer(_ChoiceList):
    """One right choice: a digit (or up/down and space) picks, Enter confirms."""

    BINDINGS = [Binding("space", "pick_cursor", "Pick", show=False)]
    CAPTION = "Pick one: press its number, then Enter."

    def __init__(self, choices: tuple[str, ...]) -> None:
        super().__init__(choices)
        self.picked: int | None = None
        self.bind_digits(len(choices), "pick", "Pick")

    def is_picked(self, index: int) -> bool:
        """True when the choice at ``index`` is selected."""
        return index == self.picked

    def mark_for(self, index: int) -> str:
        """The marker drawn before the choice at ``index``."""
        return "(•)" if index == self.picked else "( )"

    def action_pick(self, number: int) -> None:
        """Pick the choice numbered ``number`` (1-based)."""
        if 1 <= number <= len(self.choices):
            self.picked = self.cursor = number - 1
            self.refresh_rows()
            self.scroll_row_into_view(self.rows[self.cursor])

    def action_pick_cursor(self) -> None:
        """Pick the choice under the cursor."""
        self.action_pick(self.cursor + 1)

    def on_answer_row_clicked(self, event: AnswerRow.Clicked) -> None:
        """A click picks the row."""
        self.focus()
        self.action_pick(event.row.index + 1)

    def response(self) -> Response:
        """The response as it stands, or None while it is incomplete."""
        return None if self.picked is None else self.choices[self.picked]


class MultiAnswer(_ChoiceList):
    """Every right choice: digits (or up/down and space) toggle, Enter submits."""

    BINDINGS = [Binding("space", "toggle_cursor", "Toggle", show=False)]
    CAPTION = "Pick all that apply: press their numbers, then Enter."

    def __init__(self, choices: tuple[str, ...]) -> None:
        super().__init__(choices)
        self.picked: set[int] = set()
        self.bind_digits(len(choices), "toggle_choice", "Toggle")

    def is_picked(self, index: int) -> bool:
        """True when the choice at ``index`` is selected."""
        return index in self.picked

    def mark_for(self, index: int) -> str:
        """The marker drawn before the choice at ``index``."""
        return "[x]" if index in self.picked else "[ ]"

    def action_toggle_choice(self, number: int) -> None:
        """Pick or unpick the choice numbered ``number`` (1-based)."""
        if 1 <= number <= len(self.choices):
            self.picked ^= {number - 1}
            self.cursor = number - 1
            self.refresh_rows()
            self.scroll_row_into_view(self.rows[self.cursor])

    def action_toggle_cursor(self) -> None:
        """Pick or unpick the choice under the cursor."""
        self.action_toggle_choice(self.cursor + 1)

    def on_answer_row_clicked(self, event: AnswerRow.Clicked) -> None:
        """A click toggles the row."""
        self.focus()
        self.action_toggle_choice(event.row.index + 1)

    def incomplete_message(self) -> str:
        """What to tell the player who presses Enter too early."""
        return "Pick at least one answer first."

    def response(self) -> Response:
        """The response as it stands, or None while it is incomplete."""
        if not self.picked:
            return None
        return frozenset(self.choices[index] for index in self.picked)


class TrueFalseAnswer(ChoiceAnswer):
    """True or false: t/1 picks True, f/2 picks False, Enter confirms."""

    BINDINGS = [
        Binding("t", "pick(1)", "True", key_display="t/1"),
        Binding("f", "pick(2)", "False", key_display="f/2"),
    ]
    CAPTION = "True or false? Press t or f (or 1 or 2), then Enter."
    SHOW_DIGITS = False

    def __init__(self) -> None:
        super().__init__(("True", "False"))

    def response(self) -> Response:
        """The response as it stands, or None while it is incomplete."""
        return None if self.picked is None else self.picked == 0
