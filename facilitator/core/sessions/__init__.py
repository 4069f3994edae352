"""Sessions: what a run is set up from, and its crash-safe record."""
