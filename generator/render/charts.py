"""What every chart shares: its HTML container, per-entry labels and hover text, and its JSON.

A chart is a ``<figure>`` whose data the site script fetches from a JSON file; the page around it
carries the same information as a list, which the figure's caption points to. Each point's
``customdata`` is ``[anchor, label, order, href]``: the id of the entry it stands for, a plain-text
label for the point's keyboard-focusable link, that link's place in the tab order, and the
entry's address in the timeline's list.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go

from .. import dates
from ..link import KIND_NAMES, Explainer, TimelineEntry
from . import paging
from .text import attribute, html_text, json_for_html

LARGE = 1000
"""Above this many entries, charts are drawn with WebGL, without marker labels and with shorter hovers."""

HOVER_SUMMARY_CHARS = 280
"""Longer summaries are cut in the hover label (the list beside the chart has them in full)."""

_SHAPES = {"events": "circle", "statements": "diamond"}
_FILLS = {"exact": "", "day": "", "month": "-open-dot", "year": "-open-dot", "range": "-open-dot", "unknown": "-open"}
"""Solid: dated to the day. Hollow with a dot: only a month, a year or a range. Hollow: no date."""

MARKER_KEY = (
    "Circles are events and diamonds statements. Solid markers are dated to the day, hollow markers with"
    " a dot only to a month, a year or a range, and hollow markers have no calendar date."
)


def symbol(entry: TimelineEntry) -> str:
    """The marker of an entry: its shape says its kind, its fill how precisely it is dated."""
    return _SHAPES[entry.kind] + _FILLS[entry.record.when.precision]


def anchor(entry: TimelineEntry) -> str:
    return f"{KIND_NAMES[entry.kind]}-{entry.record.id}"


def kind_label(entry: TimelineEntry) -> str:
    return "Event" if entry.kind == "events" else f"Statement ({entry.record.form})"  # type: ignore[union-attr]


def when_label(entry: TimelineEntry) -> str:
    when = dates.describe(entry.record.when)
    if entry.record.when.as_reported:
        when += f" \u2014 reported as \u201c{entry.record.when.as_reported}\u201d"
    return when


def href(entry: TimelineEntry) -> str:
    """Site-relative address of an entry in the timeline's list (for clicks from other pages)."""
    return f"{paging.url_of(paging.timeline_page(entry.number))}#{anchor(entry)}"


def point_label(entry: TimelineEntry, large: bool = False) -> str:
    """Plain text naming a point for a screen reader: number, title, kind and date.

    Empty for large charts: the site script then reads the label from the (brief) hover text.
    """
    if large:
        return ""
    return f"{entry.number}. {entry.record.title}. {kind_label(entry)}, {when_label(entry)}."


def _wrap(text: str, width: int = 60) -> list[str]:
    """Lines of at most about ``width`` characters (a greedy wrap; textwrap is slow at scale)."""
    words = text.split()
    if sum(len(w) + 1 for w in words) > HOVER_SUMMARY_CHARS:
        kept, total = [], 0
        for word in words:
            total += len(word) + 1
            if total > HOVER_SUMMARY_CHARS:
                break
            kept.append(word)
        words = [*kept, "\u2026"]
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, current] if current or not lines else lines


def hover(explainer: Explainer, entry: TimelineEntry, brief: bool = False) -> str:
    """Hover text of an entry: every editor's string HTML-escaped, shown by Plotly as text.

    ``brief`` (for thousands of entries, to keep the figure data small) keeps the number, title,
    kind and date; the entry in the list, one click away, has everything else.
    """
    record = entry.record
    if brief:
        return f"<b>{entry.number}. {html_text(record.title)}</b><br>" + html_text(
            f"{kind_label(entry)} \u00b7 {when_label(entry)}"
        )
    if entry.kind == "events":
        who = "Actors: " + ", ".join(explainer.actors[a].name for a in record.actors)  # type: ignore[union-attr]
        summary = record.summary  # type: ignore[union-attr]
    else:
        who = "Speaker: " + explainer.actors[record.speaker].name  # type: ignore[union-attr]
        summary = record.text  # type: ignore[union-attr]
    sources = "; ".join(explainer.sources[s].title for s in record.sources)
    lines = [
        f"<b>{entry.number}. {html_text(record.title)}</b>",
        html_text(f"{kind_label(entry)} \u00b7 {when_label(entry)}"),
        *(html_text(line) for line in _wrap(summary)),
        html_text(who),
        html_text(f"Sources: {sources}"),
    ]
    return "<br>".join(lines)


def chart_html(chart_id: str, data_path: str, name: str, summary: str, list_anchor: str, list_name: str) -> str:
    """A chart's container: named, summarised in one sentence and pointing to its list.

    The toolbar and the keyboard layer are added by the site script once the chart is drawn.
    """
    return (
        f'<figure class="explainer-chart" id="{attribute(chart_id)}" data-figure="{attribute(data_path)}" '
        f'aria-labelledby="{attribute(chart_id)}-name" aria-describedby="{attribute(chart_id)}-summary">\n'
        f'<div class="explainer-chart__plot"></div>\n'
        f'<figcaption><strong id="{attribute(chart_id)}-name">{html_text(name)}.</strong> '
        f'<span id="{attribute(chart_id)}-summary">{html_text(summary)} {html_text(MARKER_KEY)} '
        f'The same information is <a href="#{attribute(list_anchor)}">{html_text(list_name)}</a>.</span>'
        "</figcaption>\n</figure>\n"
    )


def to_json(figure: go.Figure) -> str:
    """A figure as deterministic JSON (sorted keys, HTML-significant characters escaped)."""
    plain = json.loads(figure.to_json(validate=True, engine="json"))
    return json_for_html({"data": plain["data"], "layout": plain["layout"]}) + "\n"
