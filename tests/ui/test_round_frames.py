"""Every frame a player sees after Enter is whole: the next question's first frame already has
its prompt, its answers and its own footer (never the old "⏎ Next"), and the feedback's first
frame has the verdict and the footer offering Next. Frames are caught as the App hands them
to the terminal (App._display, outside any batch_update)."""

from __future__ import annotations

from round_kit import RoundHarness, make_round, right_keys, run_app, screen_text
from textual.pilot import Pilot


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
