"""The teacher's live view: the class's progress read from the store while students play."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

from game.core.records import AnswerRecord, Result, RoundStart
from game.serve.live import TeacherApp
from game.store import SaveStore, open_store
from game.store.live import read_class_progress

OPENED = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


class FakeServer:
    """Stands in for the class server: the view only starts it, stops it and reads its saves."""

    def __init__(self, saves_dir: Path) -> None:
        self.saves_dir = saves_dir
        self.started = False
        self.stopped = False

    async def start(self) -> None:
        self.started = True

    async def stop(self) -> None:
        self.stopped = True


def _answer(store: SaveStore, round_id: int, qid: str, prompt: str, right: bool) -> None:
    store.record_answer(
        round_id,
        AnswerRecord(
            question_id=qid,
            question_type="choice",
            topic=None,
            difficulty=1,
            prompt=prompt,
            given="A" if right else "B",
            expected="A",
            result=Result.RIGHT if right else Result.WRONG,
            points=10 if right else 0,
            max_points=10,
            seconds=3.0,
            hint_used=False,
            timed_out=False,
            explanation="Because.",
            quote=None,
            answered_at=OPENED + timedelta(minutes=2),
        ),
    )


def _round(store: SaveStore, player: str, seed: int, started: datetime) -> int:
    return store.start_round(
        RoundStart(player, "class", "Class bank", "exam", seed, None, 3, 30, started)
    )


def _class_saves(saves: Path) -> None:
    """Mia finished 2 of 3 right; [b]Zoe is on question 2; Old played yesterday; Ann another code."""
    store = open_store(saves).store
    mia = _round(store, "Mia", 482913, OPENED + timedelta(minutes=1))
    _answer(store, mia, "q1", "Which river is longest?", True)
    _answer(store, mia, "q2", "Which sea does the Danube reach, at its delta in Romania?", False)
    _answer(store, mia, "q3", "Is the Rhine in Europe?", True)
    store.finish_round(mia, 20, 30, OPENED + timedelta(minutes=3))
    zoe = _round(store, "[b]Zoe", 482913, OPENED + timedelta(minutes=1))
    _answer(store, zoe, "q2", "Which sea does the Danube reach, at its delta in Romania?", False)
    old = _round(store, "Old", 482913, OPENED - timedelta(days=1))
    _answer(store, old, "q1", "Which river is longest?", False)
    _round(store, "Ann", 111111, OPENED + timedelta(minutes=1))
    store.close()


async def _until(pilot: Pilot[object], condition: Callable[[], bool]) -> None:
    """Wait (at most 30 s) until the condition holds: a student read from the saves, the
    view ended."""
    for _ in range(600):
        if condition():
            return
        await pilot.pause(0.05)


def _screen(app: App[object]) -> str:
    console = Console(width=80, height=24, file=io.StringIO(), record=True, force_terminal=True)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def test_progress_counts_only_this_class_since_it_opened(isolated_folders: dict[str, Path]) -> None:
    _class_saves(isolated_folders["saves"])
    progress = read_class_progress(isolated_folders["saves"], OPENED, "class", 482913)
    assert [(s.player, s.answered, s.right, s.finished) for s in progress.students] == [
        ("[b]Zoe", 1, 0, False),
        ("Mia", 3, 2, True),
    ]
    assert progress.unfinished == 1
    assert progress.hardest is not None and progress.hardest.question_id == "q2"
    assert (progress.hardest.answered, progress.hardest.right) == (2, 0)


def test_the_live_view_shows_each_student_and_the_hardest_question_then_stops_on_q(
    isolated_folders: dict[str, Path],
) -> None:
    _class_saves(isolated_folders["saves"])
    server = FakeServer(isolated_folders["saves"])
    app = TeacherApp(
        server,  # type: ignore[arg-type]
        address="http://127.0.0.1:8000/",
        join_code="K7MQ4X",
        about="Class bank, class code 482913-3",
        since=OPENED,
        bank_id="class",
        seed=482913,
    )
    shown: list[str] = []

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await _until(pilot, lambda: bool(app.progress.students))
            await pilot.pause()
            shown.append(_screen(app))
            await pilot.press("q")
            await pilot.pause()
            shown.append(_screen(app))
            await pilot.press("y")
            await _until(pilot, lambda: app.return_value is not None)

    asyncio.run(scenario())
    table, confirm = shown
    assert "http://127.0.0.1:8000/" in table and "K7MQ4X" in table
    lines = table.splitlines()
    zoe = next(line for line in lines if "[b]Zoe" in line)
    assert "2 of 3" in zoe and "0/10 0%" in zoe and "0/1" in zoe and "playing" in zoe
    mia = next(line for line in lines if "Mia" in line)
    assert "3 of 3" in mia and "20/30 67%" in mia and "2/3" in mia and "finished" in mia
    assert "Old" not in table and "Ann" not in table
    assert "Hardest so far (0 of 2 right): Which sea does the Danube reach," in table
    assert "Stop the class?" in confirm and "1 student is still playing" in confirm
    assert server.started and server.stopped
    assert app.return_value == (
        "The class has stopped. 2 started, 1 round was unfinished; every answer given is kept."
    )


def test_at_60_by_20_every_column_is_in_view(isolated_folders: dict[str, Path]) -> None:
    _class_saves(isolated_folders["saves"])
    app = TeacherApp(
        FakeServer(isolated_folders["saves"]),  # type: ignore[arg-type]
        address="http://127.0.0.1:8000/",
        join_code="K7MQ4X",
        about="Class bank, class code 482913-3",
        since=OPENED,
        bank_id="class",
        seed=482913,
    )
    shown: list[str] = []

    async def scenario() -> None:
        async with app.run_test(size=(60, 20)) as pilot:
            await _until(pilot, lambda: bool(app.progress.students))
            await pilot.pause()
            console = Console(width=60, height=20, file=io.StringIO(), record=True)
            console.print(app.screen._compositor.render_update(full=True))
            shown.append(console.export_text())

    asyncio.run(scenario())
    lines = shown[0].splitlines()
    assert "Status" in next(line for line in lines if "Student" in line)
    assert "finished" in next(line for line in lines if "Mia" in line)
    assert "playing" in next(line for line in lines if "[b]Zoe" in line)


def _live_view(saves: Path) -> tuple[TeacherApp, FakeServer]:
    server = FakeServer(saves)
    app = TeacherApp(
        server,  # type: ignore[arg-type]
        address="http://127.0.0.1:8000/",
        join_code="K7MQ4X",
        about="Class bank, class code 482913-3",
        since=OPENED,
        bank_id="class",
        seed=482913,
    )
    return app, server


def test_ctrl_c_asks_to_stop_the_class_and_ctrl_c_again_stops_it(
    isolated_folders: dict[str, Path],
) -> None:
    _class_saves(isolated_folders["saves"])
    app, server = _live_view(isolated_folders["saves"])
    shown: list[str] = []

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await _until(pilot, lambda: bool(app.progress.students))
            await pilot.press("ctrl+c")
            await pilot.pause()
            shown.append(_screen(app))
            await pilot.press("ctrl+c")
            await _until(pilot, lambda: app.return_value is not None)

    asyncio.run(scenario())
    assert "Stop the class?" in shown[0] and "1 student is still playing" in shown[0]
    assert server.stopped
    assert app.return_value == (
        "The class has stopped. 2 started, 1 round was unfinished; every answer given is kept."
    )


def test_ctrl_c_then_no_keeps_the_class_open(
    isolated_folders: dict[str, Path],
) -> None:
    _class_saves(isolated_folders["saves"])
    app, server = _live_view(isolated_folders["saves"])
    shown: list[str] = []

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+c")
            await pilot.pause()
            shown.append(_screen(app))
            await pilot.press("n")
            await pilot.pause()
            shown.append(_screen(app))

    asyncio.run(scenario())
    asked, after = shown
    assert "Stop the class?" in asked
    assert "Stop the class?" not in after and "Class is open" in after
    assert not server.stopped and app.return_value is None
