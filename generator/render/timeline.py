"""The timeline chart: Plotly figure data and the HTML element that carries it.

The chart is drawn by the site's script from ``figures/timeline.json``; the page itself holds the
same information as an ordered list, so nothing depends on the chart being drawn.

The x axis is the order the sources support (a column per rank), never invented calendar days:
entries that share a column have no known order between them. One lane per side; markers as in
:mod:`generator.render.charts`.
"""

from __future__ import annotations

from collections import defaultdict

import plotly.graph_objects as go

from .. import dates
from ..i18n import Language
from ..link import Explainer, TimelineEntry
from . import charts
from .text import html_text

FIGURE_PATH = "figures/timeline.json"
"""Site-relative path of the timeline's figure data."""


def figure(explainer: Explainer, language: Language) -> go.Figure:
    """The Plotly figure of the timeline (data and layout; theme colours are set in the browser)."""
    used = {entry.lane for entry in explainer.timeline}
    lanes = [side for side in explainer.sides if side in used]
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

    large = len(explainer.timeline) > charts.LARGE
    traces = []
    for side in lanes:
        xs, ys, symbols, texts, hovers, anchors = [], [], [], [], [], []
        for (lane, column), entries in sorted(cells.items(), key=lambda item: item[0][1]):
            if lane != side:
                continue
            for k, entry in enumerate(entries):
                offset = (k - (len(entries) - 1) / 2) * min(0.25, 0.7 / max(len(entries), 1))
                xs.append(column)
                ys.append(round(lane_index[side] + offset, 3))
                symbols.append(charts.symbol(entry))
                texts.append(str(entry.number))
                hovers.append(charts.hover(explainer, entry, language, brief=large))
                anchors.append(
                    [charts.anchor(entry), charts.point_label(entry, language, large), entry.number, charts.href(entry)]
                )
        # WebGL draws thousands of markers quickly; numbers on markers only help while they are legible.
        scatter = go.Scattergl if large else go.Scatter
        traces.append(
            scatter(
                x=xs,
                y=ys,
                mode="markers" if large else "markers+text",
                name=html_text(explainer.actors[side].name),
                text=None if large else texts,
                textposition=None if large else "top center",
                hovertext=hovers,
                hoverinfo="text",
                customdata=anchors,
                marker={"symbol": symbols, "size": 8 if large else 14, "line": {"width": 1 if large else 2}},
                **({} if large else {"cliponaxis": False}),
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
                # Anchored at the band's right edge, the label grows leftwards over the chart, so a
                # longer wording (another language, a phone's width) is never cut at the edge.
                "x": band_end + 0.5,
                "xanchor": "right",
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "text": html_text(language.gettext("Order not reported")),
                "showarrow": False,
            }
        )
    all_undated = all(dates.bounds(e.record.when) is None for e in explainer.timeline)
    # Short enough for a 375-pixel-wide phone; the page says the rest in words.
    axis_title = language.gettext("Order reported (no dates)") if all_undated else language.gettext("Order reported")
    layout = go.Layout(
        template=None,
        height=160 + 90 * max(len(lanes), 1),
        margin={"l": 10, "r": 10, "t": 40, "b": 50},
        showlegend=False,  # the site script draws the legend as buttons a keyboard can reach
        hovermode="closest",
        dragmode="pan",
        xaxis={
            "title": {"text": html_text(axis_title)},
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


def figure_json(explainer: Explainer, language: Language) -> str:
    return charts.to_json(figure(explainer, language))
