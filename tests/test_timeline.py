"""The timeline's words to a reapplicant about which season it plans (the
rest of the timeline's tests are in test_planning_tools.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators import cycle, timeline

SEASON_NOTE = "This plans your reapplication for the next season"


def season_note(result: timeline.TimelineResult) -> list[str]:
    return [note for note in result["notes"] if note.startswith(SEASON_NOTE)]


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (dt.date(2026, 3, 20), dt.date(2026, 9, 2), 5),
        (dt.date(2026, 3, 20), dt.date(2026, 9, 20), 6),
        (dt.date(2026, 3, 20), dt.date(2027, 9, 1), 17),
        (dt.date(2026, 3, 20), dt.date(2027, 3, 19), 11),
    ],
)
def test_whole_months_counts_a_month_only_once_its_day_is_reached(start: dt.date, end: dt.date, months: int) -> None:
    assert timeline.whole_months(start, end) == months


def test_a_reapplicant_with_no_date_is_told_the_plan_reapplies_months_after_the_no_match_and_how_to_take_a_year() -> None:
    # "Plan for the Match 2027", five months after the no-match, beside a
    # guide that plans that year over 12-18 months (reapplicant-journey audit s38, 6).
    result = timeline.compute({"today": "2026-04-01", "previously_unmatched": True})
    assert result["match_year"] == 2027
    [note] = season_note(result)
    opens, later = cycle.season(2027)["submissions_open"], cycle.season(2028)["submissions_open"]
    months = timeline.whole_months(cycle.season(2026)["match_day"].date, opens.date)
    assert months < timeline.NO_MATCH_PLAN_MONTHS
    assert f"submitting on {opens.shown()}, {months} months after the Match Day taken as your no-match" in note
    assert "12–18 months the guide page “If you didn't match” plans over" in note
    assert f"enter a September submission a year later, such as {later.shown()}" in note
    assert "“ERAS submission date”" in note and "for the Match 2028" in note
    # It follows the note on the default date, and the date it names plans the Match it names.
    assert result["notes"].index(note) == next(i for i, n in enumerate(result["notes"]) if n.startswith("No submission date")) + 1
    assert later.date.month == 9
    assert (
        timeline.compute({"today": "2026-04-01", "eras_submission": later.date, "previously_unmatched": True})["match_year"]
        == 2028
    )


def test_a_default_plan_already_a_year_or_more_after_the_no_match_says_so_and_no_year_later() -> None:
    # In December the next season open on time is the Match 2028: 17 months
    # after the March 2026 no-match, already inside the guide's span.
    result = timeline.compute({"today": "2026-12-05", "previously_unmatched": True})
    [note] = season_note(result)
    assert "17 months after the Match Day taken as your no-match: room for the 12–18 months" in note
    assert "a year later" not in note


@pytest.mark.parametrize(
    "inputs",
    [
        {"today": "2026-04-01", "previously_unmatched": False},
        {"today": "2026-04-01", "previously_unmatched": True, "eras_submission": "2026-09-10"},
        {"today": "2026-04-01", "previously_unmatched": True, "eras_submission": "2027-09-08"},
    ],
)
def test_no_season_note_for_a_first_application_or_a_date_the_reader_chose(inputs: dict[str, object]) -> None:
    assert season_note(timeline.compute(inputs)) == []
