"""Opening a saves folder: damaged files moved aside, unwritable folders, daily backups."""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from game.store.causes import why_unusable
from game.store.schema import NewerSchemaError, migrate
from game.store.store import BUSY_TIMEOUT_MS, SaveStore, connect, is_busy_error

DATABASE_NAME = "quiz.sqlite3"
BACKUPS_FOLDER = "backups"
BACKUPS_KEPT = 7
_BACKUP_NAME = re.compile(r"^quiz-\d{4}-\d{2}-\d{2}\.sqlite3$")
_DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_COMPANION_SUFFIXES = ("-wal", "-shm")


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class StoreOpening:
    """The store to use, and anything the player should be told about it, in plain words."""

    store: SaveStore
    notices: list[str] = field(default_factory=list)


def memory_store(now: Callable[[], datetime] = _utc_now) -> SaveStore:
    """A store that works like the real one and keeps nothing once the game ends."""
    connection = connect(":memory:")
    migrate(connection)
    return SaveStore(connection, persistent=False, location=None, now=now)


def _not_kept(notice: str, now: Callable[[], datetime]) -> StoreOpening:
    return StoreOpening(memory_store(now), [notice])


def _reason(error: BaseException) -> str:
    """An OS or SQLite error in a few plain words."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)


def _unwritable_reason(saves_dir: Path) -> str | None:
    """Why nothing can be written in saves_dir (created if missing), or None if it can be."""
    if saves_dir.exists() and not saves_dir.is_dir():
        return "it is a file, not a folder"
    try:
        saves_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=saves_dir, prefix=".quiz-write-check-"):
            pass
    except OSError as error:
        return _reason(error)
    return None


def _damage(database_path: Path, busy_timeout_ms: int) -> str | None:
    """What is wrong with an existing save file that is not a sound database, or None.

    Errors other than damage (a lock held too long, no permission) are raised.
    """
    if not database_path.exists():
        return None
    # Read-only, so closing never checkpoints or deletes a -wal that may hold the last answers.
    connection = sqlite3.connect(
        database_path.resolve().as_uri() + "?mode=ro", uri=True, timeout=busy_timeout_ms / 1000
    )
    try:
        findings = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in _DAMAGE_CODES and not is_busy_error(error):
            return str(error)
        raise
    finally:
        connection.close()
    if findings == ["ok"]:
        return None
    return "; ".join(str(finding) for finding in findings[:3])


def _move_aside(database_path: Path, moment: datetime) -> Path:
    """Rename a damaged save file (and its -wal/-shm) to a name no file has yet."""
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    base_name = f"{database_path.name}.corrupt-{stamp}"
    counter = 1
    while True:
        name = base_name if counter == 1 else f"{base_name}-{counter}"
        target = database_path.with_name(name)
        taken = [target, *(target.with_name(name + s) for s in _COMPANION_SUFFIXES)]
        if not any(os.path.lexists(path) for path in taken):
            break
        counter += 1
    os.rename(database_path, target)
    for suffix in _COMPANION_SUFFIXES:
        companion = database_path.with_name(database_path.name + suffix)
        if companion.exists():
            os.rename(companion, target.with_name(target.name + suffix))
    return target


def backup_path(saves_dir: Path, day: date) -> Path:
    """Where the backup of a given day goes."""
    return saves_dir / BACKUPS_FOLDER / f"quiz-{day.isoformat()}.sqlite3"


def _daily_backup(connection: sqlite3.Connection, target: Path, backups_kept: int) -> None:
    """Copy the database to target with SQLite's backup API unless it exists; keep the newest.

    The copy is written under a temporary name and renamed, so a backup is never half there.
    """
    if target.exists():
        return
    target.parent.mkdir(exist_ok=True)
    handle, temporary_name = tempfile.mkstemp(
        dir=target.parent, prefix=".quiz-backup-", suffix=".tmp"
    )
    os.close(handle)
    try:
        destination = sqlite3.connect(temporary_name, isolation_level=None)
        try:
            connection.backup(destination)
            # A backup is one self-contained file, not a WAL database.
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        os.replace(temporary_name, target)
    finally:
        if os.path.exists(temporary_name):
            os.unlink(temporary_name)
    backups = sorted(
        (path for path in target.parent.iterdir() if _BACKUP_NAME.match(path.name)),
        key=lambda path: path.name,
        reverse=True,
    )
    for old_backup in backups[backups_kept:]:
        old_backup.unlink(missing_ok=True)


def _ready_connection(database_path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """A connection to a sound save file in WAL mode at the current schema version.

    Switching a new file to WAL needs it alone, and SQLite answers "database is locked" at once,
    without waiting out the busy timeout, while another quiz opening the same new folder reads
    it. So a busy answer is retried, with growing pauses, for as long as the busy timeout.
    """
    deadline = time.monotonic() + busy_timeout_ms / 1000
    pause = 0.01
    while True:
        connection = connect(database_path, busy_timeout_ms)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            migrate(connection)
        except sqlite3.Error as error:
            connection.close()
            if not is_busy_error(error) or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.25)
            continue
        except BaseException:
            connection.close()
            raise
        return connection


def open_store(
    saves_dir: Path,
    now: Callable[[], datetime] = _utc_now,
    *,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    backups_kept: int = BACKUPS_KEPT,
    backup: bool = True,
) -> StoreOpening:
    """Open (or start) the save store in saves_dir/quiz.sqlite3; never fails.

    A damaged save file (not a database, or failing PRAGMA quick_check) is moved aside to
    quiz.sqlite3.corrupt-<UTC time> and a fresh one started. A folder that cannot be written,
    or a file this version cannot use, gives a store that keeps nothing. Once a day (the
    local date of ``now()``) the database is copied to saves/backups/quiz-YYYY-MM-DD.sqlite3,
    keeping the newest backups_kept. Each of these is told in ``notices``. With
    ``backup=False`` the daily copy is left to a later ``daily_backup`` (the App takes it
    after its first frame, off the UI thread).
    """
    saves_dir = Path(saves_dir)
    database_path = saves_dir / DATABASE_NAME
    unwritable = _unwritable_reason(saves_dir)
    if unwritable is not None:
        return _not_kept(
            f"Scores are not being kept: the saves folder {saves_dir} cannot be written "
            f"({unwritable}).",
            now,
        )
    notices: list[str] = []
    try:
        damage = _damage(database_path, busy_timeout_ms)
    except sqlite3.Error as error:
        return _not_kept(
            f"Scores are not being kept: the save file {database_path} cannot be opened "
            f"({why_unusable(database_path, error)}).",
            now,
        )
    if damage is not None:
        try:
            moved_to = _move_aside(database_path, now())
        except FileNotFoundError:
            moved_to = None  # another quiz opening at the same moment moved it first
        except OSError as error:
            return _not_kept(
                f"Scores are not being kept: your save file {database_path} is damaged "
                f"({damage}) and could not be moved aside ({_reason(error)}).",
                now,
            )
        if moved_to is not None:
            notices.append(
                f"Your save file was damaged; it was moved to {moved_to} and a fresh one started."
            )
    try:
        connection = _ready_connection(database_path, busy_timeout_ms)
    except NewerSchemaError as error:
        return _not_kept(
            f"Scores are not being kept: the save file {database_path} was made by a newer "
            f"version of quiz ({error}).",
            now,
        )
    except sqlite3.Error as error:
        return _not_kept(
            f"Scores are not being kept: the save file {database_path} cannot be opened "
            f"({why_unusable(database_path, error)}).",
            now,
        )
    store = SaveStore(connection, persistent=True, location=database_path, now=now)
    if backup:
        problem = _backup_problem(connection, saves_dir, now, backups_kept)
        if problem is not None:
            notices.append(problem)
    return StoreOpening(store, notices)


def _backup_problem(
    connection: sqlite3.Connection,
    saves_dir: Path,
    now: Callable[[], datetime],
    backups_kept: int,
) -> str | None:
    """Take today's backup through connection; what went wrong, in words, or None."""
    today = now().astimezone().date()
    try:
        _daily_backup(connection, backup_path(saves_dir, today), backups_kept)
    except (OSError, sqlite3.Error) as error:
        return (
            f"Today's backup of your scores could not be written to "
            f"{saves_dir / BACKUPS_FOLDER} ({_reason(error)}); your scores are still kept."
        )
    return None


def daily_backup(
    database_path: Path,
    now: Callable[[], datetime] = _utc_now,
    *,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    backups_kept: int = BACKUPS_KEPT,
) -> str | None:
    """Take today's backup of the save file at database_path unless it exists.

    Opens a connection of its own, so it may run in any thread (a worker) while the game goes
    on; returns what went wrong, in words, or None.
    """
    try:
        connection = sqlite3.connect(database_path, timeout=busy_timeout_ms / 1000)
    except sqlite3.Error as error:
        return (
            f"Today's backup of your scores could not be written ({_reason(error)}); "
            "your scores are still kept."
        )
    try:
        return _backup_problem(connection, database_path.parent, now, backups_kept)
    finally:
        connection.close()
