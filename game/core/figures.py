"""How figures are shown: one rounding rule, one percentage, one round time, on every screen.

Every screen and command that shows a percentage, a share such as a facility, or a round's
time takes it from here, so the summary, home, History, ``quiz history`` and ``quiz report``
never disagree (50 of 80 points is 63% everywhere, a facility of 0.625 is 0.63).

- **Rounding** is half up: 62.5 → 63, 0.625 → 0.63 (halves away from zero for negatives).
  A float is rounded as the decimal it prints as (``0.625``, ``0.285``), not as its binary
  approximation, so 0.285 → 0.29 as a reader of the figure expects.
- **A round's time** runs from the moment its first question is shown to its last answer:
  the time the player spent in the round, reading feedback between questions included, but
  not the time the last feedback or the summary stayed open.
"""

from __future__ import annotations

import math
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def round_half_up(value: Fraction | float | int) -> int:
    """Round to the nearest whole number, halves upwards (2.5 → 3, 7.5 → 8)."""
    if isinstance(value, float):
        return int(_decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return math.floor(Fraction(value) + Fraction(1, 2))


def _decimal(value: float) -> Decimal:
    """The decimal a float prints as (``repr``): 0.625 stays 0.625, 0.1 + 0.2 is 0.30000000000000004."""
    return Decimal(repr(value))


def percent(part: int | float, whole: int | float) -> int:
    """part of whole as a whole percentage, rounded half up (50 of 80 → 63); 0 when whole is 0."""
    if whole <= 0:
        return 0
    if isinstance(part, int) and isinstance(whole, int):
        return round_half_up(Fraction(100 * part, whole))
    return round_half_up(100 * part / whole)


def percent_text(value: float | int | None, empty: str = "-") -> str:
    """A percentage (0-100, possibly with decimals) as ``63%``, rounded half up; ``empty``
    when there is none."""
    if value is None:
        return empty
    return f"{round_half_up(value)}%"


def decimal_text(value: float | None, places: int = 2, empty: str = "n/a") -> str:
    """A share or ratio to ``places`` decimals, rounded half up (0.625 → 0.63, -0.125 → -0.13)."""
    if value is None:
        return empty
    if math.isnan(value) or math.isinf(value):
        return empty
    quantum = Decimal(1).scaleb(-places)
    rounded = _decimal(float(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # never "-0.00"
    return f"{rounded:.{places}f}"


def round_seconds(first_shown_at: datetime | None, last_answer_at: datetime | None) -> float | None:
    """A round's time: from its first question shown to its last answer (None before any
    answer). Never negative."""
    if first_shown_at is None or last_answer_at is None:
        return None
    return max(0.0, (last_answer_at - first_shown_at).total_seconds())


def duration_text(seconds: float | None, empty: str = "-") -> str:
    """A time as ``45 s``, ``1 min 49 s`` or ``1 h 05 min``, whole seconds rounded half up."""
    if seconds is None:
        return empty
    whole = max(0, round_half_up(seconds))
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    return f"{whole // 3600} h {whole % 3600 // 60:02d} min"


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 warning``, ``2 warnings``, ``0 warnings`` (``many`` for an irregular plural)."""
    return f"{count} {word}" if count == 1 else f"{count} {many or word + 's'}"


def sentence(text: str) -> str:
    """Text as one sentence: its first letter capitalised (the rest kept: "U.S." stays), and one
    full stop at the end unless it already ends with ., ? or ! (never "..", never "?.")."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "…")) else text + "."
