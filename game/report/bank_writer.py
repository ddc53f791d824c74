"""Writing an imported bank as YAML text by hand: every text double-quoted and escaped safely.

No YAML library is used to write: each text becomes a YAML double-quoted scalar, escaped
so that the loader reads back exactly the characters given (JSON-style escapes, which are
valid YAML, plus YAML's own ``\\U`` for characters outside the Basic Multilingual Plane and
escapes for the characters YAML would take as line breaks). Keys come in the order of the
bank format's example.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from game.core.model import Question, QuestionType
from game.core.tree_checks import CONTROL_CHARACTER, MAX_ID_LENGTH

# Characters a YAML reader takes as line breaks or refuses outright, besides the C0 controls.
_YAML_UNSAFE = {"\x85", "\u2028", "\u2029", "\ufeff"}
_SIMPLE_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
_NOT_ID = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class SourceNote:
    """Something about one place in the imported file: a 1-based line and a message, and the
    first line of the question it is about (0: not about one converted question)."""

    line: int
    message: str
    question_line: int = 0


@dataclass(slots=True)
class ImportedBank:
    """What a parser made of a file: questions, topics, and what it skipped or wants checked."""

    format_name: str  # "GIFT" or "Aiken"
    questions: list[Question] = field(default_factory=list)
    topics: dict[str, str] = field(default_factory=dict)  # topic id -> display name
    skipped: list[SourceNote] = field(default_factory=list)
    needs_look: list[SourceNote] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RenderedBank:
    """The YAML text of a bank and, per question, the 1-based lines it spans in that text."""

    text: str
    question_lines: tuple[tuple[int, int], ...]


def _is_yaml_safe(char: str) -> bool:
    """Whether a character can stand as itself inside a YAML double-quoted scalar."""
    if char in _YAML_UNSAFE:
        return False
    category = unicodedata.category(char)
    return category not in ("Cc", "Cs", "Cn") or char in "\t\n"


def yaml_string(text: str) -> str:
    """text as a YAML double-quoted scalar that reads back exactly as text."""
    parts = ['"']
    for char in text:
        if char in _SIMPLE_ESCAPES:
            parts.append(_SIMPLE_ESCAPES[char])
        elif _is_yaml_safe(char):
            parts.append(char)
        elif ord(char) <= 0xFF:
            parts.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            parts.append(f"\\u{ord(char):04x}")
        else:
            parts.append(f"\\U{ord(char):08x}")
    parts.append('"')
    return "".join(parts)


def slug(text: str, limit: int = MAX_ID_LENGTH) -> str:
    """An id-shaped form of text: ascii lower case, digits and dashes, at most limit long."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NOT_ID.sub("-", ascii_text.casefold()).strip("-")
    if len(words) > limit:
        cut = words[:limit]
        # End on a whole word when one ends in the second half of the limit.
        if "-" in cut[limit // 2 :] and words[limit] != "-":
            cut = cut[: cut.rindex("-")]
        words = cut.strip("-")
    return words


class IdMaker:
    """Hands out question ids unique in one bank, made from a title or a prompt."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def make(self, *candidates: str | None) -> str:
        """An unused id from the first candidate that gives one (else "question"), numbered
        -2, -3 ... when taken."""
        base = next((s for s in (slug(c) for c in candidates if c) if s), "question")
        chosen = base
        number = 1
        while chosen in self._taken:
            number += 1
            suffix = f"-{number}"
            chosen = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        self._taken.add(chosen)
        return chosen


def _comment_safe(text: str) -> str:
    """text for a YAML comment line: anything that is not a printable character becomes "?"."""
    return "".join(ch if _is_yaml_safe(ch) and ch not in "\t\n" else "?" for ch in text)


def _list_lines(key: str, values: tuple[str, ...]) -> list[str]:
    return [f"    {key}:", *(f"      - {yaml_string(value)}" for value in values)]


def question_lines(question: Question) -> list[str]:
    """The YAML lines of one question, as an item of the questions list."""
    lines = [f"  - id: {yaml_string(question.id)}", f"    type: {question.type.value}"]
    if question.topic is not None:
        lines.append(f"    topic: {yaml_string(question.topic)}")
    if question.difficulty != 1:
        lines.append(f"    difficulty: {question.difficulty}")
    lines.append(f"    prompt: {yaml_string(question.prompt)}")
    kind = question.type
    if kind is QuestionType.CHOICE:
        lines += _list_lines("choices", question.choices)
        lines.append(f"    answer: {yaml_string(question.answer or '')}")
    elif kind is QuestionType.MULTI:
        lines += _list_lines("choices", question.choices)
        lines += _list_lines("answers", question.answers)
    elif kind is QuestionType.TRUEFALSE:
        lines.append(f"    answer: {'true' if question.truth else 'false'}")
    elif kind is QuestionType.SHORT:
        lines += _list_lines("answers", question.answers)
    elif kind is QuestionType.ORDER:
        lines += _list_lines("items", question.items)
    else:
        lines.append("    pairs:")
        lines += [
            f"      - [{yaml_string(left)}, {yaml_string(right)}]" for left, right in question.pairs
        ]
    lines.append(f"    explanation: {yaml_string(question.explanation)}")
    if question.hint is not None:
        lines.append(f"    hint: {yaml_string(question.hint)}")
    if question.quote is not None:
        lines.append(f"    quote: {yaml_string(question.quote)}")
    return lines


def render_bank(
    title: str,
    questions: list[Question],
    topics: dict[str, str],
    header: list[str],
    description: str | None = None,
) -> RenderedBank:
    """The bank's YAML text: a comment header, then format, title, description, topics and
    questions, in the order of the bank format's example."""
    lines = [f"# {_comment_safe(line)}".rstrip() for line in header]
    lines += ["format: 1", f"title: {yaml_string(title)}"]
    if description is not None:
        lines.append(f"description: {yaml_string(description)}")
    if topics:
        lines.append("topics:")
        lines += [f"  {yaml_string(key)}: {yaml_string(name)}" for key, name in topics.items()]
    lines.append("questions:")
    spans = []
    for question in questions:
        first = len(lines) + 1
        lines += question_lines(question)
        spans.append((first, len(lines)))
    return RenderedBank("\n".join(lines) + "\n", tuple(spans))


def _quoted_list(texts: tuple[str, ...] | list[str]) -> str:
    quoted = [f'"{text}"' for text in texts]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def stated_answer(question: Question) -> str:
    """An explanation that only states the right answer, for a question whose file gives none."""
    kind = question.type
    if kind is QuestionType.CHOICE:
        return f'The right answer is "{question.answer}".'
    if kind is QuestionType.MULTI:
        if len(question.answers) == 1:
            return f'The only right answer is "{question.answers[0]}".'
        return f"The right answers are {_quoted_list(question.answers)}."
    if kind is QuestionType.TRUEFALSE:
        return f"The statement is {'true' if question.truth else 'false'}."
    if kind is QuestionType.SHORT:
        if len(question.answers) == 1:
            return f'The accepted answer is "{question.answers[0]}".'
        return f"The accepted answers are {_quoted_list(question.answers)}."
    if kind is QuestionType.ORDER:
        return f"The right order is {_quoted_list(question.items)}."
    pairs = "; ".join(f'"{left}" goes with "{right}"' for left, right in question.pairs)
    return f"The pairs are: {pairs}."


def list_problem(texts: list[str], what: str, low: int = 2, high: int = 8) -> str | None:
    """Why a list of choices, items or pair sides cannot go into a bank (count, empty, twice)."""
    if not low <= len(texts) <= high:
        plural = "" if len(texts) == 1 else "s"
        return f"{len(texts)} {what}{plural}; the game takes {low} to {high}"
    seen: set[str] = set()
    for text in texts:
        if not text:
            return f"an empty {what}"
        if text in seen:
            return f'the {what} "{text}" is given twice'
        seen.add(text)
    return None


def control_character_problem(question: Question) -> str | None:
    """The first control character in any text of the question (the bank format refuses them)."""
    texts = [
        question.prompt,
        question.explanation,
        *question.choices,
        *question.answers,
        *question.items,
        *(side for pair in question.pairs for side in pair),
        question.answer or "",
    ]
    for text in texts:
        found = CONTROL_CHARACTER.search(text)
        if found:
            return f"the text holds the control character U+{ord(found.group()):04X}"
    return None
