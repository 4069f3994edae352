"""Where things live: the app's own assets and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "Facilitator"
DATA_DIR_VARIABLE = "FACILITATOR_DATA_DIR"
"""Set this environment variable to keep the user's library somewhere else (tests do)."""
LOG_DIR_VARIABLE = "FACILITATOR_LOG_DIR"
"""Set this environment variable to keep the log and the self-test report elsewhere (tests do)."""


def assets_dir() -> Path:
    """The folder holding the app's assets, from a source tree, a wheel or a built bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "assets"
    package = Path(__file__).resolve().parents[2]
    installed = package / "assets"
    if installed.is_dir():
        return installed
    return package.parent / "assets"


def asset_path(*parts: str) -> Path:
    """The path of one asset, e.g. asset_path("sounds", "tingsha.wav")."""
    return assets_dir().joinpath(*parts)


def builtin_library_dir() -> Path:
    """The read-only library of built-in structures and question sets."""
    return asset_path("library")


def user_data_dir() -> Path:
    """The user's own data folder (library, settings, saved sessions)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=True))


def user_library_dir() -> Path:
    """The folder of the user's own structures, question sets and plans."""
    return user_data_dir() / "library"


def user_log_dir() -> Path:
    """The folder of the app's log and the self-test's report (the platform's log folder)."""
    override = os.environ.get(LOG_DIR_VARIABLE)
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))
