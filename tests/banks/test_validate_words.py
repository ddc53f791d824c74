"""`quiz validate` in a teacher's words (issue 11): text YAML silently cuts or keeps, a missing
quote only where a source is named, and syntax errors said as a cause and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main

BANK = """\
title: Sizes
questions:
  - id: bigger
    type: choice
    prompt: {prompt}
    choices: {choices}
    answer: {answer}
    explanation: Because it is.
"""


def validate(tmp_path: Path, capsys: pytest.CaptureFixture, text: str, *args: str):
    """Write the bank file, run `quiz validate` on it; (exit code, lines with the file as bank.yaml)."""
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    code = main(["validate", *args, str(path)])
    out = capsys.readouterr().out.splitlines()
    return code, [line.replace(str(path), "bank.yaml") for line in out]


def bank(prompt="Which is bigger?", choices="[Oxygen, Nitrogen]", answer="Oxygen") -> str:
    return BANK.format(prompt=prompt, choices=choices, answer=answer)


# -- text that silently changes --------------------------------------------------------------


def test_a_comment_right_after_unquoted_text_is_warned_at_its_place(tmp_path, capsys):
    code, out = validate(tmp_path, capsys, bank(prompt="Which is bigger #1 or #2?"))
    assert code == 0
    assert out == [
        'bank.yaml:5:29: warning: prompt reads "Which is bigger": a space then # starts a '
        'comment, so "#1 or #2?" is dropped; if it belongs to the text, put the whole text '
        "in quotes",
        "1 bank, 1 question, 0 errors, 1 warning",
    ]
    assert validate(tmp_path, capsys, bank(prompt="Which is bigger #1 or #2?"), "--strict")[0] == 1


def test_a_comment_after_a_list_item_names_the_list(tmp_path, capsys):
    text = bank(choices="\n      - Oxygen #tag\n      - Nitrogen")
    code, out = validate(tmp_path, capsys, text)
    assert code == 0
    assert out[0] == (
        'bank.yaml:7:16: warning: an item of choices reads "Oxygen": a space then # starts a '
        'comment, so "#tag" is dropped; if it belongs to the text, put the whole text in quotes'
    )


@pytest.mark.parametrize(
    "prompt",
    [
        "Which is bigger?  # right",  # a deliberate comment
        '"Which is bigger #1 or #2?"',  # quoted: the # is text
        "Which is bigger, C#1 or C#2?",  # no space before the #: text
        "Which is bigger? #",  # nothing after the #
    ],
)
def test_deliberate_comments_and_quoted_hashes_stay_silent(tmp_path, capsys, prompt):
    code, out = validate(tmp_path, capsys, bank(prompt=prompt))
    assert (code, out) == (0, ["1 bank, 1 question, 0 errors, 0 warnings"])


def test_curly_quotes_around_a_value_are_said_with_the_fix(tmp_path, capsys):
    text = bank(choices="[“Oxygen”, Nitrogen]", answer="“Oxygen”")
    code, out = validate(tmp_path, capsys, text)
    assert code == 0
    assert out[0] == (
        'bank.yaml:6:15: warning: the choice "“Oxygen”" stands between curly quotes, which YAML '
        'does not read as quotes: they become part of the text; write straight quotes ("Oxygen") '
        "or none"
    )
    assert out[1].startswith('bank.yaml:7:13: warning: answer "“Oxygen”" stands between curly')
    assert out[-1] == "1 bank, 1 question, 0 errors, 2 warnings"


def test_an_answer_missing_its_curly_quotes_says_why_in_the_did_you_mean(tmp_path, capsys):
    code, out = validate(tmp_path, capsys, bank(choices="[“Oxygen”, Nitrogen]"))
    assert code == 1
    assert out[1] == (
        'bank.yaml:7:13: error: answer "Oxygen" is not one of the choices (did you mean '
        '"“Oxygen”"? It is written between curly quotes, which become part of its text: write '
        'it in straight quotes ("Oxygen") or none)'
    )


def test_curly_quotes_inside_a_text_are_fine(tmp_path, capsys):
    code, out = validate(tmp_path, capsys, bank(prompt="What is the “San Francisco Vision”?"))
    assert (code, out) == (0, ["1 bank, 1 question, 0 errors, 0 warnings"])


# -- a missing quote only where there is a source ---------------------------------------------


def test_no_quote_warning_without_a_source_so_strict_can_pass(tmp_path, capsys):
    code, out = validate(tmp_path, capsys, bank(), "--strict")
    assert (code, out) == (0, ["1 bank, 1 question, 0 errors, 0 warnings"])


def test_no_quote_is_warned_when_the_bank_names_a_source(tmp_path, capsys):
    text = bank().replace("questions:\n", 'source:\n  title: "Gases"\nquestions:\n', 1)
    code, out = validate(tmp_path, capsys, text)
    assert code == 0
    assert out == [
        'bank.yaml:5:5: warning: question "bigger" has no quote',
        "1 bank, 1 question, 0 errors, 1 warning",
    ]
