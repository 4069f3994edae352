"""The About box credits every author the built-in structures name."""

from __future__ import annotations

from facilitator.core.documents.library import load_library
from facilitator.core.shown.credits import LIBERATING_STRUCTURES, structure_credits


def test_every_attribution_of_the_library_is_credited_once(tmp_path) -> None:
    library = load_library(user_dir=tmp_path)
    credits = structure_credits(library.structures(), "en")
    attributions = [credit.attribution for credit in credits]
    assert len(attributions) == len(set(attributions))
    assert set(attributions) == {s.attribution for s in library.structures() if s.attribution}
    covered = [title for credit in credits for title in credit.titles]
    assert sorted(covered) == sorted(s.title.in_language("en") for s in library.structures())
    everything = " ".join(attributions)
    for co_author in ("Jamie Owens", "Harrison Owen", "June Holley", "Vicki Robin"):
        assert co_author in everything
    assert credits[0].attribution.startswith(LIBERATING_STRUCTURES), "the most shared first"


def test_titles_follow_the_language(tmp_path) -> None:
    library = load_library(user_dir=tmp_path)
    dutch = [
        title for credit in structure_credits(library.structures(), "nl") for title in credit.titles
    ]
    assert "Impromptu-netwerken" in dutch
    assert "Impromptu Networking" not in dutch
