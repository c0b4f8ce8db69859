"""What a date of a given precision means: the days it may cover, and how to say it to a reader.

Nothing here makes a date look more precise than it is: a month is shown as a month, a range as a
range, an unknown date as unknown.
"""

from __future__ import annotations

import calendar
import datetime as dt

from . import models

_MONTHS = [calendar.month_name[i] for i in range(13)]


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


def _day(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month]} {day.year}"


def _offset(moment: dt.datetime) -> str:
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def describe(when: models.DateInfo) -> str:
    """The date as a reader should see it, at exactly its precision."""
    if isinstance(when, models.ExactDate):
        return f"{_day(when.datetime.date())}, {when.datetime:%H:%M} ({_offset(when.datetime)})"
    if isinstance(when, models.DayDate):
        return _day(when.date)
    if isinstance(when, models.MonthDate):
        year, month = when.month.split("-")
        return f"{_MONTHS[int(month)]} {year} (day not known)"
    if isinstance(when, models.YearDate):
        return f"{when.year} (month not known)"
    if isinstance(when, models.RangeDate):
        return f"between {_day(when.earliest)} and {_day(when.latest)} (estimate)"
    return "Date not reported"


def machine_readable(when: models.DateInfo) -> str | None:
    """An ISO 8601 value for a ``<time datetime>`` attribute, as precise as the date and no more."""
    if isinstance(when, models.ExactDate):
        return when.datetime.isoformat()
    if isinstance(when, models.DayDate):
        return when.date.isoformat()
    if isinstance(when, models.MonthDate):
        return when.month
    if isinstance(when, models.YearDate):
        return str(when.year)
    return None
