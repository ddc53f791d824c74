"""A player's session, shared by every front end (the Textual app, plain text): the bank library,
the save store and who is playing; its only way to disk, with errors as words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from game.banks.library import load_bank_by_id, scan_library
from game.core.figures import sentence
from game.core.memory import DueCount, MemoryState
from game.core.model import Bank, BankSummary
from game.core.records import AnswerRecord, Result, RoundStart
from game.paths import GamePaths
from game.store import AnswerRow, SaveStore, StoreError, daily_backup, open_store

if TYPE_CHECKING:
    import random

    from game.core.history_view import HistoryView
    from game.core.resume import Unfinished
    from game.core.rounds import PlayRequest, Round

HISTORY_ROUNDS = 500  # the newest rounds the History table lists
HISTORY_PAGE = 40  # the rounds History opens with (more than a screen); the rest follow
CHART_ROUNDS = 300  # the newest finished rounds the chart can draw (a bar per column at most)
MOST_MISSED = 20


@dataclass
class Session:
    """The App's state and its only way to disk: banks read, scores written, errors as words."""

    questions_dir: Path
    saves_dir: Path
    now: Callable[[], datetime]
    banks: list[BankSummary] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    player: str | None = None
    store: SaveStore | None = None
    # answers not yet saved (the disk was full, say), oldest first: tried again before the next
    unsaved: list[tuple[int, AnswerRecord]] = field(default_factory=list)

    def open(self, *, backup_now: bool = True) -> None:
        """Open the save store and read the library (neither ever raises for bad files).

        With ``backup_now=False`` today's backup is left to ``daily_backup`` (a worker).
        """
        opening = open_store(self.saves_dir, self.now, backup=backup_now)
        self.store = opening.store
        self.notices = list(opening.notices)
        self._catch_up_memory()
        self.scan()

    def daily_backup(self) -> str | None:
        """Take today's backup of the save file (any thread); what went wrong, or None."""
        store = self.store
        if store is None or not store.persistent or store.location is None:
            return None
        return daily_backup(store.location, self.now)

    def _catch_up_memory(self) -> None:
        """Rebuild the practice memory from history when the save file predates it."""
        store = self._store()
        try:
            if store.memory_rebuild_needed():
                from game.practice.schedule import next_memory

                store.rebuild_memory(None, next_memory)
        except StoreError as error:
            self.notices.append(
                sentence(f"Practice dates could not be worked out from history: {error}")
            )

    def close(self) -> None:
        """Close the save store."""
        if self.store is not None:
            self.store.close()
            self.store = None

    def _store(self) -> SaveStore:
        if self.store is None:
            raise RuntimeError("the session is not open")
        return self.store

    # -- banks ---------------------------------------------------------------------------

    def scan(self) -> list[BankSummary]:
        """Read the questions folder again (unchanged banks come from the cache)."""
        cache_dir = GamePaths(self.questions_dir, self.saves_dir).cache_dir
        self.banks = scan_library(self.questions_dir, cache_dir)
        return self.banks

    def load_bank(self, bank_id: str) -> Bank | str:
        """The bank ready to play, or in words why it cannot be played."""
        result = load_bank_by_id(self.questions_dir, bank_id)
        if result is None:
            return f"There is no bank called {bank_id} in {self.questions_dir}."
        if not result.playable or result.bank is None:
            first = result.errors[0] if result.errors else None
            where = f" (line {first.line}, column {first.column}: {first.message})" if first else ""
            return f"The bank {bank_id} has an error and cannot be played{where}."
        return result.bank

    # -- players -------------------------------------------------------------------------

    def remembered_player(self) -> str | None:
        """Who played last on this machine, if anyone."""
        return self._store().last_player()

    def players(self) -> list[str]:
        """Every player the store knows."""
        return self._store().players()

    def choose_player(self, name: str) -> str:
        """Play as name from now on (remembered for next time); returns the name as kept."""
        store = self._store()
        try:
            kept = store.add_player(name)
            store.set_last_player(kept)
        except StoreError as error:
            self.notices.append(sentence(f"Scores are not being kept: {error}"))
            kept = name
        self.player = kept
        return kept

    def player_setting(self, key: str) -> str | None:
        """One of the current player's remembered settings, or None (never set, no player, or
        the save file cannot be read)."""
        if self.player is None:
            return None
        try:
            return self._store().player_setting(self.player, key)
        except StoreError:
            return None

    def set_player_setting(self, key: str, value: str) -> str | None:
        """Remember one of the current player's settings; None, or in words why it was not."""
        if self.player is None:
            return None
        try:
            self._store().set_player_setting(self.player, key, value)
        except StoreError as error:
            return sentence(f"The setting is not kept: {error}")
        return None

    def best_percentages(self) -> dict[str, float]:
        """This player's best percentage per bank id."""
        if self.player is None:
            return {}
        return self._store().best_percentages(self.player)

    def unfinished_counts(self) -> dict[str, int]:
        """Per bank id: how many of this player's rounds were left unfinished with answers;
        empty when unknown (home then says nothing of them)."""
        if self.player is None:
            return {}
        try:
            return self._store().unfinished_counts(self.player)
        except StoreError:
            return {}

    def earlier_scores(self, bank_id: str, round_id: int) -> list[tuple[int, int]]:
        """(score, max score) of this player's other finished rounds of a bank that count
        towards a personal best (game.core.standing); empty when unknown."""
        from game.core.standing import BEST_MODES

        if self.player is None:
            return []
        try:
            rows = self._store().rounds(self.player, bank_id)
        except StoreError:
            return []
        return [
            (row.score, row.max_score)
            for row in rows
            if row.id != round_id and row.finished_at is not None and row.mode in BEST_MODES
        ]

    # -- practice ------------------------------------------------------------------------

    def due_counts(self) -> dict[str, DueCount]:
        """Per bank id: how many questions this player has due now, and when the next fall due."""
        if self.player is None:
            return {}
        try:
            return self._store().due_counts(self.player, self.now())
        except StoreError:
            return {}  # home shows no practice figures rather than failing to open

    def practice_round(self, bank: Bank, request: PlayRequest, rng: random.Random) -> Round:
        """A practice round of bank from this player's memory; ValueError when nothing fits."""
        from game.practice.selection import build_practice_round

        memory: dict[str, MemoryState] = {}
        if self.player is not None:
            try:
                memory = self._store().memory_states(self.player, bank.bank_id)
            except StoreError:
                memory = {}  # every question counts as new, as for a store not kept
        return build_practice_round(bank, request, memory, self.now(), rng)

    def last_results(self, bank_id: str) -> dict[str, Result]:
        """How this player last answered each question of a bank they have answered (quick
        rounds prefer the others, then the missed); empty when unknown or unreadable."""
        if self.player is None:
            return {}
        try:
            memory = self._store().memory_states(self.player, bank_id)
        except StoreError:
            return {}
        return {question_id: state.last_result for question_id, state in memory.items()}

    def prepare_round(self, request: PlayRequest, rng: random.Random) -> Round | str:
        """The round a request asks for (an exam without a seed gets a new one), or in words
        why it cannot be played: every front end starts its rounds here."""
        from dataclasses import replace

        from game.core.rounds import build_round, new_seed

        bank = self.load_bank(request.bank_id)
        if isinstance(bank, str):
            return bank
        if request.mode == "exam" and request.seed is None:
            request = replace(request, seed=new_seed(rng))
        try:
            if request.mode == "practice":
                return self.practice_round(bank, request, rng)
            return build_round(bank, request, rng, self.last_results(bank.bank_id))
        except ValueError as error:
            return sentence(str(error))

    # -- rounds --------------------------------------------------------------------------

    def start_round(self, start: RoundStart) -> tuple[int, str | None]:
        """Open a round in the store: (round id, None), or (0, why it is not being kept)."""
        # The schedule (and fsrs) every answer is saved with is imported now, as the round
        # starts: imported with the first answer, it made that Enter wait 4 ms more.
        import game.practice.schedule  # noqa: F401

        try:
            return self._store().start_round(start), None
        except StoreError as error:
            return 0, sentence(f"This round is not being saved: {error}")

    def record_answer(self, round_id: int, record: AnswerRecord) -> str | None:
        """Commit one answer now; None, or in words why it could not be saved.

        An answer that could not be saved is kept and tried again, in order, before the next
        one is written, so a round never ends up with a silent gap in its answers.
        """
        if not round_id:
            return None
        self.unsaved.append((round_id, record))
        return self._save_unsaved()

    def _save_unsaved(self) -> str | None:
        # fsrs is imported when a round starts (start_round), not before home shows
        from game.practice.schedule import next_memory

        while self.unsaved:
            round_id, record = self.unsaved[0]
            try:
                self._store().record_answer(round_id, record, next_memory)
            except StoreError as error:
                if len(self.unsaved) == 1:
                    answers, kept = "This answer", "It is"
                else:
                    answers, kept = f"{len(self.unsaved)} answers", "They are"
                return (
                    sentence(f"{answers} could not be saved yet: {error}")
                    + f" {kept} kept and tried again with your next answer."
                )
            self.unsaved.pop(0)
        return None

    def finish_round(self, round_id: int, score: int, max_score: int) -> str | None:
        """Mark a round finished; None, or in words why that could not be saved."""
        if not round_id:
            return None
        problem = self._save_unsaved()
        if problem:
            return problem
        try:
            self._store().finish_round(round_id, score, max_score, self.now())
        except StoreError as error:
            return sentence(f"The end of this round could not be saved: {error}")
        return None

    # -- unfinished rounds ---------------------------------------------------------------

    def unfinished_round(
        self,
        bank_id: str | None = None,
        *,
        mode: str | None = None,
        seed: int | None = None,
        count: int | None = None,
    ) -> Unfinished | None:
        """This player's newest round (of that bank, mode, seed and number of questions, when
        given) if they left it unfinished; None when there is none or the save file cannot say."""
        if self.player is None:
            return None
        try:
            return self._store().unfinished_round(
                self.player, bank_id, mode=mode, seed=seed, count=count
            )
        except StoreError:
            return None

    def unfinished_exam(self, played: Round) -> Unfinished | None:
        """This player's newest exam of the same class round as played (the same bank and
        seed, and the same questions: the code's count, topic and difficulty), if they left
        it unfinished: the same class code given again goes on with it. None otherwise."""
        from game.core.resume import plans_round

        seed = played.request.seed
        if played.mode != "exam" or seed is None:
            return None
        left = self.unfinished_round(played.bank_id, mode="exam", seed=seed, count=played.total)
        return left if left is not None and plans_round(left, played) else None

    def resume_round(self, unfinished: Unfinished) -> Round | str:
        """The unfinished round again, from its first unanswered question, with the answers
        already given (saved, or waiting to be saved); or in words why it cannot go on."""
        from game.core.resume import PlanError, rebuild_round

        why = "This round cannot be taken up again"
        bank = self.load_bank(unfinished.bank_id)
        if isinstance(bank, str):
            return f"{why}. {bank}"
        try:
            stored = self._store().round_answers(unfinished.round_id)
        except StoreError as error:
            return sentence(f"{why}: {error}")
        waiting = [record for round_id, record in self.unsaved if round_id == unfinished.round_id]
        try:
            return rebuild_round(bank, unfinished, [row.record() for row in stored] + waiting)
        except PlanError as error:
            return sentence(f"{why}: {error}")

    # -- history -------------------------------------------------------------------------

    def history(self, player: str, bank_id: str | None, *, first_page: bool = False) -> HistoryView:
        """What the History screen shows of player's rounds (of one bank, or of all).

        first_page: only what its first screen needs, read from indexes whatever the size of
        the history (the newest HISTORY_PAGE rounds, the chart's newest rounds, topics and
        most missed); the screen reads the rest (every listed round, the chart's facts) after.
        """
        from game.core.history_view import HistoryView  # loads with History, not at start

        store = self._store()
        limit = HISTORY_PAGE if first_page else HISTORY_ROUNDS
        played = store.rounds(player, None, limit=limit)
        rounds = played if bank_id is None else store.rounds(player, bank_id, limit)
        library = {bank.bank_id: bank for bank in self.banks}
        titles = {line.bank_id: line.bank_title for line in reversed(played)}
        if bank_id is not None and bank_id not in titles and rounds:
            titles[bank_id] = rounds[0].bank_title
        topics = []
        for line in store.topic_accuracy(player, bank_id):
            summary = library.get(line.bank_id)
            name = line.topic
            if summary is not None and line.topic is not None:
                name = summary.topics.get(line.topic, line.topic)
            topics.append((name or "General", line))
        return HistoryView(
            player=player,
            bank_id=bank_id,
            bank_titles=titles,
            rounds=rounds,
            rounds_limit=HISTORY_ROUNDS,
            over_time=store.percent_over_time(player, bank_id, CHART_ROUNDS),
            topics=topics,
            missed=store.most_missed(player, bank_id, MOST_MISSED),
            facts=None if first_page else store.percent_facts(player, bank_id),
            complete=not first_page,
        )

    def round_answers(self, round_id: int) -> list[AnswerRow]:
        """Every answer of one round, as stored."""
        return self._store().round_answers(round_id)
