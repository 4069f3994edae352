"""The self-test's report: printed line by line, and kept in a file beside the app's log.

A windowed build on Windows has no console to print to (sys.stdout is None there), so the
same lines are written to `self-test.txt` in the log folder too; the exit code is the
verdict either way (0 passed, 1 failed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from facilitator.core.files.jsonio import SaveError, atomic_write
from facilitator.core.files.paths import user_log_dir

if TYPE_CHECKING:
    from pathlib import Path

REPORT_FILE = "self-test.txt"


def report_path() -> Path:
    """Where the self-test keeps its last report."""
    return user_log_dir() / REPORT_FILE


@dataclass
class Report:
    """The self-test's lines and its failures."""

    out: TextIO | None
    """Where the lines are printed as they come (None: nowhere, a windowed build)."""
    failures: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def line(self, text: str) -> None:
        """Print one report line at once (so a hang shows how far it got)."""
        self.lines.append(text)
        if self.out is not None:
            print(text, file=self.out, flush=True)

    def ok(self, part: str, detail: str) -> None:
        """A part worked."""
        self.line(f"{part}: ok ({detail})")

    def fail(self, part: str, reason: str) -> None:
        """A part did not work; the self-test will fail."""
        self.failures.append(f"{part}: {reason}")
        self.line(f"{part}: FAILED ({reason})")

    def keep(self, verdict: str, path: Path) -> None:
        """Write every line and the verdict to `path`, say where, then print the verdict."""
        text = "\n".join([*self.lines, verdict]) + "\n"
        try:
            atomic_write(path, text.encode("utf-8"), keep_backup=False)
        except SaveError as error:
            self.line(f"report: not kept ({error})")
        else:
            self.line(f"report: also written to {path}")
        self.line(verdict)
