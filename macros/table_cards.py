"""MkDocs hook: a guide's tables read as cards on a phone.

Material lets a table wider than the screen scroll sideways, which a phone
does not show: on a 320 px screen half the columns of some guide tables sat
out of sight, the figures the text goes on to use among them.  The
calculators' own tables turn into one card per row there, each cell headed
by its column's name (``calculators.css``).  This hook gives a guide's
Markdown tables the same: every body cell gets its column's name as
``data-label``, and the table a ``mpb-cards`` wrapper for the stylesheet to
find.  Done at build time, so it holds with scripts off and on paper.

Each table is also named, by a caption only a screen reader reads: its
section's heading.  Where a table is wider than the window,
``scroll-regions.js`` names the region that scrolls it by that caption, words
the page holds (a script composing the name read the heading's "¶" too, and
a browser's translation never translates an ``aria-label``).
"""

from __future__ import annotations

import html
import itertools
import re
from typing import Any

# Python-Markdown writes a plain <table>; the calculators' tables are built
# with their labels already, and are left alone.
TABLE = re.compile(r"<table>(.*?)</table>", re.S)
HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
BODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
BODY_CELL = re.compile(r"<td\b([^>]*)>")
TAG = re.compile(r"<[^>]+>")
HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def column_names(head: str) -> list[str]:
    """Each header cell's text, as an attribute value (markup dropped)."""
    return [html.escape(html.unescape(TAG.sub("", cell)).strip(), quote=True) for cell in HEAD_CELL.findall(head)]


def heading_text(heading: str) -> str:
    """A heading's words, without its permalink's "¶" (still escaped: they
    go back into the page)."""
    return TAG.sub("", PERMALINK.sub("", heading)).strip()


def labelled(table: str, name: str = "", caption_id: str = "") -> str:
    names = column_names(table[: table.find("</thead>")]) if "<thead>" in table else []
    if not names or "data-label=" in table:
        return f"<table>{table}</table>"

    def label_row(row: re.Match[str]) -> str:
        column = iter(names)
        cells = BODY_CELL.sub(lambda cell: f'<td{cell[1]} data-label="{next(column, "")}">', row[1])
        return f"<tr>{cells}</tr>"

    body = BODY.sub(lambda match: "<tbody>" + ROW.sub(label_row, match[1]) + "</tbody>", table)
    caption = f'<caption class="mpb-visually-hidden" id="{caption_id}">{name}</caption>' if name else ""
    return f'<div class="mpb-cards"><table>{caption}{body}</table></div>'


def on_page_content(content: str, **_: Any) -> str:
    numbers = itertools.count(1)

    def card(table: re.Match[str]) -> str:
        headings = HEADING.findall(content, 0, table.start())
        name = heading_text(headings[-1][1]) if headings else ""
        return labelled(table[1], name, f"mpb-guide-table-{next(numbers)}")

    return TABLE.sub(card, content)
