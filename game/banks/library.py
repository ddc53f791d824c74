"""The library: every bank under the questions folder, summarised, with a cache for quick starts.

The home screen needs each bank's title, question count, topics and first error. Parsing every
bank at every start is the slow part, so summaries are cached in JSON (never pickle) under the
saves folder, keyed by each file's size, times and content hash, and by the code that checked
it: an edited bank, or a changed checker, is checked again (a bank only touched, its content
unchanged, is not).

A warm start reads no bank whose size, modification time, change time and inode are all as
they were when it was checked: the change time (ctime) is set by the system on every write and
cannot be set back, so even an edit that restores the modification time is seen. As in git's
"racy" rule, a file changed within two seconds before it was checked is not trusted by its
stamp (a coarse clock could give a later edit the same one): it is read and hashed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game import __version__
from game.banks.bank_files import BANK_SUFFIXES, find_bank_files, read_limited
from game.core.model import BankSummary, LoadResult

if TYPE_CHECKING:
    from game.banks.loader import FileSourceReader


# The loader (the YAML parser and the format's checks) is imported when a bank must be
# checked, not at start: a start whose banks are all cached never needs it.
def load_bank(*args: Any, **kwargs: Any) -> LoadResult:
    """game.banks.loader.load_bank, imported when first needed."""
    from game.banks.loader import load_bank as load

    return load(*args, **kwargs)


def check_bytes(*args: Any, **kwargs: Any) -> LoadResult:
    """game.banks.loader.check_bytes, imported when first needed."""
    from game.banks.loader import check_bytes as check

    return check(*args, **kwargs)


def _source_reader(path: Path, questions_dir: Path) -> FileSourceReader:
    from game.banks.loader import FileSourceReader

    return FileSourceReader(path, questions_dir)


CACHE_FILE = "library.json"
_CACHE_FORMAT = 3  # 2: content digests are CRC-32; 3: stamps (ctime, inode, when checked)
RACY_NS = 2_000_000_000  # a change this close before its check may share its stamp with a later one


def _now_ns() -> int:
    return time.time_ns()


def _stamp(info: os.stat_result) -> list[int]:
    """What a write to a file always changes: size, modification and change time, inode."""
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def content_digest(data: bytes) -> str:
    """A bank file's content, for telling an edit from a mere touch. CRC-32 (with the size,
    which the cache compares too) catches any edit but one in four billion, at a quarter of
    the time of a cryptographic hash: hashing was most of a warm start."""
    return f"{zlib.crc32(data):08x}"


def _checker_fingerprint() -> str:
    """Changes whenever the code that checks banks changes."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{__version__}/{_CACHE_FORMAT}".encode())
    core = Path(__file__).resolve().parent.parent / "core"
    checkers = (
        "validate.py",
        "tree_checks.py",
        "question_checks.py",
        "textmatch.py",
        "model.py",
        "giveaways.py",
    )
    for module in (Path(__file__).with_name("loader.py"), *(core / name for name in checkers)):
        digest.update(module.read_bytes())
    return digest.hexdigest()


def summarise(result: LoadResult, fallback_title: str) -> BankSummary:
    """A bank's summary from its load result; a broken bank keeps its first error."""
    errors = result.errors
    first_error = f"{errors[0].line}:{errors[0].column}: {errors[0].message}" if errors else None
    bank = result.bank
    return BankSummary(
        bank_id=result.bank_id,
        path=result.path,
        title=bank.title if bank else (result.title or fallback_title),
        question_count=len(bank.questions) if bank else result.question_count,
        topics=dict(bank.topics) if bank else {},
        description=bank.description if bank else None,
        first_error=first_error,
    )


def _summary_to_json(summary: BankSummary) -> dict:
    return {
        "bank_id": summary.bank_id,
        "path": summary.path,
        "title": summary.title,
        "question_count": summary.question_count,
        "topics": summary.topics,
        "description": summary.description,
        "first_error": summary.first_error,
    }


def _summary_from_json(data: dict) -> BankSummary:
    return BankSummary(
        bank_id=str(data["bank_id"]),
        path=str(data["path"]),
        title=str(data["title"]),
        question_count=int(data["question_count"]),
        topics={str(k): str(v) for k, v in dict(data["topics"]).items()},
        description=None if data["description"] is None else str(data["description"]),
        first_error=None if data["first_error"] is None else str(data["first_error"]),
    )


def _source_signature(path: Path) -> list[object]:
    """A source.file as the cache remembers it: where, how big, when last changed."""
    try:
        info = path.stat()
    except OSError:
        return [os.fspath(path), -1, -1]
    return [os.fspath(path), info.st_size, info.st_mtime_ns]


def _sources_unchanged(signatures: object) -> bool:
    if not isinstance(signatures, list):
        return False
    for signature in signatures:
        if not isinstance(signature, list) or len(signature) != 3:
            return False
        if _source_signature(Path(str(signature[0]))) != signature:
            return False
    return True


class _Cache:
    """The JSON cache of summaries; a missing, stale or damaged cache is simply rebuilt."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.file = cache_dir / CACHE_FILE if cache_dir else None
        self.fingerprint = _checker_fingerprint() if cache_dir else ""
        self.entries: dict[str, dict] = {}
        self.changed = False
        if self.file is None:
            return
        try:
            stored = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no cache yet, or a damaged one: every bank is checked again
        if isinstance(stored, dict) and stored.get("checker") == self.fingerprint:
            entries = stored.get("banks")
            if isinstance(entries, dict):
                self.entries = entries

    def trusted(self, key: str, info: os.stat_result) -> BankSummary | None:
        """The cached summary, without reading the file, when its stamp is as it was when it
        was checked and it had not changed just before (see the module's notes)."""
        entry = self.entries.get(key)
        if not isinstance(entry, dict) or entry.get("stamp") != _stamp(info):
            return None
        checked = entry.get("checked_ns")
        if not isinstance(checked, int) or checked - info.st_ctime_ns < RACY_NS:
            return None
        return self._summary(entry)

    def get(self, key: str, size: int, digest: str) -> BankSummary | None:
        """The cached summary when the file's content (its hash) is as cached."""
        entry = self.entries.get(key)
        if not isinstance(entry, dict):
            return None
        if (entry.get("size"), entry.get("hash")) != (size, digest):
            return None
        return self._summary(entry)

    def _summary(self, entry: dict) -> BankSummary | None:
        if not _sources_unchanged(entry.get("sources", [])):
            return None  # the article the quotes were checked against has changed
        try:
            return _summary_from_json(entry["summary"])
        except (KeyError, TypeError, ValueError):
            return None

    def restamp(self, key: str, info: os.stat_result, checked_ns: int) -> None:
        """A file read and found unchanged: remember its stamp as of now, so that it is not
        read again while the stamp stays."""
        entry = self.entries.get(key)
        if isinstance(entry, dict):
            entry["stamp"], entry["checked_ns"] = _stamp(info), checked_ns
            self.changed = True

    def put(
        self,
        key: str,
        info: os.stat_result,
        checked_ns: int,
        digest: str,
        summary: BankSummary,
        sources: list[Path] | None = None,
    ) -> None:
        self.entries[key] = {
            "size": info.st_size,
            "stamp": _stamp(info),
            "checked_ns": checked_ns,
            "hash": digest,
            "summary": _summary_to_json(summary),
            "sources": [_source_signature(path) for path in sources or []],
        }
        self.changed = True

    def save(self, keep: set[str]) -> None:
        if self.file is None:
            return
        if set(self.entries) - keep:
            self.entries = {k: v for k, v in self.entries.items() if k in keep}
            self.changed = True
        if not self.changed:
            return
        payload = json.dumps(
            {"checker": self.fingerprint, "banks": self.entries}, ensure_ascii=False
        )
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, temp_name = tempfile.mkstemp(
                dir=self.file.parent, prefix=".library-", suffix=".tmp"
            )
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(temp_name, self.file)
        except OSError:
            # A saves folder that cannot be written only costs the next start its speed.
            return


def scan_library(questions_dir: Path, cache_dir: Path | None = None) -> list[BankSummary]:
    """A summary of every bank under the questions folder, sorted by bank id."""
    if not questions_dir.is_dir():
        return []
    cache = _Cache(cache_dir)
    summaries: list[BankSummary] = []
    keys: set[str] = set()
    for path in find_bank_files(questions_dir):
        key = path.relative_to(questions_dir).as_posix()
        bank_id = key.rsplit(".", 1)[0]  # the bank id: the path under the folder, no suffix
        keys.add(key)
        shown = os.fspath(path)
        try:
            # the stamp is taken before the read: an edit during the read changes it
            info = path.stat()
            summary = cache.trusted(key, info)
            if summary is not None and summary.path == shown:
                summaries.append(summary)  # not read: its stamp says it is as checked
                continue
            checked_ns = _now_ns()
            data = read_limited(path)
        except (OSError, ValueError):
            loaded = load_bank(path, bank_id, display_path=shown, questions_dir=questions_dir)
            summaries.append(summarise(loaded, bank_id))
            continue
        digest = content_digest(data)
        summary = cache.get(key, info.st_size, digest)
        if summary is not None and summary.path == shown:
            cache.restamp(key, info, checked_ns)  # touched, or just checked: not changed
        else:
            reader = _source_reader(path, questions_dir)
            summary = summarise(check_bytes(data, shown, bank_id, None, reader), bank_id)
            cache.put(key, info, checked_ns, digest, summary, reader.read_files)
        summaries.append(summary)
    cache.save(keys)
    return summaries


def bank_path(questions_dir: Path, bank_id: str) -> Path | None:
    """The file of a bank id under the questions folder, if there is one."""
    if not bank_id or bank_id.startswith("/") or ".." in bank_id.split("/"):
        return None
    for suffix in BANK_SUFFIXES:
        candidate = questions_dir / f"{bank_id}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def load_bank_by_id(questions_dir: Path, bank_id: str) -> LoadResult | None:
    """Load one bank of the library by its id; None when no such bank exists."""
    path = bank_path(questions_dir, bank_id)
    if path is None:
        return None
    return load_bank(path, bank_id, display_path=os.fspath(path), questions_dir=questions_dir)
