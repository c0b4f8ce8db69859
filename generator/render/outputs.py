"""Outputs as a registry: each file the site gets from the explainer is written by a renderer,
registered here by name with what it needs and what it writes.

A renderer is a function of the :class:`Build` (the site, its language, the views, the figures)
returning site path -> text. A new output is one module that registers one function with
:func:`output`; :func:`generator.render.render` runs every registered renderer whose needs the build
meets (the feed and the oEmbed documents need the site's address, so a build without one skips them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import views
from ..site import Site
from . import charts, involvement, key, mirror, picture, templating, timeline

Files = dict[str, str]


@dataclass(frozen=True, kw_only=True)
class Renderer:
    name: str
    writes: tuple[str, ...]
    """The paths it writes, as patterns (``fnmatch``, relative to the language's folder): it
    writes nothing else."""
    needs_url: bool
    """Whether it needs the site's address (absolute links): without one it is skipped."""
    render: Render


OUTPUTS: dict[str, Renderer] = {}
"""Every output, by name, in the order they were registered (and are run)."""


Render = Callable[["Build"], Files]


def output(name: str, *, writes: tuple[str, ...], needs_url: bool = False) -> Callable[[Render], Render]:
    """Register a renderer: ``@output("feed", writes=("feed.xml",), needs_url=True)``."""

    def register(function: Render) -> Render:
        if name in OUTPUTS:
            raise ValueError(f"two outputs are named {name!r}")
        OUTPUTS[name] = Renderer(name=name, writes=writes, needs_url=needs_url, render=function)
        return function

    return register


FIGURES = {"timeline": timeline.figure, "whos-who": involvement.figure}
"""Chart name (as :attr:`Site.charts` has them) -> the function that draws its figure."""


class Build:
    """What the renderers share, each part made once: the site, the figures, their pictures, the
    template environment and the page views."""

    def __init__(self, site: Site, template_dirs: Sequence[Path] = (), author: str | None = None) -> None:
        self.site = site
        self.template_dirs = tuple(template_dirs)
        self.author = author

    @functools.cached_property
    def figures(self) -> dict[str, dict[str, Any]]:
        """Figure path -> the figure as plain data."""
        drawn = {self.site.charts[name].figure: charts.plain(draw(self.site)) for name, draw in FIGURES.items()}
        if self.site.language.right_to_left:
            return {path: mirror.mirrored(figure) for path, figure in drawn.items()}
        return drawn

    @functools.cached_property
    def env(self) -> templating.Environment:
        site = self.site
        labels = {chart.figure: f"{chart.id}-name" for chart in site.charts.values()}
        pictures = {path: picture.picture(figure, site.language, labels[path]) for path, figure in self.figures.items()}
        keys: dict[str, Any] = {path: key.key_lanes(figure) for path, figure in self.figures.items()}
        keys.update({f"{path}#scale-changes": key.scale_changes(figure) for path, figure in self.figures.items()})
        large = frozenset(path for path, figure in self.figures.items() if charts.large(figure))
        return templating.environment(site.language, self.template_dirs, pictures, large, site, keys)

    @functools.cached_property
    def views(self) -> list[views.Page]:
        return views.all_pages(self.site)
