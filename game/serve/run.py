"""Running a class: with the teacher's live view in a terminal, or plainly (a script, a service)."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import signal
import socket
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from game.core.classroom import Classroom
from game.files import os_words
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


EVERY_ADDRESS = ("0.0.0.0", "::", "")


def network_hosts(candidates: Iterable[str], hostname: str) -> list[str]:
    """What students can reach this machine by: the network (non-loopback IPv4) addresses
    among the candidates, each once and in order; else the machine's name."""
    found: list[str] = []
    for candidate in candidates:
        try:
            address = ipaddress.ip_address(candidate)
        except ValueError:
            continue
        usable = not (address.is_loopback or address.is_unspecified or address.is_link_local)
        if address.version == 4 and usable and candidate not in found:
            found.append(candidate)
    return found or [hostname]


def machine_addresses() -> list[str]:
    """This machine's addresses as far as the standard library tells them, without a new
    dependency: the one a UDP socket would send from (connecting it sends nothing), then
    those its name resolves to. Any of them may be loopback; `network_hosts` sorts them."""
    found: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: a route is looked up, nothing is sent
        found.append(probe.getsockname()[0])
    with contextlib.suppress(OSError, UnicodeError):
        for *_, sockaddr in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(sockaddr[0]))
    return found


def address_for(host: str, port: int, candidates: Iterable[str] | None = None) -> str:
    """The address students type: the host listened on; when it listens on every address,
    the machine's network addresses (``http://192.168.1.20:8000/ or http://10.0.0.5:8000/``),
    else its name. ``candidates`` stands for `machine_addresses` (tests give their own)."""
    hosts = [host]
    if host in EVERY_ADDRESS:
        found = machine_addresses() if candidates is None else candidates
        hosts = network_hosts(found, socket.gethostname())
    return " or ".join(f"http://{f'[{h}]' if ':' in h else h}:{port}/" for h in hosts)


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
            f"quiz serve: cannot listen on {options.host}:{options.port}: {os_words(error)}",
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
