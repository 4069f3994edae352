"""The user data folder cannot be written: read-only, permission denied, or the disk full.

Everything the app saves goes through `facilitator.core.files.jsonio.atomic_write`, so failures are
injected at its lowest layer (`_write_all`): the tests run as root, and chmod stops nothing
for root. Where mounting is allowed, a real tiny filesystem (tmpfs of 64 KB) is also filled
up and remounted read-only. For the crash record, the preferences, a question set saved
from the editor and an import: the last good file stays byte for byte, the facilitator is
told plainly, and the run goes on.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from facilitator.core.files import jsonio as files
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.settings.preferences import PREFERENCES_FILE
from facilitator.core.timing.events import RunState
from facilitator.ui.prompts import Choice
from tests.app_harness import Harness, build_harness

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from facilitator.core.sessions.record import Session, SessionStore
    from facilitator.ui.editor.editor_window import EditorWindow

UNCHANGED = "The previous version is unchanged."
FAULTS = {
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.ENOSPC: "the disk is full",
}
IMPORTED_ID = "my-questions"


def _question_set(title: str) -> dict:
    return {
        "schema_version": 1,
        "type": "question_set",
        "id": IMPORTED_ID,
        "language": "en",
        "title": title,
        "structures": ["impromptu-networking"],
        "questions": ["What do you bring today?"],
    }


@dataclass
class Workshop:
    """A running session with one of everything saved once: the last good files."""

    harness: Harness
    data_dir: Path
    editor: EditorWindow
    import_file: Path
    record_saves: list[bool]
    """Every attempt to save the crash record since the workshop began: True when it was written."""

    @property
    def record(self) -> Path:
        return self.harness.app.store.path

    @property
    def preferences(self) -> Path:
        return self.data_dir / PREFERENCES_FILE

    @property
    def edited(self) -> Path:
        path = self.editor.model.saved_path()
        assert path is not None
        return path

    @property
    def imported(self) -> Path:
        return self.data_dir / "library" / "question-sets" / f"{IMPORTED_ID}.json"

    def saved_files(self) -> dict[Path, bytes]:
        return {
            path: path.read_bytes()
            for path in (self.record, self.preferences, self.edited, self.imported)
        }

    def next_segment(self) -> None:
        """Run on into the next segment (which saves the crash record)."""
        status = self.harness.app.run.status()
        self.harness.advance(status.remaining + 0.5)

    def next_segment_saving(self, qtbot) -> None:
        """Run on into the next segment and wait until it has tried to save the crash record."""
        attempts = len(self.record_saves)
        self.next_segment()
        qtbot.waitUntil(lambda: len(self.record_saves) > attempts, timeout=2000)

    def wait_for_record(self, qtbot, index: int) -> None:
        store = self.harness.app.store
        qtbot.waitUntil(lambda: store.load().sequencer["index"] == index, timeout=2000)


def _count_saves(store: SessionStore) -> list[bool]:
    """Every attempt to save the crash record from now on: True when it was written."""
    attempts: list[bool] = []
    save = store.save

    def counted(session: Session) -> bool:
        attempts.append(save(session))
        return attempts[-1]

    store.save = counted  # type: ignore[method-assign]
    return attempts


def _workshop(qtbot, data_dir: Path, tmp_path: Path) -> Workshop:
    harness = build_harness(qtbot, data_dir=data_dir)
    app = harness.app
    record_saves = _count_saves(app.store)
    app.preferences.update(warning_seconds=45)
    assert app.start_run("impromptu-networking")
    app.run.start()
    harness.advance(200)
    editor = app.library_actions.edit(DocumentKind.QUESTION_SET, "impromptu-networking-en")
    assert editor is not None
    qtbot.addWidget(editor)
    editor.model.set_text(("title",), "My own version")
    assert editor.save()
    import_file = tmp_path / "to-import" / f"{IMPORTED_ID}.json"
    import_file.parent.mkdir()
    import_file.write_text(json.dumps(_question_set("First import")), encoding="utf-8")
    app.library_actions.import_files([import_file])
    assert app.library.library.question_set(IMPORTED_ID).title == "First import"
    workshop = Workshop(harness, data_dir, editor, import_file, record_saves)
    workshop.wait_for_record(qtbot, 2)
    return workshop


def _save_everything(workshop: Workshop, qtbot) -> list[str]:
    """Try to save each kind of file once; the run moves on two segments meanwhile."""
    app = workshop.harness.app
    prompts = workshop.harness.prompts
    workshop.next_segment_saving(qtbot)
    app.preferences.update(flash=False)
    workshop.editor.model.set_text(("title",), "A second version")
    assert not workshop.editor.save(), "the editor says the save failed"
    workshop.import_file.write_text(json.dumps(_question_set("Second import")), encoding="utf-8")
    prompts.clash_answers = [(Choice.REPLACE, "")]
    app.library_actions.import_files([workshop.import_file])
    workshop.next_segment_saving(qtbot)
    return [
        *(n.text for n in app.notices.notices if n.key in ("session-save", "prefs-save")),
        workshop.editor.banner.text(),
        *prompts.errors,
    ]


def _assert_nothing_lost(workshop: Workshop, good: dict[Path, bytes]) -> None:
    for path, content in good.items():
        assert path.read_bytes() == content, f"{path.name} changed"
    leftovers = [p.name for p in workshop.data_dir.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == [], "no half-written temporary files are left behind"
    app = workshop.harness.app
    assert app.library.library.question_set(IMPORTED_ID).title == "First import"
    editor = workshop.editor.model
    assert editor.is_dirty, "edits kept"
    assert editor.value(("title",)) == "A second version", "edits kept"
    assert app.preferences.value.flash is False, "the new preference applies all the same"


def _assert_the_run_went_on(workshop: Workshop, index: int) -> None:
    status = workshop.harness.app.run.status()
    assert status.state is RunState.RUNNING
    assert status.index == index
    assert workshop.harness.app.card.isVisible()


@pytest.mark.parametrize("code", list(FAULTS), ids=[errno.errorcode[c] for c in FAULTS])
def test_nothing_can_be_written_the_last_good_files_stay_and_the_run_goes_on(
    qtbot, monkeypatch: pytest.MonkeyPatch, user_data_dir: Path, tmp_path: Path, code: int
) -> None:
    workshop = _workshop(qtbot, user_data_dir, tmp_path)
    good = workshop.saved_files()
    app = workshop.harness.app
    posted: dict[int, str] = {}  # every notice ever shown, by its id

    def note_new_notices() -> None:
        posted.update((n.id, n.key) for n in app.notices.notices if n.id not in posted)

    app.notices.changed.connect(note_new_notices)

    def refuse(fd: int, data: bytes) -> None:
        if code == errno.ENOSPC:
            os.write(fd, data[: len(data) // 2])  # half of it fits, then the disk is full
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files, "_write_all", refuse)
    messages = _save_everything(workshop, qtbot)
    reason = FAULTS[code]
    assert messages == [
        f"The running session could not be saved for recovery: Could not save "
        f"{workshop.record.name}: {reason}. {UNCHANGED}",
        f"Could not save {PREFERENCES_FILE}: {reason}. {UNCHANGED}",
        f"Could not save impromptu-networking-en.json: {reason}. {UNCHANGED}",
        f"Could not save {IMPORTED_ID}.json: {reason}. {UNCHANGED}",
    ]
    record_notices = [key for key in posted.values() if key == "session-save"]
    assert len(record_notices) == 1, "said once, not at every segment"
    _assert_nothing_lost(workshop, good)
    _assert_the_run_went_on(workshop, 4)

    monkeypatch.undo()  # the disk is writable again
    workshop.next_segment()
    workshop.wait_for_record(qtbot, 5)
    assert workshop.editor.save()
    assert not workshop.editor.model.is_dirty


# --- a real tiny filesystem ------------------------------------------------------------------


def _mount(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *arguments], capture_output=True, text=True, timeout=20)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KB tmpfs of our own (root only); skipped where mounting is not allowed."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tiny filesystem needs root")
    try:
        done = _mount("-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", str(folder))
    except (OSError, subprocess.SubprocessError) as error:
        pytest.skip(f"cannot run mount here: {error}")
    if done.returncode != 0:
        pytest.skip(f"mounting is not permitted here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _fill(folder: Path) -> Path:
    """Fill the filesystem to the last byte; the filler file."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as stream:
        for size in (4096, 1):
            while True:
                try:
                    stream.write(b"\0" * size)
                except OSError as error:
                    assert error.errno == errno.ENOSPC
                    break
    return filler


def test_a_real_full_disk_and_a_real_read_only_disk(
    qtbot, tiny_disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tiny_disk / "Facilitator"
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(data_dir))  # the library lives there too
    workshop = _workshop(qtbot, data_dir, tmp_path)
    good = workshop.saved_files()
    app = workshop.harness.app

    filler = _fill(tiny_disk)
    messages = _save_everything(workshop, qtbot)
    assert all("the disk is full" in text and UNCHANGED in text for text in messages), messages
    assert len(messages) == 4
    _assert_nothing_lost(workshop, good)
    _assert_the_run_went_on(workshop, 4)

    filler.unlink()
    assert _mount("-o", "remount,ro", str(tiny_disk)).returncode == 0
    try:
        app.notices.dismiss_key("session-save")
        app.notices.dismiss_key("prefs-save")
        workshop.harness.prompts.errors.clear()
        app.store.last_error = None
        workshop.editor.banner.clear()
        workshop.editor.model.set_text(("title",), "A third version")
        app.preferences.update(flash=True)
        app.preferences.update(flash=False)
        assert not workshop.editor.save()
        workshop.next_segment_saving(qtbot)
        texts = [n.text for n in app.notices.notices if n.key in ("session-save", "prefs-save")]
        assert len(texts) == 2, texts
        assert all("the disk is read-only" in text for text in texts), texts
        assert "the disk is read-only" in workshop.editor.banner.text()
        for path, content in good.items():
            assert path.read_bytes() == content
        _assert_the_run_went_on(workshop, 5)

        # Starting the app on a read-only data folder: it opens, runs, and says why not saved.
        second = build_harness(qtbot, data_dir=data_dir)
        assert second.app.start_run("1-2-4-all")
        second.app.run.start()
        second.advance(61)
        qtbot.waitUntil(lambda: "session-save" in [n.key for n in second.app.notices.notices])
        assert second.app.run.status().state is RunState.RUNNING
        [notice] = [n for n in second.app.notices.notices if n.key == "session-save"]
        assert "the disk is read-only" in notice.text
    finally:
        _mount("-o", "remount,rw", str(tiny_disk))
    workshop.next_segment()
    workshop.wait_for_record(qtbot, 6)
