"""The round as a student feels it: feedback keeps the question in view, warnings go with the
question, the running score and streak, skipping, spelling slips, multi picks in screen order."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from round_kit import ARTICLE_BANK, RoundHarness, make_round, right_keys, run_app, screen_text
from shell_kit import footer_keys
from textual.pilot import Pilot
from textual.widgets import Input

from game.core.model import Bank, Question, QuestionType
from game.core.records import Result
from game.core.rounds import SKIPPED_ANSWER, build_round
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.round import RoundScreen
from game.ui.screens.summary import SummaryScreen
from game.ui.widgets.answer_base import AnswerWidget


async def _until(pilot: Pilot, check, tries: int = 100) -> None:
    """Wait, a frame at a time, until ``check()`` is true (no fixed sleeps)."""
    for _ in range(tries):
        if check():
            return
        await pilot.pause(0.02)
    assert check()


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_feedback_keeps_prompt_verdict_and_way_on_in_view(size: tuple[int, int]) -> None:
    played = make_round(question_ids=("ties-with",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press(*right_keys(played.questions[0]))
        await _until(pilot, lambda: "✓ Right" in screen_text(app))
        await pilot.pause()
        text = screen_text(app)
        assert "Which heavily sanctioned countries" in text  # the prompt, still on screen
        assert "✓ Right" in text and "Press Enter to see your results." in text
        assert text.index("Which heavily") < text.index("✓ Right") < text.index("Press Enter")

    run_app(app, scenario, size=size)


def test_a_warning_about_the_question_goes_when_it_is_answered() -> None:
    played = make_round(question_ids=("who-is-where",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("enter")  # nothing paired yet
        await _until(pilot, lambda: "Pair every item" in screen_text(app))
        await pilot.press(*right_keys(played.questions[0]))
        await _until(pilot, lambda: "✓ Right" in screen_text(app))
        await pilot.pause()
        assert "Pair every item" not in screen_text(app)

    run_app(app, scenario)


def test_multi_feedback_lists_picks_in_the_screens_order() -> None:
    played = make_round(question_ids=("ties-with",))
    shown = played.questions[0].choices
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        # Pick every choice, last shown first: the feedback still reads top to bottom.
        await pilot.press(*(str(n) for n in range(len(shown), 0, -1)), "enter")
        await _until(pilot, lambda: "Your answer:" in screen_text(app))
        lines = [line.strip() for line in screen_text(app).splitlines()]
        picks = [line for line in lines if line.endswith(("✓", "✗"))]
        assert [pick[:-3] for pick in picks] == list(shown)

    run_app(app, scenario, size=(120, 30))
    assert app.records[0].given == "; ".join(shown)


def test_multi_feedback_marks_each_pick_and_gives_the_whole_right_answer() -> None:
    """A multi answer's feedback was one run-on line ("Iran; Taiwan; ..."): each pick now has
    a line, ✓ when it is one of the right ones, ✗ when not, then the right answer whole."""
    played = make_round(question_ids=("ties-with",))
    shown = played.questions[0].choices
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        keys = [str(shown.index(pick) + 1) for pick in ("Iran", "Taiwan")]
        await pilot.press(*keys, "enter")
        await _until(pilot, lambda: "Right answer:" in screen_text(app))
        lines = [line.strip() for line in screen_text(app).splitlines()]
        picks = [line for line in lines if line.endswith(("✓", "✗"))]
        assert sorted(picks) == ["Iran  ✓", "Taiwan  ✗"]
        assert "Right answer: " + "; ".join(c for c in shown if c in ("Iran", "North Korea")) in (
            lines
        )

    run_app(app, scenario)


def test_order_feedback_hangs_wrapped_lines_under_the_item_at_60x20() -> None:
    """At 60 columns a wrong item's line ran on into "✗ should be" and wrapped to the left
    edge: the ✗ ends the item, "should be" starts a line of its own, and every wrapped line
    sits in under its item's text."""
    long_items = (
        "Officials restart the long-stalled fentanyl talks in Beijing",
        "China's top diplomat meets Mr. Biden's national security adviser",
        "Presidents meet at a summit near San Francisco in November",
    )
    bank = replace(
        ARTICLE_BANK,
        questions=tuple(
            replace(q, items=long_items) if q.id == "timeline" else q
            for q in ARTICLE_BANK.questions
        ),
    )
    played = make_round(bank, question_ids=("timeline",), seed=3)
    shown = played.questions[0].items
    assert shown != long_items  # the shuffle leaves something to get wrong
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("enter")  # the order as shown
        await _until(pilot, lambda: "Your answer:" in screen_text(app))
        lines = screen_text(app).splitlines()
        start = next(n for n, line in enumerate(lines) if "Your answer:" in line) + 1
        body = [line for line in lines[start:] if line.strip()][:9]
        items = [line for line in body if line.lstrip()[:1].isdigit()]
        assert len(items) == 3, body
        indent = len(items[0]) - len(items[0].lstrip())
        for line in body:
            # an item at the indent; its wrapped lines and "should be" under its text
            shown_at = len(line) - len(line.lstrip())
            assert shown_at == (indent if line in items else indent + len("1. ")), body
        # the last column may hold the scroll bar
        assert any(line[:-1].rstrip().endswith("✗") for line in body), body
        assert any(line.strip().startswith("should be ") for line in body)

    run_app(app, scenario, size=(60, 20))


def test_a_spelling_slip_scores_nothing_but_says_close() -> None:
    played = make_round(question_ids=("national-security-adviser",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press(*"Sulivan", "enter")
        await _until(pilot, lambda: "✗ Wrong" in screen_text(app))
        assert "close: check the spelling" in screen_text(app)

    run_app(app, scenario)
    assert app.records[0].result is Result.WRONG


def test_a_wrong_answer_far_off_is_not_called_close() -> None:
    played = make_round(question_ids=("national-security-adviser",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press(*"Blinken", "enter")
        await _until(pilot, lambda: "✗ Wrong" in screen_text(app))
        assert "close" not in screen_text(app)

    run_app(app, scenario)


def test_running_score_and_streak_on_the_question_screen() -> None:
    played = make_round(question_ids=("fentanyl-talks", "sanctions-lifted", "ties-with"))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert "0 pts" in screen_text(app)
        for number in range(2):
            await pilot.press(*right_keys(screen.round_state.current))
            await _until(pilot, lambda: screen.phase == "feedback")
            await pilot.press("enter")
            await _until(pilot, lambda n=number: screen.round_state.position == n + 1)
            await _until(pilot, lambda: screen.phase == "answering")
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert f"{screen.round_state.score} pts" in top and "streak 2" in top
        assert screen.round_state.score > 0

    run_app(app, scenario)


def test_skip_brings_the_question_back_at_the_end_and_a_second_skip_gives_it_up() -> None:
    played = make_round(question_ids=("fentanyl-talks", "sanctions-lifted"))
    first = played.questions[0].question.prompt[:30]
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert "s Skip" in screen_text(app)
        await pilot.press("s")
        await _until(pilot, lambda: first not in screen_text(app))
        await pilot.press(*right_keys(screen.round_state.current))
        await _until(pilot, lambda: screen.phase == "feedback")
        await pilot.press("enter")
        await _until(pilot, lambda: first in screen_text(app))
        assert "skipped earlier" in screen_text(app)
        await pilot.press("s")  # given up: counts as wrong, and the round ends
        await _until(pilot, lambda: isinstance(app.screen, SummaryScreen))

    run_app(app, scenario)
    assert [r.given for r in app.records][-1] == SKIPPED_ANSWER
    assert app.completed is not None
    assert (app.completed.summary.right, app.completed.summary.answered) == (1, 2)


def test_skip_while_typing_is_ctrl_s_and_s_still_types() -> None:
    played = make_round(question_ids=("national-security-adviser", "fentanyl-talks"))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.press("s")
        await pilot.pause()
        assert screen.round_state.current.question.id == "national-security-adviser"
        assert "^s Skip" in screen_text(app)
        await pilot.press("ctrl+s")
        await _until(pilot, lambda: screen.round_state.current.question.id == "fentanyl-talks")

    run_app(app, scenario)


def test_the_next_question_is_built_while_the_feedback_is_read() -> None:
    # Enter on the feedback only has to show the next question: its answer widget is built,
    # hidden, once the feedback is on the screen. Shown, it is that same widget.
    played = make_round(question_ids=("fentanyl-talks", "ties-with"))
    app = RoundHarness(played)
    following = played.questions[1]

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        await pilot.press(*right_keys(played.questions[0]))

        def prepared() -> list[AnswerWidget]:
            return [
                widget
                for widget in screen.query(AnswerWidget)
                if getattr(widget, "choices", None) == following.choices
            ]

        await _until(pilot, lambda: "✓ Right" in screen_text(app) and bool(prepared()))
        widget = prepared()[0]
        assert len(screen.query(AnswerWidget)) == 1  # the answered question's has gone
        assert not widget.region.height  # hidden under the feedback
        assert not any(choice in screen_text(app) for choice in following.choices)
        await pilot.press("enter")
        await _until(pilot, lambda: following.question.prompt[:30] in screen_text(app))
        assert screen.query_one(AnswerWidget) is widget and widget.region.height
        assert all(choice[:20] in screen_text(app) for choice in following.choices)
        await pilot.press(*right_keys(following))  # and it takes the answer
        await _until(pilot, lambda: len(app.records) == 2)
        assert app.records[1].result is Result.RIGHT

    run_app(app, scenario)


def test_after_a_dialog_over_the_feedback_the_keys_are_still_the_feedbacks() -> None:
    # The next question (typed) is built hidden during the feedback. Back from the leave
    # dialog, no hidden widget may take the keys: Enter goes on, letters type nothing.
    played = make_round(question_ids=("fentanyl-talks", "national-security-adviser"), seed=1)
    assert played.questions[1].question.id == "national-security-adviser"  # typed, second
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        await pilot.press(*right_keys(played.questions[0]))
        await _until(pilot, lambda: "✓ Right" in screen_text(app))
        await _until(pilot, lambda: bool(screen.query("AnswerLine")))  # built, hidden
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await _until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        assert screen.focused is None and "⏎ Next" in screen_text(app)
        await pilot.press("x", "enter")
        await _until(pilot, lambda: screen.phase == "answering")
        line = screen.query_one("AnswerLine", Input)
        assert screen.focused is line and line.value == ""  # the "x" went nowhere
        assert "Question 2 / 2" in screen_text(app)

    run_app(app, scenario)


def test_the_arrow_keys_scroll_the_feedback() -> None:
    # After an answer no widget has the keys (the answer widget has gone): the screen's arrows
    # scroll the question and its feedback, and Enter still goes on.
    question = Question(
        id="long-why",
        type=QuestionType.CHOICE,
        prompt="Which one?",
        choices=("Right", "Wrong"),
        answer="Right",
        explanation=" ".join(f"because{n}" for n in range(200)),
    )
    played = make_round(Bank("why", "why.yaml", "Why", (question,)))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press(*right_keys(played.questions[0]))
        await _until(pilot, lambda: "✓ Right" in screen_text(app))
        screen = app.screen
        body = screen.query_one("#round-body")
        assert screen.focused is None
        assert body.max_scroll_y > 2  # the explanation runs below the edge
        start = body.scroll_y
        await pilot.press("down", "down")
        await _until(pilot, lambda: body.scroll_y == start + 2)
        await pilot.press("up")
        await _until(pilot, lambda: body.scroll_y == start + 1)
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, SummaryScreen))

    run_app(app, scenario)


def test_a_typed_answer_offers_enter_to_submit_in_the_footer() -> None:
    played = make_round(question_ids=("national-security-adviser",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.pause()
        keys = footer_keys(app)
        assert "⏎ Submit" in keys and "^s Skip" in keys
        await pilot.press("enter")  # nothing typed yet: said in words, not taken
        await _until(pilot, lambda: "Type an answer first." in screen_text(app))
        assert not app.records
        await pilot.press(*"Wu", "enter")
        await _until(pilot, lambda: bool(app.records))
        assert app.records[0].given == "Wu"

    run_app(app, scenario)


def _wrong_keys(asked) -> list[str]:
    """Keys that give a wrong answer to a choice or true/false question."""
    question = asked.question
    if question.type.value == "truefalse":
        return ["f" if question.truth else "t", "enter"]
    wrong = next(n for n, choice in enumerate(asked.choices) if choice != question.answer)
    return [str(wrong + 1), "enter"]


def _finish(played, right_ids: set[str]):
    """Keys that play the round, right for the given question ids and wrong otherwise."""

    async def play(pilot: Pilot) -> None:
        app = pilot.app
        for asked in played.questions:
            right = asked.question.id in right_ids
            keys = right_keys(asked) if right else _wrong_keys(asked)
            await pilot.press(*keys, "enter")
        await _until(pilot, lambda: isinstance(app.screen, SummaryScreen))

    return play


def test_summary_shows_a_grade_word_beside_the_percentage() -> None:
    played = make_round(question_ids=("fentanyl-talks", "sanctions-lifted"))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await _finish(played, {"fentanyl-talks"})(pilot)
        assert "10 of 20 points  ·  50%  ·  Fair" in screen_text(app)
        assert "personal best" not in screen_text(app)

    run_app(app, scenario)


def test_summary_says_new_personal_best_when_told() -> None:
    played = make_round(question_ids=("fentanyl-talks",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await _finish(played, {"fentanyl-talks"})(pilot)
        assert app.completed is not None
        await app.switch_screen(SummaryScreen(app.completed.played, personal_best=True))
        await pilot.pause()
        assert "★ New personal best for this bank" in screen_text(app)

    run_app(app, scenario)


def test_after_a_review_p_plays_a_new_round_and_v_the_review_again() -> None:
    played = make_round(question_ids=("fentanyl-talks", "sanctions-lifted"), count=2)
    review_request = None
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        nonlocal review_request
        await _finish(played, {"fentanyl-talks"})(pilot)
        await pilot.press("r")
        await _until(pilot, lambda: app.requests)
        review_request = app.requests[0][1]

    run_app(app, scenario)
    assert review_request is not None and review_request.origin == played.request

    review = build_round(ARTICLE_BANK, review_request, random.Random(1))
    app = RoundHarness(review)

    async def in_review(pilot: Pilot) -> None:
        await _finish(review, set())(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "p New round" in footer and "v Review again" in footer
        assert "Play again" not in footer
        await pilot.press("p", "v")
        await _until(pilot, lambda: len(app.requests) == 2)

    run_app(app, in_review)
    (_, new_round), (_, again) = app.requests
    assert new_round.mode == "quick" and new_round.question_ids == played.request.question_ids
    assert again.mode == "review" and again.question_ids == ("sanctions-lifted",)


def test_summary_footer_fits_at_60x20() -> None:
    played = make_round(question_ids=("fentanyl-talks", "sanctions-lifted"))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await _finish(played, set())(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "r Review missed" in footer and "p Play again" in footer
        assert "esc Home" in footer  # the last key, whole

    run_app(app, scenario, size=(60, 20))


def test_a_late_submit_from_the_last_questions_widget_is_ignored() -> None:
    """Enter pressed twice quickly on a multi answer once crashed the round: the second
    submit arrived after the next (choice) question was up and was scored against it."""
    from game.ui.widgets.answer_base import AnswerWidget

    played = make_round(question_ids=("ties-with", "fentanyl-talks"))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        old = screen.query_one(AnswerWidget)
        await pilot.press(*right_keys(screen.round_state.current))
        await _until(pilot, lambda: screen.phase == "feedback")
        await pilot.press("enter")
        await _until(
            pilot, lambda: screen.phase == "answering" and screen.round_state.position == 1
        )
        screen.post_message(AnswerWidget.Submitted(old, frozenset({"Iran"})))
        await pilot.pause()
        await pilot.pause()
        assert screen.phase == "answering" and len(app.records) == 1

    run_app(app, scenario)


def test_match_cursor_moves_to_the_next_unpaired_item_as_the_help_says() -> None:
    from game.ui.widgets.match_answer import MatchAnswer

    played = make_round(question_ids=("who-is-where",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        widget = app.screen.query_one(MatchAnswer)
        text = " ".join(screen_text(app).split())
        assert "the ▸ then moves down to the next item not yet paired" in text
        await pilot.press("3")
        await pilot.pause()
        assert (widget.paired, widget.cursor) == ({0: 2}, 1)  # on to the second item
        await pilot.press("up", "1")  # back to the first: re-pair it
        await pilot.pause()
        assert widget.paired == {0: 0} and widget.cursor == 1  # the next unpaired again
        await pilot.press("down", "2")  # the third item
        await pilot.pause()
        assert widget.paired == {0: 0, 2: 1} and widget.cursor == 1  # wraps to the one left

    run_app(app, scenario)
