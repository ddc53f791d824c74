"""The round's header: one widget of fixed height that a new question redraws and never lays
out; long texts end in "…" and leave the score, the mode, the timer and the reason whole."""

from __future__ import annotations

import asyncio

from rich.style import Style
from round_kit import RoundHarness, make_round, right_keys, run_app, screen_text
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.strip import Strip

from game.ui.screens.round import RoundScreen
from game.ui.widgets.round_header import HeaderState, RoundHeader

LONG_TITLE = "China and the United States: a détente with limits, as seen from Bangkok"
LONG_TOPIC = "Fentanyl and the sanctions lifted on a Chinese forensic institute"


class _Alone(App[None]):
    def __init__(self, state: HeaderState) -> None:
        super().__init__()
        self.state = state

    def compose(self) -> ComposeResult:
        yield RoundHeader(self.state)


def _lines(state: HeaderState, size: tuple[int, int]) -> list[str]:
    """The header's lines on a screen of this size, as shown."""
    app = _Alone(state)
    shown: list[str] = []

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            shown.extend(screen_text(app).splitlines()[:4])

    asyncio.run(run())
    return shown


def _style_at(strip: Strip, x: int) -> Style:
    segment = next(iter(strip.crop(x, x + 1)))
    assert segment.style is not None
    return segment.style


def test_a_new_question_redraws_the_header_and_lays_nothing_out() -> None:
    app = RoundHarness(make_round(count=3, seed=4))
    layouts: list[bool] = []

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        header = screen.query_one(RoundHeader)
        assert header.region.height == 3
        original = header.refresh

        def refresh(*regions, **kwargs):  # type: ignore[no-untyped-def]
            layouts.append(bool(kwargs.get("layout")))
            return original(*regions, **kwargs)

        header.refresh = refresh  # type: ignore[method-assign]
        await pilot.press(*right_keys(screen.round_state.current))
        await pilot.pause()
        assert header.state.score and f"{header.state.score} pts" in header.text_lines()[0]
        await pilot.press("enter")
        await pilot.pause()
        assert "Question 2 / 3" in screen_text(app).splitlines()[1]
        assert layouts and not any(layouts), layouts
        assert header.region.height == 3

    run_app(app, scenario)


def test_long_texts_end_in_an_ellipsis_and_the_rest_stays_whole_at_60_columns() -> None:
    state = HeaderState(
        title=LONG_TITLE,
        mode="Practice",
        score=120,
        streak=3,
        number=4,
        total=10,
        difficulty=2,
        topic=LONG_TOPIC,
        reason="missed before",
    )
    heading, status, context = _lines(state, (60, 20))[:3]
    assert heading.rstrip().endswith("…  120 pts  ·  streak 3  Practice"), heading
    assert heading.startswith(" China and the United Stat…"), heading
    assert status.startswith(" Question 4 / 10 ━"), status
    assert "difficulty 2/3" in status
    assert status.index("difficulty") == len(" Question 4 / 10 ") + 10 + 2  # a 10-wide bar
    assert context.rstrip().endswith("…  missed before"), context
    assert context.startswith(" Topic: Fentanyl and the sanctions"), context
    assert len(heading) == len(context) == 60

    wide = _lines(state, (80, 24))[1]
    assert wide.index("difficulty") == len(" Question 4 / 10 ") + 16 + 2  # 16 wide from 80


def test_an_exam_shows_its_class_code_and_no_marks() -> None:
    code = (("  ·  class code ", False), ("482913-10", True))
    state = HeaderState(title="Rivers", mode="Exam", mode_more=code, number=1, total=10)
    heading = _lines(state, (80, 24))[0]
    assert heading.rstrip().endswith("Exam  ·  class code 482913-10"), heading
    assert "pts" not in heading


def test_the_timer_and_its_bar_turn_to_the_error_colour_in_the_last_seconds() -> None:
    state = HeaderState(title="Rivers", mode="Timed round", number=1, total=5, timer="6 s left")
    app = _Alone(state)

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            header = app.query_one(RoundHeader)
            header.show(left=0.3)
            await pilot.pause()
            lines = screen_text(app).splitlines()
            assert lines[1].rstrip().endswith("6 s left"), lines[1]
            assert set(lines[3].strip()) <= set("━╸─")  # the bar of the time left
            timer_x = lines[1].rindex("6 s left") - 1  # in the header's content
            calm_timer, calm_bar = _style_at(header.render_line(1), timer_x), header.render_line(3)
            header.show(timer="4 s left", left=0.2, urgent=True)
            await pilot.pause()
            urgent_timer = _style_at(header.render_line(1), timer_x)
            assert urgent_timer.color != calm_timer.color
            assert urgent_timer.bgcolor != calm_timer.bgcolor  # the urgent timer has a block
            assert _style_at(header.render_line(3), 0).color != _style_at(calm_bar, 0).color
            assert header.region.height == 4

    asyncio.run(run())
