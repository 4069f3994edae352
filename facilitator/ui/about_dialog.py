"""Help > About Facilitator: the version, the licence, the credits and the Qt notice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.shown.credits import LIBERATING_STRUCTURES
from facilitator.ui.plain import plain_label

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QIcon

    from facilitator.core.shown.credits import Credit

ICON_PIXELS = 96


class AboutDialog(QDialog):
    """What the app is, whose work it builds on, and under which licences."""

    def __init__(
        self,
        *,
        app_name: str,
        version: str,
        qt_version: str,
        pyside_version: str,
        credits: Sequence[Credit],
        icon: QIcon,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {name}").format(name=app_name))
        picture = QLabel()
        picture.setPixmap(icon.pixmap(ICON_PIXELS, ICON_PIXELS))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = plain_label(f"{app_name} {version}")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        summary = plain_label(
            self.tr(
                "Runs Liberating Structures workshops: timed steps, rounds and speaking turns, "
                "bells at every transition, the question large on the projector."
            ),
            wrap=True,
        )
        licence = plain_label(
            self.tr(
                "Free software under the MIT licence: copy it onto every laptop, adapt it and "
                "share it on. The licence texts are in the assets/licenses folder of the app."
            ),
            wrap=True,
        )
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(summary)
        heading.addWidget(licence)
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addLayout(heading, 1)

        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlainText(self._text(credits, qt_version, pyside_version))
        self.text.setObjectName("about-text")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        about_qt = buttons.addButton(self.tr("About Qt"), QDialogButtonBox.ButtonRole.HelpRole)
        about_qt.clicked.connect(lambda: QMessageBox.aboutQt(self))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def _text(self, credits: Sequence[Credit], qt_version: str, pyside_version: str) -> str:
        lines = [
            self.tr("Credits"),
            "",
            self.tr(
                "The structures are {structures}. Every text in this app is written in our "
                "own words; each structure names whom it comes from:"
            ).format(structures=LIBERATING_STRUCTURES),
            "",
        ]
        for credit in credits:
            lines.append(f"• {', '.join(credit.titles)}: {credit.attribution}")
        lines += [
            "",
            self.tr(
                "The bells (tingsha, chime, warning tones and end signal) are our own "
                "synthesised sounds, made by tools/make_bells.py: no one else's recordings."
            ),
            "",
            self.tr("Qt and Qt for Python"),
            "",
            self.tr(
                "This app uses Qt {qt} and Qt for Python (PySide6 {pyside}) under the GNU "
                "Lesser General Public License version 3 (LGPL 3), and FFmpeg, through Qt "
                "Multimedia, under the LGPL 2.1 or later. They are used unmodified, as "
                "separate shared libraries that you may replace with your own build. Their "
                "sources are at download.qt.io and ffmpeg.org; the licence texts are in the "
                "assets/licenses folder of the app."
            ).format(qt=qt_version, pyside=pyside_version),
        ]
        return "\n".join(lines)
