"""MkDocs hook: code on a page is left alone by the browser's translation.

Many readers read the site through their browser's page translation.  A
command, a file name or a value to type, rewritten into the reader's
language, no longer runs or matches what they must type; browsers differ in
what they skip by themselves (Chrome's has translated ``<pre>`` blocks:
translate audit s28, 6).  ``translate="no"`` on every ``<code>`` and
``<pre>`` says so to all of them, the calculators' own included.
"""

from __future__ import annotations

import re
from typing import Any

# An opening <code> or <pre> tag that does not say already.
CODE_TAG = re.compile(r"<(code|pre)(?=[\s>])(?![^>]*\btranslate=)")


def untranslated(content: str) -> str:
    return CODE_TAG.sub(r'<\1 translate="no"', content)


def on_page_content(content: str, **_: Any) -> str:
    return untranslated(content)
