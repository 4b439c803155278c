"""The reader's inputs stay where the reader put them: this tab keeps each
calculator's inputs for its page and the address never holds them unless the
reader makes a link, nothing moves between pages without Remember, one
question is one remembered answer, and a link never replaces remembered
answers without the reader's say."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from browser import (
    READY,
    TAB_COPY,
    answered,
    error_of,
    field,
    open_calculator,
    open_page,
    silence_worker,
    start_navigation,
    stored_snapshots,
    tab_copy,
    wait_for_result,
    wait_for_tab_copy,
)
from conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ENGINE_KEYS,
    ONLY_LOOPBACK,
    assert_kept_to_itself,
    forget_the_visit,
    guarded_context,
    watched_page,
)

from calculators.render import LOADING_EDITED_HEADLINE, LOADING_STALE_WHY

pytestmark = [pytest.mark.browser, pytest.mark.reader("returning")]
KEY = "matchplanb:profile"
REMEMBER = "Remember my answers on this device"


def stored(page: Any) -> dict[str, str] | None:
    text = page.evaluate(f"localStorage.getItem('{KEY}')")
    return None if text is None else json.loads(text)["values"]


def store(page: Any, site_url: str, **values: str) -> None:
    page.goto(site_url)
    page.evaluate(f"(text) => localStorage.setItem('{KEY}', text)", json.dumps({"version": 1, "values": values}))


def calculator(page: Any, name: str) -> Any:
    page.wait_for_selector(READY.format(name=name), timeout=90_000)
    return page.locator(f'.mpb-calculator[data-calculator="{name}"]')


def settled(page: Any, widget: Any) -> None:
    """Wait until the widget has restored its inputs and shown a live result."""
    answered(widget)


def test_a_returning_readers_browser_keeps_the_engine_and_forgets_the_last_tests_answers(
    returning_context: Any, site_url: str
) -> None:
    """The browser this module's tests share: what one test left in it must
    not reach the next, or a test would pass on another's answers."""
    context, requests = returning_context
    page = context.new_page()
    store(page, site_url, step2_score="240")
    page.evaluate("localStorage.setItem('matchplanb:inputs:elsewhere', 'x')")
    context.grant_permissions(["clipboard-read"])
    context.new_page()
    forget_the_visit(context, requests)
    assert context.pages == []
    page = context.new_page()
    try:
        page.goto(site_url)
        # (Material writes its palette's key again as the page loads.)
        keys = page.evaluate("Object.keys(localStorage)")
        assert [key for key in keys if key.startswith("matchplanb:")] == ["matchplanb:runtime-kept"], keys
        assert page.evaluate("navigator.permissions.query({name: 'clipboard-read'}).then((p) => p.state)") != "granted"
        # The engine's own files, not only the caches that would hold them.
        runtime = page.evaluate("""async () => (await (await caches.open("match-plan-b-runtime")).keys()).map((r) => r.url)""")
        assert [url for url in runtime if url.endswith("/pyodide.asm.wasm")], runtime
        snapshots = stored_snapshots(page)
        assert [url for url in snapshots if "/snapshot-" in url], snapshots
    finally:
        page.close()


# --- Nothing moves between pages without Remember ------------------------------------------------------

# Holds back every reply from the calculator engine by window.mpbReplyDelay
# milliseconds, as a slow phone would, so that a reply to the page being left
# surely lands after instant navigation has moved on.
SLOW_ENGINE = """(() => {
  const add = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, listener, ...rest) {
    if (type !== "message") return add.call(this, type, listener, ...rest);
    const held = (event) => {
      const delay = window.mpbReplyDelay || 0;
      if (delay) setTimeout(() => listener(event), delay);
      else listener(event);
    };
    return add.call(this, type, held, ...rest);
  };
})();"""


@pytest.mark.parametrize(
    ("start", "name", "edit", "value", "link", "target"),
    [
        ("competitiveness", "competitiveness", "step2_score", "262", "Match odds", "match_odds"),
        ("match-odds", "match_odds", "step2_score", "231", "Competitiveness", "competitiveness"),
    ],
)
def test_a_value_typed_but_not_left_stays_on_its_page(
    page: Any, site_url: str, start: str, name: str, edit: str, value: str, link: str, target: str
) -> None:
    page.add_init_script(SLOW_ENGINE)
    widget = open_calculator(page, f"{site_url}calculators/{start}/", name)
    settled(page, widget)
    field(widget, edit).fill(value)
    assert page.evaluate("document.activeElement.name") == edit
    page.evaluate("window.mpbReplyDelay = 1500")
    # Straight to the sidebar without leaving the field: the click blurs it,
    # and the recalculation that starts lands while the next page loads.
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name=link, exact=True).first.click()
    page.wait_for_url(f"**/{target.replace('_', '-')}/**")
    other = calculator(page, target)
    settled(page, other)
    page.wait_for_timeout(2_000)  # room for the late reply from the page left behind
    assert field(other, edit).input_value() != value
    assert page.evaluate("location.hash") == ""
    assert (tab_copy(page, target) or {}).get("inputs", {}).get(edit) != value
    assert stored(page) is None
    # Back on the page it was typed on, the value is there: the late answer was kept for it.
    page.go_back()
    page.wait_for_url(f"**/calculators/{start}/**")
    back = calculator(page, name)
    page.wait_for_function(
        "([root, edit, value]) => root.querySelector(`[name='${edit}']`).value === value",
        arg=[back.element_handle(), edit, value],
        timeout=30_000,
    )


def test_with_remember_on_an_answer_that_comes_after_leaving_is_still_remembered(page: Any, site_url: str) -> None:
    # The late answer was kept for the page but not saved, so Back brought the older remembered value.
    page.add_init_script(SLOW_ENGINE)
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    widget.get_by_label(REMEMBER).check()
    field(widget, "step2_score").fill("233")
    page.evaluate("window.mpbReplyDelay = 1500")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Competitiveness", exact=True).first.click()
    page.wait_for_url("**/competitiveness/**")
    page.wait_for_function(
        "(key) => (JSON.parse(localStorage.getItem(key) || '{}').values || {}).step2_score === '233'", arg=KEY, timeout=30_000
    )


def test_a_value_in_error_comes_back_as_typed_after_reload_and_back(page: Any, site_url: str) -> None:
    # The form used to put back the last valid value, with no word that the typed one was gone.
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    field(widget, "step2_score").fill("2400")
    error_of(widget, "step2_score").wait_for(timeout=30_000)
    wait_for_tab_copy(page, "match_odds", "step2_score", "2400")

    def shows_the_typed_value_and_its_message() -> None:
        again = calculator(page, "match_odds")
        page.wait_for_function(
            "(root) => root.querySelector('[name=step2_score]').value === '2400'"
            " && root.querySelector('[data-field=step2_score] .mpb-error').textContent.includes('Step 2 CK')",
            arg=again.element_handle(),
            timeout=30_000,
        )

    page.reload()
    shows_the_typed_value_and_its_message()
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Competitiveness", exact=True).first.click()
    page.wait_for_url("**/competitiveness/**")
    settled(page, calculator(page, "competitiveness"))
    page.go_back()
    page.wait_for_url("**/match-odds/**")
    shows_the_typed_value_and_its_message()


def test_after_a_reload_in_error_the_result_beside_the_message_is_the_readers_last_valid_one(page: Any, site_url: str) -> None:
    # The page came back with the result built for the defaults (Internal Medicine)
    # beside a form for General Surgery, and called it "your last valid inputs".
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    field(widget, "specialty").select_option("general-surgery")
    wait_for_result(page, widget, "General Surgery")
    field(widget, "contiguous_ranks").fill("five")
    error_of(widget, "contiguous_ranks").wait_for(timeout=30_000)
    wait_for_tab_copy(page, "match_odds", "contiguous_ranks", "five")
    page.reload()
    again = calculator(page, "match_odds")
    error_of(again, "contiguous_ranks").wait_for(timeout=30_000)
    again.locator(".mpb-status-text", has_text="still for your last valid inputs").wait_for(timeout=30_000)
    result = again.locator(".mpb-result").inner_text()
    assert "General Surgery" in result and "Internal Medicine" not in result
    again.get_by_role("button", name="Link to these answers").click()
    assert "general-surgery" in again.locator(".mpb-link-text").input_value()


def test_a_jump_to_a_heading_keeps_the_readers_inputs(page: Any, site_url: str) -> None:
    # Material inserts the page again on the first jump to a heading after a full
    # load; the address then held only the anchor, and the form went back to defaults.
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    field(widget, "step2_score").fill("262")
    wait_for_tab_copy(page, "match_odds", "step2_score", "262")
    page.locator("#reading-the-result a.headerlink").click()  # the heading's own link, as the contents list has
    page.wait_for_timeout(1_000)  # room for the page to be inserted again and its calculator to mount
    again = calculator(page, "match_odds")
    page.wait_for_function(
        "(root) => root.querySelector('[name=step2_score]').value === '262'", arg=again.element_handle(), timeout=30_000
    )
    assert page.evaluate("location.hash") == "#reading-the-result"


def test_an_edit_still_unanswered_at_a_jump_to_a_heading_is_kept(page: Any, site_url: str) -> None:
    # The page put in again read the tab's copy before the answer to the last edit
    # could write it, and its own first answer then wrote the older value back.
    page.add_init_script(SLOW_ENGINE)
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    before = field(widget, "step2_score").input_value()
    page.evaluate("window.mpbReplyDelay = 1500")
    field(widget, "step2_score").fill("255")
    page.locator("#reading-the-result a.headerlink").click()  # within the pause after typing
    wait_for_tab_copy(page, "match_odds", "step2_score", "255")
    page.wait_for_timeout(4_000)  # room for every reply still held back
    again = calculator(page, "match_odds")
    assert field(again, "step2_score").input_value() == "255" != before
    assert tab_copy(page, "match_odds")["inputs"]["step2_score"] == "255"
    assert "255" in again.locator(".mpb-result").inner_text()


# --- Two calculators on one page -----------------------------------------------------------------------


def test_an_edit_before_the_first_answer_is_kept_through_a_jump_to_a_heading(page: Any, site_url: str) -> None:
    # Typed while the restored form's first answer was still on its way: the new copy of
    # the page was handed nothing, and wrote the older value back.
    page.add_init_script(SLOW_ENGINE + "\nwindow.mpbReplyDelay = 1200;")
    page.goto(f"{site_url}calculators/match-odds/")
    widget = calculator(page, "match_odds")
    field(widget, "step2_score").fill("255")
    page.locator("#reading-the-result a.headerlink").click()
    wait_for_tab_copy(page, "match_odds", "step2_score", "255")
    page.wait_for_timeout(4_000)  # room for every reply still held back
    assert field(calculator(page, "match_odds"), "step2_score").input_value() == "255"
    assert tab_copy(page, "match_odds")["inputs"]["step2_score"] == "255"


def test_typing_never_puts_the_inputs_into_the_address_or_the_history(page: Any, site_url: str) -> None:
    # The address carried every input after "#", and Chromium recorded each version in its history.
    widget = open_calculator(page, site_url + "calculators/match-odds/", "match_odds")
    settled(page, widget)
    before = page.evaluate("[location.href, history.length]")
    field(widget, "specialty").select_option("psychiatry")
    field(widget, "step2_score").fill("262")
    wait_for_tab_copy(page, "match_odds", "step2_score", "262")
    field(widget, "step2_score").fill("2620")
    wait_for_tab_copy(page, "match_odds", "step2_score", "2620")
    page.wait_for_timeout(500)  # room for an address write, were there one
    assert page.evaluate("[location.href, history.length]") == before


def open_apply_page(page: Any, site_url: str) -> tuple[Any, Any]:
    """The apply page's two calculators, program counts and application cost, once live."""
    page.goto(site_url + "apply/")
    counts = calculator(page, "program_counts")
    cost = calculator(page, "application_cost")
    settled(page, counts)
    settled(page, cost)
    return counts, cost


def test_a_reload_of_the_apply_page_gives_both_calculators_back(page: Any, site_url: str) -> None:
    counts, cost = open_apply_page(page, site_url)
    field(counts, "backup_specialty").select_option("pediatrics")
    field(counts, "applicant_type").select_option("us-img")
    wait_for_tab_copy(page, "program_counts", "applicant_type", "us-img")
    field(cost, "backup_specialty").select_option("psychiatry")
    wait_for_tab_copy(page, "application_cost", "backup_specialty", "psychiatry")
    counts_result = counts.locator(".mpb-result").inner_text()
    cost_result = cost.locator(".mpb-result").inner_text()

    page.reload()
    again_counts = calculator(page, "program_counts")
    again_cost = calculator(page, "application_cost")
    settled(page, again_counts)
    settled(page, again_cost)
    assert field(again_counts, "backup_specialty").input_value() == "pediatrics"
    assert field(again_counts, "applicant_type").input_value() == "us-img"
    assert field(again_cost, "backup_specialty").input_value() == "psychiatry"
    assert field(again_cost, "applicant_type").input_value() == "non-us-img"
    assert again_counts.locator(".mpb-result").inner_text() == counts_result
    assert again_cost.locator(".mpb-result").inner_text() == cost_result
    # Another tab is another reader's visit: it starts from the defaults.
    fresh = page.context.new_page()
    fresh.goto(site_url + "apply/")
    other = calculator(fresh, "program_counts")
    settled(fresh, other)
    assert field(other, "applicant_type").input_value() != "us-img"


def test_link_to_these_answers_by_keyboard_opens_the_same_result_elsewhere(page: Any, site_url: str) -> None:
    _, cost = open_apply_page(page, site_url)
    field(cost, "backup_specialty").select_option("psychiatry")
    wait_for_tab_copy(page, "application_cost", "backup_specialty", "psychiatry")
    make = cost.get_by_role("button", name="Link to these answers")
    assert make.get_attribute("aria-expanded") == "false"
    make.focus()
    page.keyboard.press("Enter")
    assert make.get_attribute("aria-expanded") == "true"
    text = cost.get_by_label("Your link")
    assert text.evaluate("(element) => element === document.activeElement")
    # The link follows the form while its box is open.
    field(cost, "primary_specialty").select_option("neurology")
    page.wait_for_function(
        "(element) => element.value.includes('application-cost.primary_specialty=neurology')",
        arg=text.element_handle(),
        timeout=30_000,
    )
    link = text.input_value()
    assert page.evaluate("location.hash") == ""
    assert "program-counts." not in link  # one calculator's answers, not the page's
    cost_result = cost.locator(".mpb-result").inner_text()

    fresh = page.context.new_page()
    fresh.goto(link)
    again_cost = calculator(fresh, "application_cost")
    settled(fresh, again_cost)
    assert field(again_cost, "backup_specialty").input_value() == "psychiatry"
    assert field(again_cost, "primary_specialty").input_value() == "neurology"
    assert again_cost.locator(".mpb-result").inner_text() == cost_result
    # Edited after opening it, a reload keeps the edit, though the address still holds the link.
    field(again_cost, "primary_specialty").select_option("pediatrics")
    wait_for_tab_copy(fresh, "application_cost", "primary_specialty", "pediatrics")
    fresh.reload()
    reloaded = calculator(fresh, "application_cost")
    settled(fresh, reloaded)
    assert field(reloaded, "primary_specialty").input_value() == "pediatrics"


def test_copy_link_copies_it_or_says_how(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + "calculators/match-odds/", "match_odds")
    settled(page, widget)
    widget.get_by_role("button", name="Link to these answers").click()
    status = widget.locator(".mpb-link-status")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    widget.get_by_role("button", name="Copy link").click()
    status.get_by_text("Copied.").wait_for(timeout=10_000)
    assert page.evaluate("navigator.clipboard.readText()") == widget.get_by_label("Your link").input_value()
    # Focus stays on the button: in the box, the whole link was read out first (keyboard-sr audit s37, 7).
    assert page.evaluate("document.activeElement.classList.contains('mpb-copy-link')")
    page.evaluate(
        "Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('no')) } })"
    )
    widget.get_by_role("button", name="Copy link").click()
    status.get_by_text("press Ctrl+C").wait_for(timeout=10_000)
    assert (
        page.evaluate(
            "getSelection().toString() || document.activeElement.value.slice(document.activeElement.selectionStart, document.activeElement.selectionEnd)"
        )
        == widget.get_by_label("Your link").input_value()
    )


def test_an_old_unprefixed_link_still_works_on_a_one_calculator_page(page: Any, site_url: str) -> None:
    widget = open_calculator(
        page, site_url + "calculators/competitiveness/#specialty=neurology&step2_score=251", "competitiveness"
    )
    wait_for_result(page, widget, "Neurology:")
    assert field(widget, "step2_score").input_value() == "251"
    assert page.evaluate("location.hash") == "#specialty=neurology&step2_score=251"  # left as the reader opened it


def test_an_old_query_string_bookmark_fills_the_form_then_leaves_the_address(page: Any, site_url: str) -> None:
    # Its inputs went to the host with every load of the page and stayed in the history.
    referrers: list[str] = []
    page.on("request", lambda request: referrers.append(request.headers.get("referer", "")))
    widget = open_calculator(page, site_url + "calculators/match-odds/?specialty=psychiatry&step2_score=231", "match_odds")
    settled(page, widget)
    # Nor does each file the page loads carry them (shared-computer audit s35, 5).
    # By the query's names: a bare "231" matched a content hash in the
    # worker's address (build=10b8b3bb414231a8, fresh-clone CI s50).
    assert len(referrers) > 5 and not [r for r in referrers if "step2_score=" in r or "specialty=" in r]
    assert field(widget, "step2_score").input_value() == "231"
    page.wait_for_function("location.search === ''", timeout=10_000)
    assert page.evaluate("location.pathname").endswith("/calculators/match-odds/")
    page.reload()
    again = calculator(page, "match_odds")
    settled(page, again)
    assert field(again, "step2_score").input_value() == "231"


# --- One remembered answer per question -----------------------------------------------------------------


def test_psychiatry_remembered_on_competitiveness_reaches_application_cost(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + "calculators/competitiveness/", "competitiveness")
    settled(page, widget)
    widget.get_by_label(REMEMBER).check()
    field(widget, "specialty").select_option("psychiatry")
    wait_for_result(page, widget, "Psychiatry:")
    page.wait_for_function(f"(localStorage.getItem('{KEY}') || '').includes('psychiatry')")

    cost = open_calculator(page, site_url + "calculators/application-cost/", "application_cost")
    settled(page, cost)
    assert field(cost, "primary_specialty").input_value() == "psychiatry"
    wait_for_result(page, cost, "Psychiatry")

    field(cost, "primary_specialty").select_option("neurology")
    page.wait_for_function(f"(localStorage.getItem('{KEY}') || '').includes('neurology')")
    assert "primary_specialty" not in (stored(page) or {})
    back = open_calculator(page, site_url + "calculators/competitiveness/", "competitiveness")
    assert field(back, "specialty").input_value() == "neurology"


def test_ticking_remember_keeps_only_what_the_reader_changed(page: Any, site_url: str) -> None:
    # Ticked on an untouched form, Remember stored its defaults, and the backup finder (whose own
    # first choice is radiology, and Step 2 CK blank) opened with internal medicine and 240 "from the
    # answers you asked this device to remember" (offline-leak audit s38, 1).
    widget = open_calculator(page, site_url + "calculators/competitiveness/", "competitiveness")
    settled(page, widget)
    field(widget, "years_since_graduation").fill("4")
    # The edit's answer is in (the tab keeps it) before the box is ticked.
    wait_for_tab_copy(page, "competitiveness", "years_since_graduation", "4")
    widget.get_by_label(REMEMBER).check()
    page.wait_for_function(f"(localStorage.getItem('{KEY}') || '').includes('years_since_graduation')")
    assert stored(page) == {"years_since_graduation": "4"}

    finder = open_calculator(page, site_url + "calculators/backup-finder/", "backup_finder")
    settled(page, finder)
    assert field(finder, "specialty").input_value() == "diagnostic-radiology"
    assert field(finder, "step2_score").input_value() == ""
    assert field(finder, "years_since_graduation").input_value() == "4"


# --- A link against remembered answers ------------------------------------------------------------------

LINK = "calculators/competitiveness/#competitiveness.specialty=neurology&competitiveness.step2_score=262"


def open_link_with_remembered_answers(page: Any, site_url: str) -> Any:
    store(page, site_url, specialty="psychiatry", step2_score="250")
    widget = open_calculator(page, site_url + LINK, "competitiveness")
    settled(page, widget)
    return widget


def test_a_link_shows_its_result_but_waits_before_replacing_remembered_answers(page: Any, site_url: str) -> None:
    widget = open_link_with_remembered_answers(page, site_url)
    offer = widget.locator(".mpb-offer")
    assert offer.get_attribute("aria-live") == "polite"
    assert "Target specialty: Neurology in the link, Psychiatry remembered" in offer.inner_text()
    assert field(widget, "specialty").input_value() == "neurology"
    wait_for_result(page, widget, "Neurology:")
    # Editing while the offer is open still writes nothing to remembered answers.
    field(widget, "usce_months").fill("7")
    wait_for_tab_copy(page, "competitiveness", "usce_months", "7")
    assert stored(page) == {"specialty": "psychiatry", "step2_score": "250"}
    # A value in error while the offer waits is not kept: the tab keeps the last valid inputs.
    field(widget, "step2_score").fill("2620")
    error_of(widget, "step2_score").wait_for(timeout=30_000)
    page.wait_for_timeout(500)  # room for a write, were there one
    assert tab_copy(page, "competitiveness")["inputs"]["step2_score"] == "262"
    # A reload before choosing is not the reader's answer: the link's offer comes back, with the edit.
    page.reload()
    widget = calculator(page, "competitiveness")
    offer = widget.locator(".mpb-offer")
    offer.get_by_text("Neurology in the link").wait_for(timeout=30_000)
    assert field(widget, "specialty").input_value() == "neurology"
    assert field(widget, "usce_months").input_value() == "7"

    offer.get_by_role("button", name="Use these linked values").click()
    assert stored(page)["specialty"] == "neurology"
    assert stored(page)["step2_score"] == "262"
    confirmation = offer.get_by_text("now hold the linked values")
    assert confirmation.evaluate("(element) => element === document.activeElement")


def test_keep_mine_by_keyboard_puts_the_remembered_answers_back(page: Any, site_url: str) -> None:
    widget = open_link_with_remembered_answers(page, site_url)
    keep = widget.get_by_role("button", name="Keep mine")
    keep.focus()
    page.keyboard.press("Enter")
    wait_for_result(page, widget, "Psychiatry:")
    assert field(widget, "specialty").input_value() == "psychiatry"
    assert field(widget, "step2_score").input_value() == "250"
    wait_for_tab_copy(page, "competitiveness", "specialty", "psychiatry")
    assert tab_copy(page, "competitiveness")["offer_open"] is False
    assert stored(page)["specialty"] == "psychiatry"
    assert stored(page)["step2_score"] == "250"
    assert widget.get_by_role("button", name="Use these linked values").count() == 0
    # The address no longer carries the link set aside, so a reload shows the
    # reader's answers, with no offer and no word of "changes" to the link (diff review 7).
    assert "competitiveness." not in page.evaluate("location.hash")
    page.reload()
    again = open_calculator(page, page.url, "competitiveness")
    answered(again)
    assert field(again, "specialty").input_value() == "psychiatry"
    assert "changes you made" not in again.locator(".mpb-notes").inner_text()
    assert again.get_by_role("button", name="Keep mine").count() == 0


SIGNALS_LINK = (
    "calculators/signals/#signals.specialty=psychiatry&signals.primary_signals=12"
    "&signals.backup_specialty=neurology&signals.backup_signals=7"
)


def test_keep_mine_leaves_neither_the_links_count_in_the_form_nor_its_answers_in_storage(page: Any, site_url: str) -> None:
    # "Keep mine" said the remembered answers were unchanged, while the form kept the link's
    # 12 signals for Psychiatry and remembered them as the reader's count for Internal Medicine.
    store(page, site_url, specialty="internal-medicine", step2_score="238")
    widget = open_calculator(page, site_url + SIGNALS_LINK, "signals")
    settled(page, widget)
    widget.get_by_role("button", name="Keep mine").click()
    wait_for_tab_copy(page, "signals", "specialty", "internal-medicine")
    assert field(widget, "specialty").input_value() == "internal-medicine"
    assert field(widget, "primary_signals").input_value() == ""
    assert field(widget, "backup_specialty").input_value() == ""  # the link's, not the reader's
    page.wait_for_timeout(500)  # room for a write, were there one
    assert stored(page) == {"specialty": "internal-medicine", "step2_score": "238"}
    # The reader's own edit remembers the form, which holds nothing of the link's.
    field(widget, "step2_score").fill("239")
    page.wait_for_function(f"(localStorage.getItem('{KEY}') || '').includes('239')")
    assert "backup_specialty" not in stored(page) or stored(page)["backup_specialty"] == ""


def test_a_links_answers_are_remembered_only_once_the_reader_changes_the_form(page: Any, site_url: str) -> None:
    # Nothing disagreed, so nothing was asked, and the mentor's backup specialty was
    # remembered, then filled in elsewhere as "the answers you asked this device to remember".
    store(page, site_url, specialty="psychiatry", step2_score="238")
    widget = open_calculator(page, site_url + SIGNALS_LINK, "signals")
    settled(page, widget)
    assert widget.locator(".mpb-offer").inner_text() == ""
    assert "not added to the answers you asked this device to remember" in widget.locator(".mpb-notes").inner_text()
    page.wait_for_timeout(500)  # room for a write, were there one
    assert stored(page) == {"specialty": "psychiatry", "step2_score": "238"}
    page.reload()  # still the link's answers, unchanged
    widget = calculator(page, "signals")
    settled(page, widget)
    page.wait_for_timeout(500)
    assert stored(page) == {"specialty": "psychiatry", "step2_score": "238"}
    field(widget, "backup_signals").fill("5")
    page.wait_for_function(f"(localStorage.getItem('{KEY}') || '').includes('neurology')")
    assert stored(page)["backup_signals"] == "5"


def test_no_offer_without_remember(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + LINK, "competitiveness")
    settled(page, widget)
    assert widget.locator(".mpb-offer").inner_text() == ""
    assert stored(page) is None


# --- Wording --------------------------------------------------------------------------------------------


def test_the_result_says_it_is_not_updated_while_a_field_is_in_error(page: Any, site_url: str) -> None:
    # Only the status line above the form said so; a reader who reached the result by
    # scrolling or by its heading took it for their latest inputs'.
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    note = widget.locator(".mpb-stale-note")
    assert note.is_hidden()
    field(widget, "step2_score").fill("2620")
    note.wait_for(state="visible", timeout=30_000)
    assert note.inner_text() == "Not updated to the form as it is now: see the messages above."
    field(widget, "step2_score").fill("262")
    note.wait_for(state="hidden", timeout=30_000)


def test_status_line_wording(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + "calculators/competitiveness/", "competitiveness")
    settled(page, widget)
    field(widget, "specialty").select_option("psychiatry")
    wait_for_result(page, widget, "Psychiatry:")
    status = widget.locator(".mpb-status-text")
    # The status speaks once the reader pauses, a moment after the result.
    status.locator(".mpb-visually-hidden", has_text="Psychiatry:").wait_for(state="attached")
    headline = widget.locator(".mpb-result p").first.inner_text()
    visible = status.locator("span:not(.mpb-visually-hidden)").inner_text()
    assert visible == "Updated for your inputs."
    assert headline not in visible
    # Screen readers still hear the result in one sentence.
    assert "Psychiatry:" in status.locator(".mpb-visually-hidden").inner_text()

    field(widget, "step2_score").fill("abc")
    field(widget, "usce_months").fill("-1")
    status.get_by_text("Please fix Step 2 CK score and US clinical experience (months).").wait_for()
    assert error_of(widget, "step2_score").is_visible()


def test_a_bad_links_note_names_the_choices(page: Any, site_url: str) -> None:
    widget = open_calculator(
        page, site_url + "calculators/competitiveness/#competitiveness.specialty=cardiology", "competitiveness"
    )
    notes = widget.locator(".mpb-notes")
    notes.wait_for()
    assert "Internal Medicine, Family Medicine" in notes.inner_text()
    assert "internal-medicine" not in notes.inner_text()
    # The notes box is not a live region: the status line reads the note out with the answer.
    status = widget.locator(".mpb-status-text")
    status.locator(".mpb-visually-hidden", has_text="Ignored").wait_for(state="attached")
    assert "Internal Medicine, Family Medicine" in status.text_content()


# --- The timeline starts from the reader's date ---------------------------------------------------------


def test_timeline_starts_from_the_devices_date_unless_the_link_says_otherwise(page: Any, site_url: str) -> None:
    """The page is built as of the build's date; the device's, set here to
    another day, replaces it."""
    page.clock.set_fixed_time("2027-03-15T10:00:00")
    widget = open_calculator(page, site_url + "calculators/timeline/", "timeline")
    settled(page, widget)
    assert field(widget, "today").input_value() == "2027-03-15"
    wait_for_result(page, widget, "as of 15 March 2027")

    linked = open_calculator(page, site_url + "calculators/timeline/#timeline.today=2027-02-01", "timeline")
    wait_for_result(page, linked, "as of 1 February 2027")
    assert field(linked, "today").input_value() == "2027-02-01"


# What the page asks of the engine, in order (not the worker's own start).
ASKED_OF_THE_ENGINE = """(() => {
  window.askedOfTheEngine = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.fn) window.askedOfTheEngine.push(message.fn);
    return post.call(this, message, ...rest);
  };
})();"""


@pytest.mark.reader("first_visit")  # the wasm's download is held: a kept one would not be
def test_what_the_reader_types_while_the_engine_starts_is_not_replaced_by_a_remembered_answer(page: Any, site_url: str) -> None:
    # The remembered 240 was written over the 262 typed while the engine
    # loaded, and the result said "Updated for your inputs".
    store(page, site_url, step2_score="240")
    page.add_init_script(ASKED_OF_THE_ENGINE)
    held: list[Any] = []
    page.route("**/pyodide.asm.wasm.xz", lambda route: held.append(route))
    page.goto(site_url + "calculators/competitiveness/")
    widget = page.locator('.mpb-calculator[data-calculator="competitiveness"]')
    page.wait_for_selector('.mpb-calculator[data-calculator="competitiveness"][data-runtime="loading"]')
    field(widget, "step2_score").fill("262")
    # A box ticked meanwhile stays ticked (it was sent as a boolean, and
    # written back unticked).
    widget.locator('[name="previously_unmatched"]').check()
    while not held:
        page.wait_for_timeout(50)
    for route in held:
        route.continue_()
    calculator(page, "competitiveness")
    settled(page, widget)
    assert field(widget, "step2_score").input_value() == "262"
    assert widget.locator('[name="previously_unmatched"]').is_checked()
    notes = widget.locator(".mpb-notes")
    assert "Kept what you typed while the calculator engine was starting: Step 2 CK score." in notes.inner_text()
    # An edit while the engine started asked for an answer there and then:
    # it came before the restore's, for the form half restored, and the
    # restore's notes came with a second answer, which the first had already
    # been taken for.
    assert page.evaluate("window.askedOfTheEngine").index("restore") == 0, page.evaluate("window.askedOfTheEngine")


def hold_the_engine(page: Any) -> list[Any]:
    """Holds the wasm's download, and so the engine in its "loading" phase."""
    held: list[Any] = []
    page.route("**/pyodide.asm.wasm.xz", lambda route: held.append(route))
    return held


def until_held(page: Any, held: list[Any]) -> None:
    """Until the page has asked for the wasm: the engine cannot start before it is released."""
    for _ in range(300):
        if held:
            return
        page.wait_for_timeout(50)
    raise AssertionError("the page never asked for the wasm")


def release_the_engine(page: Any, held: list[Any]) -> None:
    for route in held:
        with contextlib.suppress(Exception):  # a request of a page since left or reloaded
            route.continue_()
    page.unroute("**/pyodide.asm.wasm.xz")


@pytest.mark.reader("first_visit")  # a kept wasm would start the engine past the hold
def test_a_page_left_before_its_restore_leaves_the_next_pages_address_alone(page: Any, site_url: str) -> None:
    # The old query string's restore came back once the reader had moved on,
    # and took the search highlight's ?h= off the page they were reading
    # (jsread audit s42, 4).
    held = hold_the_engine(page)
    open_page(page, site_url + "calculators/competitiveness/?step2_score=250")
    until_held(page, held)
    page.evaluate("window.leftCalculator = document.querySelector('.mpb-calculator')")
    start_navigation(page, site_url + "glossary/?h=visa")
    release_the_engine(page, held)
    # The left page's restore has come back: it marks its own widget.
    page.wait_for_function("window.leftCalculator.dataset.restored === 'true'", timeout=90_000)
    page.wait_for_timeout(200)
    assert page.evaluate("location.pathname + location.search").endswith("/glossary/?h=visa")


@pytest.mark.reader("first_visit")  # a kept wasm would start the engine past the hold
def test_what_the_reader_types_while_the_engine_starts_survives_a_reload_and_leaving_the_page(page: Any, site_url: str) -> None:
    # On a slow link the start is long enough to fill half a form; a reload,
    # or another page and Back, brought the built form back without a word
    # (audit s25, slow-link 1).
    held = hold_the_engine(page)
    page.goto(site_url + "calculators/competitiveness/")
    loading = '.mpb-calculator[data-calculator="competitiveness"][data-runtime="loading"][data-mounted]'
    page.wait_for_selector(loading)
    until_held(page, held)
    widget = page.locator('.mpb-calculator[data-calculator="competitiveness"]')
    field(widget, "step2_score").fill("231")
    widget.locator('[name="previously_unmatched"]').check()
    held.clear()
    page.reload()
    page.wait_for_selector(loading)
    until_held(page, held)
    # In the form at once, long before the engine could answer, and marked
    # as not yet answered.
    assert field(widget, "step2_score").input_value() == "231"
    assert widget.locator('[name="previously_unmatched"]').is_checked()
    assert widget.locator(".mpb-stale-note").is_visible()
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Match odds", exact=True).first.click()
    page.wait_for_url("**/match-odds/**")
    page.go_back()
    page.wait_for_url("**/competitiveness/**")
    page.wait_for_selector(loading)
    assert field(widget, "step2_score").input_value() == "231"
    release_the_engine(page, held)
    settled(page, calculator(page, "competitiveness"))
    assert field(widget, "step2_score").input_value() == "231"
    assert widget.locator('[name="previously_unmatched"]').is_checked()
    assert "231 is below the first quartile" in widget.locator(".mpb-result").inner_text()
    # The tab's copy took them over: nothing is kept twice.
    assert page.evaluate("Object.keys(sessionStorage).filter((key) => key.endsWith('|early'))") == []


@pytest.mark.reader("first_visit")  # a kept wasm would start the engine past the hold
def test_an_edit_while_the_engine_loads_is_not_shown_beside_the_defaults_answer_as_if_answered(page: Any, site_url: str) -> None:
    # The phone's sticky headline under the field showed the defaults' 52/100,
    # and the result called the default 240 "your Step 2 CK" (audit s25, slow-link 2).
    held = hold_the_engine(page)
    page.goto(site_url + "calculators/competitiveness/")
    page.wait_for_selector('.mpb-calculator[data-calculator="competitiveness"][data-runtime="loading"][data-mounted]')
    until_held(page, held)
    widget = page.locator('.mpb-calculator[data-calculator="competitiveness"]')
    note = widget.locator(".mpb-stale-note")
    assert note.is_hidden(), "before any edit the page already says the result is for the default inputs"
    field(widget, "step2_score").fill("231")
    assert note.is_visible()
    assert note.inner_text() == f"Not updated to the form as it is now{LOADING_STALE_WHY}."
    assert widget.locator(".mpb-live-headline").text_content() == LOADING_EDITED_HEADLINE
    release_the_engine(page, held)
    settled(page, calculator(page, "competitiveness"))
    assert note.is_hidden()
    headline = widget.locator(".mpb-live-headline").text_content() or ""
    assert headline.startswith("Internal Medicine:") and LOADING_EDITED_HEADLINE not in headline
    # A later field in error points to its message again, not to the loading.
    field(widget, "step2_score").fill("500")
    widget.locator(".mpb-stale-note", has_text="see the messages above").wait_for(timeout=10_000)


# The restore's question, held in the worker for 2 s each time it is asked:
# long enough to press Forget while Python chooses.
RESTORE_HELD = """self.addEventListener("message", (event) => {
  if (event.data?.fn !== "restore" || event.data.held) return;
  event.stopImmediatePropagation();
  setTimeout(() => self.dispatchEvent(new MessageEvent("message", { data: { ...event.data, held: true } })), 2000);
});
"""
COMPETITIVENESS = "calculators/competitiveness/"


@pytest.mark.reader("first_visit")  # a kept engine would start past the hold
@pytest.mark.parametrize("kept", ["remembered", "own-copy-under-a-link"])
@pytest.mark.parametrize("pressed", ["while-the-engine-loads", "while-python-restores"])
def test_forget_pressed_while_the_engine_starts_is_not_undone_by_the_restore(
    page: Any, site_url: str, kept: str, pressed: str
) -> None:
    # The restore sent storage as read at mount: the remembered Neurology
    # filled the form after the page had said it was removed, or the tab
    # quietly kept the reader's own answers again (jsread audit s44, 1).
    address = site_url + COMPETITIVENESS
    if kept == "remembered":
        store(page, site_url, specialty="neurology")
    else:
        page.goto(site_url)
        own = {"inputs": {"specialty": "neurology"}, "in_error": False, "link": None, "offer_open": False}
        page.evaluate(
            "([url, text]) => sessionStorage.setItem(`matchplanb:inputs:${new URL(url).pathname}#competitiveness`, text)",
            [address, json.dumps(own)],
        )
        address += "#competitiveness.specialty=pathology&competitiveness.step2_score=250"
    wheel: list[Any] = []
    if pressed == "while-the-engine-loads":
        page.route("**/calculators-*.whl*", lambda route: wheel.append(route))
    else:
        silence_worker(page, RESTORE_HELD, first_only=False)
    page.goto(address)
    widget = page.locator('.mpb-calculator[data-calculator="competitiveness"]')
    if pressed == "while-the-engine-loads":
        page.wait_for_selector('.mpb-calculator[data-calculator="competitiveness"][data-mounted]')
        for _ in range(600):
            if wheel:
                break
            page.wait_for_timeout(50)
        assert wheel, "the worker never asked for the wheel"
        assert widget.get_attribute("data-runtime") == "loading"
    else:
        page.wait_for_selector('.mpb-calculator[data-calculator="competitiveness"][data-runtime="ready"]', timeout=90_000)
        page.wait_for_timeout(300)
        assert widget.get_attribute("data-restored") is None, "the restore is still on its way"
    widget.get_by_role("button", name="Forget my answers").click()
    assert stored(page) is None
    assert page.evaluate("Object.keys(sessionStorage).filter((key) => key.startsWith('matchplanb:inputs:'))") == []
    if pressed == "while-the-engine-loads":
        for route in wheel:
            route.continue_()
        page.unroute("**/calculators-*.whl*")
    settled(page, calculator(page, "competitiveness"))
    page.wait_for_timeout(300)  # room for a late write, were there one
    expected = "internal-medicine" if kept == "remembered" else "pathology"
    assert field(widget, "specialty").input_value() == expected
    assert not widget.get_by_label(REMEMBER).is_checked()
    assert stored(page) is None
    session = page.evaluate("JSON.stringify(sessionStorage)")
    assert "neurology" not in session, session
    assert "|own" not in session, session
    assert "kept in this tab" not in widget.locator(".mpb-notes").inner_text()
    # What the reader changes after Forget is the tab's again, and only the tab's.
    field(widget, "step2_score").fill("251")
    wait_for_tab_copy(page, "competitiveness", "step2_score", "251")
    assert (tab_copy(page, "competitiveness") or {})["inputs"]["specialty"] == expected
    assert stored(page) is None


# A browser that refuses storage (all site data blocked) throws on sessionStorage.
NO_STORAGE = """Object.defineProperty(window, "sessionStorage", {
  get() { throw new DOMException("blocked", "SecurityError"); },
});"""


def test_with_storage_blocked_a_jump_to_a_heading_and_back_still_keep_the_inputs(page: Any, site_url: str) -> None:
    # The tab's copy could not be written, and the form went back to its defaults without a word.
    page.add_init_script(NO_STORAGE)
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    # The help promises a reload keeps the answers; here one cannot, and it says so (recovery audit s33, 3).
    refused = widget.locator(".mpb-tab-copy-refused")
    assert refused.is_visible() and "a reload or closing the tab loses them" in refused.inner_text()
    field(widget, "step2_score").fill("262")
    wait_for_result(page, widget, "262")
    page.wait_for_timeout(300)
    page.locator("#reading-the-result a.headerlink").click()
    page.wait_for_timeout(1_000)
    again = calculator(page, "match_odds")
    page.wait_for_function(
        "(root) => root.querySelector('[name=step2_score]').value === '262'", arg=again.element_handle(), timeout=30_000
    )
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Competitiveness", exact=True).first.click()
    page.wait_for_url("**/competitiveness/**")
    settled(page, calculator(page, "competitiveness"))
    page.go_back()
    page.wait_for_url("**/match-odds/**")
    back = calculator(page, "match_odds")
    page.wait_for_function(
        "(root) => root.querySelector('[name=step2_score]').value === '262'", arg=back.element_handle(), timeout=30_000
    )


def test_unticking_remember_keeps_what_the_tab_holds(page: Any, site_url: str) -> None:
    # Unticking wiped the tab's copies too, so a reload lost the reader's edits.
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    assert widget.locator(".mpb-tab-copy-refused").is_hidden(), "storage works here: no warning"
    widget.get_by_label(REMEMBER).check()
    field(widget, "step2_score").fill("262")
    wait_for_tab_copy(page, "match_odds", "step2_score", "262")
    widget.get_by_label(REMEMBER).uncheck()
    assert stored(page) is None
    assert "Your remembered answers were removed" in widget.locator(".mpb-profile-status").inner_text()
    page.reload()
    again = calculator(page, "match_odds")
    settled(page, again)
    assert field(again, "step2_score").input_value() == "262"


def test_forget_in_another_tab_unticks_remember_here(page: Any, site_url: str) -> None:
    # The other tab's box stayed ticked, and its next answer wrote the forgotten answers back.
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    widget.get_by_label(REMEMBER).check()
    page.wait_for_function(f"localStorage.getItem('{KEY}') !== null")
    other = page.context.new_page()
    mine = open_calculator(other, f"{site_url}calculators/competitiveness/", "competitiveness")
    settled(other, mine)
    assert mine.get_by_label(REMEMBER).is_checked()
    assert tab_copy(other, "competitiveness") is not None
    widget.get_by_role("button", name="Forget my answers").click()
    mine.get_by_text("removed elsewhere on this site").wait_for(timeout=10_000)
    assert not mine.get_by_label(REMEMBER).is_checked()
    # What the other tab kept went too (shared-computer audit s35, 2).
    other.wait_for_function(f"({TAB_COPY})('competitiveness') === null", timeout=10_000)
    field(mine, "step2_score").fill("251")
    wait_for_tab_copy(other, "competitiveness", "step2_score", "251")
    page.wait_for_timeout(300)  # room for a write, were there one
    assert stored(page) is None


@pytest.fixture
def back_forward_cached_page(playwright_session: Any) -> Iterator[Any]:
    """A first visit's tab in a Chromium that keeps a page left behind for
    Back and Forward, as readers' browsers do.  Playwright turns that cache
    off by default, so every other Back in these tests loads the page again
    (browser audit s55, 5)."""
    browser = playwright_session.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[*CHROMIUM_ARGS, ONLY_LOOPBACK],
        ignore_default_args=["--disable-back-forward-cache"],
    )
    context, requests = guarded_context(browser)
    page = watched_page(context, requests)
    try:
        yield page
    finally:
        context.close()
        browser.close()
    assert_kept_to_itself(page)


# Each pageshow's "persisted": true when the page came back from the
# back-forward cache, as it was left, rather than loading again.
PAGESHOWS = "window.mpbPageshows = []; addEventListener('pageshow', (event) => window.mpbPageshows.push(event.persisted));"
TAB_COPY_KEYS = "Object.keys(sessionStorage).filter((key) => key.startsWith('matchplanb:inputs:'))"


def test_forget_on_a_later_page_holds_when_back_brings_a_page_from_the_cache(
    back_forward_cached_page: Any, site_url: str
) -> None:
    # From the cache, the page comes back as it was left, Remember ticked,
    # and no script of it ran while it was kept: unless it hears of the
    # Forget, its next answer writes the answers back (browser audit s55, 5).
    page = back_forward_cached_page
    page.add_init_script(PAGESHOWS)
    not_cached: list[Any] = []
    devtools = page.context.new_cdp_session(page)
    devtools.on("Page.backForwardCacheNotUsed", lambda event: not_cached.append(event))
    devtools.send("Page.enable")
    widget = open_calculator(page, f"{site_url}calculators/competitiveness/", "competitiveness")
    settled(page, widget)
    widget.get_by_label(REMEMBER).check()
    field(widget, "step2_score").fill("251")
    page.wait_for_function(f"(localStorage.getItem('{KEY}') || '').includes('251')", timeout=30_000)
    page.evaluate("window.mpbLeftHere = true")
    # A new document, as a bookmark or a typed address opens: Material's own
    # navigation stays in one document, and the cache keeps only documents.
    odds = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, odds)
    assert odds.get_by_label(REMEMBER).is_checked()
    odds.get_by_role("button", name="Forget my answers").click()
    assert stored(page) is None
    # A page from the cache fires no load event, which Playwright waits for by default.
    page.go_back(wait_until="commit")
    page.wait_for_url("**/calculators/competitiveness/**", wait_until="commit")
    page.wait_for_function("() => window.mpbPageshows?.length > (window.mpbLeftHere ? 1 : 0)")
    shows = page.evaluate("window.mpbPageshows")
    reasons = [reason["reason"] for event in not_cached for reason in event.get("notRestoredExplanations", [])]
    assert shows == [False, True], f"Back loaded the page again, so this test proves nothing: {reasons}"
    widget = page.locator('.mpb-calculator[data-calculator="competitiveness"]')
    widget.get_by_text("removed elsewhere on this site").wait_for(timeout=10_000)
    assert not widget.get_by_label(REMEMBER).is_checked()
    assert page.evaluate(TAB_COPY_KEYS) == []
    # Two edits: nothing is remembered again, and the tab keeps only what
    # this form now shows, as after any Forget; the other page's copy stays gone.
    field(widget, "step2_score").fill("244")
    wait_for_tab_copy(page, "competitiveness", "step2_score", "244")
    field(widget, "usce_months").fill("5")
    wait_for_tab_copy(page, "competitiveness", "usce_months", "5")
    page.wait_for_timeout(300)  # room for a late write, were there one
    assert stored(page) is None
    kept = page.evaluate("Object.keys(localStorage)")
    assert [key for key in kept if key.startswith("matchplanb:") and not key.startswith(ENGINE_KEYS)] == [], kept
    copies = page.evaluate(TAB_COPY_KEYS)
    assert len(copies) == 1 and copies[0].endswith("/calculators/competitiveness/#competitiveness"), copies
    assert not widget.get_by_label(REMEMBER).is_checked()


def test_forget_takes_a_links_answers_from_another_tabs_address(page: Any, site_url: str) -> None:
    # Remember off: the other tab kept its copy, and its address the link's
    # answers, so a reload there filled the form again after this tab said
    # they were removed (shared-computer audit s35, 2-3).
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    field(widget, "step2_score").fill("233")
    wait_for_tab_copy(page, "match_odds", "step2_score", "233")
    widget.get_by_role("button", name="Link to these answers").click()
    link = widget.locator(".mpb-link-text").input_value()
    other = page.context.new_page()
    linked = open_calculator(other, link, "match_odds")
    settled(other, linked)
    assert field(linked, "step2_score").input_value() == "233"
    wait_for_tab_copy(other, "match_odds", "step2_score", "233")
    widget.get_by_role("button", name="Forget my answers").click()
    other.wait_for_function(f"!location.hash.includes('=') && ({TAB_COPY})('match_odds') === null", timeout=10_000)
    other.reload()
    again = calculator(other, "match_odds")
    settled(other, again)
    assert field(again, "step2_score").input_value() != "233"


def test_remember_changed_in_another_tab_is_said_once_on_a_guide_with_two_calculators(page: Any, site_url: str) -> None:
    # Each calculator's status said it, so the reader heard it twice (a11y audit s20, 5).
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    other = page.context.new_page()
    open_calculator(other, f"{site_url}apply/", "application_cost")
    statuses = other.locator(".mpb-profile-status")
    assert statuses.count() == 2
    widget.get_by_label(REMEMBER).check()
    other.get_by_text("ticked in another tab").wait_for(timeout=10_000)
    widget.get_by_role("button", name="Forget my answers").click()
    other.get_by_text("removed elsewhere on this site").wait_for(timeout=10_000)
    other.wait_for_timeout(300)  # room for a second, were there one
    texts = statuses.all_inner_texts()
    assert sum("removed elsewhere on this site" in text for text in texts) == 1, texts
    assert all(other.get_by_label(REMEMBER).nth(n).is_checked() is False for n in range(2))


def test_the_link_box_says_when_a_field_in_error_is_not_in_the_link(page: Any, site_url: str) -> None:
    widget = open_calculator(page, f"{site_url}calculators/match-odds/", "match_odds")
    settled(page, widget)
    widget.get_by_role("button", name="Link to these answers").click()
    link = widget.get_by_label("Your link")
    valid = link.input_value()
    assert "match-odds.step2_score=" in valid
    field(widget, "step2_score").fill("2620")
    error_of(widget, "step2_score").wait_for(timeout=30_000)
    status = widget.locator(".mpb-link-status")
    status.get_by_text("the link holds your last valid answers").wait_for(timeout=10_000)
    assert link.input_value() == valid
    field(widget, "step2_score").fill("262")
    page.wait_for_function("(element) => element.value.includes('step2_score=262')", arg=link.element_handle(), timeout=30_000)
    assert status.inner_text() == ""


@pytest.mark.reader("first_visit")  # the wasm's download is held: a kept one would not be
@pytest.mark.parametrize(("typed", "then_backspace"), [("0610", False), ("06102027", True)], ids=["half", "unmade"])
def test_a_date_typed_but_unreadable_while_the_engine_starts_stays_and_is_named(
    page: Any, site_url: str, typed: str, then_backspace: bool
) -> None:
    # The restore wrote its word for an unreadable date into the control, or
    # the remembered date over keys that fired no event: the field came back
    # empty or remembered, with no error, under "Kept what you typed" (bridge
    # audit s31, 1).
    store(page, site_url, eras_submission="2027-09-01")
    held = hold_the_engine(page)
    page.goto(site_url + "calculators/timeline/")
    page.wait_for_selector('.mpb-calculator[data-calculator="timeline"][data-runtime="loading"][data-mounted]')
    until_held(page, held)
    widget = page.locator('.mpb-calculator[data-calculator="timeline"]')
    submission = field(widget, "eras_submission")
    submission.focus()
    page.keyboard.type(typed)  # a half-typed date fires no input or change event
    if then_backspace:  # a whole date, then one key taken back: an event, and then unreadable
        page.keyboard.press("Backspace")
    assert submission.evaluate("(control) => control.validity.badInput")
    field(widget, "dual_applying").focus()
    release_the_engine(page, held)
    error = error_of(widget, "eras_submission")
    error.wait_for(state="visible", timeout=90_000)
    assert error.inner_text().startswith("ERAS submission date must be a real, complete date")
    assert submission.evaluate("(control) => control.validity.badInput"), "the reader's keys are still in the field"
    assert submission.input_value() == "", "not the remembered date"
    assert (
        "Kept what you typed while the calculator engine was starting: ERAS submission date."
        in widget.locator(".mpb-notes").inner_text()
    )
    assert "Please fix ERAS submission date" in widget.locator(".mpb-status").inner_text()


def test_an_edit_in_an_older_page_leaves_a_newer_versions_remembered_answers_alone(page: Any, site_url: str) -> None:
    # One edit in a tab open across a deploy wrote over every calculator's
    # answers a later version had saved, called unreadable (jsreview audit s44, 5).
    newer = json.dumps({"version": 2, "values": {"specialty": "neurology", "step2_score": "250"}})
    page.goto(site_url)
    page.evaluate(f"(text) => localStorage.setItem('{KEY}', text)", newer)
    page.goto(site_url + "calculators/competitiveness/")
    widget = calculator(page, "competitiveness")
    settled(page, widget)
    widget.get_by_role("note").get_by_text("saved by a newer version of this site").wait_for(timeout=10_000)
    field(widget, "usce_months").fill("5")
    wait_for_tab_copy(page, "competitiveness", "usce_months", "5")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == newer


def test_after_forget_the_notes_no_longer_say_the_readers_answers_are_kept(page: Any, site_url: str) -> None:
    # "The answers you had given here are kept in this tab" stayed on screen
    # after Forget had removed them (jsreview audit s44, 7).
    url = f"{site_url}calculators/competitiveness/"
    widget = open_calculator(page, url, "competitiveness")
    settled(page, widget)
    widget.locator('[name="specialty"]').select_option("neurology")
    wait_for_tab_copy(page, "competitiveness", "specialty", "neurology")
    # A full load of the link from another page: a fragment changed in place
    # is taken up by the page itself, which may keep the link's answers first.
    page.goto(site_url)
    page.goto(url + "#competitiveness.specialty=pathology")
    widget = calculator(page, "competitiveness")
    settled(page, widget)
    notes = widget.locator(".mpb-notes")
    notes.get_by_text("kept in this tab").wait_for(timeout=10_000)
    widget.get_by_role("button", name="Forget my answers").click()
    page.wait_for_function(f"({TAB_COPY})('competitiveness') === null", timeout=10_000)
    assert "kept in this tab" not in (notes.text_content() or "")
