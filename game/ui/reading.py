"""The message that opens the article reader, posted by home, the round and History's round view.

Kept apart from ``game.ui.messages`` (which imports the round code) so that home can post it
without loading rounds before it shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ArticleAsked(Message):
    """Open the article of bank ``bank_id`` in the reader, at quote ``index`` of ``quotes`` (the
    quotes of a round, in its order; None where a question has none). No quotes: from the top."""

    bank_id: str
    quotes: tuple[str | None, ...] = ()
    index: int = 0
