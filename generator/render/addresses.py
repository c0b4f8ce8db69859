"""Addresses that last: ``record/<id>/`` leads to a record wherever it is listed.

Listings are split into pages of 200 (``timeline/page-2/``...), so adding an earlier entry moves
later ones to another page and an address with a page in it breaks. Each record therefore has a
stable address of its own, a small HTML file that sends the browser on (an HTTP-free redirect that
works without JavaScript and names its target for search engines) to wherever the record is shown
in this build. The addresses are in the open data too.
"""

from __future__ import annotations

import functools

from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

from ..site import page_href
from .outputs import Build, Files, output
from .templating import TEMPLATES_DIR


@functools.cache
def _template() -> Template:
    # HTML, not Markdown: an environment of its own that escapes for HTML (and attributes).
    env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=select_autoescape(["html.j2"]),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)  # fmt: skip
    return env.get_template("redirect.html.j2")


@output("addresses", writes=("record/*/index.html",))
def redirects(build: Build) -> Files:
    """Lasting address file -> its HTML (a redirect to where this build shows the record)."""
    site = build.site
    explainer, language = site.explainer, site.language
    template = _template()
    files = {}
    for record_id in explainer.kind_of:
        page, anchor = site.home_of(record_id)
        name = explainer.label(record_id)
        files[site.lasting_file(record_id)] = template.render(
            lang=explainer.incident.language,
            name=name,
            canonical=site.absolute(page, anchor) if site.url else None,
            target=page_href(site.lasting(record_id) + "index.md", page, anchor),
            go=language.gettext("Go to %(name)s") % {"name": name},
        )
    return files
