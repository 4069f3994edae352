"""Facilitator: run Liberating Structures workshops from a laptop and a projector."""

APP_NAME = "Facilitator"
APP_ID = "org.facilitator.Facilitator"
"""The app's reverse-DNS id: the desktop file's name (Qt's desktopFileName, so Wayland finds
the icon), the AppStream id and the macOS bundle identifier."""

__version__ = "0.1.0"
"""The one place the version is written: the package build reads it from here (pyproject.toml)."""
