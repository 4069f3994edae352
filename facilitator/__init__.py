"""Facilitator: run Liberating Structures workshops from a laptop and a projector."""

APP_NAME = "Facilitator"

__version__ = "0.1.0"
"""The one place the version is written: the package build reads it from here (pyproject.toml)."""
