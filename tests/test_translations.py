"""Translations of an explainer: content/<language>/ files giving each record's translated fields.

The fixture explainer (invented, English) is given a Spanish translation here, written by the
tests: invented words for an invented incident.
"""

from __future__ import annotations

import html
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import engines, models, translate, translations
from generator.errors import ContentError
from generator.link import Explainer
from generator.pipeline import build_explainer
from generator.registry import BY_KEY
from tests.conftest import FIXTURE, fixture_translation, run_explainer, translated_copy


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        build_explainer(content)
    return [f"{p.path.relative_to(content).as_posix()}:{p.line}:{p.column}: {p.message}" for p in raised.value.problems]


SPANISH = fixture_translation("es")
"""The fixture's Spanish translation (tests/fixtures/translations/es), by path in the content folder."""


def test_a_translation_replaces_its_fields_and_lists_every_other_as_a_gap(tmp_path: Path) -> None:
    original = build_explainer(FIXTURE)
    explainer = build_explainer(translated_copy(tmp_path, SPANISH))
    spanish = explainer.translations["es"]
    content = spanish.content
    assert content.incident.language == "es"
    assert content.incident.title == "Incidente de prueba en el puente del río Example"
    assert content.incident.summary == original.incident.summary  # not translated: the original's words
    facts = content.incident.key_facts
    assert facts[0].text.startswith("El puente se cerró") and facts[0].sources == original.incident.key_facts[0].sources
    assert facts[1] == original.incident.key_facts[1]
    events = {record.id: record for record, _ in content.records["events"]}
    closed = events["bridge-closed"]
    assert closed.title == "El puente se cierra" and closed.summary.startswith("El consejo **cerró**")
    assert (closed.when, closed.actors, closed.sources) == (
        original.events["bridge-closed"].when,
        original.events["bridge-closed"].actors,
        original.events["bridge-closed"].sources,
    )
    statements = {record.id: record for record, _ in content.records["statements"]}
    # A verbatim statement keeps its words; the explainer's translation is given beside them.
    assert statements["council-announcement"].text == original.statements["council-announcement"].text
    assert spanish.quotes == {"council-announcement": "El puente está cerrado hasta nuevo aviso."}
    assert statements["ministry-precaution"].text == "El ministerio describió el cierre como una precaución."
    # Every field still in English is a gap, and only those.
    gaps = {(gap.record_id, gap.field) for gap in spanish.gaps}
    assert ("incident", "summary") in gaps and ("incident", "key_facts[1]") in gaps
    assert ("incident", "title") not in gaps and ("incident", "key_facts[0]") not in gaps
    assert ("bridge-closed", "location") in gaps and ("bridge-closed", "title") not in gaps
    assert ("council-announcement", "medium") in gaps and ("council-announcement", "translation") not in gaps
    assert ("council-announcement", "text") not in gaps, "a verbatim statement's words are never to translate"
    assert ("ana-example", "role") not in gaps and ("ana-example", "name") not in gaps, "a name is kept unless given"
    assert ("ministry-post", "access_note") in gaps
    assert spanish.untranslated("bridge-closed") == {"location"}
    done, total = translate.status(spanish, content)
    assert (done, total) == (total - len(spanish.gaps), total) and done == 8
    # The original is untouched.
    assert explainer.events["bridge-closed"].title == original.events["bridge-closed"].title


def test_no_translation_folder_means_every_field_is_a_gap(tmp_path: Path) -> None:
    explainer = build_explainer(translated_copy(tmp_path, {}))
    spanish = explainer.translations["es"]
    done, total = translate.status(spanish, spanish.content)
    assert done == 0 and total == len(spanish.gaps) > 30


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"es/events.yml": "- id: bridge-closd\n  title: x\n"},
            "es/events.yml:1:7: no event in events.yml has the id 'bridge-closd' (did you mean 'bridge-closed'?)",
        ),
        (
            {"es/events.yml": "- id: bridge-closed\n  title: x\n  when: 2025-01-01\n"},
            "es/events.yml:3:3: 'when' is not translated: it is written once, in the original events.yml",
        ),
        (
            {"es/events.yml": "- id: bridge-closed\n  sources: [council-notice]\n"},
            "es/events.yml:2:3: 'sources' is not translated",
        ),
        (
            {"es/events.yml": "- id: bridge-closed\n  titel: x\n"},
            "es/events.yml:2:3: unknown field 'titel' (did you mean 'title'?)",
        ),
        (
            {"es/statements.yml": "- id: council-announcement\n  text: Otra cosa\n"},
            "es/statements.yml:2:3: 'text' of a verbatim statement is the speaker's own words",
        ),
        (
            {"es/statements.yml": "- id: ministry-precaution\n  translation: Otra cosa\n"},
            "es/statements.yml:2:3: 'translation' is for a verbatim statement's words",
        ),
        (
            {"es/events.yml": "- id: bridge-closed\n  title: a\n- id: bridge-closed\n  title: b\n"},
            "es/events.yml:3:7: 'bridge-closed' is translated twice in this file (first at line 1)",
        ),
        (
            {"es/events.yml": "- id: bridge-closed\n  summary: Lo dice [otro](actor:otherland).\n"},
            "es/events.yml:2:27: 'summary': the original does not refer to 'actor:otherland' here",
        ),
        (
            {"es/incident.yml": "key_facts:\n  - text: Uno.\n"},
            "es/incident.yml:1:1: 'key_facts' has 1 item(s) and the original 2",
        ),
        (
            {"es/incident.yml": "language: es\n"},
            "es/incident.yml:1:1: 'language' is not translated",
        ),
        (
            {"es/events.yml": "- id: bridge-closed\n  title: ''\n"},
            "es/events.yml:2:10: 'title' must not be empty",
        ),
        (
            {"es/events.yml": '- id: bridge-closed\n  title: "x \\u202E y"\n'},
            "es/events.yml:2:13:",
        ),
        (
            {"es/events.yml": "- title: x\n"},
            "es/events.yml:1:3: each translated record starts with 'id:'",
        ),
        (
            {"es/events.yml": "title: x\n"},
            "es/events.yml:1:1: events.yml must be a list of translated records",
        ),
        (
            {"es/events.yml": "- id: bridge-closed\n  title: \u270e El título\n"},
            "es/events.yml:2:10: still the starter's placeholder",
        ),
    ],
)
def test_each_mistake_in_a_translation_is_reported_where_it_is_written(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    found = problems_of(translated_copy(tmp_path, files))
    assert any(problem.startswith(expected) for problem in found), found
    assert len(found) == 1, found


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        ("[en]", "incident.yml:8:16: 'translations': 'en' is the explainer's own language"),
        ("[es, es]", "incident.yml:8:20: 'translations': 'es' is listed twice"),
        ("[xx]", "incident.yml:8:16: 'translations': 'xx' is not a language Babel knows"),
        ("[]", "incident.yml:8:15:"),
    ],
)
def test_the_languages_of_translations_are_checked(tmp_path: Path, languages: str, expected: str) -> None:
    found = problems_of(translated_copy(tmp_path, {}, languages))
    assert any(problem.startswith(expected) for problem in found), found


def test_only_the_folders_of_declared_translations_are_read(tmp_path: Path) -> None:
    content = translated_copy(tmp_path, {"fr/events.yml": "- id: bridge-closed\n  title: Le pont\n"})
    found = problems_of(content)
    assert found == [
        "fr/events.yml:1:1: 'fr/events.yml' looks like a translation, but 'fr' is not in 'translations:' in"
        " incident.yml: add it there (translations: [fr]) to publish it, or move the folder out of the content"
        " folder"
    ]
    content = translated_copy(tmp_path, {"es/notes.txt": "not a record\n"})
    assert [problem.split(": ", 1)[0] for problem in problems_of(content)] == ["es/notes.txt:1:1"]
    content = translated_copy(tmp_path, SPANISH)
    assert isinstance(build_explainer(content), Explainer)
    (content / "es" / "events.yml").unlink()
    (content / "es" / "events.yml").symlink_to(content / "events.yml")
    assert problems_of(content) == ["es/events.yml:0:0: record files must not be symbolic links"]


def test_validate_reports_each_translations_progress_and_translations_lists_what_is_left(tmp_path: Path) -> None:
    content = translated_copy(tmp_path, SPANISH)
    result = run_explainer("validate", "content", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    spanish = build_explainer(content).translations["es"]
    done, total = translate.status(spanish, spanish.content)
    assert f"content/es: {done} of {total} fields translated" in result.stderr
    listed = run_explainer("translations", "es", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == f"es: {done} of {total} fields translated, 0 older than the original"
    assert "  content/es/events.yml: bridge-closed: location" in lines
    assert len(lines) == 1 + total - done
    wrong = run_explainer("translations", "fr", cwd=tmp_path)
    assert wrong.returncode == 2 and "'fr' is not a translation of this explainer" in wrong.stderr


# Every field a translation could give in the fixture: (kind key, record id, field).
_ORIGINAL = build_explainer(FIXTURE)
_CANDIDATES = [
    (kind, record.id, name)
    for kind in ("events", "statements", "questions", "actors", "updates", "sources")
    for record in getattr(_ORIGINAL, kind).values()
    for name in BY_KEY[kind].translatable
    if getattr(record, name) is not None
    and not (isinstance(record, models.Statement) and name == "text" and record.form == "verbatim")
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sets(st.sampled_from(_CANDIDATES)))
def test_any_subset_of_translated_fields_builds_and_marks_the_rest(
    tmp_path: Path, chosen: set[tuple[str, str, str]]
) -> None:
    files: dict[str, str] = {}
    for kind, rows in itertools.groupby(sorted(chosen), key=lambda row: row[0]):
        lines = []
        for record_id, fields in itertools.groupby(rows, key=lambda row: row[1]):
            lines.append(f"- id: {record_id}")
            lines += [f"  {name}: Traducido {record_id} {name}." for _, _, name in fields]
        files[f"es/{kind}.yml"] = "\n".join(lines) + "\n"
    spanish = build_explainer(translated_copy(tmp_path, files)).translations["es"]
    gaps = {(gap.record_id, gap.field) for gap in spanish.gaps}
    for kind, record_id, name in _CANDIDATES:
        record = next(r for r, _ in spanish.content.records[kind] if r.id == record_id)
        if (kind, record_id, name) in chosen:
            assert getattr(record, name) == f"Traducido {record_id} {name}."
            assert (record_id, name) not in gaps
        elif (type(record), name) not in translations.SAME_UNLESS_GIVEN:
            assert getattr(record, name) == getattr(getattr(_ORIGINAL, kind)[record_id], name)
            assert (record_id, name) in gaps


def test_schema_covers_a_translations_files_and_marks_them_for_editors(tmp_path: Path) -> None:
    import json

    content = translated_copy(tmp_path, SPANISH)
    result = run_explainer("schema", "content", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    events = (content / "es" / "events.yml").read_text(encoding="utf-8")
    assert events.startswith("# yaml-language-server: $schema=../.schema/translation-events.schema.json\n")
    schema = json.loads((content / ".schema" / "translation-events.schema.json").read_text(encoding="utf-8"))
    record = schema["$defs"][schema["items"]["$ref"].rsplit("/", 1)[1]]
    assert record["required"] == ["id"] and record["additionalProperties"] is False
    assert set(record["properties"]) == {"id", "title", "summary", "location", "note"}
    statement = json.loads((content / ".schema" / "translation-statements.schema.json").read_text(encoding="utf-8"))
    assert "translation" in next(iter(statement["$defs"].values()))["properties"]
    assert build_explainer(content).translations["es"].content.incident.title.startswith("Incidente")


# --- The published site in each language -------------------------------------------------------


def _pages(site: Path) -> set[str]:
    return {
        page.relative_to(site).as_posix()
        for page in site.rglob("index.html")
        if not page.relative_to(site).as_posix().startswith(("es/", "ar/", "record/"))
    }


def test_every_page_is_published_in_each_language_and_links_its_versions(translated_site: tuple[Path, int]) -> None:
    import re

    site, port = translated_site
    original = _pages(site)
    for language in ("es", "ar"):
        published = {page.relative_to(site / language).as_posix() for page in (site / language).rglob("index.html")}
        assert original and original <= published, (language, original - published)
    root = f"http://127.0.0.1:{port}/"
    for page in sorted(original):
        for prefix, lang in (("", "en"), ("es/", "es"), ("ar/", "ar")):
            text = (site / prefix / page).read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in text, (prefix, page)
            here = page.removesuffix("index.html")
            alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text))
            assert alternates == {
                "en": root + here,
                "es": root + "es/" + here,
                "ar": root + "ar/" + here,
                "x-default": root + here,
            }, page
            # The header's switch leads to the same page in each language (a relative address).
            switch = dict(re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"[^>]*class="md-select__link', text))
            assert sorted(switch.values()) == ([] if page.startswith("embed/") else ["ar", "en", "es"]), page
            for href, target in switch.items():
                resolved = (site / prefix / here / href).resolve()
                assert resolved == (site / ("" if target == "en" else f"{target}/") / here).resolve(), (page, href)
                assert (resolved / "index.html").is_file()


def test_a_translated_page_shows_the_translation_and_marks_the_original_words(
    translated_site: tuple[Path, int],
) -> None:
    site, _ = translated_site
    home = (site / "es" / "index.html").read_text(encoding="utf-8")
    assert "<title>Incidente de prueba en el puente del río Example</title>" in home
    assert "Aún sin traducir." in home  # the summary is still English: marked, with a note
    timeline = (site / "es" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "El puente se cierra" in timeline and "Cronología" in timeline
    # The English summary of an event not translated: inside an element that says it is English.
    assert '<span lang="en">The inspection ends</span>' in timeline
    # A date's basis is written once, in the original's words: marked as English too.
    assert '<em>Fundamento:</em> <span lang="en">The report says the inspection ended' in timeline
    assert '<div lang="en"><p>The council <strong>closed</strong> the bridge' not in timeline  # translated
    assert "El consejo <strong>cerró</strong> el puente" in timeline
    statements = (site / "es" / "statements" / "index.html").read_text(encoding="utf-8")
    # A verbatim quote stays in the speaker's words, marked English, with the explainer's translation.
    assert '<blockquote lang="en"><p>The bridge is closed until further notice.</p>' in statements
    assert "<strong>Traducción:</strong> El puente está cerrado hasta nuevo aviso." in statements
    assert "El ministerio describió el cierre como una precaución." in statements
    # The original is as before: no marks, no notes.
    english = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert 'span lang="en"' not in english and "Not yet translated." not in english
    assert "Aún sin traducir" not in (site / "statements" / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_language_switch_keeps_the_reader_on_the_same_record_and_pages_pass_axe(
    translated_site: tuple[Path, int], browser: object, serve_dir: object
) -> None:
    from tests.test_reader import with_axe

    site, port = translated_site
    url = str(serve_dir(site, port))  # type: ignore[operator]
    page = browser.new_page(viewport={"width": 375, "height": 740})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url + "statements/#statement-council-announcement")
    page.wait_for_selector("html.explainer-js", state="attached")  # the chart script has started
    page.locator(".md-select button").click()
    page.locator("a.explainer-version[hreflang='es']").click()
    page.wait_for_url("**/es/statements/#statement-council-announcement")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.locator("#statement-council-announcement").is_visible()
    for scheme in ("light", "dark"):  # a context each: Material keeps the palette it first chose
        context = with_axe(browser.new_context(color_scheme=scheme, viewport={"width": 1440, "height": 900}))  # type: ignore[attr-defined]
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        for path in ("es/", "es/timeline/", "es/statements/", "es/actors/", "es/questions/", "es/changes/"):
            page.goto(url + path)
            page.wait_for_load_state("load")
            shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert shown == {"light": "default", "dark": "slate"}[scheme], (scheme, shown)
            violations = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
            assert violations == [], (scheme, path, violations)
        context.close()
    assert errors == []


@pytest.mark.parametrize("name", [engine.name for engine in engines.ENGINES])
def test_each_engine_publishes_every_language(tmp_path: Path, name: str) -> None:
    from tests.conftest import make_project

    engine = next(engine for engine in engines.ENGINES if engine.name == name)
    if not engine.available():
        pytest.skip(f"{name} is not installed")
    files = SPANISH | fixture_translation("ar")
    project = make_project(tmp_path / "project", translated_copy(tmp_path / "source", files, "[es, ar]"))
    result = run_explainer("build", "--engine", name, cwd=project, site_url="https://news.example/story/")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for prefix, lang, heading in (("", "en", "Timeline"), ("es/", "es", "Cronología"), ("ar/", "ar", "التسلسل")):
        page = html.unescape((site / prefix / "timeline" / "index.html").read_text(encoding="utf-8"))
        assert f'<html lang="{lang}"' in page and heading in page, (name, prefix)
        assert f'<body dir="{"rtl" if lang == "ar" else "ltr"}"' in page, (name, prefix)
        assert '<link rel="alternate" hreflang="es" href="https://news.example/story/es/timeline/">' in page
        assert '<link rel="alternate" hreflang="x-default" href="https://news.example/story/timeline/">' in page
        assert ('<span lang="en">The inspection ends</span>' in page) == (lang == "es")
        marked = '<span lang="en" dir="ltr">The ministry calls the closure a precaution</span>'
        assert (marked in page) == (lang == "ar")
    assert (site / "es" / "search").is_dir() or (site / "es" / "search.json").is_file() or name == "zensical"


def test_a_translated_field_whose_original_changed_is_reported_until_brought_up_to_date(tmp_path: Path) -> None:
    from tests.conftest import make_project

    project = make_project(tmp_path / "project", translated_copy(tmp_path / "source", SPANISH))
    content = project / "content"
    before = run_explainer("validate", cwd=project)
    assert "8 not tracked yet (explainer translations --update)" in before.stderr, before.stderr
    wrote = run_explainer("translations", "es", "--update", cwd=project)
    assert wrote.returncode == 0 and "wrote content/es/translated-from.yml: 8 translated field(s)" in wrote.stderr
    tracked = (content / "es" / "translated-from.yml").read_text(encoding="utf-8")
    assert tracked.startswith("# Written by `explainer translations --update`")
    assert "not tracked" not in run_explainer("validate", cwd=project).stderr
    # An editor rewords the original title of an event whose title is translated.
    events = content / "events.yml"
    events.write_text(
        events.read_text(encoding="utf-8").replace("title: The bridge is closed\n", "title: The bridge closes\n"),
        encoding="utf-8",
    )
    said = run_explainer("validate", cwd=project)
    assert said.returncode == 0, said.stderr  # not an error unless asked
    assert "content/es: 8 of 37 fields translated; 1 older than the original (it has changed since)" in said.stderr
    listed = run_explainer("translations", "es", cwd=project).stdout.splitlines()
    assert listed[0] == "es: 8 of 37 fields translated, 1 older than the original"
    assert listed[-1] == "  content/es/events.yml: bridge-closed: title (original changed)"
    strict = run_explainer("validate", "--strict-translations", cwd=project)
    assert strict.returncode == 1 and "30 translated field(s) missing or older" in strict.stderr
    build = run_explainer("build", "--strict-translations", cwd=project, site_url="https://news.example/")
    assert build.returncode == 1 and "(--strict-translations): site/ kept" in build.stderr
    assert not (project / "site").exists()
    # Brought up to date (here: marked so), nothing is older than the original any more.
    run_explainer("translations", "es", "--update", cwd=project)
    assert "older than the original" not in run_explainer("validate", cwd=project).stderr
    # The file is the tool's: anything else in it is refused, with how to write it again.
    (content / "es" / "translated-from.yml").write_text("- a list\n", encoding="utf-8")
    broken = run_explainer("validate", cwd=project)
    assert broken.returncode == 1
    assert "translated-from.yml:1:1: translated-from.yml is written by explainer translations --update" in broken.stderr


def test_open_data_holds_the_records_as_written_and_every_translations_fields(
    translated_site: tuple[Path, int],
) -> None:
    import json

    from generator.render.opendata import OpenData

    site, _ = translated_site
    document = json.loads((site / "data" / "explainer.json").read_text(encoding="utf-8"))
    assert json.loads((site / "es" / "data" / "explainer.json").read_text(encoding="utf-8")) == document
    assert (site / "es" / "data" / "events.csv").read_bytes() == (site / "data" / "events.csv").read_bytes()
    OpenData.model_validate(document)
    events = {event["id"]: event for event in document["events"]}
    assert events["bridge-closed"]["title"] == "The bridge is closed"  # the original, as written
    spanish = document["translations"]["es"]
    assert spanish["events"]["bridge-closed"] == {
        "title": "El puente se cierra",
        "summary": "El consejo **cerró** el puente, como dice [su anuncio](statement:council-announcement).",
    }
    assert spanish["incident"]["incident"]["key_facts"][1] is None
    assert spanish["incident"]["incident"]["key_facts"][0].startswith("El puente se cerró")
    assert spanish["statements"]["council-announcement"]["translation"] == "El puente está cerrado hasta nuevo aviso."
    assert "inspection-done" not in spanish["events"]  # nothing of it is translated yet


def test_new_appends_a_translation_to_fill_in_under_the_originals_words(tmp_path: Path) -> None:
    content = translated_copy(tmp_path, {"es/statements.yml": SPANISH["es/statements.yml"]})
    added = run_explainer("new", "event", "--id", "inspection-done", "--language", "es", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert "added a translation of 'inspection-done' at the end of content/es/events.yml" in added.stderr
    events = (content / "es" / "events.yml").read_text(encoding="utf-8")
    assert events.startswith("# yaml-language-server: $schema=../.schema/translation-events.schema.json\n")
    assert '  # title, in the original:\n  #   The inspection ends\n  title: "\u270e"\n' in events
    assert "when" not in events and "sources" not in events  # only what a translation gives
    # A placeholder is refused until it is written, where it is written.
    found = problems_of(content)
    assert [problem.split(": ", 1)[0] for problem in found] == ["es/events.yml:5:10", "es/events.yml:8:12"]
    # A verbatim statement is translated in 'translation', its words shown to the translator.
    statements = content / "es" / "statements.yml"
    statements.write_text("", encoding="utf-8")
    assert (
        run_explainer("new", "statement", "--id", "council-announcement", "--language", "es", cwd=tmp_path).returncode
        == 0
    )
    stub = statements.read_text(encoding="utf-8")
    assert '  translation: "\u270e"' in stub and "  #   The bridge is closed until further notice." in stub
    assert "\n  text:" not in stub
    for args, message in (
        (["--id", "inspection-done", "--language", "es"], "'inspection-done' is already translated in es/events.yml"),
        (["--id", "no-such-event", "--language", "es"], "no event in events.yml has the id 'no-such-event'"),
        (["--id", "inspection-done", "--language", "fr"], "--language fr: add it to 'translations' in incident.yml"),
    ):
        refused = run_explainer("new", "event", *args, cwd=tmp_path)
        assert refused.returncode == 2 and message in refused.stderr, refused.stderr
