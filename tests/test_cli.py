"""The ``explainer`` command as editors run it: exit codes and exactly what it prints."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_explainer


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
    assert not (docs / "assets" / "javascripts" / "vendor" / "plotly-gl2d.min.js").exists()
    assert (out / "theme" / "main.html").is_file() and (out / "mkdocs.yml").is_file()


def test_every_subcommand_has_help_with_examples() -> None:
    for command in ("validate", "build", "serve", "generate", "new", "schema", "init"):
        result = run_explainer(command, "--help")
        assert result.returncode == 0 and "explainer " + command in result.stdout.split("Example", 1)[1], command
