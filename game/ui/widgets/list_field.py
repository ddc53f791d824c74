"""A list of short texts in the question form: choices with the right ones ticked, accepted
answers, items in order, or pairs; a row is added with a button or ctrl+n."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Static

from game.ui.widgets.right_mark import RightMark

ListKind = Literal["one-right", "many-right", "plain", "numbered", "pairs"]
MAX_ROWS = 8
MAX_SHORT_ROWS = 12  # accepted answers are not limited by the format; rows stop here


class ListRow(Horizontal):
    """One row: a tick box for the right answer(s), the text, and for pairs a second text."""

    DEFAULT_CSS = """
    ListRow {
        height: auto;
        width: 1fr;
    }
    ListRow > RightMark {
        width: 10;
    }
    ListRow > .list-row-number {
        width: 4;
        color: $text-muted;
    }
    ListRow > Input {
        width: 1fr;
    }
    ListRow > .list-row-arrow {
        width: 3;
        content-align: center middle;
        color: $text-muted;
    }
    ListRow.-problem > Input {
        border-left: outer $error;
    }
    """

    def __init__(self, kind: ListKind, number: int, text: str, right: bool, other: str) -> None:
        super().__init__()
        self.kind = kind
        self.number = number
        self._text = text
        self._right = right
        self._other = other

    def compose(self) -> ComposeResult:
        """The row's widgets for its kind of list."""
        if self.kind in ("one-right", "many-right"):
            yield RightMark(self._right, classes="list-row-right")
        elif self.kind == "numbered":
            yield Static(Content(f"{self.number}."), classes="list-row-number")
        placeholder = {
            "one-right": "a choice",
            "many-right": "a choice",
            "plain": "an accepted answer",
            "numbered": "an item",
            "pairs": "left",
        }[self.kind]
        yield Input(self._text, placeholder=placeholder, compact=True, classes="list-row-text")
        if self.kind == "pairs":
            yield Static(Content("→"), classes="list-row-arrow")
            yield Input(self._other, placeholder="right", compact=True, classes="list-row-other")

    @property
    def text(self) -> str:
        """The row's (left) text, without spaces at either end."""
        return self.query_one(".list-row-text", Input).value.strip()

    @property
    def other(self) -> str:
        """The right-hand text of a pair."""
        if self.kind != "pairs":
            return ""
        return self.query_one(".list-row-other", Input).value.strip()

    @property
    def right(self) -> bool:
        """True when the row is ticked as a right answer."""
        if self.kind not in ("one-right", "many-right"):
            return False
        return self.query_one(".list-row-right", RightMark).value


class ListField(Vertical):
    """Rows of texts; empty rows are left out of the question."""

    DEFAULT_CSS = """
    ListField {
        height: auto;
        width: 1fr;
    }
    ListField > .list-add {
        min-width: 16;
        width: auto;
        height: 1;
        border: none;
        margin-left: 0;
    }
    """

    class Changed(Message):
        """A row's text or tick changed, or a row was added."""

    def __init__(
        self,
        kind: ListKind,
        texts: Sequence[str] = (),
        rights: Sequence[bool] = (),
        others: Sequence[str] = (),
        *,
        min_rows: int = 2,
        id: str | None = None,  # noqa: A002 - Textual's own name for it
    ) -> None:
        super().__init__(id=id)
        self.kind = kind
        count = max(len(texts), min_rows)
        self._start = [
            (
                texts[i] if i < len(texts) else "",
                rights[i] if i < len(rights) else False,
                others[i] if i < len(others) else "",
            )
            for i in range(count)
        ]

    @property
    def max_rows(self) -> int:
        """The most rows this list takes."""
        return MAX_SHORT_ROWS if self.kind == "plain" else MAX_ROWS

    def compose(self) -> ComposeResult:
        """The rows, then the button that adds one."""
        for number, (text, right, other) in enumerate(self._start, start=1):
            yield ListRow(self.kind, number, text, right, other)
        yield Button(Content("+ add a row  ^n"), compact=True, classes="list-add")

    def on_mount(self) -> None:
        """The add button goes once the list is full."""
        self._refresh_add()

    @property
    def rows(self) -> list[ListRow]:
        """Every row, in order."""
        return list(self.query(ListRow))

    def texts(self) -> list[tuple[int, str]]:
        """(row index, text) of each row with text."""
        return [(index, row.text) for index, row in enumerate(self.rows) if row.text]

    def pairs(self) -> list[tuple[int, tuple[str, str]]]:
        """(row index, (left, right)) of each pair row with either side written."""
        return [
            (index, (row.text, row.other))
            for index, row in enumerate(self.rows)
            if row.text or row.other
        ]

    def rights(self) -> list[str]:
        """The texts of the rows ticked as right (empty text kept, so a tick on an empty row is
        not silently lost)."""
        return [row.text for row in self.rows if row.right]

    async def add_row(self) -> None:
        """Add an empty row and put the cursor in it."""
        rows = self.rows
        if len(rows) >= self.max_rows:
            self.notify(f"A list here holds at most {self.max_rows} rows.", severity="warning")
            return
        if not self.is_attached:
            return  # the App is ending: Textual refuses any mount then
        row = ListRow(self.kind, len(rows) + 1, "", False, "")
        await self.mount(row, before=self.query_one(".list-add"))
        row.query_one(".list-row-text", Input).focus()
        self._refresh_add()
        self.post_message(self.Changed())

    def _refresh_add(self) -> None:
        self.query_one(".list-add", Button).display = len(self.rows) < self.max_rows

    def mark_problems(self, rows: set[int]) -> None:
        """Show which rows the problems are about."""
        for index, row in enumerate(self.rows):
            row.set_class(index in rows, "-problem")

    @on(Button.Pressed, ".list-add")
    async def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.add_row()

    @on(RightMark.Changed)
    def _tick_changed(self, event: RightMark.Changed) -> None:
        event.stop()
        if self.kind == "one-right" and event.mark.value:
            for row in self.rows:
                mark = row.query_one(".list-row-right", RightMark)
                if mark is not event.mark and mark.value:
                    mark.set_value(False)
        self.post_message(self.Changed())

    @on(Input.Changed)
    def _text_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed())
