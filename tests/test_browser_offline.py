"""Reading without a connection: the downloadable copy opened from a folder,
and the hosted site after one visit, served by its service worker.

These tests do not use the ``page`` fixture: Playwright's request routing
turns off the HTTP cache and can hide a service worker's traffic, which is
exactly what is under test.  Their own Chromium instead resolves no host
name at all (``--host-resolver-rules``), so nothing can leave the machine, and
"offline" is the real thing: the site's web server is stopped."""

from __future__ import annotations

import contextlib
import functools
import json
import re
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser import field, navigate, open_page, search_finds, start_navigation, wait_for_result
from conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    HOSTED_PATH,
    LOOPBACK_HOSTS,
    ONLY_LOOPBACK,
    ROOT,
    QuietHandler,
    QuietServer,
    build_site,
    offsite_url,
    refusing_site_data,
)

from calculators import REGISTRY
from macros.offline_engine import built_manifest, runtime_folder

pytestmark = pytest.mark.browser

CALCULATOR_PAGES = sorted(f"calculators/{name.replace('_', '-')}/" for name in REGISTRY)
# Live, and the first answer is in (said or not: see ANSWERED in browser.py).
LIVE = '.mpb-calculator[data-runtime="ready"][data-answered]'
RUNTIME_CACHE = "match-plan-b-runtime"


@pytest.fixture(scope="module")
def closed_browser(playwright_session: Any) -> Iterator[Any]:
    browser = playwright_session.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[*CHROMIUM_ARGS, ONLY_LOOPBACK],
    )
    yield browser
    browser.close()


def new_page(browser: Any, **options: Any) -> Any:
    """A page in a fresh context (its own storage and service workers) that
    records every request for another host and every uncaught error."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.offsite = []
    page.errors = []

    def note(request: Any) -> None:
        if offsite_url(request.url):
            page.offsite.append(request.url)

    context.on("request", note)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def close(page: Any) -> None:
    page.context.close()
    assert not page.offsite, f"the site tried to reach other hosts: {page.offsite}"
    assert not page.errors, f"uncaught page errors: {page.errors}"


# --- the downloadable copy, opened from a folder ----------------------------------------


def test_the_copy_loads_nothing_from_another_host(offline_copy: Path) -> None:
    from test_site import pages, parse

    offenders = []
    for page in pages(offline_copy):
        for tag, url in parse(page).loads:
            elsewhere = urlsplit(url).scheme in ("http", "https") or url.startswith("//")
            canonical = tag == "link" and urlsplit(url).hostname in LOOPBACK_HOSTS
            if elsewhere and not canonical:
                offenders.append(f"{page.name}: <{tag}> {url}")
    assert not offenders
    index = (offline_copy / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/javascripts/iframe-worker-shim.js">' in index
    shim = (offline_copy / "assets" / "javascripts" / "iframe-worker-shim.js").read_text()
    assert shim == (ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js").read_text()
    # No service worker or manifest in a copy that cannot use them.
    assert not (offline_copy / "sw.js").exists() and 'rel="manifest"' not in index
    # A copy kept for a season says when it was built and where a newer one is.
    assert "This copy was built on" in index and "newer copy" in index
    assert "Save for offline use</button>" not in index
    assert "any other page you open from your disk" in index, "remembered answers are readable by other local files"


def test_every_navigation_link_lands_on_a_page(closed_browser: Any, offline_copy: Path) -> None:
    page = new_page(closed_browser)
    page.goto((offline_copy / "index.html").as_uri())
    links = page.locator(".md-tabs a[href], nav.md-nav--primary a.md-nav__link[href]").evaluate_all(
        "links => [...new Set(links.map((a) => a.href.split('#')[0]))]"
    )
    assert len(links) >= 25, links
    for url in links:
        page.goto(url, wait_until="domcontentloaded")
        assert url.endswith(".html"), url
        assert page.locator("article h1").count() == 1, url
        assert "Index of" not in page.title(), url
    # Clicking works too: a link in the text, then a tab.
    page.goto((offline_copy / "index.html").as_uri())
    page.locator("article a", has_text="Do you need a backup?").first.click()
    page.wait_for_url("**/assess/need-a-backup.html")
    assert page.locator("article h1").inner_text().startswith("Do you need a backup?")
    page.locator(".md-tabs a", has_text="Apply").click()
    page.wait_for_url("**/apply/index.html")
    assert page.locator("article h1").count() == 1
    close(page)


def test_search_works_from_the_folder(closed_browser: Any, offline_copy: Path) -> None:
    page = new_page(closed_browser)
    page.goto((offline_copy / "faq.html").as_uri())
    page.locator("input.md-search__input").click()
    # From a folder the index arrives as a script (search/search_index.js)
    # once the box has focus; a query typed before it is ready is dropped.
    page.wait_for_function("typeof __index !== 'undefined'")
    page.wait_for_timeout(500)
    page.locator("input.md-search__input").press_sequentially("SOAP", delay=100)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=20_000)
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and ".html" in page.url
    assert "SOAP" in page.locator("article").inner_text()
    close(page)


def test_theme_toggle_and_print_layout_from_the_folder(closed_browser: Any, offline_copy: Path) -> None:
    page = new_page(closed_browser)
    page.goto((offline_copy / "calculators" / "competitiveness.html").as_uri())
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".mpb-result").is_visible() and page.locator(".mpb-status").is_hidden()
    # A sheet printed from an old copy says how old its figures are.
    page.goto((offline_copy / "index.html").as_uri())
    dated = page.locator(".mpb-offline p", has_text="This copy was built on")
    assert dated.is_visible()
    close(page)


def test_a_hosted_page_read_from_disk_says_plainly_that_it_is_not_live(closed_browser: Any, built_site: Path) -> None:
    """The hosted build has no file:// engine (the downloadable copy has);
    opened from disk anyway, its calculators must not pretend to be live."""
    page = new_page(closed_browser)
    page.goto((built_site / "calculators" / "competitiveness" / "index.html").as_uri())
    widget = page.locator(".mpb-calculator").first
    page.wait_for_selector('.mpb-calculator[data-runtime="failed"]', timeout=10_000)
    assert widget.locator(".mpb-engine-off").is_visible()
    assert "python3 -m http.server -b 127.0.0.1 -d <folder>" in widget.locator(".mpb-engine-off").inner_text()
    assert "Live recalculation is off" in widget.locator(".mpb-status-text").inner_text()
    assert widget.locator("fieldset").evaluate("(f) => f.disabled"), "the form must not pretend to be live"
    assert widget.locator(".mpb-progress").is_hidden()
    assert "not a guarantee" in widget.locator(".mpb-result").inner_text(), "the prerendered result stays"
    close(page)


# --- the hosted site, with its service worker -------------------------------------------


def test_the_service_worker_precaches_pages_and_keeps_the_runtime_apart(built_site: Path) -> None:
    import json
    import re

    from macros import offline as offline_hook

    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    precached = re.findall(r'\{url:"([^"]+)"', worker)
    assert {"index.html", "faq/index.html", "search/search_index.json", "manifest.webmanifest"} <= set(precached)
    assert all(f"{page}index.html" in precached for page in CALCULATOR_PAGES)
    assert not [url for url in precached if "pyodide" in url or url.endswith((".map", ".zip"))], precached
    # The only address in the generated worker is in a warning's text.
    assert set(re.findall(r"https?://([^/\s\"'`]+)", worker)) <= {"bit.ly"}
    extras = (built_site / offline_hook.WORKER_EXTRAS).read_text(encoding="utf-8")
    (listed,) = re.findall(r"const RUNTIME_FILES = (\[.*\]);", extras)
    (kept_by_page,) = re.findall(r"const KEPT_BY_PAGE = (\[.*\]);", extras)
    runtime = {path.rsplit("/", 1)[1]: size for path, size in json.loads(listed)}
    # The worker downloads all but the wasm, which the page decodes from its
    # xz file and keeps; the worker serves and keeps that too.
    assert [path.rsplit("/", 1)[1] for path in json.loads(kept_by_page)] == ["pyodide.asm.wasm"]
    assert sorted([*runtime, "pyodide.asm.wasm"]) == runtime_files(built_site)
    assert all(runtime[name] == (runtime_folder(built_site) / name).stat().st_size for name in runtime)
    manifest = json.loads((built_site / "manifest.webmanifest").read_text())
    assert all((built_site / icon["src"]).is_file() for icon in manifest["icons"])
    # The start page states what saving everything stores, and what the
    # engine keeps of its own: its decoded memory snapshot, 31 MB, which the
    # panel left out while saying 13.6 MB (offline audit s19, finding 3).
    start = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="mpb-offline-size">\d+\.\d MB<', start)
    (snapshot,) = re.findall(r'class="mpb-snapshot-size">(\d+\.\d) MB<', start)
    assert float(snapshot) == round(offline_hook.snapshot_size(built_site) / 1_000_000, 1) > 20


class Server:
    """The hosted site on loopback, which a test can switch off and on again
    (on the same port, so the service worker's origin stays the same)."""

    def __init__(self, root: Path) -> None:
        # Served from `root`, the site in its HOSTED_PATH, as GitHub Pages
        # serves a project's site: the service worker's scope and every URL
        # it keeps must hold under a path.
        self.root = root
        self.directory = root / HOSTED_PATH
        self.requested: list[str] = []  # as answered
        self.arrived: list[str] = []  # as asked, before any hold
        # File names answered 404, as if missing ...
        self.refused: set[str] = set()
        # ... and those answered 404 to a page's <script> only, as a content
        # blocker would: the service worker's precache still gets them.
        self.blocked_scripts: set[str] = set()
        # File names whose body is sent only once their event is set (the
        # headers go at once): a download under way.
        self.held: dict[str, threading.Event] = {}
        # File names whose next answer breaks off after this many bytes of
        # its body, as a dropped connection does; once each.  With
        # ``stalls``, the connection stays open instead, sending nothing
        # more until ``serve_everything``.
        self.broken_after: dict[str, int] = {}
        self.stalls = False
        self.unstalled = threading.Event()
        # Whether a request for a range gets it (206), as GitHub Pages
        # answers, or the whole file (200), as a host that ignores ranges.
        self.serves_ranges = True
        self.ranges_asked: list[tuple[str, str | None, str | None]] = []  # file name, Range, If-Range
        self.port = 0
        self.start()

    def start(self) -> None:
        server = self

        class Recording(QuietHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                name = parts.path.rsplit("/", 1)[-1]
                server.arrived.append(self.path)
                script = self.headers.get("Sec-Fetch-Dest") == "script"
                if name in server.refused or (script and name in server.blocked_scripts):
                    self.send_error(404)
                    return
                server.ranges_asked.append((name, self.headers.get("Range"), self.headers.get("If-Range")))
                asked = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range") or "")
                if asked and server.serves_ranges:
                    self.send_the_rest(int(asked[1]))
                    return
                gate = server.held.get(name)
                broken_after = server.broken_after.pop(name, None)
                if gate is None and broken_after is None:
                    super().do_GET()
                    return
                body = self.send_head()
                if body is None:
                    return
                if gate is not None:
                    gate.wait(timeout=120)
                with body:
                    if broken_after is None:
                        self.copyfile(body, self.wfile)
                        return
                    self.wfile.write(body.read(broken_after))
                    self.wfile.flush()
                    # The bytes reach the page before the break, as on a
                    # line that drops mid-file; at once, Chromium may hand on none.
                    server.unstalled.wait(timeout=120 if server.stalls else 0.5)
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True

            def send_the_rest(self, start: int) -> None:
                path = Path(self.translate_path(self.path))
                data = path.read_bytes()
                self.send_response(206)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                self.send_header("Content-Length", str(len(data) - start))
                self.end_headers()
                self.wfile.write(data[start:])

            def log_request(self, *_: object) -> None:
                server.requested.append(self.path)

        handler = functools.partial(Recording, directory=str(self.root))
        self.httpd = QuietServer(("127.0.0.1", self.port), handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{HOSTED_PATH}"

    def serve_everything(self) -> None:
        """Undo ``refused``, ``blocked_scripts``, ``held``, ``broken_after``
        and ``serves_ranges``."""
        self.refused.clear()
        self.blocked_scripts.clear()
        self.broken_after.clear()
        self.serves_ranges = True
        self.stalls = False
        self.unstalled.set()
        self.unstalled = threading.Event()
        for gate in self.held.values():
            gate.set()
        self.held.clear()

    def wait_for_arrival(self, name: str, page: Any) -> None:
        for _ in range(600):
            if any(urlsplit(path).path.endswith("/" + name) for path in self.arrived):
                return
            page.wait_for_timeout(100)
        raise AssertionError(f"{name} was never asked for")


def test_generating_the_service_worker_leaves_nothing_in_the_temporary_folder(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workbox writes a bundle to the temporary folder and never removes it:
    one more file in /tmp for every build, unless the build cleans up."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR afresh
    publish_a_new_service_worker(site)
    assert (site / "sw.js").stat().st_mtime > (built_site / "sw.js").stat().st_mtime
    assert list(temporary.iterdir()) == []


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Its own build, for its own port: instant navigation needs the site's
    address to match, and the update test changes the built files."""
    target = tmp_path_factory.mktemp("hosted-site")
    server = Server(target)
    server.stop()
    result = build_site(server.directory, site_url=server.url)
    assert result.returncode == 0, result.stdout + result.stderr
    server.start()
    yield server
    server.stop()


WAIT_FOR_WORKER = """async () => {
  await navigator.serviceWorker.ready;
  while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
}"""

WAIT_FOR_RUNTIME = f"""async (count) => {{
  for (;;) {{
    const keys = await (await caches.open("{RUNTIME_CACHE}")).keys();
    if (keys.length >= count) return keys.map((request) => request.url);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }}
}}"""


# Whether the service worker was registered one second after the calculator
# went live.  Set from the page's own timers: this observer comes before the
# page's scripts, so its timer fires before any the page sets for the same moment.
REGISTERED_A_SECOND_AFTER_READY = """
new MutationObserver((_, observer) => {
  if (!document.querySelector('.mpb-calculator[data-runtime="ready"]')) return;
  observer.disconnect();
  setTimeout(async () => {
    window.__registeredASecondAfterReady = Boolean(await navigator.serviceWorker.getRegistration());
  }, 1000);
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-runtime"] });
"""


# The last total the "Save for offline use" progress bar was given.
PROGRESS_MAX = """
new MutationObserver(() => {
  const bar = document.querySelector(".mpb-offline-progress[max]");
  if (bar) window.__savedProgressMax = Number(bar.getAttribute("max"));
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["max"] });
"""


def runtime_files(site: Path) -> list[str]:
    """What the service worker keeps: what a hosted page fetches."""
    names = sorted(built_manifest(site)["hosted"])
    # Never the snapshot (kept by the engine itself) nor a file only the
    # offline copy embeds; the wasm as the page's decoded copy.
    assert "pyodide.asm.wasm" in names and not [name for name in names if name.startswith("snapshot-")]
    assert not [name for name in names if name.endswith((".zip", ".whl", ".wasm.xz"))], names
    return names


def assert_live(page: Any, url: str) -> None:
    """The page's calculator starts and recomputes, which needs Python."""
    page.goto(url)
    page.locator(LIVE).first.wait_for(timeout=90_000)


@contextlib.contextmanager
def server_stopped(hosted: Server) -> Iterator[None]:
    """The site unreachable, as on a plane, for the block's length."""
    hosted.stop()
    try:
        yield
    finally:
        hosted.start()


def assert_live_offline(page: Any, hosted: Server, path: str) -> None:
    """With the site's server stopped, the page at ``path`` still goes live."""
    with server_stopped(hosted):
        assert_live(page, hosted.url + path)


def saved_and_said(page: Any, state: str) -> str:
    """Press the first "Save for offline use" and return the words of the
    state it ends in, which must be the only one shown."""
    panel = page.locator(".mpb-offline").first
    panel.locator(".mpb-offline-save").click()
    words = panel.locator(f".mpb-offline-{state}")
    words.wait_for(timeout=90_000)
    for other in {"done", "no-engine", "old-browser", "failed"} - {state}:
        assert panel.locator(f".mpb-offline-{other}").is_hidden(), other
    return words.inner_text()


def assert_unvisited_guide_opens(page: Any, hosted: Server) -> None:
    """A guide this browser never opened comes from what it saved."""
    page.goto(hosted.url + "unmatched/soap-and-plan-b/")
    assert page.locator("article h1").inner_text().startswith("SOAP")


def publish_a_new_service_worker(site: Path) -> None:
    """What a deploy does to the service worker: generated afresh for the
    site's files as they are now."""
    from macros import offline as offline_hook

    shutil.copy2(ROOT / "docs" / offline_hook.WORKER_EXTRAS, site / offline_hook.WORKER_EXTRAS)
    offline_hook.generate_service_worker(site)


def guide_pages(site: Path) -> list[str]:
    return sorted(
        page.relative_to(site).parent.as_posix() + "/"
        for page in site.rglob("index.html")
        if "assets" not in page.parts and "calculators" not in page.parts
    )


def test_after_one_calculator_visit_everything_works_offline(closed_browser: Any, hosted: Server) -> None:
    page = new_page(closed_browser)
    page.add_init_script(REGISTERED_A_SECOND_AFTER_READY)
    assert_live(page, hosted.url + CALCULATOR_PAGES[0])
    # The first seconds after the engine is up are the reader's first answers
    # (and a reload's start): the worker and its storing wait.
    page.wait_for_function("window.__registeredASecondAfterReady !== undefined")
    assert page.evaluate("window.__registeredASecondAfterReady") is False
    page.evaluate(WAIT_FOR_WORKER)
    expected = runtime_files(hosted.directory)
    cached = page.evaluate(WAIT_FOR_RUNTIME, len(expected))
    assert sorted(url.rsplit("/", 1)[1] for url in cached) == expected, cached

    with server_stopped(hosted):
        page.reload()
        page.locator(LIVE).first.wait_for(timeout=90_000)
        # Every calculator, by instant navigation (the engine stays up) ...
        for calculator_page in CALCULATOR_PAGES[1:]:
            navigate(page, hosted.url + calculator_page)
            page.locator(LIVE).first.wait_for(timeout=30_000)
        # ... and from a fresh start, with an old-style query string.
        assert_live(page, hosted.url + CALCULATOR_PAGES[-1] + "?step2_score=250")
        # Every guide page, never visited, and search.
        for guide in guide_pages(hosted.directory):
            page.goto(hosted.url + guide, wait_until="domcontentloaded")
            assert page.locator("article h1").count() == 1, guide
        search_finds(page, "SOAP")
    close(page)


def test_a_returning_reader_offline_is_not_warned_of_the_snapshot_it_cannot_download(closed_browser: Any, hosted: Server) -> None:
    # Each start offline logged "the engine snapshot was not kept: TypeError:
    # Failed to fetch" (offprint audit s44, 3): it is tried at the next start.
    page = new_page(closed_browser)
    warnings: list[str] = []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    assert_live(page, hosted.url + CALCULATOR_PAGES[0])
    page.evaluate(WAIT_FOR_WORKER)
    page.evaluate(WAIT_FOR_RUNTIME, len(runtime_files(hosted.directory)))
    page.context.set_offline(True)
    try:
        page.reload()  # a returning reader: this start would download the snapshot
        page.locator(LIVE).first.wait_for(timeout=90_000)
        page.wait_for_timeout(4_000)  # past the pause before the download
    finally:
        page.context.set_offline(False)
    assert not [w for w in warnings if "snapshot" in w], warnings
    close(page)


# How many observers of the calculators' engine state (data-runtime) are
# watching the page now.
COUNT_ENGINE_WATCHERS = """(() => {
  window.engineWatchers = 0;
  const { observe, disconnect } = MutationObserver.prototype;
  MutationObserver.prototype.observe = function (target, options) {
    if (options?.attributeFilter?.includes("data-runtime") && !this.counted) {
      this.counted = true;
      window.engineWatchers += 1;
    }
    return observe.call(this, target, options);
  };
  MutationObserver.prototype.disconnect = function () {
    if (this.counted) window.engineWatchers -= 1;
    this.counted = false;
    return disconnect.call(this);
  };
})()"""


def test_waiting_for_an_engine_that_never_runs_adds_no_watcher_per_page(closed_browser: Any, hosted: Server) -> None:
    # Each calculator page reached by instant navigation added one more
    # observer of the whole page, kept for the visit while no engine ran
    # (jsread audit s42, 5).
    page = new_page(closed_browser)
    page.add_init_script(COUNT_ENGINE_WATCHERS)
    page.route("**/pyodide.asm.wasm.xz", lambda route: route.abort())
    open_page(page, hosted.url + CALCULATOR_PAGES[0])
    page.wait_for_selector('.mpb-calculator[data-runtime="failed"]', timeout=60_000)
    page.wait_for_timeout(300)
    watching = page.evaluate("window.engineWatchers")
    # The one wait left relies on this: its observer sees every page's calculators.
    page.evaluate("window.firstBody = document.body")
    for calculator_page in CALCULATOR_PAGES[1:] + CALCULATOR_PAGES[:1]:
        navigate(page, hosted.url + calculator_page)
    assert page.evaluate("window.firstBody === document.body") is True
    assert 1 <= page.evaluate("window.engineWatchers") <= watching
    close(page)


def test_save_in_a_browser_that_cannot_run_the_engine_keeps_the_pages_and_downloads_no_engine(
    closed_browser: Any, hosted: Server
) -> None:
    # It said "Saved ... calculators included", having downloaded the engine
    # it could not run (compat audit s27, 1).
    page = new_page(closed_browser)
    page.add_init_script("delete globalThis.WebAssembly;")
    hosted.requested.clear()
    page.goto(hosted.url)
    assert "cannot run the calculators' engine" in saved_and_said(page, "old-browser")
    runtime = [path for path in hosted.requested if "/pyodide-" in path]
    assert not runtime, runtime
    with server_stopped(hosted):
        assert_unvisited_guide_opens(page, hosted)
    close(page)


def test_save_for_offline_use_from_a_guide_page_even_with_save_data(closed_browser: Any, hosted: Server) -> None:
    page = new_page(closed_browser)
    # A browser that asks sites to save data: nothing may download in the background.
    page.add_init_script("Object.defineProperty(navigator, 'connection', { value: { saveData: true } })")
    page.add_init_script(PROGRESS_MAX)
    hosted.requested.clear()
    page.goto(hosted.url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1000)
    background = [path for path in hosted.requested if "pyodide" in path or "sw.js" in path or "__WB_REVISION__" in path]
    assert not background, background

    panel = page.locator(".mpb-offline").first
    assert "MB" in panel.locator(".mpb-offline-size").inner_text()
    hosted.requested.clear()
    # Pressed from the keyboard, the button keeps focus while it works and
    # after: disabled, it had dropped the reader to the page's body (a11y audit s20, 3).
    save = panel.locator(".mpb-offline-save")
    save.focus()
    page.keyboard.press("Enter")
    panel.locator(".mpb-offline-saving").wait_for()
    assert save.get_attribute("aria-disabled") == "true" and save.evaluate("(b) => b === document.activeElement")
    panel.locator(".mpb-offline-done").wait_for(timeout=90_000)
    assert save.evaluate("(b) => b === document.activeElement") and save.get_attribute("aria-disabled") is None
    assert panel.locator(".mpb-offline-progress").is_hidden()
    page.evaluate(WAIT_FOR_WORKER)
    # The wasm comes as the xz file a calculator page downloads (2.64 MB),
    # decoded and kept as that page keeps it, never plain (9.6 MB).
    runtime = [path for path in hosted.requested if "/pyodide-" in path]
    assert [path for path in runtime if path.endswith("/pyodide.asm.wasm.xz")], runtime
    assert not [path for path in runtime if path.endswith("/pyodide.asm.wasm")], runtime
    # The progress bar counted what was downloaded: every runtime file but
    # the xz decoder's small module, which the decoding worker imports.
    downloaded = {path: (hosted.root / path.lstrip("/")).stat().st_size for path in runtime}
    counted = sum(size for path, size in downloaded.items() if "/xz-decompress-" not in path)
    assert page.evaluate("window.__savedProgressMax") == counted, downloaded
    print(f"Save for offline use downloaded {sum(downloaded.values())} bytes of runtime: {downloaded}")

    with server_stopped(hosted):
        assert_unvisited_guide_opens(page, hosted)
        assert_live(page, hosted.url + "calculators/competitiveness/")
    close(page)


XZ = "pyodide.asm.wasm.xz"

# The file names in the service worker's runtime cache.
RUNTIME_KEPT = f"""async () => (await (await caches.open("{RUNTIME_CACHE}")).keys())
  .map((request) => request.url.split("/").pop())"""


def downloaded_by_the_worker(site: Path) -> dict[str, int]:
    """The runtime files the service worker downloads itself (all but the
    wasm, which the page keeps), with their sizes."""
    from macros import offline as offline_hook

    extras = (site / offline_hook.WORKER_EXTRAS).read_text(encoding="utf-8")
    (listed,) = re.findall(r"const RUNTIME_FILES = (\[.*\]);", extras)
    return {path.rsplit("/", 1)[1]: size for path, size in json.loads(listed)}


def test_a_failed_wasm_keep_waits_for_the_service_worker_and_downloads_nothing_twice(closed_browser: Any, hosted: Server) -> None:
    """The panel said "did not finish" and offered the button again while the
    service worker was still downloading the rest of the runtime."""
    worker_files = downloaded_by_the_worker(hosted.directory)
    slow = sorted(worker_files)[0]
    page = new_page(closed_browser)
    try:
        page.goto(hosted.url + "faq/")
        page.wait_for_load_state("load")
        hosted.refused.add(XZ)  # the wasm's download fails at once ...
        hosted.held[slow] = threading.Event()  # ... while the worker's is still going
        hosted.requested.clear()
        hosted.arrived.clear()
        panel = page.locator(".mpb-offline").first
        button = panel.locator(".mpb-offline-save")
        button.click()
        hosted.wait_for_arrival(slow, page)
        hosted.wait_for_arrival(XZ, page)
        page.wait_for_timeout(1500)
        assert panel.locator(".mpb-offline-saving").is_visible(), "it waits for the service worker"
        assert panel.locator(".mpb-offline-failed").is_hidden()
        assert button.is_disabled(), "no second save while the first is downloading"
        hosted.held.pop(slow).set()
        panel.locator(".mpb-offline-failed").wait_for(timeout=90_000)
        assert button.is_enabled()
        # By then the worker had kept all it downloads; only the wasm is missing.
        assert sorted(page.evaluate(RUNTIME_KEPT)) == sorted(worker_files)

        # Pressed again with the connection back: the wasm alone is downloaded.
        hosted.refused.clear()
        button.click()
        panel.locator(".mpb-offline-done").wait_for(timeout=90_000)
        runtime = [path.rsplit("/", 1)[1] for path in hosted.requested if "/pyodide-" in path]
        runtime = [name for name in runtime if not name.startswith("xz-decompress")]
        assert sorted(runtime) == sorted([*worker_files, XZ, XZ]), "every file once, the failed wasm twice"
    finally:
        hosted.serve_everything()
    close(page)


def test_a_calculator_opened_during_a_save_shares_its_wasm_download(closed_browser: Any, hosted: Server) -> None:
    """Save on a guide page, then a calculator by instant navigation (the page's
    module lives on) before the wasm is in: the engine started a second
    download and a second decoder (12.5 MiB) beside the first."""
    page = new_page(closed_browser)
    decoders: list[str] = []
    page.on("worker", lambda worker: decoders.append(worker.url) if worker.url.endswith("/xz-decoder.js") else None)
    try:
        page.goto(hosted.url + "faq/")
        page.wait_for_load_state("load")
        hosted.held[XZ] = threading.Event()
        hosted.arrived.clear()
        page.locator(".mpb-offline-save").first.click()
        hosted.wait_for_arrival(XZ, page)
        start_navigation(page, hosted.url + CALCULATOR_PAGES[0])
        page.wait_for_selector('.mpb-calculator[data-runtime="loading"]')
        page.wait_for_timeout(1500)  # time for the engine to look for the wasm, and ask for it
        hosted.held.pop(XZ).set()
        page.locator(LIVE).first.wait_for(timeout=90_000)
        page.evaluate(WAIT_FOR_RUNTIME, len(runtime_files(hosted.directory)))
    finally:
        hosted.serve_everything()
    assert len(decoders) == 1, decoders
    # The calculator page's preload hint, which instant navigation adds to
    # the head, is joined by the browser to the download under way.
    answered = [path.rsplit("/", 1)[1] for path in hosted.arrived if "/pyodide.asm.wasm" in path]
    assert answered == [XZ], answered
    close(page)


def test_the_save_bar_counts_the_wasm_a_calculator_is_still_downloading(closed_browser: Any, hosted: Server) -> None:
    """From a calculator page whose engine is still loading: the bar sat full
    on the service worker's bytes while the wasm was still coming."""
    worker_bytes = sum(downloaded_by_the_worker(hosted.directory).values())
    wasm_bytes = (runtime_folder(hosted.directory) / XZ).stat().st_size
    page = new_page(closed_browser)
    page.add_init_script(PROGRESS_MAX)
    try:
        hosted.held[XZ] = threading.Event()
        hosted.arrived.clear()
        page.goto(hosted.url + CALCULATOR_PAGES[0])
        hosted.wait_for_arrival(XZ, page)
        navigate(page, hosted.url + "faq/")
        panel = page.locator(".mpb-offline").first
        panel.locator(".mpb-offline-save").click()
        bar = panel.locator(".mpb-offline-progress")
        # Once the service worker's half is all in, with the wasm held back:
        bar.evaluate(
            """(bar, bytes) => new Promise((resolve) => {
              const check = () => (bar.value >= bytes ? resolve() : setTimeout(check, 100));
              check();
            })""",
            worker_bytes,
        )
        value, maximum = bar.evaluate("(bar) => [bar.value, bar.max]")
        assert (value, maximum) == (worker_bytes, worker_bytes + wasm_bytes), "not full while the wasm is coming"
        hosted.held.pop(XZ).set()
        panel.locator(".mpb-offline-done").wait_for(timeout=90_000)
    finally:
        hosted.serve_everything()
    assert page.evaluate("window.__savedProgressMax") == worker_bytes + wasm_bytes
    close(page)


@pytest.mark.parametrize(
    ("serves_ranges", "stalls"),
    [(True, False), (False, False), (True, True)],
    ids=["host-sends-ranges", "host-ignores-ranges", "download-stalls"],
)
def test_a_wasm_download_that_broke_off_goes_on_from_its_last_byte(
    closed_browser: Any, hosted: Server, serves_ranges: bool, stalls: bool
) -> None:
    """A dropped connection cost a reader on a slow, metered link the whole
    2.64 MB again, and the page's words said to reload, which lost the bytes
    already in.  "Try again" asks only for the rest; a host that sends the
    whole file instead still brings the engine up, decoded afresh.  A
    download that stalls, its connection open, is ended by the watchdog with
    its bytes kept: "Try again" had rejoined the stalled request (diff
    review s26, 1)."""
    size = (runtime_folder(hosted.directory) / XZ).stat().st_size
    half = size // 2
    page = new_page(closed_browser)
    if stalls:
        page.clock.install()  # the watchdog's 20 s pass at once
    try:
        hosted.serves_ranges = serves_ranges
        hosted.stalls = stalls
        hosted.broken_after[XZ] = half
        hosted.held[XZ] = threading.Event()
        hosted.ranges_asked.clear()
        page.goto(hosted.url + "calculators/competitiveness/")
        hosted.wait_for_arrival(XZ, page)
        widget = page.locator(".mpb-calculator")
        field(widget, "step2_score").fill("231")  # typed while the engine loads
        hosted.held.pop(XZ).set()
        if stalls:
            page.wait_for_timeout(1_500)  # the first half in, then nothing
            page.clock.fast_forward(25_000)
        words = widget.locator(".mpb-engine-off-unreachable")
        words.wait_for(timeout=30_000)
        assert "Check your connection, then press Try again; what you typed stays in the form." in words.inner_text()
        assert widget.get_attribute("data-runtime") == "failed"
        words.get_by_role("button", name="Try again").focus()
        page.keyboard.press("Enter")
        page.locator(LIVE).wait_for(timeout=90_000)
        # Back in the form, not on the body where the hidden button left focus.
        assert page.evaluate("document.activeElement.closest('fieldset') !== null")
        assert field(widget, "step2_score").input_value() == "231"
        wait_for_result(page, widget, "231 is below the first quartile")
    finally:
        hosted.serve_everything()
    asked = [(asked_range, validator) for name, asked_range, validator in hosted.ranges_asked if name == XZ]
    modified = formatdate((runtime_folder(hosted.directory) / XZ).stat().st_mtime, usegmt=True)
    # From the last byte the page had: the browser may not hand on the last
    # pieces the server sent before the connection broke.
    assert len(asked) == 2 and asked[0] == (None, None) and asked[1][1] == modified, asked
    assert (start := re.fullmatch(r"bytes=(\d+)-", asked[1][0] or "")) and 0 < int(start[1]) <= half, asked
    close(page)


def test_without_the_calculators_script_the_rest_is_saved_and_the_panel_says_so(closed_browser: Any, hosted: Server) -> None:
    """Saving depended on calculators.js: blocked, say, not even the pages were kept."""
    page = new_page(closed_browser)
    try:
        hosted.blocked_scripts.add("calculators.js")
        page.goto(hosted.url + "faq/")
        page.wait_for_load_state("load")
        assert page.evaluate("globalThis.matchPlanBKeepWasm") is None
        assert "engine was not saved" in saved_and_said(page, "no-engine")
        assert sorted(page.evaluate(RUNTIME_KEPT)) == sorted(downloaded_by_the_worker(hosted.directory))
    finally:
        hosted.serve_everything()
    with server_stopped(hosted):
        assert_unvisited_guide_opens(page, hosted)
        # A calculator, as the panel said: its result for the default inputs, not live.
        page.goto(hosted.url + CALCULATOR_PAGES[0])
        page.wait_for_selector('.mpb-calculator[data-runtime="failed"]', timeout=30_000)
        assert page.locator(".mpb-engine-off").first.is_visible()
    close(page)


# Whether the page's own stylesheet loaded: its relative links resolved.
STYLED = 'document.querySelector("link[rel=stylesheet][href*=main]").sheet?.cssRules.length > 0'


@contextlib.contextmanager
def offline_after_one_guide_visit(browser: Any, hosted: Server) -> Iterator[Any]:
    """A page that has visited one guide, no calculator, with the server stopped."""
    page = new_page(browser)
    page.goto(hosted.url + "faq/")
    page.evaluate(WAIT_FOR_WORKER)
    with server_stopped(hosted):
        yield page
    close(page)


def test_offline_an_address_without_its_trailing_slash_opens_its_page(closed_browser: Any, hosted: Server) -> None:
    """As the server would, the service worker redirects to the slash form,
    so the page's relative links resolve from its own folder."""
    with offline_after_one_guide_visit(closed_browser, hosted) as page:
        page.goto(hosted.url + "calculators/timeline?step2_score=250")
        assert page.url == hosted.url + "calculators/timeline/?step2_score=250"
        assert page.locator("article h1").inner_text().startswith("Dated timeline")
        assert page.evaluate(STYLED)
        page.goto(hosted.url + "assess")
        assert page.url == hosted.url + "assess/"
        assert page.locator("article h1").count() == 1


def test_the_zip_asked_for_with_no_connection_says_why_nothing_downloads(closed_browser: Any, hosted: Server) -> None:
    # The browser cancelled the download without a word (offline-phone-print audit s35, 2).
    with offline_after_one_guide_visit(closed_browser, hosted) as page:
        page.goto(hosted.url)
        note = page.locator(".mpb-offline-zip-offline")
        assert note.get_attribute("role") == "status" and note.inner_text() == ""
        page.context.set_offline(True)
        try:
            page.locator(".mpb-offline-zip").click()
            note.wait_for(state="visible", timeout=5_000)
            assert "You are offline" in note.inner_text()
            # A second press writes the words again, so it too is announced (a11y-phone audit s36, 3).
            page.evaluate(
                """() => { const note = document.querySelector('.mpb-offline-zip-offline');
                  window.writes = 0;
                  new MutationObserver(() => { if (note.textContent) window.writes += 1; })
                    .observe(note, { childList: true, characterData: true, subtree: true }); }"""
            )
            page.locator(".mpb-offline-zip").click()
            page.wait_for_function("() => window.writes >= 1", timeout=5_000)
        finally:
            page.context.set_offline(False)


def test_offline_an_unknown_address_gets_the_sites_404_page(closed_browser: Any, hosted: Server) -> None:
    """Not the browser's own error page; and only navigations get it."""
    with offline_after_one_guide_visit(closed_browser, hosted) as page:
        for unknown in ("no-such-page/", "calculators/no-such-calculator", "assess/old-page.html"):
            response = page.goto(hosted.url + unknown)
            assert response is not None and response.status == 404, unknown
            assert page.url == hosted.url + unknown
            assert page.locator("article h1").inner_text() == "404 - Not found", unknown
            assert page.evaluate(STYLED), unknown
        refused = page.evaluate("fetch('no-such-file.js').then((r) => r.status, () => 'refused')")
        assert refused == "refused", "a request other than a navigation is not answered with the 404 page"


def test_a_new_build_is_picked_up_and_the_old_copy_dropped(closed_browser: Any, hosted: Server) -> None:

    page = new_page(closed_browser)
    page.goto(hosted.url + "faq/")
    page.evaluate(WAIT_FOR_WORKER)
    keys = """async () => {
      const name = (await caches.keys()).find((n) => n.includes("precache"));
      return (await (await caches.open(name)).keys()).map((r) => r.url).filter((u) => u.includes("faq/"));
    }"""
    (old_key,) = page.evaluate(keys)

    # A new build with one page changed.
    faq = hosted.directory / "faq" / "index.html"
    faq.write_text(faq.read_text(encoding="utf-8").replace("Frequently asked questions", "Questions, answered"), encoding="utf-8")
    publish_a_new_service_worker(hosted.directory)

    page.reload()  # the browser finds the new worker, which takes over at once
    page.locator(".mpb-updated").wait_for(timeout=30_000)
    page.locator(".mpb-updated").get_by_role("button", name="Reload").click()
    page.wait_for_load_state()
    assert page.locator("article h1").inner_text().startswith("Questions, answered")
    (new_key,) = page.evaluate(keys)
    assert new_key != old_key, "the old copy of the page is gone from the cache"
    close(page)


def test_a_kept_page_older_than_the_site_says_the_site_was_updated(closed_browser: Any, hosted: Server) -> None:
    # A reader of guides only, back after a deploy that replaced the wheel:
    # the service worker served the kept page, whose engine asked for the old
    # wheel and got 404, and the page said the engine "could not start in
    # this browser" (offline audit s19, finding 2).
    page = new_page(closed_browser)
    page.goto(hosted.url + "faq/")
    page.evaluate(WAIT_FOR_WORKER)
    wheel = built_manifest(hosted.directory)["wheel"] + ".zst"
    hosted.refused.add(wheel)
    try:
        page.goto(hosted.url + "calculators/competitiveness/")
        widget = page.locator('.mpb-calculator[data-runtime="failed"]')
        widget.wait_for(timeout=30_000)
        updated = widget.locator(".mpb-engine-off-updated")
        assert updated.is_visible() and "the site has been updated" in updated.inner_text()
        assert widget.locator(".mpb-engine-off-why").is_hidden()
        assert "the site has been updated" in widget.locator(".mpb-status-text").inner_text()
    finally:
        hosted.serve_everything()
    close(page)


def test_a_new_builds_runtime_is_kept_for_a_reader_who_had_kept_the_old_one(closed_browser: Any, hosted: Server) -> None:
    # After "Save for offline use" (or a calculator's run), a deploy that
    # changed the wheel emptied the saved runtime of it: offline, every
    # calculator then failed (offline audit s19, finding 1).

    page = new_page(closed_browser)
    assert_live(page, hosted.url + "calculators/competitiveness/")
    page.evaluate(WAIT_FOR_WORKER)
    page.evaluate(WAIT_FOR_RUNTIME, len(runtime_files(hosted.directory)))

    # A new build whose calculators changed: the wheel has another name.
    folder = runtime_folder(hosted.directory)
    old = built_manifest(hosted.directory)["wheel"]
    new = old.replace("calculators-", "calculators-0")
    shutil.copy2(folder / f"{old}.zst", folder / f"{new}.zst")
    worker = hosted.directory / "assets" / "javascripts" / "calculator-worker.js"
    worker.write_text(worker.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    publish_a_new_service_worker(hosted.directory)

    page.goto(hosted.url + "faq/")  # a guide page: no calculator runs online after the update
    page.locator(".mpb-updated").wait_for(timeout=30_000)
    for _ in range(300):
        kept = page.evaluate(RUNTIME_KEPT)
        if f"{new}.zst" in kept and f"{old}.zst" not in kept:
            break
        page.wait_for_timeout(100)
    kept = page.evaluate(RUNTIME_KEPT)
    assert f"{new}.zst" in kept and f"{old}.zst" not in kept, kept

    assert_live_offline(page, hosted, "calculators/timeline/")
    close(page)


def rename_runtime_folder(site: Path, new_name: str) -> str:
    """What a build with another Pyodide looks like to a browser: every
    runtime address changes.  Returns the old folder's name."""
    folder = runtime_folder(site)
    old_name = folder.name
    folder.rename(folder.with_name(new_name))
    for text_file in [*site.rglob("*.html"), *(site / "assets" / "javascripts").glob("*.js")]:
        text = text_file.read_text(encoding="utf-8")
        if f"{old_name}/" in text:
            text_file.write_text(text.replace(f"{old_name}/", f"{new_name}/"), encoding="utf-8")
    return old_name


def test_a_new_pyodides_runtime_wasm_included_is_kept_for_a_reader_who_had_kept_the_old_one(
    closed_browser: Any, hosted: Server
) -> None:
    # A new Pyodide renames the runtime folder, so nothing kept matched the
    # new build: the service worker completed nothing, and the wasm, which
    # only a page keeps, stayed missing; offline, every calculator failed
    # until one had run online again (the nineteenth session's note).

    page = new_page(closed_browser)
    assert_live(page, hosted.url + "calculators/competitiveness/")
    page.evaluate(WAIT_FOR_WORKER)
    page.evaluate(WAIT_FOR_RUNTIME, len(runtime_files(hosted.directory)))

    old_name = rename_runtime_folder(hosted.directory, "pyodide-0.0.0-next")
    try:
        publish_a_new_service_worker(hosted.directory)
        wanted = {f"{hosted.url}assets/pyodide-0.0.0-next/{name}" for name in runtime_files(hosted.directory)}

        page.goto(hosted.url + "faq/")  # a guide page: no calculator runs online after the update
        page.locator(".mpb-updated").wait_for(timeout=30_000)
        # The page from before the update cannot keep the new wasm, and says so: a
        # reader who went offline after it found the calculators dead (upgrade audit s30, 2).
        page.locator(".mpb-updated", has_text="Reload while you are online, too").wait_for(timeout=10_000)
        # The reloaded one keeps it.
        page.locator(".mpb-updated").get_by_role("button", name="Reload").click()
        page.wait_for_load_state()
        kept_urls = f"""async () => (await (await caches.open("{RUNTIME_CACHE}")).keys()).map((r) => r.url)"""
        for _ in range(600):
            if wanted <= set(page.evaluate(kept_urls)):
                break
            page.wait_for_timeout(100)
        kept = set(page.evaluate(kept_urls))
        assert wanted <= kept, sorted(wanted - kept)
        assert not [url for url in kept if f"/{old_name}/" in url], "the old runtime is dropped"

        assert_live_offline(page, hosted, "calculators/timeline/")
        close(page)
    finally:
        rename_runtime_folder(hosted.directory, old_name)
        publish_a_new_service_worker(hosted.directory)


@pytest.mark.parametrize("arrival", ["load", "instant-navigation"])
def test_a_browser_refusing_site_data_is_told_so_not_that_the_connection_dropped(
    playwright_session: Any, hosted: Server, tmp_path: Path, arrival: str
) -> None:
    # Chrome's "Block all cookies" (or a work or school policy) refuses the
    # service worker and its caches: each press failed at once and the panel
    # blamed the connection (restricted-browser audit s29, 2).  The setting
    # is a real profile's, not a stand-in.
    with refusing_site_data(playwright_session, tmp_path / "profile") as context:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        if arrival == "load":
            page.goto(hosted.url + "faq/")
        else:
            page.goto(hosted.url + "apply/")
            start_navigation(page, hosted.url + "faq/")
        panel = page.locator(".mpb-offline").first
        words = panel.locator(".mpb-offline-refused")
        words.wait_for(timeout=10_000)
        assert "Block all cookies" in words.inner_text()
        assert panel.locator(".mpb-offline-save").is_disabled()
        for other in ("saving", "done", "failed", "unsupported"):
            assert panel.locator(f".mpb-offline-{other}").is_hidden(), other
        assert errors == []


def test_without_javascript_the_panel_offers_no_button_that_does_nothing(closed_browser: Any, hosted: Server) -> None:
    page = new_page(closed_browser, java_script_enabled=False)
    page.goto(hosted.url + "faq/")
    panel = page.locator(".mpb-offline").first
    assert panel.locator(".mpb-offline-save").is_hidden()
    assert "needs JavaScript" in panel.inner_text()
    assert panel.locator("a[download]").is_visible(), "the zip is still offered"
    close(page)
