"""The open data's table layout: each record kind's CSV columns, said once.

The Data page lists the columns and :mod:`generator.render.opendata` writes them; both read them here.
"""

from __future__ import annotations

from pydantic import BaseModel

from . import introspect, models

DATE_COLUMNS = (
    "precision", "datetime", "date", "approximate", "part_of_day", "hour", "utc_offset", "month", "year",
    "earliest", "latest", "as_reported", "basis",
)  # fmt: skip
"""A date's columns (``when.precision``...), the same for every precision: empty where it has none."""
LIST_SEPARATOR = "; "
"""How a list of ids (or of other values) is written in one CSV cell."""


def columns(model: type[BaseModel]) -> list[str]:
    """A record kind's CSV columns, in the model's field order, then its lasting address."""
    names: list[str] = []
    for name, field in model.model_fields.items():
        if introspect.mentions(field.annotation, introspect.DATE_MODELS):
            names += [f"{name}.{part}" for part in DATE_COLUMNS]
        elif field.annotation is models.Licence:
            names += [f"{name}.name", f"{name}.url"]
        else:
            names.append(name)
    return [*names, "address"]
