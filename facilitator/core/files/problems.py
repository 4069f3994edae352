"""Problems found in a file, each told in one line: file, field, what was expected."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


def printable(text: str) -> str:
    """`text` with every character that is not printable shown escaped (`\\x1b`, `\\n`).

    For a terminal or a one-line message: an escape sequence never reaches the terminal
    and a line break never starts a line of its own.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, e.g. `my-set.json: steps[2].minutes: expected ...`."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        # One line whatever a file name, a key or a value holds: line breaks shown escaped.
        return printable(f"{self.file}: {where}{self.message}")


class DocumentError(Exception):
    """A file could not be read or is not valid; `problems` says why, one line each."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
