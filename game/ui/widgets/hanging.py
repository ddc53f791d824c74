"""Text whose bulleted lines (" • a topic") wrap under their words, not under the bullet.

Textual wraps a line of Content back to its left edge, so a long topic at 60 columns read

     • Fentanyl and the
    sanctions deal

Here the width is known only when the text is laid out, so the wrapping is done then: a
Visual that hangs each bulleted line's wrapped part under its text, at whatever width the
widget is given.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

BULLET = " • "


def hang_bullets(content: Content, width: int) -> Content:
    """The content with each line that starts with BULLET wrapped to width by hand, its
    further lines indented to the text after the bullet; other lines are left to wrap as
    Textual wraps them."""
    indent = len(BULLET)
    if width <= indent:
        return content
    lines = content.split("\n", allow_blank=True)
    hung: list[Content] = []
    for line in lines:
        if not line.plain.startswith(BULLET) or line.cell_length <= width:
            hung.append(line)
            continue
        parts = line[indent:].wrap(width - indent)
        hung.append(Content.assemble(line[:indent], parts[0]))
        hung += [Content.assemble(" " * indent, part) for part in parts[1:]]
    return Content("\n").join(hung)


class HangingBullets(Visual):
    """Content shown with hang_bullets at the width it is laid out at."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._hung: tuple[int, Content] | None = None

    def at_width(self, width: int) -> Content:
        """The content as it is drawn at this width."""
        if self._hung is None or self._hung[0] != width:
            self._hung = (width, hang_bullets(self.content, width))
        return self._hung[1]

    @property
    def plain(self) -> str:
        """The text, unwrapped."""
        return self.content.plain

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.at_width(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.at_width(width).get_height(rules, width)


class HangingStatic(Static):
    """A Static showing HangingBullets whose text can be selected and copied as it is drawn
    (Textual takes the text of a selection only from Text or Content)."""

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text, from the lines as drawn at the widget's width."""
        visual = self._render()
        if isinstance(visual, HangingBullets):
            width = self.content_region.width or self.size.width
            return selection.extract(visual.at_width(width).plain), "\n"
        return super().get_selection(selection)
