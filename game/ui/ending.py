"""How the game ends on a signal, and how it reads bytes from the terminal that are not UTF-8.

SIGTERM, SIGHUP (the terminal was closed) and SIGINT end the App the ordinary way, so that the
terminal is given back; every answer is already committed when it is shown as taken. Textual's
writer thread can block for ever on a terminal that is gone (or that stopped reading), and the
ordinary way with it: ``game.exit_deadline`` then ends the process outright, ``grace`` seconds
after the signal, whatever the App is doing. Once the App has returned, the process ends at
once (``exit_deadline.end_now``), without the interpreter's shutdown. The handlers are plain
``signal`` handlers, not the event loop's: they run even while the loop is stuck behind that
writer.
"""

from __future__ import annotations

import codecs
import signal
import threading
from collections.abc import Callable
from types import FrameType

from game import exit_deadline

END_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
LENIENT = "quiz-terminal-input"


class SignalEnding:
    """Installs the ending handlers; ``end(return_code)`` is how the App is asked to exit."""

    def __init__(self, end: Callable[[int], None], grace: float | None) -> None:
        self._end = end
        self._grace = grace  # None: no deadline (an App run in-process, by the tests)
        self._previous: dict[int, object] = {}
        self.signalled: int | None = None

    def install(self) -> None:
        """Take over END_SIGNALS (main thread only; elsewhere the signals stay as they are)."""
        if threading.current_thread() is not threading.main_thread():
            return
        for signum in END_SIGNALS:
            self._previous[signum] = signal.signal(signum, self._handle)

    def remove(self) -> None:
        """Give the signals back (a deadline, once armed, stays: the process ends by it)."""
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
        self._previous.clear()

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.signalled is not None:
            return
        self.signalled = signum
        code = 128 + signum
        if self._grace is not None:
            # Never called off, not even when the App has returned: the interpreter's shutdown
            # after it can block too (a flush to a terminal that stopped reading).
            exit_deadline.arm(code, self._grace)
        self._end(code)


def _lenient(error: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8: read as Latin-1 when printable (a Latin-1 terminal's é),
    dropped when they are C1 control bytes (a pasted 0x9b would start an 8-bit escape)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(byte) for byte in bad if byte >= 0xA0), error.end


codecs.register_error(LENIENT, _lenient)


def lenient_terminal_input() -> None:
    """Make Textual's terminal reader decode with ``_lenient`` instead of failing.

    Textual 8's Linux driver decodes its input with a strict UTF-8 decoder: one bad byte
    raised in its input thread and ended the game. The driver looks the decoder factory up
    in its module when the input thread starts, so replacing that name is enough.
    """
    from textual.drivers import linux_driver

    def decoder_factory(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
        factory = codecs.getincrementaldecoder(encoding)
        return lambda: factory(errors=LENIENT)

    linux_driver.getincrementaldecoder = decoder_factory  # type: ignore[assignment]
