"""The interface's translations: extract, check and compile them with Qt's own tools.

    python tools/i18n.py update            # pyside6-lupdate: sources -> assets/i18n/*.ts
    python tools/i18n.py check             # exit 1 listing texts missing or unfinished
    python tools/i18n.py compile [--out D] # pyside6-lrelease: *.ts -> *.qm (default: beside)

`update` reads every .py file under facilitator/ and merges new texts into each .ts,
keeping the translations already there (texts no longer in the sources are dropped).
Translate in Qt Linguist (`pyside6-linguist assets/i18n/facilitator_nl.ts`) or any
editor, then run `check`. The .qm files are made by the build and CI, never committed.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from facilitator.platform.translations import PREFIX, TranslationError, compile_translation, qt_tool  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Sequence

SOURCES = REPO / "facilitator"
TRANSLATIONS = REPO / "assets" / "i18n"
LANGUAGES = ("nl",)
"""The languages the interface is translated into (English is the source)."""

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%n")


@dataclass(frozen=True)
class Message:
    """One text of a .ts file and its translation."""

    context: str
    source: str
    translations: tuple[str, ...]
    """The translation, or one text per plural form for a %n message."""
    kind: str
    """The translation's `type`: "" when finished, "unfinished", "vanished" or "obsolete"."""
    plural: bool

    @property
    def key(self) -> tuple[str, str]:
        """(context, source): what identifies a message."""
        return self.context, self.source

    @property
    def finished(self) -> bool:
        """Translated, marked done, and no form left empty."""
        return self.kind == "" and bool(self.translations) and all(self.translations)

    @property
    def current(self) -> bool:
        """Still used by the sources (not vanished or obsolete)."""
        return self.kind not in ("vanished", "obsolete")


def placeholders(text: str) -> list[str]:
    """The placeholders of a text, sorted: `{count}`, `{name!r}`, `%n`."""
    return sorted(PLACEHOLDER.findall(text))


def source_files() -> list[Path]:
    """Every Python file whose texts are translated, in a stable order."""
    return sorted(path for path in SOURCES.rglob("*.py") if "__pycache__" not in path.parts)


def ts_file(language: str) -> Path:
    """The .ts file of a language."""
    return TRANSLATIONS / f"{PREFIX}_{language}.ts"


def read_ts(path: Path) -> list[Message]:
    """Every message of a .ts file, in file order."""
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms: tuple[str, ...] = ()
            kind = ""
            if translation is not None:
                kind = translation.get("type", "")
                numerus = translation.findall("numerusform")
                if numerus:
                    forms = tuple(form.text or "" for form in numerus)
                else:
                    forms = (translation.text or "",)
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    translations=forms,
                    kind=kind,
                    plural=message.get("numerus") == "yes",
                )
            )
    return found


def run_lupdate(ts: Path, files: Sequence[Path] | None = None, *, language: str = "nl") -> None:
    """Merge the texts of `files` (default: all sources) into `ts`, keeping translations."""
    command = qt_tool("lupdate")
    if command is None:
        raise SystemExit("pyside6-lupdate was not found: install PySide6 (pip install -e .)")
    files = source_files() if files is None else files
    ts.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            *command,
            "-silent",
            "-no-obsolete",
            "-locations",
            "relative",
            "-source-language",
            "en",
            "-target-language",
            language,
            *(str(path) for path in files),
            "-ts",
            str(ts),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"pyside6-lupdate failed:\n{result.stderr or result.stdout}")


def extract() -> set[tuple[str, str]]:
    """Every (context, source) the sources hold now, found by lupdate in a scratch file."""
    with tempfile.TemporaryDirectory() as scratch:
        ts = Path(scratch) / f"{PREFIX}_nl.ts"
        run_lupdate(ts)
        return {message.key for message in read_ts(ts)}


def problems(ts: Path, expected: set[tuple[str, str]] | None = None) -> list[str]:
    """What keeps a .ts from being complete: one line per missing, unfinished or wrong text."""
    if not ts.is_file():
        return [f"{ts.name} does not exist: run `python tools/i18n.py update`"]
    expected = extract() if expected is None else expected
    messages = [message for message in read_ts(ts) if message.current]
    present = {message.key for message in messages}
    lines = [f"missing   [{context}] {source!r}" for context, source in sorted(expected - present)]
    for message in messages:
        where = f"[{message.context}] {message.source!r}"
        if message.key not in expected:
            lines.append(f"not used  {where}")
        elif not message.finished:
            lines.append(f"unfinished {where}")
        elif not same_placeholders(message):
            lines.append(f"placeholders differ {where}")
    return lines


def same_placeholders(message: Message) -> bool:
    """Whether every translation keeps the source's {placeholders} (a plural form may say
    "one" instead of %n)."""
    wanted = placeholders(message.source)
    for translation in message.translations:
        found = placeholders(translation)
        if message.plural:
            found = [p for p in found if p != "%n"]
            if [p for p in wanted if p != "%n"] != found:
                return False
        elif found != wanted:
            return False
    return True


def compile_all(out: Path | None = None) -> list[Path]:
    """Compile every .ts into a .qm (beside it, or in `out`)."""
    made = []
    for ts in sorted(TRANSLATIONS.glob(f"{PREFIX}_*.ts")):
        target = (out or ts.parent) / ts.with_suffix(".qm").name
        made.append(compile_translation(ts, target))
    return made


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status tells whether it went well."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract the texts into assets/i18n/*.ts")
    commands.add_parser("check", help="list texts missing or unfinished; exit 1 if any")
    compile_parser = commands.add_parser("compile", help="compile the .ts files into .qm files")
    compile_parser.add_argument("--out", type=Path, help="folder for the .qm files")
    options = parser.parse_args(argv)

    if options.command == "update":
        for language in LANGUAGES:
            ts = ts_file(language)
            run_lupdate(ts, language=language)
            messages = [m for m in read_ts(ts) if m.current]
            done = sum(1 for m in messages if m.finished)
            print(f"{ts.relative_to(REPO)}: {len(messages)} texts, {done} translated")
        return 0
    if options.command == "check":
        expected = extract()
        failed = False
        for language in LANGUAGES:
            ts = ts_file(language)
            lines = problems(ts, expected)
            for line in lines:
                print(f"{ts.name}: {line}")
            if lines:
                failed = True
            else:
                print(f"{ts.name}: all {len(expected)} texts translated")
        return 1 if failed else 0
    try:
        for path in compile_all(options.out):
            print(path)
    except (TranslationError, OSError) as error:
        print(f"compile failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
