"""Help (F1): how to run a first session, and every key in the words a facilitator uses."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui.plain import plain_label
from facilitator.ui.style import scale_font

if TYPE_CHECKING:
    from PySide6.QtGui import QAction


def _key_names() -> dict[Qt.Key, str]:
    """Keys whose names a facilitator says differently from Qt's short forms."""
    key = Qt.Key
    return {
        key.Key_PageDown: QCoreApplication.translate("KeyWords", "Page Down"),
        key.Key_PageUp: QCoreApplication.translate("KeyWords", "Page Up"),
        key.Key_Right: QCoreApplication.translate("KeyWords", "Right arrow"),
        key.Key_Left: QCoreApplication.translate("KeyWords", "Left arrow"),
        key.Key_Up: QCoreApplication.translate("KeyWords", "Up arrow"),
        key.Key_Down: QCoreApplication.translate("KeyWords", "Down arrow"),
        key.Key_Space: QCoreApplication.translate("KeyWords", "Space"),
        key.Key_Return: QCoreApplication.translate("KeyWords", "Return"),
        key.Key_Enter: QCoreApplication.translate("KeyWords", "Enter"),
        key.Key_Escape: QCoreApplication.translate("KeyWords", "Escape"),
        key.Key_Tab: QCoreApplication.translate("KeyWords", "Tab"),
        key.Key_Plus: QCoreApplication.translate("KeyWords", "Plus"),
        key.Key_Minus: QCoreApplication.translate("KeyWords", "Minus"),
        key.Key_Equal: QCoreApplication.translate("KeyWords", "Equals"),
        key.Key_Period: QCoreApplication.translate("KeyWords", "Full stop"),
        key.Key_Question: QCoreApplication.translate("KeyWords", "Question mark"),
    }


def _modifier_names() -> list[tuple[Qt.KeyboardModifier, str]]:
    modifier = Qt.KeyboardModifier
    control = (
        QCoreApplication.translate("KeyWords", "Cmd")
        if sys.platform == "darwin"
        else QCoreApplication.translate("KeyWords", "Ctrl")
    )  # Qt's Ctrl is ⌘ there
    return [
        (modifier.ControlModifier, control),
        (modifier.AltModifier, QCoreApplication.translate("KeyWords", "Alt")),
        (modifier.ShiftModifier, QCoreApplication.translate("KeyWords", "Shift")),
    ]


def key_in_words(sequence: QKeySequence) -> str:
    """One key as a facilitator says it: "Page Down", "Plus", "Ctrl+E" (the number pad's
    Plus is simply "Plus")."""
    if sequence.isEmpty():
        return ""
    combination = sequence[0]  # type: ignore[index]  # (PySide6's stubs lack __getitem__)
    key = combination.key()
    name = _key_names().get(key) or QKeySequence(key.value).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    held = combination.keyboardModifiers()
    parts = [word for modifier, word in _modifier_names() if held & modifier]
    return "+".join([*parts, name])


def keys_in_words(sequences: list[QKeySequence]) -> str:
    """Every key of an action, in words, each said once: "Page Down, Right arrow, Space"."""
    words: list[str] = []
    for sequence in sequences:
        word = key_in_words(sequence)
        if word and word not in words:
            words.append(word)
    return ", ".join(words)


class HelpDialog(QDialog):
    """A short getting-started page and a table of what each key does."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help"))
        heading = plain_label(self.tr("Getting started"))
        scale_font(heading, 1.3, bold=True)
        self.getting_started = plain_label(
            self.tr(
                "1. Find a structure in the library: type part of its name in the search box "
                "(Ctrl+F), or walk the list with the arrow keys.\n"
                "2. Choose the questions for the room, fit the structure to the time you have "
                "if you like, and press Start.\n"
                "3. The card goes to the projector and waits. Press Start, Page Down or "
                "Space when the room is ready: the bells ring at every change and the card "
                "shows who speaks and for how long.\n"
                "4. This window is yours alone: your notes, what comes next and the time left "
                "in the whole structure. The room never sees it.\n"
                "5. A presentation clicker works as it does for slides: Page Down and Page Up "
                "move on and back, B or the full stop blacks the card out. F5 always brings "
                "the card back full screen on the projector. Escape never takes the card off "
                "the projector: it brings this window back to the run, ready for the clicker. "
                "F11, on the laptop only, puts the card in a window and back.\n"
                "6. End the session from the Run menu (Ctrl+Shift+E) when you are done."
            ),
            wrap=True,
        )
        keys_heading = plain_label(self.tr("Keys"))
        scale_font(keys_heading, 1.3, bold=True)
        intro = plain_label(
            self.tr(
                "These keys work whichever window you clicked last, unless a text box or a "
                "button has the keyboard: Space and Return then press the focused button."
            ),
            wrap=True,
        )
        rows = [(a.text().replace("&", ""), keys_in_words(a.shortcuts())) for a in actions]
        rows = [(command, keys) for command, keys in rows if keys]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keys"))
        self.table.setAccessibleDescription(self.tr("What each key does"))
        for row, (command, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(command))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.getting_started, keys_heading, intro):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 620)

    def rows(self) -> list[tuple[str, str]]:
        """(command, keys) as shown, for tests."""
        rows = []
        for row in range(self.table.rowCount()):
            command, keys = self.table.item(row, 0), self.table.item(row, 1)
            rows.append((command.text() if command else "", keys.text() if keys else ""))
        return rows
