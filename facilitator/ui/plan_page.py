"""The console's Plans page: build a session from structures, free items and breaks.

The page shows the open `PlanModel` and passes every edit to it; saving, the
sheet and starting go out as signals to the plans controller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.timing.countdown import format_duration
from facilitator.ui.accessibility import describe, explain
from facilitator.ui.agenda_panel import agenda_table
from facilitator.ui.plain import plain_label, plain_tooltip
from facilitator.ui.plan_item_editor import PlanItemEditor, minutes_spin
from facilitator.ui.style import PROBLEM_TEXT_STYLE, scale_font

if TYPE_CHECKING:
    from facilitator.models.library_model import LibraryModel
    from facilitator.models.plan_model import PlanModel, PlanRow

ID_ROLE = Qt.ItemDataRole.UserRole
SPEEDS = (1.0, 10.0, 30.0, 60.0)


class PlanPage(QWidget):
    """List the plans; build, reorder, fit, save and start one."""

    openRequested = Signal(str)
    """Open another plan (the controller asks first when the open one has changes)."""
    newRequested = Signal()
    saveRequested = Signal()
    sheetRequested = Signal()
    startRequested = Signal(float)
    """Start the open plan at this speed (1 for real time, more for a rehearsal)."""

    def __init__(
        self, plans: PlanModel, library: LibraryModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._plans = plans
        self._library = library

        self.plan_list = QListWidget()
        self.new_button = QPushButton(self.tr("New plan"))
        browser = QWidget()
        browse_layout = QVBoxLayout(browser)
        browse_layout.addWidget(plain_label(self.tr("Plans")))
        browse_layout.addWidget(self.plan_list, 1)
        browse_layout.addWidget(self.new_button)

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Title of the plan"))
        self.start_time = QTimeEdit()
        self.start_time.setDisplayFormat("HH:mm")
        self.start_time.setMaximumWidth(120)
        self.total = plain_label(wrap=True)
        scale_font(self.total, 1.2, bold=True)
        self.table = agenda_table([self.tr("Time"), self.tr("Item"), self.tr("Length")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problem = plain_label(wrap=True)
        self.problem.setStyleSheet(PROBLEM_TEXT_STYLE)

        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.remove_button = QPushButton(self.tr("Remove"))
        item_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            item_buttons.addWidget(button)
        item_buttons.addStretch(1)

        self.structure_choice = QComboBox()
        self.structure_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.structure_choice.setMinimumContentsLength(20)
        self.add_structure_button = QPushButton(self.tr("Add structure"))
        self.free_title = QLineEdit()
        self.free_title.setPlaceholderText(self.tr("Welcome, close, open conversation…"))
        self.free_minutes = minutes_spin(5)
        self.add_free_button = QPushButton(self.tr("Add item"))
        self.add_break_button = QPushButton(self.tr("Add break"))
        adding = QGroupBox(self.tr("Add to the plan"))
        add_layout = QFormLayout(adding)
        structure_row = QHBoxLayout()
        structure_row.addWidget(self.structure_choice, 1)
        structure_row.addWidget(self.add_structure_button)
        add_layout.addRow(self.tr("Structure"), structure_row)
        free_row = QHBoxLayout()
        free_row.addWidget(self.free_title, 1)
        free_row.addWidget(self.free_minutes)
        free_row.addWidget(self.add_free_button)
        free_row.addWidget(self.add_break_button)
        add_layout.addRow(self.tr("Free item"), free_row)

        self.item_editor = PlanItemEditor()

        self.fit_minutes = minutes_spin(90)
        self.fit_button = QPushButton(self.tr("Fit"))
        self.fit_message = plain_label(wrap=True)
        fit_row = QHBoxLayout()
        fit_row.addWidget(plain_label(self.tr("Fit the plan into")))
        fit_row.addWidget(self.fit_minutes)
        fit_row.addWidget(self.fit_button)
        fit_row.addStretch(1)

        self.save_button = QPushButton(self.tr("Save"))
        self.sheet_button = QPushButton(self.tr("Facilitator's sheet…"))
        self.speed = QComboBox()
        for speed in SPEEDS:
            label = (
                self.tr("In real time")
                if speed == 1
                else self.tr("Rehearse at {speed}x speed").format(speed=f"{speed:g}")
            )
            self.speed.addItem(label, speed)
        self.start_button = QPushButton(self.tr("Start the plan"))
        self._describe_controls()
        self.start_button.setMinimumHeight(48)
        scale_font(self.start_button, 1.3, bold=True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.sheet_button)
        bottom.addStretch(1)
        bottom.addWidget(self.speed)
        bottom.addWidget(self.start_button)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        top = QFormLayout()
        top.addRow(self.tr("Title"), self.title)
        top.addRow(self.tr("Start at"), self.start_time)
        editor_layout.addLayout(top)
        editor_layout.addWidget(self.total)
        editor_layout.addWidget(self.table, 1)
        editor_layout.addLayout(item_buttons)
        editor_layout.addWidget(self.problem)
        editor_layout.addWidget(self.item_editor)
        editor_layout.addWidget(adding)
        editor_layout.addLayout(fit_row)
        editor_layout.addWidget(self.fit_message)
        editor_layout.addLayout(bottom)
        self.editor = editor

        splitter = QSplitter()
        splitter.addWidget(browser)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.plan_list.currentItemChanged.connect(self._on_plan_chosen)
        self.new_button.clicked.connect(self.newRequested)
        self.title.editingFinished.connect(lambda: plans.set_title(self.title.text()))
        self.start_time.timeChanged.connect(lambda moment: plans.set_start_time(moment.toPython()))
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.remove_button.clicked.connect(self._remove)
        self.add_structure_button.clicked.connect(self._add_structure)
        self.add_free_button.clicked.connect(lambda: self._add_free(is_break=False))
        self.add_break_button.clicked.connect(lambda: self._add_free(is_break=True))
        self.fit_button.clicked.connect(self._fit)
        self.save_button.clicked.connect(self.saveRequested)
        self.sheet_button.clicked.connect(self.sheetRequested)
        self.start_button.clicked.connect(
            lambda: self.startRequested.emit(float(self.speed.currentData()))
        )
        plans.changed.connect(self.refresh)
        plans.listChanged.connect(self.refresh_list)
        library.changed.connect(self._fill_structures)
        self._fill_structures()
        self.refresh_list()
        self.refresh()

    # --- the list of plans ------------------------------------------------------------

    def _describe_controls(self) -> None:
        """Names and descriptions for a screen reader (and tooltips)."""
        describe(
            self.plan_list,
            self.tr("Plans"),
            self.tr("Your session plans; choose one to open it"),
            tooltip=False,
        )
        explain(self.new_button, self.tr("Start an empty plan"))
        describe(
            self.title, self.tr("Title of the plan"), self.tr("The name the plan is listed by")
        )
        describe(
            self.start_time,
            self.tr("Start at"),
            self.tr("The time of day the plan begins, for its agenda"),
        )
        describe(
            self.table,
            self.tr("Agenda"),
            self.tr("The plan's items in order, with their times and lengths"),
            tooltip=False,
        )
        explain(self.up_button, self.tr("Move the chosen item earlier"))
        explain(self.down_button, self.tr("Move the chosen item later"))
        explain(self.remove_button, self.tr("Take the chosen item out of the plan"))
        describe(
            self.structure_choice,
            self.tr("Structure to add"),
            self.tr("A structure of the library, with its length"),
        )
        explain(self.add_structure_button, self.tr("Add the structure to the end of the plan"))
        describe(
            self.free_title,
            self.tr("Title of a free item"),
            self.tr("An item without a structure: a welcome, a close, a conversation"),
        )
        describe(
            self.free_minutes,
            self.tr("Minutes of the free item"),
            self.tr("How long the free item or break takes"),
        )
        explain(self.add_free_button, self.tr("Add the free item to the end of the plan"))
        explain(self.add_break_button, self.tr("Add a break of these minutes to the plan"))
        describe(
            self.fit_minutes,
            self.tr("Minutes to fit the plan into"),
            self.tr("How long the whole plan should take"),
        )
        explain(self.fit_button, self.tr("Shorten or lengthen the items to fit these minutes"))
        explain(self.save_button, self.tr("Save the plan in your library"))
        explain(self.sheet_button, self.tr("Export a printable sheet of the plan for you"))
        describe(
            self.speed,
            self.tr("Speed"),
            self.tr("Run the plan in real time, or faster to rehearse it"),
        )
        explain(self.start_button, self.tr("Start the whole plan as one session on the card"))

    def refresh_list(self) -> None:
        """List the library's plans, keeping the open one selected."""
        current = self._plans.plan.id if self._plans.plan else None
        self.plan_list.blockSignals(True)
        self.plan_list.clear()
        for listing in self._plans.plans():
            item = QListWidgetItem(listing.title)
            item.setData(ID_ROLE, listing.plan_id)
            if listing.own:
                item.setToolTip(plain_tooltip(self.tr("Your own plan")))
            self.plan_list.addItem(item)
            if listing.plan_id == current:
                self.plan_list.setCurrentItem(item)
        self.plan_list.blockSignals(False)

    def plan_ids(self) -> list[str]:
        """The ids listed, in order."""
        return [self.plan_list.item(i).data(ID_ROLE) for i in range(self.plan_list.count())]

    def open_plan(self, plan_id: str) -> None:
        """Open a plan as if it was chosen in the list."""
        for row in range(self.plan_list.count()):
            if self.plan_list.item(row).data(ID_ROLE) == plan_id:
                self.plan_list.setCurrentRow(row)
                return

    def _on_plan_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.openRequested.emit(current.data(ID_ROLE))

    def _fill_structures(self) -> None:
        language = self._plans.language
        self.structure_choice.clear()
        for structure in self._library.library.structures():
            label = f"{structure.title.in_language(language)}  ·  {structure.total_minutes:g} min"
            self.structure_choice.addItem(label, structure.id)

    # --- the open plan ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the open plan and its schedule anew."""
        plan = self._plans.plan
        self.editor.setEnabled(plan is not None)
        if plan is None:
            self.table.setRowCount(0)
            self.total.setText(self.tr("Choose a plan or start a new one."))
            return
        if not self.title.hasFocus():
            self.title.setText(plan.title.in_language(self._plans.language))
        start = self._plans.start_time
        self.start_time.blockSignals(True)
        self.start_time.setTime(QTime(start.hour, start.minute))
        self.start_time.blockSignals(False)
        selected = self.selected_index()
        rows = self._plans.rows()
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, text in enumerate(self._row_texts(row)):
                self.table.setItem(index, column, QTableWidgetItem(text))
        if 0 <= selected < len(rows):
            self.table.selectRow(selected)
        self.table.blockSignals(False)
        self.total.setText(self.total_text())
        self.problem.setText(self._plans.problem)
        self.problem.setVisible(bool(self._plans.problem))
        self.start_button.setEnabled(bool(rows) and not self._plans.problem)
        self._show_selected()

    def _row_texts(self, row: PlanRow) -> list[str]:
        title = row.title
        if row.is_break:
            title = self.tr("{title} (break)").format(title=title)
        when = ""
        if row.start is not None and row.end is not None:
            when = f"{row.start:%H:%M}–{row.end:%H:%M}"
        length = format_duration(row.seconds) if row.seconds is not None else ""
        return [when, title, length]

    def total_text(self) -> str:
        """ "Total 1:30:00 · ends at 10:30", or what keeps the plan from adding up."""
        total = self._plans.total_seconds()
        finish = self._plans.finish_time()
        if not self._plans.plan or not self._plans.plan.items:
            return self.tr("The plan is empty: add structures, items and breaks below.")
        if total is None or finish is None:
            return self.tr("The plan does not add up yet: see below.")
        return self.tr("Total {total} · ends at {finish}").format(
            total=format_duration(total), finish=f"{finish:%H:%M}"
        )

    def row_texts(self) -> list[list[str]]:
        """The table's texts, row by row (for tests)."""
        return [
            [
                cell.text() if (cell := self.table.item(r, c)) is not None else ""
                for c in range(self.table.columnCount())
            ]
            for r in range(self.table.rowCount())
        ]

    def selected_index(self) -> int:
        """The selected item's index, or -1."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select(self, index: int) -> None:
        """Select the item at `index`."""
        self.table.selectRow(index)

    def _show_selected(self) -> None:
        index = self.selected_index()
        self.item_editor.show_item(index, self._plans, self._library)
        has = index >= 0
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(has)

    def _move(self, delta: int) -> None:
        index = self.selected_index()
        if index >= 0:
            self.select(self._plans.move(index, delta))

    def _remove(self) -> None:
        index = self.selected_index()
        if index >= 0:
            self._plans.remove(index)

    def _add_structure(self) -> None:
        structure_id = self.structure_choice.currentData()
        if structure_id:
            self.select(self._plans.add_structure(structure_id))

    def _add_free(self, *, is_break: bool) -> None:
        title = self.free_title.text().strip() or (
            self.tr("Break") if is_break else self.tr("Free item")
        )
        index = self._plans.add_free(title, self.free_minutes.value(), is_break=is_break)
        self.free_title.clear()
        self.select(index)

    def _fit(self) -> None:
        self.fit_message.setText(self._plans.fit(self.fit_minutes.value()))
