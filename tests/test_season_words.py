"""The guides' words on where the season stands, asked of any day."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest

from calculators import cycle, data, season_words
from calculators.html import long_date


def text(markup: object) -> str:
    return unescape(re.sub(r"<[^>]+>", "", str(markup)))


def day_in(match_year: int, key: str, shift: int = 0) -> dt.date:
    return cycle.season(match_year)[key].date + dt.timedelta(days=shift)


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (day_in(2027, "registration_opens", -10), "register as soon as it opens"),
        (day_in(2027, "early_registration_ends", -5), "register before then"),
        (day_in(2027, "early_registration_ends", 5), "have not registered, do it now, with the fee"),
    ],
)
def test_registration_advice_follows_the_season_it_is_read_in(today: dt.date, said: str) -> None:
    assert said in text(season_words.registration_advice(today))


def test_a_reader_short_of_interviews_hears_the_stage_of_the_season_and_a_standalone_note_ends_whole() -> None:
    before = text(season_words.short_of_interviews(day_in(2027, "programs_receive", -3)))
    during = text(season_words.short_of_interviews(day_in(2027, "rank_deadline", -70)))
    assert "programs start reviewing applications for the Match 2027" in before
    assert "programs have been reviewing applications for the Match 2027 since" in during
    assert during.endswith("the advice above assumes:")
    alone = text(season_words.short_of_interviews(day_in(2027, "rank_deadline", -70), standalone=True))
    assert alone.endswith("a plan made months ahead assumes.") and "above" not in alone and "below" not in alone


def test_after_a_no_match_names_the_next_season_open_on_time() -> None:
    during = text(season_words.after_a_no_match(day_in(2027, "rank_deadline", -70)))
    assert "the Match 2027 is under way" in during and "season you can apply to on time is the Match 2028" in during
    assert "you can still send it applications, late, while its rank lists are open" in during
    # Beside the rank-list date, the last useful day, as the calculators give it (EM audit s53, 5).
    last_day = cycle.last_day_for_an_interview(2027)
    assert f"The last useful day to send a new application is about {long_date(last_day)}" in during
    # "By the same date" is the rank lists' date, said just before it (diff review s53, 2).
    assert "they close by 17 February 2027, the day late registration ends." in during
    said_last = during.index("The last useful day")
    assert during.index("register with the NRMP, with the late fee, by the same date") < said_last
    assert during.index("they close by 17 February 2027") < during.index("by the same date")
    # The one date is called an early estimate twice, not three times (diff
    # review s53b, 12): beside it, and in the last useful day's basis, in the
    # words every other page gives it (interview audit s56, 10).
    assert during.count("set early on purpose") == 2
    assert "We count those weeks back from our estimate of the rank-list deadline, which we set early on purpose." in during
    # Why to send soon, in the words of the timeline guide and the FAQ (interview audit s56, 10).
    assert f"{cycle.EARLY_APPLICANTS}." in during and "Most of its interview places" not in during
    ahead = text(season_words.after_a_no_match(day_in(2027, "programs_receive", -30)))
    assert "the next season you can apply to on time is the Match 2027" in ahead


@pytest.mark.parametrize(
    ("day", "late"), [("2026-12-20", False), ("2026-12-21", True), ("2027-01-28", True), ("2027-02-17", True)]
)
def test_from_late_december_the_guides_say_a_new_application_is_too_late_as_the_calculators_do(day: str, late: bool) -> None:
    # The calculators pointed to a guide that still said "the season is not
    # over" above "send more now" (diff review s41, second, 1).
    today = dt.date.fromisoformat(day)
    assert cycle.too_late_for_interviews(2027, today) is late
    short = text(season_words.short_of_interviews(today))
    # On the deadline's own day: "in time", the day being the deadline.
    assert ("unlikely to bring an interview before then" in short or "unlikely to bring an interview in time" in short) is late
    assert ("the season is not over" in short) is not late
    if late and today < day_in(2027, "rank_deadline"):
        assert short.endswith("What follows the first item below still applies:")
        # "Ranking what you have" keeps the last useful day's hedge, in its
        # words, so it is no hard cut-off (interview audit s56, 7).
        assert f"are what remain. {cycle.later_deadline_hedge(2027, today)} What follows" in short
        assert "do not turn down an interview before the nrmp's published deadline" in short.lower()
    elif late:
        # On the deadline's day, the verdict on the deadline itself.
        assert cycle.EARLY_DEADLINE_VERDICT in short
    no_match = text(season_words.after_a_no_match(today))
    if today < day_in(2027, "rank_deadline"):
        assert ("you can still send it applications, late" in no_match) is not late


def march_window(match_year: int) -> list[dt.date]:
    """Each day from the season's rank-list deadline to three days after its Match Day."""
    first, last = day_in(match_year, "rank_deadline"), day_in(match_year, "match_day", 3)
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def in_match_week(match_year: int, today: dt.date) -> bool:
    return day_in(match_year, "match_week") <= today <= day_in(match_year, "match_day")


def soap_end(match_year: int) -> str:
    return cycle.long_date(day_in(match_year, "soap_ends"))


# 2026 has the NRMP's published dates, 2027 only our estimates, whose
# rank-list deadline is set early on purpose.
@pytest.mark.parametrize("today", [*march_window(2026), *march_window(2027)], ids=str)
def test_from_the_rank_list_deadline_the_short_of_interviews_lead_never_says_the_list_still_applies(today: dt.date) -> None:
    # In Match Week the lead said "what follows the first item below still
    # applies" over "register" and "get ready for SOAP now, not in Match Week",
    # and nothing on the page said SOAP was running (reapply-anes audit s42, 1).
    year = today.year
    inline, alone = (text(season_words.short_of_interviews(today, standalone)) for standalone in (False, True))
    for said in (inline, alone):
        assert "still applies" not in said and "not in Match Week" not in said
    if today > day_in(year, "match_day"):
        assert "SOAP" not in inline
        return
    assert inline.endswith(season_words.LIST_FOR_NEXT_SEASON) and "next season" not in alone
    assert season_words.SOAP_PAGE_LINK in inline and season_words.SOAP_PAGE_LINK in alone
    if today == day_in(year, "rank_deadline"):
        assert "which is today: certify yours, and register with the NRMP if you have not" in inline
    if today < day_in(year, "match_week"):
        assert "what remains of this season is soap, in its match week from" in inline.lower()
        assert "get ready for it now" in inline and "running now" not in inline
    elif today <= day_in(year, "soap_ends"):
        assert f"SOAP for the Match {year} is running now, until" in inline
        assert soap_end(year) in inline and "if you are eligible, it comes first" in inline
    else:
        assert "its SOAP ended" in inline and soap_end(year) in inline and "running now" not in inline


def test_the_short_of_interviews_list_is_handed_on_from_the_deadline_day_and_after_match_day_the_lead_is_as_before() -> None:
    # Up to the day before its deadline the running season keeps its words; after Match Day
    # the lead is about the next season's review start.
    on_deadline = text(season_words.short_of_interviews(day_in(2027, "rank_deadline")))
    assert on_deadline.endswith(season_words.LIST_FOR_NEXT_SEASON) and "still applies" not in on_deadline
    before = text(season_words.short_of_interviews(day_in(2027, "rank_deadline", -1)))
    assert before.endswith("What follows the first item below still applies:")
    after = text(season_words.short_of_interviews(day_in(2027, "match_day", 3)))
    assert "programs start reviewing applications for the Match 2028" in after and "SOAP" not in after


@pytest.mark.parametrize("today", [*march_window(2026), *march_window(2027)], ids=str)
def test_after_a_no_match_in_match_week_names_soaps_end(today: dt.date) -> None:
    # In Match Week the no-match page gave the season's review start, beside
    # the point, and not the one live date, SOAP's end (reapply-anes audit s42, 5).
    year = today.year
    said = text(season_words.after_a_no_match(today))
    if not in_match_week(year, today):
        assert "Match Week" not in said
        # After it, SOAP's end only as the estimate to confirm (seasonlate audit s44, 6).
        assert soap_end(year) not in said or f"has ended by our estimate ({soap_end(year)})" in said
        return
    assert said.startswith(f"As of {cycle.long_date(today)}, when this page was built, it is the Match {year}'s Match Week")
    assert soap_end(year) in said and "programs started reviewing" not in said
    assert "Its registration and rank lists are closed." in said
    if today <= day_in(year, "soap_ends"):
        assert "SOAP is running now, until" in said and "if you are eligible, it comes first" in said
    else:
        assert "its SOAP ended" in said and "running now" not in said


@pytest.mark.parametrize(
    ("today", "match_week", "soap"),
    [
        (day_in(2027, "match_week", -1), "starts", "ends"),
        (day_in(2027, "match_week"), "starts", "ends"),
        (day_in(2027, "match_week", 1), "started", "ends"),
        (day_in(2027, "soap_ends"), "started", "ends"),
        (day_in(2027, "match_day"), "started", "ended"),
        # After Match Day the page's season is the next one, still ahead.
        (day_in(2027, "match_day", 1), "starts", "ends"),
    ],
    ids=str,
)
def test_match_weeks_dates_are_in_the_tense_of_the_build_date(today: dt.date, match_week: str, soap: str) -> None:
    assert season_words.tensed("match_week", today, "starts", "started") == match_week
    assert season_words.tensed("soap_ends", today, "ends", "ended") == soap


@pytest.mark.parametrize("today", [day_in(2027, "match_day", 1), dt.date(2027, 4, 10), dt.date(2027, 5, 1)], ids=str)
def test_between_soaps_end_and_1_may_the_no_match_guide_leads_with_what_the_timeline_says_after_soap(today: dt.date) -> None:
    # Three weeks after Match Day the page gave only the next season, while
    # the timeline named the List of Unfilled Programs (season-dates audit s43, 8).
    said = text(season_words.after_a_no_match(today))
    assert said.startswith(f"As of {cycle.long_date(today)}, when this page was built, {cycle.after_soap(2027, today)}")
    assert "until 1 May 2027 the NRMP keeps its List of Unfilled Programs" in said
    assert "The next season you can apply to on time is the Match 2028" in said


def test_after_1_may_the_no_match_guide_names_only_the_next_season() -> None:
    said = text(season_words.after_a_no_match(dt.date(2027, 5, 2)))
    assert "SOAP" not in said and "the next season you can apply to on time is the Match 2028" in said


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (dt.date(2027, 9, 20), None),
        (dt.date(2027, 9, 25), "Emergency medicine and OB/GYN may no longer be open in it."),
        (dt.date(2027, 10, 5), "Emergency medicine and OB/GYN are no longer open in it."),
    ],
    ids=str,
)
def test_once_residencycas_may_have_closed_the_no_match_guide_says_its_fields_are_not_open_in_the_running_match(
    today: dt.date, said: str | None
) -> None:
    # The page told an EM reader who did not match that the running season
    # still took them, late (season-dates audit s43, 2).
    no_match = text(season_words.after_a_no_match(today))
    if said is None:
        assert "ResidencyCAS" not in no_match
        return
    assert said in no_match and "ResidencyCAS, which their programs use" in no_match
    assert no_match.index("you can still send it applications, late") < no_match.index(said)


def test_a_sentences_dates_are_cited_once_with_their_estimates_counted() -> None:
    # 2 December 2026: the Match 2027's ERAS opening is in our table, its
    # submission and review days are estimated; the Match 2029's are all estimates.
    today = dt.date(2026, 12, 2)
    keys = ("eras_opens", "submissions_open", "programs_receive")
    mixed = text(season_words.cited_once(keys, today))
    assert mixed.startswith("(" + cycle.season(2027)["eras_opens"].cite())
    assert mixed.endswith("; the others estimated by rule; the published dates are not in our data)")
    assert text(season_words.cited_once(keys[:2], today)).endswith(
        "; the other estimated by rule; the published date is not in our data)"
    )
    assert text(season_words.cited_once(keys[1:], today, 2029)) == (
        "(Match 2029: both estimated by rule; the published dates are not in our data)"
    )
    assert text(season_words.cited_once(keys[1:2], today, 2029)) == f"({cycle.season(2029)['submissions_open'].cite()})"
    assert text(season_words.date_shown("submissions_open", today, 2029, cited=False)) == "around 6 September 2028"


# --- seasonlate audit s44, reapply2 audit s44 ----------------------------------------
def test_past_the_early_estimate_the_no_match_guide_says_registering_may_still_be_possible() -> None:
    # "You can still register ... by 16 February 2028, an estimate set early
    # on purpose that has passed" (seasonlate audit s44, 5).
    said = text(season_words.after_a_no_match(dt.date(2028, 2, 20)))
    assert "you can still register" not in said
    assert (
        "If you applied in it and have not registered with the NRMP, you may still be able to, with the late fee: our "
        "estimate of the last day to register, 16 February 2028, set early on purpose, has passed" in said
    )
    # Before the estimate, the plain late-fee wording stays.
    assert "you can still register with the NRMP, with the late fee, by 16 February 2028" in text(
        season_words.after_a_no_match(dt.date(2028, 2, 10))
    )


def test_after_an_estimated_soap_end_the_guides_ask_the_reader_to_confirm_it_first() -> None:
    # Seasonlate audit s44, 6.
    day = dt.date(2028, 3, 17)
    confirm = "once the NRMP's calendar shows SOAP has closed"
    assert confirm in text(season_words.short_of_interviews(day))
    assert confirm in text(season_words.after_a_no_match(day))
    assert "may now contact" not in text(season_words.short_of_interviews(day))
    # A published SOAP end needs no such check.
    assert cycle.may_contact_after_soap(2026) == "may now contact programs that still have places"
    assert cycle.after_soap(2026).startswith("SOAP for the Match 2026 is over.")


@pytest.mark.parametrize(
    ("today", "again", "season"), [("2028-02-20", True, 2028), ("2028-03-13", False, 2029), ("2028-03-17", False, 2029)]
)
def test_certifying_again_is_offered_and_the_research_year_is_dated_only_while_rank_lists_may_be_open(
    today: str, again: bool, season: int
) -> None:
    # Seasonlate audit s44, 5: "takes no more rank lists ... you can certify
    # again as often as you like until the deadline".
    day = dt.date.fromisoformat(today)
    assert bool(season_words.certify_again(day)) is again
    assert season_words.ranking_season(day) == season


def test_in_the_weeks_after_soap_the_soap_page_leads_with_them() -> None:
    # Three days after SOAP the page gave SOAP steps in the future tense
    # (reapply2 audit s44, 4).
    day = dt.date(2027, 3, 22)
    note = text(season_words.soap_page_note(day))
    assert note.startswith(f"As of 22 March 2027, when this page was built: {cycle.after_soap(2027, day)}")
    week = text(season_words.soap_this_week(day))
    assert "Until 1 May 2027, work through the NRMP's List of Unfilled Programs" in week
    assert "Book your debrief" in week and "Plan the Match 2028" in week
    assert "Write down which SOAP position types you would accept" not in week


@pytest.mark.parametrize(
    ("today", "first"),
    [
        ("2026-12-06", "- Read the NRMP's current SOAP rules"),
        # The last day before Match Week; from its Monday SOAP's own steps (soap audit s55, 2).
        ("2027-03-14", "- Read the NRMP's current SOAP rules"),
        ("2027-05-02", "- Plan the Match 2028"),
        ("2027-05-15", "- Plan the Match 2028"),
        ("2027-09-02", "- Read the NRMP's current SOAP rules"),
    ],
)
def test_outside_those_weeks_the_soap_page_has_no_note_and_its_list_fits_the_date(today: str, first: str) -> None:
    day = dt.date.fromisoformat(today)
    assert str(season_words.soap_page_note(day)) == ""
    assert season_words.soap_this_week(day).startswith(first)


# --- reapplypsych audit s49 ------------------------------------------------------------
@pytest.mark.parametrize(
    ("today", "said"),
    [
        # Before 30 November registration costs no late fee.
        (
            "2026-10-15",
            # Not "by the same date", which read as 30 November (diffreview49 audit s49, 2).
            "To match in it, you must also register with the NRMP: without the late fee until around 30 November 2026, "
            "or with it until its rank lists close.",
        ),
        ("2026-12-06", "To match in it, you must also register with the NRMP, with the late fee, by the same date."),
        # From late December a new application is called too late; one sent anyway needs the registration too.
        ("2027-01-10", "If you send one anyway, register with the NRMP, with the late fee, by the same date."),
    ],
)
def test_a_reader_who_did_not_apply_in_the_running_match_is_told_to_register_as_well(today: str, said: str) -> None:
    # The "months ago" box told them they could still send applications, late,
    # and not that no Match takes them unregistered (reapplypsych audit s49, 11).
    shown = text(season_words.after_a_no_match(dt.date.fromisoformat(today)))
    assert said in shown
    not_applied = shown[shown.index("If you did not apply in it") :]
    assert not_applied.index("close by 17 February 2027") < not_applied.index(said)
    # The rule behind "the same date": late registration closes with the rank lists.
    dates = cycle.season(2027)
    assert dates["late_registration_ends"].date == dates["rank_deadline"].date


def test_past_registration_the_box_asks_no_registration_of_a_reader_who_did_not_apply() -> None:
    shown = text(season_words.after_a_no_match(dt.date(2027, 2, 20)))
    assert "If you did not apply in it, the next season" in shown and "must also register" not in shown


@pytest.mark.parametrize(
    ("today", "routes", "absent"),
    [
        # The audit's reader, in December: the Match under way, late, its
        # List of Unfilled Programs, and the next Match.
        (
            "2026-12-06",
            [
                "- The Match 2027 is under way, and its preliminary and transitional programs still take applications, "
                "late, until its rank lists close by 17 February 2027",
                "To match in it, you must also register with the NRMP, with the late fee, by the same date.",
                "- If neither the Match 2027 nor its SOAP places you, its List of Unfilled Programs stays in the NRMP's "
                "R3 system until 1 May 2027",
                "- A place from the Match 2027 starts on 1 July 2027",
                "you would apply again in the Match 2028, the season you can apply to on time anyway",
                # "The next you can apply to on time" once, in the item before (diff review s50, 16).
                "- A first year from the Match 2028 starts on 1 July 2028, the same day as a categorical place from that Match",
                "a bridge year from the Match 2028 puts your next application off by a season, to the Match 2029, for a place from 1 July 2029",
                # The last useful day, as every other page gives it (aiminghigh audit s54, 6), the
                # deadline "set early on purpose" too (interview audit s56, 10).
                "The last useful day to send a new application is about 20 December 2026: one sent later is unlikely "
                "to bring an interview.",
                "We count those weeks back from our estimate of the rank-list deadline, which we set early on purpose.",
            ],
            ["One sent now is unlikely to bring an interview"],
        ),
        # A sentence of its own, after the date's brackets (diff review s50, 16).
        ("2027-01-10", ["in our data). One sent now is unlikely to bring an interview by then. To match in it"], []),
        # Past our early estimate of the rank-list deadline: no late route, as
        # the "months ago" box offers none (diffreview49 audit s49, 3).
        (
            "2027-02-25",
            [
                # One item: alone, the check of the calendar offered no route (diff review s50, 16).
                "- The Match 2027 may already have closed its rank lists: our early estimate of the day has passed, so "
                "check the NRMP's calendar today. If you are in it and neither it nor its SOAP places you, its List of "
                "Unfilled Programs stays in the NRMP's R3 system until 1 May 2027",
            ],
            ["still take applications, late", "register"],
        ),
        # In Match Week: no more registrations, and the route in the same item (diff review s50b, 12).
        (
            "2027-03-16",
            [
                "- The Match 2027 takes no more registrations. If you are in it and neither it nor its SOAP places you, "
                "its List of Unfilled Programs stays in the NRMP's R3 system until 1 May 2027",
            ],
            ["still take applications, late", "register with"],
        ),
        # Between SOAP's end and 1 May: the list of the Match just ended.
        (
            "2027-03-25",
            [
                "- Until 1 May 2027, the NRMP keeps the Match 2027's List of Unfilled Programs in its R3 system",
                "- A place from the Match 2027 starts on 1 July 2027",
                "to the Match 2029",
            ],
            ["still take applications, late", "register"],
        ),
        # From May to September only the next Match, on time.
        (
            "2027-05-02",
            ["- A first year from the Match 2028, the next you can apply to on time", "to the Match 2029"],
            ["List of Unfilled Programs", "late"],
        ),
    ],
)
def test_a_reader_soap_did_not_place_is_given_the_routes_to_a_first_year_still_open(
    today: str, routes: list[str], absent: list[str]
) -> None:
    # The lane table offered a preliminary year only to a reader who already
    # had one (reapplypsych audit s49, 1).
    # A Markdown list, one route an item (diffreview49 audit s49, 12): the
    # page's lead says the build date, and a "- " marks each item's start.
    shown = text(season_words.first_year_routes(dt.date.fromisoformat(today)))
    assert all(line.startswith("- ") for line in shown.splitlines()), shown
    assert "As of" not in shown
    for words in routes:
        assert words in shown, words
    for words in absent:
        assert words not in shown, words
    # Each date from the season's data, each route with its source.
    assert "(NRMP, Program positions in the Main Residency Match" in shown


@pytest.mark.parametrize(("today", "ahead"), [("2026-12-07", True), ("2026-12-20", True), ("2026-12-21", False)])
def test_the_late_route_to_a_first_year_gives_the_last_useful_day_while_it_is_ahead(today: str, ahead: bool) -> None:
    # "Still take applications, late, until its rank lists close" stood alone
    # on 7 December, where every other page said an application sent after
    # about 20 December is unlikely to bring an interview (aiminghigh audit
    # s54, 6).
    route = text(season_words.first_year_routes(dt.date.fromisoformat(today))).splitlines()[0]
    last_day = f"The last useful day to send a new application is about {long_date(cycle.last_day_for_an_interview(2027))}"
    assert (last_day in route) is ahead, route
    assert ("One sent now is unlikely to bring an interview by then." in route) is not ahead, route
    assert cycle.INTERVIEW_RULE in route if ahead else cycle.INTERVIEW_RULE not in route
    # After the registration, whose "by the same date" is the rank lists' date.
    if ahead:
        assert route.index("by the same date") < route.index(last_day)
    # The deadline is called early on purpose beside its date, and, while
    # the day is ahead, in its basis, as every other page says it
    # (interview audit s56, 10).
    assert route.count("set early on purpose") == (2 if ahead else 1)
    # After the day, the hedge follows the registration: no hard cut-off (interview audit s56, 7).
    assert route.endswith(cycle.later_deadline_hedge(2027, dt.date.fromisoformat(today)))


@pytest.mark.parametrize(
    ("today", "verb"), [("2026-12-07", "is"), ("2026-12-20", "is"), ("2026-12-21", "was"), ("2027-02-20", "was")]
)
def test_the_guides_give_the_last_useful_day_in_the_tense_of_the_build(today: str, verb: str) -> None:
    # "From about late December" left a reader on 7 December to guess whether
    # the holidays were lost (midseason audit s52, 1).
    day = dt.date.fromisoformat(today)
    said = season_words.last_useful_day(day)
    # The basis a sentence of its own: in the first's brackets, with the
    # build date, it ran that sentence to 38 words (interview audit s56, 11).
    assert said.startswith(
        f"For the Match 2027, the last useful day to send a new application {verb} about 20 December 2026 "
        f"({season_words.as_of(day)}). One sent "
    )
    assert "We count those weeks back from our estimate of the rank-list deadline, which we set early on purpose." in said
    # Hedged before the day and after it, until our deadline (interview audit s56, 7).
    hedge = cycle.later_deadline_hedge(2027, day)
    assert (bool(hedge) and hedge in said) is (day < day_in(2027, "rank_deadline"))
    # "Send this week" only while the day is ahead (diff review s52b, 1).
    assert ("an application sent this week is worth more" in said) is (verb == "is")
    assert ("SOAP and the next season are what remain" in said) is (verb == "was")
    assert cycle.INTERVIEW_RULE in said


def test_the_last_useful_day_reads_in_sentences_of_35_words_or_fewer_all_season() -> None:
    # The day's sentence, with its basis and the build date in one bracket,
    # ran to 38 words (interview audit s56, 11): counted here brackets and all.
    day = day_in(2027, "programs_receive")
    while day <= day_in(2027, "match_day"):
        said = season_words.last_useful_day(day)
        for sentence in re.split(r"(?<=[.?!]) (?=[A-Z])", said):
            assert len(sentence.split()) <= 35, (day, sentence)
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(("today", "hedged_above"), [("2026-12-07", False), ("2026-12-25", True), ("2027-01-10", True)])
def test_the_timeline_guide_gives_the_hedge_on_the_last_useful_day_once(today: str, hedged_above: bool) -> None:
    # Its short-of-interviews paragraph and the list item under it each said
    # "ranking what you have": the hedge that keeps it from reading as a hard
    # cut-off is said in the first, not again two sentences on (interview
    # audit s56, 7).
    day = dt.date.fromisoformat(today)
    hedge = cycle.later_deadline_hedge(2027, day)
    above = text(season_words.short_of_interviews(day))
    below = season_words.last_useful_day(day, below_short_of_interviews=True)
    assert hedge and (hedge in above) is hedged_above
    assert (hedge + above + below).count(hedge) == 2
    # Elsewhere, alone, the item keeps it.
    assert hedge in season_words.last_useful_day(day)


@pytest.mark.parametrize(("today", "hedged"), [("2026-12-25", True), ("2027-01-03", True), ("2027-01-04", False)])
def test_the_no_match_guides_too_late_boxes_keep_the_hedge_while_a_later_deadline_could_help(today: str, hedged: bool) -> None:
    # "Unlikely to bring an interview" stood alone after 20 December, a hard
    # cut-off resting on our early estimate (interview audit s56, 7); once
    # even the later days have passed, advice on interviews is not given to
    # a reader who did not apply.
    day = dt.date.fromisoformat(today)
    hedge = cycle.later_deadline_hedge(2027, day)
    box = text(season_words.after_a_no_match(day))
    route = text(season_words.first_year_routes(day)).splitlines()[0]
    assert (hedge in box) is hedged and (hedge in route) is hedged
    assert "turn down an interview" not in box + route or hedged
    if hedged:
        # After the registration, whose "by the same date" is the rank lists' date.
        assert box.index("by the same date.") < box.index(hedge) and route.endswith(hedge)


def test_the_short_last_useful_day_is_the_first_sentence_of_the_full_one() -> None:
    # The timeline guide printed the whole rule twice (prelim54's note).
    for day in (dt.date(2026, 12, 7), dt.date(2027, 1, 10)):
        full, short = season_words.last_useful_day(day), season_words.last_useful_day(day, short=True)
        assert full.startswith(short) and len(short) < len(full) and cycle.INTERVIEW_RULE not in short


def test_an_early_estimate_and_its_source_share_one_bracket() -> None:
    # "(... plan for this one) (Match 2027: estimated by rule; ...)" ran two
    # brackets side by side (diff review s54, 13).
    said = text(season_words.date_shown("rank_deadline", dt.date(2026, 12, 7)))
    assert said == (
        "by 17 February 2027, an estimate set early on purpose (the NRMP's own deadline may be later; plan for this "
        "one; Match 2027: estimated by rule; the published date is not in our data)"
    )
    assert ") (" not in text(season_words.after_a_no_match(dt.date(2026, 12, 7)))


# --- soap audit s55 ---------------------------------------------------------------------
@pytest.mark.parametrize("today", [dt.date(2027, 3, 4), dt.date(2027, 3, 10), dt.date(2027, 3, 14)], ids=str)
def test_past_the_latest_plausible_deadline_the_guides_say_the_lists_have_almost_certainly_closed(today: dt.date) -> None:
    # On 10 March 2027 the timeline guide said the NRMP's own deadline "may be
    # days away", though its published deadlines fell 16 and 23 days before
    # Match Day (soap audit s55, 3).
    short = text(season_words.short_of_interviews(today))
    assert "may be days away" not in short
    assert "the Match 2027's rank lists have almost certainly closed, so no new application can lead to a match in it" in short
    assert "Its registration and rank lists have almost certainly closed." in text(season_words.after_a_no_match(today))
    assert "- The Match 2027 almost certainly takes no more registrations." in text(season_words.first_year_routes(today))
    deadline = text(season_words.date_shown("rank_deadline", today))
    assert "may be later" not in deadline
    assert (
        "that has passed, and the NRMP's own has almost certainly passed too (in the NRMP calendars we hold, the deadline "
        "fell 16 and 23 days before Match Day): the Match 2027 takes no more registrations or rank lists" in deadline
    )
    assert season_words.certify_again(today) == "" and season_words.ranking_season(today) == 2028


def test_up_to_the_latest_plausible_deadline_the_guides_still_say_it_may_be_open() -> None:
    today = dt.date(2027, 3, 3)
    assert "the NRMP's own may be days away" in text(season_words.short_of_interviews(today))
    assert "almost certainly" not in text(season_words.after_a_no_match(today))
    assert season_words.certify_again(today) and season_words.ranking_season(today) == 2027
    # In Match Week the lists are closed, with no "almost".
    week = text(season_words.after_a_no_match(dt.date(2027, 3, 16)))
    assert "Its registration and rank lists are closed." in week and "almost certainly" not in week


@pytest.mark.parametrize("today", [dt.date(2027, 3, 15), dt.date(2027, 3, 16), dt.date(2027, 3, 18)], ids=str)
def test_in_match_week_the_soap_page_says_what_to_do_that_day(today: dt.date) -> None:
    # On the Tuesday of SOAP the page said to draft statements and book a
    # practice exam, and had no note at the top (soap audit s55, 2).
    note = text(season_words.soap_page_note(today))
    assert note.startswith(
        f"As of {long_date(today)}, when this page was built, it is Match Week by our estimate, and SOAP runs until "
        "around 18 March 2027 (Match 2027: estimated by rule"
    )
    assert "“Match Week, step by step”" in note and "What to do this week" in note
    week = season_words.soap_this_week(today)
    assert "draft a statement" not in week and "practice exam" not in week
    for step in (
        "- Keep your phone on.",
        "- Do not contact a program first. Wait until it contacts you (NRMP, SOAP and After the Match pages",
        "- Answer each offer within its round. An offer you have not accepted when its round ends is gone "
        f"({data.NRMP_SOAP_FAQ.cite()}).",
        "- Accept only a place you would start. If you need a visa, be sure the program sponsors the one you will hold.",
    ):
        assert step in week, step
    # Short action sentences, each item no longer than 35 words before its citation.
    for item in week.splitlines():
        assert len(re.sub(r"\([^()]*\)", "", item).split()) <= 35, item
    first = week.splitlines()[0]
    if today == dt.date(2027, 3, 15):
        assert first == ("- Today, check in the NRMP's R3 system whether you matched and whether you are eligible for SOAP.")
        assert "you have 45 through ERAS for the whole week" in week
    elif today == dt.date(2027, 3, 18):
        # "The steps below", in the timeline's row, read as its rows below (diff review s55b, 3).
        assert first == "- SOAP ends today, at the hour the NRMP's calendar gives. Until it ends, keep to the steps that follow."
        assert "the NRMP keeps its List of Unfilled Programs in R3 until 1 May 2027" in week
    else:
        assert first.startswith("- Any of your 45 ERAS applications you have not used can still go to programs")
        assert "SOAP ends today" not in week


def test_on_monday_the_soap_page_says_what_residencycas_takes_and_what_a_newcomer_needs_and_pays() -> None:
    # "Emergency medicine and OB/GYN programs take them through ResidencyCAS"
    # read as the 45 ERAS applications, and left out the access link and the
    # fee that point 2 of the page gives (diff review s55b, 6).
    week = season_words.soap_this_week(dt.date(2027, 3, 15))
    assert "take them through" not in week
    assert (
        "- Emergency medicine and OB/GYN programs take SOAP applications through ResidencyCAS, not ERAS. New to "
        "ResidencyCAS this season? You first need an access link (an IMG gets it from ECFMG), and you pay $99 for up to "
        "45 programs (Liaison International, ResidencyCAS help on SOAP, read 2026)." in week.splitlines()
    )
    # The fee and the link are the source's, which the Source column cites whole.
    assert f"pays ${cycle.RESIDENCYCAS_SOAP_FEE_USD} for up to 45 programs" in data.RESIDENCYCAS_SOAP.title
    assert "access link (an IMG from ECFMG" in data.RESIDENCYCAS_SOAP.title
    assert [cycle.soap_step_said(step) for step in cycle.soap_week_steps(dt.date(2027, 3, 15))] == season_words.soap_week_steps(
        dt.date(2027, 3, 15)
    )
    # Only on Monday: later in the week the applications have gone out.
    assert "ResidencyCAS" not in season_words.soap_this_week(dt.date(2027, 3, 16))


def test_a_match_week_step_cites_its_source_in_full_or_by_name_beside_a_source_column() -> None:
    monday = dt.date(2027, 3, 15)
    steps = cycle.soap_week_steps(monday)
    full = " ".join(cycle.soap_step_said(step) for step in steps)
    brief = " ".join(cycle.soap_step_said(step, brief=True) for step in steps)
    cites = cycle.soap_step_sources(steps)
    assert cites == [
        data.NRMP_SOAP_APPLICATIONS.cite(),
        data.RESIDENCYCAS_SOAP.cite(),
        data.NRMP_SOAP.cite(),
        data.NRMP_SOAP_FAQ.cite(),
    ]
    assert data.NRMP_SOAP.cite() in full and data.NRMP_SOAP_FAQ.cite() in full
    assert not [cite for cite in cites if cite in brief]
    assert "you have 45 through ERAS for the whole week (NRMP)." in brief and "(Liaison International)." in brief
    # Running text names the ResidencyCAS help by its title's head: its whole
    # title has brackets of its own, which inside a citation's ran two deep.
    assert data.RESIDENCYCAS_SOAP.cite() not in full and "(" in data.RESIDENCYCAS_SOAP.title
    # The page's pointer is "above"; the caller names another place.
    assert full.endswith("see “If you are not eligible for SOAP” above.")
    assert cycle.soap_step_said(cycle.soap_week_steps(monday, "elsewhere")[-1]).endswith("for SOAP” elsewhere.")


def test_a_published_match_week_is_not_called_our_estimate() -> None:
    note = text(season_words.soap_page_note(dt.date(2026, 3, 17)))
    assert "it is Match Week, and SOAP runs until 19 March 2026" in note and "by our estimate" not in note


@pytest.mark.parametrize(
    ("today", "said"),
    [
        ("2027-01-20", "- Certify your list by 17 February 2027, an estimate set early on purpose"),
        ("2027-02-17", "- Certify your list today, before the hour the NRMP's calendar gives."),
        ("2027-02-25", "has passed, and the NRMP's own deadline may be later: check its calendar today. If it is still open"),
    ],
)
def test_the_rank_list_guides_certify_step_follows_the_deadline(today: str, said: str) -> None:
    # "Put the certification deadline in your calendar" stood there in Match Week (soap audit s55, 5).
    week = text(season_words.rank_list_this_week(dt.date.fromisoformat(today)))
    assert said in week
    assert ("in your calendar" in week) is (today == "2027-01-20")
    assert "SOAP" not in week


@pytest.mark.parametrize(
    ("today", "confirm"),
    [("2027-03-19", True), ("2027-03-20", True), ("2027-03-26", True), ("2027-03-27", False), ("2027-04-01", False)],
)
def test_once_match_day_is_past_soaps_end_is_no_longer_an_estimate_to_confirm(today: str, confirm: bool) -> None:
    # On 1 April 2027 the pages still asked the reader to confirm on the
    # NRMP's calendar that SOAP had closed (soap audit s55, 9); of an
    # estimated Match Day, a week after it (diff review s55b, 5).
    day = dt.date.fromisoformat(today)
    assert cycle.soap_end_unconfirmed(2027, day) is confirm
    check = "confirm on the NRMP's calendar that it has closed"
    for said in (
        text(season_words.after_a_no_match(day)) if day > day_in(2027, "match_day") else cycle.after_soap(2027, day),
        text(season_words.soap_page_note(day)),
        season_words.soap_this_week(day),
    ):
        assert (check in said or "once the NRMP's calendar shows SOAP has closed" in said) is confirm, said
        assert ("SOAP for the Match 2027 is over." in said or "may now contact" in said) is not confirm, said
    # A caller with no date keeps the estimate to confirm.
    assert cycle.soap_end_unconfirmed(2027)
    # A published end was never an estimate.
    assert not cycle.soap_end_unconfirmed(2026, dt.date(2026, 3, 20))


def test_the_review_start_sentence_is_marked_as_our_reading() -> None:
    # "Most applicants submit before that review start." had no source and no
    # year; no source article says it (soap audit s55, 9).
    said = text(season_words.after_a_no_match(dt.date(2027, 5, 2)))
    assert said.endswith(
        "Most applicants submit before that review start (our reading; the IMG article's advice is to submit early)."
    )


# --- diff review s55b -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("today", "stage", "lead"),
    [
        (dt.date(2026, 9, 1), "not open yet", "**Registration is not open yet.**"),
        (dt.date(2026, 10, 1), "on-time", "**You can still register.**"),
        (dt.date(2026, 12, 7), "late-fee", "**You can still register.**"),
        (dt.date(2027, 2, 20), "may-be-open", "**You may still be able to register.**"),
        (dt.date(2027, 3, 10), "almost certainly closed", "**Registration has almost certainly closed.**"),
        (dt.date(2027, 3, 16), "closed", "**Registration has closed.**"),
    ],
    ids=str,
)
def test_the_rank_list_lead_and_the_timeline_guides_advice_share_one_registration_stage(
    today: dt.date, stage: str, lead: str
) -> None:
    # registration_lead repeated registration_advice's switch (diff review s55b, 9).
    assert season_words.registration_stage(today) == (2027, stage)
    assert season_words.registration_lead(today) == lead
    advice = text(season_words.registration_advice(today))
    assert advice.startswith("It opens " if stage == "not open yet" else "It opened ")
    assert ("register as soon as it opens" in advice) == (stage == "not open yet")


@pytest.mark.parametrize("today", [dt.date(2027, 3, 4), dt.date(2027, 3, 10), dt.date(2027, 3, 16)], ids=str)
def test_once_registration_is_closed_the_couples_point_gives_one_dated_sentence(today: dt.date) -> None:
    # Under "Registration has almost certainly closed." the point said to
    # "register by" a day gone by in 37 words, then who pays the fee "after
    # it" (diff review s55b, 4).
    said = text(season_words.registration_day(today))
    assert said.count(". ") == 0 and said.endswith(".")
    assert "register by" not in said and "each partner" not in said and "takes no more" not in said
    assert said.startswith(
        f"For the Match 2027 (the current season as of {long_date(today)}, when this page was built), that day"
    )
    if today < dt.date(2027, 3, 15):
        assert "that day has almost certainly passed: our estimate of it was 17 February 2027 (Match 2027: estimated" in said
        assert cycle.deadline_gaps_said() in said
    else:
        assert "that day has passed: it came before Match Week, which began around 15 March 2027 (Match 2027" in said
    # Without its brackets, one short sentence.
    assert len(re.findall(r"[\w']+", re.sub(r"\([^()]*\)", "", said))) <= 20


@pytest.mark.parametrize(
    ("today", "early"),
    [(dt.date(2026, 12, 7), "ended around 30 November 2026"), (dt.date(2027, 2, 20), "ended around 30 November 2026")],
    ids=str,
)
def test_while_registering_may_be_possible_the_couples_point_says_by_when(today: dt.date, early: str) -> None:
    said = text(season_words.registration_day(today))
    assert said.startswith(
        f"For the Match 2027 (the current season as of {long_date(today)}, when this page was built), register by 17"
    )
    assert f"Registration without the late fee {early} (Match 2027" in said
    assert said.endswith("; each partner who registers after it pays the fee.")


@pytest.mark.parametrize(
    ("today", "sent"),
    [
        (dt.date(2027, 3, 20), "can go to programs from around 1 September 2027"),
        (dt.date(2027, 9, 1), "can go to programs from around 1 September 2027"),
        (dt.date(2027, 9, 2), "have gone to programs since around 1 September 2027"),
        (dt.date(2027, 9, 21), "have gone to programs since around 1 September 2027"),
    ],
    ids=str,
)
def test_before_the_next_season_is_read_the_rank_list_week_opens_with_when_applications_go(today: dt.date, sent: str) -> None:
    # "Keep your impressions log as you interview" stood there before the
    # Match 2028's applications had gone out (diff review s55b, 4).
    week = text(season_words.rank_list_this_week(today))
    assert week.startswith(f"- Nothing to rank yet for the Match 2028: its applications {sent}, and programs start reading them")
    assert "impressions log" not in week and len(week.splitlines()) == 1
    # From the day programs start reading, the list for building the rank list.
    assert "Nothing to rank yet" not in season_words.rank_list_this_week(dt.date(2027, 9, 22))


def test_rank_lists_are_final_for_every_reader_once_closed() -> None:
    for today, almost in ((dt.date(2027, 3, 10), "almost certainly "), (dt.date(2027, 3, 16), "")):
        week = season_words.rank_list_this_week(today)
        assert week.startswith(f"- Rank lists are final: the Match 2027 {almost}takes no more of them.")
        assert "Your rank list" not in week


@pytest.mark.parametrize(
    ("today", "verb", "season"),
    [
        (dt.date(2027, 6, 1), "opens", 2028),
        (dt.date(2027, 6, 2), "opened", 2028),
        (dt.date(2027, 6, 5), "opened", 2028),
        (dt.date(2027, 7, 1), "opened", 2028),
        (dt.date(2027, 7, 2), "opens", 2029),
    ],
    ids=str,
)
def test_the_bridge_clock_says_eras_opened_once_it_has(today: dt.date, verb: str, season: int) -> None:
    # From 2 June to 1 July 2027 it said ERAS for the Match 2028 "opens around
    # 2 June 2027" (diff review s55b, 9).
    said = text(season_words.bridge_year_clock(today))
    opens = cycle.season(season)["eras_opens"].date
    assert f"ERAS for the Match {season} {verb} around {long_date(opens)}" in said
    assert (opens <= today) == (verb == "opened")


def test_spans_in_months_say_small_counts_in_words() -> None:
    # macros held MONTH_WORDS, a twin of the finder's number words (diff review s55b, 9).
    assert [season_words.about_months(days) for days in (30, 59, 61, 120, 300)] == [
        "about one month",
        "about two months",
        "about two months",
        "about four months",
        "about 10 months",
    ]
    assert season_words.last_useful_lead(dt.date(2026, 12, 7)) == "about two months"


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (dt.date(2026, 9, 10), "closes to applications for the Match 2027 in late September 2026"),
        (dt.date(2026, 9, 26), "may have closed to applications for the Match 2027 in late September 2026"),
        (dt.date(2026, 12, 7), "closed to applications for the Match 2027 in late September 2026"),
        (dt.date(2027, 6, 5), "closes to applications for the Match 2028 in late September 2027"),
    ],
    ids=str,
)
def test_the_short_residencycas_clause_follows_the_deadline_and_its_state(today: dt.date, said: str) -> None:
    # "Whose ResidencyCAS closes in late September" was typed on two pages
    # (diff review s55b, 10).
    assert season_words.residencycas_now(today, short=True) == said
    year = cycle.coming_season(today)
    assert season_words.part_of_month(cycle.residencycas_deadline_day(year)[0]) in said
    assert [season_words.part_of_month(dt.date(2027, 9, d)) for d in (1, 10, 11, 20, 21, 30)] == [
        "early September 2027",
        "early September 2027",
        "mid September 2027",
        "mid September 2027",
        "late September 2027",
        "late September 2027",
    ]


def test_the_soap_faq_is_cited_from_the_data() -> None:
    # A citation string in season_words, typed three times on the SOAP page (diff review s55b, 6).
    assert data.NRMP_SOAP_FAQ in data.SOURCES and data.NRMP_SOAP_FAQ.secondary
    # Match Week's steps cite it from there, not as a string of their own.
    assert data.NRMP_SOAP_FAQ.cite() in cycle.soap_step_sources(cycle.soap_week_steps(dt.date(2027, 3, 16)))


@pytest.mark.parametrize(
    ("today", "until"),
    [(dt.date(2026, 12, 7), "1 May 2027"), (dt.date(2027, 3, 19), "1 May 2027"), (dt.date(2027, 3, 20), "1 May 2028")],
)
def test_the_list_of_unfilled_programs_closes_in_the_pages_season(today: dt.date, until: str) -> None:
    assert season_words.unfilled_list_until(today) == until
