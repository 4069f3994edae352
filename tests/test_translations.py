"""The interface in Dutch: the .ts file is current and complete, and the real app speaks it.

Qt's own tools do the work (pyside6-lupdate, pyside6-lrelease, through tools/i18n.py).
Translators are global to the QApplication, so every test that installs Dutch puts
English back afterwards.
"""

from __future__ import annotations

import gc
import json
import re
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from facilitator.core.files.paths import asset_path
from facilitator.core.settings.preferences import Preferences, save_preferences
from facilitator.core.timing.events import RunState
from facilitator.platform import translations as i18n
from tests.app_harness import Harness, build_harness
from tools import i18n as tool

if TYPE_CHECKING:
    from pathlib import Path

TS = tool.ts_file("nl")

SAME_IN_DUTCH = {
    "Facilitator",  # the app's name
    "Tingsha",  # the Tibetan cymbals the bell imitates
    "Tip {number}",  # Dutch says "tip" too
    "PDF (*.pdf);;Markdown (*.md)",  # names of file formats
    "CSV (*.csv)",
    # Names printed on the keys, which Dutch keyboards print the same way.
    *("Page Down", "Page Up", "Return", "Enter", "Escape", "Tab", "Plus", "Shift", "Alt"),
    *("Ctrl", "Cmd"),
}
"""Sources whose Dutch is rightly the same text: proper names and words Dutch shares."""
UNITS = {"min", "s", "h", "x"}
"""Unit symbols, the same in Dutch ("{minutes} min" needs no other translation)."""


@pytest.fixture(scope="module")
def extracted() -> set[tuple[str, str]]:
    """What the sources hold now, found by pyside6-lupdate (once for the module)."""
    return tool.extract()


@pytest.fixture(scope="module")
def messages() -> list[tool.Message]:
    """The committed Dutch messages still used by the sources."""
    return [message for message in tool.read_ts(TS) if message.current]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder for translations compiled on the fly."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(i18n.CACHE_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture
def english_afterwards(qapp, cache):
    """Whatever the test installs, the next test starts in English."""
    yield
    i18n.install_translators(qapp, "en")


# --- the .ts file -----------------------------------------------------------------------


def test_the_ts_file_holds_exactly_the_texts_of_the_sources(extracted, messages) -> None:
    committed = {message.key for message in messages}
    missing = sorted(extracted - committed)
    stale = sorted(committed - extracted)
    assert len(extracted) > 300, "pyside6-lupdate found hardly any texts"
    assert not missing, (
        "Texts in the sources are missing from assets/i18n/facilitator_nl.ts; run "
        "`python tools/i18n.py update` and translate them:\n"
        + "\n".join(f"  [{context}] {source!r}" for context, source in missing)
    )
    assert not stale, (
        "The .ts holds texts the sources no longer have; run `python tools/i18n.py update`:\n"
        + "\n".join(f"  [{context}] {source!r}" for context, source in stale)
    )


def test_every_text_has_a_finished_dutch_translation_with_its_placeholders(messages) -> None:
    unfinished = [m for m in messages if not m.finished]
    assert not unfinished, "\n".join(f"[{m.context}] {m.source!r}" for m in unfinished)
    broken = [m for m in messages if not tool.same_placeholders(m)]
    assert not broken, "\n".join(
        f"[{m.context}] {m.source!r} -> {m.translations!r}" for m in broken
    )
    plural = [m for m in messages if m.plural]
    assert plural, "Dutch has two forms"
    assert all(len(m.translations) == 2 for m in plural), "Dutch has two forms"


def _needs_words(source: str) -> bool:
    """Whether a text has words to translate besides its placeholders and unit symbols."""
    words = re.findall(r"[^\W\d_]+", tool.PLACEHOLDER.sub(" ", source))
    return any(word not in UNITS for word in words)


def test_no_text_is_left_in_english(messages) -> None:
    same = [
        m
        for m in messages
        if m.translations[0] == m.source
        and m.source not in SAME_IN_DUTCH
        and _needs_words(m.source)
    ]
    assert not same, "Left in English:\n" + "\n".join(f"[{m.context}] {m.source!r}" for m in same)


def test_menu_accelerators_do_not_clash(messages) -> None:
    dutch = {m.key: m.translations[0] for m in messages}
    menus = {
        "console menu bar": [("ConsoleWindow", s) for s in ("&File", "&View", "&Run", "&Help")],
        "console View menu": [
            ("ConsoleWindow", s) for s in ("&Library", "&Find a structure", "The &run")
        ],
        "editor menu bar": [("EditorWindow", s) for s in ("&File", "&Edit")],
        "editor File menu": [("EditorWindow", s) for s in ("&Save", "&Close")],
        "editor Edit menu": [("EditorWindow", s) for s in ("&Undo", "&Redo")],
    }
    for menu, keys in menus.items():
        letters = [re.search(r"&(\w)", dutch[key]).group(1).lower() for key in keys]
        assert len(set(letters)) == len(letters), f"{menu}: {letters}"


def test_the_check_command_passes(capsys) -> None:
    assert tool.main(["check"]) == 0, capsys.readouterr().out


# --- compiling and loading --------------------------------------------------------------


def test_compiling_makes_a_qm_that_qt_reads(tmp_path: Path, capsys) -> None:
    assert tool.main(["compile", "--out", str(tmp_path)]) == 0
    qm = tmp_path / "facilitator_nl.qm"
    assert str(qm) in capsys.readouterr().out
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("Card", "Time is up") == "De tijd is om"
    assert translator.translate("Card", "Round {number} of {count}") == "Ronde {number} van {count}"


def test_a_checkout_that_was_never_compiled_compiles_on_the_fly(
    qapp, english_afterwards, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "qm_path", lambda language: tmp_path / "absent.qm")
    assert i18n.install_translators(qapp, "nl")
    assert i18n.installed_language() == "nl"
    assert [path.suffix for path in cache.iterdir()] == [".qm"]
    assert QCoreApplication.translate("Card", "Almost time") == "Bijna tijd"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Annuleren", "Qt's own buttons are Dutch too"
    assert i18n.install_translators(qapp, "en")
    assert QCoreApplication.translate("Card", "Almost time") == "Almost time"


def test_removing_the_translators_brings_english_back(qapp, english_afterwards) -> None:
    assert i18n.install_translators(qapp, "nl")
    assert QCoreApplication.translate("Card", "Almost time") == "Bijna tijd"
    i18n.remove_translators()
    assert i18n.installed_language() == "en"
    assert QCoreApplication.translate("Card", "Almost time") == "Almost time"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Cancel", "Qt's own buttons are English again too"
    assert i18n.install_translators(qapp, "nl"), "and Dutch can come back"
    assert QCoreApplication.translate("Card", "Almost time") == "Bijna tijd"


def test_without_any_translation_the_interface_stays_english(
    qapp, english_afterwards, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    monkeypatch.setattr(i18n, "qm_path", lambda language: tmp_path / "absent.qm")
    monkeypatch.setattr(i18n, "qt_tool", lambda name: None)
    assert not i18n.install_translators(qapp, "nl")
    assert i18n.installed_language() == "en"
    assert "not available" in caplog.text
    assert QCoreApplication.translate("Card", "Almost time") == "Almost time"
    assert not i18n.install_translators(qapp, "xx"), "an unknown language is no crash either"


def test_the_app_says_so_when_the_interface_cannot_be_dutch(
    qtbot, english_afterwards, user_data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(i18n, "qm_path", lambda language: tmp_path / "absent.qm")
    monkeypatch.setattr(i18n, "qt_tool", lambda name: None)
    save_preferences(Preferences(language="nl"), user_data_dir)
    harness = build_harness(qtbot)
    assert harness.app.console.file_menu.title() == "&File"
    assert any("cannot be shown in Dutch" in text for text in harness.app.notices.texts())


# --- the real app in Dutch --------------------------------------------------------------


def _retire_old_consoles() -> None:
    """Delete the consoles a language switch retired, wrappers and all, before pytest-qt
    closes the windows it was given (the first console among them)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _menu_titles(harness: Harness) -> list[str]:
    return [action.text() for action in harness.app.console.menuBar().actions()]


def _to_round_one(harness: Harness) -> None:
    """Start Impromptu Networking and go to round 1, person A speaking."""
    assert harness.app.start_run("impromptu-networking")
    harness.app.run.start()
    harness.advance(120)  # the invitation
    harness.app.run.next()  # past the first change-over: round 1, person A


def test_the_real_app_speaks_dutch(qtbot, english_afterwards, user_data_dir: Path) -> None:
    save_preferences(Preferences(language="nl"), user_data_dir)
    harness = build_harness(qtbot)
    harness.app.show()
    assert i18n.installed_language() == "nl"
    assert _menu_titles(harness) == ["&Bestand", "Bee&ld", "&Sessie", "&Hulp"]
    file_items = [action.text() for action in harness.app.console.file_menu.actions()]
    assert "Importeren…" in file_items
    assert "&Afsluiten" in file_items
    run_items = [action.text() for action in harness.app.console.run_menu.actions()]
    assert "Volgende / starten" in run_items
    assert harness.app.library_page.details.start.text() == "Starten"
    _to_round_one(harness)
    texts = harness.card_texts()
    assert "Ronde 1 van 3" in texts
    assert "Persoon A praat" in texts
    harness.app.run.next()
    assert "Wissel: persoon B praat" in harness.card_texts()
    harness.advance(100)
    assert "Bijna tijd" in harness.card_texts()
    assert harness.app.run_page.toggle_button.text() == "Pauzeren"


def test_switching_language_mid_run_keeps_the_run_and_changes_the_texts(
    qtbot, english_afterwards
) -> None:
    harness = build_harness(qtbot)
    app = harness.app
    app.show()
    _to_round_one(harness)
    harness.advance(30)
    app.presentation.set_blackout(True)
    app.presentation.set_blackout(False)
    session = app.run.session
    before = app.run.status()
    assert "Round 1 of 3" in harness.card_texts()
    assert _menu_titles(harness)[0] == "&File"
    old_console = app.console

    app.preferences.update(language="nl")
    qtbot.addWidget(app.console)
    assert app.console is not old_console
    assert not old_console.isVisible()
    assert app.console.isVisible()
    assert app.console.pages.currentWidget() is app.run_page
    assert app.run.session is session, "the same session goes on"
    after = app.run.status()
    assert (after.state, after.index) == (before.state, before.index)
    assert after.remaining == pytest.approx(before.remaining)
    # The card stays in the session's language, its own words too (issue 12, item 4): never
    # a Dutch "Ronde 1 van 3" above an English question. The console speaks Dutch.
    assert "Round 1 of 3" in harness.card_texts()
    assert "Person A speaks" in harness.card_texts()
    assert "Ronde 1 van 3" not in harness.card_texts()
    assert _menu_titles(harness) == ["&Bestand", "Bee&ld", "&Sessie", "&Hulp"]
    assert any("blijft in het Engels" in text for text in app.notices.texts())
    # The clicker still moves one step at a time: the old keys left the card (a key two
    # actions claim would do nothing). The card never takes the keyboard: the key is sent
    # to it directly, as an X server without a window manager would.
    QTest.keyClick(app.card, Qt.Key.Key_PageDown)
    assert app.run.status().index == before.index + 1
    assert "Swap: Person B speaks" in harness.card_texts()

    app.preferences.update(language="en")
    qtbot.addWidget(app.console)
    assert app.run.session is session
    assert app.run.status().index == before.index + 1
    assert app.run.status().state is RunState.RUNNING
    assert "Swap: Person B speaks" in harness.card_texts()
    assert _menu_titles(harness) == ["&File", "&View", "&Run", "&Help"]
    assert app.run_page.toggle_button.text() == "Pause"
    _retire_old_consoles()


def test_switching_language_keeps_the_library_view_and_open_editors(
    qtbot, english_afterwards
) -> None:
    harness = build_harness(qtbot)
    app = harness.app
    app.show()
    page = app.library_page
    page.search.setText("network")
    page.select("impromptu-networking")
    page.details.fit.setChecked(True)
    page.details.fit_minutes.setValue(25)
    editor = app.library_actions.edit("structure", "impromptu-networking")
    assert editor is not None
    editor.model.set_text(("title", "en"), "My networking")
    dialog = app.library_actions.show_preferences()
    dialog.language.activated.emit(dialog.language.findData("nl"))
    qtbot.addWidget(app.console)

    page = app.library_page
    assert page.search.text() == "network"
    assert page.selected.id == "impromptu-networking"
    assert page.details.fit.isChecked()
    assert page.details.fit_minutes.value() == 25
    assert page.details.start.text() == "Starten"
    [session] = app.library_actions.editors.sessions
    assert session.window is editor
    assert editor.isVisible()
    assert editor.model.is_dirty
    assert app.library_actions.edit("structure", "impromptu-networking") is editor
    reopened = app.library_actions.preferences_dialog
    assert reopened is not None
    assert reopened.isVisible()
    assert reopened.windowTitle() == "Voorkeuren"
    _retire_old_consoles()


def _without_dutch(value: object) -> object:
    if isinstance(value, dict):
        return {key: _without_dutch(item) for key, item in value.items() if key != "nl"}
    if isinstance(value, list):
        return [_without_dutch(item) for item in value]
    return value


def test_a_run_whose_texts_fall_back_to_english_says_so(qtbot, user_data_dir: Path) -> None:
    builtin = asset_path("library", "structures", "impromptu-networking.json")
    document = _without_dutch(json.loads(builtin.read_text(encoding="utf-8")))
    document["id"] = "english-only"
    folder = user_data_dir / "library" / "structures"
    folder.mkdir(parents=True)
    (folder / "english-only.json").write_text(json.dumps(document), encoding="utf-8")
    harness = build_harness(qtbot)
    assert harness.app.start_run("english-only", language="nl")
    [text] = [t for t in harness.app.notices.texts() if "texts of" in t]
    assert "are not translated into Dutch yet: the card shows them in English." in text
    assert harness.app.start_run("english-only", language="en")
    assert not any("texts of" in t for t in harness.app.notices.texts())


def test_a_run_whose_questions_are_in_another_language_says_so(qtbot) -> None:
    harness = build_harness(qtbot)
    app = harness.app
    assert app.start_run(
        "impromptu-networking", language="nl", questions_id="impromptu-networking-en"
    )
    [text] = [t for t in app.notices.texts() if "questions" in t]
    assert "are in English, not in Dutch" in text
    assert app.start_run("impromptu-networking", language="nl")
    assert not any("questions" in t for t in app.notices.texts())
