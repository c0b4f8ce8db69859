"""The characters a record's text refuses, and why, in editors' words.

Text reaches HTML pages, an Atom feed (XML 1.0), JSON, CSV and chart labels. Refused wherever
they are written (raw or as a YAML escape), in every text field and address:

- control characters (C0 and C1, DEL) other than tab and line feed: XML cannot carry most of them;
- surrogates: halves of a UTF-16 pair, never characters on their own;
- noncharacters (U+FDD0 to U+FDEF, and the last two code points of every plane, U+FFFE, U+FFFF,
  U+1FFFE... U+10FFFF): Unicode keeps them out of interchanged text, and XML out of documents;
- bidirectional controls (embeddings, overrides, isolates and the marks U+200E, U+200F, U+061C):
  they make text read in another order than it is written (``exe.gnp`` shown as ``png.exe``);
- the line and paragraph separators U+2028 and U+2029, which some readers break lines at and
  others do not (and which end a line in JavaScript);
- every other format character (Unicode category Cf: invisible, such as the zero-width space, word
  joiner, soft hyphen, byte-order mark, invisible mathematical operators, interlinear annotation,
  tag characters, the deprecated format characters and the format controls of hieroglyphs,
  shorthand and music) except those in :data:`KEPT_FORMAT`, and the Hangul fillers U+3164 and
  U+FFA0, letters that show as nothing. None of them has a use in a news record, and each can
  hide inside a word or a name (two names that look the same, a search that misses one).

Kept on purpose (:data:`KEPT_FORMAT`): the zero-width joiner U+200D, which joins emoji into one
(👩‍💻, 🏳️‍🌈) and is part of Indic and Arabic writing; the zero-width non-joiner U+200C, which
Persian, Kurdish and several Indic scripts need in ordinary words (``می‌خواهم``); the Mongolian
vowel separator, part of Mongolian spelling; and the prepended concatenation marks (the Arabic
number sign U+0600 and the like), which are visible signs over the digits that follow them.
A joiner or non-joiner is kept only between two characters outside ASCII: between Latin letters,
digits or at an edge it has no use, and it only makes ``Example`` two different names.

The table is written out here rather than read from :mod:`unicodedata`, so every Python reads
text alike; a test fails when the running Python knows a Cf character that is neither refused nor
kept here, so a later Unicode's new ones are decided on, one by one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

JOINERS = frozenset({0x200C, 0x200D})
"""The zero-width non-joiner and joiner: kept only between two characters outside ASCII."""

KEPT_FORMAT = frozenset(
    {*JOINERS, 0x180E, *range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD}
)
"""Format characters (Unicode category Cf) that text keeps: see the module's docstring."""

BIDI_CONTROLS = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})
SEPARATORS = frozenset({0x2028, 0x2029})
FILLERS = frozenset({0x3164, 0xFFA0})
"""Hangul filler letters, which show as nothing (a name made of one looks empty)."""

_FORMAT_RANGES = (
    (0x00AD, 0x00AD), (0x061C, 0x061C), (0x0600, 0x0605), (0x06DD, 0x06DD), (0x070F, 0x070F),
    (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE007F),
)  # fmt: skip
"""Unicode's format characters (category Cf, as of Unicode 15.1), by range; the tag block whole."""


def _range_class(ranges: list[tuple[int, int]]) -> str:
    return "".join(f"\\U{first:08x}" + (f"-\\U{last:08x}" if last > first else "") for first, last in ranges)


def _suspects() -> re.Pattern[str]:
    """Every character :func:`why_refused` may refuse, as one character class (for a fast search)."""
    ranges = [(0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0xD800, 0xDFFF), (0xFDD0, 0xFDEF)]
    ranges += [(plane << 16 | 0xFFFE, plane << 16 | 0xFFFF) for plane in range(17)]
    ranges += [(code, code) for code in (*BIDI_CONTROLS, *SEPARATORS, *FILLERS)]
    ranges += [(first, last) for first, last in _FORMAT_RANGES]
    kept = KEPT_FORMAT - JOINERS
    codes = sorted({code for first, last in ranges for code in range(first, last + 1)} - kept)
    merged: list[tuple[int, int]] = []
    for code in codes:
        if merged and merged[-1][1] == code - 1:
            merged[-1] = (merged[-1][0], code)
        else:
            merged.append((code, code))
    return re.compile(f"[{_range_class(merged)}]")


_SUSPECTS = _suspects()


def why_refused(char: str, before: str = "", after: str = "") -> str | None:
    """Why text may not hold ``char`` between ``before`` and ``after`` (``''`` at an edge), in
    editors' words; ``None`` when it may."""
    code = ord(char)
    if code < 0x20 and char not in "\t\n" or 0x7F <= code <= 0x9F:
        return "a control character"
    if 0xD800 <= code <= 0xDFFF:
        return "half of a UTF-16 surrogate pair, not a character"
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return "a noncharacter, never part of text"
    if code in BIDI_CONTROLS:
        return "a bidirectional control: it can make text read in another order than it is written"
    if code in SEPARATORS:
        return "a line break some readers see and others do not; start a new line instead"
    if code in JOINERS:
        if before > "\x7f" and after > "\x7f" and not before.isspace() and not after.isspace():
            return None
        return "a joiner, kept only between emoji or the letters of a script that needs it"
    if code in FILLERS:
        return "an invisible filler"
    if code not in KEPT_FORMAT and any(first <= code <= last for first, last in _FORMAT_RANGES):
        return "an invisible formatting character"
    return None


@dataclass(frozen=True)
class Refused:
    """The first character a text refuses: which, where and why."""

    char: str
    index: int
    """Where it is in the text (0-based)."""
    occurrence: int
    """How many of the same character come before it in the text (to find it in the file)."""
    why: str

    @property
    def message(self) -> str:
        code = ord(self.char)
        try:
            name = " " + unicodedata.name(self.char)
        except ValueError:  # controls, surrogates and noncharacters have no name
            name = ""
        return f"contains U+{code:04X}{name} ({self.why}) at character {self.index + 1}: remove it"


def first_refused(text: str) -> Refused | None:
    """The first character of ``text`` it may not hold, or ``None``."""
    for found in _SUSPECTS.finditer(text):
        at = found.start()
        char = found.group()
        why = why_refused(char, text[at - 1] if at else "", text[at + 1 : at + 2])
        if why is not None:
            return Refused(char, at, text.count(char, 0, at), why)
    return None
