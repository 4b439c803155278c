"""Material's search index waits for the calculator engine on calculator pages
(search-index-later.js), and search still works everywhere."""

from __future__ import annotations

import re
from typing import Any

import pytest
from browser import open_calculator, search_finds
from conftest import ROOT

pytestmark = pytest.mark.browser

CALCULATOR_PAGE = "calculators/competitiveness/"
GUIDE_PAGE = "faq/"
WIDGET = ".mpb-calculator"
# When the index was requested, on the page's clock.
INDEX_REQUESTED = (
    "performance.getEntriesByType('resource').find((e) => e.name.endsWith('/search/search_index.json'))?.startTime ?? null"
)
# The worker's mark for the calculators imported, just before it says it is ready.
IMPORTED = "performance.getEntriesByName('mpb:imported')[0]?.startTime ?? null"


def test_on_a_calculator_page_the_index_is_requested_once_the_engine_runs(page: Any, site_url: str) -> None:
    open_calculator(page, site_url + CALCULATOR_PAGE, "competitiveness")
    page.wait_for_function(f"{INDEX_REQUESTED} !== null")
    requested, imported = page.evaluate(f"[{INDEX_REQUESTED}, {IMPORTED}]")
    assert requested >= imported, f"index requested at {requested:.0f} ms, calculators imported at {imported:.0f} ms"
    assert "soap" in search_finds(page, "SOAP")


def test_a_failed_engine_lets_the_index_load(page: Any, site_url: str) -> None:
    page.route("**/pyodide.asm.wasm.xz", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(site_url + CALCULATOR_PAGE)
    page.wait_for_selector(f'{WIDGET}[data-runtime="failed"]', timeout=30_000)
    page.wait_for_function(f"{INDEX_REQUESTED} !== null", timeout=10_000)


@pytest.mark.parametrize("by_keyboard", [False, True], ids=["by-click", "by-keyboard"])
def test_opening_the_search_before_the_engine_runs_loads_the_index_at_once(page: Any, site_url: str, by_keyboard: bool) -> None:
    held: list[Any] = []
    page.route("**/pyodide.asm.wasm.xz", lambda route: held.append(route))  # the engine never gets its runtime
    page.goto(site_url + CALCULATOR_PAGE)
    page.wait_for_selector(f'{WIDGET}[data-runtime="loading"]')
    page.wait_for_timeout(1_000)
    assert page.evaluate(INDEX_REQUESTED) is None, "the index should wait while the engine starts"
    assert "soap" in search_finds(page, "SOAP", by_keyboard)
    assert page.locator(f'{WIDGET}[data-runtime="loading"]').count() == 1
    for route in held:
        route.abort()


def test_a_page_without_a_calculator_requests_the_index_at_once(page: Any, site_url: str) -> None:
    page.goto(site_url + GUIDE_PAGE)
    page.wait_for_function(f"{INDEX_REQUESTED} !== null", timeout=10_000)
    assert page.locator(WIDGET).count() == 0


def test_search_results_have_names_a_screen_reader_can_say(page: Any, site_url: str) -> None:
    # A result link wraps an <article>, which gives it no name from its content.
    page.goto(site_url + "faq/")
    search_finds(page, "visa")
    links = [line.strip() for line in page.locator(".md-search-result__list").aria_snapshot().splitlines() if "- link" in line]
    assert links, "no result to check"
    unnamed = [line for line in links if not line.startswith('- link "')]
    assert not unnamed, unnamed
    # With the results open, axe finds nothing, their contrast included. One
    # rule is left out on purpose: it wants a link's name to hold all the text
    # it shows, and a result shows its whole excerpt (up to 3,000 characters
    # read out per result); the heading names the result, as a speech-input
    # reader would say it.
    page.add_script_tag(path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js"))
    found = page.evaluate(
        """async () => (await axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: false } } }))
             .violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))"""
    )
    assert found == []


def test_a_search_result_keeps_the_readers_words_out_of_its_address(page: Any, site_url: str) -> None:
    # With search.highlight a result opened /apply/interviews/?h=interview: the words
    # went to the host and into the history, and readers search for a failed exam or a visa.
    page.goto(site_url + "faq/")
    href = search_finds(page, "visa")
    assert "visa" not in href.lower() and "?" not in href, href


def test_tab_from_the_search_box_lands_on_something_the_reader_can_see(page: Any, site_url: str) -> None:
    # Material's results box was a Tab stop, reached only once Tab had closed
    # the search: invisible, and announced as "Type to start searching".
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + GUIDE_PAGE)
    page.locator("input.md-search__input").focus()
    page.keyboard.press("Tab")
    landed = page.evaluate(
        """() => { const a = document.activeElement, box = a.getBoundingClientRect();
             return { name: a.className, height: box.height, width: box.width }; }"""
    )
    assert "md-search__scrollwrap" not in landed["name"], landed
    assert landed["height"] > 0 and landed["width"] > 0, landed
    # The results are still reached from the box by the arrow keys.
    search_finds(page, "visa")
    # The results for the whole word: those for "vis" can still be replaced
    # by them after the first result shows, taking the focus with them.
    page.locator(".md-search-result mark", has_text=re.compile("^visa$", re.I)).first.wait_for()
    page.wait_for_timeout(300)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.classList.contains('md-search-result__link')")
