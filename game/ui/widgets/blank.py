"""Containers drawn as their background alone: Textual's ``Widget.BLANK``.

Textual draws every widget whose clip touches a changed region, containers included, each
through its style cache: moving the cursor of a choice redrew the round screen's nine
containers around the two rows that changed. A container with no border and nothing of its
own to draw can say so (``BLANK``), and is then painted as blank lines of its background
without that work. Only for containers whose look is their background: a border, a scrollbar
gutter drawn by the container itself, or text would be lost.
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical, VerticalScroll


class BlankVertical(Vertical):
    """A Vertical drawn as its background only."""

    BLANK = True


class BlankHorizontal(Horizontal):
    """A Horizontal drawn as its background only."""

    BLANK = True


class BlankVerticalScroll(VerticalScroll):
    """A VerticalScroll drawn as its background only (its scrollbars are widgets of their
    own, drawn as usual)."""

    BLANK = True
