"""The console's library: find a structure, read it, choose questions, start a run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.documents.library import Origin
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.shown.browsing import LENGTH_BUCKETS, StructureFilter, filter_structures
from facilitator.core.workshop.structures import GroupShape, Structure
from facilitator.ui.accessibility import describe
from facilitator.ui.labels import SUPPORTED_LANGUAGES, language_label, shape_label
from facilitator.ui.plain import plain_label
from facilitator.ui.structure_details import StructureDetails

if TYPE_CHECKING:
    from facilitator.models.library_model import LibraryModel
    from facilitator.models.structure_choice import StructureChoiceModel

ID_ROLE = Qt.ItemDataRole.UserRole


class LibraryPage(QWidget):
    """Browse and search the library; emits `startRequested` with the chosen run."""

    startRequested = Signal(str, str, float, int)
    """(structure id, question set id or "", fitted minutes or 0 for the default,
    group size or 0 for the default)."""
    selectionChanged = Signal(str)

    def __init__(
        self,
        library: LibraryModel,
        choice: StructureChoiceModel,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._choice = choice
        self._language = language
        self._selected: Structure | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name"))
        self.search.setClearButtonEnabled(True)
        self.length_filter = QComboBox()
        for low, high in LENGTH_BUCKETS:
            self.length_filter.addItem(self._length_label(low, high), (low, high))
        self.shape_filter = QComboBox()
        self.shape_filter.addItem(self.tr("Any groups"), None)
        for shape in GroupShape:
            self.shape_filter.addItem(shape_label(shape), shape)
        self.language_filter = QComboBox()
        self.language_filter.addItem(self.tr("Any language"), None)
        for code in SUPPORTED_LANGUAGES:
            self.language_filter.addItem(language_label(code), code)
        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        self.count_label = plain_label()
        describe(
            self.search,
            self.tr("Search the library"),
            self.tr("Type part of a structure's name to narrow the list (Ctrl+F)"),
        )
        describe(
            self.length_filter, self.tr("Length"), self.tr("Show only structures of this length")
        )
        describe(
            self.shape_filter,
            self.tr("Groups"),
            self.tr("Show only structures for groups of this size"),
        )
        describe(
            self.language_filter,
            self.tr("Language"),
            self.tr("Show only structures written in this language"),
        )
        describe(
            self.results,
            self.tr("Structures"),
            self.tr("The structures that match; choose one to read about it and start it"),
            tooltip=False,
        )

        browser = QWidget()
        browse_layout = QVBoxLayout(browser)
        browse_layout.addWidget(self.search)
        filters = QGridLayout()
        filters.addWidget(self.length_filter, 0, 0)
        filters.addWidget(self.shape_filter, 0, 1)
        filters.addWidget(self.language_filter, 1, 0, 1, 2)
        browse_layout.addLayout(filters)
        browse_layout.addWidget(self.results, 1)
        browse_layout.addWidget(self.count_label)

        self.details = StructureDetails(choice, self)
        splitter = QSplitter()
        splitter.addWidget(browser)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.search.textChanged.connect(self.refresh)
        for combo in (self.length_filter, self.shape_filter, self.language_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.results.currentItemChanged.connect(self._on_current)
        library.changed.connect(self.refresh)
        self.details.start.clicked.connect(self._request_start)
        self.refresh()

    # --- filtering ---------------------------------------------------------------

    def _length_label(self, low: float | None, high: float | None) -> str:
        if low is None and high is None:
            return self.tr("Any length")
        if low is None:
            return self.tr("Up to {high} min").format(high=f"{high:g}")
        if high is None:
            return self.tr("Over {low} min").format(low=f"{low:g}")
        return self.tr("{low} to {high} min").format(low=f"{low:g}", high=f"{high:g}")

    def current_filter(self) -> StructureFilter:
        """The filter the controls describe."""
        low, high = self.length_filter.currentData()
        return StructureFilter(
            text=self.search.text(),
            min_minutes=low,
            max_minutes=high,
            shape=self.shape_filter.currentData(),
            language=self.language_filter.currentData(),
        )

    def visible_ids(self) -> list[str]:
        """The ids listed now, in order."""
        return [self.results.item(i).data(ID_ROLE) for i in range(self.results.count())]

    def refresh(self) -> None:
        """List the structures that match the filters, keeping the selection if possible."""
        keep = self._selected.id if self._selected else None
        library = self._library.library
        shown = filter_structures(library.structures(), self.current_filter())
        self.results.blockSignals(True)
        self.results.clear()
        for structure in shown:
            title = structure.title.in_language(self._language)
            item = QListWidgetItem(
                self.tr("{title}  ·  {minutes} min").format(
                    title=title, minutes=f"{structure.total_minutes:g}"
                )
            )
            item.setData(ID_ROLE, structure.id)
            entry = library.entry(DocumentKind.STRUCTURE, structure.id)
            if entry is not None and entry.origin is Origin.USER:
                item.setToolTip(self.tr("Your own copy"))
            self.results.addItem(item)
        self.results.blockSignals(False)
        self.count_label.setText(
            self.tr("{shown} of {total} structures").format(
                shown=len(shown), total=len(library.structures())
            )
        )
        ids = self.visible_ids()
        if ids:
            self.select(keep if keep in ids else ids[0])
        else:
            self._show(None)

    def select(self, structure_id: str) -> None:
        """Select a structure in the list and show its details."""
        for row in range(self.results.count()):
            if self.results.item(row).data(ID_ROLE) == structure_id:
                self.results.setCurrentRow(row)
                self._show(self._library.library.structure(structure_id))
                return

    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self._show(self._library.library.structure(current.data(ID_ROLE)))

    def _show(self, structure: Structure | None) -> None:
        self._selected = structure
        self.details.show_structure(structure, self._library, self._language)
        self.selectionChanged.emit(structure.id if structure else "")

    @property
    def selected(self) -> Structure | None:
        """The structure shown in the details."""
        return self._selected

    def set_language(self, language: str) -> None:
        """Show titles and texts in another language."""
        self._language = language
        self.refresh()

    def _request_start(self) -> None:
        if self._selected is None:
            return
        set_id = self.details.questions.currentData() or ""
        self.startRequested.emit(
            self._selected.id,
            set_id,
            float(self._choice.fit_minutes or 0),
            int(self._choice.group_size or 0),
        )
