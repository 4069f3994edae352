"""Colours of the projector card for each theme, chosen for a projector in a lit room."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from facilitator.core.settings.preferences import Theme


@dataclass(frozen=True)
class CardPalette:
    """The colours one card theme paints with."""

    background: QColor
    text: QColor
    muted: QColor
    accent: QColor
    warning: QColor
    overrun: QColor
    track: QColor


PALETTES: dict[Theme, CardPalette] = {
    Theme.DARK: CardPalette(
        background=QColor("#14171c"),
        text=QColor("#f4f4f0"),
        muted=QColor("#aeb4bd"),
        accent=QColor("#ffc857"),
        warning=QColor("#ffb020"),
        overrun=QColor("#ff5a4f"),
        track=QColor("#2c323b"),
    ),
    Theme.LIGHT: CardPalette(
        background=QColor("#fbfaf6"),
        text=QColor("#15171a"),
        muted=QColor("#4f5660"),
        accent=QColor("#8a4b00"),
        warning=QColor("#a35c00"),
        overrun=QColor("#b3261e"),
        track=QColor("#dedbd2"),
    ),
    Theme.HIGH_CONTRAST: CardPalette(
        background=QColor("#000000"),
        text=QColor("#ffffff"),
        muted=QColor("#ffffff"),
        accent=QColor("#ffff00"),
        warning=QColor("#ffff00"),
        overrun=QColor("#ffffff"),
        track=QColor("#5a5a5a"),
    ),
}


def palette_for(theme: Theme) -> CardPalette:
    """The palette of `theme`."""
    return PALETTES[theme]
