"""The built site in headless Chromium (Debian's, driven by Playwright): the timeline draws one
marker per entry, undated entries look undated, and nothing fails or leaves the site."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from generator.link import Explainer
from generator.pipeline import build_explainer
from tests.browsers import settled
from tests.conftest import CONTENT
from tests.test_reader import draw_charts

pytestmark = pytest.mark.browser


class Watched:
    """A page with everything that went wrong on it recorded."""

    def __init__(self, page: Any, base: str):
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.failed: list[str] = []
        page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))
        self.base = base

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.base) and not url.startswith("data:")]


@pytest.fixture
def watched(browser: Any, site_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    yield Watched(context.new_page(), site_url)
    context.close()


def marker_count(page: Any) -> int:
    return int(page.evaluate("document.querySelectorAll('.explainer-chart .scatterlayer .point').length"))


def test_timeline_draws_one_marker_per_entry(watched: Watched, site_url: str) -> None:
    explainer: Explainer = build_explainer(CONTENT)
    page = watched.page
    page.goto(site_url + "timeline/")
    draw_charts(page)
    assert marker_count(page) == len(explainer.events) + len(explainer.statements)
    drawn = json.loads(
        page.evaluate(
            "JSON.stringify(document.querySelector('.explainer-chart__plot').data"
            ".map(t => [t.customdata.map(c => c[0]), t.marker.symbol]))"
        )
    )
    symbols = {anchor: symbol for anchors, marks in drawn for anchor, symbol in zip(anchors, marks, strict=True)}
    for entry in explainer.timeline:
        if entry.record.when.precision == "unknown":
            anchor = f"{'event' if entry.kind == 'events' else 'statement'}-{entry.record.id}"
            assert symbols[anchor].endswith("-open"), f"{anchor} has no date and must be drawn hollow"
    labels = page.evaluate(
        "Array.from(document.querySelectorAll('.explainer-chart .textpoint')).map(t => t.textContent)"
    )
    assert sorted(map(int, labels)) == list(range(1, len(explainer.timeline) + 1))
    unordered = any(entry.rank is None for entry in explainer.timeline)
    assert page.locator(".explainer-chart").get_by_text("Order not reported").count() == (1 if unordered else 0)
    assert watched.errors == [] and watched.failed == [] and watched.outside() == []
    assert any(url.endswith("/assets/javascripts/vendor/plotly-basic.min.js") for url in watched.requests)


def test_clicking_a_marker_goes_to_its_entry(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url + "timeline/")
    # Before Plotly is loaded, the picture's points lead to their entries too.
    point = page.locator(".explainer-chart .explainer-picture__point").first
    box = point.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("location.hash.length > 1", timeout=5_000)
    anchor = page.evaluate("location.hash.slice(1)")
    assert page.locator(f"li#{anchor}").count() == 1
    assert watched.errors == []


def test_pages_without_a_chart_do_not_load_plotly(watched: Watched, site_url: str) -> None:
    actor = next(iter(build_explainer(CONTENT).actors))
    for path in ("", "statements/", "questions/", "sources/", "about/", "actors/", f"actors/{actor}/"):
        watched.page.goto(site_url + path)
        settled(watched.page)
    assert not any("plotly" in url for url in watched.requests)
    assert watched.errors == [] and watched.failed == [] and watched.outside() == []


def test_instant_navigation_to_the_timeline_draws_the_chart(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url)
    settled(page)
    page.evaluate("window.__samePage = true")
    page.locator("nav.md-nav--primary a", has_text="Timeline").first.click()
    page.wait_for_selector(".explainer-chart")  # the click returns before the new content is in
    draw_charts(page)
    assert page.evaluate("document.querySelectorAll('.explainer-chart .main-svg').length") >= 1
    # back and forth: one chart on the page, no error
    page.go_back()
    page.wait_for_function("!document.querySelector('.explainer-chart')", timeout=5_000)
    page.go_forward()
    page.wait_for_selector(".explainer-chart")
    draw_charts(page)
    assert page.evaluate("document.querySelectorAll('.explainer-chart__plot').length") == 1
    assert page.evaluate("document.querySelectorAll('.js-plotly-plot').length") == 1
    assert page.evaluate("window.__samePage") is True, "the page was never reloaded: instant navigation"
    assert watched.errors == [] and watched.failed == [] and watched.outside() == []


def test_timeline_lists_every_entry_without_javascript(browser: Any, site_url: str) -> None:
    explainer = build_explainer(CONTENT)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "timeline/")
    assert page.locator("ol.explainer-timeline > li").count() == len(explainer.timeline)
    context.close()


def test_palette_toggle_rethemes_the_chart(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url + "timeline/")
    draw_charts(page)
    colour = "document.querySelector('.explainer-chart__plot')._fullLayout.font.color"
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = (page.evaluate(scheme), page.evaluate(colour))
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"{scheme} !== {json.dumps(before[0])}", timeout=5_000)
    page.wait_for_function(f"{colour} !== {json.dumps(before[1])}", timeout=5_000)
    after = (page.evaluate(scheme), page.evaluate(colour))
    assert after[0] != before[0] and after[1] != before[1]
    assert watched.errors == []


def test_search_finds_records_offline(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url)
    settled(page)
    page.locator("input.md-search__input").click()
    actors = list(build_explainer(CONTENT).actors.values())
    name = next((actor.name for actor in actors if actor.kind == "person"), actors[0].name)
    word = max(re.findall(r"\w+", name), key=len)  # e.g. a person's surname
    page.keyboard.type(word, delay=20)  # Material searches on key events
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    results = page.locator(".md-search-result__item").all_inner_texts()
    assert any(word.casefold() in text.casefold() for text in results)
    assert watched.failed == [] and watched.outside() == []
