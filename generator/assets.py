"""Files the generated pages need that do not come from the content: the explainer's theme
additions (templates, styles, the chart script) and plotly.js.

Two builds of plotly.js, both version ``PLOTLY_VERSION``, are served from the site itself:

- the official *basic* bundle (scatter, bar, pie: 396 KB gzipped), which draws every chart up to
  ``charts.LARGE`` entries. It is fetched once from the npm registry, checked against the
  integrity hash pinned here, and cached, so later builds work offline;
- the full bundle shipped inside the ``plotly`` Python package (1.47 MB gzipped), which adds the
  WebGL traces very large timelines need. The site script loads it only for such a chart.
"""

from __future__ import annotations

import base64
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

import plotly

from .errors import GeneratorError

THEME_DIR = Path(__file__).parent / "theme"
"""Templates and assets added on top of Material for MkDocs (after the site's own custom_dir)."""

EXTRA_CSS = "assets/stylesheets/explainer.css"
EXTRA_JAVASCRIPT = "assets/javascripts/explainer.js"

PLOTLY_VERSION = "4.1.1"
"""The plotly.js version the site ships: the basic bundle pinned below and the plotly wheel's."""

PLOTLY_JS = "assets/javascripts/vendor/plotly.min.js"
"""Site-relative path of the full plotly.js bundle (loaded only for charts drawn with WebGL)."""
PLOTLY_BASIC_JS = "assets/javascripts/vendor/plotly-basic.min.js"
"""Site-relative path of plotly.js's basic bundle (every other chart)."""
PLOTLY_BUNDLES = {"basic": PLOTLY_BASIC_JS, "full": PLOTLY_JS}
"""A chart's bundle name (its ``data-bundle``, which the site script reads) -> the file."""


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

    @property
    def url(self) -> str:
        return f"https://registry.npmjs.org/{self.package}/-/{self.package}-{self.version}.tgz"

    @property
    def tarball_name(self) -> str:
        return f"{self.package}-{self.version}.tgz"


PLOTLY_BASIC = NpmFile(
    package="plotly.js-basic-dist-min",
    version=PLOTLY_VERSION,
    member="package/plotly-basic.min.js",
    integrity="sha512-1oNF8PeQx2hv/y7tqEVWKD3JGwn/MGEMQ8mL9HUwsaqG9FGy/OU5FHUHvzqbqxN4mnwZGI9abTiE775C4kkjMQ==",
)


def cache_dir() -> Path:
    """Where fetched files are kept between builds: ``EXPLAINER_CACHE_DIR``, else the user's cache."""
    if os.environ.get("EXPLAINER_CACHE_DIR"):
        return Path(os.environ["EXPLAINER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "incident-explainer"


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _fetch(pinned: NpmFile, target: Path) -> bytes:
    try:
        with urllib.request.urlopen(pinned.url, timeout=60) as response:  # noqa: S310 - a fixed https URL
            data: bytes = response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise AssetError(
            f"could not fetch {pinned.package} {pinned.version} from {pinned.url} ({error}). The first build"
            f" needs the npm registry once; later builds use the copy in {target.parent}. Or download that"
            f" tarball yourself and save it as {target}."
        ) from None
    if _integrity(data) != pinned.integrity:
        raise AssetError(f"{pinned.url} does not match the integrity pinned in generator/assets.py: refusing to use it")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
        handle.write(data)
    os.replace(handle.name, target)
    return data


def npm_file(pinned: NpmFile) -> bytes:
    """The pinned file's bytes, from the cache (checked every time) or fetched once."""
    tarball = cache_dir() / pinned.tarball_name
    data = tarball.read_bytes() if tarball.is_file() else _fetch(pinned, tarball)
    if _integrity(data) != pinned.integrity:
        raise AssetError(
            f"{tarball} does not match the integrity pinned in generator/assets.py: delete it to fetch it again"
        )
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = archive.extractfile(pinned.member)
        if member is None:  # pragma: no cover - the pinned tarball has it
            raise AssetError(f"{pinned.member} is missing from {pinned.tarball_name}")
        return member.read()


def plotly_basic_js() -> bytes:
    """plotly.js's basic bundle, version ``PLOTLY_VERSION``."""
    return npm_file(PLOTLY_BASIC)


def plotly_js_file() -> Path:
    """The full plotly.js bundle shipped inside the ``plotly`` Python package."""
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():  # pragma: no cover - a broken plotly install
        raise FileNotFoundError(f"plotly.min.js not found in the plotly package at {path}")
    return path


def bundle_version(script: bytes) -> str | None:
    """The version a plotly.js bundle says it is, from its opening comment."""
    found = re.search(rb"plotly\.js (?:\(basic - minified\) )?v(\d+\.\d+\.\d+)", script[:2000])
    return found.group(1).decode() if found else None
