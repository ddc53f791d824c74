"""How many answers a second one SQLite save file takes from N writer processes at once.

Each writer is a separate process with its own SaveStore (as each browser tab's game is),
recording answers as fast as it can; the figure is all answers committed over the wall time.

    python tests/perf/store_writers.py [--writers 1 2 4 8 16 30] [--answers 200] [--json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from game.core.records import AnswerRecord, Result, RoundStart
from game.store import open_store


def _writer(
    saves: str, number: int, answers: int, start: multiprocessing.synchronize.Event
) -> None:
    store = open_store(Path(saves)).store
    now = datetime.now(UTC)
    round_id = store.start_round(
        RoundStart(f"Writer {number}", "class", "Class", "exam", 1, None, answers, 10, now)
    )
    start.wait()
    for index in range(answers):
        store.record_answer(
            round_id,
            AnswerRecord(
                f"q{index}",
                "choice",
                None,
                1,
                "Prompt?",
                "A",
                "A",
                Result.RIGHT,
                10,
                10,
                1.0,
                False,
                False,
                "Because.",
                None,
                datetime.now(UTC),
            ),
        )
    store.close()


def measure(writers: int, answers: int) -> float:
    """Answers committed per second with this many writers at once."""
    with tempfile.TemporaryDirectory(prefix="quiz-writers-") as saves:
        open_store(Path(saves)).store.close()
        start = multiprocessing.Event()
        processes = [
            multiprocessing.Process(target=_writer, args=(saves, n, answers, start))
            for n in range(writers)
        ]
        for process in processes:
            process.start()
        time.sleep(0.5)  # every writer has opened its store (not a test: a benchmark's set-up)
        began = time.perf_counter()
        start.set()
        for process in processes:
            process.join()
        elapsed = time.perf_counter() - began
        if any(process.exitcode for process in processes):
            raise SystemExit("a writer failed")
    return writers * answers / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 2, 4, 8, 16, 30])
    parser.add_argument("--answers", type=int, default=200, help="answers per writer")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = {str(n): round(measure(n, args.answers)) for n in args.writers}
    if args.json:
        print(json.dumps({"answers_per_second_by_writers": figures}))
    else:
        print("writers  answers/s")
        for writers, rate in figures.items():
            print(f"{writers:>7}  {rate:>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
