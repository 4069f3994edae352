"""Phases in the windows: the card names who acts, the console what comes next, the library
chooses the group size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLayout

from facilitator.core.timing.events import RunState

if TYPE_CHECKING:
    from tests.app_harness import Harness

CONFER = "The consultants talk together; the client listens with their back turned."


def _texts(layout: QLayout) -> list[str]:
    """The texts of the labels in a layout."""
    found = []
    for index in range(layout.count()):
        widget = layout.itemAt(index).widget()
        if isinstance(widget, QLabel):
            found.append(widget.text())
    return found


def _index(harness: Harness, round_number: int, phase_id: str) -> int:
    timeline = harness.app.run.session.timeline
    return next(
        s.index for s in timeline.segments if s.round == round_number and s.phase_id == phase_id
    )


def test_the_card_shows_who_acts_in_each_phase_and_where_the_round_stands(
    harness: Harness,
) -> None:
    assert harness.app.start_run("troika-consulting")
    harness.app.run.start()
    harness.app.run.jump(_index(harness, 2, "confer"))
    texts = harness.card_texts()
    assert CONFER in texts
    assert "Round 2 of 3, step 3 of 4" in texts
    assert (
        "What do you see that the client may be missing?\n\n"
        "Which ideas or first steps would you suggest?" in texts
    )
    assert "The client explains the challenge and the help wanted; the consultants listen." not in (
        texts
    )
    page = harness.app.run_page
    assert page.next.text() == "Next step: The client responds (1 min)"
    assert page.now_detail.text() == (
        "Round 2 of 3, step 3 of 4  ·  The consultants confer  ·  The consultants"
    )


def test_the_client_turning_their_back_is_marked_by_its_own_soft_strike(
    harness: Harness,
) -> None:
    assert harness.app.start_run("troika-consulting")
    harness.app.run.start()
    harness.app.run.jump(_index(harness, 1, "clarify"))
    harness.player.played.clear()
    harness.advance(2 * 60)  # the clarifying questions end: the client turns around
    assert harness.player.played == ["strike"]
    assert CONFER in harness.card_texts()
    harness.advance(4 * 60)
    assert harness.player.played == ["strike", "chime"]
    assert "Round 1 of 3, step 4 of 4" in harness.card_texts()


def test_the_card_speaks_dutch_in_a_dutch_run(harness: Harness) -> None:
    harness.app.preferences.update(language="nl")
    assert harness.app.start_run("troika-consulting", language="nl")
    harness.app.run.start()
    harness.app.run.jump(_index(harness, 2, "confer"))
    texts = harness.card_texts()
    assert "De adviseurs praten met elkaar; de klant luistert met de rug naar hen toe." in texts
    assert "Ronde 2 van 3, stap 3 van 4" in texts


def test_the_library_chooses_the_group_size_and_the_run_follows_it(harness: Harness) -> None:
    page = harness.app.library_page
    page.search.setText("wise crowds")
    assert page.visible_ids() == ["wise-crowds"]
    details = page.details
    assert not details.group_size.isHidden()
    assert (details.group_size.minimum(), details.group_size.maximum()) == (4, 5)
    assert details.group_size.value() == 4
    assert details.meta.text().startswith("1 h")
    assert "3. The consultants advise  ·  8 min  ·  The consultants" in _texts(details.steps)
    details.group_size.setValue(5)
    assert any("5 rounds" in text for text in _texts(details.steps))
    preview = harness.app.structure_choice.preview
    assert preview is not None
    assert preview.timeline.total_seconds == 75 * 60
    assert details.meta.text().startswith("1 h 15 min")
    assert details.fit_minutes.value() == 75
    details.start.click()
    session = harness.app.run.session
    assert session is not None
    assert session.spec.group_size == 5
    assert session.timeline.total_seconds == 75 * 60
    assert harness.app.run.status().state is RunState.READY


def test_the_group_size_shows_only_for_structures_that_follow_the_group(
    harness: Harness,
) -> None:
    page = harness.app.library_page
    page.select("1-2-4-all")
    assert page.selected is not None
    assert page.selected.id == "1-2-4-all"
    assert page.details.group_size.isHidden()
    page.select("conversation-cafe")
    assert not page.details.group_size.isHidden()
    assert page.details.group_size.maximum() == 7
