"""The layering holds: import-linter's contracts in pyproject.toml (core free of UI, store, YAML)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    beside_python = Path(sys.executable).with_name("lint-imports")
    lint_imports = str(beside_python) if beside_python.exists() else shutil.which("lint-imports")
    assert lint_imports, "import-linter is part of the test extra: pip install -e '.[test]'"
    out = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    declared = (ROOT / "pyproject.toml").read_text().count("[[tool.importlinter.contracts]]")
    assert declared >= 7
    assert f"Contracts: {declared} kept, 0 broken." in out.stdout
