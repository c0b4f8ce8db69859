"""The timeline in TimelineJS's JSON format (``data/timelinejs.json``), for a newsroom that keeps a
TimelineJS embed it already has.

One slide per dated entry of the timeline, in the timeline's order, and a title slide. Each date
is given at its precision and no finer (a month is a year and a month), with the site's own wording
of it as ``display_date``, so TimelineJS never shows a date finer than the source's: an approximate
day, a part of the day, a range of days or the source's own words read as on the site. A range of
days (one day, not known) starts on its earliest day: its wording says the rest. An entry with no
calendar date cannot be placed on TimelineJS's time axis: the title slide lists it instead.
Groups are the timeline's lanes (one per side). Text is HTML, escaped; links to other records lead
to the site when its address is known, and read as their words otherwise.
"""

from __future__ import annotations

import html
import json
from typing import Any

from .. import models
from ..i18n import Language
from ..link import Explainer, TimelineEntry
from ..messages import STATEMENT_FORM_IN_TEXT
from ..prose import Reference
from ..site import Site
from . import charts
from .outputs import Build, Files, output


def _date(when: models.DateInfo) -> dict[str, Any] | None:
    """TimelineJS's date object for a date, at its precision (None: no calendar date)."""
    if isinstance(when, models.ExactDate):
        moment = when.datetime  # on the clock of its own offset, as the source gives it
        return {"year": moment.year, "month": moment.month, "day": moment.day, "hour": moment.hour,
                "minute": moment.minute}  # fmt: skip
    if isinstance(when, models.DayDate):
        day = {"year": when.date.year, "month": when.date.month, "day": when.date.day}
        return day | ({"hour": when.hour} if when.hour is not None else {})
    if isinstance(when, models.MonthDate):
        year, month = (int(part) for part in str(when.month).split("-")[:2])
        return {"year": year, "month": month}
    if isinstance(when, models.YearDate):
        return {"year": int(when.year)}
    if isinstance(when, models.RangeDate):
        return {"year": when.earliest.year, "month": when.earliest.month, "day": when.earliest.day}
    return None


def _text(site: Site, entry: TimelineEntry, address: Any) -> str:
    explainer, language = site.explainer, site.language
    record = entry.record
    if isinstance(record, models.Event):
        body = explainer.parsed(record.summary).html(address)
    else:  # the speaker's words (or a source's report of them) as written, and who spoke
        said = "".join(f"<p>{html.escape(part)}</p>" for part in record.text.split("\n\n") if part.strip())
        body = f"<blockquote>{said}</blockquote>" if record.form == "verbatim" else said
        speaker = language.gettext("%(name)s (%(role)s)") % {
            "name": explainer.actors[record.speaker].name,
            "role": language.gettext(STATEMENT_FORM_IN_TEXT[record.form]),
        }
        body += f"\n<p>\u2014 {html.escape(speaker)}</p>"
    cited = [explainer.sources[source_id] for source_id in record.sources]
    links = ", ".join(
        f'<a href="{html.escape(str(source.url), quote=True)}">{html.escape(source.title)}</a>'
        if source.url else html.escape(source.title)
        for source in cited
    )  # fmt: skip
    body += "\n<p>" + language.ngettext("Source: %(links)s", "Sources: %(links)s", len(cited)) % {"links": links}
    body += "</p>"
    if site.url:
        found = site.ref(record.id)
        here = html.escape(site.absolute(found.page, found.anchor), quote=True)
        body += f'\n<p><a href="{here}">{html.escape(language.gettext("Link to this entry"))}</a></p>'
    return body


def _media(site: Site, record: models.Event | models.Statement) -> dict[str, Any] | None:
    """The entry's first media item as TimelineJS's slide media (a picture needs the site's address)."""
    for item in record.media:
        if isinstance(item, models.LinkMedia):
            return {"url": item.url, "caption": html.escape(item.title), "credit": html.escape(item.credit or "")}
        picture = site.pictures.get(item.file)
        if picture is not None and site.url:
            return {"url": site.absolute(picture.webp[-1].path), "alt": item.alt,
                    "caption": html.escape(item.caption or ""), "credit": html.escape(item.credit)}  # fmt: skip
    return None


def document(site: Site) -> dict[str, Any]:
    """The TimelineJS document of the site's timeline."""
    explainer: Explainer = site.explainer
    language: Language = site.language

    def address(reference: Reference) -> str:
        found = site.ref(reference.id)
        return site.absolute(found.page, found.anchor)

    linking = address if site.url else None
    events, undated = [], []
    for entry in explainer.timeline:
        record = entry.record
        start = _date(record.when)
        if start is None:
            undated.append(html.escape(record.title))
            continue
        until = record.until if isinstance(record, models.Event) else None
        start["display_date"] = language.describe_with_words(record.when, until)
        slide: dict[str, Any] = {
            "unique_id": charts.anchor(entry),
            "start_date": start,
            "text": {"headline": html.escape(record.title), "text": _text(site, entry, linking)},
            "group": explainer.actors[entry.lane].name,
            "display_date": start["display_date"],
        }
        shown = _media(site, record)
        if shown is not None:
            slide["media"] = shown
        end = _date(until) if until is not None else None
        if end is not None:
            slide["end_date"] = end
        events.append(slide)
    title_text = explainer.parsed(explainer.incident.summary).html(linking)
    if undated:
        title_text += f"\n<p><strong>{html.escape(language.gettext('No date'))}:</strong> " + "; ".join(undated)
        title_text += "</p>"
    return {
        "title": {"text": {"headline": html.escape(explainer.incident.title), "text": title_text}},
        "events": events,
    }


@output("timelinejs", writes=("data/timelinejs.json",))
def files(build: Build) -> Files:
    """``data/timelinejs.json`` (:attr:`Site.timelinejs`)."""
    return {build.site.timelinejs: json.dumps(document(build.site), ensure_ascii=False, indent=1) + "\n"}
