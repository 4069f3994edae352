"""The fields of a question set: title, language, kind, what it fits, and its questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.documents.drafting import phase_choices, step_choices
from facilitator.core.workshop.structures import FALLBACK_LANGUAGE, SetKind
from facilitator.ui.editor.fields import (
    ChoiceField,
    FieldContext,
    LineField,
    ProblemLabel,
    TextArea,
    caption,
)
from facilitator.ui.editor.list_editor import ListEditor
from facilitator.ui.labels import SUPPORTED_LANGUAGES, language_label

if TYPE_CHECKING:
    from collections.abc import Container, Iterable

ID_ROLE = Qt.ItemDataRole.UserRole


def _fill_ticks(
    view: QListWidget, choices: Iterable[tuple[str, str]], ticked: Container[str]
) -> None:
    """List each (id, title) choice as "title  (id)" with a tick box, ticked when in `ticked`."""
    blocked = view.blockSignals(True)
    view.clear()
    for item_id, title in choices:
        item = QListWidgetItem(f"{title}  ({item_id})")
        item.setData(ID_ROLE, item_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if item_id in ticked else Qt.CheckState.Unchecked)
        view.addItem(item)
    view.blockSignals(blocked)


def _ticked_ids(view: QListWidget) -> list[str]:
    """The ids ticked now, in the list's order."""
    return [
        view.item(row).data(ID_ROLE)
        for row in range(view.count())
        if view.item(row).checkState() == Qt.CheckState.Checked
    ]


def _with_problem(widget: QWidget, problem: ProblemLabel) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(problem)
    return box


class QuestionSetForm(QWidget):
    """Everything of one question set; the selected question is previewed."""

    currentQuestionChanged = Signal(int)

    def __init__(self, context: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        model = self._model = context.model
        self.id_field = LineField(context, ("id",))
        self.id_field.setReadOnly(not model.is_new)
        self.title_field = LineField(context, ("title",))
        self.language_field = ChoiceField(
            context, ("language",), [(language_label(code), code) for code in SUPPORTED_LANGUAGES]
        )
        self.kind_field = ChoiceField(
            context,
            ("kind",),
            [
                (self.tr("Questions"), None),
                (self.tr("Sentence stems to complete"), SetKind.STEMS.value),
            ],
        )
        self.description_field = TextArea(context, ("description",), lines=2)
        self.structures = QListWidget()
        self.structures.setMaximumHeight(140)
        self.questions = ListEditor(
            context,
            ("questions",),
            row_text=self._question_row,
            make_detail=self._question_detail,
            add=lambda position: model.add_question(position),
            remove=model.remove_question,
            move=model.move_question,
            add_label=self.tr("Add a question"),
            remove_label=self.tr("Remove"),
        )

        form = QFormLayout()
        form.addRow(
            self.tr("Id"),
            _with_problem(self.id_field, ProblemLabel(context, ("id",), marks=[self.id_field])),
        )
        form.addRow(
            self.tr("Title"),
            _with_problem(
                self.title_field, ProblemLabel(context, ("title",), marks=[self.title_field])
            ),
        )
        form.addRow(
            self.tr("Language"),
            _with_problem(self.language_field, ProblemLabel(context, ("language",))),
        )
        form.addRow(
            self.tr("Kind"), _with_problem(self.kind_field, ProblemLabel(context, ("kind",)))
        )
        form.addRow(
            self.tr("Description"),
            _with_problem(
                self.description_field,
                ProblemLabel(context, ("description",), marks=[self.description_field]),
            ),
        )
        form.addRow(
            self.tr("Fits these structures"),
            _with_problem(self.structures, ProblemLabel(context, ("structures",))),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(caption(self.tr("Questions, in the order they are shown")))
        layout.addWidget(self.questions, 1)

        self.structures.itemChanged.connect(self._on_structure_ticked)
        model.changed.connect(self._on_changed)
        model.identityChanged.connect(lambda: self.id_field.setReadOnly(True))
        model.library.changed.connect(self._fill_structures)
        self.questions.currentChanged.connect(self.currentQuestionChanged)
        self._fill_structures()

    # --- the structures it fits ------------------------------------------------------

    def _fill_structures(self) -> None:
        chosen = [s for s in self._model.value(("structures",), []) if isinstance(s, str)]
        language = self._model.value(("language",)) or FALLBACK_LANGUAGE
        library = self._model.library.library
        shown = {s.id: s.title.in_language(language) for s in library.structures()}
        for structure_id in chosen:
            shown.setdefault(structure_id, structure_id)
        ordered = sorted(
            shown.items(), key=lambda pair: (pair[0] not in chosen, pair[1].casefold())
        )
        _fill_ticks(self.structures, ordered, chosen)

    def ticked_structures(self) -> list[str]:
        """The ids of the structures ticked now, in the list's order."""
        return _ticked_ids(self.structures)

    def _on_structure_ticked(self, _item: QListWidgetItem) -> None:
        before = [s for s in self._model.value(("structures",), []) if isinstance(s, str)]
        ticked = self.ticked_structures()
        # Keep the order the set had, adding new ones at the end.
        ordered = [s for s in before if s in ticked] + [s for s in ticked if s not in before]
        self._model.set_fitting_structures(ordered)

    def _on_changed(self, changed: str) -> None:
        if changed in ("structures", "language", ""):
            self._fill_structures()

    # --- the questions ------------------------------------------------------------------

    def _question_row(self, row: int) -> str:
        text = self._model.value(("questions", row, "text")) or ""
        first = text.strip().splitlines()[0] if text.strip() else self.tr("(empty)")
        return f"{row + 1}.  {first}"

    def _question_detail(self, row: int) -> QWidget:
        return QuestionDetail(self._context, row)


class QuestionDetail(QWidget):
    """One question's text and the steps it shows in."""

    def __init__(self, context: FieldContext, row: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = context.model
        self._row = row
        self.text_field = TextArea(context, ("questions", row, "text"), lines=4)
        self.steps = QListWidget()
        self.steps.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption(self.tr("Question {number}").format(number=row + 1)))
        layout.addWidget(self.text_field)
        layout.addWidget(ProblemLabel(context, ("questions", row, "text"), marks=[self.text_field]))
        layout.addWidget(ProblemLabel(context, ("questions", row), exact=True))
        layout.addWidget(caption(self.tr("Show it in these steps (none ticked: in every step)")))
        layout.addWidget(self.steps)
        layout.addWidget(ProblemLabel(context, ("questions", row, "steps")))
        self.phases = QListWidget()
        self.phases.setMaximumHeight(120)
        self.phases_caption = caption(
            self.tr("Show it in these phases of a round (none ticked: in every phase)")
        )
        layout.addWidget(self.phases_caption)
        layout.addWidget(self.phases)
        layout.addWidget(ProblemLabel(context, ("questions", row, "phases")))
        self.steps.itemChanged.connect(self._on_ticked)
        self.phases.itemChanged.connect(self._on_phase_ticked)
        self._model.changed.connect(self._on_changed)
        self._fill_steps()

    def _on_changed(self, changed: str) -> None:
        if changed in ("structures", "language", "") or changed.startswith(
            (f"questions[{self._row}].steps", f"questions[{self._row}].phases")
        ):
            self._fill_steps()

    def _fill_steps(self) -> None:
        structures = [s for s in self._model.value(("structures",), []) if isinstance(s, str)]
        language = self._model.value(("language",)) or FALLBACK_LANGUAGE
        choices = step_choices(self._model.library.library, structures, language)
        chosen = self._model.value(("questions", self._row, "steps")) or []
        for step_id in chosen:
            if step_id not in dict(choices):
                choices.append((step_id, step_id))
        _fill_ticks(self.steps, choices, chosen)
        self.steps.setEnabled(bool(choices))
        phases = phase_choices(self._model.library.library, structures, language)
        ticked = self._model.value(("questions", self._row, "phases")) or []
        phases += [(phase_id, phase_id) for phase_id in ticked if phase_id not in dict(phases)]
        _fill_ticks(self.phases, phases, ticked)
        for widget in (self.phases_caption, self.phases):
            widget.setVisible(bool(phases))

    def _on_ticked(self, _item: QListWidgetItem) -> None:
        self._model.set_question_steps(self._row, _ticked_ids(self.steps))

    def _on_phase_ticked(self, _item: QListWidgetItem) -> None:
        ticked = _ticked_ids(self.phases)
        self._model.set_value(
            ("questions", self._row, "phases"), ticked or None, text=self.tr("choose phases")
        )
