"""The console's look in one place: its named colours, its style sheets and its font helpers.

The projector card paints with the palettes in theme.py, one per card theme.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from facilitator.core.shown.contrast import quieter_text
from facilitator.core.timing.timeline import SegmentKind

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# --- colours ------------------------------------------------------------------------------

PROBLEM_RED = QColor("#b3261e")
"""Problems: what is wrong in a field or a list, and a plan running behind."""
AHEAD_GREEN = QColor("#1d6b3a")
"""A plan running ahead of its agenda."""
BANNER_BACKGROUND = QColor("#fde7e4")
BANNER_TEXT = QColor("#5c1008")
"""The editor's banner above a document that cannot be saved as it stands."""
MISSING_YELLOW = QColor("#fff4d6")
"""A field that still needs filling in, and the background of a notice."""
NOTICE_BORDER = QColor("#e0b84a")
NOTICE_TEXT = QColor("#222222")
RING_PROMPT_BACKGROUND = QColor("#ffc857")
RING_PROMPT_TEXT = QColor("#000000")
"""The run page's "ring the bell now" for a facilitator with a real bell."""
SEGMENT_COLOURS = {
    SegmentKind.STEP: QColor("#4c7bd9"),
    SegmentKind.TURN: QColor("#3aa58a"),
    SegmentKind.TRANSITION: QColor("#c9a227"),
}
"""The timeline bar's colour for each kind of segment."""
ALTERNATE_TURN = QColor("#2f8a73")
"""Every other speaking turn in the timeline bar, so that turns side by side stand apart."""
SHEET_HEADER_SHADE = QColor("#e9e6dd")
SHEET_BORDER = QColor("#9a958a")
"""The header rows and the borders of the tables on a printed facilitator's sheet."""

# --- style sheets -------------------------------------------------------------------------

PROBLEM_TEXT_STYLE = f"color: {PROBLEM_RED.name()};"
"""Text that says what is wrong."""
PROBLEM_BORDER_STYLE = f"border: 2px solid {PROBLEM_RED.name()};"
MISSING_FIELD_STYLE = f"background: {MISSING_YELLOW.name()};"
BANNER_STYLE = (
    f"background: {BANNER_BACKGROUND.name()}; color: {BANNER_TEXT.name()}; "
    f"border: 1px solid {PROBLEM_RED.name()}; padding: 6px;"
)
RING_PROMPT_STYLE = (
    f"background: {RING_PROMPT_BACKGROUND.name()}; color: {RING_PROMPT_TEXT.name()}; padding: 8px;"
)


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def _quieter(text: QColor, background: QColor) -> QColor:
    return QColor(*quieter_text(_rgb(text), _rgb(background)))


class _SecondaryText(QObject):
    """Keeps a widget's text a readable shade softer, also when the desktop's colours change."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        """Take the colours around the widget now, and soften its text."""
        parent = self._widget.parentWidget()
        around = parent.palette() if parent is not None else QApplication.palette(self._widget)
        palette = self._widget.palette()
        changed = False
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            softer = _quieter(
                around.color(group, QPalette.ColorRole.WindowText),
                around.color(group, QPalette.ColorRole.Window),
            )
            if palette.color(group, QPalette.ColorRole.WindowText) != softer:
                palette.setColor(group, QPalette.ColorRole.WindowText, softer)
                changed = True
        if changed:
            self._widget.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange):
            self.apply()  # the desktop's colours changed, or the widget moved elsewhere
        return False


def show_as_secondary(widget: QWidget) -> None:
    """Draw `widget`'s text a shade softer than the rest, still at WCAG AA contrast (4.5:1).

    For hints and notes beside the main text ("rehearsal at 10x speed", a step's notes).
    A disabled label looks the same but is drawn at about 1.6:1, which is unreadable.
    """
    _SecondaryText(widget)


def make_placeholders_readable(application: QApplication) -> None:
    """The grey hint inside an empty field ("Search by name") at 4.5:1 or more.

    Qt draws it as the text colour at half strength, about 4:1 on white.
    """
    palette = application.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        hint = _quieter(
            palette.color(group, QPalette.ColorRole.Text),
            palette.color(group, QPalette.ColorRole.Base),
        )
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, hint)
    if palette != application.palette():
        application.setPalette(palette)


def text_colour_style(colour: QColor) -> str:
    """A style sheet that colours a widget's text."""
    return f"color: {colour.name()};"


# --- fonts --------------------------------------------------------------------------------


class HasFont(Protocol):
    """A widget or an item view's item: anything with a font of its own."""

    def font(self) -> QFont:
        """Its font now."""
        ...

    def setFont(self, font: QFont) -> None:
        """Give it another font."""
        ...


def scale_font(target: HasFont, factor: float, *, bold: bool = False) -> None:
    """Make `target`'s font `factor` times its size, and bold or not."""
    font = QFont(target.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    target.setFont(font)


def set_bold(target: HasFont, bold: bool = True) -> None:
    """Make `target`'s font bold (or not), at the same size."""
    font = QFont(target.font())
    font.setBold(bold)
    target.setFont(font)
