"""A footer whose keys always fit the window: never a label cut in the middle of a word.

Textual's Footer lays its keys out in one line and cuts whatever passes the right edge
("… s Skip ^q Q" at 60 columns). This one measures first and, while the keys do not fit,
steps down: compact spacing, then no "^p palette" (ctrl+p still works), then the short form
of long labels ("Leave round" → "Leave"), then keys dropped from the right end, which is
where the most general keys are (the game's ^q Quit comes last). A key left out of the
footer still works.

It is one widget drawing one line, in the cells and colours of Textual's footer keys. Textual's
Footer is a widget per key: every new set of keys (each question, each feedback) mounted or
moved and laid out the key widgets again, about a third of the time from Enter to the
next question's frame. This line only redraws itself: it never changes size, so new keys need
no layout at all.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.dom import NoScreen
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from game.ui.widgets.kept_lines import KeptLines

# Long labels and the short form used when the footer is tight.
SHORT_LABELS = {
    "Leave round": "Leave",
    "Hint (½ pts)": "Hint",
    "Previous quote": "Prev",
    "Next quote": "Next",
    "Article at quote": "Article",
    "Write questions": "Write",
    "Switch player": "Player",
    "Add question": "Add",
    "Delete question": "Delete",
    "Show missed": "Missed",
}


@dataclass(frozen=True)
class FooterItem:
    """One key as the footer shows it."""

    binding: Binding
    key_display: str
    enabled: bool
    tooltip: str


def short_label(description: str) -> str:
    """The short form of a key's label (itself when it has none)."""
    return SHORT_LABELS.get(description, description)


def keys_width(items: Iterable[tuple[str, str]], *, compact: bool) -> int:
    """Columns the keys take: (key shown, label) pairs, spaced as Textual's footer keys are."""
    width = 0
    for key, label in items:
        if compact:  # "key label" and a one-column margin after it
            width += cell_len(key) + (1 + cell_len(label) if label else 0) + 1
        else:  # " key label "
            width += cell_len(key) + 2 + (cell_len(label) + 1 if label else 0)
    return width


def palette_width(key: str, label: str, *, compact: bool) -> int:
    """Columns of the ^p key docked at the right (its border and padding included)."""
    return keys_width([(key, label)], compact=compact) + 2


@dataclass(frozen=True)
class FooterPlan:
    """What the footer shows at one width."""

    compact: bool
    palette: bool
    short: bool
    count: int  # how many of the keys, from the left


def plan_footer(
    labels: list[tuple[str, str]],
    palette: tuple[str, str] | None,
    width: int,
    *,
    compact: bool,
) -> FooterPlan:
    """The fullest footer that fits in width columns (see the module's docstring)."""

    def fits(plan: FooterPlan) -> bool:
        shown = labels[: plan.count]
        if plan.short:
            shown = [(key, short_label(label)) for key, label in shown]
        used = keys_width(shown, compact=plan.compact)
        if plan.palette and palette is not None:
            used += palette_width(*palette, compact=plan.compact)
        return used <= width

    every = len(labels)
    steps = [FooterPlan(compact, True, False, every), FooterPlan(True, True, False, every)]
    steps += [FooterPlan(True, False, False, every), FooterPlan(True, False, True, every)]
    for plan in steps:
        if fits(plan):
            return plan
    count = every
    while count > 1 and not fits(FooterPlan(True, False, True, count)):
        count -= 1
    return FooterPlan(True, False, True, count)


# The keys a screen has now: those for the footer's line, and the command palette's (or None).
Found = tuple[list[FooterItem], FooterItem | None]

VKEY = "▏"  # the left border of the palette key, as Textual draws a "vkey" border


@dataclass(frozen=True)
class Placed:
    """One key as drawn: its first column and width on the line, and what it shows."""

    item: FooterItem
    x: int
    width: int
    label: str  # as shown: the short form when the footer is tight

    @property
    def text(self) -> str:
        """The key and its label as a player reads them ("s Skip")."""
        return f"{self.item.key_display} {self.label}".strip()


class FitFooter(KeptLines, Widget, can_focus=False):
    """The screen's keys on one line, fitted to the window's width (see the module's
    docstring). A click on a key presses it; the pointer over a key lights it up, and shows
    the long form of a shortened label. It keeps the line drawn for each set of keys (see
    KeptLines): a question's keys and its feedback's come back question after question."""

    ALLOW_SELECT = False
    # The colours are those of Textual's footer and its keys (textual.widgets._footer): the
    # line is the footer's background, each key is drawn on the key's background, its key and
    # label parts on theirs.
    COMPONENT_CLASSES = {
        "fit-footer--item",
        "fit-footer--hover",
        "fit-footer--key",
        "fit-footer--description",
        "fit-footer--disabled",
        "fit-footer--border",
    }
    DEFAULT_CSS = """
    FitFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        & > .fit-footer--item {
            background: $footer-item-background;
        }
        & > .fit-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .fit-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .fit-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .fit-footer--disabled {
            text-style: dim;
        }
        & > .fit-footer--border {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, show_command_palette: bool = True, compact: bool = False) -> None:
        super().__init__()
        self.show_command_palette = show_command_palette
        self._wide_compact = compact  # spacing when the keys fit (tighter when they do not)
        self._found: Found = ([], None)
        self._stale = True  # the screen's keys may have changed since they were read
        self._shown: tuple[object, ...] | None = None  # the signature of the keys found
        self._hover: int | None = None  # the placed key under the pointer, by its index
        self._colours: dict[str, tuple[Color, Color | None, RichStyle]] = {}

    # -- what the footer shows -------------------------------------------------------------

    def _items(self) -> Found:
        """The screen's keys for the footer, in its order, and the command palette's."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        items: list[FooterItem] = []
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            items.append(FooterItem(binding, self.app.get_key_display(binding), enabled, tooltip))
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            entry = active.get(self.app.COMMAND_PALETTE_BINDING)
            if entry is not None:
                _node, binding, enabled, tooltip = entry
                shown = self.app.get_key_display(binding)
                palette = FooterItem(binding, shown, enabled, tooltip)
        return items, palette

    def _width(self) -> int:
        return self.size.width or self.screen.size.width or self.app.size.width

    def plan(self) -> tuple[FooterPlan, list[Placed], Placed | None]:
        """The keys as placed on the line now: those that fit, and the palette's (or None)."""
        items, palette = self._current()
        width = self._width()
        labels = [(item.key_display, item.binding.description) for item in items]
        palette_label = (
            None if palette is None else (palette.key_display, palette.binding.description)
        )
        plan = plan_footer(labels, palette_label, width, compact=self._wide_compact)
        placed: list[Placed] = []
        x = 0
        for item in items[: plan.count]:
            label = item.binding.description
            label = short_label(label) if plan.short else label
            used = keys_width([(item.key_display, label)], compact=plan.compact)
            drawn = used - 1 if plan.compact else used  # the margin after it is the footer's
            placed.append(Placed(item, x, drawn, label))
            x += used
        right = None
        if palette is not None and plan.palette:
            # docked at the right end, drawn as Textual draws it: its border, then the key and
            # label spaced compactly (Textual never gives this key the footer's spacing), then
            # a column (its padding, or in a compact footer its margin)
            label = palette.binding.description
            # the border, then key and label: the columns of a compact key with its margin
            drawn = keys_width([(palette.key_display, label)], compact=True)
            right = Placed(palette, max(width - drawn - 1, x), drawn, label)
        return plan, placed, right

    def shown_keys(self) -> list[str]:
        """The keys on the line, left to right, as a player reads them ("s Skip")."""
        return [key.text for key in self._keys()]

    def _signature(self, found: Found) -> tuple[object, ...]:
        items, palette = found
        shown = tuple(
            (i.binding.key, i.key_display, i.binding.description, i.enabled, i.tooltip)
            for i in items
        )
        return (shown, None if palette is None else (palette.key_display, palette.enabled))

    def refresh_now(self) -> None:
        """Show the keys of the screen as it is now (inside the caller's batch_update, the
        frame that shows a new question shows its keys, not the old ones). The keys are read
        when the line is next drawn: the screen may say its keys changed several times before
        that (focus, then a state), and reading them costs more than drawing the line."""
        self._stale = True
        self.refresh()

    def _current(self) -> Found:
        """The screen's keys, read again if they may have changed since last read."""
        if self._stale and self.is_attached:
            self._stale = False
            try:
                found = self._items()
            except NoScreen:  # its screen has gone (a late call after the screen was switched)
                return self._found
            signature = self._signature(found)
            if signature != self._shown:
                self._shown = signature
                self._found = found
                if self._hover is not None:  # new keys under a pointer that has not moved
                    self._hover = None
                    self.tooltip = None
        return self._found

    def bindings_changed(self, screen: Screen) -> None:
        """The screen's keys changed (focus moved, a state changed): show them."""
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.refresh_now()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.call_after_refresh(self.refresh_now)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    # -- drawing ---------------------------------------------------------------------------

    def look(self) -> Hashable:
        """What the line shows: the screen's keys (read again if they may have changed) and
        the key under the pointer (see KeptLines)."""
        self._current()
        return (self._shown, self._hover)

    def notify_style_update(self) -> None:
        """The styles changed (a theme): look the colours up again."""
        super().notify_style_update()
        self._colours.clear()

    def _layer(self, name: str) -> tuple[Color, Color | None, RichStyle]:
        """A component's background and colour (None when it sets none), and its text style."""
        if name not in self._colours:
            styles = self.get_component_styles(name)
            background = styles.background if styles.has_rule("background") else Color(0, 0, 0, 0)
            colour = styles.color if styles.has_rule("color") else None
            self._colours[name] = (background, colour, styles.text_style)
        return self._colours[name]

    def _style(self, background: Color, colour: Color, text: RichStyle) -> RichStyle:
        return RichStyle.from_color((background + colour).rich_color, background.rich_color) + text

    def _key_segments(
        self, item: FooterItem, label: str, *, compact: bool, hovered: bool, padding: int = 0
    ) -> list[Segment]:
        """One key as Textual's FooterKey draws it: the key (bold), then its label, then
        padding columns on the key's background."""
        under, colour = self.background_colors[1], self.styles.color
        name = "fit-footer--hover" if hovered else "fit-footer--item"
        item_bg, item_fg, text = self._layer(name)
        background = under + item_bg
        colour = item_fg or colour
        if not item.enabled:
            text = text + self._layer("fit-footer--disabled")[2]
        key_bg, key_fg, key_text = self._layer("fit-footer--key")
        label_bg, label_fg, label_text = self._layer("fit-footer--description")
        key_style = self._style(background + key_bg, key_fg or colour, text + key_text)
        label_style = self._style(background + label_bg, label_fg or colour, text + label_text)
        if compact:
            parts = [(item.key_display, key_style)]
            if label:
                parts.append((" " + label, label_style))
        else:
            parts = [(f" {item.key_display} ", key_style)]
            if label:
                parts.append((label + " ", label_style))
        if padding:
            parts.append((" " * padding, self._style(background, colour, text)))
        return [Segment(chars, style) for chars, style in parts]

    def render_line(self, y: int) -> Strip:
        """The footer's line: its keys from the left, the palette's at the right end."""
        width = self.size.width
        plan, placed, palette = self.plan()
        under = self.background_colors[1]
        blank = self._style(under, self.styles.color, RichStyle())
        segments: list[Segment] = []
        x = 0
        for index, key in enumerate(placed):
            hovered = index == self._hover
            segments += self._key_segments(
                key.item, key.label, compact=plan.compact, hovered=hovered
            )
            x = key.x + key.width
            if plan.compact:
                segments.append(Segment(" ", blank))
                x += 1
        if palette is not None:
            if palette.x > x:
                segments.append(Segment(" " * (palette.x - x), blank))
            border_bg = under + self._layer("fit-footer--item")[0]
            border_fg = self._layer("fit-footer--border")[1] or self.styles.color
            segments.append(Segment(VKEY, self._style(border_bg, border_fg, RichStyle())))
            # its key and label always spaced compactly; a column after them: its padding, or
            # in a compact footer its margin (the footer's own background)
            segments += self._key_segments(
                palette.item,
                palette.label,
                compact=True,
                hovered=self._hover == len(placed),
                padding=0 if plan.compact else 1,
            )
        return Strip(segments).crop_extend(0, width, blank)

    # -- the pointer -----------------------------------------------------------------------

    def _key_at(self, x: int) -> int | None:
        """The index of the placed key at column x (the palette's is one past the others)."""
        for index, key in enumerate(self._keys()):
            if key.x <= x < key.x + key.width:
                return index
        return None

    def _keys(self) -> list[Placed]:
        """The keys on the line, left to right (the palette's last)."""
        _plan, placed, palette = self.plan()
        return placed + ([palette] if palette else [])

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Light up the key under the pointer; show a shortened label's long form."""
        index = self._key_at(event.x)
        if index != self._hover:
            self._hover = index
            key = None if index is None else self._keys()[index]
            if key is None:
                self.tooltip = None
            else:
                long = key.item.binding.description
                self.tooltip = key.item.tooltip or (long if key.label != long else "") or None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Press the key clicked; a key that does nothing now rings the bell."""
        index = self._key_at(event.x)
        if index is None:
            return
        key = self._keys()[index]
        if key.item.enabled:
            self.app.simulate_key(key.item.binding.key)
        else:
            self.app.bell()

    def on_resize(self, event: events.Resize) -> None:
        self._hover = None
