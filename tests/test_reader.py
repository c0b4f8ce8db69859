"""Readers' experience, measured in headless Chromium on every built page: no errors or outside
requests, no axe-core violation in either palette, keyboard access to every link, control and
chart point, no horizontal scrolling on a phone or a desktop, print and lazy loading."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest

from generator.pipeline import build_explainer
from generator.site import PAGE_SIZE
from tests.browsers import settled
from tests.conftest import CONTENT, site_pages

pytestmark = pytest.mark.browser

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"


def inject_axe(page: Any) -> None:
    """axe-core into the page (or frame) through the browser's tools, which the page's
    Content-Security-Policy does not govern: a <script> tag added to the page would be refused."""
    page.evaluate(AXE.read_text(encoding="utf-8"))


def with_axe(context: Any) -> Any:
    """The context, with axe-core in every page it opens (the same way as ``inject_axe``, before the
    page's own scripts): for a test that runs axe on page after page."""
    context.add_init_script(path=AXE)
    return context


WIDTHS = {"phone": (375, 740), "desktop": (1440, 900)}


def page_paths(site: Path) -> list[str]:
    """Every page of a built site; not the records' lasting addresses, which only send the browser on."""
    paths = [p.parent.relative_to(site).as_posix() for p in site_pages(site, "index.html")]
    return ["" if p == "." else p + "/" for p in paths]


@pytest.fixture
def context_for(browser: Any) -> Iterator[Callable[..., Any]]:
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        context = browser.new_context(**options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def draw_charts(page: Any) -> None:
    """Have Plotly take over every chart of the page, as a reader does by reaching for its controls
    (until then the chart is its picture)."""
    for chart in page.locator(".explainer-chart").all():
        chart.scroll_into_view_if_needed()
        chart.locator(".explainer-chart__reset").click()
        page.wait_for_selector(f"#{chart.get_attribute('id')}.explainer-chart--drawn", timeout=15_000)


def fit_problems(page: Any, width: int) -> list[str]:
    """What is wider than the reader's screen: the page (scrolling sideways) or a chart drawn past its edge."""
    problems = []
    if page.evaluate("document.documentElement.scrollWidth") > width:
        problems.append("scrolls sideways")
    for box in page.locator(".explainer-chart .main-svg").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })"
    ):
        if box[0] < 0 or box[1] > width:
            problems.append(f"chart overflows: {box}")
    return problems


SCREENS = [("desktop", "light"), ("phone", "dark")]
"""Each page in each palette and at each width, in one visit per palette: a phone reader in the
dark, a desktop reader in the light (the Spanish pages are visited the other way round, see
test_languages.py)."""


@pytest.mark.parametrize(("width", "scheme"), SCREENS)
def test_every_page_is_clean_fits_the_screen_and_passes_axe(
    width: str, scheme: str, built_site: Path, site_url: str, context_for: Callable[..., Any]
) -> None:
    w, h = WIDTHS[width]
    page = with_axe(context_for(color_scheme=scheme, viewport={"width": w, "height": h})).new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"console {m.type}: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("request", lambda r: r.url.startswith(site_url) or r.url.startswith("data:") or problems.append(r.url))
    for path in page_paths(built_site):
        page.goto(site_url + path)
        settled(page)
        draw_charts(page)
        problems += [f"/{path}: {problem}" for problem in fit_problems(page, w)]
        violations = page.evaluate(
            "async () => (await axe.run(document)).violations.map(v => v.id + ' (' + v.impact + '): '"
            " + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
        )
        problems += [f"/{path}: axe {v}" for v in violations]
    assert problems == []


# What Tab should stop at: visible, enabled, not taken out of the order; of a group of radio
# buttons only one (the browser moves within the group with the arrow keys).
FOCUSABLE = """Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
  .filter(e => {
    const shown = x => x && x.getClientRects().length > 0 && getComputedStyle(x).visibility !== 'hidden';
    if (e.type === 'radio') {  // the checked one, or the first when none is
      const group = Array.from(document.getElementsByName(e.name));
      return e === (group.find(r => r.checked) || group[0]) && shown(e);
    }
    const folded = e.closest('details:not([open])') && !e.closest('summary');  // inside a closed <details>
    return e.tabIndex >= 0 && !e.disabled && shown(e) && !folded
      && !e.closest('[hidden], [inert], [aria-hidden="true"]');
  })"""

# How an element, its labels and its two nearest ancestors look; focus must change that (an
# outline, a shadow, a colour, a size).
LOOK = """e => {
  const labels = e.name && e.type === 'radio'
    ? Array.from(document.getElementsByName(e.name)).map(r => document.querySelector('label[for="' + r.id + '"]'))
    : [e.id && document.querySelector('label[for="' + e.id + '"]')];
  const parts = [e, ...labels, e.parentElement, e.parentElement && e.parentElement.parentElement]
    .filter(Boolean);
  return parts.map(x => { const s = getComputedStyle(x);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
            s.borderColor, s.textDecorationLine, Math.round(x.getBoundingClientRect().width)].join('|');
  }).join('/');
}"""


def tab_through(page: Any, limit: int = 400) -> tuple[int, list[dict[str, Any]]]:
    """Number every focusable element, then press Tab until focus leaves them.

    Returns how many there were and, in order, each focused element's number (-1 for one not
    numbered) and whether focusing it changed how it looks.
    """
    count = page.evaluate(
        f"() => {{ const look = {LOOK}; const all = {FOCUSABLE};"
        " all.forEach((e, i) => { e.dataset.tabOrder = i; e.dataset.look = look(e); }); return all.length; }"
    )
    # Start from the top of the page, wherever scrolling left the focus navigation point.
    page.evaluate(
        "() => { const start = document.createElement('span'); start.tabIndex = -1;"
        " document.body.prepend(start); start.focus(); }"
    )
    probe = (
        f"() => {{ const look = {LOOK}; const e = document.activeElement;"
        " if (!e || e === document.body) return null;"
        " return {index: e.dataset.tabOrder === undefined ? -1 : Number(e.dataset.tabOrder),"
        " shows: e.dataset.look !== look(e), tag: e.tagName, cls: String(e.className),"
        " label: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 60)}; }"
    )
    seen: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(probe)
        if info is not None and not info["shows"]:  # some focus styles are applied a moment later
            page.wait_for_timeout(200)
            info = page.evaluate(probe)
        if info is None or (seen and 0 <= info["index"] <= seen[-1]["index"]):
            break
        seen.append(info)
    return count, seen


@pytest.mark.parametrize("path", ["", "timeline/", "actors/", "actors/{first}/", "questions/"])
def test_tab_reaches_every_link_and_control_in_order_with_visible_focus(
    path: str, site_url: str, context_for: Callable[..., Any]
) -> None:
    path = path.format(first=next(iter(build_explainer(CONTENT).actors)))  # the first actor's page
    page = context_for(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(site_url + path)
    settled(page)
    draw_charts(page)
    page.evaluate("window.scrollTo(0, 0)")
    focusable, seen = tab_through(page)
    # Controls that appear while tabbing (Material's "Back to top" once the page has scrolled) are
    # not numbered; they must still show focus.
    visited = [s["index"] for s in seen if s["index"] >= 0]
    assert visited == list(range(focusable)), "Tab must visit every element, in page order"
    hidden = [s for s in seen if not s["shows"]]
    assert hidden == [], f"no visible focus on: {hidden[:5]}"


def test_chart_points_are_reachable_by_keyboard_and_lead_to_their_entry(
    site_url: str, context_for: Callable[..., Any]
) -> None:
    page = context_for(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(site_url + "timeline/")
    draw_charts(page)
    points = page.locator(".explainer-chart__point")
    markers = page.locator(".explainer-chart .scatterlayer .point").count()
    assert points.count() == markers > 0
    labels = points.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert [int(label.split(".")[0]) for label in labels] == list(range(1, markers + 1)), "points in list order"
    page.locator("button.explainer-chart__reset").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == labels[0]
    page.wait_for_selector(
        ".explainer-chart .explainer-chart__label:not([hidden])", timeout=5_000
    )  # focus shows the label
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.length > 1")
    anchor = page.evaluate("location.hash.slice(1)")
    assert page.locator(f"ol.explainer-timeline > li#{anchor}").count() == 1
    assert labels[1].startswith("2. ") and page.locator(f"li#{anchor}").inner_text().count("Link to this entry") == 1


def test_lane_buttons_filter_the_chart_and_reset_restores_it(site_url: str, context_for: Callable[..., Any]) -> None:
    page = context_for(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(site_url + "timeline/")
    draw_charts(page)
    total = page.locator(".explainer-chart .scatterlayer .point").count()
    lane = page.locator(".explainer-chart__lane").first
    lane.focus()
    page.keyboard.press("Enter")
    assert lane.get_attribute("aria-pressed") == "false"
    page.wait_for_function(f"document.querySelectorAll('.explainer-chart .scatterlayer .point').length < {total}")
    remaining = page.locator(".explainer-chart .scatterlayer .point").count()
    assert page.locator(".explainer-chart__point").count() == remaining
    page.locator(".explainer-chart__reset").click()
    page.wait_for_function(f"document.querySelectorAll('.explainer-chart .scatterlayer .point').length == {total}")
    assert lane.get_attribute("aria-pressed") == "true"


def test_plotly_loads_only_when_a_reader_zooms_and_only_once(site_url: str, context_for: Callable[..., Any]) -> None:
    page = context_for(viewport={"width": 375, "height": 740}).new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "actors/")  # the chart is far below the fold on a phone
    settled(page)
    assert not any("plotly" in url for url in requests)
    draw_charts(page)
    assert sum("plotly-basic.min.js" in url for url in requests) == 1
    page.evaluate("window.__samePage = true; window.__plotly = window.Plotly")
    page.locator("#who-said-and-did-what-list a[href*='timeline/#']").first.click()  # instant navigation
    page.wait_for_url("**/timeline/**")
    # The address changes before Material swaps the page in: wait for the timeline's own chart, or
    # the old page's chart could be the one clicked.
    page.wait_for_selector("#timeline-chart .explainer-chart__toolbar:not([hidden])")
    assert page.locator("#involvement-chart").count() == 0
    draw_charts(page)
    assert page.evaluate("window.__samePage") is True, "Material's instant navigation kept the page"
    # The bundle is not asked for (from the network or the browser's cache) or run a second time.
    fetched = "performance.getEntriesByType('resource').filter(r => /plotly-basic/.test(r.name))"
    assert page.evaluate(f"{fetched}.length") == 1, "plotly.js is asked for once across pages"
    assert page.evaluate("window.Plotly === window.__plotly"), "plotly.js is run once across pages"
    assert page.evaluate("document.querySelectorAll('.js-plotly-plot').length") == 1, "no orphan chart"


NEVER_IDLE = "window.requestIdleCallback = function () { return 0; };"
"""A browser that is never idle (a busy phone): only the reader can bring Plotly or the search index."""


def test_the_picture_answers_and_plotly_comes_only_with_a_zoom(
    fixture_site: Any, context_for: Callable[..., Any]
) -> None:
    """plotly.js is never evaluated while the page loads: the picture shows each point's label on
    hover and focus, and Plotly is loaded when the reader zooms, drawing the view asked for."""
    site_url = fixture_site("explainer")[1]
    page = context_for(viewport={"width": 375, "height": 740}).new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "timeline/")
    settled(page)
    chart = page.locator("#timeline-chart")
    assert chart.locator(".explainer-picture").is_visible(), "the picture is there before any script draws"
    point = chart.locator(".explainer-picture__point").first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the reader points at it
    page.wait_for_selector("#timeline-chart .explainer-chart__label:not([hidden])", timeout=5_000)
    page.wait_for_function(
        "document.querySelector('#timeline-chart .explainer-chart__label').textContent.includes('Source')"
    )
    page.wait_for_timeout(500)
    assert page.evaluate("typeof window.Plotly") == "undefined", "hovering is answered without Plotly"
    assert not any("plotly" in url for url in requests)
    full = page.evaluate("JSON.parse(document.querySelector('#timeline-chart svg').dataset.geometry).axes.x.range")
    chart.locator(".explainer-chart__zoom--in").click()
    page.wait_for_selector("#timeline-chart.explainer-chart--drawn", timeout=15_000)
    assert chart.locator(".explainer-picture").count() == 0, "Plotly took the picture's place"
    page.wait_for_function(
        f"(() => {{ const r = document.querySelector('#timeline-chart .explainer-chart__plot').layout.xaxis.range;"
        f" return r[1] - r[0] < ({full[1]} - {full[0]}) * 0.6; }})()"
    )
    page.locator("label.md-header__button[for='__search']").click()  # the phone's search button
    page.wait_for_selector("input.md-search__input:focus")
    page.keyboard.type("bridge", delay=20)  # the fixture's incident is about a bridge
    page.wait_for_selector(".md-search-result__item", timeout=10_000)


def test_the_search_index_waits_for_the_page_to_settle(fixture_site: Any, context_for: Callable[..., Any]) -> None:
    site_url = fixture_site("explainer")[1]
    page = context_for(viewport={"width": 375, "height": 740}).new_page()
    page.goto(site_url + "timeline/")
    page.wait_for_function("() => performance.getEntriesByType('resource').some(r => /search_index/.test(r.name))")
    loaded, index = page.evaluate(
        """() => [performance.getEntriesByType('navigation')[0].loadEventEnd,
                  performance.getEntriesByType('resource').find(r => /search_index/.test(r.name)).startTime]"""
    )
    assert index >= loaded, "the search index is asked for only once the page has loaded"
    assert page.evaluate("performance.getEntriesByType('resource').some(r => /plotly/.test(r.name))") is False


def test_print_shows_the_chart_over_its_list(site_url: str, context_for: Callable[..., Any]) -> None:
    page = context_for(viewport={"width": 1000, "height": 900}).new_page()
    page.goto(site_url + "timeline/")
    draw_charts(page)
    page.emulate_media(media="print")
    assert page.locator(".explainer-chart__stage").is_visible()
    assert page.locator(".explainer-chart__toolbar").is_hidden()
    assert page.locator("ol.explainer-timeline > li").first.is_visible()
    assert page.locator("ol.explainer-timeline > li a[href*='sources']").first.is_visible()


def test_head_has_open_graph_and_structured_data(built_site: Path) -> None:
    import html
    import json
    import re

    explainer = build_explainer(CONTENT)
    incident = explainer.incident
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:type" content="article">' in home
    og_title = re.search(r'<meta property="og:title" content="([^"]*)">', home)
    assert og_title and html.unescape(og_title.group(1)) == incident.title
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', home, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["dateModified"] == incident.as_of.isoformat()
    cited = dict.fromkeys(s for fact in incident.key_facts for s in fact.sources)
    assert [work.get("url") for work in data["citation"]] == [explainer.sources[s].url for s in cited], (
        "no address the sources do not give"
    )
    timeline = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    events = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', timeline, re.S).group(1))
    assert {item["item"]["@type"] for item in events["itemListElement"]} <= {"Event"}
    for item in events["itemListElement"]:
        event = explainer.events[item["item"]["url"].removeprefix("#event-")]
        if event.when.precision in ("unknown", "range"):
            assert "startDate" not in item["item"], "no invented dates"
    statements = (built_site / "statements" / "index.html").read_text(encoding="utf-8")
    quotes = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', statements, re.S).group(1))
    first_page = list(explainer.statements.values())[:PAGE_SIZE]
    assert [q["spokenByCharacter"]["name"] for q in quotes["@graph"]] == [
        explainer.actors[s.speaker].name for s in first_page if s.form == "verbatim"
    ], "only verbatim statements are quotations"
    for actor in explainer.actors.values():
        if actor.kind != "person" or actor.affiliation is None:
            continue
        person = (built_site / "actors" / actor.id / "index.html").read_text(encoding="utf-8")
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', person, re.S).group(1))
        assert data["@type"] == "Person" and data["name"] == actor.name
        expected_keys = {"@context", "@type", "name", "affiliation"}
        expected_keys |= {key for key, value in (("description", actor.description), ("jobTitle", actor.role)) if value}
        assert set(data) == expected_keys, "nothing the records do not say"
        assert data["affiliation"]["name"] == explainer.actors[actor.affiliation].name
        assert data.get("jobTitle") == actor.role, "a job title only where the sources give one"


CONTRAST = """() => {
  const rgb = c => {
    const m = c.match(/[\\d.]+/g).map(Number);
    return m.slice(0, 3).concat([m.length > 3 ? m[3] : 1]);
  };
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const over = (fg, bg) => fg[3] >= 1 ? fg : [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat([1]);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const probe = document.createElement('span'); document.body.appendChild(probe);
  const css = c => { probe.style.color = ''; probe.style.color = c; return rgb(getComputedStyle(probe).color); };
  const bg = rgb(getComputedStyle(document.body).backgroundColor);
  const plot = document.querySelector('.explainer-chart__plot');
  const marks = plot._fullData.map(t => ratio(over(css(t.marker.color), bg), bg));
  const texts = Array.from(plot.querySelectorAll('.main-svg text'))
    .map(t => ratio(over(css(getComputedStyle(t).fill), bg), bg));
  probe.remove();
  return {marks: marks, texts: texts};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_marks_and_labels_meet_contrast(scheme: str, site_url: str, context_for: Callable[..., Any]) -> None:
    """axe-core does not look inside charts: marks need 3:1 and text 4.5:1 against the page."""
    page = context_for(color_scheme=scheme, viewport={"width": 1440, "height": 900}).new_page()
    for path in ("timeline/", "actors/"):
        page.goto(site_url + path)
        draw_charts(page)
        measured = page.evaluate(CONTRAST)
        assert measured["marks"] and min(measured["marks"]) >= 3.0, (path, measured["marks"])
        assert measured["texts"] and min(measured["texts"]) >= 4.5, (path, min(measured["texts"]))


def test_prose_is_formatted_in_pages_and_hover_labels_and_its_references_lead_to_their_record(
    fixture_site: Any, context_for: Callable[..., Any]
) -> None:
    """The fixture's first event: **closed** and a reference to the council's statement."""
    site_url = fixture_site("explainer")[1]
    page = context_for(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(site_url + "timeline/")
    entry = page.locator("li#event-bridge-closed")
    assert entry.locator("strong", has_text=re.compile("^closed$")).count() == 1
    assert "**" not in entry.inner_text() and "](" not in entry.inner_text()
    note = page.locator("li#event-traffic-diverted ul > li")
    assert note.count() == 2 and note.nth(1).locator("a[href^='https://']").count() == 1
    # The hover label: the same words, bold where the field is strong, no Markdown.
    draw_charts(page)
    page.locator(".explainer-chart__point[href$='#event-bridge-closed']").focus()
    words = "Thecouncilclosedthebridgeforinspection,asitsannouncementsays."
    page.wait_for_function(
        "w => document.querySelector('.explainer-chart__label').textContent.split(/\\s+/).join('').includes(w)",
        arg=words,
    )
    label = page.locator(".explainer-chart__label")
    bold = label.locator("b").all_text_contents()
    assert "closed" in bold, bold
    # The reference is a link to the statement's entry, which lists where it is mentioned.
    entry.get_by_role("link", name="its announcement").click()
    page.wait_for_url("**/statements/#statement-council-announcement")
    statement = page.locator("#statement-council-announcement")
    statement.wait_for()  # the address changes before Material swaps the page in
    assert statement.count() == 1
    mentioned = page.locator("p", has_text="Mentioned in:").first
    assert mentioned.get_by_role("link", name="The bridge is closed").count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_update_notices_show_on_the_records_they_concern_and_pass_axe(
    scheme: str, fixture_site: Any, context_for: Callable[..., Any]
) -> None:
    """The fixture's correction, clarification and update, each on its own records and no others."""
    site_url = fixture_site("explainer")[1]
    page = with_axe(context_for(color_scheme=scheme, viewport={"width": 375, "height": 740})).new_page()
    expected = {
        "statements/": {"statement-council-announcement": ["Corrected on February 10, 2025:"],
                        "statement-ministry-precaution": ["Clarified on February 20, 2025:"]},
        "timeline/": {"event-inspection-done": ["Updated on March 1, 2025:"], "event-bridge-closed": [],
                      "statement-council-announcement": ["Corrected on February 10, 2025:"]},
        "questions/": {"question-what-was-found": ["Updated on March 1, 2025:"], "question-when-reopen": []},
        "actors/example-ministry/": {"": ["Clarified on February 20, 2025:"]},
        "changes/": {},
    }  # fmt: skip
    for path, records in expected.items():
        page.goto(site_url + path)
        settled(page)
        assert page.locator("head link[rel=alternate][type='application/atom+xml']").count() == 1
        for anchor, notices in records.items():
            # A timeline entry holds its notices; a record on a listing page is its heading and
            # what follows it, up to the next heading.
            notice = "div[contains(concat(' ', @class, ' '), ' explainer-notice ')]"
            heading = f"preceding::*[self::h2 or self::h3][1][@id='{anchor}']"
            shown = (
                page.locator(f"li#{anchor} .explainer-notice").all()
                + page.locator(f"xpath=//{notice}[{heading}][not(ancestor::li[@id])]").all()
                if anchor
                else page.locator("article .explainer-notice").all()
            )
            assert [n.locator("strong").first.inner_text() for n in shown] == notices, (path, anchor)
            assert all(n.is_visible() for n in shown)
        draw_charts(page)
        violations = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
        assert violations == [], (path, violations)
    # A correction stands out from the other notices: a wider rule, in another colour.
    page.goto(site_url + "statements/")
    rules = page.locator(".explainer-notice").evaluate_all(
        "els => els.map(e => [getComputedStyle(e).borderLeftWidth, getComputedStyle(e).borderLeftColor])"
    )
    assert rules[0][0] != rules[1][0] and rules[0][1] != rules[1][1], rules
