"""Screens holding work not yet saved: Escape and ctrl+q ask before it is lost.

A screen that ``AsksBeforeQuit`` is asked by the App's ctrl+q first (the round, whose answers
are saved but whose round would be left unfinished; a form with changes not saved). Form
screens take ``UnsavedForm`` for both keys: they say what they would lose in ``has_changes``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[Any]
else:
    _Base = object


@runtime_checkable
class AsksBeforeQuit(Protocol):
    """A screen that ctrl+q must ask before the game ends."""

    def quit_needs_asking(self) -> bool:
        """Whether quitting now would lose or leave something the player should be asked about."""
        ...

    def ask_to_quit(self) -> None:
        """Ask; the answer yes ends the App."""
        ...


class UnsavedForm(_Base):
    """Escape leaves at once when nothing changed, and asks first when something did; ctrl+q
    asks the same. The screen dismisses with None when it is left."""

    # what a teacher would lose, in words: "The changes to this question will be lost."
    LOST_DETAIL = "The changes will be lost."

    def has_changes(self) -> bool:
        """Whether the form holds changes that are not saved."""
        raise NotImplementedError

    def quit_needs_asking(self) -> bool:
        return self.has_changes()

    def action_back(self) -> None:
        """Back; ask first when there are changes not saved."""
        if not self.has_changes():
            self.dismiss(None)
            return
        self._ask("Leave without saving?", "Leave", lambda: self.dismiss(None))

    def ask_to_quit(self) -> None:
        """ctrl+q with changes not saved: ask, as Escape does."""
        self._ask("Quit without saving?", "Quit", self.app.exit)

    def _ask(self, question: str, yes_label: str, then: Callable[[], object]) -> None:
        from game.ui.screens.confirm import ConfirmScreen  # with the first question asked

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        dialog = ConfirmScreen(
            question, detail=self.LOST_DETAIL, yes_label=yes_label, no_label="Stay"
        )
        self.app.push_screen(dialog, answered)
