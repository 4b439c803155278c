"""Shared fixtures: one real site build per test session, served on loopback,
and headless Chromium that refuses to talk to any other host."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest

from calculators.profile import APPLIED, APPLIED_THIS_SEASON, NOT_APPLIED, NOT_SAID

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Readers whose group the by-specialty NRMP figures do not describe (only
# non-US IMGs'): their type, how the calculators name the group, how the
# match-rate table names it, and that table's field for it.
READERS_OUTSIDE_THE_DATA = [
    ("us-img", "US-citizen IMGs", "US-citizen IMGs", "us_img_pct"),
    ("us-md", "US MD seniors and graduates", "US MD seniors", "us_md_senior_pct"),
    ("us-do", "US DO seniors and graduates", "US DO seniors", "us_do_senior_pct"),
]
# The fmusimg audit's reader (s46): a US-citizen IMG unmatched once in internal
# medicine, weighing family medicine as the main plan; read by the program counts
# and signals tests.
FM_REAPPLICANT = {
    "applicant_type": "us-img",
    "step2_score": 224,
    "exam_failures": 1,
    "years_since_graduation": 4,
    "usce_months": 2,
    "recent_clinical_months": 0,
    "specialty_letters": 2,
    "research_items": 1,
    "away_rotations": 1,
    "previously_unmatched": True,
    "specialty": "family-medicine",
}
# The dermnonus audit's reader (s45): a non-US IMG set on dermatology after two
# research years without patients, read by the calculators' tests and the guides'.
DERM_NON_US_IMG = {
    "specialty": "dermatology",
    "applicant_type": "non-us-img",
    "needs_visa": "true",
    "step2_score": 258,
    "exam_failures": 0,
    "years_since_graduation": 5,
    "usce_months": 2,
    "observership_months": 0,
    "recent_clinical_months": 0,
    "specialty_letters": 2,
    "research_items": 9,
    "away_rotations": 0,
}
# The planner audit's reader: a 2023 graduate from India, Step 2 CK 245, no
# US clinical experience or letters, needing a visa, planning internal
# medicine for the Match 2028 on 7 December 2026 (planner audit s54, 4 and 12).
PLANNER54 = {
    "specialty": "internal-medicine",
    "applicant_type": "non-us-img",
    "step2_score": 245,
    "years_since_graduation": 3,
    "usce_months": 0,
    "specialty_letters": 0,
    "needs_visa": "true",
}

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_MISSING = f"Chromium not found at {CHROMIUM}: install Debian's chromium package (.ci/run does), or set CHROMIUM."
# The closed network refuses Chromium's own background connections, so they
# are switched off rather than left to fail noisily.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Chromium resolves no host name but loopback's, so a request for any other
# host fails as it would with no network, whatever makes it (a service
# worker's requests pass no route); the tests' routes (keep_to_loopback) also
# record such a request, which fails the test.
ONLY_LOOPBACK = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


def pin_build_date(monkeypatch: pytest.MonkeyPatch, day: dt.date | str) -> None:
    """The build's "today", as SOURCE_DATE_EPOCH sets it for a reproducible
    build, which the calculators' reference_date reads: one helper where four
    test files each wrote their own (diff review s41, 10)."""
    when = dt.date.fromisoformat(day) if isinstance(day, str) else day
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC).timestamp())))


def applied_this_season(answer: str | None) -> dict[str, str]:
    """The inputs for an answer to "Applied this season": "yes", "no" or
    "not-said", said of the Match the build asks about (the values name it:
    diff review s55, 1), or none for None.  One helper where four test files
    each built the mapping (diff review s55, 13)."""
    if answer is None:
        return {}
    said = {"yes": APPLIED, "no": NOT_APPLIED, "not-said": NOT_SAID}
    return {APPLIED_THIS_SEASON.name: said.get(answer, answer)}


def build_site(
    target: Path,
    config: Path = ROOT / "mkdocs.yml",
    site_url: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if site_url:
        env["SITE_URL"] = site_url
    # The console script, as `make build` and the deploy run it: `python -m
    # mkdocs` puts the project on the import path, where a hook that
    # imported the calculators built here and failed in the deploy.
    mkdocs = Path(sys.executable).with_name("mkdocs")
    return subprocess.run(
        [str(mkdocs), "build", "--strict", "--config-file", str(config), "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A loopback server that does not print a traceback when the browser
    drops a download it no longer needs (a reload, a failed start)."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


# GitHub Pages serves a project's site under the repository's name, so the
# tests serve theirs under a path as well: an address resolved from the host's
# root rather than the site's would work at "/" and fail once hosted.
HOSTED_PATH = "match-plan-b/"


def build_and_serve(root: Path, config: Path) -> tuple[QuietServer, Path, str]:
    """Bind a loopback port first, then build for exactly that address:
    Material's instant navigation only works when site_url matches it.
    Returns the server, the built site's folder and its address."""
    site = root / HOSTED_PATH
    site.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = QuietServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/{HOSTED_PATH}"
    result = build_site(site, config, site_url=url)
    assert result.returncode == 0, result.stdout + result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, site, url


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    server, site, url = build_and_serve(tmp_path_factory.mktemp("site"), ROOT / "mkdocs.yml")
    yield site, url
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(served_site: tuple[Path, str]) -> Path:
    return served_site[0]


@pytest.fixture(scope="session")
def site_url(served_site: tuple[Path, str]) -> str:
    return served_site[1]


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The downloadable copy as `make offline` builds it, before zipping."""
    target = tmp_path_factory.mktemp("offline-copy") / "match-plan-b"
    result = build_site(target, extra_env={"OFFLINE": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.fixture(scope="session")
def plain_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same site built without Material's instant navigation."""
    server, _, url = build_and_serve(
        tmp_path_factory.mktemp("plain-site"), ROOT / "tests" / "fixtures" / "without-instant-navigation.yml"
    )
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[object]:
    """One Playwright for the session: its sync API cannot run twice at once."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(CHROMIUM_MISSING)
    with playwright_api.sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_session: object) -> Iterator[object]:
    browser = playwright_session.chromium.launch(  # type: ignore[attr-defined]
        executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, ONLY_LOOPBACK]
    )
    yield browser
    browser.close()


@contextlib.contextmanager
def refusing_site_data(playwright_session: object, profile: Path) -> Iterator[object]:
    """A Chromium context set as Chrome's "Block all cookies" (or a work or
    school policy) sets it: storage, caches and service workers refused.  A
    real profile setting, not a stand-in; no host but loopback resolves."""
    (profile / "Default").mkdir(parents=True)
    settings = {"profile": {"default_content_setting_values": {"cookies": 2}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(settings), encoding="utf-8")
    context = playwright_session.chromium.launch_persistent_context(  # type: ignore[attr-defined]
        str(profile),
        executable_path=CHROMIUM,
        headless=True,
        args=[*CHROMIUM_ARGS, ONLY_LOOPBACK],
    )
    try:
        yield context
    finally:
        context.close()


@dataclasses.dataclass
class Requests:
    """What a context's pages asked for: every request to a non-loopback host,
    which the site must never make, and the loopback origins it used."""

    offsite: list[str] = dataclasses.field(default_factory=list)
    origins: set[str] = dataclasses.field(default_factory=set)


def offsite_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and (parts.hostname or "") not in LOOPBACK_HOSTS


# Requests for other hosts by the contexts a test made itself (keep_to_loopback),
# which fail the test.
OFFSITE: list[str] = []


def keep_to_loopback(context: object, requests: Requests | None = None) -> None:
    """Refuse every request ``context`` makes for a host other than loopback
    and record it in ``requests`` (with the loopback origins it used), or else
    in OFFSITE.  Routing also turns the context's HTTP cache off, so a test
    that later fails or holds a runtime file in it is not answered from the
    cache (without it, one did not see the engine fail: 2026-12-06)."""

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if offsite_url(url):
            (requests.offsite if requests else OFFSITE).append(url)
            route.abort()  # type: ignore[attr-defined]
            return
        if requests and url.startswith("http"):
            parts = urlsplit(url)
            requests.origins.add(f"{parts.scheme}://{parts.netloc}")
        route.continue_()  # type: ignore[attr-defined]

    context.route("**/*", guard)  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def nothing_offsite() -> Iterator[None]:
    OFFSITE.clear()
    yield
    assert not OFFSITE, f"the site tried to reach other hosts: {OFFSITE}"


def guarded_context(browser: object, **options: object) -> tuple[object, Requests]:
    """A context whose requests to any host but loopback are refused and
    recorded. Request routing and service workers do not mix (a worker's own
    fetches bypass the routes); the service worker has its own tests without
    routing."""
    context = browser.new_context(service_workers="block", **options)  # type: ignore[attr-defined]
    requests = Requests()
    keep_to_loopback(context, requests)
    return context, requests


def watched_page(context: object, requests: Requests) -> object:
    page = context.new_page()  # type: ignore[attr-defined]
    page.set_default_timeout(60_000)
    page.offsite_requests = requests.offsite
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.page_errors = errors
    return page


def assert_kept_to_itself(page: object) -> None:
    offsite = page.offsite_requests  # type: ignore[attr-defined]
    assert not offsite, f"the site tried to reach other hosts: {offsite}"
    assert not page.page_errors, f"uncaught page errors: {page.page_errors}"  # type: ignore[attr-defined]


@pytest.fixture
def first_visit_page(browser: object) -> Iterator[object]:
    """A first-time reader's tab: a browser that has kept nothing."""
    context, requests = guarded_context(browser)
    page = watched_page(context, requests)
    yield page
    context.close()  # type: ignore[attr-defined]
    assert_kept_to_itself(page)


@pytest.fixture
def page(request: pytest.FixtureRequest) -> object:
    """A first visit's tab, or with ``@pytest.mark.reader("returning")`` (on a
    module of what a reader does once the engine has started, where it starts
    sooner) a returning reader's; the mark nearest the test decides."""
    mark = request.node.get_closest_marker("reader")
    kind = mark.args[0] if mark else "first_visit"
    if kind not in ("first_visit", "returning"):
        raise ValueError(f'pytest.mark.reader takes "first_visit" or "returning", not {kind!r}')
    return request.getfixturevalue(f"{kind}_page")


# A calculator page, the first load of which leaves the engine's memory
# snapshot to be kept in the background.
WARM_UP_PAGE = "calculators/competitiveness/"
SNAPSHOT_STORED = "() => performance.getEntriesByName('mpb:snapshot-stored').length > 0"


@pytest.fixture(scope="session")
def returning_context(browser: object, site_url: str) -> Iterator[tuple[object, Requests]]:
    """A browser that has started the engine before and kept its runtime and
    snapshot, as a returning reader's has. Tests of what a reader does on a
    page, not of how the engine starts, share it: each start then takes a
    fraction of a first one."""
    context, requests = guarded_context(browser)
    page = watched_page(context, requests)
    ready = '.mpb-calculator[data-runtime="ready"]'
    page.goto(site_url + WARM_UP_PAGE)  # type: ignore[attr-defined]
    page.wait_for_selector(ready, timeout=90_000)  # type: ignore[attr-defined]
    page.reload()  # type: ignore[attr-defined]
    page.wait_for_selector(ready, timeout=90_000)  # type: ignore[attr-defined]
    page.wait_for_function(SNAPSHOT_STORED, timeout=90_000)  # type: ignore[attr-defined]
    page.close()  # type: ignore[attr-defined]
    assert_kept_to_itself(page)
    yield context, requests
    context.close()  # type: ignore[attr-defined]


@pytest.fixture
def returning_page(returning_context: tuple[object, Requests]) -> Iterator[object]:
    """A tab in the returning reader's browser, with nothing of the last
    test's left but the engine's kept files: its answers and permissions are
    cleared, its tabs closed."""
    context, requests = returning_context
    page = watched_page(context, requests)
    yield page
    try:
        assert_kept_to_itself(page)
    finally:
        requests.offsite.clear()
        forget_the_visit(context, requests)


# What the engine notes in localStorage beside the files it keeps (the wasm
# kept, its refill asked for): part of a returning reader's browser.
ENGINE_KEYS = "matchplanb:runtime-"


def forget_the_visit(context: object, requests: Requests) -> None:
    """Close every tab and clear what the reader left in the browser but the
    engine's kept files and notes of them: answers in localStorage,
    permissions. Each new tab has its own sessionStorage."""
    tabs = list(context.pages)  # type: ignore[attr-defined]
    if not tabs:
        tabs = [context.new_page()]  # type: ignore[attr-defined]
    # The tabs' own last writes, as their pages are left, come before the clearing.
    for tab in tabs[1:]:
        tab.close()
    for origin in requests.origins:
        # A missing file: the server's short error page, on the origin.
        try:
            tabs[0].goto(origin + "/forget-the-visit")
        except Exception as error:
            if "ERR_CONNECTION_REFUSED" not in str(error):
                raise
            continue  # a test's own server, stopped: no later test reaches it
        tabs[0].evaluate(
            """(kept) => Object.keys(localStorage)
                .filter((key) => !key.startsWith(kept))
                .forEach((key) => localStorage.removeItem(key))""",
            ENGINE_KEYS,
        )
    tabs[0].close()
    requests.origins.clear()
    context.clear_permissions()  # type: ignore[attr-defined]
