"""The Help menu's About box and "Open the log folder", and the word when there is no log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices

from facilitator import APP_NAME, __version__
from facilitator.core.shown.credits import structure_credits
from facilitator.ui.about_dialog import AboutDialog
from facilitator.ui.app_icon import app_icon

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from facilitator.models.library_model import LibraryModel
    from facilitator.models.notices import NoticeBoard
    from facilitator.ui.console_window import ConsoleWindow


class HelpMenu(QObject):
    """Adds About and the log folder to the console's Help menu and answers them."""

    def __init__(
        self,
        console: ConsoleWindow,
        library: LibraryModel,
        notices: NoticeBoard,
        *,
        language: Callable[[], str],
        log_folder: Path,
        open_url: Callable[[QUrl], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._console = console
        self._library = library
        self._notices = notices
        self._language = language
        self._log_folder = log_folder
        self._open_url = open_url
        self.about: AboutDialog | None = None
        self.log_action = QAction(self.tr("Open the &log folder"), console)
        self.log_action.triggered.connect(self.open_log_folder)
        self.about_action = QAction(self.tr("&About Facilitator"), console)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        console.help_menu.addSeparator()
        console.help_menu.addAction(self.log_action)
        console.help_menu.addAction(self.about_action)

    def show_about(self) -> AboutDialog:
        """Open the About box (one at a time)."""
        if self.about is None:
            self.about = AboutDialog(
                app_name=APP_NAME,
                version=__version__,
                qt_version=qVersion(),
                pyside_version=pyside_version,
                credits=structure_credits(self._library.library.structures(), self._language()),
                icon=app_icon(),
                parent=self._console,
            )
            self.about.finished.connect(self._forget_about)
        self.about.show()
        self.about.raise_()
        return self.about

    def _forget_about(self) -> None:
        if self.about is not None:
            self.about.deleteLater()
        self.about = None

    def open_log_folder(self) -> bool:
        """Show the log folder in the system's file manager; says so when it cannot."""
        folder = self._log_folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return self._cannot_open(f"{folder}: {error.strerror or error}")
        open_url = self._open_url or QDesktopServices.openUrl
        if open_url(QUrl.fromLocalFile(str(folder))):
            self._notices.dismiss_key("log-folder")
            return True
        return self._cannot_open(str(folder))

    def _cannot_open(self, where: str) -> bool:
        self._notices.post(
            self.tr("The log folder could not be opened: {where}").format(where=where),
            key="log-folder",
        )
        return False
