"""What a player chose for the game itself (the theme, the bell in timed rounds), remembered
with the player in the save file through the session: QuizApp mixes this in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.app import App
from textual.theme import Theme

if TYPE_CHECKING:
    from game.session import Session

THEME_KEY = "theme"
BELL_KEY = "bell"


class PlayerSettings:
    """Apply a player's remembered settings when they start playing; keep what they change."""

    session: Session

    def _app(self) -> App[Any]:
        return cast("App[Any]", self)

    def _watch_player_theme(self) -> None:
        """From now on, a theme chosen (ctrl+p, Theme) is remembered for the player."""
        self._app().theme_changed_signal.subscribe(self._app(), self._theme_changed)

    def _apply_player_settings(self) -> None:
        """The player's own theme, if they chose one before (else the theme stays as it is)."""
        app = self._app()
        theme = self.session.player_setting(THEME_KEY)
        if theme and theme in app.available_themes and theme != app.theme:
            app.theme = theme

    def _theme_changed(self, theme: Theme) -> None:
        if self.session.player is None or self.session.player_setting(THEME_KEY) == theme.name:
            return
        problem = self.session.set_player_setting(THEME_KEY, theme.name)
        if problem:
            self._app().notify(problem, severity="warning", markup=False)

    @property
    def bell_on(self) -> bool:
        """Whether timed rounds ring the terminal bell at 5 s left (on unless turned off)."""
        return self.session.player_setting(BELL_KEY) != "off"

    def set_bell(self, on: bool) -> None:
        """Turn the 5-second bell on or off for this player, from now on."""
        problem = self.session.set_player_setting(BELL_KEY, "on" if on else "off")
        if problem:
            self._app().notify(problem, severity="warning", markup=False)

    def toggle_bell(self) -> None:
        """Turn the bell the other way, for this player and the round being played."""
        on = not self.bell_on
        self.set_bell(on)
        for screen in self._app().screen_stack:
            if hasattr(screen, "bell_at_five"):
                screen.bell_at_five = on
        self._app().notify(f"The bell at 5 s left is {'on' if on else 'off'}.", timeout=3)
