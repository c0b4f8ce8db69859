"""Lighthouse on the timeline page (``make lighthouse``): the mobile scores, median of five runs.

Builds this repository's explainer (or ``--content`` another), serves it gzipped on loopback as
GitHub Pages would, and runs Google's Lighthouse (the npm package, pinned below, fetched by npx into
npm's cache the first time) with Debian's chromium in its default mobile profile: simulated 4x CPU
slowdown and a slow 4G connection. Prints each category's score and the timings performance is
made of. Not a test: Lighthouse's simulated timings vary from run to run, hence the median.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browsers import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import free_port
from tests.reader_bench import build, serve

LIGHTHOUSE = "lighthouse@12.8.2"
AUDITS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
          "speed-index")  # fmt: skip


def run(url: str, out: Path) -> dict[str, float]:
    flags = " ".join(CHROMIUM_ARGS)
    subprocess.run(
        ["npx", "--yes", LIGHTHOUSE, url, "--quiet", f"--chrome-flags={flags}", "--output=json",
         f"--output-path={out}"],
        check=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
    )  # fmt: skip
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: category["score"] * 100 for name, category in report["categories"].items()}
    scores.update({audit: report["audits"][audit]["numericValue"] for audit in AUDITS})
    # How fast this machine ran Lighthouse's own benchmark: the simulated 4x slowdown is of this
    # machine, so scores of two machines (or one busy and quiet) compare only with it beside them.
    scores["benchmark"] = report["environment"]["benchmarkIndex"]
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, help="a content folder (default: this repository's)")
    parser.add_argument("--page", default="timeline/", help="the page to measure")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if shutil.which("npx") is None:
        raise SystemExit("npx not found: Lighthouse runs with Node.js's npx")
    with tempfile.TemporaryDirectory() as work:
        port = free_port()
        site = build(args.content, Path(work), port)
        server = serve(site, port)
        runs = [run(f"http://127.0.0.1:{port}/{args.page}", Path(work) / f"run-{n}.json") for n in range(args.runs)]
        server.shutdown()
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    each = ",".join(str(round(r["performance"])) for r in runs)
    print(
        f"lighthouse: page={args.page} runs={args.runs} performance={median['performance']:.0f}"
        f" accessibility={median['accessibility']:.0f} best_practices={median['best-practices']:.0f}"
        f" seo={median['seo']:.0f} tbt_ms={median['total-blocking-time']:.0f}"
        f" fcp_s={median['first-contentful-paint'] / 1000:.2f} lcp_s={median['largest-contentful-paint'] / 1000:.2f}"
        f" cls={median['cumulative-layout-shift']:.3f} benchmark_index={median['benchmark']:.0f}"
        f" performance_each={each}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
