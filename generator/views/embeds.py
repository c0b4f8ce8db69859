"""Charts shown in other sites' pages: the embed pages, and the code a host pastes."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import registry
from ..site import Chart, Ref, Site
from .parts import Page

EMBED_WIDTH = 800
"""The width oEmbed announces (the iframe itself fills its column)."""


@dataclass(frozen=True, kw_only=True)
class EmbedCode:
    """Where a host page finds a chart to embed: the embed page, and the oEmbed document about it."""

    page: str
    """The embed page's path, e.g. ``embed/timeline.md``."""
    address: str
    """The embed page's absolute address (the iframe's ``src``)."""
    oembed: str
    """Absolute address of the oEmbed JSON document."""


def embed_code(site: Site, chart: Chart) -> EmbedCode | None:
    """Where a chart's embed is; nowhere without the site's address (a host needs an absolute one)."""
    if not site.url:
        return None
    return EmbedCode(page=chart.embed, address=site.absolute(chart.embed), oembed=site.absolute(chart.oembed))


@dataclass(frozen=True, kw_only=True)
class EmbedItem:
    anchor: str
    label: str
    link: Ref
    entries: list[tuple[int, Ref, str]] = field(default_factory=list)
    """For the Who's who chart: (entry number, entry, role) of the actor's timeline entries."""


@dataclass(frozen=True, kw_only=True)
class Embed(Page):
    """A chart alone, to be shown in another site's page: no site chrome, its list, a way back."""

    chart: Chart
    name: str
    """Which chart: ``timeline`` or ``whos-who``."""
    items: list[EmbedItem]
    more: int = 0
    """How many entries the list leaves to the full explainer."""
    dated: bool
    code: EmbedCode | None
    counts: dict[str, int]


def embeds(site: Site) -> list[Embed]:
    explainer = site.explainer
    shown = explainer.timeline[: site.page_size]
    counts = {"events": len(explainer.events), "statements": len(explainer.statements)}
    timeline = site.charts["timeline"]
    pages = [
        Embed(
            page=timeline.embed,
            template="embed.md.j2",
            title=explainer.incident.title,
            chart=timeline,
            name=timeline.name,
            items=[
                EmbedItem(
                    anchor=registry.BY_KEY[entry.kind].anchor(entry.record.id),
                    label=entry.record.title,
                    link=site.entry_ref(entry.record.id),
                )
                for entry in shown
            ],
            more=len(explainer.timeline) - len(shown),
            dated=site.derived.dated,
            code=embed_code(site, timeline),
            counts=counts,
        )
    ]
    rows = site.derived.involvements
    if rows:
        whos_who = site.charts["whos-who"]
        pages.append(
            Embed(
                page=whos_who.embed,
                template="embed.md.j2",
                title=explainer.incident.title,
                chart=whos_who,
                name=whos_who.name,
                items=[
                    EmbedItem(
                        anchor=f"row-{actor_id}",
                        label=explainer.label(actor_id),
                        link=site.ref(actor_id),
                        entries=[(entry.number, site.entry_ref(entry.record.id), role) for entry, role in entries],
                    )
                    for actor_id, entries in rows.items()
                ],
                dated=site.derived.dated,
                code=embed_code(site, whos_who),
                counts=counts,
            )
        )
    return pages
