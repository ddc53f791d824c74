"""The home screen: who is playing, the banks to play, and the round modes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import PurePath

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.core.commands import validate_command
from game.core.figures import percent_text
from game.core.memory import DueCount, due_phrase
from game.core.model import BankSummary
from game.core.resume import Unfinished
from game.core.safe_text import one_line, several_lines
from game.ui.reading import ArticleAsked
from game.ui.widgets.fit_footer import FitFooter
from game.ui.widgets.hanging import BULLET, HangingBullets, HangingStatic

# (mode, key, name, what it is)
MODES: tuple[tuple[str, str, str, str], ...] = (
    ("quick", "enter", "Quick", "random questions, right or wrong after each"),
    ("timed", "t", "Timed", "a countdown per question, a bonus for speed"),
    ("exam", "e", "Exam", "same round for everyone with a class code, marks at the end"),
    ("practice", "s", "Practice", "what is due, then what you missed, then new"),
)

DISABLED_STYLE = "$text-disabled"
# How often home, while it is shown, brings its "next in 40 s" up to date.
DUE_TICK_SECONDS = 1.0
# The mode of an unfinished round, as the line offering it again says it.
RESUME_MODES = {
    "quick": "quick round",
    "timed": "timed round",
    "exam": "exam",
    "review": "review",
    "practice": "practice round",
}


def bank_file(bank: BankSummary) -> str:
    """The bank's file as the questions folder names it (``period-3/week-5.yaml``)."""
    return bank.bank_id + PurePath(bank.path).suffix


def playable_first(banks: Sequence[BankSummary]) -> list[BankSummary]:
    """The banks in their order, the ones that cannot be played moved to the end."""
    return sorted(banks, key=lambda bank: not bank.playable)


def plural(count: int, word: str) -> str:
    """``1 question``, ``2 questions``."""
    return f"{count} {word}" + ("" if count == 1 else "s")


def _due_style(due: DueCount | None) -> str:
    """Accent when questions are due now, muted otherwise."""
    return "$text-accent" if due is not None and due.due_now else "$text-muted"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def due_after(due: DueCount, waited: timedelta) -> DueCount:
    """The outlook read some time ago, ``waited`` later (the count due now as it was)."""
    if due.next_due_in is None:
        return due
    return replace(due, next_due_in=due.next_due_in - waited)


def shared_titles(banks: Sequence[BankSummary]) -> set[str]:
    """The titles more than one bank has (compared as shown, ignoring case)."""
    seen = Counter(one_line(bank.title or bank.bank_id).casefold() for bank in banks)
    return {title for title, count in seen.items() if count > 1}


def bank_prompt(
    bank: BankSummary,
    best_percent: float | None,
    due: DueCount | None = None,
    *,
    show_file: bool = False,
    unfinished: int = 0,
) -> Content:
    """How one bank reads in the list: title, then its facts or, when broken, its first error;
    for a bank the player practises, a line of what is due (``5 due now · next in 3 h``).
    ``show_file`` adds the file name after the title, for banks that share their title;
    ``unfinished``: the player's rounds of it left unfinished with answers (a bank with no
    round finished but one of those is not "not played yet")."""
    title = one_line(bank.title or bank.bank_id)
    if not bank.playable:
        return Content.assemble(
            ("✗ ", DISABLED_STYLE),
            (title, f"bold {DISABLED_STYLE}"),
            (" (cannot be played)", DISABLED_STYLE),
            "\n",
            (f"{one_line(bank_file(bank))}:{one_line(bank.first_error or '')}", DISABLED_STYLE),
        )
    if best_percent is not None:
        best = f"best {percent_text(best_percent)}"
    elif unfinished:
        best = f"{plural(unfinished, 'round')} unfinished"
    else:
        best = "not played yet"
    facts = f"{plural(bank.question_count, 'question')} · {best}"
    heading = Content.assemble((title, "bold"))
    if show_file:
        heading = Content.assemble(heading, (f"  {one_line(bank_file(bank))}", "$text-muted"))
    prompt = Content.assemble(heading, "\n", (facts, "$text-muted"))
    practice = due_phrase(due)
    if practice:
        prompt = Content.assemble(prompt, "\n", (practice, _due_style(due)))
    return prompt


def bank_detail(
    bank: BankSummary, best_percent: float | None, due: DueCount | None = None
) -> Content:
    """Everything about one bank for the panel beside the list."""
    if not bank.playable:
        return Content.assemble(
            ("This bank cannot be played.", "bold $text-error"),
            "\n\n",
            (f"{one_line(bank_file(bank))}:{one_line(bank.first_error or '')}", "bold"),
            "\n\n",
            "Fix the file, then press r to look again. This command lists every problem:",
            "\n\n",
            (one_line(validate_command(bank.path)), "bold"),
        )
    # The facts first, so that at 80×24 they are in view with the topics' count; the topics
    # themselves come after the description (tab scrolls the panel to them).
    parts: list[str | tuple[str, str]] = [(one_line(bank.title or bank.bank_id), "bold"), "\n"]
    parts += [plural(bank.question_count, "question")]
    if bank.topics:
        parts += [" in ", plural(len(bank.topics), "topic")]
    if best_percent is not None:
        parts += [" · your best ", (percent_text(best_percent), "bold")]
    practice = due_phrase(due)
    parts += ["\n", ("Practice: ", "bold")]
    parts += [(practice, _due_style(due))] if practice else ["not started yet"]
    if bank.description:
        parts += ["\n\n", bank.description]
    if bank.topics:
        parts += ["\n\n", ("Topics", "bold")]
        for name in bank.topics.values():
            parts += ["\n", BULLET, name]
    return Content.assemble(*parts)


class BankList(OptionList):
    """The list of banks; Enter (shown in the footer) plays the highlighted one in quick mode."""

    BINDINGS = [Binding("enter", "select", "Quick")]


class ModesLines(Static):
    """The modes' lines under the panels; says when its width changes (the Keys panel, beside
    home, takes a third of it) so that home can fit the lines to it."""

    class Resized(Message):
        """The lines' width changed."""

    def on_resize(self, event: events.Resize) -> None:
        """See the class."""
        self.post_message(self.Resized())


class HomeScreen(Screen[None]):
    """Pick a bank and a mode; switch player; the App answers the messages this posts."""

    BINDINGS = [
        # Enter in the About panel plays too (in the bank list, the list's own Enter does).
        Binding("enter", "play('quick')", "Quick"),
        Binding("t", "play('timed')", "Timed"),
        Binding("e", "play('exam')", "Exam"),
        # The modes list shows this key; in the footer it would push ^q Quit off 80 columns.
        Binding("s", "play('practice')", "Practice", show=False),
        Binding("h", "history", "History"),
        Binding("a", "article", "Article", show=False),
        Binding("p", "switch_player", "Player"),
        Binding("r", "reload", "Reload"),
        # The question editor's keys, for teachers; the line under the modes shows them.
        Binding("w", "edit_bank", "Write questions", show=False),
        Binding("n", "new_bank", "New bank", show=False),
        # The line above the banks shows this key, when there is a round to take up again.
        Binding("c", "resume", "Resume", show=False),
    ]

    class PlayChosen(Message):
        """The player wants to set up a round of this bank in this mode."""

        def __init__(self, bank_id: str, mode: str) -> None:
            super().__init__()
            self.bank_id = bank_id
            self.mode = mode

    class SwitchPlayerAsked(Message):
        """The player wants to change who is playing."""

    class ReloadAsked(Message):
        """The player wants the banks read again from disk."""

    class HistoryAsked(Message):
        """The player wants to look back at their rounds."""

    class EditBankAsked(Message):
        """A teacher wants to write or change this bank's questions."""

        def __init__(self, bank_id: str) -> None:
            super().__init__()
            self.bank_id = bank_id

    class NewBankAsked(Message):
        """A teacher wants to start a new bank."""

    class ResumeAsked(Message):
        """The player wants to take up their unfinished round again."""

        def __init__(self, round_id: int) -> None:
            super().__init__()
            self.round_id = round_id

    def __init__(
        self,
        player: str,
        banks: Sequence[BankSummary],
        best: Mapping[str, float],
        notices: Sequence[str] = (),
        library_location: str = "",
        due: Mapping[str, DueCount] | None = None,
        locked: Collection[str] = (),
        resume: Unfinished | None = None,
        read_due: Callable[[], Mapping[str, DueCount]] | None = None,
        clock: Callable[[], datetime] = _utc_now,
        unfinished: Mapping[str, int] | None = None,
    ) -> None:
        """``due`` is what is due as read at ``clock()`` now; ``read_due`` reads it again (when
        home is shown again, on reload, and when a question falls due while it is shown)."""
        super().__init__()
        self._locked = frozenset(locked)
        self._resume = resume
        self._player = player
        self._banks = playable_first(banks)
        self._best = dict(best)
        self._due = dict(due or {})
        self._read_due = read_due
        self._clock = clock
        self._due_read_at = clock()
        self._due_shown = self._due_now()
        self._shown_before = False
        self._unfinished = dict(unfinished or {})  # bank id -> rounds left with answers
        self._notices = list(notices)
        self._library_location = library_location

    def compose(self) -> ComposeResult:
        yield Static(self._top_line(), id="home-top")
        yield Static(self._notice_text(), id="home-notices")
        yield Static(self._resume_text(), id="home-resume")
        with Horizontal(id="home-main"):
            yield BankList(*self._options(), id="home-banks")
            yield Static(self._empty_text(), id="home-empty")
            # tab reaches it: ↑/↓ then scroll what is below the edge (the topics at 80×24)
            with VerticalScroll(id="home-detail-box"):
                yield HangingStatic("", id="home-detail")
        yield ModesLines(self._modes_text(), id="home-modes")
        yield FitFooter()

    def on_mount(self) -> None:
        """Show the parts that have something to say, and start in the bank list."""
        self.query_one("#home-banks", OptionList).border_title = "Question banks"
        self.query_one("#home-empty").border_title = "Question banks"
        self.query_one("#home-detail-box").border_title = "About"
        banks = self.query_one("#home-banks", OptionList)
        if self._banks:
            banks.highlighted = 0
        self._refresh_visibility()
        self._show_detail()
        banks.focus()
        # "next in 40 s" counts down while home is shown (paused under other screens)
        self._due_timer = self.set_interval(
            DUE_TICK_SECONDS, self._tick_due, name="home-due", pause=True
        )

    def on_resize(self, event: events.Resize) -> None:
        """The modes' lines in full, or in short when the window is too narrow for them."""
        self._fit_modes()
        self.call_after_refresh(self._show_detail_hint)

    @on(ModesLines.Resized)
    def _modes_resized(self, event: ModesLines.Resized) -> None:
        event.stop()
        self._fit_modes()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown again: fitted to the window as it is now (it may have changed meanwhile),
        and what is due read again (the first time, it was read just before)."""
        self._fit_modes()
        self.call_after_refresh(self._show_detail_hint)
        if self._shown_before:
            self.refresh_due()
        self._shown_before = True
        self._due_timer.resume()

    def on_screen_suspend(self, event: events.ScreenSuspend) -> None:
        """Under another screen: the practice line waits until home is shown again."""
        self._due_timer.pause()

    def _fit_modes(self) -> None:
        """The modes' lines for the window's width, and their height set with them.

        The height is given, not left to ``auto``: a screen beneath another is laid out
        again when the window changes size, with the lines it had then (the full ones,
        wrapped at 60 columns to ten), and Textual kept that measure after the short lines
        replaced them, so home came back with its panels squashed over empty rows. Only
        when even the short lines must wrap (the Keys panel beside home at 60 columns) is
        the height left to ``auto``, so that no line is cut."""
        modes = self.query_one("#home-modes", Static)
        text = self._modes_text()
        if text != modes.content:
            modes.update(text)
        lines = text.split("\n")
        if max(line.cell_length for line in lines) + 2 <= self._modes_width():
            modes.styles.height = len(lines) + modes.styles.gutter.height
        else:
            modes.styles.height = "auto"

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The About panel's hint says how to scroll it, or how to reach it."""
        self._show_detail_hint()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """See on_descendant_focus."""
        self._show_detail_hint()

    def _show_detail_hint(self) -> None:
        box = self.query_one("#home-detail-box", VerticalScroll)
        if box.has_focus:
            box.border_subtitle = "↑↓ scroll · tab back"
        elif box.max_scroll_y > 0:
            box.border_subtitle = "tab: more ↓"
        else:
            box.border_subtitle = ""

    # -- attributes down ---------------------------------------------------------------

    def show_player(
        self,
        player: str,
        best: Mapping[str, float],
        due: Mapping[str, DueCount] | None = None,
        unfinished: Mapping[str, int] | None = None,
    ) -> None:
        """Show another player (or the same one after a round): best scores, what is due and
        the rounds left unfinished."""
        self._player = player
        self._best = dict(best)
        if due is not None:
            self._set_due(due)
        if unfinished is not None:
            self._unfinished = dict(unfinished)
        self.query_one("#home-top", Static).update(self._top_line())
        self._rebuild_options()

    def show_banks(self, banks: Sequence[BankSummary], best: Mapping[str, float]) -> None:
        """Show a freshly scanned list of banks, and what is due in them now."""
        self._banks = playable_first(banks)
        self._best = dict(best)
        if self._read_due is not None:
            self._set_due(self._read_due())
        self._rebuild_options()

    def refresh_due(self) -> None:
        """Read what is due again and show it where it changed."""
        if self._read_due is None:
            return
        self._set_due(self._read_due())
        self._show_due_changes()

    def _set_due(self, due: Mapping[str, DueCount]) -> None:
        self._due = dict(due)
        self._due_read_at = self._clock()

    def _due_now(self) -> dict[str, DueCount]:
        """What is due, as the last reading says it is by now."""
        waited = self._clock() - self._due_read_at
        return {bank_id: due_after(due, waited) for bank_id, due in self._due.items()}

    def _tick_due(self) -> None:
        """Count the waits down; read again once one of them is over (a question is due)."""
        if any(
            due.next_due_in is not None and due.next_due_in <= timedelta(0)
            for due in self._due_now().values()
        ):
            self.refresh_due()
        else:
            self._show_due_changes()

    def _show_due_changes(self) -> None:
        """Give the banks whose practice line reads otherwise now their new lines, leaving the
        list's highlight and the About panel's scroll where they are."""
        due = self._due_now()
        changed = {
            bank_id
            for bank_id in due.keys() | self._due_shown.keys()
            if due_phrase(due.get(bank_id)) != due_phrase(self._due_shown.get(bank_id))
            or _due_style(due.get(bank_id)) != _due_style(self._due_shown.get(bank_id))
        }
        self._due_shown = due
        if not changed:
            return
        banks = self.query_one("#home-banks", OptionList)
        shared = shared_titles(self._banks)
        for bank in self._banks:
            if bank.bank_id in changed:
                banks.replace_option_prompt(bank.bank_id, self._prompt(bank, due, shared))
        highlighted = self._highlighted_bank()
        if highlighted is not None and highlighted.bank_id in changed:
            self._show_detail(keep_scroll=True)

    def show_resume(self, resume: Unfinished | None) -> None:
        """Offer this round to take up again (None: there is none)."""
        self._resume = resume
        self.query_one("#home-resume", Static).update(self._resume_text())
        self._refresh_visibility()

    def show_notices(self, notices: Sequence[str]) -> None:
        """Show the store's plain-words notices (or none)."""
        self._notices = list(notices)
        self.query_one("#home-notices", Static).update(self._notice_text())
        self._refresh_visibility()

    # -- rendering -----------------------------------------------------------------------

    def _top_line(self) -> Content:
        return Content.assemble(
            ("quiz", "bold $accent"),
            "   Player: ",
            (one_line(self._player), "bold") if self._player else ("nobody yet", "$text-muted"),
            ("" if "switch_player" in self._locked else ("   (p to switch)", "$text-muted")),
        )

    def _resume_text(self) -> Content:
        resume = self._resume
        if resume is None:
            return Content("")
        mode = RESUME_MODES.get(resume.mode, resume.mode)
        return Content.assemble(
            ("c ", "bold $accent"),
            ("Resume: ", "bold"),
            (f"{resume.answered} of {resume.total} answered", "bold"),
            (f"  ·  {mode} of ", "$text-muted"),
            one_line(resume.bank_title or resume.bank_id),
        ).stylize("@click=screen.resume")

    def _notice_text(self) -> Content:
        return Content("\n").join(
            Content.assemble(("! ", "bold"), several_lines(n)) for n in self._notices
        )

    def _empty_text(self) -> Content:
        where = self._library_location or "the questions folder"
        return Content.assemble(
            "No question banks yet.\n\nPut .yaml bank files in ",
            (where, "bold"),
            " and press r to look again, or press n to write one here.",
        )

    def _modes_text(self) -> Content:
        full = self._full_modes_text()
        if max(line.cell_length for line in full.split("\n")) + 2 <= self._modes_width():
            return full
        return self._short_modes_text()

    def _modes_width(self) -> int:
        """The modes' width with their padding: their own once laid out (the Keys panel may
        take a part of the screen's), the screen's before."""
        modes = self.query("#home-modes").first() if self.is_mounted else None
        room = modes.size.width + 2 if modes is not None and modes.size.width else 0
        return room or self.size.width or self.app.size.width

    def _short_modes_text(self) -> Content:
        """The modes without what each is, for a narrow window (60 columns)."""
        modes = Content("   ").join(
            Content.assemble((f"{key} ", "bold $accent"), (name, "bold")).stylize(
                f"@click=screen.play('{mode}')"
            )
            for mode, key, name, _about in MODES
        )
        others = [("a", "Article", "article")]
        if "edit_bank" not in self._locked:
            others = [("w", "Write", "edit_bank"), ("n", "New bank", "new_bank"), *others]
        more = Content("  ·  ").join(
            Content.assemble((f"{key} ", "bold $accent"), (name, "bold")).stylize(
                f"@click=screen.{action}"
            )
            for key, name, action in others
        )
        return Content("\n").join([Content(" ") + modes, Content(" ") + more])

    def _full_modes_text(self) -> Content:
        lines = []
        for mode, key, name, about in MODES:
            label = Content.assemble((f" {key:>5} ", "bold $accent"), (f"{name:<8}", "bold"))
            line = Content.assemble(label, (f" {about}", "$text-muted"))
            lines.append(line.stylize(f"@click=screen.play('{mode}')"))
        article = Content.assemble(("a ", "bold $accent"), ("Article", "bold")).stylize(
            "@click=screen.article"
        )
        if "edit_bank" in self._locked:
            reading = Content.assemble(("     a ", "bold $accent"), ("Article ", "bold"))
            reading = Content.assemble(reading, (" read this bank's article", "$text-muted"))
            return Content("\n").join([*lines, reading.stylize("@click=screen.article")])
        write = Content.assemble(
            Content.assemble(
                ("     w ", "bold $accent"),
                ("Write   ", "bold"),
                (" this bank's questions", "$text-muted"),
            ).stylize("@click=screen.edit_bank"),
            ("  ·  ", "$text-muted"),
            Content.assemble(("n ", "bold $accent"), ("New bank", "bold")).stylize(
                "@click=screen.new_bank"
            ),
            ("  ·  ", "$text-muted"),
            article,
        )
        return Content("\n").join([*lines, write])

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = []
        shared = shared_titles(self._banks)
        self._due_shown = due = self._due_now()
        for bank in self._banks:
            if options:
                options.append(None)  # a dividing line between banks
            options.append(Option(self._prompt(bank, due, shared), id=bank.bank_id))
        return options

    def _prompt(
        self, bank: BankSummary, due: Mapping[str, DueCount], shared: Collection[str]
    ) -> Content:
        """A bank's lines in the list, from all that home knows of it now (the list is built
        whole, and a bank's lines are given again when its practice line changes)."""
        return bank_prompt(
            bank,
            self._best.get(bank.bank_id),
            due.get(bank.bank_id),
            show_file=one_line(bank.title or bank.bank_id).casefold() in shared,
            unfinished=self._unfinished.get(bank.bank_id, 0),
        )

    def _rebuild_options(self) -> None:
        banks = self.query_one("#home-banks", OptionList)
        keep = banks.highlighted_option.id if banks.highlighted_option else None
        banks.set_options(self._options())
        ids = [bank.bank_id for bank in self._banks]
        if ids:
            banks.highlighted = ids.index(keep) if keep in ids else 0
        self._refresh_visibility()
        self._show_detail()

    def _refresh_visibility(self) -> None:
        self.query_one("#home-notices").display = bool(self._notices)
        self.query_one("#home-resume").display = self._resume is not None
        self.query_one("#home-banks").display = bool(self._banks)
        self.query_one("#home-detail-box").display = bool(self._banks)
        self.query_one("#home-empty").display = not self._banks

    def _highlighted_bank(self) -> BankSummary | None:
        index = self.query_one("#home-banks", OptionList).highlighted
        if index is None or not 0 <= index < len(self._banks):
            return None
        return self._banks[index]

    def _show_detail(self, *, keep_scroll: bool = False) -> None:
        bank = self._highlighted_bank()
        if bank is None:
            detail = Content("")
        else:
            bank_id = bank.bank_id
            detail = bank_detail(bank, self._best.get(bank_id), self._due_shown.get(bank_id))
        self.query_one("#home-detail", Static).update(HangingBullets(detail))
        if not keep_scroll:
            self.query_one("#home-detail-box").scroll_home(animate=False)
        self.call_after_refresh(self._show_detail_hint)

    @on(OptionList.OptionHighlighted, "#home-banks")
    def _bank_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    @on(OptionList.OptionSelected, "#home-banks")
    def _bank_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_play("quick")

    # -- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Locked keys (a class in the browser has no editor, reload or player switch) are not
        offered: False hides them from the footer and ignores them."""
        return action not in self._locked

    def action_play(self, mode: str) -> None:
        """Set up a round of the highlighted bank, or say why it cannot be played."""
        bank = self._highlighted_bank()
        if bank is None:
            self.notify("There is no bank to play yet.", severity="warning")
            return
        if not bank.playable:
            self.notify(
                f"{one_line(bank.title or bank.bank_id)} cannot be played: "
                f"{one_line(bank_file(bank))}:{one_line(bank.first_error or '')}",
                title="This bank has an error",
                severity="error",
                markup=False,
            )
            return
        self.post_message(self.PlayChosen(bank.bank_id, mode))

    def action_resume(self) -> None:
        """Take up the unfinished round again, where it was left."""
        if self._resume is None:
            self.notify("There is no unfinished round to take up again.")
            return
        self.post_message(self.ResumeAsked(self._resume.round_id))

    def action_switch_player(self) -> None:
        """Ask the App to change player."""
        self.post_message(self.SwitchPlayerAsked())

    def action_article(self) -> None:
        """Read the highlighted bank's article."""
        bank = self._highlighted_bank()
        if bank is None:
            return
        if not bank.playable:
            self.notify(f"{bank.title} has an error; fix it to read its article.", markup=False)
            return
        self.post_message(ArticleAsked(bank.bank_id))

    def action_history(self) -> None:
        """Ask the App for the History screen."""
        self.post_message(self.HistoryAsked())

    def action_edit_bank(self) -> None:
        """Open the highlighted bank in the question editor."""
        bank = self._highlighted_bank()
        if bank is None:
            self.notify("There is no bank yet: press n to start one.", severity="warning")
            return
        self.post_message(self.EditBankAsked(bank.bank_id))

    def action_new_bank(self) -> None:
        """Start a new bank in the question editor."""
        self.post_message(self.NewBankAsked())

    def action_reload(self) -> None:
        """Ask the App to read the banks again."""
        self.post_message(self.ReloadAsked())
