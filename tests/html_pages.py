"""Reading built pages as a reader (and an attacker) would: visible text, links and element ids
(:func:`read_page`), a listing's elements and sections (:func:`read_listing`), and the audit of
everything that could run or load code (:func:`audit_page`, :func:`audit_site`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag == "script":
            self.scripts.append(values)
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def visible_text(path: Path) -> str:
    """The page's text with whitespace collapsed, as a reader would read it."""
    return " ".join("".join(read_page(path).text).split())


def flat(text: str) -> str:
    return " ".join(text.split())


# --- Reading built pages -------------------------------------------------------------------------


@dataclass
class Part:
    """What a reader finds inside one element, or in one heading's section (the heading and
    everything up to the next heading of the same or a higher level)."""

    chunks: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    @property
    def text(self) -> str:
        """The visible text, whitespace collapsed."""
        return flat("".join(self.chunks))


_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.S)


class Listing(HTMLParser):
    """The article of one or more pages (a listing split into pages), by element id and by section."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: dict[str, Part] = {}
        self.sections: dict[str, Part] = {}
        self.id_counts: Counter[str] = Counter()
        self._open: list[tuple[str, Part | None]] = []
        self._sections: list[tuple[int, Part]] = []
        self._skip = 0

    def add_page(self, page: Path) -> None:
        text = page.read_text(encoding="utf-8")
        article = _ARTICLE.search(text)
        self.feed(article.group(1) if article else text)
        self.close()
        self.reset()
        self._open, self._sections, self._skip = [], [], 0

    def _active(self) -> list[Part]:
        return [part for _, part in self._open if part is not None] + [part for _, part in self._sections]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        level = _HEADINGS.get(tag)
        if level is not None:
            while self._sections and self._sections[-1][0] >= level:
                self._sections.pop()
        element_id = values.get("id")
        for part in self._active():
            if element_id:
                part.ids.add(element_id)
            if tag == "a" and values.get("href"):
                part.hrefs.append(str(values["href"]))
        part = None
        if element_id:
            self.id_counts[element_id] += 1
            part = self.elements.setdefault(element_id, Part())
            if level is not None:
                self._sections.append((level, self.sections.setdefault(element_id, Part())))
        if tag in ("script", "style"):
            self._skip += 1
        if tag not in _VOID:
            self._open.append((tag, part))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skip:
            for part in self._active():
                part.chunks.append(data)


def listing_pages(site: Path, stem: str) -> list[Path]:
    """The built pages of a listing: ``stem/index.html`` and ``stem/page-N/index.html`` ('' is home)."""
    if not stem:
        return [site / "index.html"]
    rest = sorted(site.glob(f"{stem}/page-*/index.html"), key=lambda p: int(p.parent.name.removeprefix("page-")))
    return [p for p in [site / stem / "index.html", *rest] if p.is_file()]


def read_listing(site: Path, stem: str) -> Listing:
    listing = Listing()
    for page in listing_pages(site, stem):
        listing.add_page(page)
    return listing


# Inline scripts the theme (Material for MkDocs and ours) writes into every page, recognised by how they start.
THEME_INLINE_SCRIPTS = (
    "(function holdSearchIndex() {",  # generator/theme/main.html
    "(function embedPalette() {",  # generator/theme/embed.html
    "__md_scope=new URL(",
    'var palette=__md_get("__palette")',
    "var target=document.getElementById(location.hash.slice(1))",
)
# The theme's bundle and the site script, by relative path or by path from the site's root (404.html).
SCRIPT_FILES = re.compile(
    r"^(?![a-z][a-z0-9+.-]*:)(?!//)(?:[a-z0-9_./-]*/)?assets/javascripts/(?:bundle\.[0-9a-f]+\.min\.js|explainer\.js)$",
    re.I,
)
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background"}
SITE_RELATIVE = re.compile(r"^(?![a-z][a-z0-9+.-]*:)(?!//)", re.I)


class _Auditor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler attribute {name}={value!r}")
            if name in URL_ATTRIBUTES and value is not None:
                stripped = value.strip()
                if not (SITE_RELATIVE.match(stripped) or stripped.startswith(("http://", "https://"))):
                    self.problems.append(f"<{tag} {name}={value!r}> is neither http(s) nor site-relative")
        if tag == "script":
            self._script = dict(attrs)
            self._script_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        attrs, body = self._script, "".join(self._script_text).strip()
        self._script = None
        if attrs.get("src"):
            if not SCRIPT_FILES.match(str(attrs["src"])):
                self.problems.append(f"script from {attrs['src']!r} is not one of the site's own")
        elif attrs.get("type") == "application/json" and attrs.get("id") == "__config":
            if "</" in body or "<script" in body.lower():
                self.problems.append("theme configuration contains markup")
        elif attrs.get("type") == "application/ld+json":
            if "<" in body or ">" in body:  # the generator writes it with < and > escaped
                self.problems.append("structured data contains an unescaped < or >")
        elif not body.startswith(THEME_INLINE_SCRIPTS):
            self.problems.append(f"unexpected inline script: {body[:80]!r}")


def audit_page(path: Path) -> list[str]:
    auditor = _Auditor()
    auditor.feed(path.read_text(encoding="utf-8"))
    auditor.close()
    return auditor.problems


def audit_site(site: Path) -> dict[str, list[str]]:
    """Problems per page (relative path); an empty dict means every page passed."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        problems = audit_page(path)
        if problems:
            found[path.relative_to(site).as_posix()] = problems
    return found


class Fragment(HTMLParser):
    """A piece of HTML the generator wrote: its tags, attributes, links and text (blocks as spaces)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag in ("br", "p", "li", "ul", "ol", "div", "h1", "h2", "h3", "blockquote", "figcaption"):
            self.text.append(" ")  # a line break or a new block separates words as a space does
        for name, value in attrs:
            self.attributes.add(name)
            if name == "href":
                self.hrefs.append(value or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)
