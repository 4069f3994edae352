"""A settings file read forgivingly: a missing or damaged file never keeps the app from starting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from facilitator.core.files.jsonio import read_json
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
