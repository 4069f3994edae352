"""The console's groups panel: participants, late arrivals, each round's groups, the card.

Names typed or pasted here stay in the session (memory and its crash record);
only "Export CSV…" writes them to a file the facilitator chooses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.groups.attributes import AttributeRule
from facilitator.core.groups.participants import MAX_NAME_CHARS
from facilitator.core.groups.planning import GroupMode
from facilitator.models.groups_model import MAX_SIZE, GroupsModel
from facilitator.ui.accessibility import describe, explain
from facilitator.ui.labels import shape_label
from facilitator.ui.plain import plain_label
from facilitator.ui.style import PROBLEM_TEXT_STYLE, scale_font, show_as_secondary

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from facilitator.core.groups.rounds import GroupStep


class GroupsPanel(QWidget):
    """Paste or import names, adjust group sizes, see and show each round's groups."""

    importRequested = Signal()
    exportRequested = Signal()

    def __init__(
        self,
        groups: GroupsModel,
        show_action: QAction | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._groups = groups
        self._applied = ""
        """The names text last applied (read in the background)."""
        self.private_note = plain_label(
            self.tr("Names stay in this session only: never in plans, sheets or exports."),
            wrap=True,
        )
        show_as_secondary(self.private_note)
        self.names_edit = QPlainTextEdit()
        self.names_edit.setTabChangesFocus(True)  # Tab moves on; a name never holds a tab
        self.names_edit.setPlaceholderText(
            self.tr("One name per line, or paste a CSV with a 'name' column.\napart: Ann, Bob")
        )
        self.names_edit.setMaximumHeight(140)
        self.apply_button = QPushButton(self.tr("Use these names"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.message = plain_label(wrap=True)
        self.late_name = QLineEdit()
        self.late_name.setMaxLength(MAX_NAME_CHARS)
        self.late_name.setPlaceholderText(self.tr("Late arrival's name"))
        self.add_button = QPushButton(self.tr("Add"))

        self.columns_box = QGroupBox(self.tr("Columns"))
        explain(self.columns_box, self.tr("What to do with people who share a value in a column"))
        self.columns_form = QFormLayout(self.columns_box)
        self._columns: tuple[str, ...] = ()
        self.rule_choice: dict[str, QComboBox] = {}

        self.steps_box = QGroupBox(self.tr("Groups per step"))
        self.steps_form = QFormLayout(self.steps_box)
        self._step_keys: tuple[str, ...] = ()
        self.size_spins: dict[str, QSpinBox] = {}
        self.mode_choice: dict[str, QComboBox] = {}

        self.reshuffle_button = QPushButton(self.tr("New groups"))
        self.auto_show = QCheckBox(self.tr("Show each round's groups at its change-over"))
        self.show_button = QToolButton()
        if show_action is not None:
            self.show_button.setDefaultAction(show_action)
        self.rounds_view = QPlainTextEdit()
        self.rounds_view.setReadOnly(True)
        self.rounds_view.setTabChangesFocus(True)
        scale_font(self.rounds_view, 0.95)
        self.summary = plain_label(wrap=True)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self._describe_controls()

        names_buttons = QHBoxLayout()
        names_buttons.addWidget(self.apply_button)
        names_buttons.addWidget(self.import_button)
        late_row = QHBoxLayout()
        late_row.addWidget(self.late_name, 1)
        late_row.addWidget(self.add_button)
        show_row = QHBoxLayout()
        show_row.addWidget(self.show_button)
        show_row.addWidget(self.reshuffle_button)
        show_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.private_note)
        layout.addWidget(self.names_edit)
        layout.addLayout(names_buttons)
        layout.addWidget(self.message)
        layout.addLayout(late_row)
        layout.addWidget(self.columns_box)
        layout.addWidget(self.steps_box)
        layout.addLayout(show_row)
        layout.addWidget(self.auto_show)
        layout.addWidget(self.summary)
        layout.addWidget(self.rounds_view, 1)
        layout.addWidget(self.export_button)

        self.apply_button.clicked.connect(self._apply)
        self.import_button.clicked.connect(self.importRequested)
        self.add_button.clicked.connect(self._add_late)
        self.late_name.returnPressed.connect(self._add_late)
        self.reshuffle_button.clicked.connect(groups.reshuffle)
        self.auto_show.toggled.connect(groups.set_auto_show)
        self.export_button.clicked.connect(self.exportRequested)
        groups.changed.connect(self.refresh)
        groups.participantsUsed.connect(self._on_names_used)
        groups.participantsRefused.connect(self.show_problem)
        self.refresh()

    def _describe_controls(self) -> None:
        """Names and descriptions for a screen reader (and tooltips)."""
        describe(
            self.names_edit,
            self.tr("Participants' names"),
            self.tr("One name per line; a line 'apart: Ann, Bob' keeps two people apart"),
            tooltip=False,
        )
        explain(self.apply_button, self.tr("Form the groups from the names typed above"))
        explain(self.import_button, self.tr("Read the names from a list or CSV file"))
        describe(
            self.late_name,
            self.tr("Late arrival's name"),
            self.tr("Someone who joins during the session: added to the next groups"),
        )
        explain(self.add_button, self.tr("Add the late arrival to the groups"))
        explain(self.reshuffle_button, self.tr("Mix everyone into other groups"))
        explain(self.auto_show, self.tr("The card shows the new groups by itself at each round"))
        describe(
            self.rounds_view,
            self.tr("Groups per round"),
            self.tr("Who is with whom in each round, for you to read out or check"),
            tooltip=False,
        )
        explain(self.export_button, self.tr("Save the groups of every round as a CSV file"))

    # --- actions ------------------------------------------------------------------------

    def _apply(self) -> None:
        # Read away from the GUI thread: `participantsUsed` or `participantsRefused` follows.
        self._applied = self.names_edit.toPlainText()
        self._groups.set_participants_text(self._applied)

    def _on_names_used(self) -> None:
        if self.names_edit.toPlainText() == self._applied:  # the names applied, not typed since
            self.names_edit.document().setModified(False)
        self.refresh()

    def _add_late(self) -> None:
        problem = self._groups.add_name(self.late_name.text())
        if problem:
            self.show_problem(problem)
        else:
            self.late_name.clear()

    def show_problem(self, text: str) -> None:
        """Say why the names could not be used."""
        self.message.setStyleSheet(PROBLEM_TEXT_STYLE)
        self.message.setText(text)

    # --- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the names, the steps and the rounds as they stand."""
        groups = self._groups
        if not self.names_edit.document().isModified():
            text = groups.participants_text()
            if text != self.names_edit.toPlainText():
                self.names_edit.setPlainText(text)
                self.names_edit.document().setModified(False)
        self.message.setStyleSheet("")
        if groups.forming:
            self.message.setText(self.tr("Forming the groups…"))
        elif groups.error:
            self.show_problem(groups.error)
        elif groups.names:
            self.message.setText(
                self.tr("{count} participants, {apart} pairs kept apart").format(
                    count=len(groups.names), apart=len(groups.apart)
                )
            )
        else:
            self.message.setText("")
        blocked = self.auto_show.blockSignals(True)
        self.auto_show.setChecked(groups.auto_show)
        self.auto_show.blockSignals(blocked)
        self._fill_columns()
        self._fill_steps()
        rounds = self.rounds_text()
        if rounds != self.rounds_view.toPlainText():
            self.rounds_view.setPlainText(rounds)
        self.summary.setText(self.summary_text())
        self.export_button.setEnabled(bool(groups.planned_rounds()))

    def summary_text(self) -> str:
        """Whether anybody meets twice, what is possible, and how each column came out."""
        if not self._groups.steps:
            return self.tr("Start a structure or a plan with pairs or small groups to form them.")
        if not self._groups.planned_rounds():
            return self.tr("Add the participants' names to form the groups.")
        repeats = self._groups.repeats()
        if repeats == 0:
            lines = [self.tr("Nobody meets anybody twice.")]
        else:
            lines = [
                self.tr("{count} repeated encounters could not be avoided.").format(count=repeats)
            ]
        for bound in self._groups.bounds_beyond():
            lines.append(
                self.tr(
                    "{people} people in groups of {size}: at most {most} rounds without a "
                    "repeat; {asked} asked."
                ).format(people=bound.people, size=bound.size, most=bound.most, asked=bound.asked)
            )
        for report in self._groups.attribute_reports():
            lines.append(
                self.tr("{column}: {count} of {groups} groups hold two of the same value.").format(
                    column=report.column,
                    count=report.groups_with_same_value,
                    groups=report.groups,
                )
            )
        return "\n".join(lines)

    def rounds_text(self) -> str:
        """Every round's groups as plain text, the rounds already run marked."""
        lines = []
        for planned in self._groups.planned_rounds():
            step = planned.round.step
            heading = self.tr("{title}, round {number} of {count}").format(
                title=_step_title(step), number=planned.round.number, count=step.rounds
            )
            if planned.same_as_before:
                heading = self.tr("{heading}: the same groups as the step before").format(
                    heading=heading
                )
            elif planned.joined_from is not None:
                heading = self.tr("{heading}: the groups of the step before, joined").format(
                    heading=heading
                )
            elif planned.fixed:
                heading = self.tr("{heading} (fixed)").format(heading=heading)
            lines.append(heading)
            for number, group in enumerate(planned.groups, start=1):
                lines.append(f"  {number}. {', '.join(group)}")
            lines.append("")
        return "\n".join(lines).rstrip()

    def _fill_steps(self) -> None:
        steps = self._groups.steps
        keys = tuple(step.key for step in steps)
        if keys != self._step_keys:
            while self.steps_form.rowCount():
                self.steps_form.removeRow(0)
            self.size_spins, self.mode_choice = {}, {}
            for step in steps:
                spin = QSpinBox()
                spin.setRange(2, MAX_SIZE)
                describe(
                    spin,
                    self.tr("People per group in {step}").format(step=self.step_label(step)),
                    self.tr("How many people each group of this step has"),
                )
                spin.valueChanged.connect(
                    lambda value, key=step.key: self._groups.set_size(key, value)
                )
                mode = QComboBox()
                mode.addItem(self.tr("New groups"), GroupMode.NEW)
                if step.continues is not None:
                    mode.addItem(self.tr("Same groups as the step before"), GroupMode.SAME)
                if step.follows is not None:
                    mode.addItem(self.tr("Join the groups before"), GroupMode.JOIN)
                    mode.setItemData(
                        mode.count() - 1,
                        self.tr("The groups of the step before join two by two"),
                        Qt.ItemDataRole.ToolTipRole,
                    )
                mode.addItem(self.tr("People choose"), GroupMode.OWN)
                mode.currentIndexChanged.connect(
                    lambda _index, key=step.key, combo=mode: self._groups.set_mode(
                        key, combo.currentData()
                    )
                )
                describe(
                    mode,
                    self.tr("Groups in {step}").format(step=self.step_label(step)),
                    self.tr("New groups, the same as the step before, or people choose"),
                )
                row = QHBoxLayout()
                row.addWidget(spin)
                row.addWidget(mode, 1)
                # The step's name on a line of its own, its choices below it: a long (Dutch)
                # name wraps in a narrow panel instead of being squeezed out of sight.
                self.steps_form.addRow(plain_label(self.step_label(step), wrap=True))
                self.steps_form.addRow(row)
                self.size_spins[step.key], self.mode_choice[step.key] = spin, mode
            self._step_keys = keys
        self.steps_box.setVisible(bool(steps))
        for key, spin in self.size_spins.items():
            blocked = spin.blockSignals(True)
            spin.setValue(self._groups.size_of(key))
            spin.blockSignals(blocked)
            choice = self.mode_choice[key]
            group_mode = self._groups.mode_of(key)
            blocked = choice.blockSignals(True)
            choice.setCurrentIndex(max(0, choice.findData(group_mode)))
            choice.blockSignals(blocked)
            spin.setEnabled(group_mode is GroupMode.NEW)

    def _fill_columns(self) -> None:
        """One compact choice per attribute column of the participant list."""
        columns = self._groups.columns
        if columns != self._columns:
            while self.columns_form.rowCount():
                self.columns_form.removeRow(0)
            self.rule_choice = {}
            for column in columns:
                choice = QComboBox()
                choice.addItem(self.tr("Ignore"), None)
                choice.addItem(self.tr("Keep apart"), AttributeRule.APART)
                choice.addItem(self.tr("Mix"), AttributeRule.MIX)
                choice.addItem(self.tr("Keep together"), AttributeRule.TOGETHER)
                describe(
                    choice,
                    self.tr("What to do with the column {column}").format(column=column),
                    self.tr(
                        "Keep apart: never two of one value in a group. Mix: as few as "
                        "possible. Keep together: groups within each value."
                    ),
                )
                choice.currentIndexChanged.connect(
                    lambda _index, name=column, combo=choice: self._groups.set_rule(
                        name, combo.currentData()
                    )
                )
                self.columns_form.addRow(plain_label(column), choice)
                self.rule_choice[column] = choice
            self._columns = columns
        self.columns_box.setVisible(bool(columns))
        for column, choice in self.rule_choice.items():
            blocked = choice.blockSignals(True)
            choice.setCurrentIndex(max(0, choice.findData(self._groups.rule_of(column))))
            choice.blockSignals(blocked)

    def step_label(self, step: GroupStep) -> str:
        """A step with its group shape and rounds: "Impromptu · Pairs (pairs, 3 rounds)"."""
        if step.rounds == 1:
            return self.tr("{title} ({shape})").format(
                title=_step_title(step), shape=shape_label(step.shape)
            )
        return self.tr("{title} ({shape}, {rounds} rounds)").format(
            title=_step_title(step), shape=shape_label(step.shape), rounds=step.rounds
        )


def _step_title(step: GroupStep) -> str:
    """A step's title, after its plan item's when it is part of a plan."""
    if step.section_title and step.section_title != step.title:
        return f"{step.section_title} · {step.title}"
    return step.title
