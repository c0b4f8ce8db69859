"""The explainer as an MkDocs plugin: runs the generator inside an MkDocs (or ProperDocs) build or
live preview; :mod:`generator.engines` starts them.

Enable it in ``mkdocs.yml`` with ``plugins: [search, explainer]``. After a build, :attr:`report`
says what it found (``explainer build`` reads it from the plugin object). Generated pages are handed to
MkDocs as in-memory files, so nothing is written into the content folder; the record files
themselves are not published.

The explainer's language and name are said once, in ``incident.yml``: the plugin sets the theme's
language (and so ``<html lang>`` and the search language), the site's name and description, the
navigation's titles and the palette toggle's names from it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from . import csp, publish
from .assets import (
    EXTRA_CSS,
    EXTRA_JAVASCRIPT,
    PLOTLY_PATH,
    THEME_DIR,
    AssetError,
    plotly_bundle,
)
from .engines import PREVIEW_LANGUAGE
from .errors import ContentError
from .load import load_yaml
from .messages import NAV
from .pipeline import BuildReport, Timings, generate, read_incident
from .render import compiled, problems_page
from .settings import SiteSettings, versions
from .site import Pages
from .validate import placeholders

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

TEMPLATE_SUFFIX = ".j2"
"""Page templates a site overrides live in its custom_dir; they are read, never published."""


def theme_language(tag: str, available: set[str]) -> str:
    """Material's name for a language tag: the tag itself (``pt-BR``) if it has one, else its language."""
    for candidate in (tag, tag.split("-")[0].lower()):
        if candidate in available:
            return candidate
    return tag.split("-")[0].lower()


class ExplainerConfig(Config):
    content_dir = c.Optional(c.Dir(exists=True))
    """Folder of the record files; defaults to ``docs_dir``."""
    translation = c.Optional(c.Type(str))
    """One of the explainer's translations: this build makes its site (``explainer build`` builds
    each into ``site/<language>/``, with ``site_url`` ending in ``<language>/``)."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.serving = False
        """True under ``mkdocs serve``: content errors then become a page instead of stopping the server."""
        self.last_pages: list[str] = []
        """Pages of the last good build, so each of them can show the errors while they last."""
        self.settings: SiteSettings | None = None
        """The site's settings from ``incident.yml`` (None while it cannot be read)."""
        self.report = BuildReport()
        """What the last build found, for ``explainer build``."""
        self.lastmod: dict[str, str] = {}
        self.versions: list[dict[str, str]] = []
        """The explainer's site in each of its languages (name, root address, language), the
        original first; empty when it has no translations."""
        """Page path -> the day it last changed, for the sitemap (from the last good build)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.report = BuildReport()

    def _content_dir(self, config: MkDocsConfig) -> Path:
        return Path(self.config.content_dir or config.docs_dir)

    def _template_dirs(self, config: MkDocsConfig) -> list[Path]:
        custom = config.theme.custom_dir
        return [Path(custom)] if custom else []

    # Before the search plugin's on_config, which takes its language from the theme's.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.serving and not self.config.translation:
            self.config.translation = os.environ.get(PREVIEW_LANGUAGE) or None
        incident = read_incident(self._content_dir(config), self.config.translation)
        self.settings = None
        if incident is not None:
            with contextlib.suppress(ValueError):  # the full check reports it, at its line in incident.yml
                self.settings = SiteSettings.of(incident, config.site_url or None)
        if self.settings is not None:
            self._follow_incident(config, self.settings)
        original = read_incident(self._content_dir(config))
        self.versions = versions(original, self.config.translation, config.site_url) if original else []
        if self.versions:  # Material's language switch in the header (partials/alternate.html)
            config.extra["alternate"] = self.versions
        if not config.nav:
            config.nav = [{title: path} for title, path in self._nav()]
        # The explainer's templates and assets come right after the site's own custom_dir, so a
        # site can still override any of them.
        dirs = config.theme.dirs
        if str(THEME_DIR) not in dirs:
            custom = config.theme.custom_dir
            dirs.insert(1 if custom and dirs and dirs[0] == custom else 0, str(THEME_DIR))
        if EXTRA_CSS not in [str(item) for item in config.extra_css]:
            config.extra_css.append(EXTRA_CSS)
        script = c.ExtraScriptValue(EXTRA_JAVASCRIPT)
        script.type = "module"  # also where the site's own configuration lists it
        listed = [str(item) for item in config.extra_javascript]
        if EXTRA_JAVASCRIPT in listed:
            config.extra_javascript[listed.index(EXTRA_JAVASCRIPT)] = script
        else:
            config.extra_javascript.append(script)
        return config

    def _follow_incident(self, config: MkDocsConfig, settings: SiteSettings) -> None:
        """Site name, description, theme language and palette names from ``incident.yml``."""
        config.site_name = settings.name
        config.site_description = settings.description
        available = {
            path.stem for folder in config.theme.dirs for path in Path(folder, "partials", "languages").glob("*.html")
        }
        wanted = theme_language(settings.language, available)
        written = _theme_setting(config, "language")
        if written is not None and written != wanted:
            raise PluginError(
                f"mkdocs.yml sets theme.language to '{written}', but the explainer's language in incident.yml is"
                f" '{settings.language}': remove theme.language from mkdocs.yml (it follows incident.yml) or make"
                " them agree"
            )
        config.theme["language"] = wanted
        palettes = config.theme["palette"]
        if isinstance(palettes, list):
            for index, palette in enumerate(palettes):
                toggle = palette.get("toggle") if isinstance(palette, dict) else None
                if isinstance(toggle, dict) and not toggle.get("name"):
                    following = palettes[(index + 1) % len(palettes)]
                    scheme = following.get("scheme", "default") if isinstance(following, dict) else "default"
                    names = settings.palette_names
                    toggle["name"] = names.get(scheme, names["default"])

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        settings = self.settings
        env.globals["explainer_og_locale"] = settings.og_locale if settings else None
        # The footer's credit line; %(tool)s is where the theme's partial puts the link to Material.
        env.globals["explainer_made_with"] = settings.made_with if settings else None
        # The Atom feed of updates and corrections, announced in every page's <head>.
        env.globals["explainer_feed"] = settings.feed if settings and self.last_pages else None
        env.globals["explainer_feed_title"] = settings.feed_title if settings else None
        # Each page's versions in the explainer's languages: same page, each language's folder.
        env.globals["explainer_versions"] = self.versions
        # The theme's templates, compiled once for all the builds of this process (see compiled.py):
        # a preview's rebuilds, each language of a translated site.
        env.bytecode_cache = compiled.cache_for(f"theme {type(config).__module__.split('.')[0]}")
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        content_dir = self._content_dir(config)
        for file in list(files):  # a site's page templates are read by the generator, not published
            if file.src_uri.endswith(TEMPLATE_SUFFIX) and not file.is_documentation_page():
                files.remove(file)
        timings = Timings()
        try:
            output = generate(
                content_dir,
                timings,
                self._template_dirs(config),
                config.site_url or None,
                config.site_author,
                drafts=self.serving,  # the preview shows placeholders, marked; a build refuses them
                language=self.config.translation,
            )
        except ContentError as error:
            report = error.format(content_dir.absolute().parent)
            self.report = BuildReport(problems=report.splitlines())
            if not self.serving:
                raise PluginError(f"the explainer's content has {len(error.problems)} problem(s):\n{report}") from None
            # In the live preview, say it in the terminal and on every page until it is mended.
            log.error("the explainer's content has %d problem(s):\n%s", len(error.problems), report)
            language = self.settings.language if self.settings else None
            error_page = problems_page(report.splitlines(), language, self._template_dirs(config))
            for path in self.last_pages or [path for _, path in self._nav()]:
                if files.get_file_from_path(path) is None:
                    files.append(File.generated(config, path, content=error_page, inclusion=InclusionLevel.NOT_IN_NAV))
            return files
        if self.serving:
            self._flag_placeholders(content_dir)
        self.last_pages = sorted(output.pages)
        self.lastmod = output.lastmod
        self.settings = output.settings
        self.report = BuildReport(records=output.records, pages=len(output.pages), stages=dict(timings.stages))

        if Path(config.docs_dir).absolute() == content_dir.absolute():
            # Nothing in the content folder is published as it is: the record files are input, and
            # any other file stopped the build or is one the editors keep unpublished ('ignore').
            docs = Path(config.docs_dir).absolute()
            for file in list(files):
                if file.abs_src_path and Path(file.abs_src_path).absolute().is_relative_to(docs):
                    files.remove(file)
        nav_pages = {path for _, path in output.nav}
        for path, text in sorted(output.files().items()):
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"'{path}' in {config.docs_dir} has the name of a generated page: rename it")
            inclusion = (
                InclusionLevel.UNDEFINED if path in nav_pages or not path.endswith(".md") else InclusionLevel.NOT_IN_NAV
            )
            file = File.generated(config, path, content=text, inclusion=inclusion)
            if path in output.edit_paths:  # "edit this page" opens the YAML the page's records are in
                file.edit_uri = output.edit_paths[path]
            files.append(file)
        for path, data in sorted(output.binaries.items()):  # the pictures' sizes
            files.append(File.generated(config, path, content=data))
        try:  # plotly.js, which draws the charts
            files.append(File.generated(config, PLOTLY_PATH, content=plotly_bundle()))
        except AssetError as error:
            raise PluginError(str(error)) from None
        return files

    def _flag_placeholders(self, content_dir: Path) -> None:
        """In the live preview, text still to be written shows on the pages (marked ✎) and here."""
        found = [
            problem
            for path in sorted(content_dir.glob("*.yml"))
            for loaded in [load_yaml(path)[0]]
            if loaded is not None
            for problem in placeholders(loaded)
        ]
        if found:
            shown = "\n".join(p.format(content_dir.absolute().parent) for p in found[:10])
            more = f"\n... and {len(found) - 10} more" if len(found) > 10 else ""
            log.warning(
                "%d placeholder(s) still to write; a build refuses to publish them:\n%s%s", len(found), shown, more
            )

    def _nav(self) -> list[tuple[str, str]]:
        if self.settings:
            return self.settings.nav
        pages = Pages()
        return [(title, getattr(pages, name)) for name, title in NAV.items()]

    def on_page_markdown(self, markdown: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        # The sitemap's <lastmod>: the day the page's records last changed, not the day of the build.
        day = self.lastmod.get(page.file.src_uri)
        if day is not None:
            page.update_date = day
        return markdown

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        # Every page gets its Content-Security-Policy, with the hashes of its own inline scripts.
        return csp.apply(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return csp.apply(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # The live preview of the original serves every translation too, at /<language>/ as published.
        if not self.serving or self.config.translation:
            return
        original = read_incident(self._content_dir(config))
        languages = list(original.translations or []) if original is not None else []
        for language, lines in publish.preview_translations(config, languages).items() if languages else ():
            for line in lines:
                log.warning("translation into '%s': %s", language, line)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        content_dir = self._content_dir(config)
        if content_dir.absolute() != Path(config.docs_dir).absolute():
            server.watch(str(content_dir))
        return server


def _theme_setting(config: MkDocsConfig, name: str) -> Any:
    """A theme setting as mkdocs.yml itself writes it (None when it leaves it to the theme)."""
    for user_config in reversed(getattr(config, "user_configs", [])):
        theme = user_config.get("theme") if isinstance(user_config, dict) else None
        if isinstance(theme, dict) and name in theme:
            return theme[name]
    return None
