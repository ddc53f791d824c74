"""The class server for real: a local port, tabs over textual-serve's websocket protocol,
answers read back from the teacher's save file."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from pathlib import Path

import aiohttp
from serve_kit import Student, choice_bank, classroom_for, running_server

from game.core.classroom import Classroom


def _write_bank(folders: dict[str, Path], text: str, bank_id: str = "class") -> None:
    (folders["questions"] / f"{bank_id}.yaml").write_text(text, encoding="utf-8")


def _answers(folders: dict[str, Path]) -> list[tuple[str, str, str]]:
    if not (folders["saves"] / "quiz.sqlite3").exists():
        return []
    with sqlite3.connect(folders["saves"] / "quiz.sqlite3") as connection:
        return connection.execute(
            "SELECT p.name, a.question_id, a.given FROM answers a "
            "JOIN rounds r ON r.id = a.round_id JOIN players p ON p.id = r.player_id "
            "ORDER BY a.id"
        ).fetchall()


def test_a_student_joins_plays_the_class_round_and_the_answer_is_in_the_teachers_saves(
    isolated_folders: dict[str, Path],
) -> None:
    _write_bank(isolated_folders, choice_bank(3))

    async def scenario() -> None:
        async with (
            running_server(isolated_folders, classroom_for("class", 3)) as server,
            aiohttp.ClientSession() as session,
        ):
            student = Student(session, server.bound_port)
            await student.connect()
            await student.join("abc-123", "Mia [b]")
            await student.wait_for("Question 1 / 3")
            assert "class code 482913-3" in student.text()
            await student.type("1\r")
            await student.wait_for("Question 2 / 3")
            for _ in range(3000):  # the tab's game commits it; wait for the row, never a sleep
                if _answers(isolated_folders):
                    break
                await asyncio.sleep(0.02)
            await student.close()

    asyncio.run(scenario())
    rows = _answers(isolated_folders)
    assert len(rows) == 1
    assert rows[0][0] == "Mia [b]"


def test_the_page_asks_for_nothing_outside_this_server(isolated_folders: dict[str, Path]) -> None:
    _write_bank(isolated_folders, choice_bank(3))

    async def scenario() -> tuple[str, list[int]]:
        async with running_server(isolated_folders, classroom_for("class", 3)) as server:
            base = f"http://127.0.0.1:{server.bound_port}"
            async with aiohttp.ClientSession() as session:
                async with session.get(base + "/") as response:
                    page = await response.text()
                links = re.findall(r'(?:src|href)="([^"]+)"', page)
                statuses = []
                for link in links:
                    async with session.get(base + link) as response:
                        statuses.append(response.status)
                async with session.get(base + "/quiz-static/quiz.css") as response:
                    css = await response.text()
        return page + css, statuses

    page, statuses = asyncio.run(scenario())
    assert "googleapis" not in page
    assert not re.search(r"(?:src|href|url)\(?=?\"?'?(?:https?:)?//", page)
    assert statuses and all(status == 200 for status in statuses)
    assert 'data-session-websocket-url="ws://127.0.0.1:' in page


def test_a_full_class_gets_a_page_saying_so_and_its_websocket_is_refused(
    isolated_folders: dict[str, Path],
) -> None:
    _write_bank(isolated_folders, choice_bank(3))

    async def scenario() -> tuple[int, str, str]:
        async with (
            running_server(isolated_folders, classroom_for("class", 3), max_players=1) as server,
            aiohttp.ClientSession() as session,
        ):
            first = Student(session, server.bound_port)
            await first.connect()
            await first.wait_for("join code")
            async with session.get(f"http://127.0.0.1:{server.bound_port}/") as response:
                status, page = response.status, await response.text()
            second = Student(session, server.bound_port)
            await second.connect()
            await asyncio.wait_for(second.closed.wait(), 30)
            await first.close()
        return status, page, second.close_message

    status, page, close_code = asyncio.run(scenario())
    assert status == 503
    assert "The class is full." in page
    assert "All 1 places are taken" in page
    assert close_code == "1013"


def test_an_idle_tab_is_closed_and_its_answers_are_kept(isolated_folders: dict[str, Path]) -> None:
    _write_bank(isolated_folders, choice_bank(3))

    async def scenario() -> None:
        # 0.2 minutes: twelve seconds without a key (a busy machine may take seconds to draw a
        # screen, and a shorter window closed the tab between the join code and the name)
        async with (
            running_server(isolated_folders, classroom_for("class", 3), idle_minutes=0.2) as server,
            aiohttp.ClientSession() as session,
        ):
            student = Student(session, server.bound_port)
            await student.connect()
            await student.join("ABC123", "Ola")
            await student.wait_for("Question 1 / 3")
            await student.type("1\r")
            await student.wait_for("Question 2 / 3")
            await asyncio.wait_for(student.closed.wait(), 60)
            assert server.tabs_closed_idle == 1
            for _ in range(3000):  # the server lets go of the tab once its game has ended
                if not server.tabs:
                    break
                await asyncio.sleep(0.02)
            assert not server.tabs

    asyncio.run(scenario())
    assert [row[0] for row in _answers(isolated_folders)] == ["Ola"]


def test_broken_and_hostile_messages_are_ignored_and_the_tab_plays_on(
    isolated_folders: dict[str, Path],
) -> None:
    _write_bank(isolated_folders, choice_bank(3))

    async def scenario() -> None:
        async with (
            running_server(isolated_folders, classroom_for("class", 3)) as server,
            aiohttp.ClientSession() as session,
        ):
            student = Student(session, server.bound_port)
            await student.connect()
            await student.wait_for("join code")
            for junk in (
                "not json",
                "[]",
                '{"a": 1}',
                '["stdin"]',
                '["stdin", 5]',
                '["resize", {"width": "x", "height": "y"}]',
                '["resize", "big"]',
                '["nope", 1]',
            ):
                await student.send_raw(junk)
            await student.join("ABC123", "\x1b]52;c;aGk=\x07Zoe")
            await student.wait_for("Question 1 / 3")
            await student.close()

    asyncio.run(scenario())


def test_every_bank_is_offered_when_no_bank_is_named_but_nothing_of_the_teachers(
    isolated_folders: dict[str, Path],
) -> None:
    _write_bank(isolated_folders, choice_bank(3, "First bank"), "first")
    _write_bank(isolated_folders, choice_bank(3, "Second bank"), "second")

    async def scenario() -> str:
        async with (
            running_server(isolated_folders, Classroom(join_code="ABC123")) as server,
            aiohttp.ClientSession() as session,
        ):
            student = Student(session, server.bound_port)
            await student.connect()
            await student.join("ABC123", "Ana")
            await student.wait_for("Second bank")
            await student.wait_for("^q Quit")  # the footer's keys may come a frame later
            text = student.text()
            await student.close()
            return text

    home = asyncio.run(scenario())
    assert "First bank" in home
    footer = next(line for line in home.splitlines() if "^q Quit" in line)
    assert "History" in footer
    assert "Reload" not in footer and "Player" not in footer
    assert "New bank" not in home and "Write" not in home
    assert "(p to switch)" not in home


def test_a_tab_closed_mid_round_gives_the_same_name_the_same_round_again(
    isolated_folders: dict[str, Path],
) -> None:
    _write_bank(isolated_folders, choice_bank(4))

    async def scenario() -> None:
        async with (
            running_server(isolated_folders, classroom_for("class", 4)) as server,
            aiohttp.ClientSession() as session,
        ):
            first = Student(session, server.bound_port)
            await first.connect()
            await first.join("ABC123", "Mia")
            await first.wait_for("Question 1 / 4")
            for number in (2, 3):
                await first.type("1\r")
                await first.wait_for(f"Question {number} / 4")
            for _ in range(3000):  # both answers committed: wait for the rows, never a sleep
                if len(_answers(isolated_folders)) == 2:
                    break
                await asyncio.sleep(0.02)
            await first.close()  # the tab is closed mid-round

            again = Student(session, server.bound_port)
            await again.connect()
            await again.join("ABC123", "Mia")
            await again.wait_for("Question 3 / 4")
            assert "class code 482913-4" in again.text()
            await again.type("1\r")
            await again.wait_for("Question 4 / 4")
            await again.type("1\r")
            await again.wait_for("of 4 right")
            await again.close()

    asyncio.run(scenario())
    rows = _answers(isolated_folders)
    assert [name for name, _, _ in rows] == ["Mia"] * 4
    assert len({question for _, question, _ in rows}) == 4  # each question once
    with sqlite3.connect(isolated_folders["saves"] / "quiz.sqlite3") as connection:
        rounds = connection.execute("SELECT finished_at IS NOT NULL FROM rounds").fetchall()
    assert rounds == [(1,)]  # one round, finished
