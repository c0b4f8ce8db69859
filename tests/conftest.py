"""Shared fixtures: the small fixture explainer, copies of it to break, and browser set-up."""

from __future__ import annotations

import contextlib
import errno
import logging
import marshal
import math
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import traceback
import warnings
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from generator.i18n import Language
from tests.browsers import CHROMIUM, TestBrowser

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE = FIXTURES / "explainer"
CONTENT = ROOT / "content"
ENGLISH = Language.for_tag("en")
"""The language most fixtures are written in."""


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture explainer, named ``content`` like a real one."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files with the caching GitHub Pages gives them (``Cache-Control: max-age=600``)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


def serve_folder(folder: Path, port: int = 0) -> tuple[str, ThreadingHTTPServer]:
    """Serve a folder over HTTP on loopback in a background thread: (base URL, server to shut down).
    Without a port, on a port not handed out before (see ``free_port``)."""
    server = ThreadingHTTPServer(("127.0.0.1", port or free_port()), partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def serve_dir() -> Iterator[object]:
    """Serve folders over HTTP on loopback; returns a function (folder, port=free) -> base URL.

    A site should be served at the address it was built for (``SITE_URL``): Material's instant
    navigation only takes over links that its sitemap lists, by their full address.
    """
    servers: list[ThreadingHTTPServer] = []
    serving: dict[tuple[Path, int], str] = {}
    """A folder already served at the port asked for (a site built once per session is served
    once, whichever tests ask for it)."""

    def start(folder: Path, port: int = 0) -> str:
        if port and (folder.resolve(), port) in serving:
            return serving[(folder.resolve(), port)]
        base, server = serve_folder(folder, port)
        servers.append(server)
        if port:
            serving[(folder.resolve(), port)] = base
        return base

    yield start
    for server in servers:
        server.shutdown()


def site_pages(site: Path, pattern: str = "*.html") -> list[Path]:
    """The built site's pages: not the records' lasting addresses (``record/<id>/``), which are
    small files that only send the browser on to the page listing the record."""
    return sorted(path for path in site.rglob(pattern) if path.relative_to(site).parts[0] != "record")


_PORTS_GIVEN: set[int] = set()
"""Ports handed out in this process: never twice, so that no two sites of a session share an address
(the browser's cache, kept from test to test, holds each address's pages; see TestBrowser)."""


def free_port() -> int:
    """A loopback port free now and not handed out before in this process."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port not in _PORTS_GIVEN:
            _PORTS_GIVEN.add(port)
            return port


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium driven by Playwright. Skipped when missing, except in CI where it must exist."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) for browser tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="chromium-") as folder:
        instance = TestBrowser(playwright, Path(folder))
        yield instance
        instance.close()


def run_explainer(
    *args: str,
    cwd: Path = ROOT,
    site_url: str | None = None,
    env: dict[str, str] | None = None,
    prepare: str = "",
    timeout: float = 900,
) -> subprocess.CompletedProcess[str]:
    """Run the ``explainer`` command as an editor would, capturing its output and exit status.

    It runs in a child process forked from this one, where the package is already imported: a run
    starts in milliseconds instead of the second a new interpreter takes to import it, and nothing
    it does (files, environment, caches, working folder) can leak back into the tests. The child is
    made to look new: fresh standard streams, no logging handlers, Python's default warning filters
    and the package's memoised functions emptied. Only the templates it compiled come back, for the
    runs after it (checked against their sources when used, as in a live preview). Where
    ``os.fork`` does not exist, a new interpreter runs it. ``tests/test_architecture.py`` still
    runs ``python -m generator`` itself.

    ``env``: more environment variables. ``prepare``: Python run in the child first, with ``errno``,
    ``os`` and ``sys`` imported (to make a disk full, say). ``timeout``: seconds before the child is
    killed and :class:`subprocess.TimeoutExpired` raised.
    """
    command = [sys.executable, "-m", "generator.cli", *args]
    extra = {**(env or {}), **({"SITE_URL": site_url} if site_url else {})}
    if not hasattr(os, "fork") or not hasattr(os, "pidfd_open"):  # pragma: no cover - not Linux
        run = f"from generator.cli import main\nsys.exit(main({list(args)!r}))"
        code = f"import errno, os, sys\n{textwrap.dedent(prepare)}\n{run}"
        return subprocess.run(
            [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=False,
            env={**os.environ, **extra}, timeout=timeout,
        )  # fmt: skip
    from generator import cli

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as handed:
        pid = os.fork()
        if pid == 0:  # the child: never returns
            streams = (out.fileno(), err.fileno(), handed.fileno())
            _run_as_new_process(cli.main, list(args), cwd, extra, prepare, *streams)
        ended = os.pidfd_open(pid)  # readable once the child has ended
        try:
            if not select.select([ended], [], [], timeout)[0]:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise subprocess.TimeoutExpired(command, timeout)
        finally:
            os.close(ended)
        _, status = os.waitpid(pid, 0)
        _keep_compiled(handed)
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(
            command, os.waitstatus_to_exitcode(status), out.read().decode("utf-8"), err.read().decode("utf-8")
        )


def _compiled() -> dict[str, dict[str, tuple[str, Any]]]:
    """The templates compiled in this process so far, by kind (see generator/render/compiled.py)."""
    from generator.render import compiled

    return {kind: dict(cache.code) for kind, cache in compiled.CACHES.items()}


def _keep_compiled(handed: Any) -> None:
    """Keep the templates a child compiled (``handed``), so the children forked after it start with
    them compiled, as a live preview's rebuilds do (each is checked against its source when used)."""
    from generator.render import compiled

    handed.seek(0)
    data = handed.read()
    for kind, code in (marshal.loads(data) if data else {}).items():
        compiled.cache_for(kind).code.update(code)


def _run_as_new_process(
    main: Any, args: list[str], cwd: Path, env: dict[str, str], prepare: str, out: int, err: int, handed: int
) -> None:  # pragma: no cover - runs in the forked child
    code = 1
    inherited = {kind: {key: found[0] for key, found in code.items()} for kind, code in _compiled().items()}
    try:
        os.dup2(out, 1)
        os.dup2(err, 2)
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False, errors="backslashreplace")  # noqa: SIM115
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115
        os.chdir(cwd)
        os.environ.update(env)
        sys.argv = ["explainer", *args]
        for name in list(logging.Logger.manager.loggerDict):
            logger = logging.getLogger(name)
            logger.handlers.clear()
        logging.root.handlers.clear()
        logging.root.setLevel(logging.WARNING)
        for number in (signal.SIGTERM, signal.SIGHUP):  # as a new process has them (pytest's may differ)
            signal.signal(number, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        warnings.resetwarnings()
        for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
            warnings.simplefilter("ignore", category)
        for name, module in list(sys.modules.items()):
            if name == "generator" or name.startswith("generator."):
                for value in list(vars(module).values()):
                    if callable(getattr(value, "cache_clear", None)):
                        value.cache_clear()
        exec(textwrap.dedent(prepare), {"errno": errno, "os": os, "sys": sys})  # noqa: S102
        try:
            code = main(args)
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
            if exit.code is not None and not isinstance(exit.code, int):
                print(exit.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        with contextlib.suppress(Exception):
            new = {kind: {key: found for key, found in code.items() if inherited.get(kind, {}).get(key) != found[0]}
                   for kind, code in _compiled().items()}  # fmt: skip
            with open(handed, "wb", closefd=False) as hand:
                hand.write(marshal.dumps({kind: code for kind, code in new.items() if code}))
        os._exit(code)


@pytest.fixture(scope="session")
def site_port() -> int:
    """The loopback port the repository's site is built for and served on in the browser tests."""
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The site built from the repository's own content/, once per test session."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_explainer("build", "--site-dir", str(site), site_url=f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_port: int, serve_dir: Any) -> str:
    """The repository's site, served at the address it was built for."""
    return str(serve_dir(built_site, site_port))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory, serve_dir: Any) -> Any:
    """A function: fixture explainer name -> (its built site, the address it is served at).

    Each fixture is built once per test session, for a free loopback port, and served there (a
    site must be served at the address it was built for, see ``serve_dir``).
    """
    built: dict[str, tuple[Path, str]] = {}

    def get(name: str) -> tuple[Path, str]:
        if name not in built:
            port = free_port()
            project = make_project(tmp_path_factory.mktemp(name) / "project", content=FIXTURES / name)
            result = run_explainer("build", cwd=project, site_url=f"http://127.0.0.1:{port}/")
            assert result.returncode == 0, result.stderr
            built[name] = (project / "site", str(serve_dir(project / "site", port)))
        return built[name]

    return get


def fixture_translation(language: str) -> dict[str, str]:
    """The fixture explainer's translation into ``language`` (tests/fixtures/translations/),
    by path in the content folder (``es/events.yml``) -> YAML."""
    folder = FIXTURES / "translations" / language
    return {f"{language}/{path.name}": path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.yml"))}


def translated_copy(folder: Path, files: dict[str, str], languages: str = "[es]") -> Path:
    """The fixture explainer with ``translations: LANGUAGES`` and the given translation files
    (path relative to the content folder -> YAML)."""
    content = folder / "content"
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(FIXTURE, content)
    incident = content / "incident.yml"
    incident.write_text(
        incident.read_text(encoding="utf-8").replace("language: en\n", f"language: en\ntranslations: {languages}\n"),
        encoding="utf-8",
    )
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return content


@pytest.fixture(scope="session")
def translated_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The fixture explainer with its partial Spanish and Arabic translations, built for a loopback
    port: the original at /, the translations at /es/ and /ar/."""
    folder = tmp_path_factory.mktemp("translated")
    files = fixture_translation("es") | fixture_translation("ar")
    content = translated_copy(folder / "source", files, "[es, ar]")
    project = make_project(folder / "project", content)
    port = free_port()
    result = run_explainer("build", cwd=project, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    assert "its translation into 'ar', in site/ar/" in result.stderr
    return project / "site", port


def make_project(folder: Path, content: Path = FIXTURE) -> Path:
    """A separate explainer project: this repository's mkdocs.yml and overrides with other content."""
    folder.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^site_name: .*$", "site_name: Test explainer", config)
    config = re.sub(r"(?m)^site_description: .*$", "site_description: A test explainer", config)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(
        ROOT / "site_overrides", folder / "site_overrides"
    )  # only its README: theme files ship with the plugin
    shutil.copytree(content, folder / "content")
    return folder


DURATIONS = "explainer/seconds-by-file"
"""Where pytest's cache keeps each test file's seconds in the last run that ran it."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Longest files first, so that no core is left alone with a long one at the end of a parallel
    run (``make test`` hands whole files to each core, in this order). A file's length is its
    seconds in the last run that ran it (pytest's cache); without them (a new clone), files with a
    slow test come first (fresh environments, live previews: their processes work while the other
    core runs browsers), then by their browser tests, property-based tests and number of tests. A
    file not timed yet goes first. Within a file, the order stays as written."""

    def file_of(item: pytest.Item) -> str:
        return _file(item.nodeid)

    slow: set[str] = set()
    counts: dict[str, list[int]] = {}  # browser tests, property-based tests, tests
    for item in items:
        name = file_of(item)
        if item.get_closest_marker("slow"):
            slow.add(name)
        count = counts.setdefault(name, [0, 0, 0])
        count[0] += item.get_closest_marker("browser") is not None
        count[1] += hasattr(getattr(item, "obj", None), "hypothesis")
        count[2] += 1
    cache = getattr(config, "cache", None)  # none with -p no:cacheprovider
    seconds: dict[str, float] = cache.get(DURATIONS, {}) if cache else {}
    if seconds:
        items.sort(key=lambda item: -seconds.get(file_of(item), math.inf))
    else:
        items.sort(key=lambda item: (file_of(item) not in slow, *(-n for n in counts[file_of(item)])))


def _file(nodeid: str) -> str:
    """The test file a test's id names."""
    return nodeid.split("::")[0]


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Add up each file's seconds (in the process that reports them: with xdist, the controller)."""
    _seconds[_file(report.nodeid)] = _seconds.get(_file(report.nodeid), 0.0) + report.duration


_seconds: dict[str, float] = {}
_partial: list[bool] = []
"""Whether some tests were deselected (-m, -k): a file's seconds are then not the whole file's."""


def pytest_deselected(items: list[pytest.Item]) -> None:
    _partial.append(bool(items))


def pytest_sessionfinish(session: pytest.Session) -> None:
    cache = getattr(session.config, "cache", None)
    if cache is None or hasattr(session.config, "workerinput") or not _seconds or any(_partial):
        return
    cache.set(DURATIONS, {**cache.get(DURATIONS, {}), **{k: round(v, 1) for k, v in _seconds.items()}})
