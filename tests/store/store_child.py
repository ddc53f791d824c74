"""A separate process using the store, for the crash, concurrency and read-only tests.

python store_child.py open SAVES             play one round, print what the player was told
python store_child.py crash SAVES            record answers until killed, "recorded N" each
python store_child.py record SAVES NAME N    wait for "go" on stdin, record N answers

--as-user UID before the command: become that user (and group) first, once everything
is imported (root only; the read-only test uses it because root may write anywhere).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from game.core.records import AnswerRecord, Result, RoundStart
from game.store import open_store


def _answer(number: int, player: str) -> AnswerRecord:
    return AnswerRecord(
        question_id=f"{player}-q{number}",
        question_type="short",
        topic="t",
        difficulty=1,
        prompt=f"Question {number} for {player}",
        given=str(number),
        expected=str(number),
        result=Result.RIGHT,
        points=1,
        max_points=1,
        seconds=1.0,
        hint_used=False,
        timed_out=False,
        explanation="x" * 200,
        quote=None,
        answered_at=datetime.now(UTC),
    )


def _start(player: str) -> RoundStart:
    return RoundStart(player, "bank", "Bank", "quick", 1, None, 1000, 1000, datetime.now(UTC))


def main(argv: list[str]) -> int:
    """Run one of the commands in the module docstring."""
    if argv[0] == "--as-user":
        user_id = int(argv[1])
        os.setgroups([])
        os.setgid(user_id)
        os.setuid(user_id)
        argv = argv[2:]
    command, saves_dir = argv[0], Path(argv[1])
    opening = open_store(saves_dir)
    store = opening.store
    if command == "open":
        round_id = store.start_round(_start("Ada"))
        store.record_answer(round_id, _answer(1, "Ada"))
        store.finish_round(round_id, 1, 1, datetime.now(UTC))
        report = {
            "persistent": store.persistent,
            "notices": opening.notices,
            "rounds": len(store.rounds()),
        }
        print(json.dumps(report))
    elif command == "crash":
        round_id = store.start_round(_start("Crash"))
        number = 0
        while True:
            number += 1
            store.record_answer(round_id, _answer(number, "Crash"))
            print(f"recorded {number}", flush=True)
    elif command == "record":
        player, count = argv[2], int(argv[3])
        round_id = store.start_round(_start(player))
        print("ready", flush=True)
        if sys.stdin.readline().strip() != "go":
            return 1
        for number in range(1, count + 1):
            store.record_answer(round_id, _answer(number, player))
        print("done", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
