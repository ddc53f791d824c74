"""How a finished round stands: a grade word beside its percentage, and whether it is the
player's new personal best. Rules any front end shows the same way."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

# (lowest percentage, word), best first: the word for a percentage is the first it reaches.
GRADES: tuple[tuple[int, str], ...] = (
    (90, "Excellent"),
    (75, "Very good"),
    (60, "Good"),
    (40, "Fair"),
    (0, "Keep practising"),
)

# Rounds that count towards a personal best: a review of missed questions or a practice round
# is a different, easier thing and never sets or beats one.
BEST_MODES = frozenset({"quick", "timed", "exam"})


def grade_word(percentage: int) -> str:
    """The word for a whole percentage: 90+ Excellent, 75+ Very good, 60+ Good, 40+ Fair,
    else Keep practising."""
    for lowest, word in GRADES:
        if percentage >= lowest:
            return word
    return GRADES[-1][1]


def is_personal_best(
    mode: str, score: int, max_score: int, earlier: Iterable[tuple[int, int]]
) -> bool:
    """True when this round (of a counting mode) scored a higher share than every earlier
    finished round of the same bank, given as (score, max score); never for a first round,
    nor for a round that only ties the best."""
    if mode not in BEST_MODES or max_score <= 0:
        return False
    shares = [Fraction(s, m) for s, m in earlier if m > 0]
    return bool(shares) and Fraction(score, max_score) > max(shares)
