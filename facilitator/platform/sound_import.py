"""Decoding a facilitator's own sound file once, with Qt Multimedia's QAudioDecoder.

Qt decodes through its FFmpeg media backend on Linux, Windows and macOS alike, so one
decoder reads every kind of file a facilitator brings (WAV of any common kind, MP3,
OGG/Vorbis, Opus, FLAC, M4A/AAC), already mixed down to mono 32-bit float samples at the
bells' rate. The rest (trim, normalise, store) is `core/settings/sound_import.py`.
"""

from __future__ import annotations

import logging
import time
from array import array
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QTimer, QUrl
from PySide6.QtMultimedia import QAudioDecoder, QAudioFormat

from facilitator.core.files.paths import user_data_dir
from facilitator.core.settings.sound_import import (
    MAX_DECODED_SECONDS,
    RATE_HZ,
    SOUNDS_FOLDER,
    DecodedSound,
    import_sound_file,
    too_long,
)
from facilitator.core.settings.sounds import SoundFileError

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)

DECODE_TIMEOUT_S = 20.0
"""A decoder that has not finished by then is stopped (a broken or endless stream)."""
FLOAT_BYTES = 4


def bells_folder(data_dir: Path | None = None) -> Path:
    """Where imported bells are kept: `sounds/` in the user's data folder."""
    return (data_dir or user_data_dir()) / SOUNDS_FOLDER


def import_sound(source: Path, data_dir: Path | None = None) -> Path:
    """Decode `source` and store it as a bell; the stored 16-bit WAV's path (or SoundFileError)."""
    return import_sound_file(source, bells_folder(data_dir), decode_sound)


def decode_sound(source: Path) -> DecodedSound:
    """All of `source` as mono float samples at RATE_HZ; SoundFileError when Qt cannot."""
    return _Decoding(source).run()


def decoder_available() -> tuple[bool, str]:
    """Whether Qt has a media backend that decodes files here, and if not, why."""
    decoder = QAudioDecoder()
    try:
        if decoder.isSupported():
            return True, ""
        return False, "Qt Multimedia has no media backend that decodes sound files here"
    finally:
        decoder.deleteLater()


class _Decoding(QObject):
    """One decoding of one file, run to its end in a local event loop."""

    def __init__(self, source: Path) -> None:
        super().__init__()
        self._source = source
        self._name = source.name or str(source)
        self._samples: array[float] = array("f")
        self._declared_ms = -1
        self._error = ""
        self._cut_short = False
        self._done = False
        self._loop = QEventLoop()
        self._decoder = QAudioDecoder(self)
        wanted = QAudioFormat()
        wanted.setSampleRate(RATE_HZ)
        wanted.setChannelCount(1)
        wanted.setSampleFormat(QAudioFormat.SampleFormat.Float)
        self._decoder.setAudioFormat(wanted)
        self._decoder.bufferReady.connect(self._on_buffer)
        self._decoder.finished.connect(self._finish)
        self._decoder.error.connect(self._on_error)
        self._decoder.durationChanged.connect(self._on_duration)

    def run(self) -> DecodedSound:
        if not self._decoder.isSupported():
            raise SoundFileError(
                f"{self._name} cannot be read here: Qt Multimedia has no media backend "
                "that decodes sound files."
            )
        started = time.monotonic()
        self._decoder.setSource(QUrl.fromLocalFile(str(self._source)))
        self._decoder.start()
        if not self._done:  # an error may have ended it already, inside start()
            watchdog = QTimer(self)
            watchdog.setSingleShot(True)
            watchdog.timeout.connect(self._on_timeout)
            watchdog.start(round(DECODE_TIMEOUT_S * 1000))
            self._loop.exec()
            watchdog.stop()
        self._decoder.stop()
        log.info(
            "decoded a sound file in %.2f s: %d samples, declared %d ms%s",
            time.monotonic() - started,
            len(self._samples),
            self._declared_ms,
            f", error {self._error!r}" if self._error else "",
        )
        self.deleteLater()
        if self._error and not self._cut_short:
            raise SoundFileError(self._error)
        declared = self._declared_ms / 1000 if self._declared_ms > 0 else None
        return DecodedSound(self._samples, declared, cut_short=self._cut_short)

    def _on_duration(self, milliseconds: int) -> None:
        if milliseconds > 0:
            self._declared_ms = milliseconds
            if milliseconds / 1000 > MAX_DECODED_SECONDS:
                # An hours-long file is refused without decoding it all.
                self._fail(str(too_long(self._name, milliseconds / 1000)))

    def _on_buffer(self) -> None:
        buffer = self._decoder.read()
        if not buffer.isValid() or self._done:
            return
        data = bytes(buffer.constData())
        usable = len(data) - len(data) % FLOAT_BYTES
        self._samples.frombytes(data[:usable])
        if len(self._samples) > MAX_DECODED_SECONDS * RATE_HZ:
            self._cut_short = True
            self._finish()

    def _on_error(self, error: QAudioDecoder.Error) -> None:
        # The file exists and opens (checked before decoding): a resource error here means
        # FFmpeg found nothing it knows in it, as a format error does.
        known = (QAudioDecoder.Error.ResourceError, QAudioDecoder.Error.FormatError)
        if error in known and "audio stream" in self._decoder.errorString():
            reason = f"{self._name} holds no sound: it has no audio in it."
        elif error in known:
            reason = (
                f"{self._name} is not a sound file the app can read (it is damaged, or of "
                "an unknown kind)."
            )
        else:
            reason = f"{self._name} could not be decoded: {self._decoder.errorString()}."
        self._fail(reason)

    def _on_timeout(self) -> None:
        self._fail(f"{self._name} could not be decoded within {DECODE_TIMEOUT_S:g} s.")

    def _fail(self, reason: str) -> None:
        if not self._error:
            self._error = reason
        self._finish()

    def _finish(self) -> None:
        self._done = True
        self._loop.quit()
