"""The facilitator's sheet as Markdown: every user text escaped, so it shows exactly as typed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from facilitator.core.shown.sheet import (
    Bullets,
    Heading,
    Paragraph,
    plan_sheet,
    structure_sheet,
)
from facilitator.core.workshop.structures import FALLBACK_LANGUAGE

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import time

    from facilitator.core.documents.library import Library
    from facilitator.core.plans.format import Plan
    from facilitator.core.shown.sheet import Block
    from facilitator.core.workshop.structures import QuestionSet, Structure

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$#!])")
_ORDERED_LIST = re.compile(r"^(\d+)([.)])")


def escape_markdown(text: str, *, line_start: bool = True) -> str:
    """One line of text as Markdown that shows exactly as typed: no formatting, no HTML.

    With `line_start` False (inside a heading or a table cell) the marks that
    only matter at the start of a line, like "1." or "-", are left as they are.
    """
    line = " ".join(text.split())
    line = _SPECIAL.sub(r"\\\1", line)
    if not line_start:
        return line
    if line[:1] in ("-", "+", "="):  # a list item, or a heading underline
        line = "\\" + line
    return _ORDERED_LIST.sub(r"\1\\\2", line)


def _lines(text: str) -> list[str]:
    return [escape_markdown(line) for line in text.splitlines() if line.strip()]


def _render(block: Block) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 6)
        return "#" * level + " " + escape_markdown(block.text, line_start=False)
    if isinstance(block, Paragraph):
        body = "\\\n".join(_lines(block.text))
        if block.label:
            return f"**{escape_markdown(block.label)}:** {body}"
        return body
    if isinstance(block, Bullets):
        return "\n".join("- " + "\\\n  ".join(_lines(item)) for item in block.items)
    return "\n".join(
        [
            _table_row(block.header),
            "|" + "|".join(" --- " for _ in block.header) + "|",
            *(_table_row(row) for row in block.rows),
        ]
    )


def _table_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(escape_markdown(cell, line_start=False) for cell in cells) + " |"


def render_markdown(blocks: Iterable[Block]) -> str:
    """The blocks as Markdown, every user text escaped so it shows as typed."""
    rendered = [_render(block) for block in blocks]
    return "\n\n".join(part for part in rendered if part) + "\n"


def structure_sheet_markdown(
    structure: Structure,
    question_set: QuestionSet | None,
    language: str = FALLBACK_LANGUAGE,
    start: time | str | None = None,
) -> str:
    """The sheet for one structure as Markdown."""
    return render_markdown(structure_sheet(structure, question_set, language, start))


def plan_sheet_markdown(
    plan: Plan,
    library: Library,
    language: str = FALLBACK_LANGUAGE,
    start: time | str | None = None,
) -> str:
    """The sheet for a plan as Markdown."""
    return render_markdown(plan_sheet(plan, library, language, start))
