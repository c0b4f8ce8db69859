"""Long listings are split into pages of at most ``PAGE_SIZE`` records, so no page grows with the
size of the explainer: ``timeline.md``, ``timeline/page-2.md``, ``timeline/page-3.md``..."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

PAGE_SIZE = 200
"""Records per listing page."""

T = TypeVar("T")


def page_path(stem: str, number: int) -> str:
    """Source path of page ``number`` (1-based) of a listing."""
    return f"{stem}.md" if number == 1 else f"{stem}/page-{number}.md"


def page_of(stem: str, position: int) -> str:
    """The listing page holding the record at 0-based ``position``."""
    return page_path(stem, position // PAGE_SIZE + 1)


def timeline_page(number: int) -> str:
    """The timeline page listing entry ``number`` (1-based, as shown in the list and on the chart)."""
    return page_of("timeline", number - 1)


def url_of(path: str) -> str:
    """A page's address relative to the site root (MkDocs' default directory URLs)."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def site_base(site_url: str) -> str:
    """The site's address, ending in exactly one slash."""
    return site_url.rstrip("/") + "/"


def absolute(site_url: str, path: str, anchor: str | None = None) -> str:
    """The absolute address of a page (``.md``, with directory URLs) or of any other file of the site."""
    target = url_of(path) if path.endswith(".md") else path
    return site_base(site_url) + target + (f"#{anchor}" if anchor else "")


def split(items: Sequence[T]) -> list[list[T]]:
    """The items in pages of ``PAGE_SIZE`` (always at least one page)."""
    return [list(items[i : i + PAGE_SIZE]) for i in range(0, len(items), PAGE_SIZE)] or [[]]
