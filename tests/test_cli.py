"""The ``explainer`` command as editors run it: exit codes and exactly what it prints."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import FIXTURE, run_explainer


def test_validate_clean_content() -> None:
    result = run_explainer("validate", "content")
    assert result.returncode == 0
    assert "no problems" in result.stderr


def test_validate_prints_every_problem_and_exits_1(fixture_copy: Path) -> None:
    (fixture_copy / "questions.yml").write_text(
        "- id: q\n  question: Why?\n  status: unknown\n  extra: 1\n", encoding="utf-8"
    )
    result = run_explainer("validate", str(fixture_copy), cwd=fixture_copy.parent)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/questions.yml:1:3: missing required field 'sources'",
        "content/questions.yml:1:3: missing required field 'what_would_answer'",
        "content/questions.yml:1:3: missing required field 'why_it_matters'",
        "content/questions.yml:3:11: 'status' must be one of 'open', 'partly_answered' or 'answered', not 'unknown'",
        "content/questions.yml:4:3: unknown field 'extra': the fields here are id, question, why_it_matters,"
        " what_would_answer, status, answer, related, sources",
        "5 problem(s) found",
    ]
    assert "Traceback" not in result.stderr + result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = run_explainer("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"explainer: content folder '{tmp_path / 'nowhere'}' not found"
    assert run_explainer("frobnicate").returncode == 2


def test_help_shows_examples() -> None:
    result = run_explainer("--help")
    assert result.returncode == 0
    assert "explainer validate content" in result.stdout


def test_generate_writes_a_site_folder_for_other_builders(tmp_path: Path) -> None:
    out = tmp_path / "build"
    result = run_explainer("generate", "tests/fixtures/explainer", "--out", str(out))
    assert result.returncode == 0, result.stderr
    docs = out / "docs"
    assert (docs / "timeline.md").is_file() and (docs / "figures" / "timeline.json").is_file()
    assert (docs / "assets" / "javascripts" / "vendor" / "plotly-basic.min.js").stat().st_size > 1_000_000
    vendor = docs / "assets" / "javascripts" / "vendor"
    assert [path.name for path in vendor.iterdir()] == ["plotly-basic.min.js"], "one plotly.js, drawing in SVG"
    assert (out / "theme" / "main.html").is_file() and (out / "mkdocs.yml").is_file()


def test_every_subcommand_has_help_with_examples() -> None:
    for command in ("validate", "build", "serve", "generate", "new", "schema", "init"):
        result = run_explainer(command, "--help")
        assert result.returncode == 0 and "explainer " + command in result.stdout.split("Example", 1)[1], command


def test_generate_again_updates_the_folder_in_place_for_a_live_preview(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    out = tmp_path / "build"
    assert run_explainer("generate", str(content), "--out", str(out)).returncode == 0
    (out / "site").mkdir()
    (out / "site" / "index.html").write_text("built by an engine", encoding="utf-8")
    folder_before = out.stat().st_ino
    untouched = out / "docs" / "about.md"
    stamp = untouched.stat().st_mtime_ns
    events = content / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace("The bridge is closed", "The bridge is shut"), "utf-8")
    (content / "updates.yml").unlink()  # the updates go, and their lasting addresses with them
    result = run_explainer("generate", str(content), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "updated" in result.stderr and "in place" in result.stderr
    assert out.stat().st_ino == folder_before, "the folder itself is not swapped"
    assert "The bridge is shut" in (out / "docs" / "timeline.md").read_text(encoding="utf-8")
    assert not (out / "docs" / "record" / "announcement-time-corrected").exists()
    assert (out / "docs" / "record" / "bridge-closed" / "index.html").is_file()
    assert untouched.stat().st_mtime_ns == stamp, "an unchanged file is not rewritten"
    assert (out / "site" / "index.html").read_text(encoding="utf-8") == "built by an engine"
