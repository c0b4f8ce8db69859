"""Each chart's picture, drawn at build time: seen with no script at all, in print, and in the
same places as the interactive chart that replaces it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import free_port, make_project, run_explainer
from tests.synthetic import write_explainer
from tests.test_reader import draw_charts

pytestmark = pytest.mark.browser

CENTRES = """sel => Object.fromEntries(Array.from(document.querySelectorAll(sel)).map(e => {
  const r = e.querySelector('circle, polygon') ? e.querySelector('circle, polygon').getBoundingClientRect()
                                               : e.getBoundingClientRect();
  const key = e.getAttribute('data-anchor') || e.getAttribute('href').split('#')[1];
  return [key, [r.x + r.width / 2, r.y + r.height / 2]];
}))"""


def test_without_javascript_every_entry_is_in_the_picture(fixture_site: Any, browser: Any) -> None:
    dated_site, dated_url = fixture_site("dated")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1440, "height": 900})
    page = context.new_page()
    figure = json.loads((dated_site / "figures" / "timeline.json").read_text(encoding="utf-8"))
    anchors = {c[0] for t in figure["data"] for c in t.get("customdata", [])}
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        page.goto(dated_url + "timeline/")
        picture = page.locator("#timeline-chart .explainer-picture")
        assert picture.is_visible(), media
        shown = set(page.evaluate(CENTRES, "#timeline-chart .explainer-picture__point"))
        assert shown == anchors, media
        assert picture.get_attribute("role") == "img" and picture.get_attribute("aria-labelledby")
    context.close()


def pictured_points(browser: Any, url: str, width: int) -> dict[str, tuple[float, float]]:
    """Where the picture of the timeline at ``url`` puts each entry, within the plot (no script)."""
    still = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 900})
    page = still.new_page()
    page.goto(url)
    found = points_in_plot(page, ".explainer-picture__point")
    still.close()
    return found


def points_in_plot(page: Any, selector: str) -> dict[str, tuple[float, float]]:
    """Each entry's centre within the timeline's plot: its picture's markers or the links over Plotly's."""
    box = page.locator("#timeline-chart .explainer-chart__plot").bounding_box()
    centres = page.evaluate(CENTRES, f"#timeline-chart {selector}")
    return {k: (x - box["x"], y - box["y"]) for k, (x, y) in centres.items()}


def far_apart(pictured: dict[str, tuple[float, float]], drawn: dict[str, tuple[float, float]]) -> dict[str, Any]:
    """The entries the picture and Plotly put more than 2 pixels apart."""
    assert pictured.keys() == drawn.keys()
    return {
        k: (pictured[k], drawn[k])
        for k in drawn
        if abs(pictured[k][0] - drawn[k][0]) > 2 or abs(pictured[k][1] - drawn[k][1]) > 2
    }


@pytest.mark.parametrize("width", [375, 1440])
def test_the_picture_and_the_chart_put_each_entry_in_the_same_place(
    width: int,
    fixture_site: Any,
    browser: Any,
) -> None:
    """The picture's markers and Plotly's (where the keyboard links sit) agree to a few pixels."""
    dated_url = fixture_site("dated")[1]
    pictured = pictured_points(browser, dated_url + "timeline/", width)
    live = browser.new_context(viewport={"width": width, "height": 900})
    page = live.new_page()
    page.goto(dated_url + "timeline/")
    draw_charts(page)
    assert page.locator("#timeline-chart .explainer-picture").count() == 0, "the chart replaced the picture"
    drawn = points_in_plot(page, ".explainer-chart__point")
    live.close()
    assert far_apart(pictured, drawn) == {}


@pytest.fixture(scope="module")
def synthetic_url(tmp_path_factory: pytest.TempPathFactory, serve_dir: Any) -> str:
    """A synthetic explainer (long side names, a year of dates): a narrow plot with many ticks."""
    folder = tmp_path_factory.mktemp("synthetic")
    port = free_port()
    project = make_project(folder / "project", content=write_explainer(folder / "content", 60))
    result = run_explainer("build", cwd=project, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    return str(serve_dir(project / "site", port))


@pytest.mark.parametrize("name", ["dated", "explainer", "explicador", "synthetic"])
def test_tick_labels_of_the_picture_never_overlap_on_a_phone(
    name: str, fixture_site: Any, synthetic_url: str, browser: Any
) -> None:
    """The picture cannot measure itself: it leaves out tick labels that would collide at 375 pixels."""
    url = synthetic_url if name == "synthetic" else fixture_site(name)[1]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})
    page = context.new_page()
    for path in ("timeline/", "actors/"):
        page.goto(url + path)
        boxes = page.evaluate(
            """() => Array.from(document.querySelectorAll('.explainer-picture__tick'))
                 .map(t => t.getBoundingClientRect()).filter(r => r.width > 0)
                 .map(r => [r.left, r.right, r.top])"""
        )
        rows: dict[float, list[tuple[float, float]]] = {}
        for left, right, top in boxes:
            rows.setdefault(round(top), []).append((left, right))
        for spans in rows.values():
            spans.sort()
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), (path, spans)
    context.close()
