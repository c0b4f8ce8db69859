"""The browser of the browser tests: Debian's chromium driven by Playwright, each test's contexts as
readers' windows in one profile kept for the session (see :class:`TestBrowser`), and the wait for a
page to settle."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


SETTLED_WATCH = 'document.addEventListener("explainer:settled", () => { window.__explainerSettled = true; });'
"""Run in every page a test browser opens, before the page's own scripts: notes the chart script's
"explainer:settled" (see ``settled``)."""


SETTLED = r"""timeout => new Promise((resolve, reject) => {
  const searching = document.querySelector('[data-md-component=search]') !== null;
  const needed = [/\/search(\/search_index)?\.json$/, /\/workers\/search\.[^/]*\.js$/];
  const arrived = () => !searching || needed.every(path => performance.getEntriesByType('resource')
    .some(entry => path.test(new URL(entry.name).pathname)));
  let drawn = window.__explainerSettled === true;
  const observer = new PerformanceObserver(() => check());
  const check = () => {
    if (!drawn || !arrived()) return;
    observer.disconnect();
    clearTimeout(timer);
    resolve();
  };
  const timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error(`not settled within ${timeout} ms (drawn: ${drawn}, search arrived: ${arrived()})`));
  }, timeout);
  document.addEventListener('explainer:settled', () => { drawn = true; check(); });
  observer.observe({ type: 'resource' });
  check();
})"""


def settled(page: Any, timeout: float = 15_000) -> None:
    """Wait until the page has settled: loaded, its charts of thousands drawn, the browser idle (the
    chart script's "explainer:settled"), and the site search's script and index (released then)
    arrived. A condition the page states, where waiting for the network to stay quiet for half a
    second would only guess. Awaited in the page, not polled: it holds under a Content-Security-
    Policy without 'unsafe-eval' too (Playwright's ``wait_for_function`` compiles its text there)."""
    page.wait_for_load_state("domcontentloaded")
    page.evaluate(SETTLED, timeout)
    # A script-made request (the search worker's script) may still be arriving although the page
    # already lists it: see each request the page has in flight to its end.
    for request in list(getattr(page, "in_flight", ())):
        response = request.response()  # None when it failed
        if response is not None:
            response.finished()


def _track_requests(page: Any) -> None:
    """Keep ``page.in_flight``: the requests the page has made that have not ended yet."""
    in_flight: set[Any] = set()
    page.in_flight = in_flight
    page.on("request", lambda request: in_flight.add(request))
    page.on("requestfinished", lambda request: in_flight.discard(request))
    page.on("requestfailed", lambda request: in_flight.discard(request))


PAGE_OPTIONS = frozenset({"viewport", "color_scheme"})
"""Context options a page can take for itself (its size, the palette it asks for)."""

FORGOTTEN = "cookies,local_storage,indexeddb,websql,service_workers,cache_storage,file_systems"
"""What a new reader starts without: all that a site keeps in the browser (the palette chosen, say),
except the HTTP cache, which a reader returning to a site has too."""


class TestBrowser:
    """The browser for tests (Debian's chromium): each test's contexts are readers' windows.

    A context whose options a page can take for itself (``PAGE_OPTIONS``) is a set of pages in a
    browser profile kept in a folder for the test session, where compiled scripts are cached: each new
    page of it compiles plotly.js in a few milliseconds instead of the second that a private context,
    which keeps no compiled code, takes every time. Each such context starts as a new reader would:
    without anything the sites stored in the browser (``FORGOTTEN``), with the HTTP cache that sites'
    ``Cache-Control`` allows (each site of a session has an address of its own, see ``free_port``).
    Any other context (no JavaScript, a touch screen) is a private context of another browser,
    started when first needed.

    Pages ignore the sites' Content-Security-Policy unless a test asks for it (``bypass_csp=False``,
    in a second profile, kept the same way), since Playwright's ``wait_for_function`` compiles code
    the policy forbids. The policy itself is tested with it on (tests/test_csp.py, test_engines.py).
    """

    __test__ = False  # not a test class

    def __init__(self, playwright: Any, folder: Path) -> None:
        self._playwright = playwright
        self._folder = folder
        self._profiles: dict[bool, _Profile] = {}
        self._private: Any = None
        self._profile(bypass_csp=True)

    def _profile(self, bypass_csp: bool) -> _Profile:
        if bypass_csp not in self._profiles:
            name = "profile" if bypass_csp else "profile-with-policy"
            self._profiles[bypass_csp] = _Profile(self._playwright, self._folder / name, bypass_csp)
        return self._profiles[bypass_csp]

    def new_context(self, **options: Any) -> Any:
        bypass_csp = options.pop("bypass_csp", True)
        if set(options) <= PAGE_OPTIONS:
            return ReaderWindow(self._profile(bypass_csp), options)
        if self._private is None:
            self._private = self._playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = self._private.new_context(bypass_csp=bypass_csp, **options)
        context.add_init_script(SETTLED_WATCH)
        context.on("page", _track_requests)
        return context

    def new_page(self, **options: Any) -> Any:
        return self.new_context(**options).new_page()

    def close(self) -> None:
        for profile in self._profiles.values():
            profile.context.close()
        if self._private is not None:
            self._private.close()


class _Profile:
    """A browser profile kept for the session (its folder), with the sites it has seen."""

    def __init__(self, playwright: Any, folder: Path, bypass_csp: bool) -> None:
        self.context = playwright.chromium.launch_persistent_context(
            str(folder), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, bypass_csp=bypass_csp
        )
        self.context.add_init_script(SETTLED_WATCH)
        self._origins: set[str] = set()
        self.context.on("page", self._watch)
        keeper = self.context.pages[0] if self.context.pages else self.context.new_page()  # stays on about:blank
        self._tools = self.context.new_cdp_session(keeper)

    def _watch(self, page: Any) -> None:
        _track_requests(page)
        page.on("framenavigated", lambda frame: self._origins.add(_origin(frame.url)))

    def forget(self) -> None:
        """Clear what the sites visited so far stored in the profile (``FORGOTTEN``)."""
        for origin in sorted(self._origins - {""}):
            self._tools.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": FORGOTTEN})
        self._origins.clear()


def _origin(url: str) -> str:
    """The origin (scheme, host and port) of an http(s) address; "" for any other (about:blank)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


class ReaderWindow:
    """A test's context in a profile kept for the session (see TestBrowser): its pages, sized and in the palette
    its options ask for, closed with it. Starting one forgets what earlier tests' sites stored (a
    test may leave its windows open)."""

    def __init__(self, profile: _Profile, options: dict[str, Any]) -> None:
        profile.forget()
        self._profile = profile.context
        self._options = options
        self._scripts: list[dict[str, Any]] = []
        self._granted = False
        self.pages: list[Any] = []

    def new_page(self) -> Any:
        page = self._profile.new_page()
        if self._options.get("viewport"):
            page.set_viewport_size(self._options["viewport"])
        if self._options.get("color_scheme"):
            page.emulate_media(color_scheme=self._options["color_scheme"])
        for script in self._scripts:
            page.add_init_script(**script)
        self.pages.append(page)
        return page

    def add_init_script(self, script: str | None = None, path: str | Path | None = None) -> None:
        self._scripts.append({"script": script, "path": path})
        for page in self.pages:
            page.add_init_script(script=script, path=path)

    def grant_permissions(self, permissions: list[str], origin: str | None = None) -> None:
        self._profile.grant_permissions(permissions, origin=origin)
        self._granted = True

    def close(self) -> None:
        for page in self.pages:
            if not page.is_closed():
                page.close()
        if self._granted:
            self._profile.clear_permissions()
