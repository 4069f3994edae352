"""The projector card: the question huge, who speaks, the round and a large countdown.

Everything is painted as plain text with QPainter, so nothing a facilitator types
is ever read as markup. Sizes are laid out on a 1920x1080 grid and scaled to the
widget, so a preview at any size looks exactly like the projector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.core.groups.rounds import (
    CELL_PADDING,
    GRID_BOTTOM,
    GRID_COLUMNS,
    GRID_GAP,
    GRID_TOP,
    NAME_LINE,
    GroupsOnCard,
)
from facilitator.core.shown.card import CardContent, CardPhase
from facilitator.ui.card_accessibility import CardReadout
from facilitator.ui.card_icons import paint_status_icon
from facilitator.ui.labels import round_text, speaker_text, status_text, who_acts_text
from facilitator.ui.text_fitting import fitted_font
from facilitator.ui.theme import CardPalette, palette_for

if TYPE_CHECKING:
    from facilitator.models.card_presenter import CardPresenter, StaticCardPresenter
    from facilitator.models.preferences_model import PreferencesModel
    from facilitator.models.presentation import PresentationModel

DESIGN_WIDTH = 1920.0
DESIGN_HEIGHT = 1080.0
MARGIN = 72.0
FLASH_MS = 450

# Bands of the card on the 1920x1080 design grid: (top, height).
HEADER = (40.0, 84.0)
SPEAKER = (140.0, 104.0)
INSTRUCTION = (250.0, 110.0)
QUESTIONS = (380.0, 440.0)
WHO_ACTS = (SPEAKER[0], INSTRUCTION[0] + INSTRUCTION[1] - SPEAKER[0])
"""In a phase of a round: who acts now, large, over the speaker's and the instruction's bands."""
CLOCK = (830.0, 200.0)
PROGRESS = (1046.0, 34.0)
GROUPS_TITLE = (136.0, 88.0)
GROUPS_PAGE = (994.0, 48.0)
NUMBER_WIDTH = 118.0
PHASE_LABEL_WIDTH = 860.0
"""The header's right part when it names the round and the phase: "Round 2 of 3, step 3 of 4"."""


class CardCanvas(QWidget):
    """Paints the card for a presenter's content, in the chosen theme and text size."""

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
        self.painted_texts: list[str] = []
        """Every text drawn by the last full paint, exactly as drawn (tests read it)."""
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
        self.readout = CardReadout(self, self.band, presenter, presentation)
        """What a screen reader reads of the card (card_accessibility.py)."""

    # --- public ------------------------------------------------------------------

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

    def heightForWidth(self, width: int) -> int:
        return round(width * DESIGN_HEIGHT / DESIGN_WIDTH)

    # --- painting ----------------------------------------------------------------

    def _scale(self) -> float:
        return min(self.width() / DESIGN_WIDTH, self.height() / DESIGN_HEIGHT)

    def _design_rect(self) -> QRectF:
        """The 16:9 area the card is laid out in, centred in the widget."""
        scale = self._scale()
        width, height = DESIGN_WIDTH * scale, DESIGN_HEIGHT * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def band(
        self, band: tuple[float, float], *, left: float = MARGIN, right: float = MARGIN
    ) -> QRectF:
        """A horizontal band of the design (top and height), in widget pixels."""
        scale = self._scale()
        area = self._design_rect()
        top, height = band
        return QRectF(
            area.left() + left * scale,
            area.top() + top * scale,
            area.width() - (left + right) * scale,
            height * scale,
        )

    def _update_clock_area(self) -> None:
        content = self._presenter.content
        if content is not None and content.groups is not None:
            self.update()  # with groups shown the countdown sits at the top
            return
        area = self.band((CLOCK[0], DESIGN_HEIGHT - CLOCK[0]), left=0, right=0)
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
        if self._presentation is not None and self._presentation.blackout:
            painter.fillRect(self.rect(), Qt.GlobalColor.black)
            self.painted_texts = []
            return
        palette = palette_for(self._preferences.value.theme)
        painter.fillRect(self.rect(), palette.background)
        self.painted_texts = []
        content = self._presenter.content
        if content is None:
            self._paint_waiting(painter, palette)
        elif content.phase is CardPhase.FINISHED:
            self._paint_finished(painter, palette, content)
        elif content.groups is not None:
            self._paint_groups(painter, palette, content, content.groups)
        else:
            self._paint_card(painter, palette, content)
        if self._flash_level > 0:
            flash = QColor(palette.accent)
            flash.setAlphaF(0.65 * self._flash_level)
            painter.fillRect(self.rect(), flash)

    def _font(self, design_px: float, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(6, round(design_px * self._scale())))
        font.setBold(bold)
        return font

    def _text_scale(self) -> float:
        return self._preferences.value.text_scale

    def _paint_fitted(
        self,
        painter: QPainter,
        rect: QRectF,
        text: str,
        largest: float,
        color: QColor,
        *,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        if not text or rect.width() < 4 or rect.height() < 4:
            return
        self.painted_texts.append(text)
        base = self._font(largest, bold=bold)
        flags = int(align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
        font, used = fitted_font(text, base, rect, base.pixelSize(), flags)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(rect, used, text)

    def _paint_waiting(self, painter: QPainter, palette: CardPalette) -> None:
        self._paint_fitted(
            painter,
            self.band((380, 320)),
            self.tr("Facilitator"),
            120,
            palette.muted,
            bold=True,
            align=Qt.AlignmentFlag.AlignHCenter,
        )

    def _paint_finished(
        self, painter: QPainter, palette: CardPalette, content: CardContent
    ) -> None:
        self._paint_fitted(
            painter,
            self.band((260, 260)),
            content.structure_title,
            110,
            palette.text,
            bold=True,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
        self._paint_fitted(
            painter,
            self.band((560, 160)),
            self.tr("Finished. Thank you!"),
            90,
            palette.accent,
            align=Qt.AlignmentFlag.AlignHCenter,
        )

    def _paint_card(self, painter: QPainter, palette: CardPalette, content: CardContent) -> None:
        self._paint_header(painter, palette, content)
        who = who_acts_text(content)
        if who and content.phase is not CardPhase.READY:
            # In a phase of a round, who acts now fills the speaker's and the instruction's
            # bands, large; the header says whose round or turn it is.
            self._paint_fitted(painter, self.band(WHO_ACTS), who, 84, palette.accent, bold=True)
        else:
            self._paint_instructions(painter, palette, content, who or speaker_text(content))
        body = "\n\n".join(content.questions)
        if not body and not content.instruction:  # a free item (a welcome, a break): its title
            body = content.step_title
        if content.transition:
            body = content.instruction
        scale = self._text_scale()
        self._paint_fitted(
            painter, self.band(QUESTIONS), body, 104 * scale, palette.text, bold=content.transition
        )
        self._paint_clock(painter, palette, content)

    def _paint_instructions(
        self, painter: QPainter, palette: CardPalette, content: CardContent, speaker: str
    ) -> None:
        """Who speaks (accent) above the step's instruction, or what the card is waiting for."""
        if speaker:
            self._paint_fitted(painter, self.band(SPEAKER), speaker, 84, palette.accent, bold=True)
        scale = self._text_scale()
        if content.phase is CardPhase.READY:
            instruction, instruction_colour = self.tr("Starting soon"), palette.muted
        elif content.transition:
            instruction, instruction_colour = self.tr("Get ready for the next round"), palette.muted
        else:
            instruction, instruction_colour = content.instruction, palette.text
        self._paint_fitted(
            painter, self.band(INSTRUCTION), instruction, 52 * scale, instruction_colour
        )

    # --- groups --------------------------------------------------------------------

    def _paint_groups(
        self, painter: QPainter, palette: CardPalette, content: CardContent, groups: GroupsOnCard
    ) -> None:
        """A round's groups, numbered, large enough to find your name from the back."""
        shown_round = CardContent(content.phase, "", round=groups.round, rounds=groups.rounds)
        header = CardContent(content.phase, "", step_title=groups.title)
        self._paint_header(painter, palette, header, round_label=round_text(shown_round))
        self._paint_fitted(
            painter,
            self.band(GROUPS_TITLE, right=MARGIN + 520),
            self.tr("Find your group"),
            64,
            palette.accent,
            bold=True,
        )
        if content.phase is not CardPhase.READY:
            self._paint_fitted(
                painter,
                self.band(GROUPS_TITLE, left=DESIGN_WIDTH - MARGIN - 480),
                content.countdown,
                76,
                palette.text,
                bold=True,
                align=Qt.AlignmentFlag.AlignRight,
            )
        if groups.pages > 1:
            self._paint_fitted(
                painter,
                self.band(GROUPS_PAGE),
                self.tr("Page {page} of {pages}").format(page=groups.page, pages=groups.pages),
                36,
                palette.muted,
                align=Qt.AlignmentFlag.AlignHCenter,
            )
        width = (DESIGN_WIDTH - 2 * MARGIN - (GRID_COLUMNS - 1) * GRID_GAP) / GRID_COLUMNS
        rows = max(1, groups.rows)
        height = (GRID_BOTTOM - GRID_TOP - (rows - 1) * GRID_GAP) / rows
        for offset, members in enumerate(groups.groups):
            row, column = divmod(offset, GRID_COLUMNS)
            left = MARGIN + column * (width + GRID_GAP)
            top = GRID_TOP + row * (height + GRID_GAP)
            self._paint_group(
                painter, palette, groups.first_number + offset, members, (left, top, width, height)
            )
        self._paint_progress(painter, palette, content, palette.accent)

    def _paint_group(
        self,
        painter: QPainter,
        palette: CardPalette,
        number: int,
        members: tuple[str, ...],
        cell: tuple[float, float, float, float],
    ) -> None:
        """One group: its number in a badge, then one name per line."""
        left, top, width, height = cell
        scale = self._scale()
        area = self._design_rect()
        box = QRectF(
            area.left() + left * scale, area.top() + top * scale, width * scale, height * scale
        )
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.track)
        painter.drawRoundedRect(box, 14 * scale, 14 * scale)
        painter.restore()
        badge = QRectF(box.left(), box.top(), NUMBER_WIDTH * scale, box.height())
        self._paint_fitted(
            painter,
            badge,
            str(number),
            64,
            palette.accent,
            bold=True,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
        padding = CELL_PADDING * scale
        names = box.adjusted(NUMBER_WIDTH * scale, padding, -padding, -padding)
        line = min(NAME_LINE * scale, names.height() / max(1, len(members)))
        top_of_names = names.top() + (names.height() - line * len(members)) / 2
        for index, name in enumerate(members):
            rect = QRectF(names.left(), top_of_names + index * line, names.width(), line)
            self._paint_fitted(painter, rect, name, 52, palette.text, bold=True)

    def _paint_header(
        self,
        painter: QPainter,
        palette: CardPalette,
        content: CardContent,
        *,
        round_label: str | None = None,
    ) -> None:
        if round_label is None:
            round_label = round_text(content)
        right_width = (PHASE_LABEL_WIDTH if content.phase_number else 640.0) if round_label else 0.0
        title = content.step_title
        if content.section_title and content.section_title != content.step_title:
            title = f"{content.section_title}  ·  {title}"
        self._paint_fitted(
            painter, self.band(HEADER, right=MARGIN + right_width), title, 56, palette.muted
        )
        if round_label:
            rect = self.band(HEADER, left=DESIGN_WIDTH - MARGIN - right_width)
            self._paint_fitted(
                painter,
                rect,
                round_label,
                56,
                palette.text,
                bold=True,
                align=Qt.AlignmentFlag.AlignRight,
            )

    def _paint_clock(self, painter: QPainter, palette: CardPalette, content: CardContent) -> None:
        colour = {
            CardPhase.WARNING: palette.warning,
            CardPhase.OVERRUN: palette.overrun,
            CardPhase.PAUSED: palette.muted,
        }.get(content.phase, palette.text)
        clock_rect = self.band(CLOCK, left=DESIGN_WIDTH / 2)
        self._paint_fitted(
            painter,
            clock_rect,
            content.countdown,
            220,
            colour,
            bold=True,
            align=Qt.AlignmentFlag.AlignRight,
        )
        status = status_text(content.phase)
        if status:
            scale = self._scale()
            status_rect = self.band(CLOCK, right=DESIGN_WIDTH / 2)
            icon_size = 120 * scale
            icon_rect = QRectF(
                status_rect.left(), status_rect.center().y() - icon_size / 2, icon_size, icon_size
            )
            paint_status_icon(painter, icon_rect, content.phase, colour, palette)
            text_rect = status_rect.adjusted(icon_size + 32 * scale, 0, 0, 0)
            self._paint_fitted(painter, text_rect, status, 72, colour, bold=True)
        self._paint_progress(painter, palette, content, colour)
        if content.phase in (CardPhase.WARNING, CardPhase.OVERRUN):
            pen = QPen(colour, max(2.0, 14 * self._scale()))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = 7 * self._scale()
            painter.drawRect(self._design_rect().adjusted(inset, inset, -inset, -inset))

    def _paint_progress(
        self, painter: QPainter, palette: CardPalette, content: CardContent, colour: QColor
    ) -> None:
        track = self.band(PROGRESS, left=0, right=0)
        painter.fillRect(track, palette.track)
        done = QRectF(track.left(), track.top(), track.width() * content.progress, track.height())
        painter.fillRect(done, colour if content.phase is not CardPhase.RUNNING else palette.accent)
