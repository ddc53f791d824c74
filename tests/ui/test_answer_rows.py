"""An answer row is one widget: a cursor move draws at most the row it reaches (each row keeps
the lines of the looks it has had), restyles none, and bank text stays literal (``[red]`` is
five characters)."""

from __future__ import annotations

import re

from round_kit import (
    RoundHarness,
    choice_question,
    choice_round,
    kept_matches_fresh_after_each,
    make_round,
    run_app,
    screen_text,
)
from shell_kit import terminal_output
from textual.pilot import Pilot
from textual.widget import Widget

from game.core.model import Bank, Question, QuestionType
from game.ui.widgets.answer_base import AnswerRow, AnswerWidget, KeyTarget


def test_a_cursor_move_draws_only_a_row_in_a_new_look_and_restyles_none(monkeypatch) -> None:
    app = RoundHarness(choice_round(choice_question(tuple(f"Choice {n}" for n in range(1, 7)))))
    rendered: list[int] = []
    restyled: list[object] = []
    original_lines = AnswerRow._content_lines

    def counting_lines(self: AnswerRow, width: int, focused: bool):
        rendered.append(self.index)
        return original_lines(self, width, focused)

    async def scenario(pilot: Pilot) -> None:
        rows = list(app.screen.query(AnswerRow))
        assert len(rows) == 6
        assert all(not row.children for row in rows)  # no child widgets to restyle
        await pilot.press("down")  # warm-up: every row drawn once
        await pilot.pause()
        monkeypatch.setattr(AnswerRow, "_content_lines", counting_lines)
        original_update = app.update_styles

        def counting_update(node=None, **options) -> None:
            restyled.append(node)
            original_update(node, **options)

        monkeypatch.setattr(app, "update_styles", counting_update)
        await pilot.press("down")
        await pilot.pause()
        # Only the row reached is drawn: the row left is back in a look it was drawn in
        # (no cursor), whose lines it kept; no other row is drawn at all.
        assert rendered == [2]
        assert not [node for node in restyled if isinstance(node, AnswerRow)]
        text = screen_text(app).replace(" ", "")
        assert "▸3" in text and "▸2" not in text
        await pilot.press("up")  # both rows back in looks they were drawn in: nothing drawn
        await pilot.pause()
        assert rendered == [2]
        text = screen_text(app).replace(" ", "")
        assert "▸2" in text and "▸3" not in text

    run_app(app, scenario)


def test_the_keys_coming_and_going_restyle_no_answer_row(monkeypatch) -> None:
    # Textual restyles a widget that gains or loses the keys, and all inside it: the keys go
    # to an empty target inside the answer widget, so a question coming up, a click on a row
    # and the answer restyle none of its rows; the target itself has no style to change.
    choices = ("Alpha", "Beta", "Gamma")
    second = choice_question(choices, question_id="q2", prompt="And this one?")
    app = RoundHarness(choice_round(choice_question(choices), second))
    restyled: list[object] = []

    async def scenario(pilot: Pilot) -> None:
        original = app.update_styles

        def counting(node, animate: bool = True) -> None:  # a restyle of node and all in it
            restyled.extend(node.walk_children(with_self=True))
            original(node, animate=animate)

        monkeypatch.setattr(app, "update_styles", counting)
        await pilot.press("1", "enter")  # answered: the keys leave the answer widget
        await pilot.pause()
        assert "Press Enter for the next question." in screen_text(app)
        await pilot.press("enter")  # the next question takes the keys
        await pilot.pause()
        assert "Question 2 / 2" in screen_text(app)
        widget = app.screen.query_one(AnswerWidget)
        assert app.screen.focused is widget.key_target
        app.screen.set_focus(None)
        await pilot.pause()
        await pilot.click(AnswerRow, offset=(5, 0))  # a click gives the keys back
        await pilot.pause()
        assert app.screen.focused is widget.key_target
        # nothing is restyled: not the rows, nor the key target itself
        assert not [node for node in restyled if isinstance(node, (AnswerRow, KeyTarget))]

    run_app(app, scenario)


def test_kept_lines_are_what_a_fresh_draw_shows_after_every_change(monkeypatch) -> None:
    # A row keeps the lines of each look it has had. After every kind of change (cursor,
    # pick, theme, focus, width) the screen must be what drawing every row afresh shows.
    long = "A choice long enough to wrap onto a second line at sixty columns wide, surely"
    app = RoundHarness(choice_round(choice_question(("Alpha", long, "Gamma [b]x[/b]", "Delta"))))

    def kept_and_fresh() -> tuple[str, str]:
        kept = terminal_output(app)[0]
        with monkeypatch.context() as patch:
            patch.setattr(AnswerRow, "render_lines", Widget.render_lines)
            patch.setattr(AnswerRow, "render_line", Widget.render_line)  # Textual's drawing
            fresh = terminal_output(app)[0]
        return kept, fresh

    async def scenario(pilot: Pilot) -> None:
        widget = app.screen.query_one(AnswerWidget)

        async def light() -> None:
            app.theme = "textual-light"

        async def dark() -> None:
            app.theme = "textual-dark"

        async def blur() -> None:
            app.screen.set_focus(None)

        async def refocus() -> None:
            widget.focus()

        async def narrow() -> None:
            await pilot.resize_terminal(60, 20)

        async def wide() -> None:
            await pilot.resize_terminal(80, 24)

        steps = [
            ("down",), ("up",), ("down",), ("2",), ("up",), light, ("down",), ("up",),
            blur, ("down",), refocus, narrow, ("down",), ("up",), wide, dark, ("3",),
        ]  # fmt: skip
        looks = await kept_matches_fresh_after_each(pilot, steps, kept_and_fresh)
        assert len(looks) >= 8  # the steps did change what is shown

    run_app(app, scenario)


def test_bank_text_with_brackets_is_shown_as_written_in_every_state() -> None:
    choices = ("[red]stop[/red]", "[b]bold[/b] and [link=x]y[/link]", "plain")
    app = RoundHarness(choice_round(choice_question(choices)))

    async def scenario(pilot: Pilot) -> None:
        for keys in ((), ("down",), ("2",), ("3",)):
            await pilot.press(*keys)
            await pilot.pause()
            text = screen_text(app)
            assert "[red]stop[/red]" in text
            assert "[b]bold[/b] and [link=x]y[/link]" in text
        widget = app.screen.query_one(AnswerWidget)
        picked = [row.index for row in widget.query(AnswerRow) if row.picked]
        assert picked == [2]

    run_app(app, scenario)


def test_a_cursor_move_draws_no_container_around_the_rows(monkeypatch) -> None:
    # containers are drawn as their background (game.ui.widgets.blank): only widgets with
    # something of their own to draw go through Textual's style cache on a cursor move
    from textual._styles_cache import StylesCache
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Footer

    app = RoundHarness(choice_round(choice_question(tuple(f"Choice {n}" for n in range(1, 5)))))
    drawn: list[str] = []
    original = StylesCache.render_widget

    def counting(self, widget, crop):
        drawn.append(type(widget).__name__)
        if isinstance(widget, Vertical | Horizontal | VerticalScroll | Screen | Footer):
            drawn.append("container")
        return original(self, widget, crop)

    row_lines = AnswerRow.render_lines

    def row_drawn(self, crop):  # type: ignore[no-untyped-def]
        drawn.append("AnswerRow")  # rows draw their lines without the style cache
        return row_lines(self, crop)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("down")
        await pilot.pause()
        monkeypatch.setattr(StylesCache, "render_widget", counting)
        monkeypatch.setattr(AnswerRow, "render_lines", row_drawn)
        await pilot.press("down")
        await pilot.pause()
        assert "AnswerRow" in drawn
        assert "container" not in drawn, drawn

    run_app(app, scenario)


def test_a_long_choice_wraps_in_its_own_column_under_the_cursor() -> None:
    long = "A choice long enough to wrap onto a second line in a window sixty cells wide"
    app = RoundHarness(choice_round(choice_question(("Short", long))))

    async def scenario(pilot: Pilot) -> None:
        number = app.screen.query_one(AnswerWidget).choices.index(long) + 1
        await pilot.press(str(number))  # picked: the cursor is on it
        await pilot.pause()
        lines = screen_text(app).splitlines()
        first = next(n for n, line in enumerate(lines) if "A choice long" in line)
        assert re.match(rf"^ +▸{number}  \(•\) A choice long", lines[first]), lines[first]
        text_column = lines[first].index("A choice long")
        rest = lines[first + 1]
        assert rest[:text_column].strip() == "" and rest[text_column] != " "
        row = app.screen.query(AnswerRow)[number - 1]
        assert row.on_cursor and row.region.height == 2
        shown = " ".join(part.strip() for part in (lines[first][text_column:], rest[text_column:]))
        assert long in shown

    run_app(app, scenario, size=(60, 20))


def test_arrow_keys_bring_a_row_below_the_fold_into_view() -> None:
    question = Question(
        id="long",
        type=QuestionType.CHOICE,
        prompt=" ".join(f"word{n}" for n in range(700)),
        choices=tuple(f"Choice {n}" for n in range(1, 6)),
        answer="Choice 1",
        explanation="Because.",
    )
    app = RoundHarness(make_round(Bank("long", "long.yaml", "Long", (question,))))

    async def scenario(pilot: Pilot) -> None:
        body = app.screen.query_one("#round-body")
        rows = list(app.screen.query(AnswerRow))
        assert not body.region.contains_region(rows[0].region)  # below the fold at first
        for steps in range(1, 5):
            await pilot.press("down")
            await pilot.pause()
            cursor = next(row for row in rows if row.on_cursor)
            assert cursor is rows[steps]
            assert body.region.contains_region(cursor.region), steps

    run_app(app, scenario)
