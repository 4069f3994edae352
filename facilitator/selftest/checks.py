"""The self-test's checks of what ships with the app: the library, the bells, the
translations and the decoder that turns a facilitator's own sound files into bells."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.core.documents.library import Library, load_library
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.paths import asset_path
from facilitator.core.sessions.record import SessionSpec
from facilitator.core.sessions.setup import RunSetupError, timeline_for
from facilitator.core.settings.preferences import BUILT_IN_SOUNDS
from facilitator.core.settings.sounds import SoundFileError, check_sound_file

if TYPE_CHECKING:
    from pathlib import Path

    from facilitator.selftest.report import Report

DECODED_BELL = "tingsha"
"""The built-in bell the decoder check decodes."""


def check_library(report: Report, empty_user_dir: Path) -> Library | None:
    """The built-in library, or None when it has any problem (reported)."""
    empty_user_dir.mkdir(parents=True, exist_ok=True)
    library = load_library(user_dir=empty_user_dir)
    problems = [str(p) for p in [*library.problems, *library.reference_problems()]]
    structures = library.structures()
    for structure in structures:
        for language in sorted(structure.languages()):
            spec = SessionSpec(DocumentKind.STRUCTURE, structure.id, language)
            try:
                timeline_for(library, spec)
            except RunSetupError as error:
                problems.append(f"{structure.id} ({language}): {error}")
    if not structures:
        problems.append(f"no built-in structures were found in {library.builtin_dir}")
    if problems:
        shown = "; ".join(problems[:3]) + (
            f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        )
        report.fail("library", shown)
        return None
    report.ok(
        "library",
        f"{len(structures)} structures, {len(library.question_sets())} question sets, no problems",
    )
    return library


def check_sounds(report: Report) -> None:
    """Every built-in bell is a WAV file the player can use."""
    problems = []
    for name in sorted(BUILT_IN_SOUNDS):
        try:
            check_sound_file(asset_path("sounds", f"{name}.wav"))
        except SoundFileError as error:
            problems.append(str(error))
    if problems:
        report.fail("bells", "; ".join(problems))
    else:
        report.ok("bells", f"{len(BUILT_IN_SOUNDS)} built-in sounds are usable WAV files")


def check_translations(report: Report) -> None:
    """Every language of the interface has a translation Qt can load."""
    from PySide6.QtCore import QTranslator

    from facilitator.platform.translations import SOURCE_LANGUAGE, translation_file
    from facilitator.ui.labels import SUPPORTED_LANGUAGES

    languages = [code for code in SUPPORTED_LANGUAGES if code != SOURCE_LANGUAGE]
    missing = []
    for language in languages:
        path = translation_file(language)  # compiled into a temporary cache if need be
        if path is None or not QTranslator().load(str(path)):
            missing.append(language)
    if missing:
        report.fail("translations", f"no usable translation for {', '.join(missing)}")
    else:
        report.ok("translations", f"{', '.join(languages)} besides {SOURCE_LANGUAGE}")


def check_decoder(report: Report) -> None:
    """Qt's media backend is here and decodes a bell, as it must for a facilitator's own sounds."""
    from facilitator.core.settings.sound_import import RATE_HZ
    from facilitator.platform.sound_import import decode_sound, decoder_available

    available, reason = decoder_available()
    if not available:
        report.fail("sound files", reason)
        return
    path = asset_path("sounds", f"{DECODED_BELL}.wav")
    try:
        decoded = decode_sound(path)
    except SoundFileError as error:
        report.fail("sound files", f"Qt could not decode {path.name}: {error}")
        return
    seconds = len(decoded.samples) / RATE_HZ
    report.ok("sound files", f"Qt decoded {path.name} ({seconds:.1f} s); own sounds can be added")
