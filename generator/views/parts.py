"""What several pages show alike: notices, mentions, pagers and timeline entries."""

from __future__ import annotations

from dataclasses import dataclass

from .. import models, registry
from ..link import TimelineEntry
from ..site import Ref, Site


@dataclass(frozen=True, kw_only=True)
class Page:
    """What every page has: its path (links are made relative to it) and its template."""

    page: str
    template: str
    title: str = ""
    """The explainer's title (pages name it in their descriptions)."""


@dataclass(frozen=True, kw_only=True)
class Pager:
    """Links to every page of a listing."""

    number: int
    total: int
    pages: list[tuple[int, int | None, str]]
    """(first record number, last record number or None for the last page, page path) per page."""


@dataclass(frozen=True, kw_only=True)
class Listing(Page):
    """One page of a listing split into pages (timeline, statements, sources)."""

    number: int = 1
    pager: Pager | None = None


def pager(site: Site, stem: str, number: int, total: int) -> Pager | None:
    if total <= 1:
        return None
    size = site.page_size
    pages = []
    for other in range(1, total + 1):
        first = (other - 1) * size + 1
        pages.append((first, first + size - 1 if other < total else None, site.listing_page(stem, other)))
    return Pager(number=number, total=total, pages=pages)


@dataclass(frozen=True, kw_only=True)
class Notice:
    """A dated notice on a record: an update, correction or clarification about it."""

    update: models.Update
    link: Ref
    """The update's entry on the "What changed" page."""


def notices(site: Site, record_id: str) -> list[Notice]:
    """The updates about a record, newest first."""
    explainer = site.explainer
    return [Notice(update=explainer.updates[u], link=site.ref(u)) for u in explainer.notices.get(record_id, [])]


def mentioned(site: Site, record_id: str) -> list[Ref]:
    """The records whose prose refers to this one (the home page for incident.yml's prose)."""
    explainer = site.explainer
    found = []
    for holder in explainer.mentions.get(record_id, []):
        if holder == "incident":
            found.append(Ref(explainer.incident.title, site.pages.home, None))
        else:
            found.append(site.ref(holder))
    return found


def in_order(site: Site, record_ids: list[str]) -> list[str]:
    """Records in the timeline's order where they are on it (events, statements); others as given."""
    numbers = site.explainer.entry_number
    if not all(record_id in numbers for record_id in record_ids):
        return record_ids
    return sorted(record_ids, key=numbers.__getitem__)


@dataclass(frozen=True, kw_only=True)
class Entry:
    """An event or statement as the timeline lists it."""

    number: int
    anchor: str
    kind: str
    record: models.Event | models.Statement
    after: list[Ref]
    actors: list[Ref]
    speaker: Ref | None
    statement: Ref | None
    """The statement's full record (for statements)."""
    sources: list[Ref]
    mentioned: list[Ref]
    notices: list[Notice]


def entry(site: Site, item: TimelineEntry) -> Entry:
    record = item.record
    kind = registry.BY_KEY[item.kind]
    is_event = isinstance(record, models.Event)
    return Entry(
        number=item.number,
        anchor=kind.anchor(record.id),
        kind=item.kind,
        record=record,
        after=site.refs(record.after),
        actors=site.refs(record.actors) if isinstance(record, models.Event) else [],
        speaker=None if is_event else site.ref(record.speaker),  # type: ignore[union-attr]
        statement=None if is_event else site.ref(record.id),
        sources=site.refs(record.sources),
        mentioned=mentioned(site, record.id),
        notices=notices(site, record.id),
    )
