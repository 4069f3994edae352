"""Drafts: unsaved edits kept on disk, so a crash never loses them.

While the facilitator edits, the editor writes its draft to the `drafts/`
folder of the user data folder (atomically). Saving or discarding removes it;
after a crash the next start finds it and offers it back.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from facilitator.core.documents.drafting import EDITABLE_TYPES
from facilitator.core.files import validation as v
from facilitator.core.files.jsonio import read_json, write_json
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.paths import user_data_dir
from facilitator.core.files.problems import DocumentError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

DRAFTS_FOLDER = "drafts"
DRAFT_TYPE = "draft"
DRAFT_VERSION = 1
DRAFTED_TYPES = (*EDITABLE_TYPES, DocumentKind.PLAN)
"""What a draft may hold: whatever the editors edit, and a plan from the Plans tab."""


@dataclass(frozen=True)
class Draft:
    """Unsaved edits to one structure, question set or plan."""

    key: str
    """Names the draft's file: the same edit keeps the same key."""
    document_type: str
    original_id: str | None
    """The id the edit saves over in the user library; None for a new item."""
    title: str
    """What people call the item, for the offer to restore it."""
    saved_at: float
    """Seconds since the epoch when the draft was written."""
    document: dict[str, Any] = field(default_factory=dict)


def draft_key(document_type: str, original_id: str | None, token: str = "") -> str:
    """A file-safe key: `structure-impromptu-networking`, `question_set-new-1a2b`."""
    return f"{document_type}-{original_id}" if original_id else f"{document_type}-new-{token}"


def clock_text(saved_at: float, now: float) -> str:
    """When a draft was saved, for people: `10:42`, or `3 Mar 10:42` on another day."""
    saved = time.localtime(saved_at)
    today = time.localtime(now)
    if (saved.tm_year, saved.tm_yday) == (today.tm_year, today.tm_yday):
        return time.strftime("%H:%M", saved)
    return time.strftime("%d %b %H:%M", saved).lstrip("0")


def _draft_to_json(draft: Draft) -> dict[str, Any]:
    return {
        "schema_version": DRAFT_VERSION,
        "type": DRAFT_TYPE,
        "key": draft.key,
        "document_type": draft.document_type,
        "original_id": draft.original_id,
        "title": draft.title,
        "saved_at": draft.saved_at,
        "document": draft.document,
    }


def _draft_type(value: Any, path: str, problems: v.Problems) -> Any:
    if value != DRAFT_TYPE:
        problems.add(path, f"expected {DRAFT_TYPE!r}, got {v.show(value)}")
        return v.INVALID
    return value


def _draft_from_json(data: Any, label: str) -> Draft:
    problems = v.Problems()
    fields = v.FieldReader(data, "", problems)
    version = fields.take("schema_version", v.integer(minimum=1, maximum=DRAFT_VERSION))
    fields.take("type", _draft_type)
    parsed = {
        "key": fields.take("key", v.text(max_length=200)),
        "document_type": fields.take("document_type", v.text(max_length=40)),
        "original_id": fields.take("original_id", _optional_id, default=None),
        "title": fields.take("title", v.text(max_length=500, allow_empty=True), default=""),
        "saved_at": fields.take("saved_at", v.number(minimum=0)),
        "document": fields.take("document", _object),
    }
    fields.finish()
    if parsed["document_type"] not in (*DRAFTED_TYPES, v.INVALID):
        problems.add("document_type", f"expected one of {', '.join(DRAFTED_TYPES)}")
    if problems or not v.all_valid([version, *parsed.values()]):
        raise DocumentError(Problem(label, where, message) for where, message in problems.items)
    return Draft(**parsed)


def _optional_id(value: Any, path: str, problems: v.Problems) -> Any:
    return None if value is None else v.identifier(value, path, problems)


def _object(value: Any, path: str, problems: v.Problems) -> Any:
    if not isinstance(value, dict):
        problems.add(path, f"expected an object, got {v.show(value)}")
        return v.INVALID
    return value


class DraftStore:
    """The drafts folder: write, list and remove drafts."""

    def __init__(
        self, folder: Path | None = None, *, wall: Callable[[], float] = time.time
    ) -> None:
        self.folder = folder or user_data_dir() / DRAFTS_FOLDER
        self._wall = wall

    def path_of(self, key: str) -> Path:
        """The file holding the draft `key`."""
        return self.folder / f"{key}.json"

    def save(
        self, key: str, document_type: str, original_id: str | None, title: str, document: Any
    ) -> Draft:
        """Write a draft atomically (SaveError with a plain message on failure)."""
        draft = Draft(key, document_type, original_id, title, self._wall(), document)
        write_json(self.path_of(key), _draft_to_json(draft), keep_backup=False)
        return draft

    def discard(self, key: str) -> None:
        """Remove a draft (nothing happens if there is none)."""
        with contextlib.suppress(OSError):
            self.path_of(key).unlink(missing_ok=True)

    def load_all(self) -> tuple[list[Draft], list[Problem]]:
        """Every readable draft, oldest first, and a problem for each unreadable one."""
        drafts: list[Draft] = []
        problems: list[Problem] = []
        try:
            paths = sorted(p for p in self.folder.iterdir() if p.name.endswith(".json"))
        except OSError:
            return [], []
        for path in paths:
            try:
                drafts.append(_draft_from_json(read_json(path), path.name))
            except DocumentError as error:
                problems.extend(error.problems)
        return sorted(drafts, key=lambda d: d.saved_at), problems
