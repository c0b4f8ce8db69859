"""The kinds of value a record's fields take, with their bounds: ids, text, prose, addresses and days.

Each is a type annotated with its checks, so a model's field says what it takes in one word
(``title: Title``, ``date: Day``), the JSON Schema carries the bounds editors' tools can check,
and the editors' guide names them. Every check fails with words an editor can act on, said at the
field's line by :mod:`generator.validate`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StrictInt, StrictStr
from pydantic_core import PydanticCustomError

from . import characters, urls

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
    urls.check(value)
    return value


HttpUrl = Annotated[StrictStr, Field(pattern=HTTP_URL_PATTERN, max_length=2000), AfterValidator(_check_url)]
"""An absolute ``http://`` or ``https://`` address with no spaces or quotes, and no user name or
password: it goes to the host it shows (see :mod:`generator.urls`)."""

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
MediaPath = Annotated[
    StrictStr,
    Field(pattern=r"^media/(?:[A-Za-z0-9_][A-Za-z0-9._-]*/)*[A-Za-z0-9_][A-Za-z0-9._-]*\.(?:jpg|jpeg|png|webp|gif)$",
          max_length=300),
]  # fmt: skip
"""A picture's path in the content folder, under ``media/`` (``media/port-closed.jpg``): letters,
digits, ``.``, ``_`` and ``-``, no folder or file that starts with a dot, a picture's suffix."""

PLACEHOLDER = "\u270e"
"""Marks text that is still to be written (``✎ Replace with...``, as the starter project has it):
the live preview shows it, marked, so editors can start at once; a build refuses to publish it."""


# --- Days -----------------------------------------------------------------------------------

FIRST_YEAR = 1000
LAST_YEAR = 2999
"""The years a date may fall in: room for history and for what is planned, and what every output
draws and writes (the timeline's padding and ticks, Babel, JSON-LD). A year outside is almost
always a typo (0025 for 2025), caught at its line with a "did you mean"."""
FIRST_STAMP = dt.date(1980, 1, 1)
LAST_STAMP = dt.date(2105, 12, 31)
"""The days ``as_of`` and ``first_published`` may be: a build dates its files with ``as_of``
(``SOURCE_DATE_EPOCH``), which gzip's header (MkDocs' sitemap.xml.gz) holds as 32-bit seconds
from 1970, to 2106-02-07, and ZIP archives from 1980 on; no site was published before."""
MAX_UTC_OFFSET = dt.timedelta(hours=14)
"""The furthest a clock is from UTC (UTC+14:00 in Kiribati); a larger offset is a typo."""


def _likely_year(written: str) -> str:
    """`` (did you mean 2025?)`` for a year outside the range that one wrong first digit explains."""
    if not written.isdigit():
        return ""
    year = int(written)
    if len(written) == 4 and year < FIRST_YEAR:
        options = [d + written[1:] for d in "12" if 1900 <= int(d + written[1:]) <= 2099]
    elif len(written) == 4 and year > LAST_YEAR:
        options = [d + written[1:] for d in "2" if 2000 <= int(d + written[1:]) <= 2099]
    elif len(written) < 4:  # a digit short: 999 for 1999
        options = [d + written.zfill(3) for d in "12" if 1900 <= int(d + written.zfill(3)) <= 2099]
    else:
        options = []
    return f" (did you mean {options[0]}?)" if len(options) == 1 else ""


def _check_year(written: str) -> None:
    if not FIRST_YEAR <= int(written) <= LAST_YEAR:
        raise ValueError(
            f"is out of range: the year {written} is not between {FIRST_YEAR} and {LAST_YEAR}{_likely_year(written)}"
        )


def _check_day(value: dt.date) -> dt.date:
    _check_year(f"{value.year:04d}")
    return value


def _check_moment(value: dt.datetime) -> dt.datetime:
    _check_year(f"{value.year:04d}")
    offset = value.utcoffset()
    if offset is not None and abs(offset) > MAX_UTC_OFFSET:
        minutes = int(abs(offset).total_seconds()) // 60
        shown = f"{'-' if offset < dt.timedelta() else '+'}{minutes // 60:02d}:{minutes % 60:02d}"
        raise ValueError(f"is out of range: the UTC offset {shown} is not between -14:00 and +14:00")
    return value


def _check_month(value: str) -> str:
    _check_year(value[:4])
    return value


def _check_year_number(value: int) -> int:
    _check_year(str(value))
    return value


def _check_stamp(value: dt.date) -> dt.date:
    if not FIRST_STAMP <= value <= LAST_STAMP:
        raise ValueError(
            f"is out of range: {value} is not between {FIRST_STAMP} and {LAST_STAMP} (a site's files cannot be"
            " dated outside these days)"
        )
    return value


_A_NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")


def _not_a_number(kind: str) -> BeforeValidator:
    """Refuses a number, or text that is only one, before pydantic reads it as seconds since 1970."""

    def check(value: Any) -> Any:
        if isinstance(value, (int, float)) or isinstance(value, str) and _A_NUMBER.fullmatch(value):
            raise PydanticCustomError(kind, "a number is never read as a date")
        return value

    return BeforeValidator(check)


Day = Annotated[dt.date, _not_a_number("date_type"), AfterValidator(_check_day)]
"""A calendar day, written ``YYYY-MM-DD``, in the years :data:`FIRST_YEAR` to :data:`LAST_YEAR`."""
Moment = Annotated[dt.datetime, _not_a_number("datetime_type"), AfterValidator(_check_moment)]
"""A date and time, written ``YYYY-MM-DDTHH:MM:SS+HH:MM``, in the years allowed, at a real offset."""
StampDay = Annotated[dt.date, _not_a_number("date_type"), AfterValidator(_check_stamp)]
"""A day a site's files can be dated with: :data:`FIRST_STAMP` to :data:`LAST_STAMP`."""

Month = Annotated[StrictStr, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$"), AfterValidator(_check_month)]
"""A month, written ``YYYY-MM``, in the years allowed."""
Year = Annotated[
    StrictInt,
    Field(json_schema_extra={"minimum": FIRST_YEAR, "maximum": LAST_YEAR}),
    AfterValidator(_check_year_number),
]
"""A year, in the years allowed."""
