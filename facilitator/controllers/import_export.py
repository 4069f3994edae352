"""Sharing from the console: export to a file, import files (also dropped on the console).

An imported file is validated completely first; its problems are listed one per
line and nothing is written. An id that is taken offers Rename (with a free id
suggested), Replace or Cancel. After an import the library is reloaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

from facilitator.core.documents.drafting import sentence
from facilitator.core.documents.registry import Item, type_of_item
from facilitator.core.documents.sharing import (
    IdClashError,
    Imported,
    export_item,
    import_item,
    read_for_import,
    with_new_id,
)
from facilitator.core.documents.user_copies import suggest_id, taken_ids
from facilitator.core.files.jsonio import SaveError
from facilitator.core.files.problems import DocumentError
from facilitator.core.workshop.structures import FALLBACK_LANGUAGE, LocalText
from facilitator.ui.prompts import Choice, Prompts, type_label

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QWidget

    from facilitator.models.library_model import LibraryModel
    from facilitator.models.notices import NoticeBoard
    from facilitator.models.ui_state_model import UiStateModel

RENAME_SUFFIX = "-imported"


def item_title(item: Item, language: str = FALLBACK_LANGUAGE) -> str:
    """An item's title for messages, whatever its type."""
    title = getattr(item, "title", "")
    if isinstance(title, LocalText):
        return title.in_language(language) or item.id
    return str(title) or item.id


class ImportExport(QObject):
    """Imports files into the user library and exports items to files."""

    importFinished = Signal(list)
    """The ids imported by one import (possibly none), after the library reloaded."""

    def __init__(
        self,
        library: LibraryModel,
        notices: NoticeBoard,
        ui_state: UiStateModel,
        *,
        prompts: Callable[[], Prompts],
        window: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._notices = notices
        self._ui_state = ui_state
        self._prompts = prompts
        self._window = window

    # --- importing -----------------------------------------------------------------------

    def import_files(self, paths: Sequence[Path]) -> list[Imported]:
        """Import each file in turn; the library reloads once at the end."""
        done: list[Imported] = []
        for path in paths:
            result = self._import_one(Path(path))
            if result is not None:
                done.append(result)
        if paths:
            self._ui_state.remember_import_folder(Path(paths[-1]).parent)
        if done:
            self._library.reload()
            lines = [
                self.tr("Imported the {kind} \u201c{title}\u201d ({id}).").format(
                    kind=type_label(type_of_item(result.item).name),
                    title=item_title(result.item),
                    id=result.item.id,
                )
                for result in done
            ]
            self._notices.post("\n".join(lines), key="import")
        self.importFinished.emit([result.item.id for result in done])
        return done

    def _import_one(self, path: Path) -> Imported | None:
        prompts = self._prompts()
        try:
            item = read_for_import(path)
        except DocumentError as error:
            prompts.show_problems(
                self._window,
                self.tr("Cannot import {name}").format(name=path.name),
                self.tr("Nothing was imported. The file has these problems:"),
                [str(problem) for problem in error.problems],
            )
            return None
        replace = False
        while True:
            try:
                return import_item(
                    item,
                    self._library.library,
                    replace=replace,
                    resolve=lambda name: prompts.changed_on_disk(self._window, name),
                )
            except IdClashError as clash:
                choice, new_id = prompts.id_clash(
                    self._window, sentence(str(clash)), self.free_id(item)
                )
                if choice is Choice.REPLACE:
                    replace = True
                elif choice is Choice.RENAME:
                    try:
                        item = with_new_id(item, new_id)
                    except DocumentError as error:
                        prompts.show_problems(
                            self._window,
                            self.tr("Not a valid id"),
                            self.tr("The id {id!r} cannot be used:").format(id=new_id),
                            [sentence(p.message) for p in error.problems],
                        )
                else:
                    return None
            except SaveError as error:
                prompts.show_error(self._window, self.tr("Import failed"), str(error))
                return None

    def free_id(self, item: Item) -> str:
        """A free id to offer when an imported item's id is taken."""
        kind = type_of_item(item).name
        return suggest_id(item.id, taken_ids(self._library.library, kind), RENAME_SUFFIX)

    # --- exporting -----------------------------------------------------------------------

    def export(self, type_name: str, item_id: str, destination: Path) -> bool:
        """Write an item to `destination` to share it; False (after saying why) if it failed."""
        entry = self._library.library.entry(type_name, item_id)
        if entry is None:
            return False
        try:
            export_item(entry.item, destination)
        except SaveError as error:
            self._prompts().show_error(self._window, self.tr("Export failed"), str(error))
            return False
        self._ui_state.remember_export_folder(destination.parent)
        self._notices.post(
            self.tr("Exported \u201c{title}\u201d to {path}.").format(
                title=item_title(entry.item), path=str(destination)
            ),
            key="export",
        )
        return True

    def suggested_export_path(self, type_name: str, item_id: str) -> Path:
        """Where an export is offered to go: the last export folder, named after the id."""
        folder = self._ui_state.value.export_folder or str(Path.home())
        return Path(folder) / f"{item_id}.json"


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files dragged in, if the drag holds any."""
    if mime is None or not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and not Path(url.toLocalFile()).is_dir()
    ]


class DropImport(QObject):
    """An event filter that imports files dropped onto a window (the console)."""

    def __init__(self, sharing: ImportExport, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sharing = sharing

    def install(self, window: QWidget) -> None:
        """Accept file drops on `window`."""
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragEnterEvent | QDragMoveEvent
        ):
            if local_files(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = local_files(event.mimeData())
            if not paths:
                return False
            event.acceptProposedAction()
            # Import after the drop has finished, so dialogs never block the drag source.
            QTimer.singleShot(0, self, lambda: self._sharing.import_files(paths))
            return True
        return False
