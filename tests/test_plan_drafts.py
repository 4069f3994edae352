"""A plan on the Plans tab never loses work: drafts on disk, offered back, and a question on quit.

The same guarantees as the editors: unsaved changes are written as a draft a moment
after the last change, a new start after a crash offers them back, and quitting with
unsaved changes (to a plan or in an editor) asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTime

from facilitator.core.files.kinds import DocumentKind
from facilitator.ui.prompts import Choice
from tests.app_harness import Harness, build_harness

if TYPE_CHECKING:
    from facilitator.ui.plan_page import PlanPage


def _start_a_plan(qtbot, harness: Harness) -> PlanPage:
    """A new plan called "Retreat day" with Impromptu Networking and a coffee break."""
    page = harness.show_plans_tab()
    page.new_button.click()
    with qtbot.waitSignal(harness.app.plan_drafts.draftSaved, timeout=5000):
        page.title.setText("Retreat day")
        page.title.editingFinished.emit()
        page.structure_choice.setCurrentIndex(
            page.structure_choice.findData("impromptu-networking")
        )
        page.add_structure_button.click()
        page.free_title.setText("Coffee")
        page.free_minutes.setValue(15)
        page.add_break_button.click()
        page.start_time.setTime(QTime(14, 0))
    return page


def _draft_offers(harness: Harness) -> list:
    return [n for n in harness.app.notices.notices if n.key.startswith("draft-")]


def test_an_unsaved_plan_survives_a_crash_and_is_offered_back(qtbot, harness: Harness) -> None:
    _start_a_plan(qtbot, harness)
    [draft] = harness.app.drafts.load_all()[0]
    assert (draft.document_type, draft.title) == ("plan", "Retreat day")

    # The laptop dies here; a new app starts on the same data folder.
    second = build_harness(qtbot, wall=harness.wall)
    second.app.show()
    [offer] = _draft_offers(second)
    assert offer.text.startswith("You have unsaved changes to \u201cRetreat day\u201d from ")
    second.prompts.restore = Choice.RESTORE
    offer.action()

    plans = second.app.plans
    assert plans.is_dirty
    assert plans.display_title() == "Retreat day"
    page = second.app.plan_actions.plan_page
    assert second.app.console.browse_tabs.currentWidget() is page
    assert [row[1:] for row in page.row_texts()] == [
        ["Impromptu Networking", "20 min"],
        ["Coffee (break)", "15 min"],
    ]
    assert page.row_texts()[0][0].startswith("14:00")
    # Saving makes it part of the library and the draft goes.
    assert second.app.plan_actions.save_plan()
    assert second.app.library.library.entry("plan", plans.plan.id) is not None
    assert second.app.drafts.load_all()[0] == []


def test_a_saved_plan_leaves_no_draft(qtbot, harness: Harness) -> None:
    _start_a_plan(qtbot, harness)
    assert harness.app.plan_actions.save_plan()
    assert harness.app.drafts.load_all()[0] == []
    assert not harness.app.plans.is_dirty


def test_quitting_with_an_unsaved_plan_asks_and_cancel_keeps_the_app_open(
    qtbot, harness: Harness
) -> None:
    _start_a_plan(qtbot, harness)
    harness.app.console.show_library()
    harness.app.console.browse_tabs.setCurrentIndex(0)
    harness.prompts.unsaved = Choice.CANCEL
    assert not harness.app.console.close()
    assert ("unsaved", "Retreat day") in harness.prompts.asked
    assert harness.app.console.isVisible()
    # The plan is shown so the facilitator sees what the question is about.
    assert harness.app.console.browse_tabs.currentWidget() is harness.show_plans_tab()
    assert harness.app.plans.is_dirty
    assert len(harness.app.drafts.load_all()[0]) == 1


def test_quitting_and_discarding_an_unsaved_plan_leaves_nothing_behind(
    qtbot, harness: Harness
) -> None:
    _start_a_plan(qtbot, harness)
    harness.prompts.unsaved = Choice.DISCARD
    assert harness.app.console.close()
    assert harness.app.drafts.load_all()[0] == []
    assert harness.app.library.library.entry("plan", "my-plan") is None


def test_quitting_and_saving_an_unsaved_plan_saves_it(qtbot, harness: Harness) -> None:
    _start_a_plan(qtbot, harness)
    harness.prompts.unsaved = Choice.SAVE
    assert harness.app.console.close()
    entry = harness.app.library.library.entry("plan", "my-plan")
    assert entry is not None
    assert entry.item.title.in_language("en") == "Retreat day"
    assert harness.app.drafts.load_all()[0] == []


def test_opening_another_plan_after_discarding_removes_the_draft(qtbot, harness: Harness) -> None:
    page = _start_a_plan(qtbot, harness)
    harness.prompts.unsaved = Choice.DISCARD
    with qtbot.waitSignal(harness.app.plans.changed, timeout=5000):
        page.open_plan("network-check-up")
    qtbot.waitUntil(lambda: harness.app.drafts.load_all()[0] == [], timeout=5000)
    assert harness.app.plans.display_title() == "Network check-up"


def test_quitting_with_an_unsaved_editor_asks(qtbot, harness: Harness) -> None:
    actions = harness.app.library_actions
    window = actions.duplicate(DocumentKind.QUESTION_SET, "impromptu-networking-nl")
    window.model.set_text(("title",), "Onze vragen")
    harness.prompts.unsaved = Choice.CANCEL
    assert not harness.app.console.close()
    assert ("unsaved", "Onze vragen") in harness.prompts.asked
    assert window.isVisible()
    harness.prompts.unsaved = Choice.SAVE
    assert harness.app.console.close()
    saved = harness.app.library.library.question_set("impromptu-networking-nl-copy")
    assert saved.title == "Onze vragen"
