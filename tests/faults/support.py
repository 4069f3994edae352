"""What the fault tests share: the app driver as a child process, and reading its reports."""

from __future__ import annotations

import json
import os
import select
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests import audio_probe

if TYPE_CHECKING:
    import subprocess
    from collections.abc import Mapping, Sequence

REPO_ROOT = Path(__file__).resolve().parents[2]
DRIVER = "tests.faults.app_driver"


def real_parts_required() -> bool:
    """Whether a missing Xvfb, PulseAudio or mount must fail the test instead of skipping."""
    return audio_probe.real_parts_required()


def child_env(folder: Path, data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a driver child: offscreen, its own data folder, no sound server.

    `extra` overrides any of it (a DISPLAY and QT_QPA_PLATFORM=xcb, a PULSE_SERVER).
    """
    runtime = folder / "runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.multimedia.*=false",
        "FACILITATOR_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(REPO_ROOT),
        "PULSE_SERVER": f"unix:{folder}/no-sound-server/native",
        "PIPEWIRE_REMOTE": "no-such-pipewire",
        "XDG_RUNTIME_DIR": str(runtime),
        **extra,
    }


def driver_command(*arguments: str) -> list[str]:
    """The command line of the app driver."""
    return [sys.executable, "-m", DRIVER, *arguments]


def run_driver(
    arguments: Sequence[str], env: Mapping[str, str], log_path: Path, timeout_s: float
) -> dict[str, Any]:
    """Run a driver scenario to its end; its report (the last JSON line it printed)."""
    stdout = audio_probe.run_watched(driver_command(*arguments), env, log_path, timeout_s)
    lines = [line for line in stdout.decode().splitlines() if line.startswith("{")]
    if not lines:
        raise AssertionError(f"the driver printed no report:\n{stdout.decode()}")
    return json.loads(lines[-1])


def read_json_line(process: subprocess.Popen[bytes], timeout_s: float) -> dict[str, Any]:
    """The next JSON line a running child prints (it goes on running)."""
    assert process.stdout is not None
    descriptor = process.stdout.fileno()
    deadline = time.monotonic() + timeout_s
    buffer = b""
    while b"\n" not in buffer:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"the child printed nothing within {timeout_s:g} s")
        ready, _, _ = select.select([descriptor], [], [], left)
        if ready:
            chunk = os.read(descriptor, 4096)
            if not chunk:
                raise AssertionError(f"the child ended (exit {process.wait()}) before reporting")
            buffer += chunk
    return json.loads(buffer.split(b"\n", 1)[0])


def log_tail(path: Path, size: int = 3000) -> str:
    """The end of a child's error log, for a failure message."""
    try:
        return path.read_bytes()[-size:].decode(errors="replace")
    except OSError:
        return ""
