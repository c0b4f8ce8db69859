"""A plain generated site folder: everything an engine needs to build the explainer without its plugin.

``explainer generate --out OUT`` writes ``OUT/docs/`` (the pages, figures, data and assets),
``OUT/theme/`` (the explainer's theme overrides and assets) and ``OUT/mkdocs.yml``, a configuration
with everything the plugin would otherwise set: the site's name, description and language, the
navigation, the pages kept out of it, the extra CSS and script, link validation and the values the
theme's templates read (feed, Open Graph locale, footer credit). MkDocs and ProperDocs build it as
it is (``mkdocs build -f OUT/mkdocs.yml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

from .assets import EXTRA_CSS, EXTRA_JAVASCRIPT, PLOTLY_PATH, THEME_DIR, plotly_bundle
from .errors import UsageError
from .render import Output
from .validate import RECORD_FILES

DOCS = "docs"
THEME = "theme"
CONFIG = "mkdocs.yml"
MARKER = ".explainer-generated"
"""A generated folder says so: ``explainer generate`` writes into a folder only when it is new, empty
or holds this file, so it can never replace a project's own folder."""
MARKER_TEXT = (
    "This folder was written by `explainer generate`, which replaces what is in it each time it runs.\n"
    "Do not keep anything of your own here.\n"
)


class OutError(UsageError):
    """``explainer generate --out`` was given a folder that is not its own to replace."""


def check_out(out: Path, inside: list[Path], root: Path) -> None:
    """Refuse an output folder that ``explainer generate`` did not make: the project's ``root`` or a
    folder holding it, the folders ``inside`` (the content folder, the theme overrides), a folder
    holding them or within them, or any folder holding something without the marker (records, a
    configuration, an editor's files)."""
    target = out.resolve()
    for folder, within in [*((f, True) for f in inside), (root, False)]:
        mine = folder.resolve()
        if target == mine or mine.is_relative_to(target) or (within and target.is_relative_to(mine)):
            raise OutError(
                f"--out {out} would replace or write into {folder} (the project's own folder): choose a new"
                " folder, e.g. --out build"
            )
    if not target.exists():
        return
    if not target.is_dir():
        raise OutError(f"--out {out} is a file, not a folder")
    if (target / MARKER).is_file():
        return
    found = sorted(p.name for p in target.iterdir())
    if not found:
        return
    holds = [name for name in found if name in RECORD_FILES or name == CONFIG]
    what = f"it holds {', '.join(holds)}" if holds else f"it already holds {len(found)} file(s) or folder(s)"
    raise OutError(
        f"--out {out} is not a folder explainer generate made ({what}, and no {MARKER}): choose a new or"
        " empty folder, e.g. --out build"
    )


@dataclass(frozen=True)
class Project:
    """What the generated folder keeps from the project's own configuration, when there is one."""

    repo_url: str | None = None
    edit_uri: str | None = None
    """Where the record files are in the repository, relative to ``repo_url`` (``blob/main/content/``)."""
    features: tuple[str, ...] = ("navigation.instant", "navigation.top", "search.highlight")

    def edit_url(self, record_file: str) -> str | None:
        """The address that edits a record file (``actors.yml#L10``), or None without a repository."""
        if not self.repo_url or self.edit_uri is None:
            return None
        return urljoin(urljoin(self.repo_url.rstrip("/") + "/", self.edit_uri), record_file)


def config(
    output: Output,
    site_url: str | None = None,
    project: Project = Project(),
    theme: dict[str, str] | None = None,
    versions: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """The engine's configuration for the generated folder (MkDocs 1.x's format, which ProperDocs
    reads too): the site's settings as the build computed them (:class:`SiteSettings`).
    ``versions``: the site in each of the explainer's languages (:func:`settings.versions`)."""
    settings = output.settings
    toggles = settings.palette_names
    palette = [
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "indigo", "accent": "indigo",
         "toggle": {"icon": "material/brightness-7", "name": toggles["slate"]}},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "indigo", "accent": "indigo",
         "toggle": {"icon": "material/brightness-4", "name": toggles["default"]}},
    ]  # fmt: skip
    values: dict[str, Any] = {
        "site_name": settings.name,
        "site_description": settings.description,
        **({"site_url": site_url} if site_url else {}),
        **({"repo_url": project.repo_url} if project.repo_url else {}),
        "docs_dir": DOCS,
        "theme": {
            "name": "material",
            "custom_dir": THEME,
            "language": settings.language.split("-")[0].lower(),
            "font": False,
            "features": list(project.features),
            "palette": palette,
            **(theme or {}),
        },
        "nav": [{title: path} for title, path in settings.nav],
        "not_in_nav": "\n".join(f"/{path}" for path in settings.not_in_nav(output.pages)),
        "extra_css": [EXTRA_CSS],
        "extra_javascript": [{"path": EXTRA_JAVASCRIPT, "type": "module"}],
        "extra": {
            "explainer_feed": settings.feed,
            "explainer_feed_title": settings.feed_title,
            "explainer_og_locale": settings.og_locale,
            "explainer_made_with": settings.made_with,
            **({"alternate": versions, "explainer_versions": versions} if versions else {}),
        },
        "plugins": ["search"],
        "markdown_extensions": ["attr_list", "md_in_html", {"toc": {"permalink": True}}],
        "validation": {
            "omitted_files": "warn",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },  # fmt: skip
    }
    return values


def files(
    output: Output,
    site_url: str | None = None,
    project: Project = Project(),
    theme: dict[str, str] | None = None,
    leave_out: tuple[str, ...] = (),
    versions: list[dict[str, str]] | None = None,
) -> dict[str, str | bytes]:
    """Every file of the generated folder: path in it -> text or bytes (``leave_out``: theme files,
    relative to the theme folder, that the engine must keep its own of).

    A page edited in a record file says so in its front matter (``edit_url``): the theme's "edit
    this page" opens the YAML, not the generated Markdown.
    """
    found: dict[str, str | bytes] = {}
    for page, text in output.files().items():
        edit = project.edit_url(output.edit_paths[page]) if page in output.edit_paths else None
        if edit and text.startswith("---\n"):
            text = "---\n" + yaml.safe_dump({"edit_url": edit}, width=1000) + text[4:]
        found[f"{DOCS}/{page}"] = text
    found[f"{DOCS}/{PLOTLY_PATH}"] = plotly_bundle()
    found.update({f"{DOCS}/{path}": data for path, data in output.binaries.items()})
    for path in sorted(THEME_DIR.rglob("*")):
        if path.is_file() and path.relative_to(THEME_DIR).as_posix() not in leave_out:
            found[f"{THEME}/{path.relative_to(THEME_DIR).as_posix()}"] = path.read_bytes()
    dumped = yaml.safe_dump(
        config(output, site_url, project, theme, versions), allow_unicode=True, sort_keys=False, width=100
    )
    found[CONFIG] = (
        "# Generated by `explainer generate`: build with `mkdocs build -f mkdocs.yml` (no plugin needed).\n" + dumped
    )
    found[MARKER] = MARKER_TEXT
    return found
