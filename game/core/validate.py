"""The bank format's rules for a whole bank: the top level, the source, topics, the question list.

`check_tree` is the entry point: it takes the tree the loader composed (see `tree_checks`) and
returns the bank, when it has no errors, with every problem found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from game.core.giveaways import GiveAway, clashing_pairs, find_give_aways
from game.core.model import Bank, LoadResult, Problem, Question, QuestionType, Severity, Source
from game.core.question_checks import QuestionReader
from game.core.textmatch import fold_quote
from game.core.tree_checks import (
    DATE_PATTERN,
    IMPLICIT_MAPPING,
    IMPLICIT_SCALAR,
    IMPLICIT_SEQUENCE,
    IMPLICIT_TAGS,
    KIND_WORDS,
    SOURCE_KEYS,
    TOP_KEYS,
    Checker,
    SourceFileError,
    SourceReader,
    TreeNode,
    show,
)

__all__ = [
    "IMPLICIT_MAPPING",
    "IMPLICIT_SCALAR",
    "IMPLICIT_SEQUENCE",
    "IMPLICIT_TAGS",
    "check_tree",
]


def check_tree(
    root: TreeNode | None,
    path: str,
    bank_id: str,
    source_text: str | None = None,
    read_source: SourceReader | None = None,
    read_lines: Callable[[], Sequence[str]] | None = None,
) -> LoadResult:
    """Check a composed bank tree against the format; return the bank (if no errors) and problems.

    ``source_text`` is an article to check quotes against, as ``source.text`` would be;
    ``read_source`` reads a ``source.file`` (without it, a bank naming one is an error);
    ``read_lines`` gives the file's lines, asked for only to name a tag as it was written.
    """
    checker = Checker(path, source_text, read_source, read_lines)
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
            f"found {KIND_WORDS[root.id]}",
        )
        checker.scan_unread(root)
        return LoadResult(path, bank_id, None, tuple(checker.problems))
    builder = BankBuilder(checker, root, bank_id)
    bank = builder.build()
    problems = tuple(sorted(checker.problems, key=lambda p: (p.line, p.column)))
    has_errors = any(p.severity is Severity.ERROR for p in problems)
    return LoadResult(
        path, bank_id, None if has_errors else bank, problems, builder.question_count, builder.title
    )


def _field_words(where: str) -> str:
    """ "choices[2]" -> "choice 3", "pairs[0][1]" -> "pair 1", "prompt" -> "the prompt"."""
    if "[" not in where:
        return f"the {where}"
    name, rest = where.split("[", 1)
    number = int(rest.split("]", 1)[0]) + 1
    singular = {"choices": "choice", "items": "item", "pairs": "pair", "answers": "answer"}
    return f"{singular.get(name, name)} {number}"


class BankBuilder:
    """Reads the top level, the source and each question of one bank."""

    def __init__(self, checker: Checker, root: TreeNode, bank_id: str) -> None:
        self.c = checker
        self.root = root
        self.bank_id = bank_id
        self.question_count = 0
        self.title: str | None = None
        self.topics: dict[str, str] | None = None
        self.names_source = False  # a bank without a source is not expected to quote one

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
        self.names_source = "source" in keys
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
        give_aways = find_give_aways(questions)
        for give_away in give_aways:
            self._warn_give_away(give_away)
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
            clashes=clashing_pairs(give_aways),
        )

    def _warn_give_away(self, found: GiveAway) -> None:
        line, column = found.shown_in.spot(found.where)
        key_line, _ = found.answered.spot(found.key_field)
        kind = {
            QuestionType.SHORT: "an accepted answer",
            QuestionType.MULTI: "a right answer",
        }.get(found.answered.type, "the answer")
        if found.is_own_hint:
            message = (
                f"give-away: the hint of question {show(found.answered.id)} holds its own "
                f"answer {show(found.key)} ({kind} on line {key_line}); reword the hint"
            )
        else:
            message = (
                f"give-away: {_field_words(found.where)} of question {show(found.shown_in.id)} "
                f"holds {show(found.key)}, {kind} of question {show(found.answered.id)} "
                f"on line {key_line}; reword one of them, or a round may show both"
            )
        self.c.problems.append(Problem(self.c.path, line, column, Severity.WARNING, message))

    def _required_text(
        self, keys: dict[str, tuple[TreeNode, TreeNode]], key: str, where: str, owner: TreeNode
    ) -> str | None:
        if key not in keys:
            self.c.error(owner, f"{where} has no {show(key)}; it is required")
            return None
        return self.c.text(keys[key][1], key)

    def _optional_text(self, keys: dict[str, tuple[TreeNode, TreeNode]], key: str) -> str | None:
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
        text = self._optional_text(keys, "text")
        file = self._optional_text(keys, "file")
        if file is not None:
            file_node = keys["file"][1]
            if "text" in keys:
                c.error(file_node, "source names both text and file; give one of them")
            else:
                text = self._source_file(file_node, file)
        return Source(
            title=self._optional_text(keys, "title"),
            publisher=self._optional_text(keys, "publisher"),
            published=published,
            url=self._optional_text(keys, "url"),
            text=text,
            file=file,
        )

    def _source_file(self, node: TreeNode, file: str) -> str | None:
        """The text of source.file, or None with the reason reported at the file: line."""
        if self.c.read_source is None:
            self.c.error(node, f"source.file {show(file)} cannot be read for a bank with no file")
            return None
        try:
            return self.c.read_source(file)
        except SourceFileError as error:
            self.c.error(node, str(error))
            return None

    def _date(self, node: TreeNode, raw: str) -> str | None:
        match = DATE_PATTERN.match(raw.strip())
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
            question = QuestionReader(self, item, ids, prompts, folded_article).read()
            if question is not None:
                questions.append(question)
        return questions
