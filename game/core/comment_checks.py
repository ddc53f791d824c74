"""Text that YAML silently cuts short: a comment that starts right after an unquoted value.

``prompt: Which is bigger #1 or #2?`` reads as "Which is bigger": a space then ``#`` starts a
comment, and the rest of the line is dropped. A ``#`` followed by a non-space character
(``#1``, ``#tag``) is almost never meant as a comment, so it is warned about at its line and
column; ``- Chlorophyll  # right``, a deliberate comment, stays silent.

The check reads the composed tree (see `tree_checks`) and the file's lines; a node needs
``style`` (empty or None for a plain, unquoted scalar) and an ``end_mark`` (0-based line and
column in characters), as PyYAML's nodes have.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from game.core.model import Problem, Severity
from game.core.tree_checks import show

# After a plain value: white space, then "#" and a character that is not white space.
_CUT_COMMENT = re.compile(r"[ \t]+(#\S.*)")


def comment_warnings(root: Any, lines: Sequence[str], path: str) -> list[Problem]:
    """A warning for each plain text value followed on its line by a comment such as ``#1``."""
    problems: list[Problem] = []
    stack: list[tuple[Any, str]] = [(root, "the value")]
    while stack:
        node, label = stack.pop()
        kind = getattr(node, "id", None)
        if kind == "sequence":
            stack.extend((child, f"an item of {label}") for child in reversed(node.value))
        elif kind == "mapping":
            for key, value in reversed(node.value):
                name = key.value if getattr(key, "id", None) == "scalar" else "a key"
                stack.append((value, str(name)))
        elif kind == "scalar" and not getattr(node, "style", None) and node.value:
            problem = _cut_by_comment(node, label, lines, path)
            if problem is not None:
                problems.append(problem)
    return problems


def _cut_by_comment(node: Any, label: str, lines: Sequence[str], path: str) -> Problem | None:
    end = node.end_mark
    if not 0 <= end.line < len(lines):
        return None
    rest = lines[end.line][end.column :]
    found = _CUT_COMMENT.match(rest)
    if found is None:
        return None
    column = end.column + found.start(1)
    dropped = found.group(1).rstrip("\r\n")
    return Problem(
        path,
        end.line + 1,
        column + 1,
        Severity.WARNING,
        f"{label} reads {show(node.value)}: a space then # starts a comment, so "
        f"{show(dropped)} is dropped; if it belongs to the text, put the whole text in quotes",
    )
