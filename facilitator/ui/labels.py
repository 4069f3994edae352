"""Translated names for the core's enumerations, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from facilitator.core.card import CardContent, CardPhase, speaker_letter
from facilitator.core.model import GroupShape, Moment
from facilitator.core.timeline import SegmentKind


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def shape_label(shape: GroupShape) -> str:
    """How a group shape is called in the interface."""
    return {
        GroupShape.ALONE: _tr("alone"),
        GroupShape.PAIRS: _tr("pairs"),
        GroupShape.TRIOS: _tr("trios"),
        GroupShape.FOURSOMES: _tr("foursomes"),
        GroupShape.SMALL_GROUPS: _tr("small groups"),
        GroupShape.WHOLE_GROUP: _tr("whole group"),
    }[shape]


def kind_label(kind: SegmentKind) -> str:
    """How a segment kind is called in the interface."""
    return {
        SegmentKind.STEP: _tr("step"),
        SegmentKind.TURN: _tr("speaking turn"),
        SegmentKind.TRANSITION: _tr("change-over"),
    }[kind]


def cue_label(cue: str) -> str:
    """How a cue (a moment) is called in the interface."""
    labels = {
        Moment.STEP_START.value: _tr("step starts"),
        Moment.ROUND_START.value: _tr("round starts"),
        Moment.SPEAKER_SWAP.value: _tr("speakers swap"),
        Moment.WARNING.value: _tr("warning before the end"),
        Moment.TRANSITION.value: _tr("change-over"),
        Moment.END.value: _tr("end of the structure"),
    }
    return labels.get(cue, _tr("no cue"))


def language_label(code: str) -> str:
    """A language's own name."""
    return {"en": "English", "nl": "Nederlands"}.get(code, code)


SUPPORTED_LANGUAGES = ("en", "nl")


def _card(text: str) -> str:
    return QCoreApplication.translate("Card", text)


def round_text(content: CardContent) -> str:
    """ "Round 2 of 3", or empty without rounds."""
    if content.round is None or content.rounds <= 1:
        return ""
    return _card("Round {number} of {count}").format(number=content.round, count=content.rounds)


def speaker_text(content: CardContent) -> str:
    """Who speaks now: "Person A speaks", "Swap: Person B speaks"."""
    if content.speaker is None or content.transition:
        return ""
    if content.speakers == 2:
        letter = speaker_letter(content.speaker)
        if content.swap:
            return _card("Swap: Person {letter} speaks").format(letter=letter)
        return _card("Person {letter} speaks").format(letter=letter)
    if content.swap:
        return _card("Next: person {number} of {count} speaks").format(
            number=content.speaker, count=content.speakers
        )
    return _card("Person {number} of {count} speaks").format(
        number=content.speaker, count=content.speakers
    )


def status_text(phase: CardPhase) -> str:
    """The word beside the clock: paused, almost time, time is up."""
    return {
        CardPhase.PAUSED: _card("Paused"),
        CardPhase.WARNING: _card("Almost time"),
        CardPhase.OVERRUN: _card("Time is up"),
    }.get(phase, "")
