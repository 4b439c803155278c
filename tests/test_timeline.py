"""The timeline's words to a reapplicant about which season it plans, and to a
reader who needs a visa (the rest of the timeline's tests are in
test_planning_tools.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators import cycle, data, timeline

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


# --- A reader who needs a visa (visa-oldgrad audit s39, 1, 2 and 4) ----------------
VISA_READER = {"today": "2026-12-05", "eras_submission": "2027-09-15", "applicant_type": "non-us-img", "needs_visa": "true"}


def events(ics: str) -> dict[str, dict[str, str]]:
    """The calendar's events by title, their folded lines joined (RFC 5545)."""
    unfolded = ics.replace("\r\n ", "")
    found: dict[str, dict[str, str]] = {}
    for block in unfolded.split("BEGIN:VEVENT\r\n")[1:]:
        fields = dict(line.partition(":")[::2] for line in block.split("\r\n") if ":" in line)
        found[fields["SUMMARY"].split(" (")[0].replace("\\,", ",")] = fields
    return found


def by_title(result: timeline.TimelineResult) -> dict[str, timeline.PlanItem]:
    return {m["title"]: m for m in result["milestones"]}


def test_the_visa_check_names_the_h1b_payment_and_dates_step3_by_the_petition() -> None:
    """It gave an H-1B as Step 3 and a question about the cap, with no word of
    the payment on new petitions from 21 September 2025, and asked for Step 3
    "before you start"."""
    detail = by_title(timeline.compute(VISA_READER))[timeline.VISA_STEP]["detail"]
    for source in (data.H1B_PROCLAMATION, data.USCIS_H1B_PAYMENT, data.INA_H1B, data.H1B_CAP_EXEMPT, data.FSMB_STEP3):
        assert source.cite() in detail
    assert "a $100,000 payment by the employer on each new H-1B petition for someone outside the US" in detail
    # The dates come with the citation, from the source (a calculator types no year).
    assert "from 21 September 2025" in data.H1B_PROCLAMATION.cite()
    assert (
        "to run for 12 months unless extended (the dates are in its citation" in detail
        and "Check whether it still applies" in detail
    )
    assert "plan on the J-1 unless a program confirms it will file one for you" in detail
    assert "before the program files your petition" in detail and "before you start" not in detail


def test_the_visa_check_no_longer_has_the_statement_of_need_started_fifteen_months_early() -> None:
    """A Statement of Need names one specialty, and India's ministry wants the
    contract: "start on it now" sent a dual applicant to the wrong field."""
    detail = by_title(timeline.compute(VISA_READER))[timeline.VISA_STEP]["detail"]
    assert "Statement of Need from your home country now" not in detail
    assert "must name the exact specialty you will train in" in detail
    assert "request it after Match Day, for the field you matched or SOAPed into" in detail
    assert data.ECFMG_STATEMENT_OF_NEED.cite() in detail


def test_an_img_who_needs_a_visa_has_a_dated_row_for_the_h1bs_step3_in_the_calendar() -> None:
    result = timeline.compute(VISA_READER)
    rows = by_title(result)
    row = rows[timeline.H1B_STEP3]
    deadline = cycle.season(result["match_year"])["rank_deadline"]
    assert row["date"] == deadline.date.isoformat() == rows[deadline.label]["date"]
    assert row.get("estimated") == deadline.estimated and row.get("estimated_early") == deadline.estimated_early
    assert row["source"] == data.INA_H1B.cite()
    assert data.PETITION_WHEN_FILED.cite() in row["detail"] and data.PITT_H1B_STEP3.cite() in row["detail"]
    assert "ask each program for its own date" in row["detail"]
    event = events(str(result["ics"]))[timeline.H1B_STEP3]
    assert event["DTSTART;VALUE=DATE"] == deadline.date.strftime("%Y%m%d")


@pytest.mark.parametrize(
    "inputs",
    [
        {"applicant_type": "non-us-img", "needs_visa": "false"},
        {"applicant_type": "us-img"},
        {"applicant_type": "us-md", "needs_visa": "true"},
    ],
)
def test_no_h1b_row_or_j1_steps_for_a_reader_without_an_img_visa(inputs: dict[str, object]) -> None:
    rows = by_title(timeline.compute({"today": "2026-12-05", "eras_submission": "2027-09-15", **inputs}))
    assert timeline.H1B_STEP3 not in rows
    assert "Statement of Need" not in rows["Match Day"]["detail"]


def test_match_day_says_what_the_j1_asks_before_training_and_the_plan_still_ends_there() -> None:
    """The plan ended at Match Day with nothing on the Statement of Need, the
    ECFMG application or the consulate, all due before July."""
    result = timeline.compute(VISA_READER)
    detail = by_title(result)["Match Day"]["detail"]
    assert "you need ECFMG certification before you start training" in detail
    assert "Statement of Need naming the exact specialty you matched or SOAPed into" in detail
    assert "about four to six weeks once every document is in" in detail and "visa interview at a US consulate" in detail
    for source in (data.INDIA_STATEMENT_OF_NEED, data.ECFMG_STATEMENT_OF_NEED, data.ECFMG_J1_FEES):
        assert source.cite() in detail
    assert "four to six weeks" in events(str(result["ics"]))["Match Day"]["DESCRIPTION"]
    assert result["milestones"][-1]["title"] == "Match Day"
