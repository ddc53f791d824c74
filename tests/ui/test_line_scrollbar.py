"""The round body's scroll bar, drawn line by line, shows the cells Textual's own scroll bar
draws, at the top, part way and at the bottom, and in both themes."""

from __future__ import annotations

from round_kit import RoundHarness, make_round, run_app
from shell_kit import terminal_output
from textual.pilot import Pilot
from textual.scrollbar import ScrollBar

from game.ui.screens.round import QuestionBody
from game.ui.widgets.line_scrollbar import LineScrollBar


def test_the_bar_draws_what_textuals_scroll_bar_draws(monkeypatch) -> None:
    app = RoundHarness(make_round(question_ids=("national-security-adviser",)))

    async def scenario(pilot: Pilot) -> None:
        await pilot.resize_terminal(60, 20)
        await pilot.press(*"Sulivan", "enter")  # the feedback is longer than the window
        await pilot.pause()
        body = app.screen.query_one(QuestionBody)
        bar = body.vertical_scrollbar
        assert isinstance(bar, LineScrollBar)
        assert body.show_vertical_scrollbar and body.max_scroll_y > 0
        seen = set()
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            for y in (0, body.max_scroll_y // 2, body.max_scroll_y):
                body.scroll_to(y=y, animate=False)
                await pilot.pause()
                ours = terminal_output(app)[0]
                with monkeypatch.context() as patch:
                    patch.setattr(LineScrollBar, "render_line", ScrollBar.render_line)
                    bar.refresh()
                    theirs = terminal_output(app)[0]
                bar.refresh()
                assert ours == theirs, (theme, y)
                seen.add(ours)
        assert len(seen) == 6  # each position and theme drew something else

    run_app(app, scenario)
