"""Building the site folder with an engine, atomically: ``site/`` is replaced only by a complete build.

Two ways, by engine: an engine that runs the explainer's plugin (MkDocs, ProperDocs) builds the
project as it is, in strict mode; another builds the plain folder :mod:`generator.folder` writes.
Either way the result is a :class:`Built`: the build's report and what the engine printed; the
command line says it. Builds are stamped with the explainer's "as of" day (``SOURCE_DATE_EPOCH``),
so two builds of the same content give the same files.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import csp, engines
from . import folder as site_folder
from .assets import EXTRA_JAVASCRIPT
from .errors import UsageError
from .pipeline import BuildReport, Timings, generate, read_incident
from .settings import translation_url, versions
from .write import replace_dir, write_files

SITE_MARKER = ".explainer-site"
"""A file in every site ``explainer build`` makes: it replaces a site folder only when the folder
holds it, looks like a site an earlier version built (see :func:`check_site`), or is empty."""
SITE_MARKER_TEXT = (
    "This folder was built by `explainer build`, which replaces it whole each time it runs.\n"
    "Do not keep anything of your own here.\n"
)


class SiteError(UsageError):
    """The site folder is not one ``explainer build`` may replace."""


def check_site(site: Path) -> None:
    """Refuse to replace ``site`` unless it is absent or a site folder ``explainer build`` made.

    A folder is one when it holds :data:`SITE_MARKER`, or, built by a version from before the
    marker, when it has the pages' ``index.html`` and the explainer's own script
    (``assets/javascripts/explainer.js``, in every site the generator has built). An empty folder
    is fine too. Anything else (a file, a symbolic link, a folder of other things) stays as it is.
    """
    shown_site = shown(site)
    again = "move it out of the way, or build into another folder with --site-dir"
    if site.is_symlink():
        raise SiteError(f"{shown_site} is a symbolic link, not a site folder explainer build made: {again}")
    if not site.exists():
        return
    if not site.is_dir():
        raise SiteError(f"{shown_site} is a file, not a site folder explainer build made: {again}")
    if (site / SITE_MARKER).is_file():
        return
    if (site / "index.html").is_file() and (site / EXTRA_JAVASCRIPT).is_file():
        return  # built before sites were marked
    found = sorted(path.name for path in site.iterdir())
    if found:
        raise SiteError(
            f"{shown_site}/ is not a site folder explainer build made (it holds {len(found)} file(s) or folder(s),"
            f" such as '{found[0]}', and no {SITE_MARKER}): {again}"
        )


def _mark(folder: Path) -> None:
    (folder / SITE_MARKER).write_text(SITE_MARKER_TEXT, encoding="utf-8")


@dataclass(frozen=True, kw_only=True)
class Built:
    """How a build went: ``ok``, its report, the engine's own lines when it failed, and its stages."""

    ok: bool
    report: BuildReport
    engine_lines: list[str] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)
    """Seconds per stage, the engine's last."""
    records: int | None = None
    pages: int | None = None
    strict: bool = False
    """Whether the engine ran in strict mode (any warning fails the build)."""


class _Failed(Exception):
    def __init__(self, lines: list[str], report: BuildReport | None = None):
        super().__init__(len(lines))
        self.lines = lines
        self.report = report or BuildReport()


def where_to_run(missing: str) -> str:
    """Where to run the command from, when ``missing`` is not here (run from a sub-folder)."""
    for folder in [Path.cwd().parent.absolute(), *Path.cwd().parent.absolute().parents]:
        if (folder / "mkdocs.yml").is_file():
            hop = os.path.relpath(folder)
            return f"{missing} not found here: run explainer from the project's folder, {folder} (cd {hop})"
    return f"{missing} not found: run explainer from an explainer project's folder (explainer init starts one)"


def load_config(engine: engines.Engine, config_file: Path, **overrides: Any) -> Any:
    """The engine's own reading of the configuration (``!ENV``, ``INHERIT``, defaults), or one clear line."""
    if not config_file.is_file():
        if config_file == Path("mkdocs.yml"):
            raise UsageError(where_to_run("the site configuration mkdocs.yml"))
        raise UsageError(f"site configuration '{config_file}' not found")
    try:
        return engine.load_config(config_file, **overrides)
    except engine.config_error as error:
        raise UsageError(f"{config_file}: {error}") from None


def project_of(settings: Any) -> site_folder.Project:
    """What a generated folder keeps from the project's configuration (read by the engine)."""
    return site_folder.Project(settings.repo_url, settings.edit_uri, tuple(settings.theme.get("features", ())))


def source_date_epoch(content: Path) -> str | None:
    """The explainer's "as of" day as a Unix time (None when incident.yml has a problem: the build reports it)."""
    incident = read_incident(content)
    if incident is None:
        return None
    as_of = incident.as_of
    return str(int(dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC).timestamp()))


def content_of(settings: Any) -> Path:
    """The content folder the project's configuration names (the plugin's ``content_dir``, else ``docs_dir``)."""
    plugin = engines.plugin_of(settings)
    return Path(plugin.config.content_dir or settings.docs_dir)


def translation_of(settings: Any, language: str) -> str:
    """``language``, when it is one of the explainer's translations; else a clear usage error."""
    incident = read_incident(content_of(settings))
    if incident is not None and language not in (incident.translations or []):
        listed = ", ".join(incident.translations or []) or "it lists none"
        raise UsageError(f"--language {language}: not one of the translations in incident.yml ({listed})")
    return language


def build(engine: engines.Engine | engines.FolderEngine, config_file: Path, site: Path,
          say: Callable[[str], None]) -> Built:  # fmt: skip
    """Build the project into ``site`` with ``engine``; ``site`` is left as it was unless it succeeds.

    Raises :class:`SiteError` when ``site`` is not a folder it may replace (before any work)."""
    check_site(site)
    if isinstance(engine, engines.FolderEngine):
        return _build_folder(engine, config_file, site, say)
    return _build_with_plugin(engine, config_file, site, say)


def _build_with_plugin(engine: engines.Engine, config_file: Path, site: Path, say: Callable[[str], None]) -> Built:
    content = content_of(load_config(engine, config_file))
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch(content)
    environment = {
        **({"SOURCE_DATE_EPOCH": epoch} if epoch else {}),
        "NO_MKDOCS_2_WARNING": "1",  # the notice about Material's end of life is for maintainers, not editors
    }
    seconds = 0.0
    report = BuildReport()

    incident = read_incident(content)
    languages = list(incident.translations or []) if incident is not None else []

    def run(folder: Path) -> None:
        nonlocal seconds, report
        say(f"[1/2] checking {shown(content)}/, generating the pages and running {engine.name} build --strict ...")
        begun = time.perf_counter()
        site_url = load_config(engine, config_file).site_url
        urls = {language: translation_url(site_url, language) for language in languages}
        # Translations build in other processes while this one builds the original, each into a
        # hidden folder (a build empties its folder but for hidden entries), moved in place after.
        pool = _pool(len(languages))
        asked = {
            language: pool.submit(_build_language, engine.name, config_file, folder / f".{language}", language,
                                  urls[language], environment)
            for language in languages
        } if pool else {}  # fmt: skip
        try:
            report = _build_one(engine, config_file, folder, None, None, environment)
            for language in languages:
                say(f"      ... and its translation into '{language}', in {shown(site)}/{language}/")
                if language in asked:
                    lines, translated = asked[language].result()
                    if lines is not None:
                        raise _Failed(lines, translated)
                    (folder / f".{language}").rename(folder / language)
                else:
                    translated = _build_one(engine, config_file, folder / language, language, urls[language],
                                            environment)  # fmt: skip
                report = BuildReport(
                    records=report.records,
                    pages=(report.pages or 0) + (translated.pages or 0),
                    stages={name: value + translated.stages.get(name, 0.0) for name, value in report.stages.items()},
                )
        except _Failed as failure:
            report = failure.report
            raise
        finally:
            if pool:
                pool.shutdown(cancel_futures=True)
            seconds = time.perf_counter() - begun
        _mark(folder)

    try:
        replace_dir(site, run, check_site)
    except _Failed as failure:
        return Built(ok=False, report=report, engine_lines=failure.lines)
    stages = {**report.stages, f"{engine.name} (including the above)": seconds}
    return Built(ok=True, report=report, stages=stages, records=report.records, pages=report.pages, strict=True)


def _build_one(
    engine: engines.Engine,
    config_file: Path,
    folder: Path,
    language: str | None,
    site_url: str | None,
    environment: dict[str, str],
    strict: bool = True,
) -> BuildReport:
    """One language's site into ``folder`` (``None``: the original), in strict mode unless not ``strict``."""
    overrides: dict[str, Any] = {"site_dir": str(folder.absolute()), "strict": strict}
    if site_url:
        overrides["site_url"] = site_url
    config = load_config(engine, config_file, **overrides)
    engines.plugin_of(config).config.translation = language
    with engines.quiet(engine, environment) as messages:
        try:
            engine.build(config)
        except engine.failure:
            raise _Failed(messages.lines, engines.plugin_of(config).report) from None
    return engines.plugin_of(config).report


def _build_language(
    engine_name: str,
    config_file: Path,
    folder: Path,
    language: str,
    site_url: str | None,
    environment: dict[str, str],
    strict: bool = True,
) -> tuple[list[str] | None, BuildReport]:
    """:func:`_build_one` in a process of its own: (the engine's lines if it failed, the report)."""
    engine = next(e for e in engines.ENGINES if e.name == engine_name and isinstance(e, engines.Engine))
    try:
        return None, _build_one(engine, config_file, folder, language, site_url, environment, strict)
    except _Failed as failure:
        return failure.lines, failure.report


def preview_translations(config: Any, languages: list[str]) -> dict[str, list[str]]:
    """Under the live preview, each language's site into ``<site_dir>/<language>/`` beside the
    original's, by the engine previewing it; language -> what the engine said if it failed.

    Each builds in a process of its own: the engine keeps one instance of each plugin per process,
    and the preview's is in the middle of its own build."""
    engine = next(
        e for e in engines.ENGINES if isinstance(e, engines.Engine) and type(config).__module__.startswith(e.package)
    )
    context = multiprocessing.get_context("spawn")
    failed: dict[str, list[str]] = {}
    with concurrent.futures.ProcessPoolExecutor(max_workers=len(languages) or 1, mp_context=context) as pool:
        asked = {
            language: pool.submit(
                _build_language, engine.name, Path(config.config_file_path), Path(config.site_dir) / language,
                language, translation_url(config.site_url, language), {}, False,
            )
            for language in languages
        }  # fmt: skip
        for language, future in asked.items():
            lines, _ = future.result()
            if lines is not None:
                failed[language] = lines or [f"the preview of the translation into '{language}' failed"]
    return failed


def _pool(translations: int) -> concurrent.futures.ProcessPoolExecutor | None:
    """Processes for the translations' builds, where the machine has a core to spare for them."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if not translations or cores < 2:
        return None
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing inherited half-way
    return concurrent.futures.ProcessPoolExecutor(max_workers=min(translations, cores - 1), mp_context=context)


def _build_folder(engine: engines.FolderEngine, config_file: Path, site: Path, say: Callable[[str], None]) -> Built:
    """An engine that cannot run the plugin: generate the site folder, then build it."""
    settings = load_config(engines.reader(), config_file)
    content = content_of(settings)
    site_url = settings.site_url or None
    say(f"[1/2] checking {shown(content)}/, generating the pages and running {engine.name} build ...")
    timings = Timings()
    template_dirs = [Path(settings.theme.custom_dir)] if settings.theme.custom_dir else []
    original = read_incident(content)
    sites: list[tuple[str, dict[str, str | bytes]]] = []  # (folder in the site, files of its source folder)
    pages = 0
    for language in [None, *((original.translations or []) if original else [])]:
        url = translation_url(site_url, language) if language else site_url
        output = generate(content, timings, template_dirs, url, language=language)
        chosen = versions(original, language, url) if original else []
        files = site_folder.files(
            output, url, project_of(settings), dict(engine.theme), engine.own_partials, versions=chosen
        )
        sites.append((language or "", files))
        pages += len(output.pages)
    seconds = 0.0

    def run(folder: Path) -> None:
        nonlocal seconds
        begun = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="explainer-") as work:
            for name, files in sites:
                if name:
                    say(f"      ... and its translation into '{name}', in {shown(site)}/{name}/")
                source = Path(work) / (name or "original")
                write_files(source, files)
                result = engine.build_folder(source)
                if result.returncode != 0 or not (source / "site" / "index.html").is_file():
                    raise _Failed([result.stderr + result.stdout])
                styles = engine.inline_styles(source / "site")
                for page in (source / "site").rglob("*.html"):  # the policy the plugin writes, here after the build
                    page.write_text(csp.apply(page.read_text(encoding="utf-8"), styles), encoding="utf-8")
                shutil.copytree(source / "site", folder / name, dirs_exist_ok=True)
        seconds = time.perf_counter() - begun
        _mark(folder)

    report = BuildReport(records=output.records, pages=pages, stages=dict(timings.stages))
    try:
        replace_dir(site, run, check_site)
    except _Failed as failure:
        return Built(ok=False, report=report, engine_lines=failure.lines)
    stages = {**timings.stages, f"{engine.name} build": seconds}
    return Built(ok=True, report=report, stages=stages, records=output.records, pages=pages)


def shown(path: Path) -> str:
    """A path as the editor would type it: relative to here when it is below, else as given."""
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix() or "."
    except ValueError:
        return path.as_posix()
