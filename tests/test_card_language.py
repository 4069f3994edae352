"""One language on the card: its own words follow the questions it shows (issue 12, item 4).

`run --lang nl` under an English interface gives a card entirely in Dutch; a set chosen in
one language brings its titles and the card's words along; switching the interface language
switches the chosen set to the same questions in the new language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from facilitator.platform import translations as i18n
from tests.app_harness import build_harness

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

    from tests.app_harness import Harness

ENGLISH_WORDS = ("Round", "Person", "speaks", "Almost time", "Starting soon", "Paused")


@pytest.fixture
def english_afterwards(qapp):
    """Whatever the test installs, the next test starts in English."""
    yield
    i18n.install_translators(qapp, "en")


def _to_round_one(harness: Harness) -> list[str]:
    harness.app.run.start()
    harness.advance(120)  # the invitation
    harness.app.run.next()  # the change-over: on to round 1, person A
    return harness.card_texts()


def _pick(combo: QComboBox, set_id: str) -> None:
    """Choose a question set in the library as a facilitator does."""
    index = combo.findData(set_id)
    assert index >= 0, set_id
    combo.setCurrentIndex(index)


def _no_english_words(texts: list[str]) -> None:
    for text in texts:
        for word in ENGLISH_WORDS:
            assert word not in text, f"{word!r} in the Dutch card's {text!r}"


def test_a_dutch_run_under_an_english_interface_gives_a_card_entirely_in_dutch(qtbot) -> None:
    harness = build_harness(qtbot)
    assert harness.app.start_run("impromptu-networking", language="nl")
    ready = harness.card_texts()
    assert "We beginnen zo" in ready
    _no_english_words(ready)
    texts = _to_round_one(harness)
    assert "Ronde 1 van 3" in texts
    assert "Persoon A praat" in texts
    assert "Gesprekken in tweetallen" in texts
    _no_english_words(texts)
    harness.advance(100)
    texts = harness.card_texts()
    assert "Bijna tijd" in texts
    _no_english_words(texts)
    harness.app.run.pause()
    assert "Gepauzeerd" in harness.card_texts()
    # The console keeps the interface's language.
    assert harness.app.run_page.toggle_button.text() == "Resume"


def test_the_card_speaks_the_language_of_the_chosen_questions(qtbot) -> None:
    harness = build_harness(qtbot)
    page = harness.app.library_page
    page.select("impromptu-networking")
    _pick(page.details.questions, "impromptu-networking-nl")  # chosen on purpose
    page.details.start.click()
    texts = _to_round_one(harness)
    assert "Ronde 1 van 3" in texts
    assert "Gesprekken in tweetallen" in texts, "the step's title follows the questions too"
    _no_english_words(texts)
    readout = harness.app.card.canvas.readout.parts
    assert "Ronde 1 van 3" in readout["step"].text()
    assert readout["speaker"].text() == "Persoon A praat"


def test_switching_the_interface_language_chooses_the_same_questions_in_it(
    qtbot, english_afterwards
) -> None:
    harness = build_harness(qtbot)
    harness.app.library_page.select("impromptu-networking")
    details = harness.app.library_page.details
    _pick(details.questions, "impromptu-networking-first-class-en")
    harness.app.preferences.update(language="nl")
    qtbot.addWidget(harness.app.console)
    details = harness.app.library_page.details
    assert details.questions.currentData() == "impromptu-networking-first-class-nl"
    details.start.click()
    texts = _to_round_one(harness)
    assert "Ronde 1 van 3" in texts
    _no_english_words(texts)


def test_a_set_remembered_in_one_language_is_chosen_in_the_other(qtbot, english_afterwards) -> None:
    harness = build_harness(qtbot)
    page = harness.app.library_page
    page.select("impromptu-networking")
    _pick(page.details.questions, "impromptu-networking-en")
    page.details.start.click()  # remembered: this structure ran with these questions
    harness.app.end_session()
    harness.app.preferences.update(language="nl")
    qtbot.addWidget(harness.app.console)
    page = harness.app.library_page
    page.select("1-2-4-all")
    page.select("impromptu-networking")
    assert page.details.questions.currentData() == "impromptu-networking-nl"


def test_a_set_without_a_counterpart_stays_chosen_and_the_card_follows_it(
    qtbot, english_afterwards
) -> None:
    harness = build_harness(qtbot)
    harness.app.preferences.update(language="nl")
    qtbot.addWidget(harness.app.console)
    library = harness.app.library.library
    structure = library.structure("impromptu-networking")
    assert library.counterpart("impromptu-networking-en", structure, "nl").id == (
        "impromptu-networking-nl"
    )
    assert library.counterpart("impromptu-networking-nl", structure, "nl").id == (
        "impromptu-networking-nl"
    )
    assert library.counterpart("no-such-set", structure, "nl") is None
    # Chosen on purpose in English under a Dutch interface: the whole card is English.
    assert harness.app.start_run("impromptu-networking", questions_id="impromptu-networking-en")
    texts = _to_round_one(harness)
    assert "Round 1 of 3" in texts
    assert "Conversations in pairs" in texts
    assert not any("Ronde" in text for text in texts)
    [notice] = [t for t in harness.app.notices.texts() if "Engels" in t]
    assert "de hele kaart" in notice
