"""Stale and future crash records: offered for what they are, never as a plain "resume".

A crash record from yesterday (or from 2001) used to be offered as "interrupted, resume it
where it stands now?" with no age, and accepting it showed a finished run; a record dated
in the future resumed as if no time had passed. Now the offer says when the session was
interrupted and where it would land; a session whose end has passed is offered as
finished, with its log to look at or to discard; and a record from the future, which
cannot be trusted, is offered only to start again from the beginning.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

import pytest

from facilitator.core.timing.events import RunState
from facilitator.ui.prompts import Choice
from tests.app_harness import Harness, build_harness

if TYPE_CHECKING:
    from pathlib import Path

    from facilitator.models.notices import Notice

STRUCTURE = "impromptu-networking"
DAY = 86_400.0


def _clock(moment: float) -> str:
    return time.strftime("%H:%M", time.localtime(moment))


def _interrupted_at(qtbot, seconds_in: float, *, pause: bool = False) -> tuple[Harness, float]:
    """A copy that ran `seconds_in` into the structure and then died: its record stays."""
    first = build_harness(qtbot)
    assert first.app.start_run(STRUCTURE)
    first.app.run.start()
    while seconds_in > 0:  # segment by segment, as the run goes
        step = min(seconds_in, 30.0)
        first.advance(step)
        seconds_in -= step
    if pause:
        first.app.run.pause()
    qtbot.waitUntil(lambda: first.app.store.load().saved_at == first.wall.now, timeout=2000)
    return first, first.wall.now


def _offer(harness: Harness) -> Notice:
    harness.app.offer_resume()
    [offer] = [n for n in harness.app.notices.notices if n.key.startswith("resume")]
    return offer


def _restarted_later(qtbot, first: Harness, seconds: float) -> Harness:
    second = build_harness(qtbot, wall=type(first.wall)())
    second.wall.now = first.wall.now + seconds
    return second


def test_a_recent_record_says_when_it_was_interrupted_and_where_it_lands(qtbot) -> None:
    first, saved_at = _interrupted_at(qtbot, 200)  # round 1, first turn (180-300)
    second = _restarted_later(qtbot, first, 30)
    offer = _offer(second)
    assert offer.text == (
        f"The session \u201cImpromptu Networking\u201d was interrupted at {_clock(saved_at)}. "
        "Resume it where it stands now: \u201cConversations in pairs\u201d, Round 1 of 3, "
        "speaking turn, 1:10 left?"
    )
    assert offer.action_label == "Resume"
    offer.action()
    status = second.app.run.status()
    assert (status.state, status.index) == (RunState.RUNNING, 2)
    assert status.remaining == pytest.approx(70)


def test_a_record_from_yesterday_is_finished_with_its_log_to_view_or_discard(qtbot) -> None:
    first, saved_at = _interrupted_at(qtbot, 200)
    record = first.app.store.path
    second = _restarted_later(qtbot, first, DAY)
    offer = _offer(second)
    ends_at = saved_at + (1200 - 200)
    assert offer.text == (
        f"The session \u201cImpromptu Networking\u201d was interrupted yesterday at "
        f"{_clock(saved_at)} and would have finished yesterday at {_clock(ends_at)}: there "
        "is nothing left to resume."
    )
    assert offer.action_label == "View its log\u2026"
    second.prompts.review_answer = Choice.LATER
    offer.action()
    [(text, log)] = second.prompts.reviewed
    assert text == offer.text
    assert log[0].endswith("\u201cThe invitation\u201d")
    assert any(
        "\u201cConversations in pairs\u201d, Round 1 of 3, change-over" in line for line in log
    )
    assert log[-2].endswith("interrupted")
    assert log[-1].endswith("it would have finished")
    assert second.app.run.session is None, "nothing was resumed"
    assert record.exists(), "kept for later"
    again = [n for n in second.app.notices.notices if n.key == "resume"]
    assert len(again) == 1, "offered again"
    second.prompts.review_answer = Choice.DISCARD
    again[0].action()
    assert not record.exists()
    assert not [n for n in second.app.notices.notices if n.key == "resume"]


def test_a_record_from_2001_says_its_date(qtbot, user_data_dir: Path) -> None:
    first, _saved_at = _interrupted_at(qtbot, 200)
    record = first.app.store.path
    data = json.loads(record.read_text(encoding="utf-8"))
    data["saved_at"] = 1_000_000_000.0  # 9 September 2001
    record.write_text(json.dumps(data), encoding="utf-8")
    second = _restarted_later(qtbot, first, 0)
    offer = _offer(second)
    assert " was interrupted on " in offer.text
    assert "2001" in offer.text
    assert "there is nothing left to resume" in offer.text
    assert offer.action_label == "View its log\u2026"


def test_a_paused_session_from_yesterday_resumes_paused_where_it_was(qtbot) -> None:
    first, saved_at = _interrupted_at(qtbot, 200, pause=True)
    second = _restarted_later(qtbot, first, DAY)
    offer = _offer(second)
    assert offer.text == (
        f"The session \u201cImpromptu Networking\u201d was interrupted yesterday at "
        f"{_clock(saved_at)} while paused in \u201cConversations in pairs\u201d, Round 1 of 3, "
        "speaking turn (1:40 left). Resume it there, paused?"
    )
    offer.action()
    status = second.app.run.status()
    assert (status.state, status.index) == (RunState.PAUSED, 2)
    assert status.remaining == pytest.approx(100)


def test_a_record_from_the_future_is_only_offered_to_start_again(qtbot) -> None:
    first, saved_at = _interrupted_at(qtbot, 200)
    record = first.app.store.path
    second = _restarted_later(qtbot, first, -DAY)  # the clock went back a day
    offer = _offer(second)
    assert offer.text == (
        f"The session \u201cImpromptu Networking\u201d has a record dated tomorrow at "
        f"{_clock(saved_at)}, later than now: the computer's clock was changed, so where it "
        "stands cannot be known. Start it again from the beginning?"
    )
    assert offer.action_label == "Start again"
    offer.action()
    status = second.app.run.status()
    assert status.state is RunState.READY, "a fresh start, not a resumed run"
    assert status.index == 0
    assert second.app.run.session.spec.item_id == STRUCTURE
    assert not record.exists(), "the untrustworthy record is gone"


def test_a_record_with_an_impossible_speed_is_refused_in_one_line(qtbot) -> None:
    first, _saved_at = _interrupted_at(qtbot, 200)
    record = first.app.store.path
    data = json.loads(record.read_text(encoding="utf-8"))
    data["spec"]["speed"] = 1e-300
    record.write_text(json.dumps(data), encoding="utf-8")
    second = _restarted_later(qtbot, first, 30)
    offer = _offer(second)
    assert offer.text.startswith("An interrupted session could not be resumed: ")
    assert "speed" in offer.text
    assert offer.action is None
