"""A yes/no question in a small dialog, returning the answer to its caller."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.ui.widgets.fit_footer import FitFooter


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; dismiss with True for yes, False for no (Escape says no)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "No", show=False),
    ]

    def __init__(
        self,
        question: str | Content,
        *,
        detail: str | Content | None = None,
        yes_label: str = "Yes",
        no_label: str = "No",
        default_yes: bool = False,
    ) -> None:
        super().__init__()
        # A plain str is text, never markup: callers may pass bank or player text.
        self._question = Content(question) if isinstance(question, str) else question
        self._detail = Content(detail) if isinstance(detail, str) else detail
        self._yes_label = yes_label
        self._no_label = no_label
        self._default_yes = default_yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(self._question, id="confirm-question")
            if self._detail is not None:
                yield Static(self._detail, id="confirm-detail")
            with Horizontal(id="confirm-buttons"):
                yield Button(
                    Content.assemble((self._yes_label, ""), ("  y", "dim")),
                    id="confirm-yes",
                    variant="primary" if self._default_yes else "default",
                )
                yield Button(
                    Content.assemble((self._no_label, ""), ("  n", "dim")),
                    id="confirm-no",
                    variant="default" if self._default_yes else "primary",
                )
        yield FitFooter()

    def on_mount(self) -> None:
        """Focus the default answer, so Enter takes it."""
        self.query_one("#confirm-yes" if self._default_yes else "#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A click or Enter on a button answers."""
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        """Answer by key."""
        self.dismiss(yes)
