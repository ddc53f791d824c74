"""The bank writer: edits touch only their own lines, saves are checked and atomic, new banks."""

from __future__ import annotations

import difflib
import os
from dataclasses import replace
from pathlib import Path

import pytest

from game.banks import atomic
from game.banks.loader import load_bank
from game.banks.template import template_text
from game.banks.writer import new_bank, open_bank
from game.core.drafts import BankDetails
from game.core.model import Question, QuestionType

COMMENTED = """\
# Rivers, by Ms. Example.   A comment at the top.
format: 1
title: 'Rivers of Europe'      # the title, single-quoted
description: "Rivers, seas and cities."

topics:   # topic ids
  geo: Geography
  hist: "History"

questions:

  # --- first section -------------------------------------------------

  - id: longest-river
    type: choice    # one right answer
    topic: geo
    prompt: "Which is the longest river in Europe?"
    choices: [Danube, Volga, Rhine]   # three of them
    answer: Volga
    explanation: "The Volga runs about 3,530 km."
    quote: "The Volga is the longest river in Europe."

  # --- second section ------------------------------------------------

  - id: rhine-sea
    type: truefalse
    prompt: "The Rhine flows into the North Sea."
    answer: yes       # yes stays yes unless changed
    explanation: It reaches the North Sea in the Netherlands.
    quote: "It reaches the North Sea."
    hint: 'Think of Rotterdam.'

  - id: river-city
    type: match
    prompt: Match each city to its river.
    pairs:
      - [Paris, Seine]    # the first pair
      - [London, Thames]
    explanation: Each of these cities grew up on its river.
    quote: "Paris on the Seine."
# a comment at the very end
"""


def _bank(tmp_path: Path, text: str = COMMENTED, name: str = "rivers") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _changed_lines(before: str, after: str) -> list[int]:
    """1-based numbers of the lines of ``before`` that an edit removed or replaced."""
    changed: list[int] = []
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for tag, a_start, a_end, _, _ in matcher.get_opcodes():
        if tag != "equal":
            changed += list(range(a_start + 1, a_end + 1)) or [a_start]  # insert: after a_start
    return changed


def _lines_of(text: str, first: str, last: str) -> range:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if first in line) + 1
    end = next(i for i, line in enumerate(lines) if i + 1 >= start and last in line) + 1
    return range(start, end + 1)


def _reload(path: Path) -> tuple[Question, ...]:
    result = load_bank(path)
    assert not result.errors, result.errors
    assert result.bank is not None
    return result.bank.questions


def test_editing_one_question_changes_only_its_lines(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    old = editor.questions[0]
    new = replace(
        old, choices=("Danube", "Volga", "Rhine", "Loire"), hint="It ends in the Caspian."
    )
    outcome = editor.save_question(old.id, new)
    assert outcome.saved, outcome
    after = path.read_text(encoding="utf-8")
    question_lines = _lines_of(COMMENTED, "id: longest-river", 'quote: "The Volga')
    assert set(_changed_lines(COMMENTED, after)) <= set(question_lines)
    for line in COMMENTED.splitlines():
        if "#" in line:
            assert line[line.index("#") :] in after, line
    assert "    choices: [Danube, Volga, Rhine, Loire]   # three of them" in after
    assert _reload(path)[0] == replace(new, line=_reload(path)[0].line)


def test_a_value_left_alone_keeps_its_spelling(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    old = editor.questions[1]
    outcome = editor.save_question(old.id, replace(old, explanation="Near Rotterdam."))
    assert outcome.saved
    after = path.read_text(encoding="utf-8")
    assert "    answer: yes       # yes stays yes unless changed" in after
    assert "    hint: 'Think of Rotterdam.'" in after
    assert "    explanation: Near Rotterdam." in after
    assert _changed_lines(COMMENTED, after) == [
        COMMENTED.splitlines().index(
            "    explanation: It reaches the North Sea in the Netherlands."
        )
        + 1
    ]


def _each_type() -> list[Question]:
    return [
        Question("q-choice", QuestionType.CHOICE, "Pick [/] one: No?", "Because.",
                 quote="q", choices=("No", "1989", "012"), answer="012"),
        Question("q-multi", QuestionType.MULTI, "Pick #some", "Because.", topic="geo",
                 difficulty=2, choices=("a: b", "[NATO]", "c"), answers=("a: b", "[NATO]")),
        Question("q-tf", QuestionType.TRUEFALSE, "True?", "Yes.", truth=False, hint="[b]x"),
        Question("q-short", QuestionType.SHORT, "Name it", "It.", answers=("Volga", " the Volga")),
        Question("q-order", QuestionType.ORDER, "Order them", "So.", difficulty=3,
                 items=("Ulm", "Vienna", "[@click=app.quit]x")),
        Question("q-match", QuestionType.MATCH, "Match", "Thus.",
                 pairs=(("Paris", "Seine"), ("London", "Thames: the river"))),
    ]  # fmt: skip


@pytest.mark.parametrize("question", _each_type(), ids=lambda q: q.type.value)
def test_each_type_is_added_and_reads_back_exactly(tmp_path: Path, question: Question) -> None:
    path = _bank(tmp_path)
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    outcome = editor.save_question(None, question)
    assert outcome.saved, outcome
    after = path.read_text(encoding="utf-8")
    assert after.startswith(COMMENTED.removesuffix("# a comment at the very end\n"))
    loaded = _reload(path)[-1]
    expected = replace(question, answers=tuple(a.strip() for a in question.answers))
    if question.type is QuestionType.SHORT:
        expected = replace(question)  # texts are kept exactly, spaces too
    assert replace(loaded, line=0) == expected


def test_deleting_a_question_takes_its_lines_and_one_blank(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    outcome = editor.delete_question("rhine-sea")
    assert outcome.saved
    after = path.read_text(encoding="utf-8")
    expected = COMMENTED.replace(
        "".join(
            line + "\n"
            for line in COMMENTED.splitlines()[
                _lines_of(COMMENTED, "id: rhine-sea", "hint:").start - 1 : _lines_of(
                    COMMENTED, "id: rhine-sea", "hint:"
                ).stop
            ]
        ),
        "",
    )
    assert after == expected
    assert [q.id for q in _reload(path)] == ["longest-river", "river-city"]


def test_the_last_question_cannot_be_deleted(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    for question_id in ("rhine-sea", "river-city"):
        outcome = editor.delete_question(question_id)
        assert outcome.editor is not None
        editor = outcome.editor
    before = path.read_bytes()
    outcome = editor.delete_question("longest-river")
    assert not outcome.saved
    assert "a bank needs at least one question" in (outcome.error or "")
    assert path.read_bytes() == before


def test_an_invalid_question_is_refused_with_the_validators_words(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    before = path.read_bytes()
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    bad = Question("longest-river", QuestionType.CHOICE, "", "x", choices=("a",), answer="b")
    outcome = editor.save_question(None, bad)
    assert not outcome.saved
    messages = {p.message for p in outcome.problems}
    assert 'duplicate id "longest-river" (first used on line 14)' in messages
    assert "prompt is empty; write the text" in messages
    assert "a choice question needs 2 to 8 choices, found 1" in messages
    assert path.read_bytes() == before
    check = editor.check_question(None, bad)
    assert {(p.field, p.message) for p in check.errors} >= {
        ("id", 'duplicate id "longest-river" (first used on line 14)'),
        ("prompt", "prompt is empty; write the text"),
        ("choices", "a choice question needs 2 to 8 choices, found 1"),
    }
    assert check.question is None


def test_details_change_key_by_key(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    details = BankDetails(
        "Rivers: [/] of Europe", "", {"geo": "Geography", "hist": "History", "seas": "Seas"}
    )
    outcome = editor.save_details(details)
    assert outcome.saved, outcome
    after = path.read_text(encoding="utf-8")
    assert "title: 'Rivers: [/] of Europe'      # the title, single-quoted" in after
    assert "description:" not in after
    assert 'hist: "History"\n  seas: Seas\n' in after
    assert "topics:   # topic ids" in after
    bank = load_bank(path).bank
    assert bank is not None and bank.title == "Rivers: [/] of Europe"
    assert bank.topics == details.topics


def test_a_topic_in_use_cannot_be_taken_away(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    details = BankDetails("Rivers", "", {"hist": "History"})
    problems = editor.check_details(details)
    assert any('topic "geo" is not one of the bank\'s topics' in p.message for p in problems)
    assert not editor.save_details(details).saved


def test_a_bank_with_errors_is_not_opened(tmp_path: Path) -> None:
    path = _bank(tmp_path, COMMENTED.replace("answer: Volga", "answer: Berlin"))
    words = open_bank(path, "rivers")
    assert isinstance(words, str)
    assert 'answer "Berlin" is not one of the choices' in words


def test_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    hostile = COMMENTED.replace(
        "answer: Volga", f'answer: !!python/object/apply:os.system ["touch {marker}"]'
    )
    path = _bank(tmp_path, hostile)
    assert isinstance(open_bank(path, "rivers"), str)
    # The writer's own YAML library keeps a tag as a tagged value; it never runs it.
    from ruamel.yaml import YAML

    YAML(typ="rt").load(hostile)
    YAML(typ="rt").compose(hostile)
    assert not marker.exists()


def test_a_file_changed_meanwhile_is_not_written_over(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    path.write_text(COMMENTED + "# edited elsewhere\n", encoding="utf-8")
    outcome = editor.save_question(None, _each_type()[2])
    assert not outcome.saved and "changed outside the editor" in (outcome.error or "")
    assert path.read_text(encoding="utf-8").endswith("# edited elsewhere\n")


def test_crlf_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    text = "\ufeff" + COMMENTED.replace("\n", "\r\n")
    path = tmp_path / "rivers.yaml"
    path.write_bytes(text.encode("utf-8"))
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    outcome = editor.save_question(None, _each_type()[2])
    assert outcome.saved, outcome
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + COMMENTED.splitlines()[0].encode())
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert len(_reload(path)) == 4


@pytest.mark.parametrize("fail_at", ["write", "fsync", "replace"])
def test_an_interrupted_save_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: str
) -> None:
    path = _bank(tmp_path)
    before = path.read_bytes()
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if fail_at == "write":
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, handle: int, mode: str) -> None:
                self.stream = real_fdopen(handle, mode)

            def __enter__(self) -> HalfWriter:
                return self

            def __exit__(self, *exc: object) -> None:
                self.stream.close()

            def write(self, data: bytes) -> None:
                self.stream.write(data[: len(data) // 2])
                raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic.os, "fdopen", HalfWriter)
    else:
        monkeypatch.setattr(atomic.os, fail_at, boom)
    outcome = editor.save_question(None, _each_type()[0])
    assert not outcome.saved
    assert (outcome.error or "").endswith(": the disk is full")  # plain words, no [Errno 28]
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["rivers.yaml"]


def test_a_new_bank_is_named_after_its_title_and_never_overwrites(tmp_path: Path) -> None:
    _bank(tmp_path, name="rivers-of-europe")
    details = BankDetails("Rivers of Europe!", "A new bank.", {"geo": "Geography"})
    editor = new_bank(tmp_path, details)
    assert editor.path == tmp_path / "rivers-of-europe-2.yaml" and not editor.exists
    assert editor.check_details(details) == ()
    first = replace(_each_type()[2], topic="geo")
    outcome = editor.save_question(None, first)
    assert outcome.saved and outcome.editor is not None and outcome.editor.exists
    result = load_bank(editor.path)
    assert result.bank is not None and not result.errors
    assert result.bank.title == "Rivers of Europe!"
    assert result.bank.description == "A new bank."
    assert editor.path.read_text(encoding="utf-8").startswith("# A question bank for quiz")
    # Another program took the name meanwhile: the new bank is not written over it.
    racing = new_bank(tmp_path, BankDetails("Seas"))
    racing.path.write_text("mine", encoding="utf-8")
    outcome = racing.save_question(None, first)
    assert not outcome.saved and "already exists" in (outcome.error or "")
    assert racing.path.read_text(encoding="utf-8") == "mine"


def test_the_template_keeps_every_comment_through_edits(tmp_path: Path) -> None:
    text = template_text("Template", "x.yaml")
    path = _bank(tmp_path, text, "template")
    editor = open_bank(path, "template")
    assert not isinstance(editor, str)
    old = editor.questions[0]
    outcome = editor.save_question(
        old.id, replace(old, type=QuestionType.MULTI, answer=None, answers=("Danube", "Rhine"))
    )
    assert outcome.saved, outcome
    after = path.read_text(encoding="utf-8")
    question_lines = _lines_of(text, "id: example-choice", 'hint: "It flows')
    assert set(_changed_lines(text, after)) <= set(question_lines)
    comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]
    for comment in comments:
        if "exactly one choice" not in comment:  # it was on the answer: line, now gone
            assert comment in after


def test_a_drafts_problems_are_its_own(tmp_path: Path) -> None:
    path = _bank(tmp_path, COMMENTED.replace('    quote: "It reaches the North Sea."\n', ""))
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    first = editor.questions[0]
    check = editor.check_question(first.id, replace(first, explanation=""))
    # the next question's own warning (no quote) is not the draft's
    assert [(p.field, p.message) for p in check.problems] == [
        ("explanation", "explanation is empty; write the text")
    ]
    last = editor.questions[-1]
    check = editor.check_question(last.id, replace(last, pairs=(("Paris", "Seine"), ("Rome", ""))))
    assert [(p.field, p.item, p.message) for p in check.errors] == [
        ("pairs", 1, "the right of a pair is empty; write the text")
    ]


BLOCK_EXPLANATION = """\
title: Capitals
questions:
  - id: vienna
    type: choice
    prompt: Which city is the capital of Austria?
    choices:
      - Vienna
      - Salzburg
      - Graz
    answer: Vienna
    explanation: {style}
      Vienna has been the capital
      since 1918.
{gap}
  - id: danube
    type: truefalse
    prompt: Vienna stands on the Danube.
    answer: true
    explanation: It does.
"""


@pytest.mark.parametrize(
    ("style", "gap"),
    [("|", ""), ("|", "\n"), (">", ""), ("|+", "\n"), (">+", "\n"), ("|-", ""), (">-", "")],
)
def test_an_untouched_block_text_keeps_its_exact_lines(tmp_path: Path, style, gap) -> None:
    # The form gives each text back without white space at its ends (a literal "|" text ends
    # in a line break, "|+" keeps the blank lines after it too): that is no change to the text.
    before = BLOCK_EXPLANATION.format(style=style, gap=gap)
    path = _bank(tmp_path, before, name="capitals")
    editor = open_bank(path, "capitals")
    assert not isinstance(editor, str), editor
    old = editor.questions[0]
    if style in ("|", ">", "|+", ">+"):
        assert old.explanation != old.explanation.strip()  # what the form would drop
    draft = replace(
        old,
        prompt="Which city is Austria's capital?",
        choices=("Vienna", "Innsbruck", "Graz"),
        explanation=old.explanation.strip(),
    )
    outcome = editor.save_question(old.id, draft)
    assert outcome.saved, outcome
    after = path.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == [5, 8]  # the prompt and the second choice
    block = f"    explanation: {style}\n      Vienna has been the capital\n      since 1918.\n{gap}"
    assert block + "\n  - id: danube" in after
    assert _reload(path)[0].explanation == old.explanation


def test_a_value_written_twice_is_placed_by_its_item_not_its_line(tmp_path: Path) -> None:
    # The form has no lines: a duplicate names the item of the first one, and the message
    # leaves out "first on line N" (the line it would have in the file once written).
    path = _bank(tmp_path)
    editor = open_bank(path, "rivers")
    assert not isinstance(editor, str)
    first, _, last = editor.questions
    choices = ("Danube", "Volga", "Rhine", "Danube")
    check = editor.check_question(first.id, replace(first, choices=choices))
    assert [(p.field, p.item, p.first_item, p.message) for p in check.errors] == [
        ("choices", 3, 0, 'duplicate choice "Danube"')
    ]
    assert check.errors[0].words(first_row=0) == 'duplicate choice "Danube" (first in row 1)'
    pairs = (("Paris", "Seine"), ("London", "Thames"), ("Rouen", "Seine"))
    check = editor.check_question(last.id, replace(last, pairs=pairs))
    assert [(p.field, p.item, p.first_item, p.message) for p in check.errors] == [
        ("pairs", 2, 0, 'duplicate right side "Seine"')
    ]
    order = Question("steps", QuestionType.ORDER, "Order them.", "So.", quote="q",
                     items=("One", "Two", "Three", "Two"))  # fmt: skip
    check = editor.check_question(None, order)
    assert [(p.field, p.item, p.first_item, p.message) for p in check.errors] == [
        ("items", 3, 1, 'duplicate item "Two"')
    ]
    assert path.read_text(encoding="utf-8") == COMMENTED  # checks write nothing
