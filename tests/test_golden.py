"""Each fixture explainer renders exactly to its reviewed golden files (regenerate with ``make golden``):
every page kind, in English and in Spanish, and the continuation pages of long listings."""

from __future__ import annotations

import pytest

from tests.golden import CASES, GOLDEN, rendered


@pytest.mark.parametrize("case", sorted(CASES))
def test_rendered_pages_match_golden_files(case: str) -> None:
    files = rendered(case)
    folder = GOLDEN / case
    on_disk = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    assert sorted(on_disk) == sorted(files), "pages were added or removed: run `make golden` and review"
    for relative, text in files.items():
        expected = (folder / relative).read_bytes().decode("utf-8")  # CSV lines end in CRLF
        assert text == expected, (
            f"{relative} differs from tests/golden/{case}/{relative}: run `make golden` and review the diff"
        )


def test_every_page_kind_has_a_golden_file_in_each_language() -> None:
    kinds = {"index.md", "timeline.md", "statements.md", "actors/index.md", "questions.md", "sources.md", "about.md"}
    for case in ("en", "es"):
        names = {path.relative_to(GOLDEN / case).as_posix() for path in (GOLDEN / case).rglob("*.md")}
        assert kinds | {"problems.md"} <= names
        assert any(name.startswith("actors/") and name != "actors/index.md" for name in names)
    for case in ("en-paged", "es-paged"):
        paged = {path.relative_to(GOLDEN / case).as_posix() for path in (GOLDEN / case).rglob("*.md")}
        assert {"timeline/page-2.md", "timeline/page-3.md", "sources/page-2.md"} <= paged


@pytest.mark.parametrize("case", sorted(CASES))
def test_rendering_is_deterministic(case: str) -> None:
    assert rendered(case) == rendered(case)
