"""Every calculator, live on its own page in headless Chromium: a changed
input changes the result that Pyodide computes, and a bad value shows its
message by the field while the last result stays."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from browser import (
    ANNOUNCE_PAUSE_MS,
    TYPED_ANNOUNCE_PAUSE_MS,
    error_of,
    field,
    first_live_result,
    open_calculator,
    translate_page,
)

from calculators import REGISTRY
from calculators.render import UNEXPECTED_STATUS, UNEXPECTED_STATUS_OVER_DEFAULTS

pytestmark = [pytest.mark.browser, pytest.mark.reader("returning")]


def page_of(name: str) -> str:
    return f"calculators/{name.replace('_', '-')}/"


def vary(widget: Any, calc: Any) -> None:
    """Change one input to another valid value, whatever kinds of field it has."""
    by_kind = {f.kind: f for f in reversed(calc.FIELDS)}
    if "choice" in by_kind:
        f = by_kind["choice"]
        field(widget, f.name).select_option(next(slug for slug, _ in f.choices if slug != f.default))
    elif "int" in by_kind:
        f = by_kind["int"]
        field(widget, f.name).fill(str((f.default or f.minimum) + 1))
    elif "date" in by_kind:
        f = by_kind["date"]
        field(widget, f.name).fill((f.default + dt.timedelta(days=40)).isoformat())
    else:
        f = by_kind["textarea"]
        lines = [line for line in str(f.default).splitlines() if line.strip()]
        field(widget, f.name).fill("\n".join(lines[:-1]) + "\n")


def break_one(widget: Any, calc: Any) -> tuple[str, str] | None:
    """Enter a value the calculator must refuse; return the field and the start of its message.

    A form of only lists and checkboxes cannot hold a wrong value, so there is
    nothing to break (bad values from an address are covered by restore tests)."""
    by_kind = {f.kind: f for f in reversed(calc.FIELDS)}
    for kind, bad in (("int", "not a number"), ("date", ""), ("textarea", "no header here")):
        if kind in by_kind:
            f = by_kind[kind]
            field(widget, f.name).fill(bad)
            return f.name, f.label.split(" (")[0]  # "Assignments (CSV)" is "Assignments, line 1: …"
    assert {f.kind for f in calc.FIELDS} <= {"choice", "bool"}
    return None


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_calculator_recomputes_live_on_its_page(page: Any, site_url: str, name: str) -> None:
    calc = REGISTRY[name]
    widget = open_calculator(page, site_url + page_of(name), name)
    before = first_live_result(widget)
    vary(widget, calc)
    page.wait_for_function(
        "([selector, before]) => document.querySelector(selector).innerHTML !== before",
        arg=[f'.mpb-calculator[data-calculator="{name}"] .mpb-result', before],
    )
    after = widget.locator(".mpb-result").inner_html()

    broken = break_one(widget, calc)
    if broken is None:
        return
    name_of_field, label = broken
    error = error_of(widget, name_of_field)
    error.wait_for(state="visible")
    assert error.inner_text().startswith(label)
    assert widget.locator(".mpb-result").inner_html() == after


def test_a_number_of_thousands_of_digits_gets_a_message_by_its_field(page: Any, site_url: str) -> None:
    # Python refuses to convert more than 4,300 digits; the page must still answer in words.
    widget = open_calculator(page, site_url + page_of("match_odds"), "match_odds")
    before = first_live_result(widget)
    field(widget, "step2_score").fill("9" * 4_301)
    error = error_of(widget, "step2_score")
    error.wait_for(state="visible")
    assert error.inner_text().startswith("Step 2 CK score must be a whole number from 1 to 300")
    assert widget.locator(".mpb-result").inner_html() == before


# Turns the next `window.breakRequests` requests to restore or compute into
# ones the engine's worker refuses, as when the running engine itself fails
# (Python catches every error of its own).
BREAK_REQUESTS = """
  window.breakRequests = 0;
  const send = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (window.breakRequests > 0 && ["restore", "compute"].includes(message?.fn)) {
      window.breakRequests -= 1;
      message = { ...message, fn: "not-a-bridge-function" };
    }
    return send.call(this, message, ...rest);
  };
"""


def test_a_request_the_running_engine_cannot_answer_is_said_in_pythons_words(page: Any, site_url: str) -> None:
    # The page wrote its own sentence here, "still for your last inputs that
    # worked" whatever the result shown (code audit s23, 1).
    page.add_init_script(BREAK_REQUESTS)
    widget = open_calculator(page, site_url + page_of("match_odds"), "match_odds")
    before = first_live_result(widget)
    page.evaluate("window.breakRequests = 1")
    field(widget, "step2_score").fill("241")
    status = widget.locator(".mpb-status-text")
    status.filter(has_text=UNEXPECTED_STATUS).wait_for(timeout=30_000)
    assert status.inner_text() == UNEXPECTED_STATUS
    assert status.inner_text().endswith("try changing a value."), "what to do is read aloud too"
    assert widget.locator(".mpb-stale-note").is_visible()
    assert widget.locator(".mpb-result").inner_html() == before
    # The next edit is answered as usual.
    field(widget, "step2_score").fill("242")
    status.filter(has_text="Updated").wait_for(timeout=30_000)


def test_a_failed_update_over_the_built_result_says_the_result_is_the_defaults(page: Any, site_url: str) -> None:
    # With no answer of the engine's on the page yet, "still for your last
    # inputs that worked" would be untrue (diff review s23, 5).
    page.add_init_script(BREAK_REQUESTS + "window.breakRequests = 2;")  # the restore, then its first answer
    widget = open_calculator(page, site_url + page_of("match_odds"), "match_odds")
    built = widget.locator(".mpb-result").inner_html()
    status = widget.locator(".mpb-status-text")
    status.filter(has_text=UNEXPECTED_STATUS_OVER_DEFAULTS).wait_for(timeout=30_000)
    assert status.inner_text() == UNEXPECTED_STATUS_OVER_DEFAULTS
    assert widget.locator(".mpb-result").inner_html() == built


@pytest.mark.parametrize("typed", ["02312027", "06"])
def test_a_date_the_control_cannot_read_is_named_not_taken_as_empty(page: Any, site_url: str, typed: str) -> None:
    # 31 February, or a half-typed date: the date control reports "", which the
    # optional submission date once took as "left empty", saying "Updated".
    widget = open_calculator(page, site_url + page_of("timeline"), "timeline")
    before = first_live_result(widget)
    submission = field(widget, "eras_submission")
    submission.focus()
    page.keyboard.type(typed)
    field(widget, "dual_applying").focus()  # leaving the date: its control fires no input or change
    error = error_of(widget, "eras_submission")
    error.wait_for(state="visible")
    assert error.inner_text().startswith("ERAS submission date must be a real, complete date from 1 January 2024")
    assert submission.get_attribute("aria-invalid") == "true"
    assert "Please fix ERAS submission date" in widget.locator(".mpb-status").inner_text()
    assert widget.locator(".mpb-result").inner_html() == before
    # The picker offers only the days Python accepts.
    assert (submission.get_attribute("min"), submission.get_attribute("max")) == ("2024-01-01", "2040-12-31")
    # Cleared again (which fires no input or change either), the optional date is simply empty.
    submission.focus()
    page.evaluate("(control) => { control.value = ''; }", submission.element_handle())  # no event, as when cleared by hand
    field(widget, "dual_applying").focus()
    error.wait_for(state="hidden")
    assert submission.get_attribute("aria-invalid") is None


def count_status_writes(page: Any, widget: Any) -> None:
    """From now on, window.statusWrites counts each rewrite of the widget's
    status line (a live region), window.writeTimes holds when each came and
    window.editTimes when the reader edited the form."""
    page.evaluate(
        """(root) => {
             window.statusWrites = 0;
             window.writeTimes = [];
             window.editTimes = [];
             for (const type of ["input", "change"]) {
               root.querySelector("form").addEventListener(type, () => window.editTimes.push(performance.now()), { capture: true });
             }
             new MutationObserver(() => { window.statusWrites++; window.writeTimes.push(performance.now()); }).observe(
               root.querySelector('.mpb-status-text'), { childList: true, characterData: true, subtree: true });
           }""",
        widget.element_handle(),
    )


def assert_said_once_the_reader_paused(page: Any, pause_ms: int) -> None:
    """Each status write since the last reset came at least ``pause_ms``
    after the edit before it, and one came after the last edit.  A count of
    writes alone failed on a busy machine that delivered a key after the
    pause had passed, when a write was right (seen twice on 2026-12-06)."""
    edits, writes = page.evaluate("[window.editTimes, window.writeTimes]")
    assert edits, "no edit was seen"
    for written in writes:
        before = [edit for edit in edits if edit <= written]
        assert before and written - max(before) >= pause_ms - 50, (written, before[-3:])
    assert len([written for written in writes if written > max(edits)]) == 1, (edits, writes)


def _match_odds_counting_status_writes(page: Any, site_url: str) -> Any:
    widget = open_calculator(page, site_url + page_of("match_odds"), "match_odds")
    first_live_result(widget)
    count_status_writes(page, widget)
    return widget


def test_the_status_line_is_not_rewritten_with_the_same_words(page: Any, site_url: str) -> None:
    # A live region that is rewritten is read out again: a typing pause and then
    # leaving the field once announced the same sentence twice.
    widget = _match_odds_counting_status_writes(page, site_url)
    score = field(widget, "step2_score")
    score.fill("251")
    page.wait_for_function("window.statusWrites > 0")
    page.wait_for_timeout(300)
    writes = page.evaluate("window.statusWrites")
    score.press("Tab")  # a change event: the same inputs again
    page.wait_for_timeout(1300)
    assert page.evaluate("window.statusWrites") == writes
    score.fill("abc")
    error_of(widget, "step2_score").wait_for(state="visible")
    page.wait_for_timeout(TYPED_ANNOUNCE_PAUSE_MS + 300)  # past the typing and announcing pauses
    writes = page.evaluate("window.statusWrites")
    score.press("Tab")
    page.wait_for_timeout(1300)
    assert page.evaluate("window.statusWrites") == writes


def test_the_status_line_speaks_once_the_reader_pauses_not_at_every_key(page: Any, site_url: str) -> None:
    # Typed at a screen reader's pace, "12" ranks announced a summary for 1
    # rank first; arrowing through a list announced every option passed.
    widget = _match_odds_counting_status_writes(page, site_url)
    ranks = field(widget, "contiguous_ranks")
    ranks.fill("")
    ranks.press_sequentially("12", delay=400)
    # The ranks' own cell, not any "12" in the result (testread audit s45, browser weak spot).
    widget.locator('.mpb-result td[data-label="Yours"]', has_text=re.compile(r"^12$")).first.wait_for()
    page.wait_for_timeout(TYPED_ANNOUNCE_PAUSE_MS + 500)
    assert_said_once_the_reader_paused(page, TYPED_ANNOUNCE_PAUSE_MS)
    specialty = field(widget, "specialty")
    specialty.focus()
    page.evaluate("window.writeTimes = []; window.editTimes = []")
    for _ in range(4):
        specialty.press("ArrowDown")
        page.wait_for_timeout(300)
    page.wait_for_timeout(ANNOUNCE_PAUSE_MS + 500)
    assert len(page.evaluate("window.editTimes")) >= 4
    assert_said_once_the_reader_paused(page, ANNOUNCE_PAUSE_MS)


def test_new_inputs_are_announced_even_when_their_summary_reads_the_same(page: Any, site_url: str) -> None:
    # 6 and 7 research items give the same summary; skipping the rewrite would leave the change unannounced.
    widget = open_calculator(page, site_url + page_of("competitiveness"), "competitiveness")
    research = field(widget, "research_items")
    research.fill("6")
    page.wait_for_function(
        "(root) => root.querySelector('.mpb-status-text').textContent.startsWith('Updated')", arg=widget.element_handle()
    )
    page.wait_for_timeout(1300)  # settled: the status has spoken
    count_status_writes(page, widget)
    before = widget.locator(".mpb-status-text").inner_text()
    research.fill("7")
    page.wait_for_function("window.statusWrites > 0")
    assert widget.locator(".mpb-status-text").inner_text() == before


# A tab of its own: in three fresh-clone CI runs (and in none of the runs in
# an existing checkout) the section it opened printed closed when it shared the
# returning reader's browser with the tests before it; what prints does not
# depend on how the engine started.
@pytest.mark.reader("first_visit")
def test_printing_opens_the_explanations_and_hides_buttons(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + page_of("backup_finder"), "backup_finder")
    first_live_result(widget)
    # What prints is under test, not a late answer: the click waits until the
    # result has stood still for a second.
    page.wait_for_function(
        """(root) => {
             const html = root.querySelector('.mpb-result').innerHTML;
             const now = performance.now();
             if (html !== window.mpbLastResult) [window.mpbLastResult, window.mpbSince] = [html, now];
             return now - window.mpbSince > 1000;
           }""",
        arg=widget.element_handle(),
        polling=200,
        timeout=15_000,
    )
    explanations = widget.locator("details:not(.mpb-print-if-opened)")
    per_specialty = widget.locator(".mpb-result details.mpb-print-if-opened")
    assert explanations.count() >= 2, "the method and the list of fields left out"
    ranked = widget.locator(".mpb-result table").first.locator("tbody tr")
    # Every ranked specialty's points, not the first five only (arithmetic audit s22, 2).
    assert per_specialty.count() == ranked.count() > 5, "each suggested specialty's points"
    opened_one = per_specialty.nth(1)
    opened_one.evaluate("(d) => { d.mpbClicked = true; }")
    # Printed at once: what is open as printing starts is what prints, with
    # no event to wait for (a toggle event, a task after the click, was).
    opened_one.locator("summary").click()
    note = widget.locator(".mpb-paper-note", has_text="printed only if you opened them")
    assert note.is_hidden()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert widget.locator("details:not(.mpb-print-if-opened):not([open])").count() == 0
    # Printed all at once, five specialties' points took 5 of 16 A4 pages:
    # only the one the reader opened prints.
    opened = [per_specialty.nth(i).evaluate("(d) => d.open") for i in range(per_specialty.count())]
    # If it fails again, say whether the section is still the one clicked (a late answer replaces
    # the result) and what the page recorded of it.
    state = opened_one.evaluate("(d) => ({same: d.mpbClicked === true, reader: d.dataset.readerOpened})")
    assert opened == [False, True] + [False] * (len(opened) - 2), state
    assert note.is_visible(), "paper says how to print the rest"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert explanations.first.evaluate("(d) => d.open") is False
    assert per_specialty.nth(1).evaluate("(d) => d.open") is True, "what the reader opened stays open"

    timeline = open_calculator(page, site_url + page_of("timeline"), "timeline")
    download = timeline.locator(".mpb-result .md-button").first
    assert download.is_visible()
    page.emulate_media(media="print")
    assert download.is_hidden(), "a download button does nothing on paper"
    page.emulate_media(media="screen")


def backup_finder_engine_off(page: Any, site_url: str) -> tuple[Any, Any]:
    """The backup finder as built, its engine refused: the widget and its per-specialty sections."""
    page.route("**/assets/pyodide-*/**", lambda route: route.abort())
    page.goto(site_url + page_of("backup_finder"))
    widget = page.locator('.mpb-calculator[data-calculator="backup_finder"]')
    page.wait_for_selector('.mpb-calculator[data-runtime="failed"]', timeout=60_000)
    sections = widget.locator(".mpb-result details.mpb-print-if-opened")
    assert sections.count() > 5
    return widget, sections


def test_printed_before_the_engine_answers_the_backup_finder_prints_what_it_says_it_does(page: Any, site_url: str) -> None:
    # Material opens every section of the built page for printing, so with
    # the engine not (yet) running all eleven specialties' points printed,
    # under the note saying they would not: 8 more A4 sheets (print audit s34, 1).
    widget, per_specialty = backup_finder_engine_off(page, site_url)
    per_specialty.nth(2).locator("summary").click()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    opened = per_specialty.evaluate_all("(all) => all.map((d) => d.open)")
    assert opened == [False, False, True] + [False] * (len(opened) - 3)
    assert widget.locator(".mpb-method[open]").count() == 1, "the method still prints"
    # The reason the engine is off prints whole, its button as a word.
    page.emulate_media(media="print")
    assert "then press Try again; what you typed" in widget.locator(".mpb-engine-off-unreachable").inner_text()
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert per_specialty.evaluate_all("(all) => all.map((d) => d.open)") == opened


def test_a_section_opened_in_the_same_task_as_printing_starts_prints_open(page: Any, site_url: str) -> None:
    # The reader's opening was learnt from a toggle event, which comes a task
    # after the click: printing in between closed the section on paper and,
    # once the event came, on screen (flakes audit s39, 2; seen in CI).
    # Material's sections too, with the engine not running.
    widget, sections = backup_finder_engine_off(page, site_url)
    page.evaluate(
        """(root) => {
             root.querySelectorAll('.mpb-result details.mpb-print-if-opened')[1].querySelector('summary').click();
             window.dispatchEvent(new Event('beforeprint'));
           }""",
        widget.element_handle(),
    )
    # Read in a later call: the observer that closes sections runs once the script returns.
    opened = sections.evaluate_all("(all) => all.map((d) => d.open)")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert opened == [False, True] + [False] * (len(opened) - 2)
    page.wait_for_timeout(200)  # the click's toggle event has come
    assert sections.evaluate_all("(all) => all.map((d) => d.open)") == opened, "as the reader left them, on screen"


# A4 less Material's 25 mm page margins, in CSS pixels: the width Chromium lays
# a printed page out at.
PRINTED_WIDTH = 605


def test_paper_shows_every_column_every_typed_line_and_why_a_result_is_stale(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": PRINTED_WIDTH, "height": 900})
    page.goto(site_url + "data-and-sources/")
    page.emulate_media(media="print")
    # A scrolling table wrapper printed only what fitted: the sources column went missing.
    cut = page.evaluate(
        """() => [...document.querySelectorAll('.md-content table')].filter((t) =>
             t.getBoundingClientRect().right > document.querySelector('.md-content').getBoundingClientRect().right + 1
           ).map((t) => t.caption ? t.caption.textContent : 'table')"""
    )
    assert cut == []
    page.emulate_media(media="screen")

    widget = open_calculator(page, site_url + page_of("packet_check"), "packet_check")
    first_live_result(widget)
    programs = widget.locator("textarea").first
    programs.fill("\n".join(f"P{i},Internal Medicine" for i in range(40)))
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    # The box itself gives way to its text, which can run on to the next sheet
    # (test_browser_print.py follows a long list onto paper).
    copy = widget.locator(".mpb-paper-copy").first
    assert programs.is_hidden() and copy.text_content() == programs.input_value(), "paper shows all that was typed"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")

    odds = open_calculator(page, site_url + page_of("match_odds"), "match_odds")
    first_live_result(odds)
    status = odds.locator(".mpb-status")
    page.emulate_media(media="print")
    assert status.is_hidden()
    odds.locator('[name="step2_score"]').fill("2620")
    odds.locator(".mpb-status-text", has_text="last valid inputs").wait_for()
    assert status.is_visible(), "paper says the result is for the last valid inputs"
    assert odds.locator(".mpb-stale-note").inner_text().endswith(": see the messages above."), "and points to them"
    page.emulate_media(media="screen")


@pytest.mark.parametrize("translated", [False, True], ids=["as-built", "translated-by-the-browser"])
def test_a_new_answer_keeps_the_readers_place_and_open_sections_in_the_result(page: Any, site_url: str, translated: bool) -> None:
    # Replacing the result's markup dropped focus to the page's start and
    # closed every "how they add up" section the reader had opened; on a
    # page the browser translated, it still closed them (translate audit s28).
    widget = open_calculator(page, site_url + page_of("backup_finder"), "backup_finder")
    first_live_result(widget)
    if translated:
        translate_page(page)
    summary = widget.locator(".mpb-result details summary").first
    summary.click()
    summary.focus()
    before = widget.locator(".mpb-result").inner_html()
    # An edit made without leaving the result, as a later reply would land.
    widget.evaluate(
        """(root) => { const f = root.querySelector('[name="exam_failures"]'); f.value = '1';
                       f.dispatchEvent(new Event('change', { bubbles: true })); }"""
    )
    page.wait_for_function(
        "([root, old]) => root.querySelector('.mpb-result').innerHTML !== old", arg=[widget.element_handle(), before]
    )
    assert widget.locator(".mpb-result details").first.evaluate("(d) => d.open")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    assert widget.locator(".mpb-result").evaluate("(r) => r.contains(document.activeElement)")


HEADINGS = "(root) => [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => heading.tagName)"


def test_a_calculator_under_a_guide_section_keeps_its_heading_levels_live(page: Any, site_url: str) -> None:
    # On /apply/ the program counts sit under a ### section, so the build gives
    # them an h3 title and h5 parts; a live result must not bring back a level-2 widget's h4.
    name = "program_counts"
    widget = open_calculator(page, site_url + "apply/", name)
    result = widget.locator(".mpb-result")
    assert widget.evaluate(HEADINGS)[:2] == ["H3", "H4"]
    built = result.evaluate(HEADINGS)
    assert built and set(built) == {"H5"}, built
    before = result.inner_html()
    vary(widget, REGISTRY[name])
    page.wait_for_function(
        "([selector, before]) => document.querySelector(selector).innerHTML !== before",
        arg=[f'.mpb-calculator[data-calculator="{name}"] .mpb-result', before],
    )
    live = result.evaluate(HEADINGS)
    assert live and set(live) == {"H5"}, live


def test_the_calendar_downloads_whole_from_an_address_that_names_nothing(page: Any, site_url: str) -> None:
    # Its data: address, the reader's plan in it, stayed in the browser's
    # download history after the file was deleted (shared-computer audit s35, 4).
    widget = open_calculator(page, site_url + page_of("timeline"), "timeline")
    first_live_result(widget)
    link = widget.get_by_role("link", name="Download the calendar (.ics)")
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.url.startswith("blob:")
    assert download.suggested_filename == "match-plan-b-timeline.ics"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "SUMMARY:Submit ERAS" in text
    # The page's own link still holds the file, for a reader with no script.
    assert link.get_attribute("href").startswith("data:text/calendar")
