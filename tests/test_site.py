"""The Site owns every address (also in a language's folder); outputs are a registry; the site's
settings are computed once, so the plugin and the generated folder agree."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import folder, registry
from generator.link import Explainer
from generator.pipeline import build_explainer, generate
from generator.render import OUTPUTS, outputs, render
from generator.site import Site, href, page_href
from tests.conftest import ENGLISH, FIXTURE, FIXTURES, make_project, run_explainer


@pytest.fixture(scope="module")
def explainer() -> Explainer:
    return build_explainer(FIXTURE)


def test_a_site_in_a_language_folder_puts_every_address_in_it(explainer: Explainer) -> None:
    plain, spanish = Site(explainer, ENGLISH, page_size=2), Site(explainer, ENGLISH, page_size=2, prefix="es/")
    assert plain.pages.home == "index.md" and spanish.pages.home == "es/index.md"
    assert spanish.pages.actors == "es/actors/index.md"
    assert spanish.listing_page("timeline", 3) == "es/timeline/page-3.md"
    actor = next(iter(explainer.actors))
    assert spanish.home_of(actor) == (f"es/actors/{actor}.md", None)
    entry = explainer.timeline[-1]
    page, anchor = spanish.home_of(entry.record.id)
    assert page.startswith("es/timeline") and anchor == registry.BY_KEY[entry.kind].anchor(entry.record.id)
    assert spanish.lasting(actor) == f"es/record/{actor}/"
    assert spanish.charts["timeline"].figure == "es/figures/timeline.json"
    assert spanish.timeline_pages()[0] == "es/timeline/"
    assert all(path.startswith("es/") for path in spanish.edit_paths())
    # Links between pages of one language stay inside its folder.
    assert href(spanish.pages.actors, spanish.pages.timeline) == "../timeline.md"
    assert page_href(spanish.pages.actors, spanish.pages.timeline, "x") == "../timeline/#x"
    assert page_href(spanish.record_page(registry.BY_KEY["actors"], actor), spanish.pages.home) == "../../"


def test_absolute_addresses_need_the_sites_address(explainer: Explainer) -> None:
    with pytest.raises(ValueError, match="site_url"):
        Site(explainer, ENGLISH).absolute("index.md")
    site = Site(explainer, ENGLISH, url="https://news.example/story", prefix="es/")
    assert site.absolute(site.pages.changes, "update-x") == "https://news.example/story/es/changes/#update-x"
    assert site.feed == "es/feed.xml"


def test_a_prefixed_site_renders_every_file_into_its_folder(explainer: Explainer) -> None:
    site = Site(explainer, ENGLISH, url="https://news.example/", prefix="es/")
    output = render(site)
    assert output.files() and all(path.startswith("es/") for path in output.files())
    home = output.pages["es/index.md"]
    assert "](timeline.md)" in home and "](es/" not in home, "links stay relative inside the folder"


def test_every_file_comes_from_one_registered_output_that_declares_it(explainer: Explainer) -> None:
    site = Site(explainer, ENGLISH, url="https://news.example/")
    build = outputs.Build(site)
    claimed: dict[str, str] = {}
    for renderer in OUTPUTS.values():
        for path in renderer.render(build):
            assert path not in claimed, f"{path}: {claimed.get(path)} and {renderer.name}"
            claimed[path] = renderer.name
    assert set(claimed) == set(render(site).files())
    assert {"pages", "figures", "addresses", "opendata", "feed", "oembed"} <= set(OUTPUTS)
    without_url = render(Site(explainer, ENGLISH)).files()
    assert "feed.xml" not in without_url and not any(p.startswith("oembed-") for p in without_url)


def test_a_new_output_is_one_registered_function(explainer: Explainer) -> None:
    @outputs.output("test-count", writes=("count.txt",))
    def count(build: outputs.Build) -> dict[str, str]:
        return {"count.txt": f"{len(build.views)}\n"}

    try:
        files = render(Site(explainer, ENGLISH)).files()
        assert files["count.txt"] == f"{len(outputs.Build(Site(explainer, ENGLISH)).views)}\n"

        @outputs.output("test-stray", writes=("only-this.txt",))
        def stray(build: outputs.Build) -> dict[str, str]:
            return {"something-else.txt": ""}

        with pytest.raises(ValueError, match="something-else.txt"):
            render(Site(explainer, ENGLISH))
        with pytest.raises(ValueError, match="two outputs"):
            outputs.output("test-count", writes=("x",))(count)
    finally:
        OUTPUTS.pop("test-count", None)
        OUTPUTS.pop("test-stray", None)


def test_the_plugin_and_the_generated_folder_describe_the_site_alike(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "explainer", content)
    incident = content / "incident.yml"
    text = incident.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^summary: >-\n", "summary: >-\n  **Bold** words and a [link](https://example.org/).\n", text)
    incident.write_text(text, encoding="utf-8")
    project = make_project(tmp_path / "project", content=content)
    result = run_explainer("build", cwd=project)
    assert result.returncode == 0, result.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    described = re.search(r'<meta name="description" content="([^"]*)"', home)
    assert described and described.group(1).startswith("Bold words and a link."), described
    settings = folder.config(generate(content))
    assert settings["site_description"] == generate(content).settings.description
    assert settings["site_description"].startswith("Bold words and a link.")
