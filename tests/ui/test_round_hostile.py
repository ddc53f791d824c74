"""Markup-like bank text shows exactly as written on every round screen, and clicking it does nothing."""

from __future__ import annotations

from round_kit import HOSTILE, HOSTILE_BANK, RoundHarness, make_round, run_app, screen_text
from textual.pilot import Pilot

from game.core.model import QuestionType
from game.core.rounds import AskedQuestion
from game.ui.screens.round import RoundScreen
from game.ui.screens.summary import SummaryScreen

WIDE = (220, 100)  # wide and tall enough that no hostile text wraps or scrolls away


class HostileHarness(RoundHarness):
    """The round harness, counting every attempt to quit (a click on parsed markup would)."""

    quit_attempts = 0

    async def action_quit(self) -> None:
        """Count instead of quitting."""
        self.quit_attempts += 1


def shown_texts(asked: AskedQuestion) -> list[str]:
    """Every bank text the question screen should show."""
    question = asked.question
    return [question.prompt, *asked.choices, *asked.items, *asked.lefts, *asked.rights]


def wrong_keys(asked: AskedQuestion) -> list[str]:
    """Keys that give a wrong (or partly right) answer, so the right answer is shown too."""
    question = asked.question
    kind = question.type
    if kind is QuestionType.CHOICE:
        return [str(next(i for i, c in enumerate(asked.choices) if c != question.answer) + 1)]
    if kind is QuestionType.MULTI:
        return [str(next(i for i, c in enumerate(asked.choices) if c not in question.answers) + 1)]
    if kind is QuestionType.TRUEFALSE:
        return ["f" if question.truth else "t"]
    if kind is QuestionType.SHORT:
        return ["left_square_bracket", "slash", "right_square_bracket"]  # types "[/]"
    if kind is QuestionType.ORDER:
        return []  # as shown, never in the solved order
    return [str(n) for n in range(1, len(asked.rights) + 1)]  # never all right


async def click_on(pilot: Pilot, text: str, needle: str) -> int:
    """Click the first, the "x" and the last cell of every place ``needle`` shows on screen."""
    places = 0
    for y, line in enumerate(text.splitlines()):
        start = line.find(needle)
        while start != -1:
            places += 1
            for x in {start, start + needle.find("x"), start + len(needle) - 1}:
                await pilot.click(offset=(x, y))
            start = line.find(needle, start + 1)
    return places


def test_hostile_text_on_every_round_screen() -> None:
    played = make_round(HOSTILE_BANK, count=6)
    app = HostileHarness(played)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        for asked in played.questions:
            question = asked.question
            text = screen_text(app)
            assert HOSTILE_BANK.title in text and "[NATO]" in text  # title and topic
            for expected in shown_texts(asked):
                assert expected in text, (question.id, expected)
            await click_on(pilot, text, "[@click=app.quit]x[/]")
            await pilot.press("ctrl+t" if question.type is QuestionType.SHORT else "h")
            await pilot.pause()
            assert f"Hint (points halved): {question.hint}" in screen_text(app)
            await pilot.press(*wrong_keys(asked), "enter")
            await pilot.pause()
            if question.type is QuestionType.SHORT:
                # the player's own text is kept as typed, too
                assert screen.round_state.answers[-1].given == "[/]"
            record = screen.round_state.answers[-1]
            text = screen_text(app)
            if question.type in (QuestionType.ORDER, QuestionType.MATCH):
                # shown item by item, each checked: every item, left and right is there
                feedback = [*asked.items, *asked.lefts, *asked.rights]
            elif question.type is QuestionType.MULTI:
                # a pick a line, each checked, then the right answer whole
                feedback = [*record.given.split("; "), record.expected]
            else:
                feedback = [record.given, record.expected]
            for expected in (*feedback, record.explanation, record.quote):
                assert expected and expected in text, (question.id, expected)
            await click_on(pilot, text, "[@click=app.quit]x[/]")
            await click_on(pilot, text, "x[/link]")
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert HOSTILE_BANK.title in text and "[NATO]" in text
        for record in app.records:
            for expected in (record.prompt, record.given, record.expected, record.explanation):
                assert expected in text, (record.question_id, expected)
        assert await click_on(pilot, text, "[@click=app.quit]x[/]") > 0

    run_app(app, scenario, size=WIDE)
    assert len(app.records) == 6
    assert app.quit_attempts == 0
    every_text = " ".join(
        " ".join((r.prompt, r.given, r.expected, r.explanation, r.quote or "")) for r in app.records
    )
    for hostile in HOSTILE:
        assert hostile in every_text + HOSTILE_BANK.title + " ".join(
            text for asked in played.questions for text in shown_texts(asked)
        )
