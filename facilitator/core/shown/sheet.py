"""The facilitator's sheet: a printable run-sheet for a plan or for one structure.

The sheet is built once as a list of simple blocks (headings, paragraphs,
bullet lists and the agenda table) holding plain text as typed. sheet_markdown.py
turns those blocks into Markdown, escaping every character that would otherwise
become formatting or HTML; the PDF writer (ui/sheet_pdf.py) renders the same
blocks without parsing any Markdown. Participant names never appear on a sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.plans.format import FreeItem, Plan
from facilitator.core.plans.schedule import clock_after, parse_clock_time, resolve_plan
from facilitator.core.timing.timeline import build_timeline, seconds_of, turn_seconds
from facilitator.core.workshop.structures import (
    FALLBACK_LANGUAGE,
    GroupShape,
    LocalText,
    QuestionSet,
    Role,
    SetKind,
    Step,
    Structure,
)

if TYPE_CHECKING:
    from datetime import time

    from facilitator.core.documents.library import Library


# --- blocks ----------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is the sheet's title."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text, optionally led by a bold label like "Purpose"."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row, e.g. the agenda."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | Bullets | Table


# --- the sheet's own words -----------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "agenda": "Agenda",
        "time": "Time",
        "from_start": "From the start",
        "item": "Item",
        "step": "Step",
        "groups": "Groups",
        "length": "Length",
        "total": "Total",
        "break": "break",
        "purpose": "Purpose",
        "setup": "Room set-up and materials",
        "steps": "Steps",
        "participants": "Participants",
        "notes": "Facilitator notes",
        "between_rounds": "Between rounds",
        "questions": "Questions to show",
        "stems": "Sentence stems to show",
        "tips": "Tips",
        "credits": "Credits",
        "in_all": "{total} in all: {details}",
        "rounds": "{rounds} rounds of {length}",
        "turns": "{speakers} turns of {length} each",
        "change_before": "{length} to change before each round",
        "change_between": "{length} to change between rounds",
        "only_during": "{text} (only during: {steps})",
        "phases": "Phases of each round",
        "phases_of_turn": "Phases of each turn",
        "phase": "{length}: {title} ({who})",
        Role.EVERYONE: "everyone",
        Role.EACH_PERSON: "each person alone",
        Role.CLIENT: "the client",
        Role.CONSULTANTS: "the consultants",
        Role.COACH: "the coach",
        Role.OBSERVER: "the observer",
        Role.PAIR: "the pair",
        Role.SPEAKER: "the speaker",
        Role.LISTENERS: "the listeners",
        Role.TABLE: "the table",
        Role.GROUP: "the group",
        "s": "s",
        "min": "min",
        "h": "h",
        GroupShape.ALONE: "alone",
        GroupShape.PAIRS: "pairs",
        GroupShape.TRIOS: "trios",
        GroupShape.FOURSOMES: "foursomes",
        GroupShape.SMALL_GROUPS: "small groups of {low} to {high}",
        GroupShape.WHOLE_GROUP: "whole group",
    },
    "nl": {
        "agenda": "Programma",
        "time": "Tijd",
        "from_start": "Vanaf het begin",
        "item": "Onderdeel",
        "step": "Stap",
        "groups": "Groepen",
        "length": "Duur",
        "total": "Totaal",
        "break": "pauze",
        "purpose": "Doel",
        "setup": "Inrichting van de ruimte en materialen",
        "steps": "Stappen",
        "participants": "Deelnemers",
        "notes": "Aantekeningen voor de facilitator",
        "between_rounds": "Tussen de rondes",
        "questions": "Vragen op het scherm",
        "stems": "Zinsaanzetten op het scherm",
        "tips": "Tips",
        "credits": "Bron",
        "in_all": "{total} in totaal: {details}",
        "rounds": "{rounds} rondes van {length}",
        "turns": "{speakers} beurten van {length}",
        "change_before": "{length} wisselen vóór elke ronde",
        "change_between": "{length} wisselen tussen de rondes",
        "only_during": "{text} (alleen tijdens: {steps})",
        "phases": "Fasen van elke ronde",
        "phases_of_turn": "Fasen van elke beurt",
        "phase": "{length}: {title} ({who})",
        Role.EVERYONE: "iedereen",
        Role.EACH_PERSON: "ieder voor zich",
        Role.CLIENT: "de klant",
        Role.CONSULTANTS: "de adviseurs",
        Role.COACH: "de coach",
        Role.OBSERVER: "de waarnemer",
        Role.PAIR: "het tweetal",
        Role.SPEAKER: "de spreker",
        Role.LISTENERS: "de luisteraars",
        Role.TABLE: "de tafel",
        Role.GROUP: "de groep",
        "s": "s",
        "min": "min",
        "h": "u",
        GroupShape.ALONE: "alleen",
        GroupShape.PAIRS: "tweetallen",
        GroupShape.TRIOS: "drietallen",
        GroupShape.FOURSOMES: "viertallen",
        GroupShape.SMALL_GROUPS: "kleine groepen van {low} tot {high}",
        GroupShape.WHOLE_GROUP: "hele groep",
    },
}
"""The sheet's own words per language; a missing word falls back to English."""


def _word(language: str, key: str) -> str:
    return LABELS.get(language, {}).get(key) or LABELS[FALLBACK_LANGUAGE][key]


def format_length(seconds: float, language: str = FALLBACK_LANGUAGE) -> str:
    """A length for the sheet: `45 s`, `4 min`, `2 min 30 s`, `1 h 30 min`."""
    seconds = round(seconds)
    unit_s, unit_min, unit_h = (_word(language, key) for key in ("s", "min", "h"))
    if seconds < 60:
        return f"{seconds} {unit_s}"
    minutes, rest = divmod(seconds, 60)
    if minutes >= 90 and not rest:
        hours, minutes = divmod(minutes, 60)
        return f"{hours} {unit_h} {minutes:02d} {unit_min}" if minutes else f"{hours} {unit_h}"
    return f"{minutes} {unit_min} {rest} {unit_s}" if rest else f"{minutes} {unit_min}"


def _offset_text(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if secs else f"{hours}:{minutes:02d}"


def _clock_text(moment: time) -> str:
    return moment.strftime("%H:%M:%S" if moment.second else "%H:%M")


def _when(start: time | None, offset: int, seconds: int) -> str:
    """The span of an item: clock times from `start`, else offsets from the start."""
    if start is None:
        return f"{_offset_text(offset)}–{_offset_text(offset + seconds)}"
    begin, end = clock_after(start, offset), clock_after(start, offset + seconds)
    return f"{_clock_text(begin)}–{_clock_text(end)}"


# --- building the blocks --------------------------------------------------------------


def _text(text: LocalText, language: str) -> str:
    return text.in_language(language).strip()


def _group_text(step: Step, language: str) -> str:
    words = _word(language, step.group)
    size = step.size_range
    if step.group is GroupShape.SMALL_GROUPS and size is not None:
        return words.format(low=size[0], high=size[1])
    return words


def _step_spans(structure: Structure) -> list[tuple[int, int]]:
    """Each step's offset and length in seconds, as the timeline runs it."""
    spans: dict[int, list[int]] = {}
    for segment in build_timeline(structure, None, FALLBACK_LANGUAGE).segments:
        span = spans.setdefault(segment.step_index, [segment.start_seconds, 0])
        span[1] += segment.duration_seconds
    return [(spans[i][0], spans[i][1]) for i in range(len(structure.steps))]


def _step_length(step: Step, seconds: int, language: str) -> str:
    total = format_length(seconds, language)
    if step.rounds == 1 and step.speakers == 1:
        return total
    turn = turn_seconds(step)
    details = []
    if step.rounds > 1:
        round_length = format_length(turn * step.speakers, language)
        details.append(_word(language, "rounds").format(rounds=step.rounds, length=round_length))
    if step.speakers > 1:
        details.append(
            _word(language, "turns").format(
                speakers=step.speakers, length=format_length(turn, language)
            )
        )
    if step.transition is not None and step.transition_count:
        change = format_length(seconds_of(step.transition.minutes), language)
        key = "change_before" if step.transition.before_first_round else "change_between"
        details.append(_word(language, key).format(length=change))
    return _word(language, "in_all").format(total=total, details=", ".join(details))


def _structure_details(
    structure: Structure,
    question_set: QuestionSet | None,
    language: str,
    level: int,
    start: time | None,
    offset: int,
) -> list[Block]:
    """Purpose, set-up, steps, questions and tips of one structure."""
    blocks: list[Block] = []
    for key, text in (("purpose", structure.purpose), ("setup", structure.setup)):
        if _text(text, language):
            blocks.append(Paragraph(_text(text, language), _word(language, key)))
    blocks.append(Heading(level, _word(language, "steps")))
    for number, (step, (step_offset, seconds)) in enumerate(
        zip(structure.steps, _step_spans(structure), strict=True), start=1
    ):
        blocks.append(Heading(level + 1, f"{number}. {_text(step.title, language)}"))
        blocks.append(
            Paragraph(_when(start, offset + step_offset, seconds), _word(language, "time"))
        )
        blocks.append(Paragraph(_step_length(step, seconds, language), _word(language, "length")))
        blocks.append(Paragraph(_group_text(step, language), _word(language, "groups")))
        if step.phases:
            key = "phases_of_turn" if step.speakers > 1 else "phases"
            blocks.append(Paragraph("; ".join(_phase_texts(step, language)), _word(language, key)))
        texts = [
            ("participants", step.instruction),
            ("between_rounds", step.transition.instruction if step.transition else LocalText()),
            ("notes", step.notes),
        ]
        for key, text in texts:
            if _text(text, language):
                blocks.append(Paragraph(_text(text, language), _word(language, key)))
    questions = _questions_to_show(structure, question_set, language)
    if questions:
        kind = "stems" if question_set and question_set.kind is SetKind.STEMS else "questions"
        title = f"{_word(language, kind)}: {question_set.title}" if question_set else ""
        blocks.append(Heading(level, title))
        blocks.append(Bullets(tuple(questions)))
    tips = [_text(tip, language) for tip in structure.tips if _text(tip, language)]
    if tips:
        blocks.append(Heading(level, _word(language, "tips")))
        blocks.append(Bullets(tuple(tips)))
    if structure.attribution:
        blocks.append(Paragraph(structure.attribution, _word(language, "credits")))
    return blocks


def _phase_texts(step: Step, language: str) -> list[str]:
    """Each phase of a step: its length, its name and who acts."""
    return [
        _word(language, "phase").format(
            length=format_length(seconds_of(phase.minutes), language),
            title=_text(phase.title, language),
            who=_word(language, phase.role),
        )
        for phase in step.phases
    ]


def _questions_to_show(
    structure: Structure, question_set: QuestionSet | None, language: str
) -> list[str]:
    """The set's questions shown in this structure, noting those shown only in some steps."""
    if question_set is None:
        return []
    showing = [step for step in structure.steps if step.show_questions]
    found = []
    for question in question_set.questions:
        steps = [step for step in showing if question.shown_in(step.id)]
        if not steps:
            continue
        phases = [p for step in steps for p in step.phases if p.id in question.phases]
        if len(steps) == len(showing) and not phases:
            found.append(question.text)
        else:
            names = ", ".join(_text(item.title, language) for item in (phases or steps))
            found.append(_word(language, "only_during").format(text=question.text, steps=names))
    return found


def structure_sheet(
    structure: Structure,
    question_set: QuestionSet | None,
    language: str = FALLBACK_LANGUAGE,
    start: time | str | None = None,
) -> tuple[Block, ...]:
    """The sheet for one structure: its steps as the agenda, then every detail."""
    clock = parse_clock_time(start) if start is not None else None
    blocks: list[Block] = [Heading(1, _text(structure.title, language))]
    if _text(structure.summary, language):
        blocks.append(Paragraph(_text(structure.summary, language)))
    spans = _step_spans(structure)
    total = sum(seconds for _, seconds in spans)
    blocks.append(
        Paragraph(
            f"{format_length(total, language)} ({_when(clock, 0, total)})",
            _word(language, "total"),
        )
    )
    blocks.append(Heading(2, _word(language, "agenda")))
    header = (
        _word(language, "time" if clock else "from_start"),
        _word(language, "step"),
        _word(language, "groups"),
        _word(language, "length"),
    )
    rows = tuple(
        (
            _when(clock, offset, seconds),
            _text(step.title, language),
            _group_text(step, language),
            format_length(seconds, language),
        )
        for step, (offset, seconds) in zip(structure.steps, spans, strict=True)
    )
    blocks.append(Table(header, rows))
    blocks.extend(_structure_details(structure, question_set, language, 2, clock, 0))
    return tuple(blocks)


def plan_sheet(
    plan: Plan,
    library: Library,
    language: str = FALLBACK_LANGUAGE,
    start: time | str | None = None,
) -> tuple[Block, ...]:
    """The sheet for a plan: the agenda with clock times, then each item in detail."""
    begin = start if start is not None else plan.start_time
    clock = parse_clock_time(begin) if begin is not None else None
    items = resolve_plan(plan, library, language)
    total = sum(item.seconds for item in items)
    blocks: list[Block] = [Heading(1, _text(plan.title, language))]
    if _text(plan.summary, language):
        blocks.append(Paragraph(_text(plan.summary, language)))
    blocks.append(
        Paragraph(
            f"{format_length(total, language)} ({_when(clock, 0, total)})",
            _word(language, "total"),
        )
    )
    blocks.append(Heading(2, _word(language, "agenda")))
    rows = []
    offset = 0
    offsets = []
    for item in items:
        title = item.title
        if isinstance(item.item, FreeItem) and item.item.is_break:
            title = f"{title} ({_word(language, 'break')})"
        rows.append(
            (_when(clock, offset, item.seconds), title, format_length(item.seconds, language))
        )
        offsets.append(offset)
        offset += item.seconds
    header = (
        _word(language, "time" if clock else "from_start"),
        _word(language, "item"),
        _word(language, "length"),
    )
    blocks.append(Table(header, tuple(rows)))
    for item, item_offset in zip(items, offsets, strict=True):
        blocks.append(Heading(2, f"{item.position}. {item.title}"))
        blocks.append(Paragraph(_when(clock, item_offset, item.seconds), _word(language, "time")))
        blocks.append(Paragraph(format_length(item.seconds, language), _word(language, "length")))
        if isinstance(item.item, FreeItem):
            if _text(item.item.notes, language):
                blocks.append(Paragraph(_text(item.item.notes, language), _word(language, "notes")))
            continue
        if _text(item.structure.summary, language):
            blocks.append(Paragraph(_text(item.structure.summary, language)))
        blocks.extend(
            _structure_details(item.structure, item.question_set, language, 3, clock, item_offset)
        )
    return tuple(blocks)
