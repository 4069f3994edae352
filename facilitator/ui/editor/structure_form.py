"""The fields of a structure: its texts per language side by side, and every step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QGridLayout,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.documents.drafting import format_number
from facilitator.core.workshop.structures import FALLBACK_LANGUAGE, NO_CUE, GroupShape, Moment
from facilitator.models.editing.phase_edits import PhaseEdits
from facilitator.ui.editor.fields import (
    CheckField,
    ChoiceField,
    FieldContext,
    LineField,
    NumberField,
    release_problem_labels,
)
from facilitator.ui.editor.form_grid import LANGUAGES, FormGrid, row, scrolled
from facilitator.ui.editor.list_editor import ListEditor
from facilitator.ui.editor.phase_editor import PhasesEditor, following_field
from facilitator.ui.labels import cue_label, shape_label

if TYPE_CHECKING:
    from facilitator.core.documents.doc_paths import DocPath


class StructureForm(QTabWidget):
    """A structure's texts on one tab and its steps on the other."""

    def __init__(self, context: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        model = self._model = context.model
        self.phase_edits = PhaseEdits(model)
        about = QWidget()
        grid = QGridLayout(about)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        rows = FormGrid(context, grid)
        self.id_field = LineField(context, ("id",))
        self.id_field.setReadOnly(not model.is_new)
        rows.field(self.tr("Id"), self.id_field, ("id",))
        rows.header()
        self.title_fields = rows.texts(self.tr("Title"), ("title",))
        self.summary_fields = rows.texts(self.tr("Summary"), ("summary",), multi_line=True, lines=2)
        self.purpose_fields = rows.texts(self.tr("Purpose"), ("purpose",), multi_line=True)
        self.setup_fields = rows.texts(self.tr("Space and materials"), ("setup",), multi_line=True)
        self.tips = TipsEditor(context)
        rows.heading(self.tr("Tips and traps"))
        grid.addWidget(self.tips, rows.row, 0, 1, len(LANGUAGES) + 1)
        rows.row += 1
        self.warning_field = NumberField(context, ("warning_seconds",))
        self.warning_field.setPlaceholderText("30")
        rows.field(
            self.tr("Warning before the end (seconds)"),
            row(self.warning_field),
            ("warning_seconds",),
            marks=[self.warning_field],
        )
        self.group_size_field = NumberField(context, ("default_group_size",))
        self.group_size_field.setPlaceholderText(self.tr("smallest"))
        rows.field(
            self.tr("Group size for steps that follow the group"),
            row(self.group_size_field),
            ("default_group_size",),
            marks=[self.group_size_field],
        )
        self.adjustable_field = CheckField(
            context, ("adjustable",), self.tr("The timing is a suggestion; adjust it freely")
        )
        rows.field("", self.adjustable_field, ("adjustable",))
        self.attribution_field = LineField(context, ("attribution",))
        rows.field(self.tr("Credits"), self.attribution_field, ("attribution",))
        self.source_field = LineField(context, ("source",))
        rows.field(self.tr("Source"), self.source_field, ("source",))
        grid.setRowStretch(rows.row, 1)
        self.addTab(scrolled(about), self.tr("About"))

        self.steps = ListEditor(
            context,
            ("steps",),
            row_text=self._step_row,
            make_detail=lambda row: scrolled(StepPanel(context, row, self.phase_edits)),
            add=lambda position: model.add_step(position),
            remove=model.remove_step,
            move=model.move_step,
            add_label=self.tr("Add a step"),
            remove_label=self.tr("Remove"),
            side_by_side=True,
        )
        self.addTab(self.steps, self.tr("Steps"))
        model.identityChanged.connect(lambda: self.id_field.setReadOnly(True))

    def step_panel(self) -> StepPanel | None:
        """The fields of the selected step."""
        detail = self.steps.detail
        if isinstance(detail, QScrollArea) and isinstance(detail.widget(), StepPanel):
            panel = detail.widget()
            assert isinstance(panel, StepPanel)
            return panel
        return None

    def _step_row(self, row: int) -> str:
        title = self._model.value(("steps", row, "title")) or {}
        text = ""
        for language in (FALLBACK_LANGUAGE, *LANGUAGES, *title):
            candidate = title.get(language) if isinstance(title, dict) else None
            if isinstance(candidate, str) and candidate.strip():
                text = candidate.strip()
                break
        minutes = self._model.value(("steps", row, "minutes"))
        phases = self._model.value(("steps", row, "phases")) or []
        if minutes is None and isinstance(phases, list):  # the phases carry the time
            lengths = [p.get("minutes") for p in phases if isinstance(p, dict)]
            numbers = [m for m in lengths if isinstance(m, int | float) and not isinstance(m, bool)]
            minutes = sum(numbers) if len(numbers) == len(phases) else None
        minutes = format_number(minutes)
        return self.tr("{number}.  {title}  ·  {minutes} min").format(
            number=row + 1, title=text or self.tr("(untitled)"), minutes=minutes
        )


class TipsEditor(QWidget):
    """The structure's tips, each in every language, with add and remove."""

    def __init__(self, context: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._model = context.model
        self._body: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add a tip"))
        self.add_button.clicked.connect(self._model.add_tip)
        self._layout.addWidget(self.add_button)
        self._model.listChanged.connect(self._on_list_changed)
        self._rebuild()

    def _on_list_changed(self, changed: str) -> None:
        if changed == "tips":
            self._rebuild()

    def _rebuild(self) -> None:
        if self._body is not None:
            release_problem_labels(self._body)
            self._layout.removeWidget(self._body)
            self._body.hide()
            self._body.deleteLater()
        self._body = QWidget()
        grid = QGridLayout(self._body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        rows = FormGrid(self._context, grid)
        for index in range(self._model.count(("tips",))):
            rows.texts(
                self.tr("Tip {number}").format(number=index + 1),
                ("tips", index),
                multi_line=True,
                lines=2,
            )
            remove = QPushButton(self.tr("Remove tip {number}").format(number=index + 1))
            remove.clicked.connect(lambda _checked=False, i=index: self._model.remove_tip(i))
            grid.addWidget(remove, rows.row - 2, len(LANGUAGES) + 1)
        self._layout.insertWidget(0, self._body)


class StepPanel(QWidget):
    """Every field of one step."""

    def __init__(
        self,
        context: FieldContext,
        index: int,
        edits: PhaseEdits | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model = context.model
        self._index = index
        edits = edits or PhaseEdits(model)
        step: DocPath = ("steps", index)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        rows = FormGrid(context, grid)
        rows.heading(self.tr("Step {number}").format(number=index + 1))
        self.id_field = LineField(context, (*step, "id"))
        self.id_field.setToolTip(self.tr("Question sets name steps by this id"))
        rows.field(self.tr("Id"), self.id_field, (*step, "id"))
        rows.header()
        self.title_fields = rows.texts(self.tr("Title"), (*step, "title"))
        self.instruction_fields = rows.texts(
            self.tr("Instruction on the card"), (*step, "instruction"), multi_line=True, lines=2
        )
        self.notes_fields = rows.texts(
            self.tr("Facilitator notes"), (*step, "notes"), multi_line=True
        )

        self.group_field = ChoiceField(
            context,
            (*step, "group"),
            [(shape_label(shape), shape.value) for shape in GroupShape],
            choose=lambda value: model.set_step_group(index, GroupShape(value)),
        )
        self.size_low = NumberField(context, (*step, "group_size", 0))
        self.size_high = NumberField(context, (*step, "group_size", 1))
        rows.field(
            self.tr("Groups"),
            row(
                self.group_field,
                self.tr("of"),
                self.size_low,
                self.tr("to"),
                self.size_high,
                self.tr("people"),
            ),
            (*step, "group"),
            marks=[self.group_field],
        )
        rows.problems((*step, "group_size"), marks=[self.size_low, self.size_high])

        self.minutes_field, self.min_field, self.max_field = rows.minutes_and_range(
            self.tr("Minutes per round"), step
        )

        self.rounds_field = NumberField(context, (*step, "rounds"))
        self.rounds_field.setPlaceholderText("1")
        self.speakers_field = NumberField(context, (*step, "speakers"))
        self.speakers_field.setPlaceholderText("1")
        rows.field(
            self.tr("Rounds"),
            row(self.rounds_field, self.tr("speaking turns per round"), self.speakers_field),
            (*step, "rounds"),
            marks=[self.rounds_field],
        )
        rows.problems((*step, "speakers"), marks=[self.speakers_field])
        self.following_field = following_field(context, edits, index)
        rows.field(
            self.tr("Rounds or turns follow the group"),
            row(self.following_field),
            (*step, "follows_group"),
        )
        self.phases_editor = PhasesEditor(context, edits, index)
        grid.addWidget(self.phases_editor, rows.row, 0, 1, len(LANGUAGES) + 1)
        rows.row += 1

        transition: DocPath = (*step, "transition")
        self.transition_field = CheckField(
            context,
            transition,
            self.tr("yes, of"),
            read=lambda value: value is not None,
            decide=lambda checked: model.set_transition(index, checked),
        )
        self.transition_minutes = NumberField(context, (*transition, "minutes"))
        self.before_first = CheckField(
            context, (*transition, "before_first_round"), self.tr("also before the first round")
        )
        rows.field(
            self.tr("Change-over between rounds"),
            row(self.transition_field, self.transition_minutes, self.tr("min")),
            transition,
            marks=[self.transition_minutes],
        )
        rows.field("", self.before_first, (*transition, "before_first_round"))
        self.transition_fields = rows.texts(
            self.tr("Change-over instruction"), (*transition, "instruction")
        )

        rows.heading(self.tr("Cues (which signal marks each moment)"))
        self.cue_fields: dict[Moment, ChoiceField] = {}
        options: list[tuple[str, str | None]] = [(self.tr("the usual one"), None)]
        options += [(cue_label(m.value), m.value) for m in Moment]
        options += [(self.tr("no cue"), NO_CUE)]
        for moment in Moment:
            field = ChoiceField(context, (*step, "cues", moment.value), options)
            self.cue_fields[moment] = field
            rows.field(cue_label(moment.value), row(field), (*step, "cues", moment.value))
        rows.problems((*step, "cues"), exact=True)

        self.show_questions_field = CheckField(
            context,
            (*step, "show_questions"),
            self.tr("Show the questions on the card"),
            default=True,
            decide=lambda checked: model.set_value(
                (*step, "show_questions"), None if checked else False
            ),
        )
        rows.field("", self.show_questions_field, (*step, "show_questions"))
        self.warning_field = NumberField(context, (*step, "warning_seconds"))
        self.warning_field.setPlaceholderText(self.tr("as the structure"))
        rows.field(
            self.tr("Warning before the end (seconds)"),
            row(self.warning_field),
            (*step, "warning_seconds"),
            marks=[self.warning_field],
        )
        rows.problems(step, exact=True)
        grid.setRowStretch(rows.row, 1)
        model.changed.connect(lambda _changed: self._update_enabled())
        self._update_enabled()

    def _update_enabled(self) -> None:
        step = ("steps", self._index)
        small = self._model.value((*step, "group")) == GroupShape.SMALL_GROUPS.value
        for field in (self.size_low, self.size_high):
            field.setEnabled(small)
        has_transition = self._model.value((*step, "transition")) is not None
        for widget in (self.transition_minutes, self.before_first, *self.transition_fields):
            widget.setEnabled(has_transition)
        minutes = self._model.value((*step, "minutes"))
        if isinstance(minutes, int | float) and not isinstance(minutes, bool):
            self.min_field.setPlaceholderText(format_number(minutes / 2))
            self.max_field.setPlaceholderText(format_number(minutes * 2))
        phased = bool(self._model.value((*step, "phases")))
        for field in (self.minutes_field, self.min_field, self.max_field):
            field.setEnabled(not phased)  # the phases carry the step's time
        if phased:
            self.minutes_field.setPlaceholderText(self.tr("from its phases"))
        following = self._model.value((*step, "follows_group"))
        self.rounds_field.setEnabled(following != "rounds")
        self.speakers_field.setEnabled(following != "turns")
