"""The timeline chart: Plotly figure data and the HTML element that carries it.

The chart is drawn by the site's script from ``figures/timeline.json``; the page itself holds the
same information as an ordered list, so nothing depends on the chart being drawn.

The x axis is the order the sources support (a column per rank), never invented calendar days:
entries that share a column have no known order between them. One lane per side; hollow markers
for entries with no calendar date; circles for events, diamonds for statements.
"""

from __future__ import annotations

import json
import textwrap
from collections import defaultdict

import plotly.graph_objects as go

from .. import dates
from ..link import KIND_NAMES, Explainer, TimelineEntry
from .text import attribute, html_text, json_for_html

FIGURE_PATH = "figures/timeline.json"
"""Site-relative path of the timeline's figure data."""

CHART_ID = "timeline-chart"

_SHAPES = {"events": "circle", "statements": "diamond"}
_FILLS = {"exact": "", "day": "", "month": "-open-dot", "year": "-open-dot", "range": "-open-dot", "unknown": "-open"}
"""Solid: dated to the day. Hollow with a dot: only a month, a year or a range. Hollow: no date."""

HOVER_SUMMARY_CHARS = 280
"""Longer summaries are cut in the hover label (the list below the chart has them in full)."""


def symbol(entry: TimelineEntry) -> str:
    """The marker of an entry: its shape says its kind, its fill how precisely it is dated."""
    return _SHAPES[entry.kind] + _FILLS[entry.record.when.precision]


def _wrap(text: str, width: int = 60) -> list[str]:
    flat = " ".join(text.split())
    if len(flat) > HOVER_SUMMARY_CHARS:
        flat = flat[:HOVER_SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
    return textwrap.wrap(flat, width) or [""]


def summary_sentence(explainer: Explainer) -> str:
    events, statements = len(explainer.events), len(explainer.statements)
    sides = ", ".join(explainer.actors[s].name for s in explainer.sides if _has_entries(explainer, s))
    return (
        f"{events} event{'s' if events != 1 else ''} and {statements} statement{'s' if statements != 1 else ''}"
        f" in the order the sources support, one lane per side ({sides})."
    )


def _has_entries(explainer: Explainer, side: str) -> bool:
    return any(entry.lane == side for entry in explainer.timeline)


def chart_html(explainer: Explainer) -> str:
    """The chart's container: a figure with an accessible name and summary, pointing to the list."""
    summary = summary_sentence(explainer)
    return (
        f'<figure class="explainer-chart" id="{CHART_ID}" data-figure="{attribute(FIGURE_PATH)}" '
        f'aria-label="{attribute("Timeline chart of " + explainer.incident.title)}">\n'
        f'<div class="explainer-chart__plot" role="img" aria-label="{attribute(summary)}"></div>\n'
        f"<figcaption>{html_text(summary)} Circles are events and diamonds statements. Solid markers are dated"
        " to the day, hollow markers with a dot only to a month, a year or a range, and hollow markers have no"
        ' calendar date. The same entries are listed <a href="#in-order">in order below</a>.'
        "</figcaption>\n</figure>\n"
    )


def _hover(explainer: Explainer, entry: TimelineEntry) -> str:
    record = entry.record
    kind = "Event" if entry.kind == "events" else f"Statement ({record.form})"  # type: ignore[union-attr]
    when = dates.describe(record.when)
    if record.when.as_reported:
        when += f" \u2014 reported as \u201c{record.when.as_reported}\u201d"
    if entry.kind == "events":
        who = ", ".join(explainer.actors[a].name for a in record.actors)  # type: ignore[union-attr]
    else:
        who = explainer.actors[record.speaker].name  # type: ignore[union-attr]
    sources = "; ".join(explainer.sources[s].title for s in record.sources)
    summary = record.summary if entry.kind == "events" else record.text  # type: ignore[union-attr]
    lines = [
        f"<b>{entry.number}. {html_text(record.title)}</b>",
        html_text(f"{kind} \u00b7 {when}"),
        *(html_text(line) for line in _wrap(summary)),
        html_text(f"{'Actors' if entry.kind == 'events' else 'Speaker'}: {who}"),
        html_text(f"Sources: {sources}"),
    ]
    return "<br>".join(lines)


def figure(explainer: Explainer) -> go.Figure:
    """The Plotly figure of the timeline (data and layout; theme colours are set in the browser)."""
    lanes = [side for side in explainer.sides if _has_entries(explainer, side)]
    lane_index = {side: i for i, side in enumerate(lanes)}
    max_rank = max((e.rank for e in explainer.timeline if e.rank is not None), default=-1)
    unplaced_column = max_rank + 2

    # Placed entries sit in their rank's column, stacked when they share a lane and a column.
    # Unplaced entries are spread across a shaded band of their own, in no particular order.
    cells: dict[tuple[str, float], list[TimelineEntry]] = defaultdict(list)
    unplaced_by_lane: dict[str, int] = defaultdict(int)
    for entry in explainer.timeline:
        if entry.rank is not None:
            cells[(entry.lane, entry.rank)].append(entry)
        else:
            cells[(entry.lane, unplaced_column + unplaced_by_lane[entry.lane])].append(entry)
            unplaced_by_lane[entry.lane] += 1
    band_width = max(unplaced_by_lane.values(), default=0)

    traces = []
    for side in lanes:
        xs, ys, symbols, texts, hovers, anchors = [], [], [], [], [], []
        for (lane, column), entries in sorted(cells.items(), key=lambda item: item[0][1]):
            if lane != side:
                continue
            for k, entry in enumerate(entries):
                offset = (k - (len(entries) - 1) / 2) * min(0.25, 0.7 / max(len(entries), 1))
                xs.append(column)
                ys.append(lane_index[side] + offset)
                symbols.append(symbol(entry))
                texts.append(str(entry.number))
                hovers.append(_hover(explainer, entry))
                anchors.append(f"{KIND_NAMES[entry.kind]}-{entry.record.id}")
        traces.append(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers+text",
                name=html_text(explainer.actors[side].name),
                text=texts,
                textposition="top center",
                hovertext=hovers,
                hoverinfo="text",
                customdata=anchors,
                marker={"symbol": symbols, "size": 14, "line": {"width": 2}},
                cliponaxis=False,
            )
        )

    shapes, annotations = [], []
    if any(entry.rank is None for entry in explainer.timeline):
        band_end = unplaced_column + band_width - 1
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": unplaced_column - 0.5,
                "x1": band_end + 0.5,
                "y0": 0,
                "y1": 1,
                "line": {"width": 0},
                "fillcolor": "rgba(128,128,128,0.15)",
                "layer": "below",
            }
        )
        annotations.append(
            {
                "x": (unplaced_column + band_end) / 2,
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "text": "Order not reported",
                "showarrow": False,
            }
        )
    all_undated = all(dates.bounds(e.record.when) is None for e in explainer.timeline)
    # Short enough for a 375-pixel-wide phone; the page says the rest in words.
    axis_title = "Order reported (no dates)" if all_undated else "Order reported"
    layout = go.Layout(
        template=None,
        height=160 + 90 * max(len(lanes), 1),
        margin={"l": 10, "r": 10, "t": 40, "b": 50},
        showlegend=True,
        legend={"orientation": "h", "y": -0.2, "x": 0},
        hovermode="closest",
        dragmode="pan",
        xaxis={
            "title": {"text": axis_title},
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "range": [-0.7, (unplaced_column + band_width - 1 if shapes else max_rank) + 0.7],
        },
        yaxis={
            "tickvals": list(range(len(lanes))),
            "ticktext": [html_text(explainer.actors[s].name) for s in lanes],
            "range": [-0.6, len(lanes) - 0.4],
            "fixedrange": True,
            "automargin": True,
            "zeroline": False,
        },
        shapes=shapes,
        annotations=annotations,
    )
    return go.Figure(data=traces, layout=layout)


def figure_json(explainer: Explainer) -> str:
    """The figure as deterministic JSON (sorted keys, HTML-significant characters escaped)."""
    plain = json.loads(figure(explainer).to_json(validate=True, engine="json"))
    return json_for_html({"data": plain["data"], "layout": plain["layout"]}) + "\n"
