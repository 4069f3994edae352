"""The two windows driven like a facilitator drives them: clicker keys, screens, a crash.

Offscreen, with a hand-moved clock, fake screens and a fake bell; nothing sleeps.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.core.shown.card import CardPhase
from facilitator.core.timing.events import RunState
from tests.app_harness import LAPTOP, PROJECTOR, Harness, build_harness

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

Key = Qt.Key


def _press(qtbot, window: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key with `window` clicked last, as a clicker would.

    The card never takes the keyboard (ui/card_window.py): a key pressed after clicking
    the card reaches the console, which stays the active window.
    """
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=2000)
    active = QApplication.activeWindow()
    assert not active.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus, "the card took focus"
    if not window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus:
        assert active is window
    QTest.keyClick(active, key, modifier)


def _start_impromptu(harness: Harness) -> None:
    assert harness.app.start_run("impromptu-networking")


def test_starting_from_the_library_opens_the_run_and_the_card(harness: Harness, qtbot) -> None:
    page = harness.app.library_page
    page.search.setText("impromptu")
    assert page.visible_ids() == ["impromptu-networking"]
    page.details.start.click()
    assert harness.app.console.pages.currentWidget() is harness.app.run_page
    assert harness.app.card.isVisible()
    assert harness.app.card.isFullScreen()
    assert harness.app.placement.current == "projector"
    assert harness.app.presenter.content.phase is CardPhase.READY


def test_a_clicker_runs_impromptu_networking_from_either_window(harness: Harness, qtbot) -> None:
    _start_impromptu(harness)
    console, card = harness.app.console, harness.app.card
    _press(qtbot, card, Key.Key_PageDown)  # start
    assert harness.app.run.status().state is RunState.RUNNING
    texts = harness.card_texts()
    assert "The invitation" in texts
    assert (
        "What big challenge are you bringing to this gathering?\n\n"
        "What do you hope to get from this group, and what can you give it?" in texts
    )
    harness.advance(120)
    assert "Find a new partner: someone you don't know yet." in harness.card_texts()
    _press(qtbot, console, Key.Key_Right)
    texts = harness.card_texts()
    assert "Person A speaks" in texts
    assert "Round 1 of 3" in texts
    _press(qtbot, card, Key.Key_PageDown)
    assert "Swap: Person B speaks" in harness.card_texts()
    _press(qtbot, console, Key.Key_PageUp)
    assert "Person A speaks" in harness.card_texts()
    # The whole run at the clicker's pace: every Page Down moves one segment on.
    for _ in range(len(harness.app.run.session.timeline.segments)):
        _press(qtbot, card, Key.Key_PageDown)
    assert harness.app.run.status().state is RunState.FINISHED
    assert "Finished. Thank you!" in harness.card_texts()
    played = harness.player.played
    assert played.count("chime") >= 3
    assert played[-1] == "end"


def test_pause_resume_and_minutes(harness: Harness, qtbot) -> None:
    _start_impromptu(harness)
    card = harness.app.card
    _press(qtbot, card, Key.Key_F5)
    harness.advance(30)
    _press(qtbot, card, Key.Key_P)
    assert harness.app.run.status().state is RunState.PAUSED
    harness.advance(500)
    assert harness.app.run.status().remaining == pytest.approx(90)
    assert "Paused" in harness.card_texts()
    _press(qtbot, card, Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert harness.app.run.status().state is RunState.RUNNING
    _press(qtbot, card, Key.Key_Plus)
    assert harness.app.run.status().remaining == pytest.approx(150)
    _press(qtbot, harness.app.console, Key.Key_Minus)
    assert harness.app.run.status().remaining == pytest.approx(90)


def test_the_console_tells_when_the_structure_ends_by_the_app_wall_clock(
    harness: Harness,
) -> None:
    harness.wall.now = datetime(2030, 3, 4, 14, 0).timestamp()
    _start_impromptu(harness)  # 20 minutes
    total = harness.app.run_page.total
    assert total.text() == "Whole structure: 20:00 left, ends at 14:20"
    harness.app.run.start()
    harness.advance(30)
    assert total.text() == "Whole structure: 19:30 left, ends at 14:20"
    harness.app.run.pause()
    harness.wall.now += 5 * 60  # the room takes five minutes; the run stands still
    harness.app.run.poll()
    assert total.text() == "Whole structure: 19:30 left, ends at 14:25"


def test_blackout_and_escape_never_stop_the_run(harness: Harness, qtbot) -> None:
    _start_impromptu(harness)
    card = harness.app.card
    _press(qtbot, card, Key.Key_PageDown)
    _press(qtbot, card, Key.Key_B)
    assert harness.app.presentation.blackout
    assert harness.card_texts() == []
    image = card.canvas.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).name() == "#000000"
    _press(qtbot, card, Key.Key_Period)
    assert not harness.app.presentation.blackout
    assert harness.card_texts()
    _press(qtbot, card, Key.Key_Escape)
    assert card.isFullScreen(), "a clicker's Escape never shows the room a window frame"
    assert card.isVisible()
    assert harness.app.run.status().state is RunState.RUNNING
    _press(qtbot, card, Key.Key_F11)  # the laptop's key: a window, and back
    assert not card.isFullScreen()
    _press(qtbot, card, Key.Key_F11)
    assert card.isFullScreen()


def test_escape_brings_the_console_back_to_the_run_with_next_ready(harness: Harness, qtbot) -> None:
    _start_impromptu(harness)
    console, card = harness.app.console, harness.app.card
    _press(qtbot, console, Key.Key_PageDown)
    console.find_structure()  # typing in the search box while the run goes on
    assert console.pages.currentWidget() is not harness.app.run_page
    _press(qtbot, console, Key.Key_Escape)
    assert console.pages.currentWidget() is harness.app.run_page
    assert QApplication.focusWidget() is harness.app.run_page.focus_target()
    assert card.isFullScreen()
    assert harness.app.run.status().state is RunState.RUNNING


@pytest.mark.parametrize(
    "modifier", [Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier]
)
def test_f5_always_brings_the_card_back_full_screen_on_the_projector(
    harness: Harness, qtbot, modifier
) -> None:
    _start_impromptu(harness)
    card = harness.app.card
    _press(qtbot, card, Key.Key_F11)  # someone put the card in a window on the laptop
    assert not card.isFullScreen()
    _press(qtbot, harness.app.console, Key.Key_F5, modifier)
    assert card.isFullScreen()
    assert harness.app.placement.current == "projector"
    assert harness.app.run.status().state is RunState.RUNNING
    card.close()  # closed by accident: F5 shows it again, and the run goes on
    assert not card.isVisible()
    _press(qtbot, harness.app.console, Key.Key_F5, modifier)
    assert card.isVisible()
    assert card.isFullScreen()
    assert harness.app.run.status().state is RunState.RUNNING


def test_manual_advance_runs_over_calmly_for_the_room_and_visibly_for_the_facilitator(
    harness: Harness, qtbot
) -> None:
    _start_impromptu(harness)
    _press(qtbot, harness.app.console, Key.Key_M)
    _press(qtbot, harness.app.console, Key.Key_PageDown)
    harness.advance(100)
    content = harness.app.presenter.content
    assert content.phase is CardPhase.WARNING
    assert "Almost time" in harness.card_texts()
    canvas = harness.app.card.canvas
    qtbot.waitUntil(lambda: not canvas.is_flashing, timeout=2000)  # the warning's flash
    harness.advance(25)
    # The console counts the time over, in its overrun colour; the run waits for Next.
    assert harness.app.run_page.countdown.text() == "+0:05"
    assert harness.app.run_page.state.text() == "Time is up"
    assert harness.app.run.status().index == 0
    # The room sees the clock stop at 0:00: no red, no "Time is up", no flash.
    content = harness.app.presenter.content
    assert content.phase is CardPhase.RUNNING
    assert content.countdown == "0:00"
    texts = harness.card_texts()
    assert "Time is up" not in texts
    assert "0:00" in texts
    assert not canvas.is_flashing
    # A facilitator who wants the room told gets a calm "Time is up" (not the overrun red).
    harness.app.preferences.update(time_up_on_card=True)
    content = harness.app.presenter.content
    assert content.phase is CardPhase.TIME_UP
    assert "Time is up" in harness.card_texts()
    assert harness.app.run.status().index == 0


def test_the_warning_and_the_overrun_flash_the_card(harness: Harness, qtbot) -> None:
    _start_impromptu(harness)
    harness.app.run.start()
    harness.advance(91)
    assert harness.app.card.canvas.is_flashing
    harness.app.preferences.update(flash=False)
    harness.app.card.canvas.flash()
    qtbot.waitUntil(lambda: not harness.app.card.canvas.is_flashing, timeout=2000)
    harness.app.card.canvas.flash()
    assert not harness.app.card.canvas.is_flashing


def test_one_screen_shows_the_card_as_a_window(qtbot) -> None:
    harness = build_harness(qtbot, screens=[LAPTOP])
    harness.app.show()
    _start_impromptu(harness)
    assert harness.app.placement.current is None
    assert harness.app.card.isVisible()
    assert not harness.app.card.isFullScreen()


def test_a_projector_pulled_out_and_plugged_in_mid_run(harness: Harness, qtbot) -> None:
    _start_impromptu(harness)
    harness.app.run.start()
    harness.advance(200)
    before = harness.app.run.status()
    harness.screens.unplug("projector")
    assert harness.app.placement.current is None
    assert harness.app.card.isVisible()
    assert any("disconnected" in text for text in harness.app.notices.texts())
    after = harness.app.run.status()
    assert after.state is RunState.RUNNING
    assert after.index == before.index
    harness.screens.plug(PROJECTOR)
    [offer] = [n for n in harness.app.notices.notices if n.action is not None]
    assert "projector" in offer.text
    offer.action()
    assert harness.app.placement.current == "projector"
    assert harness.app.card.isFullScreen()


def test_resume_after_a_crash_lands_where_the_wall_clock_says(qtbot) -> None:
    first = build_harness(qtbot)
    _start_impromptu(first)
    first.app.run.start()
    first.advance(200)  # in the first turn of round 1
    qtbot.waitUntil(lambda: first.app.store.load().sequencer["index"] == 2, timeout=2000)
    # The laptop dies; 130 s later a new app starts on the same data.
    second = build_harness(qtbot, wall=first.wall)
    second.wall.now += 130
    second.app.offer_resume()
    [offer] = [n for n in second.app.notices.notices if n.key == "resume"]
    assert "Impromptu Networking" in offer.text
    offer.action()
    status = second.app.run.status()
    assert status.state is RunState.RUNNING
    assert status.index == 3  # 330 s in: the second turn of round 1 (300-420)
    assert status.remaining == pytest.approx(90, abs=1)


LITERAL = "<b>Bold?</b> <img src=x> &amp; <i>as typed</i>"


def test_user_text_is_shown_exactly_as_typed(harness: Harness, qtbot, user_data_dir) -> None:
    set_dir = user_data_dir / "library" / "question-sets"
    set_dir.mkdir(parents=True)
    (set_dir / "markup.json").write_text(
        '{"schema_version": 1, "type": "question_set", "id": "markup", "language": "en",'
        ' "title": "<b>Markup</b>", "structures": ["impromptu-networking"],'
        f' "questions": ["{LITERAL}"]}}',
        encoding="utf-8",
    )
    harness.app.library.reload()
    assert harness.app.start_run("impromptu-networking", questions_id="markup")
    harness.app.run.start()
    assert LITERAL in harness.card_texts()
    subtitle = harness.app.run_page.subtitle
    assert subtitle.textFormat() is Qt.TextFormat.PlainText
    assert "<b>Markup</b>" in subtitle.text()


def test_a_very_long_question_shrinks_and_is_never_clipped(
    harness: Harness, qtbot, user_data_dir
) -> None:
    from facilitator.ui.text_fitting import fitted_font, text_fits

    long_question = " ".join(["What would change if everyone here took one small step?"] * 14)
    set_dir = user_data_dir / "library" / "question-sets"
    set_dir.mkdir(parents=True)
    (set_dir / "long.json").write_text(
        '{"schema_version": 1, "type": "question_set", "id": "long", "language": "en",'
        ' "title": "Long", "structures": ["impromptu-networking"],'
        f' "questions": ["{long_question}"]}}',
        encoding="utf-8",
    )
    harness.app.library.reload()
    assert harness.app.start_run("impromptu-networking", questions_id="long")
    harness.app.run.start()
    assert long_question in harness.card_texts()
    canvas = harness.app.card.canvas
    from facilitator.ui.card_canvas import rect_of

    area = rect_of(canvas.card_layout().body)
    font, flags = fitted_font(long_question, canvas.font(), area, 104)
    short, _ = fitted_font("Why are you here?", canvas.font(), area, 104)
    assert font.pixelSize() < short.pixelSize()
    assert text_fits(long_question, font, area.width(), area.height(), flags)
    painted = next(p for p in canvas.painted if p.text == long_question)
    font.setPixelSize(painted.pixel_size)
    assert text_fits(long_question, font, painted.rect.width(), painted.rect.height(), flags)


def test_help_lists_every_shortcut(harness: Harness) -> None:
    rows = dict(harness.app.actions.shortcut_table())
    keys = " ".join(rows.values())
    for key in ("PgDown", "PgUp", "F5", "Esc", "B", "F11", "P", "+", "-", "Space"):
        assert key in keys, key
    assert len(rows) == len(harness.app.actions.all())


class _PaintCounter(QObject):
    """Notes the rectangle of every paint event a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.rects.append(event.rect())
        return False


def test_each_new_second_paints_only_the_cards_countdown_once(harness: Harness, qtbot) -> None:
    """The new second is painted at once, where the countdown is, and the card is not painted
    a second time after the console has done its work (a late, needless paint each second)."""
    app = harness.app
    assert app.start_run("impromptu-networking", language="en")
    qtbot.waitExposed(app.card)
    app.run.start()
    harness.advance(0.5)
    QApplication.processEvents()
    counter = _PaintCounter()
    app.card.canvas.installEventFilter(counter)
    for _second in range(3):
        harness.advance(1.0)
        QApplication.processEvents()
        QApplication.processEvents()
    app.card.canvas.removeEventFilter(counter)
    clock_area = app.card.canvas.part_rect("time").toAlignedRect()
    assert len(counter.rects) == 3, counter.rects
    assert all(rect.height() < app.card.canvas.height() / 3 for rect in counter.rects)
    assert all(rect.intersects(clock_area) for rect in counter.rects)
