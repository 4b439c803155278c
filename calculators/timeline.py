"""Timeline: a dated plan from 18 months before ERAS submission to Match Day.

Milestones are placed relative to the reader's submission date, following the
orthopaedics article's staged plan (12-18, 9-12, 6-9, 3-6 and 0-3 months
before submission) and the IMG article's action plan.  The season's fixed
dates (ERAS opening, review start, NRMP registration and its late-fee date,
the opening of ranking, the rank-list deadline, Match Week, SOAP and Match
Day) come from ``calculators.cycle``: published where the table has them,
estimated by a stated rule where it does not.

The plan is read against the reader's own date (the ``today`` field, which
the browser fills in): milestones before it are marked as past and left out
of the calendar file unless the reader asks for them.

A reader who did not match starts from that Match Day instead: the debrief
and the decision follow it by days and weeks, whenever the next submission is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple, NotRequired, TypedDict
from urllib.parse import quote

from . import cycle, data, profile
from .cycle import SHORTEST_INTERVIEW_SEASON_DAYS, interview_season_too_short, interviews_begin, months_from
from .data import (
    ARTICLE_IMG,
    ARTICLE_ORTHO,
    ARTICLE_UNMATCHED,
    ARTICLES,
    ECFMG_BOOKLET,
    ECFMG_J1,
    ECFMG_J1_FEES,
    ECFMG_PATHWAYS,
    ECFMG_PATHWAYS_REVALIDATION,
    ECFMG_PERMANENT_VALIDATION,
    ECFMG_STATEMENT_OF_NEED,
    FSMB_STEP3,
    H1B_CAP_EXEMPT,
    H1B_PROCLAMATION,
    INA_H1B,
    INDIA_STATEMENT_OF_NEED,
    NBOME_SCORE_REPORTING,
    NRMP_ECFMG_REQUIREMENTS,
    NRMP_MATCHED_LOCATION,
    NRMP_PD_SURVEY,
    NRMP_SCHOOL_VERIFICATION,
    NRMP_SOAP,
    NRMP_WITHDRAWAL_DEADLINE,
    PD_SURVEY_COMLEX2_PCT,
    PD_SURVEY_STEP2_PCT,
    PETITION_WHEN_FILED,
    PITT_H1B_STEP3,
    STEP3_SCORE_DELAY,
    SURGERY_PD_DO_SURVEY,
    USMLE_SCORE_REPORTING,
    Source,
)
from .fields import BoolField, DateField, InputError, IntField, day, day_or_none, flag, parse_inputs, whole_or_none, word
from .html import Markup, and_list, capitalised, counted, el, join, long_date, table
from .registry import first_within_read_out

NAME = "timeline"
TITLE = "Dated timeline"
SUMMARY = "Turns your ERAS submission date into a month-by-month plan, with a calendar file to download."

ESTIMATE_NOTE = "Check the NRMP and AAMC calendars for your Match year before you rely on them."
# Until the browser puts in the reader's own date, "today" is the build's:
# the prerendered page is then as current as the guides' season beside it
# (SOURCE_DATE_EPOCH pins both, for a reproducible build), and a terminal
# user's plan starts from the real today, not from a date fixed in the code.
BUILD_TODAY = cycle.reference_date()


class PlanItem(TypedDict):
    """One row of the plan, and one event of its calendar file."""

    date: str  # ISO, so the rows sort by it
    title: str
    detail: str
    source: str
    # A season date our table lacks, estimated by rule: marked by its date,
    # where the reader looks, and explained once in the notes.
    estimated: NotRequired[bool]
    # An estimate set early on purpose (the rank-list deadline): a date to act
    # by, not a guess at the published one.
    estimated_early: NotRequired[bool]
    # A day of ours, resting on our own assumption, not on a season date our
    # table lacks: the last day to apply for Step 3 showed a firm date among
    # rows marked "estimated" (planner audit s54, 9).  Marked "our estimate".
    estimated_ours: NotRequired[bool]
    past: NotRequired[bool]
    # A stretch rather than a day (the interview season): past only once it
    # ends, on a day that may be counted from an estimate.
    until: NotRequired[str]
    until_estimated: NotRequired[bool]
    # Its end, the day before the rank-list deadline, moves with that
    # estimate, set early on purpose (timeline audit s36, 6).
    until_early: NotRequired[bool]
    # How the reader sees that end: by the milestone it comes before, on that
    # milestone's own date. The last day itself beside the deadline's date in
    # the same words read as two dates for one end (diff review s39, 3).
    until_shown: NotRequired[str]
    # Not a step to lead the plan with, though ahead: longer work dated today,
    # or a submission the plan says to bring forward or give up.  The headline
    # and the table's "Next" both skip it, where they chose apart (date sweep
    # s40, 7).
    held_back: NotRequired[bool]


def _mark(estimated: bool | None, early: bool | None, noun: str = "", ours: bool | None = False) -> str:
    """ "estimated" (or "estimated date" with ``noun``), and why when early;
    "our estimate" when the day rests on our own assumption (``ours``)."""
    if ours:
        return "our estimate"
    if early:
        return f"estimated{noun}, set early on purpose"
    return f"estimated{noun}" if estimated else ""


def _estimate_mark(item: PlanItem, noun: str = "") -> str:
    """A row's own date's mark."""
    return _mark(item.get("estimated"), item.get("estimated_early"), noun, item.get("estimated_ours"))


def _end_mark(item: PlanItem, noun: str = "") -> str:
    """A stretch's last day's mark."""
    return _mark(item.get("until_estimated"), item.get("until_early"), noun)


# The plan keeps ISO dates (they sort, and the calendar file reads them);
# the reader sees them written out, as everywhere else on the site: an ISO
# date beside "1 September 2027" in one result read as two conventions.
def written_out(iso: str) -> str:
    return long_date(dt.date.fromisoformat(iso))


def shown_date(item: PlanItem) -> str:
    mark = _estimate_mark(item)
    start, end = dt.date.fromisoformat(item["date"]), dt.date.fromisoformat(item.get("until", item["date"]))
    # Within a month and one mark, said once: "8 to 14 March 2027 (estimated)"
    # kept a read-out that named the stretch within 40 words (diff review s55b, 1).
    if (
        "until" in item
        and "until_shown" not in item
        and mark == _end_mark(item)
        and (start.year, start.month) == (end.year, end.month)
    ):
        return f"{start.day} to {written_out(item['until'])}" + (f" ({mark})" if mark else "")
    return written_out(item["date"]) + (f" ({mark})" if mark else "") + (f" to {shown_end(item)}" if "until" in item else "")


def shown_end(item: PlanItem) -> str:
    """A stretch's end, marked as its start is when it is our estimate."""
    if "until_shown" in item:
        return item["until_shown"]
    mark = _end_mark(item)
    return written_out(item["until"]) + (f" ({mark})" if mark else "")


def last_day(item: PlanItem) -> str:
    """The day a milestone is over: its own, or a stretch's last."""
    return item.get("until", item["date"])


def under_way(item: PlanItem, today: str) -> bool:
    """A stretch that began before ``today`` and has not ended."""
    return item["date"] < today <= last_day(item)


DECIDE_DUAL = "Decide firmly whether to dual apply"
PLAN_USCE = "Plan US clinical experience"
REQUEST_LETTERS = "Request letters"
VISA_STEP = "Check each program's visa sponsorship and Step 3 needs"
# A graduate of a US school who needs a visa was given the IMG step: Step 3
# for an H-1B and ECFMG's J-1, which a DO with COMLEX only cannot follow
# (COMLEX audit s37, 5).  We hold no rules for that case, so it says so.
VISA_STEP_US_GRADUATE = "Ask programs which visa they sponsor for US graduates"
VISA_STEPS = (VISA_STEP, VISA_STEP_US_GRADUATE)
STEP2_SCORE = "IMGs: Step 2 CK score in before you submit"
DO_EXAMS = "DOs: COMLEX Level 2-CE score in before you submit"
SUBMIT = "Submit ERAS"
BUILD_LISTS = "Build your program lists"
# The plan's first word of first-year programs came at the rank-list deadline,
# too late to apply to any (anesadv audit s46, 5).  It asks no specialty, so
# the row says whom the clause is for.  The IMG article: a field with advanced
# positions needs a preliminary or transitional year; the short statement and
# the letters are the radiology playbook's advice, which the packet checker
# follows for first-year programs.
FIRST_YEAR_LISTS = (
    " Applying to any program that starts at PGY-2 (an advanced program)? List preliminary or transitional programs "
    "for the first year too, with a short statement and letters for them. You need not if you are in or past a US "
    "first year already."
)


def _program_lists(research: str = "") -> str:
    """The program-lists row's words, with what a reader should ``research``
    about each program, and the first year every reader is told of."""
    return (
        f"Keep separate lists per specialty in a tracking spreadsheet.{f' Research {research}.' if research else ''}"
        f"{FIRST_YEAR_LISTS}"
    )


# ResidencyCAS closes in September, where ERAS takes applications until the
# rank lists close, and the plan has no specialty to tell which one the
# reader uses: the row says whom it is for, as the H-1B rows do, and a
# submission after it is told those fields are closed, not late
# (obgyn-usimg audit s42, 3).
RESIDENCYCAS_FIELDS_OR = and_list(list(data.RESIDENCYCAS_FIELD_NAMES.values()), "or")
RESIDENCYCAS_FIELDS_IF = f"If {RESIDENCYCAS_FIELDS_OR} is on your list"
RESIDENCYCAS_CLOSES = f"{capitalised(RESIDENCYCAS_FIELDS_OR)}: ResidencyCAS closes to applications"


def residencycas_row(match_year: int, today: dt.date) -> PlanItem:
    """The ResidencyCAS deadline as a row of the plan and an event of its calendar file."""
    day, estimated = cycle.residencycas_deadline_day(match_year)
    state = cycle.residencycas_state(match_year, today)
    past = day < today
    # An estimate is a day to send by, not a day the fields surely close: in
    # a September with five Wednesdays the fourth may be a week before the
    # last, and "closed, not merely late" would give up a first choice that
    # could still be open (do-em audit s42, 1).  Worded as the day stands on
    # ``today``, as every other calculator words it: past the estimate the
    # row said "were closed" and "Send by it" (diff review s42, 1).
    # The rule and the cycles it rests on are said once, in the method and
    # the row's Source: at 216 words, in every plan whatever its fields, the
    # row was the longest an ERAS-only reader had to pass (planner audit s54, 8).
    how = (
        {
            # Not set early, as the rank-list deadline is: ResidencyCAS's own
            # day may fall before ours as well as after (seasonlate audit s44, 8).
            "open": "Our estimate (see Source): ResidencyCAS's own day may be earlier or later, so send by it once "
            "published, until then by this one.",
            "may-have-closed": "Our estimate (see Source) has passed, but ResidencyCAS's own day may be up to a week "
            "later: check its dates now.",
            "closed": "This day is our estimate (see Source); by the end of September it had surely passed.",
        }[state]
        if estimated
        else "The deadline ResidencyCAS gave for this cycle."
    )
    after = {"open": "may be" if estimated else "are", "may-have-closed": "may be", "closed": "were"}[state]
    # An EM reader's plan had no word of when ResidencyCAS opens, of SLOEs
    # coming only after EM rotations, or of not holding the application for
    # one (do-em audit s42, 5): said here, the one row the plan has for them,
    # with the two sources named briefly and cited in full in Source.
    em = (
        f"EM: ResidencyCAS opened in early June in the {data.SAEM_RESIDENCYCAS.year}, and a SLOE (an EM rotation's "
        "letter) can follow the application: send without waiting (SAEM). Book EM rotations early: many programs want "
        "two SLOEs (WestJEM)."
    )
    item = _item(
        day,
        RESIDENCYCAS_CLOSES,
        f"{RESIDENCYCAS_FIELDS_IF}: their programs use ResidencyCAS, not ERAS ({data.RESIDENCYCAS_SHORT_CITE}). "
        f"After {'about ' if estimated and past else ''}this day those fields {after} closed, not merely late. "
        f"{how} {em}",
        cited_together(data.RESIDENCYCAS_DATES, data.SAEM_RESIDENCYCAS, data.EM_SLOE_REVIEW),
        estimated=estimated,
    )
    # Not the headline's next step: the plan cannot tell whether the reader
    # applies in either field.
    item["held_back"] = True
    return item


# The H-1B payment's term, as its citation gives it (data.H1B_PROCLAMATION:
# "from 21 September 2025, for 12 months unless extended"; the guide claims
# hold the two together).  Past its end the row said it "carries" the
# payment, in force, under a term its own citation showed had run out (date
# sweep s40, 12); what happened after that is in none of our sources.
H1B_PAYMENT_FROM = dt.date(2025, 9, 21)
H1B_PAYMENT_MONTHS = 12
# Its start said, where the row pointed to its citation for the dates: the
# citation now sits in Source, with every other one of the row (planner
# audit s54, 7).
H1B_PAYMENT_IN_FORCE = (
    f"carries a $100,000 payment by the employer, from {long_date(H1B_PAYMENT_FROM)} (White House). The rule was set "
    f"for {H1B_PAYMENT_MONTHS} months unless extended"
)
H1B_CHECK_IN_FORCE = "Check whether it still applies."


def h1b_payment_ends() -> dt.date:
    return months_from(H1B_PAYMENT_FROM, H1B_PAYMENT_MONTHS)


def h1b_payment_in_tense(detail: str, today: dt.date) -> str:
    """The visa step's words on the payment, in the tense of ``today``."""
    end = h1b_payment_ends()
    if today <= end:
        return detail
    return detail.replace(
        H1B_PAYMENT_IN_FORCE,
        f"carried a $100,000 payment by the employer, from {long_date(H1B_PAYMENT_FROM)} (White House). The rule was "
        f"set for {H1B_PAYMENT_MONTHS} months, to {long_date(end)}, unless extended",
    ).replace(H1B_CHECK_IN_FORCE, "Check whether it was extended and still applies.")


STEP3_PASSED_LABEL = "Step 3 already passed"
# The visa row's Source names this law (h1bvisa audit s47, 9), so the row
# names it briefly: its citation written out again took 42 of the row's
# words, which ran past 300 in some weeks.
STEP3_LAW_IN_SOURCE = "US immigration law"
# The visa step's words on Step 3, and what they become once the reader has
# passed it: they pointed to "the Step 3 rows below" that "date it" when the
# only row left said it was done (diffreview48 audit s48, 8).
VISA_STEP3_ROWS = (
    "If you cannot take a J-1, read the Step 3 rows below. An H-1B also needs your Step 3 pass before the program "
    f"files ({STEP3_LAW_IN_SOURCE}). The Step 3 rows below date it."
)
VISA_STEP3_ROWS_PASSED = (
    "If you cannot take a J-1, read the Step 3 row below. An H-1B also needs your Step 3 pass before the program "
    f"files ({STEP3_LAW_IN_SOURCE}). You have it, as you answered."
)
VISA_STEP3_H1B_ONLY = (
    "Ask by when it needs your Step 3 pass: the petition needs it before it is filed "
    f"({STEP3_LAW_IN_SOURCE}). The Step 3 row on the rank-list deadline dates it."
)
VISA_STEP3_H1B_ONLY_PASSED = (
    f"Tell it you have passed Step 3, which the petition needs before it is filed ({STEP3_LAW_IN_SOURCE})."
)
# The visa step's words and the H-1B-only reader's are each made with their
# Step 3 words (above) as a part, chosen by the reader's kind, not swapped in
# by a replace over the finished row (diff review s52b, 10).


# Cut to what the row must say, with the details in the Assess guide: at 470
# words it filled the first row due (diff review s39, 8).  In short
# sentences, action first, its citations in Source: at up to 290 words, with
# sentences of 80-98, it was among the longest rows on paper (planner audit
# s54, 7).
VISA_STEP_ASK = (
    f"H-1B: a new petition for someone outside the US {H1B_PAYMENT_IN_FORCE}. {H1B_CHECK_IN_FORCE} Ask each program "
    "whether it still files new petitions for applicants abroad. Ask too whether it files outside the yearly cap (US law)."
)


def _visa_step(step3: str) -> str:
    return (
        f"Find out which visa each program on your lists sponsors. {VISA_STEP_ASK} Plan on the J-1 unless a program "
        f"confirms. {step3} J-1: the Statement of Need must name the exact specialty you train in (ECFMG). So if you "
        "apply in two fields, you request it after Match Day. Find out now what your health ministry asks for. The "
        "J-1 brings a two-year home-country rule. The Assess guide's section “Visa: J-1 or H-1B” says more."
    )


# The visa step for a reader who cannot take a J-1 (h1bvisa audit s47, 2):
# the assess guide's branch ("If a J-1 is not an option for you"), in the
# row's own words and its citations.  The payment's words are the shared
# ones, so h1b_payment_in_tense puts them in the past as it does the others.
def _visa_step_h1b_only(step3: str) -> str:
    return (
        f"Find out which programs on your lists will file an H-1B petition for you. {VISA_STEP_ASK} {step3} You cannot "
        "take a J-1, so there is no other visa to fall back on. Count a program only if it says it will file an H-1B "
        "for you, and rank only programs that have said so. If none of them can take you on an H-1B, this Match holds "
        "no position you could start. The Assess guide's section “Visa: J-1 or H-1B” says more."
    )


# The visa row's sources, in the order it speaks of them: the H-1B's (the
# Step 3 law, the payment, the cap), then the J-1's (h1bvisa audit s47, 9).
VISA_STEP_SOURCES = (INA_H1B, H1B_PROCLAMATION, H1B_CAP_EXEMPT, ECFMG_J1, ECFMG_STATEMENT_OF_NEED)
VISA_STEP_H1B_ONLY_SOURCES = (INA_H1B, H1B_PROCLAMATION, H1B_CAP_EXEMPT)


ReaderKind = Literal[
    "h1b-only", "h1b-only-step3-passed", "visa", "img-h1b-only", "img-visa", "do", "img", "reapplicant", "step3-passed"
]


@dataclass(frozen=True)
class Step:
    """A milestone ``months`` before (negative) or after its anchor: the submission, or ERAS opening."""

    months: int
    title: str
    detail: str
    source: Source
    when: Literal["always", "dual", "visa", "visa-us-graduate", "img", "do", "reapplicant-before-step3"] = "always"
    anchor: Literal["preparation", "eras_opens", "submission", "read"] = "submission"
    # A first-time applicant's own deciding step, which a reapplicant's
    # debrief and choice of lane replace (see _after_the_choice).
    deciding: bool = False
    # The season milestone a stretch lasts until (its start is the step's day),
    # and the sentence that says so, with "{end}" for that milestone's date.
    lasts_until: str = ""
    until_note: str = ""
    # That milestone as the plan names the stretch's end ("to the rank-list deadline").
    until_named: str = ""
    # Said in place of ``until_note`` where that milestone's date is our
    # estimate, set early on purpose: a cut-off read from it could cost a
    # reader an interview (interview audit s56, 7).
    until_note_early: str = ""
    # Said in place of ``detail`` to a reader of a kind ("h1b-only": who
    # needs an H-1B and cannot take a J-1, "visa": who needs one, "img-h1b-only"
    # and "img-visa": such an IMG, whose plan has the H-1B's Step 3 rows, "do":
    # a US DO, "img", "reapplicant", "step3-passed": who has passed Step 3,
    # "h1b-only-step3-passed"), the first that fits, in this order.
    reader_details: tuple[tuple[ReaderKind, str], ...] = ()
    # Sources of figures in ``detail`` that name them briefly ("(FSMB)"),
    # cited in full in the row's Source, after ``source``: inline, two FSMB
    # citations took 75 of a row's 300 words (diff review s51, 4).
    also_cited: tuple[Source, ...] = ()
    # A step for some readers of its kind only (Step 3 after a low score), as
    # the H-1B's Step 3 rows are: a reapplicant's moved preparation is not
    # squeezed in before it (see _after_the_choice).
    optional: bool = False

    def cites(self) -> str:
        """The row's Source: ``source``, then ``also_cited``."""
        return cited_together(self.source, *self.also_cited)


# Between the sources of one row.  Joined with "; ", they ran into the
# citations' own semicolons ("...; secondary copy; FSMB, ..."), and a reader
# could not tell where one source ended (diff review s51b, 5).  No citation
# holds this, so the calendar file's text keeps them apart too, and the table
# puts each on its own line (source_cell).
SOURCES_APART = ". Also: "


def cited_together(*sources: Source) -> str:
    """A row's Source when it has more than one."""
    return SOURCES_APART.join(s.cite() for s in sources)


def source_cell(source: str) -> Markup:
    """A Source cell: each source of the row on its own line, the later ones
    after "Also:", so the line break and the words both mark where one ends."""
    first, *others = source.split(SOURCES_APART)
    return join(first, *((". ", el("br"), "Also: ", other) for other in others))


def _item(day: dt.date, title: str, detail: str, source: str, *, estimated: bool) -> PlanItem:
    """A row that says "estimated" only where it holds, as the calendar file does."""
    item: PlanItem = {"date": day.isoformat(), "title": title, "detail": detail, "source": source}
    if estimated:
        item["estimated"] = True
    return item


def _step_item(
    step: Step,
    day: dt.date,
    note: str,
    estimated: bool,
    dates: Mapping[str, cycle.SeasonDate],
    *,
    reader: frozenset[ReaderKind],
) -> PlanItem:
    """A step's row; a stretch's also says when it ends."""
    detail = next((text for kind, text in step.reader_details if kind in reader), step.detail)
    item = _item(day, step.title, f"{detail} {note}".strip(), step.cites(), estimated=estimated)
    if step.lasts_until:
        end = dates[step.lasts_until]
        # The day before: on that milestone's day, it is the reader's step.
        last = end.date - dt.timedelta(days=1)
        if last > day:
            said = step.until_note_early if end.estimated_early and step.until_note_early else step.until_note
            item["detail"] += " " + said.format(end=end.shown())
            item["until"], item["until_estimated"] = last.isoformat(), end.estimated
            if step.until_named:
                item["until_shown"] = f"{step.until_named}, {end.shown()}"
            if end.estimated_early:
                item["until_early"] = True
    return item


class Placed(NamedTuple):
    """A step on its day in this plan: ``note`` says why it was moved there,
    ``estimated`` whether that day is counted from an estimated date."""

    step: Step
    day: dt.date
    note: str = ""
    estimated: bool = False


@dataclass(frozen=True)
class AfterNoMatch:
    """A reapplicant's milestone, ``days`` after the Match Day they did not match on."""

    days: int
    title: str
    detail: str
    source: Source


US_CLINICAL_DETAIL = (
    "Arrange rotations or observerships that cover your first choice and any backup (if you are an IMG, at places "
    "with a record of taking IMGs)."
)
# After a no-match the guide's row for a gap from patient care says observing
# does not count, and the check clears neither of its flags with it (dermnonus
# audit s45, 8).  The section is named as the check names it
# (competitiveness.UNMATCHED_GUIDE_FIX, a test holds them together), not
# imported: a page with the timeline alone would load the check's modules too.
HANDS_ON_AFTER_NO_MATCH = (
    "Does your debrief name a gap from patient care? Only hands-on work closes it, not observerships (the guide "
    "“If you didn't match”, “Fix the exact weakness that stopped you”)."
)

BACKUP_ROTATIONS_DETAIL = "Schedule electives in your backup specialty and identify physicians there who can write for you."
# Electives are booked through a school: a graduate planning a new season
# after a no-match was told to schedule them, and the packet check asked for
# a backup letter, with no word of how a graduate earns one (reapplypsych
# audit s49, 6).
BACKUP_WORK_AFTER_NO_MATCH = (
    "Graduated, with no school to book electives for you? Look for a hands-on post or an externship in that field "
    "instead. The guide “SOAP and a non-residency Plan B” says how, in “If you cannot work clinically where you trained”."
)


# ============================================================================
# The plan.  Months are counted from the ERAS submission date; the early
# preparation from the usual submission (three months after ERAS opens) when
# yours is later, since a late application needs its groundwork no later than
# an early one; and from the day ERAS opens where the IMG article counts from it.
# ============================================================================
# The whole chain from an application to the FSMB to a result (visa-psych
# audit s41, 1): 12 weeks to verify graduation and 2 for the permit (the
# FSMB's own figures), 4 to find a two-day test date (our own assumption),
# and 4 for the result (the usual time in the announcements of
# STEP3_SCORE_DELAY).  The 16 weeks it was covered the FSMB alone, so a
# reader who applied with 17 weeks left was told nothing and had a result in
# March.
# The FSMB's 12 weeks run from graduation ("up to 12 weeks after you
# graduate", FSMB_STEP3), not from the application: a graduate of an earlier
# year, verified already, waits for the permit alone, and was told "too little
# time" ten weeks early (surgprelim audit s45, 7).  The row's date stays the
# recent graduate's; the earlier graduate's later day is said in it, and the
# warning waits for that day.  We ask no graduation date here, and a graduate
# of an earlier year who never applied could not tell which day was theirs
# (pathneuro audit s46, 4): the FSMB answers that before an application.
STEP3_VERIFY_WEEKS, STEP3_PERMIT_WEEKS = 12, 2
STEP3_FSMB_WEEKS, STEP3_SEAT_WEEKS, STEP3_RESULT_WEEKS = STEP3_VERIFY_WEEKS + STEP3_PERMIT_WEEKS, 4, 4


STEP3_AFTER_NO_MATCH = "Step 3, if a low score held you back"
# Action first, in short sentences (planner audit s54, 7).
STEP3_AFTER_NO_MATCH_WHEN = (
    f"Not taken Step 3 yet? {capitalised(data.STEP3_ARTICLE_CASE)}. So sit it when your practice scores say you will "
    "pass (our advice). Apply to the FSMB by about this day if it has verified your graduation. As an IMG, you can "
    "apply once ECFMG has certified you. Then the result can be out when programs read your application. That allows about "
    f"{STEP3_PERMIT_WEEKS} weeks for the permit ({FSMB_STEP3.publisher}) and about {STEP3_SEAT_WEEKS} to find a test "
    f"date (our own assumption). Then about {STEP3_RESULT_WEEKS} for the result ({STEP3_SCORE_DELAY.publisher}). If "
    f"you graduated this year, verifying can take up to {STEP3_VERIFY_WEEKS} weeks after graduation. The result may "
    "then come after programs start reading: apply as soon as you can and tell programs when it is due."
)
STEP3_PASSED_TICK = f"Passed already? Tick “{STEP3_PASSED_LABEL}”"
# Said to every reader of the row, now that it keeps well under the length
# that once left it out of the visa readers' (planner audit s54, 7).
STEP3_PASSED_SEEN = f"{STEP3_PASSED_TICK}: the pass reaches programs in the USMLE transcript ERAS sends (AAMC)."
STEP3_AFTER_NO_MATCH_DETAIL = f"{STEP3_AFTER_NO_MATCH_WHEN} {STEP3_PASSED_SEEN}"
H1B_STEP3 = "H-1B: your Step 3 pass in hand"
# A day, not an order: "apply to the FSMB" read as advice to every visa
# reader to book Step 3, which the no-match article warns against rushing
# (new-words audit s41, 5).
H1B_STEP3_APPLY = "H-1B: last day to apply for Step 3"
# The H-1B rows date Step 3 later, for the petition, and say how a pass
# reaches programs: a reader shown both days was not told why they differ.
STEP3_AFTER_NO_MATCH_VISA = (
    f"{STEP3_AFTER_NO_MATCH_WHEN} The H-1B needs the pass too, by a later day: see the row “{H1B_STEP3}”. {STEP3_PASSED_SEEN}"
)
STEP3_AFTER_NO_MATCH_H1B_ONLY = (
    f"{STEP3_AFTER_NO_MATCH_WHEN} You cannot take a J-1, so the H-1B needs the pass in any case, by a later day. See "
    f"the row “{H1B_STEP3}”. {STEP3_PASSED_SEEN}"
)
STEPS: tuple[Step, ...] = (
    Step(
        -18,
        "Confirm your first choice",
        "Be honest about whether your target field is realistic, list one or two "
        "possible backups, and start or continue research.",
        ARTICLE_ORTHO,
        anchor="preparation",
        deciding=True,
    ),
    Step(
        -15,
        PLAN_USCE,
        US_CLINICAL_DETAIL,
        ARTICLE_IMG,
        anchor="preparation",
        reader_details=(("reapplicant", f"{US_CLINICAL_DETAIL} {HANDS_ON_AFTER_NO_MATCH}"),),
    ),
    # The guide gave a visa reader's lead times, but the dated plan had no
    # step for them (an open item since s35; timeline audit s36, 4).  No
    # source dates it: it sits with the clinical experience, in the IMG
    # article's 6-18 months before applying to confirm visa policies.
    # The H-1B payment of September 2025 leads: for an applicant abroad it
    # decides whether an H-1B program is an option at all (visa-oldgrad audit
    # s39, 1).  "Before you start" misdated Step 3, which the petition needs
    # when it is filed (s39, 4); and a Statement of Need names one specialty,
    # so "start on it now" sent a dual applicant to the wrong one (s39, 2).
    Step(
        -15,
        VISA_STEP,
        _visa_step(VISA_STEP3_ROWS),
        ECFMG_J1,
        "visa",
        anchor="preparation",
        # A reader who cannot take a J-1 was told to plan on one and to find
        # out what a Statement of Need asks (h1bvisa audit s47, 2): the
        # guide's "no fallback" branch, with no J-1 step.
        reader_details=(
            ("h1b-only-step3-passed", _visa_step_h1b_only(VISA_STEP3_H1B_ONLY_PASSED)),
            ("h1b-only", _visa_step_h1b_only(VISA_STEP3_H1B_ONLY)),
            ("step3-passed", _visa_step(VISA_STEP3_ROWS_PASSED)),
        ),
    ),
    Step(
        -15,
        VISA_STEP_US_GRADUATE,
        "Ask each program on your lists which visa it sponsors for a US medical graduate who is not a US citizen or "
        "permanent resident. Ask too which exams it needs passed first. The rules for you differ from an IMG's, and "
        "this site holds none of them. Ask each program's graduate medical education office, and an immigration "
        "lawyer before you rely on a route. Does a route need USMLE Step 3? Step 3 is open only once USMLE Step 1 and "
        "Step 2 CK are passed (FSMB). That matters if you took COMLEX only.",
        data.FSMB_STEP3_REQUIREMENTS,
        "visa-us-graduate",
        anchor="preparation",
    ),
    Step(
        -12,
        "Get an honest outside assessment",
        "Ask faculty who know you and an advising office whether your scores, "
        "evaluations and experience support applying to one field.",
        ARTICLE_ORTHO,
        anchor="preparation",
        deciding=True,
    ),
    Step(
        -9,
        DECIDE_DUAL,
        "Settle it now: letters, statements and rotations all depend on it.",
        ARTICLE_ORTHO,
        anchor="preparation",
        deciding=True,
    ),
    # With the decision, as in the orthopaedics article's 6-9 month stage, and
    # so before the letters are requested (5 months before ERAS opens).
    Step(
        -9,
        "Book backup rotations and letter writers",
        BACKUP_ROTATIONS_DETAIL,
        ARTICLE_ORTHO,
        "dual",
        anchor="preparation",
        reader_details=(("reapplicant", f"{BACKUP_ROTATIONS_DETAIL} {BACKUP_WORK_AFTER_NO_MATCH}"),),
    ),
    # The IMG article puts letters, statements and program lists 3-6 months
    # before ERAS opens, about three months earlier than the orthopaedics
    # article's 3-6 months before submission; the timeline guide tells readers
    # to take the earlier date, so these count from ERAS opening.
    Step(
        -5,
        REQUEST_LETTERS,
        "Ask early and explain your plans; aim for the count each specialty expects.",
        ARTICLE_IMG,
        anchor="eras_opens",
    ),
    Step(
        -4,
        "Draft your personal statement",
        "Write one statement per specialty, never one essay with the name changed; ask a US mentor to review it.",
        ARTICLE_IMG,
        anchor="eras_opens",
    ),
    Step(
        -4,
        "Draft the backup statement",
        "A separate statement for the backup specialty, consistent with the letters and experiences those programs will see.",
        ARTICLE_IMG,
        "dual",
        anchor="eras_opens",
    ),
    Step(
        -3,
        BUILD_LISTS,
        _program_lists(),
        ARTICLE_IMG,
        anchor="eras_opens",
        # Each reader's own check: a US-citizen IMG was told to look up visa
        # sponsorship (obgyn-usimg audit s42, 8), and a DO, whom the DO exam
        # row sends here, was spoken to as an IMG (do-em audit s42, 9).
        reader_details=(
            ("visa", _program_lists("each program's visa sponsorship and, if you are an IMG, its record with IMGs")),
            (
                "do",
                _program_lists(
                    "how many DOs each program trains, and whether it takes COMLEX Level 2-CE alone or asks for USMLE Step 2 CK"
                ),
            ),
            ("img", _program_lists("each program's record with IMGs")),
        ),
    ),
    # An IMG's plan had no exam date before the rank-list deadline, so a
    # score still to come read as due in February (late-season audit s39, 6).
    # Two months: the USMLE's usual four weeks to report, and as long again
    # for the delays it has announced in some summers.  Said so that it holds
    # for a reader whose score is already in.
    # A reapplicant held back by a low score heard of Step 3 only in a row
    # for the H-1B, which a reader who needs no visa never gets (reapplypsych
    # audit s49, 3), and one who needs a visa heard of it only as the H-1B's
    # gate (diff review s50b, 8).  Dated so the result is out before programs
    # read the application, by the chain of the H-1B rows for a graduate the
    # FSMB has verified, with some three weeks to spare; a reader who
    # graduated this year waits for up to 12 weeks after graduating, which no
    # earlier application shortens (diff review s50b, 7 and 9).
    Step(
        -3,
        STEP3_AFTER_NO_MATCH,
        STEP3_AFTER_NO_MATCH_DETAIL,
        ARTICLE_UNMATCHED,
        "reapplicant-before-step3",
        anchor="read",
        optional=True,
        also_cited=(FSMB_STEP3, STEP3_SCORE_DELAY, data.ERAS_DOCUMENTS),
        reader_details=(("img-h1b-only", STEP3_AFTER_NO_MATCH_H1B_ONLY), ("img-visa", STEP3_AFTER_NO_MATCH_VISA)),
    ),
    Step(
        -2,
        STEP2_SCORE,
        # Action first, in short sentences, its citations in Source (planner audit s54, 7).
        "Step 2 CK score already reported? Then there is nothing to do here. If not, sit the exam by about this date. "
        "The USMLE reports most results within four weeks of the test (USMLE). It has announced longer waits for some "
        "testing periods. Programs look for the score when they choose whom to invite. Of program directors, "
        f"{PD_SURVEY_STEP2_PCT}% said they consider it ({NRMP_PD_SURVEY.named()}). Many screen on it, so an "
        "application without it may wait unread. ECFMG must also have your pass verified by the rank-list deadline "
        "(the row on that day).",
        USMLE_SCORE_REPORTING,
        "img",
        also_cited=(NRMP_PD_SURVEY,),
    ),
    # The same two months for a DO, whose choice of sitting USMLE as well
    # the assess guide leaves to each program's exam policy.
    Step(
        -2,
        DO_EXAMS,
        # Opened with "nothing to do here", the row hid the decision that
        # matters in surgery, and put it two months before submitting, too
        # late to sit a second exam (new-words audit s40, 1).
        # In short sentences, its citations in Source: one ran to 103 words (planner audit s54, 7).
        "Have your COMLEX Level 2-CE score reported by about this date. Sitting USMLE as well? Have your Step 2 CK "
        "score in too. The NBOME makes most COMLEX scores available within 4 to 6 weeks (NBOME). The USMLE reports "
        "most Step 2 CK results within four weeks, and has announced longer waits for some testing periods (USMLE). "
        "Whether to sit Step 2 CK is a decision for months before this, when you build your program lists. Read each "
        f"program's stated exam policy. Of program directors, {PD_SURVEY_STEP2_PCT}% said they consider Step 2 CK "
        f"scores, and {PD_SURVEY_COMLEX2_PCT}% COMLEX Level 2 scores ({NRMP_PD_SURVEY.named()}). Most surgical program "
        f"directors surveyed recommended or required USMLE from DO students ({SURGERY_PD_DO_SURVEY.publisher}, "
        f"{SURGERY_PD_DO_SURVEY.year}).",
        NBOME_SCORE_REPORTING,
        "do",
        also_cited=(USMLE_SCORE_REPORTING, NRMP_PD_SURVEY, SURGERY_PD_DO_SURVEY),
    ),
    Step(-2, "Mentor review of each packet", "Have mentors read the whole application for each specialty.", ARTICLE_ORTHO),
    Step(
        -1,
        "Final review: right documents to the right programs",
        "Check that each program gets the statement and letters written for its specialty (the packet checker helps).",
        ARTICLE_ORTHO,
    ),
    # The IMG article says only "submit early"; that late ones lose interview
    # places is our reading, as cycle.EARLY_APPLICANTS says elsewhere
    # (sources audit s54, 4).
    Step(
        0, SUBMIT, "Submit early (the IMG article's advice): late applications lose interview places (our reading).", ARTICLE_IMG
    ),
    Step(
        1,
        "Interview season",
        "Keep a log of impressions for every program, prepare specialty-specific answers, and protect your energy. "
        # The article gives the advice, not the timing (sources audit s54, 5).
        "The plan starts it a month after programs can first read your application (our rule of thumb: the article "
        "gives no timing). That is the day they start reviewing, or your submission if that is later. Invitations, and "
        "some interviews, can come sooner. Keep the weeks from the day reviews start free of anything you cannot move.",
        ARTICLE_ORTHO,
        # From the submission alone, it moved a month with any date typed
        # before programs start reviewing, and left early October unguarded
        # (visa-psych audit s41, 7); the too-late rule counts from the same day.
        anchor="read",
        # Marked past a month after submission, the reader's work of the week
        # went unshown (season audit s22, 5); ended when ranking opens, on no
        # source, it left a late applicant ten days of interviews (season-now
        # audit s31, 2).  The rank-list deadline bounds it by logic alone:
        # once the lists are certified, no interview can change them.
        lasts_until="rank_deadline",
        until_named="the rank-list deadline",
        until_note=(
            "Interviews can go on while ranking is open, until the rank lists are certified by {end}. An interview "
            "after that could no longer change a list."
        ),
        # Of our early estimate, "could no longer change a list" made a hard
        # cut-off of a date the NRMP's own may follow by a week or two
        # (interview audit s56, 7).
        until_note_early=(
            "Interviews can go on while ranking is open, until the rank lists are certified by {end}. "
            f"{cycle.EARLY_DEADLINE_VERDICT} Do not turn down an interview dated before the NRMP's published "
            "deadline: only one after it could no longer change a list."
        ),
    ),
)


# Counted from the Match Day of the no-match, not from the next submission:
# the no-match article gives 3-7 days to absorb the news, then a one-week plan
# (list backups and circle one, meet your dean and faculty, outline the year),
# so the lane is chosen within two weeks; a reader who reapplies at once has
# six months to submission, one who takes a year has eighteen.
DEBRIEF = AfterNoMatch(
    7,
    "Debrief your last application",
    "Ask your dean's office and one or two faculty in your field what held you back. Some years out of school? Ask "
    "the US faculty who supervised your research or clinical work, who have seen more of you. Write your one-page "
    "profile as a program director would see it.",
    ARTICLE_UNMATCHED,
)
CHOICE_OF_LANE = AfterNoMatch(
    14,
    "Choose: reapply, dual apply or pivot",
    "Decide whether you were borderline or structurally misaligned, and pick a 12-18 month plan that fixes the exact weakness.",
    ARTICLE_UNMATCHED,
)
AFTER_NO_MATCH: tuple[AfterNoMatch, ...] = (DEBRIEF, CHOICE_OF_LANE)
# A plan of a year or more after a no-match dated nothing between the choice
# of lane and the first preparation row, 15 months before the submission, so
# the work the year is for went undated, though the guides start it in the
# first month (reapplypsych audit s49, 4).  A week after the choice, or today
# if that has passed.
START_THE_YEAR = AfterNoMatch(
    CHOICE_OF_LANE.days + 7,
    "Start the work your year is for",
    # "Now" and "below" misled where the row is a later date, or after
    # preparation rows already past (diffreview49 audit s49, 9).
    "Begin on this date what your debrief named, not when the preparation rows start. For a gap from patient care: "
    "hands-on clinical work, documented by your employer (observing does not count). For a research year: a post in "
    "or near your backup field. It should give you two or three outputs, such as abstracts or posters, by the time "
    "you apply (rule of thumb, no-match article). The guide “SOAP and a non-residency Plan B”, “Putting the 12–24 "
    "months together”, sets out the months.",
    ARTICLE_UNMATCHED,
)
# Fewer months than this before the submission leave no year to start.
START_THE_YEAR_MONTHS = 6


# A reapplicant's debrief and choice of lane replace the first-time applicant's
# own deciding steps (Step.deciding), whenever those would fall.  Other
# preparation dated before the choice belonged to the application that failed,
# or would be done before knowing which fields it is for: it is done again
# after the choice.
MOVED_NOTE = "Moved after your choice of lane: after a no-match it is done again, for the fields you choose."


def last_match_day(on_or_before: dt.date) -> cycle.SeasonDate:
    """The Match Day of the latest Match whose results were out by a date: the
    no-match a reapplicant starts from.  A reader learns on the Monday of Match
    Week that they did not match, so that week already counts."""
    season = cycle.season(on_or_before.year)
    if season["match_week"].date <= on_or_before:
        return season["match_day"]
    return cycle.season(on_or_before.year - 1)["match_day"]


ANCHOR_WORDS = {
    "submission": "from submission",
    "read": "from submission (or from the day programs start reviewing, if later)",
    "preparation": "from submission (or three months after ERAS opens, if earlier)",
    "eras_opens": "from ERAS opening",
}


# --- Hands-on US months so far (planner audit s54, 2; oldgrad audit s52, 3) ---------------------------
# A non-US IMG with no US months, planning a September submission in
# December, read "Next: Request letters on 2 January 2027": no US physician
# had yet seen them work, and no page dated the latest window for their US
# months.  The plan asks how many hands-on months they have so far.
#
# The question has a name of its own, not the check's "usce_months": that one
# counts observerships too (with "observership_months" apart) and cannot be
# left empty (it starts at 3).  Under the check's name, the plan would have
# read an observer's months as hands-on, and an answer emptied here would
# have reached the check as invalid, so that it showed its 3 in place of a
# remembered 0.  A name no other calculator asks cannot carry a wrong answer
# either way; the price is that a reader types it here once more.
#
# The check's line for minimal US experience (competitiveness.USCE_MINIMAL_BELOW,
# ours, not the article's; a test holds the two together), not imported: a
# page with the timeline alone would load the check's modules too.
USCE_MINIMAL_BELOW = 3
USCE_MAX_MONTHS = 240
# The Timeline guide's later clock is cycle.us_letters_due: the orthopaedics
# article wants letters confirmed about 3 months before you submit; the
# plan's letters row follows the IMG article's earlier one, which the guide
# calls the safer.
USCE_ARRANGE = "Arrange hands-on US clinical months"
USCE_START = "Last day to start your US clinical months"
USCE_LETTERS = "US letters confirmed, as your US months end"
USCE_GUIDE = "The Timeline guide's section “Starting with no US clinical experience”"
# The guide's judgment, said as ours wherever the plan says it.
SEASON_LATER = "it may be wiser to apply a season later"

HANDS_ON_MONTHS = IntField(
    name="us_hands_on_months",
    label="Hands-on US clinical months so far",
    maximum=USCE_MAX_MONTHS,
    initial=None,
    optional=True,
    help="IMGs: months you have already spent caring for patients in the US, such as externships, electives, "
    "clinical jobs or months of a US residency. Not observerships, and not months still to come. With fewer than "
    f"{USCE_MINIMAL_BELOW}, the plan dates the last day to start your US months so that they end before your "
    "letters are due. Leave it empty to plan without it. It is not filled in from the competitiveness check, which "
    "counts observerships too.",
)


class UsMonths(NamedTuple):
    """What the plan adds for a reader's hands-on US months: ``rows``; a
    ``note`` when they can no longer end in time; what the headline says
    after its next step (``said``, and ``heard`` in the read-out), or before
    it (``lead``)."""

    rows: list[PlanItem]
    note: str = ""
    said: str = ""
    heard: str = ""
    lead: str = ""


def _us_months(
    milestones: list[PlanItem],
    hands_on: int,
    today: dt.date,
    submission: dt.date,
    submission_estimated: bool,
    match_year: int,
    *,
    dual: bool,
    reapplying: bool,
    date_label: str,
) -> UsMonths:
    """The rows for an IMG's hands-on US months, counted back from the day
    their letters are due; the letters row is told whom to ask, and held back
    from the headline when the months cannot end by it."""
    letters = next((m for m in milestones if m["title"] == REQUEST_LETTERS), None)
    if letters is None:
        return UsMonths([])
    if hands_on >= USCE_MINIMAL_BELOW:
        letters["detail"] += " Ask the US physicians who supervised your hands-on months."
        return UsMonths([])
    needed = USCE_MINIMAL_BELOW - hands_on
    have = "no hands-on US clinical months yet" if hands_on == 0 else f"only {counted(hands_on, 'hands-on US clinical month')}"
    need = counted(needed, "hands-on month" if hands_on == 0 else "more hands-on month")
    letters_day = dt.date.fromisoformat(letters["date"])
    confirmed = cycle.us_letters_due(match_year, submission)
    confirmed_shown = long_date(confirmed) + (" (estimated)" if submission_estimated else "")
    line = f"Our line for minimal US experience, the one the competitiveness check uses, is {USCE_MINIMAL_BELOW} hands-on months."
    ask = "Our sources give no time for a host to reply or for a visa, so ask each host now."
    tail = " ".join(
        [
            ask,
            *(["Dual applying? Plan a block in each field."] if dual else []),
            f"{USCE_GUIDE} says what a graduate can arrange.",
        ]
    )
    # Built once, for the arrange row, the too-late row and its note (diff review s54b, 10).
    answered = f"You have {have}, as you answered."
    plan_row = next((m for m in milestones if m["title"] == PLAN_USCE), None)
    # Its "rotations or observerships" stood beside rows counting hands-on
    # months only (diff review s54b, 3).
    if plan_row is not None:
        plan_row["detail"] += f" Hands-on months only: observerships do not count towards our line of {USCE_MINIMAL_BELOW}."
    safer_start, later_start = months_from(letters_day, -needed), months_from(confirmed, -needed)
    if safer_start >= today or (confirmed > letters_day and later_start >= today):
        on_time = safer_start >= today
        start = safer_start if on_time else later_start
        # The plan's own step for US months, while it is ahead and in time,
        # says it; once past, the guide's section starts here, and so does
        # the plan, dated today.  A reapplicant's, moved after the choice of
        # lane, may fall after the last day to start.
        arrange_now = plan_row is None or not today.isoformat() <= plan_row["date"] <= start.isoformat()
        due = f"the row “{REQUEST_LETTERS}”, {shown_date(letters)}" if on_time else f"the row “{USCE_LETTERS}”, {confirmed_shown}"
        last = _item(
            start,
            USCE_START,
            # Short sentences, action first (planner audit s54, 7).
            f"Start by about this day. Then {need}, back to back, end by {due}. The day is our count, with "
            f"{USCE_MINIMAL_BELOW} months as our line. "
            + (
                "Ask the physician who supervises each block for a letter as it ends."
                if on_time
                else "Start later, and this application would go without US letters."
            ),
            (ARTICLE_IMG if on_time else ARTICLE_ORTHO).cite(),
            estimated=False,
        )
        # Our own count sets the day, whatever the season's estimates.
        last["estimated_ours"] = True
        rows = [last]
        if on_time:
            letters["detail"] += (
                " Your US letters come from your hands-on US months: ask the physician who supervises each block as it ends."
            )
        else:
            rows.append(
                _item(
                    confirmed,
                    USCE_LETTERS,
                    f"Your US months end by this day. The orthopaedics article wants your letters confirmed about "
                    f"{cycle.LETTERS_CONFIRMED_MONTHS} months before you submit. The row “{REQUEST_LETTERS}” follows the IMG "
                    "article's earlier, safer clock. Your US months cannot meet it, so this later day is the one left. "
                    "Ask the physician who supervises each block for a letter as it ends, and tell each "
                    "writer which specialty it is for.",
                    ARTICLE_ORTHO.cite(),
                    estimated=submission_estimated,
                )
            )
            # Short sentences, where one ran to 43 words (diff review s54b, 11).
            letters["detail"] += (
                f" With {have}, your US months cannot end by this day. Ask the physician who supervises each block "
                f"for a letter as it ends. Have them by the row “{USCE_LETTERS}”, {confirmed_shown}."
            )
            # A step the reader cannot take on its day leads neither the
            # headline nor the table (planner audit s54, 2).
            letters["held_back"] = True
        if not arrange_now:
            return UsMonths(rows)
        arrange = _item(
            today,
            USCE_ARRANGE,
            f"{answered} US letters come from the US physicians who watch you work. Arrange {need} now; observerships "
            f"do not count. {line} They have to end before your letters are due. Start them by the row “{USCE_START}”. "
            f"{tail}",
            ARTICLE_IMG.cite(),
            estimated=False,
        )
        shown_start = long_date(start)
        ends = shown_date(letters) if on_time else confirmed_shown
        return UsMonths(
            [arrange, *rows],
            said=f"Start US months by {shown_start} (our estimate), to end by {ends}. ",
            heard=f"Start US months by {shown_start}, our estimate. ",
        )
    # Too late even for the later clock: the guide's judgment, said as ours.
    later = cycle.season(match_year + 1)["submissions_open"]
    which = "an" if reapplying else "a first"
    # Said by the row and the note alike, in short sentences, where they ran
    # to 40-42 words (diff review s54b, 11).
    cannot = (
        f"{answered} The {need} you need can no longer end by {confirmed_shown}. That is about "
        f"{cycle.LETTERS_CONFIRMED_MONTHS} months before you submit"
    )
    arrange = _item(
        today,
        USCE_ARRANGE,
        f"{cannot}. So this application would go without US letters, and {SEASON_LATER} (our reading). Arrange them "
        f"now for the season you choose; observerships do not count. {line} {tail}",
        cited_together(ARTICLE_IMG, ARTICLE_ORTHO),
        estimated=False,
    )
    letters["detail"] += (
        f" With {have}, your US months cannot end before this season's letters are due. See the row “{USCE_ARRANGE}”."
    )
    letters["held_back"] = True
    note = (
        f"{cannot}, when the orthopaedics article wants your letters "
        "confirmed. So this application would go without US letters. Our reading, not the articles': "
        f"{SEASON_LATER}, for the Match {match_year + 1}, than to send {which} application with no US letters. To plan "
        f"that season, enter a date such as {later.shown()} in “{date_label}”."
    )
    return UsMonths(
        [arrange],
        note=note,
        lead=f"Your US months cannot end before letters are due: applying for the Match {match_year + 1} may be wiser (our reading). ",
    )


# Named in the result, which points to it (ESL audit s35, 19).
INCLUDE_PAST_LABEL = "Include past milestones in the calendar file"
# Printed whole, the timeline's page ran to some 10,000 words: the form, the
# method (opened for paper) and the guide's text around the plan.  The button
# marks the page while its print runs (print-sections.js), and calculators.css
# leaves those off paper; the browser's own Print is unchanged (planner audit
# s54, 7).
PRINT_PLAN = "Print only my plan"
PRINT_PLAN_SAID = (
    "It prints the notes and the table, without the form, the method and the guide around them. Your browser's own "
    "Print command prints the whole page."
)

FIELDS = (
    DateField(
        name="today",
        label="Today's date",
        initial=BUILD_TODAY,
        earliest=dt.date(2024, 1, 1),
        latest=dt.date(2040, 12, 31),
        help="Filled in from your device, again at each visit; milestones before it are marked as past.",
    ),
    DateField(
        name="eras_submission",
        label="ERAS submission date",
        initial=None,
        optional=True,
        earliest=dt.date(2024, 1, 1),
        latest=dt.date(2040, 12, 31),
        # A reader who had applied met "when you plan to send", which did not
        # fit them (interview audit s56, 5).
        help="When you plan to send your application to programs. Already applied? Enter the day you submitted. "
        "Leave it empty for the first day of the next season you can still apply to on time, or, if you answer "
        "below that you applied this season, for that season.",
    ),
    # The shared answer, as the five calculators with mid-season notes ask
    # it: said "Yes" there, a reader with no date here was planned the next
    # Match, and read that as "my season is over" (interview audit s56, 5).
    profile.APPLIED_THIS_SEASON,
    BoolField(
        name="dual_applying",
        label="I am dual applying",
        initial=True,
        help="Adds the backup specialty's rotations, letters and statement.",
    ),
    replace(
        profile.PREVIOUSLY_UNMATCHED,
        help="For an application still to send: adds a debrief a week after the Match Day you did not match on and "
        "a reapply-or-pivot decision two weeks after it, and moves earlier preparation after that decision.",
    ),
    profile.APPLICANT_TYPE,
    replace(profile.NEEDS_VISA, help=f"{profile.NEEDS_VISA.help} Adds a step for the visa, Step 3 and their lead times."),
    # Asked here alone: only this plan dates Step 3 (h1bvisa audit s47, 2).
    # The form shows no input on a condition, so it is asked of everyone, and
    # used where the plan dates Step 3: with a visa, or after a no-match.
    BoolField(
        name="step3_passed",
        label=STEP3_PASSED_LABEL,
        help="Drops the rows that date sitting Step 3 (with a visa, or after a no-match) and marks the H-1B's Step 3 row done.",
    ),
    HANDS_ON_MONTHS,
    BoolField(
        name="include_past",
        label=INCLUDE_PAST_LABEL,
        help="Off: the download holds only what is still ahead of you.",
        screen_only=True,
    ),
)
# The form's labels, by field, as the notes name the boxes.
LABELS = {f.name: f.label for f in FIELDS}


def default_submission(today: dt.date) -> dt.date:
    """The opening day of the next season still open on time, or today if it is already open."""
    dates = cycle.season(cycle.next_open_season(today))
    return max(today, dates["submissions_open"].date)


def applied_submission(values: Mapping[str, object], today: dt.date) -> dt.date | None:
    """For a reader who answered that they applied in the season under
    review on ``today``, and gave no date: the first day that season's
    applications could go, so the plan is the one a past date gives.  None
    otherwise, and the plan is as it was (interview audit s56, 5)."""
    answer = profile.season_answer(values, today)
    if answer is None or not answer[1]:
        return None
    return cycle.season(answer[0])["submissions_open"].date


def applied_note(match_year: int, submission: dt.date, estimated: bool) -> str:
    """Why a plan with no date given is for the season the reader applied in."""
    return (
        f"{profile.answered(match_year, True)}, so this plan is for that season. With no date given, it counts from "
        f"{long_date(submission)}{' (estimated)' if estimated else ''}, the first day applications could go. Enter "
        "the day you submitted for your own dates."
    )


COMMIT_TO_DUAL = "Last point to commit to dual applying"
# Steps of months, not weeks: clinical experience, rotations and their
# letters (the early steps that are not decisions).  Within SHORT_RUN_UP_DAYS
# of submitting they are not said to come first (season-now audit s31, 3).
# Not the visa check: which programs sponsor a visa takes days to learn and
# decides where the applications go, so a late starter does it first (ui-check
# audit s37, 3).
# An IMG's Step 2 CK is months of study too: for a reader submitting within
# days, "do what still fits" would have asked for the exam in that time, and
# so would it of Step 3's ten weeks of FSMB, test date and result (diff review
# s51, 4), which its row says not to hold the application back for.
MONTHS_OF_WORK = frozenset(
    {s.title for s in STEPS if s.anchor == "preparation" and not s.deciding and s.title not in VISA_STEPS}
    | {STEP2_SCORE, DO_EXAMS, STEP3_AFTER_NO_MATCH}
    # Arranging US months is months of work too: late in a season under
    # review it is not the step to lead with (planner audit s54, 2).
    | {USCE_ARRANGE}
)
SHORT_RUN_UP_DAYS = 42
# A submission after programs began reviewing, planned on a day when they
# already are: the plan counted its reviews two months back from the day the
# reader typed, and so held the application back for weeks that cost
# interviews (late-season audit s39, 3).  Its steps still ahead are dated
# today instead, to be done beside sending it.
DO_NOW_NOTE = (
    "Dated today, not weeks ahead: programs are already reviewing this season's applications. So do this now, "
    "alongside sending your application. Do not hold the application back for it."
)
LONGER_WORK_NOTE = (
    "Programs are already reviewing this season's applications, so this date has in effect come. It is longer "
    "work: do not hold your application back for it. Do what you can of it alongside. Build the rest into your "
    "plan for the next season if this one does not work out."
)
# In place of both notes above when an application sent today would itself
# come too late for an interview: "alongside sending your application" told
# the reader to send one the plan had just called too late (date sweep s40, 2).
TOO_LATE_NOW_NOTE = (
    "Dated today, not weeks ahead: programs are already reviewing this season's applications. One sent now is "
    "unlikely to lead to an interview before the rank lists close (see the notes above the plan). If you still send "
    "it, do this first; if not, build it into your plan for the next season."
)
# What ticking "I am dual applying" adds, named in the result so the reader
# sees how that input moved the plan.
DUAL_TITLES = (*(s.title for s in STEPS if s.when == "dual"), COMMIT_TO_DUAL)


EXAMS_CONFIRMED = "IMGs: ECFMG must have verified your requirements"
# One statement of when, on this row and in the guides: Match Day is a date
# some programs set, before which this plan's own date already falls, so it
# is not "sooner" (visa-psych audit s41, 2).
# In short sentences, its citations in Source: at up to 277 words, with
# sentences of 47-109, it was among the longest rows on paper (planner
# audit s54, 7).
H1B_STEP3_GATE = (
    "a program can file your petition only with your Step 3 pass in hand (US law). It can file no earlier than six "
    "months before you start (immigration lawyers). Some programs want the pass by Match Day. One department of "
    f"medicine asked for all three Steps by then ({PITT_H1B_STEP3.publisher}). This plan asks for it by the "
    "rank-list deadline, our own choice. Then, when programs rank you, they know which visa they could offer"
)
H1B_STEP3_WHY = f"If you hope for an H-1B: {H1B_STEP3_GATE}"
# "If you hope for" made Step 3 optional to a reader for whom the H-1B is the
# only visa (diffreview48 audit s48, 7).
H1B_STEP3_WHY_H1B_ONLY = f"For the H-1B you need: {H1B_STEP3_GATE}"
# Said once: with too little time left, STEP3_TOO_CLOSE says both again,
# dated (new-words audit s40, 11).
# A reader who cannot take a J-1 met only "the J-1 is the route left"
# (surgprelim audit s45, 1): NO_J1 is their branch.
NO_J1 = (
    "No J-1 for you? Rank only programs that have said they will file an H-1B for you and can wait for your pass. "
    "If none can, this Match holds no position you can start."
)
H1B_STEP3_ASK = f". Ask each program for its own date. Without the pass in time, the J-1 is the route left. {NO_J1}"
# The FSMB's weeks are said on the apply row; said here again, the two rows
# repeated each other (diff review s41, 4).
H1B_STEP3_LEAD = f" The row “{H1B_STEP3_APPLY}” dates the last application to the FSMB that leaves time for a result."
# The plan dates the pass after submission, for programs to see it when they
# rank, and never said how it reaches them (h1bvisa audit s47, 1).
H1B_STEP3_SEEN = (
    " Programs see your USMLE results in the transcript ERAS sends them (AAMC). Once the pass is reported, check in "
    "MyERAS that the programs you applied to get the new one. Tell those that said they would file an H-1B for you."
)
H1B_STEP3_DETAIL = H1B_STEP3_WHY + H1B_STEP3_ASK + H1B_STEP3_LEAD + H1B_STEP3_SEEN
# For a reader who cannot take a J-1, the row offers no J-1 (h1bvisa audit
# s47, 2): the assess guide's branch, as the visa step words it.
NO_J1_RANK = (
    "You cannot take a J-1, so rank only programs that have said they will file an H-1B for you and can wait for your pass"
)
NO_J1_OWN = f"{NO_J1_RANK}. Without the pass in time no program can file, and this Match holds no position you could start."
H1B_STEP3_ASK_H1B_ONLY = f". Ask each program for its own date. {NO_J1_OWN}"
H1B_STEP3_DETAIL_H1B_ONLY = H1B_STEP3_WHY_H1B_ONLY + H1B_STEP3_ASK_H1B_ONLY + H1B_STEP3_LEAD + H1B_STEP3_SEEN
# Asked once, "Step 3 already passed" drops the apply-by row, which a reader
# who had passed last year met as a calendar event (h1bvisa audit s47, 2),
# and this row says what is left.
H1B_STEP3_DONE = (
    "Done, as you answered: you have passed Step 3. A program needs it before it can file your H-1B petition (US "
    "law). It can file no earlier than six months before you start. What is left is that programs see it."
)
NO_J1_PASSED_RANK = (
    "rank only programs that have said they will file an H-1B for you. If none has, this Match holds no position you could start."
)
NO_J1_PASSED = f" You cannot take a J-1, so {NO_J1_PASSED_RANK}"
# A reader who can take either visa is sent here by the visa step and its
# note ("no J-1 for you? see the Step 3 row"), which found nothing once the
# box was ticked (diffreview48 audit s48, 8).
NO_J1_PASSED_EITHER = f" No J-1 for you? {capitalised(NO_J1_PASSED_RANK)}"
# "Once the pass is reported ... get the new one" fitted a pass still to come,
# not one from a past year (diffreview48 audit s48, 8).
H1B_STEP3_SEEN_PASSED = (
    " Programs see your USMLE results in the transcript ERAS sends them (AAMC). Check in MyERAS that the transcript "
    "the programs you apply to receive shows your pass. Tell those that said they would file an H-1B for you."
)
# The row's sources, in the order it speaks of them.
H1B_STEP3_SOURCES = (INA_H1B, PETITION_WHEN_FILED, PITT_H1B_STEP3, data.ERAS_DOCUMENTS)
H1B_STEP3_PASSED_SOURCES = (INA_H1B, PETITION_WHEN_FILED, data.ERAS_DOCUMENTS)


def step3_last_test(match_year: int, deadline: dt.date) -> dt.date:
    """The latest test day whose result should be in by the rank-list
    deadline: four weeks before it, and no later than the last day of the year
    before the Match, since January and February results have been held to
    mid or late March (STEP3_SCORE_DELAY)."""
    return min(dt.date(match_year - 1, 12, 31), deadline - dt.timedelta(weeks=STEP3_RESULT_WEEKS))


def step3_apply_by(match_year: int, deadline: dt.date, verified: bool = False) -> dt.date:
    """The last day to apply to the FSMB that leaves the chain's weeks before
    that test; ``verified``: for a graduate whose graduation the FSMB has
    verified already, who waits for the permit alone."""
    fsmb = STEP3_PERMIT_WEEKS if verified else STEP3_FSMB_WEEKS
    return step3_last_test(match_year, deadline) - dt.timedelta(weeks=fsmb + STEP3_SEAT_WEEKS)


# For a reader who cannot take a J-1, Step 3 is no choice to weigh "if you
# will sit" it: without the pass no program can file, so no Step 3 is no safe
# default, and sitting it unready is the other side of a trade (diffreview48
# audit s48, 7).  The law is cited on the row it points to.
STEP3_APPLY_LEAD_H1B_ONLY = (
    "Apply to the FSMB by about this day: you cannot take a J-1, so you need Step 3 for any position this Match."
)
STEP3_READY = "Sit it when your practice scores say you will pass, since a failure can do more harm than no Step 3."
STEP3_READY_H1B_ONLY = (
    "Sit it when your practice scores say you will pass. For you that is a trade, not a safe wait. A failure can do "
    "more harm than no Step 3, but no pass in time means no position this Match."
)


# The plan's first word of ECFMG certification was the rank-list deadline,
# months after the day an IMG on the H-1B route must apply for Step 3, which
# the FSMB takes only from a certified IMG (planner audit s54, 1).  Dated on
# the last day to apply, as the FSMB's rule dates it; how long ECFMG takes to
# certify is in none of our sources, so the row gives no earlier day.
H1B_CERTIFIED = "H-1B: ECFMG certification before you apply for Step 3"


def h1b_certified_detail(verified_by: dt.date) -> str:
    """The certification row's words; ``verified_by``: the later last day to
    apply for Step 3 of a graduate the FSMB has verified already.  The
    Pathways' own earlier closing, which the IMG row cites, is said here too:
    the row's day is the last possible one (diff review s54, 5)."""
    return (
        "Not certified by ECFMG yet? The FSMB takes an IMG's Step 3 application only after ECFMG certification "
        f"(FSMB). So have it by the day you apply: this day, or about {long_date(verified_by)} if the FSMB has "
        "verified your graduation already. Among its requirements: USMLE Step 1 and Step 2 CK passed. The clinical "
        "and communication skills requirements must be met too, through an ECFMG Pathway with OET Medicine "
        f"(ECFMG, {ECFMG_PATHWAYS.year}). Some Pathways take only recent graduates (the Assess guide's “Years since "
        "graduation”). Pathway applications close months before this day: check ECFMG's dates for your Match "
        "year. Our sources do not say how long certifying takes: start early (our advice)."
    )


def h1b_step3_apply_detail(last_test: dt.date, verified_by: dt.date, h1b_only: bool = False) -> str:
    """The apply-by row's words, what to do first: the chain behind the day
    came before it, and the row ran to nearly 300 words (new-words audit s41, 5).
    ``h1b_only``: for a reader who cannot take a J-1."""
    # Action first, in short sentences, its citations in Source: at up to
    # 259 words, with a sentence of 71, it was among the longest rows on
    # paper (planner audit s54, 7).
    lead = STEP3_APPLY_LEAD_H1B_ONLY if h1b_only else "Apply to the FSMB by about this day if you will sit Step 3 for an H-1B."
    return (
        f"{lead} The result can then be in by the row “{H1B_STEP3}”{', which says why' if h1b_only else ''}. "
        f"The day leaves up to {STEP3_VERIFY_WEEKS} weeks for the FSMB to verify graduation, which it "
        f"says can take that long after you graduate. Then about {STEP3_PERMIT_WEEKS} weeks for the permit (FSMB). "
        "Graduated earlier? Ask the FSMB before you apply whether your graduation is verified. If it is, you have "
        f"until about {long_date(verified_by)}. If it cannot say, keep to this day. Then about {STEP3_SEAT_WEEKS} "
        f"weeks to find a test date (our own assumption). Test by {long_date(last_test)}: the result usually comes "
        f"within {STEP3_RESULT_WEEKS} weeks. January and February results have been held to mid or late March (FSMB "
        "and ECFMG). You can apply once you have graduated and ECFMG has certified you. Certified already? Then you can "
        f"apply now. Not yet? See the row “{H1B_CERTIFIED}”. "
        f"{STEP3_READY_H1B_ONLY if h1b_only else STEP3_READY} Read each program's published visa policy before you book."
    )


# A reader who had passed Step 3 read "plan on the J-1" as meant for them, as
# the Step 2 CK row's reader with a score reported does not (reapply-anes
# audit s42, 2); the box the plan has had since (h1bvisa audit s47, 2) makes
# the row say what is left.
STEP3_PASSED = f"Passed Step 3 already? Tick “{STEP3_PASSED_LABEL}” in the plan's form."
STEP3_TOO_CLOSE_LEAD = (
    f"{STEP3_PASSED} If not, from today there is probably too little time for the FSMB's weeks, a test date and a "
    "result. That holds unless your FSMB application is in. First, ask each program for its date before you book."
)
STEP3_TOO_CLOSE = f"{STEP3_TOO_CLOSE_LEAD} If it cannot be met, plan on the J-1 for this Match. {NO_J1}"
STEP3_TOO_CLOSE_H1B_ONLY = (
    # It had lost the "rank only" of the row it replaces (diffreview48 audit s48, 9).
    f"{STEP3_TOO_CLOSE_LEAD} {NO_J1_RANK}. If that date cannot be met, no program can file for you, and this Match "
    "holds no position you could start."
)
# Said on the rank-list deadline's row alone, the check came when a lapsed
# Pathway could no longer be revalidated for this Match (visa-psych audit s41, 3).
PATHWAY_REVALIDATION = (
    "If it runs out first, use ECFMG's Pathways Revalidation, for an expired or expiring Pathway. Its application "
    "closes each season (ECFMG): check ECFMG's dates for your Match year."
)
# Early, and short: the row (which the calendar file carries) says it in
# full; the note said it again in other words (diff review s41, 4).
# Its citation at the end, where in the middle it made a sentence of 77 words
# (planner audit s54, 7).
PATHWAY_EXPIRY_NOTE = (
    "Certified by ECFMG through a Pathway already? Such a certificate carries an expiry date until 12 months of "
    "accredited US training make it permanent. Check that date now, not at the rank-list deadline. The row "
    f"“{EXAMS_CONFIRMED}” says what to do if it runs out first. Source: {ECFMG_PERMANENT_VALIDATION.cite()}."
)
# A fact, not an order ("last day to withdraw" read as advice to), and the
# action first (new-words audit s41, 5).
# Registration's last day has its own row on the same date (diff review s41, 3).
US_SENIOR_WITHDRAW = "US MD/DO seniors: the NRMP's last day to withdraw"
US_SENIOR_WITHDRAW_DETAIL = (
    "Weighing a research year by staying in medical school another year? Decide it with your dean's office before "
    "this day. It is the NRMP's last day to withdraw from the Match (NRMP). By it, your school confirms that you can "
    "start training on 1 July. Once it passes, you stay in the Match, and a match from your list binds you. The "
    "other route, graduating and doing the year after the Match and SOAP, can wait for Match Week."
)
# After Match Day the J-1's paperwork fills the weeks to the start of
# training, which the plan ended before (visa-oldgrad audit s39, 2).  No
# source dates these steps beyond ECFMG's processing time, so they are said
# on the Match Day row rather than given days of their own.
# A reader matched to an advanced program and a linked first year holds two
# programs, often two sponsors: which specialty the statement names, and
# whether the step into the advanced field uses the J-1's one change of
# specialty, no source we read says, so they are ECFMG's questions; that the
# second employer files its own H-1B petition is sourced (anesadv audit s46, 1).
# The rest is in the Assess guide.  In short sentences, its citations in
# Source: at up to 299 words, the Match Day row was the longest on paper
# (planner audit s54, 7).
J1_AFTER_MATCH = (
    "For a J-1, the weeks from here to the start of training hold its paperwork. Ask your health ministry for a "
    "Statement of Need naming the exact specialty you matched or SOAPed into. That is the ministry of the country "
    "where you last held permanent residence. Some countries want your US contract first: India's consulates in "
    "the US list it among the documents for the bond that goes with the statement. Matched to an advanced program "
    "and a first year? Ask ECFMG first which specialty to name. Ask too whether moving into the advanced field uses "
    "your one change of specialty. Your program's Training Program Liaison starts the ECFMG application. It takes "
    "about four to six weeks once every document is in (ECFMG). Then comes the visa interview at a US consulate, "
    "whose waits vary from post to post."
)
J1_AFTER_MATCH_SOURCES = (INDIA_STATEMENT_OF_NEED, ECFMG_STATEMENT_OF_NEED, ECFMG_J1_FEES)
# Alone for a reader who cannot take a J-1 (h1bvisa audit s47, 2).
H1B_AFTER_MATCH = (
    "For an H-1B, ask the program when it will file your petition and what it needs from you. After a first year "
    "elsewhere, the advanced program's employer files a petition of its own (USCIS)."
)
VISA_AFTER_MATCH = f"{J1_AFTER_MATCH} {H1B_AFTER_MATCH}"
H1B_AFTER_MATCH_SOURCES = (data.H1B_CHANGE_OF_EMPLOYER,)
VISA_AFTER_MATCH_SOURCES = (*J1_AFTER_MATCH_SOURCES, *H1B_AFTER_MATCH_SOURCES)


# What the rank-list deadline's row adds to certifying, said to every reader
# as the plan does not ask who ranks as a couple or in an advanced field.
# A couple following the plan was never sent to the couples rules, and a
# couple not linked and paid by the deadline, or with lists of different
# lengths, is not a couple in the Match; no input needed, as the calendar
# file is what people carry (couples audit s43, 4).
# In short sentences, their citations in Source, where the row ran to 230
# words with sentences of 66-68 (planner audit s54, 7).
RANK_LIST_AS_A_COUPLE = (
    ". Matching as a couple? One of you sends the couple request in the NRMP's system, and the other accepts it. "
    "Both couple fees must be paid. Your two lists are read side by side, in pairs, so they need the same number of "
    "ranks (NRMP). The rest is under “Ranking as a couple” on the guide page “The rank order list”"
)
# A reader in an advanced field learned of the supplemental lists in the
# guide alone, and not that a first year on one is no fallback (derm-usmd
# audit s43, 2 and 11).
RANK_LIST_SUPPLEMENTAL = (
    ". Ranking advanced (PGY-2) programs? Certify by then the supplemental lists of first-year programs linked to "
    "them too. The NRMP uses one only after a match to an advanced program it is linked to. So a first year you "
    "would take on its own goes on the primary list too"
)


def reserved_and_advanced_starts(match_year: int) -> str:
    """When the places a reader in a US first year ranks would start: the
    choice between them is a choice of year, which the plan never dated
    (pgy1res audit s46, 8).  Said to every reader, as the plan asks no field,
    after the supplemental lists such a reader does not need."""
    return (
        ". In or past a US first year already? You need no supplemental lists. A reserved (physician) PGY-2 place "
        f"from this Match starts on {long_date(cycle.training_starts(match_year))}. An advanced one starts on "
        f"{long_date(cycle.training_starts(match_year, advanced=True))}, a year later"
    )


# The deadline row's sources after the day's own, in the order it speaks of them.
RANK_LIST_SOURCES = (data.NRMP_COUPLES, data.NRMP_ALGORITHM, data.NRMP_POSITION_TYPES)


# The hour is the 2026 calendar's, not this date's: "on this day" read as if
# the estimate were that calendar's date (reapply-anes audit s42, 6).
RANK_LIST_HOUR = (
    f". The NRMP's Main Residency Match calendar for Match {data.RANK_DEADLINE_HOUR_SEEN[1]} closed lists at "
    f"{data.RANK_DEADLINE_HOUR_SEEN[0]} on its deadline day. Expect about the same hour this season, and check it."
)


# Where the SOAP page's section for a reader SOAP does not take is, from the plan.
NOT_ELIGIBLE_WHERE = "on the guide page “SOAP and a non-residency Plan B”"


def _in_match_week(row: PlanItem, soap_ends: cycle.SeasonDate, today: dt.date) -> None:
    """The Match Week row from its Monday to SOAP's last day: a stretch, under
    way after its first day, with that day's steps as the SOAP page gives them
    and their sources in the row's Source.  A single day, it was marked past
    from the Tuesday and gave no steps, in the week that matters most (diff
    review s55b, 3).  On other days the row is as it was."""
    steps = cycle.soap_week_steps(today, NOT_ELIGIBLE_WHERE)
    # Monday's first step is for every reader; the later days' are for one in SOAP.
    lead = "Here are" if row["date"] == today.isoformat() else "In SOAP? Here are"
    row["detail"] += f" {lead} our steps for {long_date(today)}. " + " ".join(
        cycle.soap_step_said(step, brief=True) for step in steps
    )
    row["source"] = SOURCES_APART.join([row["source"], *cycle.soap_step_sources(steps)])
    row["until"] = soap_ends.date.isoformat()
    if soap_ends.estimated:
        row["until_estimated"] = True


def _season_milestones(
    match_year: int,
    dual: bool,
    submission: dt.date,
    today: dt.date,
    submission_estimated: bool = False,
    img: bool = True,
    visa: bool = False,
    reviewing_before_submission: bool = False,
    do_now: str = DO_NOW_NOTE,
    deciding: str = DECIDE_DUAL,
    may_be_open: bool = False,
    almost_closed: bool = False,
    us_graduate: bool = False,
    h1b_only: bool = False,
    step3_passed: bool = False,
) -> list[PlanItem]:
    """The season's dates; ``visa`` for an IMG who needs one (the H-1B's Step 3 and the J-1 after Match Day);
    ``h1b_only`` for one who cannot take a J-1; ``step3_passed`` for one who has passed Step 3 already;
    ``us_graduate`` for a US MD or DO, whose school confirms a senior's graduation by the rank-list deadline;
    ``reviewing_before_submission`` for a submission late in a season already under review, whose last point to commit is today."""
    dates = cycle.season(match_year)
    # ``may_be_open``: past our estimate of the deadline, set early on
    # purpose, the NRMP's may still be ahead; its rows say so, as the
    # catch-up note does, where they said "closed" and "could not match"
    # (date sweep s40, 1).
    deadline = dates["rank_deadline"]
    after_match, after_match_sources = (
        (H1B_AFTER_MATCH, H1B_AFTER_MATCH_SOURCES) if h1b_only else (VISA_AFTER_MATCH, VISA_AFTER_MATCH_SOURCES)
    )
    details = {
        "eras_opens": "Register and start filling in MyERAS; letters and documents can be uploaded from this date.",
        "submissions_open": "The first day applications can go to programs.",
        "programs_receive": "Programs start reading applications: have yours submitted by this date.",
        "registration_opens": "Register for the Match with the NRMP: a registration of its own, apart from ERAS.",
        "early_registration_ends": "Register by this date: the NRMP charges a late fee after it.",
        "ranking_opens": "You can enter your rank order list from this date; it counts only once certified.",
        "rank_deadline": (f"{capitalised(cycle.estimate_passed(deadline, 'this deadline'))}. " if may_be_open else "")
        + "Certify one rank order list in true order of preference"
        + (", across both specialties" if dual else "")
        + RANK_LIST_AS_A_COUPLE
        + RANK_LIST_SUPPLEMENTAL
        + reserved_and_advanced_starts(match_year)
        + RANK_LIST_HOUR,
        # A couple with one partner matched read "not where" of both, and would
        # spend the other's SOAP applications blind (couples-soap audit s39, 2).
        "match_week": "You learn on Monday whether you matched, not where; SOAP opens for eligible applicants. "
        "Partially matched, or a couple partner whose partner did not match? You also see the matched program's city, "
        "state and ZIP code on Monday (NRMP).",
        "soap_ends": "The last SOAP offers are made.",
        # The plan ends here, and an IMG's last step before training is not a date of ours (timeline audit s36, 8).
        "match_day": "Results are released: where you matched. If you are an IMG, you need ECFMG certification "
        "before you start training (ECFMG)." + (f" {after_match}" if visa else ""),
    }
    # Sources named briefly in a row's words, after the day's own in its
    # Source (planner audit s54, 7).
    also: dict[str, tuple[Source, ...]] = {
        "rank_deadline": RANK_LIST_SOURCES,
        "match_week": (NRMP_MATCHED_LOCATION,),
        "match_day": (ECFMG_BOOKLET, *(after_match_sources if visa else ())),
    }
    out: list[PlanItem] = []
    for key, text in details.items():
        day = dates[key]
        if key == "submissions_open" and day.date == submission:
            continue  # the "Submit ERAS" step already sits on this date
        out.append(
            {
                "date": day.date.isoformat(),
                "title": day.label,
                "detail": text,
                "source": SOURCES_APART.join([day.cite(), *(source.cite() for source in also.get(key, ()))]),
                "estimated": day.estimated,
                "estimated_early": day.estimated_early,
            }
        )
        if key == "match_week" and day.date <= today <= dates["soap_ends"].date:
            _in_match_week(out[-1], dates["soap_ends"], today)
    # In the deadline's detail alone, the one condition that decides whether
    # an IMG's list is used at all was out of sight in the table and the
    # calendar's titles (timeline audit s36, 3); a US graduate's plan has no
    # such row (diff review s36, 9).
    if img:
        out.append(
            {
                "date": deadline.date.isoformat(),
                "title": EXAMS_CONFIRMED,
                # In short sentences, its citations in Source: at 253 words,
                # with sentences of 43-70, it was among the longest rows on
                # paper (planner audit s54, 7).
                "detail": "ECFMG must have verified to the NRMP by this date, the rank-list deadline, that you meet the "
                "requirements for ECFMG certification (NRMP). These are the exams (USMLE Step 1 and Step 2 CK) and the "
                "clinical and communication skills requirements. Otherwise you are withdrawn from the Match and cannot "
                "take part in SOAP. ECFMG's Pathways, with OET Medicine, met those skills requirements for the Match of "
                f"the latest page we read (ECFMG, {ECFMG_PATHWAYS.year}). Check ECFMG's requirements for your Match year. A "
                "score or Pathway still pending close to this date may come too late. Allow for the time each takes to "
                "reach ECFMG. "
                # Said on the no-match guide only, where a reapplicant
                # planning a later season would not see it (reapplicant audit s40, 4).
                # Said in the note above the plan too, while it is shown, but
                # kept here: the calendar file carries the row, not the note.
                "Certified already, through a Pathway? Such a certificate carries an expiry date until 12 months of "
                "accredited US training make it permanent. Check that date against the start of training this Match "
                f"leads to. {PATHWAY_REVALIDATION}",
                "source": cited_together(
                    NRMP_ECFMG_REQUIREMENTS, ECFMG_PATHWAYS, ECFMG_PERMANENT_VALIDATION, ECFMG_PATHWAYS_REVALIDATION
                ),
                "estimated": deadline.estimated,
                "estimated_early": deadline.estimated_early,
            }
        )
    # Step 3 lived only in the visa check's words, fifteen months early, with
    # no day of its own in the table or the calendar (visa-oldgrad audit s39, 4).
    if visa:
        # A day to act on, not only the day to have the pass by: the row gave
        # lead times and no date, and its warning came only inside the FSMB's
        # own weeks (visa-psych audit s41, 1).
        last_test = step3_last_test(match_year, deadline.date)
        apply_by = step3_apply_by(match_year, deadline.date)
        verified_by = step3_apply_by(match_year, deadline.date, verified=True)
        if not step3_passed:
            certified = _item(
                apply_by,
                H1B_CERTIFIED,
                h1b_certified_detail(verified_by),
                cited_together(FSMB_STEP3, ECFMG_PATHWAYS),
                estimated=True,
            )
            apply = _item(
                apply_by,
                H1B_STEP3_APPLY,
                h1b_step3_apply_detail(last_test, verified_by, h1b_only),
                cited_together(FSMB_STEP3, STEP3_SCORE_DELAY),
                estimated=True,
            )
            for row in (certified, apply):
                # Our own four weeks to find a test date set this day, whether
                # or not the deadline's estimate does (planner audit s54, 9).
                row["estimated_ours"] = True
            # Not the headline's next step: a certified reader has nothing to
            # do on it, and the apply row, on the same day, points to it.
            certified["held_back"] = True
            out += [certified, apply]
        too_close = STEP3_TOO_CLOSE_H1B_ONLY if h1b_only else STEP3_TOO_CLOSE
        out.append(
            {
                "date": deadline.date.isoformat(),
                "title": H1B_STEP3,
                "detail": H1B_STEP3_DONE + H1B_STEP3_SEEN_PASSED + (NO_J1_PASSED if h1b_only else NO_J1_PASSED_EITHER)
                if step3_passed
                # Without the apply-by row's pointer: that day is past here.
                else f"{H1B_STEP3_WHY_H1B_ONLY if h1b_only else H1B_STEP3_WHY}. {too_close}{H1B_STEP3_SEEN}"
                if verified_by < today <= deadline.date
                else H1B_STEP3_DETAIL_H1B_ONLY
                if h1b_only
                else H1B_STEP3_DETAIL,
                "source": cited_together(*(H1B_STEP3_PASSED_SOURCES if step3_passed else H1B_STEP3_SOURCES)),
                "estimated": deadline.estimated,
                "estimated_early": deadline.estimated_early,
            }
        )
    # A US senior who would rather extend school for a research year learned
    # of no day to decide by, and could think it waited for Match Day
    # (usmd-ortho audit s41, 2).
    if us_graduate:
        out.append(
            {
                "date": deadline.date.isoformat(),
                "title": US_SENIOR_WITHDRAW,
                "detail": US_SENIOR_WITHDRAW_DETAIL,
                "source": cited_together(NRMP_WITHDRAWAL_DEADLINE, NRMP_SCHOOL_VERIFICATION),
                "estimated": deadline.estimated,
                "estimated_early": deadline.estimated_early,
            }
        )
    early, late = dates["early_registration_ends"], dates["late_registration_ends"]
    if early.date < max(today, submission):
        # Without a row still ahead, a late applicant saw both registration
        # dates marked past and never registered: the NRMP still takes
        # registrations, with a late fee, until the rank-list deadline.
        if may_be_open:
            detail = (
                f"{capitalised(cycle.estimate_passed(late, 'this day'))}. If you have not registered with the NRMP "
                "yet, do it at once, with the late fee: an applicant who is not registered cannot match."
            )
        elif almost_closed:
            # Past the latest day the NRMP's own deadline can plausibly fall,
            # but before Match Week: "closed on this day" stated our early
            # estimate as the NRMP's (soap audit s55, 3).
            detail = (
                f"Registration has almost certainly closed: this day is our estimate, and {cycle.deadline_gaps_said()}. "
                "An applicant not registered by the NRMP's own deadline could not match this season."
            )
        elif late.date < today:
            # Marked past, the row still said "register now: this is the
            # last day" (fuzz audit s34, F4).
            # Of our estimate, "closed on this day" gave it as the NRMP's own (soap audit s55, 3).
            closed = (
                "Registration has closed, on the NRMP's own rank-list deadline, which this day estimates"
                if late.estimated
                else "Registration closed on this day, the rank-list deadline"
            )
            detail = (
                f"{closed}. After {early.shown()} it was open only with a late fee. An applicant not registered by then "
                "could not match this season."
            )
        elif early.date < today:
            detail = (
                f"Registration without the late fee ended on {early.shown()}. If you have not registered with the "
                "NRMP yet, register now and pay the late fee. This is the last day, the same as the rank-list "
                "deadline. An applicant who is not registered cannot match."
            )
        else:
            detail = (
                f"Registration without the late fee ends on {early.shown()}, before you submit: register by then if "
                "you can. After it the NRMP still takes registrations with a late fee until this day, the same as "
                "the rank-list deadline. Not after: an applicant who is not registered cannot match."
            )
        out.append(
            {
                "date": late.date.isoformat(),
                "title": late.label,
                "detail": detail,
                "source": late.cite(),
                "estimated": late.estimated,
                "estimated_early": late.estimated_early,
            }
        )
    if dual:
        midsummer = dt.date(submission.year, 7, 15)
        latest = min(midsummer, months_from(submission, -2))
        moved = reviewing_before_submission and latest > today
        out.append(
            _item(
                today if moved else latest,
                COMMIT_TO_DUAL,
                # ``deciding``: the step this plan holds, a reapplicant's choice
                # of lane where a first application decides (new-words audit s40, 4).
                "The orthopaedics article's latest point; it says earlier is better. The plan's step "
                f"“{deciding}” is the time to decide. The backup needs letters, a statement and rotations of its own."
                + (f" {do_now}" if moved else ""),
                ARTICLE_ORTHO.cite(),
                # Counted from the submission day when that comes before mid-July.
                estimated=not moved and submission_estimated and latest != midsummer,
            )
        )
    return out


# What the backup needs made before it can be applied to.
BACKUP_WORK = (REQUEST_LETTERS, "Draft the backup statement", BUILD_LISTS)


def _say_what_a_late_commitment_misses(milestones: list[PlanItem]) -> None:
    """The orthopaedics article's latest point usually falls months after the
    plan's own dates for the backup's letters, statement and lists (the IMG
    article's earlier clock); a reader who takes "latest" at its word must
    hear that they have missed those."""
    commit = next((m for m in milestones if m["title"] == COMMIT_TO_DUAL), None)
    if commit is None:
        return
    missed = [m["title"] for m in milestones if m["title"] in BACKUP_WORK and m["date"] < commit["date"]]
    if missed:
        commit["detail"] += (
            f" It comes after this plan's {and_list([f'“{title}”' for title in missed])}. So committing this late "
            # "Only works" said a late backup is worthless, where the guides
            # say a thinner one may still bring interviews (interview audit s56, 6).
            f"works best for a backup you have already prepared. Applied, and short of interviews? {cycle.SHORT_OF_INTERVIEWS}"
        )


def _after_the_choice(
    steps: list[tuple[Step, dt.date]], chosen: dt.date, chosen_estimated: bool, estimated: Mapping[str, bool]
) -> list[Placed]:
    """A reapplicant's preparation, none of it before the day the lane is chosen.

    The steps the debrief and the choice replace are dropped; the others dated
    before the choice are spread evenly, in their order, between the choice
    and the next step still ahead of it that is not ``optional`` (the
    submission at the latest).  A
    step moved between two dates is an estimate when either of them is
    (``estimated``: by anchor); it was left unmarked (print audit s20, 2).
    """
    steps = [(s, day) for s, day in steps if not s.deciding]
    early = [(s, day) for s, day in steps if s.months < 0 and day <= chosen]
    kept = [Placed(s, day, estimated=estimated[s.anchor]) for s, day in steps if (s, day) not in early]
    moved = [s for s, _ in early]
    bound = min((k for k in kept if k.day > chosen and not k.step.optional), key=lambda k: k.day)
    gap = (bound.day - chosen).days
    guessed = chosen_estimated or bound.estimated
    # At least a day after the choice, even when the next step follows it at once.
    spread = [
        Placed(s, chosen + dt.timedelta(days=max(1, (i + 1) * gap // (len(moved) + 1))), MOVED_NOTE, guessed)
        for i, s in enumerate(moved)
    ]
    return [*spread, *kept]


def _no_match_milestones(match_day: cycle.SeasonDate, before: dt.date, by: str) -> list[PlanItem]:
    """The debrief and the choice, after ``match_day``, the no-match taken as of
    ``before`` (said as ``by``)."""
    # The detail names the Match Day taken as the no-match, so a reader whose
    # no-match was earlier sees the assumption and can count from their own.
    # In Match Week its Match Day is still ahead: only "matched or not" is out
    # (date sweep s40, 8).
    which = (
        "the Match whose Match Week has begun (you learn on its Monday whether you matched)"
        if match_day.date > before
        else f"the latest Match whose results were out by {by}"
    )
    return [
        _item(
            match_day.date + dt.timedelta(days=s.days),
            s.title,
            f"{s.detail} Set {counted(s.days, 'day')} after Match Day, taken as {match_day.shown()}: "
            f"{which}. Did not match in an earlier year? Count "
            "from that year's Match Day.",
            s.source.cite(),
            estimated=match_day.estimated,
        )
        for s in AFTER_NO_MATCH
    ]


# The no-match guide plans the year after a no-match over 12-18 months, while
# a plan with no date reapplies in the first September ahead, five months
# after a March no-match: a reader could plan a research year and a
# submission with nothing of it to show (reapplicant-journey audit s38, 6).
NO_MATCH_PLAN_MONTHS = 12


def whole_months(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end``."""
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def _which_season(match_day: cycle.SeasonDate, submission: dt.date, estimated: bool, match_year: int, field_label: str) -> str:
    """For a reapplicant with no date: which season the plan takes, and how to take the one after."""
    months = whole_months(match_day.date, submission)
    planned = (
        f"This plans your reapplication for the next season, submitting on {long_date(submission)}"
        f"{' (estimated)' if estimated else ''}, {counted(months, 'month')} after the Match Day taken as your no-match"
    )
    guide = "the 12–18 months the guide page “If you didn't match” plans over"
    if months >= NO_MATCH_PLAN_MONTHS:
        return f"{planned}: room for {guide}."
    later = cycle.season(match_year + 1)["submissions_open"]
    return (
        f"{planned}; if your plan needs {guide}, enter a September submission a year later, such as "
        f"{later.shown()}, in “{field_label}”, for the Match {match_year + 1}."
    )


def _too_late_for_interviews_note(
    submission: dt.date, today: dt.date, deadline: cycle.SeasonDate, match_year: int, too_late_now: bool
) -> str:
    """Said in place of "many interview places are already given out" when the
    plan's interview season would be gone or shorter than four weeks;
    ``too_late_now`` when an application sent today would be as well."""
    begins = interviews_begin(submission, cycle.season(match_year)["programs_receive"].date)
    room = "no time" if begins >= deadline.date else "fewer than four weeks"
    when = "today" if submission == today else f"on {long_date(submission)}"
    early = cycle.too_late_caveat(match_year, today) if today <= deadline.date else ""
    said = (
        f"An application sent {when} {'was' if submission < today else 'is'} unlikely to lead to an interview before "
        f"the rank lists {cycle.tensed(deadline.date, today, 'close', 'closed')} on {deadline.shown()}: by this site's rule of thumb, not an article's, interviews "
        f"begin about a month after an application goes in, and that leaves {room} for them.{early}"
    )
    later = f"plan for the Match {match_year + 1}, whose applications open on {cycle.season(match_year + 1)['submissions_open'].shown()}"
    if submission < today:
        return f"{said} If few invitations have come, {later}."
    if submission == today:
        return f"{said} Send it if you wish, and {later} beside it."
    if too_late_now:
        return f"{said} Sent today it would come too late as well: {later}."
    return f"{said} {capitalised(send_sooner(submission, today, match_year))}, or {later}."


def send_sooner(submission: dt.date, today: dt.date, match_year: int, heard: bool = False) -> str:
    """The advice for a submission too late for interviews while one sent
    today would not be: the note and the headline say it alike (date sweep
    s40, 2); before the season opens, "now" would be a day no application
    can go.  ``heard``: in the headline, which keeps to 40 words."""
    opens = cycle.season(match_year)["submissions_open"]
    if today < opens.date:
        return f"send it on {opens.shown()}{'' if heard else ', when applications open'}, not on {long_date(submission)}"
    # Short: the headline, heard at each edit, keeps to 40 words.
    return f"send it now, not on {long_date(submission)}"


def _still_open_note(today: dt.date, deadline: cycle.SeasonDate, match_year: int, too_late_now: bool) -> str:
    """To a reader whose submission is behind them while the rank lists are still open;
    ``too_late_now`` when an application sent today could no longer bring an interview."""
    # Not "ERAS takes applications until then": it takes them into SOAP and
    # beyond; what ends is a new application's chance of an interview and a
    # rank (diff review s39, 6).
    closes = cycle.residencycas_deadline(match_year, today)
    rest = f"ResidencyCAS, which {data.RESIDENCYCAS_FIELDS_SAID} programs use, {closes}. {cycle.SHORT_OF_INTERVIEWS}"
    # Too late, the verdict that holds today comes first: after "can still
    # lead to an interview" it read as yes, then no (new-words audit s40, 9).
    if too_late_now:
        early = cycle.too_late_caveat(match_year, today)
        return (
            "Short of interviews? An application sent through ERAS now is unlikely to lead to an interview before the "
            f"rank lists close on {deadline.shown()}: plan for the Match {match_year + 1} as well.{early} {rest}"
        )
    # The last useful day first: the deadline alone, eight weeks past it, read
    # as the day to send by (midseason audit s52, 1).  That early applicants
    # get most places is our reading: the IMG article says only to submit
    # early (midseason audit s52, 2).
    send = f"{cycle.send_by(match_year)} {cycle.EARLY_APPLICANTS}, and the rank lists close on {deadline.shown()}."
    state = cycle.residencycas_state(match_year, today)
    if state == "open":
        return (
            "Short of interviews? You can still send applications through ERAS, to more programs or to a second "
            f"specialty. {send} {rest}"
        )
    # The plan knows no field: "you can still send ... to more programs" came
    # first, and ResidencyCAS's exception four sentences later, to a reader
    # whose only field was emergency medicine (EM audit s53, 1).
    shut = "cannot be added this season" if state == "closed" else "may no longer take applications"
    return (
        f"Short of interviews? {capitalised(data.RESIDENCYCAS_FIELDS_SAID)} {shut}: ResidencyCAS, which their programs "
        f"use, {closes}. Every other field goes through ERAS, where you can "
        f"still send applications, to more programs or to a second specialty; {cycle.MYERAS_FIRST}. {send} "
        f"{cycle.SHORT_OF_INTERVIEWS}"
    )


# The headline's reminder to a reader whose submission is behind them.
# Dated, it keeps a long read-out within its 40 words (diff review s52b, 3).
# Shown, it says ERAS holds no emergency medicine or OB/GYN program: the
# plan asks no field, and an EM-only reader read "add programs" as theirs (EM
# audit s53, 1; diff review s53, 1), and so does what is heard where the 40
# words leave room, before it gives up the fields, then the day (diff review
# s53b, 1).
ADD_THROUGH_ERAS = "You can still add programs through ERAS."
ADD_THROUGH_ERAS_BY = "Add programs through ERAS by about {}."
ADD_ERAS_PROGRAMS_BY = "Add ERAS programs (not EM or OB/GYN) by about {}."
# A word shorter, the heard form fits the read-out of 7 December's plan.
ADD_ERAS_PROGRAMS_BY_HEARD = "Add ERAS programs (not EM, OB/GYN) by about {}."
# Shown, it leads the headline, and with the rank-list deadline after it
# keeps within the three lines a 360 px phone pins (interview audit s56, 3):
# the fields ERAS does not take come after both.
ADD_ERAS_PROGRAMS_LEAD = "Add ERAS programs by about {}."
NOT_IN_ERAS = "EM and OB/GYN programs are not in ERAS."


def rank_lists_by(deadline: cycle.SeasonDate, heard: bool = False) -> str:
    """The rank-list deadline in the headline's few words, with a brief mark
    where it is our estimate: a clause when ``heard``, as brackets are not."""
    mark = "an early estimate" if deadline.estimated_early else "estimated" if deadline.estimated else ""
    said = f", {mark}" if heard else f" ({mark.removeprefix('an ')})"
    return f"Rank lists by {long_date(deadline.date)}{said if mark else ''}."


# What a reader does on coming back after a no-match, said in three places.
NEXT_SUBMISSION = "enter your next submission date, or leave it empty"


def _first_application(sent: bool, today: dt.date, match_year: int, label: str) -> str:
    """How to plan after a no-match, for a reader who has not ticked the box.
    "A first application: tick ... for the debrief ... after a no-match" led a
    reader whose application had gone out to tick it, for a debrief dated
    from a Match they were never in (midseason audit s52, 5): once it is out,
    the box is for after this Match."""
    if not sent:
        return (
            f"This plan is for a first application. Applied in an earlier season and did not match? Tick “{label}”: the "
            "plan then adds a debrief and the choice to reapply or pivot, counted from that Match Day."
        )
    dates = cycle.season(match_year)
    # From the Monday of Match Week the no-match is known, and the plan counts
    # from that Match (last_match_day); before it, the row dated after Match
    # Day says what to do then, and the note only keeps the box unticked: it
    # repeated that row's last sentence (diff review s52b).
    # Not "on Match Day": the unmatched learn it that Monday (diff review s52, 14).
    if today < dates["match_week"].date:
        return (
            # Said of a first application: a reapplicant already in this
            # Match keeps it ticked (diff review s54, 11).
            f"If this is your first application, leave “{label}” unticked for now: it is for after a no-match. If Match Week, from "
            f"{dates['match_week'].shown()}, tells you that you did not match, the row “{DEBRIEF_IF_UNMATCHED}” says "
            "how to plan the next season."
        )
    # "That Match Day" had no day before it once Match Week led (diff review s52b, 7).
    return (
        f"Not matched in the Match {match_year}? Tick “{label}” and {NEXT_SUBMISSION}. The plan then dates a debrief "
        f"and the choice to reapply or pivot from Match Day, {dates['match_day'].shown()}."
    )


def _plan_the_running_season(running_year: int) -> str:
    """How to plan the running Match instead, to a reader whose plan we dated
    for the next: by the last useful day, as cycle.send_by words it.  "Before
    17 February", the rank-list deadline, invited a January date the same
    plan calls unlikely to bring an interview (couples audit s54, 11;
    planner audit s54, 10)."""
    last = long_date(cycle.last_day_for_an_interview(running_year))
    basis = cycle.last_day_basis(running_year)
    return (
        f"To plan the Match {running_year} instead, enter a submission date by about {last}. By our rule of thumb, "
        f"that is the last useful day to send a new application{f' ({basis})' if basis else ''}."
    )


def _already_in_the_running_season(running_year: int, match_year: int, today: dt.date) -> str:
    """To a reader of a plan for a later Match while the running one is under
    way: that they can still register and rank in it, and how to plan it.
    Said whether or not a date was typed (couples audit s54, 2); a
    reapplicant told to tick the no-match box may be in that season already
    (reapplicant audit s40, 3)."""
    running = cycle.season(running_year)
    early, late, deadline = running["early_registration_ends"], running["late_registration_ends"], running["rank_deadline"]
    # The guides' terms, in their words (diff review s54, 18).
    terms = cycle.registration_terms(cycle.registration(running_year, today), early.shown(), f"by {late.shown()}")
    register = f" Not registered with the NRMP yet? Register {''.join(map(str, terms))}." if terms else ""
    rank = (
        " That is also the last day to certify your rank list."
        if late.date == deadline.date
        else f" Certify your rank list by {deadline.shown()}."
    )
    # Short sentences, where one ran to 46 words (diff review s54b, 11).
    return (
        f"Applied to the Match {running_year} already? That season is still under way.{register}{rank} To plan that "
        f"season, enter the date you submitted. This plan, for the Match {match_year}, leaves out its ranking."
    )


def _ticked_after_sending(submission: dt.date, today: dt.date, match_year: int, label: str) -> str:
    """Why a reader who ticked the box after their application went out sees
    no debrief dated from an earlier Match (midseason audit s52, 5)."""
    dates = cycle.season(match_year)
    said = (
        f"You ticked “{label}”, and your application for the Match {match_year} went out on {long_date(submission)}. "
        "So this plan dates no debrief from an earlier Match, and its past rows are a first application's: if you "
        "did not match in an earlier Match, its debrief and your preparation after it are behind you, and nothing "
        "ahead of you changes."
    )
    if today < dates["match_week"].date:
        return (
            f"{said} If this is your first application, untick it: it is for after a no-match. If you do not match, "
            f"the row “{DEBRIEF_IF_UNMATCHED}” says what to do."
        )
    return (
        f"{said} Not matched in the Match {match_year}? {capitalised(NEXT_SUBMISSION)}: the plan then counts the "
        "debrief and the choice to reapply or pivot from its Match Day."
    )


# The after-SOAP note of a plan whose own rows say it all: the note repeated
# the List of Unfilled Programs row beside it, fact for fact, from the day
# after SOAP (diff review s52b, 10).  It sits above a table that may run to
# thirty rows, so it says where to look.
AFTER_SOAP_SEE_ROWS = "If SOAP did not place you, the last rows of the plan below say what to do next."


def _after_soap(match_year: int, rows_say_it: bool, today: dt.date) -> str:
    """The no-match guide's words on the weeks after SOAP (cycle.after_soap),
    and where the SOAP page is; where the plan's rows already give them
    (``rows_say_it``), only where to find those rows."""
    if rows_say_it:
        return AFTER_SOAP_SEE_ROWS
    # With today, past Match Day it no longer asks to confirm that SOAP has
    # ended, as the guides no longer do (soap audit s55, 9).
    return f"{cycle.after_soap(match_year, today)} {cycle.AFTER_SOAP_POINTER}"


# A reader whose application had gone out saw a plan that stopped at Match
# Day: no row to get ready for SOAP, though the FAQ says to do it now, none
# for the NRMP's List of Unfilled Programs, and no debrief if the Match left
# them unplaced (midseason audit s52, 5).  One row for each, titled by the
# case it is for, and dated from the season's own days.
SOAP_READY = "In case you do not match: be ready for SOAP"
# A week before Match Week: our choice, as no source dates it, so that the
# statements are not written in SOAP's own days.
SOAP_READY_DAYS = 7
UNFILLED_LIST = "If SOAP does not place you: the List of Unfilled Programs"
DEBRIEF_IF_UNMATCHED = "If you did not match: debrief this application"


# The day the headline and the notes said to add programs by was in neither
# the table nor the calendar file, the one deadline left to act on in the
# interview season (interview audit s56, 4).  Titled as ours: the rule is.
LAST_USEFUL_DAY = "Last useful day to send new applications, by our rule of thumb"


def last_useful_day_row(match_year: int) -> PlanItem:
    """The last day on which, by our rule, a new application sent in
    ``match_year``'s season can still bring an interview, as a row of the plan
    and an event of its calendar file, with what the day rests on."""
    deadline = cycle.season(match_year)["rank_deadline"]
    basis = cycle.last_day_basis(match_year) or "counted back from the NRMP's rank-list deadline"
    # Short sentences, action first (planner audit s54, 7); the NRMP's later
    # deadline moves the day, but is no reason to wait (interview audit s56, 7).
    later = (
        " The NRMP's own deadline may be a week or two later, and this day with it. Do not wait for that: send as "
        "soon as you can."
        if deadline.estimated_early
        else ""
    )
    item = _item(
        cycle.last_day_for_an_interview(match_year),
        LAST_USEFUL_DAY,
        "Short of interviews? Send new applications through ERAS by this day, to more programs in your field or to a "
        f"backup field. Emergency medicine and OB/GYN programs are not in ERAS: see the row “{RESIDENCYCAS_CLOSES}”. "
        "By our rule of thumb, an application sent later is unlikely to bring an interview before the rank lists "
        "close. The rule: interviews begin about a month after an application goes in, and need at least four weeks "
        f"before the lists close. This day is {basis}.{later} {cycle.EARLY_APPLICANTS}. {cycle.SHORT_OF_INTERVIEWS}",
        SOURCES_APART.join([deadline.cite(), ARTICLE_IMG.cite()]),
        estimated=False,
    )
    # Our rule sets the day, whatever the deadline's estimate.
    item["estimated_ours"] = True
    return item


def _after_the_rank_list(match_year: int, visa: bool, today: dt.date, ticked: bool = False) -> list[PlanItem]:
    """Getting ready for SOAP, the List of Unfilled Programs after it, and a
    debrief after Match Day, for a reader whose application has gone out;
    ``visa`` for one who needs a visa to train."""
    dates = cycle.season(match_year)
    match_week, soap_ends, match_day = dates["match_week"], dates["soap_ends"], dates["match_day"]
    ready = _item(
        match_week.date - dt.timedelta(days=SOAP_READY_DAYS),
        SOAP_READY,
        # Short sentences: one ran to 70 words (diff review s52, 13).
        "Have these ready by this day, a week before Match Week: SOAP leaves little time to write. The row stays "
        "open until Match Week begins. A statement "
        "for each kind of position you would accept: categorical internal or family medicine, say, a transitional "
        "year or a preliminary year. Your letters uploaded, with a general clinical letter you can assign. And a clear "
        "list of the offers you would take: an accepted offer binds you. "
        + ("Need a visa? Note now which visa each program you might take a SOAP place in sponsors. " if visa else "")
        + "The day and the list are our advice. The guide page “SOAP and a non-residency Plan B” says more, in “Prepare "
        "before Match Week, not during it”. Only applicants registered for the Match can take part, and the NRMP "
        "decides who is eligible.",
        NRMP_SOAP.cite(),
        estimated=match_week.estimated,
    )
    # A stretch up to Match Week: a single day, it was marked past five days
    # before Match Week, when getting ready matters most (soap audit s55, 4).
    ready["until"] = (match_week.date - dt.timedelta(days=1)).isoformat()
    if match_week.estimated:
        ready["until_estimated"] = True
    until = cycle.unfilled_list_until(match_year)
    unfilled = _item(
        soap_ends.date + dt.timedelta(days=1),
        UNFILLED_LIST,
        f"From the end of SOAP until {long_date(until)}, the NRMP keeps its List of Unfilled Programs in its R3 "
        "system. Once SOAP has closed, you may contact the programs on it that still have places yourself. While "
        "SOAP runs, you may not contact programs in the Match."
        + (
            " This row's first day is our estimate of SOAP's end: check the NRMP's calendar before you contact any program."
            # Past Match Day SOAP is surely over (soap audit s55, 9).
            if cycle.soap_end_unconfirmed(match_year, today)
            else ""
        )
        + " The list can lag behind places already filled, so ask each program whether its place is still open. "
        f"{cycle.AFTER_SOAP_POINTER}",
        NRMP_SOAP.cite(),
        estimated=soap_ends.estimated,
    )
    unfilled["until"] = until.isoformat()
    debrief = _item(
        match_day.date + dt.timedelta(days=DEBRIEF.days),
        DEBRIEF_IF_UNMATCHED,
        f"{DEBRIEF.detail} Set {counted(DEBRIEF.days, 'day')} after this Match Day, {match_day.shown()}; you learn "
        f"on the Monday of Match Week whether you matched. A week later comes “{CHOICE_OF_LANE.title}”. To plan it, "
        # A box ticked already is kept, not ticked again (diff review s52b, 7).
        f"come back once you know. Then {'keep' if ticked else 'tick'} “{profile.PREVIOUSLY_UNMATCHED.label}”"
        f"{' ticked' if ticked else ''} and {NEXT_SUBMISSION}.",
        DEBRIEF.source.cite(),
        estimated=match_day.estimated,
    )
    return [ready, unfilled, debrief]


class TimelineResult(TypedDict):
    inputs: dict[str, object]
    submission: str
    match_year: int
    today: str
    milestones: list[PlanItem]
    past_count: int
    notes: list[str]
    ics: str
    ics_count: int
    summary: str
    announced: str


def compute(inputs: Mapping[str, object]) -> TimelineResult:
    # A datetime is a date subclass that refuses to compare with dates; keep its day.
    inputs = {k: (v.date() if isinstance(v, dt.datetime) else v) for k, v in inputs.items()}
    v = parse_inputs(FIELDS, inputs)
    today = day(v, "today")
    chosen = day_or_none(v, "eras_submission")
    applied_on = None if chosen else applied_submission(v, today)
    submission = chosen or applied_on or default_submission(today)
    found = cycle.season_for_submission(submission, today)
    if isinstance(found, str):
        raise InputError("eras_submission", f"ERAS submission date: {found}. Pick a date inside a season's window.")
    match_year = found.match_year
    needs_visa = profile.visa_needed(v)
    h1b_only = profile.h1b_only(v)
    us_graduate = v["applicant_type"] in data.US_GRADUATE_TYPES
    visa_step = VISA_STEP_US_GRADUATE if us_graduate else VISA_STEP
    # The IMG's visa step and the H-1B's Step 3 rows: a US graduate's rules are not ours to date.
    h1b_rows = needs_visa and not us_graduate
    img = word(v, "applicant_type") in data.IMG_TYPES
    # Ticked once this plan's application has gone out, "I applied before"
    # may mean this very application: the plan dated a debrief from the
    # Match before it, one a first-time applicant was never in (midseason
    # audit s52, 5).  A reader who did not match then has that debrief, and
    # the preparation after it, behind them, so the plan dates none of it and
    # a note says why (_ticked_after_sending).
    sent = submission <= today
    ticked_after_sending = bool(v["previously_unmatched"]) and sent
    reapplying = bool(v["previously_unmatched"]) and not ticked_after_sending
    wanted = (
        {"always"}
        | ({"dual"} if v["dual_applying"] else set())
        | ({"visa-us-graduate" if us_graduate else "visa"} if needs_visa else set())
        | ({"img"} if img else set())
        | ({"do"} if v["applicant_type"] == "us-do" else set())
        # "Step 3 already passed" answers the row's question.
        | ({"reapplicant-before-step3"} if reapplying and not flag(v, "step3_passed") else set())
    )
    dates = cycle.season(match_year)
    rank_deadline = dates["rank_deadline"].date
    eras_opens = dates["eras_opens"].date
    reviews_from = dates["programs_receive"]
    anchors = {
        "preparation": min(submission, months_from(eras_opens, 3)),
        "eras_opens": eras_opens,
        "submission": submission,
        "read": max(submission, reviews_from.date),
    }
    # A step counted from an estimated date is an estimate too, marked where
    # the reader looks: the "Submit ERAS" day a defaulted plan hangs on was
    # our rule's first submission day, shown as if published (audit s19, pages 1).
    submission_estimated = chosen is None and dates["submissions_open"].estimated and submission == dates["submissions_open"].date
    from_estimate = {
        "submission": submission_estimated,
        "eras_opens": dates["eras_opens"].estimated,
        "preparation": submission_estimated if anchors["preparation"] == submission else dates["eras_opens"].estimated,
        "read": reviews_from.estimated if anchors["read"] > submission else submission_estimated,
    }
    steps = [
        (s, day)
        for s in STEPS
        for day in [months_from(anchors[s.anchor], s.months)]
        # A very late submission leaves no room for steps after it before ranking closes.
        if s.when in wanted and (s.months <= 0 or day < rank_deadline)
    ]
    no_match: list[PlanItem] = []
    placed = [Placed(s, d, estimated=from_estimate[s.anchor]) for s, d in steps]
    match_day: cycle.SeasonDate | None = None
    if reapplying:
        # The latest Match the reader can already have been through (by the
        # submission, if that is earlier).
        match_day = last_match_day(min(today, submission))
        no_match = _no_match_milestones(
            match_day, min(today, submission), "today" if today <= submission else "your submission date"
        )
        chosen_day = match_day.date + dt.timedelta(days=CHOICE_OF_LANE.days)
        placed = _after_the_choice(steps, chosen_day, match_day.estimated, from_estimate)
        year_starts = max(match_day.date + dt.timedelta(days=START_THE_YEAR.days), today)
        if (
            whole_months(match_day.date, submission) >= NO_MATCH_PLAN_MONTHS
            and whole_months(year_starts, submission) >= START_THE_YEAR_MONTHS
        ):
            no_match.append(
                _item(
                    year_starts,
                    START_THE_YEAR.title,
                    START_THE_YEAR.detail,
                    START_THE_YEAR.source.cite(),
                    estimated=match_day.estimated and year_starts > today,
                )
            )
    # Late in a season already under review, nothing waits for a later day;
    # months of work (an IMG's Step 2 CK among them) are dated today too, in
    # their order, but said not to hold the application back and kept out of
    # the headline, which told an IMG arriving in late September to sit the
    # exam that day (diff review s39, 1).
    reviewing_before_submission = cycle.under_review(match_year, today) and today < submission
    # Asked of the submission and of today: each once, for the rows, the
    # notes and the headline alike.
    too_short = interview_season_too_short(submission, rank_deadline, reviews_from.date)
    too_late_now = interview_season_too_short(today, rank_deadline, reviews_from.date)
    if reviewing_before_submission:
        placed = [
            Placed(
                p.step,
                today,
                TOO_LATE_NOW_NOTE if too_late_now else LONGER_WORK_NOTE if p.step.title in MONTHS_OF_WORK else DO_NOW_NOTE,
            )
            if p.step.months < 0 and p.day > today
            else p
            for p in placed
        ]
    kinds: tuple[tuple[ReaderKind, bool], ...] = (
        ("h1b-only", h1b_only),
        ("visa", needs_visa),
        ("img-h1b-only", profile.h1b_step3_rules_apply(v)),
        ("img-visa", h1b_rows),
        ("do", word(v, "applicant_type") == "us-do"),
        ("img", img),
        ("reapplicant", reapplying),
        ("step3-passed", flag(v, "step3_passed")),
        ("h1b-only-step3-passed", h1b_only and flag(v, "step3_passed")),
    )
    reader = frozenset(kind for kind, holds in kinds if holds)
    milestones = [_step_item(s, day, note, estimated, dates, reader=reader) for s, day, note, estimated in placed]
    for m in milestones:
        if m["title"] == VISA_STEP:
            m["detail"] = h1b_payment_in_tense(m["detail"], today)
            # The row speaks of the H-1B first and at greatest length (its payment,
            # cap and Step 3), then of the J-1, whose page alone was its source
            # (h1bvisa audit s47, 9); an H-1B-only reader's words are the H-1B's alone.
            m["source"] = cited_together(*(VISA_STEP_H1B_ONLY_SOURCES if h1b_only else VISA_STEP_SOURCES))
    milestones += no_match
    # Asked once, for the rows, the catch-up note and the headline.
    registration = cycle.registration(match_year, today)
    milestones += _season_milestones(
        match_year,
        flag(v, "dual_applying"),
        submission,
        today,
        submission_estimated,
        img=img,
        visa=h1b_rows,
        reviewing_before_submission=reviewing_before_submission,
        do_now=TOO_LATE_NOW_NOTE if too_late_now else DO_NOW_NOTE,
        deciding=CHOICE_OF_LANE.title if reapplying else DECIDE_DUAL,
        may_be_open=registration == "may-be-open",
        almost_closed=cycle.rank_lists_almost_certainly_closed(match_year, today),
        # A graduate who did not match has no school year left to extend (diff review s41, 2), ticked
        # before sending or after (diff review s52, 3).
        us_graduate=us_graduate and not v["previously_unmatched"],
        h1b_only=h1b_only,
        step3_passed=flag(v, "step3_passed"),
    )
    # Once the application is out, the plan goes on past Match Day, to what
    # follows if it does not place the reader (midseason audit s52, 5).
    if sent:
        milestones += _after_the_rank_list(match_year, needs_visa, today, ticked=bool(v["previously_unmatched"]))
    # Sent, with the lists open and the last useful day still ahead or today:
    # after it, the row would only be a day gone by (interview audit s56, 4).
    sent_while_open = submission < today < rank_deadline
    if sent_while_open and not too_late_now:
        milestones.append(last_useful_day_row(match_year))
    milestones.append(residencycas_row(match_year, today))
    # Asked of an IMG with a submission still ahead; left empty, nothing
    # changes (planner audit s54, 2).
    hands_on = whole_or_none(v, HANDS_ON_MONTHS.name)
    us_months = (
        _us_months(
            milestones,
            hands_on,
            today,
            submission,
            submission_estimated,
            match_year,
            dual=flag(v, "dual_applying"),
            reapplying=reapplying,
            date_label=LABELS["eras_submission"],
        )
        if img and hands_on is not None and today < submission
        else UsMonths([])
    )
    # First among the rows of its day, so that it leads the headline it is dated for.
    milestones[:0] = us_months.rows
    milestones.sort(key=lambda m: m["date"])
    _say_what_a_late_commitment_misses(milestones)
    for m in milestones:
        m["past"] = last_day(m) < today.isoformat()
        # Longer work dated today is no next step to take (diff review s39, 1),
        # nor is a submission the notes say to bring forward or give up.
        if not m["past"] and (
            (reviewing_before_submission and m["title"] in MONTHS_OF_WORK)
            or (too_short and submission > today and m["title"] == SUBMIT)
        ):
            m["held_back"] = True
    ahead = [m for m in milestones if not m["past"]]
    past_count = len(milestones) - len(ahead)
    in_calendar = milestones if v["include_past"] else ahead
    notes = [found.note] if found.note else []
    deadline = dates["rank_deadline"]
    if too_short:
        # Only the missing interview row said so, beside a mild "many places
        # are already given out" (late-season audit s39, 3).
        notes = [
            f"This is for the Match {match_year}. "
            + _too_late_for_interviews_note(submission, today, deadline, match_year, too_late_now)
        ]
    if us_months.note:
        notes.insert(0, us_months.note)
    # Where ResidencyCAS stands on the submission day: past an estimate of
    # its deadline only "probably" closed, as the day may be a week later.
    residencycas_then = cycle.residencycas_state(match_year, submission)
    # And where it stands today: past its deadline, the note said "takes
    # applications only until" and "send that application by then" of a day
    # already gone (season-dates audit s43, 1).
    residencycas_now = cycle.residencycas_state(match_year, today)
    residencycas_perhaps = residencycas_then == "may-have-closed"
    after_residencycas = today <= submission and residencycas_then != "open"
    if after_residencycas:
        uses = f"{RESIDENCYCAS_FIELDS_IF}: ResidencyCAS, which their programs use in place of ERAS, "
        if residencycas_now == "open":
            notes.append(
                f"{uses}takes applications for the Match {match_year} only until {cycle.residencycas_when(match_year)}. "
                f"A submission on {long_date(submission)} would "
                + (
                    "probably find those fields closed: send that application by then, and check ResidencyCAS's own "
                    f"deadline before you move them to the Match {match_year + 1}."
                    if residencycas_perhaps
                    else f"find those fields closed, not merely late: send that application by then, or plan them for "
                    f"the Match {match_year + 1}."
                )
            )
        elif residencycas_now == "may-have-closed":
            send = "today" if submission == today else f"now, not on {long_date(submission)}"
            notes.append(
                f"{uses}{cycle.residencycas_deadline(match_year, today)}. If it is still open, send that application "
                f"{send}; if it has closed, those fields are closed to you for this Match, not merely late: plan them "
                f"for the Match {match_year + 1}."
            )
        else:
            notes.append(
                f"{uses}{cycle.residencycas_deadline(match_year, today)}: those fields are closed to you for this Match, "
                f"not merely late. Plan them for the Match {match_year + 1}"
                # Not beside "too late for interviews" (diff review s43, 5;
                # as diff review s41, second, 2 had it of "apply, late").
                + ("." if too_short or too_late_now else "; fields in ERAS still take applications.")
            )
    # In the months between ERAS's opening and the first day to send, the
    # one step open to a first-time applicant, registering in MyERAS, was a
    # row marked past on a day we estimate (season-dates audit s43, 6).
    eras_opening = dates["eras_opens"]
    register_said = register_heard = ""
    if eras_opening.date <= today < dates["submissions_open"].date and today <= submission:
        opened = f"ERAS {cycle.tensed(eras_opening.date, today, 'opens', 'opened')} on {eras_opening.shown()}"
        notes.append(
            f"{opened}: if you have not registered in MyERAS yet, do it now and start your application, as letters and "
            "documents can be uploaded from then."
            + (" That day is our estimate: if the AAMC's own is later, ERAS opens then." if eras_opening.estimated else "")
        )
        register_said = f"{opened}: register in MyERAS now if not done. "
        register_heard = "Register in MyERAS now if not done. "
    if sent_while_open:
        # Sent in September, the plan's next step was ranking: a reader short
        # of interviews read it as too late to add anything (late-season
        # audit s39, 2).
        notes.append(_still_open_note(today, deadline, match_year, too_late_now))
    this_match = cycle.season(today.year)
    in_match_week = this_match["match_week"].date <= today <= this_match["soap_ends"].date
    # A plan for a later Match shows no row for the SOAP running now, the most
    # urgent thing for an unmatched reader; nor did it for a first-time
    # applicant who learned that Monday (prelim-SOAP audit s34, 7).
    if in_match_week and (v["previously_unmatched"] or match_year != today.year):
        whom = "if you are eligible" if v["previously_unmatched"] else "if you took part in this Match and did not match"
        notes.insert(
            0,
            f"SOAP for the Match {today.year} is running now, until {this_match['soap_ends'].shown()}: {whom}, it "
            "comes before anything in this plan. The guide page “SOAP and a non-residency Plan B” (under Didn't "
            "match) says how it works.",
        )
    elif (after_soap := cycle.after_soap_season(today)) is not None:
        # The plan skipped from SOAP to next year's debrief, past the weeks in
        # which a reader SOAP did not place can still reach a program with
        # places left (couples-soap audit s39, 8).  A plan for that Match,
        # sent, has the rows after Match Day (_after_the_rank_list).
        notes.insert(0, _after_soap(after_soap, rows_say_it=sent and match_year == after_soap, today=today))
    dual_steps = ", ".join(DUAL_TITLES)
    notes.append(
        f"Dual applying adds: {dual_steps}."
        if v["dual_applying"]
        else f"Not dual applying, so the plan leaves out {dual_steps}; tick “{LABELS['dual_applying']}” to add them."
    )
    # The rows that date sitting Step 3, which a pass makes moot.
    dropped = [
        t for t, dated in ((H1B_CERTIFIED, h1b_rows), (H1B_STEP3_APPLY, h1b_rows), (STEP3_AFTER_NO_MATCH, reapplying)) if dated
    ]
    passed_note = (
        f"With “{STEP3_PASSED_LABEL}” ticked, the plan leaves out {and_list([f'“{t}”' for t in dropped])}."
        if flag(v, "step3_passed") and dropped
        else ""
    )
    if needs_visa:
        # Every row the answer adds, as the dual-applying note lists its own: it
        # named one of three (moved audit s45, 3).
        titles = {m["title"] for m in milestones}
        added = [visa_step, *(t for t in (H1B_CERTIFIED, H1B_STEP3_APPLY, H1B_STEP3) if t in titles)]
        need = "an H-1B and cannot take a J-1" if h1b_only else "a visa"
        visa_note = f"You need {need}, {profile.visa_basis(v)}: the plan adds {and_list([f'“{t}”' for t in added])}."
        if passed_note:
            visa_note += f" {passed_note}"
        # Marked past for a reader already applying, it read as done, though
        # its questions decide which programs to rank (readthrough audit s39, 1).
        visa_row = next((m for m in milestones if m["title"] == visa_step), None)
        # On the deadline's own day, and past our early estimate of it, lists
        # can still be certified (date sweep s40, 10).
        if visa_step == VISA_STEP and visa_row and visa_row["past"] and cycle.rank_lists_may_be_open(match_year, today):
            visa_note += (
                # "It" after a list of three rows named none of them (recheck45 audit s45, 4).
                # Short sentences, where one ran to 70 words (planner audit s54, 7).
                f" “{visa_step}” is marked past, but it is not finished until you rank. Before you put a program on "
                "your list, ask which visa it will sponsor for you. Ask too whether it still files new H-1B petitions "
                "for applicants abroad. "
                + (
                    "Rank it only if it says yes: you cannot take a J-1."
                    if h1b_only
                    else f"Plan on the J-1 unless it says yes (no J-1 for you? see the row “{H1B_STEP3}”)."
                )
            )
        notes.append(visa_note + profile.h1b_only_prompt(v))
    elif passed_note:
        notes.append(passed_note)
    if img and today <= rank_deadline:
        notes.append(PATHWAY_EXPIRY_NOTE)
    if ticked_after_sending:
        notes.append(_ticked_after_sending(submission, today, match_year, LABELS["previously_unmatched"]))
    elif not v["previously_unmatched"]:
        notes.append(_first_application(sent, today, match_year, LABELS["previously_unmatched"]))
    # Marked past, these read as done; for a late starter they may be the most urgent of all.
    catch_up = []
    missed: list[str] = []
    short_run_up = False
    # Submitting today still leaves time to do what fell before it.
    if today <= submission:
        # Not the dual-applying date: a date is no task, and the decision is a step of its own.
        own = {p.step.title for p in placed if p.step.months < 0}
        # A reapplicant's own steps start with the debrief and the choice of lane.
        own |= {s.title for s in AFTER_NO_MATCH} if reapplying else set()
        missed = [m["title"] for m in milestones if m["past"] and m["title"] in own]
        missed_steps = (
            counted(len(missed), "step") + " of your reapplication" if reapplying else counted(len(missed), "preparation step")
        )
        long_work = [title for title in missed if title in MONTHS_OF_WORK]
        if reviewing_before_submission and long_work:
            # Still ahead by their dates, and just as much not to wait for.
            long_work += [m["title"] for m in milestones if not m["past"] and m["title"] in own & MONTHS_OF_WORK]
        days_left = (submission - today).days
        # Late in a season under review, waiting costs interviews however many
        # weeks remain to the day typed (late-season audit s39, 3).
        short_run_up = bool(long_work) and (days_left <= SHORT_RUN_UP_DAYS or reviewing_before_submission)
        if missed and too_late_now:
            # "Alongside sending your application" asked for an application
            # the note above calls too late (date sweep s40, 2).
            catch_up.append(
                f"{missed_steps} fell before today and {'is' if len(missed) == 1 else 'are'} marked past: "
                f"{', '.join(missed)}. If not done yet, build {'it' if len(missed) == 1 else 'them'} into your plan "
                f"for the Match {match_year + 1}."
            )
        elif short_run_up:
            # Clinical experience and rotations cannot fit in the weeks left:
            # "first, before you submit" asked the impossible of a late
            # applicant, whom every day of waiting costs interviews
            # (season-now audit s31, 3).
            doable = sorted(
                (title for title in missed if title not in MONTHS_OF_WORK),
                key=lambda title: title not in VISA_STEPS,
            )
            when = (
                "Today, before you submit"
                if days_left == 0
                else f"Today, the day before you submit on {long_date(submission)}"
                if days_left == 1
                else f"In the {counted(days_left, 'day')} before you submit on {long_date(submission)}"
                if days_left < 14
                else "Now, alongside sending your application"
                if reviewing_before_submission
                else f"In the weeks before you submit on {long_date(submission)}"
            )
            before = f"{when}, do what still fits, if not done yet: {', '.join(doable)}. " if doable else ""
            catch_up.append(
                f"{missed_steps} fell before today and {'is' if len(missed) == 1 else 'are'} marked past. {before}"
                f"Do not hold your application back for the longer work ({', '.join(long_work)}): do what you can of "
                "it alongside, and build the rest into your plan for the next season if this one does not work out."
            )
        elif missed:
            catch_up.append(
                f"{missed_steps} fell before today and {'is' if len(missed) == 1 else 'are'} marked past: {', '.join(missed)}. "
                f"If not done yet, {'it comes' if len(missed) == 1 else 'they come'} first now, before you submit on "
                f"{long_date(submission)}."
            )
    early, late = dates["early_registration_ends"], dates["late_registration_ends"]
    if registration == "late-fee":
        catch_up.append(
            f"NRMP registration without the late fee ended on {early.shown()}: if you have not registered yet, "
            f"register now and pay the late fee, by {late.shown()} at the latest."
        )
    elif registration == "may-be-open":
        # Our date is a week early on purpose; the NRMP's may still be ahead.
        catch_up.append(
            capitalised(cycle.estimate_passed(late, "the rank-list deadline, which is also the NRMP's last day to register"))
            + ". If you have not registered or certified your rank list, do it at once."
        )
    if catch_up:
        notes.append(" ".join(catch_up))
    # Leads the headline of a plan for the next season while the running
    # one's rank lists may still be open past our estimate.
    running_lead = ""
    if applied_on is not None:
        # First: it says why the plan is for this season (interview audit s56, 5).
        notes.insert(0, applied_note(match_year, submission, submission_estimated))
    elif chosen is None:
        # On the review start itself "not yet started" contradicted the row
        # dated that day (date sweep s40, 9).
        notes.append(
            f"No submission date given, so the plan uses {long_date(submission)}"
            + (" (estimated)" if submission_estimated else "")
            + (
                f": the last day you can send applications for the Match {match_year} on time, as programs start reviewing today."
                if submission == today == dates["programs_receive"].date
                else f": the next day you can send applications for the Match {match_year} while programs have not "
                "yet started reviewing."
            )
        )
        if match_day is not None:
            notes.append(_which_season(match_day, submission, submission_estimated, match_year, LABELS["eras_submission"]))
    # The season under review still takes late applications, which a
    # reader set on this year would not learn from a plan for the next.
    # Asked of any plan for a later Match, a date typed or not: a couple who
    # typed next September, with interviews in the running Match, never read
    # that it was under way and that they could still register and rank
    # (couples audit s54, 2).
    running_year = cycle.coming_season(today)
    running = cycle.season(running_year)
    running_deadline = running["rank_deadline"]
    # From our early estimate's own day to Match Week, the days on which
    # the NRMP's deadline may still be open, the plan for the next season
    # never named the running one (seasonlate audit s44, 1).
    if match_year > running_year and today >= running_deadline.date and cycle.rank_lists_may_be_open(running_year, today):
        running_lead = f"Applied to the Match {running_year}? Its rank lists may still be open: certify today. "
        if today == running_deadline.date:
            when = (
                f"Our estimate of its rank-list deadline, set early on purpose, is today, {long_date(today)}, and "
                "the NRMP's own may be later: check its calendar today"
                if running_deadline.estimated_early
                else f"Its rank-list deadline is today, {long_date(today)}: check the NRMP's calendar for the hour"
            )
        else:
            when = capitalised(cycle.estimate_passed(running_deadline, "its rank-list deadline"))
        notes.insert(
            0,
            f"Applied to the Match {running_year}? {when}. Register, with the late fee, if you have not, certify your "
            f"list before it closes, and enter the date you submitted for that season's plan: this one, for the Match "
            f"{match_year}, leaves its ranking out.",
        )
    elif match_year > running_year and cycle.rank_lists_almost_certainly_closed(running_year, today):
        # From 4 to 14 March 2027 a plan for the next season said nothing of
        # the running one, in the week before its SOAP (diff review s55b, 2).
        notes.insert(
            0,
            f"Applied to the Match {running_year}? Its rank lists have almost certainly closed "
            f"({cycle.deadline_gaps_said()}). If you might not match, get ready for SOAP now: Match Week starts "
            f"{running['match_week'].shown()}. Enter the date you submitted for that season's plan.",
        )
    elif match_year > running_year and cycle.applications_going_out(running_year, today):
        running_note = ""
        # A plan with a date typed for a later season keeps to the one
        # sentence for a reader already in the running season: how to apply
        # to it late is for a reader who left the date to us.
        if chosen is None:
            fields_closed = cycle.residencycas_fields_closed(running_year, today)
            # From late December "you can still apply, late" stood beside the
            # other notes' "too late" (diff review s41, second, 2).
            # Short sentences, where they ran to 46-69 words (diff review s54, 19; s54b, 11).
            running_note = (
                f"An application to the Match {running_year} sent now is unlikely to bring an interview before its "
                f"rank lists close on {running['rank_deadline'].shown()}. So this plan is for the Match {match_year}."
                f"{cycle.too_late_caveat(running_year, today)} "
                if cycle.too_late_for_interviews(running_year, today)
                else f"You can still apply for the Match {running_year}, late. Its programs began reviewing on "
                # One wording for every page (interview audit s56, 10).
                f"{running['programs_receive'].shown()}. {cycle.EARLY_APPLICANTS}. "
                # Not in every field: an emergency medicine reader was sent
                # back to a season ResidencyCAS had closed (season-dates audit s43, 1).
                f"{fields_closed}{' ' if fields_closed else ''}"
                f"{_plan_the_running_season(running_year)}"
            )
        # Two notes: as one, a bullet of over 200 words (diff review s54, 19).
        notes += [
            *([running_note.strip()] if running_note else []),
            # Not asked of a reader who answered that they have not applied
            # in it (diff review s56, 6).
            *([] if profile.planning_next(v, today) else [_already_in_the_running_season(running_year, match_year, today)]),
        ]
    season_dates = dates.values()
    # Only the dates in the plan: late registration has a row only for a late applicant.
    titles = {m["title"] for m in milestones}
    estimated = [d.label for d in season_dates if d.estimated and d.label in titles]
    # Steps are estimated only when counted from an estimated season date, so
    # one note explains both.
    counted_from = (
        " Your preparation steps counted from them are marked too, and move with them."
        if any(m.get("estimated") and m["title"] not in {d.label for d in season_dates} for m in milestones)
        else ""
    )
    if all(d.estimated for d in season_dates):
        # "Yet" only while the season runs: of a Match long past it read as
        # if the dates might still come (fuzz audit s33, F3).
        # When our table was last updated, not "yet": in November 2028 the
        # NRMP had surely published the Match 2029's dates (seasonlate audit
        # s44, 7).
        updated = cycle.dates_table_updated()
        when = f": it was last updated in {updated}," if updated else ","
        notes.append(
            f"Our table has none of the published Match {match_year} dates{when} so each date of the season is set by "
            f"rule and marked “estimated”.{counted_from} {ESTIMATE_NOTE}"
        )
    elif estimated:
        notes.append(
            # Two sentences: with the list in it, one ran to 58-65 words
            # (interview audit s56, 11).
            f"Dates marked “estimated” are set by rule, because our table lacks the published Match {match_year} "
            f"dates for them. They are: {', '.join(estimated)}.{counted_from} {ESTIMATE_NOTE}"
        )
    if past_count == len(milestones):
        notes.append(f"Every milestone of this plan is before {long_date(today)}: the Match {match_year} season is over.")
    # The next step leads: on a phone the headline kept in view while editing
    # shows three lines, and the count of milestones is what a cut may lose.
    leading = leading_steps(milestones)
    if leading and under_way(leading[0], today.isoformat()):
        upcoming = next((item for item in leading[1:] if "until" not in item), None)
        # When the next day to act on is the one the stretch runs to, that
        # day is said once, as the next step's (new-words audit s40, 5): the
        # day after it, or its own last day, as SOAP's end is Match Week's
        # (diff review s55b, 3).
        until = leading[0]["until"]
        ends = (dt.date.fromisoformat(until) + dt.timedelta(days=1)).isoformat()
        if upcoming is not None and upcoming["date"] in (ends, until):
            next_step = f"Now: {leading[0]['title']}. "
        else:
            next_step = f"Now: {leading[0]['title']}, until {shown_end(leading[0])}. "
        # A stretch holds the lead for months: the next day to act on still
        # shows beside it (ranking opens, the rank-list deadline).
        if upcoming is not None:
            next_step += f"Next: {upcoming['title']} on {shown_date(upcoming)}. "
    elif leading:
        next_step = f"Next: {leading[0]['title']} {'from' if 'until' in leading[0] else 'on'} {shown_date(leading[0])}. "
    else:
        next_step = ""
    # Past our early estimate of the deadline, the one thing a reader may
    # still do was in a note only, and the headline named Match Week, a month
    # off (new-words audit s40, 8).
    if registration == "may-be-open":
        next_step = (
            "Rank list not certified yet? The NRMP's own deadline may still be open: check its calendar today. " + next_step
        )
    # Beside a submission too late for interviews, the plan already points
    # to the next Match, and its headline keeps to that.
    usce_lead, usce_said, usce_heard = ("", "", "") if too_short else (us_months.lead, us_months.said, us_months.heard)
    first = running_lead + next_step
    # The headline of a plan whose submission is behind it named only the
    # interviews and ranking ahead (late-season audit s39, 2).
    # With the last useful day, which the note alone gave (diff review s52, 5),
    # and without it for a read-out short of room: both built here, as a
    # replace over the finished headline would stop matching, unseen, once
    # either sentence changed (diff review s52b, 10).
    add = add_shown = add_roomy = add_named = add_undated = ""
    if sent_while_open and not too_late_now:
        last_useful = cycle.last_day_for_an_interview(match_year)
        useful_until = long_date(last_useful)
        # The one date still to act on leads, then the rank-list deadline: after
        # "Now: Interview season, until ...", the three lines a phone keeps
        # pinned cut the last useful day off (interview audit s56, 3).  The
        # table still marks the stretch under way.  A day to act on before the
        # last useful one (registration's late fee, in October) follows them.
        soon = next((m for m in leading if "until" not in m and m["date"] < last_useful.isoformat()), None)
        also = f"{soon['title']} on {shown_date(soon)}. " if soon else ""
        shown_then, heard_then = f"{rank_lists_by(deadline)} {also}", f"{rank_lists_by(deadline, heard=True)} {also}"
        first = ""
        add, add_undated = f"{ADD_THROUGH_ERAS_BY.format(useful_until)} {heard_then}", f"{ADD_THROUGH_ERAS} {heard_then}"
        add_roomy = f"{ADD_ERAS_PROGRAMS_BY.format(useful_until)} {heard_then}"
        add_named = f"{ADD_ERAS_PROGRAMS_BY_HEARD.format(useful_until)} {heard_then}"
        add_shown = f"{ADD_ERAS_PROGRAMS_LEAD.format(useful_until)} {shown_then}{NOT_IN_ERAS} "
    # The past steps' words, kept apart: what is heard lets them go before
    # the submission date's lateness (diff review s42, 2).
    past = ""
    # Heard, the plan's next step was January's letters, and the overdue visa
    # check, with the longest lead times of all, only in the table
    # (keyboard-sr audit s37, 3).
    if missed:
        # "The visa check", not the step's title, which would take the
        # read-out past its 40 words.
        visa = any(title in VISA_STEPS for title in missed)
        others = len(missed) - visa
        if short_run_up:
            # Weeks from submitting, the note says not to wait for the months
            # of work, and so does what is heard (diff review s37, 1); the
            # visa check is not such work (ui-check audit s37, 3).
            # Months of work are among them, so there is always a rest.
            fit = f"{counted(others, 'past step')}: fit in what you can {'now, alongside' if reviewing_before_submission else 'before you submit'}. "
            past = ("The visa check first, then " if visa else "") + fit
        else:
            which = (
                "The visa check" + (f" and {counted(others, 'other past step')}" if others else "")
                if visa
                else counted(others, "past step")
            )
            past = f"{which} {'come' if len(missed) > 1 else 'comes'} first if not done yet. "
    # The notes' verdict on a submission too late for interviews leads what is
    # heard: it said "Next: Submit ERAS" and "fit in what you can now,
    # alongside" beside a note calling that application too late (date sweep
    # s40, 2).
    # A submission weeks after reviews start was said only in the notes, far
    # below the field: moved from September to November, what was heard and
    # the phone's headline stayed word for word the same (a11y-phone audit
    # s42, 1).  Said only of a day still ahead, where it can be acted on.
    # Heard, the date is the field just edited, and the read-out keeps to 40 words.
    days_late = (submission - reviews_from.date).days
    late_said = late_heard = residencycas_heard = ""
    if days_late >= 7 and submission >= today and not too_short:
        # Weeks rounded down said "1 week" of 13 days, and "start" of a day
        # gone by (season-dates audit s43, 7).
        how_late = cycle.days_or_weeks(days_late)
        start = cycle.tensed(reviews_from.date, today, "start", "started")
        gone = "will be" if submission > today else "are"
        late_said = (
            f"Submitting {long_date(submission)}, {how_late} after programs {start} reviewing: many interview places "
            f"{gone} gone (our reading). "
        )
        late_heard = f"Submitting {how_late} into reviews: many interview places gone. "
    # The note on ResidencyCAS came second, under one saying a few days make
    # little difference (do-em audit s42, 3); heard, it says whom it is for,
    # as the plan does not know the reader's fields (diff review s42, 3).
    # Not beside the verdict that the submission is too late for interviews at all.
    if after_residencycas and not too_short:
        # "By then" of a deadline already behind the reader: said as it stands today.
        if residencycas_now == "open":
            closed = "probably closed" if residencycas_perhaps else "closed"
            late_said += f"By then ResidencyCAS ({RESIDENCYCAS_FIELDS_OR}) is {closed}. "
            residencycas_heard = f"If EM or OB/GYN: ResidencyCAS {closed} by then. "
        else:
            closed = "may have closed" if residencycas_now == "may-have-closed" else "has closed"
            late_said += f"ResidencyCAS ({RESIDENCYCAS_FIELDS_OR}) {closed}. "
            residencycas_heard = f"If EM or OB/GYN: ResidencyCAS {closed}. "
    # Past steps heard as part of the step that leads, not let go before it:
    # beside the day to send sooner, as they always were.
    kept = ""
    if too_short and submission >= today:
        sooner = f"{capitalised(send_sooner(submission, today, match_year, heard=True))}. "
        # The day to send on is then the next step that counts, in place of
        # the table's "Next" (which the table still marks), and the read-out
        # keeps to 40 words.
        if too_late_now:
            first = f"Too late for interviews in the Match {match_year}: plan for the Match {match_year + 1}. "
            add = add_shown = add_roomy = add_named = add_undated = past = ""
        else:
            first = sooner
        kept, past = past, ""
    # Registering in MyERAS follows the step that leads, and the verdict on
    # the submission's lateness before it.
    # The verdict that US months can no longer end in time comes before the
    # step that leads, and before the running season's lead; heard, it gives
    # way only once nothing but those is left (planner audit s54, 2).
    next_step = f"{usce_lead}{first}{usce_said}{register_said}{add_shown}{kept}{past}"
    return {
        "inputs": {k: (val.isoformat() if isinstance(val, dt.date) else val) for k, val in v.items()},
        "submission": submission.isoformat(),
        "match_year": match_year,
        "today": today.isoformat(),
        "milestones": milestones,
        "past_count": past_count,
        "notes": notes,
        "ics": to_ics(in_calendar, today, match_year),
        "ics_count": len(in_calendar),
        "summary": f"{late_said}{next_step}Plan for the Match {match_year} as of {long_date(today)}: {counted(len(ahead), 'milestone')} "
        f"ahead, {past_count} already past.",
        # Heard at every edit, it keeps to the next steps and the season:
        # with the past steps said, the whole summary ran to 46 words (diff
        # review s37, 2), where every calculator's read-out keeps to 40.
        # Ticking the calendar's option changed only the file, and what was
        # heard stayed word for word the same (keyboard-sr audit s37, 9).
        "announced": _announced(
            f"{first}{add}{kept}",
            match_year,
            len(ahead),
            len(in_calendar) if v["include_past"] and past_count else None,
            late=late_heard,
            residencycas=residencycas_heard,
            eras=register_heard,
            usce=usce_heard,
            verdict=usce_lead,
            past_steps=past,
            # The fields go where the count has, and the day last of all,
            # where the room runs out.
            # "(not EM or OB/GYN)" first: aloud, the comma form can sound
            # like "not EM, but OB/GYN" (diff review s54, 12).
            named=[f"{first}{add_roomy}{kept}", f"{first}{add_named}{kept}"] if add_named else [],
            undated=f"{first}{add_undated}{kept}",
        ),
    }


def _announced(
    next_step: str,
    match_year: int,
    ahead: int,
    calendar: int | None,
    *,
    late: str = "",
    residencycas: str = "",
    eras: str = "",
    usce: str = "",
    verdict: str = "",
    past_steps: str = "",
    named: Sequence[str] = (),
    undated: str = "",
) -> str:
    """The read-out: how late the submission date is (``late``) and whether
    ResidencyCAS is closed by then, the next step and the past steps to fit
    in, then the season and its count, within ``READ_OUT_WORDS``; before ERAS
    takes applications, ``eras``, to register in MyERAS, after the next step.  What gives
    way first is the count (date sweep s40, re-run: 41 words), then the
    ResidencyCAS clause, then the past steps, then the MyERAS clause, and the
    lateness last: dropped first, it went unheard in a third of late plans
    (diff review s42, 2).  ``named``, the next step with the fields ERAS does
    not take, longest form first, is heard only where nothing but the count
    gives way.  ``usce``,
    the last day to start US months, goes with the MyERAS clause, after the
    next step it dates; ``verdict``, that they can no longer end in time, is
    said before the next step, and gives way only where nothing else is left
    to (planner audit s54, 2)."""
    eras = usce + eras
    count = f"Match {match_year} plan: {counted(ahead, 'milestone')} ahead" + (
        f"; calendar file: all {calendar}." if calendar is not None else "."
    )
    plan = f"Match {match_year} plan."

    def tries(verdict: str) -> tuple[str, ...]:
        step, step_undated = (f"{verdict}{text}" for text in (next_step, undated))
        shown_first = tuple(
            f"{late}{residencycas}{verdict}{form}{eras}{past_steps}{end}" for form in named for end in (count, plan)
        )
        return (
            *shown_first,
            f"{late}{residencycas}{step}{eras}{past_steps}{count}",
            f"{late}{residencycas}{step}{eras}{past_steps}{plan}",
            f"{late}{step}{eras}{past_steps}{plan}",
            f"{late}{step}{eras}{plan}",
            f"{late}{step}{past_steps}{plan}",
            f"{late}{step}{plan}",
            f"{late}{step_undated}{plan}",
            f"{step}{plan}",
            f"{step_undated}{plan}",
        )

    return first_within_read_out((*tries(verdict), *(tries("") if verdict else ())))


# --- iCalendar (RFC 5545) --------------------------------------------------------
def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Split a content line into chunks of at most 75 octets, as RFC 5545 asks."""
    # Octets counted as they are added: re-encoding the whole chunk for each
    # character made this most of a live recompute.
    chunks: list[str] = []
    current, octets = "", 0
    for char in line:
        limit = 75 if not chunks else 74  # continuation lines start with a space
        width = len(char.encode())
        if octets + width > limit:
            chunks.append(current)
            current, octets = char, width
        else:
            current += char
            octets += width
    chunks.append(current)
    return [chunks[0], *(" " + c for c in chunks[1:])]


def _summary_mark(item: PlanItem) -> str:
    """An event title's estimate mark: its own date's, else its end's."""
    if mark := _estimate_mark(item, " date"):
        return f" ({mark})"
    if mark := _end_mark(item, " date"):
        return f" (ends on an {mark})"
    return ""


def event_uid(match_year: int, title: str, occurrence: int) -> str:
    """One milestone's calendar identity, the same in every download of the
    plan: from its date and place in the list, a milestone that passed, the
    past ticked, or a published date replacing an estimate gave every event a
    new UID, and a second import doubled the calendar (timeline audit s36, 1)."""
    return hashlib.sha256(f"{match_year}|{title}|{occurrence}".encode()).hexdigest()[:24]


def to_ics(milestones: list[PlanItem], today: dt.date, match_year: int) -> str:
    # Derived from the inputs, not the clock, so a build is reproducible.
    stamp = f"{today.strftime('%Y%m%d')}T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Match Plan B//Timeline//EN", "CALSCALE:GREGORIAN"]
    seen: Counter[str] = Counter()
    for m in milestones:
        day = dt.date.fromisoformat(m["date"])
        seen[m["title"]] += 1
        uid = event_uid(match_year, m["title"], seen[m["title"]])
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@matchplanb.invalid",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(dt.date.fromisoformat(last_day(m)) + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(m['title'] + _summary_mark(m))}",
            f"DESCRIPTION:{_escape(m['detail'] + ' Source: ' + m['source'])}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(chunk + "\r\n" for line in lines for chunk in _fold(line))


PLAN_COLUMNS = ("Date", "Status", "Milestone", "What to do", "Source")


# The plan's rows name an article by its short name, and the full citation
# follows the table once: in every row it made each row a dozen lines deep.
ARTICLE_BY_CITATION = {a.cite(): a for a in ARTICLES}


def _articles_cited(milestones: list[PlanItem]) -> Markup | None:
    sources = {m["source"] for m in milestones}
    cited = [a for a in ARTICLES if a.cite() in sources]
    if not cited:
        return None
    return el(
        "p",
        "Articles in the Source column: ",
        "; ".join(f"{a.short}: {a.title}, {a.publisher}, {a.year}" for a in cited),
        ".",
    )


def leading_steps(milestones: list[PlanItem]) -> list[PlanItem]:
    """The rows still ahead that the plan may lead with: the headline's
    "Now"/"Next" and the table's "Next" both come from here."""
    ahead = [m for m in milestones if not m["past"]]
    return [m for m in ahead if not m.get("held_back")] or ahead


def render(result: TimelineResult) -> Markup:
    milestones = result["milestones"]
    href = "data:text/calendar;charset=utf-8," + quote(str(result["ics"]))
    count = int(result["ics_count"])
    past = int(result["past_count"])
    what = "every milestone" if count == len(milestones) else f"the {counted(count, 'milestone')} still ahead"
    today = str(result["today"])
    leading = leading_steps(milestones)
    next_index = next(
        (i for i, m in enumerate(milestones) if any(m is lead for lead in leading) and not under_way(m, today)), None
    )
    rows = []
    for index, m in enumerate(milestones):
        row_class: str | None
        if m["past"]:
            status, title, row_class = "Past", el("span", str(m["title"])), "mpb-past"
        elif under_way(m, today):
            status, title, row_class = "Under way", el("strong", str(m["title"])), "mpb-next"
        else:
            status = "Next" if index == next_index else "Ahead"
            title, row_class = el("strong", str(m["title"])), "mpb-next" if index == next_index else None
        article = ARTICLE_BY_CITATION.get(str(m["source"]))
        cells = (shown_date(m), status, title, m["detail"], article.short if article else source_cell(str(m["source"])))
        # Each cell names its column, which a phone shows beside it (calculators.css).
        rows.append(el("tr", [el("td", c, data_label=h) for h, c in zip(PLAN_COLUMNS, cells, strict=True)], class_=row_class))
    plan = el(
        "table",
        el(
            "caption",
            f"Your plan in date order; “Past” marks milestones before {written_out(result['today'])}",
        ),
        el("thead", el("tr", [el("th", h, scope="col") for h in PLAN_COLUMNS])),
        el("tbody", rows),
    )
    notes = result["notes"]
    return el(
        "div",
        el("p", result["summary"], class_="mpb-headline"),
        # Headings to jump by: a screen reader met some 470 words of notes
        # before the plan, with nothing between (planner audit s54, 11).
        el("h4", "Notes on your plan") if notes else None,
        el("ul", [el("li", n) for n in notes], class_="mpb-notes-list") if notes else None,
        # The download, and what it holds, are for the screen: paper has the plan below.
        # An empty calendar is not offered: after Match Day it held no event.
        el(
            "p",
            el("a", "Download the calendar (.ics)", href=href, download="match-plan-b-timeline.ics", class_="md-button"),
            class_="mpb-screen-only",
        )
        if count
        else None,
        el(
            "p",
            f"The calendar holds {what}"
            + (
                f" ({counted(past, 'past milestone')} left out; tick “{INCLUDE_PAST_LABEL}” above to include them)"
                if count < len(milestones)
                else ""
            )
            + ". It imports into Google Calendar, Apple Calendar and Outlook, and is made in your browser. Each "
            "milestone keeps its identity from one download to the next. Calendar apps differ in whether a newer "
            "copy updates the events they hold: to be sure, delete the old ones first, or keep the plan in a "
            "calendar of its own.",
            class_="mpb-screen-only",
        )
        if count
        else el(
            "p",
            "No milestone is still ahead, so there is no calendar to download; tick "
            f"“{INCLUDE_PAST_LABEL}” above to include the past ones.",
            class_="mpb-screen-only",
        ),
        # A real button, named by its words, for a keyboard and a screen
        # reader alike; off paper and, with scripts off, off the page too
        # (calculators.css), as only the page's script prints.
        el(
            "p",
            el("button", PRINT_PLAN, type="button", class_="md-button mpb-print-plan"),
            f" {PRINT_PLAN_SAID}",
            class_="mpb-screen-only mpb-print-plan-offer",
        ),
        el("h4", "Your plan, date by date"),
        plan,
        _articles_cited(milestones),
        class_="mpb-result-body",
    )


def method() -> Markup:
    return join(
        el(
            "p",
            "Each milestone sits a fixed number of months before or after your submission date, on the same day of "
            "the month. The stages follow the orthopaedics article's plan (12-18, 9-12, 6-9, 3-6 and 0-3 months "
            "before submission) and the IMG article's action plan; dual applying adds the backup's rotations, "
            "letters and statement and a mid-summer decision deadline. Letters, statements and program lists count "
            "from the day ERAS opens instead: the IMG article puts them 3-6 months before it, about three months "
            "earlier than the orthopaedics article does, and the earlier date is the safer deadline. Their 5, 4 and 3 "
            "months within that window are our spacing. If you submit "
            "after the usual date (three months after ERAS opens), the early preparation still counts from the usual "
            "date: a late application needs its groundwork no later than an early one. The steps are written for "
            "IMGs, as the articles are: a US MD or DO graduate can pass over the ones about IMG-friendly programs, "
            "visas and ECFMG, and keep the rest.",
        ),
        el(
            "p",
            "Your submission date decides the Match season: applications go to programs from early September "
            "until the rank lists close in late winter, and that Match ends with Match Day the following March. "
            "A date outside that stretch belongs to no season, and the calculator says so instead of guessing. "
            "With no date, the plan uses the next season you can still apply to before programs start reviewing, "
            f"unless you answer “{profile.APPLIED_THIS_SEASON.label_of(profile.APPLIED)}” while programs are reviewing "
            "that season's applications: then it plans that season, counted from the first day applications could go. "
            "While an earlier season's applications are out and its rank lists are open, a plan for a later season "
            "says so, with or without a date: a reader already in that season can still register with the NRMP and "
            "certify a rank list, and entering the date they submitted plans it. With no date, it also gives the last "
            "useful day to send a new application to that season, by the rule of thumb below.",
        ),
        el(
            "p",
            "The season's fixed dates come from one dated table (shown on the data and sources page). Dates the "
            "AAMC or NRMP published are used as they are, with their source; any date the table lacks is "
            "worked out from the rule below and marked as an estimate. "
            f"Seasons with dates in the table: {', '.join(f'Match {y}' for y in cycle.seasons_in_table())}.",
        ),
        table(
            ("Season date", "Rule used when it is not published"),
            [(m.label, m.rule) for m in cycle.MILESTONES],
            # A screen reader's table list named these three by their first
            # cells alone (planner audit s54, 11).
            caption="How each season date is estimated when it is not published",
        ),
        el(
            "p",
            "Milestones before today's date (your device's date in the browser) are marked “Past” and left out "
            "of the calendar file unless you ask for them. The interview season is a stretch, not a day: it runs "
            "from a month after programs can first read your application (your submission, or the day they start "
            "reviewing if that is later) until the day before the rank-list deadline, is marked “Under way” in "
            "between, and is one event over those days in the calendar file. Match Week is a stretch too, but only "
            "while it runs: from its Monday to the day SOAP ends, its row gives that day's steps, as the SOAP page "
            "does. The steps are our advice, and the rules in them carry their sources. Your own steps that fell before "
            "today are named in a note; within "
            f"{SHORT_RUN_UP_DAYS // 7} weeks of your submission it separates what still fits in the weeks left from "
            "the months of work (clinical experience, rotations and their letters, an IMG's Step 2 CK) that should "
            "not hold your application back.",
        ),
        el(
            "p",
            "In the middle of a season, the plan reads your date against it. If programs are already reviewing and "
            "your submission is still ahead, that note applies however far off the submission is, and the steps "
            "still to come before it (the reviews of your packet, the last point to commit to a backup) are dated "
            "today, to be done alongside sending, instead of weeks ahead of an application that is already late. "
            "If a month from your submission, when the plan starts interviews (our rule of thumb: no article times "
            "them), leaves fewer than "
            f"{SHORTEST_INTERVIEW_SEASON_DAYS // 7} weeks before the rank-list deadline, the result says plainly "
            "that an application sent then is unlikely to bring an interview, and points to the next Match. If your "
            "submission is behind you and the rank lists are still open, it gives the last day on which, by the same "
            "rule, an application through ERAS, to more programs or a second specialty, can still bring an "
            "interview, as a row of its own while that day is ahead, and says that ResidencyCAS closed in late September. From the end of SOAP to 1 May of the Match year, it says that the NRMP's List of "
            f"Unfilled Programs is still open and its programs may be contacted ({NRMP_SOAP.cite()}). Once your "
            "submission is behind you, the plan goes on past Match Day, with three rows for the case each names: get "
            "ready for SOAP from a week before Match Week until it begins (the day and the list of what to prepare are ours), the List of "
            "Unfilled Programs from the end of SOAP to 1 May, and a debrief a week after Match Day, as the no-match "
            "article times it.",
        ),
        table(
            ("Months", "Milestone", "When", "Source"),
            [
                (
                    f"{s.months} {ANCHOR_WORDS[s.anchor]}",
                    s.title,
                    {
                        "always": "everyone",
                        "dual": "dual applicants",
                        "visa": "IMGs who need a visa",
                        "visa-us-graduate": "US MD and DO graduates who need a visa",
                        "img": "IMGs",
                        "do": "US DO seniors and graduates",
                        "reapplicant-before-step3": "reapplicants who have not passed Step 3",
                    }[s.when],
                    source_cell(s.cites()),
                )
                for s in STEPS
            ],
            caption="The preparation steps, counted in months from the submission or the review start, and whom each is for",
        ),
        # (planner audit s54, 2)
        el(
            "p",
            f"An IMG who answers “{HANDS_ON_MONTHS.label}” with fewer than {USCE_MINIMAL_BELOW} (our line for "
            "minimal US experience, the one the competitiveness check uses) gets the months left counted back from "
            f"the day the letters are due: the row “{REQUEST_LETTERS}” (the IMG article's clock) if they can end by "
            f"then, or else about {cycle.LETTERS_CONFIRMED_MONTHS} months before the submission, when the orthopaedics "
            "article wants letters confirmed, with a row of its own. A row gives the last day to start them, our "
            "count for months back to back, so it is marked “our estimate”; once "
            f"“{PLAN_USCE}” is past, a row dated today says to arrange them; and the letters row says to ask the "
            "physicians who supervise them. If even the later day cannot be met, the plan says that "
            f"{SEASON_LATER} than to send a first application with no US letters: the guide's reading and ours, "
            f"not the articles'. With {USCE_MINIMAL_BELOW} or more, the letters row only says to ask the physicians who "
            "supervised them. Left empty, or for a US graduate, the answer changes nothing.",
        ),
        el(
            "p",
            "An IMG who needs a visa also gets a row on the rank-list deadline for an H-1B's Step 3: a program can "
            "file an H-1B petition only with the pass in hand, and some want it by Match Day, so the plan asks for it "
            "by the rank-list deadline, our own choice. A second row gives the last day to apply to the FSMB for it: "
            f"counted back from a test by the last day of the year before the Match ({STEP3_SCORE_DELAY.cite()}), "
            f"less {STEP3_FSMB_WEEKS} weeks for the FSMB ({FSMB_STEP3.cite()}) and {STEP3_SEAT_WEEKS} weeks to find a "
            f"test date, our own assumption, so the day is marked “our estimate”. The FSMB's {STEP3_VERIFY_WEEKS} weeks "
            f"to verify graduation count from the day you graduated, so the row gives a graduate of an earlier year a "
            f"later day, with {STEP3_PERMIT_WEEKS} weeks for the permit alone; from that later day on, the Step 3 row "
            "says the time may be too short. A third row on the same day says that the FSMB takes an IMG's Step 3 "
            "application only after ECFMG certification, so a reader not yet certified needs the Pathway and OET "
            "Medicine done by then; it gives no earlier day, as none of our sources says how long ECFMG takes to "
            "certify. "
            "A US MD or DO gets a row on the rank-list deadline, also the NRMP's last day to register or withdraw, "
            "by which a senior weighing a research year by extending school must decide "
            f"({NRMP_WITHDRAWAL_DEADLINE.cite()}). The Match Day row then says what a J-1 "
            "asks in the weeks before training (the Statement of Need for the field you matched into, ECFMG's "
            "application of about four to six weeks, a consulate interview) without dating those steps, which no "
            "source does; for a reader matched to an advanced program and a first year, it names what to ask ECFMG "
            "and that the advanced program's employer files its own H-1B petition. Answer “Yes, H-1B only (no J-1)” "
            "and no row offers a J-1: the visa step and the Step 3 row say to rank only programs that have said they "
            "will file an H-1B for you, and that without the pass in time no program can file, so this Match holds no "
            "position you could start; the last day to apply for Step 3 says you need it for any position this "
            "Match, so waiting until you are ready is a trade against a failure, not a safe wait; the Match Day row "
            f"keeps only its H-1B sentence. Tick “{STEP3_PASSED_LABEL}” and the plan leaves out the last day to apply "
            "for Step 3, and the Step 3 row says it is done, that programs must see the pass in the transcript they "
            "receive, and what to rank without a J-1; without a visa, the box changes nothing. "
            "The program-lists row asks about "
            "visa sponsorship only when you need a visa, and tells every reader, since the plan asks no specialty, to "
            "list first-year (preliminary or transitional) programs too, with a short statement and letters for them, "
            "if any program they apply to starts at PGY-2.",
        ),
        el(
            "p",
            f"Every plan has a row for ResidencyCAS's deadline, which {data.RESIDENCYCAS_FIELDS_SAID} programs use "
            "instead of ERAS: the plan does not ask your specialty, so the row says whom it is for. Its day is the "
            f"one ResidencyCAS gave for the cycle we read ({data.RESIDENCYCAS_DATES.cite()}); for any other season it "
            "is our estimate, the fourth Wednesday of September, where both cycles we read closed, and marked so. A "
            "submission date after it is told, in the headline and a note, that those fields would be closed for that "
            "Match, not merely late; after an estimate but before September is out, that they would probably be "
            "closed, since ResidencyCAS's own day may be up to a week later; before it, that its own day may fall "
            "earlier as well as later, so send by the day ResidencyCAS publishes, and until then by ours. Every "
            "calculator words ResidencyCAS's "
            "state the same way: open until that day, then, past an estimate, perhaps closed until the month's end.",
        ),
        el(
            "p",
            "A past no-match adds two milestones from the no-match article, counted in days from the Match Day you "
            "did not match on rather than from your next submission: the article allows 3-7 days to absorb the "
            "news before a debrief, then a one-week plan that ends with a chosen lane. Whether you reapply at once (six "
            "months to submission) or after a year (eighteen), they come first. The calculator takes that Match Day "
            "to be that of the latest Match whose results were out by today (or by your submission date, if that is "
            "earlier) and names it. "
            "Confirming the first choice, the outside assessment and the dual-applying decision are left out: the "
            "debrief and the choice replace them. Other preparation the plan would date before the choice belonged "
            "to the failed application or would be done blind, so it is spread evenly, in order, between the choice "
            "and the next step still ahead, each marked as moved. The box is for an application still to send: "
            "ticked once this plan's application has gone out, it dates nothing from the Match before it, which a "
            "first-time applicant was never in, and a note says so; if this Match does not place you, tick it then "
            "and enter your next submission date.",
        ),
        table(
            ("Days after that Match Day", "Milestone", "Source"),
            [(str(s.days), s.title, s.source.cite()) for s in AFTER_NO_MATCH],
            caption="After a no-match: each step, counted in days from that Match Day",
        ),
    )
