"""What the round screen tells the player about keys that would otherwise surprise them,
through the real QuizApp: a skipped question come back says that skipping it again gives it
up (as plain mode does), and the hint key on a question with no hint says there is none."""

from __future__ import annotations

from pathlib import Path

import pytest
from round_kit import right_keys
from shell_kit import footer_keys, make_app, run_with_pilot, wait_for_text, write_bank
from textual.pilot import Pilot

from game.core.rounds import PlayRequest
from game.store import open_store
from game.ui.screens.round import RoundScreen

BANK = """title: Rivers
questions:
  - id: longest
    type: choice
    prompt: Which river is longest?
    choices: [Volga, Danube, Rhine]
    answer: Volga
    explanation: It runs about 3,530 km.
  - id: danube-mouth
    type: short
    prompt: Into which sea does the Danube flow?
    answers: [Black Sea]
    explanation: Its delta lies in Romania and Ukraine.
  - id: hinted
    type: truefalse
    prompt: The Rhine flows into the North Sea.
    answer: true
    explanation: It reaches it in the Netherlands.
    hint: Think of Rotterdam.
"""


@pytest.fixture
def rivers(folders: dict[str, Path]) -> dict[str, Path]:
    write_bank(folders["questions"], "rivers", BANK)
    return folders


def _notes(app: object) -> list[str]:
    return [note.message for note in app._notifications]  # type: ignore[attr-defined]


async def _wait_for_note(pilot: Pilot[object], text: str) -> None:
    for _ in range(1000):
        if text in _notes(pilot.app):
            return
        await pilot.pause(0.02)
    raise AssertionError(f"no notification {text!r}: {_notes(pilot.app)}")


def _request(*ids: str) -> PlayRequest:
    return PlayRequest("rivers", count=len(ids), seed=1, question_ids=ids)


@pytest.mark.parametrize(("skip", "size"), [("s", (80, 24)), ("ctrl+s", (60, 20))])
def test_a_skipped_question_come_back_says_skipping_again_gives_it_up(
    rivers: dict[str, Path], skip: str, size: tuple[int, int]
) -> None:
    typed = skip == "ctrl+s"
    skipped = "danube-mouth" if typed else "longest"
    app = make_app(rivers, player="Ana", play=_request("longest", "danube-mouth", "hinted"))

    async def scenario(pilot: Pilot[object]) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)

        async def answer_until_skipped_shows() -> str:
            while (asked := screen.round_state.current) and asked.question.id != skipped:
                await pilot.press(*right_keys(asked), "enter")
            return await wait_for_text(pilot, "Question")

        text = await answer_until_skipped_shows()
        assert "give it up" not in text  # not before it was skipped
        await pilot.press(skip)
        await _wait_for_note(pilot, "Skipped: it comes back at the end.")
        text = await answer_until_skipped_shows()
        key = "ctrl+s" if typed else "s"
        assert "skipped earlier" in text
        assert f"Skip it again ({key}) to give it up: it then counts as wrong." in text
        await pilot.press(skip)
        await wait_for_text(pilot, "Question", gone=True)  # given up: the summary

    run_with_pilot(app, scenario, size=size)
    store = open_store(rivers["saves"]).store
    [played] = store.rounds(player="Ana")
    answers = store.round_answers(played.id)
    assert [(a.question_id, a.result.value) for a in answers][-1] == (skipped, "wrong")
    store.close()


@pytest.mark.parametrize(("key", "question"), [("h", "longest"), ("ctrl+t", "danube-mouth")])
def test_the_hint_key_on_a_question_with_no_hint_says_so(
    rivers: dict[str, Path], key: str, question: str
) -> None:
    app = make_app(rivers, player="Ana", play=_request(question, "hinted"))

    async def scenario(pilot: Pilot[object]) -> None:
        await wait_for_text(pilot, "Question 1 / 2")
        before = footer_keys(app)
        assert not [shown for shown in before if "Hint" in shown]
        await pilot.press(key)
        await _wait_for_note(pilot, "This question has no hint.")
        assert footer_keys(app) == before  # the footer stays as it is
        screen = app.screen
        assert isinstance(screen, RoundScreen) and not screen.hint_used
        await pilot.press(*right_keys(screen.round_state.current))  # type: ignore[arg-type]
        await wait_for_text(pilot, "Right")
        assert "halved" not in " ".join(_notes(app))

    run_with_pilot(app, scenario)
