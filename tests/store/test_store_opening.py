"""Opening a saves folder: damaged files moved aside, unwritable folders, daily backups."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from store_kit import REPO_ROOT, T0, FakeClock, answer, query, round_start

from game.core.records import Result
from game.store import SaveStore, open_store

CHILD = Path(__file__).with_name("store_child.py")
MOVED_STAMP = "20241107T120000Z"  # T0 in UTC


def _play_one(store: SaveStore, player: str = "Ada") -> None:
    round_id = store.start_round(round_start(player))
    store.record_answer(round_id, answer("q1", Result.RIGHT))
    store.finish_round(round_id, 2, 6, T0)


def _database_with_history(saves_dir: Path, clock: FakeClock, answers: int = 300) -> Path:
    """A closed save file of many pages (long texts), all in the main file."""
    store = open_store(saves_dir, now=clock).store
    round_id = store.start_round(round_start())
    for number in range(answers):
        store.record_answer(round_id, answer(f"q{number}", explanation="long " * 200))
    store.close()
    database = saves_dir / "quiz.sqlite3"
    assert not (saves_dir / "quiz.sqlite3-wal").exists()
    return database


def _assert_moved_aside_and_fresh(
    saves_dir: Path, clock: FakeClock, original: bytes, moved_name: str
) -> None:
    opening = open_store(saves_dir, now=clock)
    moved = saves_dir / moved_name
    assert opening.notices == [
        f"Your save file was damaged; it was moved to {moved} and a fresh one started."
    ]
    assert moved.read_bytes() == original  # kept, byte for byte
    assert opening.store.persistent
    assert opening.store.rounds() == []
    _play_one(opening.store)
    assert query(saves_dir / "quiz.sqlite3", "SELECT count(*) FROM answers") == [(1,)]
    opening.store.close()


def test_a_file_of_random_bytes_is_moved_aside(saves_dir: Path, clock: FakeClock) -> None:
    saves_dir.mkdir()
    garbage = random.Random(5).randbytes(8192)
    (saves_dir / "quiz.sqlite3").write_bytes(garbage)
    _assert_moved_aside_and_fresh(saves_dir, clock, garbage, f"quiz.sqlite3.corrupt-{MOVED_STAMP}")


def test_a_truncated_database_is_moved_aside(saves_dir: Path, clock: FakeClock) -> None:
    database = _database_with_history(saves_dir, clock)
    whole = database.read_bytes()
    half = whole[: len(whole) // 2]
    database.write_bytes(half)
    _assert_moved_aside_and_fresh(saves_dir, clock, half, f"quiz.sqlite3.corrupt-{MOVED_STAMP}")


def test_a_database_with_a_damaged_page_is_moved_aside(saves_dir: Path, clock: FakeClock) -> None:
    database = _database_with_history(saves_dir, clock)
    damaged = bytearray(database.read_bytes())
    page_size = query(database, "PRAGMA page_size")[0][0]
    damaged[3 * page_size : 4 * page_size] = random.Random(9).randbytes(page_size)
    database.write_bytes(bytes(damaged))
    _assert_moved_aside_and_fresh(
        saves_dir, clock, bytes(damaged), f"quiz.sqlite3.corrupt-{MOVED_STAMP}"
    )


def test_an_earlier_damaged_file_is_never_overwritten(saves_dir: Path, clock: FakeClock) -> None:
    saves_dir.mkdir()
    earlier = saves_dir / f"quiz.sqlite3.corrupt-{MOVED_STAMP}"
    earlier.write_bytes(b"the first damaged file")
    (saves_dir / "quiz.sqlite3").write_bytes(b"not a database either" * 100)
    _assert_moved_aside_and_fresh(
        saves_dir, clock, b"not a database either" * 100, f"{earlier.name}-2"
    )
    assert earlier.read_bytes() == b"the first damaged file"


def test_the_wal_and_shm_files_go_with_the_damaged_file(saves_dir: Path, clock: FakeClock) -> None:
    saves_dir.mkdir()
    (saves_dir / "quiz.sqlite3").write_bytes(b"\x00garbage" * 512)
    (saves_dir / "quiz.sqlite3-wal").write_bytes(b"old wal")
    (saves_dir / "quiz.sqlite3-shm").write_bytes(b"old shm")
    opening = open_store(saves_dir, now=clock)
    moved = saves_dir / f"quiz.sqlite3.corrupt-{MOVED_STAMP}"
    assert (saves_dir / f"{moved.name}-wal").read_bytes() == b"old wal"
    # The -shm is only SQLite's index of the -wal, rebuilt when read; it moves along too.
    assert (saves_dir / f"{moved.name}-shm").exists()
    assert opening.store.persistent
    opening.store.close()


def test_a_sound_file_is_not_moved(saves_dir: Path, clock: FakeClock) -> None:
    _database_with_history(saves_dir, clock, answers=3)
    opening = open_store(saves_dir, now=clock)
    assert opening.notices == []
    assert opening.store.rounds()[0].total == 3
    assert not list(saves_dir.glob("*corrupt*"))
    opening.store.close()


def test_a_saves_path_that_is_a_file_plays_without_keeping_scores(
    tmp_path: Path, clock: FakeClock
) -> None:
    saves_file = tmp_path / "saves"
    saves_file.write_text("not a folder")
    opening = open_store(saves_file, now=clock)
    assert opening.notices == [
        f"Scores are not being kept: the saves folder {saves_file} cannot be written "
        "(it is a file, not a folder)."
    ]
    assert not opening.store.persistent
    _play_one(opening.store)  # the game still plays
    assert len(opening.store.rounds()) == 1
    assert saves_file.read_text() == "not a folder"
    opening.store.close()


def test_a_save_file_that_cannot_be_opened_plays_without_keeping_scores(
    saves_dir: Path, clock: FakeClock
) -> None:
    (saves_dir / "quiz.sqlite3").mkdir(parents=True)  # a folder where the file should be
    opening = open_store(saves_dir, now=clock)
    [notice] = opening.notices
    assert notice.startswith(
        f"Scores are not being kept: the save file {saves_dir / 'quiz.sqlite3'} cannot be opened ("
    )
    assert not opening.store.persistent
    _play_one(opening.store)
    assert (saves_dir / "quiz.sqlite3").is_dir()
    opening.store.close()


@pytest.fixture
def read_only_saves() -> Iterator[Path]:
    """A saves folder nobody but root may write, in a folder any user can reach."""
    base = Path(tempfile.mkdtemp(prefix="quiz-read-only-"))
    base.chmod(0o755)
    saves = base / "saves"
    saves.mkdir()
    yield saves
    saves.chmod(0o755)
    shutil.rmtree(base)


def _open_in_child(saves: Path) -> dict:
    """Open the store in another process as a user that cannot write saves (root can)."""
    saves.chmod(0o555)
    # Root writes anywhere, so as root the child becomes "nobody" once it has loaded.
    as_nobody = ["--as-user", "65534"] if os.geteuid() == 0 else []
    result = subprocess.run(
        [sys.executable, str(CHILD), *as_nobody, "open", str(saves)],
        capture_output=True,
        text=True,
        cwd=saves.parent,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_read_only_saves_folder_plays_with_a_warning(read_only_saves: Path) -> None:
    told = _open_in_child(read_only_saves)
    assert told["persistent"] is False
    assert told["rounds"] == 1  # the round was played, in memory
    assert told["notices"] == [
        f"Scores are not being kept: the saves folder {read_only_saves} cannot be written "
        "(permission denied)."
    ]
    assert list(read_only_saves.iterdir()) == []


def test_a_read_only_folder_leaves_an_existing_save_file_untouched(
    read_only_saves: Path, clock: FakeClock
) -> None:
    _database_with_history(read_only_saves, clock, answers=2)
    shutil.rmtree(read_only_saves / "backups")
    before = (read_only_saves / "quiz.sqlite3").read_bytes()
    told = _open_in_child(read_only_saves)
    assert told["persistent"] is False
    assert told["notices"][0].startswith("Scores are not being kept: the saves folder")
    assert (read_only_saves / "quiz.sqlite3").read_bytes() == before
    assert sorted(p.name for p in read_only_saves.iterdir()) == ["quiz.sqlite3"]


def _backup_names(saves_dir: Path) -> list[str]:
    return sorted(path.name for path in (saves_dir / "backups").iterdir())


def test_the_first_opening_of_a_day_makes_a_backup(saves_dir: Path, clock: FakeClock) -> None:
    first = open_store(saves_dir, now=clock).store
    _play_one(first)
    first.close()
    clock.advance(hours=1)
    second = open_store(saves_dir, now=clock).store  # same day: the morning's backup stays
    _play_one(second)
    second.close()
    today = T0.astimezone().date().isoformat()
    assert _backup_names(saves_dir) == [f"quiz-{today}.sqlite3"]
    backup = saves_dir / "backups" / f"quiz-{today}.sqlite3"
    assert query(backup, "SELECT count(*) FROM rounds") == [(0,)]
    assert query(backup, "PRAGMA integrity_check") == [("ok",)]

    clock.advance(days=1)
    third = open_store(saves_dir, now=clock).store
    third.close()
    tomorrow = clock().astimezone().date().isoformat()
    newest = saves_dir / "backups" / f"quiz-{tomorrow}.sqlite3"
    assert query(newest, "SELECT count(*) FROM rounds") == [(2,)]
    assert query(newest, "PRAGMA journal_mode") == [("delete",)]  # one self-contained file


def test_backups_keep_the_newest_seven(saves_dir: Path, clock: FakeClock) -> None:
    (saves_dir / "backups").mkdir(parents=True)
    (saves_dir / "backups" / "notes.txt").write_text("mine")
    days = []
    for _ in range(10):
        open_store(saves_dir, now=clock).store.close()
        days.append(clock().astimezone().date().isoformat())
        clock.advance(days=1)
    assert _backup_names(saves_dir) == sorted(
        ["notes.txt", *(f"quiz-{day}.sqlite3" for day in days[-7:])]
    )


def test_a_backup_that_cannot_be_written_is_told_and_scores_are_still_kept(
    saves_dir: Path, clock: FakeClock
) -> None:
    saves_dir.mkdir()
    (saves_dir / "backups").write_text("a file where the backups folder should be")
    opening = open_store(saves_dir, now=clock)
    [notice] = opening.notices
    assert notice.startswith(
        f"Today's backup of your scores could not be written to {saves_dir / 'backups'}"
    )
    assert notice.endswith("your scores are still kept.")
    assert opening.store.persistent
    _play_one(opening.store)
    opening.store.close()
    assert query(saves_dir / "quiz.sqlite3", "SELECT count(*) FROM rounds") == [(1,)]


def test_a_backup_is_a_copy_taken_with_sqlites_backup_api(
    saves_dir: Path, clock: FakeClock
) -> None:
    store = open_store(saves_dir, now=clock).store
    _play_one(store, "Zoë")
    store.close()
    clock.advance(days=1)
    store = open_store(saves_dir, now=clock).store
    store.close()
    backup = saves_dir / "backups" / f"quiz-{clock().astimezone().date().isoformat()}.sqlite3"
    connection = sqlite3.connect(backup)
    assert connection.execute("SELECT name FROM players").fetchall() == [("Zoë",)]
    connection.close()
    assert T0 + timedelta(days=1) == clock()
