"""What a date of a given precision means: the instants and days it may cover, and its machine-readable form.

Nothing here makes a date look more precise than it is: a month is a month, a range a range, an
unknown date unknown. Readers see dates worded for their language by :mod:`generator.i18n`.

For ordering, a date is the interval of instants (UTC) it can be, half-open ``[first, end)``:

- an exact time is its minute, in UTC from its offset;
- an hour is that hour, a part of the day the hours of :data:`PART_OF_DAY_HOURS`;
- a day, hour or part of the day without a UTC offset can be anywhere on Earth: it is widened to
  every instant it can be from UTC+14:00 (the first places to see a day) to UTC-12:00 (the last);
- a month, a year or a range covers its days, widened the same way.

Two entries are surely in order when one's interval ends before the other's begins.
"""

from __future__ import annotations

import calendar
import datetime as dt

from . import models

MINUTE = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
EARLIEST_ZONE = dt.timedelta(hours=14)
"""The furthest ahead of UTC a place's clock is (UTC+14:00): a day starts there first."""
LATEST_ZONE = dt.timedelta(hours=12)
"""The furthest behind UTC a place's clock is (UTC-12:00): a day ends there last."""
PART_OF_DAY_HOURS = {"morning": (5, 12), "afternoon": (12, 18), "evening": (17, 24), "night": (20, 30)}
"""The local hours a part of the day covers, ``[first, end)``: the night of a day runs from 20:00 to
06:00 the next morning. The parts overlap where common use does, so no order is claimed there."""

Span = tuple[dt.datetime, dt.datetime]
"""The instants (aware, UTC) something can be: ``[first, end)``."""


def offset(value: str) -> dt.timezone:
    """A ``utc_offset`` as written in the records (``"-06:00"``) as a time zone."""
    sign = -1 if value.startswith("-") else 1
    return dt.timezone(sign * dt.timedelta(hours=int(value[1:3]), minutes=int(value[4:6])))


def _local(first: dt.datetime, end: dt.datetime, zone: dt.tzinfo | None) -> Span:
    """Local clock times as UTC instants: exactly in ``zone``, or anywhere on Earth without one."""
    if zone is not None:
        return first.replace(tzinfo=zone).astimezone(dt.UTC), end.replace(tzinfo=zone).astimezone(dt.UTC)
    return (first - EARLIEST_ZONE).replace(tzinfo=dt.UTC), (end + LATEST_ZONE).replace(tzinfo=dt.UTC)


def local_hours(when: models.DayDate) -> tuple[dt.datetime, dt.datetime]:
    """The local (naive) clock times a day date covers: its hour, its part of the day, or the whole day."""
    midnight = dt.datetime.combine(when.date, dt.time())
    if when.hour is not None:
        return midnight + when.hour * HOUR, midnight + (when.hour + 1) * HOUR
    if when.part_of_day is not None:
        first, end = PART_OF_DAY_HOURS[when.part_of_day]
        return midnight + first * HOUR, midnight + end * HOUR
    return midnight, midnight + DAY


def span(when: models.DateInfo) -> Span | None:
    """The instants ``when`` can be (see the module's docstring), or ``None`` when no date is known."""
    if isinstance(when, models.ExactDate):
        moment = when.datetime.astimezone(dt.UTC).replace(second=0, microsecond=0)
        return moment, moment + MINUTE
    if isinstance(when, models.DayDate):
        first, end = local_hours(when)
        return _local(first, end, offset(when.utc_offset) if when.utc_offset else None)
    days = bounds(when)
    if days is None:
        return None
    return _local(dt.datetime.combine(days[0], dt.time()), dt.datetime.combine(days[1], dt.time()) + DAY, None)


def zone_of(when: models.DateInfo) -> dt.tzinfo | None:
    """The time zone a date gives, if any: an exact time's offset, or a day's ``utc_offset``."""
    if isinstance(when, models.ExactDate):
        return dt.timezone(when.datetime.utcoffset() or dt.timedelta())
    if isinstance(when, models.DayDate) and when.utc_offset is not None:
        return offset(when.utc_offset)
    return None


def clock_zone(whens: list[models.DateInfo]) -> dt.timezone:
    """The time zone a timeline is drawn in: the UTC offset its dates give most often (the first of
    equals, in the order given), or UTC when none gives one. Days without a zone are drawn as that
    day on this clock."""
    counts: dict[dt.tzinfo, int] = {}
    for when in whens:
        zone = zone_of(when)
        if zone is not None:
            counts[zone] = counts.get(zone, 0) + 1
    chosen = max(counts, key=lambda z: counts[z], default=dt.UTC)  # the first of the most common
    return chosen if isinstance(chosen, dt.timezone) else dt.UTC


def shown(when: models.DateInfo, zone: dt.tzinfo) -> Span | None:
    """Where ``when`` is drawn: its own instants where it gives a zone, else its local times read
    on the chart's clock ``zone``. ``None`` when no date is known."""
    if isinstance(when, models.ExactDate) or (isinstance(when, models.DayDate) and when.utc_offset is not None):
        return span(when)
    if isinstance(when, models.DayDate):
        return _local(*local_hours(when), zone)
    days = bounds(when)
    if days is None:
        return None
    first, end = dt.datetime.combine(days[0], dt.time()), dt.datetime.combine(days[1], dt.time()) + DAY
    return _local(first, end, zone)


def extent_instants(record: models.Event | models.Statement) -> tuple[Span | None, Span | None]:
    """The instants a timeline entry can start at and those it can end at (the same for a moment)."""
    start = span(record.when)
    until = getattr(record, "until", None)
    return start, (span(until) if until is not None else start)


def bounds(when: models.DateInfo) -> tuple[dt.date, dt.date] | None:
    """The first and last day ``when`` can be, or ``None`` when no calendar date is known."""
    if isinstance(when, models.ExactDate):
        return when.datetime.date(), when.datetime.date()
    if isinstance(when, models.DayDate):
        return when.date, when.date
    if isinstance(when, models.MonthDate):
        year, month = (int(part) for part in when.month.split("-"))
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if isinstance(when, models.YearDate):
        return dt.date(when.year, 1, 1), dt.date(when.year, 12, 31)
    if isinstance(when, models.RangeDate):
        return when.earliest, when.latest
    return None


def for_editors(when: models.DateInfo) -> str:
    """A date as an editor wrote it, for error messages (readers see it worded by the locale)."""
    value = machine_readable(when)
    if isinstance(when, models.RangeDate):
        return f"{when.earliest.isoformat()} to {when.latest.isoformat()}"
    return value if value is not None else "no date"


def machine_readable(when: models.DateInfo) -> str | None:
    """An ISO 8601 value (JSON-LD, ``<time datetime>``), as precise as the date and no more.

    An approximate date is given one step coarser (about a day: its month; about a month: its
    year; about a year: nothing), since ISO 8601 has no way to say "about".
    """
    if isinstance(when, models.ExactDate):
        return when.datetime.isoformat()
    if isinstance(when, models.DayDate):
        return when.date.isoformat()[:7] if when.approximate else when.date.isoformat()
    if isinstance(when, models.MonthDate):
        return when.month[:4] if when.approximate else when.month
    if isinstance(when, models.YearDate):
        return None if when.approximate else str(when.year)
    return None


def extent(record: models.Event | models.Statement) -> tuple[Days | None, Days | None]:
    """The days a timeline entry can start on and the days it can end on (the same for a moment)."""
    start = bounds(record.when)
    until = getattr(record, "until", None)
    end = bounds(until) if until is not None else start
    return start, end


Days = tuple[dt.date, dt.date]
