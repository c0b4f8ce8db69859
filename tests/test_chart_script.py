"""The chart script's arithmetic agrees with the generator's: run under Node on the figures of every
fixture explainer, its helpers (generator/theme/assets/javascripts/explainer/) put each point of a
chart's picture where picture.py drew it, and show the ticks picture.py chose for the whole axis.

The script's own tests are in tests/js/ (``node --test tests/js/``, run by ``make test``).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
from functools import cache
from typing import Any

import pytest

from generator.i18n import Language
from generator.pipeline import generate
from generator.render import mirror, picture, scale
from tests.conftest import FIXTURES, ROOT

DRIVER = ROOT / "tests" / "js" / "driver.js"
NAMES = ["minutes", "same-minute", "decade", "one-day", "dated", "explainer", "explicador"]
WIDTHS = [343, 768, 1200]
"""A phone's chart, a tablet's and a desktop's, in pixels."""

POINT = re.compile(r'<g class="explainer-picture__point[^"]*"(?P<data>[^>]*) style="(?P<style>[^"]*)">')
PLACE = re.compile(
    r"translate\(calc\((?P<left>[-\d.]+)px \+ \(100% - (?P<room>[-\d.]+)px\) \* (?P<fraction>[-\d.]+)\),"
    r"(?P<y>[-\d.]+)px\)"
)


def node() -> str:
    found = shutil.which("node")
    if found is None:
        message = "node not found: install Node.js 20 or newer to check the chart script"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def run_script(asked: dict[str, Any]) -> dict[str, Any]:
    result = subprocess.run(
        [node(), str(DRIVER)], input=json.dumps(asked), capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


@cache
def figures(name: str) -> tuple[Language, dict[str, dict[str, Any]]]:
    """The fixture's language, and its charts' figures by path (the timeline's and Who's who's)."""
    output = generate(FIXTURES / name)
    incident = (FIXTURES / name / "incident.yml").read_text(encoding="utf-8")
    tag = re.search(r"^language: *(\S+)", incident, re.M)
    language = Language.for_tag(tag.group(1) if tag else "en")
    found = {path: json.loads(text) for path, text in output.data.items() if re.search(r"figures/[^/]+\.json$", path)}
    assert len(found) == 2, sorted(found)
    return language, found


def drawn(svg: str, width: float) -> list[tuple[dict[str, str], tuple[float, float]]]:
    """Each point of the picture: its data-* attributes, and where the browser draws it in an SVG
    ``width`` pixels wide (its translate(), with 100% the width)."""
    found = []
    for match in POINT.finditer(svg):
        data = {k: html.unescape(v) for k, v in re.findall(r' data-([a-z]+)="([^"]*)"', match["data"])}
        place = PLACE.search(match["style"])
        assert place, match["style"]
        x = float(place["left"]) + (width - float(place["room"])) * float(place["fraction"])
        found.append((data, (x, float(place["y"]))))
    return found


@pytest.mark.parametrize("name", NAMES)
def test_the_script_puts_every_point_where_the_picture_drew_it(name: str) -> None:
    """Left to right, and drawn right to left for a language written so (mirror.py)."""
    language, charts = figures(name)
    cases, expected = [], []
    both = [(path, figure) for path, figure in charts.items()]
    both += [(f"{path} (right to left)", mirror.mirrored(figure)) for path, figure in charts.items()]
    for path, figure in both:
        svg = picture.picture(figure, language, "chart")
        geometry = json.loads(html.unescape(re.search(r'data-geometry="([^"]*)"', svg)[1]))  # type: ignore[index]
        for width in WIDTHS:
            points = drawn(svg, width)
            cases.append({"geometry": geometry, "width": width, "points": [data for data, _ in points]})
            expected.append([(path, width, data.get("anchor"), place) for data, place in points])
    assert sum(len(case["points"]) for case in cases) > 0, "the fixture's charts have points"
    answer = run_script({"positions": cases})
    far = []
    for wanted, got in zip(expected, answer["positions"], strict=True):
        assert len(got) == len(wanted)
        for (path, width, anchor, (x, y)), (px, py) in zip(wanted, got, strict=True):
            if abs(px - x) > 0.5 or abs(py - y) > 0.5:
                far.append((path, width, anchor, (round(x, 2), round(y, 2)), (round(px, 2), round(py, 2))))
    assert far == []


@pytest.mark.parametrize("name", NAMES)
def test_the_script_shows_the_ticks_the_picture_chose(name: str) -> None:
    """On the whole axis, Plotly's first view has the picture's ticks, at a phone's width and a desktop's."""
    _, charts = figures(name)
    [figure] = [figure for path, figure in charts.items() if path.endswith("figures/timeline.json")]
    meta = figure["layout"]["meta"]["scale"]
    segments = [
        scale.Segment(s["first"], s["last"], s["left"], s["right"], levels=s["levels"]) for s in meta["segments"]
    ]
    whole = scale.Scale(segments, [], dt.UTC)
    expected = [
        scale.ticks(whole, meta["narrow"], meta["narrow_px"]),
        scale.ticks(whole, meta["wide"], meta["wide_px"]),
    ]
    asked = [
        {"scale": meta, "range": figure["layout"]["xaxis"]["range"], "chartWidth": width}
        for width in (meta["wide_chart"] - 1, meta["wide_chart"])
    ]
    answer = run_script({"ticks": asked})
    for wanted, got in zip(expected, answer["ticks"], strict=True):
        assert len(wanted) > 0
        assert [[round(x, 6), text] for x, text in wanted] == [
            [round(x, 6), text] for x, text in zip(got["values"], got["text"], strict=True)
        ]


@pytest.mark.parametrize("name", NAMES)
def test_right_to_left_every_point_is_the_mirror_image_of_its_place_left_to_right(name: str) -> None:
    """The margins are the same on both sides, so a point ``x`` pixels from the left edge left to
    right is ``x`` pixels from the right edge right to left, at the same height, at any width."""
    language, charts = figures(name)
    for path, figure in charts.items():
        ltr = picture.picture(figure, language, "chart")
        rtl = picture.picture(mirror.mirrored(figure), language, "chart")
        for width in WIDTHS:
            there = {data.get("anchor"): place for data, place in drawn(ltr, width)}
            here = {data.get("anchor"): place for data, place in drawn(rtl, width)}
            assert there.keys() == here.keys() and there, (path, width)
            far = {
                anchor: (there[anchor], here[anchor])
                for anchor in there
                if abs(width - there[anchor][0] - here[anchor][0]) > 0.01 or there[anchor][1] != here[anchor][1]
            }
            assert far == {}, (path, width, far)
        # Lane names and their swatches move to the right edge, their anchors to their ends.
        names = re.findall(r'class="explainer-picture__lane" x="([-\d.]+)"[^>]*text-anchor="(\w+)"', rtl)
        assert names and set(names) == {("-14", "end")}, (path, names)
        swatches = re.findall(r'explainer-picture__swatch[^"]*" style="x:calc\((calc\([^)]*\)[^)]*\)) - 10px\)', rtl)
        assert len(swatches) == len(names) and all("* 1.0000" in x for x in swatches), (path, swatches)
