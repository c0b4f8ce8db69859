"""Shapes that once took quadratic time, each timed at two sizes: ``python -m tests.scale_bench``.

``make bench`` runs it after the synthetic explainers. Each line is one shape at full size, with the
time at a tenth of that size and the ratio of the full-size time to ten times the small one (1.0:
linear; a quadratic path gives about 10; goal: under 2), in CPU seconds, which vary less than the
wall clock on a shared machine (both are printed). Prints figures; asserts nothing.

- ``validate-links``: one paragraph holding N links (three in four to web addresses, one in four a
  reference to a record), checked as ``explainer validate`` checks a prose field (``prose.parse``:
  its syntax, every link's target, where each problem and reference is). A field this long never
  gets that far: the 100,000-character bound refuses it first, and ``validate_refuses_seconds`` is
  how long ``explainer validate`` takes to say so for the whole explainer. Also how long
  markdown-it-py's own link rule takes to parse the paragraph (``markdown_it_seconds``), which the
  check's plain-link rule replaces.
- ``render-one-lane``: the timeline's figure and its picture for N dated events, all on one side's lane.
- ``link-one-source``: linking N events that all cite the same source.

``--scale 0.25`` runs every shape at a quarter of its size (to time code that is slower).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator import i18n, prose
from generator.errors import ContentError
from generator.pipeline import build_explainer, quiet_collector
from generator.render import charts, picture, timeline
from generator.site import Site
from generator.validate import validate_content

LINKS = 100_000
EVENTS = 40_000


def records(events: int, summary: str = "What happened.") -> dict[str, Any]:
    """An explainer of ``events`` dated events, all by one actor (one lane), all citing one source."""
    start = dt.date(2020, 1, 1)
    return {
        "incident.yml": {
            "title": "Scale", "summary": "A shape that once took quadratic time.", "as_of": "2030-01-01",
            "language": "en", "key_facts": [{"text": "One fact.", "sources": ["source-0"]}],
            "method": "Synthetic.", "corrections": "None.", "licence": {"name": "CC0 1.0"},
        },
        "sources.yml": [{"id": "source-0", "title": "The one source", "publisher": "Wire", "kind": "news_report",
                         "published": {"precision": "day", "date": "2020-01-01"}}],
        "actors.yml": [{"id": "side-0", "name": "The one side", "kind": "country", "sources": ["source-0"]}],
        "events.yml": [
            {"id": f"event-{i}", "title": f"Event {i}", "summary": summary if i == 0 else "What happened.",
             "actors": ["side-0"], "sources": ["source-0"],
             "when": {"precision": "day", "date": (start + dt.timedelta(days=i % 3000)).isoformat()}}
            for i in range(events)
        ],
    }  # fmt: skip


def write(folder: Path, data: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, value in data.items():
        (folder / name).write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100), "utf-8")
    return folder


def paragraph(links: int) -> str:
    """One paragraph of ``links`` links, every fourth a reference to a record."""
    return " ".join(
        f"[see {n}](event:event-{n % 7 + 1})" if n % 4 == 0 else f"[read {n}](https://example.org/{n})"
        for n in range(links)
    )


def validate_links(links: int, work: Path) -> Callable[[], object]:
    text = paragraph(links)

    def check() -> object:
        parsed = prose.parse(text)
        assert not parsed.problems and len(parsed.references) == (links + 3) // 4, parsed.problems[:3]
        return parsed

    return check


def validate_refuses(links: int, work: Path) -> Callable[[], object]:
    """``explainer validate`` on an explainer whose one summary is the paragraph: refused as too long."""
    content = write(work / f"links-{links}", records(8, paragraph(links)))

    def run() -> object:
        try:
            build_explainer(content)
        except ContentError as refused:
            assert "too long" in str(refused.problems[0]), refused.problems
            return refused
        raise AssertionError("a summary of this length must be refused")

    return run


def render_one_lane(events: int, work: Path) -> Callable[[], object]:
    explainer = build_explainer(write(work / f"lane-{events}", records(events)))
    site = Site(explainer, i18n.Language.for_tag("en"))

    def render() -> object:
        with quiet_collector():
            figure = charts.plain(timeline.figure(site))
            return picture.picture(figure, site.language, "timeline-name")

    return render


def link_one_source(events: int, work: Path) -> Callable[[], object]:
    from generator.link import link

    content, problems = validate_content(write(work / f"cited-{events}", records(events)))
    assert content is not None and not problems, problems

    def run() -> object:
        with quiet_collector():
            return link(content)

    return run


SHAPES: dict[str, tuple[Callable[[int, Path], Callable[[], object]], int]] = {
    "validate-links": (validate_links, LINKS),
    "render-one-lane": (render_one_lane, EVENTS),
    "link-one-source": (link_one_source, EVENTS),
}


def seconds(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``run()`` (on a shared machine the CPU time varies less)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shapes", nargs="*", metavar="SHAPE", help=f"any of {', '.join(SHAPES)} (default: all)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this (default 1)")
    args = parser.parse_args(argv)
    for name in args.shapes:
        if name not in SHAPES:
            parser.error(f"unknown shape {name!r}: choose from {', '.join(SHAPES)}")
    with tempfile.TemporaryDirectory(prefix="explainer-scale-") as folder:
        work = Path(folder)
        for name in args.shapes or SHAPES:
            make, full = SHAPES[name]
            size = int(full * args.scale)
            small, small_cpu = seconds(make(size // 10, work))
            large, large_cpu = seconds(make(size, work))
            extra = ""
            if name == "validate-links":
                text = paragraph(size)
                standard = prose._parser(block=True)
                standard.inline.ruler.disable("plain_link")
                parse_seconds = seconds(lambda text=text, parser=standard: parser.parse(text))
                refused = seconds(validate_refuses(size, work))
                extra = (
                    f" markdown_it_seconds={parse_seconds[0]:.2f} markdown_it_cpu_seconds={parse_seconds[1]:.2f}"
                    f" validate_refuses_seconds={refused[0]:.2f}"
                )
            print(
                f"scale: shape={name} n={size} seconds={large:.2f} cpu_seconds={large_cpu:.2f} n_small={size // 10}"
                f" small_seconds={small:.3f} small_cpu_seconds={small_cpu:.3f}"
                f" ratio_to_linear={large_cpu / (10 * small_cpu):.2f}{extra}",
                flush=True,
            )


if __name__ == "__main__":
    main()
