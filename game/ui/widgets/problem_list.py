"""The problems of a draft under a form, in the validator's own words, each named by its field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.core.drafts import FieldProblem
from game.core.model import QuestionType

if TYPE_CHECKING:
    from game.ui.widgets.type_fields import TypeFields

FIELD_NAMES = {
    "id": "Id",
    "type": "Type",
    "prompt": "Prompt",
    "choices": "Choices",
    "answer": "Right answer",
    "items": "Items",
    "pairs": "Pairs",
    "explanation": "Explanation",
    "quote": "Quote",
    "topic": "Topic",
    "difficulty": "Difficulty",
    "hint": "Hint",
    "title": "Title",
    "description": "Description",
    "topics": "Topics",
}
ROW_WORDS = {"choices": "choice", "answers": "answer", "items": "item", "pairs": "pair"}


def field_name(field: str, kind: QuestionType | None) -> str:
    """What the form calls a field."""
    if field == "answers":
        return "Right answers" if kind is QuestionType.MULTI else "Accepted answers"
    if field == "answer" and kind is QuestionType.TRUEFALSE:
        return "Answer"
    return FIELD_NAMES.get(field, "The bank")


def problem_line(
    problem: FieldProblem, kind: QuestionType | None, fields: TypeFields | None = None
) -> Content:
    """``✗ Prompt: prompt is empty; write the text`` (the message as `quiz validate` says it,
    but for where a value written twice was first: ``(first in row 1)``, not a file's line)."""
    mark = ("✗ ", "bold $text-error") if problem.is_error else ("! ", "bold $text-warning")
    where = field_name(problem.field, kind)
    row = fields.row_of(problem) if fields is not None else None
    if row is not None:
        where = f"{where}, row {row + 1}"
    first_row = fields.first_row_of(problem) if fields is not None else None
    return Content.assemble(mark, (f"{where}: ", "bold"), problem.words(first_row))


class ProblemList(VerticalScroll, can_focus=False):
    """A few lines of problems (scrolling when there are more), or a quiet note."""

    DEFAULT_CSS = """
    ProblemList {
        height: auto;
        max-height: 5;
        padding: 0 1;
        background: $panel;
        scrollbar-size-vertical: 1;
    }
    ProblemList > Static {
        height: auto;
    }
    ProblemList > .-note {
        color: $text-muted;
    }
    ProblemList > .-ok {
        color: $text-success;
    }
    """

    def compose(self) -> ComposeResult:
        """One text, replaced whole at each check."""
        yield Static("", id="problem-text")

    def show(self, lines: Sequence[Content], errors: int, *, refused: bool = False) -> None:
        """Show these problem lines; ``errors`` of them stop a save (``refused``: one just did)."""
        if errors:
            count = f"{errors} problem{'s' if errors != 1 else ''}"
            words = (
                f"Not saved: {count} to fix first"
                if refused
                else f"{count} to fix before saving (ctrl+s is refused until then)"
            )
            head = Content.assemble((words, "bold $text-error"))
        else:
            head = Content.assemble(("Ready to save: warnings do not stop it", "bold"))
        self._set(Content("\n").join([head, *lines]), "")

    def show_note(self, note: str, ok: bool = False) -> None:
        """A single quiet line instead of problems."""
        self._set(Content(note), "-ok" if ok else "-note")

    def _set(self, content: Content, state: str) -> None:
        text = self.query_one("#problem-text", Static)
        text.update(content)
        text.set_class(state == "-ok", "-ok")
        text.set_class(state == "-note", "-note")
        self.scroll_home(animate=False)
