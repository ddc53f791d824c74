"""Why a save file cannot be used, named by its real cause rather than SQLite's words."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path


def why_unusable(path: Path, error: BaseException | None = None) -> str:
    """What really stops a save file at path from being used, in a few plain words.

    SQLite says "disk I/O error" or "unable to open database file" for several causes; the
    file system says which: a folder where the file should be, a file that cannot be read,
    a full disk. ``error`` is what was raised, used when nothing more precise is found.
    """
    try:
        if path.is_dir():
            return "it is a folder, not a file"
        if path.exists() and not path.is_file():
            return "it is not a regular file"
        if path.exists() and not os.access(path, os.R_OK):
            return "permission denied"
    except OSError as failure:
        return (failure.strerror or str(failure)).lower()
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return "the disk is full"
    try:
        space = os.statvfs(path.parent if path.parent.exists() else Path("."))
    except (OSError, AttributeError):
        space = None
    if space is not None and space.f_bavail == 0 and isinstance(error, sqlite3.Error | OSError):
        return "the disk is full"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) if error is not None else "it cannot be opened"
