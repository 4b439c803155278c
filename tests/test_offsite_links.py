"""Links that leave the site are marked, so print gives their address and no other."""

from __future__ import annotations

from calculators import html
from calculators.html import el, with_pmc_links
from macros import offsite_links
from macros.offsite_links import marked


def test_markdown_links_that_leave_the_site_are_marked_once_and_the_sites_own_are_not() -> None:
    page = (
        '<p><a href="https://www.nrmp.org/">NRMP</a>, <a class="x" href="http://example.org/a">b</a>, '
        '<a href="../glossary/">glossary</a>, <a href="#top">top</a>, <a data-offsite href="https://x.org/">x</a>, '
        '<a href="data:text/calendar,x">ics</a>, <abbr title="https://no.org/">no</abbr></p>'
    )
    assert marked(page) == (
        '<p><a href="https://www.nrmp.org/" data-offsite>NRMP</a>, <a class="x" href="http://example.org/a" data-offsite>b</a>, '
        '<a href="../glossary/">glossary</a>, <a href="#top">top</a>, <a data-offsite href="https://x.org/">x</a>, '
        '<a href="data:text/calendar,x">ics</a>, <abbr title="https://no.org/">no</abbr></p>'
    )


def test_links_the_calculators_write_are_marked_by_the_same_rule_live_results_included() -> None:
    assert "data-offsite" in with_pmc_links("Wang et al. (PMC9765904)")
    assert str(el("a", "page", href="../apply/")) == '<a href="../apply/">page</a>'
    assert str(el("a", "NRMP", href="https://www.nrmp.org/")) == '<a href="https://www.nrmp.org/" data-offsite>NRMP</a>'


def test_the_hook_and_the_calculators_mark_alike() -> None:
    assert offsite_links.OFFSITE == html.OFFSITE
