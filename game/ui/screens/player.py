"""Asking who is playing: the first-start name prompt and switching to another player."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from game.core.safe_text import one_line
from game.ui.widgets.fit_footer import FitFooter

MAX_NAME_LENGTH = 40


def clean_player_name(raw: str) -> str:
    """A player's name as kept: control characters dropped, ends trimmed, at most 40 characters."""
    kept = "".join(ch for ch in raw if unicodedata.category(ch) != "Cc")
    return kept.strip()[:MAX_NAME_LENGTH].strip()


class PlayerScreen(ModalScreen[str | None]):
    """Type a name or pick a known player; dismisses with the cleaned name (None: cancelled)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        # The list's own Down comes first when it has focus; this one serves the name field.
        Binding("down", "into_list", "Pick a player", show=False),
    ]

    def __init__(
        self, known_players: Sequence[str], current: str | None, question: str | None = None
    ) -> None:
        super().__init__()
        self._known_players = [name for name in known_players if name]
        self._current = current
        self._question = question

    @property
    def cancellable(self) -> bool:
        """Whether Escape may close the dialog (not before anyone has a name)."""
        return self._current is not None

    def compose(self) -> ComposeResult:
        with Vertical(id="player-dialog"):
            if self._question is not None:
                yield Static(self._question, id="player-title")
            elif self._current is None:
                yield Static("Welcome! What is your name?", id="player-title")
            else:
                yield Static(
                    Content.assemble("Playing as ", (self._current, "bold")),
                    id="player-title",
                )
            yield Input(
                placeholder="Type a name and press Enter",
                max_length=MAX_NAME_LENGTH,
                id="player-name",
            )
            yield Static("", id="player-error")
            if self._known_players:
                yield Static("Or pick a player (↓ then Enter):", id="player-pick-label")
                yield OptionList(
                    *(
                        Option(Content(one_line(name)), id=str(index))
                        for index, name in enumerate(self._known_players)
                    ),
                    id="player-list",
                )
            hint = "Enter: confirm · Escape: cancel" if self.cancellable else "Enter: confirm"
            yield Static(hint, id="player-hint")
        yield FitFooter()

    def on_mount(self) -> None:
        """Start in the name field."""
        self.query_one("#player-name", Input).focus()

    @on(Input.Submitted, "#player-name")
    def _name_typed(self, event: Input.Submitted) -> None:
        event.stop()
        name = clean_player_name(event.value)
        if not name:
            self.query_one("#player-error", Static).update("Please type a name first.")
            return
        self.dismiss(name)

    @on(Input.Changed, "#player-name")
    def _name_changing(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one("#player-error", Static).update("")

    @on(OptionList.OptionSelected, "#player-list")
    def _player_picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._known_players[event.option_index])

    def action_into_list(self) -> None:
        """Down from the name field moves into the list of players."""
        if not self._known_players:
            return
        players = self.query_one("#player-list", OptionList)
        if players.highlighted is None:
            players.highlighted = 0
        self.set_focus(players)  # now, not later: the next key may already be waiting

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape is only offered when there is a player to go back to."""
        # False hides the key from the footer (None would show it greyed).
        return action != "cancel" or self.cancellable

    def action_cancel(self) -> None:
        """Close the dialog, keeping the current player."""
        self.dismiss(None)
