"""History's bank filter: one line naming the bank listed, and a list of banks to choose from.

Textual's ``Select`` did this with six widgets (the line, its label and two arrows, the list),
all styled and laid out for History's first frame though the list is seldom opened: a fifth
of that frame. This is one widget drawing its line itself; its list is built the first time
it is opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

Choice = tuple[Content | str, str]  # (what the player reads, the value)


class BankList(OptionList):
    """The open list of a BankFilter, drawn over what is below it; Escape or leaving it closes
    it, Enter or a click chooses."""

    BINDINGS = [Binding("escape", "close", "Close", show=False)]

    class Closed(Message):
        """Closed without a choice; refocus says whether the filter takes the keys back."""

        def __init__(self, refocus: bool) -> None:
            super().__init__()
            self.refocus = refocus

    def allow_focus(self) -> bool:
        """Only while open: coming back to the window, Textual would give the keys back to
        the list that had them, closed since."""
        parent = self.parent
        return super().allow_focus() and isinstance(parent, BankFilter) and parent.is_open

    def action_close(self) -> None:
        """Escape: close the list, keys back to the filter."""
        self.post_message(self.Closed(refocus=True))

    def _on_blur(self, event: events.Blur) -> None:
        """Keys went elsewhere (a click outside): close. A click on the filter's own line
        then closes it, not opens it again."""
        self.post_message(self.Closed(refocus=False))
        self.suppress_click()


class BankFilter(Widget, can_focus=True):
    """The choice shown on one line with ▼; Enter, space, ↑, ↓ or a click opens the list."""

    COMPONENT_CLASSES = {"bank-filter--arrow"}

    DEFAULT_CSS = """
    BankFilter {
        height: 1;
        width: 1fr;
    }
    BankFilter > .bank-filter--arrow {
        color: $foreground 50%;
    }
    BankFilter > BankList {
        display: none;
        overlay: screen;
        constrain: none inside;
        offset-y: 1;
        width: 1fr;
        height: auto;
        max-height: 12;
    }
    BankFilter.-open > BankList {
        display: block;
    }
    """

    BINDINGS = [Binding("enter,down,space,up", "open", "Choose", show=False)]

    class Changed(Message):
        """The player chose another value (not sent when the program sets one)."""

        def __init__(self, bank_filter: BankFilter, value: str) -> None:
            super().__init__()
            self.bank_filter = bank_filter
            self.value = value

        @property
        def control(self) -> BankFilter:
            """The filter that changed (for ``@on`` selectors)."""
            return self.bank_filter

    def __init__(self, choices: Sequence[Choice], value: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._choices = list(choices)
        self._value = value
        self._open_at_press = False

    @property
    def choices(self) -> list[Choice]:
        """(label, value) of each choice, in the list's order."""
        return list(self._choices)

    @property
    def value(self) -> str:
        """The chosen value."""
        return self._value

    @value.setter
    def value(self, value: str) -> None:
        """Choose a value, as the player would (a Changed follows when it is another)."""
        self._choose(value, announce=True)

    def set_choices(self, choices: Sequence[Choice], value: str) -> None:
        """New choices and the one chosen, set by the program: no Changed is sent. An open
        list is refilled with its highlight kept on the bank it was on."""
        bank_list = self.query_one(BankList) if self.is_open else None
        highlighted = None
        if bank_list is not None and bank_list.highlighted is not None:
            highlighted = self._choices[bank_list.highlighted][1]
        self._choices = list(choices)
        self._choose(value, announce=False)
        if bank_list is not None:
            self._fill_list(bank_list)
            values = [choice for _label, choice in self._choices]
            if highlighted in values:
                bank_list.highlighted = values.index(highlighted)

    @property
    def is_open(self) -> bool:
        """Whether the list is shown."""
        return self.has_class("-open")

    def _choose(self, value: str, *, announce: bool) -> None:
        if value not in {choice for _label, choice in self._choices}:
            raise ValueError(f"{value!r} is not one of the filter's choices")
        if value == self._value:
            return
        self._value = value
        self.refresh()
        if announce:
            self.post_message(self.Changed(self, value))

    def _label(self) -> Content:
        for label, choice in self._choices:
            if choice == self._value:
                return label if isinstance(label, Content) else Content(label)
        return Content("")

    def render(self) -> Content:
        """The chosen label, cut to fit, then the arrow at the right edge."""
        width = self.content_region.width or self.size.width
        arrow = "▲" if self.is_open else "▼"
        label = self._label().truncate(max(width - 2, 0), ellipsis=True, pad=True)
        return Content.assemble(label, " ", (arrow, self.get_visual_style("bank-filter--arrow")))

    def _fill_list(self, bank_list: BankList) -> None:
        bank_list.clear_options()
        bank_list.add_options(Option(label) for label, _value in self._choices)
        values = [value for _label, value in self._choices]
        if self._value in values:
            bank_list.highlighted = values.index(self._value)

    async def action_open(self) -> None:
        """Show the list, its highlight on the chosen value (built the first time)."""
        lists = self.query(BankList)
        if lists:
            bank_list = lists.first()
        else:
            if not self.is_attached:
                return  # the App is ending: Textual refuses any mount then
            bank_list = BankList()
            await self.mount(bank_list)
        self._fill_list(bank_list)
        self.add_class("-open")
        self.refresh()
        bank_list.focus(scroll_visible=False)

    def close(self, *, refocus: bool) -> None:
        """Hide the list; refocus gives the keys back to the filter."""
        self.remove_class("-open")
        self.refresh()
        if refocus:
            self.focus()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Note whether the list was open when the press began: the press takes the keys from
        the list, which closes it before the click arrives."""
        self._open_at_press = self.is_open

    async def on_click(self, event: events.Click) -> None:
        """A click on the line opens the list, or closes it when it was open."""
        if event.widget is not self:
            return
        event.stop()
        if self._open_at_press or self.is_open:
            self.close(refocus=True)
        else:
            await self.action_open()
        self._open_at_press = False

    def on_bank_list_closed(self, event: BankList.Closed) -> None:
        """Escape, or the keys left the list."""
        event.stop()
        if self.is_open:
            self.close(refocus=event.refocus)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a bank: it is chosen, and the list closes."""
        event.stop()
        value = self._choices[event.option_index][1]
        self.close(refocus=True)
        self.value = value

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Moving through the list chooses nothing yet."""
        event.stop()
