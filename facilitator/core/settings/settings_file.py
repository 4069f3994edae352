"""A settings file read forgivingly and written without losing another window's changes.

A missing or damaged file never keeps the app from starting. Two copies of the app may
change settings at the same time: a save merges this window's changes over whatever the
other window wrote since (see `guarded.merge_changes`), so neither loses the other's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from facilitator.core.files.guarded import merge_changes
from facilitator.core.files.jsonio import read_json, write_json
from facilitator.core.files.problems import DocumentError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

Settings = TypeVar("Settings")


def read_settings(
    path: Path,
    default: Settings,
    from_document: Callable[[Any], tuple[Settings, list[tuple[str, str]]]],
    *,
    instead: str,
) -> tuple[Settings, list[Problem]]:
    """The settings in `path` and the problems found; `default` when there is no readable file.

    Each problem in the file's content ends by saying what was done `instead`.
    """
    if not path.exists():
        return default, []
    try:
        data = read_json(path)
    except DocumentError as error:
        return default, list(error.problems)
    value, problems = from_document(data)
    return value, [
        Problem(path.name, where, f"{message}; {instead}") for where, message in problems
    ]


def snapshot(path: Path) -> Any:
    """What the settings file holds now, as JSON data; None when missing or unreadable."""
    try:
        return read_json(path) if path.exists() else None
    except DocumentError:
        return None


def write_settings(path: Path, document: dict[str, Any], base: Any) -> dict[str, Any]:
    """Write `document`, merged over what another window wrote since `base` was read.

    Returns what was written (this window's document, or the merge). SaveError on failure.
    """
    theirs = snapshot(path)
    merged = document
    if isinstance(base, dict) and isinstance(theirs, dict) and theirs != base:
        merged = merge_changes(base, document, theirs)
    write_json(path, merged)
    return merged
