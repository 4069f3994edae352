"""The library: built-ins, the user's own copies, and broken files that hide nothing."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from facilitator.core.documents.format import question_set_to_document, structure_to_document
from facilitator.core.documents.library import Origin, load_library, save_to_user_library
from facilitator.core.files.paths import user_library_dir
from tests.factories import paired_rounds_structure, question_set

if TYPE_CHECKING:
    from pathlib import Path


def _write(folder: Path, name: str, document: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_user_library_lives_where_the_environment_says(user_data_dir: Path) -> None:
    assert user_library_dir() == user_data_dir / "library"
    save_to_user_library(question_set())
    assert (user_data_dir / "library" / "question-sets" / "test-set.json").is_file()


def test_a_user_copy_overrides_the_built_in_with_the_same_id(user_data_dir: Path) -> None:
    builtin = load_library().structure("impromptu-networking")
    mine = structure_to_document(builtin)
    mine["title"] = {"en": "My networking", "nl": "Mijn netwerken"}
    _write(user_library_dir() / "structures", "impromptu-networking.json", mine)
    library = load_library()
    entry = library.entry("structure", "impromptu-networking")
    assert entry.origin is Origin.USER
    assert entry.overrides_builtin
    assert library.structure("impromptu-networking").title.in_language("en") == "My networking"
    original = library.builtin("structure", "impromptu-networking")
    assert original.item.title.in_language("en") == "Impromptu Networking"


def test_a_broken_user_file_is_reported_and_skipped_never_hiding_the_rest(
    user_data_dir: Path,
) -> None:
    folder = user_library_dir() / "question-sets"
    _write(folder, "good.json", {**question_set_to_document(question_set()), "id": "good"})
    broken = {**question_set_to_document(question_set()), "id": "broken", "questions": []}
    _write(folder, "broken.json", broken)
    (folder / "truncated.json").write_text('{"schema_version": 1', encoding="utf-8")
    library = load_library()
    assert library.entry("question_set", "good") is not None
    assert library.entry("question_set", "broken") is None
    lines = [str(p) for p in library.problems]
    assert lines == [
        "question-sets/broken.json: questions: expected at least one question, got 0",
        "question-sets/truncated.json: is not valid JSON: Expecting ',' delimiter at line 1, "
        "column 21",
    ]
    assert len(library.structures()) >= 16, "the built-ins are all still there"


def test_a_document_in_the_wrong_folder_is_reported(user_data_dir: Path) -> None:
    _write(
        user_library_dir() / "structures", "a-set.json", question_set_to_document(question_set())
    )
    library = load_library()
    assert any(
        "expected a structure in this folder, got a question set" in str(p)
        for p in library.problems
    )


def test_built_ins_are_never_written(user_data_dir: Path) -> None:
    library = load_library()
    before = {p: p.read_bytes() for p in library.builtin_dir.rglob("*.json")}
    save_to_user_library(paired_rounds_structure())
    save_to_user_library(library.structure("impromptu-networking"))
    assert {p: p.read_bytes() for p in library.builtin_dir.rglob("*.json")} == before
