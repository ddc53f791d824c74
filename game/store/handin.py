"""`quiz hand-in`: one consistent copy of a player's saves, for the teacher's `quiz report`.

The copy is taken with SQLite's online backup API, so a game still running (answers in the
-wal, a round half played) does not matter: the copy holds every answer committed so far
and nothing half-written. When several players share the save file, only the handing-in
player's rounds, answers and totals are kept (and the freed pages vacuumed away, so the
others' answers are not in the file at all). The copy is written under a new name and never
replaces an existing file (game.files).
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from game.files import write_user_file
from game.store.causes import why_unusable
from game.store.errors import StoreError
from game.store.opening import DATABASE_NAME


@dataclass(frozen=True, slots=True)
class HandIn:
    """What was handed in: the file written, the player, their rounds and answers."""

    path: Path
    player: str
    rounds: int
    answers: int


def hand_in_name(player: str, day: date) -> str:
    """``Mia-Lopez-2025-03-03.sqlite3``: the player's name (letters, digits, - and _) and
    the date."""
    stem = re.sub(r"[^\w-]+", "-", player).strip("-_") or "player"
    return f"{stem[:60]}-{day.isoformat()}.sqlite3"


def _players(connection: sqlite3.Connection) -> list[str]:
    return [row[0] for row in connection.execute("SELECT name FROM players ORDER BY name")]


def _last_player(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT value FROM settings WHERE key = 'last_player'").fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def choose_player(saves_dir: Path, asked: str | None) -> str:
    """The player whose saves are handed in: the one asked for, else the only one, else the
    one who played last. Raises StoreError saying which names there are."""
    path = Path(saves_dir) / DATABASE_NAME
    if not path.is_file():
        raise StoreError(f"there are no saves to hand in: {path} does not exist")
    try:
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            names = _players(connection)
            last = _last_player(connection)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be read: {why_unusable(path, error)}") from error
    if not names:
        raise StoreError(f"there are no saves to hand in: nobody has played in {path}")
    if asked is not None:
        for name in names:
            if name == asked or name.casefold() == asked.strip().casefold():
                return name
        raise StoreError(f"no player called {asked} in {path}; players: {', '.join(names)}")
    if len(names) == 1:
        return names[0]
    if last in names:
        return last
    raise StoreError(f"several players in {path}: say who with --player ({', '.join(names)})")


def _keep_only(connection: sqlite3.Connection, player: str) -> None:
    """Delete every other player's rows from the copy, then vacuum the freed pages away."""
    (keep,) = connection.execute("SELECT id FROM players WHERE name = ?", (player,)).fetchone()
    connection.execute(
        "DELETE FROM answers WHERE round_id IN (SELECT id FROM rounds WHERE player_id != ?)",
        (keep,),
    )
    tables = [
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    for table in tables:
        columns = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
        if "player_id" in columns:
            connection.execute(f'DELETE FROM "{table}" WHERE player_id != ?', (keep,))
    connection.execute("DELETE FROM players WHERE id != ?", (keep,))
    connection.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('last_player', ?)", (player,)
    )
    connection.commit()
    connection.execute("VACUUM")


def hand_in(saves_dir: Path, out: Path, player: str) -> HandIn:
    """Copy player's saves from saves_dir to out (a new file). Raises StoreError when the
    save file cannot be copied, game.files.FileRefused when out exists, OSError when it
    cannot be written."""
    source = Path(saves_dir) / DATABASE_NAME
    with tempfile.TemporaryDirectory(prefix="quiz-hand-in-") as folder:
        copy = Path(folder) / DATABASE_NAME
        try:
            reading = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
            writing = sqlite3.connect(copy)
            try:
                reading.backup(writing)
                _keep_only(writing, player)
                rounds = writing.execute("SELECT count(*) FROM rounds").fetchone()[0]
                answers = writing.execute("SELECT count(*) FROM answers").fetchone()[0]
                writing.execute("PRAGMA journal_mode = DELETE")
            finally:
                writing.close()
                reading.close()
        except sqlite3.Error as error:
            raise StoreError(f"{source} cannot be copied: {why_unusable(source, error)}") from error
        data = copy.read_bytes()
    write_user_file(out, data)
    return HandIn(out, player, int(rounds), int(answers))
