"""`quiz validate`: one test per error and warning kind of the bank format, at its exact position."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.cli import main
from game.core.figures import plural

HEAD = """\
format: 1
title: Rivers
topics:
  geo: Geography
questions:
"""
# HEAD is 5 lines; the first question starts on line 6 with "  - id:" (the mapping at column 5).


def run_validate(
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
    text: str | bytes,
    *args: str,
    name: str = "bank.yaml",
):
    """Write a bank, run `quiz validate` on it from tmp_path, return (exit code, output lines)."""
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    code = main(["validate", *args, str(path)])
    out = capsys.readouterr().out.splitlines()
    return code, [line.replace(str(path), name) for line in out]


def question(body: str) -> str:
    """A bank holding one question whose lines (without the leading dash) are given."""
    lines = textwrap.dedent(body).strip("\n").splitlines()
    first, rest = lines[0], lines[1:]
    return HEAD + f"  - {first}\n" + "".join(f"    {line}\n" for line in rest)


GOOD_CHOICE = """\
id: longest
type: choice
topic: geo
prompt: Which is the longest river in Europe?
choices: [Danube, Volga, Rhine]
answer: Volga
explanation: The Volga is longer.
quote: The Volga is the longest river in Europe.
"""


def test_a_good_bank_has_no_problems(tmp_path, capsys):
    code, out = run_validate(tmp_path, capsys, question(GOOD_CHOICE))
    assert code == 0
    assert out == ["1 bank, 1 question, 0 errors, 0 warnings"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            HEAD + "  - id: x\n    type: choice\n   bad: [\n",
            'bank.yaml:8:4: error: the key "bad" is indented 3 spaces, but the key above it',
            id="yaml-syntax",
        ),
        pytest.param("", "bank.yaml:1:1: error: the file is empty", id="empty-file"),
        pytest.param(
            "# only a comment\n", "bank.yaml:1:1: error: the file holds no bank", id="only-comments"
        ),
        pytest.param(
            "- a\n- b\n",
            "bank.yaml:1:1: error: the top level should be a mapping of keys",
            id="top-not-mapping",
        ),
        pytest.param(
            HEAD.replace("title: Rivers\n", "title: Rivers\ntitel: Rivers\n")
            + question(GOOD_CHOICE)[len(HEAD) :],
            'bank.yaml:3:1: error: unknown key "titel" in the bank (did you mean "title"?)',
            id="unknown-top-key",
        ),
        pytest.param(
            question(GOOD_CHOICE.replace("explanation:", "explaination:")),
            'bank.yaml:12:5: error: unknown key "explaination" in a question (did you mean "explanation"?)',
            id="unknown-question-key",
        ),
        pytest.param(
            question(GOOD_CHOICE + "prompt: Again?\n"),
            'bank.yaml:14:5: error: duplicate key "prompt" in a question (first given on line 9)',
            id="duplicate-key",
        ),
        pytest.param(
            HEAD.replace("title: Rivers\n", "") + question(GOOD_CHOICE)[len(HEAD) :],
            'bank.yaml:1:1: error: the bank has no "title"; it is required',
            id="missing-title",
        ),
        pytest.param(
            question(GOOD_CHOICE.replace("answer: Volga\n", "")),
            'bank.yaml:6:5: error: question "longest" has no "answer"; a choice question needs the text of the right choice',
            id="missing-answer",
        ),
        pytest.param(
            question(GOOD_CHOICE + "difficulty: hard\n"),
            'bank.yaml:14:17: error: difficulty should be a whole number from 1 to 3, found "hard"',
            id="wrong-type-difficulty",
        ),
        pytest.param(
            question(
                GOOD_CHOICE.replace(
                    "prompt: Which is the longest river in Europe?", "prompt: [a, b]"
                )
            ),
            "bank.yaml:9:13: error: prompt should be text, found a list",
            id="wrong-type-prompt",
        ),
        pytest.param(
            question(GOOD_CHOICE.replace("type: choice", "type: multiple")),
            'bank.yaml:7:11: error: unknown question type "multiple"; expected one of choice, multi, truefalse, short, order, match (did you mean "multi"?)',
            id="unknown-type",
        ),
        pytest.param(
            question(GOOD_CHOICE.replace("id: longest", "id: Longest River")),
            'bank.yaml:6:9: error: id "Longest River" is not a valid id',
            id="bad-id",
        ),
        pytest.param(
            question(
                GOOD_CHOICE.replace(
                    "choices: [Danube, Volga, Rhine]", "choices: [Danube, Volga, Danube]"
                )
            ),
            'bank.yaml:10:30: error: duplicate choice "Danube" (first on line 10)',
            id="duplicate-choice",
        ),
        pytest.param(
            question(GOOD_CHOICE.replace("answer: Volga", "answer: Berlin")),
            'bank.yaml:11:13: error: answer "Berlin" is not one of the choices',
            id="answer-not-a-choice",
        ),
        pytest.param(
            question(GOOD_CHOICE.replace("choices: [Danube, Volga, Rhine]", "choices: [Volga]")),
            "bank.yaml:10:14: error: a choice question needs 2 to 8 choices, found 1",
            id="count-out-of-range",
        ),
        pytest.param(
            question(GOOD_CHOICE.replace("topic: geo", "topic: history")),
            'bank.yaml:8:12: error: topic "history" is not one of the bank\'s topics (geo)',
            id="topic-not-declared",
        ),
        pytest.param(
            question(
                GOOD_CHOICE.replace("prompt: Which", 'prompt: "\\e[2J Which').replace(
                    "Europe?", 'Europe?"'
                )
            ),
            "bank.yaml:9:13: error: prompt holds the control character U+001B",
            id="control-character",
        ),
        pytest.param(
            question(
                GOOD_CHOICE.replace(
                    "answer: Volga", "answer: !!python/object/apply:os.system [echo]"
                )
            ),
            'bank.yaml:11:13: error: YAML tags such as "!!python/object/apply:os.system" are not allowed',
            id="tag",
        ),
        pytest.param(
            question(GOOD_CHOICE.replace("answer: Volga", "answer: &v Volga")),
            'bank.yaml:11:13: error: the anchor "&v" is not allowed',
            id="anchor",
        ),
        pytest.param(
            question(
                GOOD_CHOICE.replace(
                    "choices: [Danube, Volga, Rhine]", "choices: [Danube, &v Volga, Rhine]"
                ).replace("answer: Volga", "answer: *v")
            ),
            'bank.yaml:11:13: error: the alias "*v" is not allowed',
            id="alias",
        ),
        pytest.param(
            question(GOOD_CHOICE) + "---\ntitle: second\n",
            "bank.yaml:14:1: error: a bank holds one YAML document, but a second one starts here",
            id="second-document",
        ),
        pytest.param(
            question(GOOD_CHOICE + "hint: " + "[" * 40 + "]" * 40 + "\n"),
            "bank.yaml:14:11: error: hint should be text, found a list",
            id="nesting-wrong-type",
        ),
        pytest.param(
            question(GOOD_CHOICE + "hint: " + "[" * 40 + "]" * 40 + "\n"),
            "bank.yaml:14:",
            id="nesting",
        ),
        pytest.param(
            HEAD.replace("format: 1", "format: 2") + question(GOOD_CHOICE)[len(HEAD) :],
            "bank.yaml:1:9: error: format 2 is not supported: this game reads format 1",
            id="format-version",
        ),
        pytest.param(
            question(
                GOOD_CHOICE.replace("type: choice", "type: short").replace(
                    "answer: Volga", "answers: [Volga]"
                )
            ),
            'bank.yaml:10:5: error: "choices" does not belong to a short question (it is for choice and multi questions)',
            id="key-of-another-type",
        ),
        pytest.param(
            question(
                GOOD_CHOICE.replace("type: choice", "type: truefalse")
                .replace("choices: [Danube, Volga, Rhine]\n", "")
                .replace("answer: Volga", "answer: maybe")
            ),
            'bank.yaml:10:13: error: a truefalse answer should be true or false, found "maybe"',
            id="truefalse-answer",
        ),
        pytest.param(
            HEAD.replace("topics:", "source:\n  published: March 2024\ntopics:")
            + question(GOOD_CHOICE)[len(HEAD) :],
            'bank.yaml:4:14: error: published should be a date written YYYY-MM-DD, found "March 2024"',
            id="bad-date",
        ),
        pytest.param(
            HEAD.replace("topics:", "source:\n  text: The Volga is long.\ntopics:")
            + question(GOOD_CHOICE)[len(HEAD) :],
            'bank.yaml:15:12: error: quote not found in the source text: "The Volga is the longest river in Europe."',
            id="quote-not-in-source",
        ),
        pytest.param(
            question(GOOD_CHOICE)
            + "  - id: longest\n    type: truefalse\n    prompt: Is it?\n    answer: yes\n    explanation: It is.\n    quote: q\n",
            'bank.yaml:14:9: error: duplicate id "longest" (first used on line 6)',
            id="duplicate-id",
        ),
        pytest.param(
            question(
                "id: cities\ntype: match\nprompt: Match them.\npairs:\n  - [Paris, Seine]\n  - [Lyon, Seine]\nexplanation: x\nquote: y\n"
            ),
            'bank.yaml:11:16: error: duplicate right side "Seine" (first on line 10)',
            id="duplicate-pair-side",
        ),
        pytest.param(
            question(
                "id: steps\ntype: order\nprompt: Order them.\nitems: [One, Two, One]\nexplanation: x\nquote: y\n"
            ),
            'bank.yaml:9:23: error: duplicate item "One" (first on line 9)',
            id="duplicate-item",
        ),
        pytest.param(
            question(
                "id: cities\ntype: match\nprompt: Match them.\npairs:\n  - [Paris, Seine, x]\n  - [Lyon, Rhone]\nexplanation: x\nquote: y\n"
            ),
            "bank.yaml:10:9: error: each pair should be a two-item list [left, right], found 3 items",
            id="pair-shape",
        ),
    ],
)
def test_each_error_kind_is_reported_at_its_place(tmp_path, capsys, text, expected):
    code, out = run_validate(tmp_path, capsys, text)
    assert code == 1, out
    assert any(line.startswith(expected) for line in out), "\n".join(out)
    assert out[-1].endswith("warnings") and " 0 errors" not in out[-1]


def test_nesting_too_deep_is_its_own_error(tmp_path, capsys):
    code, out = run_validate(
        tmp_path, capsys, question(GOOD_CHOICE + "hint: " + "[" * 40 + "]" * 40 + "\n")
    )
    assert code == 1
    assert any("nested more than 32 levels deep" in line for line in out), out


def test_nesting_beyond_the_parser_limit_is_reported(tmp_path, capsys):
    code, out = run_validate(tmp_path, capsys, "title: " + "[" * 5000 + "]" * 5000 + "\n")
    assert code == 1
    assert out[0].startswith("bank.yaml:1:") and "nested too deeply" in out[0]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            "title: é\n".encode("utf-16"),
            "bank.yaml:1:1: error: the file is UTF-16 text, not UTF-8",
            id="utf16-bom",
        ),
        pytest.param(
            "title: x\n".encode("utf-16-le"),
            "bank.yaml:1:2: error: the file holds a NUL byte",
            id="utf16-no-bom",
        ),
        pytest.param(
            b"title: ok\nprompt: caf\xe9\n",
            "bank.yaml:2:12: error: the file is not UTF-8 text (byte 0xe9",
            id="latin-1",
        ),
        pytest.param(
            b"title: ok\ndescription: a\x00b\n",
            "bank.yaml:2:15: error: the file holds a NUL byte",
            id="nul",
        ),
        pytest.param(
            b"title: ok\ndescription: a\x1bb\n",
            "bank.yaml:2:15: error: the file holds the control character U+001B",
            id="raw-control",
        ),
    ],
)
def test_bytes_that_are_not_utf8_text(tmp_path, capsys, data, expected):
    code, out = run_validate(tmp_path, capsys, data)
    assert code == 1
    assert out[0].startswith(expected), out


def test_utf8_byte_order_mark_is_fine(tmp_path, capsys):
    code, out = run_validate(tmp_path, capsys, "\ufeff" + question(GOOD_CHOICE))
    assert code == 0, out


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            GOOD_CHOICE.replace("type: choice", "type: multi").replace(
                "answer: Volga", "answers: [Danube, Volga, Rhine]"
            ),
            'bank.yaml:11:14: warning: every choice of question "longest" is a right answer',
            id="multi-all-answers",
        ),
    ],
)
def test_each_warning_kind(tmp_path, capsys, body, expected):
    code, out = run_validate(tmp_path, capsys, question(body))
    assert code == 0, out
    assert out[0].startswith(expected), out
    strict_code, _ = run_validate(tmp_path, capsys, question(body), "--strict")
    assert strict_code == 1


def test_duplicate_prompt_is_a_warning_naming_the_first(tmp_path, capsys):
    second = GOOD_CHOICE.replace("id: longest", "id: longest-again")
    text = question(GOOD_CHOICE) + "".join(
        ("  - " if n == 0 else "    ") + line + "\n" for n, line in enumerate(second.splitlines())
    )
    code, out = run_validate(tmp_path, capsys, text)
    assert code == 0
    assert out[0] == (
        'bank.yaml:17:13: warning: question "longest-again" has the same prompt as the question on line 9'
    )
    assert out[-1] == "1 bank, 2 questions, 0 errors, 1 warning"


def test_several_problems_are_all_reported(tmp_path, capsys):
    text = (
        HEAD
        + "  - id: Bad Id\n"  # 6
        + "    type: choice\n"  # 7
        + "    topic: nowhere\n"  # 8
        + "    prompt: Which?\n"  # 9
        + "    choices: [A, B, A]\n"  # 10
        + "    answer: C\n"  # 11
        + "    explanation: x\n"  # 12
        + "    colour: red\n"  # 13
        + "  - id: second\n"  # 14
        + "    type: truefalse\n"  # 15
        + "    prompt: Is it?\n"  # 16
        + "    answer: perhaps\n"  # 17
        + "    explanation: y\n"  # 18
        + "    quote: z\n"  # 19
    )
    code, out = run_validate(tmp_path, capsys, text)
    assert code == 1
    assert out == [  # no "has no quote": this bank names no source
        'bank.yaml:6:9: error: id "Bad Id" is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters',
        'bank.yaml:8:12: error: topic "nowhere" is not one of the bank\'s topics (geo)',
        'bank.yaml:10:21: error: duplicate choice "A" (first on line 10)',
        'bank.yaml:11:13: error: answer "C" is not one of the choices',
        'bank.yaml:13:5: error: unknown key "colour" in a question',
        'bank.yaml:17:13: error: a truefalse answer should be true or false, found "perhaps"',
        "1 bank, 2 questions, 6 errors, 0 warnings",
    ]


def test_exit_status_two_when_a_path_does_not_exist(tmp_path, capsys):
    code = main(["validate", str(tmp_path / "missing.yaml")])
    captured = capsys.readouterr()
    assert code == 2
    assert "no such file or folder" in captured.err
    assert captured.out == ""


def test_no_path_validates_the_questions_folder(isolated_folders, capsys):
    (isolated_folders["questions"] / "period-3").mkdir()
    (isolated_folders["questions"] / "period-3" / "week-5.yml").write_text(
        question(GOOD_CHOICE), encoding="utf-8"
    )
    (isolated_folders["questions"] / "broken.yaml").write_text("title: [\n", encoding="utf-8")
    code = main(["validate"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert 'broken.yaml:1:8: error: the list opened here with "[" is never closed' in out[0]
    assert out[-1] == "2 banks, 1 question, 1 error, 0 warnings"


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, capsys):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    code = main(["validate", str(path)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert (
        out[0]
        == f"{path}:1:1: error: the file is 21.0 MB; a bank may be at most 20 MB (split it into several banks)"
    )


def test_source_text_option_checks_quotes(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(
        "It is known that “The Volga is the longest\nriver in Europe.” Others disagree.",
        encoding="utf-8",
    )
    body = GOOD_CHOICE.replace("quote: The Volga", 'quote: "\\"The Volga').replace(
        "Europe.\n", 'Europe.\\""\n'
    )
    code, out = run_validate(tmp_path, capsys, question(body), "--source-text", str(article))
    assert code == 0, out
    code, out = run_validate(
        tmp_path, capsys, question(body.replace("longest", "widest")), "--source-text", str(article)
    )
    assert code == 1
    assert out[0].startswith("bank.yaml:13:12: error: quote not found in the source text")


def test_an_undefined_alias_is_reported_once(tmp_path, capsys):
    text = question(GOOD_CHOICE + "hint: *foo\n")
    code, out = run_validate(tmp_path, capsys, text)
    assert code == 1
    assert out == [
        'bank.yaml:14:11: error: the alias "*foo" is not allowed: anchors and aliases are not '
        "used in a bank; write the text out in full",
        "1 bank, 0 questions, 1 error, 0 warnings",
    ]


def test_a_tag_is_named_as_it_was_written(tmp_path, capsys):
    marker = tmp_path / "pwned"
    text = (
        HEAD
        + "  - id: tags\n"  # 6
        + "    type: short\n"  # 7
        + "    prompt: !!binary aGVsbG8=\n"  # 8
        + f"    explanation: !!python/object:os.system touch {marker}\n"  # 9
        + "    hint: !custom x\n"  # 10
        + "    answers:\n"  # 11
        + "      - !<tag:yaml.org,2002:str> one\n"  # 12
        + "      - !!python/object/apply:os.system [touch, pwned]\n"  # 13
        + "      - two\n"  # 14
    )
    code, out = run_validate(tmp_path, capsys, text)
    assert code == 1
    tail = "are not allowed: nothing is ever built from a tag; write plain text"
    assert out == [
        f'bank.yaml:8:13: error: YAML tags such as "!!binary" {tail}',
        f'bank.yaml:9:18: error: YAML tags such as "!!python/object:os.system" {tail}',
        f'bank.yaml:10:11: error: YAML tags such as "!custom" {tail}',
        f'bank.yaml:12:9: error: YAML tags such as "!<tag:yaml.org,2002:str>" {tail}',
        f'bank.yaml:13:9: error: YAML tags such as "!!python/object/apply:os.system" {tail}',
        "1 bank, 1 question, 5 errors, 0 warnings",
    ]
    assert not marker.exists()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            GOOD_CHOICE.replace("[Danube, Volga, Rhine]", "[Volga, Volga]"),
            ['bank.yaml:10:22: error: duplicate choice "Volga" (first on line 10)'],
            id="choices",
        ),
        pytest.param(
            "id: steps\ntype: order\nprompt: Order them.\nitems: [One, One]\n"
            "explanation: x\nquote: y\n",
            ['bank.yaml:9:18: error: duplicate item "One" (first on line 9)'],
            id="items",
        ),
        pytest.param(
            "id: sea\ntype: short\nprompt: Which sea?\nanswers: ['', '  ']\n"
            "explanation: x\nquote: y\n",
            [
                "bank.yaml:9:15: error: each answer is empty; write the text",
                "bank.yaml:9:19: error: each answer is empty; write the text",
            ],
            id="empty-answers",
        ),
    ],
)
def test_a_list_is_counted_as_written(tmp_path, capsys, body, expected):
    # Two were written: what is wrong with them is the problem, not also a count of the rest.
    code, out = run_validate(tmp_path, capsys, question(body))
    assert code == 1
    assert out == [*expected, f"1 bank, 1 question, {plural(len(expected), 'error')}, 0 warnings"]


def test_a_value_written_twice_names_the_line_of_the_first(tmp_path, capsys):
    # quiz validate says the file's line of the first one (the question form says its row).
    body = (
        "id: capital\ntype: choice\nprompt: Which is the capital of Austria?\nchoices:\n"
        "  - Vienna\n  - Austria\n  - Graz\n  - Austria\nanswer: Vienna\nexplanation: x\n"
    )
    code, out = run_validate(tmp_path, capsys, question(body))
    assert code == 1
    assert out == [
        'bank.yaml:13:9: error: duplicate choice "Austria" (first on line 11)',
        "1 bank, 1 question, 1 error, 0 warnings",
    ]


def test_an_order_question_too_short_is_worded_with_an(tmp_path, capsys):
    body = "id: steps\ntype: order\nprompt: Order them.\nitems: [One]\nexplanation: x\nquote: y\n"
    code, out = run_validate(tmp_path, capsys, question(body))
    assert code == 1
    assert out[0] == "bank.yaml:9:12: error: an order question needs 2 to 8 items, found 1"
