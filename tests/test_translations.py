"""Translations of an explainer: content/<language>/ files giving each record's translated fields.

The fixture explainer (invented, English) is given a Spanish translation here, written by the
tests: invented words for an invented incident.
"""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import models, translations
from generator.errors import ContentError
from generator.link import Explainer
from generator.pipeline import build_explainer
from generator.registry import BY_KEY
from tests.conftest import FIXTURE, run_explainer


def translated_copy(folder: Path, files: dict[str, str], languages: str = "[es]") -> Path:
    """The fixture explainer with ``translations: LANGUAGES`` and the given translation files
    (path relative to the content folder -> YAML)."""
    import shutil

    content = folder / "content"
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(FIXTURE, content)
    incident = content / "incident.yml"
    incident.write_text(
        incident.read_text(encoding="utf-8").replace("language: en\n", f"language: en\ntranslations: {languages}\n"),
        encoding="utf-8",
    )
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return content


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        build_explainer(content)
    return [f"{p.path.relative_to(content).as_posix()}:{p.line}:{p.column}: {p.message}" for p in raised.value.problems]


SPANISH = {
    "es/incident.yml": """
        # Test data: an invented incident, in invented Spanish words.
        title: Incidente de prueba en el puente del río Example
        key_facts:
          - text: El puente se cerró para una inspección, según [el consejo](actor:example-council).
          - null
        """,
    "es/events.yml": """
        - id: bridge-closed
          title: El puente se cierra
          summary: El consejo **cerró** el puente, como dice [su anuncio](statement:council-announcement).
        """,
    "es/statements.yml": """
        - id: council-announcement
          title: El consejo anuncia el cierre
          translation: El puente está cerrado hasta nuevo aviso.
        - id: ministry-precaution
          text: El ministerio describió el cierre como una precaución.
        """,
    "es/actors.yml": """
        - id: ana-example
          role: Portavoz del consejo
        """,
}


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
    done, total = translations.status(spanish, content)
    assert (done, total) == (total - len(spanish.gaps), total) and done == 8
    # The original is untouched.
    assert explainer.events["bridge-closed"].title == original.events["bridge-closed"].title


def test_no_translation_folder_means_every_field_is_a_gap(tmp_path: Path) -> None:
    explainer = build_explainer(translated_copy(tmp_path, {}))
    spanish = explainer.translations["es"]
    done, total = translations.status(spanish, spanish.content)
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
    done, total = translations.status(spanish, spanish.content)
    assert f"content/es: {done} of {total} fields translated" in result.stderr
    listed = run_explainer("translations", "es", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == f"es: {done} of {total} fields translated"
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
