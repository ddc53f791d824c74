"""Put items in order: up/down moves the highlight, shift+up/down (or [ and ]) moves the item."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding

from game.core.scoring import Response
from game.ui.widgets.answer_base import AnswerRow, AnswerWidget, Caption


class OrderAnswer(AnswerWidget):
    """Items in the player's order; Enter submits that order."""

    BINDINGS = [
        Binding("up", "move_cursor(-1)", "Up", show=False),
        Binding("down", "move_cursor(1)", "Down", show=False),
        Binding("shift+up,left_square_bracket", "move_item(-1)", "Move up", key_display="⇧↑/["),
        Binding("shift+down,right_square_bracket", "move_item(1)", "Move down", key_display="⇧↓/]"),
    ]

    def __init__(self, items: tuple[str, ...]) -> None:
        super().__init__()
        self.items = list(items)
        self.cursor = 0

    def compose(self) -> ComposeResult:
        """Lay out the widgets."""
        caption = "Put them in order: ↑/↓ choose an item, shift+↑/↓ or [ ] move it, Enter."
        yield Caption(caption)
        for index, item in enumerate(self.items):
            yield AnswerRow(index, f"{index + 1}.", item, mark=False)

    def on_mount(self) -> None:
        """Draw the cursor."""
        self._redraw()

    def _redraw(self) -> None:
        """Show each item at its place, and the cursor."""
        for row in self.query(AnswerRow):
            row.set_text(self.items[row.index])
            row.set_cursor(row.index == self.cursor)

    def _cursor_row(self) -> AnswerRow:
        """The row the cursor is on."""
        return list(self.query(AnswerRow))[self.cursor]

    def action_move_cursor(self, step: int) -> None:
        """Move the highlight up or down."""
        self.cursor = (self.cursor + step) % len(self.items)
        self._redraw()
        self.scroll_row_into_view(self._cursor_row())

    def action_move_item(self, step: int) -> None:
        """Move the highlighted item one place up or down; the highlight follows it."""
        target = self.cursor + step
        if not 0 <= target < len(self.items):
            return
        self.items[self.cursor], self.items[target] = self.items[target], self.items[self.cursor]
        self.cursor = target
        self._redraw()
        self.scroll_row_into_view(self._cursor_row())

    def on_answer_row_clicked(self, event: AnswerRow.Clicked) -> None:
        """A click moves the highlight to the row."""
        self.focus()
        self.cursor = event.row.index
        self._redraw()

    def response(self) -> Response:
        """The response as it stands, or None while it is incomplete."""
        return tuple(self.items)
