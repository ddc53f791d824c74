"""Plain mode through its game loop: every type, hints, time running out, malformed answers,
leaving, an exam by class code; the rows saved are the ones the Textual app saves."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from plain_kit import EVERY_TYPE_BANK, TIMEOUT, play, right_lines, write_bank

from game.core.rounds import PlayRequest, Round
from game.session import Session
from game.store.readonly import open_read_only

BOX_AND_BLOCKS = set(range(0x2500, 0x25A0))  # box drawing, block elements, shapes


def _round(folders: dict[str, Path], request: PlayRequest) -> Round:
    """The round the Textual app would play for this request (the same session code)."""
    session = Session(folders["questions"], folders["saves"] / "other", lambda: None)  # type: ignore[arg-type,return-value]
    session.banks = []
    played = session.prepare_round(request, random.Random(5))
    assert isinstance(played, Round)
    return played


def _saved(folders: dict[str, Path]) -> list[tuple[str, str, str, str, int]]:
    rows = open_read_only(folders["saves"] / "quiz.sqlite3")
    return [(a.question_id, a.given, a.expected, a.result.value, a.points) for a in rows.answers]


def test_a_whole_quick_round_of_every_type_right(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="quick", count=6, seed=11)
    expected = _round(isolated_folders, request)
    status, transcript, _ = play(isolated_folders, right_lines(expected), request)
    assert status == 0
    assert transcript.count("Right.") == 6
    assert "6 of 6 right. 70 of 70 points: 100%, excellent." in transcript
    assert "Question 1 of 6. Difficulty" in transcript
    # the same rows the Textual app saves for these answers: the core scores both
    records = []
    for line, asked in zip(right_lines(expected), expected.questions, strict=True):
        from game.plain.answers import read_answer

        expected, record = expected.answer(read_answer(asked, line), seconds=1, answered_at=None)  # type: ignore[arg-type]
        records.append(record)
    assert _saved(isolated_folders) == [
        (r.question_id, r.given, r.expected, r.result.value, r.points) for r in records
    ]
    assert open_read_only(isolated_folders["saves"] / "quiz.sqlite3").rounds[0].finished_at


def test_malformed_answers_are_asked_again_and_never_scored(
    isolated_folders: dict[str, Path],
) -> None:
    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="quick", count=1, seed=11, question_ids=("longest",))
    played = _round(isolated_folders, request)
    right = right_lines(played)[0]
    status, transcript, _ = play(isolated_folders, ["", "9", "two", right], request)
    assert status == 0
    assert "Nothing was typed. Type the number of your answer, 1 to 3." in transcript
    assert "There is no choice 9: type 1 to 3.\n> two" in transcript  # what to type, said once
    assert "'two' is not a number." in transcript
    assert [row[3] for row in _saved(isolated_folders)] == ["right"]


def test_hint_repeat_and_time_then_a_timed_out_answer(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"])
    request = PlayRequest(
        "rivers", mode="timed", count=2, seed=11, question_ids=("longest", "rhine-sea")
    )
    played = _round(isolated_folders, request)
    lines = ["?", "h", "time", right_lines(played)[0], TIMEOUT]
    if played.questions[0].question.id != "longest":
        lines = [TIMEOUT, "?", "h", "time", right_lines(played)[1]]
    status, transcript, _ = play(isolated_folders, lines, request)
    assert status == 0
    assert "Hint: It flows into the Caspian Sea." in transcript
    assert "The question is now worth half its points." in transcript
    assert "seconds left." in transcript
    assert "10 seconds left.\n5 seconds left.\nTime's up. The answer is: True.\n" in transcript
    assert transcript.count("Time's up") == 1  # said once
    assert "Time's up. The answer is: True." in transcript
    saved = {row[0]: row for row in _saved(isolated_folders)}
    assert saved["rhine-sea"][3] == "wrong" and saved["rhine-sea"][1] == "(no answer: time's up)"
    assert saved["longest"][3] == "right"
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3").answers
    assert {a.question_id: a.hint_used for a in rows}["longest"] is True


def test_q_asks_first_then_leaves_with_answers_kept(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="quick", count=3, seed=11)
    played = _round(isolated_folders, request)
    first = right_lines(played)[0]
    status, transcript, _ = play(isolated_folders, [first, "q", "n", "q", "y"], request)
    assert status == 0
    assert "Leave the round? The answers you gave are kept." in transcript
    assert "Go on, then." in transcript
    assert "You left the round after 1 of 3 questions." in transcript
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3")
    assert len(rows.answers) == 1 and rows.rounds[0].finished_at is None


def test_an_exam_by_class_code_from_the_menu_is_the_class_round(
    isolated_folders: dict[str, Path],
) -> None:
    write_bank(isolated_folders["questions"])
    write_bank(isolated_folders["questions"], EVERY_TYPE_BANK.replace("Every type", "Other"), "b")
    expected = _round(isolated_folders, PlayRequest("rivers", mode="exam", count=4, seed=482913))
    lines = ["Mia", "2", "3", "482913-99", "482913-4", *right_lines(expected)]
    status, transcript, _ = play(isolated_folders, lines, None, player=None)
    assert status == 0
    assert "This class code is for 99 questions, but only 6 here fit it" in transcript
    assert "Exam, class code 482913-4: no marks until the end" in transcript
    assert "Right." not in transcript  # no feedback until the end
    assert "Score so far" not in transcript  # nor marks, as on the exam's screen
    assert [row[0] for row in _saved(isolated_folders)] == [
        asked.question.id for asked in expected.questions
    ]
    assert "4 of 4 right" in transcript


def test_the_input_running_out_mid_round_says_so(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"])
    status, transcript, _ = play(
        isolated_folders, ["1"], PlayRequest("rivers", mode="quick", count=3, seed=1)
    )
    assert status == 1
    assert transcript.rstrip().endswith("The input ended. Every answer given so far is saved.")
    assert len(open_read_only(isolated_folders["saves"] / "quiz.sqlite3").answers) == 1


def test_hostile_bank_text_is_printed_as_text(isolated_folders: dict[str, Path]) -> None:
    hostile = EVERY_TYPE_BANK.replace(
        "prompt: Which river is longest?", 'prompt: "Which \\e[2J river [red] is \\x9b longest?"'
    )
    write_bank(isolated_folders["questions"], hostile)
    request = PlayRequest("rivers", mode="quick", count=1, seed=1, question_ids=("longest",))
    _, transcript, _ = play(isolated_folders, ["1"], request)
    # the bank is refused by the validator (control characters are an error in a bank) ...
    assert "cannot be played" in transcript
    assert "\x1b" not in transcript and "\x9b" not in transcript


@pytest.mark.parametrize("width", [80, 40])
def test_a_transcript_is_plain_lines_a_screen_reader_can_read(
    isolated_folders: dict[str, Path], width: int
) -> None:
    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="quick", count=6, seed=11)
    lines = ["2"] * 3 + ["x", "Black Sea", "1 2 3", "1a 2b 3c"] + ["1"] * 6
    _, transcript, _ = play(isolated_folders, lines, request, width=width)
    assert not any(ord(ch) in BOX_AND_BLOCKS for ch in transcript)
    assert "\x1b" not in transcript
    for line in transcript.splitlines():
        assert len(line) <= width or " " not in line.strip(), line


def test_bank_text_with_brackets_is_printed_exactly(isolated_folders: dict[str, Path]) -> None:
    marked = EVERY_TYPE_BANK.replace(
        "prompt: Which river is longest?", 'prompt: "Which [red]river[/] is [@click=app.quit]x?"'
    )
    write_bank(isolated_folders["questions"], marked)
    request = PlayRequest("rivers", mode="quick", count=1, seed=1, question_ids=("longest",))
    _, transcript, _ = play(isolated_folders, ["1"], request)
    assert "Which [red]river[/] is [@click=app.quit]x?" in transcript
    assert "Title: " not in transcript and "Every type [b]" in transcript


TRANSCRIPT = Path(__file__).with_name("transcripts") / "quick-round-seed-11.txt"


def test_the_transcript_of_a_seeded_round_is_pinned(isolated_folders: dict[str, Path]) -> None:
    """What a screen reader hears, word for word (QUIZ_UPDATE_TRANSCRIPTS=1 rewrites it)."""
    import os

    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="quick", count=6, seed=11)
    played = _round(isolated_folders, request)
    right = right_lines(played)
    # a repeat, a malformed order, a malformed match, a hint, then a wrong choice
    lines = ["?", right[0], "h", "4", right[1], "x", "1a 1b", right[2], right[3], "h", "1"]
    lines += right[5:]
    _, transcript, _ = play(isolated_folders, lines, request)
    if os.environ.get("QUIZ_UPDATE_TRANSCRIPTS"):
        TRANSCRIPT.parent.mkdir(exist_ok=True)
        TRANSCRIPT.write_text(transcript, encoding="utf-8")
    assert transcript == TRANSCRIPT.read_text(encoding="utf-8")


HOSTILE = "\x1b[2J\x1b]0;owned\x07\x9b31m"  # clear screen, retitle the window, C1 CSI
HOSTILE_SEEN = "\\x1b[2J\\x1b]0;owned\\x07\\x9b31m"


def test_hostile_text_from_a_bank_is_printed_with_its_controls_made_visible(
    isolated_folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bank the validator would refuse (or a save file made by hand) reaches the printer
    anyway: every control character is written out, none is obeyed."""
    from dataclasses import replace

    from game.banks.library import load_bank_by_id

    write_bank(isolated_folders["questions"])
    loaded = load_bank_by_id(isolated_folders["questions"], "rivers")
    assert loaded is not None and loaded.bank is not None
    longest = next(q for q in loaded.bank.questions if q.id == "longest")
    hostile = replace(
        longest,
        prompt=f"Which river{HOSTILE}?",
        choices=(f"Volga{HOSTILE}", "Danube", "Rhine"),
        answer=f"Volga{HOSTILE}",
        hint=f"Caspian{HOSTILE}",
        explanation=f"Long{HOSTILE}",
        quote=f"Europe{HOSTILE}",
    )
    bank = replace(loaded.bank, title=f"Rivers{HOSTILE}", questions=(hostile,))
    monkeypatch.setattr(Session, "load_bank", lambda self, bank_id: bank)
    request = PlayRequest("rivers", mode="quick", count=1, seed=1)
    from game.core.rounds import build_round

    choices = build_round(bank, request, random.Random(5)).questions[0].choices
    wrong = str(choices.index("Danube") + 1)
    # a hint, a typed control character (malformed: asked again), a wrong answer
    _, transcript, _ = play(isolated_folders, ["h", f"x{HOSTILE}", wrong], request)
    assert "\x1b" not in transcript and "\x9b" not in transcript and "\x07" not in transcript
    for said in (
        f"from Rivers{HOSTILE_SEEN}.",
        f"Which river{HOSTILE_SEEN}?",
        f"Volga{HOSTILE_SEEN}",
        f"Hint: Caspian{HOSTILE_SEEN}",
        f"> x{HOSTILE_SEEN}",
        f"The answer is: Volga{HOSTILE_SEEN}.",
        f"Why: Long{HOSTILE_SEEN}",
        f"Europe{HOSTILE_SEEN}",
    ):
        assert said in transcript, said


def test_a_hostile_player_name_is_printed_visible(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="quick", count=1, seed=1, question_ids=("rhine-sea",))
    _, transcript, _ = play(isolated_folders, [f"Ana{HOSTILE}", "t"], request, player=None)
    assert f"> Ana{HOSTILE_SEEN}" in transcript  # what was typed, shown as typed
    assert "Playing as Ana[2J]0;owned31m." in transcript  # the store keeps names clean
    assert "\x1b" not in transcript and "\x9b" not in transcript


def test_a_practice_round_plays_what_is_due_and_saves_it(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="practice", count=2, seed=3)
    status, transcript, _ = play(isolated_folders, ["Black Sea", "t", "1", "1 2", "1 2 3"], request)
    assert status in (0, 1)
    assert "Practice round of 2 questions from Every type [b]." in transcript
    assert "In this round because: new." in transcript  # nothing answered yet: all are new
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3")
    assert rows.rounds[0].mode == "practice" and len(rows.answers) == 2
    assert rows.rounds[0].finished_at is not None


def test_a_menu_item_that_wraps_goes_on_under_its_text(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"])
    _, transcript, _ = play(isolated_folders, ["q"], None, width=40)
    menu = transcript.split("Modes:\n")[1].split("Type a mode's number")[0].splitlines()
    assert menu[:3] == [
        "  1. Quick: questions with the right",
        "     answer after each.",
        "  2. Timed: a countdown on every",
    ]
    assert all(line.startswith(("  1. ", "  2. ", "  3. ", "  4. ", "     ")) for line in menu)


def test_the_summary_gives_the_grade_word_and_a_new_personal_best(
    isolated_folders: dict[str, Path],
) -> None:
    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="quick", count=1, seed=1, question_ids=("rhine-sea",))
    _, first, _ = play(isolated_folders, ["f"], request)
    assert "0 of 10 points: 0%, keep practising." in first
    assert "personal best" not in first  # a first round beats nothing
    _, second, _ = play(isolated_folders, ["t"], request)
    assert "10 of 10 points: 100%, excellent." in second
    assert "A new personal best for this bank." in second
    assert "Scoring: 10 points × difficulty" in second
    _, third, _ = play(isolated_folders, ["t"], request)
    assert "personal best" not in third  # a tie is not a new best


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0.4, "0 seconds"),
        (2.5, "3 seconds"),  # halves up, as on every screen (45 s)
        (1, "1 second"),
        (60, "1 minute"),
        (125.5, "2 minutes 6 seconds"),
        (3725, "1 hour 2 minutes"),
    ],
)
def test_a_rounds_time_in_words(seconds: float, words: str) -> None:
    from game.plain.game import duration_words

    assert duration_words(seconds) == words


def test_s_skips_a_question_to_the_end_and_again_gives_it_up(
    isolated_folders: dict[str, Path],
) -> None:
    write_bank(isolated_folders["questions"])
    ids = ("rhine-sea", "danube-mouth")
    request = PlayRequest("rivers", mode="quick", count=2, seed=1, question_ids=ids)
    played = _round(isolated_folders, request)
    first, second = (asked.question.id for asked in played.questions)
    answer = {"rhine-sea": "t", "danube-mouth": "Black Sea"}
    status, transcript, _ = play(isolated_folders, ["s", answer[second], "s"], request)
    assert status == 0
    # the next question takes its place; it comes back as the last
    assert "> s\nSkipped: it comes back at the end.\n\nQuestion 1 of 2." in transcript
    assert transcript.count("Question 1 of 2.") == 2 and transcript.count("Question 2 of 2.") == 1
    assert "Skipped earlier. Skip it again to give it up." in transcript
    assert "> s\nSkipped again: given up. It counts as wrong.\n" in transcript
    assert [(row[0], row[1], row[3]) for row in _saved(isolated_folders)] == [
        (second, answer[second], "right"),
        (first, "(no answer: skipped)", "wrong"),
    ]


def test_practice_and_timed_rounds_play_to_the_end(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"])
    # every question of a practice round is new to a new player; its answers may be any
    practice = PlayRequest("rivers", mode="practice", count=3)
    lines = ["1", "1", "t", "Black Sea", "1 2 3", "1a 2b 3c"] * 3
    status, transcript, _ = play(isolated_folders, lines, practice)
    assert status == 0
    assert "Practice round of 3 questions" in transcript
    assert transcript.count("In this round because: new.") == 3
    assert "Round over" in transcript
    timed = PlayRequest("rivers", mode="timed", count=2, seed=3)
    status, transcript, _ = play(
        isolated_folders, right_lines(_round(isolated_folders, timed)), timed
    )
    assert status == 0
    assert "You have 20 seconds for each question" in transcript
    assert "Round over" in transcript
    rounds = open_read_only(isolated_folders["saves"] / "quiz.sqlite3").rounds
    assert [(r.mode, r.finished_at is not None) for r in rounds] == [
        ("practice", True),
        ("timed", True),
    ]


def test_a_round_left_unfinished_is_offered_and_goes_on_where_it_stopped(
    isolated_folders: dict[str, Path],
) -> None:
    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="quick", count=4, seed=11)
    played = _round(isolated_folders, request)
    answers = right_lines(played)
    status, _, _ = play(isolated_folders, [*answers[:2], "q", "y"], request)
    assert status == 0

    lines = ["x", "r", *answers[2:]]
    status, transcript, _ = play(isolated_folders, lines, None)
    assert status == 0
    assert "You left a quick round of Every type [b] unfinished: 2 of 4 answered." in transcript
    assert "Type r, or nothing." in transcript
    assert "Resuming at question 3 of 4." in transcript
    assert "Question 1 of 4" not in transcript and "Question 3 of 4" in transcript
    assert "4 of 4 right" in transcript
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3")
    assert len(rows.rounds) == 1 and rows.rounds[0].finished_at is not None
    assert [a.question_id for a in rows.answers] == [a.question.id for a in played.questions]

    status, transcript, _ = play(isolated_folders, [""], None)  # nothing left to offer
    assert "unfinished" not in transcript


def test_enter_at_the_offer_starts_a_new_round_instead(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="quick", count=4, seed=11)
    first = right_lines(_round(isolated_folders, request))[0]
    play(isolated_folders, [first, "q", "y"], request)
    _, transcript, _ = play(isolated_folders, ["", "1"], None)  # Enter, then mode 1
    assert "1 of 4 answered" in transcript and "Resuming" not in transcript
    assert "Modes:" in transcript


def test_the_same_class_code_again_goes_on_with_that_exam(
    isolated_folders: dict[str, Path],
) -> None:
    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="exam", count=4, seed=482913)
    expected = _round(isolated_folders, request)
    answers = right_lines(expected)
    play(isolated_folders, answers[:3], request)  # the input ends: the terminal was closed
    status, transcript, _ = play(isolated_folders, answers[3:], request)
    assert status == 0
    assert "Resuming at question 4 of 4." in transcript
    assert "4 of 4 right" in transcript
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3")
    assert len(rows.rounds) == 1


def test_the_same_seed_with_another_count_is_another_exam(
    isolated_folders: dict[str, Path],
) -> None:
    """Only the same class code goes on with an exam: the seed of a 4-question exam with 3
    questions asked for is a new round, and the 4-question one stays to go on with."""
    write_bank(isolated_folders["questions"])
    four = PlayRequest("rivers", mode="exam", count=4, seed=482913)
    play(isolated_folders, right_lines(_round(isolated_folders, four))[:2], four)
    three = PlayRequest("rivers", mode="exam", count=3, seed=482913)
    status, transcript, _ = play(
        isolated_folders, right_lines(_round(isolated_folders, three)), three
    )
    assert status == 0
    assert "Resuming" not in transcript and "Exam, class code 482913-3" in transcript
    assert "3 of 3 right" in transcript
    _, transcript, _ = play(isolated_folders, [], four)
    assert "Resuming at question 3 of 4." in transcript


def test_a_typed_answer_a_letter_off_says_close_check_the_spelling(
    isolated_folders: dict[str, Path],
) -> None:
    """As the screen's feedback does: still wrong, but the player learns it was a slip."""
    write_bank(isolated_folders["questions"])
    request = PlayRequest("rivers", mode="quick", count=1, seed=1, question_ids=("danube-mouth",))
    status, transcript, _ = play(isolated_folders, ["Blak Sea"], request)
    assert status == 0
    assert (
        "Wrong. The answer is: Black Sea.\nYou answered: Blak Sea.\n"
        "Close: check the spelling.\nWhy:" in transcript
    )
    _, transcript, _ = play(isolated_folders, ["Red Sea"], request)
    assert "You answered: Red Sea.\nWhy:" in transcript and "spelling" not in transcript
    assert [row[3] for row in _saved(isolated_folders)] == ["wrong", "wrong"]
