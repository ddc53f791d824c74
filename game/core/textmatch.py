"""Folding text for comparison: short answers and quotes, as the bank format says."""

from __future__ import annotations

import re
import unicodedata

_SPACE_RUN = re.compile(r"\s+")
_QUOTE_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)


def _is_edge_noise(ch: str) -> bool:
    """Punctuation, symbols and spaces, which do not count at either end of a short answer."""
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


def fold_answer(text: str) -> str:
    """Fold a short answer: case, accents, runs of white space, and punctuation at either end.

    ``"  Wang  Yi! "`` and ``"wang yi"`` fold alike; so do ``"Détente"`` and ``"detente"``.
    """
    no_accents = text
    if not text.isascii():  # ASCII has no accents to take off (NFKD leaves it as it is)
        decomposed = unicodedata.normalize("NFKD", text)
        no_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = _SPACE_RUN.sub(" ", no_accents.casefold().translate(_QUOTE_MAP))
    start, end = 0, len(folded)
    while start < end and _is_edge_noise(folded[start]):
        start += 1
    while end > start and _is_edge_noise(folded[end - 1]):
        end -= 1
    return folded[start:end]


def answer_matches(given: str, accepted: tuple[str, ...] | list[str]) -> bool:
    """True when the player's text equals one accepted answer after folding."""
    folded = fold_answer(given)
    return bool(folded) and any(folded == fold_answer(a) for a in accepted)


def fold_quote(text: str) -> str:
    """Fold text for quote lookup: white space runs become one space, curly quotes straight."""
    return _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTE_MAP)).strip()


def quote_in(quote: str, source_text: str) -> bool:
    """True when the quote occurs in the source text, after folding both."""
    return fold_quote(quote) in fold_quote(source_text)


def edit_distance(first: str, second: str, limit: int) -> int:
    """The Levenshtein distance between two strings, or ``limit + 1`` once it is beyond ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for row, ch in enumerate(first, start=1):
        current = [row]
        for column, other in enumerate(second, start=1):
            current.append(
                min(previous[column] + 1, current[-1] + 1, previous[column - 1] + (ch != other))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def spelling_slack(accepted: str) -> int:
    """How many letters a typed answer may be off an accepted one to be called close:
    one for a word of up to 7 letters, two for longer answers; none for 1-3 letters."""
    length = len(fold_answer(accepted))
    if length <= 3:
        return 0
    return 1 if length <= 7 else 2


def spelling_close(given: str, accepted: tuple[str, ...] | list[str]) -> bool:
    """True when the player's text is not an accepted answer but is within a small edit
    distance of one (``competiters`` for ``competitors``): worth "close: check the spelling"."""
    folded = fold_answer(given)
    if not folded or answer_matches(given, accepted):
        return False
    for answer in accepted:
        slack = spelling_slack(answer)
        if slack and edit_distance(folded, fold_answer(answer), slack) <= slack:
            return True
    return False


def quote_span(source_text: str, quote: str) -> tuple[int, int] | None:
    """Where a quote sits in the source text, as (start, end) offsets into ``source_text``; found
    the way ``quote_in`` finds it (white space runs and curly quotes folded); None when absent.

    ``source_text`` should be NFC-normalised (as loaded banks' texts are shown); offsets count its
    characters.
    """
    wanted = fold_quote(quote)
    if not wanted:
        return None
    folded: list[str] = []
    origin: list[int] = []  # folded index -> index in source_text
    in_space = False
    for index, ch in enumerate(source_text):
        if ch.isspace():
            if not in_space:
                folded.append(" ")
                origin.append(index)
            in_space = True
            continue
        in_space = False
        folded.append(ch.translate(_QUOTE_MAP))
        origin.append(index)
    where = "".join(folded).find(wanted)
    if where < 0:
        return None
    last = where + len(wanted) - 1
    return origin[where], origin[last] + 1
