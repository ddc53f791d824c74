"""A process that was told to end (SIGTERM, SIGHUP, SIGINT) ends, whatever it is doing.

After such a signal the game ends the ordinary way: the full-screen App exits and gives the
terminal back, plain mode says a sentence. Every answer is already on disk by then, so the
ordinary way is a courtesy with a deadline. Then ``end_now`` ends the process with standard
output flushed, without the interpreter's shutdown (its exit handlers and last flush): past
its exit handlers Python runs no other thread, so a slow shutdown (a busy machine) or a last
flush stuck on a terminal that stopped reading would outlive the deadline's thread. Two
guards stand behind the ordinary way, and neither can be called off once armed:

- a thread that calls ``os._exit(code)`` after ``grace`` seconds: the exit status says which
  signal ended the game (128 + its number), as a shell reports it;
- the kernel's interval timer, a moment later (``LAST_RESORT`` seconds), with SIGALRM's default
  action (the process is killed), should the interpreter be shutting down all the same.

This module imports nothing of the UI: the Textual app and plain mode both use it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from typing import NoReturn

GRACE = 1.5  # seconds from the signal to os._exit: the App's ordinary exit has this long
LAST_RESORT = 0.3  # seconds after that to the kernel's SIGALRM, if even os._exit did not come


def arm(code: int, grace: float = GRACE) -> None:
    """End the process with ``code`` within ``grace`` seconds, and for sure within
    ``grace + LAST_RESORT``. Call from the main thread (a signal handler runs there)."""
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.setitimer(signal.ITIMER_REAL, grace + LAST_RESORT)
    threading.Thread(
        target=_exit_after, args=(code, grace), name="quiz-deadline", daemon=True
    ).start()


def _exit_after(code: int, grace: float) -> None:
    threading.Event().wait(grace)
    os._exit(code)


def end_now(code: int) -> NoReturn:
    """The ordinary way has ended (the App returned, plain mode said its sentence): end the
    process with ``code`` at once, standard output and error flushed first, without the
    interpreter's shutdown. A flush that blocks leaves the deadline's thread to end it."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)
