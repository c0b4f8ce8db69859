"""What each page shows, as plain data computed from the linked explainer (pure, no I/O).

A view decides *what* a page holds: which records, in which order, linking where. It holds no
wording and no markup; the page's template (``generator/templates/<name>.md.j2``) decides how it
reads, in the explainer's language.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from . import dates, models, registry
from .link import Explainer, TimelineEntry
from .render import involvement, paging, structured

HOME_QUESTIONS = 12
"""The home page lists this many unanswered questions and links to the rest."""


# --- Links ---------------------------------------------------------------------------------------


class Ref(NamedTuple):
    """A link to the place a record (or a page) is shown, named by the record's name or title."""

    label: str
    page: str
    """The page's source path, e.g. ``timeline.md``."""
    anchor: str | None = None


def home_of(explainer: Explainer, record_id: str) -> tuple[str, str | None]:
    """The page and anchor where a record is shown in full."""
    kind = _KINDS[explainer.kind_of[record_id]]
    if kind.own_page:
        return kind.record_page(record_id), None
    if kind.paged:
        return paging.page_of(kind.listing, explainer.position[record_id]), kind.anchor(record_id)
    return f"{kind.listing}.md", kind.anchor(record_id)


_KINDS = registry.BY_KEY


class _Memo:
    """The links of the explainer last viewed: pages link to the same records thousands of times."""

    explainer: Explainer | None = None
    refs: dict[str, Ref] = {}


def ref(explainer: Explainer, record_id: str) -> Ref:
    if _Memo.explainer is not explainer:
        _Memo.explainer, _Memo.refs = explainer, {}
    found = _Memo.refs.get(record_id)
    if found is None:
        page, anchor = home_of(explainer, record_id)
        found = _Memo.refs[record_id] = Ref(explainer.labels[record_id], page, anchor)
    return found


def refs(explainer: Explainer, record_ids: Iterable[str]) -> list[Ref]:
    return [ref(explainer, record_id) for record_id in record_ids]


@dataclass(frozen=True)
class Notice:
    """A dated notice on a record: an update, correction or clarification about it."""

    update: models.Update
    link: Ref
    """The update's entry on the "What changed" page."""


def notices(explainer: Explainer, record_id: str) -> list[Notice]:
    """The updates about a record, newest first."""
    return [Notice(explainer.updates[u], ref(explainer, u)) for u in explainer.notices.get(record_id, [])]


def mentioned(explainer: Explainer, record_id: str) -> list[Ref]:
    """The records whose prose refers to this one (the home page for incident.yml's prose)."""
    found = []
    for holder in explainer.mentions.get(record_id, []):
        if holder == "incident":
            found.append(Ref(explainer.incident.title, "index.md", None))
        else:
            found.append(ref(explainer, holder))
    return found


def in_order(explainer: Explainer, record_ids: list[str]) -> list[str]:
    """Records in the timeline's order where they are on it (events, statements); others as given."""
    numbers = explainer.entry_number
    if not all(record_id in numbers for record_id in record_ids):
        return record_ids
    return sorted(record_ids, key=numbers.__getitem__)


def entry_ref(explainer: Explainer, record_id: str) -> Ref:
    """Where an event or statement is listed on the timeline."""
    number = explainer.entry_number[record_id]
    kind = registry.BY_KEY[explainer.kind_of[record_id]]
    return Ref(explainer.label(record_id), paging.timeline_page(number), kind.anchor(record_id))


# --- Shared parts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pager:
    """Links to every page of a listing."""

    number: int
    total: int
    pages: list[tuple[int, int | None, str]]
    """(first record number, last record number or None for the last page, page path) per page."""


def pager(stem: str, number: int, total: int) -> Pager | None:
    if total <= 1:
        return None
    pages = []
    for other in range(1, total + 1):
        first = (other - 1) * paging.PAGE_SIZE + 1
        pages.append((first, first + paging.PAGE_SIZE - 1 if other < total else None, paging.page_path(stem, other)))
    return Pager(number, total, pages)


@dataclass(frozen=True)
class Chart:
    """A chart's container: its element id, its figure data and the list that says the same."""

    id: str
    figure: str
    list_anchor: str


@dataclass(frozen=True)
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


def _entry(explainer: Explainer, entry: TimelineEntry) -> Entry:
    record = entry.record
    kind = registry.BY_KEY[entry.kind]
    is_event = isinstance(record, models.Event)
    return Entry(
        number=entry.number,
        anchor=kind.anchor(record.id),
        kind=entry.kind,
        record=record,
        after=refs(explainer, record.after),
        actors=refs(explainer, record.actors) if isinstance(record, models.Event) else [],
        speaker=None if is_event else ref(explainer, record.speaker),  # type: ignore[union-attr]
        statement=None if is_event else ref(explainer, record.id),
        sources=refs(explainer, record.sources),
        mentioned=mentioned(explainer, record.id),
        notices=notices(explainer, record.id),
    )


# --- Pages ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """What every page has: its path (links are made relative to it) and its template."""

    page: str
    template: str
    jsonld: Any = None
    title: str = ""
    """The explainer's title (pages name it in their descriptions)."""


@dataclass(frozen=True)
class Listing(Page):
    """One page of a listing split into pages (timeline, statements, sources)."""

    number: int = 1
    pager: Pager | None = None


@dataclass(frozen=True)
class Home(Page):
    incident: models.Incident | None = None
    description: str = ""
    """The summary's first sentence, for the page's metadata."""
    key_facts: list[tuple[str, list[Ref]]] = field(default_factory=list)
    unanswered: list[tuple[Ref, str]] = field(default_factory=list)
    """(question, status) of the first questions not yet answered."""
    more_unanswered: int = 0
    latest: Notice | None = None
    """The newest update, correction or clarification."""
    counts: dict[str, int] = field(default_factory=dict)
    """events, statements, actors, questions, unanswered, sources."""


def home(explainer: Explainer) -> Home:
    unanswered = [q for q in explainer.questions.values() if q.status != "answered"]
    return Home(
        page="index.md",
        template="home.md.j2",
        jsonld=structured.article(explainer),
        incident=explainer.incident,
        description=first_sentence(explainer.parsed(explainer.incident.summary).plain()),
        key_facts=[(fact.text, refs(explainer, fact.sources)) for fact in explainer.incident.key_facts],
        unanswered=[(ref(explainer, q.id), q.status) for q in unanswered[:HOME_QUESTIONS]],
        more_unanswered=max(0, len(unanswered) - HOME_QUESTIONS),
        latest=next((Notice(u, ref(explainer, u.id)) for u in explainer.updates.values()), None),
        counts={
            "events": len(explainer.events),
            "statements": len(explainer.statements),
            "actors": len(explainer.actors),
            "questions": len(explainer.questions),
            "unanswered": len(unanswered),
            "sources": len(explainer.sources),
            "updates": len(explainer.updates),
        },
    )


def first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end == -1 else flat[: end + 1]


@dataclass(frozen=True)
class Timeline(Listing):
    first: int = 0
    last: int = 0
    placed: list[Entry] = field(default_factory=list)
    unplaced: list[Entry] = field(default_factory=list)
    total: int = 0
    undated: int = 0
    events: int = 0
    statements: int = 0
    sides: list[str] = field(default_factory=list)
    """Names of the sides with a lane on the chart."""
    dated: bool = False
    """Whether any entry has a calendar date (the chart then has a date axis)."""
    chart: Chart | None = None
    embed: EmbedCode | None = None


def timeline(
    explainer: Explainer,
    entries: list[TimelineEntry],
    number: int,
    total: int,
    undated: int | None = None,
    site_url: str | None = None,
) -> Timeline:
    """One page of the timeline (``undated``: how many entries have no date, if already counted)."""
    if undated is None:
        undated = sum(1 for e in explainer.timeline if dates.bounds(e.record.when) is None)
    return Timeline(
        page=paging.page_path("timeline", number),
        template="timeline.md.j2",
        jsonld=structured.events(explainer, entries),
        title=explainer.incident.title,
        number=number,
        first=entries[0].number if entries else 0,
        last=entries[-1].number if entries else 0,
        placed=[_entry(explainer, e) for e in entries if e.rank is not None],
        unplaced=[_entry(explainer, e) for e in entries if e.rank is None],
        total=len(explainer.timeline),
        undated=undated,
        events=len(explainer.events),
        statements=len(explainer.statements),
        sides=[explainer.actors[side].name for side in lanes(explainer)],
        dated=undated < len(explainer.timeline),
        chart=Chart("timeline-chart", "figures/timeline.json", "in-order") if number == 1 else None,
        embed=embed_code(site_url, "timeline") if number == 1 else None,
        pager=pager("timeline", number, total),
    )


def lanes(explainer: Explainer) -> list[str]:
    """The sides that have a lane on the timeline: those with at least one entry."""
    used = {entry.lane for entry in explainer.timeline}
    return [side for side in explainer.sides if side in used]


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Statements(Listing):
    statements: list[StatementItem] = field(default_factory=list)


def statements(explainer: Explainer, chunk: list[models.Statement], number: int, total: int) -> Statements:
    kind = registry.BY_KEY["statements"]
    return Statements(
        page=paging.page_path("statements", number),
        template="statements.md.j2",
        jsonld=structured.quotations(explainer, chunk),
        title=explainer.incident.title,
        number=number,
        statements=[
            StatementItem(
                record=s,
                anchor=kind.anchor(s.id),
                speaker=ref(explainer, s.speaker),
                after=refs(explainer, s.after),
                responds_to=refs(explainer, s.responds_to),
                responses=refs(explainer, explainer.responses.get(s.id, [])),
                questions=refs(explainer, explainer.questions_about.get(s.id, [])),
                on_timeline=entry_ref(explainer, s.id),
                sources=refs(explainer, s.sources),
                mentioned=mentioned(explainer, s.id),
                notices=notices(explainer, s.id),
            )
            for s in chunk
        ],
        pager=pager("statements", number, total),
    )


@dataclass(frozen=True)
class Side:
    name: str
    anchor: str
    tree: list[tuple[int, Ref, str | None]]
    """(depth, actor, role) in the order of the affiliation tree."""


@dataclass(frozen=True)
class Involvement:
    actor: Ref
    entries: list[tuple[int, Ref, str]]
    """(entry number, entry, role: ``said`` or ``took_part``)."""


@dataclass(frozen=True)
class Actors(Page):
    sides: list[Side] = field(default_factory=list)
    chart: Chart | None = None
    embed: EmbedCode | None = None
    involvements: list[Involvement] = field(default_factory=list)
    shown: int = 0
    """How many actors the chart and its list show."""
    involved: int = 0
    """How many actors speak in or take part in at least one entry."""
    entries: int = 0
    dated: bool = False
    """Whether any entry has a calendar date (the markers' key then says what a cross means)."""


def actors(explainer: Explainer, site_url: str | None = None) -> Actors:
    sides = []
    for side in explainer.sides:
        tree: list[tuple[int, Ref, str | None]] = []

        def walk(actor_id: str, depth: int, tree: list[tuple[int, Ref, str | None]] = tree) -> None:
            tree.append((depth, ref(explainer, actor_id), explainer.actors[actor_id].role))
            for member in explainer.members.get(actor_id, []):
                walk(member, depth + 1)

        walk(side, 0)
        sides.append(Side(explainer.actors[side].name, f"side-{side}", tree))
    rows = involvement.involvements(explainer)
    return Actors(
        page="actors/index.md",
        template="actors.md.j2",
        title=explainer.incident.title,
        sides=sides,
        chart=Chart(involvement.CHART_ID, involvement.FIGURE_PATH, involvement.LIST_ANCHOR) if rows else None,
        embed=embed_code(site_url, "whos-who") if rows else None,
        involvements=[
            Involvement(
                ref(explainer, actor_id),
                [(entry.number, entry_ref(explainer, entry.record.id), role) for entry, role in entries],
            )
            for actor_id, entries in rows.items()
        ],
        shown=len(rows),
        involved=involvement.involved_count(explainer),
        entries=len(explainer.timeline),
        dated=any(dates.bounds(e.record.when) is not None for e in explainer.timeline),
    )


@dataclass(frozen=True)
class Actor(Page):
    actor: models.Actor | None = None
    affiliation: Ref | None = None
    side: Ref | None = None
    """The actor's side, when it is neither the actor itself nor its direct affiliation."""
    sources: list[Ref] = field(default_factory=list)
    members: list[Ref] = field(default_factory=list)
    statements: list[tuple[Ref, models.Statement]] = field(default_factory=list)
    events: list[tuple[Ref, models.Event]] = field(default_factory=list)
    questions: list[Ref] = field(default_factory=list)
    mentioned: list[Ref] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def actor(explainer: Explainer, actor_id: str) -> Actor:
    record = explainer.actors[actor_id]
    side = explainer.side_of[actor_id]
    return Actor(
        page=registry.BY_KEY["actors"].record_page(actor_id),
        template="actor.md.j2",
        jsonld=structured.actor(explainer, actor_id),
        title=explainer.incident.title,
        actor=record,
        affiliation=ref(explainer, record.affiliation) if record.affiliation else None,
        side=ref(explainer, side) if side not in (actor_id, record.affiliation) else None,
        sources=refs(explainer, record.sources),
        members=refs(explainer, explainer.members.get(actor_id, [])),
        statements=[
            (ref(explainer, s), explainer.statements[s])
            for s in in_order(explainer, explainer.statements_by.get(actor_id, []))
        ],
        events=[
            (ref(explainer, e), explainer.events[e]) for e in in_order(explainer, explainer.events_of.get(actor_id, []))
        ],
        questions=refs(explainer, explainer.questions_about.get(actor_id, [])),
        mentioned=mentioned(explainer, actor_id),
        notices=notices(explainer, actor_id),
    )


@dataclass(frozen=True)
class QuestionItem:
    record: models.Question
    anchor: str
    related: list[Ref]
    sources: list[Ref]
    mentioned: list[Ref]
    notices: list[Notice]


@dataclass(frozen=True)
class Questions(Page):
    groups: list[tuple[str, str, list[QuestionItem]]] = field(default_factory=list)
    """(status, anchor, questions) for each status that has questions, open first."""


def questions(explainer: Explainer) -> Questions:
    kind = registry.BY_KEY["questions"]
    groups = []
    for status in ("open", "partly_answered", "answered"):
        items = [
            QuestionItem(
                q,
                kind.anchor(q.id),
                refs(explainer, q.related),
                refs(explainer, q.sources),
                mentioned(explainer, q.id),
                notices(explainer, q.id),
            )
            for q in explainer.questions.values()
            if q.status == status
        ]
        if items:
            groups.append((status, f"status-{status.replace('_', '-')}", items))
    return Questions(page="questions.md", template="questions.md.j2", title=explainer.incident.title, groups=groups)


@dataclass(frozen=True)
class SourceItem:
    record: models.Source
    anchor: str
    via: Ref | None
    key_facts: bool
    """Whether the home page's key facts cite it."""
    supports: list[tuple[registry.Kind, list[Ref]]]
    """The records citing it, by kind."""
    mentioned: list[Ref]
    notices: list[Notice]


@dataclass(frozen=True)
class Sources(Listing):
    sources: list[SourceItem] = field(default_factory=list)


def sources(explainer: Explainer, chunk: list[models.Source], number: int, total: int) -> Sources:
    items = []
    for source in chunk:
        cited = explainer.cited_by.get(source.id, [])
        by_kind: dict[str, list[str]] = {}
        for record_id in cited:
            if record_id != "incident":
                by_kind.setdefault(explainer.kind_of[record_id], []).append(record_id)
        supports = [
            (kind, refs(explainer, in_order(explainer, by_kind[kind.key])))
            for kind in registry.KINDS
            if kind.key in by_kind and kind.key != "sources"
        ]
        items.append(
            SourceItem(
                record=source,
                anchor=registry.BY_KEY["sources"].anchor(source.id),
                via=ref(explainer, source.via) if source.via else None,
                key_facts="incident" in cited,
                supports=supports,
                mentioned=mentioned(explainer, source.id),
                notices=notices(explainer, source.id),
            )
        )
    return Sources(
        page=paging.page_path("sources", number),
        template="sources.md.j2",
        title=explainer.incident.title,
        number=number,
        sources=items,
        pager=pager("sources", number, total),
    )


@dataclass(frozen=True)
class ChangeItem:
    record: models.Update
    anchor: str
    about: list[Ref]
    sources: list[Ref]


@dataclass(frozen=True)
class Changes(Page):
    changes: list[ChangeItem] = field(default_factory=list)
    """Newest first."""
    first_published: models.dt.date | None = None
    feed: str | None = None
    """The Atom feed's path in the site, when the site has one."""


def changes(explainer: Explainer, feed: str | None = None) -> Changes:
    kind = registry.BY_KEY["updates"]
    return Changes(
        page="changes.md",
        template="changes.md.j2",
        title=explainer.incident.title,
        changes=[
            ChangeItem(u, kind.anchor(u.id), refs(explainer, u.about), refs(explainer, u.sources))
            for u in explainer.updates.values()
        ],
        first_published=explainer.incident.first_published,
        feed=feed,
    )


@dataclass(frozen=True)
class EmbedCode:
    """Where a host page finds a chart to embed: the embed page, and the oEmbed document about it."""

    page: str
    """The embed page's path, e.g. ``embed/timeline.md``."""
    address: str
    """The embed page's absolute address (the iframe's ``src``)."""
    oembed: str
    """Absolute address of the oEmbed JSON document."""


EMBED_WIDTH = 800
"""The width oEmbed announces (the iframe itself fills its column)."""
EMBEDS = {"timeline": "embed/timeline.md", "whos-who": "embed/whos-who.md"}
"""Chart name -> its embed page."""


def oembed_path(chart: str) -> str:
    """Where a chart's oEmbed document is in the site."""
    return f"oembed-{chart}.json"


def embed_code(site_url: str | None, chart: str) -> EmbedCode | None:
    """Where a chart's embed is; nowhere without the site's address (a host needs an absolute one)."""
    if not site_url:
        return None
    page = EMBEDS[chart]
    # At the site's root: Material's script fetches sitemap.xml beside every <link rel=alternate>.
    return EmbedCode(page, paging.absolute(site_url, page), paging.absolute(site_url, oembed_path(chart)))


@dataclass(frozen=True)
class EmbedItem:
    anchor: str
    label: str
    link: Ref
    entries: list[tuple[int, Ref, str]] = field(default_factory=list)
    """For the Who's who chart: (entry number, entry, role) of the actor's timeline entries."""


@dataclass(frozen=True)
class Embed(Page):
    """A chart alone, to be shown in another site's page: no site chrome, its list, a way back."""

    chart: Chart | None = None
    name: str = ""
    """Which chart: ``timeline`` or ``whos-who``."""
    items: list[EmbedItem] = field(default_factory=list)
    more: int = 0
    """How many entries the list leaves to the full explainer."""
    dated: bool = False
    code: EmbedCode | None = None
    counts: dict[str, int] = field(default_factory=dict)


def embeds(explainer: Explainer, site_url: str | None = None) -> list[Embed]:
    dated = any(dates.bounds(e.record.when) is not None for e in explainer.timeline)
    shown = explainer.timeline[: paging.PAGE_SIZE]
    common: dict[str, Any] = {"template": "embed.md.j2", "title": explainer.incident.title, "dated": dated}
    counts = {"events": len(explainer.events), "statements": len(explainer.statements)}
    timeline_items = [
        EmbedItem(
            registry.BY_KEY[entry.kind].anchor(entry.record.id),
            entry.record.title,
            entry_ref(explainer, entry.record.id),
        )
        for entry in shown
    ]
    pages = [
        Embed(
            page=EMBEDS["timeline"],
            chart=Chart("timeline-chart", "figures/timeline.json", "in-order"),
            name="timeline",
            items=timeline_items,
            more=len(explainer.timeline) - len(shown),
            code=embed_code(site_url, "timeline"),
            counts=counts,
            **common,
        )
    ]
    rows = involvement.involvements(explainer)
    if rows:
        pages.append(
            Embed(
                page=EMBEDS["whos-who"],
                chart=Chart(involvement.CHART_ID, involvement.FIGURE_PATH, involvement.LIST_ANCHOR),
                name="whos-who",
                items=[
                    EmbedItem(
                        f"row-{actor_id}",
                        explainer.label(actor_id),
                        ref(explainer, actor_id),
                        [(entry.number, entry_ref(explainer, entry.record.id), role) for entry, role in entries],
                    )
                    for actor_id, entries in rows.items()
                ],
                code=embed_code(site_url, "whos-who"),
                counts=counts,
                **common,
            )
        )
    return pages


@dataclass(frozen=True)
class DataFile:
    path: str
    """Site path, e.g. ``data/events.csv``."""
    kind: registry.Kind | None
    """The record kind a CSV holds (None for the JSON files)."""
    rows: int
    columns: list[str]


@dataclass(frozen=True)
class DataPage(Page):
    licence: models.Licence | None = None
    files: list[DataFile] = field(default_factory=list)
    json_path: str = ""
    schema_path: str = ""
    separator: str = ""


def data_page(explainer: Explainer) -> DataPage:
    from .render import opendata

    files = [
        DataFile(
            f"{opendata.FOLDER}/{kind.key}.csv", kind, len(getattr(explainer, kind.key)), opendata.columns(kind.model)
        )
        for kind in registry.KINDS
    ]
    return DataPage(
        page="data.md",
        template="data.md.j2",
        title=explainer.incident.title,
        licence=explainer.incident.licence,
        files=files,
        json_path=opendata.JSON_PATH,
        schema_path=opendata.SCHEMA_PATH,
        separator=opendata.LIST_SEPARATOR,
    )


@dataclass(frozen=True)
class About(Page):
    incident: models.Incident | None = None


def about(explainer: Explainer) -> About:
    return About(page="about.md", template="about.md.j2", incident=explainer.incident)


@dataclass(frozen=True)
class Problems(Page):
    problems: list[str] = field(default_factory=list)


def problems(lines: list[str]) -> Problems:
    """The page the live preview shows in place of every page while the content has mistakes."""
    return Problems(page="index.md", template="problems.md.j2", problems=lines)


def all_pages(explainer: Explainer, feed: str | None = None, site_url: str | None = None) -> list[Page]:
    """The view of every page of the explainer (``feed``: the Atom feed's path, if the site has one;
    ``site_url``: the site's address, which the embed code needs)."""
    views: list[Page] = [
        home(explainer),
        actors(explainer, site_url),
        questions(explainer),
        changes(explainer, feed),
        data_page(explainer),
        about(explainer),
    ]
    undated = sum(1 for e in explainer.timeline if dates.bounds(e.record.when) is None)
    listings: list[tuple[Any, list[Any]]] = [
        (functools.partial(timeline, undated=undated, site_url=site_url), explainer.timeline),
        (statements, list(explainer.statements.values())),
        (sources, list(explainer.sources.values())),
    ]
    for make, items in listings:
        chunks = paging.split(items)
        views += [make(explainer, chunk, number, len(chunks)) for number, chunk in enumerate(chunks, start=1)]
    views += [actor(explainer, actor_id) for actor_id in explainer.actors]
    views += embeds(explainer, site_url)
    return views
