"""The grid of an editor form: caption | English | Nederlands, each row followed by its problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QWidget

from facilitator.ui.editor.fields import (
    FieldContext,
    NumberField,
    ProblemLabel,
    caption,
    translated_editors,
)
from facilitator.ui.labels import SUPPORTED_LANGUAGES, language_label
from facilitator.ui.style import set_bold

if TYPE_CHECKING:
    from collections.abc import Sequence

    from facilitator.core.documents.doc_paths import DocPath

LANGUAGES: Sequence[str] = SUPPORTED_LANGUAGES
CAPTION_WIDTH = 170


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area that scrolls only up and down."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def bold_caption(text: str) -> QLabel:
    """A caption in bold."""
    label = caption(text)
    set_bold(label)
    return label


class FormGrid:
    """Rows of caption | English | Nederlands, each followed by its problems."""

    def __init__(self, context: FieldContext, grid: QGridLayout) -> None:
        self.context = context
        self.grid = grid
        self.row = 0

    def header(self) -> None:
        for column, language in enumerate(LANGUAGES, start=1):
            self.grid.addWidget(bold_caption(language_label(language)), self.row, column)
        self.row += 1

    def texts(
        self, label: str, path: DocPath, *, multi_line: bool = False, lines: int = 3
    ) -> list[QWidget]:
        editors = translated_editors(
            self.context, path, LANGUAGES, multi_line=multi_line, lines=lines
        )
        self.grid.addWidget(self.caption(label), self.row, 0)
        for column, editor in enumerate(editors, start=1):
            self.grid.addWidget(editor, self.row, column)
        self.row += 1
        self.problems(path, marks=editors)
        return editors

    def field(
        self,
        label: str,
        widget: QWidget | QHBoxLayout,
        path: DocPath | None,
        marks: Sequence[QWidget] = (),
    ) -> None:
        self.grid.addWidget(self.caption(label), self.row, 0)
        if isinstance(widget, QHBoxLayout):
            self.grid.addLayout(widget, self.row, 1, 1, len(LANGUAGES))
        else:
            self.grid.addWidget(widget, self.row, 1, 1, len(LANGUAGES))
        self.row += 1
        if path is not None:
            self.problems(path, marks=marks or ([widget] if isinstance(widget, QWidget) else []))

    def caption(self, text: str) -> QLabel:
        label = caption(text)
        label.setWordWrap(True)
        label.setMaximumWidth(CAPTION_WIDTH)
        return label

    def problems(
        self, path: DocPath, *, marks: Sequence[QWidget] = (), exact: bool = False
    ) -> ProblemLabel:
        label = ProblemLabel(self.context, path, marks=marks, exact=exact)
        self.grid.addWidget(label, self.row, 1, 1, len(LANGUAGES))
        self.row += 1
        return label

    def minutes_and_range(
        self, label: str, path: DocPath
    ) -> tuple[NumberField, NumberField, NumberField]:
        """A row of minutes and the range fitting may stretch them to ("allowed from ... to
        ..."), each with its problems; the fields for the minutes, the least and the most."""
        minutes, least, most = (
            NumberField(self.context, (*path, key))
            for key in ("minutes", "min_minutes", "max_minutes")
        )
        allowed_from = QCoreApplication.translate("FormGrid", "allowed from")
        to = QCoreApplication.translate("FormGrid", "to")
        fields = row(minutes, allowed_from, least, to, most)
        self.field(label, fields, (*path, "minutes"), marks=[minutes])
        self.problems((*path, "min_minutes"), marks=[least])
        self.problems((*path, "max_minutes"), marks=[most])
        return minutes, least, most

    def heading(self, text: str) -> None:
        self.grid.addWidget(bold_caption(text), self.row, 0, 1, len(LANGUAGES) + 1)
        self.row += 1


def row(*widgets: QWidget | str) -> QHBoxLayout:
    """Widgets (and captions given as texts) side by side, left-aligned."""
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(caption(widget) if isinstance(widget, str) else widget)
    layout.addStretch(1)
    return layout
