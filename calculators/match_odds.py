"""Match odds: what the 2026 NRMP figures say about non-US IMGs with your inputs.

The estimate is Bayes' rule.  The prior is the specialty's 2026 match rate
for non-US IMGs who ranked it first; each measure the reader enters (Step 2
CK, contiguous ranks) turns that prior into a posterior through the ratio of
how common the reader's value was among matched and among unmatched
applicants.  Everything is computed in log-odds so extreme inputs can neither
overflow nor divide by zero.

A higher score is never allowed to lower the estimate: where the fitted
curves would fall as the score rises, the curve is levelled (isotonic
regression) and the result says so.

The answer describes the 2026 applicant pool.  It is not a forecast for any
one person, and where NRMP suppressed a figure, or too few applicants stand
behind it, the calculator says so and leaves that input out rather than guess.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal, TypedDict

from . import cycle, data, profile
from .data import CHARTING_OUTCOMES, Distribution, Number
from .fields import InputError, IntField, flag, parse_inputs, whole, whole_or_none, word
from .html import Markup, and_list, capitalised, counted, el, join, long_date, scroll_region, table, table_percent, whole_percent
from .normal_curve import Z_TWO_SIDED_95, median, normal_cdf, normal_log_pdf
from .registry import first_within_pinned_line, first_within_read_out
from .svg import Marker, line_chart

# The Match the figures describe; every year the reader sees is this one, so
# a new table's figures cannot be shown under the old year.
DATA_YEAR = CHARTING_OUTCOMES.year

NAME = "match_odds"
TITLE = "Match odds from the published data"
SUMMARY = (
    f"Combines a specialty's {DATA_YEAR} match rate for non-US IMGs with where your Step 2 CK and "
    "planned number of ranks fall among those who matched and those who did not."
)

# ============================================================================
# The rules.  ``method()`` prints each of them on the calculator's page.
# ============================================================================
# Minimum applicants in each group (matched and unmatched) before a measure is
# used.  NRMP already blanks cells with fewer than 5 consenting applicants; 10
# is our own, stricter floor.  With 10 applicants in each group and a typical
# Step 2 CK SD of 14, the gap between the two means is uncertain by about
# 14 * sqrt(1/10 + 1/10) = 6.3 points (one standard error), close to the
# usual gap itself (7 points, median across specialties), so with fewer the
# gap could easily be chance.
MIN_GROUP_N = 10
# Between 10 and 30 the figures are used, with a note that they are rough.
CAUTION_GROUP_N = 30

# Step 2 CK range the chart covers by default; widened in steps of 10 to
# include the reader's score, but never beyond these limits.
CURVE_RANGE = (200, 280)
CURVE_LIMITS = (160, 300)
CURVE_STEP = 2

# A value this many SDs beyond both groups' means rests on the tails of the
# assumed shapes, where the data say little; the result then carries a note.
FAR_FROM_DATA_SD = 2.5

# Standardised gap between the matched and unmatched means below which we say
# the measure barely separates the groups (|mean difference| / pooled SD).
# 0.2 is the conventional threshold for a "small" effect (Cohen's d).
WEAK_SEPARATION_D = 0.2

# Step 2 CK SDs are published as whole points, so each may be off by up to
# 0.5.  The two groups get separate SDs only when their difference survives
# that rounding and sampling noise (z-test on the log of the variance ratio,
# whose standard error is sqrt(2/(n_m - 1) + 2/(n_u - 1)), at the 5% level).
# Otherwise both use the pooled SD: with separate but statistically equal
# SDs, the estimate far from the means is driven by the SD difference alone,
# which makes curves fall at high scores for no reason in the data.
SD_ROUNDING = 0.5
SD_DIFFERENCE_Z = Z_TWO_SIDED_95

# Anyone counted as preferring a specialty ranked at least one of its
# programs, so contiguous ranks start at 1 (the 2026 table has no median
# below 1).  The count model is shifted to start there.
CONTIG_FLOOR = 1

CONTIG_MAX = 100
# No program of the field to rank (midseason audit s52, 4): the Timeline
# guide sends a reader mid-season here with their count of interviews, and
# one with none was refused ("a whole number from 1 to 100") or, leaving the
# field empty, shown about 36% matched in internal medicine.  The Match
# places applicants only at programs on their own lists, so the result says
# that it cannot place the reader in the field, gives no percentage from the
# model, and says what can still be done.
NO_RANKS = 0
# Past the count below which this share of the unmatched group's count model
# lies, no applicant stands behind the ratio: OB/GYN's unmatched non-US IMGs
# ranked 1.9 programs on average (SD 1.1), so at 15 ranks the ratio was the
# two models' far tails, 18,363, and a failing score read "over 99% matched"
# (match-odds audit s37, 1).  The ratio is held level from there, as Step 2
# CK's curve is held level where it would fall, and at its peak below it, so
# that ranking more programs is never counted against the reader (4).
CONTIG_TAIL_SHARE = 0.975

# Even odds: the line the competitiveness check's single-track rule draws on
# this calculator's estimate, so a figure rounded onto it must say which side
# it is on (see _pct).
EVEN_ODDS = 0.5

# The one caveat that fits a reader who applied before and did not match,
# whether in this field or another: a reader moving from internal medicine to
# family medicine read "a second try at the same field" as not theirs
# (fmusimg audit s46, 4), though the no-match weighs on a new field too.
# Its middle ran to 59 words, two sentences now (soap audit s55, 11).
REAPPLICANT_NOTE = (
    "First-time applicants and reapplicants are counted together: the table does not show them apart. If you "
    "applied before and did not match, the source articles treat a second try at the same field as harder than "
    "the first, above all in the most competitive fields. In a new field the no-match is still on your record, "
    "and programs will ask what has changed (the competitiveness check takes points for it in any field). So for "
    "you this estimate is more likely too high than too low."
)
# A reapplicant who had ranked 4 programs and not matched entered 4, and the
# estimate rose above the base rate on the count of a list that had failed
# (reapplypsych audit s49, 9).
REAPPLICANT_RANKS_NOTE = (
    "You applied before: enter the programs you expect to rank this season, not last season's count, which did not "
    "lead to a match. Until this season's interviews are known, the estimate from your Step 2 CK alone is the "
    "fairer guide."
)

# How the two measures are named in the result's table.
STEP2_LABEL = "Step 2 CK"
CONTIG_LABEL = "Contiguous ranks (self-reported)"

# Every score the form accepts.  The Step 2 CK curve is made non-decreasing
# over this whole range at once: a higher score can never be worse evidence
# than a lower one, and the published summaries give no reason to think it
# is.  Where the two fitted normal curves would make the estimate fall (the
# unmatched group averaging higher, or two different SDs bending the curve),
# the closest non-decreasing curve replaces it (isotonic regression by pool
# adjacent violators, each score weighted by how many 2026 applicants the
# model puts there).  A levelled stretch gets the average estimate of the
# applicants in it, so a curve levelled from end to end is the base rate.
SCORE_GRID = range(1, 301)
# Posterior differences smaller than this are rounding, not leveling.
LEVEL_TOLERANCE = 1e-9

# Who the 2026 figures describe, and what to tell a reader outside that group.
# The project's data hold only the non-US IMG edition of Charting Outcomes
# (no current by-specialty match rates or scores for US-citizen IMGs were found; NRMP's US MD and DO seniors'
# editions were not taken in), so every applicant type is shown the non-US IMG
# figures, named as such, with the reader's own group's overall match rate.
DATA_GROUP = "non-US IMGs"
# Why a reader outside that group sees it anyway (the data README's limits).
OWN_GROUP_FIGURES = {
    "us-img": (
        "this site's data hold only the non-US IMG edition of these figures; no current by-specialty match rates "
        "or Step 2 CK figures for US-citizen IMGs were found to add."
    ),
    "us-md": "NRMP publishes a US MD seniors' edition of these figures, but this site's data hold only the non-US IMG edition.",
    "us-do": "NRMP publishes a US DO seniors' edition of these figures, but this site's data hold only the non-US IMG edition.",
}
# The figures count every applicant together, so two of the IMG article's
# red flags that a reader may carry never show in them (older-IMG audit s34, 1).
# Nor do they part those who need a visa from the permanent residents counted
# with them, who need none: a third red flag with no direction given for it
# (reapplicant audit s36, 4).  What to do first, then why, in sentences of
# 35 words or fewer: they ran to 41 (soap audit s55, 11).
RED_FLAGS_UNSEEN = (
    "If you have a failed exam attempt, graduated more than "
    f"{data.span(data.IMG_GRADUATION_BARRIER_YEARS)} years ago with little recent clinical work, or need a visa, read "
    "the estimate as more likely too high than too low. The figures do not separate the first two groups from other "
    "applicants, nor those who need a visa from the permanent residents counted with them, who need none. "
    f"The {data.ARTICLE_IMG.short} counts the first two as red flags, and needing an H-1B where few programs sponsor it."
)
# The shared answers this calculator asks only to say what its figures
# cannot see (a past no-match too since reapply2 audit s44, 3): "about 68%"
# met a 10-year graduate with a failed attempt and a visa need whom the
# competitiveness check scored 0/100, and the one caveat was the sixth bullet
# under the chart (oldgrad audit s43, 1).  They move no
# number; where the check's rules make one a red flag, the headline, the
# summary and the read-out say so in a clause, and a note names each.
CHANGES_NO_NUMBER = "It changes no number here: where it is a red flag, the result says these figures cannot see it."


VISA_FLAG = "visa need"
# A past no-match, asked as the other planning calculators ask it: "about
# 59%" met a US-citizen IMG unmatched twice, whose one fitting caveat was the
# fourth note, where a failed attempt or an old graduation got a clause in
# the summary (reapply2 audit s44, 3).
NO_MATCH_FLAG = "past no-match"
# How an old graduation is named among the flags: "graduation 8 years ago".
OLD_GRADUATION_WORDS = "graduation {} ago"
# One lean for every flag these figures cannot see, as the notes put it
# ("more likely too high than too low"): "a ceiling" for a failed attempt
# claimed more than they do, and "Internal Medicine: about 47% matched. A
# ceiling for you: red flags unseen." read on a phone as the reader's own
# chance, in jargon (soap audit s55, 6).  A visa need or a past no-match was
# "likely high" already, and an old graduation, a red flag in the check only
# without recent work, leaves the estimate more likely too high either way
# (oldgrad audit s52, 2): the notes say which rule makes each a flag.
OVERESTIMATE = "probably an overestimate"
# The same of the reader's own chance, in the read-out's and the phone's few words.
YOURS_LOWER = "Yours is probably lower"
YOURS_LOWER_PINNED = "Your chance: probably lower."
YOURS_LOWER_SHORT = "Yours: probably lower."
PROBABLY_LOWER = (YOURS_LOWER_PINNED, YOURS_LOWER_SHORT)


def unseen_flags(v: Mapping[str, object]) -> list[str]:
    """The reader's red flags by the competitiveness check's rules that these
    figures cannot see, each as said after "your".  An old graduation is
    named on the years alone: this calculator does not ask the recent
    clinical work that clears it in the check, and the note on it says so."""
    failures = whole(v, "exam_failures")
    years = whole(v, "years_since_graduation")
    return [
        *([counted(failures, "failed exam attempt") if failures > 1 else "failed exam attempt"] if failures else []),
        *([NO_MATCH_FLAG] if flag(v, "previously_unmatched") else []),
        *([_old_graduation(counted(years, "year"))] if profile.graduated_long_ago(v) else []),
        *([VISA_FLAG] if profile.visa_needed(v) else []),
    ]


def without_recent_work() -> str:
    """The condition under which the competitiveness check counts an old
    graduation as a red flag, in its own numbers: "if you have had under 6
    months of hands-on clinical work in the 3 years before you submit"."""
    # Here, not at the top: the competitiveness check imports this module.
    from . import competitiveness

    return f"if you have had {competitiveness.TOO_LITTLE_RECENT_WORK}"


def unseen_flag_notes(v: Mapping[str, object]) -> list[str]:
    """One note for each of ``unseen_flags``, with the rule that makes it one."""
    notes = []
    failures = whole(v, "exam_failures")
    if failures:
        notes.append(
            f"Your {unseen_flags(v)[0]}: the {data.ARTICLE_IMG.short} and the competitiveness check count one or more "
            "exam failures as a red flag, and these figures count applicants with and without one together, so they "
            "cannot see it."
        )
    # Short sentences, the condition first: the note was one sentence of 69
    # words, and its "a red flag unless" sat under a headline that called the
    # estimate a ceiling whatever the reader's recent work (oldgrad audit s52,
    # 2 and 12).  Either way the estimate is more likely too high, so the
    # note says so once (soap audit s55, 6).
    old = profile.graduation_limit_note(v, "these figures cannot see it.")
    if old:
        notes.append(
            f"{old} They count recent and older graduates together. {capitalised(without_recent_work())}, the "
            "competitiveness check counts your graduation year as a red flag. With more recent work, it does not, "
            "though it still takes points off for the years. Either way, this estimate is "
            f"{OVERESTIMATE} for you. This calculator does not ask about your recent work: the competitiveness check does."
        )
    if profile.visa_needed(v):
        notes.append(
            f"Your visa need, {profile.visa_basis(v)}: the competitiveness check counts any visa need as a red flag, "
            f"and these figures count non-US IMGs who need one with the permanent residents who need none, so they "
            "cannot see it."
            # The one visa answer with the fewest programs open to it had the
            # words of "any visa" (diffreview48 audit s48, 10).
            + (
                " You cannot take a J-1, and they also count applicants who could take one, so for you the estimate "
                "may be further too high: count only programs that will file an H-1B for you."
                if profile.h1b_only(v)
                else ""
            )
        )
    return notes


def _old_graduation(years: str) -> str:
    """The old-graduation flag, marked as that flag, as the competitiveness check marks it."""
    return profile.Flag(OLD_GRADUATION_WORDS.format(years), profile.OLD_GRADUATION_KIND)


def unseen_clause(flags: Sequence[str], in_group: bool, heard: bool = False) -> str:
    """The headline's, summary's and read-out's clause on ``unseen_flags``:
    for a reader in the figures' group, that the figure is probably an
    overestimate for them; for a reader outside the group, that the flags
    pull against its higher rate, as the note on the group says.
    ``heard``: the read-out's shorter form, which leads with the reader's
    own chance."""
    if not flags:
        return ""
    named = and_list([f"your {each}" if i == 0 else each for i, each in enumerate(flags)])
    if heard:
        return f" {YOURS_LOWER}: these figures cannot see {named}." if in_group else f" Unseen here: {named}."
    if in_group:
        return f" These figures cannot see {named}, so for you this figure is {OVERESTIMATE}."
    return f" These figures cannot see {named}, which {'pull' if _plural(flags) else 'pulls'} your chance down."


# Beside the visa, the reader's other gaps these figures cannot see: a
# non-US IMG with no US months and no US letters found only the visa named
# there (planner audit s54, 5).  No lean is given: they may help or hurt.
US_FILE_UNSEEN = " Nor can they see your US clinical experience or US letters: the competitiveness check asks about both."


def unseen_said(flags: Sequence[str], in_group: bool) -> str:
    """``unseen_clause`` as the summary and the headline say it: with
    ``US_FILE_UNSEEN`` where the visa is named."""
    return unseen_clause(flags, in_group) + (US_FILE_UNSEEN if VISA_FLAG in flags else "")


def flag_short(flag: str) -> str:
    """A flag in the fewest plain words, for the read-out and the phone:
    "failed exam", "2 failed exams", "graduation year", "visa need".  An old
    graduation is named by what it is, not as a red flag: with recent work
    the check does not count it as one (diff review s55, 8)."""
    if getattr(flag, "kind", None) == profile.OLD_GRADUATION_KIND:
        return "graduation year"
    return flag.replace("failed exam attempt", "failed exam")


def flags_named(flags: Sequence[str]) -> list[str]:
    """The flags in their fewest words, longest first: all of them ("failed
    exam and visa need"), then the first, which is the gravest, "and more"."""
    short = [flag_short(each) for each in flags]
    if not short:
        return []
    return list(dict.fromkeys([and_list(short), *([f"{short[0]} and more"] if len(short) > 1 else [])]))


def unseen_heard_shorter(flags: Sequence[str], in_group: bool) -> list[str]:
    """The read-out's flags clause where the full one does not fit, longest
    first, in plain words that name the flags: "red flags unseen" was jargon
    (soap audit s55, 6), and "given your red flag" called an old graduation
    one, and did not set a failed attempt apart from the visa need almost
    every non-US IMG has (diff review s55, 8)."""
    named = flags_named(flags)
    if in_group:
        return [*(f" {YOURS_LOWER}, given your {each}." for each in named), f" {YOURS_LOWER_SHORT}"]
    # Shorter still: two or more flags as "red flags", a word the glossary
    # explains; one without "your".
    last = [" Unseen here: your red flags."] if len(flags) > 1 else [f" Unseen here: {named[0]}."]
    return [*(f" Unseen here: your {each}." for each in named), *last]


def _unseen_tiny(flags: Sequence[str], in_group: bool) -> list[list[str]]:
    """The flags' clause for the phone's pinned line in groups of forms, the
    group that names the flags first, each longest first.  In the figures'
    group, "Yours: probably lower (failed exam)." where it fits, so a failed
    attempt reads apart from the visa need almost every non-US IMG has,
    which is not named (diff review s55, 8).  Outside it, "Unseen: your
    failed exam.", in place of the jargon "Red flag unseen." (diff review
    s55, 7)."""
    if in_group:
        # The gravest alone last: "(failed exam and more)" rarely fitted
        # beside a score, and the notes name every flag.
        gravest = [each for each in flags if each != VISA_FLAG]
        named = list(dict.fromkeys([*flags_named(gravest), *(flags_named(gravest[:1]))]))
        return [
            *([[f" {said.removesuffix('.')} ({each})." for each in named for said in PROBABLY_LOWER]] if named else []),
            [f" {said}" for said in PROBABLY_LOWER],
        ]
    named = flags_named(flags)
    # Shorter still: one flag without "your"; two or more, where the first
    # "and more" takes the room a field's name now needs, as "red flags", a
    # word the glossary explains.
    return [
        list(
            dict.fromkeys(
                [
                    unseen_clause(flags, in_group, heard=True),
                    *(f" Unseen: your {each}." for each in named),
                    *([] if len(flags) > 1 else [f" Unseen: {named[0]}."]),
                ]
            )
        ),
        *([[" Unseen: your red flags.", " Unseen: red flags."]] if len(flags) > 1 else []),
    ]


def _plural(flags: Sequence[str]) -> bool:
    """Whether a list of flags is said as a plural: two or more, or "2 failed exam attempts"."""
    return len(flags) > 1 or (bool(flags) and flags[0][0].isdigit())


READER_GROUPS = {
    "us-md": "US MD seniors and graduates",
    "us-do": "US DO seniors and graduates",
    "us-img": "US-citizen IMGs",
    "non-us-img": "non-US IMGs",
}


def own_seniors_share(spec: data.Specialty, applicant: str) -> str | None:
    """For a US MD or DO reader, their seniors' share of the field's PGY-1
    positions, with source and year; None for an IMG, or a field with no
    PGY-1 row.  Match odds and the competitiveness check both say it, so
    it is worded once, here: an EM-first DO read only non-US IMGs' 54.1% and
    the all-specialty 93.2%, though DO seniors filled over a third of EM's
    places (do-em audit s42, 4).  A share of places, not a rate: 77.9% of
    orthopaedics' places went to US MD seniors, which is no one's odds."""
    if applicant not in data.SENIORS_SHARES or spec.pgy1 is None or (filled := spec.pgy1.filled_by(applicant)) is None:
        return None
    share, group = filled
    return (
        f"In {spec.name}, {group} filled {table_percent(share)} of the {spec.pgy1.positions_offered:,} PGY-1 "
        f"positions in {data.RESULTS_AND_DATA.year} ({data.RESULTS_AND_DATA.cite()}), a share of the places rather "
        "than a match rate."
    )


@dataclass(frozen=True)
class Measure:
    """One reader input and how it moved the estimate, or why it could not."""

    key: str
    label: str
    value: int
    matched: Distribution
    unmatched: Distribution
    matched_n: int | None
    unmatched_n: int | None
    n_basis: str
    model: str
    log_lr: float | None
    problem: str | None
    cautions: tuple[str, ...] = ()
    level: Level | None = None
    # Far beyond both groups, where the estimate rests on the assumed shapes:
    # the headline then says so, not only a note further down.
    far_from_data: bool = False
    # How the ratio comes from the curves, where the table's published
    # figures alone would not give it (a pooled SD, a levelled stretch).
    worked: str | None = None

    @property
    def used(self) -> bool:
        return self.problem is None and self.log_lr is not None

    def as_dict(self) -> MeasureRow:
        return {
            "measure": self.key,
            "label": self.label,
            "value": self.value,
            "used": self.used,
            "matched": _stats(self.matched, self.matched_n),
            "unmatched": _stats(self.unmatched, self.unmatched_n),
            "n_basis": self.n_basis,
            "model": self.model,
            "likelihood_ratio": _ratio(self.log_lr) if self.used else None,
            "levelled": None if self.level is None else [self.level.low, self.level.high],
            "reason": self.problem,
            "worked": self.worked,
        }


PRELIM_NOT_COUNTED = (
    "Count this specialty's categorical and advanced programs, not "
    f"preliminary or transitional ones: in {CHARTING_OUTCOMES.short} a preliminary program is no one's preferred specialty."
)
PRELIM_NOT_COUNTED_HELP = (
    f"How many programs of this specialty head your rank order list, one after another. {PRELIM_NOT_COUNTED} "
    "Leave empty if you do not know yet."
)
# A couple's partner counted 3 interviews that might pair with none of the
# other's (couples audit s54, 1): said where the count is typed.
COUPLE_RANKS_HELP = (
    f"{data.COUPLE_IF}, count only the programs that can pair with one of your partner's, in the same city or within "
    "commuting distance (our reading)."
)

FIELDS = (
    replace(profile.SPECIALTY, label="Specialty", help="The specialty you would rank first."),
    replace(
        profile.APPLICANT_TYPE,
        help="How the NRMP classifies you. The figures are for non-US IMGs whatever you choose; "
        "the result says plainly when that is not your group.",
    ),
    replace(
        profile.STEP2_SCORE,
        help="Your USMLE Step 2 CK three-digit score, not a percentile. Leave empty to see the base rate and the "
        "curve without a marker, or if you took only COMLEX (its scores are not converted).",
    ),
    IntField(
        name="contiguous_ranks",
        label="Programs you will rank in this specialty",
        # 0 is an answer, not an error: a reader with no interviews in
        # December was refused, or shown about 36% with the field left empty
        # (midseason audit s52, 4).  The data hold only applicants who
        # ranked at least one program, so 0 gets no estimate (NO_RANKS).
        minimum=NO_RANKS,
        maximum=CONTIG_MAX,
        initial=None,
        optional=True,
        # A general surgery reader counted 3 preliminary surgery interviews
        # beside 2 categorical ones, and 31% became 44% (surgprelim audit s45,
        # 3).  The NRMP's Charting Outcomes definitions (nrmp.org, Charting
        # Outcomes: Characteristics of Applicants who Match to Their Preferred
        # Specialty, read December 2026) give a preliminary program ranked
        # first no preferred specialty, so the figures behind this count hold
        # no preliminary programs.
        help=f"{PRELIM_NOT_COUNTED_HELP} {COUPLE_RANKS_HELP}",
    ),
    replace(profile.EXAM_FAILURES, help=f"{profile.EXAM_FAILURES.help} {CHANGES_NO_NUMBER}"),
    replace(profile.PREVIOUSLY_UNMATCHED, help=f"{profile.PREVIOUSLY_UNMATCHED.help} {CHANGES_NO_NUMBER}"),
    replace(
        profile.YEARS_SINCE_GRADUATION,
        help=f"Whole years since you graduated from medical school (0 if not yet). {CHANGES_NO_NUMBER}",
    ),
    replace(profile.NEEDS_VISA, help=f"{profile.NEEDS_VISA.help} {CHANGES_NO_NUMBER}"),
)


# --- Small numeric helpers ----------------------------------------------------------
class Stats(TypedDict):
    """One group's published figures for a measure; None where NRMP suppressed them."""

    mean: Number | None
    sd: Number | None
    median: Number | None
    n: int | None


class MeasureRow(TypedDict):
    measure: str
    label: str
    value: int
    used: bool
    matched: Stats
    unmatched: Stats
    n_basis: str
    model: str
    likelihood_ratio: float | None
    levelled: list[int] | None
    reason: str | None
    worked: str | None


def _stats(dist: Distribution, n: int | None) -> Stats:
    return {"mean": dist.mean, "sd": dist.sd, "median": dist.median, "n": n}


def _ratio(log_lr: float | None) -> float | None:
    if log_lr is None:
        return None
    # Beyond e^50 the ratio is "overwhelming" either way; cap it so JSON never
    # has to carry infinity.
    return round(math.exp(max(-50.0, min(50.0, log_lr))), 4)


def _logit(p: float) -> float:
    return math.log(p) - math.log1p(-p)


def _expit(x: float) -> float:
    # Two branches so neither exp() can overflow.
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _log_add(a: float, b: float) -> float:
    """log(e^a + e^b) without overflow or underflow."""
    top = max(a, b)
    return top + math.log(math.exp(a - top) + math.exp(b - top))


def shifted_count_log_pmf(k: int, mean: float, sd: float) -> float:
    """log P(K = k) for a count that starts at ``CONTIG_FLOOR``, matched to a mean and SD.

    ``k - 1`` follows a negative binomial with the same mean and variance when
    the variance exceeds the mean (over-dispersed, true of every 2026 group
    we use), otherwise a Poisson with that mean.  Both are whole-number
    models with a long right tail, like the counts themselves.
    """
    shift = k - CONTIG_FLOOR
    if shift < 0:
        return -math.inf
    mu = mean - CONTIG_FLOOR
    var = sd * sd
    if var > mu:
        p = mu / var
        r = mu * mu / (var - mu)
        return math.lgamma(shift + r) - math.lgamma(r) - math.lgamma(shift + 1) + r * math.log(p) + shift * math.log1p(-p)
    return shift * math.log(mu) - mu - math.lgamma(shift + 1)


# --- The measures -----------------------------------------------------------------------
def _availability_problem(
    label: str,
    spec: data.Specialty,
    m: Distribution,
    u: Distribution,
    m_n: int | None,
    u_n: int | None,
    *,
    group_sizes: bool = False,
) -> str | None:
    """Why a measure cannot be used for this specialty, or None if it can.
    ``m_n`` and ``u_n`` count who reported the measure, or, with
    ``group_sizes``, everyone in the group (where NRMP gives no count of who
    reported it): "matched n = 7" beside "fewer than 5 consented" read as a
    contradiction (claims audit s29)."""
    if not (m.usable and u.usable):
        which = " and ".join(g for g, d in (("matched", m), ("unmatched", u)) if not d.usable)
        sizes = (("matched", m_n), ("unmatched", u_n))
        if group_sizes:
            counts = " and ".join(f"{n} {g}" for g, n in sizes if n is not None) + " in all"
            why = f"fewer than 5 of the {which} applicants consented to report it"
        else:
            counts = ", ".join(f"{g} n = {n}" for g, n in sizes if n is not None)
            why = "fewer than 5 applicants consented"
        return (
            f"NRMP suppressed the {label} figures for {which} non-US IMGs in {spec.name}"
            + (f" ({counts})" if counts else "")
            + f": {why}, so there is not enough data to use it."
        )
    small = [(g, n) for g, n in (("matched", m_n), ("unmatched", u_n)) if n is None or n < MIN_GROUP_N]
    if small:
        detail = ", ".join(f"{g} n = {n}" for g, n in small)
        return (
            f"Too few applicants behind the {label} figures for {spec.name} ({detail}; this calculator needs "
            f"at least {MIN_GROUP_N} in each group), so it is not used."
        )
    return None


COUPLE_IF = data.COUPLE_IF


def couple_alone(what: str) -> str:
    """The couples caveat's opening, for ``what`` figure: the backup finder,
    whose per-field odds had no couples word where this calculator had one,
    says it of its own list (couples audit s54, 5).  Not "your chance": the
    summary above it says the figure is not the reader's own chance (diff
    review s55, 4)."""
    return f"{COUPLE_IF}, {what} for one applicant alone, not for the two of you as a pair"


# A couple read each partner's figure as theirs, or multiplied the two
# (couples-soap audit s39, 7): the NRMP matches a couple only as a pair, at a
# pair of programs both ranked together, and never tries either partner alone
# but on a line with the No Match code, which the note left out, so a couple
# could drop one partner's programs where the other had none (couples audit
# s43, 1).  Under the headline, where it was the eighth note (couples audit
# s54, 1), and in short sentences: one ran to 74 words.
COUPLE_NOTE = (
    f"{couple_alone('this is')}. The NRMP matches a couple only as a pair, at two programs ranked side by side. "
    "It does not try either partner alone, except on a line where one of you ranks a program and the other the "
    f"NRMP's No Match code ({data.NRMP_COUPLES.cite()}). Your chance together depends on how many pairs your two "
    "lists can form, and neither figure gives it."
)


def _far_from_data(value: float, m: Distribution, u: Distribution) -> bool:
    assert m.mean is not None and m.sd is not None and u.mean is not None and u.sd is not None
    # The assert narrows m and u, not the d that the generator takes from them.
    return all(abs(value - d.mean) > FAR_FROM_DATA_SD * d.sd for d in (m, u))  # type: ignore[operator]


def _cautions(label: str, value: float, far: bool, m_n: int | None, u_n: int | None) -> list[str]:
    notes = []
    if min(m_n or 0, u_n or 0) < CAUTION_GROUP_N:
        notes.append(
            f"The {label} figures rest on few applicants (matched n = {m_n}, unmatched n = {u_n}); treat the estimate as rough."
        )
    if far:
        notes.append(
            (f"Your {value:g} contiguous ranks are" if label == "contiguous-ranks" else f"Your {label} of {value:g} is")
            + " far from where most applicants in either group were, so the "
            "estimate leans on the assumed shape of the data rather than on many real applicants."
        )
    return notes


def _step2_problem(spec: data.Specialty) -> str | None:
    """Why this specialty's Step 2 CK figures cannot be used, or None."""
    outcome = spec.outcome
    assert outcome is not None
    m, u = outcome.step2_matched, outcome.step2_unmatched
    return _availability_problem(STEP2_LABEL, spec, m, u, m.n, u.n)


def step2_measure(spec: data.Specialty, score: int) -> Measure:
    outcome = spec.outcome
    assert outcome is not None
    m, u = outcome.step2_matched, outcome.step2_unmatched
    label = STEP2_LABEL
    problem = _step2_problem(spec)
    log_lr = None
    cautions: list[str] = []
    level = None
    far = False
    if problem is None:
        log_lr = step2_log_lr(spec, score)
        far = _far_from_data(score, m, u)
        cautions = _cautions(label, score, far, m.n, u.n)
        level = step2_curve(spec).level_at(score)
    return Measure(
        "step2_score",
        label,
        score,
        m,
        u,
        m.n,
        u.n,
        "applicants whose Step 2 CK scores NRMP reported",
        "normal densities from each group's mean, with a shared SD unless the two SDs clearly differ, "
        "levelled wherever they would make a higher score lower the estimate",
        log_lr,
        problem,
        tuple(cautions),
        level,
        far_from_data=far,
        worked=None if log_lr is None else step2_worked(spec, score, level),
    )


@dataclass(frozen=True)
class NormalPair:
    """The two normal curves used for Step 2 CK, and whether they share an SD."""

    mean_m: float
    sd_m: float
    mean_u: float
    sd_u: float
    shared_sd: bool
    sd_z: float

    def log_lr(self, x: float) -> float:
        return normal_log_pdf(x, self.mean_m, self.sd_m) - normal_log_pdf(x, self.mean_u, self.sd_u)


def sd_difference_z(sd_m: float, n_m: int, sd_u: float, n_u: int) -> float:
    """How many standard errors apart the two SDs are, after allowing for rounding."""
    hi, lo = max(sd_m, sd_u), min(sd_m, sd_u)
    if hi - lo <= 2 * SD_ROUNDING:
        return 0.0
    log_ratio = 2 * math.log((hi - SD_ROUNDING) / (lo + SD_ROUNDING))
    return log_ratio / math.sqrt(2 / (n_m - 1) + 2 / (n_u - 1))


def normal_pair(m: Distribution, u: Distribution) -> NormalPair:
    """Normal curves for the matched and unmatched groups (both must be usable)."""
    # Usable: their mean and SD are published, which Distribution's types cannot say.
    mean_m, sd_m, n_m = float(m.mean), float(m.sd), int(m.n or 0)  # type: ignore[arg-type]
    mean_u, sd_u, n_u = float(u.mean), float(u.sd), int(u.n or 0)  # type: ignore[arg-type]
    z = sd_difference_z(sd_m, n_m, sd_u, n_u) if min(n_m, n_u) > 1 else 0.0
    if z >= SD_DIFFERENCE_Z:
        return NormalPair(mean_m, sd_m, mean_u, sd_u, False, z)
    pooled = math.sqrt(((n_m - 1) * sd_m**2 + (n_u - 1) * sd_u**2) / (n_m + n_u - 2))
    return NormalPair(mean_m, pooled, mean_u, pooled, True, z)


def step2_pair(spec: data.Specialty) -> NormalPair:
    outcome = spec.outcome
    assert outcome is not None
    return normal_pair(outcome.step2_matched, outcome.step2_unmatched)


@dataclass(frozen=True)
class Level:
    """A stretch of scores over which the estimate is held level."""

    low: int
    high: int
    # The estimate across the stretch from the score alone (no other input).
    probability: float

    @property
    def whole_range(self) -> bool:
        return self.low == SCORE_GRID[0] and self.high == SCORE_GRID[-1]


@dataclass(frozen=True)
class MonotoneCurve:
    """The Step 2 CK ratio, levelled wherever the fitted curves would fall."""

    pair: NormalPair
    prior: float
    levels: tuple[Level, ...]

    def level_at(self, score: float) -> Level | None:
        x = min(max(score, SCORE_GRID[0]), SCORE_GRID[-1])
        return next((lv for lv in self.levels if lv.low <= x <= lv.high), None)

    def log_lr(self, score: float) -> float:
        level = self.level_at(score)
        if level is None:
            return self.pair.log_lr(score)
        return _logit(level.probability) - _logit(self.prior)


def pool_adjacent_violators(values: Sequence[float], weights: Sequence[float]) -> list[tuple[int, int, float]]:
    """The weighted least-squares non-decreasing fit, as (first, last, value) blocks."""
    blocks: list[tuple[int, int, float, float]] = []
    for i, (value, weight) in enumerate(zip(values, weights, strict=True)):
        block = (i, i, value, weight)
        while blocks and blocks[-1][2] > block[2]:
            first, _, v0, w0 = blocks.pop()
            total = w0 + block[3]
            mean = (v0 * w0 + block[2] * block[3]) / total if total > 0 else (v0 + block[2]) / 2
            block = (first, i, mean, total)
        blocks.append(block)
    return [(first, last, value) for first, last, value, _ in blocks]


@lru_cache(maxsize=128)
def monotone_curve(pair: NormalPair, prior: float) -> MonotoneCurve:
    """Level the score-only estimate where it would fall as the score rises."""
    scores = list(SCORE_GRID)
    raw = [posterior(prior, [pair.log_lr(x)]) for x in scores]
    # How many applicants the model puts at each score (matched plus
    # unmatched), kept in logs and scaled to the largest so no tail underflows.
    log_w = [
        _log_add(
            math.log(prior) + normal_log_pdf(x, pair.mean_m, pair.sd_m),
            math.log1p(-prior) + normal_log_pdf(x, pair.mean_u, pair.sd_u),
        )
        for x in scores
    ]
    top = max(log_w)
    weights = [math.exp(w - top) for w in log_w]
    levels = tuple(
        Level(scores[first], scores[last], value)
        for first, last, value in pool_adjacent_violators(raw, weights)
        if last > first and max(abs(r - value) for r in raw[first : last + 1]) > LEVEL_TOLERANCE
    )
    return MonotoneCurve(pair, prior, levels)


def step2_curve(spec: data.Specialty) -> MonotoneCurve:
    return monotone_curve(step2_pair(spec), base_rate(spec))


def step2_log_lr(spec: data.Specialty, score: float) -> float:
    """The Step 2 CK log likelihood ratio, never falling as the score rises."""
    return step2_curve(spec).log_lr(score)


def step2_worked(spec: data.Specialty, score: int, level: Level | None) -> str:
    """The Step 2 CK ratio worked from the curves' means and SD.  The table
    shows each group's published SD, but the curves share the pooled one
    unless the two clearly differ, so the table alone gave another ratio."""
    pair = step2_pair(spec)
    # Only a specialty with an outcome has a pair of curves.
    m, u = spec.outcome.step2_matched, spec.outcome.step2_unmatched  # type: ignore[union-attr]
    curves = (
        f"both with the pooled SD, {pair.sd_m:.2f}, since the published SDs ({m.sd:g} and {u.sd:g}) differ by no more "
        "than rounding and chance"
        if pair.shared_sd
        else f"with their own SDs, {pair.sd_m:g} and {pair.sd_u:g}"
    )
    text = (
        f"{STEP2_LABEL}'s ratio is the height at {score} of the matched group's normal curve over the unmatched "
        f"group's: curves around the means {pair.mean_m:g} and {pair.mean_u:g}, {curves}, give {_ratio(pair.log_lr(score)):g}."
    )
    if level is not None:
        text += (
            f" Your score is where the estimate is held level ({level_span(level)}), so the ratio used is "
            f"{_ratio(step2_log_lr(spec, score)):g}, the level's."
        )
    return text


def contig_measure(spec: data.Specialty, ranks: int) -> Measure:
    outcome = spec.outcome
    assert outcome is not None
    m, u = outcome.contig_matched, outcome.contig_unmatched
    # NRMP gives no separate count for this measure; the group sizes are the
    # most applicants who could stand behind it, so they are what we check.
    m_n, u_n = outcome.img_matched, outcome.img_unmatched
    label = "contiguous-ranks"
    problem = _availability_problem(label, spec, m, u, m_n, u_n, group_sizes=True)
    # No problem found: both means are published.
    if problem is None and min(float(m.mean), float(u.mean)) <= CONTIG_FLOOR:  # type: ignore[arg-type]
        problem = (
            f"The contiguous-ranks figures for {spec.name} show no spread above one rank, so they cannot separate the groups."
        )
    log_lr = None
    cautions: list[str] = []
    model = "counts starting at 1, negative binomial (or Poisson) matched to each group's mean and SD"
    far = False
    worked = None
    if problem is None:
        used = contig_ranks_used(spec, ranks)
        log_matched, log_unmatched = contig_log_pmfs(spec, used)
        log_lr = log_matched - log_unmatched
        far = _far_from_data(ranks, m, u)
        cautions = _cautions(label, ranks, far, m_n, u_n)
        # Worked as Step 2 CK's is: its effect is as large, and the result
        # showed only the ratio (mid-tier audit s35, 6).
        worked = (
            f"The contiguous-ranks ratio is the chance of exactly {counted(used, 'rank')} under the matched group's "
            f"count model (mean {m.mean:g}, SD {m.sd:g}) over the unmatched group's (mean {u.mean:g}, SD {u.sd:g}): "
            f"{_chance(math.exp(log_matched))} over {_chance(math.exp(log_unmatched))}, {_ratio(log_lr):g}."
            + (f" {contig_held_note(spec)}" if used < ranks else "")
        )
    return Measure(
        "contiguous_ranks",
        CONTIG_LABEL,
        ranks,
        m,
        u,
        m_n,
        u_n,
        "all non-US IMGs in the group (NRMP gives no separate count for this measure)",
        model,
        log_lr,
        problem,
        tuple(cautions),
        far_from_data=far,
        worked=worked,
    )


def few_ranks(spec: data.Specialty, ranks: int, short: bool = False) -> str | None:
    """Where ``ranks`` is at or below the unmatched group's median, or else
    its mean, that figure with its source and year; None above both.  Said
    beside ranks left out: in orthopaedics a reader with 3 interviews found
    the unmatched median of 3 only in the table (usmd-ortho audit s41, 1).
    ``short``: for the read-out, which keeps to 40 words."""
    unmatched = spec.outcome.contig_unmatched if spec.outcome else None
    if unmatched is None:
        return None
    found = [(kind, figure) for kind, figure in (("median", unmatched.median), ("mean", unmatched.mean)) if figure is not None]
    kind, figure = next(((kind, figure) for kind, figure in found if ranks <= figure), ("", None))
    if figure is None:
        return None
    where = "at" if ranks == figure else "below"
    if short:
        return f"Your {counted(ranks, 'rank')}: {where} the unmatched {DATA_GROUP}' {kind}, {figure:g} ({CHARTING_OUTCOMES.short} {DATA_YEAR})."
    return (
        f"Your {counted(ranks, 'rank')} {'is' if ranks == 1 else 'are'} {where} the {kind} for {DATA_GROUP} who ranked "
        f"{spec.name} first and did not match: {figure:g} ({CHARTING_OUTCOMES.named()})."
    )


def below_matched_median(
    spec: data.Specialty, ranks: int, short: bool = False, raises: bool = False, one_fewer: float | None = None
) -> str | None:
    """Where ``ranks`` is below the median of the field's matched group,
    that median with its source and year and the Timeline guide's section on
    what to weigh; None at or above it, or where NRMP withheld it.  At 1 to 4
    ranks in internal medicine (median 5) a reader in December was pointed
    nowhere: ``few_ranks`` speaks only of ranks left out (midseason audit
    s52, 4).  ``short``: for the read-out.  ``raises``: the ranks raise the
    estimate all the same, which then says why: 2 emergency medicine ranks
    took it from just under 50% to 57% beside "below the median", unexplained
    (EM audit s53, 4)."""
    matched = spec.outcome.contig_matched.median if spec.outcome else None
    if matched is None or ranks >= matched:
        return None
    if short:
        return (
            f"Below the matched median, {matched:g} ({CHARTING_OUTCOMES.short} {DATA_YEAR}). Timeline guide: “Already "
            "applied, and short of interviews?”."
        )
    fewer = f" (with one rank fewer it is {about(one_fewer)})" if one_fewer is not None else ""
    why = (
        f" {'It still raises' if ranks == 1 else 'They still raise'} the estimate{fewer}, as that many ranks were more common "
        f"among those who matched than among those who did not, whose median was {unmatched:g}: a better sign than "
        "fewer, not a sign of enough."
        if raises and spec.outcome and (unmatched := spec.outcome.contig_unmatched.median) is not None
        else ""
    )
    return (
        f"Your {counted(ranks, 'rank')} {'is' if ranks == 1 else 'are'} below the median for {DATA_GROUP} who ranked "
        f"{spec.name} first and matched: {matched:g} ({CHARTING_OUTCOMES.named()}).{why} {cycle.SHORT_OF_INTERVIEWS}"
    )


# An input left out, named as the form names it: "Contiguous ranks not used"
# named no field a reader could find (diffreview45 audit s45, 9).
FORM_NAMES = {STEP2_LABEL: "Step 2 CK", CONTIG_LABEL: "Programs you will rank"}
# And in a word each, for the phone's three pinned lines.
GIST_NAMES = {STEP2_LABEL: "score", CONTIG_LABEL: "ranks"}


# The inputs an estimate was worked out from, named where the figure is:
# "with your inputs" met a reader whose visa, US experience and letters it
# never took in (planner audit s54, 5).
USED_NAMES = {STEP2_LABEL: "Step 2 CK", CONTIG_LABEL: "number of ranks"}


def used_names(labels: Sequence[str]) -> str:
    """The inputs an estimate used, as "your Step 2 CK and number of ranks"."""
    return "your " + " and ".join(USED_NAMES.get(label, label) for label in labels)


def gist_names(labels: Sequence[str]) -> str:
    """The inputs an estimate used, in the short forms' few words: "with your score and ranks"."""
    return "with your " + " and ".join(GIST_NAMES.get(label, label) for label in labels)


# Said where the figure is, so that it reads as a group's and not as the
# reader's own chance: "Internal Medicine: about 47% matched" did, on a
# phone (soap audit s55, 6).
NOT_YOUR_GROUP = "not your group"
ESTIMATE_NOT_YOURS = "It is this model's estimate from NRMP's published summaries, not a count, and not your own chance."
BASE_NOT_YOURS = "It is their share, not your own chance."


def pinned_names(spec: data.Specialty) -> list[str]:
    """The field's names for the pinned line, longest first: its name, then its short form."""
    return list(dict.fromkeys([spec.name, data.short_name(spec.name)]))


def pinned_line(
    names: Sequence[str],
    share: str,
    whose: str,
    caveats: Sequence[str],
    failing: Sequence[str],
    flagged: Sequence[Sequence[str]],
) -> str:
    """The phone's pinned line: "{name}: {share} 2026 non-US IMGs{whose} ({caveats}).{failing}{flagged}",
    as "IM: about 47% of 2026 non-US IMGs with your score and ranks matched.
    Yours: probably lower.", kept to PINNED_LINE_CHARS.  Where it is too
    long, the first line that fits keeps the most of, in order: a failing
    score, the flags' clause, the caveats (the first of them longest), the
    failing score's longer forms (``failing``, longest first), the flags'
    names (``flagged``: groups of forms, those that name the flags first,
    each longest first), the year, the field's full name (``names``,
    longest first), the flags' longer forms.  Whose figure it is and the
    field's name, full or short, always stay (soap audit s55, 6; diff
    review s55, 7), so the last try, with the shortest name, fits whatever
    the answers."""

    def line(name: str, said: Sequence[str], year: bool, fail: str, flag_words: str) -> str:
        group = f"{DATA_YEAR} {DATA_GROUP}" if year else DATA_GROUP
        brackets = f" ({'; '.join(said)})" if said else ""
        return f"{name}: {share} {group}{whose}{brackets}.{fail}{flag_words}"

    keep = (True, False)
    # The caveats are dropped from the last: "not your group" went with
    # "rough" and "far from the data" (diff review s55, 7).
    bracketed = [caveats[:kept] for kept in range(len(caveats), -1, -1)]

    def failing_kept(said: Sequence[str]) -> bool:
        """Whether a failing score left out, said among the caveats, is kept:
        beside the field's name it gave way to the flags (diff review s55, 7)."""
        return not any("failing" in each for each in caveats) or any("failing" in each for each in said)

    return first_within_pinned_line(
        list(
            dict.fromkeys(
                line(name, said, year, fail, flag_words)
                for keeps_failing in keep
                for flag_kept in keep
                for said in bracketed
                if not keeps_failing or failing_kept(said)
                for fail in ([*failing] or [""] if keeps_failing else [""])
                for forms in (flagged if flag_kept else [[""]])
                for year in keep
                for name in names
                for flag_words in forms
            )
        )
    )


def _unused_names(labels: Sequence[str]) -> str:
    """The inputs left out, as the form names them: "Step 2 CK and programs you will rank"."""
    names = [FORM_NAMES.get(label, label) for label in labels]
    names[1:] = [name[0].lower() + name[1:] for name in names[1:]]
    return " and ".join(names)


def unused_words(labels: Sequence[str], short: bool = False) -> str:
    """The inputs entered but left out, said where the figure is: " Step 2
    CK not used: too few applicants behind its figures." or "".  ``short``:
    without the reason, for the read-out's 40 words."""
    if not labels:
        return ""
    whose = "its" if len(labels) == 1 else "their"
    return f" {_unused_names(labels)} not used" + ("." if short else f": too few applicants behind {whose} figures.")


def _chance(p: float) -> str:
    """A small chance in words: "1.62e-05" meant nothing to most readers (diff review s35, 7)."""
    return f"{p:.4f}" if p >= 0.001 else f"about 1 in {round(1 / p):,}"


def contig_log_pmfs(spec: data.Specialty, ranks: int) -> tuple[float, float]:
    """The log chance of exactly ``ranks`` under the matched and the unmatched group's count model."""
    outcome = spec.outcome
    assert outcome is not None
    # Asked only where both groups' mean and SD are published (the measure is used).
    m, u = outcome.contig_matched, outcome.contig_unmatched
    return (
        shifted_count_log_pmf(ranks, float(m.mean), float(m.sd)),  # type: ignore[arg-type]
        shifted_count_log_pmf(ranks, float(u.mean), float(u.sd)),  # type: ignore[arg-type]
    )


def contig_log_lr(spec: data.Specialty, ranks: int) -> float:
    log_matched, log_unmatched = contig_log_pmfs(spec, ranks)
    return log_matched - log_unmatched


# How the secondary copy was made; cite() already says "secondary copy"
# (specialties audit s35, 6: "secondary copy, secondary: transcribed").
HOW_COPIED = CHARTING_OUTCOMES.status.removeprefix("secondary: ")


# --- The estimate -------------------------------------------------------------------------
def base_rate(spec: data.Specialty) -> float:
    outcome = spec.outcome
    assert outcome is not None
    return outcome.img_matched / outcome.img_ranked_first


def step2_separation(spec: data.Specialty) -> float:
    """How far apart matched and unmatched Step 2 CK sit: the difference of
    their means over the pooled SD (Cohen's d)."""
    pair = step2_pair(spec)
    return abs(pair.mean_m - pair.mean_u) / math.sqrt((pair.sd_m**2 + pair.sd_u**2) / 2)


def step2_says_little(spec: data.Specialty) -> bool:
    """Whether Step 2 CK barely moves this specialty's estimate: the two
    groups barely differ, or the curve is held level over every score."""
    if spec.outcome is None or _step2_problem(spec) is not None:
        return False
    return step2_separation(spec) < WEAK_SEPARATION_D or any(level.whole_range for level in step2_curve(spec).levels)


# The finder and program counts compare estimates across fields, by a
# margin; "does not make this the easier field" told the reader not to
# (crosscalc audit s51, 3).  Where the score barely moves a field's estimate,
# a note here says it cannot rank the field, and so does this one (diff
# review s51, 2).
# How to read a gap between fields first, then why, where the score moves
# the estimate and where it barely does: as one sentence each, they ran to 40
# and 42 words (soap audit s55, 11).
_EACH_FIELD = "Each specialty's figures describe the applicants who ranked it first, a different group in each field"
COMPARING_FIELDS = (
    "Read a clearly higher estimate here than for another specialty as a sign, not proof, that this field is more "
    f"open at that score. {_EACH_FIELD}. The competitiveness check weighs the rest of your file in each."
)
# A reader dual applying read 32% for three internal medicine ranks and 68%
# for three family medicine ones, with nothing on how to hold the two
# together (interview audit s56, 9).  A note, not the headline: it concerns
# every figure here alike.
DUAL_APPLYING = (
    "Dual applying? Each field's figure is for that field's own applicants. The figures cannot be added, and neither "
    "is your chance across your whole list."
)
COMPARING_FIELDS_FLAT = (
    "A higher estimate here than for another specialty does not make this the easier field for you. "
    f"{_EACH_FIELD}, and here the score barely moves the estimate."
)


def _below_matched_q1_note(spec: data.Specialty, step2: int | None, with_ranks: bool = False) -> str | None:
    """Where the score barely moves the estimate, a high one at a low score
    reads as a sign the score is competitive there; set it beside where the
    score sits among those who matched (consistency audit s23, 3: radiology
    at 225 read "about 55%", above internal medicine's 31%, where the
    competitiveness check put it in the bottom quarter)."""
    matched = spec.outcome.step2_matched if spec.outcome else None
    if step2 is None or matched is None or None in (matched.q1, matched.median, matched.q3):
        return None
    if matched.quarter_of(step2) != "below":
        return None
    return (
        f"Your Step 2 CK ({step2}) is below the first quartile ({matched.q1:g}) of the non-US IMGs who matched in "
        f"{spec.name} ({data.CHARTING_OUTCOMES.cite()}). Here the score barely moves the estimate"
        # With ranks entered the estimate may sit far from the base rate, and
        # "it stays near" read against the headline (match-odds audit s37, 5).
        + (
            f": what moves it from the base rate ({_rate(base_rate(spec))}) is your ranks, not your score, so it"
            if with_ranks
            else ", so it stays near the field's base rate: it"
        )
        + " is no sign that your score is competitive in this field, and it cannot rank this field against others for "
        "you. The competitiveness check shows where your file sits in each."
    )


def step2_figures_thin(spec: data.Specialty) -> bool:
    """Whether the Step 2 CK figures are too few for a firm estimate: none,
    suppressed, too few for any (MIN_GROUP_N), or few enough in either group
    that the estimate is marked rough (CAUTION_GROUP_N)."""
    o = spec.outcome
    if o is None or _step2_problem(spec) is not None or o.step2_matched.median is None:
        return True
    return min(o.step2_matched.n or 0, o.step2_unmatched.n or 0) < CAUTION_GROUP_N


def step2_estimate(spec: data.Specialty, score: int) -> float | None:
    """The estimate from Step 2 CK alone, as this calculator gives it when no
    contiguous ranks are entered; None where the score is not used (figures
    suppressed or too few applicants).  Only the number, without the
    cautions a ``Measure`` words: the competitiveness check asks for it on
    every run of its rules, and its margins re-run them some twenty times."""
    if spec.outcome is None or _step2_problem(spec) is not None:
        return None
    return round(posterior(base_rate(spec), [step2_log_lr(spec, score)]), 4)


def posterior(prior: float, log_lrs: list[float]) -> float:
    """Bayes' rule in log-odds: logit(posterior) = logit(prior) + sum of log LRs."""
    return _expit(_logit(prior) + sum(log_lrs))


def curve_range(score: int | None) -> tuple[int, int]:
    lo, hi = CURVE_RANGE
    if score is not None:
        lo = min(lo, max(CURVE_LIMITS[0], score // 10 * 10))
        hi = max(hi, min(CURVE_LIMITS[1], -(-score // 10) * 10))
    return lo, hi


def turning_point(pair: NormalPair) -> float | None:
    """Where the Step 2 CK curve turns, if the two curves have different SDs.

    log f_m - log f_u is a quadratic in the score; with unequal SDs it has a
    vertex, and the estimate rises on one side of it and falls on the other.
    With a shared SD it is a straight line, so the estimate moves one way only.
    """
    if pair.shared_sd or pair.sd_m == pair.sd_u:
        return None
    vm, vu = pair.sd_m**2, pair.sd_u**2
    return (pair.mean_m * vu - pair.mean_u * vm) / (vu - vm)


def contig_held_note(spec: data.Specialty) -> str:
    """Why ranks past a count read as that count."""
    held, tail = contig_held_from(spec), contig_tail(spec)
    why = (
        f"by {counted(tail, 'rank')} the unmatched group's count model holds {CONTIG_TAIL_SHARE:.1%} of them, so past it "
        "the ratio would be the two models' far tails, with no applicant behind it"
        if held == tail
        else "past it the count model's ratio would fall, because the unmatched group's counts have the longer tail, "
        "and ranking more programs is not counted against you"
    )
    return (
        f"More than {counted(held, 'rank')} in {spec.name} count as {held}: {why} (this calculator's rule). That is the "
        "model's limit, not a reason to rank fewer programs."
    )


def contig_tail(spec: data.Specialty) -> int:
    """The count at which the unmatched group's count model reaches CONTIG_TAIL_SHARE."""
    outcome = spec.outcome
    assert outcome is not None
    u = outcome.contig_unmatched
    share = 0.0
    for k in range(CONTIG_FLOOR, CONTIG_MAX + 1):
        share += math.exp(shifted_count_log_pmf(k, float(u.mean), float(u.sd)))  # type: ignore[arg-type]
        if share >= CONTIG_TAIL_SHARE:
            return k
    return CONTIG_MAX


@cache
def contig_held_from(spec: data.Specialty) -> int:
    """The count from which the contiguous-ranks ratio is held level: its
    peak up to the unmatched group's tail (CONTIG_TAIL_SHARE)."""
    counts = range(CONTIG_FLOOR, contig_tail(spec) + 1)
    return max(counts, key=lambda k: contig_log_lr(spec, k))


def contig_ranks_used(spec: data.Specialty, ranks: int) -> int:
    """The count whose ratio stands for ``ranks``."""
    return min(ranks, contig_held_from(spec))


def _about_word(p: float) -> str:
    """ "about " before 52%, but nothing before "over 99%" or "just under 50%": a bound is not something to be about."""
    return "" if _pct(p).startswith(("over", "under", "just")) else "about "


def about(p: float) -> str:
    """A probability as this calculator words it: "about 42%", "over 99%", "just under 50%"."""
    return _about_word(p) + _pct(p)


def _measure_words(m: Measure) -> str:
    return f"Step 2 CK of {m.value}" if m.key == "step2_score" else f"{m.value} contiguous ranks"


def _far_words(far: list[str]) -> str:
    """The headline's and summary's warning for inputs far beyond both groups."""
    if not far:
        return ""
    return (
        f" Your inputs ({' and '.join(far)}) are far from where most of them were, so this figure comes from the "
        "model's assumed shape, not from applicants like you."
    )


def _rate(p: float) -> str:
    """A share NRMP's counts give, to the one decimal the data page prints
    (a model's estimate, with its uncertainty, is rounded further by _pct)."""
    return table_percent(p * 100)


def _pct(p: float) -> str:
    if not 0.01 <= p <= 0.99:
        # An estimate is never certain: one that rounds to 0 or 1 (a score of
        # 1 in pathology) still reads "under 1%" or "over 99%", not "0%".
        return whole_percent(min(max(p, 0.001), 0.999))
    shown = f"{p * 100:.0f}"
    # Rounded onto even odds, an estimate would read as the line the
    # competitiveness check's rule draws there (0.4973 as "50%" beside "under
    # even odds"), so it says which side of the line it lies on.
    if float(shown) == EVEN_ODDS * 100 and p != EVEN_ODDS:
        return f"just {'under' if p < EVEN_ODDS else 'over'} {shown}%"
    return f"{shown}%"


def level_span(level: Level) -> str:
    if level.whole_range:
        return "at every score"
    return f"from {level.low} to {level.high} points"


def level_note(spec: data.Specialty, curve: MonotoneCurve, level: Level, with_other_inputs: bool) -> str:
    """Why the curve is held level over a stretch, and at what."""
    pair = curve.pair
    turn = turning_point(pair)
    if pair.mean_m < pair.mean_u and (pair.shared_sd or turn is None):
        reason = (
            f"unmatched {DATA_GROUP} averaged a slightly higher Step 2 CK than matched ones "
            f"({pair.mean_u:g} against {pair.mean_m:g})"
        )
    elif turn is not None:
        reason = (
            f"the two groups' spreads differ (SD {pair.sd_m:g} matched, {pair.sd_u:g} unmatched), "
            f"which bends the ratio of the two bell curves near {turn:.0f}"
        )
    else:
        reason = "of the shape of the two fitted bell curves"
    value = "" if with_other_inputs else f", at {_pct(level.probability)}"
    average = (
        f"all {DATA_YEAR} {DATA_GROUP} who ranked {spec.name} first, which is the base rate"
        if level.whole_range
        else f"the {DATA_YEAR} {DATA_GROUP} in that range"
    )
    return (
        f"In {spec.name} the fitted curves would make the estimate fall as Step 2 CK rises, because {reason}. "
        "A higher score is never counted as worse evidence than a lower one, so the estimate is held level "
        f"{level_span(level)}{value}: the average for {average}. That is a limit of what the published summaries "
        "can show, not a sign that the score does not matter."
    )


class ComparisonGroup(TypedDict):
    applicant_type: str
    described: str
    reader_in_group: bool
    note: str | None


def comparison_group(
    spec: data.Specialty,
    applicant: str,
    ranks: Measure | None = None,
    with_step2: bool = True,
    against: Sequence[str] | None = None,
    *,
    senior: bool | None = True,
    ranks_low: int | None = None,
) -> ComparisonGroup:
    """Who the figures describe, named, and how that relates to the reader.
    ``ranks``: the contiguous-ranks measure when it moved the estimate.  The
    all-specialty rates then lean only what the score or the base rate gives:
    a US MD senior with 4 radiology ranks read "about 73% ... likely on the
    low side for you", a lift measured among non-US IMGs (derm-usmd audit
    s43, 1).  ``against``: the red flags the reader entered, as
    ``not_your_group`` takes them; None where none were.  ``senior``: as
    ``not_your_group`` takes it; the defaults are this calculator's.
    ``ranks_low``: as ``not_your_group`` takes it."""
    described = (
        f"{DATA_GROUP} who ranked {spec.name} first in the {CHARTING_OUTCOMES.year} Main Residency Match "
        f"(NRMP Charting Outcomes {CHARTING_OUTCOMES.year})"
    )
    if ranks is None or applicant == "non-us-img":
        note = not_your_group(applicant, against=against, senior=senior, field=spec, ranks_low=ranks_low)
    else:
        estimate = "the estimate from your Step 2 CK alone" if with_step2 else "the base rate"
        mine = not_your_group(applicant, estimate, against=against, senior=senior, field=spec, ranks_low=ranks_low)
        note = f"{mine} {ranks_not_your_group(spec, applicant, ranks, ranks_said=ranks_low is not None)}"
    share = own_seniors_share(spec, applicant)
    if note is not None and share is not None:
        note = f"{note} {share}"
    return {"applicant_type": applicant, "described": described, "reader_in_group": note is None, "note": note}


# Which way the non-US IMG estimate leans for a reader of another group, by
# field (aiminghigh audit s54, 1): "likely on the low side for you" met a
# US-citizen IMG in orthopaedics, beside a rank count below the unmatched
# median.  The lean rests on the all-field match rates and the orthopaedics
# article; no article says how far it carries into the hard tiers (radiology
# with them, as the IMG and ultra articles group it: diff review s54, 2), so
# there it is not said.  A field's shares of places are no guide either way:
# they count matches, not applicants, so a small group fills a small share
# whatever its rate.
NO_LEAN_TIERS: frozenset[data.Tier] = data.HARD_TIERS
# A sentence of its own: after a colon, the rule ran to 38 and 45 words
# (diff review s54b, 11).
NO_LEAN_WHY = (
    "Our data hold no figures for your group field by field, and in the most competitive fields we do not guess the "
    "direction (our rule)."
)
LEAN_RULE = f"We call an estimate likely low for you only outside the most competitive fields. {NO_LEAN_WHY}"
HARD_FIELD_NO_LEAN = f"{{field}} is {{tier}}. There we cannot say whether the estimate is low or high for you. {NO_LEAN_WHY}"


def leans_low(spec: data.Specialty) -> bool:
    """Whether, by ``LEAN_RULE``, this site calls the non-US IMG estimate in
    ``spec`` likely low for a reader of another group."""
    return spec.tier not in NO_LEAN_TIERS


def not_your_group(
    applicant: str,
    estimate: str = "the estimate",
    against: Sequence[str] | None = (),
    *,
    senior: bool | None = None,
    field: data.Specialty | None = None,
    listed: Sequence[data.Specialty] = (),
    ranks_low: int | None = None,
) -> str | None:
    """What a reader outside the data's group is told beside these estimates,
    with their own group's overall match rate; None for a non-US IMG.  The
    backup finder, which shows the same estimates, words it from here too,
    naming in ``against`` what in the reader's file pulls the other way: "on
    the low side" alone, to a US-citizen IMG with a failed attempt and a past
    no-match, contradicted the note below it (reapplicant audit s36, 4).
    ``senior`` is whether a US MD or DO reader is still a senior, where the
    calculator asks; unknown, the seniors' rate comes with a caution for
    graduates of earlier years, and a known senior is spared it (COMLEX audit
    s37, 9).  ``against`` None is a calculator that does not ask for the
    file: match odds said "likely on the low side", and lower down "more
    likely too high" for a failed attempt (US-citizen IMG journey audit s37, 4).
    ``field``: the one field the estimate is for, where there is one.  A US
    MD or DO senior's lean then says that their rate is a match in any field:
    a DO in psychiatry read "likely on the low side for you" on the 93.2% of
    DO seniors who matched anywhere (usdo audit s44, 1).  ``listed``: the
    fields of a list of estimates (the backup finder's), where there is no
    one field.  The lean "likely low" is said only of a field ``leans_low``
    allows (aiminghigh audit s54, 1).  ``ranks_low``: the reader's count of
    ranks where it is at or below the field's unmatched figure
    (``few_ranks``), which the lean would contradict."""
    if applicant == "non-us-img":
        return None
    rates = data.latest_match_rates()
    us_graduate = applicant in data.US_GRADUATE_TYPES
    # A senior, known to be one where a single field is named (match odds,
    # which asks for every flag): with none entered, "unless your file has"
    # them would name what the reader has said they do not have.
    # The backup finder's list too: it told a US senior "likely on the low
    # side" that match odds refuses them (diff review s54, 1).
    known_senior = us_graduate and senior is True and (field is not None or bool(listed))
    pull = "pull" if _plural(against or ()) else "pulls"
    # The sentences after the lean that say on what it rests, where it rests on our rule.
    basis = ""
    # In a hard field the lean is refused whatever the file: "your group
    # matches more often, but ..." implied it there (diff review s54b, 6).
    if against and not (field is not None and not leans_low(field)):
        lean = (
            f"as background: your group matches more often, but your file has {and_list(list(against))}, which "
            f"{pull} the other way, and these figures cannot say which weighs more"
        )
    elif senior is False and us_graduate:
        # A known graduate of an earlier year: the rate it leans on is not
        # theirs, as the next sentence says (diff review s37, 3).
        lean = "as background only"
    elif known_senior:
        # No lean for a senior in one field: their group's higher rate is a
        # match in any field, and DO seniors' in psychiatry has been well
        # below it (usdo audit s44, 1; recheck s44, which found the lean left).
        lean = (
            "as background only, not as your chance: your group matches more often across all fields, which need "
            f"not hold in {'this one' if field is not None else 'each of these'}"
        )
    elif field is not None and (ranks_low is not None or not leans_low(field)):
        # The reader's own ranks first, where they are as few as those who
        # did not match: "likely on the low side" beside them read as a
        # reassurance they do not support (aiminghigh audit s54, 1).
        lean = "as background only"
        said = [
            *(
                [
                    f"Your {counted(ranks_low, 'rank')} {'is' if ranks_low == 1 else 'are'} at or below the number "
                    f"ranked by a typical {DATA_GROUP.removesuffix('s')} who did not match in {field.name}, so do not count on "
                    "your group's higher rate to lift this estimate."
                ]
                if ranks_low is not None
                else []
            ),
            *([HARD_FIELD_NO_LEAN.format(field=field.name, tier=data.TIER_LABELS[field.tier])] if not leans_low(field) else []),
        ]
        basis = "".join(f" {each}" for each in said)
    elif field is None and not listed:
        lean = "as background only"
    else:
        unless = (
            " unless your file has a failed exam attempt, a past no-match or an old graduation, which pull the other way"
            if against is None
            else ""
        )
        if field is not None:
            lean = f"as background, likely on the low side for you{unless}"
        elif low := [each for each in listed if leans_low(each)]:
            where = "" if len(low) == len(listed) else f" in {and_list([each.name for each in low])}"
            others = "" if len(low) == len(listed) else "; in the most competitive fields listed, we cannot say which way"
            lean = f"as background, likely on the low side for you{where}{unless}{others}"
        else:
            lean = "as background only: for none of these fields can we say whether it is low or high for you"
            basis = f" {LEAN_RULE}"
    any_field = (
        f" That {table_percent(rates.for_applicant(applicant))} counts a match in any field, not only in {field.name}. Your group's "
        f"rate in {field.name} is not in our data, and in some fields it has been lower than the all-field rate."
        if us_graduate and field is not None and senior is not False
        else ""
    )
    # Split where a colon and a "so" ran on to 39 and 61 words; what to do
    # opens its own sentence (diff review s54b, 11; aiminghigh audit s54, 13).
    return (
        f"These are figures for {DATA_GROUP}, not for {READER_GROUPS[applicant]}. {capitalised(OWN_GROUP_FIGURES[applicant])} "
        f"Across all specialties in {rates.year}, "
        f"{table_percent(rates.for_applicant(applicant))} of {data.RATE_GROUPS[applicant]} matched against "
        f"{table_percent(rates.non_us_img_pct)} of {DATA_GROUP} ({rates.cited.cite()}). Read "
        f"{estimate} {lean}{_seniors_only(applicant, senior)}{any_field}{basis}"
    )


# The fields where US seniors' longer rank lists are the site's concern: the
# one seniors' figure we hold, orthopaedics', is of such a field.
COMPETITIVE_TIERS = data.HARD_TIERS


def ranks_not_your_group(spec: data.Specialty, applicant: str, ranks: Measure, ranks_said: bool = False) -> str:
    """Why the estimate with ranks carries no lean for a reader outside the
    data's group: the ranks' lift is measured among non-US IMGs, and US
    seniors in competitive fields rank many more programs than they do.  The
    only seniors' figures we hold are orthopaedics' (Sudah and others).
    ``ranks_said``: the note before it has spoken of the ranks already
    (``not_your_group``'s ``ranks_low``), so they are no "other matter"."""
    theirs = (
        f"{'How your ranks move' if ranks_said else 'Your ranks are another matter: how they move'} the estimate "
        f"comes from {DATA_GROUP} in {spec.name}, of whom "
        f"those who matched had ranked a mean of {ranks.matched.mean:g} programs in it and those who did not "
        f"{ranks.unmatched.mean:g}."
    )
    if applicant not in data.US_GRADUATE_TYPES:
        return (
            f"{theirs} We hold no count of {READER_GROUPS[applicant]}' ranks, so read the estimate with your ranks as "
            "background only, leaning neither way."
        )
    if spec.tier not in COMPETITIVE_TIERS:
        # Orthopaedics' seniors say nothing of a field like family medicine,
        # where 8 ranks had been told they "may sit near" the unmatched
        # figure (diff review s43, 4).
        return (
            f"{theirs} We hold no count of US seniors' ranks in {spec.name}, so read the estimate with your ranks as "
            "background only, leaning neither way."
        )
    matched_mean, unmatched_mean = data.ORTHO_US_SENIOR_CONTIG_MEANS
    elsewhere = (
        "We hold no such figures for DO seniors, nor for US MD seniors in any other field"
        if spec.slug == "orthopaedic-surgery"
        else f"We hold no such figures for {spec.name}" + (", nor for DO seniors in any field" if applicant == "us-do" else "")
    )
    yours = counted(ranks.value, "rank")
    one = ranks.value == 1
    return (
        f"{theirs} US seniors in competitive fields rank many more programs than that: in orthopaedic surgery, US MD "
        f"seniors who matched had ranked a mean of {matched_mean:g} programs in the field and those who did not "
        f"{unmatched_mean:g} ({data.ORTHO_CONTIGUOUS_RANKS.cite()}). {elsewhere}. "
        + (
            f"So {yours}, which {'raises' if one else 'raise'} the estimate here, may sit near your own group's "
            "unmatched figure. "
            if (ranks.log_lr or 0.0) > 0
            else f"So {yours}, which already {'lowers' if one else 'lower'} the estimate here, may count for still "
            "less in your own group. "
        )
        + "Read the estimate with your ranks as background, leaning neither way: your group's higher match rate and "
        "its longer rank lists pull against each other, and these figures cannot say which weighs more."
    )


def _seniors_only(applicant: str, senior: bool | None) -> str:
    """The end of that note: the US rates are seniors' rates."""
    if applicant not in data.US_GRADUATE_TYPES or senior:
        return "."
    if senior is None:
        return f". If you graduated in an earlier year, though: {data.PRIOR_GRADUATE_RATE}"
    return f". {data.PRIOR_GRADUATE_RATE}"


def _method_name(used: list[Measure]) -> str:
    if not used:
        return f"Base rate only: the {DATA_YEAR} match rate for non-US IMGs who ranked this specialty first."
    # Plain words first, the statistician's names after them in brackets:
    # "prior" and "normal densities" met readers before any explanation
    # (readability audit s24, 3).
    parts = {
        "step2_score": "your Step 2 CK (a bell curve of each group's scores)",
        "contiguous_ranks": "your contiguous ranks (a count model starting at 1)",
    }
    text = (
        f"We start from the {DATA_YEAR} match rate for this specialty and adjust it for "
        + " and ".join(parts[m.key] for m in used)
        + ", by how common your answer was among those who matched against those who did not (Bayes' rule"
    )
    if len(used) > 1:
        text += ", taking the two as independent within each group: naive Bayes"
    text += ")."
    level = next((m.level for m in used if m.level is not None), None)
    if level is not None:
        text += (
            f" The Step 2 CK curve is held level {level_span(level)}, your score included, so that a higher score "
            "never lowers the estimate."
        )
    return text


class CurvePoint(TypedDict):
    score: int
    probability: float


class BaseRateSizes(TypedDict):
    matched: int
    unmatched: int


class MeasureSizes(TypedDict):
    matched: int | None
    unmatched: int | None
    basis: str


class SampleSizes(TypedDict):
    """How many applicants stand behind the base rate and each measure entered."""

    base_rate: BaseRateSizes
    step2_score: MeasureSizes | None
    contiguous_ranks: MeasureSizes | None


# Ranks typed in hope moved a reapplicant's 40% to 79% in the headline, with
# the score-alone figure only in the notes: the ranks count interviews the
# reader may not get (reapplicant-journey audit s38, 5).
SCORE_ALONE_WORDS = (
    " From your Step 2 CK alone, {}: the ranks you entered are programs you would interview at, which this "
    "estimate takes as given."
)


# --- No program to rank ---------------------------------------------------------------------
# Where in the year a reader with no program to rank stands: applications
# can still bring an interview this season, they can no longer (the
# timeline's rule, cycle.too_late_for_interviews), or the next season is
# still ahead of them.
NoRanksPhase = Literal["in-time", "too-late", "ahead"]


class NoRanksWords(TypedDict):
    """What a result with no program to rank says in place of an estimate."""

    headline: str
    why: str
    next_steps: str


def no_ranks_phase(today: dt.date) -> tuple[NoRanksPhase, int]:
    """The phase of the year for a reader with no program to rank, and the Match it is about."""
    year = cycle.coming_season(today)
    if cycle.too_late_for_interviews(year, today):
        return "too-late", year
    if cycle.applications_going_out(year, today):
        return "in-time", year
    return "ahead", year


def soap_for_no_ranks(when: str = "in Match Week") -> str:
    """SOAP, as the SOAP guide words who may take part: a reader with no
    program to rank may still need it, and only a registered applicant can."""
    return (
        f"{when} it lets eligible applicants who did not match apply to places still unfilled, and only applicants "
        f"registered for the Match can take part ({data.NRMP_SOAP.cite()})."
    )


def this_season(phase: NoRanksPhase) -> str:
    """The words " this season" in a season's phases, none before it opens."""
    return "" if phase == "ahead" else " this season"


def no_ranks_words(spec: data.Specialty, phase: NoRanksPhase, next_steps: str) -> NoRanksWords:
    """The headline and next steps for a reader with no program of ``spec`` to rank."""
    name = spec.name
    return {
        "headline": f"With no {name} program to rank, the Match cannot place you in {name}{this_season(phase)}.",
        "why": (
            f"It places applicants only at programs on their own rank order lists ({data.NRMP_ALGORITHM.cite()}), so "
            "this calculator gives no percentage for that field."
        ),
        "next_steps": next_steps,
    }


def no_ranks_steps(spec: data.Specialty, today: dt.date, phase: NoRanksPhase, year: int) -> tuple[str, list[str]]:
    """What a reader with no program of ``spec`` to rank can still do on
    ``today``, in ``phase`` of ``year``'s Match (no_ranks_phase), in full and,
    longest first, in the read-out's few words."""
    name = spec.name
    dates = cycle.season(year)
    later = f"More {name} programs or a backup field belong in your plan for the next season."
    if phase == "in-time":
        # The day program counts, the finder and the timeline give, in their words.
        last = long_date(cycle.last_day_for_an_interview(year))
        # The check's and program counts' words, in full and short (diff review s52b, 5).
        goes, where = cycle.where_new_applications_go(spec.slug, year, today)
        return (
            f"{goes} {cycle.send_by(year)} Get ready for SOAP as well: {soap_for_no_ranks()} {cycle.SHORT_OF_INTERVIEWS}",
            [
                f" Send applications to {where} by about {last}, and prepare for SOAP.",
                f" Apply to {where} now, and prepare for SOAP.",
            ],
        )
    if phase == "too-late" and today < dates["match_week"].date:
        deadline = dates["rank_deadline"]
        # Past our early estimate the date is not said as still to come, and
        # "set early on purpose" is said once (diff review s52b, 2).  Closed
        # by our reckoning only, from 4 March 2027 to Match Week, they are
        # said to have "almost certainly" closed, with why, as the guides say
        # it (soap audit s55, 3).
        closed = (
            f"The rank lists for the Match {year} have almost certainly closed ({cycle.deadline_gaps_said()})."
            if cycle.rank_lists_almost_certainly_closed(year, today)
            else f"The rank lists for the Match {year} have closed."
            if not cycle.rank_lists_may_be_open(year, today)
            else f"By our rule, an application sent now is unlikely to bring an interview: {cycle.estimate_passed(deadline, 'the rank-list deadline')}."
            if today > deadline.date
            else "By our rule, an application sent now is unlikely to bring an interview before the rank lists close on "
            f"{long_date(deadline.date)}.{cycle.too_late_caveat(year, today)}"
        )
        return (
            f"{closed} What is left this season is SOAP, so get ready for it now: {soap_for_no_ranks()} {later} "
            f"{cycle.SHORT_OF_INTERVIEWS}",
            [" Prepare for SOAP, and widen for the next season."],
        )
    if phase == "too-late" and today <= dates["soap_ends"].date:
        return (
            f"The rank lists for the Match {year} have closed, and SOAP is the route left this season: "
            f"{soap_for_no_ranks('this week')} {later} {cycle.AFTER_SOAP_POINTER}",
            [" SOAP, this week, is the route left this season."],
        )
    # The reader's today, not none: with none, SOAP's end stayed "by our
    # estimate... confirm" on 1 April, where the guides say it is over
    # (soap audit s55, 9).
    if phase == "too-late":
        return f"{cycle.after_soap(year, today)} {cycle.AFTER_SOAP_POINTER} {later}", [" Widen for the next season."]
    plan = f"Before you apply, add more {name} programs, or a backup field beside it, so that you have programs to rank."
    heard = [" Apply to more programs, or a backup field, so that you have programs to rank."]
    # In the weeks after SOAP, a reader with no program to rank has likely
    # just gone unmatched: what that spring still holds comes first.
    if (after := cycle.after_soap_season(today)) is not None:
        return f"{cycle.after_soap(after, today)} {cycle.AFTER_SOAP_POINTER} {plan}", heard
    return f"{plan} And know the fallback if a season ends without a match, SOAP: {soap_for_no_ranks()}", heard


def _no_ranks_yardstick(spec: data.Specialty) -> str | None:
    """The field's medians of ranks, with source and year, as a yardstick for the reader's next count."""
    outcome = spec.outcome
    if outcome is None:
        return None
    matched, unmatched = outcome.contig_matched.median, outcome.contig_unmatched.median
    source = f"({CHARTING_OUTCOMES.named()}; self-reported)"
    who = f"{DATA_GROUP} who ranked {spec.name} first"
    if matched is not None and unmatched is not None:
        return (
            f"A yardstick for your next count: {who} and matched had ranked a median of {matched:g} of its programs, "
            f"and those who did not match {unmatched:g} {source}."
        )
    if unmatched is not None:
        return f"A yardstick for your next count: {who} and did not match had ranked a median of {unmatched:g} of its programs {source}."
    return None


def _no_ranks_result(v: Mapping[str, object], spec: data.Specialty) -> MatchOddsResult:
    """The result for no program of ``spec`` to rank: no estimate, and what can still be done."""
    outcome = spec.outcome
    assert outcome is not None
    today = cycle.reference_date()
    phase, year = no_ranks_phase(today)
    next_steps, todo = no_ranks_steps(spec, today, phase, year)
    words = no_ranks_words(spec, phase, next_steps)
    name = spec.name
    notes = [
        *([yardstick] if (yardstick := _no_ranks_yardstick(spec)) else []),
        f"0 here means no categorical or advanced {name} program. {PRELIM_NOT_COUNTED} A preliminary or transitional "
        f"program on your list can still place you, but not in a full {name} residency "
        f"({data.NRMP_POSITION_TYPES.cite()}).",
        "The Match can still place you in another specialty whose programs are on your list. To see that field's "
        "figures, choose it as the specialty and enter how many of its programs you will rank.",
    ]
    headline = words["headline"]
    summary = profile.after_pass_note(v, f"{name}: {headline[0].lower()}{headline[1:]} {words['why']} {words['next_steps']}")
    # The read-out keeps to its 40 words: what to do is shortened, then dropped.
    when = this_season(phase)
    said = f"{name}: with no program to rank, the Match cannot place you in it{when}. No percentage here."
    announced = first_within_read_out(
        [profile.after_pass_note(v, f"{said}{tail}", heard=short) for tail in [*todo, ""] for short in (False, True)]
    )
    gist = first_within_pinned_line(
        [f"{name}: no program to rank, so no match in it{when}.", f"{name}: no program to rank, no match in it."]
    )
    applicant = word(v, "applicant_type")
    return {
        "inputs": dict(v),
        "specialty_name": name,
        "base_rate": round(base_rate(spec), 4),
        # No figure from the model: the Match cannot place the reader in the field.
        "probability": None,
        "far_from_data": [],
        "n": {
            "base_rate": {"matched": outcome.img_matched, "unmatched": outcome.img_unmatched},
            "step2_score": None,
            "contiguous_ranks": None,
        },
        "method": (
            f"No estimate: with no {name} program to rank, the model is not run. Its figures hold only applicants "
            "who ranked at least one program in the field."
        ),
        "notes": notes,
        "measures": [],
        "curve": [],
        "curve_unavailable": f"with no {name} program to rank, there is no estimate to draw.",
        "source": CHARTING_OUTCOMES.cite(),
        # Whose figures they are matters only beside a figure: with none, no
        # note tells the reader how to read one.
        "comparison_group": {
            "applicant_type": applicant,
            "described": comparison_group(spec, applicant)["described"],
            "reader_in_group": applicant == "non-us-img",
            "note": None,
        },
        "summary": summary,
        "announced": announced,
        "gist": gist,
        "rough": False,
        "score_alone": None,
        "few_ranks": None,
        # The medians are in the notes, as a yardstick for the next count.
        "below_matched_median": None,
        # No figure for them to push too high.
        "unseen_flags": [],
        "no_ranks": words,
    }


class MatchOddsResult(TypedDict):
    inputs: dict[str, object]
    specialty_name: str
    base_rate: float
    # None where the model gives no figure: no program of the field to rank.
    probability: float | None
    far_from_data: list[str]
    n: SampleSizes
    method: str
    notes: list[str]
    measures: list[MeasureRow]
    curve: list[CurvePoint]
    curve_unavailable: str | None
    source: str
    comparison_group: ComparisonGroup
    summary: str
    announced: str
    gist: str
    # Whether a measure used rests on few applicants: the headline and the read-out both say so.
    rough: bool
    # With ranks entered beside a score: the estimate from the score alone, said beside the headline figure.
    score_alone: float | None
    # Ranks entered but left out: set against the unmatched group's median (few_ranks).
    few_ranks: str | None
    # While a season is under review, ranks below the matched group's median
    # (below_matched_median), with the Timeline guide's section to read.
    below_matched_median: str | None
    # The red flags entered that these figures cannot see (unseen_flags).
    unseen_flags: list[str]
    # With no program of the field to rank: what is said instead of an estimate.
    no_ranks: NoRanksWords | None


def compute(inputs: Mapping[str, object]) -> MatchOddsResult:
    v = parse_inputs(FIELDS, inputs)
    spec = data.specialty(word(v, "specialty"))
    outcome = spec.outcome
    if outcome is None:  # every selectable specialty has a row; guard the contract anyway
        raise InputError("specialty", f"Specialty has no {DATA_YEAR} NRMP figures: {spec.name}.")
    step2 = whole_or_none(v, "step2_score")
    ranks = whole_or_none(v, "contiguous_ranks")
    if ranks == NO_RANKS:
        return _no_ranks_result(v, spec)
    prior = base_rate(spec)

    measures: list[Measure] = []
    if step2 is not None:
        measures.append(step2_measure(spec, step2))
    if ranks is not None:
        measures.append(contig_measure(spec, ranks))
    # An input whose figures are suppressed or too thin is left out, as if
    # left empty.  Refusing any estimate once one was entered (as this did)
    # let a neurosurgery reader's Step 2 CK, which the table called "not
    # used", delete the ranks-only 32% (moved audit s45, 1).  The figures
    # support that choice: the base rate is a published count, and the ranks'
    # figures (15 and 43 applicants) clear the floor on their own; a score
    # whose groups cannot be told apart says nothing either way.
    blocked = [m for m in measures if not m.used]
    used = [m for m in measures if m.used]
    # Only an estimate the ranks moved is kept from the seniors' lean.
    moved_by_ranks = next((m for m in used if m.key == "contiguous_ranks"), None)
    flags = unseen_flags(v)
    # As the backup finder names them to not_your_group: "a visa need".
    against = [flag if flag[0].isdigit() else f"a {flag}" for flag in flags] or None
    # Whether a US MD or DO reader is a senior: asked here as the backup
    # finder asks it, where "senior or graduate" and a caution for earlier
    # graduates met a reader who had entered 0 years (usdo audit s44, 7).
    senior = not data.prior_us_graduate(v)
    group = comparison_group(
        spec,
        word(v, "applicant_type"),
        moved_by_ranks,
        with_step2=any(m.key == "step2_score" for m in used),
        against=against,
        senior=senior,
        # Ranks as few as the unmatched group's are not met by "likely on the
        # low side" (aiminghigh audit s54, 1), whether or not the model used them.
        ranks_low=ranks if ranks is not None and few_ranks(spec, ranks) is not None else None,
    )
    reapplicant = flag(v, "previously_unmatched")

    # Two sentences, the full citation at the end: with it in the middle, the
    # first ran to 44 words (soap audit s55, 11).
    notes = [
        f"These figures describe {group['described']}. They do not cover US-citizen IMGs or US graduates "
        f"({CHARTING_OUTCOMES.cite()}, {HOW_COPIED}).",
        "The data describe one past year, not a prediction: programs, applicant pools and cut-offs change every cycle.",
        COMPARING_FIELDS_FLAT if step2_says_little(spec) else COMPARING_FIELDS,
        DUAL_APPLYING,
        "A score that was common among matched applicants is a correlation, not a guarantee: programs weigh letters, "
        "experience, interviews and visas, which this calculation cannot see. " + RED_FLAGS_UNSEEN,
    ]
    # Beside the figures' own caveat: a reader after a reserved place read the
    # field's figures as theirs (pgy1res audit s46, 6).
    if (reserved := data.reserved_places_note(spec.slug)) is not None:
        notes.insert(1, reserved)
    notes += [m.problem for m in blocked if m.problem]
    for m in used:
        notes += list(m.cautions)
    if any(m.key == "contiguous_ranks" for m in measures):
        notes.append(
            "Contiguous ranks are self-reported by applicants and unverified; they also depend on interviews, "
            "so they describe the end of the season rather than your chances before it."
        )
        if reapplicant:
            notes.append(REAPPLICANT_RANKS_NOTE)
    if len(used) > 1:
        notes.append(
            "Both measures are combined as if they were independent within the matched and the unmatched group. "
            "They probably are not (stronger applicants tend to get more interviews and so rank more programs), "
            "so the combined estimate is likely more extreme than the data justify."
        )

    probability = round(posterior(prior, [m.log_lr for m in used if m.log_lr is not None]), 4)
    method_text = _method_name(used) + "".join(f" {m.problem}" for m in blocked if m.problem)
    # The competitiveness check and the backup finder read the score alone;
    # with ranks entered this result said 93% where they, on the same score,
    # used 48%, and never said so (match-odds audit s37, 6).
    score_alone: float | None = None
    if len(used) == 2 and step2 is not None:
        score_alone = round(posterior(prior, [used[0].log_lr or 0.0]), 4)
        # The check holds only IMGs to it (its QUARTILE_APPLICANTS): a DO
        # senior read 23% as the figure behind a "single-track" on the check
        # (do-surgery audit s40, 5).
        used_by = (
            "the figure the backup finder shows, as it does not ask your ranks; the competitiveness check does not "
            "hold a US MD or DO applicant to it"
            if v["applicant_type"] in data.US_GRADUATE_TYPES
            else "the figure the competitiveness check and the backup finder use, as neither asks your ranks"
        )
        notes.insert(0, f"From your Step 2 CK alone the estimate is {about(score_alone)}: {used_by}.")
    # At the top, where the figures' one general caveat was the sixth bullet:
    # after the score-alone figure, which the headline names beside them.
    first = 1 if score_alone is not None else 0
    notes[first:first] = unseen_flag_notes(v)
    # The no-match guide sends reapplicants here, and the figures cannot tell
    # them apart, so the estimate says which way it leans for them
    # (reapplicant audit s30, 3).  A reader who did not match before reads
    # that note first, not fourth under three others (reapply2 audit s44, 3),
    # and a first-time applicant does not read it at all: its "more likely too
    # high" met a reader who had not ticked the box (planner audit s54, 5).
    if reapplicant:
        notes.insert(0, REAPPLICANT_NOTE)

    # The curve holds every input except the score fixed, so it shows how the
    # estimate would move with Step 2 CK alone.
    contig = next((m for m in measures if m.key == "contiguous_ranks"), None)
    step2_data_problem = _availability_problem(
        "Step 2 CK", spec, outcome.step2_matched, outcome.step2_unmatched, outcome.step2_matched.n, outcome.step2_unmatched.n
    )
    curve: list[CurvePoint] = []
    if step2_data_problem is None:
        fixed = [contig.log_lr] if contig is not None and contig.log_lr is not None else []
        lo, hi = curve_range(step2)
        curve = [
            {"score": s, "probability": round(posterior(prior, [step2_log_lr(spec, s), *fixed]), 4)}
            for s in range(lo, hi + 1, CURVE_STEP)
        ]
        pair = step2_pair(spec)
        monotone = step2_curve(spec)
        flat = any(level.whole_range for level in monotone.levels)
        if step2_separation(spec) < WEAK_SEPARATION_D and not flat:
            notes.append(
                f"In {spec.name}, matched and unmatched non-US IMGs had almost the same average Step 2 CK "
                f"({pair.mean_m:g} and {pair.mean_u:g}), so the score barely moves the estimate away from the base rate."
            )
        for level in monotone.levels:
            if (level.high >= lo and level.low <= hi) or (step2 is not None and level.low <= step2 <= level.high):
                notes.append(level_note(spec, monotone, level, with_other_inputs=bool(fixed)))
        below_q1 = _below_matched_q1_note(spec, step2, with_ranks=contig is not None and contig.used)
        if below_q1 and step2_says_little(spec):
            notes.append(below_q1)
    if contig is not None and contig.used and contig.value > contig_held_from(spec):
        notes.append(contig_held_note(spec))

    sizes: dict[str, MeasureSizes] = {
        m.key: {"matched": m.matched_n, "unmatched": m.unmatched_n, "basis": m.n_basis} for m in measures
    }
    n: SampleSizes = {
        "base_rate": {"matched": outcome.img_matched, "unmatched": outcome.img_unmatched},
        "step2_score": sizes.get("step2_score"),
        "contiguous_ranks": sizes.get("contiguous_ranks"),
    }

    # Whose figures they are is said in every form beside the figure, and
    # for a reader outside the group, that the group is not theirs.
    in_group = group["reader_in_group"]
    whose = "" if in_group else NOT_YOUR_GROUP
    far = [_measure_words(m) for m in used if m.far_from_data]
    # Ranks left out still have their own yardstick, which the table alone showed.
    ranks_low = few_ranks(spec, ranks) if ranks is not None and contig is not None and not contig.used else None
    # Said in the headline and the read-out, not only in the table (moved audit s45, 1).
    unused_said = unused_words([m.label for m in blocked])

    if ranks_low:
        # A yardstick with nothing to do after it (new-words audit s41, 8):
        # for a US graduate in orthopaedics the nearer figures, and in a
        # running season the guide's section on what can still be done.
        if spec.slug == "orthopaedic-surgery" and v["applicant_type"] in data.US_GRADUATE_TYPES:
            matched_mean, unmatched_mean = data.ORTHO_US_SENIOR_CONTIG_MEANS
            ranks_low += (
                f" For US MD seniors, a study of the NRMP's reports put the mean at {matched_mean:g} "
                f"ranks for those who matched and {unmatched_mean:g} for those who did not "
                f"({data.ORTHO_CONTIGUOUS_RANKS.cite()})."
            )
        if cycle.season_under_review(cycle.reference_date()) is not None:
            ranks_low += f" {cycle.SHORT_OF_INTERVIEWS}"
    # While programs read this season's applications, ranks short of the
    # matched median point to what can still be done (midseason audit s52,
    # 4); ranks at the unmatched figure, left out, already do.
    mid_season = cycle.season_under_review(cycle.reference_date()) is not None
    short_of_matched = None
    # Worked out only where the sentence can be said, not at every recompute.
    if ranks is not None and mid_season and not ranks_low:
        # "Still raise" only where the figure shown rises: 40.16% to 40.24%
        # both read "about 40%" (diff review s53, 6).
        others = [m.log_lr for m in used if m is not contig and m.log_lr is not None]
        without_ranks = round(posterior(prior, others), 4)
        raises = bool(contig and contig.used) and probability > without_ranks and about(probability) != about(without_ranks)
        # Beside it, the estimate at one rank fewer: 2 emergency medicine
        # ranks gave about 57% and 1 about 20%, and the page said only "still
        # raise" (EM audit s53, 4; diff review s53b, 6).
        one_fewer = (
            round(posterior(prior, [*others, contig_measure(spec, ranks - 1).log_lr or 0.0]), 4)
            if raises and ranks - 1 >= CONTIG_FLOOR
            else None
        )
        short_of_matched = below_matched_median(spec, ranks, raises=raises, one_fewer=one_fewer)
    # The first sentence says whose figure it is, with its source and year,
    # in 35 words at most (it ran to 36); the second that it is not the
    # reader's own chance (soap audit s55, 6 and 11).
    cited = f"{CHARTING_OUTCOMES.short} {DATA_YEAR}"
    if used:
        summary = (
            f"{spec.name}: {about(probability)} of {DATA_YEAR} {DATA_GROUP} with {used_names([m.label for m in used])} "
            f"matched ({'; '.join([cited, f'base rate {_rate(prior)}', *([whose] if whose else [])])}). {ESTIMATE_NOT_YOURS}"
            + unused_said
            + _far_words(far)
            + (SCORE_ALONE_WORDS.format(about(score_alone)) if score_alone is not None else "")
            + unseen_said(flags, group["reader_in_group"])
            + (f" {short_of_matched}" if short_of_matched else "")
        )
    else:
        base = (
            f"{spec.name}: base rate {_rate(prior)}, the share of {DATA_YEAR} {DATA_GROUP} who ranked it first and "
            f"matched ({'; '.join([cited, *([whose] if whose else [])])})."
        )
        summary = (
            f"{base} {BASE_NOT_YOURS}"
            + unused_said
            + (f" {ranks_low}" if ranks_low else "")
            + unseen_said(flags, group["reader_in_group"])
            + (f" {short_of_matched}" if short_of_matched else "")
        )

    # A DO with no score could not tell whether a COMLEX score had counted,
    # which the competitiveness check, program counts and signals all say
    # (usdo audit s44, 4): said in their words, after the figure.
    comlex = v["applicant_type"] == "us-do" and step2 is None
    if comlex:
        summary += f" {profile.NO_SCORE_NOTE_DO}"
    summary = profile.after_pass_note(v, summary)
    # Read out at every edit, the summary ran to 54-85 words for a failing
    # score or far inputs, and without the headline's "rough" (ui-check audit
    # s37, 2): the figure, how firm it is and whose, in a few words.
    rough = any(min(m.matched_n or 0, m.unmatched_n or 0) < CAUTION_GROUP_N for m in used)
    caveats = [
        *(["rough"] if rough else []),
        *([f"{_unused_names([m.label for m in blocked])} not used"] if blocked else []),
        *(["far from the data"] if far else []),
        *([whose] if whose else []),
    ]

    # The flags' clause, short, and shorter still where the read-out's room
    # runs out: it is said before the score alone, which the notes repeat.
    # The COMLEX words' short form, dropped last of all where the room runs out.
    def clauses(flag_forms: Sequence[str]) -> list[str]:
        return [*(f"{clause} {profile.NO_SCORE_HEARD_DO}" for clause in flag_forms), *flag_forms] if comlex else [*flag_forms]

    heard = clauses([unseen_clause(flags, in_group, heard=True), *unseen_heard_shorter(flags, in_group)] if flags else [""])
    # Tried after every other cut, so the read-out keeps to its 40 words
    # whatever the answers: the read-out without the flags' clause, which the
    # headline and the summary still give.  A US graduate's PM&R figure with
    # a failing score, 4 ranks and red flags ran to 41 words with the
    # shortest clause there was then (diff review s55, 6).
    unflagged = clauses([""]) if flags else []
    if used:
        # Whose figure, in its short form: "about 47% matched" read as the
        # reader's own chance (soap audit s55, 6).
        said_whose = (
            f"{spec.name}: {about(probability)} of {DATA_YEAR} {DATA_GROUP} {gist_names([m.label for m in used])} matched"
        )
        # The bracket without "an estimate" and the base rate, where the
        # longer whose-figure words leave no room for it: tried last.
        figures = [
            f"{said_whose} ({'; '.join(['an estimate', *caveats, f'base rate {_rate(prior)}'])}).",
            f"{said_whose} ({'; '.join(caveats)})." if caveats else f"{said_whose}.",
        ]
        # Kept within the read-out's length: a failing score's note takes the room.
        alone = (
            f" From your Step 2 CK alone, {about(score_alone)}."
            if score_alone is not None and not profile.step2_failing(v)
            else ""
        )
        # A failing score's note in its short form before the flags' shortest
        # clause: the short form still says the score and the passing one.
        # The pointer for ranks short of the matched median says what to do,
        # so it stays before the score-alone figure, which the headline and
        # the summary give; the figure's shorter bracket is tried before
        # either goes, as naming whose figure it is took the room they had
        # shared (soap audit s55, 6; midseason audit s52, 4).
        pointer = f" {below_matched_median(spec, ranks, short=True)}" if short_of_matched and ranks is not None else ""
        announced = first_within_read_out(
            [
                profile.after_pass_note(v, f"{figure}{clause}{tail}{said}", heard=short)
                for clause in [*heard, *unflagged]
                for short in (False, True)
                for said in dict.fromkeys((pointer, ""))
                for tail in dict.fromkeys((alone, ""))
                for figure in figures
            ]
        )
    else:
        # The base rate, whose it is, and what was left out: the long form
        # of the base rate goes before the not-used words do, and whose
        # figures they are never goes; a US senior heard "Orthopaedic
        # Surgery: base rate 22.7%." as their own (diffreview45 audit s45, 2, 3).
        unused_short = unused_words([m.label for m in blocked], short=True)
        short_base = f"{spec.name}: base rate {_rate(prior)} for {DATA_YEAR} {DATA_GROUP}{f' ({whose})' if whose else ''}."
        # Where a DO's COMLEX words or the ranks' yardstick need the room, whose figures in the fewest words.
        shortest_base = f"{spec.name}: base rate {_rate(prior)} ({DATA_GROUP.removesuffix('s')} figures)."
        yardstick = f" {few_ranks(spec, ranks, short=True)}" if ranks_low and ranks is not None else ""
        # Dropped first: the inner loops (the base rate's long form, the
        # reason for the not-used words, the flags' long clause), then the
        # ranks' yardstick, which the result repeats; the not-used words last
        # of all: with a failing score they went before the yardstick did
        # (recheck45 audit s45, 2).
        announced = first_within_read_out(
            list(
                dict.fromkeys(
                    profile.after_pass_note(v, f"{form}{unused}{yard}{clause}", heard=short)
                    for forms in (heard, unflagged)
                    for kept in ((unused_said, unused_short), ("",))
                    for yard in dict.fromkeys((yardstick, ""))
                    for clause in forms
                    for unused in kept
                    for form in ([short_base, shortest_base] if yard else [base, short_base, shortest_base])
                    for short in (False, True)
                )
            )
        )
    # What a phone keeps in view under the form, cut to three lines: the
    # figure, how firm and whose it is, a failing score and the flags'
    # caution, which came after the base rate's parenthesis and was cut off
    # (offprint audit s44, 1).  Without its caveats the line read "about 44%
    # matched" to a US senior (jsreview audit s44, 2), and with them to
    # anyone (soap audit s55, 6): the group it describes is named, and kept
    # to the line's length, which several flags overflowed.
    failing = profile.step2_failing(v)
    # With an input left out, the base rate in this short form: the whole
    # read-out, cut to three lines, lost "not used" and the visa caution
    # (diffreview45 audit s45, 3).  At 320 px even that was cut (recheck45
    # audit s45, 1): the inputs left out in a word each.
    left_out = [
        f"failing {GIST_NAMES[m.label]}" if failing and m.label == STEP2_LABEL else GIST_NAMES.get(m.label, m.label)
        for m in blocked
    ]
    # Kept the longest, in order: a failing score left out, as a failing
    # score the figure used is kept; whose figures; what else was left out
    # (diff review s55, 7).
    not_used = [f"{', '.join(left_out)} not used"] if left_out else []
    failing_left_out = failing and any(m.label == STEP2_LABEL for m in blocked)
    short_caveats = [
        *(not_used if failing_left_out else []),
        *([whose] if whose else []),
        *([] if failing_left_out else not_used),
        *(["rough"] if rough else []),
        *(["far from the data"] if far else []),
    ]
    # A failing score left out is said in the parenthesis, in a word.  One
    # the figure used is said after it, as "Score 180" or "180", after
    # "with your score", where "Step 2 CK 180" leaves no room beside the
    # field's name (diff review s55, 7).
    failing_said = (
        [f" {said}{v['step2_score']}: below passing." for said in ("Step 2 CK ", "Score ", "")]
        if failing and not failing_left_out
        else []
    )
    gist = pinned_line(
        pinned_names(spec),
        f"{about(probability)} of" if used else f"base rate {_rate(prior)} for",
        f" {gist_names([m.label for m in used])} matched" if used else "",
        short_caveats,
        failing_said,
        _unseen_tiny(flags, in_group) if flags else [[""]],
    )
    return {
        "inputs": dict(v),
        "specialty_name": spec.name,
        "base_rate": round(prior, 4),
        "probability": probability,
        "far_from_data": far,
        "n": n,
        "method": method_text,
        "notes": notes,
        "measures": [m.as_dict() for m in measures],
        "curve": curve,
        "curve_unavailable": None if curve else (step2_data_problem or (contig.problem if contig else None)),
        "source": CHARTING_OUTCOMES.cite(),
        "comparison_group": group,
        "summary": summary,
        "announced": announced,
        "gist": gist,
        "rough": rough,
        "score_alone": score_alone,
        "few_ranks": ranks_low,
        "below_matched_median": short_of_matched,
        "unseen_flags": flags,
        "no_ranks": None,
    }


# --- Presentation -----------------------------------------------------------------------------
def _dist_text(stats: Stats, group_sizes: bool = False) -> str:
    """ "n = 3" counts who reported the figure; where NRMP gives no such count
    (contiguous ranks) the group's size is said as a size, not beside
    "fewer than 5 consented" as an n (see _availability_problem)."""
    count = None if stats["n"] is None else f"group of {stats['n']}" if group_sizes else f"n = {stats['n']}"
    if stats["mean"] is None:
        return "suppressed" + (f" ({count})" if count else "")
    return f"mean {stats['mean']:g}, SD {stats['sd']:g}, {count}"


def _not_used(m: MeasureRow) -> str:
    """Why an entered input's ratio is missing, in the table's few words: "not
    used (too few applicants: matched n = 8)", as "not used (left empty)"."""
    groups = (("matched", m["matched"]), ("unmatched", m["unmatched"]))
    if any(stats["mean"] is None for _, stats in groups):
        return "not used (figures suppressed)"
    small = [f"{g} n = {stats['n']}" for g, stats in groups if stats["n"] is None or stats["n"] < MIN_GROUP_N]
    return f"not used (too few applicants: {', '.join(small)})" if small else "not used (see the notes)"


def _chart_estimate(result: MatchOddsResult) -> str:
    """What the chart shows, naming whose figures they are for a reader
    outside the group: a DO's screenshot of it read "Score 238: 21%" as their
    own chance, the headline's "Not your group" left behind (usdo audit s44, 6)."""
    return "Estimate by Step 2 CK" if result["comparison_group"]["reader_in_group"] else f"Estimate for {DATA_GROUP} by Step 2 CK"


def render_chart(result: MatchOddsResult) -> Markup:
    curve = result["curve"]
    name = str(result["specialty_name"])
    inputs = result["inputs"]
    score = inputs.get("step2_score")
    points = [(p["score"], p["probability"]) for p in curve]
    lo, hi = points[0][0], points[-1][0]
    marker = None
    where = "No score entered, so nothing is marked."
    probability = result["probability"]
    if isinstance(score, int) and probability is not None and lo <= score <= hi:
        # "You: 210, 93%" read as the reader's own chance (match-odds audit s37, 9).
        shown = _pct(probability)
        mark = (
            f"Score {score}"
            if result["comparison_group"]["reader_in_group"]
            else f"{DATA_GROUP[0].upper()}{DATA_GROUP[1:]} at {score}"
        )
        marker = Marker(score, probability, f"{mark}: {shown}")
        where = f"Your score of {score} is marked at {shown}."
    elif isinstance(score, int):
        where = f"Your score of {score} is outside the chart's range."
    first, last = points[0][1], points[-1][1]
    # A curve held level named its lowest score as the peak, since max() takes
    # the first of equal points: "highest at 200" to a screen reader, where a
    # higher score never lowers the estimate (calc-sources audit s41, 2).
    top = max(p[1] for p in points)
    peak = max((p for p in points if p[1] == top), key=lambda p: p[0])
    shape = (
        f"It is level at {_pct(first)} across the range."
        if all(p[1] == first for p in points)
        else f"It goes from {_pct(first)} at {lo:g} to {_pct(last)} at {hi:g}, highest at {peak[0]:g} ({_pct(peak[1])})."
    )
    desc = (
        f"Line chart of the estimated share of non-US IMGs who matched in {name}, by Step 2 CK from {lo:g} to {hi:g}, "
        f"{DATA_YEAR} NRMP data. {shape} {where}"
    )
    span = hi - lo
    step = 10 if span <= 120 else 20
    ticks = list(range(int(lo), int(hi) + 1, step))
    return line_chart(
        points,
        chart_id="mpb-match-odds-chart",
        title=f"Estimated match share by Step 2 CK: {name}",
        desc=desc,
        x_label="Step 2 CK score",
        y_label="Estimated share matched",
        x_domain=(lo, hi),
        x_ticks=ticks,
        marker=marker,
    )


def render_no_ranks(result: MatchOddsResult, words: NoRanksWords) -> Markup:
    """A result with no program of the field to rank: what the Match can and
    cannot do, and what can still be done, with no figure, table or chart
    for the model to claim a chance with (midseason audit s52, 4)."""
    inputs = result["inputs"]
    return el(
        "div",
        el("p", el("strong", words["headline"]), " ", words["why"], class_="mpb-headline"),
        el("p", words["next_steps"]),
        profile.render_pass_note(inputs),
        profile.worked_out_for(inputs),
        el("p", "Read this with care:"),
        el("ul", [el("li", note) for note in result["notes"]]),
        class_="mpb-result-body",
    )


def render(result: MatchOddsResult) -> Markup:
    name = str(result["specialty_name"])
    prob = result["probability"]
    if result["no_ranks"] is not None or prob is None:
        words = result["no_ranks"]
        assert words is not None, "only a result with no program to rank has no figure"
        return render_no_ranks(result, words)
    counts = result["n"]
    base_n = counts["base_rate"]
    # From the counts, not the rounded base_rate: 80 of 148 is 54.05...%,
    # which the rounded 0.5405 printed as 54.0% beside the method's 54.1%.
    prior = base_n["matched"] / (base_n["matched"] + base_n["unmatched"])
    measures = result["measures"]
    group = result["comparison_group"]
    # A reader outside the data's group reads whose figures these are first,
    # in the headline, and the rest of why right after it: the whole note in
    # the headline put about 300 bold words before a US senior's figure
    # (a11y-new audit s43, 1).
    whose, _, why = ("" if group["note"] is None else str(group["note"])).partition(". ")
    not_yours: list[object] = [] if not whose else [el("strong", "Not your group."), " ", whose, ". " if why else " "]
    why_not_yours = el("p", why, class_="mpb-note") if why else None
    # Beside whose figures these are: whether a DO's COMLEX score counted
    # (usdo audit s44, 4), in the words the competitiveness check uses.
    inputs = result["inputs"]
    comlex = (
        el("p", profile.NO_SCORE_NOTE_DO, " ", profile.COMLEX_ONLY_NOTE, class_="mpb-note")
        if inputs["applicant_type"] == "us-do" and inputs["step2_score"] is None
        else None
    )
    # Beside the figure, as in the summary: the notes name each flag.
    unseen = unseen_said(result["unseen_flags"], group["reader_in_group"])
    unused = unused_words([str(m["label"]) for m in measures if not m["used"]])
    short_of_matched = f" {result['below_matched_median']}" if result["below_matched_median"] else ""
    if any(m["used"] for m in measures):
        far = result["far_from_data"]
        # A failing score led with a bold figure that assumed a pass, and
        # only the note under it said so (match-odds audit s37, 2).
        as_a_pass = (
            f"Taking {result['inputs']['step2_score']} as a passing score, as the note below explains: "
            if profile.step2_failing(result["inputs"])
            else ""
        )
        headline = el(
            "p",
            *not_yours,
            as_a_pass,
            # What the figure used, named after it, so the figure stays early
            # in the headline (a11y-new audit s43, 1; planner audit s54, 5).
            f"{'among' if as_a_pass else 'Among'} {group['described']}, the model estimates that ",
            _about_word(float(prob)),
            el("strong", _pct(float(prob))),
            f" of those with {used_names([str(m['label']) for m in measures if m['used']])} matched.",
            _far_words(far),
            # PM&R's "about 83%" from 15 and 14 applicants read exactly as
            # internal medicine's from thousands (match-odds audit s37, 7).
            " A rough figure: it rests on few applicants (the notes below say how few)." if result["rough"] else "",
            SCORE_ALONE_WORDS.format(about(float(result["score_alone"]))) if result["score_alone"] is not None else "",
            unused,
            unseen,
            short_of_matched,
            class_="mpb-headline",
        )
    else:
        headline = el(
            "p",
            *not_yours,
            f"Base rate only, for {group['described']}: ",
            el("strong", _rate(prior)),
            # A COMLEX-only DO read "enter a score" of a score they do not have (usmd-journey audit s38, 10).
            "." + unused
            if unused
            else ". Enter a Step 2 CK score, if you have one, to refine it; a COMLEX score is not converted.",
            f" {result['few_ranks']}" if result.get("few_ranks") else "",
            unseen,
            short_of_matched,
            class_="mpb-headline",
        )
    parts: list[object] = [
        headline,
        why_not_yours,
        comlex,
        profile.render_pass_note(inputs),
        # With the years and a past no-match, which say whether a US graduate
        # is a senior, as the note on the group now does (usdo audit s44, 7).
        profile.worked_out_for(inputs),
        # Under the headline and whom it was worked out for, where it was the
        # eighth note under "Read this with care" (couples audit s54, 1).
        el("p", COUPLE_NOTE, class_="mpb-note"),
        el(
            "p",
            f"Base rate: {base_n['matched']:,} of {base_n['matched'] + base_n['unmatched']:,} non-US IMGs who ranked {name} "
            f"first matched ({_rate(prior)}; {result['source']}).",
        ),
        el("p", "Method: ", result["method"]),
    ]
    if measures:
        rows = [
            (
                str(m["label"]),
                str(m["value"]),
                _dist_text(m["matched"], group_sizes=m["measure"] == "contiguous_ranks"),
                _dist_text(m["unmatched"], group_sizes=m["measure"] == "contiguous_ranks"),
                f"{m['likelihood_ratio']:g}" if m["likelihood_ratio"] is not None else _not_used(m),
            )
            for m in measures
        ]
        # A measure left empty still gets its row, so the table accounts for every input.
        entered = {m["measure"] for m in measures}
        rows += [
            (label, "not entered", "", "", "not used (left empty)")
            for key, label in (("step2_score", STEP2_LABEL), ("contiguous_ranks", CONTIG_LABEL))
            if key not in entered
        ]
        parts.append(
            table(
                ("Measure", "Yours", "Matched group", "Unmatched group", "Likelihood ratio"),
                rows,
                caption="What each input contributed (a ratio above 1 raises the estimate, below 1 lowers it; SD: standard "
                "deviation, how widely the scores spread)",
            )
        )
        parts += [el("p", m["worked"]) for m in measures if m.get("worked")]
    curve = result["curve"]
    if curve:
        # Shrunk to a phone's width its labels would be 7 px tall: it keeps a
        # readable size and scrolls sideways there instead (calculators.css).
        caption_id = f"mpb-{NAME}-chart-caption"
        chart = scroll_region(
            render_chart(result),
            caption_id,
            hint="Swipe the chart sideways to see all of it, your own score included.",
        )
        parts.append(el("figure", chart, el("figcaption", f"{_chart_estimate(result)}, other inputs held fixed.", id=caption_id)))
        sample = [p for p in curve if p["score"] % 10 == 0]
        parts.append(
            el(
                "details",
                el("summary", "The chart as a table"),
                table(
                    ("Step 2 CK", "Estimated share matched"),
                    [(f"{p['score']:g}", _pct(p["probability"])) for p in sample],
                    caption=f"{_chart_estimate(result)}, {name}, {DATA_YEAR} data",
                ),
            )
        )
    else:
        parts.append(el("p", "No chart: ", str(result["curve_unavailable"] or "no Step 2 CK figures to draw.")))
    notes = result["notes"]
    parts.append(el("p", "Read this with care:"))
    parts.append(el("ul", [el("li", note) for note in notes]))
    return el("div", parts, class_="mpb-result-body")


def separate_sds_estimate(spec: data.Specialty, score: int) -> float:
    """A field's estimate had each group kept its own published SD: the method's counterexample."""
    o = spec.outcome
    assert o is not None
    m, u = o.step2_matched, o.step2_unmatched
    pair = NormalPair(
        mean_m=float(m.mean),  # type: ignore[arg-type]
        sd_m=float(m.sd),  # type: ignore[arg-type]
        mean_u=float(u.mean),  # type: ignore[arg-type]
        sd_u=float(u.sd),  # type: ignore[arg-type]
        shared_sd=False,
        sd_z=0.0,
    )
    return posterior(base_rate(spec), [pair.log_lr(score)])


def _separate_sds_example() -> str:
    spec = data.specialty("family-medicine")
    assert spec.outcome is not None
    m, u = spec.outcome.step2_matched, spec.outcome.step2_unmatched
    return (
        f"in {spec.name} (SD {m.sd:g} against {u.sd:g}) it would fall from {_pct(separate_sds_estimate(spec, 240))} at "
        f"240 to {_pct(separate_sds_estimate(spec, 270))} at 270"
    )


def method() -> Markup:
    """The formula, each rule with its constant and source, and the caveats."""
    rows = []
    for spec in data.SPECIALTIES:
        o = spec.outcome
        if o is None:
            continue
        s_ok = _availability_problem(
            "Step 2 CK", spec, o.step2_matched, o.step2_unmatched, o.step2_matched.n, o.step2_unmatched.n
        )
        c_ok = _availability_problem(
            "ranks", spec, o.contig_matched, o.contig_unmatched, o.img_matched, o.img_unmatched, group_sizes=True
        )
        rows.append(
            (
                spec.name,
                f"{o.img_matched:,} of {o.img_ranked_first:,} ({_rate(base_rate(spec))})",
                _dist_text(_stats(o.step2_matched, o.step2_matched.n)),
                _dist_text(_stats(o.step2_unmatched, o.step2_unmatched.n)),
                (
                    "used, "
                    + ("shared SD" if step2_pair(spec).shared_sd else "separate SDs")
                    + "".join(f", held level {level_span(lv)}" for lv in step2_curve(spec).levels)
                )
                if s_ok is None
                else "not enough data",
                f"used: matched {o.contig_matched.mean:g} (SD {o.contig_matched.sd:g}), unmatched "
                f"{o.contig_unmatched.mean:g} (SD {o.contig_unmatched.sd:g}); held level from "
                f"{counted(contig_held_from(spec), 'rank')}"
                if c_ok is None
                else "not enough data",
            )
        )
    # Figures quoted in the justification, computed from the data so they
    # cannot drift from it.
    gaps = []
    for spec in data.SPECIALTIES:
        o = spec.outcome
        if o and o.step2_matched.usable and o.step2_unmatched.usable:
            # Usable: the means are published.
            gaps.append(abs(float(o.step2_matched.mean) - float(o.step2_unmatched.mean)))  # type: ignore[arg-type]
    typical_sd = 14
    se = typical_sd * math.sqrt(2 / MIN_GROUP_N)
    flat_names = [
        spec.name
        for spec in data.SPECIALTIES
        if spec.outcome
        and spec.outcome.step2_matched.usable
        and spec.outcome.step2_unmatched.usable
        and step2_pair(spec).mean_m < step2_pair(spec).mean_u
    ]
    peds = data.specialty("pediatrics").outcome
    assert peds is not None
    pu = peds.contig_unmatched
    # Pediatrics' contiguous-ranks figures are published.
    below_one = normal_cdf(CONTIG_FLOOR - 0.5, float(pu.mean), float(pu.sd))  # type: ignore[arg-type]
    return join(
        el("h4", "Formula"),
        el(
            "p",
            f"P(match | your value) = p·f_m(x) / (p·f_m(x) + (1 − p)·f_u(x)), where p is the specialty's {DATA_YEAR} match rate for "
            "non-US IMGs who ranked it first (matched ÷ ranked first), and f_m and f_u are how common your value x was among "
            "those who matched and those who did not. The ratio f_m(x)/f_u(x) is the likelihood ratio shown in the result; "
            "the calculation runs in log-odds so extreme values stay finite.",
        ),
        el("h4", "Why Bayes' rule"),
        el(
            "p",
            "NRMP publishes, for each specialty, how many applicants matched and summaries of the matched and unmatched groups. "
            "Bayes' rule is the one way to combine exactly those pieces into the share of applicants with your value who "
            "matched, and it returns the base rate when your value is equally common in both groups. It needs no fitted "
            "parameters beyond the published ones.",
        ),
        el("h4", "Step 2 CK"),
        el(
            "p",
            "Each group's scores are modeled as a normal curve around its published mean (the formulas of Python's statistics.NormalDist). "
            f"NRMP rounds SDs to whole points, and in {DATA_YEAR} no specialty's matched and unmatched SDs differ by more than that "
            f"rounding (±{SD_ROUNDING:g}) plus sampling noise (a z-test on the log of the variance ratio at the 5% level, "
            f"z ≥ {SD_DIFFERENCE_Z:.2f}). Where they do not clearly differ, both curves use the pooled SD. With a shared SD the "
            "fitted curve moves in one direction only as the score rises: up where matched applicants averaged higher, down "
            "where they averaged lower (a fall the next rule removes). Separate SDs would make the estimate at very high or "
            f"low scores depend mostly on a one-point difference in rounded SDs; {_separate_sds_example()}, which nothing "
            "in the data supports. If a future table shows clearly different "
            "SDs, the calculator uses them, under the same rule.",
        ),
        el("h4", "A higher score never lowers the estimate"),
        el(
            "p",
            "Two bell curves can make the estimate fall as the score rises: when the unmatched group averaged higher "
            f"(in {DATA_YEAR}, {', '.join(flat_names) or 'no specialty'}), or when the two spreads differ and the curves cross twice. "
            "Neither is evidence that scoring higher hurts; the published summaries simply cannot show the score helping. "
            f"So across every score the form accepts ({SCORE_GRID[0]}–{SCORE_GRID[-1]}), the estimate from Step 2 CK is "
            "replaced by the closest curve that never falls (isotonic regression by pooling adjacent violators, each "
            f"score weighted by how many {DATA_YEAR} applicants the model places there). Where the curve already rises, nothing "
            "changes. Where it would fall, that stretch is held level at the average estimate of the applicants in it; "
            "a curve held level from end to end is exactly the base rate, because by Bayes' rule the estimates averaged "
            "over all applicants return the base rate. The result and the table below say wherever this applies.",
        ),
        el("h4", "Contiguous ranks"),
        el(
            "p",
            "A normal curve fits counts badly: for Pediatrics' unmatched group (mean "
            f"{pu.mean:g}, SD {pu.sd:g}) it would put {below_one * 100:.0f}% of applicants below one rank, which is impossible. "
            "Instead each group's count, minus one, follows a negative binomial distribution with the published mean and SD "
            "(a Poisson if the SD is too small for that), a standard model for over-dispersed counts that is whole-numbered, "
            f"never below {CONTIG_FLOOR} and skewed to the right. The data hold only applicants who ranked "
            f"at least one program, so the model's counts start at {CONTIG_FLOOR}. A count of {NO_RANKS} gets no "
            "estimate: the Match places applicants only at programs on their own lists, so the result says it cannot "
            f"place you in the field, and what can still be done. {PRELIM_NOT_COUNTED} "
            "NRMP gives no separate count for this measure, so the minimum-size rule is checked against the group sizes. "
            f"Past the count by which the unmatched group's model holds {CONTIG_TAIL_SHARE:.1%} of that group, the ratio "
            "would come from the two models' far tails, with no applicant behind it, so it is held level there, and at "
            "its peak if it peaks sooner, so that more ranks never lower the estimate (this calculator's rule). The "
            "table below gives the count from which each field's ratio is held level.",
        ),
        el("h4", "Both inputs"),
        el(
            "p",
            "With both, the two likelihood ratios are multiplied (naive Bayes). This assumes Step 2 CK and the number of ranks are "
            "independent within the matched group and within the unmatched group. They are probably related, so when both "
            "point the same way the combined estimate is likely too far from the base rate.",
        ),
        el("h4", "When an input is not used"),
        el(
            "ul",
            el(
                "li",
                "Empty cells in the NRMP table mean NRMP suppressed the figure (fewer than 5 applicants consented). "
                "Nothing is imputed: that input is left out, as if left empty, and the result says so.",
            ),
            el(
                "li",
                f"Each group must have at least {MIN_GROUP_N} applicants. With {MIN_GROUP_N} in each group and an SD of about "
                f"{typical_sd}, the gap between the matched and unmatched means is uncertain by about {se:.1f} points (one "
                f"standard error), while the gap itself is typically {median(gaps):.0f} points (median across the specialties "
                "with data), so with fewer applicants the gap could easily be chance and the input is left out. Groups under "
                f"{CAUTION_GROUP_N} are used with a note that they are rough.",
            ),
            el(
                "li",
                f"A value more than {FAR_FROM_DATA_SD:g} SDs from both groups' means is flagged: the estimate then rests on the "
                "assumed tails, not on applicants.",
            ),
            el(
                "li",
                f"The chart covers Step 2 CK {CURVE_RANGE[0]}–{CURVE_RANGE[1]}, widened to include your score (within "
                f"{CURVE_LIMITS[0]}–{CURVE_LIMITS[1]}).",
            ),
        ),
        el("h4", "Caveats"),
        el(
            "ul",
            el(
                "li",
                "The data cover non-US IMGs who ranked the specialty first; US-citizen IMGs and US graduates are not in them. "
                "No current by-specialty match rates or Step 2 CK figures for US-citizen IMGs were found to cite, so every applicant type is shown "
                "the non-US IMG figures, and a reader of another type is told so in the headline, with their own group's "
                "overall match rate.",
            ),
            el("li", f"They describe the {DATA_YEAR} Match. They are not a prediction for the next one."),
            el("li", "Matching is decided by programs weighing far more than two numbers; a high estimate guarantees nothing."),
            el("li", "Contiguous ranks are self-reported; Step 2 CK scores are reported to NRMP by USMLE."),
            el("li", "This site is not affiliated with the NRMP; the figures are cited with attribution."),
        ),
        table(
            ("Specialty", "Matched of ranked first", "Step 2 CK, matched", "Step 2 CK, unmatched", "Step 2 CK", "Ranks"),
            rows,
            caption=f"The {DATA_YEAR} figures behind each specialty (NRMP Charting Outcomes, non-US IMGs)",
        ),
        el("h4", "Source"),
        el("p", f"{CHARTING_OUTCOMES.cite()}, {HOW_COPIED}."),
    )
