"""The projector card: the question huge, who speaks, the round and a large countdown.

Everything is painted as plain text with QPainter, so nothing a facilitator types
is ever read as markup. Where each part goes is decided for the card's real shape
(core/shown/card_layout.py): a 4:3 projector gets a taller question, a 21:9 one a
wider one, and no black bands. A preview in the console is given the projector's
shape, so it shows exactly what the room sees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.core.shown.card import CardContent, CardPhase
from facilitator.core.shown.card_layout import (
    FRAME_WIDTH,
    HEADER,
    Box,
    CardLayout,
    card_layout,
    fitted_shape,
)
from facilitator.platform.translations import words_in
from facilitator.ui.card_accessibility import CardReadout
from facilitator.ui.card_groups import paint_groups
from facilitator.ui.card_icons import paint_status_icon
from facilitator.ui.labels import (
    INTERFACE,
    Words,
    round_text,
    speaker_text,
    status_text,
    who_acts_text,
)
from facilitator.ui.text_fitting import fitted_font
from facilitator.ui.theme import CardPalette, palette_for

if TYPE_CHECKING:
    from facilitator.models.card_presenter import CardPresenter, StaticCardPresenter
    from facilitator.models.preferences_model import PreferencesModel
    from facilitator.models.presentation import PresentationModel

FLASH_MS = 450
PREVIEW_SHAPE = (16.0, 9.0)


def rect_of(box: Box) -> QRectF:
    """A layout box as Qt's rectangle."""
    return QRectF(box.left, box.top, box.width, box.height)


class PaintedText(NamedTuple):
    """One text the last paint drew: where, and at what pixel size (tests read them)."""

    text: str
    rect: QRectF
    pixel_size: int


class CardCanvas(QWidget):
    """Paints the card for a presenter's content, in the chosen theme and text size."""

    shapeChanged = Signal(int, int)
    """The canvas has a new size (width, height): previews take the projector's shape."""

    def __init__(
        self,
        presenter: CardPresenter | StaticCardPresenter,
        preferences: PreferencesModel,
        presentation: PresentationModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._presenter = presenter
        self._preferences = preferences
        self._presentation = presentation
        self._flash_level = 0.0
        self._shape: tuple[float, float] | None = None
        self.painted: list[PaintedText] = []
        self._exposed = QRectF()
        """The part of the card being repainted now."""
        """Every text drawn by the last full paint, where and how large (tests read it)."""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(192, 108)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._flash = QVariantAnimation(self)
        self._flash.setStartValue(1.0)
        self._flash.setEndValue(0.0)
        self._flash.setDuration(FLASH_MS)
        self._flash.valueChanged.connect(self._on_flash_step)
        presenter.contentChanged.connect(self.update)
        presenter.clockChanged.connect(self._update_clock_area)
        preferences.changed.connect(self.update)
        if presentation is not None:
            presentation.blackoutChanged.connect(self.update)
            presentation.flashRequested.connect(self.flash)
        self.readout = CardReadout(self, self.part_rect, presenter, presentation)
        """What a screen reader reads of the card (card_accessibility.py)."""

    # --- public ------------------------------------------------------------------

    @property
    def painted_texts(self) -> list[str]:
        """Every text drawn by the last full paint, exactly as drawn."""
        return [painted.text for painted in self.painted]

    def flash(self) -> None:
        """Flash the card once, unless the facilitator turned flashes off."""
        if self._preferences.value.flash:
            self._flash.stop()
            self._on_flash_step(1.0)
            self._flash.start()

    @property
    def is_flashing(self) -> bool:
        """Whether a flash is showing right now."""
        return self._flash_level > 0

    def set_shape(self, width: int, height: int) -> None:
        """Show the card as a screen of `width` by `height` shows it (a preview of it)."""
        shape = (float(width), float(height)) if width > 0 and height > 0 else None
        if shape != self._shape:
            self._shape = shape
            self.updateGeometry()
            self.readout.place()
            self.update()

    def heightForWidth(self, width: int) -> int:
        shape_width, shape_height = self._shape or PREVIEW_SHAPE
        return round(width * shape_height / shape_width)

    def card_layout(self) -> CardLayout:
        """Where each part of the card goes at the canvas's size (and shape, for a preview)."""
        if self._shape is None:
            return card_layout(0.0, 0.0, float(self.width()), float(self.height()))
        area = fitted_shape(float(self.width()), float(self.height()), self._shape)
        return card_layout(area.left, area.top, area.width, area.height)

    def part_rect(self, part: str) -> QRectF:
        """Where a spoken part of the card is shown: step, speaker, question or time."""
        layout = self.card_layout()
        if part == "step":
            return rect_of(layout.band(*HEADER))
        if part == "speaker":
            return rect_of(layout.speaker)
        if part == "question":
            top, body = layout.instruction, layout.body
            return QRectF(body.left, top.top, body.width, body.bottom - top.top)
        return rect_of(layout.clock_area)

    # --- painting ----------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.shapeChanged.emit(self.width(), self.height())

    def _update_clock_area(self) -> None:
        content = self._presenter.content
        if content is not None and content.groups is not None:
            self.update()  # with groups shown the countdown sits at the top
            return
        area = rect_of(self.card_layout().clock_area)
        # Paint the new second now rather than at the next turn of the event loop: the room
        # should see it change on the boundary, not after the console has done its work.
        self.repaint(area.toAlignedRect().adjusted(-2, -2, 2, 2))

    def _on_flash_step(self, value: float) -> None:
        self._flash_level = float(value)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.painted = []
        self._exposed = QRectF(event.rect())
        if self._presentation is not None and self._presentation.blackout:
            painter.fillRect(self.rect(), Qt.GlobalColor.black)
            return
        palette = palette_for(self._preferences.value.theme)
        layout = self.card_layout()
        if self._shape is not None:
            painter.fillRect(self.rect(), self.palette().window())
        card = rect_of(layout.card)
        painter.fillRect(card, palette.background)
        content = self._presenter.content
        words: Words = words_in(content.language) if content is not None else INTERFACE
        if content is None:
            self._paint_waiting(painter, palette, layout)
        elif content.phase is CardPhase.FINISHED:
            self._paint_finished(painter, palette, layout, content, words)
        elif content.groups is not None:
            self._paint_header(painter, palette, layout, content, words, groups=True)
            paint_groups(self, painter, palette, layout, content, words)
            self.paint_progress(painter, palette, layout, content, palette.accent)
        else:
            self._paint_card(painter, palette, layout, content, words)
        if self._flash_level > 0:
            flash = QColor(palette.accent)
            flash.setAlphaF(0.65 * self._flash_level)
            painter.fillRect(card, flash)

    def font_of(self, layout: CardLayout, units: float, *, bold: bool = False) -> QFont:
        """The card's font at `units` design units, in pixels for this card."""
        font = QFont(self.font())
        font.setPixelSize(max(6, round(layout.pixels(units))))
        font.setBold(bold)
        return font

    def paint_fitted(
        self,
        painter: QPainter,
        box: Box | QRectF,
        text: str,
        font: QFont,
        color: QColor,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> QFont:
        """Paint `text` as large as it fits in `box`, up to `font`'s size; the font it used."""
        rect = box if isinstance(box, QRectF) else rect_of(box)
        if not text or rect.width() < 4 or rect.height() < 4:
            return font
        flags = int(align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
        fitted, used = fitted_font(text, font, rect, font.pixelSize(), flags)
        self.paint_text(painter, rect, text, fitted, color, used)
        return fitted

    def paint_text(
        self, painter: QPainter, rect: QRectF, text: str, font: QFont, color: QColor, flags: int
    ) -> None:
        """Paint `text` in `font` (already fitted), and note it among the painted texts.

        Text outside the part being repainted (the countdown, every second) is noted but not
        drawn: Qt would clip it anyway, after laying it out."""
        self.painted.append(PaintedText(text, QRectF(rect), font.pixelSize()))
        if not rect.intersects(self._exposed):
            return
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(rect, flags, text)

    def _paint_waiting(self, painter: QPainter, palette: CardPalette, layout: CardLayout) -> None:
        self.paint_fitted(
            painter,
            layout.waiting,
            self.tr("Facilitator"),
            self.font_of(layout, 120, bold=True),
            palette.muted,
            align=Qt.AlignmentFlag.AlignHCenter,
        )

    def _paint_finished(
        self,
        painter: QPainter,
        palette: CardPalette,
        layout: CardLayout,
        content: CardContent,
        words: Words,
    ) -> None:
        centred = Qt.AlignmentFlag.AlignHCenter
        self.paint_fitted(
            painter,
            layout.finished_title,
            content.structure_title,
            self.font_of(layout, 110, bold=True),
            palette.text,
            align=centred,
        )
        self.paint_fitted(
            painter,
            layout.finished_message,
            words.translate("CardCanvas", "Finished. Thank you!"),
            self.font_of(layout, 90),
            palette.accent,
            align=centred,
        )

    def _paint_card(
        self,
        painter: QPainter,
        palette: CardPalette,
        layout: CardLayout,
        content: CardContent,
        words: Words,
    ) -> None:
        self._paint_header(painter, palette, layout, content, words)
        who = who_acts_text(content, words)
        scale = self._preferences.value.text_scale
        body = "\n\n".join(content.questions)
        instruction = content.instruction
        if content.transition:
            body, instruction = content.instruction, ""
        elif not body:
            # A step without questions (a debrief, a welcome): its instruction, large.
            body, instruction = content.instruction or content.step_title, ""
        if who and content.phase is not CardPhase.READY:
            # In a phase of a round, who acts now fills the speaker's and the instruction's
            # bands, large; the header says whose round or turn it is.
            self.paint_fitted(
                painter, layout.who_acts, who, self.font_of(layout, 84, bold=True), palette.accent
            )
        else:
            speaker = who or speaker_text(content, words)
            if speaker:
                font = self.font_of(layout, 84, bold=True)
                self.paint_fitted(painter, layout.speaker, speaker, font, palette.accent)
            colour = palette.text
            if content.phase is CardPhase.READY:
                instruction, colour = words.translate("CardCanvas", "Starting soon"), palette.muted
            elif content.transition:
                instruction = words.translate("CardCanvas", "Get ready for the next round")
                colour = palette.muted
            font = self.font_of(layout, 52 * scale)
            self.paint_fitted(painter, layout.instruction, instruction, font, colour)
        font = self.font_of(layout, layout.body_largest_font * scale, bold=content.transition)
        self.paint_fitted(painter, layout.body, body, font, palette.text)
        self._paint_clock(painter, palette, layout, content, words)

    def _paint_header(
        self,
        painter: QPainter,
        palette: CardPalette,
        layout: CardLayout,
        content: CardContent,
        words: Words,
        *,
        groups: bool = False,
    ) -> None:
        """The step's title (muted) and, on the right, the round or the phase."""
        if groups and content.groups is not None:
            shown = content.groups
            title = shown.title
            round_label = round_text(
                CardContent(content.phase, "", round=shown.round, rounds=shown.rounds), words
            )
            phase_label = False
        else:
            title = content.step_title
            if content.section_title and content.section_title != content.step_title:
                title = f"{content.section_title}  ·  {title}"
            round_label = round_text(content, words)
            phase_label = content.phase_number is not None
        title_box, label_box = layout.header(bool(round_label), phase_label)
        self.paint_fitted(painter, title_box, title, self.font_of(layout, 56), palette.muted)
        if round_label:
            self.paint_fitted(
                painter,
                label_box,
                round_label,
                self.font_of(layout, 56, bold=True),
                palette.text,
                align=Qt.AlignmentFlag.AlignRight,
            )

    def _paint_clock(
        self,
        painter: QPainter,
        palette: CardPalette,
        layout: CardLayout,
        content: CardContent,
        words: Words,
    ) -> None:
        colour = {
            CardPhase.WARNING: palette.warning,
            CardPhase.OVERRUN: palette.overrun,
            CardPhase.TIME_UP: palette.accent,
            CardPhase.PAUSED: palette.muted,
        }.get(content.phase, palette.text)
        self.paint_fitted(
            painter,
            layout.clock,
            content.countdown,
            self.font_of(layout, 220, bold=True),
            colour,
            align=Qt.AlignmentFlag.AlignRight,
        )
        status = status_text(content.phase, words)
        if status:
            status_rect = rect_of(layout.status)
            icon_size = layout.pixels(120)
            icon_rect = QRectF(
                status_rect.left(), status_rect.center().y() - icon_size / 2, icon_size, icon_size
            )
            paint_status_icon(painter, icon_rect, content.phase, colour, palette)
            text_rect = status_rect.adjusted(icon_size + layout.pixels(32), 0, 0, 0)
            self.paint_fitted(
                painter, text_rect, status, self.font_of(layout, 72, bold=True), colour
            )
        self.paint_progress(painter, palette, layout, content, colour)
        if content.phase in (CardPhase.WARNING, CardPhase.OVERRUN):
            pen = QPen(colour, max(2.0, layout.pixels(FRAME_WIDTH)))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect_of(layout.frame))

    def paint_progress(
        self,
        painter: QPainter,
        palette: CardPalette,
        layout: CardLayout,
        content: CardContent,
        colour: QColor,
    ) -> None:
        """The progress bar along the bottom edge."""
        track = rect_of(layout.progress)
        painter.fillRect(track, palette.track)
        done = QRectF(track.left(), track.top(), track.width() * content.progress, track.height())
        painter.fillRect(done, colour if content.phase is not CardPhase.RUNNING else palette.accent)
