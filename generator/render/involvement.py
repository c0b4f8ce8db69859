"""Who said and did what: every actor against the timeline entries they spoke in or took part in.

A reader sees at a glance which people and organisations act in which part of the story, and on
which side. The Who's who page carries the same information as a list under the chart.

Each row's name sits on its own line above the row, after a swatch of its side's colour, as the
timeline's lanes do: the plot takes the chart's whole width on a phone too, and names are not cut to
fit a gutter.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from ..link import Explainer
from ..messages import INVOLVEMENT
from ..site import Site
from . import charts
from .text import html_text

MARGIN = 8
"""Pixels left and right of the plot: the rows' names sit above them, not beside."""
ROW_PX = 44
"""Pixels per row: its name's line and its markers."""
NAME = 0.4
"""How far above its row's markers a name sits, in rows (the y axis counts rows)."""
NAME_CHARS = 46
"""Longer names are shortened on the chart (in full in the hover, the points' labels and the list)."""
TICK_PX = 26
"""Room each entry number on the axis needs, so that numbers never touch on a phone."""


def _step(entries: int) -> int:
    """Label every how-many-th entry (1, 2, 5, 10, 20, 50...) so that the labels fit a phone's plot."""
    room = max(1, int((charts.PHONE_WIDTH - 2 * MARGIN) // TICK_PX))
    scale = 1
    while True:
        for step in (scale, 2 * scale, 5 * scale):
            if entries <= room * step:
                return step
        scale *= 10


Shapes = list[dict[str, Any]]


def _names(explainer: Explainer, rows: list[str], row_of: dict[str, int]) -> tuple[Shapes, Shapes]:
    """Each row's name above its markers, after a swatch of its side's colour."""
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    for actor_id in rows:
        y = row_of[actor_id] + NAME
        colour = charts.cue(explainer.sides.index(explainer.side_of[actor_id]))[0]
        shapes.append(
            {"type": "rect", "xref": "paper", "yref": "y", "xsizemode": "pixel", "xanchor": 0, "x0": 0, "x1": 10,
             "y0": y - 5 / ROW_PX, "y1": y + 5 / ROW_PX, "line": {"width": 0}, "fillcolor": "#808080",
             "name": f"swatch-{colour}"}
        )  # fmt: skip
        annotations.append(
            {"xref": "paper", "yref": "y", "x": 0, "xshift": 14, "y": y, "xanchor": "left", "yanchor": "middle",
             "text": html_text(charts.short(explainer.actors[actor_id].name, NAME_CHARS)), "showarrow": False,
             "name": "lane"}
        )  # fmt: skip
    return shapes, annotations


def figure(site: Site) -> go.Figure:
    explainer, language = site.explainer, site.language
    rows = site.derived.involvements
    row_of = {actor_id: len(rows) - 1 - i for i, actor_id in enumerate(rows)}  # first row on top
    brief = len(explainer.timeline) > charts.LARGE
    traces = []
    for side in explainer.sides:
        xs, ys, symbols, hovers, custom = [], [], [], [], []
        for actor_id, entries in rows.items():
            if explainer.side_of[actor_id] != side:
                continue
            name = explainer.actors[actor_id].name
            for entry, role in entries:
                xs.append(entry.number)
                ys.append(row_of[actor_id])
                symbols.append(charts.symbol(entry))
                said = language.gettext(INVOLVEMENT[role])
                heading = language.gettext("%(name)s (%(role)s)") % {"name": name, "role": said}
                thumbnail = None if brief else charts.thumbnail(site, entry)
                said_hover = charts.hover(explainer, entry, language, brief, thumbnail)
                hovers.append(f"<b>{html_text(heading)}</b><br>" + said_hover)
                if brief:
                    custom.append(charts.custom(site, entry))
                    continue
                label = language.gettext("%(name)s (%(role)s): %(point)s") % {
                    "name": name,
                    "role": said,
                    "point": charts.point_label(entry, language),
                }
                order = (len(rows) - row_of[actor_id]) * 100_000 + entry.number  # row by row
                custom.append(charts.custom(site, entry, order, label))
        if xs:
            traces.append(
                go.Scatter(
                    x=xs, y=ys, mode="markers", name=html_text(explainer.actors[side].name),
                    meta=charts.lane_meta(explainer, side, explainer.sides.index(side)),
                    hovertext=hovers, hoverinfo="none", customdata=custom,
                    marker={"symbol": symbols, "size": 12, "line": {"width": 2}},
                    cliponaxis=False,
                )
            )  # fmt: skip
    shapes, annotations = _names(explainer, list(rows), row_of)
    step = _step(len(explainer.timeline))
    layout = go.Layout(
        height=10 + charts.TOOLBAR + 50 + ROW_PX * max(len(rows), 1),
        margin={"l": MARGIN, "r": MARGIN, "t": 10 + charts.TOOLBAR, "b": 50},
        shapes=shapes,
        annotations=annotations,
        showlegend=False,
        hovermode="closest",
        dragmode="pan",
        xaxis={
            "title": {"text": html_text(language.gettext("Timeline entry"))},
            "tickmode": "linear", "tick0": 1 if step == 1 else step, "dtick": step, "tickangle": 0,
            "range": [0.3, len(explainer.timeline) + 0.7], "zeroline": False, "showgrid": True,
        },
        yaxis={
            "tickvals": list(row_of.values()), "showticklabels": False,
            "range": [NAME - 1 + 8 / ROW_PX, len(rows) - 1 + NAME + 8 / ROW_PX],
            "fixedrange": True, "automargin": False, "zeroline": False,
        },
        meta=charts.layout_meta(
            site, lanes=charts.key_lanes(explainer, [s for s in explainer.sides if any(
                explainer.side_of[a] == s for a in rows)])
        ),
    )  # fmt: skip
    return go.Figure(data=traces, layout=layout)
