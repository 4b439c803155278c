"""The questions several calculators ask: one definition each.

A reader's answer to one of these carries over to every calculator that asks
the same question (through remembered answers, or a link with several
calculators' answers), so each
name must mean, and validate, the same everywhere.  A calculator may change
the wording, default or help with ``dataclasses.replace``, never the rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from . import cycle, data
from .fields import FALSE_WORDS, TRUE_WORDS, BoolField, ChoiceField, ClosedChoices, InputError, IntField, flag, whole
from .html import Markup, and_list, counted, el, long_date

SPECIALTY = ChoiceField(
    name="specialty",
    label="Target specialty",
    choices=data.SPECIALTY_CHOICES,
    initial="internal-medicine",
    help="The specialty you most want.",
)
APPLICANT_TYPE = ChoiceField(
    name="applicant_type",
    label="Applicant type",
    choices=data.APPLICANT_TYPES,
    initial="non-us-img",
    help=f"How the NRMP classifies you. {data.PERMANENT_RESIDENTS}",
)
STEP2_LEFT_EMPTY = "Leave empty if you have not taken it, or took only COMLEX (its scores are not converted)."
STEP2_SCORE = IntField(
    name="step2_score",
    label="Step 2 CK score",
    minimum=1,
    maximum=300,
    initial=240,
    optional=True,
    help=f"Your USMLE Step 2 CK three-digit score, not a percentile. {STEP2_LEFT_EMPTY} After a failed attempt, "
    "enter your passing score and count the failure under “Exam failures”.",
    # A DO typing a COMLEX score (such as 610) was told only the range (DO audit s34, 4).
    # A COMLEX score has three digits: a million drew the same hint (fuzz audit s40, 4).
    above_maximum="If this is a COMLEX score, leave the field empty: COMLEX scores cannot be entered here.",
    above_maximum_up_to=999,
)


def step2_failing(values: Mapping[str, object]) -> bool:
    """Whether the score typed is below the passing score of a test taken now."""
    score = values.get("step2_score")
    return isinstance(score, int) and score < data.STEP2_PASSING_SCORE


def step2_never_passed(values: Mapping[str, object]) -> bool:
    """Whether the score typed is below every passing score we hold (from
    2014), so not an old pass but a score to be retaken."""
    score = values.get("step2_score")
    return isinstance(score, int) and score < min(passing for _, passing in data.STEP2_PASSING_SCORES)


def step2_pass_note(values: Mapping[str, object]) -> str | None:
    """What a result says, above all else in it, of a score that would not
    pass a test taken now: read as a passed low score, it drew a band and match
    odds for an exam still to be retaken (exam-edges audit s36, 1)."""
    score = values.get("step2_score")
    if not isinstance(score, int) or not step2_failing(values):
        return None
    # The last passing score this one met, and the one that replaced it.
    met = [i for i, (_, passing) in enumerate(data.STEP2_PASSING_SCORES) if score >= passing]
    if met:
        since, passing = data.STEP2_PASSING_SCORES[met[-1] + 1]
        verb = "is" if passing == data.STEP2_PASSING_SCORE else "was"
        when = f"A score of {score} was a pass only for tests taken before {long_date(since)}: from then the passing score {verb} {passing}"
    else:
        since, passing = data.STEP2_PASSING_SCORES[0]
        when = f"A score of {score} is below the passing score of every test since {long_date(since)}, {passing}"
    # 209-213 stopped at 214, in the present tense, where the summary
    # pointing here said 218 (keyboard-sr audit s37, 4).
    if passing != data.STEP2_PASSING_SCORE:
        current_since, current = data.STEP2_PASSING_SCORES[-1]
        when += f", and for tests from {long_date(current_since)} it is {current}"
    # Match odds asks no failures; a failure already counted is not asked for again.
    count = "" if values.get("exam_failures") else "count it under “Exam failures”, "
    return (
        f"{when} ({data.USMLE_STEP2_PASSING.cite()}). If it was a failed attempt, {count}leave “{STEP2_SCORE.label}” "
        "empty until you have a passing score, and then enter that one: as it stands, the results treat it as a "
        "passing score. An IMG needs the pass verified by ECFMG before the rank-list deadline."
    )


def render_pass_note(values: Mapping[str, object]) -> Markup | None:
    """``step2_pass_note`` at the top of a result, on screen and on paper."""
    note = step2_pass_note(values)
    return el("p", el("strong", "Check your Step 2 CK score: "), note, class_="mpb-note") if note else None


# A band read from no score looked settled: a US senior with none was told
# "Applying to this specialty alone is reasonable", and only a row deep in
# the factors said "provisional" (exam-edges audit s36, 5).
NO_SCORE_NOTE = "No Step 2 CK entered: if yours is still to come, this result is provisional."
# A DO's COMLEX score is not "still to come": it is simply not weighed, and
# fewer programs weigh it than weigh Step 2 CK (COMLEX audit s37, 2).
NO_SCORE_NOTE_DO = (
    "No Step 2 CK entered: if yours is still to come, this result is provisional; if you took COMLEX only, your "
    "score is not weighed here."
)
COMLEX_ONLY_NOTE = (
    f"If you took COMLEX only: in the NRMP's {data.NRMP_PD_SURVEY.year} survey, {data.PD_SURVEY_STEP2_PCT}% of "
    f"program directors said they consider Step 2 CK scores and {data.PD_SURVEY_COMLEX2_PCT}% COMLEX Level 2 scores "
    f"({data.NRMP_PD_SURVEY.cite()}), so check each program's exam policy."
)

# The surgical fields, one set for every calculator.  The survey of surgical
# program directors (data.SURGERY_PD_DO_SURVEY, cited on the assess page) was
# sent in "ten surgical specialties", which its abstract does not name; of the
# site's fields, those are the ones that are surgery by name, the five the
# backup finder already gives a preliminary surgery year.  Obstetrics and
# gynecology is left out: nothing we hold says it was among the ten.
SURGICAL_FIELDS = frozenset(
    {"general-surgery", "orthopaedic-surgery", "otolaryngology", "plastic-surgery", "neurological-surgery"}
)
# A COMLEX-only DO applying in surgery was told "Applying to this specialty
# alone is reasonable", with only the all-specialty survey beside it, where
# the site's own surgical survey says most surgical program directors want
# USMLE from DOs (do-surgery audit s40, 1).  Said beside the band wherever a
# calculator shows it for such a reader.
SURGERY_USMLE_SOURCE = (
    f"{data.SURGERY_PD_DO_SURVEY.publisher}, a survey of surgical program directors, {data.SURGERY_PD_DO_SURVEY.year}"
)
# The note's heading, which the headline and the Step 2 CK row point to by
# name: "below" was wrong where a page puts the note above (diff review s40, 2).
COMLEX_ONLY_SURGERY_HEADING = "COMLEX only, in surgery"
COMLEX_ONLY_SURGERY_NOTE = (
    "Most surgical program directors surveyed recommend or require USMLE Step 2 CK from DO applicants "
    f"({SURGERY_USMLE_SOURCE}): with COMLEX only, the band the competitiveness check gives "
    "holds only among the programs that state they accept COMLEX alone, so count those programs before you rely on it."
)

# The headline's short form of it: the whole note, with its source, stands
# under the band, and beside the general COMLEX words it made a headline of
# some 90 words, read out at every edit.  It says "provisional", as every
# other headline without a score does: the form cannot tell a DO whose Step 2
# CK is still to come from one who took COMLEX only (note of s40).  Its words
# are counted: the read-outs it ends stay within 40 (test_signals).  "Band
# holds", not "It holds": after the signals planner's sentence on signal
# numbers, "it" read as those (diff review s41, 12).
NO_SCORE_NOTE_DO_SURGERY = (
    f"Provisional: no Step 2 CK. Band holds where programs accept COMLEX alone (see “{COMLEX_ONLY_SURGERY_HEADING}”)."
)


def do_in_surgery(applicant: object, slug: object) -> bool:
    """A US DO whose field ``slug`` is surgical, the one test behind every
    word the calculators say to such a reader."""
    return applicant == "us-do" and slug in SURGICAL_FIELDS


def comlex_only_in_surgery(values: Mapping[str, object], slug: object) -> bool:
    """A DO with no Step 2 CK entered whose field ``slug`` is surgical."""
    return do_in_surgery(values.get("applicant_type"), slug) and values.get("step2_score") is None


# What a screen reader hears of those notes after each edit: the headline's
# forms took 241 of 3,672 read-outs past 40 words, to 66 (diff review s41, 5).
NO_SCORE_HEARD = "No Step 2 CK entered: provisional."
# Heard, the pointer to a heading the listener cannot see is left out.
NO_SCORE_HEARD_DO_SURGERY = "Provisional: no Step 2 CK. Band holds where programs accept COMLEX alone."
NO_SCORE_HEARD_DO = "No Step 2 CK: provisional, and COMLEX is not weighed here."


def after_pass_note(values: Mapping[str, object], summary: str, banded: bool = False, heard: bool = False) -> str:
    """A result's summary with, after its number, a word on a failing score
    (the note itself is in the result) or, for a ``banded`` result, on none.
    Before the number, the note filled a phone's three-line headline and was
    read out ahead of the result at every edit (diff review s36, 2).
    ``heard``: the short form, for the read-out."""
    score = values.get("step2_score")
    if step2_failing(values):
        if heard:
            return f"{summary} Step 2 CK {score}: below the passing score, {data.STEP2_PASSING_SCORE}."
        return f"{summary} Your Step 2 CK of {score} is below the current passing score, {data.STEP2_PASSING_SCORE}: see the note under the headline."
    if banded and score is None:
        if comlex_only_in_surgery(values, values.get("specialty")):
            return f"{summary} {NO_SCORE_HEARD_DO_SURGERY if heard else NO_SCORE_NOTE_DO_SURGERY}"
        do = values.get("applicant_type") == "us-do"
        if heard:
            return f"{summary} {NO_SCORE_HEARD_DO if do else NO_SCORE_HEARD}"
        return f"{summary} {NO_SCORE_NOTE_DO if do else NO_SCORE_NOTE}"
    return summary


EXAM_FAILURES = IntField(
    name="exam_failures",
    label="Exam failures",
    maximum=20,
    initial=0,
    # A DO with COMLEX only read "USMLE failures" as not theirs and entered 0
    # after a failed Level (DO audit s34, 1); the radiology article counts any
    # exam failure, the ultra article USMLE and COMLEX alike.
    help=f"Failed attempts on any USMLE Step or COMLEX Level. {data.ATTEMPT_LIMITS}",
)
# Whether a US MD or DO applicant is a senior turns on it (data.prior_us_graduate).
YEARS_SINCE_GRADUATION = IntField(
    name="years_since_graduation",
    label="Years since graduation",
    maximum=60,
    initial=0,
    # No source says counted to when; one year moves a band (older-IMG audit s34, 6).
    help="Whole years since you graduated from medical school (0 if not yet). Programs do not all count the years "
    "to the same date, so if one year more or one year less would change the result, try both.",
)
# The IMG article: more than 5-7 years since graduation "can be a barrier"
# at some programs; the lower end is where the calculators start to say so.
LONG_AGO_YEARS = data.IMG_GRADUATION_BARRIER_YEARS[0]


def graduated_long_ago(values: Mapping[str, object]) -> bool:
    """A graduation more than LONG_AGO_YEARS years ago: the calculators' old
    graduation, which four of them had each worked out (diff review s43,
    second, 11)."""
    return whole(values, "years_since_graduation") > LONG_AGO_YEARS


class Flag(str):
    """A red flag's words that also say which flag it is (``kind``), for
    code to go by in place of the words.  Equal to its words, and written as
    them to JSON.  Match odds told an old graduation from its other flags by
    parsing their words (second read, session 52 note).  Here, where the
    check and match odds, which import each other, both read it."""

    kind: str

    def __new__(cls, words: str, kind: str) -> Flag:
        flag = super().__new__(cls, words)
        flag.kind = kind
        return flag


# The kind of the same red flag in the check's words and in match odds'.
OLD_GRADUATION_KIND = "old-graduation"


def graduation_limit_note(values: Mapping[str, object], advice: str) -> str | None:
    """For an old graduation, list advice as a visa gets: a program's own
    limit rules a reader out before anyone reads the file (older-IMG audit
    s34, 4).  ``advice`` says what to do about such programs."""
    if not graduated_long_ago(values):
        return None
    years = whole(values, "years_since_graduation")
    return (
        f"You graduated {counted(years, 'year')} ago, and the IMG article says more than "
        f"{data.span(data.IMG_GRADUATION_BARRIER_YEARS)} years can be a barrier "
        f"at some programs: {advice}"
    )


# Where a limit is found and how to count against it: "stated limit" alone
# left an older graduate not knowing where to look, or that they would be a
# year or two further out when training starts (oldgrad audit s52, 8).
GRADUATION_LIMIT_HOW = (
    "Look for a limit on each program's own website or listing; where none is stated, ask its coordinator before you "
    "apply (our advice). Count your years to the start of training, in July after the Match, not to today."
)


PREVIOUSLY_UNMATCHED = BoolField(
    name="previously_unmatched",
    label="I applied before and did not match",
    help=(
        "A past no-match changes what the next application has to show. Tick it after one no-match or several: the "
        "calculators weigh them alike, so after more than one, read the advice as the least you should do."
    ),
)

# Mid-season, five calculators spoke to a reader adding programs to the
# season under review, and a reader planning the next one read "$3,150 for
# the whole of ERAS 2027" and "No signal numbers for ERAS 2027" as theirs
# (planner audit s54, 3).  One answer for all five; "Not said" keeps the
# notes as they were, so a page built for no answer does not change.  The
# season is named on the day this module is read: the build's on the page,
# the device's in the browser, as the results count from.  Each answer
# names its Match: a bare "no" remembered in December 2026 told a reader who
# applied in 2027 "you have not applied for the Match 2028", and "No, I have
# not applied this season" caught a reader who only had not applied yet
# (diff review s55, 1 and 2).
ASKED_FOR = cycle.coming_season(cycle.reference_date())
NOT_SAID, APPLIED, NOT_APPLIED = "not-said", f"yes-{ASKED_FOR}", f"no-{ASKED_FOR}"
APPLIED_THIS_SEASON = ChoiceField(
    name="applied_this_season",
    label=f"Applied this season (Match {ASKED_FOR})",
    choices=(
        (NOT_SAID, "Not said"),
        (APPLIED, f"Yes, I applied for the Match {ASKED_FOR}"),
        (NOT_APPLIED, f"No, I am planning the Match {ASKED_FOR + 1}"),
    ),
    initial=NOT_SAID,
    help="Counts only while programs review a season's applications: “Yes” keeps the notes on adding programs to "
    "it, “No” leaves them out and plans the next season. At other times it changes nothing.",
)


def season_answer(values: Mapping[str, object], today: dt.date) -> tuple[int, bool] | None:
    """The season under review on ``today`` and whether the reader applied
    in it, or None where none is under review, the reader did not say, or
    said it of another Match (a page built before that season began)."""
    answer = values.get(APPLIED_THIS_SEASON.name)
    year = cycle.season_under_review(today)
    if year is None or answer not in (f"yes-{year}", f"no-{year}"):
        return None
    return year, answer == f"yes-{year}"


def said_applied(values: Mapping[str, object], today: dt.date) -> bool:
    """Whether the reader said they applied in the season under review on ``today``."""
    return (answer := season_answer(values, today)) is not None and answer[1]


def adding_this_season(values: Mapping[str, object], today: dt.date) -> int | None:
    """The Match the reader said they applied for, while its programs read
    applications and one sent today can still bring an interview (the last
    useful day, ``cycle.last_day_for_an_interview``, is still ahead); else
    None.  The phone lines of the check, program counts and application cost
    then lead with that day (interview audit s56, 2)."""
    year = cycle.season_under_review(today)
    if year is None or not said_applied(values, today) or cycle.too_late_for_interviews(year, today):
        return None
    return year


def planning_next(values: Mapping[str, object], today: dt.date) -> bool:
    """Whether the reader said they have not applied in the season under
    review on ``today``, so every result is for the next one.  Five
    calculators each worked it out from ``season_answer`` (diff review s55, 12)."""
    return (answer := season_answer(values, today)) is not None and not answer[1]


def answered(year: int, applied: bool) -> str:
    """The answer a result used, in the words it says it with."""
    return f"As you answered, you {'applied' if applied else 'have not applied'} for the Match {year}"


def next_season_said(
    values: Mapping[str, object], today: dt.date, what: str | None, slugs: Sequence[str], dated: bool = False
) -> str | None:
    """Said in place of the mid-season notes to a reader planning the next
    season (``planning_next``), or None: ``what`` ("these counts are for") is
    for that season, named by the Match where any of ``slugs`` applies
    through ResidencyCAS, as its services name it.  ``what`` None: the answer
    alone, where another note of the result names the season.  ``dated``:
    the result names a day of that season, so we say its days are our
    estimates where they are.  One sentence for all five calculators, where
    three built it three ways (diff review s55, 12)."""
    answer = season_answer(values, today)
    if answer is None or answer[1]:
        return None
    year = answer[0]
    if what is None:
        return f"{answered(year, False)}."
    named = f"the Match {year + 1}" if any(data.via_residencycas(slug) for slug in slugs) else cycle.eras_season(year + 1)
    said = f"{answered(year, False)}, so {what} {named}, the next season you can apply to on time."
    # In the words SeasonDate.cite gives an estimate.
    estimated = dated and cycle.season(year + 1)["programs_receive"].estimated
    return f"{said} Its dates here are {cycle.ESTIMATED}; the published ones are not in our data." if estimated else said


def render_next_season(said: str | None) -> Markup | None:
    """``next_season_said`` as a result shows it: four calculators each wrote
    this line (diff review s55, 12)."""
    return el("p", said, class_="mpb-note") if said else None


# Refused as backups (check_backup), so the list offers them disabled.
ULTRA_FIELDS = tuple(s for s in data.SPECIALTIES if s.tier == "ultra")
ULTRA_SLUGS = frozenset(s.slug for s in ULTRA_FIELDS)

BACKUP_SPECIALTY = ChoiceField(
    name="backup_specialty",
    label="Backup specialty",
    choices=data.SPECIALTY_CHOICES,
    optional=True,
    help="The second specialty you would apply to. Leave empty if you are applying to one specialty only. The "
    "list does not offer the specialty you chose first, nor the ultra-competitive fields ("
    + and_list([s.name for s in ULTRA_FIELDS])
    + "): none of them can serve as a backup.",
)


def backup_rule(first_choice: ChoiceField, leaving: BoolField | None = None) -> Callable[[Mapping[str, object]], None]:
    """``check_backup`` as a rule for ``parse_inputs``, on a form whose first
    choice is asked by ``first_choice``: said with any other field in error.
    ``leaving``: a box saying the backup is the field the reader is leaving
    (program counts' changing field), which, ticked, lets it be an
    ultra-competitive one."""

    def backup_allowed(values: Mapping[str, object]) -> None:
        check_backup(
            str(values[first_choice.name]),
            values[BACKUP_SPECIALTY.name],
            first_choice.label,
            leaving=leaving is not None and bool(values.get(leaving.name)),
            leaving_label=leaving.label if leaving is not None else None,
        )

    return backup_allowed


# The backups check_backup refuses, offered disabled in the form so that a
# reader arrowing through the list passes over them: each had said an error
# at every stop, heard by a screen reader as it arrowed (keyboard-sr audit
# s37, 8).  check_backup still refuses them from a link or remembered answers.
def closed_backups(first_choice: ChoiceField, leaving: BoolField | None = None) -> ClosedChoices:
    """The backup options to offer disabled, given the form's other values;
    with ``leaving`` ticked (``backup_rule``), the ultra-competitive fields
    open, as the rule then accepts them."""

    def closed(values: Mapping[str, object]) -> dict[str, frozenset[str]]:
        first = values.get(first_choice.name)
        ultra = frozenset() if leaving is not None and values.get(leaving.name) is True else ULTRA_SLUGS
        return {BACKUP_SPECIALTY.name: ultra | ({first} if isinstance(first, str) else set())}

    return closed


def check_backup(
    first_choice: str, backup: object, first_choice_label: str, leaving: bool = False, leaving_label: str | None = None
) -> None:
    """The backup rules, alike in every calculator that asks for a backup.

    An ultra-competitive field is refused as a backup everywhere: a backup
    remembered from one calculator must not be priced by one and refused by
    the next.  The one exception is a backup the reader says they are
    ``leaving``: it is not a net, and the no-match article's own misaligned
    reapplicants apply to orthopaedics, plastics or dermatology.  Where such
    a box exists (``leaving_label``), the refusal names it (diffreview47
    audit s47, 1).
    """
    if backup is None:
        return
    if backup == first_choice:
        raise InputError(
            BACKUP_SPECIALTY.name,
            f"Backup specialty must differ from the {first_choice_label.lower()}, or be left empty to apply to one specialty.",
        )
    # The same set the form offers disabled (closed_backups), so the list and
    # this rule cannot drift apart.
    if backup in ULTRA_SLUGS and not leaving:
        field = data.specialty(str(backup))
        route = (
            f"If {field.name} is the field you did not match in and are leaving, tick “{leaving_label}”, with the new "
            "field as your target specialty. Otherwise choose"
            if leaving_label
            else "Choose"
        )
        raise InputError(
            BACKUP_SPECIALTY.name,
            f"Backup specialty cannot be {field.name}: ultra-competitive fields are too hard to enter to serve as a "
            f"backup. {route} a less competitive field, or make it your {first_choice_label.lower()} and leave the "
            "backup empty.",
        )


# Visa: by default it follows the applicant type, because only non-US-citizen
# IMGs need a J-1 or H-1B to train; US graduates and US-citizen IMGs do not
# (nor does a permanent resident, whom the NRMP counts as a non-US IMG: they
# answer no).  A reader can still say yes or no outright.  The two
# explicit answers keep the slugs "true" and "false", so addresses and
# remembered answers from the old yes/no checkbox still mean the same thing.
# A reader who cannot take a J-1 got the J-1-or-any-visa plan, though the
# guide's visa section has a branch for them (h1bvisa audit s47, 2): "h1b-only"
# is a yes as well, told apart by h1b_only() alone.
VISA_BY_APPLICANT_TYPE = "by-applicant-type"
VISA_H1B_ONLY = "h1b-only"
VISA_APPLICANT_TYPES = frozenset({"non-us-img"})


@dataclass(frozen=True, kw_only=True)
class VisaField(ChoiceField):
    """A choice that also reads yes/no words and booleans, for old answers."""

    def parse_present(self, raw: object) -> str:
        if isinstance(raw, bool):
            return "true" if raw else "false"
        if isinstance(raw, str) and raw.strip().lower() in TRUE_WORDS:
            return "true"
        if isinstance(raw, str) and raw.strip().lower() in FALSE_WORDS:
            return "false"
        return super().parse_present(raw)


NEEDS_VISA = VisaField(
    name="needs_visa",
    label="Visa (J-1 or H-1B) needed to train",
    choices=(
        (VISA_BY_APPLICANT_TYPE, "Follow my applicant type"),
        ("true", "Yes, a J-1 or H-1B"),
        (VISA_H1B_ONLY, "Yes, H-1B only (no J-1)"),
        ("false", "No, I need no visa"),
    ),
    initial=VISA_BY_APPLICANT_TYPE,
    help="Programs differ in the visas they sponsor: some none, some only a J-1. Left to follow your applicant type, "
    "only a non-US-citizen IMG counts as needing one. Choose “H-1B only” if you cannot take a J-1.",
)


# One question a calculator asks under its own field name that is the same
# question as a shared one above.  Remembered answers use the shared name, so
# a specialty chosen on one calculator fills every calculator that asks it.
SAME_QUESTION_AS: Mapping[str, str] = {
    "primary_specialty": SPECIALTY.name,
}

# A count typed for one specialty (the signals it allows, the programs
# applied to in it) says nothing of another: it is remembered with the field
# that names its specialty, and given back only while that remembered answer
# is unchanged.  Remembered bare, 29 signals typed for neurology came back as
# "the number you entered" for psychiatry.
REMEMBERED_FOR: Mapping[str, str] = {
    "primary_signals": SPECIALTY.name,
    "backup_signals": BACKUP_SPECIALTY.name,
    "primary_programs": "primary_specialty",
    "backup_programs": BACKUP_SPECIALTY.name,
    # Each asked "in this specialty": remembered bare, 4 internal medicine
    # letters and 3 rotations scored dermatology 29/100 where it gave 10, and
    # 77 ranks gave psychiatry about 88% where it gave 59% (browser audit s55, 1).
    "specialty_letters": SPECIALTY.name,
    "away_rotations": SPECIALTY.name,
    "contiguous_ranks": SPECIALTY.name,
}


# A question asked no longer, by the name remembered answers keep it under,
# with the field that replaced it and what to tell a reader whose remembered
# answers still hold the old one: remembered answers outlive a version of
# the site, and an answer dropped without a word changed a reader's advice
# (diff review s30, 3).
RETIRED_QUESTIONS: Mapping[str, tuple[str, str]] = {
    "recent_clinical_work": (
        "recent_clinical_months",
        "Your remembered answers say whether you had worked clinically for most of the last 3 years; this check now "
        "asks instead for your months of hands-on clinical work in the last 3 years, so enter them in the form.",
    ),
}


def visa_needed(values: Mapping[str, object]) -> bool:
    """The visa answer as yes or no, resolving "follow my applicant type"."""
    answer = values["needs_visa"]
    if answer == VISA_BY_APPLICANT_TYPE:
        return values["applicant_type"] in VISA_APPLICANT_TYPES
    return answer in ("true", VISA_H1B_ONLY)


def h1b_only(values: Mapping[str, object]) -> bool:
    """Whether the reader needs a visa and cannot take a J-1: the one answer
    whose advice drops the J-1 route (the guide's "no fallback" branch)."""
    return values.get("needs_visa") == VISA_H1B_ONLY


def h1b_step3_rules_apply(values: Mapping[str, object]) -> bool:
    """Whether an IMG cannot take a J-1, so the H-1B's Step 3 rules are said:
    a US graduate's are not ours to state, as the timeline leaves them
    undated (diff review s51, 6).  One test for the check's note, the
    finder's bridge years and the timeline's rows."""
    return h1b_only(values) and values.get("applicant_type") in data.IMG_TYPES


VISA_GUIDE_SECTION = "the Assess guide's section “Visa: J-1 or H-1B”"


def h1b_only_prompt(values: Mapping[str, object]) -> str:
    """For a reader who said yes before "H-1B only" was an answer: their
    remembered or linked "true" now reads "a J-1 or H-1B", and nothing said
    the plan changes for one who cannot take a J-1 (diffreview48 audit s48, 11)."""
    if not visa_needed(values) or h1b_only(values) or values.get("applicant_type") in data.US_GRADUATE_TYPES:
        return ""
    return (
        f" Cannot take a J-1? Answer “{dict(NEEDS_VISA.choices)[VISA_H1B_ONLY]}” under “{NEEDS_VISA.label}”: the advice then counts only "
        "programs that will file an H-1B for you, and Step 3 becomes required for any position."
    )


def h1b_only_programs(values: Mapping[str, object], doing: str) -> str:
    """The guide's branch for a reader who cannot take a J-1 ("If a J-1 is
    not an option for you"), as each calculator asking the visa says it, with
    ``doing`` ("count", "signal") for what the reader does with the programs.

    "For someone abroad this season" was said to every reader, a graduate of
    a US school and a reader already in the US included, whom the payment
    rule treats differently (diffreview48 audit s48, 6)."""
    if values.get("applicant_type") in data.US_GRADUATE_TYPES:
        ask = (
            "ask each program's graduate medical education office, as the visa routes for a graduate of a US school "
            "are in none of our sources"
        )
    else:
        ask = (
            f"ask each, and, if you are abroad, whether it still files new petitions for applicants abroad ({VISA_GUIDE_SECTION})"
        )
    return (
        f"You need an H-1B and cannot take a J-1, {visa_basis(values)}: {doing} only programs that will file an H-1B "
        f"petition for you; {ask}. If none of them can take you on an H-1B, this Match holds no position you could start."
    )


def visa_basis(values: Mapping[str, object]) -> str:
    """How the visa answer was reached, in words, for explanations."""
    if values["needs_visa"] == VISA_BY_APPLICANT_TYPE:
        label = data.APPLICANT_LABELS[str(values["applicant_type"])]
        return f"taken from your applicant type ({label})"
    return "as you answered"


def worked_out_for(values: Mapping[str, object]) -> Markup:
    """Whom a result describes, said under its headline.  The form starts at
    a non-US-citizen IMG who needs a visa: a US citizen who left it there was
    scored 13 points lower, with a visa red flag, and only a row deep in the
    factors table said why (us-img audit s32, 1)."""
    applicant = str(values["applicant_type"])
    said = data.APPLICANT_LABELS[applicant]
    fields = [APPLICANT_TYPE.label]
    if applicant in data.US_GRADUATE_TYPES and YEARS_SINCE_GRADUATION.name in values:
        # A senior's points turn on the years since graduation, which start
        # at 1: a senior who changed only the applicant type was scored as a
        # graduate who had left school, 10 points lower, with nothing above
        # the fold to say so (US-graduate audit s33, 2).
        school = "US MD" if applicant == "us-md" else "US DO"
        # The years start at 1, an IMG's usual answer: a final-year student
        # who left them was told to dual apply in internal medicine, and
        # read "graduate of an earlier year" without the number that made it
        # so (COMLEX audit s37, 1).
        years = int(str(values[YEARS_SINCE_GRADUATION.name]))
        said = (
            f"{school} senior, applying for the first time"
            if not data.prior_us_graduate(values)
            else f"{school} graduate of an earlier year, or who applied before"
            if flag(values, "previously_unmatched")
            else f"{school} graduate of an earlier year ({counted(years, 'year')} since graduation; if you are still "
            "in school, enter 0)"
        )
        # Whichever answer made them a graduate is the one to change.
        fields.append((PREVIOUSLY_UNMATCHED if flag(values, "previously_unmatched") else YEARS_SINCE_GRADUATION).label)
    if "needs_visa" in values:
        said += (
            ", needing an H-1B (no J-1)"
            if h1b_only(values)
            else ", needing a visa"
            if visa_needed(values)
            else ", needing no visa"
        )
        fields.append(NEEDS_VISA.label)
    change = and_list([f"“{label}”" for label in fields], last="or")
    return el(
        "p", el("strong", "Calculated for: "), f"{said}. If that is not you, change {change} above.", class_="mpb-worked-for"
    )
