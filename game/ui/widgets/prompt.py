"""The question's prompt, shown as written and wrapped to the round's body."""

from __future__ import annotations

from collections.abc import Hashable

from textual.content import Content
from textual.strip import Strip

from game.ui.widgets.lines_panel import Block, LinesPanel

# what a prompt keeps drawn for a text: its lines per width, its drawn lines and its whole
# lines per width and look (see LinesPanel)
Drawn = tuple[dict[int, list[Content]], dict[Hashable, list[Strip]], dict[Hashable, list[Strip]]]


class Prompt(LinesPanel):
    """The prompt, drawn as Textual draws its text in a Static. The next question's prompt is
    drawn while the feedback is read (``draw_ahead_for``): the Enter that shows it only
    hands its lines over (wrapping and drawing it then was half a millisecond of that
    Enter)."""

    DEFAULT_CSS = """
    Prompt {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self._text = ""
        self._ahead: dict[str, Drawn] = {}  # the next prompt's, by its text

    def _blocks(self) -> list[Block]:
        return [Block(Content(self._text))]

    def show(self, text: str) -> None:
        """Show this prompt, as written: drawn ahead, or drawn when next asked."""
        if text == self._text:
            return
        self._text = text
        drawn = self._ahead.pop(text, None)
        if drawn is None:
            self._changed()
        else:
            self._drawn_lines, self._drawn_strips, self._drawn_whole = drawn
            self.refresh(layout=True)

    def draw_ahead_for(self, text: str, *widths: int) -> None:
        """Draw a prompt to come at each (content) width it may be given, leaving the one
        shown as it is."""
        shown = (self._text, self._drawn_lines, self._drawn_strips, self._drawn_whole)
        self._text = text
        self._forget()
        try:
            for width in widths:
                self.draw_ahead(width)
            self._ahead = {text: (self._drawn_lines, self._drawn_strips, self._drawn_whole)}
        finally:
            self._text, self._drawn_lines, self._drawn_strips, self._drawn_whole = shown

    def notify_style_update(self) -> None:
        """Forget the prompt drawn ahead too (its colours come from the styles)."""
        super().notify_style_update()
        self._ahead = {}
