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
import unicodedata
from typing import Any

from pydantic import BaseModel, Field, create_model

from .. import introspect, models
from ..registry import KINDS
from ..site import Site
from ..tables import LIST_SEPARATOR, columns
from ..translate import given_fields
from .outputs import Build, Files, output

FORMAT_VERSION = 1
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these could run as a formula in a spreadsheet."""
FORMULA_SIGNS = frozenset("=+-@\u2212")
"""The signs a formula starts with (and the minus sign), once a character is read as its plain form:
spreadsheets read full-width and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫) as the signs themselves, and
skip spaces (any, the no-break and ideographic ones too) before them."""

OpenData: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "OpenData",
    __base__=models.OpenDataParts,
    **{kind.key: (list[kind.model], Field(description=kind.model.__doc__)) for kind in KINDS},  # type: ignore[name-defined]
)
"""The layout of ``data/explainer.json``; its JSON Schema is published beside it."""


def document(site: Site) -> dict[str, Any]:
    """The explainer as plain JSON data (the order of records is the site's). Every language's site
    has the same records, as written, with each translation's fields beside them."""
    explainer = site.explainer.original or site.explainer
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "incident": explainer.incident.model_dump(mode="json", exclude_none=True, exclude={"ignore"}),
    }
    for kind in KINDS:
        table = getattr(explainer, kind.key)
        data[kind.key] = [record.model_dump(mode="json", exclude_none=True) for record in table.values()]
    data["addresses"] = {record_id: site.lasting(record_id) for record_id in explainer.kind_of}
    data["timeline"] = [entry.record.id for entry in explainer.timeline]
    data["mentions"] = {target: list(holders) for target, holders in explainer.mentions.items()}
    if site.pictures:
        data["pictures"] = {
            file: {"width": p.width, "height": p.height, "webp": [s.path for s in p.webp], "jpeg": p.fallback.path}
            for file, p in sorted(site.pictures.items())
        }
    if explainer.translations:
        data["translations"] = {
            language: given_fields(translated) for language, translated in explainer.translations.items()
        }
    return data


def schema() -> dict[str, Any]:
    """The JSON Schema of ``data/explainer.json`` (draft 2020-12)."""
    found = OpenData.model_json_schema()
    introspect.describe_prose(found)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "explainer.json", **found}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


# --- CSV -----------------------------------------------------------------------------------------


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
    return "'" + text if runs_as_formula(text) else text


def runs_as_formula(text: str) -> bool:
    """Whether a spreadsheet could run ``text`` as a formula: it starts with a sign of one, as
    written, in a look-alike form or after spaces, or with a tab or a line break."""
    if text.startswith(FORMULA_STARTS):
        return True
    first = text.lstrip()[:1]
    return bool(first) and unicodedata.normalize("NFKC", first) in FORMULA_SIGNS


def _flat(record: BaseModel) -> dict[str, Any]:
    dumped = record.model_dump(mode="json")
    flat: dict[str, Any] = {}
    for name, value in dumped.items():
        if isinstance(value, dict):
            flat.update({f"{name}.{part}": item for part, item in value.items()})
        elif name == "media":  # each item by its file or address; the JSON document has the rest
            flat[name] = [item.get("file") or item.get("url") for item in value]
        else:
            flat[name] = value
    return flat


def table(site: Site, key: str) -> str:
    """The CSV of one record kind: RFC 4180 (CRLF, quotes where needed), UTF-8, a header row."""
    kind = next(kind for kind in KINDS if kind.key == key)
    names = columns(kind.model)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for record in getattr(site.explainer.original or site.explainer, key).values():  # as written
        values = {**_flat(record), "address": site.lasting(record.id)}
        writer.writerow([cell(values.get(name)) for name in names])
    return out.getvalue()


@output("opendata", writes=("data/*.json", "data/*.csv"))
def files(build: Build) -> Files:
    """Every open data file: site path -> text."""
    site = build.site
    # The document is compact (a 5,000-event explainer's is megabytes); its schema is for reading.
    compact = json.dumps(document(site), ensure_ascii=False, separators=(",", ":")) + "\n"
    out = {site.data_json: compact, site.data_schema: _dumps(schema())}
    for kind in KINDS:
        out[site.csv(kind)] = table(site, kind.key)
    return out
