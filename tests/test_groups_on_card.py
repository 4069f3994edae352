"""Groups on the card page with the run, and every name of a page in one size (issue 12, 10).

The pages used to turn every 8 real seconds whatever the rehearsal speed, so at 10x some
pairs were never shown before their round began; and each name was shrunk on its own, so one
long name was tiny beside the others. Offscreen, with a hand-moved run clock: no real time
passes here, so any page that turns, turns with the run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from facilitator.core.groups.rounds import PAGE_SECONDS, page_at
from facilitator.core.timing.events import RunState
from facilitator.core.timing.timeline import SegmentKind

if TYPE_CHECKING:
    from tests.app_harness import Harness

NAMES = [f"Participant {number:02d}" for number in range(1, 61)]
"""Sixty names: thirty pairs, three pages of groups."""


def _start_with_names(harness: Harness, names: list[str], speed: float = 1.0) -> None:
    assert harness.app.start_run("impromptu-networking", speed=speed)
    panel = harness.app.plan_actions.groups_panel
    panel.names_edit.setPlainText("\n".join(names))
    panel.apply_button.click()
    harness.app.run.start()
    harness.advance(120)  # the invitation: now the change-over before round 1


def _page(harness: Harness) -> tuple[int, int]:
    groups = harness.app.presenter.content.groups
    assert groups is not None, "the card shows the groups at the change-over"
    return groups.page, groups.pages


def _shown_names(harness: Harness) -> set[str]:
    return set(harness.card_texts()) & set(NAMES)


@pytest.mark.parametrize("speed", [1.0, 10.0, 60.0])
def test_every_group_is_shown_within_the_change_over_at_any_speed(
    harness: Harness, speed: float
) -> None:
    _start_with_names(harness, NAMES, speed)
    status = harness.app.run.status()
    assert status.segment.kind is SegmentKind.TRANSITION
    change_over = round(status.duration)
    seen: set[str] = set()
    pages: list[int] = []
    for _second in range(change_over):
        if harness.app.run.status().segment.kind is not SegmentKind.TRANSITION:
            break
        pages.append(_page(harness)[0])
        seen |= _shown_names(harness)
        harness.advance(1)
    assert set(pages) == {1, 2, 3}
    assert seen == set(NAMES), "every pair saw its group before the round began"
    first_shown = [pages.index(page) for page in (1, 2, 3)]
    assert first_shown == sorted(first_shown), "the pages come in order"


def test_the_pages_stand_still_while_the_run_is_paused(harness: Harness) -> None:
    _start_with_names(harness, NAMES)
    harness.advance(PAGE_SECONDS)
    assert _page(harness) == (2, 3)
    harness.app.run.pause()
    harness.wall.now += 600  # ten minutes of talk with the clock stopped
    harness.app.run.poll()
    assert harness.app.run.status().state is RunState.PAUSED
    assert _page(harness) == (2, 3)


def test_n_still_turns_a_page_by_hand_and_the_run_goes_on_from_there(harness: Harness) -> None:
    _start_with_names(harness, NAMES)
    assert _page(harness) == (1, 3)
    harness.app.plan_actions.next_groups_page.trigger()
    assert _page(harness) == (2, 3)
    harness.advance(PAGE_SECONDS)
    assert _page(harness) == (3, 3)


def test_a_page_lasts_a_few_seconds_and_all_pages_fit_the_segment() -> None:
    # A long change-over: a page every PAGE_SECONDS, round and round.
    assert [page_at(t, 120, 3) for t in (0, PAGE_SECONDS, 2 * PAGE_SECONDS, 3 * PAGE_SECONDS)] == [
        1,
        2,
        3,
        1,
    ]
    # A change-over too short for that: the pages share it, each shown once.
    assert [page_at(t, 12, 4) for t in (0, 3, 6, 9, 11.9)] == [1, 2, 3, 4, 4]
    assert page_at(0, 0, 2) == 1
    assert page_at(5, 60, 1) == 1


def test_every_name_on_a_page_of_groups_has_one_size(harness: Harness) -> None:
    long_name = "Maximiliaan van Oldenbarnevelt-Teixeira de Albuquerque"
    names = [*NAMES[:23], long_name]
    _start_with_names(harness, names)
    harness.card_texts()
    painted = [p for p in harness.app.card.canvas.painted if p.text in names]
    assert {p.text for p in painted} == set(names)
    sizes = {p.pixel_size for p in painted}
    assert len(sizes) == 1, f"names drawn at sizes {sorted(sizes)}"
    from facilitator.ui.text_fitting import text_fits

    for p in painted:
        font = harness.app.card.canvas.font()
        font.setPixelSize(p.pixel_size)
        assert text_fits(p.text, font, p.rect.width(), p.rect.height(), 0x1000), p.text
