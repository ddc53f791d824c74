"""The part of the question form that depends on the type: choices with the right one(s)
ticked, true or false, accepted answers, items in order, or pairs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Select, Static

from game.core.drafts import FieldProblem
from game.core.model import Question, QuestionType
from game.ui.widgets.list_field import ListField, ListKind

LIST_KINDS: dict[QuestionType, tuple[ListKind, int]] = {
    QuestionType.CHOICE: ("one-right", 4),
    QuestionType.MULTI: ("many-right", 4),
    QuestionType.SHORT: ("plain", 2),
    QuestionType.ORDER: ("numbered", 4),
    QuestionType.MATCH: ("pairs", 3),
}
HELP = {
    QuestionType.CHOICE: "Tick the right choice (space). Players see the choices shuffled.",
    QuestionType.MULTI: "Tick every right choice (space). Players see them shuffled.",
    QuestionType.TRUEFALSE: "Is the statement in the prompt true or false?",
    QuestionType.SHORT: "Each spelling that counts as right; case, accents and end "
    "punctuation do not matter.",
    QuestionType.ORDER: "In the right order, first to last; players see them shuffled.",
    QuestionType.MATCH: "Each left with its right; players see the rights shuffled.",
}
LIST_FIELD_OF = {
    QuestionType.CHOICE: "choices",
    QuestionType.MULTI: "choices",
    QuestionType.SHORT: "answers",
    QuestionType.ORDER: "items",
    QuestionType.MATCH: "pairs",
}


class TypeFields(Vertical):
    """The answer fields of one question type; keeps the texts when the type changes."""

    DEFAULT_CSS = """
    TypeFields {
        height: auto;
        width: 1fr;
    }
    TypeFields > .type-help {
        color: $text-muted;
        height: auto;
    }
    TypeFields > Select {
        width: 30;
    }
    """

    class Changed(Message):
        """Something in the answer fields changed."""

    def __init__(
        self,
        kind: QuestionType,
        question: Question | None,
        *,
        id: str | None = None,  # noqa: A002 - Textual's own name for it
    ) -> None:
        super().__init__(id=id)
        self.kind = kind
        self._question = question

    def compose(self) -> ComposeResult:
        """The widgets of the current type, filled from the question."""
        yield from self._widgets(self.kind, self._question)

    def _widgets(self, kind: QuestionType, question: Question | None) -> list[Any]:
        widgets: list[Any] = []
        if kind is QuestionType.TRUEFALSE:
            truth = question.truth if question is not None else None
            widgets.append(
                Select(
                    [("True", True), ("False", False)],
                    value=Select.NULL if truth is None else truth,
                    prompt="pick true or false",
                    compact=True,
                    id="form-truth",
                )
            )
        else:
            list_kind, min_rows = LIST_KINDS[kind]
            texts, rights, others = _list_values(kind, question)
            widgets.append(
                ListField(list_kind, texts, rights, others, min_rows=min_rows, id="form-list")
            )
        widgets.append(Static(Content(HELP[kind]), classes="type-help"))
        return widgets

    async def change_kind(self, kind: QuestionType) -> None:
        """Show another type's fields, carrying over the texts written so far."""
        if kind is self.kind:
            return
        carried = Question("", kind, "", "", **_carry(self.values(), self.kind, kind))
        self.kind = kind
        await self.remove_children()
        await self.mount_all(self._widgets(kind, carried))
        self.post_message(self.Changed())

    def values(self) -> dict[str, Any]:
        """The type's fields of the question, as the form stands."""
        kind = self.kind
        if kind is QuestionType.TRUEFALSE:
            truth = self.query_one("#form-truth", Select).value
            return {"truth": truth if isinstance(truth, bool) else None}
        field = self.query_one(ListField)
        if kind is QuestionType.MATCH:
            return {"pairs": tuple(pair for _, pair in field.pairs())}
        texts = tuple(text for _, text in field.texts())
        if kind is QuestionType.CHOICE:
            rights = field.rights()
            return {"choices": texts, "answer": rights[0] if rights else ""}
        if kind is QuestionType.MULTI:
            return {"choices": texts, "answers": tuple(field.rights())}
        if kind is QuestionType.SHORT:
            return {"answers": texts}
        return {"items": texts}

    async def add_row(self) -> None:
        """Add a row to the list, when this type has one."""
        lists = self.query(ListField)
        if lists:
            await lists.first().add_row()

    def row_of(self, problem: FieldProblem) -> int | None:
        """The 0-based form row a problem's list item is on, when it names one."""
        return self.row_of_item(problem.field, problem.item)

    def first_row_of(self, problem: FieldProblem) -> int | None:
        """For a value written twice, the 0-based form row of the first one."""
        return self.row_of_item(problem.field, problem.first_item)

    def row_of_item(self, field_name: str, item: int | None) -> int | None:
        """The 0-based form row of a list field's item as the file has it (blank rows are
        not written), or None."""
        if item is None or not self.query(ListField):
            return None
        field = self.query_one(ListField)
        if field_name == LIST_FIELD_OF.get(self.kind):
            rows = (
                [index for index, _ in field.pairs()]
                if self.kind is QuestionType.MATCH
                else [index for index, _ in field.texts()]
            )
            return rows[item] if item < len(rows) else None
        if field_name == "answers" and self.kind is QuestionType.MULTI:
            ticked = [index for index, row in enumerate(field.rows) if row.right]
            return ticked[item] if item < len(ticked) else None
        return None

    def mark_problems(self, problems: Sequence[FieldProblem]) -> None:
        """Mark the rows that errors name."""
        if not self.query(ListField):
            return
        rows = {row for row in (self.row_of(p) for p in problems) if row is not None}
        self.query_one(ListField).mark_problems(rows)

    def on_list_field_changed(self, event: ListField.Changed) -> None:
        """A row changed: tell the form."""
        event.stop()
        self.post_message(self.Changed())

    def on_select_changed(self, event: Select.Changed) -> None:
        """True or false was picked: tell the form."""
        event.stop()
        self.post_message(self.Changed())


def _list_values(
    kind: QuestionType, question: Question | None
) -> tuple[list[str], list[bool], list[str]]:
    """A question's list as row texts, ticks and right-hand sides."""
    if question is None:
        return [], [], []
    if kind is QuestionType.CHOICE:
        return list(question.choices), [c == question.answer for c in question.choices], []
    if kind is QuestionType.MULTI:
        return list(question.choices), [c in question.answers for c in question.choices], []
    if kind is QuestionType.SHORT:
        return list(question.answers), [], []
    if kind is QuestionType.ORDER:
        return list(question.items), [], []
    return [left for left, _ in question.pairs], [], [right for _, right in question.pairs]


def _carry(values: dict[str, Any], old: QuestionType, new: QuestionType) -> dict[str, Any]:
    """The texts of one type's fields as another type's (choices become items, and so on)."""
    if "pairs" in values:
        texts = [left for left, _ in values["pairs"]]
        others = [right for _, right in values["pairs"]]
    else:
        texts = list(values.get("choices") or values.get("answers") or values.get("items") or ())
        others = []
    rights: tuple[str, ...] = ()
    if old is QuestionType.CHOICE and values.get("answer"):
        rights = (values["answer"],)
    elif old is QuestionType.MULTI:
        rights = tuple(values.get("answers", ()))
    if new is QuestionType.CHOICE:
        return {"choices": tuple(texts), "answer": rights[0] if rights else None}
    if new is QuestionType.MULTI:
        return {"choices": tuple(texts), "answers": rights}
    if new is QuestionType.SHORT:
        return {"answers": tuple(texts)}
    if new is QuestionType.ORDER:
        return {"items": tuple(texts)}
    if new is QuestionType.MATCH:
        return {"pairs": tuple(zip(texts, others + [""] * len(texts), strict=False))}
    return {}
