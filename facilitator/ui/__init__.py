"""Widgets only: each receives its models in its constructor and follows their signals."""
