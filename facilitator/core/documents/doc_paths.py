"""Paths into a JSON document, like `steps[2].minutes`, and the problems found at them.

The editor reads and changes a draft field by field through these paths, and
shows each validation problem at the field its path names.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from facilitator.core.files import validation as v

if TYPE_CHECKING:
    from collections.abc import Iterable

DocPath = tuple[str | int, ...]
"""A path into a JSON document: ("steps", 2, "minutes") is `steps[2].minutes`."""

Found = tuple[str, str]
"""One problem: (the field's path as text, the message)."""

_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def path_text(path: DocPath) -> str:
    """The path as the validators write it: `steps[2].title.nl`."""
    text = ""
    for part in path:
        text = v.child(text, part)
    return text


def parse_path(text: str) -> DocPath:
    """The path written as text, split into keys and list indexes."""
    parts: list[str | int] = []
    for name, index in _PATH_PART.findall(text):
        parts.append(int(index) if index else name)
    return tuple(parts)


def get_at(document: Any, path: DocPath, default: Any = None) -> Any:
    """The value at `path`, or `default` where the path does not exist."""
    value = document
    for part in path:
        match value, part:
            case list(), int() if 0 <= part < len(value):
                value = value[part]
            case dict(), str() if part in value:
                value = value[part]
            case _:
                return default
    return value


def _container(document: Any, path: DocPath) -> Any:
    """The object or list holding the last part of `path`, created on the way if needed."""
    value = document
    for position, part in enumerate(path[:-1]):
        following = path[position + 1]
        if isinstance(value, dict):
            if not isinstance(value.get(part), dict | list):
                value[part] = [] if isinstance(following, int) else {}
            value = value[part]
        else:
            value = value[part]
    return value


def set_at(document: Any, path: DocPath, value: Any) -> None:
    """Set the value at `path`; None removes an object's field."""
    holder = _container(document, path)
    key = path[-1]
    if isinstance(holder, list) and isinstance(key, int):
        holder[key] = copy.deepcopy(value)
    elif value is None:
        holder.pop(key, None)
    else:
        holder[key] = copy.deepcopy(value)


def list_at(document: Any, path: DocPath) -> list[Any]:
    """The list at `path`, created empty if missing."""
    found = get_at(document, path)
    if isinstance(found, list):
        return found
    set_at(document, path, [])
    result = get_at(document, path)
    assert isinstance(result, list)
    return result


def insert_at(document: Any, list_path: DocPath, index: int, value: Any) -> None:
    """Insert `value` into the list at `list_path`."""
    list_at(document, list_path).insert(index, copy.deepcopy(value))


def remove_at(document: Any, list_path: DocPath, index: int) -> Any:
    """Remove and return item `index` of the list at `list_path`."""
    return list_at(document, list_path).pop(index)


def move_at(document: Any, list_path: DocPath, source: int, target: int) -> None:
    """Move item `source` of a list so that it ends up at position `target`."""
    items = list_at(document, list_path)
    items.insert(target, items.pop(source))


def within(problem_path: str, field_path: str) -> bool:
    """Whether a problem at `problem_path` belongs to the field at `field_path`."""
    if not field_path:
        return True
    return problem_path == field_path or problem_path.startswith(
        (field_path + ".", field_path + "[")
    )


def problems_within(problems: Iterable[Found], field_path: str) -> list[Found]:
    """The problems of one field: (the rest of the path below the field, the message)."""
    found = []
    for where, message in problems:
        if within(where, field_path):
            rest = where[len(field_path) :].lstrip(".")
            found.append((rest, message))
    return found


def unclaimed(problems: Iterable[Found], field_paths: Iterable[str]) -> list[Found]:
    """The problems that no field in `field_paths` shows."""
    paths = [p for p in field_paths if p]
    return [
        (where, message)
        for where, message in problems
        if not any(within(where, path) for path in paths)
    ]
