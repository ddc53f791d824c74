"""Save store benchmark: recording an answer as history grows, and the history queries."""

from __future__ import annotations

import gc
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script: make the checkout importable.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from game.core.records import AnswerRecord, Result, RoundStart
from game.store import SaveStore, open_store
from game.store.opening import DATABASE_NAME
from game.store.rows import to_stored_time
from game.store.schema import migrate

PLAYER = "Ada Lovelace"
ANSWERS_PER_ROUND = 10
SMALL_ANSWERS = 1_000
LARGE_ANSWERS = 100_000
RECORDS_PER_REPEAT = 500
RECORD_P99_RATIO_TARGET = 1.5
RECORD_P99_SECONDS_TARGET = 0.005
HISTORY_RATIO_TARGET = 1.5
HISTORY_SECONDS_TARGET = 0.100
# History's first page at growing sizes, against the same at the smallest: flat (an index read)
GROWTH_SIZES = (1_000, 10_000, 100_000, 1_000_000)
GROWTH_RATIO_TARGET = 2.0
T0 = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
_BANKS = tuple(f"bank-{n}" for n in range(5))
_TOPICS = ("alpha", "beta", "gamma", "delta", None)
_WORDS = [
    "summit",
    "treaty",
    "envoy",
    "border",
    "trade",
    "talks",
    "economy",
    "security",
    "rivalry",
    "dialogue",
]


_TEXT_POOL = 997  # texts of each length made once and reused: 1,000,000 answers build fast


def _text(rng: random.Random, words: int) -> str:
    pool = _POOLS.get(words)
    if pool is None:
        maker = random.Random(words)
        pool = _POOLS[words] = [
            " ".join(maker.choice(_WORDS) for _ in range(words)).capitalize() + "."
            for _ in range(_TEXT_POOL)
        ]
    return pool[rng.randrange(_TEXT_POOL)]


_POOLS: dict[int, list[str]] = {}


def _answer(rng: random.Random, number: int, answered_at: datetime) -> AnswerRecord:
    """A realistic answer: prompt, explanation and quote of typical length."""
    result = rng.choices((Result.RIGHT, Result.PARTLY, Result.WRONG), (6, 1, 3))[0]
    return AnswerRecord(
        question_id=f"q-{number % 40:03d}",
        question_type="choice",
        topic=_TOPICS[number % len(_TOPICS)],
        difficulty=number % 3 + 1,
        prompt=_text(rng, 14),
        given=_text(rng, 3),
        expected=_text(rng, 3),
        result=result,
        points={Result.RIGHT: 2, Result.PARTLY: 1, Result.WRONG: 0}[result],
        max_points=2,
        seconds=rng.uniform(2, 30),
        hint_used=False,
        timed_out=False,
        explanation=_text(rng, 60),
        quote=_text(rng, 30),
        answered_at=answered_at,
    )


def build_history(saves_dir: Path, answer_count: int, seed: int = 7) -> None:
    """A saves folder with answer_count answers, ten a round, all of one player (the worst
    case for that player's History screen).

    Written fast as a version 1 file in one transaction, then brought to the current
    version by the real migration, which fills in the running totals.
    """
    saves_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    connection = sqlite3.connect(str(saves_dir / DATABASE_NAME), isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    migrate(connection, target_version=1)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("INSERT INTO players (name, added_at) VALUES (?, ?)", (PLAYER, "2024"))
    round_rows = []
    answer_rows = []
    for round_id in range(1, answer_count // ANSWERS_PER_ROUND + 1):
        started = T0 + timedelta(hours=round_id)
        answers = [
            _answer(rng, round_id * ANSWERS_PER_ROUND + n, started + timedelta(seconds=20 * n))
            for n in range(ANSWERS_PER_ROUND)
        ]
        finished = round_id % 10 != 0  # one round in ten left unfinished
        round_rows.append(
            (
                round_id,
                _BANKS[round_id % len(_BANKS)],
                "A bank title",
                "quick",
                round_id,
                ANSWERS_PER_ROUND,
                2 * ANSWERS_PER_ROUND,
                to_stored_time(started),
                to_stored_time(started + timedelta(seconds=200)) if finished else None,
                sum(answer.points for answer in answers) if finished else None,
            )
        )
        answer_rows.extend(
            (
                round_id,
                a.question_id,
                a.question_type,
                a.topic,
                a.difficulty,
                a.prompt,
                a.given,
                a.expected,
                str(a.result),
                a.points,
                a.max_points,
                a.seconds,
                0,
                0,
                a.explanation,
                a.quote,
                to_stored_time(a.answered_at),
            )
            for a in answers
        )
    connection.executemany(
        """INSERT INTO rounds (id, player_id, bank_id, bank_title, mode, seed, question_count,
               max_score, started_at, finished_at, score)
           VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        round_rows,
    )
    connection.executemany(
        f"INSERT INTO answers (round_id, question_id, question_type, topic, difficulty, prompt,"
        f" given, expected, result, points, max_points, seconds, hint_used, timed_out,"
        f" explanation, quote, answered_at) VALUES ({', '.join('?' * 17)})",
        answer_rows,
    )
    connection.execute("COMMIT")
    migrate(connection)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def _p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


def _record_interleaved(
    stores: tuple[SaveStore, SaveStore], rng: random.Random, samples: tuple[list[float], ...]
) -> None:
    """Time RECORDS_PER_REPEAT record_answer calls into a fresh round of each store, one call
    to each in turn (in alternating order), so both sizes see the same background load."""
    started = datetime.now(UTC)
    round_ids = [
        store.start_round(
            RoundStart(PLAYER, "bank-0", "A bank title", "quick", 1, None, 10, 20, started)
        )
        for store in stores
    ]
    for number in range(RECORDS_PER_REPEAT):
        answer = _answer(rng, number, started)
        order = (0, 1) if number % 2 == 0 else (1, 0)
        for index in order:
            before = time.perf_counter()
            stores[index].record_answer(round_ids[index], answer)
            samples[index].append(time.perf_counter() - before)
    for store, round_id in zip(stores, round_ids, strict=True):
        store.finish_round(round_id, 0, 20, started)


def _history_from_store(store: SaveStore) -> None:
    """Everything the History screen shows for one player."""
    store.rounds(PLAYER)
    store.percent_over_time(PLAYER)
    store.topic_accuracy(PLAYER)
    store.most_missed(PLAYER, limit=10)


def _history_first_page(store: SaveStore) -> None:
    """What the History screen reads before its first frame (game.session.Session.history with
    first_page=True): the newest rounds, the chart's newest rounds, topics and most missed."""
    from game.session import CHART_ROUNDS, HISTORY_PAGE, MOST_MISSED

    store.rounds(PLAYER, None, limit=HISTORY_PAGE)
    store.percent_over_time(PLAYER, None, CHART_ROUNDS)
    store.topic_accuracy(PLAYER)
    store.most_missed(PLAYER, None, MOST_MISSED)


def _median_time(work: Callable[[], None], runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        before = time.perf_counter()
        work()
        times.append(time.perf_counter() - before)
    return statistics.median(times)


def history_growth(repeats: int) -> list[dict]:
    """History's first page at 1k, 10k, 100k and 1M answers, each against the 1k figure."""
    medians = {}
    with tempfile.TemporaryDirectory(prefix="quiz-bench-growth-") as folder:
        for size in GROWTH_SIZES:
            saves = Path(folder, str(size))
            build_history(saves, size)
            store = open_store(saves).store
            _history_first_page(store)  # warm the page cache
            medians[size] = _median_time(lambda s=store: _history_first_page(s), max(9, repeats))
            store.close()
            shutil.rmtree(saves)  # 1M answers take several hundred MB
    smallest = medians[GROWTH_SIZES[0]]
    return [
        {
            "name": f"store: History first page, {size:,} answers",
            "value": value,
            "floor": smallest,
            "floor_name": f"the same at {GROWTH_SIZES[0]:,} answers",
            "ratio": value / smallest,
            "target": f"<= {GROWTH_RATIO_TARGET:g}" if size != GROWTH_SIZES[0] else "report",
        }
        for size, value in medians.items()
    ]


# The History screen's figures by hand-written SQL on the same tables and indexes.
_FLOOR_QUERIES = (
    """SELECT r.id, r.bank_id, r.bank_title, r.mode, r.seed, r.started_at, r.finished_at,
              coalesce(r.score, r.points_so_far), r.max_score, r.right_count, r.answer_count,
              r.last_answer_at
       FROM rounds r WHERE r.player_id = 1 ORDER BY r.started_at DESC""",
    """SELECT finished_at, 100.0 * score / max_score FROM rounds
       WHERE player_id = 1 AND finished_at IS NOT NULL ORDER BY finished_at""",
    """SELECT bank_id, topic, answered, right_count, points, max_points FROM topic_totals
       WHERE player_id = 1 ORDER BY 1.0 * points / max_points""",
    """SELECT q.question_id, q.bank_id, a.prompt, q.missed, q.answered, a.explanation,
              a.expected
       FROM question_totals q JOIN answers a ON a.id = q.latest_answer_id
       WHERE q.player_id = 1 ORDER BY q.missed DESC, q.answered DESC LIMIT 10""",
)


def _history_floor(connection: sqlite3.Connection) -> None:
    """The same figures by hand-written SQL on the same indexes, raw tuples only."""
    for sql in _FLOOR_QUERIES:
        connection.execute(sql).fetchall()


def _paired_medians(
    measure: Callable[[], None], floor: Callable[[], None], runs: int
) -> tuple[float, float]:
    """Median times of a measure and its floor, run alternately so both see the same noise."""
    measured: list[float] = []
    floors: list[float] = []
    for _ in range(runs):
        for work, times in ((floor, floors), (measure, measured)):
            gc.collect()
            before = time.perf_counter()
            work()
            times.append(time.perf_counter() - before)
    return statistics.median(measured), statistics.median(floors)


def run(repeats: int) -> list[dict]:
    """The store's figures, as rows of name, value and floor (seconds), floor_name, ratio,
    target (for the ratio) and limit (an absolute ceiling for value, seconds)."""
    repeats = max(1, repeats)
    with tempfile.TemporaryDirectory(prefix="quiz-bench-store-") as folder:
        small_dir, large_dir = Path(folder, "small"), Path(folder, "large")
        build_history(small_dir, SMALL_ANSWERS)
        build_history(large_dir, LARGE_ANSWERS)
        small = open_store(small_dir).store
        large = open_store(large_dir).store
        rng = random.Random(1)
        small_samples: list[float] = []
        large_samples: list[float] = []
        for _ in range(repeats):
            _record_interleaved((small, large), rng, (small_samples, large_samples))
        small.close()
        large.close()

        store = open_store(large_dir).store
        floor_connection = sqlite3.connect(str(store.location))
        _history_from_store(store)  # warm the page cache for both
        _history_floor(floor_connection)
        history, floor = _paired_medians(
            lambda: _history_from_store(store),
            lambda: _history_floor(floor_connection),
            max(5, repeats),
        )
        floor_connection.close()
        store.close()

    small_p99, large_p99 = _p99(small_samples), _p99(large_samples)
    growth = history_growth(repeats)
    return [
        {
            "name": f"store: record an answer, p99 at {LARGE_ANSWERS:,} answers",
            "value": large_p99,
            "floor": small_p99,
            "floor_name": f"p99 at {SMALL_ANSWERS:,} answers, interleaved",
            "ratio": large_p99 / small_p99,
            "target": f"<= {RECORD_P99_RATIO_TARGET}, < {RECORD_P99_SECONDS_TARGET * 1000:g} ms",
            "limit": RECORD_P99_SECONDS_TARGET,
        },
        {
            "name": f"store: History screen data, {LARGE_ANSWERS:,} answers",
            "value": history,
            "floor": floor,
            "floor_name": "hand-written SQL on the same tables and indexes",
            "ratio": history / floor,
            "target": f"<= {HISTORY_RATIO_TARGET:g}, < {HISTORY_SECONDS_TARGET * 1000:g} ms",
            "limit": HISTORY_SECONDS_TARGET,
        },
        *growth,
    ]


if __name__ == "__main__":
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
        print(
            f"{row['name']}: {row['value'] * 1000:.2f} ms; floor {row['floor'] * 1000:.2f} ms;"
            f" ratio {row['ratio']:.2f} (target {row['target']}; floor: {row['floor_name']})"
        )
