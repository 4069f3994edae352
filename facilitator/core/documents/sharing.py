"""Sharing documents as files: export one, import one into the user library.

An imported file is validated completely before anything is written, so a file
with problems is never half-imported. An id already in the library is refused
unless the caller asks to replace it or gives a new id.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.documents.library import Library, Origin
from facilitator.core.documents.registry import Item, document_of, load_document, type_of_item
from facilitator.core.documents.saving import Resolve, save_guarded
from facilitator.core.files import validation as v
from facilitator.core.files.guarded import ChangedOnDiskError, Conflict
from facilitator.core.files.jsonio import dumps_document, write_json
from facilitator.core.files.problems import DocumentError, Problem

if TYPE_CHECKING:
    from pathlib import Path


class IdClashError(Exception):
    """The imported document's id is already in the library."""

    def __init__(self, item: Item, origin: Origin) -> None:
        self.item = item
        self.origin = origin
        kind = type_of_item(item).label
        where = "a built-in" if origin is Origin.BUILT_IN else "one of your own"
        super().__init__(
            f"the library already has {where} {kind} with the id {item.id!r}; "
            "replace it or import under another id"
        )


@dataclass(frozen=True)
class Imported:
    """What an import did."""

    item: Item
    path: Path
    replaced: Origin | None


def read_for_import(path: Path) -> Item:
    """Validate a file to import; DocumentError listing every problem."""
    return load_document(path, label=str(path))


def with_new_id(item: Item, new_id: str) -> Item:
    """A copy of `item` under `new_id`; ValueError if the id is not a valid id."""
    problems = v.Problems()
    v.identifier(new_id, "id", problems)
    if problems:
        raise DocumentError(Problem("new id", path, message) for path, message in problems.items)
    return dataclasses.replace(item, id=new_id)


def import_item(
    item: Item, library: Library, *, replace: bool = False, resolve: Resolve | None = None
) -> Imported:
    """Save a validated item into the user library, minding id clashes.

    A file another window saved meanwhile is never overwritten unasked: `resolve` decides,
    and without it (or when theirs is kept) ChangedOnDiskError says nothing was imported.
    """
    existing = library.entry(type_of_item(item).name, item.id)
    if existing is not None and not replace:
        raise IdClashError(item, existing.origin)
    saved = save_guarded(item, library, resolve or (lambda _name: Conflict.CANCEL))
    if saved.path is None:
        raise ChangedOnDiskError(library.user_dir / f"{item.id}.json")
    return Imported(saved.item, saved.path, existing.origin if existing else None)


def import_file(
    path: Path,
    library: Library,
    *,
    replace: bool = False,
    new_id: str | None = None,
    resolve: Resolve | None = None,
) -> Imported:
    """Validate `path` and add it to the user library (see `import_item`)."""
    item = read_for_import(path)
    if new_id is not None:
        item = with_new_id(item, new_id)
    return import_item(item, library, replace=replace, resolve=resolve)


def export_item(item: Item, destination: Path) -> None:
    """Write `item` to a file to share, in the canonical format."""
    write_json(destination, document_of(item), keep_backup=False)


def document_bytes(item: Item) -> bytes:
    """The exact bytes an export of `item` contains."""
    return dumps_document(document_of(item))
