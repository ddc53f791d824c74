"""An answer row is one widget: a cursor move redraws the two rows it leaves and reaches,
restyles none, and bank text stays literal (``[red]`` is five characters)."""

from __future__ import annotations

import re

from round_kit import RoundHarness, make_round, run_app, screen_text
from textual.pilot import Pilot

from game.core.model import Bank, Question, QuestionType
from game.ui.widgets.answer_base import AnswerRow, AnswerWidget


def _choice_round(choices: tuple[str, ...]):
    question = Question(
        id="rows",
        type=QuestionType.CHOICE,
        prompt="Which one?",
        choices=choices,
        answer=choices[0],
        explanation="Because.",
    )
    return make_round(Bank("rows", "rows.yaml", "Rows", (question,)))


def test_a_cursor_move_redraws_two_rows_and_restyles_none(monkeypatch) -> None:
    app = RoundHarness(_choice_round(tuple(f"Choice {n}" for n in range(1, 7))))
    rendered: list[int] = []
    restyled: list[object] = []
    original_render = AnswerRow.render

    def counting_render(self: AnswerRow):
        rendered.append(self.index)
        return original_render(self)

    async def scenario(pilot: Pilot) -> None:
        rows = list(app.screen.query(AnswerRow))
        assert len(rows) == 6
        assert all(not row.children for row in rows)  # no child widgets to restyle
        await pilot.press("down")  # warm-up: every row drawn once
        await pilot.pause()
        monkeypatch.setattr(AnswerRow, "render", counting_render)
        original_update = app.update_styles

        def counting_update(node=None, **options) -> None:
            restyled.append(node)
            original_update(node, **options)

        monkeypatch.setattr(app, "update_styles", counting_update)
        await pilot.press("down")
        await pilot.pause()
        assert sorted(rendered) == [1, 2]  # the row left and the row reached
        assert not [node for node in restyled if isinstance(node, AnswerRow)]
        assert "▸3" in screen_text(app).replace(" ", "")

    run_app(app, scenario)


def test_bank_text_with_brackets_is_shown_as_written_in_every_state() -> None:
    choices = ("[red]stop[/red]", "[b]bold[/b] and [link=x]y[/link]", "plain")
    app = RoundHarness(_choice_round(choices))

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

    app = RoundHarness(_choice_round(tuple(f"Choice {n}" for n in range(1, 5))))
    drawn: list[str] = []
    original = StylesCache.render_widget

    def counting(self, widget, crop):
        drawn.append(type(widget).__name__)
        if isinstance(widget, Vertical | Horizontal | VerticalScroll | Screen | Footer):
            drawn.append("container")
        return original(self, widget, crop)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("down")
        await pilot.pause()
        monkeypatch.setattr(StylesCache, "render_widget", counting)
        await pilot.press("down")
        await pilot.pause()
        assert "AnswerRow" in drawn
        assert "container" not in drawn, drawn

    run_app(app, scenario)


def test_a_long_choice_wraps_in_its_own_column_under_the_cursor() -> None:
    long = "A choice long enough to wrap onto a second line in a window sixty cells wide"
    app = RoundHarness(_choice_round(("Short", long)))

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
