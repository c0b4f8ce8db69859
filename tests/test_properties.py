"""Property tests: any schema-valid records build, and every editor's string comes out as text.

Pages are rendered to HTML with Python-Markdown and the same extensions as the site, then read
back: only the tags and attributes the generator itself writes may appear, each plain string the
editor typed is in the visible text exactly (up to HTML's whitespace collapsing), and each prose
field (random Markdown and HTML fragments) shows exactly its words, the same words as its plain
text, in the page, its description and its structured data.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator import prose
from generator.characters import JOINERS, first_refused
from generator.fields import PLACEHOLDER
from generator.pipeline import generate
from tests.html_pages import Fragment

ALLOWED_TAGS = {
    "h1", "h2", "h3", "p", "a", "strong", "em", "code", "ol", "ul", "li", "blockquote", "br", "button",
    "figure", "figcaption", "div", "span",
    "svg", "g", "rect", "circle", "polygon", "path", "text", "tspan", "pattern",  # the charts' pictures
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "href", "id", "class", "start", "role", "data-figure", "title", "aria-labelledby", "aria-describedby",
    "data-label-failed",
    "hidden", "disabled", "type", "aria-pressed",  # the chart's controls, working once the site script runs
    # the charts' pictures: geometry and presentation only (no href, no event handler, no script)
    "width", "height", "focusable", "style", "x", "y", "r", "points", "d", "text-anchor", "dominant-baseline",
    "opacity", "data-anchor", "data-bundle-src", "dy", "fill", "stroke", "stroke-width", "cx", "cy",
    "patternUnits",
    # what the site script reads from a picture: each point's place, lane, entry and keyboard label
    "data-x", "data-y", "data-axis", "data-lane", "data-page", "data-order", "data-label", "data-geometry",
    "aria-hidden", "aria-label",  # the chart's key: its swatches are decoration, the list is named
    "target", "rel",  # an embedded chart's links open the explainer in a new tab (rel=noopener)
    "data-label-copy", "data-label-copied",  # "Embed this chart": its copy button's words
}  # fmt: skip
EXTENSIONS = ["attr_list", "md_in_html", "toc"]

# Text as editors might type it: any Unicode except surrogates and the characters validation refuses
# (joiners too, which it keeps only between two characters outside ASCII).
_char = st.characters(blacklist_categories=("Cs",)).filter(
    lambda c: ord(c) not in JOINERS and first_refused(f"\u00e9{c}\u00e9") is None
)
_markup = st.sampled_from(
    list("<>&\"'`*_[](){}#|!$%~^=:@+-.\\/ \n\t") + ["<script>", "&lt;", "](", "{:", "%{", "--8<--"]
)


def _written(value: str) -> bool:
    """Text an editor has written: not blank, and not the starter's placeholder (a build refuses it)."""
    return bool(value.strip()) and not value.lstrip().startswith(PLACEHOLDER)


text = st.lists(st.one_of(_char, _markup), min_size=1, max_size=40).map("".join).filter(_written)
line = text.map(lambda s: s.replace("\n", " ").replace("\r", " ")).filter(_written)

# Prose: words with the subset's syntax, raw HTML, entities and stray markers; only prose that
# parses without a problem (refused syntax has its own tests).
_prose_piece = st.one_of(
    _char.filter(lambda c: c not in "#>!<`-=*_+|~\n\t\r" and not c.isspace()),
    st.sampled_from(
        [" ", " ", "*", "**", "_", "`", "[", "]", "(", ")", "](", "\\", "\\*", "&amp;", "&lt;i&gt;", "&#42;",
         "[a link](https://ok.example/p?q=1&r=(2))", "[see](actor:person)", "<b>", "</b>", "<script>x</script>",
         '<a href="javascript:x">', "\n", "\n\n", "\n\n- ", "\n\n1. ", "{: .x}", "%{x}", "$", "'", '"']
    ),
)  # fmt: skip
prose_text = (
    st.lists(_prose_piece, min_size=1, max_size=30)
    .map("".join)
    .filter(lambda s: _written(s) and not prose.parse(s).problems and not prose.parse(s, block=False).problems)
)
PROSE_FIELDS = {
    "summary", "method", "corrections", "access_note", "description", "note", "context", "why_it_matters",
    "what_would_answer", "answer",
}  # fmt: skip


def flat(value: str) -> str:
    return " ".join(value.split())


def explainer_files(words: list[str], lines: list[str], proses: list[str]) -> dict[str, Any]:
    """A minimal valid explainer whose every free-text field holds one of the generated strings:
    plain text in plain fields, prose in prose fields."""
    w, ln, p = itertools.cycle(words), itertools.cycle(lines), itertools.cycle(proses)
    unknown = {"precision": "unknown", "basis": next(w), "as_reported": next(ln)}
    return {
        "incident.yml": {
            "title": next(ln), "summary": next(p), "as_of": "2025-01-01", "language": "en",
            "key_facts": [{"text": next(p), "sources": ["src"]}], "method": next(p), "corrections": next(p),
            "licence": {"name": next(ln)},
        },
        "sources.yml": [{
            "id": "src", "title": next(ln), "publisher": next(ln), "kind": "other",
            "published": unknown, "access_note": next(p),
        }],
        "actors.yml": [
            {"id": "side", "name": next(ln), "kind": "country", "sources": ["src"], "description": next(p)},
            {"id": "person", "name": next(ln), "kind": "person", "role": next(ln), "affiliation": "side",
             "sources": ["src"]},
        ],
        "events.yml": [{
            "id": "ev", "title": next(ln), "summary": next(p), "actors": ["person"], "when": unknown,
            "location": next(ln), "sources": ["src"], "note": next(p),
        }],
        "statements.yml": [{
            "id": "st", "title": next(ln), "speaker": "person", "form": "verbatim", "text": next(w),
            "medium": next(ln), "context": next(p), "when": unknown, "after": ["ev"], "responds_to": ["ev"],
            "sources": ["src"], "note": next(p),
        }],
        "questions.yml": [{
            "id": "q", "question": next(ln), "why_it_matters": next(p), "what_would_answer": next(p),
            "status": "partly_answered", "answer": next(p), "related": ["ev", "person"], "sources": ["src"],
        }],
    }  # fmt: skip


def strings_in(value: Any, key: str = "") -> list[tuple[str, str]]:
    """(field name, text) of every free-text value."""
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, dict):
        return [s for name, item in value.items() if name not in ("id", "precision", "kind", "form", "status",
                "as_of", "language", "sources", "actors", "speaker", "affiliation", "after", "responds_to",
                "related") for s in strings_in(item, name)]  # fmt: skip
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item, key)]
    return []


@pytest.mark.slow  # 60 whole sites: about 40 s
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    words=st.lists(text, min_size=1, max_size=6),
    lines=st.lists(line, min_size=1, max_size=6),
    proses=st.lists(prose_text, min_size=1, max_size=6),
)
def test_any_valid_records_render_and_every_string_stays_text(
    words: list[str], lines: list[str], proses: list[str]
) -> None:
    files = explainer_files(words, lines, proses)
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder)
        for name, data in files.items():
            (content / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        output = generate(content)

    seen = Fragment()
    home: dict[str, Any] = {}
    for path, source in output.pages.items():
        head = re.match(r"\A---\n(.*?)\n---\n", source, flags=re.S)
        if head and path == "index.md":
            home = yaml.safe_load(head.group(1))
        seen.feed(markdown.markdown(source[head.end() if head else 0 :], extensions=EXTENSIONS))
    assert seen.tags <= ALLOWED_TAGS, seen.tags - ALLOWED_TAGS
    assert seen.attributes <= ALLOWED_ATTRIBUTES, seen.attributes - ALLOWED_ATTRIBUTES
    # Links go to pages of the site or, from prose, to http(s) addresses: never another scheme.
    assert all(href.startswith(("https://", "http://")) or not re.match(r"[a-z][a-z0-9+.-]*:|//", href, re.I)
               for href in seen.hrefs), seen.hrefs  # fmt: skip
    visible = flat("".join(seen.text))
    for name, typed in strings_in(files):
        if name in PROSE_FIELDS or name == "text" and typed in proses:
            words_of = flat(prose.parse(typed, block=name != "text").plain())
            assert words_of in visible, (typed, words_of)
        else:
            assert flat(typed) in visible, typed
    # The home page's description and structured data: the summary's words, no Markdown left.
    summary = flat(prose.parse(files["incident.yml"]["summary"]).plain())
    assert summary.startswith(flat(home["description"])), (home["description"], summary)
    assert flat(json.loads(home["jsonld"])["description"]) == summary


_HOVER_TAG = re.compile(r"<(/?)([a-z]+)((?:\s[^>]*)?)>")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(typed=prose_text, width=st.integers(0, 40), limit=st.integers(0, 200))
@example(typed="0) 0", width=0, limit=0)  # a numbered list starting at 0
def test_every_output_of_a_prose_field_holds_its_words_and_only_its_tags(typed: str, width: int, limit: int) -> None:
    parsed = prose.parse(typed)
    words = flat(parsed.plain())
    # No link syntax or strong markers in the words unless the editor typed them as text.
    syntax = r"\*\*|\]\(|</?[a-z]+>"
    assert not re.search(syntax, words) or re.search(syntax, html.unescape(typed).replace("\\", "")), words
    page = Fragment()
    written = parsed.html(lambda ref: f"../{ref.kind}s/#{ref.id}")
    page.feed(written)
    assert page.tags <= {"p", "ul", "ol", "li", "em", "strong", "code", "a", "br"}
    assert page.attributes <= {"href", "start"}
    # A numbered list that does not start at 1 ("3) third") keeps its first number, and only that.
    assert all(re.fullmatch(r'<ol start="-?[0-9]+">', tag) for tag in re.findall(r"<[a-z]+ start=[^>]*>", written))
    assert flat("".join(page.text)) == words
    hover = parsed.hover(width=width, limit=limit)
    tags = _HOVER_TAG.findall(hover)
    assert {name for _, name, _ in tags} <= {"b", "i", "br", "a"}, hover
    assert all(not attrs or re.fullmatch(r' href="https?://[^"]*"', attrs) for _, _, attrs in tags), hover
    opened = [name for closing, name, _ in tags if not closing and name != "br"]
    closed = [name for closing, name, _ in tags if closing]
    assert sorted(opened) == sorted(closed), hover
    # The same words (a hover label marks list items with a bullet, and breaks lines at spaces).
    shown = html.unescape(_HOVER_TAG.sub(lambda m: " " if m.group(2) == "br" else "", hover))
    shown, said = (re.sub("[\\s\u2022]", "", value) for value in (shown, words))
    if limit and shown.endswith("\u2026"):
        assert said.startswith(shown[:-1]), (hover, words)
    else:
        assert shown == said, (hover, words)
