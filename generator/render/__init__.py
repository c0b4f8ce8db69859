"""Stage 4: from the linked explainer to page and data text, through views and templates.

Views (:mod:`generator.views`) decide what each page shows; the templates in
``generator/templates/`` word it in the explainer's language. Nothing here reads or writes files
other than the templates; every string that came from an editor is escaped on its way out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import registry, views
from ..i18n import Language
from ..link import Explainer
from ..messages import NAV
from . import addresses, charts, feed, involvement, opendata, paging, picture, templating, text, timeline


@dataclass(frozen=True)
class Output:
    """Everything an explainer renders to: site-relative path -> text."""

    pages: dict[str, str]
    """Markdown pages, e.g. ``timeline.md``."""
    data: dict[str, str]
    """Data files the pages load, e.g. ``figures/timeline.json``."""
    nav: list[tuple[str, str]] = field(default_factory=list)
    """(title, page path) of the pages the site's navigation lists, in order."""
    records: int = 0
    """How many records the explainer has."""
    edit_paths: dict[str, str] = field(default_factory=dict)
    """Page path -> the record file (and line) an editor changes it in, e.g. ``actors.yml#L12``."""
    bundles: frozenset[str] = frozenset({"basic"})
    """The plotly.js bundles the charts need (names in ``assets.PLOTLY_BUNDLES``)."""
    lastmod: dict[str, str] = field(default_factory=dict)
    """Page path -> the day it last changed (``YYYY-MM-DD``), for the sitemap."""
    feed: str | None = None
    """The Atom feed's path, when the site has one (it needs the site's address)."""

    def files(self) -> dict[str, str]:
        return {**self.pages, **self.data}


def render_view(env: templating.Environment, view: views.Page) -> str:
    """One page: its view's fields are the template's variables."""
    values = {name: getattr(view, name) for name in view.__dataclass_fields__}
    return env.get_template(view.template).render(values)


def render(
    explainer: Explainer, override_dirs: Sequence[Path] = (), site_url: str | None = None, author: str | None = None
) -> Output:
    """Render every page and data file of the explainer.

    ``site_url``: the published site's address; the Atom feed needs it for its absolute links, so
    without it there is no feed. ``author``: the feed's author (default: the explainer's title).
    """
    language = Language.for_tag(explainer.incident.language)
    figures = {
        timeline.FIGURE_PATH: (charts.plain(timeline.figure(explainer, language)), "timeline-chart-name"),
        involvement.FIGURE_PATH: (charts.plain(involvement.figure(explainer, language)), "involvement-chart-name"),
    }
    pictures = {path: picture.picture(figure, language, name) for path, (figure, name) in figures.items()}
    keys: dict[str, Any] = {path: picture.key_lanes(figure) for path, (figure, _) in figures.items()}
    keys.update({f"{path}#scale-changes": picture.scale_changes(figure) for path, (figure, _) in figures.items()})
    bundles = {path: charts.bundle(figure) for path, (figure, _) in figures.items()}
    env = templating.environment(language, override_dirs, pictures, bundles, explainer, keys)
    page_views = views.all_pages(explainer, feed.PATH if site_url else None, site_url)
    pages = {view.page: render_view(env, view) for view in page_views}
    data = {path: charts.to_json(figure) for path, (figure, _) in figures.items()}
    if site_url:
        data[feed.PATH] = feed.feed(explainer, language, site_url, author)
    data.update(addresses.redirects(explainer, language, site_url))
    data.update(opendata.files(explainer))
    data.update(oembeds(explainer, language, page_views, site_url))
    records = sum(len(getattr(explainer, kind.key)) for kind in registry.KINDS)
    nav = [(language.gettext(title), path) for path, title in NAV.items()]
    return Output(
        pages=pages,
        data=data,
        nav=nav,
        records=records,
        edit_paths=edit_paths(explainer),
        bundles=frozenset(bundles.values()),
        lastmod=lastmod(explainer, list(pages)),
        feed=feed.PATH if site_url else None,
    )


def oembeds(
    explainer: Explainer, language: Language, page_views: Sequence[views.Page], site_url: str | None
) -> dict[str, str]:
    """The oEmbed 1.0 document (``type: rich``) of each embeddable chart, beside its embed page."""
    found = {}
    for view in page_views:
        if isinstance(view, views.Embed) and view.code is not None and site_url:
            chart = (
                language.gettext("Timeline") if view.name == "timeline" else language.gettext("Who said and did what")
            )
            title = language.gettext("%(chart)s: %(title)s") % {"chart": chart, "title": explainer.incident.title}
            document = {
                "version": "1.0",
                "type": "rich",
                "title": title,
                "provider_name": explainer.incident.title,
                "provider_url": paging.site_base(site_url),
                "html": text.embed_snippet(view.code.address, title),
                "width": views.EMBED_WIDTH,
                "height": text.EMBED_HEIGHT,
            }
            path = views.oembed_path(view.name)
            found[path] = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return found


def lastmod(explainer: Explainer, pages: list[str]) -> dict[str, str]:
    """The day each page last changed: the newest update about a record shown on it; else the day
    the explainer was first published (or, not known, ``as_of``). Pages that show ``as_of``, and
    the list of changes, change with every update."""
    incident = explainer.incident
    base = incident.first_published or incident.as_of
    days = dict.fromkeys(pages, base)
    for page in ("index.md", "about.md", "changes.md"):
        if page in days:
            days[page] = incident.as_of
    for record_id, update_ids in explainer.notices.items():
        newest = explainer.updates[update_ids[0]].date
        shown = [views.home_of(explainer, record_id)[0]]
        if record_id in explainer.entry_number:  # statements are quoted on the timeline too
            shown.append(views.entry_ref(explainer, record_id).page)
        for page in shown:
            if page in days and newest > days[page]:
                days[page] = newest
    return {page: day.isoformat() for page, day in days.items()}


def problems_page(lines: list[str], language_tag: str | None = None, override_dirs: Sequence[Path] = ()) -> str:
    """The page the live preview shows in place of every page while the content has mistakes."""
    language = Language.for_tag(language_tag) if language_tag else Language.for_tag("en")
    env = templating.environment(language, override_dirs)
    return render_view(env, views.problems(lines))


def edit_paths(explainer: Explainer) -> dict[str, str]:
    """Where each page's records are written: a record's own line for its page, else its file."""
    paths = {"index.md": "incident.yml", "about.md": "incident.yml", "actors/index.md": "actors.yml"}
    for kind in registry.KINDS:
        if not kind.own_page:
            paths[f"{kind.listing}.md"] = kind.file
    for kind in registry.KINDS:
        if kind.own_page:
            for record_id in getattr(explainer, kind.key):
                line, _ = explainer.origins[record_id].position("id")
                paths[kind.record_page(record_id)] = f"{kind.file}#L{line}"
    return paths
