"""Printing: what lands on which sheet of paper.

Print layout splits the page into sheets, which the DOM cannot see, so the
tests that need a page number print to PDF and read it back: text wrapped in a
link to ``MARK`` leaves a link annotation on every sheet it is drawn on."""

from __future__ import annotations

import re
from typing import Any

import pytest
from browser import error_of, field, first_live_result, open_calculator, wait_for_result

pytestmark = [pytest.mark.browser, pytest.mark.reader("returning")]

MARK = "https://print-mark.invalid/"
# Letter, the paper of the site's US readers, with Chrome's default margins.
LETTER = {"format": "Letter", "margin": {side: "0.4in" for side in ("top", "right", "bottom", "left")}}
# Letter's width less those margins, in CSS pixels: the width a printed page is laid out at.
LETTER_WIDTH = 739
INCH = 96


def page_of(name: str) -> str:
    return f"calculators/{name.replace('_', '-')}/"


# Wraps the text of each node in a link named `${mark}${key}-${i}`; the
# layout is unchanged, and the PDF gains a link annotation wherever it prints.
MARK_TEXT = """([nodes, mark, key]) => nodes.forEach((node, i) => {
  const link = document.createElement('a');
  link.href = `${mark}${key}-${i}`;
  link.append(...node.childNodes);
  node.append(link);
})"""


def mark(page: Any, selector: str, key: str) -> int:
    nodes = page.locator(selector)
    page.evaluate(MARK_TEXT, [nodes.element_handles(), MARK, key])
    return nodes.count()


def printed_marks(pdf: bytes) -> dict[str, list[tuple[int, float]]]:
    """Each marked text's sheets (from 0) and its top edge there, in points
    from the sheet's foot: one entry for every sheet it is drawn on."""
    objects = {int(m[1]): m[2] for m in re.finditer(rb"(?m)^(\d+) 0 obj\s*<<(.*?)>>\s*(?:endobj|stream)", pdf, re.S)}

    def refs(text: bytes) -> list[int]:
        return [int(n) for n in re.findall(rb"(\d+) 0 R", text)]

    def sheets(number: int) -> list[bytes]:
        body = objects[number]
        if re.search(rb"/Type\s*/Pages\b", body):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
            return [sheet for kid in refs(kids[1] if kids else b"") for sheet in sheets(kid)]
        return [body]

    root = next(n for n, body in objects.items() if re.search(rb"/Type\s*/Pages\b", body) and b"/Parent" not in body)
    found: dict[str, list[tuple[int, float]]] = {}
    for index, sheet in enumerate(sheets(root)):
        annots = re.search(rb"/Annots\s*\[(.*?)\]", sheet, re.S)
        for ref in refs(annots[1] if annots else b""):
            annot = objects.get(ref, b"")
            uri = re.search(rb"/URI\s*\((.*?)\)", annot)
            rect = re.search(rb"/Rect\s*\[([^\]]*)\]", annot)
            if uri and rect and uri[1].decode().startswith(MARK):
                top = max(float(n) for n in rect[1].split()[1::2])
                found.setdefault(uri[1].decode()[len(MARK) :], []).append((index, top))
    return found


def print_to_letter(page: Any) -> dict[str, list[tuple[int, float]]]:
    page.emulate_media(media="print")
    pdf = page.pdf(**LETTER)
    page.emulate_media(media="screen")
    return printed_marks(pdf)


def sheets_of(marks: dict[str, list[tuple[int, float]]], key: str) -> set[int]:
    return {sheet for sheet, _ in marks.get(key, [])}


def earlier(a: tuple[int, float], b: tuple[int, float]) -> bool:
    """Whether place ``a`` comes before ``b`` on paper (a higher top is earlier)."""
    return a[0] < b[0] or (a[0] == b[0] and a[1] > b[1])


# --- a pasted list --------------------------------------------------------------------

PROGRAMS = ["name,specialty", *(f"Program {i:02d} IM,internal-medicine" for i in range(60))]
DOCUMENTS = [
    "id,kind,specialty",
    "PS-IM,statement,internal-medicine",
    "L1,letter,internal-medicine",
    "L2,letter,internal-medicine",
]
ASSIGNMENTS = ["program,document", *(f"Program {i:02d} IM,{d}" for i in range(60) for d in ("PS-IM", "L1", "L2"))]

# Runs after the page's own beforeprint handler, which makes the copies.
MARK_COPIES = """(mark) => window.addEventListener('beforeprint', () => {
  document.querySelectorAll('.mpb-paper-copy').forEach((copy, i) => {
    const lines = copy.textContent.split('\\n');
    const link = (line, key) => Object.assign(document.createElement('a'), { href: `${mark}${key}`, textContent: line });
    copy.replaceChildren(link(lines[0], `first-${i}`), '\\n', lines.slice(1, -1).join('\\n'), '\\n',
                         link(lines.at(-1), `last-${i}`));
  });
})"""


def test_a_long_pasted_list_prints_in_full_before_its_result(page: Any, site_url: str) -> None:
    # A text box cannot be split between sheets: 180 pasted rows went to a
    # fresh sheet, ran off its foot, and the result was printed over them.
    page.set_viewport_size({"width": LETTER_WIDTH, "height": 1000})
    widget = open_calculator(page, site_url + page_of("packet_check"), "packet_check")
    first_live_result(widget)
    boxes = widget.locator("textarea")
    for box, lines in zip(boxes.all(), (PROGRAMS, DOCUMENTS, ASSIGNMENTS), strict=True):
        box.fill("\n".join(lines))
    wait_for_result(page, widget, "No problems found")

    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    copies = widget.locator(".mpb-paper-copy")
    assert copies.count() == 3
    assert boxes.first.is_hidden()
    for i, lines in enumerate((PROGRAMS, DOCUMENTS, ASSIGNMENTS)):
        assert copies.nth(i).is_visible()
        assert copies.nth(i).text_content() == "\n".join(lines)
        assert copies.nth(i).evaluate("(c) => getComputedStyle(c).whiteSpace") == "pre-wrap"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert copies.count() == 0 and boxes.first.is_visible()

    page.evaluate(MARK_COPIES, MARK)
    mark(page, '.mpb-calculator[data-calculator="packet_check"] .mpb-result-title', "result")
    marks = print_to_letter(page)
    assert sheets_of(marks, "first-0") == {0}, "the programs start on the first sheet, not after a blank one"
    last_row, result = marks["last-2"], marks["result-0"]
    assert len(last_row) == 1 and len(result) == 1
    assert earlier(last_row[0], result[0]), "every assignment prints, and before the result"
    assert copies.count() == 0, "the copies go once printing is over"


# --- charts ---------------------------------------------------------------------------

CHART_BOX = """(chart) => { const box = chart.getBoundingClientRect(); const view = chart.viewBox.baseVal;
  return [box.width, box.height, view.width, view.height]; }"""


@pytest.mark.parametrize("name", ["competitiveness", "application_cost"])
def test_a_row_chart_prints_in_half_a_sheet(page: Any, site_url: str, name: str) -> None:
    # The score chart printed 8.4 in tall, so unless it started near the top
    # of a Letter sheet it left that sheet almost blank.
    page.set_viewport_size({"width": LETTER_WIDTH, "height": 1000})
    widget = open_calculator(page, site_url + page_of(name), name)
    first_live_result(widget)
    page.emulate_media(media="print")
    charts = widget.locator(".mpb-result .mpb-chart--rows")
    assert charts.count() >= 1
    for chart in charts.all():
        width, height, view_width, view_height = chart.evaluate(CHART_BOX)
        assert height <= 5 * INCH + 1
        assert width / height == pytest.approx(view_width / view_height, rel=0.02), "scaled, not squeezed"
    page.emulate_media(media="screen")


# --- forms ----------------------------------------------------------------------------


def test_the_program_count_form_starts_on_the_first_sheet_with_each_label_by_its_control(page: Any, site_url: str) -> None:
    # Labels kept with whatever followed dragged all 13 fields to sheet 2.
    page.set_viewport_size({"width": LETTER_WIDTH, "height": 1000})
    widget = open_calculator(page, site_url + page_of("program_counts"), "program_counts")
    first_live_result(widget)
    page.emulate_media(media="print")
    kept = widget.locator(".mpb-field").evaluate_all(
        "(fields) => fields.map((f) => [f.dataset.field, getComputedStyle(f).breakInside])"
    )
    assert kept and all(rule == "avoid" for _, rule in kept), kept
    mark(page, '.mpb-calculator[data-calculator="program_counts"] .mpb-field label', "label")
    marks = print_to_letter(page)
    assert sheets_of(marks, "label-0") == {0}


def test_a_pasted_list_is_never_kept_whole(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + page_of("packet_check"), "packet_check")
    page.emulate_media(media="print")
    rules = widget.locator(".mpb-field").evaluate_all("(fields) => fields.map((f) => getComputedStyle(f).breakInside)")
    assert rules == ["auto"] * 3, "a list longer than a sheet must be free to run on"
    page.emulate_media(media="screen")


# --- a result printed before it caught up ------------------------------------------------

# Typed and printed in one go: the answer to the edit is still a typing pause away.
TYPE_AND_PRINT = """(root) => {
  const score = root.querySelector('[name="step2_score"]');
  score.value = '262';
  score.dispatchEvent(new Event('input', { bubbles: true }));
  window.dispatchEvent(new Event('beforeprint'));
  const note = root.querySelector('.mpb-stale-note');
  const seen = [note.checkVisibility(), note.innerText];
  window.dispatchEvent(new Event('afterprint'));
  return [...seen, note.checkVisibility()];
}"""


def test_printing_right_after_an_edit_marks_the_result_as_not_yet_updated(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + page_of("competitiveness"), "competitiveness")
    first_live_result(widget)
    note = widget.locator(".mpb-stale-note")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert note.is_hidden(), "a result that matches the form is not marked"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    shown, words, after = page.evaluate(TYPE_AND_PRINT, widget.element_handle())
    # No message above it on paper to point to: the status line does not print.
    assert (shown, words, after) == (True, "Not updated to the form as it is now.", False)
    wait_for_result(page, widget, "262")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert note.is_hidden()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")


@pytest.mark.reader("first_visit")  # the wasm's download is held: a kept one would not be
def test_an_edit_made_while_the_engine_loads_is_marked_on_paper(page: Any, site_url: str) -> None:
    # Before the first live answer there was no answer to compare the form
    # with, so a reader on a slow link who typed and printed got their input
    # beside the result built for the defaults, unmarked.
    page.route("**/*.wasm*", lambda route: None)  # never answered: the engine stays loading
    page.goto(site_url + page_of("competitiveness"))
    page.wait_for_selector('.mpb-calculator[data-calculator="competitiveness"][data-runtime="loading"]')
    widget = page.locator('.mpb-calculator[data-calculator="competitiveness"]').first
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert widget.locator(".mpb-stale-note").is_hidden(), "the built result answers the built form"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    shown, words, after = page.evaluate(TYPE_AND_PRINT, widget.element_handle())
    # On screen too, and so still after printing: the edit, not the paper,
    # showed it (audit s25, slow-link 2).
    assert (shown, words, after) == (True, "Not updated to the form as it is now.", True)
    page.emulate_media(media="screen")


# --- the dark scheme on paper ------------------------------------------------------------

COLOURS = """() => {
  const pick = (selector, property) => [...document.querySelectorAll(selector)]
    .filter((node) => node.getClientRects().length)
    .map((node) => [selector, getComputedStyle(node)[property]]);
  return [
    ...pick('.md-content .md-typeset a:not(.md-button, .headerlink)', 'color'),
    ...pick('.md-content .md-typeset p', 'color'),
    ...pick('.mpb-chart [class*="mpb-tone-"]:not(.mpb-tone-zero)', 'fill'),
  ];
}"""


# Material fades a link's colour over 125 ms when it changes: read where it ends.
FINISH_FADES = "document.getAnimations().forEach((fade) => fade.finish())"


def contrast_on_white(colour: str) -> float:
    """WCAG contrast of a computed ``rgb()``/``rgba()`` colour laid on white."""
    red, green, blue, *alpha = (float(n) for n in re.findall(r"[\d.]+", colour))
    opacity = alpha[0] if alpha else 1.0

    def channel(value: float) -> float:
        value = (value * opacity + 255 * (1 - opacity)) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    return 1.05 / (luminance + 0.05)


def test_a_dark_scheme_reader_prints_in_ink_that_reads_on_white(page: Any, site_url: str) -> None:
    # Links printed in the slate scheme's light blue, about 2.2:1 on paper.
    page.emulate_media(color_scheme="dark")
    widget = open_calculator(page, site_url + page_of("competitiveness"), "competitiveness")
    first_live_result(widget)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.emulate_media(media="print")
    page.evaluate(FINISH_FADES)
    colours = page.evaluate(COLOURS)
    kinds = {selector for selector, _ in colours}
    assert len(kinds) == 3, colours
    faint = [(selector, colour) for selector, colour in colours if contrast_on_white(colour) < 4.5]
    assert faint == []
    page.emulate_media(media="screen")
    page.evaluate(FINISH_FADES)
    # The screen keeps its dark-scheme tints.
    assert contrast_on_white(page.evaluate(COLOURS)[0][1]) < 4.5


def test_a_field_or_chart_in_focus_prints_without_its_ring(page: Any, site_url: str) -> None:
    # The date field's ring and the chart's scroll region (outside the form)
    # printed a thick blue frame, as if that answer were flagged
    # (offline-phone-print audit s35, 1).
    ring = "() => getComputedStyle(document.activeElement).outlineStyle"
    widget = open_calculator(page, site_url + page_of("timeline"), "timeline")
    first_live_result(widget)
    widget.locator('[name="eras_submission"]').focus()
    page.keyboard.press("ArrowUp")  # keyboard focus, as a reader leaves it
    assert page.evaluate(ring) != "none"
    page.emulate_media(media="print")
    assert page.evaluate(ring) == "none"
    page.emulate_media(media="screen")
    widget = open_calculator(page, site_url + page_of("match_odds"), "match_odds")
    first_live_result(widget)
    page.locator(".mpb-calculator .mpb-scroll").first.focus()
    assert page.evaluate(ring) != "none"
    page.emulate_media(media="print")
    assert page.evaluate(ring) == "none"
    page.emulate_media(media="screen")


# --- tables ----------------------------------------------------------------------------


def test_a_tables_caption_prints_on_the_sheet_its_table_starts(page: Any, site_url: str) -> None:
    # "Non-US IMGs by preferred specialty: NRMP, …" ended one sheet and its
    # table, with the caption's last word, began the next.
    page.set_viewport_size({"width": LETTER_WIDTH, "height": 1000})
    page.goto(site_url + "data-and-sources/")
    tables = mark(page, ".md-content table caption", "caption")
    assert mark(page, ".md-content table:has(caption) tbody tr:first-child td:first-child", "row") == tables
    marks = print_to_letter(page)
    for i in range(tables):
        caption, row = sheets_of(marks, f"caption-{i}"), sheets_of(marks, f"row-{i}")
        assert len(caption) == 1 and caption == row, (i, caption, row)


@pytest.mark.parametrize("path", ["backup/playbook-orthopaedics/", "assess/need-a-backup/"])
def test_a_tables_header_prints_on_the_sheet_of_its_first_row(page: Any, site_url: str, path: str) -> None:
    # "Backup / What carries over from ortho / What to watch" ended a Letter
    # sheet in an empty box, its rows on the next (print audit s34, 3).
    page.set_viewport_size({"width": LETTER_WIDTH, "height": 1000})
    page.goto(site_url + path)
    tables = mark(page, ".md-content table thead th:first-child", "head")
    assert mark(page, ".md-content table tbody tr:first-child td:first-child", "row") == tables > 0
    marks = print_to_letter(page)
    for i in range(tables):
        # A header repeats on each sheet its table runs on: its first is the one.
        head, row = sheets_of(marks, f"head-{i}"), sheets_of(marks, f"row-{i}")
        assert min(head) == min(row), (i, head, row)


@pytest.mark.parametrize("name", ["backup_finder", "competitiveness"])
def test_the_caution_prints_on_the_sheet_of_the_answer(page: Any, site_url: str, name: str) -> None:
    # "General guidance, not a guarantee" came first on sheet 3 to 6: a reader
    # who printed the first sheets carried a band with no caution (print audit s34, 2).
    page.set_viewport_size({"width": LETTER_WIDTH, "height": 1000})
    widget = open_calculator(page, site_url + page_of(name), name)
    first_live_result(widget)
    caution = widget.locator(".mpb-result .mpb-paper-note", has_text="General guidance, not a guarantee")
    assert caution.is_hidden(), "on screen, the answer's own closing line says it"
    mark(page, f'.mpb-calculator[data-calculator="{name}"] .mpb-result .mpb-paper-caution', "caution")
    mark(page, f'.mpb-calculator[data-calculator="{name}"] .mpb-result .mpb-headline', "headline")
    marks = print_to_letter(page)
    assert sheets_of(marks, "caution-0") == sheets_of(marks, "headline-0")


# --- the offline panel -------------------------------------------------------------------


def test_the_offline_panel_prints_its_words_without_its_controls(page: Any, site_url: str) -> None:
    # The whole panel was hidden, so "…or take a copy on a memory stick:" led to nothing.
    page.goto(site_url)
    # As during a save, when the bar shows on screen (tests audit s21, 4).
    page.locator(".mpb-offline-progress").evaluate("(bar) => { bar.hidden = false; }")
    page.emulate_media(media="print")
    panel = page.locator(".mpb-offline")
    assert panel.is_visible()
    assert "A zip of the whole site" in panel.inner_text()
    assert page.locator(".mpb-offline-progress, .mpb-offline-state").evaluate_all(
        "(nodes) => nodes.every((node) => !node.checkVisibility())"
    )
    # Paper cannot be pressed: the buttons' names print as words in the sentence.
    drawn = panel.locator(".md-button").evaluate_all(
        "(buttons) => buttons.map((b) => [b.textContent, getComputedStyle(b).borderTopStyle, getComputedStyle(b).paddingLeft])"
    )
    assert drawn == [["Download for offline reading", "none", "0px"], ["Save for offline use", "none", "0px"]]
    # Each name leads its sentence ("Save for offline use: Keeps…"), not runs into it.
    after = panel.locator(".md-button").evaluate_all("(buttons) => buttons.map((b) => getComputedStyle(b, '::after').content)")
    assert after == ['":"', '":"']
    page.emulate_media(media="screen")


# --- where a sheet came from ---------------------------------------------------------------


# The 404 page, a theme template no macro reaches, printed none (print audit s20, 3).
@pytest.mark.parametrize("path", ["", "calculators/match-odds/", "404.html"])
def test_every_printed_page_ends_with_where_and_when_it_came_from(page: Any, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    provenance = page.locator(".md-content .mpb-paper-note", has_text="Printed from Match Plan B")
    assert provenance.count() == 1 and not provenance.is_visible()
    page.emulate_media(media="print")
    assert provenance.is_visible()
    assert re.search(r"built on \d{1,2} [A-Z][a-z]+ \d{4}", provenance.inner_text())
    page.emulate_media(media="screen")


A4 = {**LETTER, "format": "A4"}


@pytest.mark.parametrize(
    "path",
    ["faq/", "backup/bridges/", "calculators/rank-simulator/"],  # each printed its line apart before
)
def test_the_last_words_print_whole_on_the_sheet_of_the_closing_disclaimer(page: Any, site_url: str, path: str) -> None:
    # "web address has the latest." took a sheet of its own, or the whole
    # line sat alone on one, away from the disclaimer it follows (print audit s20, 1).
    page.goto(site_url + path)
    mark(page, ".md-content .admonition + .mpb-paper-note", "where")
    mark(page, ".md-content .admonition:has(+ .mpb-paper-note) > :last-child", "disclaimer")
    page.emulate_media(media="print")
    for paper in (LETTER, A4):
        marks = printed_marks(page.pdf(**paper))
        where, disclaimer = sheets_of(marks, "where-0"), sheets_of(marks, "disclaimer-0")
        assert len(where) == 1 and where == {max(disclaimer)}, (paper["format"], where, disclaimer)
    page.emulate_media(media="screen")


def test_a_page_shorter_than_a_sheet_prints_on_one(page: Any, site_url: str) -> None:
    # The 404 page printed a blank second sheet: Material makes the body at least as tall as the screen.
    page.goto(site_url + "404.html")
    page.emulate_media(media="print")
    pdf = page.pdf(**LETTER)
    page.emulate_media(media="screen")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1


def test_the_calendar_download_and_its_option_stay_off_paper(page: Any, site_url: str) -> None:
    # The sentence told the reader to tick an option and use a button that paper did not have (print audit s20, 4).
    widget = open_calculator(page, site_url + page_of("timeline"), "timeline")
    page.emulate_media(media="print")
    assert widget.locator('[data-field="include_past"]').is_hidden()
    assert widget.get_by_text("It imports into Google Calendar").is_hidden()
    assert widget.locator(".mpb-result table").is_visible() and widget.locator('[data-field="today"]').is_visible()
    page.emulate_media(media="screen")
    assert widget.locator('[data-field="include_past"]').is_visible()
    assert widget.get_by_text("It imports into Google Calendar").is_visible()


SHEET = rb"/Type\s*/Page\b"
PLAN_ONLY = "document.documentElement.classList.contains('mpb-print-plan-only')"


@pytest.mark.parametrize("path", ["calculators/timeline/", "apply/timeline/"])
def test_print_only_my_plan_leaves_the_form_the_method_and_the_guide_off_paper(page: Any, site_url: str, path: str) -> None:
    # Printed whole, the timeline's page ran to some 10,000 words: the form,
    # the method opened for paper and the guide around the plan (planner
    # audit s54, 7).  Tried by hand on a build: 26 Letter sheets whole, 14
    # for the plan alone (38 or more, and 14, from the Timeline guide).
    widget = open_calculator(page, site_url + path, "timeline")
    first_live_result(widget)
    whole = len(re.findall(SHEET, page.pdf(**LETTER)))
    # No dialog in a test: the print the button starts is the PDF below,
    # which fires beforeprint and afterprint as a print does.
    page.evaluate("window.print = () => {}")
    button = widget.get_by_role("button", name="Print only my plan")
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate(PLAN_ONLY)
    page.emulate_media(media="print")
    assert widget.locator(".mpb-result table").is_visible() and widget.locator(".mpb-result .mpb-notes-list").is_visible()
    for off_paper in (".mpb-form", ".mpb-method", ".mpb-summary"):
        assert widget.locator(off_paper).is_hidden(), off_paper
    assert page.locator(".md-content__inner > h2").first.is_hidden(), "the guide's text"
    assert page.locator(".md-content__inner > h1").is_visible()
    assert page.locator(".md-content__inner > .mpb-paper-note", has_text="Printed from Match Plan B").is_visible()
    assert page.locator(".md-content__inner > .admonition").last.is_visible(), "the closing disclaimer"
    plan_only = len(re.findall(SHEET, page.pdf(**LETTER)))
    assert plan_only < whole, (plan_only, whole)
    # Gone with the print it was for: the browser's own Print prints the whole page, as before.
    assert not page.evaluate(PLAN_ONLY)
    assert widget.locator(".mpb-form").is_visible() and page.locator(".md-content__inner > h2").first.is_visible()
    page.emulate_media(media="screen")
    assert button.is_visible()


STALE_NOTE = "Not updated to the form as it is now"


def test_print_only_my_plan_with_a_field_in_error_drops_the_pointer_to_messages_left_off_paper(page: Any, site_url: str) -> None:
    # The form, and the messages in it, stayed off paper while the note still
    # said "see the messages above" (diff review s55b, 8).
    widget = open_calculator(page, site_url + page_of("timeline"), "timeline")
    first_live_result(widget)
    submission = field(widget, "eras_submission")
    submission.focus()
    page.keyboard.type("02312027")
    field(widget, "dual_applying").focus()
    error_of(widget, "eras_submission").wait_for(state="visible")
    note, status = widget.locator(".mpb-stale-note"), widget.locator(".mpb-status")
    # The whole page prints the messages, and the pointer to them.
    page.emulate_media(media="print")
    assert note.inner_text() == f"{STALE_NOTE}: see the messages above."
    page.emulate_media(media="screen")
    page.evaluate("window.print = () => {}")
    widget.get_by_role("button", name="Print only my plan").click()
    page.emulate_media(media="print")
    assert widget.locator(".mpb-form").is_hidden()
    assert note.inner_text() == f"{STALE_NOTE}."
    # The status line still says which field to fix, and that the plan is not for it.
    assert status.is_visible() and "Please fix ERAS submission date" in status.inner_text()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")


@pytest.mark.parametrize(
    "after",
    [
        # Some mobile browsers fire no afterprint: the print media's end,
        # or the page's return to focus or view, clears the mark instead.
        "media",
        "window.dispatchEvent(new Event('focus'))",
        "document.dispatchEvent(new Event('visibilitychange'))",
    ],
)
def test_print_only_my_plan_is_forgotten_after_its_print_without_an_afterprint(page: Any, site_url: str, after: str) -> None:
    # With the mark left set, the browser's own Print printed the plan alone
    # where no print event came to clear it (diff review s55b, 8).
    widget = open_calculator(page, site_url + page_of("timeline"), "timeline")
    first_live_result(widget)
    page.evaluate("window.print = () => {}")
    widget.get_by_role("button", name="Print only my plan").click()
    assert page.evaluate(PLAN_ONLY)
    if after == "media":
        page.emulate_media(media="print")
        assert page.evaluate(PLAN_ONLY), "kept while the print media holds"
        page.emulate_media(media="screen")
        # A media query's change event comes with the next rendering update,
        # which a busy machine delayed past 5 s (make test, 2026-12-07).
        page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))")
    else:
        page.evaluate(after)
    page.wait_for_function(f"!{PLAN_ONLY}", timeout=20_000)
    # The browser's own Print prints the whole page again.
    page.emulate_media(media="print")
    assert widget.locator(".mpb-form").is_visible() and page.locator(".md-content__inner > h2").first.is_visible()
    page.emulate_media(media="screen")


def test_the_packet_checks_templates_and_the_closed_sections_print_as_plain_lines(page: Any, site_url: str) -> None:
    # Download links that do nothing on paper, and closed per-field sections
    # printed as tinted boxes with a chevron, like buttons (offline-phone-print audit s35, 4).
    widget = open_calculator(page, site_url + page_of("packet_check"), "packet_check")
    first_live_result(widget)
    page.emulate_media(media="print")
    assert widget.get_by_text("Templates to fill in a spreadsheet").is_hidden()
    page.emulate_media(media="screen")
    assert widget.get_by_text("Templates to fill in a spreadsheet").is_visible()
    finder = open_calculator(page, site_url + page_of("backup_finder"), "backup_finder")
    first_live_result(finder)
    closed = finder.locator("details.mpb-print-if-opened:not([open])").first
    page.emulate_media(media="print")
    look = closed.evaluate(
        "(d) => [getComputedStyle(d).backgroundColor, getComputedStyle(d).borderLeftStyle,"
        " getComputedStyle(d.querySelector('summary'), '::before').display]"
    )
    page.emulate_media(media="screen")
    assert look == ["rgba(0, 0, 0, 0)", "none", "none"], look


def test_a_guides_closed_sections_print_open_without_the_calculators_module(page: Any, site_url: str) -> None:
    # The guides' sections were opened for paper by the calculators' module,
    # which a browser too old for it, or a folder that cannot load one, never
    # runs: such a guide printed with its worked examples closed (bridge
    # audit s31, 7).
    page.route("**/assets/javascripts/calculators.js", lambda route: route.fulfill(status=404, body=""))
    page.goto(site_url + "apply/")
    page.wait_for_load_state("load")
    closed = page.locator(".md-content details:not([open])")
    count = closed.count()
    assert count >= 1, "the page has no closed section: this test checks nothing"
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert closed.count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert closed.count() == count, "closed again, as the reader left them"
    page.page_errors[:] = [error for error in page.page_errors if "calculators.js" not in error]


# Marks the method section's summary and the first words it holds, after a
# spacer of the given height, so the summary can be pushed to a sheet's foot.
PUSH_THE_METHOD = """(height) => {
  const details = document.querySelector('.mpb-calculator details.mpb-method');
  let spacer = document.getElementById('mpb-test-spacer');
  if (!spacer) {
    spacer = document.createElement('div');
    spacer.id = 'mpb-test-spacer';
    details.before(spacer);
  }
  spacer.style.height = `${height}px`;
  return Boolean(details);
}"""


def test_a_section_opened_for_paper_starts_on_the_sheet_of_its_summary(page: Any, site_url: str) -> None:
    # Its summary ended a sheet as an empty box, what it holds overleaf
    # (phone-print audit s37, 1).  Pushed down a little at a time, the
    # method's summary reaches a sheet's foot at some push; it must go over
    # with its first words every time.
    first_live_result(open_calculator(page, site_url + page_of("rank_simulator"), "rank_simulator"))
    assert page.evaluate(PUSH_THE_METHOD, 0), "no method section to push"
    mark(page, ".mpb-calculator details.mpb-method > summary", "summary")
    mark(page, ".mpb-calculator details.mpb-method :is(p, li):not(summary *)", "words")
    page.emulate_media(media="print")
    seen = set()
    for height in range(0, 1000, 40):
        page.evaluate(PUSH_THE_METHOD, height)
        marks = printed_marks(page.pdf(**LETTER))
        summary, words = sheets_of(marks, "summary-0"), sheets_of(marks, "words-0")
        assert summary and words and max(summary) == min(words), (height, summary, words)
        seen.add(min(summary))
    page.emulate_media(media="screen")
    assert len(seen) > 1, "the pushes never moved the summary to another sheet: the test checked nothing"


def test_a_link_to_another_site_prints_its_address_and_the_sites_own_links_do_not(page: Any, site_url: str) -> None:
    # "The AAMC's ERAS pages" printed without an address (offline-print audit s41, 3).
    page.goto(site_url + "apply/timeline/")
    after = """(a) => getComputedStyle(a, '::after').content"""
    external = page.locator('.md-content a[href^="https://www.nrmp.org"]').first
    # Instant navigation makes the site's own links absolute as the page
    # loads, and they printed the site's address (offprint audit s44, 2).
    internal = page.locator('.md-content a[href*="/glossary/"]').first
    page.wait_for_function(
        "() => document.querySelector('.md-content a[href*=\"/glossary/\"]').getAttribute('href').startsWith('http')"
    )
    page.emulate_media(media="print")
    href = external.get_attribute("href")
    assert external.evaluate(after) == f'" (" "{href}" ")"' or href in external.evaluate(after)
    assert internal.get_attribute("href").startswith("http"), "the site's own link is absolute, as Material makes it"
    assert internal.evaluate(after) in ("none", "normal", "")
    page.emulate_media(media="screen")
    assert external.evaluate(after) in ("none", "normal", "")
