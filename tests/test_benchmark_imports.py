"""The benchmarks keep pace with the code: every name they import, at the top of a module or
inside a function (as the app-process benchmarks do in their child), still exists.

A benchmark runs only when someone measures, so a name moved by a refactoring would
otherwise be found weeks later, half-way through `python -m benchmarks`.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _imported_names(path: Path) -> list[tuple[str, str]]:
    """(module, name) for every `from <one of our packages> import name` in a file."""
    ours = {"facilitator", "tests", "tools", "benchmarks"}
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and node.module.split(".")[0] in ours
        ):
            found.extend((node.module, alias.name) for alias in node.names)
    return found


@pytest.mark.parametrize("path", sorted(BENCHMARKS.glob("*.py")), ids=lambda path: path.name)
def test_every_name_a_benchmark_imports_exists(path: Path) -> None:
    missing = []
    for module_name, name in _imported_names(path):
        module = importlib.import_module(module_name)
        if not hasattr(module, name):
            try:
                importlib.import_module(f"{module_name}.{name}")
            except ImportError:
                missing.append(f"{module_name}.{name}")
    assert not missing, f"{path.name} imports names that no longer exist: {missing}"
