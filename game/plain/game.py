"""The game as lines of text: the same session, rounds, scoring and saves as the Textual app,
said once each, in reading order, for screen readers, slow links and scripts."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from game.core.class_code import parse_code, round_code
from game.core.figures import plural, round_half_up, sentence
from game.core.model import BankSummary, QuestionType
from game.core.records import AnswerRecord, Result
from game.core.resume import Unfinished
from game.core.rounds import (
    DEFAULT_COUNT,
    SKIPPED_ANSWER,
    AskedQuestion,
    PlayRequest,
    Round,
    RoundSummary,
    class_code_request,
    close_spelling,
)
from game.core.scoring import SCORING_RULE, Response
from game.core.standing import grade_word, is_personal_best
from game.plain.answers import LETTERS, Malformed, how_to_answer, read_answer
from game.plain.lines import EndOfInput, LineInput, Printer, TimedOut
from game.session import Session

EXIT_OK = 0
EXIT_STOPPED = 1  # the input ended, or nothing could be played
EXIT_INTERRUPTED = 130  # ctrl+c, as a shell reports it (128 + SIGINT)
MODES: tuple[tuple[str, str], ...] = (
    ("quick", "questions with the right answer after each"),
    ("timed", "a countdown on every question, a bonus for speed"),
    ("exam", "the same round for a whole class, marks at the end"),
    ("practice", "what is due for you to go over again"),
)
KEYS = (
    "While answering: type ? to hear the question again, h for its hint (it halves the "
    "points), s to skip it (it comes back at the end; skipped again, it is given up), "
    "time for the time left in a timed round, q to leave the round."
)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def duration_words(seconds: float) -> str:
    """A round's time said in words, rounded as every screen rounds it (game.core.figures):
    ``45 seconds``, ``2 minutes 5 seconds``, ``1 hour 5 minutes``."""
    whole = max(0, round_half_up(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, seconds_left = divmod(rest, 60)
    if hours:
        return " ".join([plural(hours, "hour"), *([plural(minutes, "minute")] if minutes else [])])
    parts = [plural(minutes, "minute")] if minutes else []
    if seconds_left or not minutes:
        parts.append(plural(seconds_left, "second"))
    return " ".join(parts)


class PlainGame:
    """One player's plain-text session: a round (asked for, or chosen from a menu), to its end."""

    def __init__(
        self,
        session: Session,
        lines: LineInput,
        printer: Printer,
        *,
        now: Callable[[], datetime] = _utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        echo: bool = False,
    ) -> None:
        self.session = session
        self.echo = echo
        self.lines = lines
        self.say = printer.say
        self.now = now
        self.monotonic = monotonic
        self.rng = rng or random.Random()

    # -- the whole session -----------------------------------------------------------------

    def run(self, request: PlayRequest | None, player: str | None = None) -> int:
        """Play one round; the exit status (0 played or left, 1 the input ended early)."""
        self.session.open()
        try:
            for notice in self.session.notices:
                self.say(f"Note: {notice}")
            return self._run(request, player)
        except EndOfInput:
            self.say("The input ended. Every answer given so far is saved.")
            return EXIT_STOPPED
        except KeyboardInterrupt:  # ctrl+c: a sentence, not a traceback
            self.say("")
            self.say("Stopped. Every answer given so far is saved.")
            return EXIT_INTERRUPTED
        finally:
            self.session.close()

    def _run(self, request: PlayRequest | None, player: str | None) -> int:
        name = player or self.session.remembered_player() or self._ask_name()
        self.session.choose_player(name)
        self.say(f"Playing as {self.session.player}.")
        if request is None or not request.bank_id:
            resumed = self._offer_unfinished()
            if resumed is not None:
                return self._play(*resumed)
            request = self._choose_round(request)
            if request is None:
                return EXIT_STOPPED
        played = self.session.prepare_round(request, self.rng)
        if isinstance(played, str):
            self.say(f"This round cannot be played: {played}")
            return EXIT_STOPPED
        # The same class round asked for again (the terminal was closed): go on with it.
        left = self.session.unfinished_exam(played)
        resumed = self._resumed(left) if left is not None else None
        if resumed is not None:
            return self._play(*resumed)
        return self._play(played)

    def _offer_unfinished(self) -> tuple[Round, int] | None:
        """Say the player's unfinished round, if any, and take it up again when they want."""
        left = self.session.unfinished_round()
        if left is None:
            return None
        mode = "exam" if left.mode == "exam" else f"{left.mode} round"
        self.say(
            f"You left a {mode} of {left.bank_title} unfinished: "
            f"{left.answered} of {left.total} answered."
        )
        while True:
            self.say("Type r to resume it, or just Enter for a new round.")
            typed = self._read().casefold()
            if typed in ("r", "resume"):
                return self._resumed(left)
            if not typed:
                return None
            self.say("Type r, or nothing.")

    def _resumed(self, left: Unfinished) -> tuple[Round, int] | None:
        played = self.session.resume_round(left)
        if isinstance(played, str):
            self.say(played)
            return None
        number, total = played.progress
        self.say(f"Resuming at question {number} of {total}.")
        return played, left.round_id

    def _read(self) -> str:
        return self._read_answer_line(None).strip()

    def _ask_name(self) -> str:
        while True:
            self.say("What is your name? Type it, then Enter.")
            name = self._read()
            if name:
                return name

    # -- choosing a round ------------------------------------------------------------------

    def _choose_round(self, asked: PlayRequest | None) -> PlayRequest | None:
        banks = [bank for bank in self.session.banks if bank.playable]
        if not banks:
            self.say(
                f"There is no bank to play in {self.session.questions_dir}. "
                "Put .yaml bank files there (quiz new writes one)."
            )
            return None
        bank = self._choose_bank(banks)
        mode = asked.mode if asked is not None else self._choose_mode()
        if mode == "exam":
            return self._exam_request(bank)
        count = asked.count if asked is not None else 10
        return PlayRequest(bank.bank_id, mode=mode, count=count)  # type: ignore[arg-type]

    def _choose_bank(self, banks: Sequence[BankSummary]) -> BankSummary:
        if len(banks) == 1:
            self.say(f"Bank: {banks[0].title} ({plural(banks[0].question_count, 'question')}).")
            return banks[0]
        self.say("Question banks:")
        for number, bank in enumerate(banks, start=1):
            self.say(
                f"{number}. {bank.title} ({plural(bank.question_count, 'question')})",
                indent="  ",
                hang=len(str(number)) + 2,
            )
        return banks[self._number("Type a bank's number, then Enter.", len(banks)) - 1]

    def _choose_mode(self) -> str:
        self.say("Modes:")
        for number, (mode, about) in enumerate(MODES, start=1):
            self.say(f"{number}. {mode.capitalize()}: {about}.", indent="  ", hang=3)
        return MODES[self._number("Type a mode's number, then Enter.", len(MODES)) - 1][0]

    def _number(self, question: str, highest: int) -> int:
        while True:
            self.say(question)
            typed = self._read()
            if typed.isdigit() and 1 <= int(typed) <= highest:
                return int(typed)
            self.say(f"Type a number from 1 to {highest}.")

    def _exam_request(self, summary: BankSummary) -> PlayRequest | None:
        bank = self.session.load_bank(summary.bank_id)
        if isinstance(bank, str):
            self.say(f"This bank cannot be played: {bank}")
            return None
        while True:
            self.say("Type the class code your teacher gave you, or just Enter for a new exam.")
            typed = self._read()
            if not typed:
                count = min(DEFAULT_COUNT, len(bank.questions))
                return PlayRequest(bank.bank_id, mode="exam", count=count)
            code = parse_code(typed)
            request = code if isinstance(code, str) else class_code_request(bank, code)
            if isinstance(request, PlayRequest):
                return request
            self.say(sentence(request))

    # -- playing ---------------------------------------------------------------------------

    def _play(self, played: Round, round_id: int | None = None) -> int:
        """Play a round to its end (or until left); round_id: an unfinished round going on."""
        if round_id is None:
            player = self.session.player or ""
            round_id, problem = self.session.start_round(played.round_start(player, self.now()))
            if problem:
                self.say(f"Note: {problem}")
        self._introduce(played)
        while not played.finished:
            asked = played.current
            assert asked is not None
            outcome = self._ask(played, asked)
            if outcome is None:
                answered = len(played.answers)
                self.say(
                    f"You left the round after {answered} of {played.total} questions. "
                    "Your answers are saved; the round stays unfinished."
                )
                return EXIT_OK
            played, record, response = outcome
            if record is None:
                self.say("Skipped: it comes back at the end.")
                continue
            problem = self.session.record_answer(round_id, record)
            if problem:
                self.say(f"Note: {problem}")
            if record.given == SKIPPED_ANSWER:
                self.say("Skipped again: given up. It counts as wrong.")  # as on the screen
            elif played.mode != "exam":
                close = close_spelling(asked.question, response, timed_out=record.timed_out)
                self._feedback(record, close_spelling=close)
                self._running_score(played)
        summary = played.summary()
        problem = self.session.finish_round(round_id, summary.score, summary.max_score)
        if problem:
            self.say(f"Note: {problem}")
        earlier = self.session.earlier_scores(played.bank_id, round_id)
        best = is_personal_best(summary.mode, summary.score, summary.max_score, earlier)
        self._summary(played, summary, personal_best=best)
        return EXIT_OK

    def _introduce(self, played: Round) -> None:
        questions = f"{played.total} question{'s' if played.total != 1 else ''}"
        mode = played.mode
        self.say(f"{mode.capitalize()} round of {questions} from {played.bank_title}.")
        if mode == "exam":
            self.say(
                f"Exam, class code {round_code(played)}: no marks until the end; "
                "every answer is saved as you give it."
            )
        if played.time_limit is not None:
            self.say(
                f"You have {played.time_limit} seconds for each question; a right answer "
                "earns a bonus for speed."
            )
        self.say(KEYS)

    def _question_text(self, played: Round, asked: AskedQuestion) -> None:
        question = asked.question
        position = played.position + 1
        topic = played.topic_name(question.topic)
        head = f"Question {position} of {played.total}. Difficulty {question.difficulty}."
        if topic:
            head += f" Topic: {topic}."
        self.say("")
        self.say(head)
        if played.current_was_skipped:
            self.say("Skipped earlier. Skip it again to give it up.")
        elif asked.reason:
            self.say(f"In this round because: {asked.reason}.")
        self.say(question.prompt)
        if question.type in (QuestionType.CHOICE, QuestionType.MULTI):
            self._list([str(n) for n in range(1, len(asked.choices) + 1)], asked.choices)
        elif question.type is QuestionType.TRUEFALSE:
            self.say("True or false?")
        elif question.type is QuestionType.ORDER:
            self._list([str(n) for n in range(1, len(asked.items) + 1)], asked.items)
        elif question.type is QuestionType.MATCH:
            self._list([str(n) for n in range(1, len(asked.lefts) + 1)], asked.lefts)
            self.say("With:")
            self._list(list(LETTERS[: len(asked.rights)]), asked.rights)
        self.say(how_to_answer(asked))

    def _list(self, marks: Sequence[str], texts: Sequence[str]) -> None:
        for mark, text in zip(marks, texts, strict=True):
            self.say(f"{mark}. {text}", indent="  ", hang=len(mark) + 2)

    def _ask(
        self, played: Round, asked: AskedQuestion
    ) -> tuple[Round, AnswerRecord | None, Response] | None:
        """Ask one question until it is answered, skipped (no record: it comes back later; a
        record: given up) or its time is up: the round, the record and what was answered;
        None: the player left."""
        self._question_text(played, asked)
        question = asked.question
        shown_at = self.monotonic()
        limit = played.time_limit
        deadline = shown_at + limit if limit is not None else None
        hint_used = timed_out = False
        response: object = None
        while True:
            try:
                typed = self._read_answer_line(deadline)
            except TimedOut:  # said once, by the feedback ("Time's up. The answer is: ...")
                timed_out = True
                break
            command = typed.strip().lower()
            if command == "?":
                self._question_text(played, asked)
                continue
            if command in ("h", "hint"):
                if not question.hint:
                    self.say("This question has no hint.")
                    continue
                if not hint_used:
                    self.say("The question is now worth half its points.")
                hint_used = True
                self.say(f"Hint: {question.hint}")
                continue
            if command == "time":
                if deadline is None:
                    self.say("This round is not timed.")
                else:
                    left = max(round(deadline - self.monotonic()), 0)
                    self.say(f"{left} seconds left.")
                continue
            if command in ("s", "skip"):
                return (*played.skip(answered_at=self.now()), None)
            if command in ("q", "quit"):
                if self._confirm_leave():
                    return None
                self.say("Go on, then.")
                self._question_text(played, asked)
                continue
            read = read_answer(asked, typed)
            if isinstance(read, Malformed):
                self.say(read.reason if read.instructs else f"{read.reason} {how_to_answer(asked)}")
                continue
            response = read
            break
        seconds = self.monotonic() - shown_at
        if timed_out and limit is not None:
            seconds = float(limit)
        answered = played.answer(
            response,  # type: ignore[arg-type]
            seconds=round(seconds, 3),
            answered_at=self.now(),
            hint_used=hint_used,
            timed_out=timed_out,
        )
        return (*answered, response)  # type: ignore[return-value]

    def _read_answer_line(self, deadline: float | None) -> str:
        typed = self.lines.read_line(deadline, self._announce)
        if self.echo:
            self.say(f"> {typed}")  # a transcript of a piped round shows what was answered
        return typed

    def _announce(self, seconds_left: int) -> None:
        self.say(f"{seconds_left} seconds left.")

    def _confirm_leave(self) -> bool:
        self.say("Leave the round? The answers you gave are kept. Type y to leave, n to go on.")
        return self._read().lower() in ("y", "yes")

    def _feedback(self, record: AnswerRecord, *, close_spelling: bool = False) -> None:
        """What the screen's feedback says: the verdict, the answers, why and the quote;
        close_spelling: a typed answer a letter or two off an accepted one (still wrong)."""
        points = f"{record.points} of {record.max_points} points"
        if record.hint_used:
            points += ", halved for the hint"
        if record.timed_out:
            self.say(f"Time's up. The answer is: {record.expected}.")
        elif record.result is Result.RIGHT:
            self.say(f"Right. {points}.")
        elif record.result is Result.PARTLY:
            self.say(f"Partly right. {points}. The answer is: {record.expected}.")
            self.say(f"You answered: {record.given}.")
        else:
            self.say(f"Wrong. The answer is: {record.expected}.")
            self.say(f"You answered: {record.given}.")
        if close_spelling:
            self.say("Close: check the spelling.")  # the screen's "close: check the spelling"
        self.say(f"Why: {record.explanation}")
        if record.quote:
            self.say("From the article:")
            self.say(record.quote, indent="  ")

    def _running_score(self, played: Round) -> None:
        """What the round screen shows beside the mode: the points so far, and the streak."""
        said = f"Score so far: {plural(played.score, 'point')}"
        if played.streak >= 2:
            said += f"; {played.streak} right in a row"
        self.say(f"{said}.")

    def _summary(self, played: Round, summary: RoundSummary, *, personal_best: bool) -> None:
        self.say("")
        self.say(f"Round over: {played.bank_title}.")
        if played.mode == "exam":
            self.say(f"Exam, class code {round_code(played)}.")
        right = f"{summary.right} of {summary.total} right"
        if summary.partly:
            right += f", {summary.partly} partly"
        self.say(
            f"{right}. {summary.score} of {summary.max_score} points: {summary.percentage}%, "
            f"{grade_word(summary.percentage).lower()}. Time: {duration_words(summary.seconds)}. "
            f"Best streak: {summary.best_streak}."
        )
        if personal_best:
            self.say("A new personal best for this bank.")
        if summary.hints_used or summary.timed_out:
            self.say(f"Hints used: {summary.hints_used}. Out of time: {summary.timed_out}.")
        self.say(f"Scoring: {SCORING_RULE}")
        if len(summary.topics) > 1:
            self.say("By topic:")
            for topic in summary.topics:
                self.say(f"{topic.name}: {topic.right} of {topic.answered} right.", indent="  ")
        if summary.missed:
            self.say("To go over again:")
            for record in summary.missed:
                self.say(f"Question: {record.prompt}", indent="  ")
                self.say(
                    f"You answered: {record.given}. The answer: {record.expected}.", indent="  "
                )
                self.say(f"Why: {record.explanation}", indent="  ")
        else:
            self.say("Every answer was right.")
