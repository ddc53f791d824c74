"""The article reader: `a` on feedback, in History's round view and on home opens the bank's
article, scrolled to the quote with the quote highlighted; n/N go through the round's quotes."""

from __future__ import annotations

from pathlib import Path

import pytest
from shell_kit import make_app, run_with_pilot, screen_text, write_bank
from textual.pilot import Pilot

from game.core.rounds import PlayRequest
from game.core.textmatch import quote_span
from game.ui.screens.article import ArticleScreen, date_text, paragraphs
from game.ui.screens.history import HistoryScreen
from game.ui.screens.history_round import HistoryRoundScreen
from game.ui.screens.home import HomeScreen
from game.ui.screens.round import RoundScreen

FILLER = "Filler sentence about nothing in particular, to take up room on the screen."
PARAGRAPHS = [
    "The first paragraph says the river [red]floods[/] in spring.",
    *(f"{FILLER} {FILLER} Paragraph {n}." for n in range(2, 9)),
    "Late in the article, the mayor said the bridge would open in May.",
    "The last paragraph says the harbour [@click=app.quit]closes[/] at night.",
]
ARTICLE = "\n\n".join(PARAGRAPHS) + "\n"
QUOTES = {
    "bridge": "the mayor said the bridge would open in May.",
    "floods": "the river [red]floods[/] in spring.",
    "harbour": "the harbour [@click=app.quit]closes[/] at night.",
}


def _bank() -> str:
    lines = [
        'title: "Town news"',
        "source:",
        '  title: "The Town [b]Gazette[/b] reports"',
        '  publisher: "The Daily Example"',
        "  published: 2024-11-07",
        "  file: sources/town.txt",
        "questions:",
    ]
    for qid, quote in QUOTES.items():
        lines += [
            f"  - id: {qid}",
            "    type: choice",
            f'    prompt: "What about the {qid}?"',
            "    choices: [Right, Wrong]",
            "    answer: Right",
            '    explanation: "Because."',
            f'    quote: "{quote}"',
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def town(folders: dict[str, Path]) -> dict[str, Path]:
    sources = folders["questions"] / "sources"
    sources.mkdir(parents=True)
    (sources / "town.txt").write_text(ARTICLE, encoding="utf-8")
    write_bank(folders["questions"], "town", _bank())
    return folders


def _play(town: dict[str, Path]):
    request = PlayRequest("town", "quick", count=3, seed=7)
    return make_app(town, player="Ana", play=request)


async def _wait_for(pilot: Pilot[object], screen_type: type) -> None:
    for _ in range(200):
        if isinstance(pilot.app.screen, screen_type):
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{screen_type.__name__} never showed; {pilot.app.screen!r} did")


def _highlighted(reader: ArticleScreen) -> str:
    span = reader.span
    assert span is not None
    return reader.text[span[0] : span[1]]


def test_quote_span_finds_the_quote_across_folded_spaces_and_curly_quotes() -> None:
    text = "He said \u201cyes\u201d.\n\n  Then   we left."
    start, end = quote_span(text, 'said "yes". Then we left.') or (0, 0)
    assert text[start:end] == "said \u201cyes\u201d.\n\n  Then   we left."
    assert quote_span(text, "not there") is None
    assert date_text("2024-11-07") == "November 7, 2024" and date_text("soon") == "soon"
    assert [offset for offset, _ in paragraphs("a\n\nb\n \nc")] == [0, 3, 7]


def test_a_on_feedback_opens_the_article_at_this_quote_and_n_goes_through_the_round(
    town: dict[str, Path],
) -> None:
    app = _play(town)

    async def scenario(pilot: Pilot[object]) -> None:
        await _wait_for(pilot, RoundScreen)
        round_screen = app.screen
        assert isinstance(round_screen, RoundScreen)
        await pilot.press("a")  # answering: `a` does nothing (it may be a typed letter)
        assert app.screen is round_screen
        order = [asked.question.quote for asked in round_screen.round_state.questions]
        for _ in range(2):
            await pilot.press("1", "enter")  # answer; feedback shows
            await pilot.pause()
            assert round_screen.phase == "feedback"
            if round_screen.round_state.position < 2:
                await pilot.press("enter")
                await pilot.pause()
        assert "a Article" in screen_text(app)
        await pilot.press("a")
        await _wait_for(pilot, ArticleScreen)
        reader = app.screen
        assert isinstance(reader, ArticleScreen)
        # the answer just given is the second: its quote, and only the quotes answered so far
        assert reader.quotes == order[:2] and reader.index == 1
        assert _highlighted(reader) == order[1]
        text = screen_text(app)
        assert "The Town [b]Gazette[/b] reports" in text
        assert "November 7, 2024  ·  The Daily Example" in text
        assert "Quote 2 of 2" in text
        assert order[1][:30] in text.replace("\n", " ").replace("  ", " ") or any(
            line.strip() and line.strip() in order[1] for line in text.splitlines()
        )
        await pilot.press("N")
        await pilot.pause()
        assert reader.index == 0 and _highlighted(reader) == order[0]
        assert "Quote 1 of 2" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert reader.index == 1
        await pilot.press("escape")
        await _wait_for(pilot, RoundScreen)
        assert app.screen is round_screen and round_screen.phase == "feedback"
        # back on the feedback, the keys are the feedback's: no hidden widget took them
        assert round_screen.focused is None and "⏎ Next" in screen_text(app)
        await pilot.press("enter")
        for _ in range(200):
            if round_screen.phase == "answering":
                break
            await pilot.pause(0.02)
        assert round_screen.round_state.position == 2 and round_screen.phase == "answering"
        assert f"Question 3 / {len(order)}" in screen_text(app)

    run_with_pilot(app, scenario)


def test_the_reader_scrolls_to_a_quote_far_down_the_article(town: dict[str, Path]) -> None:
    app = make_app(town, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await _wait_for(pilot, HomeScreen)
        reader = ArticleScreen(
            _source(town), "Town news", [QUOTES["floods"], QUOTES["bridge"]], index=1
        )
        await app.push_screen(reader)
        await pilot.pause()
        for _ in range(100):
            if "the mayor said the bridge" in screen_text(app):
                break
            await pilot.pause(0.02)
        text = screen_text(app)
        assert "the mayor said the bridge would open in May." in text
        assert "The first paragraph" not in text  # scrolled down to it
        await pilot.press("n")  # wraps around to the first quote, at the top
        for _ in range(100):
            if "The first paragraph" in screen_text(app):
                break
            await pilot.pause(0.02)
        text = screen_text(app)
        assert "the river [red]floods[/] in spring." in text  # markup shown as written

    run_with_pilot(app, scenario)


def _source(town: dict[str, Path]):
    from game.banks.library import load_bank_by_id

    result = load_bank_by_id(town["questions"], "town")
    assert result is not None and result.bank is not None and result.bank.source is not None
    return result.bank.source


def test_a_on_home_reads_the_selected_banks_article_from_the_top(town: dict[str, Path]) -> None:
    app = make_app(town, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await _wait_for(pilot, HomeScreen)
        assert "a Article" in screen_text(app)
        await pilot.press("a")
        await _wait_for(pilot, ArticleScreen)
        text = screen_text(app)
        assert "The whole article." in text
        assert "The first paragraph says the river [red]floods[/] in spring." in text
        assert "Quote" not in text and "Next quote" not in text
        await pilot.press("escape")
        await _wait_for(pilot, HomeScreen)

    run_with_pilot(app, scenario)


def test_a_bank_without_an_article_says_so(folders: dict[str, Path]) -> None:
    write_bank(
        folders["questions"],
        "plain",
        "title: Plain\nquestions:\n  - id: q\n    type: truefalse\n    prompt: Yes?\n"
        "    answer: true\n    explanation: Yes.\n",
    )
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await _wait_for(pilot, HomeScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Plain has no article to read." in screen_text(app)

    run_with_pilot(app, scenario)


def test_a_in_historys_round_view_opens_the_reader_at_the_answer_in_view(
    town: dict[str, Path],
) -> None:
    app = _play(town)

    async def scenario(pilot: Pilot[object]) -> None:
        await _wait_for(pilot, RoundScreen)
        round_screen = app.screen
        assert isinstance(round_screen, RoundScreen)
        order = [asked.question.quote for asked in round_screen.round_state.questions]
        for _ in range(3):
            await pilot.press("1", "enter")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        for _ in range(200):
            if not isinstance(app.screen, RoundScreen):
                break
            await pilot.pause(0.02)
        await pilot.press("escape")  # the summary's way home
        for _ in range(200):
            if isinstance(app.screen, HomeScreen):
                break
            await pilot.press("escape")
            await pilot.pause(0.02)
        await pilot.press("h")
        await _wait_for(pilot, HistoryScreen)
        await pilot.press("enter")
        await _wait_for(pilot, HistoryRoundScreen)
        await pilot.press("a")
        await _wait_for(pilot, ArticleScreen)
        reader = app.screen
        assert isinstance(reader, ArticleScreen)
        assert reader.quotes == order and reader.index == 0
        assert _highlighted(reader) == order[0]
        await pilot.press("n", "n")
        await pilot.pause()
        assert reader.index == 2 and _highlighted(reader) == order[2]
        assert "Quote 3 of 3" in screen_text(app)
        await pilot.press("escape")
        await _wait_for(pilot, HistoryRoundScreen)

    run_with_pilot(app, scenario)


def _reader_app(town: dict[str, Path]):
    app = make_app(town, player="Ana")

    async def open_reader(pilot: Pilot[object]) -> None:
        await _wait_for(pilot, HomeScreen)
        quotes = [QUOTES["floods"], QUOTES["bridge"], None]
        await app.push_screen(ArticleScreen(_source(town), "Town news", quotes, index=1))
        for _ in range(100):
            if "the mayor said the bridge" in screen_text(app):
                break
            await pilot.pause(0.02)
        await pilot.pause()

    return app, open_reader


def test_reader_snapshot_80x24(town: dict[str, Path], snap_compare) -> None:
    app, open_reader = _reader_app(town)
    assert snap_compare(app, run_before=open_reader, terminal_size=(80, 24))


def test_reader_snapshot_60x20(town: dict[str, Path], snap_compare) -> None:
    app, open_reader = _reader_app(town)
    assert snap_compare(app, run_before=open_reader, terminal_size=(60, 20))


def test_a_question_without_a_quote_says_so(town: dict[str, Path]) -> None:
    app, open_reader = _reader_app(town)

    async def scenario(pilot: Pilot[object]) -> None:
        await open_reader(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert "Quote 3 of 3: this question has no quote" in screen_text(app)
        reader = app.screen
        assert isinstance(reader, ArticleScreen)
        assert reader.span is None

    run_with_pilot(app, scenario)


HEADED = "November 7, 2024\nThe Town [b]Gazette[/b] reports\n\n" + ARTICLE


@pytest.fixture
def headed_town(town: dict[str, Path]) -> dict[str, Path]:
    """The town's article file starting, as many do, with its date and title."""
    (town["questions"] / "sources" / "town.txt").write_text(HEADED, encoding="utf-8")
    return town


def test_the_article_s_own_date_and_title_lines_are_shown_once_in_the_heading(
    headed_town: dict[str, Path],
) -> None:
    app = make_app(headed_town, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await _wait_for(pilot, HomeScreen)
        await pilot.press("a")
        await _wait_for(pilot, ArticleScreen)
        rows = screen_text(app).splitlines()
        shown = "\n".join(rows)
        assert shown.count("The Town [b]Gazette[/b] reports") == 1, shown
        assert shown.count("November 7, 2024") == 1, shown
        assert rows[0].strip() == "The Town [b]Gazette[/b] reports", shown  # the heading
        assert rows[1].strip() == "November 7, 2024  ·  The Daily Example", shown
        assert rows[2].strip().startswith("The whole article."), shown
        # then the article's first paragraph, as written
        assert rows[3].strip() == "The first paragraph says the river [red]floods[/] in", shown

    run_with_pilot(app, scenario, size=(60, 20))


def test_quotes_are_found_in_an_article_whose_heading_lines_are_left_out(
    headed_town: dict[str, Path],
) -> None:
    app = make_app(headed_town, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await _wait_for(pilot, HomeScreen)
        quotes = [QUOTES["floods"], QUOTES["harbour"]]
        reader = ArticleScreen(_source(headed_town), "Town news", quotes)
        await app.push_screen(reader)
        await _wait_for(pilot, ArticleScreen)
        assert _highlighted(reader) == "the river [red]floods[/] in spring."
        shown = [str(p.render()) for p in reader.query(".article-paragraph")]
        assert shown == ARTICLE.strip().split("\n\n")  # every paragraph exactly as written
        await pilot.press("n")
        assert _highlighted(reader) == "the harbour [@click=app.quit]closes[/] at night."

    run_with_pilot(app, scenario, size=(60, 20))
