"""Who said and did what: every actor against the timeline entries they spoke in or took part in.

A reader sees at a glance which people and organisations act in which part of the story, and on
which side. The Who's who page carries the same information as a list under the chart.
"""

from __future__ import annotations

import plotly.graph_objects as go

from ..messages import INVOLVEMENT
from ..site import Site
from . import charts
from .text import html_text


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
                hovers.append(f"<b>{html_text(heading)}</b><br>" + charts.hover(explainer, entry, language, brief))
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
    layout = go.Layout(
        height=110 + 30 * max(len(rows), 1),
        margin={
            "l": charts.gutter([charts.short(explainer.actors[a].name) for a in rows]),
            "r": 10, "t": 10 + charts.TOOLBAR, "b": 50,
        },
        showlegend=False,
        hovermode="closest",
        dragmode="pan",
        xaxis={
            "title": {"text": html_text(language.gettext("Timeline entry"))},
            "tickmode": "linear", "tick0": 1, "dtick": 1 if len(explainer.timeline) <= 30 else 5,
            "range": [0.3, len(explainer.timeline) + 0.7], "zeroline": False, "showgrid": True,
        },
        yaxis={
            "tickvals": list(row_of.values()),
            "ticktext": [html_text(charts.short(explainer.actors[a].name)) for a in rows],
            "range": [-0.7, len(rows) - 0.3], "fixedrange": True, "automargin": False, "zeroline": False,
        },
        meta=charts.layout_meta(
            site, lanes=charts.key_lanes(explainer, [s for s in explainer.sides if any(
                explainer.side_of[a] == s for a in rows)])
        ),
    )  # fmt: skip
    return go.Figure(data=traces, layout=layout)
