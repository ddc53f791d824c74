"""The `quiz` command: a thin layer over the game's modules (argparse; Textual loads only to play)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from game import __version__, exit_deadline
from game.files import no_folder_for, os_words
from game.paths import GamePaths, resolve_paths

if TYPE_CHECKING:
    from game.core.class_code import ClassCode
    from game.core.model import Bank, LoadResult
    from game.core.rounds import PlayRequest
    from game.report.class_report import ClassReport

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
# After SIGTERM, SIGHUP (the terminal closed) or SIGINT the game has this long to give the
# terminal back before the process ends outright (every answer is already saved).
EXIT_DEADLINE = exit_deadline.GRACE

MODES = ("quick", "timed", "exam", "practice")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _folder_options() -> argparse.ArgumentParser:
    """--questions and --saves, accepted before or after the subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--questions",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the questions folder (default: $QUIZ_QUESTIONS, else the checkout's questions/)",
    )
    common.add_argument(
        "--saves",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the saves folder (default: $QUIZ_SAVES, else the checkout's saves/)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with a help line for every subcommand."""
    common = _folder_options()
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="A terminal quiz game that teaches from a news article. "
        "With no command, opens the game.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    parser.add_argument("--player", metavar="NAME", default=None, help="play as this player")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="play as plain lines of text (for screen readers, slow links and scripts); "
        "also when standard input or output is not a terminal",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser(
        "play",
        parents=[common],
        help="start straight into a round",
        description="Start straight into a round (for teachers and scripts).",
    )
    play.add_argument("--bank", metavar="ID", help="the bank id, e.g. china-us-detente")
    play.add_argument("--mode", choices=MODES, default="quick", help="round mode (default: quick)")
    play.add_argument("--topic", metavar="T", help="only questions of this topic id")
    play.add_argument(
        "--count",
        metavar="N",
        type=_positive_int,
        default=None,
        help="questions in the round (default 10, or the class code's)",
    )
    play.add_argument(
        "--difficulty", type=int, choices=(1, 2, 3), help="only questions of this difficulty"
    )
    play.add_argument(
        "--seed",
        metavar="S",
        type=_class_code,
        help="fix the questions, order and shuffles (exam rounds): a number, or the whole "
        "class code the exam screen shows, such as 482913-10",
    )
    play.add_argument(
        "--player", metavar="NAME", default=argparse.SUPPRESS, help="play as this player"
    )
    play.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="plain lines of text instead of the full screen (automatic when standard input "
        "or output is not a terminal)",
    )

    validate = sub.add_parser(
        "validate",
        parents=[common],
        help="check banks and report every problem with its line and column",
        description="Check banks against the bank format. Exit 0: no errors; 1: errors; "
        "2: could not run.",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="bank files or folders (default: the questions folder)",
    )
    validate.add_argument("--strict", action="store_true", help="count warnings as errors")
    validate.add_argument(
        "--source-text", metavar="FILE", help="check every quote against this text file"
    )

    new = sub.add_parser(
        "new",
        parents=[common],
        help="write a commented bank template to start from",
        description="Write a bank template with a comment on each key and one question of each type.",
    )
    new.add_argument("path", metavar="PATH", help="the new bank file, e.g. questions/week-5.yaml")
    new.add_argument("--title", default="My new bank", help="the bank's title")
    new.add_argument("--force", action="store_true", help="replace PATH if it exists")

    history = sub.add_parser(
        "history",
        parents=[common],
        help="list rounds played, newest first",
        description="List rounds played, newest first.",
    )
    history.add_argument(
        "--player", metavar="NAME", default=argparse.SUPPRESS, help="only this player's rounds"
    )
    history.add_argument("--bank", metavar="ID", help="only rounds of this bank")
    history.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format"
    )

    export = sub.add_parser(
        "export",
        parents=[common],
        help="export every answer, one row each, for a gradebook",
        description="Export one row per answer (player, bank, round id, round start, mode, "
        "question id, prompt, given, expected, result, points, seconds).",
    )
    export.add_argument(
        "--player", metavar="NAME", default=argparse.SUPPRESS, help="only this player's answers"
    )
    export.add_argument(
        "save_paths",
        nargs="*",
        metavar="SAVES",
        help="students' saves folders or handed-in .sqlite3 files: one gradebook of them all, "
        "with each answer's folder and class code (default: the game's own saves)",
    )
    export.add_argument("--bank", metavar="ID", help="only answers of this bank")
    export.add_argument("--format", choices=("csv", "json"), required=True, help="output format")
    export.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE instead of standard output (a new file: never over an existing "
        "file or through a link unless --force)",
    )
    export.add_argument(
        "--force", action="store_true", help="with --out: replace FILE if it exists"
    )

    import_ = sub.add_parser(
        "import",
        parents=[common],
        help="convert a Moodle GIFT or Aiken file to a new bank",
        description="Convert a Moodle GIFT file (.gift) or an Aiken file (.txt) to a new bank, "
        "listing what could not be converted with its line. Exit 0: a bank was written; "
        "1: nothing could be converted; 2: bad usage (no such FILE, OUT exists).",
    )
    import_.add_argument("source", metavar="FILE", help="the GIFT or Aiken file")
    import_.add_argument("out", metavar="OUT", help="the bank file to write, e.g. week-5.yaml")
    import_.add_argument(
        "--from",
        dest="source_format",
        choices=("gift", "aiken"),
        help="the file's format (default: GIFT for .gift, else guessed from the text)",
    )
    import_.add_argument(
        "--title", help="the bank's title, shown on the home screen (default: the file's name)"
    )

    export_bank = sub.add_parser(
        "export-bank",
        parents=[common],
        help="a bank to Moodle GIFT or Aiken, or a paper copy (Markdown or printable HTML)",
        description="Write a bank as Moodle GIFT (every type GIFT carries), Aiken (choice "
        "questions only), or a paper copy with numbered questions, space to answer and a "
        "separate mark scheme (markdown or html). What the format cannot carry is listed on "
        "stderr. Exit 0: written; 1: the bank has errors or nothing could be written; "
        "2: bad usage.",
    )
    export_bank.add_argument(
        "bank", metavar="BANK", help="a bank id (e.g. china-us-detente) or a bank file"
    )
    export_bank.add_argument(
        "--format",
        choices=("gift", "aiken", "markdown", "html"),
        required=True,
        help="gift or aiken for Moodle; markdown or html for a paper copy",
    )
    export_bank.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE instead of standard output (a new file: never over an existing "
        "file or through a link unless --force)",
    )
    export_bank.add_argument(
        "--force", action="store_true", help="with --out: replace FILE if it exists"
    )
    export_bank.add_argument(
        "--code",
        metavar="CLASS-CODE",
        type=_class_code,
        help="paper copies: that exact round (same questions, order and shuffles as the game), "
        "e.g. 482913-10",
    )

    report = sub.add_parser(
        "report",
        parents=[common],
        help="item analysis of a class's rounds, from students' save files",
        description="Read saves folders or .sqlite3 files (students' machines, collected; "
        "never written to) and print per student their rounds, best and latest percentage, "
        "and per question facility and discrimination, with the most-missed questions. "
        "Exit 0: a report; 1: no rounds to report; 2: bad usage.",
    )
    report.add_argument(
        "save_paths",
        nargs="*",
        metavar="SAVES",
        help="saves folders or .sqlite3 files (default: the game's saves folder)",
    )
    report.add_argument("--bank", metavar="ID", help="only rounds of this bank")
    report.add_argument(
        "--code",
        metavar="CODE",
        type=_class_code,
        help="only the rounds played with this class code (e.g. 154769-8): one class round",
    )
    report.add_argument(
        "--mode",
        choices=("quick", "timed", "exam", "review", "practice"),
        help="only rounds of this mode (exam: the class's round)",
    )
    report.add_argument(
        "--roster",
        metavar="FILE",
        help="a file of the class's names, one a line: who finished, who only started, and "
        "who has not handed in",
    )
    report.add_argument(
        "--format",
        choices=("table", "csv", "markdown", "html"),
        default="table",
        help="output format (default: table); csv is one table at a time (--table) or one "
        "file per table (--out)",
    )
    report.add_argument(
        "--table",
        choices=("students", "questions", "options", "unfinished"),
        help="with --format csv: the table to write (default: students)",
    )
    report.add_argument(
        "--out",
        metavar="DIR",
        help="write to new files in DIR instead of standard output (csv: one file per table; "
        "never over an existing file)",
    )
    report.add_argument(
        "--student",
        metavar="NAME",
        help="the answer sheet of this student: every question, their answer, the right "
        "answer, points and explanation",
    )
    report.add_argument(
        "--sheets",
        metavar="DIR",
        help="write every student's answer sheet to a new file in DIR (a new folder)",
    )

    hand_in = sub.add_parser(
        "hand-in",
        parents=[common],
        help="copy your saves into one file to give to your teacher",
        description="Write one consistent copy of a player's saves (safe while the game "
        "runs), named after the player and the date, for the teacher's quiz report. "
        "Never overwrites a file.",
    )
    hand_in.add_argument(
        "--player",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="whose saves (default: the only player, else the last one to play)",
    )
    hand_in.add_argument(
        "--out",
        metavar="FILE",
        help="the file to write (default: NAME-DATE.sqlite3 in the current folder)",
    )

    from game.serve.command import add_serve_parser

    add_serve_parser(sub, common, _class_code, _positive_int)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def _class_code(text: str) -> ClassCode:
    from game.core.class_code import EXAMPLE, parse_code

    if text.strip()[:1] in ("-", "\N{EN DASH}", "\N{EM DASH}", "\N{MINUS SIGN}"):
        # The code's reader takes a dash for a separator; a seed below 0 is not a seed.
        raise argparse.ArgumentTypeError(
            f"a seed is a whole number, 0 or more, not {text.strip()} "
            f"(a class code looks like {EXAMPLE})"
        )
    parsed = parse_code(text)
    if isinstance(parsed, str):
        raise argparse.ArgumentTypeError(parsed)
    return parsed


def _play_request(args: argparse.Namespace, paths: GamePaths) -> PlayRequest | str:
    """The round `quiz play` asks for, or in words why the options disagree with the code."""
    from game.core.rounds import PlayRequest

    code: ClassCode | None = args.seed
    count, topic, difficulty = args.count, args.topic, args.difficulty
    bank_id: str | None = args.bank
    if bank_id is None and code is not None:  # a code without a bank: the only one there is
        ids = _bank_ids(paths)
        if len(ids) != 1:
            return _which_bank(f"the class code {code} needs its bank", ids, paths)
        bank_id = ids[0]
    loaded = _playable_bank(bank_id, paths) if bank_id is not None else None
    if isinstance(loaded, str):
        return loaded
    if loaded is not None and topic is not None:
        unknown = _unknown_topic(loaded, topic)
        if unknown is not None:
            return unknown
    if code is not None and code.complete:
        if count is not None and count != code.count:
            return f"the class code {code} is for {code.count} questions, not {count}"
        if difficulty is not None and code.difficulty != difficulty:
            return f"the class code {code} does not limit the round to difficulty {difficulty}"
        count, difficulty = code.count, code.difficulty
        if code.topic_number is not None:
            from game.core.class_code import topic_for_number, topic_order

            if loaded is None:
                return f"the class code {code} names a topic: give its playable bank with --bank"
            coded_topic = topic_for_number(code.topic_number, topic_order(loaded))
            if coded_topic is None or (topic is not None and topic != coded_topic):
                return f"the class code {code} does not fit the topics of {bank_id}"
            topic = coded_topic
        elif topic is not None:
            return f"the class code {code} does not limit the round to a topic"
        if loaded is not None:
            from game.core.rounds import class_code_request

            fits = class_code_request(loaded, code)  # the set-up screen's own words
            if isinstance(fits, str):
                return f"{fits} (class code {code}, bank {bank_id})"
    return PlayRequest(
        bank_id=bank_id or "",  # no bank: the game asks for one
        mode=args.mode,
        topic=topic,
        count=count if count is not None else 10,
        difficulty=difficulty,
        seed=code.seed if code is not None else None,
    )


def _unknown_topic(bank: Bank, topic: str) -> str | None:
    """Why --topic names no topic of the bank, with the ids it could be; None when it does."""
    from game.core.class_code import topic_order

    topics = topic_order(bank)  # every topic id: the bank's named topics, then others used
    if topic in (topic_id for topic_id, _ in topics):
        return None
    if not topics:
        return f"the bank {bank.bank_id} has no topics: leave out --topic"
    said = f"the bank {bank.bank_id} has no topic with the id {topic}"
    wanted = topic.strip().casefold()
    named = [pair for pair in topics if wanted in (pair[0].casefold(), pair[1].casefold())]
    if named:
        topic_id, name = named[0]
        said += f' (the topic "{name}" is --topic {topic_id})'
    return f"{said}; its topic ids: {', '.join(topic_id for topic_id, _ in topics)}"


def _bank_ids(paths: GamePaths) -> list[str]:
    """The ids of the banks in the questions folder, in order (nothing is parsed)."""
    from game.banks.loader import bank_id_for, find_bank_files

    folder = paths.questions_dir
    if not folder.is_dir():
        return []
    return [bank_id_for(path, folder) for path in find_bank_files(folder)]


def _which_bank(reason: str, ids: Sequence[str], paths: GamePaths) -> str:
    """Why a bank is needed, with the banks there are to choose from."""
    if not ids:
        return f"{reason}, and there are no banks in {_display(paths.questions_dir)}"
    return f"{reason}: give --bank, one of {', '.join(ids)}"


def _playable_bank(bank_id: str, paths: GamePaths) -> Bank | str:
    """The bank `quiz play --bank` names, or in words why it cannot be played."""
    from game.banks.library import load_bank_by_id, scan_library
    from game.core.commands import validate_command

    loaded = load_bank_by_id(paths.questions_dir, bank_id)
    if loaded is None:
        banks = scan_library(paths.questions_dir, paths.cache_dir)
        where = _display(paths.questions_dir)
        if not banks:
            return f"there is no bank called {bank_id}: there are no banks in {where}"
        playable = [bank.bank_id for bank in banks if bank.playable]
        broken = [bank.bank_id for bank in banks if not bank.playable]
        said = f"there is no bank called {bank_id} in {where}; "
        said += (
            f"the banks there: {', '.join(playable)}" if playable else "no bank there can be played"
        )
        if broken:
            has = "it has" if len(broken) == 1 else "they have"
            said += f" ({', '.join(broken)} cannot be played: {has} errors)"
        return said
    if loaded.bank is None:
        first = loaded.errors[0] if loaded.errors else None
        said = f": {first}" if first else ""
        return (
            f"the bank {bank_id} has an error and cannot be played{said} "
            f"({validate_command(loaded.path)} lists every problem)"
        )
    return loaded.bank


def _paths(args: argparse.Namespace) -> GamePaths:
    return resolve_paths(getattr(args, "questions", None), getattr(args, "saves", None))


def _display(path: Path) -> str:
    """A path as a teacher would type it: relative to the current folder when inside it."""
    try:
        return os.fspath(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return os.fspath(path)


def run_validate(args: argparse.Namespace) -> int:
    """`quiz validate`: every problem, one per line, then the summary."""
    from game.banks.loader import bank_id_for, find_bank_files, load_bank

    paths = _paths(args)
    source_text = None
    if args.source_text:
        try:
            source_text = Path(args.source_text).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(
                f"quiz validate: cannot read the source text {args.source_text}: {os_words(exc)}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    targets: list[tuple[Path, str]] = []  # (file, shown path)
    roots = [Path(p) for p in args.paths] or [paths.questions_dir]
    for root in roots:
        if root.is_dir():
            targets.extend(
                (f, os.fspath(root / f.relative_to(root))) for f in find_bank_files(root)
            )
        elif root.is_file() or os.path.lexists(root):  # anything else is reported, not read
            targets.append((root, os.fspath(root)))
        else:
            print(f"quiz validate: no such file or folder: {root}", file=sys.stderr)
            return EXIT_USAGE
    if not args.paths:
        targets = [(f, _display(f)) for f, _ in targets]
    errors = warnings = questions = 0
    for file, shown in targets:
        inside = file.resolve().is_relative_to(paths.questions_dir.resolve())
        result = load_bank(
            file,
            bank_id_for(file, paths.questions_dir),
            source_text,
            display_path=shown,
            questions_dir=paths.questions_dir if inside else None,
        )
        for problem in result.problems:
            print(problem)
        errors += len(result.errors)
        warnings += len(result.warnings)
        questions += result.question_count
    print(
        f"{_plural(len(targets), 'bank')}, {_plural(questions, 'question')}, "
        f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    )
    failed = errors > 0 or (args.strict and warnings > 0)
    return EXIT_PROBLEMS if failed else EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    """`quiz new`: write a template, never over an existing file."""
    from game.banks.template import write_template
    from game.files import FileRefused

    path = Path(args.path)
    if path.suffix.lower() not in (".yaml", ".yml"):
        print(f"quiz new: a bank file ends in .yaml or .yml: {path}", file=sys.stderr)
        return EXIT_USAGE
    missing = no_folder_for(path)
    if missing is not None:
        print(f"quiz new: {missing}", file=sys.stderr)
        return EXIT_USAGE
    try:
        write_template(path, args.title, force=args.force)
    except FileRefused as exc:  # usage, as quiz import and quiz export say it
        print(f"quiz new: {exc} (--force replaces it)", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"quiz new: cannot write {path}: {os_words(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {path}. Edit it, then check it with: quiz validate --strict {path}")
    return EXIT_OK


def _history_or_reason(
    args: argparse.Namespace, command: str, make_text: Callable[..., str]
) -> str | None:
    """The command's text read from the save file, or None after saying on stderr why not."""
    from game.store import StoreError, memory_store
    from game.store.readonly import read_only_store

    try:
        with read_only_store(_paths(args).saves_dir) as store:
            if store is None:  # no save file yet: the same text as an empty one
                store = memory_store()
            return make_text(store, getattr(args, "player", None), args.bank, args.format)
    except StoreError as exc:
        print(f"quiz {command}: {exc}", file=sys.stderr)
        return None


def run_history(args: argparse.Namespace) -> int:
    """`quiz history`: rounds, newest first, read without writing to the save file."""
    from game.report.history import history_text

    text = _history_or_reason(args, "history", history_text)
    if text is None:
        return EXIT_PROBLEMS
    sys.stdout.write(text)
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """`quiz export`: one row per answer, read without writing to the save file; --out writes
    a new file (never over one, nor through a link, unless --force)."""
    from game.files import FileRefused, write_user_file
    from game.report.history import export_text

    if args.force and not args.out:
        print("quiz export: --force only goes with --out FILE", file=sys.stderr)
        return EXIT_USAGE
    if args.out and not args.force:
        from game.files import refusal

        refused = refusal(Path(args.out))
        if refused is not None:  # said before reading, so a refusal costs nothing
            print(f"quiz export: {refused} (--force replaces it)", file=sys.stderr)
            return EXIT_USAGE
    if args.out and (missing := no_folder_for(Path(args.out))):
        print(f"quiz export: {missing}", file=sys.stderr)
        return EXIT_USAGE
    if args.save_paths:
        text = _gradebook_or_reason(args)
        if text is None:
            return EXIT_USAGE
    else:
        text = _history_or_reason(args, "export", export_text)
    if text is None:
        return EXIT_PROBLEMS
    if not args.out:
        sys.stdout.write(text)
        return EXIT_OK
    # A byte-order mark lets a spreadsheet opened by double-click see UTF-8.
    encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
    try:
        write_user_file(Path(args.out), text.encode(encoding), force=args.force)
    except FileRefused as exc:
        print(f"quiz export: {exc} (--force replaces it)", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"quiz export: cannot write {args.out}: {os_words(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _gradebook_or_reason(args: argparse.Namespace) -> str | None:
    """`quiz export SAVES…`: every answer of several save files, with folder and class code;
    None after saying on stderr what could not be read."""
    from game.report.class_report import ReportUsageError, save_paths
    from game.report.gradebook import gradebook_text
    from game.store.errors import StoreError
    from game.store.readonly import open_read_only

    try:
        paths = save_paths([Path(p) for p in args.save_paths])
    except ReportUsageError as exc:
        print(f"quiz export: {exc}", file=sys.stderr)
        return None
    saves = []
    for path in paths:
        try:
            saves.append(open_read_only(path))
        except StoreError as exc:
            print(f"quiz export: skipped {path}: {exc}", file=sys.stderr)
        except OSError as exc:
            print(f"quiz export: skipped {path}: {os_words(exc)}", file=sys.stderr)
    return gradebook_text(saves, getattr(args, "player", None), args.bank, args.format)


def run_import(args: argparse.Namespace) -> int:
    """`quiz import`: a GIFT or Aiken file to a new bank, and what could not be converted."""
    from game.interchange.importing import ImportFailed, ImportUsageError, import_bank

    try:
        outcome = import_bank(
            Path(args.source),
            Path(args.out),
            args.source_format,
            args.source,
            args.out,
            title=args.title,
        )
    except ImportUsageError as exc:
        print(f"quiz import: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ImportFailed as exc:
        for line in exc.report_lines:
            print(line)
        print(f"quiz import: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for line in outcome.report_lines:
        print(line)
    return EXIT_OK


def run_export_bank(args: argparse.Namespace) -> int:
    """`quiz export-bank`: a bank as GIFT, Aiken, or a paper copy; what is lost on stderr."""
    from game.banks.library import load_bank_by_id
    from game.banks.loader import load_bank
    from game.files import FileRefused, refusal, write_user_file
    from game.interchange.gift_out import Exported, to_aiken, to_gift
    from game.interchange.paper import paper_for, to_html, to_markdown

    def say(message: str) -> None:
        print(f"quiz export-bank: {message}", file=sys.stderr)

    if args.force and not args.out:
        say("--force only goes with --out FILE")
        return EXIT_USAGE
    if args.code is not None and args.format in ("gift", "aiken"):
        say("--code is for paper copies (--format markdown or html)")
        return EXIT_USAGE
    if args.out and not args.force and refusal(Path(args.out)) is not None:
        say(f"{refusal(Path(args.out))} (--force replaces it)")
        return EXIT_USAGE
    if args.out and (missing := no_folder_for(Path(args.out))):
        say(missing)
        return EXIT_USAGE
    given = Path(args.bank)
    result: LoadResult | None
    if given.suffix.lower() in (".yaml", ".yml") and given.is_file():
        result = load_bank(given)
    else:
        result = load_bank_by_id(_paths(args).questions_dir, args.bank)
        if result is None:
            say(f"no bank {args.bank!r} (give a bank id from the questions folder, or a file)")
            return EXIT_USAGE
    if result.bank is None or result.errors:
        first = result.errors[0] if result.errors else None
        say(f"the bank has errors ({first}); quiz validate lists them" if first else "no bank")
        return EXIT_PROBLEMS
    bank = result.bank
    if args.format in ("gift", "aiken"):
        exported: Exported = to_gift(bank) if args.format == "gift" else to_aiken(bank)
        for line in exported.left_out:
            say(f"left out: {line}")
        for line in exported.not_carried:
            say(f"not carried: {line}")
        if not exported.text.strip() or (args.format == "aiken" and not exported.text):
            say("no question of this bank can be written in this format; nothing written")
            return EXIT_PROBLEMS
        text = exported.text
    else:
        paper = paper_for(bank, args.code)
        if isinstance(paper, str):
            say(paper)
            return EXIT_USAGE
        text = to_html(paper) if args.format == "html" else to_markdown(paper)
    if not args.out:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_user_file(Path(args.out), text.encode("utf-8"), force=args.force)
    except FileRefused as exc:
        say(f"{exc} (--force replaces it)")
        return EXIT_USAGE
    except OSError as exc:
        say(f"cannot write {args.out}: {os_words(exc)}")
        return EXIT_PROBLEMS
    print(f"Wrote {args.out}.", file=sys.stderr)
    return EXIT_OK


def _options_reader(paths: GamePaths) -> Callable[[str], dict[str, tuple[str, ...]] | None]:
    """bank id -> every option of its choice and multi questions, from the questions folder
    (None when the bank is not there: the report then lists only the options chosen)."""
    from game.banks.library import load_bank_by_id

    def options_for(bank_id: str) -> dict[str, tuple[str, ...]] | None:
        try:
            loaded = load_bank_by_id(paths.questions_dir, bank_id)
        except (OSError, ValueError):
            return None
        if loaded is None or loaded.bank is None:
            return None
        return {q.id: tuple(q.choices) for q in loaded.bank.questions if q.choices}

    return options_for


def _report_usage(args: argparse.Namespace) -> str | None:
    """Why the report's options do not go together, or None."""
    if args.table and args.format != "csv":
        return "--table goes with --format csv"
    if args.format == "csv" and args.out is None and args.student is None and args.sheets is None:
        return None
    if args.student and args.sheets:
        return "--student and --sheets do not go together"
    if (args.student or args.sheets) and args.format not in ("table", "markdown"):
        return "answer sheets are written as text (--format table) or markdown"
    return None


def _refuse_folder(folder: Path) -> str | None:
    from game.files import refusal

    if not os.path.lexists(folder):
        return None
    if folder.is_dir() and not folder.is_symlink():
        return None
    return refusal(folder)


def _write_new(path: Path, text: str, encoding: str = "utf-8") -> str | None:
    """Write a new file; None, or why it was not written."""
    from game.files import FileRefused, write_user_file

    try:
        write_user_file(path, text.encode(encoding))
    except FileRefused as exc:
        return str(exc)
    except OSError as exc:
        return f"cannot write {path}: {os_words(exc)}"
    return None


def run_report(args: argparse.Namespace) -> int:
    """`quiz report`: a class's results read from save files, which are never written to."""
    from game.report.class_report import (
        ReportUsageError,
        class_report,
        read_roster,
        save_paths,
    )

    wrong = _report_usage(args)
    if wrong is not None:
        print(f"quiz report: {wrong}", file=sys.stderr)
        return EXIT_USAGE
    arguments = [Path(p) for p in args.save_paths] or [_paths(args).saves_dir]
    try:
        paths = save_paths(arguments)
        roster = read_roster(Path(args.roster)) if args.roster else None
    except ReportUsageError as exc:
        print(f"quiz report: {exc}", file=sys.stderr)
        return EXIT_USAGE
    out = Path(args.out) if args.out else None
    if out is not None and args.format != "csv" and (missing := no_folder_for(out)):
        print(f"quiz report: {missing}", file=sys.stderr)
        return EXIT_USAGE
    for folder in (
        out if args.format == "csv" else None,
        Path(args.sheets) if args.sheets else None,
    ):
        refused = None if folder is None else _refuse_folder(folder)
        if refused is not None:
            print(f"quiz report: {refused}", file=sys.stderr)
            return EXIT_USAGE
    outcome = class_report(
        paths,
        args.bank,
        args.mode,
        args.format,
        code=args.code,
        roster=roster,
        options_for=_options_reader(_paths(args)),
        table=args.table,
    )
    for notice in outcome.notices:
        print(f"quiz report: {notice}", file=sys.stderr)
    if not outcome.text:
        return EXIT_PROBLEMS
    if args.student or args.sheets:
        return _write_sheets(args, outcome)
    if out is None:
        sys.stdout.write(outcome.text)
        return EXIT_OK
    if args.format != "csv":
        problem = _write_new(out, outcome.text)
        if problem is not None:
            print(f"quiz report: {problem}", file=sys.stderr)
            return EXIT_USAGE if "not overwriting" in problem else EXIT_PROBLEMS
        print(f"Wrote {out}")
        return EXIT_OK
    return _write_tables(out, outcome)


def _write_tables(out: Path, outcome: ClassReport) -> int:
    from game.report.report_text import TABLE_COLUMNS, csv_table

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"quiz report: cannot make {out}: {os_words(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS
    for table in TABLE_COLUMNS:
        path = out / f"{table}.csv"
        problem = _write_new(path, csv_table(outcome.analyses, table), "utf-8-sig")
        if problem is not None:
            print(f"quiz report: {problem}", file=sys.stderr)
            return EXIT_USAGE if "not overwriting" in problem else EXIT_PROBLEMS
        print(f"Wrote {path}")
    return EXIT_OK


def _write_sheets(args: argparse.Namespace, outcome: ClassReport) -> int:
    from game.report.sheets import matching_students, sheet_file_name, sheet_text, students_in

    if args.student:
        found = matching_students(outcome.rounds, args.student)
        if not found:
            names = ", ".join(students_in(outcome.rounds))
            print(
                f"quiz report: no student called {args.student} in the rounds reported; "
                f"students: {names}",
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
        text = "\n".join(sheet_text(s, outcome.rounds, outcome.answers, args.format) for s in found)
        if args.out:
            problem = _write_new(Path(args.out), text)
            if problem is not None:
                print(f"quiz report: {problem}", file=sys.stderr)
                return EXIT_USAGE
            print(f"Wrote {args.out}")
        else:
            sys.stdout.write(text)
        return EXIT_OK
    folder = Path(args.sheets)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"quiz report: cannot make {folder}: {os_words(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS
    used: set[str] = set()
    for student in students_in(outcome.rounds):
        name = sheet_file_name(student, args.format)
        stem, _, suffix = name.rpartition(".")
        number = 2
        while name.casefold() in used:
            name, number = f"{stem}-{number}.{suffix}", number + 1
        used.add(name.casefold())
        text = sheet_text(student, outcome.rounds, outcome.answers, args.format)
        problem = _write_new(folder / name, text)
        if problem is not None:
            print(f"quiz report: {problem}", file=sys.stderr)
            return EXIT_USAGE
        print(f"Wrote {folder / name}")
    return EXIT_OK


def run_hand_in(args: argparse.Namespace) -> int:
    """`quiz hand-in`: a copy of the player's saves in one new file for the teacher."""
    from datetime import date

    from game.files import FileRefused
    from game.store.errors import StoreError
    from game.store.handin import choose_player, hand_in, hand_in_name

    saves_dir = _paths(args).saves_dir
    try:
        player = choose_player(saves_dir, getattr(args, "player", None))
    except StoreError as exc:
        print(f"quiz hand-in: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    out = Path(args.out) if args.out else Path(hand_in_name(player, date.today()))
    if out.is_dir() and not out.is_symlink():
        out = out / hand_in_name(player, date.today())
    try:
        done = hand_in(saves_dir, out, player)
    except FileRefused as exc:
        print(f"quiz hand-in: {exc} (--out FILE hands in under another name)", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as exc:
        print(f"quiz hand-in: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        print(f"quiz hand-in: cannot write {out}: {os_words(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(
        f"Wrote {out}: {_plural(done.rounds, 'round')} and {_plural(done.answers, 'answer')} "
        f"of {done.player}. Give this file to your teacher."
    )
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    """`quiz serve`: the class in the browser (game/serve)."""
    from game.serve.command import run_serve as serve

    paths = _paths(args)

    def class_round_for(serve_args: argparse.Namespace) -> PlayRequest | str:
        asked = argparse.Namespace(
            bank=serve_args.bank,
            mode="exam",
            seed=serve_args.code,
            count=None,
            topic=None,
            difficulty=None,
        )
        return _play_request(asked, paths)

    return serve(args, paths, class_round_for)


def run_game(args: argparse.Namespace) -> int:
    """Open the game: home, or straight into a round for `quiz play` (plain mode loads no
    Textual: a slow link or a script does not wait for the full-screen game to import)."""
    paths = _paths(args)
    play: PlayRequest | None = None
    if args.command == "play":
        asked = _play_request(args, paths)
        if isinstance(asked, str):
            print(f"quiz play: {asked}", file=sys.stderr)
            return EXIT_USAGE
        play = asked
    if getattr(args, "plain", False) or not (sys.stdin.isatty() and sys.stdout.isatty()):
        from game.plain.run import run_plain

        return run_plain(paths, play, getattr(args, "player", None))
    from game.ui.app import create_app

    app = create_app(
        questions_dir=paths.questions_dir,
        saves_dir=paths.saves_dir,
        player=getattr(args, "player", None),
        play=play,
        exit_deadline=EXIT_DEADLINE,
    )
    app.run()
    if app.ending.signalled is not None:
        # Ended by a signal: say so, even if the App, cut short mid-screen, reported a problem;
        # and at once, as the deadline's thread could not end a slow interpreter shutdown.
        exit_deadline.end_now(128 + app.ending.signalled)
    return app.return_code or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `quiz` and `python -m game`."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(args)
    if args.command == "new":
        return run_new(args)
    if args.command == "history":
        return run_history(args)
    if args.command == "export":
        return run_export(args)
    if args.command == "import":
        return run_import(args)
    if args.command == "export-bank":
        return run_export_bank(args)
    if args.command == "report":
        return run_report(args)
    if args.command == "hand-in":
        return run_hand_in(args)
    if args.command == "serve":
        return run_serve(args)
    return run_game(args)


if __name__ == "__main__":
    raise SystemExit(main())
