"""The site's settings that follow from the explainer, computed once.

The site's name, its description (plain words), its language, the palette toggle's names, the
feed's title, the navigation and the pages kept out of it: the MkDocs plugin and the generated
site folder (:mod:`generator.folder`) both copy them from here, so they cannot differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import models
from .i18n import Language, own_name
from .messages import NAV, PALETTE_TOGGLE
from .prose import first_sentence, parse
from .site import FEED, Pages


@dataclass(frozen=True, kw_only=True)
class SiteSettings:
    name: str
    description: str
    """The summary's first sentence, as plain words (no Markdown)."""
    language: str
    """The explainer's language tag (``es-MX``)."""
    og_locale: str
    made_with: str
    """The footer's credit line; ``%(tool)s`` is where the theme's partial puts the link to Material."""
    palette_names: dict[str, str]
    """Colour scheme -> the palette toggle's name when it switches to that scheme."""
    feed: str | None
    """The Atom feed's path, when the site has one (it needs the site's address)."""
    feed_title: str
    nav: list[tuple[str, str]]
    """(title, page path) of the pages the navigation lists, in order."""

    @classmethod
    def of(cls, incident: models.Incident, site_url: str | None = None, prefix: str = "") -> SiteSettings:
        """The settings of an explainer's site (``incident.yml`` is enough: the plugin needs them
        before the pages are made); ``prefix``: the language's folder, if any."""
        pages = Pages().prefixed(prefix)
        language = Language.for_tag(incident.language)
        return cls(
            name=incident.title,
            description=first_sentence(parse(incident.summary).plain()),
            language=incident.language,
            og_locale=language.og_locale,
            made_with=language.gettext("Made with %(tool)s"),
            palette_names={scheme: language.gettext(message) for scheme, message in PALETTE_TOGGLE.items()},
            feed=prefix + FEED if site_url else None,
            feed_title=language.gettext("%(title)s: what changed") % {"title": incident.title},
            nav=[(language.gettext(title), getattr(pages, name)) for name, title in NAV.items()],
        )

    def not_in_nav(self, pages: Iterable[str]) -> list[str]:
        """The pages (``.md``) the navigation does not list, sorted."""
        listed = {path for _, path in self.nav}
        return sorted(path for path in pages if path.endswith(".md") and path not in listed)


def translation_url(site_url: str | None, language: str) -> str | None:
    """The address a translation is published at: the original's, then ``<language>/``."""
    return f"{site_url.rstrip('/')}/{language}/" if site_url else None


def versions(original: models.Incident, language: str | None, site_url: str | None) -> list[dict[str, str]]:
    """The explainer's site in each of its languages, the original's first, for a site in ``language``
    (``None``: the original) at ``site_url``: each one's name in itself, language, root address
    (``link``) and root relative to this site's (``path``). Empty without translations or address."""
    if not original.translations or not site_url:
        return []
    root = site_url.rstrip("/") + "/"
    if language and root.endswith(f"/{language}/"):  # this site is in a folder of the original's
        root = root[: -len(language) - 1]
    up = "../" if language else ""
    return [
        {
            "name": own_name(tag),
            "lang": tag,
            "link": root + ("" if tag == original.language else f"{tag}/"),
            "path": up + ("" if tag == original.language else f"{tag}/"),
        }
        for tag in [original.language, *original.translations]
    ]
