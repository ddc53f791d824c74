"""The save file's schema, versioned with PRAGMA user_version, and its forward migrations."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

# Version 1: the tables as first released. Frozen: never edit a released step, add one.
_VERSION_1 = (
    """
    CREATE TABLE players (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        added_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        player_id INTEGER NOT NULL REFERENCES players(id),
        bank_id TEXT NOT NULL,
        bank_title TEXT NOT NULL,
        mode TEXT NOT NULL,
        seed INTEGER,
        topic TEXT,
        question_count INTEGER NOT NULL,
        max_score INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        score INTEGER
    )
    """,
    """
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds(id),
        question_id TEXT NOT NULL,
        question_type TEXT NOT NULL,
        topic TEXT,
        difficulty INTEGER NOT NULL,
        prompt TEXT NOT NULL,
        given TEXT NOT NULL,
        expected TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('right', 'partly', 'wrong')),
        points INTEGER NOT NULL,
        max_points INTEGER NOT NULL,
        seconds REAL NOT NULL,
        hint_used INTEGER NOT NULL,
        timed_out INTEGER NOT NULL,
        explanation TEXT NOT NULL,
        quote TEXT,
        answered_at TEXT NOT NULL
    )
    """,
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE INDEX rounds_by_player ON rounds(player_id, started_at)",
    "CREATE INDEX answers_by_round ON answers(round_id)",
)

# Version 2: running totals kept with every answer, so history never re-reads all answers:
# per round (answers given, right, points so far, last answer), per player, bank and topic,
# and per player, bank and question (with the latest answer, for its explanation).
_VERSION_2 = (
    "ALTER TABLE rounds ADD COLUMN answer_count INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE rounds ADD COLUMN right_count INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE rounds ADD COLUMN points_so_far INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE rounds ADD COLUMN last_answer_at TEXT",
    """
    UPDATE rounds SET
        answer_count = (SELECT count(*) FROM answers WHERE answers.round_id = rounds.id),
        right_count = (
            SELECT count(*) FROM answers
            WHERE answers.round_id = rounds.id AND answers.result = 'right'
        ),
        points_so_far = (
            SELECT coalesce(sum(points), 0) FROM answers WHERE answers.round_id = rounds.id
        ),
        last_answer_at = (
            SELECT max(answered_at) FROM answers WHERE answers.round_id = rounds.id
        )
    """,
    """
    CREATE TABLE topic_totals (
        player_id INTEGER NOT NULL REFERENCES players(id),
        bank_id TEXT NOT NULL,
        topic TEXT NOT NULL,  -- '' for questions without a topic
        answered INTEGER NOT NULL,
        right_count INTEGER NOT NULL,
        points INTEGER NOT NULL,
        max_points INTEGER NOT NULL,
        PRIMARY KEY (player_id, bank_id, topic)
    ) WITHOUT ROWID
    """,
    """
    INSERT INTO topic_totals
    SELECT r.player_id, r.bank_id, coalesce(a.topic, ''), count(*),
           sum(a.result = 'right'), sum(a.points), sum(a.max_points)
    FROM answers a JOIN rounds r ON r.id = a.round_id
    GROUP BY r.player_id, r.bank_id, coalesce(a.topic, '')
    """,
    """
    CREATE TABLE question_totals (
        player_id INTEGER NOT NULL REFERENCES players(id),
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        answered INTEGER NOT NULL,
        missed INTEGER NOT NULL,
        latest_answer_id INTEGER NOT NULL REFERENCES answers(id),
        PRIMARY KEY (player_id, bank_id, question_id)
    ) WITHOUT ROWID
    """,
    """
    INSERT INTO question_totals
    SELECT r.player_id, r.bank_id, a.question_id, count(*), sum(a.result != 'right'), max(a.id)
    FROM answers a JOIN rounds r ON r.id = a.round_id
    GROUP BY r.player_id, r.bank_id, a.question_id
    """,
    "CREATE INDEX rounds_by_bank ON rounds(bank_id, started_at)",
)

# Version 3: practice. Each round keeps its time limit (timed rounds), which the practice
# rating reads; each (player, bank, question) keeps its memory state, the scheduler's
# figures and when the question is due again. The scheduler (fsrs) does not run in SQL, so
# a file with answers is marked for a rebuild from history, which the game does when it
# opens the store (game.session) and clears the mark.
MEMORY_REBUILD_KEY = "memory_rebuild"
_VERSION_3 = (
    "ALTER TABLE rounds ADD COLUMN time_limit INTEGER",
    """
    CREATE TABLE memory (
        player_id INTEGER NOT NULL REFERENCES players(id),
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due TEXT NOT NULL,
        last_review TEXT NOT NULL,
        reviews INTEGER NOT NULL,
        last_rating INTEGER NOT NULL,
        last_result TEXT NOT NULL CHECK (last_result IN ('right', 'partly', 'wrong')),
        PRIMARY KEY (player_id, bank_id, question_id)
    ) WITHOUT ROWID
    """,
    f"""
    INSERT OR REPLACE INTO settings (key, value)
    SELECT '{MEMORY_REBUILD_KEY}', 'needed' WHERE EXISTS (SELECT 1 FROM answers)
    """,
)


# Version 4: resuming. Each round keeps its plan (game.core.rounds.plan_text: which questions,
# in which order, with which shuffles), so a round left unfinished can be taken up again.
# Rounds saved before have none and are not offered again.
_VERSION_4 = ("ALTER TABLE rounds ADD COLUMN plan TEXT",)

# Version 5: History's chart reads a player's newest finished rounds from an index, instead
# of sorting all of them (EXPLAIN QUERY PLAN: "USE TEMP B-TREE FOR ORDER BY" before).
_VERSION_5 = ("CREATE INDEX rounds_finished_by_player ON rounds(player_id, finished_at)",)


@dataclass(frozen=True, slots=True)
class Migration:
    """One forward step: the statements that take a save file from version - 1 to version."""

    version: int
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, _VERSION_1),
    Migration(2, _VERSION_2),
    Migration(3, _VERSION_3),
    Migration(4, _VERSION_4),
    Migration(5, _VERSION_5),
)
CURRENT_VERSION = MIGRATIONS[-1].version


class NewerSchemaError(Exception):
    """The save file was written by a newer quiz than this one."""

    def __init__(self, found_version: int) -> None:
        super().__init__(
            f"the save file has schema version {found_version}; "
            f"this version of quiz knows up to {CURRENT_VERSION}"
        )
        self.found_version = found_version


def schema_version(connection: sqlite3.Connection) -> int:
    """The save file's schema version (0 for a file with no tables yet)."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection, target_version: int = CURRENT_VERSION) -> int:
    """Bring the save file forward to target_version and return the version it started at.

    All steps run in one ``BEGIN IMMEDIATE`` transaction together with PRAGMA user_version,
    so a crash leaves the file at the version it had. The version is read again inside the
    transaction, so two processes opening a new saves folder at once migrate it only once.
    The connection must be in autocommit mode (isolation_level=None).
    """
    start_version = schema_version(connection)
    if start_version > CURRENT_VERSION:
        raise NewerSchemaError(start_version)
    if start_version >= target_version:
        return start_version
    connection.execute("BEGIN IMMEDIATE")
    try:
        found_version = schema_version(connection)
        if found_version > CURRENT_VERSION:
            raise NewerSchemaError(found_version)
        for migration in MIGRATIONS:
            if found_version < migration.version <= target_version:
                for statement in migration.statements:
                    connection.execute(statement)
                # PRAGMA takes no parameters; the version is an int from MIGRATIONS.
                connection.execute(f"PRAGMA user_version = {int(migration.version)}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return start_version
