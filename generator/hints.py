"""Editors' words for what pydantic found: one handler per kind of error, in a table.

A validation error names a kind (``missing``, ``string_type``...), where in the record it is and the
value found; :func:`message_for` looks the kind up in :data:`HANDLERS` and says what is wrong and how
to write it instead, in the words of someone who edits YAML, not of a type checker.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from . import characters, fields, introspect, models
from .load import PathKey


def suggest(word: str, candidates: typing.Iterable[str]) -> str:
    """A `` (did you mean 'x'?)`` suffix when a candidate is close to ``word``, else ``''``."""
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


PATTERN_HINTS = {
    "month": "a month written YYYY-MM, e.g. 2025-01",
    "language": "a language tag such as en or es-MX",
    "utc_offset": 'a UTC offset from -14:00 to +14:00, in quotes, e.g. "-06:00"',
}
"""How to write the fields whose form a pattern checks, in words."""


def annotation_at(model: type[BaseModel], loc: PathKey) -> Any:
    """The type annotation the part of a record at ``loc`` is checked against (for hints)."""
    current: Any = model
    for part in loc:
        current = introspect.unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if isinstance(part, str) and part in current.model_fields:
                current = current.model_fields[part].annotation
                continue
            return current
        if typing.get_origin(current) is list and isinstance(part, int):
            current = typing.get_args(current)[0]
        elif introspect.is_union(current) and isinstance(part, str):
            for variant in typing.get_args(current):
                variant = introspect.unwrap(variant)
                if variant in introspect.DATE_MODELS and part == introspect.precision_of(variant):
                    current = variant
                    break
    return introspect.unwrap(current)


def written_loc(model: type[BaseModel], loc: PathKey) -> PathKey:
    """``loc`` without the union tags pydantic adds (``when.month.hour`` -> ``when.hour``).

    A tag can also be the name of a field (a ``month`` date has a ``month``), so it must go before
    the position is looked up.
    """
    kept: list[str | int] = []
    for i, part in enumerate(loc):
        is_tag = isinstance(part, str) and introspect.is_union(annotation_at(model, loc[:i]))
        if not is_tag:
            kept.append(part)
    return tuple(kept)


def describe_input(value: Any) -> str:
    """A value found in a record, as an editor would name it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


def _date_fields(variant: type[BaseModel]) -> list[str]:
    """The fields a date of one precision takes besides ``precision``: its own, then the shared ones."""
    shared = ("as_reported", "basis")
    own = [name for name in variant.model_fields if name != "precision" and name not in shared]
    return own + [name for name in shared if name in variant.model_fields]


@dataclass(frozen=True)
class Found:
    """One validation error, as the handlers read it."""

    kind: str
    loc: PathKey
    value: Any
    ctx: dict[str, Any]
    text: str
    """pydantic's own message."""
    model: type[BaseModel]

    @property
    def name(self) -> str:
        """The field the error is about (its last name in ``loc``)."""
        return next((part for part in reversed(self.loc) if isinstance(part, str)), "value")

    @property
    def got(self) -> str:
        return describe_input(self.value)


Handler = Callable[[Found], str]


def _unknown_field(e: Found) -> str:
    parent = annotation_at(e.model, e.loc[:-1])
    known = getattr(parent, "model_fields", {})
    field = e.loc[-1]
    hint = suggest(str(field), known)
    if parent in introspect.DATE_MODELS:
        takes, precision = ", ".join(_date_fields(parent)), introspect.precision_of(parent)
        return f"unknown field '{field}' for a date with precision '{precision}'{hint}: it takes {takes}"
    if hint or not known:
        return f"unknown field '{field}'{hint}"
    return f"unknown field '{field}': the fields here are {', '.join(known)}"


def _pattern(e: Found) -> str:
    pattern = e.ctx.get("pattern")
    if pattern == fields.ID_PATTERN:
        return (
            f"'{e.value}' is not a valid id: use lower-case letters and digits in words joined by"
            " single hyphens, e.g. 'bridge-closed'"
        )
    if pattern == fields.HTTP_URL_PATTERN:
        return f"'{e.name}' must be an http:// or https:// address with no spaces or quotes"
    if e.name in PATTERN_HINTS:
        return f"'{e.name}' must be {PATTERN_HINTS[e.name]}, not {e.got}"
    return f"'{e.name}' has the wrong form: {e.got} does not match {pattern}"


def _date(e: Found) -> str:
    if isinstance(e.value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", e.value):
        return f"'{e.name}' is not a real day: {e.value} ({e.ctx.get('error', 'invalid date')})"
    return f"'{e.name}' must be a date written YYYY-MM-DD, not {e.got}"


def _choice(e: Found) -> str:
    choices = e.ctx.get("expected", "")
    options = [c.strip().strip("'") for c in choices.replace(" or ", ", ").split(",")]
    return f"'{e.name}' must be one of {choices}, not {e.got}{suggest(str(e.value), options)}"


def _precision(e: Found) -> str:
    hint = suggest(str(e.ctx.get("tag")), models.DATE_PRECISIONS)
    return f"'precision' must be one of {', '.join(models.DATE_PRECISIONS)}, not '{e.ctx.get('tag')}'{hint}"


def _checked(e: Found) -> str:
    said = e.text.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return f"'{e.name}' {said}" if said.startswith(("must", "contains", "is ", "has ")) else said


def _not_unicode(e: Found) -> str:
    refused = characters.first_refused(e.value) if isinstance(e.value, str) else None
    return f"'{e.name}' {refused.message}" if refused else f"'{e.name}' is not Unicode text: save the file as UTF-8"


def _kinds(*kinds: str) -> Callable[[Handler], dict[str, Handler]]:
    return lambda handler: dict.fromkeys(kinds, handler)


HANDLERS: dict[str, Handler] = {
    "missing": lambda e: f"missing required field '{e.loc[-1]}'",
    "extra_forbidden": _unknown_field,
    "string_pattern_mismatch": _pattern,
    "string_too_short": lambda e: f"'{e.name}' must not be empty",
    "string_too_long": lambda e: (
        f"'{e.name}' is too long: {len(e.value):,} characters, at most {e.ctx.get('max_length'):,}: shorten it"
    ),
    "string_unicode": _not_unicode,
    "string_type": lambda e: f"'{e.name}' must be text, not {e.got}: put it in quotes",
    **_kinds("bool_type", "bool_parsing")(lambda e: f"'{e.name}' must be true or false, not {e.got}"),
    **_kinds("int_type", "int_parsing", "int_from_float")(lambda e: f"'{e.name}' must be a whole number, not {e.got}"),
    **_kinds("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact")(_date),
    **_kinds("datetime_type", "datetime_parsing", "datetime_from_date_parsing")(
        lambda e: f"'{e.name}' must be a date and time such as 2021-03-23T09:30:00-06:00, not {e.got}"
    ),
    "literal_error": _choice,
    "union_tag_not_found": lambda e: f"'{e.name}' needs a 'precision': one of {', '.join(models.DATE_PRECISIONS)}",
    "union_tag_invalid": _precision,
    **_kinds("model_type", "model_attributes_type", "dict_type")(
        lambda e: f"'{e.name}' must be a mapping of fields (key: value), not {e.got}"
    ),
    "list_type": lambda e: f"'{e.name}' must be a list, not {e.got}",
    "too_short": lambda e: f"'{e.name}' needs at least {e.ctx.get('min_length', 1)} item(s)",
    **_kinds("greater_than_equal", "less_than_equal")(lambda e: f"'{e.name}' is out of range: {e.text.lower()}"),
    **_kinds("value_error", "assertion_error")(_checked),
}
"""pydantic's error kind -> the editors' message for it."""
AT_KEY = frozenset({"extra_forbidden"})
"""Kinds whose problem is the key itself (an unknown field): the position points at the key."""


def message_for(error: Any, model: type[BaseModel]) -> tuple[str, bool]:
    """An editor-friendly message for one pydantic error; the flag says "point at the key"."""
    found = Found(error["type"], error["loc"], error.get("input"), error.get("ctx") or {}, str(error["msg"]), model)
    handler = HANDLERS.get(found.kind)
    if handler is None:
        return f"'{found.name}': {found.text}", False
    return handler(found), found.kind in AT_KEY
