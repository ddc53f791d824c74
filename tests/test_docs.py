"""The teachers' reference, docs/bank-format.md, holds true: its example bank validates as it
says, and the README and the template point to it."""

from __future__ import annotations

import re
from pathlib import Path

from game.banks.loader import load_bank
from game.banks.template import template_text

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "bank-format.md"


def test_the_documented_example_is_a_valid_bank(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    example = re.search(r"## A complete example\n\n```yaml\n(.*?)```", text, re.S)
    assert example is not None
    path = tmp_path / "rivers.yaml"
    path.write_text(example[1], encoding="utf-8")
    result = load_bank(path, "rivers", questions_dir=tmp_path)
    assert result.errors == ()
    assert result.bank is not None and len(result.bank.questions) == 6


def test_readme_and_template_point_teachers_to_the_reference() -> None:
    assert "(docs/bank-format.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/bank-format.md" in template_text("X", "questions/x.yaml")
