"""Loading banks: text is text, nothing is built from a tag, odd input reports and never raises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.banks.loader import check_bytes, load_bank
from game.core.model import QuestionType

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "perf"))
from synth import bank_text


def load_text(tmp_path: Path, text: str):
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    return load_bank(path)


def test_text_is_text_as_written(tmp_path):
    result = load_text(
        tmp_path,
        """\
title: 1989
description: 012
questions:
  - id: "012"
    type: choice
    prompt: Yes
    choices: [No, Yes, 1989, 012, 1e3, null, ~, 0x1F]
    answer: No
    explanation: on
    quote: 2024-03-01
  - id: flag
    type: truefalse
    prompt: Off
    answer: No
    explanation: NO is false.
    quote: x
  - id: typed
    type: short
    prompt: 3.0
    answers: [012, True]
    explanation: x
    quote: x
""",
    )
    # "012" is both a choice and a short answer: a give-away warning, and nothing else
    assert [p for p in result.problems if "give-away" not in p.message] == []
    bank = result.bank
    assert bank.title == "1989"
    assert bank.description == "012"
    first, flag, typed = bank.questions
    assert first.id == "012"
    assert first.prompt == "Yes"
    assert first.choices == ("No", "Yes", "1989", "012", "1e3", "null", "~", "0x1F")
    assert first.answer == "No"
    assert first.explanation == "on"
    assert first.quote == "2024-03-01"
    assert flag.type is QuestionType.TRUEFALSE and flag.truth is False
    assert typed.prompt == "3.0" and typed.answers == ("012", "True")


def test_truefalse_accepts_yes_no_on_off_in_any_case(tmp_path):
    for word, truth in (
        ("TRUE", True),
        ("yes", True),
        ("On", True),
        ("False", False),
        ("NO", False),
        ("off", False),
    ):
        result = load_text(
            tmp_path,
            f"title: t\nquestions:\n  - id: a\n    type: truefalse\n    prompt: p\n    answer: {word}\n    explanation: e\n    quote: q\n",
        )
        assert result.bank.questions[0].truth is truth, word


def test_brackets_and_unicode_are_kept(tmp_path):
    hostile = [
        "[/]",
        "[/b]",
        "[A] Paris",
        "[NATO]",
        "[$accent]x",
        "[a-z]+",
        "C:\\temp\\[x]",
        "[@click=app.quit]x[/]",
    ]
    choices = ", ".join(f"'{text}'" for text in hostile)
    result = load_text(
        tmp_path,
        f"""\
title: "[red]北京 talks 🇨🇳 — Détente[/red]"
questions:
  - id: brackets
    type: choice
    prompt: "[b]Which[/b] one? 你好 👋 café"
    choices: [{choices}]
    answer: "[/]"
    explanation: "[link='https://example.com']x[/link]"
    quote: "Ñandú — naïve"
""",
    )
    assert result.problems == ()
    question = result.bank.questions[0]
    assert result.bank.title == "[red]北京 talks 🇨🇳 — Détente[/red]"
    assert question.prompt == "[b]Which[/b] one? 你好 👋 café"
    assert list(question.choices) == hostile
    assert question.explanation == "[link='https://example.com']x[/link]"
    assert question.quote == "Ñandú — naïve"


def test_no_tag_is_ever_constructed(tmp_path):
    marker = tmp_path / "pwned"
    for tag in ("!!python/object/apply:os.system", "!!python/object/apply:subprocess.call"):
        result = load_text(
            tmp_path,
            f"""\
title: t
questions:
  - id: a
    type: short
    prompt: {tag} ["touch {marker}"]
    answers: [x]
    explanation: e
    quote: q
""",
        )
        assert not marker.exists()
        assert result.bank is None
        assert "YAML tags such as" in result.errors[0].message
    binary = load_text(tmp_path, "title: !!binary aGVsbG8=\nquestions: []\n")
    assert any("YAML tags" in p.message for p in binary.errors)
    custom = load_text(tmp_path, "title: !custom x\nquestions: []\n")
    assert any("YAML tags" in p.message for p in custom.errors)


def test_alias_bomb_is_refused_without_expanding(tmp_path):
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for n in range(1, 20):
        prev = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\ntitle: t\nquestions:\n  - id: q\n    type: short\n    prompt: *t\n"
    result = load_text(tmp_path, text)
    assert result.bank is None
    assert any("anchor" in p.message for p in result.errors)
    assert any("alias" in p.message for p in result.errors)


def test_a_bank_of_the_most_questions_allowed_loads():
    data = bank_text(1_000, prose_words=16).encode()
    assert 450_000 < len(data) < 700_000
    result = check_bytes(data, "big.yaml", "big")
    assert result.problems == ()
    assert len(result.bank.questions) == 1_000
    kinds = {q.type for q in result.bank.questions}
    assert kinds == set(QuestionType)


def test_a_five_megabyte_bank_of_ten_thousand_questions_is_one_clear_error():
    data = bank_text(10_000, prose_words=16).encode()
    assert 4_500_000 < len(data) < 7_000_000
    (problem,) = check_bytes(data, "big.yaml", "big").problems
    assert "a bank holds at most 1,000 questions" in problem.message


@settings(
    max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow]
)  # a 5 s deadline catches a hang
@given(st.binary(max_size=400))
def test_random_bytes_report_and_never_raise(data):
    result = check_bytes(data, "fuzz.yaml", "fuzz")
    assert result.bank is not None or result.errors
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1
        assert str(problem).startswith("fuzz.yaml:")


_YAMLISH = st.lists(
    st.sampled_from(
        [
            *list("abcxyz019 -:[]{},'\"\n\t#&*!?|>%@`\\~."),
            "title",
            "questions",
            "id",
            "type",
            "choice",
            "  ",
            "- ",
            ": ",
            "é",
            "\x1b",
            "\x00",
        ]
    ),
    max_size=120,
).map("".join)


@settings(
    max_examples=300, deadline=5000, suppress_health_check=[HealthCheck.too_slow]
)  # a 5 s deadline catches a hang
@given(_YAMLISH)
def test_random_yamlish_text_reports_and_never_raises(text):
    result = check_bytes(text.encode("utf-8"), "fuzz.yaml", "fuzz")
    assert result.bank is not None or result.errors
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1


_QUESTION_FIELD = st.sampled_from(
    [
        "id: a",
        "id: a",
        "type: choice",
        "type: multi",
        "type: order",
        "type: match",
        "prompt: p",
        "answer: x",
        "answers: [x, y]",
        "choices: [x, y]",
        "items: [x, y]",
        "pairs: [[x, y], [z, w]]",
        "pairs: [[x]]",
        "explanation: e",
        "difficulty: 4",
        "topic: t",
        "quote: [q]",
    ]
)


@settings(
    max_examples=300, deadline=5000, suppress_health_check=[HealthCheck.too_slow]
)  # a 5 s deadline catches a hang
@given(st.lists(st.lists(_QUESTION_FIELD, max_size=9), max_size=4))
def test_random_question_shapes_report_and_never_raise(questions):
    text = "title: t\ntopics: {t: T}\nquestions:\n" + "".join(
        "  - {" + ", ".join(fields) + "}\n" for fields in questions
    )
    result = check_bytes(text.encode(), "fuzz.yaml", "fuzz")
    assert result.bank is not None or result.errors


def test_core_imports_no_textual_yaml_or_sqlite():
    code = (
        "import sys, game.core.model, game.core.validate, game.core.textmatch, game.core.records;"
        "import game.cli, game.paths, game.banks.loader, game.banks.library;"
        "bad = [m for m in ('textual', 'rich', 'sqlite3') if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _nodes(node) -> int:
    """Every node of a composed YAML tree (an alias's node counted where it appears)."""
    from yaml.nodes import MappingNode, SequenceNode

    if isinstance(node, MappingNode):
        return 1 + sum(_nodes(key) + _nodes(value) for key, value in node.value)
    if isinstance(node, SequenceNode):
        return 1 + sum(_nodes(item) for item in node.value)
    return 1


_leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8))
_trees = st.recursive(
    _leaves,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=30,
)


@given(_trees, st.sampled_from([None, True, False]), st.integers(min_value=20, max_value=80))
def test_the_values_bound_is_never_below_the_nodes_a_file_holds(tree, flow, width) -> None:
    # the walk that refuses a bank of too many values is skipped under this bound
    import yaml

    from game.banks.loader import _values_at_most

    text = yaml.safe_dump(tree, default_flow_style=flow, width=width, allow_unicode=True)
    data = text.encode("utf-8")
    assert _nodes(yaml.compose(text, Loader=yaml.SafeLoader)) <= _values_at_most(data)


@pytest.mark.parametrize(
    "text",
    [
        "a",
        "[a: b, c: d]",
        "{a, b, c}",
        "? - a\n  - b\n: c\n",
        "- - - a\n",
        "k:\n- \n- \n",
        "[[[[]]]]",
        "{? [a]: {b: [c]}}",
    ],
)
def test_the_values_bound_holds_for_yamls_terse_forms(text) -> None:
    import yaml

    from game.banks.loader import _values_at_most

    assert _nodes(yaml.compose(text, Loader=yaml.SafeLoader)) <= _values_at_most(text.encode())
