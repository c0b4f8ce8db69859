"""Stage 3: resolve every cross-reference and build the indexes the pages need.

The result, an :class:`Explainer`, is everything the renderers read. References to missing ids,
to the wrong kind of record, and cycles in affiliations or in the order of events are reported
here with the position of the reference.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import dates, models
from .errors import Problem
from .registry import KINDS, MOMENTS
from .validate import Origin, ValidatedContent, suggest

KIND_NAMES = {kind.key: kind.name for kind in KINDS}
"""Kind key -> the singular name editors' messages use (``events`` -> ``event``)."""


@dataclass(frozen=True)
class TimelineEntry:
    """An event or statement as placed on the timeline."""

    kind: str
    """``events`` or ``statements``."""
    record: models.Event | models.Statement
    lane: str
    """Id of the side (the top of the main actor's affiliation chain) whose lane it is drawn in."""
    rank: int | None
    """Column in the order the sources support (0 first); ``None`` when its order is not reported."""
    number: int
    """1-based position in the timeline list, shown on the chart's marker too."""


@dataclass
class Explainer:
    """One explainer with every reference resolved."""

    incident: models.Incident
    sources: dict[str, models.Source]
    actors: dict[str, models.Actor]
    events: dict[str, models.Event]
    statements: dict[str, models.Statement]
    questions: dict[str, models.Question]
    origins: dict[str, Origin]
    """Record id -> where it was written (for "edit this" links and later checks)."""
    kind_of: dict[str, str]
    """Record id -> its kind (``events``, ``actors``...)."""
    side_of: dict[str, str] = field(default_factory=dict)
    """Actor id -> the id of the actor at the top of its affiliation chain."""
    sides: list[str] = field(default_factory=list)
    """Side ids in the order their first actor is listed."""
    members: dict[str, list[str]] = field(default_factory=dict)
    """Actor id -> ids of the actors affiliated directly with it."""
    statements_by: dict[str, list[str]] = field(default_factory=dict)
    """Actor id -> ids of the statements it made."""
    events_of: dict[str, list[str]] = field(default_factory=dict)
    """Actor id -> ids of the events it took part in."""
    cited_by: dict[str, list[str]] = field(default_factory=dict)
    """Source id -> ids of the records citing it (``incident`` for the key facts)."""
    responses: dict[str, list[str]] = field(default_factory=dict)
    """Event or statement id -> ids of the statements responding to it."""
    questions_about: dict[str, list[str]] = field(default_factory=dict)
    """Record id -> ids of the questions related to it."""
    timeline: list[TimelineEntry] = field(default_factory=list)
    """Events and statements in the order the sources support; unplaced ones last."""
    position: dict[str, int] = field(default_factory=dict)
    """Record id -> 0-based place in its listing: timeline order for events, file order otherwise."""
    entry_number: dict[str, int] = field(default_factory=dict)
    """Event or statement id -> its 1-based number on the timeline."""
    labels: dict[str, str] = field(default_factory=dict)
    """Record id -> the record's name, title or question (what links to it say)."""

    def record(self, record_id: str) -> models.Record:
        kind = self.kind_of[record_id]
        return getattr(self, kind)[record_id]

    def label(self, record_id: str) -> str:
        """The human name of any record."""
        return self.labels[record_id]


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


class _Checker:
    def __init__(self, kind_of: dict[str, str]):
        self.kind_of = kind_of
        self.problems: list[Problem] = []

    def ref(self, origin: Origin, target: str, allowed: Iterable[str], *loc: str | int) -> bool:
        allowed = tuple(allowed)
        wanted = " or ".join(KIND_NAMES[k] for k in allowed)
        kind = self.kind_of.get(target)
        name = next(part for part in reversed(loc) if isinstance(part, str))
        if kind is None:
            hint = suggest(target, [i for i, k in self.kind_of.items() if k in allowed])
            self.problems.append(origin.problem(f"'{name}' refers to unknown {wanted} '{target}'{hint}", *loc))
            return False
        if kind not in allowed:
            self.problems.append(
                origin.problem(f"'{name}' must refer to {_a(wanted)}, but '{target}' is {_a(KIND_NAMES[kind])}", *loc)
            )
            return False
        return True

    def refs(
        self, origin: Origin, targets: list[str], allowed: Iterable[str], name: str, owner: str | None = None
    ) -> list[str]:
        """Check a list of references; ``owner`` is the record holding them, which none may name."""
        allowed = tuple(allowed)
        seen: set[str] = set()
        good = []
        for index, target in enumerate(targets):
            if target == owner:
                self.problems.append(origin.problem(f"'{name}' cannot refer to the record itself", name, index))
            elif target in seen:
                self.problems.append(origin.problem(f"'{name}' lists '{target}' twice", name, index))
            elif self.ref(origin, target, allowed, name, index):
                good.append(target)
            seen.add(target)
        return good


def link(content: ValidatedContent) -> tuple[Explainer | None, list[Problem]]:
    """Resolve references and build the indexes; returns the problems found instead when there are any."""
    kind_of: dict[str, str] = {}
    origins: dict[str, Origin] = {}
    problems: list[Problem] = []
    tables: dict[str, dict[str, models.Record]] = {}
    for kind, entries in content.records.items():
        tables[kind] = {}
        for record, origin in entries:
            if record.id in kind_of:
                first = origins[record.id].position("id")
                problems.append(
                    origin.problem(
                        f"id '{record.id}' is already used by the {KIND_NAMES[kind_of[record.id]]} at "
                        f"{origins[record.id].file.path.name}:{first[0]}: ids must be unique across all records",
                        "id",
                    )
                )
                continue
            kind_of[record.id] = kind
            origins[record.id] = origin
            tables[kind][record.id] = record

    check = _Checker(kind_of)
    explainer = Explainer(
        incident=content.incident,
        **{kind.key: tables[kind.key] for kind in KINDS},  # type: ignore[arg-type]
        origins=origins,
        kind_of=kind_of,
    )
    cited_by: dict[str, list[str]] = defaultdict(list)

    def cite(origin: Origin, record_id: str, sources: list[str], *loc: str | int) -> None:
        for index, source in enumerate(sources):
            cited = check.ref(origin, source, ["sources"], *loc, "sources", index)
            if cited and record_id not in cited_by[source]:
                cited_by[source].append(record_id)

    for index, fact in enumerate(content.incident.key_facts):
        cite(content.incident_origin, "incident", fact.sources, "key_facts", index)

    for source in explainer.sources.values():
        if source.via is not None:
            check.ref(origins[source.id], source.via, ["sources"], "via")
    _check_via_cycles(explainer, check)

    members: dict[str, list[str]] = defaultdict(list)
    for actor in explainer.actors.values():
        origin = origins[actor.id]
        cite(origin, actor.id, actor.sources)
        if actor.affiliation is not None and check.ref(origin, actor.affiliation, ["actors"], "affiliation"):
            members[actor.affiliation].append(actor.id)
    explainer.members = dict(members)
    explainer.side_of = _sides(explainer, check)
    explainer.sides = list(dict.fromkeys(explainer.side_of[a] for a in explainer.actors if a in explainer.side_of))

    statements_by: dict[str, list[str]] = defaultdict(list)
    events_of: dict[str, list[str]] = defaultdict(list)
    responses: dict[str, list[str]] = defaultdict(list)
    moments = list(MOMENTS)
    for statement in explainer.statements.values():
        origin = origins[statement.id]
        cite(origin, statement.id, statement.sources)
        if check.ref(origin, statement.speaker, ["actors"], "speaker"):
            statements_by[statement.speaker].append(statement.id)
        check.refs(origin, statement.after, moments, "after", statement.id)
        for target in check.refs(origin, statement.responds_to, moments, "responds_to", statement.id):
            responses[target].append(statement.id)
    for event in explainer.events.values():
        origin = origins[event.id]
        cite(origin, event.id, event.sources)
        for actor_id in check.refs(origin, event.actors, ["actors"], "actors"):
            events_of[actor_id].append(event.id)
        check.refs(origin, event.after, moments, "after", event.id)
    questions_about: dict[str, list[str]] = defaultdict(list)
    for question in explainer.questions.values():
        origin = origins[question.id]
        cite(origin, question.id, question.sources)
        for target in check.refs(origin, question.related, list(KIND_NAMES), "related", question.id):
            questions_about[target].append(question.id)

    problems += check.problems
    if problems:
        return None, problems

    explainer.statements_by = dict(statements_by)
    explainer.events_of = dict(events_of)
    explainer.cited_by = dict(cited_by)
    explainer.responses = dict(responses)
    explainer.questions_about = dict(questions_about)
    explainer.timeline, problems = _place(explainer)
    if problems:
        return None, problems
    for table in (explainer.sources, explainer.actors, explainer.statements, explainer.questions):
        explainer.position.update((record_id, i) for i, record_id in enumerate(table))
    explainer.entry_number = {entry.record.id: entry.number for entry in explainer.timeline}
    for record_kind in KINDS:
        records = getattr(explainer, record_kind.key).items()
        explainer.labels.update((record_id, getattr(record, record_kind.name_field)) for record_id, record in records)
    explainer.position.update((i, n - 1) for i, n in explainer.entry_number.items() if i in explainer.events)
    return explainer, []


def _check_via_cycles(explainer: Explainer, check: _Checker) -> None:
    """A source that reached us via another cannot, through a chain, have reached us via itself."""
    for source_id, source in explainer.sources.items():
        chain = [source_id]
        via = source.via
        while via is not None and via in explainer.sources:
            if via in chain:
                cycle = chain[chain.index(via) :]
                if source_id == min(cycle):
                    names = " -> ".join([*cycle, via])
                    check.problems.append(explainer.origins[source_id].problem(f"'via' forms a cycle: {names}", "via"))
                break
            chain.append(via)
            via = explainer.sources[via].via


def _sides(explainer: Explainer, check: _Checker) -> dict[str, str]:
    side_of: dict[str, str] = {}
    for actor_id in explainer.actors:
        chain = [actor_id]
        current = explainer.actors[actor_id]
        while current.affiliation is not None and current.affiliation in explainer.actors:
            if current.affiliation in chain:
                cycle = chain[chain.index(current.affiliation) :]
                if actor_id == min(cycle):  # report each cycle once, at its first member by id
                    names = " -> ".join([*cycle, current.affiliation])
                    check.problems.append(
                        explainer.origins[actor_id].problem(f"affiliations form a cycle: {names}", "affiliation")
                    )
                break
            chain.append(current.affiliation)
            current = explainer.actors[current.affiliation]
        side_of[actor_id] = chain[-1]
    return side_of


def _lane(explainer: Explainer, record: models.Event | models.Statement) -> str:
    main = record.actors[0] if isinstance(record, models.Event) else record.speaker
    return explainer.side_of[main]


def _place(explainer: Explainer) -> tuple[list[TimelineEntry], list[Problem]]:
    """Order events and statements by what the sources support: dates where known, else ``after``.

    An entry's rank is its column: one more than the highest rank among the entries it must come
    after. Entries with neither a date nor an order relation are not placed (``rank`` is ``None``).
    """
    records: dict[str, models.Event | models.Statement] = {**explainer.events, **explainer.statements}
    file_order = {record_id: i for i, record_id in enumerate(records)}
    predecessors: dict[str, set[str]] = {record_id: set() for record_id in records}
    related: set[str] = set()
    problems: list[Problem] = []

    for record in records.values():
        for before in record.after:
            predecessors[record.id].add(before)
            related.update((record.id, before))
            a, b = dates.bounds(record.when), dates.bounds(records[before].when)
            if a is not None and b is not None and a[1] < b[0]:
                index = record.after.index(before)
                problems.append(
                    explainer.origins[record.id].problem(
                        f"'after' says this follows '{before}', but its date ({dates.for_editors(record.when)}) "
                        f"is before that one's ({dates.for_editors(records[before].when)})",
                        "after",
                        index,
                    )
                )

    if problems:  # a contradiction would also show up below as a cycle
        return [], problems

    # Dated entries are ordered by their dates wherever their possible days do not overlap.
    dated = sorted(
        (bounds, file_order[record_id], record_id)
        for record_id, record in records.items()
        if (bounds := dates.bounds(record.when)) is not None
    )
    for (a_bounds, _, a_id), (b_bounds, _, b_id) in zip(dated, dated[1:], strict=False):
        related.update((a_id, b_id))
        if a_bounds[1] < b_bounds[0]:
            predecessors[b_id].add(a_id)
        else:  # overlapping: b follows whatever a follows
            predecessors[b_id].update(p for p in predecessors[a_id] if dates.bounds(records[p].when) is not None)

    successors: dict[str, list[str]] = defaultdict(list)
    waiting = {record_id: len(preds) for record_id, preds in predecessors.items()}
    for record_id, preds in predecessors.items():
        for pred in preds:
            successors[pred].append(record_id)
    rank = {record_id: 0 for record_id in records}
    ready = [(file_order[r], r) for r, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    done: list[str] = []
    while ready:
        _, record_id = heapq.heappop(ready)
        done.append(record_id)
        for succ in successors[record_id]:
            rank[succ] = max(rank[succ], rank[record_id] + 1)
            waiting[succ] -= 1
            if waiting[succ] == 0:
                heapq.heappush(ready, (file_order[succ], succ))
    if len(done) < len(records):
        stuck = sorted((r for r in records if waiting[r] > 0), key=file_order.__getitem__)
        first = stuck[0]
        problems.append(
            explainer.origins[first].problem(
                f"'after' makes a cycle among: {', '.join(stuck)}: an entry cannot come after itself", "after"
            )
        )
    if problems:
        return [], problems

    lane_order = {side: i for i, side in enumerate(explainer.sides)}
    placed = sorted(
        (r for r in records if r in related),
        key=lambda r: (rank[r], lane_order.get(_lane(explainer, records[r]), 0), file_order[r]),
    )
    unplaced = [r for r in records if r not in related]
    entries = []
    for number, record_id in enumerate([*placed, *unplaced], start=1):
        record = records[record_id]
        entries.append(
            TimelineEntry(
                kind=explainer.kind_of[record_id],
                record=record,
                lane=_lane(explainer, record),
                rank=rank[record_id] if record_id in related else None,
                number=number,
            )
        )
    return entries, []
