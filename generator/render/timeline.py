"""The timeline chart's figure data.

The chart is drawn by the site's script from ``figures/timeline.json``; the page itself holds the
same information as an ordered list, so nothing depends on the chart being drawn. One lane per
side, its name above it (see :mod:`generator.render.lanes`); markers as in :mod:`generator.render.charts`.

When entries have dates, the x axis is time on the scale of :mod:`generator.render.scale`: each
segment linear, long empty stretches cut out, every cut drawn and labelled. Each entry sits at the
middle of where it can be on the chart's clock; a bar covers every instant a date that is not to
the minute can be (an hour, a day, a month...), a wide band what lasted. Entries without a date are
never given a position in time: they sit in a separate band with an axis of their own. A wholly
undated explainer gets an axis of the order the sources support instead (a column per rank, never
invented calendar days): entries that share a column have no known order between them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import plotly.graph_objects as go

from .. import dates, models
from ..link import Explainer, TimelineEntry
from ..site import Site
from . import charts, lanes, scale
from .text import html_text

FIGURE_PATH = "figures/timeline.json"
"""Site-relative path of the timeline's figure data."""

MARGIN = 8
"""Pixels left and right of the plot: the lanes' names sit above them, not beside."""
BOTTOM = 58
"""Pixels below the plot: two lines of tick labels and the axis title."""
LABEL_ROW = 18
"""Pixels per row of labels above the plot (cuts in time, the undated band)."""
UNDATED_DOMAIN = (0.84, 1.0)
DATED_DOMAIN = (0.0, 0.8)
FAR = 1e7
"""Beyond any view, for lane backgrounds that must cover whatever the reader pans to."""


def figure(site: Site) -> go.Figure:
    """The Plotly figure of the timeline (data and layout; theme colours are set in the browser)."""
    return dated_figure(site) if site.derived.dated else ordinal_figure(site)


def plot_px() -> float:
    """The plot's width on a small phone (the chart's width there, less the margins)."""
    return charts.PHONE_WIDTH - 2 * MARGIN


def _key(entry: TimelineEntry) -> str:
    return charts.anchor(entry)


def _lanes(explainer: Explainer, sides: list[str], points: dict[str, list[tuple[str, float, float]]],
           large: bool) -> lanes.Layout:  # fmt: skip
    named = [(side, explainer.actors[side].name, explainer.sides.index(side)) for side in sides]
    return lanes.layout(named, points, dodged=not large)


def _label_rows(labels: list[tuple[float, str, str]], width_px: float) -> list[tuple[float, str, str, int]]:
    """Rows for labels above the plot, ``(x as a share of the width, text, anchor)``, so that none
    overlaps another at ``width_px``: each takes the first row where it clears the others."""
    rows = lanes.FirstFit()
    placed = []
    for share, text, anchor in sorted(labels):
        wide = scale.label_px(text)
        left = share * width_px - {"left": 0, "right": wide}.get(anchor, wide / 2)
        row = rows.first(left)
        row = rows.rows if row < 0 else row
        rows.put(row, left + wide + 6)
        placed.append((share, text, anchor, row))
    return placed


def _chrome(explainer: Explainer, layout: lanes.Layout) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each lane's name above it with a swatch of its colour, and a rule between lanes."""
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    for n, lane in enumerate(layout.lanes):
        if n:
            shapes.append(
                {"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": lane.top, "y1": lane.top,
                 "line": {"width": 1, "color": "rgba(128,128,128,0.35)"}, "layer": "below"}
            )  # fmt: skip
        shapes.append(
            {"type": "rect", "xref": "paper", "yref": "y", "xsizemode": "pixel", "xanchor": 0, "x0": 0, "x1": 10,
             "y0": lane.top + 6, "y1": lane.top + 16, "line": {"width": 0}, "fillcolor": "#808080",
             "name": f"swatch-{lane.colour}"}
        )  # fmt: skip
        annotations.append(
            {"xref": "paper", "yref": "y", "x": 0, "xshift": 14, "y": lane.top + 11, "xanchor": "left",
             "yanchor": "middle", "text": html_text(lane.name), "showarrow": False, "name": "lane"}
        )  # fmt: skip
    return shapes, annotations


def _backgrounds(layout: lanes.Layout, axes: list[str]) -> list[go.Scatter]:
    """A pattern over each lane whose side shares its colour with another (the second cue)."""
    traces = []
    for lane in layout.lanes:
        if not lane.pattern:
            continue
        for axis in axes:
            traces.append(
                go.Scatter(
                    x=[-FAR, FAR, FAR, -FAR, -FAR], y=[lane.top, lane.top, lane.top + lane.height,
                                                       lane.top + lane.height, lane.top],
                    xaxis=axis, mode="lines", fill="toself", line={"width": 0}, hoverinfo="skip",
                    fillpattern={"shape": lane.pattern, "size": 10, "solidity": 0.15},
                    meta={"lane": layout.lanes.index(lane), "colour": lane.colour, "role": "pattern"},
                    showlegend=False,
                )
            )  # fmt: skip
    return traces


def _markers(site: Site, entries: list[TimelineEntry], xs: list[Any],
             ys: list[float], meta: dict[str, Any], large: bool, **extra: Any) -> go.Scatter:  # fmt: skip
    explainer, language = site.explainer, site.language
    return go.Scatter(
        x=xs, y=ys, meta=meta,
        mode="markers" if large else "markers+text",
        name=html_text(explainer.actors[explainer.sides[meta["side"]]].name),
        text=None if large else [str(e.number) for e in entries],
        textposition=None if large else "middle right",
        hovertext=[charts.hover(explainer, e, language, large, None if large else charts.thumbnail(site, e))
                   for e in entries],  # fmt: skip
        hoverinfo="none",  # the site script shows its own label, kept inside the viewport
        customdata=[charts.custom(site, e) if large
                    else charts.custom(site, e, e.number, charts.point_label(e, language)) for e in entries],
        marker={"symbol": [charts.symbol(e) for e in entries], "size": 8 if large else lanes.MARKER,
                "line": {"width": 1 if large else 2}},
        cliponaxis=False,  # a marker at the plot's edge is drawn whole (Plotly hides those out of view)
        **extra,
    )  # fmt: skip


def _meta(layout: lanes.Layout, side_index: int, lane: int) -> dict[str, Any]:
    return {"lane": lane, "colour": layout.lanes[lane].colour, "side": side_index}


def ordinal_figure(site: Site) -> go.Figure:
    """Undated: the x axis is the order the sources support, a column per rank."""
    explainer, language = site.explainer, site.language
    sides = site.derived.lanes
    large = len(explainer.timeline) > charts.LARGE
    max_rank = max((e.rank for e in explainer.timeline if e.rank is not None), default=-1)
    unplaced_column = max_rank + 2
    column: dict[str, float] = {}
    unplaced_by_lane: dict[str, int] = defaultdict(int)
    for entry in explainer.timeline:
        if entry.rank is not None:
            column[_key(entry)] = entry.rank
        else:
            column[_key(entry)] = unplaced_column + unplaced_by_lane[entry.lane]
            unplaced_by_lane[entry.lane] += 1
    band_width = max(unplaced_by_lane.values(), default=0)
    band_end = unplaced_column + band_width - 1
    x_range = [-0.7, (band_end if band_width else max_rank) + 0.7]
    px = plot_px()

    def to_px(x: float) -> float:
        return (x - x_range[0]) / (x_range[1] - x_range[0]) * px

    points: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for entry in explainer.timeline:
        points[entry.lane].append((_key(entry), to_px(column[_key(entry)]), lanes.number_px(entry.number)))
    layout = _lanes(explainer, sides, points, large)
    traces: list[Any] = _backgrounds(layout, ["x"])
    for index, side in enumerate(sides):
        lane = layout.lanes[index]
        entries = [e for e in explainer.timeline if e.lane == side]
        traces.append(
            _markers(site, entries, [column[_key(e)] for e in entries],
                     [lane.row_y(layout.row_of[_key(e)]) for e in entries],
                     _meta(layout, explainer.sides.index(side), index), large)
        )  # fmt: skip
    shapes, annotations = _chrome(explainer, layout)
    labels: list[tuple[float, str, str]] = []
    if band_width:
        shapes.append(
            {"type": "rect", "xref": "x", "yref": "paper", "x0": unplaced_column - 0.5, "x1": band_end + 0.5,
             "y0": 0, "y1": 1, "line": {"width": 0}, "fillcolor": "rgba(128,128,128,0.15)", "layer": "below"}
        )  # fmt: skip
        # Anchored at the band's right edge, the label grows leftwards over the chart, so a longer
        # wording (another language, a phone's width) is never cut at the edge.
        labels.append((to_px(band_end + 0.5) / px, html_text(language.gettext("Order not reported")), "right"))
    top_rows = _place_labels(
        labels, annotations, xref="x", to_x=lambda share: x_range[0] + share * (x_range[1] - x_range[0])
    )
    all_undated = all(dates.bounds(e.record.when) is None for e in explainer.timeline)
    # Short enough for a 375-pixel-wide phone; the page says the rest in words.
    axis_title = language.gettext("Order reported (no dates)") if all_undated else language.gettext("Order reported")
    return go.Figure(
        data=traces,
        layout=go.Layout(
            height=charts.TOOLBAR + LABEL_ROW * top_rows + layout.height + BOTTOM - 8,
            margin={"l": MARGIN, "r": MARGIN, "t": charts.TOOLBAR + LABEL_ROW * top_rows, "b": BOTTOM - 8},
            showlegend=False, hovermode="closest", dragmode=False,
            xaxis={"title": {"text": html_text(axis_title)}, "showticklabels": False, "showgrid": False,
                   "zeroline": False, "range": x_range, "fixedrange": True},
            yaxis=_y_axis(layout), shapes=shapes, annotations=annotations,
            meta=charts.layout_meta(site, kind="ordinal", lanes=_lanes_meta(explainer, layout)),
        ),
    )  # fmt: skip


def _y_axis(layout: lanes.Layout) -> dict[str, Any]:
    """Pixels from the top of the plot: the picture and Plotly put each lane at the same height."""
    return {"range": [layout.height, 0], "visible": False, "fixedrange": True, "zeroline": False}


def _lanes_meta(explainer: Explainer, layout: lanes.Layout) -> list[dict[str, Any]]:
    """Each lane for the picture, the key and the site script: where it is, its cues, its side's name."""
    return [{"lane": n, "top": lane.top, "height": lane.height, "colour": lane.colour, "pattern": lane.pattern,
             "name": html_text(explainer.actors[lane.side].name)}
            for n, lane in enumerate(layout.lanes)]  # fmt: skip


def _place_labels(labels: list[tuple[float, str, str]], annotations: list[dict[str, Any]], xref: str,
                  to_x: Any) -> int:  # fmt: skip
    """Labels above the plot, in rows that keep them apart on a phone; how many rows they take."""
    placed = _label_rows(labels, plot_px())
    for share, text, anchor, row in placed:
        annotations.append(
            {"xref": xref, "yref": "paper", "x": to_x(share), "y": 1, "xanchor": anchor, "yanchor": "bottom",
             "yshift": 2 + LABEL_ROW * row, "text": text, "showarrow": False, "name": "above"}
        )  # fmt: skip
    return max((row + 1 for *_, row in placed), default=0)


def _seconds(moment: dt.datetime) -> float:
    return moment.timestamp()


def dated_figure(site: Site) -> go.Figure:
    """Time on a scale that gives each cluster room: entries at their dates, bars over what a date
    can be, bands over what lasted; undated entries apart."""
    explainer, language = site.explainer, site.language
    sides = site.derived.lanes
    large = len(explainer.timeline) > charts.LARGE
    zone = explainer.clock
    dated = [e for e in explainer.timeline if dates.bounds(e.record.when) is not None]
    undated = [e for e in explainer.timeline if dates.bounds(e.record.when) is None]
    drawn = {_key(e): dates.shown(e.record.when, zone) for e in dated}
    ends = {_key(e): dates.shown(until, zone) for e in dated if (until := getattr(e.record, "until", None))}
    middle = {key: (_seconds(s[0]) + _seconds(s[1])) / 2 for key, s in drawn.items() if s}
    domain = DATED_DOMAIN if undated else (0.0, 1.0)
    px = plot_px()
    time = scale.build(
        [(middle[k], _seconds(s[0]), _seconds(s[1])) for k, s in drawn.items() if s],
        zone,
        language,
        px * (domain[1] - domain[0]),
    )
    column = {_key(e): n for n, e in enumerate(undated)}
    undated_range = [-0.7, len(undated) - 0.3]

    def to_px(entry: TimelineEntry) -> float:
        key = _key(entry)
        if key in middle:
            return (domain[0] + (domain[1] - domain[0]) * time.x(middle[key]) / scale.WIDTH) * px
        share = (column[key] - undated_range[0]) / (undated_range[1] - undated_range[0])
        return (UNDATED_DOMAIN[0] + (UNDATED_DOMAIN[1] - UNDATED_DOMAIN[0]) * share) * px

    points: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for entry in explainer.timeline:
        points[entry.lane].append((_key(entry), to_px(entry), lanes.number_px(entry.number)))
    layout = _lanes(explainer, sides, points, large)
    traces: list[Any] = _backgrounds(layout, ["x", "x2"] if undated else ["x"])
    for index, side in enumerate(sides):
        lane = layout.lanes[index]
        meta = _meta(layout, explainer.sides.index(side), index)
        here = [e for e in dated if e.lane == side]
        ys = [lane.row_y(layout.row_of[_key(e)]) for e in here]
        # What lasted: a band from the first instant it can have begun to the last it can have ended.
        band_x: list[float | None] = []
        band_y: list[float | None] = []
        for entry, y in zip(here, ys, strict=True):
            end = ends.get(_key(entry))
            if end is not None:
                band_x += [time.x(_seconds(drawn[_key(entry)][0])), time.x(_seconds(end[1])), None]  # type: ignore[index]
                band_y += [y, y, None]
        if band_x:
            traces.append(
                go.Scatter(x=band_x, y=band_y, mode="lines", meta={**meta, "role": "span"}, hoverinfo="skip",
                      line={"width": 10}, opacity=0.35, name=html_text(lane.name))
            )  # fmt: skip
        # A date not known to the minute: a thin bar over every instant it can be on the chart's clock
        # (on a chart of thousands, only the dates wider than a day: narrower bars cannot be seen there).
        bar_x: list[float | None] = []
        bar_y: list[float | None] = []
        uncertain_days = (models.MonthDate, models.YearDate, models.RangeDate)
        for entry, y in zip(here, ys, strict=True):
            span = drawn[_key(entry)]
            when = entry.record.when
            barred = isinstance(when, uncertain_days) or not (large or isinstance(when, models.ExactDate))
            if span and barred:
                bar_x += [time.x(_seconds(span[0])), time.x(_seconds(span[1])), None]
                bar_y += [y, y, None]
        if bar_x:
            traces.append(
                go.Scatter(x=bar_x, y=bar_y, mode="lines", meta={**meta, "role": "uncertain"}, hoverinfo="skip",
                      line={"width": 2}, name=html_text(lane.name))
            )  # fmt: skip
        traces.append(_markers(site, here, [time.x(middle[_key(e)]) for e in here], ys, meta, large))
        apart = [e for e in undated if e.lane == side]
        if apart:
            traces.append(
                _markers(site, apart, [column[_key(e)] for e in apart],
                         [lane.row_y(layout.row_of[_key(e)]) for e in apart], {**meta, "role": "undated"}, large,
                         xaxis="x2")
            )  # fmt: skip

    shapes, annotations = _chrome(explainer, layout)
    labels: list[tuple[float, str, str]] = []
    layout_extra: dict[str, Any] = {}
    for cut in time.breaks:
        if cut.seconds <= 0:  # segments that meet: the scale changes at a line
            shapes.append(
                {"type": "line", "xref": "x", "yref": "paper", "x0": cut.left, "x1": cut.left, "y0": 0, "y1": 1,
                 "line": {"width": 2, "dash": "dot", "color": "rgba(128,128,128,0.8)"}, "name": "scale"}
            )  # fmt: skip
            continue
        shapes.append(
            {"type": "rect", "xref": "x", "yref": "paper", "x0": cut.left, "x1": cut.right, "y0": 0, "y1": 1,
             "line": {"width": 0}, "fillcolor": "rgba(128,128,128,0.22)", "layer": "below", "name": "cut"}
        )  # fmt: skip
        share = domain[0] + (domain[1] - domain[0]) * (cut.left + cut.right) / 2 / scale.WIDTH
        labels.append((share, html_text(scale.break_words(cut.seconds, language)), "center"))
    if undated:
        layout_extra["xaxis2"] = {
            "domain": list(UNDATED_DOMAIN), "anchor": "y", "range": undated_range, "showticklabels": False,
            "showgrid": False, "zeroline": False, "fixedrange": True,
        }  # fmt: skip
        shapes.append(
            {"type": "rect", "xref": "paper", "yref": "paper", "x0": UNDATED_DOMAIN[0], "x1": 1.0, "y0": 0, "y1": 1,
             "line": {"width": 0}, "fillcolor": "rgba(128,128,128,0.15)", "layer": "below"}
        )  # fmt: skip
        labels.append((1.0, html_text(language.gettext("No date")), "right"))
    rows = _place_labels(labels, annotations, xref="paper", to_x=lambda share: share)
    # Cut labels follow the axis when the reader zooms: they are tied to it, not to the paper.
    for note in annotations:
        if note.get("name") == "above" and note["x"] < domain[1]:
            note["xref"] = "x"
            note["x"] = round((note["x"] - domain[0]) / (domain[1] - domain[0]) * scale.WIDTH, 3)

    narrow_px, wide_px = px * (domain[1] - domain[0]), (scale.WIDE_CHART - 2 * MARGIN) * (domain[1] - domain[0])
    narrow, wide = time.first_view(narrow_px), time.first_view(wide_px)
    wide_ticks = scale.ticks(time, wide, wide_px)
    timed = any(dates.zone_of(e.record.when) is not None for e in dated)
    title = (
        language.gettext("Date and time (%(zone)s)") % {"zone": language.zone_name(zone)}
        if timed
        else language.gettext("Date")
    )
    layout_figure = go.Layout(
        height=charts.TOOLBAR + LABEL_ROW * rows + layout.height + BOTTOM,
        margin={"l": MARGIN, "r": MARGIN, "t": charts.TOOLBAR + LABEL_ROW * rows, "b": BOTTOM},
        showlegend=False, hovermode="closest", dragmode=False,
        xaxis={
            "domain": list(domain), "range": [0, scale.WIDTH], "tickmode": "array",
            "tickvals": [x for x, _ in wide_ticks], "ticktext": [label for _, label in wide_ticks],
            "title": {"text": html_text(title)}, "zeroline": False, "showgrid": True, "fixedrange": True,
        },
        yaxis=_y_axis(layout), shapes=shapes, annotations=annotations,
        meta=charts.layout_meta(
            site, kind="dated", lanes=_lanes_meta(explainer, layout),
            scale={
                "segments": [{"left": s.left, "right": s.right, "first": s.first, "last": s.last,
                              "levels": s.levels} for s in time.segments],
                "narrow": narrow, "wide": wide, "wide_chart": scale.WIDE_CHART,
                "narrow_px": narrow_px, "wide_px": wide_px,
            },
        ),
        **layout_extra,
    )  # fmt: skip
    return go.Figure(data=traces, layout=layout_figure)
