"""Playing rounds by keys through the round and summary screens, in a tiny App with a recorder."""

from __future__ import annotations

import asyncio

from round_kit import (
    FakeClock,
    RoundHarness,
    make_round,
    order_keys,
    right_keys,
    run_app,
    screen_text,
    wait_for_text,
)
from textual.pilot import Pilot

from game.core.model import Bank, Question, QuestionType
from game.core.records import Result
from game.ui.screens import round as round_screen_module
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.round import RoundScreen
from game.ui.screens.summary import SummaryScreen
from game.ui.widgets.answer_base import AnswerRow


def one_question_round(question_id: str, **fields):
    """A round of just one of the article bank's questions."""
    return make_round(question_ids=(question_id,), **fields)


def play_one(question_id: str, keys_for, **fields) -> tuple[RoundHarness, list[str]]:
    """Answer one question with the keys ``keys_for(asked)`` gives; return the app and screens."""
    played = one_question_round(question_id, **fields)
    app = RoundHarness(played)
    seen: list[str] = []

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.press(*keys_for(played.questions[0]))
        await pilot.pause()
        seen.append(screen_text(app))  # the feedback
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        seen.append(screen_text(app))  # the summary

    run_app(app, scenario)
    return app, seen


def test_choice_digit_picks_and_enter_confirms() -> None:
    def keys(asked):
        wrong = next(i for i, c in enumerate(asked.choices) if c != asked.question.answer)
        return [str(wrong + 1), *right_keys(asked)]  # a second digit changes the pick

    app, (feedback, summary) = play_one("fentanyl-talks", keys)
    [record] = app.records
    assert (record.result, record.points, record.given) == (Result.RIGHT, 10, "Beijing")
    assert "✓ Right" in feedback and "+10 of 10 points" in feedback
    assert "From the article:" in feedback and "Days later, in Beijing" in feedback
    assert "10 of 10 points  ·  100%" in summary
    assert "1 of 1 right" in summary and "best streak 1" in summary
    assert "Nothing missed" in summary
    assert app.completed is not None and app.completed.summary.score == 10


def test_multi_toggles_and_partial_credit() -> None:
    def keys(asked):
        iran = str(asked.choices.index("Iran") + 1)
        taiwan = str(asked.choices.index("Taiwan") + 1)
        return [iran, taiwan, taiwan, "enter"]  # Taiwan toggled on and off again

    app, (feedback, summary) = play_one("ties-with", keys)
    [record] = app.records
    assert (record.result, record.points, record.max_points) == (Result.PARTLY, 10, 20)
    assert "◐ Partly right" in feedback and "Right answer: Iran; North Korea" in feedback
    assert "10 of 20 points  ·  50%" in summary
    assert "0 of 1 right (1 partly)" in summary
    assert "Missed: 1" in summary and "Right answer: Iran; North Korea" in summary


def test_truefalse_by_letter_wrong_answer() -> None:
    app, (feedback, summary) = play_one("sanctions-lifted", lambda asked: ["f", "enter"])
    [record] = app.records
    assert (record.result, record.points, record.given, record.expected) == (
        Result.WRONG,
        0,
        "False",
        "True",
    )
    assert "✗ Wrong" in feedback and "Right answer: True" in feedback
    assert "0 of 10 points  ·  0%" in summary and "0 of 1 right" in summary


def test_truefalse_by_digit() -> None:
    app, _ = play_one("sanctions-lifted", lambda asked: ["2", "1", "enter"])
    assert app.records[0].result is Result.RIGHT


def test_short_typed_answer_with_hint_halves_points() -> None:
    keys = ["ctrl+t", "space", "s", "u", "l", "l", "i", "v", "a", "n", "!", "enter"]
    app, (feedback, summary) = play_one("national-security-adviser", lambda asked: keys)
    [record] = app.records
    assert (record.result, record.points, record.hint_used, record.given) == (
        Result.RIGHT,
        10,
        True,
        " sullivan!",
    )
    assert "+10 of 20 points (hint used: halved)" in feedback
    assert "10 of 20 points  ·  50%" in summary and "1 hint" in summary


def test_short_letter_h_types_rather_than_shows_hint() -> None:
    app, _ = play_one("national-security-adviser", lambda asked: ["h", "enter"])
    assert (app.records[0].given, app.records[0].hint_used) == ("h", False)


def test_order_moves_items_into_place() -> None:
    app, (_, summary) = play_one("timeline", right_keys)
    [record] = app.records
    assert (record.result, record.points) == (Result.RIGHT, 30)
    assert record.given == "1. San Francisco summit  2. Bangkok meeting  3. Beijing fentanyl talks"
    assert "30 of 30 points  ·  100%" in summary


def test_order_as_shown_scores_the_share_in_place() -> None:
    app, _ = play_one("timeline", lambda asked: ["enter"])
    played = one_question_round("timeline")
    shown = played.questions[0].items
    in_place = sum(a == b for a, b in zip(shown, played.questions[0].question.items, strict=True))
    assert in_place < 3  # never shown solved
    assert app.records[0].points == round(30 * in_place / 3)


def test_order_brackets_move_items_too() -> None:
    def keys(asked):
        moves = order_keys(asked.items, asked.question.items)
        names = {"shift+up": "left_square_bracket"}
        return [names.get(key, key) for key in moves] + ["enter"]

    app, _ = play_one("timeline", keys)
    assert app.records[0].result is Result.RIGHT


def test_match_pairs_by_digits_and_refuses_half_done() -> None:
    played = one_question_round("who-is-where")
    asked = played.questions[0]
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        first = str(asked.rights.index("Fudan University") + 1)
        await pilot.press(first, "enter")  # two lefts still unpaired
        await pilot.pause()
        assert app.records == []
        assert "Pair every item on the left first" in screen_text(app)
        await pilot.press("up", "backspace")  # unpair Wu Xinbo again...
        await pilot.press(*right_keys(asked))  # ...and pair everything right
        await pilot.pause()
        assert "✓ Right" in screen_text(app)

    run_app(app, scenario)
    [record] = app.records
    assert (record.result, record.points) == (Result.RIGHT, 20)
    assert record.given.startswith("Wu Xinbo → Fudan University; Sheena Greitens → ")


def test_full_round_of_every_type_by_keys() -> None:
    played = make_round(count=6, seed=99)
    app = RoundHarness(played, FakeClock())

    async def scenario(pilot: Pilot) -> None:
        for number, asked in enumerate(played.questions, start=1):
            text = screen_text(app)
            assert f"Question {number} / 6" in text
            assert asked.question.prompt[:40] in text
            app.clock.advance(5)
            await pilot.press(*right_keys(asked))
            await pilot.pause()
            assert "✓ Right" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
        text = screen_text(app)
        assert "110 of 110 points  ·  100%" in text
        assert "6 of 6 right  ·  time 30 s  ·  best streak 6" in text
        assert "Talks" in text and "Security" in text
        assert "4 of 4 right" in text and "2 of 2 right" in text
        assert "Scoring: 10 points × difficulty" in text

    run_app(app, scenario)
    assert [r.question_id for r in app.records] == [a.question.id for a in played.questions]
    assert all(r.result is Result.RIGHT for r in app.records)
    assert {r.seconds for r in app.records} == {5.0}


def test_exam_gives_the_same_round_twice_and_no_feedback() -> None:
    def play_exam() -> list[str]:
        played = make_round(mode="exam", seed=31337, count=6)
        app = RoundHarness(played)
        pages: list[str] = []

        async def scenario(pilot: Pilot) -> None:
            for number in range(6):
                text = screen_text(app)
                assert "class code 31337" in text
                pages.append(text)
                if number == 0:
                    await pilot.press("escape", "n")  # look at the leave dialog, stay
                asked = app.screen.round_state.current
                await pilot.press(*right_keys(asked))
                await pilot.pause()
                text = screen_text(app)
                assert "✓ Right" not in text and "Your answer" not in text
            assert isinstance(app.screen, SummaryScreen)
            pages.append(screen_text(app))

        run_app(app, scenario)
        return pages

    first, second = play_exam(), play_exam()
    assert first == second
    assert "Exam  ·  class code 31337" in first[-1]
    assert len({page.splitlines()[6] for page in first[:-1]}) == 6  # six different prompts


def test_escape_asks_and_leaves_with_answers_kept() -> None:
    played = make_round(count=3)
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press(*right_keys(played.questions[0]), "enter")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Your answer so far is saved" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen) and app.left == []
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, RoundScreen)

    run_app(app, scenario)
    assert app.left == [7]
    assert len(app.records) == 1 and app.completed is None


def test_timed_countdown_timeout_and_speed_bonus() -> None:
    played = make_round(mode="timed", count=2, seed=5)
    clock = FakeClock()
    app = RoundHarness(played, clock)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await wait_for_text(pilot, "20 s left")
        clock.advance(16)
        await screen.check_time()
        await wait_for_text(pilot, "4 s left")
        clock.advance(4)
        await screen.check_time()
        text = await wait_for_text(pilot, "✗ Time's up")
        assert " 0 of " in text and "no answer in time" in text
        await pilot.press("enter")
        await wait_for_text(pilot, "20 s left")  # the next question is up and its clock started
        clock.advance(4)  # 16 of 20 seconds left: +40% of the base
        await pilot.press(*right_keys(screen.round_state.current))
        text = await wait_for_text(pilot, "for speed")
        assert "took 4 s" in text

    run_app(app, scenario)
    late, fast = app.records
    assert (late.timed_out, late.points, late.result, late.seconds) == (True, 0, Result.WRONG, 20)
    assert fast.points == round(fast.max_points / 1.5 * 1.4)


def test_a_typed_answer_not_sent_in_time_is_shown_and_kept_as_not_sent() -> None:
    """Time ran out on "Sullivan" typed but not sent: the feedback said "no answer"; it now
    says what was typed and that it was not sent, and it still scores nothing."""
    played = make_round(mode="timed", question_ids=("national-security-adviser",))
    clock = FakeClock()
    app = RoundHarness(played, clock)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await wait_for_text(pilot, "20 s left")
        await pilot.press(*"Sullivan")
        clock.advance(20)
        await screen.check_time()
        text = await wait_for_text(pilot, "✗ Time's up")
        assert "typed, not sent: Sullivan" in " ".join(text.split())

    run_app(app, scenario)
    (record,) = app.records
    assert (record.result, record.points) == (Result.WRONG, 0)
    assert record.given == "(no answer: time's up; typed, not sent: Sullivan)"


def test_a_clock_tick_while_the_next_question_is_built_gives_it_its_full_time(
    monkeypatch,
) -> None:
    """The countdown's timer runs beside the screen: a tick that lands while the next question
    is being built must measure the new question, not the one that just timed out."""
    played = make_round(mode="timed", count=2, seed=5)
    clock = FakeClock()
    app = RoundHarness(played, clock)
    ticks: list[asyncio.Task[None]] = []
    build = round_screen_module.answer_widget_for

    def build_while_ticking(asked):  # the timer fires at the first await of the build
        ticks.append(asyncio.ensure_future(app.screen.check_time()))
        return build(asked)

    monkeypatch.setattr(round_screen_module, "answer_widget_for", build_while_ticking)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        clock.advance(20)
        await screen.check_time()
        await wait_for_text(pilot, "✗ Time's up")
        await pilot.press("enter")
        text = await wait_for_text(pilot, "20 s left")
        assert "Question 2 / 2" in text and "Time's up" not in text
        await asyncio.gather(*ticks)

    run_app(app, scenario)
    assert [record.timed_out for record in app.records] == [True]


def test_leave_dialog_stops_the_clock() -> None:
    played = make_round(mode="timed", count=1)
    clock = FakeClock()
    app = RoundHarness(played, clock)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        await pilot.press("escape")
        clock.advance(60)
        await pilot.press("n")
        await pilot.pause()
        await screen.check_time()
        assert screen.elapsed_seconds() == 0
        assert app.records == []

    run_app(app, scenario)


def test_choice_hint_by_h_says_it_costs() -> None:
    played = one_question_round("fentanyl-talks")
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("h")
        await pilot.pause()
        assert "Hint (points halved): Not where the diplomats met first." in screen_text(app)
        await pilot.press(*right_keys(played.questions[0]))

    run_app(app, scenario)
    assert (app.records[0].points, app.records[0].hint_used) == (5, True)


def test_summary_actions() -> None:
    played = make_round(question_ids=("fentanyl-talks", "sanctions-lifted"))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        for asked in played.questions:
            right = asked.question.id == "fentanyl-talks"
            await pilot.press(*(right_keys(asked) if right else ["f", "enter"]), "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Missed: 1" in text and "Washington lifted sanctions" in text
        await pilot.press("r", "p", "escape")

    run_app(app, scenario)
    assert [kind for kind, _ in app.requests] == ["review", "play", "home"]
    review, again = app.requests[0][1], app.requests[1][1]
    assert (review.mode, review.question_ids) == ("review", ("sanctions-lifted",))
    assert again.seed is None and again.question_ids == played.request.question_ids


def test_exam_play_again_keeps_the_class_code() -> None:
    played = make_round(mode="exam", seed=4242, question_ids=("sanctions-lifted",))
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("t", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("r", "p")  # nothing missed: r does nothing

    run_app(app, scenario)
    assert [(kind, request.seed) for kind, request in app.requests] == [("play", 4242)]


def test_resize_to_one_cell_and_back() -> None:
    played = make_round(count=6, seed=99)
    app = RoundHarness(played)

    async def tiny_and_back(pilot: Pilot) -> None:
        await pilot.resize_terminal(1, 1)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()

    async def scenario(pilot: Pilot) -> None:
        for number, asked in enumerate(played.questions):
            await tiny_and_back(pilot)  # every answer widget
            await pilot.press(*right_keys(asked))
            if number == 0:
                await tiny_and_back(pilot)  # the feedback
            await pilot.press("enter")
        await tiny_and_back(pilot)  # the summary
        assert "100%" in screen_text(app)

    run_app(app, scenario)
    assert len(app.records) == 6


def test_a_long_prompt_scrolls_and_the_answers_stay_reachable() -> None:
    long_question = Question(
        id="long",
        type=QuestionType.CHOICE,
        prompt=" ".join(f"word{n}" for n in range(700)),
        choices=("First", "Second", "Third", "Fourth"),
        answer="Fourth",
        explanation="Because.",
    )
    bank = Bank("long", "long.yaml", "Long", (long_question,))
    played = make_round(bank)
    app = RoundHarness(played)

    async def scenario(pilot: Pilot) -> None:
        body = app.screen.query_one("#round-body")
        rows = list(app.screen.query(AnswerRow))
        assert not body.region.contains_region(rows[-1].region)  # below the fold at first
        await pilot.press(str(played.questions[0].choices.index("Fourth") + 1))
        await pilot.pause()
        picked = next(row for row in rows if row.has_class("-picked"))
        assert body.region.contains_region(picked.region)
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ Right" in screen_text(app)  # the feedback is scrolled into view too

    run_app(app, scenario)
