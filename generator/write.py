"""Stage 5: put rendered files on disk, all or nothing.

Files are written into a fresh staging folder beside the target (``.site.new-XXXXXXXX`` for
``site``), which then replaces the target in two renames, the old one moved aside into
``.site.old-XXXXXXXX`` and removed. A failure at any point leaves the previous target exactly as it was.

A build that is killed leaves its staging folder behind; the next one into the same target removes
it. Only folders named as these are, beside the target, are removed, and only those no build is
using: a build holds a lock (``flock``) on each of its staging folders from the moment it makes
one, and a folder is removed only by whoever can take its lock, so a build running at the same
time keeps its own. Making a staging folder, removing stale ones and swapping the target in are
done while holding a lock on the folder that holds the target, so none of them sees another's
half-done work.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locks, so stale folders are left alone
    fcntl = None  # type: ignore[assignment]

STAGING_KINDS = ("new", "old")
_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL, errno.ENOSYS}


def staging_pattern(target: Path) -> re.Pattern[str]:
    """The names of the staging folders a replacement of ``target`` makes beside it (``tempfile``'s
    eight random characters after ``.site.new-`` or ``.site.old-``)."""
    return re.compile(rf"\.{re.escape(target.name)}\.(?:{'|'.join(STAGING_KINDS)})-[a-z0-9_]{{8}}")


@contextlib.contextmanager
def _locked(folder: Path, wait: bool = True) -> Iterator[bool]:
    """Hold an exclusive lock on ``folder`` (whether it was had: not when another holds it and
    ``wait`` is false, or when the file system has no locks)."""
    descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        yield _lock(descriptor, wait)
    finally:
        os.close(descriptor)


def _lock(descriptor: int, wait: bool) -> bool:
    if fcntl is None:  # pragma: no cover
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError as error:
        if error.errno in _NO_LOCKS:
            return False
        raise
    return True


def _staging_folder(target: Path, kind: str) -> tuple[Path, int]:
    """A new, empty staging folder beside ``target`` and a descriptor holding its lock (made under
    the lock on the folder holding ``target``, so it is never seen unlocked)."""
    folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.{kind}-", dir=target.parent))
    descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        _lock(descriptor, wait=True)
    except BaseException:
        os.close(descriptor)
        raise
    return folder, descriptor


def remove_stale(target: Path) -> list[Path]:
    """Remove the staging folders earlier replacements of ``target`` left beside it (a build that was
    killed): only folders with those names that no running build holds. Returns what was removed.
    Call it while holding the lock on ``target``'s folder."""
    pattern = staging_pattern(target)
    removed = []
    for path in sorted(target.parent.iterdir()):
        if not pattern.fullmatch(path.name) or path.is_symlink() or not path.is_dir():
            continue
        with _locked(path, wait=False) as mine:
            if mine:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def replace_dir(target: Path, fill: Callable[[Path], None], check: Callable[[Path], None] | None = None) -> None:
    """Call ``fill`` on an empty staging folder, then swap it in for ``target``.

    If ``fill`` raises, the staging folder is removed and ``target`` is untouched. ``check`` is
    called with ``target`` right before the swap (under the lock): it raises to refuse replacing
    what is there.
    """
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target.parent) as locked:
        if locked:
            remove_stale(target)
        staging, staging_lock = _staging_folder(target, "new")
    try:
        try:
            fill(staging)
            os.chmod(staging, 0o755)
            with _locked(target.parent):
                if check is not None:
                    check(target)
                _swap(target, staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    finally:
        os.close(staging_lock)


def _swap(target: Path, staging: Path) -> None:
    """Put ``staging`` in ``target``'s place; the old ``target`` is moved aside, then removed. If the
    second rename fails, the old ``target`` is put back."""
    if not os.path.lexists(target):
        os.rename(staging, target)
        return
    retired, retired_lock = _staging_folder(target, "old")
    try:
        os.rename(target, retired / target.name)
        try:
            os.rename(staging, target)
        except BaseException:
            os.rename(retired / target.name, target)
            raise
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        os.close(retired_lock)
        with contextlib.suppress(OSError):
            retired.rmdir()  # when nothing was moved into it (or was moved back)


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
