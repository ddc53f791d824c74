"""The save store: the only part of quiz that speaks SQL (standard library sqlite3)."""

from game.store.errors import StoreBusyError, StoreError
from game.store.opening import StoreOpening, daily_backup, memory_store, open_store
from game.store.rows import (
    AnswerRow,
    ExportRow,
    MissedRow,
    RoundRow,
    TopicRow,
    clean_player_name,
)
from game.store.store import SaveStore

__all__ = [
    "AnswerRow",
    "ExportRow",
    "MissedRow",
    "RoundRow",
    "SaveStore",
    "StoreBusyError",
    "StoreError",
    "StoreOpening",
    "TopicRow",
    "clean_player_name",
    "daily_backup",
    "memory_store",
    "open_store",
]
