"""source.file: the article in a file beside its bank, read only from inside the questions
folder, checked like source.text, and noticed by the library cache when it changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.banks.library import scan_library
from game.banks.loader import load_bank

BANK = """title: Rivers
source:
  title: Our rivers
  {source_line}
questions:
  - id: longest
    type: choice
    prompt: Which river is longest?
    choices: [Volga, Danube]
    answer: Volga
    explanation: It is.
    quote: The Volga is the longest river in Europe.
"""
ARTICLE = "Rivers\n\nThe Volga is the longest river in Europe. The Danube is second.\n"


def _bank(questions: Path, source_line: str, name: str = "rivers.yaml") -> Path:
    path = questions / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BANK.format(source_line=source_line), encoding="utf-8")
    return path


def _errors(path: Path, questions: Path) -> list[str]:
    result = load_bank(path, path.stem, questions_dir=questions)
    return [f"{p.line}:{p.column}: {p.message}" for p in result.errors]


def test_quotes_are_checked_against_the_file_beside_the_bank(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "rivers.txt").write_text(ARTICLE, encoding="utf-8")
    path = _bank(tmp_path, "file: sources/rivers.txt")
    result = load_bank(path, "rivers", questions_dir=tmp_path)
    assert result.errors == ()
    assert result.bank is not None and result.bank.source is not None
    assert result.bank.source.text == ARTICLE
    (tmp_path / "sources" / "rivers.txt").write_text("Nothing about rivers.", encoding="utf-8")
    assert _errors(path, tmp_path) == [
        '12:12: quote not found in the source text: "The Volga is the longest river in Europe."'
    ]


@pytest.mark.parametrize(
    ("source_line", "words"),
    [
        ("file: /etc/passwd", 'source.file "/etc/passwd" is an absolute path'),
        ("file: ../outside.txt", 'source.file "../outside.txt" leads outside the questions folder'),
        ("file: sources/missing.txt", 'source.file "sources/missing.txt" does not exist'),
        ("file: sources", 'source.file "sources" is not a regular file'),
        ("file: latin1.txt", 'source.file "latin1.txt" is not UTF-8 text'),
        ('file: ""', "file is empty"),
    ],
)
def test_a_source_file_that_cannot_be_used_is_an_error_at_its_line(
    tmp_path: Path, source_line: str, words: str
) -> None:
    questions = tmp_path / "questions"
    (questions / "sources").mkdir(parents=True)
    (tmp_path / "outside.txt").write_text(ARTICLE, encoding="utf-8")
    (questions / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    path = _bank(questions, source_line)
    errors = _errors(path, questions)
    assert errors and errors[0].startswith("4:9: ") and words in errors[0], errors


def test_a_symlink_leading_out_of_the_questions_folder_is_refused(tmp_path: Path) -> None:
    questions = tmp_path / "questions"
    questions.mkdir()
    (tmp_path / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", questions / "article.txt")
    path = _bank(questions, "file: article.txt")
    assert "leads outside the questions folder" in _errors(path, questions)[0]


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    path = _bank(tmp_path, "file: pipe.txt")
    assert 'source.file "pipe.txt" is not a regular file' in _errors(path, tmp_path)[0]


def test_text_and_file_together_are_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = _bank(tmp_path, "file: a.txt\n  text: The Volga is the longest river in Europe.")
    assert _errors(path, tmp_path) == ["4:9: source names both text and file; give one of them"]


def test_a_bank_in_a_subfolder_reads_its_neighbour_and_the_folder_above_is_still_inside(
    tmp_path: Path,
) -> None:
    (tmp_path / "common-articles").mkdir()
    (tmp_path / "common-articles" / "rivers.txt").write_text(ARTICLE, encoding="utf-8")
    path = _bank(tmp_path, "file: ../common-articles/rivers.txt", "period-3/rivers.yaml")
    result = load_bank(path, "period-3/rivers", questions_dir=tmp_path)
    assert result.errors == ()


def test_the_library_cache_notices_a_changed_article(tmp_path: Path) -> None:
    questions, cache = tmp_path / "questions", tmp_path / "cache"
    (questions / "sources").mkdir(parents=True)
    article = questions / "sources" / "rivers.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    _bank(questions, "file: sources/rivers.txt")
    assert [b.playable for b in scan_library(questions, cache)] == [True]
    assert [b.playable for b in scan_library(questions, cache)] == [True]  # from the cache
    article.write_text("A different article altogether.\n", encoding="utf-8")
    (summary,) = scan_library(questions, cache)
    assert not summary.playable
    assert "quote not found in the source text" in (summary.first_error or "")
