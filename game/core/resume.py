"""Unfinished rounds, taken up again: a round's plan (which questions, in which order, with
which shuffles) written down when it starts, and the round rebuilt from that plan, its bank and
the answers already saved.

A plan is a small JSON text, kept with the round in the save file. Rebuilding never draws
anything at random: the questions come back in the order the player met them (those answered,
in the order they were answered; then the rest as planned), with the same choices, items and
columns on screen, and the answers given count as before, so the round goes on from the first
unanswered question and is scored as one round.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from game.core.class_code import topic_order
from game.core.model import Bank, Question, QuestionType
from game.core.records import AnswerRecord

if TYPE_CHECKING:
    from game.core.rounds import AskedQuestion, Round

# game.core.rounds is imported by the functions that rebuild a round, not here: the store
# reads unfinished rounds for home's first frame, which plays none.


@dataclass(frozen=True, slots=True)
class Unfinished:
    """A round its player left before the end, as the save file keeps it."""

    round_id: int
    bank_id: str
    bank_title: str
    mode: str
    seed: int | None
    answered: int
    total: int
    started_at: datetime
    plan: str  # the round's plan (plan_text); empty for rounds saved before plans were kept


def plans_round(unfinished: Unfinished, played: Round) -> bool:
    """Whether the unfinished round's plan is the round played would be: the same mode and
    seed, and the same questions in the same order (a class code's count, topic and
    difficulty decide which). A damaged plan plans no round."""
    try:
        plan = json.loads(unfinished.plan) if unfinished.plan else None
    except ValueError:
        return False
    if not isinstance(plan, dict) or not isinstance(plan.get("questions"), list):
        return False
    planned = [entry.get("id") if isinstance(entry, dict) else None for entry in plan["questions"]]
    return (
        plan.get("mode") == played.mode
        and plan.get("seed") == played.request.seed
        and planned == [asked.question.id for asked in played.questions]
    )


class PlanError(ValueError):
    """The round cannot be rebuilt; the message says why, in a player's words."""


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(part, str) for part in value):
        raise PlanError("its saved plan is damaged")
    return tuple(value)


def _asked(entry: Any, bank: Bank, by_id: dict[str, Question]) -> AskedQuestion:
    """One planned question, checked against the bank as it is now."""
    from game.core.rounds import AskedQuestion

    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise PlanError("its saved plan is damaged")
    question = by_id.get(entry["id"])
    if question is None:
        raise PlanError(f"question {entry['id']} is no longer in {bank.title}")
    choices, items, rights = (
        _strings(entry.get(key, [])) for key in ("choices", "items", "rights")
    )
    kind = question.type
    if kind in (QuestionType.CHOICE, QuestionType.MULTI):
        same = sorted(choices) == sorted(question.choices)
    elif kind is QuestionType.ORDER:
        same = sorted(items) == sorted(question.items)
    elif kind is QuestionType.MATCH:
        same = sorted(rights) == sorted(right for _, right in question.pairs)
    else:
        same = not (choices or items or rights)
    if not same:
        raise PlanError(f"question {question.id} has changed in {bank.title} since")
    reason = entry.get("reason", "")
    return AskedQuestion(
        question,
        choices=choices,
        items=items,
        rights=rights,
        reason=reason if isinstance(reason, str) else "",
    )


def rebuild_round(
    bank: Bank,
    unfinished: Unfinished,
    answers: Sequence[AnswerRecord],
) -> Round:
    """The unfinished round again, with its answers, ready for the first unanswered question.

    Raises PlanError when the round cannot be rebuilt: no plan was kept, the plan is damaged,
    or the bank has lost or changed one of its questions since.
    """
    from game.core.rounds import MODES, PLAN_VERSION, Mode, PlayRequest, Round

    if not unfinished.plan:
        raise PlanError("it was saved by an older version of quiz, which kept no plan")
    try:
        plan = json.loads(unfinished.plan)
    except ValueError as error:
        raise PlanError("its saved plan is damaged") from error
    if not isinstance(plan, dict) or plan.get("version") != PLAN_VERSION:
        raise PlanError("its saved plan is damaged or from another version of quiz")
    if plan.get("mode") not in MODES or not isinstance(plan.get("questions"), list):
        raise PlanError("its saved plan is damaged")
    by_id = {question.id: question for question in bank.questions}
    planned = [_asked(entry, bank, by_id) for entry in plan["questions"]]
    order = {asked.question.id: asked for asked in planned}
    answered_ids = [record.question_id for record in answers]
    if len(set(answered_ids)) != len(answered_ids) or not set(answered_ids) <= set(order):
        raise PlanError("its saved answers do not match its plan")
    if len(answered_ids) >= len(planned):
        raise PlanError("every question of it is already answered")
    taken = set(answered_ids)
    questions = (
        *(order[question_id] for question_id in answered_ids),
        *(asked for asked in planned if asked.question.id not in taken),
    )
    request = PlayRequest(
        bank_id=bank.bank_id,
        mode=cast(Mode, plan["mode"]),
        topic=plan.get("topic") if isinstance(plan.get("topic"), str) else None,
        count=len(planned),
        difficulty=plan.get("difficulty") if isinstance(plan.get("difficulty"), int) else None,
        seed=plan.get("seed") if isinstance(plan.get("seed"), int) else None,
        # a review asks again just its questions ("v" on its summary reviews them again)
        question_ids=tuple(order) if plan["mode"] == "review" else (),
    )
    time_limit = plan.get("time_limit")
    played = Round(
        bank_id=bank.bank_id,
        bank_title=bank.title,
        request=request,
        questions=questions,
        time_limit=time_limit if isinstance(time_limit, int) else None,
        topic_names=topic_order(bank),
        started_at=unfinished.started_at,
    )
    return replace(played, answers=tuple(answers))
