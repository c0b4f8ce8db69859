"""The fixture explainer renders exactly to the reviewed golden files (regenerate with ``make golden``)."""

from __future__ import annotations

from tests.golden import GOLDEN, rendered


def test_rendered_pages_match_golden_files() -> None:
    files = rendered()
    on_disk = {path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*") if path.is_file()}
    assert sorted(on_disk) == sorted(files), "pages were added or removed: run `make golden` and review"
    for relative, text in files.items():
        expected = (GOLDEN / relative).read_text(encoding="utf-8")
        assert text == expected, (
            f"{relative} differs from tests/golden/{relative}: run `make golden` and review the diff"
        )


def test_rendering_is_deterministic() -> None:
    assert rendered() == rendered()
