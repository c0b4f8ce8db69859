"""A picture of each chart, drawn at build time from the same figure data Plotly draws.

The picture is inline SVG in the page: it is seen at first paint, in print, with JavaScript off
and wherever the page is read; the site script replaces it with the interactive chart. Every mark
comes from the figure (``x``, ``y``, symbols, lanes, ranges, shapes, labels), so a point sits at the
same data position in both. The plot's width follows the page: horizontal positions are CSS
``calc()`` of the width (SVG 2 geometry properties), vertical ones are pixels of the figure's
height, so the picture and the chart take the same room.

Editors' text reaches the picture already HTML-escaped in the figure (names, labels); numbers and
positions are formatted here. Very large timelines are summarised: one density strip per lane.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
from collections.abc import Sequence
from typing import Any

from babel import dates as babel_dates

from ..i18n import Language
from . import charts, scale

DENSITY_CELLS = 2400
"""At most this many density cells in all (more rows, fewer stretches each), to keep pages light."""


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class _Axis:
    """Maps an x value (a number or a date string) to a fraction of the plot's width."""

    def __init__(self, spec: dict[str, Any]):
        self.is_date = spec.get("type") == "date"
        start, end = (self.value(v) for v in spec.get("range", [0, 1]))
        self.start, self.end = start, (end if end != start else start + 1)
        # start and end as the axis runs (right to left: high to low); low and high, least and most
        self.low, self.high = min(self.start, self.end), max(self.start, self.end)
        self.domain = spec.get("domain", [0.0, 1.0])

    def value(self, x: Any) -> float:
        if self.is_date:
            return dt.datetime.fromisoformat(str(x)).replace(tzinfo=dt.UTC).timestamp()
        return float(x)

    def fraction(self, x: Any) -> float:
        share = (self.value(x) - self.start) / (self.end - self.start)
        return self.domain[0] + (self.domain[1] - self.domain[0]) * share


class Picture:
    """One figure as SVG markup."""

    def __init__(self, figure: dict[str, Any], language: Language, labelled_by: str):
        self.figure = figure
        self.layout = figure["layout"]
        self.language = language
        self.labelled_by = labelled_by
        margin = self.layout.get("margin", {})
        self.height = float(self.layout.get("height", 320))
        self.top, self.bottom = float(margin.get("t", 40)), float(margin.get("b", 50))
        self.right = float(margin.get("r", 10))
        self.left = float(margin.get("l", 80))
        y = self.layout.get("yaxis", {})
        self.y_low, self.y_high = y.get("range", [-0.5, 0.5])
        self.axes = {"x": _Axis(self.layout.get("xaxis", {}))}
        if "xaxis2" in self.layout:
            self.axes["x2"] = _Axis(self.layout["xaxis2"])
        self.out: list[str] = []

    # --- positions -----------------------------------------------------------------------------

    def x(self, fraction: float) -> str:
        """A horizontal position: ``fraction`` of the plot's width, after the lane names' room."""
        return f"calc({_number(self.left)}px + (100% - {_number(self.left + self.right)}px) * {fraction:.4f})"

    def at(self, fraction: float, y: float) -> str:
        """A ``style`` placing a group's origin at ``fraction`` of the plot's width and ``y`` pixels down.

        Percentages in a translation are of the SVG's own width with ``transform-box: view-box``.
        """
        return f"transform-box:view-box;transform:translate({self.x(fraction)},{_number(y)}px)"

    def width(self, fraction: float) -> str:
        return f"calc((100% - {_number(self.left + self.right)}px) * {max(fraction, 0):.4f})"

    def y(self, value: float) -> float:
        share = (value - self.y_low) / ((self.y_high - self.y_low) or 1)
        return self.top + (self.height - self.top - self.bottom) * (1 - share)

    # --- drawing -------------------------------------------------------------------------------

    def svg(self) -> str:
        self._backgrounds()
        self._lanes()
        self._shapes()
        self._ticks()
        large = charts.large(self.figure) and self._count() > charts.LARGE
        for trace in self.figure["data"]:
            meta = trace.get("meta") or {}
            if meta.get("role") == "pattern":
                continue
            if trace.get("mode") == "lines":
                if not large:  # at scale the density strips say where things are
                    self._lines(trace)
            elif large:
                self._density(trace)
            else:
                self._markers(trace)
        self._annotations()
        body = "".join(self.out)
        return (
            f'<svg class="explainer-picture" width="100%" height="{_number(self.height)}" role="img" '
            f'aria-labelledby="{self.labelled_by}" focusable="false" data-geometry="{html.escape(self._geometry())}">'
            f"{body}</svg>"
        )

    def _geometry(self) -> str:
        """What the site script needs to place its keyboard links and label over the picture, and to
        zoom it: the margins, the axes' ranges and domains, and the timeline's pages."""
        axes = {
            name: {"range": self.layout[key].get("range"), "domain": self.layout[key].get("domain", [0, 1])}
            for name, key in (("x", "xaxis"), ("x2", "xaxis2"))
            if key in self.layout
        }
        return json.dumps(
            {"margin": {"l": self.left, "r": self.right, "t": self.top, "b": self.bottom}, "height": self.height,
             "axes": axes, "y": [self.y_low, self.y_high], "pages": (self.layout.get("meta") or {}).get("pages", []),
             "kind": (self.layout.get("meta") or {}).get("kind", "")},
            separators=(",", ":"), sort_keys=True,
        )  # fmt: skip

    def _backgrounds(self) -> None:
        """The second cue of sides that share a colour: a pattern over their lane (see lanes.py)."""
        lanes_meta = (self.layout.get("meta") or {}).get("lanes") or []
        for n, lane in enumerate(lanes_meta):
            shape = lane.get("pattern")
            if not shape or "top" not in lane:  # a chart whose rows are not its lanes (Who's who)
                continue
            pattern_id = f"{self.labelled_by}-pattern-{n}"
            lines = {
                "/": "M0,10L10,0",
                "\\": "M0,0L10,10",
                "x": "M0,10L10,0M0,0L10,10",
                "-": "M0,5H10",
                "|": "M5,0V10",
                "+": "M0,5H10M5,0V10",
            }.get(shape)
            mark = (
                f'<path d="{lines}" stroke="currentColor" stroke-width="1.5"/>' if lines
                else '<circle cx="5" cy="5" r="1.6" fill="currentColor"/>'
            )  # fmt: skip
            top, height = self.y(float(lane["top"])), float(lane["height"])
            colour = f"c{int(lane['colour']) % 8}"
            self.out.append(
                f'<pattern id="{pattern_id}" class="{colour}" width="10" height="10" patternUnits="userSpaceOnUse">'
                f"{mark}</pattern>"
                f'<rect class="explainer-picture__pattern {colour}" fill="url(#{pattern_id})" '
                f'style="x:{self.x(0)};y:{_number(top)}px;width:{self.width(1)};height:{_number(height)}px"/>'
            )

    def _count(self) -> int:
        return sum(len(t.get("x") or []) for t in self.figure["data"] if t.get("mode") != "lines")

    def _lanes(self) -> None:
        """A rule along each row the y axis marks (Who's who's rows; their names are annotations)."""
        for value in self.layout.get("yaxis", {}).get("tickvals", []):
            self.out.append(
                f'<rect class="explainer-picture__grid" style="x:{self.x(0)};y:{_number(self.y(value))}px;'
                f'width:{self.width(1)};height:1px"/>'
            )

    def _shapes(self) -> None:
        for shape in self.layout.get("shapes", []):
            if shape.get("type") == "line" and shape.get("name") == "scale":  # segments that meet
                x = self.axes["x"].fraction(shape["x0"])
                self.out.append(
                    f'<rect class="explainer-picture__scale" style="x:{self.x(x)};y:{_number(self.top)}px;'
                    f'width:2px;height:{_number(self.height - self.top - self.bottom)}px"/>'
                )
                continue
            if shape.get("type") == "line":  # a rule between lanes
                self.out.append(
                    f'<rect class="explainer-picture__rule" style="x:{self.x(0)};y:{_number(self.y(shape["y0"]))}px;'
                    f'width:{self.width(1)};height:1px"/>'
                )
                continue
            if shape.get("type") != "rect":
                continue
            if shape.get("xsizemode") == "pixel":  # a lane's swatch, beside its name
                y0, y1 = self.y(shape["y0"]), self.y(shape["y1"])
                colour = str(shape.get("name", "swatch-0")).rsplit("-", 1)[-1]
                edge, x0 = self.x(float(shape.get("xanchor", 0))), float(shape["x0"])
                edge = f"calc({edge} - {_number(-x0)}px)" if x0 < 0 else edge  # right to left: before the edge
                self.out.append(
                    f'<rect class="explainer-picture__swatch c{colour}" style="x:{edge};'
                    f"y:{_number(min(y0, y1))}px;width:{_number(shape['x1'] - shape['x0'])}px;"
                    f'height:{_number(abs(y1 - y0))}px"/>'
                )
                continue
            axis = self.axes.get(str(shape.get("xref", "x")).replace("axis", ""))
            x0 = float(shape["x0"]) if shape.get("xref") == "paper" else axis.fraction(shape["x0"])  # type: ignore[union-attr]
            x1 = float(shape["x1"]) if shape.get("xref") == "paper" else axis.fraction(shape["x1"])  # type: ignore[union-attr]
            kind = "cut" if shape.get("name") == "cut" else "band"
            self.out.append(
                f'<rect class="explainer-picture__{kind}" style="x:{self.x(x0)};y:{_number(self.top)}px;'
                f'width:{self.width(x1 - x0)};height:{_number(self.height - self.top - self.bottom)}px"/>'
            )

    def _annotations(self) -> None:
        for note in self.layout.get("annotations", []):
            axis = self.axes["x"]
            x = float(note["x"]) if note.get("xref") == "paper" else axis.fraction(note["x"])
            anchor = {"right": "end", "left": "start"}.get(note.get("xanchor", ""), "middle")
            if note.get("yref") == "y":  # a lane's name, above its lane
                self.out.append(
                    f'<g style="{self.at(x, self.y(note["y"]))}"><text class="explainer-picture__lane" '
                    f'x="{_number(note.get("xshift", 0))}" dominant-baseline="middle" text-anchor="{anchor}">'
                    f"{note.get('text', '')}</text></g>"
                )
                continue
            y = self.top - 6 - float(note.get("yshift", 0)) + 2
            self.out.append(
                f'<g style="{self.at(x, y)}">'
                f'<text class="explainer-picture__note" text-anchor="{anchor}">{note.get("text", "")}</text></g>'
            )

    def _narrow_step(self, fractions: list[float], labels: list[str]) -> int:
        """Show every how-many-th tick label on a phone so that no two overlap: ticks are spaced
        evenly enough that the closest pair decides, on a plot as wide as on a 375-pixel phone."""
        if len(fractions) < 2:
            return 1
        plot = charts.PHONE_WIDTH - self.left - self.right
        closest = min(abs(b - a) for a, b in zip(fractions, fractions[1:], strict=False)) * plot
        widest = max(len(label) for label in labels) * charts.CHAR_PX + 8
        return max(1, math.ceil(widest / max(closest, 1)))

    def _scale_ticks(self, meta: dict[str, Any], baseline: float) -> None:
        """A dated chart's ticks: those of a narrow chart and those of a wide one (explainer.css shows
        one set or the other by the chart's width, as the site script does)."""
        axis = self.axes["x"]

        def chosen(choice: list[int], axis_px: float) -> dict[float, str]:
            segments = [
                scale.Segment(s["first"], s["last"], s["left"], s["right"], levels=s["levels"])
                for s in meta["segments"]
            ]
            return dict(scale.ticks(scale.Scale(segments, [], dt.UTC), choice, axis_px))

        narrow, wide = chosen(meta["narrow"], meta["narrow_px"]), chosen(meta["wide"], meta["wide_px"])
        for x in sorted(set(narrow) | set(wide)):
            for label, where in _tick_sets(narrow.get(x), wide.get(x)):
                fraction = axis.fraction(x)
                lines = label.split("<br>")
                spans = "".join(
                    f'<tspan x="0" dy="{0 if n == 0 else 15}">{line}</tspan>' for n, line in enumerate(lines)
                )
                self.out.append(
                    f'<rect class="explainer-picture__grid{where}" style="x:{self.x(fraction)};'
                    f'y:{_number(self.top)}px;width:1px;height:{_number(self.height - self.top - self.bottom)}px"/>'
                    f'<g style="{self.at(fraction, baseline)}">'
                    f'<text class="explainer-picture__tick{where}" text-anchor="middle">{spans}</text></g>'
                )

    def _ticks(self) -> None:
        spec = self.layout.get("xaxis", {})
        axis = self.axes["x"]
        baseline = self.height - self.bottom + 18
        ticks: Sequence[tuple[float, str]] = []
        scale_meta = (self.layout.get("meta") or {}).get("scale")
        if scale_meta:
            self._scale_ticks(scale_meta, baseline)
        elif axis.is_date:
            ticks = _date_ticks(axis, self.language)
        elif spec.get("tickmode") == "linear":
            start, step = float(spec.get("tick0", 0)), _nice_step(axis.high - axis.low, float(spec.get("dtick", 1)))
            value, ticks = start, []
            while value <= axis.high:
                if value >= axis.low:
                    ticks.append((value, self.language.number(int(value))))
                value += step
        fractions = [axis.fraction(value) for value, _ in ticks]
        keep = self._narrow_step(fractions, [label for _, label in ticks])
        for n, ((_, label), fraction) in enumerate(zip(ticks, fractions, strict=True)):
            # On narrow screens only every keep-th tick has its label (see explainer.css).
            minor = " explainer-picture__tick--minor" if n % keep else ""
            self.out.append(
                f'<rect class="explainer-picture__grid" style="x:{self.x(fraction)};y:{_number(self.top)}px;width:1px;'
                f'height:{_number(self.height - self.top - self.bottom)}px"/>'
                f'<g style="{self.at(fraction, baseline)}">'
                f'<text class="explainer-picture__tick{minor}" text-anchor="middle">{_escape(label)}</text></g>'
            )
        title = spec.get("title", {}).get("text")
        if title:
            middle = (axis.domain[0] + axis.domain[1]) / 2
            self.out.append(
                f'<g style="{self.at(middle, self.height - 12)}">'
                f'<text class="explainer-picture__title" text-anchor="middle">{title}</text></g>'
            )

    def _colour(self, trace: dict[str, Any]) -> str:
        return f"c{int((trace.get('meta') or {}).get('colour', 0)) % 8}"

    def _lines(self, trace: dict[str, Any]) -> None:
        axis = self.axes.get(trace.get("xaxis", "x"), self.axes["x"])
        xs, ys = trace.get("x") or [], trace.get("y") or []
        thickness = float((trace.get("line") or {}).get("width", 2))
        opacity = trace.get("opacity", 1)
        for i in range(0, len(xs) - 1):
            if xs[i] is None or xs[i + 1] is None:
                continue
            # Clipped to the plot, as Plotly clips them: a bar may run on past the chart's edge.
            a, b = (min(max(axis.fraction(v), axis.domain[0]), axis.domain[1]) for v in (xs[i], xs[i + 1]))
            if a == b:
                continue
            py = self.y(ys[i]) - thickness / 2
            self.out.append(
                f'<rect class="explainer-picture__line {self._colour(trace)}" opacity="{opacity}" '
                f'style="x:{self.x(min(a, b))};y:{_number(py)}px;width:{self.width(abs(b - a))};'
                f'height:{_number(thickness)}px"/>'
            )

    def _markers(self, trace: dict[str, Any]) -> None:
        """Each point as the site script finds it before Plotly is loaded: where it is in the figure's
        units (``data-x``, ``data-y``, its axis), its lane, its entry and its keyboard label."""
        axis_name = trace.get("xaxis", "x")
        axis = self.axes.get(axis_name, self.axes["x"])
        marker = trace.get("marker") or {}
        symbols = marker.get("symbol") or []
        size = float(marker.get("size", 12))
        texts = trace.get("text") or []
        positions = trace.get("textposition") or []
        colour = self._colour(trace)
        lane = (trace.get("meta") or {}).get("lane", 0)
        customs = trace.get("customdata") or []
        for i, (x, y) in enumerate(zip(trace.get("x") or [], trace.get("y") or [], strict=False)):
            custom = customs[i] if i < len(customs) else []
            data = f' data-x="{x}" data-y="{y}" data-axis="{axis_name}" data-lane="{lane}"'
            if custom:
                data += f' data-anchor="{html.escape(str(custom[0]))}" data-page="{int(custom[1])}"'
            if len(custom) > 3:
                data += f' data-order="{int(custom[2])}" data-label="{html.escape(str(custom[3]))}"'
            symbol = symbols[i] if isinstance(symbols, list) else symbols
            text = texts[i] if isinstance(texts, list) and i < len(texts) else ""
            where = str(
                positions[i] if isinstance(positions, list) and i < len(positions) else positions or "top center"
            )
            inside = _mark(str(symbol), size) + _label(text, where, size)
            self.out.append(
                f'<g class="explainer-picture__point {colour}"{data} style="{self.at(axis.fraction(x), self.y(y))}">'
                f"{inside}</g>"
            )

    def _density(self, trace: dict[str, Any]) -> None:
        """Thousands of points: how many fall in each stretch of the axis, one strip per row."""
        axis = self.axes.get(trace.get("xaxis", "x"), self.axes["x"])
        row_count = len(self.layout.get("yaxis", {}).get("tickvals", [])) or 1
        bins = max(10, min(60, DENSITY_CELLS // (row_count * 3)))
        rows: dict[float, list[int]] = {}
        for x, y in zip(trace.get("x") or [], trace.get("y") or [], strict=False):
            fraction = (axis.fraction(x) - axis.domain[0]) / ((axis.domain[1] - axis.domain[0]) or 1)
            counts = rows.setdefault(float(y), [0] * bins)
            counts[min(bins - 1, max(0, int(fraction * bins)))] += 1
        width = (axis.domain[1] - axis.domain[0]) / bins
        row_height = (self.height - self.top - self.bottom) / max(abs(self.y_high - self.y_low), 1)
        for y, counts in rows.items():
            most = max(counts) or 1
            for n, count in enumerate(counts):
                if count:
                    tall = min(row_height * 0.8, 4 + 22 * count / most)
                    self.out.append(
                        f'<rect class="explainer-picture__line {self._colour(trace)}" style="x:'
                        f"{self.x(axis.domain[0] + n * width)};y:{_number(self.y(y) - tall / 2)}px;"
                        f'width:{self.width(width)};height:{_number(tall)}px"/>'
                    )


def _tick_sets(narrow: str | None, wide: str | None) -> list[tuple[str, str]]:
    """A tick's label and which widths show it: both, only narrow charts, or only wide ones."""
    if narrow == wide:
        return [(narrow or "", "")]
    found = []
    if narrow is not None:
        found.append((narrow, " explainer-picture__tick--narrow"))
    if wide is not None:
        found.append((wide, " explainer-picture__tick--wide"))
    return found


def _mark(symbol: str, size: float) -> str:
    """A Plotly marker symbol drawn around (0, 0): its shape, fill, dot or cross."""
    r = size / 2
    hollow = "-open" in symbol
    fill = ' class="explainer-picture__hollow"' if hollow else ""
    if symbol.startswith("diamond"):
        shape = f'<polygon{fill} points="0,{-r:.1f} {r:.1f},0 0,{r:.1f} {-r:.1f},0"/>'
    else:
        shape = f'<circle{fill} r="{r - 1:.1f}"/>'
    if "-dot" in symbol:
        shape += '<circle r="1.8"/>'
    if "-x" in symbol:
        d = r * 0.5
        cross = f"M{-d:.1f},{-d:.1f}L{d:.1f},{d:.1f}M{-d:.1f},{d:.1f}L{d:.1f},{-d:.1f}"
        shape += f'<path class="explainer-picture__cross" d="{cross}"/>'
    return shape


def _label(text: str, where: str, size: float) -> str:
    """A marker's number where the figure puts it: above, below or beside the marker."""
    if not text:
        return ""
    if where.startswith("bottom"):
        place = f'y="{size / 2 + 12:.1f}" text-anchor="middle"'
    elif where == "middle left":
        place = f'x="{-size / 2 - 3:.1f}" dominant-baseline="middle" text-anchor="end"'
    elif where.startswith("middle"):
        place = f'x="{size / 2 + 3:.1f}" dominant-baseline="middle"'
    else:
        place = f'y="{-size / 2 - 4:.1f}" text-anchor="middle"'
    return f'<text class="explainer-picture__number" {place}>{_escape(text)}</text>'


def _date_ticks(axis: _Axis, language: Language) -> list[tuple[float, str]]:
    """Calendar ticks across the axis: days, weeks, months or years, by the span shown."""
    start = dt.datetime.fromtimestamp(axis.low, dt.UTC).replace(tzinfo=None)
    end = dt.datetime.fromtimestamp(axis.high, dt.UTC).replace(tzinfo=None)
    days = (end - start).days
    ticks = []
    if days <= 75:
        step = 1 if days <= 8 else 7 if days <= 56 else 14
        day = start.date() + dt.timedelta(days=1)
        while dt.datetime.combine(day, dt.time()) <= end:
            label = babel_dates.format_skeleton("MMMd", day, locale=language.locale)
            ticks.append((_stamp(dt.datetime.combine(day, dt.time())), label))
            day += dt.timedelta(days=step)
    elif days <= 900:
        every = 1 if days <= 250 else 2 if days <= 500 else 3
        month = dt.date(start.year, start.month, 1)
        while True:
            month = (month + dt.timedelta(days=32)).replace(day=1)
            moment = dt.datetime.combine(month, dt.time())
            if moment > end:
                break
            if (month.month - 1) % every == 0:
                ticks.append((_stamp(moment), babel_dates.format_skeleton("yMMM", month, locale=language.locale)))
    else:
        for year in range(start.year + 1, end.year + 1):
            ticks.append((_stamp(dt.datetime(year, 1, 1)), str(year)))
    return ticks


def _nice_step(span: float, step: float, most: int = 15) -> float:
    """``step``, or the next 1, 2 or 5 times a power of ten that gives at most ``most`` ticks."""
    candidate, scale = step, 1.0
    while span / candidate > most:
        for factor in (1, 2, 5):
            candidate = factor * scale
            if candidate >= step and span / candidate <= most:
                return candidate
        scale *= 10
    return candidate


def _stamp(moment: dt.datetime) -> float:
    return moment.replace(tzinfo=dt.UTC).timestamp()


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def picture(figure: dict[str, Any], language: Language, labelled_by: str) -> str:
    """The figure as inline SVG markup, labelled by the element with id ``labelled_by``."""
    return Picture(figure, language, labelled_by).svg()
