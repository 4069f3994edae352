"""The facilitator's sheet: its content, its agenda times, and user text shown as typed."""

from __future__ import annotations

import dataclasses

import pytest

from facilitator.core.plans.format import StructureItem
from facilitator.core.shown.sheet import (
    Bullets,
    Heading,
    Paragraph,
    Table,
    plan_sheet,
    structure_sheet,
)
from facilitator.core.shown.sheet_markdown import (
    escape_markdown,
    plan_sheet_markdown,
    render_markdown,
    structure_sheet_markdown,
)
from facilitator.core.workshop.structures import GroupShape, Question, QuestionSet, Step, Structure
from tests.factories import paired_rounds_structure, question_set, text
from tests.plan_factories import (
    FOUNDATION_QUESTIONS,
    PAIRS_QUESTIONS,
    library_of,
    one_two_four_structure,
    standard_library,
    standard_plan,
)


def _agenda(blocks) -> Table:
    [table] = [b for b in blocks if isinstance(b, Table)]
    return table


# --- content ----------------------------------------------------------------------------


def test_the_agenda_gives_each_item_its_clock_times() -> None:
    blocks = plan_sheet(standard_plan(), standard_library(), "en", "09:00")
    agenda = _agenda(blocks)
    assert agenda.header == ("Time", "Item", "Length")
    assert agenda.rows == (
        ("09:00–09:05", "Welcome", "5 min"),
        ("09:05–09:25", "Pairs test", "20 min"),
        ("09:25–09:40", "Coffee (break)", "15 min"),
        ("09:40–09:52", "One two four", "12 min"),
    )
    assert Paragraph("52 min (09:00–09:52)", "Total") in blocks


def test_the_agenda_crosses_midnight_and_uses_the_plans_start() -> None:
    agenda = _agenda(plan_sheet(standard_plan(start_time="23:45"), standard_library()))
    assert [row[0] for row in agenda.rows] == [
        "23:45–23:50",
        "23:50–00:10",
        "00:10–00:25",
        "00:25–00:37",
    ]


def test_without_a_start_the_agenda_counts_from_the_start() -> None:
    agenda = _agenda(plan_sheet(standard_plan(), standard_library()))
    assert agenda.header[0] == "From the start"
    assert agenda.rows[1][0] == "0:05–0:25"


def test_a_fitted_plan_shows_its_fitted_lengths() -> None:
    plan = standard_plan(items=(StructureItem("pairs-test", minutes=13.5),))
    agenda = _agenda(plan_sheet(plan, standard_library(), "en", "10:00"))
    assert agenda.rows == (("10:00–10:13:30", "Pairs test", "13 min 30 s"),)


def test_each_item_shows_purpose_setup_steps_questions_and_tips() -> None:
    blocks = plan_sheet(standard_plan(), standard_library(), "en", "09:00")
    assert Heading(2, "4. One two four") in blocks
    assert Paragraph("Everyone takes part at once.", "Purpose") in blocks
    assert Paragraph("Chairs that move; paper and pens.", "Room set-up and materials") in blocks
    assert Heading(4, "2. Talk") in blocks
    assert Paragraph("09:07–09:22", "Time") in blocks
    assert (
        Paragraph(
            "15 min in all: 3 rounds of 4 min, 2 turns of 2 min each, "
            "1 min to change before each round",
            "Length",
        )
        in blocks
    )
    assert Paragraph("pairs", "Groups") in blocks
    assert Paragraph("Think", "Participants") in blocks
    assert Paragraph("Find a new partner", "Between rounds") in blocks
    assert Paragraph("Say why we are here.", "Facilitator notes") in blocks
    assert Bullets(PAIRS_QUESTIONS) in blocks
    first, second = FOUNDATION_QUESTIONS
    assert Bullets((first, f"{second} (only during: All)")) in blocks
    assert Bullets(("Repeat the cycle rather than lengthen steps.",)) in blocks
    assert Heading(3, "Questions to show: Foundations en") in blocks


def test_the_sheet_follows_the_language_with_english_fallback() -> None:
    dutch = plan_sheet(standard_plan(), standard_library(), "nl", "09:00")
    assert _agenda(dutch).header == ("Tijd", "Onderdeel", "Duur")
    assert _agenda(dutch).rows[2][1] == "Koffie (pauze)"
    assert Paragraph("Iedereen doet tegelijk mee.", "Doel") in dutch
    french = plan_sheet(standard_plan(), standard_library(), "fr", "09:00")
    assert _agenda(french).rows[2][1] == "Coffee (break)"
    assert Paragraph("Everyone takes part at once.", "Purpose") in french


def test_a_structure_sheet_lists_its_steps_as_the_agenda() -> None:
    blocks = structure_sheet(paired_rounds_structure(), question_set(), "en", "14:00")
    assert blocks[0] == Heading(1, "Pairs test")
    agenda = _agenda(blocks)
    assert agenda.header == ("Time", "Step", "Groups", "Length")
    assert agenda.rows == (
        ("14:00–14:02", "Intro", "whole group", "2 min"),
        ("14:02–14:17", "Talk", "pairs", "15 min"),
        ("14:17–14:20", "Debrief", "whole group", "3 min"),
    )
    assert Bullets(PAIRS_QUESTIONS) in blocks
    assert Paragraph("test", "Credits") in blocks


def test_small_groups_show_their_size() -> None:
    structure = Structure(
        "groups",
        text("Groups"),
        (Step("talk", text("Talk"), GroupShape.SMALL_GROUPS, 10, group_size=(5, 7)),),
    )
    assert Paragraph("small groups of 5 to 7", "Groups") in structure_sheet(structure, None)


def test_the_markdown_is_rendered_from_the_same_blocks() -> None:
    blocks = plan_sheet(standard_plan(), standard_library(), "en", "09:00")
    markdown = plan_sheet_markdown(standard_plan(), standard_library(), "en", "09:00")
    assert markdown == render_markdown(blocks)
    assert "| 09:05–09:25 | Pairs test | 20 min |" in markdown
    assert "## 4. One two four" in markdown
    assert "**Purpose:** Everyone takes part at once." in markdown
    assert "- What brings you here?" in markdown


# --- user text shown as typed ---------------------------------------------------------------

TRICKY = {
    "title": "*Bold* _idea_ #1",
    "question": "Use <b>this</b> & *that* `code` [link](http://x.org) a|b ~~no~~",
    "instruction": "# not a heading\n1. not a list\n- nor this\n+ nor that",
    "tip": "&amp; stays as typed, and so does \\*this\\*",
}


def _tricky() -> tuple[Structure, QuestionSet]:
    structure = dataclasses.replace(
        one_two_four_structure(),
        title=text(TRICKY["title"]),
        tips=(text(TRICKY["tip"]),),
        steps=(
            Step(
                "only", text("Only"), GroupShape.PAIRS, 3, instruction=text(TRICKY["instruction"])
            ),
        ),
    )
    questions = QuestionSet("tricky", "en", "Tricky <i>set</i>", (Question(TRICKY["question"]),))
    return structure, questions


def test_markdown_characters_are_escaped() -> None:
    assert escape_markdown("*a* _b_ <b>c</b>") == r"\*a\* \_b\_ \<b\>c\</b\>"
    assert escape_markdown("# heading") == r"\# heading"
    assert escape_markdown("1. item") == r"1\. item"
    assert escape_markdown("- item") == r"\- item"
    assert escape_markdown("&amp;") == r"\&amp;"
    assert escape_markdown(r"a\b") == r"a\\b"


def test_user_text_shows_as_typed_when_the_markdown_is_rendered(qapp) -> None:
    qtgui = pytest.importorskip("PySide6.QtGui")
    structure, questions = _tricky()
    document = qtgui.QTextDocument()
    document.setMarkdown(structure_sheet_markdown(structure, questions, "en"))
    shown = document.toPlainText()
    for typed in (TRICKY["title"], TRICKY["question"], TRICKY["tip"], "Tricky <i>set</i>"):
        assert typed in shown, f"{typed!r} not shown as typed in:\n{shown}"
    for line in TRICKY["instruction"].splitlines():
        assert line in shown, "no heading or list was made of the instruction"
    question_block = next(b for b in _blocks(document) if TRICKY["question"] in b.text())
    for fragment in _fragments(question_block):
        form = fragment.charFormat()
        assert not (form.fontItalic())
        assert not (form.fontStrikeOut())
        assert not (form.fontUnderline())
        if form.isAnchor():  # a bare web address may become a link, its text unchanged
            assert fragment.text() == "http://x.org"
        assert form.fontWeight() <= qtgui.QFont.Weight.Normal.value


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(block):
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator.fragment()
        iterator += 1


def test_the_blocks_hold_user_text_unescaped_for_other_writers() -> None:
    structure, questions = _tricky()
    blocks = structure_sheet(structure, questions, "en")
    assert blocks[0] == Heading(1, TRICKY["title"])
    assert Bullets((TRICKY["question"],)) in blocks
    assert Paragraph(TRICKY["instruction"], "Participants") in blocks


def test_an_item_without_a_chosen_set_shows_its_structures_questions() -> None:
    library = library_of(one_two_four_structure(), question_set("one-two-four"))
    plan = standard_plan(items=(StructureItem("one-two-four"),))
    assert Bullets(PAIRS_QUESTIONS) in plan_sheet(plan, library, "en", "09:00")
