"""What a date of a given precision means: the days it may cover, and its machine-readable form.

Nothing here makes a date look more precise than it is: a month is a month, a range a range, an
unknown date unknown. Readers see dates worded for their language by :mod:`generator.i18n`.
"""

from __future__ import annotations

import calendar
import datetime as dt

from . import models


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
