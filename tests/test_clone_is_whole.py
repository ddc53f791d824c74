"""The clone is the whole product: nothing in the game, its tests, docs or CI reads a folder
beside the checkout (the team's shared/ folder is not part of what a user gets)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTSIDE = re.compile(r"\.\./shared|parents\[2\]\s*/\s*\"shared\"|\"shared\"\s*/\s*\"source\"")


def _files() -> list[Path]:
    found = [ROOT / "README.md", ROOT / ".ci" / "run", ROOT / "pyproject.toml"]
    for folder, patterns in (
        ("game", ("*.py", "*.tcss", "*.html", "*.css")),
        ("tests", ("*.py",)),
        ("docs", ("*.md",)),
        ("questions", ("*.yaml", "*.yml")),
    ):
        for pattern in patterns:
            found += (ROOT / folder).rglob(pattern)
    return [path for path in found if path.is_file() and path != Path(__file__).resolve()]


def test_nothing_reads_beside_the_checkout() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OUTSIDE.search(line)
    ]
    assert offenders == []


def test_the_article_ships_with_its_bank() -> None:
    article = ROOT / "questions" / "sources" / "china-us-detente.txt"
    assert article.read_text(encoding="utf-8").startswith("November 7, 2024\n")
    bank = (ROOT / "questions" / "china-us-detente.yaml").read_text(encoding="utf-8")
    assert "\n  file: sources/china-us-detente.txt\n" in bank
