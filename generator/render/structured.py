"""schema.org data (JSON-LD) for search engines and other readers of the pages' metadata.

Only what the records say goes in: an event without a known date has no ``startDate``, a
paraphrase is not a ``Quotation``, a source without an address has no ``url``.
"""

from __future__ import annotations

from typing import Any

from .. import dates, models, views
from ..link import Explainer, TimelineEntry
from ..registry import BY_KEY
from ..site import Site

CONTEXT = "https://schema.org"

ACTOR_TYPES = {
    "person": "Person",
    "organisation": "Organization",
    "government": "GovernmentOrganization",
    "country": "Country",
    "group": "Organization",
}


def _source(source: models.Source) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "name": source.title,
        "publisher": {"@type": "Organization", "name": source.publisher},
    }
    if source.url:
        work["url"] = source.url
    published = dates.machine_readable(source.published)
    if published:
        work["datePublished"] = published
    return work


def _actor_ref(explainer: Explainer, actor_id: str) -> dict[str, Any]:
    actor = explainer.actors[actor_id]
    return {"@type": ACTOR_TYPES[actor.kind], "name": actor.name}


def article(explainer: Explainer) -> dict[str, Any]:
    """The explainer as a news article (home page)."""
    incident = explainer.incident
    corrections = [
        {
            "@type": "CorrectionComment",
            "datePublished": update.date.isoformat(),
            "text": explainer.parsed(update.text).plain(),
        }
        for update in explainer.updates.values()
        if update.kind == "correction"
    ]
    return {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": incident.title,
        "description": explainer.parsed(incident.summary).plain(),
        "dateModified": incident.as_of.isoformat(),
        **({"datePublished": incident.first_published.isoformat()} if incident.first_published else {}),
        **({"correction": corrections} if corrections else {}),
        "inLanguage": incident.language,
        # The key facts' sources: the home page's claims (every source is on the Sources pages).
        "citation": [
            _source(explainer.sources[s]) for s in dict.fromkeys(s for f in incident.key_facts for s in f.sources)
        ],
    }


def _images(site: Site | None, record: models.Event) -> list[dict[str, Any]]:
    """An event's pictures as schema.org ImageObjects: their address, text alternative and credit."""
    found = []
    for item in record.media:
        picture = site.pictures.get(item.file) if site is not None and isinstance(item, models.ImageMedia) else None
        if picture is None or site is None or not isinstance(item, models.ImageMedia):
            continue
        path = picture.webp[-1].path
        image = {"@type": "ImageObject", "contentUrl": site.absolute(path) if site.url else path,
                 "description": item.alt, "creditText": item.credit, "width": picture.webp[-1].width,
                 "height": picture.webp[-1].height}  # fmt: skip
        if item.caption:
            image["caption"] = item.caption
        found.append(image)
    return found


def events(explainer: Explainer, entries: list[TimelineEntry], site: Site | None = None) -> dict[str, Any]:
    """The events among ``entries`` (one page of the timeline) as a list of schema.org Events.

    Each names its event, dates, place, actors and address; not its summary, which the page around
    it has in full: this list is in the ``<head>`` of pages of up to 200 entries, before anything a
    reader sees, and the summaries would make it most of the page's first bytes.
    """
    items = []
    for entry in entries:
        if not isinstance(entry.record, models.Event):
            continue
        event = entry.record
        item: dict[str, Any] = {
            "@type": "Event",
            "name": event.title,
            "url": "#" + BY_KEY["events"].anchor(event.id),
            "actor": [_actor_ref(explainer, a) for a in event.actors],
        }
        start = dates.machine_readable(event.when)
        if start:
            item["startDate"] = start
        end = dates.machine_readable(event.until) if event.until is not None else None
        if start and end:
            item["endDate"] = end
        if event.location:
            item["location"] = {"@type": "Place", "name": event.location}
        images = _images(site, event)
        if images:
            item["image"] = images
        items.append({"@type": "ListItem", "position": entry.number, "item": item})
    return {"@context": CONTEXT, "@type": "ItemList", "itemListElement": items}


def quotations(explainer: Explainer, statements: list[models.Statement]) -> dict[str, Any]:
    """Verbatim statements as Quotations with their speaker (paraphrases are not quotations)."""
    items = []
    for statement in statements:
        if statement.form != "verbatim":
            continue
        quotation: dict[str, Any] = {
            "@type": "Quotation",
            "text": statement.text,
            "url": "#" + BY_KEY["statements"].anchor(statement.id),
            "spokenByCharacter": _actor_ref(explainer, statement.speaker),
            "isBasedOn": [_source(explainer.sources[s]) for s in statement.sources],
        }
        when = dates.machine_readable(statement.when)
        if when:
            quotation["dateCreated"] = when
        items.append(quotation)
    return {"@context": CONTEXT, "@graph": items}


def actor(explainer: Explainer, actor_id: str) -> dict[str, Any]:
    """A person or organisation, with what it belongs to."""
    record = explainer.actors[actor_id]
    data: dict[str, Any] = {"@context": CONTEXT, "@type": ACTOR_TYPES[record.kind], "name": record.name}
    if record.description:
        data["description"] = explainer.parsed(record.description).plain()
    if record.affiliation:
        parent = _actor_ref(explainer, record.affiliation)
        if record.kind == "person":
            data["affiliation"] = parent
            if record.role:
                data["jobTitle"] = record.role
        elif record.kind != "country":
            data["parentOrganization"] = parent
    return data


def of(site: Site, view: views.Page) -> dict[str, Any] | None:
    """The structured data of a page, for its ``<head>`` (None for pages without)."""
    explainer = site.explainer
    if isinstance(view, views.Home):
        return article(explainer)
    if isinstance(view, views.Timeline):
        return events(explainer, view.entries, site)
    if isinstance(view, views.Statements):
        return quotations(explainer, [item.record for item in view.statements])
    if isinstance(view, views.Actor):
        return actor(explainer, view.actor.id)
    return None
