"""Stage 2: turn loaded YAML into typed records, collecting every problem with its position.

Every file is checked and every record in it, so one run reports all the mistakes at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import os
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel, ValidationError

from . import characters, fields, i18n, introspect, media, models, prose
from .errors import Problem
from .hints import describe_input, message_for, written_loc
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

    def problem_at_character(self, message: str, loc: PathKey, char: str, occurrence: int) -> Problem:
        """A problem at the ``occurrence``-th ``char`` of the text value at ``loc``, where it is written."""
        base: PathKey = () if self.index is None else (self.index,)
        line, col = self.file.locate_character((*base, *loc), char, occurrence)
        return Problem(self.file.path, line, col, message)

    def problem_in(self, message: str, loc: PathKey, text: str, offset: int, needle: str) -> Problem:
        """A problem at ``needle``, found at ``offset`` in the text value at ``loc``."""
        base: PathKey = () if self.index is None else (self.index,)
        where = (*base, *loc)
        occurrence = self.file.count_before(where, text, needle, offset) if needle else 0
        line, col = self.file.locate(where, needle, occurrence)
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


def _check_prose(
    record: BaseModel, origin: Origin, problems: list[Problem], parsed: dict[tuple[str, bool], prose.Prose]
) -> None:
    """Parse every prose field of a record once; refused syntax is reported where it is written."""
    for loc, text, block in introspect.prose_values(record):
        found = parsed.get((text, block))
        if found is None:
            found = parsed[(text, block)] = prose.parse(text, block)
        name = next(part for part in reversed(loc) if isinstance(part, str))
        for problem in found.problems:
            problems.append(
                origin.problem_in(f"'{name}': {problem.message}", loc, text, problem.offset, problem.needle)
            )


def validate_record(
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
            message, at_key = message_for(error, model)
            loc = written_loc(model, error["loc"])
            if error["type"] == "union_tag_invalid":  # point at the tag the editor wrote
                loc = (*loc, "precision")
            named = re.match(r"'(\w+)' ", message)
            given = error.get("input")
            if error["type"] == "value_error" and named and isinstance(given, dict) and named[1] in given:
                loc, at_key = (*loc, named[1]), True  # a rule between fields: point at the one it names
            refused = _refused_character(error)
            if refused is not None:  # point at the character itself
                problems.append(origin.problem_at_character(message, loc, refused.char, refused.occurrence))
                continue
            problems.append(origin.problem(message, *loc, key=at_key))
        return None


def _refused_character(error: Any) -> characters.Refused | None:
    """The character a text field refused, for the errors that are about one."""
    found = (error.get("ctx") or {}).get("error")
    if isinstance(found, fields.TextRefused):
        return found.refused
    if error["type"] == "string_unicode" and isinstance(error.get("input"), str):  # a lone surrogate
        return characters.first_refused(error["input"])
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
TRANSLATION_TRACKING = "translated-from.yml"
"""Beside a translation's files: what each translated field was translated from (:mod:`translations`)."""
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


def stray_files(root: Path, patterns: typing.Sequence[str] = (), languages: typing.Sequence[str] = ()) -> list[Problem]:
    """Every file in the content folder that is neither a record file, a translation's record file
    (``<language>/events.yml`` for a language of ``translations``), a schema ``explainer schema``
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
            language, _, rest = relative.partition("/")
            if language in languages and (rest in RECORD_FILES or rest == TRANSLATION_TRACKING):
                continue  # read (and a symbolic link refused) with the translation
            if rest in RECORD_FILES and "/" not in rest and _LANGUAGE_FOLDER.match(language):
                problems.append(
                    Problem(
                        path, 1, 1,
                        f"'{relative}' looks like a translation, but '{language}' is not in 'translations:' in"
                        f" incident.yml: add it there (translations: [{language}]) to publish it, or move the folder"
                        " out of the content folder",
                    )
                )  # fmt: skip
                continue
            if relative.startswith(f"{SCHEMA_DIR}/") and relative.endswith(".schema.json"):
                continue
            if relative.startswith(media.FOLDER):
                continue  # a picture a record names, or a stray one: media.problems says which
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


_LANGUAGE_FOLDER = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

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
        if isinstance(value, str) and value.lstrip().startswith(fields.PLACEHOLDER):
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


def _translation_languages(loaded: LoadedFile | None) -> list[str]:
    """The languages in ``translations`` in incident.yml, read before it is checked (their folders
    are not stray files even while another field of incident.yml is being mended)."""
    data = loaded.data if loaded is not None else None
    value = data.get("translations") if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _translation_problems(incident: models.Incident, origin: Origin) -> list[Problem]:
    """Each language of ``translations`` must have a catalog and be given once, not the original's."""
    problems = []
    seen: set[str] = set()
    for index, tag in enumerate(incident.translations or []):
        if tag == incident.language:
            why = f"'{tag}' is the explainer's own language ('language'): list only the other languages"
        elif tag in seen:
            why = f"'{tag}' is listed twice"
        else:
            why = _language_problem(tag) or ""
        seen.add(tag)
        if why:
            problems.append(origin.problem(f"'translations': {why}", "translations", index))
    return problems


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
    :data:`fields.PLACEHOLDER`) is allowed, as in the live preview; otherwise each is a problem.
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
    loaded_incident: LoadedFile | None = None
    if not incident_path.is_file() and (incident_path.is_symlink() or not incident_path.exists()):
        problems.append(Problem(incident_path, 0, 0, "missing: every explainer needs an incident.yml"))
    elif not incident_path.is_symlink():
        loaded, load_problems = load_yaml(incident_path)
        loaded_incident = loaded
        problems += load_problems
        patterns = _ignore_patterns(loaded)
        if loaded is not None and not drafts:
            problems += placeholders(loaded)
        if loaded is not None:
            incident_origin = Origin(loaded, None)
            if not isinstance(loaded.data, dict):
                problems.append(
                    incident_origin.problem(
                        f"incident.yml must be a mapping of fields, not {describe_input(loaded.data)}"
                    )
                )
            else:
                result = validate_record(models.Incident, loaded.data, incident_origin, problems, parsed)
                incident = typing.cast(models.Incident | None, result)
                language_problem = incident and _language_problem(incident.language)
                if language_problem:
                    problems.append(incident_origin.problem(f"'language': {language_problem}", "language"))
                if incident is not None:
                    problems += _translation_problems(incident, incident_origin)

    problems += stray_files(root, patterns, _translation_languages(loaded_incident))

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

    problems += media.problems(root, records, lambda relative: _ignored(relative, patterns))

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
    if path.is_symlink():  # reported with the stray files, and not read
        return
    loaded = read_record_file(path, problems, drafts)
    if loaded is None:
        return
    if not isinstance(loaded.data, list):
        problems.append(
            Problem(
                path, 1, 1,
                f"{path.name} must be a list of records (each starting with '- id:'),"
                f" not {describe_input(loaded.data)}",
            )
        )  # fmt: skip
        return
    for index, data in enumerate(loaded.data):
        origin = Origin(loaded, index)
        if not isinstance(data, dict):
            problems.append(origin.problem(f"each record must be a mapping of fields, not {describe_input(data)}"))
            continue
        record = validate_record(model, data, origin, problems, parsed)
        if isinstance(record, models.Record):
            records.append((record, origin))
            continue
        if isinstance(data.get("id"), str):
            pending.setdefault(data["id"], stem)
        if model is models.Update and incident is not None:
            problems += _update_date(data, origin, incident)


def read_record_file(path: Path, problems: list[Problem], drafts: bool) -> LoadedFile | None:
    """A record file's values, or ``None`` when it is not there, empty or cannot be read; its
    problems (and, unless ``drafts``, the text still to be written) are added to ``problems``.
    Anything at the path is read: load_yaml says when it is not a regular file."""
    if not os.path.lexists(path):
        return None
    loaded, load_problems = load_yaml(path)
    problems += load_problems
    if loaded is None or loaded.data is None:
        return None
    if not drafts:
        problems += placeholders(loaded)
    return loaded


def _update_date(data: dict[str, Any], origin: Origin, incident: models.Incident) -> list[Problem]:
    """An update with problems of its own still has its date checked against ``as_of`` (the next
    stage checks the updates that passed), so mending its other fields reveals nothing new."""
    try:
        day = _DAY.validate_python(data.get("date"))
    except ValidationError:
        return []
    if day > incident.as_of:
        return [origin.problem(update_after_as_of(day, incident.as_of), "date")]
    return []


_DAY = pydantic.TypeAdapter(fields.Day)


def update_after_as_of(day: dt.date, as_of: dt.date) -> str:
    return (
        f"'date' ({day}) is after 'as_of' in incident.yml ({as_of}): an update is part of the explainer as of"
        " its date, so move 'as_of' forward"
    )
