"""Qt models: QObjects that hold the app's state and announce changes with signals.

Widgets in facilitator/ui receive these in their constructors and subscribe to
their signals; the logic itself lives in facilitator/core.
"""
