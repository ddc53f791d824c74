"""Pair each left with a right: up/down picks a left, a digit pairs it with that right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from game.core.scoring import Response
from game.ui.widgets.answer_base import AnswerRow, AnswerWidget, Caption


class MatchAnswer(AnswerWidget):
    """Lefts fixed, rights numbered; each right pairs with one left at most."""

    DEFAULT_CSS = """
    MatchAnswer AnswerRow.match-left > .answer-row--extra {
        color: $text-accent;
    }
    MatchAnswer .match-rights-caption {
        margin-top: 1;
    }
    """

    BINDINGS = [
        Binding("up", "move_cursor(-1)", "Up", show=False),
        Binding("down", "move_cursor(1)", "Down", show=False),
        Binding("backspace,delete,0", "unpair", "Unpair", key_display="⌫"),
    ]

    def __init__(self, lefts: tuple[str, ...], rights: tuple[str, ...]) -> None:
        super().__init__()
        self.lefts = lefts
        self.rights = rights
        self.paired: dict[int, int] = {}  # left index -> right index
        self.cursor = 0
        self.bind_digits(len(rights), "pair", "Pair")

    def compose(self) -> ComposeResult:
        """Lay out the widgets."""
        caption = (
            "Pair them: press the number of the match for the ▸ item; the ▸ then moves "
            "down to the next item not yet paired (↑/↓ choose another)."
        )
        yield Caption(caption)
        for index, left in enumerate(self.lefts):
            row = AnswerRow(index, "", left, mark=False, extra=True, key_width=3)
            row.add_class("match-left")
            yield row
        yield Caption("Choose from:", classes="match-rights-caption")
        for index, right in enumerate(self.rights):
            row = AnswerRow(index, f"{index + 1}", right, mark_width=2)
            row.add_class("match-right")
            yield row

    def on_mount(self) -> None:
        """Line the lefts up in one column, then draw the pairs and the cursor."""
        left_width = max((Content(left).cell_length for left in self.lefts), default=0) + 1
        for row in self._left_rows():
            row.set_text_width(left_width)
        self._redraw()

    def _left_rows(self) -> list[AnswerRow]:
        return [row for row in self.query(AnswerRow) if row.has_class("match-left")]

    def _right_rows(self) -> list[AnswerRow]:
        return [row for row in self.query(AnswerRow) if row.has_class("match-right")]

    def _redraw(self) -> None:
        """Show each left's chosen right, which rights are taken, and the cursor."""
        for row in self._left_rows():
            right = self.paired.get(row.index)
            row.set_cursor(row.index == self.cursor)
            if right is None:
                row.set_extra(Content("→ ?"))
            else:
                row.set_extra(Content.assemble(f"→ {right + 1}. ", self.rights[right]))
            row.set_picked(right is not None)
        taken = set(self.paired.values())
        for row in self._right_rows():
            row.set_mark("•" if row.index in taken else "")
            row.set_picked(row.index in taken)

    def action_move_cursor(self, step: int) -> None:
        """Choose another left."""
        self.cursor = (self.cursor + step) % len(self.lefts)
        self._redraw()
        self.scroll_row_into_view(self._left_rows()[self.cursor])

    def action_pair(self, number: int) -> None:
        """Pair the chosen left with right ``number`` (1-based), then go to the next unpaired left."""
        if not 1 <= number <= len(self.rights):
            return
        right = number - 1
        for left, paired_right in list(self.paired.items()):
            if paired_right == right:
                del self.paired[left]
        self.paired[self.cursor] = right
        unpaired = [i for i in range(len(self.lefts)) if i not in self.paired]
        later = [i for i in unpaired if i > self.cursor]
        if later or unpaired:
            self.cursor = (later or unpaired)[0]
        self._redraw()
        self.scroll_row_into_view(self._left_rows()[self.cursor])

    def action_unpair(self) -> None:
        """Undo the chosen left's pair."""
        self.paired.pop(self.cursor, None)
        self._redraw()

    def on_answer_row_clicked(self, event: AnswerRow.Clicked) -> None:
        """A click on a left chooses it; a click on a right pairs it with the chosen left."""
        self.focus()
        if event.row.has_class("match-right"):
            self.action_pair(event.row.index + 1)
        else:
            self.cursor = event.row.index
            self._redraw()

    def incomplete_message(self) -> str:
        """What to tell the player who presses Enter too early."""
        return "Pair every item on the left first (↑/↓ to choose one, then a number)."

    def response(self) -> Response:
        """The response as it stands, or None while it is incomplete."""
        if len(self.paired) < len(self.lefts):
            return None
        return {self.lefts[left]: self.rights[right] for left, right in self.paired.items()}
