"""A hostile corpus: text that looks like code, put into every kind of field of a valid explainer.

Every payload must come out on the page as the literal text the editor typed, and never as markup,
script, link or template. ``hostile_content(folder)`` writes the fixture explainer with the
payloads in place and returns where each payload must be seen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

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
    "Zero\u200dwidth\u200cjoiners kept, 👩‍👩‍👧 family",
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

HEAD_TITLE = "</title><script>alert('t1')</script> & <b>title</b>"
HEAD_DESCRIPTION = '" onload="alert(\'d1\')" <meta http-equiv=refresh content=0>. Second sentence.'


def _read(folder: Path, name: str) -> Any:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def _write(folder: Path, name: str, data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
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
    incident["summary"] = HEAD_DESCRIPTION + "\n" + BLOCK
    incident["key_facts"][0]["text"] = INLINE[0]
    incident["method"] = BLOCK
    _write(folder, "incident.yml", incident)
    see("", HEAD_TITLE, INLINE[0], *BLOCK.splitlines())
    see("about/", *BLOCK.splitlines())

    events = _read(folder, "events.yml")
    for index, event in enumerate(events):
        event["title"] = INLINE[1 + index]
        event["summary"] = INLINE[4 + index] + "\n\n" + BLOCK
        event["when"]["as_reported"] = INLINE[7]
        see("timeline/", INLINE[1 + index], INLINE[4 + index], INLINE[7], *BLOCK.splitlines())
    events[0]["location"] = INLINE[8]
    see("timeline/", INLINE[8])
    _write(folder, "events.yml", events)

    statements = _read(folder, "statements.yml")
    statements[0]["text"] = BLOCK
    statements[0]["medium"] = INLINE[9]
    statements[1]["title"] = INLINE[10]
    statements[1]["text"] = INLINE[11]
    statements[1]["note"] = INLINE[12]
    statements[1]["context"] = BLOCK
    _write(folder, "statements.yml", statements)
    see("statements/", *BLOCK.splitlines(), INLINE[9], INLINE[10], INLINE[11], INLINE[12])

    actors = _read(folder, "actors.yml")
    actors[0]["name"] = INLINE[13]  # a side: lane label and legend of the chart
    actors[2]["name"] = INLINE[14]
    actors[2]["role"] = INLINE[15]
    actors[2]["description"] = BLOCK
    _write(folder, "actors.yml", actors)
    see("actors/", INLINE[13], INLINE[14], INLINE[15])
    see(f"actors/{actors[2]['id']}/", INLINE[14], INLINE[15], *BLOCK.splitlines())

    questions = _read(folder, "questions.yml")
    questions[0]["question"] = INLINE[16]
    questions[0]["why_it_matters"] = BLOCK
    questions[1]["answer"] = INLINE[17]
    _write(folder, "questions.yml", questions)
    see("questions/", INLINE[16], INLINE[17], *BLOCK.splitlines())

    sources = _read(folder, "sources.yml")
    sources[0]["title"] = INLINE[18]
    sources[1]["publisher"] = INLINE[19]
    sources[1]["access_note"] = BLOCK
    sources[2]["url"] = "https://example.org/a?b=1&c=%3C2%3E(x)"
    _write(folder, "sources.yml", sources)
    see("sources/", INLINE[18], INLINE[19], *BLOCK.splitlines())
    return visible


ALL_PAYLOADS = [*INLINE, *BLOCK.splitlines(), HEAD_TITLE, HEAD_DESCRIPTION]
