"""Escaping: the one place where editors' text is made safe for each output context.

Editors' text is plain text, or prose (:mod:`generator.prose`) whose formatting the generator
writes itself. In Markdown every character that Python-Markdown or one of its extensions could
read as syntax is written as a numeric character reference, so the reader sees exactly what was
typed and nothing ever becomes markup it did not mean.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

import yaml
from markdown_it.token import Token

from ..prose import INLINE_TAGS, REFERENCE, WEB, Prose

# Every ASCII punctuation character that starts or ends Markdown syntax in Python-Markdown or the
# extensions this site enables (attr_list, md_in_html, admonition, snippets, tables, footnotes...).
_MARKDOWN_SPECIAL = set("\\`*_{}[]()<>#+-!|$%~^=:@&\"'")
_ESCAPES = {char: f"&#{ord(char)};" for char in _MARKDOWN_SPECIAL}
_ESCAPES.update({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_TABLE = str.maketrans(_ESCAPES)
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def _escape_line(line: str) -> str:
    escaped = line.strip().translate(_TABLE)
    # "1. text" at the start of a line would become an ordered list.
    return _LIST_NUMBER.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", escaped)


def inline(text: str) -> str:
    """Text for one line of Markdown (a heading, a list item, a link's text)."""
    return " ".join(_escape_line(line) for line in text.splitlines() if line.strip())


def block(text: str) -> str:
    """Text of one or more paragraphs for Markdown. Blank lines separate paragraphs; line breaks are kept."""
    paragraphs = re.split(r"\n[ \t]*\n", text.strip())
    rendered = []
    for paragraph in paragraphs:
        lines = [_escape_line(line) for line in paragraph.splitlines() if line.strip()]
        rendered.append("  \n".join(lines))  # two trailing spaces: a line break
    return "\n\n".join(rendered)


def prose_inline(parsed: Prose, target: Callable[[str, str], str]) -> str:
    """A one-paragraph prose field (a key fact) as Markdown on one line, written from its tokens.

    Words are escaped like :func:`inline`; emphasis, strong and code are inline HTML; links are
    Markdown links, so MkDocs checks and rewrites a reference's ``.md`` address (``target(kind,
    id)``). Block prose is placed as HTML instead (:meth:`Prose.html`): Python-Markdown reads a
    paragraph of numeric character references in time that grows with the square of its length.
    """
    words = (_inline_markdown(token, target) for token in parsed.tokens if token.type == "inline")
    line = " ".join(word for word in words if word)
    return _LIST_NUMBER.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", line)


def _inline_markdown(token: Token, target: Callable[[str, str], str]) -> str:
    out: list[str] = []
    closing: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "image"):
            out.append(child.content.translate(_TABLE))
        elif kind == "code_inline":
            out.append(f"<code>{child.content.translate(_TABLE)}</code>")
        elif kind in INLINE_TAGS:
            out.append(INLINE_TAGS[kind])
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("<br>")
        elif kind == "link_open":
            href = str(child.attrGet("href") or "")
            found = REFERENCE.match(href)
            address = target(found["kind"], found["id"]) if found else url(href) if WEB.match(href) else ""
            closing.append(f"]({address})" if address else "")
            out.append("[" if address else "")
        elif kind == "link_close":
            out.append(closing.pop() if closing else "")
    return "".join(out).strip()


EMBED_HEIGHT = 640
"""An embedded chart's iframe height in pixels: the chart and the top of its list."""


def embed_snippet(address: str, title: str) -> str:
    """The iframe a host page pastes to show a chart (responsive: it fills its column)."""
    return (
        f'<iframe src="{html.escape(address, quote=True)}" title="{html.escape(title, quote=True)}"'
        f' width="100%" height="{EMBED_HEIGHT}" loading="lazy" style="border:0;max-width:100%"></iframe>'
    )


def code(text: str) -> str:
    """Text as one Markdown code span, shown character for character (a fence longer than any run
    of backticks in it; line breaks become spaces)."""
    flat = " ".join(text.split())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {flat} {fence}" if longest else f"{fence}{flat}{fence}"


def quote(text: str) -> str:
    """Text as a Markdown block quote."""
    return "\n".join(f"> {line}" if line else ">" for line in block(text).split("\n"))


def html_block(text: str) -> str:
    """Text of one or more paragraphs as HTML: blank lines separate paragraphs, line breaks are kept."""
    paragraphs = re.split(r"\n[ \t]*\n", text.strip())
    return "".join(
        "<p>" + "<br>\n".join(html_text(line.strip()) for line in paragraph.splitlines() if line.strip()) + "</p>"
        for paragraph in paragraphs
    )


def html_text(text: str) -> str:
    """Text for HTML element content (also used in chart labels, which Plotly reads as HTML)."""
    return html.escape(text, quote=False)


def front_matter(
    title: str,
    description: str,
    jsonld: Any = None,
    og_type: str = "website",
    preload: Sequence[str] = (),
    template: str | None = None,
    oembed: str | None = None,
    hidden: bool = False,
) -> str:
    """YAML front matter for a page, dumped by the YAML library rather than formatted.

    Title and description stay plain text (MkDocs also puts them in the search index); the theme
    escapes them where it writes them into HTML. The JSON-LD is HTML-safe JSON. ``preload``:
    scripts the theme asks the browser for from ``<head>``, so they download while the page does
    (and run only when a chart needs them).
    """
    values: dict[str, Any] = {"title": str(title), "description": str(description), "og_type": og_type}
    if preload:
        values["preload"] = [str(path) for path in preload]
    if template:  # the theme template the page is rendered with (an embed has no site chrome)
        values["template"] = str(template)
    if oembed:  # the chart's oEmbed document, announced in <head> for CMSs that discover embeds
        values["oembed"] = str(oembed)
    if hidden:  # not in the site's search results
        values["search"] = {"exclude": True}
    if jsonld is not None:
        values["jsonld"] = json_for_html(jsonld)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: fast on long JSON-LD values
    dumped = yaml.dump(values, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{dumped}---\n\n"


def json_for_html(value: Any) -> str:
    """JSON that is also safe wherever HTML might embed it: no ``<``, ``>``, ``&`` or line separators."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def url(address: str) -> str:
    """An http(s) address as a Markdown link destination (validated before; brackets encoded)."""
    return address.replace("(", "%28").replace(")", "%29")
