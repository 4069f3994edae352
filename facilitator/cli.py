"""The command line: `facilitator list/show/validate/import/export/run/groups`.

Scripts and other tools rely on these commands and options, so keep them stable.
Commands that do not open a window never import Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from facilitator import __version__
from facilitator.core.documents.library import Library, load_library
from facilitator.core.documents.registry import load_document, type_of_item
from facilitator.core.documents.sharing import IdClashError, export_item, import_file
from facilitator.core.files.jsonio import SaveError
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.problems import DocumentError
from facilitator.core.plans.schedule import PlanError, item_label, plan_schedule
from facilitator.core.sessions.record import SessionSpec
from facilitator.core.sessions.setup import RunSetupError, timeline_for
from facilitator.core.shown.timeline_text import table_lines, timeline_lines
from facilitator.core.workshop.structures import FALLBACK_LANGUAGE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from facilitator.core.timing.timeline import Timeline

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
MAX_GROUP_SIZE = 50


class CommandError(Exception):
    """A command could not do what was asked; the message is shown as is."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run Liberating Structures workshops: timed steps, bells, questions on the "
        "projector. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check in a few seconds that this installation can run a workshop, then exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = commands.add_parser("list", help="list the structures in the library")
    listing.add_argument("--lang", default=FALLBACK_LANGUAGE, help="language of the titles")
    listing.add_argument(
        "--plans", action="store_true", help="list the session plans instead of the structures"
    )

    show = commands.add_parser("show", help="show the timeline of a structure or a plan")
    show.add_argument("id", help="the structure's or plan's id (see `facilitator list`)")
    _add_run_options(show)
    show.add_argument("--json", action="store_true", help="print the timeline as JSON")

    validate = commands.add_parser("validate", help="check structure or question set files")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")

    importing = commands.add_parser("import", help="add files to your own library")
    importing.add_argument("files", nargs="+", type=Path, metavar="FILE")
    importing.add_argument(
        "--replace",
        action="store_true",
        help="replace a document with the same id (a built-in keeps its "
        "original; your copy takes its place)",
    )

    export = commands.add_parser("export", help="write a structure or question set to a file")
    export.add_argument("id")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    run = commands.add_parser("run", help="open the app straight into a run")
    run.add_argument("id", help="the structure's id, or a plan's id to run the whole plan")
    _add_run_options(run)
    run.add_argument(
        "--screen",
        type=int,
        default=None,
        metavar="N",
        help="show the card on screen N (0 is the first)",
    )
    run.add_argument(
        "--speed",
        type=float,
        default=1.0,
        metavar="FACTOR",
        help="rehearse faster: 10 runs a 20-minute structure in 2 minutes",
    )
    run.add_argument("--windowed", action="store_true", help="show the card in a window")

    groups = commands.add_parser("groups", help="form groups where nobody meets twice")
    groups.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="participant names: a plain list (one per line) or a CSV file",
    )
    groups.add_argument("--size", type=int, required=True, metavar="N", help="people per group")
    groups.add_argument("--rounds", type=int, required=True, metavar="R", help="number of rounds")
    groups.add_argument("--json", action="store_true", help="print the groups as JSON")
    groups.add_argument("--seed", type=int, default=0, help="another seed gives other groups")
    groups.add_argument(
        "--seconds",
        type=float,
        default=None,
        metavar="T",
        help="search longer for hard cases (the same T and seed give the same groups)",
    )
    for rule, text in (
        ("apart", "nobody shares a group with someone of the same value (e.g. team)"),
        ("mix", "as few groups as possible hold two of the same value"),
        ("together", "form the groups within each value (e.g. table, language)"),
    ):
        groups.add_argument(f"--{rule}", action="append", default=[], metavar="COLUMN", help=text)
    return parser


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--questions", metavar="SET_ID", help="the question set to show")
    parser.add_argument(
        "--fit",
        type=float,
        metavar="MINUTES",
        help="fit the structure (or the whole plan) to a length",
    )
    parser.add_argument("--lang", default=None, help="language of the texts (en, nl)")
    parser.add_argument(
        "--group-size",
        default=None,
        metavar="N",
        help="people per group, for structures whose rounds or turns follow the group "
        "(one round per member, one turn per person at the table)",
    )


def group_size_option(value: str | None) -> int | None:
    """The --group-size given, as a whole number; CommandError in one line when it is none."""
    if value is None:
        return None
    try:
        size = int(value.strip())
    except ValueError:
        size = 0
    if not 2 <= size <= MAX_GROUP_SIZE:
        raise CommandError(
            f"--group-size: expected a whole number from 2 to {MAX_GROUP_SIZE}, got {value!r}"
        )
    return size


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the process exit code."""
    out = out or sys.stdout
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    options = parser.parse_args(arguments)
    if options.self_test:
        from facilitator.selftest import run_self_test  # imports Qt only now

        return run_self_test(out)
    if options.command is None:
        return _open_app(options)
    handlers = {
        "list": _list,
        "show": _show,
        "validate": _validate,
        "import": _import,
        "export": _export,
        "run": _run,
        "groups": _groups,
    }
    try:
        return handlers[options.command](options, out)
    except CommandError as error:
        print(f"facilitator {options.command}: {error}", file=sys.stderr)
        return EXIT_USAGE


def _open_app(options: argparse.Namespace, library: Library | None = None) -> int:
    """Open the console (and with `run`, start straight into a run, on `library` if read)."""
    try:
        from facilitator.launch import run_app
    except ImportError as error:
        print(f"facilitator: the app cannot open its windows here: {error}", file=sys.stderr)
        build_parser().print_help()
        return EXIT_USAGE
    return run_app(options, library=library)


def _load(out: TextIO) -> Library:
    library = load_library()
    for problem in library.problems:
        print(f"skipped {problem}", file=sys.stderr)
    return library


def _list(options: argparse.Namespace, out: TextIO) -> int:
    library = _load(out)
    if options.plans:
        return _list_plans(library, options.lang, out)
    rows = [("ID", "NAME", "MIN", "GROUPS", "LANGUAGES")]
    for structure in library.structures():
        title, _ = structure.title.resolve(options.lang)
        shapes = ",".join(shape.value for shape in structure.group_shapes)
        languages = ",".join(sorted(structure.languages()))
        rows.append((structure.id, title, f"{structure.total_minutes:g}", shapes, languages))
    _print_table(rows, out)
    return EXIT_OK


def _list_plans(library: Library, language: str, out: TextIO) -> int:
    rows = [("ID", "NAME", "MIN", "ITEMS")]
    for plan in library.plans():
        title, _ = plan.title.resolve(language)
        try:
            minutes = f"{sum(p.seconds for p in plan_schedule(plan, library)) / 60:g}"
        except PlanError:
            minutes = "?"  # a structure it names is missing: `show` says which
        items = " + ".join(item_label(item, library, language) for item in plan.items)
        rows.append((plan.id, title, minutes, items))
    _print_table(rows, out)
    return EXIT_OK


def _print_table(rows: Sequence[tuple[str, ...]], out: TextIO) -> None:
    for line in table_lines(rows):
        print(line, file=out)


def prepare_timeline(
    library: Library,
    structure_id: str,
    *,
    questions: str | None,
    fit: float | None,
    language: str | None,
    group_size: int | None = None,
) -> Timeline:
    """The timeline a `show` or `run` asks for; CommandError explains any problem.

    `structure_id` may name a plan instead: its whole agenda becomes one timeline.
    """
    kind = item_kind(library, structure_id)
    if kind == DocumentKind.PLAN and questions is not None:
        raise CommandError(
            f"{structure_id!r} is a plan: each of its items brings its own questions, "
            "so --questions does not apply"
        )
    spec = SessionSpec(
        kind,
        structure_id,
        language or FALLBACK_LANGUAGE,
        questions_id=questions,
        fit_minutes=fit,
        group_size=group_size,
    )
    try:
        return timeline_for(library, spec)
    except RunSetupError as error:
        raise CommandError(str(error)) from None


def item_kind(library: Library, item_id: str) -> DocumentKind:
    """A plan when `item_id` names a plan and no structure, else a structure."""
    if (
        library.entry(DocumentKind.STRUCTURE, item_id) is None
        and library.entry(DocumentKind.PLAN, item_id) is not None
    ):
        return DocumentKind.PLAN
    return DocumentKind.STRUCTURE


def _show(options: argparse.Namespace, out: TextIO) -> int:
    group_size = group_size_option(options.group_size)
    library = _load(out)
    timeline = prepare_timeline(
        library,
        options.id,
        questions=options.questions,
        fit=options.fit,
        language=options.lang,
        group_size=group_size,
    )
    if options.json:
        json.dump(timeline.to_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_timeline(timeline, out)
    return EXIT_OK


def _print_timeline(timeline: Timeline, out: TextIO) -> None:
    for line in timeline_lines(timeline):
        print(line, file=out)


def _validate(options: argparse.Namespace, out: TextIO) -> int:
    status = EXIT_OK
    for path in options.files:
        try:
            item = load_document(path, label=str(path))
        except DocumentError as error:
            for problem in error.problems:
                print(problem, file=out)
            status = EXIT_PROBLEMS
            continue
        print(f"{path}: valid {type_of_item(item).label} {item.id!r}", file=out)
    return status


def _import(options: argparse.Namespace, out: TextIO) -> int:
    library = load_library()
    status = EXIT_OK
    for path in options.files:
        try:
            imported = import_file(path, library, replace=options.replace)
        except DocumentError as error:
            for problem in error.problems:
                print(problem, file=out)
            print(f"{path}: not imported", file=out)
            status = EXIT_PROBLEMS
            continue
        except IdClashError as error:
            print(f"{path}: not imported: {error} (use --replace)", file=out)
            status = EXIT_PROBLEMS
            continue
        except SaveError as error:
            print(f"{path}: not imported: {error}", file=out)
            status = EXIT_PROBLEMS
            continue
        kind = type_of_item(imported.item).label
        replaced = f", replacing the {imported.replaced.value} one" if imported.replaced else ""
        print(f"{path}: imported {kind} {imported.item.id!r}{replaced}", file=out)
        library = load_library()
    return status


def _export(options: argparse.Namespace, out: TextIO) -> int:
    library = _load(out)
    entry = library.find(options.id)
    if entry is None:
        raise CommandError(f"no structure or question set {options.id!r} in the library")
    if options.file.exists() and not options.force:
        raise CommandError(f"{options.file} exists already; use --force to overwrite it")
    try:
        export_item(entry.item, options.file)
    except SaveError as error:
        raise CommandError(str(error)) from None
    print(f"exported {type_of_item(entry.item).label} {options.id!r} to {options.file}", file=out)
    return EXIT_OK


def _run(options: argparse.Namespace, out: TextIO) -> int:
    if options.speed <= 0:
        raise CommandError("--speed must be greater than 0")
    options.group_size = group_size_option(options.group_size)
    library = _load(out)
    prepare_timeline(
        library,
        options.id,
        questions=options.questions,
        fit=options.fit,
        language=options.lang,
        group_size=options.group_size,
    )
    options.kind = item_kind(library, options.id)
    return _open_app(options, library)  # the library is read once, not again by the app


def _groups(options: argparse.Namespace, out: TextIO) -> int:
    from facilitator.core.groups.participants import ParticipantsError, read_participants
    from facilitator.core.groups.report import GroupRequest, form_groups

    try:
        participants = read_participants(options.file)
        rules = {"apart": options.apart, "mix": options.mix, "together": options.together}
        request = GroupRequest.of(participants, options.size, options.rounds, rules)
        result = form_groups(request, seed=options.seed, seconds=options.seconds)
    except ParticipantsError as error:
        print(f"facilitator groups: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except ValueError as error:
        print(f"facilitator groups: {options.file}: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if options.json:
        json.dump(result.to_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if result.bound.line():
        print(result.bound.line(), file=out)
    for number, groups in enumerate(result.schedule.rounds, start=1):
        print(f"Round {number}", file=out)
        for index, group in enumerate(groups, start=1):
            print(f"  {index:>3}. {', '.join(group)}", file=out)
    for report in result.attributes:
        print(
            f"{report.column} ({report.rule.value}): {report.groups_with_same_value} of "
            f"{report.groups} groups hold two people with the same {report.column}",
            file=out,
        )
    print(f"Repeated encounters: {result.schedule.repeats}", file=out)
    return EXIT_OK
