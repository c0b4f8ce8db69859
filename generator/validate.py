"""Stage 2: turn loaded YAML into typed records, collecting every problem with its position.

Every file is checked and every record in it, so one run reports all the mistakes at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import os
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel, ValidationError

from . import i18n, models, prose
from .errors import Problem
from .load import LoadedFile, PathKey, Position, load_yaml
from .registry import KINDS

INCIDENT_FILE = "incident.yml"


@dataclass(frozen=True)
class Origin:
    """Where a record was written: its file and its index in that file's list."""

    file: LoadedFile
    index: int | None

    def position(self, *loc: str | int, key: bool = False) -> Position:
        base: PathKey = () if self.index is None else (self.index,)
        return self.file.position((*base, *loc), key=key)

    def problem(self, message: str, *loc: str | int, key: bool = False) -> Problem:
        line, col = self.position(*loc, key=key)
        return Problem(self.file.path, line, col, message)

    def problem_in(self, message: str, loc: PathKey, text: str, offset: int, needle: str) -> Problem:
        """A problem at ``needle``, found at ``offset`` in the text value at ``loc``."""
        base: PathKey = () if self.index is None else (self.index,)
        line, col = self.file.locate((*base, *loc), needle, text.count(needle, 0, offset) if needle else 0)
        return Problem(self.file.path, line, col, message)


@dataclass
class ValidatedContent:
    """The typed records of one content folder, in file order, with where each came from."""

    root: Path
    incident: models.Incident
    incident_origin: Origin
    records: dict[str, list[tuple[models.Record, Origin]]] = field(default_factory=dict)
    """Record file stem -> its records in file order, each with where it was written."""
    prose: dict[tuple[str, bool], prose.Prose] = field(default_factory=dict)
    """(text, block) -> the parsed prose field, for every prose value of the records."""
    pending: dict[str, str] = field(default_factory=dict)
    """Id -> kind of each record that is there but has problems of its own: references to it are
    not reported as unknown while it is mended."""
    troubled: set[str] = field(default_factory=set)
    """Kinds whose record file has problems (or could not be read): a reference to an id of theirs
    that is not found is not reported, since the record may be one of those with problems."""


def suggest(word: str, candidates: typing.Iterable[str]) -> str:
    """A `` (did you mean 'x'?)`` suffix when a candidate is close to ``word``, else ``''``."""
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


PATTERN_HINTS = {
    "month": "a month written YYYY-MM, e.g. 2025-01",
    "language": "a language tag such as en or es-MX",
}
"""How to write the fields whose form a pattern checks, in words."""


def _annotation_at(model: type[BaseModel], loc: PathKey) -> Any:
    """The type annotation the part of a record at ``loc`` is checked against (for hints)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if isinstance(part, str) and part in current.model_fields:
                current = current.model_fields[part].annotation
                continue
            return current
        origin = typing.get_origin(current)
        if origin is list and isinstance(part, int):
            current = typing.get_args(current)[0]
        elif origin in (typing.Union, types.UnionType) and isinstance(part, str):
            for variant in typing.get_args(current):
                variant = _unwrap(variant)
                tag = getattr(variant, "model_fields", {}).get("precision")
                if tag is not None and part in typing.get_args(tag.annotation):
                    current = variant
                    break
    return _unwrap(current)


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        return _unwrap(args[0])
    return annotation


def _describe_input(value: Any) -> str:
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


DATE_MODELS = typing.get_args(typing.get_args(models.DateInfo)[0])
"""The date models, one per precision."""


def _date_fields(variant: type[BaseModel]) -> list[str]:
    """The fields a date of one precision takes besides ``precision``: its own, then the shared ones."""
    shared = ("as_reported", "basis")
    own = [name for name in variant.model_fields if name != "precision" and name not in shared]
    return own + [name for name in shared if name in variant.model_fields]


def _message(error: Any, model: type[BaseModel]) -> tuple[str, bool]:
    """An editor-friendly message for one pydantic error; the flag says "point at the key"."""
    kind, loc, value = error["type"], error["loc"], error.get("input")
    name = next((part for part in reversed(loc) if isinstance(part, str)), "value")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"missing required field '{loc[-1]}'", False
    if kind == "extra_forbidden":
        parent = _annotation_at(model, loc[:-1])
        known = getattr(parent, "model_fields", {})
        hint = suggest(str(loc[-1]), known)
        if parent in DATE_MODELS:
            precision = typing.get_args(known["precision"].annotation)[0]
            takes = ", ".join(_date_fields(parent))
            return f"unknown field '{loc[-1]}' for a date with precision '{precision}'{hint}: it takes {takes}", True
        if hint or not known:
            return f"unknown field '{loc[-1]}'{hint}", True
        return f"unknown field '{loc[-1]}': the fields here are {', '.join(known)}", True
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        if pattern == models.ID_PATTERN:
            return (
                f"'{value}' is not a valid id: use lower-case letters and digits in words joined by"
                " single hyphens, e.g. 'bridge-closed'",
                False,
            )
        if pattern == models.HTTP_URL_PATTERN:
            return f"'{name}' must be an http:// or https:// address with no spaces or quotes", False
        if name in PATTERN_HINTS:
            return f"'{name}' must be {PATTERN_HINTS[name]}, not {_describe_input(value)}", False
        return f"'{name}' has the wrong form: {_describe_input(value)} does not match {pattern}", False
    if kind == "string_too_short":
        return f"'{name}' must not be empty", False
    if kind == "string_too_long":
        return f"'{name}' is too long (at most {ctx.get('max_length')} characters)", False
    if kind == "string_type":
        return f"'{name}' must be text, not {_describe_input(value)}: put it in quotes", False
    if kind in ("bool_type", "bool_parsing"):
        return f"'{name}' must be true or false, not {_describe_input(value)}", False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"'{name}' must be a whole number, not {_describe_input(value)}", False
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return f"'{name}' is not a real day: {value} ({ctx.get('error', 'invalid date')})", False
        return f"'{name}' must be a date written YYYY-MM-DD, not {_describe_input(value)}", False
    if kind in ("datetime_type", "datetime_parsing", "datetime_from_date_parsing"):
        return (
            f"'{name}' must be a date and time such as 2021-03-23T09:30:00-06:00, not {_describe_input(value)}",
            False,
        )
    if kind == "literal_error":
        choices = ctx.get("expected", "")
        options = [c.strip().strip("'") for c in choices.replace(" or ", ", ").split(",")]
        hint = suggest(str(value), options)
        return f"'{name}' must be one of {choices}, not {_describe_input(value)}{hint}", False
    if kind == "union_tag_not_found":
        return f"'{name}' needs a 'precision': one of {', '.join(models.DATE_PRECISIONS)}", False
    if kind == "union_tag_invalid":
        hint = suggest(str(ctx.get("tag")), models.DATE_PRECISIONS)
        return (
            f"'precision' must be one of {', '.join(models.DATE_PRECISIONS)}, not '{ctx.get('tag')}'{hint}",
            False,
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"'{name}' must be a mapping of fields (key: value), not {_describe_input(value)}", False
    if kind == "list_type":
        return f"'{name}' must be a list, not {_describe_input(value)}", False
    if kind == "too_short":
        return f"'{name}' needs at least {ctx.get('min_length', 1)} item(s)", False
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"'{name}' is out of range: {error['msg'].lower()}", False
    if kind in ("value_error", "assertion_error"):
        message = str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        return (f"'{name}' {message}" if message.startswith(("must", "contains")) else message), False
    return f"'{name}': {error['msg']}", False


def _written_loc(model: type[BaseModel], loc: PathKey) -> PathKey:
    """``loc`` without the union tags pydantic adds (``when.month.hour`` -> ``when.hour``).

    A tag can also be the name of a field (a ``month`` date has a ``month``), so it must go before
    the position is looked up.
    """
    kept: list[str | int] = []
    for i, part in enumerate(loc):
        parent = _annotation_at(model, loc[:i])
        is_tag = isinstance(part, str) and typing.get_origin(parent) in (typing.Union, types.UnionType)
        if not is_tag:
            kept.append(part)
    return tuple(kept)


def _check_prose(
    record: BaseModel, origin: Origin, problems: list[Problem], parsed: dict[tuple[str, bool], prose.Prose]
) -> None:
    """Parse every prose field of a record once; refused syntax is reported where it is written."""
    for loc, text, block in models.prose_values(record):
        found = parsed.get((text, block))
        if found is None:
            found = parsed[(text, block)] = prose.parse(text, block)
        name = next(part for part in reversed(loc) if isinstance(part, str))
        for problem in found.problems:
            problems.append(
                origin.problem_in(f"'{name}': {problem.message}", loc, text, problem.offset, problem.needle)
            )


def _validate_record(
    model: type[BaseModel],
    data: Any,
    origin: Origin,
    problems: list[Problem],
    parsed: dict[tuple[str, bool], prose.Prose],
) -> BaseModel | None:
    try:
        record = model.model_validate(data)
        _check_prose(record, origin, problems, parsed)
        return record
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            message, at_key = _message(error, model)
            loc = _written_loc(model, error["loc"])
            if error["type"] == "union_tag_invalid":  # point at the tag the editor wrote
                loc = (*loc, "precision")
            named = re.match(r"'(\w+)' ", message)
            given = error.get("input")
            if error["type"] == "value_error" and named and isinstance(given, dict) and named[1] in given:
                loc, at_key = (*loc, named[1]), True  # a rule between fields: point at the one it names
            problems.append(origin.problem(message, *loc, key=at_key))
        return None


def _language_problem(tag: str) -> str | None:
    """Why ``tag`` cannot be the explainer's language, or ``None`` when it can."""
    if i18n.locale_for(tag) is None:
        return f"'{tag}' is not a language Babel knows: use a BCP 47 tag such as en, es or es-MX"
    if i18n.catalog_for(tag) is None:
        return (
            f"no message catalog for language '{tag}'; catalogs available: {', '.join(i18n.available())}"
            f" (explainer catalogs --init {tag} starts one in the project's {i18n.PROJECT_LOCALES}/ folder)"
        )
    return None


RECORD_FILES = frozenset({INCIDENT_FILE, *(kind.file for kind in KINDS)})
SCHEMA_DIR = ".schema"
"""Where ``explainer schema`` writes the JSON Schemas editors' tools complete from (never published)."""


def _ignored(relative: str, patterns: typing.Sequence[str]) -> bool:
    """Whether a file (path relative to the content folder) matches an ``ignore`` pattern: a glob on
    the whole path (``notes/**``, ``drafts/*.md``) or on the file's name (``*.pdf``)."""
    name = relative.rsplit("/", 1)[-1]
    for pattern in patterns:
        pattern = pattern.strip().lstrip("/")
        if pattern.endswith("/"):
            pattern += "**"
        whole = fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(relative, pattern.replace("/**", "/*"))
        if whole or (pattern.startswith("**/") and fnmatch.fnmatchcase(name, pattern[3:])):
            return True
        if "/" not in pattern and fnmatch.fnmatchcase(name, pattern):
            return True
        if pattern.endswith("/**") and relative.startswith(pattern[:-2]):
            return True
    return False


def stray_files(root: Path, patterns: typing.Sequence[str] = ()) -> list[Problem]:
    """Every file in the content folder that is neither a record file, a schema ``explainer schema``
    wrote, nor matched by ``ignore`` in incident.yml: notes, backups, documents and pages an editor
    left there must never reach the site, so each stops the build, saying how to move or ignore it."""
    problems = []
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder, name)
            relative = path.relative_to(root).as_posix()
            if relative in RECORD_FILES and not path.is_symlink():
                continue
            if relative.startswith(f"{SCHEMA_DIR}/") and relative.endswith(".schema.json"):
                continue
            if _ignored(relative, patterns):
                continue
            if path.is_symlink() and "/" not in relative:
                problems.append(Problem(path, 0, 0, "record files must not be symbolic links"))
            elif "/" not in relative and path.suffix.lower() in (".yml", ".yaml"):
                stem = path.name.split(".")[0]
                close = difflib.get_close_matches(stem, [Path(k).stem for k in RECORD_FILES], n=1, cutoff=0.6)
                hint = (
                    f": did you mean {close[0]}.yml?"
                    if close
                    else f"; record files are {', '.join(sorted(RECORD_FILES))}"
                )
                problems.append(
                    Problem(
                        path, 1, 1, f"'{name}' is not a record file{hint} (or list it under 'ignore:' in incident.yml)"
                    )
                )
            elif _backup_pattern(name):
                problems.append(
                    Problem(
                        path, 1, 1,
                        f"'{relative}' looks like an editor's backup or swap file: delete it, or keep such files"
                        f" unpublished with ignore: [\"{_backup_pattern(name)}\"] in incident.yml",
                    )
                )  # fmt: skip
            else:
                problems.append(
                    Problem(
                        path, 1, 1,
                        f"'{relative}' is not a record file, and nothing else may be published from the content"
                        " folder: move it out of the folder, or keep it here unpublished by listing it in"
                        f" incident.yml: ignore: [\"{_pattern_for(relative)}\"]",
                    )
                )  # fmt: skip
    return problems


_BACKUPS = {"~": "*~", ".bak": "*.bak", ".orig": "*.orig", ".tmp": "*.tmp", ".swp": ".*.swp", ".swo": ".*.swo"}


def _backup_pattern(name: str) -> str:
    """The ``ignore`` pattern for an editor's backup, swap or lock file, or '' for another file."""
    if name.startswith(".#") or (name.startswith("#") and name.endswith("#")):
        return ".#*" if name.startswith(".#") else "#*#"
    return next((pattern for ending, pattern in _BACKUPS.items() if name.endswith(ending)), "")


def _pattern_for(relative: str) -> str:
    """An ``ignore`` pattern an editor can copy for a stray file: its folder, or its name."""
    return relative.split("/", 1)[0] + "/**" if "/" in relative else relative


def placeholders(loaded: LoadedFile) -> list[Problem]:
    """Text still to be written (it starts with ``✎``, as the starter's records do), at its line."""
    found = []

    def walk(value: Any, path: PathKey) -> None:
        if isinstance(value, str) and value.lstrip().startswith(models.PLACEHOLDER):
            line, col = loaded.value_positions.get(path, (0, 0))
            found.append(
                Problem(
                    loaded.path, line, col,
                    f"still the starter's placeholder ({value.strip()[:60]}): write the record's own words here"
                    " (explainer serve shows the site with placeholders marked; a build never publishes them)",
                )
            )  # fmt: skip
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))

    walk(loaded.data, ())
    return found


def _ignore_patterns(loaded: LoadedFile | None) -> list[str]:
    """The ``ignore`` patterns incident.yml gives, read before it is checked (a mistake elsewhere in
    it must not turn every ignored file into a problem of its own)."""
    data = loaded.data if loaded is not None else None
    value = data.get("ignore") if isinstance(data, dict) else None
    return [str(item) for item in value if isinstance(item, str)] if isinstance(value, list) else []


def validate_content(root: Path, drafts: bool = False) -> tuple[ValidatedContent | None, list[Problem]]:
    """Load and type-check every record file in ``root``: the content and every problem found.

    With problems, the content holds the records that passed (and, in ``pending``, the ids of those
    that did not), so the next stage can report its own problems in the same run; it is ``None``
    only when incident.yml itself cannot be read. ``drafts``: text still to be written (see
    :data:`models.PLACEHOLDER`) is allowed, as in the live preview; otherwise each is a problem.
    """
    problems: list[Problem] = []
    if not root.is_dir():
        return None, [Problem(root, 0, 0, "content folder not found")]
    i18n.use_project(root.absolute().parent)  # the project's own catalogs, if it has any

    incident: models.Incident | None = None
    incident_origin: Origin | None = None
    parsed: dict[tuple[str, bool], prose.Prose] = {}
    incident_path = root / INCIDENT_FILE
    patterns: list[str] = []
    if not incident_path.is_file():
        problems.append(Problem(incident_path, 0, 0, "missing: every explainer needs an incident.yml"))
    elif not incident_path.is_symlink():
        loaded, load_problems = load_yaml(incident_path)
        problems += load_problems
        patterns = _ignore_patterns(loaded)
        if loaded is not None and not drafts:
            problems += placeholders(loaded)
        if loaded is not None:
            incident_origin = Origin(loaded, None)
            if not isinstance(loaded.data, dict):
                problems.append(
                    incident_origin.problem(
                        f"incident.yml must be a mapping of fields, not {_describe_input(loaded.data)}"
                    )
                )
            else:
                result = _validate_record(models.Incident, loaded.data, incident_origin, problems, parsed)
                incident = typing.cast(models.Incident | None, result)
                language_problem = incident and _language_problem(incident.language)
                if language_problem:
                    problems.append(incident_origin.problem(f"'language': {language_problem}", "language"))

    problems += stray_files(root, patterns)

    records: dict[str, list[tuple[models.Record, Origin]]] = {}
    pending: dict[str, str] = {}
    troubled: set[str] = set()
    for kind in KINDS:
        stem = kind.key
        records[stem] = []
        path = root / kind.file
        before = len(problems)
        _validate_file(kind, path, problems, parsed, records[stem], pending, incident, drafts)
        if len(problems) > before or path.is_symlink():
            troubled.add(stem)

    if incident is None or incident_origin is None:
        return None, problems
    return ValidatedContent(root, incident, incident_origin, records, parsed, pending, troubled), problems


def _validate_file(
    kind: Any,
    path: Path,
    problems: list[Problem],
    parsed: dict[tuple[str, bool], prose.Prose],
    records: list[tuple[models.Record, Origin]],
    pending: dict[str, str],
    incident: models.Incident | None,
    drafts: bool,
) -> None:
    """Load and check one record file, adding its records, its problems and its pending ids."""
    stem, model = kind.key, kind.model
    if not path.is_file() or path.is_symlink():  # a symbolic link was reported above and is not read
        return
    loaded, load_problems = load_yaml(path)
    problems += load_problems
    if loaded is None or loaded.data is None:
        return
    if not drafts:
        problems += placeholders(loaded)
    if not isinstance(loaded.data, list):
        problems.append(
            Problem(
                path, 1, 1,
                f"{path.name} must be a list of records (each starting with '- id:'),"
                f" not {_describe_input(loaded.data)}",
            )
        )  # fmt: skip
        return
    for index, data in enumerate(loaded.data):
        origin = Origin(loaded, index)
        if not isinstance(data, dict):
            problems.append(origin.problem(f"each record must be a mapping of fields, not {_describe_input(data)}"))
            continue
        record = _validate_record(model, data, origin, problems, parsed)
        if isinstance(record, models.Record):
            records.append((record, origin))
            continue
        if isinstance(data.get("id"), str):
            pending.setdefault(data["id"], stem)
        if model is models.Update and incident is not None:
            problems += _update_date(data, origin, incident)


def _update_date(data: dict[str, Any], origin: Origin, incident: models.Incident) -> list[Problem]:
    """An update with problems of its own still has its date checked against ``as_of`` (the next
    stage checks the updates that passed), so mending its other fields reveals nothing new."""
    try:
        day = pydantic.TypeAdapter(dt.date).validate_python(data.get("date"))
    except ValidationError:
        return []
    if day > incident.as_of:
        return [origin.problem(update_after_as_of(day, incident.as_of), "date")]
    return []


def update_after_as_of(day: dt.date, as_of: dt.date) -> str:
    return (
        f"'date' ({day}) is after 'as_of' in incident.yml ({as_of}): an update is part of the explainer as of"
        " its date, so move 'as_of' forward"
    )
