"""How readable a colour of text is on a background: the WCAG 2 contrast ratio.

The ratio runs from 1 (the same colour) to 21 (black on white). WCAG AA asks at least
4.5 for text (https://www.w3.org/TR/WCAG21/#contrast-minimum); every text the app shows,
on the console and on the card, is held to that.
"""

from __future__ import annotations

from functools import cache

RGB = tuple[int, int, int]
"""A colour as red, green and blue, each 0 to 255."""

AA_TEXT = 4.5
"""The least contrast WCAG AA allows for text."""


def _channel(value: int) -> float:
    """One sRGB channel made linear (WCAG 2's definition of relative luminance)."""
    scaled = value / 255
    return scaled / 12.92 if scaled <= 0.04045 else ((scaled + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: RGB) -> float:
    """The colour's relative luminance, 0 for black to 1 for white."""
    red, green, blue = (_channel(value) for value in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    """The WCAG contrast ratio of two colours, whichever is lighter (1 to 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def blend(first: RGB, second: RGB, share_of_first: float) -> RGB:
    """The colour `share_of_first` of the way from `second` to `first`."""
    return (
        round(first[0] * share_of_first + second[0] * (1 - share_of_first)),
        round(first[1] * share_of_first + second[1] * (1 - share_of_first)),
        round(first[2] * share_of_first + second[2] * (1 - share_of_first)),
    )


@cache  # the same few pairs of palette colours come back for every secondary label
def quieter_text(text: RGB, background: RGB, minimum: float = AA_TEXT) -> RGB:
    """A softer shade of `text` for secondary lines that still reads at `minimum` on
    `background`: as far towards the background as that allows, and never past it.

    If `text` itself reads worse than `minimum`, it is returned as it is (nothing softer
    could do better).
    """
    if contrast_ratio(text, background) <= minimum:
        return text
    low, high = 0.0, 1.0  # shares of `text`: too faint ... readable
    for _ in range(20):
        middle = (low + high) / 2
        if contrast_ratio(blend(text, background, middle), background) >= minimum:
            high = middle
        else:
            low = middle
    share = min(1.0, high + 0.08)  # a margin above the line, for screens and rounding
    return blend(text, background, share)
