"""A translation applied: the explainer's records in another language, and what is left to do.

:mod:`generator.translations` reads and checks ``content/<language>/``; this module puts each
translated field in place of the original's, keeps the rest in the original's words (as
:class:`Foreign` strings, which pages mark with their language), and tracks which translated fields
are older than the original (``translated-from.yml``, written by ``explainer translations --update``).
"""

from __future__ import annotations

import functools
import hashlib
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from . import i18n, models
from .registry import KINDS
from .translations import INCIDENT, QUOTE, SAME_UNLESS_GIVEN, Translation, translatable
from .validate import INCIDENT_FILE, Origin, ValidatedContent

DATED = ("when", "until", "published")
"""The date fields of records: their ``basis`` stays in the original's words in every language."""


def fingerprint(words: str) -> str:
    """A short fingerprint of a field's original words (what a translation was made from)."""
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


TRACKING_HEADER = (
    "# Written by `explainer translations --update`: a fingerprint of the original's words each\n"
    "# translated field was translated from. Run it again after bringing a translation up to date.\n"
)


class Foreign(str):
    """Words a translation leaves in another language: a field not yet translated (in the
    original's words) or a verbatim quote. Pages mark them with their language, and with their
    direction where it is not the page's (English words on an Arabic page: ``ltr``)."""

    language: str
    direction: str | None

    def __new__(cls, words: str, language: str, direction: str | None = None) -> Foreign:
        made = super().__new__(cls, words)
        made.language = language
        made.direction = direction
        return made


@dataclass(frozen=True)
class Gap:
    """A field not yet translated."""

    file: str
    """The record file, relative to the content folder (``events.yml``)."""
    record_id: str
    """Its record's id (``incident`` for incident.yml)."""
    field: str
    """The field (``key_facts[2]`` for one key fact)."""


@dataclass
class Translated:
    """The content in one translation's language, with what it still lacks."""

    language: str
    content: ValidatedContent
    """The records with every translated field in place of the original's."""
    gaps: list[Gap]
    """Every field still in the original's words (shown so, marked with the original's language)."""
    quotes: dict[str, str]
    """Verbatim statement id -> the explainer's translation of its words."""
    given: dict[Gap, str] = field(default_factory=dict)
    """Every translated field -> the fingerprint of the original's words it stands for now."""
    stale: list[Gap] = field(default_factory=list)
    """Translated fields whose original has changed since they were translated (see :data:`TRACKING_FILE`)."""
    untracked: list[Gap] = field(default_factory=list)
    """Translated fields :data:`TRACKING_FILE` does not name yet."""

    def untranslated(self, record_id: str) -> frozenset[str]:
        """The fields of one record still in the original's words."""
        return frozenset(gap.field for gap in self.gaps if gap.record_id == record_id)


# --- Applying ------------------------------------------------------------------------------------


def apply(content: ValidatedContent, translation: Translation) -> Translated:
    """The content in the translation's language: each translated field in place of the original's,
    every other field kept and listed as a gap."""
    found = Translated(translation.language, content, [], {})
    gaps, quotes = found.gaps, found.quotes
    original = content.incident.language
    direction = i18n.direction_of(original)
    turned = direction != i18n.direction_of(translation.language)  # marked where it is not the page's
    mark = functools.partial(Foreign, language=original, direction=direction if turned else None)
    incident = _translated(
        content.incident, translation.given(INCIDENT, INCIDENT), INCIDENT_FILE, INCIDENT, found, mark
    )
    incident = incident.model_copy(update={"language": translation.language})
    records: dict[str, list[tuple[models.Record, Origin]]] = {}
    for kind in KINDS:
        rows = []
        for record, origin in content.records.get(kind.key, []):
            given = translation.given(kind.key, record.id)
            rows.append((_translated(record, given, kind.file, record.id, found, mark), origin))
            if isinstance(record, models.Statement) and record.form == "verbatim":
                words = getattr(given, QUOTE, None) if given is not None else None
                if words is None:
                    gaps.append(Gap(kind.file, record.id, QUOTE))
                else:
                    quotes[record.id] = words
                    found.given[Gap(kind.file, record.id, QUOTE)] = fingerprint(record.text)
        records[kind.key] = rows
    translated = ValidatedContent(
        content.root,
        typing.cast(models.Incident, incident),
        content.incident_origin,
        records,
        content.prose,
        dict(content.pending),
        set(content.troubled),
    )
    found.content = translated
    for gap, now in found.given.items():
        then = translation.recorded.get((gap.record_id, gap.field))
        if then is None:
            found.untracked.append(gap)
        elif then != now:
            found.stale.append(gap)
    return found


def tracking(translated: Translated) -> str:
    """The text of :data:`TRACKING_FILE` for a translation as it is now: every translated field
    recorded as translated from the original's present words."""
    data: dict[str, dict[str, dict[str, str]]] = {}
    for gap, now in translated.given.items():
        data.setdefault(gap.file, {}).setdefault(gap.record_id, {})[gap.field] = now
    return TRACKING_HEADER + (yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=100) if data else "")


def _translated(
    record: Any,
    given: BaseModel | None,
    file: str,
    record_id: str,
    found: Translated,
    mark: Callable[[str], Foreign],
) -> Any:
    update: dict[str, Any] = {}
    for name in _fields_to_translate(record):
        original = getattr(record, name)
        value = getattr(given, name, None) if given is not None else None
        if name == "key_facts":
            facts = list(original)
            for index, fact in enumerate(original):
                words = value[index] if value is not None and index < len(value) else None
                gap = Gap(file, record_id, f"key_facts[{index}]")
                if words is None:
                    found.gaps.append(gap)
                    facts[index] = fact.model_copy(update={"text": mark(fact.text)})
                else:
                    facts[index] = fact.model_copy(update={"text": words.text})
                    found.given[gap] = fingerprint(fact.text)
            update[name] = facts
        elif value is None:
            if (type(record), name) not in SAME_UNLESS_GIVEN:
                found.gaps.append(Gap(file, record_id, name))
                update[name] = mark(original)
        else:
            update[name] = value
            found.given[Gap(file, record_id, name)] = fingerprint(original)
    if isinstance(record, models.Statement) and record.form == "verbatim":
        update["text"] = mark(record.text)  # the speaker's own words, as said
    for name in DATED:  # a date's basis is written once, in the original's words: marked so
        date = getattr(record, name, None)
        basis = getattr(date, "basis", None)
        if date is not None and basis:
            update[name] = date.model_copy(update={"basis": mark(basis)})
    return record.model_copy(update=update) if update else record


def _fields_to_translate(record: BaseModel) -> Iterator[str]:
    """The translatable fields a record has a value in (a verbatim statement's words excepted)."""
    for name in translatable(type(record)):
        if isinstance(record, models.Statement) and name == "text" and record.form == "verbatim":
            continue
        if getattr(record, name) is not None:
            yield name


def status(translated: Translated, content: ValidatedContent) -> tuple[int, int]:
    """(fields translated, fields to translate) in one language."""
    total = sum(1 for _ in _all_fields(content))
    return total - len(translated.gaps), total


def _all_fields(content: ValidatedContent) -> Iterator[tuple[str, str]]:
    for name in _fields_to_translate(content.incident):
        if name == "key_facts":
            yield from ((INCIDENT, f"key_facts[{i}]") for i in range(len(content.incident.key_facts)))
        else:
            yield INCIDENT, name
    for kind in KINDS:
        for record, _ in content.records.get(kind.key, []):
            yield from (
                (record.id, name)
                for name in _fields_to_translate(record)
                if (type(record), name) not in SAME_UNLESS_GIVEN
            )
            if isinstance(record, models.Statement) and record.form == "verbatim":
                yield record.id, QUOTE


def progress(content: Path, versions: dict[str, Translated]) -> tuple[list[str], int]:
    """A line per translation saying how far it is, and the number of fields missing or older than
    the original in all of them."""
    lines, behind = [], 0
    for language, translated in versions.items():
        done, total = status(translated, translated.content)
        said = [f"every field translated ({total})" if done == total else f"{done} of {total} fields translated"]
        if translated.stale:
            said.append(f"{len(translated.stale)} older than the original (it has changed since)")
        if translated.untracked:
            said.append(f"{len(translated.untracked)} not tracked yet (explainer translations --update)")
        if done < total or translated.stale:
            said.append(f"explainer translations {language} lists them")
        lines.append(f"{content / language}: {'; '.join(said)}")
        behind += total - done + len(translated.stale)
    return lines, behind


def listing(translated: Translated, folder: Path, shown: Callable[[Path], str]) -> list[str]:
    """What ``explainer translations`` prints for one language: its progress, then each field still
    to translate and each older than the original, by file (in ``folder``, as ``shown`` words a
    path) and record."""
    done, total = status(translated, translated.content)
    lines = [
        f"{translated.language}: {done} of {total} fields translated, {len(translated.stale)} older than the original"
    ]
    lines += [f"  {shown(folder / gap.file)}: {gap.record_id}: {gap.field}" for gap in translated.gaps]
    lines += [
        f"  {shown(folder / gap.file)}: {gap.record_id}: {gap.field} (original changed)" for gap in translated.stale
    ]
    return lines


def given_fields(translated: Translated) -> dict[str, dict[str, dict[str, Any]]]:
    """Each field a translation gives, as given: record file stem (``incident``) -> record id
    (``incident``) -> field -> its words (``key_facts``: a list in the original's order, ``None``
    where a fact is not translated yet)."""
    content = translated.content
    records = {record.id: record for rows in content.records.values() for record, _ in rows}
    facts: list[str | None] = [None] * len(content.incident.key_facts)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for gap in sorted(translated.given, key=lambda g: (g.file, g.record_id, g.field)):
        stem = gap.file.removesuffix(".yml")
        fields_ = out.setdefault(stem, {}).setdefault(gap.record_id, {})
        if gap.field.startswith("key_facts["):
            index = int(gap.field[len("key_facts[") : -1])
            facts[index] = str(content.incident.key_facts[index].text)
            fields_["key_facts"] = facts
        elif gap.field == QUOTE:
            fields_[QUOTE] = translated.quotes[gap.record_id]
        else:
            record = content.incident if gap.record_id == INCIDENT else records[gap.record_id]
            fields_[gap.field] = str(getattr(record, gap.field))
    return out
