"""The kinds of value a record's fields take, with their checks: ids, text, prose and addresses.

Each is a type annotated with its checks, so a model's field says what it takes in one word
(``title: Line``, ``url: HttpUrl``), the JSON Schema carries what editors' tools can check, and the
editors' guide names them. Every check fails with words an editor can act on, said at the field's
line by :mod:`generator.validate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StrictStr

from . import characters

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_ID_LENGTH = 64
RESERVED_IDS = frozenset(
    {"index", "search", "assets", "404", "sitemap", "site", "static", "javascripts", "stylesheets", "figures"}
    | {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)
"""Ids that would collide with a page or folder the site needs, or with a Windows device name."""


def _check_id(value: str) -> str:
    if value in RESERVED_IDS:
        raise ValueError(f"'{value}' is a reserved name and cannot be an id: choose another")
    return value


RecordId = Annotated[
    StrictStr,
    Field(pattern=ID_PATTERN, min_length=1, max_length=MAX_ID_LENGTH),
    AfterValidator(_check_id),
]
"""Lower-case letters and digits in words joined by single hyphens, e.g. ``bridge-closed``."""

MAX_TITLE = 300
"""Longest title, name, publisher or question: a headline, not a paragraph."""
MAX_LINE = 1000
"""Longest other one-line text (a role, a place, where something was said)."""
MAX_TEXT = 100_000
"""Longest text or prose field: far beyond any record, and what `make bench` shows is rendered
in under a second even when built to be slow."""


class TextRefused(ValueError):
    """A character text may not hold (see :mod:`generator.characters`), with where it is."""

    def __init__(self, refused: characters.Refused):
        super().__init__(refused.message)
        self.refused = refused


def _check_text(value: str) -> str:
    refused = characters.first_refused(value)
    if refused is not None:
        raise TextRefused(refused)
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _check_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError("must be a single line: remove the line break")
    return _check_text(value)


def _normalise_text(value: str) -> str:
    # Block scalars (`|`, `>`) end with a newline that is not part of the text.
    return _check_text(value.replace("\r\n", "\n").rstrip())


Line = Annotated[StrictStr, Field(max_length=MAX_LINE), AfterValidator(_check_line)]
"""One line of plain text, shown exactly as typed."""

Title = Annotated[StrictStr, Field(max_length=MAX_TITLE), AfterValidator(_check_line)]
"""A title or a name: one line of plain text, shown exactly as typed."""

Text = Annotated[StrictStr, Field(max_length=MAX_TEXT), AfterValidator(_normalise_text)]
"""Plain text that may span several lines; a blank line starts a new paragraph. Shown as typed."""


@dataclass(frozen=True)
class ProseField:
    """Marks a text field as prose: a small, safe subset of Markdown (see :mod:`generator.prose`)."""

    block: bool
    """Whether the field may hold lists (a field of paragraphs) rather than a sentence or two."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        schema["x-prose"] = "block" if self.block else "inline"  # read by scaffold.schemas()
        return dict(schema)


MAX_INLINE_PROSE = 1000
"""Longest one-paragraph prose field (a key fact is a sentence or two)."""

PROSE_SYNTAX = (
    "Prose: *emphasis*, **strong**, `code`, links written [words](https://...), references to records"
    " written [words](kind:id) with kind one of source, actor, event, statement, question or update (e.g."
    " [the minister's statement](statement:minister-statement)), a blank line between paragraphs"
)
"""How prose is written, for the JSON Schema's descriptions and the field reference."""
PROSE_BLOCK = f"{PROSE_SYNTAX}, and lists (lines starting '- ' or '1. ')."
PROSE_INLINE = f"{PROSE_SYNTAX}; no lists; at most {MAX_INLINE_PROSE:,} characters."
PROSE_REFUSED = (
    "HTML shows as the characters typed; headings, images, block quotes, code blocks, tables,"
    " horizontal rules, <https://...> autolinks and reference-style links are refused."
)

Prose = Annotated[StrictStr, Field(max_length=MAX_TEXT), AfterValidator(_normalise_text), ProseField(block=True)]
"""Prose: paragraphs with *emphasis*, **strong**, links, references to records and lists."""

ProseInline = Annotated[
    StrictStr, Field(max_length=MAX_INLINE_PROSE), AfterValidator(_normalise_text), ProseField(block=False)
]
"""Prose of a sentence or two: *emphasis*, **strong**, links and references to records, no lists."""

HTTP_URL_PATTERN = r"^https?://[^\s\"'<>\\`]+$"


def _check_url(value: str) -> str:
    refused = characters.first_refused(value)
    if refused is not None:
        raise TextRefused(refused)
    return value


HttpUrl = Annotated[StrictStr, Field(pattern=HTTP_URL_PATTERN, max_length=2000), AfterValidator(_check_url)]
"""An absolute ``http://`` or ``https://`` address with no spaces or quotes."""

PLACEHOLDER = "\u270e"
"""Marks text that is still to be written (``✎ Replace with...``, as the starter project has it):
the live preview shows it, marked, so editors can start at once; a build refuses to publish it."""
