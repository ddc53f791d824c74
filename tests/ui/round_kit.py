"""Helpers for the round and summary screen tests: banks in memory, a fake clock, a tiny App."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from shell_kit import HOSTILE as HOSTILE
from shell_kit import run_with_pilot
from shell_kit import screen_text as screen_text
from shell_kit import wait_for_text as wait_for_text
from textual.app import App
from textual.pilot import Pilot

from game.core.model import Bank, Question, QuestionType
from game.core.rounds import AskedQuestion, PlayRequest, Round, build_round
from game.ui import messages
from game.ui.screens.round import RoundScreen
from game.ui.screens.summary import SummaryScreen

run_app = run_with_pilot  # one way to run a Pilot scenario, shared with the shell's tests

QUIZ_TCSS = Path(__file__).resolve().parents[2] / "game" / "ui" / "quiz.tcss"
START = datetime(2024, 11, 7, 9, 0, 0, tzinfo=UTC)

ARTICLE_QUESTIONS = (
    Question(
        id="fentanyl-talks",
        type=QuestionType.CHOICE,
        prompt="Where did officials restart long-stalled talks on curbing fentanyl?",
        choices=("Beijing", "Bangkok", "San Francisco", "Washington"),
        answer="Beijing",
        explanation="The fentanyl talks restarted in Beijing, days after the Bangkok meeting.",
        quote="Days later, in Beijing, officials restarted long-stalled talks on curbing the "
        "flow of fentanyl to the United States.",
        topic="talks",
        hint="Not where the diplomats met first.",
    ),
    Question(
        id="ties-with",
        type=QuestionType.MULTI,
        prompt="Which heavily sanctioned countries does China keep robust ties with?",
        choices=("Iran", "North Korea", "Taiwan", "Pakistan"),
        answers=("Iran", "North Korea"),
        explanation="China is one of the only major nations with robust ties to both.",
        quote="China has influence over Iran and North Korea.",
        topic="security",
        difficulty=2,
    ),
    Question(
        id="sanctions-lifted",
        type=QuestionType.TRUEFALSE,
        prompt="Washington lifted sanctions on a forensics institute to restart fentanyl talks.",
        truth=True,
        explanation="It was Beijing's demand for resuming regular talks.",
        topic="talks",
    ),
    Question(
        id="national-security-adviser",
        type=QuestionType.SHORT,
        prompt="Who is the U.S. national security adviser named in the article?",
        answers=("Jake Sullivan", "Sullivan"),
        explanation="Jake Sullivan met Wang Yi in Bangkok.",
        quote="Last week, Jake Sullivan, the U.S. national security adviser, urged Foreign "
        "Minister Wang Yi of China to pressure Iran.",
        topic="talks",
        difficulty=2,
        hint="He met Wang Yi.",
    ),
    Question(
        id="timeline",
        type=QuestionType.ORDER,
        prompt="Put these events in the order they happened.",
        items=("San Francisco summit", "Bangkok meeting", "Beijing fentanyl talks"),
        explanation="The summit came in November; Bangkok and Beijing followed weeks apart.",
        topic="talks",
        difficulty=3,
    ),
    Question(
        id="who-is-where",
        type=QuestionType.MATCH,
        prompt="Match each person to where they work.",
        pairs=(
            ("Wu Xinbo", "Fudan University"),
            ("Sheena Greitens", "University of Texas"),
            ("Danny Russel", "Asia Society Policy Institute"),
        ),
        explanation="As the article introduces them.",
        topic="security",
        difficulty=2,
    ),
)

ARTICLE_BANK = Bank(
    bank_id="detente",
    path="questions/detente.yaml",
    title="China meets the U.S.",
    questions=ARTICLE_QUESTIONS,
    topics={"talks": "Talks", "security": "Security"},
    time_limit=20,
)


def _hostile_questions() -> tuple[Question, ...]:
    """One question of each type whose every text field holds markup-like text."""
    h = HOSTILE
    common = {"topic": "[NATO]", "quote": f"{h[7]} {h[8]}", "hint": f"{h[4]} {h[5]}"}
    return (
        Question(
            id="h-choice",
            type=QuestionType.CHOICE,
            prompt=f"{h[0]} {h[1]} {h[8]}",
            choices=(h[2], h[3], h[6], h[8]),
            answer=h[2],
            explanation=f"{h[1]} {h[6]}",
            **common,
        ),
        Question(
            id="h-multi",
            type=QuestionType.MULTI,
            prompt=f"{h[3]} {h[5]}",
            choices=(h[0], h[4], h[7], h[8]),
            answers=(h[0], h[8]),
            explanation=h[0],
            **common,
        ),
        Question(
            id="h-truefalse",
            type=QuestionType.TRUEFALSE,
            prompt=h[7],
            truth=False,
            explanation=h[8],
            **common,
        ),
        Question(
            id="h-short",
            type=QuestionType.SHORT,
            prompt=h[6],
            answers=(h[3],),
            explanation=h[2],
            **common,
        ),
        Question(
            id="h-order",
            type=QuestionType.ORDER,
            prompt=h[4],
            items=(h[0], h[2], h[8]),
            explanation=h[5],
            **common,
        ),
        Question(
            id="h-match",
            type=QuestionType.MATCH,
            prompt=h[1],
            pairs=((h[0], h[3]), (h[2], h[8]), (h[6], h[7])),
            explanation=h[4],
            **common,
        ),
    )


HOSTILE_BANK = Bank(
    bank_id="hostile",
    path="questions/hostile.yaml",
    title="[b]Hostile[/] [@click=app.quit]bank[/]",
    questions=_hostile_questions(),
    topics={"[NATO]": "[NATO]"},
)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass."""
        self.now += timedelta(seconds=seconds)


def make_round(bank: Bank = ARTICLE_BANK, **request_fields) -> Round:
    """A seeded round of the bank (seed 7 unless given)."""
    request_fields.setdefault("seed", 7)
    request = PlayRequest(bank.bank_id, **request_fields)
    return build_round(bank, request, random.Random(0))


class RoundHarness(App[None]):
    """A tiny App that plays one Round and keeps every message the screens send."""

    CSS_PATH = str(QUIZ_TCSS)

    def __init__(self, played: Round, clock: FakeClock | None = None) -> None:
        super().__init__()
        self.played = played
        self.clock = clock or FakeClock()
        self.records: list = []
        self.completed: messages.RoundCompleted | None = None
        self.left: list[int] = []
        self.requests: list[tuple[str, object]] = []

    def on_mount(self) -> None:
        """Start straight into the round."""
        self.push_screen(
            RoundScreen(self.played, 7, clock=self.clock, save_answer=self.save_answer)
        )

    def save_answer(self, round_id: int, record: object) -> str | None:
        """Keep the record, as the store would (before the screen shows anything more)."""
        self.records.append(record)
        return None

    def on_round_completed(self, message: messages.RoundCompleted) -> None:
        """Show the summary in place of the round."""
        self.completed = message
        self.switch_screen(SummaryScreen(message.played))

    def on_round_left(self, message: messages.RoundLeft) -> None:
        """Back to the blank base screen."""
        self.left.append(message.round_id)
        self.pop_screen()

    def on_play_again(self, message: messages.PlayAgain) -> None:
        """Keep the request."""
        self.requests.append(("play", message.request))

    def on_review_missed(self, message: messages.ReviewMissed) -> None:
        """Keep the request."""
        self.requests.append(("review", message.request))

    def on_go_home(self, message: messages.GoHome) -> None:
        """Remember that home was asked for."""
        self.requests.append(("home", None))


def right_keys(asked: AskedQuestion) -> list[str]:
    """The keys that give the fully right answer to a question as this round shows it."""
    question = asked.question
    kind = question.type
    if kind is QuestionType.CHOICE:
        return [str(asked.choices.index(question.answer or "") + 1), "enter"]
    if kind is QuestionType.MULTI:
        picks = [str(asked.choices.index(answer) + 1) for answer in question.answers]
        return [*picks, "enter"]
    if kind is QuestionType.TRUEFALSE:
        return ["t" if question.truth else "f", "enter"]
    if kind is QuestionType.SHORT:
        return [*_typed(question.answers[0]), "enter"]
    if kind is QuestionType.ORDER:
        return [*order_keys(asked.items, question.items), "enter"]
    return [*(str(asked.rights.index(right) + 1) for _, right in question.pairs), "enter"]


def _typed(text: str) -> list[str]:
    """Key names that type ``text`` into an input."""
    names = {" ": "space", "[": "left_square_bracket", "]": "right_square_bracket"}
    return [names.get(ch, ch) for ch in text]


def order_keys(shown: tuple[str, ...], target: tuple[str, ...]) -> list[str]:
    """Keys that move the shown items into the target order (cursor starts on the first)."""
    items = list(shown)
    cursor = 0
    keys: list[str] = []
    for place, wanted in enumerate(target):
        where = items.index(wanted)
        keys += ["down" if where > cursor else "up"] * abs(where - cursor)
        keys += ["shift+up"] * (where - place)
        items.insert(place, items.pop(where))
        cursor = place
    return keys


def choice_question(
    choices: tuple[str, ...], *, question_id: str = "rows", prompt: str = "Which one?"
) -> Question:
    """A choice question whose first choice is right."""
    return Question(
        id=question_id,
        type=QuestionType.CHOICE,
        prompt=prompt,
        choices=choices,
        answer=choices[0],
        explanation="Because.",
    )


def choice_round(*questions: Question, **request_fields) -> Round:
    """A round of these questions, in a bank of their own."""
    return make_round(Bank("rows", "rows.yaml", "Rows", questions), **request_fields)


async def kept_matches_fresh_after_each(
    pilot: Pilot,
    steps: list,
    kept_and_fresh: Callable[[], tuple[str, str]],
) -> set[str]:
    """Take each step (keys to press, or an async function), then check that the screen as its
    widgets keep it drawn is the screen drawn afresh; the looks the steps showed."""
    looks: set[str] = set()
    for step in steps:
        if isinstance(step, tuple):
            await pilot.press(*step)
        else:
            await step()
        await pilot.pause()
        kept, fresh = kept_and_fresh()
        assert kept == fresh, f"stale lines after {step}"
        looks.add(kept)
    return looks
