"""Editing a step's phases and how its rounds follow the group, each change one undo step.

The phases carry a step's time, so the edits keep the draft whole: the first
phase takes over the step's minutes (and its allowed range goes, the phases
have their own), and removing the last phase gives its minutes back to the
step. Letting the rounds (or turns) follow the group drops the fixed number
they replace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from facilitator.core.documents.drafting import free_step_id, new_phase
from facilitator.core.workshop.structures import GroupFollowing

if TYPE_CHECKING:
    from facilitator.core.documents.doc_paths import DocPath
    from facilitator.models.editing.draft_model import DraftModel

DEFAULT_PHASE_MINUTES = 1


translate = QCoreApplication.translate
"""Qt's translate(context, text), spelled so that pyside6-lupdate finds every call."""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


class PhaseEdits:
    """Adds, removes, moves and times the phases of the steps of one draft."""

    def __init__(self, model: DraftModel) -> None:
        self._model = model

    @staticmethod
    def phases_path(step: int) -> DocPath:
        """Where the phases of step `step` are in the draft."""
        return ("steps", step, "phases")

    def count(self, step: int) -> int:
        """How many phases step `step` has."""
        return self._model.count(self.phases_path(step))

    def add(self, step: int, position: int | None = None) -> int:
        """Add a phase to step `step` (at the end unless told); its position."""
        model = self._model
        path = self.phases_path(step)
        phases = model.value(path) or []
        taken = [p.get("id") for p in phases if isinstance(p, dict)]
        phase_id = free_step_id([t for t in taken if isinstance(t, str)], prefix="phase")
        if phases:
            where = len(phases) if position is None else position
            model.insert_item(
                path,
                where,
                new_phase(phase_id, DEFAULT_PHASE_MINUTES),
                translate("PhaseEdits", "add a phase"),
            )
            return min(where, self.count(step) - 1)
        # The first phase takes over the step's time; the phases then carry it.
        minutes = self._turn_minutes(step) or DEFAULT_PHASE_MINUTES
        model.undo_stack.beginMacro(translate("PhaseEdits", "split the step into phases"))
        model.set_value(path, [new_phase(phase_id, _plain(minutes))])
        for key in ("minutes", "min_minutes", "max_minutes"):
            model.set_value(("steps", step, key), None)
        model.undo_stack.endMacro()
        return 0

    def remove(self, step: int, index: int) -> None:
        """Remove a phase; without phases left, the step gets their minutes back."""
        model = self._model
        path = self.phases_path(step)
        count = self.count(step)
        if not 0 <= index < count:
            return
        if count > 1:
            model.remove_item(path, index, translate("PhaseEdits", "remove a phase"))
            return
        minutes = _number(model.value((*path, 0, "minutes"))) or DEFAULT_PHASE_MINUTES
        if not self._per_person(step):
            minutes *= _number(model.value(("steps", step, "speakers"))) or 1
        model.undo_stack.beginMacro(translate("PhaseEdits", "remove the last phase"))
        model.set_value(path, None)
        model.set_value(("steps", step, "minutes"), _plain(minutes))
        model.undo_stack.endMacro()

    def move(self, step: int, source: int, target: int) -> bool:
        """Move a phase to another position in its round."""
        return self._model.move_item(
            self.phases_path(step), source, target, translate("PhaseEdits", "move a phase")
        )

    def set_following(self, step: int, following: str | None) -> None:
        """Let the step's rounds or turns follow the group size, or fix them (None)."""
        model = self._model
        here: DocPath = ("steps", step)
        before = model.value((*here, "follows_group"))
        if before == following:
            return
        model.undo_stack.beginMacro(
            translate("PhaseEdits", "change how the rounds follow the group")
        )
        turn = self._turn_minutes(step)
        model.set_value((*here, "follows_group"), following)
        if following == GroupFollowing.ROUNDS.value:
            model.set_value((*here, "rounds"), None)
        if following == GroupFollowing.TURNS.value:
            model.set_value((*here, "speakers"), None)
            if not model.value((*here, "phases")) and turn is not None:
                model.set_value((*here, "minutes"), _plain(turn))  # one person's turn now
                for key in ("min_minutes", "max_minutes"):
                    model.set_value((*here, key), None)
        model.undo_stack.endMacro()

    def _per_person(self, step: int) -> bool:
        return self._model.value(("steps", step, "follows_group")) == GroupFollowing.TURNS.value

    def _turn_minutes(self, step: int) -> float | None:
        """The length of one turn (one round without turns) as the draft holds it."""
        minutes = _number(self._model.value(("steps", step, "minutes")))
        if minutes is None or self._per_person(step):
            return minutes
        speakers = _number(self._model.value(("steps", step, "speakers"))) or 1
        return minutes / speakers if speakers > 0 else minutes


def _plain(minutes: float) -> int | float:
    """A whole number of minutes as an int, so the draft reads like a written file."""
    return int(minutes) if float(minutes).is_integer() else round(minutes, 4)
