"""The question editor keeps what the teacher wrote: comments on unchanged list items, a
question's own comment block when it is deleted, a folded ``>-`` text's style; and, for any
generated bank with comments on every line, editing one question changes no other line."""

from __future__ import annotations

import difflib
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.banks.edits import delete_question, replace_question
from game.banks.loader import check_bytes
from game.core.model import Question, QuestionType

BANK = """\
format: 1
title: Leaves
questions:
  # About the green colour.
  # (Ms. Example wrote this one.)
  - id: green
    type: choice
    prompt: What makes a leaf green?
    choices:
      - Chlorophyll  # right
      - Water        # wrong: water has no colour
      - Sunlight     # tempting
    answer: Chlorophyll
    explanation: >-
      Chlorophyll is the green pigment
      that catches the light a plant
      needs to make sugar.
    quote: Leaves are green because of chlorophyll.

  # The pores.
  - id: pores
    type: match
    prompt: Match each part to its job.
    pairs:
      - [Stomata, let gases in]      # the pores
      - [Roots, take up water]       # underground
    explanation: Each part has its job.
    quote: Stomata let gases in.
"""


def _load(text: str):
    result = check_bytes(text.encode("utf-8"), "b.yaml", "b")
    assert not result.errors, result.errors
    return result.bank


def test_changing_one_choice_keeps_the_comments_on_the_others() -> None:
    green = _load(BANK).questions[0]
    new = replace(green, choices=("Chlorophyll", "Rain water", "Sunlight"))
    text, _ = replace_question(BANK, green, new)
    assert "      - Chlorophyll  # right\n" in text
    assert "      - Rain water        # wrong: water has no colour\n" in text
    assert "      - Sunlight     # tempting\n" in text
    assert _load(text).questions[0].choices == new.choices


def test_adding_and_removing_items_keeps_the_other_items_lines() -> None:
    green = _load(BANK).questions[0]
    new = replace(green, choices=("Chlorophyll", "Sunlight", "Carbon: dioxide"))
    text, _ = replace_question(BANK, green, new)
    assert "Water" not in text
    assert "      - Chlorophyll  # right\n      - Sunlight     # tempting\n" in text
    assert _load(text).questions[0].choices == new.choices
    pores = _load(BANK).questions[1]
    changed = replace(pores, pairs=(("Stomata", "let gases in"), ("Roots", "take up salts")))
    text, _ = replace_question(BANK, pores, changed)
    assert "      - [Stomata, let gases in]      # the pores\n" in text
    assert "      - [Roots, take up salts]       # underground\n" in text


def test_a_folded_explanation_stays_folded_when_its_text_changes() -> None:
    green = _load(BANK).questions[0]
    longer = (
        "Chlorophyll is the green pigment that catches the light a plant needs to make "
        "sugar from water and carbon dioxide."
    )
    text, _ = replace_question(BANK, green, replace(green, explanation=longer))
    assert "    explanation: >-\n      Chlorophyll is the green pigment\n" in text
    block = text.split("explanation: >-\n")[1].split("    quote:")[0]
    assert all(len(line.strip()) <= 34 for line in block.splitlines())
    assert _load(text).questions[0].explanation == longer


def test_deleting_a_question_takes_its_comment_block_with_it() -> None:
    text = delete_question(BANK, "green")
    assert "About the green colour" not in text and "Ms. Example" not in text
    assert text.startswith("format: 1\ntitle: Leaves\nquestions:\n  # The pores.\n  - id: pores")
    text = delete_question(BANK, "pores")
    assert "# The pores." not in text
    assert "  # About the green colour.\n" in text
    assert [q.id for q in _load(text).questions] == ["green"]


# -- the property: one question edited, no line outside it changed ----------------------------

_WORD = st.sampled_from(["leaf", "green", "light", "water", "root", "sun", "gas", "cell"])
_TEXT = st.lists(_WORD, min_size=1, max_size=8).map(lambda words: " ".join(words).capitalize())
_CHOICES = st.lists(_TEXT, min_size=2, max_size=5, unique=True)


def _question_lines(number: int, kind: str, draw) -> list[str]:
    """One question's lines, a comment on each, and a comment block above it."""
    lines = [f"  # Question {number}, by the teacher.", f"  # ({draw(_TEXT)})"]
    lines += [f"  - id: q{number}   # id {number}", f"    type: {kind}   # the type"]
    lines.append(f"    prompt: {draw(_TEXT)}?   # asked")
    if kind == "choice":
        choices = draw(_CHOICES)
        lines.append("    choices:   # the choices")
        lines += [f"      - {c}   # choice {i}" for i, c in enumerate(choices)]
        lines.append(f"    answer: {draw(st.sampled_from(choices))}   # right")
    elif kind == "truefalse":
        lines.append(f"    answer: {draw(st.sampled_from(['true', 'false']))}   # truth")
    else:
        lines.append("    answers:   # accepted")
        lines += [f"      - {a}   # answer {i}" for i, a in enumerate(draw(_CHOICES))]
    if draw(st.booleans()):
        lines += ["    explanation: >-   # folded", f"      {draw(_TEXT)}", f"      {draw(_TEXT)}"]
    else:
        lines.append(f"    explanation: {draw(_TEXT)}   # why")
    lines.append(f"    quote: {draw(_TEXT)}   # the article")
    return lines


@st.composite
def _bank_and_edit(draw):
    count = draw(st.integers(2, 5))
    kinds = [draw(st.sampled_from(["choice", "truefalse", "short"])) for _ in range(count)]
    lines = ["# A bank with comments everywhere", "format: 1   # the format", "title: T   # t"]
    lines.append("questions:   # the list")
    spans = []
    for number, kind in enumerate(kinds):
        if number:
            lines.append("")
        first = len(lines)
        lines += _question_lines(number, kind, draw)
        spans.append((first, len(lines)))
    lines.append("# the end")
    text = "\n".join(lines) + "\n"
    target = draw(st.integers(0, count - 1))
    return text, spans, target, draw(st.data())


def _edited(question: Question, data) -> Question:
    prompt = data.draw(_TEXT) + "?"
    explanation = data.draw(_TEXT)
    if question.type is QuestionType.CHOICE:
        choices = list(question.choices)
        slot = data.draw(st.integers(0, len(choices) - 1))
        new_choice = data.draw(_TEXT.filter(lambda t: t not in choices))
        choices[slot] = new_choice
        extra = data.draw(st.booleans()) and len(choices) < 8
        if extra:
            choices.append("Something else entirely")
        answer = question.answer if question.answer in choices else choices[0]
        return replace(question, prompt=prompt, choices=tuple(choices), answer=answer)
    if question.type is QuestionType.TRUEFALSE:
        return replace(question, truth=not question.truth, explanation=explanation)
    answers = [*question.answers[:-1], data.draw(_TEXT)]
    return replace(question, answers=tuple(dict.fromkeys(answers)), explanation=explanation)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_bank_and_edit())
def test_editing_one_question_changes_no_line_outside_it(case) -> None:
    text, spans, target, data = case
    bank = _load(text)
    old = bank.questions[target]
    new = _edited(old, data)
    edited, _ = replace_question(text, old, new)
    assert _load(edited).questions[target] == replace(
        new, line=_load(edited).questions[target].line
    )
    before = text.splitlines()
    after = edited.splitlines()
    first, last = spans[target]
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changed = range(i1, max(i2, i1 + 1)) if tag != "insert" else range(i1 - 1, i1 + 1)
        for index in changed:
            assert first <= index < last or (tag == "insert" and index == last), (
                f"line {index + 1} outside question {target} changed",
                before[index] if index < len(before) else None,
            )
