"""The library page's details of the chosen structure: its steps, questions, length and groups."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.timing.countdown import format_duration
from facilitator.ui.accessibility import describe, explain
from facilitator.ui.labels import language_label, role_label, shape_label
from facilitator.ui.plain import plain_label
from facilitator.ui.style import scale_font, set_bold, show_as_secondary
from facilitator.ui.timeline_bar import TimelineBar, TimelineLegend

if TYPE_CHECKING:
    from facilitator.core.workshop.structures import Structure
    from facilitator.models.library_model import LibraryModel
    from facilitator.models.structure_choice import StructureChoiceModel


class StructureDetails(QScrollArea):
    """Everything about one structure, and the controls to start it."""

    def __init__(self, choice: StructureChoiceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choice = choice
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        self.layout_ = QVBoxLayout(body)
        self.title = plain_label(wrap=True)
        scale_font(self.title, 1.8, bold=True)
        self.summary = plain_label(wrap=True)
        self.meta = plain_label(wrap=True)
        show_as_secondary(self.meta)
        self.timeline = TimelineBar()
        self.questions = QComboBox()
        # A long set title is cut short in the box (and shown whole in its list), never
        # widening the window.
        self.questions.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.questions.setMinimumContentsLength(24)
        self.question_list = plain_label(wrap=True)
        self.fit = QCheckBox(self.tr("Fit to"))
        self.fit_minutes = QSpinBox()
        self.fit_minutes.setRange(1, 600)
        self.fit_minutes.setSuffix(self.tr(" min"))
        self.fit_message = plain_label(wrap=True)
        self.group_size_label = QLabel(self.tr("Group size"))
        self.group_size = QSpinBox()
        self.group_size.setToolTip(
            self.tr("People per group: the rounds or turns of this structure follow it")
        )
        self.start = QPushButton(self.tr("Start"))
        explain(
            self.start,
            self.tr("Start a session of this structure: the card opens on the projector"),
        )
        explain(
            self.fit,
            self.tr("Shorten or lengthen every step in proportion to fit the minutes beside it"),
        )
        describe(
            self.fit_minutes,
            self.tr("Minutes to fit to"),
            self.tr("How long the whole structure should take"),
        )
        describe(self.questions, self.tr("Questions"), self.tr("The question set the card shows"))
        describe(
            self.timeline,
            self.tr("Timeline of the structure"),
            self.tr("Its steps, turns and change-overs in order, each as wide as it is long"),
            tooltip=False,
        )
        describe(
            self,
            self.tr("About this structure"),
            self.tr("Its steps, purpose and tips, and the controls to start it"),
            tooltip=False,
        )
        self.start.setMinimumHeight(48)
        scale_font(self.start, 1.4, bold=True)
        self.steps = QVBoxLayout()
        self.more = QVBoxLayout()

        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.meta)
        self.layout_.addWidget(self.timeline)
        self.layout_.addWidget(TimelineLegend())
        chooser = QGridLayout()
        questions_label = QLabel(self.tr("Questions"))
        questions_label.setBuddy(self.questions)
        chooser.addWidget(questions_label, 0, 0)
        chooser.addWidget(self.questions, 0, 1)
        fit_row = QHBoxLayout()
        fit_row.addWidget(self.group_size_label)
        fit_row.addWidget(self.group_size)
        fit_row.addSpacing(12)
        fit_row.addWidget(self.fit)
        fit_row.addWidget(self.fit_minutes)
        fit_row.addWidget(self.fit_message, 1)
        chooser.addLayout(fit_row, 1, 0, 1, 2)
        chooser.setColumnStretch(1, 1)
        self.layout_.addLayout(chooser)
        self.layout_.addWidget(self.question_list)
        self.layout_.addWidget(self.start)
        self.layout_.addLayout(self.steps)
        self.layout_.addLayout(self.more)
        self.layout_.addStretch(1)

        self._structure: Structure | None = None
        self._language = "en"
        self._meta_rest: list[str] = []
        self.questions.currentIndexChanged.connect(self._show_questions)
        self.fit.toggled.connect(self._refit)
        self.fit_minutes.valueChanged.connect(self._refit)
        self.group_size.valueChanged.connect(self._regroup)
        choice.changed.connect(self._show_fit)

    def show_structure(
        self, structure: Structure | None, library: LibraryModel, language: str
    ) -> None:
        """Fill the details for `structure` (or clear them)."""
        self._structure = structure
        self._language = language
        self._library = library
        self.start.setEnabled(structure is not None)
        if structure is None:
            for label in (self.title, self.summary, self.meta, self.question_list):
                label.setText("")
            self.timeline.set_timeline(None)
            self.questions.clear()
            _clear(self.steps)
            _clear(self.more)
            self._choice.choose(None, language)
            return
        self.title.setText(structure.title.in_language(language))
        self.summary.setText(structure.summary.in_language(language))
        shapes = ", ".join(shape_label(s) for s in structure.group_shapes)
        languages = ", ".join(language_label(code) for code in sorted(structure.languages()))
        missing = structure.missing_translations(language)
        self._meta_rest = [shapes, languages]
        if missing:
            self._meta_rest.append(
                self.tr("{count} texts not translated yet, shown in English").format(count=missing)
            )
        self._show_meta(structure.total_minutes * 60)
        self.questions.blockSignals(True)
        self.questions.clear()
        default = library.library.default_question_set(structure, language)
        for question_set in library.library.question_sets_for(structure.id):
            text = f"{question_set.title} ({language_label(question_set.language)})"
            self.questions.addItem(text, question_set.id)
        if default is not None:
            self.questions.setCurrentIndex(max(0, self.questions.findData(default.id)))
        self.questions.blockSignals(False)
        self.fit.blockSignals(True)
        self.fit.setChecked(False)
        self.fit.blockSignals(False)
        self.fit_minutes.blockSignals(True)
        self.fit_minutes.setValue(round(structure.total_minutes))
        self.fit_minutes.blockSignals(False)
        self._show_group_size(structure)
        self._show_questions()
        self._choice.choose(structure, language)
        self._fill_steps(structure, language)

    def choose_questions(self, set_id: object) -> None:
        """Choose the set `set_id`, in the shown language where it has a counterpart.

        A set chosen under another interface language (or remembered from then) becomes the
        same questions in this one: the card never shows a title in one language above
        questions in another without the facilitator choosing so here.
        """
        if self._structure is None or not isinstance(set_id, str) or not set_id:
            return
        twin = self._library.library.counterpart(set_id, self._structure, self._language)
        index = self.questions.findData(twin.id if twin is not None else set_id)
        if index >= 0:
            self.questions.setCurrentIndex(index)

    def _show_questions(self) -> None:
        if self._structure is None:
            return
        set_id = self.questions.currentData()
        if not set_id:
            self.question_list.setText(self.tr("No question set yet."))
            return
        question_set = self._library.library.question_set(set_id)
        self.question_list.setText("\n".join(f"•  {q.text}" for q in question_set.questions))

    def _show_meta(self, total_seconds: float) -> None:
        """The length (as the preview now runs), the group shapes and the languages."""
        self.meta.setText("  ·  ".join([format_duration(total_seconds), *self._meta_rest]))

    def _show_group_size(self, structure: Structure) -> None:
        """The group size spin box, only for a structure whose rounds or turns follow it."""
        allowed = structure.group_size_range
        for widget in (self.group_size_label, self.group_size):
            widget.setVisible(allowed is not None)
        if allowed is None or structure.group_size is None:
            return
        self.group_size.blockSignals(True)
        self.group_size.setRange(*allowed)
        self.group_size.setValue(structure.group_size)
        self.group_size.blockSignals(False)

    def _regroup(self, size: int) -> None:
        self._choice.set_group_size(size)
        if self._structure is not None and self._structure.follows_group:
            self._fill_steps(self._structure.with_group_size(size), self._language)
        preview = self._choice.preview
        if preview is not None and not self.fit.isChecked():
            # Offer the new length as the one to fit to, as a new structure's length is.
            self.fit_minutes.blockSignals(True)
            self.fit_minutes.setValue(round(preview.timeline.total_seconds / 60))
            self.fit_minutes.blockSignals(False)

    def _refit(self) -> None:
        self._choice.set_fit(self.fit_minutes.value() if self.fit.isChecked() else None)

    def _show_fit(self) -> None:
        preview = self._choice.preview
        if preview is None:
            return
        self.fit_minutes.setEnabled(self.fit.isChecked())
        self.start.setEnabled(preview.startable)
        self.fit_message.setText(
            preview.problem
            or self.tr("possible: {low} to {high} min").format(
                low=f"{preview.shortest_minutes:g}", high=f"{preview.longest_minutes:g}"
            )
        )
        self.timeline.set_timeline(preview.timeline)
        self._show_meta(preview.timeline.total_seconds)

    def _fill_steps(self, structure: Structure, language: str) -> None:
        _clear(self.steps)
        _clear(self.more)
        heading = plain_label(self.tr("Steps"))
        set_bold(heading)
        self.steps.addWidget(heading)
        for step in structure.steps:
            length = format_duration(step.total_minutes * 60)
            rounds = ""
            if step.rounds > 1:
                rounds = self.tr(", {rounds} rounds").format(rounds=step.rounds)
            if step.speakers > 1:
                rounds += self.tr(", {speakers} turns each").format(speakers=step.speakers)
            title = plain_label(
                f"{length}  ·  {shape_label(step.group)}{rounds}  ·  "
                f"{step.title.in_language(language)}",
                wrap=True,
            )
            set_bold(title)
            self.steps.addWidget(title)
            if not step.instruction.is_empty():
                self.steps.addWidget(plain_label(step.instruction.in_language(language), wrap=True))
            for number, phase in enumerate(step.phases, start=1):
                line = self.tr("{number}. {title}  ·  {length}  ·  {who}").format(
                    number=number,
                    title=phase.title.in_language(language),
                    length=format_duration(phase.minutes * 60),
                    who=role_label(phase.role),
                )
                self.steps.addWidget(plain_label(line, wrap=True))
            if not step.notes.is_empty():
                notes = plain_label(
                    self.tr("Notes: {notes}").format(notes=step.notes.in_language(language)),
                    wrap=True,
                )
                show_as_secondary(notes)
                self.steps.addWidget(notes)
        sections = [
            (self.tr("Purpose"), structure.purpose.in_language(language)),
            (self.tr("Space and materials"), structure.setup.in_language(language)),
            (
                self.tr("Tips and traps"),
                "\n".join(f"•  {tip.in_language(language)}" for tip in structure.tips),
            ),
            (
                self.tr("Credits"),
                "\n".join(filter(None, [structure.attribution, structure.source])),
            ),
        ]
        for name, text in sections:
            if text:
                heading = plain_label(name)
                set_bold(heading)
                self.more.addWidget(heading)
                self.more.addWidget(plain_label(text, wrap=True, selectable=True))


def _clear(layout: QVBoxLayout) -> None:
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
