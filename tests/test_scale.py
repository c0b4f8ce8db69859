"""Size, not speed: no page grows with the number of records unless it lists them, and listings
are paged. (Speed and memory are measured by `make bench`, which prints figures.)"""

from __future__ import annotations

import json
import re

import pytest

from generator import assets
from generator.derive import MAX_ROWS
from generator.pipeline import generate
from generator.render import charts
from generator.site import PAGE_SIZE
from tests.synthetic import write_explainer

LISTINGS = ("timeline", "statements", "sources")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, object]:
    return {n: generate(write_explainer(tmp_path_factory.mktemp(f"n{n}"), n)) for n in (300, 1200)}


def test_listing_pages_hold_at_most_one_page_of_records(outputs: dict[int, object]) -> None:
    output = outputs[1200]
    timeline_pages = [p for p in output.pages if p == "timeline.md" or p.startswith("timeline/")]  # type: ignore[attr-defined]
    assert len(timeline_pages) == -(-1800 // PAGE_SIZE)  # 1,200 events and 600 statements
    for path in timeline_pages:
        items = re.findall(r'<li id="(?:event|statement)-', output.pages[path])  # type: ignore[attr-defined]
        assert 0 < len(items) <= PAGE_SIZE, path
    for path, text in output.pages.items():  # type: ignore[attr-defined]
        if path.startswith("statements"):
            assert len(re.findall(r"\{#statement-", text)) <= PAGE_SIZE
        if path.startswith("sources"):
            assert len(re.findall(r"\{#source-", text)) <= PAGE_SIZE


def test_pages_that_are_not_listings_do_not_grow_with_the_explainer(outputs: dict[int, object]) -> None:
    small, large = outputs[300], outputs[1200]
    for path in ("index.md", "about.md"):
        ratio = len(large.pages[path]) / len(small.pages[path])  # type: ignore[attr-defined]
        assert ratio < 1.3, (path, ratio)
    # Every listing page, first or last, stays about one page of records long.
    biggest = {n: max(len(t) for p, t in o.pages.items() if p.split("/")[0].removesuffix(".md") in LISTINGS)  # type: ignore[attr-defined]
               for n, o in outputs.items()}  # fmt: skip
    assert biggest[1200] / biggest[300] < 1.6, biggest


def test_large_charts_are_svg_and_stay_small(outputs: dict[int, object]) -> None:
    output = outputs[1200]
    for name in ("timeline", "involvement"):
        figure = json.loads(output.data[f"figures/{name}.json"])  # type: ignore[attr-defined]
        assert {trace["type"] for trace in figure["data"]} == {"scatter"}, f"{name}: SVG, no WebGL trace"
        assert charts.large(figure), name
        assert not charts.large(json.loads(outputs[300].data[f"figures/{name}.json"])), name  # type: ignore[attr-defined]
        markers = [t for t in figure["data"] if t.get("mode") != "lines"]
        assert all(t["cliponaxis"] is False for t in markers), "drawn whole at the plot's edge, at every size"
    figure = json.loads(output.data["figures/timeline.json"])  # type: ignore[attr-defined]
    assert all("text" not in trace for trace in figure["data"])
    for n, output_n in outputs.items():  # one plotly.js, whatever the size
        assert f'data-bundle-src="{assets.PLOTLY_PATH}"' in output_n.pages["timeline.md"], n  # type: ignore[attr-defined]
    assert assets.PLOTLY_PATH in output.pages["timeline.md"].split("\n---", 1)[0], "preloaded with the page"  # type: ignore[attr-defined]
    assert assets.PLOTLY_PATH not in outputs[300].pages["timeline.md"].split("\n---", 1)[0]  # type: ignore[attr-defined]
    per_point = len(output.data["figures/timeline.json"]) / 1800  # type: ignore[attr-defined]
    assert per_point < 400, per_point  # bytes per entry: 5,000 events + 2,500 statements stay under 2 MB
    rows = json.loads(output.data["figures/involvement.json"])["layout"]["yaxis"]["tickvals"]  # type: ignore[attr-defined]
    assert len(rows) == MAX_ROWS
    assert charts.LARGE < 1800


def test_the_picture_of_a_chart_of_thousands_summarises_it(outputs: dict[int, object]) -> None:
    """Above ``charts.LARGE`` entries (a figure marked ``large``), the build-time picture is density
    strips, as Plotly's chart drops marker labels; below, it draws every point."""
    large, small = outputs[1200].pages["timeline.md"], outputs[300].pages["timeline.md"]  # type: ignore[attr-defined]
    assert "explainer-picture__point" not in large and "explainer-picture__line" in large
    assert small.count('<g class="explainer-picture__point') == 450  # 300 events and 150 statements
