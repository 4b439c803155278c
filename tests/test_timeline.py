"""The timeline's words to a reapplicant about which season it plans, and to a
reader who needs a visa (the rest of the timeline's tests are in
test_planning_tools.py)."""

from __future__ import annotations

import datetime as dt
import re
from html import escape, unescape
from pathlib import Path

import pytest

from calculators import cycle, data, profile, registry, timeline
from calculators.fields import InputError
from calculators.html import capitalised, long_date

SEASON_NOTE = "This plans your reapplication for the next season"


def season_note(result: timeline.TimelineResult) -> list[str]:
    return [note for note in result["notes"] if note.startswith(SEASON_NOTE)]


def sentences(text: str) -> list[str]:
    """A text's sentences: each ends at a full stop, question mark or
    exclamation mark followed by a capital, a bracket or a quotation mark."""
    return re.split(r"(?<=[.?!])\s+(?=[A-Z0-9“(])", text)


# Our limits for a plan a reader prints and follows (planner audit s54, 7): a
# row's "What to do" ran to 299 words, its sentences to 109, with citations
# in the middle.
ROW_WORDS = 240
SENTENCE_WORDS = 26


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
    # Read while the payment's stated 12 months ran; after them it is said in the past (next test).
    row = by_title(timeline.compute({**VISA_READER, "today": "2026-06-01"}))[timeline.VISA_STEP]
    detail = row["detail"]
    # Every source in the row's Source, in the order it speaks of them, and
    # named briefly in its words (planner audit s54, 7; h1bvisa audit s47, 9).
    assert row["source"] == timeline.SOURCES_APART.join(source.cite() for source in timeline.VISA_STEP_SOURCES)
    for source in timeline.VISA_STEP_SOURCES:
        assert source.cite() not in detail
    assert "(White House)" in detail and "(US law)" in detail and "(ECFMG)" in detail
    assert f"needs your Step 3 pass before the program files ({timeline.STEP3_LAW_IN_SOURCE})" in detail
    assert "carries a $100,000 payment by the employer" in detail and "someone outside the US" in detail
    # The start date is the source's (the claim's test holds them together).
    assert "from 21 September 2025" in data.H1B_PROCLAMATION.cite() and "from 21 September 2025" in detail
    assert "The rule was set for 12 months unless extended." in detail
    assert "Check whether it still applies." in detail and "Plan on the J-1 unless a program confirms." in detail
    # And a reader who cannot take one is pointed to the rows that say what to rank (recheck45 audit s45, 4).
    assert "If you cannot take a J-1, read the Step 3 rows below" in detail
    assert "Step 3 pass before the program files" in detail and "before you start" not in detail
    # Cut to what the row must say (diff review s39, 8): the Step 3 lead times are on the Step 3 apply row.
    assert len(detail.split()) < ROW_WORDS  # 470 before, citations included
    step3 = by_title(timeline.compute(VISA_READER))[timeline.H1B_STEP3_APPLY]
    assert step3["source"].startswith(data.FSMB_STEP3.cite()) and "weeks for the permit (FSMB)" in step3["detail"]


def test_the_visa_check_no_longer_has_the_statement_of_need_started_fifteen_months_early() -> None:
    """A Statement of Need names one specialty, and India's ministry wants the
    contract: "start on it now" sent a dual applicant to the wrong field."""
    detail = by_title(timeline.compute(VISA_READER))[timeline.VISA_STEP]["detail"]
    assert "Statement of Need from your home country now" not in detail
    assert "must name the exact specialty you train in" in detail
    assert "So if you apply in two fields, you request it after Match Day." in detail
    assert "(ECFMG)" in detail and data.ECFMG_STATEMENT_OF_NEED in timeline.VISA_STEP_SOURCES


def test_an_img_who_needs_a_visa_has_a_dated_row_for_the_h1bs_step3_in_the_calendar() -> None:
    result = timeline.compute(VISA_READER)
    rows = by_title(result)
    row = rows[timeline.H1B_STEP3]
    deadline = cycle.season(result["match_year"])["rank_deadline"]
    assert row["date"] == deadline.date.isoformat() == rows[deadline.label]["date"]
    assert row.get("estimated") == deadline.estimated and row.get("estimated_early") == deadline.estimated_early
    # Its sources in Source, named briefly in its words (planner audit s54, 7).
    assert row["source"] == timeline.SOURCES_APART.join(source.cite() for source in timeline.H1B_STEP3_SOURCES)
    assert data.PETITION_WHEN_FILED in timeline.H1B_STEP3_SOURCES and data.PITT_H1B_STEP3 in timeline.H1B_STEP3_SOURCES
    assert data.PITT_H1B_STEP3.cite() not in row["detail"] and "(University of Pittsburgh" in row["detail"]
    assert "Ask each program for its own date." in row["detail"]
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
    # Cited in the row's Source, after the day's own (planner audit s54, 7).
    source = by_title(result)["Match Day"]["source"]
    for cited in (data.ECFMG_BOOKLET, data.INDIA_STATEMENT_OF_NEED, data.ECFMG_STATEMENT_OF_NEED, data.ECFMG_J1_FEES):
        assert cited.cite() in source and cited.cite() not in detail
    assert "four to six weeks" in events(str(result["ics"]))["Match Day"]["DESCRIPTION"]
    assert result["milestones"][-1]["title"] == "Match Day"


# --- A reader in the middle of a season (late-season audit s39, 2, 3, 6 and 9) ----------
# On 5 December 2026 programs have reviewed Match 2027 applications since
# 23 September 2026 (estimated); its rank lists close by our early estimate,
# 17 February 2027.
MID_SEASON = "2026-12-05"
# Too late for interviews, and not yet.
STILL_OPEN = (
    "Short of interviews? An application sent through ERAS",
    "Short of interviews? You can still send applications through ERAS",
    # Once ResidencyCAS may have closed, its fields come first (EM audit s53, 1).
    "Short of interviews? Emergency medicine and OB/GYN ",
)


def test_a_past_submission_while_the_rank_lists_are_open_says_applications_can_still_be_added() -> None:
    # Submitted in September, the plan's only steps ahead were interviews and
    # ranking: a reader short of interviews read it as too late to add a backup.
    result = timeline.compute({"today": MID_SEASON, "eras_submission": "2026-09-24", "dual_applying": "false"})
    [note] = [n for n in result["notes"] if n.startswith(STILL_OPEN)]
    deadline = cycle.season(2027)["rank_deadline"]
    # ResidencyCAS's fields first: the plan knows no field, and "you can still
    # send" came four sentences before them to an emergency medicine reader
    # (EM audit s53, 1).
    assert note.startswith(
        "Short of interviews? Emergency medicine and OB/GYN cannot be added this season: ResidencyCAS, which their "
        "programs use, closed to applications for the Match 2027 in late September"
    )
    assert (
        "Every other field goes through ERAS, where you can still send applications, to more programs or to a second "
        "specialty; if you have used only ResidencyCAS so far, you need a MyERAS account first." in note
    )
    # The last useful day, not only the deadline eight weeks later (midseason audit s52, 1).
    assert (
        "The last useful day to send a new application is about 20 December 2026: one sent later is unlikely to bring "
        "an interview." in note
    )
    # The basis in its own sentence, and the hedge on our early deadline (interview audit s56, 7 and 11).
    assert cycle.send_by(2027) in note and "do not turn down an interview before the NRMP's published deadline" in note
    assert cycle.INTERVIEW_RULE in note and f"the rank lists close on {deadline.shown()}" in note
    assert "Programs give many interview places to early applicants (our reading" in note
    assert (
        data.RESIDENCYCAS_DATES.cite() in note and "in the 2025–26 cycle, the latest we hold, it closed on 24 September" in note
    )
    assert "“Already applied, and short of interviews?”" in note
    # With the last useful day, not in a note alone (diff review s52, 5); first,
    # and the fields ERAS does not take after the deadline, so that a phone's
    # three pinned lines keep both dates (interview audit s56, 3).
    assert result["summary"].startswith(
        "Add ERAS programs by about 20 December 2026. Rank lists by 17 February 2027 (early estimate). EM and OB/GYN "
        "programs are not in ERAS. Plan for the Match 2027"
    )
    # Heard too, within the 40 words (diff review s52b, 3), with the fields
    # ERAS does not take (diff review s53b, 1).
    assert result["announced"].startswith(
        "Add ERAS programs (not EM or OB/GYN) by about 20 December 2026. Rank lists by 17 February 2027, an early "
        "estimate. Match 2027 plan"
    )
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS


def test_short_of_room_the_read_out_keeps_the_eras_reminder_without_its_day(monkeypatch: pytest.MonkeyPatch) -> None:
    # The undated wording was a replace over the finished headline, which a
    # change to either sentence could stop from matching, unseen; it is built
    # from its parts now (diff review s52b, 10).
    plan = {"today": "2026-12-07", "eras_submission": "2026-09-24", "applicant_type": "us-img"}
    roomy = timeline.compute(plan)["announced"]
    day = "20 December 2026"
    forms = [
        timeline.ADD_ERAS_PROGRAMS_BY.format(day),
        timeline.ADD_ERAS_PROGRAMS_BY_HEARD.format(day),
        timeline.ADD_THROUGH_ERAS_BY.format(day),
        timeline.ADD_THROUGH_ERAS,
    ]
    heard: list[str] = []
    for words in range(len(roomy.split()), 0, -1):
        monkeypatch.setattr(registry, "READ_OUT_WORDS", words)
        if (said := timeline.compute(plan)["announced"]) not in heard:
            heard.append(said)
    # Short of room, the count goes first, then the fields (the "or" form before
    # the comma form: diff review s54, 12), then the day (diff review s53b, 1).
    used = [next(form for form in forms if said.startswith(form)) for said in heard]
    assert list(dict.fromkeys(used)) == forms
    # The deadline after it stays in each: each form is built from its parts.
    rest = "Rank lists by 17 February 2027, an early estimate. Match 2027 plan."
    assert [said.removeprefix(form) for said, form in zip(heard, used, strict=True)][1:] == [f" {rest}"] * (len(heard) - 1)


def test_the_still_open_note_is_for_a_submission_behind_the_reader_and_lists_still_open_only() -> None:
    for inputs in (
        {"today": MID_SEASON},  # the default plan, for the Match 2028
        {"today": MID_SEASON, "eras_submission": "2026-12-20"},  # still ahead
        {"today": "2027-02-20", "eras_submission": "2026-09-24"},  # after the rank-list deadline
    ):
        result = timeline.compute(inputs)
        assert not any(n.startswith(STILL_OPEN) for n in result["notes"]), inputs
        assert "You can still add programs" not in result["summary"], inputs
    # Past our estimate of ResidencyCAS's deadline, a reader in that week is
    # told it may have closed and to check, not that it closed (do-em audit s42, 2).
    early = timeline.compute({"today": "2026-09-25", "eras_submission": "2026-09-24"})
    [note] = [n for n in early["notes"] if n.startswith(STILL_OPEN)]
    assert (
        "may have closed to applications for the Match 2027, so check ResidencyCAS's dates: its own deadline may be up "
        "to a week after our estimate, 23 September 2026" in note
    )
    assert "check ResidencyCAS's dates" in note and "use, closed to applications" not in note
    assert note.startswith("Short of interviews? Emergency medicine and OB/GYN may no longer take applications:")
    # Before our estimate, the ERAS sentence leads, as nothing is shut yet.
    [before] = [
        n for n in timeline.compute({"today": "2026-09-10", "eras_submission": "2026-09-05"})["notes"] if n.startswith(STILL_OPEN)
    ]
    assert before.startswith("Short of interviews? You can still send applications through ERAS")


def test_an_application_sent_now_too_late_for_interviews_is_said_so_beside_the_still_open_note() -> None:
    # Three weeks before the deadline a month's wait for interviews leaves none.
    result = timeline.compute({"today": "2027-01-25", "eras_submission": "2026-09-24"})
    [note] = [n for n in result["notes"] if n.startswith(STILL_OPEN)]
    # The verdict that holds today first, not after "can still lead to an interview" (new-words audit s40, 9).
    assert note.startswith(
        "Short of interviews? An application sent through ERAS now is unlikely to lead to an interview before the rank "
        "lists close on 17 February 2027 (estimated, set early on purpose): plan for the Match 2028 as well."
    )
    assert "can still lead to an interview" not in note
    assert "You can still add programs" not in result["summary"]


@pytest.mark.parametrize(("submission", "short"), [("2026-12-20", False), ("2026-12-21", True), ("2027-02-16", True)])
def test_an_interview_season_under_four_weeks_counts_as_too_short(submission: str, short: bool) -> None:
    # 20 December: interviews from 20 January, 28 days before 17 February.
    deadline = cycle.season(2027)["rank_deadline"].date
    assert timeline.interview_season_too_short(dt.date.fromisoformat(submission), deadline) is short


def test_a_late_submission_whose_interview_season_is_gone_says_plainly_it_is_unlikely_to_bring_one() -> None:
    # The Interview season row vanished, and the only word was "many interview
    # places are already given out".
    result = timeline.compute({"today": MID_SEASON, "eras_submission": "2027-02-16"})
    assert "Interview season" not in by_title(result)
    [note] = [n for n in result["notes"] if "unlikely to lead to an interview" in n]
    assert note.startswith(
        "This is for the Match 2027. An application sent on 16 February 2027 is unlikely to lead to an interview"
    )
    assert "leaves no time for them" in note
    assert note.endswith(
        "Send it now, not on 16 February 2027, or plan for the Match 2028, whose applications open on 1 September "
        "2027 (estimated)."
    )
    assert not any("many interview places are already given out" in n for n in result["notes"])
    # A short season, not a missing one, says so too; sent today it would come late as well.
    short = timeline.compute({"today": "2026-12-30", "eras_submission": "2027-01-05"})
    [note] = [n for n in short["notes"] if "unlikely to lead to an interview" in n]
    assert "leaves fewer than four weeks for them" in note and "Sent today it would come too late as well" in note
    # Submitting today, and a submission behind the reader, are not told to send it now.
    today = timeline.compute({"today": "2027-01-25", "eras_submission": "2027-01-25"})
    assert any(n.startswith("This is for the Match 2027. An application sent today is unlikely") for n in today["notes"])
    past = timeline.compute({"today": "2027-02-10", "eras_submission": "2027-01-25"})
    assert any("An application sent on 25 January 2027 was unlikely" in n for n in past["notes"])
    # Four weeks or more of interviews: the old note on how late it is.
    ok = timeline.compute({"today": MID_SEASON, "eras_submission": "2026-12-20"})
    assert not any("unlikely to lead to an interview" in n for n in ok["notes"])
    assert any("arrives nearly 13 weeks after that" in n for n in ok["notes"])


def test_a_late_submission_planned_mid_season_dates_its_remaining_steps_today_not_weeks_ahead() -> None:
    # For 16 February the plan asked for a mentor review on 16 December and a
    # final review on 16 January, holding the application back two months.
    result = timeline.compute(
        {"today": MID_SEASON, "eras_submission": "2027-02-16", "dual_applying": "true", "applicant_type": "us-img"}
    )
    rows = by_title(result)
    for title in ("Mentor review of each packet", "Final review: right documents to the right programs"):
        assert rows[title]["date"] == MID_SEASON and timeline.DO_NOW_NOTE in rows[title]["detail"], title
        assert not rows[title].get("estimated"), title
    # Months of work are dated today in their order but said not to hold the
    # application back: an IMG arriving in late September was told to sit
    # Step 2 CK that day (diff review s39, 1).
    assert rows[timeline.STEP2_SCORE]["date"] == MID_SEASON
    assert timeline.LONGER_WORK_NOTE in rows[timeline.STEP2_SCORE]["detail"]
    assert timeline.DO_NOW_NOTE not in rows[timeline.STEP2_SCORE]["detail"]
    commit = rows[timeline.COMMIT_TO_DUAL]
    assert commit["date"] == MID_SEASON and timeline.DO_NOW_NOTE in commit["detail"]
    assert rows["Submit ERAS"]["date"] == "2027-02-16"
    # Nothing of the reader's own before the submission is dated after today.
    own = {s.title for s in timeline.STEPS if s.months < 0} | {timeline.COMMIT_TO_DUAL}
    assert all(m["date"] <= MID_SEASON for m in result["milestones"] if m["title"] in own)
    # Ten weeks off, the catch-up note no longer puts clinical experience first.
    catch_up = next(n for n in result["notes"] if "fell before today and" in n)
    assert "Now, alongside sending your application, do what still fits" in catch_up
    assert "Do not hold your application back for the longer work (Plan US clinical experience" in catch_up
    assert f", {timeline.STEP2_SCORE})" in catch_up
    assert "come first now, before you submit" not in catch_up
    assert "fit in what you can now, alongside." in result["summary"]


def test_an_img_arriving_as_reviews_start_is_not_told_to_sit_step2_today() -> None:
    result = timeline.compute({"today": "2026-09-24", "eras_submission": "2026-12-01"})
    # A lateness lead may come first (a11y-phone audit s42, 1); the next step is not the exam.
    assert "Next: Mentor review" in result["summary"] and timeline.STEP2_SCORE not in result["summary"], result["summary"]
    step2 = by_title(result)[timeline.STEP2_SCORE]
    assert timeline.LONGER_WORK_NOTE in step2["detail"] and timeline.DO_NOW_NOTE not in step2["detail"]
    catch_up = next(n for n in result["notes"] if "fell before today and" in n)
    assert "Do not hold your application back for the longer work (" in catch_up and timeline.STEP2_SCORE in catch_up
    # On the day reviews start, an application is still on time: nothing is pulled to today.
    first_day = by_title(timeline.compute({"today": "2026-09-23", "eras_submission": "2026-12-01"}))
    assert timeline.DO_NOW_NOTE not in first_day["Mentor review of each packet"]["detail"]


def test_steps_are_not_pulled_to_today_before_programs_review_or_for_a_submission_today() -> None:
    # In August the season is not yet under review: a January date is late, but its reviews keep their months.
    august = by_title(timeline.compute({"today": "2026-08-01", "eras_submission": "2027-01-20"}))
    assert august["Mentor review of each packet"]["date"] == "2026-11-20"
    assert timeline.DO_NOW_NOTE not in august["Mentor review of each packet"]["detail"]
    # A December date with its reviews already behind it moves nothing.
    result = timeline.compute({"today": MID_SEASON, "eras_submission": MID_SEASON})
    assert not any(timeline.DO_NOW_NOTE in m["detail"] for m in result["milestones"])


def test_a_submission_on_the_deadline_is_refused_as_on_or_after_it() -> None:
    with pytest.raises(InputError) as caught:
        timeline.compute({"today": MID_SEASON, "eras_submission": "2027-02-17"})
    assert "the plan cannot use 17 February 2027: it is on or after our estimate of the Match 2027 rank-list deadline" in (
        caught.value.message
    )


# --- An IMG's Step 2 CK score (late-season audit s39, 6) ---------------------------------
@pytest.mark.parametrize("applicant", ["non-us-img", "us-img"])
def test_an_img_has_a_step2_row_two_months_before_submitting_true_with_or_without_a_score(applicant: str) -> None:
    result = timeline.compute({"today": MID_SEASON, "eras_submission": "2027-09-15", "applicant_type": applicant})
    row = by_title(result)[timeline.STEP2_SCORE]
    assert row["date"] == timeline.months_from(dt.date(2027, 9, 15), -2).isoformat() == "2027-07-15"
    # Both sources in Source, named briefly in the row's words (planner audit s54, 7).
    assert row["source"] == timeline.cited_together(data.USMLE_SCORE_REPORTING, data.NRMP_PD_SURVEY)
    detail = row["detail"]
    assert detail.startswith("Step 2 CK score already reported? Then there is nothing to do here. If not, sit the exam")
    assert "within four weeks of the test (USMLE)" in detail and data.USMLE_SCORE_REPORTING.cite() not in detail
    assert f"{data.PD_SURVEY_STEP2_PCT}% said they consider it ({data.NRMP_PD_SURVEY.named()})" in detail
    assert timeline.STEP2_SCORE in events(str(result["ics"]))


@pytest.mark.parametrize("applicant", ["us-md", "us-do"])
def test_a_us_graduate_has_no_step2_row(applicant: str) -> None:
    result = timeline.compute({"today": MID_SEASON, "eras_submission": "2027-09-15", "applicant_type": applicant})
    assert timeline.STEP2_SCORE not in by_title(result)


# --- A DO's exams (DO audit s40, 6) -------------------------------------------------------
def test_a_do_has_an_exam_row_on_the_img_rows_day_naming_both_exams_and_who_decides() -> None:
    result = timeline.compute({"today": MID_SEASON, "eras_submission": "2027-09-15", "applicant_type": "us-do"})
    row = by_title(result)[timeline.DO_EXAMS]
    assert row["date"] == "2027-07-15"
    cited = (data.NBOME_SCORE_REPORTING, data.USMLE_SCORE_REPORTING, data.NRMP_PD_SURVEY, data.SURGERY_PD_DO_SURVEY)
    assert row["source"] == timeline.cited_together(*cited)
    detail = row["detail"]
    # The decision to sit USMLE too is said to come months before, not hidden
    # behind "nothing to do here" (new-words audit s40, 1).
    assert detail.startswith("Have your COMLEX Level 2-CE score reported by about this date. Sitting USMLE as well?")
    assert "a decision for months before this, when you build your program lists" in detail
    assert "nothing to do here" not in detail
    assert "within 4 to 6 weeks (NBOME)" in detail and "(USMLE)" in detail
    assert f"{data.PD_SURVEY_COMLEX2_PCT}% COMLEX Level 2 scores" in detail
    assert all(source.cite() not in detail for source in cited) and "(Journal of Surgical Education, 2024)" in detail
    assert timeline.DO_EXAMS in events(str(result["ics"]))
    # Months of study: a reader sending applications now is not told to sit it first.
    late = timeline.compute({"today": MID_SEASON, "eras_submission": MID_SEASON, "applicant_type": "us-do"})
    assert timeline.DO_EXAMS not in late["summary"]
    for applicant in ("us-md", "us-img", "non-us-img"):
        other = timeline.compute({"today": MID_SEASON, "eras_submission": "2027-09-15", "applicant_type": applicant})
        assert timeline.DO_EXAMS not in by_title(other)


def test_no_pathway_row_since_its_windows_are_not_dated_by_any_rule_we_hold() -> None:
    # ECFMG's Pathway seasons have opened and closed on different dates from
    # one year to the next; the plan names Pathways only on the rank-list
    # deadline's row and sends the reader to ECFMG's dates.
    rows = by_title(timeline.compute({"today": MID_SEASON, "eras_submission": "2027-09-15"}))
    assert not [t for t in rows if "Pathway" in t]
    assert "Pathway" in rows[timeline.EXAMS_CONFIRMED]["detail"]


# --- Match Week and after (couples-soap audit s39, 2 and 8) -------------------------------
def test_match_week_says_a_partly_matched_applicant_or_couple_partner_learns_where_on_monday() -> None:
    detail = by_title(timeline.compute({"today": MID_SEASON}))["Match Week begins (matched or not; SOAP opens)"]["detail"]
    assert detail.startswith("You learn on Monday whether you matched, not where;")
    assert (
        "Partially matched, or a couple partner whose partner did not match? You also see the matched program's city, "
        "state and ZIP code on Monday (NRMP)." in detail
    )
    source = by_title(timeline.compute({"today": MID_SEASON}))["Match Week begins (matched or not; SOAP opens)"]["source"]
    assert source.endswith(timeline.SOURCES_APART + data.NRMP_MATCHED_LOCATION.cite())


@pytest.mark.parametrize(
    ("today", "said"),
    [("2027-03-18", False), ("2027-03-19", True), ("2027-04-10", True), ("2027-05-01", True), ("2027-05-02", False)],
)
@pytest.mark.parametrize("unmatched", [True, False])
def test_from_soaps_end_to_1_may_the_list_of_unfilled_programs_is_named_first(today: str, said: bool, unmatched: bool) -> None:
    notes = timeline.compute({"today": today, "previously_unmatched": unmatched})["notes"]
    after = [n for n in notes if n.startswith(cycle.soap_over(2027, dt.date.fromisoformat(today)))]
    assert bool(after) is said
    if said:
        assert notes[0] == after[0]
        assert "until 1 May 2027 the NRMP keeps its List of Unfilled Programs in its R3 system" in after[0]
        assert "you may contact the programs on it yourself" in after[0] and data.NRMP_SOAP.cite() in after[0]


def test_a_reader_applying_now_is_told_the_past_visa_check_still_decides_the_rank_list() -> None:
    # Marked past, the visa check read as done, though its questions decide
    # which programs to rank (readthrough audit s39, 1).
    inputs = {"today": MID_SEASON, "eras_submission": "2026-09-24", "applicant_type": "non-us-img", "needs_visa": "true"}
    result = timeline.compute(inputs)
    assert by_title(result)[timeline.VISA_STEP]["past"]
    [note] = [n for n in result["notes"] if n.startswith("You need a visa")]
    # Named, not "It", after a list of three rows; and the no-J-1 pointer (recheck45 audit s45, 4).
    assert f"“{timeline.VISA_STEP}” is marked past, but it is not finished until you rank" in note
    assert f"(no J-1 for you? see the row “{timeline.H1B_STEP3}”). Cannot take a J-1? Answer" in note
    # Not said once the rank lists have closed (Match Week), nor while the check is still ahead.
    after = timeline.compute({**inputs, "today": "2027-03-15"})
    assert not any("not finished until you rank" in n for n in after["notes"])
    ahead = timeline.compute({"today": "2026-01-05", "eras_submission": "2027-09-08", "needs_visa": "true"})
    assert not any("not finished until you rank" in n for n in ahead["notes"])


def test_the_step3_row_says_when_its_own_lead_times_no_longer_fit() -> None:
    # On 5 December the rank-list deadline was 10 weeks off while the row's
    # own lead times came to 14 before any test date (readthrough audit s39, 2).
    close = by_title(timeline.compute({"today": MID_SEASON, "eras_submission": "2026-09-24", "needs_visa": "true"}))
    assert timeline.STEP3_TOO_CLOSE in close[timeline.H1B_STEP3]["detail"]
    # Its advice is then said once, dated (new-words audit s40, 11).
    assert timeline.H1B_STEP3_ASK not in close[timeline.H1B_STEP3]["detail"]
    assert close[timeline.H1B_STEP3]["detail"].count("ask each program for its") == 1
    # The apply-by day is past here, so the row no longer points to it.
    assert timeline.H1B_STEP3_LEAD not in close[timeline.H1B_STEP3]["detail"]
    far = by_title(timeline.compute({"today": "2026-01-05", "eras_submission": "2027-09-08", "needs_visa": "true"}))
    assert timeline.STEP3_TOO_CLOSE not in far[timeline.H1B_STEP3]["detail"]
    assert far[timeline.H1B_STEP3]["detail"] == timeline.H1B_STEP3_DETAIL


def test_a_reader_with_step3_passed_is_let_off_the_row_before_its_warning() -> None:
    # "Plan on the J-1 for this Match" was read as meant for a reader who had
    # passed Step 3 already (reapply-anes audit s42, 2).
    close = by_title(timeline.compute({"today": MID_SEASON, "eras_submission": "2026-09-24", "needs_visa": "true"}))
    detail = close[timeline.H1B_STEP3]["detail"]
    assert timeline.STEP3_PASSED in detail
    assert detail.index(timeline.STEP3_PASSED) < detail.index("too little time") < detail.index("plan on the J-1")


def test_the_rank_list_hour_is_given_as_the_last_calendars_not_this_estimates() -> None:
    # "On this day" tied the 2026 calendar's hour to the 2027 estimate's date
    # (reapply-anes audit s42, 6).
    rows = by_title(timeline.compute({"today": MID_SEASON, "eras_submission": "2026-09-24"}))
    [deadline] = [row for title, row in rows.items() if title.startswith("Rank order list certification deadline")]
    hour, year = data.RANK_DEADLINE_HOUR_SEEN
    assert f"Match {year} closed lists at {hour} on its deadline day" in deadline["detail"]
    assert "on this day" not in deadline["detail"]


@pytest.mark.parametrize("dual", ["true", "false"])
def test_the_certification_row_tells_a_couple_to_link_pay_and_pair_lists_of_one_length(dual: str) -> None:
    # A couple following the plan certified "one rank order list" with no word
    # of the couple request, both fees or paired lists (couples audit s43, 4).
    result = timeline.compute({"today": MID_SEASON, "eras_submission": "2026-09-24", "dual_applying": dual})
    [deadline] = [row for title, row in by_title(result).items() if title.startswith(RANK_DEADLINE_TITLE)]
    detail = deadline["detail"]
    couple = detail[detail.index("Matching as a couple?") :]
    assert couple.startswith(
        "Matching as a couple? One of you sends the couple request in the NRMP's system, and the other accepts it. "
        "Both couple fees must be paid. Your two lists are read side by side, in pairs, so they need the same number "
        "of ranks (NRMP). The rest is under “Ranking as a couple” on the guide page “The rank order list”."
    )
    # Its source in the row's Source (planner audit s54, 7).
    assert data.NRMP_COUPLES.cite() in deadline["source"] and data.NRMP_COUPLES.cite() not in detail
    # Said on the row the calendar file carries, not only on the page.
    described = " ".join(events(str(result["ics"]))[RANK_DEADLINE_TITLE]["DESCRIPTION"].split()).replace("\\,", ",")
    assert "One of you sends the couple request in the NRMP's system, and the other accepts it" in described


def test_a_submission_days_after_reviews_start_is_not_called_a_lost_season() -> None:
    # One day past our estimate read as "many interview places are already
    # given out" (readthrough audit s39, 3).
    day_late = timeline.compute({"today": "2026-09-01", "eras_submission": "2026-09-24"})
    assert any("a few days make little difference, but each later week does" in n for n in day_late["notes"])
    weeks_late = timeline.compute({"today": "2026-09-01", "eras_submission": "2026-10-20"})
    assert any("when many interview places are already given out" in n for n in weeks_late["notes"])


# --- The plan read against today's date (date sweep s40) ---------------------------------
LATE_REGISTRATION_TITLE = cycle.MILESTONE_BY_KEY["late_registration_ends"].label
RANK_DEADLINE_TITLE = cycle.MILESTONE_BY_KEY["rank_deadline"].label


def test_past_our_early_estimate_the_rows_say_the_deadline_may_still_be_ahead_as_the_note_does() -> None:
    # On 18 February 2027 the registration row said "could not match this
    # season" beside a note saying the NRMP's deadline may be later (date
    # sweep s40, 1).
    result = timeline.compute({"today": "2027-02-18", "eras_submission": "2026-10-28", "applicant_type": "us-md"})
    rows = by_title(result)
    said = "set early on purpose, has passed, and the NRMP's own deadline may be later: check its calendar today"
    for title in (LATE_REGISTRATION_TITLE, RANK_DEADLINE_TITLE):
        assert said in rows[title]["detail"], rows[title]["detail"]
    assert "could not match" not in rows[LATE_REGISTRATION_TITLE]["detail"]
    assert any(said in n for n in result["notes"])
    # From Match Week the lists have closed, and the row says so.
    closed = by_title(timeline.compute({"today": "2027-03-15", "eras_submission": "2026-10-28", "applicant_type": "us-md"}))
    assert "could not match this season" in closed[LATE_REGISTRATION_TITLE]["detail"]
    assert said not in closed[RANK_DEADLINE_TITLE]["detail"]


def test_a_submission_too_late_for_interviews_leads_the_headline_with_that_verdict() -> None:
    # "Next: Submit ERAS on 10 February 2027 ... fit in what you can now,
    # alongside" beside a note calling that application too late (date sweep s40, 2).
    late = timeline.compute(
        {"today": "2027-01-20", "eras_submission": "2027-02-10", "applicant_type": "us-md", "dual_applying": False}
    )
    for heard in (late["summary"], late["announced"]):
        assert heard.startswith("Too late for interviews in the Match 2027: plan for the Match 2028. ")
        assert "Submit ERAS" not in heard and "alongside" not in heard
    assert not any("alongside sending your application" in n for n in late["notes"])
    assert any("build them into your plan for the Match 2028" in n for n in late["notes"])
    # Still in time to send now: the headline says to.
    sooner = timeline.compute(
        {
            "today": "2026-09-24",
            "eras_submission": "2027-01-15",
            "applicant_type": "non-us-img",
            "needs_visa": "false",
            "dual_applying": False,
        }
    )
    assert sooner["summary"].startswith("Send it now, not on 15 January 2027. 7 past steps: fit in what you can now, alongside.")
    assert any("Send it now, not on 15 January 2027, or plan for the Match 2028" in n for n in sooner["notes"])
    # Before the season opens, "now" is no day to send on.
    july = timeline.compute({"today": "2026-07-01", "eras_submission": "2027-01-15", "applicant_type": "us-md"})
    assert july["summary"].startswith("Send it on 2 September 2026 (estimated), not on 15 January 2027. ")
    assert "Next: " not in july["summary"] and len(july["announced"].split()) <= 40
    said = "Send it on 2 September 2026 (estimated), when applications open, not on 15 January 2027, or plan for the Match 2028"
    assert any(said in n for n in july["notes"])
    assert "Submit ERAS" not in sooner["summary"] and "Next: " not in sooner["summary"]


def test_a_passed_rank_list_deadline_is_said_to_have_closed() -> None:
    # "was unlikely to lead to an interview before the rank lists close on 17 February 2027" on 18 February (date sweep s40, 4).
    result = timeline.compute({"today": "2027-02-18", "eras_submission": "2027-01-15", "applicant_type": "us-md"})
    assert any("before the rank lists closed on 17 February 2027" in n for n in result["notes"])
    assert not any("rank lists close on" in n for n in result["notes"])


def test_a_date_no_match_takes_is_explained_in_the_tense_of_the_readers_today() -> None:
    # On 5 December 2026: "the Match 2027 rank lists closed before its Match Week, which began ..." (date sweep s40, 5).
    with pytest.raises(InputError) as caught:
        timeline.compute({"today": "2026-12-05", "eras_submission": "2027-03-20"})
    assert "rank lists close before its Match Week, which begins on 15 March 2027" in caught.value.message
    assert "closed" not in caught.value.message and "began" not in caught.value.message


def test_the_headline_and_the_table_mark_the_same_next_step() -> None:
    # The headline named the mentor review while the table marked the Step 2
    # CK row, longer work dated today, as "Next" (date sweep s40, 7).
    result = timeline.compute(
        {
            "today": "2026-09-24",
            "eras_submission": "2026-12-01",
            "applicant_type": "non-us-img",
            "needs_visa": "false",
            "dual_applying": False,
        }
    )
    assert "Next: Mentor review of each packet on 24 September 2026." in result["summary"]
    html = unescape(str(timeline.render(result)))
    [marked] = re.findall(r'<td data-label="Status">Next</td><td data-label="Milestone"><strong>(.*?)</strong>', html)
    assert marked == "Mentor review of each packet"


def test_in_match_week_the_match_day_ahead_is_not_said_to_have_its_results_out() -> None:
    # "the latest Match whose results were out by today" of a Match Day three days ahead (date sweep s40, 8).
    result = timeline.compute(
        {"today": "2027-03-16", "previously_unmatched": True, "applicant_type": "us-md", "dual_applying": False}
    )
    debrief = by_title(result)["Debrief your last application"]["detail"]
    assert (
        "taken as 19 March 2027 (estimated): the Match whose Match Week has begun (you learn on its Monday whether you matched)"
        in debrief
    )
    assert "results were out" not in debrief
    later = by_title(timeline.compute({"today": "2027-03-20", "previously_unmatched": True}))["Debrief your last application"]
    assert "the latest Match whose results were out by today" in later["detail"]


def test_on_the_review_start_the_default_submission_is_the_last_day_on_time() -> None:
    # "while programs have not yet started reviewing" on the day they start (date sweep s40, 9).
    result = timeline.compute({"today": "2026-09-23", "applicant_type": "us-md", "dual_applying": False})
    assert any(
        "the plan uses 23 September 2026: the last day you can send applications for the Match 2027 on time, "
        "as programs start reviewing today." in n
        for n in result["notes"]
    )
    assert not any("not yet started reviewing" in n for n in result["notes"])


@pytest.mark.parametrize(("today", "said"), [("2027-02-17", True), ("2027-03-01", True), ("2027-03-15", False)])
def test_the_visa_check_is_unfinished_while_lists_can_still_be_certified(today: str, said: bool) -> None:
    # On the deadline's own day, and past our early estimate of it, the note
    # dropped "not finished until you rank" (date sweep s40, 10).
    inputs = {
        "today": today,
        "eras_submission": "2026-09-02",
        "applicant_type": "non-us-img",
        "needs_visa": "true",
        "dual_applying": False,
    }
    notes = timeline.compute(inputs)["notes"]
    assert any("not finished until you rank" in n for n in notes) is said


def test_the_h1b_payment_is_in_the_past_tense_after_its_stated_12_months() -> None:
    # On 5 December 2026 the row said a new petition "carries" the payment
    # under a term its own citation showed had ended (date sweep s40, 12).
    assert timeline.h1b_payment_ends() == dt.date(2026, 9, 21)
    assert "from 21 September 2025" in data.H1B_PROCLAMATION.title and "for 12 months" in data.H1B_PROCLAMATION.title
    during = by_title(timeline.compute({**VISA_READER, "today": "2026-09-21"}))[timeline.VISA_STEP]["detail"]
    after = by_title(timeline.compute({**VISA_READER, "today": "2026-09-22"}))[timeline.VISA_STEP]["detail"]
    assert "carries a $100,000 payment" in during and "Check whether it still applies" in during
    assert "carries" not in after and "still applies." not in after.replace("extended and still applies.", "")
    assert (
        "carried a $100,000 payment by the employer, from 21 September 2025 (White House). The rule was set for 12 "
        "months, to 21 September 2026, unless extended." in after
    )
    assert "Check whether it was extended and still applies." in after


def test_one_day_before_submitting_is_not_counted_as_1_day() -> None:
    # "In the 1 day before you submit on 2 September 2026" (date sweep s40, 13).
    result = timeline.compute(
        {"today": "2026-09-01", "eras_submission": "2026-09-02", "applicant_type": "us-md", "dual_applying": False}
    )
    assert any("Today, the day before you submit on 2 September 2026, do what still fits" in n for n in result["notes"])
    assert not any("1 day before" in n for n in result["notes"])


def test_the_interview_season_ends_on_one_date_in_the_headline_row_and_notes() -> None:
    # Finding 6 of the date sweep, fixed before it: the stretch's end is the
    # deadline, named once ("until the rank-list deadline, 17 February 2027").
    # After the last useful day: until then, that day leads (interview audit s56, 3).
    result = timeline.compute(
        {"today": "2026-12-21", "eras_submission": "2026-09-02", "applicant_type": "us-md", "dual_applying": False}
    )
    assert (
        "Now: Interview season, until the rank-list deadline, 17 February 2027 (estimated, set early on purpose)."
        in result["summary"]
    )
    assert "16 February" not in " ".join([result["summary"], *result["notes"], *(m["detail"] for m in result["milestones"])])


# --- New words read again (new-words audit s40) ---------------------------------------
def test_the_last_point_to_commit_names_the_deciding_step_this_plan_holds() -> None:
    # A reapplicant's plan pointed to "Decide firmly whether to dual apply", a step it does not hold (4).
    for unmatched, step in ((False, timeline.DECIDE_DUAL), (True, timeline.CHOICE_OF_LANE.title)):
        result = timeline.compute({"today": MID_SEASON, "previously_unmatched": unmatched, "applicant_type": "us-img"})
        rows = by_title(result)
        assert f"The plan's step “{step}” is the time to decide." in rows[timeline.COMMIT_TO_DUAL]["detail"]
        assert step in rows


def test_past_the_early_estimate_the_headline_says_the_rank_list_may_still_be_certified() -> None:
    # On 18 February the headline named Match Week, a month off, and the one
    # thing still possible was in a note (8).
    after = timeline.compute({"today": "2027-02-18", "eras_submission": "2026-09-24"})
    said = "Rank list not certified yet? The NRMP's own deadline may still be open: check its calendar today."
    assert after["summary"].startswith(said) and after["announced"].startswith(said)
    for day in ("2027-02-16", "2027-03-15"):
        assert said not in timeline.compute({"today": day, "eras_submission": "2026-09-24"})["summary"]


# --- Step 3 for an H-1B, the Pathway's expiry, the interview season and a US
# senior's last day to withdraw (visa-psych audit s41, 1, 2, 3 and 7;
# usmd-ortho audit s41, 2) ------------------------------------------------------
PERSONA = {"today": "2026-12-05", "eras_submission": "2027-09-15", "applicant_type": "non-us-img", "needs_visa": "true"}


def test_an_h1b_reader_gets_a_dated_day_to_apply_to_the_fsmb_counted_back_through_the_whole_chain() -> None:
    """The only Step 3 day was the rank-list deadline, with lead times and no
    date to act on."""
    result = timeline.compute(PERSONA)
    rows = by_title(result)
    apply = rows[timeline.H1B_STEP3_APPLY]
    deadline = cycle.season(2028)["rank_deadline"].date
    # A test by the last day of 2027, before the January change to the
    # question pool; 14 weeks for the FSMB and 4 for a test date before it.
    assert timeline.step3_last_test(2028, deadline) == dt.date(2027, 12, 31)
    assert apply["date"] == "2027-08-27" == (dt.date(2027, 12, 31) - dt.timedelta(weeks=18)).isoformat()
    weeks = timeline.STEP3_FSMB_WEEKS + timeline.STEP3_SEAT_WEEKS + timeline.STEP3_RESULT_WEEKS
    assert deadline - dt.date.fromisoformat(apply["date"]) >= dt.timedelta(weeks=weeks) >= dt.timedelta(weeks=22)
    assert not apply["past"]
    # The day rests on our own four weeks to find a test date, so it is marked
    # ours, where it showed as firm among estimated rows (planner audit s54, 9).
    assert apply["estimated"] and apply["estimated_ours"]
    assert timeline.shown_date(apply) == "27 August 2027 (our estimate)"
    assert events(str(result["ics"]))[timeline.H1B_STEP3_APPLY]["SUMMARY"] == f"{timeline.H1B_STEP3_APPLY} (our estimate)"
    # Its sources in Source, named briefly in its words (planner audit s54, 7).
    assert apply["source"] == timeline.cited_together(data.FSMB_STEP3, data.STEP3_SCORE_DELAY)
    assert data.STEP3_SCORE_DELAY.cite() not in apply["detail"] and "(FSMB and ECFMG)" in apply["detail"]
    assert "31 December 2027" in apply["detail"] and "our own assumption" in apply["detail"]
    assert "Certified already? Then you can apply now." in apply["detail"]
    # The pass-in-hand row points to it, and the calendar holds it.
    assert timeline.H1B_STEP3_APPLY in rows[timeline.H1B_STEP3]["detail"]
    assert events(str(result["ics"]))[timeline.H1B_STEP3_APPLY]["DTSTART;VALUE=DATE"] == "20270827"
    # Only for an IMG who needs a visa, as the pass-in-hand row.
    for other in ({"needs_visa": "false"}, {"applicant_type": "us-md"}):
        assert timeline.H1B_STEP3_APPLY not in by_title(timeline.compute({**PERSONA, **other}))


def test_an_h1b_reader_is_warned_once_the_last_day_to_apply_has_passed_not_only_inside_the_fsmbs_weeks() -> None:
    # On 1 October 2027, 19.7 weeks before the deadline, no warning came: the
    # 16 weeks covered the FSMB's verification and permit alone.  The FSMB's 12
    # weeks count from graduation, so the warning waits for the day a graduate
    # of an earlier year, verified already, can still apply: the test day less
    # 2 weeks for the permit and 4 for a test date (surgprelim audit s45, 7).
    warned = by_title(timeline.compute({**PERSONA, "today": "2027-11-20"}))
    assert timeline.STEP3_TOO_CLOSE in warned[timeline.H1B_STEP3]["detail"]
    assert warned[timeline.H1B_STEP3_APPLY]["past"]
    assert "a test date and a result" in timeline.STEP3_TOO_CLOSE
    assert timeline.step3_apply_by(2028, cycle.season(2028)["rank_deadline"].date, verified=True) == dt.date(2027, 11, 19)
    for today in ("2027-11-19", "2027-10-01", "2027-08-28", "2027-08-20"):
        quiet = by_title(timeline.compute({**PERSONA, "today": today}))
        assert timeline.STEP3_TOO_CLOSE not in quiet[timeline.H1B_STEP3]["detail"], today


def test_the_apply_row_counts_the_fsmbs_twelve_weeks_from_graduation_as_the_fsmb_does() -> None:
    # "It can take up to 12 weeks after you graduate" (FSMB): the row said 12
    # weeks from the application to every reader (surgprelim audit s45, 7).
    apply = by_title(timeline.compute({**PERSONA, "today": "2027-04-15"}))[timeline.H1B_STEP3_APPLY]
    assert apply["date"] == "2027-08-27"
    assert "can take that long after you graduate" in apply["detail"]
    # An earlier graduate who never applied is told how to learn which day is
    # theirs, and which to keep to meanwhile (pathneuro audit s46, 4).
    assert (
        "Graduated earlier? Ask the FSMB before you apply whether your graduation is verified. If it is, you have "
        "until about 19 November 2027. If it cannot say, keep to this day."
    ) in apply["detail"]


def test_the_step3_row_gives_a_reader_who_cannot_take_a_j1_a_branch_of_their_own() -> None:
    # "The J-1 is the route left" was all an H-1B-only reader heard (surgprelim audit s45, 1), in the row's
    # words before the last day to apply to the FSMB and in its too-late words after it.
    before, after = "2027-04-15", "2027-12-06"
    for today, said in ((before, "the J-1 is the route left"), (after, "plan on the J-1 for this Match")):
        row = by_title(timeline.compute({**PERSONA, "today": today}))[timeline.H1B_STEP3]["detail"]
        assert said in row and timeline.NO_J1 in row, today
    assert "will file an H-1B for you and can wait for your pass" in timeline.NO_J1
    # The consequence the guides give too (diffreview45 audit s45, 4).
    assert "this Match holds no position you can start" in timeline.NO_J1


def test_the_visa_note_names_every_row_the_visa_answer_adds() -> None:
    # It named one of the three rows (moved audit s45, 3).
    for today in ("2027-04-15", "2026-12-06", "2027-12-30"):
        visa = timeline.compute({**PERSONA, "today": today, "needs_visa": "true"})
        none = timeline.compute({**PERSONA, "today": today, "needs_visa": "false"})
        added = {m["title"] for m in visa["milestones"]} - {m["title"] for m in none["milestones"]}
        note = next(n for n in visa["notes"] if n.startswith("You need a visa"))
        assert added and all(f"“{title}”" in note for title in added), (today, added)
    assert timeline.H1B_STEP3_APPLY in next(
        n for n in timeline.compute({**PERSONA, "today": "2027-04-15"})["notes"] if n.startswith("You need a visa")
    )


def test_the_apply_day_heard_as_the_next_step_keeps_the_read_out_to_forty_words() -> None:
    result = timeline.compute({**PERSONA, "today": "2027-08-20"})
    # Marked ours as the table marks it (planner audit s54, 9); the
    # certification row on the same day is held back, as its question
    # ("not certified yet?") may not be the reader's.
    assert result["announced"].startswith(f"Next: {timeline.H1B_STEP3_APPLY} on 27 August 2027 (our estimate).")
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS


GUIDE_STEP3_SENTENCES = {
    "docs/apply/timeline.md": "Work back from the date a program wants Step 3 passed",
    "docs/unmatched/soap-and-plan-b.md": "**Visa note:**",
    "docs/assess/index.md": "If Step 3 would be only for an H-1B",
}


def guide_line(path: str, start: str) -> str:
    with open(path, encoding="utf-8") as page:
        return next(line for line in page if start in line)


def test_the_plan_and_the_guides_say_one_thing_about_when_an_h1b_needs_step3() -> None:
    """The plan's date, the rank-list deadline, was a month before Match Day,
    which it called "sooner", while two guides said "as early as Match Day"."""
    detail = by_title(timeline.compute(PERSONA))[timeline.H1B_STEP3]["detail"]
    assert "sooner" not in detail and "as early as" not in detail
    assert "Some programs want the pass by Match Day" in detail and "by the rank-list deadline" in detail
    for path, start in GUIDE_STEP3_SENTENCES.items():
        line = guide_line(path, start)
        assert "as early as Match Day" not in line and "sooner" not in line, path
        assert "rank-list deadline" in line, path
    for path in ("docs/apply/timeline.md", "docs/unmatched/soap-and-plan-b.md"):
        line = guide_line(path, GUIDE_STEP3_SENTENCES[path])
        assert "some programs want it by Match Day (University of Pittsburgh" in line, path
    # Asked to read the published policy, not to wait for an answer that comes at interview.
    assess = guide_line("docs/assess/index.md", GUIDE_STEP3_SENTENCES["docs/assess/index.md"])
    assert "get that answer before you book it" not in assess and "published visa policy" in assess


def test_an_img_hears_of_the_pathway_certificates_expiry_and_revalidation_while_it_can_still_be_acted_on() -> None:
    """Said on the rank-list deadline's row alone, and with no word of
    ECFMG's Pathways Revalidation."""
    result = timeline.compute(PERSONA)
    [note] = [n for n in result["notes"] if n == timeline.PATHWAY_EXPIRY_NOTE]
    # Short, pointing to the row that says it in full, which the calendar carries (diff review s41, 4).
    # Its citation at the end, where in the middle it made a sentence of 77 words (planner audit s54, 7).
    assert note.endswith(f"Source: {data.ECFMG_PERMANENT_VALIDATION.cite()}.") and "Check that date now" in note
    assert f"“{timeline.EXAMS_CONFIRMED}”" in note and "Pathways Revalidation" not in note
    assert "31 May 2025" in data.ECFMG_PATHWAYS_REVALIDATION.cite()
    assert timeline.PATHWAY_REVALIDATION in by_title(result)[timeline.EXAMS_CONFIRMED]["detail"]
    assert timeline.PATHWAY_EXPIRY_NOTE in timeline.compute({**PERSONA, "applicant_type": "us-img"})["notes"]
    # Not to a US graduate, nor once the rank lists have closed.
    assert timeline.PATHWAY_EXPIRY_NOTE not in timeline.compute({**PERSONA, "applicant_type": "us-md"})["notes"]
    assert timeline.PATHWAY_EXPIRY_NOTE not in timeline.compute({**PERSONA, "today": "2028-03-01"})["notes"]


def test_the_guides_say_what_programs_learn_by_the_rank_list_deadline_in_one_plain_order() -> None:
    """The words "so that programs know when they rank you" lost their object
    on the SOAP page and tripped the reader elsewhere (newwords audit s41, 9)."""
    for path in ("docs/apply/timeline.md", "docs/unmatched/soap-and-plan-b.md"):
        line = guide_line(path, GUIDE_STEP3_SENTENCES[path])
        assert "know when they rank you" not in line, path
        assert "so that, when programs rank you, they know which visa they could offer" in line, path


def test_the_method_page_files_the_pathway_note_under_imgs_and_says_how_long_it_shows() -> None:
    """The page put the note in the US graduates' bullet and said "while the
    rank lists are open", where the plan shows it from today to its own
    rank-list deadline, a Match 2028 plan in December 2026 included
    (newwords audit s41, 13)."""
    far_off = timeline.compute(PERSONA)
    assert far_off["match_year"] == 2028
    assert timeline.PATHWAY_EXPIRY_NOTE in far_off["notes"]
    with open("docs/calculators/timeline.md", encoding="utf-8") as page:
        bullets = page.read().split("\n- ")
    [pathway] = [b for b in bullets if "Pathways Revalidation" in b]
    assert pathway.startswith("**An IMG's plan**, until the plan's rank-list deadline,")
    assert "While the rank lists are open" not in pathway
    [us] = [b for b in bullets if b.startswith("**US MD and DO seniors**")]
    assert "Pathway" not in us


def interview_start(submission: str, today: str = "2026-12-05") -> str:
    result = timeline.compute({"today": today, "eras_submission": submission})
    return next(m["date"] for m in result["milestones"] if m["title"] == "Interview season")


def test_the_interview_season_starts_a_month_after_programs_can_read_the_application() -> None:
    """It started a month after whatever submission date was typed: 15 and 29
    September gave 15 and 29 October, though programs start reviewing on one
    day for both."""
    reviews = cycle.season(2028)["programs_receive"].date
    assert reviews == dt.date(2027, 9, 22)
    # Sent before programs start reviewing: one start, a month after that day.
    assert interview_start("2027-09-01") == interview_start("2027-09-15") == "2027-10-22"
    # Sent after: a month after the submission, as the too-late rule counts.
    assert interview_start("2027-09-29") == "2027-10-29"
    assert timeline.interviews_begin(dt.date(2027, 9, 15), reviews) == dt.date(2027, 10, 22)
    assert timeline.interviews_begin(dt.date(2027, 9, 29), reviews) == dt.date(2027, 10, 29)


@pytest.mark.parametrize("submission", ["2026-09-02", "2026-12-20", "2027-01-10", "2027-01-20", "2027-01-25"])
def test_the_interview_row_and_the_too_late_rule_count_from_the_same_day(submission: str) -> None:
    result = timeline.compute({"today": "2026-08-01", "eras_submission": submission})
    dates = cycle.season(2027)
    start = timeline.interviews_begin(dt.date.fromisoformat(submission), dates["programs_receive"].date)
    short = (dates["rank_deadline"].date - start).days < timeline.SHORTEST_INTERVIEW_SEASON_DAYS
    assert short == timeline.interview_season_too_short(
        dt.date.fromisoformat(submission), dates["rank_deadline"].date, dates["programs_receive"].date
    )
    rows = [m for m in result["milestones"] if m["title"] == "Interview season"]
    if rows:
        assert rows[0]["date"] == start.isoformat()
    assert short == any("unlikely to lead to an interview" in n for n in result["notes"])


@pytest.mark.parametrize("applicant", ["us-md", "us-do"])
def test_a_us_senior_is_told_the_rank_list_deadline_is_the_last_day_to_withdraw(applicant: str) -> None:
    """A senior weighing a research year by extending school had no day to
    decide by, and could think the choice waited for Match Day."""
    result = timeline.compute({"today": "2026-12-05", "eras_submission": "2026-09-10", "applicant_type": applicant})
    rows = by_title(result)
    row = rows[timeline.US_SENIOR_WITHDRAW]
    deadline = cycle.season(2027)["rank_deadline"]
    assert row["date"] == deadline.date.isoformat() and not row["past"]
    assert row.get("estimated_early") == deadline.estimated_early
    # Both its sources in Source (planner audit s54, 7).
    assert row["source"] == timeline.cited_together(data.NRMP_WITHDRAWAL_DEADLINE, data.NRMP_SCHOOL_VERIFICATION)
    assert "last day to withdraw from the Match (NRMP)" in row["detail"] and "register" not in row["detail"]
    assert row["detail"].startswith(
        "Weighing a research year by staying in medical school another year? Decide it with your dean's office"
    )
    assert events(str(result["ics"]))[timeline.US_SENIOR_WITHDRAW]["DTSTART;VALUE=DATE"] == deadline.date.strftime("%Y%m%d")


@pytest.mark.parametrize("applicant", ["us-img", "non-us-img"])
def test_an_img_gets_no_us_senior_row(applicant: str) -> None:
    rows = by_title(timeline.compute({"today": "2026-12-05", "eras_submission": "2026-09-10", "applicant_type": applicant}))
    assert timeline.US_SENIOR_WITHDRAW not in rows


@pytest.mark.parametrize("applicant", ["us-md", "us-do"])
def test_a_us_graduate_who_did_not_match_gets_no_row_on_staying_in_school(applicant: str) -> None:
    # Already graduated, they read advice about extending school (diff review s41, 2).
    inputs = {"today": "2027-04-01", "applicant_type": applicant, "previously_unmatched": "true"}
    assert timeline.US_SENIOR_WITHDRAW not in by_title(timeline.compute(inputs))
    assert timeline.US_SENIOR_WITHDRAW in by_title(timeline.compute({**inputs, "previously_unmatched": "false"}))


def test_a_too_late_verdict_on_an_estimated_deadline_says_the_nrmps_may_be_later() -> None:
    # On 27 December "too late" rested on our deadline, set early on purpose (usmd-ortho audit s41, 8).
    def short_note(today: str, submission: str) -> str:
        result = timeline.compute({"today": today, "eras_submission": submission, "applicant_type": "us-md"})
        return next(n for n in result["notes"] if n.startswith("Short of interviews?"))

    estimated = short_note("2026-12-27", "2026-09-10")
    assert cycle.season(2027)["rank_deadline"].estimated_early
    # Until the NRMP's own deadline would likely fall, how much longer and to
    # send now, as the guides say (diff review s56, 2); after, that the time passed.
    assert "unlikely to lead to an interview" in estimated
    assert "That is until about 27 December 2026 to 3 January 2027. Send as soon as you can" in estimated
    later = short_note("2027-01-10", "2026-09-10")
    assert "That time has passed too. Do not turn down an interview before the NRMP's published deadline." in later
    published = short_note("2026-01-20", "2025-09-10")
    assert not cycle.season(2026)["rank_deadline"].estimated
    assert "unlikely to lead to an interview" in published and cycle.EARLY_DEADLINE_VERDICT not in published
    assert "Send as soon as you can" not in published


@pytest.mark.parametrize(("today", "late"), [("2026-12-20", False), ("2027-02-16", True)])
def test_with_no_date_the_running_season_note_follows_the_too_late_rule(today: str, late: bool) -> None:
    # "You can still apply for the Match 2027, late" every day to 16 February
    # (diff review s41, second, 2).
    notes = timeline.compute({"today": today, "applicant_type": "non-us-img"})["notes"]
    [running] = [n for n in notes if n.startswith(("You can still apply for the Match 2027", "An application to the Match 2027"))]
    assert running.startswith("You can still apply for the Match 2027, late") is not late
    assert ("unlikely to bring an interview" in running) is late


def test_a_submission_typed_too_late_hears_that_the_deadline_is_our_early_estimate() -> None:
    # The too-late note for a date the reader typed carried the caveat untested (diff review s41, second, 8).
    notes = timeline.compute({"today": "2026-12-27", "eras_submission": "2027-01-05"})["notes"]
    [late] = [n for n in notes if "An application sent on 5 January 2027 is unlikely" in n]
    assert "If the NRMP's deadline falls as in 2024 and 2026, new applications help about one to two weeks longer" in late


@pytest.mark.parametrize(
    ("match_year", "day", "estimated"),
    [
        # The cycle our data read, and the rule that fits it and the one before.
        (2026, dt.date(2025, 9, 24), False),
        (2025, dt.date(2024, 9, 25), True),
        (2027, dt.date(2026, 9, 23), True),
        (2028, dt.date(2027, 9, 22), True),
    ],
)
def test_residencycas_deadline_day_is_the_read_day_or_the_fourth_wednesday_of_september(
    match_year: int, day: dt.date, estimated: bool
) -> None:
    assert cycle.residencycas_deadline_day(match_year) == (day, estimated)
    assert day.weekday() == 2 and 22 <= day.day <= 28


US_IMG_LATE = {"today": "2026-12-05", "eras_submission": "2027-10-15", "applicant_type": "us-img"}


def test_the_plan_dates_residencycas_closing_for_a_reader_who_may_apply_in_its_fields() -> None:
    # No row, note or calendar event named ResidencyCAS: an OB/GYN reader
    # planning the Match 2028 never learned it closes in September
    # (obgyn-usimg audit s42, 3).
    result = timeline.compute(US_IMG_LATE)
    (row,) = [m for m in result["milestones"] if m["title"] == timeline.RESIDENCYCAS_CLOSES]
    assert row["title"] == "Emergency medicine or OB/GYN: ResidencyCAS closes to applications"
    assert row["date"] == "2027-09-22" and row["estimated"] and not row["past"]
    assert row["detail"].startswith(
        "If emergency medicine or OB/GYN is on your list: their programs use ResidencyCAS, not ERAS (AMA, 2024; "
        "CORD, 2025). After this day those fields may be closed, not merely late."
    )
    assert "Our estimate (see Source)" in row["detail"]
    # Its sources, first the day's, in Source, where the row's words named
    # two of them in full (planner audit s54, 8).
    assert row["source"] == timeline.cited_together(data.RESIDENCYCAS_DATES, data.SAEM_RESIDENCYCAS, data.EM_SLOE_REVIEW)
    assert "22 September 2027 (estimated)" in timeline.shown_date(row)
    assert events(result["ics"])[timeline.RESIDENCYCAS_CLOSES]["DESCRIPTION"].startswith(
        "If emergency medicine or OB/GYN is on your list:"
    )
    # Conditional: it is never the headline's next step (a late submission's
    # headline may still say that ResidencyCAS is closed by then).
    assert f"Next: {timeline.RESIDENCYCAS_CLOSES}" not in result["summary"]


def test_a_submission_after_residencycas_closes_is_told_those_fields_would_be_closed() -> None:
    result = timeline.compute(US_IMG_LATE)
    (note,) = [n for n in result["notes"] if "not merely late" in n]
    assert note.startswith(
        "If emergency medicine or OB/GYN is on your list: ResidencyCAS, which their programs use in place of ERAS, "
        "takes applications for the Match 2028 only until 22 September 2027 (estimated; 24 September in the 2025–26 cycle; "
    )
    assert "A submission on 15 October 2027 would find those fields closed, not merely late" in note
    on_time = timeline.compute({**US_IMG_LATE, "eras_submission": "2027-09-10"})
    assert not any("not merely late" in n for n in on_time["notes"])


def test_a_past_residencycas_deadline_is_said_in_the_past() -> None:
    result = timeline.compute({"today": "2026-12-05", "eras_submission": "2026-09-10", "applicant_type": "us-img"})
    (row,) = [m for m in result["milestones"] if m["title"] == timeline.RESIDENCYCAS_CLOSES]
    assert row["past"] and row["date"] == "2026-09-23"
    assert "After about this day those fields were closed, not merely late" in row["detail"]
    assert "Send by it" not in row["detail"] and "surely passed" in row["detail"]
    # Between the estimate and September's end, said as every calculator says
    # it: perhaps closed, check now (diff review s42, 1).
    week = timeline.compute({"today": "2026-09-27", "eras_submission": "2026-09-20", "applicant_type": "us-do"})
    (row,) = [m for m in week["milestones"] if m["title"] == timeline.RESIDENCYCAS_CLOSES]
    assert "After about this day those fields may be closed" in row["detail"]
    assert "were closed" not in row["detail"] and "Send by it" not in row["detail"] and "check its dates now" in row["detail"]


@pytest.mark.parametrize(
    ("inputs", "visa"),
    [
        ({"applicant_type": "us-img"}, False),
        ({"applicant_type": "us-img", "needs_visa": True}, True),
        ({"applicant_type": "non-us-img"}, True),
        ({"applicant_type": "non-us-img", "needs_visa": False}, False),
    ],
)
def test_program_lists_ask_about_visa_sponsorship_only_of_a_reader_who_needs_a_visa(
    inputs: dict[str, object], visa: bool
) -> None:
    # A US-citizen IMG, "needs_visa" resolved to false, was told to research
    # each program's visa sponsorship (obgyn-usimg audit s42, 8).
    result = timeline.compute({"today": "2026-01-05", **inputs})
    (row,) = [m for m in result["milestones"] if m["title"] == timeline.BUILD_LISTS]
    assert row["detail"].startswith("Keep separate lists per specialty in a tracking spreadsheet. Research ")
    assert "record with IMGs" in row["detail"]
    assert ("visa sponsorship" in row["detail"]) is visa
    assert ("visa sponsorship" in events(result["ics"])[timeline.BUILD_LISTS]["DESCRIPTION"]) is visa


def test_a_later_submission_is_heard_and_headlined_not_only_noted() -> None:
    # Moved from September to November, the read-out and the phone's headline
    # stayed word for word the same; the lateness was in a note far below the
    # field (a11y-phone audit s42, 1).
    said = {
        day: timeline.compute({"today": "2026-12-05", "eras_submission": day, "applicant_type": "non-us-img"})
        for day in ("2027-09-20", "2027-10-25", "2027-11-20")
    }
    on_time, october, november = said.values()
    assert not on_time["announced"].startswith("Submitting")
    # 33 and 59 days after reviews start: never said shorter than they are.
    assert october["announced"].startswith("Submitting nearly 5 weeks into reviews: many interview places gone.")
    assert november["announced"].startswith("Submitting over 8 weeks into reviews")
    assert len({s["announced"] for s in said.values()}) == 3
    assert all(len(s["announced"].split()) <= registry.READ_OUT_WORDS for s in said.values())
    assert november["summary"].startswith(
        "Submitting 20 November 2027, over 8 weeks after programs start reviewing: many interview places will be gone (our reading)."
    )
    # Not said of a submission already behind the reader.
    past = timeline.compute({"today": "2026-12-05", "eras_submission": "2026-11-20"})
    assert not past["announced"].startswith("Submitting")


@pytest.mark.parametrize(
    ("submission", "heard", "noted"),
    [
        ("2027-09-23", "ResidencyCAS probably closed by then.", "would probably find those fields closed"),
        ("2027-10-25", "ResidencyCAS closed by then.", "would find those fields closed, not merely late"),
    ],
)
def test_a_submission_after_residencycas_closes_is_said_in_the_headline_and_only_as_firmly_as_the_date_allows(
    submission: str, heard: str, noted: str
) -> None:
    # The ResidencyCAS note came second, under "a few days make little
    # difference", and called an estimated day firmly closed (do-em audit s42, 1 and 3).
    result = timeline.compute({"today": "2026-12-05", "eras_submission": submission, "applicant_type": "us-do"})
    assert heard in result["announced"] and len(result["announced"].split()) <= registry.READ_OUT_WORDS
    assert "By then ResidencyCAS (emergency medicine or OB/GYN) is" in result["summary"]
    assert any(noted in n for n in result["notes"])
    [row] = [m for m in result["milestones"] if m["title"] == timeline.RESIDENCYCAS_CLOSES]
    assert "those fields may be closed, not merely late" in row["detail"]
    assert "ResidencyCAS's own day may be earlier or later, so send by it once published" in row["detail"]
    on_time = timeline.compute({"today": "2026-12-05", "eras_submission": "2027-09-15", "applicant_type": "us-do"})
    assert "ResidencyCAS" not in on_time["announced"]


@pytest.mark.parametrize(
    ("applicant", "says", "not_said"),
    [
        ("us-do", "how many DOs each program trains, and whether it takes COMLEX Level 2-CE alone", "IMG"),
        ("us-md", "Keep separate lists per specialty in a tracking spreadsheet.", "IMG"),
        ("us-img", "record with IMGs", "DOs"),
    ],
)
def test_the_program_lists_row_names_the_check_for_the_readers_own_kind(applicant: str, says: str, not_said: str) -> None:
    # A DO, whom the DO exam row sends to this step, was spoken to as an IMG (do-em audit s42, 9).
    result = timeline.compute({"today": "2026-01-05", "applicant_type": applicant})
    (row,) = [m for m in result["milestones"] if m["title"] == timeline.BUILD_LISTS]
    assert says in row["detail"] and not_said not in row["detail"]


def test_the_residencycas_row_tells_an_em_reader_about_sloes_and_not_to_wait_for_one() -> None:
    # An EM reader's plan said nothing of SLOEs following EM rotations or of
    # sending the application by the deadline without waiting for one (do-em audit s42, 5).
    result = timeline.compute({"today": "2026-12-05", "applicant_type": "us-do"})
    (row,) = [m for m in result["milestones"] if m["title"] == timeline.RESIDENCYCAS_CLOSES]
    assert "a SLOE (an EM rotation's letter) can follow the application: send without waiting (SAEM)" in row["detail"]
    assert "Book EM rotations early: many programs want two SLOEs" in row["detail"]
    # Named briefly in the row, in full in its Source (planner audit s54, 8).
    assert "(SAEM)" in row["detail"] and "(WestJEM)" in row["detail"]
    assert data.SAEM_RESIDENCYCAS.cite() in row["source"] and data.EM_SLOE_REVIEW.cite() in row["source"]
    assert data.SAEM_RESIDENCYCAS.cite() not in row["detail"]


@pytest.mark.parametrize(
    ("match_year", "today"),
    [(2028, "2026-12-07"), (2027, "2026-09-27"), (2027, "2026-12-07"), (2026, "2025-09-01")],
    ids=["open, estimated", "may have closed", "closed", "open, published"],
)
def test_the_residencycas_row_keeps_under_ninety_words_in_every_state(match_year: int, today: str) -> None:
    # At 216 words in every plan, whatever the reader's fields, it was the
    # longest row an ERAS-only reader had to pass (planner audit s54, 8).
    row = timeline.residencycas_row(match_year, dt.date.fromisoformat(today))
    assert len(row["detail"].split()) < 90
    assert "not merely late" in row["detail"] and "SLOE" in row["detail"]


@pytest.mark.parametrize("today", ["2026-07-01", "2026-09-10", "2026-12-05", "2027-05-01"])
def test_a_late_submission_is_heard_before_the_past_steps_on_any_build_date(today: str) -> None:
    # Past 40 words the lateness gave way first and went unheard in a third
    # of late plans, the default non-US IMG's among them (diff review s42, 2).
    day = dt.date.fromisoformat(today)
    heard = 0
    for weeks in (6, 9, 12):
        submission = cycle.season(cycle.coming_season(day) if day.month < 9 else day.year + 1)["programs_receive"].date
        inputs = {"today": today, "eras_submission": (submission + dt.timedelta(weeks=weeks)).isoformat()}
        try:
            result = timeline.compute({**inputs, "applicant_type": "non-us-img"})
        except InputError:
            continue
        if result["summary"].startswith("Submitting"):
            assert result["announced"].startswith("Submitting"), (inputs, result["announced"])
            assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
            heard += 1
    assert heard, "no late plan on this date: the test checked nothing"


# Season-dates audit s43: an emergency medicine reader starting late on 5
# October was sent back to the Match 2028 and told to send a ResidencyCAS
# application "by then", 13 days gone.
EM_LATE = {"today": "2027-10-05", "applicant_type": "us-img", "needs_visa": False}


def residencycas_note(result: timeline.TimelineResult) -> str:
    (note,) = [n for n in result["notes"] if n.startswith(timeline.RESIDENCYCAS_FIELDS_IF)]
    return note


@pytest.mark.parametrize("day", ["2027-01-14", "2027-02-05"])
def test_too_late_for_interviews_is_not_followed_by_erases_still_taking_applications(day: str) -> None:
    # "Too late for interviews" in the headline and "fields in ERAS still
    # take applications" in the ResidencyCAS note (diff review s43, 5).
    result = timeline.compute({**EM_LATE, "today": day, "eras_submission": day})
    assert "Too late for interviews" in result["summary"]
    note = residencycas_note(result)
    assert note.endswith("Plan them for the Match 2028.") and "still take applications" not in note


def test_today_and_the_submission_both_past_residencycas_deadline_say_it_closed_and_ask_for_no_day_gone() -> None:
    result = timeline.compute({**EM_LATE, "eras_submission": "2027-10-05"})
    assert cycle.residencycas_state(2028, dt.date(2027, 10, 5)) == "closed"
    note = residencycas_note(result)
    assert note == (
        "If emergency medicine or OB/GYN is on your list: ResidencyCAS, which their programs use in place of ERAS, "
        "closed to applications for the Match 2028 in late September (in the 2025–26 cycle, the latest we hold, it closed on 24 September; "
        f"{data.RESIDENCYCAS_DATES.cite()}): those fields are closed to you for this Match, not merely late. Plan them "
        "for the Match 2029; fields in ERAS still take applications."
    )
    for said in (note, result["summary"], result["announced"]):
        assert "by then" not in said and "takes applications" not in said
    assert "ResidencyCAS (emergency medicine or OB/GYN) has closed." in result["summary"]
    assert "If EM or OB/GYN: ResidencyCAS has closed." in result["announced"]
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
    # A submission later still, and today past the deadline: the same.
    later = timeline.compute({**EM_LATE, "eras_submission": "2027-11-02"})
    assert residencycas_note(later) == note


@pytest.mark.parametrize(
    ("submission", "send"),
    [("2027-09-25", "send that application today;"), ("2027-10-05", "send that application now, not on 5 October 2027;")],
)
def test_in_the_week_residencycas_may_have_closed_the_note_asks_for_today_not_the_day_gone(submission: str, send: str) -> None:
    result = timeline.compute({**EM_LATE, "today": "2027-09-25", "eras_submission": submission})
    assert cycle.residencycas_state(2028, dt.date(2027, 9, 25)) == "may-have-closed"
    note = residencycas_note(result)
    assert (
        "may have closed to applications for the Match 2028, so check ResidencyCAS's dates: its own deadline may be up "
        "to a week after our estimate, 22 September 2027" in note
    )
    assert f"If it is still open, {send} if it has closed, those fields are closed to you for this Match" in note
    assert "by then" not in note and "takes applications" not in note
    assert "ResidencyCAS (emergency medicine or OB/GYN) may have closed." in result["summary"]
    assert "If EM or OB/GYN: ResidencyCAS may have closed." in result["announced"]
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS


def test_while_residencycas_is_open_today_a_later_submission_is_still_told_to_send_by_its_deadline() -> None:
    result = timeline.compute({**EM_LATE, "today": "2027-09-10", "eras_submission": "2027-10-05"})
    note = residencycas_note(result)
    assert "takes applications for the Match 2028 only until 22 September 2027" in note
    assert "send that application by then" in note
    assert "By then ResidencyCAS (emergency medicine or OB/GYN) is closed." in result["summary"]


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (
            "2027-10-05",
            "Emergency medicine and OB/GYN are no longer open in it. ResidencyCAS, which their programs use, closed to "
            "applications for the Match 2028 in late September",
        ),
        (
            "2027-09-25",
            "Emergency medicine and OB/GYN may no longer be open in it. ResidencyCAS, which their programs use, may "
            "have closed to applications for the Match 2028",
        ),
    ],
)
def test_the_default_plans_running_season_note_says_residencycas_fields_are_no_longer_open_in_it(today: str, said: str) -> None:
    result = timeline.compute({**EM_LATE, "today": today})
    assert result["match_year"] == 2029
    (note,) = [n for n in result["notes"] if n.startswith("You can still apply for the Match 2028, late")]
    assert said in note
    assert "the next season for them is the Match 2029" in note or "so for them the next season is the Match 2029" in note
    assert note.index(said) < note.index("To plan the Match 2028 instead, enter a submission date by about")


@pytest.mark.parametrize(
    ("today", "submission", "said"),
    [
        # 13 days after reviews began, submitting today: days, and past tenses.
        (
            "2027-10-05",
            "2027-10-05",
            "Submitting 5 October 2027, 13 days after programs started reviewing: many interview places are gone (our reading).",
        ),
        # Ahead of the review start: "start", and "will be".
        (
            "2027-09-10",
            "2027-10-05",
            "Submitting 5 October 2027, 13 days after programs start reviewing: many interview places will be gone (our reading).",
        ),
        ("2027-10-05", "2027-10-25", "Submitting 25 October 2027, nearly 5 weeks after programs started reviewing:"),
    ],
)
def test_the_late_submission_headline_never_rounds_down_and_is_in_the_tense_of_today(
    today: str, submission: str, said: str
) -> None:
    result = timeline.compute({"today": today, "eras_submission": submission, "applicant_type": "non-us-img"})
    assert result["summary"].startswith(said)
    assert "1 week" not in result["summary"] and "1 week" not in result["announced"]
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS


@pytest.mark.parametrize(
    ("days", "said"),
    [(7, "7 days"), (13, "13 days"), (14, "2 weeks"), (17, "over 2 weeks"), (18, "nearly 3 weeks"), (35, "5 weeks")],
)
def test_days_or_weeks_never_reads_shorter_than_the_days(days: int, said: str) -> None:
    assert cycle.days_or_weeks(days) == said


def test_a_june_reader_after_eras_opened_is_told_to_register_in_myeras_now() -> None:
    # The "ERAS opens" row was marked past, and nothing said to register
    # (season-dates audit s43, 6).
    result = timeline.compute({"today": "2027-06-10", "applicant_type": "non-us-img", "needs_visa": True})
    opens = cycle.season(2028)["eras_opens"]
    assert opens.estimated and opens.date == dt.date(2027, 6, 2)
    [note] = [n for n in result["notes"] if n.startswith("ERAS opened on 2 June 2027 (estimated): ")]
    assert "if you have not registered in MyERAS yet, do it now" in note
    assert "if the AAMC's own is later, ERAS opens then" in note
    # After the step that leads, heard within 40 words.
    assert result["summary"].startswith(
        "Next: IMGs: Step 2 CK score in before you submit on 1 July 2027 (estimated). ERAS opened on 2 June 2027 "
        "(estimated): register in MyERAS now if not done. "
    )
    assert "Register in MyERAS now if not done." in result["announced"]
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
    # On its own day, in the present.
    same_day = timeline.compute({"today": "2027-06-02"})
    assert any(n.startswith("ERAS opens on 2 June 2027 (estimated): ") for n in same_day["notes"])


@pytest.mark.parametrize("today", ["2027-05-20", "2027-09-02", "2027-10-05"])
def test_the_myeras_note_is_only_for_the_months_between_eras_opening_and_the_first_day_to_send(today: str) -> None:
    result = timeline.compute({"today": today})
    assert not any("MyERAS" in n for n in result["notes"])
    assert "MyERAS" not in result["summary"] and "MyERAS" not in result["announced"]


def test_a_published_eras_opening_is_not_called_our_estimate() -> None:
    result = timeline.compute({"today": "2026-07-01"})
    opens = cycle.season(2027)["eras_opens"]
    assert not opens.estimated
    [note] = [n for n in result["notes"] if n.startswith(f"ERAS opened on {opens.shown()}: ")]
    assert "our estimate" not in note


def test_the_rank_list_deadline_row_names_supplemental_lists_for_advanced_programs() -> None:
    # derm-usmd audit s43, 11.
    result = timeline.compute({"today": "2026-12-05"})
    (row,) = [m for m in result["milestones"] if m["title"] == cycle.MILESTONE_BY_KEY["rank_deadline"].label]
    assert "Ranking advanced (PGY-2) programs? Certify by then the supplemental lists" in row["detail"]
    assert "only after a match to an advanced program it is linked to" in row["detail"]
    assert data.NRMP_ALGORITHM.cite() in row["source"] and data.NRMP_ALGORITHM.cite() not in row["detail"]


def test_the_after_soap_note_is_the_one_the_no_match_guide_gives() -> None:
    result = timeline.compute({"today": "2027-04-10", "previously_unmatched": True})
    assert result["notes"][0].startswith(cycle.after_soap(2027, dt.date(2027, 4, 10)))
    assert cycle.after_soap_season(dt.date(2027, 4, 10)) == 2027
    assert cycle.after_soap_season(dt.date(2027, 5, 2)) is None


# --- seasonlate audit s44 ----------------------------------------------------------
@pytest.mark.parametrize("today", ["2028-02-16", "2028-02-17", "2028-02-20", "2028-03-01"])
def test_past_the_early_estimate_a_plan_for_the_next_season_still_names_the_running_ones_rank_lists(today: str) -> None:
    # From our estimate's own day to Match Week the plan for the Match 2029
    # never named the Match 2028, whose NRMP deadline may still be open
    # (seasonlate audit s44, 1).
    result = timeline.compute({"today": today, "applicant_type": "non-us-img"})
    assert result["match_year"] == 2029
    lead = "Applied to the Match 2028? Its rank lists may still be open: certify today. "
    assert result["summary"].startswith(lead) and result["announced"].startswith(lead)
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
    first = result["notes"][0]
    assert first.startswith("Applied to the Match 2028? ") and "enter the date you submitted" in first
    if today == "2028-02-16":
        assert "is today, 16 February 2028" in first and "has passed" not in first
    else:
        assert cycle.estimate_passed(cycle.season(2028)["rank_deadline"], "its rank-list deadline")[1:] in first


@pytest.mark.parametrize(("today", "named"), [("2028-02-15", True), ("2028-03-13", False), ("2028-03-17", False)])
def test_outside_those_days_the_plan_keeps_its_earlier_words(today: str, named: bool) -> None:
    result = timeline.compute({"today": today, "applicant_type": "non-us-img"})
    assert not result["summary"].startswith("Applied to the Match 2028?")
    assert any("Applied to the Match 2028 already?" in n for n in result["notes"]) is named


def test_after_an_estimated_soap_end_the_plan_asks_the_reader_to_confirm_it_before_contacting_programs() -> None:
    # "SOAP for the Match 2028 is over ... now that SOAP has ended you may
    # contact" rested on our rule alone (seasonlate audit s44, 6).
    first = timeline.compute({"today": "2028-03-17"})["notes"][0]
    assert first.startswith(
        "SOAP for the Match 2028 has ended by our estimate (16 March 2028): confirm on the NRMP's calendar that it has "
        "closed before you contact any program."
    )
    assert "is over" not in first and "now that SOAP has ended" not in first


def test_a_plan_of_estimates_says_when_our_date_table_was_last_updated() -> None:
    # "None of the published Match 2029 dates yet", in November 2028, when
    # the NRMP had surely published them (seasonlate audit s44, 7).
    notes = timeline.compute({"today": "2028-11-20"})["notes"]
    [note] = [n for n in notes if n.startswith("Our table has none of the published Match")]
    assert ": it was last updated in November 2026, so each date" in note and " yet" not in note
    table = (Path(__file__).parent.parent / "calculators" / "figures" / "cycle_dates.tsv").read_text(encoding="utf-8")
    assert f"last updated, {cycle.dates_table_updated()}" in table


def test_an_estimated_residencycas_deadline_may_fall_before_ours_as_well_as_after() -> None:
    # "Its own may be up to a week later", of an estimate not set early
    # (seasonlate audit s44, 8).
    [row] = [m for m in timeline.compute({"today": "2028-07-10"})["milestones"] if m["title"] == timeline.RESIDENCYCAS_CLOSES]
    assert "may be earlier or later, so send by it once published, until then by this one" in row["detail"]
    assert "up to a week later" not in row["detail"]


def test_a_reapplicant_is_told_only_hands_on_work_closes_a_gap_from_patient_care() -> None:
    # "Arrange rotations or observerships" to a reapplicant whose guide row
    # says observing does not count (dermnonus audit s45, 8).
    from calculators import competitiveness

    said = timeline.HANDS_ON_AFTER_NO_MATCH
    assert competitiveness.UNMATCHED_GUIDE in said and competitiveness.UNMATCHED_GUIDE_FIX in said
    for reader in ({}, {"applicant_type": "us-md", "needs_visa": "false"}):
        again = by_title(timeline.compute({"today": "2027-03-25", "previously_unmatched": True, **reader}))
        detail = again["Plan US clinical experience"]["detail"]
        assert detail.startswith(f"{timeline.US_CLINICAL_DETAIL} {said}")
        first = by_title(timeline.compute({"today": "2026-04-01", **reader}))["Plan US clinical experience"]["detail"]
        assert first.startswith(timeline.US_CLINICAL_DETAIL) and said not in first


def test_a_reapplicant_who_has_graduated_is_told_how_to_work_in_the_backup_field_without_electives() -> None:
    # "Schedule electives in your backup specialty" met a graduate three years
    # out, whom no school books electives for (reapplypsych audit s49, 6).
    row = "Book backup rotations and letter writers"
    again = by_title(timeline.compute({"today": "2026-12-06", "applicant_type": "us-img", "previously_unmatched": True}))
    assert again[row]["detail"] == f"{timeline.BACKUP_ROTATIONS_DETAIL} {timeline.BACKUP_WORK_AFTER_NO_MATCH}"
    first = by_title(timeline.compute({"today": "2026-12-06", "applicant_type": "us-img"}))
    assert first[row]["detail"] == timeline.BACKUP_ROTATIONS_DETAIL
    # The guide and section it names are there to be found.
    guide = (Path(__file__).parent.parent / "docs" / "unmatched" / "soap-and-plan-b.md").read_text(encoding="utf-8")
    assert (
        guide.startswith("# SOAP and a non-residency Plan B")
        and "SOAP and a non-residency Plan B" in timeline.BACKUP_WORK_AFTER_NO_MATCH
    )
    assert "#### If you cannot work clinically where you trained {" in guide


@pytest.mark.parametrize(
    ("today", "submission", "start"),
    [
        ("2026-03-25", "2027-09-08", "2026-04-10"),  # a week after the choice of lane
        ("2026-12-06", "2028-09-06", "2026-12-06"),  # months into the year: now
        ("2026-12-06", None, "2026-12-06"),  # the next season, 18 months after the no-match
    ],
)
def test_a_year_long_plan_after_a_no_match_starts_the_years_work_at_once(today: str, submission: str | None, start: str) -> None:
    # Nothing was dated from the choice of lane to the first preparation row,
    # 15 months before submitting, while the guides start the year's role in
    # its first month (reapplypsych audit s49, 4).
    inputs = {"today": today, "previously_unmatched": True, "applicant_type": "us-img", "needs_visa": "false"}
    result = timeline.compute({**inputs, "eras_submission": submission} if submission else inputs)
    row = by_title(result)[timeline.START_THE_YEAR.title]
    assert row["date"] == start and row["detail"] == timeline.START_THE_YEAR.detail
    assert row["source"] == data.ARTICLE_UNMATCHED.cite()
    assert "observing does not count" in row["detail"] and "two or three outputs" in row["detail"]
    # Months into the year, it is what the plan leads with.
    assert result["summary"].startswith(f"Next: {timeline.START_THE_YEAR.title}") == (start == today)
    # Reapplying at once leaves no year to start, and a first application has no no-match.
    at_once = timeline.compute({**inputs, "today": "2026-03-25", "eras_submission": "2026-09-09"})
    assert timeline.START_THE_YEAR.title not in by_title(at_once)
    first = timeline.compute({**inputs, "previously_unmatched": False, "eras_submission": "2028-09-06"})
    assert timeline.START_THE_YEAR.title not in by_title(first)
    # The guide section it names is there.
    guide = (Path(__file__).parent.parent / "docs" / "unmatched" / "soap-and-plan-b.md").read_text(encoding="utf-8")
    assert "## Putting the 12–24 months together" in guide and "Putting the 12–24 months together" in row["detail"]


# --- Advanced programs and their first year (anesadv audit s46) ----------------
def test_match_day_tells_a_reader_matched_to_an_advanced_program_and_a_first_year_what_to_ask() -> None:
    # Matched to an advanced program and a linked first year, a visa reader was
    # told to request a statement for "the field you matched into", with no word
    # of the two programs or the second employer's petition (anesadv audit s46, 1).
    detail = by_title(timeline.compute(VISA_READER))["Match Day"]["detail"]
    assert (
        "Matched to an advanced program and a first year? Ask ECFMG first which specialty to name. Ask too whether "
        "moving into the advanced field uses your one change of specialty." in detail
    )
    assert "After a first year elsewhere, the advanced program's employer files a petition of its own (USCIS)." in detail
    assert data.H1B_CHANGE_OF_EMPLOYER.cite() in by_title(timeline.compute(VISA_READER))["Match Day"]["source"]
    assert len(detail.split()) < ROW_WORDS
    plain = by_title(timeline.compute({**VISA_READER, "needs_visa": "false"}))["Match Day"]["detail"]
    assert "advanced program" not in plain


@pytest.mark.parametrize("applicant", ["us-md", "us-do", "us-img", "non-us-img"])
def test_the_program_lists_row_schedules_the_first_year_for_anyone_applying_to_an_advanced_program(applicant: str) -> None:
    # The plan's first word of first-year programs came at the rank-list
    # deadline, too late to apply to any; it asks no specialty, so every
    # reader is told, on condition (anesadv audit s46, 5).
    result = timeline.compute({"today": "2026-01-05", "applicant_type": applicant})
    (row,) = [m for m in result["milestones"] if m["title"] == timeline.BUILD_LISTS]
    said = (
        "Applying to any program that starts at PGY-2 (an advanced program)? List preliminary or transitional programs "
        "for the first year too, with a short statement and letters for them. You need not if you are in or past a US "
        "first year already."
    )
    assert row["detail"].endswith(said)
    assert (
        "preliminary or transitional programs for the first year too"
        in events(result["ics"])[timeline.BUILD_LISTS]["DESCRIPTION"]
    )
    assert "list first-year (preliminary or transitional) programs too" in str(timeline.method())


# --- When a reserved or an advanced place starts (pgy1res audit s46, 8) ----------------
@pytest.mark.parametrize(("today", "submission"), [(MID_SEASON, "2026-09-24"), ("2027-08-01", "2027-09-24")])
def test_the_rank_deadline_row_dates_a_reserved_and_an_advanced_start_from_the_match_year(today: str, submission: str) -> None:
    # A reader in a US first year ranking reserved and advanced places was
    # never told which July each starts in.
    result = timeline.compute({"today": today, "eras_submission": submission})
    [deadline] = [row for title, row in by_title(result).items() if title.startswith(RANK_DEADLINE_TITLE)]
    match_year = dt.date.fromisoformat(deadline["date"]).year
    detail = deadline["detail"]
    assert (
        "In or past a US first year already? You need no supplemental lists. A reserved (physician) PGY-2 place from "
        f"this Match starts on 1 July {match_year}. An advanced one starts on 1 July {match_year + 1}, a year later."
    ) in detail
    assert data.NRMP_POSITION_TYPES.cite() in deadline["source"]
    assert cycle.training_starts(match_year) == dt.date(match_year, 7, 1)
    assert cycle.training_starts(match_year, advanced=True) == dt.date(match_year + 1, 7, 1)
    # After the supplemental lists it answers, and carried by the calendar file.
    assert detail.index("Ranking advanced (PGY-2) programs?") < detail.index("In or past a US first year already?")
    described = " ".join(events(str(result["ics"]))[RANK_DEADLINE_TITLE]["DESCRIPTION"].split())
    assert f"An advanced one starts on 1 July {match_year + 1}" in described
    assert len(detail.split()) < ROW_WORDS


def test_the_step3_row_says_how_a_pass_after_submission_reaches_programs() -> None:
    # The row dates the pass after submission so that programs know it when
    # they rank, and never said how it reaches them (h1bvisa audit s47, 1).
    seen = "Programs see your USMLE results in the transcript ERAS sends them (AAMC). Once the pass is reported, check in MyERAS"
    for inputs in (VISA_READER, {"today": MID_SEASON, "eras_submission": "2026-09-24", "needs_visa": "true"}):
        row = by_title(timeline.compute(inputs))[timeline.H1B_STEP3]
        assert seen in row["detail"] and data.ERAS_DOCUMENTS.cite() in row["source"]
        assert row["detail"].endswith("Tell those that said they would file an H-1B for you.")


# A reader who cannot take a J-1 got the J-1-or-any-visa plan, and a reader
# who had passed Step 3 a day to apply for it (h1bvisa audit s47, 2).
J1_ROUTE = ("Statement of Need", "plan on the J-1", "the J-1 is the route left", "For a J-1")


@pytest.mark.parametrize("today", ["2026-06-01", "2026-12-05", "2027-04-15", "2027-12-06"])
def test_an_h1b_only_reader_is_offered_no_j1_route_and_told_to_rank_only_programs_that_will_file(today: str) -> None:
    result = timeline.compute({**PERSONA, "today": today, "needs_visa": "h1b-only"})
    said = " ".join([*(m["detail"] for m in result["milestones"]), *result["notes"], result["summary"]])
    for words in J1_ROUTE:
        assert words not in said, (today, words)
    rows = by_title(result)
    assert "rank only programs that have said so" in rows[timeline.VISA_STEP]["detail"]
    # The H-1B's sources alone, with the law first (h1bvisa audit s47, 9; planner audit s54, 7).
    assert rows[timeline.VISA_STEP]["source"] == timeline.cited_together(*timeline.VISA_STEP_H1B_ONLY_SOURCES)
    assert rows[timeline.VISA_STEP]["source"].startswith(data.INA_H1B.cite())
    assert data.ECFMG_J1.cite() not in rows[timeline.VISA_STEP]["source"]
    step3 = rows[timeline.H1B_STEP3]["detail"]
    assert "You cannot take a J-1" in step3 and "this Match holds no position you could start" in step3
    assert timeline.H1B_STEP3_SEEN in step3
    match_day = next(m for m in result["milestones"] if m["title"].startswith("Match Day"))
    assert timeline.H1B_AFTER_MATCH in match_day["detail"] and timeline.J1_AFTER_MATCH not in match_day["detail"]
    assert next(n for n in result["notes"] if n.startswith("You need an H-1B and cannot take a J-1, as you answered"))
    # A reader who can take either still hears both routes.
    either = timeline.compute({**PERSONA, "today": today, "needs_visa": "true"})
    heard = " ".join(m["detail"] for m in either["milestones"])
    assert "Statement of Need" in heard and timeline.VISA_AFTER_MATCH in heard


def test_step3_already_passed_drops_the_day_to_apply_and_says_the_row_is_done() -> None:
    for needs in ("true", "h1b-only"):
        passed = timeline.compute({**PERSONA, "today": "2027-04-15", "needs_visa": needs, "step3_passed": True})
        rows = by_title(passed)
        # A Step 3 pass means ECFMG certified the reader already: no row asks for it.
        assert timeline.H1B_STEP3_APPLY not in rows and timeline.H1B_CERTIFIED not in rows
        done = rows[timeline.H1B_STEP3]["detail"]
        assert done.startswith(timeline.H1B_STEP3_DONE) and timeline.H1B_STEP3_SEEN_PASSED in done
        assert "too little time" not in done and "apply to the FSMB" not in done
        assert ("You cannot take a J-1" in done) is (needs == "h1b-only")
        note = next(n for n in passed["notes"] if n.startswith("You need"))
        assert (
            f"“{timeline.STEP3_PASSED_LABEL}” ticked, the plan leaves out “{timeline.H1B_CERTIFIED}” and "
            f"“{timeline.H1B_STEP3_APPLY}”"
        ) in note
        # Close to the deadline too, the too-late warning is not said.
        close = by_title(timeline.compute({**PERSONA, "today": "2027-12-06", "needs_visa": needs, "step3_passed": True}))
        assert close[timeline.H1B_STEP3]["detail"] == done
    # Without a visa, on a first application, the box changes nothing, as its help says.
    none = {"today": "2027-04-15", "eras_submission": "2027-09-15", "needs_visa": "false"}
    assert timeline.compute({**none, "step3_passed": True})["milestones"] == timeline.compute(none)["milestones"]
    assert "(with a visa, or after a no-match)" in next(f for f in timeline.FIELDS if f.name == "step3_passed").help


# --- Step 3 for a reader who cannot take a J-1, and once passed (diffreview48 audit s48) -------
def test_an_h1b_only_reader_is_not_told_step3_is_optional_and_hears_waiting_as_a_trade() -> None:
    # "If you will sit Step 3 for an H-1B ... a failure can do more harm than no
    # Step 3" made no Step 3 the safe default for a reader for whom it is the
    # only way to a position this Match (diffreview48 audit s48, 7).
    for today in ("2026-12-05", "2027-04-15"):
        rows = by_title(timeline.compute({**PERSONA, "today": today, "needs_visa": "h1b-only"}))
        apply = rows[timeline.H1B_STEP3_APPLY]["detail"]
        assert apply.startswith(
            "Apply to the FSMB by about this day: you cannot take a J-1, so you need Step 3 for any position this Match."
        )
        assert "if you will sit" not in apply
        # The caution stays, as the trade it is.
        assert (
            "For you that is a trade, not a safe wait. A failure can do more harm than no Step 3, but no pass in time "
            "means no position this Match." in apply
        )
        assert len(apply.split()) < ROW_WORDS
        step3 = rows[timeline.H1B_STEP3]["detail"]
        assert "If you hope for" not in step3 and step3.startswith("For the H-1B you need: a program can file")
    # A reader who can take a J-1 keeps the article's warning as it was.
    either = by_title(timeline.compute(PERSONA))
    # Action first (planner audit s54, 7).
    assert either[timeline.H1B_STEP3_APPLY]["detail"].startswith(
        "Apply to the FSMB by about this day if you will sit Step 3 for an H-1B."
    )
    assert "since a failure can do more harm than no Step 3." in either[timeline.H1B_STEP3_APPLY]["detail"]
    assert either[timeline.H1B_STEP3]["detail"].startswith("If you hope for an H-1B")
    # Too close to the deadline, the row's first words are the H-1B-only reader's too.
    close = by_title(timeline.compute({**PERSONA, "today": "2027-12-06", "needs_visa": "h1b-only"}))
    assert close[timeline.H1B_STEP3]["detail"].startswith("For the H-1B you need")


def test_with_step3_passed_the_visa_step_and_its_note_point_to_a_row_that_says_what_they_promise() -> None:
    # The visa step sent a reader who cannot take a J-1 to "the Step 3 rows
    # below", which "date it", and the note to "the Step 3 row", when the one
    # row left said only that the step was done (diffreview48 audit s48, 8).
    inputs = {**PERSONA, "today": "2027-12-15", "eras_submission": "2027-09-01", "step3_passed": True}
    passed = timeline.compute(inputs)
    rows = by_title(passed)
    visa = rows[timeline.VISA_STEP]["detail"]
    assert "If you cannot take a J-1, read the Step 3 row below." in visa
    assert "rows below" not in visa and "date it" not in visa and "You have it, as you answered." in visa
    done = rows[timeline.H1B_STEP3]["detail"]
    assert timeline.H1B_STEP3_APPLY not in rows
    assert done.endswith(
        "No J-1 for you? Rank only programs that have said they will file an H-1B for you. If none has, this Match "
        "holds no position you could start."
    )
    note = next(n for n in passed["notes"] if n.startswith("You need a visa"))
    assert f"(no J-1 for you? see the row “{timeline.H1B_STEP3}”)" in note
    # The transcript sentence fits a pass already on file as well as a new one.
    assert "Check in MyERAS that the transcript the programs you apply to receive shows your pass" in done
    assert "once the pass is reported" not in done and "the new one" not in done
    # The H-1B-only reader's visa step no longer asks by when, or points to a row that dates it.
    only = by_title(timeline.compute({**inputs, "needs_visa": "h1b-only"}))[timeline.VISA_STEP]["detail"]
    assert "Tell it you have passed Step 3, which the petition needs before it is filed" in only
    assert "by when it needs your Step 3 pass" not in only and "dates it" not in only
    # Unticked, the visa steps keep their pointers to the rows that date it.
    assert timeline.VISA_STEP3_ROWS in by_title(timeline.compute({**inputs, "step3_passed": False}))[timeline.VISA_STEP]["detail"]
    unticked = by_title(timeline.compute({**inputs, "step3_passed": False, "needs_visa": "h1b-only"}))
    assert timeline.VISA_STEP3_H1B_ONLY in unticked[timeline.VISA_STEP]["detail"]


@pytest.mark.parametrize(
    ("visa", "unpassed", "passed"),
    [
        ("true", timeline.VISA_STEP3_ROWS, timeline.VISA_STEP3_ROWS_PASSED),
        ("h1b-only", timeline.VISA_STEP3_H1B_ONLY, timeline.VISA_STEP3_H1B_ONLY_PASSED),
    ],
)
@pytest.mark.parametrize("today", ["2026-06-01", "2027-12-15"])
def test_a_step3_pass_changes_only_the_visa_steps_step3_words(visa: str, unpassed: str, passed: str, today: str) -> None:
    # The passed words were swapped in by a replace over the finished row;
    # now each row is built with its own (diff review s52b, 10).  Before and
    # after the H-1B payment's end, the rest of the row is the same.
    inputs = {**PERSONA, "today": today, "needs_visa": visa}
    before = by_title(timeline.compute({**inputs, "step3_passed": False}))[timeline.VISA_STEP]["detail"]
    after = by_title(timeline.compute({**inputs, "step3_passed": True}))[timeline.VISA_STEP]["detail"]
    assert before.count(unpassed) == 1 and passed not in before
    assert after == before.replace(unpassed, passed)


def test_too_close_to_the_deadline_an_h1b_only_reader_is_still_told_to_rank_only_programs_that_will_file() -> None:
    # The "too close" words, from the verified graduate's last day to the
    # rank-list deadline, had dropped the rank-only rule (diffreview48 audit s48, 9).
    for today in ("2027-11-20", "2027-12-15", "2028-02-01"):
        row = by_title(timeline.compute({**PERSONA, "today": today, "needs_visa": "h1b-only"}))[timeline.H1B_STEP3]["detail"]
        assert timeline.STEP3_TOO_CLOSE_H1B_ONLY in row, today
        assert "rank only programs that have said they will file an H-1B for you" in row, today


# --- Every row in every week ------------------------------------------------
# The tests above hold the rows they name under our limit on the days they
# pick; rows ran past it on other days (the visa step at 322 words for a
# reader who had not matched, in the September a season opens; the Step 3 row
# at 328 in the weeks its warning shows), read by no test.  The limit was 300
# words until the rows were cut to short sentences (planner audit s54, 7).
def rows_past_the_limit(today: dt.date) -> list[tuple[str, int, dict[str, object]]]:
    long_rows = []
    for needs_visa in ("false", "true", "h1b-only"):
        for unmatched in (False, True):
            for submission in (None, today - dt.timedelta(days=60)):
                for step3_passed in (False, True):
                    inputs: dict[str, object] = {
                        "today": today.isoformat(),
                        "applicant_type": "non-us-img",
                        "needs_visa": needs_visa,
                        "previously_unmatched": unmatched,
                        "step3_passed": step3_passed,
                    }
                    if submission:
                        inputs["eras_submission"] = submission.isoformat()
                    try:
                        milestones = timeline.compute(inputs)["milestones"]
                    except InputError:
                        continue  # a submission outside every season's window
                    long_rows += [(m["title"], n, inputs) for m in milestones if (n := len(m["detail"].split())) >= ROW_WORDS]
    return long_rows


@pytest.mark.parametrize("month", range(12))
def test_no_row_of_the_plan_runs_past_our_limit_in_any_week(month: int) -> None:
    first = dt.date(2026 + (month + 8) // 12, (month + 8) % 12 + 1, 1)
    assert [row for week in range(5) for row in rows_past_the_limit(first + dt.timedelta(days=6 * week))] == []


# --- Step 3 for a reapplicant held back by a low score (reapplypsych audit s49, 3) -------------------------------------
def test_a_reapplicant_who_needs_no_visa_gets_a_step3_row_dated_for_the_result_to_reach_programs() -> None:
    plan = {"today": dt.date(2026, 4, 1), "previously_unmatched": True, "applicant_type": "us-img", "needs_visa": "false"}
    result = timeline.compute(plan)
    row = by_title(result)[timeline.STEP3_AFTER_NO_MATCH]
    reviews = cycle.season(result["match_year"])["programs_receive"].date
    read = max(dt.date.fromisoformat(result["submission"]), reviews)
    assert row["date"] == timeline.months_from(read, -3).isoformat() and not row["past"]
    assert timeline.MOVED_NOTE not in row["detail"]
    # The chain of weeks for a verified graduate fits in the months it is set before.
    weeks = timeline.STEP3_PERMIT_WEEKS + timeline.STEP3_SEAT_WEEKS + timeline.STEP3_RESULT_WEEKS
    assert (read - dt.date.fromisoformat(row["date"])).days >= 7 * weeks
    assert row["detail"].startswith(f"Not taken Step 3 yet? {capitalised(data.STEP3_ARTICLE_CASE)}.")
    assert len(row["detail"].split()) < ROW_WORDS
    # The FSMB's 12 weeks run from graduation: no earlier application shortens them (diff review s50b, 7).
    assert "If you graduated this year, verifying can take up to 12 weeks after graduation" in row["detail"]
    assert "apply about three months earlier" not in row["detail"] and "once ECFMG has certified you" in row["detail"]
    # The FSMB's and the transcript's sources in the row's Source, named briefly inline (diff review s51, 4).
    cited = (data.ARTICLE_UNMATCHED, data.FSMB_STEP3, data.STEP3_SCORE_DELAY, data.ERAS_DOCUMENTS)
    assert row["source"] == timeline.SOURCES_APART.join(c.cite() for c in cited)
    assert "about 2 weeks for the permit (FSMB)" in row["detail"] and data.FSMB_STEP3.cite() not in row["detail"]
    assert "about 4 for the result (FSMB and ECFMG)" in row["detail"] and "ERAS sends (AAMC)." in row["detail"]
    # Not for a first application, nor once passed, which the notes say.
    assert timeline.STEP3_AFTER_NO_MATCH not in by_title(timeline.compute({**plan, "previously_unmatched": False}))
    passed = timeline.compute({**plan, "step3_passed": True})
    assert timeline.STEP3_AFTER_NO_MATCH not in by_title(passed)
    assert any(
        f"“{timeline.STEP3_PASSED_LABEL}” ticked, the plan leaves out “{timeline.STEP3_AFTER_NO_MATCH}”." in note
        for note in passed["notes"]
    )


@pytest.mark.parametrize("submission", [None, "2026-09-02", "2026-11-20", "2027-01-25"])
def test_a_reapplicant_who_needs_a_visa_gets_the_step3_row_and_is_told_why_the_h1b_rows_date_it_later(
    submission: str | None,
) -> None:
    # A visa reader held back by a low score heard of Step 3 only as the
    # H-1B's gate, dated for the petition (diff review s50b, 8); late
    # submissions too (diff review s51, 4).
    plan: dict[str, object] = {"today": dt.date(2026, 4, 1), "previously_unmatched": True, "applicant_type": "non-us-img"}
    if submission:
        plan["eras_submission"] = submission
    for needs, pointer in (
        ("true", timeline.STEP3_AFTER_NO_MATCH_VISA),
        ("h1b-only", timeline.STEP3_AFTER_NO_MATCH_H1B_ONLY),
    ):
        result = timeline.compute({**plan, "needs_visa": needs})
        rows = by_title(result)
        row = rows[timeline.STEP3_AFTER_NO_MATCH]
        assert row["detail"] == pointer and "the row “H-1B: your Step 3 pass in hand”" in pointer
        assert len(row["detail"].split()) < ROW_WORDS
        # "By a later day": the pass-in-hand row's, whatever the submission.
        assert row["date"] < rows[timeline.H1B_STEP3]["date"]
        # Once passed, the row goes with the H-1B's apply-by row, and the visa note names both.
        passed = timeline.compute({**plan, "needs_visa": needs, "step3_passed": True})
        assert timeline.STEP3_AFTER_NO_MATCH not in by_title(passed)
        note = next(n for n in passed["notes"] if n.startswith("You need"))
        dropped = f"“{timeline.H1B_CERTIFIED}”, “{timeline.H1B_STEP3_APPLY}” and “{timeline.STEP3_AFTER_NO_MATCH}”"
        assert f"“{timeline.STEP3_PASSED_LABEL}” ticked, the plan leaves out {dropped}." in note
    # A US graduate who needs a visa has no H-1B rows here, so no pointer to them.
    us = by_title(timeline.compute({**plan, "applicant_type": "us-md", "needs_visa": "true"}))
    assert us[timeline.STEP3_AFTER_NO_MATCH]["detail"] == timeline.STEP3_AFTER_NO_MATCH_DETAIL
    assert timeline.H1B_STEP3 not in us


def test_the_step3_row_stays_under_300_words_with_a_late_seasons_note_and_is_not_work_that_still_fits() -> None:
    # Placed today in a season under review, the row took the longer-work
    # note and ran to 341 words, and "do what still fits" offered its ten
    # weeks to a reader days from submitting (diff review s51, 4).
    plan = {"today": "2027-10-06", "previously_unmatched": True, "eras_submission": "2028-01-20"}
    for needs in ("true", "false", "h1b-only"):
        for applicant in ("non-us-img", "us-md"):
            result = timeline.compute({**plan, "needs_visa": needs, "applicant_type": applicant})
            row = by_title(result)[timeline.STEP3_AFTER_NO_MATCH]
            # Our row limit, and the season's note on top of it.
            limit = ROW_WORDS + len(timeline.LONGER_WORK_NOTE.split())
            assert timeline.LONGER_WORK_NOTE in row["detail"] and len(row["detail"].split()) < limit
    assert timeline.STEP3_AFTER_NO_MATCH in timeline.MONTHS_OF_WORK
    soon = timeline.compute({"today": "2026-08-20", "eras_submission": "2026-09-02", "previously_unmatched": True})
    fits = next(n for n in soon["notes"] if "do what still fits" in n)
    still, longer = fits.split("Do not hold your application back for the longer work")
    assert timeline.STEP3_AFTER_NO_MATCH not in still and timeline.STEP3_AFTER_NO_MATCH in longer


# --- A first-time applicant mid-season, and what follows the rank lists (midseason audit s52, 5) ----
# On 7 December 2026 this reader sent a first application in September for
# the Match 2027, whose Match Day (19 March 2027) and Match Week (from 15
# March) are our estimates.
SENT = {"today": "2026-12-07", "eras_submission": "2026-09-24", "applicant_type": "us-img"}
TICK = "I applied before and did not match"


def test_a_first_applicant_whose_application_is_out_is_told_to_tick_the_box_only_after_a_no_match() -> None:
    # "A first application: tick ... for the debrief" led this reader to tick
    # it, for a debrief dated from the Match 2026, which they were never in.
    notes = timeline.compute(SENT)["notes"]
    (hint,) = [n for n in notes if f"“{TICK}”" in n]
    # Match Week, not Match Day, tells the unmatched (diff review s52, 14).
    assert hint.startswith(f"If this is your first application, leave “{TICK}” unticked for now: it is for after a no-match.")
    # What to do after Match Week is the debrief row's to say, not repeated here (diff review s52b).
    assert (
        f"If Match Week, from 15 March 2027 (estimated), tells you that you did not match, the row “{timeline.DEBRIEF_IF_UNMATCHED}”"
        in hint
    )
    assert "enter your next submission date" not in hint
    (row,) = [m for m in timeline.compute(SENT)["milestones"] if m["title"] == timeline.DEBRIEF_IF_UNMATCHED]
    assert f"tick “{TICK}” and enter your next submission date, or leave it empty" in row["detail"]
    assert not any(n.startswith("A first application") for n in notes)
    # From the Monday of Match Week the no-match is known: no "come back then".
    (later,) = [n for n in timeline.compute({**SENT, "today": "2027-03-16"})["notes"] if f"“{TICK}”" in n]
    assert later.startswith(f"Not matched in the Match 2027? Tick “{TICK}”") and "come back" not in later
    # Before the application goes out, the box is for a no-match in an earlier season.
    (ahead,) = [n for n in timeline.compute({**SENT, "eras_submission": "2027-09-15"})["notes"] if f"“{TICK}”" in n]
    assert ahead.startswith("This plan is for a first application. Applied in an earlier season and did not match?")


def test_the_box_ticked_after_the_application_went_out_dates_no_debrief_from_the_match_before() -> None:
    first = timeline.compute(SENT)
    ticked = timeline.compute({**SENT, "previously_unmatched": True})
    rows = by_title(ticked)
    for title in (timeline.DEBRIEF.title, timeline.CHOICE_OF_LANE.title, timeline.STEP3_AFTER_NO_MATCH):
        assert title not in rows
    assert not any(timeline.MOVED_NOTE in m["detail"] for m in ticked["milestones"])
    no_match = cycle.season(2026)["match_day"].date
    counted_from_it = {(no_match + dt.timedelta(days=s.days)).isoformat() for s in timeline.AFTER_NO_MATCH}
    assert not any(m["date"] in counted_from_it or "taken as" in m["detail"] for m in ticked["milestones"])

    # Nothing ahead of the reader changes, as the note says.
    # The same rows ahead, on the same days; only the debrief row's "keep it ticked" differs.
    def ahead(result: timeline.TimelineResult) -> list[tuple[str, str]]:
        return [(m["date"], m["title"]) for m in result["milestones"] if not m["past"]]

    assert ahead(ticked) == ahead(first)
    assert [m for m in ticked["milestones"] if not m["past"] and m["title"] != timeline.DEBRIEF_IF_UNMATCHED] == [
        m for m in first["milestones"] if not m["past"] and m["title"] != timeline.DEBRIEF_IF_UNMATCHED
    ]
    (note,) = [n for n in ticked["notes"] if n.startswith(f"You ticked “{TICK}”")]
    assert "your application for the Match 2027 went out on 24 September 2026" in note
    assert "this plan dates no debrief from an earlier Match" in note and "nothing ahead of you changes" in note
    assert f"the row “{timeline.DEBRIEF_IF_UNMATCHED}” says what to do" in note
    # With the application still to send, a reapplicant's debrief still follows the Match before it.
    late = by_title(timeline.compute({**SENT, "eras_submission": "2026-12-10", "previously_unmatched": True}))
    assert late[timeline.DEBRIEF.title]["date"] == "2026-03-27"
    # Back in Match Week, ticked with no date: the debrief follows this Match Day.
    again = timeline.compute({"today": "2027-03-16", "applicant_type": "us-img", "previously_unmatched": True})
    assert by_title(again)[timeline.DEBRIEF.title]["date"] == "2027-03-26"


def test_once_the_application_is_out_the_plan_goes_on_to_soap_the_unfilled_list_and_a_debrief() -> None:
    result = timeline.compute(SENT)
    rows = by_title(result)
    dates = cycle.season(2027)
    ready, unfilled, debrief = (rows[t] for t in (timeline.SOAP_READY, timeline.UNFILLED_LIST, timeline.DEBRIEF_IF_UNMATCHED))
    # A week before Match Week, our day, marked as counted from an estimate.
    assert ready["date"] == (dates["match_week"].date - dt.timedelta(days=7)).isoformat() == "2027-03-08"
    assert ready["estimated"] and "our advice" in ready["detail"] and "general clinical letter" in ready["detail"]
    assert "“Prepare before Match Week, not during it”" in ready["detail"]
    # From the end of SOAP until 1 May, one stretch, past only once the list closes.
    assert unfilled["date"] == (dates["soap_ends"].date + dt.timedelta(days=1)).isoformat()
    assert unfilled["until"] == cycle.unfilled_list_until(2027).isoformat() == "2027-05-01"
    assert "our estimate of SOAP's end" in unfilled["detail"]
    assert ready["source"] == unfilled["source"] == data.NRMP_SOAP.cite()
    # A week after Match Day, as the no-match article's debrief, and how to plan what follows.
    assert debrief["date"] == "2027-03-26" and debrief["source"] == data.ARTICLE_UNMATCHED.cite()
    assert debrief["detail"].startswith(timeline.DEBRIEF.detail) and f"“{TICK}”" in debrief["detail"]
    # The season's own SOAP rows are not repeated.
    titles = [m["title"] for m in result["milestones"]]
    assert all(titles.count(dates[k].label) == 1 for k in ("match_week", "soap_ends", "match_day"))
    assert len([t for t in titles if "SOAP" in t]) == 4 and titles.count(timeline.SOAP_READY) == 1
    assert {timeline.SOAP_READY, timeline.UNFILLED_LIST, timeline.DEBRIEF_IF_UNMATCHED} <= set(events(str(result["ics"])))
    # A need for a visa adds its own line to getting ready.
    assert "Need a visa?" not in ready["detail"]
    assert "Need a visa?" in by_title(timeline.compute({**SENT, "needs_visa": "true"}))[timeline.SOAP_READY]["detail"]
    # After SOAP the stretch leads the headline, and after 1 May the plan is over.
    assert timeline.compute({**SENT, "today": "2027-03-22"})["summary"].startswith(
        f"Now: {timeline.UNFILLED_LIST}, until 1 May 2027."
    )
    over = timeline.compute({**SENT, "today": "2027-05-02"})
    assert over["past_count"] == len(over["milestones"])
    # Still to be sent, the plan ends at Match Day.
    assert timeline.compute({**SENT, "eras_submission": "2027-09-15"})["milestones"][-1]["title"] == "Match Day"


def test_getting_ready_for_soap_runs_up_to_match_week_and_leads_the_headline_in_that_week() -> None:
    # One day a week before Match Week, it was marked past on 10 March 2027,
    # five days before SOAP (soap audit s55, 4).
    ready = by_title(timeline.compute(SENT))[timeline.SOAP_READY]
    assert (ready["date"], ready["until"], ready.get("until_estimated")) == ("2027-03-08", "2027-03-14", True)
    assert ready["detail"].startswith("Have these ready by this day, a week before Match Week:")
    week_before = timeline.compute({**SENT, "today": "2027-03-10"})
    assert not by_title(week_before)[timeline.SOAP_READY]["past"]
    assert week_before["summary"].startswith(
        f"Now: {timeline.SOAP_READY}. Next: {cycle.season(2027)['match_week'].label} on 15 March 2027 (estimated)."
    )
    # Past Match Day SOAP is surely over: neither the row nor the note asks to
    # confirm it, as the guides no longer do (soap audit s55, 9).
    unfilled = by_title(timeline.compute({**SENT, "today": "2027-03-27"}))[timeline.UNFILLED_LIST]
    assert "our estimate of SOAP's end" not in unfilled["detail"]
    assert "our estimate of SOAP's end" in by_title(timeline.compute(SENT))[timeline.UNFILLED_LIST]["detail"]
    notes = " ".join(timeline.compute({"today": "2027-03-27", "applicant_type": "us-img"})["notes"])
    assert "SOAP for the Match 2027 is over." in notes and "confirm on the NRMP's calendar" not in notes
    # Once Match Week has begun it is behind the reader.
    assert by_title(timeline.compute({**SENT, "today": "2027-03-15"}))[timeline.SOAP_READY]["past"]


def test_the_soap_stretch_keeps_the_read_out_within_40_words_and_the_week_before_soap_is_named() -> None:
    # As a stretch, the row took the read-out to 41 words from 18 February to
    # 3 March 2027 (diff review s55b, 1), and a plan for the next season said
    # nothing of the running one from 4 to 14 March (s55b, 2).
    day = dt.date(2027, 2, 18)
    while day <= dt.date(2027, 3, 14):
        for inputs in (SENT, {**SENT, "needs_visa": "true"}, {**SENT, "applicant_type": "non-us-img"}):
            heard = timeline.compute({**inputs, "today": day.isoformat()})["announced"]
            assert len(heard.split()) <= 40, (day, heard)
        day += dt.timedelta(days=1)
    assert (
        "be ready for SOAP from 8 to 14 March 2027 (estimated)." in timeline.compute({**SENT, "today": "2027-03-01"})["summary"]
    )
    for today, said in (("2027-03-03", False), ("2027-03-04", True), ("2027-03-14", True), ("2027-03-15", False)):
        notes = timeline.compute({"today": today})["notes"]
        lead = "Applied to the Match 2027? Its rank lists have almost certainly closed"
        assert notes[0].startswith(lead) is said, (today, notes[0])
        if said:
            assert "get ready for SOAP now: Match Week starts 15 March 2027 (estimated)." in notes[0]


# --- Match Week, day by day (diff review s55b, 3) -------------------------------------------
MATCH_WEEK = cycle.season(2027)["match_week"].label


def match_week_row(today: str, **other: object) -> tuple[timeline.TimelineResult, timeline.PlanItem]:
    result = timeline.compute({**SENT, "today": today, **other})
    return result, by_title(result)[MATCH_WEEK]


def status_of(result: timeline.TimelineResult, title: str) -> str:
    """The Status cell of the row ``title`` in the rendered table."""
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", str(timeline.render(result)), re.S)
    cells = next(re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in rows if escape(title) in row)
    return cells[1]


@pytest.mark.parametrize("today", ["2027-03-15", "2027-03-16", "2027-03-18"])
def test_in_match_week_its_row_runs_to_soaps_end_and_gives_the_days_steps_with_their_sources(today: str) -> None:
    # From the Tuesday the row was marked past and gave no steps, while the
    # SOAP page listed them: the printed plan was thinnest that week.
    day = dt.date.fromisoformat(today)
    result, row = match_week_row(today)
    assert not row["past"] and (row["date"], row["until"], row.get("until_estimated")) == ("2027-03-15", "2027-03-18", True)
    assert timeline.shown_date(row) == "15 to 18 March 2027 (estimated)"
    # Under way after its first day, as the plan's other stretches are; on Monday it is the day's row.
    assert status_of(result, MATCH_WEEK) == ("Next" if today == "2027-03-15" else "Under way")
    steps = cycle.soap_week_steps(day, timeline.NOT_ELIGIBLE_WHERE)
    # The day's steps, each source named briefly in the words and cited in full in Source.
    assert row["detail"].endswith(" ".join(cycle.soap_step_said(step, brief=True) for step in steps))
    assert f"our steps for {long_date(day)}." in row["detail"]
    for cite in cycle.soap_step_sources(steps):
        assert cite in row["source"].split(timeline.SOURCES_APART) and cite not in row["detail"], cite
    assert data.NRMP_SOAP.cite() in row["source"] and data.NRMP_SOAP_FAQ.cite() in row["source"]
    # The SOAP page's "above" is no place in a plan.
    assert "“If you are not eligible for SOAP” on the guide page “SOAP and a non-residency Plan B”." in row["detail"]
    assert " above" not in row["detail"]
    if today == "2027-03-15":
        assert "Here are our steps for 15 March 2027. Today, check in the NRMP's R3 system" in row["detail"]
        assert "you pay $99 for up to 45 programs (Liaison International)." in row["detail"]
        assert data.RESIDENCYCAS_SOAP.cite() in row["source"]
        assert result["summary"].startswith(f"Next: {MATCH_WEEK} from 15 to 18 March 2027 (estimated). ")
    else:
        assert f"In SOAP? Here are our steps for {long_date(day)}." in row["detail"]
        assert "ResidencyCAS" not in row["detail"] and data.RESIDENCYCAS_SOAP.cite() not in row["source"]
        # SOAP's end is said once, as the next step's, not as the stretch's end too.
        assert result["summary"].startswith(f"Now: {MATCH_WEEK}. Next: SOAP ends on 18 March 2027 (estimated). ")
    assert ("SOAP ends today" in row["detail"]) is (today == "2027-03-18")
    assert ("List of Unfilled Programs in R3 until 1 May 2027" in row["detail"]) is (today == "2027-03-18")
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS and result["announced"].startswith(
        result["summary"].split(" Plan for the Match")[0]
    )
    assert len(row["detail"].split()) < ROW_WORDS and max(len(s.split()) for s in sentences(row["detail"])) <= SENTENCE_WORDS
    # One event over the days, with the identity it had before Match Week.
    event = events(str(result["ics"]))["Match Week begins"]
    assert (event["DTSTART;VALUE=DATE"], event["DTEND;VALUE=DATE"]) == ("20270315", "20270319")
    assert event["UID"] == events(str(match_week_row("2027-03-12")[0]["ics"]))["Match Week begins"]["UID"]


@pytest.mark.parametrize("today", ["2027-03-12", "2027-03-19", "2027-03-22"])
def test_outside_match_week_its_row_is_one_day_with_no_steps(today: str) -> None:
    # Before Match Week and after SOAP the row and the headline are as they were.
    result, row = match_week_row(today)
    assert "until" not in row and timeline.shown_date(row) == "15 March 2027 (estimated)"
    assert row["detail"].endswith("You also see the matched program's city, state and ZIP code on Monday (NRMP).")
    assert row["source"] == timeline.SOURCES_APART.join(
        [cycle.season(2027)["match_week"].cite(), data.NRMP_MATCHED_LOCATION.cite()]
    )
    assert row["past"] is (today != "2027-03-12")
    if today == "2027-03-12":
        assert result["summary"].startswith(f"Now: {timeline.SOAP_READY}. Next: {MATCH_WEEK} on 15 March 2027 (estimated). ")
    if today == "2027-03-22":
        assert result["summary"].startswith(f"Now: {timeline.UNFILLED_LIST}, until 1 May 2027. Next: ")


@pytest.mark.parametrize(
    ("today", "said"),
    [
        ("2027-03-03", "the NRMP's own deadline may be later"),
        ("2027-03-04", "Registration has almost certainly closed: this day is our estimate, and in the NRMP calendars"),
        ("2027-03-16", "Registration has closed, on the NRMP's own rank-list deadline, which this day estimates."),
    ],
)
def test_the_registration_row_says_closed_only_as_surely_as_the_deadline_is_known(today: str, said: str) -> None:
    # From 4 March to Match Week, past the latest day the NRMP's deadline can
    # plausibly fall, the row said "closed on this day" of our early estimate
    # (soap audit s55, 3).
    row = by_title(timeline.compute({**SENT, "today": today}))[cycle.season(2027)["late_registration_ends"].label]
    assert said in row["detail"] and row["past"]
    assert "closed on this day" not in row["detail"]


def test_after_published_dates_the_rows_after_the_rank_lists_are_not_called_estimates() -> None:
    rows = by_title(timeline.compute({"today": "2025-12-07", "eras_submission": "2025-09-24", "applicant_type": "us-img"}))
    dates = cycle.season(2026)
    assert not dates["match_week"].estimated and not dates["soap_ends"].estimated
    ready, unfilled = rows[timeline.SOAP_READY], rows[timeline.UNFILLED_LIST]
    assert "estimated" not in ready and "estimated" not in unfilled
    assert unfilled["date"] == "2026-03-20" and "our estimate of SOAP's end" not in unfilled["detail"]


@pytest.mark.parametrize("today", ["2027-03-19", "2027-03-25", "2027-04-20", "2027-05-01"])
@pytest.mark.parametrize("ticked", [False, True])
def test_after_soap_a_sent_plan_says_the_unfilled_list_once_in_its_row(today: str, ticked: bool) -> None:
    # The note from cycle.after_soap said again what the row beside it said
    # (diff review s52b, 10): now the note only says where the rows are.
    result = timeline.compute({**SENT, "today": today, "previously_unmatched": ticked})
    said = " ".join(result["notes"])
    assert result["notes"][0] == timeline.AFTER_SOAP_SEE_ROWS
    assert "List of Unfilled Programs" not in said and cycle.AFTER_SOAP_POINTER not in said
    # The row still holds every fact the note gave, and the rows it points to are the last.
    row = by_title(result)[timeline.UNFILLED_LIST]
    assert not row["past"] and "until 1 May 2027" in row["detail"] and cycle.AFTER_SOAP_POINTER in row["detail"]
    # Until Match Day SOAP's end is our estimate; after it, surely past (soap audit s55, 9).
    assert ("our estimate of SOAP's end" in row["detail"]) is (today <= "2027-03-26")
    assert row["source"] == data.NRMP_SOAP.cite()
    titles = [m["title"] for m in result["milestones"]]
    assert titles[-2:] == [timeline.UNFILLED_LIST, timeline.DEBRIEF_IF_UNMATCHED]
    # A plan without those rows, for the next season, keeps the whole note.
    unsent = timeline.compute({"today": today, "applicant_type": "us-img", "previously_unmatched": ticked})
    assert timeline.UNFILLED_LIST not in by_title(unsent)
    assert unsent["notes"][0] == f"{cycle.after_soap(2027, dt.date.fromisoformat(today))} {cycle.AFTER_SOAP_POINTER}"


# --- One row's sources, told apart (diff review s51b, 5) ---------------------------------
def test_a_row_with_several_sources_keeps_them_apart_in_its_source_cell() -> None:
    # Joined with "; ", the Step 3 row's sources ran into their own semicolons
    # ("...; secondary copy; FSMB, ..."), and a reader could not tell where one ended.
    step = next(s for s in timeline.STEPS if s.also_cited)
    cites = [s.cite() for s in (step.source, *step.also_cited)]
    assert step.cites() == timeline.SOURCES_APART.join(cites) and "; FSMB" not in step.cites()
    # No citation holds the separator, so it can only mean "next source".
    sources = [v for v in vars(data).values() if isinstance(v, data.Source)]
    assert len(sources) > 50 and not any(timeline.SOURCES_APART in s.cite() for s in sources)
    # In the table each source has a line of its own; with one source, nothing changes.
    cell = str(timeline.source_cell(step.cites()))
    assert cell.count("<br>Also: ") == len(step.also_cited) and cell.startswith(data.ARTICLE_UNMATCHED.cite())
    assert str(timeline.source_cell(data.NRMP_SOAP.cite())) == data.NRMP_SOAP.cite()
    plan = {"today": "2026-04-01", "previously_unmatched": True, "applicant_type": "non-us-img"}
    html = unescape(str(timeline.render(timeline.compute(plan))))
    assert f"{data.ARTICLE_UNMATCHED.cite()}. <br>Also: {data.FSMB_STEP3.cite()}. <br>Also: " in html
    # The visa row's sources too, and the method's table of steps.
    assert f"{data.INA_H1B.cite()}. <br>Also: {data.H1B_PROCLAMATION.cite()}" in html
    assert f"{data.ARTICLE_UNMATCHED.cite()}. <br>Also: {data.FSMB_STEP3.cite()}" in unescape(str(timeline.method()))


@pytest.mark.parametrize("applicant", ["us-md", "us-do"])
def test_a_us_graduate_who_ticks_the_box_after_sending_gets_no_seniors_row(applicant: str) -> None:
    # "A graduate who did not match gets no such row" held only when the box
    # was ticked before sending (diff review s52, 3).
    sent = {**SENT, "applicant_type": applicant}
    assert timeline.US_SENIOR_WITHDRAW in by_title(timeline.compute(sent))
    ticked = timeline.compute({**sent, "previously_unmatched": True})
    assert timeline.US_SENIOR_WITHDRAW not in by_title(ticked)
    # Submitted today counts as sent, for the box as for the rows after Match Day.
    today = timeline.compute({**sent, "eras_submission": SENT["today"], "previously_unmatched": True})
    assert timeline.DEBRIEF.title not in by_title(today) and timeline.DEBRIEF_IF_UNMATCHED in by_title(today)


def test_the_debrief_row_after_match_day_asks_to_keep_a_ticked_box_ticked() -> None:
    # "Tick" a box already ticked (diff review s52b, 7).
    first = by_title(timeline.compute(SENT))[timeline.DEBRIEF_IF_UNMATCHED]
    ticked = by_title(timeline.compute({**SENT, "previously_unmatched": True}))[timeline.DEBRIEF_IF_UNMATCHED]
    assert f"come back once you know. Then tick “{TICK}” and" in first["detail"]
    assert f"come back once you know. Then keep “{TICK}” ticked and" in ticked["detail"]
    (hint,) = [n for n in timeline.compute({**SENT, "today": "2027-03-16"})["notes"] if f"“{TICK}”" in n]
    assert hint.endswith("from Match Day, 19 March 2027 (estimated).")


# --- s54: the running season in a plan for a later one, its last useful day, and ECFMG
# certification on the H-1B route (couples audit s54, 2 and 11; planner audit s54, 1, 9 and 10) ---
COUPLE_LATER = {"today": "2026-12-07", "eras_submission": "2027-09-15", "applicant_type": "non-us-img"}
RUNNING_2027 = "Applied to the Match 2027 already? That season is still under way."


def running_notes(result: timeline.TimelineResult) -> list[str]:
    return [n for n in result["notes"] if "Applied to the Match 2027" in n]


def late_notes(result: timeline.TimelineResult) -> list[str]:
    """The note on applying to the running Match late, apart from the one on
    staying in it (diff review s54, 19)."""
    return [n for n in result["notes"] if n.startswith(("You can still apply for the Match", "An application to the Match"))]


def test_a_plan_with_a_later_date_says_the_running_match_is_under_way_and_how_to_stay_in_it() -> None:
    # With next September typed on 7 December, the plan named the Match 2027
    # nowhere, to a couple with interviews in it (couples audit s54, 2).
    for needs_visa in ("true", "false"):
        result = timeline.compute({**COUPLE_LATER, "needs_visa": needs_visa})
        assert result["match_year"] == 2028
        (note,) = running_notes(result)
        assert note.startswith(RUNNING_2027)
        assert (
            "Not registered with the NRMP yet? Register with the late fee, by 17 February 2027 (estimated, set early "
            "on purpose). That is also the last day to certify your rank list." in note
        )
        assert note.endswith(
            "To plan that season, enter the date you submitted. This plan, for the Match 2028, leaves out its ranking."
        )
        # In short sentences, where one ran to 46 words (diff review s54b, 11).
        assert max(len(sentence.split()) for sentence in sentences(note)) <= 25
        # Short: the note for a reader who left the date to us says how to
        # apply late; a reader who typed a later date hears only this.
        assert "You can still apply" not in note and len(note.split()) <= 65
    # One note for both plans, which the plan with no date follows with how to apply late, as a note of its own.
    (dated,) = running_notes(timeline.compute(COUPLE_LATER))
    undated = timeline.compute({**COUPLE_LATER, "eras_submission": ""})
    assert running_notes(undated) == [dated] and not late_notes(timeline.compute(COUPLE_LATER))
    (late,) = late_notes(undated)
    assert late.startswith("You can still apply for the Match 2027, late")
    assert undated["notes"].index(late) + 1 == undated["notes"].index(dated)


@pytest.mark.parametrize(
    ("inputs", "said"),
    [
        # Before the late fee: both days.
        (
            {"today": "2026-10-15"},
            "Register without the late fee until 30 November 2026 (estimated), or with it by 17 February 2027",
        ),
        # Past the last useful day, still before the rank lists close.
        ({"today": "2027-01-20"}, "Register with the late fee, by 17 February 2027"),
    ],
)
def test_the_running_season_note_follows_the_registration_fee_of_the_day(inputs: dict[str, str], said: str) -> None:
    (note,) = running_notes(timeline.compute({**COUPLE_LATER, **inputs}))
    assert note.startswith(RUNNING_2027) and said in note
    # The guides' terms, from the one helper (diff review s54, 18).
    today = dt.date.fromisoformat(inputs["today"])
    running = cycle.season(2027)
    terms = cycle.registration_terms(
        cycle.registration(2027, today),
        running["early_registration_ends"].shown(),
        f"by {running['late_registration_ends'].shown()}",
    )
    assert f"Register {''.join(map(str, terms))}." in note


@pytest.mark.parametrize(
    "inputs",
    [
        # The running season has not started: nobody is in it yet.
        {"today": "2026-08-01"},
        # A plan for the running season itself.
        {"eras_submission": "2026-12-15"},
        # Its rank lists have surely closed (Match Week).
        {"today": "2027-03-16"},
    ],
    ids=["before the season", "the running season", "after its rank lists"],
)
def test_the_running_season_note_is_only_for_a_later_plan_while_that_season_is_under_way(inputs: dict[str, str]) -> None:
    result = timeline.compute({**COUPLE_LATER, **inputs})
    assert not [n for n in result["notes"] if "That season is still under way" in n]


def test_past_our_early_deadline_a_plan_with_a_later_date_also_leads_with_the_running_rank_lists() -> None:
    # The days on which the NRMP's own deadline may still be open, for a date typed as for none.
    result = timeline.compute({**COUPLE_LATER, "today": "2027-02-20"})
    lead = "Applied to the Match 2027? Its rank lists may still be open: certify today. "
    assert result["summary"].startswith(lead) and result["announced"].startswith(lead)
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
    first = result["notes"][0]
    assert first.startswith("Applied to the Match 2027? ") and "Register, with the late fee, if you have not" in first


def test_with_no_date_the_running_season_is_planned_by_its_last_useful_day_not_its_deadline() -> None:
    # "Enter a submission date before 17 February 2027" invited a January
    # date the same plan calls unlikely to bring an interview (couples audit
    # s54, 11; planner audit s54, 10).
    (note,) = late_notes(timeline.compute({"today": "2026-12-07", "applicant_type": "non-us-img"}))
    last = cycle.last_day_for_an_interview(2027)
    assert last == dt.date(2026, 12, 20)
    assert (
        "To plan the Match 2027 instead, enter a submission date by about 20 December 2026. By our rule of thumb, "
        "that is the last useful day to send a new application (worked out from our estimate of the rank-list "
        "deadline, which we set early on purpose)." in note
    )
    assert "enter a submission date before" not in note
    # The day named is the last the plan itself does not call too late.
    for day, too_late in ((last, False), (last + dt.timedelta(days=1), True)):
        typed = timeline.compute({"today": "2026-12-07", "eras_submission": day.isoformat()})
        assert any("unlikely to lead to an interview" in n for n in typed["notes"]) is too_late, day


def test_an_h1b_reader_gets_a_dated_row_for_ecfmg_certification_before_the_step3_application() -> None:
    # The plan's first word of ECFMG certification was the rank-list deadline,
    # months after the day the FSMB needs it for Step 3 (planner audit s54, 1).
    result = timeline.compute({**PERSONA, "today": "2026-12-07"})
    rows = by_title(result)
    certified, apply = rows[timeline.H1B_CERTIFIED], rows[timeline.H1B_STEP3_APPLY]
    assert certified["date"] == apply["date"] == "2027-08-27"
    assert timeline.shown_date(certified) == "27 August 2027 (our estimate)"
    titles = [m["title"] for m in result["milestones"]]
    assert titles.index(timeline.H1B_CERTIFIED) == titles.index(timeline.H1B_STEP3_APPLY) - 1
    detail = certified["detail"]
    assert detail.startswith(
        "Not certified by ECFMG yet? The FSMB takes an IMG's Step 3 application only after ECFMG certification"
    )
    # A graduate the FSMB has verified already applies later, and so may certify later.
    assert "this day, or about 19 November 2027 if the FSMB has verified your graduation already" in detail
    assert (
        "through an ECFMG Pathway with OET Medicine (ECFMG, 2025, for the 2026 Match)" in detail
        and "“Years since graduation”" in detail
    )
    # No day earlier than our sources allow: the time ECFMG takes is not in them.
    assert (
        "Pathway applications close months before this day: check ECFMG's dates for your Match year. Our sources do not say how long certifying takes"
        in detail
        and "(our advice)" in detail
    )
    assert certified["source"] == timeline.cited_together(data.FSMB_STEP3, data.ECFMG_PATHWAYS)
    # The rule the row rests on is the FSMB's, as its source says.
    assert "for an IMG, after ECFMG certification" in data.FSMB_STEP3.title
    assert len(detail.split()) < 120
    # The apply row points to it for a reader not yet certified.
    assert f"Certified already? Then you can apply now. Not yet? See the row “{timeline.H1B_CERTIFIED}”." in apply["detail"]
    # It is in the calendar, and conditional, so never the headline's next step.
    assert timeline.H1B_CERTIFIED in events(str(result["ics"]))
    assert certified.get("held_back")


@pytest.mark.parametrize(
    "other",
    [{"needs_visa": "false"}, {"applicant_type": "us-md"}, {"step3_passed": True}],
    ids=["no visa", "US graduate", "Step 3 passed"],
)
def test_the_certification_row_is_only_for_an_img_who_still_has_step3_to_sit_for_an_h1b(other: dict[str, object]) -> None:
    rows = by_title(timeline.compute({**PERSONA, "today": "2026-12-07", **other}))
    assert timeline.H1B_CERTIFIED not in rows


def test_the_submit_and_interview_rows_say_which_part_is_ours() -> None:
    # The submit row credited "late applications lose interviews" to the IMG
    # article, which says only to submit early, and the interview row's month
    # to the orthopaedics article, which gives no timing (sources audit s54, 4 and 5).
    rows = by_title(timeline.compute({"today": "2026-12-07"}))
    submit = next(m for title, m in rows.items() if title.startswith(timeline.SUBMIT))
    assert "Submit early (the IMG article's advice): late applications lose interview places (our reading)." in submit["detail"]
    assert "(our rule of thumb: the article gives no timing)" in rows["Interview season"]["detail"]


# --- Hands-on US months so far (planner audit s54, 2) --------------------------------------------------------------------
# A non-US IMG with no US months, planning ERAS 2028 on 7 December 2026, read
# "Next: Request letters on 2 January 2027", with no US physician to ask, and
# no page dated the latest window for their US months.
PLANNER54 = {"today": "2026-12-07", "applicant_type": "non-us-img", "needs_visa": "true"}
PLANNER54_BEFORE = (
    "Next: Request letters on 2 January 2027 (estimated). The visa check and 5 other past steps come first if not done "
    "yet. Plan for the Match 2028 as of 7 December 2026: 24 milestones ahead, 6 already past."
)
USCE_TITLES = {timeline.USCE_ARRANGE, timeline.USCE_START, timeline.USCE_LETTERS}


def without_inputs(result: timeline.TimelineResult) -> dict[str, object]:
    return {key: value for key, value in result.items() if key != "inputs"}


def test_the_hands_on_question_is_the_timelines_own_and_its_line_is_the_checks() -> None:
    # The check's "usce_months" counts observerships and cannot be left empty:
    # shared, an emptied answer here would have put the check's 3 in place of
    # a remembered 0, so the plan's question has a name no calculator shares.
    from calculators import REGISTRY, competitiveness, profile, reader_state

    name = timeline.HANDS_ON_MONTHS.name
    assert name in {field.name for field in timeline.FIELDS}
    askers = [calc for calc in REGISTRY if name in {field.name for field in REGISTRY[calc].FIELDS}]
    assert askers == ["timeline"]
    assert reader_state.remembered_as(name) == name
    assert name not in {*profile.SAME_QUESTION_AS, *profile.SAME_QUESTION_AS.values(), *profile.REMEMBERED_FOR}
    assert name not in {"usce_months", "observership_months"}
    # Empty by default, and the check's line and limit, held together.
    assert timeline.HANDS_ON_MONTHS.default is None and timeline.HANDS_ON_MONTHS.optional
    assert timeline.USCE_MINIMAL_BELOW == competitiveness.USCE_MINIMAL_BELOW
    assert timeline.HANDS_ON_MONTHS.maximum == timeline.USCE_MAX_MONTHS == competitiveness.USCE_MAX_MONTHS
    assert "Not observerships" in timeline.HANDS_ON_MONTHS.help and "competitiveness check" in timeline.HANDS_ON_MONTHS.help


@pytest.mark.parametrize("answer", [None, ""])
def test_left_empty_the_hands_on_question_changes_nothing(answer: str | None) -> None:
    plain = timeline.compute(PLANNER54)
    asked = timeline.compute({**PLANNER54, timeline.HANDS_ON_MONTHS.name: answer})
    assert without_inputs(asked) == without_inputs(plain)
    assert str(timeline.render(asked)) == str(timeline.render(plain))
    assert asked["summary"] == PLANNER54_BEFORE
    assert not USCE_TITLES & set(by_title(asked))
    letters = by_title(asked)[timeline.REQUEST_LETTERS]
    assert letters["detail"] == next(s.detail for s in timeline.STEPS if s.title == timeline.REQUEST_LETTERS)


def test_an_img_with_no_us_months_in_december_is_given_the_window_for_them_and_a_next_step_they_can_take() -> None:
    result = timeline.compute({**PLANNER54, "us_hands_on_months": "0"})
    rows = by_title(result)
    arrange, start, confirmed = (rows[t] for t in (timeline.USCE_ARRANGE, timeline.USCE_START, timeline.USCE_LETTERS))
    submission = dt.date.fromisoformat(result["submission"])
    assert submission == dt.date(2027, 9, 1)
    # Letters confirmed about 3 months before submitting (the orthopaedics
    # article's later clock, which the guide holds); 3 months back from there.
    assert confirmed["date"] == timeline.months_from(submission, -3).isoformat() == "2027-06-01"
    assert start["date"] == "2027-03-01" and arrange["date"] == "2026-12-07"
    assert timeline.shown_date(start) == "1 March 2027 (our estimate)"
    assert timeline.shown_date(confirmed) == "1 June 2027 (estimated)"
    assert confirmed["source"] == start["source"] == data.ARTICLE_ORTHO.cite()
    assert "The orthopaedics article wants your letters confirmed about 3 months before you submit" in confirmed["detail"]
    # Every rule of ours is said to be ours.
    assert (
        "Our line for minimal US experience, the one the competitiveness check uses, is 3 hands-on months." in (arrange["detail"])
    )
    assert "The day is our count, with 3 months as our line." in start["detail"]
    assert "observerships do not count" in arrange["detail"] and "“Starting with no US clinical experience”" in arrange["detail"]
    # The letters row asks the supervisors of those months, by the later day,
    # and is no longer the step to lead with.
    letters = rows[timeline.REQUEST_LETTERS]
    assert letters.get("held_back")
    assert letters["detail"].endswith(
        "With no hands-on US clinical months yet, your US months cannot end by this day. Ask the physician who "
        f"supervises each block for a letter as it ends. Have them by the row “{timeline.USCE_LETTERS}”, 1 June 2027 "
        "(estimated)."
    )
    # The headline and the read-out lead with what can be done, and date the window.
    assert result["summary"].startswith(
        "Next: Arrange hands-on US clinical months on 7 December 2026. Start US months by 1 March 2027 (our estimate), "
        "to end by 1 June 2027 (estimated). The visa check and 5 other past steps come first if not done yet."
    )
    assert "Request letters" not in result["summary"] + result["announced"]
    assert result["announced"].startswith(
        "Next: Arrange hands-on US clinical months on 7 December 2026. Start US months by 1 March 2027, our estimate."
    )
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
    # The table's "Next" is the same row, and the calendar carries all three.
    body = unescape(str(timeline.render(result)))
    (next_row,) = [row for row in body.split("<tr")[1:] if ">Next</td>" in row]
    assert timeline.USCE_ARRANGE in next_row and timeline.REQUEST_LETTERS not in next_row
    assert set(events(str(result["ics"]))) >= USCE_TITLES
    # No season-later verdict while the window is open.
    assert not any(timeline.SEASON_LATER in note for note in result["notes"])
    assert all(len(rows[t]["detail"].split()) < 130 for t in USCE_TITLES)


@pytest.mark.parametrize(("months", "start"), [(1, "2027-04-01"), (2, "2027-05-01")])
def test_fewer_than_our_line_counts_only_the_months_left(months: int, start: str) -> None:
    result = timeline.compute({**PLANNER54, "us_hands_on_months": str(months)})
    rows = by_title(result)
    assert rows[timeline.USCE_START]["date"] == start
    more = f"{3 - months} more hands-on month{'s' if 3 - months > 1 else ''}"
    assert f"Arrange {more} now" in rows[timeline.USCE_ARRANGE]["detail"]
    assert (
        f"You have only {months} hands-on US clinical month{'s' if months > 1 else ''}, as you answered"
        in (rows[timeline.USCE_ARRANGE]["detail"])
    )


@pytest.mark.parametrize("months", ["3", "4", "24"])
def test_at_or_above_our_line_the_letters_row_asks_their_supervisors_and_nothing_else_changes(months: str) -> None:
    result = timeline.compute({**PLANNER54, "us_hands_on_months": months})
    plain = timeline.compute(PLANNER54)
    assert result["summary"] == PLANNER54_BEFORE and result["announced"] == plain["announced"]
    assert not USCE_TITLES & set(by_title(result))
    letters = by_title(result)[timeline.REQUEST_LETTERS]
    assert letters["detail"].endswith("Ask the US physicians who supervised your hands-on months.")
    assert not letters.get("held_back")


def test_months_that_can_end_by_the_plans_own_letters_row_are_counted_back_from_it() -> None:
    # Planned early, the IMG article's earlier clock, the safer one, holds:
    # no later row, and the plan's own step for US months is still ahead.
    plan = {**PLANNER54, "today": "2026-06-01", "eras_submission": "2027-09-15", "us_hands_on_months": "1"}
    result = timeline.compute(plan)
    rows = by_title(result)
    letters = rows[timeline.REQUEST_LETTERS]
    assert rows[timeline.USCE_START]["date"] == timeline.months_from(dt.date.fromisoformat(letters["date"]), -2).isoformat()
    assert rows[timeline.USCE_START]["source"] == data.ARTICLE_IMG.cite()
    assert f"end by the row “{timeline.REQUEST_LETTERS}”, 2 January 2027 (estimated)" in rows[timeline.USCE_START]["detail"]
    assert timeline.USCE_LETTERS not in rows and timeline.USCE_ARRANGE not in rows
    assert not letters.get("held_back") and "ask the physician who supervises each block as it ends" in letters["detail"]
    # The headline's next step stays the plan's own; only the count of rows grows.
    empty = timeline.compute({**plan, "us_hands_on_months": ""})
    assert result["summary"].split(" Plan for")[0] == empty["summary"].split(" Plan for")[0]
    assert result["summary"].startswith("Next: Plan US clinical experience on 2 June 2026 (estimated).")


def test_a_reapplicant_whose_moved_step_comes_after_the_last_day_to_start_is_told_to_arrange_them_now() -> None:
    # After a no-match, "Plan US clinical experience" moves after the choice
    # of lane, here after the last day to start the months.
    result = timeline.compute({**PLANNER54, "today": "2027-03-20", "previously_unmatched": True, "us_hands_on_months": "1"})
    rows = by_title(result)
    assert rows[timeline.PLAN_USCE]["date"] > rows[timeline.USCE_START]["date"] == "2027-04-01"
    assert rows[timeline.USCE_ARRANGE]["date"] == "2027-03-20"
    assert result["summary"].startswith("Next: Arrange hands-on US clinical months on 20 March 2027.")


def test_too_late_even_for_the_later_clock_the_plan_says_plainly_that_a_season_later_may_be_wiser() -> None:
    result = timeline.compute({**PLANNER54, "today": "2027-04-15", "us_hands_on_months": "0"})
    assert result["match_year"] == 2028
    opens = cycle.season(2029)["submissions_open"]
    (note,) = [n for n in result["notes"] if timeline.SEASON_LATER in n]
    # Above every note but the season's own running ones (here, the weeks after SOAP).
    assert result["notes"].index(note) == 1
    assert note == (
        "You have no hands-on US clinical months yet, as you answered. The 3 hands-on months you need can no longer "
        "end by 1 June 2027 (estimated). That is about 3 months before you submit, when the orthopaedics article wants "
        "your letters confirmed. So this application would go without US letters. Our reading, not the articles': it may be "
        "wiser to apply a season later, for the Match 2029, than to send a first application with no US letters. To "
        f"plan that season, enter a date such as {opens.shown()} in “ERAS submission date”."
    )
    lead = "Your US months cannot end before letters are due: applying for the Match 2029 may be wiser (our reading). "
    assert result["summary"].startswith(lead + "Next: Arrange hands-on US clinical months on 15 April 2027.")
    assert result["announced"].startswith(lead) and len(result["announced"].split()) <= registry.READ_OUT_WORDS
    rows = by_title(result)
    assert timeline.USCE_START not in rows and timeline.USCE_LETTERS not in rows
    assert "(our reading)" in rows[timeline.USCE_ARRANGE]["detail"]
    assert rows[timeline.REQUEST_LETTERS].get("held_back")
    # The judgment is the guide's, said as ours there too.
    guide = (Path(__file__).parent.parent / "docs" / "apply" / "timeline.md").read_text(encoding="utf-8")
    assert "it may be wiser to apply a season later than to send a first application with no US letters" in guide
    # The date it names plans that season, and there the window is open again.
    later = timeline.compute({**PLANNER54, "today": "2027-04-15", "eras_submission": opens.date, "us_hands_on_months": "0"})
    assert later["match_year"] == 2029
    assert not any(timeline.SEASON_LATER in n for n in later["notes"]) and timeline.USCE_START in by_title(later)
    # A reapplicant is not told of a first application.
    again = timeline.compute({**PLANNER54, "today": "2027-04-15", "previously_unmatched": True, "us_hands_on_months": "0"})
    assert any("than to send an application with no US letters" in n for n in again["notes"])


@pytest.mark.parametrize(
    "other",
    [{"applicant_type": "us-md"}, {"applicant_type": "us-do"}, {"eras_submission": "2026-09-10", "today": "2026-12-07"}],
    ids=["US MD", "US DO", "application sent"],
)
def test_a_us_graduate_or_an_application_already_sent_gets_nothing_from_the_answer(other: dict[str, str]) -> None:
    plain = timeline.compute({**PLANNER54, **other})
    asked = timeline.compute({**PLANNER54, **other, "us_hands_on_months": "0"})
    assert without_inputs(asked) == without_inputs(plain)


@pytest.mark.parametrize("months", ["0", "1", "2", "5"])
def test_what_the_timeline_reads_out_keeps_to_forty_words_with_us_months(months: str) -> None:
    for offset in range(0, 1000, 17):
        today = dt.date(2025, 1, 1) + dt.timedelta(days=offset)
        for unmatched, late in ((False, False), (True, False), (False, True)):
            inputs = {**PLANNER54, "today": today.isoformat(), "previously_unmatched": unmatched, "us_hands_on_months": months}
            if late:
                inputs["eras_submission"] = (today + dt.timedelta(days=10)).isoformat()
            try:
                result = timeline.compute(inputs)
            except InputError:
                continue
            assert len(result["announced"].split()) <= registry.READ_OUT_WORDS, (inputs, result["announced"])
            assert all(len(m["detail"].split()) < ROW_WORDS for m in result["milestones"]), inputs


def test_on_the_day_of_another_step_arranging_the_us_months_still_leads() -> None:
    # 2 February 2027 is also the day of the personal statements.
    result = timeline.compute({**PLANNER54, "today": "2027-02-02", "us_hands_on_months": "0"})
    same_day = [m["title"] for m in result["milestones"] if m["date"] == "2027-02-02"]
    assert same_day[0] == timeline.USCE_ARRANGE and "Draft your personal statement" in same_day
    assert result["summary"].startswith("Next: Arrange hands-on US clinical months on 2 February 2027.")


def test_the_read_out_says_not_em_or_ob_gyn_where_it_fits_and_the_comma_form_where_only_that_does() -> None:
    # Aloud, "(not EM, OB/GYN)" can sound like "not EM, but OB/GYN" (diff review s54, 12).
    # Led by the last useful day (interview audit s56, 3), the "or" form fits
    # on both days; the comma form, where only it fits, is heard in
    # test_short_of_room_the_read_out_keeps_the_eras_reminder_without_its_day.
    roomy = timeline.compute({"today": "2026-09-25", "eras_submission": "2026-09-10", "applicant_type": "us-img"})
    assert timeline.ADD_ERAS_PROGRAMS_BY.format("20 December 2026") in roomy["announced"]
    tight = timeline.compute({"today": "2026-12-07", "eras_submission": "2026-09-24", "applicant_type": "us-img"})
    assert timeline.ADD_ERAS_PROGRAMS_BY.format("20 December 2026") in tight["announced"]
    for result in (roomy, tight):
        assert len(result["announced"].split()) <= registry.READ_OUT_WORDS


def test_the_plans_us_letters_day_is_the_checks_in_time_day() -> None:
    # The timeline counted US months to 1 June 2027 and the check to 22 June:
    # one said the Match 2029 may be wiser, the other "in time for the Match
    # 2028" (diff review s54b, 1).  Both read cycle.us_letters_due now.
    from calculators import competitiveness

    result = timeline.compute({"today": "2026-12-07", "applicant_type": "non-us-img", "us_hands_on_months": 0})
    submission = dt.date.fromisoformat(result["submission"])
    assert cycle.us_letters_due(2028, submission) == cycle.us_letters_due(2028) == dt.date(2027, 6, 1)
    assert competitiveness._months_end_by("usce_months", 2028)[0] == cycle.us_letters_due(2028)
    # In January the plan's own letters row is out of reach, and its later row is the check's day.
    later = timeline.compute({"today": "2027-01-15", "applicant_type": "non-us-img", "us_hands_on_months": 0})
    (row,) = [m for m in later["milestones"] if m["title"] == timeline.USCE_LETTERS]
    assert row["date"] == cycle.us_letters_due(2028).isoformat()


def test_the_plans_us_step_says_observerships_do_not_count_below_the_line() -> None:
    # "Arrange rotations or observerships" beside rows counting hands-on months only (diff review s54b, 3).
    inputs = {"today": "2026-12-07", "applicant_type": "non-us-img", "eras_submission": "2028-09-06"}
    step = by_title(timeline.compute({**inputs, "us_hands_on_months": 0}))[timeline.PLAN_USCE]
    assert step["detail"].endswith("Hands-on months only: observerships do not count towards our line of 3.")
    assert "observerships do not count" not in by_title(timeline.compute(inputs))[timeline.PLAN_USCE]["detail"]


# --- A plan a reader can print and follow (planner audit s54, 7) ------------------------------
# The days the audit measured, and a 2028 plan with its date typed.
PRINTED_DAYS = [
    {"today": "2026-09-25"},
    {"today": "2026-12-07"},
    {"today": "2027-02-20"},
    {"today": "2027-06-10"},
    {"today": "2026-12-07", "eras_submission": "2027-09-15"},
    # Match Week's row gives the day's steps, Monday's the most (diff review s55b, 3).
    {"today": "2027-03-15", "eras_submission": "2026-09-24"},
    {"today": "2027-03-18", "eras_submission": "2026-09-24"},
    # Already applied, in the interview season, with the last useful day ahead (interview audit s56, 4).
    {"today": "2026-12-07", "applied_this_season": "yes-2027"},
    {"today": "2025-12-01", "eras_submission": "2025-09-20"},
]
# Readers whose rows are longest: the visa's, the H-1B's and Step 3's rows,
# a reapplicant's, US months below our line, and a US DO's exam row.
PRINTED_READERS = [
    {"applicant_type": "non-us-img"},
    {"applicant_type": "non-us-img", "needs_visa": "h1b-only"},
    {"applicant_type": "non-us-img", "step3_passed": True},
    {"applicant_type": "non-us-img", "needs_visa": "h1b-only", "step3_passed": True},
    {"applicant_type": "non-us-img", "previously_unmatched": True},
    {"applicant_type": "non-us-img", "previously_unmatched": True, "needs_visa": "h1b-only"},
    {"applicant_type": "non-us-img", "us_hands_on_months": 0},
    {"applicant_type": "us-img", "us_hands_on_months": 1},
    {"applicant_type": "us-md", "needs_visa": "true"},
    {"applicant_type": "us-do"},
]
# Shared with the check and the cost calculator (data.py): its first sentence
# runs to 34 words, and splitting it is proposed there.
SHARED_LONG_SENTENCES = {sentences(capitalised(data.STEP3_ARTICLE_CASE))[0]}
ALL_CITATIONS = [source.cite() for source in vars(data).values() if isinstance(source, data.Source)]


@pytest.mark.parametrize("day", PRINTED_DAYS, ids=lambda day: "-".join(day.values()))
def test_every_row_of_a_printed_plan_is_short_sentences_with_its_citations_in_source(day: dict[str, str]) -> None:
    # A row ran to 299 words (Match Day), with sentences of up to 109 and
    # citations in their middle (planner audit s54, 7).
    for reader in PRINTED_READERS:
        for m in timeline.compute({**day, **reader})["milestones"]:
            where = (day, reader, m["title"])
            assert len(m["detail"].split()) < ROW_WORDS, where
            long = [s for s in sentences(m["detail"]) if len(s.split()) > SENTENCE_WORDS]
            assert set(long) <= SHARED_LONG_SENTENCES, (where, long)
            # Citations are in Source, named at most briefly in the words.
            assert not [c for c in ALL_CITATIONS if c in m["detail"]], where


def test_the_longest_rows_keep_every_fact_with_their_sources_moved_to_source() -> None:
    # Cut to short sentences, the rows lost no date, estimate mark or source.
    result = timeline.compute({"today": "2026-12-07", "applicant_type": "non-us-img"})
    rows = by_title(result)
    match_day = rows["Match Day"]
    for fact in ("four to six weeks", "Training Program Liaison", "India's consulates", "one change of specialty"):
        assert fact in match_day["detail"], fact
    for source in (data.ECFMG_BOOKLET, *timeline.J1_AFTER_MATCH_SOURCES, data.H1B_CHANGE_OF_EMPLOYER):
        assert source.cite() in match_day["source"]
    apply = rows[timeline.H1B_STEP3_APPLY]
    assert timeline.shown_date(apply) == "27 August 2027 (our estimate)"
    for fact in ("up to 12 weeks", "about 2 weeks for the permit", "about 19 November 2027", "31 December 2027"):
        assert fact in apply["detail"], fact
    assert "mid or late March" in apply["detail"] and data.STEP3_SCORE_DELAY.cite() in apply["source"]
    # In the table, each source on its own line of the Source column.
    body = unescape(str(timeline.render(result)))
    assert f"{data.FSMB_STEP3.cite()}. <br>Also: {data.STEP3_SCORE_DELAY.cite()}" in body


ASSETS = Path(__file__).parent.parent / "docs" / "assets"


@pytest.mark.parametrize("inputs", [{"today": "2026-12-07"}, {"today": "2029-06-01", "eras_submission": "2028-10-01"}])
def test_the_result_offers_a_button_to_print_only_the_plan(inputs: dict[str, str]) -> None:
    # Printed whole, the page ran to some 10,000 words around the plan (planner audit s54, 7).
    result = timeline.compute(inputs)
    body = str(timeline.render(result))
    button = f'<button type="button" class="md-button mpb-print-plan">{timeline.PRINT_PLAN}</button>'
    offer = f'<p class="mpb-screen-only mpb-print-plan-offer">{button} {escape(timeline.PRINT_PLAN_SAID)}</p>'
    # A real button, named by its words, said once, before the table it prints;
    # offered with no calendar to download too (the second plan is all past).
    assert body.count(offer) == 1 and body.index(offer) < body.index("<table")
    assert timeline.PRINT_PLAN == "Print only my plan" and "Print command prints the whole page" in timeline.PRINT_PLAN_SAID
    # What the page script marks and the stylesheet reads are the button's own names.
    script = (ASSETS / "javascripts" / "print-sections.js").read_text(encoding="utf-8")
    style = (ASSETS / "stylesheets" / "calculators.css").read_text(encoding="utf-8")
    assert 'closest(".mpb-print-plan")' in script and "?." not in script and 'PLAN_ONLY = "mpb-print-plan-only"' in script
    assert "window.print()" in script and "classList.remove(PLAN_ONLY)" in script
    printing = style[style.index("@media print {") :]
    assert ".mpb-print-plan-only .mpb-calculator > :is(.mpb-summary, .mpb-form, .mpb-method)" in printing
    assert ".mpb-print-plan-only .md-content__inner > :not(h1, .mpb-calculator," in printing
    assert ".no-js .mpb-print-plan-offer { display: none; }" in style
    # The closing disclaimer by its place before the paper note, not as the
    # last div; the form's messages off paper, so no pointer to them; and the
    # mark cleared where no afterprint comes (diff review s55b, 8).  The
    # browser tests print both ways (test_browser_print.py).
    assert "last-of-type" not in style
    assert ".mpb-print-plan-only .mpb-stale-why { display: none !important; }" in printing
    for clears in ('matchMedia("print")', 'addEventListener("focus", clearPlanOnly)', '"visibilitychange"'):
        assert clears in script, clears


# --- A reader in the middle of the interview season (interview audit s56) ----------------------------------------------
# A US-citizen IMG who applied for the Match 2027 reads the plan on 7 December 2026.
INTERVIEW56 = {"today": "2026-12-07", "applicant_type": "us-img", "needs_visa": "false"}
APPLIED_2027 = {"applied_this_season": "yes-2027"}
APPLIED_NOTE = (
    "As you answered, you applied for the Match 2027, so this plan is for that season. With no date given, it "
    "counts from 2 September 2026 (estimated), the first day applications could go. Enter the day you submitted "
    "for your own dates."
)


def test_the_plan_asks_the_shared_question_whether_you_applied_this_season() -> None:
    # It did not read the answer the five other mid-season calculators share (interview audit s56, 5).
    names = [field.name for field in timeline.FIELDS]
    assert profile.APPLIED_THIS_SEASON in timeline.FIELDS
    # Beside the date it stands in for.
    assert names.index(profile.APPLIED_THIS_SEASON.name) == names.index("eras_submission") + 1
    date_help = next(field.help for field in timeline.FIELDS if field.name == "eras_submission")
    assert "Already applied? Enter the day you submitted." in date_help


@pytest.mark.parametrize("today", ["2026-10-01", "2026-12-07", "2026-12-25", "2027-01-10"])
def test_said_yes_with_no_date_the_plan_is_for_the_match_under_review(today: str) -> None:
    # "Plan for the Match 2028" after "Yes, I applied for the Match 2027" read as
    # "my season is over" (interview audit s56, 5).
    result = timeline.compute({**INTERVIEW56, **APPLIED_2027, "today": today})
    assert result["match_year"] == 2027 and result["submission"] == "2026-09-02"
    assert f"Plan for the Match 2027 as of {long_date(dt.date.fromisoformat(today))}: " in result["summary"]
    # Said first, in one short sentence, then the day the plan counts from.
    assert result["notes"][0] == APPLIED_NOTE
    assert sentences(APPLIED_NOTE)[0] == "As you answered, you applied for the Match 2027, so this plan is for that season."
    assert not any(n.startswith("No submission date given") for n in result["notes"])
    assert not any("Applied to the Match 2027 already?" in n for n in result["notes"])
    # The plan a reader gets who typed that day: the same rows on the same days.
    typed = timeline.compute({**INTERVIEW56, "today": today, "eras_submission": "2026-09-02"})
    assert [(m["date"], m["title"], m["past"]) for m in result["milestones"]] == [
        (m["date"], m["title"], m["past"]) for m in typed["milestones"]
    ]
    assert result["summary"] == typed["summary"] and result["announced"] == typed["announced"]
    # The stand-in day is the estimate it is, marked where the reader looks.
    assert timeline.shown_date(by_title(result)[timeline.SUBMIT]) == "2 September 2026 (estimated)"


def test_said_yes_a_typed_date_still_decides_and_outside_the_reviews_the_answer_changes_nothing() -> None:
    typed = {**INTERVIEW56, "eras_submission": "2026-09-20"}
    assert timeline.compute({**typed, **APPLIED_2027})["notes"] == timeline.compute(typed)["notes"]
    # Before programs start reading (10 September) and after our early
    # deadline (20 February), no season is under review: the plan is as it was.
    for today in ("2026-09-10", "2027-02-20"):
        plain = timeline.compute({**INTERVIEW56, "today": today})
        said = timeline.compute({**INTERVIEW56, **APPLIED_2027, "today": today})
        assert (said["match_year"], said["summary"], said["notes"]) == (plain["match_year"], plain["summary"], plain["notes"])
    # Remembered from the Match 2027, "Yes" says nothing of the Match 2028,
    # under review in October 2027 (diff review s55, 1).
    later = {**INTERVIEW56, "today": "2027-10-05"}
    assert timeline.compute({**later, **APPLIED_2027})["summary"] == timeline.compute(later)["summary"]
    assert timeline.compute(later)["match_year"] == 2029


@pytest.mark.parametrize("answer", [None, "not-said", "no-2027"])
def test_not_said_or_no_plans_the_next_season_exactly_as_before(answer: str | None) -> None:
    # "With No or Not said, behave exactly as now" (interview audit s56, 5): the
    # words a plan with no date gave on 7 December 2026.
    inputs = {**INTERVIEW56, **({} if answer is None else {"applied_this_season": answer})}
    result = timeline.compute(inputs)
    assert result["summary"] == (
        "Next: Request letters on 2 January 2027 (estimated). 5 past steps come first if not done yet. Plan for the "
        "Match 2028 as of 7 December 2026: 21 milestones ahead, 5 already past."
    )
    assert result["announced"] == (
        "Next: Request letters on 2 January 2027 (estimated). 5 past steps come first if not done yet. Match 2028 "
        "plan: 21 milestones ahead."
    )
    assert (
        "No submission date given, so the plan uses 1 September 2027 (estimated): the next day you can send "
        "applications for the Match 2028 while programs have not yet started reviewing." in result["notes"]
    )
    assert APPLIED_NOTE not in result["notes"] and result["ics_count"] == 21
    # "No" is not asked whether they applied to the running season (diff review s56, 6).
    asked = answer != "no-2027"
    assert (RUNNING_2027 in " ".join(result["notes"])) is asked
    assert len(result["notes"]) == (8 if asked else 7)


def test_the_interview_season_does_not_make_our_early_deadline_a_cut_off_for_interviews() -> None:
    # "An interview after that could no longer change a list" of 17 February
    # 2027, our estimate set a week before the earliest published pattern: a
    # reader could turn down a late-February interview (interview audit s56, 7).
    row = by_title(timeline.compute({**INTERVIEW56, **APPLIED_2027}))["Interview season"]
    assert cycle.season(2027)["rank_deadline"].estimated_early
    assert row["detail"].endswith(
        "until the rank lists are certified by 17 February 2027 (estimated, set early on purpose). That deadline is "
        "our estimate, set early on purpose, so the NRMP's own may leave a week or two more: check its calendar "
        "before you decide. Do not turn down an interview dated before the NRMP's published deadline: only one after "
        "it could no longer change a list."
    )
    assert cycle.EARLY_DEADLINE_VERDICT in row["detail"]
    # In the calendar file too, which is what a reader carries.
    assert "Do not turn down an interview dated before the NRMP" in timeline.compute({**INTERVIEW56, **APPLIED_2027})[
        "ics"
    ].replace("\r\n ", "")
    # A deadline the NRMP published is the cut-off it says it is.
    published = cycle.season(2026)["rank_deadline"]
    assert not published.estimated
    plan = timeline.compute({"today": "2025-12-07", "eras_submission": "2025-09-20", "applicant_type": "us-img"})
    kept = by_title(plan)["Interview season"]["detail"]
    assert kept.endswith(
        f"until the rank lists are certified by {published.shown()}. An interview after that could no longer change a list."
    )
    assert "turn down" not in kept


# What a phone pinned of the plan at 360 px: three lines, cut at 108 characters
# in the audit's screenshot (interview audit s56, 3).
PINNED_AT_360_PX = 108


def test_in_the_interview_season_the_headline_leads_with_the_last_useful_day_then_the_deadline() -> None:
    # "Now: Interview season, until the rank-list deadline, 17 February 2027
    # (estimated, set early on purpose). Nex…": the one date still to act on,
    # 13 days away, came after the cut (interview audit s56, 3).
    result = timeline.compute({**INTERVIEW56, **APPLIED_2027})
    lead = "Add ERAS programs by about 20 December 2026. Rank lists by 17 February 2027 (early estimate)."
    assert result["summary"].startswith(f"{lead} EM and OB/GYN programs are not in ERAS. Plan for the Match 2027 as of")
    assert len(lead) < PINNED_AT_360_PX
    # The table marks the stretch; the headline does not say "Now"/"Next" of it.
    assert "Now:" not in result["summary"] and "Next:" not in result["summary"]
    assert result["summary"].count("20 December 2026") == result["summary"].count("17 February 2027") == 1
    # Heard in the same order, the fields ERAS does not take in its first sentence, within 40 words.
    assert result["announced"] == (
        "Add ERAS programs (not EM or OB/GYN) by about 20 December 2026. Rank lists by 17 February 2027, an early "
        "estimate. Match 2027 plan: 12 milestones ahead."
    )
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS


def test_the_headline_in_october_names_the_late_fee_day_after_the_two_dates_and_after_the_last_useful_day_none() -> None:
    october = timeline.compute({**INTERVIEW56, **APPLIED_2027, "today": "2026-10-01"})
    assert october["summary"].startswith(
        "Add ERAS programs by about 20 December 2026. Rank lists by 17 February 2027 (early estimate). NRMP "
        "registration without a late fee ends on 30 November 2026 (estimated). EM and OB/GYN programs are not in ERAS."
    )
    assert len(october["announced"].split()) <= registry.READ_OUT_WORDS
    # From 21 December no new application is likely to bring an interview:
    # nothing to add, and the stretch leads with the next day to act on.
    for today in ("2026-12-25", "2027-01-10"):
        later = timeline.compute({**INTERVIEW56, **APPLIED_2027, "today": today})
        assert later["summary"].startswith(
            "Now: Interview season, until the rank-list deadline, 17 February 2027 (estimated, set early on purpose). "
            "Next: Rank order list entry opens on 15 January 2027 (estimated). Plan for the Match 2027"
        )
        assert "Add ERAS programs" not in later["summary"] + later["announced"]


def test_a_published_deadline_leads_without_an_estimate_mark() -> None:
    published = cycle.season(2026)["rank_deadline"]
    assert not published.estimated
    result = timeline.compute({"today": "2025-12-01", "eras_submission": "2025-09-20", "applicant_type": "us-img"})
    last = long_date(cycle.last_day_for_an_interview(2026))
    assert result["summary"].startswith(
        f"Add ERAS programs by about {last}. Rank lists by {long_date(published.date)}. EM and OB/GYN"
    )
    assert f"Rank lists by {long_date(published.date)}. Match 2026 plan" in result["announced"]


LAST_USEFUL = timeline.LAST_USEFUL_DAY


def test_the_last_useful_day_is_a_dated_row_and_a_calendar_event_while_it_is_ahead() -> None:
    # 20 December 2026 was in the headline but in neither the table nor the
    # calendar file's 11 events (interview audit s56, 4).
    result = timeline.compute({**INTERVIEW56, **APPLIED_2027})
    row = by_title(result)[LAST_USEFUL]
    assert LAST_USEFUL == "Last useful day to send new applications, by our rule of thumb"
    assert row["date"] == cycle.last_day_for_an_interview(2027).isoformat() == "2026-12-20" and not row["past"]
    # Our rule sets the day: marked ours, not as a date the NRMP publishes.
    assert timeline.shown_date(row) == "20 December 2026 (our estimate)"
    detail = row["detail"]
    assert detail.startswith("Short of interviews? Send new applications through ERAS by this day")
    assert f"see the row “{timeline.RESIDENCYCAS_CLOSES}”" in detail
    # Its basis: the rule, said to be ours, and the early deadline it is counted from.
    assert "By our rule of thumb, an application sent later is unlikely to bring an interview" in detail
    assert "interviews begin about a month after an application goes in, and need at least four weeks" in detail
    assert f"This day is {cycle.last_day_basis(2027)}." in detail
    # Moved later by a later NRMP deadline, but no reason to wait (interview audit s56, 7).
    assert "The NRMP's own deadline may be a week or two later, and this day with it. Do not wait for that" in detail
    assert f"{cycle.EARLY_APPLICANTS}." in detail and cycle.SHORT_OF_INTERVIEWS in detail
    # Source, as the season's rows give it: the deadline's, then the article for "submit early".
    assert row["source"] == timeline.SOURCES_APART.join([cycle.season(2027)["rank_deadline"].cite(), data.ARTICLE_IMG.cite()])
    assert max(len(s.split()) for s in sentences(detail)) <= SENTENCE_WORDS
    # The table's next row, and an event on its day in the calendar file.
    html = unescape(str(timeline.render(result)))
    assert (
        '<td data-label="Date">20 December 2026 (our estimate)</td><td data-label="Status">Next</td>'
        f'<td data-label="Milestone"><strong>{LAST_USEFUL}</strong></td>' in html
    )
    ics = result["ics"].replace("\r\n ", "")
    assert (
        "DTSTART;VALUE=DATE:20261220\r\nDTEND;VALUE=DATE:20261221\r\n"
        "SUMMARY:Last useful day to send new applications\\, by our rule of thumb (our estimate)\r\n" in ics
    )
    assert result["ics_count"] == 12


@pytest.mark.parametrize(
    ("today", "shown"),
    [("2026-10-01", True), ("2026-12-20", True), ("2026-12-21", False), ("2026-12-25", False), ("2027-01-10", False)],
)
def test_the_last_useful_day_row_is_there_only_while_that_day_is_ahead_or_today(today: str, shown: bool) -> None:
    result = timeline.compute({**INTERVIEW56, **APPLIED_2027, "today": today})
    assert (LAST_USEFUL in by_title(result)) is shown
    assert ("SUMMARY:Last useful day" in result["ics"]) is shown


def test_no_last_useful_day_row_in_a_plan_for_the_next_season_or_before_sending() -> None:
    for inputs in (
        INTERVIEW56,  # no date, not said: the Match 2028
        {**INTERVIEW56, "applied_this_season": "no-2027"},
        {**INTERVIEW56, "eras_submission": "2026-12-10"},  # still to send
    ):
        assert LAST_USEFUL not in by_title(timeline.compute(inputs)), inputs


def test_on_a_published_deadline_the_last_useful_day_row_counts_from_it_and_owns_no_early_estimate() -> None:
    result = timeline.compute({"today": "2025-12-01", "eras_submission": "2025-09-20", "applicant_type": "us-img"})
    row = by_title(result)[LAST_USEFUL]
    assert row["date"] == cycle.last_day_for_an_interview(2026).isoformat()
    assert "This day is counted back from the NRMP's rank-list deadline." in row["detail"]
    assert "a week or two later" not in row["detail"] and "estimate" not in row["detail"]
    assert row["source"].startswith(cycle.season(2026)["rank_deadline"].cite())


def test_a_late_applicant_hears_the_one_wording_for_interview_places_and_short_sentences() -> None:
    # Three wordings for one claim across the pages, and a 58-65 word note
    # listing the estimated dates (interview audit s56, 10 and 11).
    late = timeline.compute({"today": "2026-11-01"})
    still = next(note for note in late["notes"] if note.startswith("You can still apply"))
    assert f"{cycle.EARLY_APPLICANTS}." in still
    assert "go to earlier applicants" not in still
    applied = timeline.compute({"today": "2026-12-07", "applied_this_season": "yes-2027"})
    marked = next(note for note in applied["notes"] if note.startswith("Dates marked"))
    first = marked.split(". ")[0]
    assert first.endswith("dates for them") and len(first.split()) <= 35
