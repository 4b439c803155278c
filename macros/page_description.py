"""MkDocs hook: each page's own description, from its opening paragraph.

Material writes ``<meta name="description">`` from a page's ``description``
or, failing that, the site's one sentence, so a link to any guide shared in
a chat or found by a search engine previewed with the same words as every
other page.  Each guide opens with a paragraph that says whom it is for and
what it covers; its first sentence (two where the first is short) becomes
the page's description, so it cannot drift from the page.  A calculator's
own page opens with a reason to use it instead ("How many programs is
enough?" has no exact answer...), so it is described by what the calculator
does: its summary, as the calculator shows it.  A page's own
``description`` in its front matter still wins.

Kept escaped for an attribute: Material 9.8 writes the description into
``content="..."`` as it is, and several guides open with a quotation.
"""

from __future__ import annotations

import html
import re
from typing import Any

OPENING_PARAGRAPH = re.compile(r"</h1>\s*<p>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"“])")
# Long enough to say whom a page is for; search engines show about 160
# characters, chat previews two or three lines.
SHORT = 90
LONGEST = 240


def description(content: str) -> str | None:
    """The opening paragraph's first sentence, or first two where the first
    is shorter than ``SHORT`` and both fit in ``LONGEST``; None without one."""
    opening = OPENING_PARAGRAPH.search(content)
    if opening is None:
        return None
    text = " ".join(html.unescape(TAG.sub("", opening[1])).split())
    sentences = SENTENCE_END.split(text)
    chosen = sentences[0]
    if len(chosen) < SHORT and len(sentences) > 1 and len(chosen) + 1 + len(sentences[1]) <= LONGEST:
        chosen += " " + sentences[1]
    return html.escape(chosen, quote=True) or None


def own_calculator_summary(content: str, src_uri: str) -> str | None:
    """On ``calculators/<name>.md``, that calculator's summary; else None."""
    folder, _, file = src_uri.rpartition("/")
    if folder != "calculators" or not file.endswith(".md"):
        return None
    name = file.removesuffix(".md").replace("-", "_")
    found = re.search(rf'data-calculator="{name}".*?<p class="mpb-summary">(.*?)</p>', content, re.S)
    return found[1] if found else None  # already escaped, as rendered


def on_page_content(content: str, page: Any, **_: Any) -> str:
    if not page.meta.get("description"):
        found = own_calculator_summary(content, page.file.src_uri) or description(content)
        if found:
            page.meta["description"] = found
    return content
