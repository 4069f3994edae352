"""Builds the real app with fake edges: a hand-moved clock, fake screens, a fake bell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.app import FacilitatorApp
from facilitator.core.settings.screens import ScreenInfo
from facilitator.core.timing.clock import FakeClock
from facilitator.platform.audio import FakeBellPlayer
from facilitator.platform.edges import Platform
from facilitator.platform.screens import FakeScreenProvider
from tests.scripted_prompts import ScriptedPrompts

if TYPE_CHECKING:
    from pathlib import Path

    from facilitator.ui.plan_page import PlanPage

LAPTOP = ScreenInfo("laptop", 0, 0, 1280, 800)
PROJECTOR = ScreenInfo("projector", 1280, 0, 1920, 1080)


class FakeWall:
    """A wall clock the test moves."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Harness:
    """The app and the fakes that drive it."""

    app: FacilitatorApp
    clock: FakeClock
    wall: FakeWall
    screens: FakeScreenProvider
    player: FakeBellPlayer
    prompts: ScriptedPrompts

    def advance(self, seconds: float) -> None:
        """Let `seconds` of run time pass and let the app catch up."""
        self.clock.advance(seconds)
        self.wall.now += seconds
        self.app.run.poll()

    def show_plans_tab(self) -> PlanPage:
        """Show the Plans tab of the console and return its page."""
        page = self.app.plan_actions.plan_page
        self.app.console.show_browse_tab(page)
        return page

    def card_texts(self) -> list[str]:
        """What the projector card paints now."""
        canvas = self.app.card.canvas
        canvas.repaint()
        canvas.grab()
        return list(canvas.painted_texts)


def build_harness(
    qtbot: object,
    screens: list[ScreenInfo] | None = None,
    data_dir: Path | None = None,
    clock: FakeClock | None = None,
    wall: FakeWall | None = None,
) -> Harness:
    """A fresh app on fake screens (laptop and projector unless told otherwise)."""
    clock = clock or FakeClock()
    wall = wall or FakeWall()
    provider = FakeScreenProvider(
        screens if screens is not None else [LAPTOP, PROJECTOR], console_screen="laptop"
    )
    player = FakeBellPlayer()
    prompts = ScriptedPrompts()
    app = FacilitatorApp(
        Platform(provider, player, clock=lambda _speed: clock, wall=wall),
        prompts=prompts,
        data_dir=data_dir,
    )
    qtbot.addWidget(app.console)  # type: ignore[attr-defined]
    qtbot.addWidget(app.card)  # type: ignore[attr-defined]
    app.console.resize(1280, 800)
    return Harness(app, clock, wall, provider, player, prompts)
