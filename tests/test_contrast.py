"""Readable everywhere (issue 12, item 8): every text at least 4.5:1 against its background.

The console is photographed as the facilitator sees it (QWidget.grab of the window, so a
label is measured on whatever its parents paint behind it): for each label the background
is the colour most of its pixels have, the text the pixel that stands out most from it.
Disabled controls are left out (WCAG asks no contrast of an inactive control). The card
is checked for each theme on the colours it paints text with, and that it paints them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from facilitator.core.settings.preferences import Theme
from facilitator.core.shown.contrast import (
    AA_TEXT,
    blend,
    contrast_ratio,
    quieter_text,
    relative_luminance,
)
from facilitator.ui.theme import PALETTES

if TYPE_CHECKING:
    from tests.app_harness import Harness

RGB = tuple[int, int, int]


# --- the formula -------------------------------------------------------------------------


def test_the_contrast_ratio_is_wcag_2s() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1)
    assert contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert relative_luminance((255, 0, 0)) == pytest.approx(0.2126)
    assert blend((0, 0, 0), (255, 255, 255), 0.5) == (128, 128, 128)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ((0, 0, 0), (255, 255, 255)),
        ((255, 255, 255), (20, 23, 28)),
        ((34, 34, 34), (239, 239, 239)),
    ],
)
def test_quieter_text_is_softer_yet_still_readable(text: RGB, background: RGB) -> None:
    softer = quieter_text(text, background)
    assert softer != text
    assert AA_TEXT <= contrast_ratio(softer, background) < contrast_ratio(text, background)


# --- measuring what is on the screen -----------------------------------------------------


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    rows = raw.reshape(height, image.bytesPerLine())[:, : width * 4]
    return rows.reshape(height, width, 4)[:, :, 2::-1].reshape(-1, 3).copy()  # BGRA to RGB


def measured_contrast(window: QWidget, widget: QWidget) -> tuple[float, RGB, RGB]:
    """(contrast, text colour, background colour) of `widget` as drawn in `window`."""
    corner = widget.mapTo(window, QPoint(0, 0))
    pixels = _pixels(window.grab(QRect(corner, widget.size())).toImage())
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    background = tuple(int(c) for c in colours[counts.argmax()])
    ratios = [contrast_ratio(tuple(int(c) for c in colour), background) for colour in colours]
    text = tuple(int(c) for c in colours[int(np.argmax(ratios))])
    return max(ratios), text, background


def text_widgets(root: QWidget) -> list[QWidget]:
    """Every visible label with text under `root` (buttons and fields: see below).

    A label is never an inactive control, so a disabled one counts too: a label greyed
    out by disabling it is still a text someone has to read.
    """
    return [
        widget
        for widget in root.findChildren(QLabel)
        if widget.isVisible()
        and widget.text().strip()
        and not widget.visibleRegion().isEmpty()
        and widget.height() >= 8
    ]


def unreadable(window: QWidget) -> list[str]:
    found = []
    for widget in text_widgets(window):
        ratio, text, background = measured_contrast(window, widget)
        if ratio < AA_TEXT:
            found.append(f"{widget.text()[:50]!r}: {ratio:.2f}:1 ({text} on {background})")
    return found


def _rehearsal_with_everything_on_screen(harness: Harness) -> None:
    """A structure with step notes in the library, then a 10x rehearsal with notices."""
    app = harness.app
    app.library_page.select("impromptu-networking")
    app.notices.post("A notice, as the console shows them.")
    assert app.start_run("impromptu-networking", speed=10)
    app.run.start()
    harness.advance(5)


@pytest.mark.parametrize("desktop", ["light", "dark"])
def test_every_text_on_the_console_reads_at_4_5_to_1(harness: Harness, desktop: str) -> None:
    if desktop == "dark":  # a desktop in dark mode: the console takes its palette
        dark = QPalette()
        for role, colour in {
            QPalette.ColorRole.Window: "#2b2d30",
            QPalette.ColorRole.WindowText: "#e8e8e8",
            QPalette.ColorRole.Base: "#1e1f22",
            QPalette.ColorRole.Text: "#e8e8e8",
            QPalette.ColorRole.Button: "#3c3f41",
            QPalette.ColorRole.ButtonText: "#e8e8e8",
        }.items():
            dark.setColor(role, QColor(colour))
        QApplication.setPalette(dark)  # as when the desktop switches while the app runs
    try:
        app = harness.app
        console = app.console
        app.library_page.select("impromptu-networking")
        QApplication.processEvents()
        library = unreadable(console)
        step_notes = [w for w in text_widgets(console) if w.text().startswith("Notes: ")]
        assert step_notes, "the library shows a structure's step notes"
        _rehearsal_with_everything_on_screen(harness)
        QApplication.processEvents()
        assert "rehearsal at 10x speed" in app.run_page.subtitle.text()
        assert app.run_page.subtitle in text_widgets(console)
        run = unreadable(console)
        assert not library + run, "\n".join(library + run)
    finally:
        QApplication.setPalette(QPalette())


def test_hints_in_empty_fields_read_at_4_5_to_1(harness: Harness) -> None:
    search = harness.app.library_page.search
    palette = search.palette()
    hint = palette.color(QPalette.ColorRole.PlaceholderText)
    base = palette.color(QPalette.ColorRole.Base)
    rgb = (hint.red(), hint.green(), hint.blue())
    assert hint.alpha() == 255
    assert contrast_ratio(rgb, (base.red(), base.green(), base.blue())) >= AA_TEXT


def test_buttons_and_fields_read_at_4_5_to_1(harness: Harness) -> None:
    _rehearsal_with_everything_on_screen(harness)
    offenders = []
    for widget in harness.app.console.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled()):
            continue
        if isinstance(widget, QAbstractButton):
            pair = (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button)
        elif isinstance(widget, QLineEdit):
            pair = (QPalette.ColorRole.Text, QPalette.ColorRole.Base)
        else:
            continue
        palette = widget.palette()
        text, background = (palette.color(role) for role in pair)
        ratio = contrast_ratio(
            (text.red(), text.green(), text.blue()),
            (background.red(), background.green(), background.blue()),
        )
        if ratio < AA_TEXT:
            offenders.append(f"{type(widget).__name__}: {ratio:.2f}")
    assert not offenders, offenders


# --- the card, in every theme ------------------------------------------------------------


@pytest.mark.parametrize("theme", list(Theme))
def test_every_colour_the_card_writes_in_reads_at_4_5_to_1(harness: Harness, theme: Theme) -> None:
    palette = PALETTES[theme]
    background = palette.background
    back = (background.red(), background.green(), background.blue())
    for name in ("text", "muted", "accent", "warning", "overrun"):
        colour = getattr(palette, name)
        ratio = contrast_ratio((colour.red(), colour.green(), colour.blue()), back)
        assert ratio >= AA_TEXT, f"{theme.value} {name}: {ratio:.2f}:1"
    # ...and that is the background the card really paints in that theme.
    harness.app.preferences.update(theme=theme)
    assert harness.app.start_run("impromptu-networking")
    canvas = harness.app.card.canvas
    image = canvas.grab().toImage()
    corner = image.pixelColor(2, 2)
    assert (corner.red(), corner.green(), corner.blue()) == back


def test_the_consoles_own_colours_read_at_4_5_to_1_on_a_light_desktop(qapp) -> None:
    """The colours ui/style.py names for text, on the backgrounds they are drawn on."""
    from facilitator.ui import style

    window = QApplication.palette().color(QPalette.ColorRole.Window)
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    pairs = {
        "a problem, on the window": (style.PROBLEM_RED, window),
        "a problem, in a field": (style.PROBLEM_RED, base),
        "ahead of the agenda": (style.AHEAD_GREEN, window),
        "the editor's banner": (style.BANNER_TEXT, style.BANNER_BACKGROUND),
        "a notice": (style.NOTICE_TEXT, style.MISSING_YELLOW),
        "ring the bell now": (style.RING_PROMPT_TEXT, style.RING_PROMPT_BACKGROUND),
    }
    for what, (text, background) in pairs.items():
        ratio = contrast_ratio(
            (text.red(), text.green(), text.blue()),
            (background.red(), background.green(), background.blue()),
        )
        assert ratio >= AA_TEXT, f"{what}: {ratio:.2f}:1"
