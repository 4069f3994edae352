"""The editor's live preview: the card as the projector will show it, while editing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from facilitator.core.files.kinds import DocumentKind
from facilitator.core.shown.previews import preview_timeline, question_card, segment_card
from facilitator.core.workshop.structures import QuestionSet, Structure
from facilitator.models.card_presenter import StaticCardPresenter

if TYPE_CHECKING:
    from facilitator.core.timing.timeline import Segment, Timeline
    from facilitator.models.editing.draft_model import DraftModel


class PreviewModel(QObject):
    """Turns the draft into card content: a chosen segment, or the chosen question."""

    segmentsChanged = Signal()
    """The list of segments to choose from changed (a structure was edited)."""
    staleChanged = Signal(bool)
    """True while the draft has problems and the preview shows its last good version."""

    def __init__(self, draft: DraftModel, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draft = draft
        self._language = language
        self._segment = 0
        self._question = 0
        self._timeline: Timeline | None = None
        self._stale = False
        self.presenter = StaticCardPresenter(parent=self)
        draft.changed.connect(lambda _path: self.refresh())
        draft.library.changed.connect(self.refresh)
        self.refresh()

    @property
    def language(self) -> str:
        """The language the preview shows."""
        return self._language

    @property
    def segments(self) -> list[Segment]:
        """The segments of the previewed structure (empty for a question set)."""
        if self._draft.document_type != DocumentKind.STRUCTURE or self._timeline is None:
            return []
        return list(self._timeline.segments)

    @property
    def timeline(self) -> Timeline | None:
        """The previewed run's timeline."""
        return self._timeline

    @property
    def segment_index(self) -> int:
        """The segment shown (structures)."""
        return self._segment

    @property
    def stale(self) -> bool:
        """Whether the preview shows the last good version because the draft has problems."""
        return self._stale

    def set_language(self, language: str) -> None:
        """Preview a structure in another language."""
        if language != self._language:
            self._language = language
            self.refresh()

    def set_segment(self, index: int) -> None:
        """Show another segment of the structure."""
        if index != self._segment and index >= 0:
            self._segment = index
            self.refresh()

    def set_question(self, index: int) -> None:
        """Show the card with another question of the set."""
        if index != self._question and index >= 0:
            self._question = index
            self.refresh()

    def refresh(self) -> None:
        """Recompute the card from the draft (or its last good version)."""
        item = self._draft.item
        stale = item is None
        item = item or self._draft.last_valid_item
        if stale != self._stale:
            self._stale = stale
            self.staleChanged.emit(stale)
        if isinstance(item, Structure):
            self._show_structure(item)
        elif isinstance(item, QuestionSet):
            self._show_question_set(item)
        else:
            self.presenter.set_content(None)

    def _show_structure(self, structure: Structure) -> None:
        library = self._draft.library.library
        questions = library.default_question_set(structure, self._language)
        before = self._signature()
        self._timeline = preview_timeline(structure, questions, self._language)
        after = self._signature()
        self._segment = min(self._segment, len(self._timeline.segments) - 1)
        if before != after:
            self.segmentsChanged.emit()
        self.presenter.set_content(segment_card(self._timeline, self._segment))

    def _signature(self) -> list[tuple[object, ...]]:
        """What the segment chooser shows; it is refilled only when this changes."""
        timeline = self._timeline
        if timeline is None:
            return []
        return [
            (
                s.step_id,
                s.kind,
                s.round,
                s.speaker,
                timeline.step(s).title.in_language(self._language),
                s.phase_id,
                phase.title.in_language(self._language) if (phase := timeline.phase(s)) else "",
            )
            for s in timeline.segments
        ]

    def _show_question_set(self, question_set: QuestionSet) -> None:
        library = self._draft.library.library
        structure = None
        for structure_id in question_set.structures:
            structure = library.find_structure(structure_id)
            if structure is not None:
                break
        self._timeline = None
        self.presenter.set_content(question_card(question_set, structure, self._question))
