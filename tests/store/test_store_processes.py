"""Real processes on one saves folder: killed mid-round, and two writing at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from store_kit import REPO_ROOT, query

from game.store import open_store

CHILD = Path(__file__).with_name("store_child.py")
CHILD_ENV = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}


def _start_child(*arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=CHILD_ENV,
    )


def test_a_round_killed_mid_answer_keeps_every_answer_before_the_kill(saves_dir: Path) -> None:
    child = _start_child("crash", str(saves_dir))
    reported = 0
    try:
        while reported < 150:
            line = child.stdout.readline()
            assert line, child.stderr.read()
            reported = int(line.split()[1])
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
        child.stdin.close()
    assert child.returncode == -signal.SIGKILL

    database = saves_dir / "quiz.sqlite3"
    assert query(database, "PRAGMA integrity_check") == [("ok",)]
    kept = [row[0] for row in query(database, "SELECT question_id FROM answers ORDER BY id")]
    # Everything the child had reported, maybe one more it committed before the kill landed.
    assert len(kept) >= reported
    assert kept == [f"Crash-q{number}" for number in range(1, len(kept) + 1)]

    opening = open_store(saves_dir)
    assert opening.notices == []
    [crashed] = opening.store.rounds()
    assert not crashed.finished
    assert crashed.total == len(kept)  # the running totals agree with the answers
    opening.store.close()


def test_two_processes_recording_at_once_lose_nothing(saves_dir: Path) -> None:
    # Both open the brand-new folder at the same moment, then record 500 answers each.
    children = [_start_child("record", str(saves_dir), name, "500") for name in ("Ada", "Bo")]
    try:
        for child in children:
            assert child.stdout.readline() == "ready\n", child.stderr.read()
        for child in children:
            child.stdin.write("go\n")
            child.stdin.flush()
        for child in children:
            assert child.stdout.readline() == "done\n", child.stderr.read()
            assert child.wait(timeout=60) == 0
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait(timeout=30)
            for stream in (child.stdin, child.stdout, child.stderr):
                stream.close()

    database = saves_dir / "quiz.sqlite3"
    assert query(database, "SELECT count(*) FROM answers") == [(1000,)]
    per_player = query(
        database,
        "SELECT p.name, count(*), count(DISTINCT a.question_id) FROM answers a"
        " JOIN rounds r ON r.id = a.round_id JOIN players p ON p.id = r.player_id"
        " GROUP BY p.name ORDER BY p.name",
    )
    assert per_player == [("Ada", 500, 500), ("Bo", 500, 500)]
    assert query(database, "SELECT sum(answer_count) FROM rounds") == [(1000,)]
    assert query(database, "SELECT sum(answered) FROM topic_totals") == [(1000,)]
    assert query(database, "PRAGMA integrity_check") == [("ok",)]
