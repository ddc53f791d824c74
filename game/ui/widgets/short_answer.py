"""A typed answer: an input line; Enter submits."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input

from game.core.scoring import Response
from game.ui.widgets.answer_base import AnswerWidget, Caption, shown_on_screen


class AnswerLine(Input):
    """The input line of a typed answer: Enter submits, and the footer says so (Textual's
    Input hides its Enter key, so the footer offered no way to answer)."""

    BINDINGS = [Binding("enter", "submit", "Submit")]

    def watch_has_focus(self, _has_focus: bool) -> None:
        """Draw it again, and no more. Textual looks a widget's styles up again whenever it
        gains or loses focus, for an Input and its four parts 1.2 ms, in the very frame that
        shows a typed question and in the one that shows its feedback. This line has the keys
        whenever it is shown, so it is always drawn as focused (ShortAnswer's CSS) and its
        styles never depend on focus."""
        self.refresh()

    def allow_focus(self) -> bool:
        """Only while its answer widget is shown (see KeyTarget.allow_focus)."""
        return super().allow_focus() and shown_on_screen(self)


class ShortAnswer(AnswerWidget):
    """Type the answer and press Enter; case, accents and end punctuation do not matter."""

    KEY_TARGET = False  # its keys go to its input line

    DEFAULT_CSS = """
    ShortAnswer > AnswerLine {
        width: 1fr;
        margin: 0 1;
        /* Input:focus's look, always: the line has the keys whenever it is shown */
        border: tall $border;
        background-tint: $foreground 5%;
    }
    """

    def compose(self) -> ComposeResult:
        """Lay out the widgets."""
        caption = "Type your answer, then Enter (case and accents do not matter)."
        yield Caption(caption)
        # nothing to validate (any answer is taken): Input's validation set a class on the
        # first key typed and on Enter, and each class change looks the styles up again
        yield AnswerLine(placeholder="your answer", id="short-input", validate_on=())

    @property
    def key_target(self) -> Widget:
        """Typing goes to the input line."""
        return self.query_one(AnswerLine)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Once the player types, keep the input line in view."""
        event.stop()
        event.input.scroll_visible(animate=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the input line submits."""
        event.stop()
        self.action_submit()

    def incomplete_message(self) -> str:
        """What to tell the player who presses Enter too early."""
        return "Type an answer first."

    def response(self) -> Response:
        """The response as it stands, or None while it is incomplete."""
        text = self.query_one(Input).value
        return text if text.strip() else None
