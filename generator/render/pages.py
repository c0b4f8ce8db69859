"""The pages: each view rendered through its template, with its structured data."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import views
from ..i18n import Language
from ..site import Pages
from . import charts, structured, templating
from .outputs import Build, Files, output


def render_view(env: templating.Environment, view: views.Page, jsonld: Any = None) -> str:
    """One page: its view's fields are the template's variables, with its JSON-LD (if any)."""
    values = {name: getattr(view, name) for name in view.__dataclass_fields__}
    return env.get_template(view.template).render(values, jsonld=jsonld)


@output("pages", writes=("*.md",))
def pages(build: Build) -> Files:
    return {view.page: render_view(build.env, view, structured.of(build.site, view)) for view in build.views}


@output("figures", writes=("figures/*.json",))
def figures(build: Build) -> Files:
    return {path: charts.to_json(figure) for path, figure in build.figures.items()}


def problems_page(lines: list[str], language_tag: str | None = None, override_dirs: Sequence[Path] = ()) -> str:
    """The page the live preview shows in place of every page while the content has mistakes."""
    language = Language.for_tag(language_tag or "en")
    env = templating.environment(language, override_dirs)
    return render_view(env, views.problems(lines, Pages().home))
