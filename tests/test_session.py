"""The running session's crash record: saved on change, resumed by the wall clock."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from facilitator.core.sessions.record import Session, SessionRecordError, SessionSpec, SessionStore
from facilitator.core.timing.clock import FakeClock
from facilitator.core.timing.events import RunState
from tests.factories import timeline

if TYPE_CHECKING:
    from pathlib import Path


class Wall:
    """A fake wall clock."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def _session(store: SessionStore, clock: FakeClock, wall: Wall, speed: float = 1.0) -> Session:
    spec = SessionSpec("structure", "pairs-test", "en", speed=speed)
    return Session.start_new(spec, timeline(), clock, store=store, wall=wall)


def test_a_session_resumes_where_the_wall_clock_says(user_data_dir: Path) -> None:
    store, clock, wall = SessionStore(), FakeClock(), Wall()
    session = _session(store, clock, wall)
    session.sequencer.start()
    clock.advance(150)
    session.sequencer.update()
    session.save()
    wall.now += 100  # the laptop was off for 100 s; the room went on
    saved = store.load()
    assert saved is not None
    assert saved.title == "Pairs test"
    resumed = Session.resume(saved, timeline(), FakeClock(42), store=store, wall=wall)
    assert resumed.sequencer.index == 2  # 250 s in: the first turn runs from 180 to 300
    assert resumed.sequencer.remaining() == pytest.approx(300 - 250)


def test_a_rehearsal_catches_up_at_its_own_speed(user_data_dir: Path) -> None:
    store, clock, wall = SessionStore(), FakeClock(), Wall()
    session = _session(store, clock, wall, speed=10)
    session.sequencer.start()
    session.save()
    wall.now += 10  # ten real seconds are a hundred run seconds
    resumed = Session.resume(store.load(), timeline(), FakeClock(), store=store, wall=wall)
    assert resumed.sequencer.remaining() == pytest.approx(20)


def test_a_finished_session_leaves_no_record(user_data_dir: Path) -> None:
    store, clock, wall = SessionStore(), FakeClock(), Wall()
    session = _session(store, clock, wall)
    session.sequencer.start()
    session.save()
    assert store.load() is not None
    clock.advance(10_000)
    session.sequencer.update()
    assert session.sequencer.state is RunState.FINISHED
    session.save()
    assert store.load() is None


def test_a_damaged_record_is_refused_clearly(user_data_dir: Path) -> None:
    store = SessionStore()
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"record_version": 1, "spec": {}}')
    with pytest.raises(SessionRecordError, match="damaged"):
        store.load()


def test_a_failed_save_is_reported_once_and_never_raises(user_data_dir: Path) -> None:
    messages: list[str] = []
    store, clock, wall = SessionStore(on_error=messages.append), FakeClock(), Wall()
    store.path.mkdir(parents=True)  # something in the way
    session = _session(store, clock, wall)
    session.sequencer.start()
    session.save()
    session.save()
    assert len(messages) == 1
    assert "could not be saved" in messages[0]


def test_a_save_that_works_again_clears_the_failure(user_data_dir: Path) -> None:
    failures: list[str] = []
    recoveries: list[bool] = []
    store = SessionStore(on_error=failures.append, on_recovered=lambda: recoveries.append(True))
    blocker = store.path
    blocker.mkdir(parents=True)
    session = _session(store, FakeClock(), Wall())
    session.save()
    blocker.rmdir()
    session.save()
    session.save()
    assert len(failures) == 1
    assert recoveries == [True]
    assert store.load() is not None
