"""The header every document file starts with: `schema_version` and `type`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from facilitator.core.files import validation as v
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.migrations import upgraded

if TYPE_CHECKING:
    from collections.abc import Sequence

SCHEMA_VERSION = 2
"""The newest file format this version of the app reads and the one it writes.
Older formats are upgraded when read (`migrations.py`)."""


def check_header(
    data: Any, problems: v.Problems, expected: Sequence[DocumentKind]
) -> DocumentKind | None:
    """Check `schema_version` and `type`; the document's kind, or None if unreadable."""
    if not isinstance(data, dict):
        problems.add("(top level)", f"expected an object with fields, got {v.show(data)}")
        return None
    version = data.get("schema_version")
    if version is None:
        problems.add("schema_version", f"missing; expected {SCHEMA_VERSION}")
        return None
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problems.add(
            "schema_version",
            f"expected a whole number like {SCHEMA_VERSION}, got {v.show(version)}",
        )
        return None
    if version > SCHEMA_VERSION:
        problems.add(
            "schema_version",
            f"this file was written by a newer Facilitator (format "
            f"{version}; this version reads up to {SCHEMA_VERSION}); "
            "update the app to open it",
        )
        return None
    kind = data.get("type")
    names = [str(k) for k in expected]
    if kind not in names:
        problems.add("type", f"expected one of {', '.join(names)}, got {v.show(kind)}")
        return None
    return DocumentKind(kind)


def document_fields(data: Any, problems: v.Problems, kind: DocumentKind) -> v.FieldReader | None:
    """A reader of the fields of a `kind` document, its header checked and its format
    upgraded to the current one; None if unreadable."""
    if check_header(data, problems, (kind,)) is None:
        return None
    fields = v.FieldReader(upgraded(data, SCHEMA_VERSION), "", problems)
    fields.accept("schema_version", "type")
    return fields
