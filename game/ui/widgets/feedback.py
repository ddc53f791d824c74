"""After an answer: the verdict in words and a symbol, the right answer, points, why, and the quote."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from game.core.model import QuestionType
from game.core.records import AnswerRecord, Result

VERDICTS: dict[Result, tuple[str, str]] = {
    Result.RIGHT: ("✓", "Right"),
    Result.PARTLY: ("◐", "Partly right"),
    Result.WRONG: ("✗", "Wrong"),
}


def verdict_text(record: AnswerRecord) -> str:
    """``✓ Right``, ``◐ Partly right``, ``✗ Wrong`` or ``✗ Time's up``: a symbol and words."""
    symbol, words = VERDICTS[record.result]
    return f"{symbol} Time's up" if record.timed_out else f"{symbol} {words}"


def points_text(record: AnswerRecord) -> str:
    """``+7 of 10 points``, with what changed the points."""
    notes = []
    if record.hint_used:
        notes.append("hint used: halved")
    if record.timed_out:
        notes.append("no answer in time")
    note = f" ({'; '.join(notes)})" if notes else ""
    earned = f"+{record.points}" if record.points else "0"
    return f"{earned} of {record.max_points} points{note}"


def labelled(label: str, text: str) -> Content:
    """A bold label followed by plain (bank or player) text."""
    return Content.assemble((f"{label} ", "bold"), text)


def _differing_part(mine: str, right: str) -> str:
    """The right piece without the place (``2. ``) or left (``Wu Xinbo → ``) both pieces share."""
    for separator in (" → ", ". "):
        if separator in right:
            shared = right.split(separator, 1)[0] + separator
            if mine.startswith(shared):
                return right[len(shared) :]
    return right


def checked_lines(given: tuple[str, ...], expected: tuple[str, ...]) -> list[Content]:
    """One line per item or pair given: ✓ when in its right place, else ✗ and the right one."""
    lines = []
    for mine, right in zip(given, expected, strict=True):
        if mine == right:
            lines.append(Content.assemble(mine, ("  ✓", "bold")))
        else:
            should_be = _differing_part(mine, right)
            lines.append(
                Content.assemble(mine, ("  ✗ ", "bold"), ("should be ", "italic"), should_be)
            )
    return lines


class FeedbackPanel(Vertical):
    """How an answer went; shown under the question until the player presses Enter."""

    DEFAULT_CSS = """
    FeedbackPanel {
        height: auto;
        padding: 1 1 0 1;
    }
    FeedbackPanel > .feedback-verdict {
        text-style: bold;
        padding: 0 1;
    }
    FeedbackPanel.-right > .feedback-verdict {
        color: $text-success;
        background: $success-muted;
    }
    FeedbackPanel.-partly > .feedback-verdict {
        color: $text-warning;
        background: $warning-muted;
    }
    FeedbackPanel.-wrong > .feedback-verdict {
        color: $text-error;
        background: $error-muted;
    }
    FeedbackPanel > .feedback-line {
        margin-top: 1;
    }
    FeedbackPanel > .feedback-item {
        padding-left: 2;
    }
    FeedbackPanel > .feedback-quote-label {
        margin-top: 1;
        color: $text-muted;
    }
    FeedbackPanel > .feedback-quote {
        border-left: outer $primary;
        padding: 0 1;
        text-style: italic;
    }
    FeedbackPanel > .feedback-next {
        color: $text-muted;
        padding: 0 1;
    }
    FeedbackPanel > .feedback-close {
        color: $text-warning;
        text-style: bold;
        padding-left: 2;
    }
    """

    def __init__(
        self,
        record: AnswerRecord,
        *,
        next_label: str,
        speed_bonus: int = 0,
        given_parts: tuple[str, ...] = (),
        expected_parts: tuple[str, ...] = (),
        close_spelling: bool = False,
    ) -> None:
        super().__init__()
        self.record = record
        self._next_label = next_label
        self._speed_bonus = speed_bonus
        self._given_parts = given_parts
        self._expected_parts = expected_parts
        self._close_spelling = close_spelling
        self.add_class(f"-{record.result}")

    @property
    def head_height(self) -> int:
        """Rows from the panel's top to the end of the way on (verdict, "Press Enter ...")."""
        return 3  # top padding, the verdict, the way on

    def _item_by_item(self) -> bool:
        """Order and match answers are shown a line per item, each checked."""
        return (
            self.record.question_type in (QuestionType.ORDER, QuestionType.MATCH)
            and bool(self._given_parts)
            and len(self._given_parts) == len(self._expected_parts)
        )

    def compose(self) -> ComposeResult:
        """Lay out the widgets."""
        record = self.record
        verdict = f"{verdict_text(record)}   {points_text(record)}"
        if self._speed_bonus:
            verdict += f"   incl. +{self._speed_bonus} for speed"
        yield Static(Content(verdict), classes="feedback-verdict")
        yield Static(Content(f"Press Enter {self._next_label}."), classes="feedback-next")
        if self._item_by_item():
            yield Static(labelled("Your answer:", ""), classes="feedback-line")
            for line in checked_lines(self._given_parts, self._expected_parts):
                yield Static(line, classes="feedback-item")
        else:
            yield Static(labelled("Your answer:", record.given), classes="feedback-line")
            if self._close_spelling:
                yield Static(Content("close: check the spelling"), classes="feedback-close")
            if record.result is not Result.RIGHT:
                yield Static(labelled("Right answer:", record.expected), classes="feedback-line")
        yield Static(labelled("Why:", record.explanation), classes="feedback-line")
        if record.quote:
            yield Static(Content("From the article:"), classes="feedback-quote-label")
            yield Static(Content(record.quote), classes="feedback-quote")
