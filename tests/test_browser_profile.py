"""One profile across calculators: opt-in, shared between pages, forgettable,
and harmless when storage is corrupt."""

from __future__ import annotations

from typing import Any

import pytest
from browser import field, open_calculator, wait_for_result, wait_for_tab_copy

pytestmark = pytest.mark.browser
KEY = "matchplanb:profile"


def stored(page: Any) -> str | None:
    return page.evaluate(f"localStorage.getItem('{KEY}')")


def test_nothing_is_stored_without_opting_in(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + "calculators/competitiveness/", "competitiveness")
    field(widget, "specialty").select_option("neurology")
    wait_for_result(page, widget, "Neurology:")
    # The tab's copy is written after the answer: by then anything the answer wrote is written.
    wait_for_tab_copy(page, "competitiveness", "specialty", "neurology")
    assert stored(page) is None


def test_remembered_answers_fill_another_calculator_then_forget_removes_them(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + "calculators/competitiveness/", "competitiveness")
    widget.get_by_label("Remember my answers on this device").check()
    field(widget, "specialty").select_option("psychiatry")
    field(widget, "step2_score").fill("250")
    wait_for_result(page, widget, "Psychiatry:")
    wait_for_result(page, widget, "250 is")
    assert '"specialty":"psychiatry"' in (stored(page) or "")

    other = open_calculator(page, site_url + "calculators/program-counts/", "program_counts")
    assert field(other, "specialty").input_value() == "psychiatry"
    assert field(other, "step2_score").input_value() == "250"
    assert other.get_by_label("Remember my answers on this device").is_checked()
    filled = other.locator(".mpb-notes").inner_text()
    assert "Filled in from the answers you asked this device to remember: Target specialty and Step 2 CK score." in filled

    other.get_by_role("button", name="Forget my answers").click()
    assert stored(page) is None
    # Said beside the button, in a polite live region, not in the notes a screen above it.
    said = other.locator(".mpb-profile .mpb-profile-status[role=status]")
    assert "removed from this device" in said.inner_text()
    assert "removed" not in other.locator(".mpb-notes").inner_text()

    # The tab's own copy went too: the form had shown the remembered psychiatry, and kept it.
    again = open_calculator(page, site_url + "calculators/program-counts/", "program_counts")
    assert field(again, "specialty").input_value() == "internal-medicine"
    assert not again.get_by_label("Remember my answers on this device").is_checked()


def test_corrupt_storage_is_ignored_with_a_note(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{not json')")
    widget = open_calculator(page, site_url + "calculators/competitiveness/", "competitiveness")
    # The note comes with the restore's reply, which may follow "ready".
    widget.locator(".mpb-notes", has_text="could not be read").wait_for(timeout=30_000)
    field(widget, "step2_score").fill("255")
    wait_for_result(page, widget, "255 is")
