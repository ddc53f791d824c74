"""What every answer widget shares: numbered rows, a cursor, and the Submitted message."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from game.core.scoring import Response

MAX_DIGIT_KEYS = 9


class AnswerRow(Horizontal):
    """One numbered row of an answer list: its key, a marker, and the (bank) text."""

    DEFAULT_CSS = """
    AnswerRow {
        height: auto;
        width: 1fr;
        padding: 0 1;
    }
    AnswerRow > .row-key {
        width: 4;
        color: $text-muted;
    }
    AnswerRow > .row-mark {
        width: 4;
        color: $text-accent;
    }
    AnswerRow > .row-text {
        width: 1fr;
        height: auto;
    }
    AnswerRow > .row-extra {
        width: 1fr;
        height: auto;
        padding-left: 1;
    }
    AnswerRow.-cursor {
        background: $boost;
    }
    AnswerWidget:focus-within AnswerRow.-cursor {
        background: $accent 25%;
    }
    AnswerRow.-cursor > .row-text {
        text-style: bold;
    }
    AnswerRow.-picked > .row-mark, AnswerRow.-picked > .row-text {
        color: $text-accent;
        text-style: bold;
    }
    """

    class Clicked(Message):
        """The player clicked a row."""

        def __init__(self, row: AnswerRow) -> None:
            super().__init__()
            self.row = row

    def __init__(
        self, index: int, key_label: str, text: str, *, mark: bool = True, extra: bool = False
    ) -> None:
        super().__init__()
        self.index = index
        self._key_label = key_label
        self._text = text
        self._mark = mark
        self._extra = extra
        # What the row shows now: a redraw is asked for only when it changes, so moving the
        # cursor costs two rows, not the whole list.
        self._shown_cursor: bool | None = None
        self._shown_mark: str | None = None

    def compose(self) -> ComposeResult:
        """Lay out the widgets."""
        yield Static(Content(f" {self._key_label}"), classes="row-key")
        if self._mark:
            yield Static("", classes="row-mark")
        yield Static(Content(self._text), classes="row-text")
        if self._extra:
            yield Static("", classes="row-extra")

    def set_cursor(self, on_cursor: bool) -> None:
        """Mark the row under the cursor with a pointer as well as a colour."""
        if on_cursor == self._shown_cursor and self.is_mounted:
            return
        self.set_class(on_cursor, "-cursor")
        if self.is_mounted:
            self._shown_cursor = on_cursor
            pointer = "▸" if on_cursor else " "
            # The key column has a fixed width: no layout pass is needed.
            key = self.query_one(".row-key", Static)
            key.update(Content(f"{pointer}{self._key_label}"), layout=False)

    def set_text(self, text: str) -> None:
        """Show other (bank) text in this row."""
        self._text = text
        if self.is_mounted:
            self.query_one(".row-text", Static).update(Content(text))

    def set_mark(self, mark: str) -> None:
        """Show a marker such as ``(•)`` or ``[x]`` before the text."""
        if self.is_mounted and self._mark and mark != self._shown_mark:
            self._shown_mark = mark
            self.query_one(".row-mark", Static).update(Content(mark), layout=False)

    def set_extra(self, extra: Content | str) -> None:
        """Show extra (bank) text after the row's text, such as a match's chosen right."""
        if self.is_mounted and self._extra:
            shown = Content(extra) if isinstance(extra, str) else extra
            self.query_one(".row-extra", Static).update(shown)

    def on_click(self, event: events.Click) -> None:
        """Tell the answer widget which row was clicked."""
        event.stop()
        self.post_message(self.Clicked(self))


class AnswerWidget(Vertical, can_focus=True):
    """Base of the answer widgets: gathers a response and posts Submitted on Enter."""

    DEFAULT_CSS = """
    AnswerWidget {
        height: auto;
        width: 1fr;
    }
    AnswerWidget > .answer-caption {
        color: $text-muted;
        padding: 0 1;
        margin-top: 1;
    }
    """

    BINDINGS = [
        Binding("enter", "submit", "Submit"),
    ]
    SHOW_DIGITS = True  # show the digit keys in the footer (as "1-N")

    class Submitted(Message):
        """The player submitted ``response``."""

        def __init__(self, widget: AnswerWidget, response: Response) -> None:
            super().__init__()
            self.widget = widget
            self.response = response

        @property
        def control(self) -> AnswerWidget:
            """The answer widget that sent this."""
            return self.widget

    def response(self) -> Response:
        """The response as it stands, or None while it is incomplete."""
        raise NotImplementedError

    def incomplete_message(self) -> str:
        """What to tell the player who presses Enter too early."""
        return "Choose an answer first."

    def action_submit(self) -> None:
        """Submit the response, or say what is missing."""
        if self.disabled:
            return
        given = self.response()
        if given is None:
            self.notify(self.incomplete_message(), markup=False, severity="warning", timeout=3)
            return
        self.post_message(self.Submitted(self, given))

    def bind_digits(self, count: int, action: str, description: str) -> None:
        """Bind the keys 1..count to ``action(n)``, shown once in the footer as ``1-count``."""
        shown_count = min(count, MAX_DIGIT_KEYS)
        for number in range(1, shown_count + 1):
            self._bindings.bind(
                str(number),
                f"{action}({number})",
                description if number == 1 else "",
                show=self.SHOW_DIGITS and number == 1,
                key_display=f"1-{shown_count}",
            )

    def scroll_row_into_view(self, row: AnswerRow) -> None:
        """Keep the cursor row visible when the answers do not fit."""
        row.scroll_visible(animate=False)
