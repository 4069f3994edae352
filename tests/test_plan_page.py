"""The Plans tab: build a plan, see its clock times and total, fit it, save it and open it again.

Offscreen, with the real built-in library and a private user library per test.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime

from facilitator.core.documents.library import load_library
from facilitator.core.files.jsonio import SaveError
from facilitator.core.plans.format import FreeItem, StructureItem

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from facilitator.ui.plan_page import PlanPage
    from tests.app_harness import Harness


def _build_ninety_minute_plan(page: PlanPage) -> None:
    """Impromptu Networking, a break, 1-2-4-All and Social Network Webbing: 107 min as built."""
    page.new_button.click()
    page.title.setText("Kick-off afternoon")
    page.title.editingFinished.emit()
    for structure_id in ("impromptu-networking", "1-2-4-all"):
        page.structure_choice.setCurrentIndex(page.structure_choice.findData(structure_id))
        page.add_structure_button.click()
    page.free_title.setText("Coffee")
    page.free_minutes.setValue(15)
    page.add_break_button.click()
    page.select(2)
    page.up_button.click()  # the break goes between the two structures
    page.structure_choice.setCurrentIndex(page.structure_choice.findData("social-network-webbing"))
    page.add_structure_button.click()
    page.start_time.setTime(QTime(13, 30))


def test_the_plans_tab_lists_the_built_in_plans_beside_the_library(harness: Harness) -> None:
    page = harness.show_plans_tab()
    console = harness.app.console
    assert console.browse_tabs.indexOf(harness.app.library_page) == 0
    assert console.browse_tabs.currentWidget() is page
    assert {"network-kick-off", "network-check-up", "meet-strangers-then-mingle"} <= set(
        page.plan_ids()
    )


def test_a_plan_shows_each_items_clock_time_and_the_total(harness: Harness) -> None:
    page = harness.show_plans_tab()
    page.open_plan("network-check-up")
    page.start_time.setTime(QTime(9, 30))
    assert page.row_texts() == [
        ["09:30–09:35", "Welcome", "5 min"],
        ["09:35–10:02", "Network Benefits Harvest", "27 min"],
        ["10:02–10:17", "1-2-4-All", "15 min"],
        ["10:17–10:20", "Close", "3 min"],
    ]
    assert page.total.text() == "Total 50 min · ends at 10:20"
    page.start_time.setTime(QTime(23, 50))  # the clock times cross midnight
    assert page.row_texts()[-1][0] == "00:37–00:40"


def test_building_reordering_and_fitting_a_plan_into_90_minutes(harness: Harness) -> None:
    page = harness.show_plans_tab()
    _build_ninety_minute_plan(page)
    titles = [row[1] for row in page.row_texts()]
    assert titles == [
        "Impromptu Networking",
        "Coffee (break)",
        "1-2-4-All",
        "Social Network Webbing",
    ]
    assert page.total.text() == "Total 1 h 47 min · ends at 15:17"
    page.fit_minutes.setValue(90)
    page.fit_button.click()
    assert page.fit_message.text() == ""
    assert page.total.text() == "Total 1 h 30 min · ends at 15:00"
    rows = page.row_texts()
    assert rows[1][1:] == ["Coffee (break)", "15 min"]  # a break keeps its length
    assert rows[0][0].startswith("13:30")
    assert rows[-1][0].endswith("15:00")
    for before, after in itertools.pairwise(rows):  # each item starts as one ends
        assert before[0].split("–")[1] == after[0].split("–")[0]


def test_a_slot_that_cannot_be_filled_is_refused_with_the_reason(harness: Harness) -> None:
    page = harness.show_plans_tab()
    _build_ninety_minute_plan(page)
    before = page.row_texts()
    page.fit_minutes.setValue(30)
    page.fit_button.click()
    message = page.fit_message.text()
    assert "cannot be fitted into 30 minutes" in message
    assert "Coffee 15 min (a break keeps its length)" in message
    assert "choose between" in message
    assert page.row_texts() == before  # nothing changed


def test_an_item_is_edited_moved_and_removed(harness: Harness) -> None:
    page = harness.show_plans_tab()
    _build_ninety_minute_plan(page)
    page.select(0)
    editor = page.item_editor
    assert editor.pages.currentWidget() is editor.structure_page
    editor.fit.setChecked(True)
    editor.fit_minutes.setValue(25)
    nl = editor.question_sets["nl"]
    nl.setCurrentIndex(nl.findData("impromptu-networking-hunch-nl"))
    item = harness.app.plans.item(0)
    assert item == StructureItem(
        "impromptu-networking", {"nl": "impromptu-networking-hunch-nl"}, 25.0
    )
    assert page.row_texts()[0] == ["13:30–13:55", "Impromptu Networking", "25 min"]
    editor.fit_minutes.setValue(45)  # more than its steps allow
    assert "impromptu-networking" in page.problem.text() or "Impromptu" in page.problem.text()
    assert page.total.text() == "The plan does not add up yet: see below."
    assert not page.start_button.isEnabled()
    editor.fit.setChecked(False)
    assert page.problem.isHidden()
    page.select(3)
    page.down_button.click()  # already last: stays
    page.up_button.click()
    assert page.selected_index() == 2
    assert [row[1] for row in page.row_texts()][2] == "Social Network Webbing"
    page.remove_button.click()
    assert len(page.row_texts()) == 3


def test_a_plan_is_saved_in_the_user_library_and_opens_again(
    harness: Harness, user_data_dir: Path
) -> None:
    page = harness.show_plans_tab()
    _build_ninety_minute_plan(page)
    plan_id = harness.app.plans.plan.id
    page.save_button.click()
    path = user_data_dir / "library" / "plans" / f"{plan_id}.json"
    assert path.is_file()
    assert not harness.app.plans.is_dirty
    assert any("is saved in your library" in text for text in harness.app.notices.texts())
    reloaded = load_library(user_dir=user_data_dir / "library").entry("plan", plan_id)
    assert reloaded is not None
    assert reloaded.item == harness.app.plans.plan
    assert reloaded.item.start_time == "13:30"
    assert isinstance(reloaded.item.items[1], FreeItem)
    assert reloaded.item.items[1].is_break
    # Another plan, then the saved one again: it comes back from the library as it was.
    page.open_plan("network-kick-off")
    assert page.row_texts()[0][1] == "Welcome"
    assert plan_id in page.plan_ids()
    page.open_plan(plan_id)
    assert page.row_texts()[0][1] == "Impromptu Networking"
    assert page.title.text() == "Kick-off afternoon"


def test_a_failed_save_keeps_the_plan_and_says_why(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = harness.show_plans_tab()
    _build_ninety_minute_plan(page)

    message = "Could not save my-plan.json: the disk is full. The previous version is unchanged."

    def full_disk(*_args, **_kwargs):
        raise SaveError(message)

    monkeypatch.setattr("facilitator.models.plan_model.save_guarded", full_disk)
    page.save_button.click()
    assert harness.prompts.errors == [message]
    assert harness.app.plans.is_dirty
    assert len(page.row_texts()) == 4


def test_unsaved_changes_are_never_lost_by_opening_another_plan(
    harness: Harness, user_data_dir: Path
) -> None:
    from facilitator.ui.prompts import Choice

    page = harness.show_plans_tab()
    _build_ninety_minute_plan(page)
    plan_id = harness.app.plans.plan.id
    harness.prompts.unsaved = Choice.CANCEL
    page.open_plan("network-kick-off")
    assert harness.prompts.asked[-1] == ("unsaved", "Kick-off afternoon")
    assert harness.app.plans.plan.id == plan_id
    assert len(page.row_texts()) == 4
    harness.prompts.unsaved = Choice.SAVE
    page.open_plan("network-kick-off")
    assert harness.app.plans.plan.id == "network-kick-off"
    assert (user_data_dir / "library" / "plans" / f"{plan_id}.json").is_file()
    page.start_time.setTime(QTime(8, 0))  # a change to a built-in plan, then discarded
    harness.prompts.unsaved = Choice.DISCARD
    page.new_button.click()
    assert harness.app.plans.plan.title.in_language("en") == "New plan"
    assert harness.app.plans.plan.id not in {plan_id, "network-kick-off"}
