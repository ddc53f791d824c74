"""QuizApp: owns the session (library, store, player) and routes screen messages; nothing else."""

from __future__ import annotations

import gc
import random
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from game.core.figures import plural
from game.core.safe_text import one_line, several_lines
from game.session import Session
from game.ui.editing import EditorRoutes
from game.ui.ending import SignalEnding, lenient_terminal_input
from game.ui.idle_gc import IdleCollector
from game.ui.player_settings import PlayerSettings
from game.ui.reading import ArticleAsked
from game.ui.screens.home import HomeScreen
from game.ui.screens.player import PlayerScreen, clean_player_name
from game.ui.screens.too_small import TooSmallScreen
from game.ui.unsaved import AsksBeforeQuit

# Rounds, set-up, summary, history and a class's join screen load when first used, not before home shows; their
# messages are handled by name (on_round_completed ...) so that nothing here needs them sooner.
if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from game.core.classroom import Classroom
    from game.core.resume import Unfinished
    from game.core.rounds import PlayRequest
    from game.ui import messages
    from game.ui.screens.history import HistoryScreen
    from game.ui.screens.setup import SetupScreen

MIN_WIDTH = 60
MIN_HEIGHT = 20
# What a tab of a class served in the browser may not do: write or reload banks, switch player.
CLASSROOM_LOCKED = frozenset({"edit_bank", "new_bank", "reload", "switch_player"})
IDLE_TICK_SECONDS = 0.1  # how often the idle collector looks whether a collection is due
# what a player does that garbage collection must not delay (game.ui.idle_gc)
PLAYER_INPUT = (
    events.Key,
    events.MouseDown,
    events.MouseUp,
    events.MouseScrollDown,
    events.MouseScrollUp,
)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class QuizApp(EditorRoutes, PlayerSettings, App[None]):
    """The quiz game: home, set-up, rounds and summaries over one session; the question
    editor's handlers come from EditorRoutes."""

    CSS_PATH = "quiz.tcss"
    TITLE = "quiz"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        # Before any screen's own esc, but only while the Keys panel (ctrl+p "Keys") is open:
        # otherwise esc goes on to the screen (check_action).
        Binding("escape", "hide_help_panel", "Close keys", priority=True),
    ]

    def __init__(
        self,
        session: Session,
        *,
        player: str | None = None,
        play: PlayRequest | None = None,
        clock: Callable[[], datetime] = _utc_now,
        rng: random.Random | None = None,
        classroom: Classroom | None = None,
        exit_deadline: float | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        # exit_deadline: seconds after SIGTERM/SIGHUP/SIGINT when the process ends for sure
        self.ending = SignalEnding(self._end_by_signal, exit_deadline)
        self._collector = IdleCollector()  # cyclic garbage collected between keys
        self.classroom = classroom
        self._asked_player = clean_player_name(player) if player else ""
        self._pending_play = play
        self._clock = clock
        self._rng = rng or random.Random()
        self._too_small: TooSmallScreen | None = None
        self._focus_before_small: Widget | None = None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification, from any screen, with control codes written out: its message
        may carry a bank's file name or a player's name read from a save file."""
        super().notify(
            several_lines(message),
            title=one_line(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    # -- start and end -------------------------------------------------------------------

    def on_mount(self) -> None:
        """Open the session, show home, then ask for a name or go straight into a round."""
        self._install_signal_handlers()
        # Today's backup copies the whole save file: it is taken after home's first frame, in
        # a worker, and a problem with it is told when it is done.
        self.session.open(backup_now=False)
        self.call_after_refresh(self._take_daily_backup)
        self.call_after_refresh(self._freeze_start_up_objects)
        self._watch_player_theme()
        if self.classroom is not None:
            self._open_classroom()
            return
        player = self._asked_player or self.session.remembered_player()
        if player:
            self.session.choose_player(player)
            self._apply_player_settings()
        self.push_screen(self._home_screen())
        if self.session.player is None:
            self._ask_player()
        else:
            self._start_pending_round()
        self._check_size(*self.size)

    def _take_daily_backup(self) -> None:
        self.run_worker(
            self._daily_backup_worker, thread=True, group="daily-backup", exit_on_error=False
        )

    def _daily_backup_worker(self) -> None:
        problem = self.session.daily_backup()
        if problem is not None:
            self.call_from_thread(self._tell_backup_problem, problem)

    def _tell_backup_problem(self, problem: str) -> None:
        self.session.notices.append(problem)
        self.notify(problem, severity="warning", timeout=10, markup=False)
        home = self._home()
        if home is not None and home.is_mounted:
            home.show_notices(self.session.notices)

    def _open_classroom(self) -> None:
        """A tab of a served class: only the class's bank; the join code, then a name."""
        classroom = self.classroom
        assert classroom is not None
        if classroom.bank_id is not None:
            self.session.banks = [b for b in self.session.banks if b.bank_id == classroom.bank_id]
        if classroom.class_round is not None:
            from game.core.rounds import PlayRequest

            chosen = classroom.class_round
            self._pending_play = PlayRequest(
                bank_id=chosen.bank_id,
                mode=chosen.mode,
                topic=chosen.topic,
                count=chosen.count,
                difficulty=chosen.difficulty,
                seed=chosen.seed,
            )
        self.push_screen(self._home_screen())
        if classroom.join_code:
            from game.ui.screens.join import JoinScreen

            self.push_screen(JoinScreen(classroom.join_code), self._joined)
        else:
            self._ask_player()
        self._check_size(*self.size)

    def _joined(self, right: bool | None) -> None:
        if right:
            self._ask_player()
        else:
            self.exit(return_code=1, message="The join code was wrong three times.")

    def _locked(self) -> frozenset[str]:
        return CLASSROOM_LOCKED if self.classroom is not None else frozenset()

    def _refuse_in_class(self) -> bool:
        """True (and says so) when a class tab asks for what only the teacher may do."""
        if self.classroom is None:
            return False
        self.notify("Not in a class: ask your teacher.", severity="warning")
        return True

    def on_unmount(self) -> None:
        """Give the signals back, close the store, and give the start-up objects back to the
        garbage collector (an app run in a longer process, as in the tests, must leave none
        behind)."""
        # the collector first: whatever happens below, collection is given back
        self._collector.stop()
        gc.unfreeze()
        self._remove_signal_handlers()
        self.session.close()

    def _freeze_start_up_objects(self) -> None:
        """After home's first frame, leave the objects made so far (Textual's and the game's
        modules, styles, home) out of Python's cyclic garbage collection (gc.freeze). A full
        collection walked all of them, about 40 ms now and then, which a player met as an
        Enter that took three times as long as the others. They live as long as the game
        (on_unmount gives them back). From then on the collections run while the player
        reads, not while a key is answered (game.ui.idle_gc)."""
        gc.freeze()
        self._collector.start()
        self.set_interval(IDLE_TICK_SECONDS, self._collector.tick, name="idle-gc")

    async def on_event(self, event: events.Event) -> None:
        """Note each key, click and scroll: garbage is collected only once they pause. Once
        the App is ending they do nothing: Textual mounts no widget then, and a screen a key
        pushes (ctrl+q's question, as a closed terminal's SIGHUP comes) would fail."""
        if isinstance(event, PLAYER_INPUT):
            if self.return_code is not None:
                return
            self._collector.input_seen()
        await super().on_event(event)

    def _install_signal_handlers(self) -> None:
        # Textual restores the terminal only when the App exits normally; SIGTERM and SIGHUP
        # would otherwise kill the process with the alternate screen and mouse mode still on.
        self.ending.install()

    def _remove_signal_handlers(self) -> None:
        self.ending.remove()

    def _end_by_signal(self, return_code: int) -> None:
        """End the App the ordinary way, from a signal handler; answers are already saved."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        loop.call_soon_threadsafe(lambda: self.exit(return_code=return_code))

    async def action_quit(self) -> None:
        """ctrl+q: during a round, or in a form with changes not saved, ask first (as Escape
        does); anywhere else, quit. ctrl+q on the question itself is yes."""
        from game.ui.screens.confirm import ConfirmScreen

        asking = not isinstance(self.screen, ConfirmScreen) and self._too_small is None
        guard = next(
            (
                screen
                for screen in reversed(self.screen_stack)
                if isinstance(screen, AsksBeforeQuit) and screen.quit_needs_asking()
            ),
            None,
        )
        if guard is not None and asking:
            guard.ask_to_quit()
            return
        await super().action_quit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """esc closes the Keys panel when it is open, and is the screen's key otherwise."""
        if action == "hide_help_panel":
            return self._help_panel_open()
        return True

    def _help_panel_open(self) -> bool:
        """Whether the Keys panel is open (Textual mounts it on the screen itself). Asked for
        every key pressed and whenever the footer reads the keys: the screen's children only,
        not a walk of all its widgets (0.3 ms of each Enter in a round)."""
        try:
            return bool(self.screen.query_children("HelpPanel"))
        except ScreenStackError:  # no screen yet
            return False

    def action_show_help_panel(self) -> None:
        """The Keys panel; the footer then offers esc to close it."""
        super().action_show_help_panel()
        self.call_after_refresh(self.screen.refresh_bindings)

    def action_hide_help_panel(self) -> None:
        """Close the Keys panel; the footer gives esc back to the screen."""
        super().action_hide_help_panel()
        self.call_after_refresh(self.screen.refresh_bindings)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette offers what the home screen's keys do, besides Textual's own."""
        if isinstance(screen, HomeScreen) and self.session.unfinished_round() is not None:
            yield SystemCommand("Resume", "Go on with your unfinished round", screen.action_resume)
        if isinstance(screen, HomeScreen):
            yield SystemCommand(
                "Play a quick round",
                "Set up the highlighted bank",
                lambda: screen.action_play("quick"),
            )
            yield SystemCommand(
                "Play a timed round",
                "A countdown per question",
                lambda: screen.action_play("timed"),
            )
            yield SystemCommand(
                "Play an exam",
                "Same round for all with a class code",
                lambda: screen.action_play("exam"),
            )
            yield SystemCommand(
                "History", "Your rounds, progress and most missed", screen.action_history
            )
        if isinstance(screen, HomeScreen) and self.classroom is None:
            yield SystemCommand(
                "Switch player", "Play as someone else", screen.action_switch_player
            )
            yield SystemCommand(
                "Reload banks", "Read the questions folder again", screen.action_reload
            )
            yield SystemCommand(
                "Write questions",
                "Open the highlighted bank in the editor",
                screen.action_edit_bank,
            )
            yield SystemCommand("New bank", "Start a bank in the editor", screen.action_new_bank)
        if self.session.player is not None:
            on = self.bell_on
            yield SystemCommand(
                f"Bell in timed rounds: turn {'off' if on else 'on'}",
                "The terminal bell at 5 s left (kept for this player)",
                self.toggle_bell,
            )
        yield from super().get_system_commands(screen)

    # -- the window's size ---------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Cover the game with a notice while the window is too small, and lift it after."""
        # event.size: this handler runs before App's own, which updates self.size
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        # The class hides every screen's widgets (see quiz.tcss): laid out a few cells wide,
        # they would wrap to hundreds of lines and relayout without end.
        if small and self._too_small is None:
            self._focus_before_small = self.screen.focused
            self._set_too_small_class(True)
            self._too_small = TooSmallScreen(MIN_WIDTH, MIN_HEIGHT)
            self.push_screen(self._too_small)
        elif not small and self._too_small is not None:
            self._set_too_small_class(False)
            if self.screen is self._too_small:
                self.pop_screen()
            self._too_small = None
            self.call_after_refresh(self._restore_focus)

    def _set_too_small_class(self, small: bool) -> None:
        self.set_class(small, "-too-small")
        # Textual restyles only the top screen when an App class changes; the screens beneath
        # would keep their widgets hidden (or shown) until something else restyled them.
        for screen in self.screen_stack:
            self.update_styles(screen)

    def _restore_focus(self) -> None:
        """Hiding the widgets took their focus; give it back if that screen is still showing."""
        widget, self._focus_before_small = self._focus_before_small, None
        if widget is not None and widget.is_attached and widget.screen is self.screen:
            widget.focus()

    @contextmanager
    def _screens_changing(self) -> Iterator[None]:
        """Change the screen stack under the too-small notice, which stays on top."""
        covered = self._too_small is not None and self.screen is self._too_small
        if covered:
            self.pop_screen()
        try:
            yield
        finally:
            if covered and self._too_small is not None:
                self._too_small = TooSmallScreen(MIN_WIDTH, MIN_HEIGHT)
                self.push_screen(self._too_small)

    # -- home and players ----------------------------------------------------------------

    def _home_screen(self) -> HomeScreen:
        return HomeScreen(
            self.session.player or "",
            self.session.banks,
            self.session.best_percentages(),
            self.session.notices,
            library_location=str(self.session.questions_dir),
            due=self.session.due_counts(),
            locked=self._locked(),
            resume=self.session.unfinished_round(),
            read_due=self.session.due_counts,
            clock=self._clock,
            unfinished=self.session.unfinished_counts(),
        )

    def _home(self) -> HomeScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                return screen
        return None

    def _refresh_home(self) -> None:
        home = self._home()
        if home is not None and home.is_mounted:
            home.show_player(
                self.session.player or "",
                self.session.best_percentages(),
                self.session.due_counts(),
                self.session.unfinished_counts(),
            )
            home.show_notices(self.session.notices)
            home.show_resume(self.session.unfinished_round())

    def _go_home(self) -> None:
        with self._screens_changing():
            while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
                self.pop_screen()
        self._refresh_home()

    def _ask_player(self) -> None:
        current = self.session.player
        # A class tab never lists the other students: a name is typed, not picked.
        known = [] if self.classroom is not None else self.session.players()
        with self._screens_changing():
            self.push_screen(PlayerScreen(known, current), self._player_chosen)

    def _player_chosen(self, name: str | None) -> None:
        if name:
            self.session.choose_player(name)
            self._apply_player_settings()
            self._refresh_home()
            self.notify(f"Playing as {self.session.player}.", markup=False)
        self._start_pending_round()

    @on(HomeScreen.SwitchPlayerAsked)
    def _switch_player(self) -> None:
        if self._refuse_in_class():
            return
        self._ask_player()

    @on(HomeScreen.ReloadAsked)
    def _reload(self) -> None:
        if self._refuse_in_class():
            return
        banks = self.session.scan()
        home = self._home()
        if home is not None:
            home.show_banks(banks, self.session.best_percentages())
        playable = sum(1 for bank in banks if bank.playable)
        self.notify(f"{plural(len(banks), 'bank')} found, {playable} playable.")

    # -- history -------------------------------------------------------------------------
    # The History screens are imported when first opened: their tables cost start-up time.

    def on_home_screen_history_asked(self) -> None:
        """Open the History screen on the current player's rounds."""
        from game.ui.screens.history import HistoryScreen

        player = self.session.player or ""
        with self._screens_changing():
            self.push_screen(
                HistoryScreen(
                    self.session.history(player, None, first_page=True),
                    locked=self._locked(),
                    read_rest=self.session.history,
                )
            )

    def _history_screen(self) -> HistoryScreen | None:
        from game.ui.screens.history import HistoryScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, HistoryScreen):
                return screen
        return None

    def on_history_screen_filter_changed(self, message: HistoryScreen.FilterChanged) -> None:
        """Show one bank's history, or every bank's."""
        history = self._history_screen()
        if history is not None:
            history.show(
                self.session.history(history.view.player, message.bank_id, first_page=True)
            )

    def on_history_screen_round_opened(self, message: HistoryScreen.RoundOpened) -> None:
        """Show every answer of a round."""
        from game.ui.screens.history_round import HistoryRoundScreen

        history = self._history_screen()
        if history is None:
            return
        line = next((r for r in history.view.rounds if r.id == message.round_id), None)
        if line is not None:
            answers = self.session.round_answers(message.round_id)
            with self._screens_changing():
                self.push_screen(HistoryRoundScreen(line, answers))

    def on_article_asked(self, message: ArticleAsked) -> None:
        """Open a bank's article in the reader, at one of a round's quotes."""
        from game.ui.screens.article import ArticleScreen

        bank = self.session.load_bank(message.bank_id)
        if isinstance(bank, str):
            self.notify(bank, severity="error", markup=False)
            return
        if bank.source is None or not bank.source.text:
            self.notify(f"{bank.title} has no article to read.", markup=False)
            return
        with self._screens_changing():
            self.push_screen(ArticleScreen(bank.source, bank.title, message.quotes, message.index))

    def on_history_screen_player_switch_asked(self) -> None:
        """Look at another player's history (who is playing does not change)."""
        history = self._history_screen()
        if history is None or self._refuse_in_class():
            return

        def chosen(name: str | None) -> None:
            if name and history.is_attached:
                history.show(self.session.history(name, history.view.bank_id, first_page=True))

        players = self.session.players()
        question = "Whose history?"
        with self._screens_changing():
            self.push_screen(PlayerScreen(players, history.view.player, question), chosen)

    # -- setting up and playing rounds ---------------------------------------------------

    @on(HomeScreen.PlayChosen)
    def _set_up_round(self, message: HomeScreen.PlayChosen) -> None:
        bank = self.session.load_bank(message.bank_id)
        if isinstance(bank, str):
            self.notify(bank, severity="error", markup=False)
            return
        with self._screens_changing():
            from game.ui.screens.setup import SetupScreen

            setup = SetupScreen(bank, message.mode, bell=self.bell_on)  # type: ignore[arg-type]
            self.push_screen(setup, self._setup_done)

    def on_setup_screen_bell_chosen(self, message: SetupScreen.BellChosen) -> None:
        """Keep the player's choice of bell in timed rounds."""
        self.set_bell(message.on)

    def _setup_done(self, request: PlayRequest | None) -> None:
        if request is not None:
            self._start_round(request)

    def _start_pending_round(self) -> None:
        request, self._pending_play = self._pending_play, None
        if request is None:
            return
        if not request.bank_id:
            self.notify("Pick a bank to play.")
            return
        self._start_round(request)

    @on(HomeScreen.ResumeAsked)
    def _resume_asked(self, message: HomeScreen.ResumeAsked) -> None:
        unfinished = self.session.unfinished_round()
        if unfinished is None or unfinished.round_id != message.round_id:
            self.notify("That round is no longer unfinished.", severity="warning")
            self._refresh_home()
            return
        self._resume_round(unfinished)

    def _resume_round(self, unfinished: Unfinished, *, same_code: bool = False) -> bool:
        """Take an unfinished round up again at its first unanswered question; False (and
        says why) when it cannot be. same_code: an exam's class code was given again."""
        from game.ui.screens.round import RoundScreen

        played = self.session.resume_round(unfinished)
        if isinstance(played, str):
            self.notify(played, severity="error", markup=False, timeout=10)
            return False
        screen = RoundScreen(
            played,
            unfinished.round_id,
            clock=self._clock,
            save_answer=self.session.record_answer,
            bell=self.bell_on,
        )
        self._replace_or_push(screen)
        number, total = played.progress
        if same_code:
            self.notify(
                "Same class code: this exam goes on where you stopped, "
                f"at question {number} of {total}.",
                timeout=5,
            )
        else:
            self.notify(f"Resumed at question {number} of {total}.", timeout=3)
        return True

    def _start_round(self, request: PlayRequest) -> None:
        """Build the round, open it in the store and show it in place of any summary."""
        from game.ui.screens.round import RoundScreen

        played = self.session.prepare_round(request, self._rng)
        if isinstance(played, str):
            self.notify(played, severity="error", markup=False, timeout=10)
            return
        # The same class code again (typed in the set-up, or a class tab closed mid-round and
        # joined again by the same name): go on with that exam where it stopped.
        left = self.session.unfinished_exam(played)
        if left is not None and self._resume_round(left, same_code=True):
            return
        player = self.session.player or ""
        started = self._clock()  # the round's time runs from here (game.core.figures)
        played = replace(played, started_at=started)
        round_id, problem = self.session.start_round(played.round_start(player, started))
        if problem:
            self.notify(problem, severity="warning", markup=False, timeout=10)
        screen = RoundScreen(
            played,
            round_id,
            clock=self._clock,
            save_answer=self.session.record_answer,
            bell=self.bell_on,
        )
        self._replace_or_push(screen)

    def _replace_or_push(self, screen: Screen[Any]) -> None:
        with self._screens_changing():
            if isinstance(self.screen, HomeScreen):
                self.push_screen(screen)
            else:
                self.switch_screen(screen)

    def on_round_left(self, message: messages.RoundLeft) -> None:
        """The round stays unfinished; home again."""
        self._go_home()

    def on_round_completed(self, message: messages.RoundCompleted) -> None:
        """Mark the round finished and show its summary."""
        from game.core.standing import is_personal_best
        from game.ui.screens.summary import SummaryScreen

        summary = message.summary
        problem = self.session.finish_round(message.round_id, summary.score, summary.max_score)
        if problem:
            self.notify(problem, severity="error", markup=False)
        earlier = self.session.earlier_scores(message.played.bank_id, message.round_id)
        best = is_personal_best(summary.mode, summary.score, summary.max_score, earlier)
        self._replace_or_push(SummaryScreen(message.played, personal_best=best))

    def on_play_again(self, message: messages.PlayAgain) -> None:
        """Another round like the last one."""
        self._start_round(message.request)

    def on_review_missed(self, message: messages.ReviewMissed) -> None:
        """A round of the questions just missed."""
        self._start_round(message.request)

    def on_go_home(self, message: messages.GoHome) -> None:
        """Back to the home screen."""
        self._go_home()


def create_app(
    questions_dir: Path,
    saves_dir: Path,
    player: str | None = None,
    play: PlayRequest | None = None,
    clock: Callable[[], datetime] | None = None,
    seed: int | None = None,
    classroom: Classroom | None = None,
    exit_deadline: float | None = None,
) -> QuizApp:
    """Build the game for these folders; the CLI and the tests both start here."""
    lenient_terminal_input()
    now = clock or _utc_now
    session = Session(Path(questions_dir), Path(saves_dir), now)
    return QuizApp(
        session,
        player=player,
        play=play,
        clock=now,
        rng=random.Random(seed),
        classroom=classroom,
        exit_deadline=exit_deadline,
    )
