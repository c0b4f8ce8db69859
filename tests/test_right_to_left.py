"""An explainer published in a language written right to left (the fixture's Arabic translation).

The page is mirrored by Material (``dir="rtl"``); the charts are mirrored in their figures
(generator/render/mirror.py), so that time runs from right to left in the picture and in Plotly
alike, the lanes' names sit at the right edge and the hover label opens to the left of its point.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_picture import CENTRES, far_apart, pictured_points, points_in_plot
from tests.test_reader import draw_charts, with_axe

pytestmark = pytest.mark.browser

ARABIC_PAGES = ("ar/", "ar/timeline/", "ar/statements/", "ar/actors/", "ar/questions/", "ar/sources/")


# Whether some point of the timeline has moved more than `far` pixels sideways from where `before`
# (anchor -> centre, as CENTRES gives them) had it.
MOVED = """([before, far]) => Array.from(document.querySelectorAll('#timeline-chart .explainer-chart__point'))
  .some(e => {
  const k = e.getAttribute('href').split('#')[1], r = e.getBoundingClientRect();
  return k in before && Math.abs(r.x + r.width / 2 - before[k][0]) > far; })"""


@pytest.fixture(scope="module")
def arabic_url(translated_site: tuple[Path, int], serve_dir: Any) -> str:
    site, port = translated_site
    return str(serve_dir(site, port))


def test_the_arabic_pages_are_right_to_left_and_the_original_is_not(translated_site: tuple[Path, int]) -> None:
    site, _ = translated_site
    for page in ("index.html", "timeline/index.html", "actors/index.html"):
        arabic = (site / "ar" / page).read_text(encoding="utf-8")
        assert '<html lang="ar"' in arabic and '<body dir="rtl"' in arabic, page
        assert "التسلسل الزمني" in arabic, "the interface speaks Arabic"
        english = (site / page).read_text(encoding="utf-8")
        assert '<body dir="ltr"' in english, page
    figure = (site / "ar" / "figures" / "timeline.json").read_text(encoding="utf-8")
    assert '"direction":"rtl"' in figure.replace(" ", "")
    assert '"direction"' not in (site / "figures" / "timeline.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [375, 1440])
def test_the_arabic_timeline_runs_right_to_left_in_the_picture_and_in_plotly_alike(
    width: int, arabic_url: str, browser: Any
) -> None:
    pictured = pictured_points(browser, arabic_url + "ar/timeline/", width)
    # The first entry of the fixture (10 January) is right of the later ones; names at the right edge.
    assert pictured["event-bridge-closed"][0] > pictured["event-inspection-done"][0]
    still = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 900})
    page = still.new_page()
    page.goto(arabic_url + "ar/timeline/")
    box = page.locator("#timeline-chart .explainer-chart__plot").bounding_box()
    names = page.locator("#timeline-chart .explainer-picture__lane").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().right)"
    )
    assert names and all(box["x"] + box["width"] - right < 30 for right in names), (names, box)
    still.close()

    live = browser.new_context(viewport={"width": width, "height": 900})
    page = live.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(arabic_url + "ar/timeline/")
    draw_charts(page)
    assert page.locator("#timeline-chart .explainer-picture").count() == 0, "the chart replaced the picture"
    drawn = points_in_plot(page, ".explainer-chart__point")
    assert far_apart(pictured, drawn) == {}
    box = page.locator("#timeline-chart .explainer-chart__plot").bounding_box()
    # Plotly's own lane names are at the right edge too.
    lanes = page.locator("#timeline-chart .annotation-text").evaluate_all(
        "els => els.filter(e => e.closest('.annotation')).map(e => e.getBoundingClientRect().right)"
    )
    assert any(box["x"] + box["width"] - right < 30 for right in lanes), (lanes, box)

    # Focus on a point: its label opens inside the viewport, to the left of the point where it fits.
    page.keyboard.press("Escape")
    first = page.locator("#timeline-chart .explainer-chart__point").first
    first.focus()
    label = page.locator("#timeline-chart .explainer-chart__label")
    label.wait_for(state="visible")
    at, shown = first.bounding_box(), label.bounding_box()
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= width, (shown, width)
    if at["x"] - shown["width"] > 30:
        assert shown["x"] + shown["width"] <= at["x"] + at["width"] / 2, (shown, at)
    assert label.evaluate("e => getComputedStyle(e).direction") == "rtl"

    # A drag to the right brings later entries into view (time runs to the left).
    unzoomed = page.evaluate(CENTRES, "#timeline-chart .explainer-chart__point")
    page.locator("#timeline-chart .explainer-chart__zoom--in").click()
    # The zoom is drawn in a later frame, after Plotly's relayout: measure once it has moved the points.
    page.wait_for_function(MOVED, arg=[unzoomed, 1])
    before = page.evaluate(CENTRES, "#timeline-chart .explainer-chart__point")
    assert before, "some entries are in view after one step of zoom"
    stage = page.locator("#timeline-chart .explainer-chart__stage").bounding_box()
    y = stage["y"] + stage["height"] / 2
    page.mouse.move(stage["x"] + stage["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(stage["x"] + stage["width"] / 2 + 40, y, steps=4)
    page.mouse.up()
    page.wait_for_function(MOVED, arg=[before, 20])
    after = page.evaluate(CENTRES, "#timeline-chart .explainer-chart__point")
    shifts = [after[k][0] - before[k][0] for k in before if k in after]
    # Dated entries follow the pointer 40 pixels to the right; the undated band does not move.
    assert any(abs(shift - 40) < 3 for shift in shifts), shifts
    assert all(shift == 0 or abs(shift - 40) < 3 for shift in shifts), shifts
    live.close()
    assert errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_arabic_page_passes_axe(scheme: str, arabic_url: str, browser: Any) -> None:
    context = with_axe(browser.new_context(color_scheme=scheme, viewport={"width": 1440, "height": 900}))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ARABIC_PAGES:
        page.goto(arabic_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl", path
        violations = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
        assert violations == [], (scheme, path, violations)
    context.close()
    assert errors == []
