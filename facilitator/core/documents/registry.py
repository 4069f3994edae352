"""One entry point for every kind of document the app reads and writes.

`load_document` reads a file of any known kind and returns the parsed item, or
raises DocumentError whose problems name the file, the field and what was
expected. `document_of` gives the JSON to write for an item. The three kinds are
listed here, once: structures and question sets (documents/format.py) and plans
(plans/format.py, which imports nothing of this room).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from facilitator.core.documents import format as schema
from facilitator.core.files import validation as v
from facilitator.core.files.header import check_header
from facilitator.core.files.jsonio import read_json_stamped
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.problems import DocumentError, Problem
from facilitator.core.plans import format as plans
from facilitator.core.plans.format import Plan
from facilitator.core.workshop.structures import QuestionSet, Structure

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from facilitator.core.files.reading import FileStamp

Item = Structure | QuestionSet | Plan
"""A parsed document."""


@dataclass(frozen=True)
class DocumentType:
    """How one kind of document is read, written and stored."""

    name: DocumentKind
    label: str
    """What people call it: "structure", "question set", "plan"."""
    folder: str
    """The library's folder for it."""
    python_type: type[Structure] | type[QuestionSet] | type[Plan]
    read: Callable[[Any, v.Problems], Item | None]
    write: Callable[[Any], dict[str, Any]]


DOCUMENT_TYPES: dict[DocumentKind, DocumentType] = {
    DocumentKind.STRUCTURE: DocumentType(
        DocumentKind.STRUCTURE,
        "structure",
        "structures",
        Structure,
        schema.structure_from_document,
        schema.structure_to_document,
    ),
    DocumentKind.QUESTION_SET: DocumentType(
        DocumentKind.QUESTION_SET,
        "question set",
        "question-sets",
        QuestionSet,
        schema.question_set_from_document,
        schema.question_set_to_document,
    ),
    DocumentKind.PLAN: DocumentType(
        DocumentKind.PLAN,
        "plan",
        "plans",
        Plan,
        plans.plan_from_document,
        plans.plan_to_document,
    ),
}
"""Every kind of document, in the order the library looks for an id."""


def type_of_item(item: Item) -> DocumentType:
    """The document type of a parsed item."""
    for document_type in DOCUMENT_TYPES.values():
        if isinstance(item, document_type.python_type):
            return document_type
    raise TypeError(f"not a document item: {type(item).__name__}")


def parse_document(data: Any, label: str) -> Item:
    """The item in already-parsed JSON `data`; DocumentError listing every problem."""
    problems = v.Problems()
    kind = check_header(data, problems, tuple(DOCUMENT_TYPES))
    item = None
    if kind is not None:
        item = DOCUMENT_TYPES[kind].read(data, problems)
    if problems or item is None:
        raise DocumentError(Problem(label, path, message) for path, message in problems.items)
    return item


def load_document(path: Path, *, label: str | None = None) -> Item:
    """Read and validate one document file."""
    return load_document_stamped(path, label=label)[0]


def load_document_stamped(path: Path, *, label: str | None = None) -> tuple[Item, FileStamp]:
    """Read and validate one document file, with the stamp of the bytes read."""
    name = label or path.name
    data, stamp = read_json_stamped(path, label=name)
    return parse_document(data, name), stamp


def document_of(item: Item) -> dict[str, Any]:
    """The canonical JSON document for `item`."""
    return type_of_item(item).write(item)
