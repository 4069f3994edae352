"""Benchmark the repeat-free group scheduler on the cases facilitators and tests care about.

Run from the repository root:  python benchmarks/bench_grouping.py

Three kinds of case. "known maximum": equal groups for as many rounds as are known to exist
without a repeat (issue 15, item 4), each with a budget of 10 s (`--seconds 10`); "reached"
is the most rounds planned with zero repeats (the rounds asked when it has none, else fewer,
tried one by one). "workshop": the sizes facilitators run, with the default budget (under
1 s). "constraint": pairs and teams kept apart. Time is measured in one run and memory (the
peak of Python allocations, tracemalloc) in a second run of the same case, since tracing slows
the search down; the search stops after a fixed effort, so both runs plan the same groups.

Two cases keep repeats that no schedule avoids. 7 people in pairs (one trio) have at most
3 repeat-free rounds (an exhaustive check of every round), so 4 rounds need 1 repeat. 49
people in sevens for 8 rounds meet everybody exactly once, so with one pair kept apart each
of the two has 47 others for 48 meetings: at least 2 repeats; the table shows how many the
search leaves, nobody meeting anybody three times.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

try:
    from facilitator.core.groups.attributes import Attribute, AttributeRule, same_value_groups
    from facilitator.core.groups.bounds import best_known
    from facilitator.core.groups.report import effort_for
    from facilitator.core.groups.scheduler import GroupSchedule, group_sizes, schedule_groups
except ModuleNotFoundError:  # run from a checkout where the package is not installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from facilitator.core.groups.attributes import Attribute, AttributeRule, same_value_groups
    from facilitator.core.groups.bounds import best_known
    from facilitator.core.groups.report import effort_for
    from facilitator.core.groups.scheduler import GroupSchedule, group_sizes, schedule_groups

KNOWN_MAXIMA = [  # (groups, size, rounds): issue 15, item 4
    (6, 3, 8),
    (7, 3, 10),
    (8, 3, 11),
    (8, 4, 10),
    (6, 4, 7),
    (10, 4, 13),
    (6, 5, 5),
    (5, 3, 7),
    (4, 4, 5),
    (5, 5, 6),
    (7, 7, 8),
    (8, 8, 9),
]
KNOWN_SECONDS = 10.0
WORKSHOPS = [  # (people, size, rounds): issue 15, item 7
    (24, 2, 3),
    (25, 2, 3),
    (7, 2, 4),
    (120, 2, 3),
    (300, 5, 5),
    (40, 4, 3),
    (40, 5, 3),
    (1000, 5, 5),
    (2000, 2, 10),
    (300, 2, 6),
    (300, 7, 6),
    (31, 4, 5),
]
COLUMNS = (
    "case",
    "kind",
    "people",
    "size",
    "rounds",
    "best_known",
    "reached",
    "seconds",
    "repeats",
    "max_meetings",
    "peak_kib",
)


def names(count: int) -> list[str]:
    """Distinct participant names."""
    return [f"Person {i + 1}" for i in range(count)]


def _measure(*args: object, **kwargs: object) -> tuple[GroupSchedule, float, float]:
    """Run schedule_groups twice: the time of the first run, the memory peak of the second."""
    start = time.perf_counter()
    schedule = schedule_groups(*args, **kwargs)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    tracemalloc.start()
    schedule_groups(*args, **kwargs)  # type: ignore[arg-type]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return schedule, seconds, peak / 1024


def _row(case: str, kind: str, size: int | str, schedule: GroupSchedule, **extra: object) -> dict:
    people = len({name for group in schedule.rounds[0] for name in group})
    row = {
        "case": case,
        "kind": kind,
        "people": people,
        "size": size,
        "rounds": len(schedule.rounds),
        "best_known": "—",
        "reached": "—",
        "repeats": schedule.repeats,
        "max_meetings": schedule.max_meetings,
    }
    row.update(extra)
    return row


def _best_known_of(people: int, size: int) -> int | str:
    sizes = group_sizes(people, size)
    known = best_known(len(sizes), size) if len(set(sizes)) == 1 else None
    return "—" if known is None else known


def known_maximum(groups: int, size: int, rounds: int) -> dict:
    """An item-4 case: the rounds known to exist, with 10 s of search."""
    everyone = names(groups * size)
    effort, budget = effort_for(KNOWN_SECONDS)
    options = {"effort": effort, "time_budget": budget}
    schedule, seconds, peak = _measure(everyone, size, rounds, **options)
    reached = rounds
    while reached > 1 and schedule_groups(everyone, size, reached, **options).repeats:
        reached -= 1
    if schedule.repeats == 0:
        reached = rounds
    return _row(
        f"{groups}x{size}x{rounds}",
        "known maximum",
        size,
        schedule,
        best_known=rounds,
        reached=reached,
        seconds=round(seconds, 3),
        peak_kib=round(peak),
    )


def workshop(people: int, size: int, rounds: int) -> dict:
    """A workshop case with the default search budget."""
    schedule, seconds, peak = _measure(names(people), size, rounds)
    return _row(
        f"{people} people, size {size}, {rounds} rounds",
        "workshop",
        size,
        schedule,
        best_known=_best_known_of(people, size),
        seconds=round(seconds, 3),
        peak_kib=round(peak),
    )


def mixed_pairs_then_foursomes() -> dict:
    """24 people: three rounds of pairs, then one round of foursomes sharing the history."""
    everyone = names(24)
    start = time.perf_counter()
    pairs = schedule_groups(everyone, 2, 3)
    both = schedule_groups(everyone, 4, 4, history=pairs.rounds)
    seconds = time.perf_counter() - start
    return _row("24: 3x pairs, then foursomes", "workshop", "2,2,2,4", both, seconds=seconds)


def one_pair_apart(people: int, size: int, rounds: int) -> dict:
    """A constructed case with one pair kept apart (issue 15: it used to lose the construction)."""
    everyone = names(people)
    schedule, seconds, peak = _measure(
        everyone, size, rounds, never_together=[(everyone[0], everyone[1])]
    )
    return _row(
        f"{people} in groups of {size}, {rounds} rounds, one pair apart",
        "constraint",
        size,
        schedule,
        seconds=round(seconds, 3),
        peak_kib=round(peak),
    )


def teams_apart() -> dict:
    """24 people in 6 teams of 4, foursomes for 3 rounds, teams kept apart."""
    everyone = names(24)
    teams = Attribute("team", AttributeRule.APART, {n: str(i // 4) for i, n in enumerate(everyone)})
    schedule, seconds, peak = _measure(everyone, 4, 3, attributes=[teams])
    same = same_value_groups(schedule.rounds, teams)
    return _row(
        f"24 in 6 teams of 4, foursomes, 3 rounds, teams apart ({same} same-team groups)",
        "constraint",
        4,
        schedule,
        seconds=round(seconds, 3),
        peak_kib=round(peak),
    )


def run() -> list[dict]:
    """Run every case once: one dict per case with the keys in COLUMNS."""
    results = [known_maximum(*case) for case in KNOWN_MAXIMA]
    results += [workshop(*case) for case in WORKSHOPS]
    results.append(mixed_pairs_then_foursomes())
    results += [one_pair_apart(49, 7, 7), one_pair_apart(49, 7, 8), one_pair_apart(32, 4, 8)]
    results.append(teams_apart())
    for result in results:
        result.setdefault("peak_kib", "—")
        result["seconds"] = round(float(result["seconds"]), 3)
    return results


def table(results: list[dict]) -> str:
    """The results as a plain text table."""
    cells = [[str(result[column]) for column in COLUMNS] for result in results]
    widths = [max(len(line[i]) for line in [list(COLUMNS), *cells]) for i in range(len(COLUMNS))]
    lines = [list(COLUMNS), ["-" * width for width in widths], *cells]
    return "\n".join(
        "  ".join(
            cell.ljust(width) if i <= 1 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    )


if __name__ == "__main__":
    print(table(run()))
