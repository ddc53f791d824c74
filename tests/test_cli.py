"""The `quiz` command line: help, version, bad usage, `quiz new`, and where folders are."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game import __version__
from game.cli import main
from game.paths import checkout_root, resolve_paths

SUBCOMMANDS = ("play", "validate", "new", "history", "export", "import", "report")


def test_help_lists_every_subcommand_with_a_help_line(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for name in SUBCOMMANDS:
        line = next(line for line in out.splitlines() if line.strip().startswith(name + " "))
        assert len(line.split()) > 2, line


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_each_subcommand_has_its_own_help(capsys, name):
    with pytest.raises(SystemExit) as exit_info:
        main([name, "--help"])
    assert exit_info.value.code == 0
    assert f"usage: quiz {name}" in capsys.readouterr().out


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"quiz {__version__}"


def test_bad_usage_exits_two_on_stderr(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["play", "--mode", "sideways"])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "invalid choice: 'sideways'" in captured.err


def test_python_dash_m_game_is_the_same_command():
    out = subprocess.run(
        [sys.executable, "-m", "game", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"quiz {__version__}"


def test_validate_and_help_never_load_textual():
    code = (
        "import sys; from game.cli import main\n"
        "try:\n    main(['validate', '--help'])\nexcept SystemExit:\n    pass\n"
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_new_writes_a_template_that_validates_strictly(tmp_path, capsys):
    path = tmp_path / "period-3" / "week-5.yaml"
    path.parent.mkdir()
    assert main(["new", str(path), "--title", 'Week 5: "Rivers" [draft]']) == 0
    capsys.readouterr()
    text = path.read_text(encoding="utf-8")
    for kind in ("choice", "multi", "truefalse", "short", "order", "match"):
        assert f"type: {kind}" in text
    assert main(["validate", "--strict", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 bank, 6 questions, 0 errors, 0 warnings"
    from game.banks.loader import load_bank

    assert load_bank(path).bank.title == 'Week 5: "Rivers" [draft]'


def test_new_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "bank.yaml"
    path.write_text("mine", encoding="utf-8")
    assert main(["new", str(path)]) == 2  # usage, as quiz import onto an existing file
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "mine"


def test_new_refuses_a_missing_folder_as_import_does(tmp_path, capsys):
    path = tmp_path / "nowhere" / "week-5.yaml"
    assert main(["new", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"quiz new: no such folder for {path}: {path.parent}\n"
    assert captured.out == ""
    assert not path.parent.exists()  # no folder made


def test_validate_says_in_plain_words_why_the_source_text_cannot_be_read(tmp_path, capsys):
    bank = tmp_path / "bank.yaml"
    assert main(["new", str(bank)]) == 0
    capsys.readouterr()
    missing = tmp_path / "nope.txt"
    assert main(["validate", "--source-text", str(missing), str(bank)]) == 2
    assert capsys.readouterr().err == (
        f"quiz validate: cannot read the source text {missing}: no such file\n"
    )
    latin = tmp_path / "latin-1.txt"
    latin.write_bytes("Détente".encode("latin-1"))
    assert main(["validate", "--source-text", str(latin), str(bank)]) == 2
    assert capsys.readouterr().err == (
        f"quiz validate: cannot read the source text {latin}: not UTF-8 text (save it as UTF-8)\n"
    )


def test_export_refuses_a_missing_folder_as_new_and_import_do(tmp_path, capsys):
    out = tmp_path / "nowhere" / "answers.csv"
    assert main(["export", "--format", "csv", "--out", str(out)]) == 2
    assert capsys.readouterr().err == f"quiz export: no such folder for {out}: {out.parent}\n"
    paper = tmp_path / "nowhere" / "paper.md"
    bank = tmp_path / "bank.yaml"
    assert main(["new", str(bank)]) == 0
    capsys.readouterr()
    assert main(["export-bank", str(bank), "--format", "markdown", "--out", str(paper)]) == 2
    assert capsys.readouterr().err == (
        f"quiz export-bank: no such folder for {paper}: {paper.parent}\n"
    )
    assert not out.parent.exists()


def test_folders_flag_then_environment_then_checkout(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZ_QUESTIONS", str(tmp_path / "env-q"))
    monkeypatch.setenv("QUIZ_SAVES", str(tmp_path / "env-s"))
    assert resolve_paths().questions_dir == tmp_path / "env-q"
    assert resolve_paths(tmp_path / "flag-q", tmp_path / "flag-s").saves_dir == tmp_path / "flag-s"
    monkeypatch.delenv("QUIZ_QUESTIONS")
    monkeypatch.delenv("QUIZ_SAVES")
    root = checkout_root()
    assert root is not None and (root / "pyproject.toml").is_file()
    monkeypatch.chdir(tmp_path)  # wherever quiz is started from
    paths = resolve_paths()
    assert paths.questions_dir == root / "questions"
    assert paths.saves_dir == root / "saves"


def test_validate_with_no_path_uses_the_questions_flag(tmp_path, capsys):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "one.yaml").write_text("title: x\nquestions: []\n", encoding="utf-8")
    assert main(["validate", "--questions", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(
        "one.yaml:2:12: error: questions is an empty list; a bank needs at least one question"
    )
    assert Path(out[0].split(":")[0]).name == "one.yaml"


def _bank_with_topics(folder: Path) -> None:
    lines = ["title: Rivers", "topics: {geo: Geography, hist: History}", "questions:"]
    for n in range(6):
        lines += [
            f"  - {{id: q{n}, type: truefalse, topic: {'geo' if n % 2 else 'hist'}, prompt: 'Is {n} even?',"
            f" answer: {str(n % 2 == 0).lower()}, explanation: It is what it is., quote: q}}"
        ]
    (folder / "rivers.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_play_takes_the_whole_class_code_as_its_seed(isolated_folders):
    from game.cli import _play_request, build_parser

    _bank_with_topics(isolated_folders["questions"])
    paths = resolve_paths()
    args = build_parser().parse_args(
        ["play", "--bank", "rivers", "--mode", "exam", "--seed", "482913-3-t2"]
    )
    request = _play_request(args, paths)
    assert (request.seed, request.count, request.topic, request.difficulty) == (
        482913,
        3,
        "hist",
        None,
    )
    plain = _play_request(
        build_parser().parse_args(["play", "--bank", "rivers", "--seed", "77"]), paths
    )
    assert (plain.seed, plain.count, plain.topic) == (77, 10, None)


def test_play_refuses_options_that_contradict_the_class_code(isolated_folders, capsys):
    _bank_with_topics(isolated_folders["questions"])
    assert (
        main(["play", "--bank", "rivers", "--mode", "exam", "--seed", "482913-3", "--count", "5"])
        == 2
    )
    assert "the class code 482913-3 is for 3 questions, not 5" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["play", "--seed", "48x"])
    assert exit_info.value.code == 2
    assert "a class code looks like 482913-10" in capsys.readouterr().err
