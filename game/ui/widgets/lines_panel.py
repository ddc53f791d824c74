"""Panels that draw their blocks of text themselves, line by line: the feedback after an
answer, why it is right, and the question's prompt. Each keeps the lines it drew, and can
draw them ahead, before it is shown."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style as TextualStyle
from textual.widget import Widget

from game.ui.widgets.kept_lines import content_strip, plain_lines


@dataclass(frozen=True)
class Block:
    """A block of a panel: its text, the columns kept free left and right of it, a blank
    line before it, a style across its whole lines, and a quote's bar at its left."""

    text: Content
    left: int = 0
    right: int = 0
    gap: bool = False
    fill: TextualStyle | None = None
    bar: TextualStyle | None = None
    hang: int = 0  # columns its second and later lines sit further in


def block_lines(blocks: list[Block], width: int) -> list[Content]:
    """Blocks of text as the lines they take at this width (a panel's content width)."""
    lines: list[Content] = []
    for block in blocks:
        if block.gap:
            lines.append(Content(""))
        wrapped = wrap_text(block.text, width - block.left - block.right - block.hang)
        for number, line in enumerate(wrapped):
            if block.bar is not None:  # the bar, then a column of padding
                shown = Content.assemble(("▌", block.bar), " ", line)
            else:
                shown = Content.assemble(" " * (block.left + (block.hang if number else 0)), line)
            if block.fill is not None:  # the fill goes across the whole line
                shown = shown.pad_right(max(0, width - shown.cell_length))
                shown = shown.stylize_before(block.fill)
            lines.append(shown)
    return lines


def wrap_text(text: Content, width: int) -> list[Content]:
    """The text's lines at this width, as a Static would wrap them."""
    return [line.rstrip() for line in text.wrap(max(width, 1))] or [Content("")]


MAX_WIDTHS = 8  # widths a panel keeps its lines for, until its text changes


class LinesPanel(Widget):
    """A panel that draws its blocks of text itself, line by line, and keeps the lines it
    drew per width (and style) until its text changes. Each line is drawn as Textual draws
    Content, with the offsets that let the player select and copy its text; with its padding,
    as Textual draws the panel (see plain_lines), kept too: drawn ahead, the frame that shows
    the panel only hands them over."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._drawn_lines: dict[int, list[Content]] = {}  # lines per width
        # drawn lines per (width, style): drawn ahead at the widths the panel may have
        self._drawn_strips: dict[Hashable, list[Strip]] = {}
        # whole lines, padding and line filters included, per width, style and background
        self._drawn_whole: dict[Hashable, list[Strip]] = {}

    def _blocks(self) -> list[Block]:
        raise NotImplementedError

    def _forget(self) -> None:
        self._drawn_lines = {}
        self._drawn_strips = {}
        self._drawn_whole = {}

    def _changed(self) -> None:
        """Its text changed: forget what was drawn, and lay it out again."""
        self._forget()
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[Content]:
        """The panel's lines at this width (its content width)."""
        lines = self._drawn_lines.get(width)
        if lines is None:
            if len(self._drawn_lines) >= MAX_WIDTHS:  # a window resized again and again
                self._forget()
            lines = self._drawn_lines[width] = block_lines(self._blocks(), width)
        return lines

    def _line_strips(self, width: int) -> list[Strip]:
        """The panel's lines drawn at this width, as Textual draws Content (each segment
        carrying its offset in the text, which a selection with the mouse reads)."""
        style = self.visual_style
        key = (width, style)
        strips = self._drawn_strips.get(key)
        if strips is None:
            lines = self._lines(width)
            strips = [content_strip(line, style, width, y) for y, line in enumerate(lines)]
            self._drawn_strips[key] = strips
        return strips

    def _whole_lines(self, width: int) -> list[Strip] | None:
        """Every line of the panel as Textual draws it at this content width: its padding
        around the lines, through the app's line filters. None: its styles add more than
        padding, and Textual draws it."""
        background, filters = self.background_colors[1], self.get_line_filters()
        key = (width, self.visual_style, background, tuple(map(id, filters)))
        whole = self._drawn_whole.get(key)
        if whole is None:
            strips = self._line_strips(width)
            top, right, bottom, left = self.styles.padding
            height = top + len(strips) + bottom
            region = Region(0, 0, left + width + right, height)
            drawn = plain_lines(self, strips, width, region, background, filters, height)
            if drawn is None:
                return None
            whole = self._drawn_whole[key] = drawn
        return whole

    def draw_ahead(self, width: int) -> None:
        """Draw the lines at this width (its content width) before they are shown."""
        if width > 0:
            self._whole_lines(width)

    def notify_style_update(self) -> None:
        """Forget the lines drawn (their colours come from the styles)."""
        super().notify_style_update()
        self._forget()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the panel has lines at this width."""
        return len(self._lines(width))

    def render(self) -> Content:
        """The panel's lines (what a selection is taken from, and drawn with)."""
        width = self.content_region.width or self.size.width
        return Content("\n").join(self._lines(width))

    def render_lines(self, crop: Region) -> list[Strip]:
        """The part of the panel asked for, of its whole lines (drawn ahead or now); while
        text is selected in it, or at a height its lines do not fill, as Textual draws it."""
        width = self.content_region.width
        if self.text_selection is None and width:
            whole = self._whole_lines(width)
            if whole is not None and len(whole) == self.outer_size.height:
                lines = whole[crop.y : crop.bottom]
                full = whole[0].cell_length if whole else 0
                if crop.column_span != (0, full):
                    start, end = crop.column_span
                    lines = [line.crop(start, end) for line in lines]
                return lines
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """A line of the panel, drawn ahead or now; while text is selected in it, as Textual
        draws the selection."""
        width = self.content_region.width
        if self.text_selection is not None or not width:
            return super().render_line(y)
        strips = self._line_strips(width)
        return strips[y] if y < len(strips) else Strip.blank(width, self.visual_style.rich_style)
