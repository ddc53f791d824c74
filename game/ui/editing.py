"""The App's side of the question editor: opening banks for editing, checking drafts and saving.

Screens never touch disk; they post messages, and these handlers (mixed into QuizApp) do the
reading and writing through `game.banks.writer`, then hand the screens plain objects back.
The editor's modules (and ruamel.yaml) load when a teacher first opens it, not at start-up;
its messages are handled by name for that reason.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from functools import partial
from typing import TYPE_CHECKING

from game.core.figures import sentence

if TYPE_CHECKING:
    from textual.app import App

    from game.banks.writer import BankEditor, SaveOutcome
    from game.core.drafts import BankDetails
    from game.session import Session
    from game.ui.screens.editor import BankEditorScreen, EditedBank
    from game.ui.screens.home import HomeScreen
    from game.ui.screens.question_form import QuestionFormScreen


def edited_bank(editor: BankEditor, questions_dir: os.PathLike[str]) -> EditedBank:
    """What the editor screens show of an open bank."""
    from game.ui.screens.editor import EditedBank

    try:
        shown = os.fspath(editor.path.relative_to(questions_dir))
    except ValueError:
        shown = os.fspath(editor.path)
    return EditedBank(
        bank_id=editor.bank_id,
        file=shown,
        title=editor.details.title,
        description=editor.details.description,
        topics=dict(editor.details.topics),
        questions=editor.questions,
        on_disk=editor.exists,
    )


def outcome_words(outcome: SaveOutcome) -> str:
    """Why a save was refused, in the validator's words when it was the validator."""
    if outcome.error:
        return sentence(outcome.error)
    lines = [f"line {p.line}: {p.message}" for p in outcome.problems[:3]]
    more = len(outcome.problems) - 3
    if more > 0:
        lines.append(f"and {more} more")
    return sentence("The bank would not be valid: " + "; ".join(lines))


if TYPE_CHECKING:
    _AppBase = App[None]  # the type checker sees QuizApp's Textual side
else:
    _AppBase = object


class EditorRoutes(_AppBase):
    """Handlers for the editor's messages; QuizApp inherits them."""

    session: Session
    _editing: BankEditor | None = None

    if TYPE_CHECKING:  # provided by QuizApp and Textual's App

        def _screens_changing(self) -> AbstractContextManager[None]: ...
        def _go_home(self) -> None: ...
        def _refuse_in_class(self) -> bool: ...
        def _home(self) -> HomeScreen | None: ...

    # -- opening -------------------------------------------------------------------------

    def on_home_screen_new_bank_asked(self) -> None:
        """Ask for a new bank's title, description and topics."""
        if self._refuse_in_class():
            return
        from game.core.drafts import BankDetails
        from game.ui.screens.bank_details import BankDetailsScreen

        check = partial(self._check_new_details)
        with self._screens_changing():
            self.push_screen(
                BankDetailsScreen(BankDetails(""), check, new=True), self._new_bank_named
            )

    def _check_new_details(self, details: BankDetails) -> list[str]:
        from game.banks.writer import new_bank

        editor = new_bank(self.session.questions_dir, details)
        return [problem.message for problem in editor.check_details(details)]

    def _new_bank_named(self, details: BankDetails | None) -> None:
        if details is None:
            return
        from game.banks.writer import new_bank

        self._editing = new_bank(self.session.questions_dir, details)
        self._open_editor_screen()

    def on_home_screen_edit_bank_asked(self, message: HomeScreen.EditBankAsked) -> None:
        """Open a bank's questions for editing, unless the file has errors."""
        if self._refuse_in_class():
            return
        from game.banks.library import bank_path
        from game.banks.writer import open_bank

        path = bank_path(self.session.questions_dir, message.bank_id)
        if path is None:
            self.notify(
                f"There is no bank file for {message.bank_id}.", severity="error", markup=False
            )
            return
        editor = open_bank(path, message.bank_id)
        if isinstance(editor, str):
            self.notify(
                editor, title="Cannot edit this bank", severity="error", markup=False, timeout=10
            )
            return
        self._editing = editor
        self._open_editor_screen()

    def _open_editor_screen(self) -> None:
        from game.ui.screens.editor import BankEditorScreen

        assert self._editing is not None
        with self._screens_changing():
            self.push_screen(BankEditorScreen(self._view()))
        if not self._editing.exists:
            self._open_form(None)  # a new bank starts with its first question

    def _view(self) -> EditedBank:
        assert self._editing is not None
        return edited_bank(self._editing, self.session.questions_dir)

    def _editor_screen(self) -> BankEditorScreen | None:
        from game.ui.screens.editor import BankEditorScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, BankEditorScreen):
                return screen
        return None

    # -- the question list ---------------------------------------------------------------

    def on_bank_editor_screen_add_asked(self) -> None:
        """Open the form on a new question."""
        self._open_form(None)

    def on_bank_editor_screen_edit_asked(self, message: BankEditorScreen.EditAsked) -> None:
        """Open the form on one question."""
        self._open_form(message.question_id)

    def _open_form(self, question_id: str | None) -> None:
        from game.ui.screens.question_form import QuestionFormScreen

        editor = self._editing
        if editor is None:
            return
        question = next((q for q in editor.questions if q.id == question_id), None)
        form = QuestionFormScreen(
            editor.details.title,
            editor.details.topics,
            question,
            editor.question_ids,
            partial(editor.check_question, question_id),
        )
        with self._screens_changing():
            self.push_screen(form)

    def on_question_form_screen_save_asked(self, message: QuestionFormScreen.SaveAsked) -> None:
        """Save the form's question; close the form, or tell it why not."""
        from game.ui.screens.question_form import QuestionFormScreen

        editor = self._editing
        if editor is None:
            return
        outcome = editor.save_question(message.original_id, message.question)
        form = self.screen_stack[-1]
        if not outcome.saved:
            if isinstance(form, QuestionFormScreen):
                form.refused(outcome_words(outcome))
            return
        self._editing = outcome.editor
        if isinstance(form, QuestionFormScreen):
            form.dismiss(None)
        self._refresh_editor(message.question.id)
        self.notify(f"Saved to {self._view().file}.", markup=False)

    def on_bank_editor_screen_delete_asked(self, message: BankEditorScreen.DeleteAsked) -> None:
        """Delete a question from the file."""
        editor = self._editing
        if editor is None:
            return
        outcome = editor.delete_question(message.question_id)
        if not outcome.saved:
            self.notify(
                outcome_words(outcome),
                title="Not deleted",
                severity="error",
                markup=False,
                timeout=10,
            )
            return
        self._editing = outcome.editor
        self._refresh_editor()
        self.notify("Deleted.", markup=False)

    def on_bank_editor_screen_details_asked(self) -> None:
        """Open the bank's title, description and topics."""
        from game.ui.screens.bank_details import BankDetailsScreen

        editor = self._editing
        if editor is None:
            return

        def check(details: BankDetails) -> list[str]:
            return [problem.message for problem in editor.check_details(details)]

        with self._screens_changing():
            self.push_screen(BankDetailsScreen(editor.details, check), self._details_given)

    def _details_given(self, details: BankDetails | None) -> None:
        editor = self._editing
        if details is None or editor is None:
            return
        outcome = editor.save_details(details)
        if not outcome.saved:
            self.notify(
                outcome_words(outcome),
                title="Not saved",
                severity="error",
                markup=False,
                timeout=10,
            )
            return
        self._editing = outcome.editor
        self._refresh_editor()
        if editor.exists:
            self.notify(f"Saved to {self._view().file}.", markup=False)

    def _refresh_editor(self, highlight: str | None = None) -> None:
        screen = self._editor_screen()
        if screen is not None and self._editing is not None:
            screen.show(self._view(), highlight)

    def on_bank_editor_screen_closed(self) -> None:
        """Back home, with the library read again (banks may have changed or appeared)."""
        self._editing = None
        self._go_home()
        banks = self.session.scan()
        home = self._home()
        if home is not None and home.is_mounted:
            home.show_banks(banks, self.session.best_percentages())
