"""The one place that knows site engines: which are installed, and how each one loads its own
configuration and builds or serves a site, in this process.

MkDocs 1.6 and ProperDocs (its maintained fork) share one plugin API, so the explainer plugin
(:mod:`generator.mkdocs_plugin`) runs inside either. The command line talks to the plugin
directly: after a build it reads what the plugin found (content problems, records, pages, the time
of each stage) from the plugin object the engine loaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError

PLUGIN = "explainer"
"""The plugin's name in the engine's configuration."""


PREVIEW_LANGUAGE = "EXPLAINER_PREVIEW_LANGUAGE"
"""Set by ``explainer serve --language es``: the plugin's live preview shows that translation."""


@dataclass(frozen=True)
class Engine:
    """A static site engine with MkDocs 1.x's Python API."""

    name: str
    """What editors type: ``explainer build --engine NAME``."""
    package: str
    """The Python package that provides it."""
    prepare: str | None = None
    """A module to import before any other: ProperDocs' makes ``mkdocs.*`` imports (Material's
    plugins, ours) resolve to ``properdocs.*``, as its own command line does."""

    def available(self) -> bool:
        return importlib.util.find_spec(self.package) is not None

    def _module(self, name: str) -> Any:
        if self.prepare:
            importlib.import_module(self.prepare)
        return importlib.import_module(f"{self.package}.{name}")

    def load_config(self, config_file: Path, **overrides: Any) -> Any:
        """The engine's configuration, read by the engine's own loader (``!ENV``, ``INHERIT``...)."""
        return self._module("config").load_config(config_file=str(config_file), **overrides)

    def build(self, config: Any) -> None:
        """Build the site ``config`` describes; raises :attr:`failure` when the engine gives up."""
        config.plugins.on_startup(command="build", dirty=False)
        try:
            self._module("commands.build").build(config)
        finally:
            config.plugins.on_shutdown()

    def serve(self, config_file: Path, address: str) -> None:
        """The engine's live preview, rebuilding on every change, until interrupted."""
        self._module("commands.serve").serve(config_file=str(config_file), livereload=True, dev_addr=address)

    @property
    def failure(self) -> type[Exception]:
        """What the engine raises when a build stops (after logging why)."""
        return self._module("exceptions").Abort

    @property
    def config_error(self) -> type[Exception]:
        return self._module("exceptions").ConfigurationError


@dataclass(frozen=True)
class FolderEngine:
    """An engine that cannot run the explainer plugin: it builds the generated site folder
    (:mod:`generator.folder`) with its own command, in a child process."""

    name: str
    package: str
    theme: tuple[tuple[str, str], ...] = ()
    """Theme settings this engine needs in the generated configuration."""
    own_partials: tuple[str, ...] = ()
    """Theme partials the engine keeps its own of: the explainer's copies of Material 9.8's would
    replace them (Zensical's header holds its own search)."""

    bundle_styles: bool = False
    """Whether the engine's script adds a ``<style>`` of its own (Zensical's search, in a shadow
    root): the page's Content-Security-Policy then allows that exact text, by its hash."""

    def available(self) -> bool:
        return importlib.util.find_spec(self.package) is not None

    def inline_styles(self, site: Path) -> list[str]:
        """The text of each ``<style>`` the engine's built script adds (see :attr:`bundle_styles`),
        read from the script itself: a string constant handed to a new ``style`` element."""
        if not self.bundle_styles:
            return []
        found = []
        for bundle in sorted(site.glob("assets/javascripts/bundle.*.min.js")):
            script = bundle.read_text(encoding="utf-8")
            for name in re.findall(r"\(\s*\"style\"\s*,\s*\{\s*\}\s*,\s*([A-Za-z_$][\w$]*)\.toString\(\)\s*\)", script):
                constant = re.search(rf"(?:\bvar |,){re.escape(name)}='([^'\\]*)'", script)
                if constant:
                    found.append(constant.group(1))
        return found

    def build_folder(self, folder: Path) -> subprocess.CompletedProcess[str]:
        """Build ``folder``'s configuration into ``folder/site``."""
        command = [sys.executable, "-m", self.package, "build", "-f", str(folder / "mkdocs.yml")]
        return subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)


ENGINES: tuple[Engine | FolderEngine, ...] = (
    Engine("mkdocs", "mkdocs"),
    Engine("properdocs", "properdocs", "properdocs.replacement"),
    # Zensical's default look fails colour contrast; its classic variant is Material's.
    FolderEngine(
        "zensical",
        "zensical",
        (("variant", "classic"),),
        ("partials/header.html", "partials/search.html"),
        bundle_styles=True,
    ),
)
"""The engines ``explainer build`` can run, in the order it prefers them."""


def reader() -> Engine:
    """The engine that reads a project's configuration (it names the plugin, which only runs there)."""
    for engine in ENGINES:
        if isinstance(engine, Engine) and engine.available():
            return engine
    raise UsageError("reading the site configuration needs mkdocs or properdocs: pip install mkdocs")


def choose(name: str | None = None) -> Engine | FolderEngine:
    """The engine called ``name``, or the first one installed."""
    if name is None:
        for engine in ENGINES:
            if engine.available():
                return engine
        raise UsageError("no site engine is installed: pip install mkdocs (or properdocs)")
    found = next((engine for engine in ENGINES if engine.name == name), None)
    if found is None:
        raise UsageError(f"unknown engine '{name}': use one of {', '.join(engine.name for engine in ENGINES)}")
    if not found.available():
        raise UsageError(f"the engine '{name}' is not installed: pip install {found.package}")
    return found


def plugin_of(config: Any) -> Any:
    """The explainer plugin the engine loaded from the configuration."""
    plugin = config.plugins.get(PLUGIN) if hasattr(config.plugins, "get") else None
    if plugin is None:
        raise UsageError(f"the configuration does not enable the '{PLUGIN}' plugin: add it under plugins")
    return plugin


@dataclass
class Messages:
    """What the engine logged at warning level or above during a build."""

    lines: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self, messages: Messages):
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.lines.append(f"{record.levelname}: {record.getMessage()}")


@contextmanager
def quiet(engine: Engine, environment: dict[str, str]) -> Iterator[Messages]:
    """Collect the engine's warnings and errors instead of printing them, with ``environment`` set."""
    messages = Messages()
    handler = _Collect(messages)
    logger = logging.getLogger(engine.package)
    saved_env = {key: os.environ.get(key) for key in environment}
    os.environ.update(environment)
    logger.addHandler(handler)
    saved_level, saved_propagate = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved_level)
        logger.propagate = saved_propagate
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
