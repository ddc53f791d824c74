"""Class codes: a short code a teacher reads out, which a student types to play the same exam.

A code is the round's seed and number of questions, ``482913-10``, with ``-t2`` when the round
is limited to the bank's second topic and ``-d3`` when limited to difficulty 3. The seed alone
(``482913``) still works: the count, topic and difficulty then come from the set-up.
Topics are numbered in `topic_order`: the bank's named topics in the order the bank lists
them, then any other topic its questions use, alphabetically.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.core.model import Bank

if TYPE_CHECKING:
    from game.core.rounds import Round

EXAMPLE = "482913-10"
_PART = re.compile(r"([td]?)(\d+)\Z")
_SEPARATORS = re.compile(r"[\s\-–—/.]+")
MAX_SEED_DIGITS = 9


@dataclass(frozen=True, slots=True)
class ClassCode:
    """What a class code says: the seed, and when given the count, topic number and difficulty."""

    seed: int
    count: int | None = None
    topic_number: int | None = None  # 1-based, in topic_order
    difficulty: int | None = None

    @property
    def complete(self) -> bool:
        """True when the code fixes the whole round (it has its count)."""
        return self.count is not None

    def __str__(self) -> str:
        parts = [str(self.seed)]
        if self.count is not None:
            parts.append(str(self.count))
        if self.topic_number is not None:
            parts.append(f"t{self.topic_number}")
        if self.difficulty is not None:
            parts.append(f"d{self.difficulty}")
        return "-".join(parts)


def topic_order(bank: Bank) -> tuple[tuple[str, str], ...]:
    """(topic id, display name) in class-code order: the bank's named topics, then others used."""
    used = {q.topic for q in bank.questions if q.topic is not None}
    unnamed = sorted(used - set(bank.topics))
    return (*bank.topics.items(), *((topic, topic) for topic in unnamed))


def code_for(
    seed: int,
    count: int,
    topic: str | None,
    difficulty: int | None,
    topics: Sequence[tuple[str, str]],
) -> ClassCode:
    """The code of an exam round: its seed, its number of questions and its filters."""
    ids = [topic_id for topic_id, _ in topics]
    number = ids.index(topic) + 1 if topic is not None and topic in ids else None
    return ClassCode(seed, count, number, difficulty)


def parse_code(text: str) -> ClassCode | str:
    """The code typed, or in words what is wrong with it (spaces, dots and dashes all separate)."""
    parts = [part for part in _SEPARATORS.split(text.strip().lower()) if part]
    wrong = f"a class code looks like {EXAMPLE}: the numbers your teacher shows"
    if not parts:
        return wrong
    if not parts[0].isdigit() or len(parts[0]) > MAX_SEED_DIGITS:
        return wrong
    seed = int(parts[0])
    count = topic_number = difficulty = None
    for position, part in enumerate(parts[1:], start=1):
        match = _PART.match(part)
        if match is None:
            return wrong
        letter, number = match[1], int(match[2])
        if letter == "" and position == 1:
            if number < 1:
                return "the number of questions in a class code is at least 1"
            count = number
        elif letter == "t" and topic_number is None and number >= 1:
            topic_number = number
        elif letter == "d" and difficulty is None and 1 <= number <= 3:
            difficulty = number
        else:
            return wrong
    if count is None and (topic_number is not None or difficulty is not None):
        return wrong
    return ClassCode(seed, count, topic_number, difficulty)


def topic_for_number(number: int | None, topics: Sequence[tuple[str, str]]) -> str | None:
    """The topic id a code's topic number stands for (None for none, or one out of range)."""
    if number is None or not 1 <= number <= len(topics):
        return None
    return topics[number - 1][0]


def round_code(played: Round) -> str:
    """The class code a seeded round shows (its count is the questions it really has)."""
    request = played.request
    if request.seed is None:
        return ""
    return str(
        code_for(request.seed, played.total, request.topic, request.difficulty, played.topic_names)
    )
