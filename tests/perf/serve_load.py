"""Load test of the class server: N simulated students on 127.0.0.1, each joining and playing a
Q-question class round over textual-serve's websocket protocol, as the browser page does.

Reports the answers saved against the answers given (0 lost is the rule), the memory of each
tab's game process and of the server, and the key-to-screen latency (a key sent until the next
question, or the summary, is on that student's screen) at p50 and p99.

    python tests/perf/serve_load.py [--students 30] [--questions 10] [--json]

It talks only to 127.0.0.1, is bounded in time (--limit seconds) and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "serve"))

import aiohttp
from serve_kit import Student, choice_bank, classroom_for, running_server

from game.serve.server import ClassServer

START_WAIT = 300.0  # seconds: a condition waited for, generous for a busy machine


def _rss_kib(pid: int) -> int:
    """A process's resident memory now, in KiB (0 once it has gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


async def _student(
    session: aiohttp.ClientSession, port: int, name: str, questions: int, latencies: list[float]
) -> int:
    """One student: join, answer every question with its first choice; answers given."""
    student = Student(session, port)
    await student.connect()
    # thirty games starting at once on two cores: wait for each first screen (never a sleep)
    await student.wait_for("join code", timeout=START_WAIT)
    await student.join("ABC123", name)
    await student.wait_for(f"Question 1 / {questions}", timeout=START_WAIT)
    given = 0
    for number in range(1, questions + 1):
        following = f"Question {number + 1} / {questions}" if number < questions else "Round over"
        started = time.monotonic()
        await student.type("1\r")
        given += 1
        await student.wait_for(following, timeout=START_WAIT)
        latencies.append(time.monotonic() - started)
    await student.close()
    return given


async def _sample_memory(server: ClassServer, peaks: dict[int, int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        for tab in list(server.tabs):
            process = tab.service._process
            if process is not None:
                peaks[process.pid] = max(peaks.get(process.pid, 0), _rss_kib(process.pid))
        await asyncio.sleep(0.25)


async def run_load(students: int, questions: int, limit: float) -> dict[str, object]:
    """Play the class; the figures."""
    with tempfile.TemporaryDirectory(prefix="quiz-load-") as base:
        folders = {"questions": Path(base) / "questions", "saves": Path(base) / "saves"}
        for folder in folders.values():
            folder.mkdir()
        (folders["questions"] / "class.yaml").write_text(choice_bank(questions))
        latencies: list[float] = []
        peaks: dict[int, int] = {}
        classroom = classroom_for("class", questions)
        started = time.monotonic()
        async with running_server(folders, classroom, max_players=students) as server:
            stop = asyncio.Event()
            sampler = asyncio.create_task(_sample_memory(server, peaks, stop))
            async with aiohttp.ClientSession() as session:
                players = [
                    _student(session, server.bound_port, f"Student {n:02d}", questions, latencies)
                    for n in range(1, students + 1)
                ]
                given = await asyncio.wait_for(asyncio.gather(*players), limit)
            stop.set()
            await sampler
        elapsed = time.monotonic() - started
        with sqlite3.connect(folders["saves"] / "quiz.sqlite3") as connection:
            saved = connection.execute("SELECT count(*) FROM answers").fetchone()[0]
            finished = connection.execute(
                "SELECT count(*) FROM rounds WHERE finished_at IS NOT NULL"
            ).fetchone()[0]
    per_tab = [kib / 1024 for kib in peaks.values() if kib]
    server_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "students": students,
        "questions": questions,
        "answers_given": sum(given),
        "answers_saved": saved,
        "answers_lost": sum(given) - saved,
        "rounds_finished": finished,
        "seconds": round(elapsed, 1),
        "memory_per_student_mb": round(statistics.median(per_tab), 1) if per_tab else None,
        "memory_per_student_max_mb": round(max(per_tab), 1) if per_tab else None,
        "server_peak_mb": round(server_peak, 1),
        "key_to_screen_p50_ms": round(1000 * _percentile(latencies, 0.5), 1),
        "key_to_screen_p99_ms": round(1000 * _percentile(latencies, 0.99), 1),
        "cores": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--limit", type=float, default=600.0, help="seconds at most")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args(argv)
    figures = asyncio.run(run_load(args.students, args.questions, args.limit))
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:28} {value}")
    return 0 if figures["answers_lost"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
