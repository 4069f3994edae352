"""What a screen reader says: names and descriptions, times in words, announcements.

Every control gets a name (what it is) and a description that adds something (what it
does, its keys); a tooltip that only repeats the name made every button say it twice.
A countdown is read as words with what it counts ("Time left in this turn: 1 minute 57"),
and a change of segment is announced politely, without taking the focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

from facilitator.core.shown.card import CardPhase
from facilitator.core.timing.timeline import SegmentKind
from facilitator.ui.plain import plain_tooltip

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def describe(widget: QWidget, name: str, description: str, *, tooltip: bool = True) -> None:
    """Give `widget` an accessible name and a description (also its tooltip, by default)."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    if tooltip:
        widget.setToolTip(plain_tooltip(description))


def explain(widget: QWidget, description: str) -> None:
    """Give a control that shows its own name (a button's text) a description and tooltip."""
    widget.setAccessibleDescription(description)
    widget.setToolTip(plain_tooltip(description))


def _count(number: int, one: str, many: str) -> str:
    return (one if number == 1 else many).format(count=number)


def spoken_duration(countdown: str) -> str:
    """A countdown as it is said: "1:57" is "1 minute 57", "0:45" is "45 seconds"."""
    parts = [int(part) for part in countdown.lstrip("+-").split(":") if part.isdigit()]
    if not parts:
        return countdown
    while len(parts) < 3:
        parts.insert(0, 0)
    hours, minutes, seconds = parts[-3:]
    said = []
    if hours:
        said.append(
            _count(
                hours,
                QCoreApplication.translate("Spoken", "{count} hour"),
                QCoreApplication.translate("Spoken", "{count} hours"),
            )
        )
    if minutes:
        said.append(
            _count(
                minutes,
                QCoreApplication.translate("Spoken", "{count} minute"),
                QCoreApplication.translate("Spoken", "{count} minutes"),
            )
        )
    if seconds and said:
        said.append(str(seconds))  # "1 minute 57": the seconds need no unit after minutes
    elif seconds or not said:
        said.append(
            _count(
                seconds,
                QCoreApplication.translate("Spoken", "{count} second"),
                QCoreApplication.translate("Spoken", "{count} seconds"),
            )
        )
    return " ".join(said)


def countdown_name(kind: SegmentKind | None, phase: CardPhase, countdown: str) -> str:
    """What the countdown counts, and its time in words."""
    time = spoken_duration(countdown)
    if phase is CardPhase.FINISHED or kind is None:
        return QCoreApplication.translate("Spoken", "The session is finished")
    if phase is CardPhase.OVERRUN:
        what = {
            SegmentKind.STEP: QCoreApplication.translate("Spoken", "Over time in this step"),
            SegmentKind.TURN: QCoreApplication.translate("Spoken", "Over time in this turn"),
            SegmentKind.TRANSITION: QCoreApplication.translate(
                "Spoken", "Over time in this change-over"
            ),
        }[kind]
    else:
        what = {
            SegmentKind.STEP: QCoreApplication.translate("Spoken", "Time left in this step"),
            SegmentKind.TURN: QCoreApplication.translate("Spoken", "Time left in this turn"),
            SegmentKind.TRANSITION: QCoreApplication.translate(
                "Spoken", "Time left in this change-over"
            ),
        }[kind]
    return f"{what}: {time}"


def announce(widget: QWidget, message: str) -> None:
    """Have a screen reader say `message` when it is free (politely: nothing is cut off)."""
    if not message or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
