"""Page weight, as a reader's browser fetches it: ``python -m tests.page_weight [SITE]`` (``make weight``).

For each page: the bytes transferred for its first view, gzipped as GitHub Pages serves them,
counting everything the page loads in headless Chromium before a chart is drawn (plotly.js and
figure data are blocked and reported apart). The target is 150 KB per page.
A measurement script, not a test: it prints figures.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.browsers import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import serve_folder, site_pages

BUDGET_KB = 150.0


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def local_file(site: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path).lstrip("/")
    candidate = site / path
    if candidate.is_dir() or path == "" or path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def measure(site: Path) -> list[tuple[str, float, int]]:
    from playwright.sync_api import sync_playwright

    base, server = serve_folder(site)
    pages = [p.parent.relative_to(site).as_posix() for p in site_pages(site, "index.html")]
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for page_path in pages:
            path = "" if page_path == "." else page_path + "/"
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            page = context.new_page()
            fetched: list[str] = []
            page.route("**/plotly*.min.js", lambda route: route.abort())
            page.route("**/figures/*.json", lambda route: route.abort())
            page.on("requestfinished", lambda request, into=fetched: into.append(request.url))
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            files = {f for url in fetched if (f := local_file(site, url)) is not None}
            rows.append((path or "/", sum(gzipped(f) for f in files) / 1024, len(files)))
            context.close()
        browser.close()
    server.shutdown()
    return rows


def main(site: Path) -> int:
    rows = measure(site)
    plotly = next(site.rglob("plotly-basic.min.js"))  # the one plotly.js bundle: it draws every chart
    figures = sorted((site / "figures").glob("*.json"))
    print(f"{'page':45} {'first view (KB gz)':>19} {'files':>6}")
    for path, kb, count in rows:
        print(f"{path:45} {kb:19.1f} {count:6d}{'  OVER BUDGET' if kb > BUDGET_KB else ''}")
    print(f"\nplotly.js basic bundle (loaded only when a chart comes into view): {gzipped(plotly) / 1024:.1f} KB gz")
    for figure in figures:
        print(f"figure data {figure.name}: {gzipped(figure) / 1024:.1f} KB gz")
    heaviest = max(rows, key=lambda row: row[1])
    print(
        f"weight: pages={len(rows)} max_first_view_kb={heaviest[1]:.1f} ({heaviest[0]}) "
        f"budget_kb={BUDGET_KB:.0f} plotly_kb={gzipped(plotly) / 1024:.1f}"
    )
    return 0 if heaviest[1] <= BUDGET_KB else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site")))
