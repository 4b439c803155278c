"""MkDocs hook: a link that leaves the site says so, for print.

Print gives a link's address only where it leaves the site: on paper, "the
AAMC's ERAS pages" said nowhere to go.  The address itself cannot tell once a
page has loaded, as Material's instant navigation makes the site's own links
absolute too, so the build marks the links that leave (``OFFSITE``),
here for the guides' Markdown and in ``html.el`` for what the calculators
write, live results included.
"""

from __future__ import annotations

import re
from typing import Any

# calculators.html.OFFSITE, which a test holds this to: MkDocs loads hooks by
# their path before the macros plugin puts the project on the import path, so
# a hook cannot import the calculators when run as `mkdocs build`.
OFFSITE = "data-offsite"

# An opening <a>, up to its ">", whose href leaves the site and that is not
# marked yet; the mark goes last, where ``html.el`` puts it.
OFFSITE_ANCHOR = re.compile(rf'<a(?=\s)(?![^>]*\b{OFFSITE}\b)[^>]*\shref="https?://[^>]*', re.IGNORECASE)


def marked(content: str) -> str:
    return OFFSITE_ANCHOR.sub(lambda tag: f"{tag[0]} {OFFSITE}", content)


def on_page_content(content: str, **_: Any) -> str:
    return marked(content)
