"""A bank's title, description and topics: for a new bank, and to change them later."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from game.core.drafts import BankDetails, topics_from_names
from game.ui.screen_css import screen_css
from game.ui.unsaved import UnsavedForm
from game.ui.widgets.fit_footer import FitFooter
from game.ui.widgets.problem_list import ProblemList


class BankDetailsScreen(UnsavedForm, Screen[BankDetails | None]):
    """Dismisses with the details (ctrl+s), or None (Escape). ``check`` returns the problems,
    in the validator's words, that the details would bring to the bank (given by the App)."""

    DEFAULT_CSS = screen_css(__file__)  # bank_details.tcss: see game.ui.screen_css
    SCOPED_CSS = False
    LOST_DETAIL = "The changes to the title, description and topics will be lost."

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "back", "Back"),
    ]

    def __init__(
        self,
        details: BankDetails,
        check: Callable[[BankDetails], Sequence[str]],
        *,
        new: bool = False,
    ) -> None:
        super().__init__()
        self._details = details
        self._check = check
        self._new = new
        self._problems: list[str] = []
        self._opened_with = details  # replaced by what the fields give back, once mounted
        self._touched = not new  # a new bank's problems show once the teacher starts

    def compose(self) -> ComposeResult:
        """Three fields, then what they would break."""
        heading = "A new question bank" if self._new else "The bank's title and topics"
        with Vertical(id="details-form"):
            yield Static(Content(heading), id="details-heading")
            with Horizontal(classes="details-row"):
                yield Static("Title", classes="details-label")
                yield Input(
                    self._details.title,
                    placeholder="shown in the bank list",
                    compact=True,
                    id="details-title",
                )
            with Horizontal(classes="details-row"):
                yield Static("Description", classes="details-label")
                yield TextArea(
                    self._details.description,
                    soft_wrap=True,
                    compact=True,
                    highlight_cursor_line=False,
                    placeholder="one or two sentences under the title (optional)",
                    id="details-description",
                )
            with Horizontal(classes="details-row"):
                yield Static("Topics", classes="details-label")
                yield TextArea(
                    "\n".join(self._details.topics.values()),
                    soft_wrap=False,
                    compact=True,
                    highlight_cursor_line=False,
                    placeholder="one topic a line, e.g. Geography (optional)",
                    id="details-topics",
                )
            about = (
                "ctrl+s goes on to the first question; the file, named after the title, is "
                "written when that question is saved."
                if self._new
                else "A topic that questions still use cannot be taken away."
            )
            yield Static(Content(about), id="details-help")
        yield ProblemList(id="details-problems")
        yield FitFooter()

    def on_mount(self) -> None:
        """Start in the title."""
        self._opened_with = self.details()  # as the fields give it back (spaces folded)
        self.query_one("#details-title", Input).focus()
        self._validate()

    def details(self) -> BankDetails:
        """The details as the form stands."""
        names = self.query_one("#details-topics", TextArea).text.splitlines()
        return BankDetails(
            title=self.query_one("#details-title", Input).value.strip(),
            description=" ".join(self.query_one("#details-description", TextArea).text.split()),
            topics=topics_from_names(names, self._details.topics),
        )

    def _validate(self, *, refused: bool = False) -> None:
        counts = Counter(self._check(self.details()))
        self._problems = [
            text if count == 1 else f"{text} (on {count} questions)"
            for text, count in counts.items()
        ]
        panel = self.query_one(ProblemList)
        if self._problems and self._touched:
            lines = [
                Content.assemble(("✗ ", "bold $text-error"), (_field_of(text), "bold"), text)
                for text in self._problems
            ]
            panel.show(lines, len(lines), refused=refused)
        elif self._problems:
            panel.show_note("Give the bank a title; the rest is optional.")
        else:
            panel.show_note("No problems: ctrl+s saves.", ok=True)

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _changed(self, event: Input.Changed | TextArea.Changed) -> None:
        event.stop()
        self._touched = True
        self._validate()

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        """Hand the details back, unless they would make the bank invalid."""
        self._touched = True
        self._validate(refused=True)
        if self._problems:
            self.app.bell()
            return
        self.dismiss(self.details())

    def has_changes(self) -> bool:
        """Whether the fields differ from what they opened with."""
        return self.details() != self._opened_with


def _field_of(message: str) -> str:
    """``Title: `` and so on, from the validator's message (which starts with the key)."""
    for key, name in (("title", "Title"), ("description", "Description")):
        if message.startswith(key):
            return f"{name}: "
    return "Topics: " if "topic" in message else ""
