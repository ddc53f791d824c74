"""Every frame a player sees after Enter is whole: the next question's first frame already has
its prompt, its answers and its own footer (never the old "⏎ Next"), and the feedback's first
frame has the verdict and the footer offering Next. Frames are caught as the App hands them
to the terminal (App._display, outside any batch_update)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from round_kit import RoundHarness, make_round, right_keys, run_app, screen_text
from textual.pilot import Pilot

from game.ui.screens.round import AnswerArea, RoundScreen
from game.ui.widgets.answer_base import AnswerWidget


class FrameRecorder(RoundHarness):
    """The harness, keeping the screen's text at every frame drawn while recording."""

    recording = False

    def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if self.recording and renderable is not None and not self._batch_count:
            self.frames.append(screen_text(self))
        super()._display(screen, renderable)


def footer(frame: str) -> str:
    return frame.splitlines()[-1]


async def frames_after(pilot: Pilot, app: FrameRecorder, key: str, done: str) -> list[str]:
    """The frames drawn from pressing key until one shows done (and a few after it), from the
    first that differs from the screen before the key: a frame that only redraws the screen
    as it was (an input's blinking cursor, on a busy machine, before the key is handled) shows
    the player nothing new, staged or not."""
    before = screen_text(app)
    app.frames = []
    app.recording = True
    await pilot.press(key)
    for _ in range(400):
        if any(done in " ".join(frame.split()) for frame in app.frames):
            break
        await pilot.pause(0.02)
    await pilot.pause(0.1)
    app.recording = False
    frames = list(app.frames)
    while frames and frames[0] == before:
        frames.pop(0)
    return frames


def test_enter_on_feedback_draws_the_next_question_whole_in_its_first_frame() -> None:
    played = make_round(count=6, seed=3)
    app = FrameRecorder(played)
    app.frames = []
    prompts = [asked.question.prompt for asked in played.questions]

    async def scenario(pilot: Pilot) -> None:
        await pilot.pause()
        for number in range(len(prompts) - 1):
            asked = app.screen.round_state.current
            await pilot.press(*right_keys(asked)[:-1])  # everything but the Enter
            frames = await frames_after(pilot, app, "enter", "Press Enter")
            assert frames, "the feedback was never drawn"
            for frame in frames:  # the first, and every one after it
                assert "Press Enter" in frame and "Next" in footer(frame), frame
                assert "Submit" not in footer(frame), frame

            following = prompts[number + 1][:30]
            frames = await frames_after(pilot, app, "enter", following)
            assert frames, "the next question was never drawn"
            settled = footer(frames[-1])  # the question's own keys, once all is done
            assert "Next" not in settled and "Leave" in settled
            for frame in frames:
                assert following in " ".join(frame.split()), frame  # the prompt is there
                assert footer(frame) == settled, frame  # its keys from the first frame on
                assert "Press Enter" not in frame, frame  # nothing left of the feedback
                assert f"Question {number + 2} / " in frame, frame

    run_app(app, scenario)


class Catching(RoundHarness):
    """The harness, catching each frame drawn while recording (its text, on one line),
    beside what a test catches itself."""

    recording = False

    def __init__(self, played) -> None:  # type: ignore[no-untyped-def]
        super().__init__(played)
        self.caught: list[str] = []

    def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if self.recording and renderable is not None and not self._batch_count:
            self.caught.append(f"frame: {' '.join(screen_text(self).split())}")
        super()._display(screen, renderable)


async def up_to_the_next_question(
    pilot: Pilot, app: Catching, number: int, ready: Callable[[RoundScreen], bool]
) -> list[str]:
    """Answer question ``number`` right, let the player read until ``ready`` (the next
    question built, say), press Enter, and give what was logged before the first frame that
    shows the next question."""
    screen = app.screen
    assert isinstance(screen, RoundScreen)
    await pilot.press(*right_keys(screen.round_state.current))
    for _ in range(400):  # the player reads: the next question is built meanwhile
        await pilot.pause()  # every message handled: nothing more comes unasked
        if ready(screen):
            break
        await pilot.pause(0.05)
    else:
        raise AssertionError("the player read, and the screen never got ready")
    following = " ".join(app.played.questions[number + 1].question.prompt.split()[:4])
    app.caught.clear()
    app.recording = True
    await pilot.press("enter")
    for _ in range(400):
        if any(following in line for line in app.caught if line.startswith("frame")):
            break
        await pilot.pause(0.02)
    app.recording = False
    first = next(i for i, line in enumerate(app.caught) if line.startswith("frame"))
    assert following in app.caught[first], app.caught[first]  # the first frame is whole
    return app.caught[:first]


def next_built(screen: RoundScreen) -> bool:
    prepared = screen._prepared
    return prepared is not None and prepared[1].is_mounted


def test_the_next_question_is_laid_out_once_before_its_first_frame(monkeypatch) -> None:
    # Each extra arrangement of the whole screen is about a millisecond of the Enter that
    # brings the next question (tests/perf/bench.py times it). They came from Textual's map of
    # the screen marked stale: by the answer area, hidden during the feedback, asking for a
    # repaint as it came back (a match's rows then rebuilt the map during the layout), and by
    # the widgets that went or were built hidden while the feedback was read (rebuilt by the
    # first change at Enter). See game.ui.screen_map; the third cause, timing-dependent, has
    # its own test below. This round of six has every kind of question.
    from textual._compositor import Compositor

    played = make_round(count=6, seed=3)
    app = Catching(played)
    original = Compositor._arrange_root

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        app.caught.append("arrange")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Compositor, "_arrange_root", counting)

    def settled(screen: RoundScreen) -> bool:
        return next_built(screen) and not screen._compositor._full_map_invalidated

    async def scenario(pilot: Pilot) -> None:
        for number in range(len(played.questions) - 1):
            before = await up_to_the_next_question(pilot, app, number, settled)
            assert before == ["arrange"], (number, before)

    run_app(app, scenario)


def test_a_layout_leaves_the_round_screens_map_up_to_date() -> None:
    # Textual marks its map stale when a widget not on screen in the last frame asks for a
    # repaint (a typed answer's line as it takes the keys, on a busy machine before the
    # layout), and the layout that follows built a whole new map but left the mark: the
    # first widget to ask where it is rebuilt it (game.ui.screen_map.KeptMap).
    app = RoundHarness(make_round(count=2, seed=3))

    async def scenario(pilot: Pilot) -> None:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        compositor = screen._compositor
        compositor._full_map_invalidated = True  # as a repaint of a widget new on screen does
        screen._refresh_layout()
        assert not compositor._full_map_invalidated

    run_app(app, scenario)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_the_next_answer_widget_is_arranged_before_enter(monkeypatch, size) -> None:
    # Built hidden while the feedback is read, the next question's answer widget is also
    # arranged then, at each width the answer area may have (with or without the body's
    # scroll bar): up to the first frame after Enter, nothing inside the area is arranged
    # again (game.ui.widgets.stacks.Stack keeps its arrangements while hidden).
    import textual.widget

    played = make_round(count=6, seed=3)
    app = Catching(played)
    real = textual.widget.arrange

    def counting(widget, *args, **kwargs):  # type: ignore[no-untyped-def]
        if app.recording and isinstance(widget, AnswerArea | AnswerWidget):
            app.caught.append(type(widget).__name__)
        return real(widget, *args, **kwargs)

    monkeypatch.setattr(textual.widget, "arrange", counting)

    async def scenario(pilot: Pilot) -> None:
        for number in range(len(played.questions) - 1):
            before = await up_to_the_next_question(pilot, app, number, next_built)
            assert before == [], (number, before)

    run_app(app, scenario, size=size)
