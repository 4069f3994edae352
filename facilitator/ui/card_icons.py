"""The card's status icons: shapes that tell the phase without colour (pause, warning, overrun)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath

from facilitator.core.shown.card import CardPhase

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QPainter

    from facilitator.ui.theme import CardPalette


def paint_status_icon(
    painter: QPainter,
    rect: QRectF,
    phase: CardPhase,
    colour: QColor,
    palette: CardPalette,
) -> None:
    """A shape that tells the phase without colour: pause bars, a triangle, a stop sign, an
    hourglass (a calm "time is up")."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    if phase is CardPhase.PAUSED:
        bar = rect.width() * 0.28
        painter.drawRect(QRectF(rect.left() + rect.width() * 0.12, rect.top(), bar, rect.height()))
        painter.drawRect(
            QRectF(rect.right() - rect.width() * 0.12 - bar, rect.top(), bar, rect.height())
        )
    elif phase is CardPhase.WARNING:
        triangle = QPainterPath(QPointF(rect.center().x(), rect.top()))
        triangle.lineTo(rect.bottomRight())
        triangle.lineTo(rect.bottomLeft())
        triangle.closeSubpath()
        painter.drawPath(triangle)
        _paint_mark(painter, rect.adjusted(0, rect.height() * 0.3, 0, 0), palette)
    elif phase is CardPhase.OVERRUN:
        octagon = QPainterPath()
        cut = rect.width() * 0.29
        points = [
            QPointF(rect.left() + cut, rect.top()),
            QPointF(rect.right() - cut, rect.top()),
            QPointF(rect.right(), rect.top() + cut),
            QPointF(rect.right(), rect.bottom() - cut),
            QPointF(rect.right() - cut, rect.bottom()),
            QPointF(rect.left() + cut, rect.bottom()),
            QPointF(rect.left(), rect.bottom() - cut),
            QPointF(rect.left(), rect.top() + cut),
        ]
        octagon.moveTo(points[0])
        for point in points[1:]:
            octagon.lineTo(point)
        octagon.closeSubpath()
        painter.drawPath(octagon)
        _paint_mark(painter, rect, palette)
    elif phase is CardPhase.TIME_UP:
        hourglass = QPainterPath(rect.topLeft())
        hourglass.lineTo(rect.topRight())
        hourglass.lineTo(rect.bottomLeft())
        hourglass.lineTo(rect.bottomRight())
        hourglass.closeSubpath()
        painter.drawPath(hourglass)
    painter.restore()


def _paint_mark(painter: QPainter, rect: QRectF, palette: CardPalette) -> None:
    """An exclamation mark in the background colour inside an icon."""
    painter.setBrush(palette.background)
    width = rect.width() * 0.12
    x = rect.center().x() - width / 2
    painter.drawRect(QRectF(x, rect.top() + rect.height() * 0.2, width, rect.height() * 0.4))
    painter.drawEllipse(QRectF(x, rect.top() + rect.height() * 0.68, width, width))
