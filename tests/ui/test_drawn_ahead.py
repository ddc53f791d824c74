"""What the round draws ahead, while the player reads or thinks: the next question's answer rows
during the feedback, and why (with the article's words) during the question. Enter then only
shows them. What is shown must be what a fresh draw shows, and the feedback's text can still be
selected with the mouse and copied. Text already shown is not given again (it would be drawn
again)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from round_kit import (
    ARTICLE_BANK,
    RoundHarness,
    choice_question,
    choice_round,
    kept_matches_fresh_after_each,
    make_round,
    right_keys,
    run_app,
    screen_text,
)
from shell_kit import terminal_output
from textual.pilot import Pilot
from textual.widget import Widget

from game.ui.screens.round import QuestionBody, RoundScreen
from game.ui.widgets import lines_panel
from game.ui.widgets.answer_base import AnswerRow, Caption
from game.ui.widgets.feedback import FeedbackPanel, WhyPanel


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_enter_shows_rows_and_why_drawn_while_the_player_read(monkeypatch, size) -> None:
    # Counted from Enter to the frame it leads to: the lines of the next question's rows,
    # and of why under the feedback, drawn then rather than ahead. At 60x20 the feedback is
    # longer than the window: why is drawn ahead as wide as the scroll bar then leaves it.
    # one question whose why is longer than the window: the body gets a scroll bar with it
    long = tuple(
        replace(q, explanation=" ".join([q.explanation] * 12)) if q.id == "fentanyl-talks" else q
        for q in ARTICLE_BANK.questions
    )
    played = make_round(replace(ARTICLE_BANK, questions=long), count=6, seed=99)
    app = RoundHarness(played)
    drawn: list[str] = []
    rows_drawn, why_drawn = AnswerRow._content_lines, lines_panel.block_lines

    def counting_rows(self: AnswerRow, width: int, focused: bool):
        drawn.append(f"row {self.index} at {width}")
        return rows_drawn(self, width, focused)

    def counting_blocks(blocks, width: int):
        if any(block.text.plain.startswith("Why:") for block in blocks):
            drawn.append(f"why at {width}")
        return why_drawn(blocks, width)

    monkeypatch.setattr(AnswerRow, "_content_lines", counting_rows)
    monkeypatch.setattr(lines_panel, "block_lines", counting_blocks)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        answered = 0
        while screen.phase == "answering" and screen.round_state.current is not None:
            asked = screen.round_state.current
            *picks, enter = right_keys(asked)
            await pilot.press(*picks)
            await pilot.pause()
            drawn.clear()
            await pilot.press(enter)
            await pilot.pause()
            assert screen.phase == "feedback"
            why = screen.query_one(WhyPanel)
            assert why.region.height and "Why:" in "".join(
                strip.text for strip in why.render_lines(why.region.reset_offset)
            )
            assert not [line for line in drawn if line.startswith("why")], (asked.id, drawn)
            answered += 1
            if screen.round_state.finished:
                break
            drawn.clear()
            await pilot.press("enter")
            await pilot.pause()
            assert screen.phase == "answering"
            rows = [row for row in screen.query(AnswerRow) if row.region.height]
            if rows and not rows[0]._extra:  # a match's rows are a Rich grid, drawn as shown
                assert not [line for line in drawn if line.startswith("row")], (
                    screen.round_state.current.question.id,
                    drawn,
                )
        assert answered == 6

    run_app(app, scenario, size=size)


def test_drawn_ahead_lines_are_what_a_fresh_draw_shows_after_every_change(monkeypatch) -> None:
    # The feedback, why, and the next question's rows: after each change (an answer, Enter,
    # a theme, a narrow window, the cursor) the screen must be what Textual's own drawing of
    # the same text shows.
    order = ("fentanyl-talks", "national-security-adviser", "ties-with", "sanctions-lifted")
    app = RoundHarness(make_round(question_ids=order, count=len(order)))

    def kept_and_fresh() -> tuple[str, str]:
        kept = terminal_output(app)[0]
        with monkeypatch.context() as patch:
            for kind in (AnswerRow, FeedbackPanel, WhyPanel):
                patch.setattr(kind, "render_line", Widget.render_line)
            for kind in (AnswerRow, Caption, FeedbackPanel, WhyPanel):
                patch.setattr(kind, "render_lines", Widget.render_lines)
            fresh = terminal_output(app)[0]
        return kept, fresh

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)

        async def answer_wrongly() -> None:  # "Right answer:" shown too
            asked = screen.round_state.current
            assert asked is not None
            keys = right_keys(asked)
            wrong = {"1": "2", "2": "1", "t": "f", "f": "t"}
            await pilot.press(*[wrong.get(key, key) for key in keys[:1]], *keys[1:])

        async def light() -> None:
            app.theme = "textual-light"

        async def dark() -> None:
            app.theme = "textual-dark"

        async def narrow() -> None:
            await pilot.resize_terminal(60, 20)

        async def wide() -> None:
            await pilot.resize_terminal(80, 24)

        steps = [
            answer_wrongly, narrow, light, ("enter",), wide, answer_wrongly, dark, ("enter",),
            ("down",), ("down",), answer_wrongly, ("enter",),
        ]  # fmt: skip
        looks = await kept_matches_fresh_after_each(pilot, steps, kept_and_fresh)
        assert len(looks) == len(steps)  # every step changed what is shown

    run_app(app, scenario)


def test_the_feedback_and_the_quote_can_be_selected_with_the_mouse_and_copied() -> None:
    played = make_round(count=1, seed=99)
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        asked = screen.round_state.current
        assert asked is not None and asked.question.quote
        await pilot.press(*right_keys(asked))
        await pilot.pause()
        why = screen.query_one(WhyPanel)
        screen.query_one(QuestionBody).scroll_end(animate=False)
        await pilot.pause()
        # a drag along the first line of the quote, from its first word's first letter
        words = asked.question.quote.split()
        lines = [strip.text for strip in why.render_lines(why.region.reset_offset)]
        row = next(n for n, line in enumerate(lines) if line.lstrip().startswith("▌"))
        start = lines[row].index(words[0])
        end = start + len(" ".join(words[:3]))
        await pilot.mouse_down(WhyPanel, offset=(start, row))
        await pilot.hover(WhyPanel, offset=(end, row))
        await pilot.mouse_up(WhyPanel, offset=(end, row))
        await pilot.pause()
        assert (screen.get_selected_text() or "").strip() == " ".join(words[:3])
        # all of why, and the verdict, as written
        why.text_select_all()
        await pilot.pause()
        copied = screen.get_selected_text() or ""
        assert f"Why: {asked.question.explanation}" in copied
        assert words[-1] in copied
        screen.query_one(FeedbackPanel).text_select_all()
        await pilot.pause()
        assert "✓ Right" in (screen.get_selected_text() or "")

    run_app(app, scenario)


def test_text_the_header_already_shows_is_not_given_again(monkeypatch) -> None:
    # Giving a Static text lays it out and draws it again: the empty hint is left as it is.
    # (The score is in the header, which only redraws itself: see test_round_header.)
    from textual.widgets import Static

    app = RoundHarness(make_round(count=3, seed=99))
    updated: list[str | None] = []
    update = Static.update

    def counting_update(self: Static, *args, **kwargs) -> None:
        updated.append(self.id)
        update(self, *args, **kwargs)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.press(*right_keys(screen.round_state.current))
        await pilot.pause()
        monkeypatch.setattr(Static, "update", counting_update)
        coming = screen.round_state.current
        assert coming is not None
        await pilot.press("enter")
        await pilot.pause()
        assert screen.phase == "answering"
        assert "round-hint" not in updated, updated
        # the new question's text is shown
        assert " ".join(coming.question.prompt.split()[:4]) in " ".join(screen_text(app).split())
        assert "pts" in screen_text(app).splitlines()[0]

    run_app(app, scenario)


def test_a_caption_drawn_for_a_question_before_is_not_drawn_again(monkeypatch) -> None:
    # Each question has a new answer widget and caption; "Pick one: ..." was drawn already.
    questions = [choice_question(("Right", "Wrong"), question_id=f"q{n}") for n in range(3)]
    app = RoundHarness(choice_round(*questions, count=3))
    drawn: list[str] = []
    draw = Widget.render_lines

    def counting(self: Widget, crop):
        if isinstance(self, Caption):
            drawn.append(str(self.content))
        return draw(self, crop)

    monkeypatch.setattr(Widget, "render_lines", counting)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        for _ in range(2):
            await pilot.press(*right_keys(screen.round_state.current))
            await pilot.pause()
            drawn.clear()
            await pilot.press("enter")
            await pilot.pause()
            caption = next(c for c in screen.query(Caption) if c.region.height)
            assert str(caption.content).startswith("Pick one"), str(caption.content)
            assert drawn == [], drawn

    run_app(app, scenario)


def test_a_typed_answers_line_comes_and_goes_without_its_styles_looked_up_again(
    monkeypatch,
) -> None:
    # Gaining or losing focus made Textual look the line's styles up again (an Input and its
    # four parts: 1.2 ms in the frame that shows the question, and in its feedback's). The line
    # is drawn focused whenever it is shown, so nothing is looked up, and it looks focused.
    from textual.color import Color
    from textual.css.stylesheet import Stylesheet

    from game.ui.widgets.short_answer import AnswerLine

    # seed 1: the choice question, then the typed one
    played = make_round(question_ids=("national-security-adviser", "ties-with"), seed=1)
    app = RoundHarness(played)
    restyled: list[str] = []
    update_nodes = Stylesheet.update_nodes

    def counting(self: Stylesheet, nodes, animate: bool = False) -> None:  # type: ignore[no-untyped-def]
        nodes = list(nodes)
        restyled.extend(type(node).__name__ for node in nodes)
        update_nodes(self, nodes, animate)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert screen.round_state.current.question.id == "ties-with"
        await pilot.press(*right_keys(screen.round_state.current), "enter")
        while not screen.query(AnswerLine):  # the typed question's line, built ahead
            await pilot.pause()
        await pilot.pause()
        monkeypatch.setattr(Stylesheet, "update_nodes", counting)
        await pilot.press("enter")  # the typed question comes up: its line takes the keys
        await pilot.pause()
        line = screen.query_one(AnswerLine)
        assert line.has_focus
        assert line.styles.border_top[1] == Color.parse(app.theme_variables["border"])
        await pilot.press(*"Sullivan", "enter")  # its feedback: the line lets the keys go
        await pilot.pause()
        assert screen.phase == "feedback" and not line.has_focus
        assert "AnswerLine" not in restyled, restyled

    run_app(app, scenario)


def test_the_next_questions_rows_and_scroll_bar_skip_textuals_style_cache(monkeypatch) -> None:
    # Textual draws each line of a widget through its style cache, which for a row or the
    # body's scroll bar (no border, no padding) only copies the line: most of their drawing
    # time in the frame that shows the next question. Their lines, as Textual would draw
    # them (tested against it in test_answer_rows and test_line_scrollbar), skip it, and a
    # row's lines are ready before Enter: drawn while the feedback was read.
    from textual._styles_cache import StylesCache

    from game.ui.widgets.line_scrollbar import LineScrollBar

    # every other question's prompt made longer than the window: the body gets a scroll bar
    long = tuple(
        replace(q, prompt=" ".join([q.prompt] * 8)) if n % 2 else q
        for n, q in enumerate(ARTICLE_BANK.questions)
    )
    app = RoundHarness(make_round(replace(ARTICLE_BANK, questions=long), count=8, seed=3))
    cached: list[str] = []
    fresh: list[int] = []
    render_widget, fresh_lines = StylesCache.render_widget, AnswerRow.fresh_lines

    def through_cache(self, widget, crop):  # type: ignore[no-untyped-def]
        cached.append(type(widget).__name__)
        return render_widget(self, widget, crop)

    def drawn_now(self, crop, background, filters):  # type: ignore[no-untyped-def]
        fresh.append(self.index)
        return fresh_lines(self, crop, background, filters)

    monkeypatch.setattr(StylesCache, "render_widget", through_cache)
    monkeypatch.setattr(AnswerRow, "fresh_lines", drawn_now)
    bars = 0

    async def scenario(pilot: Pilot) -> None:
        nonlocal bars
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        body = screen.query_one(QuestionBody)
        while screen.round_state.current is not None:
            await pilot.press(*right_keys(screen.round_state.current))
            await pilot.pause()
            if screen.round_state.finished:
                break
            await pilot.pause()
            cached.clear()
            fresh.clear()
            await pilot.press("enter")
            await pilot.pause()
            rows = [row for row in screen.query(AnswerRow) if row.region.height]
            if rows and not rows[0]._extra:  # a match's rows are a Rich grid, drawn by Textual
                assert "AnswerRow" not in cached, cached
                assert fresh == [], fresh  # their lines were drawn ahead
            if body.show_vertical_scrollbar:
                bars += 1
                assert isinstance(body.vertical_scrollbar, LineScrollBar)
                assert "LineScrollBar" not in cached, cached
            assert "Prompt" not in cached, cached  # nor does the new prompt, drawn ahead

    run_app(app, scenario, size=(60, 20))
    assert bars  # some question was longer than the window
