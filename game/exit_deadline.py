"""A process that was told to end (SIGTERM, SIGHUP, SIGINT) ends, whatever it is doing.

After such a signal the game ends the ordinary way: the full-screen App exits and gives the
terminal back, plain mode says a sentence. Every answer is already on disk by then, so the
ordinary way is a courtesy with a deadline. Two guards stand behind it, and neither can be
called off once armed:

- a thread that calls ``os._exit(code)`` after ``grace`` seconds: the exit status says which
  signal ended the game (128 + its number), as a shell reports it;
- the kernel's interval timer, a moment later (``LAST_RESORT`` seconds), with SIGALRM's default
  action (the process is killed). Python stops running other threads once the interpreter
  starts shutting down, so a shutdown stuck in a write to a terminal that stopped reading
  (flushing standard output) would outlive the thread; it cannot outlive the kernel.

This module imports nothing of the UI: the Textual app and plain mode both use it.
"""

from __future__ import annotations

import os
import signal
import threading

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
