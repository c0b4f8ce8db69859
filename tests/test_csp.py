"""The Content-Security-Policy every page carries: its inline scripts allowed by hash, nothing else."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator import assets, csp
from generator.render import charts
from tests.conftest import free_port, make_project, run_explainer, site_pages
from tests.synthetic import write_explainer
from tests.test_engines import VIOLATIONS

PAGE = (
    '<!doctype html><html lang="en"><head lang="x"><meta charset="utf-8">'
    "<script>window.ran = (window.ran || 0) + 1</script>"
    '<script type="application/ld+json">{"@type": "Thing"}</script>'
    '<script id="__config" type="application/json">{"base": "."}</script>'
    '<script type="module">window.module = 1</script>'
    '<script src="assets/javascripts/explainer.js"></script>'
    "</head><body><p>Text</p></body></html>"
)


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_the_scripts_a_browser_runs_inline_are_allowed_by_their_hashes() -> None:
    assert csp.inline_hashes(PAGE) == [sha("window.ran = (window.ran || 0) + 1"), sha("window.module = 1")]


def test_the_policy_allows_the_site_and_nothing_else() -> None:
    policy = dict(part.split(" ", 1) for part in csp.policy(PAGE).split("; "))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"].split() == [
        "'self'", sha("window.ran = (window.ran || 0) + 1"), sha("window.module = 1"), "'report-sample'"
    ]  # fmt: skip
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == "'none'" and policy["base-uri"] == "'self'" and policy["form-action"] == "'self'"
    assert policy["frame-src"] == "'none'" and policy["connect-src"] == "'self'"
    assert "'unsafe-inline'" not in policy["style-src"], "no inline <style> with text in it"
    assert sha("") in policy["style-src"] and sha(".x{color:red}") in csp.policy(PAGE, [".x{color:red}"])


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory, serve_dir: Any) -> tuple[Path, str]:
    """A synthetic explainer whose timeline has more than ``charts.LARGE`` entries (700 events and
    350 statements), built and served: (its site, its address)."""
    folder = tmp_path_factory.mktemp("large")
    port = free_port()
    project = make_project(folder / "project", content=write_explainer(folder / "content", 700))
    result = run_explainer("build", cwd=project, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    return project / "site", str(serve_dir(project / "site", port))


def test_no_page_may_compile_code_not_even_one_with_a_chart_of_thousands(large_site: tuple[Path, str]) -> None:
    site = large_site[0]
    figure = json.loads((site / "figures" / "timeline.json").read_text(encoding="utf-8"))
    assert sum(len(t["x"]) for t in figure["data"] if t.get("mode") != "lines") > charts.LARGE
    assert {trace["type"] for trace in figure["data"]} == {"scatter"}, "no WebGL trace"
    involvement = json.loads((site / "figures" / "involvement.json").read_text(encoding="utf-8"))
    assert {trace["type"] for trace in involvement["data"]} == {"scatter"}
    pages = site_pages(site)
    assert len(pages) > 50
    for page in pages:
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page.read_text("utf-8"))
        assert policy is not None, page
        assert "script-src 'self'" in policy[1] and "'unsafe-eval'" not in policy[1], page
    assert not [page for page in site.rglob("*.html") if "unsafe-eval" in page.read_text("utf-8")]
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    # The chart of thousands is drawn at the first idle moment: plotly.js comes with the page.
    assert f'<link rel="preload" as="script" href="../{assets.PLOTLY_PATH}">' in timeline
    assert not list(site.rglob("plotly-gl2d*")), "the only plotly.js shipped draws in SVG"


def test_the_policy_comes_first_in_the_head_once() -> None:
    applied = csp.apply(PAGE)
    assert applied.startswith(
        '<!doctype html><html lang="en"><head lang="x"><meta http-equiv="Content-Security-Policy"'
    )
    assert csp.apply(applied) == applied
    assert csp.apply("<p>no head</p>") == "<p>no head</p>"


@pytest.mark.browser
def test_a_script_changed_after_the_build_does_not_run(browser: Any) -> None:
    page = browser.new_page(bypass_csp=False)
    violations: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.set_content(csp.apply(PAGE))
    assert page.evaluate("window.ran") == 1 and page.evaluate("window.module") == 1
    assert violations == []
    page.close()
    page = browser.new_page(bypass_csp=False)  # a new window: the one above ran its scripts
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.set_content(csp.apply(PAGE).replace("window.ran = (window.ran || 0) + 1", "window.ran = 99"))
    assert page.evaluate("window.ran") is None, "a script the build did not hash is refused"
    assert page.evaluate("window.module") == 1
    assert violations, "and the browser says why"
    page.close()


@pytest.mark.browser
def test_a_chart_of_thousands_is_drawn_under_the_policy(large_site: tuple[Path, str], browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, bypass_csp=False)
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(large_site[1] + "timeline/")
    chart = page.locator("#timeline-chart")
    chart.scroll_into_view_if_needed()
    # Locators, not wait_for_function: Playwright evaluates a function's text, which the policy forbids.
    page.locator("#timeline-chart.explainer-chart--drawn").wait_for(timeout=60_000)
    assert chart.locator(".scatterlayer .point").count() > charts.LARGE, "every entry drawn in SVG"
    assert chart.locator("canvas").count() == 0, "nothing drawn with WebGL"
    assert page.evaluate("window.__violations") == []
    assert errors == []
    context.close()
