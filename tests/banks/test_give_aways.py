"""`quiz validate` warns when one question's text answers another (a give-away), and rounds never
hold both questions of such a pair."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.banks.loader import load_bank
from game.cli import main
from game.core.class_code import parse_code
from game.core.giveaways import find_give_aways
from game.core.model import Question, QuestionType
from game.core.rounds import PlayRequest, build_round
from game.practice.selection import practice_picks

HEAD = """\
format: 1
title: Summits
questions:
"""


def _bank(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "bank.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def _validate(path: Path, capsys: pytest.CaptureFixture, *args: str) -> tuple[int, list[str]]:
    code = main(["validate", *args, str(path)])
    out = capsys.readouterr().out.splitlines()
    # only the give-away warnings (a bank without source may get other warnings)
    return code, [line.replace(str(path), "bank.yaml") for line in out if "give-away" in line]


SHORT_GIVEN_AWAY = """\
  - id: summit-city
    type: short
    prompt: In which city did the two presidents meet?
    answers: [San Francisco, SF]
    explanation: They met in San Francisco.
  - id: summit-month
    type: choice
    prompt: "When did the presidents meet in \u201csan FRANCISCO\u201d?"
    choices: [November, March]
    answer: November
    explanation: In November.
"""


def test_a_short_answer_in_another_prompt_is_a_warning_naming_both_questions_and_lines(
    tmp_path, capsys
):
    code, out = _validate(_bank(tmp_path, SHORT_GIVEN_AWAY), capsys)
    assert code == 0
    assert out[0] == (
        'bank.yaml:11:13: warning: give-away: the prompt of question "summit-month" holds '
        '"San Francisco", an accepted answer of question "summit-city" on line 7; reword one '
        "of them, or a round may show both"
    )
    assert len(out) == 1
    code, _ = _validate(_bank(tmp_path, SHORT_GIVEN_AWAY), capsys, "--strict")
    assert code == 1


@pytest.mark.parametrize(
    ("where", "text", "spot"),
    [
        ("choices", "choices: [The debt talks, a Climate deal, here!]", "choice 2"),
        ("hint", "hint: Think of a climate-deal, of course.", "the hint"),
        ("items", "items: [A CLIMATE DEAL!, Trade]", "item 1"),
        ("pairs", "pairs: [[Trade, x], [y, A climate deal]]", "pair 2"),
    ],
)
def test_a_choice_key_of_three_words_is_found_in_choices_hints_items_and_pairs(
    tmp_path, capsys, where, text, spot
):
    second_type = {"items": "order", "pairs": "match"}.get(where, "choice")
    second = {
        "choice": "    choices: [Yes, No]\n    answer: No\n" if where != "choices" else "",
        "order": "",
        "match": "",
    }[second_type]
    if where == "choices":
        second = "    answer: The debt talks\n"
    body = (
        "  - id: signed\n"
        "    type: choice\n"
        "    prompt: What did they sign?\n"
        "    choices: [a climate deal, a trade pact]\n"
        "    answer: a climate deal\n"
        "    explanation: A climate deal.\n"
        "  - id: other\n"
        f"    type: {second_type}\n"
        "    prompt: Something else?\n"
        f"    {text}\n" + second + "    explanation: Because.\n"
    )
    _code, out = _validate(_bank(tmp_path, body), capsys)
    warnings = [line for line in out if "give-away" in line]
    assert len(warnings) == 1, out
    assert f'{spot} of question "other" holds "a climate deal"' in warnings[0]
    assert 'the answer of question "signed" on line 8' in warnings[0]


def test_a_short_choice_key_elsewhere_is_not_a_give_away(tmp_path, capsys):
    body = (
        "  - id: city\n"
        "    type: choice\n"
        "    prompt: Where?\n"
        "    choices: [San Francisco, Bangkok]\n"
        "    answer: San Francisco\n"
        "    explanation: There.\n"
        "  - id: other\n"
        "    type: truefalse\n"
        "    prompt: They met in San Francisco.\n"
        "    answer: true\n"
        "    explanation: Yes.\n"
    )
    _code, out = _validate(_bank(tmp_path, body), capsys)
    assert not [line for line in out if "give-away" in line], out


def test_a_hint_holding_its_own_key_is_a_warning_at_the_hint(tmp_path, capsys):
    body = (
        "  - id: buffer\n"
        "    type: short\n"
        "    prompt: What does North Korea serve China as?\n"
        "    answers: [a buffer, buffer]\n"
        "    hint: A buffer against U.S. troops.\n"
        "    explanation: A buffer.\n"
    )
    _code, out = _validate(_bank(tmp_path, body), capsys)
    assert out[0] == (
        'bank.yaml:8:11: warning: give-away: the hint of question "buffer" holds its own '
        'answer "a buffer" (an accepted answer on line 7); reword the hint'
    )


def test_words_only_match_whole_words(tmp_path, capsys):
    body = (
        "  - id: tax\n"
        "    type: short\n"
        "    prompt: What was raised?\n"
        "    answers: [tax]\n"
        "    explanation: A tax.\n"
        "  - id: other\n"
        "    type: truefalse\n"
        "    prompt: The taxman came; syntax matters.\n"
        "    answer: true\n"
        "    explanation: Yes.\n"
    )
    _, out = _validate(_bank(tmp_path, body), capsys)
    assert not [line for line in out if "give-away" in line], out


def _flagged_bank(tmp_path: Path):
    """Ten plain questions plus three pairs that give each other away."""
    parts = []
    for n in range(10):
        parts.append(
            f"  - id: plain-{n}\n    type: truefalse\n    prompt: Plain statement number {n}.\n"
            "    answer: true\n    explanation: Yes.\n"
        )
    for n, word in enumerate(["Bangkok", "Houthis", "Fudan"]):
        parts.append(
            f"  - id: asks-{n}\n    type: short\n    prompt: Name number {n}?\n"
            f"    answers: [{word}]\n    explanation: It is {word}.\n"
            f"  - id: tells-{n}\n    type: truefalse\n    prompt: Something about {word}.\n"
            "    answer: true\n    explanation: Yes.\n"
        )
    result = load_bank(_bank(tmp_path, "".join(parts)), tmp_path)
    assert result.bank is not None, result.problems
    return result.bank


def test_no_round_of_ten_thousand_seeds_holds_a_pair_that_gives_itself_away(tmp_path):
    bank = _flagged_bank(tmp_path)
    assert bank.clashes == (("asks-0", "tells-0"), ("asks-1", "tells-1"), ("asks-2", "tells-2"))
    full_rounds = 0
    for seed in range(10_000):
        count = 4 + seed % 13  # rounds of 4 to 16 questions, some asking for the whole bank
        played = build_round(bank, PlayRequest(bank.bank_id, "exam", count=count, seed=seed))
        ids = {asked.question.id for asked in played.questions}
        for a, b in bank.clashes:
            assert not {a, b} <= ids, (seed, ids)
        assert len(ids) == len(played.questions)
        full_rounds += played.total == min(count, 13)
    # every round is as long as asked, up to the 13 questions that can share one round
    assert full_rounds == 10_000


def test_a_class_code_still_gives_the_same_round_everywhere(tmp_path):
    bank = _flagged_bank(tmp_path)
    code = parse_code("482913-12")
    assert not isinstance(code, str)

    def drawn():
        request = PlayRequest(bank.bank_id, "exam", count=code.count or 10, seed=code.seed)
        played = build_round(bank, request, random.Random(1))
        return [(a.question.id, a.choices, a.items, a.rights) for a in played.questions]

    assert drawn() == drawn()
    assert len(drawn()) == 12


def test_practice_never_picks_both_questions_of_a_pair(tmp_path):
    from datetime import UTC, datetime

    bank = _flagged_bank(tmp_path)
    picks = practice_picks(
        bank, PlayRequest(bank.bank_id, "practice", count=16), {}, datetime.now(UTC)
    )
    ids = [question.id for question, _ in picks]
    assert "asks-0" in ids and "tells-0" not in ids
    assert len(ids) == 13


def _give_aways_word_by_word(questions):
    """find_give_aways as first written: every run of words of every text looked up."""
    from game.core.giveaways import (
        MIN_CHOICE_KEY_WORDS,
        GiveAway,
        _contains,
        _keep,
        fold_words,
        keys_of,
        shown_texts,
    )

    table = {}
    for question in questions:
        for key_field, key in keys_of(question):
            words = fold_words(key)
            if not words:
                continue
            if question.type is not QuestionType.SHORT and len(words) < MIN_CHOICE_KEY_WORDS:
                continue
            table.setdefault(words, []).append((question, key_field, key))
    sizes = sorted({len(words) for words in table})
    found = {}
    for shown_in in questions:
        for where, text in shown_texts(shown_in):
            words = fold_words(text)
            for start in range(len(words)):
                for size in sizes:
                    if start + size > len(words):
                        break
                    for answered, key_field, key in table.get(words[start : start + size], ()):
                        if answered.id != shown_in.id:
                            _keep(found, GiveAway(answered, key, key_field, shown_in, where))
        if shown_in.hint is not None:
            hint_words = fold_words(shown_in.hint)
            for key_field, key in keys_of(shown_in):
                words = fold_words(key)
                if words and _contains(hint_words, words):
                    _keep(found, GiveAway(shown_in, key, key_field, shown_in, "hint"))
    return list(found.values())


_few_words = st.lists(
    st.sampled_from(["Red", "sea", "talks", "Wu's", "é", "-", "1989"]), max_size=6
)


@st.composite
def _questions(draw):
    questions = []
    for number in range(draw(st.integers(min_value=1, max_value=6))):
        kind = draw(st.sampled_from([QuestionType.CHOICE, QuestionType.SHORT, QuestionType.MULTI]))
        choices = tuple(" ".join(draw(_few_words)) for _ in range(3))
        questions.append(
            Question(
                id=f"q{number}",
                type=kind,
                prompt=" ".join(draw(_few_words)),
                explanation="Because.",
                hint=draw(st.none() | _few_words.map(" ".join)),
                choices=() if kind is QuestionType.SHORT else choices,
                answer=choices[0] if kind is QuestionType.CHOICE else None,
                answers=choices[:2] if kind is not QuestionType.CHOICE else (),
            )
        )
    return questions


@given(_questions())
def test_give_aways_are_those_a_word_by_word_search_finds_in_its_order(questions):
    def seen(give_aways):
        return [(g.answered.id, g.key, g.key_field, g.shown_in.id, g.where) for g in give_aways]

    assert seen(find_give_aways(questions)) == seen(_give_aways_word_by_word(questions))
