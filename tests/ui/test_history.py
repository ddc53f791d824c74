"""Pilot tests of the History screen and its drill-down into one round."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from shell_kit import (
    bank_yaml,
    choice_question,
    footer_keys,
    make_app,
    rivers_bank,
    run_with_pilot,
    screen_text,
    wait_for_text,
    write_bank,
)
from textual.pilot import Pilot
from textual.widgets import DataTable

from game.banks.library import load_bank_by_id
from game.core.rounds import PlayRequest, build_round
from game.session import HISTORY_PAGE, Session
from game.store import open_store
from game.ui.screens.history import HistoryScreen, percent_chart
from game.ui.screens.history_round import HistoryRoundScreen
from game.ui.screens.home import HomeScreen
from game.ui.screens.player import PlayerScreen
from game.ui.widgets.bank_filter import BankFilter

START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
ODD = "[/] [NATO] [@click=app.quit]x"


@pytest.fixture(autouse=True)
def utc_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dates show in local time: make that UTC so the tests read the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _bank(title: str, topic_names: dict[str, str]) -> str:
    topics = list(topic_names)
    questions = [
        choice_question(
            f"q{n}", f"{title} question {n} {ODD}?", f"Right {n}", (f"Wrong {n}",), topics[n % 2]
        ).replace("    quote:", f"    quote: {ODD!r}\n    x-quote:", 1)
        for n in range(1, 5)
    ]
    text = bank_yaml(title, questions, topic_names)
    return "\n".join(line for line in text.splitlines() if "x-quote" not in line) + "\n"


def _play(
    saves: Path,
    questions: Path,
    player: str,
    bank_id: str,
    rights: list[bool],
    when: datetime,
    finish: bool = True,
    count: int = 0,
    gap: int = 5,
) -> None:
    """Record one round as if played: rights[i] says whether question i was answered right,
    gap seconds after the one before; the round has count questions (0: as many as rights)."""
    result = load_bank_by_id(questions, bank_id)
    assert result is not None and result.bank is not None
    count = count or max(len(rights), 1)  # [] : none answered
    request = PlayRequest(bank_id=bank_id, count=count, seed=5)
    played = build_round(result.bank, request)
    store = open_store(saves).store
    round_id = store.start_round(played.round_start(player, when))
    for number, right in enumerate(rights, start=1):
        question = played.questions[number - 1].question
        wrong = next(c for c in question.choices if c != question.answer)
        played, record = played.answer(
            question.answer if right else wrong,
            seconds=4.0,
            answered_at=when + timedelta(seconds=gap * number),
        )
        store.record_answer(round_id, record)
    if finish:
        summary = played.summary()
        store.finish_round(round_id, summary.score, summary.max_score, when + timedelta(minutes=1))
    store.set_last_player(player)
    store.close()


@pytest.fixture
def history(folders: dict[str, Path]) -> dict[str, Path]:
    """Two banks; Ana played four rounds (one left unfinished), Ben one."""
    questions, saves = folders["questions"], folders["saves"]
    write_bank(questions, "alpha", _bank(f"Alpha {ODD}", {"a1": "Dates", "a2": f"People {ODD}"}))
    write_bank(questions, "beta", _bank("Beta", {"b1": "Places", "b2": "Numbers"}))
    _play(saves, questions, "Ben", "beta", [True, True], START - timedelta(days=9))
    _play(saves, questions, "Ana", "alpha", [False, False, True], START)
    _play(saves, questions, "Ana", "beta", [True, False, True, True], START + timedelta(days=1))
    _play(saves, questions, "Ana", "alpha", [True, True, True], START + timedelta(days=2))
    _play(saves, questions, "Ana", "beta", [False], START + timedelta(days=3), finish=False)
    return folders


def _row_keys(table: DataTable) -> list[str]:
    return [
        str(table.coordinate_to_cell_key((row, 0)).row_key.value) for row in range(table.row_count)
    ]


def test_history_lists_rounds_newest_first_and_sorts(history: dict[str, Path]) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#history-rounds", DataTable)
        assert table.row_count == 4
        rounds = app.screen.view.rounds
        assert [r.started_at for r in rounds] == sorted(
            (r.started_at for r in rounds), reverse=True
        )
        text = screen_text(app)
        assert "Player: Ana" in text
        assert "2025-03-04 09:00" in text and "—" in text  # the unfinished round: no %
        assert "2025-03-03 09:00" in text and "100%" in text and "3/3" in text
        assert "2025-03-01 09:00" in text and "33%" in text and "1/3" in text

        await pilot.press("s")  # by bank, descending: Beta before Alpha
        keys = _row_keys(table)
        by_id = {str(r.id): r for r in app.screen.view.rounds}
        assert [by_id[k].bank_id for k in keys] == ["beta", "beta", "alpha", "alpha"]
        await pilot.click("#history-rounds", offset=(2, 0))  # the Date header: back to dates
        await pilot.pause()
        keys = _row_keys(table)
        assert [by_id[k].started_at for k in keys] == sorted(
            (r.started_at for r in app.screen.view.rounds), reverse=True
        )

        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)

    run_with_pilot(app, scenario)


def test_history_filters_by_bank(history: dict[str, Path]) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        screen.query_one("#history-bank", BankFilter).value = "beta"
        await pilot.pause()
        assert screen.view.bank_id == "beta"
        assert {r.bank_id for r in screen.view.rounds} == {"beta"}
        assert screen.query_one("#history-rounds", DataTable).row_count == 2
        screen.query_one("#history-bank", BankFilter).value = ""
        await pilot.pause()
        assert screen.view.bank_id is None and len(screen.view.rounds) == 4

    run_with_pilot(app, scenario)


def test_progress_and_most_missed(history: dict[str, Path]) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("h", "2")
        await pilot.pause()
        text = screen_text(app)
        assert "3 finished rounds · first 33% · last 100%" in text
        assert "100%│" in text and "  0%│" in text
        topics = app.screen.query_one("#history-topics", DataTable)
        accuracies = [line.accuracy for _, line in app.screen.view.topics]
        assert accuracies == sorted(accuracies) and topics.row_count == len(accuracies) == 4
        assert f"People {ODD}" in text or "People [/]" in text

        await pilot.press("3")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ missed 1 of" in text
        assert "Right answer: Right 1" in text or "Right answer: Right" in text

    run_with_pilot(app, scenario, size=(120, 40))


def test_opening_a_round_shows_every_answer_as_stored(history: dict[str, Path]) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("down", "down", "down")  # the oldest round: Alpha, 1 of 3 right
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryRoundScreen)
        text = screen_text(app)
        assert f"Alpha {ODD}" in text
        assert "1 of 3 right" in text
        assert "✗ Wrong" in text and "✓ Right" in text
        answer = screen.answers[0]
        assert f"{answer.prompt}" in text
        assert f"Your answer:  {answer.given}" in text
        assert f"Right answer: {answer.expected}" in text
        assert f"Because {answer.expected}." in text
        assert f"“{ODD}”" in text  # the quote, as stored
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)

    run_with_pilot(app, scenario, size=(120, 40))


def test_history_of_another_player(history: dict[str, Path]) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("h", "p")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert "Whose history?" in screen_text(app)
        await pilot.press("down", "down", "enter")  # Ana, Ben
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.view.player == "Ben"
        assert len(app.screen.view.rounds) == 1
        await pilot.press("escape")
        assert "Player: Ana" in screen_text(app)  # who plays has not changed

    run_with_pilot(app, scenario)


def test_history_with_no_rounds_yet(folders: dict[str, Path]) -> None:
    app = make_app(folders, player="Cleo")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("h")
        await pilot.pause()
        assert "No rounds yet." in screen_text(app)
        await pilot.press("2")
        assert "No finished rounds yet" in screen_text(app)
        await pilot.press("3")
        assert "Nothing missed yet." in screen_text(app)

    run_with_pilot(app, scenario)


def test_percent_chart_scales_to_zero_and_a_hundred() -> None:
    lines = percent_chart([0, 50, 100], width=20, height=4)
    assert len(lines) == 4
    assert lines[0].startswith("100%│") and lines[-1].startswith("  0%│")
    bars = [line[5:] for line in lines]
    assert bars[0].split() == ["███"]  # only the 100% bar reaches the top
    assert bars[-1].split() == ["███", "███"]  # 0% draws nothing
    assert percent_chart([], width=3, height=1) == ["100%│"]
    assert len(percent_chart(list(range(100)), width=30, height=3)[0]) == 30


def test_percent_chart_dates_its_first_and_last_bar_on_an_axis() -> None:
    days = [datetime(2026, 11, 2, 12, tzinfo=UTC), datetime(2026, 12, 3, 12, tzinfo=UTC)]
    lines = percent_chart([40, 100], width=30, height=5, dates=days)
    assert len(lines) == 5 and lines[3].startswith("  0%│")  # the bars keep one row less
    assert lines[-1].split() == ["2", "Nov", "3", "Dec"]
    assert lines[-1].index("2 Nov") == 5  # under the first bar
    assert lines[-1].rstrip().endswith("3 Dec")
    # rounds of different years name the year; a one-row chart has no room for dates
    years = [datetime(2025, 11, 2, 12, tzinfo=UTC), *days[1:]]
    assert "2025" in percent_chart([40, 100], width=40, height=5, dates=years)[-1]
    assert len(percent_chart([40, 100], width=30, height=2, dates=days)) == 2


async def _whole_history(pilot: Pilot[object], timeout: float = 30) -> None:
    """Wait until History shows the whole history, not only its first page."""
    deadline = time.monotonic() + timeout
    while not (isinstance(pilot.app.screen, HistoryScreen) and pilot.app.screen.view.complete):
        assert time.monotonic() < deadline, "the rest of the history never came"
        await pilot.pause(0.02)
    await pilot.pause()


def test_history_opens_on_its_first_page_and_the_rest_follows_from_a_worker(
    folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """60 rounds: History shows the newest 40 and its chart at once, while the rest is read
    (held here); then all 60 are listed, and the chart's facts count them all."""
    questions, saves = folders["questions"], folders["saves"]
    write_bank(questions, "alpha", _bank("Alpha", {"a1": "Dates", "a2": "People"}))
    for n in range(60):
        _play(saves, questions, "Ada", "alpha", [n % 2 == 0], START + timedelta(hours=n))
    release, reading = threading.Event(), threading.Event()
    real_history = Session.history

    def held_history(self, player, bank_id, *, first_page=False):
        if not first_page:
            reading.set()
            assert release.wait(60)
        return real_history(self, player, bank_id, first_page=first_page)

    monkeypatch.setattr(Session, "history", held_history)
    app = make_app(folders, player="Ada")

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("h")
        deadline = time.monotonic() + 30
        while not (isinstance(app.screen, HistoryScreen) and reading.is_set()):
            assert time.monotonic() < deadline
            await pilot.pause(0.02)
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#history-rounds", DataTable)
        assert table.row_count == HISTORY_PAGE
        assert "reading older rounds" in screen_text(app)
        await pilot.press("2")  # the chart is drawn from the first page already
        assert "100%│" in screen_text(app)
        assert "Counting the finished rounds" in screen_text(app)
        await pilot.press("1")
        release.set()
        await _whole_history(pilot)
        assert table.row_count == 60
        assert "reading older rounds" not in screen_text(app)
        await pilot.press("2")
        assert "60 finished rounds · first 100% · last 0%" in screen_text(app)

    try:
        run_with_pilot(app, scenario)
    finally:
        release.set()


def test_history_snapshot(history: dict[str, Path], snap_compare) -> None:
    async def open_history(pilot: Pilot[object]) -> None:
        await pilot.press("h")
        await _whole_history(pilot)

    assert snap_compare(make_app(history), run_before=open_history, terminal_size=(80, 24))


def test_history_snapshot_60x20(history: dict[str, Path], snap_compare) -> None:
    async def open_history(pilot: Pilot[object]) -> None:
        await pilot.press("h")
        await _whole_history(pilot)

    assert snap_compare(make_app(history), run_before=open_history, terminal_size=(60, 20))


def test_history_at_60_columns_keeps_every_figure_and_names_the_bank(
    history: dict[str, Path],
) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("h")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if "Date" in line)
        assert header.split() == ["Date", "Bank", "Mode", "%", "Right", "Time"]
        text = "\n".join(lines)
        assert "100%" in text and "3/3" in text and "33%" in text and "1/3" in text
        assert "20 s" in text  # the Time column is whole
        assert "01 Mar 2025" in text  # a date in its short form
        assert "Beta · unfinished: 1 of 1 answered" in text  # the highlighted round
        await pilot.press("down")
        await pilot.pause()
        assert f"Alpha {ODD}" in screen_text(app)  # its bank's title in full
        assert footer_keys(app)[:3] == ["esc Home", "s Sort", "r Reverse"]
        await pilot.press("2")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        topics_header = next(line for line in lines if line.split()[:1] == ["Score"])
        assert topics_header.split() == ["Score", "Right", "Topic", "Bank"]

    run_with_pilot(app, scenario, size=(60, 20))


def test_end_home_and_the_sort_direction(history: dict[str, Path]) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one("#history-rounds", DataTable)
        by_id = {str(r.id): r for r in app.screen.view.rounds}
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1  # the oldest round
        assert "Alpha" in screen_text(app).splitlines()[-3]  # the line naming its bank
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("r")  # the same column, the other way: oldest first
        dates = [by_id[k].started_at for k in _row_keys(table)]
        assert dates == sorted(dates)
        assert "Sorted by Date ↑" in screen_text(app)
        await pilot.press("r")
        dates = [by_id[k].started_at for k in _row_keys(table)]
        assert dates == sorted(dates, reverse=True)
        assert "Sorted by Date ↓" in screen_text(app)

    run_with_pilot(app, scenario)


def test_rounds_left_without_an_answer_are_counted_not_listed(history: dict[str, Path]) -> None:
    questions, saves = history["questions"], history["saves"]
    _play(saves, questions, "Ana", "alpha", [], START + timedelta(days=4), finish=False)
    _play(saves, questions, "Ana", "beta", [], START + timedelta(days=5), finish=False)
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("h")
        await pilot.pause()
        assert len(app.screen.view.rounds) == 6
        table = app.screen.query_one("#history-rounds", DataTable)
        assert table.row_count == 4
        assert "2 rounds with no answer not listed" in screen_text(app)
        assert "0/0" not in screen_text(app)

    run_with_pilot(app, scenario)


def test_the_bank_filter_is_marked_when_it_has_the_keys(history: dict[str, Path]) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("h")
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert "▌" not in top
        await pilot.press("b")  # the list opens in a frame of its own, over the table
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert any("│ All banks" in line for line in lines)
        assert any("╭" in line and "╮" in line for line in lines[:3])
        await pilot.press("escape")  # closed: the filter still has the keys, and shows it
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert "▌ All banks" in top and top.rstrip().endswith("▐")

    run_with_pilot(app, scenario)


async def open_history(pilot: Pilot[object]) -> HistoryScreen:
    """From home, open History and wait for it."""
    await pilot.press("h")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def test_most_missed_is_filled_when_shown_and_follows_the_bank_filter(
    history: dict[str, Path],
) -> None:
    # The Most missed tab is filled when it is first shown (its entries are left out of
    # History's first frame), and again when the bank filter changes, shown or not.
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        screen = await open_history(pilot)
        assert not screen.query("#history-missed-box")  # not built yet
        screen.query_one("#history-bank", BankFilter).value = "beta"
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ missed 1 of" in text and "Beta question" in text
        assert "Alpha" not in text.split("Most missed", 1)[1]
        screen.query_one("#history-bank", BankFilter).value = "alpha"
        await pilot.pause()
        text = screen_text(app)
        assert "Alpha" in text.split("Most missed", 1)[1] and "Beta question" not in text

    run_with_pilot(app, scenario, size=(120, 40))


@pytest.mark.parametrize(
    "filled", ["the Most missed tab, built", "its list, emptied", "the bank list, opened"]
)
def test_history_filled_as_the_app_ends_mounts_nothing(
    history: dict[str, Path], filled: str
) -> None:
    """A tab can be chosen, or the rest of History arrive from its reader, as the game quits
    (a closed terminal): Textual refuses a mount once the App is ending, and History then
    fills nothing more (it raised, and the traceback replaced the exit status)."""
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        screen = await open_history(pilot)
        if filled == "the Most missed tab, built":
            app.exit()
            await screen.action_tab("history-missed-tab")  # as the tab is chosen
            assert not screen.query("#history-missed-box")
        elif filled == "the bank list, opened":
            bank_filter = screen.query_one("#history-bank", BankFilter)
            app.exit()
            await bank_filter.action_open()  # as the filter's key is pressed
            assert not bank_filter.has_class("-open")
        else:
            await pilot.press("3")
            await wait_for_text(pilot, "✗ missed 1 of")
            app.exit()
            screen.view = dataclasses.replace(screen.view, missed=())  # nothing missed now
            screen._fill_missed()  # as the reader's view arrives
            assert "Nothing missed yet." not in screen_text(app)

    run_with_pilot(app, scenario, size=(120, 40))


def test_progress_is_filled_when_shown_and_follows_the_bank_filter(
    history: dict[str, Path],
) -> None:
    # The Progress tab (chart, facts, topics) is built and filled when it is shown: History
    # opens on the Rounds tab, with nothing behind it; a new bank filter refills it when shown.
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        screen = await open_history(pilot)
        assert not screen.query("#history-topics")  # not built yet
        await pilot.press("2")
        await pilot.pause()
        topics = screen.query_one("#history-topics", DataTable)
        assert topics.row_count > 0
        text = screen_text(app)
        assert "Percentage of each finished round" in text and "Topics, weakest first" in text
        shown = topics.row_count
        screen.query_one("#history-bank", BankFilter).value = "beta"
        await pilot.pause()
        assert 0 < topics.row_count < shown  # beta's topics only

    run_with_pilot(app, scenario, size=(120, 40))


def test_a_click_on_a_tab_title_shows_that_tab(history: dict[str, Path]) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        await open_history(pilot)
        line = screen_text(app).splitlines()[1]
        assert line.startswith(" 1 Rounds  2 Progress  3 Most missed")
        await pilot.click("#history-tab-bar", offset=(line.index("Progress"), 0))
        await pilot.pause()
        assert "Topics, weakest first" in screen_text(app)
        await pilot.click("#history-tab-bar", offset=(line.index("Most missed"), 0))
        await pilot.pause()
        assert "✗ missed 1 of" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert "Sorted by Date" in screen_text(app)

    run_with_pilot(app, scenario, size=(120, 40))


def test_the_bank_filter_is_chosen_by_keys_and_escape_changes_nothing(
    history: dict[str, Path],
) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        screen = await open_history(pilot)
        bank = screen.query_one("#history-bank", BankFilter)
        await pilot.press("b", "down", "down", "enter")  # All banks, Alpha, then Beta
        await pilot.pause()
        assert screen.view.bank_id == "beta" and not bank.is_open
        top = screen_text(app).splitlines()[0]
        assert "Beta" in top and "▼" in top
        assert screen.focused is screen.query_one("#history-rounds")  # keys back on the table
        assert screen.query_one("#history-rounds", DataTable).row_count == 2

        await pilot.press("b", "up", "escape")  # moved, then closed: nothing is chosen
        await pilot.pause()
        assert not bank.is_open and screen.view.bank_id == "beta"
        assert screen.focused is bank  # Escape gives the keys back to the filter
        assert not any("╭" in line for line in screen_text(app).splitlines()[:3])
        await pilot.press("enter")  # Enter on the filter opens its list, at the chosen bank
        await pilot.pause()
        assert bank.is_open and "│ Beta" in screen_text(app)

    run_with_pilot(app, scenario)


def test_the_bank_filter_is_chosen_by_clicks_and_closes_on_a_click_elsewhere(
    history: dict[str, Path],
) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        screen = await open_history(pilot)
        bank = screen.query_one("#history-bank", BankFilter)
        await pilot.click("#history-bank")
        await pilot.pause()
        assert bank.is_open
        await pilot.click("#history-title")  # elsewhere: closed, nothing chosen
        await pilot.pause()
        assert not bank.is_open and screen.view.bank_id is None
        await pilot.click("#history-bank")
        await pilot.pause()
        await pilot.click("#history-bank")  # a second click on the line closes it
        await pilot.pause()
        assert not bank.is_open
        await pilot.click("#history-bank")
        await pilot.pause()
        await pilot.click("BankList", offset=(4, 3))  # under the frame: All banks, Alpha
        await pilot.pause()
        assert not bank.is_open and screen.view.bank_id == "alpha"

    run_with_pilot(app, scenario)


def test_the_bank_filter_shows_a_long_title_as_written_and_cut_to_fit(
    history: dict[str, Path],
) -> None:
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        screen = await open_history(pilot)
        screen.query_one("#history-bank", BankFilter).value = "alpha"
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert "Alpha [/] [NATO] [@click=app.… ▼" in top
        assert isinstance(app.screen, HistoryScreen)  # the markup-like title did nothing

    run_with_pilot(app, scenario)


def test_the_bank_list_does_not_take_the_keys_back_when_the_window_does(
    history: dict[str, Path],
) -> None:
    # Leaving the window closes the open list; coming back, Textual gives the keys back to
    # what had them: never to the closed list (arrows and Escape would go nowhere seen).
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        screen = await open_history(pilot)
        bank = screen.query_one("#history-bank", BankFilter)
        await pilot.press("b")
        await pilot.pause()
        assert bank.is_open
        app.app_focus = False  # the terminal window loses the focus
        await pilot.pause()
        assert not bank.is_open
        app.app_focus = True
        await pilot.pause()
        assert screen.focused is None or screen.focused.display
        await pilot.press("escape")  # History's Escape: home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    run_with_pilot(app, scenario)


@pytest.fixture
def left_exam(history: dict[str, Path]) -> dict[str, Path]:
    """Ana's newest round: 4 questions, left after 3 answered, all 3 right."""
    questions, saves = history["questions"], history["saves"]
    _play(saves, questions, "Ana", "alpha", [True] * 3, START + timedelta(days=5), False, 4)
    return history


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_an_unfinished_round_reads_as_unfinished_in_the_table_and_its_view(
    left_exam: dict[str, Path], size: tuple[int, int]
) -> None:
    """Its % is "—", Right counts the round's 4 questions
    ("3/4", never "3/3", a perfect score), and the line under the table and the round's
    view say the same: 3 of 4 answered."""
    app = make_app(left_exam)

    async def scenario(pilot: Pilot[object]) -> None:
        await open_history(pilot)
        await wait_for_text(pilot, "Sorted by Date")
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if line.split()[:1] == ["Date"])
        row = next(line for line in lines if "06 Mar" in line or "2025-03-06" in line)
        cells = row.split()
        assert "—" in cells and "3/4" in cells, row
        assert "3/3" not in row and "left" not in row
        assert header.index("%") <= row.index("—")  # in the % column
        await wait_for_text(pilot, "unfinished: 3 of 4 answered")  # under the table
        await pilot.press("enter")  # the highlighted round: the newest, unfinished
        text = await wait_for_text(pilot, "unfinished: 3 of 4 answered")
        assert isinstance(app.screen, HistoryRoundScreen)
        assert "3 of 4 right" in text and "3 of 3 right" not in text
        assert "left unfinished" not in text

    run_with_pilot(app, scenario, size=size)


def test_sort_and_reverse_are_offered_only_on_the_rounds_tab(history: dict[str, Path]) -> None:
    """s and r order the Rounds table: the footer shows them there only, and on Progress and
    Most missed they change nothing (not the hidden table's order, nor its note)."""
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        screen = await open_history(pilot)
        table = screen.query_one("#history-rounds", DataTable)
        assert "s Sort" in footer_keys(app) and "r Reverse" in footer_keys(app)
        order = _row_keys(table)
        for tab, shown in (("2", "Topics, weakest first"), ("3", "✗ missed 1 of")):
            await pilot.press(tab)
            await wait_for_text(pilot, shown)
            keys = footer_keys(app)
            assert "s Sort" not in keys and "r Reverse" not in keys, keys
            before = screen_text(app)
            await pilot.press("s", "r", "s")
            await pilot.pause()
            assert screen_text(app) == before
            assert _row_keys(table) == order
        await pilot.press("1")
        await wait_for_text(pilot, "Sorted by Date ↓")
        assert "s Sort" in footer_keys(app) and "r Reverse" in footer_keys(app)
        await pilot.press("r")  # and they work there
        await wait_for_text(pilot, "Sorted by Date ↑")
        assert _row_keys(table) == order[::-1]

    run_with_pilot(app, scenario)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_the_figures_labels_are_right_aligned_over_them(
    history: dict[str, Path], size: tuple[int, int]
) -> None:
    """Score, %, Right and Time end in the column their right-aligned figures end in (a
    round of two minutes makes the times wider than "Time")."""
    questions, saves = history["questions"], history["saves"]
    _play(saves, questions, "Ana", "beta", [True] * 3, START + timedelta(days=5), gap=40)
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        await open_history(pilot)
        await wait_for_text(pilot, "Sorted by Date")
        lines = screen_text(app).splitlines()
        at = next(n for n, line in enumerate(lines) if line.split()[:1] == ["Date"])
        header, rows = lines[at], lines[at + 1 : at + 6]
        assert any("2 min 00 s" in row or "2:00" in row for row in rows)
        labels = [label for label in ("Score", "%", "Right", "Time") if f" {label} " in header]
        assert labels[-3:] == ["%", "Right", "Time"], header
        for label in labels:
            end = header.index(f" {label} ") + 1 + len(label)  # just after the label
            for row in rows:  # each figure ends just before it too
                assert row[end - 1] != " " and row[end] == " ", (label, header, row)

    run_with_pilot(app, scenario, size=size)


def test_a_round_of_ten_answers_or_more_lines_its_numbers_up(folders: dict[str, Path]) -> None:
    """In a round's view, "10." and " 9." end in the same column: every verdict, and every
    answer's text under it, starts in one column."""
    questions, saves = folders["questions"], folders["saves"]
    write_bank(questions, "rivers", rivers_bank(12))
    _play(saves, questions, "Ana", "rivers", [True] * 11, START)
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await open_history(pilot)
        await pilot.press("enter")
        await wait_for_text(pilot, "11. ✓ Right")
        lines = screen_text(app).splitlines()
        heads = [line for line in lines if "✓ Right" in line]
        assert len(heads) == 11
        assert heads[0].startswith("  1. ✓ Right") and heads[-1].startswith(" 11. ✓ Right")
        column = {line.index("✓") for line in heads}
        assert len(column) == 1, heads
        prompts = [line for line in lines if line.strip().startswith("Question ")]
        assert len(prompts) == 11 and {len(p) - len(p.lstrip()) for p in prompts} == column

    run_with_pilot(app, scenario, size=(80, 90))


def test_a_long_bank_title_in_most_missed_wraps_under_itself(history: dict[str, Path]) -> None:
    """At 60 columns Alpha's long title does not fit beside "✗ missed 1 of 1 times": its
    second line starts under its first, not at the left edge."""
    app = make_app(history)

    async def scenario(pilot: Pilot[object]) -> None:
        screen = await open_history(pilot)
        screen.query_one("#history-bank", BankFilter).value = "alpha"
        await pilot.press("3")
        await wait_for_text(pilot, "✗ missed 1 of")
        lines = screen_text(app).splitlines()
        at = next(n for n, line in enumerate(lines) if "✗ missed" in line)
        head, rest = lines[at], lines[at + 1]
        assert head.rstrip().endswith("Alpha [/] [NATO]"), head  # the title, wrapped
        assert rest.strip().startswith("[@click"), rest
        assert len(rest) - len(rest.lstrip()) == head.index("Alpha"), (head, rest)

    run_with_pilot(app, scenario, size=(60, 20))


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
@pytest.mark.parametrize("where", ["round view", "most missed"])
def test_text_keeps_a_column_from_the_scrollbar(
    folders: dict[str, Path], size: tuple[int, int], where: str
) -> None:
    """Prompts of one long word fill their lines: the column left of the scrollbar stays
    empty in the round view and on the Most missed tab (and the answers are still a line
    apart)."""
    questions, saves = folders["questions"], folders["saves"]
    prompts = [choice_question(f"q{n}", "W" * 150 + f" {n}?", "Yes", ("No",)) for n in range(6)]
    write_bank(questions, "wide", bank_yaml("Wide", prompts))
    _play(saves, questions, "Ana", "wide", [False] * 6, START)
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await open_history(pilot)
        await pilot.press("enter" if where == "round view" else "3")
        await wait_for_text(pilot, "WWWW")
        box = app.screen.query_one(
            "#history-round-answers" if where == "round view" else "#history-missed-box"
        )
        assert box.show_vertical_scrollbar
        bar = box.vertical_scrollbar.region
        lines = screen_text(app).splitlines()[bar.y : bar.bottom]
        assert any(line[: bar.x - 1].endswith("W") for line in lines)  # text fills up to...
        assert all(line[bar.x - 1] == " " for line in lines), "\n".join(lines)  # ...a gap
        heads = [n for n, line in enumerate(lines) if line.lstrip().startswith(("1.", "✗"))]
        between = [lines[n - 1][: bar.x].strip() for n in heads if n]
        assert heads and not any(between), "\n".join(lines)  # the answers a line apart

    run_with_pilot(app, scenario, size=size)
