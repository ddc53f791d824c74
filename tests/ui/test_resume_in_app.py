"""An unfinished round is offered on home ("Resume: 2 of 4 answered") and taken up again with
`c`: the same questions and shuffles from the first unanswered one, kept as one round; a class
tab closed mid-exam gives the same name the same round again."""

from __future__ import annotations

from pathlib import Path

from editor_kit import keys_for
from round_kit import right_keys
from shell_kit import make_app, rivers_bank, run_with_pilot, screen_text, wait_for_text, write_bank
from textual.pilot import Pilot

from game.core.classroom import Classroom, ClassRound
from game.core.rounds import PlayRequest
from game.store import open_store
from game.ui.screens.home import HomeScreen
from game.ui.screens.round import RoundScreen
from game.ui.screens.summary import SummaryScreen


def _notes(app: object) -> list[str]:
    """The messages of the notifications up now (toasts wrap among the screen's other text)."""
    return [note.message for note in app._notifications]  # type: ignore[attr-defined]


async def _wait_for_note(pilot: Pilot[object], start: str) -> str:
    for _ in range(1000):
        found = [note for note in _notes(pilot.app) if note.startswith(start)]
        if found:
            return found[0]
        await pilot.pause(0.02)
    raise AssertionError(f"no notification {start!r}: {_notes(pilot.app)}")


def _shown(screen: RoundScreen) -> list[tuple[str, tuple[str, ...]]]:
    return [(a.question.id, a.choices) for a in screen.round_state.questions]


def test_left_at_2_of_4_home_offers_it_and_c_goes_on_at_question_3(
    library: dict[str, Path],
) -> None:
    first = make_app(library, player="Ana", play=PlayRequest("rivers", count=4, seed=8))
    planned: dict[str, object] = {}

    async def leave_after_two(pilot: Pilot[object]) -> None:
        screen = first.screen
        assert isinstance(screen, RoundScreen)
        planned["shown"] = _shown(screen)
        planned["id"] = screen.round_id
        for _ in range(2):
            await pilot.press(*right_keys(screen.round_state.current), "enter")
        planned["score"] = screen.round_state.score
        await pilot.press("escape", "y")
        text = await wait_for_text(pilot, "Resume: 2 of 4 answered")
        assert "quick round of Rivers of Europe" in text

    run_with_pilot(first, leave_after_two)

    again = make_app(library, player="Ana")  # the game started again later

    async def resume(pilot: Pilot[object]) -> None:
        assert isinstance(again.screen, HomeScreen)
        assert "c Resume: 2 of 4 answered" in screen_text(again)
        commands = [command.title for command in again.get_system_commands(again.screen)]
        assert "Resume" in commands
        await pilot.press("c")
        await wait_for_text(pilot, "Question 3 / 4")
        assert await _wait_for_note(pilot, "Resumed") == "Resumed at question 3 of 4."
        screen = again.screen
        assert isinstance(screen, RoundScreen)
        assert screen.round_id == planned["id"] and _shown(screen) == planned["shown"]
        assert screen.round_state.score == planned["score"] > 0  # the two right answers count
        for _ in range(2):
            await pilot.press(*right_keys(screen.round_state.current), "enter")
        await pilot.pause()
        assert isinstance(again.screen, SummaryScreen)
        assert "4 of 4 right" in screen_text(again)
        await pilot.press("escape")
        await wait_for_text(pilot, "Resume:", gone=True)  # nothing left to take up

    run_with_pilot(again, resume)
    store = open_store(library["saves"]).store
    [played] = store.rounds(player="Ana")
    assert played.id == planned["id"] and played.finished and played.total == 4
    answers = store.round_answers(played.id)
    assert len(answers) == 4 and all(a.result.value == "right" for a in answers)
    assert played.score == sum(a.points for a in answers)
    store.close()


def test_nothing_to_resume_means_no_line_and_c_says_so(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        assert "Resume" not in screen_text(app)
        assert "Resume" not in [c.title for c in app.get_system_commands(app.screen)]
        await pilot.press("c")
        note = await _wait_for_note(pilot, "There is no")
        assert note == "There is no unfinished round to take up again."
        assert isinstance(app.screen, HomeScreen)

    run_with_pilot(app, scenario)


def test_a_round_whose_bank_changed_is_refused_in_words_and_home_stays(
    library: dict[str, Path],
) -> None:
    first = make_app(library, player="Ana", play=PlayRequest("rivers", count=4, seed=8))

    async def leave(pilot: Pilot[object]) -> None:
        screen = first.screen
        assert isinstance(screen, RoundScreen)
        await pilot.press(*right_keys(screen.round_state.current), "enter")
        await pilot.press("escape", "y")
        await wait_for_text(pilot, "Resume: 1 of 4")

    run_with_pilot(first, leave)
    write_bank(library["questions"], "rivers", rivers_bank(count=2))  # questions taken out
    again = make_app(library, player="Ana")

    async def refused(pilot: Pilot[object]) -> None:
        await pilot.press("c")
        note = await _wait_for_note(pilot, "This round cannot be taken up again")
        assert note.endswith("is no longer in Rivers of Europe.")
        assert isinstance(again.screen, HomeScreen)

    run_with_pilot(again, refused)


CLASS = Classroom(
    join_code=None,
    bank_id="rivers",
    class_round=ClassRound("rivers", "exam", None, 4, None, 482913),
)


def test_a_class_tab_closed_mid_exam_gives_the_same_name_the_same_round(
    isolated_folders: dict[str, Path],
) -> None:
    write_bank(isolated_folders["questions"], "rivers", rivers_bank())
    first = make_app(isolated_folders, classroom=CLASS)
    planned: dict[str, object] = {}

    async def two_then_close(pilot: Pilot[object]) -> None:
        await pilot.press(*"Mia", "enter")
        screen = await _round_screen(pilot)
        planned["shown"], planned["id"] = _shown(screen), screen.round_id
        for _ in range(2):
            await pilot.press(*right_keys(screen.round_state.current))
            await pilot.pause()
        await wait_for_text(pilot, "Question 3 / 4")

    run_with_pilot(first, two_then_close)  # the tab closes: the app ends mid-round

    other = make_app(isolated_folders, classroom=CLASS, seed=99)

    async def same_name(pilot: Pilot[object]) -> None:
        await pilot.press(*"Mia", "enter")
        text = await wait_for_text(pilot, "Question 3 / 4")
        assert "class code 482913-4" in text
        screen = await _round_screen(pilot)
        assert screen.round_id == planned["id"] and _shown(screen) == planned["shown"]

    run_with_pilot(other, same_name)

    new_student = make_app(isolated_folders, classroom=CLASS)

    async def another_name(pilot: Pilot[object]) -> None:
        await pilot.press(*"Zoe", "enter")
        await wait_for_text(pilot, "Question 1 / 4")
        screen = await _round_screen(pilot)
        assert screen.round_id != planned["id"] and _shown(screen) == planned["shown"]

    run_with_pilot(new_student, another_name)


async def _round_screen(pilot: Pilot[object]) -> RoundScreen:
    await wait_for_text(pilot, "Question")
    screen = pilot.app.screen
    assert isinstance(screen, RoundScreen)
    return screen


def test_a_round_left_before_its_first_answer_is_not_offered_but_an_exam_is(
    library: dict[str, Path],
) -> None:
    """History does not list a round with no answer, and home does not offer it either; an
    exam keeps its class round, so it is offered even before its first answer."""
    timed = make_app(library, player="Ana", play=PlayRequest("rivers", mode="timed", count=4))

    async def leave_at_once(pilot: Pilot[object]) -> None:
        await wait_for_text(pilot, "Question 1 / 4")
        await pilot.press("escape", "y")
        await wait_for_text(pilot, "Question banks")
        assert "Resume" not in screen_text(timed)
        await pilot.press("c")
        note = await _wait_for_note(pilot, "There is no")
        assert note == "There is no unfinished round to take up again."

    run_with_pilot(timed, leave_at_once)

    exam = PlayRequest("rivers", mode="exam", count=4, seed=482913)
    again = make_app(library, player="Ana", play=exam)

    async def leave_exam_at_once(pilot: Pilot[object]) -> None:
        await wait_for_text(pilot, "class code 482913-4")
        await pilot.press("escape", "y")
        text = await wait_for_text(pilot, "Resume: 0 of 4 answered")
        assert "exam of Rivers of Europe" in text

    run_with_pilot(again, leave_exam_at_once)


async def _exam_by_code(pilot: Pilot[object], code: str) -> RoundScreen:
    """From home: e, the class code typed in the set-up, enter; the exam's screen."""
    await pilot.press("e")
    await wait_for_text(pilot, "Set up a round")
    await pilot.press(*keys_for(code), "enter")
    return await _round_screen(pilot)


def test_the_same_class_code_again_goes_on_with_that_exam_where_it_stopped(
    library: dict[str, Path],
) -> None:
    app = make_app(library, player="Ana")
    planned: dict[str, object] = {}

    async def scenario(pilot: Pilot[object]) -> None:
        screen = await _exam_by_code(pilot, "482913-5")
        await wait_for_text(pilot, "Question 1 / 5")
        planned["id"], planned["shown"] = screen.round_id, _shown(screen)
        for number in (2, 3, 4):
            await pilot.press(*right_keys(screen.round_state.current))
            await wait_for_text(pilot, f"Question {number} / 5")
        await pilot.press("escape", "y")
        text = await wait_for_text(pilot, "Resume: 3 of 5 answered")
        assert "exam of Rivers of Europe" in text

        screen = await _exam_by_code(pilot, "482913-5")
        text = await wait_for_text(pilot, "Question 4 / 5")
        assert "class code 482913-5" in text
        note = await _wait_for_note(pilot, "Same class code")
        assert note == "Same class code: this exam goes on where you stopped, at question 4 of 5."
        assert screen.round_id == planned["id"] and _shown(screen) == planned["shown"]
        await pilot.press("escape", "y")
        await wait_for_text(pilot, "Resume: 3 of 5 answered")

        screen = await _exam_by_code(pilot, "482913-4")  # another count: another round
        await wait_for_text(pilot, "Question 1 / 4")
        assert screen.round_id != planned["id"]

    run_with_pilot(app, scenario)
    store = open_store(library["saves"]).store
    rounds = store.rounds(player="Ana")
    assert [(r.id == planned["id"], r.total) for r in rounds] == [(False, 0), (True, 3)]
    store.close()


def test_a_bank_with_a_round_left_unfinished_is_not_said_to_be_not_played_yet(
    library: dict[str, Path],
) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        text = await wait_for_text(pilot, "Rivers of Europe")
        assert "12 questions · not played yet" in text
        await pilot.press("enter")  # the set-up of a quick round
        await wait_for_text(pilot, "Set up a round")
        await pilot.press("enter")
        screen = await _round_screen(pilot)
        for _ in range(2):
            await pilot.press(*right_keys(screen.round_state.current), "enter")
        await pilot.press("escape", "y")
        text = await wait_for_text(pilot, "Resume: 2 of 10 answered")
        assert "12 questions · 1 round unfinished" in text
        assert "not played yet" not in text

    run_with_pilot(app, scenario)

    again = make_app(library, player="Ana")  # the game started again later

    async def later(pilot: Pilot[object]) -> None:
        text = await wait_for_text(pilot, "Resume: 2 of 10 answered")
        assert "12 questions · 1 round unfinished" in text

    run_with_pilot(again, later)
