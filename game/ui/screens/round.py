"""The round screen: one question at a time, its answer widget, a countdown when timed, feedback."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import cached_property
from typing import Any, Literal, Self

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.widget import AwaitMount
from textual.widgets import Static

from game.core.class_code import round_code
from game.core.model import QuestionType
from game.core.records import AnswerRecord, Result
from game.core.rounds import (
    AskedQuestion,
    Round,
    close_spelling,
    expected_parts,
    given_parts,
)
from game.core.scoring import HINT_FACTOR, Response, base_points, round_half_up
from game.ui.messages import RoundCompleted, RoundLeft
from game.ui.reading import ArticleAsked
from game.ui.screen_css import screen_css
from game.ui.screen_map import keep_map, settle_map
from game.ui.screens.confirm import ConfirmScreen
from game.ui.widgets.answer_base import AnswerRow, AnswerWidget
from game.ui.widgets.blank import BlankVerticalScroll
from game.ui.widgets.choice_answer import ChoiceAnswer, MultiAnswer, TrueFalseAnswer
from game.ui.widgets.feedback import FeedbackPanel, WhyPanel
from game.ui.widgets.fit_footer import FitFooter
from game.ui.widgets.line_scrollbar import use_line_scrollbar
from game.ui.widgets.match_answer import MatchAnswer
from game.ui.widgets.order_answer import OrderAnswer
from game.ui.widgets.prompt import Prompt
from game.ui.widgets.round_header import HeaderState, RoundHeader
from game.ui.widgets.short_answer import ShortAnswer
from game.ui.widgets.stacks import BlankStack

Phase = Literal["answering", "feedback", "done"]
URGENT_SECONDS = 5
MODE_LABELS = {
    "quick": "Quick round",
    "timed": "Timed round",
    "exam": "Exam",
    "review": "Review of missed questions",
    "practice": "Practice",
}


def _utc_now() -> datetime:
    return datetime.now(UTC)


def answer_widget_for(asked: AskedQuestion) -> AnswerWidget:
    """The answer widget for a question's type, showing this round's shuffle."""
    kind = asked.question.type
    if kind is QuestionType.CHOICE:
        return ChoiceAnswer(asked.choices)
    if kind is QuestionType.MULTI:
        return MultiAnswer(asked.choices)
    if kind is QuestionType.TRUEFALSE:
        return TrueFalseAnswer()
    if kind is QuestionType.SHORT:
        return ShortAnswer()
    if kind is QuestionType.ORDER:
        return OrderAnswer(asked.items)
    return MatchAnswer(asked.lefts, asked.rights)


# Commits one answer of a round now; None, or in words why it could not be saved yet. The App
# gives the session's; the screen itself never touches the disk.
SaveAnswer = Callable[[int, AnswerRecord], "str | None"]


def _show_text(static: Static, text: Content) -> None:
    """Give a Static this text, unless it shows it already: an update lays the Static out and
    draws it again (the score and an empty hint were, for each question)."""
    shown = static.content
    if isinstance(shown, Content) and (shown.plain, shown.spans) == (text.plain, text.spans):
        return
    static.update(text)


def speed_bonus(asked: AskedQuestion, record: AnswerRecord) -> int:
    """The points a right timed answer earned for speed, beyond its (maybe halved) base."""
    if record.result is not Result.RIGHT or record.points <= 0:
        return 0
    base = base_points(asked.question) * (HINT_FACTOR if record.hint_used else 1)
    return max(record.points - round_half_up(base), 0)


class QuestionBody(BlankVerticalScroll, can_focus=False):
    """The question, its answer widget and the feedback, scrolled by the screen's keys (page
    up and down always, the arrows during the feedback). It never takes the keys itself: a
    click on an answer row would first give them to it, restyling it and all inside it."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """Its scroll bar, drawn line by line (a new question's length moves it: see
        game.ui.widgets.line_scrollbar)."""
        return use_line_scrollbar(super().vertical_scrollbar)


SETTLE_SECONDS = 0.1  # how often the screen's map is brought up to date while feedback is read


class AnswerArea(BlankStack):
    """Where the current question's answer widget sits: hidden during the feedback (the
    next question's widget is built in it then), shown again with the next question."""

    _layout_only = False  # while shown again: see show_again

    def show_again(self) -> None:
        """Show the area, laid out with the rest of the new question's frame but not asked to
        repaint. It is drawn as its background, and the layout repaints every place whose
        contents moved. A repaint asked of a widget hidden in the last frame makes Textual
        arrange the whole screen a second time in the next one, about a millisecond of the
        Enter that brings the next question."""
        self._layout_only = True
        try:
            self.display = True
        finally:
            self._layout_only = False

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        repaint = repaint and not self._layout_only
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


class RoundScreen(Screen[None]):
    """Plays a Round; saves each answer through save_answer before showing anything more, then
    posts RoundCompleted or RoundLeft."""

    DEFAULT_CSS = screen_css(__file__)  # round.tcss: see game.ui.screen_css
    SCOPED_CSS = False

    BLANK = True  # the screen is its background: see game.ui.widgets.blank

    # No widget has the keys during the feedback, on purpose: coming back from a dialog or
    # the article, Textual must not give them to the first widget that can take them.
    AUTO_FOCUS = ""

    BINDINGS = [
        Binding("escape", "leave", "Leave round"),
        Binding("h", "hint", "Hint (½ pts)"),
        Binding("ctrl+t", "hint_while_typing", "Hint (½ pts)", key_display="^t"),
        # the same keys on a question with no hint: a notice says so (not in the footer)
        Binding("h", "no_hint", "No hint", show=False),
        Binding("ctrl+t", "no_hint_while_typing", "No hint", show=False),
        Binding("s", "skip", "Skip"),
        Binding("ctrl+s", "skip_while_typing", "Skip", key_display="^s"),
        Binding("enter", "next", "Next"),
        Binding("a", "article", "Article"),
        Binding("pageup", "scroll_body(-1)", "Scroll", show=False),
        Binding("pagedown", "scroll_body(1)", "Scroll", show=False),
        # the feedback has no widget with the keys: the arrows scroll it (while answering,
        # the answer widget takes them first)
        Binding("up", "scroll_line(-1)", "Scroll", show=False),
        Binding("down", "scroll_line(1)", "Scroll", show=False),
    ]

    def __init__(
        self,
        round_state: Round,
        round_id: int,
        *,
        clock: Callable[[], datetime] = _utc_now,
        tick_seconds: float = 0.25,
        save_answer: SaveAnswer | None = None,
        bell: bool = True,
    ) -> None:
        super().__init__()
        keep_map(self)  # see game.ui.screen_map
        self.round_state = round_state
        # the terminal bell once at URGENT_SECONDS left in a timed round (a player's setting)
        self.bell_at_five = bell
        self._rang = False
        self.round_id = round_id
        self._save_answer = save_answer
        self._clock = clock
        self._tick_seconds = tick_seconds
        self.phase: Phase = "answering"
        self._answer_widget: AnswerWidget | None = None  # the current question's
        # the next question's answer widget, built hidden during the feedback: (the question
        # it is for, the widget, its mounting)
        self._prepared: tuple[AskedQuestion, AnswerWidget, AwaitMount] | None = None
        self._row_width = 0  # of the rows of the last question answered that had rows
        self.hint_used = False
        self._shown_at = clock()
        self._paused_at: datetime | None = None
        self._paused_seconds = 0.0
        self._pauses: set[str] = set()  # why the clock is stopped: "dialog", "covered"

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Lay out the widgets."""
        played = self.round_state
        header = HeaderState(
            title=played.bank_title,
            total=played.total,
            timer="" if played.time_limit is not None else None,
            **self._mode_shown(),
        )
        yield RoundHeader(header, id="round-header")
        # containers drawn as their background (see game.ui.widgets.blank): a key that moves
        # the cursor redraws the rows it changes, not every box around them
        with QuestionBody(id="round-body"):
            if played.mode == "exam":
                note = "Exam: no marks until the end; your answers are kept as you go."
                yield Static(Content(note), id="round-exam-note")
            yield Static(id="round-skipped")  # a skipped question come back: the way to give up
            yield Prompt(id="round-prompt")
            yield AnswerArea(id="round-answer")
            yield Static(id="round-hint")
            yield FeedbackPanel(id="round-feedback")  # filled and shown after each answer
            yield WhyPanel(id="round-why")  # filled as each question comes up, shown with it
        yield FitFooter(compact=True, show_command_palette=False)  # ^p still works; room for keys

    # -- its parts, composed once: looked up once (the Enter that brings the next question
    # used nine lookups) ---------------------------------------------------------------------

    @cached_property
    def _header(self) -> RoundHeader:
        return self.query_one(RoundHeader)

    @cached_property
    def _body(self) -> QuestionBody:
        return self.query_one(QuestionBody)

    @cached_property
    def _skipped(self) -> Static:
        return self.query_one("#round-skipped", Static)

    @cached_property
    def _prompt(self) -> Prompt:
        return self.query_one(Prompt)

    @cached_property
    def _area(self) -> AnswerArea:
        return self.query_one(AnswerArea)

    @cached_property
    def _hint(self) -> Static:
        return self.query_one("#round-hint", Static)

    @cached_property
    def _feedback(self) -> FeedbackPanel:
        return self.query_one("#round-feedback", FeedbackPanel)

    @cached_property
    def _why(self) -> WhyPanel:
        return self.query_one("#round-why", WhyPanel)

    @cached_property
    def _footer(self) -> FitFooter:
        return self.query_one(FitFooter)

    def _mode_shown(self) -> dict[str, Any]:
        """The mode for the header, and the class code of an exam, for a teacher to read out."""
        played = self.round_state
        shown: dict[str, Any] = {"mode": MODE_LABELS.get(played.mode, played.mode)}
        if played.mode == "exam" and played.request.seed is not None:
            shown["mode_more"] = (("  ·  class code ", False), (round_code(played), True))
        return shown

    def _next_label(self) -> str:
        """What Enter does after the feedback, in the words of "Press Enter ..."."""
        return "to see your results" if self.round_state.finished else "for the next question"

    async def on_mount(self) -> None:
        """Show the first question and start the clock."""
        if self.round_state.time_limit is not None:
            self.set_interval(self._tick_seconds, self.check_time)
        self.set_interval(SETTLE_SECONDS, self._settle_map)
        await self._show_question()

    def on_screen_suspend(self) -> None:
        """Another screen is on top (the window-too-small notice, a dialog): stop the clock."""
        self._pause("covered")

    async def on_screen_resume(self) -> None:
        """Apply the styles again (App-wide classes may have changed while a notice was on
        top) and start the clock again: the question can be seen."""
        self.app.update_styles(self)
        self._resume("covered")
        await self.check_time()

    # -- showing a question --------------------------------------------------------------

    def _header_for(self, asked: AskedQuestion) -> dict[str, object]:
        """What the header shows for the current question as it comes up."""
        played = self.round_state
        number, total = played.progress
        # practice: why this question is here; any round: a skipped question come back
        skipped = played.current_was_skipped
        shown: dict[str, object] = {
            "number": number,
            "total": total,
            "difficulty": asked.question.difficulty,
            "topic": played.topic_name(asked.question.topic),
            "reason": "skipped earlier" if skipped else asked.reason,
            **self._score(),
        }
        if played.time_limit is not None:  # its whole time left
            shown |= {"timer": f"{math.ceil(played.time_limit)} s left", "left": 1.0}
            shown["urgent"] = played.time_limit <= URGENT_SECONDS
        return shown

    def _score(self) -> dict[str, object]:
        """The running score and streak, for the header (an exam shows no marks until the end)."""
        played = self.round_state
        return {"score": None if played.mode == "exam" else played.score, "streak": played.streak}

    def _clear_question_warnings(self) -> None:
        """Take down warnings about the question just answered ("Choose an answer first"), so
        they never cover its feedback. Textual has no public way to remove one notification."""
        app = self.app
        stale = [note for note in app._notifications if note.severity == "warning"]
        for note in stale:
            app._unnotify(note, refresh=False)
        if stale:
            app._refresh_notifications()

    async def _show_question(self) -> None:
        """Draw the current question with a fresh answer widget, in one frame: nothing is
        painted until the question, its answer widget and the footer's keys are all in place."""
        with self.app.batch_update():
            await self._build_question()

    async def _build_question(self) -> None:
        asked = self.round_state.current
        if asked is None:
            return
        question = asked.question
        # The countdown's timer ticks beside this build (it awaits below): start the new
        # question's clock before the phase says "answering", so a tick never measures it
        # from the last question's start. It starts again once the question is in place.
        self._restart_clock()
        self._rang = False
        self.phase = "answering"
        # The footer's keys are set once, at the end: asked now, the footer (which runs
        # beside this build while it awaits) laid out the keys of a question half built.
        skipped = self.round_state.current_was_skipped
        self._header.show(**self._header_for(asked))
        skip_again = self._skipped
        if skipped:  # plain mode says it too: "Skip it again to give it up."
            key = "ctrl+s" if question.type is QuestionType.SHORT else "s"
            _show_text(
                skip_again,
                Content(f"Skip it again ({key}) to give it up: it then counts as wrong."),
            )
        skip_again.display = skipped
        self._prompt.show(question.prompt)
        hint = self._hint
        _show_text(hint, Content(""))
        hint.display = False
        self._feedback.display = False
        why_panel = self._why
        why_panel.show(question.explanation, question.quote or "")
        why_panel.display = False
        answer_area = self._area
        prepared, self._prepared = self._prepared, None
        if prepared is not None and prepared[0] is asked and prepared[1].parent is answer_area:
            _asked, widget, mounting = prepared
            # built while the feedback was read (_prepare_next); awaited again only if Enter
            # came first: each await of a mount asks its container to repaint (see show_again)
            if not widget.is_mounted:
                await mounting
            old = [child for child in answer_area.children if child is not widget]
            if old:
                await answer_area.remove_children(old)
        else:
            await answer_area.remove_children()
            widget = answer_widget_for(asked)
            if not answer_area.is_attached:
                return  # the App is ending (a signal, a quit): Textual refuses any mount then
            await answer_area.mount(widget)
        answer_area.show_again()
        self._answer_widget = widget
        self._body.scroll_home(animate=False)
        self.hint_used = False
        self._restart_clock()
        await self.check_time()
        # Focus now, not later (widget.focus waits a turn), and lay the footer out for it now:
        # both inside the caller's batch_update, so the first frame has the question's keys.
        # The keys go to the widget's key target (a typed answer's: its input line), without
        # scrolling: a long prompt is read from its top.
        self.set_focus(widget.key_target, scroll_visible=False)
        self.refresh_bindings()
        self._footer.refresh_now()
        self._whole_frame()
        if self.round_state.mode != "exam":  # an exam shows no feedback until the end
            self.call_after_refresh(self._draw_why_ahead)

    def _draw_why_ahead(self) -> None:
        """Once the question is on the screen, while it is answered: draw why, and the
        article's words, as wide as the body leaves them, with or without its scroll bar
        (the feedback may make the body longer than the window)."""
        why = self._why
        if self.phase != "answering" or not why.is_attached:
            return
        body = self._body
        width = body.scrollable_content_region.width - why.styles.gutter.width
        bar = body.styles.scrollbar_size_vertical
        other = width + bar if body.show_vertical_scrollbar else width - bar
        for each in (width, other):
            why.draw_ahead(each)

    def _whole_frame(self) -> None:
        """Lay out and draw the whole screen as it is now, in the next frame. Each widget
        changed above asks for its own layout or redraw in messages of its own, which can
        reach the screen a frame apart: the first frame would show some of the change (the
        footer's new keys over the old question)."""
        self.refresh(layout=True)

    # -- time ----------------------------------------------------------------------------

    def _restart_clock(self) -> None:
        """The current question's time starts now (or when what covers it goes)."""
        self._shown_at = self._clock()
        self._paused_seconds = 0.0
        if self._paused_at is not None:
            self._paused_at = self._shown_at  # covered as it came up: its time starts later

    def elapsed_seconds(self) -> float:
        """Seconds spent on the current question, not counting the leave dialog."""
        now = self._paused_at or self._clock()
        return max((now - self._shown_at).total_seconds() - self._paused_seconds, 0.0)

    async def check_time(self) -> None:
        """Update the countdown of a timed round; at zero the answer counts as wrong."""
        limit = self.round_state.time_limit
        if limit is None or self.phase != "answering" or self._paused_at is not None:
            return
        left = limit - self.elapsed_seconds()
        urgent = left <= URGENT_SECONDS
        header = self._header
        header.show(timer=f"{max(math.ceil(left), 0)} s left", left=left / limit, urgent=urgent)
        if urgent and left > 0 and self.bell_at_five and not self._rang:
            self._rang = True
            self.app.bell()
        if left <= 0:
            header.show(timer="time's up")
            # a typed answer not yet sent is kept in words (it still is no answer in time)
            widget = self._answer_widget
            unsent = widget.response() if isinstance(widget, ShortAnswer) else None
            await self._give_answer(unsent, timed_out=True)

    def _pause(self, why: str) -> None:
        """Stop the clock until every reason to stop it has passed."""
        if not self._pauses:
            self._paused_at = self._clock()
        self._pauses.add(why)

    def _resume(self, why: str) -> None:
        self._pauses.discard(why)
        if not self._pauses and self._paused_at is not None:
            self._paused_seconds += (self._clock() - self._paused_at).total_seconds()
            self._paused_at = None

    # -- answering -----------------------------------------------------------------------

    async def on_answer_widget_submitted(self, event: AnswerWidget.Submitted) -> None:
        """The player answered."""
        event.stop()
        if event.widget is not self._answer_widget:
            # A late submit from the widget of a question already answered (Enter pressed
            # twice quickly): never score it against the question now shown.
            return
        await self._give_answer(event.response, timed_out=False)

    async def _give_answer(self, response: Response, *, timed_out: bool) -> None:
        """Score the answer, hand its record up to be saved now, then show feedback or go on."""
        asked = self.round_state.current
        if self.phase != "answering" or asked is None:
            return
        self.phase = "feedback"
        self._answer_widget = None
        self._clear_question_warnings()
        limit = self.round_state.time_limit
        seconds = self.elapsed_seconds()
        if timed_out and limit is not None:
            seconds = float(limit)
        self.round_state, record = self.round_state.answer(
            response,
            seconds=round(seconds, 3),
            answered_at=self._clock(),
            hint_used=self.hint_used,
            timed_out=timed_out,
        )
        # Saved before anything on screen says the answer was taken (feedback, the next
        # question, the summary): a kill at that first frame loses nothing.
        problem = self._save_answer(self.round_id, record) if self._save_answer else None
        if problem:
            self.notify(problem, title="Not saved yet", severity="error", markup=False, timeout=15)
        if limit is not None and not timed_out:
            took = f"took {math.ceil(record.seconds)} s"
            self._header.show(timer=took, urgent=False)
        if self.round_state.mode == "exam":
            await self._advance()
            return
        with self.app.batch_update():  # the feedback's first frame is whole, footer included
            self._header.show(**self._score())
            self.refresh_bindings()
            # No widget takes the keys: the screen's own (Enter, arrows, a) serve the feedback.
            # (Focusing the body restyled it and everything in it, twice an answer.) Let go of
            # the keys before the answer widget goes, or Textual gives them to the body.
            self.set_focus(None)
            answer_area = self._area
            # kept from the last question with rows (a typed answer has none)
            widths = [row.size.width for row in answer_area.query(AnswerRow)]
            self._row_width = max(widths, default=0) or self._row_width
            answer_area.display = False  # removed once the feedback is on the screen
            panel = self._feedback
            panel.show(
                record,
                next_label=self._next_label(),
                speed_bonus=speed_bonus(asked, record),
                given_parts=()
                if timed_out
                else given_parts(asked.question, response, asked.choices),
                expected_parts=expected_parts(asked.question, asked.choices),
                close_spelling=close_spelling(asked.question, response, timed_out=timed_out),
            )
            panel.display = True
            self._why.display = True
            self._hint.display = False
            self._footer.refresh_now()
            self._whole_frame()
        self.call_after_refresh(self._scroll_to_verdict, panel)
        self.call_after_refresh(self._prepare_next)

    async def _prepare_next(self) -> None:
        """Once the feedback is on the screen, while the player reads it: take the answered
        question's widget away and build the next question's, hidden, so that Enter only
        has to show it (building it was half the time from Enter to the next question)."""
        if self.phase != "feedback":
            return
        answer_area = self._area
        await answer_area.remove_children()
        asked = self.round_state.current
        if asked is None or self.phase != "feedback" or self._prepared is not None:
            return
        widget = answer_widget_for(asked)
        if not answer_area.is_attached:
            return  # the App is ending: nothing to read the feedback after
        mounting = answer_area.mount(widget)
        self._prepared = (asked, widget, mounting)
        self._header.draw_ahead(**self._header_for(asked))
        # the next prompt, its rows and its answer widget's arrangement are made ahead at
        # each width they may get: as now, and with or without the body's scroll bar (the
        # next question may be longer or shorter than the feedback)
        prompt, body = self._prompt, self._body
        bar = body.styles.scrollbar_size_vertical
        text = body.scrollable_content_region.width - prompt.styles.gutter.width
        prompt.draw_ahead_for(asked.question.prompt, text, text + bar, text - bar)
        await mounting
        rows = self._row_width  # as wide as the answered question's rows were
        widget.draw_ahead(*(w for w in (rows, rows - bar, rows + bar) if rows))
        # arranged ahead, the Enter that shows it only places it (arranging it there was
        # about a millisecond of that Enter)
        area = body.scrollable_content_region.width
        answer_area.arrange_ahead(area, area - bar, area + bar)

    def _settle_map(self) -> None:
        """While the feedback is read: have Textual bring its map of the screen's widgets up
        to date, if anything made it stale (the answered question's widgets going, the next
        one's built hidden, a scroll). Left stale until Enter, the map is rebuilt in the
        Enter's time: one more arrangement of the whole screen, about a millisecond of the
        next question's first frame (see game.ui.screen_map)."""
        if self.phase == "feedback" and self.is_current:
            settle_map(self)

    def _scroll_to_verdict(self, panel: FeedbackPanel) -> None:
        """Keep the question in view above its verdict and the way on; a prompt too long for
        that gives way to the verdict (its top stays a page-up away)."""
        body = self._body
        panel_top = panel.region.y - body.scrollable_content_region.y + round(body.scroll_y)
        if panel_top + panel.head_height <= body.scrollable_content_region.height:
            body.scroll_home(animate=False)
        else:
            panel.scroll_visible(top=True, animate=False)

    async def _advance(self) -> None:
        """Go to the next question, or end the round."""
        if self.round_state.finished:
            self.phase = "done"
            self.refresh_bindings()
            played = self.round_state
            self.post_message(RoundCompleted(self.round_id, played.summary(), played))
            return
        await self._show_question()

    async def action_next(self) -> None:
        """Enter after feedback: on to the next question."""
        if self.phase == "feedback":
            self.phase = "answering"
            await self._advance()

    # -- hint, leaving, scrolling --------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that do something now."""
        asked = self.round_state.current
        if action in ("hint", "hint_while_typing"):
            can_hint = (
                self.phase == "answering"
                and asked is not None
                and bool(asked.question.hint)
                and not self.hint_used
            )
            typing = asked is not None and asked.question.type is QuestionType.SHORT
            return can_hint and typing == (action == "hint_while_typing")
        if action in ("no_hint", "no_hint_while_typing"):
            no_hint = self.phase == "answering" and asked is not None and not asked.question.hint
            typing = asked is not None and asked.question.type is QuestionType.SHORT
            return no_hint and typing == (action == "no_hint_while_typing")
        if action in ("next", "article"):
            return self.phase == "feedback"
        if action in ("skip", "skip_while_typing"):
            typing = asked is not None and asked.question.type is QuestionType.SHORT
            return self.phase == "answering" and typing == (action == "skip_while_typing")
        return True

    async def action_skip(self) -> None:
        """Skip: the question comes back after the others; skipped again, it is given up."""
        if self.phase != "answering" or self.round_state.current is None:
            return
        self.round_state, record = self.round_state.skip(answered_at=self._clock())
        if record is None:
            self.notify("Skipped: it comes back at the end.", timeout=2)
            await self._show_question()
            return
        # Given up: saved now, like any answer, then on without feedback to read.
        self.phase = "feedback"
        self._clear_question_warnings()
        problem = self._save_answer(self.round_id, record) if self._save_answer else None
        if problem:
            self.notify(problem, title="Not saved yet", severity="error", markup=False, timeout=15)
        self.phase = "answering"
        await self._advance()

    async def action_skip_while_typing(self) -> None:
        """Skip, by a key that does not type a letter."""
        await self.action_skip()

    def action_article(self) -> None:
        """The article at this answer's quote; n/N go through the quotes answered so far (the
        questions still to come are not shown, so their quotes are not either)."""
        if self.phase != "feedback":
            return
        quotes = tuple(record.quote for record in self.round_state.answers)  # in answer order
        self.post_message(ArticleAsked(self.round_state.bank_id, quotes, len(quotes) - 1))

    def action_hint(self) -> None:
        """Show the hint; the question is now worth half."""
        asked = self.round_state.current
        if self.phase != "answering" or asked is None or not asked.question.hint:
            return
        self.hint_used = True
        hint = self._hint
        hint.update(Content.assemble(("Hint (points halved): ", "bold"), asked.question.hint))
        hint.display = True
        self.refresh_bindings()

    def action_hint_while_typing(self) -> None:
        """The hint, by a key that does not type a letter."""
        self.action_hint()

    def action_no_hint(self) -> None:
        """The hint key on a question that has none: say so, rather than nothing."""
        self.notify("This question has no hint.", timeout=2)

    def action_no_hint_while_typing(self) -> None:
        """The same, by the key typed answers use for the hint."""
        self.action_no_hint()

    def action_scroll_body(self, direction: int) -> None:
        """Page the question and feedback up or down."""
        body = self._body
        if direction < 0:
            body.scroll_page_up()
        else:
            body.scroll_page_down()

    def action_scroll_line(self, direction: int) -> None:
        """Scroll the question and feedback a line up or down."""
        body = self._body
        if direction < 0:
            body.scroll_up(animate=False)
        else:
            body.scroll_down(animate=False)

    def action_leave(self) -> None:
        """Ask whether to leave; answers given so far stay saved."""
        self._ask_to_end("Leave this round?", self._leave_answered)

    def quit_needs_asking(self) -> bool:
        """ctrl+q asks until the round is over (see game.ui.unsaved)."""
        return self.phase != "done"

    def ask_to_quit(self) -> None:
        """ctrl+q during a round: ask, as for leaving; the round can be resumed later."""
        self._ask_to_end("Quit the game?", self._quit_answered)

    def _ask_to_end(
        self, question: str, answered: Callable[[bool | None], Awaitable[None]]
    ) -> None:
        if self.phase == "done":
            return
        self._pause("dialog")
        given = len(self.round_state.answers)
        kept = (
            "Your answer so far is saved"
            if given == 1
            else f"Your {given} answers so far are saved"
        )
        detail = f"{kept}; the round is marked unfinished." if given else "Nothing is scored yet."
        self.app.push_screen(ConfirmScreen(question, detail=detail), answered)

    async def _leave_answered(self, leave: bool | None) -> None:
        """The answer from the leave dialog."""
        if leave:
            self.phase = "done"
            self.post_message(RoundLeft(self.round_id))
        else:
            self._resume("dialog")
            await self.check_time()

    async def _quit_answered(self, leave: bool | None) -> None:
        """The answer from the quit dialog: the round stays unfinished, to resume."""
        if leave:
            self.phase = "done"
            self.app.exit()
        else:
            self._resume("dialog")
            await self.check_time()
