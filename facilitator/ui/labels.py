"""Translated names for the core's enumerations, in one place."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication

from facilitator.core.settings.preferences import SILENT
from facilitator.core.shown.card import CardContent, CardPhase, speaker_letter
from facilitator.core.timing.timeline import SegmentKind
from facilitator.core.workshop.structures import GroupShape, Moment, Role

translate = QCoreApplication.translate
"""Qt's translate(context, text), spelled so that pyside6-lupdate finds every call."""


class Words(Protocol):
    """Texts in one language: `translate(context, text)`, as Qt's translators do."""

    def translate(self, context: str, text: str) -> str:
        """`text` of `context` in this language."""
        ...


class InterfaceWords:
    """The interface's language: the translators installed for the whole app."""

    @staticmethod
    def translate(context: str, text: str) -> str:
        """`text` of `context` in the interface's language."""
        return QCoreApplication.translate(context, text)


INTERFACE = InterfaceWords()
"""The console's words; the card asks for the words of its own language (card_canvas.py)."""


def shape_label(shape: GroupShape) -> str:
    """How a group shape is called in the interface."""
    return {
        GroupShape.ALONE: translate("Labels", "alone"),
        GroupShape.PAIRS: translate("Labels", "pairs"),
        GroupShape.TRIOS: translate("Labels", "trios"),
        GroupShape.FOURSOMES: translate("Labels", "foursomes"),
        GroupShape.SMALL_GROUPS: translate("Labels", "small groups"),
        GroupShape.WHOLE_GROUP: translate("Labels", "whole group"),
    }[shape]


def kind_label(kind: SegmentKind) -> str:
    """How a segment kind is called in the interface."""
    return {
        SegmentKind.STEP: translate("Labels", "step"),
        SegmentKind.TURN: translate("Labels", "speaking turn"),
        SegmentKind.TRANSITION: translate("Labels", "change-over"),
    }[kind]


def cue_label(cue: str) -> str:
    """How a cue (a moment) is called in the interface."""
    labels = {
        Moment.STEP_START.value: translate("Labels", "step starts"),
        Moment.ROUND_START.value: translate("Labels", "round starts"),
        Moment.SPEAKER_SWAP.value: translate("Labels", "speakers swap"),
        Moment.PHASE_CHANGE.value: translate("Labels", "next phase of a round"),
        Moment.TURN_BACK.value: translate("Labels", "someone turns their back"),
        Moment.WARNING.value: translate("Labels", "warning before the end"),
        Moment.TRANSITION.value: translate("Labels", "change-over"),
        Moment.END.value: translate("Labels", "end of the structure"),
    }
    return labels.get(cue, translate("Labels", "no cue"))


def sound_label(sound: str) -> str:
    """How a built-in sound (or none) is called in the interface."""
    labels = {
        "tingsha": translate("Labels", "Tingsha"),
        "chime": translate("Labels", "Chime"),
        "strike": translate("Labels", "Soft strike"),
        "warning": translate("Labels", "Warning tones"),
        "end": translate("Labels", "End signal (three strikes)"),
        SILENT: translate("Labels", "None"),
    }
    return labels.get(sound, sound)


def language_name(code: str) -> str:
    """A language's name in the interface's language, for sentences: "English", "Engels"."""
    names = {
        "en": QCoreApplication.translate("Labels", "English"),
        "nl": QCoreApplication.translate("Labels", "Dutch"),
    }
    return names.get(code, language_label(code))


def language_label(code: str) -> str:
    """A language's own name."""
    return {"en": "English", "nl": "Nederlands"}.get(code, code)


SUPPORTED_LANGUAGES = ("en", "nl")


def role_label(role: Role, words: Words = INTERFACE) -> str:
    """Who acts in a phase, as the card and the console name them."""
    return {
        Role.EVERYONE: words.translate("Labels", "Everyone"),
        Role.EACH_PERSON: words.translate("Labels", "Each person alone"),
        Role.CLIENT: words.translate("Labels", "The client"),
        Role.CONSULTANTS: words.translate("Labels", "The consultants"),
        Role.COACH: words.translate("Labels", "The coach"),
        Role.OBSERVER: words.translate("Labels", "The observer"),
        Role.PAIR: words.translate("Labels", "The pair"),
        Role.SPEAKER: words.translate("Labels", "The speaker"),
        Role.LISTENERS: words.translate("Labels", "The listeners"),
        Role.TABLE: words.translate("Labels", "The table"),
        Role.GROUP: words.translate("Labels", "The group"),
    }[role]


def round_text(content: CardContent, words: Words = INTERFACE) -> str:
    """ "Round 2 of 3", "Round 2 of 3, step 3 of 4", "Step 2 of 4", or empty."""
    position = ""
    if content.round is not None and content.rounds > 1:
        position = words.translate("Card", "Round {number} of {count}").format(
            number=content.round, count=content.rounds
        )
    if content.phase_number is None or content.transition:
        return position
    if content.speaker is not None and content.speakers > 1:
        position = words.translate("Card", "Person {number} of {count}").format(
            number=content.speaker, count=content.speakers
        )
    if not position:
        return words.translate("Card", "Step {number} of {count}").format(
            number=content.phase_number, count=content.phase_count
        )
    return words.translate("Card", "{position}, step {number} of {count}").format(
        position=position, number=content.phase_number, count=content.phase_count
    )


def who_acts_text(content: CardContent, words: Words = INTERFACE) -> str:
    """Who acts in the phase running now: its instruction, else its role; empty without one."""
    if content.phase_number is None or content.transition:
        return ""
    if content.who_acts:
        return content.who_acts
    return role_label(content.role, words) if content.role is not None else ""


def speaker_text(content: CardContent, words: Words = INTERFACE) -> str:
    """Who speaks now: "Person A speaks", "Swap: Person B speaks"."""
    if content.speaker is None or content.transition:
        return ""
    if content.speakers == 2:
        letter = speaker_letter(content.speaker)
        if content.swap:
            return words.translate("Card", "Swap: Person {letter} speaks").format(letter=letter)
        return words.translate("Card", "Person {letter} speaks").format(letter=letter)
    if content.swap:
        return words.translate("Card", "Next: person {number} of {count} speaks").format(
            number=content.speaker, count=content.speakers
        )
    return words.translate("Card", "Person {number} of {count} speaks").format(
        number=content.speaker, count=content.speakers
    )


def status_text(phase: CardPhase, words: Words = INTERFACE) -> str:
    """The word beside the clock: paused, almost time, time is up."""
    return {
        CardPhase.PAUSED: words.translate("Card", "Paused"),
        CardPhase.WARNING: words.translate("Card", "Almost time"),
        CardPhase.OVERRUN: words.translate("Card", "Time is up"),
        CardPhase.TIME_UP: words.translate("Card", "Time is up"),
    }.get(phase, "")
