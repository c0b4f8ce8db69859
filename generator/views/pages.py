"""The pages that are neither listings nor embeds: home, who's who, actors, questions, changes,
data, about, and the preview's page of content problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import models, registry, tables
from ..prose import first_sentence
from ..site import Chart, Pages, Ref, Site
from .embeds import EmbedCode, embed_code
from .parts import Notice, Page, in_order, mentioned, notices

HOME_QUESTIONS = 12
"""The home page lists this many unanswered questions and links to the rest."""


@dataclass(frozen=True, kw_only=True)
class Home(Page):
    incident: models.Incident
    description: str
    """The summary's first sentence, for the page's metadata."""
    key_facts: list[tuple[str, list[Ref]]]
    unanswered: list[tuple[Ref, str]]
    """(question, status) of the first questions not yet answered."""
    more_unanswered: int
    latest: Notice | None
    """The newest update, correction or clarification."""
    counts: dict[str, int]
    """events, statements, actors, questions, unanswered, sources."""


def home(site: Site) -> Home:
    explainer = site.explainer
    unanswered = [q for q in explainer.questions.values() if q.status != "answered"]
    return Home(
        page=site.pages.home,
        template="home.md.j2",
        incident=explainer.incident,
        description=first_sentence(explainer.parsed(explainer.incident.summary).plain()),
        key_facts=[(fact.text, site.refs(fact.sources)) for fact in explainer.incident.key_facts],
        unanswered=[(site.ref(q.id), q.status) for q in unanswered[:HOME_QUESTIONS]],
        more_unanswered=max(0, len(unanswered) - HOME_QUESTIONS),
        latest=next((Notice(update=u, link=site.ref(u.id)) for u in explainer.updates.values()), None),
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


@dataclass(frozen=True, kw_only=True)
class Side:
    name: str
    anchor: str
    tree: list[tuple[int, Ref, str | None]]
    """(depth, actor, role) in the order of the affiliation tree."""


@dataclass(frozen=True, kw_only=True)
class Involvement:
    actor: Ref
    entries: list[tuple[int, Ref, str]]
    """(entry number, entry, role: ``said`` or ``took_part``)."""


@dataclass(frozen=True, kw_only=True)
class Actors(Page):
    sides: list[Side]
    chart: Chart | None
    embed: EmbedCode | None
    involvements: list[Involvement]
    shown: int
    """How many actors the chart and its list show."""
    involved: int
    """How many actors speak in or take part in at least one entry."""
    entries: int
    dated: bool
    """Whether any entry has a calendar date (the markers' key then says what a cross means)."""


def actors(site: Site) -> Actors:
    explainer = site.explainer
    sides = []
    for side in explainer.sides:
        tree: list[tuple[int, Ref, str | None]] = []
        stack = [(side, 0)]
        while stack:  # the affiliation tree, depth first, members in the order they are listed
            actor_id, depth = stack.pop()
            tree.append((depth, site.ref(actor_id), explainer.actors[actor_id].role))
            stack.extend((member, depth + 1) for member in reversed(explainer.members.get(actor_id, [])))
        sides.append(Side(name=explainer.actors[side].name, anchor=f"side-{side}", tree=tree))
    rows = site.derived.involvements
    chart = site.charts["whos-who"]
    return Actors(
        page=site.pages.actors,
        template="actors.md.j2",
        title=explainer.incident.title,
        sides=sides,
        chart=chart if rows else None,
        embed=embed_code(site, chart) if rows else None,
        involvements=[
            Involvement(
                actor=site.ref(actor_id),
                entries=[(entry.number, site.entry_ref(entry.record.id), role) for entry, role in entries],
            )
            for actor_id, entries in rows.items()
        ],
        shown=len(rows),
        involved=site.derived.involved,
        entries=len(explainer.timeline),
        dated=site.derived.dated,
    )


@dataclass(frozen=True, kw_only=True)
class Actor(Page):
    actor: models.Actor
    affiliation: Ref | None
    side: Ref | None
    """The actor's side, when it is neither the actor itself nor its direct affiliation."""
    sources: list[Ref]
    members: list[Ref]
    statements: list[tuple[Ref, models.Statement]]
    events: list[tuple[Ref, models.Event]]
    questions: list[Ref]
    mentioned: list[Ref]
    notices: list[Notice]


def actor(site: Site, actor_id: str) -> Actor:
    explainer = site.explainer
    record = explainer.actors[actor_id]
    side = explainer.side_of[actor_id]
    return Actor(
        page=site.record_page(registry.BY_KEY["actors"], actor_id),
        template="actor.md.j2",
        title=explainer.incident.title,
        actor=record,
        affiliation=site.ref(record.affiliation) if record.affiliation else None,
        side=site.ref(side) if side not in (actor_id, record.affiliation) else None,
        sources=site.refs(record.sources),
        members=site.refs(explainer.members.get(actor_id, [])),
        statements=[
            (site.ref(s), explainer.statements[s]) for s in in_order(site, explainer.statements_by.get(actor_id, []))
        ],
        events=[(site.ref(e), explainer.events[e]) for e in in_order(site, explainer.events_of.get(actor_id, []))],
        questions=site.refs(explainer.questions_about.get(actor_id, [])),
        mentioned=mentioned(site, actor_id),
        notices=notices(site, actor_id),
    )


@dataclass(frozen=True, kw_only=True)
class QuestionItem:
    record: models.Question
    anchor: str
    related: list[Ref]
    sources: list[Ref]
    mentioned: list[Ref]
    notices: list[Notice]


@dataclass(frozen=True, kw_only=True)
class Questions(Page):
    groups: list[tuple[str, str, list[QuestionItem]]]
    """(status, anchor, questions) for each status that has questions, open first."""


def questions(site: Site) -> Questions:
    explainer = site.explainer
    kind = registry.BY_KEY["questions"]
    groups = []
    for status in ("open", "partly_answered", "answered"):
        items = [
            QuestionItem(
                record=q,
                anchor=kind.anchor(q.id),
                related=site.refs(q.related),
                sources=site.refs(q.sources),
                mentioned=mentioned(site, q.id),
                notices=notices(site, q.id),
            )
            for q in explainer.questions.values()
            if q.status == status
        ]
        if items:
            groups.append((status, f"status-{status.replace('_', '-')}", items))
    return Questions(page=site.pages.questions, template="questions.md.j2", title=explainer.incident.title,
                     groups=groups)  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class ChangeItem:
    record: models.Update
    anchor: str
    about: list[Ref]
    sources: list[Ref]


@dataclass(frozen=True, kw_only=True)
class Changes(Page):
    changes: list[ChangeItem]
    """Newest first."""
    first_published: dt.date | None
    feed: str | None
    """The Atom feed's path in the site, when the site has one."""


def changes(site: Site) -> Changes:
    explainer = site.explainer
    kind = registry.BY_KEY["updates"]
    return Changes(
        page=site.pages.changes,
        template="changes.md.j2",
        title=explainer.incident.title,
        changes=[
            ChangeItem(record=u, anchor=kind.anchor(u.id), about=site.refs(u.about), sources=site.refs(u.sources))
            for u in explainer.updates.values()
        ],
        first_published=explainer.incident.first_published,
        feed=site.feed,
    )


@dataclass(frozen=True, kw_only=True)
class DataFile:
    path: str
    """Site path, e.g. ``data/events.csv``."""
    kind: registry.Kind | None
    """The record kind a CSV holds (None for the JSON files)."""
    rows: int
    columns: list[str]


@dataclass(frozen=True, kw_only=True)
class DataPage(Page):
    licence: models.Licence
    files: list[DataFile]
    json_path: str
    schema_path: str
    timelinejs_path: str
    separator: str


def data_page(site: Site) -> DataPage:
    explainer = site.explainer
    files = [
        DataFile(path=site.csv(kind), kind=kind, rows=len(getattr(explainer, kind.key)),
                 columns=tables.columns(kind.model))
        for kind in registry.KINDS
    ]  # fmt: skip
    return DataPage(
        page=site.pages.data,
        template="data.md.j2",
        title=explainer.incident.title,
        licence=explainer.incident.licence,
        files=files,
        json_path=site.data_json,
        schema_path=site.data_schema,
        timelinejs_path=site.timelinejs,
        separator=tables.LIST_SEPARATOR,
    )


@dataclass(frozen=True, kw_only=True)
class About(Page):
    incident: models.Incident


def about(site: Site) -> About:
    return About(page=site.pages.about, template="about.md.j2", incident=site.explainer.incident)


@dataclass(frozen=True, kw_only=True)
class Problems(Page):
    problems: list[str] = field(default_factory=list)


def problems(lines: list[str], home: str = Pages().home) -> Problems:
    """The page the live preview shows in place of every page while the content has mistakes."""
    return Problems(page=home, template="problems.md.j2", problems=lines)
