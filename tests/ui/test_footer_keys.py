"""The footer's keys keep what they drew until their look changes: after every kind of change
(new keys, the pointer over one, a theme, a narrow window and back) each key draws what
Textual's own footer key draws from the same state, and the lines and widths they keep per
look are those Textual draws and measures."""

from __future__ import annotations

import asyncio

from round_kit import RoundHarness, make_round, run_app, screen_text
from shell_kit import terminal_output
from textual.content import Content
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from game.core.model import Bank, Question, QuestionType
from game.ui.widgets.fit_footer import FitFooter, FitKey


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


def _kept_and_fresh(app: RoundHarness) -> list[tuple[Content, Content]]:
    """For each key shown: what it draws, and what a FooterKey in its state draws."""
    shown = [key for key in app.screen.query(FitKey) if key.display]
    assert shown, "the footer shows no key"
    return [
        (key.render(), Content.from_rich_text(FooterKey.render(key), console=app.console))
        for key in shown
    ]


def _kept_lines_and_widths_are_fresh(app: RoundHarness, monkeypatch) -> None:
    """The screen as the keys' kept lines draw it is the screen Textual draws, and each key's
    kept width is the width Textual measures."""
    kept = terminal_output(app)[0]
    with monkeypatch.context() as patch:
        patch.setattr(FitKey, "render_lines", Widget.render_lines)
        fresh = terminal_output(app)[0]
    assert kept == fresh
    for key in app.screen.query(FitKey):
        if key.display:
            room, viewport = key.parent.size, app.screen.size
            assert key.get_content_width(room, viewport) == Widget.get_content_width(
                key, room, viewport
            )


def test_kept_key_drawings_are_what_a_fresh_draw_shows_after_every_change(monkeypatch) -> None:
    app = RoundHarness(make_round(Bank("keys", "keys.yaml", "Keys", (_question(1), _question(2)))))

    async def scenario(pilot: Pilot) -> None:
        async def answer() -> None:
            await pilot.press("1", "enter")

        async def point_at_a_key() -> None:
            await pilot.hover(next(key for key in app.screen.query(FitKey) if key.display))

        async def point_away() -> None:
            await pilot.hover("#round-prompt")

        async def light() -> None:
            app.theme = "textual-light"

        async def dark() -> None:
            app.theme = "textual-dark"

        async def next_question() -> None:
            await pilot.press("enter")

        async def narrow() -> None:
            await pilot.resize_terminal(60, 20)

        async def wide() -> None:
            await pilot.resize_terminal(80, 24)

        steps = [answer, point_at_a_key, point_away, light, point_at_a_key, next_question,
                 narrow, dark, point_away, wide]  # fmt: skip
        looks = set()
        for step in steps:
            await step()
            await pilot.pause()
            for kept, fresh in _kept_and_fresh(app):
                assert (kept.plain, kept.spans) == (fresh.plain, fresh.spans), step.__name__
                looks.add((kept.plain, tuple(kept.spans)))
            _kept_lines_and_widths_are_fresh(app, monkeypatch)
        assert len(looks) >= 12  # the steps did change what the keys show

    run_app(app, scenario)


def _shown_keys(app: RoundHarness) -> list[tuple[str, FitKey]]:
    """The keys shown, left to right on the screen, after checking that the footer's line
    shows each of them whole, in that order."""
    keys = sorted(
        (key for key in app.screen.query(FitKey) if key.display), key=lambda key: key.region.x
    )
    labels = [f"{key.key_display} {key.description}" for key in keys]
    bottom = screen_text(app).splitlines()[-1]
    at = [bottom.find(label) for label in labels]
    assert -1 not in at and at == sorted(at), (labels, bottom)
    return list(zip(labels, keys, strict=True))


def test_keys_a_question_and_its_feedback_share_are_kept_not_drawn_again() -> None:
    app = RoundHarness(make_round(Bank("keys", "keys.yaml", "Keys", (_question(1), _question(2)))))
    question_keys = ["⏎ Submit", "1-2 Pick", "esc Leave round", "h Hint (½ pts)", "s Skip"]

    async def scenario(pilot: Pilot) -> None:
        await pilot.pause()
        before = dict(_shown_keys(app))
        assert list(before) == question_keys
        leave = before["esc Leave round"]
        drawn = leave.render()
        await pilot.press("1", "enter")
        await pilot.pause()
        after = dict(_shown_keys(app))
        assert list(after) == ["esc Leave round", "⏎ Next", "a Article"]
        # the same widget, moved to the left, keeps its drawing
        assert after["esc Leave round"] is leave and leave.render() is drawn
        await pilot.press("enter")
        await pilot.pause()
        again = dict(_shown_keys(app))
        assert list(again) == question_keys
        assert again["esc Leave round"] is leave and leave.render() is drawn

    run_app(app, scenario)


def _two_questions() -> RoundHarness:
    return RoundHarness(make_round(Bank("keys", "keys.yaml", "Keys", (_question(1), _question(2)))))


async def _short_of_two_keys(app: RoundHarness, pilot: Pilot) -> FitFooter:
    """The question's footer with three key widgets left where it shows five."""
    await pilot.pause()
    footer = app.screen.query_one(FitFooter)
    await footer.remove_children(list(footer.query_children(FitKey))[3:])
    return footer


def test_a_footer_that_needs_more_keys_as_the_app_ends_mounts_none() -> None:
    """Textual refuses any mount once the App is ending; a footer short of key widgets then
    (three left where the question shows five) shows what it has and raises nothing."""
    app = _two_questions()

    async def scenario(pilot: Pilot) -> None:
        footer = await _short_of_two_keys(app, pilot)
        app.exit()
        await footer._show_keys(footer._items())
        assert len(footer.query_children(FitKey)) == 3

    run_app(app, scenario)


def test_a_footer_asked_again_while_it_mounts_a_key_ends_with_the_latest_keys() -> None:
    """The footer is asked to show its keys again while it waits for a key widget to mount
    (the window's width changed as a screen's keys came): the second moved and refilled keys
    the first was placing ('s Skip' shown twice). Each ask waits for the one before it, and
    the footer ends with the keys of the latest, in order."""
    app = _two_questions()

    async def scenario(pilot: Pilot) -> None:
        footer = await _short_of_two_keys(app, pilot)
        footer._shown = ("changed",)  # as if the keys had changed: the next ask lays them out
        first = asyncio.create_task(footer.refresh_now())  # mounts the two missing keys
        await asyncio.sleep(0)
        footer._shown = ("changed again",)
        footer.set_reactive(FitFooter.compact, not footer.compact)  # the next ask recomposes
        await footer.refresh_now()
        await first
        await pilot.pause()
        assert [label for label, _key in _shown_keys(app)] == [
            "⏎ Submit",
            "1-2 Pick",
            "esc Leave round",
            "h Hint (½ pts)",
            "s Skip",
        ]

    run_app(app, scenario)


def test_a_footer_taken_down_while_it_mounts_a_key_raises_nothing() -> None:
    """The footer's screen goes (Escape on the summary, back to home) while the footer waits
    for a key widget to mount: Textual mounts nothing into a widget being taken down, and the
    footer stops there (a loaded test run saw an IndexError, on its empty children, end the
    game)."""
    app = _two_questions()

    async def scenario(pilot: Pilot) -> None:
        footer = await _short_of_two_keys(app, pilot)
        footer._shown = ("changed",)  # as if the keys had changed: the next ask lays them out
        laying_out = asyncio.create_task(footer.refresh_now())  # mounts the missing keys
        await asyncio.sleep(0)
        taking_down = footer.remove()
        await laying_out
        await taking_down
        assert not footer.is_attached

    run_app(app, scenario)
