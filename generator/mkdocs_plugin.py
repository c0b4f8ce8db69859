"""The one module that knows MkDocs: runs the generator inside ``mkdocs build`` and ``mkdocs serve``.

Enable it in ``mkdocs.yml`` with ``plugins: [search, explainer]``. Generated pages are handed to
MkDocs as in-memory files, so nothing is written into the content folder; the record files
themselves are not published.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .assets import EXTRA_CSS, EXTRA_JAVASCRIPT, PLOTLY_JS, THEME_DIR, plotly_js_file
from .errors import ContentError
from .mkdocs_report import write_report
from .pipeline import Timings, generate
from .render.pages import NAV, problems_page

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class ExplainerConfig(Config):
    content_dir = c.Optional(c.Dir(exists=True))
    """Folder of the record files; defaults to ``docs_dir``."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    serving = False
    """True under ``mkdocs serve``: content errors then become a page instead of stopping the server."""
    last_pages: list[str] = []
    """Pages of the last good build, so each of them can show the errors while they last."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def _content_dir(self, config: MkDocsConfig) -> Path:
        return Path(self.config.content_dir or config.docs_dir)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.nav:
            config.nav = [{title: path} for title, path in NAV]
        # The explainer's templates and assets come right after the site's own custom_dir, so a
        # site can still override any of them.
        dirs = config.theme.dirs
        if str(THEME_DIR) not in dirs:
            custom = config.theme.custom_dir
            dirs.insert(1 if custom and dirs and dirs[0] == custom else 0, str(THEME_DIR))
        if EXTRA_CSS not in [str(item) for item in config.extra_css]:
            config.extra_css.append(EXTRA_CSS)
        if EXTRA_JAVASCRIPT not in [str(item) for item in config.extra_javascript]:
            config.extra_javascript.append(EXTRA_JAVASCRIPT)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        content_dir = self._content_dir(config)
        timings = Timings()
        try:
            output = generate(content_dir, timings)
        except ContentError as error:
            report = error.format(content_dir.absolute().parent)
            write_report(problems=report.splitlines())
            if not self.serving:
                raise PluginError(f"the explainer's content has {len(error.problems)} problem(s):\n{report}") from None
            # In the live preview, say it in the terminal and on every page until it is mended.
            log.error("the explainer's content has %d problem(s):\n%s", len(error.problems), report)
            error_page = problems_page(report.splitlines())
            for path in self.last_pages or [path for _, path in NAV]:
                if files.get_file_from_path(path) is None:
                    files.append(File.generated(config, path, content=error_page, inclusion=InclusionLevel.NOT_IN_NAV))
            return files
        self.last_pages = sorted(output.pages)
        write_report(records=output.records, pages=len(output.pages), stages=timings.stages)

        if Path(config.docs_dir).absolute() == content_dir.absolute():
            for file in list(files):  # the record files are input, not pages
                if file.src_uri.endswith((".yml", ".yaml")) and "/" not in file.src_uri:
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
        files.append(File.generated(config, PLOTLY_JS, abs_src_path=str(plotly_js_file())))
        return files

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        content_dir = self._content_dir(config)
        if content_dir.absolute() != Path(config.docs_dir).absolute():
            server.watch(str(content_dir))
        return server
