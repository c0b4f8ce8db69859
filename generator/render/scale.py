"""The time scale of a dated chart: segments that give each cluster of entries room, and their ticks.

Real stories are lumpy in time: a dozen entries in two hours, then a few over months. A single
linear axis leaves the hours a few pixels wide, so the entries are split into a few segments,
each drawn linearly (proportional within itself) with a share of the width by how many entries it
holds: a split is made where it draws neighbouring entries readably further apart on a phone (see
:func:`readability`), best first, at most :data:`MAX_BREAKS` times; an evenly spread story stays
one linear axis. Between two segments, the time left out is a shaded cut labelled with how long it
is ("2 months later"); segments that meet change scale at a drawn line. Every compression is seen.
Positions are *display units*, 0 to :data:`WIDTH` across the dated part of the chart: Plotly draws a
plain linear axis of them, the picture the same, and ticks come from here, worded by Babel.

Ticks are computed for a ladder of steps (minutes to centuries) per segment; the site script picks,
as the reader zooms, the finest step whose labels fit, by the rule :func:`fits` says here, and the
first view uses the choices made here for a narrow and a wide chart, so it draws what the picture shows.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from babel import dates as babel_dates

from ..i18n import Language
from . import charts
from .text import html_text

WIDTH = 1000.0
"""Display units across the dated part of a chart."""
MAX_BREAKS = 3
BREAK_SHARE = 0.035
"""Each cut takes this share of the width: enough to see, never enough to mistake for time."""
MIN_SEGMENT_SHARE = 0.14
"""A segment is never narrower than this share of the width (a lone entry still has its ticks)."""
WIDE_CHART = 640.0
"""From this chart width (pixels) on, the first view shows the ticks chosen for a chart this wide;
below it, those chosen for a phone's (``charts.PHONE_WIDTH``)."""
MAX_TICKS = 800
"""A step of the ladder is kept for a segment only while it gives at most this many ticks there."""
PAD = 0.04
"""Each segment shows this share of its own span before its first and after its last date."""

MINUTE, HOUR, DAY = 60.0, 3600.0, 86400.0
YEAR = 365.2425 * DAY
MONTH = YEAR / 12


@dataclass(frozen=True)
class Step:
    """One rung of the tick ladder."""

    unit: str
    """``minute``, ``hour``, ``day``, ``month`` or ``year``."""
    count: int
    """How many units between ticks."""

    @property
    def seconds(self) -> float:
        return {"minute": MINUTE, "hour": HOUR, "day": DAY, "month": MONTH, "year": YEAR}[self.unit] * self.count


LADDER = [
    *(Step("year", n) for n in (100, 50, 20, 10, 5, 2, 1)),
    *(Step("month", n) for n in (6, 3, 1)),
    Step("day", 7),
    Step("day", 1),
    *(Step("hour", n) for n in (12, 6, 3, 1)),
    *(Step("minute", n) for n in (30, 15, 5, 1)),
]
"""Coarse to fine."""


@dataclass
class Segment:
    """A stretch of time drawn linearly across part of the chart."""

    first: float
    """Seconds (UTC) at the segment's left edge."""
    last: float
    """Seconds (UTC) at its right edge."""
    left: float = 0.0
    """Display units of its left edge."""
    right: float = WIDTH
    """Display units of its right edge."""
    entries: int = 0
    levels: list[dict[str, Any]] = field(default_factory=list)
    """Tick steps, coarse to fine: ``{"step": seconds, "need": pixels, "ticks": [[x, words, context, key]]}``
    (see :func:`compose`)."""

    def x(self, seconds: float) -> float:
        span = (self.last - self.first) or 1.0
        return self.left + (self.right - self.left) * (seconds - self.first) / span

    def pixels_per_second(self, plot_px: float) -> float:
        return (self.right - self.left) / WIDTH * plot_px / ((self.last - self.first) or 1.0)


@dataclass(frozen=True)
class Break:
    """Time left out between two segments, drawn as a narrow band with a label."""

    left: float
    right: float
    seconds: float
    """How long the stretch left out is."""


@dataclass
class Scale:
    segments: list[Segment]
    breaks: list[Break]
    zone: dt.tzinfo

    def x(self, seconds: float) -> float:
        """Display units of an instant: in its segment, or across the cut it falls in."""
        for n, segment in enumerate(self.segments):
            if seconds <= segment.last or n == len(self.segments) - 1:
                if seconds >= segment.first or n == 0:
                    return round(segment.x(seconds), 3)
                before = self.segments[n - 1]
                share = (seconds - before.last) / ((segment.first - before.last) or 1.0)
                return round(before.right + (segment.left - before.right) * share, 3)
        raise AssertionError("unreachable")  # pragma: no cover

    def first_view(self, plot_px: float) -> list[int]:
        """The tick step (an index into each segment's ``levels``) each segment shows at this width."""
        return [choose(segment, plot_px, segment.first, segment.last) for segment in self.segments]


def _shares(counts: Sequence[int], cuts: int) -> list[float]:
    """Each segment's share of the width: by the entries it holds, to the power 3/4 (a crowded
    stretch gets more, a lone entry still its :data:`MIN_SEGMENT_SHARE`), after the cuts' shares."""
    weights = [max(n, 1) ** 0.75 for n in counts]
    room = 1.0 - BREAK_SHARE * cuts
    floor = min(MIN_SEGMENT_SHARE * room, room / len(counts))
    fixed: set[int] = set()
    while True:
        spare = room - floor * len(fixed)
        total = sum(w for i, w in enumerate(weights) if i not in fixed)
        shares = [floor if i in fixed else spare * w / total for i, w in enumerate(weights)]
        lifted = {i for i, share in enumerate(shares) if i not in fixed and share < floor}
        if not lifted:
            return shares
        fixed |= lifted


EDGE_ROOM = (10.0, 28.0)
"""Pixels kept free before the first marker and after the last (for its number), on a phone."""
SPLIT_GAIN = 3.0
"""How much more readable (see :func:`readability`) a split must make a chart to be worth a cut."""
ROOM_PX = 28.0
"""Markers this far apart (a marker and its number) need no more room."""
CANDIDATES = 60
"""Splits are tried at the largest gaps between entries, at most this many."""


def _span(markers: Sequence[float], narrowest: float) -> tuple[float, float]:
    """The stretch a segment shows around its entries: their extent and a margin, and at least the
    narrowest date among them (a lone day shows its day, not a minute of it)."""
    first, last = markers[0], markers[-1]
    pad = (last - first) * 0.05
    if last - first + 2 * pad < narrowest:
        middle = (first + last) / 2
        return middle - narrowest / 2 * 1.1, middle + narrowest / 2 * 1.1
    pad = max(pad, MINUTE)
    return first - pad, last + pad


def readability(groups: Sequence[Sequence[float]], widths: Sequence[float], plot_px: float) -> float:
    """How far apart neighbouring entries are drawn, in log-pixels summed over neighbours (each pair
    counts up to :data:`ROOM_PX`; neighbours across a cut are apart by the cut)."""
    score = 0.0
    shares = _shares([len(g) for g in groups], len(groups) - 1)
    for (markers, narrowest), share in zip(zip(groups, widths, strict=True), shares, strict=True):
        first, last = _span(markers, narrowest)
        density = share * plot_px / ((last - first) or 1.0)
        for a, b in zip(markers, markers[1:], strict=False):
            if b > a:
                score += min(math.log(max((b - a) * density, 0.05)), math.log(ROOM_PX))
    return score + (len(groups) - 1) * math.log(ROOM_PX)


def segment_markers(markers: Sequence[float], narrowest: dict[float, float], plot_px: float) -> list[list[float]]:
    """Split the sorted ``markers`` into at most ``MAX_BREAKS + 1`` groups, each drawn linearly: a
    split is made, best first, while it makes neighbours readably further apart (by more than
    :data:`SPLIT_GAIN`); an evenly spread story stays one linear axis."""
    groups = [list(markers)]

    def narrow(group: Sequence[float]) -> float:
        return min(narrowest.get(m, 0.0) for m in group)

    def score(candidate: list[list[float]]) -> float:
        return readability(candidate, [narrow(g) for g in candidate], plot_px)

    current = score(groups)
    while len(groups) <= MAX_BREAKS:
        best: tuple[float, list[list[float]]] | None = None
        for index, group in enumerate(groups):
            gaps = sorted(((group[i + 1] - group[i], i) for i in range(len(group) - 1)), reverse=True)
            for length, i in gaps[:CANDIDATES]:
                if length <= 0:
                    break
                candidate = [*groups[:index], group[: i + 1], group[i + 1 :], *groups[index + 1 :]]
                value = score(candidate)
                if best is None or value > best[0]:
                    best = (value, candidate)
        if best is None or best[0] - current < SPLIT_GAIN:
            break
        current, groups = best
    return groups


def _covering(span: tuple[float, float], dates: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """A segment's stretch widened to take in whole the dates no wider than it (an hour's bar in a
    stretch of hours), so their bars are not cut at its edge; wider ones run on past it."""
    first, last = span
    for low, high in dates:
        if high - low <= last - first:
            first, last = min(first, low), max(last, high)
    return first, last


def build(markers: Sequence[tuple[float, float, float]], zone: dt.tzinfo, language: Language,
          plot_px: float) -> Scale:  # fmt: skip
    """The scale for entries drawn at ``(marker, first, end)`` seconds (UTC): where each sits and the
    stretch its date covers. ``plot_px``: the dated part's width on a phone, which the scale is made
    readable for (wider screens only spread it)."""
    ordered = sorted(m for m, _, _ in markers)
    narrowest: dict[float, float] = {}
    for marker, first, end in markers:
        narrowest[marker] = min(narrowest.get(marker, math.inf), end - first)
    groups = segment_markers(ordered, narrowest, plot_px)
    spans = [
        _covering(_span(g, min(narrowest[m] for m in g)), [(a, b) for m, a, b in markers if g[0] <= m <= g[-1]])
        for g in groups
    ]
    # Neighbouring segments never overlap: where their margins would, they meet half-way.
    for n in range(len(spans) - 1):
        if spans[n][1] > spans[n + 1][0]:
            middle = (groups[n][-1] + groups[n + 1][0]) / 2
            spans[n], spans[n + 1] = (spans[n][0], middle), (middle, spans[n + 1][1])
    segments = [Segment(first, last, entries=len(g)) for (first, last), g in zip(spans, groups, strict=True)]
    left_out = [b.first - a.last for a, b in zip(segments, segments[1:], strict=False)]
    shares = _shares([s.entries for s in segments], sum(1 for gap in left_out if gap > 0))
    # Room at the ends for the first marker and the last one's number, at a phone's width.
    for _ in range(3):
        first_px, last_px = shares[0] * plot_px, shares[-1] * plot_px
        segments[0].first = min(
            segments[0].first, groups[0][0] - EDGE_ROOM[0] * (segments[0].last - segments[0].first) / first_px
        )
        segments[-1].last = max(
            segments[-1].last, groups[-1][-1] + EDGE_ROOM[1] * (segments[-1].last - segments[-1].first) / last_px
        )
    x = 0.0
    breaks = []
    for n, (segment, share) in enumerate(zip(segments, shares, strict=True)):
        segment.left, segment.right = round(x * WIDTH, 3), round((x + share) * WIDTH, 3)
        x += share
        if n < len(segments) - 1:
            # Time left out is a shaded cut; segments that meet change scale at a line.
            width = BREAK_SHARE if left_out[n] > 0 else 0.0
            breaks.append(Break(segment.right, round((x + width) * WIDTH, 3), left_out[n]))
            x += width
    segments[-1].right = WIDTH
    scale = Scale(segments, breaks, zone)
    for segment in segments:
        segment.levels = _levels(segment, zone, language)
    return scale


# --- Ticks ----------------------------------------------------------------------------------------


def _local(seconds: float, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).astimezone(zone).replace(tzinfo=None)


def _seconds(local: dt.datetime, zone: dt.tzinfo) -> float:
    return local.replace(tzinfo=zone).timestamp()


def _floor(local: dt.datetime, step: Step) -> dt.datetime:
    if step.unit == "year":
        return dt.datetime(local.year - local.year % step.count, 1, 1)
    if step.unit == "month":
        return dt.datetime(local.year, local.month - (local.month - 1) % step.count, 1)
    if step.unit == "day":
        return dt.datetime(local.year, local.month, 1 if step.count > 1 else local.day)
    if step.unit == "hour":
        return local.replace(hour=local.hour - local.hour % step.count, minute=0, second=0, microsecond=0)
    return local.replace(minute=local.minute - local.minute % step.count, second=0, microsecond=0)


def _next(local: dt.datetime, step: Step) -> dt.datetime:
    if step.unit == "year":
        return local.replace(year=local.year + step.count)
    if step.unit == "month":
        months = local.year * 12 + local.month - 1 + step.count
        return local.replace(year=months // 12, month=months % 12 + 1)
    if step.unit == "day" and step.count == 7:
        # Weeks start on the 1st, 8th, 15th and 22nd of each month, so the ticks line up with months.
        if local.day >= 22:
            return _next(local.replace(day=1), Step("month", 1))
        return local.replace(day=local.day + 7)
    return local + dt.timedelta(seconds=step.seconds)


def _label(local: dt.datetime, step: Step, language: Language) -> tuple[str, str]:
    """A tick's words and their context (the day or the year it belongs to), in the language (Plotly
    reads tick labels as HTML: they are escaped by the caller)."""
    locale = language.locale
    if step.unit in ("minute", "hour"):
        return (
            babel_dates.format_time(local.time(), "short", locale=locale),
            babel_dates.format_skeleton("yMMMd", local.date(), locale=locale),
        )
    if step.unit == "day":
        return babel_dates.format_skeleton("MMMd", local.date(), locale=locale), str(local.year)
    if step.unit == "month":
        return babel_dates.format_skeleton("MMM", local.date(), locale=locale), str(local.year)
    return str(local.year), ""


def label_px(text: str) -> float:
    """About how wide a label is drawn, with a little room either side."""
    return len(html.unescape(text)) * charts.CHAR_PX + 8


def new_context(key: str, before: str | None) -> bool:
    """Whether a tick's context must be said: a day (``2030-07-19``) unless it was the last said, a
    year (``2030``) unless the last day or year said was in it."""
    return bool(key) and not (before or "").startswith(key)


def _need(ticks: list[list[Any]]) -> float:
    """How far apart (pixels) a step's ticks must be for neighbouring labels not to touch, each
    with its context where that changes (hours of a day say the day only once; ticks twelve hours
    apart say a new day every other tick, and so need the room of a day's words)."""
    widths: list[float] = []
    before = None
    for _, words, context, key in ticks:
        shown = [words, context] if new_context(key, before) else [words]
        widths.append(max(label_px(str(text)) for text in shown))
        before = key or before
    pairs = [(a + b) / 2 for a, b in zip(widths, widths[1:], strict=False)]
    return max(pairs or widths or [0.0]) + 4


def _levels(segment: Segment, zone: dt.tzinfo, language: Language) -> list[dict[str, Any]]:
    levels = []
    for step in LADDER:
        if (segment.last - segment.first) / step.seconds > MAX_TICKS:
            break
        ticks = []
        local = _floor(_local(segment.first, zone), step)
        end = _local(segment.last, zone)
        while local <= end:
            seconds = _seconds(local, zone)
            if seconds >= segment.first:
                primary, context = _label(local, step, language)
                key = (
                    local.date().isoformat() if step.unit in ("minute", "hour") else str(local.year) if context else ""
                )
                ticks.append([round(segment.x(seconds), 3), html_text(primary), html_text(context), key])
            local = _next(local, step)
        levels.append({"step": step.seconds, "need": round(_need(ticks), 1), "ticks": ticks})
    return levels


def fits(level: dict[str, Any], pixels_per_second: float) -> bool:
    """Whether a step's labels fit at this density (the site script applies the same rule)."""
    return bool(level["step"] * pixels_per_second >= level["need"])


def choose(segment: Segment, plot_px: float, first: float, last: float) -> int:
    """The finest step whose labels fit in ``segment`` at ``plot_px``, with a tick between
    ``first`` and ``last``; a finer one where the fitting steps have no tick there."""
    density = segment.pixels_per_second(plot_px)
    low, high = segment.x(first), segment.x(last)
    chosen = -1
    for index, level in enumerate(segment.levels):
        if fits(level, density):
            chosen = index
    for index in range(max(chosen, 0), len(segment.levels)):
        if any(low <= t[0] <= high for t in segment.levels[index]["ticks"]):
            return index
    return max(chosen, 0)


def ticks(scale: Scale, choice: list[int], axis_px: float) -> list[tuple[float, str]]:
    """The ticks a view of the whole axis, ``axis_px`` wide, shows (see :func:`compose`)."""
    candidates = []
    for segment, index in zip(scale.segments, choice, strict=True):
        if segment.levels:
            candidates += [t for t in segment.levels[index]["ticks"] if segment.left <= t[0] <= segment.right]
    return compose(candidates, 0.0, axis_px / WIDTH, axis_px)


def compose(candidates: list[list[Any]], start: float, px_per_unit: float, axis_px: float) -> list[tuple[float, str]]:
    """Tick labels left to right (``[x, words, context, key]``, the view starting at ``start``):
    none past the chart's edges or touching the one before; then the context (the day or the
    year, see :func:`new_context`) on the first and wherever it changes, leaving out a tick it
    would make touch its neighbour. The site script applies the same rule as the reader zooms."""

    def fits(x: float, text: str, end: float) -> tuple[bool, float]:
        half = max(label_px(line) for line in text.split("<br>")) / 2
        at = (x - start) * px_per_unit
        return at - half >= end and at + half <= axis_px + EDGE_PX, at + half

    spaced: list[list[Any]] = []
    end = -EDGE_PX
    for tick in candidates:
        ok, right = fits(tick[0], tick[1], end)
        if ok:
            spaced.append(tick)
            end = right
    kept: list[tuple[float, str]] = []
    end, before = -EDGE_PX, None
    for x, words, context, key in spaced:
        text = f"{words}<br>{context}" if new_context(key, before) else words
        ok, right = fits(x, text, end)
        if ok:
            kept.append((x, text))
            end, before = right, (key or before)
    return kept


EDGE_PX = 6.0
"""A tick label may reach this far past either end of the axis (into the chart's margin), no further."""


def break_words(seconds: float, language: Language) -> str:
    """How long a cut leaves out, in the language: "2 months later"."""
    duration = babel_dates.format_timedelta(
        dt.timedelta(seconds=seconds), threshold=1.1, format="long", locale=language.locale
    )
    return language.gettext("%(duration)s later") % {"duration": duration}
