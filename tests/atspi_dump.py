"""Dump what a screen reader sees of an application, through AT-SPI (run with /usr/bin/python3).

    /usr/bin/python3 tests/atspi_dump.py APPLICATION_NAME [--listen SECONDS]

pyatspi is Debian's python3-pyatspi, a package of the system's Python, so this runs as a
process of its own beside the app under test (which runs in the project's venv). It finds
the application by name on the accessibility bus of the session in DBUS_SESSION_BUS_ADDRESS
and prints one JSON line per accessible object: its path of roles, role, name, description
and states. With --listen it first prints {"listening": true}, then every announcement the
application makes within SECONDS, one JSON line each: {"announcement": "..."}.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi
from gi.repository import GLib

MAX_OBJECTS = 5000


def find_application(name: str, seconds: float = 20.0):
    """The application's accessible root, waiting until it is registered."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            application = desktop.getChildAtIndex(index)
            if application is not None and application.name == name:
                return application
        time.sleep(0.2)
    raise SystemExit(f"no application named {name!r} on the accessibility bus")


def dump(root) -> None:
    """Print every object under `root`, depth first."""
    stack = [(root, [])]
    count = 0
    while stack and count < MAX_OBJECTS:
        node, path = stack.pop()
        count += 1
        try:
            role = node.getRoleName()
            states = sorted(pyatspi.stateToString(s) for s in node.getState().getStates())
            record = {
                "path": path,
                "role": role,
                "name": node.name or "",
                "description": node.description or "",
                "states": states,
            }
        except Exception as error:  # a widget that went away while we looked
            record = {"path": path, "error": str(error)}
            role = "?"
        print(json.dumps(record), flush=True)
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        stack.extend((child, [*path, role]) for child in reversed(children) if child is not None)


def listen(name: str, seconds: float) -> None:
    """Print the application's announcements for `seconds`."""

    def on_event(event) -> None:
        try:
            application = event.source.getApplication()
        except Exception:
            return
        if application is not None and application.name == name:
            print(json.dumps({"announcement": str(event.any_data)}), flush=True)

    pyatspi.Registry.registerEventListener(on_event, "object:announcement")
    print(json.dumps({"listening": True}), flush=True)
    GLib.timeout_add(int(seconds * 1000), pyatspi.Registry.stop)
    pyatspi.Registry.start()


def main() -> int:
    """The command line."""
    name = sys.argv[1]
    root = find_application(name)
    if "--listen" in sys.argv:
        listen(name, float(sys.argv[sys.argv.index("--listen") + 1]))
    else:
        dump(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
