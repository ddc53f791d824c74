"""Helpers for the class-server tests: a real server on a free local port, students over
textual-serve's websocket protocol, the screen each one sees read with pyte."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pyte

from game.core.classroom import Classroom, ClassRound
from game.serve.server import ClassServer

WAIT = 60.0  # seconds: generous, for a busy machine; tests wait for a screen, never sleep


def choice_bank(count: int = 10, title: str = "Class bank") -> str:
    """A bank of `count` choice questions whose first choice is always right (as written)."""
    lines = [f'title: "{title}"', "questions:"]
    for n in range(1, count + 1):
        lines += [
            f"  - id: q{n}",
            "    type: choice",
            f'    prompt: "Class question {n}?"',
            f'    choices: ["Right {n}", "Wrong {n}"]',
            f'    answer: "Right {n}"',
            f'    explanation: "Because {n}."',
        ]
    return "\n".join(lines) + "\n"


def classroom_for(bank_id: str, count: int, seed: int = 482913, join: str = "ABC123") -> Classroom:
    """A class that plays one exam round of the bank straight after joining."""
    return Classroom(
        join_code=join,
        bank_id=bank_id,
        class_round=ClassRound(bank_id, "exam", None, count, None, seed),
    )


@asynccontextmanager
async def running_server(
    folders: dict[str, Path], classroom: Classroom, **options: object
) -> AsyncIterator[ClassServer]:
    """A class server on 127.0.0.1 and a free port, stopped (every tab ended) afterwards."""
    server = ClassServer(
        classroom=classroom,
        questions_dir=folders["questions"],
        saves_dir=folders["saves"],
        host="127.0.0.1",
        port=0,
        **options,  # type: ignore[arg-type]
    )
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


class Student:
    """One browser tab, as textual-serve's page drives it: keys in, the terminal's bytes out."""

    def __init__(self, session: aiohttp.ClientSession, port: int, width: int = 80) -> None:
        self._session = session
        self._port = port
        self.screen = pyte.Screen(width, 24)
        self._stream = pyte.ByteStream(self.screen)
        self._websocket: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None
        self.closed = asyncio.Event()
        self.close_message = ""

    async def connect(self) -> None:
        """Open the tab's websocket (the server starts its game)."""
        url = f"http://127.0.0.1:{self._port}/ws?width={self.screen.columns}&height=24"
        self._websocket = await self._session.ws_connect(url)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self._websocket is not None
        async for message in self._websocket:
            if message.type == aiohttp.WSMsgType.BINARY:
                self._stream.feed(message.data)
        self.close_message = str(self._websocket.close_code)
        self.closed.set()

    def text(self) -> str:
        """The screen as the student sees it."""
        return "\n".join(self.screen.display)

    async def wait_for(self, words: str, timeout: float = WAIT) -> float:
        """Wait until the words are on screen; the seconds it took."""
        start = time.monotonic()
        while words not in self.text():
            if time.monotonic() - start > timeout:
                raise AssertionError(f"{words!r} never showed; the screen:\n{self.text()}")
            if self.closed.is_set():
                raise AssertionError(f"the tab closed before {words!r}; the screen:\n{self.text()}")
            await asyncio.sleep(0.02)
        return time.monotonic() - start

    async def type(self, keys: str) -> None:
        """Send keys as the page does."""
        assert self._websocket is not None
        await self._websocket.send_str(json.dumps(["stdin", keys]))

    async def send_raw(self, text: str) -> None:
        """Send any text frame (a hostile or broken client)."""
        assert self._websocket is not None
        await self._websocket.send_str(text)

    async def join(self, join_code: str, name: str) -> None:
        """Type the join code, then the name."""
        await self.wait_for("join code")
        await self.type(join_code + "\r")
        await self.wait_for("What is your name?")
        await self.type(name + "\r")

    async def close(self) -> None:
        """Close the tab."""
        if self._websocket is not None:
            await self._websocket.close()
        if self._reader is not None:
            await self._reader
