"""Widgets that keep the lines they drew, for each look they have had, or draw them ahead.

Textual draws a widget again whenever it is refreshed, even into a look it had a moment ago.
A cursor moving up and down puts the same rows back in the same few states: each look is
drawn once and kept.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

MAX_LOOKS = 16  # a widget has a few looks at a time: never let them pile up

# A mixin, not a Widget subclass: Textual takes a widget's CSS and component classes from the
# first Widget among its bases only (a Static's would be lost behind a Widget base here).
if TYPE_CHECKING:
    _Base = Widget
else:
    _Base = object


class KeptLines(_Base):
    """Mixed into a widget (before its Widget base), keeps its drawn lines per look; ``look``
    says what its lines show."""

    def look(self) -> Hashable:
        """Everything of the widget's own that its lines are drawn from (its state, texts)."""
        raise NotImplementedError

    def forget_lines(self) -> None:
        """Forget every look kept (the styles or the theme changed)."""
        self.__dict__["_kept_lines"] = {}

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.forget_lines()

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines of this look, drawn the first time it is asked for. Beside the widget's
        look, the key holds what Textual draws them from: its size, the part asked for, the
        background behind it and the app's line filters."""
        key = (
            self.look(),
            self.size,
            crop,
            self.background_colors,
            tuple(map(id, self.get_line_filters())),
        )
        kept: dict[object, list[Strip]] = self.__dict__.setdefault("_kept_lines", {})
        lines = kept.get(key)
        if lines is None:
            if len(kept) >= MAX_LOOKS:
                kept.clear()
            lines = kept[key] = super().render_lines(crop)
        return lines


def content_strip(line: Content, style: Style, width: int, y: int | None = None) -> Strip:
    """A line of Content drawn as Textual draws it in a widget of this (visual) style, padded
    to width. Given its line number y, each piece carries its offset in the widget's text,
    which Textual reads to select text with the mouse."""
    if y is None:
        segments = line.render_segments(style)
    else:
        segments, x = [], 0
        for text, text_style in line.render(style, end=""):
            segments.append(Segment(text, (style + text_style).rich_style_with_offset(x, y)))
            x += len(text)
    pad = (style + Style(reverse=False)).rich_style  # as Textual pads a line
    return Strip(segments, line.cell_length).extend_cell_length(width, pad)
