"""What a build leaves, replaces and says when the system gets in its way.

A killed build's staging folders are removed by the next build (only its own kind, and only those
no build is using); ``explainer build`` replaces only a site folder it made; a full disk, a folder
that cannot be written, a cache folder that is a file and a record file that is a named pipe are
each one line and an exit status, never a traceback or a wait.

The system's refusals are made to happen by replacing, in the command's own process, the call that
would fail (the tests run where permissions may not apply): the Python run first is ``patch``.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from generator import assets, write
from generator.write import replace_dir, write_files
from tests.conftest import make_project, run_explainer

try:
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

SITE_MARKER = ".explainer-site"
"""The file every site ``explainer build`` makes holds."""
needs_locks = pytest.mark.skipif(fcntl is None, reason="no flock here: stale staging folders are left alone")


def explainer(cwd: Path, *args: str, patch: str = "", env: dict[str, str] | None = None) -> Any:
    """Run ``explainer`` in ``cwd``, after running the Python ``patch`` in the same process."""
    return run_explainer(*args, cwd=cwd, env={"NO_MKDOCS_2_WARNING": "1", **(env or {})}, prepare=patch)


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def said(result: Any) -> list[str]:
    """What the command said, the progress line aside."""
    return [line for line in result.stderr.splitlines() if not line.startswith("[1/2]")]


# Staging folders left by a build that was killed.


def stale(folder: Path, name: str) -> Path:
    path = folder / name
    (path / "site" / "assets").mkdir(parents=True)
    (path / "site" / "index.html").write_text("half built", encoding="utf-8")
    return path


@needs_locks
def test_the_next_build_removes_the_staging_folders_a_killed_build_left_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "out"
    left = [stale(tmp_path, ".out.new-abcd_123"), stale(tmp_path, ".out.old-zz99yy88")]
    kept = [
        stale(tmp_path, ".out.new-notmine"),  # not the eight characters a staging folder ends in
        stale(tmp_path, ".other.new-abcd1234"),  # another target's
        stale(tmp_path, "out.new-abcd1234"),
    ]
    (tmp_path / ".out.new-file5678").write_text("a file, not a folder", encoding="utf-8")
    elsewhere = stale(tmp_path, "elsewhere")
    (tmp_path / ".out.old-link1234").symlink_to(elsewhere, target_is_directory=True)
    write_files(target, {"a.md": "one"})
    assert not any(path.exists() for path in left)
    assert all(path.is_dir() for path in kept) and files(elsewhere) == {"site/index.html": b"half built"}
    assert (tmp_path / ".out.new-file5678").is_file() and (tmp_path / ".out.old-link1234").is_symlink()
    assert files(target) == {"a.md": b"one"}


@needs_locks
def test_a_build_killed_while_filling_leaves_a_folder_the_next_build_removes(tmp_path: Path) -> None:
    code = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from generator.write import replace_dir
        def fill(folder):
            (folder / "half.html").write_text("half")
            os.kill(os.getpid(), signal.SIGKILL)
        replace_dir(Path({str(tmp_path / "out")!r}), fill)
    """)
    killed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9
    assert [path.name[:9] for path in tmp_path.iterdir()] == [".out.new-"]
    write_files(tmp_path / "out", {"a.md": "one"})
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


@needs_locks
def test_a_build_running_at_the_same_time_keeps_its_staging_folder(tmp_path: Path) -> None:
    """A second build starts (and finishes) while the first is still filling its staging folder: it
    removes what a killed build left, but not the first build's folder, which then completes."""
    target = tmp_path / "out"
    left = stale(tmp_path, ".out.new-k1lled00")
    seen: list[str] = []

    def first(folder: Path) -> None:
        (folder / "first.md").write_text("first", encoding="utf-8")
        write_files(target, {"second.md": "second"})  # the other build, from start to end
        seen.extend(sorted(path.name for path in tmp_path.iterdir()))
        assert folder.is_dir() and (folder / "first.md").is_file()

    replace_dir(target, first)
    assert not left.exists()
    assert [name for name in seen if name.startswith(".out.")] == [folder for folder in seen if ".new-" in folder]
    assert len([name for name in seen if name.startswith(".out.new-")]) == 1  # the first build's, in use
    assert files(target) == {"first.md": b"first"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


@needs_locks
def test_a_staging_folder_locked_by_another_process_is_in_use_and_kept(tmp_path: Path) -> None:
    busy = stale(tmp_path, ".out.new-busy1234")
    descriptor = os.open(busy, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        code = (
            "from pathlib import Path\nfrom generator.write import write_files\n"
            f"write_files(Path({str(tmp_path / 'out')!r}), {{'a.md': 'one'}})"
        )
        other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert other.returncode == 0, other.stderr
        assert busy.is_dir()
    finally:
        os.close(descriptor)
    write_files(tmp_path / "out", {"a.md": "two"})
    assert not busy.exists()


def test_the_staging_folders_names_are_the_ones_cleaned() -> None:
    pattern = write.staging_pattern(Path("/x/site"))
    assert pattern.fullmatch(".site.new-a_b0c9zz") and pattern.fullmatch(".site.old-00000000")
    for name in (
        ".site.new-a",
        ".site.new-abcdefghi",
        ".site.tmp-abcdefgh",
        ".site.new-ABCDEFGH",
        ".sitex.new-abcdefgh",
    ):
        assert not pattern.fullmatch(name), name


# Only a site folder the generator made is replaced.


def old_site(project: Path) -> Path:
    """A site as a version from before the marker built it: its pages and the explainer's script."""
    site = project / "site"
    (site / "assets" / "javascripts").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Earlier build</h1>", encoding="utf-8")
    (site / "assets" / "javascripts" / "explainer.js").write_text("// earlier", encoding="utf-8")
    return site


@pytest.mark.parametrize("kind", ["file", "folder of other things", "symbolic link"])
def test_build_refuses_to_replace_what_it_did_not_make(tmp_path: Path, kind: str) -> None:
    project = make_project(tmp_path / "project")
    site = project / "site"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("mine", encoding="utf-8")
    if kind == "file":
        site.write_text("a file named site", encoding="utf-8")
    elif kind == "folder of other things":
        shutil.copytree(elsewhere, site)
    else:
        site.symlink_to(elsewhere, target_is_directory=True)
    result = explainer(project, "build")
    assert result.returncode == 2, result.stderr
    assert len(said(result)) == 1 and "Traceback" not in result.stderr
    line = said(result)[0]
    assert line.startswith("explainer: site") and "not a site folder explainer build made" in line
    assert "--site-dir" in line
    if kind == "file":
        assert "is a file" in line and site.read_text(encoding="utf-8") == "a file named site"
    elif kind == "symbolic link":
        assert "symbolic link" in line and site.is_symlink()
    else:
        assert "notes.txt" in line and files(site) == {"notes.txt": b"mine"}
    assert files(elsewhere) == {"notes.txt": b"mine"}
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "site", "site_overrides"]


def test_a_site_an_earlier_version_built_is_replaced_and_marked(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    site = old_site(project)
    result = explainer(project, "build")
    assert result.returncode == 0, result.stderr
    assert "Earlier build" not in (site / "index.html").read_text(encoding="utf-8")
    assert (site / SITE_MARKER).is_file() and "explainer build" in (site / SITE_MARKER).read_text(encoding="utf-8")
    # Marked, it is replaced again however it changed; an empty folder is replaced too.
    (site / "index.html").unlink()
    (site / "extra.txt").write_text("left by hand", encoding="utf-8")
    empty = project / "empty"
    empty.mkdir()
    again = explainer(project, "build", "--site-dir", "empty")
    assert again.returncode == 0, again.stderr
    assert (empty / SITE_MARKER).is_file() and (empty / "index.html").is_file()
    assert explainer(project, "build").returncode == 0
    assert not (site / "extra.txt").exists() and (site / "index.html").is_file()


def test_a_build_the_system_stops_removes_what_it_was_making_and_leaves_the_site(tmp_path: Path) -> None:
    """SIGTERM (a runner cancelling a job, ``kill``) in the middle of writing the site ends the
    build as Ctrl-C would: its staging folder removed, the old site as it was, one line, 143."""
    project = make_project(tmp_path / "project")
    before = files(old_site(project))
    result = explainer(
        project, "build",
        patch="""
            import signal
            import mkdocs.utils
            write = mkdocs.utils.write_file
            def write_then_stop(*args, **kwargs):
                write(*args, **kwargs)
                os.kill(os.getpid(), signal.SIGTERM)
            mkdocs.utils.write_file = write_then_stop
        """,
    )  # fmt: skip
    assert result.returncode == 128 + 15, result.stderr
    assert "Traceback" not in result.stderr
    assert said(result)[-1] == "explainer: stopped (SIGTERM)"
    assert files(project / "site") == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "site", "site_overrides"]


# The system's refusals: one line each.


def test_a_full_disk_is_one_line_and_the_site_is_left_as_it_was(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    before = files(old_site(project))
    result = explainer(
        project, "build",
        patch="""
            import mkdocs.utils
            def full(*args, **kwargs):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            mkdocs.utils.write_file = mkdocs.utils.copy_file = full
        """,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert said(result) == ["explainer: could not build site/: no space left on device; site/ was left as it was"]
    assert files(project / "site") == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "site", "site_overrides"]


def test_a_site_folder_that_cannot_be_moved_is_one_line_and_left_as_it_was(tmp_path: Path) -> None:
    """A read-only site/ (for a user other than root) cannot be moved aside: rename says so."""
    project = make_project(tmp_path / "project")
    before = files(old_site(project))
    result = explainer(
        project, "build",
        patch="""
            rename = os.rename
            def refuse(source, target, *args, **kwargs):
                if os.path.basename(source) == "site":
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), source)
                return rename(source, target, *args, **kwargs)
            os.rename = refuse
        """,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert said(result) == ["explainer: could not build site/: permission denied (site); site/ was left as it was"]
    assert files(project / "site") == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "site", "site_overrides"]


def test_generate_on_a_full_disk_is_one_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    result = explainer(
        project, "generate", "--out", "build",
        patch="""
            import pathlib
            def full(*args, **kwargs):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            pathlib.Path.write_text = pathlib.Path.write_bytes = full
        """,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert said(result) == ["explainer: could not write build/: no space left on device; build/ was left as it was"]
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "site_overrides"]


def test_a_cache_folder_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    cache = tmp_path / "cache"
    cache.write_text("not a folder", encoding="utf-8")
    result = explainer(project, "generate", "--out", "build", env={"EXPLAINER_CACHE_DIR": str(cache)})
    assert result.returncode == 1
    assert said(result) == [
        f"explainer: the cache folder {cache} is a file, not a folder: set EXPLAINER_CACHE_DIR to a folder you can"
        " write to (the first build keeps plotly.js there, later builds read it from there)"
    ]
    assert cache.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize(
    "failure", [PermissionError(errno.EACCES, "Permission denied"), FileExistsError(17, "File exists")]
)
def test_a_cache_folder_that_cannot_be_written_is_said_before_anything_is_fetched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: OSError
) -> None:
    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(tmp_path / "cache"))

    def refuse(*args: object, **kwargs: object) -> None:
        raise failure

    def fetch(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing is fetched for a cache that cannot keep it")

    monkeypatch.setattr(assets.tempfile, "NamedTemporaryFile", refuse)
    monkeypatch.setattr(assets.urllib.request, "urlopen", fetch)
    with pytest.raises(assets.AssetError, match="set EXPLAINER_CACHE_DIR to a folder you can write to") as raised:
        assets.plotly_bundle()
    assert str(tmp_path / "cache") in str(raised.value)


def test_a_failed_download_leaves_nothing_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(tmp_path / "cache"))

    def offline(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(assets.urllib.request, "urlopen", offline)
    with pytest.raises(assets.AssetError, match="could not fetch"):
        assets.plotly_bundle()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


# A record file that is not a file.


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("name", ["events.yml", "incident.yml"])
def test_a_named_pipe_for_a_record_file_is_said_at_its_path_without_waiting(tmp_path: Path, name: str) -> None:
    project = make_project(tmp_path / "project")
    (project / "content" / name).unlink()
    os.mkfifo(project / "content" / name)
    why = "is a named pipe (FIFO), not a regular file: a record file must be a plain text file, so replace it with one"
    message = f"content/{name}:0:0: {why}"
    for command in (["validate"], ["build"]):
        result = explainer(project, *command)
        assert result.returncode == 1, (command, result.stderr)
        assert message in result.stderr.splitlines(), command
        assert "Traceback" not in result.stderr
    if name == "events.yml":
        added = explainer(project, "new", "event", "--id", "another")
        assert added.returncode == 2
        assert said(added) == [f"explainer: content/{name}: {why}"]


def test_a_folder_for_a_record_file_is_said_at_its_path(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "content" / "questions.yml").unlink()
    (project / "content" / "questions.yml").mkdir()
    result = explainer(project, "validate")
    assert result.returncode == 1
    assert (
        "content/questions.yml:0:0: is a folder, not a regular file: a record file must be a plain text file,"
        " so replace it with one"
    ) in result.stderr.splitlines()
