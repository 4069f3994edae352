"""`facilitator --self-test` from a source tree, in a child process, offscreen.

Once with no sound server at all (it must pass and say so), once into the private PulseAudio
null sink of tests/audio_probe.py (the bells must be accepted), and once made to fail.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import audio_probe

REPO_ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 60
PASSING_LINES = (
    "library: ok (",
    "bells: ok (",
    "translations: ok (",
    "sound files: ok (Qt decoded tingsha.wav (7.0 s); own sounds can be added)",
    "windows: ok (",
    "run: ok (impromptu-networking fitted to 10 min, stepped from moment to moment: ",
    "self-test passed in ",
)


def self_test(
    env: dict[str, str], *arguments: str, code: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the self-test (or `code`) from the source tree; its output."""
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "facilitator"]
    return subprocess.run(
        [*command, "--self-test", *arguments],
        env={**env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)},
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )


def no_sound_env(folder: Path) -> dict[str, str]:
    """An environment whose sound server does not exist (whatever runs on this machine)."""
    runtime = folder / "runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    return {
        **os.environ,
        "PULSE_SERVER": f"unix:{folder}/no-such-server",
        "XDG_RUNTIME_DIR": str(runtime),
        "PIPEWIRE_REMOTE": f"{folder}/no-such-pipewire",
    }


def report_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The report: stdout, one line per check."""
    return result.stdout.splitlines()


def cue_count(lines: list[str]) -> int:
    """How many cues the run line says were routed ("... 14 of 14 cues routed ...")."""
    run = next(line for line in lines if line.startswith("run: ok ("))
    routed, due = re.search(r"(\d+) of (\d+) cues routed", run).groups()
    assert routed == due
    return int(due)


def assert_passed(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The self-test exited 0 and printed every passing line; its report."""
    lines = report_lines(result)
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    for start in PASSING_LINES:
        assert any(line.startswith(start) for line in lines), f"no {start!r} in:\n{result.stdout}"
    assert lines[0].startswith("Facilitator ")
    assert "self-test (source;" in lines[0]
    return lines


def test_self_test_passes_without_a_sound_server(tmp_path: Path, user_data_dir: Path) -> None:
    started = time.monotonic()
    result = self_test(no_sound_env(tmp_path))
    took = time.monotonic() - started
    lines = assert_passed(result)
    assert any(line.startswith("sound: unavailable (") for line in lines), result.stdout
    assert f"sound: the card flashed for {cue_count(lines)} cues instead" in lines
    assert took < 20, f"the self-test took {took:.1f} s; it should take a few"
    # It used a temporary folder, never the user's data.
    assert not user_data_dir.exists() or not any(user_data_dir.iterdir())


def test_the_report_is_kept_in_a_file_for_a_build_that_cannot_print(
    tmp_path: Path, user_data_dir: Path
) -> None:
    # A windowed Windows build has no console: sys.stdout is None there. The report is then
    # only in the log folder's self-test.txt, and the exit code still says how it went.
    code = (
        "import sys\n"
        "sys.stdout = None\n"
        "from facilitator.selftest import run_self_test\n"
        "sys.exit(run_self_test(sys.stdout))\n"
    )
    result = self_test(no_sound_env(tmp_path), code=code)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    kept = Path(os.environ["FACILITATOR_LOG_DIR"]) / "self-test.txt"
    lines = kept.read_text(encoding="utf-8").splitlines()
    for start in PASSING_LINES:
        assert any(line.startswith(start) for line in lines), f"no {start!r} in {kept}"
    assert lines[-1].startswith("self-test passed in ")


def test_the_printed_report_says_where_it_is_kept(tmp_path: Path, user_data_dir: Path) -> None:
    result = self_test(no_sound_env(tmp_path))
    kept = Path(os.environ["FACILITATOR_LOG_DIR"]) / "self-test.txt"
    printed = result.stdout.splitlines()
    assert printed[-2] == f"report: also written to {kept}"
    assert kept.read_text(encoding="utf-8").splitlines() == printed[:-2] + printed[-1:]


def test_self_test_rings_every_bell_into_a_sound_server(tmp_path: Path) -> None:
    missing = audio_probe.missing_tools()
    if missing:
        message = f"PulseAudio is not installed here (missing {', '.join(missing)})"
        if audio_probe.real_parts_required():
            pytest.fail(message)
        pytest.skip(message)
    server = audio_probe.PulseServer(tmp_path / "pulse")
    server.start()
    try:
        result = self_test(dict(server.env))
    finally:
        server.stop()
    lines = assert_passed(result)
    accepted = f"sound: ok (the player accepted all {cue_count(lines)} bells"
    assert any(line.startswith(accepted) for line in lines), result.stdout


def test_a_failing_check_exits_non_zero_with_the_reason(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import facilitator.selftest as selftest\n"
        "selftest.STRUCTURE = 'no-such-structure'\n"
        "sys.exit(selftest.run_self_test())\n"
    )
    result = self_test(no_sound_env(tmp_path), code=code)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = report_lines(result)
    assert any(line.startswith("run: FAILED (no-such-structure could not start") for line in lines)
    assert lines[-1].startswith("self-test FAILED in "), result.stdout
    assert "no-such-structure" in lines[-1]


def test_the_option_is_listed_in_the_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--help"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--self-test" in result.stdout
