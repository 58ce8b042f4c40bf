"""The layout is a contract: layers, independence and no cycles, checked on every run."""

from __future__ import annotations

import ast
import graphlib
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "sipcli"

#: The only modules at the top of the package; everything else lives in a stage package.
TOP_LEVEL_MODULES = {"__init__", "__main__", "errors", "diagnostics", "project"}


def test_import_contracts_hold() -> None:
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if linter is None:
        pytest.skip("import-linter is not installed")
    result = subprocess.run(
        [linter, "--no-cache"],
        capture_output=True,
        text=True,
        cwd=SRC.parents[1],
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _cycle(edges: dict[str, set[str]]) -> list[str]:
    """Return one import cycle among ``edges`` (module to the modules it imports), or []."""
    try:
        graphlib.TopologicalSorter(edges).prepare()
    except graphlib.CycleError as error:
        return list(error.args[1])
    return []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert set(_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})) == {"a", "b", "c"}
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_anywhere() -> None:
    graph = grimp.build_graph("sipcli")
    modules = set(graph.modules)
    edges = {m: set(graph.find_modules_directly_imported_by(m)) & modules for m in modules}
    assert _cycle(edges) == []


def test_the_top_level_holds_only_packages_and_the_shared_modules() -> None:
    modules = {path.stem for path in SRC.glob("*.py")}
    assert modules == TOP_LEVEL_MODULES


def test_every_package_says_what_it_is_for() -> None:
    for init in SRC.rglob("__init__.py"):
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring and len(docstring) > 40, init


def test_command_functions_are_short() -> None:
    # The command line stays thin: a command parses, calls the core, reports and exits.
    for path in (SRC / "cli").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                body = node.body[1:] if ast.get_docstring(node) else node.body
                if body:
                    length = (body[-1].end_lineno or 0) - body[0].lineno + 1
                    assert length <= 40, f"{path.name}: {node.name} has {length} lines"
