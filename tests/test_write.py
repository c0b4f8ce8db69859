"""Output folders are swapped in whole: never half-written, never written outside themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.write import replace_dir, write_files


def test_write_files_replaces_the_folder_exactly(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_files(target, {"a.md": "one", "sub/b.md": "two"})
    write_files(target, {"c.md": "three"})
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == ["c.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "no staging folder left behind"


def test_a_failure_while_filling_leaves_the_old_folder(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_files(target, {"a.md": "one"})

    def fail(folder: Path) -> None:
        (folder / "half.md").write_text("half")
        raise RuntimeError("stopped half-way")

    with pytest.raises(RuntimeError):
        replace_dir(target, fail)
    assert [p.name for p in target.iterdir()] == ["a.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("relative", ["../escape.md", "/etc/passwd", "sub/../../escape.md", "."])
def test_paths_outside_the_folder_are_refused(tmp_path: Path, relative: str) -> None:
    target = tmp_path / "out"
    with pytest.raises(ValueError, match="outside"):
        write_files(target, {relative: "x"})
    assert not target.exists() and not (tmp_path / "escape.md").exists()
