"""Updates, corrections and clarifications: the feed, the sitemap's dates, structured data and
`explainer new update`, on the fixture explainer (three made-up updates, out of date order)."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from tests.conftest import FIXTURES, make_project, run_explainer, site_pages

SITE_URL = "https://news.example.org/bridge/"
ATOM = "{http://www.w3.org/2005/Atom}"
NEWEST_FIRST = ["inspection-report-awaited", "ministry-wording-clarified", "announcement-time-corrected"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("updates") / "project")
    result = run_explainer("build", cwd=project, site_url=SITE_URL)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_feed_reads_in_a_feed_reader_newest_first_with_absolute_stable_links(site: Path) -> None:
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Test incident at the Example river bridge: what changed"
    assert parsed.feed.updated == "2025-03-01T00:00:00Z"  # the newest update, not the build's time
    assert [link.href for link in parsed.feed.links if link.rel == "self"] == [SITE_URL + "feed.xml"]
    assert [entry.id for entry in parsed.entries] == [f"{SITE_URL}changes/#update-{u}" for u in NEWEST_FIRST]
    assert [entry.link for entry in parsed.entries] == [entry.id for entry in parsed.entries]
    correction = parsed.entries[2]
    assert correction.title == "Correction: The time of the council's announcement is corrected"
    assert correction.updated == "2025-02-10T00:00:00Z" and correction.tags[0].term == "correction"
    content = correction.content[0].value
    assert "<strong>9:30</strong>" in content and "It said before:" in content
    assert f'href="{SITE_URL}sources/#source-council-notice"' in content  # a reference, made absolute
    assert all(not re.search(r'href="(?!https?://)', entry.content[0].value) for entry in parsed.entries)


def test_the_feed_has_what_rfc_4287_requires(site: Path) -> None:
    root = ET.parse(site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    stamp = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
    for element in (root, *root.findall(f"{ATOM}entry")):
        for required in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{required}")) == 1, (element.tag, required)
        assert stamp.match(element.findtext(f"{ATOM}updated") or "")
    assert root.find(f"{ATOM}author/{ATOM}name") is not None  # so no entry needs its own
    ids = [entry.findtext(f"{ATOM}id") for entry in root.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)) == 3
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}title").get("type") == "text"  # type: ignore[union-attr]
        assert entry.find(f"{ATOM}content").get("type") == "html"  # type: ignore[union-attr]


def test_the_feed_is_byte_identical_on_rebuild_and_linked_from_every_page(site: Path, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    assert run_explainer("build", cwd=project, site_url=SITE_URL).returncode == 0
    assert (project / "site" / "feed.xml").read_bytes() == (site / "feed.xml").read_bytes()
    for page in site_pages(site, "index.html"):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', head)
        assert len(links) == 1, page
        depth = len(page.relative_to(site).parts) - 1
        assert links[0] == "../" * depth + "feed.xml" or (depth == 0 and links[0] == "feed.xml"), (page, links)


def test_sitemap_dates_follow_the_updates_that_touch_each_page(site: Path) -> None:
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    lastmod = {
        url.findtext(f"{namespace}loc", "").removeprefix(SITE_URL): url.findtext(f"{namespace}lastmod")
        for url in sitemap.findall(f"{namespace}url")
    }
    assert lastmod["timeline/"] == "2025-03-01"  # the inspection's update
    assert lastmod["statements/"] == "2025-02-20"  # the clarification (newer than the correction)
    assert lastmod["actors/example-ministry/"] == "2025-02-20"
    assert lastmod["questions/"] == "2025-03-01"
    assert lastmod["sources/"] == "2025-02-01"  # untouched: the first publication
    assert lastmod[""] == lastmod["changes/"] == "2025-03-01"  # as_of


def test_structured_data_says_when_it_was_published_and_what_was_corrected(site: Path) -> None:
    head = (site / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))  # type: ignore[union-attr]
    assert data["datePublished"] == "2025-02-01" and data["dateModified"] == "2025-03-01"
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "datePublished": "2025-02-10",
            "text": "The council announced the closure at 9:30, as its notice says.",
        }
    ]


def test_without_a_site_address_there_is_no_feed_and_no_link_to_it(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    assert run_explainer("build", cwd=project).returncode == 0
    assert not (project / "site" / "feed.xml").exists()
    assert "application/atom+xml" not in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Atom feed" not in (project / "site" / "changes" / "index.html").read_text(encoding="utf-8")


def test_new_update_is_dated_today_and_about_the_record(fixture_copy: Path) -> None:
    updates = fixture_copy / "updates.yml"
    before = updates.read_bytes()
    result = run_explainer(
        "new", "update", "--id", "ferry-added", "--about", "bridge-closed", "--content-dir", str(fixture_copy)
    )
    assert result.returncode == 0, result.stderr
    added = updates.read_bytes()[len(before) :].decode("utf-8")
    assert f"  date: {dt.date.today().isoformat()}\n" in added and "  about: [bridge-closed]\n" in added
    assert "as_of" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["update", "--about", "bridge-closd"], "no record has the id 'bridge-closd' (did you mean 'bridge-closed'?)"),
        (["event", "--about", "bridge-closed"], "--about is for updates"),
    ],
)
def test_new_update_refuses_an_unknown_record(fixture_copy: Path, args: list[str], said: str) -> None:
    before = {p.name: p.read_bytes() for p in fixture_copy.iterdir() if p.is_file()}
    result = run_explainer("new", *args, "--content-dir", str(fixture_copy))
    assert result.returncode == 2 and said in result.stderr
    assert {p.name: p.read_bytes() for p in fixture_copy.iterdir() if p.is_file()} == before


def test_the_spanish_fixture_words_its_notices_and_feed_in_spanish(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", content=FIXTURES / "explicador")
    assert run_explainer("build", cwd=project, site_url=SITE_URL).returncode == 0
    parsed = feedparser.parse((project / "site" / "feed.xml").read_bytes())
    assert parsed.feed.title.endswith(": qué ha cambiado") and parsed.entries[0].title.startswith("Actualización: ")
    timeline = (project / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "Corregido el 25 de marzo de 2025:" in timeline and "Antes decía:" in timeline
