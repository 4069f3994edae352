"""A list of items (questions, steps) with buttons, and the selected item's fields beside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.documents.doc_paths import DocPath, path_text
from facilitator.core.documents.drafting import sentence
from facilitator.ui.editor.fields import FieldContext, ProblemLabel, release_problem_labels
from facilitator.ui.editor.reorderable_list import ReorderableList
from facilitator.ui.plain import plain_tooltip

RowText = Callable[[int], str]
MakeDetail = Callable[[int], QWidget]


class ListEditor(QWidget):
    """Rows of one list in the draft; add, remove, reorder; the selected row's fields."""

    currentChanged = Signal(int)

    def __init__(
        self,
        context: FieldContext,
        list_path: DocPath,
        *,
        row_text: RowText,
        make_detail: MakeDetail,
        add: Callable[[int], int],
        remove: Callable[[int], None],
        move: Callable[[int, int], bool],
        add_label: str,
        remove_label: str,
        side_by_side: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._model = context.model
        self._path = list_path
        self._path_text = path_text(list_path)
        self._row_text = row_text
        self._make_detail = make_detail
        self._add = add
        self._remove = remove
        self._move = move
        self._current = 0 if self._model.count(list_path) else -1
        self._detail: QWidget | None = None

        self.rows = ReorderableList()
        self.add_button = QPushButton(add_label)
        self.remove_button = QPushButton(remove_label)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setToolTip(self.tr("Alt+Up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setToolTip(self.tr("Alt+Down"))
        self.list_problems = ProblemLabel(context, list_path, exact=True)
        # Problems inside the items are shown by the detail fields and the row marks.
        context.registry.claim(self._path_text)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.rows, 1)
        left.addLayout(buttons)
        left.addWidget(self.list_problems)
        self._detail_box = QVBoxLayout()
        self._detail_box.setContentsMargins(0, 0, 0, 0)
        direction = (
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        layout = QBoxLayout(direction, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addLayout(self._detail_box, 4 if side_by_side else 2)
        if side_by_side:
            self.rows.setMaximumWidth(340)

        # Alt+Up / Alt+Down also work while typing in the selected item's fields.
        self.move_up_action = QAction(self.tr("Move up"), self)
        self.move_up_action.setShortcut(QKeySequence("Alt+Up"))
        self.move_down_action = QAction(self.tr("Move down"), self)
        self.move_down_action.setShortcut(QKeySequence("Alt+Down"))
        for action in (self.move_up_action, self.move_down_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.move_up_action.triggered.connect(
            lambda: self.move_item(self._current, self._current - 1)
        )
        self.move_down_action.triggered.connect(
            lambda: self.move_item(self._current, self._current + 1)
        )
        self.rows.currentRowChanged.connect(self._on_row)
        self.rows.moveRequested.connect(self.move_item)
        self.rows.removeRequested.connect(lambda row: self.remove(row))
        self.add_button.clicked.connect(lambda: self.add())
        self.remove_button.clicked.connect(lambda: self.remove(self._current))
        self.up_button.clicked.connect(lambda: self.move_item(self._current, self._current - 1))
        self.down_button.clicked.connect(lambda: self.move_item(self._current, self._current + 1))
        self._model.listChanged.connect(self._on_list_changed)
        self._model.changed.connect(self._on_value_changed)
        self._model.problemsChanged.connect(self._mark_problems)
        self._refill()
        self._rebuild_detail()

    # --- public ---------------------------------------------------------------------

    @property
    def current(self) -> int:
        """The selected row, or -1."""
        return self._current

    @property
    def detail(self) -> QWidget | None:
        """The fields of the selected item."""
        return self._detail

    def select(self, row: int) -> None:
        """Select a row and show its fields."""
        if 0 <= row < self.rows.count():
            self.rows.setCurrentRow(row)

    def add(self) -> None:
        """Add an item after the selected one and select it."""
        position = self._current + 1 if self._current >= 0 else self._model.count(self._path)
        self._current = position
        self._current = self._add(position)
        self._sync_after_edit()

    def remove(self, row: int) -> None:
        """Remove an item."""
        if not 0 <= row < self._model.count(self._path):
            return
        self._current = max(0, min(row, self._model.count(self._path) - 2))
        self._remove(row)
        self._sync_after_edit()

    def move_item(self, source: int, target: int) -> None:
        """Move an item, keeping it selected."""
        if not 0 <= target < self._model.count(self._path):
            return
        previous = self._current
        self._current = target
        if not self._move(source, target):
            self._current = previous
        self._sync_after_edit()
        self.rows.setFocus()

    # --- keeping up with the model ----------------------------------------------------------

    def _sync_after_edit(self) -> None:
        self._refill()
        self._rebuild_detail()

    def _on_row(self, row: int) -> None:
        if row != self._current and row >= 0:
            self._current = row
            self._rebuild_detail()

    def _on_list_changed(self, changed: str) -> None:
        if changed == self._path_text:
            count = self._model.count(self._path)
            self._current = min(max(self._current, 0), count - 1)
            self._refill()
            self._rebuild_detail()

    def _on_value_changed(self, changed: str) -> None:
        if changed.startswith(self._path_text) and self.rows.count() == self._model.count(
            self._path
        ):
            for row in range(self.rows.count()):
                text = self._row_text(row)
                if self.rows.item(row).text() != text:
                    self.rows.item(row).setText(text)

    def _refill(self) -> None:
        blocked = self.rows.blockSignals(True)
        self.rows.clear()
        for row in range(self._model.count(self._path)):
            self.rows.addItem(QListWidgetItem(self._row_text(row)))
        if self._current >= 0:
            self.rows.setCurrentRow(self._current)
        self.rows.blockSignals(blocked)
        self._mark_problems()
        count = self.rows.count()
        self.remove_button.setEnabled(count > 0)
        self.up_button.setEnabled(self._current > 0)
        self.down_button.setEnabled(0 <= self._current < count - 1)

    def _rebuild_detail(self) -> None:
        if self._detail is not None:
            release_problem_labels(self._detail)
            self._detail_box.removeWidget(self._detail)
            self._detail.hide()
            self._detail.deleteLater()
            self._detail = None
        count = self._model.count(self._path)
        self.up_button.setEnabled(self._current > 0)
        self.down_button.setEnabled(0 <= self._current < count - 1)
        if 0 <= self._current < count:
            self._detail = self._make_detail(self._current)
            self._detail_box.addWidget(self._detail)
        self.currentChanged.emit(self._current)

    def _mark_problems(self) -> None:
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row in range(self.rows.count()):
            found = self._model.problems_at((*self._path, row))
            item = self.rows.item(row)
            item.setData(Qt.ItemDataRole.DecorationRole, warning if found else None)
            lines = [sentence(message) for _rest, message in found]
            item.setToolTip(plain_tooltip("\n".join(lines)))
