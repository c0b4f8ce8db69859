"""The editors' commands through real subprocesses: schema, new, init, validate --format json."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator import models, prose, scaffold
from generator.pipeline import build_explainer
from tests.conftest import CONTENT, FIXTURE, make_project, run_explainer, site_pages


def test_committed_schemas_match_the_models() -> None:
    for relative, text in scaffold.schemas().items():
        committed = CONTENT / relative
        assert committed.is_file(), f"{relative} missing: run explainer schema content"
        assert committed.read_text(encoding="utf-8") == text, f"{relative} is stale: run explainer schema content"


def test_every_record_file_points_its_editor_at_its_schema() -> None:
    for path in CONTENT.glob("*.yml"):
        assert path.read_text(encoding="utf-8").splitlines()[0] == scaffold.modeline(path.stem)


def test_schema_knows_every_field_and_rejects_unknown_ones() -> None:
    events = json.loads(scaffold.schemas()[".schema/events.schema.json"])
    event = events["$defs"]["Event"]
    assert set(event["properties"]) == set(models.Event.model_fields)
    assert event["additionalProperties"] is False
    assert event["properties"]["title"]["description"] == "Short headline for lists and the timeline."


def test_schema_command_writes_schemas_and_modelines(fixture_copy: Path) -> None:
    result = run_explainer("schema", str(fixture_copy))
    assert result.returncode == 0, result.stderr
    for stem in ("incident", "events", "questions"):
        assert (fixture_copy / ".schema" / f"{stem}.schema.json").is_file()
        assert (fixture_copy / f"{stem}.yml").read_text().startswith(scaffold.modeline(stem) + "\n")
    assert run_explainer("validate", str(fixture_copy)).returncode == 0, "modelines are comments: still valid"
    again = run_explainer("schema", str(fixture_copy))
    assert "(0 file(s) changed)" in again.stderr


def fill_in(text: str, values: dict[str, str]) -> str:
    """Replace the empty values of a new record's fields, as an editor would."""
    for field, value in values.items():
        text, count = re.subn(rf'(?m)^(\s+{field}): (""|\[\])$', rf"\1: {value}", text, count=1)
        assert count == 1, field
    return text


def test_new_appends_a_record_that_validates_once_filled_in(fixture_copy: Path) -> None:
    events = fixture_copy / "events.yml"
    before = events.read_bytes()
    result = run_explainer("new", "event", "--id", "ferry-starts", "--content-dir", str(fixture_copy))
    assert result.returncode == 0, result.stderr
    after = events.read_bytes()
    assert after.startswith(before), "the rest of the file is kept byte for byte"
    added = after[len(before) :].decode("utf-8")
    assert "- id: ferry-starts" in added and "# Short headline for lists and the timeline." in added
    # As it is, the new record is not valid: its required fields are empty.
    assert run_explainer("validate", str(fixture_copy)).returncode == 1
    filled = fill_in(
        added,
        {"title": "A ferry starts", "summary": "A ferry replaced the bridge.", "actors": "[example-council]",
         "basis": "The report gives no date.", "sources": "[daily-report]"},
    )  # fmt: skip
    events.write_bytes(before + filled.encode("utf-8"))
    result = run_explainer("validate", str(fixture_copy))
    assert result.returncode == 0, result.stderr
    assert "ferry-starts" in build_explainer(fixture_copy).events


def test_the_date_forms_a_new_record_shows_validate_once_uncommented(fixture_copy: Path) -> None:
    """Each commented date over `when` (and the `until` under it), uncommented as the comment says."""
    filled = fill_in(
        scaffold.record_template("event", "ferry-starts"),
        {"title": "A ferry starts", "summary": "A ferry replaced the bridge.", "actors": "[example-council]",
         "basis": "The report gives no date.", "sources": "[daily-report]"},
    )  # fmt: skip
    block = "  when:\n    precision: unknown\n    basis: The report gives no date.\n"
    examples = re.findall(r"(?m)^  # (when: \{.*\})$", filled)
    assert len(examples) == len(scaffold.DATE_EXAMPLES) and "  # until: {" in filled
    before = (fixture_copy / "events.yml").read_text(encoding="utf-8")
    for example in examples:
        record = filled.replace(block, f"  {example}\n").replace("  # until: {", "  until: {")
        (fixture_copy / "events.yml").write_text(before + record, encoding="utf-8")
        assert build_explainer(fixture_copy).events["ferry-starts"].until is not None, example


def test_a_new_record_shows_the_prose_syntax_once_and_its_example_is_valid_prose() -> None:
    for kind in ("event", "statement", "question", "actor", "source"):
        template = scaffold.record_template(kind, "x")
        assert template.count("# Prose: ") == 1, kind
    example = " ".join(line.removeprefix("  # ") for line in scaffold.PROSE_HELP)
    parsed = prose.parse(example.split("Prose: ", 1)[1])
    assert parsed.problems == [] and [(r.kind, r.id) for r in parsed.references] == [("statement", "council-statement")]


def test_new_refuses_an_id_in_use_or_malformed(fixture_copy: Path) -> None:
    before = (fixture_copy / "actors.yml").read_bytes()
    taken = run_explainer("new", "actor", "--id", "bridge-closed", "--content-dir", str(fixture_copy))
    assert taken.returncode == 2 and "already used" in taken.stderr
    bad = run_explainer("new", "actor", "--id", "Bad Id", "--content-dir", str(fixture_copy))
    assert bad.returncode == 2 and "not a usable id" in bad.stderr
    assert (fixture_copy / "actors.yml").read_bytes() == before


def test_new_without_trailing_newline_keeps_the_last_line(fixture_copy: Path) -> None:
    questions = fixture_copy / "questions.yml"
    questions.write_bytes(questions.read_bytes().rstrip(b"\n"))
    before = questions.read_bytes()
    assert run_explainer("new", "question", "--content-dir", str(fixture_copy)).returncode == 0
    assert questions.read_bytes().startswith(before + b"\n")


def fill_placeholders(folder: Path) -> int:
    """Write words in place of every placeholder of a starter project, as an editor would."""
    filled = 0
    for path in (folder / "content").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        filled += text.count("\u270e ")
        path.write_text(
            text.replace("\u270e Replace this with", "Words for").replace("\u270e Replace with", "Words for")
        )
    return filled


def test_init_starts_a_project_that_refuses_to_publish_its_placeholders(tmp_path: Path) -> None:
    folder = tmp_path / "harbour"
    refused = run_explainer("init", str(folder), "--title", "Harbour strike")
    assert refused.returncode == 2 and "--licence" in refused.stderr and not folder.exists(), "no licence invented"
    result = run_explainer("init", str(folder), "--title", "Harbour strike", "--licence", "CC BY-SA 4.0")
    assert result.returncode == 0, result.stderr
    written = [p for p in folder.rglob("*") if p.is_file()]
    assert f"({len(written)} files)" in result.stderr, "init says how many files it wrote"
    assert (folder / ".github" / "workflows" / "pages.yml").is_file() and (folder / "README.md").is_file()
    placeholders = run_explainer("build", cwd=folder)
    assert placeholders.returncode == 1 and not (folder / "site").exists()
    flagged = [line for line in placeholders.stderr.splitlines() if "placeholder" in line]
    assert len(flagged) == fill_placeholders(folder) > 10
    assert all(re.match(r"content/\w+\.yml:\d+:\d+: ", line) for line in flagged), "each at its line"
    built = run_explainer("build", cwd=folder)
    assert built.returncode == 0, built.stderr
    assert "Harbour strike" in (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert (folder / "site" / "assets" / "javascripts" / "explainer.js").is_file(), "theme files come with the plugin"
    assert run_explainer("init", str(folder), "--licence", "x").returncode == 2, "an existing project is kept"
    assert 'licence: {name: "CC BY-SA 4.0"}' in (folder / "content" / "incident.yml").read_text(encoding="utf-8")


def test_the_site_is_named_by_incident_yml_not_mkdocs_yml(tmp_path: Path) -> None:
    """Once incident.yml has a title, no page says the name `init` started with."""
    folder = tmp_path / "harbour"
    assert run_explainer("init", str(folder), "--licence", "CC BY 4.0").returncode == 0
    fill_placeholders(folder)
    incident = folder / "content" / "incident.yml"
    text = incident.read_text(encoding="utf-8")
    assert 'title: "New explainer"' in text
    incident.write_text(text.replace('title: "New explainer"', "title: Harbour strike in Example Bay"), "utf-8")
    built = run_explainer("build", cwd=folder)
    assert built.returncode == 0, built.stderr
    for page in site_pages(folder / "site"):
        html = page.read_text(encoding="utf-8")
        assert "New explainer" not in html, page
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    timeline = (folder / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "<title>Harbour strike in Example Bay</title>" in home
    assert "<title>Timeline - Harbour strike in Example Bay</title>" in timeline
    assert '<meta property="og:site_name" content="Harbour strike in Example Bay">' in timeline
    assert re.search(r'md-header__topic">\s*<span class="md-ellipsis">\s*Harbour strike in Example Bay', timeline)


def test_validate_json_output(fixture_copy: Path) -> None:
    shutil.copy(FIXTURE / "events.yml", fixture_copy / "events.yml")
    (fixture_copy / "questions.yml").write_text("- id: q\n  question: Why?\n", encoding="utf-8")
    result = run_explainer("validate", "content", "--format", "json", cwd=fixture_copy.parent)
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert problems[0] == {
        "path": "content/questions.yml", "line": 1, "column": 3, "message": "missing required field 'sources'"
    }  # fmt: skip
    assert len(problems) == 4
    clean = run_explainer("validate", str(FIXTURE), "--format", "json")
    assert clean.returncode == 0 and json.loads(clean.stdout) == []


def project_with_edit_links(folder: Path) -> Path:
    """The fixture project, in a repository (example) whose record files "edit this page" opens."""
    from tests.conftest import make_project

    project = make_project(folder)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("theme:\n", "repo_url: https://github.com/example/bridge\nedit_uri: blob/main/content/\ntheme:\n", 1)
        .replace("    - navigation.instant\n", "    - navigation.instant\n    - content.action.edit\n", 1),
        encoding="utf-8",
    )
    return project


def test_pages_link_to_the_yaml_they_are_edited_in(tmp_path: Path) -> None:
    project = project_with_edit_links(tmp_path / "project")
    result = run_explainer("build", cwd=project)
    assert result.returncode == 0, result.stderr
    actor = (project / "site" / "actors" / "ana-example" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/example/bridge/blob/main/content/actors.yml#L10"' in actor
    timeline = (project / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/example/bridge/blob/main/content/events.yml"' in timeline


def test_the_editors_guide_lists_every_field_of_every_model() -> None:
    from generator import guide

    readme = guide.GUIDE.read_text(encoding="utf-8")
    block = readme.split(guide.START, 1)[1].split(guide.END, 1)[0]
    assert block.strip() == guide.field_reference().strip(), "run: python -m generator.guide"
    for title, model in guide.FILES:
        table = block.split(f"### `{title}`", 1)[1].split("###", 1)[0]
        for name in model.model_fields:
            assert f"| `{name}` |" in table, f"{title}: field {name} missing from the guide"
    for command in ("validate", "new", "schema", "serve", "init"):
        assert f"explainer {command}" in readme or f"make {command}" in readme


def test_new_projects_get_the_same_site_settings_as_this_one() -> None:
    """`init` writes its own mkdocs.yml; it must not drift from this repository's settings."""
    import yaml as pyyaml

    class _ConfigLoader(pyyaml.SafeLoader):
        """Reads the settings as written: the engine's own tags (!ENV...) read as None."""

    _ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)

    ours = pyyaml.load((CONTENT.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    new = pyyaml.load(scaffold.starter()["mkdocs.yml"].replace("%TITLE%", '"T"'), Loader=_ConfigLoader)
    for key in ("docs_dir", "plugins", "markdown_extensions", "validation"):
        assert new[key] == ours[key], key
    for key in ("name", "custom_dir", "font", "features"):
        assert new["theme"][key] == ours["theme"][key], key
    assert [p["scheme"] for p in new["theme"]["palette"]] == [p["scheme"] for p in ours["theme"]["palette"]]


def test_new_projects_publish_with_this_repositorys_pages_workflow() -> None:
    """The same workflow but for how it installs: this repository installs its runtime dependencies
    by hash, then the generator from its checkout; a new project installs its requirements. Both
    then run `explainer build` with the published address."""
    import yaml as pyyaml

    ours = pyyaml.safe_load((CONTENT.parent / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    new = pyyaml.safe_load(scaffold.starter()[".github/workflows/pages.yml"])

    def builds(workflow: dict) -> list[dict]:
        return [step for step in workflow["jobs"]["build"]["steps"] if "run" in step]

    assert [step["run"] for step in builds(ours)][-1] == "explainer build"
    assert [step["run"] for step in builds(new)] == ["python -m pip install -r requirements.txt", "explainer build"]
    assert builds(ours)[-1]["env"] == builds(new)[-1]["env"]
    for workflow in (ours, new):
        workflow["jobs"]["build"]["steps"] = [step for step in workflow["jobs"]["build"]["steps"] if "run" not in step]
    assert new == ours


@pytest.mark.parametrize("existing", ["no", "off", "017", "0x1f"])
def test_new_sees_ids_that_yaml_1_1_would_read_as_something_else(fixture_copy: Path, existing: str) -> None:
    """`no` and `off` are false, `017` and `0x1f` numbers to a YAML 1.1 reader; here they are ids."""
    actors = fixture_copy / "actors.yml"
    actors.write_text(
        actors.read_text(encoding="utf-8") + f"- id: {existing}\n  name: Test actor\n  kind: group\n"
        "  sources: [daily-report]\n",
        encoding="utf-8",
    )
    assert run_explainer("validate", str(fixture_copy)).returncode == 0, "the id is valid as written"
    before = (fixture_copy / "events.yml").read_bytes()
    result = run_explainer("new", "event", "--id", existing, "--content-dir", str(fixture_copy))
    assert result.returncode == 2 and f"id '{existing}' is already used" in result.stderr
    assert (fixture_copy / "events.yml").read_bytes() == before


def test_new_still_sees_the_ids_of_a_file_with_a_half_written_record(fixture_copy: Path) -> None:
    events = fixture_copy / "events.yml"
    events.write_text(events.read_text(encoding="utf-8") + "- id: half-written\n  title: [unclosed\n", "utf-8")
    result = run_explainer("new", "event", "--id", "bridge-closed", "--content-dir", str(fixture_copy))
    assert result.returncode == 2 and "id 'bridge-closed' is already used" in result.stderr


def test_validate_says_what_it_found_and_nothing_about_building(fixture_copy: Path) -> None:
    (fixture_copy / "events.yml").write_text("- id: x\n  title: No summary\n", encoding="utf-8")
    result = run_explainer("validate", str(fixture_copy))
    assert result.returncode == 1 and "problem(s) found" in result.stderr
    assert "built" not in result.stderr


def test_a_generated_folder_keeps_the_edit_links_to_the_yaml(tmp_path: Path) -> None:
    """Built without the plugin, "edit this page" still opens the record file, not generated Markdown."""
    import subprocess
    import sys

    project = project_with_edit_links(tmp_path / "project")
    out = tmp_path / "build"
    assert run_explainer("generate", "content", "--out", str(out), cwd=project).returncode == 0
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml")],
        cwd=out, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    actor = (out / "site" / "actors" / "ana-example" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/example/bridge/blob/main/content/actors.yml#L10"' in actor
    timeline = (out / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/example/bridge/blob/main/content/events.yml"' in timeline
    assert "timeline.md" not in re.findall(r'<a href="([^"]+)"[^>]*rel="edit"', timeline)[0]


def test_small_slips_an_editor_met(tmp_path: Path, fixture_copy: Path) -> None:
    """The version is said; new records' comments read as written; running from content/ says where
    to go; an actor page does not say "(paraphrase)" twice."""
    from generator import __version__

    assert run_explainer("--version").stdout.strip() == f"explainer {__version__}"
    assert (
        run_explainer("new", "statement", "--id", "fresh-statement", "--content-dir", str(fixture_copy)).returncode == 0
    )
    text = (fixture_copy / "statements.yml").read_text(encoding="utf-8")
    assert "``" not in text and "`verbatim`" in text
    project = make_project(tmp_path / "project")
    inside = run_explainer("build", cwd=project / "content")
    assert inside.returncode == 2 and f"run explainer from the project's folder, {project}" in inside.stderr
    assert "(cd ..)" in inside.stderr
    assert run_explainer("build", cwd=project).returncode == 0
    actor = (project / "site" / "actors" / "example-ministry" / "index.html").read_text(encoding="utf-8")
    assert "(paraphrase): (paraphrase)" not in actor and "(paraphrase) The ministry described" in actor


def test_the_editors_guide_reads_in_ten_minutes_from_a_short_quick_start() -> None:
    """Quick start first (at most 30 lines), then records, dates, prose, updates and publishing; the
    rest reads in about ten minutes (the field reference is an appendix to look things up in)."""
    from generator import guide

    text = guide.GUIDE.read_text(encoding="utf-8")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings[0] == "Quick start" and headings[-1] == "Starting another explainer"
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert len(quick.strip().splitlines()) <= 30
    order = [text.index(words) for words in ("## The records", "## Dates", "## Prose fields",
                                             "## Updates", "## Publishing to GitHub Pages")]  # fmt: skip
    assert order == sorted(order)
    reading = text.split(guide.START)[0] + text.split(guide.END)[1]
    assert len(reading.split()) <= 2750, "about ten minutes at 275 words a minute"
    starter = (Path(guide.__file__).parent / "starter" / "README.md").read_text(encoding="utf-8")
    assert len(starter.split("## Quick start", 1)[1].split("\n## ", 1)[0].strip().splitlines()) <= 30
