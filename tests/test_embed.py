"""Embedding: a chart in another site's page, through its iframe code and its oEmbed document.

The host page is served from another loopback port (another origin) and pastes the iframe the
oEmbed document gives, as a CMS that discovers oEmbed does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.test_reader import inject_axe

OEMBED_TYPES = {"photo", "video", "link", "rich"}


def oembed_problems(document: dict[str, Any]) -> list[str]:
    """What breaks the oEmbed 1.0 rules (oembed.com, section 2.3) in a response."""
    problems = []
    if document.get("version") != "1.0":
        problems.append("version must be '1.0'")
    if document.get("type") not in OEMBED_TYPES:
        problems.append("type must be photo, video, link or rich")
    if document.get("type") in ("rich", "video"):
        if not isinstance(document.get("html"), str) or not document["html"]:
            problems.append("a rich response needs html")
        for size in ("width", "height"):
            if not isinstance(document.get(size), int) or isinstance(document.get(size), bool) or document[size] <= 0:
                problems.append(f"a rich response needs a positive integer {size}")
    for text in ("title", "author_name", "author_url", "provider_name", "provider_url"):
        if text in document and not isinstance(document[text], str):
            problems.append(f"{text} must be text")
    for url in ("author_url", "provider_url"):
        if url in document and urlparse(document[url]).scheme not in ("http", "https"):
            problems.append(f"{url} must be an http(s) address")
    return problems


def test_the_rules_check_itself_catches_broken_documents() -> None:
    assert oembed_problems({"version": "1.0", "type": "rich", "html": "<i></i>", "width": 1, "height": 1}) == []
    assert len(oembed_problems({"version": 1, "type": "rich", "width": "800", "height": True})) == 4


@pytest.mark.parametrize("chart", ["timeline", "whos-who"])
def test_each_chart_has_an_oembed_document_its_pages_announce(fixture_site: Any, chart: str) -> None:
    site, url = fixture_site("explainer")
    document = json.loads((site / f"oembed-{chart}.json").read_text(encoding="utf-8"))
    assert oembed_problems(document) == []
    assert document["type"] == "rich" and document["provider_url"] == url
    src = re.search(r'<iframe src="([^"]+)"', document["html"]).group(1)  # type: ignore[union-attr]
    assert src == f"{url}embed/{chart}/" and 'loading="lazy"' in document["html"] and "title=" in document["html"]
    chart_page = "timeline" if chart == "timeline" else "actors"
    for page in (site / chart_page / "index.html", site / "embed" / chart / "index.html"):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        discovery = re.findall(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', head)
        assert discovery == [f"{url}oembed-{chart}.json"], page
    shown = (site / chart_page / "index.html").read_text(encoding="utf-8")
    assert "Embed this chart" in shown and "&lt;iframe src=&#34;" + src in shown.replace("&quot;", "&#34;")


@pytest.mark.browser
@pytest.mark.parametrize(("width", "theme"), [(320, ""), (800, "?theme=dark")])
def test_a_host_page_on_another_origin_embeds_the_timeline(
    fixture_site: Any, serve_dir: Any, browser: Any, tmp_path: Path, width: int, theme: str
) -> None:
    site, url = fixture_site("explainer")
    snippet = json.loads((site / "oembed-timeline.json").read_text(encoding="utf-8"))["html"]
    snippet = snippet.replace('/embed/timeline/"', f'/embed/timeline/{theme}"')
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A host article</title>'
        '<meta name="viewport" content="width=device-width"></head><body><main><h1>A host article</h1>'
        f'<div style="width:{width}px">{snippet}</div><p>The article goes on.</p></main></body></html>',
        encoding="utf-8",
    )
    host = serve_dir(tmp_path)
    assert urlparse(host).port != urlparse(url).port, "another origin"
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(host)
    page.wait_for_selector("iframe")
    frame = page.frame_locator("iframe")
    frame.locator("#timeline-chart").scroll_into_view_if_needed()
    frame.locator("#timeline-chart .explainer-chart__reset").click()  # the reader reaches for the chart
    frame.locator("#timeline-chart.explainer-chart--drawn").wait_for(timeout=15_000)
    inner = next(f for f in page.frames if f.url.startswith(url))
    assert inner.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert inner.evaluate("innerWidth") == width
    assert inner.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if theme else "default")
    assert inner.locator(".md-header").is_hidden() and inner.locator(".md-footer").count() == 0
    skip = "getComputedStyle(document.querySelector('[data-md-component=skip]')).display"
    assert inner.evaluate(skip) == "none", "an embed starts with its content: no header to skip"
    # The keyboard: the first point's link shows its details, Enter goes to its entry in the list.
    inner.locator(".explainer-chart__point").first.focus()
    inner.wait_for_selector(".explainer-chart__label:not([hidden])", timeout=5_000)
    page.keyboard.press("Enter")
    inner.wait_for_function("location.hash.length > 1")
    anchor = inner.evaluate("location.hash.slice(1)")
    assert inner.locator(f"ol.explainer-embed__list > li#{anchor}").count() == 1
    links = inner.locator("ol.explainer-embed__list a").evaluate_all("as => as.map(a => [a.target, a.href])")
    assert links and all(target == "_blank" and href.startswith(url) for target, href in links)
    inject_axe(inner)
    assert inner.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)") == []
    assert [r for r in requests if not r.startswith((url, host, "data:"))] == []
    assert errors == []
    context.close()


@pytest.mark.browser
def test_the_embed_code_is_one_click_from_the_clipboard(fixture_site: Any, browser: Any) -> None:
    site, url = fixture_site("explainer")
    expected = json.loads((site / "oembed-timeline.json").read_text(encoding="utf-8"))["html"]
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page = context.new_page()
    page.goto(url + "timeline/")
    page.locator(".explainer-embed-code summary").click()
    page.get_by_role("button", name="Copy the code").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    context.close()
