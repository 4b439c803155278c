"""Competitiveness: how strong an application looks for one specialty, and
whether to apply to it alone, dual apply, or make a backup the main plan.

The score starts at 65 and each factor adds or takes away points; the factors
always add up to the score shown.  The band comes from the score, then from
the articles' explicit rules (red flags, the orthopaedic self-audit, the
radiology score bands and, after a no-match, whether the file is structurally
misaligned), whichever is more cautious.  The score alone never says "pivot":
the articles keep that advice for a profile that is structurally misaligned
with the field, so only that rule can give it.

Each result also says how far the score is from the neighbouring bands and
which single change to the inputs would move the band, found by re-running
these same rules with that one input changed.

Every rule only ever moves in one direction: a higher Step 2 CK, fewer
failures, more letters, research or US clinical experience never lower the
result; needing a visa, limiting geography or counting more of the US months
as observership never raise it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, TypedDict

from . import charts, cycle, data, match_odds, profile
from .data import ARTICLE_IMG, ARTICLE_ORTHO, ARTICLE_RADIOLOGY, ARTICLE_ULTRA, ARTICLE_UNMATCHED, Number, Source, Tier
from .fields import BoolField, InputError, IntField, parse_inputs, whole, whole_or_none, word
from .html import Markup, and_list, capitalised, counted, el, join, long_date, short_date, signed, table, table_percent
from .registry import first_within_pinned_line, first_within_read_out

NAME = "competitiveness"
TITLE = "Competitiveness check"
SUMMARY = (
    "Scores how your application sits against one specialty and says whether to apply "
    "single-track, dual apply, or make a backup your main plan."
)

Band = Literal["single-track", "dual-apply", "dual-apply-strongly", "pivot"]

# ============================================================================
# The rules.  Each constant names the source it comes from; ``method()`` prints
# this block on the calculator's page.
# ============================================================================
# Every point value, band and line in this block is this check's own weight:
# the articles name the factors and some lines, never points.  The weights
# are set so that the readers of the articles' worked examples land in the
# bands the articles give them (tests/personas.tsv), and the method says so.
# 65 puts a profile with no strengths and no weaknesses in "dual apply" for
# an accessible field, which is where the articles place an average IMG.
BASE_SCORE = 65

# Applicant type.  US MD and DO seniors match far more often than IMGs, and
# about as often as each other.  NRMP 2026 PGY-1 match rates: US MD 93.5%,
# US DO 93.2%, US IMG 70.0%, non-US IMG 56.4% (match_rates_overall, see the
# data page).  A DO senior was 5 points below an MD everywhere, which flipped
# identical files from "single-track" to "dual apply" in emergency medicine,
# where DO seniors filled a third of the positions (DO audit s34, 3).  Of the
# five articles only the ultra-competitive one says programs favor US MD over
# DO, so only in its fields are they apart in points.  The articles are not
# the site's only word on DOs in surgery: the survey of surgical program
# directors (data.SURGERY_PD_DO_SURVEY) found most recommend or require USMLE
# from DOs, and in general surgery DO seniors filled 14.7% of the 2025 PGY-1
# positions against 27.7% of family medicine's (NRMP Results and Data).
# Neither is a DO match rate by field, which our data do not hold, so the
# points stay equal and a DO in a surgical field is told both in words
# (do-surgery audit s40, 2): the exam beside the Step 2 CK row and the band,
# the share beside this one.
APPLICANT_POINTS: dict[str, int] = {"us-md": 10, "us-do": 10, "us-img": 0, "non-us-img": -5}
DO_IN_ULTRA_POINTS = -5

# How competitive the target is (see data.TIER_SOURCES).  A highly competitive
# target is itself on the IMG article's red-flag list.
# Ultra-competitive fields were -20 until the persona tests (tests/personas.tsv)
# showed the tier stacking with the field's own Step 2 CK, research, letter and
# rotation expectations below, which already encode how demanding these fields
# are: the orthopaedics article's dual-applying reader fell to "pivot".
TIER_POINTS: dict[Tier, int] = {"accessible": 0, "moderate": -5, "competitive": -10, "ultra": -10}


@dataclass(frozen=True)
class ScoreBand:
    """Step 2 CK at or above ``floor`` earns ``points``."""

    floor: int
    points: int
    meaning: str
    source: Source
    # The same band worded for a US MD or DO graduate, where ``meaning``
    # reads as reassurance from a yardstick written for US-citizen IMGs.
    us_meaning: str = ""

    def meaning_for(self, applicant: str) -> str:
        return self.us_meaning if self.us_meaning and applicant in data.US_GRADUATE_TYPES else self.meaning


# Ultra-competitive fields: about 250 or more is the rough competitive
# ballpark, a signal and not a cut-off (ultra article).  Every line here
# measures the reader against that figure.  The lines under it at 245 and 235
# are this check's own: 245 is the low end of the 245-250 the orthopaedic
# self-audit counts as a strong advantage, a figure for orthopaedics alone, so
# only orthopaedics quotes it (ORTHO_STEP2_BANDS).  Dermatology at 248 read
# "the 245-250 level the orthopaedics article calls a strong advantage", more
# reassuring than its own article's 250 (usmd-journey audit s38, 7).
ULTRA_STEP2_BALLPARK = 250
ULTRA_STEP2_BANDS = (
    ScoreBand(
        ULTRA_STEP2_BALLPARK,
        10,
        "at or above the roughly 250 the ultra-competitive article gives as the competitive ballpark for these fields",
        ARTICLE_ULTRA,
    ),
    ScoreBand(
        245,
        0,
        "just under the roughly 250 the ultra-competitive article gives as the competitive ballpark for these fields; "
        "it calls that figure a signal rather than a cut-off, so this check neither adds nor takes points for "
        "245-249, a band of its own",
        ARTICLE_ULTRA,
    ),
    ScoreBand(
        235,
        -5,
        "6 to 15 points under the roughly 250 the ultra-competitive article gives as the competitive ballpark for "
        "these fields (the lines at 245 and 235 are this check's own)",
        ARTICLE_ULTRA,
    ),
    ScoreBand(
        0,
        -20,
        "more than 15 points under the roughly 250 the ultra-competitive article gives as the competitive ballpark "
        "for these fields",
        ARTICLE_ULTRA,
    ),
)
# Orthopaedics has an article of its own: the same floors and points, worded
# by its self-audit (Step 2 CK of about 245-250 or more a strong advantage,
# below it more borderline) beside the ultra article's 250.  A US MD senior
# with 247 read "strong advantage", and one with 236 "just below", where the
# published means for the 2024 Match were 257 matched and 246 unmatched
# (usmd-ortho audit s41, 4): the article writes for US-citizen IMGs, so a US
# graduate's row names the level without its verdict.
ORTHO_LEVEL = data.span(data.ORTHO_STEP2_ADVANTAGE)
ORTHO_STEP2_BANDS = (
    ULTRA_STEP2_BANDS[0],
    ScoreBand(
        data.ORTHO_STEP2_ADVANTAGE[0],
        0,
        f"at the low end of the {ORTHO_LEVEL} level the orthopaedics article calls a strong advantage in orthopaedics, "
        "and just under the roughly 250 the ultra-competitive article gives as the ballpark for these fields",
        ARTICLE_ORTHO,
        # The row goes on to say whom the article writes for (US_GRADUATE_BANDS).
        us_meaning=f"at the low end of the orthopaedics article's {ORTHO_LEVEL} level, and just under the roughly 250 "
        "the ultra-competitive article gives as the ballpark for these fields",
    ),
    ScoreBand(
        235,
        -5,
        f"just below the {ORTHO_LEVEL} level; the orthopaedics article calls scores below it more borderline (the line "
        "at 235 is this calculator's own)",
        ARTICLE_ORTHO,
        us_meaning=f"below the orthopaedics article's {ORTHO_LEVEL} level, under which it calls scores more borderline "
        "(235, where this band starts, is this check's own line)",
    ),
    ScoreBand(0, -20, f"well below the {ORTHO_LEVEL} level the orthopaedics article sets for orthopaedics", ARTICLE_ORTHO),
)
# Diagnostic radiology: the radiology article's three bands.
RADIOLOGY_STEP2_BANDS = (
    # A US graduate read the verdict "very strong", then that the bands do not
    # place them among US applicants, as the orthopaedics rows did before
    # (diff review s41, 6).
    ScoreBand(
        250,
        10,
        "250 or more: the radiology article's 'very strong' band",
        ARTICLE_RADIOLOGY,
        us_meaning="250 or more, the radiology article's top band",
    ),
    ScoreBand(
        235,
        0,
        "235–249: the radiology article's mid-range band, where it recommends a backup for many US-citizen IMGs (its "
        "own Path A and FAQ accept about 245–250 for a radiology-focused plan; this check takes the cautious reading)",
        ARTICLE_RADIOLOGY,
    ),
    ScoreBand(0, -15, "below 235: the radiology article's band where a backup is strongly recommended", ARTICLE_RADIOLOGY),
)


@dataclass(frozen=True)
class ArticleBands:
    """Step 2 CK bands an article sets for a field, in place of NRMP's figures."""

    bands: tuple[ScoreBand, ...]
    written_in: str
    # The second band's floor, named for a reader: {floor} and {name} (the field).
    level: str


ULTRA_BANDS = ArticleBands(
    ULTRA_STEP2_BANDS,
    "the ultra-competitive article",
    "{floor}, the line this check draws just under the roughly 250 the ultra-competitive article gives as the "
    "ballpark for {name}",
)
ORTHO_BANDS = ArticleBands(
    ORTHO_STEP2_BANDS,
    "the orthopaedics and ultra-competitive articles",
    "the " + ORTHO_LEVEL + " level the orthopaedics article sets for {name}",
)
RADIOLOGY_BANDS = ArticleBands(
    RADIOLOGY_STEP2_BANDS, "the radiology article", "the radiology article's mid-range floor of {floor}"
)


def article_bands(spec: data.Specialty) -> ArticleBands | None:
    """The article bands that score this field's Step 2 CK, if any."""
    if spec.slug == "orthopaedic-surgery":
        return ORTHO_BANDS
    if spec.tier == "ultra":
        return ULTRA_BANDS
    if spec.slug == "diagnostic-radiology":
        return RADIOLOGY_BANDS
    return None


# Everywhere else, for IMGs: where the score sits among non-US IMGs who matched
# in the specialty (NRMP Charting Outcomes 2026: first quartile, median, third).
# Those are the only Step 2 CK figures in our data.  A US-citizen IMG is placed
# among them as the nearest published group, and told so.
QUARTILE_POINTS = {"q3": 10, "median": 5, "q1": 0, "below": -10}
QUARTILE_APPLICANTS = frozenset({"us-img", "non-us-img"})
# A US MD or DO senior is placed among them too, but only to their credit: a
# score high among IMGs who matched is as strong in a senior's file, while a
# lower one says little of a group that matches far more often (93.5% of US
# MD seniors in 2026 against 70.0% of US-citizen IMGs), so it costs nothing and
# only the red-flag line below applies.  Scored at 0 either way, a US MD with
# 260 in emergency medicine was told to dual apply where a US-citizen IMG
# with the same file was told applying alone was reasonable (fuzz audit s33).
US_SENIOR_QUARTILE_POINTS = {quarter: max(0, points) for quarter, points in QUARTILE_POINTS.items()}
# A US graduate who has left school, or applied before, is not in the seniors'
# rate, and their own group's is not in our data: like a US-citizen IMG they
# are placed among non-US IMGs as the nearest published group, with the same
# points (the IMG-only caps on the median and the odds still pass them by).
# The seniors' rate cannot excuse their low score (US-graduate audit s33, 3).

# The IMG article's red flag: Step 2 CK below 225-230.  The upper end is used
# so the flag errs on the side of caution.
STEP2_RED_FLAG_BELOW = data.IMG_STEP2_RED_FLAG[1]
STEP2_RED_FLAG_POINTS = -10

# Each failed USMLE or COMLEX attempt (IMG article red flag, "any exam failure"
# in the radiology article); in ultra-competitive fields
# any failure is "often fatal" (ultra article), hence the extra penalty.
FAILURE_POINTS = -10
FAILURE_COUNT_CAP = 3
ULTRA_FAILURE_EXTRA = -10


@dataclass(frozen=True)
class GraduationBand:
    """``min_years`` or more since graduation cost ``points``, in every field
    unless ``only_in`` names the one its source is about, and
    ``flexible_points`` in the fields the no-match article calls generally
    more flexible about an older graduation."""

    min_years: int
    points: int
    label: str
    source: Source
    only_in: str | None = None
    flexible_points: int | None = None


# Years since graduation: more than 5-7 years is a barrier "for some
# specialties and programs" (IMG article), and the no-match article calls
# family medicine, psychiatry, pediatrics and internal medicine generally
# more flexible about an older graduation, so those four take half the
# points: the half is our weight, as neither article gives a figure.  Equal
# points everywhere moved a family medicine backup from "Dual apply" to
# "Dual apply, strongly" on the years alone, while the backup finder gave
# the same field points for its flexibility (oldgrad audit s52, 1).
# 3-4+ years without clinical work makes radiology harder (radiology
# article), so the 3-5 years band costs points in radiology only.
FLEXIBLE_FIELDS_SAID = and_list(sorted(data.specialty(slug).name.lower() for slug in data.FLEXIBLE_ABOUT_RED_FLAGS))
GRADUATION_BANDS = (
    GraduationBand(8, -15, "8 or more years", ARTICLE_IMG, flexible_points=-8),
    GraduationBand(6, -10, "6-7 years", ARTICLE_IMG, flexible_points=-5),
    GraduationBand(3, -5, "3-5 years", ARTICLE_RADIOLOGY, only_in="diagnostic-radiology"),
    GraduationBand(0, 0, "0-2 years", ARTICLE_IMG),
)

# US clinical experience, in months: minimal USCE is a red flag (IMG article).
USCE_BANDS = (
    (12, 8, "a year or more"),
    (6, 5, "6-11 months"),
    (3, 0, "3-5 months"),
    (1, -5, "1-2 months: minimal"),
    (0, -10, "none"),
)
USCE_MINIMAL_BELOW = 3
# The IMG article's flag is minimal US clinical experience "especially
# hands-on", and the site's guides count hands-on months: three months of
# observership cleared it here, and a reader who could afford only
# observerships was told a third one fixed the flag (oldgrad audit s43, 3).
# The points stay on all US months, observing included, as the article lists
# observerships among US clinical experience; only the flag asks for months
# that are not observership.
MINIMAL_USCE_FLAG = "minimal US clinical experience"
USCE_MAX_MONTHS = 240
USCE_LABEL = "US clinical experience (months)"
# A radiology reader with 3 months in research posts read the two fields three
# ways, and one reading moved the band (radiology audit s45, 3).  No source
# defines US clinical experience; counting only months with patients is ours.
RESEARCH_NOT_CLINICAL = "months of research alone are not clinical experience (our reading)."
OBSERVERSHIP_LABEL = "Of which observership (months)"
# Recent clinical work is asked for in months over the last 3 years, US months
# included, because US months entered without a date could be a student's
# electives of long ago, and counted as recent work they lifted an old
# graduate's advice by a band (reapplicant audit s30, 1).  Under half a year
# is the IMG article's "limited recent clinical activity"; none at all is the
# no-match article's "no recent clinical work".
RECENT_WORK_YEARS = 3
OLD_GRADUATION_RECENT_WORK_MONTHS = 6
# When an old graduation is a red flag here, in words, for match odds and the
# backup finder, which do not ask about recent work (oldgrad audit s52, 2 and 9).
TOO_LITTLE_RECENT_WORK = (
    f"under {counted(OLD_GRADUATION_RECENT_WORK_MONTHS, 'month')} of hands-on clinical work in the {RECENT_WORK_YEARS} "
    "years before you submit"
)

# Points per letter short of, or spare beyond, what the field expects
# (data.letters_expected, shared with the packet check).
LETTER_SHORT_POINTS = -5
LETTER_EXTRA_POINTS = 3

# Research items (publications, abstracts, posters): central in derm, plastics
# and orthopaedics (ultra article); helpful elsewhere (IMG article).
# In ultra-competitive fields one item already passes the orthopaedic
# self-audit's "1+ research", so it costs nothing; none costs a lot (research
# is "nearly mandatory", ultra article), and publications in number earn points.
RESEARCH_BANDS: dict[Tier, tuple[tuple[int, int], ...]] = {
    "ultra": ((5, 5), (1, 0), (0, -10)),
    "competitive": ((3, 3), (1, 0), (0, -3)),
    "moderate": ((3, 4), (1, 2), (0, 0)),
    "accessible": ((3, 4), (1, 2), (0, 0)),
}
# What the ultra article asks of research: for dermatology and plastics, real
# publications or at least more than one abstract or poster; for its other
# fields no count, only that research is close to mandatory.  The form counts
# items without telling a publication from a poster, so 1-4 items keep their
# 0 points and the line says in words how they stand against that ask: one
# poster falls short of it, two to four may meet it or not, by what they are.
# A dermatology reader with 2 items was told only that research "weighs
# heavily" (usmd-journey audit s38, 7).
ULTRA_RESEARCH_ASK = "real publications, or at least more than one abstract or poster"
ULTRA_RESEARCH_ASK_FIELDS = frozenset({"dermatology", "plastic-surgery"})
ULTRA_RESEARCH_POINTS_FROM = RESEARCH_BANDS["ultra"][0][0]

# US away rotations in the target field: at least two (orthopaedic self-audit);
# they are where letters for competitive fields come from (ultra article).
AWAY_BANDS: dict[Tier, tuple[tuple[int, int], ...]] = {
    "ultra": ((2, 3), (1, -3), (0, -8)),
    "competitive": ((2, 3), (1, 0), (0, -4)),
    "moderate": ((1, 2), (0, 0)),
    "accessible": ((1, 2), (0, 0)),
}

# Diagnostic radiology with no US radiology elective, observership or
# rotation: at most "dual apply".  The radiology article's Path A, its case for
# applying to radiology alone, asks 2+ US clinical experiences "including at
# least one radiology observership/elective", and its Path B counts limited
# radiology exposure as a reason to dual apply; a US-citizen IMG with none was
# told applying alone was reasonable (radiology audit s45, 4).  Held like the
# article's Step 2 CK bands, which cap the band below 250 the same way.
RADIOLOGY_ROTATIONS_NEEDED = 1
# The article was written for US-citizen IMGs; a US MD or DO senior's
# radiology exposure comes with their school's clerkships and electives, which
# no source of ours counts this way, so the hold is for IMGs only.
RADIOLOGY_ROTATIONS_APPLICANTS = frozenset({"us-img", "non-us-img"})
RADIOLOGY_ROTATIONS_WHAT = "a US radiology elective, observership or rotation"
RADIOLOGY_ROTATIONS_WHY = (
    "The radiology article's case for applying to radiology alone asks for at least one, and it counts little "
    "radiology exposure in US hospitals as a reason to dual apply."
)
RADIOLOGY_ROTATIONS_RULE = (
    f"Radiology with no {RADIOLOGY_ROTATIONS_WHAT.removeprefix('a ')} entered: "
    f"{RADIOLOGY_ROTATIONS_WHY[0].lower()}{RADIOLOGY_ROTATIONS_WHY[1:]}"
)

# IMG article red flags: needing a visa where few programs sponsor, and
# limiting yourself geographically.  The article says only that H-1B
# sponsorship is rare "in some specialties"; weighing it more in the
# competitive tiers is this check's assumption, and the result says so.  A
# past no-match makes a second attempt harder (no-match and radiology articles).
VISA_POINTS = -8
VISA_EXTRA_IN_COMPETITIVE = -4
GEOGRAPHY_POINTS = -8
UNMATCHED_POINTS = -8

# The IMG article lists red flags that each "strongly suggest" a backup, and
# says several together make single-specialty applying very risky and a backup
# critical: one flag rules out single-track, two or more ask for a strong dual
# application.  The ultra-competitive target flag alone does not rule out
# single-track, because the ultra and orthopaedics articles allow it for an
# exceptional applicant (see EXCEPTIONAL_ULTRA); it still counts towards two.
RED_FLAGS_FOR_CAP = 2
TARGET_FLAG = "a highly competitive target"
RADIOLOGY_NOT_A_TARGET_FLAG = (
    "Radiology does not count as “a highly competitive target” here. The IMG article's red flag names dermatology, "
    "orthopaedics, ENT, plastics and neurosurgery, though it lists radiology among the highly competitive fields "
    "elsewhere. This check follows the radiology article, which calls it moderately competitive overall but harder "
    "for IMGs, and weighs it in the “Target specialty” row instead (our rule)."
)
# The articles' old-graduation concern is a long gap from patient care in any
# country (IMG article: "limited recent clinical activity"; radiology: without
# continuous clinical work; no-match: no recent clinical work).  The form asks
# for the months of recent work anywhere; half a year of them answers it.
# The visa flag is read more broadly than the article words it, because the
# form cannot ask what it turns on; the result says so beside it.
OLD_GRADUATION_FLAG_AFTER_YEARS = profile.LONG_AGO_YEARS

# Worded by its line: "without recent clinical work" stood beside a pivot
# rule that one month of work had already lifted (competitiveness-rules audit
# s37, 6), the pivot rule being the no-match article's "no" recent work.
OLD_GRADUATION_FLAG = profile.Flag(
    f"graduated more than {OLD_GRADUATION_FLAG_AFTER_YEARS} years ago, with under {OLD_GRADUATION_RECENT_WORK_MONTHS} "
    f"months of recent clinical work",
    profile.OLD_GRADUATION_KIND,
)
VISA_FLAG = "needs a visa"
GEOGRAPHY_FLAG = "geographic limits"
FLAG_READINGS = {
    OLD_GRADUATION_FLAG: (
        "The IMG article's flag is an old graduation with little recent clinical activity. This check counts recent "
        f"work as at least {OLD_GRADUATION_RECENT_WORK_MONTHS} months of hands-on clinical work in the "
        f"{RECENT_WORK_YEARS} years before you submit, in any country; you have entered fewer."
    ),
    MINIMAL_USCE_FLAG: (
        "The IMG article's flag is minimal US clinical experience, “especially hands-on”. This check gives points for "
        f"all your US months, observerships included, but clears this flag only with {USCE_MINIMAL_BELOW} or more "
        "months that were not observership; you have entered fewer."
    ),
    VISA_FLAG: (
        "The IMG article's flag is needing an H-1B visa in a field where few programs sponsor one, and its FAQ names "
        "needing a visa, of either kind, among what makes applying to one specialty risky; this check counts any visa "
        "need, because its data cannot tell which fields those are."
    ),
}
# Said after the minimal-experience note when a visa is needed: the flag
# clears only with hands-on months, but the one status the site names for a
# physician from abroad is for observing (oldgrad audit s52, 4).  The same
# words as the Timeline guide's "Visa status" and the cost page's caveats;
# the guide names the source, whose year only data.py may write.
VISITOR_STATUS = (
    " If you need a visa to come to the US, a visitor visa is the usual status for a physician who comes only to "
    "observe (the Timeline guide's “Visa status” names the source). Our sources do not say which status hands-on "
    "work needs: ask the host before you book."
)

# Score to band, before the rule caps below.  No score gives "pivot": the
# articles keep that for a profile structurally misaligned with the field
# (see the misalignment rule), not for a pile of small shortfalls.
BAND_FLOORS: tuple[tuple[int, Band], ...] = ((70, "single-track"), (50, "dual-apply"), (0, "dual-apply-strongly"))
BAND_ORDER: tuple[Band, ...] = ("pivot", "dual-apply-strongly", "dual-apply", "single-track")

# Applying single-track to an ultra-competitive field is for the exceptional
# (ultra article): an "extremely strong" Step 2 CK, publications, several US
# letters, programs that know you, and no failures.  250+ is only the article's
# rough competitive ballpark, and it names no score at which one field alone
# becomes safe, so "extremely strong" is read here as 10 points above it: a
# margin of this calculator's own.
EXCEPTIONAL_ULTRA = {"step2": 260, "research": 5, "letters": 3, "away": 2}
# The guide's "programs know you" may come from a research year too, and the
# check counted only rotations without saying so (dermnonus audit s45, 4).
RESEARCH_NOT_A_ROTATION = "A research post in the field is not counted as a rotation here (our rule)."

# Research is "nearly mandatory" for these fields (ultra article): with none,
# the backup has to carry a large share even on a first attempt.
ULTRA_RESEARCH_NEEDED = 1

# Orthopaedic self-audit (ortho article): missing more than one element means
# seriously consider dual applying, with the article's 40-60 PM&R programs as
# the backup, so the cap is "dual apply", not the stronger band.
# The self-audit gives a range, 245-250 or more, and the tick is at its lower
# end: "Step 2 CK 245 or more" read as the article's own line (aiminghigh
# audit s54, 10), so the item names the range and whose end the tick takes.
ORTHO_AUDIT_STEP2 = data.ORTHO_STEP2_ADVANTAGE[0]
ORTHO_AUDIT_STEP2_ITEM = (
    f"Step 2 CK {ORTHO_AUDIT_STEP2} or more. The orthopaedics article's self-audit gives a range, {ORTHO_LEVEL} or "
    f"more; this tick uses its lower end, {ORTHO_AUDIT_STEP2} (our reading)"
)
ORTHO_AUDIT_RESEARCH = 1
ORTHO_AUDIT_AWAYS = 2
ORTHO_AUDIT_LETTERS = 2

# Structurally misaligned (no-match article): its examples are an orthopaedic
# applicant with Step 2 CK 205 and no research, an IMG with several attempts
# aiming at plastics or dermatology without strong research, a graduate of more
# than 3 years with no recent clinical work, and (its case study) a Step 2 CK
# of 230 with minimal research in orthopaedics.  All describe a reapplicant.
# On a first attempt a score far below a hard field's level is not a reason to
# drop the field: the orthopaedics article tells that reader to dual apply,
# the radiology article strongly recommends a backup, and the ultra article to
# apply mainly to less competitive fields, so the cap is "dual apply,
# strongly" (the backup a large share of the applications).  The Step 2 CK
# test is limited to fields where the articles give a level
# (ultra-competitive, radiology): the same article calls an internal medicine
# reapplicant with 220-230 borderline.
MISALIGNED_STEP2_GAP = 15  # this far below the field's lowest solid band
# The graduate's example is about "a second swing at the same hyper-competitive
# field"; the article names family medicine, psychiatry, pediatrics and
# internal medicine as forgiving of an older graduation, so in the other tiers
# an old graduation stays a red flag and is not a reason to abandon the field.
# The article's words are "no recent clinical work", not "limited": no month
# of hands-on work in the last 3 years, in the US or elsewhere.
MISALIGNED_YEARS = 3
MISALIGNED_GRADUATION_TIERS = data.HARD_TIERS
# The case study's reapplicant had "minimal research" (one project), and the
# article calls a second try "low-yield" without "elite research": below the
# research this calculator asks of a single-track ultra applicant, a low score
# is not rescued by a few more items.
MINIMAL_RESEARCH_BELOW = EXCEPTIONAL_ULTRA["research"]

# What each band advises, said under the band's badge.
ADVICE: dict[Band, str] = {
    "single-track": "Applying to this specialty alone is reasonable, with a contingency plan in mind.",
    "dual-apply": "Keep this specialty as your first choice and add a genuine backup.",
    "dual-apply-strongly": "Dual apply, and make the backup a substantial part of your application.",
    "pivot": "Make a backup specialty your main application; apply to this one only selectively, if at all.",
}
# The summary has no badge beside it (a phone's sticky headline, what a
# screen reader hears), so its advice names the band where the advice alone does not.
BAND_TEXT: dict[Band, str] = {
    **ADVICE,
    "dual-apply": "Dual apply: keep this specialty as your first choice and add a genuine backup.",
    # "Dual apply, and make the backup..." was heard as the band below it,
    # whose name the next sentence then promised to reach (readout46 audit s46, 3).
    "dual-apply-strongly": "Dual apply, strongly: make the backup a substantial part of your application.",
}


class FactorRow(TypedDict):
    factor: str
    points: int
    why: str
    source: str | None


@dataclass(frozen=True)
class Factor:
    factor: str
    points: int
    why: str
    source: Source | None = None

    def as_dict(self) -> FactorRow:
        return {
            "factor": self.factor,
            "points": self.points,
            "why": self.why,
            "source": self.source.cite() if self.source else None,
        }


@dataclass(frozen=True)
class Cap:
    """A rule that holds the band down.  ``items``, when given, are the
    reasons its ``rule`` leads into: shown as a list, since five reasons in
    one sentence ran to 81 words for the readers most shaken by their result
    (copy-edit audit s32, 12)."""

    band: Band
    rule: str
    source: Source
    items: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return f"{self.rule} {'; '.join(self.items)}." if self.items else self.rule


# Beside a family medicine count short of the letters expected, in the
# help's words on the same article (interview audit s56, 8).
FM_LETTERS_FROM_MEDICINE = (
    "Letters from US internal medicine physicians may count here too, as in the IMG article's family medicine example, "
    "though it finds a family physician's more convincing. Our reading: add them to the number above."
)


FIELDS = (
    profile.SPECIALTY,
    profile.APPLICANT_TYPE,
    profile.STEP2_SCORE,
    profile.EXAM_FAILURES,
    profile.YEARS_SINCE_GRADUATION,
    IntField(
        name="usce_months",
        label=USCE_LABEL,
        maximum=USCE_MAX_MONTHS,
        initial=3,
        # A prelim resident read the list as leaving out the year they were
        # in (prelim-SOAP audit s34, 4).
        help="Months of US clinical experience: electives, sub-internships, externships, clinical jobs, "
        "observerships, and months of a US residency such as a preliminary or transitional year. Programs value "
        "hands-on months more than observing: the points here count them alike, but the red flag for minimal US "
        "experience is cleared only by hands-on months, so say below how many were observerships. A research post "
        f"counts only for the months you saw patients in it: {RESEARCH_NOT_CLINICAL} US MD and DO graduates' "
        "clerkships count in full, whatever is entered here.",
    ),
    IntField(
        name="observership_months",
        label=OBSERVERSHIP_LABEL,
        maximum=USCE_MAX_MONTHS,
        initial=0,
        help="How many of the US months above you spent observing rather than caring for patients. They keep their "
        "points, but the IMG article's red flag is minimal US clinical experience, “especially hands-on”, so this "
        f"check clears that flag only with {USCE_MINIMAL_BELOW} or more months that were not observership. Leave 0 "
        "if none were.",
    ),
    IntField(
        name="recent_clinical_months",
        # Two lines on a phone, as the form's scroll padding allows for a label.
        label=f"Hands-on clinical work, last {RECENT_WORK_YEARS} years (months)",
        maximum=12 * RECENT_WORK_YEARS,
        initial=0,
        # Counted from the submission, not today: a reader planning a year
        # ahead cleared the old-graduation flag with months that would lapse
        # before programs read the file (oldgrad audit s43, 4).
        help="Months you worked with patients, in any country: as a doctor, intern or resident, and in US electives, "
        "externships, clerkships or clinical jobs (a US graduate's too). Count back "
        f"{RECENT_WORK_YEARS} years from the day you will submit your application, not from today: months older than "
        "that by then do not count, nor do observerships, nor months of research without patients (our reading). An old graduation worries programs "
        "most when it comes with a long gap from patient care: with recent work it is not counted as a red flag, "
        "but this check still takes points off for the years themselves.",
    ),
    IntField(
        name="specialty_letters",
        label="Letters from US physicians in this specialty",
        maximum=20,
        initial=2,
        help="Letters of recommendation you can count on from US physicians in the target field. In emergency "
        "medicine count the SLOEs, the standardized letters written after US emergency medicine rotations, which "
        "programs there expect (none of the source articles covers them). In family medicine you may count letters "
        "from internal medicine physicians too, as the IMG article's example does (the packet checker counts them "
        "so), though it finds a family physician's more convincing.",
    ),
    IntField(
        name="research_items",
        label="Research items",
        maximum=500,
        initial=0,
        help="Publications, abstracts and posters, counted together.",
    ),
    IntField(
        name="away_rotations",
        label="US rotations in this specialty",
        maximum=20,
        initial=0,
        help="Away rotations or sub-internships in the target specialty at US programs. In diagnostic radiology, "
        "count radiology electives and observerships at US hospitals too: the radiology article's case for applying "
        f"to radiology alone asks for at least one. {RESEARCH_NOT_A_ROTATION}",
    ),
    profile.NEEDS_VISA,
    BoolField(
        name="geographic_restriction",
        label="I can only train in a limited area",
        # A couple who would go wherever both can train is not tied to one
        # area, and ticking this told them, in effect, to stop coupling
        # (couples-soap audit s39, 6).
        help="For example one state or one city, for family or for other reasons. Matching as a couple is not, in "
        "itself, a limited area: tick this only if the two of you are also tied to one region.",
    ),
    profile.PREVIOUSLY_UNMATCHED,
    profile.APPLIED_THIS_SEASON,
)


# Single-track needs at least even odds by the match odds calculator's model
# (NRMP figures, Step 2 CK alone): above the matched median, a field where most
# IMGs who rank it first go unmatched (general surgery 28.6%) still left the
# reader below even odds, and this check called applying alone reasonable
# while match odds, from the same rows, said most such applicants failed.
SINGLE_TRACK_MIN_ODDS = match_odds.EVEN_ODDS


# --- The rules applied --------------------------------------------------------
def _from_bands(value: int, bands: tuple[tuple[int, int], ...]) -> int:
    return next(points for floor, points in bands if value >= floor)


# The radiology article gives COMLEX Level 2 bands beside its Step 2 CK ones;
# the check takes USMLE scores only, so they are shown, not applied, to a
# radiology reader who left the score empty, as a COMLEX-only DO would.
RADIOLOGY_COMLEX = next(rule for rule in data.RULES_OF_THUMB if rule.topic.startswith("COMLEX Level 2 bands"))


# An IMG's rank list counts only once ECFMG has verified the examinations,
# Step 2 CK among them, by the rank-list deadline: a reapplicant IMG's score
# is on record, not "still to come", and left blank it cost no points where
# the real one would have (reapplicant-journey audit s38, 8).
# "Applied before and did not match" includes an IMG withdrawn before the
# Match because ECFMG had not verified the examinations: no score on record
# (diff-review audit s38, 3).
SCORE_ON_RECORD_NOTE = (
    "No Step 2 CK entered: if your rank list was used in a past Match, your score is on record and programs will see "
    "it, so enter it; if you were withdrawn before the Match because it was not yet passed, treat this result as "
    "provisional."
)
SCORE_ON_RECORD_HEARD = "No Step 2 CK entered: if yours is on record, enter it."
SCORE_ON_RECORD = (
    "Not entered: no points either way. An IMG takes part in the Match only once ECFMG has verified to the NRMP, by "
    "the rank-list deadline, that the examinations for ECFMG certification, Step 2 CK among them, are passed "
    f"({data.NRMP_ECFMG_REQUIREMENTS.cite()}). If your rank list was used in a past Match, your Step 2 CK is on record "
    "and programs will see it: enter it, since a blank scores 0 here and the result may look better than your real "
    "score would make it. If you were withdrawn because it was not yet passed, treat this result as provisional."
)


def score_on_record(v: Mapping[str, object]) -> bool:
    """An IMG reapplicant who left Step 2 CK blank: a score they hold, not one to come."""
    return bool(v["previously_unmatched"]) and v["applicant_type"] in data.IMG_TYPES and v["step2_score"] is None


def _lowest_score_points(spec: data.Specialty, prior_graduate: bool) -> int:
    """The fewest points a passed Step 2 CK can earn in this field's row, for
    a US DO (before the red-flag line)."""
    if (article := article_bands(spec)) is not None:
        return min(band.points for band in article.bands)
    return (QUARTILE_POINTS if prior_graduate else US_SENIOR_QUARTILE_POINTS)["below"]


# A COMLEX-only DO in a surgical field.  Whether to cap the band: the survey
# pools the programs that recommend USMLE with those that require it, and
# gives no share that require it, so it cannot say how many programs a
# COMLEX-only file is closed out of, nor move a band by a known amount; the
# band is kept and said with its condition (profile.COMLEX_ONLY_SURGERY_NOTE)
# beside it, and the row says the check did not cap it, and why.  The empty
# score scores 0 and no lower, which can be kinder than a real USMLE score
# here (do-surgery audit s40, 3): the row says so, with the figure.
COMLEX_ONLY_SURGERY_NOT_CAPPED = (
    "This check does not lower the band for it: the survey counts the programs that recommend USMLE together with "
    "those that require it, so it cannot say how many programs a COMLEX-only file is closed out of."
)


def _comlex_only_surgery(spec: data.Specialty, prior_graduate: bool) -> str:
    """What only the Step 2 CK row says to a COMLEX-only DO in surgery: the
    survey's finding stands under the band and its source in this row's
    Source column; said in full here too, the caveat came three times in one
    result and the row ran to some 240 words (diff review s40, 3)."""
    lowest = _lowest_score_points(spec, prior_graduate)
    compared = (
        f"kinder than this check is to a USMLE score at the bottom of {spec.name}'s scale, which takes "
        f"{counted(-lowest, 'point')} (and {-STEP2_RED_FLAG_POINTS} more under {STEP2_RED_FLAG_BELOW})"
        if lowest < 0
        else f"the same as a passed USMLE score in the bottom quarter, though one under {STEP2_RED_FLAG_BELOW} takes "
        f"{-STEP2_RED_FLAG_POINTS}"
    )
    return (
        f" In surgery, COMLEX only is scored here as “not entered”, 0 points, {compared}: to a surgical program that "
        f"wants USMLE, a missing Step 2 CK is not a neutral fact (see “{profile.COMLEX_ONLY_SURGERY_HEADING}” under the band). "
        f"{COMLEX_ONLY_SURGERY_NOT_CAPPED}"
    )


def _step2_factors(
    spec: data.Specialty, step2: int | None, applicant: str, prior_graduate: bool, on_record: bool = False
) -> list[Factor]:
    if step2 is None:
        # No score entered: a DO in surgery here is COMLEX only.
        surgery = profile.do_in_surgery(applicant, spec.slug)
        return [
            Factor(
                "Step 2 CK",
                0,
                (
                    SCORE_ON_RECORD
                    if on_record
                    else "Not entered (not taken yet, or COMLEX only, which is not converted): no points either way. A "
                    "program that screens by exam score will look for one, so if yours is still to come, treat this "
                    "result as provisional."
                )
                + (
                    f" The radiology article gives COMLEX Level 2 bands of its own: {RADIOLOGY_COMLEX.value} "
                    f"({RADIOLOGY_COMLEX.source.cite()})."
                    if spec.slug == "diagnostic-radiology"
                    else ""
                )
                # In surgery the surgical survey (under the band) says more than the all-specialty one.
                + (f" {profile.COMLEX_ONLY_NOTE}" if applicant == "us-do" and not surgery else "")
                + (_comlex_only_surgery(spec, prior_graduate) if surgery else ""),
                data.SURGERY_PD_DO_SURVEY if surgery else ARTICLE_IMG,
            )
        ]
    factors = []
    if (article := article_bands(spec)) is not None:
        band = next(b for b in article.bands if step2 >= b.floor)
        # The guides tell US graduates these articles are not written for
        # them; the check still holds them to the bands (DO audit s34, 5).
        whose = _us_graduate_step2(spec, step2) if applicant in data.US_GRADUATE_TYPES else ""
        # A bonus called competitive, beside the only figure for the reader's
        # own group that says otherwise (dermnonus audit s45, 3).
        unmatched = _unmatched_step2(spec)
        if applicant == "non-us-img" and band.points > 0 and unmatched is not None and unmatched[0] <= step2 < unmatched[1]:
            whose += (
                f" Yet half the non-US IMGs who did not match in {spec.name} scored {unmatched[0]:g} "
                f"or more ({data.CHARTING_OUTCOMES.named()})."
            )
        factors.append(Factor("Step 2 CK", band.points, f"{step2}: {band.meaning_for(applicant)}.{whose}", band.source))
    else:
        dist = spec.outcome.step2_matched if spec.outcome else None
        assert dist and dist.q1 is not None and dist.median is not None and dist.q3 is not None
        placed = f"{step2} is {quartile_position(step2, dist)} of non-US IMGs who matched in {spec.name}"
        senior = applicant in data.US_GRADUATE_TYPES and not prior_graduate
        if applicant == "non-us-img":
            said = f"{placed}."
        elif applicant == "us-img":
            said = f"{placed} (the nearest published group: US-citizen IMGs usually match more often)."
        elif senior:
            said = (
                f"{placed}, the only Step 2 CK figures in our data. These applicants are not your group: a high score "
                "among them adds points, and a lower one takes none away from a senior. Only the red-flag rule below "
                "can still apply."
            )
        else:
            said = (
                f"{placed}, the nearest published group: you graduated in an earlier year or applied before, and our "
                "data hold no figures for US graduates like you."
            )
        points = (US_SENIOR_QUARTILE_POINTS if senior else QUARTILE_POINTS)[dist.quarter_of(step2)]
        factors.append(Factor("Step 2 CK", points, said, data.CHARTING_OUTCOMES))
    if step2 < STEP2_RED_FLAG_BELOW:
        factors.append(
            Factor(
                "Step 2 CK red flag",
                STEP2_RED_FLAG_POINTS,
                f"Below {STEP2_RED_FLAG_BELOW}: the IMG article lists under {data.span(data.IMG_STEP2_RED_FLAG)} as a red flag.",
                ARTICLE_IMG,
            )
        )
    return factors


# What the articles' yardsticks cannot tell a US graduate, said in the Step 2
# CK and research rows of the article-banded fields: our tables hold no US
# MD or DO figures by field.  In orthopaedics a study of the NRMP's figures
# gives means for the 2024 Match (data.ORTHO_CHARTING_STUDY), said beside the
# score as a secondary source; the points stay the article bands', which the
# persona tests pin.
US_GRADUATE_BANDS = (
    " The article's bands are written for US-citizen IMGs; this check applies them to US graduates as well, for "
    "points only: they do not place you among US applicants, whose Step 2 CK figures by field our data do not hold."
)
US_GRADUATE_RESEARCH = (
    " The articles write these asks for US-citizen IMGs; our data hold no research figures for US MD or DO seniors by field."
)
ORTHO_US_STEP2_MATCHED_MEAN = 257
ORTHO_US_STEP2_UNMATCHED_MEAN = 246
ORTHO_US_RESEARCH_MATCHED_MEAN = 23.8


def _us_graduate_step2(spec: data.Specialty, step2: int) -> str:
    """The Step 2 CK row's caveat for a US graduate held to an article's
    bands, with the published orthopaedic means where the field has them."""
    if spec.slug != "orthopaedic-surgery":
        return US_GRADUATE_BANDS
    matched, unmatched = ORTHO_US_STEP2_MATCHED_MEAN, ORTHO_US_STEP2_UNMATCHED_MEAN
    if step2 < unmatched:
        where = "below both"
    elif step2 < matched:
        where = "between the two" + (", nearer the unmatched mean" if step2 - unmatched < matched - step2 else "")
    else:
        where = "at or above the matched mean, a mean and not a line that assures a match"
    return (
        # The abstract does not say which applicants the means describe, and
        # the NRMP reports MD and DO seniors apart (diff review s41, 7).
        f"{US_GRADUATE_BANDS} A study of the NRMP's orthopaedic report gives a mean Step 2 CK of {matched} for "
        f"applicants who matched and {unmatched} for those who did not ({data.ORTHO_CHARTING_STUDY.cite()}; its "
        f"abstract does not say which applicant group): {step2} is {where}."
    )


def us_clinical_months(v: Mapping[str, object]) -> int:
    """US clinical experience as the rules count it: a US graduate's clerkships
    are US clinical experience, so the IMG article's measure is met in full
    for them, whatever number the field holds."""
    months = whole(v, "usce_months")
    return months if v["applicant_type"] in data.IMG_TYPES else max(months, USCE_BANDS[0][0])


def observership_months(v: Mapping[str, object]) -> int:
    """The US months entered as observership: 0 for a US graduate, whose
    clerkships are hands-on whatever the form holds."""
    return whole(v, "observership_months") if v["applicant_type"] in data.IMG_TYPES else 0


def hands_on_us_months(v: Mapping[str, object]) -> int:
    """US clinical experience that was not observership, which the minimal
    US clinical experience flag asks for."""
    return max(0, us_clinical_months(v) - observership_months(v))


def _observership_within_usce(v: Mapping[str, object]) -> None:
    # Read through observership_months, which is 0 for a US graduate: a
    # number that changes nothing blocked a result (diff review s43, second, 9).
    usce = whole(v, "usce_months")
    if observership_months(v) > usce:
        raise InputError(
            "observership_months",
            f"“{OBSERVERSHIP_LABEL}” must be at most your “{USCE_LABEL}” ({usce}), as observerships are part of those "
            "months: lower the one or raise the other.",
        )


# The rules that span several fields; program counts and signals meet them
# through ``compute``, which both call.
RULES = (_observership_within_usce,)


def recent_clinical_work(v: Mapping[str, object]) -> bool:
    """The articles' recent clinical work: half a year of hands-on work in the
    last 3 years, in any country."""
    return whole(v, "recent_clinical_months") >= OLD_GRADUATION_RECENT_WORK_MONTHS


def _recent_work(v: Mapping[str, object]) -> str:
    return (
        f"{counted(whole(v, 'recent_clinical_months'), 'month')} of hands-on clinical work in the last {RECENT_WORK_YEARS} years"
    )


# After a no-match with under half a year of recent hands-on work, the rows
# said nothing of it: those months move no point in internal medicine, where
# more research does, and a reader weighing the year before a third
# application read "more papers" (reapply2 audit s44, 1).  The points stay the
# rules'; the rows say what programs will see, and where the site's guide
# answers it.  The guide is named, not linked: a result is rendered in the
# browser, where the hosted site and the downloaded copy spell the guide's
# address differently.
UNMATCHED_GUIDE = "“If you didn't match”"
UNMATCHED_GUIDE_FIX = "“Fix the exact weakness that stopped you”"
PROGRAM_LIST_GUIDE = "“Segment your program list” in the guide “Dual applying in practice”"


def little_recent_work_after_no_match(v: Mapping[str, object]) -> bool:
    """A past no-match, and fewer hands-on months in the last 3 years than
    the old-graduation rule counts as recent work."""
    return bool(v["previously_unmatched"]) and not recent_clinical_work(v)


def _no_match_without_recent_work(v: Mapping[str, object]) -> str:
    recent = whole(v, "recent_clinical_months")
    seen = (
        f"You entered no hands-on clinical work in the {RECENT_WORK_YEARS} years before you submit, so on that count "
        "your file shows programs nothing new since your last application"
        if not recent
        else f"You entered {counted(recent, 'month')} of hands-on clinical work in the {RECENT_WORK_YEARS} years before "
        f"you submit, under the {OLD_GRADUATION_RECENT_WORK_MONTHS} this check counts as recent work, so on that count "
        "your file shows programs little that is new"
    )
    # Six months left the score and band as they were, and a reader told the
    # months were what was missing saw no sign they counted (reapplypsych
    # audit s49, 8): the row says whose advice it is.
    return (
        f" {seen}. Those months move none of this row's points: for a gap from patient care, this site's guide "
        f"{UNMATCHED_GUIDE} names months of hands-on clinical work, documented by your employer, as the change to make "
        f"(its section {UNMATCHED_GUIDE_FIX})."
    )


def _old_us_months(v: Mapping[str, object]) -> str:
    """For an IMG reapplicant short of recent work whose US months outnumber
    the recent ones: some of them predate the 3 years programs will look back on."""
    recent = whole(v, "recent_clinical_months")
    if v["applicant_type"] not in data.IMG_TYPES or not little_recent_work_after_no_match(v):
        return ""
    usce = us_clinical_months(v)
    if usce <= recent:
        return ""
    return (
        f" You entered {counted(usce, 'US month')} but {counted(recent, 'month')} of hands-on work in the "
        f"{RECENT_WORK_YEARS} years before you submit, so some of the US months may be more than {RECENT_WORK_YEARS} "
        "years old by then. Some programs state how recent US clinical experience must be: check each program's "
        f"stated requirements (the section {PROGRAM_LIST_GUIDE} keeps a column for them)."
    )


def _own_seniors_share(spec: data.Specialty, v: Mapping[str, object]) -> str:
    """For a US MD or DO reader, their seniors' share of the field's PGY-1
    positions, worded as match odds words it: an EM-first DO read only the
    all-specialty 93.2% here (do-em audit s42, 4).  For a DO in a surgical
    field, the caution that the all-specialty rate, most of it from other
    fields, was read as the reason a DO was "reasonable" alone in general
    surgery (do-surgery audit s40, 2)."""
    applicant = word(v, "applicant_type")
    share = match_odds.own_seniors_share(spec, applicant)
    if not profile.do_in_surgery(applicant, spec.slug):
        return "" if share is None else f" {share}"
    if share is None:
        return (
            f" Our data hold no share of {spec.name}'s PGY-1 positions filled by US DO seniors, so that rate, most of "
            "it from other fields, says little of this one: check how many DOs each program you list trains."
        )
    return f" {share} The all-specialty rate comes mostly from other fields, so check how many DOs each program you list trains."


# An IMG reapplicant read their group's rate with no word that the past
# no-match works against it, where the backup finder says so (reapplicant
# audit s40, 7).  Said plainly: the backup finder's "pulls the other way"
# answers "your group matches more often", which this row does not say
# (diff review s40, 6).
# Marked as our reading: no figure we hold separates repeat applicants, and
# every other claim in the row carries a source (reapply2 audit s44, 8).
REPEAT_APPLICANTS_NOTE = (
    "The figure counts first-time and repeat applicants together; that a past no-match is likely to put you below "
    "it is our own reading, which the figure cannot show."
)


def _applicant_factor(spec: data.Specialty, v: Mapping[str, object]) -> Factor:
    applicant = word(v, "applicant_type")
    rates = data.latest_match_rates()
    # A US senior's rate is a match in any field: a DO in psychiatry read the
    # 93.2% as their odds in psychiatry (usdo audit s44, 1).
    fields = (
        f"all specialties: a match in any field counts, not only in {spec.name}"
        if applicant in data.US_GRADUATE_TYPES
        else "all specialties"
    )
    seen = (
        f"{data.APPLICANT_LABELS[applicant]}: {table_percent(rates.for_applicant(applicant))} of {data.RATE_GROUPS[applicant]} "
        f"matched to a PGY-1 position in {rates.year} ({fields})."
    )
    if applicant in data.IMG_TYPES and v["previously_unmatched"]:
        seen += f" {REPEAT_APPLICANTS_NOTE}"
    share = _own_seniors_share(spec, v)
    if data.prior_us_graduate(v):
        # The points rest on the seniors' rate, which a graduate's may be far from.
        return Factor(
            "Applicant type",
            0,
            f"{seen} You graduated in an earlier year or applied before: {data.PRIOR_GRADUATE_RATE} No points either way "
            f"(if you are still a senior, enter 0 years since graduation).{share}",
            rates.cited,
        )
    return Factor("Applicant type", APPLICANT_POINTS[applicant], seen + share, rates.cited)


# Psychiatry is on the IMG article's list of historically IMG-accessible
# fields, yet the same article warns that it has grown competitive in some
# regions, and non-US IMGs fill a far smaller share of its first-year places
# than of internal medicine's.  The backup guide says both; the tier row said
# only "historically IMG-accessible", the words it gives internal and family
# medicine (visa-psych audit s41, 5).  The points stay the tier's.
TIER_CAVEATS: dict[str, str] = {
    "psychiatry": "the IMG article notes that it has become competitive in some regions and programs",
}
TIER_SHARE_BESIDE = "internal-medicine"


# Neurology read "historically IMG-accessible" with no word that the non-US
# IMGs who ranked it first matched least often of its tier, with the highest
# matched median (pathneuro audit s46, 1).  A rule on the data rather than a
# name: a field of that tier whose rate is below internal medicine's, the
# field the psychiatry caveat is set beside, says so with both figures.
# With the 2026 edition that is neurology and pathology.
def rate_below_beside(spec: data.Specialty) -> bool:
    """A field rated most open to IMGs whose non-US IMGs matched less often than internal medicine's."""
    beside = data.specialty(TIER_SHARE_BESIDE).outcome
    return (
        spec.tier == "accessible"
        and spec.slug != TIER_SHARE_BESIDE
        and spec.outcome is not None
        and beside is not None
        and spec.outcome.img_match_rate_pct < beside.img_match_rate_pct
    )


def rate_beside_words(spec: data.Specialty) -> str:
    """For a field ``rate_below_beside``: its non-US IMGs' match rate and
    matched median against internal medicine's, cited; the lowest rate of the
    tier is named so."""
    beside = data.specialty(TIER_SHARE_BESIDE)
    own, other = spec.outcome, beside.outcome
    assert own is not None and other is not None
    medians = own.step2_matched.median, other.step2_matched.median
    # The median only where it points the same way as the rate: pathology's
    # 244 against 251, after "Yet", read as a point against it (recheck46
    # audit s46, new 2).
    with_medians = (
        f", with a matched median Step 2 CK of {medians[0]:g}, against {table_percent(other.img_match_rate_pct)} and "
        f"{medians[1]:g} in {beside.name.lower()}"
        if medians[0] is not None and medians[1] is not None and medians[0] >= medians[1]
        else f", against {table_percent(other.img_match_rate_pct)} in {beside.name.lower()}"
    )
    tier_rates = [s.outcome.img_match_rate_pct for s in data.SPECIALTIES if s.tier == spec.tier and s.outcome]
    lowest = ", the lowest rate in its tier" if own.img_match_rate_pct == min(tier_rates) else ""
    return f"{data.ranked_first_matched(own)}{with_medians} ({data.CHARTING_OUTCOMES.named()}){lowest}"


def _tier_line(spec: data.Specialty) -> str:
    """The target-specialty row's words: the tier, the basis of a field's own
    tier, and for a field the articles or the data qualify, the caveat with
    the figures beside internal medicine's."""
    said = f"{spec.name} is {data.TIER_LABELS[spec.tier]}.{data.tier_basis_said(spec)}"
    if rate_below_beside(spec):
        return f"{said} Yet {rate_beside_words(spec)}. This check takes no points for it."
    caveat = TIER_CAVEATS.get(spec.slug)
    if caveat is None:
        return said
    beside = data.specialty(TIER_SHARE_BESIDE)
    if spec.pgy1 is None or beside.pgy1 is None:
        return f"{said[:-1]}, but {caveat}."
    # The guide sets the share beside the group's own match rate: the share
    # alone read as "four times harder" (new-words audit s41, 4).
    rates = (
        f", though the non-US IMGs who ranked it first matched at {table_percent(spec.outcome.img_match_rate_pct)} "
        f"in {data.CHARTING_OUTCOMES.year}, against {table_percent(beside.outcome.img_match_rate_pct)} in "
        f"{beside.name.lower()} ({data.CHARTING_OUTCOMES.named()}): few apply, and it asks a real application"
        if spec.outcome and beside.outcome
        else ""
    )
    return (
        f"{said[:-1]}, but {caveat}. Non-US IMGs filled {table_percent(spec.pgy1.non_us_img_pct_of_offered)} of its "
        f"PGY-1 positions in {data.RESULTS_AND_DATA.year}, against "
        f"{table_percent(beside.pgy1.non_us_img_pct_of_offered)} in {beside.name.lower()} "
        f"({data.RESULTS_AND_DATA.named()}){rates}. This check takes no points for it."
    )


# A US MD or DO who graduated in an earlier year, or applied before, loses
# the seniors' points in other rows (applicant type, the senior's shield on a
# low Step 2 CK, the DO-in-ultra row): the years and no-match rows showed 0
# and -8 where the input cost 20 and 28 in all (moved audit s45, 2).  The
# points stay in the rows whose rules give them, so each row still says why;
# the row of the input that moved them says what it cost in all.
YEARS_ROW = "Years since graduation"
NO_MATCH_ROW = "Previous no-match"
SENIOR_STATUS_INPUTS: dict[str, tuple[str, object, str]] = {
    # row: (input, its neutral value, why that input ends senior status)
    YEARS_ROW: ("years_since_graduation", 0, "Having graduated in an earlier year"),
    NO_MATCH_ROW: ("previously_unmatched", False, "Having applied before"),
}
IN_ALL = "In all, this input moves the score by"


def _other_rows(factors: list[Factor]) -> dict[str, int]:
    """Points by row, leaving out the two rows of the inputs that end senior status."""
    return {f.factor: f.points for f in factors if f.factor not in SENIOR_STATUS_INPUTS}


def _seniors_points_moved(now: list[Factor], senior: list[Factor]) -> tuple[list[str], int]:
    """The other rows whose points differ for a senior, and the sum of the differences."""
    before, after = _other_rows(senior), _other_rows(now)
    moved = [
        f"{name} {signed(before.get(name, 0))} for a senior, {signed(after.get(name, 0))} for you"
        for name in dict.fromkeys([*before, *after])
        if before.get(name, 0) != after.get(name, 0)
    ]
    return moved, sum(after.values()) - sum(before.values())


def senior_status_said(spec: data.Specialty, v: Mapping[str, object], shown: list[Factor]) -> list[Factor]:
    """The rows shown, with the years and no-match rows saying what ending
    senior status cost in other rows.  Said once, for the result: inside
    ``assess``, which the margins re-run dozens of times, its extra runs of
    the rules made a prior US graduate's answer four times slower."""
    if not data.prior_us_graduate(v):
        return shown
    factors = _factors(spec, v)
    rows = []
    for factor in shown:
        if factor.factor in SENIOR_STATUS_INPUTS:
            name, neutral, why = SENIOR_STATUS_INPUTS[factor.factor]
            other = next(row for row in SENIOR_STATUS_INPUTS if row != factor.factor)
            other_name, other_neutral, _ = SENIOR_STATUS_INPUTS[other]
            moved, spill = _seniors_points_moved(factors, _factors(spec, {**v, name: neutral}))
            said = ""
            if moved:
                said = (
                    f" {why}, you are not counted as a senior, which moves points in other rows: {'; '.join(moved)}. "
                    f"{IN_ALL} {signed(factor.points + spill)}, this row's points included."
                )
            elif v[name] != neutral and v[other_name] != other_neutral:
                # Either input alone ends senior status, so neither, changed
                # alone, moves another row: said, so the rows' 20 points are
                # not left to no input.
                moved, _ = _seniors_points_moved(factors, _factors(spec, {**v, name: neutral, other_name: other_neutral}))
                if moved:
                    said = (
                        f" Your {'past no-match' if other == NO_MATCH_ROW else 'graduation year'} also keeps you from "
                        "being counted as a senior, so changing this alone moves no other row; with both changed, "
                        f"the seniors' points would come back ({'; '.join(moved)})."
                    )
            if said:
                factor = Factor(factor.factor, factor.points, factor.why + said, factor.source)
        rows.append(factor)
    return rows


def _radiology_rotations_held(v: Mapping[str, object]) -> bool:
    """Whether the radiology article's ask of one US radiology rotation holds this reader's band."""
    return word(v, "applicant_type") in RADIOLOGY_ROTATIONS_APPLICANTS


def _radiology_rotations_words(spec: data.Specialty, v: Mapping[str, object], aways: int) -> str:
    """What the US rotations row adds in diagnostic radiology: that electives
    and observerships count, and, for an IMG, the article's ask and whether it
    holds the band.  Not the ask to a US senior, whose band it does not hold:
    beside "single-track" it read as a condition ignored (recheck45 audit s45, 6)."""
    if spec.slug != "diagnostic-radiology":
        return ""
    counts = " Radiology electives and observerships at US hospitals count here"
    if not _radiology_rotations_held(v):
        return f"{counts}."
    held = "." if aways >= RADIOLOGY_ROTATIONS_NEEDED else ", so this check holds the band at “dual apply” until you have one."
    return f"{counts}; the radiology article's case for applying to radiology alone asks for at least one{held}"


def _factors(spec: data.Specialty, v: Mapping[str, object]) -> list[Factor]:
    tier = spec.tier
    applicant = word(v, "applicant_type")
    entered_failures = whole(v, "exam_failures")
    failures = min(entered_failures, FAILURE_COUNT_CAP)
    years = whole(v, "years_since_graduation")
    usce = us_clinical_months(v)
    letters = whole(v, "specialty_letters")
    research = whole(v, "research_items")
    aways = whole(v, "away_rotations")
    prior_graduate = data.prior_us_graduate(v)
    factors = [
        Factor("Starting point", BASE_SCORE, "Every profile starts here; each factor below moves it."),
        _applicant_factor(spec, v),
        Factor("Target specialty", TIER_POINTS[tier], _tier_line(spec), spec.tier_sources[0]),
        *_step2_factors(spec, whole_or_none(v, "step2_score"), applicant, prior_graduate, score_on_record(v)),
    ]
    if tier == "ultra" and applicant == "us-do" and not prior_graduate:
        factors.append(
            Factor(
                "DO in an ultra-competitive field",
                DO_IN_ULTRA_POINTS,
                "Programs in these fields often favor US MD over US DO applicants.",
                ARTICLE_ULTRA,
            )
        )
    if failures:
        factors.append(
            Factor(
                "Exam failures",
                FAILURE_POINTS * failures,
                f"{counted(entered_failures, 'failed attempt')}; each counts against you, up to {FAILURE_COUNT_CAP} "
                "here, though programs see every one"
                # "(up to 3)" read as if a fourth did not matter, where four
                # at one Step end the USMLE (exam-edges audit s36, 3).
                + (f". {data.ATTEMPT_LIMITS}" if entered_failures >= FAILURE_COUNT_CAP else "."),
                ARTICLE_IMG,
            )
        )
        if tier == "ultra":
            factors.append(
                Factor(
                    "Failure in an ultra-competitive field",
                    ULTRA_FAILURE_EXTRA,
                    "Any failure is often fatal in these fields.",
                    ARTICLE_ULTRA,
                )
            )
    else:
        # Every input gets its row, moved or not, so the table accounts for all of them.
        factors.append(Factor("Exam failures", 0, "None entered.", ARTICLE_IMG))
    band = next(b for b in GRADUATION_BANDS if years >= b.min_years)
    points, label, source = band.points, f"{band.label} band", band.source
    flexible = ""
    if band.flexible_points is not None and spec.slug in data.FLEXIBLE_ABOUT_RED_FLAGS:
        # The IMG article's deduction, still its source; the no-match article,
        # named, only halves it (diff review s52, 7).
        points = band.flexible_points
        flexible = (
            f" Here it costs {-points} points, not {-band.points}. The no-match article calls {spec.name.lower()} "
            "generally more flexible about an older graduation. Halving it is this check's own choice: the article gives no number."
        )
    if band.only_in is not None:
        if spec.slug != band.only_in:
            # No source puts a cost on this band outside the field its article is about.
            points, label = 0, f"{band.label} band, which costs points only in {data.specialty(band.only_in).name.lower()}"
        elif recent_clinical_work(v):
            # The radiology article's condition is "without continuous clinical work".
            points, label = (
                0,
                f"{band.label} band, which the radiology article counts against you only without continuous clinical "
                f"work, and you have {_recent_work(v)}",
            )
        else:
            label = (
                f"{band.label} band, which the radiology article counts against you without continuous clinical work: "
                f"here, {_recent_work(v)}, where {OLD_GRADUATION_RECENT_WORK_MONTHS} count as recent work"
            )
    elif points and recent_clinical_work(v):
        # A specialist practising for years scored as if idle, while the form
        # said recent work answers an old graduation (older-IMG audit s34, 2).
        label = (
            # Not "clear the red flag": translated, it said the points went too (ESL audit s35, 4).
            f"{band.label} band. Because of your {_recent_work(v)}, an old graduation is not counted as a red flag; "
            "these points are still taken off, because the IMG article's advice on the graduation year applies "
            "with or without recent work"
        )
    factors.append(Factor(YEARS_ROW, points, f"{counted(years, 'year')}: in the {label}.{flexible}", source))
    _, points, label = next(b for b in USCE_BANDS if usce >= b[0])
    why = (
        f"{counted(usce, 'month')}: {label}."
        if applicant in data.IMG_TYPES
        else f"US graduate: your clerkships are US clinical experience, counted as {label}."
    )
    if observed := observership_months(v):
        hands_on = hands_on_us_months(v)
        why += f" {observed} of them observership, leaving {hands_on} hands-on" + (
            f", under the {USCE_MINIMAL_BELOW} hands-on months that clear the red flag for minimal US experience "
            "(the article's flag is “especially hands-on”)."
            if hands_on < USCE_MINIMAL_BELOW
            else "."
        )
    why += _old_us_months(v)
    factors.append(Factor("US clinical experience", points, why, ARTICLE_IMG))
    expected, letters_source = data.letters_expected(spec.slug)
    sloe = (
        " Emergency medicine programs expect SLOEs, written on a common form after emergency medicine rotations, "
        f"and other letters do not stand in for them ({data.EM_SLOE_CITED}): count only SLOEs here."
        if spec.slug == "emergency-medicine"
        else ""
    )
    # ENT, plastics and neurosurgery lost points on a count their cited
    # article gives only for dermatology (sources audit s54, 3).
    sloe += f" {reading}" if (reading := data.letters_reading(spec.slug)) else ""
    if letters < expected:
        # Family medicine, the backup the finder suggests, scored below
        # internal medicine on "0 of the 2 letters expected", though the help
        # lets internal medicine letters count (interview audit s56, 8).
        stand_in = f" {FM_LETTERS_FROM_MEDICINE}" if spec.slug == "family-medicine" else ""
        factors.append(
            Factor(
                "Specialty letters",
                LETTER_SHORT_POINTS * (expected - letters),
                f"{letters} of the {counted(expected, 'letter')} expected in this field.{stand_in}{sloe}",
                letters_source,
            )
        )
    else:
        spare = letters - expected
        if not spare:
            spare_text = "."
        elif spare == 1:
            spare_text = ", with one to spare."
        else:
            spare_text = f", with {spare} to spare; any number of spare letters counts as one."
        factors.append(
            Factor(
                "Specialty letters",
                LETTER_EXTRA_POINTS if spare else 0,
                f"{counted(letters, 'letter')}: meets the {expected} expected{spare_text}{sloe}",
                letters_source,
            )
        )
    factors.append(
        Factor(
            "Research",
            _from_bands(research, RESEARCH_BANDS[tier]),
            _research_line(spec, research, applicant in data.US_GRADUATE_TYPES),
            # The ultra article on its fields, but orthopaedics, whose row
            # measures against its own article's self-audit; the IMG article
            # elsewhere ("especially important for academic and competitive specialties").
            ARTICLE_ORTHO if spec.slug == "orthopaedic-surgery" else ARTICLE_ULTRA if tier == "ultra" else ARTICLE_IMG,
        )
    )
    factors.append(
        Factor(
            "US rotations in the specialty",
            _from_bands(aways, AWAY_BANDS[tier]),
            f"{counted(aways, 'rotation')} in {spec.name}.{_radiology_rotations_words(spec, v, aways)}",
            # Radiology's own article asks at least one radiology observership
            # or elective, and the orthopaedics one two away rotations; for the
            # other fields the IMG article's "specialty-aligned experience"
            # (its example, internal medicine sub-internships) is the nearest
            # (competitiveness-rules audit s37, 9).
            ARTICLE_RADIOLOGY if spec.slug == "diagnostic-radiology" else ARTICLE_ORTHO if tier == "ultra" else ARTICLE_IMG,
        )
    )
    if profile.visa_needed(v):
        extra = VISA_EXTRA_IN_COMPETITIVE if tier in ("competitive", "ultra") else 0
        factors.append(
            Factor(
                "Visa needed",
                VISA_POINTS + extra,
                # The article asks it of a field, and says to research each
                # program's sponsorship apart (sources audit s54, 10).
                f"Visa need {profile.visa_basis(v)}. Not every program sponsors a visa: the IMG article asks whether a field "
                "commonly does, and says to research each program's sponsorship"
                + (
                    "; the IMG article says H-1B sponsorship is rare in some specialties, and this check assumes "
                    "those are among the competitive fields (its own assumption, not the article's)."
                    if extra
                    else "."
                )
                # Words only: the visa weighs the same whichever one (h1bvisa audit s47, 2).
                + (
                    " You cannot take a J-1: only programs that will file an H-1B for you count "
                    f"({profile.VISA_GUIDE_SECTION}). The points here are the same as for any visa need."
                    if profile.h1b_only(v)
                    else profile.h1b_only_prompt(v)
                ),
                ARTICLE_IMG,
            )
        )
    else:
        factors.append(Factor("Visa needed", 0, f"No visa need, {profile.visa_basis(v)}.", ARTICLE_IMG))
    if v["geographic_restriction"]:
        factors.append(
            Factor("Limited geography", GEOGRAPHY_POINTS, "Fewer programs to apply to means fewer chances.", ARTICLE_IMG)
        )
    else:
        factors.append(Factor("Limited geography", 0, "Open to programs anywhere in the US.", ARTICLE_IMG))
    if v["previously_unmatched"]:
        factors.append(
            Factor(
                NO_MATCH_ROW,
                UNMATCHED_POINTS,
                # With the article's condition, as the backup finder quotes it
                # (diffreview49 audit s49, 6): it writes of a year already held.
                "Programs will ask what has changed since the last application; the no-match article says a "
                "well-planned, strong US preliminary or transitional year, if you already hold one (through SOAP, "
                "say), can make an average candidate a credible one in internal medicine, family medicine and "
                "psychiatry, and sometimes in anesthesiology or emergency medicine; its months count above as US "
                "clinical experience and recent work."
                + (_no_match_without_recent_work(v) if little_recent_work_after_no_match(v) else ""),
                ARTICLE_UNMATCHED,
            )
        )
    else:
        factors.append(Factor(NO_MATCH_ROW, 0, "Not a reapplicant.", ARTICLE_UNMATCHED))
    return factors


def _research_line(spec: data.Specialty, research: int, us_graduate: bool = False) -> str:
    """The research row's words: in an ultra-competitive field, measured
    against what the ultra article (and for orthopaedics its own) asks, and
    for a US graduate said to be a yardstick written for another group."""
    if spec.tier != "ultra":
        return f"{counted(research, 'item')}; research weighs moderately in a field that is {data.TIER_LABELS[spec.tier]}."
    if not us_graduate:
        return _ultra_research_line(spec, research)
    if spec.slug == "orthopaedic-surgery" and 0 < research < ULTRA_RESEARCH_POINTS_FROM:
        # "Meets the self-audit" read as enough beside a matched mean of 23.8.
        line = (
            f"{counted(research, 'item')}: the orthopaedics article's self-audit asks at least one orthopaedic research "
            "project or publication; the ultra-competitive article calls research close to mandatory in these fields, "
            f"and this check gives points from {ULTRA_RESEARCH_POINTS_FROM} items."
        )
    else:
        line = _ultra_research_line(spec, research)
    if spec.slug == "orthopaedic-surgery":
        return (
            f"{line}{US_GRADUATE_RESEARCH} A study of the NRMP's orthopaedic report gives a mean of "
            f"{ORTHO_US_RESEARCH_MATCHED_MEAN:g} research items for applicants who matched "
            f"({data.ORTHO_CHARTING_STUDY.cite()}; its abstract does not say which applicant group)."
        )
    return line + US_GRADUATE_RESEARCH


def _ultra_research_line(spec: data.Specialty, research: int) -> str:
    """The research row in an ultra-competitive field, in the articles' terms."""
    items = counted(research, "item")
    top = ULTRA_RESEARCH_POINTS_FROM
    mandatory = "the ultra-competitive article calls research close to mandatory in these fields"
    if spec.slug in ULTRA_RESEARCH_ASK_FIELDS:
        ask = f"the ultra-competitive article asks of {spec.name.lower()} applicants ({ULTRA_RESEARCH_ASK})"
        if research == 0:
            return f"{items}: well short of what {ask}; it calls research close to mandatory in these fields."
        if research == 1:
            return (
                f"{items}: short of what {ask}, unless it is a real publication. Under {top} items no points either "
                "way (this check's own line); research weighs heavily here."
            )
        if research < top:
            return (
                f"{items}: whether they meet what {ask} depends on what they are, which this form does not ask. "
                f"Under {top} items no points either way (this check's own line); research weighs heavily here."
            )
        return f"{items}: in line with what {ask}; {top} or more items earn points here."
    if spec.slug == "orthopaedic-surgery":
        audit = "the orthopaedics article's self-audit, which asks for at least one orthopaedic research project or publication"
        if research == 0:
            return f"{items}: short of {audit}; {mandatory}."
        if research < top:
            return f"{items}: meets {audit}; {mandatory}, and this check gives points from {top} items."
        return f"{items}: {mandatory}; {top} or more items earn points here."
    if research == 0:
        return f"{items}: {mandatory}."
    if research < top:
        return (
            f"{items}: {mandatory} but names no count for {spec.name}; for dermatology and plastic surgery it asks "
            f"for {ULTRA_RESEARCH_ASK}. This check gives points from {top} items."
        )
    return f"{items}: {mandatory}; {top} or more items earn points here."


# The red flags are the IMG article's, written in its section on assessing
# yourself "as an IMG"; no source gives any for US graduates, who still get them
# as the nearest guide, and are told so.
US_GRADUATE_FLAGS = (
    "These red flags come from the IMG article, which writes them for IMGs; our sources give none for US MD or DO "
    "graduates, so the check applies the same signs to you as the nearest guide."
)
SENIORS_POINTS = " Your applicant type's points already reflect US seniors' higher match rates."


def red_flags(spec: data.Specialty, v: Mapping[str, object]) -> list[str]:
    """The IMG article's red flags that apply to this profile."""
    step2 = whole_or_none(v, "step2_score")
    flags = []
    if step2 is not None and step2 < STEP2_RED_FLAG_BELOW:
        flags.append(f"Step 2 CK below {STEP2_RED_FLAG_BELOW}")
    if whole(v, "exam_failures"):
        flags.append("one or more exam failures")
    # The article's flag is an old graduation "with limited recent clinical
    # activity" (a separate flag from "minimal US clinical experience", under
    # 3 months, as in the article).
    if profile.graduated_long_ago(v) and not recent_clinical_work(v):
        flags.append(OLD_GRADUATION_FLAG)
    if hands_on_us_months(v) < USCE_MINIMAL_BELOW:
        flags.append(MINIMAL_USCE_FLAG)
    if profile.visa_needed(v):
        flags.append(VISA_FLAG)
    if spec.tier == "ultra":
        flags.append(TARGET_FLAG)
    if v["geographic_restriction"]:
        flags.append(GEOGRAPHY_FLAG)
    return flags


class AuditLine(TypedDict):
    item: str
    met: bool


ORTHO_AUDIT_US_GRADUATES = (
    "The self-audit is the orthopaedics article's, written for US-citizen IMGs: a tick means its floor is met, not "
    "that a US graduate's file is competitive. The Step 2 CK and research rows above give published orthopaedic "
    "means to set yours against."
)


def ortho_audit(v: Mapping[str, object]) -> list[AuditLine]:
    """The orthopaedics article's self-audit, one line per measurable element."""
    step2 = whole_or_none(v, "step2_score")
    return [
        {"item": ORTHO_AUDIT_STEP2_ITEM, "met": step2 is not None and step2 >= ORTHO_AUDIT_STEP2},
        {"item": "At least one orthopaedic research item", "met": whole(v, "research_items") >= ORTHO_AUDIT_RESEARCH},
        {"item": "Two or more US orthopaedic away rotations", "met": whole(v, "away_rotations") >= ORTHO_AUDIT_AWAYS},
        {
            "item": "Two or more letters from orthopaedic surgeons (the self-audit asks 2–3; the article's letter plan asks 3–4, "
            "which the letters row uses)",
            "met": whole(v, "specialty_letters") >= ORTHO_AUDIT_LETTERS,
        },
    ]


def _article_step2_level(spec: data.Specialty) -> tuple[int, str] | None:
    """The Step 2 CK an article names as the level for this field, and how to name it."""
    article = article_bands(spec)
    if article is None:
        return None
    floor = article.bands[1].floor
    return floor, article.level.format(floor=floor, name=spec.name)


def far_below_level(spec: data.Specialty, v: Mapping[str, object]) -> str | None:
    """The level an article sets for the field, named, when the Step 2 CK is
    more than ``MISALIGNED_STEP2_GAP`` points below it."""
    step2 = whole_or_none(v, "step2_score")
    level = _article_step2_level(spec)
    if level is not None and step2 is not None and step2 < level[0] - MISALIGNED_STEP2_GAP:
        return level[1]
    return None


def misalignment(spec: data.Specialty, v: Mapping[str, object]) -> list[str]:
    """Reasons a reapplicant's profile looks structurally misaligned with the
    field.  ``pivot_within_reach`` restates which fields any reason can touch:
    change the two together."""
    if not v["previously_unmatched"]:
        return []
    step2 = whole_or_none(v, "step2_score")
    reasons = []
    if (level := far_below_level(spec, v)) is not None:
        reasons.append(
            f"Step 2 CK is more than {MISALIGNED_STEP2_GAP} points below {level} (the articles call for a backup "
            "well above this score; making it the main plan this far below is this calculator's rule)"
        )
    research = whole(v, "research_items")
    if spec.tier == "ultra" and whole(v, "exam_failures"):
        reasons.append("exam failures in an ultra-competitive field")
    if spec.tier == "ultra" and research == 0:
        reasons.append("no research for a research-heavy field")
    # An empty score (not taken, or COMLEX only) is not read as a low one: a
    # COMLEX-only reapplicant was told to pivot over a USMLE score never sat.
    elif spec.tier == "ultra" and research < MINIMAL_RESEARCH_BELOW and step2 is not None and step2 < ULTRA_STEP2_BANDS[1].floor:
        reasons.append(f"Step 2 CK under {ULTRA_STEP2_BANDS[1].floor} with minimal research in an ultra-competitive field")
    if (
        spec.tier in MISALIGNED_GRADUATION_TIERS
        and whole(v, "years_since_graduation") > MISALIGNED_YEARS
        and whole(v, "recent_clinical_months") == 0
    ):
        reasons.append(
            f"more than {MISALIGNED_YEARS} years since graduation with no hands-on clinical work in the last "
            f"{RECENT_WORK_YEARS} years, in a field this hard to enter"
        )
    return reasons


def pivot_within_reach(spec: data.Specialty, v: Mapping[str, object]) -> bool:
    """Whether any inputs like these could give "pivot": only a reapplicant in
    a field where some reason of ``misalignment`` applies.  The signals planner
    showed a first-time internal medicine applicant what a pivot would give
    (signals audit s36, 3)."""
    return bool(v["previously_unmatched"]) and (
        spec.tier in MISALIGNED_GRADUATION_TIERS or _article_step2_level(spec) is not None
    )


# On a first attempt, what the misalignment rule would say of the same file
# after a no-match, and what would stop it: two readers with the same band
# now, one of whom the rule would tell to pivot after a no-match, heard the
# same advice while deciding between a backup now and a research year
# (usmd-ortho audit s41, 5).  Found by running ``misalignment`` on the file
# marked as a reapplicant, then with one input raised at a time, so the line
# cannot drift from the rule.  Only inputs a reader can still change are
# probed: a passed Step 2 CK and past failures stay as they are.
AFTER_NO_MATCH_PROBES: tuple[tuple[str, int], ...] = (
    ("research_items", 2 * EXCEPTIONAL_ULTRA["research"]),
    ("recent_clinical_months", 2 * OLD_GRADUATION_RECENT_WORK_MONTHS),
)


# One month of hands-on work lifts the misalignment rule (the no-match
# article's "no recent clinical work"), and was read as the whole fix: the
# old-graduation flag beside it stays to six, and a research post moves
# neither (dermnonus audit s45, 5).
ONE_MONTH_IS_NOT_SIX = (
    f"The red flag for graduating more than {OLD_GRADUATION_FLAG_AFTER_YEARS} years ago needs "
    f"{OLD_GRADUATION_RECENT_WORK_MONTHS} months, and months of research without patients count towards neither."
)


# Said wherever the month is named, graduation long ago or not: the reader
# with two lab years read the month as done (recheck45 audit s45, 5).
RESEARCH_NOT_CLINICAL_WORK = "Months of research without patients do not count towards it."


def _one_month_note(v: Mapping[str, object], name: str, value: int | bool) -> str:
    """What follows a step of recent clinical work that lifts the pivot: the
    old-graduation flag's six months where that flag applies (a graduation
    long ago, not one 4 years back), and that research months do not count."""
    if name != "recent_clinical_months":
        return ""
    if value < OLD_GRADUATION_RECENT_WORK_MONTHS and profile.graduated_long_ago(v):
        return f" {ONE_MONTH_IS_NOT_SIX}"
    return f" {RESEARCH_NOT_CLINICAL_WORK}"


def after_no_match(spec: data.Specialty, v: Mapping[str, object]) -> str | None:
    """One line for a first attempt whose file the misalignment rule would
    call structurally misaligned after a no-match, with what would change that."""
    if v["previously_unmatched"]:
        return None
    again = {**v, "previously_unmatched": True}
    reasons = misalignment(spec, again)
    if not reasons:
        return None
    changes = []
    said_after = ""
    # The one-month note is judged a year on, when the reader would apply again.
    a_year_on = {**v, "years_since_graduation": whole(v, "years_since_graduation") + 1}
    for name, reach in AFTER_NO_MATCH_PROBES:
        enough = next((c for c in _candidates(v, name, reach) if not misalignment(spec, {**again, name: c})), None)
        if enough is not None:
            changes.append(_change_text(spec, v, name, enough))
            said_after = said_after or _one_month_note(a_year_on, name, enough)
    if changes:
        what = f"{capitalised(' or '.join(changes))} would change that.{said_after}"
    elif not misalignment(spec, _at_their_best(again, [name for name, _ in AFTER_NO_MATCH_PROBES])):
        what = "It would take more research and recent clinical work together to change that."
    elif profile.step2_failing(v):
        what = "A passing retake is a new score, so run the check again with it."
    else:
        what = "Nothing you can still change alters that: it rests on your record."
    # Reasons after a colon, not in brackets: some carry brackets of their own.
    return (
        f"If this season ends without a match, this check would call the same file structurally misaligned with "
        f"{spec.name}, and so advise a pivot: {'; '.join(reasons)}. {what}"
    )


def _exceptional_ultra(v: Mapping[str, object]) -> bool:
    step2 = whole_or_none(v, "step2_score")
    return (
        step2 is not None
        and step2 >= EXCEPTIONAL_ULTRA["step2"]
        and whole(v, "research_items") >= EXCEPTIONAL_ULTRA["research"]
        and whole(v, "specialty_letters") >= EXCEPTIONAL_ULTRA["letters"]
        and whole(v, "away_rotations") >= EXCEPTIONAL_ULTRA["away"]
        and not whole(v, "exam_failures")
    )


def _median_cap(spec: data.Specialty, v: Mapping[str, object]) -> Cap | None:
    """At most "dual apply" for an IMG whose Step 2 CK is below the matched
    non-US IMG median, or not yet entered.  Radiology is left to its own
    article's bands, which already cap every score below its median (250)."""
    step2 = whole_or_none(v, "step2_score")
    dist = spec.outcome.step2_matched if spec.outcome else None
    if v["applicant_type"] not in QUARTILE_APPLICANTS or spec.slug == "diagnostic-radiology":
        return None
    if dist is None or dist.median is None:
        return None
    if step2 is None:
        where = f"No Step 2 CK entered, so it cannot yet be set against the median of matched non-US IMGs in {spec.name}"
    elif step2 < float(dist.median):
        where = (
            f"Step 2 CK {step2} is below the median of matched non-US IMGs in {spec.name} ({float(dist.median):g}, "
            f"{data.CHARTING_OUTCOMES.named()})"
        )
    else:
        return None
    unmatched = spec.outcome.step2_unmatched if spec.outcome else None
    says_little = ""
    if unmatched is not None and unmatched.median is not None and match_odds.step2_says_little(spec):
        # Match odds, from the same rows, barely moves with the score here;
        # without this the two calculators read as if they disagreed.
        says_little = (
            f" In {spec.name} the score says little either way: the non-US IMGs who did not match had a median of "
            f"{float(unmatched.median):g}, so the match odds calculator gives scores there much the same chance."
        )
    # A US-citizen IMG is held by another group's median, which the result
    # said only beside the score, not beside the rule that set the band
    # (reapplicant audit s30, 4).
    not_yours = (
        f" Those are non-US IMGs' figures, {data.NOT_YOUR_GROUP}, so the line may sit lower for you, by an amount "
        "the data cannot show."
        if v["applicant_type"] == "us-img"
        else ""
    )
    return Cap(
        "dual-apply",
        f"{where}: the IMG article calls applying to one specialty risky when the score is not clearly above "
        f"average for it, and this calculator reads “above average” as at or above that median.{says_little}{not_yours}",
        ARTICLE_IMG,
    )


def _img_odds(spec: data.Specialty, v: Mapping[str, object]) -> tuple[int, float] | None:
    """An IMG's Step 2 CK and the match odds calculator's estimate for it in
    this field, where both exist: the single-track rule and the odds said
    beside single-track read the same figure."""
    step2 = whole_or_none(v, "step2_score")
    if v["applicant_type"] not in QUARTILE_APPLICANTS or step2 is None:
        return None
    estimate = match_odds.step2_estimate(spec, step2)
    return None if estimate is None else (step2, estimate)


def _odds_cap(spec: data.Specialty, v: Mapping[str, object]) -> Cap | None:
    """At most "dual apply" for an IMG whose match odds by Step 2 CK are under
    even, where the match odds calculator gives an estimate."""
    odds = _img_odds(spec, v)
    if odds is None or odds[1] >= SINGLE_TRACK_MIN_ODDS:
        return None
    step2, estimate = odds
    return Cap(
        "dual-apply",
        f"At Step 2 CK {step2}, the match odds calculator's model puts non-US IMGs with that score who ranked "
        f"{spec.name} first at {match_odds.about(estimate)} matched: under even odds, a specialty is not one to apply "
        "to alone (this calculator's rule, from the NRMP figures).",
        data.CHARTING_OUTCOMES,
    )


def _unshown_cap(spec: data.Specialty, v: Mapping[str, object]) -> Cap | None:
    """At most "dual apply" for a non-US IMG where the NRMP figures show no
    score at which one field alone is a reasonable plan: the matched median suppressed,
    or too few applicants for a firm match odds estimate.

    Without it, missing figures turned both IMG conditions off, and the
    fields with the least evidence (dermatology, 5 of 30) gave a strong file
    "Single-track is reasonable" (specialties audit s35, 1); PM&R's 15 and 14
    gave "about 56%", a standard error from even (2).  Not for a US-citizen
    IMG, whose group these figures are not: in the ultra-competitive fields
    the articles written for them let an exceptional file apply alone, and
    in PM&R the median and odds rules hold."""
    if v["applicant_type"] != "non-us-img" or spec.slug == "diagnostic-radiology":
        return None
    if not match_odds.step2_figures_thin(spec):  # (thin too where there are no figures)
        return None  # the median and odds rules decide
    outcome = spec.outcome
    rate = (
        f": {outcome.img_matched:,} of {outcome.img_ranked_first:,} who ranked it first matched "
        f"({table_percent(100 * match_odds.base_rate(spec))}, {data.CHARTING_OUTCOMES.named()})"
        if outcome is not None and outcome.img_ranked_first
        else ""
    )
    return Cap(
        "dual-apply",
        f"The NRMP figures on non-US IMGs in {spec.name} are too few to show a Step 2 CK at which applying to it "
        f"alone is a reasonable plan{rate}. Without such a figure, this calculator does not tell a non-US IMG that one field "
        "alone is enough (its own rule).",
        data.CHARTING_OUTCOMES,
    )


def _radiology_non_us_cap(spec: data.Specialty, v: Mapping[str, object]) -> Cap | None:
    """At most "dual apply" for a non-US IMG in radiology below the matched
    third quartile.  The radiology article's bands, which decide the field
    for everyone else, were written for US-citizen IMGs: at 250 they gave a
    non-US IMG "Single-track is reasonable", where the IMG article asks a
    clearly above-average score in radiology and the unmatched non-US IMGs'
    median sits above the matched one, as the guides tell that reader
    (competitiveness-rules audit s37, 4)."""
    step2 = whole_or_none(v, "step2_score")
    outcome = spec.outcome
    if spec.slug != "diagnostic-radiology" or v["applicant_type"] != "non-us-img" or step2 is None or outcome is None:
        return None
    matched, unmatched = outcome.step2_matched, outcome.step2_unmatched
    if matched.q3 is None or step2 >= float(matched.q3):
        return None
    beside = (
        f"; those who did not match had a median of {float(unmatched.median):g}, against {float(matched.median):g} "
        "for those who did, so the score barely separates them"
        if unmatched is not None and unmatched.median is not None and matched.median is not None
        else ""
    )
    if unmatched is not None and unmatched.q3 is not None:
        # The unmatched top quarter starts at the same 262: said, so the line
        # does not read as one that sorts the two groups (radiology audit s45, 5).
        beside += (
            ", and the top quarter of those who did not match "
            + ("also starts at" if float(unmatched.q3) == float(matched.q3) else "starts at")
            + f" {float(unmatched.q3):g} (same source)"
        )
    return Cap(
        "dual-apply",
        f"Step 2 CK {step2} is below the top quarter of non-US IMGs who matched in {spec.name} ({float(matched.q3):g} "
        f"and up, {data.CHARTING_OUTCOMES.named()}){beside}. The radiology article's score bands were written for "
        "US-citizen IMGs; the IMG article asks a “significantly above-average” score in radiology, which this calculator "
        "reads, for a non-US IMG, as the top quarter of those who matched (its own rule).",
        ARTICLE_IMG,
    )


def unshown_fields() -> list[str]:
    """The fields where no figure can show a non-US IMG a score that makes one field alone reasonable."""
    return [s.name for s in data.SPECIALTIES if _unshown_cap(s, {"applicant_type": "non-us-img"})]


def red_flags_rule(count: int) -> str:
    """The rule that two or more red flags set, as the rules list words it
    and the headline recognises it."""
    return f"{count} red flags: single-specialty applying is very risky."


def _caps(spec: data.Specialty, v: Mapping[str, object], flags: list[str]) -> list[Cap]:
    caps: list[Cap] = []
    step2 = whole_or_none(v, "step2_score")
    if len(flags) >= RED_FLAGS_FOR_CAP:
        caps.append(Cap("dual-apply-strongly", red_flags_rule(len(flags)), ARTICLE_IMG))
    elif [f for f in flags if f != TARGET_FLAG]:
        caps.append(
            Cap(
                "dual-apply",
                f"One red flag ({flags[0]}): the IMG article lists it among the signs that you need a backup.",
                ARTICLE_IMG,
            )
        )
    if spec.tier == "ultra":
        if not _exceptional_ultra(v):
            caps.append(
                Cap("dual-apply", "Ultra-competitive fields: single-track only for exceptional applicants.", ARTICLE_ULTRA)
            )
        if whole(v, "research_items") < ULTRA_RESEARCH_NEEDED:
            caps.append(
                Cap(
                    "dual-apply-strongly",
                    "Ultra-competitive field with no research, which these fields all but require.",
                    ARTICLE_ULTRA,
                )
            )
    if (median_cap := _median_cap(spec, v)) is not None:
        caps.append(median_cap)
    elif (odds_cap := _odds_cap(spec, v)) is not None:
        caps.append(odds_cap)
    elif (unshown := _unshown_cap(spec, v)) is not None:
        caps.append(unshown)
    elif (radiology := _radiology_non_us_cap(spec, v)) is not None:
        caps.append(radiology)
    if spec.slug == "orthopaedic-surgery":
        missing = sum(not line["met"] for line in ortho_audit(v))
        if missing > 1:
            caps.append(Cap("dual-apply", f"Orthopaedic self-audit: {missing} elements missing.", ARTICLE_ORTHO))
    if spec.slug == "diagnostic-radiology":
        if step2 is None or step2 < RADIOLOGY_STEP2_BANDS[1].floor or whole(v, "exam_failures"):
            caps.append(
                Cap(
                    "dual-apply-strongly",
                    "Radiology: Step 2 CK below 235, not entered, or a failure. With COMLEX only, read your Level 2 "
                    "against the article's COMLEX bands under Step 2 CK above; this check takes USMLE scores only.",
                    ARTICLE_RADIOLOGY,
                )
            )
        elif step2 < RADIOLOGY_STEP2_BANDS[0].floor:
            caps.append(Cap("dual-apply", "Radiology: Step 2 CK 235-249, the mid-range band.", ARTICLE_RADIOLOGY))
        if whole(v, "away_rotations") < RADIOLOGY_ROTATIONS_NEEDED and _radiology_rotations_held(v):
            caps.append(Cap("dual-apply", RADIOLOGY_ROTATIONS_RULE, ARTICLE_RADIOLOGY))
    if not v["previously_unmatched"] and (level := far_below_level(spec, v)) is not None:
        caps.append(
            Cap(
                "dual-apply-strongly",
                f"Step 2 CK more than {MISALIGNED_STEP2_GAP} points below {level}: on a first attempt the articles advise "
                "a backup, and at a score this far below, one that carries much of the application.",
                ARTICLE_RADIOLOGY if spec.slug == "diagnostic-radiology" else ARTICLE_ULTRA,
            )
        )
    reasons = misalignment(spec, v)
    if reasons:
        caps.append(Cap("pivot", "Structurally misaligned:", ARTICLE_UNMATCHED, tuple(reasons)))
    elif v["previously_unmatched"]:
        caps.append(Cap("dual-apply", _no_misalignment_note(spec, v), ARTICLE_UNMATCHED))
    return caps


def _no_misalignment_note(spec: data.Specialty, v: Mapping[str, object]) -> str:
    """The cap on a reapplicant no misalignment rule touches.  It called every
    such file "borderline", a verdict the no-match guide says this check does
    not give outside the hardest fields (reapplicant-journey audit s38, 7):
    its rules only ever find a misfit, and not finding one is not a finding of
    a near miss."""
    where = (
        "None of this check's rules for a structurally misaligned file applies to yours, but they cannot tell how near you came"
        if pivot_within_reach(spec, v)
        else "This check's rules for a structurally misaligned file cover only the ultra-competitive fields and "
        f"radiology, so in {spec.name} it does not judge how near you came"
    )
    return (
        "After a no-match: your next application needs a backup in parallel, whichever field you applied to before. "
        f"{where}: whether you were borderline is for you and your adviser to decide, as the no-match article leaves "
        f"it. {_new_field_note(spec)}"
    )


def _new_field_note(spec: data.Specialty) -> str:
    """For a reapplicant whose field is new: the check has no answer for a
    change of field, and told a reader moving to psychiatry to add a "genuine
    backup" to it, where the no-match article makes the new field the main
    application and the field left an option (reapplypsych audit s49, 5; diff
    review s50b, 11).  A field outside the article's realistic ones is not
    called that main application: its FAQ calls a competitive new field
    unrealistic for most who did not match."""
    if spec.slug in data.NO_MATCH_BACKUPS | data.NO_MATCH_SOMETIMES:
        return (
            f"If {spec.name} is a new field for you, chosen after the no-match, the no-match article makes it your "
            "main application; if you still want to apply to the field you are leaving, name that field as the "
            "backup in program counts and tick the changing-field box, which keeps it to a small, chosen set."
        )
    competitive = (
        ", and calls a competitive field such as dermatology, orthopaedics or ENT unrealistic for most who did not "
        "match, short of an extraordinary year"
        if spec.tier == "ultra"
        else ""
    )
    return (
        f"If {spec.name} is a new field for you, chosen after the no-match, note that the no-match article names "
        "internal medicine, family medicine, psychiatry, pediatrics and anesthesiology, and sometimes emergency "
        f"medicine or pathology, as the realistic fields to move to{competitive}."
    )


# An orthopaedics reapplicant after a research year read "The score alone
# suggests 'Single-track is reasonable'", 70/100 against a first-timer's 68,
# where the no-match article calls a second swing at the same hyper-competitive
# field usually unrealistic unless the profile has changed dramatically
# (aiminghigh audit s54, 4).  So for a reapplicant to an ultra-competitive
# field the score-alone line is not said, and the article's test is put beside
# the band.  The article says it of a file that did not fit the field; putting
# it to every such reapplicant is ours, and the note says so.
def same_ultra_field_again(spec: data.Specialty, v: Mapping[str, object]) -> bool:
    """A reapplicant whose field is ultra-competitive: the score alone is not their guide."""
    return spec.tier == "ultra" and bool(v["previously_unmatched"])


SAME_FIELD_AGAIN_HEARD = (
    "Applying again? First ask if your profile has changed a lot since last time (the no-match article's test)."
)


def same_field_again_note(name: str) -> str:
    """The no-match article's test for a second try at the same very competitive field, credited."""
    return (
        # The form asks no field for the no-match (diff review s54, 8).
        f"If {name} is the field you did not match in, first ask whether your profile has changed a lot since then: "
        "for example a research year at a leading centre, important new letters, or strong contacts. The no-match "
        "article says that without such a change, a second try at the same very competitive field is usually "
        f"unrealistic ({ARTICLE_UNMATCHED.cite()}). It says this of files that did not fit the field; putting the "
        "question to every reapplicant to these fields is our rule."
    )


def no_single_track_again(name: str) -> str:
    """Said in place of any margins line that names the score's single-track
    band, to a reader ``same_ultra_field_again``."""
    return (
        f"After a no-match, in {name} or another field, a rule below keeps the advice at “{BAND_LABELS['dual-apply']}” "
        "or more cautious, whatever the score"
    )


def quartile_position(step2: int, dist: data.Distribution) -> str:
    """Where a score sits among the published quartiles, in words.

    Read from the quartiles NRMP publishes, not from a curve: a normal curve
    through the mean and SD put OB/GYN's median (242, mean 245) at "the 40th
    percentile", beside a points row that called it above the median.  The
    band comes from `Distribution.quarter_of`, so the words and the points row cannot
    draw the boundaries differently."""
    assert dist.q1 is not None and dist.median is not None and dist.q3 is not None
    q1, median, q3 = f"the first quartile ({dist.q1:g})", f"the median ({dist.median:g})", f"the third quartile ({dist.q3:g})"
    band = dist.quarter_of(step2)
    if band == "below":
        return f"below {q1}: in the bottom quarter"
    # Each position names its quarter in plain words: "the first quartile"
    # read on its own sounds like the top, where it is the bottom quarter's
    # upper line (readability audit s24, 3).
    floor, on_floor, inside = {
        "q3": (dist.q3, f"at {q3}, the foot of the top quarter", f"above {q3}: in the top quarter"),
        "median": (dist.median, f"at {median}, the middle score", f"between {median} and {q3}: in the upper middle quarter"),
        "q1": (dist.q1, f"at {q1}, the top of the bottom quarter", f"between {q1} and {median}: in the lower middle quarter"),
    }[band]
    return on_floor if step2 == floor else inside


class Step2Position(TypedDict):
    position: str
    quartile: Literal["q3", "median", "q1", "below"]
    median: Number
    q1: Number
    q3: Number
    n: int | None
    group: str
    source: str


def _unmatched_step2(spec: data.Specialty) -> tuple[float, float, int] | None:
    """The unmatched non-US IMGs' Step 2 CK median, third quartile and count,
    where NRMP suppressed the matched group's figures and published these."""
    outcome = spec.outcome
    if outcome is None or None not in (outcome.step2_matched.q1, outcome.step2_matched.median, outcome.step2_matched.q3):
        return None
    unmatched = outcome.step2_unmatched
    if unmatched.median is None or unmatched.q3 is None or unmatched.n is None:
        return None
    return float(unmatched.median), float(unmatched.q3), unmatched.n


def unmatched_step2_note(spec: data.Specialty, step2: int) -> str | None:
    """The one Step 2 CK figure published for non-US IMGs in a field whose
    matched figures are suppressed, set against the reader's score.  Without
    it a dermatology 258 read as competitive (+10) beside "not enough data",
    though it sat between the median and third quartile of those who did not
    match (dermnonus audit s45, 3); said alike to every score, it told a 280
    its score did not set it apart (recheck45 audit s45, 3)."""
    if (unmatched := _unmatched_step2(spec)) is None:
        return None
    median, q3, n = unmatched
    group = f"Of the {n} non-US IMGs who ranked {spec.name} first and did not match"
    cited = data.CHARTING_OUTCOMES.named()
    if step2 >= q3:
        return f"{group}, a quarter scored {q3:g} or more ({cited}): these figures cannot say whether yours sets you apart."
    if step2 >= median:
        return (
            f"{group}, half scored {median:g} or more and a quarter {q3:g} or more ({cited}): a score in that range did "
            "not set an applicant apart."
        )
    return f"{group}, half scored {median:g} or more ({cited}), above your score."


def step2_vs_matched(
    spec: data.Specialty, step2: int | None, applicant: str = "non-us-img"
) -> tuple[Step2Position | None, str | None]:
    """Where the score sits among matched non-US IMGs, or why that is unknown."""
    if step2 is None:
        return None, "No Step 2 CK score entered."
    if applicant not in QUARTILE_APPLICANTS:
        bands = article_bands(spec)
        return None, (
            f"The Step 2 CK figures in our data ({data.CHARTING_OUTCOMES.named()}) describe non-US IMGs only, not "
            "US graduates; "
            + (
                f"in {spec.name} the Step 2 CK row above scores you by the bands of {bands.written_in} instead, as "
                "it scores every applicant, lower scores included."
                if bands
                else "the Step 2 CK row above says where your score sits among them, and how much that counts for you."
            )
        )
    outcome = spec.outcome
    dist = outcome.step2_matched if outcome else None
    if dist is None or dist.q1 is None or dist.median is None or dist.q3 is None:
        n = f" (n = {dist.n})" if dist and dist.n is not None else ""
        unmatched = unmatched_step2_note(spec, step2)
        return None, (
            f"NRMP suppressed the matched non-US IMG Step 2 CK figures for {spec.name}{n}: "
            "fewer than 5 applicants consented, so there is not enough data." + (f" {unmatched}" if unmatched else "")
        )
    return {
        "position": quartile_position(step2, dist),
        "quartile": dist.quarter_of(step2),
        "median": dist.median,
        "q1": dist.q1,
        "q3": dist.q3,
        "n": dist.n,
        "group": "non-US IMGs who matched"
        + (" (not your own group: NRMP's US-citizen IMG figures are not in our data)" if applicant == "us-img" else ""),
        "source": data.CHARTING_OUTCOMES.cite(),
    }, None


@dataclass(frozen=True)
class Assessment:
    """One run of the rules: what ``compute`` shows, and what margins re-run."""

    factors: list[Factor]
    score: int
    by_score: Band
    flags: list[str]
    caps: list[Cap]
    band: Band


CLAMP_FACTOR = "Kept within 0-100"


def _clamp_why(factors: list[Factor], raw_score: int) -> str:
    """What the 0-100 clamp took in, by the rows it took in.  A past
    no-match at a score already 0 showed "Previous no-match −8" and a clamp of
    +16 that only said the scale stops at 0: the same 0/100 as before the
    no-match, and the penalty looked free (oldgrad audit s43, 2)."""
    if raw_score > 100:
        return f"The scale stops at 100; the factors above add up to {raw_score}."
    # Reading down the table, the penalties from the last time the total went
    # below 0 are the ones the score cannot show.  A share of each row did
    # not add up where the total crossed 0 twice (diff review s43, second, 5),
    # so the rows are named whole and the sum is the total's.
    total, start = 0, 0
    for i, factor in enumerate(factors):
        before, total = total, total + factor.points
        if before >= 0 > total:
            start = i
    penalties = [f"“{factor.factor}” ({signed(factor.points)})" for factor in factors[start:] if factor.points < 0]
    one = len(penalties) == 1
    return (
        f"The scale stops at 0. Down the table the total ends at {signed(raw_score)}: "
        + ("the penalty" if one else "the penalties")
        + f" from the row where it last went below 0 on, {and_list(penalties)}, "
        + ("does" if one else "do")
        + f" not show in your score. {'It still counts' if one else 'They still count'}: any gain has to make up "
        f"those {counted(-raw_score, 'point')} before the score rises above 0."
    )


def unclamped_score(result: Assessment) -> int:
    """The score before the 0-100 clamp."""
    return sum(f.points for f in result.factors if f.factor != CLAMP_FACTOR)


def assess(spec: data.Specialty, v: Mapping[str, object]) -> Assessment:
    """Apply every rule to parsed inputs."""
    factors = _factors(spec, v)
    raw_score = sum(f.points for f in factors)
    score = max(0, min(100, raw_score))
    if score != raw_score:
        factors.append(Factor(CLAMP_FACTOR, score - raw_score, _clamp_why(factors, raw_score)))
    by_score = next(band for floor, band in BAND_FLOORS if score >= floor)
    flags = red_flags(spec, v)
    caps = _caps(spec, v, flags)
    band = min([by_score, *(c.band for c in caps)], key=BAND_ORDER.index)
    return Assessment(factors, score, by_score, flags, caps, band)


class RuleApplied(TypedDict):
    band: Band
    rule: str  # the whole rule in one sentence, its reasons included
    lead: str
    items: list[str]
    source: str


# A reader who had done what the guides advise after a borderline Step 2 CK
# could not tell whether their Step 3 was weighed and found worthless or
# never looked at (reapply-anes audit s42, 3).  Giving it points would be a
# rule with no source behind its size.
STEP3_ARTICLE = f"A Step 3 pass is not scored here. {capitalised(data.STEP3_ARTICLE_CASE)} ({ARTICLE_UNMATCHED.cite()})."
STEP3_SEEN = "If you have passed, make sure programs see it."
STEP3_NOT_SCORED = f"{STEP3_ARTICLE} {STEP3_SEEN}"
# Read alone, the note above made Step 3 a score booster to a reader hoping
# for an H-1B, for which it is the gate (peds-visa audit s43, 5).
STEP3_FOR_H1B = (
    "If you hope for an H-1B, a program needs your Step 3 passed before it files your petition "
    f"({data.INA_H1B.cite()}; see “{data.FAQ_VISA_ANSWER}” in the FAQ)."
)
# To a reader who cannot take a J-1, "if you hope for an H-1B" and the
# article's warning made not sitting Step 3 the safe default, where it leaves
# this Match with no position they could start (diffreview48 audit s48, 7).
STEP3_H1B_ONLY_GATE = (
    "You cannot take a J-1, so for you Step 3 is not optional: a program can file your H-1B petition only with your "
    f"Step 3 passed ({data.INA_H1B.cite()}; see “{data.FAQ_VISA_ANSWER}” in the FAQ), so without the pass this Match "
    "holds no position you could start."
)
STEP3_FOR_H1B_ONLY = (
    f"{STEP3_H1B_ONLY_GATE} The article's warning is then one side of a trade: sit it when your practice scores say "
    "you will pass, weighing the harm of a failure against losing this Match."
)
# Said whatever the score: only a Step 2 CK in the bottom quarter brought the
# note, so a reader who cannot take a J-1 with a strong score heard nothing of
# the pass every position they could start needs (visareapply audit s51, 3).
STEP3_H1B_ONLY_NOTE = f"{STEP3_H1B_ONLY_GATE} {STEP3_SEEN}"
# The article ties this reason to the graduation year, not the score, yet it
# was said only beside a borderline Step 2 CK: an IMG 8 years out with 244
# never read it (oldgrad audit s52, 5).
STEP3_OLDER_GRADUATE = (
    f"Graduated more than {profile.LONG_AGO_YEARS} years ago? A Step 3 pass is not scored here, but for IMGs the "
    f"no-match article says some programs prefer or require Step 3 of older graduates ({ARTICLE_UNMATCHED.cite()}). "
    "Check what each program on your list asks. The same article warns that a failure can do more harm than not "
    "sitting it."
)


def step3_note(needs_visa: bool, h1b_only: bool = False) -> str:
    """The Step 3 note, with the H-1B's need of it for a reader who needs a
    visa; ``h1b_only``: for one who cannot take a J-1, for whom it is no option."""
    if h1b_only:
        return f"{STEP3_ARTICLE} {STEP3_FOR_H1B_ONLY} {STEP3_SEEN}"
    return f"{STEP3_NOT_SCORED} {STEP3_FOR_H1B}" if needs_visa else STEP3_NOT_SCORED


# Letters are the one change the margins list that still reaches this
# season's programs (peds-visa audit s43, 4).  ERAS's guide says so; we found
# no ResidencyCAS page that does, so its readers are not told it.
LETTERS_STILL_THIS_SEASON = (
    "Letters are the exception: a new letter can still be uploaded and assigned this season, to programs you have "
    f"already applied to as well, while a program has fewer than four of yours ({data.ERAS_LETTERS_AFTER_APPLYING.cite()})."
)


def mid_season_note(
    today: dt.date, slug: str = "", letters: bool = False, moves: bool = True, applied: bool = False
) -> str | None:
    """What the margins mean to a reader who arrives while programs are
    reading a season's applications, or None outside that stretch: in
    December "10 more months of US clinical experience would move you" read
    as "you should not have applied" (reapply-anes audit s42, 4).  A
    ResidencyCAS field's reader is asked of the Match, not of ERAS, whose
    review day is not its programs' (do-em audit s42, 6).  ``letters``: more
    letters are among the changes that would move the band; ``moves``: any
    change would, where the note had promised a list the page then said was
    empty (diff review s51b, 4).  ``applied``: the reader said so, and is
    not asked it (planner audit s54, 3)."""
    year = cycle.season_under_review(today)
    if year is None:
        return None
    # No day ResidencyCAS's programs start reading: ERAS's came a week before
    # ResidencyCAS released applications in the one cycle we read (diff review s42, 6).
    if data.via_residencycas(slug):
        lead = f"{profile.answered(year, True)}, so" if applied else f"Applied for the Match {year} through ResidencyCAS? Then"
    else:
        received = cycle.season(year)["programs_receive"].shown()
        # The answer a sentence of its own, as the finder and program counts
        # say it: joined to the rest, the lead ran to 41 words (diff review s55, 9).
        asked = f"{profile.answered(year, True)}." if applied else f"Applied in {cycle.eras_season(year)}?"
        lead = f"{asked} Its programs have been reading applications since {received}, so"
    still = f" {LETTERS_STILL_THIS_SEASON}" if letters and not data.via_residencycas(slug) else ""
    changes = (
        "the changes listed below, each of which would move your band, are"
        if moves
        else "the rotations, research and months of work you add now are"
    )
    # "Anything you change in your file now" read as "adding a backup is
    # pointless", beside program counts and the timeline saying to send more
    # this week (midseason audit s52, 3).
    more = (
        ""
        if cycle.too_late_for_interviews(year, today)
        else f" {cycle.where_new_applications_go(slug, year, today)[0]} A new field needs its own statement and "
        f"letters. {cycle.send_by(year)}"
    )
    return f"{lead} {changes} for your next application, not this one.{still}{more} {cycle.SHORT_OF_INTERVIEWS}"


def names_a_day(margins: Margins, today: dt.date) -> bool:
    """Whether the margins name a day of the next season still open on time,
    the only days a reader planning it meets in the check or program counts
    (``_months_end_by``): the note for that reader said "Its dates here are
    estimated" where the result gave none (diff review s55, 10)."""
    year = cycle.next_open_season(today)
    days = [long_date(_months_end_by(name, year)[0]) for name in MONTH_PROBES]
    in_time = margins["in_time"]
    said = " ".join(
        [
            margins["headline"],
            margins["flags_to_clear"] or "",
            in_time["text"] if in_time else "",
            *(move["text"] for move in margins["up"]),
        ]
    )
    return any(day in said for day in days)


def failing_pinned(values: Mapping[str, object]) -> list[str]:
    """A failing Step 2 CK as the phone's pinned line says it, longest
    first, in the words the read-outs and match odds already use for it; none
    for a passing score or none typed."""
    if not profile.step2_failing(values):
        return []
    score = values["step2_score"]
    return [f"Step 2 CK {score}: below the passing score, {data.STEP2_PASSING_SCORE}.", f"Step 2 CK {score}: below passing."]


def pinned_name(name: str) -> str:
    """A field's name for the phone's pinned line: its own short form where
    the name ends with one ("PM&R"), as the three lines hold about 90
    characters at 320 px."""
    short = re.search(r"\(([^)]+)\)$", name)
    return short[1] if short and short[1] != "integrated" else name


def failing_tries(name: str, score: int, band: Band, values: Mapping[str, object]) -> list[str]:
    """A failing Step 2 CK's pinned line, longest first, or none for a
    passing score: "Internal Medicine: 32/100. Step 2 CK 212: below passing.
    Dual apply, strongly.".  The summary's long note on the score came after
    the band's advice, and three lines at 360 px cut it mid-word, before the
    score itself (browser audit s55, 2): so the band is said by its name
    alone, after the score's note.  The field's short name comes next, and
    last the line without it, which fits any field."""
    failing = failing_pinned(values)
    if not failing:
        return []
    label = BAND_LABELS[band]
    tries = [f"{named}: {score}/100. {said} {label}." for named in dict.fromkeys([name, pinned_name(name)]) for said in failing]
    return [*tries, f"{score}/100. {failing[-1]} {label}."]


def pinned_line(name: str, score: int, band: Band, values: Mapping[str, object], summary: str) -> str:
    """The phone's pinned line: the summary, but for a failing Step 2 CK
    ``failing_tries``, within PINNED_LINE_CHARS."""
    failing = failing_tries(name, score, band, values)
    return first_within_pinned_line(failing) if failing else summary


# Mid-season, a reader who answered "Yes, I applied" read on the phone's
# pinned line the band's advice and a change that can count only next season
# ("A first US rotation in Internal Medicine would move you to 'Dual
# apply'"), and never the one day left to act on (interview audit s56, 2).
# While that day is ahead (profile.adding_this_season), the line starts with
# it.  Program counts starts its line the same way.
def add_by_leads(year: int, slug: str, today: dt.date) -> list[str]:
    """What starts the pinned line of a reader still adding programs, longest
    first; the last, in the fewest words, goes only before the most urgent
    words.  Where ``slug``'s field applies through ResidencyCAS and it may
    have closed, the programs are ERAS's, as the mid-season note says."""
    last = cycle.last_day_for_an_interview(year)
    eras = data.via_residencycas(slug) and cycle.residencycas_state(year, today) != "open"
    what = "ERAS programs" if eras else "programs"
    # Without the year only where the line would lose a part else: the day
    # is this season's, which the result says in full.
    return [
        f"Add {what} by about {long_date(last)}.",
        f"Add {what} by about {short_date(last)}.",
        f"Add {what} by about {short_date(last, year=False)}.",
        f"Add by about {short_date(last, year=False)}.",
    ]


def applied_tries(name: str, score: int, band: Band, values: Mapping[str, object], said: str) -> list[str]:
    """A passing or missing score's pinned line after the mid-season action,
    longest first: the headline as the summary says it, without the margins;
    then the band by its name, with a missing score's short note, and
    without; the field's short name last."""
    label = BAND_LABELS[band]
    names = list(dict.fromkeys([name, pinned_name(name)]))

    def noted(line: str) -> str:
        if score_on_record(values):
            return f"{line} {SCORE_ON_RECORD_HEARD}"
        return profile.after_pass_note(values, line, banded=True, heard=True)

    bare = [f"{named}: {score}/100. {label}." for named in names]
    return list(dict.fromkeys([said, *map(noted, bare), *bare, f"{score}/100. {label}."]))


def led_by_action(leads: list[str], tries: list[str], urgent: str) -> str:
    """The pinned line ``tries`` gives, led by the mid-season action: each
    try, longest first, after each fuller lead; past the limit still, the
    shortest lead before the last try, and then before ``urgent`` alone (a
    failing score's note, a warning's tag), which is never dropped."""
    *fuller, shortest = leads
    lines = [f"{lead} {line}" for line in tries for lead in fuller]
    return first_within_pinned_line([*lines, f"{shortest} {tries[-1]}", f"{shortest} {urgent}".strip()])


class CompetitivenessResult(TypedDict):
    inputs: dict[str, object]
    needs_visa_resolved: bool
    specialty_name: str
    tier: Tier
    score: int
    band: Band
    band_from_score: Band
    factors: list[FactorRow]
    red_flags: list[str]
    rules_applied: list[RuleApplied]
    ortho_audit: list[AuditLine] | None
    margins: Margins
    summary: str
    announced: str
    # The phone's pinned line (render.render_result): the summary, shorter
    # where a failing score's note would be cut.
    gist: str
    step2_vs_matched: Step2Position | None
    step2_vs_matched_reason: str | None
    after_no_match: str | None
    mid_season: str | None
    # Its place, for a reader who has not applied in the season under review.
    next_season: str | None
    reserved_places: str | None


def compute(inputs: Mapping[str, object]) -> CompetitivenessResult:
    v = parse_inputs(FIELDS, inputs, RULES)
    spec = data.specialty(word(v, "specialty"))
    result = assess(spec, v)
    band = result.band
    matched, matched_reason = step2_vs_matched(spec, whole_or_none(v, "step2_score"), word(v, "applicant_type"))
    margin = margins(spec, v, result)
    headline = f"{spec.name}: {result.score}/100. {BAND_TEXT[band]}"
    on_record = score_on_record(v)
    said = f"{headline} {SCORE_ON_RECORD_NOTE}" if on_record else profile.after_pass_note(v, headline, banded=True)
    announced = (
        f"{headline} {SCORE_ON_RECORD_HEARD}" if on_record else profile.after_pass_note(v, headline, banded=True, heard=True)
    )
    # Before the red flags that hold the band: the test is the verdict's
    # condition for this reader (aiminghigh audit s54, 4).
    if same_ultra_field_again(spec, v):
        said = f"{said} {SAME_FIELD_AGAIN_HEARD}"
        announced = first_within_read_out([f"{announced} {SAME_FIELD_AGAIN_HEARD}", announced])
    # The red flags that hold a band were said only in the margins' line,
    # which neither the read-out nor a phone's pinned line reaches
    # (readout46 audit s46, 4): said here, shortest where the room runs out.
    if f"{your_red_flags(result.flags)} (" in margin["headline"].lower():
        by_score = "its score and " if band == result.by_score else ""
        held = f"Held there by {by_score}{counted(len(result.flags), 'red flag')}"
        announced = first_within_read_out([f"{announced} {held}: {and_list(result.flags)}.", f"{announced} {held}.", announced])
    summary = f"{said} {margin['headline']}" if margin["headline"] else said
    today = cycle.reference_date()
    next_season = profile.next_season_said(v, today, "this check is for", [spec.slug], dated=names_a_day(margin, today))
    return {
        "inputs": {k: val for k, val in v.items()},
        "needs_visa_resolved": profile.visa_needed(v),
        "specialty_name": spec.name,
        "tier": spec.tier,
        "score": result.score,
        "band": band,
        "band_from_score": result.by_score,
        "factors": [f.as_dict() for f in senior_status_said(spec, v, result.factors)],
        "red_flags": result.flags,
        "rules_applied": [
            {"band": c.band, "rule": c.text, "lead": c.rule, "items": list(c.items), "source": c.source.cite()}
            for c in result.caps
        ],
        "ortho_audit": ortho_audit(v) if spec.slug == "orthopaedic-surgery" else None,
        "margins": margin,
        "summary": summary,
        # Read aloud after each edit: the margins' sentences made it 60 words,
        # some 20 s, every time (announce audit s34, 3); the result has them.
        "announced": announced,
        "gist": pinned_line(spec.name, result.score, band, v, summary)
        if (adding := profile.adding_this_season(v, today)) is None
        else led_by_action(
            add_by_leads(adding, spec.slug, today),
            # Without the margins, whose changes count only next season.
            failing_tries(spec.name, result.score, band, v) or applied_tries(spec.name, result.score, band, v, said),
            (failing_pinned(v) or [""])[-1],
        ),
        "step2_vs_matched": matched,
        "step2_vs_matched_reason": matched_reason,
        "after_no_match": after_no_match(spec, v),
        "mid_season": None
        if next_season
        else mid_season_note(
            today,
            spec.slug,
            letters=any(move["field"] == "specialty_letters" for move in margin["up"]),
            moves=bool(margin["up"]),
            applied=profile.said_applied(v, today),
        ),
        "next_season": next_season,
        # A reader after a reserved place read the field's figures as theirs (pgy1res audit s46, 6).
        "reserved_places": data.reserved_places_note(
            spec.slug, "the score here rates you against every applicant to the field, not against that pool"
        ),
    }


# --- Margins: how close the neighbouring bands are ------------------------------
# Each probe changes one input and re-runs the rules above to find the smallest
# change that moves the band.  Every rule moves one way (the monotonicity tests
# check it), so along a probe the band stays, then moves and stays moved: the
# first value that moves it is found by halving the range rather than trying
# each value, under a third of the runs (stepping was most of a live
# recompute).  Improvements are ordered from what a reader can most readily
# still act on; setbacks are things that could still happen before applying.
IMPROVEMENTS: tuple[tuple[str, int], ...] = (
    ("specialty_letters", 5),
    ("away_rotations", 4),
    ("research_items", 10),
    ("usce_months", 24),
    ("recent_clinical_months", 2 * OLD_GRADUATION_RECENT_WORK_MONTHS),
    ("step2_score", 60),
)
SETBACKS: tuple[tuple[str, int], ...] = (
    ("exam_failures", 1),
    ("specialty_letters", -1),
    ("away_rotations", -1),
    ("years_since_graduation", 3),
)
UNTAKEN_STEP2_FROM = 200
NEAR_LINE_POINTS = 5  # a score this close to the line below is mentioned in the summary
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


# Suggested months are lived from today: a reader was offered 6 more months
# of hands-on US experience with no word on whether they fit before the
# season's applications go out (oldgrad audit s52, 3).  The check does not ask
# when you submit, so it compares with the next season still open on time:
# US months with the day its US letters are due (cycle.us_letters_due), other
# clinical months with the day its programs start reading (_months_end_by).
MONTH_PROBES = frozenset({"usce_months", "recent_clinical_months"})


def _months_end_by(name: str, year: int) -> tuple[dt.date, str]:
    """The day months of ``name`` must end by to count for the Match
    ``year``, and how a sentence names that day: for US months, the day their
    letters are due (cycle.us_letters_due, the timeline's day too), as
    "in time" counted to the review start offered months that ended after the
    plan's own submission (diff review s54, 3; s54b, 1)."""
    if name == "usce_months":
        day = cycle.us_letters_due(year)
        return day, (
            f"about {long_date(day)}, when US letters for the Match {year} are due (the orthopaedics article's clock: "
            f"{cycle.LETTERS_CONFIRMED_MONTHS} months before you can first send applications)"
        )
    reviews = cycle.season(year)["programs_receive"]
    return reviews.date, f"programs start reading applications for the Match {year} on {reviews.shown()}"


def _months_beyond_season(v: Mapping[str, object], changes: Mapping[str, object]) -> str:
    """A sentence when the most months in ``changes`` end after the day they must end by."""
    today = cycle.reference_date()
    year = cycle.next_open_season(today)
    late = [
        (months, day, said)
        for name in changes
        if name in MONTH_PROBES and (months := whole(changes, name) - whole(v, name)) > 0
        for day, said in [_months_end_by(name, year)]
        if cycle.months_from(today, months) > day
    ]
    if not late:
        return ""
    # The longest named, as shorter ones may fit (diff review s53, 9).
    months, day, said = max(late)
    # A day already gone is not one the months "would end after" (diff review s54b, 5).
    ends = (
        f"Months begun now cannot end by {said}, which has passed"
        if day < today
        else (f"{months} months from today would end after {said}")
    )
    return f" {ends}. In full, this change counts only for a later Match."


def _months_that_fit() -> int:
    """The most months, lived from today, that end by the day the strictest
    of the month inputs must end by for the next season still open on time."""
    today = cycle.reference_date()
    by = min(_months_end_by(name, cycle.next_open_season(today))[0] for name in MONTH_PROBES)
    # None at all while that day is already behind the reader, in the weeks
    # before an on-time season's review starts.
    return next((months for months in range(USCE_MAX_MONTHS, -1, -1) if cycle.months_from(today, months) <= by), 0)


def _in_time(v: Mapping[str, object], moves: Iterable[Move]) -> bool:
    """Whether the months among ``moves`` all end by their day for the next season (``_months_end_by``)."""
    return not _months_beyond_season(v, {move["field"]: move["value"] for move in moves})


def _candidates(v: Mapping[str, object], name: str, reach: int) -> list[int]:
    current = whole_or_none(v, name)
    # Step 2 CK not taken yet, or failed and so to be retaken: every possible
    # score.  A failing 180 looked only as far as 240, and the margins said no
    # change could lift a band that a passing retake of 300 lifts (found by the
    # margins property test, s38).
    if current is None or (name == "step2_score" and profile.step2_failing(v)):
        return list(range(UNTAKEN_STEP2_FROM, 301))
    maximum = next(f.maximum for f in FIELDS if isinstance(f, IntField) and f.name == name) or 0
    step = 1 if reach > 0 else -1
    values = range(current + step, current + reach + step, step)
    return [value for value in values if 0 <= value <= maximum]


def _change_text(spec: data.Specialty, v: Mapping[str, object], name: str, value: int) -> str:
    current = whole_or_none(v, name)
    more = value - current if current is not None else 0
    if name == "step2_score":
        if current is None and word(v, "applicant_type") == "us-do":
            # A DO with COMLEX only was offered a score as if they had simply
            # not entered theirs (DO audit s34, 2); nor is it a small step
            # (exam-edges audit s36, 4).
            return f"a USMLE Step 2 CK of {value}, if you take that whole exam as well as COMLEX,"
        return f"a Step 2 CK of {value}" + (f" ({counted(more, 'point')} more)" if more > 0 else "")
    if name == "specialty_letters":
        if more < 0:
            return f"one letter fewer from US physicians in {spec.name}"
        first = ORDINALS[value - 1] if more == 1 and value <= len(ORDINALS) else None
        return f"a {first} letter from US physicians in {spec.name}" if first else f"{more} more letters ({value} in all)"
    if name == "away_rotations":
        if spec.slug == "diagnostic-radiology" and current == 0 and value == RADIOLOGY_ROTATIONS_NEEDED:
            return RADIOLOGY_ROTATIONS_WHAT
        if more < 0:
            return f"one fewer US rotation in {spec.name}"
        first = ORDINALS[value - 1] if more == 1 and value <= len(ORDINALS) else None
        return f"a {first} US rotation in {spec.name}" if first else f"{more} more US rotations in {spec.name} ({value} in all)"
    if name == "research_items":
        return f"{counted(more, 'more research item')} ({value} in all)"
    if name == "usce_months":
        # While the minimal-experience flag stands, only hands-on months are
        # sure to do what the probe found: it added months, not observerships.
        hands_on = "hands-on " if hands_on_us_months(v) < USCE_MINIMAL_BELOW else ""
        return f"{counted(more, 'more month')} of {hands_on}US clinical experience ({value} in all)"
    if name == "recent_clinical_months":
        return (
            f"{counted(more, 'more month')} of hands-on clinical work ({value} in the {RECENT_WORK_YEARS} years before "
            "you submit)"
        )
    if name == "exam_failures":
        return "another failed exam attempt" if current else "a failed exam attempt"
    return f"{counted(more, 'more year')} since graduation"


def _first_move(
    spec: data.Specialty,
    v: Mapping[str, object],
    band: Band,
    name: str,
    reach: int,
    up: bool,
    candidates: list[int] | None = None,
) -> tuple[int, Band] | None:
    """The first candidate value of ``name`` that moves the band the probe's
    way (up for an improvement, down for a setback), and where to; the
    candidates are the probe's ``reach`` from the current value unless given."""
    candidates = _candidates(v, name, reach) if candidates is None else candidates
    here = BAND_ORDER.index(band)
    bands: dict[int, Band] = {}

    # Up or down, not just "elsewhere": from an untaken Step 2 CK a low score
    # moves the band down and a high one up, and a lower band offered as a way
    # up would contradict itself.  Along each probe the answer is still
    # False, then True, so the range can be halved.
    def moves(value: int) -> bool:
        bands[value] = assess(spec, {**v, name: value}).band
        there = BAND_ORDER.index(bands[value])
        return there > here if up else there < here

    first = bisect_left(candidates, True, key=moves)
    return (candidates[first], bands[candidates[first]]) if first < len(candidates) else None


def _untaken_score_setback(spec: data.Specialty, v: Mapping[str, object], band: Band) -> list[Move]:
    """With no Step 2 CK entered, the highest score that would lower the band:
    the setbacks named a failure and another year, never the score still to
    come that decides most bands (competitiveness-rules audit s37, 11)."""
    if v["step2_score"] is not None:
        return []
    # From the top down, the first score that lowers the band.
    found = _first_move(spec, v, band, "step2_score", 0, up=False, candidates=list(range(300, UNTAKEN_STEP2_FROM - 1, -1)))
    if found is None:
        return []
    score, lower = found
    # Lower still may reach a further band: "Pivot" for an ultra reapplicant (diff review 2 s37, 3).
    lowest = assess(spec, {**v, "step2_score": UNTAKEN_STEP2_FROM}).band
    further = " or below" if BAND_ORDER.index(lowest) < BAND_ORDER.index(lower) else ""
    # A DO with COMLEX only hears the score as an exam to take as well (DO audit s34, 2).
    which = (
        f"A USMLE Step 2 CK of {score} or lower, if you take that exam as well as COMLEX,"
        if word(v, "applicant_type") == "us-do"
        else f"A Step 2 CK of {score} or lower"
    )
    text = f"{which} would move you to “{BAND_LABELS[lower]}”{further}."
    return [{"field": "step2_score", "value": score, "band": lower, "text": text}]


def _at_their_best(v: Mapping[str, object], names: Iterable[str]) -> dict[str, object]:
    """The inputs with each of ``names`` as far up as the margins look."""
    best = {**v}
    for name, reach in IMPROVEMENTS:
        if name in names and (candidates := _candidates(v, name, reach)):
            best[name] = candidates[-1]
    return best


# The inputs that can still raise a held band's score, as the sentence names them.
STILL_RAISING = (("research_items", "research"), ("specialty_letters", "letters"), ("away_rotations", "rotations"))


def _score_raisers(spec: data.Specialty, v: Mapping[str, object], result: Assessment) -> list[str]:
    """Which of more research, letters and rotations would, each on its own,
    raise the score, band or no band: naming all three sent a reader whose
    research already scored its most after more (diff review 2 s37, 1)."""
    return [word for name, word in STILL_RAISING if assess(spec, _at_their_best(v, (name,))).score > result.score]


def your_red_flags(flags: list[str]) -> str:
    """How the margins' line names red flags that hold the band: the read-out
    knows that line by it."""
    return f"your {counted(len(flags), 'red flag')}"


def _what_holds(result: Assessment, holding: list[Cap]) -> str:
    """What holds the band, where a higher Step 2 CK alone would have lifted
    it.  The red-flag rule counts flags, the score's among them: "a rule tied
    to your Step 2 CK" left out the exam failures that held a band beside it
    (twofails audit s46, 8), so that rule's flags are named."""
    by_flags = [cap for cap in holding if cap.rule == red_flags_rule(len(result.flags))]
    others = len(holding) - len(by_flags)
    holders = []
    # Where the points alone give this band too, naming only the flags read
    # as if a visa need had set it (visareapply audit s51, 5).
    if result.band == result.by_score:
        holders.append(f"your score of {result.score}/100")
    if by_flags:
        # The old-graduation flag has a comma of its own, which a longer list
        # would blur.
        commas = len(result.flags) > 2 and any("," in flag for flag in result.flags)
        named = "; ".join(result.flags) if commas else and_list(result.flags)
        holders.append(f"{your_red_flags(result.flags)} ({named})")
    if others or not by_flags:
        holders.append(f"{'a rule' if others <= 1 else 'rules'} tied to your Step 2 CK")
    subject = and_list(holders)
    verb = "each hold" if len(holders) > 1 else "holds" if holders[0].startswith("a rule") else "hold"
    return f"{subject[0].upper()}{subject[1:]} {verb}"


def _lifted_without_the_score(spec: data.Specialty, v: Mapping[str, object], band: Band, retaken: bool = False) -> bool:
    """Whether the inputs a reader can still change, all at once and each as
    far as the margins look, move the band up.  Two red flags, one of them the
    score, fall to one when the other (little US experience, say) goes.  With
    ``retaken``, a Step 2 CK still to come, or failed and so to be retaken,
    counts among them at its best."""
    open_score = retaken and (v["step2_score"] is None or profile.step2_failing(v))
    names = [name for name, _ in IMPROVEMENTS if name != "step2_score" or open_score]
    best = {**_at_their_best(v, names), "geographic_restriction": False}
    return BAND_ORDER.index(assess(spec, best).band) > BAND_ORDER.index(band)


# Below this, single-track is said beside the odds it rests on: at "just over
# 50%" the match odds calculator, on the same page, said as many such
# applicants failed as matched (competitiveness-rules audit s37, 2).
SINGLE_TRACK_ODDS_SAID_BELOW = 0.75


def _single_track_odds(spec: data.Specialty, v: Mapping[str, object]) -> str:
    odds = _img_odds(spec, v)
    if odds is None or odds[1] >= SINGLE_TRACK_ODDS_SAID_BELOW:
        return ""
    step2, estimate = odds
    return (
        f" It is not a sure one: the match odds calculator's model puts non-US IMGs with Step 2 CK {step2} who ranked "
        f"{spec.name} first at {match_odds.about(estimate)} matched, so make the contingency plan a real one."
    )


class Move(TypedDict):
    field: str
    value: int | bool
    band: Band
    text: str


def _moves(
    spec: data.Specialty, v: Mapping[str, object], band: Band, probes: tuple[tuple[str, int], ...], up: bool
) -> list[Move]:
    moves: list[Move] = []
    for name, reach in probes:
        if reach < 0 and not v[name]:
            continue
        found = _first_move(spec, v, band, name, reach, up)
        if found is None:
            continue
        value, moved = found
        text = _change_text(spec, v, name, value)
        # Beside the surgical survey's caveat, one letter "to single-track"
        # read as leave to drop the backup (new-words audit s40, 2).
        only_there = (
            " among the programs that accept COMLEX alone"
            if moved == "single-track" and name != "step2_score" and profile.comlex_only_in_surgery(v, spec.slug)
            else ""
        )
        short = _one_month_note(v, name, value) if up and band == "pivot" else ""
        short += _months_beyond_season(v, {name: value}) if up else ""
        moves.append(
            {
                "field": name,
                "value": value,
                "band": moved,
                "text": f"{capitalised(text)} would move you to “{BAND_LABELS[moved]}”{only_there}.{short}",
            }
        )
    return moves


def _geography_move(spec: data.Specialty, v: Mapping[str, object], band: Band) -> list[Move]:
    if not v["geographic_restriction"]:
        return []
    moved = assess(spec, {**v, "geographic_restriction": False}).band
    if moved == band:
        return []
    return [
        {
            "field": "geographic_restriction",
            "value": False,
            "band": moved,
            "text": f"Being open to training anywhere would move you to “{BAND_LABELS[moved]}”.",
        }
    ]


# Two changes together, for a band no single change lifts: "it would take
# several together" named none, where a year of US clinical experience and a
# third letter lifted a twice-unmatched reader to "Dual apply" (reapply2 audit
# s44, 2).  The pairs are drawn from the improvements' probes, each within its
# reach, and being open to training anywhere; the smallest is the pair whose
# two changes use the least of their reaches added together (the first in the
# probes' order on a tie).  Along a pair the rules are monotone, so the pairs
# of values that lift the band form a staircase, more of the one needing less
# of the other, whose corners are found by halving (``_least_in_pair``); a
# pair is skipped at once when both at their reach leave the band where it
# is.  Over 1,500 random files, a file that needs it took about 2 ms in all
# where it took 1 (s44).
GEOGRAPHY_REACH = 1.0  # being open to training anywhere counts as a whole reach


class PairProbe(TypedDict):
    field: str
    values: list[int | bool]
    used: list[float]  # how much of the probe's reach each value uses


def _pair_probes(v: Mapping[str, object], open_score: bool, months_cap: int | None = None) -> list[PairProbe]:
    """Each input the pairs may change.  A Step 2 CK only while
    ``open_score``: still to come, or failed and so to be retaken, and not
    lifting the band alone.  With ``months_cap``, no more months of US or
    recent clinical work than that are added."""
    probes: list[PairProbe] = []
    for name, reach in IMPROVEMENTS:
        if name == "step2_score" and not open_score:
            continue
        values = _candidates(v, name, reach)
        if months_cap is not None and name in MONTH_PROBES:
            values = [value for value in values if value - whole(v, name) <= months_cap]
        if not values:
            continue
        current = whole_or_none(v, name)
        used = (
            [(i + 1) / len(values) for i in range(len(values))]
            if current is None or name == "step2_score"
            else [(value - current) / reach for value in values]
        )
        probes.append({"field": name, "values": list(values), "used": used})
    if v["geographic_restriction"]:
        probes.append({"field": "geographic_restriction", "values": [False], "used": [GEOGRAPHY_REACH]})
    return probes


def _pair_text(spec: data.Specialty, v: Mapping[str, object], name: str, value: int | bool) -> str:
    if name == "geographic_restriction":
        return "being open to training anywhere"
    return _change_text(spec, v, name, int(value))


def _least_in_pair(
    spec: data.Specialty, v: Mapping[str, object], here: int, a: PairProbe, b: PairProbe
) -> tuple[float, list[Move]] | None:
    """The values of one pair that lift the band using the least of their
    reaches, with how much they use, or None when none does."""
    seen: dict[tuple[int, int], Band | None] = {}

    def lifted(i: int, j: int) -> Band | None:
        if (i, j) not in seen:
            moved = assess(spec, {**v, a["field"]: a["values"][i], b["field"]: b["values"][j]}).band
            seen[i, j] = moved if BAND_ORDER.index(moved) > here else None
        return seen[i, j]

    last_a, top_b = len(a["values"]) - 1, len(b["values"]) - 1
    if lifted(last_a, top_b) is None:
        return None
    best: tuple[float, int, int, Band] | None = None
    # The staircase's corners, each the least first change that lifts the
    # band with a given second one, then the least second change with it;
    # each found by halving, so a long probe (a Step 2 CK still to come has
    # 101 values) costs a few runs of the rules, not one a value.
    i = 0
    while i <= last_a and top_b >= 0:
        i += bisect_left(range(i, last_a + 1), True, key=lambda k: lifted(k, top_b) is not None)
        if i > last_a:
            break
        j = bisect_left(range(top_b + 1), True, key=lambda k: lifted(i, k) is not None)
        moved = lifted(i, j)
        used = a["used"][i] + b["used"][j]
        if moved is not None and (best is None or used < best[0]):
            best = (used, i, j, moved)
        i, top_b = i + 1, j - 1
    if best is None:
        return None
    used, i, j, moved = best
    return used, [
        {"field": p["field"], "value": p["values"][k], "band": moved, "text": _pair_text(spec, v, p["field"], p["values"][k])}
        for p, k in ((a, i), (b, j))
    ]


def smallest_pair(
    spec: data.Specialty, v: Mapping[str, object], band: Band, open_score: bool, months_cap: int | None = None
) -> list[Move]:
    """The two changes that together move the band up using the least of
    their reaches (the first pair in the probes' order on a tie), each as a
    move with the band they give together; empty when no pair does.  The
    margins ask only when no single change lifts the band alone, or a pair
    could name a change that does nothing.  ``months_cap``: adding no more
    months of clinical work than that (``_pair_probes``)."""
    here = BAND_ORDER.index(band)
    probes = _pair_probes(v, open_score, months_cap)
    best: tuple[float, list[Move]] | None = None
    for first, a in enumerate(probes):
        for b in probes[first + 1 :]:
            found = _least_in_pair(spec, v, here, a, b)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
    return [] if best is None else best[1]


def _pair_clause(spec: data.Specialty, v: Mapping[str, object], pair: list[Move]) -> str:
    moved = pair[0]["band"]
    only_there = (
        " among the programs that accept COMLEX alone"
        if moved == "single-track" and profile.comlex_only_in_surgery(v, spec.slug)
        else ""
    )
    return f"{pair[0]['text']} and {pair[1]['text']} together would move you to “{BAND_LABELS[moved]}”{only_there}"


def _in_time_said(spec: data.Specialty, v: Mapping[str, object], moves: list[Move]) -> str:
    """The smallest change that ends in time for the next season, as one
    sentence: a single move's own words, or a pair's."""
    if len(moves) == 1:
        return moves[0]["text"]
    return f"{capitalised(_pair_clause(spec, v, moves))}, {_in_time_for()}."


def _in_time_for() -> str:
    """ "in time for the Match N", the next season still open on time."""
    return f"in time for the Match {cycle.next_open_season(cycle.reference_date())}"


def _pair_sentence(spec: data.Specialty, v: Mapping[str, object], pair: list[Move], in_time: list[Move]) -> str:
    """The pair the headline names; ``in_time``, a smaller change that fits
    before the next season where that pair does not, goes first."""
    if not pair:
        return " No two changes together do it either: it would take three or more."
    late = _months_beyond_season(v, {move["field"]: move["value"] for move in pair})
    if in_time:
        return (
            f" For example, {_pair_clause(spec, v, in_time)}, {_in_time_for()}. So would "
            f"{pair[0]['text']} and {pair[1]['text']} together.{late}"
        )
    return f" For example, {_pair_clause(spec, v, pair)}.{late}"


class InTime(TypedDict):
    """The smallest change whose months end in time for the next season
    (``_months_end_by``), where the one the margins name first does not;
    ``text`` says it."""

    moves: list[Move]
    text: str


class Margins(TypedDict):
    score: int
    flags_to_clear: str | None
    points_to_band_above: int | None
    band_above: Band | None
    points_above_band_below: int | None
    band_below: Band | None
    held_by_rule: bool
    lines: list[str]
    up: list[Move]
    down: list[Move]
    score_line: Move | None
    together: list[Move]
    in_time: InTime | None
    headline: str


def margins(spec: data.Specialty, v: Mapping[str, object], result: Assessment) -> Margins:
    """How far the score is from the neighbouring score bands, and which single
    change to one input would move the final band up or down."""
    floors = [floor for floor, _ in BAND_FLOORS]
    here = next(i for i, (floor, _) in enumerate(BAND_FLOORS) if result.score >= floor)
    above = BAND_FLOORS[here - 1] if here > 0 else None
    below = BAND_FLOORS[here + 1] if here + 1 < len(BAND_FLOORS) else None
    lines = []
    # A rule that sets today's band would hold it there at any score, so the
    # line above is out of reach by points alone, and the reader is told.
    holding = [cap for cap in result.caps if cap.band == result.band]
    # No line names the score's single-track band to a reapplicant in an
    # ultra-competitive field, which no score can give them (aiminghigh audit s54, 4).
    by_score_hidden = same_ultra_field_again(spec, v) and "single-track" in (
        result.by_score,
        above[1] if above else None,
    )
    if above and not by_score_hidden:
        lines.append(
            f"Your score is {counted(above[0] - result.score, 'point')} short of the {above[0]} line for “{BAND_LABELS[above[1]]}”"
            + (
                f", but while a rule below applies, points alone would not move the band from “{BAND_LABELS[result.band]}”: "
                f"{holding[0].text}"
                if holding and result.band == result.by_score
                else "."
            )
        )
    if below and not (by_score_hidden and result.by_score == "single-track"):
        lines.append(
            # Not "0 points above" beside a headline saying "exactly on the line" (fuzz audit s33, F4).
            (
                f"It is {counted(result.score - floors[here], 'point')} above the {floors[here]} line"
                if result.score > floors[here]
                else f"It is exactly on the {floors[here]} line"
            )
            + f"; below it the score alone says “{BAND_LABELS[below[1]]}”."
        )
    up = _moves(spec, v, result.band, IMPROVEMENTS, up=True) + _geography_move(spec, v, result.band)
    together: list[Move] = []
    down = _moves(spec, v, result.band, SETBACKS, up=False) + _untaken_score_setback(spec, v, result.band)
    # A passed Step 2 CK cannot be sat again, so a higher score is no change a
    # reader can make: it is shown for comparison, never as the way up.
    score_line = next((m for m in up if m["field"] == "step2_score" and v["step2_score"] is not None), None)
    # A failing score is retaken (exam-edges audit s36, 1; diff review s36, 3).
    failing = profile.step2_failing(v)
    # A failed score lifting the band alone is the score line, not half a pair.
    open_score = (v["step2_score"] is None or failing) and score_line is None
    if score_line:
        up.remove(score_line)
        score_line["text"] = (
            f"For comparison, {_change_text(spec, v, 'step2_score', int(score_line['value']))} would have put you in "
            f"“{BAND_LABELS[score_line['band']]}”. "
            + (
                "A passed Step 2 CK cannot be taken again, so this shows how far your score is from that line, not a "
                "change to make."
                if not failing
                else "This shows how far your score is from that line."
            )
        )
    if by_score_hidden:
        lines.insert(
            0,
            no_single_track_again(spec.name)
            + (
                ", so points alone do not move it" + ("; the changes listed do." if up else ".")
                if result.by_score == "single-track"
                else "."
            ),
        )
    if result.band != result.by_score and not (by_score_hidden and result.by_score == "single-track"):
        lines.append(
            f"A rule below holds the band at “{BAND_LABELS[result.band]}”, lower than the score alone (“{BAND_LABELS[result.by_score]}”), "
            # Promised beside an empty list in 237 of 1,500 random files
            # (competitiveness-rules audit s37, 7).
            "so points alone do not move it" + ("; the changes listed do." if up else ".")
        )
    # The summary led with 12 more months of US clinical experience, which
    # end too late for the next season (``_months_end_by``), and gave the change
    # that fits only in a later line (planner audit s54, 4): a change that
    # fits goes first, the longer one after it.
    in_time: InTime | None = None
    if up:
        up.sort(key=lambda move: not _in_time(v, [move]))
        headline = str(up[0]["text"])
        if not _in_time(v, up[:1]) and (pair := smallest_pair(spec, v, result.band, open_score, _months_that_fit())):
            in_time = {"moves": pair, "text": _in_time_said(spec, v, pair)}
            headline = f"{in_time['text']} Alone, {headline}"
    elif result.band == "single-track":
        headline = "This is already the least cautious band." + _single_track_odds(spec, v)
    elif score_line and holding and not _lifted_without_the_score(spec, v, result.band):
        # A higher score alone lifts the band past every rule holding it, and
        # every other input at its best does not: the rules turn on the score,
        # which cannot be sat again, unless it failed and is retaken.
        headline = f"{_what_holds(result, holding)} the band at “{BAND_LABELS[result.band]}”; " + (
            "a passing retake is a new score, so run the check again with it."
            if failing
            else "nothing you can still change lifts it."
            # Read as "a research year is pointless" by a dermatology reader
            # whose score it would lift from 52 to 81 (US-citizen IMG journey audit s37, 6).
            + (
                f" More {and_list(raisers)} still {'raises' if raisers == ['research'] else 'raise'} your score."
                if (raisers := _score_raisers(spec, v, result))
                else ""
            )
        )
    elif not _lifted_without_the_score(spec, v, result.band, retaken=True):
        # "Several together" sent readers after letters and research that,
        # all at their best, still left the band where it was (46 of 1,500
        # random files; competitiveness-rules audit s37, 1).  A rule holding
        # the band made no exception: a non-US IMG whose score, failure and
        # visa held it read "No single change to one input" at every input's
        # maximum (oldgrad audit s43, 2).
        headline = (
            "No change you can still make moves the band up, even several together: what holds it is on your record "
            "already (the table shows which factors)."
        )
    elif score_line and profile.step2_never_passed(v):
        # A score no Step 2 CK ever passed with is retaken: a pair of other
        # changes was offered beside it (diff review s44, 5), and which band a
        # retake gives turns on the failed attempt it leaves, which the reader
        # may not have counted: "a retake of 230 alone would move you to Dual
        # apply" was false once it was (recheck audit s44, N1).
        headline = (
            f"Your Step 2 CK is below every passing score since {data.STEP2_PASSING_SCORES[0][0].year}, so it is to "
            "be retaken: a passing retake is a new score, and this one then counts as a failed attempt, so run the "
            "check again with both."
        )
    else:
        together = smallest_pair(spec, v, result.band, open_score)
        if together and not _in_time(v, together):
            pair = smallest_pair(spec, v, result.band, open_score, _months_that_fit())
            in_time = {"moves": pair, "text": _in_time_said(spec, v, pair)} if pair else None
        pair_said = _pair_sentence(spec, v, together, in_time["moves"] if in_time else [])
        if score_line:
            # A failed score's retake lifts the band alone (the score line says
            # so), and "three or more" beside it would be untrue.
            headline = "No single change you can still make moves the band up; it would take several together." + (
                "" if failing and not together else pair_said
            )
        elif holding:
            headline = (
                f"No single change to one input moves the band up: your total score gives “{BAND_LABELS[result.band]}”, "
                "and a rule below holds it there too."
                if result.band == result.by_score
                else f"No single change to one input moves the band up: a rule below holds it at “{BAND_LABELS[result.band]}”."
            ) + pair_said
        else:
            headline = "No single change to one input moves the band up; it would take several together." + pair_said
    if below and result.band == result.by_score and result.score - floors[here] <= NEAR_LINE_POINTS:
        margin = result.score - floors[here]
        # "On the line for 'Dual apply, strongly'" read as if the score were
        # already there: the line is named by what lies below it.
        headline += (
            f" Your score is only {counted(margin, 'point')} above the cut-off: with {counted(margin + 1, 'point')} "
            f"fewer, the score alone would say “{BAND_LABELS[below[1]]}”."
            if margin
            else f" Your score is exactly on the cut-off: with one point fewer, the score alone would say "
            f"“{BAND_LABELS[below[1]]}”."
        )
    return {
        "score": result.score,
        "points_to_band_above": above[0] - result.score if above else None,
        "band_above": above[1] if above else None,
        "points_above_band_below": result.score - floors[here] if below else None,
        "band_below": below[1] if below else None,
        "held_by_rule": result.band != result.by_score,
        "lines": lines,
        "up": up,
        "down": down,
        "score_line": score_line,
        "together": together,
        "in_time": in_time,
        "headline": headline,
        "flags_to_clear": flags_to_clear(spec, v, result),
    }


def flags_to_clear(spec: data.Specialty, v: Mapping[str, object], result: Assessment) -> str | None:
    """The red flags a reader can still clear, the smallest change that clears
    each, and the score and band with those changes made together (and the
    letters the field expects, where short of them).  A ten-year graduate
    with five flags was told what could not lift the band, never what a
    year's hands-on work would do: clear two flags, and how far the score
    moves (oldgrad audit s43, 2).  The changes are the margins' own probes,
    each cut to the value that clears its flag."""
    changes: dict[str, object] = {}
    said: list[str] = []
    if OLD_GRADUATION_FLAG in result.flags:
        changes["recent_clinical_months"] = OLD_GRADUATION_RECENT_WORK_MONTHS
        said.append(
            f"“{OLD_GRADUATION_FLAG}”, by {_change_text(spec, v, 'recent_clinical_months', OLD_GRADUATION_RECENT_WORK_MONTHS)}"
        )
    if MINIMAL_USCE_FLAG in result.flags:
        needed = observership_months(v) + USCE_MINIMAL_BELOW
        if needed <= USCE_MAX_MONTHS:
            changes["usce_months"] = needed
            said.append(f"“{MINIMAL_USCE_FLAG}”, by {_change_text(spec, v, 'usce_months', needed)}")
    if GEOGRAPHY_FLAG in result.flags:
        changes["geographic_restriction"] = False
        said.append(f"“{GEOGRAPHY_FLAG}”, by being open to training anywhere")
    if not changes:
        return None
    expected, _ = data.letters_expected(spec.slug)
    letters = whole(v, "specialty_letters") < expected
    if letters:
        changes["specialty_letters"] = expected
    after = assess(spec, {**v, **changes})
    left = len(after.flags)
    gain = unclamped_score(after) - unclamped_score(result)
    score = (
        f"would still give {after.score}/100, making up {gain} of the {-unclamped_score(result)} points the scale keeps "
        "below 0 (see the table),"
        if after.score == result.score and gain > 0
        else f"would give {after.score}/100 (now {result.score})"
    )
    band = (
        f"the band would stay “{BAND_LABELS[result.band]}”"
        if after.band == result.band
        else f"the band would be “{BAND_LABELS[after.band]}”"
    )
    # "Together those changes" of a single change (diff review s43, second, 7).
    together = (
        f"Together, with the {expected} letters this field expects, those changes"
        if letters
        else ("That change" if len(said) == 1 else "Together those changes")
    )
    return (
        f"Red flags you can still clear: {'; '.join(said)}. {together} {score} and leave "
        + (f"{counted(left, 'red flag')}" if left else "no red flags")
        + f"; {band}.{_months_beyond_season(v, changes)}"
    )


# --- Presentation ----------------------------------------------------------------
BAND_LABELS: dict[Band, str] = {
    "single-track": "Single-track is reasonable",
    "dual-apply": "Dual apply",
    "dual-apply-strongly": "Dual apply, strongly",
    "pivot": "Pivot to a backup",
}


def bands_written_for_another_group_note(result: CompetitivenessResult) -> str | None:
    """Say so when the field's Step 2 CK bands come from an article written
    for another group: program counts says it of the same articles' ranges."""
    inputs = result["inputs"]
    applicant = str(inputs["applicant_type"])
    article = article_bands(data.specialty(str(inputs["specialty"])))
    if applicant == "us-img" or article is None:
        return None
    return (
        f"The Step 2 CK bands and the bar for applying to {result['specialty_name']} alone come from {article.written_in}, "
        f"written for US-citizen IMGs, not for your applicant type ({data.APPLICANT_LABELS[applicant]}): read them "
        "as the nearest guide, not as a rule written for you."
    )


def comlex_only_surgery_note(inputs: Mapping[str, object], slug: object) -> Markup | None:
    """``profile.COMLEX_ONLY_SURGERY_NOTE`` under a band's headline, for the
    reader it is about; program counts and signals show it under theirs."""
    if not profile.comlex_only_in_surgery(inputs, slug):
        return None
    return el("p", el("strong", f"{profile.COMLEX_ONLY_SURGERY_HEADING}: "), profile.COMLEX_ONLY_SURGERY_NOTE, class_="mpb-note")


def render_margins(margins: Margins) -> Markup:
    """How close the neighbouring bands are and which one change moves the band."""
    up = margins["up"]
    down = margins["down"]
    lines = margins["lines"]
    parts: list[object] = [el("h4", "How close the next band is"), *(el("p", line) for line in lines)]
    # The headline, which says it when no single change lifts the band, is not shown beside the list.
    if up and (in_time := margins.get("in_time")):
        parts.append(el("p", in_time["text"]))
    parts.append(el("p", "One change that would move you up:" if up else str(margins["headline"])))
    if up:
        parts.append(el("ul", [el("li", move["text"]) for move in up]))
    if clear := margins.get("flags_to_clear"):
        parts.append(el("p", clear))
    if score_line := margins.get("score_line"):
        parts.append(el("p", score_line["text"]))
    if down:
        parts.append(el("p", "One change that would move you down:"))
        parts.append(el("ul", [el("li", move["text"]) for move in down]))
    return el("div", parts, class_="mpb-margins")


def bands_explained(band: Band) -> Markup:
    """Says what "band" means where a reader first meets it: the margins and
    rules below move "the band", and the headline alone names only one."""
    least_cautious_first = list(reversed(BAND_ORDER))
    labels = [f"“{BAND_LABELS[b]}”" for b in least_cautious_first]
    return el(
        "p",
        f"This check gives one of four bands of advice, from the least cautious to the most: {and_list(labels)}, "
        "the last only after a past no-match. "
        "Yours, above, is the ",
        el("strong", ORDINALS[least_cautious_first.index(band)]),
        ".",
    )


# No pointer to match odds' estimates: each field's figures describe another
# group, so they do not compare fields either (diffreview45 audit s45, 1).
NOT_ACROSS_FIELDS = "Scores in different fields are not comparable."
BACKUP_CHECK_NOTE = (
    "Checking this field as a backup? Read the score and factors; the band's advice is written for a first choice."
)
PLANNING_SCORE = "(a planning score, not your chance of matching)"


class Scored(TypedDict):
    """What the factor table reads: program counts' and signals' results carry it too."""

    score: int
    factors: list[FactorRow]


def factor_table(result: Scored) -> Markup:
    """Every input's points and why; program counts and signals show it too, as their band is this one."""
    factors = result["factors"]
    rows = [(f["factor"], signed(f["points"]), f["why"], f["source"] or "") for f in factors]
    # A reader set general surgery's 58 beside internal medicine's 51 where
    # match odds gave 26% against 49% (surgprelim audit s45, 8).
    rows.append((el("strong", "Score"), el("strong", str(result["score"])), f"Sum of the points above. {NOT_ACROSS_FIELDS}", ""))
    return table(
        ("Factor", "Points", "Why", "Source of the factor"),
        rows,
        caption="How each input moved the score (the factors come from the articles; the points are this calculator's weights)",
    )


def render(result: CompetitivenessResult) -> Markup:
    band = result["band"]
    rules = result["rules_applied"]
    matched = result["step2_vs_matched"]
    again = same_ultra_field_again(data.specialty(str(result["inputs"]["specialty"])), result["inputs"])
    parts = [
        el(
            "p",
            el("span", BAND_LABELS[band], class_=f"mpb-band mpb-band--{band}"),
            " ",
            el("strong", f"{result['score']}/100"),
            f" for {result['specialty_name']}",
            # "0/100" beside match odds' "about 52%" read as a 0% chance
            # (oldgrad audit s52, 7; midseason audit s52, 11).
            el("span", f" {PLANNING_SCORE}", class_="mpb-cite"),
            class_="mpb-headline",
        ),
        profile.render_pass_note(result["inputs"]),
        profile.worked_out_for(result["inputs"]),
        # Not the summary, which repeats the headline's band and score, and
        # the margins' words that follow below: the band was named three
        # times before the first number (twenty-fifth session's note).
        el("p", ADVICE[band]),
        el("p", same_field_again_note(result["specialty_name"]), class_="mpb-note") if again else None,
        comlex_only_surgery_note(result["inputs"], result["inputs"]["specialty"]),
        # The check has no backup to ask of: family medicine, the backup the
        # finder suggests, read "Dual apply, strongly ... make the backup a
        # substantial part", as if the backup needed a backup (interview
        # audit s56, 8).  Said to every reader, as the Assess guide says it.
        el("p", BACKUP_CHECK_NOTE, class_="mpb-note"),
        bands_explained(band),
        charts.score_waterfall(result),
        factor_table(result),
        el("p", el("strong", "Mid-season: "), result["mid_season"], class_="mpb-warning") if result.get("mid_season") else None,
        profile.render_next_season(result.get("next_season")),
        render_margins(result["margins"]),
    ]
    flags = result["red_flags"]
    visa = bool(result["needs_visa_resolved"])
    parts.append(el("p", "Red flags found: " + (", ".join(flags) if flags else "none") + "."))
    # The IMG article lists radiology among its highly competitive fields,
    # and a radiology reader read "none" with no word why (sources audit s54, 1).
    if result["inputs"]["specialty"] == "diagnostic-radiology":
        parts.append(el("p", RADIOLOGY_NOT_A_TARGET_FLAG, class_="mpb-note"))
    parts.extend(
        el("p", FLAG_READINGS[flag] + (VISITOR_STATUS if flag == MINIMAL_USCE_FLAG and visa else ""), class_="mpb-note")
        for flag in flags
        if flag in FLAG_READINGS
    )
    if flags and result["inputs"]["applicant_type"] not in data.IMG_TYPES:
        applicant_points = next(f["points"] for f in result["factors"] if f["factor"] == "Applicant type")
        parts.append(el("p", US_GRADUATE_FLAGS + (SENIORS_POINTS if applicant_points else ""), class_="mpb-note"))
    if (note := bands_written_for_another_group_note(result)) is not None:
        parts.append(el("p", note, class_="mpb-note"))
    if rules:
        parts.append(
            el(
                "p",
                (
                    f"After a no-match, in {result['specialty_name']} or another field, the score alone does not set the advice. "
                    if again and result["band_from_score"] == "single-track"
                    else f"The score alone suggests “{BAND_LABELS[result['band_from_score']]}”. "
                )
                + "Rules that apply to you, each with the least cautious advice it allows. The advice is the most "
                "cautious of these and the score's, so a rule never makes it less cautious:",
            )
        )
        parts.append(
            el(
                "ul",
                [
                    el(
                        "li",
                        f"At most “{BAND_LABELS[r['band']]}”: {r['lead']} ",
                        el("ul", [el("li", item[:1].upper() + item[1:]) for item in r["items"]]) if r["items"] else None,
                        el("em", f"({r['source']})"),
                    )
                    for r in rules
                ],
            )
        )
    if after := result.get("after_no_match"):
        parts.append(el("p", el("strong", "After a no-match: "), after, class_="mpb-note"))
    audit = result.get("ortho_audit")
    if audit:
        parts.append(el("p", "Orthopaedic self-audit (the fifth element, a story tied to orthopaedics, is yours to judge):"))
        if result["inputs"]["applicant_type"] in data.US_GRADUATE_TYPES:
            # Four ticks read as "ready" to a US senior at the unmatched mean (usmd-ortho audit s41, 4).
            parts.append(el("p", ORTHO_AUDIT_US_GRADUATES, class_="mpb-note"))
        parts.append(el("ul", [el("li", ("✓ " if a["met"] else "✗ ") + a["item"]) for a in audit]))
    if isinstance(matched, dict):
        parts.append(
            el(
                "p",
                f"Among {matched['group']} in {result['specialty_name']}, your Step 2 CK is {matched['position']}; "
                f"the middle half of them scored {matched['q1']:g}–{matched['q3']:g} (n = {matched['n']}; {matched['source']}).",
            )
        )
    else:
        parts.append(el("p", f"Step 2 CK against matched applicants: {result['step2_vs_matched_reason']}"))
    borderline = isinstance(matched, dict) and matched["quartile"] in ("q1", "below")
    if borderline:
        parts.append(
            el("p", step3_note(bool(result["needs_visa_resolved"]), profile.h1b_only(result["inputs"])), class_="mpb-note")
        )
    # For an IMG: a US graduate's rules are not ours to state, as the timeline
    # leaves them undated (diff review s51, 6).
    else:
        # One note, not two that pull apart: for an H-1B-only reader Step 3 is
        # required anyway (diff review s52, 9).
        if profile.h1b_step3_rules_apply(result["inputs"]):
            parts.append(el("p", STEP3_H1B_ONLY_NOTE, class_="mpb-note"))
        elif result["inputs"]["applicant_type"] in data.IMG_TYPES and profile.graduated_long_ago(result["inputs"]):
            parts.append(el("p", STEP3_OLDER_GRADUATE, class_="mpb-note"))
    if reserved := result.get("reserved_places"):
        parts.append(el("p", reserved, class_="mpb-note"))
    return el("div", parts, class_="mpb-result-body")


REACH_WORDS = {
    "specialty_letters": "letters",
    "away_rotations": "US rotations",
    "research_items": "research items",
    "usce_months": "months of US clinical experience",
    "recent_clinical_months": "months of recent hands-on work",
}


def _reaches_text() -> str:
    """The pairs' ranges: a Step 2 CK joins them only still to come or to be
    retaken, at any score from 200, as its single probe looks."""
    reaches = [f"{reach} more {REACH_WORDS[name]}" for name, reach in IMPROVEMENTS if name in REACH_WORDS]
    return f"up to {', '.join(reaches)}, and a Step 2 CK still to come or to be retaken at any score from {UNTAKEN_STEP2_FROM}"


def _bands_text(bands: tuple[tuple[int, int], ...]) -> str:
    return "; ".join(f"{floor}+: {signed(points)}" for floor, points in bands)


def _radiology_non_us_method() -> str:
    """The non-US IMG radiology rule as the method states it, its figures read
    from the data: it pointed to a table that leaves radiology out (radiology
    audit s45, 7)."""
    outcome = data.specialty("diagnostic-radiology").outcome
    assert outcome is not None and outcome.step2_unmatched is not None
    matched, unmatched = outcome.step2_matched, outcome.step2_unmatched
    assert None not in (matched.q3, matched.median, unmatched.q3, unmatched.median)
    line, unmatched_q3 = float(matched.q3 or 0), float(unmatched.q3 or 0)
    both = (
        f"The top quarter of those who did not match starts at {unmatched_q3:g} too, so no score in these figures "
        f"sorts the two groups; {line:g} is kept as the line because"
        if unmatched_q3 == line
        else f"{line:g} is the line because"
    )
    return (
        "Radiology, for a non-US IMG: at most “dual apply” below the top quarter of non-US IMGs who matched "
        f"({line:g} and up in {data.CHARTING_OUTCOMES.named()}). The radiology article's bands were written for "
        "US-citizen IMGs, and the non-US IMGs who did not match in radiology scored about as high as those who did "
        f"(median {float(unmatched.median or 0):g} for those who did not, {float(matched.median or 0):g} for those who "
        f"did). {both} the IMG article asks a “significantly above-average” score in radiology and this is the only "
        "published mark of one (our reading). At or above it the match odds rule still applies: with "
        f"{matched.n} matched and {unmatched.n} unmatched behind the figures, its estimate is firm, so the "
        "no-firm-figure rule does not."
    )


def method() -> Markup:
    """Every rule with its constant and source, generated from the block above."""
    rates = data.latest_match_rates()
    quartile_rows = []
    for spec in data.SPECIALTIES:
        d = spec.outcome.step2_matched if spec.outcome else None
        if spec.tier == "ultra" or spec.slug == "diagnostic-radiology" or d is None:
            continue
        quartile_rows.append((spec.name, f"{d.q1:g}", f"{d.median:g}", f"{d.q3:g}", f"{d.n:,}"))
    return join(
        el(
            "p",
            f"Score = {BASE_SCORE} + the points of every factor, kept within 0–100. "
            "The band comes from the score ("
            + "; ".join(f"{floor}+: “{BAND_LABELS[band]}”" for floor, band in BAND_FLOORS if floor)
            + f"; under {BAND_FLOORS[-2][0]}: “{BAND_LABELS[BAND_FLOORS[-1][1]]}”), then the rules below may make it "
            "more cautious, never less. No score on its own says “pivot”: the articles give that advice only to a "
            "profile structurally misaligned with the field, so only that rule can.",
        ),
        el(
            "p",
            "Margins: the result says how many points separate the score from the lines above and below it, and, for "
            "each input you can still change (letters, US rotations, research, months of US clinical experience, months "
            "of recent hands-on clinical work, a limited area, and a Step 2 CK still to come or to be retaken), the "
            "smallest change that would move the final band, found by running these same rules again with only that "
            "input changed. A Step 2 CK already passed is shown beside them for comparison, not as a change to make. "
            "When no single change moves the band up, it says whether several together could, by running the rules "
            "with all of them at once, and if so names the smallest pair of changes that would, each within the range "
            f"the margins look over ({_reaches_text()}), the smallest being the pair whose two changes use the least "
            "of those ranges added together (being open to training anywhere counts as a whole range); or it says that "
            "no pair does. Months of clinical work are counted from today: where the change named first ends too late "
            "for the next season still open (US months after its US letters are due, about 3 months before "
            "applications can first go, as the orthopaedics article times letters; other clinical months after its "
            "programs start reading), the smallest change that ends in time, alone or in a pair, is named ahead of it "
            "(our rule). It also lists setbacks that would "
            "move the band down (a failed attempt, a letter or rotation falling through, more years passing, and, with no score entered, the highest Step 2 CK that "
            "would). In radiology the US rotations include electives and observerships, so with none entered, the "
            "change found there is a first radiology elective, observership or rotation, which the radiology rule "
            "below asks for. At “Single-track is reasonable”, an IMG whose score the "
            f"match odds calculator puts under {SINGLE_TRACK_ODDS_SAID_BELOW:.0%} is told that figure beside the band.",
        ),
        el(
            "p",
            "Visa: unless you answer yes or no, the visa need follows your applicant type: a non-US-citizen IMG counts "
            "as needing a J-1 or H-1B; US MD and DO graduates and US-citizen IMGs do not. A permanent resident, whom the "
            "NRMP counts as a non-US-citizen IMG, answers no. “Yes, H-1B only (no J-1)” changes the words, not the "
            "points: a visa need weighs the same whichever visa it is.",
        ),
        el(
            "p",
            "Step 3: not an input, so a pass moves no points; with a Step 2 CK below the matched median, the result "
            "says what the no-match article makes of a pass.",
        ),
        el("h4", "Points"),
        el(
            "p",
            f"The articles name the factors, and some of the lines (a Step 2 CK below about {data.span(data.IMG_STEP2_RED_FLAG)}, "
            f"more than {data.span(data.IMG_GRADUATION_BARRIER_YEARS)} years since graduation, minimal US clinical "
            "experience); none of them gives points. The starting "
            f"{BASE_SCORE}, every point value below, the month and year bands and the band lines at "
            f"{BAND_FLOORS[0][0]} and {BAND_FLOORS[1][0]} are this calculator's own weights, set so that the applicants "
            "the articles describe in their worked examples land in the bands the articles give them (the project's "
            "tests check each one). The source beside a factor is the article behind the factor, not behind its points.",
        ),
        el(
            "ul",
            [
                el(
                    "li",
                    "Applicant type: "
                    + ", ".join(f"{data.APPLICANT_LABELS[k]} {signed(p)}" for k, p in APPLICANT_POINTS.items())
                    + f"; a US DO senior {signed(DO_IN_ULTRA_POINTS)} more in ultra-competitive fields, whose programs "
                    "often favor US MD over US DO (ultra article); a US MD or DO graduate of an earlier year (1 year "
                    "or more since graduation, or a past no-match) 0, since the NRMP counts them apart from seniors "
                    "and their rate is not in our data"
                    + f". Context: {rates.year} PGY-1 match rates were {table_percent(rates.us_md_senior_pct)} (US MD seniors), "
                    f"{table_percent(rates.us_do_senior_pct)} (US DO seniors), {table_percent(rates.us_img_pct)} (US-citizen IMGs) and "
                    f"{table_percent(rates.non_us_img_pct)} (non-US IMGs); {rates.source}.",
                ),
                el(
                    "li",
                    "Target specialty: " + ", ".join(f"{data.TIER_LABELS[t]} {signed(p)}" for t, p in TIER_POINTS.items()) + ".",
                ),
                el(
                    "li",
                    "Step 2 CK, ultra-competitive fields (ultra and orthopaedics articles): "
                    + "; ".join(f"{b.floor}+: {signed(b.points)}" for b in ULTRA_STEP2_BANDS)
                    + f". Each row measures the score against the ultra article's rough ballpark of about "
                    f"{ULTRA_STEP2_BALLPARK} or more, which it calls a signal, not a cut-off. The lines at "
                    f"{ULTRA_STEP2_BANDS[1].floor} and {ULTRA_STEP2_BANDS[2].floor} are this calculator's own; "
                    f"{ULTRA_STEP2_BANDS[1].floor} is the low end of the {ORTHO_LEVEL} that the orthopaedics article's "
                    "self-audit counts as a strong advantage, a figure for orthopaedics only, so only orthopaedics' "
                    "rows quote it. The articles write these bands for US-citizen IMGs: to a US MD or DO graduate "
                    "the rows give the same points, without the articles' verdicts (“strong advantage”, “just "
                    "below”, a self-audit met), and say that our data hold no US figures by field; in orthopaedics "
                    f"they give a study's published means for applicants who matched and who did not "
                    f"({data.ORTHO_CHARTING_STUDY.cite()}).",
                ),
                el(
                    "li",
                    "Step 2 CK, diagnostic radiology (radiology article): "
                    + "; ".join(f"{b.floor}+: {signed(b.points)}" for b in RADIOLOGY_STEP2_BANDS)
                    + ".",
                ),
                el(
                    "li",
                    f"Step 2 CK, other fields, against matched non-US IMGs ({data.CHARTING_OUTCOMES.named()}): third quartile or above "
                    f"{signed(QUARTILE_POINTS['q3'])}, median to third quartile {signed(QUARTILE_POINTS['median'])}, first quartile "
                    f"to median {signed(QUARTILE_POINTS['q1'])}, below the first quartile {signed(QUARTILE_POINTS['below'])}. "
                    "These are the only Step 2 CK figures in our data: a US-citizen IMG is placed among them as the nearest "
                    "published group, and so is a US MD or DO applicant who graduated in an earlier year or applied before, "
                    "whose own group's figures are not in our data. A US MD or DO senior is placed among them only "
                    "to their credit, at "
                    + ", ".join(f"{signed(US_SENIOR_QUARTILE_POINTS[q])}" for q in ("q3", "median", "q1", "below"))
                    + " for the same four places: a lower score is not held against a group that matches far more "
                    f"often (US MD seniors {table_percent(rates.for_applicant('us-md'))} in {rates.year}, "
                    f"{rates.cited.cite()}); the red-flag line still applies.",
                ),
                el(
                    "li",
                    f"Step 2 CK below {STEP2_RED_FLAG_BELOW}: {signed(STEP2_RED_FLAG_POINTS)} more (IMG article: under {data.span(data.IMG_STEP2_RED_FLAG)} is a red flag).",
                ),
                el(
                    "li",
                    "No Step 2 CK entered: 0 points. For a US DO in a surgical field ("
                    + and_list(sorted(data.specialty(slug).name for slug in profile.SURGICAL_FIELDS))
                    + "; the survey's ten surgical specialties are not named in its abstract, so these are the "
                    "site's fields that are surgery by name), the result says beside the band that most surgical "
                    f"program directors surveyed recommend or require USMLE Step 2 CK from DOs "
                    f"({data.SURGERY_PD_DO_SURVEY.cite()}), so with COMLEX only the band holds only among programs "
                    f"that accept COMLEX alone. {COMLEX_ONLY_SURGERY_NOT_CAPPED} The Step 2 CK row says when the "
                    "0 is kinder than a real USMLE score would be, and the applicant-type row gives US DO seniors' "
                    f"share of the field's PGY-1 positions ({data.RESULTS_AND_DATA.named()}) where our data hold it.",
                ),
                el(
                    "li",
                    f"Each USMLE or COMLEX failure {signed(FAILURE_POINTS)}, counting up to {FAILURE_COUNT_CAP}; "
                    f"{signed(ULTRA_FAILURE_EXTRA)} more in ultra-competitive fields (IMG and ultra articles).",
                ),
                el(
                    "li",
                    "Years since graduation: "
                    + "; ".join(
                        f"{b.label} {signed(b.points)}"
                        + (
                            f" ({data.specialty(b.only_in).name.lower()} only, and only without recent clinical work, "
                            "read as in the red flags below: the article's “without continuous clinical work”)"
                            if b.only_in
                            else f" ({signed(b.flexible_points)} in {FLEXIBLE_FIELDS_SAID})"
                            if b.flexible_points is not None
                            else ""
                        )
                        for b in GRADUATION_BANDS
                    )
                    + " (IMG and radiology articles; the no-match article for the fields it calls generally more "
                    "flexible about an older graduation, where about half is this check's own weight).",
                ),
                el(
                    "li",
                    "US clinical experience: "
                    + "; ".join(f"{label} {signed(p)}" for _, p, label in USCE_BANDS)
                    + " (IMG article).",
                ),
                el(
                    "li",
                    f"Specialty letters: {data.LETTERS_PER_SPECIALTY} expected, {data.LETTERS_IN_ULTRA_FIELDS} in "
                    f"ultra-competitive fields and {data.LETTERS_FROM_RADIOLOGISTS} from radiologists in diagnostic "
                    f"radiology; each missing letter {signed(LETTER_SHORT_POINTS)}, one or more spare "
                    f"{signed(LETTER_EXTRA_POINTS)}. Sources: the IMG article's 2–3 per specialty; for "
                    "ultra-competitive fields the orthopaedics article's 3–4 (orthopaedics) and the ultra article's 3 "
                    "strong letters (the others); for radiology the radiology article's 1–2 from radiologists, beside "
                    "1–2 from other US clinicians.",
                ),
                el(
                    "li",
                    "Research items: "
                    + " | ".join(f"{data.TIER_LABELS[t]}: {_bands_text(b)}" for t, b in RESEARCH_BANDS.items())
                    + f". In ultra-competitive fields 1–{ULTRA_RESEARCH_POINTS_FROM - 1} items cost nothing, as one "
                    "item passes the orthopaedics article's self-audit, but for dermatology and plastic surgery the "
                    f"ultra article asks for {ULTRA_RESEARCH_ASK}: the row says that one item falls short of it "
                    "unless it is a real publication, and that two to "
                    f"{ULTRA_RESEARCH_POINTS_FROM - 1} meet it or not by what they are, which the form does not ask "
                    f"(the points from {ULTRA_RESEARCH_POINTS_FROM} items are this calculator's own line).",
                ),
                el(
                    "li",
                    "US rotations in the specialty: "
                    + " | ".join(f"{data.TIER_LABELS[t]}: {_bands_text(b)}" for t, b in AWAY_BANDS.items()),
                ),
                el(
                    "li",
                    f"Visa needed {signed(VISA_POINTS)} ({signed(VISA_POINTS + VISA_EXTRA_IN_COMPETITIVE)} in competitive and "
                    f"ultra-competitive fields); limited geography {signed(GEOGRAPHY_POINTS)}; previous no-match {signed(UNMATCHED_POINTS)}.",
                ),
            ],
        ),
        el("h4", "Rules that can only make the advice more cautious"),
        el(
            "ul",
            [
                el(
                    "li",
                    f"Red flags (IMG article): Step 2 CK under {STEP2_RED_FLAG_BELOW}, any failure, graduated more than "
                    f"{OLD_GRADUATION_FLAG_AFTER_YEARS} years ago without recent clinical work (the article's “limited recent "
                    f"clinical activity”: fewer than {OLD_GRADUATION_RECENT_WORK_MONTHS} months of hands-on work in the last "
                    f"{RECENT_WORK_YEARS} years, in any country, for US graduates too; that observing does not count is our "
                    "reading), under "
                    f"{USCE_MINIMAL_BELOW} months of US clinical experience that was not observership (the article's "
                    "“especially hands-on”; the field's help says so too), needing a visa (the article's flag "
                    "is an H-1B in a field where few programs sponsor it; our data cannot say which fields those are, so any "
                    "visa counts), an ultra-competitive target, limited geography. One flag other than the target: at most "
                    "“dual apply”; two or more (the target included): at most “dual apply, strongly”.",
                ),
                el(
                    "li",
                    "Step 2 CK below the median of matched non-US IMGs in the field (NRMP Charting Outcomes), or not "
                    "yet entered, for a US-citizen or non-US IMG: at most “dual apply” (radiology follows its own "
                    "article's bands instead). The IMG article calls applying to one specialty risky when the score is "
                    "not clearly above average for it; reading that as the matched median is ours.",
                ),
                el(
                    "li",
                    "Match odds under even for an IMG: at most “dual apply”. Where the match odds calculator gives an "
                    f"estimate from Step 2 CK alone (NRMP Charting Outcomes) and it is under {SINGLE_TRACK_MIN_ODDS:.0%}, applying to the "
                    "specialty alone is not reasonable, however the points add up. This is our rule: it keeps the "
                    "two calculators from contradicting each other in fields where most IMGs who rank them first go "
                    "unmatched, such as general surgery, obstetrics and gynecology, anesthesiology and neurology.",
                ),
                el(
                    "li",
                    "No firm figure to go by, for a non-US IMG: at most “dual apply”. Where NRMP suppressed the matched "
                    f"median, or fewer than {match_odds.CAUTION_GROUP_N} applicants stand in either group behind the "
                    "Step 2 CK figures, which makes the match odds estimate rough or absent, nothing shows a score "
                    "at which one field alone is a reasonable plan, so this check does not say it is (our rule; in "
                    f"{data.CHARTING_OUTCOMES.named()}: {and_list(unshown_fields())}).",
                ),
                el("li", _radiology_non_us_method()),
                el(
                    "li",
                    f"Ultra-competitive fields (ultra article): single-track only with Step 2 CK {EXCEPTIONAL_ULTRA['step2']}+, "
                    f"{EXCEPTIONAL_ULTRA['research']}+ research items, {EXCEPTIONAL_ULTRA['letters']}+ specialty letters, "
                    f"{EXCEPTIONAL_ULTRA['away']}+ US rotations in the field and no failures. {RESEARCH_NOT_A_ROTATION} The article asks for an “extremely "
                    f"strong” score and names 250+ only as a ballpark, with no score at which one field alone becomes reasonable, so "
                    f"{EXCEPTIONAL_ULTRA['step2']}, 10 points above it, is this calculator's own margin. The article asks for "
                    "“multiple” research experiences and US letters and for “several” programs that know you, with no "
                    f"counts: {EXCEPTIONAL_ULTRA['research']}, {EXCEPTIONAL_ULTRA['letters']} and {EXCEPTIONAL_ULTRA['away']} "
                    "are our reading of those words. With no research at all: at most “dual apply, strongly”.",
                ),
                el(
                    "li",
                    f"Orthopaedic self-audit (ortho article): Step 2 CK {ORTHO_AUDIT_STEP2}+ (the lower end of its {ORTHO_LEVEL}), "
                    f"{ORTHO_AUDIT_RESEARCH}+ research item, "
                    f"{ORTHO_AUDIT_AWAYS}+ US ortho rotations, {ORTHO_AUDIT_LETTERS}+ ortho letters; more than one missing: at most "
                    "“dual apply”, the article's advice to seriously consider dual applying (with 40–60 PM&R programs).",
                ),
                el(
                    "li",
                    "Diagnostic radiology (radiology article): Step 2 CK 235–249: at most “dual apply”; under 235, not taken, or "
                    "any failure: at most “dual apply, strongly”. With no US radiology elective, observership or rotation "
                    f"entered under US rotations: at most “dual apply”, for a US-citizen or non-US IMG (the article was written for US-citizen IMGs; this check asks the same of non-US IMGs, our rule). {RADIOLOGY_ROTATIONS_WHY}",
                ),
                el(
                    "li",
                    f"A Step 2 CK more than {MISALIGNED_STEP2_GAP} points below the field's level "
                    f"(ultra-competitive {ULTRA_STEP2_BANDS[1].floor}, this check's line just under the ultra article's "
                    f"roughly 250 and the orthopaedics article's 245–250; radiology {RADIOLOGY_STEP2_BANDS[1].floor}, the "
                    "radiology article's) on a first "
                    "attempt: at most “dual apply, strongly” (ultra and radiology articles; the orthopaedics article tells "
                    "that reader to dual apply).",
                ),
                el(
                    "li",
                    "Structurally misaligned, and so “pivot” (no-match article). After a no-match: that same Step 2 CK; "
                    "failures or no research in an ultra-competitive field; Step 2 CK under "
                    f"{ULTRA_STEP2_BANDS[1].floor} with fewer than {MINIMAL_RESEARCH_BELOW} research items there (the no-match "
                    f"article's case study: 230 and one project); graduation more than {MISALIGNED_YEARS} years ago with no "
                    f"hands-on clinical work in the last {RECENT_WORK_YEARS} years, in any country, in an ultra-competitive "
                    "field or radiology: the article's misalignment is “a second swing at "
                    "the same hyper-competitive field”, and it names family medicine, psychiatry, pediatrics and internal "
                    "medicine as forgiving of an older graduation. A reapplicant who is none of these gets at most “dual "
                    "apply”, a backup in parallel; the check does not call that file borderline, a judgment the no-match "
                    "article leaves to the reader and their adviser. On a first attempt the result says in one line "
                    "when this rule would apply to the same file after a no-match, found by running the rule on it, "
                    "and which single change you can still make (more research items, months of recent hands-on "
                    "clinical work) would stop it, found by running the rule again with that input raised. After a "
                    "no-match in an ultra-competitive field, the result does not say which band the score alone "
                    "would give, as no score can lift the advice above “dual apply”; it asks instead whether your "
                    "profile has changed a lot since the last try, the no-match article's test for a second try at "
                    "the same field (asking it of every such reapplicant is our rule).",
                ),
            ],
        ),
        el("h4", "Where the articles disagree"),
        el(
            "ul",
            [
                el(
                    "li",
                    "The IMG and ultra-competitive articles list diagnostic radiology among the highly competitive "
                    "fields, while the radiology article, written for it, calls it moderately competitive overall and "
                    "harder for IMGs. The calculator follows the radiology article's bands for it and does not count "
                    "it as an ultra-competitive target; the backup finder still leaves it out as a backup, as the IMG "
                    "article asks.",
                ),
                el(
                    "li",
                    "An ultra-competitive target is a red flag in the IMG article, yet the ultra-competitive and orthopaedics "
                    "articles let an exceptional applicant apply single-track. The calculator follows the latter, which were "
                    "written for these fields, so the target flag alone never rules out single-track.",
                ),
                el(
                    "li",
                    "For orthopaedics without research, the orthopaedics article's self-audit counts research as one element "
                    "among four (dual apply), while the ultra-competitive article calls research nearly mandatory. The "
                    "calculator takes the more cautious (dual apply, strongly), as its rules only ever add caution.",
                ),
                el(
                    "li",
                    "The no-match article calls an internal medicine reapplicant with Step 2 CK 220–230 borderline, although "
                    "that is below most matched non-US IMGs in the field. The calculator follows the article: a Step 2 CK "
                    "counts as structural misalignment only in fields where an article names a score level.",
                ),
                el(
                    "li",
                    "The same article keeps that reapplicant's backup as insurance, while the IMG article counts a Step 2 CK "
                    f"under {data.span(data.IMG_STEP2_RED_FLAG)} and a visa need as red flags that make single-specialty applying very risky. Where both "
                    "apply, the calculator takes the more cautious: it says to reapply, but to make the backup a "
                    "substantial part of the application.",
                ),
            ],
        ),
        table(
            ("Specialty", "Q1", "Median", "Q3", "n"),
            quartile_rows,
            caption=f"Step 2 CK of matched non-US IMGs ({data.CHARTING_OUTCOMES.named()}), used for the quartile rule",
        ),
        el(
            "p",
            "Where your score sits among matched applicants is read from these published quartiles, with no curve "
            "fitted between them. It describes the past, not your chance.",
        ),
        el("h4", "Sources"),
        # Every source a factor row cites: the applicant-type rates and the
        # tiers' fill figures were cited in rows but missing here
        # (competitiveness-rules audit s37, 12).
        el(
            "ul",
            [
                el("li", s.cite() + (f"; {s.status}" if s.status else ""))
                for s in (
                    *data.ARTICLES,
                    data.CHARTING_OUTCOMES,
                    data.latest_match_rates().cited,
                    data.RESULTS_AND_DATA,
                    data.SURGERY_PD_DO_SURVEY,
                    data.ORTHO_CHARTING_STUDY,
                )
            ],
        ),
    )
