"""Each page's description comes from its own opening paragraph."""

from __future__ import annotations

from types import SimpleNamespace

from macros.page_description import LONGEST, description, on_page_content


def test_the_first_sentence_of_the_opening_paragraph_describes_the_page() -> None:
    content = (
        '<h1 id="x">Title</h1>\n<p>This page is for <em>dual</em> applicants heading into interview season\n'
        "with two specialties to present. It covers more.</p>"
    )
    assert description(content) == (
        "This page is for dual applicants heading into interview season with two specialties to present."
    )


def test_a_short_first_sentence_takes_the_second_with_it() -> None:
    content = "<h1>T</h1><p>Short and plain. The second sentence says what the page covers. A third is left.</p>"
    assert description(content) == "Short and plain. The second sentence says what the page covers."
    # Not past LONGEST, though: a short opening before a long sentence would
    # make a meta description search engines cut (testread audit s45, 6).
    fits = "Then " + "x" * (LONGEST - len("Short and plain. Then ") - 1) + "."
    assert description(f"<h1>T</h1><p>Short and plain. {fits}</p>") == f"Short and plain. {fits}"
    assert description(f"<h1>T</h1><p>Short and plain. {fits[:-1]}x.</p>") == "Short and plain."


def test_quotation_marks_are_escaped_for_the_attribute_material_writes_it_into() -> None:
    content = '<h1>T</h1><p>An honest answer to "how strong is my file?" &amp; more, before deciding on a backup.</p>'
    assert (
        description(content) == "An honest answer to &quot;how strong is my file?&quot; &amp; more, before deciding on a backup."
    )


def test_a_page_without_an_opening_paragraph_or_with_its_own_description_is_left_alone() -> None:
    assert description("<h1>T</h1><div>a calculator</div><p>Later text.</p>") is None
    page = SimpleNamespace(meta={"description": "Written by hand."}, file=SimpleNamespace(src_uri="faq.md"))
    on_page_content("<h1>T</h1><p>From the page.</p>", page=page)
    assert page.meta["description"] == "Written by hand."


def test_a_calculators_own_page_is_described_by_what_the_calculator_does() -> None:
    content = (
        "<h1>Program counts</h1><p>“How many programs is enough?” has no exact answer, and that is stressful.</p>"
        '<section class="mpb-calculator" data-calculator="program_counts"><h2>Program counts</h2>'
        '<p class="mpb-summary">Suggests how many programs to apply to, &amp; why.</p></section>'
    )
    own = SimpleNamespace(meta={}, file=SimpleNamespace(src_uri="calculators/program-counts.md"))
    on_page_content(content, page=own)
    assert own.meta["description"] == "Suggests how many programs to apply to, &amp; why."
    # A guide that embeds the calculator keeps its own opening words.
    guide = SimpleNamespace(meta={}, file=SimpleNamespace(src_uri="apply/index.md"))
    on_page_content(content, page=guide)
    assert guide.meta["description"] == "“How many programs is enough?” has no exact answer, and that is stressful."
