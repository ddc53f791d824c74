"""`quiz serve`: its options, checked before anything starts (the server loads only then)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from game.core.classroom import Classroom, ClassRound, new_join_code, normalise_join_code
from game.paths import GamePaths

if TYPE_CHECKING:
    from game.core.class_code import ClassCode
    from game.serve.run import ServeOptions

EXIT_OK = 0
EXIT_USAGE = 2
DEFAULT_HOST = "127.0.0.1"


def add_serve_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    class_code: Callable[[str], ClassCode],
    positive_int: Callable[[str], int],
) -> None:
    """Add `quiz serve` to the command line."""
    serve = sub.add_parser(
        "serve",
        parents=[common],
        help="serve the game to a class's browsers, with a live view for the teacher",
        description="Serve the game in the browser (textual-serve): each tab asks the join code "
        "and the student's name, then plays; every answer goes to this machine's saves folder. "
        "Listens on 127.0.0.1 (this machine only) unless --host says otherwise. "
        "Exit 0: stopped; 1: could not listen; 2: bad usage.",
    )
    serve.add_argument(
        "--host",
        default=None,
        help=f"address to listen on (default: {DEFAULT_HOST}, this machine only; "
        "0.0.0.0 opens it to the network)",
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--bank", metavar="ID", help="the only bank the class sees")
    serve.add_argument(
        "--code",
        metavar="CLASS-CODE",
        type=class_code,
        help="every tab plays this exam round straight away (e.g. 482913-10)",
    )
    serve.add_argument(
        "--join", metavar="CODE", help="the join code students type (default: a new one)"
    )
    serve.add_argument(
        "--max-players",
        type=positive_int,
        metavar="N",
        default=60,
        help="live tabs at most; the next gets a page saying the class is full (default: 60)",
    )
    serve.add_argument(
        "--idle",
        type=float,
        default=30.0,
        metavar="MINUTES",
        help="close a tab nobody typed in for this long, keeping its answers (default: 30)",
    )
    serve.add_argument(
        "--no-view",
        action="store_true",
        help="print the address and join code instead of the live view (also when the output "
        "is not a terminal)",
    )


def serve_options(
    args: argparse.Namespace,
    paths: GamePaths,
    class_round_for: Callable[[argparse.Namespace], object],
) -> ServeOptions | str:
    """The checked options, or in words why they cannot be served."""
    from game.banks.library import load_bank_by_id, scan_library
    from game.serve.run import ServeOptions

    host = args.host if args.host is not None else DEFAULT_HOST
    if not host.strip():
        return "--host is empty: give an address such as 127.0.0.1 or 0.0.0.0"
    if not 0 <= args.port <= 65535:
        return f"--port {args.port} is not a port (0 to 65535)"
    if args.idle <= 0:
        return f"--idle {args.idle:g} is not a time: give minutes, more than 0"
    join = args.join if args.join is not None else new_join_code()
    if not 3 <= len(normalise_join_code(join)) <= 20:
        return "--join: a join code is 3 to 20 letters or digits"
    join = normalise_join_code(join)

    bank_id = args.bank
    if bank_id is None and args.code is not None:
        banks = scan_library(paths.questions_dir, paths.cache_dir)
        playable = [bank.bank_id for bank in banks if bank.playable]
        if len(playable) != 1:
            names = ", ".join(playable) or "none"
            return f"--code needs --bank: which bank is the class code for? (banks: {names})"
        bank_id = playable[0]
    title = ""
    if bank_id is not None:
        loaded = load_bank_by_id(paths.questions_dir, bank_id)
        if loaded is None or loaded.bank is None:
            return f"no playable bank {bank_id!r} in {paths.questions_dir}"
        title = loaded.bank.title
    class_round: ClassRound | None = None
    if args.code is not None:
        args.bank = bank_id
        request = class_round_for(args)
        if isinstance(request, str):
            return request
        class_round = ClassRound(
            bank_id=request.bank_id,  # type: ignore[attr-defined]
            mode="exam",
            topic=request.topic,  # type: ignore[attr-defined]
            count=request.count,  # type: ignore[attr-defined]
            difficulty=request.difficulty,  # type: ignore[attr-defined]
            seed=request.seed,  # type: ignore[attr-defined]
        )
    about = title or "every bank"
    if args.code is not None:
        about += f", class code {args.code}"
    return ServeOptions(
        classroom=Classroom(join_code=join, bank_id=bank_id, class_round=class_round),
        questions_dir=paths.questions_dir,
        saves_dir=paths.saves_dir,
        host=host,
        port=args.port,
        max_players=args.max_players,
        idle_minutes=args.idle,
        about=about,
    )


def run_serve(
    args: argparse.Namespace,
    paths: GamePaths,
    class_round_for: Callable[[argparse.Namespace], object],
) -> int:
    """`quiz serve`: check the options, then serve with the live view or plainly."""
    options = serve_options(args, paths, class_round_for)
    if isinstance(options, str):
        print(f"quiz serve: {options}", file=sys.stderr)
        return EXIT_USAGE
    from game.serve.run import headless, utc_now, with_live_view

    since = utc_now()
    if args.no_view or not (sys.stdout.isatty() and sys.stdin.isatty()):
        return headless(options, since)
    status, words = with_live_view(options, since)
    if words:
        print(words, file=sys.stderr if status else sys.stdout)
    return status
