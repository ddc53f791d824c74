"""Writing a bank file all at once: a temporary file beside it, synced, then renamed over it.

A save that fails half-way (a full disk, an error while writing, the process stopped) leaves
the old file as it was, and at worst a temporary ``.name.yaml.*.tmp`` beside it, which the
library never lists (names starting with a dot are skipped) and which is removed when the
failure is seen.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

NEW_FILE_MODE = 0o644


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows opening a folder."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows, or a folder that cannot be opened: the rename is done all the same
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems cannot sync a folder; the data itself is synced already
    finally:
        os.close(handle)


def _mode_for(path: Path, create: bool) -> int:
    if not create:
        with contextlib.suppress(FileNotFoundError):
            return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return NEW_FILE_MODE & ~umask


def write_atomic(path: Path, data: bytes, *, create: bool = False) -> None:
    """Replace ``path`` with ``data`` in one step; with ``create``, never replace an existing file
    (FileExistsError). Raises OSError when the file cannot be written; the old one is then intact.
    """
    folder = path.parent
    if create:
        folder.mkdir(parents=True, exist_ok=True)
        if path.exists():
            raise FileExistsError(f"{path} already exists")
    mode = _mode_for(path, create)
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        if create:
            # A hard link fails when the name is taken, so nothing is overwritten even if
            # another program creates the file meanwhile.
            try:
                os.link(temp, path)
            except FileExistsError:
                raise
            except OSError:
                if path.exists():
                    raise FileExistsError(f"{path} already exists") from None
                os.replace(temp, path)
        else:
            os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    _sync_folder(folder)
