"""One truth on every screen: one rounding rule (half up), one percentage, one round time.

50 of 80 points was 63% on the summary but 62% on home and History; a facility of 0.625 was
0.62; a round took 1 min 00 s on the summary and 1m49s in History. These tests hold every
place that shows such a figure to the one function in game.core.figures.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from game.core.figures import (
    decimal_text,
    duration_text,
    percent,
    percent_text,
    round_half_up,
    round_seconds,
)
from game.core.model import BankSummary
from game.core.records import Result
from game.report.analysis import AnswerFacts, RoundFacts, analyse_bank
from game.report.history import history_text
from game.report.report_text import table_text
from game.store import memory_store
from game.ui.screens.home import bank_detail, bank_prompt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_kit import T0, answer, round_start


def test_halves_round_up():
    assert [round_half_up(x) for x in (0.5, 1.5, 2.5, 62.5, 12.5)] == [1, 2, 3, 63, 13]
    assert percent(50, 80) == 63
    assert percent(1, 8) == 13
    assert percent(0, 0) == 0
    assert percent_text(62.5) == "63%"
    assert percent_text(None) == "-"


def test_shares_round_half_up_as_the_decimal_they_print_as():
    assert decimal_text(0.625) == "0.63"
    assert decimal_text(0.285) == "0.29"  # 0.28499999… in binary, 0.285 as written
    assert decimal_text(-0.125) == "-0.13"
    assert decimal_text(-0.001) == "0.00"
    assert decimal_text(None) == "n/a"


def test_a_duration_reads_the_same_everywhere():
    assert duration_text(45) == "45 s"
    assert duration_text(59.5) == "1 min 00 s"
    assert duration_text(109) == "1 min 49 s"
    assert duration_text(3900) == "1 h 05 min"
    assert duration_text(None) == "-"


def test_a_rounds_time_runs_from_the_first_question_to_the_last_answer():
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    assert round_seconds(start, start + timedelta(seconds=109)) == 109
    assert round_seconds(start, None) is None


def _summary() -> BankSummary:
    return BankSummary(
        bank_id="rivers", path="rivers.yaml", title="Rivers", question_count=8, topics={}
    )


def test_home_shows_the_best_as_the_summary_does():
    """A best round of 50 of 80 points: 63% on home, as on the summary."""
    summary = _summary()
    assert "best 63%" in bank_prompt(summary, 62.5).plain
    assert "your best 63%" in bank_detail(summary, 62.5).plain


def test_quiz_history_shows_half_up_percentages_and_the_rounds_time():
    store = memory_store()
    played = store.start_round(round_start("Ada", max_score=80, question_count=2))
    store.record_answer(played, answer("q1", Result.RIGHT, T0 + timedelta(seconds=60), points=50))
    store.record_answer(played, answer("q2", Result.WRONG, T0 + timedelta(seconds=109), points=0))
    store.finish_round(played, 50, 80, T0 + timedelta(minutes=5))  # summary left open 3 min
    table = history_text(store, "Ada", None, "table", timezone=UTC)
    row = table.splitlines()[2]
    assert " 63% " in row
    assert row.endswith("1 min 49 s")  # to the last answer, not to when the summary closed
    assert store.rounds()[0].duration_seconds == 109


def test_the_class_report_rounds_a_facility_half_up():
    started = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
    rounds, answers = [], []
    for number in range(8):  # 5 of 8 students right: facility 0.625
        key = (f"S{number}", 0)
        got = 2 if number < 5 else 0
        rounds.append(
            RoundFacts(key, f"S{number}", "rivers", "Rivers", "exam", started, True, got, 2)
        )
        answers.append(
            AnswerFacts(
                key, "q1", "Prompt?", "Answer", "Why.", "right" if got else "wrong", got, 2, started
            )
        )
    analysis = analyse_bank(rounds, answers)
    assert analysis.questions[0].facility == 0.625
    table = table_text([analysis])
    assert "0.63" in table and "0.62" not in table


def test_the_summary_times_the_round_as_history_does():
    """The summary once said 1 min 00 s (the answers' own seconds added) where History said
    1 min 49 s: both now run from the first question shown to the last answer."""
    from dataclasses import replace

    from game.core.model import Bank, Question, QuestionType
    from game.core.rounds import PlayRequest, build_round
    from game.ui.screens.summary import figures_text

    questions = tuple(
        Question(
            id=f"q{n}",
            type=QuestionType.TRUEFALSE,
            prompt=f"Prompt {n}",
            explanation="Why.",
            truth=True,
        )
        for n in range(2)
    )
    bank = Bank(bank_id="b", path="b.yaml", title="B", questions=questions)
    played = build_round(bank, PlayRequest(bank_id="b", count=2), random.Random(1))
    played = replace(played, started_at=T0)
    played, _ = played.answer(True, seconds=30.0, answered_at=T0 + timedelta(seconds=45))
    played, _ = played.answer(True, seconds=30.0, answered_at=T0 + timedelta(seconds=109))
    summary = played.summary()
    assert summary.seconds == 109  # not 30 + 30
    assert "time 1 min 49 s" in figures_text(summary)
    store = memory_store()
    round_id = store.start_round(played.round_start("Ada", T0))
    for record in played.answers:
        store.record_answer(round_id, record)
    store.finish_round(round_id, summary.score, summary.max_score, T0 + timedelta(minutes=9))
    assert duration_text(store.rounds()[0].duration_seconds) == "1 min 49 s"


def test_plurals_and_single_full_stops():
    from game.core.figures import plural, sentence

    assert [plural(n, "warning") for n in (0, 1, 2)] == ["0 warnings", "1 warning", "2 warnings"]
    assert sentence("the U.S. said so") == "The U.S. said so."
    assert sentence("the file is damaged.") == "The file is damaged."  # never ".."
    assert (
        sentence("is this the bank your teacher means?") == "Is this the bank your teacher means?"
    )


def test_a_class_code_for_one_question_too_many_says_question(tmp_path):
    from game.core.class_code import parse_code
    from game.core.model import Bank, Question, QuestionType
    from game.core.rounds import class_code_request

    question = Question(
        id="q", type=QuestionType.TRUEFALSE, prompt="P", explanation="W.", truth=True
    )
    bank = Bank(bank_id="b", path="b.yaml", title="B", questions=(question,), topics={"t": "T"})
    words = class_code_request(bank, parse_code("5-1-d3"))
    assert words.startswith("this class code is for 1 question, but only 0 here fit")


def test_quiz_import_counts_one_warning_in_the_singular(tmp_path, capsys):
    from game.cli import main

    aiken = tmp_path / "one.txt"
    aiken.write_text("Which is bigger?\nA. “One”\nB. Two\nANSWER: B\n", encoding="utf-8")
    assert main(["import", str(aiken), str(tmp_path / "one.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Checked as quiz validate does: 0 errors, 1 warning." in out  # was "1 warnings"
