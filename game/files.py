"""Writing a file the user named (``quiz export --out``, ``quiz new``): never over an existing
file unless asked, never through a symbolic link, and all at once.

The text goes to a temporary file in the same folder, is synced, and only then takes the
name: a full disk or a stopped process leaves no half-written file, and a name that another
program takes meanwhile is still not overwritten (a hard link refuses a name that exists).
A symbolic link at the name, even one pointing nowhere, counts as an existing file; with
``force`` the link itself is replaced by the new file, its target is never written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

_WORDS = {
    errno.ENOENT: "no such file",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "is a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EEXIST: "already exists",
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the disk is read-only",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "too many symbolic links",
    errno.EMFILE: "too many files are open",
    errno.EADDRINUSE: "the port is in use by another program",
    errno.EADDRNOTAVAIL: "this machine has no such address",
}


def os_words(error: OSError | UnicodeDecodeError) -> str:
    """Why a file could not be read or written, in a few plain words for a message
    (``no such file``, ``permission denied``, ``is a folder``), never Python's own text
    (``[Errno 2] No such file or directory: '/nope.txt'``): the message names the file."""
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text (save it as UTF-8)"
    said = _WORDS.get(error.errno) if error.errno is not None else None
    if said is not None:
        return said
    if error.strerror:
        return error.strerror[:1].lower() + error.strerror[1:]
    return "it could not be done"


class FileRefused(OSError):
    """The name is taken (a file, a folder or a link) and was not to be replaced."""


def _taken(path: Path) -> str | None:
    """What already has this name, in words, or None when the name is free."""
    if not os.path.lexists(path):
        return None
    if path.is_symlink():
        return "is a symbolic link"
    if path.is_dir():
        return "is a folder"
    return "already exists"


def refusal(path: Path) -> str | None:
    """Why writing a new file at path without ``force`` would be refused, or None."""
    taken = _taken(Path(path))
    return None if taken is None else f"{path} {taken}; not overwriting it"


def write_user_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write data to path as a new file, all at once.

    Raises FileRefused when something has that name (any folder; any file or link unless
    ``force``), and OSError when it cannot be written; either way nothing at path changed.
    """
    path = Path(path)
    taken = _taken(path)
    if taken is not None and (not force or taken == "is a folder"):
        raise FileRefused(f"{path} {taken}; not overwriting it")
    folder = path.parent
    handle, temporary_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        if force:
            os.replace(temporary, path)  # replaces a link itself, never what it points to
        else:
            _link_new(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _link_new(temporary: Path, path: Path) -> None:
    """Give temporary's content the name path, failing if the name has been taken meanwhile."""
    try:
        os.link(temporary, path, follow_symlinks=False)
        return
    except FileExistsError:
        raise FileRefused(
            f"{path} {_taken(path) or 'already exists'}; not overwriting it"
        ) from None
    except OSError:
        pass  # a file system without hard links: claim the name exclusively, then fill it
    try:
        claim = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0))
    except FileExistsError:
        raise FileRefused(
            f"{path} {_taken(path) or 'already exists'}; not overwriting it"
        ) from None
    os.close(claim)
    os.replace(temporary, path)


def no_folder_for(path: Path, shown: object = None) -> str | None:
    """In words, a file's folder that does not exist ("no such folder for FILE: FOLDER"); None
    when it does. No command makes a folder for a file unasked. ``shown``: the file as the
    message names it (default: the path)."""
    if path.parent.is_dir():
        return None
    return f"no such folder for {path if shown is None else shown}: {path.parent}"
