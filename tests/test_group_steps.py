"""Which grouped steps keep the groups of the step before, read from real structures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.core.documents.library import load_library
from facilitator.core.groups.rounds import group_steps
from facilitator.core.timing.timeline import build_timeline

if TYPE_CHECKING:
    from pathlib import Path


def test_a_new_circle_after_the_shuffle_forms_new_groups(tmp_path: Path) -> None:
    """Learn and Teach Circles: the go-rounds of a circle keep its people; "find a new circle"
    before the next one means new groups, so the card shows new circles at the shuffle."""
    library = load_library(user_dir=tmp_path)
    timeline = build_timeline(library.structure("learn-and-teach-circles"), None, "en")
    continues = {step.key: step.continues for step in group_steps(timeline)}
    assert continues == {
        "circle-1-intro": None,
        "circle-1-learn": "circle-1-intro",
        "circle-1-teach": "circle-1-learn",
        "circle-2-intro": None,
        "circle-2-learn": "circle-2-intro",
        "circle-2-teach": "circle-2-learn",
        "circle-3-intro": None,
        "circle-3-learn": "circle-3-intro",
        "circle-3-teach": "circle-3-learn",
    }


def test_a_step_without_a_change_over_still_continues(tmp_path: Path) -> None:
    """What, So What, Now What?: each stage's group talk keeps the small groups of the stage
    before. (15% Solutions, the example this test first used, now consults in a phase of the
    sharing round: one step, so its groups stay by construction.)"""
    library = load_library(user_dir=tmp_path)
    timeline = build_timeline(library.structure("what-so-what-now-what"), None, "en")
    continues = {step.key: step.continues for step in group_steps(timeline)}
    assert continues["so-what-group"] == "what-group"
    assert continues["now-what-group"] == "so-what-group"
