"""The footer: one line of the screen's keys, fitted to the width, which a click presses and
the pointer lights up; new keys redraw the line and lay nothing out."""

from __future__ import annotations

from rich.style import Style
from round_kit import RoundHarness, make_round, run_app, screen_text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Static

from game.core.model import Bank, Question, QuestionType
from game.ui.widgets.fit_footer import FitFooter

QUESTION_KEYS = ["⏎ Submit", "1-2 Pick", "esc Leave round", "h Hint (½ pts)", "s Skip"]
FEEDBACK_KEYS = ["esc Leave round", "⏎ Next", "a Article"]


def _question(number: int) -> Question:
    return Question(
        id=f"q{number}",
        type=QuestionType.CHOICE,
        prompt=f"Question {number}?",
        choices=("Right", "Wrong"),
        answer="Right",
        explanation="Because.",
        hint="A hint.",
    )


def _two_questions() -> RoundHarness:
    return RoundHarness(make_round(Bank("keys", "keys.yaml", "Keys", (_question(1), _question(2)))))


def _bottom(app: App[object]) -> str:
    return screen_text(app).splitlines()[-1]


def _style_at(strip: Strip, x: int) -> Style:
    """The style of the cell at column x of a drawn line."""
    segment = next(iter(strip.crop(x, x + 1)))
    assert segment.style is not None
    return segment.style


def _column_of(app: App[object], label: str) -> int:
    """The column where a key's text starts on the bottom line."""
    at = _bottom(app).find(label)
    assert at >= 0, (label, _bottom(app))
    return at


def test_a_question_and_its_feedback_show_their_keys_in_order_and_need_no_layout() -> None:
    app = _two_questions()
    layouts: list[bool] = []

    async def scenario(pilot: Pilot) -> None:
        await pilot.pause()
        footer = app.screen.query_one(FitFooter)
        assert footer.shown_keys() == QUESTION_KEYS
        assert _bottom(app).startswith("⏎ Submit 1-2 Pick esc Leave round"), _bottom(app)
        original = footer.refresh

        def refresh(*regions, **kwargs):  # type: ignore[no-untyped-def]
            layouts.append(bool(kwargs.get("layout")))
            return original(*regions, **kwargs)

        footer.refresh = refresh  # type: ignore[method-assign]
        await pilot.press("1", "enter")
        await pilot.pause()
        assert footer.shown_keys() == FEEDBACK_KEYS
        assert _bottom(app).startswith("esc Leave round ⏎ Next a Article"), _bottom(app)
        await pilot.press("enter")
        await pilot.pause()
        assert footer.shown_keys() == QUESTION_KEYS
        assert layouts and not any(layouts), layouts  # redrawn, never laid out

    run_app(app, scenario)


def test_a_click_on_a_key_presses_it() -> None:
    app = _two_questions()

    async def scenario(pilot: Pilot) -> None:
        await pilot.pause()
        first = app.screen.round_state.current.question
        await pilot.click(FitFooter, offset=(_column_of(app, "h Hint") + 1, 0))
        await pilot.pause()
        assert "A hint." in screen_text(app)
        assert "h Hint" not in _bottom(app)  # used: the key goes
        await pilot.click(FitFooter, offset=(_column_of(app, "s Skip") + 1, 0))
        await pilot.pause()
        assert app.screen.round_state.current.question is not first
        assert "Skipped: it comes back at the end." in screen_text(app)

    run_app(app, scenario)


def test_the_pointer_lights_up_its_key_and_tells_a_short_labels_long_form() -> None:
    app = _two_questions()

    async def scenario(pilot: Pilot) -> None:
        await pilot.resize_terminal(40, 20)
        await pilot.pause()
        footer = app.screen.query_one(FitFooter)
        keys = footer.shown_keys()
        assert "esc Leave" in keys and "esc Leave round" not in keys, keys
        line_before = footer.render_line(0)
        at = _column_of(app, "esc Leave")
        await pilot.hover(FitFooter, offset=(at + 1, 0))
        await pilot.pause()
        assert footer.tooltip == "Leave round"
        lit = footer.render_line(0)
        assert lit.text == line_before.text  # the same keys, one drawn in another colour
        changed = [
            x for x in range(footer.size.width) if _style_at(lit, x) != _style_at(line_before, x)
        ]
        assert changed and min(changed) >= at and max(changed) < at + len("esc Leave")
        await pilot.hover("#round-prompt")
        await pilot.pause()
        assert footer.tooltip is None
        assert footer.render_line(0).text == line_before.text

    run_app(app, scenario)


class _Disabled(App[None]):
    """A screen with a key that can do nothing now: Textual's footer shows it dimmed."""

    BINDINGS = [Binding("x", "shout", "Shout"), Binding("y", "ok", "Fine")]
    pressed: list[str]

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield FitFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "shout" else True

    def action_shout(self) -> None:
        self.pressed.append("shout")

    def action_ok(self) -> None:
        self.pressed.append("ok")

    def bell(self) -> None:
        self.pressed.append("bell")


def test_a_key_that_can_do_nothing_is_dimmed_and_a_click_on_it_rings_the_bell() -> None:
    app = _Disabled()
    app.pressed = []

    async def scenario(pilot: Pilot) -> None:
        await pilot.pause()
        footer = app.screen.query_one(FitFooter)
        assert footer.shown_keys()[:2] == ["x Shout", "y Fine"]
        line = footer.render_line(0)
        shout, fine = _column_of(app, "x Shout"), _column_of(app, "y Fine")
        assert _style_at(line, shout + 1).dim
        assert not _style_at(line, fine + 1).dim
        await pilot.click(FitFooter, offset=(shout + 1, 0))
        await pilot.click(FitFooter, offset=(fine + 1, 0))
        await pilot.pause()
        assert app.pressed == ["bell", "ok"]
        assert _bottom(app).rstrip().endswith("▏^p palette"), _bottom(app)

    run_app(app, scenario)
