"""Vertical containers as tall as their children, arranged once per layout.

Textual measures a container of ``height: auto`` by arranging its children at height 0, then
arranges them again at the height it measured, to place them. Nested, that doubles at each
level: the round's answer area holds the answer widget, which holds the rows, and bringing
the next question arranged each of them twice, half a millisecond of that Enter. When no
child's height depends on the container's (no ``fr`` or ``%`` height, below it or anywhere
inside an auto-height child, and no docked child), both arrangements are the same: a Stack
asks for the first whatever height it is given, and Textual's cache of arrangements gives it
back the second time.

A Stack reaches into Textual: it extends ``Widget._clear_arrangement_cache`` and reads its
children's count of changes (``_nodes._updates``), as Textual's own cache does (see Stack).
tests/ui/test_stacks.py holds its arrangements to Textual's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.css.scalar import Unit
from textual.geometry import Size
from textual.widget import Widget

if TYPE_CHECKING:
    from textual._arrange import DockArrangeResult
    from textual.css.styles import RenderStyles


# units that size a child from its container's height: fr, %, and h (a percentage of the
# height, as Textual reads "50%" in a height)
FROM_HEIGHT = frozenset({Unit.FRACTION, Unit.PERCENT, Unit.HEIGHT})


def sized_from_height(styles: RenderStyles) -> bool:
    """Whether a widget's size depends on its container's height."""
    heights = (styles.height, styles.min_height, styles.max_height)
    widths = (styles.width, styles.min_width, styles.max_width)
    return any(scalar is not None and scalar.unit in FROM_HEIGHT for scalar in heights) or any(
        scalar is not None and scalar.unit is Unit.HEIGHT for scalar in widths
    )


def children_height_free(container: Widget) -> bool:
    """Whether the container's children are arranged the same at any height it may have: none
    is docked or sized from its height, nor is anything inside a child as tall as its own
    children. (Textual's own test of this, ``_has_relative_children_height``, misses "%".)"""
    for child in container.displayed_children:
        styles = child.styles
        if styles.is_docked or sized_from_height(styles):
            return False
        if child.is_container and styles.is_auto_height and not children_height_free(child):
            return False
    return True


def height_free(container: Widget) -> bool:
    """Whether the container is as tall as its children and their arrangement is the same at
    any height."""
    return container.styles.is_auto_height and children_height_free(container)


MAX_KEPT = 4  # arrangements a Stack keeps (as Textual keeps four): a few widths at a time


class Stack(Vertical):
    """A Vertical arranged once per layout when its height is its children's (see above);
    otherwise exactly a Vertical.

    It also keeps its arrangements across being hidden and shown. Textual keys the ones it
    keeps on a count of changes to the container's children, which hiding or showing the
    container itself also moves: the round's answer area, hidden while the feedback is read,
    arranged the next question's answer widget again at the Enter that showed it. A Stack
    keys them on that count less what its own hiding and showing added, and forgets them
    whenever Textual forgets its own (a child, or anything inside one, asked for a layout):
    one made ahead (``arrange_ahead``) is still there when it is shown."""

    _kept: dict[tuple[Size, bool, int], DockArrangeResult] | None = None
    _own_changes = 0  # of the children's count of changes, made by showing or hiding it

    @property
    def display(self) -> bool:
        return Vertical.display.fget(self)  # type: ignore[attr-defined]

    @display.setter
    def display(self, new_val: bool | str) -> None:
        before = self._nodes._updates
        Vertical.display.fset(self, new_val)  # type: ignore[attr-defined]
        self._own_changes += self._nodes._updates - before

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        if size.height and height_free(self):
            size = Size(size.width, 0)
        if self._kept is None:
            self._kept = {}
        key = (size, optimal, self._nodes._updates - self._own_changes)
        arrangement = self._kept.get(key)
        if arrangement is None:
            if len(self._kept) >= MAX_KEPT:
                self._kept.clear()
            arrangement = self._kept[key] = super().arrange(size, optimal)
        return arrangement

    def _clear_arrangement_cache(self) -> None:
        super()._clear_arrangement_cache()
        if self._kept:
            self._kept.clear()

    def arrange_ahead(self, *widths: int) -> None:
        """Arrange the children at each width the Stack may be given, before it is shown
        (hidden, say): the layout that shows it then finds the arrangement made."""
        if height_free(self):
            for width in widths:
                if width > 0:
                    self.arrange(Size(width, 0))


class BlankStack(Stack):
    """A Stack drawn as its background only (see game.ui.widgets.blank)."""

    BLANK = True
