"""Files the generated pages need that do not come from the content: the explainer's theme
additions (templates, styles, the chart script) and plotly.js.

One official build of plotly.js, version ``PLOTLY_VERSION``, is served from the site itself: the
*basic* bundle (scatter, bar, pie: 396 KB gzipped), which draws every chart, in SVG, at every size
(nothing is drawn with WebGL, whose drawing code plotly.js compiles at run time, which the pages'
Content-Security-Policy refuses: see :mod:`generator.csp`).

It is fetched once from the npm registry, checked against the tarball's integrity and the file's
hash pinned here, and cached, so later builds work offline.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import os
import re
import tarfile
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from .errors import GeneratorError

THEME_DIR = Path(__file__).parent / "theme"
"""Templates and assets added on top of Material for MkDocs (after the site's own custom_dir)."""

EXTRA_CSS = "assets/stylesheets/explainer.css"
EXTRA_JAVASCRIPT = "assets/javascripts/explainer.js"
"""The chart script: an ES module (``type: module`` in ``extra_javascript``) that imports its helpers
from ``assets/javascripts/explainer/`` (main.html preloads them)."""
MATERIAL_SERIES = "9.8"
"""The Material release the theme's partials (``theme/partials/``) are copies of; pyproject.toml pins it."""

PLOTLY_VERSION = "4.1.1"
"""The plotly.js version the site ships, and the one the plotly wheel validates figures against."""


class AssetError(GeneratorError):
    """A file the site needs could not be had or is not the one pinned."""


@dataclass(frozen=True)
class NpmFile:
    """One file from a package on the npm registry, pinned by the package tarball's integrity."""

    package: str
    version: str
    member: str
    """The file's path inside the tarball."""
    integrity: str
    """The registry's ``dist.integrity`` of the tarball (``sha512-`` and base64)."""
    sha256: str
    """Hex SHA-256 of the file itself, checked each time the cached copy is read."""

    @property
    def url(self) -> str:
        return f"https://registry.npmjs.org/{self.package}/-/{self.package}-{self.version}.tgz"

    @property
    def cached_name(self) -> str:
        return f"{self.package}-{self.version}-{Path(self.member).name}"


PLOTLY_BUNDLE = NpmFile(
    package="plotly.js-basic-dist-min",
    version=PLOTLY_VERSION,
    member="package/plotly-basic.min.js",
    integrity="sha512-1oNF8PeQx2hv/y7tqEVWKD3JGwn/MGEMQ8mL9HUwsaqG9FGy/OU5FHUHvzqbqxN4mnwZGI9abTiE775C4kkjMQ==",
    sha256="99784e3abfb07b142a15e521a439e6d9addceadb3f79553fd24c72774f0649ba",
)
"""The plotly.js bundle the site ships (the site script loads it from ``data-bundle-src``)."""

PLOTLY_PATH = f"assets/javascripts/vendor/{Path(PLOTLY_BUNDLE.member).name}"
"""Its site-relative path."""


def cache_dir() -> Path:
    """Where fetched files are kept between builds: ``EXPLAINER_CACHE_DIR``, else the user's cache."""
    if os.environ.get("EXPLAINER_CACHE_DIR"):
        return Path(os.environ["EXPLAINER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "incident-explainer"


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _refuse_cache(folder: Path, error: OSError | None = None) -> NoReturn:
    """Say that the cache folder cannot keep what is fetched (a file, or a folder that cannot be written)."""
    raise AssetError(
        f"the cache folder {folder} "
        + (f"cannot be written to ({error.strerror})" if error is not None else "is a file, not a folder")
        + ": set EXPLAINER_CACHE_DIR to a folder you can write to (the first build keeps plotly.js there,"
        " later builds read it from there)"
    ) from None


def _fetch(pinned: NpmFile, target: Path) -> bytes:
    """Download the tarball, check it, take the file out of it, check that, and cache the file.

    The cache folder is made ready before the download, so a folder that cannot hold the file is
    said at once, without fetching anything."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", delete=False)  # noqa: SIM115
    except FileExistsError:
        _refuse_cache(target.parent)
    except OSError as error:
        _refuse_cache(target.parent, error)
    try:
        with handle:
            content = _download(pinned, target)
            handle.write(content)
        os.replace(handle.name, target)
    except OSError as error:
        _refuse_cache(target.parent, error)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)  # left only when something failed
    return content


def _download(pinned: NpmFile, target: Path) -> bytes:
    try:
        with urllib.request.urlopen(pinned.url, timeout=120) as response:  # noqa: S310 - a fixed https URL
            data: bytes = response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise AssetError(
            f"could not fetch {pinned.package} {pinned.version} from {pinned.url} ({error}). The first build"
            f" needs the npm registry once; later builds use the copy kept in {target.parent} (set"
            " EXPLAINER_CACHE_DIR to use another folder)."
        ) from None
    if _integrity(data) != pinned.integrity:
        raise AssetError(f"{pinned.url} does not match the integrity pinned in generator/assets.py: refusing to use it")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = archive.extractfile(pinned.member)
        if member is None:  # pragma: no cover - the pinned tarball has it
            raise AssetError(f"{pinned.member} is missing from {pinned.url}")
        content = member.read()
    if hashlib.sha256(content).hexdigest() != pinned.sha256:
        raise AssetError(f"{pinned.member} in {pinned.url} does not match the hash pinned in generator/assets.py")
    return content


def npm_file(pinned: NpmFile) -> bytes:
    """The pinned file's bytes, from the cache (checked every time it is read) or fetched once."""
    folder = cache_dir()
    cached = folder / pinned.cached_name
    if folder.exists() and not folder.is_dir():
        _refuse_cache(folder)
    if not cached.is_file():
        return _fetch(pinned, cached)
    try:
        content = cached.read_bytes()
    except OSError as error:
        raise AssetError(
            f"cannot read {cached} ({error.strerror}): set EXPLAINER_CACHE_DIR to a folder you can read and write"
        ) from None
    if hashlib.sha256(content).hexdigest() != pinned.sha256:
        raise AssetError(f"{cached} does not match the hash pinned in generator/assets.py: delete it to fetch it again")
    return content


def plotly_bundle() -> bytes:
    """plotly.js as the site ships it (``PLOTLY_BUNDLE``), version ``PLOTLY_VERSION``."""
    return npm_file(PLOTLY_BUNDLE)


def bundle_version(script: bytes) -> str | None:
    """The version a plotly.js bundle says it is, from its opening comment."""
    found = re.search(rb"plotly\.js (?:\(\w+ - minified\) )?v(\d+\.\d+\.\d+)", script[:2000])
    return found.group(1).decode() if found else None
