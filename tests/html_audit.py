"""Checks every built HTML file for anything that could run or load code it should not."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

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
