"""A dated explainer (``tests/fixtures/dated``, invented test data) gets a real time axis.

In Chromium: markers sit left to right in the order of their dates, a band covers exactly the
days something lasted, an uncertain day's line covers its possible days, undated entries sit in a
band of their own, every point is reachable by keyboard, and hovers word each date as the list does.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator import dates, models, order
from generator.link import Explainer
from generator.pipeline import build_explainer
from generator.render import scale
from tests.browsers import settled
from tests.conftest import ENGLISH, FIXTURES
from tests.html_pages import flat, visible_text
from tests.test_reader import draw_charts

DATED = FIXTURES / "dated"


@pytest.fixture(scope="module")
def explainer() -> Explainer:
    return build_explainer(DATED)


@pytest.fixture(scope="module")
def dated_site(fixture_site: Any) -> Path:
    return Path(fixture_site("dated")[0])


@pytest.fixture(scope="module")
def dated_url(fixture_site: Any) -> str:
    """The dated site, served at the address it was built for."""
    return str(fixture_site("dated")[1])


def figure(site: Path) -> dict[str, Any]:
    return json.loads((site / "figures" / "timeline.json").read_text(encoding="utf-8"))


def test_the_fixture_uses_every_date_form(explainer: Explainer) -> None:
    whens = [e.record.when for e in explainer.timeline]
    assert {w.precision for w in whens} >= {"day", "month", "range", "unknown"}
    days = [w for w in whens if isinstance(w, models.DayDate)]
    assert any(d.approximate for d in days) and any(d.part_of_day for d in days) and any(d.hour for d in days)
    assert any(getattr(e.record, "until", None) for e in explainer.timeline)
    assert any(e.record.lane for e in explainer.timeline)


def units(layout: dict[str, Any], moment: dt.datetime) -> float:
    """Where an instant is drawn on a dated chart (its scale's display units)."""
    segments = [
        scale.Segment(s["first"], s["last"], s["left"], s["right"]) for s in layout["meta"]["scale"]["segments"]
    ]
    return scale.Scale(segments, [], dt.UTC).x(moment.timestamp())


def test_the_figure_has_a_time_scale_and_undated_entries_apart(dated_site: Path, explainer: Explainer) -> None:
    layout = figure(dated_site)["layout"]
    assert layout["meta"]["kind"] == "dated" and layout["meta"]["scale"]["segments"]
    assert layout["xaxis"]["ticktext"][0].endswith("<br>2021"), "the first tick says the year"
    undated = {f"event-{e.record.id}" for e in explainer.timeline if dates.bounds(e.record.when) is None}
    on_x2 = {c[0] for t in figure(dated_site)["data"] if t.get("xaxis") == "x2" for c in t["customdata"]}
    assert undated and on_x2 == undated, "undated entries only on the separate axis"
    assert layout["xaxis2"]["showticklabels"] is False


def test_hovers_and_the_list_word_each_date_alike(dated_site: Path, explainer: Explainer) -> None:
    hovers = {c[0]: html.unescape(h) for t in figure(dated_site)["data"] if "customdata" in t
              for c, h in zip(t["customdata"], t["hovertext"], strict=True)}  # fmt: skip
    page = (dated_site / "timeline" / "index.html").read_text(encoding="utf-8")
    for entry in explainer.timeline:
        anchor = f"{'event' if entry.kind == 'events' else 'statement'}-{entry.record.id}"
        words = ENGLISH.entry_date(entry.record)
        assert words in hovers[anchor], (anchor, words)
        item = re.search(rf'<li id="{anchor}">(.*?)</li>', page, re.S)
        assert item and words in html.unescape(re.sub(r"<[^>]+>", "", item.group(1))), (anchor, words)
    text = visible_text(dated_site / "timeline" / "index.html")
    assert (
        "about April 13, 2021" in text and "in the morning" in text and "from March 23, 2021 to March 29, 2021" in text
    )
    assert "(" not in flat(ENGLISH.entry_date(explainer.events["salvage-operation"]))


@pytest.mark.browser
def test_markers_follow_time_and_bands_cover_their_days(
    dated_url: str, dated_site: Path, browser: Any, explainer: Explainer
) -> None:
    url = dated_url
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(url + "timeline/")
    draw_charts(page)
    points = page.locator("#timeline-chart .explainer-chart__point").evaluate_all(
        "links => links.map(a => [a.getAttribute('href').split('#')[1], parseFloat(a.style.left)])"
    )
    assert len(points) == len(explainer.timeline), "every entry is reachable by keyboard"
    x = dict(points)
    dated = [e for e in explainer.timeline if dates.bounds(e.record.when) is not None]
    anchors = {e.record.id: ("event-" if e.kind == "events" else "statement-") + e.record.id for e in dated}
    for a in dated:
        for b in dated:
            first_a, first_b = dates.span(a.record.when), dates.span(b.record.when)
            if first_a and first_b and order.surely_before(first_a, first_b):
                assert x[anchors[a.record.id]] < x[anchors[b.record.id]], (a.record.id, b.record.id)
    undated = [e for e in explainer.timeline if dates.bounds(e.record.when) is None]
    rightmost_dated = max(x[anchors[e.record.id]] for e in dated)
    for entry in undated:
        assert x[f"event-{entry.record.id}"] > rightmost_dated, "the undated band is apart, to the right"

    # The band of the blockage (23 to 29 March) runs from the start of its first day to the end of its
    # last, on the chart's clock.
    layout = figure(dated_site)["layout"]
    clock = explainer.clock
    start = units(layout, dt.datetime(2021, 3, 23, tzinfo=clock))
    end = units(layout, dt.datetime(2021, 3, 30, tzinfo=clock))
    edges = page.evaluate(
        """([start, end]) => {
          const gd = document.querySelector('#timeline-chart .explainer-chart__plot');
          const xa = gd._fullLayout.xaxis;
          const at = d => xa._offset + xa.d2p(d);
          const lines = Array.from(gd.querySelectorAll('.scatterlayer .trace')).map((g, i) => {
            const path = g.querySelector('path.js-line');
            if (!path) return null;
            const box = path.getBBox();
            return [gd.data[i].meta.role || '', box.x + xa._offset, box.x + box.width + xa._offset];
          });
          return {lines: lines, start: at(start), end: at(end)};
        }""",
        [start, end],
    )
    spans = [line for line in edges["lines"] if line and line[0] == "span"]
    assert any(abs(s[1] - edges["start"]) < 2 and abs(s[2] - edges["end"]) < 2 for s in spans), (spans, edges)
    page.close()


def test_listings_follow_the_timeline(dated_site: Path, explainer: Explainer) -> None:
    """Actor pages list events and statements in the timeline's order, and so does the statements page."""
    number = explainer.entry_number
    checked = 0
    for page in (dated_site / "actors").glob("*/index.html"):
        html_text = page.read_text(encoding="utf-8")
        for kind in ("event", "statement"):
            linked = re.findall(rf'href="[^"]*#{kind}-([a-z0-9-]+)"', html_text)
            assert linked == sorted(linked, key=number.__getitem__), (page, kind)
            checked += len(linked)
    statements = re.findall(r'id="statement-([a-z0-9-]+)"', (dated_site / "statements" / "index.html").read_text())
    assert statements == sorted(statements, key=number.__getitem__)
    assert checked > 10


def test_structured_data_is_as_precise_as_the_dates(dated_site: Path) -> None:
    page = (dated_site / "timeline" / "index.html").read_text(encoding="utf-8")
    data = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    events = {item["item"]["url"]: item["item"] for item in data["itemListElement"]}
    blocked = events["#event-canal-blocked"]
    assert (blocked["startDate"], blocked["endDate"]) == ("2021-03-23", "2021-03-29")
    assert events["#event-ship-held"]["startDate"] == "2021-04", "about a day: only its month"
    assert "startDate" not in events["#event-crew-replaced"]


@pytest.mark.browser
def test_the_dated_site_reads_well_for_everyone(dated_site: Path, dated_url: str, browser: Any) -> None:
    """axe finds nothing, each side has one colour on both charts, and the zoom buttons zoom."""
    from tests.test_reader import page_paths, with_axe

    url = dated_url
    page = with_axe(browser.new_context(viewport={"width": 1440, "height": 900})).new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    swatches: dict[str, set[str]] = {}
    for path in page_paths(dated_site):
        page.goto(url + path)
        settled(page)
        draw_charts(page)
        for name, colour in page.locator(".explainer-chart__lane").evaluate_all(
            "bs => bs.map(b => [b.textContent, getComputedStyle(b.querySelector('.explainer-chart__swatch')).color])"
        ):
            swatches.setdefault(name, set()).add(colour)
        problems += page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
    assert problems == []
    assert len(swatches) >= 2 and all(len(colours) == 1 for colours in swatches.values()), swatches
    assert len({next(iter(c)) for c in swatches.values()}) == len(swatches), "sides have different colours"

    page.goto(url + "timeline/")
    draw_charts(page)
    width = "() => { const r = document.querySelector('#timeline-chart .explainer-chart__plot').layout.xaxis.range;"
    width += " return r[1] - r[0]; }"
    before = page.evaluate(width)
    page.get_by_role("button", name="Zoom in").first.click()
    page.wait_for_function(f"({width})() < {before} * 0.6")
    page.get_by_role("button", name="Reset view").first.click()
    page.wait_for_function(f"Math.abs(({width})() - {before}) < 0.001")
    page.close()


OVERLAPS = """() => {
  const boxes = sel => Array.from(document.querySelectorAll('#timeline-chart ' + sel))
    .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0);
  const labels = boxes('.textpoint text'), marks = boxes('.points path.point');
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  let found = 0;
  labels.forEach((a, i) => {
    labels.forEach((b, j) => { if (i < j && hit(a, b)) found++; });
    marks.forEach(m => { if (hit(a, m)) found++; });
  });
  return [labels.length, found];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1440])
def test_marker_numbers_never_overlap(width: int, dated_url: str, site_url: str, browser: Any) -> None:
    """Neither on a dated chart nor on the repository's undated one, at a phone's width or a desktop's."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    for url in (dated_url, site_url):
        page.goto(url + "timeline/")
        draw_charts(page)
        labels, overlaps = page.evaluate(OVERLAPS)
        assert labels > 0 and overlaps == 0, (url, width, labels, overlaps)
    page.close()
