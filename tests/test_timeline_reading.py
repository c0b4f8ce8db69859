"""A timeline readers can read, on any time scale and any screen, measured in Chromium.

Four invented fixture stories unlike each other (``tests/fixtures``): ``minutes`` (a story told by
the minute, then by the day, with a months-long tail and twelve sides), ``same-minute`` (two entries
at the same minute in one lane), ``decade`` (ten years) and ``one-day`` (one day, hour by hour, in
Spanish), with the older ``dated`` fixture and the undated ``explainer``. On each, at a phone's width
and a desktop's: no two markers closer than 8 pixels at first view, the plot takes at least 70% of
the width, no two lanes look alike, every label shown for a keyboard-reachable point stays inside
the viewport, the zoom buttons are visible with no sideways scroll, the list, the chart's numbers
and the keyboard go in one order, and focus on every point (undated ones included) raises no error,
before Plotly is loaded and after it has taken over.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from tests.browsers import settled
from tests.test_reader import draw_charts

pytestmark = pytest.mark.browser

FIXTURES = ["minutes", "same-minute", "decade", "one-day", "dated", "explainer"]
WIDTHS = [375, 1440]

# The centres of the markers drawn now: the picture's, or Plotly's once it has taken over.
CENTRES = """() => {
  const chart = document.querySelector('#timeline-chart');
  const marks = chart.querySelector('.explainer-picture')
    ? Array.from(chart.querySelectorAll('.explainer-picture__point')).map(g => g.querySelector('circle, polygon'))
    : Array.from(chart.querySelectorAll('.scatterlayer .points path.point'));
  return marks.map(m => { const r = m.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; });
}"""

# How each lane looks: its swatch's colour and the pattern over it, in the picture's key.
LANE_LOOKS = """() => Array.from(document.querySelectorAll(
  '#timeline-chart .explainer-chart__key .explainer-chart__swatch'))
  .map(s => getComputedStyle(s).color + ' ' + (Array.from(s.classList).find(c => c.includes('--')) || ''))"""


@pytest.fixture
def page_at(browser: Any, fixture_site: Any) -> Any:
    pages: list[Any] = []

    def open_page(name: str, width: int, scheme: str = "light") -> Any:
        context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
        page = context.new_page()
        page.errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.goto(fixture_site(name)[1] + "timeline/")
        settled(page)
        pages.append(context)
        return page

    yield open_page
    for context in pages:
        context.close()


def closest_pair(centres: list[list[float]]) -> float:
    return min(
        (math.dist(a, b) for i, a in enumerate(centres) for b in centres[i + 1 :]),
        default=math.inf,
    )


def focus_every_point(page: Any) -> list[dict[str, Any]]:
    """Tab from the zoom controls through the chart's point links; for each, its label and where the
    chart's own label was drawn."""
    page.locator("#timeline-chart .explainer-chart__reset").focus()
    seen = []
    for _ in range(200):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
              const e = document.activeElement;
              if (!e || !e.classList.contains('explainer-chart__point')) return null;
              const box = document.querySelector('#timeline-chart .explainer-chart__label');
              const r = box.getBoundingClientRect();
              return {label: e.getAttribute('aria-label'), anchor: e.getAttribute('href').split('#')[1],
                      shown: !box.hidden, box: [r.left, r.top, r.right, r.bottom],
                      view: [document.documentElement.clientWidth, innerHeight]};
            }"""
        )
        if info is None:
            break
        seen.append(info)
    return seen


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", FIXTURES)
def test_the_timeline_reads_on_every_screen(name: str, width: int, page_at: Any) -> None:
    page = page_at(name, width)
    # Markers never hide each other: at first view, no two centres closer than 8 pixels.
    centres = page.evaluate(CENTRES)
    assert len(centres) > 0 and closest_pair(centres) >= 8, (name, width, closest_pair(centres))

    # The plot takes at least 70% of the width: names sit above their lanes, not beside them.
    share = page.evaluate(
        """() => { const svg = document.querySelector('#timeline-chart .explainer-picture');
          const g = JSON.parse(svg.dataset.geometry);
          return (svg.getBoundingClientRect().width - g.margin.l - g.margin.r) / innerWidth; }"""
    )
    assert share >= (0.7 if width < 600 else 0.4), share

    # No two lanes look the same.
    looks = page.evaluate(LANE_LOOKS)
    assert len(looks) == len(set(looks)), looks

    # The zoom buttons are on screen, with no sideways scroll.
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    for control in page.locator("#timeline-chart .explainer-chart__toolbar button").all():
        box = control.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, box

    # The list, the chart's numbers and the keyboard agree.
    listed = page.locator("ol.explainer-timeline > li").evaluate_all("items => items.map(li => li.id)")
    numbered = page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll('#timeline-chart .explainer-picture__point'))
             .map(g => [g.querySelector('text').textContent, g.dataset.anchor]))"""
    )
    assert [numbered[str(n)] for n in range(1, len(numbered) + 1)] == listed[: len(numbered)]
    for drawn in (False, True):
        if drawn:
            draw_charts(page)
            assert closest_pair(page.evaluate(CENTRES)) >= 8, (name, width, "Plotly's markers")
        seen = focus_every_point(page)
        assert [s["anchor"] for s in seen] == listed[: len(seen)] and len(seen) == len(numbered), (name, drawn)
        assert [int(s["label"].split(".")[0]) for s in seen] == list(range(1, len(seen) + 1))
        # Every label shown for a point stays inside the viewport (it flips near an edge).
        for s in seen:
            left, top, right, bottom = s["box"]
            view_width, view_height = s["view"]
            assert s["shown"] and left >= 0 and top >= 0 and right <= view_width and bottom <= view_height, s
    assert page.errors == []


def test_markers_at_one_minute_are_stacked_apart(page_at: Any) -> None:
    """Two entries at the same minute in one lane: two rows, both numbers readable."""
    page = page_at("same-minute", 375)
    rows = page.evaluate(
        """() => Array.from(document.querySelectorAll('#timeline-chart .explainer-picture__point'))
             .filter(g => ['event-power-fails', 'event-alarm-sounds'].includes(g.dataset.anchor))
             .map(g => { const r = g.getBoundingClientRect(); return [r.x, r.y]; })"""
    )
    assert len(rows) == 2 and abs(rows[0][0] - rows[1][0]) < 2 and abs(rows[0][1] - rows[1][1]) >= 20


def test_long_empty_stretches_are_cut_and_every_cut_is_labelled(fixture_site: Any, page_at: Any) -> None:
    """The minute-by-minute story with a months-long tail: each stretch gets room, every cut shows."""
    page = page_at("minutes", 375)
    cuts = page.locator("#timeline-chart .explainer-picture__cut").count()
    labels = page.locator("#timeline-chart .explainer-picture__note").all_text_contents()
    assert cuts >= 1 and len([t for t in labels if t.endswith("later")]) == cuts, labels
    # The first hour's entries (04:09 to 05:27) are not a blob: spread over at least 40 pixels.
    spread = page.evaluate(
        """() => { const xs = ['event-update-released', 'event-update-withdrawn'].map(a =>
             document.querySelector(`#timeline-chart .explainer-picture__point[data-anchor="${a}"]`)
               .getBoundingClientRect().x);
           return xs[1] - xs[0]; }"""
    )
    assert spread >= 40, spread
    ticks = " ".join(page.locator("#timeline-chart .explainer-picture__tick").all_text_contents())
    assert "2030" in ticks, "the ticks say the year"


def test_zoom_and_pan_like_a_map(page_at: Any) -> None:
    page = page_at("minutes", 1440)
    plot = "#timeline-chart .explainer-chart__plot"
    full = page.evaluate(f"JSON.parse(document.querySelector('{plot} svg').dataset.geometry).axes.x.range")
    page.locator("#timeline-chart .explainer-chart__zoom--in").click()
    page.wait_for_selector("#timeline-chart.explainer-chart--drawn")
    in_view = "document.querySelectorAll('#timeline-chart .explainer-chart__point').length"
    page.wait_for_function(f"document.querySelector('{plot}').layout.xaxis.range[1] < {full[1]}")
    assert page.evaluate(in_view) > 0, "zooming in keeps entries in view, not empty time"

    # ctrl + wheel zooms around the pointer: the value under it stays under it.
    box = page.locator(plot).bounding_box()
    x, y = box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.5
    value_at = f"""px => {{ const gd = document.querySelector('{plot}'); const xa = gd._fullLayout.xaxis;
      return xa.p2d(px - gd.getBoundingClientRect().left - xa._offset); }}"""
    before = page.evaluate(value_at, x)
    range_before = page.evaluate(f"document.querySelector('{plot}').layout.xaxis.range.slice()")
    page.mouse.move(x, y)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -200)
    page.keyboard.up("Control")
    page.wait_for_function(
        f"r => {{ const n = document.querySelector('{plot}').layout.xaxis.range; return n[1] - n[0] < r[1] - r[0]; }}",
        arg=range_before,
    )
    assert abs(page.evaluate(value_at, x) - before) < (range_before[1] - range_before[0]) * 0.01

    # A plain wheel scrolls the page and leaves the chart alone.
    zoomed = page.evaluate(f"document.querySelector('{plot}').layout.xaxis.range.slice()")
    scrolled = page.evaluate("scrollY")
    page.mouse.wheel(0, 300)
    page.wait_for_function(f"scrollY > {scrolled}")
    assert page.evaluate(f"document.querySelector('{plot}').layout.xaxis.range.slice()") == zoomed

    # A drag pans; a double click returns to the whole story.
    box = page.locator(plot).bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + 30, steps=5)
    page.mouse.up()
    page.wait_for_function(f"r => document.querySelector('{plot}').layout.xaxis.range[0] > r[0]", arg=zoomed)
    page.mouse.dblclick(box["x"] + box["width"] * 0.5, box["y"] + 30)
    page.wait_for_function(
        f"f => {{ const r = document.querySelector('{plot}').layout.xaxis.range;"
        " return r[0] === f[0] && r[1] === f[1]; }",
        arg=full,
    )
    assert page.errors == []


def test_a_pinch_zooms_the_chart_and_one_finger_scrolls_the_page(browser: Any, fixture_site: Any) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(fixture_site("minutes")[1] + "timeline/")
    settled(page)
    plot = page.locator("#timeline-chart .explainer-chart__plot")
    assert (
        page.evaluate("getComputedStyle(document.querySelector('#timeline-chart .explainer-chart__stage')).touchAction")
        == "pan-y"
    ), "one finger moving up or down scrolls the page"
    page.evaluate("document.querySelector('#timeline-chart').scrollIntoView()")
    box = plot.bounding_box()
    cdp = context.new_cdp_session(page)
    y = box["y"] + 120  # on the plot, within the viewport
    middle = box["x"] + box["width"] / 2

    def touch(kind: str, spread: float) -> None:
        points = (
            []
            if kind == "touchEnd"
            else [{"x": middle - spread, "y": y, "id": 1}, {"x": middle + spread, "y": y, "id": 2}]
        )
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", 20)
    for spread in (30, 45, 60, 80):
        touch("touchMove", spread)
    touch("touchEnd", 0)
    page.wait_for_selector("#timeline-chart.explainer-chart--drawn", timeout=15_000)
    page.wait_for_function(
        "() => { const r = document.querySelector('#timeline-chart .explainer-chart__plot').layout.xaxis.range;"
        " return r[1] - r[0] < 1000 * 0.7; }"
    )
    context.close()


# Who's who on a phone: the plot's share of the width, each row's name whole above its row, and the
# entry numbers apart; in the picture and once Plotly has drawn the chart.
WHOS_WHO = """() => {
  const chart = document.querySelector('#involvement-chart');
  const boxes = sel => Array.from(chart.querySelectorAll(sel)).map(e => e.getBoundingClientRect())
    .filter(r => r.width > 0).map(r => [r.left, r.right, r.top, r.bottom]);
  const picture = chart.querySelector('.explainer-picture');
  let plot;
  if (picture) {
    const g = JSON.parse(picture.dataset.geometry);
    plot = picture.getBoundingClientRect().width - g.margin.l - g.margin.r;
  } else {
    plot = chart.querySelector('.js-plotly-plot')._fullLayout._size.w;
  }
  return {
    plot, view: document.documentElement.clientWidth, chart: chart.getBoundingClientRect().right,
    names: Array.from(chart.querySelectorAll(picture ? '.explainer-picture__lane' : '.annotation-text'))
      .map(t => t.textContent),
    nameBoxes: boxes(picture ? '.explainer-picture__lane' : '.annotation-text'),
    ticks: boxes(picture ? '.explainer-picture__tick:not(.explainer-picture__tick--minor)' : '.xtick text'),
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_whos_who_gives_the_plot_the_width_and_every_name_its_line(width: int, browser: Any, fixture_site: Any) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for name in FIXTURES:
        page.goto(fixture_site(name)[1] + "actors/")
        for drawn in (False, True):
            if drawn:
                draw_charts(page)
            seen = page.evaluate(WHOS_WHO)
            assert seen["plot"] >= (0.7 if width < 600 else 0.4) * seen["view"], (name, drawn, seen["plot"])
            assert seen["names"] and not any(n.endswith("\u2026") for n in seen["names"]), (name, drawn, seen)
            assert all(right <= seen["chart"] + 1 for _, right, _, _ in seen["nameBoxes"]), (name, drawn)
            ticks = sorted(seen["ticks"])
            assert len(ticks) >= 2 and all(a[1] + 2 <= b[0] for a, b in zip(ticks, ticks[1:], strict=False)), (
                name,
                drawn,
                ticks,
            )
    context.close()
    assert errors == []


# The point links of a chart: each one's key and its place within the chart's stage, in key order.
LINKS = """id => Array.from(document.querySelectorAll('#' + id + ' .explainer-chart__point')).map(a => {
  const r = a.getBoundingClientRect(), stage = a.closest('.explainer-chart__stage').getBoundingClientRect();
  return [a.getAttribute('data-key'), Math.round(r.x - stage.x), Math.round(r.y - stage.y)];
}).sort((a, b) => a[0] < b[0] ? -1 : 1)"""

SAME_LINKS = f"""([id, want]) => {{ const got = ({LINKS})(id);
  return got.length === want.length && got.every((g, i) => g[0] === want[i][0]
    && Math.abs(g[1] - want[i][1]) <= 2 && Math.abs(g[2] - want[i][2]) <= 2); }}"""


def test_a_window_resized_after_loading_puts_the_links_where_a_page_loaded_at_that_width_has_them(
    browser: Any, fixture_site: Any
) -> None:
    """A reader turns a tablet or narrows the window: each point keeps one link, over the point, as
    on a page loaded at the new width; in the picture and once Plotly has drawn the chart. On Who's
    who an entry several sides took part in is a point, and a link, in each side's row."""
    from playwright.sync_api import TimeoutError as Timeout

    url = fixture_site("dated")[1]
    page = browser.new_page()
    for path, chart in (("actors/", "involvement-chart"), ("timeline/", "timeline-chart")):
        fresh = {}  # (width, drawn) -> the links of a page loaded at that width
        for width in (375, 1440):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(url + path)
            settled(page)
            fresh[(width, False)] = page.evaluate(LINKS, chart)
            draw_charts(page)
            fresh[(width, True)] = page.evaluate(LINKS, chart)
        keys = [key for key, _, _ in fresh[(1440, False)]]
        assert keys and len(set(keys)) == len(keys), (path, "one link per point")
        page.goto(url + path)  # at 1440
        settled(page)
        for drawn in (False, True):
            if drawn:
                draw_charts(page)
            for width in (375, 1440):
                page.set_viewport_size({"width": width, "height": 800})
                try:
                    page.wait_for_function(SAME_LINKS, arg=[chart, fresh[(width, drawn)]], timeout=5_000)
                except Timeout:
                    assert page.evaluate(LINKS, chart) == fresh[(width, drawn)], (path, drawn, width)
        # Each link's label is its own point's: on Who's who, it names the side whose row it is in.
        for link in page.locator(".explainer-chart__point").all() if path == "actors/" else []:
            link.focus()
            side = (link.get_attribute("aria-label") or "").split(": ")[0]
            first_line = page.locator(".explainer-chart__label").inner_text().split("\n")[0]
            assert first_line == side, link.get_attribute("data-key")
    page.close()
