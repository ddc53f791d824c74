"""Reading a bank file: bytes to a composed YAML tree with positions, then the format's checks.

This is the only module that parses YAML. It composes nodes (never constructs objects), so no
tag is ever acted on and every scalar keeps the text as written: ``No``, ``1989`` and ``012``
stay text. The C parser (libyaml) is used when PyYAML has it.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import yaml
from yaml.error import MarkedYAMLError
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from game.banks.bank_files import BANK_SUFFIXES as BANK_SUFFIXES
from game.banks.bank_files import MAX_BANK_BYTES as MAX_BANK_BYTES
from game.banks.bank_files import find_bank_files as find_bank_files
from game.banks.bank_files import read_limited as read_limited
from game.banks.file_lines import FileLines
from game.banks.syntax_words import Place, explain
from game.core.comment_checks import comment_warnings
from game.core.model import LoadResult, Problem, Severity
from game.core.tree_checks import (
    IMPLICIT_MAPPING,
    IMPLICIT_SCALAR,
    IMPLICIT_SEQUENCE,
    SourceFileError,
    SourceReader,
    show,
)
from game.core.validate import check_tree
from game.files import os_words

# A bank of 1,000 questions loads in about 0.25 s on a slow machine (tests/perf/bench.py);
# 100,000 took 12 s and 700 MB. Past these, the file is refused before it is built.
MAX_QUESTIONS = 1000
MAX_VALUES = 100_000  # every key, text and list item; a 1,000-question bank has about 25,000
_TOO_BIG = ("a bank holds at most", "the file holds more than")
_ANCHOR_WORDS = "anchors and aliases (&name, *name) are not allowed in a bank"

_IMPLICIT_BY_KIND = {
    ScalarNode: IMPLICIT_SCALAR,
    SequenceNode: IMPLICIT_SEQUENCE,
    MappingNode: IMPLICIT_MAPPING,
}


class _TagMarking:
    """Resolver replacement: every untagged node gets a marker tag; YAML 1.1 types never apply."""

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        """Paths do not matter to this resolver."""

    def ascend_resolver(self) -> None:
        """Paths do not matter to this resolver."""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        """The marker tag for a node of this kind."""
        return _IMPLICIT_BY_KIND[kind]


if getattr(yaml, "__with_libyaml__", False):

    class _Composer(_TagMarking, yaml.cyaml.CParser):  # type: ignore[name-defined]
        """libyaml's parser and composer, with tag marking."""

        def __init__(self, stream: bytes) -> None:
            yaml.cyaml.CParser.__init__(self, stream)  # type: ignore[attr-defined]

else:  # pragma: no cover - exercised only where PyYAML lacks libyaml

    class _Composer(  # type: ignore[no-redef]
        _TagMarking,
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
    ):
        """PyYAML's pure-Python parser and composer, with tag marking."""

        def __init__(self, stream: bytes) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _problem(path: str, line: int, column: int, message: str) -> Problem:
    return Problem(path, line, column, Severity.ERROR, message)


def _encoding_problem(data: bytes, path: str) -> Problem | None:
    """Refuse what is not UTF-8 text: UTF-16/32, NUL bytes, invalid byte sequences."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _problem(path, 1, 1, "the file is UTF-16 text, not UTF-8; save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _line_col(data, nul)
        looks_utf16 = data.count(b"\x00") * 4 > len(data)
        reason = "it looks like UTF-16 text; save it as UTF-8" if looks_utf16 else "remove it"
        return _problem(path, line, column, f"the file holds a NUL byte (\\0); {reason}")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col(data, exc.start)
        return _problem(
            path,
            line,
            column,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read here); "
            "save it as UTF-8",
        )
    return None


def _yaml_problem(exc: yaml.YAMLError, data: bytes, path: str) -> Problem:
    """A parser error as a problem at the place the parser stopped."""
    if isinstance(exc, ReaderError):
        line, column = _line_col(data, exc.position)
        char = exc.character
        code = f"U+{char:04X}" if isinstance(char, int) else f"U+{ord(char):04X}"
        return _problem(
            path, line, column, f"the file holds the control character {code}; remove it"
        )
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "the YAML cannot be read"
        both = f"{exc.context or ''} {problem}"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "nesting depth" in both:
            message = "the file is nested too deeply; a bank never needs more than 5 levels"
        elif "alias" in both or "anchor" in both:
            message = f"{_ANCHOR_WORDS} ({problem}); write the text out in full"
        elif "single document" in both:
            message = "a bank holds one YAML document, but a second one starts here (after ---)"
        else:
            context_mark = exc.context_mark
            words = explain(
                exc.context,
                problem,
                Place(line - 1, column - 1),
                Place(context_mark.line, context_mark.column) if context_mark else None,
                FileLines(data),
            )
            line, column, message = words.line + 1, words.column + 1, words.message
        return _problem(path, line, column, message)
    return _problem(path, 1, 1, f"the YAML cannot be read: {exc}")


def _said_already(problem: Problem, anchors: list[Problem]) -> bool:
    """True when the composer stopped at an anchor or alias (an undefined alias, an anchor
    given twice) that the walk of the events already named at the same place."""
    return problem.message.startswith(_ANCHOR_WORDS) and any(
        (p.line, p.column) == (problem.line, problem.column) for p in anchors
    )


class _Container:
    """A mapping or sequence being walked in the event stream."""

    __slots__ = ("expecting_key", "holds_questions", "is_mapping", "key")

    def __init__(self, is_mapping: bool, holds_questions: bool = False) -> None:
        self.is_mapping = is_mapping
        self.expecting_key = True
        self.key: str | None = None
        self.holds_questions = holds_questions


def _stream_problems(data: bytes, path: str) -> list[Problem]:
    """What the parser's events show before anything is built: every anchor (&a) and alias
    (*a), and a bank too big to load quickly (over MAX_QUESTIONS questions, or over
    MAX_VALUES values in all), which stops the walk at once so a huge file costs little time
    and memory."""
    problems = []
    stack: list[_Container] = []
    questions = values = 0
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    loader = _Composer(data)
    try:
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if kind in ends:
                stack.pop()
                _node_done(stack, None)
                continue
            if kind is not scalar and kind is not alias and kind not in starts:
                continue  # stream and document events
            values += 1
            parent = stack[-1] if stack else None
            if parent is not None and parent.holds_questions:
                questions += 1
            if event.anchor is not None or values > MAX_VALUES or questions > MAX_QUESTIONS:
                problem = _stream_problem(event, path, values, questions)
                problems.append(problem)
                if problem.message.startswith(_TOO_BIG):
                    break
            if kind is scalar:
                _node_done(stack, event.value)
            elif kind is alias:
                _node_done(stack, None)
            else:
                holds_questions = (
                    kind is yaml.SequenceStartEvent
                    and len(stack) == 1
                    and parent is not None
                    and parent.key == "questions"
                    and not parent.expecting_key
                )
                stack.append(_Container(kind is yaml.MappingStartEvent, holds_questions))
    finally:
        loader.dispose()
    return problems


def _stream_problem(event: yaml.NodeEvent, path: str, values: int, questions: int) -> Problem:
    mark = event.start_mark
    where = (path, mark.line + 1, mark.column + 1) if mark is not None else (path, 1, 1)
    if values > MAX_VALUES:
        return _problem(
            *where,
            f"the file holds more than {MAX_VALUES:,} values, far more than a bank "
            f"of {MAX_QUESTIONS:,} questions needs; split it into several banks",
        )
    if questions > MAX_QUESTIONS:
        return _problem(*where, _too_many_message(questions))
    if isinstance(event, yaml.AliasEvent):
        return _problem(
            *where,
            f'the alias "*{event.anchor}" is not allowed: anchors and aliases are '
            "not used in a bank; write the text out in full",
        )
    return _problem(
        *where,
        f'the anchor "&{event.anchor}" is not allowed: anchors and aliases are '
        "not used in a bank; write the text out in full",
    )


def _node_done(stack: list[_Container], scalar: str | None) -> None:
    """A node has ended: in a mapping, a key is followed by its value and a value by a key."""
    if not stack or not stack[-1].is_mapping:
        return
    parent = stack[-1]
    parent.key = scalar if parent.expecting_key else None
    parent.expecting_key = not parent.expecting_key


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: a large load makes many objects and no cycles, and
    the collector's repeated passes over them would otherwise take most of the load's time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class FileSourceReader:
    """Reads a bank's source.file the way the format allows: relative to the bank's own file,
    inside the questions folder (no absolute path, no .. or symlink leading out), a regular
    UTF-8 file under the bank size limit. Remembers what it read (for the library's cache)."""

    def __init__(self, bank_file: Path, questions_dir: Path | None = None) -> None:
        self.bank_file = Path(bank_file)
        # Without a questions folder (a bank checked on its own), the bank's folder is the limit.
        self.boundary = Path(questions_dir if questions_dir is not None else bank_file.parent)
        self.read_files: list[Path] = []

    def __call__(self, written: str) -> str:
        shown = f"source.file {show(written)}"
        if not written.strip():
            raise SourceFileError("source.file is empty: give the article's file name")
        if os.path.isabs(written) or written.startswith(("/", "\\")) or ":" in written[:2]:
            raise SourceFileError(
                f"{shown} is an absolute path; write it relative to the bank's file"
            )
        target = self.bank_file.parent / written
        try:
            resolved = target.resolve()
            boundary = self.boundary.resolve()
        except (OSError, RuntimeError) as error:
            raise SourceFileError(f"{shown} cannot be followed: {error}") from error
        if not resolved.is_relative_to(boundary):
            raise SourceFileError(
                f"{shown} leads outside the questions folder; keep the article beside its bank"
            )
        try:
            info = resolved.stat()
        except FileNotFoundError:
            raise SourceFileError(f"{shown} does not exist (looked for {target})") from None
        except OSError as error:
            raise SourceFileError(f"{shown} cannot be read: {os_words(error)}") from error
        if not stat.S_ISREG(info.st_mode):
            raise SourceFileError(f"{shown} is not a regular file")
        try:
            data = read_limited(resolved)
        except ValueError as error:
            raise SourceFileError(f"{shown}: {error}") from error
        except OSError as error:
            raise SourceFileError(f"{shown} cannot be read: {os_words(error)}") from error
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SourceFileError(f"{shown} is not UTF-8 text; save it as UTF-8") from None
        self.read_files.append(resolved)
        return text


def source_reader_for(bank_file: Path, bank_id: str) -> FileSourceReader:
    """The source.file reader of a library bank: its questions folder is where the bank id
    (``period-3/week-5``) starts."""
    depth = len(bank_id.split("/"))
    parents = Path(bank_file).parents
    folder = parents[depth - 1] if 0 < depth <= len(parents) else Path(bank_file).parent
    return FileSourceReader(Path(bank_file), folder)


def check_bytes(
    data: bytes,
    path: str,
    bank_id: str,
    source_text: str | None = None,
    read_source: SourceReader | None = None,
) -> LoadResult:
    """Check a bank given as bytes; never raises for bad content."""
    with _collector_paused():
        return _check_bytes(data, path, bank_id, source_text, read_source)


def _check_bytes(
    data: bytes,
    path: str,
    bank_id: str,
    source_text: str | None,
    read_source: SourceReader | None = None,
) -> LoadResult:
    if not data.strip():
        return LoadResult(
            path,
            bank_id,
            None,
            (_problem(path, 1, 1, "the file is empty; a bank needs a title and questions"),),
        )
    encoding = _encoding_problem(data, path)
    if encoding is not None:
        return LoadResult(path, bank_id, None, (encoding,))
    # A file that cannot hold too many values is built at once and its questions counted
    # after; one that might is walked first, without building it (see _values_at_most).
    anchors: list[Problem] | None = None
    if _values_at_most(data) <= MAX_VALUES and b"&" not in data and b"*" not in data:
        anchors = []
    else:
        anchors = _stream_problems_safe(data, path)
        if any(p.message.startswith(_TOO_BIG) for p in anchors):
            return LoadResult(path, bank_id, None, tuple(anchors))
    loader = _Composer(data)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        problem = _yaml_problem(exc, data, path)
        said = _said_already(problem, anchors)
        return LoadResult(path, bank_id, None, (*anchors, *([] if said else [problem])))
    except RecursionError:
        return LoadResult(
            path,
            bank_id,
            None,
            (_problem(path, 1, 1, "the file is nested too deeply; a bank never needs it"),),
        )
    finally:
        loader.dispose()
    too_many = _too_many_questions(root, path)
    if too_many is not None:
        return LoadResult(path, bank_id, None, (*anchors, too_many))
    result = check_tree(root, path, bank_id, source_text, read_source, lambda: FileLines(data))
    if b"#" in data:
        cut = comment_warnings(root, FileLines(data), path)
        if cut:
            problems = tuple(sorted((*result.problems, *cut), key=lambda p: (p.line, p.column)))
            result = replace(result, problems=problems)
    if anchors:
        problems = tuple(sorted((*anchors, *result.problems), key=lambda p: (p.line, p.column)))
        return LoadResult(path, bank_id, None, problems, result.question_count, result.title)
    return result


_INDICATORS = (b":", b"-", b",", b"?", b"[", b"{")


def _values_at_most(data: bytes) -> int:
    """More values (nodes) than the YAML in data can hold, counted in C at a byte's cost.

    Every value but the first (the document's) is brought in by an indicator: a block
    mapping's ":" or "?", a block list's "-", a flow collection's "[", "{" or ",", each of
    which brings at most two (a key and its value, or a flow pair's mapping and its key);
    three to each leaves room to spare. (Bytes alone bound nothing useful: "{a, b, c}" holds
    seven values in nine bytes.) Text that merely holds these characters only raises the
    count, so a bank near the limit is walked first, never refused for it.
    """
    return 3 * sum(data.count(mark) for mark in _INDICATORS) + 1


def _too_many_questions(root: object, path: str) -> Problem | None:
    """The question past MAX_QUESTIONS in a built bank, as an error (None when within)."""
    if not isinstance(root, MappingNode):
        return None
    for key, value in root.value:
        if (
            isinstance(key, ScalarNode)
            and key.value == "questions"
            and isinstance(value, SequenceNode)
            and len(value.value) > MAX_QUESTIONS
        ):
            mark = value.value[MAX_QUESTIONS].start_mark
            return _problem(
                path, mark.line + 1, mark.column + 1, _too_many_message(MAX_QUESTIONS + 1)
            )
    return None


def _too_many_message(questions: int) -> str:
    return (
        f"a bank holds at most {MAX_QUESTIONS:,} questions (so that it loads in well "
        f"under a second); this is question {questions:,}: split the bank into several"
    )


def _stream_problems_safe(data: bytes, path: str) -> list[Problem]:
    try:
        return _stream_problems(data, path)
    except yaml.YAMLError:
        return []  # the composer reports the syntax error itself


def bank_id_for(path: Path, questions_dir: Path | None) -> str:
    """The bank id: the path under the questions folder, without extension, with / separators."""
    resolved = path.resolve()
    if questions_dir is not None:
        try:
            relative = resolved.relative_to(questions_dir.resolve())
            return relative.with_suffix("").as_posix()
        except ValueError:
            pass
    return path.stem


def load_bank(
    path: Path,
    bank_id: str | None = None,
    source_text: str | None = None,
    display_path: str | None = None,
    questions_dir: Path | None = None,
) -> LoadResult:
    """Load and check one bank file; problems carry ``display_path`` (default: the path given).

    A ``source.file`` is read relative to the bank, and must stay inside ``questions_dir``
    (without one, inside the bank's own folder)."""
    shown = display_path if display_path is not None else os.fspath(path)
    bank_id = bank_id if bank_id is not None else Path(path).stem
    try:
        data = read_limited(Path(path))
    except ValueError as exc:
        return LoadResult(shown, bank_id, None, (_problem(shown, 1, 1, str(exc)),))
    except OSError as exc:
        return LoadResult(
            shown, bank_id, None, (_problem(shown, 1, 1, f"cannot read the file: {os_words(exc)}"),)
        )
    reader = FileSourceReader(Path(path), questions_dir)
    return check_bytes(data, shown, bank_id, source_text, reader)
