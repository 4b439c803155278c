"""Small helpers for driving a calculator widget in the browser tests."""

from __future__ import annotations

import re
from typing import Any

from conftest import ROOT

# Live, and the form holding the reader's values (data-restored follows
# "ready" by one message to the engine).
READY = '.mpb-calculator[data-calculator="{name}"][data-runtime="ready"][data-restored]'


def open_calculator(page: Any, url: str, name: str) -> Any:
    page.goto(url)
    page.wait_for_selector(READY.format(name=name), timeout=90_000)
    return page.locator(f'.mpb-calculator[data-calculator="{name}"]').first


# The first live reply is in (the status line may stay silent for it: a form
# at its defaults says nothing new).
ANSWERED = '.mpb-calculator[data-calculator="{name}"][data-answered]'
# How long after the last key in a typed field the status line speaks (a
# choice in a drop-down or a checkbox: 1 s), read from calculators.js so the
# tests' waits follow it.
_PAGE_SCRIPT = (ROOT / "docs/assets/javascripts/calculators.js").read_text(encoding="utf-8")
TYPED_ANNOUNCE_PAUSE_MS = int(re.search(r"const TYPED_ANNOUNCE_PAUSE_MS = ([0-9_]+);", _PAGE_SCRIPT)[1].replace("_", ""))  # type: ignore[index]
ANNOUNCE_PAUSE_MS = int(re.search(r"const ANNOUNCE_PAUSE_MS = ([0-9_]+);", _PAGE_SCRIPT)[1].replace("_", ""))  # type: ignore[index]


def first_live_result(widget: Any) -> str:
    """The result once the first live reply (from the address, remembered
    answers or the reader's date) has replaced the prerendered one, which
    lands after "ready"; comparing against the prerendered markup would make
    that late first reply look like the reply to an edit."""
    answered(widget)
    return widget.locator(".mpb-result").inner_html()


def answered(widget: Any, timeout: float = 30_000) -> None:
    widget.page.wait_for_selector(ANSWERED.format(name=widget.get_attribute("data-calculator")), timeout=timeout)


def result_text(widget: Any) -> str:
    return widget.locator(".mpb-result").inner_text()


def wait_for_result(page: Any, widget: Any, text: str) -> None:
    widget.locator(".mpb-result", has_text=text).wait_for(timeout=30_000)


def field(widget: Any, name: str) -> Any:
    return widget.locator(f'[name="{name}"]')


# This tab's copy of a calculator's inputs on the current page (calculators.js keepTabCopy).
TAB_COPY = "(name) => JSON.parse(sessionStorage.getItem(`matchplanb:inputs:${location.pathname}#${name}`))"


def tab_copy(page: Any, name: str) -> dict[str, Any] | None:
    return page.evaluate(TAB_COPY, name)


def wait_for_tab_copy(page: Any, name: str, field_name: str, value: str) -> None:
    page.wait_for_function(
        f"([name, field, value]) => ({TAB_COPY})(name)?.inputs?.[field] === value",
        arg=[name, field_name, value],
        timeout=30_000,
    )


def error_of(widget: Any, name: str) -> Any:
    return widget.locator(f'.mpb-field[data-field="{name}"] .mpb-error')


def search_finds(page: Any, query: str, by_keyboard: bool = False) -> str:
    """Type ``query`` into Material's search, opened by a click or by its
    keyboard shortcut, and return the first result's link."""
    if by_keyboard:
        page.keyboard.press("/")
    else:
        page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=100)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=20_000)
    return str(first.get_attribute("href"))


# Resolves once Material has swapped in the new page (document$ replays the
# current page to a new subscriber, which is skipped).  The address changes
# first, as on a reader's click (Material pushes it, then emits location$):
# the new page's relative URLs resolve against it, and a site served under a
# path would load them from the wrong folder otherwise.
_NAVIGATE = """(url) => new Promise((resolve) => {
  let navigating = false;
  const subscription = document$.subscribe(() => {
    if (navigating) { resolve(); setTimeout(() => subscription.unsubscribe()); }
  });
  navigating = true;
  history.pushState(null, "", url);
  location$.next(new URL(url));
})"""

_SETTLED = """() => [...document.querySelectorAll('.mpb-calculator')]
  .every((c) => c.dataset.runtime === 'failed' || (c.dataset.runtime === 'ready' && c.dataset.restored))"""


def navigate(page: Any, url: str) -> None:
    """Go to ``url`` through Material's instant navigation, which keeps the
    calculator engine alive, and wait until every calculator there is live."""
    start_navigation(page, url)
    page.wait_for_function(_SETTLED)


def start_navigation(page: Any, url: str) -> None:
    """Go to ``url`` through Material's instant navigation and return once the
    new page is in, without waiting for its calculators."""
    page.evaluate(_NAVIGATE, url)


# Material follows a link itself only once it has read the site's
# sitemap.xml; a link followed before then loads its page afresh, as an early
# click of a reader's would.  Reading it takes a task or two after the download.
_SITEMAP_READ = """() => performance.getEntriesByType('resource')
  .some((entry) => entry.name.endsWith('/sitemap.xml') && entry.responseEnd > 0)"""


def open_page(page: Any, url: str) -> None:
    """Load ``url`` and wait until a link followed there goes through
    Material's instant navigation."""
    page.goto(url)
    page.wait_for_function(_SITEMAP_READ)
    page.wait_for_timeout(200)


def stored_snapshots(page: Any) -> list[str]:
    """The addresses in the engine's snapshot cache (a snapshot's, and the
    marker that this browser has started the engine before)."""
    return page.evaluate("""async () => (await (await caches.open("matchplanb-engine-snapshot")).keys()).map((r) => r.url)""")


def zstd_frame(data: bytes) -> bytes:
    """``data`` as a valid Zstandard frame of raw (uncompressed) blocks, for
    tests that serve the engine a well-formed file with the wrong content.
    The standard library of the Python running the tests may lack zstd."""
    block = 128 * 1024  # the format's largest block
    frame = bytearray(b"\x28\xb5\x2f\xfd")
    frame += bytes([0b1010_0000])  # 4-byte content size, single segment, no checksum
    frame += len(data).to_bytes(4, "little")
    for start in range(0, max(len(data), 1), block):
        chunk = data[start : start + block]
        last = start + block >= len(data)
        frame += (int(last) | (len(chunk) << 3)).to_bytes(3, "little")  # raw block
        frame += chunk
    return bytes(frame)


# What a browser's page translation does to the live page, as Chrome's does
# it (translate audit s28): a moment after any text appears outside code and
# translate="no", its node is replaced by <font> elements holding other words.
# Scripts that read their own words back then find words they never wrote.
TRANSLATE_PAGE = """(() => {
  const SKIP = "script, style, code, pre, kbd, samp, svg, noscript, textarea, [translate='no'], font";
  const translate = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.data.trim() && !node.parentElement?.closest(SKIP)) found.push(node);
    }
    for (const node of found) {
      const outer = document.createElement("font");
      outer.appendChild(document.createElement("font")).textContent = `«T»${node.data.toUpperCase()}`;
      node.replaceWith(outer);
    }
  };
  document.documentElement.classList.add("translated-ltr");
  translate();
  new MutationObserver(() => setTimeout(translate, 50)).observe(document.body, { childList: true, characterData: true, subtree: true });
})()"""
# The mark before the words the simulated translation wrote.
TRANSLATED = "«T»"


def translate_page(page: Any) -> None:
    """Translate the page as the reader's browser would, from now on."""
    page.evaluate(TRANSLATE_PAGE)


# Put before the engine worker's own code, each makes it answer nothing from
# one request on, as a worker that died would: a request whose inputs hold
# the score 251, or the restore of saved answers.
SILENT_FROM_251 = """let dead = false;
self.addEventListener("message", (event) => {
  if (String(event.data?.payload).includes('"251"')) dead = true;
  if (dead) event.stopImmediatePropagation();
});
"""
SILENT_FROM_RESTORE = """let dead = false;
self.addEventListener("message", (event) => {
  if (event.data?.fn === "restore") dead = true;
  if (dead) event.stopImmediatePropagation();
});
"""


def silence_worker(page: Any, prelude: str, *, first_only: bool = True) -> list[str]:
    """Serve the engine's worker with ``prelude`` before its code, to the
    first worker started or to every one; the list fills with each worker's
    address as it starts, so a test can count the restarts."""
    started: list[str] = []

    def serve(route: Any) -> None:
        started.append(route.request.url)
        response = route.fetch()
        added = prelude if len(started) == 1 or not first_only else ""
        route.fulfill(response=response, body=added + response.text())

    page.route("**/calculator-worker.js*", serve)
    return started
