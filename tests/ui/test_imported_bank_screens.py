"""Done-when of issue 14: a Moodle-style GIFT file with [html], entities, sub/sup, markdown,
escapes and partial weights imports to a bank whose round screens show no tag or entity."""

from __future__ import annotations

import re
from pathlib import Path

from round_kit import right_keys
from shell_kit import make_app, run_with_pilot, screen_text
from textual.pilot import Pilot

from game.cli import main
from game.core.rounds import PlayRequest
from game.ui.screens.round import RoundScreen
from game.ui.screens.summary import SummaryScreen

MOODLE_EXPORT = Path(__file__).resolve().parents[1] / "interchange" / "moodle-export.gift"

_MARKUP = re.compile(r"<[a-zA-Z/][^>]*>|&[a-zA-Z]+;|&#[0-9]+;|\*\*")


def test_an_imported_moodle_bank_shows_no_tag_or_entity(folders: dict[str, Path]) -> None:
    source = folders["questions"].parent / "biology.gift"
    source.write_bytes(MOODLE_EXPORT.read_bytes())
    assert main(["import", str(source), str(folders["questions"] / "biology.yaml")]) == 0
    app = make_app(folders, player="Ana", play=PlayRequest("biology", count=5, seed=7))
    seen: list[str] = []

    async def scenario(pilot: Pilot) -> None:
        for _ in range(5):
            screen = app.screen
            assert isinstance(screen, RoundScreen)
            asked = screen.round_state.current
            text = screen_text(app)
            seen.append(text)
            assert not _MARKUP.search(text), text
            await pilot.press(*right_keys(asked))
            await pilot.pause()
            text = screen_text(app)  # the feedback, with the explanation
            seen.append(text)
            assert not _MARKUP.search(text), text
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)

    run_with_pilot(app, scenario)
    everything = "\n".join(seen)
    assert "Which gas do plants take in?" in everything
    assert "CO₂" in everything
