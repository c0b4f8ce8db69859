"""Stage 4: from the linked explainer to page and data text, through views and templates.

Views (:mod:`generator.views`) decide what each page shows; the templates in
``generator/templates/`` word it in the explainer's language. Every file is written by an output
registered in :mod:`generator.render.outputs` (pages, figures, lasting addresses, open data, feed,
oEmbed). Nothing here reads or writes files other than the templates; every string that came from
an editor is escaped on its way out.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import registry
from ..settings import SiteSettings
from ..site import Site
from . import addresses, feed, oembed, opendata, timelinejs  # noqa: F401  (each registers its output)
from .outputs import OUTPUTS, Build
from .pages import problems_page  # also registers the pages and figures

__all__ = ["Output", "problems_page", "render"]


@dataclass(frozen=True, kw_only=True)
class Output:
    """Everything an explainer renders to: site-relative path -> text, and what the site needs to know."""

    pages: dict[str, str]
    """Markdown pages, e.g. ``timeline.md``."""
    data: dict[str, str]
    """Every other file, e.g. ``figures/timeline.json``."""
    settings: SiteSettings
    records: int = 0
    """How many records the explainer has."""
    edit_paths: dict[str, str] = field(default_factory=dict)
    """Page path -> the record file (and line) an editor changes it in, e.g. ``actors.yml#L12``."""
    lastmod: dict[str, str] = field(default_factory=dict)
    """Page path -> the day it last changed (``YYYY-MM-DD``), for the sitemap."""
    binaries: dict[str, bytes] = field(default_factory=dict)
    """Files that are not text: the sizes of each picture (``media/...``)."""

    @property
    def nav(self) -> list[tuple[str, str]]:
        return self.settings.nav

    @property
    def feed(self) -> str | None:
        return self.settings.feed

    def files(self) -> dict[str, str]:
        return {**self.pages, **self.data}


def render(site: Site, override_dirs: Sequence[Path] = (), author: str | None = None) -> Output:
    """Run every registered output for the site.

    ``override_dirs`` are searched for page templates before the generator's own. ``author``: the
    feed's author (default: the explainer's title). Outputs that need the site's address (the feed,
    oEmbed) are skipped when the site has none.
    """
    build = Build(site, override_dirs, author)
    written: dict[str, str] = {}
    for renderer in OUTPUTS.values():
        if renderer.needs_url and not site.url:
            continue
        for path, text in renderer.render(build).items():
            if not any(fnmatch.fnmatchcase(path.removeprefix(site.prefix), p) for p in renderer.writes):
                raise ValueError(f"output '{renderer.name}' wrote {path}, which is none of {renderer.writes}")
            if path in written:
                raise ValueError(f"outputs '{renderer.name}' and another both write {path}")
            written[path] = text
    page_files = {path: text for path, text in written.items() if path.endswith(".md")}
    explainer = site.explainer
    return Output(
        pages=page_files,
        data={path: text for path, text in written.items() if path not in page_files},
        settings=SiteSettings.of(explainer.incident, site.url, site.prefix),
        records=sum(len(getattr(explainer, kind.key)) for kind in registry.KINDS),
        edit_paths=site.edit_paths(),
        lastmod=lastmod(site, list(page_files)),
    )


def lastmod(site: Site, pages: list[str]) -> dict[str, str]:
    """The day each page last changed: the newest update about a record shown on it; else the day
    the explainer was first published (or, not known, ``as_of``). Pages that show ``as_of``, and
    the list of changes, change with every update."""
    explainer = site.explainer
    incident = explainer.incident
    base = incident.first_published or incident.as_of
    days = dict.fromkeys(pages, base)
    for page in (site.pages.home, site.pages.about, site.pages.changes):
        if page in days:
            days[page] = incident.as_of
    for record_id, update_ids in explainer.notices.items():
        newest = explainer.updates[update_ids[0]].date
        shown = [site.home_of(record_id)[0]]
        if record_id in explainer.entry_number:  # statements are quoted on the timeline too
            shown.append(site.entry_ref(record_id).page)
        for page in shown:
            if page in days and newest > days[page]:
                days[page] = newest
    return {page: day.isoformat() for page, day in days.items()}
