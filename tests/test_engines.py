"""One adapter, three engines: the same content built with MkDocs and ProperDocs (the plugin, in
process) and with Zensical (which cannot run plugins: it builds the generated site folder).
An engine that is not installed is skipped, saying so.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import engines
from tests.browsers import settled
from tests.conftest import FIXTURE, free_port, make_project, run_explainer, site_pages
from tests.html_pages import _Page

BUILDABLE = [engine.name for engine in engines.ENGINES]


def article_texts(site: Path, address: str = "") -> dict[str, str]:
    """Each page's path -> the words of its article (the theme around it may differ by engine), with
    the site's ``address`` written as ``SITE/``."""
    texts = {}
    for page in site_pages(site, "index.html"):
        html = page.read_text(encoding="utf-8")
        found = re.search(r"<article\b.*?</article>", html, re.S)
        reader = _Page()
        reader.feed(found.group(0) if found else "")
        words = " ".join("".join(reader.text).split())
        texts[page.relative_to(site).as_posix()] = words.replace(address, "SITE/") if address else words
    return texts


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Each installed engine's build of the fixture explainer (site folder, what the command said)."""
    found = {}
    for name in BUILDABLE:
        if not next(engine for engine in engines.ENGINES if engine.name == name).available():
            continue
        project = make_project(tmp_path_factory.mktemp(name) / "project")
        address = f"http://127.0.0.1:{free_port()}/"  # each engine's site is served where it was built for
        result = run_explainer("build", "--engine", name, cwd=project, site_url=address)
        assert result.returncode == 0, (name, result.stderr)
        found[name] = (project / "site", result.stderr, address)
    return found


@pytest.fixture(scope="module")
def served(builds: dict[str, tuple[Path, str, str]], serve_dir: Any) -> dict[str, str]:
    """Each engine's site, served once at the address it was built for."""
    return {
        name: serve_dir(site, int(address.rsplit(":", 1)[1].strip("/"))) for name, (site, _, address) in builds.items()
    }


@pytest.mark.parametrize("name", BUILDABLE)
def test_each_engine_builds_through_the_same_adapter(builds: dict[str, Any], name: str) -> None:
    if name not in builds:
        pytest.skip(f"{name} is not installed (pip install {name})")
    site, said, _ = builds[name]
    assert f"running {name} build" in said and "18 records" in said
    assert (site / "index.html").is_file() and (site / "feed.xml").is_file()


def test_the_engines_build_the_same_pages_with_the_same_words(builds: dict[str, Any]) -> None:
    if len(builds) < 2:
        pytest.skip(f"only {', '.join(builds) or 'no engine'} installed: nothing to compare")
    # The embed code on the chart pages names each site's own address.
    texts = {name: article_texts(site, address) for name, (site, _, address) in builds.items()}
    first, *others = texts.values()
    assert len(first) > 10
    for other in others:
        assert sorted(other) == sorted(first)
        assert other == first


@pytest.mark.parametrize("name", BUILDABLE)
def test_the_generated_folder_builds_without_the_plugin_into_the_same_pages(
    builds: dict[str, Any], tmp_path: Path, name: str
) -> None:
    """`explainer generate` writes pages, assets, theme and a configuration; the engine alone builds it."""
    if name not in builds:
        pytest.skip(f"{name} is not installed (pip install {name})")
    out = tmp_path / "build"
    site, _, address = builds[name]
    made = run_explainer("generate", str(FIXTURE), "--out", str(out), "--site-url", address, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "explainer" not in re.search(r"(?ms)^plugins:.*?(?=^\S)", config).group(0)  # type: ignore[union-attr]
    built = subprocess.run(
        [sys.executable, "-m", name, "build", "--strict", "-f", str(out / "mkdocs.yml")],
        cwd=out, capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert article_texts(out / "site", address) == article_texts(site, address)
    home = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in home and 'property="og:locale"' in home


def test_an_unknown_or_missing_engine_is_a_clear_usage_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    result = run_explainer("build", "--engine", "hugo", cwd=project)
    assert result.returncode == 2 and "invalid choice: 'hugo'" in result.stderr
    assert not (project / "site").exists()


VIOLATIONS = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
    "e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '') + ' '"
    " + e.sourceFile + ':' + e.lineNumber))"
)


@pytest.mark.browser
@pytest.mark.parametrize("name", BUILDABLE)
def test_each_engines_pages_pass_axe_under_a_strict_content_security_policy(
    builds: dict[str, Any], name: str, browser: Any, served: dict[str, str]
) -> None:
    """Every kind of page carries its policy and breaks none of it, draws its charts cleanly and
    passes axe-core: charts drawn by Plotly, the palette switched, search answering, an embed in
    the dark palette its address asks for."""
    if name not in builds:
        pytest.skip(f"{name} is not installed (pip install {name})")
    from tests.test_reader import draw_charts, with_axe

    site, _, address = builds[name]
    base = served[name]
    actor = sorted(p.parent.name for p in (site / "actors").glob("*/index.html"))[0]
    context = with_axe(browser.new_context(viewport={"width": 1440, "height": 900}, bypass_csp=False))
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    problems: list[str] = []
    pages = (
        "404.html",
        "",
        "timeline/",
        "actors/",
        f"actors/{actor}/",
        "changes/",
        "data/",
        "embed/timeline/?theme=dark",
    )
    for path in pages:
        page.goto(base + path)
        settled(page)
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1, f"/{path}: no policy"
        content = policy.get_attribute("content") or ""
        assert "script-src 'self'" in content and "'unsafe-eval'" not in content and "object-src 'none'" in content
        draw_charts(page)
        if path.startswith("embed/"):
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert page.evaluate("window.__violations") == [], f"/{path}"
        problems += [
            f"/{path}: {v}" for v in page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
        ]
    assert problems == []
    assert page.locator(".explainer-chart--drawn").count() == 1  # the embed's chart, drawn by Plotly
    page.goto(base + "timeline/")
    search = page.locator(".md-search__input, .md-search__button")  # Material's field, Zensical's button
    assert search.count() >= 1 and search.first.is_visible(), "the header keeps the engine's search"
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    # Locators, not wait_for_function: Playwright evaluates a function's text, which the policy forbids.
    other = "default" if before == "slate" else "slate"
    page.locator(f"body[data-md-color-scheme={other}]").wait_for(timeout=5_000)
    if name == "zensical":  # its own search, in a shadow root with a stylesheet of its own (allowed by hash)
        page.locator(".md-search__button").first.click()
        page.keyboard.type("bridge", delay=20)
        page.locator("text=/[1-9][0-9]* results/").first.wait_for(timeout=10_000)  # in its shadow root
    else:
        page.locator("input.md-search__input").click()
        page.keyboard.type("bridge", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.evaluate("window.__violations") == []
    assert errors == []
    context.close()
