"""All from the keyboard (issue 12, item 7): keys go to the focused control first, every
command has a key and a menu item, the focus starts and stays where a facilitator expects,
and Help says the keys in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from facilitator.core.timing.events import RunState

if TYPE_CHECKING:
    from tests.app_harness import Harness

Key = Qt.Key
STRUCTURE = "impromptu-networking"


def _running(harness: Harness, qtbot) -> None:
    assert harness.app.start_run(STRUCTURE)
    harness.app.run.start()
    activate(qtbot, harness.app.console)


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def _end_button(harness: Harness) -> QPushButton:
    return next(
        b for b in harness.app.run_page.findChildren(QPushButton) if b.text() == "End session"
    )


def test_space_on_a_focused_button_presses_that_button_and_does_not_move_the_room_on(
    harness: Harness, qtbot
) -> None:
    _running(harness, qtbot)
    harness.prompts.confirm_answer = False  # "End the session?": no, go on
    button = _end_button(harness)
    button.setFocus()
    index = harness.app.run.status().index
    QTest.keyClick(button, Key.Key_Space)
    assert harness.app.run.status().index == index, "Space moved the room on"
    assert ("confirm", "The card closes, and this session cannot be resumed afterwards.") in (
        harness.prompts.asked
    )
    harness.prompts.confirm_answer = True
    QTest.keyClick(button, Key.Key_Return)
    qtbot.waitUntil(lambda: harness.app.run.session is None, timeout=2000)  # it ends


def test_return_presses_a_focused_tool_button(harness: Harness, qtbot) -> None:
    _running(harness, qtbot)
    remaining = harness.app.run.status().remaining
    more = next(
        b
        for b in harness.app.run_page.findChildren(QWidget)
        if getattr(b, "text", None)
        and b.isVisible()
        and callable(b.text)
        and b.text() == "One minute more"
    )
    more.setFocus()
    QTest.keyClick(more, Key.Key_Return)
    qtbot.waitUntil(lambda: harness.app.run.status().remaining > remaining + 55, timeout=2000)


def test_space_means_next_when_no_button_or_text_field_has_the_keyboard(
    harness: Harness, qtbot
) -> None:
    _running(harness, qtbot)
    focused = QApplication.focusWidget()
    if focused is not None:
        focused.clearFocus()
    index = harness.app.run.status().index
    QTest.keyClick(harness.app.console, Key.Key_Space)
    assert harness.app.run.status().index == index + 1


def test_typing_in_the_search_box_during_a_run_types(harness: Harness, qtbot) -> None:
    _running(harness, qtbot)
    console = harness.app.console
    QTest.keyClick(console, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = harness.app.library_page.search
    assert console.pages.currentWidget() is console.browse_tabs
    assert search.hasFocus()
    index = harness.app.run.status().index
    QTest.keyClicks(search, "open space + more")
    assert search.text() == "open space + more"
    assert harness.app.run.status().index == index
    assert harness.app.run.status().remaining <= 120, "the + typed added a minute"
    QTest.keyClick(console, Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert console.pages.currentWidget() is harness.app.run_page
    assert harness.app.run_page.next_button.hasFocus()


def test_end_session_from_the_keyboard_and_the_run_menu(harness: Harness, qtbot) -> None:
    _running(harness, qtbot)
    console = harness.app.console
    end = harness.app.actions.end_session
    assert end in console.run_menu.actions()
    assert end.shortcut().toString() == "Ctrl+Shift+E"
    QTest.keyClick(
        console, Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert harness.app.run.session is None
    assert not end.isEnabled(), "nothing to end now"
    assert console.pages.currentWidget() is console.browse_tabs


def test_the_library_and_the_search_box_are_in_the_view_menu(harness: Harness, qtbot) -> None:
    console = harness.app.console
    texts = [a.text() for a in console.view_menu.actions()]
    # ...and, after a line, the side panels (issue 12, item 1: always brought back from here).
    assert texts == ["&Library", "&Find a structure", "The &run", "", "Sound panel", "Groups panel"]
    assert console.find_action.shortcut().toString() == "Ctrl+F"
    assert not console.run_action.isEnabled(), "no run to go back to"
    harness.show_plans_tab()
    console.library_action.trigger()
    assert console.browse_tabs.currentWidget() is harness.app.library_page


def test_the_focus_starts_in_the_search_box_and_stays_on_the_console_after_start(
    harness: Harness, qtbot
) -> None:
    console, card = harness.app.console, harness.app.card
    activate(qtbot, console)
    qtbot.waitUntil(console.isActiveWindow)
    assert harness.app.library_page.search.hasFocus()
    page = harness.app.library_page
    page.details.start.setFocus()
    QTest.keyClick(page.details.start, Key.Key_Return)  # Start, from the keyboard
    qtbot.waitUntil(lambda: harness.app.run.session is not None, timeout=2000)
    assert card.isVisible()
    # The card never takes the keyboard (checked with a real window manager in
    # test_keyboard_x11.py: Qt's offscreen platform activates every window it shows).
    assert card.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert card.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert card.focusPolicy() is Qt.FocusPolicy.NoFocus
    activate(qtbot, console)
    assert harness.app.run_page.next_button.hasFocus()
    QTest.keyClick(harness.app.run_page.next_button, Key.Key_Space)
    assert harness.app.run.status().state is RunState.RUNNING


def _tab_walk(start: QWidget, steps: int = 80) -> list[QWidget]:
    walked = []
    widget = start
    for _ in range(steps):
        QTest.keyClick(widget, Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None
        walked.append(widget)
        if widget is start:
            break
    return walked


def test_tab_walks_only_through_controls_that_can_be_seen(harness: Harness, qtbot) -> None:
    console = harness.app.console
    activate(qtbot, console)
    search = harness.app.library_page.search
    search.setFocus()
    walked = _tab_walk(search)
    assert walked[-1] is search, "Tab never came back round: a control kept it"
    hidden = [
        f"{type(w).__name__} in {type(w.parentWidget()).__name__}"
        for w in walked
        if not w.isVisible() or w.visibleRegion().isEmpty()
    ]
    assert not hidden, f"Tab reached controls nobody can see: {hidden}"
    groups = harness.app.plan_actions.groups_panel
    assert groups.names_edit in walked, "the groups panel is the tab in front"
    assert not [w for w in walked if harness.app.sound_panel.isAncestorOf(w)]
    harness.app.sound_dock.raise_()
    QApplication.processEvents()
    walked = _tab_walk(search)
    assert [w for w in walked if harness.app.sound_panel.isAncestorOf(w)]
    assert not [w for w in walked if groups.isAncestorOf(w)]


def test_help_starts_with_getting_started_and_says_the_keys_in_words(
    harness: Harness, qtbot
) -> None:
    dialog = harness.app.help_dialog()
    assert dialog.getting_started.text().startswith("1. Find a structure")
    rows = dict(dialog.rows())
    assert rows["One minute more"] == "Plus, Equals"
    assert rows["One minute less"] == "Minus"
    assert rows["Next / start"] == "Page Down, Right arrow, Space"
    assert rows["Start or resume"] == "F5, Shift+F5"
    assert rows["Black out the card"] == "B, Full stop"
    assert rows["End session"] == "Ctrl+Shift+E"
    assert rows["Find a structure"] == "Ctrl+F"
    assert rows["Help and keys"] == "F1, Question mark"
    shown = " ".join(rows.values())
    for jargon in ("Num", "PgDown", "Esc,", "Ins"):
        assert jargon not in shown, jargon
