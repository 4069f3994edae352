"""The plan being built on the Plans page: its items, start time, schedule, fitting and saving.

The model edits a core `Plan` (immutable; every change makes a new one) and
announces each change. The schedule (each item's length and clock times) is
computed by core/plans/format.py; a plan that cannot be resolved (a fitted length
outside a structure's range, a missing structure) keeps its items and says why.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from facilitator.core.documents.draft_store import draft_key
from facilitator.core.documents.library import Origin
from facilitator.core.documents.registry import document_of
from facilitator.core.documents.saving import Resolve, save_guarded
from facilitator.core.documents.user_copies import suggest_id, taken_ids
from facilitator.core.files.guarded import ChangedOnDiskError, Conflict
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.plans.fit import fit_plan
from facilitator.core.plans.format import FreeItem, Plan, PlanItem, StructureItem
from facilitator.core.plans.schedule import PlanError, PlannedItem, item_label, plan_schedule
from facilitator.core.workshop.structures import LocalText

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

    from facilitator.models.library_model import LibraryModel

DEFAULT_START = time(9, 0)
NEW_PLAN_ID = "my-plan"


@dataclass(frozen=True)
class PlanListing:
    """One plan in the list: its id, title and whether it is the user's own."""

    plan_id: str
    title: str
    own: bool


@dataclass(frozen=True)
class PlanRow:
    """One item as the plan page shows it."""

    position: int
    title: str
    is_break: bool
    seconds: int | None
    """None when the plan cannot be scheduled as it stands."""
    start: time | None
    end: time | None


class PlanModel(QObject):
    """The plan open on the Plans page, and the list of plans to open."""

    changed = Signal()
    """The open plan, its start time or its schedule changed."""
    listChanged = Signal()
    """The library's plans changed (a save, an import, a reload)."""
    saved = Signal(str)
    """The open plan was saved in the user library: the file's path."""

    def __init__(
        self,
        library: LibraryModel,
        language: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._language = language
        self._plan: Plan | None = None
        self._dirty = False
        self._schedule: tuple[PlannedItem, ...] = ()
        self._problem = ""
        library.changed.connect(self._on_library_changed)

    # --- the list ----------------------------------------------------------------

    def plans(self) -> list[PlanListing]:
        """Every plan in the library, by title."""
        library = self._library.library
        found = []
        for plan in library.plans():
            entry = library.entry(DocumentKind.PLAN, plan.id)
            own = entry is not None and entry.origin is Origin.USER
            found.append(PlanListing(plan.id, plan.title.in_language(self.language), own))
        return sorted(found, key=lambda listing: listing.title.casefold())

    @property
    def language(self) -> str:
        """The language titles are shown and typed in."""
        return self._language()

    # --- the open plan -------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        """The plan being built, or None."""
        return self._plan

    # The open plan as a draft, for the DraftKeeper that keeps its unsaved changes on disk.

    @property
    def is_dirty(self) -> bool:
        """Whether the plan has changes that are not saved."""
        return self._dirty

    @property
    def key(self) -> str:
        """The draft file's key of the open plan: `plan-<id>`; "" when none is open."""
        return draft_key(DocumentKind.PLAN, self._plan.id) if self._plan is not None else ""

    @property
    def document_type(self) -> DocumentKind:
        """Always a plan."""
        return DocumentKind.PLAN

    @property
    def original_id(self) -> str | None:
        """The id the plan is saved under."""
        return self._plan.id if self._plan is not None else None

    def display_title(self) -> str:
        """The plan's title in the chosen language."""
        return self._plan.title.in_language(self.language) if self._plan is not None else ""

    @property
    def draft(self) -> dict[str, Any]:
        """The open plan's document, unsaved changes included."""
        if self._plan is None:
            raise ValueError("no plan is open")
        return document_of(self._plan)

    def discard_changes(self) -> None:
        """Drop the unsaved changes: the saved plan again, or none if it was never saved."""
        saved = self._library.library.find_plan(self._plan.id) if self._plan else None
        if saved is None:
            self._plan, self._dirty = None, False
            self._reschedule()
            self.changed.emit()
        else:
            self._set(saved, dirty=False)

    def restore(self, plan: Plan) -> None:
        """Open a plan left unsaved (a draft found after a crash), with its changes."""
        self._set(plan, dirty=True)

    @property
    def problem(self) -> str:
        """Why the plan cannot be scheduled as it stands, or ""."""
        return self._problem

    @property
    def start_time(self) -> time:
        """The planned clock start."""
        if self._plan is not None and self._plan.start_time is not None:
            hours, minutes = self._plan.start_time.split(":")
            return time(int(hours), int(minutes))
        return DEFAULT_START

    def open(self, plan_id: str) -> None:
        """Open a plan of the library (a copy: nothing is saved until `save`)."""
        plan = self._library.library.find_plan(plan_id)
        if plan is None:
            return
        self._set(plan, dirty=False)

    def new_plan(self, title: str) -> None:
        """Start an empty plan under a free id."""
        taken = taken_ids(self._library.library, DocumentKind.PLAN)
        plan_id = suggest_id(NEW_PLAN_ID, taken, suffix="")
        self._set(
            Plan(plan_id, LocalText({self.language: title}), (), start_time=_clock(DEFAULT_START)),
            dirty=True,
        )

    def set_title(self, title: str) -> None:
        """Rename the plan in the current language (its other languages stay)."""
        if self._plan is None or not title.strip():
            return
        texts = dict(self._plan.title.by_language)
        if texts.get(self.language) == title:
            return
        texts[self.language] = title
        self._set(dataclasses.replace(self._plan, title=LocalText(texts)))

    def set_start_time(self, start: time) -> None:
        """Plan the start at `start` (the clock times follow)."""
        if self._plan is None or self._plan.start_time == _clock(start):
            return
        self._set(dataclasses.replace(self._plan, start_time=_clock(start)))

    # --- items -----------------------------------------------------------------------

    def add_structure(
        self,
        structure_id: str,
        questions: Mapping[str, str] | None = None,
        minutes: float | None = None,
    ) -> int:
        """Add a structure at the end; returns its index."""
        return self._append(StructureItem(structure_id, dict(questions or {}), minutes))

    def add_free(self, title: str, minutes: float, *, is_break: bool = False) -> int:
        """Add a free item (a welcome, a close) or a break at the end; returns its index."""
        return self._append(FreeItem(LocalText({self.language: title}), minutes, is_break=is_break))

    def _append(self, item: PlanItem) -> int:
        if self._plan is None:
            return -1
        self._set(dataclasses.replace(self._plan, items=(*self._plan.items, item)))
        return len(self._plan.items) - 1

    def remove(self, index: int) -> None:
        """Remove the item at `index`."""
        if self._plan is None or not 0 <= index < len(self._plan.items):
            return
        items = list(self._plan.items)
        del items[index]
        self._set(dataclasses.replace(self._plan, items=tuple(items)))

    def move(self, index: int, delta: int) -> int:
        """Move an item up (-1) or down (+1); returns where it is now."""
        if self._plan is None:
            return index
        target = index + delta
        items = list(self._plan.items)
        if not (0 <= index < len(items) and 0 <= target < len(items)):
            return index
        items[index], items[target] = items[target], items[index]
        self._set(dataclasses.replace(self._plan, items=tuple(items)))
        return target

    def item(self, index: int) -> PlanItem | None:
        """The item at `index`, or None."""
        if self._plan is None or not 0 <= index < len(self._plan.items):
            return None
        return self._plan.items[index]

    def set_minutes(self, index: int, minutes: float | None) -> None:
        """A structure's fitted length (None: its own timing), or a free item's length."""
        item = self.item(index)
        if item is None or item.minutes == minutes:
            return
        if isinstance(item, FreeItem):
            if minutes is None:
                return  # a free item always has a length
            changed: PlanItem = dataclasses.replace(item, minutes=minutes)
        else:
            changed = dataclasses.replace(item, minutes=minutes)
        self._replace_item(index, changed)

    def set_free_title(self, index: int, title: str) -> None:
        """Rename a free item in the current language."""
        item = self.item(index)
        if not isinstance(item, FreeItem) or not title.strip():
            return
        texts = dict(item.title.by_language)
        if texts.get(self.language) != title:
            texts[self.language] = title
            self._replace_item(index, dataclasses.replace(item, title=LocalText(texts)))

    def set_question_set(self, index: int, language: str, set_id: str | None) -> None:
        """The question set a structure shows in `language` (None: the default)."""
        item = self.item(index)
        if not isinstance(item, StructureItem):
            return
        questions = dict(item.questions)
        if set_id:
            questions[language] = set_id
        else:
            questions.pop(language, None)
        if questions != dict(item.questions):
            self._replace_item(index, dataclasses.replace(item, questions=questions))

    def _replace_item(self, index: int, item: PlanItem) -> None:
        assert self._plan is not None
        items = list(self._plan.items)
        items[index] = item
        self._set(dataclasses.replace(self._plan, items=tuple(items)))

    # --- schedule, fitting, saving ------------------------------------------------------

    def rows(self) -> list[PlanRow]:
        """Each item with its length and planned clock times (when it can be scheduled)."""
        if self._plan is None:
            return []
        library = self._library.library
        planned = {entry.position: entry for entry in self._schedule}
        rows = []
        for position, item in enumerate(self._plan.items, start=1):
            entry = planned.get(position)
            rows.append(
                PlanRow(
                    position,
                    item_label(item, library, self.language),
                    isinstance(item, FreeItem) and item.is_break,
                    entry.seconds if entry else None,
                    entry.start if entry else None,
                    entry.end if entry else None,
                )
            )
        return rows

    def total_seconds(self) -> int | None:
        """The whole plan's length, or None when it cannot be scheduled."""
        if self._plan is None or self._problem:
            return None
        return sum(entry.seconds for entry in self._schedule)

    def finish_time(self) -> time | None:
        """The planned clock time at which the plan ends."""
        if not self._schedule or self._problem:
            return None
        return self._schedule[-1].end

    def fit(self, slot_minutes: float) -> str:
        """Fit the plan into `slot_minutes`; "" when done, else why it cannot be."""
        if self._plan is None:
            return ""
        try:
            fitted = fit_plan(self._plan, self._library.library, slot_minutes)
        except PlanError as error:
            return str(error)
        self._set(fitted)
        return ""

    def save(self, resolve: Resolve | None = None) -> Path | None:
        """Save the plan in the user library (atomically, keeping a backup); SaveError if not.

        If another window saved the plan meanwhile, `resolve` decides (unasked, nothing is
        saved: ChangedOnDiskError). Keeping theirs opens their plan; None then.
        """
        if self._plan is None:
            raise ValueError("no plan is open")
        if not self._plan.items:
            raise PlanError("add at least one item before saving the plan")
        saved = save_guarded(self._plan, self._library.library, resolve or _cancel)
        if saved.conflict is Conflict.KEEP_THEIRS:
            self._library.reload()
            self.discard_changes()
            return None
        if saved.path is None:
            raise ChangedOnDiskError(self._library.library.user_dir / f"{self._plan.id}.json")
        if isinstance(saved.item, Plan):
            self._plan = saved.item  # this window's plan, or its copy under a free id
        self._dirty = False
        self._library.reload()
        self.saved.emit(str(saved.path))
        return saved.path

    # --- internals ----------------------------------------------------------------------

    def _set(self, plan: Plan, *, dirty: bool = True) -> None:
        self._plan = plan
        self._dirty = dirty
        self._reschedule()
        self.changed.emit()

    def _reschedule(self) -> None:
        self._schedule, self._problem = (), ""
        if self._plan is None or not self._plan.items:
            return
        try:
            self._schedule = plan_schedule(self._plan, self._library.library, self.start_time)
        except PlanError as error:
            self._problem = str(error)

    def _on_library_changed(self) -> None:
        self._reschedule()
        self.listChanged.emit()
        self.changed.emit()


def _clock(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _cancel(_name: str) -> Conflict:
    return Conflict.CANCEL
