"""Stage 3: resolve every cross-reference and build the indexes the pages need.

The result, an :class:`Explainer`, is everything the renderers read. References to missing ids,
to the wrong kind of record, and cycles in affiliations or in the order of events are reported
here with the position of the reference.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import dates, introspect, models, order, prose
from .errors import Problem
from .hints import suggest
from .prose import Prose
from .registry import BY_NAME, KINDS, MOMENTS
from .translate import Translated
from .validate import Origin, ValidatedContent, update_after_as_of

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
    updates: dict[str, models.Update]
    """Updates, corrections and clarifications, newest first."""
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
    clock: dt.timezone = dt.UTC
    """The time zone the timeline is drawn in (see :func:`generator.dates.clock_zone`)."""
    timeline: list[TimelineEntry] = field(default_factory=list)
    """Events and statements in the order the sources support; unplaced ones last."""
    position: dict[str, int] = field(default_factory=dict)
    """Record id -> 0-based place in its listing: timeline order for events, file order otherwise."""
    entry_number: dict[str, int] = field(default_factory=dict)
    """Event or statement id -> its 1-based number on the timeline."""
    labels: dict[str, str] = field(default_factory=dict)
    """Record id -> the record's name, title or question (what links to it say)."""
    notices: dict[str, list[str]] = field(default_factory=dict)
    """Record id -> ids of the updates about it, newest first."""
    mentions: dict[str, list[str]] = field(default_factory=dict)
    """Record id -> ids of the records whose prose refers to it (``incident`` for incident.yml)."""
    prose: dict[tuple[str, bool], Prose] = field(default_factory=dict)
    """(text, block) -> every prose field parsed (see :meth:`parsed`)."""
    translations: dict[str, Translated] = field(default_factory=dict)
    """Language -> the records in that language, for each of ``translations`` in incident.yml."""
    original: Explainer | None = None
    """For the explainer in one of its translations' languages: the explainer as written."""

    def parsed(self, text: str, block: bool = True) -> Prose:
        """A prose field, parsed once."""
        found = self.prose.get((text, block))
        if found is None:
            found = self.prose[(text, block)] = prose.parse(text, block)
        return found

    def record(self, record_id: str) -> models.Record:
        kind = self.kind_of[record_id]
        return getattr(self, kind)[record_id]

    def label(self, record_id: str) -> str:
        """The human name of any record."""
        return self.labels[record_id]


class _Lists:
    """Key -> the values added under it, each once, in the order first added. Whether a value is
    there already is looked up, not searched for, so thousands of records citing one source take
    time in step with their number."""

    def __init__(self) -> None:
        self.lists: dict[str, list[str]] = {}
        self._seen: set[tuple[str, str]] = set()

    def add(self, key: str, value: str) -> None:
        if (key, value) not in self._seen:
            self._seen.add((key, value))
            self.lists.setdefault(key, []).append(value)


def _choice(kinds: tuple[str, ...]) -> str:
    """``event``, ``event or statement``, ``source, actor, event or question``..."""
    names = [KIND_NAMES[k] for k in kinds]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


class _Checker:
    def __init__(
        self, kind_of: dict[str, str], pending: dict[str, str] | None = None, troubled: set[str] | None = None
    ):
        self.kind_of = kind_of
        self.pending = pending or {}
        """Ids of records with problems of their own: a reference to one is neither unknown nor checked."""
        self.troubled = troubled or set()
        """Kinds whose file has problems: an unknown id of theirs may be a record with problems."""
        self.problems: list[Problem] = []

    def ref(self, origin: Origin, target: str, allowed: Iterable[str], *loc: str | int) -> bool:
        allowed = tuple(allowed)
        wanted = "record" if len(allowed) > 2 else " or ".join(KIND_NAMES[k] for k in allowed)
        kind = self.kind_of.get(target)
        name = next(part for part in reversed(loc) if isinstance(part, str))
        if kind is None and (target in self.pending or self.troubled & set(allowed)):
            return False
        if kind is None:
            hint = suggest(target, [i for i, k in self.kind_of.items() if k in allowed])
            self.problems.append(origin.problem(f"'{name}' refers to unknown {wanted} '{target}'{hint}", *loc))
            return False
        if kind not in allowed:
            self.problems.append(
                origin.problem(
                    f"'{name}' must refer to {_a(_choice(allowed))}, but '{target}' is {_a(KIND_NAMES[kind])}", *loc
                )
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


def link(content: ValidatedContent, complete: bool = True) -> tuple[Explainer | None, list[Problem]]:
    """Resolve references and build the indexes; returns the problems found instead when there are any.

    ``complete=False``: some records had problems of their own and are missing; only the references
    of the others are checked (to report every problem in one run), and no explainer is made.
    """
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

    check = _Checker(kind_of, content.pending, content.troubled)
    explainer = Explainer(
        incident=content.incident,
        **{kind.key: tables[kind.key] for kind in KINDS},  # type: ignore[arg-type]
        origins=origins,
        kind_of=kind_of,
    )
    cited_by = _Lists()

    def cite(origin: Origin, record_id: str, sources: list[str], *loc: str | int) -> None:
        for index, source in enumerate(sources):
            if check.ref(origin, source, ["sources"], *loc, "sources", index):
                cited_by.add(source, record_id)

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
        if statement.lane is not None:
            check.ref(origin, statement.lane, ["actors"], "lane")
        for target in check.refs(origin, statement.responds_to, moments, "responds_to", statement.id):
            responses[target].append(statement.id)
    for event in explainer.events.values():
        origin = origins[event.id]
        cite(origin, event.id, event.sources)
        for actor_id in check.refs(origin, event.actors, ["actors"], "actors"):
            events_of[actor_id].append(event.id)
        check.refs(origin, event.after, moments, "after", event.id)
        if event.lane is not None:
            check.ref(origin, event.lane, ["actors"], "lane")
    questions_about: dict[str, list[str]] = defaultdict(list)
    for question in explainer.questions.values():
        origin = origins[question.id]
        cite(origin, question.id, question.sources)
        for target in check.refs(origin, question.related, list(KIND_NAMES), "related", question.id):
            questions_about[target].append(question.id)

    notices: dict[str, list[str]] = defaultdict(list)
    record_kinds = [kind.key for kind in KINDS if kind.key != "updates"]
    for update in explainer.updates.values():
        origin = origins[update.id]
        cite(origin, update.id, update.sources)
        for target in check.refs(origin, update.about, record_kinds, "about", update.id):
            notices[target].append(update.id)
    _check_update_dates(content, explainer, check)
    mentions = _check_references(content, explainer, check)

    problems += check.problems
    if problems or not complete:
        return None, problems
    explainer.mentions = mentions
    newest_first = sorted(explainer.updates.values(), key=lambda u: u.date, reverse=True)  # stable: file order
    explainer.updates = {update.id: update for update in newest_first}
    rank = {update_id: i for i, update_id in enumerate(explainer.updates)}
    explainer.notices = {target: sorted(ids, key=rank.__getitem__) for target, ids in notices.items()}
    explainer.prose = content.prose

    explainer.statements_by = dict(statements_by)
    explainer.events_of = dict(events_of)
    explainer.cited_by = cited_by.lists
    explainer.responses = dict(responses)
    explainer.questions_about = dict(questions_about)
    explainer.timeline, problems = _place(explainer)
    if problems:
        return None, problems
    for table in (explainer.sources, explainer.actors, explainer.questions, explainer.updates):
        explainer.position.update((record_id, i) for i, record_id in enumerate(table))
    explainer.entry_number = {entry.record.id: entry.number for entry in explainer.timeline}
    # Statements are listed in the timeline's order, like the timeline itself.
    explainer.statements = dict(sorted(explainer.statements.items(), key=lambda item: explainer.entry_number[item[0]]))
    explainer.position.update((record_id, i) for i, record_id in enumerate(explainer.statements))
    for record_kind in KINDS:
        records = getattr(explainer, record_kind.key).items()
        explainer.labels.update((record_id, getattr(record, record_kind.name_field)) for record_id, record in records)
    explainer.position.update((i, n - 1) for i, n in explainer.entry_number.items() if i in explainer.events)
    return explainer, []


def _check_update_dates(content: ValidatedContent, explainer: Explainer, check: _Checker) -> None:
    """An update is published by ``as_of`` and not before the explainer first was."""
    incident = content.incident
    for update in explainer.updates.values():
        origin = explainer.origins[update.id]
        if update.date > incident.as_of:
            check.problems.append(origin.problem(update_after_as_of(update.date, incident.as_of), "date"))
        if incident.first_published is not None and update.date < incident.first_published:
            check.problems.append(
                origin.problem(
                    f"'date' ({update.date}) is before 'first_published' in incident.yml"
                    f" ({incident.first_published}): nothing was published to update yet",
                    "date",
                )
            )
    if incident.first_published is not None and incident.first_published > incident.as_of:
        check.problems.append(
            content.incident_origin.problem(
                f"'first_published' ({incident.first_published}) is after 'as_of' ({incident.as_of})",
                "first_published",
            )
        )


def _check_references(content: ValidatedContent, explainer: Explainer, check: _Checker) -> dict[str, list[str]]:
    """Check every record reference in prose (``[words](kind:id)``); returns who mentions whom."""
    mentions = _Lists()
    holders: list[tuple[str, models.Model, Origin]] = [("incident", content.incident, content.incident_origin)]
    holders += [
        (record.id, record, explainer.origins[record.id])
        for entries in content.records.values()
        for record, _ in entries
        if explainer.origins.get(record.id) is not None
    ]
    for holder, record, origin in holders:
        for loc, text, block in introspect.prose_values(record):
            name = next(part for part in reversed(loc) if isinstance(part, str))
            parsed = content.prose.get((text, block)) or prose.parse(text, block)
            for reference in parsed.references:
                wanted = BY_NAME[reference.kind].key
                kind = check.kind_of.get(reference.id)
                message = None
                if kind is None and (reference.id in check.pending or wanted in check.troubled):
                    continue
                if kind is None:
                    hint = suggest(reference.id, [i for i, k in check.kind_of.items() if k == wanted])
                    message = f"'{name}' refers to unknown {reference.kind} '{reference.id}'{hint}"
                elif kind != wanted:
                    actual = KIND_NAMES[kind]
                    message = (
                        f"'{name}': '{reference.id}' is {_a(actual)}, not {_a(reference.kind)}:"
                        f" write ({actual}:{reference.id})"
                    )
                elif reference.id == holder:
                    message = f"'{name}' refers to the record itself"
                if message:
                    check.problems.append(origin.problem_in(message, loc, text, reference.offset, reference.needle))
                else:
                    mentions.add(reference.id, holder)
    return mentions.lists


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
    """The side whose lane an entry is drawn in: its ``lane`` actor's, else its main actor's."""
    if record.lane is not None:
        return explainer.side_of[record.lane]
    main = record.actors[0] if isinstance(record, models.Event) else record.speaker
    return explainer.side_of[main]


def _where(explainer: Explainer, record_id: str) -> str:
    line, _ = explainer.origins[record_id].position("id")
    return f"{explainer.origins[record_id].file.path.name}:{line}"


def _place(explainer: Explainer) -> tuple[list[TimelineEntry], list[Problem]]:
    """Order events and statements by what the sources support (see :mod:`generator.order`).

    An entry's rank is its column on an undated chart. Entries with neither a date nor an order
    relation are not placed (``rank`` is ``None``) and are listed last.
    """
    records: dict[str, models.Event | models.Statement] = {**explainer.events, **explainer.statements}
    problems: list[Problem] = []
    items = []
    explainer.clock = dates.clock_zone([r.when for r in records.values()])
    for record in records.values():
        start, end = dates.extent_instants(record)
        if start is not None and end is not None and order.surely_before(end, start):
            problems.append(
                explainer.origins[record.id].problem(
                    f"'until' ({dates.for_editors(record.until)}) ends before 'when' "  # type: ignore[union-attr, arg-type]
                    f"({dates.for_editors(record.when)}) can begin",
                    "until",
                )
            )
        drawn = dates.shown(record.when, explainer.clock)
        items.append(order.Item(record.id, start, end, tuple(record.after), drawn))
    for clash in order.contradictions(items):
        record, before = records[clash.entry], records[clash.before]
        problems.append(
            explainer.origins[record.id].problem(
                f"'after' says this follows '{before.id}' ({_where(explainer, before.id)}), but it ends"
                f" ({dates.for_editors(getattr(record, 'until', None) or record.when)}) before that one can"
                f" begin ({dates.for_editors(before.when)})",
                "after",
                record.after.index(before.id),
            )
        )
    if problems:  # a contradiction would also show up below as a cycle
        return [], problems

    placed = order.solve(items)
    if isinstance(placed, order.Cycle):
        loop = " -> ".join([*placed.ids, placed.ids[0]])
        pairs = list(zip(placed.ids, [*placed.ids[1:], placed.ids[0]], strict=True))
        by_dates = [
            f"{a} ({dates.for_editors(records[a].when)}) is before {b} ({dates.for_editors(records[b].when)})"
            for a, b in pairs
            if (a, b) not in placed.by_after
        ]
        reason = (
            f"'after' contradicts the dates: {'; '.join(by_dates)}" if by_dates else "an entry cannot come after itself"
        )
        for before_id, entry_id in placed.by_after:
            problems.append(
                explainer.origins[entry_id].problem(
                    f"'after' makes a cycle: {loop} (each comes before the next): {reason}",
                    "after",
                    records[entry_id].after.index(before_id),
                )
            )
        return [], problems

    related = {r for r, record in records.items() if record.after or dates.bounds(record.when) is not None}
    related.update(before for record in records.values() for before in record.after)
    # The solver's order reads as close to the clock as the evidence allows (see generator.order).
    in_order = [r for r in placed.order if r in related]
    unplaced = [r for r in records if r not in related]
    entries = []
    for number, record_id in enumerate([*in_order, *unplaced], start=1):
        record = records[record_id]
        entries.append(
            TimelineEntry(
                kind=explainer.kind_of[record_id],
                record=record,
                lane=_lane(explainer, record),
                rank=placed.rank[record_id] if record_id in related else None,
                number=number,
            )
        )
    return entries, []
