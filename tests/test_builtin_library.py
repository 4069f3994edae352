"""The built-in library: every file loads, every text exists in English and Dutch, and
every structure's minutes match the content brief (shared/design/content-brief.md)."""

from __future__ import annotations

import re

import pytest

from facilitator.core.documents.library import Library, load_library
from facilitator.core.timing.timeline import build_timeline
from facilitator.core.workshop.structures import SetKind, Structure

LANGUAGES = ("en", "nl")

REQUIRED = (
    "impromptu-networking",
    "liquid-courage",
    "1-2-4-all",
    "learn-and-teach-circles",
    "network-benefits-harvest",
    "network-foundations-check",
)

EXPECTED_MINUTES = {
    # Required structures.
    "impromptu-networking": 20,
    "liquid-courage": 15,  # no total in the brief: 3 rounds of 1 min per person, plus intro/debrief
    "1-2-4-all": 12,
    "learn-and-teach-circles": 60,  # "~60 min"
    "network-benefits-harvest": 27,  # a 12-minute 1-2-4-All plus a 15-minute harvest
    "network-foundations-check": 20,  # "about 20 min"
    # Further Liberating Structures.
    "15-percent-solutions": 21,  # 5 alone, then 3 + 5 per person in pairs (the menu says 20)
    "troika-consulting": 30,
    "triz": 35,
    "what-so-what-now-what": 45,
    "conversation-cafe": 40,  # a 5-minute welcome, then 35-60 at tables of five: the shortest
    "wise-crowds": 60,  # 15 min per person, groups of four
    "helping-heuristics": 15,  # 2 to explain, four styles of 2, a 5-minute debrief
    "heard-seen-respected": 35,
    "9-whys": 20,
    "appreciative-interviews": 60,
    "drawing-together": 40,
    "min-specs": 38,  # 35-55: the published steps without the optional second pass (1+5+15+15+2)
    "shift-and-share": 90,  # six stations
    "25-10-crowd-sourcing": 30,
    "social-network-webbing": 60,
    "user-experience-fishbowl": 35,  # 35-70
    "celebrity-interview": 35,  # 35-60
    "open-space": 90,  # 90 minutes to days
    # The rest of the LS menu (content brief: "The other 14 structures of the menu"; Helping
    # Heuristics is written on the phases branch). Step by step in test_published_timings.py.
    "wicked-questions": 25,
    "discovery-and-action-dialogue": 45,  # 25-70: 5 + seven questions of 5 + 5
    "improv-prototyping": 21,  # "20 a round": one round and its replay at the shortest scenes
    "design-storyboards": 38,  # 25-70: eight steps, each inside its published range
    "what-i-need-from-you": 63,  # 55-70
    "generative-relationships-star": 25,
    "agreement-certainty-matrix": 45,
    "simple-ethnography": 75,  # 75 min to 7 h: the shortest version
    "integrated-autonomy": 80,
    "critical-uncertainties": 100,  # "about 100"
    "ecocycle-planning": 95,
    "panarchy": 120,
    "purpose-to-practice": 115,  # "about 120": the listed steps add to 115
}

ADJUSTABLE = {
    "social-network-webbing",
    "user-experience-fishbowl",
    "celebrity-interview",
    "open-space",
    # Published as a wide range, or thin on the minutes of some steps.
    "discovery-and-action-dialogue",
    "improv-prototyping",
    "design-storyboards",
    "simple-ethnography",
    "critical-uncertainties",
    "panarchy",
}

LS_MENU = {
    "1-2-4-all",
    "impromptu-networking",
    "9-whys",
    "wicked-questions",
    "appreciative-interviews",
    "triz",
    "15-percent-solutions",
    "troika-consulting",
    "what-so-what-now-what",
    "discovery-and-action-dialogue",
    "shift-and-share",
    "25-10-crowd-sourcing",
    "wise-crowds",
    "min-specs",
    "improv-prototyping",
    "helping-heuristics",
    "conversation-cafe",
    "user-experience-fishbowl",
    "heard-seen-respected",
    "drawing-together",
    "design-storyboards",
    "celebrity-interview",
    "social-network-webbing",
    "what-i-need-from-you",
    "open-space",
    "generative-relationships-star",
    "agreement-certainty-matrix",
    "simple-ethnography",
    "integrated-autonomy",
    "critical-uncertainties",
    "ecocycle-planning",
    "panarchy",
    "purpose-to-practice",
}
"""The 33 structures of the Liberating Structures menu."""

VARIATION_AND_SEEDS = {
    "liquid-courage",
    "learn-and-teach-circles",
    "network-benefits-harvest",
    "network-foundations-check",
}
"""Liquid Courage (a variation of Impromptu Networking) and the three seed sessions."""


MARKUP = re.compile(r"<[a-zA-Z/][^>]*>|&[a-z]+;|\*\*|`|^#|\[[^\]]*\]\(")
"""HTML tags and entities, bold or code markers, headings and links: none belong in texts."""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    # Module-scoped fixtures run before the per-test data folder is set, so point the
    # user library at an empty folder explicitly: only built-ins are under test.
    return load_library(user_dir=tmp_path_factory.mktemp("empty-user-library"))


def builtin_structures(library: Library) -> list[Structure]:
    return [entry.item for entry in library.builtins["structure"].values()]


def structure_ids(library: Library) -> set[str]:
    return set(library.builtins["structure"])


def test_every_builtin_file_loads_without_problems(library: Library) -> None:
    assert library.problems == []
    assert library.reference_problems() == []
    for type_name, folder in (("structure", "structures"), ("question_set", "question-sets")):
        files = sorted((library.builtin_dir / folder).glob("*.json"))
        assert len(files) == len(library.builtins[type_name]), folder


def test_file_names_match_ids(library: Library) -> None:
    for kind in ("structure", "question_set"):
        for item_id, entry in library.builtins[kind].items():
            assert entry.path.name == f"{item_id}.json"


def test_required_structures_exist(library: Library) -> None:
    assert set(REQUIRED) <= structure_ids(library)


def test_at_least_ten_further_structures_exist(library: Library) -> None:
    assert len(structure_ids(library) - set(REQUIRED)) >= 10


def test_library_holds_the_whole_ls_menu_and_the_seed_sessions(library: Library) -> None:
    assert len(LS_MENU) == 33
    expected = LS_MENU | VARIATION_AND_SEEDS
    ids = structure_ids(library)
    assert expected <= ids, sorted(expected - ids)
    assert ids <= expected, sorted(ids - expected)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_structure_is_complete_in_english_and_dutch(library: Library, language: str) -> None:
    for structure in builtin_structures(library):
        assert language in structure.languages(), structure.id
        assert structure.missing_translations(language) == 0, structure.id
        for step in structure.steps:
            assert step.instruction.has(language), f"{structure.id}/{step.id}"
            assert step.notes.has(language), f"{structure.id}/{step.id}"
            if step.transition is not None:
                assert step.transition.instruction.has(language), f"{structure.id}/{step.id}"
            for phase in step.phases:
                assert phase.title.has(language), f"{structure.id}/{step.id}/{phase.id}"
                assert phase.instruction.has(language), f"{structure.id}/{step.id}/{phase.id}"
        for text in (structure.title, structure.summary, structure.purpose, structure.setup):
            assert text.has(language), structure.id


def test_every_structure_has_three_to_six_tips(library: Library) -> None:
    for structure in builtin_structures(library):
        assert 3 <= len(structure.tips) <= 6, structure.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_default_set_exists_and_is_in_its_language(library: Library, language: str) -> None:
    for structure in builtin_structures(library):
        set_id = structure.default_questions.get(language)
        assert set_id is not None, f"{structure.id} has no default set in {language}"
        entry = library.builtin("question_set", set_id)
        assert entry is not None, f"{structure.id}: no built-in set {set_id}"
        assert entry.item.language == language, set_id
        assert entry.item.fits(structure.id), f"{set_id} does not list {structure.id}"


def test_attribution_credits_lipmanowicz_and_mccandless(library: Library) -> None:
    for structure in builtin_structures(library):
        assert "Lipmanowicz" in structure.attribution, structure.id
        assert "McCandless" in structure.attribution, structure.id
        assert structure.source.strip(), structure.id


def test_every_structure_has_a_total_in_the_brief_table(library: Library) -> None:
    assert structure_ids(library) <= set(EXPECTED_MINUTES)


@pytest.mark.parametrize("structure_id", sorted(EXPECTED_MINUTES))
def test_minutes_match_the_content_brief(library: Library, structure_id: str) -> None:
    structure = library.structure(structure_id)
    assert structure.total_minutes == EXPECTED_MINUTES[structure_id]
    # The timeline the sequencer runs has exactly the same length.
    timeline = build_timeline(structure, None, "en")
    assert timeline.total_seconds == EXPECTED_MINUTES[structure_id] * 60


def test_widely_varying_structures_are_marked_adjustable(library: Library) -> None:
    for structure in builtin_structures(library):
        assert structure.adjustable == (structure.id in ADJUSTABLE), structure.id


def test_impromptu_networking_has_at_least_four_alternative_sets(library: Library) -> None:
    structure = library.structure("impromptu-networking")
    for language in LANGUAGES:
        sets = library.question_sets_for("impromptu-networking", language)
        alternatives = [s for s in sets if s.id != structure.default_questions[language]]
        assert len(alternatives) >= 4, language


@pytest.mark.parametrize(
    "structure_id",
    ["1-2-4-all", "triz", "15-percent-solutions", "what-so-what-now-what", "conversation-cafe"],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_often_used_structures_have_two_alternative_sets(
    library: Library, structure_id: str, language: str
) -> None:
    """Sets for real occasions (a retrospective, a kick-off, a community meeting)."""
    default = library.structure(structure_id).default_questions[language]
    sets = library.question_sets_for(structure_id, language)
    assert len([s for s in sets if s.id != default]) >= 2


def test_liquid_courage_shows_five_sentence_stems(library: Library) -> None:
    structure = library.structure("liquid-courage")
    for language in LANGUAGES:
        stems = library.question_set(structure.default_questions[language])
        assert stems.kind is SetKind.STEMS
        assert len(stems.questions) == 5


def test_network_foundations_sets_fit_three_structures(library: Library) -> None:
    for language in LANGUAGES:
        for structure_id in ("network-foundations-check", "1-2-4-all", "what-so-what-now-what"):
            ids = {s.id for s in library.question_sets_for(structure_id, language)}
            assert f"network-foundations-check-{language}" in ids, structure_id


def test_question_set_step_references_exist(library: Library) -> None:
    for entry in library.builtins["question_set"].values():
        question_set = entry.item
        assert question_set.structures, question_set.id
        for structure_id in question_set.structures:
            assert structure_id in structure_ids(library), f"{question_set.id}: {structure_id}"
            steps = library.structure(structure_id).steps
            step_ids = {step.id for step in steps}
            phase_ids = {phase.id for step in steps for phase in step.phases}
            for question in question_set.questions:
                assert set(question.steps) <= step_ids, f"{question_set.id}: {question.text}"
                assert set(question.phases) <= phase_ids, f"{question_set.id}: {question.text}"


def test_every_step_that_shows_questions_has_some_in_the_default_set(library: Library) -> None:
    """A step that should show the question card never shows an empty one."""
    for structure in builtin_structures(library):
        for language in LANGUAGES:
            question_set = library.question_set(structure.default_questions[language])
            for step in structure.steps:
                if step.show_questions:
                    assert question_set.for_step(step.id), f"{question_set.id}: {step.id}"
                    for phase in step.phases if step.show_questions else ():
                        shown = question_set.for_step(step.id, phase.id)
                        assert shown, f"{question_set.id}: {step.id}/{phase.id}"


def test_texts_have_no_markup(library: Library) -> None:
    texts: list[str] = []
    for structure in builtin_structures(library):
        texts += [t for text in structure.texts() for t in text.by_language.values()]
    for entry in library.builtins["question_set"].values():
        texts += [entry.item.title, entry.item.description]
        texts += [question.text for question in entry.item.questions]
    for text in texts:
        assert not MARKUP.search(text), text
        assert text == text.strip(), repr(text)
