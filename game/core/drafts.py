"""What the question editor works with: ids made from prompts, a bank's details, field problems.

A draft question is an ordinary `Question` whose fields may still be wrong (an empty prompt, one
choice); the bank format's own checker decides, once the draft is written out as YAML.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from game.core.model import Question, Severity
from game.core.tree_checks import MAX_ID_LENGTH

ID_WORDS_LENGTH = 40  # an id from a prompt keeps its first words, up to this many characters
_NOT_ID = re.compile(r"[^a-z0-9]+")
# Words an id cut short should not end on: they only lead into the words cut off.
_FILLER_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "its",
        "of",
        "on",
        "or",
        "than",
        "that",
        "the",
        "their",
        "to",
        "with",
    ]
)


def slug(text: str, limit: int = ID_WORDS_LENGTH) -> str:
    """Lowercase ASCII words joined by hyphens, cut at a word end: ``Who met in Bangkok?`` →
    ``who-met-in-bangkok``; a text cut short does not end on a filler word such as "and"
    (``which-part-of-the-leaf-lets-gases``, not ``...-gases-in-and``); empty when the text
    has no letter or digit."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    words = [word for word in _NOT_ID.split(ascii_text) if word]
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > limit:
            # Cut short: end on a word that carries meaning, not on "in and" or "of the".
            while len(kept) > 1 and kept[-1] in _FILLER_WORDS:
                kept.pop()
            break
        kept.append(word[:limit])
    return "-".join(kept)


def unique_id(base: str, taken: Iterable[str], fallback: str = "question") -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not taken (within the id length)."""
    used = set(taken)
    stem = (base or fallback)[:MAX_ID_LENGTH]
    if stem not in used:
        return stem
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = stem[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        if candidate not in used:
            return candidate
        number += 1


def id_from_prompt(prompt: str, taken: Iterable[str]) -> str:
    """A new question's id: the prompt's first words, unique in the bank."""
    return unique_id(slug(prompt), taken)


@dataclass(frozen=True, slots=True)
class BankDetails:
    """A bank's title, description and topics (topic id → display name), as the editor sets them."""

    title: str
    description: str = ""
    topics: dict[str, str] = field(default_factory=dict)


def topics_from_names(names: Iterable[str], existing: dict[str, str]) -> dict[str, str]:
    """Topic ids for display names (one a line): a name the bank already has keeps its id; a
    line changed in place is a rename and keeps the id of the name it replaced; any other new
    name gets a slug. Blank lines are dropped, repeated names kept once."""
    by_name = {name: topic_id for topic_id, name in existing.items()}
    lines = [raw.strip() for raw in names]
    old_lines = list(existing.items())
    kept_names = set(lines)
    topics: dict[str, str] = {}
    for position, name in enumerate(lines):
        if not name or name in topics.values():
            continue
        renamed = None
        if name not in by_name and position < len(old_lines):
            old_id, old_name = old_lines[position]
            if old_name not in kept_names and old_id not in topics:
                renamed = old_id
        topic_id = by_name.get(name) or renamed or unique_id(slug(name, 24), topics, "topic")
        if topic_id in topics:
            topic_id = unique_id(topic_id, topics)
        topics[topic_id] = name
    return topics


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One problem of a draft, in the validator's words, with the form field it belongs to.

    ``field`` is a question key (``prompt``, ``choices``...), ``""`` when it belongs to no one
    field; ``item`` is the 0-based item of a list field, or None. For a choice, item or pair
    side written twice, ``first_item`` is the item of the first one, and the message leaves
    out the file's line of it ("first on line 106"): the form says its row (`words`).
    """

    field: str
    severity: Severity
    message: str
    item: int | None = None
    first_item: int | None = None

    @property
    def is_error(self) -> bool:
        """True for an error (which stops a save), False for a warning."""
        return self.severity is Severity.ERROR

    def words(self, first_row: int | None = None) -> str:
        """The message as the form shows it: with the 0-based form row of the first of a
        value written twice, when it names one (``duplicate choice "A" (first in row 1)``)."""
        if self.first_item is None or first_row is None:
            return self.message
        return f"{self.message} (first in row {first_row + 1})"


@dataclass(frozen=True, slots=True)
class DraftCheck:
    """The outcome of checking a draft inside its bank: its problems, and the question exactly as
    the game would load it (None while there are errors)."""

    problems: tuple[FieldProblem, ...] = ()
    question: Question | None = None

    @property
    def errors(self) -> tuple[FieldProblem, ...]:
        """The problems that stop a save."""
        return tuple(p for p in self.problems if p.is_error)
