"""Plain, typed objects for banks, questions and the problems found in them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class QuestionType(StrEnum):
    """The six kinds of question a bank can hold."""

    CHOICE = "choice"
    MULTI = "multi"
    TRUEFALSE = "truefalse"
    SHORT = "short"
    ORDER = "order"
    MATCH = "match"


class Severity(StrEnum):
    """How bad a problem in a bank is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a bank, at a 1-based line and column of its file.

    ``first``: for a choice, item or pair side written twice (reported at the second), the
    1-based line and column of the first one; the message ends with `first_on_line` of its
    line, which the question form, having no lines, says as a row instead.
    """

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    first: tuple[int, int] | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


def first_on_line(line: int) -> str:
    """How a message about a value written twice ends: where the first one is."""
    return f" (first on line {line})"


@dataclass(frozen=True, slots=True)
class Question:
    """One question, with the fields its type uses; the others stay empty.

    - choice: ``choices`` and ``answer`` (the text of the right choice)
    - multi: ``choices`` and ``answers`` (every right choice)
    - truefalse: ``truth``
    - short: ``answers`` (every accepted answer)
    - order: ``items`` in the correct order
    - match: ``pairs`` of (left, right)
    """

    id: str
    type: QuestionType
    prompt: str
    explanation: str
    quote: str | None = None
    topic: str | None = None
    difficulty: int = 1
    hint: str | None = None
    choices: tuple[str, ...] = ()
    answer: str | None = None
    answers: tuple[str, ...] = ()
    truth: bool | None = None
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    line: int = 0
    # Where each text field sits in the bank file: (field, line, column), 1-based, with fields
    # named as the give-away check names them ("prompt", "answers[0]", "pairs[1][0]", ...).
    spots: tuple[tuple[str, int, int], ...] = field(default=(), compare=False)

    def spot(self, name: str) -> tuple[int, int]:
        """(line, column) of a field, or the question's own line when it is not known."""
        for spot_name, line, column in self.spots:
            if spot_name == name:
                return line, column
        return self.line, 1


@dataclass(frozen=True, slots=True)
class Source:
    """What a bank's questions were written from."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    text: str | None = None  # the article: source.text, or the contents of source.file
    file: str | None = None  # source.file as written (relative to the bank's file)


@dataclass(frozen=True, slots=True)
class Bank:
    """A valid (or partly valid) question bank."""

    bank_id: str
    path: str
    title: str
    questions: tuple[Question, ...]
    description: str | None = None
    language: str | None = None
    source: Source | None = None
    topics: dict[str, str] = field(default_factory=dict)  # topic id -> display name
    time_limit: int = 30
    format: int = 1
    # Pairs of question ids that give each other away (see core.giveaways): a round holds at
    # most one question of each pair.
    clashes: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def topic_name(self, topic_id: str | None) -> str:
        """The display name of a topic id (the id itself when the bank does not name it)."""
        if topic_id is None:
            return "General"
        return self.topics.get(topic_id, topic_id)


@dataclass(frozen=True, slots=True)
class LoadResult:
    """A bank file's outcome: the bank (None when it has errors) and every problem found."""

    path: str
    bank_id: str
    bank: Bank | None
    problems: tuple[Problem, ...]
    question_count: int = 0
    title: str | None = None  # the title when it could be read, even from a broken bank

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def playable(self) -> bool:
        return self.bank is not None and not self.errors


@dataclass(frozen=True, slots=True)
class BankSummary:
    """What the home screen needs of a bank without loading all of it."""

    bank_id: str
    path: str
    title: str
    question_count: int
    topics: dict[str, str]
    description: str | None = None
    first_error: str | None = None  # "LINE:COLUMN: message" of the first error, or None

    @property
    def playable(self) -> bool:
        return self.first_error is None
