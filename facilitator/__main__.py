"""`python -m facilitator`, the `facilitator` command and the windowed `facilitator-gui`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from facilitator.cli import main as cli_main


def main() -> int:
    """Run the command line, staying quiet when the reader of our output goes away."""
    try:
        return cli_main()
    except BrokenPipeError:
        # e.g. `facilitator show ID --json | head`: not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def gui_main() -> int:
    """`facilitator-gui`: the app with no console window on Windows (a gui-scripts entry).

    A windowed program on Windows starts with no standard output or error (None); they are
    pointed at nothing, so a stray print cannot fail. `--self-test` keeps its report in the
    log folder's self-test.txt and exits 0 or 1 all the same.
    """
    ensure_streams()
    return main()


def ensure_streams() -> None:
    """Give a windowed process (sys.stdout or sys.stderr is None) streams that discard."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    ensure_streams()  # the built app's windowed program runs this file
    sys.exit(main())
