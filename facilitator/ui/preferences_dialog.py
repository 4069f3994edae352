"""One dialog for every preference: language, the card's look, timing, screen and sounds.

Each change applies at once (and is saved by the preferences model); the
dialog only shows the model's values and passes on what the facilitator picks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.settings.preferences import Theme
from facilitator.core.timing.events import AdvanceMode
from facilitator.ui.labels import SUPPORTED_LANGUAGES, language_label
from facilitator.ui.plain import plain_label
from facilitator.ui.window_fit import scroller_for

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from facilitator.core.settings.screens import ScreenInfo
    from facilitator.models.preferences_model import PreferencesModel

SCALE_RANGE = (60, 160)
"""The card's text size, in percent of the fitted size."""

SOUND_PANEL_HOOK = "sound-panel-hook"
"""Object name of the placeholder shown when no sound panel is given."""


class PreferencesDialog(QDialog):
    """Shows and changes the preferences; changes apply immediately."""

    def __init__(
        self,
        preferences: PreferencesModel,
        screens: Callable[[], Sequence[ScreenInfo]],
        *,
        sound_panel: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._preferences = preferences
        self._screens = screens

        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        for code in SUPPORTED_LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.theme = QComboBox()
        self.theme.addItem(self.tr("Dark"), Theme.DARK)
        self.theme.addItem(self.tr("Light"), Theme.LIGHT)
        self.theme.addItem(self.tr("High contrast"), Theme.HIGH_CONTRAST)
        self.text_size = QSlider(Qt.Orientation.Horizontal)
        self.text_size.setRange(*SCALE_RANGE)
        self.text_size.setSingleStep(5)
        self.text_size.setPageStep(10)
        self.text_size.setTracking(False)
        self.text_size_label = plain_label()
        self.flash = QCheckBox(self.tr("Flash the card at the warning and when time is up"))
        self.advance = QComboBox()
        self.advance.addItem(self.tr("Automatically when the time is up"), AdvanceMode.AUTO)
        self.advance.addItem(self.tr("Only when I press Next"), AdvanceMode.MANUAL)
        self.time_up = QCheckBox(
            self.tr("When I wait for Next, show the room a calm \u201cTime is up\u201d")
        )
        self.time_up.setToolTip(
            self.tr(
                "Otherwise the card's clock simply stops at 0:00 until you press Next; "
                "this screen counts the time over either way"
            )
        )
        self.warning = QSpinBox()
        self.warning.setRange(0, 600)
        self.warning.setSingleStep(5)
        self.warning.setSuffix(self.tr(" s"))
        self.warning.setSpecialValueText(self.tr("no warning"))
        self.projector_screen = QComboBox()

        card = QGroupBox(self.tr("The card on the projector"))
        card_form = QFormLayout(card)
        card_form.addRow(self.tr("Theme"), self.theme)
        size_row = QHBoxLayout()
        size_row.addWidget(self.text_size, 1)
        size_row.addWidget(self.text_size_label)
        card_form.addRow(self.tr("Text size"), size_row)
        card_form.addRow("", self.flash)
        card_form.addRow(self.tr("Screen"), self.projector_screen)
        timing = QGroupBox(self.tr("Timing"))
        timing_form = QFormLayout(timing)
        timing_form.addRow(self.tr("Move to the next step"), self.advance)
        timing_form.addRow("", self.time_up)
        timing_form.addRow(self.tr("Warn before the end"), self.warning)
        general = QFormLayout()
        general.addRow(self.tr("Language"), self.language)
        sounds = QGroupBox(self.tr("Sounds"))
        sounds_layout = QVBoxLayout(sounds)
        if sound_panel is None:
            # Hook: the sound settings panel (facilitator/ui/sound_panel.py) goes here.
            sound_panel = plain_label(self.tr("Sound settings are in the Sound panel."), wrap=True)
            sound_panel.setObjectName(SOUND_PANEL_HOOK)
        self.sound_panel = sound_panel
        sounds_layout.addWidget(sound_panel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Two columns, so that it fits a small laptop screen whole: the card and the timing
        # beside the sounds.
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addLayout(general)
        left.addWidget(card)
        left.addWidget(timing)
        left.addStretch(1)
        body_layout.addLayout(left, 1)
        body_layout.addWidget(sounds, 1)
        # On a small laptop screen the dialog is shorter than its contents: they scroll, and
        # Close stays in sight.
        scroller = scroller_for(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroller, 1)
        layout.addWidget(buttons)
        wanted = body.sizeHint()
        bar = scroller.verticalScrollBar().sizeHint().width()
        self.resize(wanted.width() + bar + 24, wanted.height() + buttons.sizeHint().height() + 30)

        self.language.activated.connect(
            lambda index: preferences.update(language=self.language.itemData(index))
        )
        self.theme.activated.connect(
            lambda index: preferences.update(theme=Theme(self.theme.itemData(index)))
        )
        self.text_size.sliderMoved.connect(self._show_size)
        self.text_size.valueChanged.connect(
            lambda value: preferences.update(text_scale=round(value / 100, 2))
        )
        self.flash.clicked.connect(lambda checked: preferences.update(flash=checked))
        self.advance.activated.connect(
            lambda index: preferences.update(advance_mode=AdvanceMode(self.advance.itemData(index)))
        )
        self.time_up.clicked.connect(lambda checked: preferences.update(time_up_on_card=checked))
        self.warning.valueChanged.connect(lambda value: preferences.update(warning_seconds=value))
        self.projector_screen.activated.connect(
            lambda index: preferences.update(projector_screen=self.projector_screen.itemData(index))
        )
        preferences.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the preferences as they are now."""
        value = self._preferences.value
        widgets = (
            self.language,
            self.theme,
            self.text_size,
            self.flash,
            self.advance,
            self.time_up,
            self.warning,
            self.projector_screen,
        )
        blocked = [widget.blockSignals(True) for widget in widgets]
        self.language.setCurrentIndex(max(0, self.language.findData(value.language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(value.theme)))
        self.text_size.setValue(round(value.text_scale * 100))
        self._show_size(self.text_size.value())
        self.flash.setChecked(value.flash)
        self.advance.setCurrentIndex(max(0, self.advance.findData(value.advance_mode)))
        self.time_up.setChecked(value.time_up_on_card)
        self.warning.setValue(value.warning_seconds)
        self._fill_screens(value.projector_screen)
        for widget, was in zip(widgets, blocked, strict=True):
            widget.blockSignals(was)

    def _show_size(self, value: int) -> None:
        self.text_size_label.setText(f"{value} %")

    def _fill_screens(self, chosen: str) -> None:
        self.projector_screen.clear()
        self.projector_screen.addItem(
            self.tr("Automatic: the first screen that is not the laptop's"), ""
        )
        names = []
        for screen in self._screens():
            self.projector_screen.addItem(screen.label, screen.name)
            names.append(screen.name)
        if chosen and chosen not in names:
            self.projector_screen.addItem(
                self.tr("{name} (not connected)").format(name=chosen), chosen
            )
        self.projector_screen.setCurrentIndex(max(0, self.projector_screen.findData(chosen)))
