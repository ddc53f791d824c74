"""A real save file written by quiz, then edited the way a hostile or broken one would be:
control sequences in player names, bank titles, prompts and answers."""

from __future__ import annotations

import sqlite3
import sys
from datetime import timedelta
from pathlib import Path

from game.core.records import Result
from game.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_kit import T0, answer, round_start

ESC_CLEAR = "\x1b[2J"
OSC52 = "\x1b]52;c;UE9JU09O\x07"  # writes "POISON" to the terminal's clipboard
C1_CSI = "\x9b31m"
BEL = "\x07"
HOSTILE_NAME = f"Eve{OSC52}{C1_CSI}"
HOSTILE_TITLE = f"Rivers{ESC_CLEAR}{BEL}"
HOSTILE_PROMPT = f"Which river?{OSC52}\nSecond line\tend"
HOSTILE_GIVEN = f"Rhine{C1_CSI}\x1b]0;PWNED\x07"
HOSTILE_EXPECTED = f"Danube\x1bP+q\x1b\\{BEL}"
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\x90")


def write_hostile_save(saves: Path) -> Path:
    """A save file holding one finished round whose every text carries control codes."""
    store = open_store(saves).store
    try:
        first = store.start_round(round_start(player="Eve", bank_id="rivers", started_at=T0))
        store.record_answer(
            first, answer("q1", Result.WRONG, answered_at=T0 + timedelta(seconds=5))
        )
        store.finish_round(first, 0, 6, T0 + timedelta(seconds=10))
    finally:
        store.close()
    path = saves / "quiz.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("UPDATE players SET name = ?", (HOSTILE_NAME,))
        connection.execute("UPDATE rounds SET bank_title = ?", (HOSTILE_TITLE,))
        connection.execute(
            "UPDATE answers SET prompt = ?, given = ?, expected = ?, explanation = ?, quote = ?",
            (HOSTILE_PROMPT, HOSTILE_GIVEN, HOSTILE_EXPECTED, HOSTILE_PROMPT, HOSTILE_GIVEN),
        )
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return path
