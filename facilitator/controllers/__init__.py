"""Controllers: they connect models and windows (keys, screens, the app's start-up)."""
