"""The bank format's rules, checked over a parsed tree that keeps line and column of every value.

The tree is whatever the YAML parser composed, seen through `TreeNode`: a node has an ``id``
("scalar", "sequence" or "mapping"), a ``tag``, a ``value`` (the scalar's text as written, or a
list of child nodes, or a list of (key, value) node pairs) and a 0-based ``start_mark``. The
loader marks every node without an explicit tag with one of the `IMPLICIT_TAGS`, so any other tag
is one the writer typed, and is an error. Nothing here constructs anything from a tag.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from game.core.model import Bank, LoadResult, Problem, Question, QuestionType, Severity, Source
from game.core.textmatch import fold_quote

IMPLICIT_SCALAR = "?scalar"
IMPLICIT_SEQUENCE = "?sequence"
IMPLICIT_MAPPING = "?mapping"
IMPLICIT_TAGS = frozenset({IMPLICIT_SCALAR, IMPLICIT_SEQUENCE, IMPLICIT_MAPPING})

MAX_DEPTH = 32  # a bank needs 5 levels (bank, questions, question, pairs, pair)
MAX_ID_LENGTH = 64

TOP_KEYS = (
    "format",
    "title",
    "description",
    "language",
    "source",
    "topics",
    "time_limit",
    "questions",
)
SOURCE_KEYS = ("title", "publisher", "published", "url", "text")
COMMON_KEYS = ("id", "type", "prompt", "explanation", "quote", "topic", "difficulty", "hint")
TYPE_KEYS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.CHOICE: ("choices", "answer"),
    QuestionType.MULTI: ("choices", "answers"),
    QuestionType.TRUEFALSE: ("answer",),
    QuestionType.SHORT: ("answers",),
    QuestionType.ORDER: ("items",),
    QuestionType.MATCH: ("pairs",),
}
ALL_TYPE_KEYS = ("choices", "answer", "answers", "items", "pairs")
QUESTION_KEYS = COMMON_KEYS + ALL_TYPE_KEYS

_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_INT_PATTERN = re.compile(r"[+-]?[0-9]+\Z")
_DATE_PATTERN = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # Unicode Cc but \t and \n
_TRUE_WORDS = frozenset({"true", "yes", "on"})
_FALSE_WORDS = frozenset({"false", "no", "off"})
_KIND_WORDS = {"scalar": "a single value", "sequence": "a list", "mapping": "a mapping of keys"}


class Mark(Protocol):
    """A 0-based position in the file."""

    line: int
    column: int


class TreeNode(Protocol):
    """One parsed value with its position (a PyYAML node satisfies this)."""

    id: str
    tag: str
    value: Any
    start_mark: Mark


@dataclass(frozen=True, slots=True)
class _Seen:
    """Where a value was first met, to name it when it comes again."""

    line: int
    text: str


def show(text: str, limit: int = 60) -> str:
    """Quote text for a message: control characters escaped, long text cut."""
    shown = "".join(
        ch if ch in "\t" or unicodedata.category(ch) != "Cc" else f"\\x{ord(ch):02x}" for ch in text
    )
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f'"{shown}"'


def _bad_control(text: str) -> str | None:
    """The first control character (other than newline and tab) in text, if any."""
    found = _CONTROL_CHARACTER.search(text)
    return found.group() if found else None


def _suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


class _Checker:
    """Walks one bank's tree, collecting problems and building the bank."""

    def __init__(self, path: str, source_text: str | None) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.external_source = source_text
        self.visited: set[int] = set()

    # -- reporting ---------------------------------------------------------------------------

    def error(self, node: TreeNode, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.path, mark.line + 1, mark.column + 1, Severity.ERROR, message)
        )

    def warning(self, node: TreeNode, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.path, mark.line + 1, mark.column + 1, Severity.WARNING, message)
        )

    # -- generic checks ----------------------------------------------------------------------

    def scan_unread(self, node: TreeNode) -> None:
        """Check a value the schema does not read: tags and nesting depth, each node once."""
        stack = [(node, 1)]
        too_deep_reported = False
        while stack:
            current, depth = stack.pop()
            if id(current) in self.visited:
                continue
            self.visited.add(id(current))
            self.check_tag(current)
            if depth > MAX_DEPTH and not too_deep_reported:
                self.error(
                    current,
                    f"this value is nested more than {MAX_DEPTH} levels deep; "
                    "a bank never needs more than 5",
                )
                too_deep_reported = True
                continue
            if current.id == "sequence":
                stack.extend((child, depth + 1) for child in current.value)
            elif current.id == "mapping":
                for key, value in current.value:
                    stack.append((key, depth + 1))
                    stack.append((value, depth + 1))

    def check_tag(self, node: TreeNode) -> bool:
        if node.tag in IMPLICIT_TAGS:
            return True
        self.error(
            node,
            f"YAML tags such as {show(node.tag)} are not allowed: nothing is ever built from a "
            "tag; write plain text",
        )
        return False

    def mapping_items(
        self,
        node: TreeNode,
        known: tuple[str, ...],
        where: str,
        other_type_keys: Callable[[str], str | None] | None = None,
    ) -> dict[str, tuple[TreeNode, TreeNode]]:
        """The (key node, value node) of each known key; unknown and duplicate keys reported."""
        found: dict[str, tuple[TreeNode, TreeNode]] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar" or not self.check_tag(key_node):
                if key_node.id != "scalar":
                    self.error(
                        key_node,
                        f"a key in {where} should be a plain word, found {_KIND_WORDS[key_node.id]}",
                    )
                self.scan_unread(key_node)
                self.scan_unread(value_node)
                continue
            key = key_node.value
            if key in found:
                first = found[key][0].start_mark.line + 1
                self.error(
                    key_node, f"duplicate key {show(key)} in {where} (first given on line {first})"
                )
                self.scan_unread(value_node)
                continue
            if key not in known:
                hint = other_type_keys(key) if other_type_keys else None
                if hint:
                    self.error(key_node, hint)
                else:
                    self.error(
                        key_node, f"unknown key {show(key)} in {where}{_suggest(key, known)}"
                    )
                found[key] = (key_node, value_node)  # so a second one is still a duplicate
                self.scan_unread(value_node)
                continue
            found[key] = (key_node, value_node)
        return {k: v for k, v in found.items() if k in known}

    def require_kind(self, node: TreeNode, kind: str, what: str) -> bool:
        if not self.check_tag(node):
            return False
        if node.id != kind:
            self.error(node, f"{what} should be {_KIND_WORDS[kind]}, found {_KIND_WORDS[node.id]}")
            self.scan_unread(node)
            return False
        return True

    def text(self, node: TreeNode, what: str, allow_empty: bool = False) -> str | None:
        """A text value exactly as written, or None after reporting why it is not one."""
        if not self.check_tag(node):
            return None
        if node.id != "scalar":
            self.error(node, f"{what} should be text, found {_KIND_WORDS[node.id]}")
            self.scan_unread(node)
            return None
        value: str = node.value
        bad = _bad_control(value)
        if bad is not None:
            self.error(
                node,
                f"{what} holds the control character U+{ord(bad):04X}, which could drive the "
                "player's terminal; remove it",
            )
            return None
        if not allow_empty and not value.strip():
            self.error(node, f"{what} is empty; write the text")
            return None
        return value

    def integer(self, node: TreeNode, what: str, low: int, high: int) -> int | None:
        if not self.check_tag(node):
            return None
        if node.id != "scalar" or not _INT_PATTERN.match(node.value):
            found = show(node.value) if node.id == "scalar" else _KIND_WORDS[node.id]
            self.error(node, f"{what} should be a whole number from {low} to {high}, found {found}")
            if node.id != "scalar":
                self.scan_unread(node)
            return None
        number = int(node.value)
        if not low <= number <= high:
            self.error(
                node, f"{what} should be a whole number from {low} to {high}, found {number}"
            )
            return None
        return number

    def text_list(
        self, node: TreeNode, what: str, item_word: str
    ) -> list[tuple[TreeNode, str]] | None:
        """A list of texts, duplicates reported at the second occurrence."""
        if not self.require_kind(node, "sequence", what):
            return None
        seen: dict[str, int] = {}
        result: list[tuple[TreeNode, str]] = []
        for child in node.value:
            value = self.text(child, f"each {item_word}")
            if value is None:
                continue
            if value in seen:
                self.error(
                    child, f"duplicate {item_word} {show(value)} (first on line {seen[value]})"
                )
                continue
            seen[value] = child.start_mark.line + 1
            result.append((child, value))
        return result

    def count_in_range(
        self, node: TreeNode, count: int, low: int, high: int, what: str, kind: str
    ) -> None:
        if not low <= count <= high:
            span = f"{low} to {high}" if high < 1000 else f"at least {low}"
            self.error(node, f"a {kind} question needs {span} {what}, found {count}")


def check_tree(
    root: TreeNode | None, path: str, bank_id: str, source_text: str | None = None
) -> LoadResult:
    """Check a composed bank tree against the format; return the bank (if no errors) and problems.

    ``source_text`` is an article to check quotes against, as ``source.text`` would be.
    """
    checker = _Checker(path, source_text)
    if root is None:
        checker.problems.append(
            Problem(
                path, 1, 1, Severity.ERROR, "the file holds no bank (it is empty or only comments)"
            )
        )
        return LoadResult(path, bank_id, None, tuple(checker.problems))
    if not checker.check_tag(root):
        return LoadResult(path, bank_id, None, tuple(checker.problems))
    if root.id != "mapping":
        checker.error(
            root,
            f"the top level should be a mapping of keys (title:, questions:, ...), "
            f"found {_KIND_WORDS[root.id]}",
        )
        checker.scan_unread(root)
        return LoadResult(path, bank_id, None, tuple(checker.problems))
    builder = _BankBuilder(checker, root, bank_id)
    bank = builder.build()
    problems = tuple(sorted(checker.problems, key=lambda p: (p.line, p.column)))
    has_errors = any(p.severity is Severity.ERROR for p in problems)
    return LoadResult(
        path, bank_id, None if has_errors else bank, problems, builder.question_count, builder.title
    )


def _parse_truth(value: str) -> bool | None:
    lowered = value.strip().lower()
    if lowered in _TRUE_WORDS:
        return True
    if lowered in _FALSE_WORDS:
        return False
    return None


class _BankBuilder:
    """Reads the top level, the source and each question of one bank."""

    def __init__(self, checker: _Checker, root: TreeNode, bank_id: str) -> None:
        self.c = checker
        self.root = root
        self.bank_id = bank_id
        self.question_count = 0
        self.title: str | None = None
        self.topics: dict[str, str] | None = None

    def build(self) -> Bank | None:
        c = self.c
        keys = c.mapping_items(self.root, TOP_KEYS, "the bank")
        fmt = 1
        if "format" in keys:
            node = keys["format"][1]
            number = c.integer(node, "format", 1, 1_000_000)
            if number is not None and number != 1:
                c.error(node, f"format {number} is not supported: this game reads format 1")
            fmt = 1
        title = self.title = self._required_text(keys, "title", "the bank", self.root)
        description = self._optional_text(keys, "description")
        language = self._optional_text(keys, "language")
        time_limit = 30
        if "time_limit" in keys:
            time_limit = c.integer(keys["time_limit"][1], "time_limit", 1, 3600) or 30
        source = self._source(keys["source"][1]) if "source" in keys else None
        if "topics" in keys:
            self.topics = self._topics(keys["topics"][1])
        article = (
            c.external_source
            if c.external_source is not None
            else (source.text if source else None)
        )
        questions: list[Question] = []
        if "questions" not in keys:
            c.error(self.root, 'the bank has no "questions" key; add a list of questions')
        else:
            questions = self._questions(keys["questions"][1], article)
        if title is None:
            return None
        return Bank(
            bank_id=self.bank_id,
            path=c.path,
            title=title,
            questions=tuple(questions),
            description=description,
            language=language,
            source=source,
            topics=self.topics or {},
            time_limit=time_limit,
            format=fmt,
        )

    def _required_text(self, keys: dict, key: str, where: str, owner: TreeNode) -> str | None:
        if key not in keys:
            self.c.error(owner, f"{where} has no {show(key)}; it is required")
            return None
        return self.c.text(keys[key][1], key)

    def _optional_text(self, keys: dict, key: str) -> str | None:
        if key not in keys:
            return None
        return self.c.text(keys[key][1], key)

    def _source(self, node: TreeNode) -> Source | None:
        c = self.c
        if not c.require_kind(node, "mapping", "source"):
            return None
        keys = c.mapping_items(node, SOURCE_KEYS, "source")
        published = None
        if "published" in keys:
            value_node = keys["published"][1]
            raw = c.text(value_node, "published")
            if raw is not None:
                published = self._date(value_node, raw)
        return Source(
            title=self._optional_text(keys, "title"),
            publisher=self._optional_text(keys, "publisher"),
            published=published,
            url=self._optional_text(keys, "url"),
            text=self._optional_text(keys, "text"),
        )

    def _date(self, node: TreeNode, raw: str) -> str | None:
        match = _DATE_PATTERN.match(raw.strip())
        if match:
            try:
                date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                match = None
        if not match:
            self.c.error(node, f"published should be a date written YYYY-MM-DD, found {show(raw)}")
            return None
        return raw.strip()

    def _topics(self, node: TreeNode) -> dict[str, str] | None:
        c = self.c
        if not c.require_kind(node, "mapping", "topics"):
            return None
        topics: dict[str, str] = {}
        firsts: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = c.text(key_node, "a topic id")
            if key is None:
                c.scan_unread(value_node)
                continue
            if key in firsts:
                c.error(
                    key_node,
                    f"duplicate key {show(key)} in topics (first given on line {firsts[key]})",
                )
                continue
            firsts[key] = key_node.start_mark.line + 1
            name = c.text(value_node, f"the name of topic {show(key)}")
            topics[key] = name if name is not None else key
        return topics

    def _questions(self, node: TreeNode, article: str | None) -> list[Question]:
        c = self.c
        if not c.require_kind(node, "sequence", "questions"):
            return []
        if not node.value:
            c.error(node, "questions is an empty list; a bank needs at least one question")
            return []
        ids: dict[str, int] = {}
        prompts: dict[str, int] = {}
        folded_article = fold_quote(article) if article is not None else None
        questions: list[Question] = []
        for item in node.value:
            self.question_count += 1
            question = _QuestionReader(self, item, ids, prompts, folded_article).read()
            if question is not None:
                questions.append(question)
        return questions


def _other_type_hint(question_type: QuestionType | None) -> Callable[[str], str | None]:
    def hint(key: str) -> str | None:
        if question_type is None or key not in ALL_TYPE_KEYS:
            return None
        owners = [t.value for t, keys in TYPE_KEYS.items() if key in keys]
        return (
            f"{show(key)} does not belong to a {question_type.value} question "
            f"(it is for {' and '.join(owners)} questions)"
        )

    return hint


class _QuestionReader:
    """Reads one question mapping."""

    def __init__(
        self,
        bank: _BankBuilder,
        node: TreeNode,
        ids: dict[str, int],
        prompts: dict[str, int],
        folded_article: str | None,
    ) -> None:
        self.bank = bank
        self.c = bank.c
        self.node = node
        self.ids = ids
        self.prompts = prompts
        self.folded_article = folded_article

    def read(self) -> Question | None:
        c = self.c
        node = self.node
        if not c.require_kind(node, "mapping", "each question"):
            return None
        question_type = self._peek_type()
        allowed = COMMON_KEYS + (TYPE_KEYS[question_type] if question_type else ALL_TYPE_KEYS)
        keys = c.mapping_items(node, allowed, "a question", _other_type_hint(question_type))
        ok = True

        qid = self._id(keys)
        label = f"question {show(qid)}" if qid else "this question"
        ok &= qid is not None
        if "type" not in keys:
            c.error(
                node, f'{label} has no "type"; say choice, multi, truefalse, short, order or match'
            )
            ok = False
        elif question_type is None:
            ok = False  # reported by _peek_type
        prompt = self._text(keys, "prompt", label)
        explanation = self._text(keys, "explanation", label)
        ok &= prompt is not None and explanation is not None
        quote = hint = topic = None
        if "quote" in keys:
            quote = c.text(keys["quote"][1], "quote")
            if (
                quote is not None
                and self.folded_article is not None
                and fold_quote(quote) not in self.folded_article
            ):
                c.error(keys["quote"][1], f"quote not found in the source text: {show(quote)}")
            ok &= quote is not None
        else:
            c.warning(node, f"{label} has no quote")
        if "hint" in keys:
            hint = c.text(keys["hint"][1], "hint")
            ok &= hint is not None
        if "topic" in keys:
            topic = self._topic(keys["topic"][1])
            ok &= topic is not None
        difficulty = 1
        if "difficulty" in keys:
            level = c.integer(keys["difficulty"][1], "difficulty", 1, 3)
            ok &= level is not None
            difficulty = level or 1
        if prompt is not None:
            first = self.prompts.get(prompt)
            if first is not None:
                c.warning(
                    keys["prompt"][1],
                    f"{label} has the same prompt as the question on line {first}",
                )
            else:
                self.prompts[prompt] = keys["prompt"][1].start_mark.line + 1
        if question_type is None:
            return None
        fields = self._type_fields(question_type, keys, label)
        if fields is None or not ok:
            return None
        return Question(
            id=qid,  # type: ignore[arg-type]
            type=question_type,
            prompt=prompt,  # type: ignore[arg-type]
            explanation=explanation,  # type: ignore[arg-type]
            quote=quote,
            topic=topic,
            difficulty=difficulty,
            hint=hint,
            line=node.start_mark.line + 1,
            **fields,
        )

    def _peek_type(self) -> QuestionType | None:
        for key_node, value_node in self.node.value:
            if key_node.id == "scalar" and key_node.value == "type":
                if value_node.id != "scalar" or value_node.tag not in IMPLICIT_TAGS:
                    return None  # reported as a wrong type when read
                try:
                    return QuestionType(value_node.value)
                except ValueError:
                    names = [t.value for t in QuestionType]
                    self.c.error(
                        value_node,
                        f"unknown question type {show(value_node.value)}; expected one of "
                        f"{', '.join(names)}{_suggest(value_node.value, names)}",
                    )
                    return None
        return None

    def _id(self, keys: dict) -> str | None:
        c = self.c
        if "id" not in keys:
            c.error(
                self.node, 'this question has no "id"; give it a short name such as treaty-year'
            )
            return None
        node = keys["id"][1]
        qid = c.text(node, "id")
        if qid is None:
            return None
        if not _ID_PATTERN.match(qid) or len(qid) > MAX_ID_LENGTH:
            c.error(
                node,
                f"id {show(qid)} is not a valid id: use lowercase letters, digits and hyphens, "
                f"starting with a letter or digit, at most {MAX_ID_LENGTH} characters",
            )
            return None
        first = self.ids.get(qid)
        if first is not None:
            c.error(node, f"duplicate id {show(qid)} (first used on line {first})")
            return None
        self.ids[qid] = node.start_mark.line + 1
        return qid

    def _text(self, keys: dict, key: str, label: str) -> str | None:
        if key not in keys:
            self.c.error(self.node, f"{label} has no {show(key)}; it is required")
            return None
        return self.c.text(keys[key][1], key)

    def _topic(self, node: TreeNode) -> str | None:
        topic = self.c.text(node, "topic")
        topics = self.bank.topics
        if topic is not None and topics is not None and topic not in topics:
            known = ", ".join(topics) or "none"
            self.c.error(
                node,
                f"topic {show(topic)} is not one of the bank's topics ({known}){_suggest(topic, topics)}",
            )
            return None
        return topic

    def _need(
        self, keys: dict, key: str, label: str, kind: QuestionType, what: str
    ) -> TreeNode | None:
        if key not in keys:
            self.c.error(
                self.node, f"{label} has no {show(key)}; a {kind.value} question needs {what}"
            )
            return None
        return keys[key][1]

    def _type_fields(self, kind: QuestionType, keys: dict, label: str) -> dict | None:
        c = self.c
        if kind is QuestionType.CHOICE or kind is QuestionType.MULTI:
            choices_node = self._need(keys, "choices", label, kind, "a list of 2 to 8 choices")
            answer_key = "answer" if kind is QuestionType.CHOICE else "answers"
            wanted = (
                "the text of the right choice"
                if answer_key == "answer"
                else "a list of the right choices"
            )
            answer_node = self._need(keys, answer_key, label, kind, wanted)
            choices = c.text_list(choices_node, "choices", "choice") if choices_node else None
            if choices is not None:
                c.count_in_range(choices_node, len(choices), 2, 8, "choices", kind.value)
            if answer_node is None or choices is None:
                if answer_node is not None:
                    c.scan_unread(answer_node)
                return None
            choice_texts = tuple(text for _, text in choices)
            if kind is QuestionType.CHOICE:
                answer = c.text(answer_node, "answer")
                if answer is None:
                    return None
                if answer not in choice_texts:
                    c.error(
                        answer_node,
                        f"answer {show(answer)} is not one of the choices{_suggest(answer, choice_texts)}",
                    )
                    return None
                return {"choices": choice_texts, "answer": answer}
            answers = c.text_list(answer_node, "answers", "answer")
            if answers is None:
                return None
            good = True
            for child, text in answers:
                if text not in choice_texts:
                    c.error(
                        child,
                        f"answer {show(text)} is not one of the choices{_suggest(text, choice_texts)}",
                    )
                    good = False
            if not answers:
                c.error(
                    answer_node,
                    "a multi question needs at least 1 right answer in answers, found 0",
                )
                good = False
            elif good and len(answers) == len(choice_texts):
                c.warning(
                    answer_node,
                    f"every choice of {label} is a right answer; a player cannot go wrong by picking them all",
                )
            return (
                {"choices": choice_texts, "answers": tuple(t for _, t in answers)} if good else None
            )
        if kind is QuestionType.TRUEFALSE:
            node = self._need(keys, "answer", label, kind, "true or false")
            if node is None or not c.check_tag(node):
                return None
            truth = _parse_truth(node.value) if node.id == "scalar" else None
            if truth is None:
                found = show(node.value) if node.id == "scalar" else _KIND_WORDS[node.id]
                c.error(node, f"a truefalse answer should be true or false, found {found}")
                if node.id != "scalar":
                    c.scan_unread(node)
                return None
            return {"truth": truth}
        if kind is QuestionType.SHORT:
            node = self._need(keys, "answers", label, kind, "a list of accepted answers")
            if node is None:
                return None
            answers = c.text_list(node, "answers", "answer")
            if answers is None:
                return None
            if not answers:
                c.error(node, "a short question needs at least 1 accepted answer, found 0")
                return None
            return {"answers": tuple(t for _, t in answers)}
        if kind is QuestionType.ORDER:
            node = self._need(keys, "items", label, kind, "2 to 8 items in the right order")
            items = c.text_list(node, "items", "item") if node else None
            if items is None:
                return None
            c.count_in_range(node, len(items), 2, 8, "items", kind.value)
            return {"items": tuple(t for _, t in items)} if 2 <= len(items) <= 8 else None
        node = self._need(keys, "pairs", label, kind, "2 to 8 pairs written [left, right]")
        return self._pairs(node) if node is not None else None

    def _pairs(self, node: TreeNode) -> dict | None:
        c = self.c
        if not c.require_kind(node, "sequence", "pairs"):
            return None
        pairs: list[tuple[str, str]] = []
        lefts: dict[str, int] = {}
        rights: dict[str, int] = {}
        good = True
        for pair_node in node.value:
            if not c.check_tag(pair_node):
                good = False
                continue
            if pair_node.id != "sequence" or len(pair_node.value) != 2:
                found = (
                    f"{len(pair_node.value)} items"
                    if pair_node.id == "sequence"
                    else _KIND_WORDS[pair_node.id]
                )
                c.error(
                    pair_node, f"each pair should be a two-item list [left, right], found {found}"
                )
                c.scan_unread(pair_node)
                good = False
                continue
            left_node, right_node = pair_node.value
            left = c.text(left_node, "the left of a pair")
            right = c.text(right_node, "the right of a pair")
            if left is None or right is None:
                good = False
                continue
            for side, text, side_node, seen in (
                ("left", left, left_node, lefts),
                ("right", right, right_node, rights),
            ):
                if text in seen:
                    c.error(
                        side_node,
                        f"duplicate {side} side {show(text)} (first on line {seen[text]})",
                    )
                    good = False
                else:
                    seen[text] = side_node.start_mark.line + 1
            pairs.append((left, right))
        if not 2 <= len(node.value) <= 8:
            c.error(node, f"a match question needs 2 to 8 pairs, found {len(node.value)}")
            good = False
        return {"pairs": tuple(pairs)} if good else None
