"""The session's participants and their groups, round by round, and what the card shows of them.

Groups are private to the session: the names live in this model (memory) and in the running
session's crash record (so a restart after a crash keeps them), and nowhere else unless the
facilitator exports the groups CSV.

Every round of every grouped step in the running timeline gets groups from `schedule_groups`,
one step after the other with the earlier rounds as history, so nobody meets twice where that
can be avoided (mixed sizes included). Rounds that have begun, or that the card has announced
during the run, never change again: a late arrival, a new size or a reshuffle only changes the
rounds to come. Names are read and groups formed off the GUI thread, on a `Background`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from facilitator.core.groups.attributes import Attribute, AttributeRule
from facilitator.core.groups.overview import (
    PlannedRound,
    bounds_beyond,
    column_reports,
    planned_rounds,
    repeats,
)
from facilitator.core.groups.participants import (
    Participants,
    ParticipantsError,
    participants_text,
    participants_to_csv,
)
from facilitator.core.groups.planning import GroupChoices, GroupMode, plan_groups
from facilitator.core.groups.record import GroupsRecord
from facilitator.core.groups.rounds import (
    GroupRound,
    GroupsOnCard,
    GroupStep,
    group_rounds,
    group_steps,
    groups_page,
    next_round,
    page_at,
    page_count,
    round_at,
)
from facilitator.core.timing.events import RunState
from facilitator.core.timing.timeline import SegmentKind
from facilitator.models.participants_reader import ParticipantsReader
from facilitator.platform.background import Background, InlineBackground, LatestOnly

if TYPE_CHECKING:
    from pathlib import Path

    from facilitator.core.groups.attributes import AttributeReport
    from facilitator.core.groups.bounds import RoundsBound
    from facilitator.core.groups.meetings import Round
    from facilitator.models.run_model import RunModel

ATTACHMENT = "groups"
"""The key of the groups in the session's crash record."""
MAX_SIZE = 12


class GroupsModel(QObject):
    """Participants, the groups of each round, and which round the card shows."""

    changed = Signal()
    """The names, the groups or what the card shows changed."""
    participantsUsed = Signal()
    """Names given (pasted, from a file, a late arrival) are in use now."""
    participantsRefused = Signal(str)
    """Names given cannot be used: why, in one line."""

    def __init__(
        self, run: RunModel, parent: QObject | None = None, *, background: Background | None = None
    ) -> None:
        super().__init__(parent)
        background = background or InlineBackground()
        self.reader = ParticipantsReader(background, self)
        self.reader.read.connect(self._use)
        self.reader.refused.connect(self.participantsRefused)
        self._planning = LatestOnly(background)
        self._run = run
        self._participants = Participants(())
        self._steps: tuple[GroupStep, ...] = ()
        self._rounds: tuple[GroupRound, ...] = ()
        self._groups: dict[str, Round] = {}
        self._announced: set[str] = set()
        self._sizes: dict[str, int] = {}
        self._modes: dict[str, GroupMode] = {}
        self._rules: dict[str, AttributeRule] = {}
        self._seed = 0
        self._error = ""
        self._auto_show = True
        self._requested: str | None = None
        self._pages_turned = 0
        """Pages turned by hand (N) since the card began showing this round's groups."""
        self._shown_key: str | None = None
        self._seen: tuple[object, ...] = ()
        """What the windows last heard about: announced only when it changes."""
        run.sessionChanged.connect(self._on_session)
        run.changed.connect(self._on_run_changed)
        self._on_session()

    # --- reading ------------------------------------------------------------------------

    @property
    def names(self) -> tuple[str, ...]:
        """The participants, in the order given."""
        return self._participants.names

    @property
    def apart(self) -> tuple[tuple[str, str], ...]:
        """The pairs who must never share a group."""
        return self._participants.apart

    @property
    def error(self) -> str:
        """Why the groups could not be formed as asked, or ""."""
        return self._error

    @property
    def steps(self) -> tuple[GroupStep, ...]:
        """The steps of the running timeline that form groups."""
        return self._steps

    def participants_text(self) -> str:
        """The participants as text that reads back the same (a list, or CSV with columns)."""
        return participants_text(self._participants)

    @property
    def columns(self) -> tuple[str, ...]:
        """The attribute columns of the participant list (team, department, ...)."""
        return self._participants.columns

    def rule_of(self, column: str) -> AttributeRule | None:
        """What is done with an attribute column: apart, mix, together, or None (nothing)."""
        return self._rules.get(column)

    def attributes(self) -> tuple[Attribute, ...]:
        """The attribute columns with a rule, with everybody's values."""
        return tuple(
            Attribute(column, rule, self._participants.values_of(column))
            for column, rule in self._rules.items()
            if column in self.columns
        )

    def choices(self) -> GroupChoices:
        """What the facilitator chose: names, pairs kept apart, sizes, modes, seed, rules."""
        return GroupChoices(
            self.names,
            self.apart,
            dict(self._sizes),
            dict(self._modes),
            self._seed,
            self.attributes(),
        )

    def _step(self, step_key: str) -> GroupStep | None:
        return next((s for s in self._steps if s.key == step_key), None)

    def size_of(self, step_key: str) -> int:
        """The group size used for a step."""
        return self.choices().size_of(self._step(step_key))

    def mode_of(self, step_key: str) -> GroupMode:
        """How a step's groups are formed: new, the same as the step before, or by people."""
        return self.choices().mode_of(self._step(step_key))

    def planned_rounds(self) -> list[PlannedRound]:
        """Every round that has groups, in the order they run."""
        return planned_rounds(self._rounds, self._groups, self.choices(), self._fixed_keys())

    def repeats(self) -> int:
        """Repeated encounters over all rounds (0: nobody meets anybody twice)."""
        return repeats(self.planned_rounds())

    def bounds_beyond(self) -> list[RoundsBound]:
        """For each step of new groups asked for more rounds than can be repeat-free: its bound."""
        return bounds_beyond(self._steps, len(self.names), self.choices())

    def attribute_reports(self) -> tuple[AttributeReport, ...]:
        """Per attribute with a rule: the groups that hold two people of the same value."""
        return column_reports(self.planned_rounds(), self.choices())

    def groups_csv(self) -> str:
        """Every round's groups as CSV (round, group, name): the only export with names."""
        return participants_to_csv(planned.groups for planned in self.planned_rounds())

    # --- participants ----------------------------------------------------------------------

    @property
    def forming(self) -> bool:
        """Whether names are being read or groups formed now (in the background)."""
        return self.reader.busy or self._planning.busy

    def set_participants_text(self, text: str) -> str:
        """Use pasted names (a list or CSV); why not when the answer came at once, else ""."""
        return self.reader.read_text(text)

    def load_participants(self, path: Path) -> str:
        """Use the names in a CSV or plain-list file; `participantsUsed` or `...Refused` follows."""
        return self.reader.read_file(path)

    def add_name(self, name: str) -> str:
        """A late arrival joins the rounds still to come; "" or why not."""
        name = " ".join(name.split())
        if not name:
            return ""
        if name.casefold() in {known.casefold() for known in self.names}:
            return self.tr("{name} is already in the list.").format(name=name)
        try:
            self._use(self._participants.with_name(name))
        except ParticipantsError as error:
            return str(error)
        return ""

    def _use(self, participants: Participants) -> None:
        self._participants = participants
        self._rules = {c: r for c, r in self._rules.items() if c in participants.columns}
        self._replan()
        self.participantsUsed.emit()

    # --- settings ------------------------------------------------------------------------------

    def set_size(self, step_key: str, size: int) -> None:
        """People per group in a step's rounds still to come."""
        size = max(2, min(MAX_SIZE, size))
        if self.size_of(step_key) != size:
            self._sizes[step_key] = size
            self._replan()

    def set_mode(self, step_key: str, mode: GroupMode) -> None:
        """New groups for a step, the step before's groups, or none (people choose)."""
        mode = GroupMode(mode)
        if mode is not self.mode_of(step_key):
            self._modes[step_key] = mode
            self._replan()

    def set_rule(self, column: str, rule: AttributeRule | None) -> None:
        """People of one value of `column`: kept apart, mixed, kept together, or None: ignored."""
        if column not in self.columns or self._rules.get(column) == rule:
            return
        if rule is None:
            self._rules.pop(column, None)
        else:
            self._rules[column] = AttributeRule(rule)
        self._replan()

    def reshuffle(self) -> None:
        """Other groups for the rounds still to come."""
        self._seed += 1
        self._replan()

    # --- the card ------------------------------------------------------------------------------

    @property
    def auto_show(self) -> bool:
        """Whether the card shows a round's groups during the change-over before it."""
        return self._auto_show

    def set_auto_show(self, shown: bool) -> None:
        """Show groups at change-overs, or only on request."""
        if shown != self._auto_show:
            self._auto_show = shown
            self._on_run_changed()

    @property
    def showing(self) -> bool:
        """Whether the card shows groups now."""
        return self._shown_round() is not None

    def toggle_shown(self) -> None:
        """Show the current (or next) round's groups on the card, or hide them."""
        if self.showing:
            self._requested = None
            shown = self._shown_round()
            if shown is not None:  # shown at a change-over: hide it for this round
                self._requested = ""
        else:
            wanted = self._target_round()
            self._requested = wanted.key if wanted else None
        self._on_run_changed()

    def next_page(self) -> None:
        """The next page of groups (wrapping), when they take several pages (the N key)."""
        self._pages_turned += 1
        self.changed.emit()

    def card_groups(self) -> GroupsOnCard | None:
        """The page of groups the card shows now, or None."""
        shown = self._shown_round()
        if shown is None:
            return None
        groups = self._groups[shown.key]
        page = self._page(groups)
        return groups_page(shown.step.card_title, shown.number, shown.step.rounds, groups, page)

    def _page(self, groups: Round) -> int:
        """The page the run's clock has come to in the segment running now, plus those turned
        by hand: the pages keep pace with the run at any speed (core/groups/rounds.py)."""
        status = self._run.status()
        if status is None or status.state is RunState.READY:
            return 1 + self._pages_turned
        elapsed = status.duration - status.remaining
        return page_at(elapsed, status.duration, page_count(groups)) + self._pages_turned

    def _target_round(self) -> GroupRound | None:
        """The round in progress, else the next one with groups."""
        status = self._run.status()
        if status is None or status.state is RunState.FINISHED:
            return None
        rounds = [r for r in self._rounds if r.key in self._groups]
        index = status.index if status.state is not RunState.READY else -1
        return round_at(rounds, index) or next_round(rounds, index)

    def _shown_round(self) -> GroupRound | None:
        status = self._run.status()
        if status is None or status.state is RunState.FINISHED:
            return None
        index = status.index
        if self._requested:
            wanted = next((r for r in self._rounds if r.key == self._requested), None)
            if wanted is not None and wanted.key in self._groups and index <= wanted.last_index:
                return wanted
            return None
        if self._requested == "" or not self._auto_show or status.segment is None:
            return None
        current = round_at(self._rounds, index)
        at_change_over = status.segment.kind is SegmentKind.TRANSITION
        if current is not None and at_change_over and current.key in self._groups:
            return current
        return None

    # --- following the run ----------------------------------------------------------------------

    def _on_session(self) -> None:
        session = self._run.session
        self._requested, self._pages_turned, self._shown_key = None, 0, None
        self._announced = set()
        if session is None:
            self._steps, self._rounds, self._groups = (), (), {}
            self._sync_card()
            self.changed.emit()
            return
        self._steps = group_steps(session.timeline)
        self._rounds = group_rounds(session.timeline)
        saved = session.attachments.get(ATTACHMENT)
        if not (isinstance(saved, dict) and self._restore(saved)):
            keys = {step.key for step in self._steps}
            self._sizes = {k: v for k, v in self._sizes.items() if k in keys}
            self._modes = {k: v for k, v in self._modes.items() if k in keys}
            self._groups = {}
            self._replan()
            return
        self._keep()
        self._sync_card()
        self.changed.emit()

    def _on_run_changed(self) -> None:
        status = self._run.status()
        if self._requested == "" and status is not None:
            # A hidden change-over stays hidden only until the run moves on.
            segment = status.segment
            at_change_over = segment is not None and segment.kind is SegmentKind.TRANSITION
            if round_at(self._rounds, status.index) is None or not at_change_over:
                self._requested = None
        self._sync_card()
        seen = (self._shown_key, self._pages_turned, frozenset(self._fixed_keys()), self._requested)
        if seen != self._seen:  # most changes of the run (a new turn, a pause) change nothing here
            self._seen = seen
            self.changed.emit()

    def _sync_card(self) -> None:
        """Start the pages of a round newly shown at its first; remember what was announced."""
        shown = self._shown_round()
        key = shown.key if shown else None
        if key != self._shown_key:
            self._shown_key, self._pages_turned = key, 0
        status = self._run.status()
        running = status is not None and status.state is not RunState.READY
        if shown is not None and running and key not in self._announced:
            self._announced.add(shown.key)
            self._keep()

    # --- planning the rounds ----------------------------------------------------------------------

    def _fixed_keys(self) -> set[str]:
        """Rounds that never change again: begun, or announced on the card during the run."""
        status = self._run.status()
        if status is None or status.state is RunState.READY:
            return set()
        if status.state is RunState.FINISHED:
            return {r.key for r in self._rounds}
        begun = {r.key for r in self._rounds if r.first_index <= status.index}
        return (begun | self._announced) & set(self._groups)

    def _replan(self) -> None:
        """Form groups for every round still to come, after the fixed ones."""
        fixed = self._fixed_keys()
        kept = {key: groups for key, groups in self._groups.items() if key in fixed}
        self._groups, self._error = kept, ""
        steps, rounds, choices = self._steps, self._rounds, self.choices()
        self._planning.submit(lambda: plan_groups(steps, rounds, choices, kept), self._planned)
        if self._planning.busy:
            self.changed.emit()  # the panel says the groups are being formed

    def _planned(self, groups: dict[str, Round] | None, error: Exception | None) -> None:
        if isinstance(error, ValueError):
            self._error = str(error)
        elif error is not None:
            raise error
        elif groups is not None:
            self._groups = groups
        self._keep()
        self._sync_card()
        self.changed.emit()

    # --- the crash record ----------------------------------------------------------------------

    def _keep(self) -> None:
        """Put the names and groups in the session's crash record (never in the library)."""
        session = self._run.session
        if session is None:
            return
        record = GroupsRecord(
            self._participants,
            dict(self._sizes),
            dict(self._modes),
            dict(self._rules),
            self._seed,
            dict(self._groups),
            frozenset(self._announced),
        )
        session.attachments[ATTACHMENT] = record.to_json()
        session.save()

    def _restore(self, saved: dict[str, Any]) -> bool:
        """Take the names and groups back from a crash record; False when it does not fit."""
        record = GroupsRecord.from_json(saved, {r.key for r in self._rounds})
        if record is None:
            return False
        self._participants, self._rules = record.participants, dict(record.rules)
        self._groups, self._sizes = dict(record.groups), dict(record.sizes)
        self._modes, self._seed = dict(record.modes), record.seed
        self._announced = set(record.announced)
        return True
