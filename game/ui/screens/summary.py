"""The end of a round: score, figures, topics, the scoring rule and the questions missed."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from game.core.class_code import round_code
from game.core.figures import duration_text
from game.core.records import AnswerRecord
from game.core.rounds import PlayRequest, Round, RoundSummary
from game.core.scoring import SCORING_RULE
from game.core.standing import grade_word
from game.ui.messages import GoHome, PlayAgain, ReviewMissed
from game.ui.screen_css import screen_css
from game.ui.widgets.feedback import labelled, points_text, verdict_text
from game.ui.widgets.fit_footer import FitFooter


def figures_text(summary: RoundSummary) -> str:
    """Right out of total, time, streak, and what else happened."""
    parts = [f"{summary.right} of {summary.total} right"]
    if summary.partly:
        parts[0] += f" ({summary.partly} partly)"
    parts.append(f"time {duration_text(summary.seconds)}")
    parts.append(f"best streak {summary.best_streak}")
    if summary.timed_out:
        parts.append(f"{summary.timed_out} out of time")
    if summary.hints_used:
        parts.append(f"{summary.hints_used} hint{'s' if summary.hints_used != 1 else ''}")
    return "  ·  ".join(parts)


def play_again_request(played: Round) -> PlayRequest:
    """The same kind of round again: an exam keeps its seed, other rounds draw anew; after a
    review, the kind of round the review came from (a new one, not the review again)."""
    request = played.request
    if request.mode == "review":
        request = request.origin or PlayRequest(request.bank_id)
    return request if request.mode == "exam" else replace(request, seed=None)


def review_again_request(played: Round) -> PlayRequest:
    """The same review again: every question it asked, shuffled anew."""
    return replace(played.request, seed=None)


class MissedAnswer(Static):
    """One question missed: the verdict, the prompt, what was given, the right answer and why.

    One widget with its lines as styled content, not a widget a line: a round of many misses
    builds its summary several times faster."""

    def __init__(self, record: AnswerRecord) -> None:
        colour = "$text-warning" if record.result == "partly" else "$text-error"
        verdict = f"{verdict_text(record)}  {points_text(record)}"
        lines = [
            Content.styled(verdict, f"bold {colour}"),
            Content.styled(record.prompt, "italic"),
            labelled("Your answer:", record.given),
            labelled("Right answer:", record.expected),
            labelled("Why:", record.explanation),
        ]
        super().__init__(Content("\n").join(lines), classes=f"summary-missed -{record.result}")
        self.record = record


class SummaryScreen(Screen[None]):
    """Shows how a finished round went; r reviews the missed, p plays again, Escape goes home."""

    DEFAULT_CSS = screen_css(__file__)  # summary.tcss: see game.ui.screen_css
    SCOPED_CSS = False

    BINDINGS = [
        Binding("r", "review", "Review missed"),
        Binding("p", "play_again", "Play again"),
        Binding("p", "new_round", "New round"),  # after a review; check_action picks one
        Binding("v", "review_again", "Review again"),
        Binding("escape,q,h", "home", "Home", key_display="esc"),
    ]

    def __init__(self, played: Round, *, personal_best: bool = False) -> None:
        super().__init__()
        self.played = played
        self.summary = played.summary()
        self.personal_best = personal_best

    def compose(self) -> ComposeResult:
        """Lay out the widgets."""
        played, summary = self.played, self.summary
        with Horizontal(id="summary-heading"):
            title = Content.assemble("Round over  ·  ", (played.bank_title, "bold"))
            yield Static(title, id="summary-title")
            if summary.mode == "exam" and summary.seed is not None:
                code = Content.assemble("Exam  ·  class code ", (round_code(played), "bold"))
                yield Static(code, id="summary-code")
        with VerticalScroll(id="summary-body"):
            score = Content.assemble(
                f"{summary.score} of {summary.max_score} points  ·  {summary.percentage}%  ·  ",
                (grade_word(summary.percentage), "italic"),
            )
            yield Static(score, id="summary-score")
            if self.personal_best:
                yield Static(Content("★ New personal best for this bank"), id="summary-best")
            yield Static(Content(figures_text(summary)), id="summary-figures")
            yield Static(Content(f"Scoring: {SCORING_RULE}"), id="summary-rule")
            yield Static(Content("By topic"), classes="summary-heading")
            for topic in summary.topics:
                with Horizontal(classes="summary-topic"):
                    yield Static(Content(topic.name), classes="topic-name")
                    yield Static(
                        Content(f"{topic.right} of {topic.answered} right"), classes="topic-right"
                    )
                    yield Static(
                        Content(f"{topic.points} of {topic.max_points} points"),
                        classes="topic-points",
                    )
            if summary.missed:
                heading = f"Missed: {len(summary.missed)}  (press r to try them again)"
                yield Static(Content(heading), classes="summary-heading")
                for record in summary.missed:
                    yield MissedAnswer(record)
            else:
                yield Static(
                    Content("Nothing missed: every answer was right."), classes="summary-heading"
                )
        yield FitFooter(compact=True, show_command_palette=False)  # ^p still works; room for keys

    def on_mount(self) -> None:
        """Arrow keys scroll the summary."""
        self.query_one("#summary-body", VerticalScroll).focus()

    def on_screen_resume(self) -> None:
        """Apply the styles again: App-wide classes may have changed while a notice was on top."""
        self.app.update_styles(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer a review only when something was missed."""
        if action == "review":
            return self.played.missed_request() is not None
        in_review = self.played.mode == "review"
        if action in ("review_again", "new_round"):
            return in_review
        if action == "play_again":
            return not in_review
        return True

    def action_review(self) -> None:
        """Play the missed questions again."""
        request = self.played.missed_request()
        if request is not None:
            self.post_message(ReviewMissed(request))

    def action_play_again(self) -> None:
        """Another round like this one (after a review, a new round of the kind reviewed)."""
        self.post_message(PlayAgain(play_again_request(self.played)))

    def action_new_round(self) -> None:
        """After a review: a new round of the kind the review came from."""
        self.action_play_again()

    def action_review_again(self) -> None:
        """The same review once more."""
        if self.played.mode == "review":
            self.post_message(PlayAgain(review_again_request(self.played)))

    def action_home(self) -> None:
        """Back to the bank list."""
        self.post_message(GoHome())
