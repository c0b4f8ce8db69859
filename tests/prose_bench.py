"""Pathological prose: how long the worst 100 KB inputs take to parse and render, every output.

``python -m tests.prose_bench`` prints one line per input and the worst; ``make bench`` runs it.
Each input is one prose field of 100 KB built to make a Markdown parser backtrack or nest: runs of
emphasis markers, brackets, link openers, backticks, nested lists, entities and raw HTML. The
figure is parsing plus every output the site makes of it (the page's HTML and the site's Markdown
reading it, the hover label, plain text). The goal: the worst under a second.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import markdown

from generator import prose

SIZE = 100_000


def _fill(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


INPUTS: dict[str, Callable[[], str]] = {
    "emphasis-run": lambda: _fill("*"),
    "emphasis-open": lambda: _fill("*a "),
    "emphasis-mixed": lambda: _fill("*_**__"),
    "underscore-words": lambda: _fill("_a_b "),
    "brackets-open": lambda: _fill("["),
    "brackets-nested": lambda: "[" * (SIZE // 2) + "]" * (SIZE // 2),
    "link-openers": lambda: _fill("[a]("),
    "links-unclosed": lambda: _fill("[a](https://x.example/"),
    "parens-in-link": lambda: "[a](https://x.example/" + "(" * (SIZE - 30) + ")",
    "backticks": lambda: _fill("`a``"),
    "backtick-runs": lambda: "".join("`" * n + " " for n in range(1, 440)),
    "entities": lambda: _fill("&amp;&#x3C;&#60;&lt"),
    "raw-html": lambda: _fill("<a href='javascript:x'><b>"),
    "nested-lists": lambda: "\n".join("  " * min(i, 200) + "- x" for i in range(SIZE // 400)),
    "nested-quotes-refused": lambda: _fill("> "),
    "long-word": lambda: _fill("a"),
    "many-paragraphs-refused": lambda: _fill("a\n\n"),
    "paragraphs-at-limit": lambda: "\n\n".join(_fill("word *em* ", 498) for _ in range(200)),
    "list-items-at-limit": lambda: "\n".join("- " + _fill("[a](https://x.example/) ", 497) for _ in range(200)),
    "escapes": lambda: _fill("\\*\\[\\"),
}


def measure(source: str) -> float:
    start = time.perf_counter()
    parsed = prose.parse(source)
    if parsed.problems:  # refused: the build stops here, with the problem's position
        return time.perf_counter() - start
    page = parsed.html(lambda reference: f"../{reference.kind}/#{reference.id}", lead="Lead:")
    # As the site's build reads it, inside a timeline entry (the slowest place for raw HTML).
    entry = f'<ol markdown>\n<li markdown="block">\n\n{page}\n\n</li>\n</ol>\n'
    markdown.markdown(entry, extensions=["attr_list", "md_in_html", "toc"])
    parsed.hover(width=60, limit=280)
    parsed.plain()
    parsed.html()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=SIZE, help="characters per input (default 100,000)")
    args = parser.parse_args(argv)
    worst = ("", 0.0)
    for name, make in INPUTS.items():
        source = make()
        if args.size != SIZE:
            source = (source * (args.size // max(len(source), 1) + 1))[: args.size]
        seconds = measure(source)
        refused = "yes" if prose.parse(source).problems else "no"
        print(f"prose: input={name} chars={len(source)} refused={refused} seconds={seconds:.3f}", flush=True)
        worst = max(worst, (name, seconds), key=lambda item: item[1])
    print(f"prose: worst={worst[0]} seconds={worst[1]:.3f} goal_s=1.0")


if __name__ == "__main__":
    main()
