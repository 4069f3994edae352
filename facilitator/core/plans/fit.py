"""Fitting a whole plan into a slot: every item scaled within its range, breaks kept."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.plans.format import MAX_SLOT_MINUTES, FreeItem, Plan, PlanItem
from facilitator.core.plans.schedule import (
    PlanError,
    StructureSource,
    item_label,
    item_seconds,
    resolve_plan,
)
from facilitator.core.timing.fitting import feasible_minutes
from facilitator.core.timing.timeline import seconds_of
from facilitator.core.workshop.structures import FALLBACK_LANGUAGE

if TYPE_CHECKING:
    from collections.abc import Sequence

FREE_SCALE = (0.5, 2.0)
"""How far fitting may shrink or stretch a free item that is not a break."""


@dataclass(frozen=True)
class _Room:
    """How far one item can be scaled, in seconds; fixed items have low == high."""

    base: int
    low: int
    high: int
    label: str
    fixed_reason: str = ""

    @property
    def fixed(self) -> bool:
        return bool(self.fixed_reason)


def _room_of(item: PlanItem, library: StructureSource, label: str) -> _Room:
    if isinstance(item, FreeItem):
        base = seconds_of(item.minutes)
        if item.is_break:
            return _Room(base, base, base, label, "a break keeps its length")
        low = math.ceil(base * FREE_SCALE[0])
        high = math.floor(base * FREE_SCALE[1])
        return _Room(base, min(low, base), max(high, base), label)
    structure = library.find_structure(item.structure_id)
    if structure is None:  # resolve_plan has reported it before fitting begins
        raise PlanError(f"no structure {item.structure_id!r} in the library")
    base = item_seconds(item, library)
    shortest, longest = feasible_minutes(structure)
    low, high = round(shortest * 60), round(longest * 60)
    if low > high:
        return _Room(base, base, base, label, "its steps leave no room to scale it")
    return _Room(base, low, high, label)


def _whole_minutes(seconds: float) -> str:
    return f"{seconds / 60:g}"


def _refusal(plan: Plan, slot: float, rooms: Sequence[_Room], too_short: bool) -> PlanError:
    shortest = sum(room.low for room in rooms)
    longest = sum(room.high for room in rooms)
    limits = []
    for room in rooms:
        if room.fixed:
            limits.append(f"{room.label} {_whole_minutes(room.low)} min ({room.fixed_reason})")
        elif too_short:
            limits.append(f"{room.label} at least {_whole_minutes(room.low)} min")
        else:
            limits.append(f"{room.label} at most {_whole_minutes(room.high)} min")
    low_minutes, high_minutes = math.ceil(shortest / 60), math.floor(longest / 60)
    if low_minutes <= high_minutes:
        choose = f"choose between {low_minutes} and {high_minutes} minutes"
    else:
        choose = f"it can only last about {_whole_minutes(round(shortest / 60) * 60)} minutes"
    need = "at least" if too_short else "at most"
    need_seconds = shortest if too_short else longest
    return PlanError(
        f"{plan.title.in_language(FALLBACK_LANGUAGE)} cannot be fitted into {slot:g} minutes: "
        f"it can last {need} {_whole_minutes(need_seconds)} minutes "
        f"({'; '.join(limits)}); {choose}"
    )


def _allocation(rooms: Sequence[_Room], need: int) -> list[float]:
    """Scale every scalable item by one factor, clamped to its range, to sum to `need`."""

    def total(factor: float) -> float:
        return sum(min(max(room.base * factor, room.low), room.high) for room in rooms)

    low, high = 0.0, 1.0
    while total(high) < need and high < 1e6:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if total(middle) < need:
            low = middle
        else:
            high = middle
    return [min(max(room.base * high, room.low), room.high) for room in rooms]


def _apportion(
    wanted: Sequence[float], rooms: Sequence[_Room], need: int, unit: int
) -> list[int] | None:
    """Round `wanted` to multiples of `unit` within each range, summing to `need`; or None.

    When `need` is no multiple of `unit`, one item takes the odd remainder.
    """
    odd = need % unit
    need -= odd
    lows = [math.ceil(room.low / unit) * unit for room in rooms]
    highs = [math.floor(room.high / unit) * unit for room in rooms]
    if any(low > high for low, high in zip(lows, highs, strict=True)):
        return None
    chosen = [
        min(max(math.floor(w / unit) * unit, low), high)
        for w, low, high in zip(wanted, lows, highs, strict=True)
    ]
    for _ in range(10_000):
        gap = need - sum(chosen)
        if gap == 0:
            return _with_remainder(chosen, wanted, rooms, odd)
        if gap > 0:
            options = [i for i in range(len(rooms)) if chosen[i] + unit <= highs[i]]
            pick = max(options, key=lambda i: wanted[i] - chosen[i], default=None)
            step = unit
        else:
            options = [i for i in range(len(rooms)) if chosen[i] - unit >= lows[i]]
            pick = min(options, key=lambda i: wanted[i] - chosen[i], default=None)
            step = -unit
        if pick is None:
            return None
        chosen[pick] += step
    return None


def _with_remainder(
    chosen: list[int], wanted: Sequence[float], rooms: Sequence[_Room], odd: int
) -> list[int] | None:
    """Give `odd` seconds to the item furthest below what it wanted that has room for them."""
    if odd == 0:
        return chosen
    options = [i for i in range(len(rooms)) if chosen[i] + odd <= rooms[i].high]
    pick = max(options, key=lambda i: wanted[i] - chosen[i], default=None)
    if pick is None:
        return None
    chosen[pick] += odd
    return chosen


def fit_plan(plan: Plan, library: StructureSource, slot_minutes: float | None = None) -> Plan:
    """A copy of `plan` whose items are scaled to fill `slot_minutes` (else the plan's slot).

    Structure items scale within the range their steps allow, free items from
    half to double their length; breaks keep theirs. Lengths are whole minutes
    where possible. PlanError names the limiting items and the possible range.
    """
    slot = plan.slot_minutes if slot_minutes is None else slot_minutes
    if slot is None:
        raise PlanError(
            f"{plan.id}: slot_minutes: give the length of the slot to fit the plan into"
        )
    if not math.isfinite(slot) or not 0 < slot <= MAX_SLOT_MINUTES:
        raise PlanError(
            f"{plan.id}: slot_minutes: expected a number of minutes greater than 0 and at most "
            f"{MAX_SLOT_MINUTES:g}, got {slot}"
        )
    resolve_plan(plan, library)  # unknown structures and sets are reported first
    target = round(slot * 60)
    rooms = [_room_of(item, library, item_label(item, library)) for item in plan.items]
    if target < sum(room.low for room in rooms):
        raise _refusal(plan, slot, rooms, too_short=True)
    if target > sum(room.high for room in rooms):
        raise _refusal(plan, slot, rooms, too_short=False)
    scalable = [i for i, room in enumerate(rooms) if not room.fixed]
    need = target - sum(room.low for room in rooms if room.fixed)
    lengths = {i: rooms[i].base for i in range(len(rooms))}
    if scalable:
        subset = [rooms[i] for i in scalable]
        wanted = _allocation(subset, need)
        for unit in (60, 5, 1):
            chosen = _apportion(wanted, subset, need, unit)
            if chosen is not None:
                lengths.update(zip(scalable, chosen, strict=True))
                break
        else:  # pragma: no cover - whole seconds always fit between the integer bounds
            raise PlanError(f"{plan.id}: the items cannot be rounded to fill {slot:g} minutes")
    items = [
        item if rooms[i].fixed else _with_length(item, lengths[i])
        for i, item in enumerate(plan.items)
    ]
    items = _absorb_residual(items, rooms, target, library)
    return dataclasses.replace(plan, items=tuple(items), slot_minutes=slot)


def _with_length(item: PlanItem, seconds: int) -> PlanItem:
    return dataclasses.replace(item, minutes=seconds / 60)


def _absorb_residual(
    items: list[PlanItem], rooms: Sequence[_Room], target: int, library: StructureSource
) -> list[PlanItem]:
    """Fitting a structure rounds its steps; a scalable free item takes up the difference."""
    residual = target - sum(item_seconds(item, library) for item in items)
    if residual == 0:
        return items
    for index, item in enumerate(items):
        room = rooms[index]
        if isinstance(item, FreeItem) and not room.fixed:
            seconds = seconds_of(item.minutes) + residual
            if room.low <= seconds <= room.high:
                items[index] = dataclasses.replace(item, minutes=seconds / 60)
                break
    return items
