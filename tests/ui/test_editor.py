"""The question editor through the real App: each type written in the form, saved, read back by
the loader and played; refusals in the validator's words; comments kept; hostile text exact."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from editor_kit import checked, fill_form, keys_for, new_question_form, open_editor
from round_kit import right_keys
from shell_kit import make_app, run_with_pilot, screen_text, write_bank
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from game.banks import atomic
from game.banks.loader import load_bank
from game.core.drafts import DraftCheck
from game.core.model import Question, QuestionType
from game.core.records import Result
from game.core.rounds import PlayRequest
from game.ui.screens.bank_details import BankDetailsScreen
from game.ui.screens.editor import BankEditorScreen
from game.ui.screens.home import HomeScreen
from game.ui.screens.preview import PreviewScreen
from game.ui.screens.question_form import QuestionFormScreen
from game.ui.screens.round import RoundScreen
from game.ui.widgets.list_field import ListField

NEW_QUESTIONS = (
    Question("which-river-flows-through-budapest", QuestionType.CHOICE,
             "Which river flows through Budapest?", "Budapest stands on the Danube.",
             quote="Budapest lies on the Danube.", topic="geo", difficulty=2,
             choices=("Danube", "Rhine", "No", "1989"), answer="Danube", hint="Also Vienna's."),
    Question("which-capitals-stand-on-the-danube", QuestionType.MULTI,
             "Which capitals stand on the Danube?", "Prague stands on the Vltava.",
             quote="Vienna, Budapest and Belgrade are on the Danube.",
             choices=("Vienna", "Budapest", "Prague"), answers=("Vienna", "Budapest")),
    Question("the-rhine-flows-into-the-north-sea", QuestionType.TRUEFALSE,
             "The Rhine flows into the North Sea.", "At Rotterdam.",
             quote="The Rhine reaches the North Sea.", topic="hist", truth=True),
    Question("into-which-sea-does-the-danube-flow", QuestionType.SHORT,
             "Into which sea does the Danube flow?", "Its delta is in Romania.",
             quote="The Danube ends in the Black Sea.", difficulty=3,
             answers=("Black Sea", "the Black Sea")),
    Question("order-these-cities-along-the-danube", QuestionType.ORDER,
             "Order these cities along the Danube.", "It flows east.",
             quote="From Ulm to Vienna to Budapest.", items=("Ulm", "Vienna", "Budapest")),
    Question("match-each-city-to-its-river", QuestionType.MATCH,
             "Match each city to its river.", "Each city grew up on its river.",
             quote="Paris on the Seine, London on the Thames.",
             pairs=(("Paris", "Seine"), ("London", "Thames"), ("Cologne", "Rhine"))),
)  # fmt: skip

pytestmark = pytest.mark.slow  # each test types into the form


def _rivers_file(library: dict[str, Path]) -> Path:
    return library["questions"] / "rivers.yaml"


@pytest.mark.parametrize("question", NEW_QUESTIONS, ids=lambda q: q.type.value)
def test_a_question_of_each_type_is_written_saved_reloaded_and_played(
    library: dict[str, Path], question: Question
) -> None:
    path = _rivers_file(library)
    before = path.read_text(encoding="utf-8")
    app = make_app(library, player="Ana")

    async def write(pilot: Pilot) -> None:
        editor = await open_editor(pilot)
        form = await new_question_form(pilot)
        await fill_form(pilot, form, question)
        assert form.query_one("#form-id", Input).value == question.id  # made from the prompt
        assert not form.check_result.errors, form.check_result.errors
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert question.id in [q.id for q in editor.bank.questions]
        assert "Saved to rivers.yaml." in screen_text(app)

    run_with_pilot(app, write)
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # the question is added after the others, nothing else moves
    loaded = load_bank(path)
    assert not loaded.errors
    assert loaded.bank is not None
    assert replace(loaded.bank.questions[-1], line=0) == question

    player = make_app(
        library, player="Ana", play=PlayRequest("rivers", count=1, question_ids=(question.id,))
    )

    async def play(pilot: Pilot) -> None:
        screen = player.screen
        assert isinstance(screen, RoundScreen)
        await pilot.press(*right_keys(screen.round_state.current))
        await pilot.pause()
        [answer] = player.session.store.round_answers(screen.round_id)
        assert (answer.question_id, answer.result) == (question.id, Result.RIGHT)

    run_with_pilot(player, play)


def test_a_row_added_as_the_app_ends_is_left_out(library: dict[str, Path]) -> None:
    """Textual refuses a mount once the App is ending (ctrl+q, a closed terminal): a row
    asked for then is left out, without the error that would replace the exit status."""
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        await open_editor(pilot)
        form = await new_question_form(pilot)
        field = form.query_one(ListField)
        rows = len(field.rows)
        app.exit()
        await field.add_row()
        assert len(field.rows) == rows

    run_with_pilot(app, scenario)


def test_typing_checks_the_draft_once_the_typing_pauses_not_at_every_key(
    library: dict[str, Path],
) -> None:
    """A check runs the format's rules on the whole bank: at every key it made typing lag.
    Keys typed at speed are checked when the typing pauses, and the problem they make is
    shown then."""
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        await open_editor(pilot)
        form = await new_question_form(pilot)
        await fill_form(pilot, form, NEW_QUESTIONS[0])
        checks: list[Question] = []
        check = form._check

        def counted(draft: Question) -> DraftCheck:
            checks.append(draft)
            return check(draft)

        form._check = counted
        form.query_one("#form-id", Input).focus()
        await pilot.press("end", *["backspace"] * 40, *keys_for("q1"))
        assert "duplicate id" not in screen_text(app)
        await checked(pilot, form)
        # 42 keys: one check per pause in typing (a busy machine makes a few), not one per key
        assert len(checks) < 10, len(checks)
        assert checks[-1].id == "q1"
        assert 'Id: duplicate id "q1" (first used on line' in screen_text(app)

    run_with_pilot(app, scenario)


def test_an_invalid_question_is_refused_in_the_validators_words(library: dict[str, Path]) -> None:
    path = _rivers_file(library)
    before = path.read_bytes()
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        await open_editor(pilot)
        form = await new_question_form(pilot)
        await fill_form(pilot, form, replace(NEW_QUESTIONS[0], choices=("Danube",)))
        form.query_one("#form-id", Input).value = "q1"
        form.query_one("#form-explanation", TextArea).text = "   "
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        text = screen_text(app)
        assert "Not saved: 3 problems to fix first" in text
        assert 'Id: duplicate id "q1" (first used on line' in text
        assert "Choices: a choice question needs 2 to 8 choices, found 1" in text
        assert "Explanation: explanation is empty; write the text" in text
        assert form.query_one("#form-row-explanation").has_class("-problem")
        await pilot.press("ctrl+o")  # no preview of a question with errors
        await pilot.pause()
        assert app.screen is form

    run_with_pilot(app, scenario)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param(
            replace(NEW_QUESTIONS[0], choices=("Danube", "", "Rhine", "Danube"), answer="Rhine"),
            ['Choices, row 4: duplicate choice "Danube" (first in row 1)'],
            id="choices",
        ),
        pytest.param(
            replace(
                NEW_QUESTIONS[5],
                pairs=(("Paris", "Seine"), ("", ""), ("Rouen", "Seine"), ("Rouen", "Loire")),
            ),
            [
                'Pairs, row 3: duplicate right side "Seine" (first in row 1)',
                'Pairs, row 4: duplicate left side "Rouen" (first in row 3)',
            ],
            id="pairs",
        ),
    ],
)
def test_a_value_written_twice_is_named_by_its_row_in_the_form(
    library: dict[str, Path], question: Question, expected: list[str]
) -> None:
    # The form has no lines: where the first one is, is its row (a blank row counts as a
    # row but is not written), never the line it would have in the file.
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        await open_editor(pilot)
        form = await new_question_form(pilot)
        await fill_form(pilot, form, question)
        await pilot.press("ctrl+s")  # refused: the problems show at once, whatever was typed
        await pilot.pause()
        assert app.screen is form
        text = screen_text(app)
        assert all(line in text for line in expected)
        assert "on line" not in text

    run_with_pilot(app, scenario)


COMMENTED_BANK = """\
# Rivers, by Ms. Example.
title: "Rivers of Europe"   # shown in the list
topics:
  geo: Geography   # the only topic
questions:
  # --- the first one ---
  - id: longest
    type: choice          # one right answer
    topic: geo
    prompt: "Which is the longest river in Europe?"
    choices: [Danube, Volga, 'Rhine']
    answer: Volga         # the text of one choice
    explanation: "The Volga runs about 3,530 km."
    quote: "The Volga is the longest."

  # --- the second one ---
  - id: rhine-sea
    type: truefalse
    prompt: The Rhine flows into the North Sea.
    answer: yes
    explanation: It reaches it in the Netherlands.
    quote: "It reaches the North Sea."
# the end
"""


def test_changing_a_question_keeps_every_other_byte(folders: dict[str, Path]) -> None:
    path = write_bank(folders["questions"], "commented", COMMENTED_BANK)
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        await open_editor(pilot)
        await pilot.press("down", "enter")  # the second question
        await pilot.pause()
        form = app.screen
        assert isinstance(form, QuestionFormScreen)
        assert form.query_one("#form-id", Input).disabled  # fixed once saved
        explanation = form.query_one("#form-explanation", TextArea)
        explanation.text = "At Rotterdam [/], in the Netherlands."
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BankEditorScreen)

    run_with_pilot(app, scenario)
    old_lines = COMMENTED_BANK.splitlines(keepends=True)
    new_lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    assert [old_lines[i] for i in changed] == [
        "    explanation: It reaches it in the Netherlands.\n"
    ]
    assert (
        new_lines[changed[0]] == "    explanation: At Rotterdam [/], in the Netherlands.\n"
    )  # plain, as before


HOSTILE_PROMPT = "[/] Which [NATO] river? [@click=app.quit]x"


def test_hostile_text_in_the_form_stays_exact(library: dict[str, Path]) -> None:
    hostile = replace(
        NEW_QUESTIONS[0],
        id="hostile",
        prompt=HOSTILE_PROMPT,
        choices=("[/]", "[NATO]", "[@click=app.quit]x", "[b]bold"),
        answer="[NATO]",
        explanation="[red]not red[/red] [/]",
        hint="[@click=app.quit]x",
    )
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        await open_editor(pilot)
        form = await new_question_form(pilot)
        await fill_form(pilot, form, hostile)
        form.query_one("#form-id", Input).value = "hostile"
        await pilot.pause()
        assert not form.check_result.errors
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        text = screen_text(app)
        assert HOSTILE_PROMPT in text
        for choice in hostile.choices:
            assert choice in text
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BankEditorScreen)
        assert "[/] Which [NATO] river?" in screen_text(app)  # the saved notice covers the end
        assert app.is_running

    run_with_pilot(app, scenario)
    loaded = load_bank(_rivers_file(library)).bank
    assert loaded is not None
    assert replace(loaded.questions[-1], line=0) == hostile


def test_preview_plays_the_question_and_keeps_nothing(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        editor = await open_editor(pilot)
        await pilot.press("p")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        assert "Preview" in screen_text(app) and "nothing is saved or scored" in screen_text(app)
        await pilot.press(*right_keys(preview.round_state.current))
        await pilot.pause()
        assert "Right" in screen_text(app)
        assert "Press Enter to go back to the form." in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor
        assert app.session.store.rounds(player="Ana") == []

    run_with_pilot(app, scenario)


def test_delete_asks_first_and_takes_the_question_from_the_file(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        editor = await open_editor(pilot)
        await pilot.press("d", "n")
        await pilot.pause()
        assert len(editor.bank.questions) == 12
        await pilot.press("d", "y")
        await pilot.pause()
        assert [q.id for q in editor.bank.questions][:2] == ["q2", "q3"]

    run_with_pilot(app, scenario)
    loaded = load_bank(_rivers_file(library)).bank
    assert loaded is not None and "q1" not in [q.id for q in loaded.questions]


def test_a_bank_with_errors_is_not_opened(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("end", "w")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Cannot edit this bank" in screen_text(app)

    run_with_pilot(app, scenario)


def test_a_new_bank_is_written_with_its_first_question(folders: dict[str, Path]) -> None:
    app = make_app(folders, player="Ana")
    first = replace(NEW_QUESTIONS[2], topic=None)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("n")
        await pilot.pause()
        details = app.screen
        assert isinstance(details, BankDetailsScreen)
        await pilot.press(*keys_for("Rivers: [/] of Europe"))
        details.query_one("#details-topics", TextArea).text = "Geography\nHistory"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, QuestionFormScreen)  # straight to the first question
        assert not (folders["questions"] / "rivers-of-europe.yaml").exists()
        await fill_form(pilot, form, first)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BankEditorScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Rivers: [/] of Europe" in screen_text(app)

    run_with_pilot(app, scenario)
    result = load_bank(folders["questions"] / "rivers-of-europe.yaml")
    assert result.bank is not None and not result.errors
    assert result.bank.title == "Rivers: [/] of Europe"
    assert result.bank.topics == {"geography": "Geography", "history": "History"}
    assert [replace(q, line=0) for q in result.bank.questions] == [first]


def test_an_interrupted_save_leaves_the_file_and_says_so(
    library: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _rivers_file(library)
    before = path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", fail)
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        await open_editor(pilot)
        form = await new_question_form(pilot)
        await fill_form(pilot, form, NEW_QUESTIONS[3])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "input/output error" in screen_text(app)  # in plain words, without [Errno 5]

    run_with_pilot(app, scenario)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["period-3", "rivers.yaml"]
