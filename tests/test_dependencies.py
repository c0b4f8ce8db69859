"""Every package generator/ imports is declared in pyproject.toml (the wheel's runtime dependencies)."""

from __future__ import annotations

import ast
import re
import sys

from tests.conftest import ROOT

IMPORT_NAMES = {"yaml": "pyyaml", "markdown_it": "markdown-it-py", "mkdocs": "mkdocs", "PIL": "pillow"}
"""Import name -> package name, where they differ (others: underscores read as hyphens)."""


def imported_packages() -> set[str]:
    found = set()
    for path in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "generator":
                    found.add(IMPORT_NAMES.get(top, top.replace("_", "-")))
    return found


def test_every_imported_package_is_a_declared_dependency() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M)
    assert block
    declared = {re.split(r"[<>=!~ \[]", item)[0].lower() for item in re.findall(r'"([^"]+)"', block.group(1))}
    # Engines other than MkDocs are optional: generator/engines.py loads them only when installed.
    optional = {"properdocs", "zensical"}
    assert imported_packages() - optional <= declared, imported_packages() - optional - declared
