"""Where each part of the projector card goes, for a card of any shape and size.

The card is designed on a grid of units: 1920 units across a 16:9 screen, 1080 down.
A screen of another shape gets more units the other way (a 4:3 projector is 1920 by
1440 units, a 21:9 one 2520 by 1080), and the extra room goes where the room reads:
the question grows into the extra height, the bands stretch across the extra width.
Nothing is left as a black band. `card_layout` returns the boxes in pixels; the card
widget only paints text into them.
"""

from __future__ import annotations

from dataclasses import dataclass

DESIGN_WIDTH = 1920.0
DESIGN_HEIGHT = 1080.0
MARGIN = 72.0
"""Units left and right of the text."""

HEADER = (40.0, 84.0)
SPEAKER = (140.0, 104.0)
INSTRUCTION = (250.0, 110.0)
BODY_TOP = 380.0
BODY_HEIGHT = 440.0
"""The question's band on a 16:9 card; taller on a taller screen."""
CLOCK_HEIGHT = 200.0
PROGRESS_HEIGHT = 34.0
CLOCK_GAP = 16.0
"""Between the clock's band and the progress bar."""
GROUPS_TITLE = (136.0, 88.0)
GROUPS_GRID_TOP = 236.0
GROUPS_PAGE_HEIGHT = 48.0
GROUPS_PAGE_GAP = 4.0
"""Between the page line and the progress bar."""
PHASE_LABEL_WIDTH = 860.0
"""The header's right part when it names the round and the phase: "Round 2 of 3, step 3 of 4"."""
ROUND_LABEL_WIDTH = 640.0
FRAME_WIDTH = 14.0
"""The "almost time" frame around the whole card."""


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        """The right edge."""
        return self.left + self.width

    @property
    def bottom(self) -> float:
        """The bottom edge."""
        return self.top + self.height

    def contains(self, other: Box, tolerance: float = 0.01) -> bool:
        """Whether `other` lies entirely inside this box."""
        return (
            other.left >= self.left - tolerance
            and other.top >= self.top - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )


@dataclass(frozen=True)
class CardLayout:
    """The card's parts for one size of card, in pixels, and the unit they were laid out in."""

    card: Box
    unit: float
    """Pixels per design unit: a font of 52 units is `52 * unit` pixels high."""
    width_units: float
    """How many units wide the card is (1920 on 16:9 and anything taller)."""
    height_units: float
    """How many units high the card is (1080 on 16:9 and anything wider)."""

    def band(
        self, top: float, height: float, *, left: float = MARGIN, right: float = MARGIN
    ) -> Box:
        """A band `height` units high starting `top` units down, inset `left` and `right`."""
        return Box(
            self.card.left + left * self.unit,
            self.card.top + top * self.unit,
            max(0.0, (self.width_units - left - right) * self.unit),
            height * self.unit,
        )

    def pixels(self, units: float) -> float:
        """A length in pixels."""
        return units * self.unit

    @property
    def extra_height(self) -> float:
        """The units of height beyond a 16:9 card's (0 on 16:9 and wider)."""
        return self.height_units - DESIGN_HEIGHT

    # --- a running card ----------------------------------------------------------

    def header(self, right_label: bool, phase_label: bool) -> tuple[Box, Box]:
        """The step's title on the left and the round (or the phase) on the right."""
        width = (PHASE_LABEL_WIDTH if phase_label else ROUND_LABEL_WIDTH) if right_label else 0.0
        title = self.band(*HEADER, right=MARGIN + width)
        label = self.band(*HEADER, left=self.width_units - MARGIN - width)
        return title, label

    @property
    def speaker(self) -> Box:
        """Who speaks now."""
        return self.band(*SPEAKER)

    @property
    def instruction(self) -> Box:
        """The step's instruction, under who speaks."""
        return self.band(*INSTRUCTION)

    @property
    def who_acts(self) -> Box:
        """In a phase of a round: who acts now, over the speaker's and the instruction's bands."""
        return self.band(SPEAKER[0], INSTRUCTION[0] + INSTRUCTION[1] - SPEAKER[0])

    @property
    def body(self) -> Box:
        """The question (or a step's instruction when it has no question): all the height left."""
        return self.band(BODY_TOP, BODY_HEIGHT + self.extra_height)

    @property
    def body_largest_font(self) -> float:
        """The question's largest font, in units: larger on a taller card, as the band is."""
        return 104.0 * self.height_units / DESIGN_HEIGHT

    @property
    def clock_top(self) -> float:
        """Where the clock's band starts, in units."""
        return self.height_units - PROGRESS_HEIGHT - CLOCK_GAP - CLOCK_HEIGHT

    @property
    def clock(self) -> Box:
        """The countdown: the right half of the clock's band."""
        return self.band(self.clock_top, CLOCK_HEIGHT, left=self.width_units / 2)

    @property
    def status(self) -> Box:
        """Paused, almost time, time is up: the left half of the clock's band."""
        return self.band(self.clock_top, CLOCK_HEIGHT, right=self.width_units / 2)

    @property
    def clock_area(self) -> Box:
        """Everything that changes every second: the clock's band down to the bottom edge."""
        return self.band(self.clock_top, self.height_units - self.clock_top, left=0, right=0)

    @property
    def progress(self) -> Box:
        """The progress bar along the bottom edge."""
        return self.band(self.height_units - PROGRESS_HEIGHT, PROGRESS_HEIGHT, left=0, right=0)

    @property
    def frame(self) -> Box:
        """The "almost time" frame, just inside the card's edges (the middle of its line)."""
        inset = self.pixels(FRAME_WIDTH / 2)
        return Box(
            self.card.left + inset,
            self.card.top + inset,
            self.card.width - 2 * inset,
            self.card.height - 2 * inset,
        )

    # --- a card without a running step ---------------------------------------------

    @property
    def waiting(self) -> Box:
        """The app's name while no session is loaded, in the middle."""
        return self.band(380.0 + self.extra_height / 2, 320.0)

    @property
    def finished_title(self) -> Box:
        """The structure's title once it is over."""
        return self.band(260.0 + self.extra_height / 2, 260.0)

    @property
    def finished_message(self) -> Box:
        """The thank-you under it."""
        return self.band(560.0 + self.extra_height / 2, 160.0)

    # --- groups --------------------------------------------------------------------

    @property
    def groups_title(self) -> Box:
        """ "Find your group", left of the countdown."""
        return self.band(*GROUPS_TITLE, right=MARGIN + 520)

    @property
    def groups_clock(self) -> Box:
        """The countdown beside the groups' title."""
        return self.band(*GROUPS_TITLE, left=self.width_units - MARGIN - 480)

    @property
    def groups_page(self) -> Box:
        """ "Page 2 of 3", above the progress bar."""
        top = self.height_units - PROGRESS_HEIGHT - GROUPS_PAGE_GAP - GROUPS_PAGE_HEIGHT
        return self.band(top, GROUPS_PAGE_HEIGHT)

    @property
    def groups_grid(self) -> Box:
        """Where the groups' cells go: between the title and the page line."""
        page_top = self.height_units - PROGRESS_HEIGHT - GROUPS_PAGE_GAP - GROUPS_PAGE_HEIGHT
        return self.band(GROUPS_GRID_TOP, page_top - GROUPS_GRID_TOP)


def card_layout(left: float, top: float, width: float, height: float) -> CardLayout:
    """The layout of a card filling the rectangle at (`left`, `top`), `width` by `height` px."""
    width, height = max(1.0, width), max(1.0, height)
    unit = min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT)
    return CardLayout(Box(left, top, width, height), unit, width / unit, height / unit)


def fitted_shape(width: float, height: float, shape: tuple[float, float]) -> Box:
    """The largest rectangle of `shape` (width, height) centred in `width` by `height`.

    A preview shows the projector's card in its shape, whatever the preview's own.
    """
    shape_width, shape_height = shape
    if shape_width <= 0 or shape_height <= 0:
        return Box(0.0, 0.0, width, height)
    scale = min(width / shape_width, height / shape_height)
    fitted_width, fitted_height = shape_width * scale, shape_height * scale
    return Box(
        (width - fitted_width) / 2, (height - fitted_height) / 2, fitted_width, fitted_height
    )
