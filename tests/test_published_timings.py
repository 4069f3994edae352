"""Every built-in structure's minutes, checked against the published figures.

The table below lists, for each built-in structure, where its steps and minutes come from
(a page of liberatingstructures.com, or the seed document for the seed sessions) and the
figures given there: a fixed number of minutes, a range, minutes per person, or minutes per
round. Steps the source does not describe (a welcome, a close, the minute to find a partner)
are named in `ours`: they count only through the structure's total. A step that is neither
in the table nor in `ours` fails the test, so a new step cannot slip in unchecked.

Left out on purpose: Troika Consulting, Wise Crowds, 15% Solutions, Conversation Café and
Helping Heuristics. They are re-modelled with phases on the phases branch (issue 13), whose
tests check them phase by phase.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest

from facilitator.core.documents.library import Library, load_library
from facilitator.core.timing.fitting import feasible_minutes
from facilitator.core.timing.timeline import build_timeline

if TYPE_CHECKING:
    from collections.abc import Mapping

    from facilitator.core.workshop.structures import Step, Structure

LS = "liberatingstructures.com"


@dataclass(frozen=True)
class Fixed:
    """The step (or the listed steps together) lasts exactly this long."""

    minutes: float


@dataclass(frozen=True)
class Within:
    """The step's default and its whole allowed range lie inside the published range."""

    low: float
    high: float


@dataclass(frozen=True)
class PerPerson:
    """Speaking turns of this many minutes, or within a range that also bounds fitting."""

    low: float
    high: float
    rounds: int = 1


@dataclass(frozen=True)
class PerRound:
    """Rounds of this many minutes each (a station), the change-over included or not."""

    minutes: float
    rounds: int
    with_transition: bool = False


Figure = Fixed | Within | PerPerson | PerRound


@dataclass(frozen=True)
class Published:
    """What a source says about a structure's steps and length."""

    source: str
    total: float
    steps: Mapping[str | tuple[str, ...], Figure]
    ours: frozenset[str] = field(default_factory=frozenset)
    total_range: tuple[float, float] | None = None
    """The published range of the whole, when the source gives one (e.g. 25-70 minutes)."""


def ours(*step_ids: str) -> frozenset[str]:
    return frozenset(step_ids)


def each(prefix: str, *suffixes: str) -> tuple[str, ...]:
    return tuple(f"{prefix}-{suffix}" for suffix in suffixes)


P2P_OTHER_ELEMENTS = tuple(
    f"{element}-{part}"
    for element in ("principles", "participants", "structure", "practices")
    for part in ("12", "4", "all")
)

PUBLISHED: dict[str, Published] = {
    # ---------------------------------------------------------------- the LS menu
    "1-2-4-all": Published(
        f"{LS}/1-1-2-4-all/ (12 min.)",
        12,
        {"alone": Fixed(1), "pairs": Fixed(2), "foursomes": Fixed(4), "all": Fixed(5)},
    ),
    "impromptu-networking": Published(
        f"{LS}/2-impromptu-networking/ (20 min.): three rounds, 2 min. per person, "
        "4-5 min. a round",
        20,
        {"conversations": PerPerson(2, 2, rounds=3)},
        ours("invitation", "debrief"),
    ),
    "9-whys": Published(
        f"{LS}/3-nine-whys/ (20 min.): 5 min. per person in pairs, 5 in foursomes, 5 with all",
        20,
        {"interviews": PerPerson(5, 5), "foursomes": Fixed(5), "all": Fixed(5)},
    ),
    "wicked-questions": Published(
        f"{LS}/4-wicked-questions/ (25 min.)",
        25,
        {
            "explain": Fixed(5),
            ("alone", "write"): Fixed(5),
            "select": Fixed(5),
            "refine": Fixed(10),
        },
    ),
    "appreciative-interviews": Published(
        f"{LS}/5-appreciative-interviews-ai/ (60 min.): 7-10 min. per person in pairs, 15 in "
        "foursomes, about 10 to collect the patterns, then how are we investing in the conditions",
        60,
        {
            "interviews": PerPerson(7, 10),
            "retell": Fixed(15),
            "patterns": Fixed(10),
            "build": Fixed(10),
        },
        ours("invitation"),
    ),
    "triz": Published(
        f"{LS}/6-making-space-with-triz/ (35 min.): the unwanted result, then three segments of 10 "
        "min., each run 1-2-4-All (the 1/2/4/3 split inside a segment is ours)",
        35,
        {
            "unwanted": Fixed(5),
            each("worse", "1", "2", "4", "all"): Fixed(10),
            each("already", "1", "2", "4", "all"): Fixed(10),
            each("stop", "1", "2", "4", "all"): Fixed(10),
        },
    ),
    "what-so-what-now-what": Published(
        f"{LS}/9-what-so-what-now-what-w/ (45 min.): per stage 1 min. alone, then 2-7 min. in "
        "the group; the 2-3 min. harvest per stage is from the content brief",
        45,
        {
            **{f"{stage}-alone": Fixed(1) for stage in ("what", "so-what", "now-what")},
            **{f"{stage}-group": Within(2, 7) for stage in ("what", "so-what", "now-what")},
            **{f"{stage}-all": Within(2, 3) for stage in ("what", "so-what", "now-what")},
        },
        ours("opening", "closing"),
    ),
    "discovery-and-action-dialogue": Published(
        f"{LS}/10-discovery-action-dialogue/ (25-70 min.): the problem, a host and a scribe, "
        "about 5 min.; seven questions (no minutes given); a recap, about 5",
        45,
        {"start": Fixed(5), "recap": Fixed(5)},
        ours("q1", "q2", "q3", "q4", "q5", "q6", "q7"),
        total_range=(25, 70),
    ),
    "shift-and-share": Published(
        f"{LS}/11-shift-share/ (90 min.): 5 min. to set up, then 10 min. per station, "
        "presentation and questions together",
        90,
        {"setup": Fixed(5), "stations": PerRound(10, rounds=6)},
        ours("close"),
    ),
    "25-10-crowd-sourcing": Published(
        f"{LS}/12-2510-crowd-sourcing/ (30 min.): write 5 min.; five rounds of 3 min. of "
        "milling, pairing and scoring; count down 5 and a closing question 2. The page's "
        "explanation (3) and demonstration (2) are squeezed into 3 here to keep the stated 30.",
        30,
        {
            "write": Fixed(5),
            "scoring": PerRound(3, rounds=5, with_transition=True),
            "count": Fixed(7),
        },
        ours("invitation"),
    ),
    "min-specs": Published(
        f"{LS}/14-min-specs/ (35-55 min.): 1 min. alone and 5 in the group listing, 15 testing, "
        "an optional second pass of 10 (left out), 15 comparing and reducing, 2 reflecting",
        38,
        {
            "alone": Fixed(1),
            "list": Fixed(5),
            "test": Fixed(15),
            "compare": Fixed(15),
            "reflect": Fixed(2),
        },
        total_range=(35, 55),
    ),
    "improv-prototyping": Published(
        f"{LS}/15-improv-prototyping/ (20 min. a round)",
        21,
        {
            "explain": Fixed(2),
            "scene": Fixed(3),
            "act": Within(3, 5),
            "debrief": Fixed(5),
            "rebuild": Fixed(5),
            "replay": Within(3, 5),
        },
    ),
    "user-experience-fishbowl": Published(
        f"{LS}/18-users-experience-fishbowl/ (35-70 min.): steps without minutes",
        35,
        {},
        ours("setup", "inner", "questions", "answers", "debrief"),
        total_range=(35, 70),
    ),
    "heard-seen-respected": Published(
        f"{LS}/19-heard-seen-respected-hsr/ (35 min.): 3 min. intro, 7 min. per person, 5 "
        "reflecting in pairs, 5 in foursomes; the page's 5 for the whole group is 7 here, "
        "so that the steps fill the stated 35",
        35,
        {
            "invitation": Fixed(3),
            "stories": PerPerson(7, 7),
            "reflect": Fixed(5),
            "foursomes": Fixed(5),
        },
        ours("all"),
    ),
    "drawing-together": Published(
        f"{LS}/20-drawing-together/ (40 min.)",
        40,
        {
            "practise": Fixed(5),
            "first": Fixed(10),
            "second": Fixed(10),
            "interpret": Fixed(5),
            "all": Fixed(5),
        },
        ours("symbols"),
    ),
    "design-storyboards": Published(
        f"{LS}/21-design-storyboards/ (25-70 min.), each step 1-2-All",
        38,
        {
            "purpose": Within(2, 5),
            "usual": Within(5, 10),
            "purpose-again": Within(2, 5),
            "who": Within(2, 5),
            "options": Within(5, 10),
            "choose": Within(2, 10),
            "board": Within(2, 10),
            "evaluate": Within(2, 5),
        },
        total_range=(25, 70),
    ),
    "celebrity-interview": Published(
        f"{LS}/22-celebrity-interview/ (35-60 min.): steps without minutes",
        35,
        {},
        ours("welcome", "interview", "q-alone", "q-pairs", "q-four", "follow-up", "close"),
        total_range=(35, 60),
    ),
    "social-network-webbing": Published(
        f"{LS}/23-social-network-webbing/ (about 60 min.): steps without minutes",
        60,
        {},
        ours("legend", "core", "known", "wanted", "read", "reach-out"),
    ),
    "what-i-need-from-you": Published(
        f"{LS}/24-what-i-need-from-you-winfy/ (55-70 min.)",
        63,
        {
            "explain": Fixed(3),
            "needs": Within(5, 15),
            "state": Fixed(15),
            "respond": Within(5, 10),
            "answers": Fixed(10),
            "debrief": Fixed(15),
        },
        total_range=(55, 70),
    ),
    "open-space": Published(
        f"{LS}/25-open-space-technology/ (90 min. to days): a 90-minute version of our own",
        90,
        {},
        ours("opening", "agenda", "sessions", "closing"),
    ),
    "generative-relationships-star": Published(
        f"{LS}/26-generative-relationships-st/ (25 min.)",
        25,
        {step_id: Fixed(5) for step_id in ("assess", "compare", "pattern", "actions", "all")},
    ),
    "agreement-certainty-matrix": Published(
        f"{LS}/27-agreement-certainty-matrix/ (45 min.)",
        45,
        {
            "list": Fixed(5),
            "place": Fixed(5),
            "pairs": Fixed(5),
            "groups": Fixed(10),
            "wall": Fixed(5),
            "patterns": Fixed(5),
            "decide": Fixed(10),
        },
    ),
    "simple-ethnography": Published(
        f"{LS}/28-simple-ethnography/ (75 min. to 7 hrs.): the shortest version",
        75,
        {
            "problem": Fixed(5),
            "sites": Fixed(5),
            "observe": Within(10, 180),
            "interview": Within(20, 180),
            each("compare", "1", "2", "4", "all"): Fixed(15),
            "write-up": Within(10, 20),
            "ideas": Fixed(10),
        },
    ),
    "integrated-autonomy": Published(
        f"{LS}/29-integrated-autonomy/ (80 min.): the listed steps add to 75; the refining of "
        "the action steps takes the last 5",
        80,
        {
            "question": Fixed(5),
            each("tensions", "1", "2", "4", "all"): Fixed(10),
            "reasons": Fixed(10),
            "integration": Fixed(10),
            "autonomy": Fixed(10),
            "both": Fixed(5),
            "modify": Fixed(15),
            ("prioritise", "prioritise-all"): Fixed(10),
        },
        ours("refine"),
    ),
    "critical-uncertainties": Published(
        f"{LS}/30-critical-uncertainties/ (about 100 min.): only the first three steps are "
        "timed in the sources we found",
        100,
        {"list": Fixed(5), "prioritise": Fixed(10), "axes": Fixed(5)},
        ours("scenarios", "strategies", "share", "robust", "hedging", "next"),
    ),
    "ecocycle-planning": Published(
        f"{LS}/31-ecocycle-planning/ (95 min.)",
        95,
        {
            "intro": Fixed(5),
            "list": Fixed(5),
            "pairs": Fixed(10),
            "foursomes": Fixed(15),
            "wall": Fixed(15),
            "stop-start": Fixed(15),
            "rigidity": Fixed(10),
            "poverty": Fixed(10),
            "no-consensus": Fixed(10),
        },
    ),
    "panarchy": Published(
        f"{LS}/32-panarchy/ (2 hrs.): intro 5, the levels 30, obstacles and opportunities 50, "
        "action steps 25; the page's 15-minute debrief is 10 here to keep the stated two hours",
        120,
        {
            "intro": Fixed(5),
            ("factors", "levels-pairs", "levels-four", "levels-all"): Fixed(30),
            ("ecocycles", "links"): Fixed(50),
            "moves": Fixed(25),
        },
        ours("debrief"),
    ),
    "purpose-to-practice": Published(
        f"{LS}/33-purpose-to-practice-p2p/ (about 2 hrs.): the listed steps add to 115",
        115,
        {
            "intro": Fixed(5),
            "purpose-12": Fixed(10),
            "purpose-4": Fixed(10),
            "purpose-all": Fixed(10),
            P2P_OTHER_ELEMENTS: Fixed(60),
            "revise": Fixed(5),
            "debrief": Fixed(15),
        },
    ),
    # ---------------------------------------------------------------- variation and seeds
    "liquid-courage": Published(
        f"{LS}/2-impromptu-networking/ (Liquid Courage): pairs, new partners, "
        "about 1 min. per person",
        15,
        {"rounds": PerPerson(1, 1, rounds=3)},
        ours("invitation", "debrief"),
    ),
    "learn-and-teach-circles": Published(
        "Seed 002, 'How to run a networking session that doesn't suck': an intro of 60 seconds "
        "or two sentences, then one thing to learn, then one thing to teach, each a go-round; "
        "the groups shuffled twice, about an hour",
        60,
        {step_id: PerPerson(1, 1) for step_id in each("circle", "1-intro", "2-intro", "3-intro")},
        ours(
            "welcome",
            "mingle",
            *each("circle", "1-learn", "1-teach", "2-learn", "2-teach", "3-learn", "3-teach"),
        ),
    ),
    "network-benefits-harvest": Published(
        f"Seed 003 (a 1-2-4-All, {LS}/1-1-2-4-all/, then a 15-minute harvest)",
        27,
        {
            "alone": Fixed(1),
            "pairs": Fixed(2),
            "foursomes": Fixed(4),
            "all": Fixed(5),
            ("emerged", "take-home"): Fixed(15),
        },
    ),
    "network-foundations-check": Published(
        "Seed 004 (the five areas) asked in the 1-2-4-All pattern; about 20 min., steps of our own",
        20,
        {},
        ours("alone", "pairs", "foursomes", "all"),
    ),
}

REMODELLED_WITH_PHASES = {
    "troika-consulting",
    "wise-crowds",
    "15-percent-solutions",
    "conversation-cafe",
    "helping-heuristics",
}
"""Checked phase by phase on the phases branch; see the module docstring."""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(user_dir=tmp_path_factory.mktemp("empty-user-library"))


def steps_by_id(structure: Structure) -> dict[str, Step]:
    return {step.id: step for step in structure.steps}


def check(step: Step, figure: Figure) -> None:
    low, high = step.minutes_range
    match figure:
        case Fixed(minutes):
            assert step.total_minutes == minutes
        case Within(lowest, highest):
            assert lowest <= step.minutes <= highest
            assert lowest <= low, (low, high)
            assert high <= highest, (low, high)
        case PerPerson(lowest, highest, rounds):
            assert step.speakers > 1
            assert step.rounds == rounds
            assert lowest <= step.minutes / step.speakers <= highest
            if lowest < highest:  # a published range also bounds fitting to time
                assert lowest <= low / step.speakers, (low, high)
                assert high / step.speakers <= highest, (low, high)
        case PerRound(minutes, rounds, with_transition):
            assert step.rounds == rounds
            assert step.minutes + (step.transition_minutes if with_transition else 0) == minutes


def test_every_builtin_structure_is_in_the_table(library: Library) -> None:
    builtin = set(library.builtins["structure"])
    assert builtin - REMODELLED_WITH_PHASES <= set(PUBLISHED), sorted(builtin - set(PUBLISHED))
    assert set(PUBLISHED) <= builtin, sorted(set(PUBLISHED) - builtin)


@pytest.mark.parametrize("structure_id", sorted(PUBLISHED))
def test_steps_match_the_published_figures(library: Library, structure_id: str) -> None:
    published = PUBLISHED[structure_id]
    structure = library.structure(structure_id)
    steps = steps_by_id(structure)
    covered: set[str] = set(published.ours)
    for key, figure in published.steps.items():
        if isinstance(key, tuple):
            assert isinstance(figure, Fixed), key
            assert sum(steps[step_id].total_minutes for step_id in key) == figure.minutes, key
            covered.update(key)
        else:
            check(steps[key], figure)
            covered.add(key)
    assert set(steps) == covered, (
        f"steps without a published figure: {sorted(set(steps) - covered)}"
    )


@pytest.mark.parametrize("structure_id", sorted(PUBLISHED))
def test_total_matches_the_source(library: Library, structure_id: str) -> None:
    published = PUBLISHED[structure_id]
    structure = library.structure(structure_id)
    assert structure.total_minutes == published.total
    assert build_timeline(structure, None, "en").total_seconds == published.total * 60
    if published.total_range is not None:
        low, high = published.total_range
        assert low <= structure.total_minutes <= high


@pytest.mark.parametrize("structure_id", sorted(PUBLISHED))
def test_source_note_names_the_source_and_the_licence(library: Library, structure_id: str) -> None:
    source = library.structure(structure_id).source
    assert "Creative Commons" in source
    if PUBLISHED[structure_id].source.startswith(LS):
        page = PUBLISHED[structure_id].source.split(" ")[0]
        assert page in source, page
    else:
        assert "blog post" in source or "notes" in source


@pytest.mark.parametrize("structure_id", sorted(PUBLISHED))
def test_fit_to_time_can_stretch_or_shrink_it(library: Library, structure_id: str) -> None:
    """No step sits at both ends of its range at once, which would freeze the whole length."""
    low, high = feasible_minutes(library.structure(structure_id))
    assert low < high


def test_learn_and_teach_circles_go_round_three_times_in_three_circles(library: Library) -> None:
    """Seed 002: intro, learn, teach, each a go-round; shuffle; three circles in all."""
    structure = library.structure("learn-and-teach-circles")
    ids = [step.id for step in structure.steps]
    go_rounds = [
        f"circle-{circle}-{part}" for circle in (1, 2, 3) for part in ("intro", "learn", "teach")
    ]
    assert ids == ["welcome", *go_rounds, "mingle"]
    steps = steps_by_id(structure)
    for step_id in go_rounds:
        assert steps[step_id].speakers == 5, step_id  # a turn each at a circle of five
    shuffles = [step_id for step_id in go_rounds if steps[step_id].transition is not None]
    assert shuffles == ["circle-2-intro", "circle-3-intro"]


def test_a_foursome_is_two_pairs_joining(library: Library) -> None:
    """1-2-4-All: the foursome keeps the pairs together; it is not a fresh mix."""
    step = steps_by_id(library.structure("1-2-4-all"))["foursomes"]
    assert "pair" in step.instruction.in_language("en")
    assert "tweetal" in step.instruction.in_language("nl")
    assert "not a new mix" in step.notes.in_language("en")
