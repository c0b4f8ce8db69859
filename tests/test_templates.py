"""Pages come from templates that escape by default, a site can override any of them, and no
reader-visible English is left in Python, the templates or the chart script outside the catalogs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.render import templating
from tests.conftest import ENGLISH, ROOT, make_project, run_explainer
from tests.html_pages import visible_text

GENERATOR = ROOT / "generator"


def test_values_are_escaped_unless_the_generator_marked_them(tmp_path: Path) -> None:
    env = templating.environment(ENGLISH)
    hostile = '<script>alert(1)</script> *x* [y](javascript:z) "q"'
    out = env.from_string("{{ value }}|{{ _('Actors: %(links)s.', links=value) }}|{{ value|join(', ') }}").render(
        value=hostile
    )
    assert "<script>" not in out and "](javascript" not in out and "*x*" not in out and '"q"' not in out
    assert out.count("&lt;script&gt;") >= 2
    trusted = env.from_string("{{ _('Each statement is marked **verbatim**') }}").render()
    assert trusted == "Each statement is marked **verbatim**"  # the catalog's own Markdown stays
    with pytest.raises(ValueError, match="not an identifier"):
        env.from_string("{{ value|id }}").render(value='x" onmouseover="y')
    with pytest.raises(TypeError, match="missing value"):
        env.from_string("{{ value }}").render(value=None)


def test_a_site_overrides_a_template_by_name(tmp_path: Path) -> None:
    """A file of the same name in the site's custom_dir replaces the generator's template."""
    project = make_project(tmp_path / "project")
    original = (GENERATOR / "templates" / "about.md.j2").read_text(encoding="utf-8")
    (project / "site_overrides" / "about.md.j2").write_text(
        original.replace('## {{ _("Method") }} {#method}', "## Our method, by {{ incident.title }} {#method}"),
        encoding="utf-8",
    )
    result = run_explainer("build", cwd=project)
    assert result.returncode == 0, result.stderr
    about = visible_text(project / "site" / "about" / "index.html")
    assert "Our method, by Test incident at the Example river bridge" in about
    assert not list((project / "site").rglob("*.j2")), "a site's templates are read, not published"
    output = generate(project / "content", template_dirs=[project / "site_overrides"])
    assert "Our method, by" in output.pages["about.md"]


def test_page_titles_stay_plain_text_in_front_matter() -> None:
    output = generate(ROOT / "tests" / "fixtures" / "explainer")
    assert "\ntitle: Who's who\n" in output.pages["actors/index.md"]
    assert "&#" not in output.pages["actors/index.md"].split("---")[1].split("jsonld")[0]


TEMPLATE_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}", re.S)


@pytest.mark.parametrize("template", sorted(p.name for p in (GENERATOR / "templates").glob("*.j2")))
def test_templates_hold_no_words_outside_messages(template: str) -> None:
    text = (GENERATOR / "templates" / template).read_text(encoding="utf-8")
    assert "|safe" not in text.replace(" ", "") and "~" not in TEMPLATE_TAGS.sub("", text) + "".join(
        re.findall(r"\{\{.*?\}\}", text)
    ), "no |safe and no ~ (it would escape for HTML only)"
    outside = re.sub(r"\{% trans.*?%\}.*?\{% endtrans %\}", " ", text, flags=re.S)  # messages
    outside = TEMPLATE_TAGS.sub(" ", outside)
    outside = re.sub(r"<[^>]*>", " ", outside)  # HTML tags and their attributes
    outside = re.sub(r"\{[:#][^}]*\}", " ", outside)  # attribute lists and heading anchors
    words = re.findall(r"[A-Za-z]{2,}", outside)
    assert words == [], f"{template}: words outside the catalogs: {words}"


# Modules whose strings speak to editors or developers (error messages, the CLI, the guide),
# not to readers: English there is intended.
EDITORS_MODULES = {
    "cli.py", "validate.py", "link.py", "load.py", "scaffold.py", "guide.py", "models.py", "errors.py",
    "catalogs.py", "write.py", "engines.py", "folder.py", "pipeline.py", "__init__.py", "prose.py", "publish.py",
    "hints.py", "introspect.py", "__main__.py", "csp.py", "fields.py", "characters.py", "urls.py", "translations.py",
    "translate.py", "importer.py", "media.py",
}  # fmt: skip
MESSAGE_FUNCTIONS = {"_", "gettext", "ngettext", "N_", "Plural", "plain"}
PROSE = re.compile(r"^[A-Z][a-z']+(?: [A-Za-z'(),.:;]+)+|[A-Za-z']+ [A-Za-z']+ [A-Za-z']+")


def _english_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip.add(id(body[0].value))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # attribute docstrings
        called = isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", ""))
        if isinstance(node, ast.Raise) or called in MESSAGE_FUNCTIONS or called in ("error", "warning", "info"):
            skip.update(id(inner) for inner in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        literal = isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
        if literal and PROSE.search(node.value):  # type: ignore[attr-defined]
            found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    return found


def test_no_reader_visible_english_in_python() -> None:
    modules = [p for p in GENERATOR.rglob("*.py") if p.name not in EDITORS_MODULES or p.parent.name == "render"]
    assert len(modules) >= 10
    found = [literal for module in modules for literal in _english_literals(module)]
    assert found == []


def test_the_scan_finds_english_where_it_is(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text('"""Doc."""\nLABEL = "Order not reported"\nOK = _("Order reported")\n', encoding="utf-8")
    assert _english_literals(module) == ["bad.py:2: 'Order not reported'"]


def test_no_reader_visible_english_in_the_chart_script() -> None:
    modules = sorted((GENERATOR / "theme" / "assets" / "javascripts").rglob("*.js"))
    assert len(modules) >= 5, "the entry and its helpers"
    script = "\n".join(module.read_text(encoding="utf-8") for module in modules)
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    strings = re.findall(r'"((?:[^"\\\n]|\\.)*)"', code)
    lines_with_console = {m for line in code.splitlines() if "console." in line or "new Error(" in line
                          for m in re.findall(r'"((?:[^"\\\n]|\\.)*)"', line)}  # fmt: skip
    prose = [s for s in strings if PROSE.search(s) and s not in lines_with_console]
    assert prose == []
