"""Which glibc a built Linux bundle needs: the highest GLIBC_ symbol version over its files.

    python tools/glibc_needed.py [dist/Facilitator] [--max 2.35] [--top 10]

Runs `objdump -T` (binutils) on every ELF file of the bundle and reads the versions of the
glibc symbols each one imports. The highest is the oldest glibc the bundle starts on; the
files that need it are listed. With --max, exits 1 when the bundle needs a newer glibc than
that. The README's "Which Linux systems" section quotes this tool's figure.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BUNDLE = REPO / "dist" / "Facilitator"
ELF_MAGIC = b"\x7fELF"
GLIBC_VERSION = re.compile(r"\bGLIBC_(\d+)\.(\d+)(?:\.(\d+))?\b")

Version = tuple[int, ...]


@dataclass(frozen=True)
class FileNeeds:
    """The newest glibc symbol version one file imports."""

    path: Path
    version: Version


def parse_version(text: str) -> Version:
    """'2.35' -> (2, 35)."""
    return tuple(int(part) for part in text.split("."))


def show(version: Version) -> str:
    """(2, 35) -> '2.35'."""
    return ".".join(str(part) for part in version)


def elf_files(bundle: Path) -> Iterable[Path]:
    """Every ELF file (program or shared library) under `bundle`, links not followed."""
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as file:
            if file.read(4) == ELF_MAGIC:
                yield path


def glibc_versions(objdump_output: str) -> set[Version]:
    """The GLIBC_ versions of the dynamic symbols in `objdump -T` output."""
    return {
        tuple(int(part) for part in match.groups() if part is not None)
        for match in GLIBC_VERSION.finditer(objdump_output)
    }


def needs(path: Path, objdump: str = "objdump") -> Version | None:
    """The newest glibc version `path` imports a symbol of (None: it imports none)."""
    result = subprocess.run(
        [objdump, "-T", str(path)], capture_output=True, text=True, check=False, timeout=60
    )
    versions = glibc_versions(result.stdout)
    return max(versions) if versions else None


def survey(bundle: Path) -> list[FileNeeds]:
    """Every ELF file of the bundle that imports glibc symbols, newest need first."""
    objdump = shutil.which("objdump")
    if objdump is None:
        raise SystemExit("objdump was not found: apt-get install binutils")
    found = [
        FileNeeds(path, version)
        for path in elf_files(bundle)
        if (version := needs(path, objdump)) is not None
    ]
    return sorted(found, key=lambda item: (item.version, str(item.path)), reverse=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the glibc the bundle needs; exit 1 if it is newer than --max."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--max", type=parse_version, default=None, metavar="VERSION")
    parser.add_argument("--top", type=int, default=10, help="files listed (newest need first)")
    options = parser.parse_args(argv)
    if not options.bundle.is_dir():
        print(f"{options.bundle} is not a folder (build it: pyinstaller build.spec)")
        return 2
    found = survey(options.bundle)
    if not found:
        print(f"{options.bundle}: no file imports glibc symbols")
        return 2
    newest = found[0].version
    print(f"glibc needed: {show(newest)} ({len(found)} ELF files import glibc symbols)")
    for item in found[: options.top]:
        print(f"  GLIBC_{show(item.version):<6} {item.path.relative_to(options.bundle)}")
    if options.max is not None and newest > options.max:
        print(f"the bundle needs glibc {show(newest)}, newer than {show(options.max)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
