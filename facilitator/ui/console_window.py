"""The facilitator's console on the laptop: the library, the run, messages and menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.settings.placement import PREFERRED_CONSOLE, Rect, centred, too_small
from facilitator.ui.notice_bar import NoticeBar
from facilitator.ui.window_fit import PLACES_ITSELF, as_rect, place, scroller_for

if TYPE_CHECKING:
    from collections.abc import Callable

    from facilitator.models.notices import NoticeBoard
    from facilitator.models.run_model import RunModel
    from facilitator.ui.library_page import LibraryPage
    from facilitator.ui.run_commands import RunCommands
    from facilitator.ui.run_page import RunPage


PANEL_ALLOWANCE = 24
"""The side panels' dock frame and the splitter beside them, in pixels."""


class ConsoleWindow(QMainWindow):
    """The main window: browse the library or follow the run."""

    quitRequested = Signal()

    def __init__(
        self,
        run: RunModel,
        notices: NoticeBoard,
        library_page: LibraryPage,
        run_page: RunPage,
        actions: RunCommands,
        *,
        close_guard: Callable[[], bool] = lambda: True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._close_guard = close_guard
        self.setWindowTitle(self.tr("Facilitator"))
        self.setProperty(PLACES_ITSELF, True)  # fit_to_screen places it (window_fit.py)
        self.home_area: Callable[[], Rect] = lambda: as_rect(self.screen().availableGeometry())
        """The work area of the console's screen (the app asks its screen provider)."""
        self._notices = notices
        self.side_panels: list[QDockWidget] = []
        """The side panels, in the order they were added (sound, groups)."""
        self.panel_actions: list[QAction] = []
        """The View menu's item for each side panel: it shows the panel again."""
        self._panels: list[tuple[QDockWidget, QWidget]] = []
        self._run = run
        self.library_page = library_page
        self.run_page = run_page
        self.actions_ = actions
        self.pages = QStackedWidget()
        self.browse_tabs = QTabWidget()
        """The library and the pages beside it (the plans), as tabs."""
        self.browse_tabs.setDocumentMode(True)
        self.browse_tabs.addTab(library_page, self.tr("Library"))
        self.pages.addWidget(self.browse_tabs)
        self.pages.addWidget(run_page)
        self.notice_bar = NoticeBar(notices)
        central = QWidget()
        layout = self._central_layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.notice_bar)
        # A screen too small for a page scrolls it rather than cutting it off or growing the
        # window past the screen's edge.
        self.page_scroller = scroller_for(self.pages)
        layout.addWidget(self.page_scroller, 1)
        self.setCentralWidget(central)
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.library_action = self._menu_action(
            self.view_menu, self.tr("&Library"), self.show_library, "Ctrl+L"
        )
        self.find_action = self._menu_action(
            self.view_menu, self.tr("&Find a structure"), self.find_structure, "Ctrl+F"
        )
        self.run_action = self._menu_action(
            self.view_menu, self.tr("The &run"), self.show_run, "Ctrl+R"
        )
        self.view_menu.addSeparator()
        self.run_menu = self.menuBar().addMenu(self.tr("&Run"))
        for action in actions.all()[:-1]:
            if action is actions.end_session:
                self.run_menu.addSeparator()
            self.run_menu.addAction(action)
        self.run_menu.addSeparator()
        self.screen_menu = QMenu(self.tr("Show the card on"), self)
        self.run_menu.addMenu(self.screen_menu)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(actions.help)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)
        self._quit_action = quit_action
        run_page.backToLibrary.connect(self.show_library)
        run.sessionChanged.connect(self._on_session_changed)
        self._on_session_changed()
        self.resize(1280, 800)
        library_page.search.setFocus()  # where a facilitator starts: finding a structure

    def _menu_action(
        self, menu: QMenu, label: str, handler: Callable[[], None], keys: str
    ) -> QAction:
        action = QAction(label, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: handler())
        menu.addAction(action)
        return action

    def bring_to_front(self) -> None:
        """Show this window on top, ready for keys (a second start of the app asked)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def find_structure(self) -> None:
        """Ctrl+F: the library, its search box ready to type in (a run, if any, goes on)."""
        self.show_library()
        self.library_page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.library_page.search.selectAll()

    def add_file_action(self, action: QAction) -> None:
        """Put an action in the File menu, above Quit."""
        self.file_menu.insertAction(self._quit_action, action)

    def show_browse_tab(self, widget: QWidget) -> None:
        """Show one of the tabs beside the library (a run, if any, goes on)."""
        self.pages.setCurrentWidget(self.browse_tabs)
        self.browse_tabs.setCurrentWidget(widget)

    def add_side_panel(self, title: str, widget: QWidget) -> QDockWidget:
        """Dock a panel on the right (e.g. the sound settings), and say in the View menu how to
        bring it back once closed."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title}")
        dock.setWidget(scroller_for(widget, sideways=False))
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        # A dock behind another's tab is only moved out of sight: hide its content, or Tab
        # would walk through controls nobody can see.
        dock.visibilityChanged.connect(widget.setVisible)
        action = QAction(self.tr("{panel} panel").format(panel=title), self)
        action.triggered.connect(lambda _checked=False: self.show_side_panel(dock))
        self.view_menu.addAction(action)
        self.panel_actions.append(action)
        self.side_panels.append(dock)
        self._panels.append((dock, widget))
        return dock

    def show_side_panel(self, dock: QDockWidget) -> None:
        """Show a side panel, in front of the others (from the View menu; a run goes on)."""
        dock.show()
        dock.raise_()

    # --- fitting the screen ---------------------------------------------------------------

    def fit_to_screen(self) -> None:
        """Open inside the console's screen: its preferred size where there is room, else all
        of the work area; the side panels collapse when they leave the pages too little room
        (the View menu brings them back); a screen too small to show a page whole scrolls it,
        and the console says so once."""
        area = self.home_area()
        if not self.windowState() & (
            Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        ):
            restored = self.testAttribute(Qt.WidgetAttribute.WA_Moved)
            wanted = as_rect(self.geometry()) if restored else centred(*PREFERRED_CONSOLE, area)
            place(self, wanted)
        if self.width_needed(with_panels=True) > self.width():
            for dock in self.side_panels:
                dock.hide()
        if too_small(area):
            self._notices.post(
                self.tr(
                    "This screen ({width}x{height}) is smaller than the console needs "
                    "(1024x600): parts of it scroll."
                ).format(width=area.width, height=area.height),
                key="small-screen",
            )

    def width_needed(self, *, with_panels: bool) -> int:
        """How wide the console must be to show its pages (and its panels) without scrolling."""
        margins = self._central_layout.contentsMargins()
        needed = self.pages.minimumSizeHint().width() + margins.left() + margins.right()
        if with_panels:
            widths = [
                panel.minimumSizeHint().width()
                for dock, panel in self._panels
                if not dock.isHidden()
            ]
            needed += max(widths, default=0) + (PANEL_ALLOWANCE if widths else 0)
        return needed

    def show_library(self) -> None:
        """Show the library page (a run, if any, goes on)."""
        focused = QApplication.focusWidget()
        self.show_browse_tab(self.library_page)
        self._move_focus_if_hidden(focused, self.library_page.results)

    def show_run(self) -> None:
        """Show the run page, if a session is loaded."""
        if self._run.session is not None:
            focused = QApplication.focusWidget()
            self.pages.setCurrentWidget(self.run_page)
            self._move_focus_if_hidden(focused, self.run_page.focus_target())

    def back_to_run(self) -> None:
        """Escape: the run page, its Next button ready for the clicker (out of a text box)."""
        if self._run.session is not None:
            self.pages.setCurrentWidget(self.run_page)
            self.run_page.focus_target().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _move_focus_if_hidden(self, focused: QWidget | None, target: QWidget) -> None:
        """Give `target` the focus if the control that had it is now hidden (or none had it).

        Qt would pass the focus on to whatever control comes next; a facilitator expects
        it on the page they asked for.
        """
        if focused is None or (focused.window() is self and not focused.isVisible()):
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_session_changed(self) -> None:
        self.run_action.setEnabled(self._run.session is not None)
        if self._run.session is None:
            self.show_library()
        else:
            self.show_run()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_guard():
            event.ignore()
            return
        self.quitRequested.emit()
        event.accept()
