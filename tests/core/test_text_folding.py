"""Folding text for matching (answers, give-aways): case, accents, curly quotes, punctuation."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from game.core.giveaways import fold_words
from game.core.textmatch import fold_answer


def _fold_words_by_the_book(text: str) -> tuple[str, ...]:
    """fold_words as first written: every text decomposed and stripped of combining marks."""
    import re

    quotes = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
    decomposed = unicodedata.normalize("NFKD", text.translate(quotes))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return tuple(re.findall(r"[^\W_]+", plain.casefold()))


def test_accents_case_and_curly_quotes_fold_alike() -> None:
    assert fold_words("The Détente’s “Limits”") == fold_words('the detente\'s "limits"')
    assert fold_words("The Détente’s “Limits”") == ("the", "detente", "s", "limits")
    assert fold_answer("  Détente! ") == fold_answer("detente") == "detente"
    assert fold_answer("Ｗａｎｇ Yi") == "wang yi"  # full-width letters fold too (NFKD)


@given(st.text())
def test_folding_words_is_the_same_for_any_text_ascii_or_not(text: str) -> None:
    assert fold_words(text) == _fold_words_by_the_book(text)
