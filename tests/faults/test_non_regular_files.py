"""Non-regular files: a named pipe or a device where the app expects a file.

Opening a named pipe (FIFO) for reading waits until something writes to it: a FIFO named
`*.json` in the library, as preferences.json or as the crash record, or given to
`validate` or `import`, used to keep the app from ever showing its window. Every file the
app reads now goes through one reader that looks before it opens, opens without waiting,
and refuses what is not a regular file in one line; the app opens whatever is in its data
folder and says in the notice bar what it skipped.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from typing import TYPE_CHECKING, Any

import pytest

from facilitator.core.documents.draft_store import DraftStore
from facilitator.core.documents.library import load_library
from facilitator.core.files.jsonio import read_json
from facilitator.core.files.problems import DocumentError
from facilitator.core.sessions.record import SessionStore
from facilitator.core.settings.preferences import load_preferences
from facilitator.core.settings.sounds import SoundFileError, check_sound_file
from facilitator.core.settings.ui_state import load_ui_state
from facilitator.platform.qt_audio import wav_duration_ms
from tests.faults.support import REPO_ROOT, child_env, run_driver

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")

PATIENCE_S = 5.0
"""A reader that has not answered by then is waiting on the pipe (it answers in milliseconds)."""
PIPE = "is a named pipe, not a file"


@pytest.fixture
def make_pipe() -> Iterator[Callable[[Path], Path]]:
    """Makes named pipes; afterwards, frees any reader still waiting on one."""
    made: list[Path] = []

    def make(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)
        made.append(path)
        return path

    yield make
    for path in made:
        # A writer that comes and goes at once ends a reader's wait (an empty read); with
        # nobody waiting, opening fails and there is nothing to end.
        with contextlib.suppress(OSError):
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def at_once(function: Callable[[], Any]) -> Any:
    """What `function` returns (or raises), failing the test if it waits on a pipe."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = function()
        except Exception as error:  # handed to the test below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(PATIENCE_S)
    assert not thread.is_alive(), f"still waiting after {PATIENCE_S:g} s: it opened a pipe"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def test_a_pipe_in_the_library_is_skipped_in_one_line(
    make_pipe: Callable[[Path], Path], user_data_dir: Path
) -> None:
    library_dir = user_data_dir / "library"
    make_pipe(library_dir / "structures" / "pipe.json")
    library = at_once(lambda: load_library(user_dir=library_dir))
    assert [str(p) for p in library.problems] == [f"structures/pipe.json: {PIPE}"]
    assert library.find_structure("impromptu-networking") is not None


def test_a_device_in_the_library_is_skipped_in_one_line(user_data_dir: Path) -> None:
    structures = user_data_dir / "library" / "structures"
    structures.mkdir(parents=True)
    (structures / "zeros.json").symlink_to("/dev/zero")  # endless bytes, never a document
    library = at_once(lambda: load_library(user_dir=user_data_dir / "library"))
    assert [str(p) for p in library.problems] == ["structures/zeros.json: is a device, not a file"]


def test_a_pipe_as_preferences_or_ui_state_gives_the_defaults(
    make_pipe: Callable[[Path], Path], user_data_dir: Path
) -> None:
    make_pipe(user_data_dir / "preferences.json")
    make_pipe(user_data_dir / "ui-state.json")
    preferences, problems = at_once(lambda: load_preferences(user_data_dir))
    assert preferences.warning_seconds == 30
    assert [str(p) for p in problems] == [f"preferences.json: {PIPE}"]
    _state, problems = at_once(lambda: load_ui_state(user_data_dir))
    assert [str(p) for p in problems] == [f"ui-state.json: {PIPE}"]


def test_a_pipe_among_the_drafts_is_reported_and_the_others_load(
    make_pipe: Callable[[Path], Path], user_data_dir: Path
) -> None:
    make_pipe(user_data_dir / "drafts" / "structure-pipe.json")
    drafts, problems = at_once(lambda: DraftStore(user_data_dir / "drafts").load_all())
    assert drafts == []
    assert [str(p) for p in problems] == [f"structure-pipe.json: {PIPE}"]


@pytest.mark.parametrize("name", ["running-session.json", "running-session-0123abcd.json"])
def test_a_pipe_as_a_crash_record_is_refused(
    make_pipe: Callable[[Path], Path], user_data_dir: Path, name: str
) -> None:
    make_pipe(user_data_dir / name)
    [found] = at_once(lambda: SessionStore(user_data_dir).interrupted())
    assert found.saved is None
    assert found.problem == f"{name}: {PIPE}"


def test_a_pipe_as_a_bell_sound_is_refused(
    make_pipe: Callable[[Path], Path], tmp_path: Path
) -> None:
    bell = make_pipe(tmp_path / "bell.wav")
    with pytest.raises(SoundFileError, match=r"bell\.wav is not a file: it is a named pipe\."):
        at_once(lambda: check_sound_file(bell))
    assert at_once(lambda: wav_duration_ms(bell)) is None


def test_a_pipe_swapped_in_after_the_first_look_is_still_refused(
    make_pipe: Callable[[Path], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race: a regular file when looked at, a pipe when opened."""
    path = tmp_path / "swapped.json"
    path.write_text("{}")
    real_open = os.open

    def open_after_swap(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(name) == str(path) and not path.is_fifo():
            path.unlink()
            make_pipe(path)
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_after_swap)
    with pytest.raises(DocumentError, match=PIPE):
        at_once(lambda: read_json(path))


def _cli(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACILITATOR_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("command", ["validate", "import"])
def test_the_command_line_refuses_a_pipe_at_once(
    make_pipe: Callable[[Path], Path], tmp_path: Path, user_data_dir: Path, command: str
) -> None:
    pipe = make_pipe(tmp_path / "incoming.json")
    try:
        done = _cli(command, str(pipe), data_dir=user_data_dir)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`facilitator {command}` waited on the pipe")
    assert done.returncode == 1
    assert f"{pipe}: {PIPE}" in done.stdout.splitlines()
    assert "Traceback" not in done.stderr


def test_the_app_opens_whatever_is_in_the_data_folder_and_says_what_it_skipped(
    make_pipe: Callable[[Path], Path], tmp_path: Path, user_data_dir: Path
) -> None:
    for name in (
        "library/structures/pipe.json",
        "preferences.json",
        "ui-state.json",
        "running-session.json",
        "drafts/structure-pipe.json",
    ):
        make_pipe(user_data_dir / name)
    # A child that waits on a pipe never reports; the driver stops it after a minute.
    report = run_driver(["open", "-"], child_env(tmp_path, user_data_dir), tmp_path / "c.log", 60)
    assert report["shown"], "the console window appeared"
    notices = "\n".join(report["notices"])
    for name in ("structures/pipe.json", "preferences.json", "ui-state.json"):
        assert f"{name}: {PIPE}" in notices, notices
    assert "running-session.json" in notices, notices
    assert "structure-pipe.json" in notices, notices
