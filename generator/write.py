"""Stage 5: put rendered files on disk, all or nothing.

Files are written into a fresh temporary folder beside the target, which then replaces the target
in two renames. A failure at any point leaves the previous target exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def replace_dir(target: Path, fill: Callable[[Path], None]) -> None:
    """Call ``fill`` on an empty temporary folder, then swap it in for ``target``.

    If ``fill`` raises, the temporary folder is removed and ``target`` is untouched.
    """
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        fill(staging)
        os.chmod(staging, 0o755)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    retired = None
    if target.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rename(target, retired / target.name)
    os.rename(staging, target)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def write_files(target: Path, files: dict[str, str | bytes], copies: dict[str, Path] | None = None) -> None:
    """Replace ``target`` with a folder holding exactly ``files`` (relative path -> text) and ``copies``."""

    def inside(folder: Path, relative: str) -> Path:
        # Paths come from validated ids, so this never fires; it keeps a future mistake from
        # writing outside the output folder.
        path = (folder / relative).resolve()
        if not path.is_relative_to(folder.resolve()) or path == folder.resolve():
            raise ValueError(f"refusing to write '{relative}' outside {folder}")
        return path

    def fill(folder: Path) -> None:
        for relative, content in sorted(files.items()):
            path = inside(folder, relative)
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                path.write_text(content, encoding="utf-8", newline="\n")
            else:
                path.write_bytes(content)
        for relative, source in sorted((copies or {}).items()):
            path = inside(folder, relative)
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, path)

    replace_dir(target, fill)


def sync_files(target: Path, files: dict[str, str | bytes]) -> tuple[int, int]:
    """Make ``target`` hold exactly ``files``, changing it in place: a file whose bytes are the same
    is left untouched, a changed one is replaced whole (written beside it, then renamed), and a file
    no longer produced is removed from the folders ``files`` fill. The folder itself stays, so an
    engine's live preview watching it sees each change. Returns (files written, files removed).

    Unlike :func:`write_files`, an I/O failure half-way leaves some files new and some old; the
    content itself is checked before anything is written.
    """
    target.mkdir(parents=True, exist_ok=True)
    root = target.resolve()
    wanted: dict[Path, bytes] = {}
    for relative, content in files.items():
        path = (root / relative).resolve()
        if not path.is_relative_to(root) or path == root:
            raise ValueError(f"refusing to write '{relative}' outside {target}")
        wanted[path] = content.encode("utf-8") if isinstance(content, str) else content
    written = 0
    for path, data in sorted(wanted.items()):
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_name(f".{path.name}.new")
        staging.write_bytes(data)
        os.replace(staging, path)
        written += 1
    # Only the folders ``files`` fill are tidied: a site an engine built into the folder stays.
    managed = {Path(relative).parts[0] for relative in files if len(Path(relative).parts) > 1}
    removed = 0
    for folder in sorted(managed):
        for path in sorted((root / folder).rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, removed
