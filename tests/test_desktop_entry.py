"""The Linux desktop entry and AppStream metainfo: valid, and naming the app as it names itself."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from facilitator import APP_ID, APP_NAME
from tests import audio_probe

REPO_ROOT = Path(__file__).resolve().parents[1]
LINUX = REPO_ROOT / "assets" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def require(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if found is None:
        reason = f"{tool} is not installed (apt-get install {package})"
        if audio_probe.real_parts_required():
            pytest.fail(f"{reason}, and {audio_probe.REQUIRE_REAL_PARTS}=1 requires it")
        pytest.skip(reason)
    return found


def test_the_desktop_entry_is_valid() -> None:
    tool = require("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_the_metainfo_is_valid() -> None:
    tool = require("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_entry_starts_the_windowed_command_with_the_apps_id_and_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    scripts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    assert section["Exec"].split()[0] in scripts["gui-scripts"]
    assert section["Name"] == APP_NAME
    assert section["Icon"] == APP_ID  # installed as hicolor/<size>/apps/<APP_ID>.png
    assert (REPO_ROOT / "assets" / "icons" / "facilitator-256.png").is_file()
    metainfo = ET.parse(METAINFO).getroot()
    assert metainfo.findtext("id") == APP_ID
    assert metainfo.find("launchable").text == DESKTOP.name
    assert metainfo.findtext("project_license") == "MIT"
