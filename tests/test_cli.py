"""The command line, as scripts and facilitators use it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from facilitator.cli import main
from facilitator.core.documents.format import question_set_to_document
from tests.factories import question_set

if TYPE_CHECKING:
    from pathlib import Path


def _run(*arguments: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(arguments), out=out)
    return code, out.getvalue()


def test_list_shows_the_library_in_english_and_in_dutch() -> None:
    code, english = _run("list")
    assert code == 0
    lines = english.splitlines()
    assert lines[0].split() == ["ID", "NAME", "MIN", "GROUPS", "LANGUAGES"]
    row = next(line for line in lines if line.startswith("impromptu-networking "))
    assert "Impromptu Networking" in row
    assert " 20 " in row
    assert "pairs" in row
    assert "en,nl" in row
    assert len(lines) >= 17
    code, dutch = _run("list", "--lang", "nl")
    assert "Impromptu-netwerken" in dutch
    assert "1-2-4-Allen" in dutch


def test_show_json_gives_three_rounds_of_two_turns_with_transitions_and_cues() -> None:
    code, output = _run("show", "impromptu-networking", "--json")
    assert code == 0
    timeline = json.loads(output)
    assert timeline["id"] == "impromptu-networking"
    assert timeline["total_seconds"] == 1200
    turns = [s for s in timeline["segments"] if s["kind"] == "turn"]
    transitions = [s for s in timeline["segments"] if s["kind"] == "transition"]
    assert [(t["round"], t["speaker"]) for t in turns] == [
        (1, 1),
        (1, 2),
        (2, 1),
        (2, 2),
        (3, 1),
        (3, 2),
    ]
    assert {t["duration_seconds"] for t in turns} == {120}
    assert all(t["rounds"] == 3 and t["speakers"] == 2 for t in turns)
    assert [t["cue"] for t in turns] == ["round_start", "speaker_swap"] * 3
    assert len(transitions) == 3
    assert {t["cue"] for t in transitions} == {"transition"}
    assert len(turns[0]["questions"]) == 2
    for index, segment in enumerate(timeline["segments"]):
        assert segment["index"] == index
        for key in ("step", "start_seconds", "duration_seconds"):
            assert key in segment


def test_show_fits_and_switches_language() -> None:
    code, output = _run("show", "impromptu-networking", "--fit", "15", "--lang", "nl", "--json")
    timeline = json.loads(output)
    assert code == 0
    assert timeline["total_seconds"] == 900
    assert timeline["title"] == "Impromptu-netwerken"
    assert timeline["segments"][0]["questions"][0].startswith("Welke grote uitdaging")


def test_show_refuses_an_impossible_fit_in_plain_words(capsys: pytest.CaptureFixture) -> None:
    code, _ = _run("show", "impromptu-networking", "--fit", "3")
    assert code == 2
    assert "cannot be fitted into 3 minutes" in capsys.readouterr().err


def test_validate_explains_every_broken_file_in_one_line_each(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(question_set_to_document(question_set())))
    bad = tmp_path / "my-set.json"
    document = question_set_to_document(question_set())
    document["questions"] = "none"
    document["colour"] = "blue"
    bad.write_text(json.dumps(document))
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    code, output = _run("validate", str(good), str(bad), str(broken))
    assert code == 1
    lines = output.splitlines()
    assert lines[0] == f"{good}: valid question set 'test-set'"
    assert f'{bad}: questions: expected a list of questions, got "none"' in lines
    assert any(line.startswith(f"{bad}: colour: unknown field") for line in lines)
    assert any(line.startswith(f"{broken}: is not valid JSON") for line in lines)
    assert "Traceback" not in output
    assert _run("validate", str(good))[0] == 0


def test_import_then_export_gives_the_identical_file(tmp_path: Path, user_data_dir: Path) -> None:
    source = tmp_path / "shared.json"
    source.write_bytes(
        (
            json.dumps(question_set_to_document(question_set()), indent=2, ensure_ascii=False)
            + "\n"
        ).encode()
    )
    code, output = _run("import", str(source))
    assert code == 0
    assert "imported question set 'test-set'" in output
    assert (user_data_dir / "library" / "question-sets" / "test-set.json").is_file()
    exported = tmp_path / "again.json"
    assert _run("export", "test-set", str(exported))[0] == 0
    assert exported.read_bytes() == source.read_bytes()
    code, output = _run("import", str(source))
    assert code == 1
    assert "already has one of your own" in output
    assert _run("import", "--replace", str(source))[0] == 0


def test_import_refuses_an_invalid_file_and_a_built_in_id(
    tmp_path: Path, user_data_dir: Path
) -> None:
    invalid = tmp_path / "invalid.json"
    invalid.write_text('{"schema_version": 1, "type": "question_set"}')
    code, output = _run("import", str(invalid))
    assert code == 1
    assert "missing; this field is required" in output
    assert not (user_data_dir / "library").exists()
    clash = tmp_path / "clash.json"
    clash.write_text(
        json.dumps({**question_set_to_document(question_set()), "id": "impromptu-networking-en"})
    )
    code, output = _run("import", str(clash))
    assert code == 1
    assert "a built-in question set" in output


def test_export_does_not_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    target = tmp_path / "out.json"
    target.write_text("mine")
    assert _run("export", "impromptu-networking", str(target))[0] == 2
    assert target.read_text() == "mine"
    assert _run("export", "impromptu-networking", str(target), "--force")[0] == 0
    assert json.loads(target.read_text())["id"] == "impromptu-networking"


def test_python_dash_m_works_and_unknown_ids_are_explained() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "show", "no-such-thing"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "no structure 'no-such-thing' in the library" in result.stderr
    assert "Traceback" not in result.stderr


def test_groups_prints_rounds_and_repeats_and_json(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    people = [f"Person {n}" for n in range(1, 25)]
    names.write_text("\n".join([*people, "apart: Person 1, Person 2"]) + "\n", encoding="utf-8")
    code, output = _run("groups", str(names), "--size", "2", "--rounds", "3")
    assert code == 0
    assert output.count("Round ") == 3
    assert output.strip().endswith("Repeated encounters: 0")
    code, output = _run("groups", str(names), "--size", "4", "--rounds", "2", "--json")
    schedule = json.loads(output)
    assert code == 0
    assert {"rounds", "repeats"} <= set(schedule), "today's fields stay"
    assert schedule["repeats"] == 0
    assert len(schedule["rounds"]) == 2
    for round_groups in schedule["rounds"]:
        assert sorted(name for group in round_groups for name in group) == sorted(people)
        assert all(not {"Person 1", "Person 2"} <= set(group) for group in round_groups)


def test_groups_explains_a_bad_names_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Ann\nAnn\n", encoding="utf-8")
    assert _run("groups", str(names), "--size", "2", "--rounds", "1")[0] == 1
    assert "Ann" in capsys.readouterr().err


def test_list_plans_shows_each_plan_with_its_length_and_items() -> None:
    code, output = _run("list", "--plans")
    assert code == 0
    lines = output.splitlines()
    assert lines[0].split() == ["ID", "NAME", "MIN", "ITEMS"]
    row = next(line for line in lines if line.startswith("network-kick-off "))
    assert " 46 " in row
    assert "Welcome + Impromptu Networking + 15% Solutions" in row
    code, dutch = _run("list", "--plans", "--lang", "nl")
    assert "Aftrap van een netwerk" in dutch
    assert "Impromptu-netwerken" in dutch


def test_show_takes_a_plan_and_fits_the_whole_plan(capsys: pytest.CaptureFixture) -> None:
    code, output = _run("show", "network-check-up", "--json")
    assert code == 0
    timeline = json.loads(output)
    assert timeline["id"] == "network-check-up"
    assert timeline["total_seconds"] == 50 * 60
    assert timeline["segments"][0]["title"] == "Welcome"
    code, output = _run("show", "network-check-up", "--fit", "40", "--json")
    assert json.loads(output)["total_seconds"] == 40 * 60
    assert _run("show", "network-check-up", "--questions", "anything")[0] == 2
    assert "is a plan" in capsys.readouterr().err


def test_run_opens_straight_into_a_whole_plan(tmp_path: Path) -> None:
    data = tmp_path / "data"
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FACILITATOR_DATA_DIR": str(data),
        "PULSE_SERVER": "unix:/nonexistent",
    }
    app = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "facilitator",
            "run",
            "network-kick-off",
            "--fit",
            "35",
            "--windowed",
        ],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    record = data / "running-session.json"
    try:
        deadline = time.monotonic() + 30
        while not record.exists() and time.monotonic() < deadline and app.poll() is None:
            time.sleep(0.05)
        spec = json.loads(record.read_text(encoding="utf-8"))["spec"]
        assert (spec["kind"], spec["item_id"], spec["fit_minutes"]) == (
            "plan",
            "network-kick-off",
            35,
        )
    finally:
        app.terminate()
        app.wait(timeout=10)


def _teams_csv(tmp_path: Path) -> Path:
    path = tmp_path / "teams.csv"
    rows = [f"Person {n + 1},Team {n // 4 + 1}" for n in range(24)]
    path.write_text("name,team\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_groups_keeps_teams_apart_and_reports_it(tmp_path: Path) -> None:
    path = _teams_csv(tmp_path)
    code, output = _run("groups", str(path), "--size", "4", "--rounds", "3", "--apart", "team")
    assert code == 0
    assert "team (apart): 0 of 18 groups hold two people with the same team" in output
    assert output.strip().endswith("Repeated encounters: 0")
    code, output = _run(
        "groups", str(path), "--size", "4", "--rounds", "3", "--apart", "team", "--json"
    )
    result = json.loads(output)
    team_of = {f"Person {n + 1}": n // 4 for n in range(24)}
    for round_groups in result["rounds"]:
        for group in round_groups:
            assert len({team_of[name] for name in group}) == len(group)
    assert result["repeats"] == 0
    assert result["attributes"] == [
        {"column": "team", "rule": "apart", "groups_with_same_value": 0, "groups": 18}
    ]


def test_groups_says_when_more_rounds_are_asked_than_possible(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("".join(f"P{n}\n" for n in range(24)), encoding="utf-8")
    code, output = _run("groups", str(names), "--size", "4", "--rounds", "8")
    assert code == 0
    assert output.splitlines()[0] == (
        "24 people in foursomes: at most 7 rounds without a repeat; 8 asked: "
        "at least 12 pairs will meet twice"
    )
    code, output = _run("groups", str(names), "--size", "4", "--rounds", "8", "--json")
    result = json.loads(output)
    assert result["bound"]["most_rounds"] == 7
    assert result["max_meetings"] == 2, "nobody meets anybody three times"


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        ("team\nSales\n", ("--apart", "team"), "no column 'team'"),
        ("name,team\nAnn,A\nAnn,B\n", (), "duplicate names: Ann"),
        ("name,team\nAnn,A\n,B\n", (), "the name is empty"),
        ("dept,team\nA,B\n", (), "'name' column"),
        ("name,team\nAnn,A\nBob,B\n", ("--apart", "tema"), "no column 'tema'"),
        ("name,team\nAnn,A\nBob,A\nCas,A\n", ("--apart", "team"), "cannot keep team apart"),
    ],
)
def test_groups_refuses_bad_input_in_one_line_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture, content: str, options: tuple, message: str
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(content, encoding="utf-8")
    code, output = _run("groups", str(path), "--size", "2", "--rounds", "2", *options)
    assert code == 1
    assert output == "", "nothing formed"
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_groups_seconds_and_seed_give_the_same_groups_again(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("".join(f"P{n}\n" for n in range(21)), encoding="utf-8")
    options = ("groups", str(names), "--size", "3", "--rounds", "10", "--seed", "4")
    first = _run(*options, "--seconds", "2", "--json")
    assert first == _run(*options, "--seconds", "2", "--json")
    assert json.loads(first[1])["repeats"] == 0
