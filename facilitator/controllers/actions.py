"""The keys and clicker buttons, as QActions shared by both windows.

A presentation clicker sends Page Down, Page Up, F5 or Shift+F5, Escape, and B
or the full stop. They are mapped as a slide program maps them, and work
whichever window has focus because every action is added to both. None of them
can leave the room looking at a window frame or the desktop: F5 brings the card
back full screen on the projector, and Escape leaves the card alone (it brings
the console back to the run, ready for the clicker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from facilitator.core.timing.events import AdvanceMode, RunState
from facilitator.ui.help_dialog import keys_in_words

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from facilitator.models.presentation import PresentationModel
    from facilitator.models.run_model import RunModel


def _keys(*keys: str) -> list[QKeySequence]:
    """Key sequences from Qt's portable text ("PgDown", "Shift+F5", "Num++" on the keypad)."""
    return [QKeySequence(key) for key in keys]


class RunActions(QObject):
    """Every command a facilitator gives during a run, with its keys."""

    def __init__(
        self,
        run: RunModel,
        presentation: PresentationModel,
        *,
        toggle_full_screen: Callable[[], None],
        back_to_run: Callable[[], None],
        show_help: Callable[[], None],
        present_card: Callable[[], None] = lambda: None,
        end_session: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._run = run
        self.next = self._action(
            self.tr("Next / start"), run.next, _keys("PgDown", "Right", "Space")
        )
        self.previous = self._action(self.tr("Previous"), run.previous, _keys("PgUp", "Left"))

        def start_and_present() -> None:
            present_card()  # a slide program's F5: the show, full screen, whatever happened
            run.start()

        self.start = self._action(
            self.tr("Start or resume"), start_and_present, _keys("F5", "Shift+F5")
        )
        self.pause = self._action(self.tr("Pause or resume"), self._pause_or_resume, _keys("P"))
        self.restart = self._action(
            self.tr("Restart this segment"), run.restart_segment, _keys("R")
        )
        self.add_minute = self._action(
            self.tr("One minute more"),
            run.add_minute,
            _keys("+", "=", "Num++"),
        )
        self.remove_minute = self._action(
            self.tr("One minute less"),
            run.remove_minute,
            _keys("-", "Num+-"),
        )
        self.blackout = self._action(self.tr("Black out the card"), None, _keys("B", "."))
        self.blackout.setCheckable(True)
        self.blackout.triggered.connect(presentation.set_blackout)
        presentation.blackoutChanged.connect(self.blackout.setChecked)
        self.end_session = self._action(self.tr("End session"), end_session, _keys("Ctrl+Shift+E"))
        self.manual = self._action(self.tr("Manual advance (wait for Next)"), None, _keys("M"))
        self.manual.setCheckable(True)
        self.manual.toggled.connect(self._set_manual)
        self.full_screen = self._action(
            self.tr("Card full screen on or off"), toggle_full_screen, _keys("F11")
        )
        self.back_to_run = self._action(self.tr("Back to the run"), back_to_run, _keys("Esc"))
        self.help = self._action(self.tr("Help and keys"), show_help, _keys("F1", "?"))
        self._explain(
            {
                self.next: self.tr("Go on to the next part now, or start the session"),
                self.previous: self.tr("Go back to the part before"),
                self.start: self.tr(
                    "Start the session, or go on after a pause; the card returns full screen"
                ),
                self.pause: self.tr("Stop the clock for a while, or let it run again"),
                self.restart: self.tr("Give the current part its full time again"),
                self.add_minute: self.tr("Give the current part one more minute"),
                self.remove_minute: self.tr("Take one minute off the current part"),
                self.blackout: self.tr("Show the room a black card, or the card again"),
                self.manual: self.tr("Wait for Next at the end of each part instead of moving on"),
                self.end_session: self.tr("Stop the session and close the card"),
                self.full_screen: self.tr(
                    "Fill the projector with the card, or show it in a window"
                ),
                self.back_to_run: self.tr(
                    "Show the run on this screen, ready for the clicker; the card stays as it is"
                ),
                self.help: self.tr("How to run a session, and every key"),
            }
        )
        run.changed.connect(self._sync)
        # Before the console shows the run (it is made after this): its buttons are enabled
        # by then, and can take the focus.
        run.sessionChanged.connect(self._sync)
        self._sync()

    def _action(
        self, label: str, handler: Callable[[], None] | None, keys: list[QKeySequence]
    ) -> QAction:
        action = QAction(label, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setAutoRepeat(False)
        if handler is not None:
            action.triggered.connect(lambda _checked=False: handler())
        return action

    @staticmethod
    def _explain(descriptions: dict[QAction, str]) -> None:
        """What each action does, and its keys: its tooltip, and what a screen reader adds
        to the name of a button that shows it."""
        for action, description in descriptions.items():
            action.setToolTip(f"{description} ({keys_in_words(action.shortcuts())})")

    def all(self) -> list[QAction]:
        """Every action, in the order the help lists them."""
        return [
            self.next,
            self.previous,
            self.start,
            self.pause,
            self.restart,
            self.add_minute,
            self.remove_minute,
            self.manual,
            self.blackout,
            self.full_screen,
            self.back_to_run,
            self.end_session,
            self.help,
        ]

    def _run_actions(self) -> list[QAction]:
        """The actions that act on a run: enabled only while there is one."""
        return [
            self.next,
            self.previous,
            self.start,
            self.pause,
            self.restart,
            self.add_minute,
            self.remove_minute,
            self.manual,
            self.end_session,
            self.back_to_run,
        ]

    def install(self, *windows: QWidget) -> None:
        """Make the keys work in each of `windows`."""
        for window in windows:
            window.addActions(self.all())

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(command, keys) for the help."""
        rows = []
        for action in self.all():
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            rows.append((action.text(), keys))
        return rows

    def _pause_or_resume(self) -> None:
        status = self._run.status()
        if status is None:
            return
        if status.state is RunState.RUNNING:
            self._run.pause()
        elif status.state is RunState.PAUSED:
            self._run.start()

    def _set_manual(self, manual: bool) -> None:
        status = self._run.status()
        wanted = AdvanceMode.MANUAL if manual else AdvanceMode.AUTO
        if status is not None and self._run.default_mode() is not wanted:
            self._run.set_mode(wanted)

    def _sync(self) -> None:
        """Reflect the run's mode and whether commands make sense now."""
        session = self._run.session
        has_run = session is not None
        for action in self._run_actions():
            action.setEnabled(has_run)
        if has_run:
            blocked = self.manual.blockSignals(True)
            self.manual.setChecked(self._run.default_mode() is AdvanceMode.MANUAL)
            self.manual.blockSignals(blocked)
