"""Hatchling build hook: the wheel gets the app's assets and the Dutch translation compiled.

The interface's translations are kept as Qt Linguist sources (`assets/i18n/*.ts`); Qt reads
compiled `.qm` files. This hook compiles each `.ts` with PySide6's lrelease (PySide6 is a
build requirement, pyproject.toml) into a fresh temporary folder and puts the `.qm` into
the wheel at `facilitator/assets/i18n/`, so an installed app never compiles at first start.

What a wheel holds does not depend on the builder's working tree: the assets are the files
git tracks (every file, when built from an sdist, which holds only those), never a stale
`.qm` or a stray file lying in the folder; `.ts` sources and notes (`.md`) stay out, as
`build.spec` leaves them out of the standalone build. An editable install compiles the
`.qm` beside its `.ts` instead (as `python tools/i18n.py compile` does).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ASSETS = "assets"
PACKAGE_ASSETS = "facilitator/assets"
SOURCE_ONLY = {".ts", ".md", ".qm"}
"""Asset files not shipped as they are: sources, notes, and compiled files (made fresh)."""


def lrelease() -> list[str]:
    """The command that runs Qt's lrelease, as PySide6 ships it."""
    suffix = ".exe" if sys.platform == "win32" else ""
    try:
        import PySide6
    except ImportError:
        PySide6 = None  # noqa: N806
    candidates = [Path(sys.executable).parent / f"pyside6-lrelease{suffix}"]
    if PySide6 is not None:
        candidates.append(Path(PySide6.__file__).resolve().parent / f"lrelease{suffix}")
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    raise RuntimeError("pyside6-lrelease was not found: PySide6 must be installed to build")


def compile_ts(ts: Path, qm: Path) -> None:
    """Compile one .ts file into `qm`."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [*lrelease(), "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0 or not qm.is_file():
        raise RuntimeError(f"lrelease failed on {ts}: {result.stderr or result.stdout}")


def tracked_assets(root: Path) -> list[Path]:
    """The asset files git tracks (relative to `root`); every file when there is no git."""
    assets = root / ASSETS
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", ASSETS],
            cwd=root,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        listed = b""
    if listed:
        paths = [root / name for name in listed.decode("utf-8").split("\0") if name]
    else:  # an sdist: it holds only what git tracked
        paths = [path for path in assets.rglob("*") if path.is_file()]
    return sorted(
        path.relative_to(root)
        for path in paths
        if path.is_file() and not path.name.startswith(".") and path.suffix not in SOURCE_ONLY
    )


class AssetsHook(BuildHookInterface):
    """Adds the assets and the freshly compiled translations to the wheel."""

    PLUGIN_NAME = "facilitator-assets"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        sources = sorted((root / ASSETS / "i18n").glob("*.ts"))
        if version == "editable":
            for ts in sources:
                compile_ts(ts, ts.with_suffix(".qm"))
            return
        include = build_data.setdefault("force_include", {})
        for relative in tracked_assets(root):
            inside = Path(PACKAGE_ASSETS) / relative.relative_to(ASSETS)
            include[str(root / relative)] = inside.as_posix()
        self._compiled = Path(tempfile.mkdtemp(prefix="facilitator-qm-"))
        for ts in sources:
            qm = self._compiled / ts.with_suffix(".qm").name
            compile_ts(ts, qm)
            include[str(qm)] = f"{PACKAGE_ASSETS}/i18n/{qm.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        compiled = getattr(self, "_compiled", None)
        if compiled is not None:
            shutil.rmtree(compiled, ignore_errors=True)
