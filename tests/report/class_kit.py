"""A class playing real rounds: a bank of every question type on disk, rounds built by the
game's own round code from a class code, answered, and saved through the save store exactly
as the game saves them. What `quiz report`, `quiz export` and `quiz hand-in` then read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from game.banks.loader import load_bank
from game.core.model import Bank, QuestionType
from game.core.rounds import AskedQuestion, PlayRequest, build_round
from game.store import open_store

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
SEED = 154769
COUNT = 8
CODE = f"{SEED}-{COUNT}"

CLASS_BANK = """\
format: 1
title: "Rivers of Europe"
description: "A class test with one question of every type."
questions:
  - id: longest-river
    type: choice
    prompt: "Which river is the longest in Europe, flowing into the Caspian Sea?"
    choices: ["Volga", "Danube", "Rhine", "Loire"]
    answer: "Volga"
    explanation: "The Volga is about 3,530 km long."
  - id: capital-on-danube
    type: choice
    prompt: "Which capital city stands on the Danube?"
    choices: ["Budapest", "Prague", "Warsaw", "Oslo"]
    answer: "Budapest"
    explanation: "Vienna, Bratislava, Budapest and Belgrade stand on the Danube."
  - id: rhine-countries
    type: multi
    prompt: "Through which of these countries does the Rhine flow? Select all that apply."
    choices: ["Germany", "Switzerland", "Spain", "Italy"]
    answers: ["Germany", "Switzerland"]
    explanation: "The Rhine rises in Switzerland and flows through Germany to the Netherlands."
  - id: thames-in-madrid
    type: truefalse
    prompt: "The Thames flows through Madrid."
    answer: false
    explanation: "The Thames flows through London; Madrid stands on the Manzanares."
  - id: seine-city
    type: short
    prompt: "Which French port city lies at the mouth of the Seine?"
    answers: ["Le Havre"]
    explanation: "The Seine reaches the sea at Le Havre, past Rouen."
  - id: tiber-city
    type: short
    prompt: "Which capital city does the Tiber flow through?"
    answers: ["Rome"]
    explanation: "The Tiber flows through Rome."
  - id: danube-order
    type: order
    prompt: "Put these Danube cities in order, upstream first."
    items: ["Vienna", "Bratislava", "Budapest", "Belgrade"]
    explanation: "The Danube flows east: Vienna, Bratislava, Budapest, then Belgrade."
  - id: river-city
    type: match
    prompt: "Match each river to the country it flows through."
    pairs:
      - ["Thames", "England"]
      - ["Seine", "France"]
      - ["Tiber", "Italy"]
    explanation: "The Thames is in England, the Seine in France, the Tiber in Italy."
"""

# What a student answers: the question and its shuffled form -> a response.
Answerer = Callable[[AskedQuestion], object]


def write_class_bank(questions_dir: Path) -> Bank:
    """The class bank written under questions_dir (as rivers.yaml) and loaded by the game."""
    path = questions_dir / "rivers.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CLASS_BANK, encoding="utf-8")
    loaded = load_bank(path, "rivers")
    assert loaded.bank is not None, [str(p) for p in loaded.problems]
    return loaded.bank


def right(asked: AskedQuestion) -> object:
    """The right response to a question."""
    question = asked.question
    kind = question.type
    if kind is QuestionType.CHOICE:
        return question.answer
    if kind is QuestionType.MULTI:
        return frozenset(question.answers)
    if kind is QuestionType.TRUEFALSE:
        return bool(question.truth)
    if kind is QuestionType.SHORT:
        return question.answers[0]
    if kind is QuestionType.ORDER:
        return tuple(question.items)
    return dict(question.pairs)


def wrong(asked: AskedQuestion, typed: str = "Lyon") -> object:
    """A wrong response: the first wrong option as shown, the other truth value, a typed
    answer, the items left in their shuffled order, the shuffled right column."""
    question = asked.question
    kind = question.type
    if kind is QuestionType.CHOICE:
        return next(c for c in asked.choices if c != question.answer)
    if kind is QuestionType.MULTI:
        return frozenset({next(c for c in asked.choices if c not in question.answers)})
    if kind is QuestionType.TRUEFALSE:
        return not question.truth
    if kind is QuestionType.SHORT:
        return typed
    if kind is QuestionType.ORDER:
        return asked.items
    return dict(zip(asked.lefts, asked.rights, strict=True))


def right_except(*wrong_ids: str, typed: str = "Lyon") -> Answerer:
    """Right on every question but those ids."""
    return lambda asked: wrong(asked, typed) if asked.question.id in wrong_ids else right(asked)


def play_round(
    saves_dir: Path,
    bank: Bank,
    player: str,
    answer: Answerer,
    *,
    seed: int = SEED,
    count: int = COUNT,
    stop_after: int | None = None,
    minutes: int = 0,
) -> None:
    """One exam round played by player with the class code seed-count, saved through the
    store answer by answer; stop_after leaves it unfinished after that many answers."""
    game_round = build_round(bank, PlayRequest(bank.bank_id, mode="exam", count=count, seed=seed))
    started = T0 + timedelta(minutes=minutes)
    opening = open_store(saves_dir)
    store = opening.store
    try:
        round_id = store.start_round(game_round.round_start(player, started))
        moment = started
        while game_round.current is not None:
            if stop_after is not None and len(game_round.answers) >= stop_after:
                return
            moment += timedelta(seconds=30)
            game_round, record = game_round.answer(
                answer(game_round.current), seconds=12.5, answered_at=moment
            )
            store.record_answer(round_id, record)
        store.finish_round(
            round_id, game_round.score, game_round.max_score, moment + timedelta(seconds=5)
        )
    finally:
        store.close()


def class_of_five(base: Path, questions_dir: Path) -> dict[str, Path]:
    """Five students' saves folders under base: Ana (all right), two Mias in different
    folders, Lee (started, 2 of 8 answered), Zoe (another class code)."""
    bank = write_class_bank(questions_dir)
    folders = {
        name: base / name
        for name in ("ana-laptop", "mia-laptop", "mia-tablet", "lee-laptop", "zoe-laptop")
    }
    play_round(folders["ana-laptop"], bank, "Ana", right_except())
    play_round(
        folders["mia-laptop"],
        bank,
        "Mia",
        right_except("longest-river", "seine-city", "danube-order", typed="Lyon"),
        minutes=1,
    )
    play_round(
        folders["mia-tablet"],
        bank,
        "Mia",
        right_except(
            "longest-river", "seine-city", "river-city", "thames-in-madrid", typed=" lyon "
        ),
        minutes=2,
    )
    play_round(folders["lee-laptop"], bank, "Lee", right_except(), stop_after=2, minutes=3)
    play_round(folders["zoe-laptop"], bank, "Zoe", right_except(), seed=999111, minutes=4)
    return folders
