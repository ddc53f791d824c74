"""Reading the save store: the history queries the UI and the command line use."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime
from typing import Any

from game.core.records import Result
from game.core.resume import Unfinished
from game.store.errors import StoreError
from game.store.rows import (
    AnswerRow,
    ExportRow,
    MissedRow,
    RoundRow,
    TopicRow,
    clean_player_name,
    from_stored_time,
)

LAST_PLAYER_KEY = "last_player"
# A player's own settings are kept in the settings table as player:<player id>:<key>.
PLAYER_SETTING_PREFIX = "player:"

_ROUND_COLUMNS = """
    r.id, p.name, r.bank_id, r.bank_title, r.mode, r.seed, r.topic, r.question_count,
    r.started_at, r.finished_at, coalesce(r.score, r.points_so_far), r.max_score,
    r.right_count, r.answer_count, r.last_answer_at
"""
# The same columns, the player as an id: a player's rounds are read without a join (rounds)
_ROUND_COLUMNS_BY_ID = _ROUND_COLUMNS.replace("p.name", "r.player_id")


def _ids_clause(ids: list[int]) -> tuple[str, list[Any]]:
    return f"r.player_id IN ({', '.join('?' * len(ids))})", ids


def _round_rows(rows: list[tuple[Any, ...]], names: dict[int, str] | None) -> list[RoundRow]:
    """RoundRows from the columns of _ROUND_COLUMNS (times as written by to_stored_time); with
    names, the player column holds the player's id, named from there.

    Built as tuples, not through the named tuple's keyword-taking constructor: History reads
    every round of a player, and that call was a third of the time it took."""
    parse = datetime.fromisoformat
    make = tuple.__new__
    name = (names or {}).get
    return [
        make(RoundRow, (
            i, name(player, player), bank, title, mode, seed, topic, count, parse(started),
            None if finished is None else parse(finished), score, max_score, right, total,
            None if ended is None else parse(ended),
        ))
        for (
            i, player, bank, title, mode, seed, topic, count, started, finished, score,
            max_score, right, total, ended,
        ) in rows
    ]  # fmt: skip


# A finished round's score as a percentage of its maximum, as rows.percentage computes it.
_PERCENTAGE_SQL = "CASE WHEN r.max_score > 0 THEN 100.0 * r.score / r.max_score ELSE 0.0 END"


# The rounds offered again, and counted as left unfinished on home: those History lists (an
# answer given), and an exam with its class code even at 0 (the same code goes on with it). A
# round left before its first answer is otherwise as if never started: it hides no older one.
OFFERED = "(r.answer_count > 0 OR (r.mode = 'exam' AND r.seed IS NOT NULL))"


def _filters(
    player: str | None, bank_id: str | None, *more_clauses: str, bank_column: str = "r.bank_id"
) -> tuple[str, list[Any]]:
    """A WHERE clause on players p and a bank column for an optional player and bank."""
    clauses: list[str] = list(more_clauses)
    parameters: list[Any] = []
    if player is not None:
        # The name as given, or as the store would keep it: a save file written by something
        # else may hold a name the store would have cleaned, and it is still that player's.
        try:
            cleaned = clean_player_name(player)
        except ValueError:
            cleaned = player
        clauses.append("p.name IN (?, ?)")
        parameters += [player, cleaned]
    if bank_id is not None:
        clauses.append(f"{bank_column} = ?")
        parameters.append(bank_id)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return where, parameters


class HistoryQueries:
    """The read side of SaveStore: history, best scores, players and settings."""

    _connection: sqlite3.Connection
    _lock: threading.RLock
    _closed: bool

    def _check_open(self) -> None:
        """Refuse to work once closed, in plain words rather than an sqlite3 error."""
        if self._closed:
            raise StoreError("the save store is closed")

    def _read(self, sql: str, parameters: tuple[Any, ...] | list[Any] = ()) -> list[Any]:
        """Every row of one query, holding the store's lock."""
        with self._lock:
            self._check_open()
            try:
                return self._connection.execute(sql, parameters).fetchall()
            except sqlite3.Error as error:
                raise StoreError(f"the save file could not be read ({error})") from error

    def players(self) -> list[str]:
        """Every player's name, in alphabetical order ignoring case."""
        names = [row[0] for row in self._read("SELECT name FROM players")]
        return sorted(names, key=lambda name: (name.casefold(), name))

    def last_player(self) -> str | None:
        """The name given to set_last_player most recently, or None."""
        rows = self._read("SELECT value FROM settings WHERE key = ?", (LAST_PLAYER_KEY,))
        return rows[0][0] if rows else None

    def player_setting(self, player: str, key: str) -> str | None:
        """One of a player's remembered settings (``theme``, ``bell``), or None if never set."""
        rows = self._read(
            "SELECT s.value FROM settings s JOIN players p ON s.key = ? || p.id || ':' || ?"
            " WHERE p.name = ?",
            (PLAYER_SETTING_PREFIX, key, clean_player_name(player)),
        )
        return rows[0][0] if rows else None

    def best_percentages(self, player: str) -> dict[str, float]:
        """bank id -> the player's best percentage in a finished round of that bank."""
        rows = self._read(
            f"""
            SELECT r.bank_id, max({_PERCENTAGE_SQL})
            FROM rounds r JOIN players p ON p.id = r.player_id
            WHERE p.name = ? AND r.finished_at IS NOT NULL
            GROUP BY r.bank_id
            """,
            (clean_player_name(player),),
        )
        return {bank_id: float(best) for bank_id, best in rows}

    def unfinished_counts(self, player: str) -> dict[str, int]:
        """bank id -> how many of the player's rounds of that bank were left unfinished and
        would be offered again (OFFERED)."""
        rows = self._read(
            f"""
            SELECT r.bank_id, count(*)
            FROM rounds r JOIN players p ON p.id = r.player_id
            WHERE p.name = ? AND r.finished_at IS NULL AND {OFFERED}
            GROUP BY r.bank_id
            """,
            (clean_player_name(player),),
        )
        return {bank_id: int(count) for bank_id, count in rows}

    def _player_ids(self, player: str) -> dict[int, str]:
        """The ids of the players of that name (as given, or as the store would keep it), and
        each one's name as stored."""
        where, names = _filters(player, None)
        return dict(self._read(f"SELECT p.id, p.name FROM players p{where}", names))

    def _player_clause(self, player: str | None) -> tuple[str, list[Any]] | None:
        """``r.player_id IN (...)`` for a player's ids, found first, so that the rounds are
        read in the order of an index (a join on the name made SQLite sort every round of the
        player for a page of them); None when no player has that name."""
        if player is None:
            return "", []
        ids = list(self._player_ids(player))
        if not ids:
            return None
        return _ids_clause(ids)

    def rounds(
        self, player: str | None = None, bank_id: str | None = None, limit: int | None = None
    ) -> list[RoundRow]:
        """Rounds, newest first, optionally of one player and/or one bank, at most limit."""
        columns, source, names = _ROUND_COLUMNS, " JOIN players p ON p.id = r.player_id", None
        more: list[str] = []
        parameters: list[Any] = []
        if player is not None:
            # the player's ids first, then their rounds with no join: names filled in here
            names = self._player_ids(player)
            if not names:
                return []
            clause, parameters = _ids_clause(list(names))
            columns, source, more = _ROUND_COLUMNS_BY_ID, "", [clause]
        where, filters = _filters(None, bank_id, *more)
        parameters = [*parameters, *filters]
        sql = f"SELECT {columns} FROM rounds r{source}{where} ORDER BY r.started_at DESC, r.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            parameters.append(limit)
        return _round_rows(self._read(sql, parameters), names)

    def unfinished_round(
        self,
        player: str,
        bank_id: str | None = None,
        *,
        mode: str | None = None,
        seed: int | None = None,
        count: int | None = None,
    ) -> Unfinished | None:
        """The player's newest round that would be offered again (OFFERED; of that bank, mode,
        seed and number of questions, when given), if they left it before the end and it can
        be taken up again (it has a plan and a question to go)."""
        clauses = [OFFERED]
        parameters: list[Any] = []
        if mode is not None:
            clauses.append("r.mode = ?")
            parameters.append(mode)
        if seed is not None:
            clauses.append("r.seed = ?")
            parameters.append(seed)
        if count is not None:
            clauses.append("r.question_count = ?")
            parameters.append(count)
        where, filters = _filters(player, bank_id, *clauses)
        rows = self._read(
            f"""
            SELECT r.id, r.bank_id, r.bank_title, r.mode, r.seed, r.answer_count,
                   r.question_count, r.started_at, r.finished_at, r.plan
            FROM rounds r JOIN players p ON p.id = r.player_id{where}
            ORDER BY r.id DESC LIMIT 1
            """,
            [*parameters, *filters],  # the mode, seed and count clauses come before the filters
        )
        if not rows:
            return None
        round_id, bank, title, kind, round_seed, answered, total, started, finished, plan = rows[0]
        if finished is not None or plan is None or answered >= total:
            return None
        return Unfinished(
            round_id,
            bank,
            title,
            kind,
            round_seed,
            answered,
            total,
            from_stored_time(started),
            plan,
        )

    def round_answers(self, round_id: int) -> list[AnswerRow]:
        """A round's answers in the order they were given, everything as stored."""
        rows = self._read(
            """
            SELECT id, round_id, question_id, question_type, topic, difficulty, prompt, given,
                   expected, result, points, max_points, seconds, hint_used, timed_out,
                   explanation, quote, answered_at
            FROM answers WHERE round_id = ? ORDER BY id
            """,
            (round_id,),
        )
        return [
            AnswerRow(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7],
                row[8],
                Result(row[9]),
                row[10],
                row[11],
                row[12],
                bool(row[13]),
                bool(row[14]),
                row[15],
                row[16],
                from_stored_time(row[17]),
            )
            for row in rows
        ]

    def topic_accuracy(self, player: str, bank_id: str | None = None) -> list[TopicRow]:
        """The player's accuracy per (bank, topic), weakest first."""
        where, parameters = _filters(player, bank_id, bank_column="t.bank_id")
        rows = self._read(
            f"""
            SELECT t.bank_id, nullif(t.topic, ''), t.answered, t.right_count, t.points,
                   t.max_points
            FROM topic_totals t JOIN players p ON p.id = t.player_id
            {where}
            """,
            parameters,
        )
        topics = [TopicRow(*row) for row in rows]
        return sorted(topics, key=lambda t: (t.accuracy, -t.answered, t.bank_id, t.topic or ""))

    def most_missed(
        self, player: str, bank_id: str | None = None, limit: int = 10
    ) -> list[MissedRow]:
        """The questions the player missed most often (partly or wrong), at most limit.

        Ties go to the question answered most, then by bank and question id. The prompt,
        explanation and expected answer are those of the latest time it was answered.
        """
        where, parameters = _filters(player, bank_id, "q.missed > 0", bank_column="q.bank_id")
        rows = self._read(
            f"""
            SELECT worst.question_id, worst.bank_id, latest.prompt, worst.missed,
                   worst.answered, latest.explanation, latest.expected
            FROM (
                SELECT q.question_id, q.bank_id, q.missed, q.answered, q.latest_answer_id
                FROM question_totals q JOIN players p ON p.id = q.player_id
                {where}
                ORDER BY q.missed DESC, q.answered DESC, q.bank_id, q.question_id
                LIMIT ?
            ) AS worst
            JOIN answers latest ON latest.id = worst.latest_answer_id
            ORDER BY worst.missed DESC, worst.answered DESC, worst.bank_id, worst.question_id
            """,
            [*parameters, limit],
        )
        return [MissedRow(*row) for row in rows]

    def percent_over_time(
        self, player: str, bank_id: str | None = None, newest: int | None = None
    ) -> list[tuple[datetime, float]]:
        """(finished at, percentage) of each finished round of the player, oldest first; only
        the newest ones when newest is given (read from the index rounds_finished_by_player)."""
        clause = self._player_clause(player)
        if clause is None:
            return []
        where, parameters = _filters(None, bank_id, clause[0], "r.finished_at IS NOT NULL")
        sql = f"""
            SELECT r.finished_at, {_PERCENTAGE_SQL} FROM rounds r {where}
            ORDER BY r.finished_at DESC, r.id DESC
            """
        if newest is not None:
            sql += " LIMIT ?"
            parameters.append(newest)
        rows = self._read(sql, [*clause[1], *parameters])
        parse = datetime.fromisoformat
        return [(parse(finished_at), share) for finished_at, share in reversed(rows)]

    def percent_facts(
        self, player: str, bank_id: str | None = None
    ) -> tuple[int, float, float, float, float] | None:
        """Of the player's finished rounds: how many, and the first, last, best and average
        percentage; None when there is none. Reads every finished round (History asks for it
        in a worker, after its first screen)."""
        clause = self._player_clause(player)
        if clause is None:
            return None
        where, parameters = _filters(None, bank_id, clause[0], "r.finished_at IS NOT NULL")
        parameters = [*clause[1], *parameters]
        count, best, average = self._read(
            f"SELECT count(*), max({_PERCENTAGE_SQL}), avg({_PERCENTAGE_SQL}) FROM rounds r{where}",
            parameters,
        )[0]
        if not count:
            return None
        ends = []
        for order in ("", " DESC"):
            ends.append(
                self._read(
                    f"SELECT {_PERCENTAGE_SQL} FROM rounds r{where}"
                    f" ORDER BY r.finished_at{order}, r.id{order} LIMIT 1",
                    parameters,
                )[0][0]
            )
        return count, float(ends[0]), float(ends[1]), float(best), float(average)

    def export_rows(self, player: str | None = None, bank_id: str | None = None) -> list[ExportRow]:
        """One row per answer, by round start then answer order, for ``quiz export``."""
        where, parameters = _filters(player, bank_id)
        rows = self._read(
            f"""
            SELECT p.name, r.bank_id, r.id, r.started_at, r.mode, a.question_id, a.prompt,
                   a.given, a.expected, a.result, a.points, a.seconds
            FROM rounds r JOIN players p ON p.id = r.player_id
                 JOIN answers a ON a.round_id = r.id
            {where}
            ORDER BY r.started_at, r.id, a.id
            """,
            parameters,
        )
        return [
            ExportRow(
                row[0],
                row[1],
                row[2],
                from_stored_time(row[3]),
                row[4],
                row[5],
                row[6],
                row[7],
                row[8],
                Result(row[9]),
                row[10],
                row[11],
            )
            for row in rows
        ]
