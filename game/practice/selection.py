"""Choosing a practice round: questions due now, then those missed last time, then new ones.

Within the due questions the longest overdue come first; within the missed ones, those due
soonest; new questions come in the bank's order, so a bank is learnt the way it was written.
The round keeps that order, and each question says why it is there.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime

from game.core.giveaways import without_clashes
from game.core.memory import MemoryState, wait_text
from game.core.model import Bank, Question
from game.core.rounds import PlayRequest, Round, ask, eligible_questions

REASON_DUE = "due"
REASON_MISSED = "missed last time"
REASON_NEW = "new"


def practice_picks(
    bank: Bank,
    request: PlayRequest,
    memory: Mapping[str, MemoryState],
    now: datetime,
) -> list[tuple[Question, str]]:
    """Up to request.count questions of the bank, each with its reason, in the order asked."""
    moment = now.astimezone(UTC)
    pool = eligible_questions(bank, request)
    seen = [question for question in pool if question.id in memory]
    due = sorted(
        (question for question in seen if memory[question.id].due <= moment),
        key=lambda question: memory[question.id].due,
    )
    missed = sorted(
        (
            question
            for question in seen
            if memory[question.id].due > moment and memory[question.id].missed_last_time
        ),
        key=lambda question: memory[question.id].due,
    )
    new = [question for question in pool if question.id not in memory]
    picks = [
        *((question, REASON_DUE) for question in due),
        *((question, REASON_MISSED) for question in missed),
        *((question, REASON_NEW) for question in new),
    ]
    if bank.clashes:
        # Never both questions of a pair that gives each other away: the earlier pick stays.
        kept = {q.id for q in without_clashes([q for q, _ in picks], (), bank.clashes, len(picks))}
        picks = [pick for pick in picks if pick[0].id in kept]
    return picks[: request.count]


def nothing_due_message(
    bank: Bank, request: PlayRequest, memory: Mapping[str, MemoryState], now: datetime
) -> str:
    """Why a practice round has no question, and when one falls due."""
    pool = eligible_questions(bank, request)
    if not pool:
        return "no question in this bank fits the chosen topic and difficulty"
    moment = now.astimezone(UTC)
    upcoming = [memory[q.id].due for q in pool if q.id in memory and memory[q.id].due > moment]
    if not upcoming:
        return "nothing to practise here now"
    return (
        "nothing to practise here now: every question is learnt for the moment; "
        f"the next falls due in {wait_text(min(upcoming) - moment)}"
    )


def build_practice_round(
    bank: Bank,
    request: PlayRequest,
    memory: Mapping[str, MemoryState],
    now: datetime,
    rng: random.Random | None = None,
) -> Round:
    """A practice round for the player whose memory of this bank is given.

    Scored like a quick round (no time limit, feedback after each answer). The request's
    seed, when set, decides the shuffles; otherwise ``rng`` does. Raises ValueError, in
    words for the player, when there is nothing to practise.
    """
    if request.seed is not None:
        rng = random.Random(request.seed)
    elif rng is None:
        raise ValueError("build_practice_round needs a seed in the request or a random generator")
    picks = practice_picks(bank, request, memory, now)
    if not picks:
        raise ValueError(nothing_due_message(bank, request, memory, now))
    return Round(
        bank_id=bank.bank_id,
        bank_title=bank.title,
        request=request,
        questions=tuple(replace(ask(question, rng), reason=reason) for question, reason in picks),
        time_limit=None,
        topic_names=tuple(bank.topics.items()),
    )
