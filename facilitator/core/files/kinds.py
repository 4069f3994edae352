"""The kinds of document the app reads and writes, named once for the whole app."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    """What a document file holds; the value is its JSON `type`."""

    STRUCTURE = "structure"
    QUESTION_SET = "question_set"
    PLAN = "plan"
