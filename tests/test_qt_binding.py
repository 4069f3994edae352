"""Guards against a broken Qt binding: the app emits signals thousands of times per session.

PySide6 6.12.0 aborted the process ("Fatal Python error: bool_dealloc") after a few
thousand signal emissions to Python slots; see docs/decisions/0002-pyside6-version.md.
This test runs that pattern in a child process, so a bad upgrade fails here and not
in front of a room.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

EMITS = 5000


def test_many_signal_emissions_to_python_slots_do_not_crash() -> None:
    script = textwrap.dedent(f"""
        from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

        class Source(QObject):
            tick = Signal(str, str, float)

        class Sink(QObject):
            def __init__(self):
                super().__init__()
                self.count = 0
            def slot(self, *args):
                self.count += 1

        app = QCoreApplication([])
        source, sink, seen = Source(), Sink(), []
        source.tick.connect(sink.slot)
        source.tick.connect(lambda *args: seen.append(1))
        def emit_all():
            for _ in range({EMITS}):
                source.tick.emit("cue", "moment", 0.5)
            app.quit()
        QTimer.singleShot(0, emit_all)
        app.exec()
        print(sink.count, len(seen))
    """)
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == [str(EMITS), str(EMITS)]
