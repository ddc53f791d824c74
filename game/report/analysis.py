"""Item analysis of a class's answers on one bank: students, facility, discrimination.

Pure: takes plain rows (no SQL, no files) and returns plain results.

Each student counts once per question: their **first** answer to it (in the rounds given),
as Moodle's statistics can be computed from first attempts, so that practising a question
again does not make it look easier than it was.

- **Item score**: the points of that answer as a share of its maximum (1 right, 0 wrong,
  a partly right answer its share, e.g. 1 of 2 points is 0.5).
- **Facility**: the mean item score over the students who answered the question, 0 to 1;
  with right/wrong only, the share of students who got it right.
- **Discrimination**: the Pearson correlation, across the students who answered the
  question, between their item score and their *rest score*: the mean of their item scores
  on every other question of the bank they answered (the question itself left out, as in
  Moodle's discrimination index). A mean rather than a sum, because students of a class
  may have answered different numbers of questions; when all answered the same questions
  the two give the same correlation. -1 to 1: high when the stronger students get the
  question right and the weaker ones do not; negative when the stronger students miss it.
  It is not computed (None, with the reason) with fewer than MIN_STUDENTS students who
  answered the question and at least one other, or when everyone's item score, or rest
  score, is the same: with so few students the figure would mostly be noise.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from game.report.answers import Breakdown, breakdown

MIN_STUDENTS = 5
TOO_EASY = 0.9  # facility above this
TOO_HARD = 0.2  # facility below this
MOST_MISSED_SHOWN = 5
FLAG_TOO_EASY = "too easy"
FLAG_TOO_HARD = "too hard"
FLAG_REVERSED = "stronger students miss it"


@dataclass(frozen=True, slots=True)
class RoundFacts:
    """One round as the analysis needs it; ``key`` is unique across all save files read."""

    key: Hashable
    player: str
    bank_id: str
    bank_title: str
    mode: str
    started_at: datetime
    finished: bool
    score: int
    max_score: int
    seed: int | None = None
    question_count: int = 0
    answered: int = 0


@dataclass(frozen=True, slots=True)
class AnswerFacts:
    """One answer as the analysis needs it; ``round_key`` is the key of its round."""

    round_key: Hashable
    question_id: str
    prompt: str
    expected: str
    explanation: str
    result: str  # right | partly | wrong
    points: int
    max_points: int
    answered_at: datetime
    question_type: str = ""
    given: str = ""
    position: int = 0  # 1-based place of the question in its round (0: unknown)


@dataclass(frozen=True, slots=True)
class StudentLine:
    """A student on one bank: finished and unfinished rounds, best and latest percentage
    (of finished rounds; None when none is finished)."""

    player: str
    rounds: int
    unfinished: int
    best_percent: float | None
    latest_percent: float | None


@dataclass(frozen=True, slots=True)
class QuestionLine:
    """A question's figures; prompt, expected and explanation as last answered."""

    question_id: str
    students: int
    missed: int  # students whose first answer was not fully right
    facility: float
    discrimination: float | None
    discrimination_note: str | None  # why discrimination is None
    flags: tuple[str, ...]
    prompt: str
    expected: str
    explanation: str
    position: int = 0  # its place in the class's round (the earliest seen), 0 when unknown
    breakdown: Breakdown | None = None


@dataclass(frozen=True, slots=True)
class UnfinishedLine:
    """A round started and not finished: listed apart, never scored as finished."""

    player: str
    started_at: datetime
    answered: int
    total: int


@dataclass(frozen=True, slots=True)
class BankAnalysis:
    """The whole analysis of one bank."""

    bank_id: str
    bank_title: str
    rounds: int
    students: tuple[StudentLine, ...]
    questions: tuple[QuestionLine, ...]
    most_missed: tuple[QuestionLine, ...]
    unfinished: tuple[UnfinishedLine, ...] = ()


def item_score(answer: AnswerFacts) -> float:
    """The answer's points as a share of its maximum, 0 to 1 (right 1, wrong 0 when the
    maximum is 0)."""
    if answer.max_points <= 0:
        return 1.0 if answer.result == "right" else 0.0
    return min(1.0, max(0.0, answer.points / answer.max_points))


def percent(score: int, max_score: int) -> float:
    """score as a percentage of max_score (0 when the maximum is 0)."""
    return 100.0 * score / max_score if max_score > 0 else 0.0


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r of two equally long sequences; None when either does not vary."""
    count = len(xs)
    mean_x, mean_y = sum(xs) / count, sum(ys) / count
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    if var_x <= 1e-12 or var_y <= 1e-12:
        return None
    value = cov / math.sqrt(var_x * var_y)
    # Rounding error must not turn "no relation at all" into a small negative and a flag.
    return 0.0 if abs(value) < 1e-12 else value


def discrimination(
    question_id: str, scores: dict[str, dict[str, float]]
) -> tuple[float | None, str | None]:
    """Item-rest correlation of a question (see the module docstring), or None and why.

    ``scores`` maps each student to their item score per question id.
    """
    items: list[float] = []
    rests: list[float] = []
    for by_question in scores.values():
        if question_id not in by_question or len(by_question) < 2:
            continue
        others = [s for q, s in by_question.items() if q != question_id]
        items.append(by_question[question_id])
        rests.append(sum(others) / len(others))
    if len(items) < MIN_STUDENTS:
        return None, (
            f"it takes {MIN_STUDENTS} students who answered it and another question; "
            f"found {len(items)}"
        )
    if max(items) - min(items) <= 1e-12:
        return None, "every student scored the same on it"
    value = correlation(items, rests)
    if value is None:
        return None, "every student scored the same on the rest"
    return value, None


def _flags(facility: float, value: float | None) -> tuple[str, ...]:
    flags = []
    if facility > TOO_EASY:
        flags.append(FLAG_TOO_EASY)
    if facility < TOO_HARD:
        flags.append(FLAG_TOO_HARD)
    if value is not None and value < 0:
        flags.append(FLAG_REVERSED)
    return tuple(flags)


def _students(rounds: list[RoundFacts]) -> tuple[StudentLine, ...]:
    by_player: dict[str, list[RoundFacts]] = defaultdict(list)
    for facts in rounds:
        by_player[facts.player].append(facts)
    lines = []
    for player, played in by_player.items():
        finished = sorted((r for r in played if r.finished), key=lambda r: r.started_at)
        shares = [percent(r.score, r.max_score) for r in finished]
        if not finished:
            continue  # listed apart, with how far they got
        lines.append(
            StudentLine(
                player,
                rounds=len(finished),
                unfinished=len(played) - len(finished),
                best_percent=max(shares) if shares else None,
                latest_percent=shares[-1] if shares else None,
            )
        )
    return tuple(sorted(lines, key=lambda line: (line.player.casefold(), line.player)))


def analyse_bank(
    rounds: Iterable[RoundFacts],
    answers: Iterable[AnswerFacts],
    options: Mapping[str, tuple[str, ...]] | None = None,
) -> BankAnalysis:
    """The analysis of one bank's rounds and their answers (answers of other rounds ignored).

    Only finished rounds are scored; unfinished ones are listed apart. ``options`` gives
    every option of a choice or multi question by id (from the bank), so that an option
    nobody chose can be named.
    """
    round_list = sorted(rounds, key=lambda r: (r.started_at, str(r.key)))
    if not round_list:
        raise ValueError("a bank analysis needs at least one round")
    finished = [r for r in round_list if r.finished]
    by_key = {r.key: r for r in finished}
    order = {r.key: number for number, r in enumerate(finished)}
    first: dict[tuple[str, str], AnswerFacts] = {}  # (player, question id) -> first answer
    latest: dict[str, AnswerFacts] = {}  # question id -> latest answer by anyone
    position: dict[str, int] = {}
    for answer in sorted(
        (a for a in answers if a.round_key in by_key),
        key=lambda a: (a.answered_at, order[a.round_key]),
    ):
        first.setdefault((by_key[answer.round_key].player, answer.question_id), answer)
        latest[answer.question_id] = answer
        if answer.position > 0:
            known = position.get(answer.question_id, answer.position)
            position[answer.question_id] = min(known, answer.position)
    scores: dict[str, dict[str, float]] = defaultdict(dict)
    firsts_by_question: dict[str, list[AnswerFacts]] = defaultdict(list)
    for (player, question_id), answer in first.items():
        scores[player][question_id] = item_score(answer)
        firsts_by_question[question_id].append(answer)
    questions = []
    for question_id in sorted(latest, key=lambda q: (position.get(q, 1 << 30), q)):
        taken = firsts_by_question[question_id]
        facility = sum(item_score(a) for a in taken) / len(taken)
        value, note = discrimination(question_id, scores)
        shown = latest[question_id]
        questions.append(
            QuestionLine(
                question_id,
                students=len(taken),
                missed=sum(1 for a in taken if a.result != "right"),
                facility=facility,
                discrimination=value,
                discrimination_note=note,
                flags=_flags(facility, value),
                prompt=shown.prompt,
                expected=shown.expected,
                explanation=shown.explanation,
                position=position.get(question_id, 0),
                breakdown=breakdown(
                    shown.question_type,
                    shown.expected,
                    [(a.given, a.result) for a in taken],
                    (options or {}).get(question_id),
                ),
            )
        )
    missed = sorted(
        (q for q in questions if q.missed > 0),
        key=lambda q: (-q.missed, q.facility, q.question_id),
    )
    newest = round_list[-1]
    unfinished = tuple(
        UnfinishedLine(r.player, r.started_at, r.answered, r.question_count)
        for r in sorted(
            (r for r in round_list if not r.finished),
            key=lambda r: (r.player.casefold(), r.player, r.started_at),
        )
    )
    return BankAnalysis(
        newest.bank_id,
        newest.bank_title,
        len(finished),
        _students(round_list),
        tuple(questions),
        tuple(missed[:MOST_MISSED_SHOWN]),
        unfinished,
    )


def analyse(
    rounds: Iterable[RoundFacts],
    answers: Iterable[AnswerFacts],
    bank_id: str | None = None,
    mode: str | None = None,
    options: Mapping[str, Mapping[str, tuple[str, ...]]] | None = None,
) -> list[BankAnalysis]:
    """One analysis per bank (only bank_id when given; only rounds of mode when given), by
    bank id."""
    by_bank: dict[str, list[RoundFacts]] = defaultdict(list)
    for facts in rounds:
        if (bank_id is None or facts.bank_id == bank_id) and (mode is None or facts.mode == mode):
            by_bank[facts.bank_id].append(facts)
    answer_list = list(answers)
    return [
        analyse_bank(by_bank[bank], answer_list, (options or {}).get(bank))
        for bank in sorted(by_bank)
    ]
