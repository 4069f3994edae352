"""Keys go to the focused control first: Space and Return press the focused button.

The run's keys are shortcuts of both windows (controllers/actions.py), and a Qt shortcut
wins over the focused widget unless that widget claims the key. Text fields claim what
they type, but a button does not claim Space: Space on a focused "End session" used to move
the room on. `FocusedControlsFirst` claims Space and Return for the focused button, text
field, list or drop-down, and makes Return press a focused button (Qt's buttons outside a
dialog ignore it). Anywhere else, Space still means Next.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

PRESS_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter})
WANTS_PRESS_KEYS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
"""Controls that do something with Space or Return themselves."""
RETURN_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


def _plain_press(event: QKeyEvent) -> bool:
    """Space, Return or Enter without Ctrl, Alt or Shift (the number pad's Enter counts)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return Qt.Key(event.key()) in PRESS_KEYS and modifiers == Qt.KeyboardModifier.NoModifier


class FocusedControlsFirst(QObject):
    """An application-wide event filter: Space and Return act on the focused control."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if not _plain_press(event) or not isinstance(watched, WANTS_PRESS_KEYS):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the focused control has it, not the window's shortcut
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and Qt.Key(event.key()) in RETURN_KEYS
            and isinstance(watched, QAbstractButton)
            and not isinstance(watched, QCheckBox | QRadioButton)
            and watched.isEnabled()
        ):
            if not event.isAutoRepeat():
                watched.animateClick()
            return True
        return False


def install_focused_controls_first(application: QApplication) -> None:
    """Install the filter on `application` once, however many windows and consoles are built
    (an application-wide filter sees every event: one is enough)."""
    direct = Qt.FindChildOption.FindDirectChildrenOnly  # not a walk through every widget
    if application.findChild(FocusedControlsFirst, "", direct) is None:
        application.installEventFilter(FocusedControlsFirst(application))
