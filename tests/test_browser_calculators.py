"""Every calculator, live on its own page in headless Chromium: a changed
input changes the result that Pyodide computes, and a bad value shows its
message by the field while the last result stays."""

from __future__ import annotations

from typing import Any

import pytest
from browser import error_of, field, open_calculator

from calculators import REGISTRY
from calculators.fields import ChoiceField, IntField

pytestmark = pytest.mark.browser


def page_of(name: str) -> str:
    return f"calculators/{name.replace('_', '-')}/"


def a_different_choice(calc: Any) -> tuple[ChoiceField, str] | None:
    for f in calc.FIELDS:
        if isinstance(f, ChoiceField):
            other = next(slug for slug, _ in f.choices if slug != f.default)
            return f, other
    return None


def first_int(calc: Any) -> IntField | None:
    return next((f for f in calc.FIELDS if isinstance(f, IntField)), None)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_calculator_recomputes_live_on_its_page(page: Any, site_url: str, name: str) -> None:
    calc = REGISTRY[name]
    widget = open_calculator(page, site_url + page_of(name), name)
    before = widget.locator(".mpb-result").inner_html()

    changed = a_different_choice(calc)
    if changed:
        f, value = changed
        field(widget, f.name).select_option(value)
    else:
        number = first_int(calc)
        assert number is not None, "each calculator needs a choice or a number to vary"
        field(widget, number.name).fill(str((number.default or number.minimum) + 1))
    page.wait_for_function(
        "([selector, before]) => document.querySelector(selector).innerHTML !== before",
        arg=[f'.mpb-calculator[data-calculator="{name}"] .mpb-result', before],
    )
    after = widget.locator(".mpb-result").inner_html()

    number = first_int(calc)
    if number is not None:
        field(widget, number.name).fill("not a number")
        error = error_of(widget, number.name)
        error.wait_for(state="visible")
        assert error.inner_text().startswith(number.label)
        assert widget.locator(".mpb-result").inner_html() == after
