"""Reading save files that are not ours (students' files, collected): strictly read-only.

A save file is opened with SQLite's ``mode=ro&immutable=1``: nothing is written, locked or
created beside it (no -wal, no -shm), and its bytes and modification time stay as they
were. A file whose -wal still holds answers (the game did not close cleanly) is copied,
with its -wal, to a temporary folder and read there, so those answers count and the
original is still never touched. Only the columns of schema version 1 are read, so files
of every version so far can be read.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.core.records import Result
from game.store.causes import why_unusable as why_unusable  # handin imports it from here
from game.store.errors import StoreError
from game.store.opening import DATABASE_NAME
from game.store.rows import AnswerRow, RoundRow, from_stored_time
from game.store.schema import CURRENT_VERSION, schema_version
from game.store.store import SaveStore

SAVE_SUFFIX = ".sqlite3"

_ROUNDS_SQL = """
    SELECT r.id, p.name, r.bank_id, r.bank_title, r.mode, r.seed, r.topic, r.question_count,
           r.started_at, r.finished_at, coalesce(r.score, coalesce(sum(a.points), 0)),
           r.max_score, count(CASE WHEN a.result = 'right' THEN 1 END), count(a.id),
           max(a.answered_at)
    FROM rounds r JOIN players p ON p.id = r.player_id
         LEFT JOIN answers a ON a.round_id = r.id
    GROUP BY r.id
    ORDER BY r.started_at, r.id
"""
_ANSWERS_SQL = """
    SELECT id, round_id, question_id, question_type, topic, difficulty, prompt, given,
           expected, result, points, max_points, seconds, hint_used, timed_out,
           explanation, quote, answered_at
    FROM answers ORDER BY round_id, id
"""


@dataclass(frozen=True, slots=True)
class SaveFileRows:
    """Everything a report needs from one save file: its rounds and every answer in them."""

    path: Path
    rounds: list[RoundRow]
    answers: list[AnswerRow]


def save_files_in(path: Path) -> list[Path]:
    """The save files a SAVES argument names: the file itself; for a folder its quiz.sqlite3,
    else every *.sqlite3 directly in it. Raises FileNotFoundError when there are none."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FileNotFoundError(f"no such file or folder: {path}")
    database = path / DATABASE_NAME
    if database.is_file():
        return [database]
    found = sorted(p for p in path.iterdir() if p.suffix == SAVE_SUFFIX and p.is_file())
    if not found:
        raise FileNotFoundError(f"no {DATABASE_NAME} nor any *{SAVE_SUFFIX} file in {path}")
    return found


def _round_row(row: tuple[Any, ...]) -> RoundRow:
    finished_at = None if row[9] is None else from_stored_time(row[9])
    last_answer = None if row[14] is None else from_stored_time(row[14])
    return RoundRow(
        int(row[0]),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        str(row[4]),
        None if row[5] is None else int(row[5]),
        None if row[6] is None else str(row[6]),
        int(row[7]),
        from_stored_time(row[8]),
        finished_at,
        int(row[10]),
        int(row[11]),
        int(row[12]),
        int(row[13]),
        last_answer,
    )


def _answer_row(row: tuple[Any, ...]) -> AnswerRow:
    return AnswerRow(
        int(row[0]),
        int(row[1]),
        str(row[2]),
        str(row[3]),
        None if row[4] is None else str(row[4]),
        int(row[5]),
        str(row[6]),
        str(row[7]),
        str(row[8]),
        Result(row[9]),
        int(row[10]),
        int(row[11]),
        float(row[12]),
        bool(row[13]),
        bool(row[14]),
        str(row[15]),
        None if row[16] is None else str(row[16]),
        from_stored_time(row[17]),
    )


def _read_rows(connection: sqlite3.Connection, path: Path) -> SaveFileRows:
    version = schema_version(connection)
    if version == 0:
        raise StoreError(f"{path} is not a quiz save file (it has no quiz tables)")
    if version > CURRENT_VERSION:
        raise StoreError(
            f"{path} was made by a newer version of quiz (schema {version}; "
            f"this one reads up to {CURRENT_VERSION})"
        )
    rounds = connection.execute(_ROUNDS_SQL).fetchall()
    answers = connection.execute(_ANSWERS_SQL).fetchall()
    try:
        return SaveFileRows(
            path, [_round_row(row) for row in rounds], [_answer_row(row) for row in answers]
        )
    except (TypeError, ValueError) as error:
        raise StoreError(f"{path} holds a value quiz never writes ({error})") from error


def _read_connection(connection: sqlite3.Connection, path: Path) -> SaveFileRows:
    try:
        return _read_rows(connection, path)
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be read as a quiz save file ({error})") from error
    finally:
        connection.close()


def open_read_only(path: Path) -> SaveFileRows:
    """Every round and answer in the save file at path, which is never written to.

    Raises StoreError, in plain words, for a file that is not a quiz save file, is damaged,
    or was made by a newer quiz; OSError when it cannot be opened at all.
    """
    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        with tempfile.TemporaryDirectory(prefix="quiz-report-") as folder:
            copy = Path(folder) / DATABASE_NAME
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
            try:
                connection = sqlite3.connect(copy, isolation_level=None)
            except sqlite3.Error as error:
                raise StoreError(f"{path} cannot be opened ({error})") from error
            return _read_connection(connection, path)
    try:
        connection = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, isolation_level=None
        )
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be opened ({error})") from error
    return _read_connection(connection, path)


@contextmanager
def read_only_store(saves_dir: Path) -> Iterator[SaveStore | None]:
    """The save store of saves_dir opened for reading only (nothing written, locked or
    created), for ``quiz history`` and ``quiz export``; None when there is no save file yet.

    Raises StoreError, saying why in plain words, when the file is there but cannot be read:
    a folder in its place, no permission, damaged, not a quiz save file, made by a newer quiz.
    A folder that cannot be written is fine: reading needs nothing else.
    """
    path = Path(saves_dir) / DATABASE_NAME
    if not os.path.lexists(path):
        yield None
        return
    if not path.is_file():
        raise StoreError(f"the save file {path} cannot be read: {why_unusable(path)}")
    try:
        with path.open("rb") as stream:
            header = stream.read(16)
    except OSError as error:
        raise StoreError(
            f"the save file {path} cannot be read: {why_unusable(path, error)}"
        ) from error
    if not header:
        yield None  # an empty file: SQLite's own "new database", no rounds in it
        return
    if header != b"SQLite format 3\x00":
        raise StoreError(f"{path} is not a quiz save file (it is not an SQLite database)")
    with tempfile.TemporaryDirectory(prefix="quiz-read-") as folder:
        try:
            connection = _reading_connection(path, Path(folder))
        except (OSError, sqlite3.Error) as error:
            raise StoreError(
                f"the save file {path} cannot be read: {why_unusable(path, error)}"
            ) from error
        store = SaveStore(connection, persistent=False, location=path)
        try:
            yield store
        finally:
            store.close()


def _reading_connection(path: Path, scratch: Path) -> sqlite3.Connection:
    """A connection that only reads path: in place and immutable, or, when its -wal still
    holds answers, a copy of both in scratch (so those answers are read and nothing is
    written beside the original). The schema is checked before it is handed back."""
    wal = path.with_name(path.name + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        copy = scratch / DATABASE_NAME
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        connection = sqlite3.connect(copy, isolation_level=None, check_same_thread=False)
    else:
        connection = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro&immutable=1",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
    try:
        connection.execute("PRAGMA query_only = ON")
        version = schema_version(connection)
        if version > CURRENT_VERSION:
            raise StoreError(
                f"the save file {path} was made by a newer version of quiz (schema {version}; "
                f"this one reads up to {CURRENT_VERSION})"
            )
        if version == 0:
            raise StoreError(f"{path} is not a quiz save file (it has no quiz tables)")
        connection.execute("SELECT count(*) FROM rounds").fetchone()
    except sqlite3.DatabaseError as error:
        connection.close()
        raise StoreError(f"the save file {path} is damaged and cannot be read ({error})") from error
    except BaseException:
        connection.close()
        raise
    return connection
