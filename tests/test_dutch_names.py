"""The Dutch titles of the built-in structures follow the table in docs/dutch-names.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facilitator.core.documents.library import Library, load_library

DOC = Path(__file__).resolve().parent.parent / "docs" / "dutch-names.md"
ROW = re.compile(r"^\| (?P<en>[^|]+?) \| (?P<nl>[^|]+?) \| (?P<rule>\d) \|$")


def table() -> dict[str, str]:
    rows = (ROW.match(line) for line in DOC.read_text(encoding="utf-8").splitlines())
    return {row["en"]: row["nl"] for row in rows if row and row["en"] != "Structure"}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(user_dir=tmp_path_factory.mktemp("empty-user-library"))


def test_the_table_names_every_built_in_structure(library: Library) -> None:
    english = {e.item.title.in_language("en") for e in library.builtins["structure"].values()}
    assert english <= set(table()), sorted(english - set(table()))


def test_dutch_titles_follow_the_table(library: Library) -> None:
    names = table()
    for structure_id, entry in library.builtins["structure"].items():
        title = entry.item.title
        assert title.in_language("nl") == names[title.in_language("en")], structure_id


def test_no_dutch_text_uses_the_wording_the_policy_rules_out(library: Library) -> None:
    ruled_out = ("praatvoorwerp", "coöperatieve structuur", "kun je haar geven", "deelkring")
    texts: list[str] = []
    for entry in library.builtins["structure"].values():
        texts += [text.in_language("nl") for text in entry.item.texts() if not text.is_empty()]
    for entry in library.builtins["question_set"].values():
        if entry.item.language == "nl":
            texts += [entry.item.title, entry.item.description]
            texts += [question.text for question in entry.item.questions]
    for text in texts:
        for wording in ruled_out:
            assert wording not in text.lower(), text
