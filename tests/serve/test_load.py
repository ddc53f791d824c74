"""The class under load: 30 students each finish a 3-question round at once; 90 answers given,
90 saved (tests/perf/serve_load.py does the work and reports the figures; docs/classroom.md's
figures are from its 10-question rounds, which cost the suite some 50 s more of a core)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "perf" / "serve_load.py"


@pytest.mark.slow
def test_thirty_students_lose_no_answer() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--students", "30", "--questions", "3", "--json"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["answers_given"] == 90
    assert figures["answers_saved"] == 90
    assert figures["answers_lost"] == 0
    assert figures["rounds_finished"] == 30
    print(json.dumps(figures, indent=2))  # shown with pytest -s: memory and latency figures
