"""Templates are compiled once per process (generator/render/compiled.py): a live preview's rebuilds
and each language of a translated site reuse the first build's code, and a template edited since
is compiled again."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, TemplateSyntaxError

from generator.render.compiled import CompiledTemplates
from tests.conftest import make_project

# Three builds in one process, as `explainer serve` makes them: each prints the templates it
# compiled; between the second and the third, the site's override of one page template changes.
BUILDS = textwrap.dedent("""
    import filecmp, json
    from pathlib import Path
    import jinja2
    from generator.cli import main

    compiled = []
    compile = jinja2.Environment.compile
    def counting(self, source, name=None, filename=None, *args, **kwargs):
        if name is not None:
            compiled.append(name)
        return compile(self, source, name, filename, *args, **kwargs)
    jinja2.Environment.compile = counting

    override = Path("site_overrides/about.md.j2")
    for step in ("first", "again", "edited"):
        if step == "edited":
            override.write_text(override.read_text().replace("Our method", "How we worked"))
        compiled.clear()
        assert main(["build", "--site-dir", step]) == 0
        print(step, json.dumps(sorted(set(compiled))))
    same = filecmp.dircmp("first", "again")
    print("differ", json.dumps(same.diff_files + same.left_only + same.right_only))
""")


OWN_ENVIRONMENTS = {"partials/language.html", "partials/languages/en.html"}
"""Read by Material's search plugin in a Jinja environment of its own, which keeps no compiled code."""


def test_later_builds_in_a_process_compile_only_the_templates_edited_since(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    original = (Path(__file__).parent.parent / "generator" / "templates" / "about.md.j2").read_text(encoding="utf-8")
    (project / "site_overrides" / "about.md.j2").write_text(
        original.replace('## {{ _("Method") }} {#method}', "## Our method {#method}"), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-c", BUILDS], cwd=project, capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr
    said = {step: json.loads(names) for step, names in (line.split(" ", 1) for line in result.stdout.splitlines())}
    assert {"about.md.j2", "timeline.md.j2", "main.html", "base.html"} <= set(said["first"]), said["first"]
    assert set(said["again"]) <= OWN_ENVIRONMENTS, "the second build compiles nothing of the explainer's"
    assert set(said["edited"]) - OWN_ENVIRONMENTS == {"about.md.j2"}, "only the template edited since"
    assert said["differ"] == [], "and builds the same site"
    about = (project / "edited" / "about" / "index.html").read_text(encoding="utf-8")
    assert "How we worked" in about and "Our method" not in about


def test_code_compiled_with_other_extensions_is_not_reused() -> None:
    """A template compiled where an extension gave it a tag is compiled again where none does."""
    cache = CompiledTemplates("test")
    templates = DictLoader({"page.html": "{% trans %}Hello{% endtrans %}"})
    with_messages = Environment(loader=templates, bytecode_cache=cache, extensions=["jinja2.ext.i18n"])
    with_messages.install_null_translations()  # type: ignore[attr-defined]
    assert with_messages.get_template("page.html").render() == "Hello"
    assert len(cache.code) == 1
    without = Environment(loader=templates, bytecode_cache=cache)
    with pytest.raises(TemplateSyntaxError, match="trans"):
        without.get_template("page.html")


def test_code_of_a_template_whose_source_changed_is_not_reused() -> None:
    cache = CompiledTemplates("test")
    sources = {"page.html": "one {{ x }}"}

    def render() -> str:
        return Environment(loader=DictLoader(sources), bytecode_cache=cache).get_template("page.html").render(x=1)

    assert render() == "one 1"
    sources["page.html"] = "two {{ x }}"
    assert render() == "two 1"
