"""Time: clocks, the timeline of a run, fitting to a length, the sequencer and its events."""
