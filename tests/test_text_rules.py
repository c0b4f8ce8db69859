"""What a text field takes: which characters (the ones that break a feed, reorder what a reader
sees or hide in a word are refused wherever they are written) and how much text (a bound per kind
of field, said with the limit)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from generator import characters, fields, load
from tests.test_content_errors import problems_of

LINE = TypeAdapter(fields.Line)
TEXT = TypeAdapter(fields.Text)
PROSE = TypeAdapter(fields.Prose)
URL = TypeAdapter(fields.HttpUrl)

REFUSED = [
    ("\x00", "a control character"),
    ("\x08", "a control character"),
    ("\x0b", "a control character"),
    ("\x1b", "a control character"),
    ("\x7f", "a control character"),
    ("\x85", "a control character"),
    ("\x9f", "a control character"),
    ("\ud800", "surrogate"),
    ("\udfff", "surrogate"),
    ("\ufdd0", "noncharacter"),
    ("\ufdef", "noncharacter"),
    ("\ufffe", "noncharacter"),
    ("\uffff", "noncharacter"),
    ("\U0001fffe", "noncharacter"),
    ("\U0001ffff", "noncharacter"),
    ("\U0008fffe", "noncharacter"),
    ("\U0010ffff", "noncharacter"),
    ("\u202a", "bidirectional"),
    ("\u202e", "bidirectional"),
    ("\u2066", "bidirectional"),
    ("\u2069", "bidirectional"),
    ("\u200e", "bidirectional"),
    ("\u200f", "bidirectional"),
    ("\u061c", "bidirectional"),
    ("\u2028", "start a new line instead"),
    ("\u2029", "start a new line instead"),
    ("\u200b", "invisible"),
    ("\u2060", "invisible"),
    ("\u2061", "invisible"),
    ("\u2064", "invisible"),
    ("\u206a", "invisible"),
    ("\ufeff", "invisible"),
    ("\u00ad", "invisible"),
    ("\ufff9", "invisible"),
    ("\ufffb", "invisible"),
    ("\U000e0001", "invisible"),
    ("\U000e0041", "invisible"),
    ("\U000e007f", "invisible"),
    ("\U0001d173", "invisible"),
    ("\U00013430", "invisible"),
    ("\u3164", "invisible"),
    ("\uffa0", "invisible"),
]
"""Refused characters, each with a word of why, in the message."""

KEPT = [
    "plain text, tab\tand all",
    "Zoë, Łódź, Ærø, São Paulo, 東京, Αθήνα, Москва",
    "👩\u200d👩\u200d👧 and 🏳\ufe0f\u200d🌈 (emoji sequences joined by U+200D)",
    "می\u200cخواهم (Persian needs the zero-width non-joiner U+200C)",
    "क्\u200dष (Devanagari: a joiner after a virama)",
    "\u0600\u0661\u0662 (the Arabic number sign, shown over the digits)",
    "ᠨᠠ\u180eᠠ (Mongolian vowel separator)",
    "\ufffd replacement character, \ue000 private use, \U0001f600",
    "\u00a0 no-break space and \u3000 ideographic space",
]


@pytest.mark.parametrize(("char", "why"), REFUSED, ids=[f"U+{ord(c):04X}" for c, _ in REFUSED])
def test_each_refused_character_is_refused_in_every_kind_of_text_field(char: str, why: str) -> None:
    text = f"Some é{char}é words"
    refused = characters.first_refused(text)
    assert refused is not None
    assert f"U+{ord(char):04X}" in refused.message and "at character 7" in refused.message, refused.message
    assert why in refused.message, refused.message
    for adapter in (LINE, TEXT, PROSE):
        with pytest.raises(ValidationError):  # a surrogate already fails as text that is not Unicode
            adapter.validate_python(text)
    with pytest.raises(ValidationError):
        URL.validate_python(f"https://example.org/{char}x")


@pytest.mark.parametrize("text", KEPT)
def test_text_that_needs_its_joiners_and_marks_is_kept(text: str) -> None:
    assert LINE.validate_python(text) == text
    assert PROSE.validate_python(text) == text


@pytest.mark.parametrize(
    "text", ["Ex\u200dample", "Ex\u200cample", "\u200dExample", "Example\u200c", "é\u200d ", "1\u200d2"]
)
def test_joiners_between_latin_letters_or_at_an_edge_are_refused(text: str) -> None:
    """A joiner has no use between ASCII letters: there it only hides inside a name or a word."""
    with pytest.raises(ValidationError, match="joiner"):
        LINE.validate_python(text)


def test_every_format_character_of_this_python_is_refused_or_kept_on_purpose() -> None:
    """Unicode's format characters (category Cf) are invisible; each is refused unless the kept
    list says why text needs it. A newer Unicode's new ones are refused until someone decides."""
    undecided = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if unicodedata.category(chr(code)) == "Cf"
        and code not in characters.KEPT_FORMAT
        and characters.first_refused(f"é{chr(code)}é") is None
    ]
    assert undecided == []
    for code in characters.KEPT_FORMAT:
        assert characters.first_refused(f"é{chr(code)}é") is None, f"U+{code:04X}"


def test_noncharacters_are_refused_in_every_plane() -> None:
    for plane in range(17):
        for low in (0xFFFE, 0xFFFF):
            assert characters.first_refused(f"a{chr(plane << 16 | low)}b"), f"plane {plane}"
    assert all(characters.first_refused(f"a{chr(code)}b") for code in range(0xFDD0, 0xFDF0))
    assert characters.first_refused("a\ufdcfb") is None and characters.first_refused("a\ufdf0b") is None


def _set(content: Path, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_characters_written_as_they_are_are_reported_where_they_stand(fixture_copy: Path) -> None:
    """Raw in the file (YAML lets these through unescaped), each is found at its own column."""
    _set(fixture_copy, "sources.yml", "title: Ministry post about", "title: Ministry post\ufdd0 about")
    _set(fixture_copy, "actors.yml", "name: Example Council", "name: Example\u200e Council")
    _set(fixture_copy, "events.yml", "location: Example river", "location: Example \U0001fffe river")
    _set(fixture_copy, "statements.yml", "on social media", "on social\u00ad media")
    assert problems_of(fixture_copy) == [
        "actors.yml:6:16: 'name' contains U+200E LEFT-TO-RIGHT MARK (a bidirectional control: it can make text"
        " read in another order than it is written) at character 8: remove it",
        "events.yml:8:21: 'location' contains U+1FFFE (a noncharacter, never part of text) at character 9: remove it",
        "sources.yml:10:23: 'title' contains U+FDD0 (a noncharacter, never part of text) at character 14: remove it",
        "statements.yml:20:20: 'medium' contains U+00AD SOFT HYPHEN (an invisible formatting character) at"
        " character 10: remove it",
    ]


def test_the_second_of_two_characters_is_found_where_it_is_written(fixture_copy: Path) -> None:
    """The message says which one: the first of the value is reported, at its own escape."""
    _set(fixture_copy, "events.yml", "title: The bridge is closed", 'title: "The \\u00adbridge\\u200B is closed"')
    assert problems_of(fixture_copy) == [
        "events.yml:2:15: 'title' contains U+00AD SOFT HYPHEN (an invisible formatting character) at character 5:"
        " remove it"
    ]
    _set(fixture_copy, "events.yml", 'title: "The \\u00adbridge\\u200B is closed"', 'title: "The \\\\u00ad\\u200B"')
    assert problems_of(fixture_copy) == [  # an escaped backslash is no escape: the \u200B after it is
        "events.yml:2:22: 'title' contains U+200B ZERO WIDTH SPACE (an invisible formatting character) at"
        " character 11: remove it"
    ]


LIMITS = [
    ("events.yml", "title: The bridge is closed", "title", fields.MAX_TITLE, "events.yml:2:10"),
    ("actors.yml", "name: Exampleland", "name", fields.MAX_TITLE, "actors.yml:2:9"),
    ("sources.yml", "publisher: Example Council", "publisher", fields.MAX_TITLE, "sources.yml:3:14"),
    ("questions.yml", "question: When will the bridge reopen?", "question", fields.MAX_TITLE, "questions.yml:2:13"),
    ("actors.yml", "role: Council spokesperson", "role", fields.MAX_LINE, "actors.yml:13:9"),
    ("events.yml", "location: Example river", "location", fields.MAX_LINE, "events.yml:8:13"),
    (
        "statements.yml",
        "text: The ministry described the closure as a precaution.",
        "text",
        fields.MAX_TEXT,
        "statements.yml:19:9",
    ),
    (
        "events.yml",
        "summary: The inspection ended some time that month.",
        "summary",
        fields.MAX_TEXT,
        "events.yml:12:12",
    ),
    ("incident.yml", "method: Made up for the tests.", "method", fields.MAX_TEXT, "incident.yml:13:9"),
]


@pytest.mark.parametrize(("file", "old", "field", "limit", "at"), LIMITS, ids=[f"{f}-{n}" for f, _, n, _, _ in LIMITS])
def test_every_kind_of_text_field_has_a_bound_said_with_its_limit(
    fixture_copy: Path, file: str, old: str, field: str, limit: int, at: str
) -> None:
    key, value = old.split(": ", 1)
    at_limit = (value + " " + "x" * limit)[:limit]
    _set(fixture_copy, file, old, f"{key}: {at_limit}")
    assert problems_of(fixture_copy) == []
    _set(fixture_copy, file, f"{key}: {at_limit}", f"{key}: {at_limit}y")
    assert problems_of(fixture_copy) == [
        f"{at}: '{field}' is too long: {limit + 1:,} characters, at most {limit:,}: shorten it"
    ]


def test_a_megabyte_title_is_refused_with_its_length(fixture_copy: Path) -> None:
    _set(fixture_copy, "events.yml", "title: The bridge is closed", "title: " + "x" * 1_000_000)
    assert problems_of(fixture_copy) == [
        f"events.yml:2:10: 'title' is too long: 1,000,000 characters, at most {fields.MAX_TITLE:,}: shorten it"
    ]


def test_the_editors_guide_says_the_bounds_the_fields_have() -> None:
    guide = (Path(fields.__file__).parent / "starter" / "GUIDE.md").read_text(encoding="utf-8")
    prose = guide.split("**What text may hold.**", 1)[1].split("\n\n", 1)[0]
    said = [int(n.replace(",", "")) for n in re.findall(r"\b\d[\d,]*\d\b", prose)]
    assert said == [fields.MAX_TITLE, fields.MAX_LINE, fields.MAX_TEXT]
    assert fields.MAX_TEXT <= 100_000, "`make bench` shows a 100 KB prose field renders in under a second"


def test_without_libyaml_a_lone_surrogate_is_refused_by_the_models_at_its_escape(
    fixture_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libyaml refuses ``\\uD83D`` as it reads the file (tests/cases/errors/surrogate-escape.yml);
    PyYAML's own reader decodes it, and the models refuse it."""
    monkeypatch.setattr(load, "_LOADER", yaml.SafeLoader)
    _set(fixture_copy, "questions.yml", "question: When will the", 'question: "When will \\uD83D the')
    _set(fixture_copy, "questions.yml", "bridge reopen?\n", 'bridge reopen?"\n')
    assert problems_of(fixture_copy) == [
        "questions.yml:2:24: 'question' contains U+D83D (half of a UTF-16 surrogate pair, not a character) at"
        " character 11: remove it"
    ]


def test_a_line_break_yaml_counts_that_python_splitting_on_newline_does_not_is_counted_too(
    fixture_copy: Path,
) -> None:
    """YAML ends a line at NEL, LS and PS as at a newline, so its marks count them: the file's lines
    are counted the same way, and a refused link after one is found on the line YAML gives."""
    old = "summary: The inspection ended some time that month."
    _set(fixture_copy, "events.yml", old, "summary: 'The inspection\x85[words](ftp://q) ended.'")
    assert problems_of(fixture_copy) == [  # a next-line character (NEL) ends line 12 for YAML
        "events.yml:13:7: 'summary': a link must go to an http(s) address or a record (kind:id), not 'ftp://q'"
    ]
