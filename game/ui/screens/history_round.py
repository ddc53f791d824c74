"""One round from the History screen: every question with the answers as they were stored."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from game.core.figures import duration_text, percent_text
from game.core.records import Result
from game.core.safe_text import one_line, several_lines
from game.ui.reading import ArticleAsked
from game.ui.screen_css import screen_css
from game.ui.screens.history import RoundLine
from game.ui.screens.history_layout import round_questions, unfinished_text
from game.ui.widgets.fit_footer import FitFooter

VERDICTS = {
    Result.RIGHT: ("✓ Right", "bold $text-success"),
    Result.PARTLY: ("◐ Partly right", "bold $text-warning"),
    Result.WRONG: ("✗ Wrong", "bold $text-error"),
}


class AnswerLine(Protocol):
    """One stored answer (game.store.AnswerRow)."""

    @property
    def prompt(self) -> str: ...

    @property
    def given(self) -> str: ...

    @property
    def expected(self) -> str: ...

    @property
    def result(self) -> Result: ...

    @property
    def points(self) -> int: ...

    @property
    def max_points(self) -> int: ...

    @property
    def seconds(self) -> float: ...

    @property
    def hint_used(self) -> bool: ...

    @property
    def timed_out(self) -> bool: ...

    @property
    def explanation(self) -> str: ...

    @property
    def quote(self) -> str | None: ...

    @property
    def answered_at(self) -> datetime: ...


def answer_head(number: int, answer: AnswerLine, width: int = 1) -> Content:
    """The first line of an answer: its number (right-aligned in width digits, so that the
    verdicts of 9. and 10. line up), the verdict in words, points and time."""
    verdict, style = VERDICTS.get(answer.result, (one_line(str(answer.result)), "bold"))
    facts = (
        f"  ·  {answer.points} of {answer.max_points} points  ·  {duration_text(answer.seconds)}"
    )
    if answer.hint_used:
        facts += "  ·  hint used"
    if answer.timed_out:
        facts += "  ·  time ran out"
    return Content.assemble(
        (f"{number:>{width}}. ", "bold"), (verdict, style), (facts, "$text-muted")
    )


def answer_body(answer: AnswerLine) -> Content:
    """The rest of an answer: prompt, what was given, the right answer, why, and the quote."""
    parts: list[str | Content | tuple[str, str]] = [
        (several_lines(answer.prompt), "bold"),
        "\n",
        ("Your answer:  ", "$text-muted"),
        several_lines(answer.given),
        "\n",
        ("Right answer: ", "$text-muted"),
        several_lines(answer.expected),
    ]
    if answer.explanation:
        parts += ["\n", several_lines(answer.explanation)]
    if answer.quote:
        quote = several_lines(answer.quote)
        parts += ["\n", ("“", "$accent"), (quote, "italic"), ("”", "$accent")]
    return Content.assemble(*parts)


class HistoryRoundScreen(Screen[None]):
    """Every answer of one round, as it was shown and stored when it was given."""

    DEFAULT_CSS = screen_css(__file__)  # history_round.tcss: see game.ui.screen_css
    SCOPED_CSS = False

    BINDINGS = [
        Binding("escape", "back", "Back to history"),
        Binding("a", "article", "Article"),
    ]

    def __init__(self, round_line: RoundLine, answers: Sequence[AnswerLine]) -> None:
        super().__init__()
        self.round_line = round_line
        self.answers = list(answers)

    def compose(self) -> ComposeResult:
        line = self.round_line
        right = f"  ·  {line.right} of {round_questions(line)} right"
        if line.finished:
            figures = Content.assemble(
                (f"{line.score} of {line.max_score} points  ·  ", "bold"),
                (percent_text(line.percentage), "bold"),
                right,
            )
        else:  # as History's table has it: right of the round's questions, and how far it went
            figures = Content.assemble(
                (f"{line.score} of {line.max_score} points", "bold"),
                right,
                "  ·  ",
                (unfinished_text(line), "bold"),
            )
        yield Static(
            Content.assemble(
                (one_line(line.bank_title), "bold $accent"),
                f"  ·  {one_line(line.mode)}  ·  {line.started_at.astimezone():%Y-%m-%d %H:%M}",
                "\n",
                figures,
                f"  ·  {duration_text(line.duration_seconds)}",
            ),
            id="history-round-head",
        )
        with VerticalScroll(id="history-round-answers"):
            if not self.answers:
                yield Static("No answer was given in this round.")
            width = len(str(len(self.answers)))  # the widest number's digits
            for number, answer in enumerate(self.answers, start=1):
                yield Static(answer_head(number, answer, width), classes="history-answer-head")
                body = Static(answer_body(answer), classes="history-answer")
                body.styles.padding = (0, 0, 0, width + 2)  # under the verdict, past "10. "
                yield body
        yield FitFooter()

    def on_mount(self) -> None:
        """Scroll with the keys from the start."""
        self.query_one("#history-round-answers").focus()

    def action_article(self) -> None:
        """The bank's article at the quote of the answer at the top of the view; n/N go through
        the round's other quotes."""
        quotes = tuple(answer.quote for answer in self.answers)
        scroll = self.query_one("#history-round-answers", VerticalScroll)
        index = 0
        for number, head in enumerate(self.query(".history-answer-head")):
            if head.virtual_region.y <= scroll.scroll_offset.y:
                index = number
        self.post_message(ArticleAsked(self.round_line.bank_id, quotes, index))

    def action_back(self) -> None:
        """Back to the History screen."""
        self.dismiss(None)
