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

import contextlib
import gc
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from . import registry, urls
from .occurrences import Index, Occurrences

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
MAX_BLOCKS = 200
"""Most paragraphs and list items one field may have (the site's Markdown slows down beyond)."""


_PLAIN_LINK = re.compile(r"\[([^\[\]()^~!:_`=\\<*@#\n%\->{+$}&]+)\]\(([^\x00-\x20\x7f()<>\\&]+)\)")
"""``[words](target)`` with nothing in the words that another inline rule would read (markdown-it's
text terminators) and nothing in the target to unescape: the shape of nearly every link."""
_PLAIN_TARGET = re.compile(r"(?:https?://[a-z0-9.-]+(?:[/?#][A-Za-z0-9/?#._~=+,;:@!$*'-]*)?|[a-z]+:[a-z0-9-]+)\Z")
"""A target that markdown-it's normalizeLink returns unchanged (lower-case ASCII host, plain path)."""


def _plain_link(state: StateInline, silent: bool) -> bool:
    """markdown-it's link rule for plain links, in one regular expression: the same tokens, about
    three times faster (a paragraph of many links is parsed mostly here). Anything else falls
    through to markdown-it's own rule."""
    if state.src[state.pos] != "[":
        return False
    found = _PLAIN_LINK.match(state.src, state.pos, state.posMax)
    if found is None:
        return False
    if not silent:
        target = found[2]
        opening = state.push("link_open", "a", 1)
        opening.attrs = {"href": target if _PLAIN_TARGET.match(target) else state.md.normalizeLink(target)}
        state.push("text", "", 0).content = found[1]
        state.push("link_close", "a", -1)
    state.pos = found.end()
    return True


def _parser(block: bool) -> MarkdownIt:
    parser = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False, "maxNesting": MAX_NESTING})
    parser.enable([rule for rule in _BLOCK if block or rule not in ("list",)])
    parser.enable(_INLINE)
    parser.enable(["balance_pairs", "fragments_join", "text_join"])
    parser.inline.ruler.before("link", "plain_link", _plain_link)
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
    needle: str = ""
    """The characters where the problem starts, as written (to find it in the record file)."""
    offset: int = 0
    """Where ``needle`` starts in the field's text (0-based)."""


@dataclass(frozen=True)
class Reference:
    kind: str
    id: str
    line: int
    text: str
    offset: int = 0
    """Where ``kind:id`` starts in the field's text (0-based)."""

    @property
    def needle(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass
class Prose:
    source: str
    tokens: list[Token]
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def html(self, address: Callable[[Reference], str] | None = None, lead: str = "") -> str:
        """HTML for a page: paragraphs, lists, em, strong, code and links; every word escaped.

        Each top-level block is on a line of its own. ``lead``: HTML (a label) put in bold before
        the first paragraph's words, or in a paragraph of its own when the field starts with a list.
        """
        out = "".join(_html(self.tokens, address, hover=False))
        if lead:
            starts_with_words = out.startswith("<p>")
            out = (
                f"<p><strong>{lead}</strong> {out[3:]}"
                if starts_with_words
                else f"<p><strong>{lead}</strong></p>\n{out}"
            )
        return out

    def hover(self, width: int = 0, limit: int = 0) -> str:
        """The same words with only the tags a Plotly hover label allows: b, i, br and http(s) links.

        ``width``: break lines at spaces to about this many characters (0: as written). ``limit``:
        end with an ellipsis after about this many characters (0: no limit). Tags stay balanced.
        A record reference reads as its words: a hover label cannot be clicked.
        """
        html_out = "".join(_html(self.tokens, None, hover=True)).strip()
        return _wrap_hover(html_out, width, limit) if width or limit else html_out

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
    with _collector_paused():
        return _parse(text, block)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a field becomes tokens: a long field makes hundreds of
    thousands of objects and no cycles, and the collector's passes over them would double the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse(text: str, block: bool) -> Prose:
    tokens = _PARSERS[block].parse(text)
    prose = Prose(text, tokens)
    line = 1
    blocks = 0
    lines: list[str] = []
    index = Index(text)
    for token in tokens:
        if token.map:
            line = token.map[0] + 1
        if token.type == "list_item_open" or (token.type == "paragraph_open" and not token.hidden):
            blocks += 1
            if blocks == MAX_BLOCKS + 1:
                prose.problems.append(
                    Problem(
                        line, f"has more than {MAX_BLOCKS} paragraphs and list items: shorten it or split the record"
                    )
                )
        if token.type in _REFUSED_BLOCKS:
            lines = lines or text.split("\n")
            first = lines[line - 1].split() if line <= len(lines) else []
            needle = first[0] if first else ""
            prose.problems.append(Problem(line, f"{_REFUSED_BLOCKS[token.type]} is not allowed in prose", needle))
        if token.type == "inline":
            _check_inline(prose, token.children or [], line, index)
    counted, newlines = 0, 0
    for definition in re.finditer(r"(?m)^ {0,3}\[[^\]\n]+\]:", text):
        newlines += text.count("\n", counted, definition.start())
        counted = definition.start()
        prose.problems.append(
            Problem(newlines + 1, "reference-style link definitions are not allowed", definition.group().strip())
        )
    if not prose.plain().strip():
        prose.problems.append(Problem(1, "has only Markdown syntax and no words to show"))
    _place(prose, index)
    return prose


def _place(prose: Prose, index: Index) -> None:
    """Give each problem and reference the offset of its characters in the field's text.

    markdown-it gives lines only: the n-th problem with the same characters on a line is the
    n-th place they occur from the start of that line (the first place not already given to an
    earlier problem or reference with the same characters, from the start of its line).
    """
    text = prose.source
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    places: dict[str, Occurrences] = {}

    def find(needle: str, line: int) -> int:
        start = starts[min(line, len(starts)) - 1]
        if not needle:
            return start
        found = places.get(needle)
        if found is None:
            found = places[needle] = Occurrences(index, needle)
        at = found.take(start)
        return start if at < 0 else at

    prose.problems = [Problem(p.line, p.message, p.needle, find(p.needle, p.line)) for p in prose.problems]
    prose.references = [Reference(r.kind, r.id, r.line, r.text, find(r.needle, r.line)) for r in prose.references]


def _check_inline(prose: Prose, children: list[Token], line: int, index: Index) -> None:
    offset = 0
    texts = _link_texts(children)
    for position, child in enumerate(children):
        if child.type in ("softbreak", "hardbreak"):
            offset += 1
        where = line + offset
        if child.type in _REFUSED_INLINE:
            prose.problems.append(Problem(where, f"{_REFUSED_INLINE[child.type]} is not allowed in prose", "!["))
        if child.type == "link_open":
            href = str(child.attrGet("href") or "")
            if child.markup == "autolink":
                prose.problems.append(Problem(where, "write a link as [words](https://...), not <https://...>", "<"))
            elif child.info == "auto" or child.markup == "linkify":
                prose.problems.append(Problem(where, "write a link as [words](https://...)"))
            words = texts[position]
            if not words.strip():
                prose.problems.append(Problem(where, "a link needs words to show: [words](...)", "]("))
            found = REFERENCE.match(href)
            if found:
                prose.references.append(Reference(found["kind"], found["id"], where, words))
            elif not WEB.match(href):
                start = f"]({href[:12]}"
                prose.problems.append(
                    Problem(
                        where,
                        f"a link must go to an http(s) address or a record (kind:id), not {href[:60]!r}",
                        start if index.places(start) else "](",
                    )
                )
            else:
                try:
                    urls.check(href)
                except ValueError as misleading:  # it would go somewhere other than where it reads
                    needle = f"]({href[:12]}" if f"]({href[:12]}" in prose.source else "]("
                    prose.problems.append(Problem(where, f"a link {misleading}", needle))


def _link_texts(children: list[Token]) -> dict[int, str]:
    """The words of each link: the position of its opening token -> the text of the tokens after it,
    up to the first link closing. One walk over the tokens, however many links there are."""
    texts: dict[int, str] = {}
    reading: list[tuple[int, list[str]]] = []
    for position, child in enumerate(children):
        if child.type == "link_close":
            texts.update((opened, "".join(words)) for opened, words in reading)
            reading = []
            continue
        for _, words in reading:
            words.append(child.content)
        if child.type == "link_open":
            reading.append((position, []))
    texts.update((opened, "".join(words)) for opened, words in reading)
    return texts


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
_BLOCK_ENDS = {"paragraph_close", "bullet_list_close", "ordered_list_close"}
INLINE_TAGS = {"em_open": "<em>", "em_close": "</em>", "strong_open": "<strong>", "strong_close": "</strong>"}
_HOVER_TAGS = {"em_open": "<i>", "em_close": "</i>", "strong_open": "<b>", "strong_close": "</b>"}


def _html(tokens: list[Token], address: Callable[[Reference], str] | None, hover: bool) -> list[str]:
    out: list[str] = []
    bullet = False  # a hover's list item: its bullet is written with its first words
    for token in tokens:
        if token.type == "inline":
            words = _inline_html(token.children or [], address, hover)
            if bullet and words:
                out.append("\u2022 ")
                bullet = False
            out.extend(words)
        elif hover:
            if token.type == "list_item_open":
                bullet = True
            elif (token.type == "paragraph_close" and not token.hidden) or token.type == "list_item_close":
                if out and out[-1] != "<br>":
                    out.append("<br>")
                bullet = False
        elif token.type in _PAGE_TAGS and not token.hidden:  # tight lists' paragraphs are hidden
            if token.type.endswith("list_open") and token.attrGet("start") not in (None, 1, "1"):
                out.append(f'<ol start="{int(str(token.attrGet("start")))}">')
            else:
                out.append(_PAGE_TAGS[token.type])
            if token.type in _BLOCK_ENDS and token.level == 0:
                out.append("\n")
        elif token.type in ("code_block", "fence", "hr", "html_block"):  # refused: kept as their text
            out.append(f"<p>{html.escape(token.content)}</p>" if token.content else "")
    while out and out[-1] in ("<br>", "\n"):
        out.pop()
    return out


def _inline_html(children: list[Token], address: Callable[[Reference], str] | None, hover: bool) -> list[str]:
    out: list[str] = []
    links: list[bool] = []
    tags = _HOVER_TAGS if hover else INLINE_TAGS
    for child in children:
        if child.type in tags:
            out.append(tags[child.type])
        elif child.type == "code_inline":
            out.append(html.escape(child.content) if hover else f"<code>{html.escape(child.content)}</code>")
        elif child.type in ("softbreak", "hardbreak"):
            out.append("<br>" if child.type == "hardbreak" else " ")  # a soft break is a space
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


_TAG = re.compile(r"<(/?)([a-z]+)[^>]*>")


def _wrap_hover(markup: str, width: int, limit: int) -> str:
    """Break hover markup into lines of about ``width`` visible characters and cut it after about
    ``limit`` (an ellipsis, then every open tag closed)."""
    out: list[str] = []
    opened: list[str] = []
    column = total = 0
    for piece in re.split(r"(<[^>]*>| )", markup):
        if not piece:
            continue
        tag = _TAG.fullmatch(piece)
        if tag:
            name = tag.group(2)
            if name == "br":
                column = 0
            elif tag.group(1):
                if opened and opened[-1] == name:
                    opened.pop()
            else:
                opened.append(name)
            out.append(piece)
            continue
        if piece == " ":
            out.append(piece)
            continue
        size = len(html.unescape(piece))
        if limit and total + size > limit:
            if out and out[-1] == " ":
                out.pop()
            out.append("\u2026")
            out.extend(f"</{name}>" for name in reversed(opened))
            break
        if width and column and column + 1 + size > width and out and out[-1] == " ":
            out[-1] = "<br>"
            column = 0
        out.append(piece)
        column += size + (1 if column else 0)
        total += size + 1
    return "".join(out).replace(" <br>", "<br>")


def first_sentence(text: str) -> str:
    """The first sentence of plain text (a page's description), on one line."""
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end == -1 else flat[: end + 1]
