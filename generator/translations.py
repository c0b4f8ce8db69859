"""Translations: one explainer published in more languages than the one it is written in.

``incident.yml`` names them (``translations: [es, fr]``). ``content/<language>/`` holds, in files
named as the record files, the translated fields of each record, given by its ``id``. Ids, dates,
references and sources are written once, in the original: a translation file holds words only, so
the versions cannot drift apart. A verbatim statement's ``text`` is the speaker's own words and is
never translated in place: its translation is given in ``translation:``.

A field not yet translated is not an error: the translated site shows the original words, marked
with their language (see :class:`Translated`).
"""

from __future__ import annotations

import functools
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field, create_model

from . import fields, introspect, models, prose
from .errors import Problem
from .hints import describe_input, suggest
from .load import LoadedFile
from .registry import BY_KEY, KINDS
from .validate import (
    INCIDENT_FILE,
    TRANSLATION_TRACKING,
    Origin,
    ValidatedContent,
    read_record_file,
    validate_record,
)

INCIDENT_FIELDS = ("title", "summary", "key_facts", "method", "corrections")
"""The fields of incident.yml a translation gives (the rest is written once)."""

QUOTE = "translation"
"""The field of a translated verbatim statement that holds the explainer's translation of the words."""

SAME_UNLESS_GIVEN = frozenset({(models.Actor, "name")})
"""Fields that read the same in every language unless a translation gives them (a name is
translated only where it differs): left out, they are not counted as still to translate."""

INCIDENT = "incident"
"""The key of incident.yml's fields among a translation's records."""

TRACKING_FILE = TRANSLATION_TRACKING
"""In ``content/<language>/``: for each translated field, a fingerprint of the original's words it
was translated from, written by ``explainer translations --update``; a field whose original has
changed since is reported as older than the original."""


class KeyFactTranslation(models.Model):
    """One key fact, translated: its words only (its sources are the original's)."""

    text: fields.ProseInline
    """The fact, in the translation's language."""


def translatable(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a record kind (or of incident.yml) that a translation gives."""
    if model is models.Incident:
        return INCIDENT_FIELDS
    return next(kind.translatable for kind in KINDS if kind.model is model)


@functools.cache
def translation_model(model: type[BaseModel]) -> type[BaseModel]:
    """The model of one record of ``model``'s kind in a translation file: its id (incident.yml has
    none) and each translatable field, every one optional (what is left out is not yet translated)."""
    given: dict[str, Any] = {}
    if model is not models.Incident:
        given["id"] = (fields.RecordId, Field(description="Id of the record this translates."))
    for name in translatable(model):
        info = model.model_fields[name]
        annotation: Any = info.annotation
        if name == "key_facts":
            annotation = list[KeyFactTranslation | None]
        elif info.metadata:
            annotation = Annotated[(annotation, *info.metadata)]
        given[name] = (annotation | None, Field(default=None, description=info.description))
    if model is models.Statement:
        given[QUOTE] = (
            fields.Text | None,
            Field(default=None, description="For a verbatim statement: its words in the translation's language."),
        )
    name = f"{model.__name__}Translation"
    return typing.cast(type[BaseModel], create_model(name, __base__=models.Model, **given))


@dataclass
class Translation:
    """One language's translated fields, as the editors wrote them."""

    language: str
    folder: Path
    records: dict[str, dict[str, tuple[BaseModel, Origin]]] = field(default_factory=dict)
    """Kind key (``incident`` for incident.yml) -> record id -> its translated fields and where they
    were written (incident.yml's fields under the id ``incident``)."""
    recorded: dict[tuple[str, str], str] = field(default_factory=dict)
    """(record id, field) -> the fingerprint of the original's words it was translated from, as
    :data:`TRACKING_FILE` says (fields it does not name are not tracked yet)."""

    def given(self, kind: str, record_id: str) -> BaseModel | None:
        found = self.records.get(kind, {}).get(record_id)
        return found[0] if found else None


# --- Reading -------------------------------------------------------------------------------------


def languages(content: ValidatedContent) -> list[str]:
    """The languages incident.yml says the explainer is translated into."""
    return list(content.incident.translations or [])


def load(content: ValidatedContent, language: str, drafts: bool = False) -> tuple[Translation, list[Problem]]:
    """Read and check ``content/<language>/``: every problem found, at its file, line and column.

    A missing folder or file is no problem (nothing of it is translated yet).
    """
    folder = content.root / language
    translation = Translation(language, folder)
    problems: list[Problem] = []
    for key, name in ((INCIDENT, INCIDENT_FILE), *((kind.key, kind.file) for kind in KINDS)):
        path = folder / name
        if path.is_symlink():
            problems.append(Problem(path, 0, 0, "record files must not be symbolic links"))
            continue
        loaded = read_record_file(path, problems, drafts)
        if loaded is None:
            continue
        translation.records[key] = {}
        if key == INCIDENT:
            _read_incident(content, loaded, translation, problems)
        else:
            _read_records(content, key, loaded, translation, problems)
    _read_tracking(folder / TRACKING_FILE, translation, problems)
    return translation, problems


def _read_tracking(path: Path, translation: Translation, problems: list[Problem]) -> None:
    """The fingerprints :data:`TRACKING_FILE` records: ``file: {record id: {field: fingerprint}}``."""
    if path.is_symlink():
        problems.append(Problem(path, 0, 0, "record files must not be symbolic links"))
        return
    loaded = read_record_file(path, problems, drafts=True)
    if loaded is None:
        return
    data = loaded.data
    shape = isinstance(data, dict) and all(
        isinstance(records, dict)
        and all(
            isinstance(fields_, dict) and all(isinstance(v, str) for v in fields_.values())
            for fields_ in records.values()
        )
        for records in data.values()
    )
    if not shape:
        problems.append(
            Problem(
                path, 1, 1, f"{TRACKING_FILE} is written by explainer translations --update: run it to write it again"
            )
        )
        return
    for records in data.values():
        for record_id, fields_ in records.items():
            for name, fingerprint in fields_.items():
                translation.recorded[(str(record_id), str(name))] = fingerprint


def _read_incident(
    content: ValidatedContent, loaded: LoadedFile, translation: Translation, problems: list[Problem]
) -> None:
    origin = Origin(loaded, None)
    if not isinstance(loaded.data, dict):
        problems.append(
            origin.problem(f"{INCIDENT_FILE} must be a mapping of fields, not {describe_input(loaded.data)}")
        )
        return
    given = _read_fields(models.Incident, INCIDENT_FILE, loaded.data, origin, problems, content)
    if given is None:
        return
    facts = getattr(given, "key_facts", None)
    if facts is not None and len(facts) != len(content.incident.key_facts):
        problems.append(
            origin.problem(
                f"'key_facts' has {len(facts)} item(s) and the original {len(content.incident.key_facts)}: give"
                " them in the original's order, one per fact (null for a fact not yet translated)",
                "key_facts",
                key=True,
            )
        )
        return
    _check_references(content.incident, given, origin, problems, content)
    translation.records[INCIDENT][INCIDENT] = (given, origin)


def _read_records(
    content: ValidatedContent, key: str, loaded: LoadedFile, translation: Translation, problems: list[Problem]
) -> None:
    kind = BY_KEY[key]
    if not isinstance(loaded.data, list):
        problems.append(
            Problem(
                loaded.path, 1, 1,
                f"{kind.file} must be a list of translated records (each starting with '- id:' and the id of the"
                f" record it translates), not {describe_input(loaded.data)}",
            )
        )  # fmt: skip
        return
    originals = {record.id: record for record, _ in content.records.get(key, [])}
    seen: dict[str, int] = {}  # id -> the line it is first translated at
    for index, data in enumerate(loaded.data):
        origin = Origin(loaded, index)
        if not isinstance(data, dict):
            problems.append(
                origin.problem(f"each translated record must be a mapping of fields, not {describe_input(data)}")
            )
            continue
        record_id = data.get("id")
        if not isinstance(record_id, str):
            problems.append(
                origin.problem(f"each translated record starts with 'id:', the id of the {kind.name} it translates")
            )
            continue
        original = originals.get(record_id)
        if original is None:
            if record_id not in content.pending and key not in content.troubled:
                problems.append(
                    origin.problem(
                        f"no {kind.name} in {kind.file} has the id '{record_id}'{suggest(record_id, originals)}:"
                        " a translation gives the fields of a record of the original",
                        "id",
                    )
                )
            continue
        if record_id in seen:
            problems.append(
                origin.problem(
                    f"'{record_id}' is translated twice in this file (first at line {seen[record_id]})", "id"
                )
            )
            continue
        seen[record_id] = origin.position("id")[0]
        given = _read_fields(kind.model, kind.file, data, origin, problems, content, original)
        if given is not None:
            _check_references(original, given, origin, problems, content)
            translation.records[key][record_id] = (given, origin)


def _read_fields(
    model: type[BaseModel],
    file: str,
    data: dict[str, Any],
    origin: Origin,
    problems: list[Problem],
    content: ValidatedContent,
    original: BaseModel | None = None,
) -> BaseModel | None:
    """The translated fields of one record, or ``None`` when they have problems (each reported)."""
    wanted = translation_model(model)
    kept: dict[str, Any] = {}
    refused = False
    for name, value in data.items():
        message = _refusal(model, file, str(name), original)
        if message is None:
            kept[name] = value
        else:
            problems.append(origin.problem(message, name, key=True))
            refused = True
    record = validate_record(wanted, kept, origin, problems, content.prose)
    return None if refused else record


def _refusal(model: type[BaseModel], file: str, name: str, original: BaseModel | None) -> str | None:
    """Why a translation may not give field ``name``, or ``None`` when it may."""
    allowed = translation_model(model).model_fields
    if isinstance(original, models.Statement):
        if name == "text" and original.form == "verbatim":
            return (
                "'text' of a verbatim statement is the speaker's own words and is never translated in place:"
                f" give the translation in '{QUOTE}:'"
            )
        if name == QUOTE and original.form != "verbatim":
            return f"'{QUOTE}' is for a verbatim statement's words; a paraphrase is translated in 'text'"
    if name in allowed:
        return None
    gives = ", ".join(f for f in allowed if f != "id")
    if name in model.model_fields:
        return (
            f"'{name}' is not translated: it is written once, in the original {file}, and holds for every language"
            f" (a translation gives {gives})"
        )
    return f"unknown field '{name}'{suggest(name, allowed)}: a translation gives {gives}"


def _check_references(
    original: BaseModel, given: BaseModel, origin: Origin, problems: list[Problem], content: ValidatedContent
) -> None:
    """Translated prose may refer only to records its original refers to (a reference is part of
    what the record says, not of its words)."""
    for loc, text, block in introspect.prose_values(given):
        source = _value_at(original, loc)
        allowed = set()
        if isinstance(source, str):
            allowed = {ref.needle for ref in _parsed(content, source, block).references}
        for ref in _parsed(content, text, block).references:
            if ref.needle not in allowed:
                name = next(part for part in reversed(loc) if isinstance(part, str))
                problems.append(
                    origin.problem_in(
                        f"'{name}': the original does not refer to '{ref.needle}' here; a translation refers to the"
                        " same records as its original (change the reference in the original first)",
                        loc, text, ref.offset, ref.needle,
                    )
                )  # fmt: skip


def _parsed(content: ValidatedContent, text: str, block: bool) -> prose.Prose:
    found = content.prose.get((text, block))
    if found is None:
        found = content.prose[(text, block)] = prose.parse(text, block)
    return found


def _value_at(record: Any, loc: tuple[str | int, ...]) -> Any:
    value = record
    for part in loc:
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
        else:
            value = getattr(value, part, None)
        if value is None:
            return None
    return value
