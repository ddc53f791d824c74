"""Item analysis on hand-built rows: the facility and discrimination figures, worked out by hand."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from game.report.analysis import (
    FLAG_REVERSED,
    FLAG_TOO_EASY,
    FLAG_TOO_HARD,
    AnswerFacts,
    RoundFacts,
    analyse,
    analyse_bank,
)
from game.report.report_text import csv_text, markdown_text, table_text

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
RESULTS = {2: "right", 1: "partly", 0: "wrong"}


def class_round(
    player: str, points: dict[str, int], *, minutes: int = 0, finished: bool = True, **changes
):
    """A round of `player` answering each question worth 2 points with the points given."""
    key = (player, minutes)
    started = T0 + timedelta(minutes=minutes)
    score = sum(points.values())
    facts = RoundFacts(
        key,
        player,
        changes.get("bank_id", "rivers"),
        "Rivers of Europe",
        changes.get("mode", "exam"),
        started,
        finished,
        score,
        2 * len(points),
    )
    answers = [
        AnswerFacts(
            key,
            question_id,
            f"Prompt of {question_id}?",
            f"Answer of {question_id}",
            f"Explanation of {question_id}.",
            RESULTS[given],
            given,
            2,
            started + timedelta(seconds=10 * number),
        )
        for number, (question_id, given) in enumerate(points.items())
    ]
    return facts, answers


def analysed(*played):
    rounds = [facts for facts, _ in played]
    answers = [a for _, answer_list in played for a in answer_list]
    return analyse_bank(rounds, answers)


# Item scores (points / 2) of six students on three questions:
#        q1   q2   q3
#   A    1    1    1
#   B    1    1    0
#   C    1    0.5  0
#   D    0    1    0
#   E    1    0    0
#   F    0    0    0
CLASS = {
    "A": {"q1": 2, "q2": 2, "q3": 2},
    "B": {"q1": 2, "q2": 2, "q3": 0},
    "C": {"q1": 2, "q2": 1, "q3": 0},
    "D": {"q1": 0, "q2": 2, "q3": 0},
    "E": {"q1": 2, "q2": 0, "q3": 0},
    "F": {"q1": 0, "q2": 0, "q3": 0},
}


@pytest.fixture
def six_students():
    return analysed(*(class_round(player, points) for player, points in CLASS.items()))


def test_facility_is_the_share_of_points_with_partial_credit(six_students):
    facility = {q.question_id: q.facility for q in six_students.questions}
    assert facility["q1"] == pytest.approx(4 / 6)
    assert facility["q2"] == pytest.approx(3.5 / 6)  # C's partly right answer counts 0.5
    assert facility["q3"] == pytest.approx(1 / 6)
    assert {q.question_id: q.missed for q in six_students.questions} == {
        "q1": 2,
        "q2": 3,
        "q3": 5,
    }


def test_discrimination_is_the_item_rest_correlation(six_students):
    by_id = {q.question_id: q for q in six_students.questions}
    # q1: items x = 1,1,1,0,1,0; rest (mean of q2 and q3) y = 1, .5, .25, .5, 0, 0.
    # Sum of (x - mean x)(y - mean y) = 1/4; sums of squares 4/3 and 23/32:
    # r = (1/4) / sqrt(4/3 * 23/32) = sqrt(3/46).
    assert by_id["q1"].discrimination == pytest.approx(math.sqrt(3 / 46), abs=1e-12)
    # q2: cov 7/24, squares 29/24 and 17/24: r = 7 / sqrt(493).
    assert by_id["q2"].discrimination == pytest.approx(7 / math.sqrt(493), abs=1e-12)
    # q3: cov 3/8, squares 5/6 and 23/32: r = sqrt(27/115).
    assert by_id["q3"].discrimination == pytest.approx(math.sqrt(27 / 115), abs=1e-12)
    assert by_id["q3"].flags == (FLAG_TOO_HARD,)
    assert by_id["q1"].flags == by_id["q2"].flags == ()


def test_stronger_students_missing_a_question_is_flagged():
    # q1 scores 1,1,1,0,0 and q2 scores 0,0,1,1,1 (each the other's rest score):
    # means 0.6, cross products sum to -0.8, squares to 1.2: r = -0.8 / 1.2 = -2/3.
    played = [class_round(p, {"q1": 2, "q2": 0}) for p in "AB"]
    played += [class_round("C", {"q1": 2, "q2": 2})]
    played += [class_round(p, {"q1": 0, "q2": 2}) for p in "DE"]
    result = analysed(*played)
    for question in result.questions:
        assert question.discrimination == pytest.approx(-2 / 3, abs=1e-12)
        assert FLAG_REVERSED in question.flags


def test_with_fewer_than_five_students_discrimination_is_not_given():
    played = [class_round(p, points) for p, points in list(CLASS.items())[:4]]
    result = analysed(*played)
    for question in result.questions:
        assert question.discrimination is None
        assert question.discrimination_note == (
            "it takes 5 students who answered it and another question; found 4"
        )
        assert FLAG_REVERSED not in question.flags
    table = table_text([result])
    assert "n/a" in table
    assert "fewer than 5 students" in table


def test_everyone_right_is_too_easy_and_has_no_discrimination():
    played = [
        class_round(p, {"q1": 2, "q2": points})
        for p, points in zip("ABCDE", [2, 2, 0, 0, 1], strict=True)
    ]
    result = analysed(*played)
    easy = result.questions[0]
    assert easy.facility == 1.0
    assert easy.flags == (FLAG_TOO_EASY,)
    assert easy.discrimination is None
    assert easy.discrimination_note == "every student scored the same on it"


def test_only_each_students_first_answer_counts():
    first_try = class_round("A", {"q1": 0, "q2": 0}, minutes=0)
    second_try = class_round("A", {"q1": 2, "q2": 2}, minutes=30)
    result = analysed(first_try, second_try, class_round("B", {"q1": 2, "q2": 2}))
    assert {q.question_id: q.facility for q in result.questions} == {"q1": 0.5, "q2": 0.5}
    assert {q.question_id: q.students for q in result.questions} == {"q1": 2, "q2": 2}


def test_students_rounds_best_and_latest_percentages():
    played = [
        class_round("Ana", {"q1": 2, "q2": 0}, minutes=0),  # 50%
        class_round("Ana", {"q1": 2, "q2": 2}, minutes=10),  # 100%
        class_round("Ana", {"q1": 1, "q2": 0}, minutes=20),  # 25%, the latest
        class_round("Ana", {"q1": 0}, minutes=30, finished=False),
        class_round("Ben", {"q1": 0}, minutes=5, finished=False),
    ]
    result = analysed(*played)
    (ana,) = result.students  # Ben only started: listed apart, not scored
    assert (ana.player, ana.rounds, ana.unfinished) == ("Ana", 3, 1)
    assert (ana.best_percent, ana.latest_percent) == (100.0, 25.0)
    assert [(u.player, u.started_at.minute) for u in result.unfinished] == [("Ana", 30), ("Ben", 5)]
    assert result.rounds == 3  # finished rounds


def test_an_unfinished_round_does_not_count_in_the_question_figures():
    played = [
        class_round("Ana", {"q1": 2, "q2": 2}),
        class_round("Ben", {"q1": 0}, finished=False),
    ]
    result = analysed(*played)
    assert [(q.question_id, q.students, q.facility) for q in result.questions] == [
        ("q1", 1, 1.0),
        ("q2", 1, 1.0),
    ]


def test_most_missed_first_with_their_explanations(six_students):
    assert [q.question_id for q in six_students.most_missed] == ["q3", "q2", "q1"]
    hardest = six_students.most_missed[0]
    assert (hardest.missed, hardest.students) == (5, 6)
    assert hardest.explanation == "Explanation of q3."
    table = table_text([six_students])
    assert "1. q3: missed by 5 of 6 students (facility 0.17)" in table
    assert "   Explanation: Explanation of q3." in table
    assert all(len(line) <= 80 for line in table.splitlines())


def test_banks_and_modes_are_reported_apart():
    rivers = class_round("A", {"q1": 2})
    practice = class_round("B", {"q1": 0}, mode="practice")
    lakes = class_round("C", {"l1": 2}, bank_id="lakes")
    rounds = [rivers[0], practice[0], lakes[0]]
    answers = rivers[1] + practice[1] + lakes[1]
    assert [a.bank_id for a in analyse(rounds, answers)] == ["lakes", "rivers"]
    only_exam = analyse(rounds, answers, bank_id="rivers", mode="exam")
    assert [s.player for s in only_exam[0].students] == ["A"]
    assert analyse(rounds, answers, bank_id="seas") == []


def test_the_csv_gives_the_percentages_the_table_shows_rounded_half_up():
    half = analysed(class_round("G", {"q1": 2, "q2": 2, "q3": 1, "q4": 0}))  # 5 of 8: 62.5%
    assert "\nG                1           0   63%     63%\n" in table_text([half])
    assert "rivers,G,1,0,63,63" in csv_text([half])


def test_the_three_formats_show_the_same_figures(six_students):
    table = table_text([six_students])
    assert "\nPrompt of q1?" + " " * 46 + "6      0.67      0.26\n" in table
    assert "\nPrompt of q3?" + " " * 46 + "6      0.17      0.48\n    flagged: too hard\n" in table
    assert "\nB                1           0   67%     67%\n" in table
    assert "rivers,,q1,,6,2,0.667,0.255,,," in csv_text([six_students], "questions")
    assert "rivers,A,1,0,100,100" in csv_text([six_students])
    assert "rivers,B,1,0,67,67" in csv_text([six_students])  # the table's 67%, not 66.7
    markdown = markdown_text([six_students])
    assert "| Prompt of q3? | 6 | 0.17 | 0.48 | too hard |" in markdown


def test_hostile_text_stays_as_written_but_cannot_drive_the_terminal():
    facts, answers = class_round("[NATO] \x1b[2J", {"q1": 0})
    answers = [
        AnswerFacts(
            a.round_key,
            "q1",
            "[/] or [b]?",
            "=SUM(A1)",
            "Ünïcödé 北京 | *not bold*",
            "wrong",
            0,
            2,
            a.answered_at,
        )
        for a in answers
    ]
    result = analyse_bank([facts], answers)
    table = table_text([result])
    assert "\x1b" not in table
    assert "[NATO] \\x1b[2J" in table
    assert "   [/] or [b]?" in table
    assert "Ünïcödé 北京 | *not bold*" in table
    assert "'=SUM(A1)" in csv_text([result], "questions")
    assert "Ünïcödé 北京 \\| \\*not bold\\*" in markdown_text([result])
