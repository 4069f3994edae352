"""The live preview: the projector card at 16:9, for the chosen segment or question."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from facilitator.core.shown.card import speaker_letter
from facilitator.core.timing.timeline import SegmentKind
from facilitator.ui.card_canvas import CardCanvas
from facilitator.ui.labels import SUPPORTED_LANGUAGES, language_label
from facilitator.ui.plain import plain_label

if TYPE_CHECKING:
    from facilitator.models.editing.preview_model import PreviewModel
    from facilitator.models.preferences_model import PreferencesModel


class PreviewPanel(QWidget):
    """A card canvas fed by the preview model; for a structure, choose segment and language."""

    def __init__(
        self,
        preview: PreviewModel,
        preferences: PreferencesModel,
        *,
        choose_segment: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._preview = preview
        self.canvas = CardCanvas(preview.presenter, preferences)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.canvas.setSizePolicy(policy)
        self.segment = QComboBox()
        self.segment.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.segment.setMinimumContentsLength(24)
        self.language = QComboBox()
        for code in SUPPORTED_LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(preview.language)))
        self.stale = plain_label(wrap=True)

        choosers = QHBoxLayout()
        choosers.addWidget(self.segment, 1)
        choosers.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(plain_label(self.tr("Preview on the projector")))
        if choose_segment:
            layout.addLayout(choosers)
        else:
            self.segment.hide()
            self.language.hide()
        layout.addWidget(self.canvas)
        layout.addWidget(self.stale)
        layout.addStretch(1)

        self.segment.activated.connect(preview.set_segment)
        self.language.activated.connect(
            lambda index: preview.set_language(self.language.itemData(index))
        )
        preview.segmentsChanged.connect(self._fill_segments)
        preview.staleChanged.connect(lambda _stale: self._show_stale())
        preview.presenter.contentChanged.connect(self._show_stale)
        self._fill_segments()
        self._show_stale()

    def _show_stale(self) -> None:
        if not self._preview.stale:
            self.stale.hide()
            return
        if self._preview.presenter.content is None:
            self.stale.setText(self.tr("The preview appears once the problems are fixed."))
        else:
            self.stale.setText(self.tr("The preview shows the last version without problems."))
        self.stale.show()

    def _fill_segments(self) -> None:
        timeline = self._preview.timeline
        self.segment.clear()
        if timeline is None:
            return
        language = self._preview.language
        for segment in timeline.segments:
            step = timeline.step(segment)
            parts = [f"{segment.step_index + 1}. {step.title.in_language(language)}"]
            if segment.kind is SegmentKind.TRANSITION:
                parts.append(self.tr("change-over"))
            if segment.round is not None:
                parts.append(self.tr("round {number}").format(number=segment.round))
            if segment.speaker is not None:
                parts.append(
                    self.tr("person {letter}").format(letter=speaker_letter(segment.speaker))
                )
            phase = timeline.phase(segment)
            if phase is not None:
                parts.append(phase.title.in_language(language))
            self.segment.addItem("  ·  ".join(parts))
        self.segment.setCurrentIndex(self._preview.segment_index)
