"""plotly.js as the site ships it: one pinned version, the basic bundle checked by its hash, fetched
once and then used offline, with a clear error when it cannot be had."""

from __future__ import annotations

import shutil
import urllib.error
from pathlib import Path

import pytest

from generator import assets


def test_the_site_ships_the_pinned_plotly_version(built_site: Path) -> None:
    """Fails when plotly.js changes (a new plotly wheel, a new basic bundle) without the pin being updated."""
    basic = (built_site / assets.PLOTLY_BASIC_JS).read_bytes()
    full = (built_site / assets.PLOTLY_JS).read_bytes()
    assert assets.bundle_version(basic) == assets.PLOTLY_VERSION
    assert assets.bundle_version(full) == assets.PLOTLY_VERSION, "the plotly wheel's plotly.js is another version"
    assert basic == assets.plotly_basic_js()
    assert len(basic) < len(full) / 3


def _no_network(*args: object, **kwargs: object) -> object:
    raise urllib.error.URLError("no network here")


def test_a_cached_bundle_is_used_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached = assets.cache_dir() / assets.PLOTLY_BASIC.tarball_name
    assets.plotly_basic_js()  # fetched (or already cached) with the network
    shutil.copy(cached, tmp_path / cached.name)
    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(assets.urllib.request, "urlopen", _no_network)
    assert assets.bundle_version(assets.plotly_basic_js()) == assets.PLOTLY_VERSION


def test_without_network_or_cache_the_error_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(assets.urllib.request, "urlopen", _no_network)
    with pytest.raises(assets.AssetError) as error:
        assets.plotly_basic_js()
    message = str(error.value)
    assert "could not fetch plotly.js-basic-dist-min 4.1.1" in message
    assert str(tmp_path / assets.PLOTLY_BASIC.tarball_name) in message


def test_a_file_that_is_not_the_pinned_one_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(tmp_path))
    (tmp_path / assets.PLOTLY_BASIC.tarball_name).write_bytes(b"not the tarball")
    with pytest.raises(assets.AssetError, match="does not match the integrity pinned"):
        assets.plotly_basic_js()

    class Tampered:
        def __enter__(self) -> Tampered:
            return self

        def __exit__(self, *args: object) -> None:
            return None

        def read(self) -> bytes:
            return b"something else"

    (tmp_path / assets.PLOTLY_BASIC.tarball_name).unlink()
    monkeypatch.setattr(assets.urllib.request, "urlopen", lambda *a, **k: Tampered())
    with pytest.raises(assets.AssetError, match="does not match the integrity pinned"):
        assets.plotly_basic_js()
    assert not (tmp_path / assets.PLOTLY_BASIC.tarball_name).exists(), "a wrong download is never cached"


def test_the_chart_script_uses_only_plotlys_public_api() -> None:
    """No underscore members (``_fullLayout``, ``_offset``...), no axis internals (``l2p``, ``d2l``): an
    upgrade of plotly.js cannot silently break the keyboard layer or the colours."""
    import re

    script = (Path(assets.THEME_DIR) / assets.EXTRA_JAVASCRIPT).read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    assert re.findall(r"\.\s*_\w+", code) == []
    assert re.findall(r"\b(?:l2p|d2l|p2l|l2c|c2p|d2p)\b", code) == []
    used = set(re.findall(r"Plotly\.(\w+(?:\.\w+)?)", code))
    public = {"newPlot", "restyle", "relayout", "purge", "register", "Plots.resize", "Fx.hover", "Fx.unhover"}
    assert used <= public, used - public
