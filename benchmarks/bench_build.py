"""The standalone build (build.spec): build time, size on disk, start-up and self-test.

Run: `python benchmarks/bench_build.py [--build]` (or `python -m benchmarks --with-build`).

Without --build it measures the bundle already in dist/Facilitator (from
`pyinstaller --noconfirm build.spec`), and skips when there is none. With --build it builds
first, into build/ and dist/ of the repository (both ignored by git), from an emptied
PyInstaller cache (as on a fresh machine), and times the build.
The built app is then started like the source tree in bench_startup.py (both windows
painted) and its `--self-test` is run once. The twenty biggest files of the bundle are listed
below the figures: what the size is made of.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks import bench_startup  # noqa: E402
from facilitator import APP_NAME  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Sequence

SPEC = REPO_ROOT / "build.spec"
DIST_DIR = REPO_ROOT / "dist"
WORK_DIR = REPO_ROOT / "build"
INFO_FILE = "facilitator-build-info.json"
"""Written into the work folder after a build: how long it took."""
BUILD_TIMEOUT_S = 1800
BIGGEST_COUNT = 20


def bundle_dir(dist_dir: Path = DIST_DIR) -> Path:
    """The one-folder app inside a dist folder."""
    return dist_dir / APP_NAME


def executable(dist_dir: Path = DIST_DIR) -> Path:
    """The built app's program."""
    name = APP_NAME.lower() + (".exe" if sys.platform == "win32" else "")
    return bundle_dir(dist_dir) / name


def build(dist_dir: Path = DIST_DIR, work_dir: Path = WORK_DIR, *, clean: bool = False) -> float:
    """Build the app with PyInstaller; the seconds it took.

    With `clean`, PyInstaller's own cache (of processed libraries, shared by every build of
    this user) is emptied first, so the time is that of a first build on a fresh machine.
    """
    work_dir.mkdir(parents=True, exist_ok=True)
    log = work_dir / "pyinstaller.log"
    started = time.monotonic()
    with log.open("wb") as output:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                *(["--clean"] if clean else []),
                "--log-level",
                "WARN",
                "--distpath",
                str(dist_dir),
                "--workpath",
                str(work_dir),
                str(SPEC),
            ],
            cwd=REPO_ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=BUILD_TIMEOUT_S,
        )
    seconds = time.monotonic() - started
    if result.returncode != 0:
        tail = log.read_text(errors="replace")[-4000:]
        raise RuntimeError(f"PyInstaller failed ({result.returncode}):\n{tail}")
    (work_dir / INFO_FILE).write_text(json.dumps({"build_s": round(seconds, 1)}))
    return seconds


def size_bytes(folder: Path) -> int:
    """Bytes of every file under `folder` (what `du` counts, near enough)."""
    return sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def biggest_files(folder: Path, count: int = BIGGEST_COUNT) -> list[dict]:
    """The `count` biggest files of the bundle (links not counted), biggest first."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    files.sort(key=lambda path: path.stat().st_size, reverse=True)
    return [
        {
            "file": path.relative_to(folder).as_posix(),
            "mib": round(path.stat().st_size / 2**20, 2),
        }
        for path in files[:count]
    ]


def extra_tables() -> list[tuple[str, list[dict]]]:
    """Tables shown below the benchmark's figures: the bundle's biggest files."""
    folder = bundle_dir()
    if not folder.is_dir():
        return []
    return [(f"The {BIGGEST_COUNT} biggest files of {folder.name}/", biggest_files(folder))]


def du_human(folder: Path) -> str:
    """`du -sh` of a folder, as the shell shows it."""
    try:
        return subprocess.run(
            ["du", "-sh", str(folder)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    except (OSError, subprocess.CalledProcessError):
        return f"{size_bytes(folder) / 2**20:.0f}M"


def self_test(program: Path, env: dict[str, str]) -> tuple[int, float, str]:
    """Run the built app's --self-test: exit code, seconds and the report."""
    started = time.monotonic()
    result = subprocess.run(
        [str(program), "--self-test"],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, time.monotonic() - started, result.stdout


def run(*, build_first: bool = False, runs: int = 5) -> list[dict]:
    """One row: build time (when built now or recorded), size, start-up, self-test."""
    build_s: float | None = None
    if build_first:
        build_s = build(clean=True)
    elif (WORK_DIR / INFO_FILE).is_file():
        build_s = json.loads((WORK_DIR / INFO_FILE).read_text())["build_s"]
    program = executable()
    if not program.is_file():
        return [
            {"case": "standalone build", "skipped": f"no {program} (use --with-build to build)"}
        ]
    folder = bundle_dir()
    with (
        tempfile.TemporaryDirectory(prefix="bench-build-") as name,
        bench_startup.app_environment(Path(name)) as environment,
    ):
        timings = bench_startup.measure_startups([str(program)], runs, environment, Path(name))
        code, test_s, report = self_test(
            program, {**environment.env, "FACILITATOR_DATA_DIR": str(Path(name) / "selftest")}
        )
    sound = next((line for line in report.splitlines() if line.startswith("sound:")), "")
    return [
        {
            "case": f"{folder.relative_to(REPO_ROOT)} (PyInstaller, one folder)",
            "build_s": round(build_s, 1) if build_s is not None else None,
            "size": du_human(folder),
            "size_mib": round(size_bytes(folder) / 2**20, 1),
            "files": sum(1 for p in folder.rglob("*") if p.is_file() and not p.is_symlink()),
            "start_first_s": round(timings[0], 3),
            "start_median_s": round(statistics.median(timings), 3),
            "self_test_exit": code,
            "self_test_s": round(test_s, 1),
            "self_test_sound": sound,
            "screen": environment.screen,
            "sound": environment.sound,
        }
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its row."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="build dist/ first")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args(argv)
    os.environ.pop("FACILITATOR_REPORT_STARTUP", None)
    for row in run(build_first=options.build, runs=options.runs):
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
