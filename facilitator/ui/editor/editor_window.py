"""The editor's window: the form, the live preview, problems, undo and redo, and Save."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from facilitator.core.documents.doc_paths import unclaimed
from facilitator.core.documents.drafting import sentence
from facilitator.core.files.kinds import DocumentKind
from facilitator.ui.editor.fields import FieldContext
from facilitator.ui.editor.preview_panel import PreviewPanel
from facilitator.ui.editor.question_set_form import QuestionSetForm
from facilitator.ui.editor.structure_form import StructureForm
from facilitator.ui.plain import plain_label
from facilitator.ui.prompts import type_label
from facilitator.ui.style import BANNER_STYLE, PROBLEM_TEXT_STYLE
from facilitator.ui.window_fit import scroller_for

if TYPE_CHECKING:
    from collections.abc import Callable

    from facilitator.models.editing.autosave import DraftKeeper
    from facilitator.models.editing.draft_model import DraftModel
    from facilitator.models.editing.preview_model import PreviewModel
    from facilitator.models.preferences_model import PreferencesModel


class EditorWindow(QMainWindow):
    """Edits one structure or question set; Save is enabled only when there are no problems."""

    closed = Signal()

    def __init__(
        self,
        model: DraftModel,
        preview: PreviewModel,
        keeper: DraftKeeper,
        preferences: PreferencesModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.model = model
        self.preview = preview
        self.close_guard: Callable[[], bool] | None = None
        """Asked before closing; False keeps the window open (set by the controller)."""
        self.context = FieldContext(model, self)
        self.form: QuestionSetForm | StructureForm
        if model.document_type == DocumentKind.QUESTION_SET:
            self.form = QuestionSetForm(self.context)
            self.form.currentQuestionChanged.connect(preview.set_question)
        else:
            self.form = StructureForm(self.context)
        self.preview_panel = PreviewPanel(
            preview, preferences, choose_segment=model.document_type == DocumentKind.STRUCTURE
        )
        self.banner = plain_label(wrap=True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.general_problems = plain_label(wrap=True)
        self.general_problems.setStyleSheet(PROBLEM_TEXT_STYLE)
        self.status = plain_label(wrap=True)

        splitter = QSplitter()
        splitter.addWidget(self.form)
        splitter.addWidget(self.preview_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.general_problems)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        # On a screen too small for the form, it scrolls; the window never outgrows the screen.
        self.setCentralWidget(scroller_for(central))

        self.save_action = QAction(self.tr("&Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.undo_action = model.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.setIconText(self.tr("Undo"))
        self.redo_action = model.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setIconText(self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.close_action = QAction(self.tr("&Close"), self)
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.close_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        toolbar = self.addToolBar(self.tr("Editing"))
        toolbar.setObjectName("editor-toolbar")
        toolbar.addAction(self.save_action)
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)

        model.problemsChanged.connect(self._refresh_state)
        model.dirtyChanged.connect(lambda _dirty: self._refresh_state())
        model.changed.connect(lambda _path: self._refresh_title())
        model.saveFailed.connect(self.show_error)
        model.saved.connect(lambda _path: self.banner.hide())
        keeper.draftFailed.connect(self.show_error)
        self.context.registry.changed.connect(self._refresh_general)
        self.resize(1400, 860)
        self._refresh_state()

    def save(self) -> bool:
        """Save the item; on failure the message shows and the changes stay here."""
        return self.model.save()

    def show_error(self, text: str) -> None:
        """Show a plain message above the form until the next save."""
        self.banner.setText(text)
        self.banner.show()

    def general_problem_lines(self) -> list[str]:
        """The problems that no field on screen shows, one line each."""
        return [
            f"{where}: {sentence(message)}" if where else sentence(message)
            for where, message in unclaimed(self.model.problems, self.context.registry.paths())
        ]

    def _refresh_general(self) -> None:
        lines = self.general_problem_lines()
        self.general_problems.setText("\n".join(lines))
        self.general_problems.setVisible(bool(lines))

    def _refresh_state(self) -> None:
        model = self.model
        self.save_action.setEnabled(model.can_save)
        count = len(model.problems)
        if count:
            self.status.setText(self.tr("%n problem(s) to fix before saving.", "", count))
        elif model.is_dirty:
            self.status.setText(self.tr("Unsaved changes. A draft is kept while you work."))
        else:
            self.status.setText(self.tr("All changes are saved."))
        self._refresh_general()
        self._refresh_title()

    def _refresh_title(self) -> None:
        title = self.tr("{title} — edit {kind}").format(
            title=self.model.display_title(), kind=type_label(self.model.document_type)
        )
        self.setWindowTitle(title + (" *" if self.model.is_dirty else ""))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        event.accept()
        self.closed.emit()
