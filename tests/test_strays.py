"""Only records leave the content folder: notes, backups, documents, pages and folders an editor
keeps beside the records stop the build, each named with how to move or ignore it; files listed
under ``ignore`` in incident.yml stay there and are never published."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_project, run_explainer

STRAYS = {
    "notes.txt": "anonymous source, do not publish",
    "research/old-sources.yml": "- id: old-source\n",
    "private/interview.pdf": "%PDF-1.4 interview transcript",
    "incident.yml~": "title: an older draft\n",
    "incident.yml.bak": "title: another draft\n",
    ".events.yml.swp": "swap",
    "page.html": "<script>alert('published')</script>",
    ".hidden-notes.md": "a hidden draft",
    "drafts/deep/inside/plan.md": "the plan",
    "event.yml": "- id: misnamed\n",
}


@pytest.fixture
def cluttered(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project")
    for relative, text in STRAYS.items():
        path = project / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


def test_every_stray_file_stops_the_build_with_how_to_move_or_ignore_it(cluttered: Path) -> None:
    result = run_explainer("build", cwd=cluttered)
    assert result.returncode != 0
    assert not (cluttered / "site").exists(), "nothing was published"
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    for relative in STRAYS:
        [line] = [line for line in lines if line.startswith(f"content/{relative}:")]
        assert "ignore" in line, line
    assert "did you mean events.yml?" in result.stderr
    assert "content/event.yml:1:1:" in result.stderr, "a misnamed file is reported at a real line"
    assert 'ignore: ["*~"]' in result.stderr and 'ignore: ["private/**"]' in result.stderr


def test_validate_reports_the_same_files(cluttered: Path) -> None:
    result = run_explainer("validate", "content", cwd=cluttered)
    assert result.returncode != 0
    assert all(f"content/{relative}:" in result.stdout + result.stderr for relative in STRAYS)


def test_ignored_files_stay_unpublished(cluttered: Path) -> None:
    incident = cluttered / "content" / "incident.yml"
    incident.write_text(
        incident.read_text(encoding="utf-8")
        + 'ignore: ["notes.txt", "research/**", "private/", "*~", "*.bak", ".*.swp", "page.html",'
        ' ".hidden-*", "drafts/**", "event.yml"]\n',
        encoding="utf-8",
    )
    result = run_explainer("build", cwd=cluttered)
    assert result.returncode == 0, result.stderr
    site = cluttered / "site"
    published = [p for p in site.rglob("*") if p.is_file()]
    names = {p.name for p in published}
    for relative in STRAYS:
        assert Path(relative).name not in names, relative
    for path in published:
        data = path.read_bytes()
        for text in ("anonymous source", "interview transcript", "alert('published')", "the plan"):
            assert text.encode() not in data, (path, text)
    assert not any(p.suffix in (".yml", ".yaml") for p in published), "no record file is published"
    opendata = (site / "data" / "explainer.json").read_text(encoding="utf-8")
    assert "research/**" not in opendata, "the ignore list is not published in the open data"
