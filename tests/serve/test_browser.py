"""A student in a real browser: headless Chromium (Debian's) opens the class page, types the
join code and a name, answers; the answer is in the teacher's saves, the page shows the next
question, and the page asked nothing of any machine but the teacher's."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyte
from playwright.sync_api import Page, Route, WebSocket, sync_playwright
from serve_kit import WAIT, choice_bank

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL = ("127.0.0.1", "localhost")


class BrowserTerminal:
    """What the page's terminal shows, read from the bytes its websocket received (the page
    draws them on a canvas, which has no text to read)."""

    def __init__(self) -> None:
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def attach(self, websocket: WebSocket) -> None:
        query = parse_qs(urlparse(websocket.url).query)
        self.screen.resize(int(query["height"][0]), int(query["width"][0]))
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            self.stream.feed(payload)

    def _sent(self, payload: bytes | str) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            size = json.loads(payload)[1]
            self.screen.resize(int(size["height"]), int(size["width"]))

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, page: Page, words: str) -> None:
        deadline = time.monotonic() + WAIT
        while words not in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{words!r} never showed in the browser:\n{self.text()}")
            page.wait_for_timeout(50)  # lets Playwright deliver the next frames


def _start_server(folders: dict[str, Path]) -> tuple[subprocess.Popen[str], int]:
    command = [sys.executable, "-m", "game", "serve", "--port", "0", "--bank", "class"]
    command += ["--code", "482913-3", "--join", "K7MQ4X", "--no-view"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert server.stdout is not None
    opening = server.stdout.readline()
    match = re.match(r"Class open at http://127\.0\.0\.1:(\d+)/ ", opening)
    assert match, opening + (server.stderr.read() if server.stderr else "")
    return server, int(match[1])


def test_a_student_plays_in_chromium_with_nothing_fetched_from_outside(
    isolated_folders: dict[str, Path], tmp_path: Path
) -> None:
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: apt-get install chromium"
    (isolated_folders["questions"] / "class.yaml").write_text(choice_bank(3), encoding="utf-8")
    server, port = _start_server(isolated_folders)
    outside: list[str] = []
    terminal = BrowserTerminal()

    def only_local(route: Route) -> None:
        if urlparse(route.request.url).hostname in LOCAL:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
            )
            context = browser.new_context(viewport={"width": 1000, "height": 640})
            context.route("**/*", only_local)
            page = context.new_page()
            page.on("websocket", terminal.attach)
            page.goto(f"http://127.0.0.1:{port}/")
            terminal.wait_for(page, "Type the join code")
            page.click("#terminal")  # focus the terminal before typing
            page.keyboard.type("K7MQ4X")
            page.keyboard.press("Enter")
            terminal.wait_for(page, "What is your name?")
            page.keyboard.type("Mia [b]")
            page.keyboard.press("Enter")
            terminal.wait_for(page, "Question 1 / 3")
            assert "class code 482913-3" in terminal.text()
            page.keyboard.press("1")
            page.keyboard.press("Enter")
            terminal.wait_for(page, "Question 2 / 3")
            shot = os.environ.get("QUIZ_SCREENSHOT_DIR")
            page.screenshot(path=str(Path(shot or tmp_path) / "class-in-chromium.png"))
            browser.close()
    finally:
        server.terminate()
        server.communicate(timeout=WAIT)
    assert outside == []
    with sqlite3.connect(isolated_folders["saves"] / "quiz.sqlite3") as connection:
        rows = connection.execute(
            "SELECT p.name, a.question_id FROM answers a JOIN rounds r ON r.id = a.round_id "
            "JOIN players p ON p.id = r.player_id"
        ).fetchall()
    assert len(rows) == 1 and rows[0][0] == "Mia [b]"
