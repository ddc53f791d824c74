"""Plain mode's terminal: lines in, lines out. No cursor movement, no colour, no redraw.

Output is wrapped at the terminal's width at word boundaries and made safe (control characters
from a bank or a save file written out as ``\\x1b``), so a screen reader or a log reads it
as it was meant. Input is one line at a time; a timed question waits with a deadline and
says the time left at 10 s and 5 s.
"""

from __future__ import annotations

import os
import select
import shutil
import sys
import textwrap
import time
from collections.abc import Callable
from typing import Protocol, TextIO

from game.core.safe_text import several_lines

ANNOUNCE_AT = (10, 5)  # seconds left that a timed question says aloud


class EndOfInput(Exception):
    """The input ended (a pipe ran out, or ctrl+d)."""


class TimedOut(Exception):
    """A timed question's deadline passed with no answer."""


class LineInput(Protocol):
    """Where answers come from."""

    def read_line(self, deadline: float | None, announce: Callable[[int], None]) -> str:
        """The next line without its newline; raises EndOfInput, or TimedOut once the
        monotonic ``deadline`` passes (calling ``announce(seconds_left)`` on the way)."""
        ...


class StreamInput:
    """Lines from a file (standard input: a terminal or a pipe). Bytes that are not UTF-8 (a
    Latin-1 terminal's é) are replaced, never fatal."""

    def __init__(
        self,
        stream: TextIO,
        clock: Callable[[], float] = time.monotonic,
        wait: Callable[[int, float], bool] | None = None,
    ) -> None:
        self.stream = stream
        self.clock = clock
        self.wait = wait or wait_readable  # tests pass a wait that moves a fake clock
        self._buffer = b""
        self._ended = False
        try:
            self._fd: int | None = stream.fileno()
        except (AttributeError, OSError, ValueError):
            self._fd = None  # a text stream (tests): read it line by line

    def read_line(self, deadline: float | None, announce: Callable[[int], None]) -> str:
        if self._fd is None:
            line = self.stream.readline()
            if not line:
                raise EndOfInput
            return line.rstrip("\r\n")
        while b"\n" not in self._buffer:
            if self._ended:
                if not self._buffer:
                    raise EndOfInput
                break
            if deadline is not None:
                self._wait_until_ready(deadline, announce)
            chunk = os.read(self._fd, 4096)
            if not chunk:
                self._ended = True
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\n")
        return raw.decode("utf-8", "replace").rstrip("\r")

    def _wait_until_ready(self, deadline: float, announce: Callable[[int], None]) -> None:
        assert self._fd is not None
        pending = [mark for mark in ANNOUNCE_AT if deadline - self.clock() > mark]
        while True:
            left = deadline - self.clock()
            if left <= 0:
                raise TimedOut
            next_mark = max(pending, default=0)
            if self.wait(self._fd, max(left - next_mark, 0)):
                return
            if pending and deadline - self.clock() <= next_mark:
                pending.remove(next_mark)
                announce(next_mark)


def wait_readable(fd: int, seconds: float) -> bool:
    """Wait up to ``seconds`` for ``fd`` to have something to read; True when it has."""
    ready, _, _ = select.select([fd], [], [], seconds)
    return bool(ready)


class Printer:
    """Lines out, wrapped at the width, each text made safe first."""

    def __init__(self, out: TextIO, width: int | None = None) -> None:
        self.out = out
        self.width = width or terminal_width(out)

    def say(self, text: str = "", indent: str = "", hang: int = 0) -> None:
        """Print text (several lines allowed), wrapped at word boundaries; lines after the
        first of a paragraph are indented ``hang`` more (under a list item's text)."""
        for line in several_lines(text).split("\n"):
            wrapped = textwrap.wrap(
                line,
                self.width,
                initial_indent=indent,
                subsequent_indent=indent + " " * hang,
                break_long_words=False,
                break_on_hyphens=False,
            )
            self.out.write("\n".join(wrapped or [""]) + "\n")
        self.out.flush()

    def ask(self, text: str) -> None:
        """A prompt for the next line (on a line of its own, for screen readers)."""
        self.say(text)


def terminal_width(out: TextIO) -> int:
    """The terminal's width (80 when it cannot be told, as for a pipe), at most 100."""
    try:
        if out.isatty():
            return max(20, min(os.get_terminal_size(out.fileno()).columns, 100))
    except (AttributeError, OSError, ValueError):
        pass
    return min(shutil.get_terminal_size((80, 24)).columns, 100) if out is sys.stdout else 80
