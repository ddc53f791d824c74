"""`quiz validate` in a teacher's words (issue 11): text YAML silently cuts or keeps, a missing
quote only where a source is named, and syntax errors said as a cause and a fix."""

from __future__ import annotations

import shutil
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


# -- YAML syntax errors, each made once in a copy of the real article bank --------------------

REPO = Path(__file__).resolve().parents[2]
ARTICLE_BANK = "china-us-detente.yaml"


def broken_copy(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the article bank (with its article) with the first `old` written as `new`;
    returns the file and the 1-based line where the change starts."""
    folder = tmp_path / "questions"
    shutil.copytree(REPO / "questions", folder)
    path = folder / ARTICLE_BANK
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return path, text.count("\n", 0, at) + 1


def first_error(path: Path, capsys: pytest.CaptureFixture) -> str:
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    return out[0].replace(str(path), "bank.yaml")


def test_the_real_bank_validates_before_it_is_broken(tmp_path, capsys):
    path, _ = broken_copy(tmp_path, "format: 1", "format: 1")
    assert main(["validate", "--strict", str(path)]) == 0


def test_a_tab_in_the_indentation(tmp_path, capsys):
    path, line = broken_copy(tmp_path, "    topic: framing\n", "\ttopic: framing\n")
    assert first_error(path, capsys) == (
        f"bank.yaml:{line}:1: error: a tab character in the indentation: indent with spaces, "
        "not tabs (the YAML parser says: while scanning a plain scalar found a tab character "
        "that violates indentation)"
    )


def test_a_colon_and_space_inside_unquoted_text(tmp_path, capsys):
    quoted = 'description: "Questions on a news article about the thaw between China and the United States: the'
    plain = quoted.replace('"', "")
    path, line = broken_copy(tmp_path, quoted, plain)
    column = plain.index(": the") + 1
    assert first_error(path, capsys) == (
        f'bank.yaml:{line}:{column}: error: this text holds ": " (a colon and a space), which '
        "YAML reads as the start of a new key: put the whole text in quotes (the YAML parser "
        "says: mapping values are not allowed in this context)"
    )


@pytest.mark.parametrize(("indent", "spaces"), [("      ", "6 spaces"), ("   ", "3 spaces")])
def test_a_key_indented_more_or_less_than_the_key_above(tmp_path, capsys, indent, spaces):
    path, line = broken_copy(tmp_path, "    difficulty: 2\n", f"{indent}difficulty: 2\n")
    message = first_error(path, capsys)
    assert message.startswith(
        f'bank.yaml:{line}:{len(indent) + 1}: error: the key "difficulty" is indented {spaces}, '
        f'but the key above it ("topic", line {line - 1}) is indented 4 spaces: indent it by 4 '
        "spaces to put it with that key (the YAML parser says: "
    ), message


def test_an_unclosed_bracket_is_reported_where_it_was_opened(tmp_path, capsys):
    opened = 'choices: ["The fate of Taiwan", "How to define the relationship", "Curbing the flow of fentanyl", "The future of trade between them"]'
    path, line = broken_copy(tmp_path, opened, opened[:-1])
    assert first_error(path, capsys) == (
        f'bank.yaml:{line}:14: error: the list opened here with "[" is never closed: close it '
        'with "]"; put in quotes any text in it that holds a comma, a bracket or a brace (the '
        "YAML parser says: while parsing a flow sequence did not find expected ',' or ']')"
    )


def test_an_unclosed_quote_is_reported_where_it_was_opened(tmp_path, capsys):
    prompt = 'is likely."\n'
    path, _ = broken_copy(tmp_path, prompt, "is likely.\n")
    text = path.read_text(encoding="utf-8")
    line = text[: text.index('prompt: "The article')].count("\n") + 1
    # The parser stops two lines on, where the explanation's own quote mark closes this one.
    assert first_error(path, capsys) == (
        f'bank.yaml:{line}:13: error: the text opened here with " is not closed on its line: '
        f'YAML reads on to the next ", on line {line + 2}; end the text with " here (the YAML '
        "parser says: while parsing a block mapping did not find expected key)"
    )


def test_a_quote_left_open_at_the_end_of_the_bank(tmp_path, capsys):
    path = tmp_path / "questions" / ARTICLE_BANK
    broken_copy(tmp_path, "format: 1", "format: 1")
    text = path.read_text(encoding="utf-8").rstrip("\n")
    last = text.rindex("\n") + 1
    key, value = text[last:].split(": ", 1)
    path.write_text(text[:last] + f'{key}: "{value.strip(chr(34))}\n', encoding="utf-8")
    line = text.count("\n") + 1
    assert first_error(path, capsys) == (
        f'bank.yaml:{line}:{len(key) + 3}: error: the text opened here with " is never closed: '
        'end it with " (a " inside it is written \\") (the YAML parser says: while scanning a '
        "quoted scalar found unexpected end of stream)"
    )


def test_a_key_indented_deeper_after_quoted_text(tmp_path, capsys):
    # After a quoted value the parser says only "did not find expected key": still say which
    # key, and the indentation of the key above it.
    old = '    answers: ["Bangkok", "Bangkok, Thailand", "Bangkok Thailand"]\n    explanation:'
    path, line = broken_copy(tmp_path, old, old.replace("    explanation:", "      explanation:"))
    assert first_error(path, capsys) == (
        f'bank.yaml:{line + 1}:7: error: the key "explanation" is indented 6 spaces, but the key '
        f'above it ("answers", line {line}) is indented 4 spaces: indent it by 4 spaces to put it '
        "with that key (the YAML parser says: while parsing a block mapping did not find "
        "expected key)"
    )


def test_a_list_item_indented_less_than_the_item_above(tmp_path, capsys):
    old = '      - "Beijing wants a managed competition'
    path, line = broken_copy(tmp_path, old, old[1:])
    assert first_error(path, capsys) == (
        f"bank.yaml:{line}:6: error: this list item is indented 5 spaces, but the item above it "
        f"(line {line - 1}) is indented 6 spaces: indent it by 6 spaces to put it in that list "
        "(the YAML parser says: while parsing a block mapping did not find expected key)"
    )


TWO_QUESTIONS = """\
title: Rivers
questions:
  - id: a
    type: truefalse
    prompt: Is the Volga long?
    answer: true
    explanation: It runs 3,530 km.
{dash}- id: b
    type: truefalse
    prompt: Is the Rhine long?
    answer: true
    explanation: It runs 1,230 km.
"""


@pytest.mark.parametrize(
    ("dash", "parser_says"),
    [
        (5, "mapping values are not allowed in this context"),
        (3, "while parsing a block collection did not find expected '-' indicator"),
        (1, "while parsing a block mapping did not find expected key"),
    ],
)
def test_a_question_indented_unlike_the_question_above(tmp_path, capsys, dash, parser_says):
    # The line above the misplaced "- id: b" is a key ("explanation", line 7): the message is
    # about the list item, the question on line 3, not about that key.
    text = TWO_QUESTIONS.format(dash=" " * dash)
    code, out = validate(tmp_path, capsys, text)
    assert code == 1
    assert out == [
        f"bank.yaml:8:{dash + 1}: error: this list item is indented {dash} "
        f"space{'s' if dash != 1 else ''}, but the item above it (line 3) is indented 2 spaces: "
        f"indent it by 2 spaces to put it in that list (the YAML parser says: {parser_says})",
        "1 bank, 0 questions, 1 error, 0 warnings",
    ]


def test_a_list_item_after_the_keys_of_an_inner_list(tmp_path, capsys):
    # The choices list above is closed by "explanation": the item belongs with the questions.
    text = (
        "title: Rivers\n"
        "questions:\n"
        "- id: a\n"  # 3
        "  type: choice\n"
        "  prompt: Which is longest?\n"
        "  choices:\n"
        "    - Volga\n"
        "    - Rhine\n"
        "  answer: Volga\n"
        "  explanation: It runs 3,530 km.\n"  # 10
        "   - id: b\n"  # 11
        "  type: truefalse\n"
    )
    code, out = validate(tmp_path, capsys, text)
    assert code == 1
    assert out[0].startswith(
        "bank.yaml:11:4: error: this list item is indented 3 spaces, but the item above it "
        "(line 3) is indented 0 spaces: start it at the beginning of the line to put it in that "
        "list (the YAML parser says: "
    ), out
