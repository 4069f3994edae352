"""The file format of a step's phases, and of rounds or turns that follow the group.

A step may split every round (every speaking turn, when it has turns) into
phases, each with its minutes, who acts and its own cue; the phases then carry
the step's time. A step's rounds (or turns) may follow the group: one round per
member of the group, one turn per person at the table. docs/file-format.md
describes both.
"""

from __future__ import annotations

from typing import Any

from facilitator.core.files import validation as v
from facilitator.core.files.jsonio import plain_number
from facilitator.core.workshop.structures import (
    NO_CUE,
    GroupFollowing,
    GroupShape,
    LocalText,
    Moment,
    Phase,
    Role,
    Structure,
    group_sizes_text,
)

MAX_PHASES = 20
MAX_PHASE_MINUTES = 600.0
MIN_PHASE_SECONDS = 5
CUE_VALUES = [m.value for m in Moment] + [NO_CUE]
FOLLOWING_SHAPES = (
    GroupShape.PAIRS,
    GroupShape.TRIOS,
    GroupShape.FOURSOMES,
    GroupShape.SMALL_GROUPS,
)
MINUTES_TOLERANCE = 1e-6


def cue_value(value: Any, path: str, problems: v.Problems) -> Any:
    """A check for a cue: a moment's name or "none"."""
    if value not in CUE_VALUES:
        problems.add(path, f"expected one of {', '.join(CUE_VALUES)}, got {v.show(value)}")
        return v.INVALID
    return value


def _phase(value: Any, path: str, problems: v.Problems) -> Any:
    fields = v.FieldReader(value, path, problems)
    minutes_check = v.number(above=0, maximum=MAX_PHASE_MINUTES)
    parsed = {
        "id": fields.take("id", v.identifier),
        "title": fields.take("title", v.local_text(max_length=200)),
        "role": fields.take("role", v.choice(Role)),
        "minutes": fields.take("minutes", minutes_check),
        "min_minutes": fields.take("min_minutes", minutes_check, default=None),
        "max_minutes": fields.take("max_minutes", minutes_check, default=None),
        "instruction": fields.take("instruction", v.local_text(), default=LocalText()),
        "cue": fields.take("cue", cue_value, default=None),
    }
    fields.finish()
    if not fields.ok or not v.all_valid(list(parsed.values())):
        return v.INVALID
    phase = Phase(**parsed)
    ok = True
    if phase.min_minutes is not None and phase.min_minutes > phase.minutes:
        problems.add(
            v.child(path, "min_minutes"),
            f"expected at most minutes ({phase.minutes:g}), got {phase.min_minutes:g}",
        )
        ok = False
    if phase.max_minutes is not None and phase.max_minutes < phase.minutes:
        problems.add(
            v.child(path, "max_minutes"),
            f"expected at least minutes ({phase.minutes:g}), got {phase.max_minutes:g}",
        )
        ok = False
    if phase.minutes * 60 < MIN_PHASE_SECONDS:
        problems.add(
            v.child(path, "minutes"),
            f"expected a phase of at least {MIN_PHASE_SECONDS} seconds, "
            f"got {phase.minutes * 60:.1f} seconds",
        )
        ok = False
    return phase if ok else v.INVALID


phases_check = v.items(_phase, min_items=1, max_items=MAX_PHASES, noun="phases")
"""A check for a step's list of phases: at least one, each with its own id."""


def complete_step(parsed: dict[str, Any], given: set[str], path: str, problems: v.Problems) -> bool:
    """Check the fields phases and group following tie together; fill in minutes from phases.

    `given` holds the step's fields present in the file. False after recording a problem.
    """
    ok = _check_following(parsed, given, path, problems)
    phases = parsed["phases"]
    if not phases:
        if parsed["minutes"] is None:
            problems.add(v.child(path, "minutes"), "missing; this field is required")
            return False
        return ok
    seen: set[str] = set()
    for index, phase in enumerate(phases):
        if phase.id in seen:
            problems.add(
                f"{v.child(path, 'phases')}[{index}].id",
                f"expected an id no other phase of this step has, got {phase.id!r} again",
            )
            ok = False
        seen.add(phase.id)
    for key in ("min_minutes", "max_minutes"):
        if key in given:
            problems.add(
                v.child(path, key),
                "a step with phases takes its allowed length from its phases; leave this out",
            )
            ok = False
    per_person = parsed["follows_group"] is GroupFollowing.TURNS or parsed["speakers"] > 1
    speakers = 1 if parsed["follows_group"] is GroupFollowing.TURNS else parsed["speakers"]
    turn = sum(phase.minutes for phase in phases)
    if (
        parsed["minutes"] is not None
        and abs(parsed["minutes"] - turn * speakers) > MINUTES_TOLERANCE
    ):
        what = "one speaking turn" if per_person else "one round"
        problems.add(
            v.child(path, "phases"),
            f"expected phases that fill {what} of {parsed['minutes'] / speakers:g} minutes, "
            f"got {turn:g} minutes in all",
        )
        ok = False
    parsed["minutes"] = turn * speakers
    return ok


def _check_following(
    parsed: dict[str, Any], given: set[str], path: str, problems: v.Problems
) -> bool:
    following = parsed["follows_group"]
    if following is None:
        return True
    ok = True
    if parsed["group"] not in FOLLOWING_SHAPES:
        problems.add(
            v.child(path, "follows_group"),
            f"expected a step in pairs, trios, foursomes or small_groups; "
            f"{parsed['group'].value} has no group to follow",
        )
        ok = False
    counted = "rounds" if following is GroupFollowing.ROUNDS else "speakers"
    if counted in given:
        problems.add(
            v.child(path, counted),
            f"the {counted} follow the size of the group here (follows_group); leave this out",
        )
        ok = False
    return ok


def check_group_size(structure: Structure, given: bool, problems: v.Problems) -> Structure | None:
    """The structure set to its default group size, or None after recording a problem."""
    allowed = structure.group_size_range
    if allowed is None:
        if given:
            problems.add(
                "default_group_size",
                "only a structure with a step that follows the group (follows_group) has one",
            )
            return None
        return structure
    low, high = allowed
    if low > high:
        problems.add(
            "steps",
            "the steps that follow the group (follows_group) allow no group size in common",
        )
        return None
    size = structure.group_size if structure.group_size is not None else low
    if not low <= size <= high:
        problems.add(
            "default_group_size",
            f"expected a group size its steps allow ({group_sizes_text(allowed)}), got {size}",
        )
        return None
    return structure.with_group_size(size)


def phase_to_document(phase: Phase) -> dict[str, Any]:
    """The canonical JSON form of one phase."""
    document: dict[str, Any] = {
        "id": phase.id,
        "title": dict(phase.title.by_language),
        "role": phase.role.value,
        "minutes": plain_number(phase.minutes),
    }
    if phase.min_minutes is not None:
        document["min_minutes"] = plain_number(phase.min_minutes)
    if phase.max_minutes is not None:
        document["max_minutes"] = plain_number(phase.max_minutes)
    if not phase.instruction.is_empty():
        document["instruction"] = dict(phase.instruction.by_language)
    if phase.cue is not None:
        document["cue"] = phase.cue
    return document
