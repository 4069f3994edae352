"""Facilitator: run Liberating Structures workshops from a laptop and a projector."""

from importlib import metadata as _metadata

APP_NAME = "Facilitator"
APP_ID = "org.facilitator.Facilitator"
"""The app's reverse-DNS id: the desktop file's name (Qt's desktopFileName, so Wayland finds
the icon), the AppStream id and the macOS bundle identifier."""

try:
    __version__ = _metadata.version("facilitator")
except _metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"
