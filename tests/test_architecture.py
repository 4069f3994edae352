"""The layering rules of DEVELOPERS.md, checked on the source itself."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "facilitator"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_core_sources_never_import_qt() -> None:
    offenders = []
    core_files = sorted((PACKAGE / "core").rglob("*.py"))
    assert len(core_files) > 5, "the core package was not found"
    for path in core_files:
        for module in _imported_modules(path):
            if module.split(".")[0] in QT_MODULES:
                offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    assert not offenders, "\n".join(offenders)


def test_importing_the_whole_core_and_cli_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in (PACKAGE / "core").rglob("*.py")
        if p.stem != "__init__"
    )
    code = (
        "import importlib, sys\n"
        f"for name in {[*modules, 'facilitator.cli']!r}:\n"
        "    importlib.import_module(name)\n"
        f"loaded = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent, check=True
    )
    assert result.stdout.strip() == "", f"Qt was loaded by the core: {result.stdout}"


def test_the_layers_of_the_architecture_hold() -> None:
    """The import-linter contracts of pyproject.toml (ARCHITECTURE.md names the layers)."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_module_of_the_app_takes_part_in_an_import_cycle() -> None:
    """Not even through an import made only for type checking."""
    import grimp

    graph = grimp.build_graph("facilitator")
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if graph.chain_exists(importer=imported, imported=module):
                chain = graph.find_shortest_chain(importer=imported, imported=module)
                cycles.append(f"{module} -> {' -> '.join(chain or ())}")
    assert not cycles, "\n".join(cycles)


def test_colours_are_named_in_one_place() -> None:
    """The console's colours live in ui/style.py, the card's palettes in ui/theme.py."""
    homes = {PACKAGE / "ui" / "style.py", PACKAGE / "ui" / "theme.py"}
    colour = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in homes
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if colour.search(line)
    ]
    assert not offenders, "\n".join(offenders)


def test_the_code_type_checks(tmp_path: Path) -> None:
    """mypy with the settings of pyproject.toml: strict in the core, no error anywhere."""
    mypy = Path(sys.executable).with_name("mypy")
    result = subprocess.run(
        [str(mypy), "--cache-dir", str(tmp_path / "mypy-cache")],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found"), result.stdout


def test_every_module_is_small_enough_to_read_in_one_sitting() -> None:
    """No module of the app is over 450 lines: one clear job each (ARCHITECTURE.md)."""
    longest = 450
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}: {count} lines"
        for path in sorted(PACKAGE.rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > longest
    ]
    assert not offenders, "\n".join(offenders)


STARTUP_SCRIPT = """
import os, sys, json
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
application = QApplication([])
from facilitator.app import FacilitatorApp
from facilitator.platform.audio import FakeBellPlayer
from facilitator.platform.edges import Platform
from facilitator.platform.screens import FakeScreenProvider
from facilitator.core.settings.screens import ScreenInfo
screens = FakeScreenProvider([ScreenInfo("laptop", 0, 0, 1280, 720)])
app = FacilitatorApp(Platform(screens, FakeBellPlayer()))
app.show()
app.start_run("impromptu-networking")
application.processEvents()
at_start = sorted(sys.modules)
app.console.show_browse_tab(app.plan_actions.plan_page)
application.processEvents()
print(json.dumps({"start": at_start, "plans_opened": sorted(sys.modules)}))
"""

LOADED_WHEN_FIRST_USED = (
    "facilitator.ui.editor.editor_window",
    "facilitator.models.editing.draft_model",
    "facilitator.ui.plan_page",
    "facilitator.ui.sheet_pdf",
    "facilitator.ui.preferences_dialog",
    "facilitator.core.groups.scheduler",
    "PySide6.QtPrintSupport",
    "importlib.metadata",
)


def test_the_editor_plans_groups_and_sheet_load_when_first_used_not_at_start(
    tmp_path: Path,
) -> None:
    """Start-up imports only what the first screen needs (docs/performance.md)."""
    import json

    env = {**__import__("os").environ, "FACILITATOR_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", STARTUP_SCRIPT],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
        env=env,
        check=True,
    )
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    early = [name for name in LOADED_WHEN_FIRST_USED if name in loaded["start"]]
    assert not early, f"imported at start: {early}"
    assert "facilitator.ui.plan_page" in loaded["plans_opened"], "the Plans tab was not built"
