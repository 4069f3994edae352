"""Settings: the facilitator's preferences, remembered UI state, bell sounds, screens."""
