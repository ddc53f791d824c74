"""Commands that refuse say why on stderr and exit 2 (usage) before any screen opens (issue 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import _play_request, build_parser, main
from game.paths import resolve_paths

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def article_library(isolated_folders):
    """The questions folder holding the article bank (and its article) only."""
    folder = isolated_folders["questions"]
    shutil.copytree(REPO / "questions", folder, dirs_exist_ok=True)
    return folder


@pytest.fixture
def no_game(monkeypatch):
    """Fail the test if the game's screens would open."""

    def refuse(*args, **kwargs):
        raise AssertionError("the game opened")

    monkeypatch.setattr("game.ui.app.create_app", refuse)


def play_refused(capsys, *argv: str) -> str:
    assert main(["play", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


def test_play_an_unknown_bank_names_the_banks_there_are(article_library, no_game, capsys):
    err = play_refused(capsys, "--bank", "nope")
    assert err.startswith("quiz play: there is no bank called nope in ")
    assert err.rstrip().endswith("; the banks there: china-us-detente")


def test_play_an_unknown_bank_lists_broken_banks_apart(article_library, no_game, capsys):
    (article_library / "broken.yaml").write_text("title: Broken\n", encoding="utf-8")
    (article_library / "week-5.yaml").write_text("title: Week 5\n", encoding="utf-8")
    err = play_refused(capsys, "--bank", "nope")
    assert err.rstrip().endswith(
        "; the banks there: china-us-detente (broken, week-5 cannot be played: they have errors)"
    )
    (article_library / "china-us-detente.yaml").unlink()
    err = play_refused(capsys, "--bank", "nope")
    assert err.rstrip().endswith(
        "; no bank there can be played (broken, week-5 cannot be played: they have errors)"
    )


def test_play_a_bank_with_errors_says_its_first_error(article_library, no_game, capsys):
    (article_library / "broken.yaml").write_text("title: Broken\n", encoding="utf-8")
    err = play_refused(capsys, "--bank", "broken")
    assert "the bank broken has an error and cannot be played: " in err
    assert 'the bank has no "questions" key' in err
    assert f"(quiz validate {article_library / 'broken.yaml'} lists every problem)" in err


def test_play_a_broken_bank_under_a_relative_folder_gives_its_full_path(
    article_library, no_game, capsys, monkeypatch
):
    (article_library / "broken.yaml").write_text("title: Broken\n", encoding="utf-8")
    monkeypatch.chdir(article_library.parent)
    err = play_refused(capsys, "--questions", article_library.name, "--bank", "broken")
    assert f"(quiz validate {article_library / 'broken.yaml'} lists every problem)" in err


def test_play_a_code_for_more_questions_than_fit_uses_the_set_up_screens_words(
    article_library, no_game, capsys
):
    from game.banks.library import load_bank_by_id
    from game.core.class_code import parse_code
    from game.core.rounds import class_code_request

    bank = load_bank_by_id(article_library, "china-us-detente").bank
    setup_words = class_code_request(bank, parse_code("5-99"))  # what the set-up screen says
    assert isinstance(setup_words, str) and f"only {len(bank.questions)} here fit" in setup_words
    err = play_refused(capsys, "--bank", "china-us-detente", "--mode", "exam", "--seed", "5-99")
    assert err == f"quiz play: {setup_words} (class code 5-99, bank china-us-detente)\n"


def test_play_a_code_without_a_bank_plays_the_only_bank(article_library):
    args = build_parser().parse_args(["play", "--mode", "exam", "--seed", "154769-8"])
    request = _play_request(args, resolve_paths())
    assert (request.bank_id, request.seed, request.count) == ("china-us-detente", 154769, 8)


def test_play_a_code_without_a_bank_among_several_names_them(article_library, no_game, capsys):
    (article_library / "week-5").mkdir()
    shutil.copy(article_library / "china-us-detente.yaml", article_library / "week-5" / "a.yaml")
    err = play_refused(capsys, "--mode", "exam", "--seed", "154769-8")
    assert err == (
        "quiz play: the class code 154769-8 needs its bank: give --bank, one of "
        "china-us-detente, week-5/a\n"
    )


def test_new_and_import_onto_an_existing_file_both_exit_two(tmp_path, capsys):
    bank = tmp_path / "week-5.yaml"
    bank.write_text("mine\n", encoding="utf-8")
    assert main(["new", str(bank)]) == 2
    assert "already exists" in capsys.readouterr().err
    aiken = tmp_path / "week-5.txt"
    aiken.write_text("What is 2+2?\nA. 3\nB. 4\nANSWER: B\n", encoding="utf-8")
    assert main(["import", str(aiken), str(bank)]) == 2
    assert "exists" in capsys.readouterr().err
    assert bank.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("seed", ["-5", "-5-10", "\N{EN DASH}5"])
def test_play_a_negative_seed_is_refused_in_words(article_library, no_game, capsys, seed):
    with pytest.raises(SystemExit) as exit_info:
        main(["play", "--bank", "china-us-detente", "--mode", "exam", f"--seed={seed}"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.endswith(
        f"quiz play: error: argument --seed: a seed is a whole number, 0 or more, not {seed} "
        "(a class code looks like 482913-10)\n"
    )


def test_play_a_negative_seed_after_a_space_is_refused_too(article_library, no_game, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["play", "--bank", "china-us-detente", "--mode", "exam", "--seed", "-5"])
    assert exit_info.value.code == 2
    assert "argument --seed: a seed is a whole number, 0 or more, not -5" in capsys.readouterr().err


TOPIC_IDS = "fentanyl, diplomacy, framing, security, korea, middle-east, motives, people"


def test_play_an_unknown_topic_names_the_topic_ids(article_library, no_game, capsys):
    err = play_refused(capsys, "--bank", "china-us-detente", "--topic", "details")
    assert err == (
        "quiz play: the bank china-us-detente has no topic with the id details; "
        f"its topic ids: {TOPIC_IDS}\n"
    )


def test_play_a_topics_name_as_topic_says_which_id_to_give(article_library, no_game, capsys):
    err = play_refused(capsys, "--bank", "china-us-detente", "--topic", "meetings and TIMELINE")
    assert err == (
        "quiz play: the bank china-us-detente has no topic with the id meetings and TIMELINE "
        '(the topic "Meetings and timeline" is --topic diplomacy); '
        f"its topic ids: {TOPIC_IDS}\n"
    )


def test_play_a_topic_in_a_bank_without_topics_says_to_leave_it_out(
    article_library, no_game, capsys
):
    (article_library / "plain.yaml").write_text(
        "title: Plain\nquestions:\n  - {id: q1, type: truefalse, prompt: 'Is it?', "
        "answer: true, explanation: It is., quote: q}\n",
        encoding="utf-8",
    )
    err = play_refused(capsys, "--bank", "plain", "--topic", "Details")
    assert err == "quiz play: the bank plain has no topics: leave out --topic\n"
