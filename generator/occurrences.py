"""Where a piece of text occurs in a longer one: found once, left to right, as far as asked.

Problems in a prose field are placed by the characters they start with (``](``, ``![``, a record
reference): the n-th problem with the same characters is at their n-th place. A field of thousands
of links asks that thousands of times; searching from the start each time would take time growing
with the square of the field's length. These keep what they found, so every place is found once.
"""

from __future__ import annotations

import bisect


class Occurrences:
    """Every place ``needle`` (not empty) starts in ``text[begin:end]``, overlapping ones too, in order."""

    def __init__(self, text: str, needle: str, begin: int = 0, end: int | None = None) -> None:
        self.text, self.needle, self.end = text, needle, len(text) if end is None else end
        self.found: list[int] = []
        self.done = False
        self._next = begin
        self._free: list[int] = []
        """Index -> an index at or after it that may not be taken yet (the index itself: not taken)."""

    def _more(self) -> bool:
        """Find the next place; whether there was one."""
        if self.done:
            return False
        at = self.text.find(self.needle, self._next, self.end)
        if at < 0:
            self.done = True
            return False
        self.found.append(at)
        self._free.append(len(self._free))
        self._next = at + 1
        return True

    def nth(self, n: int) -> int:
        """Where the ``n``-th place (0-based) starts, or -1 when there are fewer."""
        while len(self.found) <= n:
            if not self._more():
                return -1
        return self.found[n]

    def take(self, start: int) -> int:
        """The first place at or after ``start`` not taken before, now taken; -1 when there is none."""
        while (not self.found or self.found[-1] < start) and self._more():
            pass
        index = bisect.bisect_left(self.found, start)
        free = self._free
        root = index
        while root < len(free) and free[root] != root:
            root = free[root]
        while index < len(free) and free[index] != index:  # shorten the path for the next time
            free[index], index = root, free[index]
        if root == len(free) and not self._more():
            return -1
        free[root] = root + 1
        return self.found[root]


class Counts:
    """How many times ``needle`` (not empty) occurs in ``text[:offset]``, as ``str.count`` counts
    (left to right, none overlapping), for any number of offsets."""

    def __init__(self, text: str, needle: str) -> None:
        self.text, self.needle = text, needle
        self.ends: list[int] = []
        self.done = False

    def before(self, offset: int) -> int:
        while not self.done and (not self.ends or self.ends[-1] <= offset):
            at = self.text.find(self.needle, self.ends[-1] if self.ends else 0)
            if at < 0:
                self.done = True
            else:
                self.ends.append(at + len(self.needle))
        return bisect.bisect_right(self.ends, offset)
