"""Fitting plain text into a rectangle: the largest font size at which nothing is clipped."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

WRAP = Qt.TextFlag.TextWordWrap
SMALLEST_PIXEL_SIZE = 6


def text_fits(text: str, font: QFont, width: float, height: float, flags: int) -> bool:
    """Whether `text` in `font`, wrapped at `width`, fits in `height` without clipping."""
    metrics = QFontMetricsF(font)
    bounds = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text)
    return bounds.width() <= width + 0.5 and bounds.height() <= height + 0.5


@lru_cache(maxsize=256)
def _fitted_size(
    text: str, family: str, weight: int, width: int, height: int, largest: int, flags: int
) -> tuple[int, int]:
    font = QFont(family)
    font.setWeight(QFont.Weight(weight))
    low, high = SMALLEST_PIXEL_SIZE, max(SMALLEST_PIXEL_SIZE, largest)
    font.setPixelSize(high)
    if text_fits(text, font, width, height, flags):
        return high, flags
    while low < high:
        middle = (low + high + 1) // 2
        font.setPixelSize(middle)
        if text_fits(text, font, width, height, flags):
            low = middle
        else:
            high = middle - 1
    font.setPixelSize(low)
    if not text_fits(text, font, width, height, flags):
        # A single word wider than the space: break it anywhere rather than clip it.
        anywhere = flags | int(Qt.TextFlag.TextWrapAnywhere)
        return (
            _fitted_size(text, family, weight, width, height, low, anywhere)
            if (anywhere != flags)
            else (low, flags)
        )
    return low, flags


def fitted_font(
    text: str, base: QFont, rect: QRectF, largest_px: int, flags: int = int(WRAP)
) -> tuple[QFont, int]:
    """A copy of `base` at the largest pixel size (up to `largest_px`) that fits, and the flags."""
    size, used_flags = _fitted_size(
        text,
        base.family(),
        int(base.weight().value),
        int(rect.width()),
        int(rect.height()),
        int(largest_px),
        flags,
    )
    font = QFont(base)
    font.setPixelSize(size)
    return font, used_flags
