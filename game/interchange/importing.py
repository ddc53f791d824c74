"""`quiz import`: read a GIFT or Aiken file, write a bank that validates, say what happened.

The bank is checked with the game's own loader before it is written; a question the loader
would refuse is left out and listed with its line in the imported file, so what is written
always loads. The output file is created only if it does not exist, all at once (written
under a temporary name, then linked into place).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from game.banks.edits import render_bank
from game.banks.loader import check_bytes
from game.core.drafts import BankDetails
from game.core.figures import plural
from game.core.model import LoadResult
from game.files import FileRefused, no_folder_for, os_words, write_user_file
from game.interchange.imported import ImportedBank, SourceNote

FORMAT_NAMES = {"gift": "GIFT", "aiken": "Aiken"}
FORMATS = tuple(FORMAT_NAMES)
MAX_SOURCE_BYTES = 20 * 1024 * 1024
BANK_SUFFIXES = (".yaml", ".yml")
_AIKEN_ANSWER = re.compile(r"^[ \t]*ANSWER[ \t]*:", re.IGNORECASE | re.MULTILINE)
_NO_QUOTE = "has no quote"
_QUOTES_EXPECTED = {
    "gift": "GIFT files have no quotes",
    "aiken": "Aiken files have no quotes",
}


class ImportUsageError(Exception):
    """The command was given something it cannot work with (exit status 2)."""


class ImportFailed(Exception):
    """Nothing could be converted, or the file could not be read (exit status 1)."""

    def __init__(self, message: str, report_lines: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.report_lines = report_lines


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What was converted and written, and the lines that tell the teacher about it."""

    bank: ImportedBank
    validation: LoadResult
    report_lines: tuple[str, ...]


def guess_format(path: Path, text: str) -> tuple[str, str]:
    """The format of a file ("gift" or "aiken") and why it was chosen, in words."""
    if path.suffix.lower() == ".gift":
        return "gift", "its name ends in .gift"
    if _AIKEN_ANSWER.search(text) and "{" not in text:
        return "aiken", "it has ANSWER: lines and no { } answer blocks"
    return "gift", "it is not laid out as Aiken (ANSWER: lines, no { })"


def read_source(path: Path, shown: str) -> str:
    """The text of the file to import (a UTF-8 byte-order mark dropped); raises ImportFailed."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise ImportFailed(f"cannot read {shown}: {os_words(exc)}") from exc
    if len(data) > MAX_SOURCE_BYTES:
        raise ImportFailed(f"{shown} is larger than {MAX_SOURCE_BYTES // 1024 // 1024} MB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFailed(
            f"{shown}:{line}: the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            "save it as UTF-8 and import it again"
        ) from exc


def convert(text: str, format_name: str) -> ImportedBank:
    """The questions of a GIFT or Aiken text."""
    if format_name == "aiken":
        from game.interchange.aiken import read_aiken

        return read_aiken(text)
    from game.interchange.gift import read_gift

    return read_gift(text)


def _header(bank: ImportedBank, source_name: str, out_name: str) -> list[str]:
    return [
        f"Imported from {source_name} ({bank.format_name} format) by quiz import.",
        f"{plural(len(bank.questions), 'question')} converted, {len(bank.skipped)} not converted; "
        f"{plural(len(bank.needs_look), 'note')} for a teacher's look.",
        f"Check it with: quiz validate {out_name}",
    ]


def validated_yaml(
    bank: ImportedBank, title: str, source_name: str, out_shown: str
) -> tuple[str, LoadResult] | None:
    """The bank's YAML text, checked by the loader, and the loader's result; questions it
    refuses move to skipped. None when no question is left."""
    while bank.questions:
        details = BankDetails(title, f"Imported from {source_name}.", dict(bank.topics))
        rendered = render_bank(
            details,
            bank.questions,
            _header(bank, source_name, out_shown),
            with_difficulty=False,
        )
        result = check_bytes(rendered.text.encode("utf-8"), out_shown, Path(out_shown).stem)
        refused: dict[int, str] = {}
        for problem in result.errors:
            index = next(
                (
                    number
                    for number, (first, last) in enumerate(rendered.question_lines)
                    if first <= problem.line <= last
                ),
                None,
            )
            if index is None:
                raise ImportFailed(f"the converted bank does not validate: {problem}")
            refused.setdefault(index, problem.message)
        if not refused:
            return rendered.text, result
        for index, message in refused.items():
            bank.skipped.append(SourceNote(bank.questions[index].line, message))
        kept = set(range(len(bank.questions))) - set(refused)
        bank.questions = [q for number, q in enumerate(bank.questions) if number in kept]
        kept_lines = {q.line for q in bank.questions}
        bank.needs_look = [note for note in bank.needs_look if note.question_line in kept_lines]
    return None


def write_new_file(path: Path, text: str) -> None:
    """Create path holding text, all at once, never over a file or through a link (the one
    helper every command uses, game.files); raises FileExistsError if the name is taken."""
    try:
        write_user_file(path, text.encode("utf-8"))
    except FileRefused as refused:
        raise FileExistsError(str(refused)) from refused


def _type_counts(bank: ImportedBank) -> str:
    counts = Counter(q.type.value for q in bank.questions)
    return ", ".join(f"{count} {kind}" for kind, count in counts.items())


def report_lines(
    bank: ImportedBank, result: LoadResult | None, source_shown: str, format_name: str
) -> list[str]:
    """What the command prints: converted, not converted (with lines), to look at, checks."""
    total = len(bank.questions) + len(bank.skipped)
    lines = [
        f"Converted {len(bank.questions)} of {total} questions"
        + (f": {_type_counts(bank)}." if bank.questions else ".")
    ]
    if bank.topics:
        lines.append(f"Topics from $CATEGORY: {', '.join(bank.topics.values())}.")
    if bank.skipped:
        lines.append(f"Not converted ({len(bank.skipped)}):")
        lines += [
            f"  {source_shown}:{note.line}: skipped: {note.message}"
            for note in sorted(bank.skipped, key=lambda n: n.line)
        ]
    if bank.needs_look:
        lines.append(f"For a teacher's look ({len(bank.needs_look)}):")
        lines += [
            f"  {source_shown}:{note.line}: {note.message}"
            for note in sorted(bank.needs_look, key=lambda n: n.line)
        ]
    if result is None:
        return lines
    no_quote = [w for w in result.warnings if _NO_QUOTE in w.message]
    other = [w for w in result.warnings if _NO_QUOTE not in w.message]
    summary = f"Checked as quiz validate does: {plural(len(result.errors), 'error')}, "
    summary += plural(len(result.warnings), "warning")
    if no_quote:
        summary += (
            f" ({len(no_quote)} for a question with no quote, as expected: "
            f"{_QUOTES_EXPECTED[format_name]})"
        )
    lines.append(summary + ".")
    lines += [f"  {warning}" for warning in other]
    return lines


def import_bank(
    source: Path,
    out: Path,
    format_name: str | None = None,
    source_shown: str | None = None,
    out_shown: str | None = None,
    *,
    title: str | None = None,
) -> ImportOutcome:
    """Convert source to a new bank file out; raises ImportUsageError or ImportFailed."""
    source_shown = source_shown or os.fspath(source)
    if title is not None and not title.strip():
        raise ImportUsageError("--title is empty; give the bank a title, or leave --title out")
    out_shown = out_shown or os.fspath(out)
    if out.suffix.lower() not in BANK_SUFFIXES:
        raise ImportUsageError(f"the bank file to write ends in .yaml or .yml: {out_shown}")
    if not source.is_file():
        raise ImportUsageError(f"no such file: {source_shown}")
    if os.path.lexists(out):  # a link, even one pointing nowhere, is never written through
        raise ImportUsageError(f"{out_shown} already exists; not overwriting it")
    if missing := no_folder_for(out, out_shown):
        raise ImportUsageError(missing)
    text = read_source(source, source_shown)
    lines: list[str] = []
    if format_name is None:
        format_name, why = guess_format(source, text)
        other = "aiken" if format_name == "gift" else "gift"
        lines.append(
            f"Reading {source_shown} as {FORMAT_NAMES[format_name]} ({why}; "
            f"--from {other} reads it as {FORMAT_NAMES[other]}).",
        )
    bank = convert(text, format_name)
    validated = validated_yaml(
        bank, title.strip() if title else source.stem, source.name, out_shown
    )
    lines += report_lines(bank, validated[1] if validated else None, source_shown, format_name)
    if validated is None:
        raise ImportFailed(f"nothing could be converted; {out_shown} not written", tuple(lines))
    try:
        write_new_file(out, validated[0])
    except FileExistsError as exc:
        raise ImportUsageError(f"{out_shown} already exists; not overwriting it") from exc
    except OSError as exc:
        raise ImportFailed(f"cannot write {out_shown}: {os_words(exc)}") from exc
    lines.append(f"Wrote {out_shown}. Check it with: quiz validate {out_shown}")
    return ImportOutcome(bank, validated[1], tuple(lines))
