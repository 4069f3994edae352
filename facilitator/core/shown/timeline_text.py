"""A timeline as plain text lines, as `facilitator show` prints it: a table, then the questions.

The table has a PHASE and a ROLE column only when the timeline has phases, so the output of
a structure without phases stays exactly as it always was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.core.timing.fitting import format_minutes

if TYPE_CHECKING:
    from collections.abc import Sequence

    from facilitator.core.timing.timeline import Segment, Timeline


def table_lines(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Rows as lines of columns, each as wide as its widest cell, two spaces apart."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def timeline_lines(timeline: Timeline) -> list[str]:
    """The timeline's heading, a row per segment, the end, and what the card shows."""
    language = timeline.language
    structure = timeline.structure
    groups = f", groups of {structure.group_size}" if structure.group_size else ""
    lines = [
        f"{structure.title.in_language(language)} ({structure.id}), "
        f"{format_minutes(timeline.total_seconds)} in all{groups}"
    ]
    if timeline.question_set is not None:
        lines.append(f"Questions: {timeline.question_set.title} ({timeline.question_set.id})")
    with_phases = any(segment.phase is not None for segment in timeline.segments)
    header: tuple[str, ...] = ("#", "START", "LENGTH", "STEP", "KIND", "ROUND", "SPEAKER", "CUE")
    if with_phases:
        header += ("PHASE", "ROLE")
    rows = [header, *(_row(timeline, segment, with_phases) for segment in timeline.segments)]
    lines += ["", *table_lines(rows)]
    lines += ["", f"Then: {timeline.end_cue} at {format_minutes(timeline.total_seconds)}"]
    shown: set[tuple[str, ...]] = set()
    for segment in timeline.segments:
        if segment.questions and segment.questions not in shown:
            shown.add(segment.questions)
            lines += ["", f"On the card from #{segment.index}:"]
            lines += [f"  - {question}" for question in segment.questions]
    return lines


def _row(timeline: Timeline, segment: Segment, with_phases: bool) -> tuple[str, ...]:
    step = timeline.step(segment)
    row: tuple[str, ...] = (
        str(segment.index),
        format_minutes(segment.start_seconds),
        format_minutes(segment.duration_seconds),
        step.title.in_language(timeline.language),
        segment.kind.value,
        f"{segment.round}/{segment.rounds}" if segment.round else "",
        f"{segment.speaker}/{segment.speakers}" if segment.speaker else "",
        segment.cue,
    )
    if not with_phases:
        return row
    phase = timeline.phase(segment)
    if phase is None:
        return (*row, "", "")
    title = phase.title.in_language(timeline.language)
    role = segment.role.value if segment.role else ""
    return (*row, f"{segment.phase}/{segment.phases} {title}", role)
