"""Racing copies: two copies of the app on one data folder, and nothing either saves is lost.

Single-instance start-up may fail (a lock on a read-only folder, two users, a copy started
from a script), so two copies can meet. Before: copy A saved a question set, copy B saved
the same set, and B's file silently replaced A's; a third copy offered to "resume" A's
session while A was still running it; B's session overwrote A's crash record, and ending
B deleted it, so after a crash of A nothing could be resumed.

Now a save checks that the file is still the one this copy loaded and otherwise asks
(keep theirs, keep mine as a copy, overwrite); settings are merged key by key; and each
running copy keeps a crash record of its own, offered only once that copy is gone.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from typing import TYPE_CHECKING, Any

import pytest

from facilitator.core.files.kinds import DocumentKind
from facilitator.core.timing.events import RunState
from tests.app_harness import Harness, build_harness
from tests.faults.support import REPO_ROOT, child_env, driver_command, log_tail, read_json_line

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from facilitator.models.editing.draft_model import DraftModel

SET_ID = "impromptu-networking-en"
SET_FILE = f"{SET_ID}.json"


def _edit(harness: Harness, title: str) -> DraftModel:
    """Open the question set in this copy's editor and retitle it (not saved yet)."""
    editors = harness.app.library_actions.editors
    window = editors.open_item(DocumentKind.QUESTION_SET, SET_ID)
    assert window is not None
    window.model.set_text(("title",), title)
    return window.model


def _saved_title(user_data_dir: Path, name: str = SET_FILE) -> str:
    path = user_data_dir / "library" / "question-sets" / name
    return json.loads(path.read_text(encoding="utf-8"))["title"]


@pytest.fixture
def two_copies(qtbot) -> tuple[Harness, Harness]:
    """Copies A and B on the same data folder, each with the same set open in its editor."""
    return build_harness(qtbot), build_harness(qtbot)


def test_the_second_save_asks_instead_of_replacing_the_first(
    two_copies: tuple[Harness, Harness], user_data_dir: Path
) -> None:
    a, b = two_copies
    mine_in_a, mine_in_b = _edit(a, "A's questions"), _edit(b, "B's questions")
    assert mine_in_a.save()
    assert _saved_title(user_data_dir) == "A's questions"
    assert not mine_in_b.save(), "B is asked; unanswered, nothing is saved"
    assert b.prompts.asked[-1] == ("changed", SET_FILE)
    assert _saved_title(user_data_dir) == "A's questions", "A's save is not replaced"
    assert mine_in_b.is_dirty, "B keeps its changes"


def test_keep_mine_as_a_copy_leaves_theirs_and_saves_mine_beside_it(
    two_copies: tuple[Harness, Harness], user_data_dir: Path
) -> None:
    from facilitator.core.files.guarded import Conflict

    a, b = two_copies
    mine_in_a, mine_in_b = _edit(a, "A's questions"), _edit(b, "B's questions")
    assert mine_in_a.save()
    b.prompts.changed_answers = [Conflict.KEEP_MINE_AS_COPY]
    assert mine_in_b.save()
    assert _saved_title(user_data_dir) == "A's questions"
    assert _saved_title(user_data_dir, f"{SET_ID}-mine.json") == "B's questions"
    assert mine_in_b.original_id == f"{SET_ID}-mine", "B's editor goes on with its copy"
    assert not mine_in_b.is_dirty
    assert b.app.library.library.find_question_set(f"{SET_ID}-mine") is not None


def test_overwrite_keeps_theirs_as_the_backup(
    two_copies: tuple[Harness, Harness], user_data_dir: Path
) -> None:
    from facilitator.core.files.guarded import Conflict

    a, b = two_copies
    mine_in_a, mine_in_b = _edit(a, "A's questions"), _edit(b, "B's questions")
    assert mine_in_a.save()
    b.prompts.changed_answers = [Conflict.OVERWRITE]
    assert mine_in_b.save()
    assert _saved_title(user_data_dir) == "B's questions"
    assert _saved_title(user_data_dir, f"{SET_FILE}.bak") == "A's questions"


def test_keep_theirs_closes_the_editor_without_saving(
    qtbot, two_copies: tuple[Harness, Harness], user_data_dir: Path
) -> None:
    from facilitator.core.files.guarded import Conflict

    a, b = two_copies
    mine_in_a, mine_in_b = _edit(a, "A's questions"), _edit(b, "B's questions")
    assert mine_in_a.save()
    b.prompts.changed_answers = [Conflict.KEEP_THEIRS]
    assert not mine_in_b.save()
    assert _saved_title(user_data_dir) == "A's questions"
    qtbot.waitUntil(lambda: not b.app.library_actions.editors.sessions, timeout=2000)
    entry = b.app.library.library.find_question_set(SET_ID)
    assert entry is not None
    assert entry.title == "A's questions", "B's library shows theirs"


def test_a_new_item_saved_under_an_id_another_copy_just_took_asks_too(
    two_copies: tuple[Harness, Harness], user_data_dir: Path
) -> None:
    a, b = two_copies
    mine_in_a, mine_in_b = _edit(a, "A's questions"), _edit(b, "B's questions")
    assert mine_in_a.save()
    mine_in_a.set_text(("title",), "A's second thoughts")
    assert mine_in_a.save(), "A saves over its own save: no question"
    assert a.prompts.asked == []
    assert not mine_in_b.save()
    assert _saved_title(user_data_dir) == "A's second thoughts"


def test_a_plan_saved_by_two_copies_asks_the_second(
    two_copies: tuple[Harness, Harness], user_data_dir: Path
) -> None:
    from facilitator.core.files.guarded import Conflict

    a, b = two_copies
    for copy, title in ((a, "Day one"), (b, "Day one, revised")):
        copy.app.plans.open("network-kick-off")
        copy.app.plans.set_title(title)
    assert a.app.plan_actions.save_plan()
    assert not b.app.plan_actions.save_plan(), "unanswered, nothing is saved"
    assert ("changed", "network-kick-off.json") in b.prompts.asked
    saved = json.loads(
        (user_data_dir / "library" / "plans" / "network-kick-off.json").read_text("utf-8")
    )
    assert saved["title"]["en"] == "Day one"
    assert b.app.plans.is_dirty, "B keeps its changes"
    b.prompts.changed_answers = [Conflict.KEEP_MINE_AS_COPY]
    assert b.app.plan_actions.save_plan()
    assert b.app.plans.plan is not None
    assert b.app.plans.plan.id == "network-kick-off-mine"
    assert (user_data_dir / "library" / "plans" / "network-kick-off-mine.json").exists()


def test_settings_changed_in_two_copies_keep_both_changes(
    two_copies: tuple[Harness, Harness], user_data_dir: Path
) -> None:
    a, b = two_copies
    a.app.preferences.update_sound(volume=0.3)
    b.app.preferences.update(warning_seconds=45)
    document = json.loads((user_data_dir / "preferences.json").read_text(encoding="utf-8"))
    assert document["sound"]["volume"] == 0.3, "A's change survives B's save"
    assert document["warning_seconds"] == 45
    assert b.app.preferences.value.sound.volume == 0.3, "B now holds A's change too"


# --- sessions: each copy its own crash record ------------------------------------------------

SPEED = 20.0


class RealWall:
    """The real wall clock (the children write their records by it)."""

    @property
    def now(self) -> float:
        return time.time()

    def __call__(self) -> float:
        return time.time()


def _records(user_data_dir: Path) -> list[Path]:
    return sorted(user_data_dir.glob("running-session-*.json"))


@pytest.fixture
def children(tmp_path: Path, user_data_dir: Path) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Child copies of the app (each a process of its own), killed at the end."""
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for child in started:
        if child.poll() is None:
            child.kill()
        child.wait()


def _start_copy(
    children: list[subprocess.Popen[bytes]], tmp_path: Path, user_data_dir: Path, *extra: str
) -> dict[str, Any]:
    log = tmp_path / f"copy-{len(children)}.log"
    with log.open("wb") as errors:
        child = subprocess.Popen(
            driver_command("rehearse", "impromptu-networking", "--speed", str(SPEED), *extra),
            env=child_env(tmp_path / f"copy-{len(children)}", user_data_dir),
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
    children.append(child)
    started = read_json_line(child, 60)
    assert started["event"] == "started", log_tail(log)
    return started


def _wait(condition: Any, what: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _resume_offers(harness: Harness) -> list[Any]:
    harness.app.offer_resume()
    return [n for n in harness.app.notices.notices if n.key.startswith("resume")]


def test_copies_never_touch_each_others_sessions(
    qtbot, tmp_path: Path, user_data_dir: Path, children: list[subprocess.Popen[bytes]]
) -> None:
    _start_copy(children, tmp_path, user_data_dir)
    _start_copy(children, tmp_path, user_data_dir, "--end-after", "3")
    a, b = children
    _wait(lambda: len(_records(user_data_dir)) == 2, "a record of each copy's session")
    a_record = next(p for p in _records(user_data_dir) if str(a.pid) in p.read_text())

    third = build_harness(qtbot, wall=RealWall())  # type: ignore[arg-type]
    assert _resume_offers(third) == [], "a session another copy is running is not offered"

    os.kill(a.pid, signal.SIGKILL)  # A crashes
    a.wait(10)
    ended = read_json_line(b, 30)  # B's facilitator ends B's session on purpose
    assert ended == {"event": "ended", "record_left": False}
    assert _records(user_data_dir) == [a_record], "ending B leaves A's record alone"

    fourth = build_harness(qtbot, wall=RealWall())  # type: ignore[arg-type]
    [offer] = _resume_offers(fourth)
    assert offer.text.startswith("The session \u201cImpromptu Networking\u201d was interrupted")
    offer.action()
    status = fourth.app.run.status()
    assert status is not None
    assert status.state is RunState.RUNNING
    assert not a_record.exists(), "the record is taken over, not copied"
    assert fourth.app.store.path.exists()


def test_two_copies_accepting_the_same_offer_resume_it_once(qtbot) -> None:
    crashed = build_harness(qtbot)
    assert crashed.app.start_run("impromptu-networking")
    crashed.app.run.start()
    crashed.advance(30)
    qtbot.waitUntil(lambda: crashed.app.store.load().sequencer["state"] == "running", timeout=2000)
    first, second = build_harness(qtbot), build_harness(qtbot)
    [offer_in_first] = _resume_offers(first)
    [offer_in_second] = _resume_offers(second)
    offer_in_first.action()
    assert first.app.run.session is not None
    offer_in_second.action()
    assert second.app.run.session is None, "resumed once, in the first copy"
    assert second.app.notices.texts()[-1] == (
        "The session \u201cImpromptu Networking\u201d is already running in another window."
    )


def test_the_record_of_an_older_version_still_resumes(qtbot, user_data_dir: Path) -> None:
    """Before copies kept records of their own, there was one `running-session.json`."""
    crashed = build_harness(qtbot)
    assert crashed.app.start_run("impromptu-networking")
    crashed.app.run.start()
    crashed.advance(200)
    qtbot.waitUntil(lambda: crashed.app.store.load().sequencer["index"] == 2, timeout=2000)
    record = json.loads(crashed.app.store.path.read_text(encoding="utf-8"))
    crashed.app.store.path.unlink()
    for newer in ("owner", "log"):
        del record[newer]
    legacy = user_data_dir / "running-session.json"
    legacy.write_text(json.dumps(record), encoding="utf-8")

    later = build_harness(qtbot, wall=crashed.wall)
    later.wall.now += 30
    [offer] = _resume_offers(later)
    assert "Impromptu Networking" in offer.text
    offer.action()
    status = later.app.run.status()
    assert status is not None
    assert (status.state, status.index) == (RunState.RUNNING, 2)
    assert not legacy.exists(), "the old record becomes this copy's own"
    assert later.app.store.path.exists()
