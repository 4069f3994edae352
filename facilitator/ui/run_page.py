"""The console during a run: now and next, the time, the notes and large controls.

Like a slide program's presenter view: what comes next and the facilitator's
notes are here only, never on the projector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.shown.card import CardPhase, card_content
from facilitator.core.timing.countdown import format_countdown, format_duration
from facilitator.core.timing.events import RunState
from facilitator.core.timing.timeline import Segment, SegmentKind, Timeline
from facilitator.ui.labels import kind_label, round_text, speaker_text, status_text
from facilitator.ui.plain import plain_label
from facilitator.ui.style import RING_PROMPT_STYLE, scale_font
from facilitator.ui.timeline_bar import TimelineBar, TimelineLegend

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from facilitator.models.run_model import RunModel
    from facilitator.ui.run_commands import RunCommands

BIG_BUTTON_HEIGHT = 56


class RunPage(QWidget):
    """Shows the running session and its controls."""

    backToLibrary = Signal()
    endRequested = Signal()

    def __init__(
        self,
        run: RunModel,
        actions: RunCommands,
        card_preview: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._run = run
        self.title = plain_label(wrap=True)
        scale_font(self.title, 1.6, bold=True)
        self.subtitle = plain_label(wrap=True)
        self.subtitle.setEnabled(False)

        self.now = plain_label(wrap=True)
        scale_font(self.now, 1.4, bold=True)
        self.now_detail = plain_label(wrap=True)
        self.countdown = plain_label()
        scale_font(self.countdown, 4.0, bold=True)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.state = plain_label()
        scale_font(self.state, 1.4, bold=True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.total = plain_label(wrap=True)
        scale_font(self.total, 1.15)
        self.next = plain_label(wrap=True)
        scale_font(self.next, 1.15)
        self.ring_prompt = plain_label()
        scale_font(self.ring_prompt, 1.6, bold=True)
        self.ring_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ring_prompt.setStyleSheet(RING_PROMPT_STYLE)
        self.ring_prompt.hide()
        self.notes = plain_label(wrap=True, selectable=True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.timeline = TimelineBar()
        self.timeline.set_clickable(True)
        self.timeline.segmentClicked.connect(run.jump)

        now_box = QVBoxLayout()
        now_box.addWidget(self.now)
        now_box.addWidget(self.now_detail)
        clock_row = QHBoxLayout()
        clock_row.addWidget(self.countdown)
        clock_row.addWidget(self.state, 1)
        now_box.addLayout(clock_row)
        now_box.addWidget(self.progress)
        now_box.addWidget(self.total)
        now_box.addWidget(self.next)
        now_box.addWidget(self.ring_prompt)

        notes_box = QGroupBox(self.tr("Facilitator notes (only on this screen)"))
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.notes)
        notes_layout.addStretch(1)

        self.toggle_button = self._big_button("")
        self.toggle_button.clicked.connect(run.toggle)
        controls = QGridLayout()
        row = [
            actions.previous,
            actions.restart,
            None,
            actions.next,
            actions.remove_minute,
            actions.add_minute,
        ]
        for column, action in enumerate(row):
            button = self.toggle_button if action is None else self._action_button(action)
            controls.addWidget(button, 0, column)
        toggles = QHBoxLayout()
        for action in (actions.manual, actions.blackout):
            toggles.addWidget(self._action_button(action, big=False))
        toggles.addStretch(1)
        library_button = QPushButton(self.tr("Library"))
        library_button.clicked.connect(self.backToLibrary)
        end_button = QPushButton(self.tr("End session"))
        end_button.clicked.connect(self.endRequested)
        toggles.addWidget(library_button)
        toggles.addWidget(end_button)

        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.subtitle)
        left.addLayout(now_box)
        left.addWidget(self.timeline)
        left.addWidget(TimelineLegend())
        left.addLayout(controls)
        left.addLayout(toggles)
        left.addStretch(1)
        right = QVBoxLayout()
        if card_preview is not None:
            preview_box = QGroupBox(self.tr("On the projector"))
            preview_layout = QVBoxLayout(preview_box)
            card_preview.setMinimumSize(320, 180)
            card_preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            preview_layout.addWidget(card_preview)
            right.addWidget(preview_box)
        right.addWidget(notes_box, 1)
        self._side = right
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

        self._ring_timer = QTimer(self)
        self._ring_timer.setSingleShot(True)
        self._ring_timer.timeout.connect(self.ring_prompt.hide)
        # While paused nothing ticks, but the projected finish moves: refresh it gently.
        self._paused_refresh = QTimer(self)
        self._paused_refresh.setInterval(1000)
        self._paused_refresh.timeout.connect(self._refresh_clock)

        run.changed.connect(self.refresh)
        run.sessionChanged.connect(self.refresh)
        run.secondChanged.connect(self._refresh_clock)
        self.refresh()

    def add_side_widget(self, widget: QWidget, stretch: int = 1) -> None:
        """Show a panel in the right column, above the notes (e.g. a plan's agenda)."""
        self._side.insertWidget(self._side.count() - 1, widget, stretch)

    def _big_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(BIG_BUTTON_HEIGHT)
        scale_font(button, 1.3, bold=True)
        return button

    def _action_button(self, action: QAction, *, big: bool = True) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if big:
            button.setMinimumHeight(BIG_BUTTON_HEIGHT)
            scale_font(button, 1.15, bold=True)
        return button

    # --- showing the run ---------------------------------------------------------

    def refresh(self) -> None:
        """Show everything about the run anew."""
        session = self._run.session
        if session is None:
            self.timeline.set_timeline(None)
            for label in (
                self.title,
                self.subtitle,
                self.now,
                self.now_detail,
                self.notes,
                self.next,
                self.total,
                self.countdown,
                self.state,
            ):
                label.setText("")
            return
        timeline = session.timeline
        language = timeline.language
        self.title.setText(timeline.structure.title.in_language(language))
        parts = []
        # A plan's questions come from its items (the agenda names them), not from one set.
        if timeline.question_set is not None and not timeline.sections:
            parts.append(timeline.question_set.title)
        if session.spec.speed != 1:
            speed = f"{session.spec.speed:g}"
            parts.append(self.tr("rehearsal at {speed}x speed").format(speed=speed))
        self.subtitle.setText("  ·  ".join(parts))
        self.timeline.set_timeline(timeline)
        status = self._run.status()
        assert status is not None
        if status.state is RunState.FINISHED or status.segment is None:
            self.now.setText(self.tr("Finished"))
            self.now_detail.setText("")
            self.notes.setText("")
            self.next.setText("")
        else:
            segment = status.segment
            step = timeline.step(segment)
            content = card_content(timeline, status)
            described = [kind_label(segment.kind), round_text(content), speaker_text(content)]
            self.now.setText(step.title.in_language(language))
            self.now_detail.setText("  ·  ".join(filter(None, described)))
            self.notes.setText(
                step.notes.in_language(language) or self.tr("No notes for this step.")
            )
            self.next.setText(self._next_text(timeline, segment))
        self._refresh_clock()

    def _next_text(self, timeline: Timeline, segment: Segment) -> str:
        if segment.index + 1 >= len(timeline.segments):
            return self.tr("Next: the end")
        following = timeline.segments[segment.index + 1]
        step = timeline.step(following)
        what = step.title.in_language(timeline.language)
        if following.kind is SegmentKind.TRANSITION and step.transition is not None:
            what = step.transition.instruction.in_language(timeline.language) or what
        elif following.speaker and following.speaker > 1:
            what = self.tr("swap speakers")
        return self.tr("Next: {what} ({length})").format(
            what=what, length=format_duration(following.duration_seconds)
        )

    def _refresh_clock(self) -> None:
        status = self._run.status()
        session = self._run.session
        if status is None or session is None:
            return
        paused = status.state is RunState.PAUSED
        if paused != self._paused_refresh.isActive():
            if paused:
                self._paused_refresh.start()
            else:
                self._paused_refresh.stop()
        self.toggle_button.setText(
            {
                RunState.READY: self.tr("Start"),
                RunState.RUNNING: self.tr("Pause"),
                RunState.PAUSED: self.tr("Resume"),
                RunState.FINISHED: self.tr("Finished"),
            }[status.state]
        )
        self.toggle_button.setEnabled(status.state is not RunState.FINISHED)
        content = card_content(session.timeline, status)
        self.countdown.setText(format_countdown(status.remaining))
        state_word = status_text(content.phase)
        if content.phase is CardPhase.READY:
            state_word = self.tr("Ready: press Start or Page Down")
        self.state.setText(state_word)
        self.progress.setValue(round(status.progress * 1000))
        finish = QDateTime.currentDateTime().addMSecs(
            round(status.total_remaining / self._run.speed * 1000)
        )
        elapsed = session.timeline.total_seconds - status.total_remaining
        self.timeline.set_position(status.index if status.segment else None, elapsed)
        if status.state is RunState.FINISHED:
            self.total.setText("")
            return
        if session.timeline.sections:  # a plan: its agenda tells when it ends, by the wall clock
            self.total.setText(
                self.tr("Whole plan: {left} left").format(
                    left=format_countdown(status.total_remaining)
                )
            )
            return
        self.total.setText(
            self.tr("Whole structure: {left} left, ends at {time}").format(
                left=format_countdown(status.total_remaining), time=finish.time().toString("HH:mm")
            )
        )

    def show_ring_prompt(self, text: str) -> None:
        """Tell a facilitator with a real bell to ring it now."""
        self.ring_prompt.setText(text)
        self.ring_prompt.show()
        self._ring_timer.start(4000)
