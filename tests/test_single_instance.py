"""One copy of the app per data folder (issue 12, item 6), with real processes.

A second start brings the running console to the front and opens nothing: no second
writer of the same files. A lock left by a crash is taken over; a copy that does not answer
is said to be open; the commands that only read never need the lock; a data folder that
cannot be written opens read-only and says so. Only local sockets are used (and the
no-network test of test_security.py still holds for the whole start).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any

import pytest

from facilitator.platform.single_instance import LOCK_FILE
from tests.desktop_session import REPO_ROOT, skip_or_fail

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.slow  # real processes, each a full start of the app


def env_for(tmp_path: Path, data: Path) -> dict[str, str]:
    runtime = tmp_path / "rt"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.multimedia.*=false",
        "FACILITATOR_DATA_DIR": str(data),
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_SERVER": f"unix:{tmp_path}/no-sound-server/native",
        "PYTHONPATH": str(REPO_ROOT),
    }


class App:
    """tests/instance_driver.py: the real start, in a process of its own."""

    def __init__(self, env: dict[str, str], *arguments: str, prefix: list[str] | None = None):
        command = [*(prefix or []), sys.executable, "-m", "tests.instance_driver", *arguments]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=REPO_ROOT,
        )

    def next_report(self, seconds: float = 30) -> dict[str, Any]:
        assert self.process.stdout is not None
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            if line.startswith(b"{"):
                return json.loads(line)
        stderr = self.process.stderr.read().decode() if self.process.poll() is not None else ""
        raise AssertionError(f"the app reported nothing (exit {self.process.poll()}): {stderr}")

    def quit(self) -> None:
        if self.process.poll() is None:
            try:
                assert self.process.stdin is not None
                self.process.stdin.write(b"quit\n")
                self.process.stdin.flush()
                self.process.wait(timeout=15)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture
def started() -> Iterator[list[App]]:
    """Every app a test starts, stopped afterwards."""
    apps: list[App] = []
    yield apps
    for app in apps:
        if app.process.poll() is None:
            os.kill(app.process.pid, signal.SIGCONT)
        app.quit()


def second_start(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    """`facilitator ARGUMENTS` while another copy runs: it must end by itself, quickly."""
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *arguments],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def folder_state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file in `folder` with its size and modification time (ns)."""
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def lock_pid(data: Path) -> int:
    return int((data / LOCK_FILE).read_text().splitlines()[0])


def test_a_second_start_brings_the_console_to_the_front_and_writes_nothing(
    tmp_path: Path, started: list[App]
) -> None:
    data = tmp_path / "data"
    env = env_for(tmp_path, data)
    first = App(env)
    started.append(first)
    pid = first.next_report()["pid"]
    assert lock_pid(data) == pid
    before = folder_state(data)

    result = second_start(env)
    assert result.returncode == 0, result.stderr
    assert "already open with this data folder" in result.stdout
    assert "its window was brought to the front" in result.stdout
    assert f"process {pid}" in result.stdout

    result = second_start(env, "run", "impromptu-networking")
    assert result.returncode == 0, result.stderr
    assert "Start the session in that window." in result.stdout

    assert first.process.poll() is None, "the first copy is still open"
    assert folder_state(data) == before, "the second start wrote in the data folder"
    assert lock_pid(data) == pid


def test_a_lock_left_by_a_crash_is_taken_over(tmp_path: Path, started: list[App]) -> None:
    data = tmp_path / "data"
    env = env_for(tmp_path, data)
    crashed = App(env)
    started.append(crashed)
    crashed_pid = crashed.next_report()["pid"]
    crashed.process.send_signal(signal.SIGKILL)
    crashed.process.wait(timeout=10)
    assert lock_pid(data) == crashed_pid, "the crash left its lock behind"

    taker = App(env)
    started.append(taker)
    pid = taker.next_report()["pid"]
    assert lock_pid(data) == pid
    result = second_start(env)
    assert result.returncode == 0
    assert f"process {pid}" in result.stdout


def test_a_copy_that_does_not_answer_is_said_to_be_open(tmp_path: Path, started: list[App]) -> None:
    data = tmp_path / "data"
    env = env_for(tmp_path, data)
    frozen = App(env)
    started.append(frozen)
    pid = frozen.next_report()["pid"]
    before = folder_state(data)
    os.kill(pid, signal.SIGSTOP)  # hung: its socket takes the call but nobody answers
    try:
        result = second_start(env)
    finally:
        os.kill(pid, signal.SIGCONT)
    assert result.returncode == 1
    assert "already open with this data folder" in result.stderr
    assert "a second copy would write the same files" in result.stderr
    assert folder_state(data) == before


def test_commands_that_only_read_never_need_the_lock(tmp_path: Path, started: list[App]) -> None:
    data = tmp_path / "data"
    env = env_for(tmp_path, data)
    first = App(env)
    started.append(first)
    first.next_report()
    exported = tmp_path / "exported.json"
    for arguments in (
        ["list"],
        ["show", "impromptu-networking"],
        ["export", "impromptu-networking", str(exported)],
        ["validate", str(exported)],
    ):
        result = second_start(env, *arguments)
        assert result.returncode == 0, (arguments, result.stderr)
        assert "already open" not in result.stdout + result.stderr


def test_a_data_folder_that_cannot_be_written_opens_read_only_and_says_so(
    tmp_path: Path, started: list[App]
) -> None:
    """A real read-only mount (root is not stopped by permissions): a private mount
    namespace with the data folder bound read-only."""
    if shutil.which("unshare") is None:
        skip_or_fail("unshare is not installed (util-linux)")
    data = tmp_path / "data"
    data.mkdir()
    (data / "preferences.json").write_text('{"schema_version": 1}\n', encoding="utf-8")
    before = folder_state(data)
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind {data} {data}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        skip_or_fail(f"no private mounts here: {probe.stderr.strip()}")
    mount = f'mount --bind {data} {data} && mount -o remount,bind,ro {data} && exec "$@"'
    env = env_for(tmp_path, data)
    app = App(env, "--change-a-preference", prefix=["unshare", "-m", "sh", "-c", mount, "sh"])
    started.append(app)
    opened = app.next_report()
    said = [text for text in opened["notices"] if "read-only" in text]
    assert len(said) == 1, opened["notices"]
    assert str(data) in said[0]
    assert "the disk is read-only" in said[0]
    assert "nothing you change is saved" in said[0]
    changed = app.next_report()
    assert any("Could not save preferences.json" in t for t in changed["notices"]), changed
    app.quit()
    assert folder_state(data) == before, "something was written in a read-only folder"


ALLOWED_FAMILIES = {"AF_UNIX", "AF_LOCAL", "AF_NETLINK"}


def test_two_starts_use_local_sockets_only(tmp_path: Path, started: list[App]) -> None:
    """From outside, as test_security.py does for the self-test: every socket() and
    connect() of a first start and of a second one, C code included."""
    if shutil.which("strace") is None:
        skip_or_fail("strace is not installed (apt-get install strace)")
    data = tmp_path / "data"
    env = env_for(tmp_path, data)
    traces = tmp_path / "first.strace", tmp_path / "second.strace"
    trace = ["strace", "-f", "-qq", "-e", "trace=socket,connect,bind", "-o"]
    first = App(env, prefix=[*trace, str(traces[0])])
    started.append(first)
    first.next_report()
    second = subprocess.run(
        [*trace, str(traces[1]), sys.executable, "-m", "facilitator"],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "brought to the front" in second.stdout, second.stderr[-2000:]
    first.quit()
    for path in traces:
        text = path.read_text()
        families = set(re.findall(r"socket\((AF_[A-Z0-9]+|PF_[A-Z0-9]+)", text))
        families |= set(re.findall(r"sa_family=(AF_[A-Z0-9]+)", text))
        assert "AF_UNIX" in families, f"no local socket seen in {path.name}: is strace tracing?"
        assert families <= ALLOWED_FAMILIES, f"{path.name}: {families - ALLOWED_FAMILIES}"


@pytest.mark.xvfb
def test_with_a_window_manager_the_second_start_really_brings_the_console_forward(
    tmp_path: Path, started: list[App]
) -> None:
    """Under openbox on Xvfb: the console, minimised, is shown and active again."""
    from tools.virtual_display import LAPTOP, missing_tools, virtual_display

    missing = [*missing_tools(), *[t for t in ("xdotool", "openbox") if not shutil.which(t)]]
    if missing:
        skip_or_fail(f"missing {', '.join(missing)} (apt-get install xvfb xdotool openbox)")
    data = tmp_path / "data"
    with virtual_display((LAPTOP,)) as display:
        env = {**env_for(tmp_path, data), "QT_QPA_PLATFORM": "xcb", "DISPLAY": display.display}

        def xdotool(*arguments: str) -> str:
            done = subprocess.run(
                ["xdotool", *arguments], env=env, capture_output=True, text=True, timeout=20
            )
            return done.stdout.strip()

        manager = subprocess.Popen(["openbox", "--sm-disable"], env=env, stderr=subprocess.DEVNULL)
        try:
            first = App(env)
            started.append(first)
            first.next_report()
            console = ""
            deadline = time.monotonic() + 20
            while not console and time.monotonic() < deadline:
                console = xdotool("search", "--onlyvisible", "--name", "^Facilitator$")
                time.sleep(0.1)
            console = console.split()[0]
            xdotool("windowminimize", "--sync", console)
            assert console not in xdotool("search", "--onlyvisible", "--name", "^Facilitator$")

            result = second_start(env)
            assert result.returncode == 0, result.stderr
            assert "brought to the front" in result.stdout
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and xdotool("getactivewindow") != console:
                time.sleep(0.1)
            assert console in xdotool("search", "--onlyvisible", "--name", "^Facilitator$")
            assert xdotool("getactivewindow") == console, "the console is not in front"
            first.quit()
        finally:
            manager.terminate()
            manager.wait(timeout=10)
