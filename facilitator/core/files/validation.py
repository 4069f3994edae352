"""Small building blocks for validating JSON documents field by field.

A `FieldReader` walks one JSON object, takes each known field through a check,
and reports every problem with the path to the field: `steps[2].minutes`.
Fields it was not asked about are reported as unknown, so typos are caught.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from facilitator.core.workshop.structures import LocalText

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)


class _Invalid:
    """Marker for a value that failed its check (the problem is already recorded)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()

ID_PATTERN = re.compile(r"\A[a-z0-9][a-z0-9-]{0,63}\Z")
"""\\A and \\Z, not ^ and $: `$` also matches before a final line break ("abc\\n")."""
LANGUAGE_PATTERN = re.compile(r"\A[a-z]{2,3}(-[A-Za-z0-9]{2,8})?\Z")
ID_EXPECTED = "lowercase letters, digits and hyphens (at most 64), like 'my-questions'"
RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)]
)
"""Names Windows keeps for devices, with any extension: an id becomes `ID.json`."""
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINE_BREAKS = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {
    "\x00": "a NUL character",
    "\x08": "a backspace",
    "\t": "a tab",
    "\n": "a line break",
    "\r": "a carriage return",
    "\x1b": "an escape character",
    "\x7f": "a delete character",
}


@dataclass
class Problems:
    """The problems found so far in one document, as (field path, message) pairs."""

    items: list[tuple[str, str]] = field(default_factory=list)

    def add(self, path: str, message: str) -> None:
        """Record one problem at `path`."""
        self.items.append((path, message))

    def __bool__(self) -> bool:
        return bool(self.items)


Check = Callable[[Any, str, Problems], Any]
"""A check takes a raw value and its path, records problems, returns the parsed value or INVALID."""


def show(value: Any) -> str:
    """A short rendering of a JSON value for messages: `-3`, `"abc"`, `a list`."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, float) and math.isnan(value):
        return "NaN (not a number)"
    if isinstance(value, float) and not math.isfinite(value):
        return "an infinite number"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**12:
        return "a huge number"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def child(path: str, key: str | int) -> str:
    """The path of a field or list item inside `path`."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class FieldReader:
    """Reads the fields of one JSON object, recording problems instead of raising."""

    def __init__(self, value: Any, path: str, problems: Problems) -> None:
        self.path = path
        self.problems = problems
        self.ok = isinstance(value, dict)
        self.data: dict[str, Any] = value if self.ok else {}
        self._known: list[str] = []
        if not self.ok:
            problems.add(
                path or "(top level)", f"expected an object with fields, got {show(value)}"
            )

    def take(self, key: str, check: Check, *, default: Any = INVALID) -> Any:
        """The checked value of `key`; a missing field is a problem unless it has a default."""
        self._known.append(key)
        if key not in self.data:
            if default is INVALID and self.ok:
                self.problems.add(child(self.path, key), "missing; this field is required")
            return default
        return check(self.data[key], child(self.path, key), self.problems)

    def accept(self, *keys: str) -> None:
        """Mark fields as known that were checked elsewhere (e.g. the header)."""
        self._known.extend(keys)

    def finish(self) -> None:
        """Report every field that was not asked about as unknown."""
        for key in self.data:
            if key not in self._known:
                expected = ", ".join(self._known)
                self.problems.add(
                    child(self.path, key), f"unknown field; expected one of: {expected}"
                )


def text(
    *,
    max_length: int = 2000,
    allow_empty: bool = False,
    pattern: re.Pattern[str] | None = None,
    pattern_help: str = "",
    one_line: bool = False,
) -> Check:
    """A check for a string of valid characters without control characters.

    Line breaks (and carriage returns) are allowed unless the text is `one_line` (a title).
    """
    control = _CONTROL if one_line else _CONTROL_BUT_LINE_BREAKS

    def check(value: Any, path: str, problems: Problems) -> Any:
        if not isinstance(value, str):
            problems.add(path, f"expected a text, got {show(value)}")
            return INVALID
        if not allow_empty and not value.strip():
            problems.add(path, "expected a text, got an empty one")
            return INVALID
        if len(value) > max_length:
            problems.add(path, f"expected at most {max_length} characters, got {len(value)}")
            return INVALID
        if (found := _SURROGATE.search(value)) is not None:
            problems.add(
                path,
                f"expected a text of valid characters, got a lone surrogate "
                f"(U+{ord(found.group()):04X}) at character {found.start() + 1}",
            )
            return INVALID
        if pattern is not None:
            if not pattern.fullmatch(value):
                problems.add(path, f"expected {pattern_help}, got {show(value)}")
                return INVALID
        elif (found := control.search(value)) is not None:
            character = found.group()
            name = _CONTROL_NAMES.get(character, "a control character")
            problems.add(
                path,
                f"expected a text without control characters, got {name} "
                f"(U+{ord(character):04X}) at character {found.start() + 1}",
            )
            return INVALID
        return value

    return check


_id_text = text(max_length=64, pattern=ID_PATTERN, pattern_help=ID_EXPECTED)


def identifier(value: Any, path: str, problems: Problems) -> Any:
    """A check for an id: the whole text matches, and it never names a Windows device."""
    result = _id_text(value, path, problems)
    if result is not INVALID and result in RESERVED_NAMES:
        problems.add(path, f"{result!r} is a name Windows keeps for a device; choose another id")
        return INVALID
    return result


language_code = text(
    max_length=12, pattern=LANGUAGE_PATTERN, pattern_help="a language code like 'en' or 'nl'"
)


def number(
    *, above: float | None = None, minimum: float | None = None, maximum: float | None = None
) -> Check:
    """A check for a finite number within limits."""

    def check(value: Any, path: str, problems: Problems) -> Any:
        expected = _number_phrase("a number", above, minimum, maximum)
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.add(path, f"expected {expected}, got {show(value)}")
            return INVALID
        try:
            result = float(value)
        except OverflowError:
            result = math.inf
        if (
            not math.isfinite(result)
            or (above is not None and result <= above)
            or (minimum is not None and result < minimum)
            or (maximum is not None and result > maximum)
        ):
            problems.add(path, f"expected {expected}, got {show(value)}")
            return INVALID
        return result

    return check


def integer(*, minimum: int | None = None, maximum: int | None = None) -> Check:
    """A check for a whole number within limits."""

    def check(value: Any, path: str, problems: Problems) -> Any:
        expected = _number_phrase("a whole number", None, minimum, maximum)
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.add(path, f"expected {expected}, got {show(value)}")
            return INVALID
        if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
            problems.add(path, f"expected {expected}, got {show(value)}")
            return INVALID
        result = int(value)
        if (minimum is not None and result < minimum) or (maximum is not None and result > maximum):
            problems.add(path, f"expected {expected}, got {show(value)}")
            return INVALID
        return result

    return check


def _number_phrase(
    noun: str, above: float | None, minimum: float | None, maximum: float | None
) -> str:
    if minimum is not None and maximum is not None:
        return f"{noun} from {minimum:g} to {maximum:g}"
    if above is not None and maximum is not None:
        return f"{noun} greater than {above:g} and at most {maximum:g}"
    if above is not None:
        return f"{noun} greater than {above:g}"
    if minimum is not None:
        return f"{noun} of at least {minimum:g}"
    if maximum is not None:
        return f"{noun} of at most {maximum:g}"
    return noun


def boolean(value: Any, path: str, problems: Problems) -> Any:
    """A check for true or false."""
    if not isinstance(value, bool):
        problems.add(path, f"expected true or false, got {show(value)}")
        return INVALID
    return value


def choice(enum: type[E]) -> Check:
    """A check for one of an enumeration's values."""

    def check(value: Any, path: str, problems: Problems) -> Any:
        options = [member.value for member in enum]
        if not isinstance(value, str) or value not in options:
            problems.add(path, f"expected one of {', '.join(options)}, got {show(value)}")
            return INVALID
        return enum(value)

    return check


def items(item: Check, *, min_items: int = 0, max_items: int = 1000, noun: str = "items") -> Check:
    """A check for a list whose items each pass `item`."""

    def check(value: Any, path: str, problems: Problems) -> Any:
        if not isinstance(value, list):
            problems.add(path, f"expected a list of {noun}, got {show(value)}")
            return INVALID
        if len(value) < min_items:
            wanted = (
                f"at least one {noun.removesuffix('s')}"
                if min_items == 1
                else (f"at least {min_items} {noun}")
            )
            problems.add(path, f"expected {wanted}, got {len(value)}")
            return INVALID
        if len(value) > max_items:
            problems.add(path, f"expected at most {max_items} {noun}, got {len(value)}")
            return INVALID
        parsed = [item(entry, child(path, i), problems) for i, entry in enumerate(value)]
        return INVALID if any(p is INVALID for p in parsed) else parsed

    return check


def local_text(*, max_length: int = 2000, one_line: bool = False) -> Check:
    """A check for a text per language: {"en": "...", "nl": "..."}."""
    language_text = text(max_length=max_length, one_line=one_line)

    def check(value: Any, path: str, problems: Problems) -> Any:
        if not isinstance(value, dict):
            problems.add(
                path,
                f'expected texts per language, like {{"en": "...", "nl": "..."}}, '
                f"got {show(value)}",
            )
            return INVALID
        if not value:
            problems.add(path, "expected a text in at least one language, got none")
            return INVALID
        result: dict[str, str] = {}
        for language, entry in value.items():
            where = child(path, language)
            if not LANGUAGE_PATTERN.fullmatch(language):
                problems.add(where, "expected a language code like 'en' or 'nl' as the key")
                continue
            parsed = language_text(entry, where, problems)
            if parsed is not INVALID:
                result[language] = parsed
        return LocalText(result) if len(result) == len(value) else INVALID

    return check


def mapping(
    key: Check, value_check: Check, *, noun: str = "entries", max_items: int = 100
) -> Check:
    """A check for an object whose keys and values each pass a check."""

    def check(value: Any, path: str, problems: Problems) -> Any:
        if not isinstance(value, dict):
            problems.add(path, f"expected an object of {noun}, got {show(value)}")
            return INVALID
        if len(value) > max_items:
            problems.add(path, f"expected at most {max_items} {noun}, got {len(value)}")
            return INVALID
        result = {}
        for raw_key, raw_value in value.items():
            where = child(path, raw_key)
            parsed_key = key(raw_key, where, problems)
            parsed_value = value_check(raw_value, where, problems)
            if parsed_key is not INVALID and parsed_value is not INVALID:
                result[parsed_key] = parsed_value
        return result if len(result) == len(value) else INVALID

    return check


def pair_of_integers(*, minimum: int, maximum: int) -> Check:
    """A check for [low, high] with minimum <= low <= high <= maximum."""
    whole = integer(minimum=minimum, maximum=maximum)

    def check(value: Any, path: str, problems: Problems) -> Any:
        if not isinstance(value, list) or len(value) != 2:
            problems.add(path, f"expected two whole numbers [smallest, largest], got {show(value)}")
            return INVALID
        low, high = (whole(v, child(path, i), problems) for i, v in enumerate(value))
        if INVALID in (low, high):
            return INVALID
        if low > high:
            problems.add(path, f"expected the smallest before the largest, got {show(value)}")
            return INVALID
        return (low, high)

    return check


def all_valid(values: Sequence[Any]) -> bool:
    """True when none of `values` failed its check."""
    return not any(v is INVALID for v in values)
