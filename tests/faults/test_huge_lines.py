"""Huge lines: a participant list with one line of hundreds of kilobytes.

Under the 1 MB file cap, one very long line used to pass as a name: the names box then laid
out a single line of 400 KB to 1 MB, which froze the interface for 11 to 57 seconds, and
bells during a session rang late or not at all. A name now has at most 200 characters
(and no control characters), said in one line; and reading names and forming groups run
on a worker thread, never on the thread that drives the timer and the bells.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import TYPE_CHECKING, Any

import pytest

from facilitator.app import FacilitatorApp
from facilitator.core.groups.participants import (
    MAX_NAME_CHARS,
    ParticipantsError,
    parse_participants,
    read_participants,
)
from facilitator.core.timing.clock import FakeClock
from facilitator.models import groups_model, participants_reader
from facilitator.platform.audio import FakeBellPlayer
from facilitator.platform.background import ThreadedBackground
from facilitator.platform.edges import Platform
from facilitator.platform.screens import FakeScreenProvider
from tests.app_harness import LAPTOP, PROJECTOR, FakeWall, build_harness
from tests.faults.support import REPO_ROOT
from tests.faults.test_non_regular_files import at_once
from tests.scripted_prompts import ScriptedPrompts

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

NAMES = [f"Person {n}" for n in range(1, 25)]


def _list_with_a_long_line(path: Path, length: int) -> Path:
    path.write_text("\n".join([*NAMES[:6], "x" * length, *NAMES[6:]]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("length", [400_000, 1024 * 1024 - 1000])
def test_a_line_of_hundreds_of_kilobytes_is_refused_in_one_line(
    tmp_path: Path, length: int
) -> None:
    path = _list_with_a_long_line(tmp_path / "names.txt", length)
    assert path.stat().st_size < 1024 * 1024, "under the file cap"
    with pytest.raises(ParticipantsError) as caught:
        at_once(lambda: read_participants(path))
    assert str(caught.value) == (
        f"{path}: line 7: a name of {length:,} characters; a name has at most 200 characters"
    )


def test_a_name_of_two_hundred_characters_is_the_longest(tmp_path: Path) -> None:
    longest = "n" * MAX_NAME_CHARS
    assert longest in parse_participants("\n".join([longest, *NAMES])).names
    with pytest.raises(ParticipantsError, match="line 1: a name of 201 characters"):
        parse_participants("\n".join(["n" * 201, *NAMES]))
    csv = "name,team\n" + "\n".join(f"{name},{'t' * 300}" for name in NAMES)
    with pytest.raises(ParticipantsError, match="line 2: a name of 300 characters"):
        parse_participants(csv, csv=True)


def test_a_name_with_control_characters_is_refused() -> None:
    with pytest.raises(ParticipantsError) as caught:
        parse_participants("\n".join(["Eve\x1b[2J", *NAMES]))
    assert str(caught.value) == (
        "line 1: the name is not plain text: expected a text without control characters, "
        "got an escape character (U+001B) at character 4"
    )


def test_a_late_arrival_with_a_huge_name_is_refused(qtbot: QtBot) -> None:
    harness = build_harness(qtbot)
    assert harness.app.start_run("impromptu-networking")
    groups = harness.app.groups
    assert groups.set_participants_text("\n".join(NAMES)) == ""
    assert groups.add_name("L" * 5000).startswith("a name of 5,000 characters")
    assert len(groups.names) == len(NAMES)
    late = harness.app.plan_actions.groups_panel.late_name
    assert late.maxLength() == MAX_NAME_CHARS, "the field takes no more than a name"


def test_the_app_refuses_the_list_and_the_names_box_never_holds_the_line(
    qtbot: QtBot, tmp_path: Path
) -> None:
    harness = build_harness(qtbot)
    assert harness.app.start_run("impromptu-networking")
    harness.app.run.start()
    path = _list_with_a_long_line(tmp_path / "names.txt", 600_000)
    assert not harness.app.plan_actions.import_participants(path)
    panel = harness.app.plan_actions.groups_panel
    assert panel.message.text().endswith("a name has at most 200 characters")
    assert len(panel.names_edit.toPlainText()) < 1000, "the long line was never laid out"
    harness.advance(harness.app.run.status().remaining + 0.1)
    assert harness.player.played[-1] == "tingsha", "the run rings on"


# --- off the GUI thread -------------------------------------------------------------------


class Gate:
    """Holds a function on its worker thread until the test opens the gate."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.opened = threading.Event()
        self.threads: list[int] = []

    def wrap(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def held(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.get_ident())
            self.entered.set()
            assert self.opened.wait(30), "the test never opened the gate"
            return function(*args, **kwargs)

        return held


@pytest.fixture
def threaded_app(qtbot: QtBot) -> Iterator[tuple[FacilitatorApp, FakeClock, FakeBellPlayer]]:
    """The app as `run_app` builds it: names and groups worked out on a worker thread."""
    clock, player, background = FakeClock(), FakeBellPlayer(), ThreadedBackground()
    app = FacilitatorApp(
        Platform(
            FakeScreenProvider([LAPTOP, PROJECTOR], "laptop"),
            player,
            clock=lambda _speed: clock,
            wall=FakeWall(),
            background=background,
        ),
        prompts=ScriptedPrompts(),
    )
    qtbot.addWidget(app.console)
    qtbot.addWidget(app.card)
    yield app, clock, player
    assert background.wait(30_000)


def test_names_are_read_and_groups_formed_off_the_gui_thread(
    qtbot: QtBot,
    threaded_app: tuple[FacilitatorApp, FakeClock, FakeBellPlayer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, clock, player = threaded_app
    reading, forming = Gate(), Gate()
    monkeypatch.setattr(participants_reader, "parse_participants", reading.wrap(parse_participants))
    monkeypatch.setattr(groups_model, "plan_groups", forming.wrap(groups_model.plan_groups))
    assert app.start_run("impromptu-networking")
    app.run.start()
    panel = app.plan_actions.groups_panel
    panel.names_edit.setPlainText("\n".join(NAMES))
    panel.apply_button.click()  # returns while the names are still being read
    assert reading.entered.wait(10)
    assert app.groups.forming
    assert panel.message.text() == "Forming the groups\u2026"
    clock.advance(app.run.status().remaining + 0.1)  # meanwhile the run reaches a bell
    app.run.poll()
    assert player.played == ["tingsha", "tingsha"], "the bell rings while names are read"
    reading.opened.set()
    assert forming.entered.wait(10), "then the groups are formed, off the GUI thread too"
    clock.advance(app.run.status().remaining + 0.1)
    app.run.poll()
    assert len(player.played) == 3, "and the bells go on while groups are formed"
    forming.opened.set()
    qtbot.waitUntil(lambda: not app.groups.forming, timeout=10_000)
    gui = threading.get_ident()
    assert reading.threads
    assert forming.threads
    assert gui not in reading.threads + forming.threads
    assert app.groups.names == tuple(NAMES)
    assert app.groups.planned_rounds(), "the groups arrived"
    assert panel.names_edit.toPlainText().startswith("Person 1\n")
    assert panel.message.text().startswith("24 participants")


def test_only_the_latest_names_are_used(
    qtbot: QtBot,
    threaded_app: tuple[FacilitatorApp, FakeClock, FakeBellPlayer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, _clock, _player = threaded_app
    gate = Gate()
    monkeypatch.setattr(participants_reader, "parse_participants", gate.wrap(parse_participants))
    assert app.start_run("impromptu-networking")
    app.groups.set_participants_text("\n".join(NAMES))
    assert gate.entered.wait(10)
    gate.entered.clear()
    app.groups.set_participants_text("\n".join(NAMES[:8]))  # changed before the first was read
    gate.opened.set()
    qtbot.waitUntil(lambda: not app.groups.forming, timeout=10_000)
    assert app.groups.names == tuple(NAMES[:8])


def test_the_command_line_refuses_a_huge_line_and_a_pipe(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "FACILITATOR_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(REPO_ROOT),
    }
    path = _list_with_a_long_line(tmp_path / "names.txt", 500_000)
    pipe = tmp_path / "names-pipe.txt"
    os.mkfifo(pipe)
    for given, expected in (
        (path, "line 7: a name of 500,000 characters"),
        (pipe, "is a named pipe, not a file"),
    ):
        try:
            done = subprocess.run(
                [sys.executable, "-m", "facilitator", "groups", str(given), "--size", "2",
                 "--rounds", "2"],
                env=env, capture_output=True, text=True, timeout=60, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            pytest.fail(f"`facilitator groups` waited on {given.name}")
        assert done.returncode == 1
        [line] = done.stderr.splitlines()
        assert expected in line
