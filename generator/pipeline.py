"""The stages strung together: content folder in, rendered output (or every problem) out."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .errors import ContentError
from .link import Explainer, link
from .render import Output, render
from .validate import validate_content

T = TypeVar("T")


@dataclass
class Timings:
    """Seconds spent in each stage, in the order they ran."""

    stages: dict[str, float] = field(default_factory=dict)

    def run(self, name: str, step: Callable[[], T]) -> T:
        started = time.perf_counter()
        try:
            return step()
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - started


def build_explainer(content_dir: Path, timings: Timings | None = None) -> Explainer:
    """Load, validate and link a content folder. Raises :class:`ContentError` listing every problem."""
    timings = timings or Timings()
    content, problems = timings.run("load+validate", lambda: validate_content(content_dir))
    if problems or content is None:
        raise ContentError(problems)
    explainer, problems = timings.run("link", lambda: link(content))
    if problems or explainer is None:
        raise ContentError(problems)
    return explainer


def generate(content_dir: Path, timings: Timings | None = None) -> Output:
    """Every page and data file of the explainer in ``content_dir``."""
    timings = timings or Timings()
    explainer = build_explainer(content_dir, timings)
    return timings.run("render", lambda: render(explainer))
