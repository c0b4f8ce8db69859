"""Stage 4: pure functions from an :class:`~generator.link.Explainer` to page and data text.

Nothing here reads or writes files. Every string that came from an editor passes through
:mod:`generator.render.text` before it reaches Markdown, HTML or JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..link import Explainer
from . import involvement, pages, timeline


@dataclass(frozen=True)
class Output:
    """Everything an explainer renders to: site-relative path -> text."""

    pages: dict[str, str]
    """Markdown pages, e.g. ``timeline.md``."""
    data: dict[str, str]
    """Data files the pages load, e.g. ``figures/timeline.json``."""
    nav: list[tuple[str, str]] = field(default_factory=list)
    """(title, page path) of the pages the site's navigation lists, in order."""
    records: int = 0
    """How many records the explainer has."""
    edit_paths: dict[str, str] = field(default_factory=dict)
    """Page path -> the record file (and line) an editor changes it in, e.g. ``actors.yml#L12``."""

    def files(self) -> dict[str, str]:
        return {**self.pages, **self.data}


def render(explainer: Explainer) -> Output:
    """Render every page and data file of the explainer."""
    rendered = pages.render_pages(explainer)
    data = {
        timeline.FIGURE_PATH: timeline.figure_json(explainer),
        involvement.FIGURE_PATH: involvement.figure_json(explainer),
    }
    records = sum(
        len(table)
        for table in (explainer.sources, explainer.actors, explainer.events, explainer.statements, explainer.questions)
    )
    return Output(pages=rendered, data=data, nav=list(pages.NAV), records=records, edit_paths=edit_paths(explainer))


def edit_paths(explainer: Explainer) -> dict[str, str]:
    """Where each page's records are written: a record's own line for its page, else its file."""
    paths = {
        "index.md": "incident.yml",
        "about.md": "incident.yml",
        "timeline.md": "events.yml",
        "statements.md": "statements.yml",
        "actors/index.md": "actors.yml",
        "questions.md": "questions.yml",
        "sources.md": "sources.yml",
    }
    for actor_id, origin in ((a, explainer.origins[a]) for a in explainer.actors):
        line, _ = origin.position("id")
        paths[pages.actor_page(actor_id)] = f"{origin.file.path.name}#L{line}"
    return paths
