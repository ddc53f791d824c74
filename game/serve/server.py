"""The class server: textual-serve's page and websocket, one game process per browser tab.

Our own page template (no web font or anything else from outside: a classroom may have no
internet, and students' browsers contact only the teacher's machine), a limit on live tabs,
and idle tabs closed. Each tab's game writes to the teacher's save folder.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shlex
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from game.core.classroom import ENVIRONMENT_KEY, Classroom
from game.paths import QUESTIONS_ENV, SAVES_ENV

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
OUR_STATIC = HERE / "static"
# textual-serve's terminal in the browser (its JavaScript, xterm's CSS and its font), served
# from the installed package: nothing is fetched from the internet.
TERMINAL_STATIC = Path(textual_serve.__file__).resolve().parent / "static"
STOP_TIMEOUT = 5.0  # seconds a tab's game has to end before it is killed
# A browser that has not answered a ping for half of this is taken as gone. textual-serve uses
# 15 s; a teacher's machine busy with a whole class can take longer than 7.5 s to get round
# to answering, and a dropped tab costs a student their screen, so we wait longer.
HEARTBEAT_SECONDS = 60.0
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

log = logging.getLogger("quiz.serve")


def is_local_host(host: str) -> bool:
    """Whether only this machine can reach an address (loopback)."""
    return host in LOCAL_HOSTS or host.startswith("127.")


class TabService(AppService):
    """One tab's game process, told its classroom and folders through its environment."""

    def __init__(self, command: str, *, environment: dict[str, str], **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self._extra_environment = environment
        self.drawn = asyncio.Event()  # set once the game has sent its first frame

    async def on_data(self, payload: bytes) -> None:
        self.drawn.set()
        await super().on_data(payload)

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment.update(self._extra_environment)
        return environment

    async def stop_within(self, seconds: float) -> None:
        """Ask the game to quit; kill it if it has not ended in time (answers are committed
        as they are given, so nothing is lost either way)."""
        with contextlib.suppress(TimeoutError, asyncio.CancelledError):
            await asyncio.wait_for(self.stop(), seconds)
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), seconds)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()


@dataclass(eq=False)
class Tab:
    """A live browser tab: its game and when its student last typed."""

    service: TabService
    websocket: web.WebSocketResponse
    last_input: float = field(default_factory=time.monotonic)


class ClassServer(Server):
    """textual-serve's server with our page, the game locked to the class, and limits."""

    def __init__(
        self,
        *,
        classroom: Classroom,
        questions_dir: Path,
        saves_dir: Path,
        host: str = "127.0.0.1",
        port: int = 8000,
        max_players: int = 60,
        idle_minutes: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        # exec: the shell textual-serve starts becomes the game, so signals and memory are its own
        command = f"exec {shlex.quote(sys.executable)} -m game.serve.tab"
        super().__init__(
            command,
            host=host,
            port=port,
            title="quiz",
            statics_path=TERMINAL_STATIC,
            templates_path=TEMPLATES,
        )
        self.classroom = classroom
        self.questions_dir = Path(questions_dir)
        self.saves_dir = Path(saves_dir)
        self.max_players = max_players
        self.idle_seconds = idle_minutes * 60
        self.tabs: set[Tab] = set()
        self.tabs_refused = 0
        self.tabs_closed_idle = 0
        self._clock = clock
        self._runner: web.AppRunner | None = None

    # -- the web application -------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_static("/quiz-static", OUR_STATIC, name="quiz-static")
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Nothing printed here: the command line and the teacher's view say the address."""

    def _tab_environment(self) -> dict[str, str]:
        return {
            ENVIRONMENT_KEY: self.classroom.to_environment(),
            QUESTIONS_ENV: os.fspath(self.questions_dir),
            SAVES_ENV: os.fspath(self.saves_dir),
        }

    @property
    def full(self) -> bool:
        """Whether another tab would pass --max-players."""
        return len(self.tabs) >= self.max_players

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The class page, or a page saying the class is full."""
        if self.full:
            self.tabs_refused += 1
            return aiohttp_jinja2.render_template(
                "full.html", request, {"max_players": self.max_players}, status=503
            )
        scheme = "wss" if request.secure else "ws"
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            # The address the browser used, so a class reached by the machine's name or its
            # network address (--host 0.0.0.0) connects back to the same place.
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "terminal_static": "/static/",
            "quiz_static": "/quiz-static/",
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A tab's terminal: start its game, pass keys and sizes, close it when idle."""
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT_SECONDS)
        await websocket.prepare(request)
        if self.full:
            self.tabs_refused += 1
            await websocket.close(code=1013, message=b"The class is full.")
            return websocket
        width = min(max(to_int(request.query.get("width", "80"), 80), 20), 400)
        height = min(max(to_int(request.query.get("height", "24"), 24), 10), 200)
        service = TabService(
            self.command,
            environment=self._tab_environment(),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            debug=False,
        )
        tab = Tab(service, websocket, self._clock())
        self.tabs.add(tab)
        watchdog: asyncio.Task[None] | None = None
        try:
            await service.start(width, height)
            watchdog = asyncio.create_task(self._close_when_idle(tab))
            await self._pass_messages(tab)
        except asyncio.CancelledError:
            pass
        except Exception as error:  # one tab's failure must not take the class down
            log.exception(error)
        finally:
            if watchdog is not None:
                watchdog.cancel()
            await service.stop_within(STOP_TIMEOUT)
            self.tabs.discard(tab)
            await websocket.close()
        return websocket

    async def _pass_messages(self, tab: Tab) -> None:
        """The browser's keys, sizes and focus to the game; anything malformed is ignored."""
        service = tab.service
        async for message in tab.websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind, data = envelope[0], envelope[1]
            except (ValueError, TypeError, IndexError, KeyError):
                continue
            if kind == "stdin" and isinstance(data, str):
                tab.last_input = self._clock()
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width = min(max(to_int(str(data.get("width", 80)), 80), 20), 400)
                height = min(max(to_int(str(data.get("height", 24)), 24), 10), 200)
                await service.set_terminal_size(width, height)
            elif kind == "ping":
                await tab.websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def _close_when_idle(self, tab: Tab) -> None:
        """End a tab nobody has typed in for --idle minutes (its answers are already saved).
        The time counts from the game's first frame: a slow start is not the student idling."""
        check_every = min(max(self.idle_seconds / 10, 0.2), 30.0)
        await tab.service.drawn.wait()
        tab.last_input = max(tab.last_input, self._clock())
        while True:
            await asyncio.sleep(check_every)
            if self._clock() - tab.last_input >= self.idle_seconds:
                self.tabs_closed_idle += 1
                await tab.service.stop_within(STOP_TIMEOUT)
                await tab.websocket.close(code=1000, message=b"Closed: idle too long.")
                return

    # -- running -------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on the host and port (returns once the server is ready)."""
        logging.getLogger("textual-serve").setLevel(logging.WARNING)
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner

    @property
    def bound_port(self) -> int:
        """The port listened on (the one the OS gave, for --port 0)."""
        if self._runner is None:
            return self.port
        for address in self._runner.addresses:
            if isinstance(address, tuple) and len(address) >= 2:
                return int(address[1])
        return self.port

    async def stop(self) -> None:
        """End every tab's game (answers kept: each was committed when given) and stop."""
        await asyncio.gather(
            *(tab.service.stop_within(STOP_TIMEOUT) for tab in list(self.tabs)),
            return_exceptions=True,
        )
        for tab in list(self.tabs):
            with contextlib.suppress(Exception):
                await tab.websocket.close(code=1001, message=b"The class has ended.")
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
