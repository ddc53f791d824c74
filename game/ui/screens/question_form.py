"""The question form: every field of one question, checked by the bank format's rules as the
teacher types; ctrl+s asks the App to save it, ctrl+o previews it as a player will see it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Select, Static, TextArea

from game.core.drafts import DraftCheck, FieldProblem, id_from_prompt
from game.core.model import Question, QuestionType
from game.ui.screen_css import screen_css
from game.ui.screens.preview import PreviewScreen
from game.ui.unsaved import UnsavedForm
from game.ui.widgets.fit_footer import FitFooter
from game.ui.widgets.problem_list import ProblemList, problem_line
from game.ui.widgets.type_fields import TypeFields

TYPE_NAMES: tuple[tuple[str, QuestionType], ...] = (
    ("Choice: one right answer", QuestionType.CHOICE),
    ("Multi: tick every right one", QuestionType.MULTI),
    ("True or false", QuestionType.TRUEFALSE),
    ("Short: the player types it", QuestionType.SHORT),
    ("Order: put items in order", QuestionType.ORDER),
    ("Match: pair left and right", QuestionType.MATCH),
)
CHECK_AFTER_TYPING = 0.3  # seconds without a change before the draft is checked again
DIFFICULTIES = (("1 (recall)", 1), ("2 (understanding)", 2), ("3 (inference)", 3))
NO_TOPIC = ""
TEXT_FIELDS = ("prompt", "explanation", "quote", "hint")
ROW_OF_FIELD = {
    "id": "id",
    "type": "type",
    "prompt": "prompt",
    "choices": "answer",
    "answer": "answer",
    "answers": "answer",
    "items": "answer",
    "pairs": "answer",
    "explanation": "explanation",
    "quote": "quote",
    "topic": "topic",
    "difficulty": "topic",
    "hint": "hint",
}


class QuestionFormScreen(UnsavedForm, Screen[None]):
    """Write or change one question; posts SaveAsked, and the App answers with `saved` or
    `refused`. ``check`` runs the bank format's checks on a draft (given by the App)."""

    DEFAULT_CSS = screen_css(__file__)  # question_form.tcss: see game.ui.screen_css
    SCOPED_CSS = False
    LOST_DETAIL = "The changes to this question will be lost."
    # below 90 columns a topic's name (up to 30 or so) has too little room beside the
    # difficulty: difficulty goes under it
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+o", "preview", "Preview", priority=True),
        Binding("ctrl+n", "add_row", "Add a row"),
        Binding("escape", "back", "Back"),
    ]

    class SaveAsked(Message):
        """Save ``question`` in place of ``original_id`` (None: a new question)."""

        def __init__(self, original_id: str | None, question: Question) -> None:
            super().__init__()
            self.original_id = original_id
            self.question = question

    def __init__(
        self,
        bank_title: str,
        topics: Mapping[str, str],
        question: Question | None,
        taken_ids: Sequence[str],
        check: Callable[[Question], DraftCheck],
    ) -> None:
        super().__init__()
        self._bank_title = bank_title
        self._topics = dict(topics)
        self._original = question
        self._taken = tuple(i for i in taken_ids if question is None or i != question.id)
        self._check = check
        self._auto_id = question.id if question else ""
        self._last_check = DraftCheck()
        self._check_timer: Timer | None = None
        self._touched = question is not None
        self._initial: Question | None = None

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The fields in the order a question is read; the problems under them."""
        question = self._original
        kind = question.type if question else QuestionType.CHOICE
        heading = "Change a question" if question else "New question"
        yield Static(
            Content.assemble((heading, "bold"), "  ·  ", self._bank_title), id="form-heading"
        )
        with VerticalScroll(id="form-body"):
            with Horizontal(classes="form-row", id="form-row-type"):
                yield Static("Type", classes="form-label")
                yield Select(
                    [(name, value) for name, value in TYPE_NAMES],
                    value=kind,
                    allow_blank=False,
                    compact=True,
                    id="form-type",
                )
            yield from self._text_row("prompt", "Prompt", question.prompt if question else "")
            with Horizontal(classes="form-row", id="form-row-answer"):
                yield Static("Answer", classes="form-label", id="form-answer-label")
                yield TypeFields(kind, question, id="form-type-fields")
            yield from self._text_row(
                "explanation", "Explanation", question.explanation if question else ""
            )
            yield from self._text_row("quote", "Quote", (question.quote or "") if question else "")
            # topic and difficulty side by side; in a narrow window, one under the other
            with Horizontal(classes="form-row", id="form-row-topic"):
                with Horizontal(id="form-topic-part"):
                    yield Static("Topic", classes="form-label")
                    yield Select(
                        [(Content(name), topic) for topic, name in self._topics.items()],
                        value=question.topic if question and question.topic else Select.NULL,
                        prompt="(no topic)",
                        compact=True,
                        id="form-topic",
                    )
                with Horizontal(id="form-difficulty-part"):
                    yield Static("Difficulty", classes="form-label form-label-inline")
                    yield Select(
                        list(DIFFICULTIES),
                        value=question.difficulty if question else 1,
                        allow_blank=False,
                        compact=True,
                        id="form-difficulty",
                    )
            yield from self._text_row("hint", "Hint", (question.hint or "") if question else "")
            with Horizontal(classes="form-row", id="form-row-id"):
                yield Static("Id", classes="form-label")
                yield Input(
                    self._auto_id,
                    placeholder="made from the prompt",
                    compact=True,
                    disabled=question is not None,
                    id="form-id",
                )
            about_id = (
                "The id never changes once saved: scores are kept by it."
                if question
                else "Made from the prompt; change it now if you like: it is fixed once saved."
            )
            yield Static(Content(about_id), classes="form-help")
        yield ProblemList(id="form-problems")
        yield FitFooter()

    def _text_row(self, field: str, label: str, text: str) -> ComposeResult:
        with Horizontal(classes="form-row", id=f"form-row-{field}"):
            yield Static(label, classes="form-label")
            yield TextArea(
                text,
                soft_wrap=True,
                tab_behavior="focus",
                compact=True,
                highlight_cursor_line=False,
                placeholder=_PLACEHOLDERS[field],
                id=f"form-{field}",
                classes="form-text",
            )

    def on_mount(self) -> None:
        """Start in the prompt, and check what is there."""
        self.query_one("#form-prompt", TextArea).focus()
        self._validate()

    # -- the draft -----------------------------------------------------------------------

    def draft(self) -> Question:
        """The question as the form stands (it may still have problems)."""
        kind = self.query_one("#form-type", Select).value
        kind = kind if isinstance(kind, QuestionType) else QuestionType.CHOICE
        topic = self.query_one("#form-topic", Select).value
        level = self.query_one("#form-difficulty", Select).value
        texts = {
            field: self.query_one(f"#form-{field}", TextArea).text.strip() for field in TEXT_FIELDS
        }
        fields = self.query_one(TypeFields).values()
        return Question(
            id=self.query_one("#form-id", Input).value.strip(),
            type=kind,
            prompt=texts["prompt"],
            explanation=texts["explanation"],
            quote=texts["quote"] or None,
            topic=topic if isinstance(topic, str) and topic != NO_TOPIC else None,
            difficulty=level if isinstance(level, int) else 1,
            hint=texts["hint"] or None,
            **fields,
        )

    @property
    def check_pending(self) -> bool:
        """True while a change waits for typing to pause before it is checked."""
        return self._check_timer is not None

    @property
    def check_result(self) -> DraftCheck:
        """The last check of the draft."""
        return self._last_check

    def _validate(self) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
            self._check_timer = None
        if not self.is_mounted:
            return
        draft = self.draft()
        if self._initial is None:
            self._initial = draft
        elif draft != self._initial:
            self._touched = True  # a new question's problems show once the teacher starts
        self._last_check = self._check(draft)
        self._show_problems(self._last_check.problems)

    def _schedule_check(self) -> None:
        """Check the draft once typing pauses: a check runs the bank format's rules on the
        whole bank (tens of milliseconds, more on a big bank), too slow for every key.
        Saving and previewing check at once, whatever is pending."""
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_AFTER_TYPING, self._validate)

    def _show_problems(self, problems: Sequence[FieldProblem], *, refused: bool = False) -> None:
        kind = self.query_one(TypeFields).kind
        shown = sorted(problems, key=lambda p: not p.is_error) if self._touched else []
        lines = [problem_line(problem, kind, self.query_one(TypeFields)) for problem in shown]
        panel = self.query_one(ProblemList)
        if shown:
            panel.show(lines, sum(1 for p in shown if p.is_error), refused=refused)
        elif self._touched:
            panel.show_note("No problems: ctrl+s saves, ctrl+o shows it as a player will.", ok=True)
        else:
            panel.show_note("Fill in the question; anything missing or wrong shows here.")
        rows = {ROW_OF_FIELD.get(p.field, "") for p in shown if p.is_error}
        for row in self.query(".form-row"):
            row.set_class(
                row.id is not None and row.id.removeprefix("form-row-") in rows, "-problem"
            )
        self.query_one(TypeFields).mark_problems([p for p in shown if p.is_error])

    # -- events --------------------------------------------------------------------------

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if event.text_area.id == "form-prompt" and self._original is None:
            self._follow_prompt(event.text_area.text)
        self._schedule_check()

    def _follow_prompt(self, prompt: str) -> None:
        """A new question's id follows its prompt until the teacher types an id."""
        id_input = self.query_one("#form-id", Input)
        if id_input.value == self._auto_id:
            self._auto_id = id_from_prompt(prompt, self._taken) if prompt.strip() else ""
            id_input.value = self._auto_id

    @on(Input.Changed, "#form-id")
    def _id_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._schedule_check()

    @on(Input.Submitted)
    def _enter_in_line(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Select.Changed)
    async def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "form-type" and isinstance(event.value, QuestionType):
            await self.query_one(TypeFields).change_kind(event.value)
        self._schedule_check()

    @on(TypeFields.Changed)
    def _answer_changed(self, event: TypeFields.Changed) -> None:
        event.stop()
        self._schedule_check()

    # -- answers from the App ------------------------------------------------------------

    def refused(self, reason: str) -> None:
        """The App could not save: say why, and stay."""
        self.notify(reason, title="Not saved", severity="error", markup=False, timeout=10)

    # -- actions -------------------------------------------------------------------------

    def action_save(self) -> None:
        """Ask the App to save, unless the checks found errors."""
        self._validate()
        self._touched = True
        errors = self._last_check.errors
        # The refusal is said in the problem list itself: a notice would cover the problems.
        self._show_problems(self._last_check.problems, refused=bool(errors))
        if errors:
            self.app.bell()
            return
        draft = self.draft()
        self.post_message(self.SaveAsked(self._original.id if self._original else None, draft))

    def action_preview(self) -> None:
        """Show the question exactly as a player will get it (nothing is saved or scored)."""
        self._validate()
        question = self._last_check.question
        if question is None:
            self._touched = True
            self._show_problems(self._last_check.problems)
            self.app.bell()
            return
        self.app.push_screen(PreviewScreen(question, self._bank_title, self._topics))

    async def action_add_row(self) -> None:
        """Add a row to the list of choices, answers, items or pairs."""
        await self.query_one(TypeFields).add_row()

    def has_changes(self) -> bool:
        """Whether the form differs from the question it opened with (or, new, has any text)."""
        draft = self.draft()
        if self._original is None:
            return bool(draft.prompt or draft.explanation or draft.choices or draft.items)
        return draft != _comparable(self._original)


def _comparable(question: Question) -> Question:
    """The question as the form would give it back unchanged: its line is not a field, and
    the form gives every text back without white space at its ends (a ``|`` text's last line
    break, a space around a choice)."""
    fields = {
        field.name: _stripped(getattr(question, field.name))
        for field in dataclasses.fields(question)
        if field.name != "line"
    }
    fields["quote"] = fields["quote"] or None
    fields["hint"] = fields["hint"] or None
    return replace(question, line=0, **fields)


def _stripped(value: Any) -> Any:
    """A text without white space at its ends; so each text in a tuple (pairs: in each pair)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, tuple):
        return tuple(_stripped(each) for each in value)
    return value


_PLACEHOLDERS = {
    "prompt": "the question, as the player reads it",
    "explanation": "why the right answer is right (shown after answering)",
    "quote": "the source's own words the answer rests on (optional)",
    "hint": "a clue, offered for half the points (optional)",
}
