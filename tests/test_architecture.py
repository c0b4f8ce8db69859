"""The shape of generator/: no import circle (at module level or inside a function), and no module
that grows past what a reader holds in mind."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
MOST_LINES = 500


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The generator's modules that a file imports anywhere in it (functions included), except
    imports only for type checking. ``from . import x`` names the module ``x`` when there is one."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):  # `if TYPE_CHECKING:` blocks are not imported at run time
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for child in ast.walk(node))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("generator"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if not target.startswith("generator"):
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in MODULES else target)
    return {module for module in found if module in MODULES and module != name}


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def graph() -> dict[str, set[str]]:
    return {name: imports_of(path) for name, path in MODULES.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import circle, as the modules around it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for other in sorted(edges.get(node, ())):
            if state.get(other) == 1:
                return path[path.index(other) :] + [other]
            if other not in state:
                found = visit(other)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_cycle_finder_finds_a_circle_and_only_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_relative_imports_are_read_as_the_modules_they_name() -> None:
    edges = graph()
    assert "generator.site" in edges["generator.views.pages"]
    assert "generator.render.charts" in edges["generator.render.timeline"]
    assert "generator.views" in edges["generator.render.outputs"]


def test_generator_has_no_import_circle() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "an import circle: " + " -> ".join(cycle or [])


def test_views_and_the_core_do_not_import_the_renderers() -> None:
    edges = graph()
    for name, imported in edges.items():
        if not name.startswith(
            (
                "generator.render",
                "generator.mkdocs_plugin",
                "generator.folder",
                "generator.pipeline",
                "generator.publish",
                "generator.cli",
                "generator.__main__",
            )
        ):
            assert not {m for m in imported if m.startswith("generator.render")}, name  # fmt: skip


def test_python_m_generator_imports_and_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "--version"], cwd=ROOT, capture_output=True,
                            text=True, check=False)  # fmt: skip
    assert result.returncode == 0 and result.stdout.startswith("explainer "), result.stderr


def test_every_module_is_under_500_lines() -> None:
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}
