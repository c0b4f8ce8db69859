"""The explainer's language: its message catalog and Babel's wording of dates and numbers.

The language is said once, in ``incident.yml`` (a BCP 47 tag such as ``es`` or ``es-MX``). Its
catalog is ``locales/<language>/LC_MESSAGES/explainer.po``, looked up by the full tag first and then
by its first part: in the project's own ``locales/`` folder (beside its content folder) first, then
in the generator's. Babel formats days, months, ranges and numbers for the tag.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from . import dates, models
from .messages import PART_OF_DAY

LOCALES_DIR = Path(__file__).parent / "locales"
"""The generator's own catalogs."""
PROJECT_LOCALES = "locales"
"""A project's own catalogs: a folder of this name beside its content folder."""
DOMAIN = "explainer"
SOURCE_LANGUAGE = "en"
"""The language the messages are written in (its catalog repeats them)."""

_project: list[Path] = []


def use_project(project: Path) -> None:
    """Look for catalogs in ``project``'s own ``locales/`` folder before the generator's (a
    newsroom adds or changes a language without touching the installed package)."""
    folder = (project / PROJECT_LOCALES).absolute()
    wanted = [folder] if folder.is_dir() else []
    if wanted != _project:
        _project[:] = wanted
        _translations.cache_clear()
        _remembered.cache_clear()


def folders() -> list[Path]:
    """Where catalogs are looked for, first to last."""
    return [*_project, LOCALES_DIR]


def catalog_file(folder: Path, catalog: str) -> Path:
    return folder / catalog / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_path(catalog: str) -> Path:
    """The catalog in use for a language: the project's, else the generator's."""
    for folder in folders():
        if catalog_file(folder, catalog).is_file():
            return catalog_file(folder, catalog)
    return catalog_file(LOCALES_DIR, catalog)


def available() -> list[str]:
    """The catalogs there are, the project's and the generator's, e.g. ``['en', 'es', 'fr']``."""
    found = {path.parent.parent.name for folder in folders() for path in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return sorted(found)


def catalog_for(tag: str) -> str | None:
    """The catalog for a language tag: the full tag's (``es_MX``) if there is one, else its language's."""
    shipped = set(available())
    parts = tag.split("-")
    for candidate in ("_".join([parts[0].lower(), *parts[1:]]), parts[0].lower()):
        if candidate in shipped:
            return candidate
    return None


def locale_for(tag: str) -> Locale | None:
    """Babel's locale for a language tag, or ``None`` when Babel does not know it."""
    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        return None


def direction_of(tag: str) -> str:
    """``rtl`` for a language written from right to left, else ``ltr`` (as HTML's ``dir`` says)."""
    locale = locale_for(tag)
    return "rtl" if locale is not None and locale.text_direction == "rtl" else "ltr"


def own_name(tag: str) -> str:
    """A language's name in itself, as a language switch shows it ("English", "Español")."""
    locale = locale_for(tag)
    name = (locale.get_display_name(locale) if locale is not None else None) or tag
    return name[:1].upper() + name[1:]


@functools.cache
def _translations(catalog: str) -> gettext.NullTranslations:
    """The catalog's translated, non-fuzzy messages (read from the .po file; no compiled file is kept).
    A message a project's catalog leaves untranslated falls back to the generator's, then to English."""
    fallback = None
    if catalog_path(catalog) != catalog_file(LOCALES_DIR, catalog) and catalog_file(LOCALES_DIR, catalog).is_file():
        fallback = _compiled(catalog_file(LOCALES_DIR, catalog), catalog)
    translations = _compiled(catalog_path(catalog), catalog)
    if fallback is not None:
        translations.add_fallback(fallback)
    return translations


def _compiled(path: Path, catalog: str) -> Translations:
    with path.open("rb") as handle:
        messages = read_po(handle, locale=catalog, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, messages, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@dataclass(frozen=True)
class Language:
    """Everything that words a page for one language: messages, dates and numbers."""

    tag: str
    """The tag from ``incident.yml``, e.g. ``es-MX``."""
    catalog: str
    """The catalog in use, e.g. ``es``."""
    locale: Locale
    """Babel's locale for the tag."""

    @classmethod
    def for_tag(cls, tag: str) -> Language:
        """The language of a tag; ``ValueError`` when it has no catalog (validation says so first)."""
        catalog, locale = catalog_for(tag), locale_for(tag)
        if catalog is None or locale is None:
            raise ValueError(tag)
        return cls(tag, catalog, locale)

    @property
    def translations(self) -> gettext.NullTranslations:
        return _translations(self.catalog)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    @property
    def html_lang(self) -> str:
        """The tag as ``<html lang>`` and JSON-LD ``inLanguage`` write it."""
        return self.tag

    @property
    def right_to_left(self) -> bool:
        """Whether the language is written from right to left (Arabic, Hebrew, Persian...)."""
        return direction_of(self.tag) == "rtl"

    @property
    def og_locale(self) -> str:
        """The tag as Open Graph writes it (``es_MX``)."""
        return str(self.locale)

    def number(self, value: int) -> str:
        return babel_numbers.format_decimal(value, locale=self.locale)

    def day(self, day: dt.date) -> str:
        """A calendar day in words: ``28 de noviembre de 2026``."""
        return _day(self.locale, day)

    def month(self, year: int, month: int) -> str:
        return _month(self.locale, year, month)

    def zone_name(self, zone: dt.tzinfo) -> str:
        """A UTC offset as readers know it: ``UTC`` or ``UTC−06:00`` (never "GMT", which is a zone of its own)."""
        delta = zone.utcoffset(None) or dt.timedelta()
        if not delta:
            return self.gettext("UTC")
        minutes = int(abs(delta).total_seconds()) // 60
        sign = "\u2212" if delta < dt.timedelta() else "+"
        return self.gettext("UTC%(offset)s") % {"offset": f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"}

    def describe(self, when: models.DateInfo, until: models.DateInfo | None = None) -> str:
        """A date as a reader should see it, at exactly its precision and no finer.

        With ``until``, the span of something that lasted. The wording never uses brackets, so it
        can itself stand in brackets.
        """
        if until is not None:
            return self.gettext("from %(start)s to %(end)s") % {
                "start": _remembered(self, when),
                "end": _remembered(self, until),
            }
        return _remembered(self, when)

    def _word(self, when: models.DateInfo) -> str:
        _ = self.gettext
        if isinstance(when, models.ExactDate):
            moment = when.datetime
            return _("%(day)s, %(time)s %(zone)s") % {
                "day": self.day(moment.date()),
                "time": babel_dates.format_time(moment, "short", locale=self.locale),
                "zone": self.zone_name(moment.tzinfo),  # type: ignore[arg-type]
            }
        if isinstance(when, models.DayDate):
            return self._day_date(when)
        if isinstance(when, models.MonthDate):
            year, month = (int(part) for part in when.month.split("-"))
            if when.approximate:
                return _("about %(month)s") % {"month": self.month(year, month)}
            return _("%(month)s, day not known") % {"month": self.month(year, month)}
        if isinstance(when, models.YearDate):
            if when.approximate:
                return _("about %(year)s") % {"year": str(when.year)}
            return _("%(year)s, month not known") % {"year": str(when.year)}
        if isinstance(when, models.RangeDate):
            return _("some day between %(earliest)s and %(latest)s") % {
                "earliest": self.day(when.earliest),
                "latest": self.day(when.latest),
            }
        return _("Date not reported")

    def _day_date(self, when: models.DayDate) -> str:
        _ = self.gettext
        day = self.day(when.date)
        if when.approximate:
            day = _("about %(day)s") % {"day": day}
        if when.part_of_day is not None:
            day = _(PART_OF_DAY[when.part_of_day]) % {"day": day}
        elif when.hour is not None:
            hour = babel_dates.format_time(dt.time(when.hour, 0), "short", locale=self.locale)
            day = _("%(day)s, about %(time)s") % {"day": day, "time": hour}
        if when.utc_offset is not None:
            day = _("%(when)s, %(zone)s") % {"when": day, "zone": self.zone_name(dates.offset(when.utc_offset))}
        return day

    def describe_with_words(self, when: models.DateInfo, until: models.DateInfo | None = None) -> str:
        """The date followed by the source's own words about it, when there are any."""
        described = self.describe(when, until)
        if when.as_reported:
            return self.gettext("%(date)s, reported as “%(words)s”") % {"date": described, "words": when.as_reported}
        return described

    def entry_date(self, record: models.Event | models.Statement, words: bool = False) -> str:
        """When a timeline entry happened (or lasted), optionally with the source's own words."""
        until = getattr(record, "until", None)
        return self.describe_with_words(record.when, until) if words else self.describe(record.when, until)


# Thousands of entries share a few hundred days: Babel's formatting is worth remembering.
@functools.lru_cache(maxsize=65_536)
def _day(locale: Locale, day: dt.date) -> str:
    return babel_dates.format_date(day, "long", locale=locale)


@functools.lru_cache(maxsize=4_096)
def _month(locale: Locale, year: int, month: int) -> str:
    return babel_dates.format_skeleton("yMMMM", dt.date(year, month, 1), locale=locale)


@functools.lru_cache(maxsize=65_536)
def _remembered(language: Language, when: models.DateInfo) -> str:
    return language._word(when)
