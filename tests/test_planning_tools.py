"""The planning tools: timeline and calendar file, packet rules, and the rank
simulator against brute-force stability and strategy-proofness checks."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import random
import re
import time
from dataclasses import replace
from html import unescape
from pathlib import Path

import pytest
from conftest import ROOT, pin_build_date
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import InputError, cycle, data, packet_check, rank_simulator, registry, timeline
from calculators.rank_simulator import Market, blocking_pairs, deferred_acceptance, outcome_with_list, rank_of


# --- timeline -------------------------------------------------------------------
def parse_ics(text: str) -> list[dict[str, str]]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines: list[str] = []
    for raw in text.split("\r\n")[:-1]:
        assert len(raw.encode()) <= 75
        if raw.startswith(" "):
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR" and "VERSION:2.0" in lines
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            key, _, value = line.partition(":")
            current[key] = value
    return events


@st.composite
def submissions(draw: st.DrawFn) -> tuple[int, dt.date]:
    """A Match season and a submission date inside its application window."""
    year = draw(st.integers(2026, 2036))
    dates = cycle.season(year)
    opens, closes = dates["submissions_open"].date, dates["rank_deadline"].date
    return year, opens + dt.timedelta(days=draw(st.integers(0, (closes - opens).days - 1)))


def test_the_latest_point_to_commit_says_the_backups_letters_and_statement_are_already_due() -> None:
    # Read at its word, "latest" left a reader 4-6 months past the plan's own backup dates.
    result = timeline.compute({"today": "2026-01-10", "eras_submission": "2027-09-10", "dual_applying": True})
    (commit,) = [m for m in result["milestones"] if m["title"] == timeline.COMMIT_TO_DUAL]
    assert "after this plan's “Request letters”, “Draft the backup statement” and “Build your program lists”" in commit["detail"]
    assert "works best for a backup you have already prepared" in commit["detail"]
    # Not "only works": a reader short of interviews is sent to the guide (interview audit s56, 6).
    assert "only works" not in commit["detail"] and "“Already applied, and short of interviews?”" in commit["detail"]


def test_a_plan_written_out_by_hand() -> None:
    # Each step's month, counted from the earlier of the submission and three
    # months after ERAS opens (2 June 2027, estimated): nothing else pinned a
    # step that moved a month (native audit s21, 4).
    result = timeline.compute({"today": "2026-12-03", "eras_submission": "2027-09-20"})
    on = {m["title"]: m["date"] for m in result["milestones"]}
    expected = {
        "Confirm your first choice": "2026-03-02",
        "Plan US clinical experience": "2026-06-02",
        "Get an honest outside assessment": "2026-09-02",
        "Decide firmly whether to dual apply": "2026-12-02",
        "Request letters": "2027-01-02",
        "Build your program lists": "2027-03-02",
        "Mentor review of each packet": "2027-07-20",
        "Final review: right documents to the right programs": "2027-08-20",
        "Submit ERAS": "2027-09-20",
        # A month after programs start reviewing (22 September, estimated),
        # not after a submission two days before it (visa-psych audit s41, 7).
        "Interview season": "2027-10-22",
        "Match Day": "2028-03-17",
    }
    assert {title: on[title] for title in expected} == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2027, 10, 31), -3, dt.date(2027, 7, 31)),
        (dt.date(2027, 10, 31), -18, dt.date(2026, 4, 30)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2027, 1, 31), 1, dt.date(2027, 2, 28)),
        (dt.date(2027, 3, 15), -18, dt.date(2025, 9, 15)),
        (dt.date(2026, 12, 29), 2, dt.date(2027, 2, 28)),
        (dt.date(2027, 1, 1), -1, dt.date(2026, 12, 1)),
    ],
)
def test_a_date_months_away_keeps_its_day_or_takes_the_months_last(day: dt.date, months: int, expected: dt.date) -> None:
    # Written out by hand: the plan's tests place their expected dates with months_from itself.
    assert timeline.months_from(day, months) == expected


@settings(max_examples=60, deadline=None)
@given(submissions(), st.dates(dt.date(2024, 1, 1), dt.date(2038, 12, 31)), st.booleans(), st.booleans(), st.booleans())
def test_timeline_is_ordered_spans_18_months_and_its_calendar_holds_what_is_ahead(
    season: tuple[int, dt.date], today: dt.date, dual: bool, unmatched: bool, include_past: bool
) -> None:
    year, day = season
    result = timeline.compute(
        {
            "today": today,
            "eras_submission": day,
            "dual_applying": dual,
            "previously_unmatched": unmatched,
            "include_past": include_past,
        }
    )
    assert result["match_year"] == year
    dates = [dt.date.fromisoformat(m["date"]) for m in result["milestones"]]
    assert dates == sorted(dates)
    # The plan's own steps keep their order (writers found before letters are asked of them, and so on),
    # whatever the submission date.
    on = {m["title"]: d for d, m in zip(dates, result["milestones"], strict=True)}
    # The day the reader typed, whatever day of the month it is (every other step is placed from it).
    assert on["Submit ERAS"] == day
    # An optional step keeps its own day, which the moved preparation may pass.
    in_plan = [on[s.title] for s in timeline.STEPS if s.title in on and not s.optional]
    assert in_plan == sorted(in_plan)
    # Ticked once the application is out, the box dates no debrief from the
    # Match before it, which a first-time applicant was never in (midseason audit s52, 5).
    if unmatched and day > today:
        no_match = timeline.last_match_day(min(today, day)).date
        # The latest Match whose results were out (from the Monday of Match Week) by then.
        assert cycle.season(no_match.year)["match_week"].date <= min(today, day)
        assert min(today, day) < cycle.season(no_match.year + 1)["match_week"].date
        assert dates[0] == on["Debrief your last application"] == no_match + dt.timedelta(days=7)
        # Nothing of the plan's own preparation comes before the choice of lane it depends on.
        chosen = on["Choose: reapply, dual apply or pivot"]
        preparation = {s.title for s in timeline.STEPS}
        assert all(d > chosen for t, d in on.items() if t in preparation)
    else:
        # 18 months before the submission, or before the usual one (three months after ERAS opens) if that is earlier.
        usual = timeline.months_from(cycle.season(year)["eras_opens"].date, 3)
        assert dates[0] == timeline.months_from(min(day, usual), -18)
    if dual:
        # The latest point to commit names the backup work already due by then, and no other.
        (commit,) = [m for m in result["milestones"] if m["title"] == timeline.COMMIT_TO_DUAL]
        due = [t for t in timeline.BACKUP_WORK if t in on and on[t] < dt.date.fromisoformat(commit["date"])]
        assert [t for t in timeline.BACKUP_WORK if f"“{t}”" in commit["detail"]] == due
    match_day = cycle.season(year)["match_day"].date
    assert match_day == cycle.third_friday_of_march(year)
    # Once the application is out, the plan goes on to a debrief in case Match
    # Day leaves the reader unplaced (midseason audit s52, 5).
    assert dates[-1] == (match_day + dt.timedelta(days=timeline.DEBRIEF.days) if day <= today else match_day)
    # A stretch (the interview season) is past only once its last day is.
    ends = [dt.date.fromisoformat(m.get("until", m["date"])) for m in result["milestones"]]
    assert [m["past"] for m in result["milestones"]] == [end < today for end in ends]
    assert result["past_count"] == sum(end < today for end in ends)
    in_calendar = [d for d, end in zip(dates, ends, strict=True) if include_past or end >= today]
    events = parse_ics(result["ics"])
    assert [e["DTSTART;VALUE=DATE"] for e in events] == [d.strftime("%Y%m%d") for d in in_calendar]
    assert len({e["UID"] for e in events}) == len(events)
    json.dumps(result)


def test_a_milestone_keeps_its_calendar_uid_across_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second import doubled every event: the UID came from the date and the
    place in the list, which change as milestones pass, with the past ticked,
    and when a published date replaces an estimate (timeline audit s36, 1)."""

    def uids(today: str, include_past: bool) -> dict[str, str]:
        inputs = {"today": today, "eras_submission": "2027-09-08", "include_past": include_past}
        return {e["SUMMARY"].split(" (")[0]: e["UID"] for e in parse_ics(timeline.compute(inputs)["ics"])}

    december, february = uids("2026-12-05", False), uids("2027-02-10", False)
    with_past = uids("2027-02-10", True)
    assert len(with_past) > len(february) > 10 and len(december) > len(february)
    for title, uid in february.items():
        assert december[title] == uid == with_past[title], title
    # A published date in place of the estimate keeps the event's identity.
    before = {e["SUMMARY"].split(" (")[0]: e["UID"] for e in parse_ics(timeline.compute({"today": "2026-12-05"})["ics"])}
    deadline = cycle.season(2027)["rank_deadline"]
    published = replace(deadline, date=deadline.date + dt.timedelta(days=14), status="published", set_early=False)
    monkeypatch.setattr(
        cycle, "season", lambda year, real=cycle.season: real(year) | ({"rank_deadline": published} if year == 2027 else {})
    )
    after = {e["SUMMARY"].split(" (")[0]: e["UID"] for e in parse_ics(timeline.compute({"today": "2026-12-05"})["ics"])}
    assert after == before


@pytest.mark.parametrize("year", range(2027, 2037))
def test_match_day_is_the_third_friday_of_march_for_ten_years(year: int) -> None:
    match_day = cycle.season(year)["match_day"].date
    assert match_day.year == year and match_day.month == 3
    assert match_day.weekday() == 4 and 15 <= match_day.day <= 21
    assert cycle.season(year)["match_week"].date == match_day - dt.timedelta(days=4)


def test_from_the_monday_of_match_week_a_reapplicant_counts_from_that_match() -> None:
    # Match Week 2026 began on 16 March, Match Day on the 20th (native audit s21, 5).
    assert timeline.last_match_day(dt.date(2026, 3, 16)).date == dt.date(2026, 3, 20)
    assert timeline.last_match_day(dt.date(2026, 3, 15)).date == dt.date(2025, 3, 21)


def test_on_match_day_the_coming_season_is_still_that_days() -> None:
    # The 2026 Match Day, as the NRMP published it (native audit s21, 5).
    assert cycle.coming_season(dt.date(2026, 3, 20)) == 2026
    assert cycle.coming_season(dt.date(2026, 3, 21)) == 2027


@pytest.mark.parametrize(
    ("day", "late"),
    [
        (dt.date(2026, 9, 23), None),  # the day programs start reviewing: on time
        (dt.date(2026, 9, 24), "1 day after"),
        (dt.date(2026, 9, 29), "6 days after"),
        (dt.date(2026, 9, 30), "7 days after"),
        # Not "1 week": weeks rounded down understated 13 days (season-dates audit s43, 7).
        (dt.date(2026, 10, 6), "13 days after"),
        (dt.date(2026, 10, 7), "2 weeks after"),
        (dt.date(2026, 10, 10), "over 2 weeks after"),
        (dt.date(2026, 10, 11), "nearly 3 weeks after"),
        (dt.date(2026, 10, 14), "3 weeks after"),
    ],
)
def test_a_late_submission_says_how_late_in_days_then_weeks(day: dt.date, late: str | None) -> None:
    # "arrives 0 weeks after that" read as on time for the six days after reviews began.
    season = cycle.season_for_submission(day, day)
    assert isinstance(season, cycle.SubmissionSeason) and season.match_year == 2027
    if late is None:
        assert season.note == ""
    else:
        assert f"arrives {late} that" in season.note, season.note


def test_the_2028_match_day_is_the_17th_not_the_24th() -> None:
    # March 2028 starts on a Wednesday: the old "third Monday + 4 days" rule gave the fourth Friday.
    assert cycle.season(2028)["match_day"].date == dt.date(2028, 3, 17)


def test_published_dates_win_over_the_rule_and_carry_their_source() -> None:
    match_day = cycle.season(2026)["match_day"]
    assert match_day.date == dt.date(2026, 3, 20) and not match_day.estimated and "NRMP" in match_day.cite()
    assert cycle.season(2026)["programs_receive"].date == dt.date(2025, 9, 24)
    assert "AAMC" in cycle.season(2026)["programs_receive"].cite()
    assert cycle.season(2027)["eras_opens"].date == dt.date(2026, 6, 3)
    assert cycle.season(2027)["match_day"].estimated and "estimated by rule" in cycle.season(2027)["match_day"].cite()


def test_an_estimate_says_our_table_lacks_the_date_not_that_it_is_unpublished() -> None:
    # Match 2027's submissions opened in September 2026: published by then, just not in our table.
    opened = cycle.season(2027)["submissions_open"]
    assert opened.estimated and opened.date < dt.date(2026, 12, 1)
    assert opened.cite() == "Match 2027: estimated by rule; the published date is not in our data"
    assert "not yet published" not in timeline.ESTIMATE_NOTE


def test_the_rules_reproduce_every_published_date_and_err_early_on_the_rank_deadline() -> None:
    early = []
    for row in data.cycle_dates():
        ruled = cycle.rule_date(row.match_year, row.milestone)
        if cycle.MILESTONE_BY_KEY[row.milestone].estimated_early:
            early.append((row.date - ruled).days)
        else:
            assert ruled == row.date, row
    # A week before the earlier of the published deadlines (2026: 23 days before Match Day), as the rule says;
    # late registration closes with the rank lists.
    assert sorted(early) == [7, 7, 14]


def test_cycle_table_round_trips_and_every_row_has_a_source_and_status() -> None:
    header, rows = data.read_tsv(data.CycleDate.FILE)
    rebuilt = data.write_tsv(header, [data.CycleDate.from_row(row).to_row() for row in rows])
    assert rebuilt == (Path(data.__file__).parent / "figures" / data.CycleDate.FILE).read_text(encoding="utf-8")
    keys = {m.key for m in cycle.MILESTONES}
    for row in data.cycle_dates():
        assert row.milestone in keys and row.source and row.status


def test_a_cycle_source_names_the_eras_season_of_its_own_match() -> None:
    # The AAMC names a season by its Match: ERAS 2027 places residents in July 2027. "Match 2027: QuantaPrep,
    # ERAS 2026 guide" read as the wrong season; a page's own title may be quoted as it is.
    for row in data.cycle_dates():
        unquoted = re.sub(r"“[^”]*”", "", row.source)
        assert all(int(year) == row.match_year for year in re.findall(r"ERAS (\d{4})", unquoted)), row
    assert "ERAS 2027 season" in cycle.season(2027)["eras_opens"].cite()


@pytest.mark.parametrize(
    ("today", "year", "submission"),
    [
        (dt.date(2026, 11, 24), 2028, dt.date(2027, 9, 1)),  # the 2027 season's review start has passed
        (dt.date(2026, 8, 1), 2027, dt.date(2026, 9, 2)),
        (dt.date(2026, 9, 10), 2027, dt.date(2026, 9, 10)),  # applications are open: submit today
        (dt.date(2026, 9, 23), 2027, dt.date(2026, 9, 23)),
        (dt.date(2026, 9, 24), 2028, dt.date(2027, 9, 1)),
    ],
)
def test_the_default_plan_is_for_the_next_season_still_open_on_time(today: dt.date, year: int, submission: dt.date) -> None:
    result = timeline.compute({"today": today})
    assert (result["match_year"], result["submission"]) == (year, submission.isoformat())
    assert any("No submission date given" in n for n in result["notes"])


def test_past_milestones_are_marked_in_words_and_left_out_of_the_calendar_unless_asked() -> None:
    inputs = {"today": "2027-03-15", "eras_submission": "2026-09-02"}
    result = timeline.compute(inputs)
    past = [m for m in result["milestones"] if m["past"]]
    assert past and all(m["date"] < "2027-03-15" for m in past)
    assert "already past" in result["summary"] and "Next: Match Week begins" in result["summary"]
    html = timeline.render(result)
    assert html.count('<td data-label="Status">Past</td>') == len(past) and 'class="mpb-past"' in html
    assert '<td data-label="Status">Next</td>' in html
    assert "left out" in html
    assert len(parse_ics(result["ics"])) == len(result["milestones"]) - len(past) == result["ics_count"]
    everything = timeline.compute({**inputs, "include_past": True})
    assert len(parse_ics(everything["ics"])) == len(everything["milestones"])


def test_a_january_submission_is_named_for_its_own_match_and_called_late() -> None:
    result = timeline.compute({"today": "2026-11-01", "eras_submission": "2026-12-15"})
    assert result["match_year"] == 2027
    # 83 days: 11 weeks and 6 days.
    assert any("for the Match 2027" in n and "nearly 12 weeks after" in n for n in result["notes"])
    # A month before the rank lists close, "late" became "unlikely to lead to an interview" (late-season audit s39, 3).
    result = timeline.compute({"today": "2026-11-01", "eras_submission": "2027-01-15"})
    assert result["match_year"] == 2027
    assert any(n.startswith("This is for the Match 2027.") and "unlikely to lead to an interview" in n for n in result["notes"])


@pytest.mark.parametrize("day", ["2027-05-15", "2027-08-31", "2027-02-24"])
def test_a_date_outside_every_application_window_is_an_input_error(day: str) -> None:
    # Read before the Match 2028's applications open: from 2 September 2027 the
    # message says they opened, and the calendar alone failed this test
    # (seasonlate audit s44, 4).  The reader's "today" is the form's, which
    # defaults to the day the module was imported.
    with pytest.raises(InputError) as caught:
        timeline.compute({"eras_submission": day, "today": "2026-12-06"})
    assert caught.value.field == "eras_submission"
    assert "applications for the Match 2028 open on 1 September 2027 (estimated)" in caught.value.message


def test_a_date_after_our_early_estimate_of_the_rank_deadline_is_not_said_to_be_too_late() -> None:
    # The estimate is a week early on purpose (the 2026 deadline was 25 February): "the rank lists closed on
    # 17 February 2027" stated as fact a deadline that may well be later. Still an error: the plan cannot count on it.
    with pytest.raises(InputError) as caught:
        timeline.compute({"eras_submission": "2027-02-24", "today": "2026-12-06"})
    message = caught.value.message
    assert "closed" not in message and "no Match takes" not in message
    assert "after our estimate of the Match 2027 rank-list deadline, 17 February 2027, which we set early on purpose" in message
    assert "the published deadline may be later: check the NRMP's calendar" in message
    # Once Match Week has begun the lists have closed, whatever the deadline was; a published deadline is a fact.
    with pytest.raises(InputError) as caught:
        timeline.compute({"today": "2027-04-01", "eras_submission": "2027-03-16"})
    assert "the Match 2027 rank lists closed before its Match Week, which began on 15 March 2027 (estimated)" in (
        caught.value.message
    )
    with pytest.raises(InputError) as caught:
        timeline.compute({"eras_submission": "2026-03-01"})
    assert "no Match takes applications on 1 March 2026: the Match 2026 rank lists closed on 25 February 2026," in (
        caught.value.message
    )


def test_an_estimated_date_in_a_message_says_it_is_estimated() -> None:
    with pytest.raises(InputError) as caught:
        timeline.compute({"today": "2027-06-01", "eras_submission": "2027-05-15"})
    assert "closed before its Match Week, which began on 15 March 2027 (estimated)" in caught.value.message
    late = timeline.compute({"today": "2026-11-01", "eras_submission": "2026-12-15"})
    assert any("programs started reviewing on 23 September 2026 (estimated)" in n for n in late["notes"])
    too_late = timeline.compute({"today": "2026-11-01", "eras_submission": "2027-01-15"})
    assert any("rank lists close on 17 February 2027 (estimated, set early on purpose)" in n for n in too_late["notes"])


def test_the_plan_holds_the_nrmps_registration_and_ranking_dates_and_the_ecfmg_condition() -> None:
    # The 2026 calendar (NRMP): register from 15 September, without a late fee until 30 November,
    # rank from 15 January, certify by 25 February.
    result = timeline.compute({"today": "2025-08-01", "eras_submission": "2025-09-03"})
    by_title = {m["title"]: m for m in result["milestones"]}
    assert by_title["NRMP registration opens"]["date"] == "2025-09-15"
    assert by_title["NRMP registration without a late fee ends"]["date"] == "2025-11-30"
    assert by_title["Rank order list entry opens"]["date"] == "2026-01-15"
    deadline = by_title["Rank order list certification deadline"]
    assert deadline["date"] == "2026-02-25" and "NRMP, 2026 Main Residency Match calendar" in deadline["source"]
    assert "9:00 p.m. Eastern Time" in deadline["detail"]
    assert "you need ECFMG certification before you start training" in by_title["Match Day"]["detail"]
    # The condition that decides whether an IMG's list is used has a row of its own on the same day (audit s36, 3).
    exams = by_title[timeline.EXAMS_CONFIRMED]
    # The NRMP's rule first in its Source, then ECFMG's pages the row names (planner audit s54, 7).
    assert exams["date"] == deadline["date"] and exams["source"].startswith(data.NRMP_ECFMG_REQUIREMENTS.cite())
    assert "ECFMG must have verified to the NRMP by this date" in exams["detail"] and "OET Medicine" in exams["detail"]
    # A reader certified in an earlier season, through a Pathway, learns on
    # the row they plan by that the certificate can lapse (reapplicant audit s40, 4).
    assert (
        "Certified already, through a Pathway? Such a certificate carries an expiry date until 12 months of accredited "
        "US training make it permanent" in exams["detail"]
    )
    assert data.ECFMG_PERMANENT_VALIDATION.cite() in exams["source"]
    (event,) = [e for e in parse_ics(result["ics"]) if e["SUMMARY"].startswith("IMGs: ECFMG")]
    assert event["DTSTART;VALUE=DATE"] == "20260225"
    # A US graduate's plan has no such row (diff review s36, 9).
    us = timeline.compute({"today": "2025-08-01", "eras_submission": "2025-09-03", "applicant_type": "us-md"})
    assert timeline.EXAMS_CONFIRMED not in {m["title"] for m in us["milestones"]}


LATE_REGISTRATION = "Last day to register with the NRMP (late fee)"


def test_late_registration_closes_with_the_rank_lists_as_the_nrmp_publishes_it() -> None:
    # The 2026 calendar: "Rank Order List Deadline/Applicant Late Registration Deadline", 25 February.
    published = cycle.season(2026)["late_registration_ends"]
    assert published.date == dt.date(2026, 2, 25) and not published.estimated and "NRMP" in published.cite()
    # Not in our table for later seasons: the rank deadline's estimate, early on purpose as it is.
    for year in (2027, 2030):
        late, rank = cycle.season(year)["late_registration_ends"], cycle.season(year)["rank_deadline"]
        assert late.date == rank.date and late.estimated_early
        assert late.shown().endswith("(estimated, set early on purpose)")
    # Copied from a published deadline it is estimated, but not early.
    copied = cycle.season(2024)["late_registration_ends"]
    assert copied.date == dt.date(2024, 2, 28) and copied.estimated and not copied.estimated_early


@pytest.mark.parametrize(
    ("today", "submission"), [("2026-12-02", "2026-12-02"), ("2027-12-01", "2027-12-15"), ("2027-12-31", "2027-12-31")]
)
def test_a_late_applicant_is_told_to_register_with_the_nrmp_while_it_is_still_open(today: str, submission: str) -> None:
    # Both registration rows were marked past and nothing ahead said to register: a reader following the plan
    # never registered, and an applicant who is not registered cannot match.
    result = timeline.compute({"today": today, "eras_submission": submission})
    by_title = {m["title"]: m for m in result["milestones"]}
    assert by_title["NRMP registration without a late fee ends"]["past"]
    late = by_title[LATE_REGISTRATION]
    deadline = cycle.season(result["match_year"])["rank_deadline"]
    assert late["date"] == deadline.date.isoformat() and not late["past"]
    assert "register now and pay the late fee" in late["detail"]
    assert timeline.shown_date(late).endswith("(estimated, set early on purpose)")
    # In the calendar file, which leaves past rows out.
    summaries = [e["SUMMARY"] for e in parse_ics(result["ics"])]
    assert any(s.startswith(LATE_REGISTRATION) for s in summaries)
    # And in the note on what fell before today, which listed only the plan's own preparation.
    (note,) = [n for n in result["notes"] if "NRMP registration without the late fee ended" in n]
    assert f"register now and pay the late fee, by {deadline.shown()}" in note


def test_a_submission_after_the_late_fee_date_is_warned_before_it_and_an_early_one_is_not() -> None:
    planned = timeline.compute({"today": "2026-08-02", "eras_submission": "2026-12-15"})
    late = next(m for m in planned["milestones"] if m["title"] == LATE_REGISTRATION)
    assert not late["past"] and "ends on 30 November 2026 (estimated), before you submit" in late["detail"]
    assert not any("NRMP registration without the late fee ended" in n for n in planned["notes"])
    on_time = timeline.compute({"today": "2026-08-02", "eras_submission": "2026-09-10"})
    assert LATE_REGISTRATION not in {m["title"] for m in on_time["milestones"]}
    assert not any(LATE_REGISTRATION in n for n in on_time["notes"]), "not listed as estimated when not in the plan"


def test_the_timeline_guide_says_registration_stays_open_with_a_fee_until_the_rank_list_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # It said only that a late fee starts on 30 November, which on 2 December read as if registration had closed.
    import jinja2

    import macros

    guide = (Path(__file__).parent.parent / "docs" / "apply" / "timeline.md").read_text(encoding="utf-8")
    (line,) = [line for line in guide.splitlines() if "Register for the Match with the NRMP" in line]

    def shown_on(day: dt.date) -> str:
        pin_build_date(monkeypatch, day)
        return jinja2.Template(line).render(cycle_registration=macros.cycle_registration)

    shown = shown_on(dt.date(2026, 12, 2))
    assert "stays open, with the late fee, until the rank-list deadline (NRMP Main Match calendar" in shown
    # Both registration's opening and its no-late-fee date had passed, yet
    # the page said "register as soon as it opens" (season-now audit s31, 4).
    assert "registering without the late fee ended <strong>around 30 November 2026" in shown
    assert "do it now, with the fee, <strong>by 17 February 2027, an estimate set early" in shown
    assert "as soon as it opens" not in shown
    # Open, and still without the fee.
    shown = shown_on(dt.date(2026, 10, 1))
    assert "It opened <strong>around 15 September 2026" in shown and "register before then" in shown
    assert "as soon as it opens" not in shown
    # Built after Match Day, the page is about the next Match, whose
    # registration opens only in September: "register now" was wrong there
    # (yearly audit s28).
    shown = shown_on(dt.date(2027, 3, 20))
    assert "register now" not in shown and "with the fee, <strong>by 16 February 2028" in shown
    assert "It opens <strong>around 15 September 2027" in shown and "register as soon as it opens" in shown


MAY_BE_LATER = "that has passed: the NRMP's own deadline may be later, so check its calendar and act at once"
CLOSED = "; it has passed, and the Match 2027 takes no more registrations or rank lists"
ALMOST_CLOSED = (
    "that has passed, and the NRMP's own has almost certainly passed too (in the NRMP calendars we hold, the "
    "deadline fell 16 and 23 days before Match Day): the Match 2027 takes no more registrations or rank lists"
)


@pytest.mark.parametrize(
    ("pinned", "said"),
    [
        (dt.date(2027, 2, 17), None),
        (dt.date(2027, 2, 18), MAY_BE_LATER),
        # Up to Match Day less the shortest published gap, 16 days: 3 March 2027.
        (dt.date(2027, 3, 3), MAY_BE_LATER),
        # After it, "may be later" gave false hope on 10 March (soap audit s55, 3).
        (dt.date(2027, 3, 4), ALMOST_CLOSED),
        (dt.date(2027, 3, 14), ALMOST_CLOSED),
        # From Match Week the real deadline has surely passed too (diff review s22, 2).
        (dt.date(2027, 3, 15), CLOSED),
        (dt.date(2027, 3, 19), CLOSED),
    ],
)
def test_a_guide_built_after_our_early_deadline_says_it_has_passed_and_the_nrmps_may_not_have(
    monkeypatch: pytest.MonkeyPatch, pinned: dt.date, said: str | None
) -> None:
    # Until Match Day the guides name the running season, so from 18 February a
    # weekly build told a late registrant to register "now, by 17 February"
    # (season audit s22, 1).
    import jinja2

    import macros

    pin_build_date(monkeypatch, pinned)
    guide = (ROOT / "docs" / "apply" / "timeline.md").read_text(encoding="utf-8")
    (line,) = [line for line in guide.splitlines() if "Register for the Match with the NRMP" in line]
    shown = unescape(jinja2.Template(line).render(cycle_registration=macros.cycle_registration))
    assert "by 17 February 2027, an estimate set early on purpose" in shown
    deadline = unescape(str(macros.cycle_date("rank_deadline")))
    for wording in (MAY_BE_LATER, ALMOST_CLOSED, CLOSED):
        assert (wording in shown) == (wording in deadline) == (wording == said)


def test_a_published_deadline_once_passed_is_said_to_be_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    import macros

    pin_build_date(monkeypatch, dt.date(2026, 3, 10))  # Match 2026: the NRMP's own deadline, 25 February
    deadline = unescape(str(macros.cycle_date("late_registration_ends")))
    assert deadline.startswith("<strong>by 25 February 2026; it has passed, and the Match 2026 takes no more registrations")
    assert "Its registration and rank lists are closed. The next season" in unescape(str(macros.cycle_after_a_no_match()))


@pytest.mark.parametrize(
    ("pinned", "said"),
    [
        (
            dt.date(2026, 12, 3),
            [
                "the Match 2027 is under way",
                "you can still register with the NRMP, with the late fee, by 17 February 2027",
                # The late route the timeline calculator offers too (season-now audit s31, 5).
                "If you did not apply in it, you can still send it applications, late, while its rank lists are open: "
                "they close by 17 February 2027",
                "The next season you can apply to on time is the Match 2028: applications go to programs from around "
                "1 September 2027",
            ],
        ),
        (dt.date(2027, 2, 20), ["If you did not apply in it, the next season you can apply to on time is the Match 2028"]),
        (dt.date(2026, 7, 1), ["the next season you can apply to on time is the Match 2027", "around 2 September 2026"]),
        # Before 30 November registration costs no late fee (diff review s22, 1).
        (
            dt.date(2026, 10, 15),
            ["register with the NRMP without the late fee until around 30 November 2026", "or with it by 17 February 2027"],
        ),
    ],
)
def test_the_no_match_guide_says_which_match_still_takes_a_reader_and_when(
    monkeypatch: pytest.MonkeyPatch, pinned: dt.date, said: list[str]
) -> None:
    # A reader who did not match last March found no date on the page the
    # start page sends them to (season audit s22, 2).
    import macros

    pin_build_date(monkeypatch, pinned)
    shown = unescape(re.sub(r"<[^>]+>", "", str(macros.cycle_after_a_no_match())))
    assert shown.startswith(f"As of {cycle.long_date(pinned)}, when this page was built, ")
    for words in said:
        assert words in shown
    # Past our early estimate (20 February 2027) the page says "may still be
    # able to", not "can still register by" a day gone by (seasonlate audit s44, 5).
    assert ("with the late fee, by" in shown) == (pinned.month == 12)
    # Late, until our rank-list deadline: from the review start in September.
    assert ("send it applications, late" in shown) == (pinned.month in (10, 12))
    guide = (ROOT / "docs" / "unmatched" / "index.md").read_text(encoding="utf-8")
    assert "{{ cycle_after_a_no_match() }}" in guide and "I applied before and did not match" in guide


def test_a_late_starter_is_told_which_preparation_steps_fell_before_today() -> None:
    # Marked "past", a step never done read as done; the season's own dates are not the reader's to do.
    # A US citizen: a visa adds a step of its own (see the visa test).
    result = timeline.compute({"today": "2027-06-01", "dual_applying": False, "applicant_type": "us-img"})
    (note,) = [n for n in result["notes"] if "fell before today" in n]
    assert note.startswith("7 preparation steps fell before today and are marked past: Confirm your first choice,")
    assert "ERAS opens" not in note and note.endswith("they come first now, before you submit on 1 September 2027.")
    early = timeline.compute({"today": "2025-01-10", "eras_submission": "2026-09-02"})
    assert not any("fell before today" in n for n in early["notes"])
    # The dual-applying date is a date, not a task, and the count is of what is named (diff review s31, 4).
    dual = timeline.compute({"today": "2026-07-20", "eras_submission": "2026-09-02", "dual_applying": True})
    (note,) = [n for n in dual["notes"] if "fell before today" in n]
    named = note.split(": ", 1)[1].split(". If not done yet")[0].split(", ")
    assert timeline.COMMIT_TO_DUAL not in note and note.startswith(f"{len(named)} preparation steps"), note


@pytest.mark.parametrize(("today", "submission"), [("2026-12-04", "2026-12-04"), ("2027-08-15", "2027-09-01")])
def test_a_few_weeks_before_submitting_only_what_fits_is_said_to_come_first(today: str, submission: str) -> None:
    # Twelve steps, rotations and a date among them, were to come "first,
    # before you submit" on the same day (season-now audit s31, 3).
    result = timeline.compute({"today": today, "eras_submission": submission, "dual_applying": True})
    (note,) = [n for n in result["notes"] if "fell before today" in n]
    fits, _, longer = note.partition("Do not hold your application back")
    assert "do what still fits" in fits and "Final review: right documents to the right programs" in fits
    assert "Book backup rotations and letter writers" not in fits and "Plan US clinical experience" not in fits
    assert "Book backup rotations and letter writers" in longer and "Plan US clinical experience" in longer
    assert timeline.COMMIT_TO_DUAL not in note, "a date, not a task"
    assert "come first now" not in note


def test_a_reapplicant_is_told_which_of_their_steps_fell_before_today() -> None:
    # With a past no-match the note was never shown, and steps never done read as done.
    result = timeline.compute({"today": "2026-12-02", "previously_unmatched": True, "applicant_type": "us-img"})
    (note,) = [n for n in result["notes"] if "fell before today" in n]
    assert note.startswith(
        "4 steps of your reapplication fell before today and are marked past: Debrief your last application, "
        "Choose: reapply, dual apply or pivot, Plan US clinical experience, Book backup rotations and letter writers."
    )
    assert note.endswith("they come first now, before you submit on 1 September 2027.")
    one = timeline.compute({"today": "2026-04-01", "previously_unmatched": True})
    (note,) = [n for n in one["notes"] if "fell before today" in n]
    assert note.startswith("1 step of your reapplication fell before today and is marked past: Debrief your last")
    assert "If not done yet, it comes first now" in note


def test_a_reapplicants_dates_counted_from_an_estimated_match_day_are_marked_estimated() -> None:
    # The debrief, the choice and the steps moved after it had no mark after
    # an estimated Match Day, though the plan's note said they were marked
    # (print audit s20, 2); the plan's next step among them.
    def marks(today: str, submission: str) -> dict[str, bool]:
        plan = timeline.compute({"today": today, "eras_submission": submission, "previously_unmatched": True})
        return {m["title"]: bool(m.get("estimated")) for m in plan["milestones"]}

    moved = ["Debrief your last application", "Choose: reapply, dual apply or pivot", "Draft your personal statement"]
    # Match 2027's day is estimated by rule (cycle tests), so all three are.
    assert all(marks("2027-05-20", "2027-09-03")[title] for title in moved)
    # Match 2026's was published, and the submission is the reader's own date: none is.
    assert not any(marks("2026-05-20", "2026-09-03")[title] for title in moved)
    assert "(estimated)" in timeline.compute({"today": "2027-05-20", "previously_unmatched": True})["summary"]


def test_a_datetime_is_read_as_its_day() -> None:
    result = timeline.compute({"today": dt.datetime(2026, 8, 1, 15, 30), "eras_submission": dt.datetime(2026, 9, 2, 9)})
    assert result["today"] == "2026-08-01" and result["submission"] == "2026-09-02"


def test_dual_and_unmatched_add_their_milestones() -> None:
    titles = lambda **kw: {m["title"] for m in timeline.compute(kw)["milestones"]}  # noqa: E731
    assert "Draft the backup statement" in titles(dual_applying=True)
    assert "Draft the backup statement" not in titles(dual_applying=False)
    assert "Debrief your last application" in titles(previously_unmatched=True)
    assert "Debrief your last application" not in titles(previously_unmatched=False)
    # An IMG years out of school is sent to the faculty who saw their work, not
    # only to a dean's office that never saw their file (reapply-anes audit s42, 7).
    assert "the US faculty who supervised your research or clinical work" in timeline.DEBRIEF.detail


def test_the_interview_season_is_under_way_until_the_rank_list_deadline_not_past_a_month_after_submission() -> None:
    # On 3 December, after a September submission, the plan marked "Interview
    # season" past on 10 October and left it out of the calendar, though it is
    # the reader's work of the week (season audit s22, 5).
    result = timeline.compute({"today": "2026-12-03", "eras_submission": "2026-09-10"})
    (season,) = [m for m in result["milestones"] if m["title"] == "Interview season"]
    # It ended when ranking opens, on no source: a late applicant had ten
    # days of it, past on 15 January (season-now audit s31, 2).  A program
    # ranks only applicants it has interviewed, so it lasts until the day
    # before the rank-list deadline.
    # It starts a month after programs start reviewing (23 September), which
    # is later than the submission (visa-psych audit s41, 7).
    assert (season["date"], season["until"], season["past"]) == ("2026-10-23", "2027-02-16", False)
    # Our early estimate is no hard cut-off for an interview (interview audit s56, 7).
    assert season["detail"].endswith(
        "until the rank lists are certified by 17 February 2027 (estimated, set early on purpose). "
        f"{cycle.EARLY_DEADLINE_VERDICT} Do not turn down an interview dated before the NRMP's published deadline: "
        "only one after it could no longer change a list."
    )
    # Until the last useful day, that day leads, then the deadline; the table
    # marks the stretch (interview audit s56, 3).
    assert result["summary"].startswith(
        "Add ERAS programs by about 20 December 2026. Rank lists by 17 February 2027 (early estimate). "
    )
    # After it, the next day to act on shows beside the stretch (diff review s22, 5: ranking opening was the next step).
    # Its end is named by the deadline and that day, the date its detail
    # gives, not by the day before (diff review s39, 3: two dates for one end).
    after = timeline.compute({"today": "2026-12-21", "eras_submission": "2026-09-10"})
    assert after["summary"].startswith(
        "Now: Interview season, until the rank-list deadline, 17 February 2027 (estimated, set early on purpose). "
        "Next: Rank order list entry opens on 15 January 2027 (estimated). "
    )
    assert "16 February" not in result["summary"] + result["announced"] + after["summary"] + after["announced"]
    html = unescape(str(timeline.render(result)))
    assert (
        '<td data-label="Date">23 October 2026 (estimated) to the rank-list deadline, 17 February 2027 (estimated, set early on purpose)</td>'
        '<td data-label="Status">Under way</td>' in html
    )
    assert "DTSTART;VALUE=DATE:20261023\r\nDTEND;VALUE=DATE:20270217\r\n" in result["ics"]
    # Ranking open, the stretch goes on, and the deadline is next.
    ranking = timeline.compute({"today": "2027-01-20", "eras_submission": "2026-09-10"})
    assert [m["past"] for m in ranking["milestones"] if m["title"] == "Interview season"] == [False]
    # Said once, as the next step's day, where the stretch's end gave it too (new-words audit s40, 5).
    assert ranking["summary"].startswith(
        "Now: Interview season. Next: Rank order list certification deadline on 17 February 2027"
    )
    assert ranking["summary"].count("17 February 2027") == 1
    # On the deadline's day it is past, and the deadline leads.
    later = timeline.compute({"today": "2027-02-17", "eras_submission": "2026-09-10"})
    assert [m["past"] for m in later["milestones"] if m["title"] == "Interview season"] == [True]
    assert later["summary"].startswith("Next: Rank order list certification deadline on 17 February 2027 ")
    # Before it begins, the table's next row; the headline leads with the last
    # useful day, and the late fee's day, which comes before it (interview audit s56, 3).
    before = timeline.compute({"today": "2026-10-01", "eras_submission": "2026-09-10"})
    assert (
        '<td data-label="Date">23 October 2026 (estimated) to the rank-list deadline, 17 February 2027 (estimated, '
        'set early on purpose)</td><td data-label="Status">Next</td>' in unescape(str(timeline.render(before)))
    )
    assert before["summary"].startswith(
        "Add ERAS programs by about 20 December 2026. Rank lists by 17 February 2027 (early estimate). NRMP "
        "registration without a late fee ends on 30 November 2026 (estimated). "
    )
    # A late applicant's stretch is six weeks, not ten days.
    late = timeline.compute({"today": "2026-12-04", "eras_submission": "2026-12-04"})
    assert [(m["date"], m["until"]) for m in late["milestones"] if m["title"] == "Interview season"] == [
        ("2027-01-04", "2027-02-16")
    ]


@pytest.mark.parametrize("dual", [True, False])
def test_the_rank_list_deadline_speaks_of_two_specialties_only_to_a_dual_applicant(dual: bool) -> None:
    # Its detail said "across both specialties" to every reader (season audit s22, 7).
    milestones = timeline.compute({"today": "2026-12-03", "dual_applying": dual})["milestones"]
    (deadline,) = [m for m in milestones if m["title"] == "Rank order list certification deadline"]
    assert deadline["detail"].startswith("Certify one rank order list in true order of preference")
    assert ("across both specialties" in deadline["detail"]) == dual


def test_a_reapplicant_debriefs_after_the_match_day_they_did_not_match_on() -> None:
    # Counted back 18 months from a September 2026 submission, the debrief
    # fell in March 2025, a year before the no-match of March 2026.
    result = timeline.compute({"today": "2026-05-01", "eras_submission": "2026-09-10", "previously_unmatched": True})
    dated = {m["title"]: m for m in result["milestones"]}
    assert dated["Debrief your last application"]["date"] == "2026-03-27"
    assert dated["Choose: reapply, dual apply or pivot"]["date"] == "2026-04-03"
    assert (
        "Match Day, taken as 20 March 2026: the latest Match whose results were out by today"
        in dated["Debrief your last application"]["detail"]
    )
    # In Match Week the reader already knows: the plan starts from this Match, not last year's.
    in_match_week = timeline.compute({"today": "2026-03-17", "previously_unmatched": True})
    assert {m["title"]: m["date"] for m in in_match_week["milestones"]}["Debrief your last application"] == "2026-03-27"
    # Planned a year ahead, the plan still starts from the no-match already behind the reader.
    later = timeline.compute({"today": "2026-12-01", "eras_submission": "2027-09-08", "previously_unmatched": True})
    assert {m["title"]: m["date"] for m in later["milestones"]}["Debrief your last application"] == "2026-03-27"


@pytest.mark.parametrize(
    ("today", "soap_ends"),
    [("2027-03-15", "18 March 2027 (estimated)"), ("2027-03-18", "18 March 2027 (estimated)"), ("2026-03-17", "19 March 2026")],
)
def test_an_unmatched_reader_in_match_week_is_told_first_that_soap_is_running(today: str, soap_ends: str) -> None:
    # The plan is for next year's Match, and said nothing of the SOAP running that very week.
    result = timeline.compute({"today": today, "previously_unmatched": True})
    first = result["notes"][0]
    year = today[:4]
    assert first.startswith(f"SOAP for the Match {year} is running now, until {soap_ends}:")
    assert "“SOAP and a non-residency Plan B”" in first
    # A first-time applicant whose plan is for a later Match is told too: they
    # may have learned that Monday that they did not match (prelim-SOAP audit s34, 7).
    first_time = timeline.compute({"today": today})["notes"][0]
    assert first_time.startswith(f"SOAP for the Match {year} is running now") and "if you took part in this Match" in first_time
    # Not before Match Week, not after SOAP, and not for a plan that is for this Match (it has its own SOAP rows).
    for inputs in (
        {"today": "2027-03-14", "previously_unmatched": True},
        {"today": "2027-03-19", "previously_unmatched": True},
        {"today": "2027-03-16", "eras_submission": "2026-09-20"},
    ):
        # After SOAP the note says it is over (couples-soap audit s39, 8), never that it runs.
        assert not any("SOAP for the Match" in n and "is running now" in n for n in timeline.compute(inputs)["notes"]), inputs


def test_a_plan_counted_from_an_estimated_submission_day_says_so() -> None:
    # With no submission date, "Submit ERAS" sat on our rule's first
    # submission day for the Match 2028, unmarked, in the plan and the
    # calendar file, and every step counted from it (audit s19, pages 1).
    result = timeline.compute({"today": "2026-12-02"})
    by_title = {m["title"]: m for m in result["milestones"]}  # type: ignore[union-attr]
    assert timeline.shown_date(by_title["Submit ERAS"]) == "1 September 2027 (estimated)"
    assert timeline.shown_date(by_title["Request letters"]).endswith("(estimated)")
    assert "SUMMARY:Submit ERAS (estimated date)" in str(result["ics"])
    # So is the latest point to commit to dual applying, two months before it (diff review 6).
    dual = {m["title"]: m for m in timeline.compute({"today": "2026-01-02", "dual_applying": True})["milestones"]}  # type: ignore[union-attr]
    assert timeline.shown_date(dual[timeline.COMMIT_TO_DUAL]) == "2 July 2026 (estimated)"
    assert any("the plan uses 1 September 2027 (estimated)" in n for n in result["notes"])  # type: ignore[union-attr]
    assert any("preparation steps counted from them are marked too" in n for n in result["notes"])  # type: ignore[union-attr]
    # A date the reader chose is theirs, and so are the steps counted from it.
    chosen = timeline.compute({"today": "2026-12-02", "eras_submission": "2027-09-20"})
    mine = {m["title"]: m for m in chosen["milestones"]}  # type: ignore[union-attr]
    assert not mine["Submit ERAS"].get("estimated") and not mine["Final review: right documents to the right programs"].get(
        "estimated"
    )
    # The Match 2027's ERAS opening is published, its first submission day is not:
    # only what is counted from the estimate is marked.
    published = {m["title"]: m for m in timeline.compute({"today": "2025-12-02"})["milestones"]}  # type: ignore[union-attr]
    assert not published["Request letters"].get("estimated") and published["Submit ERAS"]["estimated"]


def test_an_estimated_season_date_is_marked_by_its_date_and_explained_once() -> None:
    # The estimate was said three ways, twice in every row: in "What to do",
    # in the source, and in a note.
    result = timeline.compute({"today": "2026-12-02"})
    html = timeline.render(result)
    match_day = next(m for m in result["milestones"] if m["title"] == "Match Day")  # type: ignore[union-attr]
    assert match_day["estimated"] and "stimated" not in match_day["detail"]
    assert f'<td data-label="Date">{cycle.long_date(dt.date.fromisoformat(match_day["date"]))} (estimated)</td>' in html
    assert "SUMMARY:Match Day (estimated date)" in str(result["ics"])
    explained = [n for n in result["notes"] if "“estimated”" in n]  # type: ignore[union-attr]
    assert len(explained) == 1 and "none of the published Match 2028 dates" in explained[0]
    assert "NRMP and AAMC calendars" in explained[0]
    # A season with some dates published lists the ones estimated.
    published = timeline.compute({"today": "2025-12-02"})
    season_titles = {day.label for day in cycle.season(2027).values()}
    estimated = [m["title"] for m in published["milestones"] if m.get("estimated") and m["title"] in season_titles]  # type: ignore[union-attr]
    shown = {m["title"]: timeline.shown_date(m) for m in published["milestones"]}  # type: ignore[union-attr]
    assert not shown["ERAS opens for the season"].endswith("(estimated)"), "published for the Match 2027"
    assert shown["Match Day"].endswith("(estimated)")
    # The rank-list deadline's estimate is a week early on purpose: a date to act by.
    assert shown["Rank order list certification deadline"].endswith("(estimated, set early on purpose)")
    unfolded = str(published["ics"]).replace("\r\n ", "")  # lines of over 75 octets are folded
    assert "SUMMARY:Rank order list certification deadline (estimated date\\, set early on purpose)" in unfolded
    assert estimated, "the Match 2027 season has dates our table lacks"
    assert any(all(t in n for t in estimated) for n in published["notes"])  # type: ignore[union-attr]


def test_ics_escapes_text_and_download_link_is_a_data_url() -> None:
    assert timeline._escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert 'href="data:text/calendar;charset=utf-8,BEGIN%3AVCALENDAR' in timeline.render(timeline.compute({}))


def test_ics_lines_fold_as_late_as_75_octets_allow_and_never_inside_a_character() -> None:
    line = "DESCRIPTION:" + "é" * 50 + "x" * 70 + "€" * 30
    folded = timeline._fold(line)
    assert folded[0] + "".join(chunk[1:] for chunk in folded[1:]) == line
    assert all(chunk.startswith(" ") for chunk in folded[1:])
    for chunk, after in itertools.pairwise(folded):
        # Each line is full: the next character would have pushed it past 75.
        assert len(chunk.encode()) <= 75 < len(chunk.encode()) + len(after[1].encode())
    assert len(folded[-1].encode()) <= 75
    assert timeline._fold("SUMMARY:short") == ["SUMMARY:short"]


def test_timeline_rejects_a_bad_date() -> None:
    with pytest.raises(InputError) as caught:
        timeline.compute({"eras_submission": "24/09/2027"})
    assert caught.value.field == "eras_submission" and "year first: 2027-09-15" in caught.value.message


# --- packet_check ------------------------------------------------------------------
CLEAN = {
    "programs": "name,specialty\nA,internal-medicine\nB,family-medicine\n",
    "documents": "id,kind,specialty\nS1,statement,internal-medicine\nS2,statement,family-medicine\n"
    "L1,letter,internal-medicine\nL2,letter,internal-medicine\nL3,letter,family-medicine\nL4,letter,family-medicine\n",
    "assignments": "program,document\nA,S1\nA,L1\nA,L2\nB,S2\nB,L3\nB,L4\n",
}


def messages(**changes: str) -> list[str]:
    return [p["message"] for p in packet_check.compute({**CLEAN, **changes})["problems"]]


def test_a_clean_packet_passes_and_the_default_example_has_a_slip_and_a_supporting_letter() -> None:
    assert packet_check.compute(CLEAN) == {**packet_check.compute(CLEAN), "ok": True, "problems": []}
    default = packet_check.compute({})
    assert not default["ok"]
    by_severity = {(p["severity"], p["program"]): p["message"] for p in default["problems"]}
    assert "The statement “PS-DR” was written for diagnostic-radiology" in by_severity["error", "Lakeside Community IM"]
    assert "supporting letter" in by_severity["note", "Riverside Radiology"]
    assert "NOTE" in packet_check.render(default)


def severities(**changes: str) -> list[tuple[str, str]]:
    return [(p["severity"], p["message"]) for p in packet_check.compute({**CLEAN, **changes})["problems"]]


RADIOLOGY = {
    "programs": "name,specialty\nR,diagnostic-radiology\nA,internal-medicine\n",
    "documents": "id,kind,specialty\nSR,statement,diagnostic-radiology\nSA,statement,internal-medicine\n"
    "R1,letter,diagnostic-radiology\nR2,letter,diagnostic-radiology\nI1,letter,internal-medicine\n"
    "I2,letter,internal-medicine\nG1,letter,general-surgery\nN1,letter,neurology\nP1,letter,pathology\n",
    "assignments": "program,document\nA,SA\nA,I1\nA,I2\nR,SR\nR,R1\n",
}


def radiology(*extra: str) -> list[tuple[str, str]]:
    """The problems of the radiology packet with ``extra`` assignments, but for
    the note on documents assigned nowhere: each test sends a few of the
    table's spare letters, and the rest stay unassigned on purpose."""
    inputs = {**RADIOLOGY, "assignments": RADIOLOGY["assignments"] + "".join(f"{line}\n" for line in extra)}
    problems = packet_check.compute(inputs)["problems"]
    return [(p["severity"], p["message"]) for p in problems if not p["message"].startswith("Assigned to no program")]


def test_one_letter_sent_to_many_programs_is_one_note_and_an_unused_one_is_named() -> None:
    # A letter sent to 70 radiology programs made 70 identical notes that
    # buried any real warning, and a letter assigned nowhere was never
    # mentioned (packet-check audit s35, 4).
    programs = "name,specialty\n" + "".join(f"R{i},diagnostic-radiology\n" for i in range(8))
    documents = "id,kind,specialty\nS,statement,diagnostic-radiology\nD1,letter,diagnostic-radiology\n"
    documents += "D2,letter,diagnostic-radiology\nI1,letter,internal-medicine\nSPARE,letter,diagnostic-radiology\n"
    assignments = "program,document\n" + "".join(f"R{i},S\nR{i},D1\nR{i},D2\nR{i},I1\n" for i in range(8))
    result = packet_check.compute({"programs": programs, "documents": documents, "assignments": assignments})
    notes = [p for p in result["problems"] if p["severity"] == "note"]
    assert len(notes) == 2 and result["ok"]
    assert "“I1” was written for internal-medicine and goes to 8 programs" in notes[0]["message"]
    assert "R0, R1, R2, R3, R4 and 3 more" in notes[0]["message"]
    assert notes[1]["message"] == "Assigned to no program: “SPARE”."
    assert "1 note on supporting letters" in result["summary"] and "assigned to no program" in result["summary"]


def test_letters_from_other_clinical_fields_are_supporting_notes_within_the_articles_counts() -> None:
    # Radiology article: 1-2 letters from other US clinicians next to the radiologists'.
    assert [s for s, _ in radiology("R,I1")] == ["note"]
    assert [s for s, _ in radiology("R,I1", "R,G1")] == ["note", "note"]
    assert packet_check.compute({**RADIOLOGY, "assignments": RADIOLOGY["assignments"] + "R,I1\nR,G1\n"})["ok"]
    # A third off-field letter is more than the articles suggest, even for radiology.
    three = radiology("R,I1", "R,G1", "R,I2")
    assert any(s == "warning" and "3 letters from other fields" in m and "at most 2" in m for s, m in three)
    # Outside radiology one supporting letter (earlier field, surgeon mentor) is the articles' count.
    assert [s for s, _ in radiology("A,G1")] == ["note"]
    # Two is a warning, not an error; the preliminary-year advice is said only beside letters from such a year
    # (rank-packet audit s38, 4; tests/test_packet_check.py).
    two = [(s, m) for s, m in radiology("A,G1", "A,N1") if "at most 1 supporting letter for internal-medicine" in m]
    assert [s for s, _ in two] == ["warning"] and "preliminary" not in two[0][1]


def test_windows_line_endings_are_fine() -> None:
    windows = {key: text.replace("\n", "\r\n") for key, text in CLEAN.items()}
    assert packet_check.compute(windows)["problems"] == []


def test_wrong_letters_and_statements_are_still_errors() -> None:
    # A radiologist is a US clinician too: the radiology article's backup packet adds one letter from any of them.
    assert [(s, m.split(":")[0]) for s, m in radiology("A,R2")] == [
        ("note", "The letter “R2” was written for diagnostic-radiology, not internal-medicine")
    ]
    # A supporting letter cannot stand in for the field's own letters.
    no_own = {**RADIOLOGY, "assignments": "program,document\nA,SA\nA,I1\nA,I2\nR,SR\nR,I1\n"}
    assert any("No letter written for diagnostic-radiology" in p["message"] for p in packet_check.compute(no_own)["problems"])
    # Statements are never interchangeable.
    assert any(s == "error" and "The statement “SA” was written for internal-medicine" in m for s, m in radiology("R,SA"))


def test_each_packet_rule() -> None:
    assert [s for s, m in severities(assignments=CLEAN["assignments"] + "A,L3\n") if "L3" in m] == ["note"]
    five = (
        "id,kind,specialty\nS1,statement,internal-medicine\nS2,statement,family-medicine\n"
        + "".join(f"L{i},letter,internal-medicine\n" for i in range(1, 6))
        + "L9,letter,family-medicine\nL8,letter,family-medicine\n"
    )
    many = "program,document\nA,S1\n" + "".join(f"A,L{i}\n" for i in range(1, 6)) + "B,S2\nB,L9\nB,L8\n"
    assert any(
        "5 letters assigned: at most 4 letters per program, the limit of both ERAS and ResidencyCAS" in m
        for m in messages(documents=five, assignments=many)
    )
    assert "No personal statement assigned." in messages(assignments=CLEAN["assignments"].replace("A,S1\n", ""))
    assert any("2 personal statements" in m for m in messages(assignments=CLEAN["assignments"] + "A,S2\n"))
    few = CLEAN["documents"].replace("L4,letter,family-medicine\n", "")
    assert any(
        "Only 1 letter written for family-medicine" in m
        for m in messages(documents=few, assignments=CLEAN["assignments"].replace("B,L4\n", ""))
    )
    assert any("no program named “C”" in m for m in messages(assignments=CLEAN["assignments"] + "C,S1\n"))
    assert any("no document with id “X”" in m for m in messages(assignments=CLEAN["assignments"] + "A,X\n"))
    assert any("unknown specialty “cardiology”" in m for m in messages(programs=CLEAN["programs"] + "C,cardiology\n"))
    assert any("kind must be “letter” or “statement”" in m for m in messages(documents=CLEAN["documents"] + "Z,cv,pediatrics\n"))


def test_every_program_gets_letters_and_its_share_of_the_fields_own() -> None:
    # A program with only a statement passed as "No errors found".
    bare = messages(assignments=CLEAN["assignments"].replace("A,L1\n", "").replace("A,L2\n", ""))
    assert "No letters assigned: programs expect letters written for internal-medicine." in bare
    # One IM letter sent where two were written: the program gets fewer than the reader has.
    assert any(
        m.startswith("Only 1 letter written for internal-medicine assigned here, though you have 2")
        for m in messages(assignments=CLEAN["assignments"].replace("A,L2\n", ""))
    )
    # Radiology asks 1-2 from radiologists (radiology article), so one is not short there.
    assert not any("Only" in m for s, m in radiology("R,I1"))


def test_an_ultra_competitive_field_asks_the_letters_the_competitiveness_check_counts() -> None:
    # Two dermatology letters passed here while the competitiveness check scored them "2 of the 3 expected".
    assert packet_check.minimum_letters("dermatology") == data.letters_expected("dermatology")[0] == 3
    derm = {
        "programs": "name,specialty\nD,dermatology\n",
        "documents": "id,kind,specialty\nS,statement,dermatology\nL1,letter,dermatology\nL2,letter,dermatology\n",
        "assignments": "program,document\nD,S\nD,L1\nD,L2\n",
    }
    assert "Only 2 letters written for dermatology among your documents; the articles advise at least 3" in " ".join(
        p["message"] for p in packet_check.compute(derm)["problems"]
    )
    assert packet_check.minimum_letters("internal-medicine") == 2 and packet_check.minimum_letters("diagnostic-radiology") == 1


def test_tables_pasted_from_a_spreadsheet_are_read_as_they_come() -> None:
    tabs = {key: text.replace(",", "\t") for key, text in CLEAN.items()}
    assert packet_check.compute(tabs)["problems"] == []
    # The template's header with rows copied from a spreadsheet, and the empty columns it copies along.
    mixed = {key: text.split("\n", 1)[0] + "\n" + text.split("\n", 1)[1].replace(",", "\t") for key, text in CLEAN.items()}
    assert packet_check.compute(mixed)["problems"] == []
    trailing = {key: text.replace(",", "\t").replace("\n", "\t\t\n") for key, text in CLEAN.items()}
    assert packet_check.compute(trailing)["problems"] == []
    marked = {**CLEAN, "programs": "\ufeff" + CLEAN["programs"]}
    assert packet_check.compute(marked)["problems"] == []
    old_mac = {key: text.replace("\n", "\r") for key, text in CLEAN.items()}
    assert packet_check.compute(old_mac)["problems"] == []
    capital = {**CLEAN, "documents": CLEAN["documents"].replace("S1,statement", "S1,Statement")}
    assert packet_check.compute(capital)["problems"] == []
    upper = {**CLEAN, "programs": CLEAN["programs"].replace("A,internal-medicine", "A,Internal-Medicine")}
    assert packet_check.compute(upper)["problems"] == []
    assert any(
        "unknown specialty “General Medicine”; write it as a slug" in m
        for m in messages(programs=CLEAN["programs"] + "C,General Medicine\n")
    )
    named = messages(programs=CLEAN["programs"] + "C,Internal Medicine\n")
    assert "Programs, line 4: read “Internal Medicine” as internal-medicine." in named
    assert any(
        "unknown specialty “cardiology”; write it as a slug from the list below the form" in m
        for m in messages(programs=CLEAN["programs"] + "C,cardiology\n")
    )


def test_a_spreadsheet_row_keeps_the_commas_inside_its_cells() -> None:
    # Tab rows holding a comma were split on the comma: "University of California" in "San Diego IM⇥internal-medicine".
    ucsd, smith = "University of California, San Diego IM", "Letter Dr Smith, Cardiology"
    sheet = {
        "programs": f"name\tspecialty\n{ucsd}\tinternal-medicine\n",
        "documents": f"id\tkind\tspecialty\nS1\tstatement\tinternal-medicine\n{smith}\tletter\tinternal-medicine\n"
        "L2\tletter\tinternal-medicine\n",
        "assignments": f"program\tdocument\n{ucsd}\tS1\n{ucsd}\t{smith}\n{ucsd}\tL2\n",
    }
    result = packet_check.compute(sheet)
    assert result["problems"] == [] and [p["program"] for p in result["programs"]] == [ucsd]
    # The template's header typed with commas still heads tab rows, and a quoted comma still stays in its cell.
    typed_header = {key: text.replace("\t", ",", len(packet_check.COLUMNS[key]) - 1) for key, text in sheet.items()}
    assert typed_header["programs"].startswith("name,specialty\n")
    assert packet_check.compute(typed_header)["problems"] == []
    quoted = {key: text.replace("\t", ",").replace(ucsd, f'"{ucsd}"').replace(smith, f'"{smith}"') for key, text in sheet.items()}
    assert packet_check.compute(quoted)["problems"] == []


def test_the_tables_hold_a_packet_for_the_programs_the_site_recommends_and_a_longer_one_says_by_how_much() -> None:
    # 140 programs with real names (about 52 characters), a statement and three letters each: over 20,000 characters.
    names = [f"Henry Ford Health/Wayne State University Program {n:03}" for n in range(140)]
    programs = "name,specialty\n" + "".join(f"{n},internal-medicine\n" for n in names)
    assignments = "program,document\n" + "".join(f"{n},{d}\n" for n in names for d in ("S1", "L1", "L2", "L9"))
    documents = CLEAN["documents"] + "L9,letter,internal-medicine\n"
    assert len(assignments) > 30_000
    started = time.perf_counter()
    result = packet_check.compute({"programs": programs, "documents": documents, "assignments": assignments})
    assert result["ok"] and len(result["programs"]) == 140
    # Ten times that, at the limit, is still quick: every step is linear.
    big = "program,document\n" + "".join(f"{n} {k},S1\n" for k in range(10) for n in names)[: packet_check.TABLE_MAX_CHARS - 20]
    packet_check.compute({"programs": programs, "documents": documents, "assignments": big.rsplit("\n", 1)[0] + "\n"})
    assert time.perf_counter() - started < 5
    with pytest.raises(InputError) as caught:
        packet_check.compute({**CLEAN, "programs": "x" * 227_023})
    assert caught.value.message == "Programs (CSV) must be text of at most 200,000 characters (yours: 227,023)."


def test_a_specialty_written_as_its_name_is_read_as_its_slug_with_a_note() -> None:
    named = {
        **CLEAN,
        "programs": CLEAN["programs"].replace("A,internal-medicine", "A,Internal Medicine"),
        "documents": CLEAN["documents"].replace("L3,letter,family-medicine", "L3,letter,Family Medicine"),
    }
    result = packet_check.compute(named)
    assert result["ok"] and [(p["severity"], p["program"], p["message"]) for p in result["problems"]] == [
        ("note", "A", "Programs, line 2: read “Internal Medicine” as internal-medicine."),
        ("note", "", "Documents, line 6: read “Family Medicine” as family-medicine."),
    ]
    assert result["summary"] == "No errors found. 2 notes on how a specialty was read."
    assert [p["specialty"] for p in result["programs"]] == ["internal-medicine", "family-medicine"]
    radiology = messages(programs="name,specialty\nR,Diagnostic Radiology\n")
    assert "Programs, line 2: read “Diagnostic Radiology” as diagnostic-radiology." in radiology


def test_a_specialty_that_cannot_be_read_is_flagged_once_and_judged_nowhere_else() -> None:
    # "Cardio IM" was refused, then fed the comparisons: "Statement S1 was written for internal-medicine,
    # but this program is in Cardio IM", "No letter written for Cardio IM", "Only 0 letters written for Cardio IM".
    unread = severities(programs=CLEAN["programs"].replace("A,internal-medicine", "A,Cardio IM"))
    assert [s for s, _ in unread] == ["error"] and "unknown specialty “Cardio IM”" in unread[0][1]
    # A document whose specialty cannot be read is never compared with its program's either.
    letter = severities(documents=CLEAN["documents"].replace("L1,letter,internal-medicine", "L1,letter,cardio"))
    statement = severities(documents=CLEAN["documents"].replace("S1,statement,internal-medicine", "S1,statement,cardio"))
    for found in (letter, statement):
        assert [s for s, _ in found] == ["error"] and "unknown specialty “cardio”" in found[0][1]
    # What does not depend on a specialty is still checked.
    bare = messages(programs=CLEAN["programs"] + "C,Cardio IM\n")
    assert "No letters assigned." in bare and "No personal statement assigned." in bare


def test_a_preliminary_or_transitional_program_takes_any_fields_letters_and_statement() -> None:
    # A dermatology applicant must also apply to first-year programs, and was
    # told "unknown specialty 'transitional-year'"; "internal-medicine-preliminary"
    # was read as a categorical internal medicine program (audit s19, journey 2).
    first_year = {
        **CLEAN,
        "programs": CLEAN["programs"] + "T,transitional-year\nP,Medicine-Preliminary\nQ,internal-medicine-preliminary\n",
        "assignments": CLEAN["assignments"] + "T,S2\nT,L1\nT,L3\nP,S1\nP,L4\nQ,S1\nQ,L2\n",
    }
    result = packet_check.compute(first_year)
    assert result["ok"], result["problems"]
    # Any field's statement is taken, with a note suggesting one written for
    # the year (aiminghigh audit s54, 12): one note for each statement.
    assert [(p["severity"], p["program"], p["message"].split(" A preliminary")[0]) for p in result["problems"]] == [
        ("note", "P", "Programs, line 5: read “Medicine-Preliminary” as preliminary-medicine."),
        ("note", "Q", "Programs, line 6: read “internal-medicine-preliminary” as preliminary-medicine."),
        ("note", "T", "The statement “S2” was written for family-medicine."),
        (
            "note",
            "",
            "The statement “S1” was written for internal-medicine and goes to 2 preliminary or transitional programs (P, Q).",
        ),
    ]
    assert [p["specialty"] for p in result["programs"]][2:] == [
        "transitional-year",
        "preliminary-medicine",
        "preliminary-medicine",
    ]
    assert all(p["supporting"] == 0 for p in result["programs"])
    # The counts still apply to them.
    bare = messages(programs=CLEAN["programs"] + "T,prelim surgery\n")
    assert "No letters assigned: programs expect letters about your clinical work, from any field." in bare
    assert "No personal statement assigned." in bare
    assert not [m for m in bare if "written for preliminary-surgery" in m]


def test_names_and_ids_match_whatever_their_case_spacing_or_accent_encoding() -> None:
    composed, decomposed = "Mayag\u00fcez", "Mayagu\u0308ez"
    programs = f"name,specialty\nMetro\u00a0University  IM,internal-medicine\nHospital {composed},family-medicine\n"
    assignments = (
        "program,document\nmetro university im,s1\nMETRO UNIVERSITY IM,L1\nMetro University IM,l2\n"
        f"Hospital {decomposed},S2\nhospital {decomposed.upper()},L3\nHospital\u2003{composed},L4\n"
    )
    result = packet_check.compute({**CLEAN, "programs": programs, "assignments": assignments})
    assert result["problems"] == []
    # The messages and the summary keep the names as the programs table writes them.
    assert [p["program"] for p in result["programs"]] == ["Metro\u00a0University  IM", f"Hospital {composed}"]
    twice = severities(programs=programs, assignments=assignments + "Metro University IM,S1\n")
    assert twice == [("warning", "Assignments, line 8: “S1” is assigned to this program twice.")]
    assert "Programs, lines 2 and 4 are both named “a”: give each program a name of its own" in " ".join(
        messages(programs=CLEAN["programs"] + "a,internal-medicine\n")
    )
    missing = messages(assignments=CLEAN["assignments"] + "Metro IM,S1\n")
    assert "Assignments, line 8: no program named “Metro IM” in the programs table." in missing


SHORT = "(a missing separator, or a line break inside a cell, leaves a row short)"
UNCLOSED = "(a double quote here is not closed on this line: each row must stay on one line)"


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        (
            "programs",
            "program,specialty\nA,pediatrics\n",
            "Programs, line 1: the header has no column “name” (its columns: “program”, “specialty”). The first line "
            "must name the columns name,specialty, in any order, separated by commas, semicolons or tabs.",
        ),
        (
            "documents",
            "id,kind,specialty\nS1,statement\n",
            f"Documents, line 2: expected 3 columns (id,kind,specialty), found 2 {SHORT}.",
        ),
        ("assignments", "program,document\nA,S1\n\nA,\n", "Assignments, line 4: document is empty."),
        (
            "programs",
            "name\tspecialty\nA\t\n",
            f"Programs, line 2: specialty is empty; {packet_check.NAME_THE_FIELD}.",
        ),
        # A letter's empty cell is told what a letter for no one field takes (fmusimg audit s46, 5).
        (
            "documents",
            "id,kind,specialty\nL-Research,letter,\n",
            "Documents, line 2: specialty is empty; write a field's slug from the list below the form, such as "
            "internal-medicine (a letter for no one field: see this box's help).",
        ),
        (
            "documents",
            "id,kind,specialty\nS1,statement,internal-\rmedicine\n",
            f"Documents, line 3: expected 3 columns (id,kind,specialty), found 1 {SHORT}.",
        ),
        (
            "programs",
            "name,specialty\nMy new program\n",
            f"Programs, line 2: expected 2 columns (name,specialty), found 1 {SHORT}.",
        ),
        (
            "programs",
            '\n\nname,specialty\nA,pediatrics\n"B,pediatrics\nC,pediatrics\n',
            f"Programs, line 5: expected 2 columns (name,specialty), found 1 {UNCLOSED}.",
        ),
        (
            "programs",
            'name,specialty\n"Metro\nIM",internal-medicine\n',
            f"Programs, line 2: expected 2 columns (name,specialty), found 1 {UNCLOSED}.",
        ),
    ],
)
def test_malformed_csv_names_the_line(field: str, text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        packet_check.compute({**CLEAN, field: text})
    assert caught.value.field == field and caught.value.message == message


def test_every_bad_line_of_every_box_is_named_at_once() -> None:
    with pytest.raises(InputError) as caught:
        packet_check.compute(
            {
                "programs": "name,specialty\nA,internal-medicine\nB\nC,\n",
                "documents": "id,kind,specialty\nS1,statement,internal-medicine\nL1,letter\n",
                "assignments": "program,doc\nA,S1\n",
            }
        )
    assert [(e.field, e.message) for e in caught.value.errors] == [
        (
            "programs",
            f"Programs, line 3: expected 2 columns (name,specialty), found 1 {SHORT}. Programs, line 4: specialty is empty; "
            f"{packet_check.NAME_THE_FIELD}.",
        ),
        ("documents", f"Documents, line 3: expected 3 columns (id,kind,specialty), found 2 {SHORT}."),
        (
            "assignments",
            "Assignments, line 1: the header has no column “document” (its columns: “program”, “doc”). The first line "
            "must name the columns program,document, in any order, separated by commas, semicolons or tabs.",
        ),
    ]


def test_a_long_paste_names_its_first_ten_bad_lines_and_counts_the_rest() -> None:
    sheet = "name,specialty\n" + "".join(f"P{n}\n" for n in range(800))
    with pytest.raises(InputError) as caught:
        packet_check.compute({**CLEAN, "programs": sheet})
    message = caught.value.message
    assert message.count("Programs, line") == 10
    assert message.startswith("Programs, line 2: expected 2 columns") and "Programs, line 11:" in message
    assert "line 12:" not in message
    assert message.endswith(" And 790 more bad lines in Programs.")


def test_a_box_in_error_does_not_hide_another_boxs_bad_lines() -> None:
    with pytest.raises(InputError) as caught:
        packet_check.compute({**CLEAN, "programs": "", "documents": "id,kind,specialty\nS1\n"})
    assert [e.field for e in caught.value.errors] == ["programs", "documents"]


def test_the_simulator_names_a_wrong_applicant_and_a_wrong_list_together() -> None:
    with pytest.raises(InputError) as caught:
        rank_simulator.compute({"applicant": "Zed", "alternative_list": "IM-Metro > Nowhere"})
    assert [e.field for e in caught.value.errors] == ["applicant", "alternative_list"]


# --- rank_simulator ------------------------------------------------------------------
def all_matchings(market: Market) -> list[dict[str, str | None]]:
    """Every assignment respecting capacities and both sides' lists (tiny markets)."""
    options = [[None, *[p for p in ranked if a in market.programs[p]]] for a, ranked in market.applicants.items()]
    out = []
    for combo in itertools.product(*options):
        if all(combo.count(p) <= market.seats[p] for p in market.programs):
            out.append(dict(zip(market.applicants, combo, strict=True)))
    return out


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 10_000))
def test_deferred_acceptance_is_stable_and_applicant_optimal(seed: int) -> None:
    market = rank_simulator.random_market(seed)
    matching, steps = deferred_acceptance(market)
    assert blocking_pairs(market, matching) == [] and steps
    stable = [m for m in all_matchings(market) if not blocking_pairs(market, m)]
    assert matching in stable
    for other in stable:  # no stable matching is better for any applicant
        for applicant, ranked in market.applicants.items():
            assert rank_of(ranked, matching[applicant]) <= rank_of(ranked, other[applicant])


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 10_000))
def test_no_applicant_gains_by_misreporting(seed: int) -> None:
    market = rank_simulator.random_market(seed)
    applicant = random.Random(seed).choice(list(market.applicants))
    assert rank_simulator.manipulation_check(market, applicant)["better"] == []


def test_the_check_reports_every_list_that_would_do_better(monkeypatch: pytest.MonkeyPatch) -> None:
    # Under applicant-proposing deferred acceptance no list beats the honest one, so the test above
    # would pass a check that never reports anything.  Here the honest list is made to go unmatched:
    # every list that ends at a program is then better, and the check must name them.
    market = rank_simulator.random_market(3)  # A2 ranks P3 > P1 > P2 and matches P1
    real_outcome = rank_simulator.outcome_with_list
    monkeypatch.setattr(rank_simulator, "outcome_with_list", lambda *args, **kwargs: None)
    check = rank_simulator.manipulation_check(market, "A2")
    assert check["complete"] and check["better"]
    # P3 never ranked A2, so a list ends at whichever of P1 and P2 comes first.
    assert check["better"] == ["P1 > …", "P2 > …", "P3 > P1 > …", "P3 > P2 > …"]
    for listed in check["better"]:
        programs = str(listed).removesuffix(" > …").split(" > ")
        assert real_outcome(market, "A2", programs) == programs[-1], listed


def test_default_market_mixes_specialties_and_reports_the_studied_applicant() -> None:
    result = rank_simulator.compute({})
    assert result["stable"] is True
    assert result["matching"]["Asha"] == "FM-Valley"
    assert result["studied"]["better_reorderings"] == []
    alt = rank_simulator.compute({"alternative_list": "IM-Coast > IM-Metro"})
    assert alt["studied"]["alternative"]["result"] == "IM-Coast"


def test_the_simulators_words_name_what_went_wrong() -> None:
    assert '<strong translate="no">Asha</strong> ranks P and matches P.' in str(
        rank_simulator.render(rank_simulator.compute({"market": "\ufeffAsha: P\nP (1): Asha"}))
    )
    empty = rank_simulator.compute({"market": "A:\nB: P\nP (1): A > B"})
    assert '<strong translate="no">A</strong> ranks no programs, so cannot match.' in str(rank_simulator.render(empty))
    with pytest.raises(InputError, match="separate names with >, not commas"):
        rank_simulator.compute({"market": "A: P, Q\nP (1): A\nQ (1): A"})
    with pytest.raises(InputError, match="“Nowhere” is not one"):
        rank_simulator.compute({"alternative_list": "IM-Metro > Nowhere"})


def test_market_may_be_left_empty_when_a_seed_replaces_it() -> None:
    assert rank_simulator.compute({"market": "", "seed": "42"}) == rank_simulator.compute({"seed": 42})
    for empty in ("", "   "):
        with pytest.raises(InputError) as caught:
            rank_simulator.compute({"market": empty, "seed": ""})
        assert caught.value.field == "market"
        assert caught.value.message == "Market is required unless you enter a seed under Random example (seed)."
    # A seed in error is the thing to fix; the empty Market is not blamed beside it.
    with pytest.raises(InputError) as caught:
        rank_simulator.compute({"market": "", "seed": "x"})
    assert [e.field for e in caught.value.errors] == ["seed"]


def test_seed_generates_a_market_and_the_result_is_json() -> None:
    result = rank_simulator.compute({"seed": 7})
    assert result["market"].startswith("A1:")
    json.dumps(result)


def big_market_text(seed: int = 2026) -> str:
    """200 applicants and 6 programs of 30 positions, under the 5,000-character limit."""
    rng = random.Random(seed)
    programs = [f"P{i}" for i in range(1, 7)]
    applicants = [f"a{i}" for i in range(1, 201)]
    lines = [f"{a}: " + ">".join(rng.sample(programs, 6 if a == "a1" else rng.randint(1, 3))) for a in applicants]
    for program in programs:
        ranked = [a for a in applicants if rng.random() < 0.45]
        rng.shuffle(ranked)
        lines.append(f"{program} (30): " + ">".join(ranked))
    return "\n".join(lines)


def full_rerun(market: Market, applicant: str, ranked: list[str]) -> str | None:
    """The slow, obviously right answer: run the whole match again."""
    return deferred_acceptance(Market({**market.applicants, applicant: ranked}, market.programs, market.seats))[0][applicant]


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 10_000), st.randoms(use_true_random=False))
def test_replaying_one_applicants_chain_matches_a_full_rerun(seed: int, rng: random.Random) -> None:
    market = rank_simulator.random_market(seed)
    applicant = rng.choice(list(market.applicants))
    ranked = rng.sample(list(market.programs), rng.randint(0, len(market.programs)))
    assert outcome_with_list(market, applicant, ranked) == full_rerun(market, applicant, ranked)


def test_a_200_applicant_market_is_checked_in_full_and_agrees_with_full_reruns() -> None:
    text = big_market_text()
    assert len(text) <= 5_000
    result = rank_simulator.compute({"market": text, "applicant": "a1"})
    market = rank_simulator.parse_market(text)
    assert len(market.applicants) == 200 and set(market.seats.values()) == {30}
    assert result["stable"] is True
    studied = result["studied"]
    assert studied["reorderings_tried"] == studied["reorderings_possible"] == 1_956 and studied["complete"]
    assert studied["better_reorderings"] == []
    assert studied["honest_result"] == full_rerun(market, "a1", market.applicants["a1"])
    rng = random.Random(5)
    for _ in range(15):
        ranked = rng.sample(list(market.programs), rng.randint(1, 6))
        assert outcome_with_list(market, "a1", ranked) == full_rerun(market, "a1", ranked)
    assert result["steps_total"] > len(result["steps"]) == rank_simulator.MAX_STEPS_SHOWN
    assert "more followed" in rank_simulator.render(result)


def test_long_lists_are_sampled_up_to_the_cap_and_the_result_says_so() -> None:
    programs = [f"P{i}" for i in range(1, 9)]
    # Every program prefers its own applicant, so A is turned down everywhere
    # and no list can be settled early: the check must stop at its cap.
    text = "A: " + " > ".join(programs) + "\n" + "".join(f"B{p}: {p}\n{p} (1): B{p} > A\n" for p in programs)
    result = rank_simulator.compute({"market": text})
    studied = result["studied"]
    assert studied["reorderings_possible"] == rank_simulator.count_lists(8) == 109_600
    assert not studied["complete"] and "a sample, not a proof" in studied["note"]
    assert 0 < studied["reorderings_tried"] < studied["reorderings_possible"]
    assert "in that sample" in result["summary"]
    off = rank_simulator.compute({"market": text, "check_reorderings": False})
    assert off["studied"]["reorderings_tried"] == 0 and "switched off" in off["studied"]["note"]
    # The spoken summary said "checked 0 of the 109,600 possible lists" (a11y-phone audit s36, 4).
    assert off["summary"].endswith("the reordering check is switched off.") and "checked" not in off["summary"]


@pytest.mark.parametrize("seats", ["9" * 4400, "10001", "-3", "0", "000"])
def test_absurd_seat_counts_are_input_errors(seats: str) -> None:
    with pytest.raises(InputError) as caught:
        rank_simulator.compute({"market": f"Asha: X\nX ({seats}): Asha\n"})
    assert caught.value.field == "market" and caught.value.message.startswith("Market, line 2: X ")


@pytest.mark.parametrize(
    ("inputs", "field", "message"),
    [
        ({"market": "Asha: X\n"}, "market", "Market must define at least one applicant and one program"),
        ({"market": "Asha: X\nX (0): Asha\n"}, "market", "Market, line 2: X needs at least 1 position."),
        ({"market": "Asha: Y\nX (1): Asha\n"}, "market", "Market, line 1: Asha ranks “Y”, which is not a program."),
        ({"market": "Asha: X\nAsha: X\nX (1): Asha\n"}, "market", "Market, line 2: “Asha” is defined twice."),
        ({"market": "just words\n"}, "market", "Market, line 1: write"),
        ({"applicant": "Zed"}, "applicant", "Applicant to study must be one of: Asha, Ben, Chen, Dana."),
        ({"alternative_list": "Nowhere > IM-Metro"}, "alternative_list", "must name programs from the market"),
        # Names match exactly; "im-metro" read only as "not a program" (a name that differs only in capitals).
        (
            {"market": "Asha: im-metro\nIM-Metro (1): Asha\n"},
            "market",
            "Market, line 1: Asha ranks “im-metro”, which is not a program; “im-metro” differs from “IM-Metro” "
            "only in capitals, and names must match exactly.",
        ),
        (
            {"market": "Asha: X\nX (1): asha\n"},
            "market",
            "Market, line 2: X ranks “asha”, who is not an applicant; “asha” differs from “Asha” only in capitals",
        ),
        ({"applicant": "dana"}, "applicant", "Dana; “dana” differs from “Dana” only in capitals"),
        ({"alternative_list": "fm-valley > IM-Metro"}, "alternative_list", "“fm-valley” differs from “FM-Valley”"),
    ],
)
def test_simulator_input_errors(inputs: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        rank_simulator.compute(inputs)
    assert caught.value.field == field and message in caught.value.message


# --- cycle dates on guide pages ------------------------------------------------------
@pytest.mark.parametrize(
    ("pinned", "season", "shown"),
    [
        (dt.date(2026, 3, 1), "Match 2026", "20 March 2026"),  # published: the NRMP's own date
        (dt.date(2026, 11, 24), "Match 2027", "around 19 March 2027"),  # not yet published: an estimate
    ],
)
def test_guides_name_the_season_and_source_of_each_date(
    monkeypatch: pytest.MonkeyPatch, pinned: dt.date, season: str, shown: str
) -> None:
    import macros

    pin_build_date(monkeypatch, pinned)
    assert cycle.reference_date() == pinned
    assert macros.cycle_season() == season
    html = macros.cycle_date("match_day")
    assert shown in html and f"({season}:" in html
    assert ("NRMP" in html) == (season == "Match 2026")
    assert ("estimated by rule" in html) == (season == "Match 2027")
    assert "Key dates of the " + season in macros.cycle_dates_table()
    with pytest.raises(KeyError):
        macros.cycle_date("interview_day")
    # "Match Day on around 19 March": the preposition comes with the date, "on" or "around".
    on = str(macros.cycle_date("match_day", on=True))
    assert on.startswith("<strong>around ") if season == "Match 2027" else on.startswith("<strong>on ")


def test_the_timeline_starts_from_the_builds_date_when_no_date_is_given() -> None:
    """In a terminal and on the prerendered page: the same "today" as the
    guides' season (the browser then puts in the device's date)."""
    result = timeline.compute({})
    assert result["today"] == cycle.reference_date().isoformat()
    assert f"Plan for the Match {result['match_year']} as of {cycle.long_date(cycle.reference_date())}:" in result["summary"]


@pytest.mark.parametrize(
    ("pinned", "note"),
    [
        # After review starts and before Match Day: the guides' season is closed to new applicants.
        (dt.date(2026, 12, 1), "for the Match 2027, which is still running"),
        # In July both are the same season on the build's date.
        (dt.date(2026, 7, 1), "for the Match 2027, the next season you can still apply to on time"),
    ],
)
def test_the_timeline_pages_say_when_the_calculator_plans_a_later_season_than_their_dates(
    monkeypatch: pytest.MonkeyPatch, pinned: dt.date, note: str
) -> None:
    import macros

    pin_build_date(monkeypatch, pinned)
    html = str(macros.cycle_planning_note())
    assert note in html
    planned = timeline.compute({"today": pinned})["match_year"]
    if planned != 2027:
        assert f"plans the Match {planned} instead" in html and planned == 2028
        # Estimated by rule, and written as every guide writes such a date
        # (code audit s23, 2: "on or around" here, "around" elsewhere).
        assert "around 23 September 2026" in html and "on or around" not in html
        assert str(macros.cycle_date("programs_receive", 2027, on=True)) in html
    else:
        assert "the calculator plans the same season" in html


@pytest.mark.parametrize("pinned", [dt.date(2026, 6, 1), dt.date(2026, 12, 1)])
def test_the_planning_note_dates_its_season_and_says_the_calculator_counts_from_the_readers_date(
    monkeypatch: pytest.MonkeyPatch, pinned: dt.date
) -> None:
    # Built on 1 June 2026 and read on 2 December, the page had no note at all
    # and named the Match 2027, while the calculator beside it planned the
    # Match 2028 from the reader's date, with nothing to say why.
    import macros

    pin_build_date(monkeypatch, pinned)
    html = unescape(str(macros.cycle_planning_note()))
    built = cycle.long_date(pinned)
    assert html.count(f"As of {built}, when this page was built") == 1
    assert html.count("as of") + html.count("As of") == 1, "once in the note, not beside every date"
    assert "today's date on your device" in html


def test_the_dates_table_of_the_current_season_says_when_it_was_current(monkeypatch: pytest.MonkeyPatch) -> None:
    import macros

    pin_build_date(monkeypatch, dt.date(2026, 12, 1))
    assert "Key dates of the Match 2027, the current season as of 1 December 2026, when this page was built" in str(
        macros.cycle_dates_table()
    )
    # A season asked for by its year is not the current one.
    asked = str(macros.cycle_dates_table(2026))
    assert "Key dates of the Match 2026</caption>" in asked and "as of" not in asked


def test_every_guide_block_that_names_the_season_says_when_it_was_current() -> None:
    # Pages keep the season of the day they were built; a paragraph naming it
    # ("For the Match 2027, certify it by 17 February 2027") read months later
    # stated a passed deadline as an instruction, with no date to judge it by.
    docs = Path(__file__).resolve().parent.parent / "docs"
    naming = []
    for page in sorted(docs.rglob("*.md")):
        for block in page.read_text(encoding="utf-8").split("\n\n"):
            if "cycle_season()" in block:
                naming.append(page.name)
                assert block.count("cycle_as_of()") == 1, f"{page.relative_to(docs)}: {block[:120]}"
    assert len(naming) >= 4, naming


def test_letters_statements_and_lists_take_the_img_articles_earlier_dates() -> None:
    # The IMG article: 3-6 months before ERAS opens; the orthopaedics article: 3-6 months before submission.
    # The timeline guide tells readers to take the earlier date, and the calculator must agree with it.
    result = timeline.compute({"today": "2025-01-01", "eras_submission": "2026-09-02", "dual_applying": True})
    dated = {m["title"]: dt.date.fromisoformat(m["date"]) for m in result["milestones"]}
    eras_opens = cycle.season(2027)["eras_opens"].date
    for title in ("Request letters", "Draft your personal statement", "Draft the backup statement", "Build your program lists"):
        assert timeline.months_from(eras_opens, -6) <= dated[title] <= timeline.months_from(eras_opens, -3), title
        assert dated[title] < timeline.months_from(dt.date(2026, 9, 2), -5), title


def test_a_reapplicant_prepares_for_the_lane_after_choosing_it() -> None:
    # Unmatched on 20 March 2026 and reapplying at once: letters and statements dated January to March
    # belonged to the failed application, and drafting them before the choice would be drafting blind.
    result = timeline.compute({"today": "2026-03-25", "previously_unmatched": True})
    dated = {m["title"]: m for m in result["milestones"]}
    chosen = dated["Choose: reapply, dual apply or pivot"]["date"]
    assert chosen == "2026-04-03"
    for title in ("Request letters", "Draft your personal statement", "Draft the backup statement", "Build your program lists"):
        assert chosen < dated[title]["date"] < dated["Mentor review of each packet"]["date"], title
        assert "Moved after your choice of lane" in dated[title]["detail"]
    # The debrief and the choice replace the first-time applicant's own deciding steps.
    assert not {"Confirm your first choice", "Get an honest outside assessment", "Decide firmly whether to dual apply"} & set(
        dated
    )
    # A reapplicant a year ahead keeps the whole plan after the choice, unmoved.
    later = {
        m["title"]: m
        for m in timeline.compute({"today": "2026-04-10", "eras_submission": "2027-09-08", "previously_unmatched": True})[
            "milestones"
        ]
    }
    assert later["Request letters"]["date"] == "2027-01-02" and "Moved" not in later["Request letters"]["detail"]
    # Deciding again months after the choice would undo it: those steps are left out whenever they fall.
    assert not {"Get an honest outside assessment", "Decide firmly whether to dual apply"} & set(later)


def test_the_plan_says_what_its_two_ticks_add_or_leave_out() -> None:
    # The result named no effect of "dual applying" or of a past no-match left unticked.
    dual = timeline.compute({"dual_applying": True})
    alone = timeline.compute({"dual_applying": False})
    added = {m["title"] for m in dual["milestones"]} - {m["title"] for m in alone["milestones"]}
    assert added == set(timeline.DUAL_TITLES)
    assert any(n.startswith("Dual applying adds: ") and all(t in n for t in added) for n in dual["notes"])
    assert any(n.startswith("Not dual applying, so the plan leaves out") for n in alone["notes"])
    assert any("I applied before and did not match" in n for n in alone["notes"])
    again = timeline.compute({"previously_unmatched": True})
    assert not any(n.startswith("A first application") for n in again["notes"])


def test_the_timeline_names_an_article_by_its_short_name_and_cites_it_once() -> None:
    # The full citation in every row made each printed row a dozen lines deep.
    html = str(timeline.render(timeline.compute({})))
    full = data.ARTICLE_IMG.cite()
    assert html.count(data.ARTICLE_IMG.title) == 1 and full not in html
    assert '<td data-label="Source">IMG article</td>' in html


def test_an_estimate_set_early_on_purpose_reads_as_a_date_to_act_by() -> None:
    # "around 17 February 2027" read as a best guess of a date the rule puts a
    # week early on purpose.
    import macros

    estimated = str(macros.cycle_date("rank_deadline", 2027))
    assert "by 17 February 2027, an estimate set early on purpose" in estimated
    assert "around" in str(macros.cycle_date("match_day", 2027)), "other estimates are best guesses"
    assert "early on purpose" not in str(macros.cycle_date("rank_deadline", 2026)), "a published deadline is as published"


def test_after_our_early_estimate_of_the_last_day_to_register_the_plan_says_it_may_still_be_open() -> None:
    # Between our estimate (set a week early on purpose) and Match Week, the row read "Past"
    # with no word that the NRMP's own deadline may be days ahead.
    result = timeline.compute({"today": dt.date(2027, 2, 20), "eras_submission": dt.date(2026, 10, 1)})
    late = cycle.season(2027)["late_registration_ends"]
    assert late.estimated_early and late.date < dt.date(2027, 2, 20)
    note = next(n for n in result["notes"] if "last day to register" in n)
    assert "set early on purpose" in note and "NRMP's own deadline may be later: check its calendar today" in note
    assert "If you have not registered or certified your rank list, do it at once." in note


def test_submitting_today_still_names_the_steps_that_fell_before_it() -> None:
    # With today as the submission date the note was skipped, and a missed final check read as done.
    day = dt.date(2026, 12, 2)
    result = timeline.compute({"today": day, "eras_submission": day})
    assert any("fell before today" in note for note in result["notes"])


def test_given_no_date_after_review_starts_the_plan_says_the_running_season_still_takes_late_applications() -> None:
    # From the review start to the rank-list deadline the plan moved to the next Match
    # with no word that a late application to the season under review was still possible.
    result = timeline.compute({"today": dt.date(2027, 9, 30)})
    assert result["match_year"] == 2029
    late = [n for n in result["notes"] if "You can still apply for the Match 2028, late" in n]
    # By the last useful day, not the rank-list deadline (couples audit s54, 11).
    assert len(late) == 1 and "enter a submission date by about 19 December 2027" in late[0]
    # A reader already in that season, as a reapplicant who ticked the
    # no-match box may be, learns its ranking is not in this plan.
    # Its own note, just after (diff review s54, 19).
    following = result["notes"][result["notes"].index(late[0]) + 1]
    assert following.startswith("Applied to the Match 2028 already? That season is still under way.")
    assert "To plan that season, enter the date you submitted. This plan, for the Match 2029" in following
    before_review = timeline.compute({"today": dt.date(2027, 7, 1)})
    assert not [n for n in before_review["notes"] if "You can still apply for the Match" in n]


def test_a_seeded_example_shows_the_market_it_made_and_that_market_gives_the_same_match() -> None:
    # With a seed the result named applicants and programs whose lists were shown nowhere.
    seeded = rank_simulator.compute({"seed": 7, "market": ""})
    shown = re.search(r'<pre class="mpb-market">(.*?)</pre>', str(rank_simulator.render(seeded)), re.S)
    assert shown is not None
    again = rank_simulator.compute({"market": unescape(shown.group(1)), "applicant": seeded["studied"]["applicant"]})
    assert again["matching"] == seeded["matching"]
    typed = rank_simulator.compute({"market": unescape(shown.group(1))})
    assert "mpb-market" not in str(rank_simulator.render(typed))


def test_a_program_line_without_positions_is_named_where_it_was_misread() -> None:
    # "Asha ranks FM-Valley, which is not a program" pointed at Asha's line;
    # FM-Valley's own line, missing "(1)", was the mistake.
    market = "Asha: FM-Valley\nFM-Valley: Asha\nIM-City (1): Asha"
    with pytest.raises(InputError) as caught:
        rank_simulator.parse_market(market)
    assert "line 2 defines it without positions" in caught.value.message
    assert "write “FM-Valley (1): …”" in caught.value.message
    with pytest.raises(InputError, match="“IM-City” appears twice in Asha's list"):
        rank_simulator.parse_market("Asha: IM-City > IM-City\nIM-City (1): Asha")


def test_the_timelines_headline_leads_with_the_next_step() -> None:
    # A phone keeps three lines of the headline in view while the reader edits; the next date was the part cut.
    result = timeline.compute({"today": "2026-01-10", "eras_submission": "2027-09-10"})
    assert re.match(r"Next: .+ on .+\. Plan for the Match 2028 as of 10 January 2026: \d+ milestones ahead", result["summary"])


def test_whether_registration_is_open_is_one_answer_for_the_guides_and_the_timeline() -> None:
    # The no-match guide and the timeline's catch-up note each compared the
    # registration dates by hand (code audit s23, 2).
    dates = cycle.season(2027)
    early, late = dates["early_registration_ends"].date, dates["late_registration_ends"].date
    one = dt.timedelta(days=1)
    assert cycle.registration(2027, early) == "on-time"
    assert cycle.registration(2027, early + one) == "late-fee"
    assert cycle.registration(2027, late) == "late-fee"
    after = cycle.registration(2027, late + one)
    assert after == ("may-be-open" if dates["rank_deadline"].estimated_early else "closed")
    assert cycle.registration(2027, dates["match_week"].date) == "closed"


@pytest.mark.parametrize(
    ("pinned", "said", "not_said"),
    [
        (dt.date(2026, 6, 1), "programs start reviewing applications for the Match 2027 around 23 September", "since"),
        (dt.date(2026, 12, 4), "have been reviewing applications for the Match 2027 since around 23 September", "start"),
        (dt.date(2027, 2, 20), "rank-list deadline has passed, and the NRMP's own may be days away", "not over"),
        (dt.date(2026, 3, 1), "the Match 2026's rank lists are certified, so no new application", "not over"),
    ],
)
def test_the_short_of_interviews_section_says_where_the_season_stands_on_the_build_date(
    monkeypatch: pytest.MonkeyPatch, pinned: dt.date, said: str, not_said: str
) -> None:
    # The same words all year told a reader in March that they could still
    # send applications, and one in June that programs "have been reviewing
    # since" September (diff review s31, 2).
    import macros

    pin_build_date(monkeypatch, pinned)
    shown = unescape(re.sub(r"<[^>]+>", "", str(macros.cycle_short_of_interviews())))
    assert shown.startswith(f"As of {cycle.long_date(pinned)}, when this page was built, ")
    assert said in shown and not_said not in shown, shown
    assert "since on" not in shown
    guide = (ROOT / "docs" / "apply" / "timeline.md").read_text(encoding="utf-8")
    assert "{{ cycle_short_of_interviews() }}" in guide


@pytest.mark.parametrize("pinned", [dt.date(2026, 6, 1), dt.date(2026, 12, 4), dt.date(2027, 2, 20), dt.date(2026, 3, 1)])
def test_a_playbooks_note_for_a_running_season_is_dated_and_points_at_no_list_of_its_own(
    monkeypatch: pytest.MonkeyPatch, pinned: dt.date
) -> None:
    # The playbooks an orthopaedics reader lands on knew nothing of a running
    # season; their note reuses the timeline's words, which lead into its list
    # ("the advice above assumes:", "the first item below"), so on a playbook
    # each state must end a sentence of its own (usmd-ortho audit s41, 6).
    import macros

    pin_build_date(monkeypatch, pinned)
    inline = unescape(re.sub(r"<[^>]+>", "", str(macros.cycle_short_of_interviews())))
    alone = unescape(re.sub(r"<[^>]+>", "", str(macros.cycle_short_of_interviews(standalone=True))))
    assert inline.endswith(":") and alone.endswith(".")
    assert alone.startswith(f"As of {cycle.long_date(pinned)}, when this page was built, ")
    assert not any(word in alone for word in ("above", "below")), alone
    # The same state, said the same way up to where the timeline's list begins.
    assert alone[:60] == inline[:60]
    for page in ("playbook-orthopaedics.md", "playbook-ultra-competitive.md"):
        text = (ROOT / "docs" / "backup" / page).read_text(encoding="utf-8")
        note = text[: text.index("## ")]
        assert "{{ cycle_short_of_interviews(standalone=True) }}" in note, page
        assert "(../apply/timeline.md#already-applied-and-short-of-interviews)" in note, page
        this_week = text[text.index("## What to do this week") :].split("\n## ")[0]
        first = this_week.split("\n- ")[1]
        assert "(../apply/timeline.md#already-applied-and-short-of-interviews)" in first and "already applied" in first.lower()


def test_a_playbooks_note_points_first_and_dates_after_and_keeps_the_research_year_to_us_seniors() -> None:
    # The pointer, the note's purpose, came after some 90 words of dates; and
    # the ultra playbook, written for US-citizen IMGs, said unqualified that a
    # research year has to be settled before the rank lists close, a deadline
    # that binds a US senior staying at school (newwords audit s41, 6).
    for page in ("playbook-orthopaedics.md", "playbook-ultra-competitive.md"):
        text = (ROOT / "docs" / "backup" / page).read_text(encoding="utf-8")
        note = text[: text.index("## ")].split('!!! note "Applications already out?"')[1].split("!!! note")[0]
        pointer = note.index("(../apply/timeline.md#already-applied-and-short-of-interviews)")
        assert pointer < note.index("{{ cycle_short_of_interviews(standalone=True) }}"), page
        for before in note.split("research year")[:-1]:
            assert "US MD or DO senior" in before[-60:], page
        this_week = text[text.index("## What to do this week") :].split("\n## ")[0]
        for line in this_week.split("\n- "):
            if "research year" in line:
                assert re.search(r"US (MD or DO )?senior", line), page


def test_after_the_last_milestone_the_timeline_counts_in_words_and_offers_no_empty_calendar() -> None:
    # On Match Day it said "1 milestones ahead"; the day after, it offered a
    # calendar holding no event; of a season years past, that its dates were
    # not published "yet" (fuzz audit s33, F3).
    # The plan of an application already out ends with the List of Unfilled
    # Programs, open until 1 May (midseason audit s52, 5).
    on_the_day = timeline.compute({"today": dt.date(2027, 5, 1), "eras_submission": dt.date(2026, 11, 14)})
    assert ": 1 milestone ahead," in on_the_day["summary"]
    assert "the 1 milestone still ahead" in unescape(str(timeline.render(on_the_day)))
    after = timeline.compute({"today": dt.date(2027, 5, 2), "eras_submission": dt.date(2026, 11, 14)})
    shown = unescape(str(after["ics_count"] == 0 and timeline.render(after)))
    assert "match-plan-b-timeline.ics" not in shown and "No milestone is still ahead" in shown
    long_past = timeline.compute({"today": dt.date(2032, 1, 8), "eras_submission": dt.date(2024, 9, 18)})
    assert not any(" dates yet," in note for note in long_past["notes"]), long_past["notes"]


def test_an_applicant_who_ranks_nothing_is_not_said_to_have_lists_tried() -> None:
    # "0 of 0 possible lists tried, no other lists tried" (fuzz audit s33, F4).
    summary = rank_simulator.compute({"market": "A:\nP (1): A"})["summary"]
    assert "0 of 0" not in summary and "A ranks no program, so there is no other list to try." in summary


def test_a_registration_row_past_its_day_says_registration_closed() -> None:
    # Marked past, the row still said "register now: this is the last day" (fuzz audit s34, F4).
    # From Match Week: before it, past our early estimate, it may still be open (date sweep s40, 1).
    result = timeline.compute({"today": "2025-03-17", "eras_submission": "2024-09-18"})
    late = next(m for m in result["milestones"] if m["title"] == LATE_REGISTRATION)
    assert late["past"]
    assert "register now" not in late["detail"] and "could not match this season" in late["detail"]


@pytest.mark.parametrize(
    "typed",
    [
        "Internal Medicine/Pediatrics",
        "internal-medicine-pediatrics",
        "Psychiatry-Family Medicine",
        "Pediatrics-Preliminary",
        "Neurology - Child",
        "general",
    ],
)
def test_a_combined_field_or_a_word_that_names_none_is_not_read_as_a_listed_field(typed: str) -> None:
    # Read by its first word, a Med-Peds program sent the internal medicine
    # statement passed as "No errors found", and a "general" letter counted as
    # a surgery letter (packet-check audit s35, 1).
    found = packet_check.compute({**CLEAN, "programs": CLEAN["programs"] + f'C,"{typed}"\n'})
    errors = [p["message"] for p in found["problems"] if p["severity"] == "error" and p["program"] == "C"]
    assert not found["ok"] and f"“{typed}”" in errors[0] and "Programs, line 4" in errors[0]
    assert packet_check.read_specialty(typed) == (None, False)


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Radiology-Diagnostic", "diagnostic-radiology"),
        ("Surgery-General", "general-surgery"),
        ("Physical Medicine and Rehabilitation", "pmr"),
        ("Psychiatry (categorical)", "psychiatry"),
        ("psych", "psychiatry"),
        # A program's own track is still its field (diff review s35, 2).
        ("Internal Medicine - Primary Care", "internal-medicine"),
        ("Family Medicine - Rural Track", "family-medicine"),
        ("Internal Medicine Research Track", "internal-medicine"),
        ("Anesthesiology (Advanced)", "anesthesiology"),
    ],
)
def test_the_nrmps_names_and_a_fields_own_qualifiers_are_read(typed: str, slug: str) -> None:
    assert packet_check.read_specialty(typed) == (slug, True)


def test_a_pasted_table_is_read_whatever_a_spreadsheet_or_a_web_page_put_in_it() -> None:
    # A cell past csv's own 131,072 characters raised an error no message
    # named; a zero-width space or a curly apostrophe kept two names that look
    # alike apart; a comma inside a name said nothing of quoting it
    # (packet-check audit s35, 6).
    long_name = "x" * 150_000
    found = packet_check.compute({**CLEAN, "programs": CLEAN["programs"] + f"{long_name},internal-medicine\n"})
    assert any(p["program"] == long_name for p in found["problems"])
    curly = packet_check.compute(
        {
            **CLEAN,
            "programs": "name,specialty\nSt. Mary\u2019s\u200b,internal-medicine\nB,family-medicine\n",
            "assignments": CLEAN["assignments"].replace("A,", "St. Mary's,"),
        }
    )
    assert curly["ok"], curly["problems"]
    with pytest.raises(InputError, match="a comma inside a name, which needs straight double quotes"):
        packet_check.compute({**CLEAN, "programs": "name,specialty\nUniversity of California, San Diego,pediatrics\n"})


def test_the_rank_simulator_counts_lists_quickly_and_says_only_what_it_checked() -> None:
    # Summing perm() took 7 s for the longest market the box holds, and its
    # 1,285-digit count was read aloud; switched off, the check still said no
    # other list did better; the reader's own made-up market read as a
    # forecast (rank-simulator audit s35, 1, 2, 5).
    assert [rank_simulator.count_lists(n) for n in range(13)] == [
        sum(math.perm(n, k) for k in range(1, n + 1)) for n in range(13)
    ]
    started = time.perf_counter()
    assert rank_simulator.count_lists(555) > 10**1000
    assert time.perf_counter() - started < 1
    assert rank_simulator.how_many(10**12 - 1) == "999,999,999,999"
    assert rank_simulator.how_many(10**12) == "more than a trillion"
    off = rank_simulator.compute({"check_reorderings": False})
    shown = unescape(str(rank_simulator.render(off)))
    assert "switched off, so no other lists were tried" in shown and "none gets a program preferred" not in shown
    assert "not where you will match" in shown


def test_a_name_typed_in_another_unicode_form_is_the_same_name() -> None:
    # A "Zoë" typed with a combining mark was not the "Zoë" a line above
    # (rank-simulator audit s35, 7).
    result = rank_simulator.compute({"market": "Zo\u00eb: P1\nP1 (1): Zoe\u0308\n", "applicant": "Zoe\u0308"})
    assert result["matching"] == {"Zo\u00eb": "P1"}


def test_a_packet_with_thousands_of_problems_lists_the_first_ones_errors_first() -> None:
    # A box filled to its limit made 6,940 rows and 2.9 MB of page (packet-check audit s35, 9).
    programs = "name,specialty\n" + "".join(f"P{i},internal-medicine\n" for i in range(600))
    result = packet_check.compute(
        {"programs": programs, "documents": CLEAN["documents"], "assignments": CLEAN["assignments"][:17]}
    )
    shown = unescape(str(packet_check.render(result)))
    rows = shown.count("<tr>") - 2  # the header rows of the two tables
    assert len(result["problems"]) > packet_check.MAX_PROBLEMS_SHOWN
    assert f"The first {packet_check.MAX_PROBLEMS_SHOWN} are shown, errors first" in shown
    assert rows < len(result["problems"]) + 600


@pytest.mark.parametrize(
    ("inputs", "added"),
    [
        ({"applicant_type": "non-us-img"}, True),
        ({"applicant_type": "us-img"}, False),
        ({"applicant_type": "us-img", "needs_visa": "true"}, True),
        ({"applicant_type": "non-us-img", "needs_visa": "false"}, False),
    ],
)
def test_a_reader_who_needs_a_visa_gets_a_dated_step_for_it(inputs: dict[str, object], added: bool) -> None:
    """The guide gave the visa and Step 3 lead times; the dated plan had no
    step for them (timeline audit s36, 4)."""
    result = timeline.compute({"today": "2026-01-05", "eras_submission": "2027-09-08", **inputs})
    steps = {m["title"]: m for m in result["milestones"]}
    assert (timeline.VISA_STEP in steps) == added
    assert any(timeline.VISA_STEP in n for n in result["notes"]) == added
    if added:
        step = steps[timeline.VISA_STEP]
        # Beside the clinical experience, fifteen months before the usual submission.
        assert step["date"] == steps["Plan US clinical experience"]["date"]
        # Sourced to the law its H-1B words rest on first (h1bvisa audit s47, 9), then
        # to every source its words name briefly (planner audit s54, 7).
        assert step["source"] == timeline.cited_together(*timeline.VISA_STEP_SOURCES) and "Statement of Need" in step["detail"]
        assert step["source"].startswith(data.INA_H1B.cite()) and data.H1B_CAP_EXEMPT.cite() in step["source"]
        # The FSMB's lead times are on the H-1B Step 3 apply row (diff review s39, 8), and
        # only there: the pass-in-hand row points to it (diff review s41, 4).
        step3 = steps[timeline.H1B_STEP3_APPLY]["detail"]
        assert "up to 12 weeks" in step3 and "about 2 weeks for the permit" in step3
        assert "up to 12 weeks" not in steps[timeline.H1B_STEP3]["detail"]
        assert timeline.H1B_STEP3_APPLY in steps[timeline.H1B_STEP3]["detail"]
        (event,) = [e for e in parse_ics(result["ics"]) if e["SUMMARY"].startswith("Check each program")]
        assert event["DTSTART;VALUE=DATE"] == step["date"].replace("-", "")


@pytest.mark.parametrize("applicant", ["us-do", "us-md"])
def test_a_us_graduate_who_needs_a_visa_is_not_given_the_img_visa_step(applicant: str) -> None:
    """Step 3 for an H-1B and ECFMG's J-1 are an IMG's route; a DO with COMLEX
    only cannot sit Step 3 (COMLEX audit s37, 5)."""
    result = timeline.compute(
        {"today": "2026-01-05", "eras_submission": "2027-09-08", "applicant_type": applicant, "needs_visa": "true"}
    )
    steps = {m["title"]: m for m in result["milestones"]}
    assert timeline.VISA_STEP not in steps
    step = steps[timeline.VISA_STEP_US_GRADUATE]
    assert "this site holds none of them" in step["detail"] and "ECFMG" not in step["detail"]
    assert step["source"] == data.FSMB_STEP3_REQUIREMENTS.cite() and "(FSMB)" in step["detail"]
    assert "COMLEX only" in step["detail"]
    assert step["date"] == steps["Plan US clinical experience"]["date"]
    assert any(timeline.VISA_STEP_US_GRADUATE in n for n in result["notes"])
    no_visa = timeline.compute({"today": "2026-01-05", "eras_submission": "2027-09-08", "applicant_type": applicant})
    assert timeline.VISA_STEP_US_GRADUATE not in {m["title"] for m in no_visa["milestones"]}


def test_the_interview_seasons_end_says_it_moves_with_the_early_deadline() -> None:
    """Its last day is the day before the rank-list deadline, an estimate set
    early on purpose; it said only "(estimated)", and its calendar title
    nothing (timeline audit s36, 6)."""
    # Sent after programs start reviewing, so its start is the reader's own date, a month on.
    result = timeline.compute({"today": "2026-12-05", "eras_submission": "2027-09-29", "applicant_type": "us-img"})
    (season,) = [m for m in result["milestones"] if m["title"] == "Interview season"]
    assert timeline.shown_end(season).endswith("(estimated, set early on purpose)")
    (event,) = [e for e in parse_ics(result["ics"]) if e["SUMMARY"].startswith("Interview season")]
    assert event["SUMMARY"] == "Interview season (ends on an estimated date\\, set early on purpose)"
    # A published deadline: no mark on either.
    published = timeline.compute({"today": "2025-08-01", "eras_submission": "2025-09-03", "applicant_type": "us-img"})
    (season,) = [m for m in published["milestones"] if m["title"] == "Interview season"]
    assert "estimated" not in timeline.shown_end(season)


def test_what_is_heard_names_the_past_steps_that_come_first_and_the_visa_check_among_them() -> None:
    """Heard, the plan's next step was January's letters; the overdue visa
    check, with the longest lead times, was only in the table (keyboard-sr audit s37, 3)."""
    result = timeline.compute({"today": "2026-12-05", "applicant_type": "non-us-img"})
    missed = [m for m in result["milestones"] if m["past"]]
    assert any(m["title"] == timeline.VISA_STEP for m in missed)
    assert f"The visa check and {len(missed) - 1} other past steps come first if not done yet." in result["summary"]
    citizen = timeline.compute({"today": "2026-12-05", "applicant_type": "us-img"})
    assert f"{citizen['past_count']} past steps come first if not done yet." in citizen["summary"]
    assert citizen["summary"].startswith("Next: ")
    # 20 with the IMG's Step 2 CK row (late-season audit s39, 6).
    assert citizen["announced"] == citizen["summary"].split(" Plan for the Match")[0] + " Match 2028 plan: 21 milestones ahead."
    # Ticking the calendar's option is heard too (keyboard-sr audit s37, 9).
    with_past = timeline.compute({"today": "2026-12-05", "applicant_type": "us-img", "include_past": "true"})
    assert with_past["announced"].endswith(f"; calendar file: all {with_past['ics_count']}.")
    # Days from submitting, the note says not to wait for the months of work,
    # and what is heard says the same (diff review s37, 1).
    late = timeline.compute({"today": "2027-08-30", "eras_submission": "2027-09-08", "needs_visa": "true"})
    assert (
        "The visa check first, then " in late["announced"]
        and "past steps: fit in what you can before you submit." in late["announced"]
    )
    # It takes days, not months, and decides where the applications go: first among what still fits (ui-check audit s37, 3).
    still_fits = next(n for n in late["notes"] if "do what still fits" in n)
    assert still_fits.split("if not done yet: ", 1)[1].startswith(timeline.VISA_STEP)
    assert timeline.VISA_STEP not in still_fits.split("longer work", 1)[1]
    assert "come first" not in late["summary"] and any("Do not hold your application back" in n for n in late["notes"])


def test_a_long_next_step_keeps_the_read_out_to_forty_words_by_leaving_out_the_count() -> None:
    # Interview season's end named with its deadline, the next day and the
    # ERAS reminder came to 41 words (date sweep s40, re-run).
    # Under way from a month after programs start reviewing (visa-psych audit s41, 7).
    inputs = {"today": "2026-10-30", "eras_submission": "2026-09-02", "applicant_type": "us-md", "needs_visa": True}
    result = timeline.compute(inputs)
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
    # Led by the last useful day, with the late fee's day before it heard too (interview audit s56, 3).
    assert result["announced"] == (
        "Add ERAS programs (not EM or OB/GYN) by about 20 December 2026. Rank lists by 17 February 2027, an early "
        "estimate. NRMP registration without a late fee ends on 30 November 2026 (estimated). Match 2027 plan: 12 "
        "milestones ahead."
    )
    assert "Add ERAS programs by about 20 December 2026." in result["summary"]
    assert "milestones ahead" in result["summary"]


@pytest.mark.parametrize("applicant", ["non-us-img", "us-img", "us-md", "us-do"])
def test_what_the_timeline_reads_out_keeps_to_forty_words(applicant: str) -> None:
    # The past steps took the read-out to 46 words on some days (diff review s37, 2).
    for offset in range(0, 1000, 23):
        today = dt.date(2025, 1, 1) + dt.timedelta(days=offset)
        for visa, unmatched, late in itertools.product(("true", "false"), ("true", "false"), (False, True)):
            inputs = {
                "today": today.isoformat(),
                "applicant_type": applicant,
                "needs_visa": visa,
                "previously_unmatched": unmatched,
            }
            if late:
                inputs["eras_submission"] = (today + dt.timedelta(days=10)).isoformat()
            try:
                result = timeline.compute(inputs)
            except InputError:
                continue
            assert len(result["announced"].split()) <= registry.READ_OUT_WORDS, (inputs, result["announced"])
