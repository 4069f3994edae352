"""Atomic saving with a backup, and what happens when the disk says no."""

from __future__ import annotations

import errno
import os
from typing import TYPE_CHECKING

import pytest

from facilitator.core.files import jsonio as files
from facilitator.core.files.jsonio import SaveError, atomic_write

if TYPE_CHECKING:
    from pathlib import Path


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


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
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
