"""The benchmark: each figure is the median of several runs next to a floor measured in this run.

Run: ``python tests/perf/bench.py`` (a table, then the same figures as JSON) or
``python tests/perf/bench.py --json`` (JSON only). Each figure has its target; the run exits 1
when a target is missed, so it can serve as a check (never in the unit tests: it is slow, and
these machines are noisy). Every figure is a ratio against a floor timed alternately with it
in the same run, never an absolute time held against a fixed limit (except a few ceilings,
given as ``limit``, far above what a player would notice).
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from synth import bank_text  # noqa: E402

from game.banks.library import scan_library  # noqa: E402
from game.banks.loader import MAX_QUESTIONS, load_bank  # noqa: E402


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def paired(
    measure: Callable[[], object], floor: Callable[[], object], repeats: int
) -> tuple[float, float]:
    """Median times of a measure and its floor, run alternately so both see the same noise."""
    measured, floors = [], []
    for _ in range(repeats):
        gc.collect()
        floors.append(_timed(floor))
        gc.collect()
        measured.append(_timed(measure))
    return statistics.median(measured), statistics.median(floors)


def row(name: str, value: float, floor: float, target: str, floor_name: str) -> dict:
    """One figure of the report."""
    return {
        "name": name,
        "value": value,
        "floor": floor,
        "floor_name": floor_name,
        "ratio": value / floor if floor else float("inf"),
        "target": target,
    }


def _yaml_floor(data: bytes) -> Callable[[], object]:
    """The best a plain PyYAML user gets: the C loader with the garbage collector paused."""

    def load() -> object:
        gc.disable()
        try:
            return yaml.load(data, Loader=yaml.CSafeLoader)
        finally:
            gc.enable()

    return load


def bench_big_bank(work: Path, repeats: int) -> list[dict]:
    """Figure 1: load and validate a bank of the most questions allowed (1,000, about 0.9 MB),
    and refuse a 15 MB bank of 30,000 questions (stopped at the 1,001st, never built)."""
    path = work / "big.yaml"
    path.write_text(bank_text(MAX_QUESTIONS, prose_words=44), encoding="utf-8")
    data = path.read_bytes()
    result = load_bank(path)
    assert result.bank is not None and len(result.bank.questions) == MAX_QUESTIONS
    value, floor = paired(lambda: load_bank(path), _yaml_floor(data), repeats)
    size = f"{len(data) / 1e6:.1f} MB"
    huge = work / "huge.yaml"
    huge.write_text(bank_text(30_000, prose_words=8), encoding="utf-8")
    refused = load_bank(huge)
    assert refused.bank is None and "at most 1,000 questions" in refused.errors[0].message
    refuse, loaded = paired(lambda: load_bank(huge), lambda: load_bank(path), repeats)
    huge_size = f"{huge.stat().st_size / 1e6:.0f} MB"
    return [
        row(
            f"load + validate {MAX_QUESTIONS:,} questions ({size})",
            value,
            floor,
            # 1.3 before the limit; a file over 200 KB is now walked once as events first, so
            # that a huge or endless one is refused before it is built (see the next figure).
            "<= 1.8",
            "yaml.load CSafeLoader, GC paused",
        ),
        row(
            f"refuse 30,000 questions ({huge_size})",
            refuse,
            loaded,
            "<= 1.0",
            f"loading {MAX_QUESTIONS:,} questions",
        ),
    ]


def bench_library(work: Path, repeats: int) -> list[dict]:
    """Figure 2: the home screen's library of 100 banks of 100 questions, cold and warm."""
    questions = work / "library"
    for n in range(100):
        (questions / f"group-{n % 10}").mkdir(parents=True, exist_ok=True)
        (questions / f"group-{n % 10}" / f"bank-{n:03d}.yaml").write_text(
            bank_text(100, seed=n), encoding="utf-8"
        )
    files = sorted(questions.rglob("*.yaml"))
    cache = work / "cache"

    def cold() -> object:
        shutil.rmtree(cache, ignore_errors=True)
        return scan_library(questions, cache)

    def warm() -> object:
        return scan_library(questions, cache)

    def yaml_all() -> object:
        gc.disable()
        try:
            return [yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader) for f in files]
        finally:
            gc.enable()

    def read_all() -> object:
        return [f.read_bytes() for f in files]

    assert len(cold()) == 100
    cold_value, cold_floor = paired(cold, yaml_all, repeats)
    warm()
    warm_value, warm_floor = paired(warm, read_all, repeats)
    return [
        row(
            "library of 100 banks, cold (no cache)",
            cold_value,
            cold_floor,
            "<= 1.3",
            "yaml.load of every file, GC paused",
        ),
        row(
            "library of 100 banks, warm (cache)",
            warm_value,
            warm_floor,
            "<= 3",
            "reading every file",
        ),
        row("library warm vs cold", warm_value, cold_value, "report", "the cold load above"),
    ]


def extra_benches() -> list[Callable[[int], list[dict]]]:
    """Figures other parts of the game add (the save store, the UI), when present."""
    benches = []
    try:
        import bench_store

        benches.append(bench_store.run)
    except ImportError as exc:  # pragma: no cover - reported, not hidden
        print(f"(store benchmark unavailable: {exc})", file=sys.stderr)
    try:
        import bench_ui

        benches.append(bench_ui.run)
    except ImportError:
        pass  # the UI benchmark lands with the game screens
    return benches


def format_table(rows: list[dict]) -> str:
    """The report for people."""
    width = max(52, *(len(r["name"]) for r in rows))
    lines = [
        f"{'figure':<{width}} {'median':>10} {'floor':>10} {'ratio':>7}  target   met  (floor)"
    ]
    for r in rows:
        met = {True: "yes", False: "NO", None: "-"}[target_met(r)]
        lines.append(
            f"{r['name']:<{width}} {_fmt(r['value'], r.get('unit')):>10} {_fmt(r['floor'], r.get('unit')):>10} "
            f"{r['ratio']:>7.2f}  {str(r['target']).split(',')[0]:<7} {met:>4}  ({r['floor_name']})"
        )
    return "\n".join(lines)


def _fmt(value: float, unit: str | None = None) -> str:
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "frames":
        return f"{value:.2f}"
    if value >= 1:
        return f"{value:.2f} s"
    return f"{value * 1000:.1f} ms"


def target_met(figure: dict) -> bool | None:
    """Whether a figure meets its target: ``<= R`` on its ratio, and its ``limit`` (seconds)
    when it has one; None for a figure only reported."""
    target = str(figure.get("target", "report")).split(",")[0].strip()
    if not target.startswith("<="):
        return None
    met = figure["ratio"] <= float(target[2:])
    limit = figure.get("limit")
    if limit is not None:
        met = met and figure["value"] < limit
    return met


def main(argv: list[str] | None = None) -> int:
    """Run every figure, print the report, exit 1 if a target was missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only JSON, for machines")
    parser.add_argument("--repeats", type=int, default=5, help="runs per figure (median taken)")
    parser.add_argument("--only", choices=("banks", "extra"), help="run only some figures")
    args = parser.parse_args(argv)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as folder:
        work = Path(folder)
        if args.only in (None, "banks"):
            rows += bench_big_bank(work, args.repeats)
            rows += bench_library(work, args.repeats)
        if args.only in (None, "extra"):
            for bench in extra_benches():
                rows += bench(args.repeats)
    for figure in rows:
        figure["met"] = target_met(figure)
    missed = [figure["name"] for figure in rows if figure["met"] is False]
    if not args.json:
        print(format_table(rows))
        print()
    print(json.dumps(rows, indent=2))
    if missed:
        print(f"{len(missed)} target(s) missed: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
