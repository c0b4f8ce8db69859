"""``explainer``: validate, build, preview or export an explainer from the command line.

This is the boundary where content errors become ``path:line:col: message`` lines and exit
status 1, and where what the system refuses (a full disk, a folder that cannot be written) becomes
one line saying what and where, with exit status 1. Anything else that fails is a bug and keeps its
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from . import __version__, catalogs, engines, i18n, importer, publish, scaffold, stops, translate, translations
from . import folder as site_folder
from .assets import AssetError
from .errors import ContentError, UsageError
from .hints import suggest
from .link import Explainer
from .pipeline import build_explainer, generate
from .registry import KINDS
from .write import sync_files, write_files

EXIT_CONTENT = 1
EXIT_USAGE = 2


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def os_reason(error: OSError) -> str:
    """What the system refused, in words, with the file or folder it was about."""
    reason = error.strerror or str(error) or type(error).__name__
    where = error.filename
    shown = f" ({publish.shown(Path(os.fsdecode(where)))})" if isinstance(where, str | bytes | os.PathLike) else ""
    return reason[:1].lower() + reason[1:] + shown


def _content_dir(value: str | None) -> Path:
    path = Path(value or "content")
    if not path.is_dir():
        if value is None:
            raise UsageError(publish.where_to_run("the content folder 'content'"))
        raise UsageError(f"content folder '{path}' not found")
    return path


def cmd_validate(args: argparse.Namespace) -> int:
    content = _content_dir(args.content_dir)
    if args.format == "json":
        try:
            build_explainer(content)
        except ContentError as error:
            problems = [
                {"path": publish.shown(p.path), "line": p.line, "column": p.column, "message": p.message}
                for p in error.problems
            ]
            print(json.dumps(problems, indent=2, ensure_ascii=False))
            return EXIT_CONTENT
        print("[]")
        return 0
    try:
        explainer = build_explainer(content)
    except ContentError as error:
        print(error.format(Path.cwd()), file=sys.stderr)
        _say(f"{len(error.problems)} problem(s) found")  # validate never builds: nothing else to say
        return EXIT_CONTENT
    records = sum(len(getattr(explainer, kind.key)) for kind in KINDS)
    _say(f"{content}: {records} records, no problems")
    behind = _translation_status(content, explainer)
    if behind and args.strict_translations:
        _say(f"{behind} translated field(s) missing or older than the original (--strict-translations)")
        return EXIT_CONTENT
    return 0


def _translation_status(content: Path, explainer: Explainer) -> int:
    """Say how far each translation is; the number of fields missing or older than the original."""
    lines, behind = translate.progress(content, explainer.translations)
    for line in lines:
        _say(line)
    return behind


def cmd_translations(args: argparse.Namespace) -> int:
    content = _content_dir(args.content_dir)
    try:
        explainer = build_explainer(content, drafts=True)
    except ContentError as error:
        print(error.format(Path.cwd()), file=sys.stderr)
        _say(f"{len(error.problems)} problem(s) found: mend them first (explainer validate)")
        return EXIT_CONTENT
    if not (args.language or explainer.translations):
        _say("this explainer has no translations: list their languages in incident.yml, e.g. translations: [es]")
    for language in args.language or list(explainer.translations):
        translated = explainer.translations.get(language)
        if translated is None:
            raise UsageError(
                f"'{language}' is not a translation of this explainer{suggest(language, explainer.translations)};"
                f" its translations: {', '.join(explainer.translations) or 'none (translations: in incident.yml)'}"
            )
        if args.update:  # the editor asks: the one write into the content folder this command makes
            path = content / language / translations.TRACKING_FILE
            path.parent.mkdir(exist_ok=True)
            path.write_text(translate.tracking(translated), encoding="utf-8")
            _say(f"wrote {publish.shown(path)}: {len(translated.given)} translated field(s) marked up to date")
            continue
        print("\n".join(translate.listing(translated, content / language, publish.shown)))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    content = _content_dir(args.content_dir)
    about = list(args.about or [])
    if about and args.kind != "update":
        raise UsageError("--about is for updates: explainer new update --about RECORD-ID")
    if args.language:  # a translation of the record --id names, to fill in
        path = scaffold.append_translation(content, args.kind, args.id or "", args.language)
        _say(f"added a translation of '{args.id}' at the end of {publish.shown(path)}: write each field marked ✎")
        return 0
    ids = scaffold.used_ids(content)
    for record_id in about:
        if record_id not in ids:
            raise UsageError(f"--about: no record has the id '{record_id}'{suggest(record_id, ids)}")
    today = dt.date.today() if args.kind == "update" else None
    path = scaffold.append_record(content, args.kind, args.id, ids, about=about, today=today)
    where = publish.shown(path)
    _say(f"added a new {args.kind} at the end of {where}: fill in its fields, then run explainer validate")
    if args.kind == "update":
        _say("then move 'as_of' in incident.yml to the update's date if it is older")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    content = _content_dir(args.content_dir)
    written = scaffold.write_schemas(content)
    for path in written:
        _say(f"wrote {publish.shown(path)}")
    _say(f"schemas in {publish.shown(content / scaffold.SCHEMA_DIR)} are up to date ({len(written)} file(s) changed)")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    today = dt.date.today().isoformat()
    written = scaffold.init_project(folder, args.title, today, __version__, args.licence, args.source)
    _say(f"started a new explainer in {folder}/ ({len(written)} files); its README.md says what to do next:")
    _say(f"  cd {folder} && explainer serve     (a preview at http://127.0.0.1:8000/ that follows your edits)")
    _say("  edit the records in content/ (each '✎' marks text still to write), then: explainer build")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    content = _content_dir(args.content_dir)
    project = site_folder.Project()
    config_file = Path(args.config_file)
    keep: list[Path] = [content]
    if config_file.is_file():  # the project's own settings, read by the engine: address, repository, features
        settings = publish.load_config(engines.reader(), config_file)
        project = publish.project_of(settings)
        site_url = args.site_url or settings.site_url or None
        keep += [Path(settings.theme.custom_dir)] if settings.theme.custom_dir else []
    else:
        site_url = args.site_url or os.environ.get("SITE_URL") or None
    out = Path(args.out)
    site_folder.check_out(out, keep, config_file.absolute().parent)  # before any work
    output = generate(content, site_url=site_url)
    files = site_folder.files(output, site_url, project)
    if out.is_dir() and (out / site_folder.MARKER).is_file():
        # A folder generated before: change it in place, so a live preview watching it follows.
        try:
            written, removed = sync_files(out, files)
        except OSError as error:
            _say(f"explainer: could not update {args.out}/: {os_reason(error)}; some of its files may be new and"
                 " some old: run explainer generate again once mended")  # fmt: skip
            return EXIT_CONTENT
        _say(f"updated {args.out}/ in place: {written} file(s) written, {removed} removed")
        return 0
    try:
        write_files(out, files)
    except OSError as error:
        _say(f"explainer: could not write {args.out}/: {os_reason(error)}; {args.out}/ was left as it was")
        return EXIT_CONTENT
    _say(
        f"wrote {len(files)} files to {args.out}/: build it with {engines.choose(args.engine).name} build"
        f" -f {args.out}/mkdocs.yml"
    )
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    engine = engines.choose(args.engine)
    site = Path(args.site_dir)
    if args.strict_translations:  # checked before anything is built, so site/ stays as it is
        content = publish.content_of(publish.load_config(engines.reader(), Path(args.config_file)))
        with contextlib.suppress(ContentError):  # a problem in the content: the build reports it
            if behind := _translation_status(content, build_explainer(content)):
                _say(f"{behind} field(s) missing or older than the original (--strict-translations): {site}/ kept")
                return EXIT_CONTENT
    try:
        built = publish.build(engine, Path(args.config_file), site, _say)
    except OSError as error:
        _say(f"explainer: could not build {site}/: {os_reason(error)}; {site}/ was left as it was")
        return EXIT_CONTENT
    if not built.ok:
        if built.report.problems:
            print("\n".join(built.report.problems), file=sys.stderr)
            _say(f"{len(built.report.problems)} problem(s) found; nothing was built, {site}/ was left as it was")
        else:
            _say("\n".join(built.engine_lines).rstrip())
            _say(f"{engine.name} build failed; {site}/ was left as it was")
        return EXIT_CONTENT
    _say(f"[2/2] {site}/ replaced")
    timing = ", ".join(f"{name} {value:.2f}s" for name, value in built.stages.items())
    strict = " 0 warnings (strict mode fails on any)" if built.strict else ""
    _say(
        f"built {site}/ in {time.perf_counter() - started:.1f}s: {built.records} records, {built.pages} pages,"
        f"{strict} ({timing})"
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    engine = engines.choose(args.engine)
    if isinstance(engine, engines.FolderEngine):
        raise UsageError(
            f"{engine.name} cannot run the explainer plugin: preview with mkdocs or properdocs, or run"
            f" explainer generate --out build, then {engine.name} serve -f build/mkdocs.yml"
        )
    config_file = Path(args.config_file)
    settings = publish.load_config(engine, config_file)  # a clear message for a missing or broken configuration
    if args.language:  # the plugin previews this translation instead of the original
        os.environ[engines.PREVIEW_LANGUAGE] = publish.translation_of(settings, args.language)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C ends the preview, not with a traceback
        engine.serve(config_file, f"127.0.0.1:{args.port}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    found, written = importer.run(Path(args.source), _content_dir(args.content_dir), args.utc_offset)
    for number, why in sorted(found.skipped + found.notes):
        _say(f"{args.source}: row {number}: {why}")
    if found.title:
        _say(f"its title row ('{found.title['title']}'): incident.yml is kept as it is; copy it there by hand")
    events = len(found.records.get("events.yml", []))
    _say(f"imported {events} event(s) into {', '.join(publish.shown(p) for p in written) or 'nothing'}:"
         " write each field marked ✎, then run explainer validate")  # fmt: skip
    return 0 if events else 1


def cmd_catalogs(args: argparse.Namespace) -> int:
    folder = i18n.LOCALES_DIR if args.package else Path(i18n.PROJECT_LOCALES)
    if args.init:
        path = catalogs.init(args.init, folder)
        _say(
            f"started {publish.shown(path)}: translate each msgstr (an untranslated one shows the generator's own"
            " translation, or the English), then run explainer catalogs --check"
        )
        return 0
    if not folder.is_dir():
        _say(f"no {publish.shown(folder)}/ folder here: explainer catalogs --init LANGUAGE starts a catalog in it")
        return 0
    reports = catalogs.update(check=args.check, folder=folder)
    failed = False
    for report in reports:
        problems = []
        if report.stale:
            problems.append("out of step with the messages (run explainer catalogs)" if args.check else "updated")
        if report.untranslated:
            problems.append(f"{len(report.untranslated)} untranslated")
        if report.fuzzy:
            problems.append(f"{len(report.fuzzy)} fuzzy (check the translation, then remove the fuzzy flag)")
        _say(f"{report.catalog}: " + ("; ".join(problems) if problems else "complete and up to date"))
        for message in [*report.untranslated, *report.fuzzy][:20]:
            _say(f"    {message}")
        failed = failed or bool(report.untranslated or report.fuzzy or (args.check and report.stale))
    return EXIT_CONTENT if failed else 0


CONTENT_HELP = "folder of record files (default: content)"


def _command(
    commands: Any, name: str, run: Any, summary: str, examples: list[str], description: str | None = None
) -> argparse.ArgumentParser:
    """One subcommand, with its one-line help, its description and examples in ``--help``."""
    command = commands.add_parser(
        name,
        help=summary,
        description=description or summary[0].upper() + summary[1:] + ".",
        epilog="Examples:\n" + "\n".join(f"  {example}" for example in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.set_defaults(run=run)
    return command


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="explainer",
        description="Build an explainer site from an incident's YAML records.",
        epilog=(
            "Examples:\n  explainer validate content\n  explainer new event --id border-closed\n"
            "  explainer build\n  explainer serve --port 8001\n"
            '  explainer init ../next-story --title "Next story" --licence "CC BY 4.0"'
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = top.add_subparsers(dest="command", required=True)

    validate = _command(commands, "validate", cmd_validate, "check every record and print every problem",
                        ["explainer validate", "explainer validate content --format json"],
                        "Check every record file; print each problem as path:line:col: message. Exit 0 when"
                        " clean, 1 on content problems, 2 on usage errors.")  # fmt: skip
    validate.add_argument("content_dir", nargs="?", help=CONTENT_HELP)
    validate.add_argument("--format", choices=["text", "json"], default="text", help="how to print problems")
    validate.add_argument(
        "--strict-translations",
        action="store_true",
        help="fail (exit 1) while a translation lacks a field or has one older than the original",
    )

    translated = _command(
        commands,
        "translations",
        cmd_translations,
        "list the fields each translation does not give yet, or gives from an older original",
        ["explainer translations", "explainer translations es", "explainer translations es --update"],
        "For each language in 'translations:' in incident.yml, print how many fields content/LANGUAGE/"
        " translates, each still in the original's words and each older than the original.",
    )
    translated.add_argument("language", nargs="*", help="the languages to report (default: every translation)")
    up_to_date = f"record every translated field as up to date (writes content/LANGUAGE/{translations.TRACKING_FILE})"
    translated.add_argument("--update", action="store_true", help=up_to_date)
    translated.add_argument("--content-dir", help=CONTENT_HELP)

    new = _command(commands, "new", cmd_new, "append a new record, with every field explained, to its file",
                   ["explainer new event --id border-closed", "explainer new source",
                    "explainer new update --id date-corrected --about border-closed"],
                   "Append a new record to content/KIND.yml, keeping the rest of the file as it is.")  # fmt: skip
    new.add_argument("kind", choices=sorted(scaffold.KIND_FILES), help="the kind of record")
    new.add_argument("--id", help="the new record's id (checked against every id in use)")
    new.add_argument(
        "--about",
        action="append",
        metavar="RECORD-ID",
        help="for an update: a record it concerns (repeat for several); dated today",
    )
    new.add_argument("--language", help="append a translation, into this language, of the record --id names")
    new.add_argument("--content-dir", help=CONTENT_HELP)

    schema = _command(commands, "schema", cmd_schema,
                      "write the JSON Schema of every record file, for editors that complete and check YAML",
                      ["explainer schema content"])  # fmt: skip
    schema.add_argument("content_dir", nargs="?", help=CONTENT_HELP)

    init = _command(commands, "init", cmd_init, "start a new explainer in a new folder",
                    ['explainer init ../harbour-strike --title "Harbour strike" --licence "CC BY 4.0"'])  # fmt: skip
    init.add_argument("folder", help="the folder to create (must not exist or be empty)")
    init.add_argument(
        "--from",
        dest="source",
        metavar="WHEEL-OR-ADDRESS",
        help="where the new project installs the generator from, until a release is on PyPI: a wheel file"
        " (copied into vendor/) or a git+https:// address (default: incident-explainer==VERSION from PyPI)",
    )
    init.add_argument("--title", default="New explainer", help="the site's name")
    init.add_argument(
        "--licence",
        required=True,
        help="the licence others may reuse the records and open data under, e.g. 'CC BY 4.0' (no default:"
        " it is the publisher's choice; add its address as licence.url in content/incident.yml)",
    )

    build = _command(
        commands,
        "build",
        cmd_build,
        "validate, generate and build the site atomically",
        [
            "explainer build",
            "SITE_URL=https://example.org/story/ explainer build --site-dir public",
            "explainer build --engine properdocs",
        ],
        "Check the records, generate the pages and build the site (MkDocs or ProperDocs, strict, in"
        " this process) into a temporary folder that replaces the site folder only if everything succeeded.",
    )
    engine_help = (
        f"the site engine: {' or '.join(engine.name for engine in engines.ENGINES)}"
        " (default: the first of them installed)"
    )
    build.add_argument("--config-file", default="mkdocs.yml", help="the engine's configuration (default: mkdocs.yml)")
    build.add_argument("--site-dir", default="site", help="output folder (default: site)")
    build.add_argument(
        "--strict-translations",
        action="store_true",
        help="build nothing while a translation lacks a field or has one older than the original",
    )
    build.add_argument("--engine", choices=[engine.name for engine in engines.ENGINES], help=engine_help)

    serve = _command(commands, "serve", cmd_serve, "live preview on 127.0.0.1 that rebuilds when a record changes",
                     ["explainer serve", "explainer serve --port 8001"],
                     "Serve a live preview. Saving a record file rebuilds and reloads the page; a content problem"
                     " is printed here and shown on the preview's pages until it is mended.")  # fmt: skip
    serve.add_argument("--config-file", default="mkdocs.yml", help="the engine's configuration (default: mkdocs.yml)")
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    serve.add_argument("--engine", choices=[engine.name for engine in engines.ENGINES], help=engine_help)
    serve.add_argument("--language", help="preview only this translation, at / (else every language, at /LANG/)")

    catalogs_command = _command(
        commands,
        "catalogs",
        cmd_catalogs,
        "extract the reader-facing messages and update every language's catalog",
        ["explainer catalogs", "explainer catalogs --check", "explainer catalogs --init fr"],
        "Extract every message the pages, charts and chart script show readers, and update each"
        " catalog in the project's locales/ folder, which the build reads before the generator's own"
        " (with --package: the generator's own, generator/locales/). New messages come untranslated, unused"
        " ones are dropped. Exit 1 when a catalog has an untranslated or fuzzy message (or, with --check,"
        " is out of step).",
    )
    catalogs_command.add_argument("--check", action="store_true", help="change nothing; fail when out of step")
    catalogs_command.add_argument("--init", metavar="LANGUAGE", help="start a catalog for a new language, e.g. fr")
    catalogs_command.add_argument(
        "--package", action="store_true", help="the generator's own catalogs (for its developers), not the project's"
    )

    imported = _command(commands, "import", cmd_import, "bring a TimelineJS timeline over as records",
                        ["explainer import timelinejs sheet.csv", "explainer import timelinejs timeline.json"
                         " --utc-offset=-06:00"], importer.__doc__.split("\n\n")[1].replace("\n", " "))  # fmt: skip
    imported.add_argument("format", choices=["timelinejs"], help="the kind of timeline (TimelineJS's)")
    imported.add_argument("source", help="TimelineJS's spreadsheet template saved as CSV, or its JSON file")
    imported.add_argument("--utc-offset", help="the sheet's clock (--utc-offset=-06:00): minutes become exact times")
    imported.add_argument("--content-dir", help=CONTENT_HELP)

    generate_command = _command(
        commands,
        "generate",
        cmd_generate,
        "write a site folder any engine builds without the plugin",
        ["explainer generate content --out build", "explainer generate --out build --site-url https://example.org/x/"],
        "Write the generated pages, figures, data, plotly.js and theme, with a configuration (mkdocs.yml)"
        " holding everything the plugin sets, to a folder that MkDocs or ProperDocs builds as it is.",
    )
    generate_command.add_argument("content_dir", nargs="?", help=CONTENT_HELP)
    generate_command.add_argument("--out", required=True, help="folder to replace with the generated files")
    generate_command.add_argument(
        "--site-url", help="the published address (default: the configuration's, or SITE_URL); feed and embeds need it"
    )
    generate_command.add_argument(
        "--config-file",
        default="mkdocs.yml",
        help="the project's configuration, when there is one: its address, repository (edit links) and theme"
        " features carry over (default: mkdocs.yml)",
    )
    generate_command.add_argument("--engine", choices=[engine.name for engine in engines.ENGINES], help=engine_help)
    return top  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        with stops.as_interrupts():  # what a command was making is removed as it stops (see stops.py)
            return int(args.run(args))
    except KeyboardInterrupt as interrupt:
        name, status = stops.exit_status(interrupt)
        _say(f"explainer: stopped ({name})")
        return status
    except ContentError as error:
        print(error.format(Path.cwd()), file=sys.stderr)
        _say(f"{len(error.problems)} problem(s) found; nothing was built")
        return EXIT_CONTENT
    except UsageError as error:
        _say(f"explainer: {error}")
        return EXIT_USAGE
    except AssetError as error:
        _say(f"explainer: {error}")
        return EXIT_CONTENT
    except OSError as error:
        _say(f"explainer: {os_reason(error)}")
        return EXIT_CONTENT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
