"""Data-driven validation cases: each file in tests/cases/errors/ breaks a copy of the fixture
explainer and lists the exact lines the validator must print, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.errors import ContentError
from generator.pipeline import build_explainer

CASES = sorted((Path(__file__).parent / "cases" / "errors").glob("*.yml"))


def apply_case(case: dict, content: Path) -> None:
    for name, text in (case.get("files") or {}).items():
        (content / name).write_text(text, encoding="utf-8")
    for name, text in (case.get("append") or {}).items():
        with (content / name).open("a", encoding="utf-8") as handle:
            handle.write(text)


def problems_of(content: Path) -> list[str]:
    try:
        build_explainer(content)
    except ContentError as error:
        return [problem.format(content) for problem in error.problems]
    return []


@pytest.mark.parametrize("case_file", CASES, ids=[case.stem for case in CASES])
def test_case(case_file: Path, fixture_copy: Path) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    apply_case(case, fixture_copy)
    assert problems_of(fixture_copy) == case["expected"]


def test_the_fixture_itself_is_valid(fixture_copy: Path) -> None:
    assert problems_of(fixture_copy) == []


def test_yaml_1_1_values_stay_text(fixture_copy: Path) -> None:
    case = yaml.safe_load((Path(__file__).parent / "cases" / "errors" / "yaml-1-1-surprises.yml").read_text())
    apply_case(case, fixture_copy)
    actor = build_explainer(fixture_copy).actors["no-actor"]
    assert (actor.name, actor.role, actor.description) == ("NO", "12:30", "0x1F 017 yes off 2025-01-24")


def test_record_files_that_are_symbolic_links_are_refused(fixture_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yml"
    outside.write_text((fixture_copy / "questions.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (fixture_copy / "questions.yml").unlink()
    (fixture_copy / "questions.yml").symlink_to(outside)
    assert problems_of(fixture_copy) == ["questions.yml:0:0: record files must not be symbolic links"]
