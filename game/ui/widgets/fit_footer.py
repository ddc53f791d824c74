"""A footer whose keys always fit the window: never a label cut in the middle of a word.

Textual's Footer lays its keys out in one line and cuts whatever passes the right edge
("… s Skip ^q Q" at 60 columns). This one measures first and, while the keys do not fit,
steps down: compact spacing, then no "^p palette" (ctrl+p still works), then the short form
of long labels ("Leave round" → "Leave"), then keys dropped from the right end, which is
where the most general keys are (the game's ^q Quit comes last). A key left out of the
footer still works.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.dom import NoScreen
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from game.ui.widgets.kept_lines import MAX_LOOKS, KeptLines

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
    """Columns the keys take: (key shown, label) pairs, as FooterKey pads them."""
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


# What a key widget shows: the key, and the plan's spacing and label length.
KeyLook = tuple[FooterItem, bool, bool]


# The keys a screen has now: those for the footer's line, and the command palette's (or None).
Found = tuple[list[FooterItem], FooterItem | None]


def _look(item: FooterItem, plan: FooterPlan) -> KeyLook:
    return (item, plan.compact, plan.short)


class FitKey(KeptLines, FooterKey):
    """A footer key that keeps what it drew, and its width, for each look it has had: the
    keys of a question and of its feedback come back question after question. Textual forgets
    a widget's component styles whenever it is redrawn, so each key of a new question's
    footer looked its styles up again, twice (once to measure it): 0.6 ms a key, about
    3 ms of each Enter in a round."""

    _drawn: tuple[Hashable, Content] | None = None

    def look(self) -> Hashable:
        """What the key shows (see KeptLines)."""
        return (self.key_display, self.description, self.compact, self._disabled)

    # FooterKey says it renders Text; any widget may render Content (Textual turns the Text
    # into Content itself, each time)
    def render(self) -> Content:  # type: ignore[override]
        look = self.look()
        if self._drawn is None or self._drawn[0] != look:
            # what Textual makes of the key's own Text, made once
            drawn = Content.from_rich_text(super().render(), console=self.app.console)
            self._drawn = (look, drawn)
        return self._drawn[1]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The key's width, measured once per look and room."""
        widths: dict[Hashable, int] = self.__dict__.setdefault("_widths", {})
        key = (self.look(), container.width)
        if key not in widths:
            if len(widths) >= MAX_LOOKS:
                widths.clear()
            widths[key] = super().get_content_width(container, viewport)
        return widths[key]

    def forget_lines(self) -> None:
        """Its styles changed (a theme, the pointer over it, disabled): draw and measure it
        afresh."""
        super().forget_lines()
        self._drawn = None
        self.__dict__["_widths"] = {}


class FitFooter(Footer):
    """Footer that fits its keys to the window's width (see the module's docstring)."""

    BLANK = True  # its keys draw themselves; it is their background (game.ui.widgets.blank)

    def __init__(self, *, show_command_palette: bool = True, compact: bool = False) -> None:
        super().__init__(show_command_palette=show_command_palette, compact=compact)
        self._wide_compact = compact
        self._planned_width = 0
        self._shown: tuple[object, ...] = ()
        # what each key widget shows now (the palette key is not in it)
        self._filled: weakref.WeakKeyDictionary[FooterKey, KeyLook] = weakref.WeakKeyDictionary()
        # one laying-out at a time: a second, begun while the first waited for a key to mount,
        # moved or refilled keys the first was placing, or keys a recompose had taken away
        self._laying_out = asyncio.Lock()

    def _width(self) -> int:
        return self.size.width or self.screen.size.width or self.app.size.width

    def _items(self) -> tuple[list[FooterItem], FooterItem | None]:
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

    def _plan(
        self, found: Found | None = None
    ) -> tuple[FooterPlan, list[FooterItem], FooterItem | None]:
        """What the footer shows now, of the keys found (found now when not given)."""
        items, palette = found or self._items()
        width = self._width()
        self._planned_width = width
        labels = [(item.key_display, item.binding.description) for item in items]
        palette_label = (
            None if palette is None else (palette.key_display, palette.binding.description)
        )
        plan = plan_footer(labels, palette_label, width, compact=self._wide_compact)
        return plan, items[: plan.count], palette if plan.palette else None

    def _set_compact(self, compact: bool) -> None:
        if self.compact != compact:
            self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact")

    def _fill_key(self, key: FooterKey, item: FooterItem, plan: FooterPlan) -> None:
        """Show an item in a key widget (new or kept from an earlier set of keys)."""
        self._filled[key] = _look(item, plan)
        label = item.binding.description
        key.key = item.binding.key
        key.key_display = item.key_display
        key.description = short_label(label) if plan.short else label
        key.action = item.binding.action
        key._disabled = not item.enabled
        key.set_class(not item.enabled, "-disabled")
        key.tooltip = item.tooltip or (label if plan.short else "") or None
        # set, not data-bound: this may run inside the screen's batch (refresh_now)
        key.set_reactive(FooterKey.compact, plan.compact)
        key.set_class(plan.compact, "-compact")

    def compose(self) -> ComposeResult:
        """The keys that fit, with the labels that fit."""
        if not self._bindings_ready:
            return
        plan, items, palette = self._plan()
        self._set_compact(plan.compact)
        for item in items:
            key = FitKey(item.binding.key, item.key_display, "", item.binding.action)
            self._fill_key(key, item, plan)
            yield key
        if palette is not None:
            yield FitKey(
                palette.binding.key,
                palette.key_display,
                palette.binding.description,
                palette.binding.action,
                classes="-command-palette",
                disabled=not palette.enabled,
                tooltip=palette.binding.tooltip or palette.binding.description,
            )

    async def _show_keys(self, found: Found) -> None:
        """Show the keys of the screen now in the key widgets there are: a key widget that
        already shows a wanted key keeps it and is only moved into place; the others are
        filled afresh, hidden when left over, and more are mounted when needed. A new
        question's keys so restyle and mount nothing, and redraw only the keys that are new
        (recomposing mounted and styled every key, a fifth of the time to the next question;
        refilling each key in turn redrew them all, as the keys of a question and of its
        feedback share "esc Leave round" and "^q Quit" at other places). The palette key and
        the plan's spacing rebuild the footer when they change (a resize, not a question)."""
        plan, items, palette = self._plan(found)
        keys: list[FooterKey] = []
        palette_keys: list[FooterKey] = []
        for key in self.query_children(FooterKey):
            (palette_keys if key.has_class("-command-palette") else keys).append(key)
        if self.compact != plan.compact or bool(palette_keys) != (palette is not None):
            await self.recompose()
            return
        wanted = [_look(item, plan) for item in items]
        kept: list[tuple[KeyLook, FooterKey]] = []
        free: list[FooterKey] = []
        for key in keys:
            look = self._filled.get(key)
            if look is not None and look in wanted:
                kept.append((look, key))
            else:
                free.append(key)
        placed: list[FooterKey] = []
        for item in items:
            look = _look(item, plan)
            same = next((pair for pair in kept if pair[0] == look), None)
            if same is not None:
                kept.remove(same)
                key = same[1]
            elif free:
                key = free.pop(0)
                self._fill_key(key, item, plan)
                key.refresh(layout=True)
            else:
                key = FitKey(item.binding.key, item.key_display, "", item.binding.action)
                self._fill_key(key, item, plan)
                if not self.is_attached:
                    return  # the App is ending: Textual refuses any mount then
                await self.mount(key)
            key.display = True
            placed.append(key)
        if any(key.parent is not self for key in placed):
            return  # being taken down (its screen has gone): Textual mounted none of the keys
        for key in free + [key for _look, key in kept]:
            key.display = False
        for index, key in enumerate(placed):  # in the screen's order, the hidden ones after
            if self.children[index] is not key:
                self.move_child(key, before=index)
        for key in palette_keys:  # its state may have changed with the screen's
            assert palette is not None
            key._disabled = not palette.enabled
            key.set_class(not palette.enabled, "-disabled")

    def _signature(self, found: Found) -> tuple[object, ...]:
        """What the footer would show now: its keys, their state, and the width."""
        items, palette = found
        shown = tuple(
            (i.binding.key, i.key_display, i.binding.description, i.enabled, i.tooltip)
            for i in items
        )
        return (shown, None if palette is None else palette.enabled, self._width())

    async def refresh_now(self) -> None:
        """Show the keys of the screen as it is now, at once (inside the caller's batch_update,
        so that the frame that shows a new question shows its keys, not the old ones)."""
        self._bindings_ready = True
        async with self._laying_out:
            if not self.is_attached:
                return  # its screen has gone (a late call after the screen was switched)
            try:
                found = self._items()  # the screen's keys, looked up once
                signature = self._signature(found)
            except NoScreen:
                return
            if signature != self._shown:
                first = not self._shown
                self._shown = signature
                if first:
                    await self.recompose()
                else:
                    await self._show_keys(found)

    def bindings_changed(self, screen: Screen) -> None:
        """Lay the keys out again, unless they are the ones already shown."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self.refresh_now)

    def on_resize(self, event: events.Resize) -> None:
        """Lay the keys out again for the new width."""
        if self._bindings_ready and event.size.width != self._planned_width:
            self.call_after_refresh(self.refresh_now)
