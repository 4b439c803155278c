"""Shared fixtures: one real site build per test session, served on loopback,
and headless Chromium that refuses to talk to any other host."""

from __future__ import annotations

import functools
import http.server
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

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Readers whose group the by-specialty NRMP figures do not describe (only
# non-US IMGs'): their type, how the calculators name the group, how the
# match-rate table names it, and that table's field for it.
READERS_OUTSIDE_THE_DATA = [
    ("us-img", "US-citizen IMGs (and permanent residents)", "US-citizen IMGs", "us_img_pct"),
    ("us-md", "US MD seniors and graduates", "US MD seniors", "us_md_senior_pct"),
    ("us-do", "US DO seniors and graduates", "US DO seniors", "us_do_senior_pct"),
]
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


def build_site(
    target: Path,
    config: Path = ROOT / "mkdocs.yml",
    site_url: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(target)],
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


def build_and_serve(target: Path, config: Path) -> tuple[QuietServer, str]:
    """Bind a loopback port first, then build for exactly that address:
    Material's instant navigation only works when site_url matches it."""
    target.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(QuietHandler, directory=str(target))
    server = QuietServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = build_site(target, config, site_url=url)
    assert result.returncode == 0, result.stdout + result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, url


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    target = tmp_path_factory.mktemp("site")
    server, url = build_and_serve(target, ROOT / "mkdocs.yml")
    yield target, url
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
    server, url = build_and_serve(
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
    browser = playwright_session.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)  # type: ignore[attr-defined]
    yield browser
    browser.close()


class OffsiteRequests(list[str]):
    """Every request to a non-loopback host, which the page must never make."""


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    # Request routing and service workers do not mix (a worker's own fetches
    # bypass the routes); the service worker has its own tests without routing.
    context = browser.new_context(service_workers="block")  # type: ignore[attr-defined]
    blocked = OffsiteRequests()

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:")) or host in LOOPBACK_HOSTS:
            route.continue_()  # type: ignore[attr-defined]
        else:
            blocked.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.offsite_requests = blocked  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.page_errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()
    assert not blocked, f"the site tried to reach other hosts: {blocked}"
    assert not errors, f"uncaught page errors: {errors}"
