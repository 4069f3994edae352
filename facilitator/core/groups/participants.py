"""Participant names from a file or pasted text, for forming groups.

Two forms are read. A plain list: one name per line; blank lines, surrounding
spaces and lines starting with '#' are ignored; a line `apart: Ann, Bob` keeps
those people out of the same group. Or CSV (comma or semicolon): a header row
with a "name" column (and optionally an "apart" column naming one other
participant), or a single column of names without a header; `apart:` lines
may stand among its rows too. Every other column
of a CSV (team, department, table, language) is an attribute the facilitator
can use to keep people apart, mix them or keep them together (attributes.py).

Every problem is one clear line in a `ParticipantsError`. Names are compared
without regard to case, so "ann" and "Ann" are the same person.
"""

from __future__ import annotations

import csv as csv_module
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

MAX_BYTES = 1024 * 1024
"""Files larger than this (1 MB) are refused before they are read."""
MAX_ROWS = 100_000
"""Lists with more names than this are refused."""

NAME_HEADERS = ("name", "naam")
APART_HEADERS = ("apart",)
APART_LINE = re.compile(r"^apart\s*:(.*)$", re.IGNORECASE)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is read as a formula by spreadsheets."""
_FORMULA_AFTER_SEPARATOR = re.compile(r"([,;\t|])(\s*)(?=[=+\-@])")
"""A formula start after a character a spreadsheet may split cells at (, ; tab |)."""


class ParticipantsError(ValueError):
    """The participant list cannot be used; the message says why in one line."""


@dataclass(frozen=True)
class Participants:
    """The names of the participants, the pairs who must not share a group, and attributes."""

    names: tuple[str, ...]
    apart: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    """The attribute columns of a CSV (team, department, ...), as its header spells them."""
    values: tuple[tuple[str, ...], ...] = ()
    """Per participant (in the order of `names`), the value in each of `columns`."""

    def column(self, wanted: str) -> str | None:
        """The attribute column called `wanted` (in any case), or None."""
        key = wanted.strip().casefold()
        return next((c for c in self.columns if c.casefold() == key), None)

    def values_of(self, column: str) -> dict[str, str]:
        """Each participant's value in `column` ("" where the cell is empty)."""
        number = self.columns.index(column)
        return {
            name: (row[number] if number < len(row) else "")
            for name, row in zip(self.names, self.values, strict=False)
        }

    def with_name(self, name: str) -> Participants:
        """The same list with one more participant (a late arrival, without values)."""
        empty = ("",) * len(self.columns)
        values = (*self.values, empty) if self.columns else ()
        return Participants((*self.names, name), self.apart, self.columns, values)


def read_participants(path: Path) -> Participants:
    """The participants listed in the file at `path` (CSV by its suffix or first line)."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ParticipantsError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ParticipantsError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise ParticipantsError(f"{path}: cannot be read: permission denied") from None
    except OSError as error:
        raise ParticipantsError(f"{path}: cannot be read: {error.strerror or error}") from None
    if len(raw) > MAX_BYTES:
        raise ParticipantsError(
            f"{path}: is larger than {MAX_BYTES // 1024} KB; a participant list is far smaller"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParticipantsError(
            f"{path}: is not UTF-8 text (bad byte at position {error.start}); "
            "save it as UTF-8 and try again"
        ) from None
    as_csv = path.suffix.casefold() == ".csv" or looks_like_csv(text)
    try:
        return parse_participants(text, csv=as_csv)
    except ParticipantsError as error:
        raise ParticipantsError(f"{path}: {error}") from None


def looks_like_csv(text: str) -> bool:
    """Whether the first line with a name holds a comma or a semicolon."""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or APART_LINE.match(stripped):
            continue
        return "," in stripped or ";" in stripped
    return False


def parse_participants(text: str, *, csv: bool | None = None) -> Participants:
    """The participants in pasted or read text; `csv` None detects the form."""
    text = text.removeprefix("\ufeff")
    if csv is None:
        csv = looks_like_csv(text)
    if csv:
        rows, apart_lines = _split_apart_lines(text)
        names, apart, columns = _from_csv(rows)
        apart += _from_list(apart_lines)[1]
    else:
        (names, apart), columns = _from_list(text), _Columns((), [])
    if len(names) > MAX_ROWS:
        raise ParticipantsError(
            f"has {len(names):,} names; the limit is {MAX_ROWS:,} (split the list)"
        )
    return _checked(names, apart, columns)


def _split_apart_lines(text: str) -> tuple[str, str]:
    """CSV text without its `apart:` lines, and those lines (blank lines keep the numbers)."""
    rows, apart = [], []
    for line in text.splitlines():
        found = APART_LINE.match(line.strip())
        rows.append("" if found else line)
        apart.append(line if found else "")
    return "\n".join(rows), "\n".join(apart)


def participants_text(participants: Participants) -> str:
    """The participants as text that reads back the same: a list, or CSV with its columns."""
    apart = [f"apart: {a}, {b}" for a, b in participants.apart]
    if not participants.columns:
        return "\n".join([*participants.names, *apart])
    out = io.StringIO()
    writer = csv_module.writer(out, lineterminator="\n")
    writer.writerow(["name", *participants.columns])
    for name, values in zip(participants.names, participants.values, strict=True):
        writer.writerow([name, *values])
    return out.getvalue() + "\n".join(apart)


@dataclass(frozen=True)
class _Columns:
    """The attribute columns of a CSV and each row's values, in the order of the names."""

    names: tuple[str, ...]
    rows: list[tuple[str, ...]]


def _clean(name: str) -> str:
    return " ".join(name.split())


def _from_list(text: str) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
    names: list[tuple[str, int]] = []
    apart: list[tuple[str, str, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = APART_LINE.match(stripped)
        if match is None:
            names.append((_clean(stripped), number))
            continue
        people = [_clean(part) for part in match[1].split(",") if part.strip()]
        if len(people) < 2:
            raise ParticipantsError(
                f"line {number}: expected two names or more, like 'apart: Ann, Bob', "
                f"got {stripped!r}"
            )
        apart.extend(
            (first, second, number) for i, first in enumerate(people) for second in people[i + 1 :]
        )
    return names, apart


def _delimiter(text: str) -> str:
    lines = (line.strip() for line in text.splitlines())
    first = next((line for line in lines if line and not line.startswith("#")), "")
    return ";" if first.count(";") > first.count(",") else ","


def _from_csv(
    text: str,
) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]], _Columns]:
    reader = csv_module.reader(io.StringIO(text), delimiter=_delimiter(text))
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            cells = [cell.strip() for cell in row]
            if any(cells) and not cells[0].startswith("#"):
                rows.append((reader.line_num, cells))
    except csv_module.Error as error:
        raise ParticipantsError(f"line {reader.line_num}: not readable as CSV: {error}") from None
    if not rows:
        return [], [], _Columns((), [])
    if len(rows) > MAX_ROWS + 1:
        raise ParticipantsError(
            f"has {len(rows) - 1:,} rows; the limit is {MAX_ROWS:,} (split the list)"
        )
    header = [cell.casefold() for cell in rows[0][1]]
    name_column = _column(header, NAME_HEADERS)
    if name_column is None:
        if any(sum(1 for cell in cells if cell) > 1 for _, cells in rows):
            raise ParticipantsError(
                "a CSV file with several columns needs a header row with a 'name' column; "
                f"the first row is {', '.join(rows[0][1])}"
            )
        listed = [(_clean(next(c for c in cells if c)), number) for number, cells in rows]
        return listed, [], _Columns((), [])
    apart_column = _column(header, APART_HEADERS)
    extra = [i for i, cell in enumerate(header) if cell and i not in (name_column, apart_column)]
    columns = _Columns(tuple(_clean(rows[0][1][i]) for i in extra), [])
    _check_columns(columns.names)
    names: list[tuple[str, int]] = []
    apart: list[tuple[str, str, int]] = []
    for number, cells in rows[1:]:
        name = _clean(_cell(cells, name_column))
        if not name:
            raise ParticipantsError(f"line {number}: the name is empty")
        names.append((name, number))
        columns.rows.append(tuple(_clean(_cell(cells, i)) for i in extra))
        other = _clean(_cell(cells, apart_column)) if apart_column is not None else ""
        if other:
            apart.append((name, other, number))
    return names, apart, columns


def _check_columns(columns: Sequence[str]) -> None:
    """Refuse two attribute columns with the same name (in any case)."""
    seen: set[str] = set()
    for column in columns:
        if column.casefold() in seen:
            raise ParticipantsError(f"the header has the column {column!r} twice")
        seen.add(column.casefold())


def _column(header: Sequence[str], wanted: Iterable[str]) -> int | None:
    for index, cell in enumerate(header):
        if cell in wanted:
            return index
    return None


def _cell(cells: Sequence[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _checked(
    names: list[tuple[str, int]], apart: list[tuple[str, str, int]], columns: _Columns
) -> Participants:
    if not names:
        raise ParticipantsError(
            "no names found; expected one name per line, or a CSV file with a 'name' column"
        )
    known: dict[str, str] = {}
    duplicates: list[str] = []
    for name, _ in names:
        key = name.casefold()
        if key in known:
            if known[key] not in duplicates:
                duplicates.append(known[key])
            continue
        known[key] = name
    if duplicates:
        raise ParticipantsError(
            f"duplicate names: {', '.join(duplicates)}; "
            "give each person a name of their own (add an initial, for example)"
        )
    pairs: list[tuple[str, str]] = []
    seen: set[frozenset[str]] = set()
    for first, second, number in apart:
        people = []
        for name in (first, second):
            if name.casefold() not in known:
                raise ParticipantsError(
                    f"line {number}: {name!r} is to be kept apart but is not in the list of names"
                )
            people.append(known[name.casefold()])
        if people[0] == people[1]:
            raise ParticipantsError(
                f"line {number}: {people[0]!r} cannot be kept apart from themselves"
            )
        pair = frozenset(people)
        if pair not in seen:
            seen.add(pair)
            pairs.append((people[0], people[1]))
    values = tuple(columns.rows) if columns.names else ()
    return Participants(tuple(known.values()), tuple(pairs), columns.names, values)


def _safe_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula.

    A leading quote keeps a formula start as text, at the start of the cell and after every
    character at which a spreadsheet may split a line into cells (, ; tab |), since one set
    to another separator than ours may split the cell there.
    """
    text = _FORMULA_AFTER_SEPARATOR.sub(lambda match: f"{match[1]}{match[2]}'", text)
    return "'" + text if text.lstrip(" ").startswith(FORMULA_STARTS) else text


def participants_to_csv(rounds: Iterable[Iterable[Iterable[str]]]) -> str:
    """Rounds of groups as CSV with the columns round, group, name (numbered from 1).

    Every field is quoted, and names are made safe for spreadsheets (`_safe_cell`).
    """
    out = io.StringIO()
    writer = csv_module.writer(out, lineterminator="\n", quoting=csv_module.QUOTE_ALL)
    writer.writerow(["round", "group", "name"])
    for round_number, groups in enumerate(rounds, start=1):
        for group_number, group in enumerate(groups, start=1):
            for name in group:
                writer.writerow([round_number, group_number, _safe_cell(name)])
    return out.getvalue()
