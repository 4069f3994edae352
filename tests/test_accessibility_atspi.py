"""A screen reader can run a session, read as Orca reads it: through AT-SPI (issue 12, item 9).

The real app runs a session on Xvfb, on a private D-Bus session bus, with Qt's AT-SPI bridge
always on (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1); the bus starts the accessibility bus and
registry of at-spi2-core. tests/atspi_dump.py, run by the system's Python with Debian's
python3-pyatspi, reads the tree and hears the announcements from a process of its own.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.desktop_session import REPO_ROOT, private_session_bus, skip_or_fail
from tests.test_screen_awake import Driver, app_env
from tools import virtual_display

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = [pytest.mark.xvfb, pytest.mark.dbus, pytest.mark.atspi]

SYSTEM_PYTHON = "/usr/bin/python3"
DUMP = str(REPO_ROOT / "tests" / "atspi_dump.py")
CONTROL_ROLES = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "spin button",
    "slider",
    "text",
    "entry",
    "password text",
    "list",
    "table",
    "tree",
    "progress bar",
}


def _require_atspi() -> None:
    missing = []
    if not Path(SYSTEM_PYTHON).exists():
        missing.append("python3")
    elif subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode:
        missing.append("python3-pyatspi")
    if not any(
        Path(folder, "at-spi-bus-launcher").exists()
        for folder in ("/usr/libexec", "/usr/lib/at-spi2-core", "/usr/lib/x86_64-linux-gnu")
    ):
        missing.append("at-spi2-core")
    missing += virtual_display.missing_tools()
    if missing:
        skip_or_fail(f"missing {', '.join(missing)} (apt-get install {' '.join(missing)})")


@pytest.fixture
def session(tmp_path: Path) -> Iterator[tuple[Driver, dict[str, str]]]:
    """A running session of Impromptu Networking, readable through AT-SPI."""
    _require_atspi()
    monitor = virtual_display.Monitor("laptop", 1280, 720, 0)
    with (
        virtual_display.virtual_display((monitor,)) as display,
        private_session_bus(tmp_path / "bus") as address,
    ):
        env = app_env(
            tmp_path,
            QT_QPA_PLATFORM="xcb",
            DISPLAY=display.display,
            DBUS_SESSION_BUS_ADDRESS=address,
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        )
        driver = Driver(env, tmp_path / "app.log")
        try:
            driver.until("started")
            yield driver, env
        finally:
            driver.stop()


def _reader(env: dict[str, str], *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [SYSTEM_PYTHON, DUMP, "Facilitator", *arguments],
        env={**env, "PYTHONPATH": ""},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def tree(env: dict[str, str]) -> list[dict[str, Any]]:
    reader = _reader(env)
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err[-2000:]
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def showing(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if "showing" in r.get("states", ())]


def test_the_console_and_the_card_read_out_a_running_session(
    session: tuple[Driver, dict[str, str]],
) -> None:
    _driver, env = session
    records = tree(env)
    seen = showing(records)
    by_name = {r["name"]: r for r in seen}

    assert any(r["role"] == "frame" and r["name"] == "Facilitator" for r in seen)
    countdown = [r for r in seen if r["name"].startswith("Time left in this step: ")]
    assert len(countdown) == 1, [r["name"] for r in seen if "Time" in r["name"]]
    spoken_time = r"(2 minutes|1 minute \d+)"  # the run is in its first two minutes
    assert re.fullmatch(f"Time left in this step: {spoken_time}", countdown[0]["name"])
    assert countdown[0]["role"] == "label"
    assert by_name["Progress of this part"]["role"] == "progress bar"
    assert by_name["Next / start"]["role"] == "push button"
    assert "Page Down" in by_name["Next / start"]["description"]
    assert by_name["End session"]["description"].startswith("Stop the session")

    # The card, the one thing the room reads: its step, the question and the time.
    assert by_name["Facilitator: card"]["path"] == ["application"]
    assert by_name["The card on the projector"]["description"] == "What the room sees now"
    assert by_name["Step: The invitation"]["role"] == "label"
    question = [r for r in seen if r["name"].startswith("What big challenge are you bringing")]
    assert question, "the question is in the tree"
    assert question[0]["role"] == "label"
    assert any(re.fullmatch(f"Time: {spoken_time}", r["name"]) for r in seen)

    # Every control a facilitator can reach has a name and a description that adds to it.
    lacking = [
        f"{r['role']} {r['name']!r} ({' > '.join(r['path'][-3:])})"
        for r in seen
        if r.get("role") in CONTROL_ROLES
        and "menu" not in r["path"][-1:]
        and (not r["name"] or not r["description"] or r["description"] == r["name"])
        and r["name"] not in {"Close", "Float"}  # Qt's own dock buttons, described by Qt
    ]
    assert not lacking, "\n".join(lacking)


def test_each_new_part_of_the_run_is_announced(session: tuple[Driver, dict[str, str]]) -> None:
    driver, env = session
    reader = _reader(env, "--listen", "8")
    assert reader.stdout is not None
    first = reader.stdout.readline()
    assert json.loads(first) == {"listening": True}, first + (reader.stderr.read() or "")
    driver.send("next")
    driver.until("next")
    driver.send("next")
    driver.until("next")
    out, err = reader.communicate(timeout=60)
    said = [json.loads(line)["announcement"] for line in out.splitlines() if line.strip()]
    assert said == [
        "Conversations in pairs: change-over, Round 1 of 3",
        "Conversations in pairs: speaking turn, Round 1 of 3, Person A speaks",
    ], err[-2000:]
