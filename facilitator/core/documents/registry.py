"""One entry point for every kind of document the app reads and writes.

`load_document` reads a file of any known type and returns the parsed item, or
raises DocumentError whose problems name the file, the field and what was
expected. `document_of` gives the JSON to write for an item.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.core.documents import format as schema
from facilitator.core.files import validation as v
from facilitator.core.files.jsonio import read_json
from facilitator.core.files.problems import DocumentError, Problem
from facilitator.core.workshop.structures import QuestionSet, Structure

Item = Any
"""A parsed document: a Structure, a QuestionSet or a Plan."""


@dataclass(frozen=True)
class DocumentType:
    """How one type of document is read, written and stored."""

    name: str
    label: str
    folder: str
    python_type: type
    read: Callable[[Any, v.Problems], Item | None]
    write: Callable[[Any], dict[str, Any]]


DOCUMENT_TYPES: dict[str, DocumentType] = {}


def register(document_type: DocumentType) -> None:
    """Make a document type known to loading, saving and the library."""
    DOCUMENT_TYPES[document_type.name] = document_type


register(
    DocumentType(
        schema.STRUCTURE,
        "structure",
        "structures",
        Structure,
        schema.structure_from_document,
        schema.structure_to_document,
    )
)
register(
    DocumentType(
        schema.QUESTION_SET,
        "question set",
        "question-sets",
        QuestionSet,
        schema.question_set_from_document,
        schema.question_set_to_document,
    )
)


def type_of_item(item: Item) -> DocumentType:
    """The document type of a parsed item."""
    for document_type in DOCUMENT_TYPES.values():
        if isinstance(item, document_type.python_type):
            return document_type
    raise TypeError(f"not a document item: {type(item).__name__}")


def parse_document(data: Any, label: str) -> Item:
    """The item in already-parsed JSON `data`; DocumentError listing every problem."""
    problems = v.Problems()
    kind = schema.check_header(data, problems, tuple(DOCUMENT_TYPES))
    item = None
    if kind is not None:
        item = DOCUMENT_TYPES[kind].read(data, problems)
    if problems or item is None:
        raise DocumentError(Problem(label, path, message) for path, message in problems.items)
    return item


def load_document(path: Path, *, label: str | None = None) -> Item:
    """Read and validate one document file."""
    name = label or path.name
    return parse_document(read_json(path, label=name), name)


def document_of(item: Item) -> dict[str, Any]:
    """The canonical JSON document for `item`."""
    return type_of_item(item).write(item)


# Session plans live in their own module, which never imports this one (no cycle).
from facilitator.core.plans import format as _plans  # noqa: E402

register(
    DocumentType(
        _plans.PLAN,
        "plan",
        "plans",
        _plans.Plan,
        _plans.plan_from_document,
        _plans.plan_to_document,
    )
)
