"""The editor's pure logic: paths, typed numbers, drafts checked like files, ids, revert."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from facilitator.core.documents.doc_paths import (
    get_at,
    move_at,
    parse_path,
    path_text,
    problems_within,
    set_at,
    unclaimed,
)
from facilitator.core.documents.draft_store import DraftStore, clock_text
from facilitator.core.documents.drafting import (
    check_draft,
    clean_draft,
    draft_of,
    parse_number_text,
    question_set_reference_problems,
)
from facilitator.core.documents.library import Origin, load_library, save_to_user_library
from facilitator.core.documents.registry import document_of
from facilitator.core.documents.user_copies import RevertError, revert_to_builtin, suggest_id
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.settings.ui_state import UiState, load_ui_state, save_ui_state, ui_state_path
from facilitator.core.shown.previews import preview_timeline, question_card, segment_card

if TYPE_CHECKING:
    from pathlib import Path


def test_paths_read_and_write_like_the_validators_name_them() -> None:
    assert parse_path("steps[2].title.nl") == ("steps", 2, "title", "nl")
    assert path_text(("steps", 2, "title", "nl")) == "steps[2].title.nl"
    document: dict = {"steps": [{"minutes": 4}]}
    set_at(document, ("steps", 0, "title", "nl"), "Hallo")
    assert get_at(document, ("steps", 0, "title")) == {"nl": "Hallo"}
    set_at(document, ("steps", 0, "minutes"), None)
    assert "minutes" not in document["steps"][0]
    assert get_at(document, ("steps", 5, "title"), "gone") == "gone"
    items = {"list": ["a", "b", "c"]}
    move_at(items, ("list",), 0, 2)
    assert items["list"] == ["b", "c", "a"]


def test_typed_numbers_are_kept_as_typed_when_they_are_no_number() -> None:
    assert parse_number_text("4") == 4
    assert isinstance(parse_number_text("4"), int)
    assert parse_number_text("2,5") == 2.5
    assert parse_number_text(" -3 ") == -3
    assert parse_number_text("") is None
    assert parse_number_text("four") == "four"


def test_a_draft_is_checked_exactly_like_a_file(user_data_dir: Path) -> None:
    library = load_library()
    draft = draft_of(library.structure("impromptu-networking"))
    item, problems = check_draft(draft)
    assert item == library.structure("impromptu-networking")
    assert problems == []
    draft["steps"][1]["minutes"] = -3
    draft["steps"][1]["title"]["nl"] = "   "
    draft["summary"] = {"en": "", "nl": ""}
    item, problems = check_draft(draft)
    assert item is None
    assert problems == [
        ("steps[1].minutes", "expected a number greater than 0 and at most 600, got -3")
    ], "empty translations and empty optional texts are left out, not reported"
    cleaned = clean_draft(draft)
    assert "summary" not in cleaned
    assert "nl" not in cleaned["steps"][1]["title"]


def test_problems_go_to_the_field_that_shows_them() -> None:
    problems = [("steps[1].minutes", "bad"), ("title.nl", "empty"), ("steps", "too few")]
    assert problems_within(problems, "title") == [("nl", "empty")]
    assert problems_within(problems, "steps[1]") == [("minutes", "bad")]
    assert problems_within(problems, "steps[10]") == []
    assert unclaimed(problems, ["title", "steps[1].minutes"]) == [("steps", "too few")]


def test_a_question_set_naming_a_step_its_structure_lacks(user_data_dir: Path) -> None:
    library = load_library()
    draft = draft_of(library.question_set("impromptu-networking-nl"))
    draft["questions"][0]["steps"] = ["conversations", "nap"]
    assert question_set_reference_problems(draft, library) == [
        ("questions[0].steps", "impromptu-networking has no step 'nap'")
    ]


def test_a_copy_gets_a_free_id() -> None:
    assert suggest_id("impromptu-networking", set()) == "impromptu-networking-copy"
    taken = {"impromptu-networking-copy", "impromptu-networking-copy-2"}
    assert suggest_id("impromptu-networking", taken) == "impromptu-networking-copy-3"
    long_id = "x" * 64
    assert len(suggest_id(long_id, {long_id[:59] + "-copy"})) <= 64


def test_revert_removes_the_users_copy_and_keeps_a_backup(user_data_dir: Path) -> None:
    library = load_library()
    builtin = library.question_set("impromptu-networking-en")
    changed = builtin.__class__(**{**builtin.__dict__, "title": "Mine now"})
    path = save_to_user_library(changed, library.user_dir)
    library = load_library()
    assert library.entry(DocumentKind.QUESTION_SET, builtin.id).origin is Origin.USER
    backup = revert_to_builtin(library, DocumentKind.QUESTION_SET, builtin.id)
    assert not path.exists()
    assert backup.exists()
    assert json.loads(backup.read_text())["title"] == "Mine now"
    assert load_library().question_set(builtin.id).title == builtin.title
    with pytest.raises(RevertError):
        revert_to_builtin(load_library(), DocumentKind.QUESTION_SET, builtin.id)


def test_drafts_are_stored_and_read_back(user_data_dir: Path) -> None:
    store = DraftStore(user_data_dir / "drafts", wall=lambda: 1_800_000_000.0)
    store.save("structure-x", "structure", "x", "X", {"id": "x"})
    (user_data_dir / "drafts" / "broken.json").write_text("{", encoding="utf-8")
    drafts, problems = store.load_all()
    assert [(d.key, d.original_id, d.title, d.document) for d in drafts] == [
        ("structure-x", "x", "X", {"id": "x"})
    ]
    assert len(problems) == 1
    assert "broken.json" in str(problems[0])
    store.discard("structure-x")
    assert store.load_all()[0] == []
    assert clock_text(1_800_000_000.0, 1_800_000_060.0).count(":") == 1


def test_ui_state_round_trip_and_forgiving_reading(user_data_dir: Path) -> None:
    state = (
        UiState()
        .with_geometry("console", "AdnQywADAAAAAAA=")
        .with_question_set("impromptu-networking", "impromptu-networking-nl")
        .with_fit("impromptu-networking", 25.0)
    )
    save_ui_state(state)
    loaded, problems = load_ui_state()
    assert loaded == state
    assert problems == []
    ui_state_path().write_text(
        json.dumps({"question_sets": {"a": "ok-id", "b": 7}, "fit_minutes": "x", "colour": 1}),
        encoding="utf-8",
    )
    loaded, problems = load_ui_state()
    assert loaded.question_sets == {"a": "ok-id"}
    assert loaded.fit_minutes == {}
    lines = [str(p) for p in problems]
    assert any("question_sets.b" in line for line in lines)
    assert any("colour" in line and "unknown field" in line for line in lines)
    ui_state_path().write_text("not json", encoding="utf-8")
    assert load_ui_state()[0] == UiState()


def test_previews_show_what_the_card_will_show(user_data_dir: Path) -> None:
    library = load_library()
    structure = library.structure("impromptu-networking")
    questions = library.question_set("impromptu-networking-nl")
    timeline = preview_timeline(structure, questions, "nl")
    card = segment_card(timeline, 2)
    assert card.step_title == "Gesprekken in tweetallen"
    assert card.speaker == 1
    assert card.questions == tuple(q.text for q in questions.questions)
    single = question_card(questions, structure, 1)
    assert questions.questions[1].text in single.questions
    alone = question_card(questions, None, 1)
    assert alone.questions == (questions.questions[1].text,)
    assert document_of(questions)["id"] == "impromptu-networking-nl"
