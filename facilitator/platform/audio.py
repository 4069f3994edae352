"""The bells behind a small interface: what the app asks of a player, and a fake for tests.

`BellPlayer` is what the models use: load a sound per key once, play one now, volume,
mute, the output device, and whether sound is available (with the reason when it is not).
The real player, on Qt Multimedia, is `QtBellPlayer` in qt_audio.py; `FakeBellPlayer`
records what it was asked and can be unplugged or made to fail.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Mapping

Device = tuple[str, str]
"""An output device: (id, description)."""


class BellPlayer(QObject):
    """Plays preloaded bell sounds on one output device; the interface the app relies on."""

    availabilityChanged = Signal(bool, str)
    """(available, reason): the reason is a plain sentence, empty when available."""
    devicesChanged = Signal()
    """The list of output devices changed (one was plugged in or pulled out)."""
    soundFailed = Signal(str, str)
    """(sound key, file name): the output cannot play this one sound (it cannot decode the
    file); the other sounds and the output itself are fine. The key is no longer loaded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._available = False
        self._reason = ""

    @property
    def available(self) -> bool:
        """Whether a bell played now would be heard (unless muted)."""
        return self._available

    @property
    def unavailable_reason(self) -> str:
        """Why the bells cannot sound now, in one plain sentence; empty when available."""
        return self._reason

    @property
    def loaded(self) -> bool:
        """Whether every loaded sound is ready to ring at once."""
        return self._available

    @property
    def output_lead(self) -> float:
        """How many seconds early to strike a bell so it is heard on its moment."""
        return 0.0

    def load(self, sounds: Mapping[str, Path]) -> None:
        """Load these sounds (key -> WAV file) once, replacing the previous set."""
        raise NotImplementedError

    def play(self, sound_key: str) -> None:
        """Ring a loaded sound now; never blocks, never raises."""
        raise NotImplementedError

    def set_volume(self, volume: float) -> None:
        """Set the loudness, from 0 (silent) to 1 (full), as a listener hears it."""
        raise NotImplementedError

    def set_muted(self, muted: bool) -> None:
        """Silence or unsilence every bell."""
        raise NotImplementedError

    def devices(self) -> list[Device]:
        """The output devices present now, as (id, description)."""
        raise NotImplementedError

    def set_device(self, device_id: str) -> None:
        """Ring on this output device; "" follows the system default."""
        raise NotImplementedError

    # --- for implementations ------------------------------------------------------------

    def _set_availability(self, available: bool, reason: str = "") -> None:
        reason = "" if available else reason
        if (available, reason) == (self._available, self._reason):
            return
        self._available = available
        self._reason = reason
        self.availabilityChanged.emit(available, reason)

    def _no_output_reason(self, seen_outputs: bool) -> str:
        if seen_outputs:
            return self.tr("The sound output was disconnected, and no other one was found.")
        return self.tr("No sound output was found (no sound server is running).")

    def _not_connected_reason(self, name: str) -> str:
        return self.tr("The sound output “{name}” is not connected.").format(name=name)

    def _failed_reason(self, name: str, sound_file: str = "") -> str:
        if sound_file:
            return self.tr("The sound output “{name}” could not play {file}.").format(
                name=name, file=sound_file
            )
        return self.tr("The sound output “{name}” could not play the bells.").format(name=name)


class FakeBellPlayer(BellPlayer):
    """A player for tests: records what it was asked to do; devices come and go on command."""

    def __init__(
        self,
        devices: list[Device] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._devices: list[Device] = (
            list(devices) if devices is not None else [("speakers", "Built-in speakers")]
        )
        self._seen_outputs = bool(self._devices)
        self._names = dict(self._devices)
        self._failure = ""
        self.sounds: dict[str, Path] = {}
        self.loads: list[dict[str, Path]] = []
        self.played: list[str] = []
        """Every sound key played, in order (what the room heard)."""
        self.unheard: list[str] = []
        """Keys play() was called with while unavailable, muted or unloaded."""
        self.volume = 1.0
        self.muted = False
        self.device = ""
        self.undecodable: set[Path] = set()
        """Files this fake output cannot decode, as Qt's decoder refuses some (see load)."""
        self._update()

    def load(self, sounds: Mapping[str, Path]) -> None:
        """Remember the sounds; one whose file is `undecodable` fails as the real one does."""
        wanted = {key: Path(path) for key, path in sounds.items()}
        failed = [key for key, path in wanted.items() if path in self.undecodable]
        self.sounds = {key: path for key, path in wanted.items() if key not in failed}
        self.loads.append(dict(self.sounds))
        for key in failed:
            self.soundFailed.emit(key, wanted[key].name)

    def play(self, sound_key: str) -> None:
        """Record the sound as heard, or as unheard when it could not sound."""
        audible = self._available and not self.muted and self.volume > 0
        (self.played if audible and sound_key in self.sounds else self.unheard).append(sound_key)

    def set_volume(self, volume: float) -> None:
        """Remember the volume."""
        self.volume = min(1.0, max(0.0, float(volume)))

    def set_muted(self, muted: bool) -> None:
        """Remember the mute switch."""
        self.muted = bool(muted)

    def devices(self) -> list[Device]:
        """The devices plugged in now."""
        return list(self._devices)

    def set_device(self, device_id: str) -> None:
        """Ring on this device ("" for the default, the first one)."""
        self.device = device_id
        self._update()

    # --- simulation ---------------------------------------------------------------------

    def unplug(self, device_id: str) -> None:
        """A device is pulled out."""
        self._devices = [d for d in self._devices if d[0] != device_id]
        self.devicesChanged.emit()
        self._update()

    def plug(self, device_id: str, description: str) -> None:
        """A device is plugged in (effects reload on it by themselves)."""
        self._devices = [d for d in self._devices if d[0] != device_id]
        self._devices.append((device_id, description))
        self._names[device_id] = description
        self._seen_outputs = True
        self._failure = ""
        self.devicesChanged.emit()
        self._update()

    def fail(self, reason: str = "") -> None:
        """The sound output reports an error."""
        self._failure = reason or self._failed_reason(self._current_name())
        self._update()

    def _current_name(self) -> str:
        names = dict(self._devices)
        if self.device:
            return names.get(self.device, self.device)
        return self._devices[0][1] if self._devices else ""

    def _update(self) -> None:
        ids = [d[0] for d in self._devices]
        if self.device and self.device not in ids:
            name = self._names.get(self.device, self.device)
            self._set_availability(False, self._not_connected_reason(name))
        elif not ids:
            self._set_availability(False, self._no_output_reason(self._seen_outputs))
        elif self._failure:
            self._set_availability(False, self._failure)
        else:
            self._set_availability(True)
