"""Running a class: with the teacher's live view in a terminal, or plainly (a script, a service)."""

from __future__ import annotations

import asyncio
import signal
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from game.core.classroom import Classroom
from game.serve.server import ClassServer, is_local_host
from game.store.errors import StoreError
from game.store.live import read_class_progress


@dataclass(frozen=True)
class ServeOptions:
    """What `quiz serve` was asked for, checked."""

    classroom: Classroom
    questions_dir: Path
    saves_dir: Path
    host: str
    port: int
    max_players: int
    idle_minutes: float
    about: str  # the bank and class code, in words, for the teacher


def address_for(host: str, port: int) -> str:
    """The address students type (the machine's name when it listens on every address)."""
    if host in ("0.0.0.0", "::", ""):
        import socket

        host = socket.gethostname()
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def make_server(options: ServeOptions) -> ClassServer:
    """The class server for these options."""
    return ClassServer(
        classroom=options.classroom,
        questions_dir=options.questions_dir,
        saves_dir=options.saves_dir,
        host=options.host,
        port=options.port,
        max_players=options.max_players,
        idle_minutes=options.idle_minutes,
    )


def opening_lines(options: ServeOptions, port: int) -> list[str]:
    """What the teacher's terminal says when the class opens."""
    lines = [
        f"Class open at {address_for(options.host, port)}  ({options.about})",
        f"Join code: {options.classroom.join_code}",
    ]
    if not is_local_host(options.host):
        lines.append(
            f"Listening on {options.host}: every machine that can reach this one can join "
            "(with the join code)."
        )
    else:
        lines.append("Only this machine can connect (give --host to open it to the network).")
    return lines


def with_live_view(options: ServeOptions, since: datetime) -> tuple[int, str]:
    """Serve with the teacher's live table until `q`; the exit status and closing words."""
    from game.serve.live import TeacherApp

    server = make_server(options)
    chosen = options.classroom.class_round
    app = TeacherApp(
        server,
        address=address_for(options.host, options.port),
        join_code=options.classroom.join_code or "",
        about=options.about,
        since=since,
        bank_id=options.classroom.bank_id,
        seed=chosen.seed if chosen is not None else None,
    )
    app.run()
    return app.return_code or 0, app.return_value or ""


def headless(options: ServeOptions, since: datetime, out: TextIO = sys.stdout) -> int:
    """Serve until SIGINT or SIGTERM, printing the address and join code first."""
    return asyncio.run(_headless(options, since, out))


async def _headless(options: ServeOptions, since: datetime, out: TextIO) -> int:
    server = make_server(options)
    try:
        await server.start()
    except OSError as error:
        print(
            f"quiz serve: cannot listen on {options.host}:{options.port}: "
            f"{error.strerror or error}",
            file=sys.stderr,
        )
        return 1
    for line in opening_lines(options, server.bound_port):
        print(line, file=out)
    print("Press ctrl+c to stop the class.", file=out, flush=True)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(signum, stopping.set)
    await stopping.wait()
    await server.stop()
    chosen = options.classroom.class_round
    try:
        progress = read_class_progress(
            options.saves_dir,
            since,
            options.classroom.bank_id,
            chosen.seed if chosen is not None else None,
        )
    except StoreError as error:
        print(f"quiz serve: stopped, but the saves could not be read: {error}", file=out)
        return 1
    from game.serve.live import stop_words

    print(stop_words(progress), file=out, flush=True)
    return 0


def utc_now() -> datetime:
    """Now, in UTC (when the class opened)."""
    return datetime.now(UTC)
