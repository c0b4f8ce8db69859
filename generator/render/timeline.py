"""The timeline chart's figure data.

The chart is drawn by the site's script from ``figures/timeline.json``; the page itself holds the
same information as an ordered list, so nothing depends on the chart being drawn. One lane per
side; markers as in :mod:`generator.render.charts`.

When entries have dates, the x axis is a date axis: each entry at its time, an uncertain day (a
month, a year, a range) as a marker with a bar over every day it can be, something that lasted as
a band from its first to its last day. Entries without a date are never given a position in time:
they sit in a separate band with an axis of their own. A wholly undated explainer gets an axis of
the order the sources support instead (a column per rank, never invented calendar days): entries
that share a column have no known order between them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import plotly.graph_objects as go

from .. import dates, models
from ..i18n import Language
from ..link import Explainer, TimelineEntry
from . import charts, plotly_locale
from .text import html_text

FIGURE_PATH = "figures/timeline.json"
"""Site-relative path of the timeline's figure data."""


def figure(explainer: Explainer, language: Language) -> go.Figure:
    """The Plotly figure of the timeline (data and layout; theme colours are set in the browser)."""
    if any(dates.bounds(entry.record.when) is not None for entry in explainer.timeline):
        return dated_figure(explainer, language)
    return ordinal_figure(explainer, language)


def lanes_of(explainer: Explainer) -> list[str]:
    used = {entry.lane for entry in explainer.timeline}
    return [side for side in explainer.sides if side in used]


def lane_axis(explainer: Explainer, lanes: list[str]) -> dict[str, object]:
    """The y axis of both timeline charts: one row per lane, named by its side."""
    return {
        "tickvals": list(range(len(lanes))),
        "ticktext": [html_text(charts.short(explainer.actors[s].name)) for s in lanes],
        "range": [-0.6, len(lanes) - 0.4],
        "fixedrange": True,
        "automargin": False,
        "zeroline": False,
    }


def lane_margin(explainer: Explainer, lanes: list[str], bottom: int) -> dict[str, int]:
    """Fixed room around the plot: the lanes' names, the toolbar and a label above, the axis below."""
    names = [charts.short(explainer.actors[s].name) for s in lanes]
    return {"l": charts.gutter(names), "r": 10, "t": 40 + charts.TOOLBAR, "b": bottom}


def ordinal_figure(explainer: Explainer, language: Language) -> go.Figure:
    """Undated: the x axis is the order the sources support, a column per rank."""
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
        xs, ys, symbols, texts, hovers, anchors, positions = [], [], [], [], [], [], []
        for (lane, column), entries in sorted(cells.items(), key=lambda item: item[0][1]):
            if lane != side:
                continue
            for k, entry in enumerate(entries):
                offset = (k - (len(entries) - 1) / 2) * min(0.25, 0.7 / max(len(entries), 1))
                xs.append(column)
                ys.append(round(lane_index[side] + offset, 3))
                symbols.append(charts.symbol(entry))
                texts.append(str(entry.number))
                # Stacked markers: the top one's number above it, the bottom one's below, any
                # between to the right, so no number sits on another marker.
                positions.append(
                    "top center" if k == len(entries) - 1 else "bottom center" if k == 0 else "middle right"
                )
                hovers.append(charts.hover(explainer, entry, language, brief=large))
                anchors.append(
                    charts.custom(entry)
                    if large
                    else charts.custom(entry, entry.number, charts.point_label(entry, language))
                )
        # WebGL draws thousands of markers quickly; numbers on markers only help while they are legible.
        scatter = go.Scattergl if large else go.Scatter
        traces.append(
            scatter(
                x=xs,
                y=ys,
                meta=charts.lane_meta(explainer, side, lane_index[side]),
                mode="markers" if large else "markers+text",
                name=html_text(explainer.actors[side].name),
                text=None if large else texts,
                textposition=None if large else positions,
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
        height=160 + 90 * max(len(lanes), 1),
        margin=lane_margin(explainer, lanes, bottom=50),
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
        yaxis=lane_axis(explainer, lanes),
        shapes=shapes,
        annotations=annotations,
        meta=charts.layout_meta(explainer),
    )
    return go.Figure(data=traces, layout=layout)


DAY = dt.timedelta(days=1)
_PART_OF_DAY_HOUR = {"morning": 9, "afternoon": 15, "evening": 19, "night": 23}
"""Where a part of the day is drawn within its day (the list and hover say which part it is)."""


def _moment(when: models.DateInfo) -> dt.datetime:
    """The point an entry's marker is drawn at: its time, or the middle of the days it can be."""
    if isinstance(when, models.ExactDate):
        return when.datetime.replace(tzinfo=None)  # the local time the source gives
    if isinstance(when, models.DayDate):
        hour = when.hour if when.hour is not None else _PART_OF_DAY_HOUR.get(when.part_of_day or "", 12)
        return dt.datetime.combine(when.date, dt.time(hour, 30 if when.hour is not None else 0))
    first, last = dates.bounds(when)  # type: ignore[misc]
    start = dt.datetime.combine(first, dt.time())
    return start + (dt.datetime.combine(last, dt.time()) + DAY - start) / 2


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _ms(delta: dt.timedelta) -> int:
    return int(delta.total_seconds() * 1000)


def dated_figure(explainer: Explainer, language: Language) -> go.Figure:
    """A date axis: entries at their dates, uncertain days as bars, durations as bands."""
    lanes = lanes_of(explainer)
    lane_index = {side: i for i, side in enumerate(lanes)}
    large = len(explainer.timeline) > charts.LARGE
    dated = [e for e in explainer.timeline if dates.bounds(e.record.when) is not None]
    undated = [e for e in explainer.timeline if dates.bounds(e.record.when) is None]
    first = min(dates.bounds(e.record.when)[0] for e in dated)  # type: ignore[index]
    last = max((dates.extent(e.record)[1] or dates.bounds(e.record.when))[1] for e in dated)  # type: ignore[index]
    span = dt.datetime.combine(last, dt.time()) + DAY - dt.datetime.combine(first, dt.time())
    # Markers closer than this in one lane leave their numbers to hover and focus: on a phone the
    # plot is about 200 pixels wide, so this keeps numbers at least about 16 pixels apart.
    crowded = span / 12

    traces = []
    for side in lanes:
        meta = charts.lane_meta(explainer, side, lane_index[side])
        points = [e for e in dated if e.lane == side]
        moments = [_moment(e.record.when) for e in points]
        texts = []
        # An uncertain day (a month, a year, a range): a thin bar over every day it can be.
        bar_x: list[str | None] = []
        for entry, moment in zip(points, moments, strict=True):
            when = entry.record.when
            if isinstance(when, (models.MonthDate, models.YearDate, models.RangeDate)):
                low, high = dates.bounds(when)  # type: ignore[misc]
                bar_x += [
                    _iso(dt.datetime.combine(low, dt.time())),
                    _iso(dt.datetime.combine(high, dt.time()) + DAY),
                    None,
                ]
            alone = all(abs(other - moment) > crowded for other in moments if other is not moment)
            texts.append(str(entry.number) if alone and not large else "")
        lines = go.Scattergl if large else go.Scatter
        if bar_x:
            traces.append(
                lines(
                    x=bar_x, y=[lane_index[side] if x else None for x in bar_x], mode="lines",
                    meta={**meta, "role": "uncertain"}, hoverinfo="skip", line={"width": 2},
                    name=html_text(explainer.actors[side].name),
                )
            )  # fmt: skip
        # Something that lasted: a band from the first day it can have begun to the last it can have ended.
        band_x: list[str | None] = []
        for entry in points:
            start, end = dates.extent(entry.record)
            if getattr(entry.record, "until", None) is not None and start and end:
                band_x += [
                    _iso(dt.datetime.combine(start[0], dt.time())),
                    _iso(dt.datetime.combine(end[1], dt.time()) + DAY),
                    None,
                ]
        if band_x:
            traces.append(
                lines(
                    x=band_x, y=[lane_index[side] if x else None for x in band_x], mode="lines",
                    meta={**meta, "role": "span"}, hoverinfo="skip", line={"width": 10}, opacity=0.35,
                    name=html_text(explainer.actors[side].name),
                )
            )  # fmt: skip
        scatter = go.Scattergl if large else go.Scatter
        traces.append(
            scatter(
                x=[_iso(m) for m in moments],
                y=[lane_index[side]] * len(points),
                meta=meta,
                mode="markers" if large else "markers+text",
                name=html_text(explainer.actors[side].name),
                text=None if large else texts,
                textposition=None if large else "top center",
                hovertext=[charts.hover(explainer, e, language, brief=large) for e in points],
                hoverinfo="text",
                customdata=[
                    charts.custom(e) if large else charts.custom(e, e.number, charts.point_label(e, language))
                    for e in points
                ],
                marker={
                    "symbol": [charts.symbol(e) for e in points],
                    "size": 8 if large else 14,
                    "line": {"width": 1 if large else 2},
                },
                **({} if large else {"cliponaxis": False}),
            )
        )

    shapes, annotations = [], []
    layout_extra: dict[str, object] = {}
    date_domain = [0.0, 1.0]
    if undated:
        # Undated entries get an axis of their own, in a shaded band: no position in time.
        date_domain = [0.0, 0.8]
        column = {e.record.id: n for n, e in enumerate(undated)}
        for side in lanes:
            points = [e for e in undated if e.lane == side]
            if not points:
                continue
            traces.append(
                (go.Scattergl if large else go.Scatter)(
                    x=[column[e.record.id] for e in points], y=[lane_index[side]] * len(points), xaxis="x2",
                    meta={**charts.lane_meta(explainer, side, lane_index[side]), "role": "undated"},
                    mode="markers" if large else "markers+text", name=html_text(explainer.actors[side].name),
                    text=None if large else [str(e.number) for e in points],
                    textposition=None if large else "top center",
                    hovertext=[charts.hover(explainer, e, language, brief=large) for e in points], hoverinfo="text",
                    customdata=[
                        charts.custom(e) if large else charts.custom(e, e.number, charts.point_label(e, language))
                        for e in points
                    ],
                    marker={"symbol": [charts.symbol(e) for e in points], "size": 8 if large else 14,
                            "line": {"width": 1 if large else 2}},
                    **({} if large else {"cliponaxis": False}),
                )
            )  # fmt: skip
        layout_extra["xaxis2"] = {
            "domain": [0.84, 1.0], "anchor": "y", "range": [-0.7, len(undated) - 0.3], "showticklabels": False,
            "showgrid": False, "zeroline": False, "fixedrange": True,
        }  # fmt: skip
        shapes.append(
            {"type": "rect", "xref": "paper", "yref": "paper", "x0": 0.84, "x1": 1.0, "y0": 0, "y1": 1,
             "line": {"width": 0}, "fillcolor": "rgba(128,128,128,0.15)", "layer": "below"}
        )  # fmt: skip
        annotations.append(
            {"x": 1.0, "xanchor": "right", "y": 1, "xref": "paper", "yref": "paper", "yanchor": "bottom",
             "text": html_text(language.gettext("No date")), "showarrow": False}
        )  # fmt: skip

    pad = span / 20
    shown = [dt.datetime.combine(first, dt.time()) - pad, dt.datetime.combine(last, dt.time()) + DAY + pad]
    layout = go.Layout(
        height=160 + 90 * max(len(lanes), 1),
        margin=lane_margin(explainer, lanes, bottom=60),
        showlegend=False,
        hovermode="closest",
        dragmode="pan",
        xaxis={
            "type": "date",
            "domain": date_domain,
            "range": [_iso(moment) for moment in shown],
            "tickformatstops": plotly_locale.tickformatstops(language),
            "title": {"text": html_text(language.gettext("Date"))},
            "zeroline": False,
            "showgrid": True,
        },
        yaxis=lane_axis(explainer, lanes),
        shapes=shapes,
        annotations=annotations,
        meta=charts.layout_meta(explainer, locale=plotly_locale.locale(language)),
        **layout_extra,
    )  # fmt: skip
    return go.Figure(data=traces, layout=layout)


def figure_json(explainer: Explainer, language: Language) -> str:
    return charts.to_json(figure(explainer, language))
