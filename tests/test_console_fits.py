"""The console fits the facilitator's laptop (issue 12, item 1), offscreen and fast.

A 1920x1080 laptop at 150% scaling is 1280x720 to Qt. On it, in English and in Dutch, the
console, its pages and its side panels must show whole without scrolling and without a pixel
on the projector; on a smaller screen the side panels collapse and the pages scroll, and the
console says so. The same is checked on a real X server with a window manager, from outside,
in test_room_setups.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from facilitator.core.settings.placement import (
    GUESSED_FRAME,
    Frame,
    Rect,
    centred,
    console_geometry,
    fit_window,
    too_small,
)
from facilitator.core.settings.screens import ScreenInfo
from facilitator.ui.card_canvas import CardCanvas
from facilitator.ui.window_fit import scrolls
from tests.app_harness import build_harness

if TYPE_CHECKING:
    from tests.app_harness import Harness

PROJECTOR = ScreenInfo("projector", 1280, 0, 1024, 768)
SCREENS = [(1280, 720), (1366, 768), (1920, 1080), (2560, 1440)]


# --- the arithmetic -----------------------------------------------------------------------


def test_a_window_larger_than_the_screen_is_shrunk_to_it_frame_and_all() -> None:
    area, frame = Rect(0, 0, 1280, 720), Frame(1, 24, 1, 1)
    placed = fit_window(Rect(0, 0, 1400, 860), area, frame)
    assert placed == Rect(1, 24, 1278, 695)
    assert area.contains(frame.around(placed))


def test_a_window_that_sticks_out_is_moved_in_not_shrunk() -> None:
    area, frame = Rect(0, 0, 1280, 720), Frame(1, 24, 1, 1)
    placed = fit_window(Rect(900, 500, 600, 400), area, frame)
    assert (placed.width, placed.height) == (600, 400)
    assert area.contains(frame.around(placed))


def test_a_window_that_fits_stays_where_it_is() -> None:
    assert fit_window(Rect(100, 100, 500, 400), Rect(0, 0, 1920, 1080), GUESSED_FRAME) == Rect(
        100, 100, 500, 400
    )


@pytest.mark.parametrize(("width", "height"), [*SCREENS, (1024, 600), (800, 600)])
def test_the_console_opens_at_its_size_where_there_is_room_else_on_the_whole_screen(
    width: int, height: int
) -> None:
    area = Rect(0, 0, width, height)
    placed = console_geometry(area, GUESSED_FRAME)
    assert area.contains(GUESSED_FRAME.around(placed))
    assert placed.width == min(1280, width - 16)
    assert placed.height == min(800, height - 48)
    assert too_small(area) is (width < 1024 or height < 600)


def test_a_second_screen_to_the_right_is_a_screen_of_its_own() -> None:
    projector = Rect(1280, 0, 1024, 768)
    placed = centred(600, 400, projector, Frame())
    assert projector.contains(placed)


# --- the console, offscreen ------------------------------------------------------------------


def _console_on(qtbot, width: int, height: int, language: str) -> Harness:
    laptop = ScreenInfo("laptop", 0, 0, width, height)
    harness = build_harness(qtbot, screens=[laptop, PROJECTOR])
    if language != "en":
        harness.app.preferences.update(language=language)
        qtbot.addWidget(harness.app.console)
    harness.app.show()
    return harness


def _scrolling(harness: Harness) -> list[str]:
    """The console's scroll areas that scroll now: nothing should on a laptop."""
    QApplication.processEvents()
    console = harness.app.console
    found = []
    for scroller in [console.page_scroller, *[d.widget() for d in console.side_panels]]:
        assert isinstance(scroller, QScrollArea)
        content = scroller.widget()
        shown = getattr(content, "content", content)
        if not shown.isVisible():  # a closed panel, or one behind the other's tab
            continue
        if scrolls(scroller):
            needed = content.minimumSizeHint()
            viewport = scroller.viewport().size()
            found.append(
                f"{type(shown).__name__} needs {needed.width()}x{needed.height()} at least, "
                f"has {viewport.width()}x{viewport.height()}"
            )
    return found


def _squeezed(harness: Harness) -> list[str]:
    """Texts shown in a space too small for them: a label squeezed out of sight, or cut."""
    QApplication.processEvents()
    found = []
    for label in harness.app.console.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if isinstance(label.parentWidget(), CardCanvas):
            continue  # the preview's words for a screen reader, laid over its painted bands
        needed = label.minimumSizeHint()
        if label.width() < needed.width() or label.height() < min(needed.height(), 12):
            found.append(f"{label.text()[:40]!r} is {label.width()}x{label.height()}")
    return found


def _inside(harness: Harness, width: int, height: int) -> None:
    console = harness.app.console
    frame = console.frameGeometry()
    assert Rect(0, 0, width, height).contains(
        Rect(frame.x(), frame.y(), frame.width(), frame.height())
    ), f"the console at {frame} leaves the {width}x{height} laptop"


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_every_page_of_the_console_shows_whole_on_the_laptop(
    qtbot, width: int, height: int, language: str
) -> None:
    harness = _console_on(qtbot, width, height, language)
    app = harness.app
    assert all(not dock.isHidden() for dock in app.console.side_panels), "room for the panels"
    app.library_page.select("impromptu-networking")
    _inside(harness, width, height)
    assert not _scrolling(harness), "the library"
    assert not _squeezed(harness), "the library"
    plans = harness.show_plans_tab()
    app.plans.open("network-kick-off")
    plans.select(1)
    _inside(harness, width, height)
    assert not _scrolling(harness), "the plans tab"
    assert not _squeezed(harness), "the plans tab"
    assert app.start_run("impromptu-networking")
    app.run.start()
    harness.advance(215)
    assert app.console.pages.currentWidget() is app.run_page
    _inside(harness, width, height)
    assert not _scrolling(harness), "the run, with the groups panel beside it"
    assert not _squeezed(harness), "the run, with the groups panel beside it"
    app.sound_dock.raise_()
    assert not _scrolling(harness), "the run, with the sound panel beside it"
    assert app.start_plan("network-kick-off", start_time="13:30")
    app.run.start()
    assert not _scrolling(harness), "a plan's run, with its agenda"
    _inside(harness, width, height)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_long_titles_wrap_or_are_cut_short_instead_of_widening_the_console(
    qtbot, user_data_dir, language: str
) -> None:
    long_title = " ".join(["A very long title for a set of questions"] * 4)
    folder = user_data_dir / "library" / "question-sets"
    folder.mkdir(parents=True)
    (folder / "long.json").write_text(
        '{"schema_version": 1, "type": "question_set", "id": "long", "language": "en",'
        f' "title": "{long_title}", "structures": ["impromptu-networking"],'
        ' "questions": ["Why are we here?"]}',
        encoding="utf-8",
    )
    harness = _console_on(qtbot, 1280, 720, language)
    app = harness.app
    app.library_page.select("impromptu-networking")
    details = app.library_page.details
    details.questions.setCurrentIndex(details.questions.findData("long"))
    assert not _scrolling(harness)
    assert app.start_run("impromptu-networking", questions_id="long")
    assert long_title in app.run_page.subtitle.text()
    assert not _scrolling(harness)
    _inside(harness, 1280, 720)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_on_a_narrow_screen_the_side_panels_collapse_and_the_view_menu_brings_them_back(
    qtbot, language: str
) -> None:
    harness = _console_on(qtbot, 1024, 768, language)
    console, app = harness.app.console, harness.app
    assert all(dock.isHidden() for dock in console.side_panels)
    assert not _scrolling(harness)
    assert app.start_run("impromptu-networking")
    app.run.start()
    # A late arrival: the groups panel, from the View menu, while the run stays in sight.
    groups_dock = app.plan_actions.groups_dock
    show_groups = console.panel_actions[console.side_panels.index(groups_dock)]
    assert show_groups in console.view_menu.actions()
    show_groups.trigger()
    assert not groups_dock.isHidden()
    assert app.plan_actions.groups_panel.late_name.isVisible()
    assert console.pages.currentWidget() is app.run_page
    assert app.run_page.isVisible()
    _inside(harness, 1024, 768)
    app.plan_actions.groups_panel.late_name.setText("Zoë")
    app.plan_actions.groups_panel.add_button.click()
    assert app.run.status() is not None


def test_a_screen_smaller_than_1024x600_scrolls_and_says_so_in_one_line(qtbot) -> None:
    harness = _console_on(qtbot, 800, 600, "en")
    console = harness.app.console
    _inside(harness, 800, 600)
    [notice] = [t for t in harness.app.notices.texts() if "800x600" in t]
    assert "\n" not in notice
    harness.show_plans_tab()
    assert _scrolling(harness), "the plans tab scrolls rather than being cut off"
    assert console.width() <= 800
    assert console.height() <= 600


def test_every_editor_and_dialog_opens_inside_the_consoles_screen_even_a_tiny_one(qtbot) -> None:
    # Smaller than Qt's offscreen screen (800x800), so that only the app keeps them inside.
    harness = _console_on(qtbot, 780, 560, "nl")
    app = harness.app
    area = Rect(0, 0, 780, 560)
    windows = [
        app.library_actions.duplicate("question_set", "impromptu-networking-nl"),
        app.library_actions.duplicate("structure", "impromptu-networking"),
        app.library_actions.show_preferences(),
        app.help_dialog(),
    ]
    for window in windows:
        assert window is not None
        window.show()
        QApplication.processEvents()
        geometry = window.frameGeometry()
        assert area.contains(
            Rect(geometry.x(), geometry.y(), geometry.width(), geometry.height())
        ), f"{type(window).__name__} at {geometry}"
        window.close()
