"""The questions the app asks (save?, replace?, which file?) behind one small interface.

Controllers ask through `Prompts`; tests hand them a scripted subclass, so no
test ever waits on a modal dialog. Every text shown is plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.files.guarded import Conflict
from facilitator.core.files.kinds import DocumentKind
from facilitator.ui.plain import plain_label, plain_message

if TYPE_CHECKING:
    from collections.abc import Sequence

translate = QCoreApplication.translate
"""Qt's translate(context, text), spelled so that pyside6-lupdate finds every call."""


def _json_filter() -> str:
    return translate("Prompts", "Facilitator files (*.json)")


class Choice(StrEnum):
    """An answer to one of the questions."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"
    RESTORE = "restore"
    LATER = "later"
    RENAME = "rename"
    REPLACE = "replace"


@dataclass(frozen=True)
class ItemChoice:
    """One document to pick: its type name, id and how it is shown."""

    type_name: str
    item_id: str
    label: str


def type_label(type_name: str) -> str:
    """What a document type is called in the interface: "structure", "question set", "plan"."""
    labels: dict[str, str] = {
        DocumentKind.STRUCTURE: translate("Prompts", "structure"),
        DocumentKind.QUESTION_SET: translate("Prompts", "question set"),
        DocumentKind.PLAN: translate("Prompts", "plan"),
    }
    return labels.get(type_name, type_name)


class Prompts:
    """Asks with real dialogs (tests override every method)."""

    def unsaved_changes(self, parent: QWidget | None, title: str) -> Choice:
        """Save, discard or keep editing before closing."""
        box = plain_message(
            parent,
            QMessageBox.Icon.Question,
            translate("Prompts", "Unsaved changes"),
            translate("Prompts", "Save your changes to \u201c{title}\u201d?").format(title=title),
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return Choice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return Choice.DISCARD
        return Choice.CANCEL

    def restore_draft(self, parent: QWidget | None, title: str, when: str) -> Choice:
        """Restore or discard a draft found after a crash (or decide later)."""
        box = plain_message(
            parent,
            QMessageBox.Icon.Question,
            translate("Prompts", "Unsaved changes"),
            translate(
                "Prompts", "You have unsaved changes to \u201c{title}\u201d from {when}."
            ).format(title=title, when=when),
        )
        restore = box.addButton(translate("Prompts", "Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            translate("Prompts", "Discard"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(translate("Prompts", "Later"), QMessageBox.ButtonRole.RejectRole)
        box.removeButton(box.button(QMessageBox.StandardButton.Ok))
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        if clicked is restore:
            return Choice.RESTORE
        if clicked is discard:
            return Choice.DISCARD
        return Choice.LATER

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        """Yes or no to something that cannot simply be undone."""
        box = plain_message(parent, QMessageBox.Icon.Warning, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is go

    def changed_on_disk(self, parent: QWidget | None, name: str) -> Conflict:
        """Another window saved this file meanwhile: keep theirs, keep mine as a copy, overwrite."""
        box = plain_message(
            parent,
            QMessageBox.Icon.Warning,
            translate("Prompts", "Changed by another window"),
            translate(
                "Prompts",
                "{name} was changed by another window since you opened it here. Keep their "
                "version, keep yours as a copy beside it, or overwrite theirs with yours?",
            ).format(name=name),
        )
        answers: dict[object, Conflict] = {
            box.addButton(
                translate("Prompts", "Keep theirs"), QMessageBox.ButtonRole.RejectRole
            ): Conflict.KEEP_THEIRS,
            box.addButton(
                translate("Prompts", "Keep mine as a copy"), QMessageBox.ButtonRole.AcceptRole
            ): Conflict.KEEP_MINE_AS_COPY,
            box.addButton(
                translate("Prompts", "Overwrite"), QMessageBox.ButtonRole.DestructiveRole
            ): Conflict.OVERWRITE,
        }
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return answers.get(box.clickedButton(), Conflict.CANCEL)

    def id_clash(self, parent: QWidget | None, text: str, suggestion: str) -> tuple[Choice, str]:
        """Rename (with the id typed), replace, or cancel an import whose id is taken."""
        dialog = IdClashDialog(text, suggestion, parent)
        dialog.exec()
        return dialog.choice, dialog.new_id.text().strip()

    def show_problems(
        self, parent: QWidget | None, title: str, intro: str, lines: Sequence[str]
    ) -> None:
        """List problems in plain words, one per line."""
        ProblemsDialog(title, intro, lines, parent).exec()

    def review_session(
        self, parent: QWidget | None, title: str, text: str, log: Sequence[str]
    ) -> Choice:
        """Look back at a session that cannot be resumed: discard it, or keep it for later."""
        dialog = SessionLogDialog(title, text, log, parent)
        dialog.exec()
        return dialog.choice

    def show_error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell about something that went wrong."""
        plain_message(parent, QMessageBox.Icon.Warning, title, text).exec()

    def show_info(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell about something that went well."""
        plain_message(parent, QMessageBox.Icon.Information, title, text).exec()

    def open_files(self, parent: QWidget | None, folder: str) -> list[Path]:
        """Files to import."""
        names, _filter = QFileDialog.getOpenFileNames(
            parent, translate("Prompts", "Import"), folder, _json_filter()
        )
        return [Path(name) for name in names]

    def save_file(self, parent: QWidget | None, suggested: Path) -> Path | None:
        """Where to export to."""
        name, _filter = QFileDialog.getSaveFileName(
            parent, translate("Prompts", "Export"), str(suggested), _json_filter()
        )
        return Path(name) if name else None

    def choose_item(
        self,
        parent: QWidget | None,
        title: str,
        choices: Sequence[ItemChoice],
        current: ItemChoice | None,
    ) -> ItemChoice | None:
        """One document from a list, or None."""
        dialog = ItemChooser(title, choices, current, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()


class ProblemsDialog(QDialog):
    """Every problem of a file, one per line, selectable to copy."""

    def __init__(
        self, title: str, intro: str, lines: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.lines = QListWidget()
        for line in lines:
            self.lines.addItem(QListWidgetItem(line))
        self.lines.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(intro, wrap=True))
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 360)


class SessionLogDialog(ProblemsDialog):
    """A session's log, line by line, with the choice to discard it or keep it for later."""

    def __init__(
        self, title: str, text: str, log: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(title, text, log, parent)
        self.choice = Choice.LATER
        keep = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        keep.setText(self.tr("Keep for later"))
        discard = QPushButton(self.tr("Discard"))
        self.buttons.addButton(discard, QDialogButtonBox.ButtonRole.DestructiveRole)
        discard.clicked.connect(self._discard)

    def _discard(self) -> None:
        self.choice = Choice.DISCARD
        self.accept()


class IdClashDialog(QDialog):
    """The imported id is taken: rename it (a free id is suggested), replace, or cancel."""

    def __init__(self, text: str, suggestion: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("This id is already used"))
        self.choice = Choice.CANCEL
        self.new_id = QLineEdit(suggestion)
        rename = QPushButton(self.tr("Rename"))
        replace = QPushButton(self.tr("Replace"))
        cancel = QPushButton(self.tr("Cancel"))
        buttons = QDialogButtonBox()
        buttons.addButton(rename, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(replace, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        rename.clicked.connect(lambda: self._answer(Choice.RENAME))
        replace.clicked.connect(lambda: self._answer(Choice.REPLACE))
        cancel.clicked.connect(lambda: self._answer(Choice.CANCEL))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(text, wrap=True))
        layout.addWidget(plain_label(self.tr("Import it under this id:")))
        layout.addWidget(self.new_id)
        layout.addWidget(buttons)

    def _answer(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.CANCEL:
            self.reject()
        else:
            self.accept()


class ItemChooser(QDialog):
    """Pick one structure, question set or plan; type to narrow the list."""

    def __init__(
        self,
        title: str,
        choices: Sequence[ItemChoice],
        current: ItemChoice | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._choices = list(choices)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        for index, choice in enumerate(self._choices):
            item = QListWidgetItem(choice.label)
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(item)
            if choice == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.search.textChanged.connect(self._filter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        first_visible = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = row
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first_visible is not None:
            self.list.setCurrentRow(first_visible)

    def chosen(self) -> ItemChoice | None:
        """The choice selected now."""
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return self._choices[int(item.data(Qt.ItemDataRole.UserRole))]
