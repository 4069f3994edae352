"""The card fills any projector: 4:3, 16:10, 16:9, 21:9 and 4K, nothing cut off (issue 12, 2).

The layout is a pure function of the card's size (core/shown/card_layout.py), checked here
without painting; the painted card is then checked as the room sees it, pixel by pixel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from facilitator.core.groups.rounds import groups_page
from facilitator.core.settings.preferences import Theme
from facilitator.core.shown.card import CardContent, CardPhase
from facilitator.core.shown.card_layout import Box, card_layout, fitted_shape
from facilitator.models.card_presenter import StaticCardPresenter
from facilitator.models.preferences_model import PreferencesModel
from facilitator.ui.card_canvas import CardCanvas, rect_of
from facilitator.ui.text_fitting import text_fits
from facilitator.ui.theme import palette_for

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QImage

SHAPES = [
    (800, 600),
    (1024, 768),
    (1280, 800),
    (1920, 1200),
    (1366, 768),
    (1920, 1080),
    (2560, 1080),
    (3840, 2160),
]
"""4:3 (twice), 16:10 (twice), 16:9 (a laptop's, a projector's, 4K) and 21:9."""

QUESTIONS = (
    "What big challenge are you bringing to this gathering?",
    "What do you hope to get from this group, and what can you give it?",
)


def running(**changes: object) -> CardContent:
    """A card in the middle of a speaking turn of Impromptu Networking."""
    base = {
        "phase": CardPhase.RUNNING,
        "structure_title": "Impromptu Networking",
        "step_title": "Conversations in pairs",
        "instruction": "Find a partner you do not know yet.",
        "questions": QUESTIONS,
        "round": 1,
        "rounds": 3,
        "speaker": 1,
        "speakers": 2,
        "countdown": "1:25",
        "progress": 0.3,
        "language": "en",
    }
    base.update(changes)
    return CardContent(**base)  # type: ignore[arg-type]


def canvas_for(qtbot, content: CardContent | None, width: int, height: int) -> CardCanvas:
    canvas = CardCanvas(StaticCardPresenter(content), PreferencesModel(persist=False))
    qtbot.addWidget(canvas)
    canvas.resize(width, height)
    canvas.grab()  # paints once, at that size
    return canvas


# --- the layout, without painting -----------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), SHAPES)
def test_every_part_lies_on_the_card_in_order_down_to_the_bottom_edge(
    width: int, height: int
) -> None:
    layout = card_layout(0, 0, width, height)
    title, label = layout.header(right_label=True, phase_label=True)
    parts = [
        title,
        label,
        layout.speaker,
        layout.instruction,
        layout.who_acts,
        layout.body,
        layout.clock,
        layout.status,
        layout.progress,
        layout.groups_title,
        layout.groups_clock,
        layout.groups_grid,
        layout.groups_page,
        layout.waiting,
        layout.finished_title,
        layout.finished_message,
    ]
    for part in parts:
        assert layout.card.contains(part), part
        assert part.width > 0
        assert part.height > 0
    assert title.top < layout.speaker.top < layout.instruction.top < layout.body.top
    assert layout.instruction.bottom <= layout.body.top
    assert layout.body.bottom <= layout.clock.top
    assert layout.clock.bottom <= layout.progress.top
    assert layout.groups_grid.bottom <= layout.groups_page.top
    assert layout.progress.bottom == pytest.approx(height)
    # The parts span the whole card: no band of black above or below, nor beside.
    assert title.top <= 0.06 * height
    assert title.left <= 0.05 * width
    assert layout.body.right >= 0.95 * width


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (800, 600)])
def test_on_4_3_the_question_gets_the_extra_height_and_a_third_larger_text(
    width: int, height: int
) -> None:
    four_three = card_layout(0, 0, width, height)
    band_of_the_same_width = card_layout(0, 0, width, width * 9 / 16)
    assert four_three.unit == pytest.approx(band_of_the_same_width.unit)
    assert four_three.body.height >= 1.8 * band_of_the_same_width.body.height
    largest = four_three.pixels(four_three.body_largest_font)
    assert largest >= 1.33 * band_of_the_same_width.pixels(band_of_the_same_width.body_largest_font)


def test_a_preview_takes_the_projectors_shape_centred_in_its_own() -> None:
    assert fitted_shape(400, 300, (1920, 1080)) == Box(0, 37.5, 400, 225)
    assert fitted_shape(400, 225, (1024, 768)) == Box(50, 0, 300, 225)


# --- the painted card -------------------------------------------------------------------------


def _drawn_rows(image: QImage, background: QColor) -> tuple[int, int]:
    """The first and last rows with anything but the background on them."""
    rows = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y) != background for x in range(0, image.width(), 4))
    ]
    return rows[0], rows[-1]


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (800, 600)])
def test_on_a_4_3_projector_the_drawn_card_spans_the_whole_height(
    qtbot, width: int, height: int
) -> None:
    canvas = canvas_for(qtbot, running(), width, height)
    image = canvas.grab().toImage()
    background = palette_for(Theme.DARK).background
    first, last = _drawn_rows(image, background)
    assert (last - first + 1) / height >= 0.9
    assert first < 0.08 * height


@pytest.mark.parametrize(("width", "height"), SHAPES)
@pytest.mark.parametrize(
    "content",
    [
        running(),
        running(phase=CardPhase.WARNING, countdown="0:24"),
        running(phase=CardPhase.PAUSED),
        running(phase=CardPhase.READY, countdown="2:00"),
        running(questions=(), step_title="Debrief", instruction="What did you notice?"),
        running(questions=(" ".join(["Why are we here, and what would change?"] * 12),)),
        running(
            groups=groups_page(
                "Conversations in pairs", 1, 3, [["Amara Okafor", "Bram de Vries"]] * 14, 1
            )
        ),
        CardContent(CardPhase.FINISHED, "Impromptu Networking"),
        None,
    ],
    ids=["running", "warning", "paused", "ready", "debrief", "long", "groups", "end", "waiting"],
)
def test_nothing_is_ever_cut_off(qtbot, width: int, height: int, content) -> None:
    canvas = canvas_for(qtbot, content, width, height)
    whole = rect_of(canvas.card_layout().card)
    assert canvas.painted
    for painted in canvas.painted:
        assert whole.contains(painted.rect), painted
        font = canvas.font()
        font.setPixelSize(painted.pixel_size)
        flags = 0x1000  # word wrap, as painted
        fits = text_fits(painted.text, font, painted.rect.width(), painted.rect.height(), flags)
        anywhere = text_fits(
            painted.text, font, painted.rect.width(), painted.rect.height(), flags | 0x2000
        )
        assert fits or anywhere, painted


def test_a_step_without_questions_shows_its_instruction_large(qtbot) -> None:
    debrief = running(
        questions=(),
        step_title="Debrief",
        instruction="What did you notice? What surprised you?",
        speaker=None,
        round=None,
    )
    canvas = canvas_for(qtbot, debrief, 1024, 768)
    shown = [p for p in canvas.painted if p.text == debrief.instruction]
    assert len(shown) == 1, "said once, not also in the small instruction line"
    layout = canvas.card_layout()
    assert rect_of(layout.body).contains(shown[0].rect)
    assert shown[0].pixel_size > 1.5 * layout.pixels(52)


def test_a_taller_card_shows_the_question_larger(qtbot) -> None:
    def question_size(width: int, height: int) -> int:
        canvas = canvas_for(qtbot, running(), width, height)
        return next(p.pixel_size for p in canvas.painted if p.text.startswith(QUESTIONS[0]))

    assert question_size(1024, 768) >= 1.25 * question_size(1024, 576)


def test_the_consoles_preview_shows_the_card_in_the_projectors_shape(harness) -> None:
    assert harness.app.start_run("impromptu-networking")
    card, preview = harness.app.card.canvas, harness.app.run_page.card_preview
    for width, height in ((1024, 768), (2560, 1080), (1920, 1080)):
        card.resize(width, height)
        shown = preview.card_layout().card
        assert shown.width / shown.height == pytest.approx(width / height, rel=0.02)
        assert shown.width <= preview.width() + 0.5
        assert shown.height <= preview.height() + 0.5
