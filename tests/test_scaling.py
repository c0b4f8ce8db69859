"""Paths that once took quadratic time: their work grows in step with their input.

Work is counted, never timed: the lines of the generator a call runs (``steps``), the list elements
it copies or walks, the ids it compares. Each test doubles an input shaped to be the worst for the
path and checks that the work about doubles (n log n stays well under 2.5 times; a quadratic path
gives 4). ``make bench`` (tests/scale_bench.py) prints the seconds at full size.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator import prose
from generator.link import _Lists, link
from generator.load import LINE_BREAK, LoadedFile, load_text
from generator.occurrences import Counts, Index, Occurrences
from generator.render import lanes, scale, timeline
from generator.validate import Origin, validate_content
from tests import scale_bench

GENERATOR = str(Path(prose.__file__).parent)


def steps(run: Callable[[], object], *modules: str) -> int:
    """Lines of the generator (of ``modules`` only, when given: file names in generator/) that ``run()`` runs."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        name = frame.f_code.co_filename
        if name.startswith(GENERATOR) and (not modules or Path(name).name in modules):
            return local
        return None

    sys.settrace(trace)
    try:
        run()
    finally:
        sys.settrace(None)
    return count


def growth(work: Callable[[int], int], n: int) -> float:
    """How much more work twice the input takes."""
    return work(2 * n) / work(n)


# Prose: a paragraph of many links.


def links(n: int, unit: str) -> str:
    """``n`` links in one paragraph, each ``unit`` (``{n}`` in it: the link's number)."""
    return " ".join(unit.format(n=k) for k in range(n))


class Walked(list[Any]):
    """A list that counts the elements taken out of it: by index, by slice, by iterating."""

    count = 0

    def __getitem__(self, key: Any) -> Any:
        found = super().__getitem__(key)
        Walked.count += len(found) if isinstance(key, slice) else 1
        return found

    def __iter__(self) -> Any:
        for item in super().__iter__():
            Walked.count += 1
            yield item


def test_checking_links_walks_a_paragraphs_tokens_a_few_times_not_once_per_link(monkeypatch: Any) -> None:
    parser = prose._PARSERS[True]
    original = parser.parse

    def parse(text: str) -> Any:
        tokens = original(text)
        for token in tokens:
            if token.children:
                token.children = Walked(token.children)
        return tokens

    monkeypatch.setattr(parser, "parse", parse)
    for unit in ("[see](event:one)", "[read](https://example.org/a)", "[bad](ftp://example.org/a)"):
        Walked.count = 0
        parsed = prose.parse(links(2000, unit))
        walked = Walked.count
        children = 2000 * 4 - 1  # link_open, text, link_close and a space between links
        assert walked <= 10 * children, (unit, walked)
        assert len(parsed.references) + len(parsed.problems) + parsed.html().count('<a href="https:') == 2000


def test_placing_problems_and_references_in_a_field_is_linear() -> None:
    same = ("[see](event:one)", "[bad](ftp://example.org/a)", "![image](https://example.org/i.png)")
    for unit in (*same, "[see](event:e-{n})", "[bad](q{n})"):
        work = lambda n, unit=unit: steps(lambda: prose.parse(links(n, unit)), "prose.py", "occurrences.py")  # noqa: E731
        assert growth(work, 400) < 2.5, unit


def test_thousands_of_different_references_and_refused_links_are_placed_in_linear_time() -> None:
    """Each reference or refused link names something else: no search from the start of the line for each.

    The searches run in C (``str.find``), so lines run do not show them: the text searched is
    counted instead, by a text that counts what ``find`` is asked to read."""
    for unit in ("[see](event:e-{n})", "[bad](q{n})"):

        def work(n: int, unit: str = unit) -> int:
            Searched.read = 0
            prose.parse(Searched(links(n, unit)))
            return Searched.read

        assert growth(work, 2000) < 2.5, unit


def test_a_refused_line_as_long_as_the_field_is_placed_in_linear_time() -> None:
    """A rule of asterisks filling the field is refused, and its problem names the whole line: the
    line is found once, not cut out at each of its places (the cuts are counted too)."""

    def work(n: int) -> int:
        Searched.read = 0
        parsed = prose.parse(Cut("*" * n))
        assert parsed.problems and parsed.problems[0].offset == 0
        return Searched.read

    assert growth(work, 20_000) < 2.5


class Searched(str):
    """Text that counts the characters searches (``find``, ``in``, ``count``) read in it."""

    read = 0

    def _read(self, start: int | None, end: int | None, found: int = -1, length: int = 0) -> None:
        first, last = start or 0, len(self) if end is None else end
        Searched.read += max(0, (found + length if found >= 0 else last) - first)

    def find(self, sub: Any, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        found = super().find(sub, start, end)
        self._read(start, end, found, len(sub))
        return found

    def count(self, sub: Any, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        self._read(start, end)
        return super().count(sub, start, end)

    def __contains__(self, sub: object) -> bool:
        found = super().find(sub)  # type: ignore[arg-type]
        self._read(None, None, found, len(sub))  # type: ignore[arg-type]
        return found >= 0


def test_locating_every_problem_of_a_field_in_its_file_is_linear(tmp_path: Path) -> None:
    for unit in ("[bad](ftp://example.org/a)", "[bad](q{n})"):

        def work(n: int, unit: str = unit) -> int:
            content = scale_bench.write(tmp_path / f"{n}{len(unit)}", scale_bench.records(3, links(n, unit)))
            return steps(lambda: validate_content(content), "load.py", "validate.py", "occurrences.py")

        assert growth(work, 400) < 2.5, unit


# The timeline: markers dodged into rows, labels above the plot.


def test_dodging_markers_into_rows_is_n_log_n() -> None:
    def work(n: int) -> int:
        # Every marker at the same place: each needs a row of its own, the worst case.
        same = [(f"p{i}", 100.0, 20.0) for i in range(n)]
        spread = [(f"q{i}", float(i % 50), 12.0) for i in range(n)]
        return steps(lambda: (lanes.dodge(same), lanes.dodge(spread)), "lanes.py")

    assert growth(work, 500) < 2.5


def test_rows_of_labels_above_the_plot_are_n_log_n() -> None:
    def work(n: int) -> int:
        labels = [(0.5, f"label {i}", ("left", "right", "center")[i % 3]) for i in range(n)]
        return steps(lambda: timeline._label_rows(labels, 359.0), "timeline.py")

    assert growth(work, 500) < 2.5


# Linking: thousands of records citing one source, or mentioning one record.


class CountedId(str):
    """A record id that counts how often it is compared with another."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        CountedId.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_citations_and_mentions_are_indexed_without_comparing_every_id_with_every_other(tmp_path: Path) -> None:
    n = 2000
    data = scale_bench.records(n)
    for event in data["events.yml"]:
        event["summary"] = "What [the side](actor:side-0) did."
    content, problems = validate_content(scale_bench.write(tmp_path, data))
    assert content is not None and not problems
    content.records["events"] = [
        (record.model_copy(update={"id": CountedId(record.id)}), origin) for record, origin in content.records["events"]
    ]
    CountedId.compared = 0
    explainer, problems = link(content)
    assert explainer is not None and not problems
    assert len(explainer.cited_by["source-0"]) == n + 2 and len(explainer.mentions["side-0"]) == n
    assert CountedId.compared <= 10 * n


# The same results as the simple way: each rewritten path against the code it replaced.


def simple_parse(text: str, block: bool = True) -> prose.Prose:
    """Problems and references of a prose field as they were found before: each link's words read
    from a copy of the tokens after it, each place searched for from the start of its line."""
    tokens = prose._PARSERS[block].parse(text)
    parsed = prose.Prose(text, tokens)
    line = 1
    blocks = 0
    for token in tokens:
        if token.map:
            line = token.map[0] + 1
        if token.type == "list_item_open" or (token.type == "paragraph_open" and not token.hidden):
            blocks += 1
            if blocks == prose.MAX_BLOCKS + 1:
                parsed.problems.append(
                    prose.Problem(
                        line,
                        f"has more than {prose.MAX_BLOCKS} paragraphs and list items: shorten it or split the record",
                    )
                )
        if token.type in prose._REFUSED_BLOCKS:
            first = text.split("\n")[line - 1].split() if line <= text.count("\n") + 1 else []
            needle = first[0] if first else ""
            parsed.problems.append(
                prose.Problem(line, f"{prose._REFUSED_BLOCKS[token.type]} is not allowed in prose", needle)
            )
        if token.type == "inline":
            simple_check_inline(parsed, token.children or [], line)
    for definition in re.finditer(r"(?m)^ {0,3}\[[^\]\n]+\]:", text):
        parsed.problems.append(
            prose.Problem(
                text.count("\n", 0, definition.start()) + 1,
                "reference-style link definitions are not allowed",
                definition.group().strip(),
            )
        )
    if not parsed.plain().strip():
        parsed.problems.append(prose.Problem(1, "has only Markdown syntax and no words to show"))
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    taken: set[tuple[str, int]] = set()

    def find(needle: str, line: int) -> int:
        start = starts[min(line, len(starts)) - 1]
        if not needle:
            return start
        at = text.find(needle, start)
        while at >= 0 and (needle, at) in taken:
            at = text.find(needle, at + 1)
        if at < 0:
            return start
        taken.add((needle, at))
        return at

    parsed.problems = [prose.Problem(p.line, p.message, p.needle, find(p.needle, p.line)) for p in parsed.problems]
    parsed.references = [
        prose.Reference(r.kind, r.id, r.line, r.text, find(r.needle, r.line)) for r in parsed.references
    ]
    return parsed


def simple_check_inline(parsed: prose.Prose, children: list[Any], line: int) -> None:
    def words(after: list[Any]) -> str:
        found = []
        for child in after:
            if child.type == "link_close":
                break
            found.append(child.content)
        return "".join(found)

    offset = 0
    for position, child in enumerate(children):
        if child.type in ("softbreak", "hardbreak"):
            offset += 1
        where = line + offset
        if child.type in prose._REFUSED_INLINE:
            parsed.problems.append(
                prose.Problem(where, f"{prose._REFUSED_INLINE[child.type]} is not allowed in prose", "![")
            )
        if child.type == "link_open":
            href = str(child.attrGet("href") or "")
            if child.markup == "autolink":
                parsed.problems.append(
                    prose.Problem(where, "write a link as [words](https://...), not <https://...>", "<")
                )
            elif child.info == "auto" or child.markup == "linkify":
                parsed.problems.append(prose.Problem(where, "write a link as [words](https://...)"))
            if not words(children[position + 1 :]).strip():
                parsed.problems.append(prose.Problem(where, "a link needs words to show: [words](...)", "]("))
            found = prose.REFERENCE.match(href)
            if found:
                parsed.references.append(
                    prose.Reference(found["kind"], found["id"], where, words(children[position + 1 :]))
                )
            elif not prose.WEB.match(href):
                parsed.problems.append(
                    prose.Problem(
                        where,
                        f"a link must go to an http(s) address or a record (kind:id), not {href[:60]!r}",
                        f"]({href[:12]}" if f"]({href[:12]}" in parsed.source else "](",
                    )
                )


PIECES = [
    "[a](event:one)", "[one](event:one)", "[b](https://x.example/)", "[](ftp://q)", "[c](ftp://q)", "[d](javascript:x)",
    "![i](https://p.example/i.png)", "<https://auto.example>", "[**e**](event:one-two)", "[`f`](event:one)",
    "[g](<event:one>)", "[h](statement:two \"title\")", "[i\\]](event:one)", "[j](event:one", "event:one", "](",
    "![", "<", "**", "*", "_", "`c`", "\\", "[", "]", "(", ")", "\n", "\n\n", "# h\n", "    code\n", "> q\n",
    "[d]: https://def.example/\n", "- item ", "1. item ", "  ", " ", "words", "é",
]  # fmt: skip
prose_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=prose_text, block=st.booleans())
def test_problems_and_references_are_found_and_placed_as_before(text: str, block: bool) -> None:
    parsed, simple = prose.parse(text, block), simple_parse(text, block)
    assert parsed.problems == simple.problems
    assert parsed.references == simple.references


def simple_locate(loaded: LoadedFile, loc: tuple[str | int, ...], needle: str, occurrence: int) -> tuple[int, int]:
    """Where a needle inside a value is written, found as before: every line and key looked at again."""
    start = loaded.position(loc)
    starts = [0, *(m.end() for m in LINE_BREAK.finditer(loaded.text))]
    begin = starts[start[0] - 1] + start[1] - 1 if 0 < start[0] <= len(starts) else 0
    if loaded.text.startswith(("|", ">"), begin):
        newline = loaded.text.find("\n", begin)
        begin = newline + 1 if newline >= 0 else begin
    later = [p for p in loaded.key_positions.values() if p > start]
    end = starts[min(later)[0] - 1] + min(later)[1] - 1 if later else len(loaded.text)
    at = begin - 1
    for _ in range(occurrence + 1):
        at = loaded.text.find(needle, at + 1, end) if needle else -1
        if at < 0:
            return start
    breaks = list(LINE_BREAK.finditer(loaded.text, 0, at))
    return (len(breaks) + 1, at - (breaks[-1].end() if breaks else 0) + 1)


def as_yaml(text: str, style: str) -> str:
    if style == "block":
        return "|\n" + "".join(f"    {line}\n" for line in text.split("\n"))
    if style == "double":
        return json.dumps(text)
    return "'" + text.replace("'", "''").replace("\n", "\n\n") + "'"


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(prose_text.filter(lambda t: t.strip() and "\r" not in t), min_size=1, max_size=3),
    style=st.sampled_from(["block", "double", "single"]),
)
def test_problems_are_located_in_the_file_as_before(texts: list[str], style: str) -> None:
    source = "".join(f"- id: e{n}\n  summary: {as_yaml(text, style)}\n  title: T\n" for n, text in enumerate(texts))
    loaded, problems = load_text(Path("events.yml"), source)
    assume(loaded is not None and not problems)  # text YAML cannot hold (a control character...)
    assert loaded is not None
    for index, record in enumerate(loaded.data):
        text = str(record["summary"])
        origin = Origin(loaded, index)
        for problem in prose.parse(text).problems:
            occurrence = text.count(problem.needle, 0, problem.offset) if problem.needle else 0
            expected = simple_locate(loaded, (index, "summary"), problem.needle, occurrence)
            found = origin.problem_in("m", ("summary",), text, problem.offset, problem.needle)
            assert (found.line, found.column) == expected


def simple_dodge(points: list[tuple[str, float, float]]) -> tuple[dict[str, int], int]:
    ends: list[float] = []
    rows: dict[str, int] = {}
    for key, x, right in sorted(points, key=lambda p: (p[1], p[0])):
        left = x - lanes.MARKER / 2
        for row, end in enumerate(ends):
            if left >= end + lanes.GAP:
                ends[row] = x + lanes.MARKER / 2 + right
                rows[key] = row
                break
        else:
            rows[key] = len(ends)
            ends.append(x + lanes.MARKER / 2 + right)
    return rows, max(len(ends), 1)


def simple_label_rows(labels: list[tuple[float, str, str]], width_px: float) -> list[tuple[float, str, str, int]]:
    ends: list[float] = []
    placed = []
    for share, text, anchor in sorted(labels):
        wide = scale.label_px(text)
        left = share * width_px - {"left": 0, "right": wide}.get(anchor, wide / 2)
        for row, end in enumerate(ends):
            if left >= end + 6:
                ends[row] = left + wide
                placed.append((share, text, anchor, row))
                break
        else:
            ends.append(left + wide)
            placed.append((share, text, anchor, len(ends) - 1))
    return placed


place = st.one_of(st.integers(-20, 400).map(float), st.floats(-50, 500, allow_nan=False))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(place, st.sampled_from([0.0, 11.5, 19.0, 26.5]).map(float) | st.floats(0, 60)), max_size=60))
def test_markers_are_dodged_into_the_same_rows_as_before(points: list[tuple[float, float]]) -> None:
    keyed = [(f"e{n}", x, right) for n, (x, right) in enumerate(points)]
    assert lanes.dodge(keyed) == simple_dodge(keyed)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(0, 1) | st.sampled_from([0.0, 0.25, 0.5, 1.0]),
            st.sampled_from(["2 hours later", "7 days later", "No date", "x", "Order not reported"]),
            st.sampled_from(["left", "right", "center"]),
        ),
        max_size=40,
    ),
    st.sampled_from([359.0, 100.0, 624.0]),
)
def test_labels_take_the_same_rows_as_before(labels: list[tuple[float, str, str]], width: float) -> None:
    assert timeline._label_rows(labels, width) == simple_label_rows(labels, width)


@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("uvwxyz")), max_size=40))
def test_citations_and_mentions_are_listed_as_before(added: list[tuple[str, str]]) -> None:
    lists = _Lists()
    simple: dict[str, list[str]] = {}
    for key, value in added:
        lists.add(key, value)
        if value not in simple.setdefault(key, []):
            simple[key].append(value)
    assert lists.lists == simple and list(lists.lists) == list(simple)


@given(
    text=st.text("ab\n", max_size=40),
    needle=st.text("ab", min_size=1, max_size=3),
    bounds=st.tuples(st.integers(0, 42), st.integers(0, 42)),
    data=st.data(),
)
def test_occurrences_are_found_taken_and_counted_as_a_search_from_the_start_would(
    text: str, needle: str, bounds: tuple[int, int], data: st.DataObject
) -> None:
    index = Index(text)
    begin, end = bounds
    found = Occurrences(index, needle, begin, end)
    every, at = [], begin - 1
    while (at := text.find(needle, at + 1, end)) >= 0:
        every.append(at)
    assert [found.nth(n) for n in range(len(every) + 1)] == [*every, -1]
    counts = Counts(index, needle)
    offsets = data.draw(st.lists(st.integers(0, len(text) + 1), max_size=10))
    assert [counts.before(offset) for offset in offsets] == [text.count(needle, 0, offset) for offset in offsets]
    taking = Occurrences(index, needle)
    taken: set[tuple[str, int]] = set()
    for start in data.draw(st.lists(st.integers(0, len(text)), max_size=12)):
        at = text.find(needle, start)
        while at >= 0 and (needle, at) in taken:
            at = text.find(needle, at + 1)
        taken.add((needle, at))
        assert taking.take(start) == at


class Cut(Searched):
    """Text that also counts the characters its slices copy."""

    def __getitem__(self, key: Any) -> str:  # type: ignore[override]
        found = super().__getitem__(key)
        if isinstance(key, slice):
            Searched.read += len(found)
        return found
