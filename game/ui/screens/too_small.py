"""Shown instead of everything else while the terminal is too small to play in."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class TooSmallScreen(Screen[None]):
    """Says the window is too small and how big it needs to be; the App removes it on growth."""

    def __init__(self, min_width: int, min_height: int) -> None:
        super().__init__()
        self._min_width = min_width
        self._min_height = min_height

    def compose(self) -> ComposeResult:
        yield Static(self._message(), id="too-small-message")

    def _message(self, width: int | None = None, height: int | None = None) -> str:
        if width is None or height is None:
            width, height = self.app.size
        return (
            f"This window is too small ({width}×{height}).\n"
            f"Make it at least {self._min_width}×{self._min_height} to play."
        )

    def on_resize(self, event: events.Resize) -> None:
        """Keep the sizes in the message current."""
        size = event.size
        self.query_one("#too-small-message", Static).update(self._message(size.width, size.height))
