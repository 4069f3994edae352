"""The wheel carries everything: built from a clean copy of the sources, installed into a
clean virtual environment, it passes `facilitator --self-test`.

Slow (a build with PySide6 as a build requirement, and an install of PySide6): CI runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from facilitator.platform.translations import compile_translation

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 900


def git(folder: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from the tracked sources, with a stale .qm and a stray file lying about."""
    source = tmp_path_factory.mktemp("source")
    for name in git(REPO_ROOT, "ls-files", "-z").split("\0"):
        if name and (REPO_ROOT / name).is_file():
            target = source / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((REPO_ROOT / name).read_bytes())
    git(source, "init", "-q")
    git(source, "add", "-A")
    git(source, "commit", "-q", "-m", "sources")
    # What a builder's working tree may hold: an old compiled translation, a stray file.
    (source / "assets" / "i18n" / "facilitator_nl.qm").write_bytes(b"a stale translation")
    (source / "assets" / "sounds" / "scratch.wav").write_bytes(b"RIFF not a release file")
    out = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        check=True,
        timeout=TIMEOUT_S,
    )
    (built,) = out.glob("facilitator-*.whl")
    return built


def test_the_wheel_holds_the_compiled_translation_and_no_source(
    wheel: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        qm = archive.read("facilitator/assets/i18n/facilitator_nl.qm")
    assert not [name for name in names if name.endswith(".ts")], "the .ts source stays out"
    assert "facilitator/assets/sounds/scratch.wav" not in names, "untracked files stay out"
    fresh = compile_translation(
        REPO_ROOT / "assets" / "i18n" / "facilitator_nl.ts", tmp_path / "fresh.qm"
    )
    assert qm == fresh.read_bytes(), "compiled from the .ts at build time, not the stale file"
    for wanted in (
        "facilitator/assets/sounds/tingsha.wav",
        "facilitator/assets/library/structures/impromptu-networking.json",
        "facilitator/assets/icons/facilitator-256.png",
        "facilitator/assets/licenses/LGPL-3.0.txt",
    ):
        assert wanted in names


def test_the_wheel_installed_in_a_clean_environment_passes_its_self_test(
    wheel: Path, tmp_path: Path
) -> None:
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=TIMEOUT_S
    )
    program = bin_dir / ("facilitator.exe" if os.name == "nt" else "facilitator")
    assert (bin_dir / ("facilitator-gui.exe" if os.name == "nt" else "facilitator-gui")).exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(program), "--self-test"],
        cwd=elsewhere,  # away from the source tree: only the installed package is used
        env={
            **{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
            "QT_QPA_PLATFORM": "offscreen",
            "FACILITATOR_LOG_DIR": str(tmp_path / "logs"),
            "PULSE_SERVER": f"unix:{tmp_path}/no-such-server",
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert "self-test (source;" in lines[0]
    assert "translations: ok (nl besides en)" in lines
    assert any(line.startswith("sound files: ok (Qt decoded tingsha.wav") for line in lines)
    assert not (tmp_path / "cache").exists()
