"""The History screen: a player's rounds, percentage over time, weakest topics, most missed."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalGroup, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.style import Style as TextualStyle
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable, Static
from textual.worker import Worker, WorkerState

from game.core.figures import percent_text
from game.core.history_view import HistoryView, MissedLine, RoundLine
from game.core.safe_text import one_line, several_lines
from game.ui.screen_css import screen_css
from game.ui.screens.history_layout import (
    COLUMN_LABELS,
    RIGHT_ALIGNED,
    ROUND_COLUMNS,
    HistoryTable,
    RoundsLayout,
    plan_rounds,
    unfinished_text,
)
from game.ui.widgets.bank_filter import BankFilter
from game.ui.widgets.blank import BlankVertical
from game.ui.widgets.fit_footer import FitFooter

ALL_BANKS = ""  # the bank filter's value for no filter
BLOCKS = " ▁▂▃▄▅▆▇█"


def percent_chart(
    values: Sequence[float], width: int, height: int, dates: Sequence[datetime] = ()
) -> list[str]:
    """Bars of percentages (0-100), newest right, as many as fit, with a 0-100% axis.

    Each bar is up to three cells wide (with a gap) when there is room for it. Given the
    rounds' dates (one per value) and at least three rows, the last row is a date axis: the
    first and the last bar shown are dated under them.
    """
    axis_width = 5
    room = max(0, width - axis_width)
    dated = len(dates) == len(values) and len(values) > 0 and height >= 3
    lines = _bars(values, room, height - 1 if dated else height)
    if dated:
        shown = len(lines[0]) - axis_width if lines else 0
        count = min(len(values), room)
        lines.append(_date_axis(list(dates)[-count:], shown, room, axis_width) if count else "")
    return lines


def _bars(values: Sequence[float], room: int, height: int) -> list[str]:
    height = max(1, height)
    shown = list(values)[-room:] if room else []
    bar_width = max(1, min(3, room // (len(shown) + 1))) if shown else 1
    gap = " " if bar_width > 1 else ""
    lines = []
    for row in range(height):  # top row first
        floor_eighths = (height - 1 - row) * 8
        cells = []
        for value in shown:
            eighths = round(max(0.0, min(100.0, value)) / 100 * height * 8)
            cells.append(BLOCKS[max(0, min(8, eighths - floor_eighths))] * bar_width + gap)
        label = "100%" if row == 0 else "  0%" if row == height - 1 else ""
        if height > 2 and row == (height - 1) // 2 and not label:
            label = f"{100 - round(100 * row / (height - 1)):>3}%"
        lines.append(f"{label:>4}│" + "".join(cells))
    return lines


def _day(moment: datetime, with_year: bool) -> str:
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y}" if with_year else f"{local.day} {local:%b}"


def _date_axis(dates: list[datetime], bars_width: int, room: int, axis_width: int) -> str:
    """The first date under the first bar, the last ending under the last bar (or just after
    the first date when the bars are narrower than both), within room cells."""
    years = {moment.astimezone().year for moment in dates}
    first, last = _day(dates[0], len(years) > 1), _day(dates[-1], len(years) > 1)
    end = max(bars_width, len(first) + 1 + len(last))
    if last == first or end > room:
        return " " * axis_width + first[:room]
    return " " * axis_width + first + last.rjust(end - len(first))


class PercentChart(Widget):
    """The percentage of each finished round, oldest left, drawn to the widget's size."""

    def __init__(self, values: Sequence[float] = (), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.values = list(values)
        self.dates: list[datetime] = []

    def set_values(self, values: Sequence[float], dates: Sequence[datetime] = ()) -> None:
        """Draw these values instead (with the rounds' dates under them when given)."""
        self.values = list(values)
        self.dates = list(dates)
        self.refresh()

    def render(self) -> Content:
        """The chart, or a word when there is nothing to draw."""
        if not self.values:
            return Content("No finished rounds yet: the chart starts with the first one.")
        width, height = self.size
        return Content("\n".join(percent_chart(self.values, width, height, self.dates)))


TABS = (
    ("history-rounds-tab", "1 Rounds"),
    ("history-progress-tab", "2 Progress"),
    ("history-missed-tab", "3 Most missed"),
)


class TabBar(Widget):
    """History's tabs: a line of titles over a line that marks the one shown. A key or a
    click shows another (the screen does it: see HistoryScreen.action_tab).

    One widget, not Textual's TabbedContent, whose tabs, underline and panes were about a
    quarter of History's first frame (nine widgets to style and lay out)."""

    DEFAULT_CSS = """
    TabBar {
        height: 2;
    }
    TabBar > .tab-bar--title {
        color: $foreground 50%;
    }
    TabBar > .tab-bar--title-shown {
        color: $foreground;
    }
    TabBar > .tab-bar--line {
        color: $foreground 10%;
    }
    TabBar > .tab-bar--line-shown {
        color: $block-cursor-background;
    }
    """
    COMPONENT_CLASSES = {
        "tab-bar--title",
        "tab-bar--title-shown",
        "tab-bar--line",
        "tab-bar--line-shown",
    }

    class Chosen(Message):
        """The player clicked a tab."""

        def __init__(self, pane: str) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, active: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._active = active

    @property
    def active(self) -> str:
        """The id of the pane shown."""
        return self._active

    @active.setter
    def active(self, pane: str) -> None:
        if pane != self._active:
            self._active = pane
            self.refresh()

    def _spans(self) -> list[tuple[str, str, int, int]]:
        """(pane, title, first column, width) of each tab: a title with a space either side."""
        spans, at = [], 0
        for pane, title in TABS:
            spans.append((pane, title, at, len(title) + 2))
            at += len(title) + 2
        return spans

    def render(self) -> Content:
        """The titles, then a line marking the shown one's title (as Textual's tabs look)."""
        style = self.get_visual_style
        titles: list[str | tuple[str, TextualStyle]] = []
        line: list[str | tuple[str, TextualStyle]] = []
        rest = style("tab-bar--line")
        spans = self._spans()
        for pane, title, _at, width in spans:
            shown = pane == self._active
            titles.append(
                (f" {title} ", style("tab-bar--title-shown" if shown else "tab-bar--title"))
            )
            if shown:
                line += [
                    ("╸", rest),
                    ("━" * (width - 2), style("tab-bar--line-shown")),
                    ("╺", rest),
                ]
            else:
                line.append(("━" * width, rest))
        used = sum(span[3] for span in spans)
        line.append(("━" * max(0, self.size.width - used), rest))
        return Content.assemble(*titles, "\n", *line)

    def on_click(self, event: events.Click) -> None:
        """A click on a title shows its tab."""
        for pane, _title, at, width in self._spans():
            if at <= event.x < at + width:
                event.stop()
                self.post_message(self.Chosen(pane))


class HistoryScreen(Screen[None]):
    """Look back: rounds (Enter opens one), progress, weakest topics and most-missed questions."""

    DEFAULT_CSS = screen_css(__file__)  # history.tcss: see game.ui.screen_css
    SCOPED_CSS = False

    BINDINGS = [
        Binding("escape", "back", "Home"),
        # The tabs' titles show their keys; the footer keeps its room for the others.
        Binding("1", "tab('history-rounds-tab')", "Rounds", show=False),
        Binding("2", "tab('history-progress-tab')", "Progress", show=False),
        Binding("3", "tab('history-missed-tab')", "Missed", show=False),
        Binding("s", "sort", "Sort"),
        Binding("r", "reverse", "Reverse"),
        Binding("b", "choose_bank", "Bank"),
        Binding("p", "switch_player", "Player"),
    ]

    class FilterChanged(Message):
        """Show only this bank's history (None: every bank)."""

        def __init__(self, bank_id: str | None) -> None:
            super().__init__()
            self.bank_id = bank_id

    class RoundOpened(Message):
        """Show every answer of this round."""

        def __init__(self, round_id: int) -> None:
            super().__init__()
            self.round_id = round_id

    class PlayerSwitchAsked(Message):
        """Look at another player's history."""

    def __init__(
        self,
        view: HistoryView,
        locked: Collection[str] = (),
        read_rest: Callable[[str, str | None], HistoryView] | None = None,
    ) -> None:
        """view may be the first page only (view.complete false): then read_rest(player, bank
        filter) reads the whole of it in a thread worker, and it replaces the page when read."""
        super().__init__()
        self.view = view
        self._read_rest = read_rest
        self._locked = frozenset(locked)
        self._sort_key = "date"
        self._sort_descending = True
        self._layout: RoundsLayout | None = None
        self._missed_listed: list[MissedLine] | None = None  # what the Most missed tab lists
        # (view, width) the Progress tab was filled for: it is filled when shown, not while
        # History opens on the Rounds tab
        self._progress_drawn: tuple[HistoryView, int] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="history-top"):
            yield Static(id="history-title")
            yield BankFilter(
                self._bank_options(), self.view.bank_id or ALL_BANKS, id="history-bank"
            )
        yield TabBar(TABS[0][0], id="history-tab-bar")
        with ContentSwitcher(initial=TABS[0][0], id="history-tabs"):
            with BlankVertical(id="history-rounds-tab"):
                yield HistoryTable(cursor_type="row", zebra_stripes=True, id="history-rounds")
                yield Static(id="history-round-detail")
                yield Static(id="history-rounds-note")
            # built when first shown (_build_pane): History opens on the Rounds tab
            yield BlankVertical(id="history-progress-tab")
            yield BlankVertical(id="history-missed-tab")
        yield FitFooter()

    def _chart_height(self) -> int:
        """A shorter chart below 24 rows leaves room for the topics under it."""
        return 7 if (self.size.height or self.app.size.height) >= 24 else 4

    async def _build_pane(self, pane_id: str) -> None:
        """Mount the widgets of the Progress or Most missed tab, the first time it is shown
        (they were a fifth of History's first frame, behind the Rounds tab)."""
        pane = self.query_one(f"#{pane_id}", BlankVertical)
        if pane.children or not pane.is_attached:  # not attached: the App is ending
            return
        if pane_id == "history-progress-tab":
            chart = PercentChart(id="history-chart")
            chart.styles.height = self._chart_height()
            await pane.mount_all(
                [
                    Static(id="history-chart-title", classes="history-heading"),
                    chart,
                    Static(id="history-chart-facts"),
                    Static("Topics, weakest first", classes="history-heading"),
                    HistoryTable(cursor_type="row", id="history-topics"),
                ]
            )
        elif pane_id == "history-missed-tab":
            await pane.mount(VerticalScroll(id="history-missed-box"))

    def on_mount(self) -> None:
        """Fill everything in from the view."""
        self.show(self.view)
        self.query_one("#history-rounds", DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        """Fit the tables to the new width (columns shortened or left out at 60 columns)."""
        if self._layout != plan_rounds(self._listed(), self._table_width()):
            self._fill_rounds()
        for chart in self.query("#history-chart"):  # once the Progress tab is built
            chart.styles.height = self._chart_height()
        self._fill_progress_if_shown()

    # -- attributes down ---------------------------------------------------------------

    def show(self, view: HistoryView) -> None:
        """Show another view (a new bank filter or another player)."""
        self.view = view
        self.query_one("#history-title", Static).update(
            Content.assemble(
                ("History", "bold $accent"), "   Player: ", (one_line(view.player), "bold")
            )
        )
        self.query_one("#history-bank", BankFilter).set_choices(
            self._bank_options(),
            view.bank_id if view.bank_id in view.bank_titles else ALL_BANKS,
        )
        self._fill_rounds()
        self._fill_progress_if_shown()
        self._fill_missed_if_shown()
        if not view.complete and self._read_rest is not None:
            self._start_reading_rest(view.player, view.bank_id)

    def _start_reading_rest(self, player: str, bank_id: str | None) -> None:
        read = self._read_rest
        assert read is not None
        self.run_worker(
            lambda: (player, bank_id, read(player, bank_id)),
            thread=True,
            group="history-rest",
            exclusive=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The rest of the history, read: shown in place of the first page (the sort, the
        highlighted round and the tab stay), if it is still the player and bank shown."""
        worker = event.worker
        if worker.group != "history-rest":
            return
        if event.state is WorkerState.SUCCESS and worker.result is not None:
            player, bank_id, view = worker.result
            if (player, bank_id) == (
                self.view.player,
                self.view.bank_id,
            ) and not self.view.complete:
                self.show(view)
        elif event.state is WorkerState.ERROR:
            self.notify(
                f"The rest of the history could not be read: {worker.error}",
                severity="error",
                markup=False,
            )

    def _bank_options(self) -> list[tuple[Content | str, str]]:
        titles = sorted(self.view.bank_titles.items(), key=lambda item: item[1].casefold())
        return [
            ("All banks", ALL_BANKS),
            *((Content(one_line(title)), bank) for bank, title in titles),
        ]

    def _table_width(self) -> int:
        return self.size.width or self.app.size.width

    def _listed(self) -> list[RoundLine]:
        """The rounds the table lists: those with at least one answer (a round left before its
        first answer says nothing about the player; the note under the table counts them)."""
        return [line for line in self.view.rounds if line.total > 0]

    def _fill_rounds(self) -> None:
        view = self.view
        table = self.query_one("#history-rounds", DataTable)
        keep = self._highlighted_round_id()
        rows = sorted(self._listed(), key=self._sort_function(), reverse=self._sort_descending)
        layout = plan_rounds(rows, self._table_width())
        self._layout = layout
        if self._sort_key not in layout.columns:
            self._sort_key, self._sort_descending = "date", True
            rows = sorted(rows, key=self._sort_function(), reverse=True)
        table.clear(columns=True)
        for key in layout.columns:
            header = Text(  # a figure's label right-aligned over it
                COLUMN_LABELS[key], justify="right" if key in RIGHT_ALIGNED else "left"
            )
            table.add_column(header, key=key, width=layout.widths[key])
        for line in rows:
            cells = layout.cells(line)
            table.add_row(
                *(
                    Text(
                        cells[key],
                        no_wrap=True,
                        overflow="ellipsis",
                        justify="right" if key in RIGHT_ALIGNED else "left",
                        style="dim" if key == "percent" and not line.finished else "",
                    )
                    for key in layout.columns
                ),
                key=str(line.id),
            )
        ids = [str(line.id) for line in rows]
        if keep in ids:
            table.move_cursor(row=ids.index(keep), animate=False)
        self._show_round_detail()
        arrow = "↓" if self._sort_descending else "↑"
        hidden = len(view.rounds) - len(rows)
        if not view.rounds:
            note = "No rounds yet. Play one from the home screen."
        else:
            label = COLUMN_LABELS[self._sort_key]
            note = f"Sorted by {label} {arrow} · enter opens a round"
            if view.rounds_limit and len(view.rounds) >= view.rounds_limit:
                note = f"The newest {view.rounds_limit} rounds. " + note
            if hidden:
                left = "round" if hidden == 1 else "rounds"
                note += f" · {hidden} {left} with no answer not listed"
            if not view.complete:
                note += " · reading older rounds…"
        self.query_one("#history-rounds-note", Static).update(note)

    def _sort_function(self) -> Callable[[RoundLine], Any]:
        return next(key for name, _, key in ROUND_COLUMNS if name == self._sort_key)

    def _highlighted_round_id(self) -> str | None:
        table = self.query_one("#history-rounds", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return None if row_key.value is None else str(row_key.value)

    def _show_round_detail(self) -> None:
        """The highlighted round in words, its bank's title in full (the table may cut it)."""
        detail = self.query_one("#history-round-detail", Static)
        chosen = self._highlighted_round_id()
        line = next((r for r in self._listed() if str(r.id) == chosen), None)
        detail.display = line is not None
        if line is None:
            return
        state = "" if line.finished else f" · {unfinished_text(line)}"
        detail.update(Content.assemble((one_line(line.bank_title), "bold"), (state, "$text-muted")))

    @on(DataTable.RowHighlighted, "#history-rounds")
    def _round_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_round_detail()

    def _fill_progress(self) -> None:
        view = self.view
        values = [percent for _, percent in view.over_time]
        dates = [moment for moment, _ in view.over_time]
        self.query_one("#history-chart", PercentChart).set_values(values, dates)
        self.query_one("#history-chart-title", Static).update(
            Content.assemble(("Percentage of each finished round", "bold"), ", oldest first")
        )
        facts = ""
        if view.facts is not None:
            count, first, last, best, average = view.facts
            facts = (
                f"{count} finished round{'' if count == 1 else 's'} · "
                f"first {percent_text(first)} · last {percent_text(last)} · "
                f"best {percent_text(best)} · average {percent_text(average)}"
            )
        elif values and not view.complete:
            facts = "Counting the finished rounds…"
        self.query_one("#history-chart-facts", Static).update(facts)
        self._fill_topics()

    def _fill_topics(self) -> None:
        """Topics, weakest first. The Bank column shows when they come from several banks;
        at 60 columns the bar gives way before a topic's name is cut short."""
        view = self.view
        table = self.query_one("#history-topics", DataTable)
        table.clear(columns=True)
        several_banks = len({topic.bank_id for _, topic in view.topics}) > 1
        room = self._table_width() - 1  # the scroll bar's column
        bank_width = 16 if several_banks else 0
        # columns with their padding: Score 5+2, the bar 10+2, Right 5+2, Bank 16+2
        fixed = 7 + 7 + (bank_width + 2 if several_banks else 0)
        with_bar = room - fixed - 12 - 2 >= 26
        topic_width = max(12, room - fixed - (12 if with_bar else 0) - 2)
        table.add_column("Score", key="score")
        if with_bar:
            table.add_column("", key="bar")
        table.add_column("Right", key="right")
        table.add_column("Topic", key="topic", width=topic_width)
        if several_banks:
            table.add_column("Bank", key="bank", width=bank_width)
        for number, (name, topic) in enumerate(view.topics):
            filled = round(topic.accuracy / 10)
            cells: list[Text] = [Text(percent_text(topic.accuracy), justify="right", style="bold")]
            if with_bar:
                cells.append(Text.assemble(("█" * filled, "bold"), ("░" * (10 - filled), "dim")))
            cells += [
                Text(f"{topic.right}/{topic.answered}", justify="right"),
                Text(one_line(name), no_wrap=True, overflow="ellipsis"),
            ]
            if several_banks:
                bank = view.bank_titles.get(topic.bank_id, topic.bank_id)
                cells.append(Text(one_line(bank), no_wrap=True, overflow="ellipsis", style="dim"))
            table.add_row(*cells, key=str(number))

    def _fill_missed_if_shown(self) -> None:
        """Fill the Most missed tab when it is shown and its list changed: mounting its
        entries is left out of History's first frame, which shows the Rounds tab."""
        shown = self._shown_tab() == "history-missed-tab"
        if shown and self._missed_listed != list(self.view.missed):
            self._fill_missed()

    def _fill_progress_if_shown(self) -> None:
        """Fill the Progress tab (chart, facts, topics) when it is shown and its view or width
        changed: History's first frame shows the Rounds tab, and a table of topics filled
        behind it was a part of that frame's time."""
        shown = self._shown_tab() == "history-progress-tab"
        width = self._table_width()
        drawn = self._progress_drawn
        if shown and (drawn is None or drawn[0] is not self.view or drawn[1] != width):
            self._progress_drawn = (self.view, width)
            self._fill_progress()

    def _shown_tab(self) -> str:
        return self.query_one("#history-tabs", ContentSwitcher).current or TABS[0][0]

    @on(TabBar.Chosen)
    async def _tab_clicked(self, event: TabBar.Chosen) -> None:
        event.stop()
        await self.action_tab(event.pane)

    def _fill_missed(self) -> None:
        self._missed_listed = list(self.view.missed)
        box = self.query_one("#history-missed-box", VerticalScroll)
        if not box.is_attached:
            return  # the App is ending (the rest of History read as it quit): no mounts then
        box.remove_children()
        if not self.view.missed:
            box.mount(Static("Nothing missed yet."))
            return
        entries: list[Widget] = []
        for missed in self.view.missed:
            title = self.view.bank_titles.get(missed.bank_id, missed.bank_id)
            # two widgets side by side: a bank's title that wraps goes on under itself
            head = HorizontalGroup(
                Static(
                    Content.assemble(
                        (
                            f"✗ missed {missed.times_missed} of {missed.times_answered} times",
                            "bold",
                        ),
                        ("  ·  ", "$text-muted"),
                    ),
                    classes="history-missed-count",
                ),
                Static(Content(one_line(title)), classes="history-missed-bank"),
                classes="history-missed-head",
            )
            body = Content.assemble(
                (several_lines(missed.prompt), "bold"),
                "\n",
                ("Right answer: ", "$text-muted"),
                several_lines(missed.expected),
                "\n",
                several_lines(missed.explanation),
            )
            entries += [head, Static(body, classes="history-missed")]
        box.mount_all(entries)

    # -- events and actions --------------------------------------------------------------

    @on(BankFilter.Changed, "#history-bank")
    def _bank_chosen(self, event: BankFilter.Changed) -> None:
        event.stop()
        bank_id = event.value if event.value != ALL_BANKS else None
        if bank_id != self.view.bank_id:
            self.post_message(self.FilterChanged(bank_id))
        self._focus_tab()

    def on_click(self, event: events.Click) -> None:
        """A click on something that takes no keys (the title, a note) still closes the bank
        list; a click on a table or list closes it by taking the keys."""
        bank = self.query_one("#history-bank", BankFilter)
        if bank.is_open and (event.widget is None or bank not in event.widget.ancestors_with_self):
            bank.close(refocus=False)

    @on(DataTable.RowSelected, "#history-rounds")
    def _round_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.RoundOpened(int(event.row_key.value)))

    @on(DataTable.HeaderSelected, "#history-rounds")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        key = str(event.column_key.value)
        if key == self._sort_key:
            self._sort_descending = not self._sort_descending
        else:
            self._sort_key, self._sort_descending = key, True
        self._fill_rounds()

    def action_sort(self) -> None:
        """Sort by the next column shown (newest, highest or longest first)."""
        shown = list(self._layout.columns if self._layout else [ROUND_COLUMNS[0][0]])
        at = shown.index(self._sort_key) if self._sort_key in shown else -1
        self._sort_key = shown[(at + 1) % len(shown)]
        self._sort_descending = True
        self._fill_rounds()

    def action_reverse(self) -> None:
        """The same column, sorted the other way."""
        self._sort_descending = not self._sort_descending
        self._fill_rounds()

    async def action_tab(self, pane_id: str) -> None:
        """Show one of the tabs."""
        await self._build_pane(pane_id)
        if not self.is_attached:
            return  # the App is ending: the tab was not built
        self.query_one("#history-tabs", ContentSwitcher).current = pane_id
        self.query_one("#history-tab-bar", TabBar).active = pane_id
        self.refresh_bindings()  # s and r: only on the Rounds tab
        self._fill_progress_if_shown()
        self._fill_missed_if_shown()
        self._focus_tab()

    def _focus_tab(self) -> None:
        """Keys go to what the shown tab is about: its table or its list."""
        focus_for = {
            "history-rounds-tab": "#history-rounds",
            "history-progress-tab": "#history-topics",
            "history-missed-tab": "#history-missed-box",
        }
        active = self._shown_tab()
        self.query_one(focus_for.get(active, "#history-rounds")).focus()

    async def action_choose_bank(self) -> None:
        """Open the bank filter."""
        await self.query_one("#history-bank", BankFilter).action_open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Locked keys are not offered (a student in a served class sees only their own rounds);
        sort and reverse only on the Rounds tab, the table they order (False hides them)."""
        if action in ("sort", "reverse") and self.query("#history-tabs"):
            return self._shown_tab() == "history-rounds-tab" and action not in self._locked
        return action not in self._locked

    def action_switch_player(self) -> None:
        """Look at another player's history."""
        self.post_message(self.PlayerSwitchAsked())

    def action_back(self) -> None:
        """Back to the home screen."""
        self.dismiss(None)
