"""Property tests: any schema-valid records build, and every editor's string comes out as text.

Pages are rendered to HTML with Python-Markdown and the same extensions as the site, then read
back: only the tags and attributes the generator itself writes may appear, and each string the
editor typed is in the visible text exactly (up to HTML's whitespace collapsing).
"""

from __future__ import annotations

import itertools
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.models import _FORBIDDEN_CHARS
from generator.pipeline import generate

ALLOWED_TAGS = {
    "h1", "h2", "h3", "p", "a", "strong", "em", "ol", "ul", "li", "blockquote", "br",
    "figure", "figcaption", "div", "span",
    "svg", "g", "rect", "circle", "polygon", "path", "text",  # the charts' pictures
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "href", "id", "class", "start", "role", "data-figure", "title", "aria-labelledby", "aria-describedby",
    "data-label-controls", "data-label-lane", "data-label-reset", "data-label-failed", "data-label-zoom-in",
    "data-label-zoom-out",
    # the charts' pictures: geometry and presentation only (no href, no event handler, no script)
    "width", "height", "focusable", "style", "x", "y", "r", "points", "d", "text-anchor", "dominant-baseline",
    "opacity", "data-anchor", "data-bundle", "data-bundle-src",
}  # fmt: skip
EXTENSIONS = ["attr_list", "md_in_html", "toc"]

# Text as editors might type it: any Unicode except surrogates and the characters validation refuses.
_char = st.characters(blacklist_categories=("Cs",)).filter(lambda c: not _FORBIDDEN_CHARS.match(c))
_markup = st.sampled_from(
    list("<>&\"'`*_[](){}#|!$%~^=:@+-.\\/ \n\t") + ["<script>", "&lt;", "](", "{:", "%{", "--8<--"]
)
text = st.lists(st.one_of(_char, _markup), min_size=1, max_size=40).map("".join).filter(lambda s: s.strip())
line = text.map(lambda s: s.replace("\n", " ").replace("\r", " ")).filter(lambda s: s.strip())


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add(name)
            if name == "href":
                self.hrefs.append(value or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def flat(value: str) -> str:
    return " ".join(value.split())


def explainer_files(words: list[str], lines: list[str]) -> dict[str, Any]:
    """A minimal valid explainer whose every free-text field holds one of the generated strings."""
    w, ln = itertools.cycle(words), itertools.cycle(lines)
    unknown = {"precision": "unknown", "basis": next(w), "as_reported": next(ln)}
    return {
        "incident.yml": {
            "title": next(ln), "summary": next(w), "as_of": "2025-01-01", "language": "en",
            "key_facts": [{"text": next(w), "sources": ["src"]}], "method": next(w), "corrections": next(w),
        },
        "sources.yml": [{
            "id": "src", "title": next(ln), "publisher": next(ln), "kind": "other",
            "published": unknown, "access_note": next(w),
        }],
        "actors.yml": [
            {"id": "side", "name": next(ln), "kind": "country", "sources": ["src"], "description": next(w)},
            {"id": "person", "name": next(ln), "kind": "person", "role": next(ln), "affiliation": "side",
             "sources": ["src"]},
        ],
        "events.yml": [{
            "id": "ev", "title": next(ln), "summary": next(w), "actors": ["person"], "when": unknown,
            "location": next(ln), "sources": ["src"], "note": next(w),
        }],
        "statements.yml": [{
            "id": "st", "title": next(ln), "speaker": "person", "form": "verbatim", "text": next(w),
            "medium": next(ln), "context": next(w), "when": unknown, "after": ["ev"], "responds_to": ["ev"],
            "sources": ["src"], "note": next(w),
        }],
        "questions.yml": [{
            "id": "q", "question": next(ln), "why_it_matters": next(w), "what_would_answer": next(w),
            "status": "partly_answered", "answer": next(w), "related": ["ev", "person"], "sources": ["src"],
        }],
    }  # fmt: skip


def strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() if key not in ("id", "precision", "kind", "form", "status",
                "as_of", "language", "sources", "actors", "speaker", "affiliation", "after", "responds_to",
                "related") for s in strings_in(item)]  # fmt: skip
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(text, min_size=1, max_size=6), lines=st.lists(line, min_size=1, max_size=6))
def test_any_valid_records_render_and_every_string_stays_text(words: list[str], lines: list[str]) -> None:
    files = explainer_files(words, lines)
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder)
        for name, data in files.items():
            (content / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        output = generate(content)

    seen = _Reader()
    for source in output.pages.values():
        body = re.sub(r"\A---\n.*?\n---\n", "", source, flags=re.S)
        seen.feed(markdown.markdown(body, extensions=EXTENSIONS))
    assert seen.tags <= ALLOWED_TAGS, seen.tags - ALLOWED_TAGS
    assert seen.attributes <= ALLOWED_ATTRIBUTES, seen.attributes - ALLOWED_ATTRIBUTES
    assert all(not re.match(r"[a-z][a-z0-9+.-]*:|//", href, re.I) for href in seen.hrefs), seen.hrefs
    visible = flat("".join(seen.text))
    for typed in strings_in(files):
        assert flat(typed) in visible, typed
