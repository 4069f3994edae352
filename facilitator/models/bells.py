"""Cues become bells, a flash on the card, or a prompt to ring a real bell, as preferred.

The router sits between the run (its `cueDue` signal) and a `BellPlayer`. Nothing slow
happens between a cue and its bell: the sound for every cue is worked out (and a
facilitator's own WAV file checked) when the preferences change, not when the cue is due.
A file that passes the check but that the player cannot decode (its `soundFailed`) rings
the built-in sound for its cues alone, with one message; sound stays available.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator.core.settings.preferences import DEFAULT_SOUNDS, SILENT, BellMode, SoundPreferences
from facilitator.core.settings.sounds import (
    SoundFileError,
    check_sound_file,
    is_custom_sound,
    resolve_sound,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from facilitator.core.workshop.structures import Moment
    from facilitator.models.preferences_model import PreferencesModel
    from facilitator.models.run_model import RunModel
    from facilitator.platform.audio import BellPlayer, Device

TEST_SOUND = "tingsha"
"""The sound of the console's "Test the bell" button (always loaded)."""


class CueRouter(QObject):
    """Turns each due cue into what the preferences ask for, and reports sound trouble."""

    flashRequested = Signal(str)
    """Flash the card for this cue (visual mode, or sound mode while sound is unavailable)."""
    ringNow = Signal(str)
    """The facilitator rings a real bell now for this cue (physical mode)."""
    soundUnavailable = Signal(str)
    """Sound stopped working; a plain reason. Sent once per outage."""
    soundRestored = Signal()
    """Sound works again after an outage."""
    soundProblem = Signal(str)
    """A chosen sound file cannot be used; its cue rings the built-in sound instead."""
    played = Signal(str, float)
    """A bell was played: (sound, monotonic time at which play() was called)."""
    devicesChanged = Signal()
    """The list of output devices changed."""

    def __init__(
        self,
        run: RunModel,
        preferences: PreferencesModel,
        player: BellPlayer,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._run = run
        self._preferences = preferences
        self._player = player
        self._clock = clock
        self.play_log: list[tuple[str, float]] = []
        """(sound, monotonic time of the play() call) for every bell played, for measurements."""
        self._cue_sounds: dict[str, str | None] = {}
        self._loaded: dict[str, Path] = {}
        self._problems: dict[str, str] = {}
        self._unplayable: dict[str, str] = {}
        """Own files the player could not decode (value -> message): their cues ring built-ins."""
        self._applied: SoundPreferences | None = None
        player.soundFailed.connect(self._on_sound_failed)
        self._apply_preferences()
        self._outage = not player.available
        self._announced = False
        player.availabilityChanged.connect(self._on_availability)
        player.devicesChanged.connect(self.devicesChanged)
        preferences.changed.connect(self._apply_preferences)
        run.cueDue.connect(self._on_cue)
        # Announce sound missing from the start once the console is listening.
        self._first_announcement = QTimer(self)
        self._first_announcement.setSingleShot(True)
        self._first_announcement.timeout.connect(self._announce_initial_outage)
        self._first_announcement.start(0)

    # --- for the console --------------------------------------------------------------

    @property
    def available(self) -> bool:
        """Whether the bells can sound now."""
        return self._player.available

    @property
    def unavailable_reason(self) -> str:
        """Why the bells cannot sound now; empty when they can."""
        return self._player.unavailable_reason

    @property
    def sound_problems(self) -> list[str]:
        """Plain messages about chosen sound files that cannot be used now."""
        return list(self._problems.values())

    def devices(self) -> list[Device]:
        """The output devices present now, as (id, description)."""
        return self._player.devices()

    def test_bell(self) -> bool:
        """Ring the tingsha at the current volume on the current device; False if it cannot."""
        sound = self._preferences.value.sound
        if not self._player.available:
            self._announce(self._player.unavailable_reason)
            return False
        self._play(TEST_SOUND)
        return not sound.muted and sound.volume > 0

    # --- cues ---------------------------------------------------------------------------

    def _on_cue(self, cue: str, moment: Moment, late: float) -> None:
        sound = self._preferences.value.sound
        if sound.mode is BellMode.PHYSICAL:
            self.ringNow.emit(cue)
            return
        if sound.mode is BellMode.VISUAL:
            self.flashRequested.emit(cue)
            return
        key = self._cue_sounds.get(cue)
        if key is None or sound.muted:
            return
        if not self._player.available:
            self._announce(self._player.unavailable_reason)
            self.flashRequested.emit(cue)
            return
        self._play(key)

    def _play(self, key: str) -> None:
        when = self._clock()
        self._player.play(key)
        self.play_log.append((key, when))
        self.played.emit(key, when)

    # --- availability -------------------------------------------------------------------

    def _on_availability(self, available: bool, reason: str) -> None:
        if available:
            was_announced = self._outage and self._announced
            self._outage = False
            self._announced = False
            if was_announced:
                self.soundRestored.emit()
            return
        self._outage = True
        self._announce(reason)

    def _announce(self, reason: str) -> None:
        if self._announced:
            return
        self._announced = True
        self.soundUnavailable.emit(reason)

    def _announce_initial_outage(self) -> None:
        if self._outage and not self._player.available:
            self._announce(self._player.unavailable_reason)

    # --- preferences ----------------------------------------------------------------------

    def _apply_preferences(self) -> None:
        sound = self._preferences.value.sound
        previous = self._applied
        self._applied = sound
        if previous is None or sound.device != previous.device:
            self._player.set_device(sound.device)
        if previous is None or sound.volume != previous.volume:
            self._player.set_volume(sound.volume)
        if previous is None or sound.muted != previous.muted:
            self._player.set_muted(sound.muted)
        if previous is None or dict(sound.sounds) != dict(previous.sounds):
            self.apply_sounds(sound)

    def apply_sounds(self, sound: SoundPreferences) -> None:
        """Choose each cue's sound, checking the facilitator's own files, and load them."""
        checked: dict[str, str | None] = {}
        cue_sounds: dict[str, str | None] = {}
        problems: dict[str, str] = {}
        for cue, default in DEFAULT_SOUNDS.items():
            value = sound.sound_for(cue)
            if is_custom_sound(value):
                if value not in checked:
                    checked[value] = self._unplayable.get(value) or self._check_custom(value)
                problem = checked[value]
                if problem is not None:
                    problems[value] = problem
                    value = default
            cue_sounds[cue] = None if value == SILENT else value
        for value, message in problems.items():
            if self._problems.get(value) != message:
                self.soundProblem.emit(message)
        self._problems = problems
        self._cue_sounds = cue_sounds
        wanted = {key for key in cue_sounds.values() if key is not None} | {TEST_SOUND}
        files = {key: path for key in sorted(wanted) if (path := resolve_sound(key)) is not None}
        if files != self._loaded:
            self._loaded = files
            self._player.load(files)

    def _on_sound_failed(self, key: str, file_name: str) -> None:
        """The player cannot decode one own file: its cues ring their built-in sound."""
        if not is_custom_sound(key) or key in self._unplayable:
            return
        self._unplayable[key] = self.tr(
            "{file} cannot be played by the sound output. The built-in sound rings instead."
        ).format(file=file_name)
        self._loaded.pop(key, None)
        if self._applied is not None:
            self.apply_sounds(self._applied)

    def _check_custom(self, value: str) -> str | None:
        """None when the file of a `file:` value can ring, else a plain message."""
        path = resolve_sound(value)
        try:
            if path is None:
                raise SoundFileError(self.tr("No sound file was named."))
            check_sound_file(path)
        except SoundFileError as error:
            return self.tr("{problem} The built-in sound rings instead.").format(problem=error)
        return None
