"""The headless core: structures, question sets, files, the timeline and the sequencer.

Nothing in this package may import Qt; tests/test_architecture.py enforces it.
"""
