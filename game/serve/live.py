"""The teacher's terminal while a class is served: each student's progress, live from the store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from game.core.figures import percent, plural
from game.files import os_words
from game.report.report_text import prompt_start
from game.serve.server import ClassServer
from game.store.errors import StoreError
from game.store.live import ClassProgress, read_class_progress
from game.ui.screens.confirm import ConfirmScreen

HERE = Path(__file__).resolve().parent
REFRESH_SECONDS = 1.0
STUDENT_WIDTH = 14
PROMPT_WIDTH = 44  # the hardest question's prompt, cut to one line at 80 columns


def _utc_now() -> datetime:
    return datetime.now(UTC)


def stop_words(progress: ClassProgress) -> str:
    """What the teacher is told when the class stops."""
    unfinished = progress.unfinished
    rounds = "1 round was" if unfinished == 1 else f"{unfinished} rounds were"
    return (
        f"The class has stopped. {len(progress.students)} started, {rounds} unfinished; "
        "every answer given is kept."
    )


class StopQuestion(ConfirmScreen):
    """The question before the class stops: ctrl+c (or ctrl+q) again is yes, as ctrl+c
    alone stops a class served without the live view."""

    BINDINGS = [
        Binding("ctrl+c", "answer(True)", show=False),
        Binding("ctrl+q", "answer(True)", show=False),
    ]


class TeacherApp(App[str]):
    """The class's live table: each student, question k of N, score, finished; the hardest
    question so far. `q`, `ctrl+q` or `ctrl+c` stops the server after asking."""

    CSS_PATH = ["../ui/quiz.tcss", "live.tcss"]
    TITLE = "quiz serve"
    BINDINGS = [
        Binding("q", "stop", "Stop the class"),
        Binding("ctrl+q", "stop", show=False),
        # Textual's own ctrl+c only copies a selection, or points at a "quit" key there is none
        # of here: a teacher's ctrl+c did nothing and the class went on.
        Binding("ctrl+c", "stop", show=False),
    ]

    def __init__(
        self,
        server: ClassServer,
        *,
        address: str,
        join_code: str,
        about: str,
        since: datetime,
        bank_id: str | None,
        seed: int | None,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__()
        self.server = server
        self.address = address
        self.join_code = join_code
        self.about = about
        self.since = since
        self.bank_id = bank_id
        self.seed = seed
        self.progress = ClassProgress([], None)
        self._now = now

    def compose(self) -> ComposeResult:
        yield Static(self._head(), id="live-head")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="live-students")
        yield Static("", id="live-hardest")
        yield Footer()

    def _head(self) -> Content:
        return Content.assemble(
            ("Class is open", "bold $success"),
            "   students go to ",
            (self.address, "bold"),
            "\nJoin code: ",
            (self.join_code, "bold $accent"),
            "   ",
            (self.about, "$text-muted"),
        )

    async def on_mount(self) -> None:
        """Start serving, then keep the table fresh."""
        table = self.query_one("#live-students", DataTable)
        # Widths that fit 60 columns: the table never scrolls sideways at the smallest size.
        table.add_column("Student", key="student", width=STUDENT_WIDTH)
        table.add_column("Question", key="question", width=8)
        table.add_column("Score", key="score", width=13)
        table.add_column("Right", key="right", width=6)
        table.add_column("Status", key="status", width=8)
        try:
            await self.server.start()
        except OSError as error:
            self.exit(f"quiz serve: cannot listen on {self.address}: {os_words(error)}")
            return
        self.set_interval(REFRESH_SECONDS, self.read_progress)
        self.read_progress()

    @work(thread=True, exclusive=True, group="progress")
    def read_progress(self) -> None:
        """Read the class's rounds off the store (in a thread), then show them."""
        try:
            progress = read_class_progress(
                self.server.saves_dir, self.since, self.bank_id, self.seed
            )
        except StoreError as error:
            self.call_from_thread(self._show_problem, str(error))
            return
        self.call_from_thread(self.show_progress, progress)

    def _show_problem(self, words: str) -> None:
        self.query_one("#live-hardest", Static).update(Content(f"! {words}"))

    def show_progress(self, progress: ClassProgress) -> None:
        """Show the class as it is now."""
        self.progress = progress
        table = self.query_one("#live-students", DataTable)
        table.clear()
        for student in progress.students:
            if student.finished:
                status = Content.styled("finished", "$success")
                question = f"{student.answered} of {student.question_count}"
            else:
                status = Content("playing")
                shown = min(student.answered + 1, student.question_count)
                question = f"{shown} of {student.question_count}"
            score = f"{student.points}/{student.points_possible}"
            if student.points_possible:
                score += f" {percent(student.points, student.points_possible)}%"
            table.add_row(
                Content(prompt_start(student.player, STUDENT_WIDTH)),
                question,
                score,
                f"{student.right}/{student.answered}",
                status,
                key=str(student.round_id),
            )
        self.query_one("#live-hardest", Static).update(self._hardest_text(progress))
        self.sub_title = (
            f"{plural(len(progress.students), 'student')}, {progress.unfinished} playing"
        )

    def _hardest_text(self, progress: ClassProgress) -> Content:
        students = len(progress.students)
        if not students:
            return Content.styled("No one has joined yet.", "$text-muted")
        hardest = progress.hardest
        if hardest is None:
            return Content.styled("No answers yet.", "$text-muted")
        return Content.assemble(
            ("Hardest so far", "bold"),
            (f" ({hardest.right} of {hardest.answered} right): ", "$text-muted"),
            prompt_start(hardest.prompt, PROMPT_WIDTH),
        )

    def action_stop(self) -> None:
        """Ask, then stop serving: every tab's game ends, every answer is kept."""
        playing = self.progress.unfinished
        detail = (
            f"{playing} students are still playing; their answers so far are kept."
            if playing != 1
            else "1 student is still playing; their answers so far are kept."
        )
        self.push_screen(
            StopQuestion("Stop the class?", detail=detail, yes_label="Stop"), self._stop_chosen
        )

    async def _stop_chosen(self, stop: bool | None) -> None:
        if not stop:
            return
        await self.server.stop()
        try:
            progress = read_class_progress(
                self.server.saves_dir, self.since, self.bank_id, self.seed
            )
        except StoreError:
            progress = self.progress
        self.exit(stop_words(progress))
