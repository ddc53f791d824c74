"""Messages the round and summary screens post up to the App, which records and routes them."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from game.core.rounds import PlayRequest, Round, RoundSummary


@dataclass
@dataclass
class RoundLeft(Message):
    """The player left round ``round_id`` early (Escape, confirmed); it stays unfinished."""

    round_id: int


@dataclass
class RoundCompleted(Message):
    """Every question of round ``round_id`` is answered; ``played`` is the final round state.

    The App marks the round finished with ``summary.score`` and shows
    ``SummaryScreen(played)`` in place of the round screen.
    """

    round_id: int
    summary: RoundSummary
    played: Round


@dataclass
class PlayAgain(Message):
    """Start a new round from ``request`` (the summary's "play again")."""

    request: PlayRequest


@dataclass
class ReviewMissed(Message):
    """Start a review round of the questions just missed."""

    request: PlayRequest


@dataclass
class GoHome(Message):
    """Leave the summary for the home screen."""
