"""No control code from a save file reaches the terminal through `quiz history`, `quiz export`
or `quiz report`; JSON keeps them as escapes a reader turns back into the same text."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hostile_save import (
    HOSTILE_EXPECTED,
    HOSTILE_GIVEN,
    HOSTILE_NAME,
    HOSTILE_PROMPT,
    HOSTILE_TITLE,
    RAW_CONTROLS,
    write_hostile_save,
)

from game.cli import main
from game.core.safe_text import one_line, several_lines, visible


def test_visible_writes_every_control_out_and_keeps_what_the_place_allows():
    assert visible("a\x1b[2Jb\x07\x9b\x7f") == "a\\x1b[2Jb\\x07\\x9b\\x7f"
    assert visible("tab\tline\nend\r", keep="\n\t") == "tab\tline\nend\\x0d"
    assert visible("\x1b\x85", form="\\u{:04x}") == "\\u001b\\u0085"
    assert one_line("two\nlines\tand\x1b") == "two lines and\\x1b"
    assert several_lines("two\nlines\x00") == "two\nlines\\x00"
    assert visible("Ünïcödé 北京 [red]") == "Ünïcödé 北京 [red]"


def _no_raw_controls(text: str, allowed: str = "\n") -> None:
    found = [ch for ch in text if ch in RAW_CONTROLS or (ord(ch) < 32 and ch not in allowed)]
    assert found == [], f"raw controls {found!r} in {text!r}"


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_history_prints_no_control_code(isolated_folders, capsys, fmt):
    write_hostile_save(isolated_folders["saves"])
    assert main(["history", "--format", fmt]) == 0
    out = capsys.readouterr().out
    _no_raw_controls(out, allowed="\n\r")
    if fmt == "json":
        (row,) = json.loads(out)
        assert row["player"] == HOSTILE_NAME  # escaped as \u001b: the reader gets it back
        assert row["bank_title"] == HOSTILE_TITLE
        assert "\\u001b]52;c;UE9JU09O\\u0007\\u009b31m" in out
    elif fmt == "csv":
        (row,) = csv.DictReader(io.StringIO(out))
        assert row["player"] == "Eve\\x1b]52;c;UE9JU09O\\x07\\x9b31m"
    else:
        assert "  Eve\\x1b]…  Rivers\\x1b…  quick" in out


def test_export_csv_and_json_print_no_control_code(isolated_folders, capsys):
    write_hostile_save(isolated_folders["saves"])
    assert main(["export", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    _no_raw_controls(out, allowed="\n\r\t")
    (row,) = csv.DictReader(io.StringIO(out))
    # newlines and tabs are allowed inside a quoted CSV cell; everything else is written out
    assert row["prompt"] == "Which river?\\x1b]52;c;UE9JU09O\\x07\nSecond line\tend"
    assert row["given"] == "Rhine\\x9b31m\\x1b]0;PWNED\\x07"

    assert main(["export", "--format", "json"]) == 0
    out = capsys.readouterr().out
    _no_raw_controls(out)
    (record,) = json.loads(out)
    assert (record["player"], record["prompt"]) == (HOSTILE_NAME, HOSTILE_PROMPT)
    assert (record["given"], record["expected"]) == (HOSTILE_GIVEN, HOSTILE_EXPECTED)


def test_export_out_file_holds_no_control_code(isolated_folders, tmp_path):
    write_hostile_save(isolated_folders["saves"])
    out = tmp_path / "grades.csv"
    assert main(["export", "--format", "csv", "--out", str(out)]) == 0
    _no_raw_controls(out.read_text(encoding="utf-8-sig"), allowed="\n\r\t")


def test_report_prints_no_control_code(isolated_folders, capsys):
    write_hostile_save(isolated_folders["saves"])
    for fmt in ("table", "csv", "markdown"):
        main(["report", "--format", fmt, str(isolated_folders["saves"])])
        captured = capsys.readouterr()
        _no_raw_controls(captured.out + captured.err, allowed="\n\r\t")
        assert "52;c;UE9JU09O" in captured.out
        if fmt != "markdown":  # markdown escapes the backslash itself
            assert "\\x1b]52;c;UE9JU09O" in captured.out
