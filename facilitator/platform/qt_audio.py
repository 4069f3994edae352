"""Ringing the bells through Qt Multimedia: `QtBellPlayer`, the real `BellPlayer`.

`QtBellPlayer` loads every sound into `QSoundEffect`s once, so a cue rings within
milliseconds; `play()` never blocks and never raises. Two effects per sound take turns, so
two cues in quick succession are both heard: before Qt 6.10 `play()` on a ringing effect
restarted it, and since then an effect must not hold two voices (below).

A Qt 6.11 fault shapes it (see docs/decisions/0001-audio-backend.md): when a
`QSoundEffect` voice ends by itself while another sound is ringing, Qt may destroy the voice
on its audio thread, and the GUI thread's event loop then spins at full CPU on a closed
socket. A voice stopped from the GUI thread is destroyed safely, so each effect is stopped
by a precise timer just before its natural end (inside the bells' fade-out), and an effect
never holds two voices at once. A muted player plays nothing rather than silent voices.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices, QSoundEffect, QtAudio

from facilitator.core.settings.sounds import SoundFileError, check_sound_file, is_built_in_sound
from facilitator.platform.audio import BellPlayer

if TYPE_CHECKING:
    from collections.abc import Mapping

    from facilitator.platform.audio import Device

logger = logging.getLogger(__name__)

EFFECTS_PER_SOUND = 2
STOP_BEFORE_END_MS = 40
"""Stop each effect this long before its natural end (see the module's docstring)."""

PLACEHOLDER_OUTPUTS = frozenset({"auto_null"})
"""Outputs that play into nothing: the "Dummy Output" PulseAudio and PipeWire put in place
(module-always-sink) when the last real output goes. Ringing there would be silence with no
word to the facilitator and no flash on the card, so it counts as no output at all."""

QT_OUTPUT_LEAD = 0.012
"""Seconds from play() to the first sample at the speakers with Qt 6.10+ on PulseAudio:
measured 13-20 ms (median about 15); striking 12 ms early lands bells within a few ms
of their moment, never noticeably early."""


def qt_device_id(device: QAudioDevice) -> str:
    """A Qt audio device's id as text (the form kept in the preferences)."""
    return bytes(device.id().data()).decode("utf-8", errors="replace")


def wav_duration_ms(path: Path) -> int | None:
    """How long a WAV file plays, in milliseconds; None when it is not a WAV file bells play."""
    try:
        return int(check_sound_file(path).seconds * 1000)
    except SoundFileError:
        return None


def perceived_to_linear(volume: float) -> float:
    """The linear gain for a loudness as a listener hears it (what a volume slider shows)."""
    volume = min(1.0, max(0.0, volume))
    return QtAudio.convertVolume(
        volume, QtAudio.VolumeScale.LogarithmicVolumeScale, QtAudio.VolumeScale.LinearVolumeScale
    )


class _Ringer:
    """One QSoundEffect, stopped from the GUI thread just before it would end by itself."""

    def __init__(
        self, owner: QObject, device: QAudioDevice, path: Path, duration_ms: int | None
    ) -> None:
        self.effect = QSoundEffect(device, owner)
        self.effect.setSource(QUrl.fromLocalFile(str(path)))
        self._timer = QTimer(owner)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.effect.stop)
        self._stop_after_ms = (
            max(0, duration_ms - STOP_BEFORE_END_MS) if duration_ms is not None else None
        )

    def ring(self) -> None:
        self.effect.play()
        if self._stop_after_ms is not None:
            self._timer.start(self._stop_after_ms)

    def silence(self) -> None:
        self._timer.stop()
        if self.effect.isPlaying():
            self.effect.stop()

    def discard(self) -> None:
        self.silence()
        self._timer.deleteLater()
        self.effect.deleteLater()


@dataclass
class _Bell:
    """The effects of one sound, used in turn so two quick cues are both heard."""

    path: Path
    ringers: list[_Ringer] = field(default_factory=list)
    turn: int = 0

    def next_ringer(self) -> _Ringer:
        """The next effect in turn that is not ringing; else the one rung longest ago, stopped.

        Each effect holds at most one voice, so its stop timer always meets the voice it
        was started for (Qt 6.10+ adds a voice when play() is called while ringing).
        """
        count = len(self.ringers)
        for step in range(count):
            ringer = self.ringers[(self.turn + step) % count]
            if not ringer.effect.isPlaying():
                self.turn = (self.turn + step + 1) % count
                return ringer
        ringer = self.ringers[self.turn]
        self.turn = (self.turn + 1) % count
        ringer.silence()
        return ringer


class QtBellPlayer(BellPlayer):
    """Bells through Qt Multimedia's QSoundEffect, following devices as they come and go."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sounds: dict[str, Path] = {}
        self._bells: dict[str, _Bell] = {}
        self._volume = 1.0
        self._muted = False
        self._device_id = ""
        self._device: QAudioDevice | None = None
        self._names: dict[str, str] = {}
        self._media_devices = QMediaDevices(self)
        self._media_devices.audioOutputsChanged.connect(self._on_outputs_changed)
        self._seen_outputs = bool(self._outputs())
        self._rebuild()

    # --- the interface --------------------------------------------------------------------

    @property
    def output_lead(self) -> float:
        return QT_OUTPUT_LEAD

    @property
    def loaded(self) -> bool:
        """Whether every loaded sound is ready to ring at once."""
        return self._available and all(
            ringer.effect.status() == QSoundEffect.Status.Ready
            for bell in self._bells.values()
            for ringer in bell.ringers
        )

    def load(self, sounds: Mapping[str, Path]) -> None:
        """Load these sounds (key -> WAV file) once, replacing the previous set."""
        wanted = {key: Path(path) for key, path in sounds.items()}
        for key in list(self._bells):
            if wanted.get(key) != self._bells[key].path:
                self._discard(key)
        self._sounds = wanted
        if self._device is None:
            return
        for key, path in wanted.items():
            if key not in self._bells:
                self._bells[key] = self._make_bell(path, self._device)

    def play(self, sound_key: str) -> None:
        """Ring a loaded sound now; never blocks, never raises."""
        try:
            if not self._available or self._muted or self._volume <= 0:
                return
            bell = self._bells.get(sound_key)
            if bell is None:
                logger.warning("no bell sound %r is loaded", sound_key)
                return
            bell.next_ringer().ring()
        except Exception as error:  # a bell must never take the run down
            logger.exception("playing %r failed", sound_key)
            self._set_availability(
                False, self.tr("The bell could not be played ({error}).").format(error=error)
            )

    def set_volume(self, volume: float) -> None:
        """Set the loudness, from 0 (silent) to 1 (full), as a listener hears it."""
        self._volume = min(1.0, max(0.0, float(volume)))
        if self._volume <= 0:
            self._silence_all()
            return
        gain = perceived_to_linear(self._volume)
        for bell in self._bells.values():
            for ringer in bell.ringers:
                ringer.effect.setVolume(gain)

    def set_muted(self, muted: bool) -> None:
        """Silence or unsilence every bell (a ringing bell stops at once)."""
        self._muted = bool(muted)
        if self._muted:
            self._silence_all()

    def devices(self) -> list[Device]:
        """The output devices present now, as (id, description)."""
        return [(qt_device_id(device), device.description()) for device in self._outputs()]

    def set_device(self, device_id: str) -> None:
        """Ring on this output device; "" follows the system default."""
        if device_id == self._device_id:
            return
        self._device_id = device_id
        self._rebuild()

    # --- devices ------------------------------------------------------------------------

    def _outputs(self) -> list[QAudioDevice]:
        outputs = [
            device
            for device in QMediaDevices.audioOutputs()
            if qt_device_id(device) not in PLACEHOLDER_OUTPUTS
        ]
        for device in outputs:
            self._names[qt_device_id(device)] = device.description()
        return outputs

    def _target_device(self) -> tuple[QAudioDevice | None, str]:
        """The device to ring on now, or None and the reason there is none."""
        outputs = self._outputs()
        self._seen_outputs = self._seen_outputs or bool(outputs)
        if self._device_id:
            for device in outputs:
                if qt_device_id(device) == self._device_id:
                    return device, ""
            return None, self._not_connected_reason(
                self._names.get(self._device_id, self._device_id)
            )
        default = QMediaDevices.defaultAudioOutput()
        if not default.isNull() and qt_device_id(default) not in PLACEHOLDER_OUTPUTS:
            return default, ""
        if outputs:
            return outputs[0], ""
        return None, self._no_output_reason(self._seen_outputs)

    def _on_outputs_changed(self) -> None:
        self.devicesChanged.emit()
        target, reason = self._target_device()
        if target is None:
            self._discard_all()
            self._device = None
            self._set_availability(False, reason)
            return
        if (
            not self._available
            or self._device is None
            or (qt_device_id(target) != qt_device_id(self._device))
        ):
            self._rebuild()

    def _rebuild(self) -> None:
        """Load every sound again on the device to ring on (or become unavailable)."""
        self._discard_all()
        device, reason = self._target_device()
        self._device = device
        if device is None:
            self._set_availability(False, reason)
            return
        for key, path in self._sounds.items():
            self._bells[key] = self._make_bell(path, device)
        self._set_availability(True)

    # --- effects ------------------------------------------------------------------------

    def _make_bell(self, path: Path, device: QAudioDevice) -> _Bell:
        duration_ms = wav_duration_ms(path)
        bell = _Bell(path)
        gain = perceived_to_linear(self._volume)
        for _ in range(EFFECTS_PER_SOUND):
            ringer = _Ringer(self, device, path, duration_ms)
            ringer.effect.setVolume(gain)
            ringer.effect.statusChanged.connect(self._on_status_changed)
            bell.ringers.append(ringer)
        return bell

    def _on_status_changed(self) -> None:
        effect = self.sender()
        if not isinstance(effect, QSoundEffect) or effect.status() != QSoundEffect.Status.Error:
            return
        key = next(
            (k for k, bell in self._bells.items() for r in bell.ringers if r.effect is effect),
            None,
        )
        if key is None:
            return  # an effect already being discarded
        name = self._device.description() if self._device is not None else ""
        sound_file = self._bells[key].path
        logger.warning("the bell %s could not be loaded for %s", sound_file, name)
        if not is_built_in_sound(sound_file):
            # The output works (it plays the built-in bells); it cannot decode this one file.
            self._discard(key)
            self._sounds.pop(key, None)
            self.soundFailed.emit(key, sound_file.name)
            return
        self._set_availability(False, self._failed_reason(name, sound_file.name))

    def _silence_all(self) -> None:
        for bell in self._bells.values():
            for ringer in bell.ringers:
                ringer.silence()

    def _discard(self, key: str) -> None:
        for ringer in self._bells.pop(key).ringers:
            ringer.discard()

    def _discard_all(self) -> None:
        for key in list(self._bells):
            self._discard(key)
