"""End to end: the repository's content/ builds into a site where every record appears, with its
source, and nothing is loaded from another host. (The editorial rules the content must keep after
any update are in test_content_rules.py; nothing here restates what today's content says.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.assets import PLOTLY_PATH
from generator.link import Explainer
from generator.pipeline import build_explainer
from tests.conftest import CONTENT, make_project, run_explainer
from tests.html_pages import flat, read_page, visible_text


@pytest.fixture(scope="module")
def explainer() -> Explainer:
    return build_explainer(CONTENT)


def page(site: Path, name: str) -> Path:
    return site / name / "index.html" if name else site / "index.html"


def test_every_event_and_statement_is_on_the_timeline(built_site: Path, explainer: Explainer) -> None:
    timeline = read_page(page(built_site, "timeline"))
    text = visible_text(page(built_site, "timeline"))
    for event in explainer.events.values():
        assert f"event-{event.id}" in timeline.ids
        assert flat(event.title) in text and flat(event.summary) in text
    for statement in explainer.statements.values():
        assert f"statement-{statement.id}" in timeline.ids
        assert flat(statement.title) in text


def test_every_timeline_entry_cites_its_sources(built_site: Path, explainer: Explainer) -> None:
    html = page(built_site, "timeline").read_text(encoding="utf-8")
    items = re.findall(r'<li id="((?:event|statement)-[a-z0-9-]+)">(.*?)</li>\s*(?=<li id=|</ol>)', html, re.S)
    assert len(items) == len(explainer.events) + len(explainer.statements)
    for anchor, body in items:
        record_id = anchor.split("-", 1)[1]
        record = explainer.events.get(record_id) or explainer.statements[record_id]
        for source_id in record.sources:
            assert f'href="../sources/#source-{source_id}"' in body, f"{anchor} does not link source {source_id}"


def test_statements_sources_questions_and_actors_pages(built_site: Path, explainer: Explainer) -> None:
    statements = visible_text(page(built_site, "statements"))
    for statement in explainer.statements.values():
        assert flat(statement.text) in statements
        assert ("Verbatim" if statement.form == "verbatim" else "Paraphrase") in statements
    questions = read_page(page(built_site, "questions"))
    questions_text = visible_text(page(built_site, "questions"))
    for question in explainer.questions.values():
        assert f"question-{question.id}" in questions.ids
        assert flat(question.question) in questions_text and flat(question.what_would_answer) in questions_text
    sources = visible_text(page(built_site, "sources"))
    for source in explainer.sources.values():
        assert flat(source.title) in sources and flat(source.publisher) in sources
    for actor in explainer.actors.values():
        actor_page = page(built_site, f"actors/{actor.id}")
        text = visible_text(actor_page)
        assert flat(actor.name) in text
        for statement_id in explainer.statements_by.get(actor.id, []):
            assert flat(explainer.statements[statement_id].title) in text
        for event_id in explainer.events_of.get(actor.id, []):
            assert flat(explainer.events[event_id].title) in text


def test_figure_has_one_marker_per_entry(built_site: Path, explainer: Explainer) -> None:
    figure = json.loads((built_site / "figures" / "timeline.json").read_text(encoding="utf-8"))
    anchors = [custom[0] for trace in figure["data"] for custom in trace["customdata"]]
    expected = {f"event-{i}" for i in explainer.events} | {f"statement-{i}" for i in explainer.statements}
    assert sorted(anchors) == sorted(expected)
    assert figure["layout"]["xaxis"]["showticklabels"] is False, "no calendar axis may be invented"


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    """Scripts, styles, images, icons and fonts all come from the site itself (links a reader
    clicks may point elsewhere; nothing is fetched from there when a page loads)."""
    assert (built_site / PLOTLY_PATH).stat().st_size > 1_000_000
    absolute = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|img|iframe|source|video|audio|embed|object|link)\b[^>]*>", text, re.I):
            if re.search(r'rel="(?:canonical|alternate)"', tag):  # addresses, not loaded with the page
                continue
            for value in re.findall(r'\s(?:src|href|srcset|data)="([^"]*)"', tag):
                assert not absolute.match(value), f"{html.relative_to(built_site)} loads {value}"
        assert "@import" not in text and "fonts.g" not in text


def test_record_files_are_not_published(built_site: Path) -> None:
    assert not list(built_site.rglob("*.yml"))


def test_another_content_folder_builds_another_explainer(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    result = run_explainer("build", cwd=project)
    assert result.returncode == 0, result.stderr
    home = visible_text(project / "site" / "index.html")
    assert "Test incident at the Example river bridge" in home
    assert "Mexico" not in home


def test_failed_build_leaves_the_previous_site_as_it_was(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    assert run_explainer("build", cwd=project).returncode == 0
    before = {p.relative_to(project): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    events = project / "content" / "events.yml"
    line = len(events.read_text(encoding="utf-8").splitlines()) + 1  # the appended record's
    with events.open("a", encoding="utf-8") as handle:
        handle.write("- id: broken\n  title: No summary\n")
    result = run_explainer("build", cwd=project)
    assert result.returncode == 1
    assert f"content/events.yml:{line}:3: missing required field 'summary'" in result.stderr
    assert "Traceback" not in result.stderr
    after = {p.relative_to(project): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "site", "site_overrides"]


def test_mkdocs_failure_after_generation_leaves_the_previous_site(tmp_path: Path) -> None:
    """Valid records, but MkDocs fails in --strict mode (the navigation names a page that does not
    exist): the build stops and site/ is the one from before, with no half-built folder beside it."""
    project = make_project(tmp_path / "project")
    assert run_explainer("build", cwd=project).returncode == 0
    before = {p.relative_to(project): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - Missing: missing.md\n", encoding="utf-8")
    result = run_explainer("build", cwd=project)
    assert result.returncode == 1
    assert "missing.md" in result.stderr and "left as it was" in result.stderr
    after = {p.relative_to(project): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "site", "site_overrides"]


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    for name in ("one", "two"):
        assert run_explainer("build", "--site-dir", name, cwd=project).returncode == 0
    one = {p.relative_to(project / "one"): p.read_bytes() for p in (project / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(project / "two"): p.read_bytes() for p in (project / "two").rglob("*") if p.is_file()}
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert b"<lastmod>2025-03-01</lastmod>" in one[Path("sitemap.xml")], "the build date is the 'as of' date"


def test_a_deleted_record_leaves_no_stale_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    assert run_explainer("build", cwd=project).returncode == 0
    assert (project / "site" / "actors" / "ana-example" / "index.html").is_file()
    statements = project / "content" / "statements.yml"
    statements.write_text(
        statements.read_text(encoding="utf-8").replace("speaker: ana-example", "speaker: example-council")
    )
    actors = project / "content" / "actors.yml"
    text = actors.read_text(encoding="utf-8")
    start = text.index("- id: ana-example")
    actors.write_text(text[:start] + text[text.index("- id: otherland") :], encoding="utf-8")
    result = run_explainer("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "actors" / "ana-example").exists()
    assert "ana-example" not in (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
