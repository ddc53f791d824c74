"""The class code: the code an exam shows, typed in a student's set-up, replays that exam."""

from __future__ import annotations

from pathlib import Path

import pytest
from editor_kit import keys_for
from shell_kit import make_app, run_with_pilot, screen_text
from textual.pilot import Pilot
from textual.widgets import Input

from game.cli import _play_request, build_parser
from game.core.rounds import PlayRequest, Round
from game.paths import GamePaths
from game.ui.screens.round import RoundScreen
from game.ui.screens.setup import SetupScreen


def _cli_request(library: dict[str, Path], *flags: str) -> PlayRequest:
    """The round `quiz play ...` asks for, built by the CLI's own code."""
    args = build_parser().parse_args(["play", "--bank", "rivers", "--mode", "exam", *flags])
    request = _play_request(args, GamePaths(library["questions"], library["saves"]))
    assert isinstance(request, PlayRequest), request
    return request


def _teachers_round(library: dict[str, Path], request: PlayRequest) -> tuple[str, Round]:
    app = make_app(library, player="Teacher", play=request)
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        heading = screen_text(app).splitlines()[0]
        seen["code"] = heading.split("class code ")[1].strip()
        seen["round"] = screen.round_state

    run_with_pilot(app, scenario)
    return seen["code"], seen["round"]  # type: ignore[return-value]


def _students_round(library: dict[str, Path], typed: str) -> Round:
    app = make_app(library, player="Student")
    seen: dict[str, Round] = {}

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("e")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, SetupScreen)
        assert setup.focused is setup.query_one("#setup-seed", Input)  # the code comes first
        await pilot.press(*keys_for(typed), "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert f"class code {typed}" in screen_text(app)
        seen["round"] = screen.round_state

    run_with_pilot(app, scenario)
    return seen["round"]


@pytest.mark.parametrize(
    ("flags", "code"),
    [
        (("--count", "5", "--seed", "482913"), "482913-5"),
        (("--count", "3", "--seed", "77", "--topic", "hist", "--difficulty", "1"), "77-3-t2-d1"),
        (("--count", "40", "--seed", "123456"), "123456-12"),  # the bank has 12
        (("--seed", "77-3-t2-d1"), "77-3-t2-d1"),  # the teacher scripts the code itself
    ],
)
def test_the_code_typed_in_set_up_gives_the_same_round_as_quiz_play(
    library: dict[str, Path], flags: tuple[str, ...], code: str
) -> None:
    shown, teachers = _teachers_round(library, _cli_request(library, *flags))
    assert shown == code
    students = _students_round(library, shown)
    assert students.questions == teachers.questions  # same questions, order and shuffles
    assert students.request.seed == teachers.request.seed


def test_a_code_for_another_bank_is_refused_in_words(library: dict[str, Path]) -> None:
    app = make_app(library, player="Student")

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*keys_for("482913-30"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "This class code is for 30 questions, but only 12 here fit" in screen_text(app)
        await pilot.press(*(["backspace"] * 9), *keys_for("48x"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "A class code looks like 482913-10" in screen_text(app)

    run_with_pilot(app, scenario)


def _plain_round(
    library: dict[str, Path], typed: str, *, unfinished: bool = False
) -> tuple[Round | None, str]:
    """The round plain mode (quiz --plain) plays for a class code typed at its exam prompt;
    unfinished: the player has a round left unfinished, which plain mode offers first."""
    import io
    import random
    from datetime import UTC, datetime

    from game.plain.game import PlainGame
    from game.plain.lines import Printer
    from game.session import Session

    played: list[Round] = []

    class Lines:
        def __init__(self, lines: list[str]) -> None:
            self.lines = lines

        def read_line(self, deadline: float | None, announce: object) -> str:
            return self.lines.pop(0)

    class Caught(PlainGame):
        def _play(self, round_: Round, round_id: int | None = None) -> int:
            played.append(round_)
            return 0

    out = io.StringIO()
    session = Session(library["questions"], library["saves"], lambda: datetime.now(UTC))
    # Enter first when the app's exam was left unfinished: plain mode offers to resume it
    lines = ["", "3", typed, "3", "482913-10"] if unfinished else ["3", typed, "3", "482913-10"]
    game = Caught(session, Lines(lines), Printer(out, 80))
    game.rng = random.Random(99)
    game.run(None, "Student")
    return (played[0] if played else None), out.getvalue()


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("482913-5", "482913-5"), ("77-3-t2-d1", "77-3-t2-d1"), ("482913", "482913-10")],
)
def test_plain_mode_plays_the_same_round_for_a_code_as_the_set_up_screen(
    library: dict[str, Path], typed: str, shown: str
) -> None:
    app = make_app(library, player="Student")
    seen: dict[str, Round] = {}

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*keys_for(typed), "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert f"class code {shown}" in screen_text(app)
        seen["round"] = screen.round_state

    run_with_pilot(app, scenario)  # the app's exam is left unfinished
    plain, transcript = _plain_round(library, typed, unfinished=True)
    assert plain is not None, transcript
    # the same code in plain mode goes on with that exam: the same questions, order, shuffles
    assert "Resuming at question 1 of" in transcript
    assert plain.questions == seen["round"].questions
    assert plain.request == seen["round"].request


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("482913-30", "This class code is for 30 questions, but only 12 here fit it"),
        ("77-3-t9", "This class code names topic 9, but this bank has 2"),
        ("48x", "A class code looks like 482913-10"),
    ],
)
def test_plain_mode_refuses_a_code_as_the_set_up_screen_does(
    library: dict[str, Path], typed: str, said: str
) -> None:
    plain, transcript = _plain_round(library, typed)
    assert said in transcript
    assert "?." not in transcript  # one sentence, one mark
    assert plain is not None and plain.request.count == 10  # the next code typed is played


def test_a_code_typed_past_a_whole_one_gives_the_count_back(library: dict[str, Path]) -> None:
    """Typing 123-99 once left Questions at 9, from the 123-9 on the way."""
    app = make_app(library, player="Student")

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("e")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, SetupScreen)
        count = setup.query_one("#setup-count", Input)
        before = count.value
        await pilot.press(*keys_for("123-9"))
        await pilot.pause()
        assert count.value == "9"
        await pilot.press("9")  # 123-99: more than the bank has, not a code that plays
        await pilot.pause()
        assert count.value == before
        await pilot.press("backspace")  # 123-9 again
        await pilot.pause()
        assert count.value == "9"

    run_with_pilot(app, scenario)
