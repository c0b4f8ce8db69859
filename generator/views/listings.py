"""The listings split into pages: the timeline, the statements and the sources."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import models, registry, urls
from ..link import TimelineEntry
from ..site import Chart, Ref, Site
from .embeds import EmbedCode, embed_code
from .parts import Entry, Listing, Notice, entry, in_order, mentioned, notices, pager


@dataclass(frozen=True, kw_only=True)
class Timeline(Listing):
    first: int
    last: int
    placed: list[Entry]
    unplaced: list[Entry]
    total: int
    undated: int
    events: int
    statements: int
    sides: list[str]
    """Names of the sides with a lane on the chart."""
    dated: bool
    """Whether any entry has a calendar date (the chart then has a date axis)."""
    chart: Chart | None
    embed: EmbedCode | None
    entries: list[TimelineEntry] = field(default_factory=list)
    """The page's entries in the timeline's order (its structured data lists them)."""


def timeline(site: Site, entries: list[TimelineEntry], number: int, total: int) -> Timeline:
    """One page of the timeline."""
    explainer, derived = site.explainer, site.derived
    chart = site.charts["timeline"]
    return Timeline(
        page=site.listing_page("timeline", number),
        template="timeline.md.j2",
        title=explainer.incident.title,
        number=number,
        first=entries[0].number if entries else 0,
        last=entries[-1].number if entries else 0,
        placed=[entry(site, e) for e in entries if e.rank is not None],
        unplaced=[entry(site, e) for e in entries if e.rank is None],
        total=len(explainer.timeline),
        undated=derived.undated,
        events=len(explainer.events),
        statements=len(explainer.statements),
        sides=[explainer.actors[side].name for side in derived.lanes],
        dated=derived.dated,
        chart=chart if number == 1 else None,
        embed=embed_code(site, chart) if number == 1 else None,
        pager=pager(site, "timeline", number, total),
        entries=entries,
    )


@dataclass(frozen=True, kw_only=True)
class StatementItem:
    record: models.Statement
    anchor: str
    speaker: Ref
    after: list[Ref]
    responds_to: list[Ref]
    responses: list[Ref]
    questions: list[Ref]
    on_timeline: Ref
    sources: list[Ref]
    mentioned: list[Ref]
    notices: list[Notice]


@dataclass(frozen=True, kw_only=True)
class Statements(Listing):
    statements: list[StatementItem]


def statements(site: Site, chunk: list[models.Statement], number: int, total: int) -> Statements:
    explainer = site.explainer
    kind = registry.BY_KEY["statements"]
    return Statements(
        page=site.listing_page("statements", number),
        template="statements.md.j2",
        title=explainer.incident.title,
        number=number,
        statements=[
            StatementItem(
                record=s,
                anchor=kind.anchor(s.id),
                speaker=site.ref(s.speaker),
                after=site.refs(s.after),
                responds_to=site.refs(s.responds_to),
                responses=site.refs(explainer.responses.get(s.id, [])),
                questions=site.refs(explainer.questions_about.get(s.id, [])),
                on_timeline=site.entry_ref(s.id),
                sources=site.refs(s.sources),
                mentioned=mentioned(site, s.id),
                notices=notices(site, s.id),
            )
            for s in chunk
        ],
        pager=pager(site, "statements", number, total),
    )


@dataclass(frozen=True, kw_only=True)
class SourceItem:
    record: models.Source
    anchor: str
    via: Ref | None
    host: str | None
    """The host its address goes to, as a browser reads it (``xn--...`` for a name not in ASCII)."""
    key_facts: bool
    """Whether the home page's key facts cite it."""
    supports: list[tuple[registry.Kind, list[Ref]]]
    """The records citing it, by kind."""
    mentioned: list[Ref]
    notices: list[Notice]


@dataclass(frozen=True, kw_only=True)
class Sources(Listing):
    sources: list[SourceItem]


def sources(site: Site, chunk: list[models.Source], number: int, total: int) -> Sources:
    explainer = site.explainer
    items = []
    for source in chunk:
        cited = explainer.cited_by.get(source.id, [])
        by_kind: dict[str, list[str]] = {}
        for record_id in cited:
            if record_id != "incident":
                by_kind.setdefault(explainer.kind_of[record_id], []).append(record_id)
        supports = [
            (kind, site.refs(in_order(site, by_kind[kind.key])))
            for kind in registry.KINDS
            if kind.key in by_kind and kind.key != "sources"
        ]
        items.append(
            SourceItem(
                record=source,
                anchor=registry.BY_KEY["sources"].anchor(source.id),
                via=site.ref(source.via) if source.via else None,
                host=urls.reachable_host(source.url) if source.url else None,
                key_facts="incident" in cited,
                supports=supports,
                mentioned=mentioned(site, source.id),
                notices=notices(site, source.id),
            )
        )
    return Sources(
        page=site.listing_page("sources", number),
        template="sources.md.j2",
        title=explainer.incident.title,
        number=number,
        sources=items,
        pager=pager(site, "sources", number, total),
    )
