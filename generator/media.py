"""Pictures stored in the project (``content/media/``): checked, then made into sizes for the web.

The only files besides the records that the content folder may hold are the pictures records name
in ``media:``; any other file under ``media/`` is a stray file, and a picture that is missing, not a
picture, too large, or a symbolic link is an error at the line that names it.

Each picture is made, with Pillow, into WebP at up to three widths (never wider than it is) and one
JPEG for browsers without WebP, every one re-encoded from the pixels alone: EXIF, GPS and every other
piece of metadata stay behind (a source's location must not leak). The sizes are kept in a cache
beside the content folder (``.explainer-cache/media/``), by the picture's bytes, so that a build makes
each size once.
"""

from __future__ import annotations

import hashlib
import io
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from . import models
from .errors import Problem

MAX_BYTES = 20_000_000
"""The largest picture file the build takes (20 MB)."""
MAX_PIXELS = 50_000_000
"""The most pixels a picture may have (a 8,000 by 6,000 photograph has 48 million)."""
WIDTHS = (480, 960, 1600)
"""The widths of the WebP sizes, in pixels (those no wider than the picture)."""
FALLBACK_WIDTH = 960
"""The JPEG's width, for browsers without WebP (or the picture's, if narrower)."""
CACHE = ".explainer-cache/media"
"""Where sizes are kept between builds, beside the content folder."""
FOLDER = "media/"


@dataclass(frozen=True)
class Size:
    path: str
    """Its path in the site (``media/<name>-<fingerprint>-960.webp``)."""
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class Picture:
    """One picture made for the web: its sizes, largest WebP last, and its JPEG."""

    file: str
    width: int
    height: int
    webp: tuple[Size, ...]
    fallback: Size


def images(records: dict[str, list[tuple[Any, Any]]]) -> list[tuple[models.ImageMedia, Any, int]]:
    """Every picture records name: (the media item, the record's origin, its index in ``media``)."""
    found = []
    for key in ("events", "statements"):
        for record, origin in records.get(key, []):
            for index, item in enumerate(getattr(record, "media", [])):
                if isinstance(item, models.ImageMedia):
                    found.append((item, origin, index))
    return found


def named(records: list[Any]) -> list[str]:
    """The pictures ``records`` name (``media/...``), each once, in order."""
    files = [item.file for r in records for item in getattr(r, "media", []) if isinstance(item, models.ImageMedia)]
    return list(dict.fromkeys(files))


def problems(root: Path, records: dict[str, list[tuple[Any, Any]]], ignored: Any) -> list[Problem]:
    """What is wrong with the pictures records name, and every file under ``media/`` none names."""
    found: list[Problem] = []
    named: set[str] = set()
    for item, origin, index in images(records):
        named.add(item.file)
        wrong = _wrong(root / item.file)
        if wrong:
            found.append(origin.problem(f"'{item.file}': {wrong}", "media", index, "file"))
    folder = root / FOLDER
    for dirpath, subfolders, names in os.walk(folder) if folder.is_dir() else ():
        subfolders.sort()
        for name in sorted(names):
            relative = Path(dirpath, name).relative_to(root).as_posix()
            if relative not in named and not ignored(relative):
                found.append(
                    Problem(
                        Path(dirpath, name), 1, 1,
                        f"'{relative}' is in the media folder, but no record names it in 'media:': name it in an"
                        " event's or statement's media (with its alt text and credit), or move it out of the"
                        " content folder",
                    )
                )  # fmt: skip
    return found


def _wrong(path: Path) -> str | None:
    """Why a picture cannot be published, or None."""
    if path.is_symlink():
        return "a symbolic link: put the picture itself in the media folder"
    if not path.is_file():
        return "no such file in the content folder"
    size = path.stat().st_size
    if size > MAX_BYTES:
        return f"{size / 1e6:.1f} MB, more than the {MAX_BYTES // 1_000_000} MB a picture may have: make it smaller"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.width * image.height > MAX_PIXELS:
                    return f"{image.width} by {image.height} pixels, more than {MAX_PIXELS // 1_000_000} million"
                image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "not a picture Pillow can read (JPEG, PNG, WebP or GIF)"
    except (OSError, SyntaxError, ValueError) as error:
        return f"a damaged picture ({error})"
    return None


def _fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def make(root: Path, files: list[str]) -> tuple[dict[str, Picture], dict[str, bytes]]:
    """Every picture's sizes: file -> :class:`Picture`, and site path -> bytes."""
    cache = root.absolute().parent / CACHE
    pictures: dict[str, Picture] = {}
    out: dict[str, bytes] = {}
    for file in sorted(set(files)):
        data = (root / file).read_bytes()
        base = f"{Path(file).parent.as_posix()}/{Path(file).stem}-{_fingerprint(data)}"
        with Image.open(io.BytesIO(data)) as opened:
            width, height = opened.size  # read from the header: nothing is decoded unless a size is missing
            webp_widths = list(dict.fromkeys([w for w in WIDTHS if w < width] + [min(width, WIDTHS[-1])]))
            fallback_width = min(width, FALLBACK_WIDTH)
            wanted = [(w, f"{base}-{w}.webp", "WEBP") for w in webp_widths]
            wanted.append((fallback_width, f"{base}-{fallback_width}.jpg", "JPEG"))
            pixels: list[Image.Image] = []

            def decoded(opened: Image.Image = opened, pixels: list[Image.Image] = pixels) -> Image.Image:
                if not pixels:
                    opened.seek(0)  # the first frame of an animation
                    pixels.append(opened.convert("RGBA" if opened.mode in ("RGBA", "LA", "P") else "RGB"))
                return pixels[0]

            sizes = [_size(decoded, width, height, w, path, kind, cache, out) for w, path, kind in wanted]
        pictures[file] = Picture(file, width, height, tuple(sizes[:-1]), sizes[-1])
    return pictures, out


def _size(
    decoded: Callable[[], Image.Image],
    width: int,
    height: int,
    wanted: int,
    path: str,
    kind: str,
    cache: Path,
    out: dict[str, bytes],
) -> Size:
    """One size of a picture: from the cache, else made from its pixels (and kept in the cache)."""
    tall = max(1, round(height * wanted / width))
    cached = cache / Path(path).name
    if cached.is_file():
        data = cached.read_bytes()
    else:
        image = decoded()
        resized = image.resize((wanted, tall), Image.Resampling.LANCZOS) if wanted != width else image
        if kind == "JPEG" and resized.mode != "RGB":
            resized = resized.convert("RGB")
        buffer = io.BytesIO()
        # Saved from the pixels alone: no EXIF, GPS, XMP or ICC profile is passed on.
        resized.save(buffer, kind, quality=80 if kind == "WEBP" else 85)
        data = buffer.getvalue()
        try:
            cache.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(data)
        except OSError:
            pass  # a read-only project still builds, without a cache
    out[path] = data
    return Size(path, wanted, tall, "image/webp" if kind == "WEBP" else "image/jpeg")
