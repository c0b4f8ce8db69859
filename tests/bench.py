"""Benchmark: ``python -m tests.bench [N ...]`` (``make bench``). Prints figures; asserts nothing.

For each size N (default 100, 1000 and 5000 events) it writes a synthetic explainer
(tests/synthetic.py), then measures our stages in-process, a full ``explainer build`` in a child
process (time and peak memory), the site's size, its largest page and the timeline's figure data,
and the floor: a plain Material build of as many hand-written Markdown pages kept out of the
navigation, on the same machine in the same run. With --browser it also times drawing the timeline
and zooming it in headless Chromium, with --preview the live preview's rebuild after a
one-record edit, and with --translated the build of the explainer and a Spanish translation of it
(every event's title translated), against the same floor: one plain Material site.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from generator.pipeline import Timings, generate
from generator.write import write_files
from tests.conftest import make_project
from tests.synthetic import write_explainer

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def run_child(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall time, peak resident memory (MB) of the command's whole process tree, and its stderr."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter();"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode);"
        "sys.stderr.write(r.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe, *command], cwd=cwd, capture_output=True, text=True, env=ENV)
    seconds, kb, code = result.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return float(seconds), int(kb) / 1024, result.stderr


def floor_project(folder: Path, docs: Path) -> Path:
    """The floor: the same Markdown pages built by plain Material for MkDocs, without the plugin.

    The pages are the generator's own output (``explainer generate``), so the floor holds the same
    text in the same number of pages, all but the home page out of the navigation.
    """
    shutil.copytree(docs, folder / "docs")
    for page in (folder / "docs").rglob("*.md"):  # plain Material has no embed template: its default page
        text = page.read_text(encoding="utf-8")
        if "\ntemplate: " in text.split("\n---", 2)[0] + "\n":
            page.write_text(re.sub(r"(?m)^template: .*\n", "", text, count=1), encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Floor\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n  font: false\n"
        "  features: [navigation.instant]\nplugins: [search]\nnav: [index.md]\n"
        "not_in_nav: |\n  /*.md\n  /*/*.md\n  !/index.md\n"
        "markdown_extensions: [attr_list, md_in_html, {toc: {permalink: true}}]\n",
        encoding="utf-8",
    )
    return folder


def translate(content: Path, language: str = "es") -> None:
    """Add a translation into ``language`` giving every event's title (the rest left in the original's
    words, as a newsroom's translation in progress would)."""
    incident = content / "incident.yml"
    data = yaml.safe_load(incident.read_text(encoding="utf-8"))
    data["translations"] = [language]
    incident.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    events = yaml.safe_load((content / "events.yml").read_text(encoding="utf-8"))
    (content / language).mkdir()
    given = [{"id": event["id"], "title": f"Traducido: {event['title']}"} for event in events]
    (content / language / "events.yml").write_text(yaml.safe_dump(given, allow_unicode=True, width=100), "utf-8")


def pictured(content: Path, every: int = 10) -> None:
    """A picture (test data: a made-up 1600 by 1000 JPEG, each a different colour) on every
    ``every``-th event."""
    from PIL import Image

    events = yaml.safe_load((content / "events.yml").read_text(encoding="utf-8"))
    for n, event in enumerate(events):
        if n % every:
            continue
        name = f"media/{event['id']}.jpg"
        (content / "media").mkdir(exist_ok=True)
        Image.new("RGB", (1600, 1000), (n % 256, (n // 256) % 256, 90)).save(content / name, "JPEG")
        event["media"] = [{"type": "image", "file": name, "alt": f"Test picture {n}", "credit": "Test data"}]
    (content / "events.yml").write_text(yaml.safe_dump(events, allow_unicode=True, sort_keys=False), "utf-8")


def measure(
    events: int, work: Path, browser: bool, preview: bool, translated: bool = False, images: bool = False
) -> dict[str, float]:
    project = make_project(work / f"n{events}")
    shutil.rmtree(project / "content")
    write_explainer(project / "content", events)
    if translated:
        translate(project / "content")
    if images:  # the sizes are made once here (generate, below), then the build finds them cached
        pictured(project / "content")

    timings = Timings()
    output = generate(project / "content", timings)  # what the plugin runs inside mkdocs build
    timings.run("write", lambda: write_files(work / f"docs{events}", dict(output.files())))
    ours = sum(timings.stages.values())

    total, peak, stderr = run_child([sys.executable, "-m", "generator.cli", "build"], project)
    mkdocs = float(re.search(r"mkdocs \(including the above\) ([0-9.]+)s", stderr).group(1))  # type: ignore[union-attr]
    site = project / "site"
    largest = max((p for p in site.rglob("*.html")), key=lambda p: p.stat().st_size)

    floor = floor_project(work / f"floor{events}", work / f"docs{events}")
    floor_s, floor_peak, _ = run_child([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], floor)

    row = {
        "events": events, "records": output.records, "pages": len(output.pages),
        **{f"{k}_s": v for k, v in timings.stages.items()}, "ours_s": ours, "mkdocs_s": mkdocs,
        "total_s": total, "floor_s": floor_s, "ratio": total / floor_s, "ours_share": ours / total,
        "peak_mb": peak, "floor_peak_mb": floor_peak, "site_mb": folder_mb(site),
        "floor_site_mb": folder_mb(floor / "site"), "largest_page_kb": largest.stat().st_size / 1024,
        "figure_kb": (site / "figures" / "timeline.json").stat().st_size / 1024,
    }  # fmt: skip
    if browser:
        row["chart_after_load_s"], row["plotly_eval_s"], row["chart_draw_s"], row["zoom_step_s"] = draw_time(site)
    if preview:
        row["preview_s"] = preview_time(project)
    return row


def draw_time(site: Path) -> tuple[float, float, float, float]:
    """Seconds, on the timeline page, from the load event to the chart drawn by Plotly (a reader's
    click on its controls, or the browser's first idle moment on a chart of thousands); evaluating
    plotly.js; drawing the chart (newPlot, from the site script's measure); and redrawing it for a
    click on "Zoom in" (Plotly.relayout until it has drawn, the median of four clicks in a row)."""
    from playwright.sync_api import sync_playwright

    from tests.browsers import CHROMIUM, CHROMIUM_ARGS
    from tests.conftest import serve_folder

    base, server = serve_folder(site)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.add_init_script(
            "(() => { let v; Object.defineProperty(window, 'Plotly', {configurable: true, get() { return v; },"
            " set(x) { v = x; window.__plotlyReady = performance.now(); }}); })()"
        )
        page.goto(base + "timeline/")
        started = time.perf_counter()
        page.locator("#timeline-chart .explainer-chart__reset").click()  # the reader reaches for the chart
        page.wait_for_selector(".explainer-chart--drawn", timeout=60_000)
        after_load = time.perf_counter() - started
        evaluate_ms, draw_ms = page.evaluate(
            "() => { const r = performance.getEntriesByType('resource').find(e => /plotly/.test(e.name));"
            " const m = performance.getEntriesByName('explainer-draw:timeline-chart')[0];"
            " return [window.__plotlyReady - r.responseEnd, m.duration]; }"
        )
        page.evaluate(
            "() => { window.__zooms = []; const relayout = Plotly.relayout; Plotly.relayout = function () {"
            " const start = performance.now(); return relayout.apply(this, arguments)"
            ".then(r => { window.__zooms.push(performance.now() - start); return r; }); }; }"
        )
        for step in range(4):
            page.locator("#timeline-chart .explainer-chart__zoom--in").click()
            deadline = time.perf_counter() + 60
            while page.evaluate("window.__zooms.length") <= step and time.perf_counter() < deadline:
                time.sleep(0.02)
        zooms = sorted(page.evaluate("window.__zooms"))
        browser.close()
    server.shutdown()
    zoom_ms = (zooms[1] + zooms[2]) / 2 if len(zooms) == 4 else float("nan")
    return after_load, evaluate_ms / 1000, draw_ms / 1000, zoom_ms / 1000


def preview_time(project: Path) -> float:
    """Seconds from saving a one-record edit to the live preview serving the changed page."""
    from tests.conftest import free_port
    from tests.test_serve import fetch, wait_for

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--port", str(port)],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV,
    )  # fmt: skip
    try:
        actors = project / "content" / "actors.yml"
        wait_for(lambda: bool(fetch(f"http://127.0.0.1:{port}/actors/side-0/")), 600)
        text = actors.read_text(encoding="utf-8")
        name = re.search(r"name: (.*)", text).group(1)  # type: ignore[union-attr]
        actors.write_text(text.replace(f"name: {name}", "name: Edited side name", 1), encoding="utf-8")
        return wait_for(lambda: "Edited side name" in fetch(f"http://127.0.0.1:{port}/actors/side-0/"), 600)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000])
    parser.add_argument("--browser", action="store_true", help="time drawing the timeline in Chromium")
    parser.add_argument("--preview", action="store_true", help="time the live preview after an edit")
    parser.add_argument(
        "--translated", action="store_true", help="give the explainer a Spanish translation: both sites are built"
    )
    parser.add_argument("--images", action="store_true", help="a picture on every tenth event (sizes cached)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for events in args.sizes:
            rows.append(measure(events, Path(folder), args.browser, args.preview, args.translated, args.images))
            print(" ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in rows[-1].items()))
    keys = [k for k in rows[0] if k not in ("events",)]
    print("\n" + f"{'':18}" + "".join(f"{'N=' + str(r['events']):>12}" for r in rows))
    for key in keys:
        print(f"{key:18}" + "".join(f"{r[key]:12.2f}" if isinstance(r[key], float) else f"{r[key]:12}" for r in rows))
    if len(rows) > 1:
        first, last = rows[-2], rows[-1]
        print(
            f"\ngrowth N={first['events']}->{last['events']}: total x{last['total_s'] / first['total_s']:.2f}, "
            f"site x{last['site_mb'] / first['site_mb']:.2f}"
        )
    for r in rows:
        print(
            f"bench: events={r['events']}{' translated=es' if args.translated else ''}"
            f"{' images=every-tenth' if args.images else ''}"
            f" total_s={r['total_s']:.2f} floor_s={r['floor_s']:.2f} "
            f"ratio={r['ratio']:.2f} peak_mb={r['peak_mb']:.0f} site_mb={r['site_mb']:.1f}"
        )


if __name__ == "__main__":
    main()
