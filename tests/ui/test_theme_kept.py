"""The theme a player chooses (dark or light) is theirs on the next run, and only theirs."""

from __future__ import annotations

from pathlib import Path

from shell_kit import make_app, run_with_pilot
from textual.pilot import Pilot

from game.store import open_store


def _run(library: dict[str, Path], player: str, theme: str | None = None) -> str:
    app = make_app(library, player=player)
    seen: list[str] = []

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.pause()
        if theme is not None:
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
        seen.append(app.theme)

    run_with_pilot(app, scenario)
    return seen[0]


def test_theme_is_remembered_with_the_player(library: dict[str, Path]) -> None:
    assert _run(library, "Ana") == "textual-dark"
    assert _run(library, "Ana", "textual-light") == "textual-light"
    assert _run(library, "Ana") == "textual-light"  # the next run
    assert _run(library, "Ben") == "textual-dark"  # another player keeps the default
    store = open_store(library["saves"]).store
    assert store.player_setting("Ana", "theme") == "textual-light"
    assert store.player_setting("Ben", "theme") is None
    store.close()
    assert _run(library, "Ana", "textual-dark") == "textual-dark"
    assert _run(library, "Ana") == "textual-dark"


def test_switching_player_brings_their_theme(library: dict[str, Path]) -> None:
    _run(library, "Ana", "textual-light")
    app = make_app(library, player="Ben")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.pause()
        assert app.theme == "textual-dark"
        await pilot.press("p")
        await pilot.pause()
        await pilot.press(*"Ana", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.session.player == "Ana"
        assert app.theme == "textual-light"

    run_with_pilot(app, scenario)
