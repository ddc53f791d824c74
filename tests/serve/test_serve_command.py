"""`quiz serve` from the command line: refusals in words, the address and join code, loopback
only by default, and a stop that keeps every answer and says how many rounds were unfinished."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from serve_kit import WAIT, Student, choice_bank

from game.cli import main
from game.core.classroom import Classroom
from game.serve.run import ServeOptions, opening_lines


def _banks(folders: dict[str, Path], *names: str) -> None:
    for name in names:
        (folders["questions"] / f"{name}.yaml").write_text(choice_bank(3, name), encoding="utf-8")


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--bank", "nope"], "no playable bank 'nope'"),
        (["--code", "482913-3"], "--code needs --bank: which bank is the class code for?"),
        (["--bank", "first", "--join", "!-"], "a join code is 3 to 20 letters or digits"),
        (["--bank", "first", "--idle", "0"], "--idle 0 is not a time"),
        (["--bank", "first", "--code", "nonsense"], "a class code looks like 482913-10"),
    ],
)
def test_serve_refuses_bad_options_in_words_with_status_2(
    isolated_folders: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    words: str,
) -> None:
    _banks(isolated_folders, "first", "second")
    try:
        status = main(["serve", "--no-view", *arguments])
    except SystemExit as exit_:  # argparse refuses a malformed class code itself
        status = exit_.code
    assert status == 2
    error = capsys.readouterr().err
    assert words in error
    if "--code needs --bank" in words:
        assert "first, second" in error


def test_a_network_address_is_only_used_when_asked_and_then_said(tmp_path: Path) -> None:
    def lines(host: str) -> list[str]:
        options = ServeOptions(
            Classroom(join_code="ABC123"), tmp_path, tmp_path, host, 8000, 60, 30.0, "every bank"
        )
        return opening_lines(options, 8000)

    local = lines("127.0.0.1")
    assert local[0].startswith("Class open at http://127.0.0.1:8000/")
    assert local[1] == "Join code: ABC123"
    assert "Only this machine can connect" in local[2]
    assert "every machine that can reach this one can join" in lines("0.0.0.0")[2]


def test_on_every_address_students_are_given_the_network_addresses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = ["127.0.1.1", "192.168.1.20", "::1", "192.168.1.20", "169.254.7.7", "10.0.0.5"]
    monkeypatch.setattr("game.serve.run.machine_addresses", lambda: found)
    monkeypatch.setattr("socket.gethostname", lambda: "teachers-pc")
    options = ServeOptions(
        Classroom(join_code="ABC123"), tmp_path, tmp_path, "0.0.0.0", 8000, 60, 30.0, "Rivers"
    )
    assert opening_lines(options, 8000)[0] == (
        "Class open at http://192.168.1.20:8000/ or http://10.0.0.5:8000/  (Rivers)"
    )


def test_network_hosts_keeps_network_ipv4_else_gives_the_machines_name() -> None:
    from game.serve.run import network_hosts

    candidates = ["127.0.0.1", "10.1.2.3", "fe80::1", "0.0.0.0", "not an address", "10.1.2.3"]
    assert network_hosts(candidates, "teachers-pc") == ["10.1.2.3"]
    assert network_hosts(["127.0.0.1", "127.0.1.1", "::1"], "teachers-pc") == ["teachers-pc"]
    assert network_hosts([], "teachers-pc") == ["teachers-pc"]


def _listening_addresses(port: int) -> list[str]:
    """The local addresses of sockets listening on this port (Linux /proc/net/tcp)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:
                found.append(address)
    return found


def test_serve_listens_on_loopback_plays_and_stops_keeping_every_answer(
    isolated_folders: dict[str, Path],
) -> None:
    _banks(isolated_folders, "class")
    command = [sys.executable, "-m", "game", "serve", "--port", "0", "--bank", "class"]
    command += ["--code", "482913-3", "--join", "abc123", "--no-view"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        opening = server.stdout.readline()
        match = re.match(r"Class open at http://127\.0\.0\.1:(\d+)/ ", opening)
        assert match, opening
        port = int(match[1])
        assert server.stdout.readline().strip() == "Join code: ABC123"
        assert _listening_addresses(port) == ["0100007F"]  # 127.0.0.1, nothing else

        async def play() -> None:
            async with aiohttp.ClientSession() as session:
                student = Student(session, port)
                await student.connect()
                await student.join("ABC123", "Mia")
                await student.wait_for("Question 1 / 3")
                await student.type("1\r")
                await student.wait_for("Question 2 / 3")
                server.send_signal(signal.SIGTERM)
                await asyncio.wait_for(student.closed.wait(), WAIT)

        asyncio.run(play())
        out, err = server.communicate(timeout=WAIT)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0, err
    assert "The class has stopped. 1 started, 1 round was unfinished" in out
    import sqlite3

    with sqlite3.connect(isolated_folders["saves"] / "quiz.sqlite3") as connection:
        rows = connection.execute("SELECT question_id FROM answers").fetchall()
    assert len(rows) == 1


def test_serve_says_when_the_port_is_taken(isolated_folders: dict[str, Path]) -> None:
    import socket

    _banks(isolated_folders, "class")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "game", "serve", "--port", str(port), "--no-view"],
            capture_output=True,
            text=True,
            timeout=WAIT,
        )
    assert result.returncode == 1
    assert f"quiz serve: cannot listen on 127.0.0.1:{port}" in result.stderr
    assert time.monotonic() - started < WAIT
