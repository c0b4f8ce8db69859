"""The explainer as open data, and addresses that last, on fixture and synthetic explainers."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator import tables
from generator.pipeline import build_explainer, generate
from generator.registry import KINDS
from generator.render import opendata
from tests.conftest import FIXTURES


@pytest.mark.parametrize("fixture", ["explainer", "explicador", "dated"])
def test_the_json_export_loads_back_as_the_same_explainer_and_fits_its_schema(fixture: str) -> None:
    explainer = build_explainer(FIXTURES / fixture)
    output = generate(FIXTURES / fixture)
    document = json.loads(output.data["data/explainer.json"])
    jsonschema.Draft202012Validator(json.loads(output.data["data/explainer.schema.json"])).validate(document)
    loaded = opendata.OpenData.model_validate(document)
    assert loaded.incident == explainer.incident  # type: ignore[attr-defined]
    for kind in KINDS:
        original = getattr(explainer, kind.key)
        assert {record.id: record for record in getattr(loaded, kind.key)} == original, kind.key
    assert loaded.timeline == [entry.record.id for entry in explainer.timeline]  # type: ignore[attr-defined]
    assert loaded.mentions == explainer.mentions  # type: ignore[attr-defined]


def test_the_schema_refuses_what_the_models_refuse() -> None:
    output = generate(FIXTURES / "explainer")
    validator = jsonschema.Draft202012Validator(json.loads(output.data["data/explainer.schema.json"]))
    document = json.loads(output.data["data/explainer.json"])
    document["events"][0]["when"] = {"precision": "day"}  # a day without its date
    document["sources"][0]["unknown_field"] = "x"
    errors = list(validator.iter_errors(document))
    assert len(errors) >= 2


def test_each_csv_reads_in_a_csv_parser_with_one_row_per_record() -> None:
    explainer = build_explainer(FIXTURES / "explainer")
    output = generate(FIXTURES / "explainer")
    for kind in KINDS:
        text = output.data[f"data/{kind.key}.csv"]
        # RFC 4180: records end in CRLF; a line break inside a quoted cell is part of the cell.
        assert text.endswith("\r\n") and text.split("\r\n", 1)[0] == ",".join(tables.columns(kind.model))
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert rows[0] == tables.columns(kind.model)
        assert [row[0] for row in rows[1:]] == list(getattr(explainer, kind.key)), kind.key
        assert all(len(row) == len(rows[0]) for row in rows)
    events = {row["id"]: row for row in csv.DictReader(io.StringIO(output.data["data/events.csv"], newline=""))}
    assert events["inspection-done"]["actors"] == "example-council; example-ministry"
    assert events["inspection-done"]["when.precision"] == "range" and events["inspection-done"]["when.date"] == ""
    assert events["inspection-done"]["address"] == "record/inspection-done/"
    # A prose field of several paragraphs stays one cell, with its line breaks.
    updates = {row["id"]: row for row in csv.DictReader(io.StringIO(output.data["data/updates.csv"], newline=""))}
    assert updates["inspection-report-awaited"]["text"] == (
        "The daily report says the inspection report is *not yet* public:\n\n"
        "- the council has not published it;\n- the ministry has not commented."
    )


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ('=HYPERLINK("https://evil.example","x")', '\'=HYPERLINK("https://evil.example","x")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\t", "'\t"),
        # Look-alikes a spreadsheet reads as the sign itself: full-width and small forms.
        ("\uff1d1+1", "'\uff1d1+1"),  # ＝
        ("\uff0b1+1", "'\uff0b1+1"),  # ＋
        ("\uff0d1+1", "'\uff0d1+1"),  # －
        ("\uff20SUM(A1)", "'\uff20SUM(A1)"),  # ＠
        ("\ufe661+1", "'\ufe661+1"),  # ﹦ small equals sign
        ("\ufe621+1", "'\ufe621+1"),  # ﹢ small plus sign
        ("\ufe631+1", "'\ufe631+1"),  # ﹣ small hyphen-minus
        ("\ufe6bSUM(A1)", "'\ufe6bSUM(A1)"),  # ﹫ small commercial at
        ("\u22121+1", "'\u22121+1"),  # − minus sign
        # Spaces a spreadsheet skips before a formula.
        (" =1+1", "' =1+1"),
        ("   +1+1", "'   +1+1"),
        ("\u00a0=1+1", "'\u00a0=1+1"),  # no-break space
        ("\u3000\uff1d1+1", "'\u3000\uff1d1+1"),  # ideographic space, then ＝
        ("\u2003-1", "'\u2003-1"),  # em space
        ("\n@SUM(A1)", "'\n@SUM(A1)"),
        (" \t =1", "' \t =1"),
        # Text that only looks like it: left as written.
        ("A plain = sign inside", "A plain = sign inside"),
        (" leading space, then words", " leading space, then words"),
        ("\u00a0", "\u00a0"),
        ("\uff21 full-width letter", "\uff21 full-width letter"),
        ("'quoted", "'quoted"),
        ("", ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_made_inert(typed: str, written: str) -> None:
    assert opendata.cell(typed) == written


def test_formula_text_in_records_reaches_the_csv_inert(fixture_copy: Path) -> None:
    events = fixture_copy / "events.yml"
    text = events.read_text(encoding="utf-8").replace("title: The bridge is closed", 'title: "=1+2"', 1)
    events.write_text(text.replace("location: Example river", 'location: "@SUM(A1:A9)"', 1), encoding="utf-8")
    output = generate(fixture_copy)
    [row] = [
        r for r in csv.DictReader(io.StringIO(output.data["data/events.csv"], newline="")) if r["id"] == "bridge-closed"
    ]
    assert row["title"] == "'=1+2" and row["location"] == "'@SUM(A1:A9)"
    assert json.loads(output.data["data/explainer.json"])["events"][0]["title"] == "=1+2", "the JSON keeps the text"


def test_look_alike_formulas_in_records_reach_the_csv_inert(fixture_copy: Path) -> None:
    statements = fixture_copy / "statements.yml"
    text = statements.read_text(encoding="utf-8").replace(
        "medium: at a press conference", 'medium: "\\u00a0\\uFF1DHYPERLINK(\\"https://evil.example\\")"', 1
    )
    statements.write_text(text.replace("title: The ministry calls", "title: \uff0b1 The ministry calls", 1), "utf-8")
    output = generate(fixture_copy)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(output.data["data/statements.csv"], newline=""))}
    assert rows["council-announcement"]["medium"] == '\'\u00a0\uff1dHYPERLINK("https://evil.example")'
    assert rows["ministry-precaution"]["title"].startswith("'\uff0b1 The ministry calls")


def test_open_data_is_byte_identical_from_build_to_build() -> None:
    first, second = generate(FIXTURES / "explicador"), generate(FIXTURES / "explicador")
    data = {path: text for path, text in first.data.items() if path.startswith("data/")}
    assert data and data == {path: text for path, text in second.data.items() if path.startswith("data/")}


def test_a_records_address_lasts_when_earlier_records_push_it_to_another_page(fixture_copy: Path) -> None:
    """Its listing page changes; its address, and that the address leads to it, do not."""

    def target() -> str:
        page = generate(fixture_copy).data["record/traffic-diverted/index.html"]
        return re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page).group(1)  # type: ignore[union-attr]

    assert target() == "../../timeline/#event-traffic-diverted"
    earlier = "".join(
        f"- id: earlier-{n}\n  title: Earlier event {n}\n  summary: Test data.\n  actors: [example-council]\n"
        f"  when: {{precision: day, date: 2025-01-01}}\n  sources: [daily-report]\n"
        for n in range(200)
    )
    with (fixture_copy / "events.yml").open("a", encoding="utf-8") as handle:
        handle.write(earlier)
    assert target() == "../../timeline/page-2/#event-traffic-diverted"


def test_every_record_has_a_lasting_address_that_leads_to_it(built_site: Path) -> None:
    explainer = build_explainer(Path(__file__).resolve().parent.parent / "content")
    for record_id in explainer.kind_of:
        page = (built_site / "record" / record_id / "index.html").read_text(encoding="utf-8")
        target = re.search(r'url=\.\./\.\./([^"#]*)(?:#([^"]+))?"', page)
        assert target is not None, record_id
        landing = built_site / target.group(1) / "index.html"
        assert landing.is_file(), (record_id, target.group(0))
        if target.group(2):
            assert f'id="{target.group(2)}"' in landing.read_text(encoding="utf-8"), record_id
