"""A plan runs as ONE session: the card follows its items, the agenda says ahead or behind.

The run clock and the wall clock are moved by hand. In a rehearsal at 10x speed ten
run seconds pass for every wall second, and plan time runs at the rehearsal's pace:
a pause of 12 wall seconds is a pause of two minutes in front of the room.
"""

from __future__ import annotations

from datetime import datetime

from facilitator.core.timing.events import RunState
from tests.app_harness import Harness, build_harness

SPEED = 10.0


def rehearse(harness: Harness, run_seconds: float, speed: float = SPEED) -> None:
    """Let `run_seconds` of the rehearsal pass (a tenth of that on the wall at 10x)."""
    harness.clock.advance(run_seconds)
    harness.wall.now += run_seconds / speed
    harness.app.run.poll()


def _pace(harness: Harness) -> str:
    return harness.app.plan_actions.agenda_panel.pace.text()


def _finish(harness: Harness) -> str:
    return harness.app.plan_actions.agenda_panel.finish.text()


def test_a_plan_runs_as_one_session_and_the_card_shows_the_current_item(
    harness: Harness,
) -> None:
    app = harness.app
    assert app.start_plan("network-check-up", start_time="09:00", speed=SPEED)
    session = app.run.session
    assert session.spec.kind == "plan"
    assert len(session.timeline.sections) == 4
    assert app.console.pages.currentWidget() is app.run_page
    panel = app.plan_actions.agenda_panel
    assert panel.isVisible()
    texts = panel.texts()
    assert texts[:3] == ["09:00–09:05", "Welcome", "09:00"]
    assert "09:47–09:50" in texts
    assert "Close" in texts
    app.run.start()
    assert "Welcome" in harness.card_texts()
    rehearse(harness, 300)  # the welcome is over: the harvest begins
    card = harness.card_texts()
    assert "Network Benefits Harvest  ·  Alone, in silence" in card
    assert "▶ Network Benefits Harvest" in panel.texts()
    assert "✓ Welcome" in panel.texts()
    assert "Whole plan:" in app.run_page.total.text()
    # The plan's title heads the page once; the subtitle does not repeat it.
    assert app.run_page.title.text() == "Network check-up"
    assert app.run_page.subtitle.text() == f"rehearsal at {SPEED:g}x speed"


def test_pausing_two_minutes_puts_a_rehearsal_two_minutes_behind(harness: Harness) -> None:
    app = harness.app
    assert app.start_plan("network-check-up", start_time="09:00", speed=SPEED)
    assert _pace(harness) == "on time"
    app.run.start()
    rehearse(harness, 400)
    assert _pace(harness) == "on time"
    assert _finish(harness) == "Planned finish 09:50 · expected 09:50"
    app.run.pause()
    harness.wall.now += 12  # two minutes of plan time at 10x
    harness.app.run.poll()
    assert _pace(harness) == "2 min behind"
    assert _finish(harness) == "Planned finish 09:50 · expected 09:52"
    coming = app.agenda.status.rows[-1]
    assert coming.projected_start is not None
    assert coming.projected_start.strftime("%H:%M") == "09:49"  # Close, planned 09:47
    app.run.start()
    rehearse(harness, 600)
    assert _pace(harness) == "2 min behind"  # running at the planned pace keeps the gap
    app.run.next()  # 20 s early: still 1 min 40 s behind
    assert _pace(harness) == "2 min behind"
    app.run.next()  # skipping an 8-minute step puts the plan ahead
    assert _pace(harness) == "6 min ahead"


def test_moving_on_early_puts_the_plan_ahead(harness: Harness) -> None:
    app = harness.app
    assert app.start_plan("network-check-up", start_time="09:00", speed=SPEED)
    app.run.start()
    rehearse(harness, 60)
    app.run.next()  # the welcome ends four minutes early
    assert _pace(harness) == "4 min ahead"
    assert _finish(harness) == "Planned finish 09:50 · expected 09:46"


def test_a_real_session_follows_the_wall_clock_and_a_late_start_is_behind(
    harness: Harness,
) -> None:
    app = harness.app
    started = datetime.fromtimestamp(harness.wall.now)
    planned = started.replace(second=0, microsecond=0)
    clock = planned.strftime("%H:%M")
    assert app.start_plan("network-kick-off", start_time=clock)
    harness.wall.now += 180 - started.second  # three minutes past the planned start
    app.run.start()
    harness.app.run.poll()
    assert _pace(harness) == "3 min behind"


def test_without_a_start_time_the_plan_counts_from_the_first_start(harness: Harness) -> None:
    app = harness.app
    assert app.start_plan("network-kick-off")
    assert app.run.session.spec.start_time is None
    assert _pace(harness) == "Starts when you press Start"
    harness.wall.now += 600  # the room fills slowly: that is no delay
    app.run.start()
    assert _pace(harness) == "on time"
    assert app.agenda.planned_start == datetime.fromtimestamp(harness.wall.now)


def test_a_plan_session_resumes_after_a_crash_with_its_agenda(qtbot) -> None:
    first = build_harness(qtbot)
    assert first.app.start_plan("network-check-up", start_time="09:00", speed=SPEED)
    first.app.run.start()
    rehearse(first, 400)
    first.app.run.pause()
    first.wall.now += 12
    first.app.run.poll()
    first.app.run.start()
    rehearse(first, 100)
    assert _pace(first) == "2 min behind"
    qtbot.waitUntil(lambda: first.app.store.load().sequencer["index"] > 0, timeout=2000)
    index = first.app.run.status().index
    # The laptop dies; a new app on the same data and wall clock offers to resume it.
    second = build_harness(qtbot, wall=first.wall)
    second.app.offer_resume()
    [offer] = [n for n in second.app.notices.notices if n.key == "resume"]
    assert "Network check-up" in offer.text
    offer.action()
    session = second.app.run.session
    assert session.spec.kind == "plan"
    assert len(session.timeline.sections) == 4
    status = second.app.run.status()
    assert status.state is RunState.RUNNING
    assert status.index == index
    assert second.app.agenda.planned_start == first.app.agenda.planned_start
    assert _pace(second) == "2 min behind"
    assert "Network Benefits Harvest" in " ".join(second.card_texts())


def test_an_unsaved_plan_runs_as_edited_and_resumes_from_its_record(qtbot) -> None:
    first = build_harness(qtbot)
    plans = first.app.plans
    plans.new_plan("Just for today")
    plans.add_free("Hello", 2)
    plans.add_structure("1-2-4-all")
    assert first.app.plan_actions.start_plan(speed=SPEED)
    assert first.app.run.session.spec.plan is not None
    first.app.run.start()
    rehearse(first, 130)
    qtbot.waitUntil(lambda: first.app.store.load().sequencer["index"] > 0, timeout=2000)
    second = build_harness(qtbot, wall=first.wall)
    second.app.offer_resume()
    [offer] = [n for n in second.app.notices.notices if n.key == "resume"]
    offer.action()
    assert second.app.run.session.timeline.sections[0].title == "Hello"
    assert second.app.run.status().index == first.app.run.status().index


def _run_to(harness: Harness, index: int, speed: float) -> None:
    """Rehearse until one second into segment `index`."""
    session = harness.app.run.session
    elapsed = session.timeline.total_seconds - harness.app.run.status().total_remaining
    rehearse(harness, session.timeline.segments[index].start_seconds + 1 - elapsed, speed)
    assert harness.app.run.status().index == index


def test_done_when_a_90_minute_plan_with_groups_is_built_fitted_run_and_printed(
    harness: Harness, qtbot, tmp_path
) -> None:
    from PySide6.QtCore import QTime

    from facilitator.core.groups.planning import GroupMode
    from facilitator.core.groups.scheduler import count_meetings

    app = harness.app
    page = app.plan_actions.plan_page
    app.console.show_browse_tab(page)
    # Build: three structures and a break, then fit the plan into 90 minutes.
    page.new_button.click()
    for structure_id in ("impromptu-networking", "1-2-4-all", "social-network-webbing"):
        page.structure_choice.setCurrentIndex(page.structure_choice.findData(structure_id))
        page.add_structure_button.click()
    page.free_title.setText("Coffee")
    page.free_minutes.setValue(15)
    page.add_break_button.click()
    page.select(3)
    page.up_button.click()
    page.up_button.click()  # the break after Impromptu Networking
    page.start_time.setTime(QTime(13, 30))
    page.fit_minutes.setValue(90)
    page.fit_button.click()
    assert page.total.text() == "Total 1 h 30 min · ends at 15:00"
    # The sheet prints.
    sheet = tmp_path / "afternoon.pdf"
    app.plan_actions.choose_save_path = lambda *_args: sheet
    page.sheet_button.click()
    assert sheet.read_bytes().startswith(b"%PDF")
    # Start it at rehearsal speed, and paste 24 names.
    speed = 60.0
    page.speed.setCurrentIndex(page.speed.findData(speed))
    page.start_button.click()
    assert app.run.session.spec.speed == speed
    assert app.run.session.spec.start_time == "13:30"
    names = [f"Guest {number:02d}" for number in range(1, 25)]
    panel = app.plan_actions.groups_panel
    panel.names_edit.setPlainText("\n".join(names))
    panel.apply_button.click()
    # In 1-2-4-All people pair up with a neighbour: no groups for that step.
    [pairs_key] = [key for key in panel.mode_choice if key.endswith("-pairs")]
    choice = panel.mode_choice[pairs_key]
    choice.setCurrentIndex(choice.findData(GroupMode.OWN))
    planned = app.groups.planned_rounds()
    sizes = [(p.round.step.shape.value, len(p.groups)) for p in planned]
    assert sizes == [("pairs", 12)] * 3 + [("foursomes", 6)]
    assert max(count_meetings(p.groups for p in planned).values()) == 1
    # Run it: each round of pairs shows its groups on the card at its change-over.
    app.run.start()
    assert _pace(harness) == "on time"
    for round_ in planned[:3]:
        _run_to(harness, round_.round.first_index, speed)
        card = set(harness.card_texts())
        assert set(names) <= card
        assert "Find your group" in card
    # A two-minute pause during the break: the plan runs two minutes behind.
    _run_to(harness, app.run.session.timeline.sections[1].first_index, speed)
    app.run.pause()
    harness.wall.now += 120 / speed
    app.run.poll()
    assert _pace(harness) == "2 min behind"
    assert _finish(harness) == "Planned finish 15:00 · expected 15:02"
    app.run.start()
    # The foursomes: shown with the G key from the step before.
    foursomes = planned[3].round
    _run_to(harness, foursomes.first_index - 1, speed)
    app.plan_actions.show_groups.trigger()
    assert app.presenter.content.groups.groups == planned[3].groups
    assert set(names) <= set(harness.card_texts())
    # On to the end, at the planned pace.
    rehearse(harness, app.run.status().total_remaining, speed)
    assert app.run.status().state is RunState.FINISHED
    assert _pace(harness) == "2 min behind"
    rehearse(harness, 600, speed)  # the agenda keeps the finish as it was
    assert _finish(harness) == "Planned finish 15:00 · expected 15:02"
    assert "Finished. Thank you!" in harness.card_texts()
