"""The one place that writes bank files: a bank open in the question editor, and its saves.

Every save goes the same way: the new text is made by editing only the lines that change
(`game.banks.edits`), checked by the loader's own `check_bytes` exactly as the game will read
it, refused with the validator's problems when it has any error, and written atomically
(`game.banks.atomic`). A bank with errors cannot be opened here: fix it first.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from ruamel.yaml.error import YAMLError

from game.banks.atomic import write_atomic
from game.banks.draft_fields import field_problems
from game.banks.edits import (
    EditError,
    add_question,
    change_details,
    delete_question,
    new_bank_text,
    replace_question,
)
from game.banks.loader import BANK_SUFFIXES, check_bytes, read_limited, source_reader_for
from game.core.drafts import BankDetails, DraftCheck, FieldProblem, slug, unique_id
from game.core.model import Bank, LoadResult, Problem, Question, QuestionType, Severity
from game.files import os_words

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What a save did: the bank as now saved, or why nothing was written."""

    editor: BankEditor | None
    problems: tuple[Problem, ...] = ()
    error: str | None = None

    @property
    def saved(self) -> bool:
        """True when the file was written."""
        return self.editor is not None


@dataclass(frozen=True, slots=True)
class BankEditor:
    """A bank file open for editing: its bytes as read and the bank they hold. A new bank has
    no file yet (``data`` None): it is written when its first question is saved."""

    path: Path
    bank_id: str
    details: BankDetails
    questions: tuple[Question, ...] = ()
    data: bytes | None = None

    @property
    def exists(self) -> bool:
        """True once the bank has a file."""
        return self.data is not None

    @property
    def question_ids(self) -> tuple[str, ...]:
        """Every question id in the bank."""
        return tuple(question.id for question in self.questions)

    # -- making candidates ---------------------------------------------------------------

    def _text(self) -> str:
        assert self.data is not None
        return self.data.removeprefix(BOM).decode("utf-8")

    def _bytes(self, text: str) -> bytes:
        prefix = BOM if self.data is not None and self.data.startswith(BOM) else b""
        return prefix + text.encode("utf-8")

    def _with_question(self, original_id: str | None, draft: Question) -> tuple[str, int]:
        """The whole file's text with the draft in place, and the draft's index in the list."""
        if self.data is None:
            others = tuple(q for q in self.questions if q.id != original_id)
            text = new_bank_text(self.details, (*others, draft))
            return text, len(others)
        if original_id is None:
            return add_question(self._text(), draft)
        old = next((q for q in self.questions if q.id == original_id), None)
        if old is None:
            raise EditError(f'there is no question "{original_id}" in this bank any more')
        return replace_question(self._text(), old, draft)

    def _check(self, text: str) -> LoadResult:
        reader = source_reader_for(self.path, self.bank_id)
        return check_bytes(self._bytes(text), os.fspath(self.path), self.bank_id, None, reader)

    # -- what the form asks --------------------------------------------------------------

    def check_question(self, original_id: str | None, draft: Question) -> DraftCheck:
        """The draft's problems in the validator's words, field by field, and the question as
        the game would load it (None while it has errors)."""
        try:
            text, index = self._with_question(original_id, draft)
        except (EditError, YAMLError) as error:
            return DraftCheck((FieldProblem("", Severity.ERROR, str(error)),))
        result = self._check(text)
        problems = field_problems(result.problems, text, index)
        question = None
        if result.bank is not None and index < len(result.bank.questions):
            question = result.bank.questions[index]
        return DraftCheck(problems, question)

    def save_question(self, original_id: str | None, draft: Question) -> SaveOutcome:
        """Write the draft into the file (added when ``original_id`` is None)."""
        try:
            text, _ = self._with_question(original_id, draft)
        except (EditError, YAMLError) as error:
            return SaveOutcome(None, error=str(error))
        return self._save(text)

    def delete_question(self, question_id: str) -> SaveOutcome:
        """Remove one question from the file."""
        if self.data is None:
            return SaveOutcome(None, error="this bank has no file yet")
        if self.question_ids == (question_id,):
            return SaveOutcome(
                None,
                error="a bank needs at least one question: add another before deleting this one",
            )
        try:
            text = delete_question(self._text(), question_id)
        except (EditError, YAMLError) as error:
            return SaveOutcome(None, error=str(error))
        return self._save(text)

    def save_details(self, details: BankDetails) -> SaveOutcome:
        """Change the title, description and topics (a new bank only remembers them)."""
        if self.data is None:
            return SaveOutcome(replace(self, details=details))
        try:
            text = change_details(self._text(), self.details, details)
        except (EditError, YAMLError) as error:
            return SaveOutcome(None, error=str(error))
        return self._save(text)

    def check_details(self, details: BankDetails) -> tuple[Problem, ...]:
        """The errors the details would bring (a topic still in use, an empty title...)."""
        if self.data is None:
            text = new_bank_text(details, (_SAMPLE,))
        else:
            try:
                text = change_details(self._text(), self.details, details)
            except (EditError, YAMLError) as error:
                return (Problem(os.fspath(self.path), 1, 1, Severity.ERROR, str(error)),)
        return self._check(text).errors

    # -- writing -------------------------------------------------------------------------

    def _save(self, text: str) -> SaveOutcome:
        data = self._bytes(text)
        reader = source_reader_for(self.path, self.bank_id)
        result = check_bytes(data, os.fspath(self.path), self.bank_id, None, reader)
        if result.errors or result.bank is None:
            return SaveOutcome(None, problems=result.errors)
        creating = self.data is None
        if not creating:
            changed = self._changed_on_disk()
            if changed:
                return SaveOutcome(None, error=changed)
        try:
            write_atomic(self.path, data, create=creating)
        except FileExistsError:
            return SaveOutcome(
                None, error=f"{self.path} already exists; the new bank was not written over it"
            )
        except OSError as error:
            return SaveOutcome(None, error=f"could not write {self.path}: {os_words(error)}")
        return SaveOutcome(_editor_for(self.path, self.bank_id, data, result.bank))

    def _changed_on_disk(self) -> str | None:
        """Words for a file changed by someone else since it was opened, or None."""
        try:
            current = read_limited(self.path)
        except ValueError as error:  # too big, in words
            return f"could not read {self.path} again before saving: {error}"
        except OSError as error:
            return f"could not read {self.path} again before saving: {os_words(error)}"
        if current != self.data:
            return (
                f"{self.path} was changed outside the editor since it was opened; "
                "nothing was saved. Go back and open the bank again."
            )
        return None


# A question that is always valid, to check a new bank's details before it has questions.
_SAMPLE = Question("sample", QuestionType.TRUEFALSE, "?", "?", quote="?", truth=True)


def _editor_for(path: Path, bank_id: str, data: bytes, bank: Bank) -> BankEditor:
    details = BankDetails(bank.title, bank.description or "", dict(bank.topics))
    return BankEditor(path, bank_id, details, bank.questions, data)


def open_bank(path: Path, bank_id: str) -> BankEditor | str:
    """The bank ready for editing, or in words why it cannot be edited."""
    try:
        data = read_limited(path)
    except ValueError as error:  # too big, in words
        return f"cannot read {path}: {error}"
    except OSError as error:
        return f"cannot read {path}: {os_words(error)}"
    result = check_bytes(data, os.fspath(path), bank_id, None, source_reader_for(path, bank_id))
    if result.bank is None or result.errors:
        first = result.errors[0] if result.errors else None
        where = f" (line {first.line}: {first.message})" if first else ""
        return (
            f"{path.name} has an error{where}; fix it in a text editor (quiz validate lists "
            "every problem) before editing it here"
        )
    return _editor_for(path, bank_id, data, result.bank)


def new_bank(questions_dir: Path, details: BankDetails) -> BankEditor:
    """A bank not yet written: its file will be the title's slug under the questions folder,
    with -2, -3... when that name is taken."""
    taken = {path.stem for path in questions_dir.glob("*") if path.suffix.lower() in BANK_SUFFIXES}
    bank_id = unique_id(slug(details.title), taken, "bank")
    return BankEditor(questions_dir / f"{bank_id}.yaml", bank_id, details)
