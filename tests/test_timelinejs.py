"""The timeline exported in TimelineJS's JSON format (``data/timelinejs.json``), and drawn by
TimelineJS itself (the version pinned in package.json, from the npm registry) in Chromium."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator import models
from generator.i18n import Language
from generator.pipeline import build_explainer, generate
from tests.conftest import FIXTURES, ROOT, run_explainer, serve_folder

TIMELINEJS = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"


def exported(name: str, site_url: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(generate(FIXTURES / name, site_url=site_url).files()["data/timelinejs.json"])
    return data


@pytest.mark.parametrize("name", ["dated", "explainer", "minutes", "decade"])
def test_every_dated_entry_is_a_slide_at_its_precision_and_no_finer(name: str) -> None:
    explainer = build_explainer(FIXTURES / name)
    language = Language.for_tag(explainer.incident.language)
    data = exported(name)
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    dated = [e for e in explainer.timeline if not isinstance(e.record.when, models.UnknownDate)]
    assert [s["unique_id"] for s in data["events"]] == [f"{e.kind[:-1]}-{e.record.id}" for e in dated]
    fields = {"exact": {"minute"}, "day": {"day"}, "range": {"day"}, "month": {"month"}, "year": {"year"}}
    finer = ["year", "month", "day", "hour", "minute"]
    for entry in dated:
        when = entry.record.when
        start = slides[f"{entry.kind[:-1]}-{entry.record.id}"]["start_date"]
        # The finest part given is the date's own precision (an hour only where the source gives one).
        given = [part for part in finer if part in start]
        finest = given[-1]
        expected = fields[when.precision] | ({"hour"} if getattr(when, "hour", None) is not None else set())
        assert finest in expected, (entry.record.id, start)
        until = getattr(entry.record, "until", None)
        assert start["display_date"] == language.describe_with_words(when, until)
    undated = [e.record.title for e in explainer.timeline if isinstance(e.record.when, models.UnknownDate)]
    for title in undated:
        assert title in data["title"]["text"]["text"]


def test_text_is_escaped_and_links_lead_to_the_site_only_when_it_has_an_address(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "explainer", content)
    events = content / "events.yml"
    events.write_text(
        events.read_text(encoding="utf-8").replace("title: The bridge is closed", "title: The <b>bridge</b> & more"),
        encoding="utf-8",
    )
    data = json.loads(generate(content).files()["data/timelinejs.json"])
    slide = next(s for s in data["events"] if s["unique_id"] == "event-bridge-closed")
    assert slide["text"]["headline"] == "The &lt;b&gt;bridge&lt;/b&gt; &amp; more"
    assert 'href="' not in slide["text"]["text"].split("Source")[0], "a record link reads as its words"
    linked = json.loads(generate(content, site_url="https://news.example/x/").files()["data/timelinejs.json"])
    slide = next(s for s in linked["events"] if s["unique_id"] == "event-bridge-closed")
    assert 'href="https://news.example/x/statements/#statement-council-announcement"' in slide["text"]["text"]
    assert slide["group"] == "Exampleland"


def imported_sheet(folder: Path) -> dict[str, Any]:
    """The export of an explainer imported from TimelineJS's own example sheet (its placeholders
    written as an editor would), so that a sheet goes in and comes back out to TimelineJS."""
    from tests.test_importer import SHEETS, project_with, written_in_full

    project = project_with(folder)
    assert run_explainer("import", "timelinejs", str(SHEETS / "women_in_computing.csv"), cwd=project).returncode == 0
    written_in_full(project)
    files = generate(project / "content", site_url="https://news.example/story/").files()
    data: dict[str, Any] = json.loads(files["data/timelinejs.json"])
    return data


@pytest.mark.browser
@pytest.mark.parametrize("name", ["dated", "minutes", "imported"])
def test_timelinejs_draws_the_export_one_slide_per_entry_and_the_title(name: str, tmp_path: Path, browser: Any) -> None:
    if not (TIMELINEJS / "js" / "timeline.js").is_file():
        pytest.fail("TimelineJS is not installed: run npm ci (make test does)")
    data = imported_sheet(tmp_path / "sheet") if name == "imported" else exported(name, "https://news.example/story/")
    if name == "imported":  # the sheet's ten rows beside the fixture's dated entries, its media as links
        assert len(data["events"]) == 13 and sum("media" in slide for slide in data["events"]) == 9
    shutil.copytree(TIMELINEJS / "js", tmp_path / "js")  # its locales, fonts and icons where it looks for them
    shutil.copytree(TIMELINEJS / "css", tmp_path / "css")
    (tmp_path / "timeline.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="css/timeline.css">'
        '<script src="js/timeline.js"></script></head><body><div id="timeline" style="width:100%;height:600px">'
        "</div><script>fetch('timeline.json').then(r => r.json()).then(d => { window.made = new TL.Timeline("
        "'timeline', d, {script_path: new URL('js/', location.href).href});"
        " window.made.on('loaded', () => { window.ready = true; }); });</script></body></html>",
        encoding="utf-8",
    )
    base, server = serve_folder(tmp_path)
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda r: r.status >= 400 and not r.url.endswith("favicon.ico") and errors.append(r.url))
    page.route(lambda url: not url.startswith(base), lambda route: route.abort())  # nothing from elsewhere
    try:
        page.goto(base + "index.html")
        page.wait_for_function("() => window.ready === true", timeout=20_000)
        slides = page.locator(".tl-slide").count()
        headlines = page.locator(".tl-slide .tl-headline").all_text_contents()
    finally:
        context.close()
        server.shutdown()
    assert errors == []
    assert slides == len(data["events"]) + 1, (slides, len(data["events"]))
    assert any(data["events"][0]["text"]["headline"] in h for h in headlines), headlines[:3]
