"""Media on entries: pictures stored in the project (checked, made into sizes without their
metadata) and links to media elsewhere (cards; nothing loads from their hosts). The pictures are
made here by the tests (test data: flat colours, and a JPEG carrying invented GPS metadata)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from generator import media
from generator.errors import ContentError
from generator.pipeline import build_explainer
from tests.conftest import make_project, run_explainer

GPS_IFD = 0x8825

MEDIA = """\
  media:
    - type: image
      file: media/bridge.jpg
      alt: A grey test picture standing for the closed bridge
      credit: "Test data: made by the tests"
      caption: The bridge, closed
    - type: link
      url: https://video.example/watch?v=test
      kind: video
      title: Test video of the closure
      publisher: Example Video
"""


def photo(path: Path, width: int = 2000, height: int = 1200, gps: bool = True) -> None:
    """A JPEG with EXIF and GPS metadata (invented coordinates), as a phone's camera writes one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (width, height), (120, 130, 140))
    exif = Image.Exif()
    exif[0x010F] = "Test camera maker"
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 17.0, 40.0)}
    image.save(path, "JPEG", exif=exif.tobytes())


def with_media(project: Path, extra: str = MEDIA) -> Path:
    content = project / "content"
    events = content / "events.yml"
    text = events.read_text(encoding="utf-8")
    marker = "  sources: [council-notice]\n"
    events.write_text(text.replace(marker, marker + extra, 1), encoding="utf-8")
    return content


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        build_explainer(content)
    return [f"{p.path.relative_to(content).as_posix()}:{p.line}:{p.column}: {p.message}" for p in raised.value.problems]


def test_a_picture_is_published_in_sizes_without_its_metadata_and_a_link_as_a_card(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    content = with_media(project)
    photo(content / "media" / "bridge.jpg")
    result = run_explainer("build", cwd=project, site_url="https://news.example/story/")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    made = sorted(p.relative_to(site).as_posix() for p in (site / "media").iterdir())
    assert [Path(p).suffix for p in made].count(".webp") == 3 and [Path(p).suffix for p in made].count(".jpg") == 1
    for path in made:
        with Image.open(site / path) as image:
            assert image.width in media.WIDTHS, path
            assert not image.getexif(), f"{path} keeps metadata"
            assert "exif" not in image.info and "xmp" not in image.info
    assert b"48.0" not in (site / made[-1]).read_bytes()
    page = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    figure = page.split('<figure class="explainer-media">')[1].split("</figure>")[0]
    assert 'alt="A grey test picture standing for the closed bridge"' in figure
    assert 'width="960" height="576"' in figure and 'loading="lazy"' in figure
    assert "480w" in figure and "1600w" in figure and "Test data: made by the tests" in figure
    card = page.split('class="explainer-media-card"')[1].split("</p>")[0]
    assert 'href="https://video.example/watch?v=test"' in card and "Video" in card and "video.example" in card
    assert "<iframe" not in page and "video.example/embed" not in page
    data = json.loads((site / "data" / "explainer.json").read_text(encoding="utf-8"))
    pictures = data["pictures"]["media/bridge.jpg"]
    assert pictures["width"] == 2000 and all((site / p).is_file() for p in [*pictures["webp"], pictures["jpeg"]])
    assert data["events"][0]["media"][0]["alt"].startswith("A grey test picture")
    # Search engines get the picture as an ImageObject with its text alternative and credit.
    jsonld = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    event = next(i["item"] for i in jsonld["itemListElement"] if i["item"]["name"] == "The bridge is closed")
    [image] = event["image"]
    assert image["@type"] == "ImageObject" and image["contentUrl"].startswith("https://news.example/story/media/")
    assert image["description"].startswith("A grey test picture") and image["creditText"].startswith("Test data")
    # TimelineJS's export shows the entry's first media item.
    slides = json.loads((site / "data" / "timelinejs.json").read_text(encoding="utf-8"))["events"]
    slide = next(s for s in slides if s["unique_id"] == "event-bridge-closed")
    assert slide["media"]["url"] == image["contentUrl"] and slide["media"]["alt"] == image["description"]
    # The actor's page shows the media of what they took part in.
    council = (site / "actors" / "example-council" / "index.html").read_text(encoding="utf-8")
    assert 'id="media"' in council and '<figure class="explainer-media">' in council and "../../media/" in council
    assert 'id="media"' not in (site / "actors" / "otherland" / "index.html").read_text(encoding="utf-8")
    csv = (site / "data" / "events.csv").read_text(encoding="utf-8")
    assert "media/bridge.jpg; https://video.example/watch?v=test" in csv
    # The sizes are kept between builds, beside the content: a second build makes none of them again.
    cached = sorted((project / media.CACHE).iterdir())
    assert len(cached) == 4
    stamps = {p: p.stat().st_mtime_ns for p in cached}
    again = run_explainer("build", cwd=project, site_url="https://news.example/story/")
    assert again.returncode == 0 and {p: p.stat().st_mtime_ns for p in cached} == stamps


def test_a_narrow_picture_is_never_made_wider(tmp_path: Path) -> None:
    content = tmp_path / "content"
    photo(content / "media" / "small.png", 300, 200, gps=False)
    pictures, made = media.make(content, ["media/small.png"])
    picture = pictures["media/small.png"]
    assert [size.width for size in picture.webp] == [300] and picture.fallback.width == 300
    assert set(made) == {picture.webp[0].path, picture.fallback.path}


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (None, "'media/bridge.jpg': no such file in the content folder"),
        ("text", "'media/bridge.jpg': not a picture Pillow can read"),
        ("large", "'media/bridge.jpg': 21.0 MB, more than the 20 MB a picture may have"),
        ("link", "'media/bridge.jpg': a symbolic link"),
    ],
)
def test_a_picture_that_cannot_be_published_is_an_error_at_its_line(
    tmp_path: Path, make: str | None, expected: str
) -> None:
    content = with_media(make_project(tmp_path / "project"))
    target = content / "media" / "bridge.jpg"
    target.parent.mkdir(parents=True, exist_ok=True)
    if make == "text":
        target.write_text("not a picture\n", encoding="utf-8")
    elif make == "large":
        with target.open("wb") as handle:
            handle.truncate(21_000_000)
    elif make == "link":
        photo(tmp_path / "elsewhere.jpg")
        os.symlink(tmp_path / "elsewhere.jpg", target)
    found = problems_of(content)
    line = next(n for n, t in enumerate((content / "events.yml").read_text().splitlines(), 1) if "file: media/" in t)
    assert found == [f"events.yml:{line}:13: {expected}" + found[0].split(expected, 1)[1]], found


def test_a_picture_needs_its_alt_text_and_credit_and_a_stray_picture_is_refused(tmp_path: Path) -> None:
    content = with_media(
        make_project(tmp_path / "project"),
        MEDIA.replace("      alt: A grey test picture standing for the closed bridge\n", ""),
    )
    photo(content / "media" / "bridge.jpg")
    photo(content / "media" / "unused.jpg")
    found = problems_of(content)
    assert any("missing required field 'alt'" in p for p in found), found
    assert any(p.startswith("media/unused.jpg:1:1: 'media/unused.jpg' is in the media folder, but no record names it")
               for p in found), found  # fmt: skip


@pytest.mark.browser
def test_an_entry_with_media_reads_well_and_passes_axe(tmp_path: Path, browser: Any, serve_dir: Any) -> None:
    from tests.conftest import free_port
    from tests.test_reader import inject_axe

    project = make_project(tmp_path / "project")
    content = with_media(project)
    photo(content / "media" / "bridge.jpg")
    port = free_port()
    assert run_explainer("build", cwd=project, site_url=f"http://127.0.0.1:{port}/").returncode == 0
    url = str(serve_dir(project / "site", port))
    for width in (375, 1440):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        outside: list[str] = []
        page.on("request", lambda r, seen=outside: r.url.startswith((url, "data:")) or seen.append(r.url))
        page.goto(url + "timeline/")
        image = page.locator(".explainer-media img")
        image.scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('.explainer-media img').complete")
        box = image.bounding_box()
        assert box and 0 < box["width"] <= width and abs(box["height"] / box["width"] - 0.6) < 0.01
        chosen = image.evaluate("img => img.currentSrc")
        assert chosen.endswith(".webp"), chosen
        # On the chart, the entry's label shows its picture too (the smallest size, from the site).
        page.locator("#timeline-chart").scroll_into_view_if_needed()
        page.locator('#timeline-chart .explainer-chart__point[href$="#event-bridge-closed"]').focus()
        thumb = page.locator("#timeline-chart .explainer-chart__label img.explainer-chart__thumbnail")
        thumb.wait_for(state="visible")
        page.wait_for_function("() => document.querySelector('.explainer-chart__thumbnail').naturalWidth > 0")
        assert thumb.evaluate("img => img.src").endswith("-480.webp")
        inject_axe(page)
        assert page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)") == []
        assert page.pdf().count(b"/Subtype /Image") >= 1, "the picture is in print"
        page.goto(url + "actors/example-council/")
        inject_axe(page)
        assert page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)") == []
        assert outside == [], "nothing from the video's host loads"
        context.close()


def test_media_bytes_are_not_text(tmp_path: Path) -> None:
    """A picture's sizes are real images of its pixels (what the reader gets is the picture)."""
    content = tmp_path / "content"
    photo(content / "media" / "a.jpg", 1000, 500, gps=False)
    _, made = media.make(content, ["media/a.jpg"])
    for path, data in made.items():
        with Image.open(io.BytesIO(data)) as image:
            assert image.getpixel((10, 10))[:3] == pytest.approx((120, 130, 140), abs=3), path
