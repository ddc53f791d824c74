"""Joining a class served in the browser: the join code the teacher gave, three tries."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from game.core.classroom import JOIN_ATTEMPTS, join_code_matches
from game.ui.screen_css import screen_css
from game.ui.widgets.fit_footer import FitFooter

MAX_CODE_LENGTH = 20
CLOSING_SECONDS = 3.0  # the last words stay up this long before the tab closes


class JoinScreen(ModalScreen[bool]):
    """Ask for the class's join code; dismisses True when it is typed right, False after the
    last wrong try."""

    DEFAULT_CSS = screen_css(__file__)  # join.tcss: see game.ui.screen_css
    SCOPED_CSS = False

    def __init__(self, join_code: str, attempts: int = JOIN_ATTEMPTS) -> None:
        super().__init__()
        self._join_code = join_code
        self._tries_left = attempts

    def compose(self) -> ComposeResult:
        with Vertical(id="join-dialog"):
            yield Static("Welcome to the class!", id="join-title")
            yield Static("Type the join code your teacher gave you.", id="join-ask")
            yield Input(
                placeholder="Join code, then Enter", max_length=MAX_CODE_LENGTH, id="join-code"
            )
            yield Static("", id="join-error")
        yield FitFooter()

    def on_mount(self) -> None:
        """Start in the code field."""
        self.query_one("#join-code", Input).focus()

    @on(Input.Submitted, "#join-code")
    def _code_typed(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self._say("Please type the join code first.")
            return
        if join_code_matches(event.value, self._join_code):
            self.dismiss(True)
            return
        self._tries_left -= 1
        if self._tries_left <= 0:
            event.input.disabled = True
            self._say("Wrong three times: this tab will close. Ask your teacher for the join code.")
            self.set_timer(CLOSING_SECONDS, self._close)
            return
        tries = "1 try" if self._tries_left == 1 else f"{self._tries_left} tries"
        self._say(f"That is not this class's join code. {tries} left.")
        event.input.clear()

    @on(Input.Changed, "#join-code")
    def _code_changing(self, event: Input.Changed) -> None:
        event.stop()
        if event.value:
            self._say("")

    def _close(self) -> None:
        self.dismiss(False)

    def _say(self, words: str) -> None:
        self.query_one("#join-error", Static).update(words)
