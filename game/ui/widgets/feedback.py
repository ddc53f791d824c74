"""After an answer: the verdict in words and a symbol, the right answer, points, why, and the quote."""

from __future__ import annotations

from typing import Any

from textual.content import Content

from game.core.model import QuestionType
from game.core.records import AnswerRecord, Result
from game.ui.widgets.lines_panel import Block, LinesPanel, wrap_text

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


HANG = 3  # columns a checked item's wrapped lines, and its "should be", sit in from its start


def checked_lines(given: tuple[str, ...], expected: tuple[str, ...]) -> list[Block]:
    """Order and match: one item or pair given a line, ✓ when in its right place, else ✗ and,
    under it, what should be there."""
    blocks = []
    for mine, right in zip(given, expected, strict=True):
        if mine == right:
            blocks.append(Block(Content.assemble(mine, ("  ✓", "bold")), left=2, hang=HANG))
        else:
            blocks.append(Block(Content.assemble(mine, ("  ✗", "bold")), left=2, hang=HANG))
            should_be = Content.assemble(("should be ", "italic"), _differing_part(mine, right))
            blocks.append(Block(should_be, left=2 + HANG))
    return blocks


def checked_picks(given: tuple[str, ...], expected: tuple[str, ...]) -> list[Block]:
    """Multi: each pick a line, in the screen's order, ✓ when it is one of the right ones,
    else ✗ (the right answer follows in full)."""
    return [
        Block(
            Content.assemble(pick, ("  ✓" if pick in expected else "  ✗", "bold")),
            left=2,
            hang=HANG,
        )
        for pick in given
    ]


class FeedbackPanel(LinesPanel):
    """How an answer went; shown under the question until the player presses Enter: the
    verdict, the way on, the answer given and the right one. Why, and the article's words,
    follow in a WhyPanel (they are known before the answer, and drawn while it is thought).

    One widget, mounted with the round screen and filled for each answer (``show``): it
    draws its lines itself. It was a container of a Static per line, mounted for every
    answer, and styling and laying out those widgets was most of the time from Enter to the
    feedback on the screen.
    """

    COMPONENT_CLASSES = {
        "feedback--right",
        "feedback--partly",
        "feedback--wrong",
        "feedback--next",
        "feedback--close",
    }

    DEFAULT_CSS = """
    FeedbackPanel {
        height: auto;
        padding: 1 1 0 1;
    }
    FeedbackPanel > .feedback--right {
        text-style: bold;
        color: $text-success;
        background: $success-muted;
    }
    FeedbackPanel > .feedback--partly {
        text-style: bold;
        color: $text-warning;
        background: $warning-muted;
    }
    FeedbackPanel > .feedback--wrong {
        text-style: bold;
        color: $text-error;
        background: $error-muted;
    }
    FeedbackPanel > .feedback--next {
        color: $text-muted;
    }
    FeedbackPanel > .feedback--close {
        color: $text-warning;
        text-style: bold;
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.record: AnswerRecord | None = None
        self._next_label = ""
        self._speed_bonus = 0
        self._given_parts: tuple[str, ...] = ()
        self._expected_parts: tuple[str, ...] = ()
        self._close_spelling = False

    def show(
        self,
        record: AnswerRecord,
        *,
        next_label: str,
        speed_bonus: int = 0,
        given_parts: tuple[str, ...] = (),
        expected_parts: tuple[str, ...] = (),
        close_spelling: bool = False,
    ) -> None:
        """Show how this answer went."""
        self.record = record
        self._next_label = next_label
        self._speed_bonus = speed_bonus
        self._given_parts = given_parts
        self._expected_parts = expected_parts
        self._close_spelling = close_spelling
        self._changed()

    @property
    def head_height(self) -> int:
        """Rows from the panel's top to the end of the way on (verdict, "Press Enter ...")."""
        width = self.content_region.width or self.size.width
        head = self._blocks()[:2]
        return 1 + sum(
            len(wrap_text(block.text, width - block.left - block.right)) for block in head
        )

    def _checked(self) -> list[Block]:
        """Order and match answers a line per item, multi answers a line per pick, each
        checked; none for other answers (and for no answer)."""
        record = self.record
        if record is None or not self._given_parts:
            return []
        if record.question_type == QuestionType.MULTI:
            return checked_picks(self._given_parts, self._expected_parts)
        if record.question_type in (QuestionType.ORDER, QuestionType.MATCH) and len(
            self._given_parts
        ) == len(self._expected_parts):
            return checked_lines(self._given_parts, self._expected_parts)
        return []

    def _blocks(self) -> list[Block]:
        """The panel's blocks of text, in order."""
        record = self.record
        if record is None:
            return []
        style = self.get_visual_style
        verdict = f"{verdict_text(record)}   {points_text(record)}"
        if self._speed_bonus:
            verdict += f"   incl. +{self._speed_bonus} for speed"
        blocks = [
            Block(Content(verdict), left=1, right=1, fill=style(f"feedback--{record.result}")),
            Block(
                Content(f"Press Enter {self._next_label}.").stylize(style("feedback--next")),
                left=1,
                right=1,
            ),
        ]
        checked = self._checked()
        if checked:
            blocks.append(Block(labelled("Your answer:", ""), gap=True))
            blocks += checked
        else:
            blocks.append(Block(labelled("Your answer:", record.given), gap=True))
            if self._close_spelling:
                close = Content("close: check the spelling").stylize(style("feedback--close"))
                blocks.append(Block(close, left=2))
        # order and match say what should be at each place; any other answer not right gives
        # the right answer whole (a multi answer: every right pick, the missed ones too)
        if record.result is not Result.RIGHT and not (
            checked and record.question_type != QuestionType.MULTI
        ):
            blocks.append(Block(labelled("Right answer:", record.expected), gap=True))
        return blocks


class WhyPanel(LinesPanel):
    """Why the right answer is right, and the article's words it comes from: shown under the
    feedback. It depends on the question alone, so the round fills it as the question comes
    up and draws it ahead while the question is answered."""

    COMPONENT_CLASSES = {
        "why--quote-label",
        "why--quote-bar",
        "why--quote",
    }

    DEFAULT_CSS = """
    WhyPanel {
        height: auto;
        padding: 0 1;
    }
    WhyPanel > .why--quote-label {
        color: $text-muted;
    }
    WhyPanel > .why--quote-bar {
        color: $primary;
    }
    WhyPanel > .why--quote {
        text-style: italic;
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._explanation = ""
        self._quote = ""

    def show(self, explanation: str, quote: str) -> None:
        """Say why, with the article's words (none: no quote)."""
        if (explanation, quote) != (self._explanation, self._quote):
            self._explanation = explanation
            self._quote = quote
            self._changed()

    def _blocks(self) -> list[Block]:
        """The panel's blocks of text, in order."""
        style = self.get_visual_style
        blocks = [Block(labelled("Why:", self._explanation), gap=True)]
        if self._quote:
            label = Content("From the article:").stylize(style("why--quote-label"))
            blocks.append(Block(label, gap=True))
            quote = Content(self._quote).stylize(style("why--quote"))
            blocks.append(Block(quote, left=2, right=1, bar=style("why--quote-bar")))
        return blocks
