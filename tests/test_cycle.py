"""Tests for the season helpers' tense: a sentence that holds a date says
whether that date has come, as of the reader's today (date sweep s40)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import pin_build_date

from calculators import cycle


def test_a_late_submission_note_is_in_the_tense_of_today() -> None:
    # On 18 February 2027 the note said programs "start" reviewing on a date
    # five months past, and a semicolon left "when many ..." as a fragment
    # (date sweep s40, 4).
    day = dt.date(2026, 10, 28)
    after = cycle.season_for_submission(day, dt.date(2027, 2, 18))
    before = cycle.season_for_submission(day, dt.date(2026, 9, 1))
    assert isinstance(after, cycle.SubmissionSeason) and isinstance(before, cycle.SubmissionSeason)
    assert (
        "programs started reviewing on 23 September 2026 (estimated), so a submission on 28 October 2026 arrived "
        "5 weeks after that, when many interview places were already given out (our reading)." in after.note
    )
    assert "programs start reviewing on 23 September 2026 (estimated)" in before.note
    assert "28 October 2026 arrives 5 weeks after that, when" in before.note
    assert "; when" not in after.note + before.note


@pytest.mark.parametrize(
    ("today", "said", "not_said"),
    [
        # Months before Match Week: the lists have not closed yet (date sweep s40, 5).
        (
            dt.date(2026, 12, 5),
            "the Match 2027 rank lists close before its Match Week, which begins on 15 March 2027 (estimated), and "
            "applications for the Match 2028 open on 1 September 2027 (estimated)",
            "closed",
        ),
        (
            dt.date(2027, 9, 2),
            "the Match 2027 rank lists closed before its Match Week, which began on 15 March 2027 (estimated), and "
            "applications for the Match 2028 opened on 1 September 2027 (estimated)",
            "begins",
        ),
    ],
)
def test_a_date_no_match_takes_is_explained_in_the_tense_of_today(today: dt.date, said: str, not_said: str) -> None:
    message = cycle.season_for_submission(dt.date(2027, 3, 20), today)
    assert isinstance(message, str)
    assert said in message and not_said not in message


def test_applications_opened_two_days_ago_are_said_to_have_opened() -> None:
    # "applications for the Match 2027 open on 2 September 2026" on 4 September (date sweep s40, 5).
    message = cycle.season_for_submission(dt.date(2026, 6, 15), dt.date(2026, 9, 4))
    assert isinstance(message, str) and "applications for the Match 2027 opened on 2 September 2026 (estimated)" in message
    earlier = cycle.season_for_submission(dt.date(2026, 6, 15), dt.date(2026, 6, 1))
    assert isinstance(earlier, str) and "applications for the Match 2027 open on 2 September 2026 (estimated)" in earlier


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (dt.date(2027, 2, 17), "ERAS 2027 (Match 2027) is still running, and"),
        (
            dt.date(2027, 3, 1),
            "our estimate of the ERAS 2027 (Match 2027) rank-list deadline, 17 February 2027, set early on purpose, "
            "has passed, and the NRMP's own deadline may be later: check its calendar today; the next season",
        ),
        (
            dt.date(2027, 3, 15),
            "the rank lists of ERAS 2027 (Match 2027) have closed ahead of its Match Day, 19 March 2027 (estimated), and",
        ),
    ],
)
def test_the_running_season_is_still_running_only_until_its_rank_lists_close(today: dt.date, said: str) -> None:
    # "Still running" on 1 March 2027 invited adding programs (date sweep s40, 11).
    line = cycle.season_ahead(today)
    assert said in line and line.endswith("the next season you can apply to on time is ERAS 2028 (Match 2028)")
    assert ("still running" in line) is (today <= cycle.season(2027)["rank_deadline"].date)


def test_applications_go_out_from_the_day_after_they_open_until_the_rank_list_deadline() -> None:
    dates = cycle.season(2027)
    opens, deadline = dates["submissions_open"].date, dates["rank_deadline"].date
    one = dt.timedelta(days=1)
    assert [cycle.applications_going_out(2027, d) for d in (opens, opens + one, deadline - one, deadline)] == [
        False,
        True,
        True,
        False,
    ]


def test_the_season_under_review_is_named_from_the_day_after_reviews_start_until_the_rank_list_deadline() -> None:
    dates = cycle.season(2027)
    starts, deadline = dates["programs_receive"].date, dates["rank_deadline"].date
    one = dt.timedelta(days=1)
    assert [cycle.season_under_review(d) for d in (starts, starts + one, deadline - one, deadline)] == [None, 2027, 2027, None]
    assert cycle.season_under_review(dt.date(2027, 6, 1)) is None
    assert cycle.season_under_review(dt.date(2027, 10, 15)) == 2028


@pytest.mark.parametrize(("day", "late"), [("2026-12-20", False), ("2026-12-21", True), ("2027-01-20", True)])
def test_program_counts_the_backup_finder_and_the_timeline_agree_when_a_new_application_is_too_late(
    monkeypatch: pytest.MonkeyPatch, day: str, late: bool
) -> None:
    # From 21 December the timeline said "too late" while the other two still
    # said to send more (diff review s41, 1).
    from calculators import backup_finder, program_counts, timeline

    today = dt.date.fromisoformat(day)
    pin_build_date(monkeypatch, today)
    assert cycle.too_late_for_interviews(2027, today) is late
    counts = program_counts.compute({"specialty": "internal-medicine"})["mid_season"]
    finder = backup_finder.compute({"specialty": "internal-medicine"})["mid_season"]
    plan = timeline.compute({"today": day, "eras_submission": "2026-09-10"})
    [short] = [n for n in plan["notes"] if n.startswith("Short of interviews?")]
    assert counts is not None and finder is not None
    for said in (counts, finder, short):
        assert ("now is unlikely to" in said) is late, said
        # Until then each gives the last useful day (midseason audit s52, 1).
        assert ("The last useful day to send a new application is about 20 December 2026" in said) is not late, said
    assert ("New applications can still go" in counts) is not late


def test_the_last_useful_day_says_when_it_rests_on_an_estimated_deadline() -> None:
    # "About 20 December" did not say it was worked out from our early
    # estimate of the rank-list deadline (EM audit s53, 6).
    published, estimated = cycle.send_by(2026), cycle.send_by(2027)
    assert not cycle.season(2026)["rank_deadline"].estimated and "estimate" not in published
    assert cycle.season(2027)["rank_deadline"].estimated_early
    # The basis in a sentence of its own, after the rule whose weeks it
    # counts back: in brackets it ran the day's sentence to 38 words
    # (interview audit s56, 11).
    assert estimated.startswith(
        "The last useful day to send a new application is about 20 December 2026: one sent later is unlikely to bring "
        f"an interview. {cycle.INTERVIEW_RULE} We count those weeks back from our estimate of the rank-list deadline, "
        "which we set early on purpose. "
    )
    # No hedge on a deadline the NRMP published.
    assert published == (
        "The last useful day to send a new application is about 28 December 2025: one sent later is unlikely to bring "
        f"an interview. {cycle.INTERVIEW_RULE}"
    )


# --- interview audit s56, 7: the last useful day rests on a deadline set early on purpose -----------------
def test_the_last_useful_day_would_move_one_to_two_weeks_by_the_published_calendars() -> None:
    # By the 2024 and 2026 calendars (16 and 23 days before Match Day) the
    # deadline would be 3 March or 24 February 2027, not our 17 February, and
    # the last useful day 3 January or 27 December, not 20 December.
    assert cycle.published_deadline_gaps() == {2024: 16, 2026: 23}
    assert cycle.later_last_days(2027) == [dt.date(2027, 1, 3), dt.date(2026, 12, 27)]
    # Each is the last day the rule allows against that later deadline.
    dates = cycle.season(2027)
    reviews, match_day = dates["programs_receive"].date, dates["match_day"].date
    for later, gap in zip(cycle.later_last_days(2027), (16, 23), strict=True):
        deadline = match_day - dt.timedelta(days=gap)
        assert not cycle.interview_season_too_short(later, deadline, reviews)
        assert cycle.interview_season_too_short(later + dt.timedelta(days=1), deadline, reviews)
    # No hedge where the deadline is the NRMP's own.
    assert cycle.later_deadline_hedge(2026) == ""


def test_the_hedge_on_the_last_useful_day_is_worked_out_from_the_table_not_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    ahead = cycle.later_deadline_hedge(2027)
    assert ahead == (
        "If the NRMP's deadline falls as in 2024 and 2026, new applications help about one to two weeks longer (in the "
        "NRMP calendars we hold, the deadline fell 16 and 23 days before Match Day). That is until about 27 December 2026 "
        "to 3 January 2027. Send as soon as you can, and do not turn down an interview before the NRMP's published "
        "deadline."
    )
    # The reader's day chooses the tense: until the latest of the later days,
    # then past them, and nothing from our deadline on, where other words
    # say the estimate has passed.
    assert cycle.later_deadline_hedge(2027, dt.date(2026, 12, 25)) == ahead
    assert cycle.later_deadline_hedge(2027, dt.date(2027, 1, 3)) == ahead
    passed = cycle.later_deadline_hedge(2027, dt.date(2027, 1, 4))
    assert passed.startswith("If the NRMP's deadline falls as in 2024 and 2026, new applications helped about one to two")
    assert passed.endswith("That time has passed too. Do not turn down an interview before the NRMP's published deadline.")
    assert cycle.later_deadline_hedge(2027, dt.date(2027, 2, 16)) == passed
    assert cycle.later_deadline_hedge(2027, dt.date(2027, 2, 17)) == ""
    # Another calendar gives other words: one published 20 days before
    # Match Day alone moves the day by ten days, "about one week".
    monkeypatch.setattr(cycle, "published_deadline_gaps", lambda: {2025: 20})
    assert "new applications help about one week longer" in cycle.later_deadline_hedge(2027)
    assert "as in 2025," in cycle.later_deadline_hedge(2027)


def test_the_last_useful_days_sentences_are_35_words_or_fewer_brackets_and_all() -> None:
    # "The last useful day ... (worked out ... on purpose): one sent later is
    # unlikely to bring an interview" ran to 38 (interview audit s56, 11).
    for sentence in re.split(r"(?<=\.) (?=[A-Z])", cycle.send_by(2027)):
        assert len(sentence.split()) <= 35, sentence


# --- interview audit s56, 11: the mid-season notes in sentences of 35 words or fewer ----------------------
MOST_WORDS = 35


def _words_read(sentence: str) -> int:
    """A sentence's words as a reader meets them.  Brackets that cite (a
    source, a season, a date or a figure: they hold a digit) or mark a date
    "estimated" are left out, as the house's counts leave citations out; a
    bracket of words is read as part of the sentence and counted: the two
    38-word sentences of the audit hid 14 words in such brackets."""
    cited = r"\((?:[^()]*\d[^()]*|estimated[^()]*)\)"
    plain = re.sub(r"\([^()]*\([^()]*\)[^()]*\)", "", sentence)
    return len([word for word in re.sub(cited, "", plain).split() if re.search(r"\w", word)])


def _sentences(note: str) -> list[str]:
    return [each for each in re.split(r"(?<=[.?!])\s+(?=[A-Z“])", note) if each]


def _mid_season_notes(day: dt.date) -> dict[str, list[str]]:
    """The notes a reader meets while a season is under way, from the five
    calculators that ask "Applied this season", answered Yes, and match odds
    with its default inputs."""
    from conftest import applied_this_season

    from calculators import application_cost, backup_finder, competitiveness, match_odds, program_counts, signals

    yes = applied_this_season("yes")
    odds = match_odds.compute({})
    notes: dict[str, list[str | None]] = {
        "competitiveness": [competitiveness.compute(yes)["mid_season"]],
        "program counts": [program_counts.compute(yes)["mid_season"]],
        "signals": list(signals.compute(yes)["mid_season"] or []),
        "application cost": list(application_cost.compute(yes)["mid_season_points"]),
        "backup finder": [backup_finder.compute(yes)["mid_season"]],
        "match odds": [odds["below_matched_median"], (odds["no_ranks"] or {}).get("next_steps")],
    }
    return {name: [str(note) for note in said if note] for name, said in notes.items()}


def test_the_mid_season_notes_read_in_sentences_of_35_words_or_fewer_every_day_of_a_season(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The last useful day's sentence and "New applications can still go ...
    # has closed" ran to 38 words each, on about ten pages (interview audit
    # s56, 11).  Every day of the season the answer names, from the day its
    # applications can go to programs (ResidencyCAS's week that may have
    # closed included) to the end of March.
    from calculators import profile

    year = profile.ASKED_FOR
    day, last = cycle.season(year)["submissions_open"].date, dt.date(year, 3, 31)
    long: dict[tuple[str, str], list[dt.date]] = {}
    seen: set[str] = set()
    while day <= last:
        pin_build_date(monkeypatch, day)
        for name, notes in _mid_season_notes(day).items():
            seen.update([name] if notes else [])
            for sentence in (s for note in notes for s in _sentences(note)):
                if _words_read(sentence) > MOST_WORDS:
                    long.setdefault((name, re.sub(r"\d+", "#", sentence)), []).append(day)
        day += dt.timedelta(days=1)
    assert not long, "\n".join(f"{name} ({len(days)} days from {days[0]}): {said}" for (name, said), days in long.items())
    # Each calculator that shows a mid-season note was read; match odds at its
    # defaults gives none.
    assert seen == {"competitiveness", "program counts", "signals", "application cost", "backup finder"}


def test_the_word_count_reads_a_bracket_of_words_and_leaves_citations_out() -> None:
    old = (
        "The last useful day to send a new application is about 20 December 2026 (worked out from our estimate of the "
        "rank-list deadline, which we set early on purpose): one sent later is unlikely to bring an interview."
    )
    assert _words_read(old) == 38
    assert _words_read("Sent on 23 September 2026 (estimated, set early on purpose) (NRMP, calendar, read 2026).") == 5


# --- Where a new application can still go (diff review s52b, 5) ---------------------------------
EM, OBGYN, IM, FM = "emergency-medicine", "obstetrics-gynecology", "internal-medicine", "family-medicine"


@pytest.mark.parametrize("day", ["2026-09-25", "2026-12-07"])
@pytest.mark.parametrize("first", [EM, OBGYN, IM])
def test_the_check_match_odds_and_program_counts_say_where_new_applications_go_in_one_wording(
    monkeypatch: pytest.MonkeyPatch, day: str, first: str
) -> None:
    # Three copies of the ResidencyCAS rule disagreed on the week it may have
    # closed and on a backup that applies through it (diff review s52b, 5).
    from calculators import competitiveness, match_odds, program_counts

    today = dt.date.fromisoformat(day)
    pin_build_date(monkeypatch, today)
    full, short = cycle.where_new_applications_go(first, 2027, today)
    steps = match_odds.compute({"specialty": first, "contiguous_ranks": 0})
    assert full in str(steps["no_ranks"]["next_steps"])  # type: ignore[index]
    # Dated where the 40 words leave room; a long field name heard in the
    # week ResidencyCAS may have closed gives up the day.
    assert f"Send applications to {short} by about 20 December 2026" in steps["announced"] or (
        f"Apply to {short} now" in steps["announced"] and first == OBGYN and day == "2026-09-25"
    )
    assert full in str(competitiveness.mid_season_note(today, first))
    for backup in (None, FM, EM):
        if backup != first:
            counts = program_counts.compute({"specialty": first, "backup_specialty": backup})["mid_season"]
            assert cycle.where_new_applications_go(first, 2027, today, backup)[0] in str(counts)


def test_while_residencycas_may_have_closed_its_own_field_is_sent_to_eras_only_if_it_has() -> None:
    # The helper said "only to a backup field" flatly beside "may have closed"
    # while program counts said "if it has" (diff review s52b, 5a).
    day = dt.date(2026, 9, 25)
    assert cycle.residencycas_state(2027, day) == "may-have-closed"
    for first in (EM, OBGYN):
        full, short = cycle.where_new_applications_go(first, 2027, day)
        assert "so check ResidencyCAS's dates: its own deadline may be up to a week after our estimate" in full
        assert "read 2026). If it has closed, new applications can go only to a backup field" in full
        assert "can still go only" not in full
        # Heard, the condition stays (diff review s53b, 2); once closed, it goes.
        assert short == "a backup field through ERAS (or ResidencyCAS if open)"
        assert cycle.where_new_applications_go(first, 2027, dt.date(2026, 12, 7))[1] == "a backup field through ERAS"
    # An ERAS field's own programs are not made to wait on it; its other
    # fields' condition is a sentence of its own (interview audit s56, 11).
    assert cycle.where_new_applications_go(IM, 2027, day)[0] == (
        "New applications can still go to more programs in your field if you have not yet applied widely, otherwise to "
        "a backup field. Emergency medicine and OB/GYN can be added only if ResidencyCAS is still open: by our "
        "estimate it closed on 23 September 2026."
    )


def test_once_residencycas_has_closed_an_eras_readers_backup_must_apply_through_eras() -> None:
    # "Or to a backup field" in December, when an emergency medicine or
    # OB/GYN backup could no longer be added (diff review s52b, 5b).
    day = dt.date(2026, 12, 7)
    full, short = cycle.where_new_applications_go(IM, 2027, day)
    # Not a cited sentence of 50 words about fields not the reader's (diff
    # review s53, 5), nor a bracket that ran the first to 38 words: a short
    # sentence of its own (interview audit s56, 11).
    assert (
        full.endswith(
            "otherwise to a backup field that applies through ERAS. Emergency medicine and OB/GYN can no longer be "
            "added: ResidencyCAS, which they use, has closed."
        )
        and short == "more programs or a backup field through ERAS"
    )
    assert all(len(sentence.split()) <= 35 for sentence in full.split(". "))
    assert "Liaison" not in full
    assert "not to your backup, Emergency Medicine." in cycle.where_new_applications_go(IM, 2027, day, EM)[0]
    # A backup in ERAS needs no word on ResidencyCAS; one in ResidencyCAS's own field is offered beside a third.
    assert "ResidencyCAS" not in cycle.where_new_applications_go(IM, 2027, day, FM)[0]
    assert (
        "only to a backup field that applies through ERAS, such as your backup, Family Medicine."
        in (cycle.where_new_applications_go(EM, 2027, day, FM)[0])
    )
    # Before ResidencyCAS's deadline, neither field is held back.
    early = cycle.where_new_applications_go(EM, 2027, dt.date(2026, 9, 10))
    assert early == (
        "New applications can still go to more programs in your field if you have not yet applied widely, otherwise to "
        "a backup field.",
        "more programs or a backup field",
    )


def test_the_last_useful_day_is_the_last_one_the_too_late_rule_allows() -> None:
    for year in (2026, 2027, 2028):
        last = cycle.last_day_for_an_interview(year)
        assert not cycle.too_late_for_interviews(year, last)
        assert cycle.too_late_for_interviews(year, last + dt.timedelta(days=1))
    assert cycle.last_day_for_an_interview(2027) == dt.date(2026, 12, 20)


def test_residencycas_is_said_open_until_its_deadline_then_perhaps_closed_until_septembers_end() -> None:
    # The timeline called the fields closed from our estimate of the deadline
    # while signals and program counts waited for October; the estimate may be
    # a week early (do-em audit s42, 1 and 2).
    day, estimated = cycle.residencycas_deadline_day(2028)
    assert estimated and day == dt.date(2027, 9, 22)
    assert cycle.residencycas_state(2028, dt.date(2027, 9, 22)) == "open"
    assert cycle.residencycas_state(2028, dt.date(2027, 9, 25)) == "may-have-closed"
    assert cycle.residencycas_state(2028, dt.date(2027, 10, 1)) == "closed"
    assert cycle.residencycas_state(2028, dt.date(2027, 9, 30)) == "may-have-closed"
    # A day ResidencyCAS gave closes on the day after it.
    assert cycle.residencycas_deadline_day(2026) == (dt.date(2025, 9, 24), False)
    assert cycle.residencycas_state(2026, dt.date(2025, 9, 25)) == "closed"
    assert cycle.residencycas_deadline(2028, dt.date(2027, 6, 1)).startswith(
        "takes applications for the Match 2028 only until 22 September 2027 (estimated; 24 September in the 2025–26 cycle;"
    )
    assert "may have closed to applications for the Match 2028" in cycle.residencycas_deadline(2028, dt.date(2027, 9, 25))
    assert cycle.residencycas_deadline(2026, dt.date(2025, 10, 1)).startswith(
        "closed to applications for the Match 2026 on 24 September 2025 ("
    )


def test_applies_in_names_residencycas_fields_by_their_service_and_eras_fields_by_erass() -> None:
    # Moved from signals so the cost calculator says it too (season-dates audit s43, 2).
    today = dt.date(2027, 10, 5)
    em = cycle.applies_in(["emergency-medicine"], today)
    assert em.startswith("as of 5 October 2027, ResidencyCAS, which Emergency Medicine programs use, closed")
    assert "still running" not in em and em.endswith("is ResidencyCAS's for the Match 2029")
    both = cycle.applies_in(["emergency-medicine", "obstetrics-gynecology"], today, dated=False)
    assert both.startswith("ResidencyCAS, which Emergency Medicine and Obstetrics and Gynecology programs use, closed")
    assert cycle.applies_in(["family-medicine"], today) == cycle.season_ahead(today)
    before = cycle.applies_in(["emergency-medicine"], dt.date(2027, 8, 1))
    # The Match named once, not "for the Match 2028, which takes applications
    # for the Match 2028 only until" (diff review s43, 9).
    assert before.startswith(
        "as of 1 August 2027, the next season you can apply to in Emergency Medicine is ResidencyCAS's for the Match "
        "2028, open until 22 September 2027 (estimated; "
    )
    assert before.count("Match 2028") == 1


def test_applies_in_names_the_next_match_only_if_residencycas_has_closed_in_the_week_it_may_have() -> None:
    # "The next season you can apply to is ResidencyCAS's for the Match 2029",
    # flatly, on a day the timeline said to send the application today if it
    # was still open (diff review s43, 2).
    for day in (dt.date(2027, 9, 23), dt.date(2027, 9, 30)):
        said = cycle.applies_in(["emergency-medicine"], day)
        assert "may have closed to applications for the Match 2028" in said
        assert said.endswith("; if it has closed, the next season you can apply to is ResidencyCAS's for the Match 2029")
    closed = cycle.applies_in(["emergency-medicine"], dt.date(2027, 10, 1))
    assert closed.endswith("); the next season you can apply to is ResidencyCAS's for the Match 2029")


def test_residencycas_deadline_leaves_the_match_out_only_when_asked() -> None:
    # The variant for a sentence that has just named the Match (diff review
    # s43, 9); the timeline, backup finder and guides keep their words.
    for day in (dt.date(2027, 6, 1), dt.date(2027, 9, 25), dt.date(2027, 10, 5)):
        assert "for the Match 2028" in cycle.residencycas_deadline(2028, day)
        assert "Match" not in cycle.residencycas_deadline(2028, day, named=False)
    assert cycle.residencycas_deadline(2028, dt.date(2027, 6, 1), named=False).startswith("open until 22 September 2027 (")
    assert cycle.residencycas_deadline(2028, dt.date(2027, 9, 25), named=False).startswith(
        "may have closed to applications, so check ResidencyCAS's dates: its own deadline may be up to a week after "
        "our estimate, 22 September 2027"
    )
    assert cycle.residencycas_deadline(2026, dt.date(2025, 10, 1), named=False).startswith(
        "closed to applications on 24 September 2025 ("
    )


# --- soap audit s55: the rank lists past the latest plausible deadline -----------------------
def test_the_latest_plausible_deadline_is_match_day_less_the_shortest_published_gap() -> None:
    # The Match 2024 (28 February to 15 March) and the Match 2026 (25 February
    # to 20 March) are the two seasons whose deadline and Match Day our table holds.
    assert cycle.published_deadline_gaps() == {2024: 16, 2026: 23}
    assert cycle.latest_rank_deadline(2027) == dt.date(2027, 3, 3)
    assert cycle.deadline_gaps_said() == "in the NRMP calendars we hold, the deadline fell 16 and 23 days before Match Day"


@pytest.mark.parametrize(
    ("today", "may_be_open", "almost_certainly"),
    [
        (dt.date(2027, 2, 17), True, False),
        (dt.date(2027, 2, 18), True, False),
        (dt.date(2027, 3, 3), True, False),
        # On 10 March 2027 the guides and the timeline still said the NRMP's own
        # deadline "may be days away" (soap audit s55, 3).
        (dt.date(2027, 3, 4), False, True),
        (dt.date(2027, 3, 10), False, True),
        (dt.date(2027, 3, 14), False, True),
        # From Match Week the lists have surely closed.
        (dt.date(2027, 3, 15), False, False),
    ],
    ids=str,
)
def test_rank_lists_may_be_open_until_the_latest_plausible_deadline_then_have_almost_certainly_closed(
    today: dt.date, may_be_open: bool, almost_certainly: bool
) -> None:
    assert cycle.rank_lists_may_be_open(2027, today) is may_be_open
    assert cycle.rank_lists_almost_certainly_closed(2027, today) is almost_certainly
    if today > cycle.season(2027)["late_registration_ends"].date:
        assert cycle.registration(2027, today) == ("may-be-open" if may_be_open else "closed")


def test_a_published_deadline_once_passed_is_closed_with_no_almost() -> None:
    # The Match 2026's deadline is the NRMP's own: no estimate to hedge.
    day = dt.date(2026, 3, 1)
    assert not cycle.rank_lists_may_be_open(2026, day)
    assert not cycle.rank_lists_almost_certainly_closed(2026, day)


def test_past_the_latest_plausible_deadline_the_season_line_and_a_submission_say_closed() -> None:
    line = cycle.season_ahead(dt.date(2027, 3, 10))
    assert "the rank lists of ERAS 2027 (Match 2027) have almost certainly closed ahead of its Match Day" in line
    assert "may be later" not in line
    # A submission on 3 March may still be before the NRMP's deadline; one on 4 March is not.
    open_day = cycle.season_for_submission(dt.date(2027, 3, 3), dt.date(2027, 1, 5))
    assert isinstance(open_day, str) and "the published deadline may be later" in open_day
    shut = cycle.season_for_submission(dt.date(2027, 3, 4), dt.date(2027, 1, 5))
    assert isinstance(shut, str) and "may be later" not in shut
    assert "the Match 2027 rank lists close before its Match Week, which begins on 15 March 2027 (estimated)" in shut


# --- diff review s55b, 9 ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("today", "said"),
    [
        (dt.date(2027, 2, 17), "open"),
        (dt.date(2027, 2, 18), "may still be open"),
        (dt.date(2027, 3, 3), "may still be open"),
        (dt.date(2027, 3, 4), "almost certainly closed"),
        (dt.date(2027, 3, 14), "almost certainly closed"),
        (dt.date(2027, 3, 15), "closed"),
    ],
    ids=str,
)
def test_one_helper_says_how_surely_the_rank_lists_are_closed(today: dt.date, said: str) -> None:
    # Eight places chose "almost certainly" each in its own way (diff review s55b, 9).
    assert cycle.closed_said(2027, today) == said
    line = cycle.season_ahead(today)
    assert ("may be later" in line) == (said == "may still be open")
    assert ("have almost certainly closed" in line) == (said == "almost certainly closed")
    assert ("is still running" in line) == (said == "open")


def test_a_published_deadline_is_open_on_its_day_and_closed_the_day_after() -> None:
    deadline = cycle.season(2026)["rank_deadline"].date
    assert cycle.closed_said(2026, deadline) == "open"
    assert cycle.closed_said(2026, deadline + dt.timedelta(days=1)) == "closed"
