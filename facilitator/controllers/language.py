"""The interface language: the facilitator's choice, else the system's, switched while running."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

from facilitator.core.workshop.structures import FALLBACK_LANGUAGE
from facilitator.platform.translations import install_translators
from facilitator.ui.labels import SUPPORTED_LANGUAGES, language_name

if TYPE_CHECKING:
    from facilitator.models.notices import NoticeBoard
    from facilitator.models.preferences_model import PreferencesModel

NOTICE_KEY = "interface-language"


def system_language() -> str:
    """The system's language if the app speaks it, else English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in SUPPORTED_LANGUAGES else FALLBACK_LANGUAGE


def preferred_language(preferences: PreferencesModel) -> str:
    """The language of content and interface: the preference, else the system's."""
    return preferences.value.language or system_language()


class InterfaceLanguage(QObject):
    """Installs the translators of the chosen language and says when the choice changes."""

    switched = Signal(str)
    """The interface now speaks this language: windows built from now on show it."""

    def __init__(
        self,
        preferences: PreferencesModel,
        notices: NoticeBoard,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._notices = notices
        # Set before any window is built: widgets take their texts when they are made.
        self._shown = self.wanted()
        self.install(self._shown)
        preferences.changed.connect(self._on_preferences_changed)

    def wanted(self) -> str:
        """The language the facilitator wants: the preference, else the system's."""
        return preferred_language(self._preferences)

    @property
    def shown(self) -> str:
        """The language the windows were last built in."""
        return self._shown

    def install(self, language: str) -> bool:
        """Install the translators for `language`; a notice when it cannot be shown."""
        if install_translators(QCoreApplication.instance(), language):
            self._notices.dismiss_key(NOTICE_KEY)
            return True
        self._notices.post(
            self.tr(
                "The interface cannot be shown in {language}: its translation is missing. "
                "It is shown in English; the structures and questions still follow your choice."
            ).format(language=language_name(language)),
            key=NOTICE_KEY,
        )
        return False

    def switch(self, language: str) -> None:
        """Speak `language` from now on, and tell the windows to be built again."""
        self._shown = language
        self.install(language)
        self.switched.emit(language)

    def _on_preferences_changed(self) -> None:
        language = self.wanted()
        if language != self._shown:
            self.switch(language)
