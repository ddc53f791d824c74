"""The prompt drawn ahead (while the feedback is read) is what Textual draws for the same
text in a Static, and the answer widgets' captions (measured once per text) take the height
Textual gives it."""

from __future__ import annotations

import asyncio

import pytest
from rich.style import Style
from round_kit import RoundHarness, make_round, right_keys, run_app, screen_text
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from game.ui.screens.round import RoundScreen
from game.ui.widgets import lines_panel
from game.ui.widgets.answer_base import Caption
from game.ui.widgets.prompt import Prompt

TEXTS = [
    "Short.",
    "What does the article say about China's part in the fentanyl problem before the "
    "talks restarted, and what did Washington ask of it?",
    "A-word-far-too-long-to-fit-on-one-line-of-the-narrow-box-so-it-is-folded-somewhere",
    "Two lines\nwritten by the teacher, [red]as written[/red]",
    "中国与美国的关系在会谈之后有所缓和，但双方仍然存在很多分歧和限制。" * 2,
]


class Side(App[None]):
    CSS = """
    Vertical { width: 33; height: auto; }
    Prompt, Static { padding: 0 1; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Prompt()
            yield Static(id="plain")


def shown(strips: list[Strip]) -> list[list[tuple[str, Style | None]]]:
    """Lines as the terminal gets them: each piece's text and style (not the offsets a
    mouse selection reads)."""
    return [
        [(seg.text, seg.style and seg.style.clear_meta_and_links()) for seg in strip]
        for strip in strips
    ]


@pytest.mark.parametrize("text", TEXTS)
def test_a_prompt_drawn_ahead_is_what_textual_draws_in_a_static(monkeypatch, text):
    app = Side()
    wrapped: list[str] = []
    real = lines_panel.block_lines

    def counting(blocks, width):  # type: ignore[no-untyped-def]
        wrapped.extend(block.text.plain for block in blocks)
        return real(blocks, width)

    async def run() -> tuple[list[Strip], list[Strip], str]:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            prompt = app.query_one(Prompt)
            plain = app.query_one("#plain", Static)
            width = prompt.content_region.width
            prompt.draw_ahead_for(text, width - 1, width, width + 1)
            monkeypatch.setattr(lines_panel, "block_lines", counting)
            prompt.show(text)
            await pilot.pause()
            drawn = prompt.render_lines(prompt.region.reset_offset)
            monkeypatch.undo()
            plain.update(Content(text))
            await pilot.pause()
            fresh = Widget.render_lines(plain, plain.region.reset_offset)
            prompt.text_select_all()
            await pilot.pause()
            return drawn, fresh, app.screen.get_selected_text() or ""

    drawn, fresh, selected = asyncio.run(run())
    assert shown(drawn) == shown(fresh)
    assert len(drawn) > 1 or text == "Short."
    assert text not in wrapped  # drawn ahead: not wrapped again when shown
    # selected and copied whole (a line folded inside a word, or between wide characters,
    # is copied with its line break, as the feedback's lines are)
    assert "".join(selected.split()) == "".join(text.split())


def test_the_next_prompt_is_drawn_while_the_feedback_is_read(monkeypatch) -> None:
    """In a round at 60×20, no prompt is wrapped in the Enter that shows it."""
    app = RoundHarness(make_round(count=6, seed=3))
    wrapped: list[str] = []
    real = lines_panel.block_lines

    def counting(blocks, width):  # type: ignore[no-untyped-def]
        wrapped.extend(block.text.plain for block in blocks)
        return real(blocks, width)

    monkeypatch.setattr(lines_panel, "block_lines", counting)
    heights: list[int] = []

    async def scenario(pilot: Pilot) -> None:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        for _ in range(5):
            await pilot.press(*right_keys(screen.round_state.current))
            for _ in range(400):
                await pilot.pause()
                if screen._prepared is not None and screen._prepared[1].is_mounted:
                    break
                await pilot.pause(0.02)
            coming = screen.round_state.current
            assert coming is not None
            wrapped.clear()
            await pilot.press("enter")
            await pilot.pause()
            assert coming.question.prompt not in wrapped
            prompt = screen.query_one(Prompt)
            heights.append(prompt.region.height)
            words = " ".join(coming.question.prompt.split()[:4])
            assert words in " ".join(screen_text(app).split())

    run_app(app, scenario, size=(60, 20))
    assert any(height > 1 for height in heights)  # some prompts wrapped


class Captions(App[None]):
    CSS = """
    Vertical { width: 30; height: auto; }
    .answer-caption { padding: 0 1; margin-top: 1; }
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Caption(self.text)
            yield Caption(self.text)  # measured by the first
            yield Static(self.text, classes="answer-caption")


@pytest.mark.parametrize("text", TEXTS)
def test_captions_of_one_text_take_the_height_textual_gives_it(text):
    app = Captions(text)

    async def run() -> list[int]:
        async with app.run_test(size=(80, 30)) as pilot:
            await pilot.pause()
            return [widget.region.height for widget in app.query("Vertical > *")]

    first, second, fresh = asyncio.run(run())
    assert first == second == fresh
