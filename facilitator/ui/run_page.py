"""The console during a run: now and next, the time, the notes and large controls.

Like a slide program's presenter view: what comes next and the facilitator's
notes are here only, never on the projector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
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

from facilitator.core.shown.card import CardPhase
from facilitator.core.shown.console import NextKind
from facilitator.core.timing.events import RunState
from facilitator.ui.accessibility import announce, countdown_name, describe, explain
from facilitator.ui.labels import (
    kind_label,
    role_label,
    round_text,
    speaker_text,
    status_text,
)
from facilitator.ui.plain import plain_label
from facilitator.ui.style import RING_PROMPT_STYLE, scale_font, show_as_secondary
from facilitator.ui.timeline_bar import TimelineBar, TimelineLegend

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from facilitator.core.shown.console import NextUp
    from facilitator.models.console_presenter import ConsolePresenter
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
        presenter: ConsolePresenter,
        actions: RunCommands,
        card_preview: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._presenter = presenter
        self.title = plain_label(wrap=True)
        scale_font(self.title, 1.6, bold=True)
        self.subtitle = plain_label(wrap=True)
        show_as_secondary(self.subtitle)

        self.now = plain_label(wrap=True)
        scale_font(self.now, 1.4, bold=True)
        self.now_detail = plain_label(wrap=True)
        self.countdown = plain_label()
        scale_font(self.countdown, 4.0, bold=True)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.state = plain_label(wrap=True)
        scale_font(self.state, 1.4, bold=True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        describe(
            self.progress,
            self.tr("Progress of this part"),
            self.tr("How much of the current step or turn has gone"),
        )
        self.total = plain_label(wrap=True)
        scale_font(self.total, 1.15)
        self.next = plain_label(wrap=True)
        scale_font(self.next, 1.15)
        self.ring_prompt = plain_label(wrap=True)
        scale_font(self.ring_prompt, 1.6, bold=True)
        self.ring_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ring_prompt.setStyleSheet(RING_PROMPT_STYLE)
        self.ring_prompt.hide()
        self.notes = plain_label(wrap=True, selectable=True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.timeline = TimelineBar()
        self.timeline.set_clickable(True)
        describe(
            self.timeline,
            self.tr("Timeline of the session"),
            self.tr("Every part in order, the current one marked; click a part to go to it"),
            tooltip=False,
        )
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
        explain(
            self.toggle_button,
            self.tr("Start the session, pause the clock, or let it run again (F5, P)"),
        )
        # Two rows of three, so that the page fits a small laptop in any language: what a
        # clicker does (back, start or pause, next) large above, the minutes below.
        controls = QGridLayout()
        rows: list[list[QAction | None]] = [
            [actions.previous, None, actions.next],
            [actions.restart, actions.remove_minute, actions.add_minute],
        ]
        for row, row_actions in enumerate(rows):
            for column, action in enumerate(row_actions):
                if action is None:
                    button: QAbstractButton = self.toggle_button
                else:
                    button = self._action_button(action, big=row == 0)
                if action is actions.next:
                    self.next_button = button
                controls.addWidget(button, row, column)
        for column in range(3):
            controls.setColumnStretch(column, 1)
        modes = QHBoxLayout()
        for action in (actions.manual, actions.blackout):
            modes.addWidget(self._action_button(action, big=False))
        modes.addStretch(1)
        library_button = QPushButton(self.tr("Library"))
        library_button.clicked.connect(self.backToLibrary)
        explain(library_button, self.tr("Show the library; the session goes on (Ctrl+L)"))
        end_button = QPushButton(self.tr("End session"))
        end_button.clicked.connect(self.endRequested)
        explain(end_button, actions.end_session.toolTip())
        leaving = QHBoxLayout()
        leaving.addStretch(1)
        leaving.addWidget(library_button)
        leaving.addWidget(end_button)
        toggles = QVBoxLayout()
        toggles.addLayout(modes)
        toggles.addLayout(leaving)

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
        self.card_preview = card_preview
        """What the room sees, in the projector's shape."""
        if card_preview is not None:
            preview_box = QGroupBox(self.tr("On the projector"))
            preview_layout = QVBoxLayout(preview_box)
            card_preview.setMinimumSize(240, 135)
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

        self._announced_position: int | None = None
        self.announcements: list[str] = []
        """What was announced to a screen reader, latest last (tests read it)."""
        presenter.contentChanged.connect(self.refresh)
        presenter.clockChanged.connect(self._refresh_clock)
        self.refresh()

    def focus_target(self) -> QWidget:
        """Where the focus goes when the run is shown: Next (Space then still means Next)."""
        return self.next_button

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
        content = self._presenter.content
        self.timeline.set_timeline(self._presenter.timeline)
        if content is None:
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
            self._announced_position = None
            return
        self.title.setText(content.title)
        parts = [content.question_set_title] if content.question_set_title else []
        if content.rehearsal_speed is not None:
            speed = f"{content.rehearsal_speed:g}"
            parts.append(self.tr("rehearsal at {speed}x speed").format(speed=speed))
        self.subtitle.setText("  ·  ".join(parts))
        now = content.now
        if now is None:
            self.now.setText(self.tr("Finished"))
            self.now_detail.setText("")
            self.notes.setText("")
            self.next.setText("")
        else:
            card = now.card
            if card.phase_number is None:
                described = [kind_label(now.kind), round_text(card), speaker_text(card)]
            else:  # a phase: where the round stands, the phase and who acts in it
                who = role_label(card.role) if card.role is not None else ""
                described = [round_text(card), card.phase_title, who]
            self.now.setText(now.step_title)
            self.now_detail.setText("  ·  ".join(filter(None, described)))
            self._announce_part(now.step_title, described, content.position)
            self.notes.setText(now.notes or self.tr("No notes for this step."))
            self.next.setText(self._next_text(now.next_up))
        self._refresh_clock()

    def _announce_part(self, title: str, described: list[str], position: int | None) -> None:
        """Say a new part once, when the run reaches it: "The invitation: step"."""
        if position == self._announced_position:
            return
        self._announced_position = position
        message = ": ".join(filter(None, [title, ", ".join(filter(None, described))]))
        self.announcements.append(message)
        del self.announcements[:-20]
        announce(self, message)

    def _next_text(self, next_up: NextUp) -> str:
        if next_up.kind is NextKind.END:
            return self.tr("Next: the end")
        if next_up.kind is NextKind.PHASE:
            return self.tr("Next step: {title} ({length})").format(
                title=next_up.title, length=next_up.length
            )
        what = self.tr("swap speakers") if next_up.kind is NextKind.SWAP else next_up.title
        if next_up.phase_title:
            what = f"{what}: {next_up.phase_title}"
        return self.tr("Next: {what} ({length})").format(what=what, length=next_up.length)

    def _refresh_clock(self) -> None:
        content = self._presenter.content
        if content is None:
            return
        self.toggle_button.setText(
            {
                RunState.READY: self.tr("Start"),
                RunState.RUNNING: self.tr("Pause"),
                RunState.PAUSED: self.tr("Resume"),
                RunState.FINISHED: self.tr("Finished"),
            }[content.state]
        )
        self.toggle_button.setEnabled(content.state is not RunState.FINISHED)
        self.countdown.setText(content.countdown)
        kind = content.now.kind if content.now is not None else None
        self.countdown.setAccessibleName(countdown_name(kind, content.phase, content.countdown))
        state_word = status_text(content.phase)
        if content.phase is CardPhase.READY:
            state_word = self.tr("Ready: press Start or Page Down")
        self.state.setText(state_word)
        self.progress.setValue(round(content.progress * 1000))
        self.timeline.set_position(content.position, content.elapsed_seconds)
        whole = content.whole
        if whole is None:
            self.total.setText("")
        elif content.plan:  # a plan: its agenda tells when it ends, by the wall clock
            self.total.setText(self.tr("Whole plan: {left} left").format(left=whole.left))
        else:
            self.total.setText(
                self.tr("Whole structure: {left} left, ends at {time}").format(
                    left=whole.left, time=whole.ends_at
                )
            )

    def show_ring_prompt(self, text: str) -> None:
        """Tell a facilitator with a real bell to ring it now."""
        self.ring_prompt.setText(text)
        self.ring_prompt.show()
        self._ring_timer.start(4000)
