"""A class served in the browser: what each tab is told, and the join code a student types."""

from __future__ import annotations

import hmac
import json
import random
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.core.rounds import Mode

JOIN_ATTEMPTS = 3  # wrong join codes a tab may type before it ends
# No 0/O, 1/I/L: a code read out in a classroom or copied off a board is typed right.
JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_LENGTH = 6
ENVIRONMENT_KEY = "QUIZ_CLASSROOM"


@dataclass(frozen=True, slots=True)
class ClassRound:
    """The one round a class plays, fixed by the teacher's class code."""

    bank_id: str
    mode: Mode
    topic: str | None
    count: int
    difficulty: int | None
    seed: int | None


@dataclass(frozen=True, slots=True)
class Classroom:
    """What a browser tab of a served class may do: join with a code, play, see its own rounds.

    A tab of a class never edits banks, reloads them, or looks at another player's history.
    """

    join_code: str | None = None
    bank_id: str | None = None  # the only bank the class sees; None: every bank
    class_round: ClassRound | None = None  # played straight after joining

    def to_environment(self) -> str:
        """This classroom as one environment value, for the tab processes."""
        return json.dumps(asdict(self))

    @classmethod
    def from_environment(cls, value: str) -> Classroom:
        """The classroom a server described with to_environment (ValueError if it is not one)."""
        data = json.loads(value)
        if not isinstance(data, dict):
            raise ValueError("not a classroom")
        chosen = data.get("class_round")
        return cls(
            join_code=data.get("join_code"),
            bank_id=data.get("bank_id"),
            class_round=ClassRound(**chosen) if isinstance(chosen, dict) else None,
        )


def new_join_code(rng: random.Random | None = None) -> str:
    """A fresh join code, six characters that cannot be misread (e.g. ``K7MQ4X``)."""
    pick = rng or random.SystemRandom()
    return "".join(pick.choice(JOIN_ALPHABET) for _ in range(JOIN_LENGTH))


def normalise_join_code(text: str) -> str:
    """A join code as compared: capitals, without spaces or dashes (``k7m-q4x`` is ``K7MQ4X``)."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def join_code_matches(typed: str, join_code: str) -> bool:
    """Whether what a student typed is the class's join code (in constant time)."""
    return hmac.compare_digest(
        normalise_join_code(typed).encode("utf-8"), normalise_join_code(join_code).encode("utf-8")
    )
