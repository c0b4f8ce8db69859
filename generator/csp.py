"""A strict Content-Security-Policy on every page, as a ``<meta>`` tag the build writes.

Scripts come only from the site itself, plus the page's own inline scripts (the theme's: Material's
and ours), each allowed by the sha256 of its text, computed from the page as built (the text differs
by page: Material's first script names the path to the site's root). Nothing else may run: no
``eval`` or ``new Function`` on any page (``'unsafe-eval'`` is in no policy: every chart, at every
size, is drawn in SVG by plotly.js's basic bundle, which compiles no code), no plugins, no
``<base>``, no forms sent elsewhere, no frames, and fonts, images, data and workers from the site
only. Styles come from the site's stylesheets; style attributes are allowed because Material and
plotly.js set them as they draw (``style-src-attr``); of inline ``<style>`` elements only an empty
one is (plotly.js fills its own through the CSSOM).

A ``<meta>`` policy cannot say ``frame-ancestors`` (who may frame the page); the README says how to
send it as a header for the pages that must not be embedded.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence

SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
SOURCE = re.compile(r"\ssrc\s*=", re.I)
HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
RUNS = {"", "text/javascript", "application/javascript", "module"}
"""Script types a browser runs (others, like JSON-LD and Material's configuration, are data)."""
EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
"""An empty ``<style>`` element: plotly.js adds one and fills it through the CSSOM (insertRule),
which the policy does not restrict; any inline ``<style>`` with text in it stays refused."""


def inline_hashes(html: str) -> list[str]:
    """The CSP source of each inline script the page runs: ``'sha256-...'``, in order, each once."""
    found: dict[str, None] = {}
    for match in SCRIPT.finditer(html):
        attrs = match["attrs"]
        kind = TYPE.search(attrs)
        if SOURCE.search(attrs) or (kind and kind.group(1).lower() not in RUNS):
            continue
        digest = base64.b64encode(hashlib.sha256(match["body"].encode("utf-8")).digest()).decode("ascii")
        found[f"'sha256-{digest}'"] = None
    return list(found)


def style_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str, styles: Sequence[str] = ()) -> str:
    """The policy for one built page (``styles``: the text of ``<style>`` elements the engine's own
    script adds, allowed by their hashes)."""
    scripts = ["'self'", *inline_hashes(html)]
    return "; ".join(
        [
            "default-src 'self'",
            "script-src " + " ".join([*scripts, "'report-sample'"]),
            " ".join(["style-src 'self'", EMPTY_STYLE, *(style_hash(text) for text in styles), "'report-sample'"]),
            "style-src-attr 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "frame-src 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def apply(html: str, styles: Sequence[str] = ()) -> str:
    """The page with its policy first in ``<head>`` (a page without a head, or with a policy, is kept)."""
    head = HEAD.search(html)
    if head is None or "Content-Security-Policy" in html[: head.end() + 200]:
        return html
    return html[: head.end()] + META.format(policy=policy(html, styles)) + html[head.end() :]
