"""A screen reader can run a session (issue 12, item 9), as Qt's accessibility layer tells it.

Every control of the console has a name and a description that adds something; the countdown
says what it counts, in words; a new part of the run is announced; the card reads out its
step, who speaks, the question and the time. The same tree is read through AT-SPI, as Orca
reads it, in test_accessibility_atspi.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QScrollBar,
    QWidget,
)

from facilitator.core.shown.card import CardPhase
from facilitator.core.timing.timeline import SegmentKind
from facilitator.ui.accessibility import countdown_name, spoken_duration
from facilitator.ui.timeline_bar import TimelineBar

if TYPE_CHECKING:
    from tests.app_harness import Harness

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    TimelineBar,
)


def _is_part_of_another_control(widget: QWidget) -> bool:
    """Qt's own pieces: a spin box's text field, a list's scroll bars, a dock's buttons."""
    parent = widget.parentWidget()
    return (
        isinstance(widget, QScrollBar | QHeaderView)
        or isinstance(parent, QAbstractSpinBox | QDockWidget)
        or (parent is not None and isinstance(parent.parentWidget(), QAbstractItemView))
    )


def spoken(widget: QWidget) -> tuple[str, str]:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name), interface.text(QAccessible.Text.Description)


def unnamed_or_undescribed(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if _is_part_of_another_control(widget):
            continue
        name, description = spoken(widget)
        label = f"{type(widget).__name__} {name!r}"
        if not name.strip():
            found.append(f"{label}: no name")
        elif not description.strip():
            found.append(f"{label}: no description")
        elif description.strip() == name.strip():
            found.append(f"{label}: its description only repeats its name")
    return found


def test_every_control_of_the_console_has_a_name_and_a_description_that_adds_something(
    harness: Harness,
) -> None:
    app = harness.app
    console = app.console
    app.library_page.select("impromptu-networking")
    app.notices.post("A message for the facilitator.")
    QApplication.processEvents()
    found = unnamed_or_undescribed(console)
    app.sound_dock.raise_()
    QApplication.processEvents()
    found += unnamed_or_undescribed(app.sound_panel)
    assert app.start_run("impromptu-networking")
    app.run.start()
    harness.advance(5)
    QApplication.processEvents()
    found += unnamed_or_undescribed(app.run_page)
    plans = harness.show_plans_tab()
    app.plans.open("network-kick-off")
    QApplication.processEvents()
    found += unnamed_or_undescribed(plans)
    assert not found, "\n".join(sorted(set(found)))


def test_the_controls_the_issue_named_have_names(harness: Harness) -> None:
    app = harness.app
    assert spoken(app.run_page.progress)[0] == "Progress of this part"
    assert spoken(app.library_page.search)[0] == "Search the library"
    assert spoken(app.library_page.results)[0] == "Structures"
    assert spoken(app.library_page.details.fit)[0] == "Fit to"
    assert spoken(app.library_page.details.fit_minutes)[0] == "Minutes to fit to"
    name, description = spoken(app.run_page.next_button)
    assert (name, description) == (
        "Next / start",
        "Go on to the next part now, or start the session (Page Down, Right arrow, Space)",
    )


@pytest.mark.parametrize(
    ("countdown", "words"),
    [
        ("1:57", "1 minute 57"),
        ("2:00", "2 minutes"),
        ("0:45", "45 seconds"),
        ("0:01", "1 second"),
        ("0:00", "0 seconds"),
        ("1:05:03", "1 hour 5 minutes 3"),
        ("+0:30", "30 seconds"),
    ],
)
def test_times_are_said_in_words(countdown: str, words: str) -> None:
    assert spoken_duration(countdown) == words


def _to_first_turn(harness: Harness) -> None:
    """Let the run reach the pairs' first speaking turn, and one second into it."""
    timeline = harness.app.run.session.timeline
    turn = next(s for s in timeline.segments if s.kind is SegmentKind.TURN)
    elapsed = timeline.total_seconds - harness.app.run.status().total_remaining
    harness.advance(turn.start_seconds - elapsed + 1)


def test_the_countdown_says_what_it_counts(harness: Harness) -> None:
    app = harness.app
    assert app.start_run("impromptu-networking")
    app.run.start()
    harness.advance(3)
    assert app.run_page.countdown.text() == "1:57"
    assert spoken(app.run_page.countdown)[0] == "Time left in this step: 1 minute 57"
    _to_first_turn(harness)
    assert spoken(app.run_page.countdown)[0].startswith("Time left in this turn: ")
    assert countdown_name(SegmentKind.TURN, CardPhase.OVERRUN, "+0:30") == (
        "Over time in this turn: 30 seconds"
    )


def test_each_new_part_is_announced_once(harness: Harness) -> None:
    app = harness.app
    assert app.start_run("impromptu-networking")
    app.run.start()
    harness.advance(10)
    assert app.run_page.announcements == ["The invitation: step"]
    _to_first_turn(harness)
    assert app.run_page.announcements[-1] == (
        "Conversations in pairs: speaking turn, Round 1 of 3, Person A speaks"
    )
    count = len(app.run_page.announcements)
    harness.advance(5)
    assert len(app.run_page.announcements) == count, "a second later: nothing new to say"


def test_the_card_reads_out_its_step_speaker_question_and_time(harness: Harness) -> None:
    app = harness.app
    readout = app.card.canvas.readout
    assert spoken(app.card.canvas)[0] == "The card on the projector"
    assert readout.parts["step"].accessibleName() == "Waiting for a session to start"
    assert app.start_run("impromptu-networking")
    app.run.start()
    _to_first_turn(harness)
    names = {part: label.accessibleName() for part, label in readout.parts.items()}
    assert names["step"] == "Step: Conversations in pairs · Round 1 of 3"
    assert names["speaker"] == "Person A speaks"
    assert names["question"].startswith("What big challenge are you bringing")
    assert names["time"].startswith("Time: ")
    for label in readout.parts.values():
        assert QAccessible.queryAccessibleInterface(label).role() == QAccessible.Role.StaticText
        assert app.card.canvas.rect().contains(label.geometry())
    app.presentation.set_blackout(True)
    assert readout.parts["step"].accessibleName() == "The card is blacked out"
    assert readout.parts["question"].accessibleName() == ""
