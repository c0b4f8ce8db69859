"""The order solver: no false cycles, real ones found, and an order that respects every claim.

Property tests draw a hidden true timeline, then what sources might say about it: dates of every
precision that contain the true day, and ``after`` claims that are true. Such records can never be
contradictory, so the solver must always place them, in an order that respects every ``after`` and
every pair of dates that do not overlap.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import order
from generator.errors import ContentError
from generator.pipeline import build_explainer

DAY0 = dt.date(2021, 1, 1)


def day(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


@st.composite
def timelines(draw: st.DrawFn) -> list[order.Item]:
    count = draw(st.integers(min_value=1, max_value=25))
    true_days = [draw(st.integers(min_value=0, max_value=400)) for _ in range(count)]
    lengths = [draw(st.sampled_from([0, 0, 0, 3, 40])) for _ in range(count)]
    items = []
    for i, truth in enumerate(true_days):
        kind = draw(st.sampled_from(["day", "month", "year", "range", "unknown"]))
        if kind == "day":
            start: order.Days | None = (day(truth), day(truth))
        elif kind == "month":
            first = day(truth).replace(day=1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            start = (first, last)
        elif kind == "year":
            start = (dt.date(day(truth).year, 1, 1), dt.date(day(truth).year, 12, 31))
        elif kind == "range":
            before, after = draw(st.integers(0, 30)), draw(st.integers(0, 30))
            start = (day(truth - before), day(truth + after))
        else:
            start = None
        end = start
        if start is not None and lengths[i]:
            end = (day(truth + lengths[i]), day(truth + lengths[i]))
        # 'after' claims only what is true: the other entry began strictly earlier.
        earlier = [j for j in range(count) if true_days[j] < truth]
        claims = draw(st.lists(st.sampled_from(earlier), max_size=3, unique=True)) if earlier else []
        items.append(order.Item(f"e{i}", start, end, tuple(f"e{j}" for j in claims)))
    return items


@settings(max_examples=300, deadline=None)
@given(timelines())
def test_true_records_never_make_a_cycle_and_every_claim_is_respected(items: list[order.Item]) -> None:
    assert order.contradictions(items) == []
    placed = order.solve(items)
    assert isinstance(placed, order.Placement), placed
    assert sorted(placed.order) == sorted(item.id for item in items)
    where = {item_id: n for n, item_id in enumerate(placed.order)}
    for item in items:
        for before in item.after:
            assert where[before] < where[item.id] and placed.rank[before] < placed.rank[item.id]
        for other in items:
            if item.start and other.start and item.start[1] < other.start[0]:  # surely before, by dates
                assert where[item.id] < where[other.id] and placed.rank[item.id] < placed.rank[other.id]


@settings(max_examples=200, deadline=None)
@given(timelines(), st.data())
def test_a_loop_of_after_claims_is_found_and_named(items: list[order.Item], data: st.DataObject) -> None:
    """Close a loop: make the first entry come after the last of a chain that follows it."""
    if len(items) < 2:
        return
    ids = [item.id for item in items]
    chain = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=5, unique=True))
    undated = [order.Item(i.id, None, None, ()) for i in items]  # no dates: the loop is all 'after'
    by_id = {i.id: i for i in undated}
    for before, entry in zip(chain, [*chain[1:], chain[0]], strict=True):
        by_id[entry] = by_id[entry]._replace(after=(*by_id[entry].after, before))
    found = order.solve(list(by_id.values()))
    assert isinstance(found, order.Cycle)
    assert set(found.ids) <= set(chain) and len(found.ids) >= 2
    loop = list(zip(found.ids, [*found.ids[1:], found.ids[0]], strict=True))
    assert sorted(found.by_after) == sorted(loop), "every step of an undated loop is an 'after' claim"


def test_a_month_after_a_day_inside_it_is_no_cycle() -> None:
    """Regression: a month-dated entry after a day in that month was refused as a cycle of everything."""
    items = [
        order.Item("grounding", (dt.date(2021, 3, 23),) * 2, (dt.date(2021, 3, 29),) * 2),
        order.Item("refloated", (dt.date(2021, 3, 29),) * 2, (dt.date(2021, 3, 29),) * 2, ("grounding",)),
        order.Item("inquiry", (dt.date(2021, 3, 1), dt.date(2021, 3, 31)), None, ("grounding",)),
        order.Item("order", (dt.date(2021, 4, 13),) * 2, (dt.date(2021, 4, 13),) * 2),
    ]
    items[2] = items[2]._replace(end=items[2].start)
    placed = order.solve(items)
    assert isinstance(placed, order.Placement)
    assert placed.order.index("grounding") < placed.order.index("inquiry") < placed.order.index("order")


def test_the_false_cycle_case_builds(fixture_copy: Path) -> None:
    """The same case through the whole pipeline, as an editor wrote it."""
    events = fixture_copy / "events.yml"
    events.write_text(
        events.read_text(encoding="utf-8")
        + "- id: month-after-day\n  title: Something that month\n  summary: Later that month.\n"
        "  actors: [example-council]\n  when:\n    precision: month\n    month: 2025-01\n"
        "  after: [bridge-closed]\n  sources: [daily-report]\n",
        encoding="utf-8",
    )
    try:
        explainer = build_explainer(fixture_copy)
    except ContentError as error:  # pragma: no cover - the failure this test guards against
        raise AssertionError(error.format()) from None
    numbers = explainer.entry_number
    assert numbers["bridge-closed"] < numbers["month-after-day"]
