"""Shared test set-up: headless Qt and a private user data folder for every test."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

# Qt must never try to open a real display in the default test run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")


@pytest.fixture(autouse=True)
def user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's user data folder at a fresh temporary folder for each test."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def harness(qtbot):
    """The real app on fake edges (tests/app_harness.py), its console shown."""
    from tests.app_harness import build_harness

    built = build_harness(qtbot)
    built.app.show()
    qtbot.waitExposed(built.app.console)
    return built
