"""oEmbed 1.0 documents (``type: rich``): how a CMS that discovers embeds finds each chart's iframe."""

from __future__ import annotations

import json

from .. import views
from ..site import site_base
from . import text
from .outputs import Build, Files, output


@output("oembed", writes=("oembed-*.json",), needs_url=True)
def oembeds(build: Build) -> Files:
    site = build.site
    assert site.url is not None
    language, incident = site.language, site.explainer.incident
    found = {}
    for view in build.views:
        if not (isinstance(view, views.Embed) and view.code is not None):
            continue
        title = language.gettext("%(chart)s: %(title)s") % {
            "chart": language.gettext(view.chart.label),
            "title": incident.title,
        }
        document = {
            "version": "1.0",
            "type": "rich",
            "title": title,
            "provider_name": incident.title,
            "provider_url": site_base(site.url),
            "html": text.embed_snippet(view.code.address, title),
            "width": views.EMBED_WIDTH,
            "height": text.EMBED_HEIGHT,
        }
        found[view.chart.oembed] = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return found
