"""The interface's language: Qt translators for our own texts and for Qt's standard ones.

Our translations are kept in `assets/i18n/facilitator_<language>.ts` (Qt Linguist's
format, edited by people and committed). The build and CI compile them into `.qm`
files beside them (`python tools/i18n.py compile`); `.qm` files are never committed.
A developer checkout that was never compiled, or whose `.ts` is newer than its `.qm`,
gets the `.qm` compiled on the fly into the user's cache folder. If even that fails,
the app says so in the log and runs in English: a missing translation never stops it.

English is the language of the source texts and needs no translator.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from facilitator.core.files.paths import APP_DIR_NAME, asset_path

SOURCE_LANGUAGE = "en"
"""The language the texts are written in, in the source code."""
TRANSLATIONS_FOLDER = "i18n"
"""The assets folder holding the .ts files (and, once compiled, the .qm files)."""
PREFIX = "facilitator"
"""Translation files are named `facilitator_<language>.ts` / `.qm`."""
CACHE_DIR_VARIABLE = "FACILITATOR_CACHE_DIR"
"""Set this environment variable to compile translations somewhere else (tests do)."""

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []
_language = SOURCE_LANGUAGE
_words: dict[str, Words] = {}
"""The card's words in each language asked for, loaded once (again after translators change)."""


class TranslationError(RuntimeError):
    """A translation could not be compiled; the message says why."""


def ts_path(language: str) -> Path:
    """The translation source of a language: `assets/i18n/facilitator_nl.ts`."""
    return asset_path(TRANSLATIONS_FOLDER, f"{PREFIX}_{language}.ts")


def qm_path(language: str) -> Path:
    """Where the build puts the compiled translation: beside the .ts."""
    return ts_path(language).with_suffix(".qm")


def user_cache_dir() -> Path:
    """The folder for translations compiled on the fly."""
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False)) / TRANSLATIONS_FOLDER


def qt_tool(name: str) -> list[str] | None:
    """The command that runs Qt's `lupdate` or `lrelease` as PySide6 ships it, if found.

    Looks for `pyside6-<name>` beside this Python (a virtual environment that was never
    activated), then for the program inside the PySide6 package, then on the PATH.
    """
    suffix = ".exe" if sys.platform == "win32" else ""
    candidates = [Path(sys.executable).parent / f"pyside6-{name}{suffix}"]
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).resolve().parent / f"{name}{suffix}")
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    found = shutil.which(f"pyside6-{name}")
    return [found] if found else None


def compile_translation(ts: Path, qm: Path) -> Path:
    """Compile a .ts file into a .qm file with pyside6-lrelease; TranslationError if it fails."""
    command = qt_tool("lrelease")
    if command is None:
        raise TranslationError("pyside6-lrelease was not found")
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_name(qm.name + ".part")
    try:
        result = subprocess.run(
            [*command, "-silent", str(ts), "-qm", str(partial)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise TranslationError(f"pyside6-lrelease could not run: {error}") from None
    if result.returncode != 0 or not partial.is_file():
        partial.unlink(missing_ok=True)
        detail = (result.stderr or result.stdout).strip()
        raise TranslationError(f"pyside6-lrelease failed on {ts.name}: {detail}")
    partial.replace(qm)
    return qm


def _compiled_in_cache(ts: Path, language: str) -> Path:
    """The .qm compiled from exactly this .ts (named after its contents), compiled if needed."""
    source = ts.read_bytes()
    digest = f"{zlib.crc32(source):08x}{len(source):x}"  # not hashlib: the build leaves it out
    folder = user_cache_dir()
    cached = folder / f"{PREFIX}_{language}-{digest}.qm"
    if cached.is_file():
        return cached
    compile_translation(ts, cached)
    for old in folder.glob(f"{PREFIX}_{language}-*.qm"):
        if old != cached:
            old.unlink(missing_ok=True)
    return cached


def translation_file(language: str) -> Path | None:
    """The compiled translation of `language`: the build's, else one compiled on the fly.

    None when there is none and none can be made (the interface then stays in English).
    """
    ts, qm = ts_path(language), qm_path(language)
    built = qm.is_file()
    if built and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.is_file():
        return None
    try:
        return _compiled_in_cache(ts, language)
    except (TranslationError, OSError) as error:
        if built:
            log.warning("Using the older %s: it could not be compiled again: %s", qm, error)
            return qm
        log.warning("The %s interface is not available: %s", language, error)
        return None


def installed_language() -> str:
    """The language the installed translators give the interface (English without any)."""
    return _language


def remove_translators(app: QCoreApplication | None = None) -> None:
    """Take out the translators installed before: the interface speaks English again."""
    global _language
    app = app or QCoreApplication.instance()
    _words.clear()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    _language = SOURCE_LANGUAGE


def install_translators(app: QCoreApplication | None, language: str) -> bool:
    """Show the interface in `language` from now on; True when it is shown in that language.

    Removes the translators installed before (so switching back and forth works), then
    loads ours and Qt's own (the standard buttons of dialogs). Widgets built afterwards
    show the new language. English, or an empty language, needs no translator. When our
    translation cannot be had, a warning is logged and the interface stays in English.
    """
    global _language
    app = app or QCoreApplication.instance()
    language = language or SOURCE_LANGUAGE
    _words.clear()  # the card's words are read again from the translations as they are now
    if app is None:
        log.warning("No Qt application yet: the interface language cannot be set")
        return language == SOURCE_LANGUAGE
    if language == _language and (_installed or language == SOURCE_LANGUAGE):
        return True
    remove_translators(app)
    if language == SOURCE_LANGUAGE:
        return True
    path = translation_file(language)
    ours = QTranslator()
    if path is None or not ours.load(str(path)):
        if path is not None:
            log.warning("%s is not a translation Qt can read; the interface stays English", path)
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(QLocale(language), "qtbase", "_", qt_folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    else:
        log.info("Qt's own %s texts were not found in %s", language, qt_folder)
    _language = language
    return True


class Words:
    """The app's translated texts in one language, whatever language the interface shows.

    The card speaks the language of the questions it shows (`run --lang nl` gives a Dutch
    card under an English interface), so it cannot use the translators installed for the
    interface: it asks the translation file of its own language, through its own translator.
    """

    def __init__(self, language: str, translator: QTranslator | None = None) -> None:
        self.language = language
        self._translator = translator

    def translate(self, context: str, text: str) -> str:
        """`text` of `context` in this language; the English source when it has none."""
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text


def words_in(language: str) -> Words:
    """The texts in `language`: its own translation, else English (said once in the log)."""
    language = language or SOURCE_LANGUAGE
    found = _words.get(language)
    if found is not None:
        return found
    translator = None
    if language != SOURCE_LANGUAGE:
        path = translation_file(language)
        candidate = QTranslator()
        if path is not None and candidate.load(str(path)):
            translator = candidate
        else:
            log.warning("The card cannot speak %s: no translation; it speaks English", language)
    words = _words[language] = Words(language, translator)
    return words
