"""A tick for a right answer in the question form: ``[✓] right`` or ``[ ] wrong``, in words as
well as colour; space, Enter or a click toggles it."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Static


class RightMark(Static, can_focus=True):
    """Whether one choice is a right answer."""

    DEFAULT_CSS = """
    RightMark {
        width: 10;
        height: 1;
        color: $text-muted;
    }
    RightMark.-right {
        color: $text-success;
        text-style: bold;
    }
    RightMark:focus {
        background: $accent 30%;
    }
    """

    BINDINGS = [Binding("space,enter", "toggle_mark", "Right/wrong", show=False)]

    class Changed(Message):
        """The teacher ticked or unticked this choice."""

        def __init__(self, mark: RightMark) -> None:
            super().__init__()
            self.mark = mark

        @property
        def control(self) -> RightMark:
            """The mark that changed."""
            return self.mark

    def __init__(self, value: bool = False, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.value = value

    def on_mount(self) -> None:
        """Draw the current state."""
        self._draw()

    def _draw(self) -> None:
        self.set_class(self.value, "-right")
        self.update(Content("[✓] right" if self.value else "[ ] wrong"))

    def set_value(self, value: bool) -> None:
        """Tick or untick without telling anyone (for the one-right rule)."""
        self.value = value
        if self.is_mounted:
            self._draw()

    def action_toggle_mark(self) -> None:
        """Tick or untick, and say so."""
        self.set_value(not self.value)
        self.post_message(self.Changed(self))

    def on_click(self) -> None:
        """A click toggles too."""
        self.action_toggle_mark()
