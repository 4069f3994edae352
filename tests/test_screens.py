"""Which screen the card goes to."""

from __future__ import annotations

from facilitator.core.settings.screens import ScreenInfo, choose_card_screen

LAPTOP = ScreenInfo("laptop", 0, 0, 1280, 800)
PROJECTOR = ScreenInfo("projector", 1280, 0, 1920, 1080)
TV = ScreenInfo("tv", 3200, 0, 3840, 2160)


def test_the_first_screen_that_is_not_the_consoles() -> None:
    assert choose_card_screen([LAPTOP, PROJECTOR, TV], "laptop") == PROJECTOR
    assert choose_card_screen([PROJECTOR, LAPTOP], "laptop") == PROJECTOR


def test_a_single_screen_means_a_window_beside_the_console() -> None:
    assert choose_card_screen([LAPTOP], "laptop") is None


def test_the_facilitators_choice_wins_while_connected() -> None:
    assert choose_card_screen([LAPTOP, PROJECTOR, TV], "laptop", preferred="tv") == TV
    assert choose_card_screen([LAPTOP, PROJECTOR], "laptop", preferred="tv") == PROJECTOR


def test_choosing_the_consoles_own_screen_is_never_full_screen_over_it() -> None:
    assert choose_card_screen([LAPTOP, PROJECTOR], "laptop", preferred="laptop") == PROJECTOR
