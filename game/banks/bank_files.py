"""Finding bank files and reading their bytes, safely: no YAML here.

Kept apart from the loader so that a start whose library is all cached (game.banks.library)
lists the banks without importing the YAML parser and the format's checks.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_BANK_BYTES = 20 * 1024 * 1024
BANK_SUFFIXES = (".yaml", ".yml")


def _not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is, in words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    )
    kind = next((words for test, words in kinds if test(mode)), "something else")
    return f"not a regular file but {kind}; a bank is a plain text file"


def read_limited(path: Path) -> bytes:
    """The file's bytes; raises ValueError for a file over the size limit (without reading it
    all) and for anything that is not a regular file, which is never read: a named pipe
    would wait for ever, /dev/zero never ends, a folder has no text."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)  # non-blocking: opening a FIFO returns at once
    try:
        info = os.fstat(descriptor)
    except OSError:
        os.close(descriptor)
        raise
    refused = _not_regular(info.st_mode)
    if refused is not None:
        os.close(descriptor)
        raise ValueError(refused)
    with open(descriptor, "rb") as handle:
        if info.st_size > MAX_BANK_BYTES:
            raise ValueError(_too_large(info.st_size))
        # Read what the file holds, not the limit: read(n) sets n bytes aside first.
        data = handle.read(info.st_size + 1)
        if len(data) > info.st_size:  # it grew meanwhile: read on, up to the limit
            data += handle.read(MAX_BANK_BYTES + 1 - len(data))
    if len(data) > MAX_BANK_BYTES:
        raise ValueError(_too_large(len(data)))
    return data


def _too_large(size: int) -> str:
    return (
        f"the file is {size / 1024 / 1024:.1f} MB; a bank may be at most "
        f"{MAX_BANK_BYTES // 1024 // 1024} MB (split it into several banks)"
    )


def find_bank_files(folder: Path) -> list[Path]:
    """Every *.yaml and *.yml under a folder, recursively, in a stable order: regular files,
    and also whatever else has such a name (a folder, a named pipe, a link to a device), so
    that it is reported as not a regular file rather than skipped in silence."""
    found = [
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in BANK_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())
