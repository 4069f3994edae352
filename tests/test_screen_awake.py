"""The screen never blanks during a session, and nothing stays held after it (issue 12, item 5).

The run's state decides (models/screen_awake.py); the machine's own services do it
(platform/keep_awake*.py). The Linux path is tested for real: a private D-Bus session bus
with a fake `org.freedesktop.ScreenSaver` that records Inhibit and UnInhibit, and an Xvfb
whose own screen saver starts after two idle seconds, which must not start during a run.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any

import pytest

from facilitator.platform.keep_awake import CombinedScreenKeeper, FakeScreenKeeper
from facilitator.platform.keep_awake_native import (
    ES_CONTINUOUS,
    ES_DISPLAY_REQUIRED,
    ES_SYSTEM_REQUIRED,
    MacPowerAssertion,
    WindowsExecutionState,
    XScreenSaverSuspension,
)
from tests.desktop_session import (
    REPO_ROOT,
    XScreenSaverProbe,
    fake_screen_saver,
    private_session_bus,
    set_x_screen_saver,
    skip_or_fail,
    x_screen_saver_timeout,
)
from tools import virtual_display

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.app_harness import Harness

STRUCTURE = "impromptu-networking"


def keeper_of(harness: Harness) -> FakeScreenKeeper:
    keeper = harness.app.platform.awake
    assert isinstance(keeper, FakeScreenKeeper)
    return keeper


# --- the run decides -----------------------------------------------------------------------


def test_the_screen_is_held_on_from_the_start_of_a_session_until_it_is_ended(
    harness: Harness,
) -> None:
    keeper = keeper_of(harness)
    app = harness.app
    assert keeper.calls == [], "nothing is held while no session is loaded"
    assert app.start_run(STRUCTURE)
    assert keeper.calls == ["hold: A workshop session is on the projector"]
    app.run.start()
    harness.advance(30)
    app.run.pause()
    harness.advance(600)  # a long pause: the card still shows
    app.run.start()
    assert keeper.calls == ["hold: A workshop session is on the projector"]
    assert app.screen_awake.held
    app.end_session()
    assert keeper.calls[-1] == "release"
    assert not app.screen_awake.held


def test_a_finished_session_lets_the_screen_sleep_and_a_new_one_holds_it_again(
    harness: Harness,
) -> None:
    keeper = keeper_of(harness)
    app = harness.app
    assert app.start_run(STRUCTURE)
    app.run.start()
    total = app.run.session.timeline.total_seconds
    for _ in range(round(total / 30) + 2):
        harness.advance(30)
    assert app.run.status().state.value == "finished"
    assert keeper.calls[-1] == "release"
    assert app.start_run(STRUCTURE)
    assert keeper.calls[-1].startswith("hold: ")


def test_quitting_during_a_session_lets_the_screen_sleep(harness: Harness) -> None:
    keeper = keeper_of(harness)
    app = harness.app
    assert app.start_run(STRUCTURE)
    app.run.start()
    harness.prompts.confirm_answer = True  # "Quit during a session?": Quit
    assert app.console.close()
    assert keeper.calls[-1] == "release"


def test_a_refusal_is_said_once_and_the_run_goes_on(harness: Harness) -> None:
    keeper = keeper_of(harness)
    keeper.refuse_with = "there is no D-Bus session bus"
    app = harness.app
    assert app.start_run(STRUCTURE)
    app.run.start()
    harness.advance(10)
    assert app.run.status().state.value == "running"
    said = [text for text in app.notices.texts() if "screen may blank" in text]
    assert len(said) == 1, app.notices.texts()
    assert "there is no D-Bus session bus" in said[0]
    notice = next(n for n in app.notices.notices if n.text == said[0])
    app.notices.dismiss(notice.id)
    app.end_session()
    assert app.start_run(STRUCTURE)
    assert not [text for text in app.notices.texts() if "screen may blank" in text]


# --- several ways at once ------------------------------------------------------------------


def test_several_ways_hold_if_any_one_holds_and_refuse_only_when_all_refuse(qapp) -> None:
    saying_no, saying_yes = FakeScreenKeeper(), FakeScreenKeeper()
    saying_no.refuse_with = "no service"
    both = CombinedScreenKeeper([saying_no, saying_yes])
    held, refused = [], []
    both.holding.connect(lambda: held.append(True))
    both.refused.connect(refused.append)
    both.hold("a session")
    assert (held, refused) == ([True], [])
    both.release()
    assert saying_no.calls[-1] == saying_yes.calls[-1] == "release"
    saying_yes.refuse_with = "no X display"
    both.hold("a session")
    assert refused == ["no service; no X display"]


# --- the operating systems' own calls, with stand-ins that record --------------------------


class Recorder:
    """A stand-in library: every function called is recorded, and answers `answer`."""

    def __init__(self, **answers: Any) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self._answers = answers

    def __getattr__(self, name: str) -> Any:
        def call(*arguments: Any) -> Any:
            self.calls.append((name, arguments))
            answer = self._answers.get(name, 0)
            return answer(*arguments) if callable(answer) else answer

        return call

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


def test_windows_is_told_the_display_and_system_are_needed_then_released(qapp) -> None:
    kernel32 = Recorder(SetThreadExecutionState=0x80000000)
    keeper = WindowsExecutionState(kernel32)
    held: list[bool] = []
    keeper.holding.connect(lambda: held.append(True))
    keeper.hold("a session")
    keeper.release()
    assert kernel32.calls == [
        ("SetThreadExecutionState", (ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED,)),
        ("SetThreadExecutionState", (ES_CONTINUOUS,)),
    ]
    assert (ES_CONTINUOUS, ES_DISPLAY_REQUIRED, ES_SYSTEM_REQUIRED) == (0x80000000, 2, 1)
    assert held == [True]
    refusing = WindowsExecutionState(Recorder(SetThreadExecutionState=0))
    said: list[str] = []
    refusing.refused.connect(said.append)
    refusing.hold("a session")
    assert said == ["Windows did not accept the request"]


def test_macos_gets_a_display_sleep_assertion_released_by_its_id(qapp) -> None:
    def create(kind: Any, level: int, name: Any, out: Any) -> int:
        ctypes.cast(out, ctypes.POINTER(ctypes.c_uint32)).contents.value = 77
        return 0

    strings: list[bytes] = []

    def cfstring(_allocator: Any, text: bytes, _encoding: int) -> int:
        strings.append(text)
        return len(strings)

    iokit = Recorder(IOPMAssertionCreateWithName=create)
    foundation = Recorder(CFStringCreateWithCString=cfstring)
    keeper = MacPowerAssertion("Facilitator", (iokit, foundation))
    keeper.hold("A workshop session is on the projector")
    keeper.release()
    assert strings == [
        b"PreventUserIdleDisplaySleep",
        b"Facilitator: A workshop session is on the projector",
    ]
    created = iokit.calls[0]
    assert created[0] == "IOPMAssertionCreateWithName"
    assert created[1][:3] == (1, 255, 2)  # the type, kIOPMAssertionLevelOn, the name
    assert iokit.calls[1] == ("IOPMAssertionRelease", (77,))
    assert foundation.names().count("CFRelease") == 2


def test_x11_suspends_the_screen_saver_on_a_connection_of_its_own(qapp) -> None:
    x11 = Recorder(XOpenDisplay=1234)
    xss = Recorder(XScreenSaverQueryExtension=1)
    keeper = XScreenSaverSuspension((x11, xss))
    keeper.hold("a session")
    assert xss.calls[-1] == ("XScreenSaverSuspend", (1234, 1))
    assert x11.names() == ["XOpenDisplay", "XFlush"]
    keeper.release()
    assert xss.calls[-1] == ("XScreenSaverSuspend", (1234, 0))
    assert x11.names() == ["XOpenDisplay", "XFlush", "XFlush", "XCloseDisplay"]

    without_extension = XScreenSaverSuspension((Recorder(XOpenDisplay=99), Recorder()))
    said: list[str] = []
    without_extension.refused.connect(said.append)
    without_extension.hold("a session")
    assert said == ["the X server has no screen saver extension"]


# --- Linux for real: a private bus, a fake service, Xvfb's own screen saver ----------------

SAVER_SECONDS = 2
"""Xvfb's screen saver starts after this many idle seconds (on the test's own Xvfb only)."""


class Driver:
    """tests/screen_awake_driver.py in a child process: commands in, JSON lines out."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self._log = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.screen_awake_driver", STRUCTURE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            env=env,
            cwd=REPO_ROOT,
        )

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{command}\n".encode())
        self.process.stdin.flush()

    def until(self, event: str, seconds: float = 30) -> dict[str, Any]:
        """The next report of `event` (the ones before it are skipped)."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            if line.startswith(b"{") and (record := json.loads(line))["event"] == event:
                return record
        raise AssertionError(f"no {event!r} from the app; its log: {self._log.name}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        self._log.close()


def app_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return {
        **os.environ,
        "FACILITATOR_DATA_DIR": str(tmp_path / "data"),
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_SERVER": f"unix:{tmp_path}/no-sound-server/native",
        "QT_LOGGING_RULES": "qt.multimedia.*=false",
        "PYTHONPATH": str(REPO_ROOT),
        **extra,
    }


@pytest.fixture
def xvfb() -> Iterator[virtual_display.VirtualDisplay]:
    missing = virtual_display.missing_tools()
    if missing:
        skip_or_fail(f"missing {', '.join(missing)} (apt-get install xvfb x11-xserver-utils)")
    monitor = virtual_display.Monitor("laptop", 1280, 720, 0)
    with virtual_display.virtual_display((monitor,)) as screen:
        yield screen


def stays_off(probe: XScreenSaverProbe, seconds: float) -> bool:
    """Whether the X screen saver stays off for `seconds` (looked at every 50 ms)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if probe.showing():
            return False
        time.sleep(0.05)
    return True


def comes_on(probe: XScreenSaverProbe, seconds: float) -> bool:
    """Whether the X screen saver starts within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if probe.showing():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.xvfb
@pytest.mark.dbus
def test_on_linux_a_session_inhibits_over_dbus_and_suspends_the_x_screen_saver(
    tmp_path: Path, xvfb: virtual_display.VirtualDisplay
) -> None:
    set_x_screen_saver(xvfb.display, SAVER_SECONDS)
    assert x_screen_saver_timeout(xvfb.display) == SAVER_SECONDS
    probe = XScreenSaverProbe(xvfb.display)
    assert comes_on(probe, SAVER_SECONDS + 2), "the test's X screen saver never starts"
    with (
        private_session_bus(tmp_path / "bus") as address,
        fake_screen_saver(address, tmp_path) as service,
    ):
        env = app_env(
            tmp_path,
            QT_QPA_PLATFORM="xcb",
            DISPLAY=xvfb.display,
            DBUS_SESSION_BUS_ADDRESS=address,
        )
        driver = Driver(env, tmp_path / "app.log")
        try:
            driver.until("holding")
            assert driver.until("started")["state"] == "running"
            subprocess.run(["xset", "-display", xvfb.display, "s", "reset"], check=True)
            # Three times the screen saver's timeout with nobody touching anything: it stays off.
            assert stays_off(probe, 3 * SAVER_SECONDS), "the X screen saver started mid-session"

            inhibit = service.calls("Inhibit")
            assert len(inhibit) == 1, service.records()
            assert inhibit[0]["arguments"] == [
                "Facilitator",
                "A workshop session is on the projector",
            ]
            assert inhibit[0]["signature"] == "ss"
            assert inhibit[0]["path"] == "/org/freedesktop/ScreenSaver"
            cookie = inhibit[0]["cookie"]

            driver.send("end")
            assert driver.until("ended")["held"] is False
            records = service.wait_for(lambda r: any(x.get("call") == "UnInhibit" for x in r))
            uninhibit = service.calls("UnInhibit")
            assert [(u["arguments"], u["signature"]) for u in uninhibit] == [([cookie], "u")]
            assert uninhibit[0]["sender"] == inhibit[0]["sender"]
            # The private connection closes too: the service sees the client leave, holding nothing.
            records = service.wait_for(lambda r: any(x.get("event") == "vanished" for x in r))
            vanished = [x for x in records if x.get("event") == "vanished"]
            assert vanished == [
                {"event": "vanished", "sender": uninhibit[0]["sender"], "dropped": []}
            ]
            assert comes_on(probe, SAVER_SECONDS + 3), "the X screen saver stayed suspended"

            driver.send("start")
            driver.until("holding")
            assert len(service.calls("Inhibit")) == 2
            driver.send("quit")
            assert driver.until("quit")["held"] is False
            assert driver.process.wait(timeout=20) == 0
            records = service.wait_for(
                lambda r: len([x for x in r if x.get("call") == "UnInhibit"]) == 2
            )
            assert [x["arguments"] for x in records if x.get("call") == "UnInhibit"] == [
                [cookie],
                [cookie + 1],
            ]
        finally:
            driver.stop()
            probe.close()


@pytest.mark.xvfb
@pytest.mark.dbus
def test_after_a_crash_mid_session_nothing_stays_held(
    tmp_path: Path, xvfb: virtual_display.VirtualDisplay
) -> None:
    set_x_screen_saver(xvfb.display, SAVER_SECONDS)
    probe = XScreenSaverProbe(xvfb.display)
    with (
        private_session_bus(tmp_path / "bus") as address,
        fake_screen_saver(address, tmp_path) as service,
    ):
        env = app_env(
            tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=xvfb.display, DBUS_SESSION_BUS_ADDRESS=address
        )
        driver = Driver(env, tmp_path / "app.log")
        try:
            driver.until("holding")
            subprocess.run(["xset", "-display", xvfb.display, "s", "reset"], check=True)
            assert stays_off(probe, SAVER_SECONDS + 1)
            cookie = service.calls("Inhibit")[0]["cookie"]
            driver.process.send_signal(signal.SIGKILL)  # no UnInhibit, no goodbye
            driver.process.wait(timeout=10)
            records = service.wait_for(lambda r: any(x.get("event") == "vanished" for x in r))
            vanished = next(x for x in records if x.get("event") == "vanished")
            assert vanished["dropped"] == [cookie]
            assert not service.calls("UnInhibit")
            assert comes_on(probe, SAVER_SECONDS + 3), "the X screen saver stayed suspended"
        finally:
            driver.stop()
            probe.close()


@pytest.mark.dbus
@pytest.mark.parametrize("bus", ["refusing service", "no bus at all"])
def test_a_refused_inhibit_is_said_once_in_the_console_and_the_run_goes_on(
    tmp_path: Path, bus: str
) -> None:
    with (
        private_session_bus(tmp_path / "bus") as address,
        fake_screen_saver(address, tmp_path, refuse=True) as service,
    ):
        if bus == "no bus at all":
            address = f"unix:path={tmp_path}/no-bus-here"
        env = app_env(tmp_path, QT_QPA_PLATFORM="offscreen", DBUS_SESSION_BUS_ADDRESS=address)
        driver = Driver(env, tmp_path / "app.log")
        try:
            refused = driver.until("refused")
            said = [text for text in refused["notices"] if "screen may blank" in text]
            assert len(said) == 1, refused["notices"]
            expected = "did not agree" if bus == "refusing service" else "no D-Bus session bus"
            assert expected in said[0]
            if bus == "refusing service":
                assert service.calls("Inhibit")[0]["refused"] is True
            driver.send("end")
            driver.until("ended")
            driver.send("start")
            driver.until("refused")
            driver.send("report")
            report = driver.until("report")
            assert report["state"] == "running"
            assert len([t for t in report["notices"] if "screen may blank" in t]) == 1
        finally:
            driver.stop()
