"""Round set-up: mode, topic, difficulty, number of questions and, for exams, the class code."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Select, Static

from game.core.class_code import ClassCode, parse_code, topic_for_number, topic_order
from game.core.model import Bank
from game.core.rounds import (
    DEFAULT_COUNT,
    Mode,
    PlayRequest,
    class_code_request,
    eligible_questions,
)
from game.ui.screen_css import screen_css
from game.ui.widgets.fit_footer import FitFooter

# The line under the buttons; in a narrow window without Esc (the footer shows it), so that
# it is one line at 60 columns.
HELP = "Tab: next field  ·  Enter: play (on a list: open it)  ·  Esc: back"
SHORT_HELP = "Tab: next field  ·  Enter: play (on a list: open it)"
# What the class code field says while no whole code is typed (it fits 80 columns).
SEED_HINT = "empty: a new one; same code, same round"
ALL_TOPICS = ""  # Select values cannot be None
ANY_DIFFICULTY = 0

# The modes a player may choose here (review rounds come from the summary, not from here).
SETUP_MODES: tuple[tuple[Mode, str, str], ...] = (
    ("quick", "Quick", "right or wrong after each answer"),
    ("timed", "Timed", "a countdown and a speed bonus"),
    ("exam", "Exam", "marks only at the end"),
    ("practice", "Practice", "due, then missed, then new"),
)
DIFFICULTY_NAMES = {1: "1 (easy)", 2: "2 (medium)", 3: "3 (hard)"}


class SetupScreen(Screen[PlayRequest | None]):
    """Choose how to play a bank; dismisses with the PlayRequest, or None to go back."""

    DEFAULT_CSS = screen_css(__file__)  # setup.tcss: see game.ui.screen_css
    SCOPED_CSS = False

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "start", "Start", show=False),
    ]

    class BellChosen(Message):
        """The player turned the bell at 5 s left in timed rounds on or off (kept for them)."""

        def __init__(self, on: bool) -> None:
            super().__init__()
            self.on = on

    def __init__(self, bank: Bank, mode: Mode = "quick", *, bell: bool = True) -> None:
        super().__init__()
        self._bank = bank
        self._bell = bell
        self._mode: Mode = mode
        # The count field follows the default until the player types another number.
        self._auto_count = str(min(DEFAULT_COUNT, len(bank.questions)))
        # topic, difficulty and count as they were before a whole class code set them
        self._before_code: tuple[object, object, str] | None = None

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        bank = self._bank
        with Vertical(id="setup-form"):
            yield Static(
                Content.assemble(("Set up a round: ", "bold"), (bank.title, "bold $accent")),
                id="setup-title",
            )
            with Horizontal(classes="setup-row"):
                yield Static("Mode", classes="setup-label")
                yield Select(
                    [(name, mode) for mode, name, _ in SETUP_MODES],
                    value=self._mode,
                    allow_blank=False,
                    compact=True,
                    id="setup-mode",
                )
                yield Static("", id="setup-mode-about", classes="setup-hint")
            with Horizontal(classes="setup-row"):
                yield Static("Topic", classes="setup-label")
                yield Select(
                    [("All topics", ALL_TOPICS)]
                    + [(Content(name), topic) for topic, name in self._topics()],
                    value=ALL_TOPICS,
                    allow_blank=False,
                    compact=True,
                    id="setup-topic",
                )
            with Horizontal(classes="setup-row"):
                yield Static("Difficulty", classes="setup-label")
                yield Select(
                    [("Any", ANY_DIFFICULTY)]
                    + [(DIFFICULTY_NAMES[level], level) for level in self._difficulties()],
                    value=ANY_DIFFICULTY,
                    allow_blank=False,
                    compact=True,
                    id="setup-difficulty",
                )
            with Horizontal(classes="setup-row"):
                yield Static("Questions", classes="setup-label")
                yield Input(
                    self._auto_count,
                    type="integer",
                    max_length=4,
                    compact=True,
                    id="setup-count",
                )
                yield Static("", id="setup-count-hint", classes="setup-hint")
            with Horizontal(classes="setup-row", id="setup-seed-row"):
                yield Static("Class code", classes="setup-label")
                yield Input(
                    "",
                    max_length=24,
                    placeholder="e.g. 482913-10",
                    compact=True,
                    id="setup-seed",
                )
                yield Static(SEED_HINT, classes="setup-hint", id="setup-seed-hint")
            with Horizontal(classes="setup-row", id="setup-bell-row"):
                yield Static("Bell", classes="setup-label")
                yield Checkbox("ring at 5 s left", self._bell, compact=True, id="setup-bell")
            yield Static("", id="setup-problem")
            with Horizontal(id="setup-buttons"):
                yield Button("Start  ⏎", variant="primary", id="setup-start")
                yield Button("Back  esc", id="setup-back")
            yield Static(HELP, id="setup-help")
        yield FitFooter()

    def on_mount(self) -> None:
        """One rule in every mode: the keys start in the last field, the one above Start (the
        number of questions; in an exam the class code). Typing there replaces what it holds
        (a student types the code, anyone types a count) and Enter plays at once."""
        self._refresh()
        start_in = "#setup-seed" if self._mode == "exam" else "#setup-count"
        self.query_one(start_in).focus()

    def on_resize(self, event: events.Resize) -> None:
        """Below 24 rows the fields close up; in a narrow window the help line is shorter."""
        self.set_class(event.size.height < 24, "-short")
        form = self.query_one("#setup-form")
        room = event.size.width - form.styles.gutter.width
        self.query_one("#setup-help", Static).update(HELP if len(HELP) <= room else SHORT_HELP)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Mark the focused field's label with ▸ (its colour alone says less in some themes)."""
        self._mark_focused_row()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """See on_descendant_focus."""
        self._mark_focused_row()

    def _mark_focused_row(self) -> None:
        focused = self.focused
        for row in self.query(".setup-row"):
            label = row.query_one(".setup-label", Static)
            name = str(label.render()).lstrip("▸ ")
            has_focus = focused is not None and focused in row.query("*").nodes
            label.update(f"▸ {name}" if has_focus else name)
            row.set_class(has_focus, "-focused")

    # -- what the choices add up to ------------------------------------------------------

    def _topics(self) -> list[tuple[str, str]]:
        used = {q.topic for q in self._bank.questions if q.topic is not None}
        named = [(topic, name) for topic, name in self._bank.topics.items() if topic in used]
        unnamed = sorted(used - set(self._bank.topics))
        return named + [(topic, topic) for topic in unnamed]

    def _difficulties(self) -> list[int]:
        return sorted({q.difficulty for q in self._bank.questions})

    def _filters(self) -> tuple[str | None, int | None]:
        topic = self.query_one("#setup-topic", Select).value
        level = self.query_one("#setup-difficulty", Select).value
        return (
            topic if isinstance(topic, str) and topic != ALL_TOPICS else None,
            level if isinstance(level, int) and level != ANY_DIFFICULTY else None,
        )

    def available(self) -> int:
        """How many questions fit the chosen topic and difficulty."""
        topic, level = self._filters()
        probe = PlayRequest(bank_id=self._bank.bank_id, topic=topic, difficulty=level)
        return len(eligible_questions(self._bank, probe))

    def _typed_count(self) -> int | None:
        text = self.query_one("#setup-count", Input).value.strip()
        try:
            return int(text)
        except ValueError:
            return None

    def chosen_count(self) -> int:
        """The number of questions the round will have: as typed, within 1 and what is available."""
        available = self.available()
        typed = self._typed_count()
        wanted = min(DEFAULT_COUNT, available) if typed is None else typed
        return max(1, min(wanted, available))

    def _refresh(self) -> None:
        mode = self.query_one("#setup-mode", Select).value
        about = next((text for m, _, text in SETUP_MODES if m == mode), "")
        if mode == "timed":
            about = f"{self._bank.time_limit} s a question, speed bonus"
        self.query_one("#setup-mode-about", Static).update(about)
        self.query_one("#setup-seed-row").display = mode == "exam"
        self.query_one("#setup-bell-row").display = mode == "timed"

        available = self.available()
        typed = self._typed_count()
        count_hint = f"of {available} available"
        if typed is not None and typed > available:
            count_hint = f"only {available} available: the round will have {available}"
        elif typed is not None and typed < 1:
            count_hint = "at least 1"
        self.query_one("#setup-count-hint", Static).update(count_hint)

        problem = "" if available else "No question fits this topic and difficulty."
        code = self._class_code()
        fixed = isinstance(code, ClassCode) and code.complete
        for field in ("#setup-topic", "#setup-difficulty", "#setup-count"):
            self.query_one(field).disabled = fixed
        self.query_one("#setup-seed-hint", Static).update(self._code_hint(code))
        if isinstance(code, str):
            problem = _sentence(code)
        self.query_one("#setup-problem", Static).update(problem)
        self.query_one("#setup-problem").display = bool(problem)
        self.query_one("#setup-start", Button).disabled = not available

    @on(Select.Changed)
    def _choice_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "setup-mode" and isinstance(event.value, str):
            self._mode = event.value  # type: ignore[assignment]
        code = self._class_code()
        if isinstance(code, ClassCode) and code.complete:
            self._refresh()  # the class code set these fields; the count stays its own
            return
        count = self.query_one("#setup-count", Input)
        if count.value == self._auto_count:
            self._auto_count = str(min(DEFAULT_COUNT, self.available()))
            count.value = self._auto_count
        self._refresh()

    @on(Input.Changed, "#setup-seed")
    def _code_changed(self, event: Input.Changed) -> None:
        event.stop()
        code = self._class_code()
        if isinstance(code, ClassCode) and code.complete:
            self._show_code(code)
        elif self._before_code is not None:
            # The code is no longer whole (typed on to 123-99, or cut back): the fields go
            # back to what the player had, not to what a half-typed code once set.
            topic, difficulty, count = self._before_code
            self._before_code = None
            self.query_one("#setup-topic", Select).value = topic
            self.query_one("#setup-difficulty", Select).value = difficulty
            self.query_one("#setup-count", Input).value = count
        self._refresh()

    def _show_code(self, code: ClassCode) -> None:
        """Set the topic, difficulty and count fields to what a whole class code plays."""
        if self._before_code is None:
            self._before_code = (
                self.query_one("#setup-topic", Select).value,
                self.query_one("#setup-difficulty", Select).value,
                self.query_one("#setup-count", Input).value,
            )
        topic = topic_for_number(code.topic_number, topic_order(self._bank))
        self.query_one("#setup-topic", Select).value = topic or ALL_TOPICS
        self.query_one("#setup-difficulty", Select).value = code.difficulty or ANY_DIFFICULTY
        self.query_one("#setup-count", Input).value = str(code.count)

    @on(Checkbox.Changed, "#setup-bell")
    def _bell_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._bell = event.value
        self.post_message(self.BellChosen(event.value))

    @on(Input.Changed, "#setup-count")
    def _count_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refresh()

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    @on(Button.Pressed, "#setup-start")
    def _start_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    @on(Button.Pressed, "#setup-back")
    def _back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_back()

    # -- actions -------------------------------------------------------------------------

    def _class_code(self) -> ClassCode | str | None:
        """The class code typed (exams only): the code, None when empty, or what is wrong."""
        if self._mode != "exam":
            return None
        text = self.query_one("#setup-seed", Input).value.strip()
        if not text:
            return None
        code = parse_code(text)
        if isinstance(code, str) or not code.complete:
            return code
        checked = class_code_request(self._bank, code)  # the rule every front end reads
        if isinstance(checked, str):
            return checked
        return code

    def _code_hint(self, code: ClassCode | str | None) -> Content:
        """What the class code field says: how to use it, or what the code typed plays."""
        if not isinstance(code, ClassCode) or not code.complete:
            return Content(SEED_HINT)
        return Content("the code sets count, topic, difficulty")

    def request(self) -> PlayRequest | None:
        """The round these choices describe, or None when no question fits or the class code
        is wrong. A whole class code (seed-count) fixes the count, topic and difficulty."""
        code = self._class_code()
        if isinstance(code, str):
            return None
        if isinstance(code, ClassCode) and code.complete:
            whole = class_code_request(self._bank, code)
            return whole if isinstance(whole, PlayRequest) else None
        if not self.available():
            return None
        topic, level = self._filters()
        seed = code.seed if isinstance(code, ClassCode) else None
        return PlayRequest(
            bank_id=self._bank.bank_id,
            mode=self._mode,
            topic=topic,
            count=self.chosen_count(),
            difficulty=level,
            seed=seed,
        )

    def action_start(self) -> None:
        """Start the round as chosen."""
        request = self.request()
        if request is None:
            problem_line = self.query_one("#setup-problem", Static)
            if problem_line.display:
                # The form says what is wrong already: a notice would cover it (and the
                # class code's hint) in a narrow window.
                self.app.bell()
                problem_line.scroll_visible(animate=False)
                return
            code = self._class_code()
            problem = (
                _sentence(code)
                if isinstance(code, str)
                else "No question fits this topic and difficulty."
            )
            self.notify(problem, severity="warning", markup=False)
            return
        self.dismiss(request)

    def action_back(self) -> None:
        """Back to the home screen without playing."""
        self.dismiss(None)


def _sentence(words: str) -> str:
    """Words as a sentence: a capital first, a full stop last (unless a ? or ! is there)."""
    words = words[:1].upper() + words[1:]
    return words if words.endswith((".", "?", "!")) else words + "."
