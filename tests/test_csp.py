"""The Content-Security-Policy every page carries: its inline scripts allowed by hash, nothing else."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import pytest

from generator import csp

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


def test_only_a_page_drawing_with_the_webgl_bundle_may_compile_code() -> None:
    assert "'unsafe-eval'" not in csp.policy(PAGE)
    page = PAGE.replace("</head>", '<link rel="preload" href="assets/javascripts/vendor/plotly-gl2d.min.js"></head>')
    assert "'unsafe-eval'" in csp.policy(page)


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
