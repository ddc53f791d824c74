"""Helpers for plain-mode tests: a scripted player, a fake clock, a bank of every type."""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from game.core.rounds import PlayRequest, Round
from game.plain.game import PlainGame
from game.plain.lines import EndOfInput, Printer, TimedOut
from game.session import Session

TIMEOUT = "<time runs out>"  # a scripted line standing for a question's time running out

EVERY_TYPE_BANK = """title: "Every type [b]"
time_limit: 20
topics:
  geo: Geography
  his: History
questions:
  - id: longest
    type: choice
    topic: geo
    prompt: Which river is longest?
    choices: [Volga, Danube, Rhine]
    answer: Volga
    explanation: It runs about 3,530 km.
    quote: The Volga is the longest river in Europe.
    hint: It flows into the Caspian Sea.
  - id: danube-capitals
    type: multi
    topic: geo
    prompt: Which capitals stand on the Danube?
    choices: [Vienna, Budapest, Prague]
    answers: [Vienna, Budapest]
    explanation: Prague stands on the Vltava.
  - id: rhine-sea
    type: truefalse
    topic: geo
    prompt: The Rhine flows into the North Sea.
    answer: true
    explanation: It reaches it in the Netherlands.
  - id: danube-mouth
    type: short
    topic: geo
    prompt: Into which sea does the Danube flow?
    answers: [Black Sea]
    explanation: Its delta lies in Romania and Ukraine.
  - id: along-danube
    type: order
    topic: his
    prompt: Put these cities in order along the Danube, from its source.
    items: [Ulm, Vienna, Budapest]
    explanation: The Danube flows east.
  - id: city-river
    type: match
    topic: his
    difficulty: 2
    prompt: Match each city to its river.
    pairs:
      - [Paris, Seine]
      - [London, Thames]
      - [Cologne, Rhine]
    explanation: Each grew up on its river.
"""


class FakeClocks:
    """A wall clock and a monotonic clock that move only when told (each read moves 1 s)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.start = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        self.seconds += 1.0
        return self.seconds

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds)


class ScriptedLines:
    """Answers typed one after another; TIMEOUT stands for a question left to run out."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = list(lines)
        self.deadlines: list[float | None] = []

    def read_line(self, deadline: float | None, announce: Callable[[int], None]) -> str:
        self.deadlines.append(deadline)
        if not self.lines:
            raise EndOfInput
        line = self.lines.pop(0)
        if line == TIMEOUT:
            announce(10)
            announce(5)
            raise TimedOut
        return line


def write_bank(questions: Path, text: str = EVERY_TYPE_BANK, bank_id: str = "rivers") -> None:
    (questions / f"{bank_id}.yaml").write_text(text, encoding="utf-8")


def play(
    folders: dict[str, Path],
    lines: Iterable[str],
    request: PlayRequest | None,
    player: str | None = "Ana",
    width: int = 80,
) -> tuple[int, str, Session]:
    """Play a scripted plain-mode session; the exit status, the transcript, the session."""
    clocks = FakeClocks()
    session = Session(folders["questions"], folders["saves"], clocks.now)
    out = io.StringIO()
    game = PlainGame(
        session,
        ScriptedLines(lines),
        Printer(out, width),
        now=clocks.now,
        monotonic=clocks.monotonic,
        rng=random.Random(5),
        echo=True,
    )
    status = game.run(request, player)
    return status, out.getvalue(), session


def right_lines(played: Round) -> list[str]:
    """The typed line that answers each question of the round right."""
    lines = []
    for asked in played.questions:
        question = asked.question
        kind = question.type.value
        if kind == "choice":
            lines.append(str(asked.choices.index(question.answer or "") + 1))
        elif kind == "multi":
            lines.append(" ".join(str(asked.choices.index(a) + 1) for a in question.answers))
        elif kind == "truefalse":
            lines.append("t" if question.truth else "f")
        elif kind == "short":
            lines.append(question.answers[0])
        elif kind == "order":
            lines.append(" ".join(str(asked.items.index(i) + 1) for i in question.items))
        else:
            lines.append(
                " ".join(
                    f"{n}{'abcdefgh'[asked.rights.index(right)]}"
                    for n, (_, right) in enumerate(question.pairs, start=1)
                )
            )
    return lines
