"""What every answer widget shares: numbered rows, a cursor, and the Submitted message."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import partial
from typing import ClassVar, Self

from rich.console import RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.content import Content
from textual.dom import NoScreen
from textual.errors import NoWidget
from textual.filter import LineFilter
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style as TextualStyle
from textual.widget import Widget
from textual.widgets import Static

from game.core.scoring import Response
from game.ui.widgets.kept_lines import MAX_LOOKS, KeptLines, content_strip, plain_lines
from game.ui.widgets.stacks import Stack

MAX_DIGIT_KEYS = 9


class AnswerRow(KeptLines, Widget):
    """One numbered row of an answer list: its key, a marker, the (bank) text and an extra.

    The row is one widget that draws its own columns and highlight in ``render``: moving the
    cursor redraws the two rows it leaves and reaches (each look once: KeptLines), and
    restyles nothing (a row made of child widgets and toggled by a CSS class restyled and
    re-rendered every child).
    Bank text is shown literally: it goes into ``rich.text.Text`` as plain text, never markup.
    """

    # Rows are picked, not selected as text: a mouse drag picks nothing and highlights nothing
    # (the lines a row keeps per look hold no selection highlight).
    ALLOW_SELECT = False

    COMPONENT_CLASSES = {
        "answer-row--key",
        "answer-row--mark",
        "answer-row--extra",
        "answer-row--cursor",
        "answer-row--cursor-focused",
        "answer-row--picked",
    }

    DEFAULT_CSS = """
    AnswerRow {
        height: auto;
        width: 1fr;
    }
    AnswerRow > .answer-row--key {
        color: $text-muted;
    }
    AnswerRow > .answer-row--mark {
        color: $text-accent;
    }
    AnswerRow > .answer-row--extra {
        color: $text;
    }
    AnswerRow > .answer-row--cursor {
        background: $boost;
    }
    AnswerRow > .answer-row--cursor-focused {
        background: $accent 25%;
    }
    AnswerRow > .answer-row--picked {
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
        self,
        index: int,
        key_label: str,
        text: str,
        *,
        mark: bool = True,
        extra: bool = False,
        key_width: int = 4,
        mark_width: int = 4,
    ) -> None:
        super().__init__()
        self.index = index
        self._key_label = key_label
        self._text = text
        self._mark = mark
        self._extra = extra
        self._key_width = key_width
        self._mark_width = mark_width
        self._text_width: int | None = None  # None: the text shares the width with the extra
        self._cursor = False
        self._picked = False
        self._mark_text = ""
        self._extra_text: Content | str = ""

    @property
    def on_cursor(self) -> bool:
        """True when the cursor is on this row."""
        return self._cursor

    @property
    def picked(self) -> bool:
        """True when the row is drawn as picked (chosen, or paired)."""
        return self._picked

    def set_cursor(self, on_cursor: bool) -> None:
        """Mark the row under the cursor with a pointer as well as a colour."""
        if on_cursor != self._cursor:
            self._cursor = on_cursor
            self.refresh()

    def set_picked(self, picked: bool) -> None:
        """Draw the row's mark and text as picked."""
        if picked != self._picked:
            self._picked = picked
            # a marker only (no rule styles it): restyling the row for it cost more than the
            # redraw, which draws the pick itself
            self.set_class(picked, "-picked", update=False)
            self.refresh()

    def set_text(self, text: str) -> None:
        """Show other (bank) text in this row."""
        if text != self._text:
            self._text = text
            self.refresh(layout=True)

    def set_text_width(self, width: int | None) -> None:
        """Give the text a column of its own width (cells), or share the row with the extra."""
        if width != self._text_width:
            self._text_width = width
            self.refresh(layout=True)

    def set_mark(self, mark: str) -> None:
        """Show a marker such as ``(•)`` or ``[x]`` before the text."""
        if self._mark and mark != self._mark_text:
            self._mark_text = mark
            self.refresh()

    def set_extra(self, extra: Content | str) -> None:
        """Show extra (bank) text after the row's text, such as a match's chosen right."""
        if self._extra and extra != self._extra_text:
            self._extra_text = extra
            self.refresh(layout=True)

    def _focused(self) -> bool:
        parent = self.parent
        return isinstance(parent, Widget) and parent.has_focus_within

    def notify_style_update(self) -> None:
        """Forget the component styles and lines kept for drawing (the theme or the CSS
        changed)."""
        super().notify_style_update()
        self.__dict__["_styles"] = {}
        self.__dict__["_content_styles"] = {}

    def _state(self, focused: bool) -> tuple[object, ...]:
        """The row's state and texts, drawn with (or without) the keys in its list."""
        return (
            self._cursor,
            self._picked,
            self._cursor and focused,
            self._mark_text,
            self._text,
            self._extra_text,
            self._text_width,
        )

    def look(self) -> Hashable:
        """What the row's lines are drawn from: its state and texts (see KeptLines)."""
        return self._state(self._focused())

    def look_up_styles(self) -> None:
        """Look up the styles the row draws with now, before its first draw: a round does it
        for the next question's rows while the feedback is read (they were half of a new
        row's first draw)."""
        for name in ("answer-row--key", "answer-row--mark", "answer-row--picked"):
            self._content_style(name)
        if self._extra:
            self._style("answer-row--extra")
        for name in ("answer-row--cursor", "answer-row--cursor-focused"):
            self._style(name, partial=False)

    def _style(self, name: str, partial: bool = True) -> Style:
        """A component's Rich style, kept until the styles change (looked up per draw it cost
        a third of a row's redraw)."""
        styles: dict[str, Style] = self.__dict__.setdefault("_styles", {})
        key = f"{name}:{partial}"
        if key not in styles:
            styles[key] = self.get_component_rich_style(name, partial=partial)
        return styles[key]

    def _content_style(self, name: str, partial: bool = True) -> TextualStyle:
        """A component's style as Textual's Content takes it, kept like ``_style``."""
        styles: dict[str, TextualStyle] = self.__dict__.setdefault("_content_styles", {})
        key = f"{name}:{partial}"
        if key not in styles:
            styles[key] = TextualStyle.from_rich_style(self._style(name, partial))
        return styles[key]

    def _drawn_as_content(self) -> bool:
        """A row with no extra and no text column of its own (choices, items to order) is
        drawn as lines of Content; a row with them (match) is a Rich grid."""
        return not self._extra and self._text_width is None

    def _content_lines(self, width: int, focused: bool) -> list[Content]:
        """The row as lines of Content: the key and mark on the first line, the text beside
        them and wrapped in its own column, every line as wide as the row (so the cursor's
        background fills it). A Rich grid took several times as long to draw, and a cursor
        move redraws two rows."""
        picked = self._content_style("answer-row--picked")
        key = f"{'▸' if self._cursor else ' '}{self._key_label}"[: self._key_width]
        parts: list[str | tuple[str, TextualStyle]] = [
            " ",
            (key.ljust(self._key_width), self._content_style("answer-row--key")),
        ]
        used = self._key_width
        if self._mark:
            mark_style = picked if self._picked else self._content_style("answer-row--mark")
            parts.append((self._mark_text[: self._mark_width].ljust(self._mark_width), mark_style))
            used += self._mark_width
        text_style = picked if self._picked else TextualStyle()
        if self._cursor:
            text_style = text_style + TextualStyle(bold=True)
        room = max(1, width - 2 - used)
        lines = Content(self._text).wrap(room) or [Content("")]
        indent = " " * (1 + used)
        background: TextualStyle | None = None
        if self._cursor:
            name = "answer-row--cursor-focused" if focused else "answer-row--cursor"
            color = self._style(name, partial=False).bgcolor
            background = TextualStyle.from_rich_style(Style(bgcolor=color))
        rows = []
        for number, line in enumerate(lines):
            shown = Content.assemble(*parts) if number == 0 else Content(indent)
            shown = shown.append(line.rstrip().stylize(text_style))
            shown = shown.pad_right(max(0, width - shown.cell_length))
            rows.append(shown if background is None else shown.stylize_before(background))
        return rows

    def _strips(self, width: int, focused: bool) -> list[Strip]:
        """The row's lines as Textual draws Content, kept per state, width and style: drawn
        ahead (``draw_ahead``) they make a new question's first frame cheaper."""
        style = self.visual_style
        key = (self._state(focused), width, style)
        kept: dict[Hashable, list[Strip]] = self.__dict__.setdefault("_kept_strips", {})
        strips = kept.get(key)
        if strips is None:
            if len(kept) >= MAX_LOOKS:
                kept.clear()
            lines = self._content_lines(width, focused)  # no offsets: rows are not selected
            strips = kept[key] = [content_strip(line, style, width) for line in lines]
        return strips

    def draw_ahead(self, width: int) -> None:
        """Draw the row's lines at this width as they will be shown (with the keys in its
        list), before it is shown: a round does it for the next question's rows while the
        feedback is read."""
        if self._drawn_as_content() and width > 0:
            height = len(self._strips(width, focused=True))
            draw = partial(self._plain_lines, width, True)
            self.keep_ahead(self._state(True), Size(width, height), draw)

    def _plain_lines(
        self,
        width: int,
        focused: bool,
        crop: Region,
        background: Color,
        filters: Sequence[LineFilter],
    ) -> list[Strip] | None:
        strips = self._strips(width, focused)
        return plain_lines(self, strips, width, crop, background, filters)

    def fresh_lines(
        self, crop: Region, background: Color, filters: Sequence[LineFilter]
    ) -> list[Strip] | None:
        """A row drawn as Content: its lines as kept (_strips), as Textual draws them."""
        width = self.size.width
        if not self._drawn_as_content() or not width:
            return None
        return self._plain_lines(width, self._focused(), crop, background, filters)

    def render_line(self, y: int) -> Strip:
        """A line of the row: of its kept Content lines, or of its Rich grid (match)."""
        width = self.size.width
        if not self._drawn_as_content() or not width:
            return super().render_line(y)
        strips = self._strips(width, self._focused())
        if y < len(strips):
            return strips[y]
        return Strip.blank(width, self.visual_style.rich_style)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The lines the row takes at this width: for a row drawn as Content, counted from
        its text's wrap alone, and kept (Textual measured it by drawing it, as a Rich grid
        while the row had no size yet, twice as a question came up)."""
        if not self._drawn_as_content():
            return super().get_content_height(container, viewport, width)
        used = self._key_width + (self._mark_width if self._mark else 0)
        room = max(1, width - 2 - used)
        measured = self.__dict__.get("_measured")
        if measured is None or measured[0] != (self._text, room):
            lines = len(Content(self._text).wrap(room)) or 1
            measured = self.__dict__["_measured"] = ((self._text, room), lines)
        return int(measured[1])

    def render(self) -> RenderableType | Content:
        """The row: key, mark, text and extra in columns, the text wrapping in its own.

        A row with no extra and no text column of its own (choices, items to order) is
        Content, which Textual draws fastest; a row with them (match) is a Rich grid, so that
        the extra keeps its column.
        """
        width = self.content_region.width or self.size.width
        if self._drawn_as_content() and width:
            return Content("\n").join(self._content_lines(width, self._focused()))
        picked = self._style("answer-row--picked")
        key = Text(
            f"{'▸' if self._cursor else ' '}{self._key_label}"[: self._key_width],
            style=self._style("answer-row--key"),
        )
        key.pad_right(self._key_width - key.cell_len)
        mark: Text | None = None
        if self._mark:
            mark_style = picked if self._picked else self._style("answer-row--mark")
            mark = Text(self._mark_text[: self._mark_width], style=mark_style)
            mark.pad_right(self._mark_width - mark.cell_len)
        text_style = picked if self._picked else Style()
        if self._cursor:
            text_style = text_style + Style(bold=True)
        text = Text(self._text, style=text_style)
        background = Style()
        if self._cursor:
            name = "answer-row--cursor-focused" if self._focused() else "answer-row--cursor"
            background = Style(bgcolor=self._style(name, partial=False).bgcolor)
        used = self._key_width + (self._mark_width if mark is not None else 0)
        table = Table.grid(expand=True)
        table.add_column(width=self._key_width, no_wrap=True)
        cells: list[RenderableType] = [key]
        if mark is not None:
            table.add_column(width=self._mark_width, no_wrap=True)
            cells.append(mark)
        if self._text_width is not None:
            cap = max(1, int((width - 2) * 0.45)) if width else self._text_width
            table.add_column(width=max(1, min(self._text_width, cap, max(1, width - used - 3))))
        else:
            table.add_column(ratio=1)
        cells.append(text)
        if self._extra:
            table.add_column(ratio=1)
            extra = self._extra_text
            shown = Text(extra if isinstance(extra, str) else extra.plain)
            shown.style = self._style("answer-row--extra")
            cells.append(Padding(shown, (0, 0, 0, 1)))
        table.add_row(*cells)
        return Padding(table, (0, 1), style=background, expand=True)

    def on_click(self, event: events.Click) -> None:
        """Tell the answer widget which row was clicked."""
        event.stop()
        self.post_message(self.Clicked(self))


def shown_on_screen(widget: Widget) -> bool:
    """Whether the widget and every container around it are displayed (Textual lets a widget
    inside a hidden container take the keys when it is given them by name)."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


class KeyTarget(Widget, can_focus=True):
    """Where an answer widget's keys arrive: an empty widget, no row high.

    Textual restyles a widget that gains or loses the keys together with everything inside
    it. With the answer widget itself taking the keys, every row was restyled (each row
    with its six component styles) twice a question: as the question came up, and again as
    it was answered. The answer widget's keys still work, from its target inside it.
    """

    DEFAULT_CSS = """
    KeyTarget {
        height: 0;
        width: 0;
    }
    """

    def render_lines(self, crop: Region) -> list[Strip]:
        """Nothing to draw (Textual would still set up a drawing of its styles for no line)."""
        return [Strip.blank(crop.width)] * crop.height

    def allow_focus(self) -> bool:
        """Only while its answer widget is shown: the next question's, built hidden during the
        feedback, must not take the keys (Textual's auto focus would give them to it)."""
        return super().allow_focus() and shown_on_screen(self)

    def watch_has_focus(self, _has_focus: bool) -> None:
        """Nothing to restyle: no style of the game's depends on the target's focus (its
        answer widget's rows ask for it when they draw). Textual restyles a widget as it
        gains or loses the keys; for this one that was half a millisecond of each Enter."""


class Caption(Static):
    """An answer widget's caption ("Pick one: press its number, then Enter."). Each question
    brings a new answer widget, and with it a new caption, most often with a text drawn for
    questions before: the lines drawn for a text, size and look are kept for every caption."""

    _kept: ClassVar[dict[Hashable, list[Strip]]] = {}
    _heights: ClassVar[dict[Hashable, int]] = {}

    def __init__(self, text: str, *, classes: str = "") -> None:
        super().__init__(Content(text), classes=f"answer-caption {classes}".strip())
        self._text = text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The height of this text at this width, as the first caption that showed it found
        it (a new caption would wrap its text again, as a question comes up)."""
        styles = self.styles
        key = (self._text, self.classes, width, styles.text_wrap, styles.text_overflow)
        heights = Caption._heights
        height = heights.get(key)
        if height is None:
            if len(heights) >= 4 * MAX_LOOKS:
                heights.clear()
            height = heights[key] = super().get_content_height(container, viewport, width)
        return height

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines of this text and look, drawn by the first caption that showed them."""
        if self.text_selection is not None:  # drawn with the selection, as Textual does
            return super().render_lines(crop)
        key = (
            self._text,
            self.classes,
            self.size,
            crop,
            self.visual_style,
            self.background_colors,
            tuple(map(id, self.get_line_filters())),
        )
        kept = Caption._kept
        lines = kept.get(key)
        if lines is None:
            if len(kept) >= 4 * MAX_LOOKS:  # a few captions, in a few looks
                kept.clear()
            lines = kept[key] = super().render_lines(crop)
        return lines


class AnswerWidget(Stack):
    """Base of the answer widgets: gathers a response and posts Submitted on Enter. Its keys
    arrive through ``key_target`` (see KeyTarget); ``focus()`` gives them to it."""

    KEY_TARGET = True  # a KeyTarget is the first child (not for a typed answer's input line)

    BLANK = True  # drawn as its background; its rows draw themselves (game.ui.widgets.blank)

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

    def __init__(self) -> None:
        super().__init__(*((KeyTarget(),) if self.KEY_TARGET else ()))

    @property
    def key_target(self) -> Widget:
        """The widget inside this one that takes its keys."""
        return self.query_one(KeyTarget)

    def focus(self, scroll_visible: bool = True) -> Self:
        """Give the keys to this answer widget (to its key target)."""
        self.key_target.focus(scroll_visible=scroll_visible)
        return self

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

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The cursor row takes the focused highlight."""
        self._refresh_cursor_rows()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """The cursor row gives up the focused highlight."""
        self._refresh_cursor_rows()

    def draw_ahead(self, *row_widths: int) -> None:
        """Before the widget is shown: look up its rows' styles (see AnswerRow.look_up_styles)
        and draw the rows at each of the widths they may have (AnswerRow.draw_ahead)."""
        for row in self.query(AnswerRow):
            row.look_up_styles()
            for width in row_widths:
                row.draw_ahead(width)

    def _refresh_cursor_rows(self) -> None:
        for row in self.query_children(AnswerRow):
            if row.on_cursor:
                row.refresh()

    def scroll_row_into_view(self, row: AnswerRow) -> None:
        """Keep the cursor row visible when the answers do not fit (a row already in full
        view asks nothing of the containers: most cursor moves)."""
        try:
            where = self.screen.find_widget(row)
        except (NoWidget, NoScreen):
            where = None
        if where is not None and where.region and where.clip.contains_region(where.region):
            return
        row.scroll_visible(animate=False)
