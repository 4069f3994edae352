"""Groups in the windows: pasted names, each round's groups on the card, late arrivals, CSV.

Offscreen, with a hand-moved clock; the card is read back from what it painted.
"""

from __future__ import annotations

import csv
import io
from itertools import combinations
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.core.groups.rounds import PAGE_SECONDS, groups_per_page
from facilitator.core.groups.scheduler import count_meetings
from facilitator.core.timing.events import RunState
from tests.app_harness import Harness, build_harness

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from PySide6.QtWidgets import QWidget

    from facilitator.ui.groups_panel import GroupsPanel

NAMES = [f"Person {letter}{number}" for letter in "ABCDEF" for number in range(1, 5)]
"""24 names."""


def _panel(harness: Harness) -> GroupsPanel:
    return harness.app.plan_actions.groups_panel


def _paste(harness: Harness, names: list[str], extra: str = "") -> None:
    panel = _panel(harness)
    panel.names_edit.setPlainText("\n".join(names) + extra)
    panel.apply_button.click()


def _press(qtbot, window: QWidget, key: Qt.Key) -> None:
    """Press a key with `window` clicked last; the card never takes the keyboard, so a key
    pressed "on the card" reaches the console (ui/card_window.py)."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=2000)
    active = QApplication.activeWindow()
    assert not active.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus, "the card took focus"
    QTest.keyClick(active, key)


def _rounds(harness: Harness) -> list[tuple[tuple[str, ...], ...]]:
    return [planned.groups for planned in harness.app.groups.planned_rounds()]


def _group_texts(harness: Harness, names: list[str]) -> set[str]:
    return set(harness.card_texts()) & set(names)


def test_pasted_names_get_new_partners_every_round(harness: Harness) -> None:
    assert harness.app.start_run("impromptu-networking")
    _paste(harness, NAMES)
    panel = _panel(harness)
    assert panel.message.text() == "24 participants, 0 pairs kept apart"
    rounds = _rounds(harness)
    assert len(rounds) == 3
    assert all(len(groups) == 12 for groups in rounds)
    assert all(sorted(n for g in groups for n in g) == sorted(NAMES) for groups in rounds)
    assert max(count_meetings(rounds).values()) == 1
    assert panel.summary.text() == "Nobody meets anybody twice."
    assert "Conversations in pairs, round 3 of 3" in panel.rounds_view.toPlainText()


def test_each_rounds_groups_show_on_the_card_at_its_change_over(harness: Harness) -> None:
    assert harness.app.start_run("impromptu-networking")
    _paste(harness, NAMES)
    harness.app.run.start()
    assert not _group_texts(harness, NAMES)  # the invitation shows the questions
    harness.advance(120)  # the change-over before round 1
    texts = harness.card_texts()
    assert "Find your group" in texts
    assert "Round 1 of 3" in texts
    assert _group_texts(harness, NAMES) == set(NAMES)
    first_round = _rounds(harness)[0]
    assert harness.app.presenter.content.groups.groups == first_round
    harness.advance(60)  # round 1 talks: the questions are back
    assert not _group_texts(harness, NAMES)
    assert "Person A speaks" in harness.card_texts()
    harness.advance(240)  # the change-over before round 2 shows round 2's groups
    assert "Round 2 of 3" in harness.card_texts()
    assert harness.app.presenter.content.groups.groups == _rounds(harness)[1]


def test_the_g_key_shows_and_hides_the_groups_on_request(harness: Harness, qtbot) -> None:
    assert harness.app.start_run("impromptu-networking")
    _paste(harness, NAMES)
    harness.app.run.start()
    _press(qtbot, harness.app.card, Qt.Key.Key_G)  # during the invitation: the coming round
    assert _group_texts(harness, NAMES) == set(NAMES)
    assert "Round 1 of 3" in harness.card_texts()
    _press(qtbot, harness.app.console, Qt.Key.Key_G)
    assert not _group_texts(harness, NAMES)
    harness.advance(120)  # at the change-over they show by themselves...
    assert _group_texts(harness, NAMES)
    _press(qtbot, harness.app.card, Qt.Key.Key_G)  # ...unless hidden for this one
    assert not _group_texts(harness, NAMES)
    _panel(harness).auto_show.setChecked(False)
    harness.advance(300)  # the change-over before round 2: not shown without asking
    assert not _group_texts(harness, NAMES)


def test_sixty_names_take_pages_that_turn_by_themselves_or_by_key(harness: Harness, qtbot) -> None:
    names = [f"Participant {number:02d}" for number in range(1, 61)]
    assert harness.app.start_run("impromptu-networking")
    _paste(harness, names)
    harness.app.run.start()
    harness.advance(120)
    per_page = groups_per_page(2)
    assert per_page < 30  # thirty pairs do not fit on one page
    content = harness.app.presenter.content.groups
    assert (content.page, content.pages) == (1, 3)
    shown = _group_texts(harness, names)
    assert len(shown) == 2 * per_page
    assert "Page 1 of 3" in harness.card_texts()
    harness.advance(PAGE_SECONDS)  # the page turns after a few seconds of the run
    second = _group_texts(harness, names)
    assert "Page 2 of 3" in harness.card_texts()
    assert not second & shown
    _press(qtbot, harness.app.card, Qt.Key.Key_N)
    third = _group_texts(harness, names)
    assert "Page 3 of 3" in harness.card_texts()
    assert shown | second | third == set(names)
    assert str(per_page * 2 + 1) in harness.card_texts()  # groups keep their numbers


def test_a_late_arrival_joins_the_rounds_to_come_only(harness: Harness) -> None:
    assert harness.app.start_run("impromptu-networking")
    _paste(harness, NAMES)
    harness.app.run.start()
    harness.advance(120 + 300)  # the change-over before round 2: its groups are announced
    assert harness.app.run.status().index == 4
    before = _rounds(harness)
    panel = _panel(harness)
    panel.late_name.setText("Latecomer Lou")
    panel.add_button.click()
    after = _rounds(harness)
    assert after[:2] == before[:2]  # round 1 ran, round 2 is on the card: unchanged
    assert "Latecomer Lou" in {name for group in after[2] for name in group}
    assert after[2] != before[2]
    assert max(count_meetings(after).values()) == 1
    assert "Latecomer Lou" in panel.names_edit.toPlainText()
    assert "(fixed)" in panel.rounds_view.toPlainText()
    panel.late_name.setText("latecomer lou")
    panel.add_button.click()
    assert "already in the list" in panel.message.text()


def test_pairs_kept_apart_never_share_a_group(harness: Harness) -> None:
    assert harness.app.start_run("impromptu-networking")
    _paste(harness, NAMES, "\napart: Person A1, Person A2, Person A3")
    assert _panel(harness).message.text() == "24 participants, 3 pairs kept apart"
    meetings = count_meetings(_rounds(harness))
    for pair in combinations(["Person A1", "Person A2", "Person A3"], 2):
        assert tuple(sorted(pair)) not in meetings


def test_a_bad_list_says_why_and_keeps_the_groups(harness: Harness) -> None:
    assert harness.app.start_run("impromptu-networking")
    _paste(harness, NAMES)
    before = _rounds(harness)
    _paste(harness, ["Ann", "ann"])
    assert "duplicate names: Ann" in _panel(harness).message.text()
    assert _rounds(harness) == before


def test_small_groups_and_sizes_follow_the_steps(harness: Harness) -> None:
    # Learn and Teach Circles: three circles, each going round three times (who I am, learn,
    # teach) in the same circle; a new circle after each shuffle.
    assert harness.app.start_run("learn-and-teach-circles")
    _paste(harness, NAMES)
    panel = _panel(harness)
    assert len(panel.size_spins) == 9
    assert {spin.value() for spin in panel.size_spins.values()} == {
        5
    }  # circles of 4 to 6: five chairs
    rounds = _rounds(harness)
    assert [len(groups) for groups in rounds] == [4] * 9  # 24 in fives: four circles of six
    assert rounds[0] == rounds[1] == rounds[2] != rounds[3]  # go-rounds keep the circle
    for circle in ("circle-1-intro", "circle-2-intro", "circle-3-intro"):
        panel.size_spins[circle].setValue(4)
    assert [len(groups) for groups in _rounds(harness)] == [6] * 9
    assert harness.app.groups.repeats() == 0


def test_the_groups_csv_is_written_where_the_facilitator_asks(
    harness: Harness, tmp_path: Path
) -> None:
    assert harness.app.start_run("impromptu-networking")
    _paste(harness, ["=Formula", *NAMES[1:]])
    controller = harness.app.plan_actions
    target = tmp_path / "groups.csv"
    controller.choose_save_path = lambda *_args: target
    _panel(harness).export_button.click()
    lines = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert lines[0] == ["round", "group", "name"]
    assert len(lines) == 1 + 3 * 24
    assert lines[1][:2] == ["1", "1"]
    assert ["'=Formula"] in [line[2:] for line in lines]  # never a spreadsheet formula
    assert any("groups are saved" in text for text in harness.app.notices.texts())


def test_participants_are_imported_from_a_csv_file(harness: Harness, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("name;apart\nAnn;Bob\nBob;\nCas;\nDee;\n", encoding="utf-8")
    assert harness.app.start_run("impromptu-networking")
    controller = harness.app.plan_actions
    controller.choose_open_path = lambda *_args: source
    _panel(harness).import_button.click()
    assert harness.app.groups.names == ("Ann", "Bob", "Cas", "Dee")
    assert harness.app.groups.apart == (("Ann", "Bob"),)
    assert "apart: Ann, Bob" in _panel(harness).names_edit.toPlainText()


def test_names_stay_in_the_session_and_its_crash_record_only(
    qtbot, user_data_dir: Path, tmp_path: Path
) -> None:
    first = build_harness(qtbot)
    assert first.app.start_run("impromptu-networking")
    _paste(first, NAMES)
    first.app.run.start()
    first.advance(120 + 60)
    qtbot.waitUntil(lambda: first.app.store.load().sequencer["index"] == 2, timeout=2000)
    groups = _rounds(first)
    record = first.app.store.path.read_text(encoding="utf-8")
    assert "Person A1" in record  # kept for a restart after a crash
    # A plan saved and a sheet written meanwhile hold no names.
    first.app.plans.open("network-kick-off")
    first.app.plan_actions.save_plan()
    sheet = tmp_path / "sheet.md"
    first.app.plan_actions.choose_save_path = lambda *_args: sheet
    first.app.plan_actions.ask_sheet(plan=True)
    assert "Person" not in sheet.read_text(encoding="utf-8")
    library = user_data_dir / "library"
    assert library.is_dir()
    for path in library.rglob("*"):
        if path.is_file():
            assert "Person A1" not in path.read_text(encoding="utf-8"), path
    # The laptop dies: the names and groups come back with the session.
    second = build_harness(qtbot, wall=first.wall)
    second.app.offer_resume()
    [offer] = [n for n in second.app.notices.notices if n.key == "resume"]
    offer.action()
    assert second.app.groups.names == tuple(NAMES)
    assert _rounds(second) == groups
    assert second.app.run.status().state is RunState.RUNNING
    # Ending the session on purpose removes the record, names and all.
    second.app.end_session()
    assert not second.app.store.path.exists()


def test_a_step_that_goes_on_in_the_same_groups_keeps_them(harness: Harness) -> None:
    from facilitator.core.groups.planning import GroupMode

    assert harness.app.start_run("helping-heuristics")  # trios that explain, then help: same
    _paste(harness, NAMES)
    share, consult, _debrief = harness.app.groups.planned_rounds()
    assert consult.same_as_before
    assert consult.groups == share.groups
    assert harness.app.groups.repeats() == 0
    assert "the same groups as the step before" in _panel(harness).rounds_view.toPlainText()
    choice = _panel(harness).mode_choice[consult.round.step.key]
    choice.setCurrentIndex(choice.findData(GroupMode.NEW))
    share, consult, _debrief = harness.app.groups.planned_rounds()
    assert not consult.same_as_before
    assert consult.groups != share.groups
    assert harness.app.groups.repeats() == 0


def test_the_groups_keys_are_in_the_shortcut_help(harness: Harness) -> None:
    rows = dict(harness.app.plan_actions.shortcut_table())
    assert rows == {
        "Show or hide the groups on the card": "G",
        "Next page of groups": "N",
    }


def test_the_panels_survive_a_change_of_language(harness: Harness) -> None:
    assert harness.app.start_run("impromptu-networking")
    _paste(harness, NAMES)
    harness.app.plans.open("network-kick-off")
    before = _rounds(harness)
    harness.app.preferences.update(language="nl")  # the console is built again in Dutch
    controller = harness.app.plan_actions
    keys = [a for a in harness.app.card.actions() if a.shortcut().toString() == "G"]
    assert keys == [controller.show_groups]  # the old console's key left the card
    assert _rounds(harness) == before
    assert controller.groups_panel.names_edit.toPlainText().startswith("Person A1")
    assert controller.plan_page.row_texts()[0][1] == "Welkom"


def test_the_countdown_above_the_groups_repaints_every_second(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert harness.app.start_run("impromptu-networking")
    _paste(harness, NAMES)
    harness.app.run.start()
    harness.advance(120)
    assert "1:00" in harness.card_texts()
    canvas = harness.app.card.canvas
    updates: list[tuple[object, ...]] = []
    monkeypatch.setattr(canvas, "update", lambda *area: updates.append(area))
    harness.advance(1)
    assert updates
    assert updates[-1] == ()


def test_one_two_four_all_foursomes_are_the_pairs_joined(harness: Harness) -> None:
    from facilitator.core.groups.planning import GroupMode

    assert harness.app.start_run("1-2-4-all")
    _paste(harness, NAMES)
    pairs, foursomes = harness.app.groups.planned_rounds()
    assert foursomes.joined_from == pairs.groups
    for foursome in foursomes.groups:
        assert sum(1 for pair in pairs.groups if set(pair) <= set(foursome)) == 2
    assert harness.app.groups.repeats() == 0, "the pairs that go on together are no repeat"
    panel = _panel(harness)
    assert "the groups of the step before, joined" in panel.rounds_view.toPlainText()
    choice = panel.mode_choice[foursomes.round.step.key]
    assert choice.currentData() == GroupMode.JOIN
    choice.setCurrentIndex(choice.findData(GroupMode.NEW))
    pairs, foursomes = harness.app.groups.planned_rounds()
    assert foursomes.joined_from is None
    assert not any(set(pair) <= set(group) for pair in pairs.groups for group in foursomes.groups)


def test_a_team_column_can_be_kept_apart_from_the_panel(harness: Harness) -> None:
    from facilitator.core.groups.attributes import AttributeRule

    assert harness.app.start_run("impromptu-networking")
    panel = _panel(harness)
    assert panel.columns_box.isHidden()
    narrowest = panel.minimumSizeHint().width()
    rows = [f"{name},{name[-2]}" for name in NAMES]  # team A..F, four people each
    panel.names_edit.setPlainText("name,team\n" + "\n".join(rows))
    panel.apply_button.click()
    assert not panel.columns_box.isHidden()
    assert panel.names_edit.toPlainText().startswith("name,team\n"), "the column stays"
    choice = panel.rule_choice["team"]
    choice.setCurrentIndex(choice.findData(AttributeRule.APART))
    assert harness.app.groups.rule_of("team") is AttributeRule.APART
    for planned in harness.app.groups.planned_rounds():
        for group in planned.groups:
            assert len({name[-2] for name in group}) == len(group)
    assert "team: 0 of 36 groups hold two of the same value." in panel.summary.text()
    assert harness.app.groups.repeats() == 0
    assert panel.minimumSizeHint().width() <= narrowest, "the column choices add no width"
