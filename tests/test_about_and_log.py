"""Help > About, Help > Open the log folder, and the log a facilitator can send."""

from __future__ import annotations

import logging
import warnings
from typing import TYPE_CHECKING

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion, qWarning
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel

import facilitator
from facilitator.platform import app_log
from facilitator.platform.app_log import LOG_FILE, configure_logging, log_start

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.app_harness import Harness


@pytest.fixture
def logging_into(tmp_path: Path) -> Iterator[Path]:
    """The app's logging set up into a temporary folder, and taken down afterwards."""
    folder = tmp_path / "logs"
    setup = configure_logging(folder)
    assert setup.problem == ""
    yield folder
    app_log.stop_logging()


def menu_texts(harness: Harness) -> list[str]:
    return [action.text() for action in harness.app.console.help_menu.actions()]


def test_help_offers_the_log_folder_and_the_about_box(harness: Harness) -> None:
    assert menu_texts(harness)[-2:] == ["Open the &log folder", "&About Facilitator"]


def test_the_about_box_names_version_licence_credits_bells_and_qt(harness: Harness) -> None:
    dialog = harness.app.help_menu.show_about()
    assert dialog.windowTitle() == "About Facilitator"
    text = dialog.text.toPlainText()
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Facilitator {facilitator.__version__}" in labels
    assert "MIT licence" in labels
    assert "Liberating Structures, by Henri Lipmanowicz and Keith McCandless" in text
    for co_author in ("Jamie Owens", "June Holley", "Harrison Owen", "Vicki Robin", "David Sibbet"):
        assert co_author in text, f"{co_author} is credited in a structure, so here too"
    assert "our own synthesised sounds" in text
    assert f"Qt {qVersion()}" in text
    assert f"PySide6 {pyside_version}" in text
    assert "GNU Lesser General Public License version 3" in text
    assert "FFmpeg" in text
    assert harness.app.help_menu.show_about() is dialog, "one About box at a time"


def test_open_the_log_folder_shows_it_in_the_file_manager(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert harness.app.help_menu.open_log_folder()
    folder = tmp_path / "user-logs"  # FACILITATOR_LOG_DIR in the tests (conftest.py)
    assert [url.toLocalFile() for url in opened] == [str(folder)]
    assert folder.is_dir()


def test_a_log_folder_that_cannot_be_opened_is_said_plainly(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    assert not harness.app.help_menu.open_log_folder()
    assert any(
        text.startswith("The log folder could not be opened: ")
        for text in harness.app.notices.texts()
    )


def test_the_log_starts_with_version_system_qt_screens_and_sound(qapp, logging_into: Path) -> None:
    from facilitator.platform.audio import FakeBellPlayer

    log_start(QApplication.instance(), FakeBellPlayer())
    text = (logging_into / LOG_FILE).read_text(encoding="utf-8")
    assert f"Facilitator {facilitator.__version__} starting" in text
    assert "system: " in text
    assert "Python " in text
    assert f"Qt {qVersion()}, PySide6 {pyside_version}" in text
    assert "screen 0: " in text
    assert "sound outputs: " in text


def test_every_warning_since_goes_into_the_log(qapp, logging_into: Path) -> None:
    logging.getLogger("facilitator.platform.qt_audio").warning("no bell sound %r is loaded", "x")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("a deprecated call", DeprecationWarning, stacklevel=1)
    qWarning("a warning from Qt")
    logging.getLogger("facilitator.anything").info("an info line")
    logging.getLogger("someone.else").info("a third party's chatter")
    text = (logging_into / LOG_FILE).read_text(encoding="utf-8")
    assert "WARNING facilitator.platform.qt_audio: no bell sound 'x' is loaded" in text
    assert "a deprecated call" in text
    assert "WARNING qt: [default] a warning from Qt" in text
    assert "an info line" in text
    assert "a third party's chatter" not in text


def test_the_log_rotates_and_keeps_three_older_files(qapp, logging_into: Path) -> None:
    line = "x" * 1000
    for _ in range(5 * app_log.MAX_BYTES // 1000):
        logging.getLogger("facilitator.test").info(line)
    files = sorted(path.name for path in logging_into.iterdir())
    assert files == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2", f"{LOG_FILE}.3"]
    assert all(path.stat().st_size <= app_log.MAX_BYTES + 2000 for path in logging_into.iterdir())


def test_a_log_folder_that_cannot_be_written_is_reported_and_the_app_runs(
    harness: Harness, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the log folder should be")
    setup = configure_logging(blocked / "logs")
    try:
        assert setup.file is None
        assert setup.problem
        logging.getLogger("facilitator.test").warning("still fine")  # no error, no file
        harness.app.report_log(setup)
        harness.app.report_log(setup)
    finally:
        app_log.stop_logging()
    said = [t for t in harness.app.notices.texts() if t.startswith("The log cannot be written")]
    assert said == [
        f"The log cannot be written in {blocked / 'logs'} ({setup.problem}); the app works as "
        "always, without a log."
    ]


def test_no_names_or_questions_reach_the_log(harness: Harness, logging_into: Path) -> None:
    from facilitator.platform.audio import FakeBellPlayer

    names = [f"Ingrid Zweistein {n}" for n in range(12)]
    panel = harness.app.plan_actions.groups_panel
    panel.names_edit.setPlainText("\n".join(names))
    panel.apply_button.click()
    assert harness.app.start_run("impromptu-networking", windowed=True)
    harness.app.run.start()
    question = harness.card_texts()
    for _ in range(40):
        harness.advance(30)
    harness.player.unplug("speakers")  # a warning-worthy moment mid-run
    log_start(QApplication.instance(), FakeBellPlayer())
    qWarning("a warning from Qt")
    text = (logging_into / LOG_FILE).read_text(encoding="utf-8")
    assert "a warning from Qt" in text, "the log is written"
    for name in names:
        assert name not in text
    for painted in question:
        if len(painted) > 12:
            assert painted not in text
