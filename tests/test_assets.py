"""plotly.js as the site ships it: one pinned version, the basic bundle checked by its hash, fetched
once and then used offline, with a clear error when it cannot be had."""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import shutil
import tarfile
import urllib.error
from pathlib import Path
from typing import Any

import pytest

from generator import assets
from tests.conftest import ROOT


def test_the_site_ships_the_pinned_plotly_version(fixture_site: Any) -> None:
    """Fails when plotly.js changes (a new bundle, a new plotly wheel) without the pins being updated."""
    import plotly

    built_site = fixture_site("explainer")[0]
    basic = (built_site / assets.PLOTLY_PATH).read_bytes()
    assert assets.bundle_version(basic) == assets.PLOTLY_VERSION
    assert hashlib.sha256(basic).hexdigest() == assets.PLOTLY_BUNDLE.sha256
    # Figures are validated by the plotly wheel against its plotly.js schema: the same version.
    assert plotly.offline.get_plotlyjs_version() == assets.PLOTLY_VERSION


def test_the_site_ships_one_plotly_bundle_the_basic_one(fixture_site: Any) -> None:
    """The basic bundle only, which draws in SVG: no WebGL bundle (whose drawing code plotly.js
    compiles at run time, which the pages' policy refuses), whatever the size of the charts."""
    assert assets.PLOTLY_BUNDLE.package == "plotly.js-basic-dist-min" and assets.PLOTLY_BUNDLE.version == "4.1.1"
    assert assets.PLOTLY_PATH == "assets/javascripts/vendor/plotly-basic.min.js"
    built_site = fixture_site("explainer")[0]
    shipped = sorted(path.name for path in (built_site / assets.PLOTLY_PATH).parent.iterdir())
    assert shipped == ["plotly-basic.min.js"]
    assert assets.bundle_version(assets.plotly_bundle()) == assets.PLOTLY_VERSION


def _no_network(*args: object, **kwargs: object) -> object:
    raise urllib.error.URLError("no network here")


def test_a_cached_bundle_is_used_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pinned = assets.PLOTLY_BUNDLE
    assets.plotly_bundle()  # fetched (or already cached) with the network
    shutil.copy(assets.cache_dir() / pinned.cached_name, tmp_path / pinned.cached_name)
    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(assets.urllib.request, "urlopen", _no_network)
    assert assets.bundle_version(assets.plotly_bundle()) == assets.PLOTLY_VERSION


def test_without_network_or_cache_the_error_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(assets.urllib.request, "urlopen", _no_network)
    with pytest.raises(assets.AssetError) as error:
        assets.plotly_bundle()
    message = str(error.value)
    assert "could not fetch plotly.js-basic-dist-min 4.1.1" in message
    assert str(tmp_path) in message and "EXPLAINER_CACHE_DIR" in message


class _Download:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def __enter__(self) -> _Download:
        return self

    def __exit__(self, *args: object) -> None:
        return None

    def read(self) -> bytes:
        return self.data


def _tarball(member: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo(member)
        info.size = len(content)
        archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def test_a_file_that_is_not_the_pinned_one_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(tmp_path))
    pinned = assets.PLOTLY_BUNDLE
    cached = tmp_path / pinned.cached_name
    cached.write_bytes(b"not the bundle")
    with pytest.raises(assets.AssetError, match="does not match the hash pinned.*delete it"):
        assets.plotly_bundle()
    cached.unlink()

    # A download that is not the pinned tarball is refused and never cached.
    monkeypatch.setattr(assets.urllib.request, "urlopen", lambda *a, **k: _Download(b"something else"))
    with pytest.raises(assets.AssetError, match="does not match the integrity pinned"):
        assets.plotly_bundle()
    assert not cached.exists(), "a wrong download is never cached"

    # A tarball that passes its check but holds another file (a pin updated by half) is refused too.
    forged = _tarball(pinned.member, b"/* plotly.js v4.1.1 */ something else")
    monkeypatch.setattr(assets, "_integrity", lambda data: pinned.integrity)
    monkeypatch.setattr(assets.urllib.request, "urlopen", lambda *a, **k: _Download(forged))
    with pytest.raises(assets.AssetError, match="does not match the hash pinned"):
        assets.plotly_bundle()
    assert not cached.exists()


def test_the_chart_script_uses_only_plotlys_public_api() -> None:
    """No underscore members (``_fullLayout``, ``_offset``...), no axis internals (``l2p``, ``d2l``): an
    upgrade of plotly.js cannot silently break the keyboard layer or the colours."""
    import re

    modules = sorted((Path(assets.THEME_DIR) / assets.EXTRA_JAVASCRIPT).parent.rglob("*.js"))
    assert len(modules) >= 5, "the entry and its helpers"
    script = "\n".join(module.read_text(encoding="utf-8") for module in modules)
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    assert re.findall(r"\.\s*_\w+", code) == []
    assert re.findall(r"\b(?:l2p|d2l|p2l|l2c|c2p|d2p)\b", code) == []
    used = set(re.findall(r"Plotly\.(\w+(?:\.\w+)?)", code))
    public = {"newPlot", "restyle", "relayout", "purge", "register", "Plots.resize", "Fx.hover", "Fx.unhover"}
    assert used <= public, used - public


def test_the_installed_material_is_the_one_the_partials_copy() -> None:
    """Each overridden partial is a copy of Material's own: it names the release it copies, and
    that release is the one installed (pyproject.toml pins it), so an upgrade cannot pass unseen."""
    installed = importlib.metadata.version("mkdocs-material")
    assert installed.startswith(assets.MATERIAL_SERIES + "."), installed
    for partial in sorted((assets.THEME_DIR / "partials").glob("*.html")):
        assert f"({assets.MATERIAL_SERIES})" in partial.read_text(encoding="utf-8").split("-#}")[0], partial.name
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"mkdocs-material>={assets.MATERIAL_SERIES},' in pyproject


def test_the_chart_script_is_a_module_whose_helpers_come_with_it(fixture_site: Any) -> None:
    """Every page loads the chart script as an ES module and asks for each module it imports in its
    <head>, so none costs a round trip after the script arrives; the helpers import nothing (one
    level), and main.html's list is exactly the modules there are."""
    import re

    folder = (Path(assets.THEME_DIR) / assets.EXTRA_JAVASCRIPT).parent
    entry = (folder / "explainer.js").read_text(encoding="utf-8")
    imported = set(re.findall(r'^import [^;]* from "\./([^"]+)";$', entry, re.M))
    helpers = {path.relative_to(folder).as_posix() for path in (folder / "explainer").glob("*.js")}
    assert imported == helpers and len(helpers) >= 4, (imported, helpers)
    for helper in helpers:
        assert not re.search(r"^import\b|\bimport\(", (folder / helper).read_text(encoding="utf-8"), re.M), helper

    site = fixture_site("explainer")[0]
    for page in (site / "index.html", site / "timeline" / "index.html", site / "embed" / "timeline" / "index.html"):
        html = page.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        tags = re.findall(r'<script src="([^"]*)"([^>]*)>', html)
        assert [attributes for src, attributes in tags if src.endswith(assets.EXTRA_JAVASCRIPT)] == [' type="module"']
        preloaded = re.findall(r'<link rel="modulepreload" href="([^"]+)">', head)
        assert {(page.parent / href).resolve() for href in preloaded} == {
            (site / "assets" / "javascripts" / helper).resolve() for helper in helpers
        }, page
        assert all((page.parent / href).is_file() for href in preloaded)
