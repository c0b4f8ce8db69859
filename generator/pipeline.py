"""The stages strung together: content folder in, rendered output (or every problem) out."""

from __future__ import annotations

import contextlib
import functools
import gc
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from . import i18n, media, models, translate, translations
from .errors import ContentError, UsageError
from .link import Explainer, link
from .load import load_yaml
from .render import Output, render
from .site import PAGE_SIZE, Site
from .validate import INCIDENT_FILE, validate_content

T = TypeVar("T")


@dataclass
class Timings:
    """Seconds spent in each stage, in the order they ran."""

    stages: dict[str, float] = field(default_factory=dict)

    def run(self, name: str, step: Callable[[], T]) -> T:
        started = time.perf_counter()
        try:
            return step()
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - started


@dataclass(frozen=True, kw_only=True)
class BuildReport:
    """What a build found: every problem (as lines to show), or how many records and pages it made
    and the seconds each stage took."""

    problems: list[str] = field(default_factory=list)
    records: int | None = None
    pages: int | None = None
    stages: dict[str, float] = field(default_factory=dict)


@contextlib.contextmanager
def quiet_collector() -> Iterator[None]:
    """Pause Python's cycle collector while a stage builds its many long-lived objects.

    Records, indexes and views are kept until the stage ends and hold few reference cycles, yet the
    collector would walk all of them again and again as they grow (at 5,000 events it took more
    than half of the time of loading and rendering). Objects are still freed by reference counting;
    the collector runs once the stage is over.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_explainer(content_dir: Path, timings: Timings | None = None, drafts: bool = False) -> Explainer:
    """Load, validate and link a content folder. Raises :class:`ContentError` listing every problem.

    ``drafts``: text still to be written is allowed (the live preview shows it, marked).
    """
    with quiet_collector():
        return _build_explainer(content_dir, timings or Timings(), drafts)


def _build_explainer(content_dir: Path, timings: Timings, drafts: bool = False) -> Explainer:
    content, problems = timings.run("load+validate", lambda: validate_content(content_dir, drafts))
    if content is None:
        raise ContentError(problems)
    read = [
        timings.run("translations", functools.partial(translations.load, content, language, drafts))
        for language in translations.languages(content)
    ]
    for _, found in read:
        problems += found
    # Linking runs even when records have problems, on those that passed: every problem of every
    # file is reported in one run, none hidden until another is mended.
    explainer, linked = timings.run("link", lambda: link(content, complete=not problems))
    if problems or linked or explainer is None:
        raise ContentError([*problems, *linked])
    explainer.translations = {
        translation.language: timings.run("translations", functools.partial(translate.apply, content, translation))
        for translation, _ in read
    }
    return explainer


def read_incident(content_dir: Path, language: str | None = None) -> models.Incident | None:
    """Only ``incident.yml``, for settings the site needs before its pages (name, language); in
    ``language``, one of its translations, with the translated title and summary where given.

    ``None`` when it has a problem: the full check reports it.
    """
    i18n.use_project(content_dir.absolute().parent)
    loaded, problems = load_yaml(content_dir / INCIDENT_FILE)
    if loaded is None or problems:
        return None
    try:
        incident = models.Incident.model_validate(loaded.data)
    except ValueError:
        return None
    if language is None:
        return incident
    translated, problems = load_yaml(content_dir / language / INCIDENT_FILE)
    given = translated.data if translated is not None and not problems and isinstance(translated.data, dict) else {}
    words = {name: given[name] for name in ("title", "summary") if isinstance(given.get(name), str) and given[name]}
    return incident.model_copy(update={**words, "language": language})


def translated_explainer(explainer: Explainer, language: str, timings: Timings | None = None) -> Explainer:
    """The explainer in one of its translations' languages. Raises :class:`ContentError` when the
    translated records do not link (the original's checks have passed: this should not happen)."""
    translated = explainer.translations.get(language)
    if translated is None:
        raise UsageError(
            f"'{language}' is not a translation of this explainer: its translations are"
            f" {', '.join(explainer.translations) or 'none'} ('translations' in incident.yml)"
        )
    timings = timings or Timings()
    linked, problems = timings.run("link", lambda: link(translated.content))
    if problems or linked is None:
        raise ContentError(problems)
    linked.translations = explainer.translations
    linked.original = explainer
    return linked


def generate(
    content_dir: Path,
    timings: Timings | None = None,
    template_dirs: Sequence[Path] = (),
    site_url: str | None = None,
    author: str | None = None,
    drafts: bool = False,
    page_size: int = PAGE_SIZE,
    language: str | None = None,
) -> Output:
    """Every page and data file of the explainer in ``content_dir``.

    ``template_dirs`` are searched for page templates before the generator's own (a site's overrides).
    ``drafts``: for the live preview, text still to be written is shown instead of refused.
    ``page_size``: records per listing page. ``language``: one of the explainer's translations, to
    make its site instead of the original's.
    """
    timings = timings or Timings()
    with quiet_collector():
        explainer = _build_explainer(content_dir, timings, drafts)
        if language is not None:
            explainer = translated_explainer(explainer, language, timings)
        words = i18n.Language.for_tag(explainer.incident.language)
        named = media.named([*explainer.events.values(), *explainer.statements.values()])
        pictures, made = timings.run("media", lambda: media.make(content_dir, named)) if named else ({}, {})
        site = Site(explainer, words, page_size=page_size, url=site_url, pictures=pictures)
        output = timings.run("render", lambda: render(site, template_dirs, author))
        output.binaries.update(made)
        return output
