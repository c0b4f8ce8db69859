"""``explainer import timelinejs``: TimelineJS's own example sheet and JSON, a sheet in Spanish and a
hostile sheet (tests/fixtures/timelinejs/), imported into a copy of the fixture explainer."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from generator import importer
from tests.conftest import FIXTURE, FIXTURES, make_project, run_explainer

SHEETS = FIXTURES / "timelinejs"


def project_with(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", FIXTURE)


def records(path: Path) -> dict[str, dict]:
    return {item["id"]: item for item in yaml.safe_load(path.read_text(encoding="utf-8"))}


def written_in_full(project: Path) -> None:
    """What an editor does next: write every placeholder (here, test words)."""
    for path in (project / "content").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"✎ Replace with its date, or say why it is not known\.", "Test data, no date.", text)
        text = re.sub(r"✎ Replace with[^\n'\"]*", "Test data", text)
        path.write_text(text, encoding="utf-8")


def test_timelinejss_example_sheet_imports_at_each_rows_precision_and_builds(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    before = {p.name: p.read_bytes() for p in (project / "content").glob("*.yml")}
    result = run_explainer("import", "timelinejs", str(SHEETS / "women_in_computing.csv"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert "imported 10 event(s)" in result.stderr
    assert "row 4: its media (<blockquote>There is no demand" in result.stderr, "media left out is reported"
    assert "its title row ('Women in Computing')" in result.stderr
    for name, old in before.items():  # nothing already there is changed
        assert (project / "content" / name).read_bytes().startswith(old), name
    events = records(project / "content" / "events.yml")
    lovelace = events["ada-lovelace"]
    assert lovelace["when"] == {"precision": "day", "date": "1815-12-10"}
    assert lovelace["until"] == {"precision": "day", "date": "1852-11-27"}
    assert "[Ada Lovelace](https://en.wikipedia.org/wiki/Ada_Lovelace)" in lovelace["summary"]
    assert "<" not in lovelace["summary"], "no HTML is carried over"
    # Media elsewhere comes over as a link out (a card), its kind from its host; nothing is fetched.
    assert lovelace["media"] == [
        {"type": "link", "url": lovelace["media"][0]["url"], "kind": "image",
         "title": "Portrait by Alfred Edward Chalon", "credit": "Wikimedia Commons"}
    ]  # fmt: skip
    assert lovelace["media"][0]["url"].startswith("https://upload.wikimedia.org/")
    videos = [e for e in events.values() if e.get("media") and e["media"][0]["kind"] == "video"]
    hosts = [re.match(r"https://(?:www\.)?([a-z.]+)/", e["media"][0]["url"])[1] for e in videos]  # type: ignore[index]
    assert sorted(hosts) == ["vimeo.com", "youtube.com", "youtube.com", "youtube.com"]
    assert events["the-first-computer"]["media"][0]["kind"] == "map"
    eniac = events["and-the-women-who-made-it-work"]
    assert eniac["when"] == {"precision": "month", "month": "1943-07"}
    assert eniac["until"] == {"precision": "year", "year": 1946}
    # Placeholders stand for what the sheet does not say; the build refuses them until written.
    problems = run_explainer("validate", cwd=project)
    assert problems.returncode == 1 and "still the starter's placeholder" in problems.stderr
    assert all("placeholder" in line for line in problems.stderr.splitlines() if ": " in line and ".yml:" in line)
    written_in_full(project)
    built = run_explainer("build", cwd=project)
    assert built.returncode == 0, built.stderr
    timeline = (project / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert timeline.index("Ada Lovelace") < timeline.index("Edith Clarke")  # 1815, then 1948
    assert 'class="explainer-media-card"' in timeline and "<iframe" not in timeline


def test_a_timelinejs_json_file_imports_and_a_second_import_adds_beside_the_first(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    first = run_explainer("import", "timelinejs", str(SHEETS / "houston.json"), cwd=project)
    assert first.returncode == 0 and "imported 18 event(s)" in first.stderr, first.stderr
    events = records(project / "content" / "events.yml")
    assert events["a-musical-heritage"]["when"] == {"precision": "day", "date": "1963-08-09"}
    again = run_explainer("import", "timelinejs", str(SHEETS / "houston.json"), cwd=project)
    assert again.returncode == 0
    events = records(project / "content" / "events.yml")
    assert "a-musical-heritage-2" in events and events["a-musical-heritage"]["when"]["date"] == "1963-08-09"
    sources = records(project / "content" / "sources.yml")
    assert list(sources).count(importer.SOURCE_ID) == 1, "one placeholder source, not two"


def test_a_spanish_sheet_keeps_its_times_words_and_sides(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    plain = run_explainer("import", "timelinejs", str(SHEETS / "incidente.csv"), cwd=project)
    assert plain.returncode == 0, plain.stderr
    events = records(project / "content" / "events.yml")
    fuga = events["se-detecta-una-fuga-en-el-muelle-norte"]
    # Without the sheet's clock, a minute cannot be placed: the hour, and the sheet's words.
    assert fuga["when"] == {"precision": "day", "date": "2025-03-14", "hour": 9, "as_reported": "por la mañana"}
    assert fuga["summary"] == "La tripulación avisó de una fuga, según [el aviso](https://example.org/aviso)."
    assert events["limpieza-del-muelle"]["until"] == {"precision": "day", "date": "2025-03-20"}
    assert events["informe-del-ministerio"]["when"] == {"precision": "month", "month": "2025-04"}
    assert events["juicio"]["actors"] == [importer.ACTOR_ID], "a row without a Group: a placeholder side"
    actors = records(project / "content" / "actors.yml")
    assert actors["naviera-de-prueba"]["name"] == "Naviera de Prueba"
    # With it, times to the minute are exact; two entries at the same minute keep both.
    other = project_with(tmp_path / "other")
    timed = run_explainer("import", "timelinejs", str(SHEETS / "incidente.csv"), "--utc-offset=-06:00", cwd=other)
    assert timed.returncode == 0, timed.stderr
    events = records(other / "content" / "events.yml")
    assert events["el-ayuntamiento-cierra-el-puerto"]["when"] == {
        "precision": "exact", "datetime": "2025-03-14T11:05:00-06:00"
    }  # fmt: skip
    assert events["la-naviera-responde"]["when"]["datetime"] == "2025-03-14T11:05:00-06:00"
    written_in_full(other)
    built = run_explainer("build", cwd=other)
    assert built.returncode == 0, built.stderr
    timeline = (other / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    order = ["Se detecta una fuga", "El Ayuntamiento cierra el puerto", "Limpieza del muelle",
             "Informe del ministerio", "Juicio"]  # fmt: skip
    assert [timeline.index(title) for title in order] == sorted(timeline.index(title) for title in order)


def test_a_hostile_sheet_is_imported_as_text_and_every_bad_row_is_reported(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    result = run_explainer("import", "timelinejs", str(SHEETS / "hostile.csv"), cwd=project)
    assert result.returncode == 0, result.stderr
    sheet = str(SHEETS / "hostile.csv")
    for row, why in [
        (2, "Headline looks like a spreadsheet formula: kept as text"),
        (3, "Month 13 is not between 1 and 12"),
        (4, "2025-2-30 is not a day"),
        (5, "Year 25 is not between 1000 and 2999"),
        (6, "Year 'abc' is not a number"),
        (7, "no Year"),
        (8, "Time '25:00' is not a time of day"),
        (9, "an era"),
    ]:
        assert f"{sheet}: row {row}: {why}" in result.stderr, (row, result.stderr)
    assert "imported 2 event(s)" in result.stderr
    text = (project / "content" / "events.yml").read_text(encoding="utf-8")
    assert "alert" not in text and "onerror" not in text and "javascript:" not in text
    events = records(project / "content" / "events.yml")
    formula = next(e for e in events.values() if e["title"].startswith("=HYPERLINK"))
    assert formula["summary"] == "Words stay text."
    bold = events["bold-headline-more"]
    assert bold["title"] == "Bold headline & more"
    assert bold["summary"] == r"\*stars\* and \[brackets\](http://x) as typed", "typed marks stay marks"
    written_in_full(project)
    built = run_explainer("build", cwd=project)
    assert built.returncode == 0, built.stderr
    page = (project / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "*stars* and [brackets](http://x) as typed" in page


def test_what_is_not_a_timelinejs_timeline_is_refused_clearly(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    other = tmp_path / "other.csv"
    other.write_text("name,value\na,1\n", encoding="utf-8")
    result = run_explainer("import", "timelinejs", str(other), cwd=project)
    assert result.returncode == 2 and "not TimelineJS's spreadsheet template" in result.stderr
    missing = run_explainer("import", "timelinejs", str(tmp_path / "nothing.csv"), cwd=project)
    assert missing.returncode == 2 and "cannot be read" in missing.stderr
    offset = run_explainer("import", "timelinejs", str(SHEETS / "incidente.csv"), "--utc-offset", "6", cwd=project)
    assert offset.returncode == 2 and "--utc-offset 6: write the sheet's offset" in offset.stderr
    shutil.rmtree(project / "content")
    none = run_explainer("import", "timelinejs", str(SHEETS / "incidente.csv"), cwd=project)
    assert none.returncode == 2
