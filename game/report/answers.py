"""Which answers a class gave to one question: what a teacher looks for first.

Pure: works on the answer texts the save file keeps (``given`` and ``expected``, written by
``game.core.rounds.given_text`` and ``expected_text``), one answer per student.

- choice, multi, truefalse: how many students chose each option. With every option known
  (from the bank; True and False always), an option nobody chose is flagged; without the
  bank only the options somebody chose can be listed. A wrong option chosen more often than
  the right one (for multi: than the least chosen right one) is flagged too.
- short: the most common wrong typed answers (case and surrounding spaces ignored).
- order: the most common wrong positions ("X put 1st, belongs 3rd").
- match: the most common wrong pairs ("L → R").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

NO_ANSWER = "(no answer)"  # as game.core.rounds writes it
TIMED_OUT_PREFIX = "(no answer"
MOST_COMMON_SHOWN = 3
_ORDER_PART = re.compile(r"(?:^|  )(\d+)\. ")


@dataclass(frozen=True, slots=True)
class OptionCount:
    """An option of the question, how many students chose it, and whether it is right."""

    option: str
    count: int
    key: bool


@dataclass(frozen=True, slots=True)
class Breakdown:
    """The answers a class gave to one question.

    ``options`` for choice, multi and truefalse (in the bank's order when known);
    ``wrong`` the most common wrong answers, positions or pairs, with their counts;
    ``flags`` what a teacher should look at, in words; ``unanswered`` answers left empty.
    """

    kind: str
    options: tuple[OptionCount, ...] = ()
    wrong: tuple[tuple[str, int], ...] = ()
    flags: tuple[str, ...] = ()
    unanswered: int = 0
    all_options_known: bool = True


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _unanswered(given: str) -> bool:
    return given.startswith(TIMED_OUT_PREFIX) or not given.strip()


def _split_list(text: str) -> list[str]:
    return [part for part in text.split("; ") if part]


def order_parts(text: str) -> list[str]:
    """The items of an order answer ``1. X  2. Y`` in the order given."""
    pieces = _ORDER_PART.split(text)
    return [pieces[i].strip() for i in range(2, len(pieces), 2)]


def _pairs(text: str) -> dict[str, str]:
    pairs = {}
    for part in _split_list(text):
        left, arrow, right = part.partition(" → ")
        if arrow:
            pairs[left] = right
    return pairs


def _options(
    kind: str, expected: str, answers: Sequence[tuple[str, str]], known: Sequence[str] | None
) -> Breakdown:
    keys = [expected] if kind != "multi" else _split_list(expected)
    chosen: Counter[str] = Counter()
    unanswered = 0
    for given, _ in answers:
        if _unanswered(given):
            unanswered += 1
            continue
        chosen.update(_split_list(given) if kind == "multi" else [given])
    if kind == "truefalse":
        known = ("True", "False")
    options = list(known or [])
    complete = bool(options)
    for option in [*keys, *sorted(chosen)]:
        if option not in options:
            options.append(option)
    counts = tuple(OptionCount(o, chosen[o], o in keys) for o in options)
    flags = []
    key_counts = [c.count for c in counts if c.key]
    least_key = min(key_counts) if key_counts else 0
    for count in counts:
        if count.key:
            continue
        if complete and count.count == 0:
            flags.append(f"nobody chose “{count.option}”")
        elif count.count > least_key:
            flags.append(f"“{count.option}” chosen more often than the right answer")
    return Breakdown(kind, counts, (), tuple(flags), unanswered, complete)


def _most_common(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:MOST_COMMON_SHOWN])


def breakdown(
    kind: str,
    expected: str,
    answers: Sequence[tuple[str, str]],
    known_options: Sequence[str] | None = None,
) -> Breakdown:
    """The class's answers (given text, result) to a question of this kind."""
    if kind in ("choice", "multi", "truefalse"):
        return _options(kind, expected, answers, known_options)
    wrong: Counter[str] = Counter()
    shown: dict[str, str] = {}
    unanswered = 0
    for given, result in answers:
        if _unanswered(given):
            unanswered += 1
            continue
        if result == "right":
            continue
        if kind == "order":
            correct = order_parts(expected)
            for place, item in enumerate(order_parts(given), start=1):
                if item in correct and correct.index(item) + 1 != place:
                    belongs = correct.index(item) + 1
                    wrong[f"{item}: put {ordinal(place)}, belongs {ordinal(belongs)}"] += 1
        elif kind == "match":
            right_pairs = _pairs(expected)
            for left, right in _pairs(given).items():
                if right_pairs.get(left) != right:
                    wrong[f"{left} → {right}"] += 1
        else:  # short, or a type this report does not know: the typed text
            folded = " ".join(given.split()).casefold()
            shown.setdefault(folded, given.strip())
            wrong[folded] += 1
    if shown:
        wrong = Counter({shown[folded]: count for folded, count in wrong.items()})
    return Breakdown(kind, (), _most_common(wrong), (), unanswered)
