"""Shared test set-up: headless Qt, a private user data folder and a clean slate for every test.

No test may lean on what another left behind, so after each one the process-wide state a
test can change goes back to how it was: the interface language (English, no translators),
Qt's default locale, the application's names and the environment variables.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.audio_probe import PulseServer

# Qt must never try to open a real display in the default test run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")


PER_TEST_VARIABLES = frozenset({"PYTEST_CURRENT_TEST"})
"""Environment variables pytest itself changes while a test runs."""


def _qt_application_state() -> tuple[object, ...] | None:
    """Qt's process-wide settings a test could change; None while there is no Qt application.

    Looks without importing: a pure-core test that never loaded Qt pays nothing.
    """
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is None or qt_core.QCoreApplication.instance() is None:
        return None
    application = qt_core.QCoreApplication
    return (
        qt_core.QLocale().name(),
        application.applicationName(),
        application.applicationVersion(),
        application.organizationName(),
        application.organizationDomain(),
    )


def _restore_qt_application_state(state: tuple[object, ...]) -> None:
    """Put back what `_qt_application_state` saw."""
    from PySide6.QtCore import QCoreApplication, QLocale

    locale, name, version, organization, domain = state
    if QLocale().name() != locale:
        QLocale.setDefault(QLocale(str(locale)))
    QCoreApplication.setApplicationName(str(name))
    QCoreApplication.setApplicationVersion(str(version))
    QCoreApplication.setOrganizationName(str(organization))
    QCoreApplication.setOrganizationDomain(str(domain))


@pytest.fixture(autouse=True)
def clean_slate_afterwards() -> Iterator[None]:
    """After each test: English without translators, Qt's defaults and the environment as before."""
    environment = dict(os.environ)
    qt_state = _qt_application_state()
    yield
    translations = sys.modules.get("facilitator.platform.translations")
    if translations is not None:
        translations.remove_translators()
    if qt_state is not None and _qt_application_state() is not None:
        _restore_qt_application_state(qt_state)
    for name in set(os.environ) - set(environment) - PER_TEST_VARIABLES:
        del os.environ[name]
    for name, value in environment.items():
        if name not in PER_TEST_VARIABLES and os.environ.get(name) != value:
            os.environ[name] = value


@pytest.fixture(autouse=True)
def user_data_dir(
    clean_slate_afterwards: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the app's user data folder at a fresh temporary folder for each test."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(folder))
    monkeypatch.setenv("FACILITATOR_LOG_DIR", str(tmp_path / "user-logs"))
    return folder


@pytest.fixture
def harness(qtbot):
    """The real app on fake edges (tests/app_harness.py), its console shown."""
    from tests.app_harness import build_harness

    built = build_harness(qtbot)
    built.app.show()
    qtbot.waitExposed(built.app.console)
    return built


@pytest.fixture
def pulse_server(tmp_path: Path) -> Iterator[PulseServer]:
    """A private PulseAudio server with its null sink, stopped afterwards (no recorder)."""
    from tests import audio_probe
    from tests.desktop_session import skip_or_fail

    missing = audio_probe.missing_tools()
    if missing:
        skip_or_fail(f"PulseAudio is not installed here ({', '.join(missing)} missing)")
    server = audio_probe.PulseServer(tmp_path / "pulse")
    server.start()
    try:
        yield server
    finally:
        server.stop()
