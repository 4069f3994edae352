"""Every figure of the project in one command: `python -m benchmarks` writes docs/performance.md.

    python -m benchmarks                  # everything (about eight minutes)
    python -m benchmarks --quick          # shorter runs of each (about two minutes)
    python -m benchmarks --with-build     # build the standalone app first (PyInstaller)
    python -m benchmarks --only startup cpu --output /tmp/figures.md

Each benchmark is a module of this folder that also runs alone (`python
benchmarks/bench_startup.py`); this runs them in turn, notes the machine they ran on, and
writes every figure beside its target. A benchmark that cannot run here (no Xvfb, no
PulseAudio, no build) is listed as skipped with the reason; one that fails is listed as
failed, and the others still run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks import (  # noqa: E402
    bench_build,
    bench_core,
    bench_countdown_cpu,
    bench_cue_latency,
    bench_grouping,
    bench_memory,
    bench_second_lateness,
    bench_startup,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

OUTPUT = REPO_ROOT / "docs" / "performance.md"
Rows = list[dict]


@dataclass(frozen=True)
class Options:
    """How the benchmarks are run."""

    quick: bool
    with_build: bool


@dataclass(frozen=True)
class Verdict:
    """A benchmark's headline: the figure, the target, and whether it is met."""

    figure: str
    target: str
    met: str
    """"yes", "no", "—" (no target) or "skipped"/"failed"."""


@dataclass(frozen=True)
class Benchmark:
    """One benchmark: how to run it and how to sum up its rows."""

    key: str
    title: str
    module: str
    run: Callable[[Options], Rows]
    judge: Callable[[Rows], Verdict]


def _yes(condition: bool) -> str:
    return "yes" if condition else "no"


# --- how each is run and judged ----------------------------------------------------------------


def _startup(options: Options) -> Rows:
    return bench_startup.run(runs=3 if options.quick else 7)


def _judge_startup(rows: Rows) -> Verdict:
    row = rows[0]
    return Verdict(
        f"median {row['median_s']:.2f} s, first {row['first_s']:.2f} s, worst "
        f"{row['worst_s']:.2f} s ({row['runs']} launches)",
        f"median at most {bench_startup.MEDIAN_TARGET_S:.2f} s",
        _yes(row["median_s"] <= bench_startup.MEDIAN_TARGET_S),
    )


def _cpu(options: Options) -> Rows:
    return bench_countdown_cpu.run(seconds=15 if options.quick else 60)


def _judge_cpu(rows: Rows) -> Verdict:
    row = rows[0]
    return Verdict(
        f"{row['app_cpu_percent']:.2f}% of one core ({row['app_cpu_s']:.2f} s of CPU); "
        f"X server {row['xserver_cpu_percent']:.2f}%",
        f"about {bench_countdown_cpu.TARGET_PERCENT:g}% of one core",
        _yes(row["ok"]),
    )


def _memory(options: Options) -> Rows:
    return bench_memory.run(speed=60, minutes=10 if options.quick else 60)


def _judge_memory(rows: Rows) -> Verdict:
    row = rows[0]
    last = [key for key in row if key.startswith("rss_") and key.endswith("min_mib")][-1]
    minutes = last[len("rss_") : -len("min_mib")]
    return Verdict(
        f"{row['growth_mib']:+.1f} MiB: {row['rss_1min_mib']:.1f} MiB after 1 run minute, "
        f"{row[last]:.1f} MiB after {minutes} (at 60x)",
        f"at most {bench_memory.RESIDENT_TARGET_MIB:g} MiB, growing at most "
        f"{bench_memory.GROWTH_TARGET_MIB:g} MiB",
        _yes(row["ok"]),
    )


def _second(options: Options) -> Rows:
    return bench_second_lateness.run(seconds=15 if options.quick else 60)


def _judge_second(rows: Rows) -> Verdict:
    by_stage = {row["stage"]: row for row in rows}
    painted, wake = by_stage["painted"], by_stage["wake"]
    return Verdict(
        f"card painted {painted['median_ms']:.1f} ms after the boundary (median), worst "
        f"{painted['worst_ms']:.1f} ms, drift {painted['drift_ms']:+.1f} ms; the timer wakes "
        f"{wake['median_ms']:.1f} ms after it",
        f"within a few ms (median ≤ {bench_second_lateness.MEDIAN_TARGET_MS:g} ms, worst ≤ "
        f"{bench_second_lateness.WORST_TARGET_MS:g} ms), no drift "
        f"(≤ {bench_second_lateness.DRIFT_TARGET_MS:g} ms)",
        _yes(all(by_stage[stage]["ok"] is True for stage in bench_second_lateness.JUDGED_STAGES)),
    )


def _cues(options: Options) -> Rows:
    if bench_cue_latency.audio_probe.missing_tools():
        return [{"scenario": "cue latency", "skipped": "PulseAudio is not installed"}]
    return bench_cue_latency.run(speed=20.0, fit_minutes=10.0 if options.quick else None)


def _judge_cues(rows: Rows) -> Verdict:
    def met(row: dict) -> bool:
        return bool(row["first_ok"] and row["later_ok"] and row["heard"] == row["cues"])

    parts = [
        f"{row['scenario']}: first {row['first_ms']} ms, later median "
        f"{row['later_median_ms']} ms, worst {row['later_worst_ms']} ms, "
        f"{row['heard']}/{row['cues']} heard right"
        + (f" ({len(row['problems'])} problems, see below)" if row["problems"] else "")
        for row in rows
    ]
    verdicts = [f"{row['scenario']}: {_yes(met(row))}" for row in rows]
    return Verdict(
        "; ".join(parts),
        f"first ≤ {bench_cue_latency.FIRST_TARGET_MS:g} ms, later ≤ "
        f"{bench_cue_latency.LATER_TARGET_MS:g} ms, every bell heard right",
        "yes" if all(met(row) for row in rows) else ", ".join(verdicts),
    )


def _core(_options: Options) -> Rows:
    return bench_core.run()


def _judge_core(rows: Rows) -> Verdict:
    day = next(row for row in rows if "day" in row["case"])
    library = next(row for row in rows if "load" in row["case"])
    return Verdict(
        f"{library['case']}: {library['median_s']:.2f} s (median); 100-step day: expanded in "
        f"{day['expand_ms']:.1f} ms, {day['per_update_us']:.0f} µs per clock update",
        "stated, no target",
        "—",
    )


def _grouping(_options: Options) -> Rows:
    return bench_grouping.run()


def _judge_grouping(rows: Rows) -> Verdict:
    known = [row for row in rows if row.get("kind") == "known maximum"]
    workshops = [row for row in rows if row.get("kind") == "workshop"]
    short = [f"{row['case']}: {row['reached']}" for row in known if row["repeats"]]
    slow_known = max(known, key=lambda row: row["seconds"])
    slowest = max(workshops, key=lambda row: row["seconds"])
    repeats = [f"{row['case']}: {row['repeats']}" for row in workshops if row["repeats"]]
    figure = (
        f"known maxima: {len(known) - len(short)} of {len(known)} reached with 0 repeats"
        + (f" (short: {'; '.join(short)})" if short else "")
        + f", slowest {slow_known['seconds']:.2f} s; workshops: slowest "
        f"{slowest['seconds']:.3f} s ({slowest['case']}); "
    )
    figure += "repeats in " + "; ".join(repeats) if repeats else "zero repeats in every case"
    met = not short and slow_known["seconds"] < 10.0 and slowest["seconds"] < 1.0
    return Verdict(
        figure,
        "every known maximum (issue 15, item 4) within 10 s; workshops under 1 s, zero repeats "
        "where possible",
        _yes(met) + (" (see repeats)" if repeats else ""),
    )


def _build(options: Options) -> Rows:
    return bench_build.run(build_first=options.with_build, runs=3 if options.quick else 5)


def _judge_build(rows: Rows) -> Verdict:
    row = rows[0]
    built = f", built in {row['build_s']:.0f} s" if row.get("build_s") is not None else ""
    return Verdict(
        f"{row['size']} on disk ({row['files']} files){built}; starts in "
        f"{row['start_median_s']:.2f} s (median, first {row['start_first_s']:.2f} s); "
        f"--self-test exit {row['self_test_exit']} in {row['self_test_s']:.1f} s",
        "stated, no target",
        "—" if row["self_test_exit"] == 0 else "self-test failed",
    )


BENCHMARKS = (
    Benchmark(
        "startup",
        "Start-up to both windows drawn",
        "bench_startup",
        _startup,
        _judge_startup,
    ),
    Benchmark(
        "cpu",
        "CPU while the card counts down",
        "bench_countdown_cpu",
        _cpu,
        _judge_cpu,
    ),
    Benchmark(
        "memory",
        "Memory after an hour of running",
        "bench_memory",
        _memory,
        _judge_memory,
    ),
    Benchmark(
        "second",
        "The shown second against the true boundary",
        "bench_second_lateness",
        _second,
        _judge_second,
    ),
    Benchmark("cues", "Cue to sound", "bench_cue_latency", _cues, _judge_cues),
    Benchmark(
        "core",
        "Library loading and the 100-step day",
        "bench_core",
        _core,
        _judge_core,
    ),
    Benchmark("grouping", "Groups without repeats", "bench_grouping", _grouping, _judge_grouping),
    Benchmark(
        "build",
        "The standalone build",
        "bench_build",
        _build,
        _judge_build,
    ),
)


# --- the machine -------------------------------------------------------------------------------


def machine() -> list[tuple[str, str]]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    try:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()} (PySide6 {pyside})"
    except ImportError:
        qt = "Qt not installed"
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kib = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f", {total_kib / 2**20:.0f} GiB memory"
    return [
        ("CPU", f"{cpu}, {os.cpu_count()} cores{memory}"),
        ("System", platform.platform()),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Qt", qt),
        ("Code", _commit()),
        ("Load average", _load()),
    ]


def _commit() -> str:
    def git(*arguments: str) -> str:
        return subprocess.run(
            ["git", *arguments], cwd=REPO_ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--untracked-files=no")
    return f"{commit}{' with uncommitted changes' if changed else ''}"


def _load() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f} (1, 5, 15 min) when the run began"


# --- the report --------------------------------------------------------------------------------


def _cell(value: object) -> str:
    if isinstance(value, float):
        text = f"{value:g}"
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, list):
        text = "; ".join(str(item) for item in value) or "—"
    elif value is None:
        text = "—"
    else:
        text = str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def table(rows: Rows) -> str:
    """Rows of dicts as a Markdown table (the union of their keys)."""
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    lines = [
        "| " + " | ".join(columns) + " |",
        "|" + "|".join(" --- " for _ in columns) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(_cell(row.get(column)) for column in columns) + " |")
    return "\n".join(lines)


def _paragraph(text: str) -> str:
    """A docstring paragraph as Markdown: lines joined, a "- " list kept a list."""
    items: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("- ") or not items:
            items.append(stripped)
        else:
            items[-1] += " " + stripped
    return "\n".join(items) if items[0].startswith("- ") else " ".join(items)


@dataclass
class Result:
    """What one benchmark gave."""

    benchmark: Benchmark
    rows: Rows
    verdict: Verdict
    seconds: float


def run_one(benchmark: Benchmark, options: Options) -> Result:
    """Run one benchmark; a failure becomes a row, not an exception."""
    print(f"benchmarks: {benchmark.key} …", file=sys.stderr, flush=True)
    started = time.monotonic()
    try:
        rows = benchmark.run(options)
        skipped = [row["skipped"] for row in rows if "skipped" in row]
        if skipped:
            verdict = Verdict(f"skipped: {'; '.join(skipped)}", "", "skipped")
        else:
            verdict = benchmark.judge(rows)
    except Exception as error:
        traceback.print_exc()
        rows = [{"failed": f"{type(error).__name__}: {error}"}]
        verdict = Verdict(f"failed: {type(error).__name__}: {error}", "", "failed")
    seconds = time.monotonic() - started
    print(f"benchmarks: {benchmark.key}: {verdict.figure}", file=sys.stderr, flush=True)
    return Result(benchmark, rows, verdict, seconds)


def report(
    results: Sequence[Result],
    options: Options,
    began: str,
    took: float,
    computer: list[tuple[str, str]],
) -> str:
    """docs/performance.md."""
    chosen = (("--quick", options.quick), ("--with-build", options.with_build))
    flags = " ".join(flag for flag, on in chosen if on)
    command = f"python -m benchmarks{' ' + flags if flags else ''}"
    parts = [
        "# Performance",
        f"Every figure below was measured by `{command}` on {began} (it took "
        f"{took / 60:.1f} minutes). Do not edit this file by hand: run the command again. Each "
        "benchmark also runs alone, e.g. `python benchmarks/bench_startup.py`.",
        "## The machine",
        "| | |\n| --- | --- |\n" + "\n".join(f"| {k} | {_cell(v)} |" for k, v in computer),
        "## Figures and targets",
        "| What | Measured | Target | Met |\n| --- | --- | --- | --- |\n"
        + "\n".join(
            f"| {r.benchmark.title} | {_cell(r.verdict.figure)} | {_cell(r.verdict.target)} | "
            f"{r.verdict.met} |"
            for r in results
        ),
        "## Details",
    ]
    for result in results:
        module = sys.modules[f"benchmarks.{result.benchmark.module}"]
        about = (module.__doc__ or "").strip().split("\n\n")
        parts.append(f"### {result.benchmark.title}")
        parts += [_paragraph(text) for text in about[1:]]
        parts.append(f"This took {result.seconds:.0f} s.")
        parts.append(table(result.rows))
        for title, rows in getattr(module, "extra_tables", list)():
            parts += [f"#### {title}", table(rows)]
    return "\n\n".join(parts) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks and write the report."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n", 1)[0]
    )
    parser.add_argument("--quick", action="store_true", help="shorter runs (about two minutes)")
    parser.add_argument(
        "--with-build", action="store_true", help="build the standalone app first (PyInstaller)"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=[b.key for b in BENCHMARKS],
        metavar="NAME",
        help=f"run only these: {', '.join(b.key for b in BENCHMARKS)}",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the report")
    arguments = parser.parse_args(argv)
    options = Options(arguments.quick, arguments.with_build)
    began = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    started = time.monotonic()
    computer = machine()  # the load average as the run begins
    chosen = [b for b in BENCHMARKS if not arguments.only or b.key in arguments.only]
    results = [run_one(benchmark, options) for benchmark in chosen]
    computer.append(("Load average at the end", _load().replace(" when the run began", "")))
    text = report(results, options, began, time.monotonic() - started, computer)
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(text, encoding="utf-8")
    print(f"benchmarks: wrote {arguments.output}", file=sys.stderr)
    failed = [r.benchmark.key for r in results if r.verdict.met == "failed"]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
