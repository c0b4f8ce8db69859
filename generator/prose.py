"""Prose fields: a small, safe subset of CommonMark, parsed once with markdown-it-py.

An editor may write, in a prose field: *emphasis*, **strong**, `code`, links to ``http``/``https``
addresses, references to records (``[the ministry's statement](statement:ministry-statement)``),
paragraphs and line breaks, and, in block fields, lists. Everything else either reads as the
literal text it is (raw HTML, entities are decoded as text, never markup) or is refused with its
line: headings, images, block quotes, code blocks, tables, rules, reference-style links and their
definitions, autolinks.

One parse (:func:`parse`) gives a :class:`Prose`: its :attr:`~Prose.problems` (refused syntax and
unsafe links, each with its line within the field) and the outputs, all from the same tokens so
the words are the same everywhere: :meth:`~Prose.html` for pages, :meth:`~Prose.hover` for the few
tags Plotly's hover labels allow, :meth:`~Prose.plain` for descriptions, Open Graph, JSON-LD and
search. Record references stay unresolved here (:attr:`~Prose.references`); the caller passes a
function that gives each one its address.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from . import registry

REFERENCE = re.compile(
    r"^(?P<kind>" + "|".join(kind.name for kind in registry.KINDS) + r"):(?P<id>[a-z0-9][a-z0-9-]*)$"
)
"""A record reference's target: the kind's singular name and the record's id, e.g. ``statement:x``."""
WEB = re.compile(r"^https?://[^\s]+$", re.I)

_INLINE = ["text", "newline", "escape", "backticks", "emphasis", "link", "entity", "image", "autolink"]
_BLOCK = ["paragraph", "list", "heading", "lheading", "blockquote", "code", "fence", "hr", "table", "reference"]
# Recognised so that they can be refused with their line, not silently turned into something else.
_REFUSED_BLOCKS = {
    "heading_open": "a heading (# ...)",
    "blockquote_open": "a block quote (> ...)",
    "code_block": "an indented code block",
    "fence": "a fenced code block (```)",
    "hr": "a horizontal rule (---)",
    "table_open": "a table",
}
_REFUSED_INLINE = {"image": "an image (![...](...))"}
MAX_NESTING = 20
"""Deeper nesting (of lists, emphasis or brackets) is not parsed further: it reads as text."""


def _parser(block: bool) -> MarkdownIt:
    parser = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False, "maxNesting": MAX_NESTING})
    parser.enable([rule for rule in _BLOCK if block or rule not in ("list",)])
    parser.enable(_INLINE)
    parser.enable(["balance_pairs", "fragments_join", "text_join"])
    # Every target is checked by parse(): markdown-it's own check would drop a refused link
    # silently instead of saying where it is.
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return parser


_PARSERS = {True: _parser(True), False: _parser(False)}


@dataclass(frozen=True)
class Problem:
    line: int
    """1-based line within the field's text."""
    message: str


@dataclass(frozen=True)
class Reference:
    kind: str
    id: str
    line: int
    text: str


@dataclass
class Prose:
    source: str
    tokens: list[Token]
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def html(self, address: Callable[[Reference], str] | None = None) -> str:
        """HTML for a page: paragraphs, lists, em, strong, code and links; every word escaped."""
        return "".join(_html(self.tokens, address, hover=False))

    def hover(self, address: Callable[[Reference], str] | None = None) -> str:
        """The same words with only the tags a Plotly hover label allows: b, i, br and http(s) links."""
        return "".join(_html(self.tokens, address, hover=True)).strip()

    def plain(self) -> str:
        """The words alone: no markup and no Markdown syntax; paragraphs and items on their own lines."""
        out: list[str] = []
        for token in self.tokens:
            if token.type == "inline":
                out.append("".join(_plain_inline(token.children or [])))
            elif token.type in ("paragraph_close", "list_item_close") and out and not out[-1].endswith("\n"):
                out.append("\n")
        return re.sub(r"\n{2,}", "\n", "".join(out)).strip()


def parse(text: str, block: bool = True) -> Prose:
    """Parse a prose field. ``block``: a field of paragraphs (lists allowed) rather than one line."""
    tokens = _PARSERS[block].parse(text)
    prose = Prose(text, tokens)
    line = 1
    for token in tokens:
        if token.map:
            line = token.map[0] + 1
        if token.type in _REFUSED_BLOCKS:
            prose.problems.append(Problem(line, f"{_REFUSED_BLOCKS[token.type]} is not allowed in prose"))
        if token.type == "inline":
            _check_inline(prose, token.children or [], line)
    for definition in re.finditer(r"(?m)^ {0,3}\[[^\]\n]+\]:", text):
        prose.problems.append(
            Problem(text.count("\n", 0, definition.start()) + 1, "reference-style link definitions are not allowed")
        )
    return prose


def _check_inline(prose: Prose, children: list[Token], line: int) -> None:
    offset = 0
    for position, child in enumerate(children):
        if child.type in ("softbreak", "hardbreak"):
            offset += 1
        where = line + offset
        if child.type in _REFUSED_INLINE:
            prose.problems.append(Problem(where, f"{_REFUSED_INLINE[child.type]} is not allowed in prose"))
        if child.type == "link_open":
            href = str(child.attrGet("href") or "")
            if child.markup == "autolink":
                prose.problems.append(Problem(where, "write a link as [words](https://...), not <https://...>"))
            elif child.info == "auto" or child.markup == "linkify":
                prose.problems.append(Problem(where, "write a link as [words](https://...)"))
            found = REFERENCE.match(href)
            if found:
                prose.references.append(
                    Reference(found["kind"], found["id"], where, _link_text(children[position + 1 :]))
                )
            elif not WEB.match(href):
                prose.problems.append(
                    Problem(where, f"a link must go to an http(s) address or a record (kind:id), not {href[:60]!r}")
                )


def _link_text(children: list[Token]) -> str:
    """The words of a link, from the tokens after its opening."""
    words = []
    for child in children:
        if child.type == "link_close":
            break
        words.append(child.content)
    return "".join(words)


def _safe_href(token: Token, address: Callable[[Reference], str] | None) -> str | None:
    href = str(token.attrGet("href") or "")
    found = REFERENCE.match(href)
    if found:
        return address(Reference(found["kind"], found["id"], 0, "")) if address else None
    return href if WEB.match(href) else None


_PAGE_TAGS = {
    "paragraph_open": "<p>", "paragraph_close": "</p>", "bullet_list_open": "<ul>", "bullet_list_close": "</ul>",
    "ordered_list_open": "<ol>", "ordered_list_close": "</ol>", "list_item_open": "<li>", "list_item_close": "</li>",
}  # fmt: skip
_INLINE_TAGS = {"em_open": "<em>", "em_close": "</em>", "strong_open": "<strong>", "strong_close": "</strong>"}
_HOVER_TAGS = {"em_open": "<i>", "em_close": "</i>", "strong_open": "<b>", "strong_close": "</b>"}


def _html(tokens: list[Token], address: Callable[[Reference], str] | None, hover: bool) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if token.type == "inline":
            out.extend(_inline_html(token.children or [], address, hover))
        elif hover:
            if (token.type == "paragraph_close" and not token.hidden) or token.type == "list_item_close":
                out.append("<br>")
            elif token.type == "list_item_open":
                out.append("\u2022 ")
        elif token.type in _PAGE_TAGS and not token.hidden:  # tight lists' paragraphs are hidden
            out.append(_PAGE_TAGS[token.type])
        elif token.type in ("code_block", "fence", "hr", "html_block"):  # refused: kept as their text
            out.append(f"<p>{html.escape(token.content)}</p>" if token.content else "")
    while hover and out and out[-1] == "<br>":
        out.pop()
    return out


def _inline_html(children: list[Token], address: Callable[[Reference], str] | None, hover: bool) -> list[str]:
    out: list[str] = []
    links: list[bool] = []
    tags = _HOVER_TAGS if hover else _INLINE_TAGS
    for child in children:
        if child.type in tags:
            out.append(tags[child.type])
        elif child.type == "code_inline":
            out.append(html.escape(child.content) if hover else f"<code>{html.escape(child.content)}</code>")
        elif child.type in ("softbreak", "hardbreak"):
            out.append("<br>" if child.type == "hardbreak" or hover else "\n")
        elif child.type == "link_open":
            href = _safe_href(child, address)
            usable = href is not None and (not hover or WEB.match(href) is not None)
            links.append(usable)
            if usable:
                out.append(f'<a href="{html.escape(str(href), quote=True)}">')
        elif child.type == "link_close":
            if links and links.pop():
                out.append("</a>")
        elif child.type == "image":
            out.append(html.escape(child.content))
        else:
            out.append(html.escape(child.content, quote=False))
    return out


def _plain_inline(children: list[Token]) -> list[str]:
    out = []
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type in ("text", "code_inline", "image", "html_inline"):
            out.append(child.content)
    return out
