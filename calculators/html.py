"""A very small HTML builder that escapes everything it is not told is markup.

Results contain text a reader typed (program names, pasted CSV), so every
string is escaped unless it is already ``Markup`` built here.  That keeps the
build-time page and the live page byte-identical and free of injection.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from html import escape, unescape


class Markup(str):
    """A string that is already safe HTML."""


Child = object


def text(value: object) -> Markup:
    return value if isinstance(value, Markup) else Markup(escape(str(value), quote=True))


@cache  # a few dozen names, asked for thousands of times in each live result
def _attr_name(name: str) -> str:
    # Python keywords and dashes: class_ -> class, aria_live -> aria-live.
    return name.rstrip("_").replace("_", "-")


def _children(children: Iterable[Child]) -> str:
    parts: list[str] = []
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, (list, tuple)):
            parts.append(_children(child))
        else:
            parts.append(text(child))
    return "".join(parts)


VOID = frozenset({"input", "br", "hr", "img", "meta", "link"})


# A link that leaves the site, marked so that print gives its address.  Its
# href cannot tell: Material's instant navigation makes every link to the
# site's own pages absolute as a page loads, and the guides printed the site's
# own address after 45 links on the FAQ (offprint audit s44, 2).
OFFSITE = "data-offsite"
OFFSITE_HREF = re.compile(r"https?://", re.IGNORECASE)


def el(tag: str, *children: Child, **attrs: object) -> Markup:
    """``el("p", "a < b", class_="x")`` -> ``<p class="x">a &lt; b</p>``."""
    if tag == "a" and OFFSITE_HREF.match(str(attrs.get("href") or "")):
        attrs = {**attrs, OFFSITE.replace("-", "_"): True}
    rendered = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        if value is True:
            rendered.append(f" {_attr_name(name)}")
        else:
            rendered.append(f' {_attr_name(name)}="{escape(str(value), quote=True)}"')
    opening = f"<{tag}{''.join(rendered)}>"
    if tag in VOID:
        return Markup(opening)
    return Markup(f"{opening}{_children(children)}</{tag}>")


def join(*parts: Child) -> Markup:
    return Markup(_children(parts))


# A PubMed Central id is the one part of a citation that names a page for
# certain, so a reader can check the study in one click.
PMC_ID = re.compile(r"\bPMC[0-9]+\b")


def with_pmc_links(citation: str) -> Markup:
    """``"Wang et al. (PMC9765904)"`` with the id linked to its article."""
    parts: list[Child] = []
    start = 0
    for found in PMC_ID.finditer(citation):
        parts += [citation[start : found.start()], el("a", found[0], href=f"https://pmc.ncbi.nlm.nih.gov/articles/{found[0]}/")]
        start = found.end()
    return join(*parts, citation[start:])


# In the calculators' messages, quotation marks hold what the reader typed or
# must type exactly.
QUOTED = re.compile(r"“[^”]*”")


def as_typed(text: object) -> Markup:
    """A name or code from the reader's own input, which a browser's page
    translation would otherwise rewrite: the reader then cannot find it in
    their own text."""
    return el("span", text, translate="no")


def quoted_as_typed(text: str) -> Markup:
    """``text`` with each “quoted” run marked ``translate="no"``: a browser's
    page translation rewrote the names and syntax a message quotes, so the
    reader could not find them in their own text, or typed the translation."""
    parts: list[Child] = []
    last = 0
    for quoted in QUOTED.finditer(text):
        parts += [text[last : quoted.start()], as_typed(quoted[0])]
        last = quoted.end()
    parts.append(text[last:])
    return join(*parts)


_HEADING_TAG = re.compile(r"<(/?)h([1-6])(?=[\s>])")


def shift_headings(markup: Markup, by: int) -> Markup:
    """``markup`` with every heading ``by`` levels deeper: a calculator embedded
    under a ``###`` section keeps the page's outline.  Text and attributes are
    escaped by ``el``, so a ``<h`` here can only be a tag."""
    if by == 0:
        return markup

    def deeper(tag: re.Match[str]) -> str:
        level = int(tag.group(2)) + by
        if not 1 <= level <= 6:
            raise ValueError(f"a heading cannot go to level {level}")
        return f"<{tag.group(1)}h{level}"

    return Markup(_HEADING_TAG.sub(deeper, markup))


def plain_text(value: object) -> str:
    """The text of a child, without any markup (for attributes)."""
    return re.sub(r"<[^>]*>", "", text(value))


def table(
    headers: Iterable[Child], rows: Iterable[Iterable[Child]], caption: str | None = None, caption_id: str | None = None
) -> Markup:
    headers = list(headers)
    # Each cell carries its column's name so that narrow screens can show a
    # row as a card of "name: value" lines instead of scrolling sideways.
    labels = [unescape(plain_text(h)) for h in headers]
    head = el("thead", el("tr", [el("th", h, scope="col") for h in headers]))
    body = el(
        "tbody",
        [
            el("tr", [el("td", cell, data_label=labels[i] if i < len(labels) else None) for i, cell in enumerate(row)])
            for row in rows
        ],
    )
    return el("table", el("caption", caption, id=caption_id) if caption else None, head, body)


def scroll_region(content: Child, labelled_by: str, hint: str = "") -> Markup:
    """A box that scrolls sideways when its content is wider than the page.

    It can take keyboard focus, so a reader without a mouse can scroll it too
    (outside a calculator, ``scroll-regions.js`` drops that Tab stop while it fits the window),
    and it is named by the element ``labelled_by`` (a caption), words on the
    page that a browser's translation translates, as it never does an
    ``aria-label``.  ``hint`` is shown above it on narrow screens only, where
    a phone hides the scroll bar until touched."""
    region = el("div", content, class_="mpb-scroll", role="region", tabindex="0", aria_labelledby=labelled_by)
    if not hint:
        return region
    return join(el("p", hint, class_="mpb-scroll-hint", aria_hidden="true"), region)


def printed_if_opened(summary: Child, content: Child) -> Markup:
    """A closed section that prints only if the reader opened it on screen.

    For explanations repeated once per item (each specialty's points): printed
    all at once they filled pages a reader did not ask for, while the one-off
    explanations and the method still print whole."""
    return el("details", el("summary", summary), content, class_="mpb-print-if-opened")


def paper_note(content: Child, **attrs: object) -> Markup:
    """A line shown on paper only, such as how to print what is left closed."""
    return el("p", content, class_="mpb-paper-note", **attrs)


def capitalised(text: str) -> str:
    """The text with its first letter in capitals, the rest as it is
    (str.capitalize lowers the rest, "NRMP" included)."""
    return text[:1].upper() + text[1:]


def signed(points: float) -> str:
    """Points with an explicit sign and a real minus, as people read them."""
    if points > 0:
        return f"+{points:g}"
    if points < 0:
        return f"−{abs(points):g}"
    return "0"


def and_list(words: list[str], last: str = "and") -> str:
    """``["A", "B", "C"]`` -> ``"A, B and C"`` (or ``"A, B or C"``); ``[]`` -> ``""``."""
    return f"{', '.join(words[:-1])} {last} {words[-1]}" if len(words) > 1 else "".join(words)


# Small counts read better as words: the finder's "the three fields at the
# top" and the guides' "about two months", which each kept a table of them
# (diff review s55b, 9).
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def number_word(number: int) -> str:
    """``2`` -> ``"two"``; past five, the figure."""
    return NUMBER_WORDS.get(number, str(number))


def counted(number: int, noun: str) -> str:
    """Says "1 letter" and "2 letters": a reader should not have to parse
    "letter(s)".  Thousands are grouped as the fields' limits write them
    ("1,000 programs", not "1000": fuzz audit s33, F4)."""
    return f"{number:,} {noun if number == 1 else noun + 's'}"


def percent(fraction: float, digits: int = 0) -> str:
    return f"{fraction * 100:.{digits}f}%"


def table_percent(pct: float) -> str:
    """A percentage as a table gives it (85.0, not 0.85), to the one decimal
    NRMP prints: "85.0%".  Every page prints a table's share through this, so
    one figure has one spelling (the data page once wrote "85%", the guides
    "85.0%")."""
    return f"{pct:.1f}%"


def whole_percent(fraction: float) -> str:
    """A share in whole percents that is never rounded onto "0%" or "100%"
    when it is neither: a $935 fee is not nothing, nor a 99.6% estimate sure."""
    if 0 < fraction < 0.01:
        return "under 1%"
    if 0.99 < fraction < 1:
        return "over 99%"
    return percent(fraction)


def money(amount: float) -> str:
    return f"${amount:,.0f}" if float(amount).is_integer() else f"${amount:,.2f}"


def long_date(day: dt.date) -> str:
    """24 February 2027: unambiguous for readers on either side of the Atlantic."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: dt.date, year: bool = True) -> str:
    """20 Dec 2026 (or 20 Dec): ``long_date`` shorter, for a phone's pinned line short of room."""
    return f"{day.day} {day:%b %Y}" if year else f"{day.day} {day:%b}"
