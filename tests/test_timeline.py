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


def test_whos_who_puts_each_name_above_its_row_and_numbers_that_fit_a_phone() -> None:
    from generator.render import involvement, picture
    from generator.render.text import html_text
    from tests.conftest import FIXTURES

    for name in ("minutes", "explainer"):
        site = Site(build_explainer(FIXTURES / name), ENGLISH)
        layout = charts.plain(involvement.figure(site))["layout"]
        rows = site.derived.involvements
        plot = charts.PHONE_WIDTH - layout["margin"]["l"] - layout["margin"]["r"]
        assert plot >= 0.9 * charts.PHONE_WIDTH, "no gutter for names: the plot has the phone's width"
        names = [note["text"] for note in layout["annotations"] if note.get("name") == "lane"]
        assert names == [html_text(site.explainer.actors[actor].name) for actor in rows]
        # Each name is between its row's markers and the row above's.
        ys = [note["y"] for note in layout["annotations"] if note.get("name") == "lane"]
        assert all(0 < y - row < 1 for y, row in zip(ys, layout["yaxis"]["tickvals"], strict=True))
        labels = len(range(layout["xaxis"]["tick0"], len(site.explainer.timeline) + 1, layout["xaxis"]["dtick"]))
        assert labels * involvement.TICK_PX <= plot, "the entry numbers fit a phone's plot without touching"
        svg = picture.picture(layout_figure := charts.plain(involvement.figure(site)), site.language, "x")
        assert all(f">{n}</text>" in svg for n in names), "the picture writes each name where Plotly does"
        assert layout_figure["layout"]["yaxis"]["showticklabels"] is False
