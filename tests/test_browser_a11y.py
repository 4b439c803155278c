"""axe-core finds no accessibility violation, at any impact, on any built page
in either colour scheme, with every calculator live.

axe-core comes from node_modules (pinned in package-lock.json, test-only: the
site never ships it).  One browser context per scheme walks every page through
Material's instant navigation, so the calculator engine starts once per scheme
rather than once per page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import error_of, field, navigate, open_calculator, open_page, search_finds
from conftest import ROOT, keep_to_loopback

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA too: its target-size rule (2.5.8, 24 by 24 px) is what a phone
# reader's thumb needs, and no walk ran it (a11y-phone audit s42, 7).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}
SCHEMES = ("light", "dark")
# Material's scheme names for the two palettes in mkdocs.yml.
SCHEME_NAMES = {"light": "default", "dark": "slate"}


def built_pages(site: Path) -> list[str]:
    """Every page's address relative to the site root, 404 page last."""
    pages = sorted(str(p.relative_to(site).parent) + "/" for p in site.rglob("index.html"))
    return [("" if p == "./" else p) for p in pages]


def axe_context(browser: Any, scheme: str, **options: Any) -> Any:
    context = browser.new_context(color_scheme=scheme, **options)
    keep_to_loopback(context)
    context.add_init_script(path=str(AXE))
    return context


@pytest.fixture(scope="module", params=SCHEMES)
def scheme_page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    context = axe_context(browser, request.param)
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.scheme = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        first = v["nodes"][0]
        lines.append(f"  {v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {first['target']} {first['failureSummary']!r}")
    return "\n".join(lines)


def audit(page: Any) -> list[dict[str, Any]]:
    return page.evaluate(
        """async (options) => {
          const { violations } = await axe.run(document, options);
          return violations.map(({ id, impact, nodes }) => ({
            id, impact, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
        }""",
        AXE_OPTIONS,
    )


def walk_every_page(
    page: Any, built_site: Path, site_url: str, settle_ms: int = 0, each: Callable[[str], None] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """axe's violations on every built page, by address, through Material's
    instant navigation from the page ``page`` is on; ``each`` checks more on
    each page, given its address."""
    pages = built_pages(built_site)
    assert len(pages) > 20, pages
    found: dict[str, list[dict[str, Any]]] = {}
    for path in pages:
        url = site_url + path
        navigate(page, url)
        # Closed sections (each calculator's method) are checked open, as printed,
        # and so is each calculator's "Link to these answers" box.
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        page.evaluate("document.querySelectorAll('.mpb-link').forEach((box) => { box.hidden = false; })")
        # scroll-regions.js marks what scrolls once the page has settled.
        page.wait_for_timeout(settle_ms)
        violations = audit(page)
        if violations:
            found[path or "/"] = violations
        if each:
            each(path or "/")
    return found


def report(found: dict[str, list[dict[str, Any]]], where: str) -> str:
    lines = "\n".join(f"{path}:\n{describe(v)}" for path, v in found.items())
    return f"{sum(len(v) for v in found.values())} axe violations {where}:\n{lines}"


def test_no_axe_violations_on_any_page(scheme_page: Any, built_site: Path, site_url: str) -> None:
    page = scheme_page
    page.goto(site_url)
    expected = SCHEME_NAMES[page.scheme]
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    found = walk_every_page(page, built_site, site_url)
    page.goto(site_url + "404.html")
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    violations = audit(page)
    if violations:
        found["404.html"] = violations
    assert not found, report(found, f"in {page.scheme} mode")


# A phone as its browser presents itself: touch, no hover.  Material makes a
# code block that scrolls sideways focusable only where the pointer can
# hover, and the walks above, at a laptop's size with a mouse, never saw the
# one on calculators/ left out of the Tab order (phone audit s40, 1).
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}

# The names of the regions that scroll sideways: an aria-label, or the words
# of the elements its aria-labelledby points to.
SCROLLING_REGION_NAMES = """() => [...document.querySelectorAll('[role=region][tabindex]')]
  .filter((box) => box.scrollWidth > box.clientWidth + 1)
  .map((box) => (box.getAttribute('aria-label') || (box.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent.trim() || '').join(' ')).trim())"""


def test_no_axe_violations_on_any_page_on_a_touch_phone(browser: Any, built_site: Path, site_url: str) -> None:
    # At this width a guide's wide table reads as cards and the line charts
    # and the command on calculators/ scroll, each in a region a keyboard
    # reaches (Safari's cannot reach a scroller that takes no focus: axe's
    # scrollable-region-focusable).  About as long as one scheme's walk.
    context = browser.new_context(color_scheme="light", **PHONE)
    keep_to_loopback(context)
    context.add_init_script(path=str(AXE))
    try:
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(site_url)
        names: dict[str, list[str]] = {}
        found = walk_every_page(
            page,
            built_site,
            site_url,
            settle_ms=300,
            each=lambda path: names.update({path: page.evaluate(SCROLLING_REGION_NAMES)}),
        )
        assert not found, report(found, "on a touch phone")
        # Every region that scrolls is named, by words on the page.
        unnamed = [path for path, seen in names.items() if "" in seen]
        assert not unnamed, f"a region that scrolls has no name: {unnamed}"
        assert names["calculators/"] == ["Running them in a terminal (scrolls sideways)"], names["calculators/"]
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_in_what_a_reader_brings_up(browser: Any, site_url: str, scheme: str) -> None:
    """A message beside a field in error, and the note of an engine that did
    not start, are hidden as a page loads, so the walk above never checks
    them (tests audit s21, 1)."""
    context = axe_context(browser, scheme)
    try:
        page = context.new_page()
        widget = open_calculator(page, site_url + "calculators/match-odds/", "match_odds")
        field(widget, "step2_score").fill("2600")
        error_of(widget, "step2_score").wait_for(state="visible")
        found = {"a field in error": audit(page)}
    finally:
        context.close()
    # A context of its own, with no service worker: the first page's worker,
    # once registered, answers the runtime's requests, which routing never
    # sees, and the engine started after all (this failed under load, when the
    # audit above outlasted the worker's start: 2026-12-07).
    context = axe_context(browser, scheme, service_workers="block")
    try:
        page = context.new_page()
        page.route("**/assets/pyodide-*/**", lambda route: route.abort())
        page.goto(site_url + "calculators/match-odds/")
        page.locator(".mpb-engine-off").first.wait_for(state="visible")
        found["the engine off"] = audit(page)
    finally:
        context.close()
    found = {state: violations for state, violations in found.items() if violations}
    assert not found, "\n".join(f"{state}:\n{describe(v)}" for state, v in found.items())


# What the focused element shows: its outline, or a box shadow standing in for one.
FOCUS_RING = """() => {
  let node = document.activeElement;
  // A visually hidden input shows its focus on the label drawn after it.
  const box = node.getBoundingClientRect();
  if ((box.width < 2 || getComputedStyle(node).opacity === '0') && node.nextElementSibling?.tagName === 'LABEL') {
    node = node.nextElementSibling;
  }
  const style = getComputedStyle(node);
  // A ring on a label that is not on screen is no ring (the colour-scheme
  // switch in dark mode showed none: audit s25, contrast-modes 3).
  const shown = node.getClientRects().length > 0 && style.visibility !== 'hidden';
  const outline = !shown || style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
  return { what: node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + ' ' + (node.textContent || '').trim().slice(0, 30),
           outline, shadow: style.boxShadow !== 'none', inCalculator: !!node.closest('.mpb-calculator') };
}"""


def test_every_control_shows_a_visible_focus_ring(scheme_page: Any, site_url: str) -> None:
    page = scheme_page
    page.goto(site_url + "calculators/competitiveness/")
    page.wait_for_selector('.mpb-calculator[data-runtime="ready"]')
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.evaluate("document.querySelectorAll('.mpb-link').forEach((box) => { box.hidden = false; })")
    seen, faint, unreadable = 0, [], []
    for _ in range(80):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING)
        if ring["what"].startswith("body"):
            break
        seen += ring["inCalculator"]
        if ring["outline"] < 2 and not ring["shadow"]:
            faint.append(ring["what"])
        # Focused (or tapped, which keeps :hover), a button turned teal with link-blue text: 3.3:1, 1.1:1 in dark.
        unreadable += page.evaluate(
            """async () => {
                 const button = document.activeElement;
                 if (!button.matches('.md-button')) return [];
                 // Material fades a button's colours in (125 ms); on a busy machine axe
                 // read them half-way and saw a contrast no reader is left with.
                 await Promise.all(button.getAnimations().map((a) => a.finished));
                 return (await axe.run(button, { runOnly: ['color-contrast'] })).violations.map((v) => v.id);
               }"""
        )
    assert seen >= 10, "the walk never reached the calculator's controls"
    assert faint == [], f"controls with no visible focus ring: {faint}"
    assert unreadable == [], f"focused buttons whose text cannot be read: {unreadable}"


# Contrast ratios (WCAG) of a colour against the page's background.
CONTRAST_RATIO = """
  const rgb = (colour) => colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = (colour) => {
    const [r, g, b] = rgb(colour).map((c) => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
  const page = getComputedStyle(document.body).backgroundColor;
"""
# A link's ring and text, read once Material's colour transitions have run.
LINK_CONTRAST = (
    """async (link) => {
  await Promise.all(link.getAnimations().map((a) => a.finished));
"""
    + CONTRAST_RATIO
    + """
  const style = getComputedStyle(link);
  return { what: link.textContent.trim().slice(0, 30), ring: ratio(style.outlineColor, page), text: ratio(style.color, page) };
}"""
)


def focused_link_contrast(page: Any) -> dict[str, Any]:
    return page.locator(":focus").evaluate(LINK_CONTRAST)


def test_a_focused_link_in_a_guide_shows_a_ring_and_text_that_read(scheme_page: Any, site_url: str) -> None:
    # Material's more specific rule drew a link's ring, and turned the link,
    # in its teal accent: 2.4:1 on white (tablet audit s32, 4).  The test
    # above measures a ring's width, not whether it can be seen.
    page = scheme_page
    page.goto(site_url + "assess/need-a-backup/")
    links, poor = 0, []
    for _ in range(40):
        page.keyboard.press("Tab")
        if not page.evaluate("() => !!document.activeElement.matches('.md-typeset a:not(.md-button, .headerlink)')"):
            continue
        links += 1
        seen = focused_link_contrast(page)
        if seen["ring"] < 3 or seen["text"] < 4.5:
            poor.append(seen)
    assert links >= 5, "the walk met no links in the page's text"
    assert poor == [], poor


def test_a_hovered_link_in_the_navigation_and_contents_stays_readable(scheme_page: Any, site_url: str) -> None:
    # Material turns whatever the pointer is over its teal accent, 2.4:1 on
    # white: a reader pointing at a page's name in the navigation or at a
    # heading in the contents could not read it (tablet audit s32).
    page = scheme_page
    page.goto(site_url + "backup/")
    links = page.locator(".md-sidebar .md-nav__link[href]:visible:not(.md-nav__link--active)")
    assert links.count() >= 4, "no navigation or contents links to hover"
    poor = []
    for i in range(links.count()):
        link = links.nth(i)
        link.hover()
        seen = link.evaluate(LINK_CONTRAST)
        if seen["text"] < 4.5:
            poor.append(seen)
    assert poor == [], poor


def test_a_ticked_checkbox_stands_out_from_the_page(scheme_page: Any, site_url: str) -> None:
    # A control's state needs 3:1 against what is around it (WCAG 1.4.11);
    # dark mode's indigo fill was 2.1:1 (audit s33, touch-dark).
    page = scheme_page
    page.goto(site_url + "calculators/application-cost/")
    box = page.locator(".mpb-calculator input[type=checkbox]").first
    fill = box.evaluate("(box) => {" + CONTRAST_RATIO + "return ratio(getComputedStyle(box).accentColor, page); }")
    assert fill >= 3, f"a ticked box's fill is {fill:.1f}:1 on the page in the {page.scheme} scheme"


# The focused element, the label of its field, and the bottom of Material's sticky header.
FOCUSED_UNDER_HEADER = """() => {
  const focused = document.activeElement;
  const label = focused.closest('.mpb-field')?.querySelector('label');
  return { what: focused.name || focused.tagName, top: focused.getBoundingClientRect().top,
           label: label ? label.getBoundingClientRect().top : null,
           header: document.querySelector('.md-header').getBoundingClientRect().bottom };
}"""


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 600)])
def test_shift_tab_never_scrolls_a_field_under_the_header(page: Any, site_url: str, width: int, height: int) -> None:
    # The browser scrolled each field to the screen's top edge, under the sticky
    # header: at 390 px "Years since graduation" was hidden whole, and no label showed.
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url + "calculators/competitiveness/")
    page.wait_for_selector('.mpb-calculator[data-runtime="ready"][data-restored]')
    page.get_by_role("button", name="Link to these answers").focus()
    seen = []
    for _ in range(30):  # the form's controls and its buttons, with room for more fields
        page.keyboard.press("Shift+Tab")
        seen.append(page.evaluate(FOCUSED_UNDER_HEADER))
        if seen[-1]["what"] == "specialty":
            break
    assert seen[-1]["what"] == "specialty", seen
    hidden = [s for s in seen if s["top"] < s["header"] or (s["label"] is not None and s["label"] < s["header"])]
    assert hidden == [], hidden


def test_a_heading_reached_by_its_anchor_sits_where_material_puts_it(page: Any, site_url: str) -> None:
    # The room kept above focused fields must not add to Material's own room above a heading.
    page.goto(site_url + "apply/interviews/#keep-an-impressions-log")
    page.wait_for_timeout(500)
    place = page.evaluate(
        """() => {
          const heading = document.getElementById('keep-an-impressions-log');
          heading.scrollIntoView();
          // Material's room above a target heading, in its own custom properties.
          const probe = document.createElement('div');
          probe.style.height = 'calc(var(--md-scroll-margin) - var(--md-scroll-offset))';
          heading.append(probe);
          const room = probe.getBoundingClientRect().height;
          probe.remove();
          return { top: heading.getBoundingClientRect().top, room,
                   header: document.querySelector('.md-header').getBoundingClientRect().bottom };
        }"""
    )
    assert place["room"] > 0, place
    assert abs(place["top"] - place["room"]) <= 1, place
    assert place["top"] >= place["header"], place


def test_instant_navigation_moves_focus_to_the_new_pages_heading(page: Any, site_url: str) -> None:
    # Focus stayed on the followed link (or fell to the body), and a screen reader heard nothing of the new page.
    open_page(page, site_url + "calculators/competitiveness/")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Match odds", exact=True).first.click()
    page.wait_for_url("**/match-odds/**")
    page.wait_for_function("() => document.activeElement?.tagName === 'H1'", timeout=30_000)
    assert page.evaluate("document.activeElement.textContent").startswith("Match odds")
    assert page.evaluate("window.scrollY") == 0
    # A jump to a heading is Material's to place: the heading link keeps focus.
    page.locator("#reading-the-result a.headerlink").click()
    page.wait_for_timeout(500)
    assert page.evaluate("document.activeElement.tagName") != "H1"


# Where focus is, and whether it is on screen below Material's sticky header.
FOCUS_IN_VIEW = """() => {
  const focused = document.activeElement;
  const box = focused.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  return { tag: focused.tagName, id: focused.id, text: (focused.textContent || '').trim().slice(0, 40),
           inView: box.height > 0 && box.top >= header - 1 && box.bottom <= innerHeight + 1, scrollY };
}"""


def follow_by_keyboard(page: Any, link: Any) -> None:
    """Tab to ``link`` and press Enter, leaving Material time to note the
    scroll position as a reader's pause would."""
    link.focus()
    page.wait_for_timeout(400)
    page.keyboard.press("Enter")


@pytest.mark.parametrize(
    ("start", "link", "section", "arrive"),
    [
        # Another page's section, through instant navigation.
        ("apply/timeline/", "keep an impressions log", "keep-an-impressions-log", "**/apply/interviews/**"),
        # The page just loaded: Material fetches and puts it in again.
        ("apply/", "program signals", "program-signals-two-separate-sets", "**/apply/#program-signals-*"),
    ],
)
def test_a_link_to_a_section_puts_focus_on_that_section(
    page: Any, site_url: str, start: str, link: str, section: str, arrive: str
) -> None:
    # Focus fell to the body, and in most runs the page stayed where the old one
    # was scrolled: the next Tab went back to the site's tabs at the top.
    open_page(page, site_url + start)
    follow_by_keyboard(page, page.locator(".md-content").get_by_role("link", name=link, exact=True).first)
    page.wait_for_url(arrive)
    page.wait_for_function("(id) => document.activeElement?.id === id", arg=section, timeout=10_000)
    here = page.evaluate(FOCUS_IN_VIEW)
    assert here["inView"], here
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUS_IN_VIEW)
    assert after["inView"] and after["scrollY"] > 1000, after


def test_a_table_of_contents_entry_puts_focus_on_its_section(page: Any, site_url: str) -> None:
    # Material reaches an anchor by clicking a link of its own, which in
    # Chromium fires a popstate: the jump was taken for Back, and focus stayed
    # on the entry in the sidebar instead of moving to the section.
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, site_url + "apply/")
    entry = page.locator(".md-sidebar--secondary").get_by_role("link", name="Program signals: two separate sets")
    follow_by_keyboard(page, entry)
    page.wait_for_url("**/apply/#program-signals-two-separate-sets")
    page.wait_for_function("() => document.activeElement?.id === 'program-signals-two-separate-sets'", timeout=10_000)
    assert page.evaluate(FOCUS_IN_VIEW)["inView"]


def back_to_the_timeline(page: Any) -> dict[str, Any]:
    """Back from the interviews page, once the timeline is in again: where focus is."""
    page.wait_for_url("**/apply/interviews/**")
    page.wait_for_timeout(500)
    page.go_back()
    page.wait_for_url("**/apply/timeline/")
    # The address changes before Material swaps the content: until then focus
    # is still on the section the link led to, in the page being left.
    page.wait_for_function(
        "() => !document.getElementById('keep-an-impressions-log') && document.activeElement !== document.body",
        timeout=10_000,
    )
    return page.evaluate(FOCUS_IN_VIEW)


def test_back_leaves_focus_where_the_reader_was(page: Any, site_url: str) -> None:
    # Focus went to the page's heading while Material put back the reader's
    # place far below it, so the next Tab jumped to the top of the page.
    open_page(page, site_url + "apply/timeline/")
    follow_by_keyboard(page, page.locator(".md-content").get_by_role("link", name="keep an impressions log"))
    back = back_to_the_timeline(page)
    assert back["scrollY"] > 1000, back
    assert back["tag"] != "H1" and back["inView"], back
    assert back["text"] == "keep an impressions log", back
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUS_IN_VIEW)
    assert after["inView"] and after["scrollY"] > 1000, after


def test_back_brings_the_link_followed_into_view_when_the_page_comes_back_off_it(page: Any, site_url: str) -> None:
    # Material can put a page back a little off the reader's place (it saves a
    # position clamped on the shorter page being left); focus then went to a
    # list straddling the window's top, half out of view (seen in CI, s39).
    # Here the reader scrolls a window up before pressing Enter on the link.
    open_page(page, site_url + "apply/timeline/")
    link = page.locator(".md-content").get_by_role("link", name="keep an impressions log")
    link.focus()
    page.evaluate("window.scrollBy(0, -window.innerHeight)")
    page.wait_for_timeout(400)  # Material notes the position
    assert not page.evaluate(FOCUS_IN_VIEW)["inView"]
    page.keyboard.press("Enter")
    back = back_to_the_timeline(page)
    assert back["text"] == "keep an impressions log" and back["inView"], back


def test_a_wide_table_is_one_named_region_a_keyboard_reaches_once(browser: Any, site_url: str) -> None:
    # The data page's tables sit in regions Python builds; the script made
    # Material's wrapper inside each a second region, so Tab stopped twice on
    # one table and a screen reader heard its name twice (audit s32).  A guide
    # table is named by its section's heading: the script's own name read the
    # heading's "¶" too, and was words a translation leaves in English.
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    keep_to_loopback(context)
    page = context.new_page()
    open_page(page, site_url + "data-and-sources/")
    page.wait_for_timeout(400)  # the regions are marked once the page has settled
    wide = page.evaluate(
        "() => [...document.querySelectorAll('.mpb-scroll')].filter((r) => r.scrollWidth > r.clientWidth + 1).length"
    )
    assert wide > 0, "no data table is wider than the page at 1024 px: the test checked nothing"
    assert page.locator("[role=region] [role=region], .mpb-scroll [tabindex]").count() == 0
    # A region that fits the page is no Tab stop; one that scrolls is one.
    focusable = page.evaluate(
        """() => [...document.querySelectorAll('.mpb-scroll')]
             .map((r) => [r.scrollWidth > r.clientWidth + 1, r.getAttribute('tabindex') === '0'])"""
    )
    assert all(scrolls == stop for scrolls, stop in focusable) and len(focusable) > wide, focusable
    # And only one that scrolls says so: a table's last column hid with no cue.
    hinted = page.evaluate(
        """() => [...document.querySelectorAll('.mpb-scroll')].map((r) => [r.scrollWidth > r.clientWidth + 1,
             r.previousElementSibling?.matches('.mpb-scroll-hint') && getComputedStyle(r.previousElementSibling).display !== 'none'])"""
    )
    assert all(scrolls == said for scrolls, said in hinted), hinted

    navigate(page, site_url + "assess/need-a-backup/")
    region = page.get_by_role("region", name="Decision table (scrolls sideways)")
    assert region.count() == 0, "a table that fits is no extra Tab stop"
    page.evaluate(
        "() => { document.querySelector('.mpb-cards table').style.minWidth = '2400px'; dispatchEvent(new Event('resize')); }"
    )
    region.wait_for()
    assert region.get_attribute("tabindex") == "0"
    assert page.locator("table", has=page.locator("caption", has_text="Decision table")).count() == 1
    page.evaluate("() => { document.querySelector('.mpb-cards table').style.minWidth = ''; dispatchEvent(new Event('resize')); }")
    region.wait_for(state="detached")
    context.close()


def test_on_a_phone_the_keyboard_opens_the_navigation_and_skips_it_closed(browser: Any, site_url: str) -> None:
    # Closed, Material's drawer kept its links in the Tab order off screen
    # (33 of the first 38 stops), and its menu button was a label no key reached.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    keep_to_loopback(context)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.goto(site_url + "faq/")
    page.wait_for_timeout(500)
    # At this width the header shows the menu's control, which a desktop-width run never checks.
    violations = audit(page)
    assert not violations, describe(violations)
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        stops.append(
            page.evaluate(
                """() => { const a = document.activeElement;
                     const words = (a.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
                       .map((id) => document.getElementById(id)?.textContent.trim()).join(' ');
                     return { inDrawer: Boolean(a.closest('.md-sidebar--primary')), name: words }; }"""
            )
        )
    assert not any(stop["inDrawer"] for stop in stops), stops
    assert any(stop["name"] == "Site navigation" for stop in stops), stops
    # A real button: a label given the button role is not allowed one (axe's aria-allowed-role).
    menu = page.locator(".md-header").get_by_role("button", name="Site navigation")
    assert menu.evaluate("(element) => element.tagName") == "BUTTON"
    menu.focus()
    page.keyboard.press(" ")
    assert menu.get_attribute("aria-expanded") == "true"
    # Focus goes into the drawer, to the first link of the panel it shows.
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary')")
    # Section toggles, named by an icon alone, say which section they open,
    # in words on the page (a browser's translation never reaches an aria-label).
    names = page.evaluate(
        """() => [...document.querySelectorAll('label.md-nav__link[for^="__nav_"][tabindex]')]
             .filter((l) => !l.textContent.trim())
             .map((l) => (l.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
               .map((id) => document.getElementById(id)?.textContent.trim()).join(' '))"""
    )
    assert names and all(name.startswith("Pages under ") and len(name) > len("Pages under ") for name in names), names
    assert "Pages under Apply" in names, names
    context.close()


# The focused control: in the drawer, seen (its middle on screen and not
# under anything), its name, and whether the drawer is open.
DRAWER_STOP = """() => { const a = document.activeElement; const box = a.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2, at = document.elementFromPoint(x, y);
  const words = (a.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent.trim()).join(' ');
  return { inDrawer: Boolean(a.closest('.md-sidebar--primary')), menu: a.matches('.mpb-menu-button'),
           seen: box.width > 0 && x >= 0 && x < innerWidth && y >= 0 && y < innerHeight && !!at && (a === at || a.contains(at)),
           text: (words || a.textContent).trim().replace(/\\s+/g, ' '), open: document.getElementById('__drawer').checked }; }"""


def test_at_a_tablets_width_the_open_drawer_is_walked_by_keyboard_and_closes_when_left(browser: Any, site_url: str) -> None:
    # Open, Material's drawer kept the panels it does not show in the Tab
    # order: 46 of 52 stops on a playbook fell on links no one could see,
    # focus went on behind the scrim, and Escape did nothing (tablet audit s32, 1).
    context = browser.new_context(viewport={"width": 768, "height": 1024})
    keep_to_loopback(context)
    page = context.new_page()
    open_page(page, site_url + "backup/playbook-radiology/")
    stop = lambda: page.evaluate(DRAWER_STOP)  # noqa: E731
    # Until the focused link is on screen, not a fixed 400 ms: on a busy
    # machine Material's slide had not ended, and the first link, still
    # under the scrim's edge, read as unseen (fresh-clone CI on 4d7ac9b).
    # A link that never comes into view still fails, by the wait's timeout.
    slid = lambda: page.wait_for_function(f"() => ({DRAWER_STOP})().seen")  # noqa: E731
    menu = page.locator(".mpb-menu-button")
    menu.focus()
    page.keyboard.press("Enter")
    slid()
    walked = [stop()]
    while walked[-1]["inDrawer"] and len(walked) < 40:
        page.keyboard.press("Tab")
        page.wait_for_timeout(50)
        walked.append(stop())
    in_drawer = walked[:-1]
    assert len(in_drawer) >= 3 and all(s["inDrawer"] and s["seen"] for s in in_drawer), walked
    # A focused link kept Material's teal, 2.4:1 on the drawer's white.
    menu.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert focused_link_contrast(page)["text"] >= 4.5
    # A panel's title, its back control, was Material's pale grey: 4.4:1.
    title = page.locator(".md-nav--primary .md-nav__title:visible").first
    assert title.evaluate("(t) => getComputedStyle(t).color") == page.evaluate("getComputedStyle(document.body).color")
    page.keyboard.press("Escape")
    assert in_drawer[0]["text"] == "Bridges and adjacent careers", in_drawer[0]
    assert not walked[-1]["open"], "focus left the open drawer for the page behind it"
    assert menu.get_attribute("aria-expanded") == "false"

    menu.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    page.keyboard.press("Shift+Tab")
    assert stop()["text"] == "Back from Choose a backup"
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)  # focus moves to the panel as it slides in
    slid()
    back = stop()
    assert back["inDrawer"] and back["seen"] and back["text"] == "Pages under Choose a backup", back
    page.keyboard.press("Escape")
    closed = stop()
    assert closed["menu"] and not closed["open"], closed
    # A click opens it and leaves focus alone: moved, it lit a link in
    # Material's accent beside the current page's.
    menu.click()
    page.wait_for_timeout(400)
    clicked = stop()
    assert clicked["open"] and not clicked["inDrawer"], clicked
    context.close()


# The page's own colour, and a pseudo-element's background and forced-color-adjust.
# Chromium's computed background does not always show what a high-contrast
# mode paints over it (Material's icons are a mask over "currentcolor", which
# reads as the text's colour yet was painted as the page's): an icon is sure
# to be seen only if exempt from the mode and painted apart from the page.
PAINTED = """([selector, pseudo]) => {
  const node = document.querySelector(selector);
  const style = node && getComputedStyle(node, pseudo);
  return node && [getComputedStyle(document.body).backgroundColor, style.backgroundColor, style.forcedColorAdjust];
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_in_a_high_contrast_mode_search_hits_and_materials_icons_stay_visible(browser: Any, site_url: str, scheme: str) -> None:
    # Forced colours painted the searched words black on black in a dark
    # theme, and Material's masked icons (the drawer's arrows, every
    # collapsible's chevron) in the page's own colour (audit s25, contrast-modes 1-2).
    context = browser.new_context(color_scheme=scheme, forced_colors="active")
    keep_to_loopback(context)
    page = context.new_page()
    try:
        page.goto(site_url + "calculators/competitiveness/")
        unseen = []
        for selector, pseudo in [
            (".md-nav__icon", "::after"),
            (".mpb-calculator details > summary", "::after"),
            (".md-typeset .admonition-title, .md-typeset details > summary", "::before"),
        ]:
            found = page.evaluate(PAINTED, [selector, pseudo])
            assert found is not None, selector
            canvas, icon, adjust = found
            if icon == canvas or adjust != "none":
                unseen.append(f"{selector}{pseudo}")
        search_finds(page, "visa")
        # Read in one step from whichever hit is in the list: the list is
        # redrawn as the last keystrokes are searched, and a hit read after it
        # was replaced has no style at all (a detached node's is empty).
        colour, background = page.wait_for_function(
            """() => {
              const mark = document.querySelector('.md-search-result mark');
              const style = mark && getComputedStyle(mark);
              return style && style.color ? [style.color, style.backgroundColor] : null;
            }"""
        ).json_value()
        if colour == background or (background.startswith("rgba(") and background.endswith(", 0)")):
            unseen.append(f"search hit {colour} on {background}")
        assert unseen == []
    finally:
        context.close()


def test_tab_past_the_backup_finders_table_keeps_focus_and_its_last_column_shows(browser: Any, site_url: str) -> None:
    # With a score entered the table's seven columns overflowed from 800 px
    # up: the table took focus as a scroller, lost it to the page's start when
    # Material's focus script gave it a class, and the match odds column stayed
    # out of reach of the keyboard (keyboard-sr audit s37, 1).
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    keep_to_loopback(context)
    page = context.new_page()
    widget = open_calculator(page, site_url + "calculators/backup-finder/", "backup_finder")
    score = field(widget, "step2_score")
    score.fill("245")
    widget.locator(".mpb-result th", has_text="Match odds at Step 2 CK 245").wait_for()
    for width in (1280, 1024, 800):
        page.set_viewport_size({"width": width, "height": 900})
        fits = page.evaluate(
            """() => { const t = document.querySelector('.mpb-result table');
                 return [t.scrollWidth, t.clientWidth]; }"""
        )
        assert fits[0] <= fits[1] + 1, (width, fits)
    score.focus()
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.activeElement !== document.body"), "Tab from the score fell to the page's start"
    context.close()
