"""The question editor's list: a bank's questions, to add, change, delete and preview."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.core.model import Question
from game.ui.screen_css import screen_css
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.preview import PreviewScreen
from game.ui.widgets.fit_footer import FitFooter

TYPE_WORDS = {
    "choice": "choice",
    "multi": "multi",
    "truefalse": "true/false",
    "short": "short",
    "order": "order",
    "match": "match",
}


@dataclass(frozen=True, slots=True)
class EditedBank:
    """What the editor screens show of a bank: its details, file and questions."""

    bank_id: str
    file: str
    title: str
    description: str = ""
    topics: Mapping[str, str] = field(default_factory=dict)
    questions: tuple[Question, ...] = ()
    on_disk: bool = True


def question_option(question: Question, topics: Mapping[str, str]) -> Content:
    """How a question reads in the list: its prompt, then its type, topic, level and id."""
    prompt = " ".join(question.prompt.split())
    facts = [TYPE_WORDS.get(question.type.value, question.type.value)]
    if question.topic:
        facts.append(topics.get(question.topic, question.topic))
    facts += [f"difficulty {question.difficulty}", question.id]
    return Content.assemble((prompt, "bold"), "\n", (" · ".join(facts), "$text-muted"))


class QuestionList(OptionList):
    """The bank's questions; Enter changes the highlighted one."""

    BINDINGS = [Binding("enter", "select", "Edit")]


class BankEditorScreen(Screen[None]):
    """A bank's questions; posts what the teacher asks for, and the App answers with `show`."""

    DEFAULT_CSS = screen_css(__file__)  # editor.tcss: see game.ui.screen_css
    SCOPED_CSS = False

    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("d", "delete", "Delete"),
        Binding("p", "preview", "Preview"),
        Binding("t", "details", "Details"),
        Binding("escape", "close", "Home"),
    ]

    class AddAsked(Message):
        """Open the form for a new question."""

    class EditAsked(Message):
        """Open the form on the question with this id."""

        def __init__(self, question_id: str) -> None:
            super().__init__()
            self.question_id = question_id

    class DeleteAsked(Message):
        """Delete the question with this id (the teacher has confirmed)."""

        def __init__(self, question_id: str) -> None:
            super().__init__()
            self.question_id = question_id

    class DetailsAsked(Message):
        """Open the bank's title, description and topics."""

    class Closed(Message):
        """The teacher is done with this bank."""

    def __init__(self, bank: EditedBank) -> None:
        super().__init__()
        self.bank = bank

    def compose(self) -> ComposeResult:
        """Heading, the file, the list and what to do."""
        with Horizontal(id="editor-heading"):
            yield Static(Content.assemble(("Edit  ", "bold"), self.bank.title), id="editor-title")
            yield Static(Content(""), id="editor-count")
        yield Static(Content(""), id="editor-file")
        yield QuestionList(id="editor-questions")
        yield Static(Content(""), id="editor-empty")
        yield FitFooter()

    def on_mount(self) -> None:
        """Fill the list and start in it."""
        self.show(self.bank)
        self.query_one(QuestionList).focus()

    def on_screen_resume(self) -> None:
        """Apply the styles again: App-wide classes may have changed while a notice was on top."""
        self.app.update_styles(self)

    # -- attributes down -----------------------------------------------------------------

    def show(self, bank: EditedBank, highlight: str | None = None) -> None:
        """Show the bank as it is now, keeping (or moving to) a highlighted question."""
        keep = highlight or self._highlighted_id()
        self.bank = bank
        title = Content.assemble(("Edit  ", "bold"), (bank.title, "bold $text-accent"))
        self.query_one("#editor-title", Static).update(title)
        count = len(bank.questions)
        self.query_one("#editor-count", Static).update(
            Content(f"{count} question{'s' if count != 1 else ''}")
        )
        where = Content.assemble(("File: ", "$text-muted"), bank.file)
        if not bank.on_disk:
            where = Content.assemble(
                where, ("  ·  written when its first question is saved", "$text-warning")
            )
        self.query_one("#editor-file", Static).update(where)
        questions = self.query_one(QuestionList)
        options: list[Option | None] = []
        for question in bank.questions:
            if options:
                options.append(None)
            options.append(Option(question_option(question, bank.topics), id=question.id))
        questions.set_options(options)
        ids = [q.id for q in bank.questions]
        if ids:
            questions.highlighted = ids.index(keep) if keep in ids else 0
        empty = "No questions yet. Press a to write the first one."
        self.query_one("#editor-empty", Static).update(Content(empty))
        self.query_one("#editor-empty").display = not ids
        questions.display = bool(ids)
        self.refresh_bindings()

    def _highlighted(self) -> Question | None:
        index = self.query_one(QuestionList).highlighted
        if index is None or not 0 <= index < len(self.bank.questions):
            return None
        return self.bank.questions[index]

    def _highlighted_id(self) -> str | None:
        question = self._highlighted() if self.is_mounted else None
        return question.id if question else None

    # -- events and actions --------------------------------------------------------------

    @on(OptionList.OptionSelected, "#editor-questions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        question = self._highlighted()
        if question is not None:
            self.post_message(self.EditAsked(question.id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Delete and preview need a question."""
        if action in ("delete", "preview"):
            return bool(self.bank.questions)
        return True

    def action_add(self) -> None:
        """Write a new question."""
        self.post_message(self.AddAsked())

    def action_details(self) -> None:
        """Change the bank's title, description and topics."""
        self.post_message(self.DetailsAsked())

    def action_preview(self) -> None:
        """Show the highlighted question as a player gets it."""
        question = self._highlighted()
        if question is not None:
            self.app.push_screen(PreviewScreen(question, self.bank.title, self.bank.topics))

    def action_delete(self) -> None:
        """Delete the highlighted question, once the teacher says yes."""
        question = self._highlighted()
        if question is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(self.DeleteAsked(question.id))

        detail = Content.assemble(
            "“",
            question.prompt,
            "”\n\nIt goes from the file at once. Scores already kept for ",
            (question.id, "bold"),
            " stay in the history.",
        )
        self.app.push_screen(
            ConfirmScreen("Delete this question?", detail=detail, yes_label="Delete"), answered
        )

    def action_close(self) -> None:
        """Back to the bank list."""
        self.post_message(self.Closed())
