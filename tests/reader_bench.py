"""The readers' benchmark (``make reader-bench``): the chart pages on a throttled phone.

Serves built sites gzipped on loopback and loads each page in Debian's chromium with the profile
of the issue that asked for it: 375x740, CPU slowed 4x, 1.6 Mbit/s down, 750 kbit/s up, 150 ms
round trip (Chrome DevTools Protocol throttling). For the repository's timeline and Who's who
pages and the timeline of a 5,000-event synthetic explainer it prints, as the median of three
cold loads: bytes transferred, first contentful paint, when the chart's picture is on screen, when
the chart answers (its label appears when its first point gets focus; on a chart of thousands, with
no point links, when a zoom is drawn), when a first click on "Zoom in" is drawn by Plotly, and
cumulative layout shift. Not a test: figures to compare against the README's targets.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.browsers import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import free_port, make_project, run_explainer
from tests.synthetic import write_explainer

PROFILE = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
CPU_SLOWDOWN = 4
TAKEOVER = r"/vendor\/plotly-|\/figures\/|\/search\/search_index\.json/"
"""What a page loads after its first view: the figure data when a reader reaches for a chart,
plotly.js when they zoom, and the search index, held back until the page has settled."""
LOADS = 3

# Recorded in the page from its first script on: layout shifts, and the first frame with a picture.
WATCH = """
window.__reader = {cls: 0, picture: null};
new PerformanceObserver(list => list.getEntries().forEach(e => {
  if (!e.hadRecentInput) window.__reader.cls += e.value;
})).observe({type: 'layout-shift', buffered: true});
(function frame() {
  const picture = document.querySelector('.explainer-picture');
  if (picture && picture.getBoundingClientRect().height > 0) { window.__reader.picture = performance.now(); return; }
  requestAnimationFrame(frame);
})();
"""


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (as GitHub Pages serves them)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve(site: Path, port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def load(browser: Any, url: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(WATCH)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", PROFILE)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    received = [0]
    cdp.on("Network.loadingFinished", lambda event: received.__setitem__(0, received[0] + event["encodedDataLength"]))
    page.goto(url, wait_until="load", timeout=120_000)
    chart = page.locator(".explainer-chart").first
    chart.scroll_into_view_if_needed()
    point = page.locator(".explainer-chart__point").first
    zoom = chart.locator(".explainer-chart__zoom--in")
    zoom.wait_for(timeout=60_000)
    if point.count():  # the picture answers: focus on a point shows its label
        point.focus()
        page.wait_for_selector(".explainer-chart__label:not([hidden])", timeout=60_000)
        interactive = page.evaluate("performance.now()")
        zoom.click()
    else:  # thousands of entries have no point links: the chart answers when it zooms
        zoom.click()
    page.wait_for_selector(".explainer-chart--drawn", timeout=120_000)
    zoomed = page.evaluate("performance.now()")
    if not point.count():
        interactive = zoomed
    page.wait_for_load_state("networkidle")
    figures = page.evaluate(
        """() => ({
          fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
          picture: window.__reader.picture, cls: window.__reader.cls,
          firstView: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
            .filter(r => !TAKEOVER.test(r.name)).reduce((sum, r) => sum + r.transferSize, 0) })""".replace(
            "TAKEOVER", TAKEOVER
        )
    )
    context.close()
    return {
        "fcp_s": figures["fcp"] / 1000,
        "picture_s": (figures["picture"] or 0) / 1000,
        "interactive_s": interactive / 1000,
        "zoomed_s": zoomed / 1000,
        "kb": received[0] / 1024,
        "first_view_kb": figures["firstView"] / 1024,
        "cls": figures["cls"],
    }


def build(content: Path | None, folder: Path, port: int) -> Path:
    project = make_project(folder / "project", content) if content else make_project(folder / "project")
    if content is None:
        import shutil

        shutil.rmtree(project / "content")
        shutil.copytree(Path(__file__).resolve().parent.parent / "content", project / "content")
    result = run_explainer("build", cwd=project, site_url=f"http://127.0.0.1:{port}/")
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return project / "site"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000, help="size of the synthetic explainer (0 to skip)")
    parser.add_argument("--loads", type=int, default=LOADS, help="cold loads per page (the median is printed)")
    parser.add_argument("--only-synthetic", action="store_true", help="measure only the synthetic explainer")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows: list[tuple[str, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        if not args.only_synthetic:
            port = free_port()
            site = build(None, Path(work) / "repo", port)
            server = serve(site, port)
            for name, path in (("timeline", "timeline/"), ("whos-who", "actors/")):
                runs = [load(browser, f"http://127.0.0.1:{port}/{path}") for _ in range(args.loads)]
                rows.append((name, {key: statistics.median(r[key] for r in runs) for key in runs[0]}))
            server.shutdown()
        if args.events:
            port = free_port()
            content = write_explainer(Path(work) / "synthetic-content", args.events)
            site = build(content, Path(work) / "synthetic", port)
            server = serve(site, port)
            runs = [load(browser, f"http://127.0.0.1:{port}/timeline/") for _ in range(args.loads)]
            rows.append((f"timeline-{args.events}", {key: statistics.median(r[key] for r in runs) for key in runs[0]}))
            server.shutdown()
        browser.close()
    for name, row in rows:
        ratio = row["picture_s"] / row["fcp_s"] if row["fcp_s"] else float("nan")
        print(
            f"reader: page={name} fcp_s={row['fcp_s']:.2f} picture_s={row['picture_s']:.2f}"
            f" interactive_s={row['interactive_s']:.2f} zoomed_s={row['zoomed_s']:.2f} kb={row['kb']:.0f}"
            f" first_view_kb={row['first_view_kb']:.0f}"
            f" cls={row['cls']:.3f}"
            f" picture_over_fcp={ratio:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
