"""The application cycle: which Match season a date belongs to, and its key dates.

Every date a calculator or guide gives for a Match season comes from here.
Dates the AAMC or NRMP (or a named secondary source) published are read from
``figures/cycle_dates.tsv``; any milestone the table lacks is worked out from
the rule in ``RULES`` and labeled "estimated by rule", so a reader can always
tell a published date from our estimate.

A "Match season" is named by the year of its Match Day: the 2027 Match opens
ERAS in June 2026, takes applications from September 2026 and ends with Match
Day in March 2027.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from . import data
from .data import cycle_dates
from .html import and_list, capitalised, counted, long_date, number_word

ESTIMATED = "estimated by rule"


@dataclass(frozen=True)
class Milestone:
    key: str
    label: str
    rule: str
    # A date to act by, said "by" it.
    deadline: bool = False
    # A deadline whose rule is set early on purpose: its estimate is a date to
    # act by, not a best guess of the published one.
    estimated_early: bool = False
    # A milestone the NRMP puts on the same day as another: when the table
    # lacks it, it takes that one's date in the same season, published or not.
    same_as: str = ""


# The rules follow the pattern of the recent published calendars in the
# table: ERAS dates fall on Wednesdays (2025 and 2026 seasons), the NRMP's
# registration dates on the same days of the year, and Match Week in the
# third week of March, Monday to Friday.
MILESTONES: tuple[Milestone, ...] = (
    Milestone("eras_opens", "ERAS opens for the season", "the first Wednesday of June the year before the Match"),
    Milestone(
        "submissions_open",
        "Applicants can start sending applications to programs",
        "the first Wednesday of September the year before the Match",
    ),
    Milestone(
        "programs_receive",
        "Programs start reviewing applications",
        "three weeks after applications open (a Wednesday in late September)",
    ),
    Milestone("registration_opens", "NRMP registration opens", "15 September the year before the Match"),
    Milestone(
        "early_registration_ends",
        "NRMP registration without a late fee ends",
        "30 November the year before the Match",
    ),
    Milestone("ranking_opens", "Rank order list entry opens", "15 January of the Match year"),
    Milestone(
        "rank_deadline",
        "Rank order list certification deadline",
        "the Wednesday 30 days before Match Day: a week before the earlier of the two published deadlines in the "
        "table (23 and 16 days before Match Day), so that a plan built on the estimate is early rather than late",
        deadline=True,
        estimated_early=True,
    ),
    # The NRMP closes late registration with the rank lists (2026 calendar:
    # "Rank Order List Deadline/Applicant Late Registration Deadline"), so a
    # late applicant can still register, with a fee, until then.
    Milestone(
        "late_registration_ends",
        "Last day to register with the NRMP (late fee)",
        "the rank order list deadline, which the NRMP sets as its last day to register",
        deadline=True,
        # Its rule is the rank deadline's, early on purpose; a date copied
        # from a published rank deadline is not (season() asks the copy).
        estimated_early=True,
        same_as="rank_deadline",
    ),
    Milestone("match_week", "Match Week begins (matched or not; SOAP opens)", "the Monday of the third week of March"),
    Milestone("soap_ends", "SOAP ends", "the Thursday of Match Week (SOAP runs Monday to Thursday)"),
    Milestone("match_day", "Match Day", "the third Friday of March"),
)
MILESTONE_BY_KEY = {m.key: m for m in MILESTONES}


def _first_weekday(year: int, month: int, weekday: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7)


def third_friday_of_march(year: int) -> dt.date:
    return _first_weekday(year, 3, 4) + dt.timedelta(weeks=2)


def rule_date(match_year: int, key: str) -> dt.date:
    """Where ``key`` falls in the ``match_year`` season by its rule."""
    if same_as := MILESTONE_BY_KEY[key].same_as:
        return rule_date(match_year, same_as)
    match_day = third_friday_of_march(match_year)
    submissions_open = _first_weekday(match_year - 1, 9, 2)
    return {
        "eras_opens": _first_weekday(match_year - 1, 6, 2),
        "submissions_open": submissions_open,
        "programs_receive": submissions_open + dt.timedelta(weeks=3),
        "registration_opens": dt.date(match_year - 1, 9, 15),
        "early_registration_ends": dt.date(match_year - 1, 11, 30),
        "ranking_opens": dt.date(match_year, 1, 15),
        "rank_deadline": match_day - dt.timedelta(days=30),
        "match_week": match_day - dt.timedelta(days=4),
        "soap_ends": match_day - dt.timedelta(days=1),
        "match_day": match_day,
    }[key]


@dataclass(frozen=True)
class SeasonDate:
    """A milestone's date in one season, published or estimated."""

    match_year: int
    key: str
    date: dt.date
    status: str
    source: str
    # Estimated from a rule set early on purpose (Milestone.estimated_early);
    # a milestone that copies a published date is estimated but not early.
    set_early: bool = False

    @property
    def label(self) -> str:
        return MILESTONE_BY_KEY[self.key].label

    @property
    def estimated(self) -> bool:
        return self.status == ESTIMATED

    @property
    def estimated_early(self) -> bool:
        """Estimated by a rule set early on purpose (Milestone.estimated_early)."""
        return self.estimated and self.set_early

    def shown(self) -> str:
        """The date in words, marked when it is our estimate (and when that is early on purpose)."""
        mark = " (estimated, set early on purpose)" if self.estimated_early else " (estimated)" if self.estimated else ""
        return long_date(self.date) + mark

    def in_words(self, on: bool = False, passed: bool = False) -> str:
        """The date as running text writes it: "by" a deadline, "around" an
        estimate, else "on" where ``on`` asks for a preposition; an estimate
        set early on purpose says so."""
        said, later = self.in_words_parts(on, passed)
        return said + (f" ({later})" if later else "")

    def in_words_parts(self, on: bool = False, passed: bool = False) -> tuple[str, str]:
        """``in_words`` and what it says in brackets, apart: a page that cites
        the date puts both in one bracket, where two ran side by side (diff
        review s54, 13)."""
        deadline = MILESTONE_BY_KEY[self.key].deadline
        prefix = "by " if deadline else "around " if self.estimated else "on " if on else ""
        # "Early on purpose" alone left a reader to work out that the real
        # deadline is probably later (guide-claims audit s37, 3); once the
        # date has ``passed``, the page says what that means instead.
        if not self.estimated_early:
            return prefix + long_date(self.date), ""
        later = "" if passed else "the NRMP's own deadline may be later; plan for this one"
        return f"{prefix}{long_date(self.date)}, an estimate set early on purpose", later

    def cite(self) -> str:
        if self.estimated:
            # "Not in our data", not "not yet published": the date may be
            # past, and published where our table has not caught up.
            return f"Match {self.match_year}: estimated by rule; the published date is not in our data"
        return f"Match {self.match_year}: {self.source} ({self.status})"


def season(match_year: int) -> dict[str, SeasonDate]:
    """Every milestone of one season: the table's date where it has one, else the rule's."""
    known = {row.milestone: row for row in cycle_dates() if row.match_year == match_year}
    out: dict[str, SeasonDate] = {}
    for m in MILESTONES:
        row = known.get(m.key)
        if row:
            out[m.key] = SeasonDate(match_year, m.key, row.date, row.status, row.source)
        elif m.same_as:
            # MILESTONES lists the milestone copied before the copy.
            base = out[m.same_as]
            out[m.key] = SeasonDate(match_year, m.key, base.date, ESTIMATED, "", base.estimated_early)
        else:
            out[m.key] = SeasonDate(match_year, m.key, rule_date(match_year, m.key), ESTIMATED, "", m.estimated_early)
    return out


def dates_table_updated() -> str:
    """When figures/cycle_dates.tsv was last brought up to date, as its rows
    record it ("... when this table was last updated, November 2026"), or ""
    where none does.  A plan whose dates are all estimates said "none of the
    published Match 2029 dates yet" in November 2028, when the NRMP had
    surely published them, and never how old our table was (seasonlate audit
    s44, 7).  Read from the table, so a year is not typed here."""
    for row in cycle_dates():
        if found := re.search(r"last updated, (\w+ \d{4})", row.status):
            return found.group(1)
    return ""


def seasons_in_table() -> list[int]:
    return sorted({row.match_year for row in cycle_dates()})


def coming_season(today: dt.date) -> int:
    """The first Match whose Match Day is today or later."""
    year = today.year
    return year if today <= season(year)["match_day"].date else year + 1


def next_open_season(today: dt.date) -> int:
    """The first Match one can still apply to on time: programs have not started reviewing yet."""
    year = today.year + 1
    return year if today <= season(year)["programs_receive"].date else year + 1


def under_review(match_year: int, today: dt.date) -> bool:
    """Whether a Match's applications are being read on ``today``: after the
    day programs start (an application sent on that day is still on time),
    before the rank-list deadline (on it, the plan can no longer use a day).
    The signals planner and the timeline each drew these edges differently
    (diff review s39, 2)."""
    dates = season(match_year)
    return dates["programs_receive"].date < today < dates["rank_deadline"].date


# When the interviews an application can bring begin, and when too few weeks
# of them are left: the timeline's interview row and its too-late notes,
# and the mid-season notes of program counts and the backup finder, ask the
# same rule, which told the reader "send more now" in two calculators while
# the timeline said "too late" from 21 December (diff review s41, 1).
# The plan starts interviews a month after an application can first be read;
# when fewer than four weeks of that would come before the rank lists close,
# the season is too short to count on an interview.  Both spans are this
# site's assumptions: no article times interviews (it was credited to the
# orthopaedics article's stages, which give none: midseason audit s52, 2).
SHORTEST_INTERVIEW_SEASON_DAYS = 28
INTERVIEW_RULE = (
    "That day is this site's rule of thumb, not an article's: interviews begin about a month after an application "
    "goes in, and need at least four weeks before the rank lists close."
)


def months_from(day: dt.date, months: int) -> dt.date:
    """Same day of the month, ``months`` later (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


# US letters come from the US months a reader works: the orthopaedics
# article wants letters confirmed about 3 months before the ERAS submission
# (the Timeline guide's later clock).  One day for the timeline's rows and the
# competitiveness check's "in time", which disagreed by three weeks (diff
# review s54b, 1).
LETTERS_CONFIRMED_MONTHS = 3


def us_letters_due(match_year: int, submission: dt.date | None = None) -> dt.date:
    """About the day US letters for ``match_year`` should be confirmed, and
    so the day US months must end by: 3 months before the submission, or,
    with none given or one after programs start reading, before the earlier
    of the day applications can first go to programs and the review start."""
    dates = season(match_year)
    sent = min(submission or dates["submissions_open"].date, dates["programs_receive"].date)
    return months_from(sent, -LETTERS_CONFIRMED_MONTHS)


def interviews_begin(submission: dt.date, reviews_from: dt.date | None = None) -> dt.date:
    """The plan's first interview day: a month after programs can first read
    the application, on its arrival or on the day they start reviewing,
    whichever is later.  The interview row and the too-late rule both count
    from here (visa-psych audit s41, 7)."""
    return months_from(max(submission, reviews_from or submission), 1)


def interview_season_too_short(submission: dt.date, rank_deadline: dt.date, reviews_from: dt.date | None = None) -> bool:
    """Whether an application sent on ``submission`` leaves fewer than about
    four weeks of the plan's interview season before the rank lists close."""
    return (rank_deadline - interviews_begin(submission, reviews_from)).days < SHORTEST_INTERVIEW_SEASON_DAYS


# A "too late" resting on a deadline set early on purpose: a reader a few
# days past the rule's line was told so by our estimate alone (usmd-ortho
# audit s41, 8).  Said wherever the verdict is, the timeline's notes, program
# counts, the backup finder and the guides (diff review s41, second, 3).
EARLY_DEADLINE_VERDICT = (
    "That deadline is our estimate, set early on purpose, so the NRMP's own may leave a week or two more: check its "
    "calendar before you decide."
)


def too_late_for_interviews(match_year: int, today: dt.date) -> bool:
    """Whether an application sent ``today`` in ``match_year``'s season is
    unlikely to bring an interview before its rank lists close."""
    # Not before reviews start: the rule counts from the later of the two.
    dates = season(match_year)
    return interview_season_too_short(today, dates["rank_deadline"].date, dates["programs_receive"].date)


def last_day_for_an_interview(match_year: int) -> dt.date:
    """The last day on which an application sent in ``match_year``'s season
    can still, by the plan's rule, bring an interview.  "Late December" left a
    reader on 7 December to guess whether the holidays were lost, while the
    dates shown were the rank-list deadline eight weeks later (midseason audit
    s52, 1)."""
    dates = season(match_year)
    return _last_day_before(dates["rank_deadline"].date, dates["programs_receive"].date)


def _last_day_before(deadline: dt.date, reviews_from: dt.date) -> dt.date:
    """The last day the plan's rule allows for a rank-list deadline on
    ``deadline``: asked for our estimate, and for the later deadlines the
    NRMP's published calendars would give (``later_last_days``)."""
    day = deadline
    # The season's dates once, not once a day: asked through
    # too_late_for_interviews, each of some sixty steps read them again, 4 ms
    # a call, several calls to a recompute.
    while day > reviews_from and interview_season_too_short(day, deadline, reviews_from):
        day -= dt.timedelta(days=1)
    return day


def send_by(match_year: int) -> str:
    """The last useful day, with what it rests on, for a note that tells a
    reader to send more applications now: whole sentences of 35 words or
    fewer, the basis in its own, where a bracket inside the first ran it to
    38 (interview audit s56, 11).  The same words on every page: the
    no-match guide alone left out that the deadline is set early on purpose
    (interview audit s56, 10).  Where it is, the hedge follows, so the day
    does not read as a hard cut-off (interview audit s56, 7)."""
    last = long_date(last_day_for_an_interview(match_year))
    return " ".join(
        part
        for part in (
            f"The last useful day to send a new application is about {last}: one sent later is unlikely to bring an interview.",
            INTERVIEW_RULE,
            last_day_basis_said(match_year),
            later_deadline_hedge(match_year),
        )
        if part
    )


# Why to send soon, said beside the last useful day by the timeline and the
# guides alike.
EARLY_APPLICANTS = (
    "Programs give many interview places to early applicants (our reading; the IMG article's advice is to submit early)"
)


def last_day_basis(match_year: int) -> str:
    """What the last useful day rests on, for brackets after it, where that
    is an estimate, else "": "about 20 December" did not say it was worked out
    from our early estimate of the rank-list deadline (EM audit s53, 6)."""
    deadline = season(match_year)["rank_deadline"]
    if not deadline.estimated:
        return ""
    # "Our early estimate" read as a first rough one (diff review s53, 13).
    early = ", which we set early on purpose" if deadline.estimated_early else ""
    return f"worked out from our estimate of the rank-list deadline{early}"


def last_day_basis_said(match_year: int) -> str:
    """``last_day_basis`` as a sentence of its own, said after INTERVIEW_RULE,
    whose four weeks it counts back from; "" where the deadline is the
    NRMP's.  In brackets inside the day's sentence it ran that sentence to 38
    words (interview audit s56, 11)."""
    deadline = season(match_year)["rank_deadline"]
    if not deadline.estimated:
        return ""
    early = ", which we set early on purpose" if deadline.estimated_early else ""
    return f"We count those weeks back from our estimate of the rank-list deadline{early}."


def later_last_days(match_year: int) -> list[dt.date]:
    """The last useful day as it would fall if a Match's rank-list deadline
    kept each published calendar's distance from Match Day
    (``published_deadline_gaps``), latest first, where that is later than
    ours: our deadline is set early on purpose, so the NRMP's own, and the
    last useful day with it, are likely later (interview audit s56, 7)."""
    dates = season(match_year)
    ours = last_day_for_an_interview(match_year)
    days = {
        _last_day_before(dates["match_day"].date - dt.timedelta(days=gap), dates["programs_receive"].date)
        for gap in published_deadline_gaps().values()
    }
    return sorted((day for day in days if day > ours), reverse=True)


def _weeks_said(days: list[int]) -> str:
    """Spans of days as a reader says them: "about one to two weeks", or
    "about one week" where they round alike; with one under half a week,
    "up to" the longest in days."""
    low, high = min(days), max(days)
    if low < 4:
        return f"up to {counted(high, 'day')}"
    weeks = sorted({round(low / 7), round(high / 7)})
    unit = "week" if weeks[-1] == 1 else "weeks"
    return f"about {' to '.join(number_word(w) for w in weeks)} {unit}"


def later_deadline_hedge(match_year: int, today: dt.date | None = None) -> str:
    """Where the rank-list deadline is our estimate, set early on purpose,
    how much later the last useful day falls if the NRMP keeps to its
    published calendars, and what to do about it, in two short sentences:
    "unlikely to bring an interview" and "ranking what you have, SOAP and
    the next season are what remain" read as a hard cut-off on 20 December,
    though by the 2024 and 2026 calendars the day would be about 27 December
    to 3 January (interview audit s56, 7).  The span is worked out from the
    table, never typed.  ``today``: once even the latest of those days is
    past, it says so and keeps only the advice on interviews; "" from the
    deadline on, where other words say the estimate has passed, and where
    the deadline is the NRMP's."""
    deadline = season(match_year)["rank_deadline"]
    later = later_last_days(match_year)
    if not deadline.estimated_early or not later or (today is not None and today >= deadline.date):
        return ""
    ours = last_day_for_an_interview(match_year)
    span = _weeks_said([(day - ours).days for day in later])
    years = and_list([str(year) for year in published_deadline_gaps()])
    passed = today is not None and today > later[0]
    # Each sentence within 35 words with its bracket (interview audit s56, 11).
    # Said of new applications, not "the last useful day": after it, the
    # too-late notes do not name that day (interview audit s56, 7).
    falls = (
        f"If the NRMP's deadline falls as in {years}, new applications {'helped' if passed else 'help'} {span} longer "
        f"({deadline_gaps_said()})."
    )
    interview = "do not turn down an interview before the NRMP's published deadline."
    if passed:
        return f"{falls} That time has passed too. {capitalised(interview)}"
    # Named days: "one to two weeks longer", read on 2 January, could be
    # counted from that day (diff review s56, 7).
    until = " to ".join(long_date(day) for day in sorted({later[-1], later[0]}))
    return f"{falls} That is until about {until}. Send as soon as you can, and {interview}"


# More programs first, a backup after: program counts' order (new-words audit
# s41, 1), now the check's and match odds' too.
MORE_PROGRAMS_FIRST = "to more programs in your field if you have not yet applied widely, otherwise to "


# What a reader whose only application went through ResidencyCAS needs
# before a backup can go through ERAS; one wording for every page that says
# it (diff review s53, 3).
MYERAS_FIRST = "if you have used only ResidencyCAS so far, you need a MyERAS account first"


def where_new_applications_go(slug: str, match_year: int, today: dt.date, backup: str | None = None) -> tuple[str, str]:
    """Where new applications in ``slug``'s season can still go on ``today``,
    in whole sentences, and in a few words after "to" for a read-out.
    ``backup``: the reader's backup field, if named.  The one wording for the
    check, match odds and program counts, whose three copies differed: one
    sent a reader only to ERAS while ResidencyCAS was still perhaps open, two
    offered "a backup field" when an emergency medicine or OB/GYN one could no
    longer be added (diff review s52b, 5).  The citation ends its sentence
    (diff review s52b, 6)."""
    state = residencycas_state(match_year, today)
    mine = data.via_residencycas(slug)
    theirs = backup is not None and data.via_residencycas(backup)
    named = f"your backup, {data.specialty(backup).name}" if backup else "a backup field"
    # No field of the reader's in ResidencyCAS, and none left unnamed: then it
    # does not concern them, and nothing below need be worked out.
    if state == "open" or not (mine or theirs or backup is None):
        return f"New applications can still go {MORE_PROGRAMS_FIRST}{named}.", "more programs or a backup field"
    shut = state == "closed"
    short = "more programs or a backup field" + (" through ERAS" if shut else "")
    if not (mine or theirs):
        # An ERAS reader with no backup named: ResidencyCAS in a short
        # sentence, not a cited one of 50 words that concerns only its own
        # fields (diff review s53, 5), with the day it may have closed on
        # (s53b, 3).  Its own sentence: in brackets it ran the first to 38
        # words (interview audit s56, 11).
        fields = capitalised(and_list(list(data.RESIDENCYCAS_FIELD_NAMES.values())))
        target, then = (
            (
                "a backup field that applies through ERAS",
                f"{fields} can no longer be added: ResidencyCAS, which they use, has closed.",
            )
            if shut
            else (
                "a backup field",
                f"{fields} can be added only if ResidencyCAS is still open: by our estimate it closed on "
                f"{long_date(residencycas_deadline_day(match_year)[0])}.",
            )
        )
        return f"New applications can still go {MORE_PROGRAMS_FIRST}{target}. {then}", short
    # "Only to your backup" shut out a third field in ERAS (diff review s52b, 5).
    eras = "a backup field that applies through ERAS" + (
        f", not to {named}" if theirs else f", such as {named}" if backup else ""
    )
    cas = [data.specialty(s).name for s in (slug, backup) if s and data.via_residencycas(s)]
    why = f"{and_list(cas)} programs take applications through ResidencyCAS, which {residencycas_deadline(match_year, today)}."
    if mine:
        # The reason first, then the rule and the account (diff review s53b,
        # 7).  Past our estimate it may be open for days: the ERAS-only rule
        # is said on that condition, as program counts said it (diff review
        # s52b, 5a).
        rule = "New applications can now go" if shut else "If it has closed, new applications can go"
        # Short, the condition was lost, and the read-out sent the reader
        # away from a service perhaps still open (diff review s53b, 2).
        heard = "a backup field through ERAS" + ("" if shut else " (or ResidencyCAS if open)")
        return f"{why} {rule} only to {eras}. {capitalised(MYERAS_FIRST)}.", heard
    return f"New applications can still go {MORE_PROGRAMS_FIRST}{eras if shut else named}. {why}", short


def too_late_caveat(match_year: int, today: dt.date) -> str:
    """What follows "unlikely to bring an interview", with a leading space,
    where the season's deadline is our early estimate: until the NRMP's own
    would likely fall, how much longer new applications may help and to send
    now (``later_deadline_hedge``), else EARLY_DEADLINE_VERDICT; nothing
    where the deadline is the NRMP's.  The calculators gave only the verdict
    from 21 December, while the guides said "Send as soon as you can"
    (diff review s56, 2)."""
    if hedge := later_deadline_hedge(match_year, today):
        return f" {hedge}"
    return f" {EARLY_DEADLINE_VERDICT}" if season(match_year)["rank_deadline"].estimated_early else ""


# Where a calculator sends a reader who has applied and is short of
# interviews: the guide's section, named in words (a result is drawn on pages
# at different depths, and in the browser with no page address, so it
# carries no link of its own).  One sentence for the timeline, program counts
# and the backup finder.
SHORT_OF_INTERVIEWS = "The Timeline guide's section “Already applied, and short of interviews?” says what to weigh."


def season_under_review(today: dt.date) -> int | None:
    """The Match whose applications programs are reading on ``today``
    (``under_review``), or None between seasons.  Program counts and the
    backup finder both answer a reader in the middle of a season, whose
    added programs meet interview places already largely given out (usmd-ortho
    audit s41, 7)."""
    year = coming_season(today)
    return year if under_review(year, today) else None


def applications_going_out(match_year: int, today: dt.date) -> bool:
    """Whether applications for a Match may already have gone to programs by
    ``today``: after the day they can first be sent, before the rank-list
    deadline.  Wider than ``under_review``: a reader who sent on the opening
    day has signals fixed three weeks before programs start reading (date
    sweep s40, 3)."""
    dates = season(match_year)
    return dates["submissions_open"].date < today < dates["rank_deadline"].date


def days_or_weeks(days: int) -> str:
    """A span in words that never reads shorter than it is: days under two
    weeks, then weeks, "over" or "nearly" where it falls between two.  Weeks
    rounded down said "1 week" of 13 days, and "0 weeks" read as on time for
    the six days after reviews began (season-dates audit s43, 7)."""
    if days < 14:
        return counted(days, "day")
    weeks, rest = divmod(days, 7)
    if not rest:
        return counted(weeks, "week")
    return f"over {counted(weeks, 'week')}" if rest <= 3 else f"nearly {counted(weeks + 1, 'week')}"


def tensed(day: dt.date, today: dt.date, ahead: str, past: str) -> str:
    """``past`` for a day before ``today``, else ``ahead``: a sentence that
    holds a date says whether it has come (date sweep s40, 4 and 5)."""
    return past if day < today else ahead


def estimate_passed(deadline: SeasonDate, what: str) -> str:
    """Said of ``what``, a deadline whose estimate, set early on purpose, is
    behind the reader while the NRMP's own may not be: the one wording for the
    rows, the notes and the season line, where a row said "closed" beside a
    note saying "do it now" (date sweep s40, 1)."""
    return (
        f"our estimate of {what}, {long_date(deadline.date)}, set early on purpose, has passed, and the NRMP's own "
        "deadline may be later: check its calendar today"
    )


# Where a season stands with ResidencyCAS's deadline: past our estimate of
# it, the day may still be ahead, as the rule can fall a week early (the
# fourth Wednesday of September, where both cycles read closed, is not the
# last one in every year); the month's end is surely past it.  The
# timeline called the fields closed from the estimate while signals and
# program counts waited for October (do-em audit s42, 1 and 2).
ResidencyCASState = Literal["open", "may-have-closed", "closed"]


def residencycas_state(match_year: int, today: dt.date) -> ResidencyCASState:
    """Whether ResidencyCAS takes a Match's applications on ``today``."""
    day, estimated = residencycas_deadline_day(match_year)
    if today <= day:
        return "open"
    if estimated and today <= dt.date(match_year - 1, 9, 30):
        return "may-have-closed"
    return "closed"


def residencycas_when(match_year: int) -> str:
    """A Match's ResidencyCAS deadline as a day with its source, and, where it
    is our estimate, the day it was estimated from."""
    day, estimated = residencycas_deadline_day(match_year)
    seen_day, cycle_seen = data.RESIDENCYCAS_DEADLINE_SEEN
    basis = f"estimated; {seen_day} in the {cycle_seen}; " if estimated else ""
    return f"{long_date(day)} ({basis}{data.RESIDENCYCAS_DATES.cite()})"


def residencycas_deadline(match_year: int, today: dt.date, named: bool = True) -> str:
    """ResidencyCAS's application deadline for a Match, in the tense of
    ``today``, naming that Match's day (our estimate where it is one).
    ``named`` False leaves the Match out, for a sentence that has just named
    it: "ResidencyCAS's for the Match 2027, which takes applications for the
    Match 2027 only until" said it twice (diff review s43, 9)."""
    _, estimated = residencycas_deadline_day(match_year)
    seen_day, cycle_seen = data.RESIDENCYCAS_DEADLINE_SEEN
    when = residencycas_when(match_year)
    state = residencycas_state(match_year, today)
    for_match = f" for the Match {match_year}" if named else ""
    if state == "open":
        return f"takes applications for the Match {match_year} only until {when}" if named else f"open until {when}"
    if state == "may-have-closed":
        # The date and its source last: in the middle they stood between the
        # reader and what to do (EM audit s53, 11).
        return (
            f"may have closed to applications{for_match}, so check ResidencyCAS's dates: its own deadline may be up "
            f"to a week after our estimate, {when}"
        )
    if estimated:
        # Which day of late September is not known, only that it has passed.
        # The day we hold said as that cycle's: "the Match 2028 in late
        # September (24 September in the 2025-26 cycle" sounded, read aloud,
        # like two answers (a11y-new audit s43, 3).
        return (
            f"closed to applications{for_match} in late September (in the {cycle_seen}, the latest we hold, it closed "
            f"on {seen_day}; {data.RESIDENCYCAS_DATES.cite()})"
        )
    return f"closed to applications{for_match} on {when}"


def residencycas_fields_closed(match_year: int, today: dt.date) -> str:
    """Once ResidencyCAS's deadline for a Match may be behind ``today``, that
    its fields no longer take applications in that Match, which ERAS still
    does, late; nothing while it is open.  Said after a sentence on that
    Match, which "it" names.  The timeline's plan for the next
    season and the no-match guide called the running Match open to a late
    emergency medicine applicant (season-dates audit s43, 1 and 2)."""
    state = residencycas_state(match_year, today)
    if state == "open":
        return ""
    fields = capitalised(data.RESIDENCYCAS_FIELDS_SAID)
    said = f"ResidencyCAS, which their programs use, {residencycas_deadline(match_year, today)}"
    if state == "may-have-closed":
        return f"{fields} may no longer be open in it. {said}; if it has, the next season for them is the Match {match_year + 1}."
    return f"{fields} are no longer open in it. {said}, so for them the next season is the Match {match_year + 1}."


# The NRMP keeps the List of Unfilled Programs in its R3 system until 1 May
# of the Match year, and once SOAP is over an unmatched applicant may contact
# programs on it (NRMP, After the Match, read 2026: data.NRMP_SOAP).
UNFILLED_LIST_UNTIL = (5, 1)


def unfilled_list_until(match_year: int) -> dt.date:
    return dt.date(match_year, *UNFILLED_LIST_UNTIL)


# Training starts on 1 July: the NRMP takes a US senior only while on schedule
# to start residency then in the Match year (data.NRMP_SCHOOL_VERIFICATION), and
# a reserved (physician) PGY-2 place starts in the Match year, an advanced one
# the year after (data.NRMP_POSITION_TYPES).
TRAINING_STARTS = (7, 1)


def training_starts(match_year: int, advanced: bool = False) -> dt.date:
    """The day a place matched in ``match_year`` starts: 1 July of that year,
    or of the next for an ``advanced`` place."""
    return dt.date(match_year + 1 if advanced else match_year, *TRAINING_STARTS)


def after_soap_season(today: dt.date) -> int | None:
    """The Match whose SOAP is over on ``today`` while the NRMP still keeps its
    List of Unfilled Programs, or None outside those weeks."""
    soap_ends = season(today.year)["soap_ends"].date
    return today.year if soap_ends < today <= unfilled_list_until(today.year) else None


# Where a reader of after_soap finds the rest of that spring's options: the
# timeline and the no-match guide each wrote it (diff review s43, 8).  Plain
# words, not a link: the guide prints it inside a paragraph of HTML, which
# Markdown does not read, and a calculator's result carries no links.
AFTER_SOAP_POINTER = "The guide page “SOAP and a non-residency Plan B” (under Didn't match) says what else this spring can hold."


def soap_end_unconfirmed(match_year: int, today: dt.date | None = None) -> bool:
    """Whether a Match's SOAP has ended only by our estimate on ``today``:
    its end is estimated, and its Match Day is not yet past.  SOAP always
    ends in Match Week, so once Match Day is behind the reader it is surely
    over; on 1 April 2027 the pages still asked a reader to confirm it
    before contacting a program (soap audit s55, 9).  With no ``today``,
    as a caller that has none asks it, the estimate stays to be confirmed.
    Where Match Day is itself our estimate, a week after it: had the NRMP
    moved Match Week by a week, "you may now contact programs" the day after
    our Match Day would invite a breach of its rules (diff review s55b, 5)."""
    dates = season(match_year)
    match_day = dates["match_day"]
    surely_over = match_day.date + dt.timedelta(days=7 if match_day.estimated else 0)
    return dates["soap_ends"].estimated and (today is None or today <= surely_over)


def soap_over(match_year: int, today: dt.date | None = None) -> str:
    """That a Match's SOAP has ended, said as surely as its date is known:
    of a SOAP whose end is our estimate, "is over" and "you may now contact"
    rested on the rule alone, where contacting a program while SOAP runs
    breaks the NRMP's rules (seasonlate audit s44, 6)."""
    soap_ends = season(match_year)["soap_ends"]
    if soap_end_unconfirmed(match_year, today):
        return (
            f"SOAP for the Match {match_year} has ended by our estimate ({long_date(soap_ends.date)}): confirm on the "
            "NRMP's calendar that it has closed before you contact any program."
        )
    return f"SOAP for the Match {match_year} is over."


def may_contact_after_soap(match_year: int, today: dt.date | None = None) -> str:
    """What an applicant SOAP did not place may do, as a verb phrase: "may
    now contact programs that still have places", or, where SOAP's end is our
    estimate, only once the NRMP's calendar shows it has closed."""
    if soap_end_unconfirmed(match_year, today):
        return "may contact programs that still have places once the NRMP's calendar shows SOAP has closed"
    return "may now contact programs that still have places"


def after_soap(match_year: int, today: dt.date | None = None) -> str:
    """What a reader SOAP did not place can do until the list closes: the
    timeline's note and the no-match guide say it alike, where the guide gave
    a reader three weeks after Match Day only the next season (season-dates
    audit s43, 8).  Each adds where its reader finds the SOAP page."""
    contact = (
        "once the NRMP shows SOAP has closed, you may contact the programs on it yourself"
        if soap_end_unconfirmed(match_year, today)
        else "now that SOAP has ended you may contact the programs on it yourself"
    )
    return (
        f"{soap_over(match_year, today)} If it left you without a position: until "
        f"{long_date(unfilled_list_until(match_year))} the NRMP keeps its List of Unfilled Programs in its R3 system, "
        f"and {contact}. The list can lag behind places already filled, so ask each program ({data.NRMP_SOAP.cite()})."
    )


# --- Match Week, day by day ----------------------------------------------------------
# The SOAP page's "What to do this week" and the timeline's Match Week row
# give the same steps.  They live here, not in season_words, because the
# timeline runs in the browser, which has no season_words: in Match Week its
# row was marked past and gave no steps (diff review s55b, 3).

# What an applicant new to ResidencyCAS pays in Match Week, for up to 45
# programs: the figure of data.RESIDENCYCAS_SOAP, whose title a test holds
# to it.
RESIDENCYCAS_SOAP_FEE_USD = 99


@dataclass(frozen=True)
class Cited:
    """A step's sentence and the source it rests on.  Running text (the SOAP
    page) cites it in full; a row with a Source column (the timeline) names
    only ``by`` and gives ``cite`` in that column, as its other rows do."""

    text: str
    cite: str
    by: str
    # Running text's shorter form, where the full citation holds brackets of
    # its own or runs long.
    in_text: str = ""

    def said(self, brief: bool = False) -> str:
        """The sentence with its source in brackets before its last stop."""
        return f"{self.text[:-1]} ({self.by if brief else self.in_text or self.cite}){self.text[-1]}"


def _cited(text: str, source: data.Source, titled: bool = False) -> Cited:
    """``titled``: running text names the source by its title's head, as
    "Liaison International, ResidencyCAS help on SOAP, read 2026": its full
    title is a sentence with brackets, for the Sources list and a Source
    column."""
    head = f"{source.publisher}, {source.title.partition(':')[0]}, {source.year}" if titled else ""
    return Cited(text, source.cite(), source.publisher, head)


# One step: our words, and sentences that rest on a source.
SoapStep = tuple[str | Cited, ...]


def soap_week_steps(today: dt.date, not_eligible_where: str = "above") -> list[SoapStep]:
    """What a reader in SOAP does on ``today``, a day of Match Week up to
    SOAP's end, in short action sentences.  On the Tuesday of SOAP the page
    still said to draft statements and book a practice exam (soap audit s55,
    2).  Monday's steps first on Monday; SOAP's end on its last day.
    ``not_eligible_where`` says where the section for a reader SOAP does not
    take is: "above" on the SOAP page."""
    year = coming_season(today)
    dates = season(year)
    monday, last = dates["match_week"].date, dates["soap_ends"].date
    steps: list[SoapStep] = []
    if today == monday:
        steps += [
            ("Today, check in the NRMP's R3 system whether you matched and whether you are eligible for SOAP.",),
            ("If you are eligible, open the List of Unfilled Programs in R3. Choose only programs you would truly start.",),
            (
                _cited(
                    "Send your applications to programs on that list: you have 45 through ERAS for the whole week.",
                    data.NRMP_SOAP_APPLICATIONS,
                ),
            ),
            # "Take them" read as the 45 ERAS applications, and the step left
            # out what a newcomer to ResidencyCAS needs and pays (diff review
            # s55b, 6).
            (
                "Emergency medicine and OB/GYN programs take SOAP applications through ResidencyCAS, not ERAS.",
                _cited(
                    "New to ResidencyCAS this season? You first need an access link (an IMG gets it from ECFMG), and you pay "
                    f"${RESIDENCYCAS_SOAP_FEE_USD} for up to 45 programs.",
                    data.RESIDENCYCAS_SOAP,
                    titled=True,
                ),
            ),
        ]
    elif today == last:
        steps.append(("SOAP ends today, at the hour the NRMP's calendar gives. Until it ends, keep to the steps that follow.",))
    else:
        steps.append(
            (
                _cited(
                    "Any of your 45 ERAS applications you have not used can still go to programs that are still unfilled.",
                    data.NRMP_SOAP_APPLICATIONS,
                ),
            )
        )
    steps += [
        ("Keep your phone on. Answer calls and emails from programs quickly.",),
        ("Do not contact a program first.", _cited("Wait until it contacts you.", data.NRMP_SOAP)),
        (
            "Answer each offer within its round.",
            _cited("An offer you have not accepted when its round ends is gone.", data.NRMP_SOAP_FAQ),
        ),
        (
            "Accept only a place you would start. If you need a visa, be sure the program sponsors the one you will hold. "
            "An accepted offer binds you.",
        ),
    ]
    if today == last:
        steps.append(
            (
                f"If SOAP does not place you, the NRMP keeps its List of Unfilled Programs in R3 until "
                f"{long_date(unfilled_list_until(year))}. After SOAP ends, you may contact the programs on it.",
            )
        )
    steps.append(
        (f"Not eligible for SOAP? Other rules apply to you: see “If you are not eligible for SOAP” {not_eligible_where}.",)
    )
    return steps


def soap_step_said(step: SoapStep, brief: bool = False) -> str:
    """A step as one text, each source cited in full, or by ``brief`` name."""
    return " ".join(part if isinstance(part, str) else part.said(brief) for part in step)


def soap_step_sources(steps: Sequence[SoapStep]) -> list[str]:
    """The full citations of the steps, each once, in order."""
    return list(dict.fromkeys(part.cite for step in steps for part in step if isinstance(part, Cited)))


def residencycas_deadline_day(match_year: int) -> tuple[dt.date, bool]:
    """ResidencyCAS's application deadline for a Match as a day, and whether it
    is our estimate.  The cycle in data.RESIDENCYCAS_DEADLINE_SEEN has its
    read day; any other Match is estimated by the rule both cycles we read
    fit (25 September 2024, 24 September 2025): the fourth Wednesday of
    September, the day ERAS's rule has programs start reviewing.  The
    timeline dates its ResidencyCAS row and its "closed, not late" note by it
    (obgyn-usimg audit s42, 3)."""
    day, cycle_seen = data.RESIDENCYCAS_DEADLINE_SEEN
    # "2025–26 cycle": its applications go in September 2025, for the Match 2026.
    seen_year = int(cycle_seen[:4])
    if match_year == seen_year + 1:
        return dt.datetime.strptime(f"{day} {seen_year}", "%d %B %Y").date(), False
    return rule_date(match_year, "programs_receive"), True


@dataclass(frozen=True)
class SubmissionSeason:
    match_year: int
    note: str


def published_deadline_gaps() -> dict[int, int]:
    """Days from the rank-list deadline to Match Day in each Match whose
    two dates our table holds as published (secondary copies included),
    by Match year."""
    rows = {(row.match_year, row.milestone): row.date for row in cycle_dates()}
    return {
        year: (rows[year, "match_day"] - day).days
        for (year, key), day in sorted(rows.items())
        if key == "rank_deadline" and (year, "match_day") in rows
    }


def latest_rank_deadline(match_year: int) -> dt.date:
    """The latest day a Match's rank-list deadline can plausibly fall: its
    Match Day less the smallest published gap between the two.  The rows
    that give it are the Match 2024's (28 February to 15 March, 16 days) and
    the Match 2026's (25 February to 20 March, 23 days) in
    figures/cycle_dates.tsv: so 16 days.  Run to Match Week, "may still be
    open" told a reader on 10 March 2027 who had certified to check in a
    panic, and one who had not that there was hope (soap audit s55, 3).
    With no published pair, Match Week's start bounds it, as before."""
    dates = season(match_year)
    gaps = published_deadline_gaps()
    if not gaps:
        return dates["match_week"].date - dt.timedelta(days=1)
    return dates["match_day"].date - dt.timedelta(days=min(gaps.values()))


def rank_lists_may_be_open(match_year: int, today: dt.date) -> bool:
    """Whether the NRMP may still take registrations and rank lists for a
    Match on ``today``: up to its deadline, or, where our deadline is an
    estimate set early on purpose, up to the latest day the NRMP's own can
    plausibly fall (``latest_rank_deadline``), after which they have almost
    certainly closed."""
    deadline = season(match_year)["rank_deadline"]
    return today <= deadline.date or (deadline.estimated_early and today <= latest_rank_deadline(match_year))


def rank_lists_almost_certainly_closed(match_year: int, today: dt.date) -> bool:
    """Whether a Match's rank lists are closed on ``today`` by our reckoning
    only: past the latest plausible deadline, but with the deadline our
    estimate and Match Week, which comes after the lists surely close, not yet
    begun.  Pages then say "almost certainly" (soap audit s55, 3)."""
    dates = season(match_year)
    return dates["rank_deadline"].estimated and not rank_lists_may_be_open(match_year, today) and today < dates["match_week"].date


# How surely a Match's rank lists, and its registration with them, are shut
# on a day.  Eight places each asked the two questions above in their own
# order, so one could say "almost certainly" where another said "closed"
# (diff review s55b, 9).
ClosedSaid = Literal["open", "may still be open", "almost certainly closed", "closed"]


def closed_said(match_year: int, today: dt.date) -> ClosedSaid:
    """Which words fit a Match's rank lists on ``today``: "open" up to the
    deadline we hold; "may still be open" past our estimate, set early on
    purpose, while the NRMP's own may be later; "almost certainly closed"
    past the latest day it can plausibly fall, before Match Week; "closed"
    after a published deadline, or from Match Week."""
    if today <= season(match_year)["rank_deadline"].date:
        return "open"
    if rank_lists_may_be_open(match_year, today):
        return "may still be open"
    if rank_lists_almost_certainly_closed(match_year, today):
        return "almost certainly closed"
    return "closed"


def deadline_gaps_said() -> str:
    """Why a past estimate means the lists have almost certainly closed, for
    brackets: "in the NRMP calendars we hold, the deadline fell 16 and 23
    days before Match Day" (read from the table, so never typed)."""
    gaps = sorted(set(published_deadline_gaps().values()))
    return f"in the NRMP calendars we hold, the deadline fell {and_list([str(g) for g in gaps])} days before Match Day"


Registration = Literal["on-time", "late-fee", "may-be-open", "closed"]


def registration(match_year: int, today: dt.date) -> Registration:
    """Whether a reader can still register for a Match on ``today``: without
    the late fee, with it, perhaps (our deadline, an estimate set early on
    purpose, has passed, but the NRMP's may not have), or not at all.  The
    guides and the timeline's catch-up note both ask this."""
    dates = season(match_year)
    if today <= dates["early_registration_ends"].date:
        return "on-time"
    if today <= dates["late_registration_ends"].date:
        return "late-fee"
    return "may-be-open" if rank_lists_may_be_open(match_year, today) else "closed"


def registration_terms(stage: Registration, early: object, late: object) -> list[object]:
    """The NRMP's terms for registering on a day at ``stage``, in the one
    wording the guides and the timeline share, where each built its own
    (diff review s54, 18): "without the late fee until ``early``, or with it
    ``late``" while the early date holds; "with the late fee, ``late``" after
    it.  ``late`` brings its own preposition ("by ...").  Nothing once
    registration is past or only perhaps open, which each caller says in its
    own words."""
    if stage == "on-time":
        return ["without the late fee until ", early, ", or with it ", late]
    if stage == "late-fee":
        return ["with the late fee, ", late]
    return []


def season_for_submission(day: dt.date, today: dt.date) -> SubmissionSeason | str:
    """The Match an ERAS submission on ``day`` is for, or why no Match takes it,
    in the tense of ``today``.

    Applications go to programs from the season's opening day in September
    until the rank lists close; outside that stretch no Match takes them, and
    the answer is the reason (for an error message) rather than a guess.
    """
    for year in (day.year, day.year + 1):
        dates = season(year)
        opens, reviews, closes = dates["submissions_open"], dates["programs_receive"], dates["rank_deadline"]
        if opens.date <= day < closes.date:
            if day <= reviews.date:
                return SubmissionSeason(year, "")
            late = (day - reviews.date).days
            how_late = days_or_weeks(late)
            # A day or two past an estimated date read as a lost season
            # (readthrough audit s39, 3): within a week the words say so.
            # Advice for a day still ahead; for one behind the reader, the
            # fact alone (new-words audit s40, 10).
            if day < today:
                cost = "." if late < 7 else ", when many interview places were already given out (our reading)."
            else:
                cost = (
                    # In ERAS: ResidencyCAS's deadline may fall between (do-em audit s42, 3).
                    "; in ERAS a few days make little difference, but each later week does: programs give many interview "
                    "places early (our reading)."
                    if late < 7
                    else ", when many interview places are already given out (our reading)."
                )
            start = tensed(reviews.date, today, "start", "started")
            arrives = tensed(day, today, "arrives", "arrived")
            return SubmissionSeason(
                year,
                f"This is for the Match {year}: programs {start} reviewing on {reviews.shown()}, "
                f"so a submission on {long_date(day)} {arrives} {how_late} after that{cost}",
            )
    after = season(day.year)
    deadline, match_week = after["rank_deadline"], after["match_week"]
    next_open = season(day.year + 1)["submissions_open"]
    next_opens = (
        f"applications for the Match {day.year + 1} {tensed(next_open.date, today, 'open', 'opened')} on {next_open.shown()}"
    )
    if deadline.estimated_early and rank_lists_may_be_open(day.year, day):
        # Our estimate is a week early on purpose, so the real deadline may
        # still be ahead: not "closed", but a date the plan cannot count on.
        # Only up to the latest day it can plausibly fall, as the guides say
        # (soap audit s55, 3); after it, the lists close before Match Week.
        return (
            # "On or after": the loop above takes a day only before the deadline,
            # so the deadline's own day comes here (late-season audit s39, 9).
            f"the plan cannot use {long_date(day)}: it is on or after our estimate of the Match {day.year} rank-list "
            f"deadline, {long_date(deadline.date)}, which we set early on purpose (the published deadline may be "
            f"later: check the NRMP's calendar), and {next_opens}"
        )
    if deadline.estimated_early:
        # Said of a date months ahead, "closed" and "began" read as if the
        # Match had already ended (date sweep s40, 5).
        closed = (
            f"the Match {day.year} rank lists {tensed(match_week.date, today, 'close', 'closed')} before its Match "
            f"Week, which {tensed(match_week.date, today, 'begins', 'began')} on {match_week.shown()}"
        )
    else:
        closed = f"the Match {day.year} rank lists {tensed(deadline.date, today, 'close', 'closed')} on {deadline.shown()}"
    return f"no Match takes applications on {long_date(day)}: {closed}, and {next_opens}"


def eras_season(match_year: int) -> str:
    """A season by the AAMC's name for its ERAS season, which is the year of its Match."""
    return f"ERAS {match_year} (Match {match_year})"


def season_ahead(today: dt.date) -> str:
    """Which season a reader applying next would apply in, and as of when: a
    calculator whose figures are for an earlier season says so beside them."""
    running, next_open = coming_season(today), next_open_season(today)
    # From the review start to Match Day a reader may still add programs to
    # the running season, and pay its prices: naming only the next one left
    # that reader to guess (season audit s22, 3).  Once its rank lists have
    # closed, "still running" invited adding programs that no list could hold
    # (date sweep s40, 11).
    dates = season(running)
    said = closed_said(running, today)
    if running == next_open:
        still_running = ""
    elif said == "open":
        still_running = f"{eras_season(running)} is still running, and "
    elif said == "may still be open":
        still_running = f"{estimate_passed(dates['rank_deadline'], f'the {eras_season(running)} rank-list deadline')}; "
    else:
        closed = "have almost certainly closed" if said == "almost certainly closed" else "have closed"
        still_running = (
            f"the rank lists of {eras_season(running)} {closed} ahead of its Match Day, {dates['match_day'].shown()}, and "
        )
    return f"as of {long_date(today)}, {still_running}the next season you can apply to on time is {eras_season(next_open)}"


def applies_in(slugs: Sequence[str], today: dt.date, dated: bool = True) -> str:
    """Which season a reader applying next in ``slugs``, fields of one
    service, would apply in, by that service: ERAS's season line told an
    OB/GYN reader "ERAS 2027 is still running" months after ResidencyCAS had
    closed to that Match (obgyn-usimg audit s42, 2).  Signals says it under
    each field, application cost after its ERAS line, which already gave the
    date: ``dated`` False leaves "as of" out (season-dates audit s43, 2)."""
    if not all(data.via_residencycas(slug) for slug in slugs):
        return season_ahead(today)
    running = coming_season(today)
    state = residencycas_state(running, today)
    names = and_list([data.specialty(slug).name for slug in slugs])
    as_of = f"as of {long_date(today)}, " if dated else ""
    if state == "open":
        # The field named: beside ERAS's line, "the next season" alone did not say for which list.
        return (
            f"{as_of}the next season you can apply to in {names} is ResidencyCAS's for the Match {running}, "
            f"{residencycas_deadline(running, today, named=False)}"
        )
    now = f"ResidencyCAS, which {names} programs use, {residencycas_deadline(running, today)}"
    # While it may still be open, the next season is the following one only
    # if it has closed, as residencycas_fields_closed and the timeline say:
    # said flatly, it told a reader who could still send that week to wait a
    # year (diff review s43, 2).
    then = "if it has closed, " if state == "may-have-closed" else ""
    return f"{as_of}{now}; {then}the next season you can apply to is ResidencyCAS's for the Match {running + 1}"


def reference_date() -> dt.date:
    """The date a build treats as today.

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) pins it, so a
    rebuild of the same sources gives the same pages.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and len(epoch) <= 12:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
