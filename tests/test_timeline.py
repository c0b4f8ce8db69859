"""Placing entries on the timeline: order from dates and `after`, honest markers, escaped labels."""

from __future__ import annotations

import json
from pathlib import Path

from generator.pipeline import build_explainer
from generator.render import charts, timeline
from generator.site import Site
from tests.conftest import ENGLISH, FIXTURE


def test_order_comes_from_dates_and_after_and_unordered_entries_stay_apart() -> None:
    explainer = build_explainer(FIXTURE)
    ranks = {entry.record.id: entry.rank for entry in explainer.timeline}
    # Same day: no known order between them, so the same column.
    assert ranks["bridge-closed"] == ranks["council-announcement"] == 0
    assert ranks["ministry-precaution"] == 1  # after the announcement
    assert ranks["inspection-done"] == 2  # after the ministry's statement
    assert ranks["traffic-diverted"] is None  # neither dated nor ordered
    assert [entry.number for entry in explainer.timeline] == [1, 2, 3, 4, 5]
    assert explainer.timeline[-1].record.id == "traffic-diverted"


def test_markers_show_how_precisely_each_entry_is_dated() -> None:
    explainer = build_explainer(FIXTURE)
    symbols = {entry.record.id: charts.symbol(entry) for entry in explainer.timeline}
    assert symbols == {
        "bridge-closed": "circle",  # a day
        "council-announcement": "diamond",  # an exact time
        "ministry-precaution": "diamond-open",  # no date
        "inspection-done": "circle-open-dot",  # a range of days
        "traffic-diverted": "circle-open",  # no date
    }


def test_hover_labels_escape_editors_text(fixture_copy: Path) -> None:
    events = fixture_copy / "events.yml"
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            "title: The bridge is closed", 'title: "<img src=x onerror=alert(1)> & %{customdata[0]}"'
        ),
        encoding="utf-8",
    )
    figure = json.loads(charts.to_json(timeline.figure(Site(build_explainer(fixture_copy), ENGLISH))))
    trace = next(t for t in figure["data"] if any(c[0] == "event-bridge-closed" for c in t.get("customdata", [])))
    hover = trace["hovertext"][[c[0] for c in trace["customdata"]].index("event-bridge-closed")]
    number = build_explainer(fixture_copy).entry_number["bridge-closed"]
    assert hover.startswith(f"<b>{number}. &lt;img src=x onerror=alert(1)&gt; &amp; %{{customdata[0]}}</b><br>")
    assert trace["hoverinfo"] == "none", "the site script shows the hover text as given, never as a template"
    assert all(t.get("hoverinfo") in ("none", "skip") for t in figure["data"])
    assert "<img" not in charts.to_json(timeline.figure(Site(build_explainer(fixture_copy), ENGLISH)))
