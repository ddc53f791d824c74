"""The prompt measured ahead (while the feedback is read) and the answer widgets' captions
(measured once per text) take exactly the height Textual gives the same text in a Static."""

from __future__ import annotations

import asyncio

import pytest
from round_kit import RoundHarness, make_round, right_keys, run_app
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.pilot import Pilot
from textual.widgets import Static

from game.ui.screens.round import Prompt, RoundScreen
from game.ui.widgets.answer_base import Caption

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


@pytest.mark.parametrize("text", TEXTS)
def test_a_prompt_measured_ahead_takes_the_height_textual_gives_it(monkeypatch, text):
    app = Side()
    prompt: Prompt | None = None
    measured: list[Static] = []
    real = Static.get_content_height

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        measured.append(self)
        return real(self, *args, **kwargs)

    async def run() -> tuple[int, int, int]:
        nonlocal prompt
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            prompt = app.query_one(Prompt)
            plain = app.query_one("#plain", Static)
            width = prompt.content_region.width
            prompt.measure_ahead(text, width - 1, width, width + 1)
            monkeypatch.setattr(Static, "get_content_height", counting)
            prompt.show(text)
            await pilot.pause()
            monkeypatch.undo()
            plain.update(text, layout=True)
            await pilot.pause()
            return prompt.region.height, plain.region.height, prompt.content_region.width

    shown, fresh, width = asyncio.run(run())
    assert shown == fresh
    assert width == 31
    assert prompt is not None and prompt not in measured  # shown, it was not wrapped again


def test_the_next_prompt_is_measured_while_the_feedback_is_read() -> None:
    """In a round at 60×20, each next prompt is measured before Enter, at the width it gets."""
    app = RoundHarness(make_round(count=6, seed=3))
    found: list[tuple[int, int | None]] = []

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
            await pilot.press("enter")
            await pilot.pause()
            prompt = screen.query_one(Prompt)
            width = prompt.content_region.width
            found.append(
                (prompt.region.height, prompt._heights.get((coming.question.prompt, width)))
            )

    run_app(app, scenario, size=(60, 20))
    assert all(height == kept for height, kept in found), found
    assert any(height > 1 for height, _kept in found)  # some prompts wrapped


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
