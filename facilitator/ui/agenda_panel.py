"""The agenda of a running plan on the run page: planned times, where we are, ahead or behind."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.plans.agenda import AgendaStatus, ItemState
from facilitator.ui.plain import plain_label
from facilitator.ui.style import AHEAD_GREEN, PROBLEM_RED, scale_font, set_bold, text_colour_style

if TYPE_CHECKING:
    from collections.abc import Sequence

    from facilitator.models.agenda_model import AgendaModel


def agenda_table(headers: Sequence[str]) -> QTableWidget:
    """A read-only table of agenda rows: a clock time, the item (it takes the room), a time."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
    return table


def clock_text(moment: datetime) -> str:
    """A wall time as the agenda shows it, to the nearest minute: 09:30."""
    return (moment + timedelta(seconds=30)).strftime("%H:%M")


class AgendaPanel(QGroupBox):
    """Each item with its planned clock time, the current one marked, and how late we run."""

    def __init__(self, agenda: AgendaModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Agenda"), parent)
        self._agenda = agenda
        self.pace = plain_label()
        scale_font(self.pace, 1.5, bold=True)
        self.finish = plain_label(wrap=True)
        self.items = agenda_table([self.tr("Planned"), self.tr("Item"), self.tr("Expected")])
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.items.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pace)
        layout.addWidget(self.finish)
        layout.addWidget(self.items, 1)
        self._shown_rows: list[tuple[ItemState, tuple[str, str, str]]] = []
        agenda.changed.connect(self.refresh)
        self.refresh()

    def pace_text(self, status: AgendaStatus) -> str:
        """ "3 min behind", "on time" or "2 min ahead"."""
        minutes = status.minutes_behind
        if minutes > 0:
            return self.tr("{minutes} min behind").format(minutes=minutes)
        if minutes < 0:
            return self.tr("{minutes} min ahead").format(minutes=-minutes)
        return self.tr("on time")

    def refresh(self) -> None:
        """Show the agenda as it stands now."""
        status = self._agenda.status
        self.setVisible(self._agenda.active)
        if status is None:
            self.pace.setText("")
            self.finish.setText("")
            self.items.setRowCount(0)
            self._shown_rows = []
            return
        if not status.started and self._agenda.planned_start is None:
            self.pace.setText(self.tr("Starts when you press Start"))
            self.pace.setStyleSheet("")
        else:
            self.pace.setText(self.pace_text(status))
            minutes = status.minutes_behind
            if minutes > 0:
                self.pace.setStyleSheet(text_colour_style(PROBLEM_RED))
            elif minutes < 0:
                self.pace.setStyleSheet(text_colour_style(AHEAD_GREEN))
            else:
                self.pace.setStyleSheet("")
        self.finish.setText(
            self.tr("Planned finish {planned} · expected {expected}").format(
                planned=clock_text(status.planned_finish),
                expected=clock_text(status.projected_finish),
            )
        )
        self._fill(status)

    def _fill(self, status: AgendaStatus) -> None:
        marker = {ItemState.DONE: "✓ ", ItemState.CURRENT: "▶ ", ItemState.COMING: ""}
        rows = []
        for item in status.rows:
            planned = f"{clock_text(item.planned_start)}–{clock_text(item.planned_end)}"
            expected = clock_text(item.projected_start) if item.projected_start else ""
            rows.append((item.state, (planned, marker[item.state] + item.title, expected)))
        if rows == self._shown_rows:
            return  # the clock times change once a minute: most seconds leave the table be
        self._shown_rows = rows
        self.items.setRowCount(len(rows))
        for row, (item_state, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                set_bold(cell, item_state is ItemState.CURRENT)
                if item_state is ItemState.DONE:
                    cell.setForeground(self.palette().placeholderText())
                self.items.setItem(row, column, cell)

    def texts(self) -> list[str]:
        """Every text in the agenda table, row by row (for tests)."""
        return [
            cell.text() if (cell := self.items.item(row, column)) is not None else ""
            for row in range(self.items.rowCount())
            for column in range(self.items.columnCount())
        ]
