"""Starting the app: one copy per data folder, and the machine's own screen keeper.

`run_app` (app.py) claims the data folder first (platform/single_instance.py): a second
start is told here where the app is open, and opens nothing; a folder that cannot be
written opens read-only, and the console says so.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator import APP_NAME
from facilitator.platform.keep_awake_system import SystemScreenKeeper
from facilitator.platform.single_instance import Claim, Outcome
from facilitator.ui.plain import plain_message

if TYPE_CHECKING:
    import argparse
    from pathlib import Path


def already_open(claim: Claim, options: argparse.Namespace) -> int:
    """A second start: say where the app is open, and open nothing here."""
    holder = f" ({claim.reason})" if claim.reason else ""
    if claim.outcome is Outcome.SHOWN:
        text = QCoreApplication.translate(
            "FacilitatorApp",
            "Facilitator is already open with this data folder{holder}: its window was "
            "brought to the front.",
        ).format(holder=holder)
    else:
        text = QCoreApplication.translate(
            "FacilitatorApp",
            "Facilitator is already open with this data folder{holder}. Use the window that "
            "is open: a second copy would write the same files.",
        ).format(holder=holder)
    if getattr(options, "command", None) == "run":
        text += " " + QCoreApplication.translate(
            "FacilitatorApp", "Start the session in that window."
        )
    print(text, file=sys.stdout if claim.outcome is Outcome.SHOWN else sys.stderr, flush=True)
    if claim.outcome is Outcome.ALREADY_OPEN and QApplication.platformName() != "offscreen":
        plain_message(None, QMessageBox.Icon.Information, APP_NAME, text).exec()
    return 0 if claim.outcome is Outcome.SHOWN else 1


def read_only_reason(claim: Claim) -> str:
    """Why nothing can be saved, for every save that is refused."""
    return QCoreApplication.translate(
        "FacilitatorApp", "the data folder is open read-only ({reason})"
    ).format(reason=claim.reason)


def read_only_notice(data_dir: Path, claim: Claim) -> str:
    """What the console says once when the data folder is open read-only."""
    return QCoreApplication.translate(
        "FacilitatorApp",
        "Your data folder {folder} cannot be written ({reason}), so Facilitator opened it "
        "read-only: sessions run, but nothing you change is saved, and a session cannot be "
        "resumed after a crash.",
    ).format(folder=str(data_dir), reason=claim.reason)


def system_screen_keeper(application: QApplication) -> SystemScreenKeeper:
    """The machine's own ways of keeping the screen on (X11's only where Qt draws through X)."""
    return SystemScreenKeeper(
        APP_NAME, uses_x11=lambda: QApplication.platformName() == "xcb", parent=application
    )
