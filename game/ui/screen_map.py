"""Textual's map of a screen's widgets (where each one is), kept up to date at the times it
would otherwise be rebuilt in the middle of a frame.

Textual arranges every widget of a screen to draw a frame after a layout change, and keeps
the result as its map. It marks that map stale when a widget that was not on screen in the
last frame asks to be repainted (a widget just shown, or removed, or built hidden), and then
arranges the whole screen again the first time a widget asks where it is. Two such times
cost the round a whole arrangement (about a millisecond) inside the frame that shows the
next question:

- the layout of that frame builds a complete map but leaves it marked stale, so the widgets
  resized by it rebuild it at once (``KeptMap``);
- the map went stale while the feedback was read, and the next question's first change asks
  for it (``settle_map``, called while the player reads).

These reach into Textual's compositor, which has no public API for either: the tests in
tests/ui/test_round_frames.py count the arrangements before the next question's first frame,
and check the map after a layout, so a change in Textual shows there.
"""

from __future__ import annotations

from typing import Any

from textual._compositor import Compositor, ReflowResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget


class KeptMap(Compositor):
    """A compositor whose layout leaves its map up to date."""

    def reflow(self, parent: Widget, size: Size) -> ReflowResult:
        result = super().reflow(parent, size)
        self._full_map_invalidated = False  # the map just built has every widget in place
        return result


def keep_map(screen: Screen[Any]) -> None:
    """Give a new screen (before it is mounted) a compositor that keeps its map."""
    screen._compositor = KeptMap()


def settle_map(screen: Screen[Any]) -> None:
    """Bring the screen's map up to date now if it is stale (at no cost if it is not)."""
    _ = screen._compositor.full_map
