"""The fault campaign: the real app under faults (killed, clocks, screens, sound, disk, files)."""
