"""Upgrading documents written in an older file format to the current one.

Each migration takes a document of format N (already known to be an object
with a valid header) and returns it in format N + 1, without changing what it
means. Readers only ever see the current format, so an old file loads exactly
as it always did.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


def _from_1(document: dict[str, Any]) -> dict[str, Any]:
    """Format 2 adds phases, rounds and turns that follow the group, and questions shown
    only in some phases. Nothing a format-1 document holds changes meaning: a step's
    `minutes` is still one round, its `rounds` and `speakers` stay fixed, and a question
    without `phases` is shown in every phase. Only the number changes."""
    upgraded = copy.copy(document)
    upgraded["schema_version"] = 2
    return upgraded


MIGRATIONS: Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_1}
"""The migration from each format to the next, by the format it starts from."""


def upgraded(document: dict[str, Any], current: int) -> dict[str, Any]:
    """`document` (format 1 to `current`) in format `current`; itself when it is current."""
    version = document["schema_version"]
    while version < current:
        document = MIGRATIONS[version](document)
        version = document["schema_version"]
    return document
