"""Code on a page is marked for the browser's translation to leave alone."""

from __future__ import annotations

from macros.code_untranslated import untranslated


def test_every_code_and_pre_tag_is_marked_once() -> None:
    page = (
        '<p>Run <code>make test</code>.</p><pre class="x"><code>python -m calculators</code></pre><code translate="no">a</code>'
    )
    assert untranslated(page) == (
        '<p>Run <code translate="no">make test</code>.</p>'
        '<pre translate="no" class="x"><code translate="no">python -m calculators</code></pre><code translate="no">a</code>'
    )
    assert untranslated("<codex>not code</codex><preface>no</preface>") == "<codex>not code</codex><preface>no</preface>"
