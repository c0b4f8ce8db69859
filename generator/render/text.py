"""Escaping: the one place where editors' text is made safe for each output context.

Editors' text is plain text. In Markdown every character that Python-Markdown or one of its
extensions could read as syntax is written as a numeric character reference, so the reader sees
exactly what was typed and nothing ever becomes markup.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from collections.abc import Sequence
from typing import Any

import yaml

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


def html_text(text: str) -> str:
    """Text for HTML element content (also used in chart labels, which Plotly reads as HTML)."""
    return html.escape(text, quote=False)


def front_matter(
    title: str, description: str, jsonld: Any = None, og_type: str = "website", preload: Sequence[str] = ()
) -> str:
    """YAML front matter for a page, dumped by the YAML library rather than formatted.

    Title and description stay plain text (MkDocs also puts them in the search index); the theme
    escapes them where it writes them into HTML. The JSON-LD is HTML-safe JSON. ``preload``:
    scripts the page's chart near its top will need; the theme asks the browser for them from
    ``<head>``, so they download while the page does and run only when a chart needs them.
    """
    values: dict[str, Any] = {"title": str(title), "description": str(description), "og_type": og_type}
    if preload:
        values["preload"] = [str(path) for path in preload]
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


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link between two generated pages (paths relative to the docs root)."""
    target = _relative(from_page, to_page)
    return f"{target}#{anchor}" if anchor else target


@functools.lru_cache(maxsize=65_536)
def _relative(from_page: str, to_page: str) -> str:
    # Pages link to the same few pages thousands of times; relpath is slow enough to matter.
    return "" if to_page == from_page else posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def url(address: str) -> str:
    """An http(s) address as a Markdown link destination (validated before; brackets encoded)."""
    return address.replace("(", "%28").replace(")", "%29")
