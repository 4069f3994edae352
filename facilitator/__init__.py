"""Facilitator: run Liberating Structures workshops from a laptop and a projector."""

from importlib import metadata as _metadata

APP_NAME = "Facilitator"

try:
    __version__ = _metadata.version("facilitator")
except _metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"
