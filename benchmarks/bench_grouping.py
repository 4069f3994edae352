"""Benchmark the repeat-free group scheduler on the cases facilitators and tests care about.

Run from the repository root:  python benchmarks/bench_grouping.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

try:
    from facilitator.core.groups.scheduler import GroupSchedule, schedule_groups
except ModuleNotFoundError:  # run from a checkout where the package is not installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from facilitator.core.groups.scheduler import GroupSchedule, schedule_groups

# (case, people, group size, rounds)
CASES = [
    ("Kirkman: 15 in trios", 15, 3, 7),
    ("32 in foursomes", 32, 4, 10),
    ("120 in pairs", 120, 2, 3),
    ("300 in fives", 300, 5, 5),
    ("300 in pairs", 300, 2, 6),
    ("300 in sevens", 300, 7, 6),
    ("23 in pairs (one trio)", 23, 2, 4),
    ("31 in foursomes (three fives)", 31, 4, 5),
    ("7 in pairs (one trio)", 7, 2, 4),
]
COLUMNS = ("case", "people", "size", "rounds", "seconds", "repeats", "max_meetings")


def names(count: int) -> list[str]:
    """Distinct participant names."""
    return [f"Person {i + 1}" for i in range(count)]


def row(case: str, people: int, size: int | str, schedule: GroupSchedule, seconds: float) -> dict:
    """One result line of the benchmark."""
    return {
        "case": case,
        "people": people,
        "size": size,
        "rounds": len(schedule.rounds),
        "seconds": round(seconds, 3),
        "repeats": schedule.repeats,
        "max_meetings": schedule.max_meetings,
    }


def timed(*args: object, **kwargs: object) -> tuple[GroupSchedule, float]:
    """Run schedule_groups and measure how long it took."""
    start = time.perf_counter()
    schedule = schedule_groups(*args, **kwargs)  # type: ignore[arg-type]
    return schedule, time.perf_counter() - start


def most_repeat_free_rounds(people: int, size: int, limit: int, search_only: bool) -> dict:
    """The most rounds (up to `limit`) planned with zero repeats, trying 1, 2, 3, ... rounds.

    With `search_only` the first round is given as history, which leaves every other round
    to the search (the finite-field grid only starts schedules from scratch).
    """
    everyone = names(people)
    history = [[everyone[i : i + size] for i in range(0, people, size)]] if search_only else []
    label = f"{people} in groups of {size}: most rounds, 0 repeats"
    if search_only:
        label += " (search only)"
    best = None
    for rounds in range(len(history) + 1, limit + 1):
        schedule, seconds = timed(everyone, size, rounds, history=history)
        if schedule.repeats:
            break
        best = row(label, people, size, schedule, seconds)
    assert best is not None
    return best


def mixed_pairs_then_foursomes() -> dict:
    """24 people: three rounds of pairs, then one round of foursomes sharing the history."""
    everyone = names(24)
    pairs, first = timed(everyone, 2, 3)
    both, second = timed(everyone, 4, 4, history=pairs.rounds)
    return row("24: 3x pairs, then foursomes", 24, "2,2,2,4", both, first + second)


def plain(case: str, people: int, size: int, rounds: int) -> dict:
    """One schedule from scratch."""
    schedule, seconds = timed(names(people), size, rounds)
    return row(case, people, size, schedule, seconds)


def run() -> list[dict]:
    """Run every case once: one dict per case with the keys in COLUMNS."""
    results = [plain(*case) for case in CASES[:2]]
    results += [most_repeat_free_rounds(32, 4, 10, search_only=only) for only in (False, True)]
    results.append(mixed_pairs_then_foursomes())
    results += [plain(*case) for case in CASES[2:]]
    return results


def table(results: list[dict]) -> str:
    """The results as a plain text table."""
    cells = [[str(result[column]) for column in COLUMNS] for result in results]
    widths = [max(len(line[i]) for line in [list(COLUMNS), *cells]) for i in range(len(COLUMNS))]
    lines = [list(COLUMNS), ["-" * width for width in widths], *cells]
    return "\n".join(
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    )


if __name__ == "__main__":
    print(table(run()))
