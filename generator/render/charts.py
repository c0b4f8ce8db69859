"""What every chart shares: per-entry labels and hover text, and its JSON.

A chart is a ``<figure>`` (written by the page template) whose data the site script fetches from a
JSON file; the page around it carries the same information as a list, which the figure's caption
points to. Every word on a chart comes from the message catalogs, through :class:`Language`. Each point's
``customdata`` is ``[anchor, page, order, label]``: the id of the entry it stands for, which of the
timeline's pages lists the entry (see :func:`layout_meta`), and, on charts small enough to have a
keyboard-focusable link over each point, that link's place in the tab order and its plain-text
label.
"""

from __future__ import annotations

import json
from typing import Any

import plotly.graph_objects as go

from .. import models, registry
from ..i18n import Language
from ..link import Explainer, TimelineEntry
from ..site import Site
from .text import html_text, json_for_html

LARGE = 1000
"""Above this many entries, charts are drawn without marker labels, with shorter hovers and one row
per lane, and their pictures summarise them (see :func:`large`); every chart is SVG at every size."""

HOVER_SUMMARY_CHARS = 280
"""Longer summaries are cut in the hover label (the list beside the chart has them in full)."""
HOVER_WIDTH = 60
"""Hover labels break lines at about this many characters."""

_SHAPES = {"events": "circle", "statements": "diamond"}
_FILLS = {"exact": "", "day": "", "month": "-open-dot", "year": "-open-dot", "range": "-open-dot", "unknown": "-open"}
"""Solid: dated to the day. Hollow with a dot: only a month, a year or a range (drawn with a bar
over every day it can be). Hollow: no date. An approximate day ("about 3 April") is hollow with a
cross in it."""


def symbol(entry: TimelineEntry) -> str:
    """The marker of an entry: its shape says its kind, its fill how precisely it is dated."""
    when = entry.record.when
    if isinstance(when, models.DayDate) and when.approximate:
        return _SHAPES[entry.kind] + "-x-open"
    return _SHAPES[entry.kind] + _FILLS[when.precision]


TOOLBAR = 44
"""Room at the top of every chart, in pixels, for the toolbar the site script lays over it (lane
buttons, zoom, reset): the picture leaves it empty, so adding the toolbar moves nothing."""
LABEL_CHARS = 28
"""Longer lane and row names are shortened on a chart's axis (in full in the hover and the list)."""
PHONE_WIDTH = 343
"""A chart's width on a 375-pixel-wide phone (the page's side padding taken off)."""
CHAR_PX = 7.0
"""Average width of a character of the charts' 13-pixel text."""


def short(name: str, most: int = LABEL_CHARS) -> str:
    return name if len(name) <= most else name[: most - 1].rstrip() + "\u2026"


COLOURS = 8
"""Distinct side colours (Okabe and Ito's eight, adjusted per palette in the stylesheet)."""
PATTERNS = ["", "/", "x", ".", "\\", "-", "|", "+"]
"""The second cue, by how many times the colours have come round: none for the first eight sides."""


def cue(side_index: int) -> tuple[int, str]:
    """A side's colour (an index into the palette) and pattern, the same on every chart: unique
    for 64 sides."""
    return side_index % COLOURS, PATTERNS[(side_index // COLOURS) % len(PATTERNS)]


def lane_meta(explainer: Explainer, side: str, lane: int) -> dict[str, int]:
    """What the site script needs to colour a trace: its lane, and its side's colour everywhere."""
    return {"lane": lane, "colour": cue(explainer.sides.index(side))[0]}


def key_lanes(explainer: Explainer, sides: list[str]) -> list[dict[str, object]]:
    """The key of a chart whose lanes are the sides themselves (lane = the side's index)."""
    return [
        {"lane": explainer.sides.index(side), "colour": cue(explainer.sides.index(side))[0],
         "pattern": cue(explainer.sides.index(side))[1], "name": html_text(explainer.actors[side].name)}
        for side in sides
    ]  # fmt: skip


def anchor(entry: TimelineEntry) -> str:
    return registry.BY_KEY[entry.kind].anchor(entry.record.id)


def kind_label(entry: TimelineEntry, language: Language) -> str:
    if entry.kind == "events":
        return language.gettext("Event")
    if entry.record.form == "verbatim":  # type: ignore[union-attr]
        return language.gettext("Statement (verbatim)")
    return language.gettext("Statement (paraphrase)")


def custom(site: Site, entry: TimelineEntry, order: int | None = None, label: str = "") -> list[str | int]:
    """A point's ``customdata``: its anchor and the index of the timeline page that lists it (into
    the figure's ``meta.pages``); ``order`` and ``label`` only for a point that gets a link (the
    site script gives none on charts of thousands, whose figure data stays smaller without them)."""
    data: list[str | int] = [anchor(entry), site.page_index(entry.number)]
    return data if order is None else [*data, order, label]


def layout_meta(site: Site, **extra: Any) -> dict[str, Any]:
    """The figure's own data for the site script: ``pages`` are the addresses (relative to the site
    root) of the timeline's pages, so a point names its entry's page by number, not by address;
    ``large`` is there, true, on a chart of more than ``LARGE`` entries."""
    large = len(site.explainer.timeline) > LARGE
    return {"pages": site.timeline_pages(), **({"large": True} if large else {}), **extra}


def large(figure: dict[str, Any]) -> bool:
    """Whether a figure (as plain data) is of a chart of more than ``LARGE`` entries."""
    return bool((figure["layout"].get("meta") or {}).get("large"))


def point_label(entry: TimelineEntry, language: Language) -> str:
    """Plain text naming a point for a screen reader: number, title, kind and date."""
    return language.gettext("%(number)s. %(title)s. %(kind)s, %(date)s.") % {
        "number": entry.number,
        "title": entry.record.title,
        "kind": kind_label(entry, language),
        "date": language.entry_date(entry.record, words=True),
    }


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


def thumbnail(site: Site, entry: TimelineEntry) -> str | None:
    """The entry's first picture, at its smallest size, as a site-root-relative path (or None)."""
    for item in entry.record.media:
        picture = site.pictures.get(item.file) if isinstance(item, models.ImageMedia) else None
        if picture is not None:
            small = picture.webp[0]
            return f'<img src="{small.path}" width="{small.width}" height="{small.height}" alt="">'
    return None


def hover(
    explainer: Explainer, entry: TimelineEntry, language: Language, brief: bool = False, picture: str | None = None
) -> str:
    """Hover text of an entry: every editor's string HTML-escaped, shown by Plotly as text.

    ``brief`` (for thousands of entries, to keep the figure data small) keeps the number, title,
    kind and date; the entry in the list, one click away, has everything else. ``picture``: its
    thumbnail (:func:`thumbnail`; the site script shows it from the site's root), above the words.
    """
    _ = language.gettext
    record = entry.record
    title = f"<b>{entry.number}. {html_text(record.title)}</b>"
    kind_and_date = html_text(
        _("%(kind)s · %(date)s")
        % {"kind": kind_label(entry, language), "date": language.entry_date(record, words=True)}
    )
    if brief:
        return f"{title}<br>{kind_and_date}"
    names = [explainer.actors[a].name for a in record.actors] if entry.kind == "events" else []  # type: ignore[union-attr]
    if entry.kind == "events":
        who = language.ngettext("Actor: %(names)s", "Actors: %(names)s", len(names)) % {"names": ", ".join(names)}
        parsed = explainer.parsed(record.summary)  # type: ignore[union-attr]
        summary = [parsed.hover(width=HOVER_WIDTH, limit=HOVER_SUMMARY_CHARS)]
    else:
        who = _("Speaker: %(name)s") % {"name": explainer.actors[record.speaker].name}  # type: ignore[union-attr]
        summary = [html_text(line) for line in _wrap(record.text, HOVER_WIDTH)]  # type: ignore[union-attr]
    titles = [explainer.sources[s].title for s in record.sources]
    sources = language.ngettext("Source: %(titles)s", "Sources: %(titles)s", len(titles)) % {
        "titles": "; ".join(titles)
    }
    lines = [title, kind_and_date, *summary, html_text(who), html_text(sources)]
    return (picture or "") + "<br>".join(lines)


def plain(figure: go.Figure) -> dict[str, Any]:
    """A figure as plain data: what the site script draws and the picture is drawn from."""
    drawn = json.loads(figure.to_json(validate=True, engine="json"))
    drawn["layout"].pop("template", None)  # plotly.py's default theme: the site script themes charts
    return {"data": drawn["data"], "layout": drawn["layout"]}


def to_json(figure: go.Figure | dict[str, Any]) -> str:
    """A figure as deterministic JSON (sorted keys, HTML-significant characters escaped)."""
    return json_for_html(figure if isinstance(figure, dict) else plain(figure)) + "\n"
