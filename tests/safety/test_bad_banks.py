"""Bad banks never take the game down: numbers too long to convert, things that are not regular
files, and banks too big to load quickly are reported errors; the other banks still play."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from shell_kit import make_app, rivers_bank, run_with_pilot, screen_text, write_bank

from game.banks.library import scan_library
from game.banks.loader import MAX_QUESTIONS, MAX_VALUES, load_bank
from game.cli import main


def _question(number: int) -> str:
    return (
        f"  - id: q{number}\n"
        "    type: truefalse\n"
        f"    prompt: Statement {number}\n"
        "    answer: true\n"
        "    explanation: Because.\n"
    )


def _bank(count: int, **top: str) -> str:
    head = "".join(f"{key}: {value}\n" for key, value in top.items())
    return f"format: 1\ntitle: Big\n{head}questions:\n" + "".join(
        _question(n) for n in range(count)
    )


@pytest.mark.parametrize(
    ("key", "line", "column"),
    [("format", 1, 9), ("time_limit", 3, 13), ("difficulty", 10, 17)],
)
def test_an_integer_of_thousands_of_digits_is_a_reported_error(tmp_path, capsys, key, line, column):
    huge = "9" * 5000
    text = _bank(1, time_limit="30")
    if key == "format":
        text = text.replace("format: 1", f"format: {huge}")
    elif key == "time_limit":
        text = text.replace("time_limit: 30", f"time_limit: {huge}")
    else:
        text += f"    difficulty: {huge}\n"
    path = tmp_path / "big.yaml"
    path.write_text(text)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"big.yaml:{line}:{column}: error: {key} should be a whole number from 1 to" in out
    assert "found a number 5,000 digits long" in out


def test_a_bank_with_a_huge_integer_does_not_stop_the_game(isolated_folders):
    write_bank(isolated_folders["questions"], "rivers", rivers_bank())
    (isolated_folders["questions"] / "huge.yaml").write_text(
        _bank(2).replace("format: 1", "format: " + "1" * 5000)
    )
    app = make_app(isolated_folders, player="Ada")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.pause()
        text = screen_text(app)
        assert "(cannot be played)" in text and "Rivers of Europe" in text
        await pilot.press("r")  # reading the banks again survives it too
        await pilot.pause()
        assert app.is_running

    run_with_pilot(app, scenario)


@pytest.fixture
def odd_files(isolated_folders):
    questions = isolated_folders["questions"]
    write_bank(questions, "rivers", rivers_bank())
    os.mkfifo(questions / "pipe.yaml")
    (questions / "zero.yaml").symlink_to("/dev/zero")
    (questions / "folder.yaml").mkdir()
    return questions


def test_what_is_not_a_regular_file_is_reported_and_never_read(odd_files, capsys):
    started = time.monotonic()
    assert main(["validate", str(odd_files)]) == 1
    assert time.monotonic() - started < 30  # a FIFO read would wait for ever, /dev/zero never end
    out = capsys.readouterr().out
    assert "folder.yaml:1:1: error: not a regular file but a folder" in out
    assert "pipe.yaml:1:1: error: not a regular file but a named pipe (FIFO)" in out
    assert "zero.yaml:1:1: error: not a regular file but a device" in out
    assert out.endswith("4 banks, 12 questions, 3 errors, 0 warnings\n")
    assert main(["validate", str(odd_files / "pipe.yaml")]) == 1
    assert "not a regular file" in capsys.readouterr().out


def test_home_lists_what_is_not_a_regular_file_as_broken(odd_files, isolated_folders):
    banks = {bank.bank_id: bank for bank in scan_library(odd_files, isolated_folders["saves"])}
    assert banks["rivers"].playable
    for bank_id in ("pipe", "zero", "folder"):
        assert not banks[bank_id].playable
        assert "not a regular file" in (banks[bank_id].first_error or "")
    app = make_app(isolated_folders, player="Ada")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.pause()
        text = screen_text(app)
        assert text.count("(cannot be played)") == 3
        assert "pipe.yaml:1:1: not a regular file but a named pipe" in text

    run_with_pilot(app, scenario, size=(120, 40))


def test_a_bank_past_the_question_limit_is_refused_at_the_first_question_too_many(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text(_bank(MAX_QUESTIONS))
    result = load_bank(path, "big")
    assert result.errors == () and result.bank is not None
    assert len(result.bank.questions) == MAX_QUESTIONS
    path.write_text(_bank(MAX_QUESTIONS + 1))
    (error,) = load_bank(path, "big").errors
    assert (error.line, error.column) == (4 + 5 * MAX_QUESTIONS, 5)
    assert error.message.startswith(f"a bank holds at most {MAX_QUESTIONS:,} questions")


def test_a_huge_bank_is_refused_quickly_and_without_building_it(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text(_bank(40_000))  # about 4 MB
    started = time.process_time()
    (error,) = load_bank(path, "huge").errors
    refused_in = time.process_time() - started
    assert "at most 1,000 questions" in error.message
    path.write_text(_bank(MAX_QUESTIONS))
    started = time.process_time()
    assert load_bank(path, "huge").errors == ()
    loaded_in = time.process_time() - started
    assert refused_in < loaded_in * 2  # stops at question 1,001, whatever follows


def test_a_few_questions_with_endless_lists_are_refused(tmp_path):
    items = "".join(f"      - item {n}\n" for n in range(MAX_VALUES + 10))
    path = tmp_path / "lists.yaml"
    path.write_text(_bank(1).replace("    answer: true\n", "    answer: true\n    x:\n" + items))
    (error,) = load_bank(path, "lists").errors
    assert error.message.startswith(f"the file holds more than {MAX_VALUES:,} values")


def test_a_file_of_more_values_than_bytes_is_refused_before_it_is_built(tmp_path):
    # "{a,a,...}": a key and its empty value for every two bytes; under 200 KB, this once
    # passed for a file too small to hold too many values, and was built
    values = ",".join(["a"] * (MAX_VALUES // 2 + 10))
    path = tmp_path / "dense.yaml"
    path.write_text(
        _bank(1).replace("    answer: true\n", "    answer: true\n    x: {" + values + "}\n")
    )
    assert path.stat().st_size < 2 * MAX_VALUES
    (error,) = load_bank(path, "dense").errors
    assert error.message.startswith(f"the file holds more than {MAX_VALUES:,} values")


def test_a_small_file_of_many_tiny_questions_is_refused_too(tmp_path):
    path = tmp_path / "tiny.yaml"
    path.write_text("format: 1\ntitle: t\nquestions: [" + ", ".join(["{}"] * 1001) + "]\n")
    (error,) = load_bank(path, "tiny").errors
    assert (error.line, error.column) == (3, 13 + 4 * 1000)
    assert "this is question 1,001" in error.message
