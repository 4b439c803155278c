"""The signals planner live in headless Chromium: with no number in our data it
shows none, a typed number brings a placement, a backup brings a second set,
and a bad count is refused by its field while the last result stays."""

from __future__ import annotations

from typing import Any

import pytest
from browser import answered, error_of, field, open_calculator, result_text, wait_for_result, wait_for_tab_copy

pytestmark = pytest.mark.browser
PAGE = "calculators/signals/"


def test_planner_goes_live_and_recalculates(page: Any, site_url: str) -> None:
    widget = open_calculator(page, site_url + PAGE, "signals")
    assert "Not in our data" in result_text(widget)

    field(widget, "primary_signals").fill("12")
    wait_for_result(page, widget, "12 signals, the number you entered")
    assert "Placing 12 Internal Medicine signals" in result_text(widget)

    field(widget, "specialty").select_option("orthopaedic-surgery")
    field(widget, "backup_specialty").select_option("pmr")
    wait_for_result(page, widget, "Backup: Physical Medicine and Rehabilitation")
    text = result_text(widget)
    assert "Placing 12 Orthopaedic Surgery signals" in text
    assert "two separate sets" in text
    assert text.count("Not in our data") == 1  # only the backup, whose number is not typed

    field(widget, "primary_signals").fill("1000")
    error = error_of(widget, "primary_signals")
    error.wait_for(state="visible")
    assert error.inner_text().startswith("Signals your first choice allows must be a whole number from 0 to 99")
    assert "Placing 12 Orthopaedic Surgery signals" in result_text(widget)


DISABLED = "select => [...select.options].filter((option) => option.disabled).map((option) => option.value)"


def test_arrowing_through_the_backups_passes_over_the_ones_refused(page: Any, site_url: str) -> None:
    # Arrowing down from "(none)" landed on the first choice, and later on each
    # ultra-competitive field, and said an error at each (keyboard-sr audit s37, 8).
    widget = open_calculator(page, site_url + PAGE, "signals")
    answered(widget)
    backup = field(widget, "backup_specialty")
    closed = backup.evaluate(DISABLED)
    assert "internal-medicine" in closed and "dermatology" in closed and "family-medicine" not in closed
    backup.focus()
    seen = []
    for _ in range(8):
        page.keyboard.press("ArrowDown")
        seen.append(backup.input_value())
    assert seen[0] and not set(seen) & set(closed), seen
    wait_for_tab_copy(page, "signals", "backup_specialty", seen[-1])
    assert error_of(widget, "backup_specialty").is_hidden()

    # The first choice moves: so does the option the backup list closes.
    field(widget, "specialty").select_option("family-medicine")
    page.wait_for_function(
        f"([select, was]) => {{ const shut = ({DISABLED})(select); return shut.includes('family-medicine') && !shut.includes(was); }}",
        arg=[backup.element_handle(), "internal-medicine"],
        timeout=30_000,
    )
    assert "dermatology" in backup.evaluate(DISABLED)
