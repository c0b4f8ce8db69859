"""``explainer generate --out`` writes only into a folder it made (it holds the marker file), a new
folder or an empty one: never the project, its content, its theme overrides, or any folder holding
records or a configuration, whatever the path given."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.folder import MARKER
from tests.conftest import make_project, run_explainer


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = make_project(tmp_path / "project")
    (folder / "site_overrides" / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "out",
    ["content", ".", "site_overrides", "..", "content/generated", "other-records", "other-project", "notes"],
)
def test_a_folder_generate_did_not_make_is_refused(out: str, project: Path) -> None:
    shutil.copytree(project / "content", project / "other-records")
    (project / "other-project").mkdir()
    (project / "other-project" / "mkdocs.yml").write_text("site_name: Another\n", encoding="utf-8")
    (project / "notes").mkdir()
    (project / "notes" / "todo.txt").write_text("call the ministry\n", encoding="utf-8")
    before = snapshot(project.parent)
    result = run_explainer("generate", "--out", out, cwd=project)
    assert result.returncode != 0
    assert "--out" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert snapshot(project.parent) == before, "nothing was written, moved or deleted"


def test_a_new_an_empty_and_a_generated_folder_are_written(project: Path) -> None:
    first = run_explainer("generate", "--out", "build", cwd=project)
    assert first.returncode == 0, first.stderr
    assert (project / "build" / MARKER).is_file() and (project / "build" / "mkdocs.yml").is_file()
    again = run_explainer("generate", "--out", "build", cwd=project)
    assert again.returncode == 0 and "in place" in again.stderr, again.stderr
    (project / "empty").mkdir()
    assert run_explainer("generate", "--out", "empty", cwd=project).returncode == 0
    assert (project / "empty" / MARKER).is_file()
