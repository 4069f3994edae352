"""A data folder opened read-only is never written, whoever asks (core/files/read_only.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from facilitator.core.files.jsonio import SaveError, atomic_write, write_json
from facilitator.core.files.read_only import open_read_only, writable_again

if TYPE_CHECKING:
    from pathlib import Path


def test_nothing_is_written_inside_a_folder_opened_read_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "library").mkdir(parents=True)
    kept = data / "preferences.json"
    kept.write_text("{}\n")
    elsewhere = tmp_path / "sheet.md"
    open_read_only(data, "the data folder is open read-only (the disk is read-only)")
    try:
        with pytest.raises(SaveError, match=r"Could not save preferences\.json: the data folder"):
            write_json(kept, {"changed": True})
        with pytest.raises(SaveError, match="read-only"):
            atomic_write(data / "library" / "structures" / "new.json", b"{}")
        assert kept.read_text() == "{}\n"
        assert not (data / "library" / "structures").exists()
        atomic_write(elsewhere, b"# an export the facilitator chose to write elsewhere\n")
        assert elsewhere.exists()
    finally:
        writable_again(data)
    write_json(kept, {"changed": True})
    assert "changed" in kept.read_text()
