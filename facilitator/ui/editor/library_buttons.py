"""Buttons beside a structure's details: edit it, copy it, write questions for it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from facilitator.ui.accessibility import explain


class LibraryButtons(QWidget):
    """Edit, duplicate, revert, and question set buttons for the selected structure."""

    editRequested = Signal()
    duplicateRequested = Signal()
    revertRequested = Signal()
    editQuestionsRequested = Signal()
    newQuestionsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPushButton(self.tr("Edit"))
        self.duplicate = QPushButton(self.tr("Duplicate"))
        self.revert = QPushButton(self.tr("Revert to built-in"))
        self.edit_questions = QPushButton(self.tr("Edit these questions"))
        self.new_questions = QPushButton(self.tr("New question set"))
        for button, description in (
            (self.edit, self.tr("Change this structure in the editor (your own copy)")),
            (self.duplicate, self.tr("Make a copy of this structure to change as you like")),
            (self.revert, self.tr("Throw away your changes and use the built-in version")),
            (self.edit_questions, self.tr("Change the chosen question set in the editor")),
            (self.new_questions, self.tr("Write a question set of your own for this structure")),
        ):
            explain(button, description)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.edit,
            self.duplicate,
            self.revert,
            self.edit_questions,
            self.new_questions,
        ):
            layout.addWidget(button)
        layout.addStretch(1)
        self.edit.clicked.connect(self.editRequested)
        self.duplicate.clicked.connect(self.duplicateRequested)
        self.revert.clicked.connect(self.revertRequested)
        self.edit_questions.clicked.connect(self.editQuestionsRequested)
        self.new_questions.clicked.connect(self.newQuestionsRequested)

    def set_state(self, *, has_structure: bool, can_revert: bool, has_questions: bool) -> None:
        """Enable what makes sense for the selection."""
        self.edit.setEnabled(has_structure)
        self.duplicate.setEnabled(has_structure)
        self.new_questions.setEnabled(has_structure)
        self.revert.setVisible(can_revert)
        self.edit_questions.setEnabled(has_questions)
