"""The library scan: bank ids from paths, broken banks listed with their first error, the cache."""

from __future__ import annotations

import json
import os

from game.banks import library
from game.banks.library import load_bank_by_id, scan_library

GOOD = """\
title: "{title}"
topics: {{geo: Geography}}
questions:
  - id: a
    type: truefalse
    topic: geo
    prompt: The Rhine flows into the North Sea.
    answer: true
    explanation: It does.
    quote: It does.
"""


def write(folder, relative, text):
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_scan_lists_every_bank_recursively_with_ids_and_first_errors(tmp_path):
    questions = tmp_path / "questions"
    write(questions, "rivers.yaml", GOOD.format(title="Rivers [of] Europe"))
    write(questions, "period-3/week-5.yml", GOOD.format(title="Week 5"))
    write(questions, "broken.yaml", "title: Broken\nquestions:\n  - id: Bad Id\n")
    write(questions, "notes.txt", "not a bank")
    summaries = scan_library(questions, tmp_path / "cache")
    assert [s.bank_id for s in summaries] == ["broken", "period-3/week-5", "rivers"]
    broken, week, rivers = summaries
    assert rivers.title == "Rivers [of] Europe" and rivers.question_count == 1
    assert rivers.topics == {"geo": "Geography"} and rivers.playable
    assert week.title == "Week 5"
    assert not broken.playable
    assert (
        broken.first_error
        == '3:5: this question has no "type"; say choice, multi, truefalse, short, order or match'
    )
    assert broken.title == "Broken"
    assert broken.question_count == 1


def test_cache_is_used_when_nothing_changed_and_refreshed_when_a_bank_changes(
    tmp_path, monkeypatch
):
    questions = tmp_path / "questions"
    cache = tmp_path / "cache"
    path = write(questions, "rivers.yaml", GOOD.format(title="Rivers"))
    first = scan_library(questions, cache)
    stored = json.loads((cache / "library.json").read_text(encoding="utf-8"))
    assert list(stored["banks"]) == ["rivers.yaml"]

    checked = []
    real_check = library.check_bytes
    monkeypatch.setattr(
        library, "check_bytes", lambda *a, **k: checked.append(a[1]) or real_check(*a, **k)
    )
    assert scan_library(questions, cache) == first
    assert checked == []  # warm start: nothing parsed

    path.write_text(GOOD.format(title="Rivers, edited"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert scan_library(questions, cache)[0].title == "Rivers, edited"
    assert len(checked) == 1


def test_same_size_and_time_but_other_content_is_checked_again(tmp_path):
    questions = tmp_path / "questions"
    cache = tmp_path / "cache"
    path = write(questions, "rivers.yaml", GOOD.format(title="Rivers A"))
    stat = path.stat()
    scan_library(questions, cache)
    path.write_text(GOOD.format(title="Rivers B"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert scan_library(questions, cache)[0].title == "Rivers B"


def _reads(monkeypatch):
    """The bank files the scan reads from now on."""
    read = []
    real = library.read_limited
    monkeypatch.setattr(library, "read_limited", lambda path: read.append(path.name) or real(path))
    return read


def _checked_later(monkeypatch, seconds=10):
    """Checks happen this many seconds after now (past the racy window of a fresh write)."""
    real = library._now_ns
    monkeypatch.setattr(library, "_now_ns", lambda: real() + seconds * 1_000_000_000)


def test_a_warm_scan_reads_no_bank_whose_stamp_is_as_checked(tmp_path, monkeypatch):
    questions = tmp_path / "questions"
    cache = tmp_path / "cache"
    write(questions, "rivers.yaml", GOOD.format(title="Rivers"))
    write(questions, "lakes.yaml", GOOD.format(title="Lakes"))
    _checked_later(monkeypatch)
    first = scan_library(questions, cache)
    read = _reads(monkeypatch)
    assert scan_library(questions, cache) == first
    assert read == []


def test_a_bank_checked_just_after_it_was_written_is_read_again(tmp_path, monkeypatch):
    # a coarse clock could give an edit in the same tick the same stamp: read it once more
    questions = tmp_path / "questions"
    cache = tmp_path / "cache"
    write(questions, "rivers.yaml", GOOD.format(title="Rivers"))
    scan_library(questions, cache)  # checked within the racy window of its write
    read = _reads(monkeypatch)
    scan_library(questions, cache)
    assert read == ["rivers.yaml"]


def test_an_edit_that_restores_size_and_time_is_seen_without_a_hash_check(tmp_path, monkeypatch):
    questions = tmp_path / "questions"
    cache = tmp_path / "cache"
    path = write(questions, "rivers.yaml", GOOD.format(title="Rivers A"))
    _checked_later(monkeypatch)
    scan_library(questions, cache)
    stat = path.stat()
    path.write_text(GOOD.format(title="Rivers B"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the change time moves all the same
    assert path.stat().st_size == stat.st_size
    read = _reads(monkeypatch)
    assert scan_library(questions, cache)[0].title == "Rivers B"
    assert read == ["rivers.yaml"]


def test_a_damaged_cache_is_rebuilt(tmp_path):
    questions = tmp_path / "questions"
    cache = tmp_path / "cache"
    write(questions, "rivers.yaml", GOOD.format(title="Rivers"))
    cache.mkdir()
    (cache / "library.json").write_text('{"checker": 1, "banks": [', encoding="utf-8")
    assert scan_library(questions, cache)[0].title == "Rivers"
    assert json.loads((cache / "library.json").read_text(encoding="utf-8"))["banks"]


def test_an_unwritable_cache_folder_still_lists_banks(tmp_path):
    questions = tmp_path / "questions"
    write(questions, "rivers.yaml", GOOD.format(title="Rivers"))
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    assert scan_library(questions, blocker / "cache")[0].title == "Rivers"


def test_load_bank_by_id(tmp_path):
    questions = tmp_path / "questions"
    write(questions, "period-3/week-5.yml", GOOD.format(title="Week 5"))
    result = load_bank_by_id(questions, "period-3/week-5")
    assert result.bank.bank_id == "period-3/week-5"
    assert result.bank.title == "Week 5"
    assert load_bank_by_id(questions, "missing") is None
    assert load_bank_by_id(questions, "../questions/period-3/week-5") is None
