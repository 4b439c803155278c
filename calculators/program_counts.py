"""Program counts: how many programs to apply to in a first-choice specialty
and in a backup, how to split the list between the two, and how to mix reach,
target and likely programs within each.

Every count is a range one of the source articles gives for a named field or
situation.  The competitiveness check's band (single-track, dual apply, dual
apply strongly, pivot) only decides which of those ranges applies and which
part of it to aim for.  The rules move in one direction: a weaker band never
recommends fewer programs in the field that carries the application, and
never a smaller backup.  The one deliberate exception is the pivot, where the
backup becomes the main application and the first choice shrinks to a small
hand-picked set (the no-match article's 80/20 example); its mirror is a
reapplicant changing field who names the new field first (``CHANGING_FIELD``),
whose backup, the field being left, is the hand-picked set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple, TypedDict

from . import charts, competitiveness, cycle, data, match_odds, profile
from .competitiveness import BAND_LABELS, BAND_ORDER, Band
from .data import ARTICLE_IMG, ARTICLE_ORTHO, ARTICLE_ULTRA, ARTICLE_UNMATCHED, Source
from .fields import BoolField, InputError, flag, parse_inputs, whole, word, word_or_none
from .html import Markup, and_list, capitalised, counted, el, join, table, table_percent
from .registry import first_within_pinned_line, first_within_read_out

NAME = "program_counts"
TITLE = "How many programs to apply to"
SUMMARY = (
    "Turns your competitiveness band into a program count for your first-choice specialty and a backup, "
    "a split between them, and a mix of reach, target and likely programs."
)

Aim = Literal["whole", "lower-half", "upper-half", "top", "quarter-of-backup", "quarter-of-first-choice"]


def range_text(low: int, high: int, open_ended: bool) -> str:
    """A count as the reader sees it everywhere: "60", "60–80", or "60–100+"
    where more can be right."""
    return (str(low) if low == high else f"{low}–{high}") + ("+" if open_ended else "")


@dataclass(frozen=True)
class ArticleRange:
    """A program count one of the articles gives: a rule of thumb, not data."""

    key: str
    low: int
    high: int
    open_ended: bool
    context: str
    source: Source

    @property
    def mid(self) -> int:
        # Rounded half up, so a range's two halves always meet.
        return (self.low + self.high + 1) // 2

    def text(self) -> str:
        return range_text(self.low, self.high, self.open_ended)


# ============================================================================
# The rules.  Each range names the article it comes from; ``method()`` prints
# this block on the calculator's page.
# ============================================================================

# --- First-choice field ------------------------------------------------------
# The ultra-competitive article's "typical ranges for a US citizen IMG".
DERMATOLOGY = ArticleRange(
    "dermatology",
    60,
    100,
    True,
    "Dermatology, for a US-citizen IMG who is not screened out by exam failures or school.",
    ARTICLE_ULTRA,
)
ORTHOPAEDICS = ArticleRange(
    "orthopaedics",
    60,
    90,
    True,
    "Orthopaedic surgery, for a US-citizen IMG. The orthopaedics article's own figure is 60–80+.",
    ARTICLE_ULTRA,
)
OTHER_ULTRA = ArticleRange(
    "other-ultra",
    50,
    80,
    True,
    "Other ultra-competitive fields (ENT, plastics, neurosurgery; the same article lists radiology among the dream fields it "
    "covers, and the radiology article, which calls radiology moderately competitive overall, gives no count).",
    ARTICLE_ULTRA,
)
# Shown beside the ultra article's orthopaedic range so readers see both.
ORTHOPAEDICS_ORTHO_ARTICLE = ArticleRange(
    "orthopaedics-ortho-article",
    60,
    80,
    True,
    "Orthopaedic surgery when dual applying as a US-citizen IMG.",
    ARTICLE_ORTHO,
)
# Outside the ultra-competitive fields, the one first-choice figure the
# articles give is the IMG article's worked example: psychiatry first, for a
# non-US IMG with Step 2 CK 229, a J-1 visa need and an older graduation year.
# The IMG article's worked example, as the article gives it: a profile, not
# "several red flags", which were our reading (figures audit s53, 6).
EXAMPLE_READER = (
    "a non-US IMG with a Step 2 CK of 229, observerships only, a J-1 visa to obtain and a "
    f"{data.IMG_EXAMPLE_GRADUATION_YEAR} graduation"
)
GENERAL_FIRST_CHOICE = ArticleRange(
    "general-first-choice",
    60,
    80,
    False,
    f"The IMG article's worked example: psychiatry as the first choice of {EXAMPLE_READER}.",
    ARTICLE_IMG,
)
FIRST_CHOICE_RANGES: dict[str, ArticleRange] = {
    "dermatology": DERMATOLOGY,
    "orthopaedic-surgery": ORTHOPAEDICS,
    "otolaryngology": OTHER_ULTRA,
    "plastic-surgery": OTHER_ULTRA,
    "neurological-surgery": OTHER_ULTRA,
    "diagnostic-radiology": OTHER_ULTRA,
}

# --- Broad fields applied to by an uncertain applicant -------------------------
# The IMG article's worked example puts family medicine at 80–120 behind
# psychiatry; the orthopaedics article says IMGs unsure of their chances often
# send 80+ IM or FM applications; the IMG article adds that 100+ is common for
# IMGs in some backup fields.  Used for IM and FM as a large backup, and for
# any non-ultra field an uncertain applicant applies to alone.
BROAD_PRIMARY_CARE = ArticleRange(
    "broad-primary-care",
    80,
    120,
    False,
    "Internal or family medicine for an IMG unsure of matching (IMG article's family medicine example, 80–120; "
    "the orthopaedics article's 80+).",
    ARTICLE_IMG,
)
# The no-match article: after a no-match, "60–100+" in backup fields such as
# IM, FM, psychiatry, pediatrics and anesthesiology, depending on risk factors.
NO_MATCH_BACKUP = ArticleRange(
    "no-match-backup",
    60,
    100,
    True,
    "A backup field carrying most of the application, per the no-match article (its examples: IM, FM, psychiatry, "
    "pediatrics and anesthesiology), more towards the top with more risk factors.",
    ARTICLE_UNMATCHED,
)

# --- Backup kept second (single-track or dual apply) --------------------------
GENERAL_SURGERY_BACKUP = ArticleRange(
    "general-surgery-backup",
    20,
    40,
    False,
    "Categorical general surgery behind orthopaedics, from the ultra article's orthopaedic roadmap (70–90 orthopaedic programs).",
    ARTICLE_ULTRA,
)
PMR_BACKUP = ArticleRange(
    "pmr-backup",
    40,
    60,
    False,
    "PM&R as the backup to orthopaedic surgery.",
    ARTICLE_ORTHO,
)
DEFAULT_SECONDARY_BACKUP = ArticleRange(
    "secondary-backup",
    40,
    60,
    False,
    "Categorical internal medicine behind dermatology, from the ultra article's dermatology roadmap (80–100 "
    "dermatology programs), written for a US-citizen IMG with first-attempt passes after a research year; used for any "
    "backup without its own figure.",
    ARTICLE_ULTRA,
)
# Both figures were written for a backup to orthopaedics, and only there do
# they apply: given behind any first choice, general surgery, the hardest
# backup for an IMG (28.6% of non-US IMGs who ranked it first matched), got
# the fewest programs of all.
SECONDARY_BACKUP_RANGES: dict[tuple[str, str], ArticleRange] = {
    ("orthopaedic-surgery", "general-surgery"): GENERAL_SURGERY_BACKUP,
    ("orthopaedic-surgery", "pmr"): PMR_BACKUP,
}
# Where a pairing has an article of its own, that article wins: the
# orthopaedics article tells a reader unsure of matching in orthopaedics to
# send internal or family medicine "80+" applications.  The IMG article's
# 80-120 family medicine behind psychiatry is not a pairing rule: its reader
# (229, observerships only, a J-1 to obtain, graduated 2019) is "Dual apply, strongly" here, where every internal or
# family medicine backup takes it (LARGE_BACKUP_RANGES).  Given to psychiatry
# alone at "Dual apply", it sent a psychiatry applicant twice the family
# medicine applications a pediatrics applicant with the same file was told.
PAIRED_BACKUP_RANGES: dict[tuple[str, str], ArticleRange] = {
    ("orthopaedic-surgery", "internal-medicine"): BROAD_PRIMARY_CARE,
    ("orthopaedic-surgery", "family-medicine"): BROAD_PRIMARY_CARE,
}

# --- A non-US IMG's internal or family medicine backup at "dual apply" ----------
# The one count the articles give a non-US IMG for such a backup is the IMG
# article's 80-120 (family medicine behind psychiatry), and the orthopaedics
# article says "many IMGs apply to 80+ if uncertain".  The 40-60 behind
# dermatology was written for a US-citizen IMG after a research year.  A
# non-US IMG needing a visa with Step 2 CK 241 got those 40-60 family
# medicine programs behind 60-80 in psychiatry (audit s18, advice 2).  At
# "dual apply" they get the lower half of the broad range (80-100), its whole
# staying for "dual apply, strongly"; a reader whose band allows a small
# backup keeps the small one.
BROAD_BACKUP_APPLICANTS = frozenset({"non-us-img"})
BROAD_BACKUP_AIM_AT_DUAL_APPLY: Aim = "lower-half"
# Any other backup that would take those 40-60 (psychiatry, pediatrics,
# anesthesiology and the like) takes the no-match article's 60-100+ for a
# non-US IMG, the lowest count an article gives that group in such fields:
# with only IM and FM raised, psychiatry, the IMG article's first backup for
# neurology, got 40-60 where internal medicine got 80-100, and anesthesiology,
# harder than either for a non-US IMG, the same 40-60 (mid-tier audit s35, 1).
OTHER_BACKUP_AT_DUAL_APPLY = replace(
    NO_MATCH_BACKUP,
    key="non-us-second-backup",
    context="A backup kept second by a non-US IMG: the no-match article's range for backup fields (its examples: "
    "IM, FM, psychiatry, pediatrics and anesthesiology), the lowest any article gives that group in the fields it "
    "names.",
)

# --- Backup carrying a large share (dual apply strongly, pivot) ----------------
LARGE_BACKUP_RANGES: dict[str, ArticleRange] = {
    "internal-medicine": BROAD_PRIMARY_CARE,
    "family-medicine": BROAD_PRIMARY_CARE,
}
DEFAULT_LARGE_BACKUP = NO_MATCH_BACKUP
# The fields the IMG article's 80-120 is given for.  Any other field applied
# to alone at "dual apply, strongly" keeps its own range's top, and the
# advice is a second field: general surgery (28.6% of non-US IMGs who ranked
# it first matched) got 80-120 and "apply to one broad field alone".
BROAD_FIELDS = frozenset(slug for slug, rule in LARGE_BACKUP_RANGES.items() if rule is BROAD_PRIMARY_CARE)


# --- Which backups are accepted --------------------------------------------------
# An ultra-competitive field is refused as a backup, as the backup finder
# leaves it out: the no-match article judges these fields unrealistic as a
# backup for most applicants, and the orthopaedics article asks that a backup
# be clearly easier to match.  Any other backup the backup finder leaves out
# (harder than the first choice, radiology, or as hard and paired by no
# article) is accepted with a plain warning at the top of the result: the
# reader may know better, but should know what the finder's rule says.

# --- After a no-match ---------------------------------------------------------------
# The no-match article asks a reapplicant for volume in the backup, 60-100+,
# whatever else the band says, so after a no-match the backup never drops
# below that range.

# --- Split between the fields at a pivot ---------------------------------------
# The no-match article's allocation example: 80% of programs in the backup,
# 20% in a tightly chosen set in the original field.
PIVOT_BACKUP_PCT = 80
PIVOT_FIRST_CHOICE_PCT = 100 - PIVOT_BACKUP_PCT
# The smaller part of that split, and the set that fills it, as the pivot and
# a change of field both say them.
SMALL_PART = f"the {PIVOT_FIRST_CHOICE_PCT} in an {PIVOT_BACKUP_PCT}/{PIVOT_FIRST_CHOICE_PCT} split"


def hand_picked(where: str) -> str:
    """Keep only the article's curated set in the field named by ``where``."""
    return (
        f"keep only a hand-picked set in {where} (programs where you have a connection or a real chance), following "
        f"the no-match article's {PIVOT_BACKUP_PCT}/{PIVOT_FIRST_CHOICE_PCT} example"
    )


# --- Mix of reach, target and likely programs ---------------------------------
# The no-match article: at least 70–80% of a backup list should be its "most
# realistic" and "stretch but reasonable" tiers, so reach programs stay at or
# under 20–30%.  The article does not split the other two tiers; this
# calculator's own split moves weight towards likely programs as the band
# weakens, and at a pivot goes a step past the article's 80% (which is a floor).
REACH_PCT: dict[Band, int] = {"single-track": 30, "dual-apply": 25, "dual-apply-strongly": 20, "pivot": 15}
LIKELY_PCT: dict[Band, int] = {"single-track": 30, "dual-apply": 35, "dual-apply-strongly": 45, "pivot": 55}

# The hand-picked set of a pivot or a change of field: a quarter of the other
# field's count, not a part of its own range.
QUARTER_AIMS: frozenset[Aim] = frozenset({"quarter-of-backup", "quarter-of-first-choice"})
# Which part of a range each band aims for, and why.
AIM_TEXT: dict[Aim, str] = {
    "whole": "the whole range",
    "lower-half": "the lower half of the range",
    "upper-half": "the upper half of the range",
    "top": "the top of the range",
    "quarter-of-backup": f"a quarter of the backup count ({SMALL_PART})",
    "quarter-of-first-choice": f"a quarter of the first choice's count ({SMALL_PART})",
}
# ============================================================================

# A reapplicant changing field who names the new field first: after a no-match
# the backup is given the volume, which suits a list whose backup is the new
# field.  A family medicine reapplicant who had gone unmatched in internal
# medicine, entered the natural way, got 39% in the new field (then trimmed)
# and 61% in the one being left, where the no-match article's example puts
# 80% in the new field (fmusimg audit s46, 1).  Asked here and by
# signals, which asks every input of this calculator, so not in ``profile``.
# Ticked, the backup may be an ultra-competitive field: the one being left,
# not a net (profile.backup_rule; diffreview47 audit s47, 1).
CHANGING_FIELD = BoolField(
    name="changing_field",
    label="Changing field: my backup is the field I did not match in",
    help=(
        "Only after a no-match, with the new field as your target specialty and the field you are leaving as the "
        "backup. The new field then carries most of your list, and the one you are leaving keeps a small, chosen set, "
        f"about a fifth, as the no-match article's example divides them ({PIVOT_BACKUP_PCT}/{PIVOT_FIRST_CHOICE_PCT}). "
        "Leave it unticked if you are applying to the same field again. Leaving an ultra-competitive field, such as "
        "dermatology? Tick this and the backup list offers it."
    ),
)

# Every competitiveness input, so the band here is the one that check shows.
FIELDS = (*competitiveness.FIELDS, profile.BACKUP_SPECIALTY, CHANGING_FIELD)


def _changing_field_needs_its_pair(v: Mapping[str, object]) -> None:
    """A change of field is said of a no-match and of a named backup: without
    either the answer describes no list this calculator plans.  An error, as
    signals' backup count without a backup is, rather than an answer dropped
    in silence: the reader who ticked it went unmatched, and a result worked
    out as for a first application would score them as one."""
    if not flag(v, CHANGING_FIELD.name):
        return
    missing = [
        *([f"“{profile.PREVIOUSLY_UNMATCHED.label}” ticked"] if not flag(v, profile.PREVIOUSLY_UNMATCHED.name) else []),
        *(["the field you are leaving named as the backup specialty"] if v[profile.BACKUP_SPECIALTY.name] is None else []),
    ]
    if missing:
        raise InputError(CHANGING_FIELD.name, f"“{CHANGING_FIELD.label}” needs {and_list(missing)}, or untick it.")


RULES = (profile.backup_rule(profile.SPECIALTY, CHANGING_FIELD), _changing_field_needs_its_pair)
# Offered disabled in the form: the backups profile.backup_rule refuses.
CLOSED_CHOICES = profile.closed_backups(profile.SPECIALTY, CHANGING_FIELD)
COMPETITIVENESS_NAMES = tuple(f.name for f in competitiveness.FIELDS)


@dataclass(frozen=True)
class Recommendation:
    """One field's count: the range applied and the part of it aimed for."""

    low: int
    high: int
    rule: ArticleRange
    aim: Aim
    why: str
    # Said in brackets after the first choice's count; set where the count is
    # chosen, so the summary need not work out again which branch chose it
    # (session 49's review).
    caveat: str = ""

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2

    def counts(self) -> Counts:
        return {"low": self.low, "high": self.high}

    @property
    def open_ended(self) -> bool:
        # Any aim that reaches the top of an open-ended article range keeps its "+": more can be right.
        return self.aim in ("top", "whole", "upper-half") and self.rule.open_ended

    def text(self) -> str:
        """The count in the summary, chart and table."""
        return range_text(self.low, self.high, self.open_ended)

    def as_rule(self, role: str) -> RangeRule:
        return {
            "role": role,
            "rule": self.rule.key,
            "article_range": self.rule.text(),
            "context": self.rule.context,
            "aim": self.aim,
            "aim_text": AIM_TEXT[self.aim],
            "why": self.why,
            "caveat": self.caveat,
            # A hand-picked quarter is counted by the no-match article's split,
            # not by the range its rule names (diff review s51, 3).
            "source": (ARTICLE_UNMATCHED if self.aim in QUARTER_AIMS else self.rule.source).cite(),
            "range_source": self.rule.source.cite(),
        }


def _part(rule: ArticleRange, aim: Aim) -> tuple[int, int]:
    if aim == "lower-half":
        return rule.low, rule.mid
    if aim == "upper-half":
        return rule.mid, rule.high
    if aim == "top":
        return rule.high, rule.high
    return rule.low, rule.high


# A count the articles give for a field only in another role than the one
# these ranges fill: "the articles give no count for Anesthesiology" stood
# beside the no-match article's 70-90 anesthesia programs, the new main field
# of its worked example (anesadv audit s46, 3), and psychiatry's "largest
# count" of 80 and pediatrics' "no count" beside its 60-100+ for a backup
# after a no-match (twofails audit s46, 3).
MAIN_FIELD_EXAMPLE_COUNTS: dict[str, str] = {
    "anesthesiology": (
        "70–90 programs in its worked example of a US MD moving to it from orthopaedics after a no-match and a research year"
    ),
}


def _other_roles(slug: str) -> str | None:
    """What the no-match article counts for ``slug`` other than as a first choice."""
    roles = [
        *([example] if (example := MAIN_FIELD_EXAMPLE_COUNTS.get(slug)) else []),
        *([f"{NO_MATCH_BACKUP.text()} as a backup after a no-match"] if slug in data.NO_MATCH_BACKUPS else []),
    ]
    # Joined with a comma: the worked example's words run long.
    return f"the no-match article gives it {', and '.join(roles)}" if roles else None


def _extrapolated(spec: data.Specialty, given: str, use: str) -> str:
    """That the no-match article gives ``given`` with other fields as its
    examples (``data.NO_MATCH_BACKUPS``), so its ``use`` for ``spec`` is ours."""
    examples = and_list([each.name.lower() for each in data.SPECIALTIES if each.slug in data.NO_MATCH_BACKUPS])
    return (
        f"The no-match article gives {given} with {examples} as its examples; {spec.name} is not among them, so using it {use}."
    )


def _largest_count(spec: data.Specialty, lower: bool = False) -> str:
    """The top of a first choice's range, said as the articles' count only
    where they give one for the field: emergency medicine's 80 is a
    psychiatry example's (reapplicant audit s36, 6).  A count they give the
    field in another role is named with it."""
    rule = first_choice_range(spec.slug)
    top = f"{rule.high}{'+' if rule.open_ended else ''}"
    other_roles = _other_roles(spec.slug)
    if rule is not GENERAL_FIRST_CHOICE or spec.slug == "psychiatry":
        said = (
            f"The largest count the articles give for {spec.name} as a first choice is {top} programs; {other_roles}"
            if other_roles
            else f"The largest count the articles give for {spec.name} is {top} programs"
        )
    elif other_roles:
        said = (
            f"The articles give {spec.name} no first-choice count ({other_roles}); the nearest first-choice count "
            f"they give, for psychiatry, goes up to {top} programs"
        )
    else:
        said = f"The articles give no count for {spec.name}; the nearest they give, for psychiatry, goes up to {top} programs"
    return said[0].lower() + said[1:] if lower else said


def first_choice_range(slug: str) -> ArticleRange:
    return FIRST_CHOICE_RANGES.get(slug, GENERAL_FIRST_CHOICE)


def secondary_backup_range(primary_slug: str, slug: str) -> ArticleRange:
    if data.specialty(slug).tier in data.HARD_TIERS:
        return first_choice_range(slug)
    return SECONDARY_BACKUP_RANGES.get((primary_slug, slug), DEFAULT_SECONDARY_BACKUP)


def dual_apply_backup_range(primary_slug: str, backup_slug: str) -> ArticleRange:
    """A backup kept second by a reader unsure of the first choice."""
    return PAIRED_BACKUP_RANGES.get((primary_slug, backup_slug)) or secondary_backup_range(primary_slug, backup_slug)


def large_backup_range(slug: str) -> ArticleRange:
    if data.specialty(slug).tier in data.HARD_TIERS:
        return first_choice_range(slug)
    return LARGE_BACKUP_RANGES.get(slug, DEFAULT_LARGE_BACKUP)


def _quarter_of(low: int, high: int) -> tuple[int, int]:
    """The first choice's count at a pivot: the 20 beside the backup's 80 (no-match article)."""
    ratio = PIVOT_FIRST_CHOICE_PCT / PIVOT_BACKUP_PCT
    quarter_low = max(1, int(low * ratio + 0.5))
    return quarter_low, max(quarter_low, int(high * ratio + 0.5))


def alone(slug: str, band: Band) -> Recommendation:
    """The first choice when it is the only specialty applied to."""
    spec = data.specialty(slug)
    rule = first_choice_range(slug)
    if band == "single-track":
        return Recommendation(*_part(rule, "whole"), rule, "whole", "Your band supports applying to this field alone.")
    if band == "dual-apply":
        return Recommendation(
            *_part(rule, "upper-half"),
            rule,
            "upper-half",
            "Your band suggests adding a backup; without one, aim for the upper half of the range.",
        )
    if band == "pivot":
        # No backup named yet, but at a pivot one carries the application: this
        # field keeps the hand-picked set it would keep beside a typical backup.
        return Recommendation(
            *_quarter_of(DEFAULT_LARGE_BACKUP.low, DEFAULT_LARGE_BACKUP.high),
            rule,
            "quarter-of-backup",
            f"Pivot: a backup becomes your main application, so {spec.name} keeps only a hand-picked set, a quarter of "
            f"the {DEFAULT_LARGE_BACKUP.text()} programs a backup usually takes (the no-match article's 80/20 example). "
            "Name a backup to plan both lists; the backup finder suggests fields.",
        )
    if slug not in BROAD_FIELDS:
        return Recommendation(
            *_part(rule, "top"),
            rule,
            "top",
            f"Your band says a backup is needed. {_largest_count(spec)}; at this point their advice is to "
            "add a backup rather than lengthen the list in one field.",
        )
    broad = BROAD_PRIMARY_CARE
    return Recommendation(
        broad.low,
        broad.high,
        broad,
        "whole",
        "Your band says a backup is needed. Applying to one broad field alone, use the articles' range for an IMG "
        "unsure of matching (given for internal and family medicine).",
    )


def flags_besides_the_target(red_flags: Sequence[str]) -> list[str]:
    """The IMG article's red flags a file shows, the target field itself left out."""
    return [found for found in red_flags if found != competitiveness.TARGET_FLAG]


def flagged(red_flags: Sequence[str]) -> bool:
    """Whether a file shows one of the IMG article's red flags besides the target field itself."""
    return bool(flags_besides_the_target(red_flags))


# How a backup's basis names the reader a red flag gave the broader counts;
# the reasons name the flag beside it.
WITH_A_RED_FLAG = "with a red flag on your file"


def changing_field_applies(changing_field: bool, band: Band, left_slug: object = None) -> bool:
    """Whether a reader's change of field divides the list: at a pivot the
    check has found the new field itself structurally misaligned with the
    file, and the pivot's split, most of the list in the backup, stands;
    unless the field being left (``left_slug``) is ultra-competitive, which
    a pivot's most would send the reader back to (diffreview47 audit s47, 1:
    the pivot warning says that neither field carries them)."""
    return changing_field and (band != "pivot" or left_slug in profile.ULTRA_SLUGS)


def with_backup(
    primary_slug: str,
    backup_slug: str,
    band: Band,
    reapplying: bool = False,
    applicant_type: str | None = None,
    red_flag: bool = False,
    changing_field: bool = False,
) -> tuple[Recommendation, Recommendation]:
    """The first choice and the backup when dual applying; ``red_flag`` is
    whether the file shows one of the IMG article's red flags besides the
    target field (see ``flagged``).  ``changing_field``: a reapplicant whose
    first choice is a new field and whose backup is the field they are
    leaving (``CHANGING_FIELD``)."""
    if reapplying and changing_field_applies(changing_field, band, backup_slug):
        # The new field carries the list, so it takes what a backup carrying
        # a reapplicant's list takes here, not its first-choice range; the
        # field being left takes the pivot's hand-picked set, mirrored.
        carrying = _backup(backup_slug, primary_slug, band, reapplying, applicant_type, red_flag)
        new_name, left_name = data.specialty(primary_slug).name, data.specialty(backup_slug).name
        # Not "untrimmed" beside an aim of the lower half: the aim is the
        # carrying backup's, and said so (diffreview47 audit s47, 7).
        aim = (
            f" At “{BAND_LABELS[band]}” that aims for the lower half of the range, and gives the whole at "
            f"“{BAND_LABELS['dual-apply-strongly']}” (our rule)."
            if carrying.aim == "lower-half"
            else ""
        )
        primary = replace(
            carrying,
            why=f"Changing field, as you answered: {new_name} carries most of your list, so rather than its "
            f"first-choice range it takes the range this calculator gives a field carrying a reapplicant's list, as "
            f"{new_name} would get as the backup here, since after a no-match the no-match article asks for volume in "
            f"that field.{aim}",
        )
        left = first_choice_range(backup_slug)
        backup = Recommendation(
            *_quarter_of(primary.low, primary.high),
            left,
            "quarter-of-first-choice",
            f"Changing field, as you answered: {hand_picked(f'{left_name}, the field you are leaving')}, so that "
            f"{new_name} carries most of the list.",
        )
        return primary, backup
    backup = _backup(primary_slug, backup_slug, band, reapplying, applicant_type, red_flag)
    first_rule = first_choice_range(primary_slug)
    if band == "pivot":
        primary = Recommendation(
            *_quarter_of(backup.low, backup.high),
            first_rule,
            "quarter-of-backup",
            f"Pivot: {hand_picked('your first choice')}.",
        )
    elif reapplying:
        # The field applied to again keeps its whole range, as on a first
        # application beside a backup.  It was cut to the lower half, towards
        # the curated set the no-match article keeps for a field being left,
        # which gave a psychiatry reapplicant who had sent 60 the 60-70 that
        # fell short, while the guide asks a second try for a broader list
        # (reapplypsych audit s49, 2).  A reader whose first choice is the new
        # field has an answer of its own (fmusimg audit s46, 1).
        name = data.specialty(primary_slug).name
        primary = Recommendation(
            *_part(first_rule, "whole"),
            first_rule,
            "whole",
            # The action first, for a reader whose first choice is the new
            # field; it came last of four cases (diffreview47 audit s47, 15).
            f"If your first choice here is a new field, tick “{CHANGING_FIELD.label}”: it then carries the list and the "
            f"field you are leaving takes about a fifth. Otherwise you are trying {name} again, and it keeps its whole "
            f"range, {first_rule.text()}, as a first application with a backup does: for a borderline reader the "
            "no-match article finds a second try at the same field reasonable, with the backup as insurance, and the "
            f"guide {competitiveness.UNMATCHED_GUIDE} asks for a broader list than last time.",
            AGAIN_CAVEAT,
        )
    else:
        primary = Recommendation(
            *_part(first_rule, "whole"),
            first_rule,
            "whole",
            "With a backup in place, extra breadth goes to the backup, so the first choice stays at the article's range.",
        )
    return primary, backup


def _backup(
    primary_slug: str,
    backup_slug: str,
    band: Band,
    reapplying: bool,
    applicant_type: str | None,
    red_flag: bool,
) -> Recommendation:
    """The backup's count behind ``primary_slug``, as ``with_backup`` gives it."""
    backup_name = data.specialty(backup_slug).name
    # So does a US-citizen IMG whose file still shows one of the IMG
    # article's red flags: the 40-60 roadmap's reader passed every exam at the
    # first attempt after a research year, and a US-citizen IMG with a failed
    # Step 1 who added a letter saw the family medicine backup halve, below
    # the first choice's count (US-citizen IMG journey audit s37, 3;
    # program-counts audit s37, 1).
    broad_reader = applicant_type in BROAD_BACKUP_APPLICANTS or (applicant_type == "us-img" and red_flag)
    as_whom = "as a non-US IMG" if applicant_type in BROAD_BACKUP_APPLICANTS else WITH_A_RED_FLAG
    if band in ("single-track", "dual-apply"):
        rule = (
            secondary_backup_range(primary_slug, backup_slug)
            if band == "single-track"
            else dual_apply_backup_range(primary_slug, backup_slug)
        )
        aim: Aim = "lower-half" if band == "single-track" else "whole"
        why = (
            "Your band allows a small backup: the lower half of the range."
            if band == "single-track"
            else f"Dual apply: {backup_name} as a real second choice, at the range the articles give for a backup kept second."
        )
        if band == "dual-apply" and broad_reader and backup_slug in BROAD_FIELDS and rule is not BROAD_PRIMARY_CARE:
            rule, aim = BROAD_PRIMARY_CARE, BROAD_BACKUP_AIM_AT_DUAL_APPLY
            why = (
                f"Dual apply {as_whom}: the articles' counts for an IMG's first-time internal or family medicine "
                "backup start at 80 (the IMG article's 80–120 for its non-US IMG; the orthopaedics article, written "
                "for US-citizen IMGs: many IMGs unsure of these fields apply to 80+), and their 40–60 was written for "
                "a US-citizen IMG with first-attempt passes after a research year. This calculator aims for the lower "
                "half of the range, and gives the whole at “dual apply, strongly” (our rule)."
            )
        # The orthopaedic roadmaps' general surgery 20-40 and PM&R 40-60 were
        # written for US-citizen IMGs too (program-counts audit s37, 4).
        elif band == "dual-apply" and broad_reader and rule in (DEFAULT_SECONDARY_BACKUP, GENERAL_SURGERY_BACKUP, PMR_BACKUP):
            # The lower half, as internal and family medicine take theirs: the
            # whole is "dual apply, strongly"'s, and the band must still tell
            # (diff review s35, 3).
            rule, aim = OTHER_BACKUP_AT_DUAL_APPLY, BROAD_BACKUP_AIM_AT_DUAL_APPLY
            why = (
                f"Dual apply {as_whom}: the 40–60 the articles give a backup kept second was written for a "
                "US-citizen IMG with first-attempt passes after a research year, so this calculator aims for the lower "
                "half of the no-match article's range instead, and gives the whole at “dual apply, strongly” (our rule)."
            )
        backup = Recommendation(*_part(rule, aim), rule, aim, why)
    else:
        rule = large_backup_range(backup_slug)
        why = (
            f"Dual apply strongly: {backup_name} takes a large share, at the articles' range for a broad backup."
            if band == "dual-apply-strongly"
            else f"Pivot: {backup_name} becomes your main application, at the articles' range for a backup carrying most "
            "of the application."
        )
        # Where "dual apply" gives a part of the same range, "a large share"
        # overstated the step: the first choice keeps its range at both bands,
        # and for a non-US IMG the split moved 3 points (crosscalc audit s51, 2).
        at_dual = (
            _backup(primary_slug, backup_slug, "dual-apply", False, applicant_type, red_flag)
            if band == "dual-apply-strongly"
            else None
        )
        if at_dual is not None and at_dual.rule is rule and at_dual.aim != "whole":
            why = (
                f"Dual apply strongly: {backup_name} takes the whole of the articles' range for a broad backup, where "
                f"“{BAND_LABELS['dual-apply']}” gives {AIM_TEXT[at_dual.aim]} ({at_dual.text()}). Your first choice "
                "keeps its range at both bands, so the split between the two fields moves only a little; the "
                f"stronger band mainly raises the likely programs in each list to {LIKELY_PCT['dual-apply-strongly']}%, "
                f"from {LIKELY_PCT['dual-apply']}% (our rule)."
            )
        backup = Recommendation(rule.low, rule.high, rule, "whole", why)
    if reapplying and data.specialty(backup_slug).tier not in data.HARD_TIERS:
        if backup.high < NO_MATCH_BACKUP.high:
            backup = Recommendation(
                NO_MATCH_BACKUP.low,
                NO_MATCH_BACKUP.high,
                NO_MATCH_BACKUP,
                "whole",
                f"After a no-match, {backup_name} gets the no-match article's volume for a backup.",
            )
        elif backup.rule is not NO_MATCH_BACKUP:
            # The article written for a reapplicant gives less; a no-match
            # must never shrink the backup, so the larger range stays, said.
            backup = replace(
                backup,
                why=f"{backup.why} After a no-match, the no-match article's own figure for a backup is "
                f"{NO_MATCH_BACKUP.text()}; the range above, which starts higher, is kept, since a no-match should never shrink the backup "
                "(our rule).",
            )
    return backup


def share(primary: Recommendation, backup: Recommendation | None) -> dict[str, int]:
    """Each field's share of the whole list, from the middle of each range."""
    if backup is None:
        return {"primary_pct": 100, "backup_pct": 0}
    primary_pct = int(100 * primary.mid / (primary.mid + backup.mid) + 0.5)
    return {"primary_pct": primary_pct, "backup_pct": 100 - primary_pct}


def tiers(band: Band) -> dict[str, int]:
    reach, likely = REACH_PCT[band], LIKELY_PCT[band]
    return {"reach_pct": reach, "target_pct": 100 - reach - likely, "likely_pct": likely}


class Counts(TypedDict):
    low: int
    high: int


class RangeRule(TypedDict):
    role: str
    rule: str
    article_range: str
    context: str
    aim: Aim
    aim_text: str
    why: str
    caveat: str
    source: str
    # Where ``article_range`` comes from, which ``source`` is not for a
    # hand-picked quarter (counted by the no-match article's split).
    range_source: str


class RangeRules(TypedDict):
    primary: RangeRule
    backup: RangeRule | None


class CountText(TypedDict):
    primary: str
    backup: str | None
    total: str


class Plan(TypedDict):
    """The counts for a pair of fields and a band; the result adds the profile behind the band."""

    primary: Counts
    backup: Counts | None
    total: Counts
    share: dict[str, int]
    tiers: dict[str, int]
    count_text: CountText
    range_rule: RangeRules


def plan(
    primary_slug: str,
    backup_slug: str | None,
    band: Band,
    reapplying: bool = False,
    applicant_type: str | None = None,
    red_flag: bool = False,
    changing_field: bool = False,
) -> Plan:
    """The counts for a pair of fields and a band, without the profile."""
    if backup_slug is None:
        primary, backup = alone(primary_slug, band), None
    else:
        primary, backup = with_backup(primary_slug, backup_slug, band, reapplying, applicant_type, red_flag, changing_field)
    total_low = primary.low + (backup.low if backup else 0)
    total_high = primary.high + (backup.high if backup else 0)
    # A part that may rightly run higher ("60–100+") leaves the sum open too.
    total_text = range_text(total_low, total_high, primary.open_ended or (backup is not None and backup.open_ended))
    return {
        "primary": primary.counts(),
        "backup": backup.counts() if backup else None,
        "total": {"low": total_low, "high": total_high},
        "share": share(primary, backup),
        "tiers": tiers(band),
        "count_text": {"primary": primary.text(), "backup": backup.text() if backup else None, "total": total_text},
        "range_rule": {
            "primary": primary.as_rule("first choice"),
            "backup": backup.as_rule("backup") if backup else None,
        },
    }


def _range_reason(name: str, rule: RangeRule, count: str) -> str:
    """One field's count and where it comes from.  A hand-picked quarter is
    said as the count it is, and the range it takes as a first choice beside
    a backup after it, with that range's own source: "rule of thumb 60–80"
    stood beside a count of 20–30 (visareapply audit s51, 7), and "on its
    own" read as its count alone, which is another (diff review s51b, 1-2)."""
    if rule["aim"] in QUARTER_AIMS:
        return (
            f"{name}: {count} programs, {rule['aim_text']}. {rule['why']} For comparison, the articles' range for it as "
            f"a first choice beside a backup is {rule['article_range']} ({rule['range_source']}). Basis of that range: "
            f"{rule['context']}"
        )
    return f"{name}: rule of thumb {rule['article_range']} programs. Basis: {rule['context']} {rule['why']}"


# A reader whose second list was preliminary surgery read "You have not
# named a backup", with nothing on why a prelim list does not count as one
# (aiminghigh audit s54, 3).  Not counting it is ours; the reason is the
# IMG article's, quoted.
PRELIM_NOT_A_BACKUP = (
    "A list of preliminary surgery programs is not counted as a backup here (our rule): a preliminary year is one "
    "year of surgical training, and it leads to no categorical place by itself. The IMG article says prelim positions "
    "“do not guarantee automatic promotion to a categorical spot”. To count a backup, name a categorical field."
)
# The ultra article's orthopaedic plan, beside 70-90 orthopaedic and 20-40
# categorical general surgery programs: its only count for prelim surgery.
PRELIM_FEW_ORTHO = "Possibly a few prelim surgery spots"


def _reasons(v: Mapping[str, object], check: competitiveness.CompetitivenessResult, result: Plan) -> list[str]:
    band = check["band"]
    spec = data.specialty(word(v, "specialty"))
    backup_slug = v["backup_specialty"]
    rules = result["range_rule"]
    reasons = [
        f"The competitiveness check scores your {spec.name} application {check['score']}/100: "
        f"“{BAND_LABELS[band]}”. That band sets which range applies and where in it to aim.",
    ]
    primary_rule = rules["primary"]
    reasons.append(_range_reason(spec.name, primary_rule, result["count_text"]["primary"]))
    if spec.slug == "orthopaedic-surgery":
        reasons.append(
            f"The orthopaedics article gives a slightly lower range, {ORTHOPAEDICS_ORTHO_ARTICLE.text()}; this calculator "
            f"uses the ultra-competitive article's {ORTHOPAEDICS.text()}, the broader of the two."
        )
    # A pivot that sets the ticked box aside is the result's warning
    # (changing_field_pivot_warning), where the seventh reason alone said so.
    changing = changing_field_applies(flag(v, CHANGING_FIELD.name), band, backup_slug)
    reasons += _outside_the_ranges_reader(spec, v, primary_rule["rule"], changing)
    if backup_slug is None:
        if band != "single-track":
            reasons.append(
                "You have not named a backup although your band suggests one. "
                + (f"{PRELIM_NOT_A_BACKUP} " if spec.slug in profile.SURGICAL_FIELDS else "")
                + "The backup finder can suggest fields that pair well with your first choice."
            )
    else:
        backup_spec = data.specialty(str(backup_slug))
        backup_rule = rules["backup"]
        assert backup_rule is not None  # a named backup always has its range
        reasons.append(_range_reason(f"{backup_spec.name} as the backup", backup_rule, str(result["count_text"]["backup"])))
        # Which flag it was: a reader whose only flag is a limited area did
        # pass first time, and "a red flag" alone did not say (diff review 2 s37, 6).
        flags = flags_besides_the_target(check["red_flags"])
        if WITH_A_RED_FLAG in backup_rule["why"]:
            reasons.append(f"The red {'flags' if len(flags) > 1 else 'flag'} on your file: {and_list(flags)}.")
        if backup_rule["rule"] == DEFAULT_SECONDARY_BACKUP.key and v["applicant_type"] in ("us-img", "non-us-img"):
            reasons.append(
                # "The articles' only count" denied the IMG article's 80-120
                # family medicine backup, which a reader one point from its
                # example's score then doubted (midseason audit s52, 6).
                f"That range is the articles' only count for a backup kept second at “{BAND_LABELS[band]}” "
                f"outside orthopaedics. The IMG article's {BROAD_PRIMARY_CARE.text()} for a family medicine backup is "
                f"for {EXAMPLE_READER}. This calculator rates such a file "
                f"“{BAND_LABELS['dual-apply-strongly']}”, and there it gives internal or family medicine as a backup "
                f"{BROAD_PRIMARY_CARE.text()} too. The "
                "IMG article also calls 100 or more applications common for IMGs in some backup fields: where few "
                # No visa clause: a reader who needs one takes the broader
                # counts at "dual apply" and cannot reach "single-track", so
                # it was said only to readers who need none (program-counts
                # audit s37, 6).
                f"programs in {backup_spec.name} take IMGs, aim above it."
            )
        # The dual-apply form of the same range (OTHER_BACKUP_AT_DUAL_APPLY)
        # lost both caveats, to the first-time reader least likely to know
        # whom the figure was written for (program-counts audit s37, 2).
        no_match_range = backup_rule["rule"] in (NO_MATCH_BACKUP.key, OTHER_BACKUP_AT_DUAL_APPLY.key)
        if no_match_range and not v["previously_unmatched"]:
            kept_second = dual_apply_backup_range(spec.slug, backup_spec.slug)
            own_count = (
                f"The articles count {backup_spec.name} only as a backup kept second: {kept_second.text()} in "
                f"“{kept_second.source.title}”. For one carrying a large share, "
                if kept_second.key != DEFAULT_SECONDARY_BACKUP.key
                else f"For {backup_spec.name} kept second, "
                if backup_rule["rule"] == OTHER_BACKUP_AT_DUAL_APPLY.key
                else f"For {backup_spec.name} carrying a large share, "
            )
            reasons.append(
                f"{own_count}the articles' only count is the no-match article's, written for readers coming off a "
                "no-match; it is used here as the nearest figure for a first application too (our extrapolation)."
            )
        if no_match_range and backup_spec.slug not in data.NO_MATCH_BACKUPS:
            reasons.append(_extrapolated(backup_spec, "that range", "here is our extrapolation as well"))
        # After a change of field the new field, the first choice, carries the
        # list and may take that range instead.
        if changing and primary_rule["rule"] == NO_MATCH_BACKUP.key and spec.slug not in data.NO_MATCH_BACKUPS:
            reasons.append(_extrapolated(spec, f"its {NO_MATCH_BACKUP.text()}", f"for {spec.name} here is our extrapolation"))
        # The field being left is not a net: "rarely work as a backup" judged
        # it as one (diffreview47 audit s47, 4).
        if backup_spec.tier in data.HARD_TIERS and not changing:
            reasons.append(
                f"{backup_spec.name} is itself {data.TIER_LABELS[backup_spec.tier]}. The no-match article warns that "
                "such fields rarely work as a backup; one with more positions and a record of taking IMGs is safer."
            )
        if band == "pivot" and not flag(v, CHANGING_FIELD.name):
            reasons.append(
                f"At a pivot, {backup_spec.name} carries most of your applications, so it needs to be a field you would "
                "gladly train in for good."
            )
        pct = result["share"]
        reasons.append(
            f"Split: about {pct['primary_pct']}% of your programs in {spec.name} and {pct['backup_pct']}% in "
            f"{backup_spec.name}, from the middle of each range."
        )
    tier_mix = result["tiers"]
    reasons.append(
        f"Within each list: {tier_mix['likely_pct']}% likely, {tier_mix['target_pct']}% target and "
        f"{tier_mix['reach_pct']}% reach programs, so at least {100 - tier_mix['reach_pct']}% are realistic. The "
        "no-match article asks for 70–80% or more of a backup list after a no-match; asking it of every list, the "
        "steps by band within that, and the split between likely and target are this site's own rule."
    )
    if v["previously_unmatched"]:
        reasons.append(
            f"After a no-match, the no-match article favors volume in the {'new field' if changing else 'backup'}, "
            "spread across community programs and many regions, over another narrow list."
        )
    # Not at a pivot, where the first choice stays a hand-picked set and
    # "go above the range" said the opposite (diffreview47 audit s47, 3).
    if v["previously_unmatched"] and not flag(v, CHANGING_FIELD.name) and band != "pivot":
        # The first choice's 60-70, then trimmed, was at or below the 80 a
        # reader with 2 interviews had sent (fmusimg audit s46, 2); its whole
        # 60-80 still is (reapplypsych audit s49, 2).  No count of last
        # season's list is asked; the reader is asked to hold the range
        # against it.  Only for the field applied to again:
        # one being left is kept small (the recheck of that audit, s46, 2),
        # and a reader who said they are changing field is not told it.
        reasons.append(
            f"If you are applying to {spec.name} again, hold its range here, {result['count_text']['primary']}, "
            "against the list you sent it last season: a list no broader than last time repeats what fell short, "
            "unless your debrief found the shortfall lay elsewhere than the list's size. The guide "
            f"{competitiveness.UNMATCHED_GUIDE} asks a reapplicant to the same field for a broader list than last "
            f"time (its section {UNMATCHED_GUIDE_DIVIDE}), and for too few interviews a much broader one (its section "
            f"{competitiveness.UNMATCHED_GUIDE_FIX}), so go above the range, as far as you can afford. If you are "
            f"leaving {spec.name}, the guide keeps it to a small, chosen set instead."
        )
    # The IMG article pairs general surgery with preliminary surgery, which
    # these ranges leave out and only the mid-season note named (surgprelim
    # audit s45, 6).
    if spec.slug in profile.SURGICAL_FIELDS:
        # The ultra article pairs preliminary surgery with orthopaedics, ENT,
        # plastics and neurosurgery; the IMG article with general surgery
        # (diffreview45 audit s45, 8).
        pairing = ARTICLE_IMG if spec.slug == "general-surgery" else ARTICLE_ULTRA
        # "Gives no count for" denied the ultra article's orthopaedic plan its
        # "a few", which the orthopaedics playbook quotes (aiminghigh audit s54, 3).
        counted_as = (
            f"; its orthopaedic plan gives them no range, only “{PRELIM_FEW_ORTHO}”. Price"
            if spec.slug == "orthopaedic-surgery"
            else " and gives no count for: price"
        )
        reasons.append(
            f"These ranges leave out preliminary surgery programs, which the {pairing.short} pairs with {spec.name}"
            f"{counted_as} any you add in the application cost calculator."
        )
    for slug in data.advanced_among(spec.slug, v["backup_specialty"]):
        reasons.append(
            data.advanced_positions_note(
                [slug],
                "Apply to programs for that year as well; the articles give no count for them, and the application "
                "cost calculator prices them.",
                needs_visa=profile.visa_needed(v),
            )
        )
    if v["geographic_restriction"]:
        reasons.append(
            "You limited your geography. If your area has fewer programs than these counts, apply to every one you "
            "would attend, and treat the shortfall as a reason to widen the area or strengthen the backup."
        )
    # Said to every reader: a couple who would go anywhere both can train
    # need not tick the limited area, which was the only way to hear this
    # (couples-soap audit s39, 6).  The pairing is the NRMP's rule; that the
    # counts move rather than shrink is ours, labelled as the apply guide
    # labels it, since a citation alone read as the NRMP's advice (couples
    # audit s43, 7).
    reasons.append(
        f"{data.COUPLE_IF}, find these counts in places where both of you could train: {data.MATCHED_IN_PAIRS}, so "
        "the counts move to those places rather than shrink (our advice, from how the pairs work)."
    )
    # The backup's own band, behind the warnings, was worked out with the first
    # choice's letters and rotations, which the form asks for that field alone:
    # a pediatrics backup with no pediatric letter rated as psychiatry did, and
    # no warning came (twofails audit s46, 4).
    if backup_slug is not None and (whole(v, "specialty_letters") or whole(v, "away_rotations")):
        backup_name = data.specialty(str(backup_slug)).name
        reasons.append(
            f"Any warning this result gives on {backup_name} rates it with the letters and US rotations you entered "
            f"for {data.specialty(word(v, 'specialty')).name}, as if they were in {backup_name}: run the "
            f"competitiveness check on {backup_name} with its own to see how it rates you."
        )
    reasons += _filled_by_your_group(v, changing)
    reasons.append(
        "If a range exceeds the number of programs in a field that take applicants like you, apply to each such "
        "program you would really attend rather than padding the list."
        + "".join(f" {said}" for said in _small_fields(v, result, changing))
    )
    return reasons


# A field under this many PGY-1 positions in the NRMP table is small enough
# that the top of a range may pass the programs open to an IMG: the fields
# with a figure split there, neurology (932), orthopaedic surgery (929) and
# pathology (622) below it and every other at 1,587 or more, and the data
# hold no count of programs to set against a range.  A pathology backup's
# 60-100+ had no anchor but the generic line (pathneuro audit s46, 6).  Our
# rule.
SMALL_FIELD_POSITIONS = 1000


def _small(slug: str | None) -> bool:
    pgy1 = data.specialty(slug).pgy1 if slug is not None else None
    return pgy1 is not None and pgy1.positions_offered < SMALL_FIELD_POSITIONS


def _small_field_judged(v: Mapping[str, object]) -> bool:
    """Whether the small-field rule speaks to this reader: an IMG, or one who needs a visa."""
    return word(v, "applicant_type") in data.IMG_TYPES or profile.visa_needed(v)


SMALL_VISA_CAVEAT = "fewer if fewer sponsor your visa"
SMALL_GROUP_CAVEAT = "fewer if fewer take applicants like you"


def _small_field_caveat(v: Mapping[str, object], slug: str | None = None) -> str:
    """After a count where the small-field rule holds for its field (the
    first choice unless ``slug`` names another), the rule in brief: the
    reason was tenth under "Why these numbers", and the read-out and headline
    gave pathology's 60-80 with no caveat (readout46 audit s46, 9)."""
    # A reader who cannot take a J-1 hears it of every count instead, the
    # backup's too (H1B_ONLY_COUNTS).
    field = word(v, "specialty") if slug is None else slug
    if profile.h1b_only(v) or not (_small_field_judged(v) and _small(field)):
        return ""
    return SMALL_VISA_CAVEAT if profile.visa_needed(v) else SMALL_GROUP_CAVEAT


def _backup_caveat(v: Mapping[str, object], rule: RangeRule | None) -> str:
    """The small-field caveat beside the backup's count.  A non-US IMG read
    "Pathology: 60–100+ programs" in the headline beside about 168 places
    their group filled, the caveat only tenth among the reasons (planner
    audit s54, 12).  Not beside the field being left after a change of field,
    a small, chosen set rather than a range's upper end."""
    if rule is None or rule["aim"] in QUARTER_AIMS:
        return ""
    return _small_field_caveat(v, word_or_none(v, "backup_specialty"))


# A reader who cannot take a J-1 counts only programs that will file an
# H-1B for them (h1bvisa audit s47, 2), in every field: said of the first
# choice alone, it read as if the backup, which the reasons sent the
# breadth to, escaped it (diffreview48 audit s48, 2).
H1B_ONLY_COUNTS = "In each field, fewer if fewer file an H-1B for you."
H1B_ONLY_COUNT = "Fewer if fewer file an H-1B for you."
H1B_ONLY_PINNED = "H-1B filers only."
# After a no-match the reasons ask a reader trying the first choice again for
# more than last season's list, which this calculator does not ask: the
# headline, which a reader copies, gave only the count (h1bvisa audit s47, 7;
# the count was then trimmed, and is now the whole range, reapplypsych audit
# s49, 2).  "Or more than last season's list" read as a floor, below the
# range where last season's was short (diffreview48 audit s48, 4).  "More if
# you try it again" told a reader who was trying it again that the count shown
# was not theirs (visareapply audit s51, 11): the range holds, and last
# season's list is a second floor.
AGAIN_CAVEAT = "if you tried it last season, also more than that list"
# The phone's pinned line tries it shorter before it gives it up.
# It keeps its condition: "and above last season's list" alone told a reader
# whose last season was another field to beat that list (diff review s52, 6).
# Nor "more if tried last season", which could read as more than the range's
# top (diff review s52b, 10).
# The small-field caveat of two fields, shorter, lets "In each field" fit
# before the backup's is dropped: "Neurology 60–80 (fewer if ...);
# Pathology 40–60" read as if pathology escaped it (diff review s54, 17).
# "Fewer if fewer take you" read as personal, as if fewer programs would take
# the reader, where the rule is about a group (diff review s55, 11).  It can
# name the group: _small_field_caveat gives SMALL_GROUP_CAVEAT only to an IMG
# who needs no visa.
SHORTER_CAVEATS = {
    AGAIN_CAVEAT: "above last season's list, if tried",
    SMALL_VISA_CAVEAT: "fewer if fewer sponsor you",
    SMALL_GROUP_CAVEAT: "fewer if fewer take IMGs",
}


def _first_choice_caveat(v: Mapping[str, object], rule: RangeRule) -> str:
    """What the first choice's count is said with, in brackets after it."""
    # Not beside a pivot's hand-picked set, which is no range's upper end
    # (diffreview47 audit s47, 10).
    if rule["aim"] == "quarter-of-backup":
        return ""
    if small := _small_field_caveat(v):
        # "Fewer if ...; more if ..." in one bracket pointed both ways
        # (diffreview48 audit s48, 4): the reasons say the second.
        return small
    # The count's own: a field tried again beside a backup, not a new field
    # after a change of field, which was never applied to last season
    # (diffreview48 audit s48, 1).
    return rule["caveat"]


def _with_caveat(first: str, backup: str | None, band: str, caveat: str, backup_caveat: str = "") -> str:
    """The counts, the first choice's caveat after its own: in brackets
    before the backup's, and alone after the band, where two brackets in a
    row would have read as one aside.  The backup's caveat follows its count
    after a comma, before the band's brackets, for the same reason."""
    if backup is None:
        return f"{first} ({band}){f', {caveat}' if caveat else ''}."
    if caveat and caveat == backup_caveat:
        # Said once of both small fields, as the H-1B caveat is.
        return f"{first}; {backup} ({band}). In each field, {caveat}."
    backup_said = f"{backup}, {backup_caveat}" if backup_caveat else backup
    return f"{first}{f' ({caveat})' if caveat else ''}; {backup_said} ({band})."


def _small_fields(v: Mapping[str, object], result: Plan, changing: bool = False) -> list[str]:
    """For an IMG or a reader who needs a visa, each named field with few
    PGY-1 positions: the top of its range may pass the programs that take
    them, and the breadth then goes to a larger field.  After a change of
    field (``changing``), the field being left is a hand-picked set, not the
    top of a range, and takes no breadth (diffreview47 audit s47, 4)."""
    if not _small_field_judged(v):
        return []
    sponsor = (
        " and will file an H-1B for you" if profile.h1b_only(v) else " and sponsor your visa" if profile.visa_needed(v) else ""
    )
    primary, backup = word(v, "specialty"), word_or_none(v, "backup_specialty")

    said: list[str] = []
    count_text = result["count_text"]
    for slug, other, count in ((primary, backup, count_text["primary"]), (backup, primary, count_text["backup"])):
        if slug is None or count is None or not _small(slug) or (changing and slug == backup):
            continue
        spec = data.specialty(slug)
        assert spec.pgy1 is not None  # _small() found it
        larger = (
            f"a larger field than {data.specialty(other).name}, the field you are leaving, which stays a small, chosen set"
            if changing and other is not None
            else "a larger backup field"
            if other is None
            else "a larger field than either you named"
            if _small(other)
            else f"{data.specialty(other).name}, the larger field you named"
        )
        # Cited once: a second small field's sentence follows the first.
        cited = "" if said else f" ({data.RESULTS_AND_DATA.cite()})"
        said.append(
            f"{spec.name} is a small field, with {spec.pgy1.positions_offered:,} PGY-1 positions offered in "
            f"{data.RESULTS_AND_DATA.year}{_group_places(spec, v)}{cited}: the upper end of its range here, {count}, "
            "may exceed the number of "
            f"{spec.name} programs that take applicants like you{sponsor}, and "
            f"the breadth beyond them then goes to {larger}."
        )
    return said


def _places_filled(spec: data.Specialty, applicant: str) -> tuple[data.Number, str, int] | None:
    """The share of ``spec``'s PGY-1 places an IMG reader's own group filled,
    the group's name, and the places that share makes; None for a US
    graduate (a senior's share says nothing of which programs take them) or a
    field with no row."""
    if applicant not in data.IMG_TYPES or spec.pgy1 is None or (filled := spec.pgy1.filled_by(applicant)) is None:
        return None
    share, group = filled
    return share, group, round(spec.pgy1.positions_offered * float(share) / 100)


def _group_places(spec: data.Specialty, v: Mapping[str, object]) -> str:
    """ ", about 168 of them filled by non-US IMGs": the small-field line
    named the positions only, beside a range larger than the places the
    reader's group filled (planner audit s54, 12).  For an IMG reader only."""
    if (filled := _places_filled(spec, word(v, "applicant_type"))) is None:
        return ""
    _, group, places = filled
    return f", about {places:,} of them filled by {group}"


def _filled_by_your_group(v: Mapping[str, object], changing: bool = False) -> list[str]:
    """How many of each field's places an IMG reader's own group filled: a
    range of 60-80 in a field whose places went to 51 US-citizen IMGs was
    given beside a psychiatry example and no figure of the reader's own
    field (obgyn-usimg audit s42, 5).  ``changing``: the first choice is a new
    field and the backup the one being left."""
    applicant = word(v, "applicant_type")
    # An IMG's own group: a US senior's share says nothing of which programs take them.
    if applicant not in data.IMG_TYPES:
        return []
    slugs = [word(v, "specialty"), *([str(v["backup_specialty"])] if v["backup_specialty"] is not None else [])]
    rows = [(spec, *filled) for spec in map(data.specialty, slugs) if (filled := _places_filled(spec, applicant)) is not None]
    places = {spec.slug: count for spec, _, _, count in rows}
    new, leaving = slugs[0], slugs[-1]
    said = []
    for spec, share, group, count in rows:
        # In a field with advanced positions the table's places are only those
        # starting at PGY-1: "about 85 places" in anesthesiology read as all
        # the field held for the reader (anesadv audit s46, 2).
        which = (
            ". The table holds only places that start at PGY-1, none of the field's advanced (PGY-2) ones. Count"
            if spec.slug in data.ADVANCED_POSITION_SPECIALTIES
            else ": count"
        )
        text = (
            f"{data.places_filled(spec, share, group)}, about {count:,} places ({data.RESULTS_AND_DATA.cite()}){which} "
            "a program only where its record shows applicants like you."
        )
        # Changing field with most of the list in a field with fewer places
        # for the reader's group, and nothing said of it: family medicine's
        # about 804 beside internal medicine's 3,578 for a non-US IMG with a
        # visa to find (visareapply audit s51, 6).  Said here, after the new
        # field's count, not as a third reason that gave both counts and the
        # advice again (diff review s52b, 10).
        if changing and spec.slug == new != leaving and count < places.get(leaving, 0):
            # Tied to the field, as nothing before it speaks of visas (diff review s53, 11).
            sponsors = (
                f" We hold no count of {spec.name} programs that sponsor visas: check each one's record before you commit."
                if profile.visa_needed(v)
                else ""
            )
            text += (
                f" Our advice: do so before you commit the range to {spec.name}, which now carries most of your list "
                f"but had fewer such places than {data.specialty(leaving).name}, the field you are leaving.{sponsors}"
            )
        said.append(text)
    return said


def _outside_the_ranges_reader(spec: data.Specialty, v: Mapping[str, object], rule: str, changing: bool = False) -> list[str]:
    """What the ultra article's ranges do not cover, said to the reader they
    do not describe; ``rule`` is the key of the range the first choice took,
    ``changing`` whether a change of field divides the list."""
    said = []
    applicant = word(v, "applicant_type")
    # The ultra article's "typical ranges for a US citizen IMG" (radiology's included).
    if first_choice_range(spec.slug).source is ARTICLE_ULTRA and applicant != "us-img":
        said.append(
            f"The articles give this range for US-citizen IMGs, not for your applicant type ({data.APPLICANT_LABELS[applicant]}): "
            "read it as a rough size, not as a count worked out for you."
        )
    # Only where the first choice took that example: after a change of field
    # it takes a backup's range, and the example was said of it in error.
    if applicant == "us-img" and rule == GENERAL_FIRST_CHOICE.key:
        said.append(
            f"The articles' one count for a first choice like yours is the IMG article's example of {EXAMPLE_READER}, "
            "not a US-citizen IMG: read it as a rough size, not as a count worked out for you."
        )
    if applicant in data.US_GRADUATE_TYPES and first_choice_range(spec.slug).source is not ARTICLE_ULTRA:
        rates = data.latest_match_rates()
        if data.prior_us_graduate(v):
            said.append(
                f"The articles wrote their counts for IMGs. {data.PRIOR_GRADUATE_RATE} Read the range as the order "
                "of size, not as a count written for you."
            )
        else:
            said.append(
                f"The articles wrote their counts for IMGs, who match far less often than US seniors (PGY-1 match rate "
                f"in {rates.year}: US MD seniors {table_percent(rates.for_applicant('us-md'))}, US DO seniors "
                f"{table_percent(rates.for_applicant('us-do'))}, US-citizen IMGs {table_percent(rates.for_applicant('us-img'))}, non-US IMGs "
                f"{table_percent(rates.for_applicant('non-us-img'))}; {rates.cited.cite()}): read the range as an upper order "
                "of size, not as a count written for you."
            )
    if spec.tier == "ultra" and whole(v, "exam_failures"):
        said.append(
            "The range assumes no exam failure: the ultra-competitive article calls any failure often fatal in these "
            "fields, and more applications do not make up for it; the backup matters more than this count."
        )
    if limit := profile.graduation_limit_note(
        v, "leave out of your count any program whose stated limit on years since graduation is lower than yours."
    ):
        said.append(
            f"{limit} {profile.GRADUATION_LIMIT_HOW} We hold no count of programs with such limits, so the range may "
            "be more than the programs open to you."
        )
    if flag(v, "previously_unmatched"):
        # Past 5 years the sentence above already says to leave them out.
        past = "" if limit else REAPPLYING_PAST_THE_LIMIT
        said.append(REAPPLYING_GRADUATION_LIMIT.format(years=counted(whole(v, "years_since_graduation"), "year")) + f"{past}.")
    if profile.visa_needed(v):
        # After a change of field the backup is the field being left, a
        # hand-picked set: the breadth is the new field's (diffreview47 audit s47, 4).
        breadth = (
            f"{spec.name}, not from padding the list in {data.specialty(word(v, 'backup_specialty')).name}, the field "
            "you are leaving"
            if changing
            else "the backup rather than from padding the list"
        )
        # The guide's branch for a reader who cannot take a J-1 (h1bvisa
        # audit s47, 2).  In every field: "the breadth has to come from the
        # backup" read as if the backup escaped it (diffreview48 audit s48, 2).
        said.append(
            f"{profile.h1b_only_programs(v, 'count')} The ranges here may be more programs than will do so, in each "
            "field: where one field has too few, the other can carry more of your list, but where both have too few, "
            "a longer list cannot make up for it."
            if profile.h1b_only(v)
            else f"You need a visa, {profile.visa_basis(v)}: count only programs that sponsor the one you need (IMG "
            "article). Where few programs "
            f"in a range sponsor it, the breadth has to come from {breadth}."
        )
    return said


# After a no-match, each season waited adds a year since graduation, and a
# reader 4 years out heard of programs' stated limits only once past 5
# (reapplicant audit s40, 5): said to every reapplicant, for the line the
# next season may cross.
REAPPLYING_GRADUATION_LIMIT = (
    "Some programs state a limit on years since graduation, and each season you wait adds one to the {years} you "
    "entered: before you choose a season, count the programs on your list whose limit you would cross by then"
)
REAPPLYING_PAST_THE_LIMIT = ", and leave out any whose limit you are already past"


class BackupWarning(NamedTuple):
    """A warning on the reader's backup: ``text`` for the page, and ``heard``,
    what is wrong without why, for the read-out, where the whole warning took
    read-outs to 45-102 words (diff review s41, second, 4)."""

    text: str
    heard: str
    # Shorter still, where the read-out has no room for ``heard``.
    shortest: str = ""
    # What the phone's pinned line says after the counts: a warning on a
    # change of field pinned "Check your backup." (diffreview47 audit s47, 8).
    tag: str = "Check your backup."


CHANGE_OF_FIELD_TAG = "Check your change of field."


def backup_warning(primary_slug: str, backup_slug: str, applicant: str | None = None) -> BackupWarning | None:
    """A plain warning when the backup finder would leave this backup out
    for this ``applicant``: one rule for what makes a backup, so the
    calculators never disagree (a US DO with psychiatry first was told the
    finder left out the emergency medicine backup it lists for them)."""
    # Imported here, not at the top: only a reader who names a backup pays
    # for the finder's tables, and every page start counts (issue 10).
    from .backup_finder import exclusion

    primary, backup = data.specialty(primary_slug), data.specialty(backup_slug)
    why = exclusion(primary, backup, applicant)
    if why is None:
        return None
    left_out = f"Check your backup: the backup finder leaves {backup.name} out for {primary.name}."
    # Heard, the result names the first choice next, so the shorter of its
    # name and "your first choice": PM&R's long name took a US senior's
    # read-out to 41 words, and "your first choice" others (diff review s44, 2).
    first = min(primary.name, "your first choice", key=lambda said: len(said.split()))
    heard = f"Check your backup: the backup finder leaves {backup.name} out for {first}."
    shortest = f"Check your backup: the backup finder leaves {backup.name} out."
    return BackupWarning(f"{left_out} {why} If it is really your first choice, swap the two.", heard, shortest)


class FileRatings:
    """The competitiveness check's rating of one file in each field, each
    worked out once: the backup warnings ask for the same fields, the backup
    and those most open to IMGs, one warning after another."""

    def __init__(self, check_inputs: Mapping[str, object]) -> None:
        self.inputs = check_inputs
        self._by_slug: dict[str, competitiveness.Assessment] = {}

    def __call__(self, slug: str) -> competitiveness.Assessment:
        if slug not in self._by_slug:
            self._by_slug[slug] = competitiveness.assess(data.specialty(slug), {**self.inputs, "specialty": slug})
        return self._by_slug[slug]

    def most_open(self, *leaving_out: str) -> list[tuple[data.Specialty, competitiveness.Assessment]]:
        """The fields most open to IMGs, but for ``leaving_out``, with their ratings."""
        return [(spec, self(spec.slug)) for spec in most_open_fields(*leaving_out)]


def most_open_fields(*leaving_out: str) -> list[data.Specialty]:
    """The fields most open to IMGs, but for ``leaving_out``: those the
    warnings set a backup beside, by the check or by match odds."""
    return [spec for spec in data.SPECIALTIES if spec.tier == "accessible" and spec.slug not in leaving_out]


def backup_band_warning(ratings: FileRatings, backup_slug: str) -> BackupWarning | None:
    """A warning when the reader's own file, set against the backup, calls for
    a backup of its own: the plan was two fields that each needed a third
    (an orthopaedics reapplicant told to pivot to anesthesiology, which the
    same check rated "dual apply, strongly" for them).  For the fields most
    open to IMGs only when another of them rates the file better: where none
    does, no field is more open and the answer is volume; but a reapplicant in
    emergency medicine with a 236 was given internal medicine (37/100) in
    silence, where family medicine rated 52 (reapplicant audit s36, 1)."""
    backup = data.specialty(backup_slug)
    own = ratings(backup_slug)
    if own.band not in ("dual-apply-strongly", "pivot"):
        return None
    rates = f"with your file, the competitiveness check rates {backup.name} itself “{BAND_LABELS[own.band]}” ({own.score}/100)"
    heard = f"Check your backup: the check rates {backup.name} itself “{BAND_LABELS[own.band]}”"
    if backup.tier != "accessible":
        return BackupWarning(
            f"Check your backup: {rates}, so it would need a backup of its own. A more open field protects more; the "
            "backup finder suggests some.",
            f"{heard}.",
        )
    primary = str(ratings.inputs["specialty"])
    better = [
        (spec, there)
        for spec, there in ratings.most_open(backup_slug, primary)
        if BAND_ORDER.index(there.band) > BAND_ORDER.index(own.band)
    ]
    if not better:
        return None
    better.sort(key=lambda pair: -pair[1].score)
    shown = better[:2]
    named = and_list([f"{spec.name} “{BAND_LABELS[there.band]}” ({there.score}/100)" for spec, there in shown])
    higher = " and ".join(spec.name for spec, _ in shown)
    return BackupWarning(
        f"Check your backup: {rates}, and {named}. Among the fields most open to IMGs, {higher}, rated higher, "
        f"{'protect' if len(shown) > 1 else 'protects'} more; if you keep {backup.name}, apply towards the top of "
        "the program count suggested for it.",
        f"{heard}, and {and_list([f'{spec.name} “{BAND_LABELS[there.band]}”' for spec, there in shown])}.",
    )


# How far below the first choice the check must rate a backup before the
# result says so.  Scores move in steps of 5, and one step between two fields
# for the same file is one row apart: a Step 2 CK above one field's median
# and between the other's first quartile and median, or one tier, which
# medians a few points apart produce in fields equally open to the file.  Two
# steps, 10 points, is what the check takes for a Step 2 CK under a field's
# first quartile or for an exam failure: a real difference in how open the
# field is to this file.  A family medicine reapplicant at 36/100 was given 61%
# of the list in internal medicine at 26/100 in silence (fmusimg audit s46, 1
# and 3).  Our rule.
BACKUP_SCORE_GAP = 10
# Where the no-match guide divides the list for a reader changing field.
UNMATCHED_GUIDE_DIVIDE = "“Build the list in tiers”"


def backup_score_warning(ratings: FileRatings, score: int, band: Band, backup_slug: str) -> BackupWarning | None:
    """A warning when the check rates the backup well below the first choice
    (``score`` and ``band``): a backup catches a reader only where it is more
    open to their file, and the split often gives it the larger share.  Not
    where match odds, at the reader's Step 2 CK, puts the backup within
    ``HARDER_BY`` of the first choice or above it (``_step2_odds``).  It
    points to match odds to choose among the open fields
    (``_match_odds_pointer``).  The counts and the split stay as they are."""
    primary = data.specialty(str(ratings.inputs["specialty"]))
    backup = data.specialty(backup_slug)
    own = ratings(backup_slug)
    # Where the first choice is rated safe alone, the backup is the smaller
    # share; where the backup is, it catches the file by itself.  Without this,
    # a first-time US senior rated single-track in family medicine was warned
    # of every moderately competitive backup.
    if score - own.score < BACKUP_SCORE_GAP or "single-track" in (band, own.band):
        return None
    # The check reads a score against each field's matched quartiles, and
    # family medicine's are its tier's lowest: at a Step 2 CK of 222-228 every
    # open backup was rated 10 below it and warned, pediatrics included, which
    # match odds, weighing the unmatched too, puts above it (56% against 54%;
    # 70% against 54% at 239).  Where the two measures disagree, no warning
    # (diff review s50b, 1).
    from .backup_finder import HARDER_BY

    first_odds, kept = _step2_odds(ratings.inputs, primary), _step2_odds(ratings.inputs, backup)
    if first_odds is not None and kept is not None and kept >= first_odds - HARDER_BY:
        return None
    text = (
        f"Check your backup: with your file, the competitiveness check rates {backup.name} {own.score}/100, below "
        f"{primary.name} at {score}/100. A backup protects you only where it is more open to your file than your "
        "first choice."
    )
    # Only a reapplicant is leaving a field; the guide's own division for a
    # change of field puts most of the list in the new one.  Swapping the two
    # gave the new field 61%, not the article's 80 (fmusimg audit s46, 1): the
    # answer that divides it so is named instead.
    if ratings.inputs["previously_unmatched"]:
        text += (
            f" If {backup.name} is the field you are leaving, tick “{CHANGING_FIELD.label}”, so that {primary.name} "
            f"carries most of the list and {backup.name} a small, chosen set, as the guide "
            f"{competitiveness.UNMATCHED_GUIDE} advises when changing field (its section {UNMATCHED_GUIDE_DIVIDE})."
        )
    text += _match_odds_pointer(ratings.inputs, primary, backup, first_odds, kept)
    first = min(primary.name, "your first choice", key=lambda said: len(said.split()))
    return BackupWarning(
        text,
        f"Check your backup: the check rates {backup.name} {own.score}/100, below {first} at {score}.",
        f"Check your backup: the check rates {backup.name} below {first}.",
    )


def _step2_odds(inputs: Mapping[str, object], spec: data.Specialty) -> float | None:
    """Match odds' estimate for ``spec`` at the reader's Step 2 CK, from
    non-US IMGs' figures, or None with no score or no usable figures."""
    step2 = inputs.get("step2_score")
    return match_odds.step2_estimate(spec, step2) if isinstance(step2, int) else None


def _match_odds_pointer(
    inputs: Mapping[str, object],
    primary: data.Specialty,
    backup: data.Specialty,
    first_odds: float | None,
    kept: float | None,
) -> str:
    """Where to choose a backup rated well below the first choice.  The
    warning ended, where no open field rated the file better, with "breadth
    in" the first choice "is then your protection, send more of it", while
    the counts gave the backup its full share and the check and the finder
    said that dual applying stands (crosscalc audit s49, 1; diff review s50,
    3).  The finder already sends the reader to match odds, which tells fields
    apart by the score where the check rates them alike.  Fields are named,
    with the first choice's figure, only where they are as open as the first
    choice by match odds, so that none draws this warning again, and only for
    a non-US IMG, whose figures they are (diff review s50b, 2 and 4).
    ``first_odds`` and ``kept``: the first choice's and the backup's
    estimates (``_step2_odds``)."""
    # After the changing-field sentence, for a reader not leaving the backup's
    # field (diff review s50b, 3).
    lead = "Otherwise, the" if inputs.get("previously_unmatched") else "The"
    alike = (
        f" {lead} check can rate several fields alike, where the match odds calculator still tells them apart by your Step 2 CK"
    )
    theirs = "" if inputs.get("applicant_type") == "non-us-img" else " (its figures are non-US IMGs', not your group's)"
    pointer = (
        f"{alike}{theirs}: compare {backup.name} there with the other fields most open to IMGs, ones you would gladly "
        "train in, before you keep it (our advice)."
    )
    if theirs or first_odds is None or kept is None:
        return pointer
    from .backup_finder import HARDER_BY

    # Not a field whose estimate the score barely moves (family medicine's is
    # level at every score): match odds says such a figure ranks no field, and
    # the finder names none (diff review s51b, 3).
    named = [
        (spec, there)
        for spec in most_open_fields(primary.slug, backup.slug)
        if (there := _step2_odds(inputs, spec)) is not None
        and there >= first_odds - HARDER_BY
        and there - kept >= HARDER_BY
        and not match_odds.step2_says_little(spec)
    ]
    if not named:
        return pointer
    fields = and_list([f"{spec.name} {match_odds.about(there)}" for spec, there in sorted(named, key=lambda p: -p[1])[:2]])
    return (
        f"{alike}: at {inputs['step2_score']}, {fields}, against {match_odds.about(kept)} in {backup.name} and "
        f"{match_odds.about(first_odds)} in {primary.name} ({data.CHARTING_OUTCOMES.cite()}; {match_odds.OVERESTIMATE} where "
        f"your file has red flags). Compare them there, if you would gladly train in them, before you keep {backup.name} (our "
        "advice)."
    )


def changing_field_warning(ratings: FileRatings, score: int, left_slug: str) -> BackupWarning | None:
    """For a reader changing field (``CHANGING_FIELD``), the backup is the
    field being left, kept to a hand-picked set, not a net to catch them: the
    finder's rules and the backup warnings above judge a net, and told such a
    reader to swap back to the field they are leaving.  Said only where the
    check rates that field ``BACKUP_SCORE_GAP`` or more above the new first
    choice at ``score``: the change then moves most of the list to a field
    less open to the file, and the guide's borderline reader stays (our rule,
    the gap's)."""
    new = data.specialty(str(ratings.inputs["specialty"]))
    left = data.specialty(left_slug)
    own = ratings(left_slug)
    if own.score - score < BACKUP_SCORE_GAP:
        return None
    first = min(new.name, "your first choice", key=lambda said: len(said.split()))
    return BackupWarning(
        f"Check your change of field: with your file, the competitiveness check rates {left.name}, the field you are "
        f"leaving, {own.score}/100, above {new.name} at {score}/100, and this plan puts most of your list in "
        f"{new.name}. If your debrief found you borderline in {left.name} rather than misaligned with it, the guide "
        f"{competitiveness.UNMATCHED_GUIDE} advises applying to it again with a broader list and a backup alongside "
        f"(its section {UNMATCHED_GUIDE_DIVIDE}): make {left.name} the target specialty and untick "
        f"“{CHANGING_FIELD.label}”.",
        f"Check your change of field: the check rates {left.name}, the field you are leaving, {own.score}/100, above "
        f"{first} at {score}.",
        f"Check your change of field: the check rates {left.name} above {first}.",
        CHANGE_OF_FIELD_TAG,
    )


def changing_field_pivot_warning(primary_slug: str, left_slug: str, band: Band) -> BackupWarning | None:
    """Where the check rates the new field itself "Pivot" for a reader who
    ticked ``CHANGING_FIELD``: the answer is set aside for the pivot's split
    (``changing_field_applies``), or, where the field being left is
    ultra-competitive, kept, as neither field can carry the list.  Only the
    seventh reason said so, under a headline that gave the field being left
    most of the list (diffreview47 audit s47, 5)."""
    if band != "pivot":
        return None
    new, left = data.specialty(primary_slug), data.specialty(left_slug)
    rates = f"the competitiveness check rates {new.name} itself “{BAND_LABELS[band]}” for your file"
    better = "choose a new field the check rates better; the backup finder suggests some."
    if changing_field_applies(True, band, left_slug):
        return BackupWarning(
            f"Check your change of field: {rates}, and {left.name}, the field you are leaving, is "
            f"{data.TIER_LABELS[left.tier]}: neither can carry your list, so these counts keep most of it in {new.name}. "
            f"Rather than move to a field that rates you so, {better}",
            f"Check your change of field: the check rates {new.name} itself “{BAND_LABELS[band]}”.",
            "Check your change of field.",
            CHANGE_OF_FIELD_TAG,
        )
    return BackupWarning(
        f"Your change of field gives way to a pivot: you ticked “{CHANGING_FIELD.label}”, but {rates}, so these counts "
        f"follow the pivot, with most of your list in {left.name}, the field you are leaving. Rather than move to a "
        f"field that rates you so, {better}",
        f"Your change of field gives way to a pivot: the check rates {new.name} itself “{BAND_LABELS[band]}”.",
        "Your change of field gives way to a pivot.",
        CHANGE_OF_FIELD_TAG,
    )


def render_band_inputs(result: competitiveness.Scored) -> Markup:
    """The competitiveness check's table, which accounts for every input behind the band."""
    return el(
        "details",
        el("summary", f"How each input moved the competitiveness score ({result['score']}/100)"),
        competitiveness.factor_table(result),
    )


def mid_season_note(today: dt.date, slug: str, backup_slug: str | None = None, applied: bool = False) -> str | None:
    """What the counts mean to a reader who arrives while programs are reading
    a season's applications, or None outside that stretch.  In December the
    counts read as "send 5 to 35 more" in a field whose interview places were
    largely given out (usmd-ortho audit s41, 7).  The action comes first, and
    a preliminary year only for a surgical first choice, as the guide weighs
    it: told to every field, it sent an internal medicine reader's late
    applications to one-year posts (new-words audit s41, 1).  A ResidencyCAS
    first choice was told to send more "in ERAS" to a field whose service had
    closed in September (obgyn-usimg audit s42, 1).  ``applied``: the
    reader said so, and is not spoken to as one planning the next season
    (planner audit s54, 3)."""
    year = cycle.season_under_review(today)
    if year is None:
        return None
    dates = cycle.season(year)
    received = dates["programs_receive"].shown()
    # An advanced field's reader with no first-year applications out was not
    # told that an advanced match alone is a partial match (radiology audit
    # s45, 6).
    # Both where both apply: a surgical first choice with an advanced backup
    # lost the second (diffreview45 audit s45, 7).
    prelim = (" In a surgical first choice, weigh a preliminary surgery year too." if slug in profile.SURGICAL_FIELDS else "") + (
        f" Applied to advanced (PGY-2) programs? Check you have first-year (transitional or preliminary) "
        f"applications out too, unless you are in or past a US first year already: an advanced match without one is "
        f"a partial match ({data.NRMP_PARTIALLY_MATCHED.cite()})."
        if data.advanced_among(slug, backup_slug)
        else ""
    )
    residencycas = data.via_residencycas(slug)
    season, next_season = (
        (f"the Match {year}", f"the Match {year + 1}") if residencycas else (cycle.eras_season(year), cycle.eras_season(year + 1))
    )
    # From late December the timeline calls a new application too late, and
    # this note still said to send one (diff review s41, 1).
    if cycle.too_late_for_interviews(year, today):
        act = (
            f"An application sent now is unlikely to bring an interview before the rank lists close on "
            f"{dates['rank_deadline'].shown()}: ranking, SOAP and the next season are what remain."
            f"{cycle.too_late_caveat(year, today)}"
        )
    else:
        # Where, in the check's and match odds' words (diff review s52b, 5),
        # and the last useful day (midseason audit s52, 1).
        where, _ = cycle.where_new_applications_go(slug, year, today, backup_slug)
        act = f"{where}{prelim} {cycle.send_by(year)}"
    # ERAS's day: ResidencyCAS programs' own is not in our data.
    began = "" if residencycas else f"; this season's began on {received}"
    if applied:
        return (
            f"{profile.answered(year, True)}. Short of interviews? {act} {cycle.SHORT_OF_INTERVIEWS} These counts are "
            f"for a whole season's applications, sent before reviews begin{began}."
        )
    return (
        f"Short of interviews in {season}? {act} {cycle.SHORT_OF_INTERVIEWS} "
        f"These counts are for a whole season's applications, sent before reviews begin{began}. Planning for "
        f"{next_season} instead? They stand as shown."
    )


# "If you have not yet applied widely" left a reader who had sent 80
# internal medicine applications to guess between 0 and 120 more, at $1,830
# for 80 family medicine programs and $3,030 for 120 (interview audit s56, 1).
# The form asks no count already sent, so the rule is said against the
# ranges above: the first choice's low end first, then the backup's low end
# (our rules, not an article's: the articles count a whole season's list).
LATE_BACKUP_RULE = "is our rule for a late backup"
# What the rule is called, bold on the page.
ADD_NOW_LEAD = "How many to add now (our rule of thumb):"


def add_now_rule(
    year: int,
    today: dt.date,
    counts: Plan,
    slug: str,
    backup_slug: str | None,
    band: Band,
    changing: bool = False,
    name_a_backup: bool = False,
) -> str:
    """How many programs to add now, for a reader who applied in ``year``'s
    season, in short sentences from the counts shown: where the first choice
    has fewer than its range's low end, add there up to it; otherwise a late
    backup of its range's low end.  At a pivot the backup, which carries the
    list, comes first; so does naming one where the result leads with that
    (``name_a_backup``).  A field ResidencyCAS may have closed to is not
    offered (the mid-season note above says why)."""
    state = cycle.residencycas_state(year, today)

    def open_now(field: str) -> bool:
        return not data.via_residencycas(field) or state == "open"

    name = data.specialty(slug).name
    first = counts["primary"]["low"]
    backup = counts["backup"]
    # As the pinned line's ``carried``: only at a pivot does the backup lead.
    carries_backup = band == "pivot" and backup is not None and counts["share"]["backup_pct"] > counts["share"]["primary_pct"]
    first_open = open_now(slug) and not carries_backup and not name_a_backup
    if backup_slug is not None and backup is not None and open_now(backup_slug):
        backup_name = data.specialty(backup_slug).name
        low_end = f"the low end of its range, {backup['low']} {backup_name} programs, {LATE_BACKUP_RULE}."
        add_backup = (
            f"Add your backup first, as it carries your list: its range's low end, {backup['low']} {backup_name} "
            f"programs, {LATE_BACKUP_RULE}."
            if carries_backup
            else f"{'Otherwise, add' if first_open else 'Add'} your backup: {low_end}"
        )
    else:
        # No backup named, or one that can no longer be added.
        through = " through ERAS" if state != "open" else ""
        instead = f", not {data.specialty(backup_slug).name}" if backup_slug is not None else ""
        add_backup = (
            f"{'Otherwise, add' if first_open else 'Add'} a backup{through}{instead}: once named above, the low end "
            f"of its range {LATE_BACKUP_RULE}."
        )
    if not first_open:
        return f"{ADD_NOW_LEAD} {add_backup}"
    ask = f"Sent fewer than {first} programs to {name}, the low end of its range? Add there first, until you reach {first}."
    if changing:
        # The backup here is the field being left, a small chosen set, not a net.
        return f"{ADD_NOW_LEAD} {ask} Otherwise, your {name} list already meets this rule."
    return f"{ADD_NOW_LEAD} {ask} {add_backup}"


class ProgramCountsResult(Plan):
    inputs: dict[str, object]
    specialty_name: str
    backup_name: str | None
    band: Band
    band_label: str
    score: int
    factors: list[competitiveness.FactorRow]
    margins: competitiveness.Margins
    warning: str | None
    warning_heard: str | None
    # What the phone's pinned line says of the warning (BackupWarning.tag).
    warning_tag: str | None
    reasons: list[str]
    summary: str
    announced: str
    gist: str
    # From the review start to the rank-list deadline: what the counts mean mid-season.
    mid_season: str | None
    # For a reader who applied this season, while the last useful day is
    # ahead: how many programs to add now (interview audit s56, 1).
    add_now: str | None
    # Its place, for a reader who has not applied in the season under review.
    next_season: str | None


def compute(inputs: Mapping[str, object]) -> ProgramCountsResult:
    v = parse_inputs(FIELDS, inputs, RULES)
    primary_slug = word(v, "specialty")
    backup_slug = word_or_none(v, "backup_specialty")
    check_inputs = {name: v[name] for name in COMPETITIVENESS_NAMES}
    check = competitiveness.compute(check_inputs)
    band = check["band"]
    counts = plan(
        primary_slug,
        backup_slug,
        band,
        flag(v, "previously_unmatched"),
        word(v, "applicant_type"),
        flagged(check["red_flags"]),
        flag(v, CHANGING_FIELD.name),
    )
    spec = data.specialty(primary_slug)
    backup_name = data.specialty(backup_slug).name if backup_slug is not None else None
    ratings = FileRatings(check_inputs)
    changing = flag(v, CHANGING_FIELD.name)
    warned = (
        None
        if backup_slug is None
        else changing_field_pivot_warning(primary_slug, str(backup_slug), band)
        if changing and band == "pivot"
        else changing_field_warning(ratings, check["score"], str(backup_slug))
        if changing_field_applies(changing, band, backup_slug)
        else backup_warning(primary_slug, str(backup_slug), word(v, "applicant_type"))
        or backup_band_warning(ratings, str(backup_slug))
        or backup_score_warning(ratings, check["score"], band, str(backup_slug))
    )
    warning = warned.text if warned else None
    reasons = _reasons(v, check, counts)
    if "emergency-medicine" in (primary_slug, backup_slug):
        reasons.append(
            f"For scale in emergency medicine: its organizations give {data.EM_AVERAGE_APPLICATIONS} as the average number "
            f"of applications per applicant ({data.SAEM_RESIDENCYCAS.cite()}), all applicants together; the range "
            "above comes from the articles' rules for your band, not from that average."
        )
    count_text = counts["count_text"]

    def counts_said(caveat: str, backup_caveat: str = "") -> str:
        backup = f"{backup_name}: {count_text['backup']} programs" if count_text["backup"] is not None else None
        return _with_caveat(f"{spec.name}: {count_text['primary']} programs", backup, BAND_LABELS[band], caveat, backup_caveat)

    caveat = _first_choice_caveat(v, counts["range_rule"]["primary"])
    backup_caveat = _backup_caveat(v, counts["range_rule"]["backup"])
    h1b_counts = (H1B_ONLY_COUNTS if count_text["backup"] is not None else H1B_ONLY_COUNT) if profile.h1b_only(v) else ""
    summary = f"{counts_said(caveat, backup_caveat)} {h1b_counts}".strip()
    said = None  # the read-out's own words, where the headline's run long
    if band == "pivot" and backup_slug is None:
        # The first choice's small count only makes sense beside a backup
        # carrying the application; alone, it would read as the whole plan.
        summary = (
            f"Name a backup: at a pivot it carries most of your applications, usually {DEFAULT_LARGE_BACKUP.text()} "
            f"programs, beside {count_text['primary']} in {spec.name} ({BAND_LABELS[band]})."
        )
        said = (
            f"Name a backup: at “{BAND_LABELS[band]}” it takes most applications, usually {DEFAULT_LARGE_BACKUP.text()}, "
            f"beside {count_text['primary']} in {spec.name}."
        )
        caveat, h1b_counts = "", ""
    elif band == "dual-apply-strongly" and backup_slug is None and primary_slug not in BROAD_FIELDS:
        # The top of the range led the headline, read as "apply more widely",
        # while the detail says the articles want a second field instead.
        summary = (
            f"Name a backup: {_largest_count(spec, lower=True)}, "
            f"and at “{BAND_LABELS[band]}” their advice is a second field rather than a longer list."
        )
        # Read out after each edit, the count the articles do not give ran to
        # 50 words with a score note (diff review s41, 5).
        said = (
            f"Name a backup for {spec.name}: at “{BAND_LABELS[band]}” the articles advise a second field rather than a "
            "longer list."
        )
        caveat, h1b_counts = "", ""
    # Without the caveats only where the read-out would pass its limit with
    # them; the H-1B one is the last to go (diffreview48 audit s48, 5), the
    # backup's the first (planner audit s54, 12).
    heards = dict.fromkeys(
        [
            said or summary,
            said or f"{counts_said(caveat)} {h1b_counts}".strip(),
            said or f"{counts_said('')} {h1b_counts}".strip(),
            said or counts_said(""),
        ]
    )

    first_short = f"{competitiveness.pinned_name(spec.name)} {count_text['primary']}"
    backup_short = (
        f"{competitiveness.pinned_name(backup_name)} {count_text['backup']}"
        if count_text["backup"] is not None and backup_name is not None
        else None
    )

    def compact(caveat: str, backup_caveat: str = "") -> str:
        return _with_caveat(first_short, backup_short, BAND_LABELS[band], caveat, backup_caveat)

    if warned:
        summary = f"{warned.text} {summary}"
    # A long backup's name and a DO's score note took 11 of 3,264 read-outs
    # past the limit (diff review s44, 2): the warning goes shorter first.
    warnings_heard = dict.fromkeys([warned.heard, warned.shortest or warned.heard]) if warned else {"": None}
    heard = first_within_read_out(
        [
            profile.after_pass_note(v, f"{said_first} {counts_heard}".strip(), banded=True, heard=True)
            for counts_heard in heards
            for said_first in warnings_heard
        ]
    )
    summary = profile.after_pass_note(v, summary, banded=True)
    with_margins = f"{summary} {check['margins']['headline']}"
    # A phone pins the answer under the form in three lines, about 100
    # characters at 320 px; a warning leading the summary filled them, and
    # the counts were cut (offline46 and readout46 audits s46): the counts
    # first, in few words, and that there is a warning.  The small-field
    # caveat cut the backup's count too: the counts go in their short form,
    # with the score's note; the margins follow in the result.
    # The caveat gives way where it would take the line past them, as in the
    # read-out: the warning's tag and the band came last and were cut
    # (diffreview47 audit s47, 6).
    # Past them with the counts alone, the warning's tag goes first, and the
    # band gives way, which the band headline repeats.
    # A failing score's note was said only in the summary's long form, after
    # the counts and the band: a phone's three pinned lines cut it, with the
    # score (browser audit s55, 2).  Its short form goes in every pinned try,
    # and where none fits, first.
    failing = competitiveness.failing_pinned(v)
    named, label = competitiveness.pinned_name(spec.name), BAND_LABELS[band]
    # Every line keeps to the limit.  A backup, a warning and a failing score
    # ran to 91-120 characters, which a phone's third line cut; with none of
    # them, the whole summary was pinned, margins and all, up to 930
    # characters (counts56 brief s56, 1).  So where no fuller try fits, the
    # parts give way one by one, the least urgent first: the margins, the
    # caveats, the H-1B words, the band (which the band headline repeats), a
    # missing score's note (the band then comes back where it fits), the
    # backup's count (at a pivot, where the backup carries most of the list,
    # the first choice's).  A failing score's note, the warning's tag and the
    # count left stay longest, the note first.  The tag stays before a count:
    # a warned backup's count is the one least to be trusted without it.
    bare = "; ".join([first_short, *([backup_short] if backup_short else [])]) + "."
    carried = backup_short if band == "pivot" and counts["share"]["backup_pct"] > counts["share"]["primary_pct"] else None
    main = f"{carried or first_short}."

    def noted(line: str) -> str:
        return profile.after_pass_note(v, line, banded=True, heard=True)

    # Each way below gives its tries, longest first; the margins' try is
    # left out mid-season for a reader adding programs (adding_this_season).
    if said is not None and failing:
        # "Name a backup" is the advice here: after the score's note.
        pinned = [f"{named} ({label}). {fail} Name a backup." for fail in failing] + [f"{failing[-1]} {named}: name a backup."]
    elif said is not None:
        short = f"{named} ({label}). Name a backup."
        pinned = [with_margins, summary, noted(said), said, noted(short), short]
    elif warned or caveat or backup_caveat or h1b_counts or failing:
        shorter, shorter_backup = (SHORTER_CAVEATS.get(said, said) for said in (caveat, backup_caveat))
        # The backup's caveat gives way first, then the first choice's; both
        # said shorter come before the backup's goes.  One caveat of two
        # fields is said of both or neither: said of the first choice alone,
        # the backup read as if it escaped it (diff review s54, 17).
        caveats = [(caveat, backup_caveat), (shorter, backup_caveat), (shorter, shorter_backup)]
        if not caveat or caveat != backup_caveat:
            caveats += [(caveat, ""), (shorter, "")]
        caveats.append(("", ""))
        tails = dict.fromkeys([f" {H1B_ONLY_PINNED}" if h1b_counts else "", ""])
        if failing:
            # The note after the counts and their band, the warning's tag
            # last, as below; with nothing else to give way, the counts as
            # the summary says them come first.  Then the band gives way,
            # which the band's headline below says.  Past the limit still,
            # the note leads, then the tag, and one count goes:
            # "Check your backup." before the note hid the most urgent fact
            # where a third line cut the rest (counts56 brief s56, 1).
            tag = f" {warned.tag}" if warned else ""
            alone = [] if warned or caveat or backup_caveat or h1b_counts else [counts_said("")]
            pinned = [
                f"{said_counts}{tail} {fail}{tag}"
                for tail in tails
                for said_counts in [*alone, *(compact(*each) for each in dict.fromkeys(caveats))]
                for fail in failing
            ] + [f"{bare} {failing[-1]}{tag}", f"{failing[-1]}{tag} {main}", f"{failing[-1]}{tag}"]
        elif warned:
            pinned = [f"{compact(*each)}{tail} {warned.tag}" for tail in tails for each in dict.fromkeys(caveats)]
            pinned += [f"{warned.tag} {bare}", f"{warned.tag} {main}"]
        else:
            pinned = [noted(f"{compact(*each)}{tail}") for tail in tails for each in dict.fromkeys(caveats)]
            pinned += [noted(bare), compact(""), bare, main]
    else:
        # The summary with its margins where it fits; else the counts, as in
        # the lines above.
        plain = [counts_said(""), compact(""), bare]
        pinned = [with_margins, summary, *map(noted, plain), *plain, main]
    today = cycle.reference_date()
    adding = profile.adding_this_season(v, today)
    if adding is None:
        gist = first_within_pinned_line(pinned)
    else:
        # A reader who applied this season, with the last useful day ahead,
        # read the whole season's counts and the margins' "A first US
        # rotation ... would move you", which cannot count this season, and
        # not that day (interview audit s56, 2): the day leads, then the
        # counts as above.  A failing score's note and the warning's tag stay.
        urgent = " ".join(part for part in ((failing or [""])[-1], warned.tag if warned else "") if part)
        gist = competitiveness.led_by_action(
            competitiveness.add_by_leads(adding, spec.slug, today), [line for line in pinned if line != with_margins], urgent
        )
    next_season = profile.next_season_said(
        v, today, "these counts are for", [spec.slug], dated=competitiveness.names_a_day(check["margins"], today)
    )
    # In the order the keys were added before this was one literal: JSON
    # readers see the same order.
    return {
        **counts,
        "inputs": dict(v),
        "specialty_name": spec.name,
        "backup_name": backup_name,
        "band": band,
        "band_label": BAND_LABELS[band],
        "score": check["score"],
        "factors": check["factors"],
        "margins": check["margins"],
        "warning": warning,
        "warning_heard": warned.heard if warned else None,
        "warning_tag": warned.tag if warned else None,
        "reasons": reasons,
        "summary": with_margins,
        "announced": heard,
        "gist": gist,
        "mid_season": None
        if next_season
        else mid_season_note(today, spec.slug, backup_slug, applied=profile.said_applied(v, today)),
        "next_season": next_season,
        "add_now": None
        if adding is None
        else add_now_rule(adding, today, counts, spec.slug, backup_slug, band, changing, name_a_backup=said is not None),
    }


# --- Presentation ----------------------------------------------------------------
def render_warning(warning: str | None) -> Markup | None:
    """The backup warning, first in the result.

    Not role="alert": the result is replaced on every keystroke, and the
    status line already announces the summary, which starts with the warning.
    """
    if not warning:
        return None
    return el("p", el("strong", "Warning: "), warning, class_="mpb-warning")


def summary_under_warning(summary: str, warning: str | None) -> str:
    """The summary as the page shows it under ``render_warning``.  The
    warning leads the summary for the status line and for whoever reads the
    result as data; on the page it already stands above, and printed twice
    (program-counts audit s37, 8)."""
    return summary.removeprefix(f"{warning} ") if warning else summary


class BandHeadline(TypedDict):
    """What the band's headline reads: signals' result carries it too."""

    band: Band
    band_label: str
    score: int
    inputs: dict[str, object]


def render_band_headline(result: BandHeadline) -> Markup:
    """The band and score this result was planned for, and whom for, shared by the calculators built on this one."""
    headline = el(
        "p",
        el("span", result["band_label"], class_=f"mpb-band mpb-band--{result['band']}"),
        " ",
        el("strong", f"{result['score']}/100"),
        " on the competitiveness check",
        class_="mpb-headline",
    )
    inputs = result["inputs"]
    return join(
        headline,
        profile.worked_out_for(inputs),
        competitiveness.comlex_only_surgery_note(inputs, inputs.get("specialty")),
    )


def render(result: ProgramCountsResult) -> Markup:
    rules = result["range_rule"]
    pct = result["share"]
    count_text = result["count_text"]

    def row(name: object, role: str, rule: RangeRule, count: str | None, key: str) -> tuple[object, ...]:
        return (
            name,
            role,
            el("strong", count),
            f"{pct[key + '_pct']}%",
            capitalised(rule["aim_text"])
            if rule["aim"] in QUARTER_AIMS
            else f"{rule['article_range']}, aiming at {rule['aim_text']}",
            rule["source"],
        )

    rows = [row(result["specialty_name"], "First choice", rules["primary"], count_text["primary"], "primary")]
    if (backup_rule := rules["backup"]) is not None:  # as the backup's counts: both or neither
        rows.append(row(result["backup_name"], "Backup", backup_rule, count_text["backup"], "backup"))
        # The first-year list an advanced field needs is not in the sum
        # (prelim-SOAP audit s34, 8).
        everything = (
            "All programs, not counting the preliminary or transitional programs an advanced position needs"
            if data.advanced_among(result["inputs"]["specialty"], result["inputs"]["backup_specialty"])
            else "All programs"
        )
        rows.append((el("strong", everything), "", el("strong", count_text["total"]), "100%", "", ""))
    mix = result["tiers"]
    return el(
        "div",
        render_warning(result.get("warning")),
        render_band_headline(result),
        profile.render_pass_note(result["inputs"]),
        el("p", summary_under_warning(result["summary"], result.get("warning"))),
        # Beside the counts it qualifies, before the chart draws them.
        el("p", el("strong", "Mid-season: "), result["mid_season"], class_="mpb-warning") if result.get("mid_season") else None,
        el("p", el("strong", ADD_NOW_LEAD), " ", str(result["add_now"]).removeprefix(f"{ADD_NOW_LEAD} "), class_="mpb-warning")
        if result.get("add_now")
        else None,
        profile.render_next_season(result.get("next_season")),
        charts.program_split(result),
        table(
            ("Specialty", "Role", "Programs", "Share", "Rule of thumb used", "Source"),
            rows,
            caption="How many programs to apply to",
        ),
        table(
            tuple(data.PROGRAM_TIER_LABELS[t] for t in data.PROGRAM_TIERS_EASIEST_FIRST),
            [tuple(f"{mix[f'{t}_pct']}%" for t in data.PROGRAM_TIERS_EASIEST_FIRST)],
            caption="Mix within each specialty's list",
        ),
        competitiveness.render_margins(result["margins"]),
        render_band_inputs(result),
        el("h4", "Why these numbers"),
        el("ul", [el("li", reason) for reason in result["reasons"]]),
        el(
            "p",
            "These ranges are rules of thumb from the source articles, not measured data and not a guarantee: "
            "a longer list raises your chances of interviews but cannot promise a match.",
            class_="mpb-note",
        ),
        class_="mpb-result-body",
    )


def method() -> Markup:
    """Every range, the band rules, the split and the tier mix, with sources."""
    broad_low, broad_high = _part(BROAD_PRIMARY_CARE, BROAD_BACKUP_AIM_AT_DUAL_APPLY)
    ranges = (
        DERMATOLOGY,
        ORTHOPAEDICS,
        ORTHOPAEDICS_ORTHO_ARTICLE,
        OTHER_ULTRA,
        GENERAL_FIRST_CHOICE,
        BROAD_PRIMARY_CARE,
        NO_MATCH_BACKUP,
        GENERAL_SURGERY_BACKUP,
        PMR_BACKUP,
        DEFAULT_SECONDARY_BACKUP,
    )
    first_choice_fields = ", ".join(f"{data.specialty(slug).name} {rule.text()}" for slug, rule in FIRST_CHOICE_RANGES.items())
    band_rows = [
        (
            BAND_LABELS["single-track"],
            "Whole range",
            "Whole range",
            "Lower half of the backup-kept-second range",
        ),
        (
            BAND_LABELS["dual-apply"],
            "Upper half",
            "Whole range",
            f"Backup-kept-second range; IM or FM behind orthopaedics {BROAD_PRIMARY_CARE.text()} (the IMG article's range; "
            f"the orthopaedics article says 80+); for a non-US IMG, or a US-citizen IMG with a red flag on file, IM or FM "
            f"{broad_low}–{broad_high}, the lower half of that range, and any other backup without its own figure the lower half of "
            f"{NO_MATCH_BACKUP.text()}",
        ),
        (
            BAND_LABELS["dual-apply-strongly"],
            f"Internal and family medicine: {BROAD_PRIMARY_CARE.text()} (the IMG article's range for them); any other "
            "field: the top of its range, and name a backup",
            "Whole range",
            f"Large-backup range: IM and FM {BROAD_PRIMARY_CARE.text()}, others {NO_MATCH_BACKUP.text()}",
        ),
        (
            BAND_LABELS["pivot"],
            f"A quarter of the {DEFAULT_LARGE_BACKUP.text()} a backup usually takes; name a backup",
            f"A quarter of the backup count ({PIVOT_BACKUP_PCT}/{PIVOT_FIRST_CHOICE_PCT} split)",
            "Large-backup range, now the main application",
        ),
    ]
    tier_rows = [
        (BAND_LABELS[band], *(f"{tiers(band)[f'{t}_pct']}%" for t in data.PROGRAM_TIERS_EASIEST_FIRST))
        for band in reversed(BAND_ORDER)
    ]
    return join(
        el(
            "p",
            "The competitiveness check gives a band. The band picks a range from the table below for each specialty and "
            "the part of it to aim for. Nothing here is measured: every range is a rule of thumb one source article "
            "gives for a stated field and situation, and is shown with that context.",
        ),
        table(
            ("Range", "Programs", "Where the article gives it", "Source"),
            [(r.key, r.text(), r.context, r.source.cite()) for r in ranges],
            caption="The ranges (a + means the article leaves the top open)",
        ),
        el(
            "ul",
            [
                el("li", f"First choice: {first_choice_fields}; any other field {GENERAL_FIRST_CHOICE.text()}."),
                el(
                    "li",
                    "Backup kept second: behind orthopaedics, general surgery "
                    f"{GENERAL_SURGERY_BACKUP.text()} and PM&R {PMR_BACKUP.text()} (the articles' orthopaedic figures); "
                    f"any other pairing {DEFAULT_SECONDARY_BACKUP.text()}.",
                ),
                el(
                    "li",
                    f"Backup carrying a large share: internal and family medicine {BROAD_PRIMARY_CARE.text()}, any other "
                    f"field {NO_MATCH_BACKUP.text()}.",
                ),
                el(
                    "li",
                    "Hard fields (ultra-competitive, and diagnostic radiology) keep their own first-choice range in every "
                    "role, since the articles give no other figure for them.",
                ),
            ],
        ),
        table(
            ("Band", "First choice, applied to alone", "First choice, with a backup", "Backup"),
            band_rows,
            caption="Which range applies in each band",
        ),
        el(
            "p",
            "Halves meet at the middle of the range, rounded up. The split between the two specialties is each count's "
            "midpoint as a share of both midpoints; at a pivot it comes out at about "
            f"{PIVOT_BACKUP_PCT}/{PIVOT_FIRST_CHOICE_PCT}, the no-match article's example allocation. "
            "A weaker band never lowers the count in the field that carries the application, or the backup's count "
            "or share; the first choice shrinks only at a pivot, on purpose. After a no-match, a first choice applied to "
            "again beside a backup keeps its whole range, as the no-match article finds a second try reasonable for a "
            "borderline reader, with the backup as insurance; the result adds that the count should be above last "
            "season's list, which this calculator does not ask.",
        ),
        el(
            "p",
            f"After a no-match, a reader who ticks “{CHANGING_FIELD.label}” gets the mirror of a pivot: the first "
            "choice, the new field, takes the range its band gives a backup carrying a reapplicant's list rather than "
            "its first-choice range, and the backup, the field being left, a quarter of that count "
            f"({SMALL_PART}), as the "
            "no-match article's example divides a change of field. Where the check rates the new field itself "
            f"“{BAND_LABELS['pivot']}”, the pivot's split stands and a warning says so, unless the field being left is "
            "ultra-competitive: then neither field can carry the list, the new one keeps most of it, and the warning "
            "says that. The backup warnings judge a backup that "
            "catches you, which the field being left is not: for this reader one warning takes their place, when the "
            f"check rates the field being left {BACKUP_SCORE_GAP} or more points above the new one (our rule).",
        ),
        table(
            ("Band", *(data.PROGRAM_TIER_NAMES[t] for t in data.PROGRAM_TIERS_EASIEST_FIRST)),
            tier_rows,
            caption="Mix of programs within each list",
        ),
        el(
            "p",
            "The no-match article asks that at least 70–80% of a backup list after a no-match be its most realistic "
            "and stretch-but-reasonable programs; this calculator asks it of every list (our rule). Reach programs "
            f"therefore stay at {max(REACH_PCT.values())}% or less, falling as the band weakens; "
            "how the rest divides between likely and target programs is this calculator's own choice, leaning towards "
            "likely programs for weaker profiles. In an ultra-competitive field even a “likely” program is uncertain.",
        ),
        el("h4", "Which backups are accepted"),
        el(
            "p",
            "An ultra-competitive field is refused as a backup, with a message on the backup field, as the backup finder "
            "never suggests one: the no-match article judges such fields unrealistic as a backup for most who have "
            "already gone unmatched, and refusing one to every reader is our rule. "
            f"The one exception is the field being left, with “{CHANGING_FIELD.label}” ticked: it is not a net. A "
            "backup harder to enter than the first choice is accepted with a warning at the top of the result, since the "
            "IMG article asks for a less competitive backup. So is a backup outside the fields most open to IMGs "
            "that, with your file, the competitiveness check itself rates “Dual apply, strongly” or worse: it would "
            "need a backup of its own (our rule); and one among them rated so when another of them rates better. After a no-match, a backup outside the ultra-competitive fields and "
            f"those {data.TIER_LABELS['competitive']} never gets fewer programs than the no-match article's "
            f"{NO_MATCH_BACKUP.text()}; where another article's range for it reaches at least as high, that range is kept.",
        ),
        el("h4", "Where the articles disagree"),
        el(
            "ul",
            [
                el(
                    "li",
                    f"Orthopaedic surgery: the orthopaedics article gives {ORTHOPAEDICS_ORTHO_ARTICLE.text()} for a dual "
                    f"applicant, the ultra-competitive article {ORTHOPAEDICS.text()} for a US-citizen IMG and 70–90 in its "
                    f"roadmap. The calculator uses {ORTHOPAEDICS.text()}, the one range that covers the other two.",
                ),
                el(
                    "li",
                    f"Backup after a no-match: the ultra-competitive roadmaps keep a backup at 20–60 programs, the no-match "
                    f"article asks a reapplicant for {NO_MATCH_BACKUP.text()}. A reapplicant gets the no-match figure, which "
                    "was written for that reader.",
                ),
            ],
        ),
        el("h4", "Caveats"),
        el(
            "ul",
            [
                el("li", "Rules of thumb, not guarantees: no number of applications promises interviews or a match."),
                el(
                    "li",
                    "Most ranges were written for US-citizen IMGs; the first-choice count outside the ultra-competitive "
                    "fields and radiology is the IMG article's example of a non-US IMG who needs a J-1. A reader who needs a visa "
                    "should count only programs that sponsor it, and where few do, let the backup carry the breadth; one who can "
                    "take only an H-1B, only programs that will file one for them, which this calculator says beside "
                    "the first choice's count in any field.",
                ),
                el("li", "A count larger than the programs open to you is a prompt to widen your area or your backup."),
                el(
                    "li",
                    "The counts are for a whole season's applications. From the day programs start reviewing until the "
                    "season's rank-list deadline (the dates of the timeline's table), the result adds a note for a reader "
                    "short of interviews: send additions at once, to more programs in the field if it was not applied to "
                    "widely, otherwise to the backup, and in a surgical field weigh a preliminary surgery year, as the "
                    "Timeline guide's section “Already applied, and short of interviews?” does.",
                ),
            ],
        ),
        el("h4", "Sources"),
        el(
            "ul",
            [el("li", s.cite()) for s in (ARTICLE_ULTRA, ARTICLE_ORTHO, ARTICLE_IMG, ARTICLE_UNMATCHED)],
        ),
    )
