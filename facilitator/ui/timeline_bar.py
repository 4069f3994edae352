"""A structure's timeline as a bar: segments to scale, coloured by kind, with the position.

The phases of a round are marked: every other phase a lighter shade, and a small notch at
the top where a phase begins, so a round of four phases reads as one block in four parts.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from facilitator.core.timing.countdown import format_duration
from facilitator.core.timing.timeline import Segment, SegmentKind, Timeline
from facilitator.ui.labels import kind_label, role_label
from facilitator.ui.plain import plain_tooltip
from facilitator.ui.style import ALTERNATE_TURN, SEGMENT_COLOURS

PHASE_SHADE = 125
"""How much lighter every other phase of a round is drawn (QColor.lighter's factor)."""
PHASE_NOTCH = 5
"""The height of the notch marking where a phase begins, in pixels."""


class TimelineBar(QWidget):
    """Draws a timeline; in a run it marks the current moment and lets you jump by clicking."""

    segmentClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timeline: Timeline | None = None
        self._current: int | None = None
        self._position: float | None = None
        self._clickable = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(600, 44)

    def set_timeline(self, timeline: Timeline | None) -> None:
        """Show `timeline` (None shows nothing)."""
        self._timeline = timeline
        self._current = None
        self._position = None
        self.update()

    def set_position(self, index: int | None, elapsed_seconds: float | None) -> None:
        """Mark segment `index` and the moment `elapsed_seconds` from the start."""
        self._current = index
        self._position = elapsed_seconds
        self.update()

    def set_clickable(self, clickable: bool) -> None:
        """Whether clicking a segment asks to jump there."""
        self._clickable = clickable
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        )

    def segment_rect(self, segment: Segment) -> QRectF:
        """Where a segment is drawn."""
        assert self._timeline is not None
        total = max(1, self._timeline.total_seconds)
        width = self.width() - 2
        left = 1 + width * segment.start_seconds / total
        return QRectF(left, 4, width * segment.duration_seconds / total, self.height() - 8)

    def segment_at(self, x: float) -> int | None:
        """The index of the segment drawn at horizontal position `x`."""
        if self._timeline is None:
            return None
        for segment in self._timeline.segments:
            rect = self.segment_rect(segment)
            if rect.left() <= x <= rect.right():
                return segment.index
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._timeline is None:
            return
        for segment in self._timeline.segments:
            colour = SEGMENT_COLOURS[segment.kind]
            if segment.kind is SegmentKind.TURN and (segment.speaker or 1) % 2 == 0:
                colour = ALTERNATE_TURN
            if segment.phase is not None and segment.phase % 2 == 0:
                colour = colour.lighter(PHASE_SHADE)
            if self._current is not None and segment.index < self._current:
                colour = colour.darker(160)
            rect = self.segment_rect(segment).adjusted(0.5, 0, -0.5, 0)
            painter.fillRect(rect, colour)
            if segment.phase is not None:
                notch = QRectF(rect.left(), rect.top(), min(rect.width(), 3.0), PHASE_NOTCH)
                painter.fillRect(notch, self.palette().text().color())
            if segment.index == self._current:
                painter.setPen(QPen(self.palette().text().color(), 2))
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if self._position is not None:
            total = max(1, self._timeline.total_seconds)
            x = 1 + (self.width() - 2) * min(1.0, self._position / total)
            painter.setPen(QPen(self.palette().highlight().color(), 3))
            painter.drawLine(round(x), 0, round(x), self.height())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._clickable and event.button() is Qt.MouseButton.LeftButton:
            index = self.segment_at(event.position().x())
            if index is not None:
                self.segmentClicked.emit(index)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.segment_at(event.position().x())
        if index is None or self._timeline is None:
            self.setToolTip("")
        else:
            segment = self._timeline.segments[index]
            step = self._timeline.step(segment)
            title = step.title.in_language(self._timeline.language)
            phase = self._timeline.phase(segment)
            if phase is not None:
                name = phase.title.in_language(self._timeline.language)
                title = f"{title} · {name}, {role_label(phase.role).lower()}"
            self.setToolTip(plain_tooltip(f"{title} ({format_duration(segment.duration_seconds)})"))
        super().mouseMoveEvent(event)


class TimelineLegend(QWidget):
    """The key to the timeline bar's colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for kind, colour in SEGMENT_COLOURS.items():
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {colour.name()}; border-radius: 2px;")
            layout.addWidget(swatch)
            layout.addWidget(QLabel(kind_label(kind)))
            layout.addSpacing(12)
        layout.addStretch(1)
