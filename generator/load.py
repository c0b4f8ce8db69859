"""Stage 1: read YAML files into plain Python values, remembering where each value came from.

YAML is read with a deliberately small schema so that nothing an editor types changes meaning on
the way in: plain scalars become ``None``, ``True``/``False``, decimal numbers or text, and nothing
else. ``NO``, ``yes``, ``off``, ``12:30``, ``017``, ``0x1F`` and ``2025-01-24`` all stay text; the
models decide what a field means. Aliases, anchors, tags, merge keys, duplicate keys, several
documents and deep nesting are refused with the position of the offending node.
"""

from __future__ import annotations

import bisect
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem
from .occurrences import Counts, Index, Occurrences

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Larger record files are refused: an explainer of thousands of records stays far below this."""

MAX_DEPTH = 16
"""Deepest nesting of mappings and lists a record file may have; the schema needs far less."""

Position = tuple[int, int]
PathKey = tuple[str | int, ...]

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")

LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What ends a line for YAML (and so for the line numbers in its marks): a file's lines are counted
the same way, or a value after a next-line character would be looked for on the wrong line."""


@dataclass
class LoadedFile:
    """The values of one YAML file and the source position of every key and value in it."""

    path: Path
    data: Any
    value_positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)
    text: str = ""
    """The file's text, to find positions inside a value (:meth:`locate`)."""
    _line_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _keys: list[Position] | None = field(default=None, init=False, repr=False, compare=False)
    _index: Index | None = field(default=None, init=False, repr=False, compare=False)
    _places: dict[tuple[PathKey, str], Occurrences] = field(default_factory=dict, init=False, repr=False, compare=False)
    _values: dict[PathKey, Index] = field(default_factory=dict, init=False, repr=False, compare=False)
    _counts: dict[tuple[PathKey, str], Counts] = field(default_factory=dict, init=False, repr=False, compare=False)

    def position(self, loc: PathKey, *, key: bool = False) -> Position:
        """The position of the deepest node along ``loc`` that exists in the file.

        Parts of ``loc`` that are not in the data (a model's union tag, a missing field) are
        skipped, so an error always points at the nearest thing the editor wrote.
        """
        found: PathKey = ()
        node = self.data
        for part in loc:
            if isinstance(node, dict) and isinstance(part, str) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            else:
                continue
            found = (*found, part)
        if key and found in self.key_positions:
            return self.key_positions[found]
        return self.value_positions.get(found, (1, 1))

    def locate(self, loc: PathKey, needle: str, occurrence: int = 0) -> Position:
        """Where the ``occurrence``-th (0-based) ``needle`` inside the text value at ``loc`` is written.

        The value's text is found in the file from the value's start up to the next key. Where the
        YAML spells the needle differently (an escape in a quoted string), the value's own
        position is the answer. What is found is kept: asking for every problem of a long value
        reads the value once.
        """
        start = self.position(loc)
        if not needle:
            return start
        places = self._places.get((loc, needle))
        if places is None:
            begin, end = self._span(start)
            if self._index is None:
                self._index = Index(self.text)
            places = self._places[(loc, needle)] = Occurrences(self._index, needle, begin, end)
        at = places.nth(occurrence)
        return start if at < 0 else self.line_col(at)

    def _span(self, start: Position) -> tuple[int, int]:
        """Where the text of the value starting at ``start`` can be: from there up to the next key."""
        starts = self._starts()
        begin = starts[start[0] - 1] + start[1] - 1 if 0 < start[0] <= len(starts) else 0
        if self.text.startswith(("|", ">"), begin):  # a block scalar: its text starts on the next line
            newline = self.text.find("\n", begin)
            begin = newline + 1 if newline >= 0 else begin
        if self._keys is None:
            self._keys = sorted(self.key_positions.values())
        later = bisect.bisect_right(self._keys, start)
        end = starts[self._keys[later][0] - 1] + self._keys[later][1] - 1 if later < len(self._keys) else len(self.text)
        return begin, end

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in LINE_BREAK.finditer(self.text))]
        return self._line_starts

    def line_col(self, index: int) -> Position:
        """The line and column of a character of the file's text (0-based index)."""
        starts = self._starts()
        line = bisect.bisect_right(starts, index)
        return (line, index - starts[line - 1] + 1)

    def count_before(self, loc: PathKey, text: str, needle: str, offset: int) -> int:
        """How many times ``needle`` occurs in ``text`` (the value at ``loc``) before ``offset``, as
        ``str.count`` counts; kept, like :meth:`locate`, so a long value is read once."""
        counts = self._counts.get((loc, needle))
        if counts is None:
            if loc not in self._values:
                self._values[loc] = Index(text)
            counts = self._counts[(loc, needle)] = Counts(self._values[loc], needle)
        return counts.before(offset)

    def locate_character(self, loc: PathKey, char: str, occurrence: int = 0) -> Position:
        """Where the ``occurrence``-th (0-based) ``char`` of the text value at ``loc`` is written: the
        character itself or, in a double-quoted value, the escape that writes it (``\\uFFFE``)."""
        start = self.position(loc)
        begin, end = self._span(start)
        if not self.text.startswith('"', begin):
            return self.locate(loc, char, occurrence)
        seen = 0
        at = begin + 1
        while at < end and self.text[at] != '"':
            width, written = 1, self.text[at]
            if written == "\\" and at + 1 < end:
                escape = self.text[at + 1]
                width = 2 + _HEX_ESCAPES.get(escape, 0)
                if escape in _HEX_ESCAPES:
                    digits = self.text[at + 2 : at + width]
                    code = int(digits, 16) if re.fullmatch(r"[0-9A-Fa-f]+", digits) else -1
                    written = chr(code) if 0 <= code <= 0x10FFFF else ""
                else:
                    written = _ESCAPES.get(escape, "")
            if written == char:
                if seen == occurrence:
                    return _line_col(self.text, at)
                seen += 1
            at += width
        return start


_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
"""YAML's escapes in double-quoted text, each to the character it writes."""
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
"""YAML's escapes by code point, each with its number of hexadecimal digits."""


class _Refused(Exception):
    def __init__(self, message: str, mark: Any):
        super().__init__(message)
        self.message = message
        self.mark = mark


# libyaml (C) when PyYAML has it: ten times faster than the pure-Python parser on large files.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_MAY_HAVE_SPECIALS = re.compile(r"[&*!]|^(?:---|\.\.\.)", re.M)
"""Anchors, aliases, tags and document markers all need one of these; most record files have none."""


def _check_events(text: str) -> None:
    """Refuse aliases, anchors, explicit tags, deep nesting and extra documents, before composing.

    Composing would resolve aliases silently and recurse without bound, so the event stream is
    read first.
    """
    depth = 0
    documents = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            raise _Refused("YAML aliases (*name) are not allowed: write the value out in full", event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise _Refused("YAML anchors (&name) are not allowed: write each value out in full", event.start_mark)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            message = f"YAML tags ({tag}) are not allowed: remove the tag and write a plain value"
            raise _Refused(message, event.start_mark)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused("a record file holds one YAML document: remove the '---' separator", event.start_mark)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(f"nesting deeper than {MAX_DEPTH} levels is not allowed", event.start_mark)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _pos(mark: yaml.Mark) -> Position:
    return (mark.line + 1, mark.column + 1)


def _scalar(node: yaml.ScalarNode) -> Any:
    text = node.value
    if node.style:  # quoted or block scalar: always text (plain style is None, or "" from libyaml)
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def _convert(node: yaml.Node, path: PathKey, loaded: LoadedFile) -> Any:
    if len(path) > MAX_DEPTH:
        raise _Refused(f"nesting deeper than {MAX_DEPTH} levels is not allowed", node.start_mark)
    loaded.value_positions[path] = _pos(node.start_mark)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), loaded) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused("a mapping key must be a plain name, not a list or mapping", key_node.start_mark)
            key = key_node.value
            if key == "<<" and not key_node.style:
                raise _Refused("YAML merge keys (<<) are not allowed: write each field out", key_node.start_mark)
            if key in result:
                first = loaded.key_positions[(*path, key)]
                if key == "id" and path and isinstance(path[-1], int):  # a record whose "- " was forgotten
                    raise _Refused(
                        f"a second 'id' in the record that starts at line {first[0]}: a new record starts with"
                        " '- ' (a dash and a space) before its id, e.g. '- id: second-record'",
                        key_node.start_mark,
                    )
                raise _Refused(
                    f"duplicate key '{key}' (first given at line {first[0]}): YAML would silently keep only the last",
                    key_node.start_mark,
                )
            loaded.key_positions[(*path, key)] = _pos(key_node.start_mark)
            result[key] = _convert(value_node, (*path, key), loaded)
        return result
    raise _Refused(f"unsupported YAML node {type(node).__name__}", node.start_mark)  # pragma: no cover


def _line_col(text: str, index: int) -> Position:
    before = text[:index]
    line = before.count("\n") + 1
    return (line, index - (before.rfind("\n") + 1) + 1)


def _bad_escape(path: Path, text: str, mark: yaml.Mark) -> Problem:
    """An escape of a code point that is not a character (``\\uD83D``, half of a surrogate pair), at the escape."""
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    start = line.rfind("\\", 0, mark.column + 1)
    found = re.match(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2})", line[start:]) if start >= 0 else None
    if found is None:
        return Problem(path, mark.line + 1, mark.column + 1, "an escape (\\u...) that is not a character: check it")
    escape, code = found.group(), int(found.group()[2:], 16)
    if 0xD800 <= code <= 0xDFFF:
        why = (
            "is half of a UTF-16 surrogate pair, not a character: write the character itself, or its code in one"
            " escape such as \\U0001F600"
        )
    else:
        why = "is beyond U+10FFFF, the last character: check the code"
    return Problem(path, mark.line + 1, start + 1, f"{escape} {why}")


_NOT_FILES = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def not_a_file(path: Path) -> str | None:
    """Why ``path`` (which exists) cannot be read as a record file without opening it (opening a
    named pipe would wait for a writer), or ``None`` when it is a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read the file: {exc.strerror}"
    if stat.S_ISREG(mode):
        return None
    what = _NOT_FILES.get(stat.S_IFMT(mode), "not a regular file")
    return f"is {what}, not a regular file: a record file must be a plain text file, so replace it with one"


def load_yaml(path: Path) -> tuple[LoadedFile | None, list[Problem]]:
    """Read one YAML file. Returns the loaded file, or ``None`` and the problems that stopped it.

    An empty file (or one with only comments) loads as ``None`` data; the caller decides whether
    that is allowed.
    """
    not_regular = not_a_file(path)
    if not_regular:
        return None, [Problem(path, 0, 0, not_regular)]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(path, 0, 0, f"cannot read the file: {exc.strerror}")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(path, 0, 0, f"file is larger than the limit of {MAX_FILE_BYTES:,} bytes: split it or trim it")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw[: exc.start].decode("utf-8", "replace"), exc.start)
        return None, [Problem(path, line, col, "file is not valid UTF-8 text: save it as UTF-8")]
    return load_text(path, text.removeprefix("\ufeff"))


def load_text(path: Path, text: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Read YAML text as if it were the file ``path`` (:func:`load_yaml` once the bytes are text)."""
    loaded = LoadedFile(path, None, text=text)
    try:
        if _MAY_HAVE_SPECIALS.search(
            text
        ):  # the event pass costs a third of loading: skip when it cannot find anything
            _check_events(text)
        node = yaml.compose(text, Loader=_LOADER)
        if node is not None:
            loaded.data = _convert(node, (), loaded)
    except _Refused as exc:
        line, col = _pos(exc.mark) if exc.mark else (0, 0)
        return None, [Problem(path, line, col, exc.message)]
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        return None, [Problem(path, line, col, f"character U+{exc.character:04X} is not allowed in YAML: remove it")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark else (0, 0)
        problem = exc.problem or "invalid YAML"
        lines = text.splitlines()
        if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            problem = "tabs are not allowed for indentation in YAML: indent with spaces"
        elif "maximum nesting depth" in problem:  # libyaml's own limit, met while reading ahead
            return None, [Problem(path, line, col, f"nesting deeper than {MAX_DEPTH} levels is not allowed")]
        elif "invalid Unicode character escape" in problem and mark is not None:
            return None, [_bad_escape(path, text, mark)]
        elif "control characters are not allowed" in problem or "special characters" in problem:
            problem = "a control character is not allowed in YAML: remove it"
        elif "mapping values are not allowed" in problem:  # a plain value holding ": "
            field = lines[mark.line].split(":", 1)[0].strip().lstrip("- ") if mark and mark.line < len(lines) else ""
            example = f' e.g. {field}: "..."' if field else ""
            return None, [
                Problem(
                    path, line, col,
                    "a colon followed by a space inside a value would start a new field: put the whole text in"
                    f" quotes,{example} (a quote inside it is written \\\"), or use a colon without a space after it",
                )
            ]  # fmt: skip
        return None, [Problem(path, line, col, f"YAML syntax error: {problem}")]
    except yaml.YAMLError as exc:  # libyaml reports some errors without a position
        return None, [Problem(path, 0, 0, f"YAML error: {exc}")]
    return loaded, []
