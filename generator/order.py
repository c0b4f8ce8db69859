"""The order of timeline entries: what the sources support, from ``after`` and from dates.

Two kinds of evidence say that one entry comes before another:

- ``after``: the record says so (B lists A in its ``after``);
- dates: A surely starts before B, because the last day A can start is before the first day B can.

Overlapping dates say nothing about order, so they never create an order of their own (and so
never a false cycle). The result is a partial order; entries it cannot separate share a *rank*
(a column on an undated chart). A cycle can only come from the records themselves: ``after``
claims that go round in a circle, or that the dates contradict.

Pure and independent of the models: it works on :class:`Item` tuples, so it can be tested on
random graphs (``tests/test_order.py``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

Days = tuple[dt.date, dt.date]
"""The first and last day something can be."""


class Item(NamedTuple):
    """One entry to order."""

    id: str
    start: Days | None
    """The days the entry can start on; ``None`` when no date is known."""
    end: Days | None
    """The days it can end on (the same as ``start`` for a moment); ``None`` when no date is known."""
    after: tuple[str, ...] = ()
    """Ids of the entries the sources place before this one."""


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
    """Every entry in an order that respects every ``after`` and every pair of separate dates."""


def contradictions(items: Sequence[Item]) -> list[Contradiction]:
    """``after`` claims that the dates rule out: the entry ends before what it follows can begin."""
    by_id = {item.id: item for item in items}
    found = []
    for item in items:
        for before in item.after:
            other = by_id.get(before)
            known = other is not None and item.end is not None and other.start is not None
            if known and item.end[1] < other.start[0]:  # type: ignore[index, union-attr]
                found.append(Contradiction(item.id, before))
    return found


def solve(items: Sequence[Item]) -> Placement | Cycle:
    """Rank and order ``items`` (given in file order, which breaks ties), or the cycle that prevents it.

    Kahn's algorithm over ``after`` edges and the implicit date edges. A dated entry's date
    predecessors are exactly the dated entries whose latest start is before its earliest start:
    with the dated entries sorted by latest start, that is a prefix of the sorted list, so an entry
    is free of them once that prefix is done. Runs in O(n log n + edges).
    """
    position = {item.id: i for i, item in enumerate(items)}
    successors: dict[str, list[str]] = {item.id: [] for item in items}
    waiting = {item.id: 0 for item in items}
    for item in items:
        for before in dict.fromkeys(item.after):
            if before in position:
                successors[before].append(item.id)
                waiting[item.id] += 1

    dated = sorted((item for item in items if item.start), key=lambda i: (i.start[1], position[i.id]))  # type: ignore[index]
    latest = [item.start[1] for item in dated]  # type: ignore[index]
    slot = {item.id: n for n, item in enumerate(dated)}
    needs = {item.id: bisect.bisect_left(latest, item.start[0]) for item in dated}  # type: ignore[index]
    """Dated entry -> how many dated entries (a prefix of ``dated``) must be done before it."""
    done_slots = [False] * len(dated)
    frontier = 0  # dated[:frontier] are all done
    prefix_rank = [0] * (len(dated) + 1)  # prefix_rank[k]: 1 + highest rank among dated[:k], or 0

    placement = Placement()
    ready: list[tuple[int, str]] = []
    held: list[tuple[int, int, str]] = []  # free of 'after' but waiting for their date prefix

    def release(item_id: str) -> None:
        if needs.get(item_id, 0) <= frontier:
            heapq.heappush(ready, (position[item_id], item_id))
        else:
            heapq.heappush(held, (needs[item_id], position[item_id], item_id))

    for item in items:
        if waiting[item.id] == 0:
            release(item.id)
    best_after: dict[str, int] = {}
    while ready:
        _, item_id = heapq.heappop(ready)
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
                _, order, held_id = heapq.heappop(held)
                heapq.heappush(ready, (order, held_id))
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
                if other.start is not None and other.start[1] < item.start[0] and (other.id, True) not in found
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
