"""Extract the reader-facing messages and keep the language catalogs in step with them.

``explainer catalogs`` extracts every message marked in the generator's Python (``_``, ``gettext``,
``ngettext``, ``N_``, ``Plural``) and in its page templates (``_``, ``ngettext``, ``plain``,
``{% trans %}``), then updates each of the project's catalogs,
``locales/<language>/LC_MESSAGES/explainer.po`` beside its content folder (with ``--package``, the
generator's own, as ``make catalogs`` does): new messages are added untranslated, messages no longer
used are dropped. The source language's catalog repeats each message as its own translation.
``--check`` changes nothing and fails when a catalog is out of step or has an untranslated or fuzzy
message; ``--init LANGUAGE`` starts a catalog for a new language in the project's ``locales/``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from . import i18n
from .errors import UsageError

PACKAGE_DIR = Path(__file__).parent
KEYWORDS = {**DEFAULT_KEYWORDS, "plain": None, "Plural": (1, 2)}
"""Functions whose string arguments are messages: gettext's own, plus ``plain`` (templates) and
``Plural`` (a singular and plural pair, see :mod:`generator.messages`)."""
METHODS = [("templates/**.j2", "jinja2"), ("**.py", "python")]
TEMPLATE_OPTIONS = {
    "extensions": "jinja2.ext.i18n",
    "trimmed": "true",
    "comment_start_string": "{##",
    "comment_end_string": "##}",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
}
"""The template environment's settings that change how templates parse (see render/templating.py)."""


def extract() -> Catalog:
    """Every message the generator shows readers, with where it is used."""
    catalog = Catalog(project="incident-explainer", domain=i18n.DOMAIN, fuzzy=False)
    options = {"templates/**.j2": TEMPLATE_OPTIONS}
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE_DIR), METHODS, options, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        catalog.add(message, None, [(f"generator/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def _read(path: Path, catalog: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=catalog, domain=i18n.DOMAIN)


def _text(catalog: Catalog) -> str:
    out = io.BytesIO()
    write_po(out, catalog, width=100, ignore_obsolete=True, include_lineno=False, sort_output=True)
    return out.getvalue().decode("utf-8")


def _fill_source(catalog: Catalog) -> None:
    """In the source language's catalog each message translates to itself."""
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(message.id)
        else:
            message.string = message.id
        message.flags.discard("fuzzy")


@dataclass
class Report:
    """What a catalog lacks: messages to translate and translations to check."""

    catalog: str
    untranslated: list[str]
    fuzzy: list[str]
    stale: bool
    """Whether the file on disk differs from what ``explainer catalogs`` would write."""


def updated(path: Path, name: str, template: Catalog) -> tuple[Catalog, str]:
    catalog = _read(path, name)
    catalog.update(template, update_header_comment=False, update_creation_date=False)
    if name == i18n.SOURCE_LANGUAGE:
        _fill_source(catalog)
    return catalog, _text(catalog)


def _first(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


_PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\[|\]\([^)]*\)")


SAME_FLAG = "same-as-source"
"""A translator's flag (``#, same-as-source``) for a translation that is rightly the source text."""


def _copied(message: Message) -> bool:
    """Whether a translation is the source text itself, though that has words to translate and no
    translator flagged it as rightly the same."""
    first = _first(message.id)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    has_words = re.search(r"[A-Za-z]{2}", _PLACEHOLDER.sub("", first)) is not None
    return strings[0] == first and has_words and SAME_FLAG not in message.flags


def report(path: Path, name: str, catalog: Catalog, text: str) -> Report:
    untranslated, fuzzy = [], []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or (name != i18n.SOURCE_LANGUAGE and _copied(message)):
            untranslated.append(_first(message.id))
        elif message.fuzzy:
            fuzzy.append(_first(message.id))
    stale = path.read_text(encoding="utf-8") != text
    return Report(name, untranslated, fuzzy, stale)


def catalogs_in(folder: Path) -> list[tuple[str, Path]]:
    """(language, file) of every catalog in a locales folder."""
    return sorted((p.parent.parent.name, p) for p in folder.glob(f"*/LC_MESSAGES/{i18n.DOMAIN}.po"))


def update(check: bool = False, folder: Path | None = None) -> list[Report]:
    """Bring every catalog of ``folder`` (default: the generator's own) in step with the messages, or,
    with ``check``, only say what is out of step."""
    template = extract()
    reports = []
    for name, path in catalogs_in(folder or i18n.LOCALES_DIR):
        catalog, text = updated(path, name, template)
        reports.append(report(path, name, catalog, text))
        if not check:
            path.write_text(text, encoding="utf-8")
    return reports


def init(language: str, folder: Path) -> Path:
    """Start a catalog for a new language in ``folder`` (a project's locales), every message
    untranslated: until a message is translated, readers see the generator's own translation of it
    if it has one, else the English."""
    try:
        locale = Locale.parse(language, sep="-" if "-" in language else "_")
    except (UnknownLocaleError, ValueError):
        raise UsageError(f"'{language}' is not a language Babel knows: use a tag such as fr or pt-BR") from None
    name = str(locale)
    path = i18n.catalog_file(folder, name)
    if path.exists():
        raise UsageError(f"{path} already exists: run explainer catalogs to update it")
    catalog = Catalog(locale=locale, domain=i18n.DOMAIN, project="incident-explainer", fuzzy=False)
    catalog.update(extract(), update_header_comment=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_text(catalog), encoding="utf-8")
    return path
