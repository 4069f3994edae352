"""The commands a wheel installs: `facilitator` (console) and `facilitator-gui` (windowed)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_installs_a_console_and_a_windowed_command() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"] == {"facilitator": "facilitator.__main__:main"}
    assert project["gui-scripts"] == {"facilitator-gui": "facilitator.__main__:gui_main"}


def test_a_windowed_start_without_streams_runs_commands_and_exits_with_their_code(
    tmp_path: Path,
) -> None:
    # As on Windows for a gui-scripts program: no stdout, no stderr.
    code = (
        "import sys\n"
        "sys.stdout = None\n"
        "sys.stderr = None\n"
        "sys.argv = ['facilitator-gui', *sys.argv[1:]]\n"
        "from facilitator.__main__ import gui_main\n"
        "sys.exit(gui_main())\n"
    )
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code, *arguments],
            env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
            capture_output=True,
            text=True,
            timeout=60,
        )

    shown = run("show", "impromptu-networking", "--json")  # json.dump writes to the stream
    assert (shown.returncode, shown.stdout, shown.stderr) == (0, "", "")
    refused = run("validate", str(broken))
    assert (refused.returncode, refused.stdout) == (1, "")
