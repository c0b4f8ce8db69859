"""Addresses that last: ``record/<id>/`` leads to a record wherever it is listed.

Listings are split into pages of 200 (``timeline/page-2/``...), so adding an earlier entry moves
later ones to another page and an address with a page in it breaks. Each record therefore has a
stable address of its own, a small HTML file that sends the browser on (an HTTP-free redirect that
works without JavaScript and names its target for search engines) to wherever the record is shown
in this build. The addresses are in the open data too.
"""

from __future__ import annotations

import html

from ..i18n import Language
from ..link import Explainer
from . import paging

FOLDER = "record"


def path_of(record_id: str) -> str:
    """The file a record's stable address serves."""
    return f"{FOLDER}/{record_id}/index.html"


def url_of(record_id: str) -> str:
    """A record's stable address, relative to the site's root."""
    return f"{FOLDER}/{record_id}/"


def redirects(explainer: Explainer, language: Language, site_url: str | None = None) -> dict[str, str]:
    """Stable address file -> its HTML, for every record."""
    from .. import views

    files = {}
    lang = html.escape(explainer.incident.language, quote=True)
    for record_id in explainer.kind_of:
        page, anchor = views.home_of(explainer, record_id)
        target = paging.url_of(page) + (f"#{anchor}" if anchor else "")
        relative = html.escape("../../" + target, quote=True)
        name = explainer.label(record_id)
        go = html.escape(language.gettext("Go to %(name)s") % {"name": name}, quote=False)
        canonical = (
            f'<link rel="canonical" href="{html.escape(paging.absolute(site_url, page, anchor), quote=True)}">\n'
            if site_url
            else ""
        )
        files[path_of(record_id)] = (
            f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(name, quote=False)}</title>\n"
            f'<meta name="robots" content="noindex">\n{canonical}'
            f'<meta http-equiv="refresh" content="0; url={relative}">\n</head>\n'
            f'<body>\n<p><a href="{relative}">{go}</a></p>\n</body>\n</html>\n'
        )
    return files
