"""A round: which questions, in which order and shuffle, and the answers given so far.

Everything here is pure: the random generator and the time of each answer are
arguments, so a seeded round is the same round every time.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Set
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Literal

from game.core.class_code import ClassCode, topic_for_number, topic_order
from game.core.figures import percent, plural, round_seconds
from game.core.giveaways import without_clashes
from game.core.model import Bank, Question, QuestionType
from game.core.records import AnswerRecord, Result, RoundStart
from game.core.scoring import Response, max_points, score_answer
from game.core.textmatch import spelling_close

Mode = Literal["quick", "timed", "exam", "review", "practice"]
MODES: tuple[Mode, ...] = ("quick", "timed", "exam", "review", "practice")
NO_ANSWER = "(no answer)"
TIMED_OUT_ANSWER = "(no answer: time's up)"
SKIPPED_ANSWER = "(no answer: skipped)"
PLAN_VERSION = 1  # of plan_text's JSON (game.core.resume reads it)


@dataclass(frozen=True, slots=True)
class PlayRequest:
    """What the player asked to play; ``question_ids`` limits a review round to those questions."""

    bank_id: str
    mode: Mode = "quick"
    topic: str | None = None
    count: int = 10
    difficulty: int | None = None
    seed: int | None = None
    question_ids: tuple[str, ...] = ()
    # a review: the round whose missed questions it asks again ("new round" plays that kind)
    origin: PlayRequest | None = None

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown mode {self.mode!r}; expected one of {', '.join(MODES)}")
        if self.count < 1:
            raise ValueError(f"a round needs at least one question, not {self.count}")


def new_seed(rng: random.Random) -> int:
    """A six-digit seed, short enough for a teacher to read out as a class code."""
    return rng.randrange(100_000, 1_000_000)


def eligible_questions(bank: Bank, request: PlayRequest) -> tuple[Question, ...]:
    """The bank's questions that fit the request's topic, difficulty and question ids."""
    wanted_ids = set(request.question_ids)
    return tuple(
        question
        for question in bank.questions
        if (request.topic is None or question.topic == request.topic)
        and (request.difficulty is None or question.difficulty == request.difficulty)
        and (not wanted_ids or question.id in wanted_ids)
    )


DEFAULT_COUNT = 10  # questions in a round unless the player or a class code says otherwise


def class_code_request(bank: Bank, code: ClassCode) -> PlayRequest | str:
    """The exam a class code plays in this bank, or in words why it does not fit the bank.

    Every front end reads a code here (the set-up screen, plain mode), so the same code gives
    the same questions in the same order. A whole code fixes the count, topic and difficulty;
    a seed alone plays the default: up to ten questions of any topic and difficulty.
    """
    if not code.complete:
        count = min(DEFAULT_COUNT, len(bank.questions))
        return PlayRequest(bank.bank_id, mode="exam", count=max(count, 1), seed=code.seed)
    topics = topic_order(bank)
    if code.topic_number is not None and code.topic_number > len(topics):
        return (
            f"this class code names topic {code.topic_number}, but this bank has "
            f"{len(topics)}: is this the bank your teacher means?"
        )
    topic = topic_for_number(code.topic_number, topics)
    probe = PlayRequest(bank_id=bank.bank_id, topic=topic, difficulty=code.difficulty)
    fitting = len(eligible_questions(bank, probe))
    assert code.count is not None
    if code.count > fitting:
        return (
            f"this class code is for {plural(code.count, 'question')}, but only {fitting} here fit "
            "it: is this the bank your teacher means?"
        )
    return PlayRequest(
        bank.bank_id,
        mode="exam",
        topic=topic,
        count=code.count,
        difficulty=code.difficulty,
        seed=code.seed,
    )


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """A question as this round shows it: choices, items and match rights in shuffled order."""

    question: Question
    choices: tuple[str, ...] = ()  # choice and multi
    items: tuple[str, ...] = ()  # order: the starting (shuffled) order
    rights: tuple[str, ...] = ()  # match: the right-hand column, shuffled
    reason: str = ""  # practice: why the question is in the round ("due", "new", ...)

    @property
    def lefts(self) -> tuple[str, ...]:
        """The fixed left-hand column of a match question."""
        return tuple(left for left, _ in self.question.pairs)


def _shuffled(
    values: tuple[str, ...], rng: random.Random, *, avoid_solved: bool
) -> tuple[str, ...]:
    """A shuffled copy; with ``avoid_solved`` never the original order when there are 2+ values."""
    shuffled = list(values)
    rng.shuffle(shuffled)
    if avoid_solved and len(values) > 1 and tuple(shuffled) == values:
        # Rotating by one moves every value out of its place, without drawing again.
        shuffled = shuffled[1:] + shuffled[:1]
    return tuple(shuffled)


def ask(question: Question, rng: random.Random) -> AskedQuestion:
    """Shuffle what a question shows, the way this round will show it."""
    kind = question.type
    if kind in (QuestionType.CHOICE, QuestionType.MULTI):
        return AskedQuestion(question, choices=_shuffled(question.choices, rng, avoid_solved=False))
    if kind is QuestionType.ORDER:
        return AskedQuestion(question, items=_shuffled(question.items, rng, avoid_solved=True))
    if kind is QuestionType.MATCH:
        rights = tuple(right for _, right in question.pairs)
        return AskedQuestion(question, rights=_shuffled(rights, rng, avoid_solved=True))
    return AskedQuestion(question)


PREFERRING_MODES: tuple[Mode, ...] = ("quick", "timed")


def preferred_pick(
    pool: tuple[Question, ...],
    count: int,
    last_results: Mapping[str, Result],
    rng: random.Random,
) -> list[Question]:
    """``count`` questions of the pool: first those the player has never answered, then those
    last answered not fully right, then the rest; drawn at random within each group and
    shown in a random order (so the new ones are not always first)."""
    unseen = [q for q in pool if q.id not in last_results]
    missed = [q for q in pool if q.id in last_results and last_results[q.id] is not Result.RIGHT]
    known = [q for q in pool if last_results.get(q.id) is Result.RIGHT]
    for group in (unseen, missed, known):
        rng.shuffle(group)
    picked = (unseen + missed + known)[:count]
    rng.shuffle(picked)
    return picked


def build_round(
    bank: Bank,
    request: PlayRequest,
    rng: random.Random | None = None,
    last_results: Mapping[str, Result] | None = None,
) -> Round:
    """Pick, order and shuffle a round's questions.

    When the request has a seed, the seed alone decides everything (the same seed
    gives the same questions, order and shuffles); otherwise ``rng`` does.
    ``last_results`` (question id -> how the player last answered it) makes a quick or timed
    round without a seed prefer questions not seen yet, then those missed (``preferred_pick``).
    Raises ValueError when no question fits the request.
    """
    if request.seed is not None:
        rng = random.Random(request.seed)
    elif rng is None:
        raise ValueError("build_round needs a seed in the request or a random generator")
    pool = eligible_questions(bank, request)
    if not pool:
        raise ValueError("no question in this bank fits the chosen topic and difficulty")
    count = min(request.count, len(pool))
    if last_results and request.seed is None and request.mode in PREFERRING_MODES:
        picked = preferred_pick(pool, count, last_results, rng)
    else:
        picked = rng.sample(pool, count)
    if bank.clashes:
        picked = _no_give_aways(picked, pool, bank.clashes, rng)
    return Round(
        bank_id=bank.bank_id,
        bank_title=bank.title,
        request=request,
        questions=tuple(ask(question, rng) for question in picked),
        time_limit=bank.time_limit if request.mode == "timed" else None,
        topic_names=topic_order(bank),
    )


def _no_give_aways(
    picked: list[Question],
    pool: tuple[Question, ...],
    clashes: tuple[tuple[str, str], ...],
    rng: random.Random,
) -> list[Question]:
    """The picked questions without one of each pair that gives the other away, topped up from
    the rest of the pool in an order the same generator draws (so a seed, or a class code, still
    gives the same round everywhere). A round may come out shorter when the pool runs out."""
    kept = without_clashes(picked, (), clashes, len(picked))
    if len(kept) == len(picked):
        return picked
    chosen = {question.id for question in picked}
    spare = [question for question in pool if question.id not in chosen]
    rng.shuffle(spare)
    return without_clashes(kept, spare, clashes, len(picked))


def _screen_order(question: Question, shown: tuple[str, ...]) -> tuple[str, ...]:
    """The choices in the order the screen showed them (the bank's order when not given)."""
    return shown if set(shown) == set(question.choices) else question.choices


def expected_parts(question: Question, shown: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The right answer as readable pieces: one per pick, item (``1. X``) or pair (``L → R``);
    a multi answer's picks in ``shown`` order (the screen's) when given."""
    kind = question.type
    if kind is QuestionType.CHOICE:
        return (question.answer or "",)
    if kind is QuestionType.MULTI:
        order = _screen_order(question, shown)
        return tuple(choice for choice in order if choice in question.answers)
    if kind is QuestionType.TRUEFALSE:
        return ("True" if question.truth else "False",)
    if kind is QuestionType.SHORT:
        return question.answers[:1]
    if kind is QuestionType.ORDER:
        return _numbered(question.items)
    return tuple(f"{left} → {right}" for left, right in question.pairs)


def given_parts(
    question: Question, response: Response, shown: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """What the player gave, as readable pieces lined up with ``expected_parts`` for order and
    match (equal pieces at the same place are the right ones); empty when nothing was given.
    A multi answer's picks come in ``shown`` order (the screen's) when given."""
    if response is None:
        return ()
    kind = question.type
    if kind is QuestionType.TRUEFALSE:
        return ("True" if response else "False",)
    if kind is QuestionType.MULTI and isinstance(response, Set):
        return tuple(choice for choice in _screen_order(question, shown) if choice in response)
    if kind is QuestionType.ORDER and isinstance(response, tuple | list):
        return _numbered(tuple(response))
    if kind is QuestionType.MATCH and isinstance(response, Mapping):
        return tuple(f"{left} → {response.get(left, '?')}" for left, _ in question.pairs)
    text = str(response)
    return (text,) if text.strip() else ()


def expected_text(question: Question, shown: tuple[str, ...] = ()) -> str:
    """The right answer as readable text: ``A; B`` (multi), ``1. X  2. Y`` (order),
    ``L → R; ...`` (match)."""
    return _joined(question, expected_parts(question, shown))


def given_text(question: Question, response: Response, shown: tuple[str, ...] = ()) -> str:
    """What the player gave, as readable text in the same forms as ``expected_text``."""
    return _joined(question, given_parts(question, response, shown)) or NO_ANSWER


def _timed_out_given(question: Question, response: Response) -> str:
    """What a player gave when time ran out: nothing, or a typed answer not yet sent (kept in
    words, still no answer: it was not given in time). Other widgets' state when the time ran
    out (an order as first shown, a pick not confirmed) is not an answer."""
    if question.type is QuestionType.SHORT and isinstance(response, str) and response.strip():
        return f"(no answer: time's up; typed, not sent: {response.strip()})"
    return TIMED_OUT_ANSWER


def close_spelling(question: Question, response: Response, *, timed_out: bool) -> bool:
    """True when a typed answer scored nothing but is a slip away from an accepted answer:
    the screen says "close: check the spelling" (it is still not counted right). Never for an
    answer the time ran out on (it was not given)."""
    if timed_out or question.type is not QuestionType.SHORT or not isinstance(response, str):
        return False
    return spelling_close(response, question.answers)


def _joined(question: Question, parts: tuple[str, ...]) -> str:
    """Pieces joined the way their question type reads."""
    return ("  " if question.type is QuestionType.ORDER else "; ").join(parts)


def _numbered(values: tuple[str, ...]) -> tuple[str, ...]:
    """``1. X``, ``2. Y``, ..."""
    return tuple(f"{position}. {value}" for position, value in enumerate(values, start=1))


@dataclass(frozen=True, slots=True)
class TopicScore:
    """How one topic went in a round."""

    topic: str | None
    name: str
    right: int
    answered: int
    points: int
    max_points: int


@dataclass(frozen=True, slots=True)
class RoundSummary:
    """The figures the summary screen shows; ``missed`` holds every answer not fully right."""

    score: int
    max_score: int
    percentage: int
    right: int
    partly: int
    answered: int
    total: int
    seconds: float
    best_streak: int
    timed_out: int
    hints_used: int
    topics: tuple[TopicScore, ...]
    missed: tuple[AnswerRecord, ...]
    mode: Mode
    seed: int | None

    @property
    def finished(self) -> bool:
        """True when every question of the round was answered."""
        return self.answered == self.total


@dataclass(frozen=True, slots=True)
class Round:
    """The state of a round; answering returns a new Round, this one never changes."""

    bank_id: str
    bank_title: str
    request: PlayRequest
    questions: tuple[AskedQuestion, ...]
    time_limit: int | None = None  # seconds per question, in timed rounds only
    topic_names: tuple[tuple[str, str], ...] = ()
    answers: tuple[AnswerRecord, ...] = field(default=())
    # When the first question was shown (the round's start in the save file); see `seconds`.
    started_at: datetime | None = None
    skipped: tuple[str, ...] = ()  # ids of questions skipped once and moved to the end

    @property
    def mode(self) -> Mode:
        """quick, timed, exam, review or practice."""
        return self.request.mode

    @property
    def total(self) -> int:
        """How many questions the round has."""
        return len(self.questions)

    @property
    def position(self) -> int:
        """The 0-based index of the current question (== total when finished)."""
        return len(self.answers)

    @property
    def finished(self) -> bool:
        """True once every question is answered."""
        return self.position >= self.total

    @property
    def current(self) -> AskedQuestion | None:
        """The question to answer now, or None when the round is finished."""
        return None if self.finished else self.questions[self.position]

    @property
    def progress(self) -> tuple[int, int]:
        """(number of the current question, 1-based and capped at total; total)."""
        return min(self.position + 1, self.total), self.total

    @property
    def score(self) -> int:
        """Points so far."""
        return sum(record.points for record in self.answers)

    @property
    def streak(self) -> int:
        """How many answers in a row, up to the last one, were fully right."""
        run = 0
        for record in reversed(self.answers):
            if record.result is not Result.RIGHT:
                break
            run += 1
        return run

    @property
    def current_was_skipped(self) -> bool:
        """True when the question to answer now was skipped once and has come back."""
        asked = self.current
        return asked is not None and asked.question.id in self.skipped

    def skip(self, *, answered_at: datetime) -> tuple[Round, AnswerRecord | None]:
        """Skip the current question: the first time it moves to the end of the round and
        comes back after the others (no record yet); skipped again when it has come back, it
        is given up and counts as wrong (the record to save now)."""
        asked = self.current
        if asked is None:
            raise ValueError("the round is already finished")
        if self.current_was_skipped:
            return self.answer(None, seconds=0.0, answered_at=answered_at, skipped=True)
        at = self.position
        later = (*self.questions[:at], *self.questions[at + 1 :], asked)
        return replace(self, questions=later, skipped=(*self.skipped, asked.question.id)), None

    @property
    def max_score(self) -> int:
        """The most the whole round can earn."""
        timed = self.time_limit is not None
        return sum(max_points(asked.question, timed=timed) for asked in self.questions)

    def topic_name(self, topic_id: str | None) -> str:
        """The display name of a topic id."""
        if topic_id is None:
            return "General"
        return dict(self.topic_names).get(topic_id, topic_id)

    def answer(
        self,
        response: Response,
        *,
        seconds: float,
        answered_at: datetime,
        hint_used: bool = False,
        timed_out: bool = False,
        skipped: bool = False,
    ) -> tuple[Round, AnswerRecord]:
        """Answer the current question; returns the next state and the record to save now.
        ``skipped``: the player gave the question up (no answer; it counts as wrong)."""
        asked = self.current
        if asked is None:
            raise ValueError("the round is already finished")
        question = asked.question
        scored = score_answer(
            question,
            None if timed_out or skipped else response,
            seconds=seconds,
            time_limit=self.time_limit,
            hint_used=hint_used,
            timed_out=timed_out,
        )
        if skipped:
            given = SKIPPED_ANSWER
        elif scored.timed_out:
            given = _timed_out_given(question, response)
        else:
            given = given_text(question, response, asked.choices)
        record = AnswerRecord(
            question_id=question.id,
            question_type=str(question.type),
            topic=question.topic,
            difficulty=question.difficulty,
            prompt=question.prompt,
            given=given,
            expected=expected_text(question, asked.choices),
            result=scored.result,
            points=scored.points,
            max_points=scored.max_points,
            seconds=seconds,
            hint_used=hint_used,
            timed_out=scored.timed_out,
            explanation=question.explanation,
            quote=question.quote,
            answered_at=answered_at,
        )
        return replace(self, answers=(*self.answers, record)), record

    def round_start(self, player: str, started_at: datetime) -> RoundStart:
        """The facts the save store keeps when this round begins."""
        return RoundStart(
            player=player,
            bank_id=self.bank_id,
            bank_title=self.bank_title,
            mode=self.mode,
            seed=self.request.seed,
            topic=self.request.topic,
            question_count=self.total,
            max_score=self.max_score,
            started_at=started_at,
            time_limit=self.time_limit,
            plan=plan_text(self),
        )

    @property
    def seconds(self) -> float | None:
        """The round's time as every screen shows it (game.core.figures.round_seconds): from
        the first question shown to the last answer. Without a start, the first question was
        shown when its answer came, less the seconds it took."""
        if not self.answers:
            return None
        first = self.answers[0]
        shown = self.started_at
        if shown is None:
            shown = first.answered_at - timedelta(seconds=first.seconds)
        return round_seconds(shown, self.answers[-1].answered_at)

    def summary(self) -> RoundSummary:
        """The round's figures: score, streak, topics and the questions missed."""
        streak = best = 0
        for record in self.answers:
            streak = streak + 1 if record.result is Result.RIGHT else 0
            best = max(best, streak)
        max_score = self.max_score
        return RoundSummary(
            score=self.score,
            max_score=max_score,
            percentage=percent(self.score, max_score),
            right=sum(1 for r in self.answers if r.result is Result.RIGHT),
            partly=sum(1 for r in self.answers if r.result is Result.PARTLY),
            answered=len(self.answers),
            total=self.total,
            seconds=self.seconds or 0.0,
            best_streak=best,
            timed_out=sum(1 for r in self.answers if r.timed_out),
            hints_used=sum(1 for r in self.answers if r.hint_used),
            topics=self._topic_scores(),
            missed=tuple(r for r in self.answers if r.result is not Result.RIGHT),
            mode=self.mode,
            seed=self.request.seed,
        )

    def _topic_scores(self) -> tuple[TopicScore, ...]:
        """Per-topic figures, in the order topics first appear in the round."""
        by_topic: dict[str | None, list[AnswerRecord]] = {}
        for record in self.answers:
            by_topic.setdefault(record.topic, []).append(record)
        return tuple(
            TopicScore(
                topic=topic,
                name=self.topic_name(topic),
                right=sum(1 for r in records if r.result is Result.RIGHT),
                answered=len(records),
                points=sum(r.points for r in records),
                max_points=sum(r.max_points for r in records),
            )
            for topic, records in by_topic.items()
        )

    def missed_request(self) -> PlayRequest | None:
        """A review round of every question not answered fully right, or None when there is none."""
        missed_ids = tuple(r.question_id for r in self.answers if r.result is not Result.RIGHT)
        if not missed_ids:
            return None
        return PlayRequest(
            bank_id=self.bank_id,
            mode="review",
            count=len(missed_ids),
            seed=None,
            question_ids=missed_ids,
            origin=self.request.origin or self.request,
        )


def plan_text(played: Round) -> str:
    """The plan of a round as it starts, kept with it in the save file: which questions, in
    which order, with which shuffles; game.core.resume rebuilds an unfinished round from it."""
    request = played.request
    plan = {
        "version": PLAN_VERSION,
        "mode": request.mode,
        "topic": request.topic,
        "count": request.count,
        "difficulty": request.difficulty,
        "seed": request.seed,
        "time_limit": played.time_limit,
        "questions": [
            {
                "id": asked.question.id,
                "choices": list(asked.choices),
                "items": list(asked.items),
                "rights": list(asked.rights),
                "reason": asked.reason,
            }
            for asked in played.questions
        ],
    }
    return json.dumps(plan, ensure_ascii=False, separators=(",", ":"))
