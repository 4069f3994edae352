"""The run clock of each system keeps counting while the machine sleeps (the platform faked)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import pytest

from facilitator.core.timing import clock as clock_module
from facilitator.core.timing.clock import system_clock

if TYPE_CHECKING:
    from collections.abc import Callable


class FakeClockGettime:
    """`time.clock_gettime` of a system where only some clock ids exist."""

    def __init__(self, seconds: dict[int, float]) -> None:
        self.seconds = seconds
        self.asked: list[int] = []

    def __call__(self, clock_id: int) -> float:
        self.asked.append(clock_id)
        if clock_id not in self.seconds:
            raise OSError(22, "Invalid argument")
        return self.seconds[clock_id]


@pytest.fixture
def gettime(monkeypatch: pytest.MonkeyPatch) -> FakeClockGettime:
    fake = FakeClockGettime({7: 5000.0, 6: 700.0})
    monkeypatch.setattr(time, "clock_gettime", fake)
    monkeypatch.setattr(time, "CLOCK_BOOTTIME", 7, raising=False)
    monkeypatch.setattr(time, "CLOCK_MONOTONIC", 6, raising=False)
    return fake


def test_linux_runs_on_clock_boottime(gettime: FakeClockGettime) -> None:
    clock = system_clock("linux")
    assert clock() == 5000.0
    gettime.seconds[7] = 5600.0  # ten minutes with the lid closed: BOOTTIME counted them
    assert clock() == 5600.0
    assert set(gettime.asked) == {7}


def test_linux_without_boottime_falls_back_to_time_monotonic(
    gettime: FakeClockGettime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(time, "CLOCK_BOOTTIME")
    assert system_clock("linux") is time.monotonic


def test_a_kernel_that_refuses_boottime_falls_back_to_time_monotonic(
    gettime: FakeClockGettime,
) -> None:
    del gettime.seconds[7]
    assert system_clock("linux") is time.monotonic


def test_macos_runs_on_clock_monotonic_not_time_monotonic(gettime: FakeClockGettime) -> None:
    # time.monotonic() reads mach_absolute_time() on macOS, which stops while it sleeps;
    # clock_gettime(CLOCK_MONOTONIC) counts on.
    clock = system_clock("darwin")
    assert clock is not time.monotonic
    assert clock() == 700.0
    gettime.seconds[6] = 1300.0
    assert clock() == 1300.0
    assert set(gettime.asked) == {6}


class FakeKernel32:
    """kernel32 with the interrupt-time calls a Windows version has, counting in 100 ns."""

    def __init__(self, *calls: str) -> None:
        self.units = 12_345_678_900
        self.called: list[str] = []
        for name in calls:
            setattr(self, name, self._call(name))

    def _call(self, name: str) -> Callable[[Any], None]:
        def query(pointer: Any) -> None:
            self.called.append(name)
            pointer.contents.value = self.units

        return query


@pytest.mark.parametrize(
    ("calls", "used"),
    [
        (("QueryInterruptTimePrecise", "QueryInterruptTime"), "QueryInterruptTimePrecise"),
        (("QueryInterruptTime",), "QueryInterruptTime"),
    ],
)
def test_windows_runs_on_the_interrupt_time_which_counts_sleep(
    monkeypatch: pytest.MonkeyPatch, calls: tuple[str, ...], used: str
) -> None:
    kernel32 = FakeKernel32(*calls)
    monkeypatch.setattr(clock_module, "_load_kernel32", lambda: kernel32)
    clock = system_clock("win32")
    assert clock() == pytest.approx(1234.56789)
    kernel32.units += 600 * 10_000_000  # ten minutes asleep: interrupt time counted them
    assert clock() == pytest.approx(1834.56789)
    assert set(kernel32.called) == {used}


def test_windows_never_uses_the_unbiased_interrupt_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # QueryUnbiasedInterruptTime leaves sleep out: a clock on it would land where it stopped.
    kernel32 = FakeKernel32("QueryUnbiasedInterruptTime", "QueryUnbiasedInterruptTimePrecise")
    monkeypatch.setattr(clock_module, "_load_kernel32", lambda: kernel32)
    assert system_clock("win32") is time.monotonic
    assert not kernel32.called


def test_windows_without_kernel32_falls_back_to_time_monotonic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(clock_module, "_load_kernel32", lambda: None)
    assert system_clock("win32") is time.monotonic


def test_another_system_runs_on_time_monotonic() -> None:
    assert system_clock("freebsd14") is time.monotonic


def test_this_machine_has_a_clock_that_moves_forward() -> None:
    clock = system_clock()
    first = clock()
    assert clock() >= first
