"""Plans, the agenda, groups and the facilitator's sheet, added to the console.

`PlansController` is the one object app.py builds (with the windows) for all of it:
the Plans tab, the agenda on the run page, the groups panel, the keys that show
the groups on the card, and the File menu items that export the sheet and the
groups. The models (PlanModel, AgendaModel, GroupsModel) outlive it, so a
console built again (another language) finds everything as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QWidget

from facilitator.core.documents.registry import parse_document
from facilitator.core.files.jsonio import SaveError, atomic_write
from facilitator.core.files.problems import DocumentError
from facilitator.core.plans.format import Plan
from facilitator.core.plans.schedule import PlanError
from facilitator.core.shown.sheet import (
    Block,
    Heading,
    plan_sheet,
    structure_sheet,
)
from facilitator.core.shown.sheet_markdown import render_markdown
from facilitator.core.timing.fitting import FitError, fit_structure
from facilitator.ui.agenda_panel import AgendaPanel
from facilitator.ui.built_when_shown import TabBuiltWhenOpened
from facilitator.ui.groups_panel import GroupsPanel
from facilitator.ui.prompts import Choice, Prompts

if TYPE_CHECKING:
    from facilitator.core.documents.draft_store import Draft
    from facilitator.models.agenda_model import AgendaModel
    from facilitator.models.groups_model import GroupsModel
    from facilitator.models.library_model import LibraryModel
    from facilitator.models.notices import NoticeBoard
    from facilitator.models.plan_model import PlanModel
    from facilitator.ui.console_window import ConsoleWindow
    from facilitator.ui.library_page import LibraryPage
    from facilitator.ui.plan_page import PlanPage
    from facilitator.ui.run_page import RunPage

MARKDOWN_SUFFIXES = (".md", ".markdown")

AskPath = Callable[[QWidget | None, str, Path, str], Path | None]
"""Asks for a file: (parent, title, suggested path, filter) -> the path, or None."""


def ask_save_path(parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
    """Where to save, from the system's file dialog."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


def ask_open_path(parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
    """Which file to read, from the system's file dialog."""
    name, _filter = QFileDialog.getOpenFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


class AppLike(Protocol):
    """What PlansController needs of the app (FacilitatorApp has all of it)."""

    # Read-only: the app's own attributes may be of a more precise type (a CardWindow).
    @property
    def console(self) -> ConsoleWindow:
        """Tabs, side panels, the File menu."""
        ...

    @property
    def card(self) -> QWidget:
        """The card window, which takes the group keys too."""
        ...

    @property
    def run_page(self) -> RunPage:
        """Where the agenda goes."""
        ...

    @property
    def library_page(self) -> LibraryPage:
        """The chosen structure, its questions and fitted length."""
        ...

    @property
    def sound_dock(self) -> QDockWidget:
        """The Sound panel, which the Groups panel joins as a tab."""
        ...

    library: LibraryModel
    notices: NoticeBoard
    prompts: Prompts
    plans: PlanModel
    agenda: AgendaModel
    groups: GroupsModel

    def language(self) -> str:
        """The content and interface language."""
        ...

    def start_plan(self, plan_id: str, **options: Any) -> bool:
        """Start a plan as one session."""
        ...


class PlansController(QObject):
    """Builds the plan page, the agenda and the groups panel, and does what they ask."""

    def __init__(self, app: AppLike, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.choose_save_path: AskPath = ask_save_path
        """How a file to write is asked for; tests replace it."""
        self.choose_open_path: AskPath = ask_open_path
        """How a file to read is asked for; tests replace it."""
        console = app.console

        self.show_groups = self._action(
            self.tr("Show or hide the groups on the card"), app.groups.toggle_shown, "G"
        )
        self.next_groups_page = self._action(
            self.tr("Next page of groups"), app.groups.next_page, "N"
        )
        self.show_groups.setToolTip(
            self.tr("Put this round's groups on the card, or take them off (G)")
        )
        self.sheet_action = self._action(
            self.tr("Export the facilitator's sheet…"), self.ask_sheet, "Ctrl+P"
        )
        self.groups_csv_action = self._action(self.tr("Export the groups (CSV)…"), self.ask_groups)
        for action in (self.show_groups, self.next_groups_page):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setAutoRepeat(False)
            console.addAction(action)
            app.card.addAction(action)
        console.add_file_action(self.sheet_action)
        console.add_file_action(self.groups_csv_action)

        # The Plans tab is made when first opened: a session of one structure never needs it.
        self.plans_tab = TabBuiltWhenOpened(
            console.browse_tabs, self.tr("Plans"), self._make_plan_page, self
        )
        self.agenda_panel = AgendaPanel(app.agenda)
        app.run_page.add_side_widget(self.agenda_panel, 1)
        self.groups_panel = GroupsPanel(app.groups, self.show_groups)
        self.groups_dock = console.add_side_panel(self.tr("Groups"), self.groups_panel)
        # One column of tabs beside the pages, the groups on top.
        console.tabifyDockWidget(app.sound_dock, self.groups_dock)
        self.groups_dock.raise_()

        self.groups_panel.importRequested.connect(self.ask_participants)
        self.groups_panel.exportRequested.connect(self.ask_groups)

    @property
    def plan_page(self) -> PlanPage:
        """The Plans tab's page (made now if it has not been yet)."""
        return cast("PlanPage", self.plans_tab.content())

    def _make_plan_page(self) -> PlanPage:
        from facilitator.ui.plan_page import PlanPage

        page = PlanPage(self._app.plans, self._app.library)
        page.openRequested.connect(self.open_plan)
        page.newRequested.connect(self.new_plan)
        page.saveRequested.connect(self.save_plan)
        page.sheetRequested.connect(lambda: self.ask_sheet(plan=True))
        page.startRequested.connect(self.start_plan)
        return page

    def _refresh_plan_list(self) -> None:
        if self.plans_tab.is_built:  # a page made later fills its list from the model
            self.plan_page.refresh_list()

    def _action(self, label: str, handler: Callable[[], object], keys: str = "") -> QAction:
        action = QAction(label, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: handler())
        return action

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(command, keys) of the groups' keys, for the shortcut help."""
        return [
            (action.text(), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for action in (self.show_groups, self.next_groups_page)
        ]

    def retire(self) -> None:
        """Take this controller's keys off the card (the console is being built again)."""
        for action in (self.show_groups, self.next_groups_page):
            self._app.card.removeAction(action)
        self.deleteLater()

    # --- plans -------------------------------------------------------------------------

    def open_plan(self, plan_id: str) -> bool:
        """Open a plan of the library, after asking about unsaved changes to the open one."""
        if not self._may_leave_plan():
            return False
        self._app.plans.open(plan_id)
        return True

    def new_plan(self) -> bool:
        """Start a new, empty plan, after asking about unsaved changes to the open one."""
        if not self._may_leave_plan():
            return False
        self._app.plans.new_plan(QCoreApplication.translate("PlanPage", "New plan"))
        self._refresh_plan_list()
        return True

    def may_quit(self) -> bool:
        """Before quitting: save, discard or keep the open plan's unsaved changes."""
        if self._app.plans.is_dirty:
            self._show_plans_tab()
        return self._may_leave_plan()

    def restore_draft(self, draft: Draft) -> bool:
        """Open a plan's draft left by a crash on the Plans tab; False if it is not opened."""
        if not self._may_leave_plan():
            return False
        try:
            plan = parse_document(draft.document, f"{draft.key}.json")
        except DocumentError as error:
            self._app.prompts.show_error(self._app.console, self.tr("Restore the plan"), str(error))
            return False
        if not isinstance(plan, Plan):
            return False
        self._app.plans.restore(plan)
        self._refresh_plan_list()
        self._show_plans_tab()
        return True

    def _show_plans_tab(self) -> None:
        console = self._app.console
        console.show_library()
        console.browse_tabs.setCurrentWidget(self.plan_page)

    def _may_leave_plan(self) -> bool:
        """Save, discard or keep the open plan's changes; False to stay with it."""
        plans = self._app.plans
        if not plans.is_dirty:
            return True
        choice = self._app.prompts.unsaved_changes(self._app.console, plans.display_title())
        if choice is Choice.SAVE:
            return self.save_plan()
        if choice is Choice.DISCARD:
            plans.discard_changes()
            return True
        self._refresh_plan_list()  # the list shows the open plan again
        return False

    def save_plan(self) -> bool:
        """Save the open plan in the user library; a clear message when it cannot be."""
        plans = self._app.plans
        if plans.plan is None:
            return False
        title = plans.plan.title.in_language(self._app.language())
        try:
            path = plans.save(
                lambda name: self._app.prompts.changed_on_disk(self._app.console, name)
            )
        except (SaveError, PlanError) as error:
            self._app.prompts.show_error(self._app.console, self.tr("Save the plan"), str(error))
            return False
        if path is None:  # another window's plan was kept: it is open now
            self._refresh_plan_list()
            return False
        self._app.notices.post(
            self.tr("\u201c{title}\u201d is saved in your library as {path}.").format(
                title=title, path=str(path)
            ),
            key="plan-saved",
        )
        return True

    def start_plan(self, speed: float = 1.0) -> bool:
        """Run the open plan, as it stands on the page, as one session."""
        plans = self._app.plans
        if plans.plan is None:
            return False
        start = plans.start_time
        return self._app.start_plan(
            plans.plan.id,
            plan=plans.plan,
            start_time=f"{start.hour:02d}:{start.minute:02d}",
            speed=speed,
        )

    # --- the facilitator's sheet ------------------------------------------------------------

    def ask_sheet(self, *, plan: bool | None = None) -> bool:
        """Export the sheet of the open plan (on the Plans tab) or of the chosen structure."""
        if plan is None:
            plan = self._on_plans_tab()
        made = self.plan_blocks() if plan else self.structure_blocks()
        if made is None:
            return False
        blocks, name, page_breaks = made
        suggested = Path.home() / f"{name}-sheet.pdf"
        path = self.choose_save_path(
            self._app.console,
            self.tr("Export the facilitator's sheet"),
            suggested,
            self.tr("PDF (*.pdf);;Markdown (*.md)"),
        )
        if path is None:
            return False
        return self.write_sheet(blocks, path, page_breaks=page_breaks)

    def _on_plans_tab(self) -> bool:
        console = self._app.console
        shown = console.pages.currentWidget() is console.browse_tabs
        on_plans = self.plans_tab.is_built and console.browse_tabs.currentWidget() is self.plan_page
        return shown and on_plans

    def plan_blocks(self) -> tuple[list[Block], str, bool] | None:
        """The open plan's sheet, its name, and that items start new pages."""
        plans = self._app.plans
        if plans.plan is None:
            self._tell(self.tr("Open or build a plan on the Plans tab first."))
            return None
        try:
            blocks = plan_sheet(
                plans.plan, self._app.library.library, self._app.language(), plans.start_time
            )
        except PlanError as error:
            self._app.prompts.show_error(
                self._app.console, self.tr("Export the facilitator's sheet"), str(error)
            )
            return None
        return list(blocks), plans.plan.id, True

    def structure_blocks(self) -> tuple[list[Block], str, bool] | None:
        """The chosen structure's sheet (with its chosen questions and fitted length)."""
        page = self._app.library_page
        structure = page.selected
        if structure is None:
            self._tell(self.tr("Choose a structure in the library first."))
            return None
        library = self._app.library.library
        details = page.details
        set_id = details.questions.currentData()
        question_set = library.find_question_set(set_id) if set_id else None
        if details.fit.isChecked():
            try:
                structure = fit_structure(structure, details.fit_minutes.value())
            except FitError as error:
                self._tell(str(error))
                return None
        blocks = structure_sheet(structure, question_set, self._app.language())
        return list(blocks), structure.id, False

    def write_sheet(self, blocks: list[Block], path: Path, *, page_breaks: bool = False) -> bool:
        """Write the sheet as Markdown (.md) or PDF (anything else), atomically."""
        if path.suffix.casefold() not in (*MARKDOWN_SUFFIXES, ".pdf"):
            path = path.with_name(path.name + ".pdf")
        title = next((b.text for b in blocks if isinstance(b, Heading) and b.level == 1), path.stem)
        try:
            if path.suffix.casefold() in MARKDOWN_SUFFIXES:
                atomic_write(path, render_markdown(blocks).encode("utf-8"))
            else:
                from facilitator.ui.sheet_pdf import write_sheet_pdf  # Qt's printing, when asked

                write_sheet_pdf(blocks, path, title, page_breaks=page_breaks)
        except SaveError as error:
            self._app.prompts.show_error(
                self._app.console, self.tr("Export the facilitator's sheet"), str(error)
            )
            return False
        self._app.notices.post(
            self.tr("The facilitator's sheet is saved as {path}.").format(path=str(path)),
            key="sheet",
        )
        return True

    # --- groups -------------------------------------------------------------------------------

    def ask_participants(self) -> None:
        """Read the participants from a CSV file or a plain list."""
        path = self.choose_open_path(
            self._app.console,
            self.tr("Import participants"),
            Path.home(),
            self.tr("Participant lists (*.csv *.txt);;All files (*)"),
        )
        if path is not None:
            self.import_participants(path)

    def import_participants(self, path: Path) -> bool:
        """Use the names in `path`; the panel says why when they cannot be used."""
        problem = self._app.groups.load_participants(path)
        if problem:
            self.groups_panel.show_problem(problem)
            return False
        return True

    def ask_groups(self) -> bool:
        """Export every round's groups as CSV, to a file the facilitator chooses."""
        if not self._app.groups.planned_rounds():
            self._tell(self.tr("There are no groups to export yet."))
            return False
        path = self.choose_save_path(
            self._app.console,
            self.tr("Export the groups"),
            Path.home() / "groups.csv",
            self.tr("CSV (*.csv)"),
        )
        return self.export_groups(path) if path is not None else False

    def export_groups(self, path: Path) -> bool:
        """Write the groups CSV (names included: the facilitator asked for it)."""
        try:
            atomic_write(path, self._app.groups.groups_csv().encode("utf-8"), keep_backup=False)
        except SaveError as error:
            self._app.prompts.show_error(
                self._app.console, self.tr("Export the groups"), str(error)
            )
            return False
        self._app.notices.post(
            self.tr("The groups are saved as {path}.").format(path=str(path)), key="groups-csv"
        )
        return True

    def _tell(self, text: str) -> None:
        self._app.prompts.show_info(self._app.console, self.tr("Facilitator"), text)
