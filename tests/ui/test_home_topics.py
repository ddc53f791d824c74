"""Home: the highlighted bank's topics are counted in view at 80×24 and reached by keyboard
(tab into the About panel, then ↓/end), and Enter there still plays."""

from __future__ import annotations

from pathlib import Path

from shell_kit import bank_yaml, choice_question, make_app, run_with_pilot, screen_text, write_bank
from textual.pilot import Pilot

from game.ui.screens.setup import SetupScreen

TOPICS = {f"t{n}": f"Topic number {n} of the bank" for n in range(1, 9)}
LONG_ABOUT = " ".join(
    f"Sentence {n} of a description long enough to fill the panel." for n in range(8)
)


def topical_bank(questions_dir: Path) -> None:
    questions = [
        choice_question(f"q{n}", f"Question {n}?", f"Right {n}", (f"Wrong {n}",), f"t{n % 8 + 1}")
        for n in range(1, 17)
    ]
    write_bank(questions_dir, "topical", bank_yaml("Topical", questions, TOPICS, LONG_ABOUT))


def test_topics_are_counted_in_view_and_reached_with_tab(folders: dict[str, Path]) -> None:
    topical_bank(folders["questions"])
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.pause(0.2)
        text = screen_text(app)
        assert "16 questions in 8 topics" in text
        assert "Topic number 8" not in text  # below the edge at 80×24 ...
        assert "tab: more ↓" in text  # ... and the panel says how to get there
        await pilot.press("tab")
        await pilot.pause(0.2)
        box = app.screen.query_one("#home-detail-box")
        assert box.has_focus
        assert "↑↓ scroll · tab back" in screen_text(app)
        await pilot.press("end")
        await pilot.pause(0.2)
        text = screen_text(app)
        assert all(name in text for name in TOPICS.values() if "8" in name or "7" in name)
        await pilot.press("enter")  # Enter in the panel plays the bank, as in the list
        for _ in range(100):
            if isinstance(app.screen, SetupScreen):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, SetupScreen)

    run_with_pilot(app, scenario, size=(80, 24))


def test_modes_are_whole_lines_at_60_columns(folders: dict[str, Path]) -> None:
    topical_bank(folders["questions"])
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.pause(0.2)
        lines = screen_text(app).splitlines()
        assert any("enter Quick   t Timed   e Exam   s Practice" in line for line in lines)
        assert any("w Write  ·  n New bank  ·  a Article" in line for line in lines)
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "same round for everyone with a class code, marks at the end" in text

    run_with_pilot(app, scenario, size=(60, 20))


def _about_lines(app: object) -> list[str]:
    """The About panel's lines on screen, between its side borders."""
    lines = []
    for line in screen_text(app).splitlines():
        cells = line.split("│")
        if len(cells) >= 5:  # │ banks │ │ about │
            lines.append(cells[3])
    return lines


def test_a_long_topic_wraps_under_its_words_and_end_shows_the_last_at_60_columns(
    folders: dict[str, Path],
) -> None:
    topical_bank(folders["questions"])
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.pause(0.2)
        await pilot.press("tab", "end")
        await pilot.pause(0.2)
        lines = _about_lines(app)
        bullets = [n for n, line in enumerate(lines[:-1]) if "• Topic number" in line]
        assert len(bullets) >= 2, lines
        for n in bullets:  # each topic is too long for the panel: its words go on below them
            words = lines[n].index("•") + 2
            assert lines[n + 1][:words].isspace() and lines[n + 1][words] != " ", lines
        assert lines[-1].strip() == "bank", lines  # the last topic's last line is in view

    run_with_pilot(app, scenario, size=(60, 20))


def test_the_about_panel_can_be_selected_and_copied_as_drawn(folders: dict[str, Path]) -> None:
    topical_bank(folders["questions"])
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.pause(0.2)
        detail = app.screen.query_one("#home-detail")
        detail.text_select_all()
        await pilot.pause()
        copied = app.screen.get_selected_text() or ""
        assert "16 questions in 8 topics" in copied
        # the topics as the panel draws them at 60 columns: wrapped under their words
        assert " • Topic number 8 of the\n   bank" in copied, copied

    run_with_pilot(app, scenario, size=(60, 20))
