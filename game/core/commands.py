"""Commands the game tells a teacher to type, written so that they work as shown."""

from __future__ import annotations

import os
import shlex


def validate_command(path: str | os.PathLike[str]) -> str:
    """The command that lists every problem of a bank file, as it can be typed from any
    folder: the file's full path, quoted when it needs to be."""
    return f"quiz validate {shlex.quote(os.path.abspath(path))}"
