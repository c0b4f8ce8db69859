"""The Atom feed (RFC 4287) of the explainer's updates, corrections and clarifications.

Entry ids are the entries' addresses on the "What changed" page, so they stay the same from build
to build; every date comes from the records (no build time), so two builds of the same content
give the same bytes. Titles are text; an entry's content is its prose as HTML, which the XML
escapes, with the addresses made absolute from the site's address.
"""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET
from collections.abc import Callable

from ..i18n import Language
from ..link import Explainer
from ..messages import UPDATE_KIND
from ..models import Update
from ..prose import Reference
from ..registry import BY_KEY
from .outputs import Build, Files, output

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


@output("feed", writes=("feed.xml",), needs_url=True)
def feed(build: Build) -> Files:
    """The feed's XML text, newest entry first."""
    site = build.site
    assert site.feed is not None  # a site with an address has a feed
    explainer, language = site.explainer, site.language
    incident = explainer.incident
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": incident.language})
    changes = site.absolute(site.pages.changes)

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    add(root, "id", changes)
    add(root, "title", language.gettext("%(title)s: what changed") % {"title": incident.title}, type="text")
    newest = max((u.date for u in explainer.updates.values()), default=incident.first_published or incident.as_of)
    add(root, "updated", _stamp(newest))
    add(root, "link", rel="self", type="application/atom+xml", href=site.absolute(site.feed))
    add(root, "link", rel="alternate", type="text/html", href=changes)
    add(add(root, "author"), "name", build.author or incident.title)

    def address(reference: Reference) -> str:
        found = site.ref(reference.id)
        return site.absolute(found.page, found.anchor)

    kinds = {kind: language.gettext(label) for kind, label in UPDATE_KIND.items()}
    for update in explainer.updates.values():
        entry = add(root, "entry")
        link = site.absolute(site.pages.changes, BY_KEY["updates"].anchor(update.id))
        add(entry, "id", link)
        add(entry, "title", f"{kinds[update.kind]}: {update.title}", type="text")
        add(entry, "updated", _stamp(update.date))
        add(entry, "published", _stamp(update.date))
        add(entry, "link", rel="alternate", type="text/html", href=link)
        add(entry, "category", term=update.kind, label=kinds[update.kind])
        add(entry, "content", _content(explainer, update, language, address), type="html")
    ET.indent(root)
    return {site.feed: '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"}


def _content(explainer: Explainer, update: Update, language: Language, address: Callable[[Reference], str]) -> str:
    """The entry's content: its prose as HTML (the XML escapes it again, as ``type="html"`` wants)."""
    content = explainer.parsed(update.text).html(address)
    if update.was:
        lead = html.escape(language.gettext("It said before:"))
        content += "\n" + explainer.parsed(update.was).html(address, lead=lead)
    return content
