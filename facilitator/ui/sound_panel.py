"""The console's sound panel: how cues are marked, loudness, output, and each cue's sound.

Every change goes straight to the preferences model (which saves it); the panel only
shows the model's values, the router's devices, and plainly why sound is unavailable.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.settings.preferences import BUILT_IN_SOUNDS, SILENT, BellMode
from facilitator.core.settings.sound_import import SUFFIXES
from facilitator.core.settings.sounds import (
    SoundFileError,
    custom_sound_value,
    is_custom_sound,
    resolve_sound,
)
from facilitator.core.workshop.structures import Moment
from facilitator.platform.sound_import import import_sound as import_into_bells
from facilitator.ui.accessibility import describe, explain
from facilitator.ui.labels import cue_label, sound_label
from facilitator.ui.plain import plain_label, plain_tooltip

if TYPE_CHECKING:
    from facilitator.models.bells import CueRouter
    from facilitator.models.preferences_model import PreferencesModel

CUES = (
    Moment.STEP_START,
    Moment.ROUND_START,
    Moment.SPEAKER_SWAP,
    Moment.PHASE_CHANGE,
    Moment.TURN_BACK,
    Moment.TRANSITION,
    Moment.WARNING,
    Moment.END,
)
"""The kinds of cue whose sound can be chosen, in the order they are listed."""
CHOOSE_FILE = "choose-file"
"""The item data of "Your own sound file…" in a cue's sound list."""

FileChooser = Callable[[QWidget], str]
"""Asks for a sound file; returns its path, or "" when cancelled."""
SoundImporter = Callable[[Path], Path]
"""Turns a chosen sound file into a stored bell (its path), or raises SoundFileError."""


class SoundPanel(QWidget):
    """Shows and changes the sound preferences; changes apply immediately."""

    def __init__(
        self,
        preferences: PreferencesModel,
        router: CueRouter,
        parent: QWidget | None = None,
        *,
        choose_file: FileChooser | None = None,
        import_sound: SoundImporter | None = None,
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._router = router
        self._choose_file = choose_file or self._ask_for_file
        self._import_sound = import_sound or import_into_bells
        self._note = ""

        self.mode = QComboBox()
        self.mode.addItem(self.tr("The app rings the bells"), BellMode.SOUND)
        self.mode.addItem(self.tr("I ring a real bell"), BellMode.PHYSICAL)
        self.mode.addItem(self.tr("Visual only: the card flashes"), BellMode.VISUAL)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(5)
        self.volume.setPageStep(10)
        self.volume.setTracking(False)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.mute = QCheckBox(self.tr("Mute"))
        self.device = QComboBox()
        self.device.setAccessibleName(self.tr("Sound output"))
        self.test_button = QPushButton(self.tr("Test the bell"))
        self.sounds: dict[str, QComboBox] = {}
        for cue in CUES:
            combo = QComboBox()
            combo.setAccessibleName(cue_label(cue.value))
            self.sounds[cue.value] = combo
        self.status = plain_label(wrap=True)
        self.status.setObjectName("sound-status")
        describe(self.mode, self.tr("Bells"), self.tr("Who rings the bells, or a flash instead"))
        self.volume.setAccessibleDescription(self.tr("How loud the bells ring"))
        explain(self.mute, self.tr("Silence the bells; the card still flashes if you want"))
        self.device.setAccessibleDescription(self.tr("The speakers the bells ring on"))
        explain(self.test_button, self.tr("Ring the bell once now, to hear how loud it is"))
        for combo in self.sounds.values():
            combo.setAccessibleDescription(self.tr("The sound for this moment of the run"))

        self._lay_out()
        self._refresh()
        self._connect()

    # --- layout ---------------------------------------------------------------------

    def _lay_out(self) -> None:
        loudness = QHBoxLayout()
        loudness.addWidget(self.volume, 1)
        loudness.addWidget(self.mute)
        form = QFormLayout()
        form.addRow(plain_label(self.tr("Bells:")), self.mode)
        form.addRow(plain_label(self.tr("Volume:")), loudness)
        form.addRow(plain_label(self.tr("Output:")), self.device)
        form.addRow("", self.test_button)
        per_cue = QGroupBox(self.tr("Sound for each cue"))
        cue_form = QFormLayout(per_cue)
        for cue, combo in self.sounds.items():
            cue_form.addRow(plain_label(cue_label(cue).capitalize() + ":"), combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(per_cue)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.mode.currentIndexChanged.connect(self._on_mode)
        self.volume.valueChanged.connect(self._on_volume)
        self.mute.toggled.connect(self._on_mute)
        self.device.currentIndexChanged.connect(self._on_device)
        self.test_button.clicked.connect(self._on_test)
        for cue, combo in self.sounds.items():
            combo.currentIndexChanged.connect(lambda _index, cue=cue: self._on_sound(cue))
        self._preferences.changed.connect(self._refresh)
        # Bound slots, not lambdas: they go with the panel when it is deleted (the console is
        # rebuilt when the language changes; the router lives on).
        self._router.devicesChanged.connect(self._refresh_devices)
        self._router.soundUnavailable.connect(self._refresh_status)
        self._router.soundRestored.connect(self._refresh_status)
        self._router.soundProblem.connect(self._refresh_status)

    # --- showing the model ----------------------------------------------------------

    def _refresh(self) -> None:
        sound = self._preferences.value.sound
        widgets = [self.mode, self.volume, self.mute, *self.sounds.values()]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.mode.setCurrentIndex(max(0, self.mode.findData(sound.mode)))
            self.volume.setValue(round(sound.volume * 100))
            self.mute.setChecked(sound.muted)
            for cue, combo in self.sounds.items():
                self._fill_sounds(combo, sound.sound_for(cue))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._refresh_devices()
        self._refresh_status()

    def _fill_sounds(self, combo: QComboBox, value: str) -> None:
        combo.clear()
        for sound in (*BUILT_IN_SOUNDS, SILENT):
            combo.addItem(sound_label(sound), sound)
        if is_custom_sound(value):
            path = resolve_sound(value)
            name = path.name if path is not None else value
            combo.addItem(self.tr("Own file: {name}").format(name=name), value)
            combo.setItemData(
                combo.count() - 1, plain_tooltip(str(path)), Qt.ItemDataRole.ToolTipRole
            )
        combo.addItem(self.tr("Your own sound file…"), CHOOSE_FILE)
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _refresh_devices(self) -> None:
        chosen = self._preferences.value.sound.device
        self.device.blockSignals(True)
        try:
            self.device.clear()
            self.device.addItem(self.tr("System default"), "")
            for device_id, description in self._router.devices():
                self.device.addItem(description, device_id)
            if chosen and self.device.findData(chosen) < 0:
                self.device.addItem(self.tr("{name} (not connected)").format(name=chosen), chosen)
            self.device.setCurrentIndex(max(0, self.device.findData(chosen)))
        finally:
            self.device.blockSignals(False)

    def _refresh_status(self) -> None:
        lines = []
        if not self._router.available:
            lines.append(
                self.tr("Sound is unavailable: {reason}").format(
                    reason=self._router.unavailable_reason
                )
            )
        lines += self._router.sound_problems
        if self._note:
            lines.append(self._note)
        self.status.setText("\n".join(lines))
        self.status.setVisible(bool(lines))

    # --- changes by the facilitator ---------------------------------------------------

    def _on_mode(self) -> None:
        self._preferences.update_sound(mode=BellMode(self.mode.currentData()))

    def _on_volume(self, value: int) -> None:
        self._preferences.update_sound(volume=value / 100)

    def _on_mute(self, muted: bool) -> None:
        self._preferences.update_sound(muted=muted)

    def _on_device(self) -> None:
        self._preferences.update_sound(device=self.device.currentData() or "")

    def _on_test(self) -> None:
        if self._router.test_bell():
            return
        sound = self._preferences.value.sound
        if self._router.available and (sound.muted or sound.volume <= 0):
            self._note = self.tr("The bells are muted: unmute them to hear the test.")
        self._refresh_status()

    def _on_sound(self, cue: str) -> None:
        value = self.sounds[cue].currentData()
        if value == CHOOSE_FILE:
            value = self._chosen_file()
            if value is None:
                self._refresh()  # back to the sound chosen before
                return
        self._note = ""
        sounds = dict(self._preferences.value.sound.sounds)
        sounds[cue] = value
        self._preferences.update_sound(sounds=sounds)
        self._refresh_status()

    def _chosen_file(self) -> str | None:
        """Ask for a sound file and make it a bell; its sound value, or None (with why not).

        The file is decoded once, trimmed and normalised into a WAV copy in the data folder
        (platform/sound_import.py); the bell then rings that copy, as it rings a built-in.
        """
        path = self._choose_file(self)
        if not path:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            stored = self._import_sound(Path(path))
        except SoundFileError as error:
            self._note = str(error)
            self._refresh_status()
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        return custom_sound_value(stored)

    def _ask_for_file(self, parent: QWidget) -> str:
        patterns = " ".join(f"*{suffix}" for suffix in SUFFIXES)
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            self.tr("Choose a bell sound"),
            "",
            self.tr("Sounds (WAV, MP3, OGG, Opus, FLAC, M4A) ({patterns})").format(
                patterns=patterns
            ),
        )
        return path
