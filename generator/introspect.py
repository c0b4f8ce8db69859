"""Reading the records' models: the one place that unwraps ``Annotated``, optional and union types.

Validation (to point at a field and word a hint), the editors' guide (to describe each field) and
the open data (to lay out a date's columns) read the models' annotations through these helpers.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from . import fields, models

DATE_MODELS: tuple[type[BaseModel], ...] = typing.get_args(typing.get_args(models.DateInfo)[0])
"""The date models, one per precision."""


def is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def peel(annotation: Any) -> tuple[Any, list[Any]]:
    """An annotation without its ``Annotated`` layers, and the metadata they carried."""
    metadata: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *more = typing.get_args(annotation)
        metadata += more
    return annotation, metadata


def unwrap(annotation: Any) -> Any:
    """The type a field holds: without ``Annotated`` layers, and ``X | None`` read as ``X``."""
    annotation, _ = peel(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if is_union(annotation) and len(args) == 1:
        return unwrap(args[0])
    return annotation


def walk(annotation: Any) -> Iterator[Any]:
    """Every type an annotation names, at any depth (lists, unions, ``Annotated``), each once."""
    seen: set[int] = set()
    stack = [annotation]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(typing.get_args(current))


def mentions(annotation: Any, wanted: tuple[Any, ...]) -> bool:
    """Whether an annotation names any of ``wanted`` at any depth."""
    return any(current in wanted for current in walk(annotation))


def precision_of(date_model: type[BaseModel]) -> str:
    """The ``precision`` tag of one of the date models."""
    return str(typing.get_args(date_model.model_fields["precision"].annotation)[0])


# --- Prose fields --------------------------------------------------------------------------------


@functools.cache
def prose_fields(model: type[BaseModel]) -> dict[str, fields.ProseField | type[BaseModel]]:
    """A model's prose fields, and the fields holding models (or lists of them) that may have some."""
    found: dict[str, fields.ProseField | type[BaseModel]] = {}
    for name, info in model.model_fields.items():
        marker = next((m for m in info.metadata if isinstance(m, fields.ProseField)), None)
        annotation = info.annotation
        for arg in (annotation, *typing.get_args(annotation)):
            if typing.get_origin(arg) is typing.Annotated:
                marker = marker or next((m for m in typing.get_args(arg)[1:] if isinstance(m, fields.ProseField)), None)
            elif typing.get_origin(arg) is list:
                item = typing.get_args(arg)[0]
                if isinstance(item, type) and issubclass(item, BaseModel) and prose_fields(item):
                    found[name] = item
        if marker is not None:
            found[name] = marker
    return found


def prose_values(record: BaseModel) -> Iterator[tuple[tuple[str | int, ...], str, bool]]:
    """Every prose value of a record: (where in the record, the text, whether it is a block field)."""
    for name, marker in prose_fields(type(record)).items():
        value = getattr(record, name)
        if isinstance(marker, fields.ProseField):
            if value is not None:
                yield (name,), value, marker.block
        else:
            for index, item in enumerate(value):
                for loc, text, block in prose_values(item):
                    yield (name, index, *loc), text, block


def describe_prose(schema: Any) -> None:
    """Say in each prose field's description how prose is written (the models mark them ``x-prose``)."""
    if isinstance(schema, list):
        for item in schema:
            describe_prose(item)
    elif isinstance(schema, dict):
        for field in schema.get("properties", {}).values():
            variants = [field, *field.get("anyOf", [])]
            kinds = {variant.pop("x-prose") for variant in variants if "x-prose" in variant}
            if kinds:
                syntax = fields.PROSE_BLOCK if "block" in kinds else fields.PROSE_INLINE
                field["description"] = f"{field.get('description', '')} {syntax} {fields.PROSE_REFUSED}".strip()
        for value in schema.values():
            if isinstance(value, (dict, list)):
                describe_prose(value)
