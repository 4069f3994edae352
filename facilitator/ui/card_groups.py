"""A round's groups on the card: numbered cells of names, large enough to read from the back.

The grid fills the card's height between the title and the page line, whatever the
projector's shape (core/shown/card_layout.py); `card_canvas.py` calls `paint_groups`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QRectF, Qt

from facilitator.core.groups.rounds import CELL_PADDING, GRID_COLUMNS, GRID_GAP, NAME_LINE
from facilitator.core.shown.card import CardPhase
from facilitator.core.shown.card_layout import DESIGN_HEIGHT
from facilitator.ui.text_fitting import WRAP, fitted_font

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QFont, QPainter

    from facilitator.core.groups.rounds import GroupsOnCard
    from facilitator.core.shown.card import CardContent
    from facilitator.core.shown.card_layout import Box, CardLayout
    from facilitator.ui.labels import Words
    from facilitator.ui.theme import CardPalette

NUMBER_WIDTH = 118.0
"""The badge with the group's number, in design units."""
NAME_FONT = 52.0
"""The largest name, in design units on a 16:9 card (larger on a taller one)."""


class CardPainter(Protocol):
    """What painting the groups needs of the card (card_canvas.py's `CardCanvas`)."""

    def font_of(self, layout: CardLayout, units: float, *, bold: bool = False) -> QFont:
        """The card's font at `units` design units."""
        ...

    def paint_text(
        self, painter: QPainter, rect: QRectF, text: str, font: QFont, color: QColor, flags: int
    ) -> None:
        """Paint `text` in `font` as it is (already fitted)."""
        ...

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
        """Paint `text` as large as it fits in `box`, up to `font`'s size."""
        ...


def paint_groups(
    canvas: CardPainter,
    painter: QPainter,
    palette: CardPalette,
    layout: CardLayout,
    content: CardContent,
    words: Words,
) -> None:
    """ "Find your group", the countdown, the page, and a cell for each group of the page."""
    groups = content.groups
    if groups is None:
        return
    canvas.paint_fitted(
        painter,
        layout.groups_title,
        words.translate("CardCanvas", "Find your group"),
        canvas.font_of(layout, 64, bold=True),
        palette.accent,
    )
    if content.phase is not CardPhase.READY:
        canvas.paint_fitted(
            painter,
            layout.groups_clock,
            content.countdown,
            canvas.font_of(layout, 76, bold=True),
            palette.text,
            align=Qt.AlignmentFlag.AlignRight,
        )
    if groups.pages > 1:
        canvas.paint_fitted(
            painter,
            layout.groups_page,
            words.translate("CardCanvas", "Page {page} of {pages}").format(
                page=groups.page, pages=groups.pages
            ),
            canvas.font_of(layout, 36),
            palette.muted,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
    cells = _cells(layout, groups)
    font = _one_size_for_every_name(canvas, layout, groups, cells)
    for offset, cell in enumerate(cells):
        _paint_group(canvas, painter, palette, layout, font, groups, offset, cell)


def _name_lines(layout: CardLayout, members: int, cell: QRectF) -> tuple[QRectF, float]:
    """The rectangle the names of a cell go in, and the height of one name's line."""
    padding = layout.pixels(CELL_PADDING)
    names = cell.adjusted(layout.pixels(NUMBER_WIDTH), padding, -padding, -padding)
    taller = layout.height_units / DESIGN_HEIGHT
    line = min(layout.pixels(NAME_LINE * taller), names.height() / max(1, members))
    return names, line


def _one_size_for_every_name(
    canvas: CardPainter, layout: CardLayout, groups: GroupsOnCard, cells: list[QRectF]
) -> QFont:
    """The largest size at which every name of the page fits its line: one long name makes
    them all a little smaller, never one of them tiny beside the others."""
    taller = layout.height_units / DESIGN_HEIGHT
    font = canvas.font_of(layout, NAME_FONT * taller, bold=True)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | WRAP)
    size = font.pixelSize()
    for members, cell in zip(groups.groups, cells, strict=True):
        names, line = _name_lines(layout, len(members), cell)
        room = QRectF(0, 0, names.width(), line)
        for name in members:
            fitted, _flags = fitted_font(name, font, room, size, flags)
            size = min(size, fitted.pixelSize())
    font.setPixelSize(size)
    return font


def _cells(layout: CardLayout, groups: GroupsOnCard) -> list[QRectF]:
    """Each group's cell on this page, row by row, in pixels."""
    grid = layout.groups_grid
    gap = layout.pixels(GRID_GAP)
    rows = max(1, groups.rows)
    width = (grid.width - (GRID_COLUMNS - 1) * gap) / GRID_COLUMNS
    height = (grid.height - (rows - 1) * gap) / rows
    cells = []
    for offset in range(len(groups.groups)):
        row, column = divmod(offset, GRID_COLUMNS)
        left = grid.left + column * (width + gap)
        top = grid.top + row * (height + gap)
        cells.append(QRectF(left, top, width, height))
    return cells


def _paint_group(
    canvas: CardPainter,
    painter: QPainter,
    palette: CardPalette,
    layout: CardLayout,
    font: QFont,
    groups: GroupsOnCard,
    offset: int,
    box: QRectF,
) -> None:
    """One group: its number in a badge, then one name per line, every name in `font`."""
    members = groups.groups[offset]
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.track)
    radius = layout.pixels(14)
    painter.drawRoundedRect(box, radius, radius)
    painter.restore()
    badge = QRectF(box.left(), box.top(), layout.pixels(NUMBER_WIDTH), box.height())
    canvas.paint_fitted(
        painter,
        badge,
        str(groups.first_number + offset),
        canvas.font_of(layout, 64, bold=True),
        palette.accent,
        align=Qt.AlignmentFlag.AlignHCenter,
    )
    names, line = _name_lines(layout, len(members), box)
    top_of_names = names.top() + (names.height() - line * len(members)) / 2
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | WRAP)
    for index, name in enumerate(members):
        rect = QRectF(names.left(), top_of_names + index * line, names.width(), line)
        canvas.paint_text(painter, rect, name, font, palette.text, flags)
