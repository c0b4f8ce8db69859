"""One adapter, two engines: the same content built with MkDocs and with ProperDocs, in process.

Zensical (the Material team's successor) cannot run the plugin, so it is not among them yet.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generator import engines
from tests.conftest import make_project, run_explainer, site_pages
from tests.html_text import _Page

BUILDABLE = [engine.name for engine in engines.ENGINES]


def article_texts(site: Path) -> dict[str, str]:
    """Each page's path -> the words of its article (the theme around it may differ by engine)."""
    texts = {}
    for page in site_pages(site, "index.html"):
        html = page.read_text(encoding="utf-8")
        found = re.search(r"<article\b.*?</article>", html, re.S)
        reader = _Page()
        reader.feed(found.group(0) if found else "")
        texts[page.relative_to(site).as_posix()] = " ".join("".join(reader.text).split())
    return texts


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Each installed engine's build of the fixture explainer (site folder, what the command said)."""
    found = {}
    for name in BUILDABLE:
        if not next(engine for engine in engines.ENGINES if engine.name == name).available():
            continue
        project = make_project(tmp_path_factory.mktemp(name) / "project")
        result = run_explainer("build", "--engine", name, cwd=project, site_url="http://127.0.0.1:8000/")
        assert result.returncode == 0, (name, result.stderr)
        found[name] = (project / "site", result.stderr)
    return found


@pytest.mark.parametrize("name", BUILDABLE)
def test_each_engine_builds_through_the_same_adapter(builds: dict[str, Any], name: str) -> None:
    if name not in builds:
        pytest.skip(f"{name} is not installed (pip install {name})")
    site, said = builds[name]
    assert f"running {name} build --strict" in said and "0 warnings" in said and "18 records" in said
    assert (site / "index.html").is_file() and (site / "feed.xml").is_file()


def test_the_engines_build_the_same_pages_with_the_same_words(builds: dict[str, Any]) -> None:
    if len(builds) < 2:
        pytest.skip(f"only {', '.join(builds) or 'no engine'} installed: nothing to compare")
    texts = {name: article_texts(site) for name, (site, _) in builds.items()}
    first, *others = texts.values()
    assert len(first) > 10
    for other in others:
        assert sorted(other) == sorted(first)
        assert other == first


def test_an_unknown_or_missing_engine_is_a_clear_usage_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    result = run_explainer("build", "--engine", "zensical", cwd=project)
    assert result.returncode == 2 and "invalid choice: 'zensical'" in result.stderr
    assert not (project / "site").exists()
