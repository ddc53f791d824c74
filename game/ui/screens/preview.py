"""A question shown exactly as a player gets it (the round screen itself), for its author:
nothing is saved or scored, and leaving goes straight back."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from textual.binding import Binding
from textual.message import Message

from game.core.model import Question
from game.core.rounds import PlayRequest, Round, ask
from game.ui.messages import RoundCompleted, RoundLeft
from game.ui.screens.round import RoundScreen

PREVIEW_BANK_ID = "(preview)"


def preview_round(
    question: Question, bank_title: str, topics: Mapping[str, str], seed: int | None = None
) -> Round:
    """A one-question quick round of this question, shuffled as a player's might be."""
    rng = random.Random(seed)
    return Round(
        bank_id=PREVIEW_BANK_ID,
        bank_title=bank_title,
        request=PlayRequest(bank_id=PREVIEW_BANK_ID, mode="quick", count=1),
        questions=(ask(question, rng),),
        topic_names=tuple(topics.items()),
    )


class PreviewScreen(RoundScreen):
    """The round screen on one question; its answer and result never leave this screen."""

    BINDINGS = [Binding("escape", "leave", "Back to the form")]

    def __init__(
        self,
        question: Question,
        bank_title: str,
        topics: Mapping[str, str],
        *,
        seed: int | None = None,
    ) -> None:
        super().__init__(preview_round(question, bank_title, topics, seed), 0)

    def _mode_shown(self) -> dict[str, Any]:
        """Say plainly that this is a preview."""
        return {
            "mode": "Preview",
            "mode_bold": True,
            "mode_more": (("  ·  nothing is saved or scored", False),),
        }

    def _next_label(self) -> str:
        """Enter after the feedback goes back to the form."""
        return "to go back to the form"

    def post_message(self, message: Message) -> bool:
        """Keep the round's messages here: the App must not route a preview (and the screen is
        given nothing to save its answer with)."""
        if isinstance(message, RoundCompleted | RoundLeft):
            self.dismiss(None)
            return True
        return super().post_message(message)

    def action_leave(self) -> None:
        """Back to the form at once (there is nothing to lose)."""
        self.dismiss(None)
