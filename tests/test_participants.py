"""Reading participant names from plain lists and CSV files, and exporting groups as CSV."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import pytest

from facilitator.core.groups.participants import (
    MAX_BYTES,
    Participants,
    ParticipantsError,
    parse_participants,
    participants_to_csv,
    read_participants,
)

if TYPE_CHECKING:
    from pathlib import Path


def test_a_plain_list_ignores_blank_lines_spaces_and_comments() -> None:
    text = "# Tuesday group\n\n  Ann Smith  \nBob\n\n# late:\nCarla   de Vries\n"
    assert parse_participants(text, csv=False) == Participants(
        ("Ann Smith", "Bob", "Carla de Vries")
    )


def test_apart_lines_in_a_plain_list_name_pairs() -> None:
    text = "Ann\nBob\nCarla\nDirk\napart: Ann, Bob\nAPART: carla, Dirk, Ann\n"
    participants = parse_participants(text, csv=False)
    assert participants.names == ("Ann", "Bob", "Carla", "Dirk")
    assert participants.apart == (
        ("Ann", "Bob"),
        ("Carla", "Dirk"),
        ("Carla", "Ann"),
        ("Dirk", "Ann"),
    ), "every pair on a line, spelled as in the list"


def test_a_csv_with_a_name_column_and_an_apart_column() -> None:
    text = "Email;NAME;Apart\na@x.org;Ann;Bob\nb@x.org;Bob;\nc@x.org;Carla;ann\n"
    participants = parse_participants(text, csv=True)
    assert participants.names == ("Ann", "Bob", "Carla")
    assert participants.apart == (("Ann", "Bob"), ("Carla", "Ann"))


def test_a_single_column_csv_needs_no_header() -> None:
    assert parse_participants("Ann,\nBob,\n\nCarla,\n", csv=True).names == ("Ann", "Bob", "Carla")


def test_quoted_csv_names_may_hold_the_separator() -> None:
    text = 'name,apart\n"Smith, Ann",\n"Jones, Bob","Smith, Ann"\n'
    participants = parse_participants(text, csv=True)
    assert participants.names == ("Smith, Ann", "Jones, Bob")
    assert participants.apart == (("Jones, Bob", "Smith, Ann"),)


def test_csv_is_detected_by_the_first_line_or_the_suffix(tmp_path: Path) -> None:
    plain = tmp_path / "people.txt"
    plain.write_text("apart: Ann, Bob\nAnn\nBob\n", encoding="utf-8")
    assert read_participants(plain).apart == (("Ann", "Bob"),), "an apart line is no CSV"
    semicolons = tmp_path / "export.txt"
    semicolons.write_text("name;apart\nAnn;Bob\nBob;\n", encoding="utf-8")
    assert read_participants(semicolons).names == ("Ann", "Bob")
    suffix = tmp_path / "list.csv"
    suffix.write_text("Name\nAnn\nBob\n", encoding="utf-8")
    assert read_participants(suffix).names == ("Ann", "Bob")


def test_a_byte_order_mark_from_a_spreadsheet_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("name;apart\nAnn;\nBob;Ann\n".encode("utf-8-sig"))
    assert read_participants(path) == Participants(("Ann", "Bob"), (("Bob", "Ann"),))


@pytest.mark.parametrize(
    ("text", "as_csv", "expected"),
    [
        ("", False, "no names found"),
        ("# only a comment\n\n", False, "no names found"),
        ("name,apart\n", True, "no names found"),
        ("Ann\nBob\nann\nCarla\nBob\n", False, "duplicate names: Ann, Bob"),
        ("Ann\nBob\napart: Ann, Zoe\n", False, "line 3: 'Zoe' is to be kept apart but is not in"),
        ("Ann\napart: Ann\n", False, "line 2: expected two names or more"),
        ("Ann\nBob\napart: Ann, ann\n", False, "cannot be kept apart from themselves"),
        ("name,apart\nAnn,Zoe\n", True, "line 2: 'Zoe' is to be kept apart but is not in"),
        ("first,last\nAnn,Smith\n", True, "needs a header row with a 'name' column"),
        ("name,email\n,a@x.org\n", True, "line 2: the name is empty"),
    ],
)
def test_problems_are_told_in_one_clear_line(text: str, as_csv: bool, expected: str) -> None:
    with pytest.raises(ParticipantsError) as error:
        parse_participants(text, csv=as_csv)
    assert expected in str(error.value)
    assert "\n" not in str(error.value)


def test_a_file_over_one_megabyte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"x\n" * (MAX_BYTES // 2 + 1))
    with pytest.raises(ParticipantsError, match="larger than 1024 KB"):
        read_participants(path)


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Zoë\nAnn\n".encode("latin-1"))
    with pytest.raises(ParticipantsError, match=r"latin1\.txt: is not UTF-8"):
        read_participants(path)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ParticipantsError, match="no such file"):
        read_participants(tmp_path / "nobody.txt")


def test_file_problems_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "twice.txt"
    path.write_text("Ann\nAnn\n", encoding="utf-8")
    with pytest.raises(ParticipantsError, match=r"twice\.txt: duplicate names: Ann"):
        read_participants(path)


def test_groups_export_as_csv_with_round_group_and_name() -> None:
    rounds = [[["Ann", "Bob"], ["Carla", "Dirk, Jr."]], [["Ann", "Carla"], ["Bob", "Dirk, Jr."]]]
    text = participants_to_csv(rounds)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["round", "group", "name"]
    assert rows[1:4] == [["1", "1", "Ann"], ["1", "1", "Bob"], ["1", "2", "Carla"]]
    assert rows[4] == ["1", "2", "Dirk, Jr."], "a comma in a name stays in one cell"
    assert len(rows) == 9


def test_exported_names_never_run_as_spreadsheet_formulas() -> None:
    text = participants_to_csv([[['=HYPERLINK("x")', "Ann"]]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][2] == '\'=HYPERLINK("x")'
    assert rows[2][2] == "Ann"


def test_extra_csv_columns_become_attributes() -> None:
    people = parse_participants("name;Team;table\nAnn;Sales;3\nBob;;4\n")
    assert people.columns == ("Team", "table")
    assert people.values_of("Team") == {"Ann": "Sales", "Bob": ""}
    assert people.column("TEAM") == "Team"
    assert people.column("department") is None
    late = people.with_name("Cas")
    assert late.values_of("table") == {"Ann": "3", "Bob": "4", "Cas": ""}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("team,dept\nSales,x\nOps,y\n", "needs a header row with a 'name' column"),
        ("name,team\nAnn,A\nann,B\n", "duplicate names: Ann"),
        ("name,team\nAnn,A\n,B\n", "line 3: the name is empty"),
        ("name,team,Team\nAnn,A,B\n", "the column 'Team' twice"),
    ],
)
def test_bad_csv_input_is_one_line(text: str, expected: str) -> None:
    with pytest.raises(ParticipantsError, match=expected) as error:
        parse_participants(text, csv=True)
    assert "\n" not in str(error.value)


def test_more_than_a_hundred_thousand_rows_are_refused() -> None:
    rows = "".join(f"{n}\n" for n in range(100_001))
    with pytest.raises(ParticipantsError, match="the limit is 100,000"):
        parse_participants("name\n" + rows, csv=True)
    with pytest.raises(ParticipantsError, match="the limit is 100,000"):
        parse_participants(rows, csv=False)
    assert len(parse_participants(rows[: rows.index("100000\n")], csv=False).names) == 100_000


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Bob;=1+1", "Bob;'=1+1"),
        ("Ann,+SUM(A1)", "Ann,'+SUM(A1)"),
        ("Cas|@cmd", "Cas|'@cmd"),
        ("Dee\t-2", "Dee\t'-2"),
        ("Eve; =1", "Eve; '=1"),
        ("-Frank", "'-Frank"),
        ("Anne-Marie", "Anne-Marie"),
    ],
)
def test_a_formula_after_any_separator_a_spreadsheet_may_use_stays_text(
    name: str, shown: str
) -> None:
    text = participants_to_csv([[[name]]])
    line = text.splitlines()[1]
    assert line == f'"1","1","{shown}"', "every field quoted"
    assert list(csv.reader(io.StringIO(text)))[1][2] == shown


@pytest.mark.parametrize(
    "text",
    [
        "Ann\nBob\nCas\napart: Ann, Bob",
        'name,team,table\nAnn,Sales,3\n"Bob, Jr.",,4\nCas,Ops,3\napart: Ann, Cas',
    ],
)
def test_participants_written_as_text_read_back_the_same(text: str) -> None:
    from facilitator.core.groups.participants import participants_text

    people = parse_participants(text)
    assert parse_participants(participants_text(people)) == people
