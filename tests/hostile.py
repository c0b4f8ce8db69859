"""A hostile corpus: text that looks like code, put into every kind of field of a valid explainer.

In plain fields (titles, names, a statement's words) every payload must come out on the page as
the literal text the editor typed, and never as markup, script, link or template. Prose fields
read a safe subset of Markdown: there, Markdown attacks that are valid prose (``PROSE``) must end
as inert text with the words shown, and those that are not (``REFUSED``) must stop the build with
their position. ``hostile_content(folder)`` writes the fixture explainer with the payloads in
place and returns where each payload must be seen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from generator import fields
from tests.conftest import FIXTURE

# Single-line payloads: each becomes the whole value of a one-line field.
INLINE = [
    "<script>alert('p1')</script>",
    "<img src=x onerror=alert('p2')>",
    "<svg onload=alert('p3')>",
    "\\<script>alert('p4')\\</script>",
    "&lt;b&gt;not bold&lt;/b&gt; &amp; &#x3C;i&#x3E;",
    "[click me](javascript:alert('p5'))",
    "text {: onclick=\"alert('p6')\" } {#fake-id}",
    "</script><script>alert('p7')</script>",
    "<!-- comment start",
    "*em* _under_ **strong** `code` ~~strike~~ ==mark== ^^ins^^ :smile:",
    "<a href=\"javascript:alert('p8')\">link</a>",
    "$x^2$ and $$y$$ and \\(z\\)",
    "%{customdata[0]} %{x} {{ config.site_name }} {% raw %}",
    "javascript:alert('p9')",
    '" onmouseover="alert(\'p10\')" data-x="',
    "' onfocus='alert(11)' autofocus x='",
    "Joiners kept where they join: 👩\u200d👩\u200d👧 family,"
    " \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645, \u0915\u094d\u200d\u0937",  # emoji, Persian, Devanagari
    '!!! note "admonition"',
    '--8<-- "/etc/passwd"',
    "[^1] footnote and *[HTML]: abbreviation",
]

# Multi-line payload: each line starts with something Markdown would read as a block.
BLOCK = "\n".join(
    [
        "First line of a quote.",
        "# not a heading",
        "> not a quote",
        "- not a list item",
        "1. not a numbered item",
        "| not | a | table |",
        "    not code",
        "[ref]: javascript:alert('p12')",
        '!!! danger "not an admonition"',
        '--8<-- "not/a/snippet.md"',
        "<div onclick=alert('p13')>",
        "$$",
        "not math",
        "$$",
    ]
)

# Markdown attacks that are valid prose: (what the editor types, the words a reader must see).
# Raw HTML, entities and syntax outside the subset read as text; a link's title is dropped.
PROSE = [
    ("Raw <script>alert('m1')</script> and <img src=x onerror=alert('m2')> stay text.",) * 2,
    ("<div onclick=alert('m3')>an HTML block stays text</div>",) * 2,
    ("Entities &lt;b&gt; &#x3C;i&#x3E; &amp;amp; decode to text.", "Entities <b> <i> &amp; decode to text."),
    (
        '[a titled link](https://ok.example/a "x\\" onmouseover=alert(\'m4\')") keeps no title',
        "a titled link keeps no title",
    ),
    ("[a split scheme](java script:alert('m5')) is no link",) * 2,
    ("[a tab in the scheme](java\tscript:alert('m6')) is no link",) * 2,
    ("{: onclick=\"alert('m7')\" } {#fake-id} attribute lists stay text",) * 2,
    ("%{customdata[0]} {{ config.site_name }} {% raw %} $x^2$ stay text",) * 2,
    ('!!! note "admonition" --8<-- "/etc/passwd" [^1] *[HTML]: abbreviation', None),
    ("[[[[nested]]]] ((((parens)))) <<<<angles>>>> stay text",) * 2,
    ("*" * 3000 + "stars" + "_" * 3000, None),
    ("[" * 3000 + "brackets" + "](" * 3000, None),
    ("*deep " * 500 + "emphasis" + "*" * 500, None),
    ('**bold** *em* `<code>` [web](https://ok.example/p?q=<b>&r="s")', "bold em <code> web"),
]
PROSE_TEXT = "\n\n".join(markdown for markdown, _ in PROSE)
PROSE_VISIBLE = [words for _, words in PROSE if words]

# Markdown attacks that must be refused where they are written: (prose, what the message says).
REFUSED = [
    ("[a](javascript:alert('e1'))", "http(s) address or a record"),
    ("[a](JaVaScRiPt:alert('e2'))", "http(s) address or a record"),
    ("[a](&#106;avascript:alert('e3'))", "http(s) address or a record"),
    ("[a](&#x6A;&#x61;vascript:alert('e4'))", "http(s) address or a record"),
    ("[a](<java script:alert('e5')>)", "http(s) address or a record"),
    ("[a](< javascript:alert('e6')>)", "http(s) address or a record"),
    ("[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgnZTcnKTwvc2NyaXB0Pg==)", "http(s) address or a record"),
    ("[a](VBScript:msgbox('e8'))", "http(s) address or a record"),
    ("[a](//evil.example/e9)", "http(s) address or a record"),
    ("[a](mailto:e10@example.org)", "http(s) address or a record"),
    ("<javascript:alert('e11')>", "not <https://...>"),
    ("<https://example.org/e12>", "not <https://...>"),
    ("[a][e13]\n\n[e13]: https://example.org/e13", "reference-style link definitions"),
    ("![e14](https://example.org/e14.png)", "an image"),
    ("# e15 heading", "a heading"),
    ("> e16 quote", "a block quote"),
    ("```\ne17 code\n```", "a fenced code block"),
]

EDGE_CANDIDATES = [
    chr(code)
    for code in (
        *range(0x00, 0x20), *range(0x7F, 0xA1), 0xAD, 0x0600, 0x061C, 0x180E, *range(0x2000, 0x2070), 0x3164,
        0xD800, 0xDBFF, 0xDC00, 0xDFFF, *range(0xFDD0, 0xFDF0), *range(0xFE00, 0xFE10), 0xFEFF, *range(0xFFF0, 0x10000),
        *(plane << 16 | low for plane in range(1, 17) for low in (0xFFFE, 0xFFFF)),
        0x110BD, 0x13430, 0x1D173, 0xE0001, 0xE0020, 0xE0041, 0xE007F, 0xE0100, 0x1F3F4, 0x1F600, 0xF0000, 0x10FFFD,
    )
]  # fmt: skip
"""Characters at the edges of what text may hold: controls, separators, bidirectional and other
format characters, surrogates, noncharacters in every plane, variation selectors, tags, private use.
The hostile explainer carries each of them that validation accepts, so a character let through
that a feed, a page or a data file cannot carry fails the build's checks."""


def accepted_edge_characters() -> list[str]:
    """Each edge character that a one-line text field accepts between two letters (which allow joiners)."""
    line = TypeAdapter(fields.Line)
    kept = []
    for char in EDGE_CANDIDATES:
        try:
            line.validate_python(f"\u00e9{char}\u00e9")
        except ValidationError:
            continue
        kept.append(char)
    return kept


UPDATE_TITLE = "<script>alert('u1')</script> ]]></title><title>&amp; <b>update</b>"
"""An update's title: text in the page and in the Atom feed, never markup (a CDATA end included)."""
HEAD_TITLE = "</title><script>alert('t1')</script> & <b>title</b>"
HEAD_DESCRIPTION = '" onload="alert(\'d1\')" <meta http-equiv=refresh content=0>. Second sentence.'


def _read(folder: Path, name: str) -> Any:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


class _Dumper(yaml.SafeDumper):
    """Writes text of several lines as a literal block (``|``), as editors write prose."""


_Dumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style="|" if "\n" in value and "\t" not in value else None
    ),
)


def _write(folder: Path, name: str, data: Any) -> None:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    (folder / name).write_text(text, encoding="utf-8")


def hostile_content(folder: Path) -> dict[str, list[str]]:
    """Write a hostile version of the fixture explainer into ``folder``.

    Returns page (site path) -> the texts that must be visible there, literally.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for path in FIXTURE.glob("*.yml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    visible: dict[str, list[str]] = {}

    def see(page: str, *texts: str) -> None:
        visible.setdefault(page, []).extend(texts)

    incident = _read(folder, "incident.yml")
    incident["title"] = HEAD_TITLE
    incident["summary"] = HEAD_DESCRIPTION + "\n\n" + PROSE_TEXT
    incident["key_facts"][0]["text"] = PROSE[0][0]
    incident["method"] = PROSE_TEXT
    _write(folder, "incident.yml", incident)
    see("", HEAD_TITLE, PROSE[0][1], *PROSE_VISIBLE)
    see("about/", *PROSE_VISIBLE)

    events = _read(folder, "events.yml")
    for index, event in enumerate(events):
        event["title"] = INLINE[1 + index]
        event["summary"] = PROSE[1 + index][0] + "\n\n" + PROSE_TEXT
        event["when"]["as_reported"] = INLINE[7]
        see("timeline/", INLINE[1 + index], INLINE[7], *PROSE_VISIBLE)
    events[0]["location"] = INLINE[8]
    see("timeline/", INLINE[8])
    _write(folder, "events.yml", events)

    statements = _read(folder, "statements.yml")
    statements[0]["text"] = BLOCK
    statements[0]["medium"] = INLINE[9]
    statements[1]["title"] = INLINE[10]
    statements[1]["text"] = INLINE[11]
    statements[1]["note"] = INLINE[12]
    statements[1]["context"] = PROSE_TEXT
    _write(folder, "statements.yml", statements)
    see("statements/", *BLOCK.splitlines(), INLINE[9], INLINE[10], INLINE[11], *PROSE_VISIBLE)

    actors = _read(folder, "actors.yml")
    actors[0]["name"] = INLINE[13]  # a side: lane label and legend of the chart
    actors[2]["name"] = INLINE[14]
    actors[2]["role"] = INLINE[15]
    actors[2]["description"] = PROSE_TEXT
    _write(folder, "actors.yml", actors)
    see("actors/", INLINE[13], INLINE[14], INLINE[15])
    see(f"actors/{actors[2]['id']}/", INLINE[14], INLINE[15], *PROSE_VISIBLE)

    questions = _read(folder, "questions.yml")
    questions[0]["question"] = INLINE[16]
    questions[0]["why_it_matters"] = PROSE_TEXT
    questions[1]["answer"] = PROSE[4][0]
    _write(folder, "questions.yml", questions)
    see("questions/", INLINE[16], *PROSE_VISIBLE)

    sources = _read(folder, "sources.yml")
    sources[0]["title"] = INLINE[18]
    sources[1]["publisher"] = INLINE[19]
    sources[1]["access_note"] = PROSE_TEXT
    sources[2]["url"] = "https://example.org/a?b=1&c=%3C2%3E(x)"
    _write(folder, "sources.yml", sources)
    see("sources/", INLINE[18], INLINE[19], *PROSE_VISIBLE)

    updates = _read(folder, "updates.yml")
    updates[0]["title"] = UPDATE_TITLE
    updates[0]["text"] = PROSE_TEXT
    updates[0]["was"] = PROSE[0][0]
    # Every edge character text accepts, in an update: the feed's title and content.
    edge = "".join(f"\u00e9{char}" for char in accepted_edge_characters()) + "\u00e9"
    fits = (fields.MAX_TITLE - len("Edge: ")) // 2 * 2 - 1  # as many as a title holds, ending with é
    updates[1]["title"] = "Edge: " + edge[:fits]
    updates[1]["text"] = f"Edge: {edge}"
    _write(folder, "updates.yml", updates)
    see("changes/", UPDATE_TITLE, PROSE[0][1], *PROSE_VISIBLE)
    return visible


def refused_content(folder: Path) -> list[tuple[str, str, str]]:
    """The fixture explainer with one refused payload in each of many prose fields.

    Returns (file name, the payload, what the message must say) for each.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for path in FIXTURE.glob("*.yml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    files = {name: _read(folder, name) for name in ("events.yml", "questions.yml", "actors.yml", "sources.yml")}
    slots = [
        (name, index, field)
        for name, field in (
            ("events.yml", "summary"),
            ("events.yml", "note"),
            ("questions.yml", "why_it_matters"),
            ("questions.yml", "what_would_answer"),
            ("actors.yml", "description"),
            ("sources.yml", "access_note"),
        )  # fmt: skip
        for index in range(len(files[name]))
    ]
    assert len(slots) >= len(REFUSED), "the fixture has too few prose fields for the corpus"
    placed = []
    for (name, index, field), (payload, message) in zip(slots, REFUSED, strict=False):
        files[name][index][field] = f"Fine words first.\n\n{payload}"
        placed.append((name, payload, message))
    for name, data in files.items():
        _write(folder, name, data)
    return placed


ALL_PAYLOADS = [
    *INLINE,
    *BLOCK.splitlines(),
    HEAD_TITLE,
    HEAD_DESCRIPTION,
    *(p for p, _ in PROSE),
    *(p for p, _ in REFUSED),
]
