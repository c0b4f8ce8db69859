"""Hostile content builds into a site where every payload is literal text and nothing executes."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import feedparser
import markupsafe
import pytest

from tests.browsers import settled
from tests.conftest import free_port, make_project, run_explainer
from tests.hostile import (
    ALL_PAYLOADS,
    HEAD_DESCRIPTION,
    HEAD_TITLE,
    PROSE_VISIBLE,
    UPDATE_TITLE,
    accepted_edge_characters,
    hostile_content,
    refused_content,
)
from tests.html_pages import audit_page, audit_site, flat, visible_text

HOSTILE_PORT = free_port()
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    project = make_project(tmp_path_factory.mktemp("hostile") / "project")
    visible = hostile_content(project / "content")
    result = run_explainer("build", cwd=project, site_url=f"http://127.0.0.1:{HOSTILE_PORT}/")
    assert result.returncode == 0, result.stderr
    return project / "site", visible


def test_every_payload_is_shown_as_typed(hostile_site: tuple[Path, dict[str, list[str]]]) -> None:
    site, visible = hostile_site
    for page, texts in visible.items():
        text = visible_text(site / page / "index.html")
        missing = [t for t in texts if flat(t) not in text]
        assert missing == [], f"/{page}: not shown literally: {missing}"


def test_no_page_has_unexpected_scripts_handlers_or_links(hostile_site: tuple[Path, Any], built_site: Path) -> None:
    site, _ = hostile_site
    assert audit_site(site) == {}
    assert audit_site(built_site) == {}


def test_the_audit_itself_catches_each_kind_of_problem(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<script>alert(1)</script><script src="https://cdn.example/x.js"></script>'
        '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a><a href="//evil.example/">y</a>'
        '<script src="assets/javascripts/explainer.js"></script><a href="../sources/#source-x">ok</a>',
        encoding="utf-8",
    )
    assert len(audit_page(page)) == 5


def test_head_title_and_description_are_escaped(hostile_site: tuple[Path, Any]) -> None:
    site, _ = hostile_site
    source = (site / "index.html").read_text(encoding="utf-8")
    head = source[: source.index("</head>")]
    assert head.count("<title>") == 1 and head.count("<script>alert") == 0
    # The home page's title is the site's name, which is the incident's title.
    assert f"<title>{markupsafe.escape(HEAD_TITLE)}</title>" in head
    assert f'<meta property="og:site_name" content="{markupsafe.escape(HEAD_TITLE)}">' in head
    first_sentence = HEAD_DESCRIPTION.split(". ")[0] + "."
    assert f'<meta name="description" content="{markupsafe.escape(first_sentence)}">' in head
    assert "http-equiv=refresh" not in head.replace(html.escape("http-equiv=refresh"), "")
    jsonld = head[head.index('<script type="application/ld+json">') :].split(">", 1)[1].split("</script>")[0]
    assert "<" not in jsonld and json.loads(jsonld)["headline"] == HEAD_TITLE


def test_figure_json_carries_payloads_only_as_escaped_text(hostile_site: tuple[Path, Any]) -> None:
    site, _ = hostile_site
    raw = (site / "figures" / "timeline.json").read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw and "&" not in raw  # all as \\u escapes
    figure = json.loads(raw)
    hovers = " ".join(h for trace in figure["data"] for h in trace.get("hovertext", []))
    assert (
        "&lt;img src=x onerror=alert(&#x27;p2&#x27;)&gt;" in hovers or "&lt;img src=x onerror=alert('p2')&gt;" in hovers
    )
    assert "<img" not in hovers and "<svg" not in hovers
    assert all(trace["hoverinfo"] in ("none", "skip") for trace in figure["data"])  # never a template
    names = [trace.get("name", "") for trace in figure["data"]]
    names += [note["text"] for note in figure["layout"]["annotations"]] + [
        lane["name"] for lane in figure["layout"]["meta"]["lanes"]
    ]
    assert all("<" not in name for name in names)


def test_the_feed_carries_update_text_only_as_text(hostile_site: tuple[Path, Any]) -> None:
    site, _ = hostile_site
    raw = (site / "feed.xml").read_text(encoding="utf-8")
    parsed = feedparser.parse(raw.encode("utf-8"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    [entry] = [e for e in parsed.entries if e.title.endswith(UPDATE_TITLE)]
    assert "<script" not in raw and "<b>" not in raw  # every tag of editors' text is escaped in the XML
    content = entry.content[0].value  # the HTML a feed reader shows: the generator's own tags only
    page = Path(site / "feed-content.html")
    page.write_text(content, encoding="utf-8")
    try:
        assert audit_page(page) == []
    finally:
        page.unlink()
    assert not re.search(r"<(?!/?(?:p|ul|ol|li|em|strong|code|br|a)\b)[a-z]", content), content
    assert all(flat(words) in flat(html.unescape(re.sub(r"<[^>]+>", " ", content))) for words in PROSE_VISIBLE)


def test_every_feed_is_well_formed_with_every_character_text_accepts(hostile_site: tuple[Path, Any]) -> None:
    """Each character a record's text accepts reaches the feed (in an update's content, and as many
    as fit in its title), and every feed of the site is XML that a parser and a feed reader read
    without a fault."""
    site, _ = hostile_site
    edge = accepted_edge_characters()
    assert len(edge) > 50 and "\ufffe" not in edge and "\u200b" not in edge
    document = json.loads((site / "data" / "explainer.json").read_text(encoding="utf-8"))
    [update] = [u for u in document["updates"] if u["title"].startswith("Edge: ")]
    assert [c for c in edge if c not in update["text"]] == [], "every accepted character is in the records"
    feeds = sorted(site.rglob("feed.xml"))
    assert feeds, "the hostile site has a feed"
    for path in feeds:
        root = ET.parse(path).getroot()  # raises on anything that is not well-formed XML 1.0
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        [entry] = [e for e in root.iter(f"{ATOM}entry") if "Edge: " in (e.findtext(f"{ATOM}title") or "")]
        assert update["title"] in (entry.findtext(f"{ATOM}title") or ""), "the title reaches the feed as written"
        assert "Edge: " in (entry.findtext(f"{ATOM}content") or "")
        assert [e.title for e in parsed.entries if "Edge: " in e.title], "and a feed reader reads it"


def test_content_is_never_modified_by_a_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    visible = hostile_content(project / "content")
    assert visible
    before = {p.name: p.read_bytes() for p in (project / "content").iterdir()}
    assert run_explainer("build", cwd=project).returncode == 0
    assert {p.name: p.read_bytes() for p in (project / "content").iterdir()} == before


@pytest.mark.browser
def test_hostile_site_in_chromium(
    hostile_site: tuple[Path, dict[str, list[str]]], browser: Any, serve_dir: Callable[[Path, int], str]
) -> None:
    site, visible = hostile_site
    base = serve_dir(site, HOSTILE_PORT)
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path, texts in visible.items():
        page.goto(base + path)
        if path == "timeline/":
            page.wait_for_selector(".explainer-chart .explainer-chart__point", timeout=15_000)
            payload = "<img src=x onerror=alert('p2')>"  # the first event's title, to be shown as text
            page.locator(".explainer-chart .explainer-chart__point[aria-label*='onerror=alert(\\'p2\\')']").focus()
            page.wait_for_function(
                "t => document.querySelector('.explainer-chart__label').textContent.includes(t)", arg=payload
            )
            assert page.locator(".explainer-chart__label img, .explainer-chart__label [onerror]").count() == 0
        body = flat(page.locator("article").inner_text())
        assert [t for t in texts if flat(t) not in body] == [], path
        injected = page.evaluate(
            "document.querySelectorAll('article script, article img[onerror], article svg[onload],"
            " article [onclick], article [onmouseover], article [onfocus], article a[href^=javascript]').length"
        )
        assert injected == 0, path
    # search renders results from the index: payloads stay text there too
    page.goto(base)
    settled(page)
    page.locator("input.md-search__input").click()
    page.keyboard.type("onerror", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(500)
    assert (
        page.evaluate("document.querySelectorAll('.md-search-result img, .md-search-result svg[onload]').length") == 0
    )
    assert dialogs == [] and errors == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    context.close()


def test_refused_markdown_stops_the_build_at_its_position(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    placed = refused_content(project / "content")
    result = run_explainer("build", cwd=project)
    assert result.returncode != 0 and not (project / "site").exists()
    reported = re.findall(r"^content/(\S+?):(\d+):(\d+): (.*)$", result.stderr, re.M)
    for name, payload, message in placed:
        marker = re.search(r"e\d+", payload).group()  # type: ignore[union-attr]
        found = [(int(line), int(col)) for file, line, col, said in reported if file == name and message in said]
        lines = (project / "content" / name).read_text(encoding="utf-8").splitlines()
        # The position is inside the payload as written: on its line (or a fence's first line),
        # at characters that are the payload's own.
        at = [
            (line, col)
            for line, col in found
            if marker in " ".join(lines[line - 1 : line + 1]) and lines[line - 1][col - 1 : col + 1] in payload
        ]
        assert at, (payload, message, found, result.stderr)


def test_payload_list_is_not_empty() -> None:
    assert len(ALL_PAYLOADS) > 30
