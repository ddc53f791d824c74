"""Helpers for the UI shell tests: small banks on disk, the App on temporary folders, screen text."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

from game.core.records import AnswerRecord, Result
from game.ui.app import QuizApp, create_app
from game.ui.widgets.fit_footer import FitFooter

HOSTILE = (
    "[/]",
    "[/b]",
    "[A] Paris",
    "[NATO]",
    "[$accent]x",
    "[a-z]+",
    "C:\\temp\\[x]",
    "[link='https://example.com']x[/link]",
    "[@click=app.quit]x[/]",
)


def _text(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def choice_question(
    qid: str,
    prompt: str,
    right: str,
    wrong: tuple[str, ...],
    topic: str | None = None,
    level: int = 1,
) -> str:
    """One `choice` question as YAML lines of a questions list."""
    lines = [
        f"  - id: {qid}",
        "    type: choice",
        f"    prompt: {_text(prompt)}",
        f"    choices: [{', '.join(_text(c) for c in (right, *wrong))}]",
        f"    answer: {_text(right)}",
        f"    explanation: {_text('Because ' + right + '.')}",
        f"    quote: {_text('The answer is ' + right + '.')}",
        f"    difficulty: {level}",
    ]
    if topic:
        lines.append(f"    topic: {topic}")
    return "\n".join(lines)


def bank_yaml(
    title: str,
    questions: list[str],
    topics: dict[str, str] | None = None,
    description: str | None = None,
) -> str:
    """A whole bank file."""
    head = [f"title: {_text(title)}", f"description: {_text(description or 'About ' + title)}"]
    if topics:
        head.append("topics:")
        head += [f"  {key}: {_text(name)}" for key, name in topics.items()]
    return "\n".join([*head, "questions:", *questions]) + "\n"


def write_bank(questions_dir: Path, bank_id: str, text: str) -> Path:
    """Write a bank file under the questions folder."""
    path = questions_dir / f"{bank_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rivers_bank(count: int = 12) -> str:
    """A bank of `count` choice questions over two topics and three difficulties."""
    questions = [
        choice_question(
            f"q{n}",
            f"Question {n}?",
            f"Right {n}",
            (f"Wrong {n}a", f"Wrong {n}b"),
            topic="geo" if n % 3 else "hist",
            level=1 + n % 3,
        )
        for n in range(1, count + 1)
    ]
    return bank_yaml("Rivers of Europe", questions, {"geo": "Geography", "hist": "History"})


BROKEN_BANK = """title: Week 5
questions:
  - id: q1
    type: choice
    prompt: Capital?
    choices: [Paris, Rome]
    answer: Berlin
    explanation: x
"""


def past_answer(question_id: str, result: Result, at: datetime, seconds: float) -> AnswerRecord:
    """An answer to a rivers question given at a past moment."""
    return AnswerRecord(
        question_id=question_id,
        question_type="choice",
        topic="geo",
        difficulty=1,
        prompt=f"{question_id}?",
        given="x",
        expected="y",
        result=result,
        points=10 if result is Result.RIGHT else 0,
        max_points=10,
        seconds=seconds,
        hint_used=False,
        timed_out=False,
        explanation="e",
        quote=None,
        answered_at=at,
    )


def make_app(folders: dict[str, Path], **options: object) -> QuizApp:
    """The game on the temporary folders, seeded."""
    options.setdefault("seed", 1)
    return create_app(folders["questions"], folders["saves"], **options)  # type: ignore[arg-type]


def run_with_pilot(
    app: App[object],
    scenario: Callable[[Pilot[object]], Awaitable[None]],
    size: tuple[int, int] = (80, 24),
) -> None:
    """Run the app headless with notifications on and play the scenario against it."""

    async def main() -> None:
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(main())


async def wait_for_screen(pilot: Pilot[object], kind: type, timeout: float = 20) -> None:
    """Let the app run until a screen of this kind is on top."""
    for _ in range(int(timeout / 0.02)):
        if isinstance(pilot.app.screen, kind):
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{kind.__name__} never on top: {pilot.app.screen!r}")


async def wait_for_text(
    pilot: Pilot[object], needle: str, timeout: float = 20, *, gone: bool = False
) -> str:
    """Let the app run until needle is on its screen (or, with gone, off it); the screen's
    text with toast borders dropped and whitespace collapsed. Waits on a busy machine."""
    app = pilot.app
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        text = " ".join(screen_text(app).replace("▌", " ").split())
        if (needle in text) != gone:
            return text
        if asyncio.get_running_loop().time() > deadline:
            state = "still on" if gone else "never on"
            raise AssertionError(f"{needle!r} {state} the screen:\n{screen_text(app)}")
        await pilot.pause(0.02)


def screen_text(app: App[object]) -> str:
    """The characters on the app's screen now, as a terminal would show them."""
    return terminal_output(app)[1]


def terminal_output(app: App[object]) -> tuple[str, str]:
    """What the terminal receives for the whole screen now, and the text it then shows."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.file.getvalue(), console.export_text()  # type: ignore[attr-defined]


def footer_keys(app: App[object]) -> list[str]:
    """The footer's keys as shown ("s Skip"), after checking each is whole on the screen's
    bottom line, in that order."""
    footer = app.screen.query_one(FitFooter)
    shown = footer.shown_keys()
    assert shown, "the footer shows no key"
    bottom = screen_text(app).splitlines()[-1]
    at = 0
    for label in shown:
        found = bottom.find(label, at)
        assert found >= 0, f"{label!r} is not whole in the footer, in order: {bottom!r}"
        at = found + len(label)
    return shown
