"""Snapshots of the question editor at 80×24: the question list, and the form with a problem."""

from __future__ import annotations

from pathlib import Path

from editor_kit import checked
from shell_kit import make_app
from textual.pilot import Pilot
from textual.widgets import TextArea


def test_question_list_snapshot(library: dict[str, Path], snap_compare) -> None:
    async def open_list(pilot: Pilot) -> None:
        await pilot.press("w")
        await pilot.pause()

    app = make_app(library, player="Ana")
    assert snap_compare(app, run_before=open_list, terminal_size=(80, 24))


def test_question_form_snapshot(library: dict[str, Path], snap_compare) -> None:
    async def open_form(pilot: Pilot) -> None:
        await pilot.press("w", "enter")
        await pilot.pause()
        pilot.app.screen.query_one("#form-explanation", TextArea).text = ""
        prompt = pilot.app.screen.query_one("#form-prompt", TextArea)
        for _ in range(200):  # the form focuses its prompt once mounted: wait for it
            if prompt.has_focus:
                break
            await pilot.pause(0.02)
        await checked(pilot, pilot.app.screen)  # type: ignore[arg-type]
        # The cursor blinks: whether a capture shows it depended on timing. Hold it shown.
        prompt._pause_blink(visible=True)
        await pilot.pause()

    app = make_app(library, player="Ana")
    assert snap_compare(app, run_before=open_form, terminal_size=(80, 24))
