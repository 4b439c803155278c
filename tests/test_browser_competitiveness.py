"""The competitiveness calculator live in headless Chromium: Pyodide computes,
errors appear by their field, and the runtime survives instant navigation.
Every request to a host other than loopback is blocked and fails the test."""

from __future__ import annotations

from typing import Any

import pytest
from browser import READY, error_of, field, open_calculator, result_text, wait_for_result, wait_for_tab_copy

pytestmark = [pytest.mark.browser, pytest.mark.reader("returning")]
PAGE = "calculators/competitiveness/"


def test_build_time_result_is_there_before_the_runtime(page: Any, site_url: str) -> None:
    page.route("**/assets/pyodide-*/**", lambda route: route.abort())  # the runtime never arrives
    page.goto(site_url + PAGE)
    widget = page.locator(".mpb-calculator")
    assert "52/100" in result_text(widget)
    widget.locator('[data-runtime="failed"]').or_(page.locator('.mpb-calculator[data-runtime="failed"]')).wait_for()
    assert "Live recalculation is off" in widget.locator(".mpb-status").inner_text()


def test_inputs_recompute_live_and_bad_input_keeps_the_last_result(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + PAGE, "competitiveness")
    assert "52/100" in result_text(widget)
    field(widget, "step2_score").fill("262")
    wait_for_result(page, widget, "62/100")
    wait_for_tab_copy(page, "competitiveness", "step2_score", "262")
    assert page.url == site_url + PAGE, "the address holds no inputs: the history would keep them"

    field(widget, "step2_score").fill("26x")
    error = error_of(widget, "step2_score")
    error.wait_for(state="visible")
    assert error.inner_text() == "Step 2 CK score must be a whole number from 1 to 300, or left empty."
    assert field(widget, "step2_score").get_attribute("aria-invalid") == "true"
    # Marked by its border too, not only by the message: the fields' own
    # border rule outranked the error's (touch audit s33, 2).
    assert field(widget, "step2_score").evaluate("(f) => getComputedStyle(f).borderTopWidth") == "2px"
    assert "62/100" in result_text(widget)
    # The status speaks once the reader pauses, a moment after the error shows.
    widget.locator(".mpb-status", has_text="last valid inputs").wait_for()

    field(widget, "step2_score").fill("")
    wait_for_result(page, widget, "Not entered (not taken yet")
    assert error.is_hidden()
    assert field(widget, "step2_score").get_attribute("aria-invalid") is None


def test_instant_navigation_keeps_one_runtime_and_the_calculator_working(page: Any, site_url: str) -> None:
    runtime_downloads: list[str] = []
    # The worker script, not the wasm: the test's request routing switches the
    # HTTP cache off, so the wasm's preload and the page's fetch of it both show
    # as requests here (served once without routing, measured by make benchmark).
    page.on("request", lambda r: runtime_downloads.append(r.url) if "/calculator-worker.js?" in r.url else None)
    widget = open_calculator(page, site_url + PAGE, "competitiveness")
    page.get_by_role("link", name="Start here").first.click()
    page.wait_for_url(site_url)
    page.get_by_role("link", name="Calculators").first.click()
    # The start page links "Assess your competitiveness" too: look for the
    # link only once the calculators' page is in, its heading and not only its
    # address (which can change before the page is swapped in; one CI run
    # clicked the start page's link).
    page.wait_for_url(site_url + "calculators/")
    page.get_by_role("heading", name="Calculators", level=1).wait_for()
    page.get_by_role("link", name="Competitiveness").first.click()
    page.wait_for_url("**/" + PAGE + "**")
    widget = page.locator('.mpb-calculator[data-calculator="competitiveness"][data-mounted]')
    widget.wait_for()
    field(widget, "specialty").select_option("psychiatry")
    wait_for_result(page, widget, "Psychiatry:")
    assert len(runtime_downloads) == 1, runtime_downloads
    assert page.evaluate("typeof document$") == "object", "instant navigation was not active"


def test_calculator_mounts_without_instant_navigation(page: Any, plain_site_url: str) -> None:
    widget = open_calculator(page, plain_site_url + PAGE, "competitiveness")
    features = page.evaluate("JSON.parse(document.getElementById('__config').textContent).features")
    assert "navigation.instant" not in features
    field(widget, "applicant_type").select_option("us-md")
    wait_for_result(page, widget, "US MD senior or graduate")
    # A link is a full page load here, and the next page's calculator still mounts.
    page.evaluate("window.mpbSamePage = true")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Match odds", exact=True).first.click()
    page.wait_for_url("**/match-odds/**")
    page.wait_for_selector(READY.format(name="match_odds"), timeout=90_000)
    assert page.evaluate("window.mpbSamePage") is None


def test_keyboard_only_use_with_labelled_controls(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + PAGE, "competitiveness")
    page.get_by_label("Target specialty").focus()
    page.keyboard.press("End")  # last option: Orthopaedic Surgery
    wait_for_result(page, widget, "Orthopaedic self-audit")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mpb-competitiveness-step2_score"
    page.keyboard.press("Control+A")
    page.keyboard.type("251")
    wait_for_result(page, widget, "251: at or above")
    # The visa need follows the applicant type (a non-US IMG here) until answered.
    page.get_by_label("Visa (J-1 or H-1B) needed to train").focus()
    page.keyboard.press("End")  # last option: no visa needed
    wait_for_result(page, widget, "Red flags found: a highly competitive target.")


def test_a_bookmarked_address_restores_inputs_and_ignores_bad_values(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + PAGE + "#step2_score=262&usce_months=lots&needs_visa=false", "competitiveness")
    wait_for_result(page, widget, "262 is above the third quartile")
    assert field(widget, "step2_score").input_value() == "262"
    assert field(widget, "needs_visa").input_value() == "false"
    notes = widget.locator(".mpb-notes")
    assert "US clinical experience (months) must be a whole number" in notes.inner_text()
    assert field(widget, "usce_months").input_value() == "3"


@pytest.mark.reader("first_visit")  # a returning reader's browser is told to preload nothing
def test_pages_without_a_calculator_do_not_load_the_runtime(page: Any, site_url: str) -> None:
    runtime: list[str] = []
    page.on("request", lambda r: runtime.append(r.url) if "/assets/pyodide-" in r.url else None)
    page.goto(site_url + "faq/")
    page.wait_for_load_state("networkidle")
    assert runtime == []


def test_printing_hides_the_controls_and_keeps_the_result_and_method(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + PAGE, "competitiveness")
    assert widget.locator(".mpb-method table").is_hidden()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what printing fires
    assert widget.locator(".mpb-status").is_hidden()
    assert widget.locator(".mpb-profile").is_hidden()
    assert widget.locator(".mpb-result").is_visible()
    assert widget.locator(".mpb-method table").is_visible(), "the rules print even when collapsed"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert widget.locator(".mpb-method table").is_hidden()
