"""The explainer as open data: one JSON document with its JSON Schema, and a CSV per record kind.

``data/explainer.json`` holds every record as editors wrote it (dates with their precision, prose
as written, relations as the ids records name) plus what the generator derives: each record's
stable address, the timeline's order and who mentions whom. Loading it back through
:data:`OpenData` gives the same records. The CSV files hold one row per record, in a fixed column
order; a cell that a spreadsheet would run as a formula is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import typing
from typing import Any

from pydantic import BaseModel, Field, create_model

from .. import models
from ..link import Explainer
from ..registry import KINDS
from . import addresses

FOLDER = "data"
JSON_PATH = f"{FOLDER}/explainer.json"
SCHEMA_PATH = f"{FOLDER}/explainer.schema.json"
FORMAT_VERSION = 1
LIST_SEPARATOR = "; "
"""How a list of ids (or of other values) is written in one CSV cell."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these could run as a formula in a spreadsheet."""

OpenData: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "OpenData",
    __base__=models.OpenDataParts,
    **{kind.key: (list[kind.model], Field(description=kind.model.__doc__)) for kind in KINDS},  # type: ignore[name-defined]
)
"""The layout of ``data/explainer.json``; its JSON Schema is published beside it."""


def document(explainer: Explainer) -> dict[str, Any]:
    """The explainer as plain JSON data (the order of records is the site's)."""
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "incident": explainer.incident.model_dump(mode="json", exclude_none=True, exclude={"ignore"}),
    }
    for kind in KINDS:
        table = getattr(explainer, kind.key)
        data[kind.key] = [record.model_dump(mode="json", exclude_none=True) for record in table.values()]
    data["addresses"] = {record_id: addresses.url_of(record_id) for record_id in explainer.kind_of}
    data["timeline"] = [entry.record.id for entry in explainer.timeline]
    data["mentions"] = {target: list(holders) for target, holders in explainer.mentions.items()}
    return data


def schema() -> dict[str, Any]:
    """The JSON Schema of ``data/explainer.json`` (draft 2020-12)."""
    found = OpenData.model_json_schema()
    models.describe_prose(found)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "explainer.json", **found}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


# --- CSV -----------------------------------------------------------------------------------------

DATE_COLUMNS = (
    "precision", "datetime", "date", "approximate", "part_of_day", "hour", "utc_offset", "month", "year",
    "earliest", "latest", "as_reported", "basis",
)  # fmt: skip
"""A date's columns (``when.precision``...), the same for every precision: empty where it has none."""


_DATE_MODELS = set(typing.get_args(typing.get_args(models.DateInfo)[0]))


def _is_date(annotation: Any) -> bool:
    """Whether a field holds a date with its precision (required, or optional)."""
    seen = set()
    stack = [annotation]
    while stack:
        current = stack.pop()
        if current in _DATE_MODELS:
            return True
        if id(current) not in seen:
            seen.add(id(current))
            stack.extend(typing.get_args(current))
    return False


def columns(model: type[BaseModel]) -> list[str]:
    """A record kind's CSV columns, in the model's field order, then its stable address."""
    names: list[str] = []
    for name, field in model.model_fields.items():
        if _is_date(field.annotation):
            names += [f"{name}.{part}" for part in DATE_COLUMNS]
        elif field.annotation is models.Licence:
            names += [f"{name}.name", f"{name}.url"]
        else:
            names.append(name)
    return [*names, "address"]


def cell(value: Any) -> str:
    """One value as CSV text: lists joined, yes/no as true/false, formulas made inert."""
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list):
        text = LIST_SEPARATOR.join(cell(item) for item in value)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _flat(record: BaseModel) -> dict[str, Any]:
    dumped = record.model_dump(mode="json")
    flat: dict[str, Any] = {}
    for name, value in dumped.items():
        if isinstance(value, dict):
            flat.update({f"{name}.{part}": item for part, item in value.items()})
        else:
            flat[name] = value
    return flat


def table(explainer: Explainer, key: str) -> str:
    """The CSV of one record kind: RFC 4180 (CRLF, quotes where needed), UTF-8, a header row."""
    kind = next(kind for kind in KINDS if kind.key == key)
    names = columns(kind.model)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for record in getattr(explainer, key).values():
        values = {**_flat(record), "address": addresses.url_of(record.id)}
        writer.writerow([cell(values.get(name)) for name in names])
    return out.getvalue()


def files(explainer: Explainer) -> dict[str, str]:
    """Every open data file: site path -> text."""
    # The document is compact (a 5,000-event explainer's is megabytes); its schema is for reading.
    compact = json.dumps(document(explainer), ensure_ascii=False, separators=(",", ":")) + "\n"
    out = {JSON_PATH: compact, SCHEMA_PATH: _dumps(schema())}
    for kind in KINDS:
        out[f"{FOLDER}/{kind.key}.csv"] = table(explainer, kind.key)
    return out
