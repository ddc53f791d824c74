"""Two banks with the same title (made with `n` under one title: leaves.yaml, leaves-2.yaml)
are told apart on home by their file names; a title of its own shows no file name."""

from __future__ import annotations

from pathlib import Path

from shell_kit import bank_yaml, choice_question, make_app, run_with_pilot, screen_text, write_bank
from textual.pilot import Pilot

from game.store import open_store


def test_banks_sharing_a_title_show_their_file_names(folders: dict[str, Path]) -> None:
    question = [choice_question("q1", "Green?", "Chlorophyll", ("Water", "Air"))]
    write_bank(folders["questions"], "leaves", bank_yaml("Leaves", question))
    write_bank(folders["questions"], "leaves-2", bank_yaml("Leaves", question))
    write_bank(folders["questions"], "roots", bank_yaml("Roots", question))
    store = open_store(folders["saves"]).store
    store.add_player("Ana")
    store.set_last_player("Ana")
    store.close()
    app = make_app(folders)

    async def scenario(pilot: Pilot[object]) -> None:
        text = screen_text(app)
        lines = text.splitlines()
        assert any("Leaves  leaves.yaml" in line for line in lines), text
        assert any("Leaves  leaves-2.yaml" in line for line in lines), text
        assert not any("roots.yaml" in line for line in lines), text
        assert any("Roots" in line for line in lines), text

    run_with_pilot(app, scenario)
