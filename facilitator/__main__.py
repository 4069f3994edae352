"""`python -m facilitator` and the `facilitator` command."""

from __future__ import annotations

import os
import sys

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


if __name__ == "__main__":
    sys.exit(main())
