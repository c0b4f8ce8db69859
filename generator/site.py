"""The site: every address of one explainer in one language, said once.

A :class:`Site` is built once per build (and, with several languages, once per language) from the
linked explainer and the build's settings (records per listing page, the site's address, the
language and its folder). Views, figures and every output ask it where things are: a page's source
path and address, the page and anchor that show a record, a record's lasting address, a chart's
element id, figure, embed page and oEmbed document, the feed and the open data files, the record
file an editor changes a page in. Nothing else spells a path.

Source paths are MkDocs' (``timeline/page-2.md``); addresses are relative to the site's root with
directory URLs (``timeline/page-2/``); with a language folder (``prefix="es/"``) both start with it.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from . import registry
from .derive import Derived
from .i18n import Language
from .link import Explainer
from .media import Picture
from .messages import N_

T = TypeVar("T")

PAGE_SIZE = 200
"""Records per listing page, unless a build says otherwise."""
FEED = "feed.xml"
"""The Atom feed's path (in the language's folder)."""


@dataclass(frozen=True)
class Pages:
    """The source path of each page that is not a record's own or a listing's continuation."""

    home: str = "index.md"
    timeline: str = "timeline.md"
    statements: str = "statements.md"
    actors: str = "actors/index.md"
    questions: str = "questions.md"
    sources: str = "sources.md"
    changes: str = "changes.md"
    data: str = "data.md"
    about: str = "about.md"

    def prefixed(self, prefix: str) -> Pages:
        return Pages(**{name: prefix + path for name, path in vars(self).items()})


@dataclass(frozen=True)
class Chart:
    """Where a chart is: its element id, its figure data, the list that says the same, its embed."""

    name: str
    """``timeline`` or ``whos-who``: the name in the embed page's and oEmbed document's paths."""
    id: str
    figure: str
    """The figure data's path, e.g. ``figures/timeline.json``."""
    list_anchor: str
    embed: str
    """The embed page's source path."""
    oembed: str
    """The oEmbed document's path."""
    label: str
    """The message that names the chart (translated where shown)."""


class Ref(NamedTuple):
    """A link to the place a record (or a page) is shown, named by the record's name or title."""

    label: str
    page: str
    """The page's source path, e.g. ``timeline.md``."""
    anchor: str | None = None


def url_of(path: str) -> str:
    """A page's address relative to the site root (MkDocs' directory URLs)."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def site_base(site_url: str) -> str:
    """The site's address, ending in exactly one slash."""
    return site_url.rstrip("/") + "/"


@functools.lru_cache(maxsize=65_536)
def _relative(from_page: str, to_page: str) -> str:
    # Pages link to the same few pages thousands of times; relpath is slow enough to matter.
    return "" if to_page == from_page else posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative Markdown link between two generated pages (source paths; MkDocs rewrites it)."""
    target = _relative(from_page, to_page)
    return f"{target}#{anchor}" if anchor else target


def page_href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative address between two generated pages as the built site has them (directory URLs),
    for links placed as HTML, which MkDocs does not rewrite."""
    here, there = url_of(from_page), url_of(to_page)
    if here == there:
        target = ""
    else:
        target = posixpath.relpath(there or ".", here or ".")
        target = "./" if target == "." else target + "/"
    return f"{target}#{anchor}" if anchor else target or "./"


def file_href(from_page: str, path: str) -> str:
    """A relative address from a generated page, as the built site has it, to any other file of the
    site (a picture), for HTML the generator writes."""
    return posixpath.relpath(path, url_of(from_page) or ".")


class Site:
    """Every address of one explainer's site in one language."""

    def __init__(
        self,
        explainer: Explainer,
        language: Language,
        *,
        page_size: int = PAGE_SIZE,
        url: str | None = None,
        prefix: str = "",
        pictures: dict[str, Picture] | None = None,
    ) -> None:
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        if prefix and not prefix.endswith("/"):
            raise ValueError("a language folder ends in '/'")
        self.explainer = explainer
        self.language = language
        self.derived = Derived(explainer)
        self.page_size = page_size
        self.url = url or None
        """The published site's address (absolute links need it: feed, embeds, canonical links)."""
        self.prefix = prefix
        self.pictures = pictures or {}
        """Each picture records name (``media/...``) -> its sizes for the web (see :mod:`generator.media`)."""
        self.pages = Pages().prefixed(prefix)
        self.feed = prefix + FEED if self.url else None
        """The Atom feed's path (it needs the site's address for its absolute links)."""
        self.data_folder = prefix + "data"
        self.data_json = f"{self.data_folder}/explainer.json"
        self.data_schema = f"{self.data_folder}/explainer.schema.json"
        self.timelinejs = f"{self.data_folder}/timelinejs.json"
        self.record_folder = prefix + "record"
        self.charts = {
            "timeline": self._chart("timeline", "timeline-chart", "figures/timeline.json", "in-order",
                                    N_("Timeline")),
            "whos-who": self._chart("whos-who", "involvement-chart", "figures/involvement.json",
                                    "who-said-and-did-what-list", N_("Who said and did what")),
        }  # fmt: skip
        self._refs: dict[str, Ref] = {}

    def _chart(self, name: str, element: str, figure: str, list_anchor: str, label: str) -> Chart:
        prefix = self.prefix
        # The oEmbed documents sit at the site's root: Material's script fetches sitemap.xml beside
        # every <link rel=alternate>.
        return Chart(name, element, prefix + figure, list_anchor, f"{prefix}embed/{name}.md",
                     f"{prefix}oembed-{name}.json", label)  # fmt: skip

    # --- pages -----------------------------------------------------------------------------------

    def listing_page(self, stem: str, number: int) -> str:
        """Source path of page ``number`` (1-based) of a listing (``stem``: ``timeline``...)."""
        return f"{self.prefix}{stem}.md" if number == 1 else f"{self.prefix}{stem}/page-{number}.md"

    def page_of(self, stem: str, position: int) -> str:
        """The listing page holding the record at 0-based ``position``."""
        return self.listing_page(stem, position // self.page_size + 1)

    def timeline_page(self, number: int) -> str:
        """The timeline page listing entry ``number`` (1-based, as the list and the chart number it)."""
        return self.page_of("timeline", number - 1)

    def page_index(self, number: int) -> int:
        """Which of the timeline's pages (0-based) lists entry ``number``."""
        return (number - 1) // self.page_size

    def timeline_pages(self) -> list[str]:
        """The addresses of the timeline's pages, relative to the site's root, in order."""
        count = max(len(self.explainer.timeline), 1)
        return [url_of(self.timeline_page(n)) for n in range(1, count + 1, self.page_size)]

    def split(self, items: Sequence[T]) -> list[list[T]]:
        """The items in pages of ``page_size`` (always at least one page)."""
        size = self.page_size
        return [list(items[i : i + size]) for i in range(0, len(items), size)] or [[]]

    def record_page(self, kind: registry.Kind, record_id: str) -> str:
        """The page of its own a record has (kinds with ``own_page``)."""
        return f"{self.prefix}{kind.listing}/{record_id}.md"

    def absolute(self, path: str, anchor: str | None = None) -> str:
        """The absolute address of a page (a ``.md`` source path) or of any other file of the site."""
        if not self.url:
            raise ValueError("absolute addresses need the site's address (site_url)")
        target = url_of(path) if path.endswith(".md") else path
        return site_base(self.url) + target + (f"#{anchor}" if anchor else "")

    # --- records ---------------------------------------------------------------------------------

    def home_of(self, record_id: str) -> tuple[str, str | None]:
        """The page and anchor where a record is shown in full."""
        explainer = self.explainer
        kind = registry.BY_KEY[explainer.kind_of[record_id]]
        if kind.own_page:
            return self.record_page(kind, record_id), None
        if kind.paged:
            return self.page_of(kind.listing, explainer.position[record_id]), kind.anchor(record_id)
        return f"{self.prefix}{kind.listing}.md", kind.anchor(record_id)

    def ref(self, record_id: str) -> Ref:
        """A link to where a record is shown (pages link to the same records thousands of times)."""
        found = self._refs.get(record_id)
        if found is None:
            page, anchor = self.home_of(record_id)
            found = self._refs[record_id] = Ref(self.explainer.labels[record_id], page, anchor)
        return found

    def refs(self, record_ids: Iterable[str]) -> list[Ref]:
        return [self.ref(record_id) for record_id in record_ids]

    def entry_ref(self, record_id: str) -> Ref:
        """Where an event or statement is listed on the timeline."""
        explainer = self.explainer
        number = explainer.entry_number[record_id]
        kind = registry.BY_KEY[explainer.kind_of[record_id]]
        return Ref(explainer.label(record_id), self.timeline_page(number), kind.anchor(record_id))

    def lasting(self, record_id: str) -> str:
        """A record's lasting address (``record/<id>/``), relative to the site's root: it leads to
        the record wherever a build lists it."""
        return f"{self.record_folder}/{record_id}/"

    def lasting_file(self, record_id: str) -> str:
        """The file a record's lasting address serves."""
        return f"{self.record_folder}/{record_id}/index.html"

    def csv(self, kind: registry.Kind) -> str:
        """The open data file of one kind of record."""
        return f"{self.data_folder}/{kind.key}.csv"

    # --- editing ---------------------------------------------------------------------------------

    def edit_paths(self) -> dict[str, str]:
        """Page -> where its records are written: a record's own line for its page, else its file."""
        pages, explainer = self.pages, self.explainer
        paths = {pages.home: "incident.yml", pages.about: "incident.yml", pages.actors: "actors.yml"}
        for kind in registry.KINDS:
            if not kind.own_page:
                paths[f"{self.prefix}{kind.listing}.md"] = kind.file
        for kind in registry.KINDS:
            if kind.own_page:
                for record_id in getattr(explainer, kind.key):
                    line, _ = explainer.origins[record_id].position("id")
                    paths[self.record_page(kind, record_id)] = f"{kind.file}#L{line}"
        return paths
