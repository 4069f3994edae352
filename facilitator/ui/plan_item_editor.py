"""Editing a plan's selected item: a structure's fitted length and questions, or a free item."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.plans.format import FreeItem, StructureItem
from facilitator.core.timing.fitting import feasible_minutes
from facilitator.ui.labels import SUPPORTED_LANGUAGES, language_label
from facilitator.ui.plain import plain_label

if TYPE_CHECKING:
    from facilitator.models.library_model import LibraryModel
    from facilitator.models.plan_model import PlanModel


class PlanItemEditor(QGroupBox):
    """The selected item: a structure's fitted length and question sets, or a free item's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Selected item"))
        self._index = -1
        self._plans: PlanModel | None = None
        self.pages = QStackedWidget()
        self.empty = plain_label(self.tr("Select an item in the plan to change it."))

        structure = QWidget()
        structure_form = QFormLayout(structure)
        self.fit = QCheckBox(self.tr("Fit to"))
        self.fit_minutes = minutes_spin(15)
        self.fit_range = plain_label()
        fit_row = QHBoxLayout()
        fit_row.addWidget(self.fit)
        fit_row.addWidget(self.fit_minutes)
        fit_row.addWidget(self.fit_range, 1)
        structure_form.addRow(self.tr("Length"), fit_row)
        self.question_sets: dict[str, QComboBox] = {}
        for language in SUPPORTED_LANGUAGES:
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.question_sets[language] = combo
            structure_form.addRow(
                self.tr("Questions ({language})").format(language=language_label(language)),
                combo,
            )
            combo.currentIndexChanged.connect(lambda _i, lang=language: self._set_questions(lang))

        free = QWidget()
        free_form = QFormLayout(free)
        self.free_title = QLineEdit()
        self.free_minutes = minutes_spin(5)
        free_form.addRow(self.tr("Title"), self.free_title)
        free_form.addRow(self.tr("Minutes"), self.free_minutes)

        self.pages.addWidget(self.empty)
        self.pages.addWidget(structure)
        self.pages.addWidget(free)
        self.structure_page, self.free_page = structure, free
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.fit.toggled.connect(self._set_fit)
        self.fit_minutes.valueChanged.connect(self._set_fit)
        self.free_title.editingFinished.connect(self._set_free_title)
        self.free_minutes.valueChanged.connect(self._set_free_minutes)

    def show_item(self, index: int, plans: PlanModel, library: LibraryModel) -> None:
        """Fill the editor for the item at `index` (or show a hint)."""
        self._index, self._plans = index, plans
        item = plans.item(index)
        widgets = [self.fit, self.fit_minutes, self.free_title, self.free_minutes]
        widgets += list(self.question_sets.values())
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if isinstance(item, StructureItem):
                self._fill_structure(item, library)
                self.pages.setCurrentWidget(self.structure_page)
            elif isinstance(item, FreeItem):
                if not self.free_title.hasFocus():
                    self.free_title.setText(item.title.in_language(plans.language))
                self.free_minutes.setValue(item.minutes)
                self.pages.setCurrentWidget(self.free_page)
            else:
                self.pages.setCurrentWidget(self.empty)
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def _fill_structure(self, item: StructureItem, library: LibraryModel) -> None:
        structure = library.library.find_structure(item.structure_id)
        if structure is None:
            return
        shortest, longest = feasible_minutes(structure)
        self.fit.setChecked(item.minutes is not None)
        self.fit_minutes.setEnabled(item.minutes is not None)
        self.fit_minutes.setValue(item.minutes or structure.total_minutes)
        self.fit_range.setText(
            self.tr("its own timing: {own} min; possible: {low} to {high} min").format(
                own=f"{structure.total_minutes:g}", low=f"{shortest:g}", high=f"{longest:g}"
            )
        )
        for language, combo in self.question_sets.items():
            combo.clear()
            combo.addItem(self.tr("The default questions"), "")
            for question_set in library.library.question_sets_for(structure.id, language):
                combo.addItem(question_set.title, question_set.id)
            chosen = item.questions.get(language, "")
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def _set_fit(self) -> None:
        if self._plans is None:
            return
        self.fit_minutes.setEnabled(self.fit.isChecked())
        minutes = self.fit_minutes.value() if self.fit.isChecked() else None
        self._plans.set_minutes(self._index, minutes)

    def _set_questions(self, language: str) -> None:
        if self._plans is not None:
            set_id = self.question_sets[language].currentData() or None
            self._plans.set_question_set(self._index, language, set_id)

    def _set_free_title(self) -> None:
        if self._plans is not None:
            self._plans.set_free_title(self._index, self.free_title.text())

    def _set_free_minutes(self) -> None:
        if self._plans is not None:
            self._plans.set_minutes(self._index, self.free_minutes.value())


def minutes_spin(value: float) -> QDoubleSpinBox:
    """A spin box of whole minutes, from one minute to a day."""
    spin = QDoubleSpinBox()
    spin.setRange(1, 24 * 60)
    spin.setDecimals(0)
    spin.setSuffix(QCoreApplication.translate("PlanPage", " min"))
    spin.setValue(value)
    return spin
