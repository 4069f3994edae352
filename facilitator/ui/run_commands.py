"""What the console's widgets need of the run's commands: actions with their keys.

The controller (controllers/actions.py) makes them; widgets only show them as
buttons and menu items, so they depend on this protocol and not on the controller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QAction


class RunCommands(Protocol):
    """The commands a facilitator gives during a run, each a QAction with its keys."""

    next: QAction
    previous: QAction
    start: QAction
    pause: QAction
    restart: QAction
    add_minute: QAction
    remove_minute: QAction
    manual: QAction
    end_session: QAction
    blackout: QAction
    full_screen: QAction
    back_to_run: QAction
    help: QAction

    def all(self) -> list[QAction]:
        """Every action, in the order menus and the help list them."""
        ...
