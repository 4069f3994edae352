"""Atomic saving with a backup, and what happens when the disk says no."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from facilitator.core.files import jsonio as files
from facilitator.core.files.jsonio import SaveError, atomic_write


def test_saving_replaces_the_file_and_keeps_the_previous_version(tmp_path: Path) -> None:
    target = tmp_path / "set.json"
    atomic_write(target, b"first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert (tmp_path / "set.json.bak").read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["set.json", "set.json.bak"]


def test_a_full_disk_leaves_the_last_good_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "set.json"
    atomic_write(target, b"good")

    def disk_full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "_write_all", disk_full)
    with pytest.raises(SaveError, match=r"the disk is full\. The previous version is unchanged"):
        atomic_write(target, b"a much longer new version")
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_read_only_folder_gives_a_plain_message(tmp_path: Path) -> None:
    target = tmp_path / "set.json"
    atomic_write(target, b"good")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="permission denied"):
            atomic_write(target, b"new")
    finally:
        tmp_path.chmod(0o700)
    assert target.read_bytes() == b"good"


def test_a_read_only_folder_as_root_is_simulated_at_the_lowest_layer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "set.json"
    atomic_write(target, b"good")

    def read_only(fd: int, data: bytes) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files, "_write_all", read_only)
    with pytest.raises(SaveError, match="the disk is read-only"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"good"


def held_by_another_program() -> PermissionError:
    """What Windows' rename raises while an antivirus scanner or OneDrive has the file open."""
    error = PermissionError(errno.EACCES, "The process cannot access the file")
    error.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION
    return error


class RefusedRenames:
    """os.replace that refuses the first `refusals` renames, as a held file on Windows does."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.attempts = 0

    def __call__(self, source: os.PathLike[str] | str, target: os.PathLike[str] | str) -> None:
        self.attempts += 1
        if self.attempts <= self.refusals:
            raise held_by_another_program()
        Path(source).rename(target)


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The pauses between retries, recorded instead of slept."""
    waited: list[float] = []
    monkeypatch.setattr(files, "_pause", waited.append)
    return waited


def test_a_rename_held_for_a_moment_is_tried_again_and_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    target = tmp_path / "set.json"
    atomic_write(target, b"good", keep_backup=False)
    renames = RefusedRenames(refusals=2)
    monkeypatch.setattr(files.os, "replace", renames)
    atomic_write(target, b"new", keep_backup=False)
    assert target.read_bytes() == b"new"
    assert renames.attempts == 3
    assert len(pauses) == 2


def test_a_file_held_by_another_program_fails_plainly_and_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    target = tmp_path / "set.json"
    atomic_write(target, b"first")
    atomic_write(target, b"good")
    monkeypatch.setattr(files.os, "replace", RefusedRenames(refusals=1000))
    with pytest.raises(SaveError) as raised:
        atomic_write(target, b"new")
    message = str(raised.value)
    assert message.startswith("Could not save set.json: another program is holding the file")
    assert "OneDrive" in message
    assert message.endswith("The previous version is unchanged.")
    assert target.read_bytes() == b"good"
    assert (tmp_path / "set.json.bak").read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert 0.9 <= sum(pauses) <= 1.5, "it tries for about a second, then gives up"


def test_a_plain_permission_error_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    target = tmp_path / "set.json"
    atomic_write(target, b"good")

    def denied(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "replace", denied)
    with pytest.raises(SaveError, match="permission denied"):
        atomic_write(target, b"new")
    assert pauses == []
    assert target.read_bytes() == b"good"
