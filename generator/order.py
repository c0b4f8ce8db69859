"""The order of timeline entries: what the sources support, from ``after`` and from dates.

Two kinds of evidence say that one entry comes before another:

- ``after``: the record says so (B lists A in its ``after``);
- dates: A surely starts before B, because every instant A can start at is before every instant
  B can (see :func:`generator.dates.span`: an exact time is its minute, a day without a zone every
  instant it can be anywhere on Earth).

Overlapping dates say nothing about order, so they never create an order of their own (and so
never a false cycle). The result is a partial order; entries it cannot separate share a *rank*
(a column on an undated chart). A cycle can only come from the records themselves: ``after``
claims that go round in a circle, or that the dates contradict.

Within what the evidence allows, the list reads as close to the clock as it can: of the entries
free to come next, the one whose time is earliest (the middle of its interval) comes first, so
``after`` moves an entry behind what it follows and no further. An entry without a date comes
just after what it is said to follow, or else just before what is said to follow it.

Pure and independent of the models: it works on :class:`Item` tuples of any comparable instants,
so it can be tested on random graphs (``tests/test_order.py``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

Span = tuple[Any, Any]
"""The first instant something can be and the instant after its last: ``[first, end)``."""


class Item(NamedTuple):
    """One entry to order."""

    id: str
    start: Span | None
    """The instants the entry can start at; ``None`` when no date is known."""
    end: Span | None
    """The instants it can end at (the same as ``start`` for a moment); ``None`` when no date is known."""
    after: tuple[str, ...] = ()
    """Ids of the entries the sources place before this one."""
    shown: Span | None = None
    """Where the entry is drawn, if not ``start``: a day without a zone is ordered as every instant
    it can be on Earth, but drawn (and so best read) as that day on the chart's clock."""


def surely_before(first: Span, second: Span) -> bool:
    """Whether every instant of ``first`` is before every instant of ``second``."""
    return bool(first[1] <= second[0])


@dataclass(frozen=True)
class Contradiction:
    """``entry`` says it comes after ``before``, but its dates end before ``before`` can start."""

    entry: str
    before: str


@dataclass(frozen=True)
class Cycle:
    """Entries that each come before the next, the last before the first: a loop in the records."""

    ids: list[str]
    """The entries in order; each comes before the next, and the last before the first."""
    by_after: list[tuple[str, str]]
    """(before, entry) pairs of the loop that come from ``after``; the rest come from dates."""


@dataclass
class Placement:
    """Where each entry falls in the order the sources support."""

    rank: dict[str, int] = field(default_factory=dict)
    """Entry id -> its column: one more than the highest rank of anything surely before it."""
    order: list[str] = field(default_factory=list)
    """Every entry in an order that respects every ``after`` and every pair of separate dates,
    as close to the clock as they allow."""


def contradictions(items: Sequence[Item]) -> list[Contradiction]:
    """``after`` claims that the dates rule out: the entry ends before what it follows can begin."""
    by_id = {item.id: item for item in items}
    found = []
    for item in items:
        for before in item.after:
            other = by_id.get(before)
            known = other is not None and item.end is not None and other.start is not None
            if known and surely_before(item.end, other.start):  # type: ignore[arg-type, union-attr]
                found.append(Contradiction(item.id, before))
    return found


def _seconds(value: Any) -> float:
    return value.timestamp() if isinstance(value, dt.datetime) else float(value.toordinal() * 86400)


def clock_keys(items: Sequence[Item]) -> dict[str, float]:
    """Item id -> where on the clock it reads best, in seconds.

    A dated entry: the middle of where it is drawn, once what it follows is taken out (a month that
    follows the 23rd reads as the days from the 23rd on). An undated entry: right after what it
    follows, else right before what follows it, else at the end.
    """
    ids = {item.id for item in items}
    befores = {item.id: [b for b in dict.fromkeys(item.after) if b in ids] for item in items}
    afters: dict[str, list[str]] = {item.id: [] for item in items}
    for item in items:
        for before in befores[item.id]:
            afters[before].append(item.id)
    by_id = {item.id: item for item in items}
    topological = _after_order(items, befores, afters)
    lowest: dict[str, float] = {}  # the earliest it can be drawn, given what it follows
    key: dict[str, float] = {}
    for item_id in topological:
        item = by_id[item_id]
        drawn = item.shown or item.start
        inherited = max((lowest[b] for b in befores[item_id] if b in lowest), default=-math.inf)
        if drawn is None:
            lowest[item_id] = inherited
            if befores[item_id]:
                key[item_id] = max(key.get(b, -math.inf) for b in befores[item_id])
            continue
        low, high = _seconds(drawn[0]), _seconds(drawn[1])
        lowest[item_id] = max(low, inherited)
        key[item_id] = (lowest[item_id] + high) / 2 if lowest[item_id] < high else lowest[item_id]
    for item_id in reversed(topological):
        if item_id not in key or key[item_id] == -math.inf:
            key[item_id] = min((key.get(a, math.inf) for a in afters[item_id]), default=math.inf)
    for item in items:  # in a loop of 'after' claims: solve() reports it
        key.setdefault(item.id, math.inf)
    return key


def _after_order(items: Sequence[Item], befores: dict[str, list[str]], afters: dict[str, list[str]]) -> list[str]:
    """The entries in an order that respects ``after`` alone (those in a loop are left out)."""
    waiting = {item.id: len(befores[item.id]) for item in items}
    ready = [item.id for item in items if waiting[item.id] == 0]
    result = []
    while ready:
        item_id = ready.pop()
        result.append(item_id)
        for succ in afters[item_id]:
            waiting[succ] -= 1
            if waiting[succ] == 0:
                ready.append(succ)
    return result


def solve(items: Sequence[Item]) -> Placement | Cycle:
    """Rank and order ``items`` (given in file order, which breaks ties), or the cycle that prevents it.

    Kahn's algorithm over ``after`` edges and the implicit date edges, taking among the entries free
    to come next the one with the earliest :func:`clock_keys`. A dated entry's date predecessors are
    exactly the dated entries whose start interval ends before its own begins: with the dated
    entries sorted by that end, they are a prefix of the sorted list, so an entry is free of them
    once that prefix is done. Runs in O(n log n + edges).
    """
    position = {item.id: i for i, item in enumerate(items)}
    clock = clock_keys(items)
    successors: dict[str, list[str]] = {item.id: [] for item in items}
    waiting = {item.id: 0 for item in items}
    for item in items:
        for before in dict.fromkeys(item.after):
            if before in position:
                successors[before].append(item.id)
                waiting[item.id] += 1

    dated = sorted((item for item in items if item.start), key=lambda i: (i.start[1], position[i.id]))  # type: ignore[index]
    ends = [item.start[1] for item in dated]  # type: ignore[index]
    slot = {item.id: n for n, item in enumerate(dated)}
    needs = {item.id: bisect.bisect_right(ends, item.start[0]) for item in dated}  # type: ignore[index]
    """Dated entry -> how many dated entries (a prefix of ``dated``) must be done before it."""
    done_slots = [False] * len(dated)
    frontier = 0  # dated[:frontier] are all done
    prefix_rank = [0] * (len(dated) + 1)  # prefix_rank[k]: 1 + highest rank among dated[:k], or 0

    placement = Placement()
    ready: list[tuple[float, int, str]] = []
    held: list[tuple[int, float, int, str]] = []  # free of 'after' but waiting for their date prefix

    def release(item_id: str) -> None:
        if needs.get(item_id, 0) <= frontier:
            heapq.heappush(ready, (clock[item_id], position[item_id], item_id))
        else:
            heapq.heappush(held, (needs[item_id], clock[item_id], position[item_id], item_id))

    for item in items:
        if waiting[item.id] == 0:
            release(item.id)
    best_after: dict[str, int] = {}
    while ready:
        _, _, item_id = heapq.heappop(ready)
        rank = max(best_after.get(item_id, 0), prefix_rank[needs.get(item_id, 0)])
        placement.rank[item_id] = rank
        placement.order.append(item_id)
        for succ in successors[item_id]:
            best_after[succ] = max(best_after.get(succ, 0), rank + 1)
            waiting[succ] -= 1
            if waiting[succ] == 0:
                release(succ)
        if item_id in slot:
            done_slots[slot[item_id]] = True
            while frontier < len(dated) and done_slots[frontier]:
                prefix_rank[frontier + 1] = max(prefix_rank[frontier], placement.rank[dated[frontier].id] + 1)
                frontier += 1
            while held and held[0][0] <= frontier:
                _, key, order, held_id = heapq.heappop(held)
                heapq.heappush(ready, (key, order, held_id))
    if len(placement.order) < len(items):
        return _find_cycle(items, set(position) - set(placement.order))
    return placement


def _find_cycle(items: Sequence[Item], stuck: set[str]) -> Cycle:
    """One loop among the entries the solver could not place (each of them waits on another)."""
    by_id = {item.id: item for item in items if item.id in stuck}

    def before(item: Item) -> list[tuple[str, bool]]:
        """What must come before ``item`` among the stuck entries, and whether 'after' says so."""
        found = [(b, True) for b in item.after if b in by_id]
        if item.start is not None:
            found += [
                (other.id, False)
                for other in by_id.values()
                if other.start is not None and surely_before(other.start, item.start) and (other.id, True) not in found
            ]
        return found

    # Walk backwards from any stuck entry: every stuck entry waits on another stuck one, so the
    # walk must come back to an entry it has seen; the loop is the part from there.
    current = min(stuck, key=lambda i: [item.id for item in items].index(i))
    path: list[str] = []
    via_after: list[bool] = []
    seen: dict[str, int] = {}
    while current not in seen:
        seen[current] = len(path)
        path.append(current)
        previous, by_after = before(by_id[current])[0]
        via_after.append(by_after)
        current = previous
    loop = path[seen[current] :]
    flags = via_after[seen[current] :]
    # path goes backwards (each entry's predecessor next); turn it into forward order.
    pairs = [(loop[(i + 1) % len(loop)], loop[i], flags[i]) for i in range(len(loop))]
    ordered = list(reversed(loop))
    return Cycle(ids=ordered, by_after=[(b, e) for b, e, by_after in reversed(pairs) if by_after])
