"""The facilitator's sheet as a PDF (and Markdown), read back with poppler's pdftotext."""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime

from facilitator.core.documents.library import load_library
from facilitator.core.shown.sheet import plan_sheet
from facilitator.ui.sheet_pdf import sheet_pdf_bytes

if TYPE_CHECKING:
    from pathlib import Path

    from tests.app_harness import Harness

LITERAL = "<b>Bold?</b> & <i>as typed</i>"


def pdf_text(path: Path) -> str:
    """The text of a PDF, page by page, as poppler reads it."""
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def pdf_pages(path: Path) -> int:
    """How many pages a PDF has."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def test_a_plans_sheet_prints_its_agenda_with_clock_times(harness: Harness, tmp_path: Path) -> None:
    page = harness.app.plan_actions.plan_page
    harness.app.console.show_browse_tab(page)
    page.open_plan("network-check-up")
    page.start_time.setTime(QTime(9, 30))
    target = tmp_path / "check-up"
    harness.app.plan_actions.choose_save_path = lambda *_args: target
    page.sheet_button.click()
    written = tmp_path / "check-up.pdf"  # no suffix given: a PDF
    assert written.read_bytes().startswith(b"%PDF")
    text = pdf_text(written)
    for expected in (
        "Network check-up",
        "Agenda",
        "09:30–09:35",
        "Welcome",
        "10:17–10:20",
        "Network Benefits Harvest",
        "Room set-up and materials",
        "Questions to show",
        "Facilitator notes",
    ):
        assert expected in text, expected
    assert pdf_pages(written) >= 3  # each structure starts on a page of its own
    info = subprocess.run(["pdfinfo", str(written)], capture_output=True, text=True, check=True)
    assert "A4" in info.stdout


def test_user_text_prints_exactly_as_typed(harness: Harness, tmp_path: Path) -> None:
    plans = harness.app.plans
    plans.new_plan(LITERAL)
    plans.add_free(f"Welcome {LITERAL}", 5)
    plans.add_structure("1-2-4-all", minutes=15)
    harness.app.console.show_browse_tab(harness.app.plan_actions.plan_page)
    target = tmp_path / "literal.pdf"
    harness.app.plan_actions.choose_save_path = lambda *_args: target
    assert harness.app.plan_actions.ask_sheet()
    text = pdf_text(target)
    assert LITERAL in text
    assert f"Welcome {LITERAL}" in text
    markdown = tmp_path / "literal.md"
    harness.app.plan_actions.choose_save_path = lambda *_args: markdown
    assert harness.app.plan_actions.ask_sheet()
    assert "\\<b\\>Bold?\\</b\\>" in markdown.read_text(encoding="utf-8")


def test_the_chosen_structure_prints_from_the_library_tab(harness: Harness, tmp_path: Path) -> None:
    library_page = harness.app.library_page
    library_page.select("impromptu-networking")
    harness.app.console.show_library()
    target = tmp_path / "impromptu.pdf"
    harness.app.plan_actions.choose_save_path = lambda *_args: target
    harness.app.plan_actions.sheet_action.trigger()
    text = pdf_text(target)
    assert "Impromptu Networking" in text
    assert "Conversations in pairs" in text
    assert "What big challenge are you bringing to this gathering?" in text
    assert any("sheet is saved" in notice for notice in harness.app.notices.texts())


def test_a_sheet_that_cannot_be_written_says_why(harness: Harness, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file", encoding="utf-8")
    harness.app.plans.open("network-kick-off")
    harness.app.plan_actions.choose_save_path = lambda *_args: blocker / "sheet.pdf"
    assert not harness.app.plan_actions.ask_sheet(plan=True)
    [error] = harness.prompts.errors
    assert error.startswith("Could not save sheet.pdf")


def test_the_pdf_bytes_do_not_depend_on_a_window(qtbot) -> None:
    library = load_library()
    plan = library.entry("plan", "meet-strangers-then-mingle").item
    data = sheet_pdf_bytes(plan_sheet(plan, library, "nl", "19:00"), "Netwerkavond")
    assert data.startswith(b"%PDF")
    assert data.rstrip().endswith(b"%%EOF")
