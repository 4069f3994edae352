"""The phases of a step in the editor: add, remove, reorder and time them, each with undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from facilitator.core.documents.drafting import format_number
from facilitator.core.workshop.structures import (
    FALLBACK_LANGUAGE,
    NO_CUE,
    GroupFollowing,
    Moment,
    Role,
)
from facilitator.ui.editor.fields import ChoiceField, FieldContext, LineField
from facilitator.ui.editor.form_grid import LANGUAGES, FormGrid, bold_caption, row
from facilitator.ui.editor.list_editor import ListEditor
from facilitator.ui.labels import cue_label, role_label

if TYPE_CHECKING:
    from facilitator.core.documents.doc_paths import DocPath
    from facilitator.models.editing.phase_edits import PhaseEdits


def following_field(context: FieldContext, edits: PhaseEdits, step: int) -> ChoiceField:
    """The choice whether a step's rounds or turns follow the size of the group."""
    translate = QCoreApplication.translate
    options = [
        (translate("PhasesEditor", "a fixed number"), None),
        (
            translate("PhasesEditor", "one round per member of the group"),
            GroupFollowing.ROUNDS.value,
        ),
        (
            translate("PhasesEditor", "one turn per person at the table"),
            GroupFollowing.TURNS.value,
        ),
    ]
    return ChoiceField(
        context,
        ("steps", step, "follows_group"),
        options,
        choose=lambda value: edits.set_following(step, value),
    )


class PhasesEditor(QWidget):
    """The phases of one step: a list to add, remove and reorder, the selected one's fields."""

    def __init__(
        self, context: FieldContext, edits: PhaseEdits, step: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._model = context.model
        self._step = step
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bold_caption(self.tr("Phases of each round (or turn)")))
        self.phases = ListEditor(
            context,
            edits.phases_path(step),
            row_text=self._row_text,
            make_detail=lambda index: PhasePanel(context, step, index),
            add=lambda position: edits.add(step, position),
            remove=lambda index: edits.remove(step, index),
            move=lambda source, target: edits.move(step, source, target),
            add_label=self.tr("Add a phase"),
            remove_label=self.tr("Remove"),
        )
        self.phases.rows.setMaximumHeight(140)
        layout.addWidget(self.phases)

    def panel(self) -> PhasePanel | None:
        """The fields of the selected phase."""
        detail = self.phases.detail
        return detail if isinstance(detail, PhasePanel) else None

    def _row_text(self, index: int) -> str:
        path: DocPath = ("steps", self._step, "phases", index)
        title = self._model.value((*path, "title")) or {}
        text = ""
        for language in (FALLBACK_LANGUAGE, *LANGUAGES, *title):
            candidate = title.get(language) if isinstance(title, dict) else None
            if isinstance(candidate, str) and candidate.strip():
                text = candidate.strip()
                break
        role = self._model.value((*path, "role"))
        who = role_label(Role(role)) if role in {r.value for r in Role} else ""
        minutes = format_number(self._model.value((*path, "minutes")))
        return self.tr("{number}.  {title}  ·  {minutes} min  ·  {who}").format(
            number=index + 1, title=text or self.tr("(untitled)"), minutes=minutes, who=who
        )


class PhasePanel(QWidget):
    """Every field of one phase: its name, who acts, its minutes, what the card says, its cue."""

    def __init__(
        self, context: FieldContext, step: int, index: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        phase: DocPath = ("steps", step, "phases", index)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        rows = FormGrid(context, grid)
        self.id_field = LineField(context, (*phase, "id"))
        self.id_field.setToolTip(self.tr("Question sets name phases by this id"))
        rows.field(self.tr("Id"), self.id_field, (*phase, "id"))
        rows.header()
        self.title_fields = rows.texts(self.tr("Title"), (*phase, "title"))
        self.role_field = ChoiceField(
            context, (*phase, "role"), [(role_label(role), role.value) for role in Role]
        )
        rows.field(self.tr("Who acts"), row(self.role_field), (*phase, "role"))
        self.minutes_field, self.min_field, self.max_field = rows.minutes_and_range(
            self.tr("Minutes"), phase
        )
        self.instruction_fields = rows.texts(
            self.tr("Who does what (large on the card)"),
            (*phase, "instruction"),
            multi_line=True,
            lines=2,
        )
        options: list[tuple[str, str | None]] = [(self.tr("the usual one"), None)]
        options += [(cue_label(m.value), m.value) for m in Moment]
        options += [(self.tr("no cue"), NO_CUE)]
        self.cue_field = ChoiceField(context, (*phase, "cue"), options)
        rows.field(self.tr("Cue at its start"), row(self.cue_field), (*phase, "cue"))
        rows.problems(phase, exact=True)
