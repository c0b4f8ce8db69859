"""Lanes: one band per side, its name above it, its markers dodged into rows so none hides another.

A phone gives a chart about 343 pixels: names in a left gutter would leave the plot a quarter of
that. So each lane's name sits on its own line above the lane and the plot takes the full width.
The vertical axis is in pixels (0 at the top of the plot), so the picture, Plotly and the keyboard
layer put every lane and marker at the same height whatever the width.

Markers that would touch at the narrowest width (a marker and the number to its right) go to the
next row of their lane; wider screens only spread them further apart, so none ever hides another.

Each side has a colour (one of :data:`COLOURS` in both palettes) and, beyond the eighth side, a
pattern over its lane as a second cue: no two lanes look the same.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import charts

HEADER = 22
"""Pixels for a lane's name above its markers."""
ROW = 26
"""Pixels per row of markers."""
MARKER = 14
"""Marker size in pixels (charts of thousands use smaller ones and no rows)."""
NAME_CHARS = 44
"""Longer side names are shortened above their lane (a phone's width; in full in the key and list)."""
GAP = 3
"""Least room between two markers' boxes in a row, at the narrowest width."""


def number_px(number: int) -> float:
    """Room a marker's number takes to its right."""
    return len(str(number)) * 7.5 + 4


@dataclass
class Lane:
    side: str
    name: str
    top: float = 0.0
    rows: int = 1
    colour: int = 0
    pattern: str = ""

    @property
    def height(self) -> float:
        return HEADER + ROW * self.rows

    def row_y(self, row: int) -> float:
        return self.top + HEADER + ROW * (row + 0.5)


@dataclass
class Layout:
    lanes: list[Lane] = field(default_factory=list)
    row_of: dict[str, int] = field(default_factory=dict)
    """Point key -> its row within its lane."""

    @property
    def height(self) -> float:
        return sum(lane.height for lane in self.lanes)


class FirstFit:
    """Rows filled left to right, each free again from some point on: the first row (lowest index)
    free at a point, in time growing with the logarithm of the number of rows (a minimum tree over
    the rows), so placing thousands of boxes never compares each with every row."""

    def __init__(self) -> None:
        self.rows = 0
        self._leaves = 1
        self._tree = [math.inf, math.inf]
        """Node -> the least "free from" of the rows under it (node 1 is the root; leaves from ``_leaves`` on)."""

    def first(self, at: float) -> int:
        """The first row free at ``at`` (its "free from" at or before it), or -1 when none is."""
        tree = self._tree
        if not tree[1] <= at:
            return -1
        node = 1
        while node < self._leaves:
            node = 2 * node if tree[2 * node] <= at else 2 * node + 1
        return node - self._leaves

    def put(self, row: int, free_from: float) -> None:
        """Say from where ``row`` (an existing row, or the next new one) is free."""
        if row == self.rows:
            self.rows += 1
            if self.rows > self._leaves:
                self._grow()
        tree = self._tree
        node = row + self._leaves
        tree[node] = free_from
        node //= 2
        while node:
            tree[node] = min(tree[2 * node], tree[2 * node + 1])
            node //= 2

    def _grow(self) -> None:
        old, leaves = self._tree, self._leaves
        self._leaves *= 2
        self._tree = [math.inf] * (2 * self._leaves)
        self._tree[self._leaves : self._leaves + leaves] = old[leaves : 2 * leaves]
        for node in range(self._leaves - 1, 0, -1):
            self._tree[node] = min(self._tree[2 * node], self._tree[2 * node + 1])


def dodge(points: Sequence[tuple[str, float, float]]) -> tuple[dict[str, int], int]:
    """Rows for ``(key, x in pixels, width to its right)`` so that no two boxes in a row touch:
    each point goes to the first row where it clears the last box (a greedy interval colouring)."""
    rows = FirstFit()
    found: dict[str, int] = {}
    for key, x, right in sorted(points, key=lambda p: (p[1], p[0])):
        row = rows.first(x - MARKER / 2)
        row = rows.rows if row < 0 else row
        rows.put(row, x + MARKER / 2 + right + GAP)
        found[key] = row
    return found, max(rows.rows, 1)


def layout(sides: list[tuple[str, str, int]], points: dict[str, list[tuple[str, float, float]]],
           dodged: bool = True) -> Layout:  # fmt: skip
    """Lanes top to bottom for ``(side id, name, side index)``, with ``points`` per side as
    ``(key, x in pixels at the narrowest width, room to its right)``."""
    result = Layout()
    top = 0.0
    for side, name, index in sides:
        lane = Lane(side, charts.short(name, NAME_CHARS), top)
        lane.colour, lane.pattern = charts.cue(index)
        if dodged:
            rows, lane.rows = dodge(points.get(side, []))
            result.row_of.update(rows)
        else:
            result.row_of.update({key: 0 for key, _, _ in points.get(side, [])})
        result.lanes.append(lane)
        top += lane.height
    return result
