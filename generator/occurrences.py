"""Where pieces of text occur in a longer one: each found once, however often asked.

Problems in a prose field are placed by the characters they start with (``](``, ``![``, a record
reference such as ``event:x``): the n-th problem with the same characters is at their n-th place.
A field of thousands of links asks that thousands of times, for the same characters or for
thousands of different ones; searching the text from its start each time would take time growing
with the square of the field's length. An :class:`Index` reads the text once for each pair of
first characters asked about (``](``, ``ev``...), and keeps where every piece starting with them is.
A long piece (a rule of 100,000 asterisks) is searched for on its own: cutting a piece that long at
every place its first two characters start would again take time growing with the square.
"""

from __future__ import annotations

import bisect

LONG = 64
"""Pieces at least this long are searched for one by one, not cut at each place of their first two
characters (few pieces that long fit in a field, so few searches)."""


class Index:
    """Every place each piece of text asked about starts in ``text`` (overlapping ones too), in order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._pairs: dict[str, list[int]] = {}
        """Two characters -> every place they start."""
        self._pieces: dict[tuple[str, int], dict[str, list[int]]] = {}
        """(two first characters, length) -> every piece of that length starting with them -> its places."""
        self._short: dict[str, list[int]] = {}
        """A piece of one character, or of at least ``LONG`` -> every place it starts."""

    def _scan(self, needle: str) -> list[int]:
        found, at = [], self.text.find(needle)
        while at >= 0:
            found.append(at)
            at = self.text.find(needle, at + 1)
        return found

    def places(self, needle: str) -> list[int]:
        """Where ``needle`` (not empty) starts, every place, in order (do not change the list)."""
        if len(needle) < 2 or len(needle) >= LONG:
            if needle not in self._short:
                self._short[needle] = self._scan(needle)
            return self._short[needle]
        pair, length = needle[:2], len(needle)
        pieces = self._pieces.get((pair, length))
        if pieces is None:
            if pair not in self._pairs:
                self._pairs[pair] = self._scan(pair)
            pieces = self._pieces[(pair, length)] = {}
            text = self.text
            for at in self._pairs[pair]:
                pieces.setdefault(text[at : at + length], []).append(at)
        return pieces.get(needle, [])


class Occurrences:
    """The places ``needle`` (not empty) starts in ``index``'s text from ``begin``, ending by ``end``."""

    def __init__(self, index: Index, needle: str, begin: int = 0, end: int | None = None) -> None:
        places = index.places(needle)
        last = (len(index.text) if end is None else end) - len(needle)
        self.found = places[bisect.bisect_left(places, begin) : bisect.bisect_right(places, last)]
        self._free = list(range(len(self.found)))
        """Index -> an index at or after it that may not be taken yet (the index itself: not taken)."""

    def nth(self, n: int) -> int:
        """Where the ``n``-th place (0-based) starts, or -1 when there are fewer."""
        return self.found[n] if n < len(self.found) else -1

    def take(self, start: int) -> int:
        """The first place at or after ``start`` not taken before, now taken; -1 when there is none."""
        free = self._free
        index = root = bisect.bisect_left(self.found, start)
        while root < len(free) and free[root] != root:
            root = free[root]
        while index < len(free) and free[index] != index:  # shorten the path for the next time
            free[index], index = root, free[index]
        if root == len(free):
            return -1
        free[root] = root + 1
        return self.found[root]


class Counts:
    """How many times ``needle`` (not empty) occurs in ``index``'s text before an offset, as
    ``str.count`` counts (left to right, none overlapping), for any number of offsets."""

    def __init__(self, index: Index, needle: str) -> None:
        self.ends: list[int] = []
        for at in index.places(needle):
            if not self.ends or at >= self.ends[-1]:
                self.ends.append(at + len(needle))

    def before(self, offset: int) -> int:
        return bisect.bisect_right(self.ends, offset)
