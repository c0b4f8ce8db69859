"""Screenshots of built sites for a person to look at: ``python -m tests.screenshots [SITE] [OUT]``.

Takes the home, timeline, Who's who, an actor and the questions page in both palettes at 375 and
1440 pixels wide, with Debian's chromium: of SITE (default ``site``), then of the Spanish and the
dated fixture explainers, built for the purpose (files named ``es-...`` and ``dated-...``). Not a
test: the pictures are for review (and the README's one).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.browsers import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import FIXTURES, make_project, run_explainer, serve_folder

PAGES = {"home": "", "timeline": "timeline/", "whos-who": "actors/", "actor": None, "questions": "questions/"}
"""Name -> page path (``None``: the first actor's page)."""
WIDTHS = {"narrow": (375, 740), "wide": (1440, 900)}
SCHEMES = ("light", "dark")


def first_actor(site: Path) -> str:
    pages = sorted(p.parent.name for p in (site / "actors").glob("*/index.html"))
    return f"actors/{pages[0]}/"


def shoot(site: Path, out: Path, prefix: str = "") -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    base, server = serve_folder(site)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for scheme in SCHEMES:
            for width_name, (width, height) in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base + (path if path is not None else first_actor(site)))
                    page.wait_for_load_state("networkidle")  # the charts are their pictures until a zoom
                    page.evaluate("window.scrollTo(0, 0)")
                    page.wait_for_timeout(300)
                    target = out / f"{prefix}{name}-{width_name}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)
                context.close()
        browser.close()
    server.shutdown()


FIXTURE_SHOTS = {"es-": "explicador", "dated-": "dated"}
"""File name prefix -> fixture explainer also photographed: the Spanish one and the dated one."""


def main(site: Path, out: Path) -> None:
    shoot(site, out)
    for prefix, fixture in FIXTURE_SHOTS.items():
        with tempfile.TemporaryDirectory() as folder:
            project = make_project(Path(folder) / "project", content=FIXTURES / fixture)
            result = run_explainer("build", cwd=project)
            if result.returncode != 0:
                raise SystemExit(result.stderr)
            shoot(project / "site", out, prefix=prefix)


TIMELINES = ["minutes", "same-minute", "decade", "one-day", "dated", "explicador"]
"""Fixture explainers whose timeline charts are photographed alone (``--timelines``)."""


def timelines(out: Path, schemes: tuple[str, ...] = SCHEMES) -> None:
    """The timeline chart of each fixture in :data:`TIMELINES`, at 375 and 1440 pixels in each palette:
    ``timeline-<fixture>-<width>-<scheme>.png`` (the README shows the light ones)."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for fixture in TIMELINES:
            project = make_project(Path(folder) / fixture, content=FIXTURES / fixture)
            result = run_explainer("build", cwd=project)
            if result.returncode != 0:
                raise SystemExit(result.stderr)
            base, server = serve_folder(project / "site")
            for scheme in schemes:
                for width in (375, 1440):
                    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
                    page = context.new_page()
                    page.goto(base + "timeline/")
                    page.wait_for_load_state("networkidle")
                    page.add_style_tag(content=".md-header { position: static !important; }")
                    target = out / f"timeline-{fixture}-{width}-{scheme}.png"
                    page.locator("#timeline-chart").screenshot(path=str(target))
                    print(target)
                    context.close()
            server.shutdown()
        browser.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--timelines"]:
        timelines(Path(sys.argv[2]) if len(sys.argv) > 2 else Path("tests/artifacts"))
        sys.exit(0)
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site")
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("tests/artifacts")
    main(site, out)
