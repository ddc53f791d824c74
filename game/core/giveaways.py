"""Give-aways: one question's text that answers another.

A question is given away when one of its keys, folded (case, accents, punctuation, curly
quotes), appears word for word in another question's prompt, choices, items, pairs or hint,
or when its own hint holds its key. The keys looked for are every accepted answer of a
``short`` question and every right answer of a ``choice`` or ``multi`` question of three or
more words (shorter choice keys, such as a name or a year, are too common to count when they
turn up elsewhere); a hint is checked against every key of its own question, whatever its
length.

The validator warns about each give-away; rounds never hold both questions of a pair that
gives each other away (see ``rounds.build_round``).

The search is one pass over the bank's words: keys go into a table by their folded words,
and every run of words in every text is looked up, so a large bank costs time in proportion
to its words, not to its questions squared.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from game.core.model import Question, QuestionType

MIN_CHOICE_KEY_WORDS = 3
_WORD = re.compile(r"[^\W_]+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


# ASCII letters and digits kept, every other byte a space: ASCII text's words, in C
_ASCII_WORD_BYTES = bytes.maketrans(
    bytes(range(256)), bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
)


def fold_words(text: str) -> tuple[str, ...]:
    """The words of a text, folded: no case, no accents, no punctuation."""
    if text.isascii():
        # no curly quote or accent to fold, and casefold is lower: the same words as below,
        # found by bytes methods (a regex over every text was most of checking a bank)
        return tuple(text.encode().lower().translate(_ASCII_WORD_BYTES).decode().split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return tuple(_WORD.findall(plain.casefold()))


@dataclass(frozen=True, slots=True)
class GiveAway:
    """``key`` (a key of ``answered``, in its field ``key_field``) appears in ``where`` of
    ``shown_in`` (the same question when its own hint holds the key)."""

    answered: Question
    key: str
    key_field: str
    shown_in: Question
    where: str

    @property
    def is_own_hint(self) -> bool:
        return self.answered.id == self.shown_in.id


def keys_of(question: Question) -> Iterator[tuple[str, str]]:
    """(field, text) of each key of a question: short answers, choice and multi answers."""
    if question.type is QuestionType.SHORT:
        for index, text in enumerate(question.answers):
            yield f"answers[{index}]", text
    elif question.type is QuestionType.CHOICE and question.answer is not None:
        yield "answer", question.answer
    elif question.type is QuestionType.MULTI:
        for index, text in enumerate(question.answers):
            yield f"answers[{index}]", text


def shown_texts(question: Question) -> Iterator[tuple[str, str]]:
    """(field, text) of what a question shows before it is answered, hint included."""
    yield "prompt", question.prompt
    for index, text in enumerate(question.choices):
        yield f"choices[{index}]", text
    for index, text in enumerate(question.items):
        yield f"items[{index}]", text
    for index, (left, right) in enumerate(question.pairs):
        yield f"pairs[{index}][0]", left
        yield f"pairs[{index}][1]", right
    if question.hint is not None:
        yield "hint", question.hint


def _contains(words: Sequence[str], key: tuple[str, ...]) -> bool:
    size = len(key)
    return any(tuple(words[i : i + size]) == key for i in range(len(words) - size + 1))


def find_give_aways(questions: Sequence[Question]) -> list[GiveAway]:
    """Every give-away among these questions, in bank order (by where it shows, then key)."""
    table: dict[tuple[str, ...], list[tuple[Question, str, str]]] = {}
    for question in questions:
        for key_field, key in keys_of(question):
            words = fold_words(key)
            if not words:
                continue
            if question.type is not QuestionType.SHORT and len(words) < MIN_CHOICE_KEY_WORDS:
                continue
            table.setdefault(words, []).append((question, key_field, key))
    # Every text shown, its folded words joined by spaces between line breaks: a key's words
    # with a space either side are found by str.find (in C), whole words only, never across
    # two texts. Python went word by word, looking up every run of words in the table.
    shown: list[tuple[int, Question, str]] = []  # (index of the question, it, the field)
    starts: list[int] = []  # where each text starts in the haystack
    pieces: list[str] = []
    offset = 0
    for number, shown_in in enumerate(questions):
        for where, text in shown_texts(shown_in):
            piece = " " + " ".join(fold_words(text)) + " "
            shown.append((number, shown_in, where))
            starts.append(offset)
            pieces.append(piece)
            offset += len(piece) + 1
    haystack = "\n".join(pieces)
    # (text, position in it, key length) of each key found, by the question that shows it
    hits: dict[int, list[tuple[int, int, int, tuple[str, ...]]]] = {}
    for words in table:
        needle = " " + " ".join(words) + " "
        at = haystack.find(needle)
        while at != -1:
            index = bisect_right(starts, at) - 1  # the text it is in
            hits.setdefault(shown[index][0], []).append((index, at, len(words), words))
            at = haystack.find(needle, at + 1)
    found: dict[tuple[str, str, str], GiveAway] = {}  # one per (key's question, text), longest key
    for number, shown_in in enumerate(questions):
        # in the order of the text, then of the place in it, then of the key's length
        for index, _at, _size, words in sorted(hits.get(number, ())):
            where = shown[index][2]
            for answered, key_field, key in table[words]:
                if answered.id == shown_in.id:
                    continue  # its own choices hold its key; its hint is checked below
                _keep(found, GiveAway(answered, key, key_field, shown_in, where))
        if shown_in.hint is not None:
            hint_words = fold_words(shown_in.hint)
            for key_field, key in keys_of(shown_in):
                words = fold_words(key)
                if words and _contains(hint_words, words):
                    _keep(found, GiveAway(shown_in, key, key_field, shown_in, "hint"))
    return list(found.values())


def _keep(found: dict[tuple[str, str, str], GiveAway], give_away: GiveAway) -> None:
    """Keep one give-away per (key's question, question shown, field): the longest key."""
    mark = (give_away.answered.id, give_away.shown_in.id, give_away.where)
    kept = found.get(mark)
    if kept is None or len(fold_words(give_away.key)) > len(fold_words(kept.key)):
        found[mark] = give_away


def clashing_pairs(give_aways: Iterable[GiveAway]) -> tuple[tuple[str, str], ...]:
    """The pairs of question ids (sorted within each pair, pairs sorted) that must not share a
    round: one gives the other away. A hint holding its own key clashes with nothing."""
    pairs = {tuple(sorted((g.answered.id, g.shown_in.id))) for g in give_aways if not g.is_own_hint}
    return tuple(sorted((a, b) for a, b in pairs))


def without_clashes(
    picked: Sequence[Question],
    spare: Sequence[Question],
    clashes: Iterable[tuple[str, str]],
    wanted: int,
) -> list[Question]:
    """The picked questions in order, each dropped that clashes with one kept before it, then
    topped up to ``wanted`` from ``spare`` (in its order) with questions that clash with none
    kept. Deterministic: the same inputs give the same list."""
    partners: dict[str, set[str]] = {}
    for a, b in clashes:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    kept: list[Question] = []
    kept_ids: set[str] = set()
    for question in [*picked, *spare]:
        if len(kept) >= wanted:
            break
        if question.id in kept_ids or partners.get(question.id, set()) & kept_ids:
            continue
        kept.append(question)
        kept_ids.add(question.id)
    return kept
