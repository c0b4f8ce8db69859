"""What editors ask the generator to write into a content folder: schemas, new records, new projects.

These are the only writes into ``content/``, and each happens only on an explicit command
(``explainer schema``, ``explainer new``, ``explainer init``).
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import typing
from collections.abc import Iterator, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from . import fields, introspect, models, translations
from .errors import UsageError
from .load import LoadedFile, load_text, load_yaml, not_a_file
from .registry import BY_NAME, KINDS

SCHEMA_DIR = ".schema"
"""Folder of the JSON Schemas inside a content folder (hidden, so MkDocs does not publish it)."""

KIND_FILES = {kind.name: kind.key for kind in KINDS}
"""Kind an editor names (``explainer new event``) -> the stem of its record file."""


def schema_name(stem: str) -> str:
    return f"{SCHEMA_DIR}/{stem}.schema.json"


TRANSLATED = "translation-"
"""Prefix of the schemas of a translation's files (``content/<language>/<stem>.yml``)."""


def modeline(stem: str, translated: bool = False) -> str:
    """The first line of a record file: tells YAML-aware editors which schema to check it against
    (a translation's file, one folder down, against the schema of translated records)."""
    if translated:
        return f"# yaml-language-server: $schema=../{schema_name(TRANSLATED + stem)}"
    return f"# yaml-language-server: $schema={schema_name(stem)}"


def schemas() -> dict[str, str]:
    """File name (inside the content folder) -> JSON Schema text, for every record file and every
    file of a translation."""
    documents: dict[str, dict[str, Any]] = {"incident": models.Incident.model_json_schema()}
    for kind in KINDS:
        documents[kind.key] = TypeAdapter(list[kind.model]).json_schema()  # type: ignore[name-defined]
    documents[TRANSLATED + "incident"] = translations.translation_model(models.Incident).model_json_schema()
    for kind in KINDS:
        model = translations.translation_model(kind.model)
        documents[TRANSLATED + kind.key] = TypeAdapter(list[model]).json_schema()  # type: ignore[valid-type]
    out = {}
    for document in documents.values():
        introspect.describe_prose(document)
    for stem, document in documents.items():
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"{stem}.yml", **document}
        out[schema_name(stem)] = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return out


def write_schemas(content: Path) -> list[Path]:
    """Write the schemas, and put the modeline at the top of each record file that lacks it."""
    written = []
    for relative, text in schemas().items():
        path = content / relative
        path.parent.mkdir(exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    folders = [(content, False), *((content / language, True) for language in _translation_languages(content))]
    for folder, translated in folders:
        for stem in ["incident", *(kind.key for kind in KINDS)]:
            path = folder / f"{stem}.yml"
            if path.is_file() and not path.is_symlink():
                text = path.read_text(encoding="utf-8")
                line = modeline(stem, translated)
                if not text.startswith(line):
                    path.write_text(line + "\n" + text, encoding="utf-8")
                    written.append(path)
    return written


def _translation_languages(content: Path) -> list[str]:
    """The languages of ``translations`` in incident.yml, as written (its problems are validate's)."""
    loaded, _ = load_yaml(content / "incident.yml")
    value = loaded.data.get("translations") if loaded is not None and isinstance(loaded.data, dict) else None
    if not isinstance(value, list):
        return []
    return [tag for tag in value if isinstance(tag, str) and tag and "/" not in tag and not tag.startswith(".")]


# --- New records ---------------------------------------------------------------------------------


def _comment(text: str | None, indent: str) -> list[str]:
    """A field's description as YAML comments, its ``code`` written as editors read it: `code`."""
    return [f"{indent}# {line.replace('``', '`')}".rstrip() for line in (text or "").splitlines()]


def _placeholder(annotation: Any) -> tuple[str, str | None]:
    """A value an editor must replace (it does not validate as it is) and a hint on what goes there."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union,) and len(args) == 1:
        return _placeholder(args[0])
    if typing.get_origin(annotation) is list:
        return "[]", None
    if typing.get_origin(annotation) is typing.Literal:
        return '""', "One of: " + ", ".join(str(a) for a in typing.get_args(annotation)) + "."
    return '""', None


DATE_EXAMPLES = (
    "{precision: day, date: 2021-03-23}",
    "{precision: day, date: 2021-03-23, approximate: true}",
    '{precision: day, date: 2021-03-23, part_of_day: morning, utc_offset: "-06:00"}',
    "{precision: month, month: 2021-03}",
    '{precision: range, earliest: 2021-03-20, latest: 2021-03-26, basis: "Why these days"}',
)
"""The date forms a new record shows, commented out, above its date field."""


PROSE_HELP = [
    "  # Prose: *emphasis*, **strong**, [a link](https://example.org/page), a reference to another",
    "  # record such as [the council's statement](statement:council-statement), and a blank line",
    '  # between paragraphs. The editors\' guide (GUIDE.md), "Prose fields", has every form.',
]
"""The comment over a new record's first prose field."""


def _date_help(name: str, model: type[models.Model]) -> list[str]:
    """Comment lines over a new record's date: the forms it can take, ready to uncomment."""
    lines = [
        "  # As precise as the source and no more. Keep `unknown` below and say why in `basis`, or",
        f"  # delete the `{name}:` below and uncomment one of these (the editors' guide has every form):",
    ]
    lines += [f"  # {name}: {example}" for example in DATE_EXAMPLES]
    lines.append("  # A range is one day, not known, between two days.")
    if "until" in model.model_fields:
        lines[-1] += " Something that lasted (a blockade, a strike)"
        lines.append("  # has its start here and its end in `until`.")
    if "after" in model.model_fields:
        lines.append("  # With no date, `after` can still say what the sources place before it.")
    return lines


def record_template(kind: str, record_id: str, about: Sequence[str] = (), today: dt.date | None = None) -> str:
    """A new record with every field, each under a comment saying what it holds.

    Required fields have empty values, which do not validate until filled in; optional fields are
    commented out. An update's ``about`` and ``date`` are filled in when given.
    """
    model = BY_NAME[kind].model
    lines = [f"- id: {record_id or chr(34) * 2}"]
    prose = introspect.prose_fields(model)
    shown_prose = False
    for name, field in model.model_fields.items():
        if name == "id":
            continue
        required = field.is_required()
        prefix = "  " if required else "  # "
        lines += _comment(field.description, "  ")
        if name in prose:
            lines += PROSE_HELP if not shown_prose else ["  # Prose, as above."]
            shown_prose = True
        if name in ("when", "published"):
            lines += _date_help(name, model)
            lines += [f"{prefix}{name}:", f"{prefix}  precision: unknown", f'{prefix}  basis: ""']
            continue
        if name == "until":
            lines.append(f"{prefix}{name}: {{precision: day, date: 2021-03-29}}")
            continue
        value, hint = _placeholder(field.annotation)
        if name == "about" and about:
            value = "[" + ", ".join(about) + "]"
        elif name == "date" and today is not None:
            value = today.isoformat()
        if hint:
            lines.append(f"  # {hint}")
        lines.append(f"{prefix}{name}: {value}")
    return "\n".join(lines) + "\n"


def append_record(
    content: Path,
    kind: str,
    record_id: str | None,
    existing_ids: set[str],
    about: Sequence[str] = (),
    today: dt.date | None = None,
) -> Path:
    """Append a new record to its file; the file's existing bytes are kept exactly."""
    if kind not in KIND_FILES:
        raise UsageError(f"unknown kind '{kind}': use one of {', '.join(KIND_FILES)}")
    if record_id is not None:
        try:
            TypeAdapter(fields.RecordId).validate_python(record_id)
        except Exception:
            raise UsageError(
                f"'{record_id}' is not a usable id: lower-case letters and digits in words joined by single"
                " hyphens, not a reserved name"
            ) from None
        if record_id in existing_ids:
            raise UsageError(f"id '{record_id}' is already used: choose another")
    stem = KIND_FILES[kind]
    return _append(content / f"{stem}.yml", modeline(stem), record_template(kind, record_id or "", about, today))


def append_translation(content: Path, kind: str, record_id: str, language: str) -> Path:
    """Append to ``content/<language>/`` a translation of one record to fill in: its id, then each
    field a translation gives that the record has, under the original's words as comments, with
    the placeholder a build refuses until it is written."""
    stem = KIND_FILES[kind]
    loaded, _ = load_yaml(content / "incident.yml")
    listed = loaded.data.get("translations") if loaded is not None and isinstance(loaded.data, dict) else None
    if not isinstance(listed, list) or language not in listed:
        raise UsageError(f"--language {language}: add it to 'translations' in incident.yml first")
    originals, _ = load_yaml(content / f"{stem}.yml")
    records = originals.data if originals is not None and isinstance(originals.data, list) else []
    original = next((r for r in records if isinstance(r, dict) and r.get("id") == record_id), None)
    if original is None:
        raise UsageError(f"no {kind} in {stem}.yml has the id '{record_id}': a translation translates a record")
    path = content / language / f"{stem}.yml"
    if path.exists() and record_id in used_ids(path.parent, f"{stem}.yml"):
        raise UsageError(f"'{record_id}' is already translated in {language}/{stem}.yml")
    verbatim = original.get("form") == "verbatim"
    lines = [f"- id: {record_id}"]
    for name in translations.translation_model(BY_NAME[kind].model).model_fields:
        if name == "id" or (name == "text" and verbatim) or (name == translations.QUOTE and not verbatim):
            continue  # a verbatim statement's words are translated in 'translation', never in place
        words = original.get("text" if name == translations.QUOTE else name)
        if isinstance(words, str) and words.strip():
            lines += [f"  # {name}, in the original:", *(f"  #   {line}".rstrip() for line in words.splitlines())]
            lines.append(f'  {name}: "{fields.PLACEHOLDER}"')
    path.parent.mkdir(exist_ok=True)
    return _append(path, modeline(stem, translated=True), "\n".join(lines) + "\n")


def append_text(path: Path, stem: str, text: str) -> Path:
    """Append records (YAML ``text``) to a record file, its existing bytes kept exactly; a new file
    starts with its schema's modeline."""
    return _append(path, modeline(stem), text)


def _append(path: Path, first_line: str, text: str) -> Path:
    """Append ``text`` to a record file, its existing bytes kept exactly (a new file starts with
    ``first_line``, the schema's modeline)."""
    not_regular = not_a_file(path) if path.exists() else None
    if not_regular:
        raise UsageError(f"{path}: {not_regular}")
    if not path.exists() or path.stat().st_size == 0:
        path.write_text(first_line + "\n" + text, encoding="utf-8")
        return path
    with path.open("rb+") as handle:
        handle.seek(-1, 2)
        needs_newline = handle.read(1) != b"\n"
        handle.seek(0, 2)
        handle.write((("\n" if needs_newline else "") + "\n" + text).encode("utf-8"))
    return path


# --- New projects --------------------------------------------------------------------------------

STARTER = "starter"
"""The starter project ``explainer init`` copies: files shipped in the package (``generator/starter/``).

Text files may hold ``%TITLE%``, ``%TODAY%``, ``%LICENCE%`` and ``%VERSION%``, replaced when copied;
``gitignore`` becomes ``.gitignore`` (a file of that name would act on the package's own folder).
"""
RENAMED = {"gitignore": ".gitignore"}


def _starter_files(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, str]]:
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        relative = f"{prefix}{RENAMED.get(entry.name, entry.name)}"
        if entry.is_dir():
            yield from _starter_files(entry, relative + "/")
        else:
            yield relative, entry.read_text(encoding="utf-8")


def starter() -> dict[str, str]:
    """The starter project's files, as shipped (relative path -> text, tokens not yet replaced)."""
    return dict(_starter_files(importlib.resources.files("generator") / STARTER))


PACKAGE = "incident-explainer"
VENDOR = "vendor"
"""Where ``explainer init --from WHEEL`` keeps the generator's wheel in the new project."""


def requirement(version: str, source: str | None, folder: Path) -> tuple[str, dict[str, bytes]]:
    """The requirements line that installs the generator in the new project, and any file to copy.

    Without ``source``: the release of this version on PyPI. With a wheel file: a copy in
    ``vendor/`` (the Pages workflow installs it from the repository). With anything else (a
    ``git+https://...`` address, an https address of a wheel): that address.
    """
    if source is None:
        return f"{PACKAGE}=={version}", {}
    wheel = Path(source)
    if wheel.suffix == ".whl":
        if not wheel.is_file():
            raise UsageError(f"--from {source}: no such wheel file")
        return f"./{VENDOR}/{wheel.name}", {f"{VENDOR}/{wheel.name}": wheel.read_bytes()}
    if source.startswith(("git+https://", "https://")):
        return f"{PACKAGE} @ {source}", {}
    raise UsageError(f"--from {source}: give a wheel file (.whl), a git+https:// or an https:// address")


def init_project(
    folder: Path, title: str, today: str, version: str, licence: str, source: str | None = None
) -> list[Path]:
    """Start a new explainer in ``folder`` (which must not exist or be empty).

    ``licence``: the name of the licence the publisher chose for the records and data.
    ``source``: where the project installs the generator from (see :func:`requirement`).
    """
    if folder.exists() and any(folder.iterdir()):
        raise UsageError(f"'{folder}' is not empty: choose a new folder")
    needed, copies = requirement(version, source, folder)
    values = {
        "%TITLE%": json.dumps(title, ensure_ascii=False),
        "%TODAY%": today,
        "%LICENCE%": "{name: " + json.dumps(licence, ensure_ascii=False) + "}",
        "%VERSION%": version,
        "%REQUIREMENT%": needed,
        "%NAME%": title,
    }
    files = {}
    for relative, text in starter().items():
        for token, value in values.items():
            text = text.replace(token, value)
        if relative.startswith("content/") and relative.endswith(".yml"):
            text = modeline(Path(relative).stem) + "\n" + text
        files[relative] = text
    written = []
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    for relative, data in copies.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    written += [path for path in write_schemas(folder / "content") if path not in written]
    return written


def used_ids(content: Path, pattern: str = "*.yml") -> set[str]:
    """Ids already used in the content (the files ``pattern`` names), read with the project's own
    YAML loader (``no``, ``off``, ``017`` and ``0x1f`` stay the text they are), leniently: a
    half-written file must not block ``new``, so a file that does not load is read again up to its
    first problem's line."""
    ids: set[str] = set()
    for path in sorted(content.glob(pattern)):
        loaded, problems = load_yaml(path)
        if loaded is None and problems and problems[0].line > 1:
            loaded = _load_head(path, problems[0].line)
        data = loaded.data if loaded is not None else None
        if isinstance(data, list):
            ids.update(str(item["id"]) for item in data if isinstance(item, dict) and item.get("id") is not None)
    return ids


def _load_head(path: Path, line: int) -> LoadedFile | None:
    """The records of a file before the line where it stops loading (a record being written)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)[: line - 1]
    while lines:
        loaded, _ = load_text(path, "".join(lines))
        if loaded is not None:
            return loaded
        lines = lines[:-1]
    return None
