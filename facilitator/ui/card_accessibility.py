"""The card for a screen reader: its step, who speaks, the question and the time, as text.

The card is painted (card_canvas.py), so on its own it is one unnamed picture. `CardReadout`
lays a transparent label over each of its bands, named with what the band shows and placed
where it shows it (a screen magnifier or explore-by-touch finds them there). They paint
nothing and take no clicks: the room sees only the painted card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.core.shown.card import CardPhase
from facilitator.platform.translations import words_in
from facilitator.ui.accessibility import spoken_duration
from facilitator.ui.labels import round_text, speaker_text, status_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPaintEvent

    from facilitator.core.shown.card import CardContent
    from facilitator.models.card_presenter import CardPresenter, StaticCardPresenter
    from facilitator.models.presentation import PresentationModel

PARTS = ("step", "speaker", "question", "time")
"""The card's spoken parts, each laid over the band of the card that shows it."""


class _Unpainted(QLabel):
    """A label a screen reader reads and nobody sees: the card underneath shows the text."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A new text must not repaint the card beneath it: the card paints its countdown at
        # once on the new second, and a second paint after the console's work is wasted.
        self.setUpdatesEnabled(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Nothing: the card paints this text itself."""


class CardReadout(QObject):
    """Keeps the card's spoken parts up to date with what it shows."""

    def __init__(
        self,
        canvas: QWidget,
        place: Callable[[str], QRectF],
        presenter: CardPresenter | StaticCardPresenter,
        presentation: PresentationModel | None = None,
    ) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._place_of = place
        self._presenter = presenter
        self._presentation = presentation
        canvas.setAccessibleName(self.tr("The card on the projector"))
        canvas.setAccessibleDescription(self.tr("What the room sees now"))
        self.parts = {name: _Unpainted(canvas) for name in PARTS}
        """The spoken parts by name: step, speaker, question, time."""
        presenter.contentChanged.connect(self.refresh)
        presenter.clockChanged.connect(self._refresh_time)
        if presentation is not None:
            presentation.blackoutChanged.connect(self.refresh)
        canvas.installEventFilter(self)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        """Lay each part over the band of the card that shows it."""
        for name, part in self.parts.items():
            part.setGeometry(self._place_of(name).toRect())

    def refresh(self) -> None:
        """Say anew everything the card shows."""
        content = self._presenter.content
        blackout = self._presentation is not None and self._presentation.blackout
        texts = self._texts(content, blackout=blackout)
        for name, text in texts.items():
            self._set(name, text)

    def _refresh_time(self) -> None:
        content = self._presenter.content
        blackout = self._presentation is not None and self._presentation.blackout
        self._set("time", self._texts(content, blackout=blackout)["time"])

    def _set(self, name: str, text: str) -> None:
        part = self.parts[name]
        if part.text() != text:
            part.setText(text)
            part.setAccessibleName(text)  # Qt tells a screen reader the name changed
        part.setVisible(bool(text))  # an empty part is not read out as an empty label

    def _texts(self, content: CardContent | None, *, blackout: bool) -> dict[str, str]:
        empty = dict.fromkeys(PARTS, "")
        if blackout:
            return {**empty, "step": self.tr("The card is blacked out")}
        if content is None:
            return {**empty, "step": self.tr("Waiting for a session to start")}
        if content.phase is CardPhase.FINISHED:
            return {
                **empty,
                "step": content.structure_title,
                "question": self.tr("Finished. Thank you!"),
            }
        if content.groups is not None:
            groups = content.groups
            listed = [
                self.tr("Group {number}: {names}").format(
                    number=groups.first_number + offset, names=", ".join(names)
                )
                for offset, names in enumerate(groups.groups)
            ]
            return {
                **empty,
                "step": self.tr("Groups for {title}, round {number} of {count}").format(
                    title=groups.title, number=groups.round, count=groups.rounds
                ),
                "question": "\n".join(listed),
                "time": self.tr("Time: {time}").format(time=spoken_duration(content.countdown)),
            }
        words = words_in(content.language)  # what the card says, in the card's language
        step = " · ".join(filter(None, [content.step_title, round_text(content, words)]))
        question = "\n".join(content.questions) or content.instruction
        if content.phase is CardPhase.READY:
            time = self.tr("Starting soon: {time}").format(time=spoken_duration(content.countdown))
        else:
            time = self.tr("Time: {time}").format(time=spoken_duration(content.countdown))
            if status := status_text(content.phase, words):
                time = f"{time}, {status}"
        return {
            "step": self.tr("Step: {step}").format(step=step) if step else "",
            "speaker": speaker_text(content, words),
            "question": question,
            "time": time,
        }
