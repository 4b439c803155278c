"""Backup finder: which backup specialties fit a primary choice and a reader.

Every eligible specialty gets points from four kinds of evidence, each shown
in the result: the source articles' primary-to-backup pairings (and the
IMG article's shared-skill overlaps), how often non-US IMGs matched in it by
the NRMP figures, its competitiveness tier (with more weight when a visa is
needed), and the reader's own preferences matched against the specialty's
traits.  Bridges (transitional and preliminary years) are listed separately,
because they are one-year stepping stones rather than careers.

``PAIRINGS`` is the articles' pairings as data; the guides' pairings table is
generated from it, so the page and the calculator cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal, NamedTuple, TypedDict

from . import competitiveness, cycle, data, match_odds, profile
from .data import (
    ARTICLE_IMG,
    ARTICLE_ORTHO,
    ARTICLE_RADIOLOGY,
    ARTICLE_ULTRA,
    ARTICLE_UNMATCHED,
    CHARTING_OUTCOMES,
    RESULTS_AND_DATA,
    Source,
    Tier,
)
from .fields import ChoiceField, flag, parse_inputs, whole, whole_or_none, word
from .html import (
    Markup,
    and_list,
    capitalised,
    counted,
    el,
    join,
    number_word,
    paper_note,
    printed_if_opened,
    signed,
    table,
    table_percent,
)
from .registry import first_within_read_out

NAME = "backup_finder"
TITLE = "Backup specialty finder"
SUMMARY = (
    "Ranks backup specialties for your first choice using the source articles' pairings, "
    "NRMP figures on IMG matching and your own preferences, with every point explained."
)

TRANSITIONAL_YEAR = "transitional-year"
PRELIMINARY_YEAR = "preliminary-year"
BRIDGE_NAMES = {TRANSITIONAL_YEAR: "Transitional year", PRELIMINARY_YEAR: "Preliminary year"}


# ============================================================================
# The articles' pairings.  ``why`` is our summary of each article's reasoning.
# ============================================================================
@dataclass(frozen=True)
class Pairing:
    """One article's suggested backups for one primary specialty."""

    primary: str
    backups: tuple[str, ...]
    why: str
    sources: tuple[Source, ...]


_SURGICAL_TO_OR_FIELDS = (
    "General surgery and anesthesiology share the operating room, hands-on procedures and acute care with the "
    "surgical specialties, and internal medicine adds acute care and a large number of positions."
)
_ULTRA_SURGICAL = (
    "The article's dual-application example for these surgical fields is general surgery, either categorical "
    "or as a preliminary year that keeps you in a surgical department while you reapply."
)
_CLINIC_BASED = "These are largely clinic-based fields resting on an internal medicine foundation."

PAIRINGS: tuple[Pairing, ...] = (
    # --- IMG article: "Common Primary-Backup Pairings for IMGs" (examples, not rules).
    Pairing(
        "internal-medicine",
        ("family-medicine", "pediatrics", "psychiatry"),
        "Each is a broad, mostly cognitive field with a long record of training IMGs, so an internal medicine "
        "applicant's clinical story carries over.",
        (ARTICLE_IMG,),
    ),
    Pairing(
        "general-surgery",
        (PRELIMINARY_YEAR, "family-medicine", "internal-medicine", TRANSITIONAL_YEAR),
        "A preliminary surgery year keeps you operating and earning surgical letters, while a categorical place in "
        "family or internal medicine, or a transitional year, secures a training post if surgery does not come through.",
        (ARTICLE_IMG,),
    ),
    Pairing(
        "neurology",
        # The article's "Internal Medicine (prelim year then re-apply)" is a
        # preliminary year, so categorical internal medicine is not paired.
        ("psychiatry", PRELIMINARY_YEAR),
        "Psychiatry shares neurology's focus on the brain and behavior; the internal medicine route the article "
        "describes is a preliminary year followed by reapplying, not a categorical place.",
        (ARTICLE_IMG,),
    ),
    Pairing(
        "pediatrics",
        ("family-medicine",),
        "Family medicine keeps children in your practice alongside adults, which suits applicants drawn to broad primary care.",
        (ARTICLE_IMG,),
    ),
    Pairing(
        "obstetrics-gynecology",
        ("family-medicine", "internal-medicine"),
        "Family medicine can keep prenatal and women's health care at the center of a primary-care practice; "
        "internal medicine offers a wide clinical base.",
        (ARTICLE_IMG,),
    ),
    Pairing(
        "psychiatry",
        ("family-medicine", "internal-medicine"),
        "Both keep long-term relationships with patients at the center; the article warns that psychiatry itself "
        "has become competitive in some regions.",
        (ARTICLE_IMG,),
    ),
    Pairing(
        "diagnostic-radiology",
        ("internal-medicine", TRANSITIONAL_YEAR, "family-medicine"),
        "Internal and family medicine are IMG-friendly fields where imaging still shapes daily decisions; a transitional "
        "year is the first year an advanced radiology position needs anyway.",
        (ARTICLE_IMG,),
    ),
    Pairing(
        "anesthesiology",
        ("internal-medicine", TRANSITIONAL_YEAR, "family-medicine"),
        "The same reasoning as for radiology: two accessible categorical fields, plus the transitional year an "
        "advanced anesthesiology position would require.",
        (ARTICLE_IMG,),
    ),
    # --- No-match article: its "Original Target / Strategic Backup Options / Why"
    # table, its transferable-skills list and its unmatched-orthopaedics case.
    Pairing(
        "orthopaedic-surgery",
        ("general-surgery", "anesthesiology", "internal-medicine"),
        _SURGICAL_TO_OR_FIELDS + " The article's worked example steers an unmatched orthopaedic applicant to general "
        "surgery or anesthesiology.",
        (ARTICLE_UNMATCHED,),
    ),
    Pairing(
        "otolaryngology", ("general-surgery", "anesthesiology", "internal-medicine"), _SURGICAL_TO_OR_FIELDS, (ARTICLE_UNMATCHED,)
    ),
    Pairing(
        "plastic-surgery",
        ("general-surgery", "anesthesiology", "internal-medicine"),
        _SURGICAL_TO_OR_FIELDS,
        (ARTICLE_UNMATCHED,),
    ),
    Pairing(
        "general-surgery",
        ("anesthesiology", "emergency-medicine", "internal-medicine"),
        "Surgical training brings experience with critically ill inpatients, which anesthesiology, emergency medicine "
        "and internal medicine all value.",
        (ARTICLE_UNMATCHED,),
    ),
    Pairing("dermatology", ("internal-medicine", "family-medicine", "neurology"), _CLINIC_BASED, (ARTICLE_UNMATCHED,)),
    Pairing("pathology", ("internal-medicine", "family-medicine", "neurology"), _CLINIC_BASED, (ARTICLE_UNMATCHED,)),
    Pairing(
        "emergency-medicine",
        ("internal-medicine", "family-medicine", "anesthesiology"),
        "Acute-care skills carry over, and the patients seen are much the same.",
        (ARTICLE_UNMATCHED,),
    ),
    Pairing(
        "obstetrics-gynecology",
        ("family-medicine", "internal-medicine", "anesthesiology"),
        "Ongoing women's health care fits family and internal medicine clinics; the article adds anesthesiology as "
        "an occasional route.",
        (ARTICLE_UNMATCHED,),
    ),
    Pairing(
        "pediatrics",
        ("psychiatry", "family-medicine"),
        "Child and adolescent psychiatry, and the children family physicians look after, keep a pediatric focus.",
        (ARTICLE_UNMATCHED,),
    ),
    # --- Orthopaedics article: its list of frequent backups with pros and cons.
    Pairing(
        "orthopaedic-surgery",
        ("general-surgery", "pmr", "internal-medicine", "family-medicine", "emergency-medicine"),
        "General surgery keeps you in the operating room; PM&R is the most musculoskeletal of the group; internal and "
        "family medicine lead to sports medicine and other musculoskeletal fellowships; emergency medicine treats "
        "fractures and acute injuries. The article cautions that general surgery and PM&R are competitive in their own right.",
        (ARTICLE_ORTHO,),
    ),
    # --- Ultra-competitive article: its dual-application examples and the
    # adjacent careers it suggests after matching a backup.
    Pairing(
        "dermatology",
        ("internal-medicine", PRELIMINARY_YEAR, TRANSITIONAL_YEAR),
        "Categorical internal medicine keeps a route to skin-adjacent fellowships such as rheumatology, allergy and "
        "infectious disease; a preliminary or transitional year is the article's bridge for reapplying.",
        (ARTICLE_ULTRA,),
    ),
    Pairing(
        "orthopaedic-surgery",
        (PRELIMINARY_YEAR, "general-surgery", "pmr", "family-medicine", "internal-medicine"),
        "A preliminary surgery year alongside categorical general surgery or PM&R is the article's dual-application "
        "example; sports medicine through family or internal medicine is its suggestion for staying close to "
        "musculoskeletal care.",
        (ARTICLE_ULTRA,),
    ),
    Pairing("otolaryngology", ("general-surgery", PRELIMINARY_YEAR), _ULTRA_SURGICAL, (ARTICLE_ULTRA,)),
    Pairing("plastic-surgery", ("general-surgery", PRELIMINARY_YEAR), _ULTRA_SURGICAL, (ARTICLE_ULTRA,)),
    Pairing("neurological-surgery", ("general-surgery", PRELIMINARY_YEAR), _ULTRA_SURGICAL, (ARTICLE_ULTRA,)),
    # --- Radiology article: its five backup options.
    Pairing(
        "diagnostic-radiology",
        ("internal-medicine", TRANSITIONAL_YEAR, PRELIMINARY_YEAR, "family-medicine", "psychiatry", "neurology"),
        "Internal medicine is IMG-friendly and leans heavily on imaging; a transitional or preliminary medicine year "
        "is a bridge for reapplying; family medicine and psychiatry are open to IMGs; neurology meets radiology in "
        "neuroimaging.",
        (ARTICLE_RADIOLOGY,),
    ),
)


@dataclass(frozen=True)
class Overlap:
    """Two specialties whose skills overlap, in either direction."""

    a: str
    b: str
    shared: str
    source: Source


# IMG article: overlap examples that make a primary and backup read as one story.
OVERLAPS: tuple[Overlap, ...] = (
    Overlap("internal-medicine", "neurology", "complex diagnosis and inpatient care", ARTICLE_IMG),
    Overlap("general-surgery", "anesthesiology", "the operating room, procedures and acute care", ARTICLE_IMG),
    Overlap("obstetrics-gynecology", "family-medicine", "women's health and prenatal care", ARTICLE_IMG),
    Overlap("psychiatry", "neurology", "the meeting point of brain and behavior", ARTICLE_IMG),
)


# ============================================================================
# Specialty traits, matched against the reader's preferences.
# ============================================================================
Procedures = Literal["high", "some", "low"]
Setting = Literal["clinic", "mixed", "hospital", "little-patient-contact"]


@dataclass(frozen=True)
class Traits:
    procedures: Procedures
    setting: Setting
    interests: frozenset[str]
    why: str
    sources: tuple[Source, ...] = ()

    @property
    def source(self) -> Source | None:
        """The article ``why`` and the field's traits come from: its first source."""
        return self.sources[0] if self.sources else None


INTERESTS: tuple[tuple[str, str], ...] = (
    ("none", "No particular interest"),
    ("musculoskeletal", "Musculoskeletal: bones, joints, sports"),
    ("imaging", "Imaging"),
    ("mental-health", "Mental health"),
    ("children", "Children"),
    ("womens-health", "Women's health"),
    ("acute-care", "Acute and critical care"),
    ("surgery", "Surgery and the operating room"),
)
INTEREST_LABELS = dict(INTERESTS)

# Ultra-competitive fields are never suggested, so only the rest need traits.
TRAITS: dict[str, Traits] = {
    "internal-medicine": Traits(
        "low",
        "mixed",
        frozenset({"musculoskeletal", "imaging", "acute-care"}),
        "Not procedural by default; wards and clinics; fellowships reach rheumatology and sports medicine, "
        "imaging-heavy cardiology and pulmonology, and critical care.",
        (ARTICLE_ORTHO, ARTICLE_RADIOLOGY),
    ),
    "family-medicine": Traits(
        "some",
        "clinic",
        frozenset({"musculoskeletal", "children", "womens-health", "mental-health"}),
        "Clinic-based continuity care for all ages, including women's health; sports medicine fellowships often "
        "draw from it; office procedures and procedural tracks exist; a mental-health interest can be kept up.",
        (ARTICLE_IMG, ARTICLE_ORTHO, ARTICLE_ULTRA),
    ),
    "pediatrics": Traits("low", "mixed", frozenset({"children"}), "Care of children and adolescents in hospital and clinic."),
    "psychiatry": Traits(
        "low",
        "clinic",
        frozenset({"mental-health", "children"}),
        "Values conversation and judgment over procedures; much of the work is continuity care in clinics; "
        "child and adolescent psychiatry is a route for those drawn to children.",
        (ARTICLE_RADIOLOGY, ARTICLE_IMG, ARTICLE_UNMATCHED),
    ),
    "neurology": Traits(
        "low",
        "mixed",
        frozenset({"imaging", "mental-health"}),
        "Reads a great deal of brain and spine imaging and takes inpatient call; shares the brain-behavior interface with psychiatry.",
        (ARTICLE_RADIOLOGY, ARTICLE_IMG),
    ),
    "pathology": Traits(
        "low",
        "little-patient-contact",
        frozenset(),
        "Laboratory diagnosis with little direct patient care, so clinic-or-hospital preferences do not move it.",
    ),
    "emergency-medicine": Traits(
        "high",
        "hospital",
        frozenset({"acute-care", "musculoskeletal"}),
        "Fast, procedure-heavy hospital work that includes fracture reductions and acute injuries.",
        (ARTICLE_ORTHO,),
    ),
    "anesthesiology": Traits(
        "high",
        "hospital",
        frozenset({"acute-care", "surgery"}),
        "Operating-room work built on physiology, airway skills and acute interventions.",
        (ARTICLE_UNMATCHED, ARTICLE_IMG),
    ),
    "obstetrics-gynecology": Traits(
        "high",
        "mixed",
        frozenset({"womens-health", "surgery"}),
        "Deliveries and gynecological surgery alongside clinic-based women's health care.",
    ),
    "general-surgery": Traits(
        "high",
        "hospital",
        frozenset({"surgery", "acute-care"}),
        "Operating-room and procedure-heavy, with critically ill inpatients.",
        (ARTICLE_ORTHO, ARTICLE_UNMATCHED),
    ),
    "pmr": Traits(
        "some",
        "mixed",
        frozenset({"musculoskeletal"}),
        "Strongly musculoskeletal, with sports, spine and pain clinics, interventional options and inpatient rehabilitation.",
        (ARTICLE_ORTHO, ARTICLE_ULTRA),
    ),
    "diagnostic-radiology": Traits(
        "some",
        "little-patient-contact",
        frozenset({"imaging"}),
        "Image interpretation with image-guided procedures; little continuity care with patients.",
        (ARTICLE_RADIOLOGY,),
    ),
}

# The article behind an interest a field keeps alive, where it is not the
# field's first source: internal medicine's imaging row cited the
# orthopaedics article, which never mentions imaging (radiology audit s45, 8).
INTEREST_SOURCES: dict[tuple[str, str], Source] = {
    ("internal-medicine", "imaging"): ARTICLE_RADIOLOGY,
    ("internal-medicine", "acute-care"): ARTICLE_RADIOLOGY,
    ("family-medicine", "musculoskeletal"): ARTICLE_ORTHO,
    ("family-medicine", "children"): ARTICLE_UNMATCHED,
    ("psychiatry", "mental-health"): ARTICLE_IMG,
    ("psychiatry", "children"): ARTICLE_UNMATCHED,
    ("neurology", "mental-health"): ARTICLE_IMG,
    ("general-surgery", "acute-care"): ARTICLE_UNMATCHED,
}


def interest_source(slug: str, interest: str) -> Source | None:
    """The article that says ``slug`` keeps ``interest`` alive."""
    return INTEREST_SOURCES.get((slug, interest), TRAITS[slug].source)


# ============================================================================
# The points.  ``method()`` prints this block on the calculator's page.
# ============================================================================
# Each article that pairs the primary with this backup (up to three).
PAIRING_POINTS = 15
PAIRING_ARTICLE_CAP = 3
# An IMG-article overlap between the primary and this backup.
OVERLAP_POINTS = 10

# IMG accessibility from NRMP figures: the 2026 match rate of non-US IMGs who
# ranked the specialty first (Charting Outcomes), and the share of 2025 PGY-1
# positions filled by non-US IMGs (Results and Data), which shows how many
# places actually go to IMGs.
MATCH_RATE_POINTS_PER_PCT = 0.4
IMG_SHARE_POINTS_PER_PCT = 0.3
# Where the 2025 PGY-1 row is missing (PM&R), the share is estimated from
# Charting Outcomes' own counts: the non-US IMGs who ranked the field first and
# matched, over its positions.  Where we have both, that runs a little below
# the real share (internal medicine 29.2% against 32.7%), so it errs towards
# caution.  Counting the field as 0% pushed it down; scaling it from its match
# rate by the average of other fields put PM&R at about 16%, though its own
# counts say 3.5% (21 of 601 positions), and lifted it above general surgery.
# Below this many non-US IMGs who ranked a field first, its rate says so:
# with 50, one standard error of a rate near 50% is 7 percentage points.
FEW_RANKED_FIRST = 50
# Whose share of those positions counts: a US-citizen IMG's own
# (data.IMG_GROUP_SHARES).  For US graduates the non-US IMG share stays, read
# as a sign of openness.
SHARE_OF_GROUP: dict[str, tuple[str, str]] = {"us-img": data.IMG_GROUP_SHARES["us-img"]}
NON_US_SHARE = data.IMG_GROUP_SHARES["non-us-img"]
# A US graduate's own seniors' share, said beside the IMG share that scores:
# DO seniors filled 35.1% of emergency medicine's places, which a DO read
# nowhere while the row spoke of non-US IMGs' 4.3% (COMLEX audit s37, 4).  Not
# scored: six fields have no row to give it, and Charting Outcomes' counts,
# which estimate the IMG share there, say nothing of US seniors.
SENIORS_SHARE = data.SENIORS_SHARES
# The figures describe non-US IMGs; for US graduates IMG-friendliness matters
# less, so it counts half.  US-citizen IMGs usually fare better than non-US
# IMGs (orthopaedics article) but face the same IMG filters, so full weight.
ACCESS_WEIGHT: dict[str, float] = {"us-md": 0.5, "us-do": 0.5, "us-img": 1.0, "non-us-img": 1.0}
# Sponsorship is rarer in some fields (IMG article), so a visa need makes
# accessibility count for more.
VISA_ACCESS_MULTIPLIER = 1.5

# Tier (see data.TIER_SOURCES): a backup should be clearly more attainable.
# Competitive and ultra-competitive fields are never backups (``exclusion``).
TIER_POINTS: dict[Tier, int] = {"accessible": 10, "moderate": 0}
# Needing a visa while aiming at a field where few programs sponsor one is a
# red flag (IMG article).  Which fields those are, the article does not say;
# weighing it by tier is this finder's assumption, and its text says so.
VISA_TIER_POINTS: dict[Tier, int] = {"accessible": 0, "moderate": -5}

# Preferences.  "either" never moves the score.
PROCEDURE_POINTS: dict[str, dict[Procedures, int]] = {
    "yes": {"high": 10, "some": 4, "low": -6},
    "no": {"high": -8, "some": 0, "low": 6},
}
SETTING_POINTS: dict[str, dict[Setting, int]] = {
    "yes": {"clinic": 8, "mixed": 3, "hospital": -6, "little-patient-contact": 0},
    "no": {"hospital": 8, "mixed": 3, "clinic": -6, "little-patient-contact": 0},
}
INTEREST_POINTS = 12
# Red flags: the no-match article names family medicine, psychiatry,
# pediatrics and internal medicine as generally more flexible about a lower
# Step 2, gaps or an older graduation, and IMG status; that they forgive a
# failed attempt too is our reading, and so is taking a graduation more than
# profile.LONG_AGO_YEARS years ago, the calculators' old graduation, as the
# article's older one (the finder does not ask the recent clinical work that
# clears the competitiveness check's flag).  After a no-match the same article's
# realistic backups add anesthesiology to those four (data.NO_MATCH_BACKUPS),
# and "sometimes" emergency medicine or pathology, which count half.
FLEXIBLE_ABOUT_RED_FLAGS = data.FLEXIBLE_ABOUT_RED_FLAGS
AFTER_A_NO_MATCH = data.NO_MATCH_BACKUPS
RED_FLAG_POINTS = 10
# ...except, for an IMG, a field on that list that is not historically
# IMG-accessible (anesthesiology): the article does not write for IMGs, and
# IMGs of both kinds fill few of its positions (in 2025, non-US IMGs 4.7% and
# US-citizen IMGs 2.6% of its PGY-1 positions).  It was withheld from non-US
# IMGs only, which put it among a US-citizen IMG reapplicant's top three
# (reapplicant audit s30, 2).
AFTER_A_NO_MATCH_BUT_HARD_FOR_IMGS = frozenset(slug for slug in AFTER_A_NO_MATCH if data.specialty(slug).tier != "accessible")

PROCEDURE_TEXT: dict[Procedures, str] = {
    "high": "strongly procedural",
    "some": "partly procedural",
    "low": "mostly non-procedural",
}
SETTING_TEXT: dict[Setting, str] = {
    "clinic": "mostly clinic-based",
    "mixed": "a mix of clinic and hospital work",
    "hospital": "mostly hospital-based",
    "little-patient-contact": "mostly away from direct patient care",
}


# The fields where the no-match article says a strong preliminary or
# transitional year makes an average candidate credible ("sometimes" for the
# last two).
CREDIBLE_AFTER_A_STRONG_YEAR = frozenset(
    {"internal-medicine", "family-medicine", "psychiatry", "anesthesiology", "emergency-medicine"}
)
CREDIBLE_SOMETIMES = frozenset({"anesthesiology", "emergency-medicine"})
# NRMP 2025 rows for the one-year positions.
BRIDGE_ROWS = {
    "transitional": "Transitional Year",
    "medicine": "Medicine-Preliminary",
    "surgery": "Surgery-Preliminary",
}

PREFERENCES: tuple[tuple[str, str], ...] = (("either", "Either / no preference"), ("yes", "Yes"), ("no", "No"))

# The points row for a failed attempt, a past no-match or an older
# graduation.  Not "Red flags" alone: the finder scores an older graduation
# on the years only, and the check counts it as a red flag only with too
# little recent work (oldgrad audit s52, 9).
RED_FLAGS_ROW = "Red flags or older graduation"


def check_counts_it() -> str:
    """When the competitiveness check counts an older graduation as a red
    flag, in its own numbers, as a clause: the finder does not ask the recent
    work it turns on (oldgrad audit s52, 9)."""
    return f"the competitiveness check counts it as a red flag only with {competitiveness.TOO_LITTLE_RECENT_WORK}"


FIELDS = (
    replace(
        profile.SPECIALTY,
        label="Your first-choice specialty",
        initial="diagnostic-radiology",
        help="The specialty you most want; it is never suggested back to you.",
    ),
    profile.APPLICANT_TYPE,
    replace(
        profile.NEEDS_VISA,
        help="Makes IMG-friendliness count for more, and competitive fields count for less.",
    ),
    ChoiceField(
        name="prefers_procedures",
        label="Prefer a procedural field",
        choices=PREFERENCES,
        initial="either",
        help="Yes for hands-on work such as operating or procedures; no for mainly thinking and talking.",
    ),
    ChoiceField(
        name="prefers_outpatient",
        label="Prefer clinic (outpatient) work",
        choices=PREFERENCES,
        initial="either",
        help="Yes for clinics and continuity; no for hospital wards, operating rooms and emergency departments.",
    ),
    ChoiceField(
        name="interest",
        label="Main clinical interest",
        choices=INTERESTS,
        initial="none",
        help="A backup that keeps this interest alive scores higher.",
    ),
    replace(
        profile.EXAM_FAILURES,
        help="Failed attempts on any USMLE Step or COMLEX Level: fields more forgiving of them score higher.",
    ),
    replace(
        profile.PREVIOUSLY_UNMATCHED,
        help="After a no-match, fields that forgive red flags more score higher.",
    ),
    # Asked so the headline can say when the check, which costs an old
    # graduation points in every field, may rate a suggested field as needing
    # a backup of its own (fuzz audit s34, 1), and so that past
    # LONG_AGO_YEARS the forgiving fields score for it (oldgrad audit s43, 8).
    # Called the no-match article's "older graduation", not a red flag: the
    # check, beside it, said an old graduation with recent work "is not
    # counted as a red flag" (oldgrad audit s52, 9).
    replace(
        profile.YEARS_SINCE_GRADUATION,
        help=f"{profile.YEARS_SINCE_GRADUATION.help} More than {profile.LONG_AGO_YEARS} counts here as an older "
        "graduation, the no-match article's term: the fields more forgiving of it score higher, and the result names "
        f"the fields to check first. {capitalised(check_counts_it())}.",
    ),
    replace(
        profile.STEP2_SCORE,
        initial=None,
        help="Your three-digit score, not a percentile. Adds each field's match odds at it, from the match odds "
        "calculator (figures for non-US IMGs), and ranks a field where your score is in the bottom quarter of IMGs "
        f"who matched after the others. {profile.STEP2_LEFT_EMPTY}",
    ),
    profile.APPLIED_THIS_SEASON,
)


class PointsRow(TypedDict):
    component: str
    points: int
    why: str
    source: str | None


@dataclass(frozen=True)
class Component:
    component: str
    points: int
    why: str
    source: Source | None = None

    def as_dict(self) -> PointsRow:
        return {
            "component": self.component,
            "points": self.points,
            "why": self.why,
            "source": self.source.cite() if self.source else None,
        }

    def sentence(self) -> str:
        return self.why + (f" (Source: {self.source.cite()}.)" if self.source else "")


# --- The rules applied --------------------------------------------------------------------
def pairings_for(primary: str) -> tuple[Pairing, ...]:
    return tuple(p for p in PAIRINGS if p.primary == primary)


def pairings_naming(primary: data.Specialty, candidate: data.Specialty) -> tuple[Pairing, ...]:
    """The articles' pairings that suggest ``candidate`` as a backup for ``primary``."""
    return tuple(p for p in pairings_for(primary.slug) if candidate.slug in p.backups)


def paired(primary: data.Specialty, candidate: data.Specialty) -> bool:
    return bool(pairings_naming(primary, candidate))


def harder_for_imgs(primary: data.Specialty, candidate: data.Specialty) -> bool:
    """Whether ``candidate`` sits in a tier less open to IMGs than ``primary``."""
    return data.TIER_ORDER.index(candidate.tier) > data.TIER_ORDER.index(primary.tier)


def exclusion(primary: data.Specialty, candidate: data.Specialty, applicant: str | None = None) -> str | None:
    """Why a specialty cannot be a backup for this primary, or None.

    A backup must be easier to match than the first choice (IMG article).
    Only among the fields most open to IMGs, where nothing is easier, may it
    be as hard; elsewhere a field as hard stays only when an article pairs it
    with the first choice, and the result then says so.

    A US graduate (``applicant`` in data.US_GRADUATE_TYPES) is not held to
    the first of those rules, the tiers being IMGs': it left a DO with
    psychiatry first without emergency medicine, of whose 2025 PGY-1
    positions DO seniors filled 35.1% (usdo audit s44, 5).  Such a field is
    listed with a note instead (``img_tier_note``).  The ultra-competitive
    fields, and those competitive for IMGs (the next two rules), stay out
    for everyone.  Without ``applicant`` the IMG rule applies."""
    if candidate.slug == primary.slug:
        return "This is your first choice."
    if candidate.tier == "ultra":
        return (
            "Ultra-competitive: the no-match article judges such fields unrealistic as a backup for most who have "
            "already gone unmatched (leaving them out for every reader is our rule), "
            "and the orthopaedics article asks that a backup be clearly easier to match."
        )
    if harder_for_imgs(primary, candidate) and applicant not in data.US_GRADUATE_TYPES:
        # With the tiers and a figure: match rates alone can read the other
        # way (EM 54.1% against neurology's 41.9%), and the reason stood
        # without a basis (mid-tier audit s35, 3).  Where they do, the reason
        # says so and rests on the tiers alone: "more competitive" stood over
        # the higher rates of EM and PM&R, PM&R's with no figure (pathneuro
        # audit s46, 2).
        tiers = (
            f"{data.TIER_LABELS[candidate.tier]}, where {primary.name} is {data.TIER_LABELS[primary.tier]}"
            f"{_shares_of_both(candidate, primary)}; the IMG article asks that a backup be less competitive than the "
            "first choice."
        )
        higher = _higher_rate(candidate, primary)
        if higher:
            return f"Rated more competitive for IMGs than {primary.name} by this site's tiers: {tiers} {higher}"
        return f"More competitive for IMGs than {primary.name}: {tiers}"
    if candidate.tier == "competitive":
        return (
            "Competitive for IMGs: the IMG article counts it among the highly competitive fields that need a backup of their own."
        )
    if candidate.tier == primary.tier and primary.tier != "accessible" and not paired(primary, candidate):
        return (
            f"In the same tier for IMGs as {primary.name}, and no source article pairs it with {primary.name}; "
            "the IMG article asks that a backup be less competitive than the first choice."
        )
    return None


def _pairing_components(primary: data.Specialty, candidate: data.Specialty) -> list[Component]:
    components = [
        Component(
            "Article pairing",
            PAIRING_POINTS,
            f"Suggested as a backup for {primary.name}: {p.why}",
            p.sources[0],
        )
        for p in pairings_naming(primary, candidate)[:PAIRING_ARTICLE_CAP]
    ]
    for o in OVERLAPS:
        if {o.a, o.b} == {primary.slug, candidate.slug}:
            components.append(
                Component(
                    "Shared skills", OVERLAP_POINTS, f"{primary.name} and {candidate.name} overlap in {o.shared}.", o.source
                )
            )
    if not components:
        components.append(Component("Article pairing", 0, f"No source article pairs {candidate.name} with {primary.name}."))
    return components


def _access_components(candidate: data.Specialty, applicant: str, needs_visa: bool) -> list[Component]:
    weight = ACCESS_WEIGHT[applicant] * (VISA_ACCESS_MULTIPLIER if needs_visa else 1.0)
    why_weight = [
        (why, factor)
        for why, factor, holds in (
            (
                "the figures describe non-US IMGs rather than US graduates",
                ACCESS_WEIGHT[applicant],
                ACCESS_WEIGHT[applicant] != 1,
            ),
            ("you need a visa", VISA_ACCESS_MULTIPLIER, needs_visa),
        )
        if holds
    ]
    # Named as ours, and each factor said once: "Counted ×1.5: you need a visa
    # (×1.5)", beside an NRMP source, read as a measured effect (visareapply
    # audit s51, 9).
    each = [f"{why} (×{factor:g})" for why, factor in why_weight] if len(why_weight) > 1 else [why for why, _ in why_weight]
    weight_text = f" This finder's own weight, not NRMP's: ×{weight:g}, as {', and '.join(each)}." if weight != 1 else ""
    rate_row = share_row = None
    outcome = candidate.outcome
    if outcome is not None:
        rate = float(outcome.img_match_rate_pct)
        few = ""
        if outcome.img_ranked_first < FEW_RANKED_FIRST:
            error = 100 * math.sqrt(rate / 100 * (1 - rate / 100) / outcome.img_ranked_first)
            few = f" So few applicants make it a rough figure: one standard error is about {error:.0f} percentage points."
        points, worked = points_for_percent(rate, MATCH_RATE_POINTS_PER_PCT, weight)
        rate_row = Component(
            "IMG match rate",
            points,
            f"{outcome.img_matched:,} of {outcome.img_ranked_first:,} non-US IMGs who ranked {candidate.name} first "
            f"matched in {CHARTING_OUTCOMES.year} ({table_percent(rate)}).{few}{weight_text}{worked}",
            CHARTING_OUTCOMES,
        )
    column, group = SHARE_OF_GROUP.get(applicant, NON_US_SHARE)
    pgy1 = candidate.pgy1
    if pgy1 is not None:
        share = _group_share(pgy1, applicant)
        points, worked = points_for_percent(share, IMG_SHARE_POINTS_PER_PCT, weight)
        share_row = Component(
            f"Positions filled by {group}",
            points,
            f"{data.places_filled(candidate, share, group)}.{_own_seniors_share(pgy1, applicant)}{weight_text}{worked}",
            RESULTS_AND_DATA,
        )
    elif outcome is not None:
        share_row = _estimated_share(candidate, outcome, column, group, weight, weight_text)
    else:
        share_row = Component(
            f"Positions filled by {group}",
            0,
            f"No {RESULTS_AND_DATA.year} figure for {candidate.name} in our data, nor NRMP counts to estimate it from, "
            "so no points either way.",
        )
    return [row for row in (rate_row, share_row) if row is not None]


class ShareEstimateBasis(NamedTuple):
    """Over the fields with both figures: how many (``fields``), how far the
    estimate ran below and above the real non-US IMG share at most
    (percentage points), and US-citizen IMGs' share over non-US IMGs' (both
    summed), which scales the estimate for them, as Charting Outcomes counts
    non-US IMGs only."""

    fields: int
    most_below: float
    most_above: float
    us_ratio: float


@cache
def share_estimate_basis() -> ShareEstimateBasis:
    both = [(s.outcome, s.pgy1) for s in data.SPECIALTIES if s.outcome is not None and s.pgy1 is not None]
    gaps = [float(pgy1.non_us_img_pct_of_offered) - _matched_share(outcome) for outcome, pgy1 in both]
    us_share = sum(float(pgy1.us_img_pct_of_offered) for _, pgy1 in both)
    non_us_share = sum(float(pgy1.non_us_img_pct_of_offered) for _, pgy1 in both)
    return ShareEstimateBasis(len(both), max(gaps), -min(gaps), round(us_share / non_us_share, 2))


def _matched_share(outcome: data.ChartingOutcome) -> float:
    return round(100 * outcome.img_matched / outcome.positions, 1)


def points_for_percent(percent: float, per_point: float, weight: float) -> tuple[int, str]:
    """A rate's points, and the sum that gives them written out, so its row
    adds up on its own ("48.5%, counted ×1.5" alone did not give 29).  Halves
    round up, as a reader rounding by hand would."""
    exact = percent * per_point * weight
    points = math.floor(exact + 0.5 + 1e-9)
    factors = f"{percent:g} × {per_point:g}" + (f" × {weight:g}" if weight != 1 else "")
    # One-decimal percents times these factors have at most four decimals:
    # all of them, so "2.4975" never shows as a "2.5" rounded to 2.
    total = f"{points}" if abs(exact - points) < 1e-9 else f"{exact:.4f}".rstrip("0").rstrip(".") + f", rounded to {points}"
    return points, f" Points: {per_point:g} for each percentage point, {factors} = {total}."


def _estimated_share(
    candidate: data.Specialty, outcome: data.ChartingOutcome, column: str, group: str, weight: float, weight_text: str
) -> Component:
    matched = _matched_share(outcome)
    counts = (
        f"{outcome.img_matched:,} non-US IMGs who ranked it first matched to its {outcome.positions:,} positions in "
        f"{CHARTING_OUTCOMES.year}"
    )
    if column == NON_US_SHARE[0]:
        share = matched
    else:
        basis = share_estimate_basis()
        share = round(matched * basis.us_ratio, 1)
        counts += (
            f" ({matched:.1f}%), times {basis.us_ratio:.2f}, which is how US-citizen IMGs' share compares with non-US "
            f"IMGs' across the {basis.fields} fields with both figures"
        )
    points, worked = points_for_percent(share, IMG_SHARE_POINTS_PER_PCT, weight)
    return Component(
        f"Positions filled by {group}",
        points,
        f"No {RESULTS_AND_DATA.year} figure for {candidate.name} in our data, so it is estimated from NRMP's counts: {counts}, "
        f"about {share:.1f}%.{weight_text}{worked}",
        CHARTING_OUTCOMES,
    )


def _tier_components(candidate: data.Specialty, needs_visa: bool) -> list[Component]:
    tier = candidate.tier
    components = [
        Component(
            "Competitiveness",
            TIER_POINTS[tier],
            f"{candidate.name} is {data.TIER_LABELS[tier]}.{data.tier_basis_said(candidate)}",
            candidate.tier_sources[0],
        )
    ]
    if needs_visa and VISA_TIER_POINTS[tier]:
        components.append(
            Component(
                "Visa",
                VISA_TIER_POINTS[tier],
                "The IMG article says H-1B sponsorship is rare in some specialties; this finder assumes those are "
                "among the more competitive fields (its own assumption, not the article's).",
                ARTICLE_IMG,
            )
        )
    return components


# How far under the first choice's estimate a paired backup's must be for
# the result to call it harder for the reader.
HARDER_BY = 0.05


# The first choice's own figure, said under the table beside its column:
# psychiatry's "about 61%" was nowhere beside family medicine's 54%, internal
# medicine's 47% and neurology's 40%, after the Assess guide had promised a
# field more open, and nothing said all three were lower (oldgrad audit s52, 6).
def odds_reference(
    primary: data.Specialty, suggestions: Sequence[Suggestion], step2: int | None, applicant: str, own: float | None
) -> str | None:
    """The first choice's match odds at the reader's score (``own``, as
    match_odds.step2_estimate gives it), as the table's column gives each
    field's; for a non-US IMG whose first choice is among the fields most open
    to IMGs, whether every field at the top of the list is lower.  None
    without a score, a figure or a list."""
    # Only for a first choice among the fields most open to IMGs, the case the
    # Assess guide's promise is about: beside radiology's 58% the line read as
    # if its backups were no easier, against the page's own warning that each
    # field's figure describes a different, self-selected group (diff review
    # s52, 4).
    if step2 is None or own is None or not suggestions or primary.tier != "accessible":
        return None
    whose = "" if applicant == "non-us-img" else " for non-US IMGs"
    said = [
        f"For comparison, your first choice, {primary.name}: {match_odds.about(own)} at Step 2 CK {step2}{whose}, by "
        f"the same estimate ({CHARTING_OUTCOMES.named()})."
    ]
    if match_odds.step2_says_little(primary):
        # Match odds' own rule: a level estimate ranks no field against another.
        said.append(
            f"The score barely moves {primary.name}'s figure, so a field with a lower one is not shown to be harder for you."
        )
    elif applicant == "non-us-img":
        said += _all_below(suggestions, own)
    return " ".join(said)


def _all_below(suggestions: Sequence[Suggestion], own: float) -> list[str]:
    """Said where every field at the top of the list, or in all of it, has a
    figure below the first choice's by the margin the rounded figures show;
    family medicine's, which the score barely moves, is not called harder
    (match_odds.COMPARING_FIELDS_FLAT), as the notes do not call it so."""

    def below(s: Suggestion) -> bool:
        return s["match_odds"] is not None and own - float(s["match_odds"]) >= HARDER_BY

    top = list(suggestions[:HEADLINED])
    if not all(below(s) for s in top):
        return []
    if all(below(s) for s in suggestions):
        said = ["Every field in the list has a lower figure than your first choice."]
        fields = list(suggestions)
    else:
        # Here the list is longer than its top, which is HEADLINED fields.
        said = [
            f"The {number_word(len(top))} fields at the top of the list, {and_list([str(s['name']) for s in top])}, "
            "all have a lower figure than your first choice."
        ]
        fields = top
    level = [str(s["name"]) for s in fields if match_odds.step2_says_little(data.specialty(str(s["specialty"])))]
    if level:
        figure, it, is_ = ("the figure", "it", "is") if len(level) == 1 else ("their figures", "them", "are")
        said.append(f"For {and_list(level)} the score barely moves {figure}, so match odds cannot say {it} {is_} harder for you.")
    return said


def _shares_of_both(candidate: data.Specialty, primary: data.Specialty) -> str:
    """The share of each field's PGY-1 positions non-US IMGs filled, where both are known."""
    if candidate.pgy1 is None or primary.pgy1 is None:
        return ""
    shares = [table_percent(_group_share(s.pgy1, "non-us-img")) for s in (candidate, primary)]  # type: ignore[arg-type]
    return f" (non-US IMGs filled {shares[0]} of its PGY-1 positions in {RESULTS_AND_DATA.year}, and {shares[1]} of {primary.name}'s)"


def _higher_rate(candidate: data.Specialty, primary: data.Specialty) -> str:
    """Where non-US IMGs who ranked ``candidate`` first matched more often than
    those who ranked ``primary`` first: both rates, and that a tier rule
    leaving it out does not rest on them; empty otherwise."""
    own, first = candidate.outcome, primary.outcome
    if own is None or first is None or own.img_match_rate_pct <= first.img_match_rate_pct:
        return ""
    return (
        f"Its match rate is higher, though: {data.ranked_first_matched(own)}, against {table_percent(first.img_match_rate_pct)} in "
        f"{primary.name} ({CHARTING_OUTCOMES.named()}). It is left out by this site's tiers, a judgment that weighs "
        "the articles beside such rates, which describe only the applicants each field drew."
    )


def img_tier_note(primary: data.Specialty, candidate: data.Specialty, applicant: str) -> str | None:
    """Said in the row of a field a US graduate keeps that ``exclusion``
    leaves out for an IMG as harder than the first choice, with the share of
    its places the reader's own seniors filled; None for any other field."""
    if applicant not in SENIORS_SHARE or not harder_for_imgs(primary, candidate):
        return None
    _, group = SENIORS_SHARE[applicant]
    own = candidate.pgy1.filled_by(applicant) if candidate.pgy1 else None
    first = primary.pgy1.filled_by(applicant) if primary.pgy1 else None
    if own is None:
        shares = f"Our data hold no {RESULTS_AND_DATA.year} PGY-1 figure for it, so none for {group} either."
    else:
        beside = f", and {table_percent(float(first[0]))} of {primary.name}'s" if first else ""
        shares = (
            f"{capitalised(group)} filled {table_percent(float(own[0]))} of its PGY-1 positions in "
            f"{RESULTS_AND_DATA.year}{beside} ({RESULTS_AND_DATA.cite()})."
        )
    return (
        f"Rated more competitive for IMGs than {primary.name} ({data.TIER_LABELS[candidate.tier]}, where "
        f"{primary.name} is {data.TIER_LABELS[primary.tier]}), which leaves it out for an IMG. That rule is written "
        f"for IMGs, so for a US graduate it is listed, ranked by the same points as the rest (its tier earns none). {shares}"
    )


# A US graduate's own seniors' share is not scored: it is highest where the
# field is hardest for everyone (US MD seniors filled 77.9% of orthopaedic
# surgery's 2025 PGY-1 positions, 28.0% of family medicine's), so scoring it
# put anesthesiology above family medicine behind general surgery (tried for
# the usmd-journey audit s38, 8, and left).  What US graduates left to
# non-US IMGs says how open a field stands to anyone.
def _own_seniors_share(pgy1: data.PGY1Result, applicant: str) -> str:
    if applicant not in SENIORS_SHARE or (filled := pgy1.filled_by(applicant)) is None:
        return ""
    share, group = filled
    return (
        f" {capitalised(group)} filled {table_percent(float(share))} of them, shown for comparison: the "
        "points use the non-US IMG share, the places US graduates left to others. Your own group's share tells how "
        "much your group favours a field, not how open it is: US MD seniors, for one, fill most places in the hardest "
        "fields."
    )


def _group_share(pgy1: data.PGY1Result, applicant: str) -> float:
    """The share of a field's PGY-1 positions the reader's group filled, as
    scored (a US graduate is scored on non-US IMGs', the group the finder's
    figures describe, and shown their own seniors' beside it)."""
    column, _ = SHARE_OF_GROUP.get(applicant, NON_US_SHARE)
    return float(getattr(pgy1, column))


def _filled_by_your_group(candidate: data.Specialty, v: Mapping[str, object]) -> str:
    """Said where a field is passed over for IMGs: how few of their group it takes."""
    if candidate.pgy1 is None:
        return ""
    applicant = word(v, "applicant_type")
    _, group = SHARE_OF_GROUP.get(applicant, NON_US_SHARE)
    share = table_percent(_group_share(candidate.pgy1, applicant))
    return f" ({group} filled {share} of its PGY-1 positions in {RESULTS_AND_DATA.year})"


def _red_flag_components(candidate: data.Specialty, v: Mapping[str, object]) -> list[Component]:
    failures = whole(v, "exam_failures")
    unmatched = flag(v, "previously_unmatched")
    old = profile.graduated_long_ago(v)
    # "No points either way" met a 10-year graduate, whose graduation the
    # check counts as a red flag (oldgrad audit s43, 8).
    if not failures and not unmatched and not old:
        return [
            Component(
                RED_FLAGS_ROW,
                0,
                "No exam failure, past no-match or graduation more than "
                f"{profile.LONG_AGO_YEARS} years ago entered, so no points either way.",
            )
        ]
    flags = [counted(failures, "failed exam attempt")] if failures else []
    if unmatched:
        flags.append("a past no-match")
    if old:
        flags.append(f"a graduation {counted(whole(v, 'years_since_graduation'), 'year')} ago")
    hard_for_the_reader = v["applicant_type"] in data.IMG_TYPES and candidate.slug in AFTER_A_NO_MATCH_BUT_HARD_FOR_IMGS
    if unmatched and candidate.slug in AFTER_A_NO_MATCH and not hard_for_the_reader:
        points, why = (
            RED_FLAG_POINTS,
            f"{candidate.name} is among the realistic backups the no-match article names after a no-match.",
        )
    elif unmatched and hard_for_the_reader:
        points, why = (
            0,
            f"the no-match article names {candidate.name} among the realistic backups after a no-match, but it does "
            f"not write for IMGs (its example is a US MD graduate), and {candidate.name} is "
            f"{data.TIER_LABELS[candidate.tier]}{_filled_by_your_group(candidate, v)}: for an IMG it earns no points "
            "here (our reading).",
        )
    elif candidate.slug in FLEXIBLE_ABOUT_RED_FLAGS:
        readings = [
            *(["that this covers a failed attempt"] if failures else []),
            *([f"that a graduation more than {profile.LONG_AGO_YEARS} years ago counts as its older graduation"] if old else []),
        ]
        points, why = (
            RED_FLAG_POINTS,
            (
                f"{candidate.name} is one of the four fields the no-match article calls generally more flexible about "
                f"lower scores, gaps or an older graduation, and IMG status"
                + (
                    f"; {and_list(readings)} {'are our readings' if len(readings) > 1 else 'is our reading'}."
                    if readings
                    else "."
                )
            ),
        )
    elif unmatched and candidate.slug in data.NO_MATCH_SOMETIMES:
        points, why = (
            RED_FLAG_POINTS // 2,
            f"{candidate.name} is among the fields the no-match article calls only “sometimes” a realistic backup "
            "after a no-match, so it counts half.",
        )
    else:
        # "Red flags" only for a failure or a no-match (oldgrad audit s52, 9).
        about = and_list([*(["red flags"] if failures or unmatched else []), *(["an older graduation"] if old else [])], "or")
        named = "realistic after a no-match or more flexible" if unmatched else f"more flexible about {about}"
        points, why = 0, f"{candidate.name} is not among the fields the no-match article calls {named}."
    return [Component(RED_FLAGS_ROW, points, f"With {and_list(flags)}: {why}", ARTICLE_UNMATCHED)]


def _preference_components(candidate: data.Specialty, v: Mapping[str, object]) -> list[Component]:
    traits = TRAITS[candidate.slug]
    components: list[Component] = []
    # The field's description is added to the first preference reason only,
    # so a suggestion's reasons do not repeat it.
    described = False

    def with_why(text: str) -> str:
        nonlocal described
        if described:
            return text
        described = True
        return f"{text} {traits.why}"

    procedures = word(v, "prefers_procedures")
    if procedures != "either":
        wanted = "want" if procedures == "yes" else "would rather avoid"
        components.append(
            Component(
                "Procedures",
                PROCEDURE_POINTS[procedures][traits.procedures],
                with_why(f"You {wanted} procedural work; {candidate.name} is {PROCEDURE_TEXT[traits.procedures]}."),
                traits.source,
            )
        )
    else:
        # Every preference gets its row, moved or not, so the sum accounts for all of them.
        components.append(Component("Procedures", 0, "No preference given about procedural work."))
    outpatient = word(v, "prefers_outpatient")
    if outpatient != "either":
        wanted = "clinic work" if outpatient == "yes" else "hospital work"
        components.append(
            Component(
                "Setting",
                SETTING_POINTS[outpatient][traits.setting],
                with_why(f"You prefer {wanted}; {candidate.name} is {SETTING_TEXT[traits.setting]}."),
                traits.source,
            )
        )
    else:
        components.append(Component("Setting", 0, "No preference given between clinic and hospital work."))
    interest = word(v, "interest")
    if interest != "none" and interest in traits.interests:
        kept = f"{candidate.name} keeps your interest in {INTEREST_LABELS[interest].lower()} alive."
        source = interest_source(candidate.slug, interest)
        # The field's description comes from its first source: beside another
        # article's citation it was quoted as that article's (recheck45 audit s45, 7).
        own = source is traits.source
        components.append(Component("Interest", INTEREST_POINTS, with_why(kept) if own else kept, source))
    elif interest == "none":
        components.append(Component("Interest", 0, "No particular clinical interest given."))
    else:
        components.append(
            Component(
                "Interest", 0, f"Not one of the fields this finder counts as keeping {INTEREST_LABELS[interest].lower()} alive."
            )
        )
    return components


# A US graduate read only IMG shares in the bridge rows, where the field rows
# beside them give their own seniors' (do-surgery audit s40, 9).
def _bridge_row_text(key: str, applicant: str) -> str:
    row = data.pgy1_results()[BRIDGE_ROWS[key]]
    us_img, non_us_img = table_percent(row.us_img_pct_of_offered), table_percent(row.non_us_img_pct_of_offered)
    if applicant in SENIORS_SHARE and (filled := row.filled_by(applicant)) is not None:
        share, group = filled
        imgs = (
            f"of those offered, {group} filled {table_percent(float(share))}, US-citizen IMGs {us_img} "
            f"and non-US IMGs {non_us_img}"
        )
    else:
        imgs = f"US-citizen IMGs filled {us_img} of those offered, and non-US IMGs {non_us_img}"
    return (
        f"In {RESULTS_AND_DATA.year}, {row.positions_filled:,} of the {row.positions_offered:,} {BRIDGE_ROWS[key]} positions offered were filled "
        f"in the Match ({table_percent(row.fill_rate_pct)}); {imgs}."
    )


class Bridge(TypedDict):
    kind: str
    name: str
    reasons: list[str]


# What a first year linked to an advanced place is, before the reasons for a
# year taken alone (anesadv audit s46, 4).
LINKED_FIRST_YEAR = (
    "Ranked on a supplemental list linked to your advanced programs, it is the start of that training, with "
    "nothing to reapply for; rank it on your primary list too only if you would take it alone (the rank order "
    "list guide, “Advanced positions and supplemental lists”)."
)


def _pgy1_fill_rate(field: data.Specialty) -> float:
    """The share of a field's PGY-1 positions the Match filled; asked only of
    fields with a PGY-1 row."""
    assert field.pgy1 is not None
    return float(field.pgy1.fill_rate_pct)


def _bridge_against(key: str, field: data.Specialty, which: str, applicant: str) -> str:
    """A one-year position's 2025 figures set beside a categorical field's (the
    first choice or the top backup, whichever the Match filled less), for a
    reapplicant whose first choice starts at PGY-1: the finder offered the
    year as a bridge with no sign that it is no easier to get (reapplypsych
    audit s49, 1).  Its verdict is the figures' own: the fill rate and, for an
    IMG, the group's share, both or neither.  A US graduate's share is their
    seniors', which describes neither a graduate who did not match nor how
    open a field is, so the fill rate alone speaks for them (diffreview49
    audit s49, 1)."""
    year, bridge_row, field_row = RESULTS_AND_DATA.year, data.pgy1_results()[BRIDGE_ROWS[key]], field.pgy1
    assert field_row is not None
    fuller = float(bridge_row.fill_rate_pct) >= float(field_row.fill_rate_pct)
    figures = (
        f"in {year} the Match filled {table_percent(bridge_row.fill_rate_pct)} of the {BRIDGE_ROWS[key]} positions "
        f"offered, against {table_percent(field_row.fill_rate_pct)} of the PGY-1 positions in {field.name}"
    )
    less_yours = None
    own, field_own = bridge_row.filled_by(applicant), field_row.filled_by(applicant)
    if applicant in data.IMG_TYPES and own is not None and field_own is not None:
        (share, group), (field_share, _) = own, field_own
        figures += (
            f", and {group} filled {table_percent(float(share))} of the first against {table_percent(float(field_share))} "
            "of the second"
        )
        less_yours = float(share) <= float(field_share)
    than = f"than {field.name}, {which}: {figures} ({RESULTS_AND_DATA.cite()})."
    if fuller and less_yours is not False:
        return f"Not an easier door {than}"
    if less_yours is None:
        return f"By its fill rate alone, which counts every applicant, a more open door {than}"
    if less_yours is False:
        return f"By these figures a more open door {than}"
    return f"Not clearly an easier door {than} The fill rate counts every applicant, the share only your group."


def bridges(
    primary: data.Specialty,
    needs_visa: bool,
    unmatched: bool = False,
    applicant: str = "non-us-img",
    backups: Sequence[Suggestion] = (),
    h1b_step3: bool = False,
) -> list[Bridge]:
    """Transitional and preliminary years that fit this primary, each with
    reasons; ``backups``, the ranked categorical backups, to set a reapplicant's
    year beside; ``h1b_step3``: for an IMG who cannot take a J-1
    (profile.h1b_step3_rules_apply)."""
    cite = {s.key: s.cite() for s in data.SOURCES}
    # For a field with advanced positions the same year has two roles, and
    # the reapplying reasons read as the plan for the year an advanced match
    # needs, where nothing is left to reapply for (anesadv audit s46, 4).
    alone = "Taken alone, not linked to an advanced place, a" if primary.slug in data.ADVANCED_POSITION_SPECIALTIES else "A"
    common = [
        f"{alone} one-year position can give you a foot in the door, US experience and stronger letters while you reapply ({cite['article-img']}).",
        f"It does not lead automatically to a categorical place, so plan your reapplication from the first day ({cite['article-img']}).",
        # A prelim resident read these as advice to do a second year (prelim-SOAP audit s34, 4).
        "If you are in such a year already, this is not advice to do a second one: the no-match guide's section on "
        "a prelim or transitional year covers how to use the one you are in.",
    ]
    if needs_visa:
        common.append(
            "Check each program's visa policy before applying; the IMG article advises confirming sponsorship for every field you list."
        )
    # The year on an H-1B has the same gate as a residency, and spends one of
    # six years: said in the Assess guide, not here (visareapply audit s51, 8).
    # For an IMG, as the timeline dates it (diff review s51, 6).
    if h1b_step3:
        common.append(
            "You cannot take a J-1, so the year too needs an H-1B, which a program can file only with your Step 3 "
            f"passed ({cite['ina-212-j-2']}), and it uses one of the six years H-1B status allows in all "
            f"({cite['h1b-six-years']}): a preliminary year and then a five-year residency would use all six."
        )
    result: list[Bridge] = []
    suggested = {b for p in pairings_for(primary.slug) for b in p.backups}
    # Which one-year medicine-side positions fit, and the reasons specific to
    # this primary; the shared reasons and NRMP figures are added below.
    specific: dict[str, list[str]] = {}
    if primary.slug in data.ARTICLE_ADVANCED_SPECIALTIES:
        advanced = data.advanced_positions_note(
            [primary.slug], f"A transitional or preliminary year is that first year. {LINKED_FIRST_YEAR}"
        )
        specific[TRANSITIONAL_YEAR] = [advanced]
        specific[PRELIMINARY_YEAR] = [advanced]
    # The competitiveness check quoted this for a reapplicant in emergency
    # medicine while this finder said the articles propose no such year for
    # it (reapplicant audit s36, 2).  The article writes it after a no-match.
    # With the article's condition: it writes of a year already held,
    # "if you SOAPed into" one, and sends a reader without one to a research
    # year; the finder quoted it as a year to go and get (reapplypsych audit
    # s49, 1).
    if unmatched and primary.slug in CREDIBLE_AFTER_A_STRONG_YEAR:
        sometimes = "sometimes " if primary.slug in CREDIBLE_SOMETIMES else ""
        for kind in (TRANSITIONAL_YEAR, PRELIMINARY_YEAR):
            specific.setdefault(kind, []).append(
                f"The no-match article, of a preliminary or transitional year you already hold (one you secured through "
                f"SOAP, say): well planned and strong, used for letters and rotations towards the reapplication, it "
                f"can {sometimes}make an average candidate a credible one in {primary.name}. For a reader who has "
                f"no such year, it turns to a research year instead ({cite['article-unmatched']})."
            )
    # A first choice that starts at PGY-1 needs no first year before it, and
    # the bridges guide's table row on advanced fields leans to a categorical
    # backup then.  The year is set beside the categorical place the Match
    # filled less, the first choice's or the first backup's with a PGY-1 row:
    # beside the backup alone, a family medicine reader read prelim medicine
    # as "a more open door" than psychiatry, where family medicine was more
    # open than either (diffreview49 audit s49, 5).
    against: tuple[data.Specialty, str] | None = None
    if unmatched and primary.slug in CREDIBLE_AFTER_A_STRONG_YEAR and primary.slug not in data.ADVANCED_POSITION_SPECIALTIES:
        fields = [
            *([(primary, "your first choice")] if primary.pgy1 is not None else []),
            *[
                (field, f"the highest-ranked backup above with a {RESULTS_AND_DATA.year} figure")
                for field in [data.specialty(s["specialty"]) for s in backups]
                if field.pgy1 is not None
            ][:1],
        ]
        against = min(fields, key=lambda pair: _pgy1_fill_rate(pair[0]), default=None)
        for kind in (TRANSITIONAL_YEAR, PRELIMINARY_YEAR):
            specific[kind].append(
                f"{primary.name} starts at PGY-1, so no separate first year comes before it, and the row on advanced "
                "fields of the bridges guide's table (“Choosing between a bridge and a categorical backup”) then "
                "leans to a categorical backup; its other questions depend on your file. The no-match guide (“Pick a "
                "path for the next 12–18 months”) says how such a year can still be had after SOAP and what it does "
                "to the season you next apply in."
            )
    if primary.slug == "neurology":
        # Its advanced positions need a first year as well (visa-oldgrad audit
        # s39, 3).  Only the preliminary medicine year is offered, the one the
        # IMG article names for neurology: no article proposes a transitional one.
        specific[PRELIMINARY_YEAR] = [
            data.advanced_positions_note(
                [primary.slug], f"A preliminary year in internal medicine is that first year. {LINKED_FIRST_YEAR}"
            ),
            # Said of a year taken alone, not of the linked one just above (diffreview46 audit s46, 6).
            f"If you do not match neurology, the IMG article's internal medicine route for it is a preliminary year, then "
            f"reapplying ({cite['article-img']}).",
        ]
    if primary.slug == "general-surgery" and TRANSITIONAL_YEAR in suggested:
        specific[TRANSITIONAL_YEAR] = [
            f"The IMG article offers a transitional year as the alternative to a preliminary surgery year ({cite['article-img']})."
        ]
    if primary.slug == "diagnostic-radiology" and TRANSITIONAL_YEAR in specific:
        specific[TRANSITIONAL_YEAR].append(
            f"Transitional-year places can be competitive in popular locations ({cite['article-radiology']})."
        )
    medicine_side = (
        (TRANSITIONAL_YEAR, "Transitional year", "transitional"),
        (PRELIMINARY_YEAR, "Preliminary year in internal medicine", "medicine"),
    )
    for kind, name, row in medicine_side:
        if kind in specific:
            compared = [_bridge_against(row, *against, applicant)] if against else []
            result.append(
                {
                    "kind": kind,
                    "name": name,
                    "reasons": [
                        *specific[kind],
                        f"{_bridge_row_text(row, applicant)} ({cite[RESULTS_AND_DATA.key]})",
                        *compared,
                        *common,
                    ],
                }
            )
    if primary.slug in profile.SURGICAL_FIELDS:
        source = "article-img" if primary.slug == "general-surgery" else "article-ultra"
        result.append(
            {
                "kind": PRELIMINARY_YEAR,
                "name": "Preliminary year in surgery",
                "reasons": [
                    f"Suggested for {primary.name} applicants as a way to stay in surgery, working beside surgeons who "
                    f"can write letters, while keeping a categorical backup ({cite[source]}).",
                    f"{_bridge_row_text('surgery', applicant)} ({cite[RESULTS_AND_DATA.key]})",
                    *common,
                ],
            }
        )
    if primary.slug == "orthopaedic-surgery" and not any(b["kind"] == TRANSITIONAL_YEAR for b in result):
        result.append(
            {
                "kind": TRANSITIONAL_YEAR,
                "name": "Transitional year",
                "reasons": [
                    f"If the Match fails, the orthopaedics article names transitional years among the SOAP positions that keep "
                    f"doors open ({cite['article-ortho']}).",
                    f"{_bridge_row_text('transitional', applicant)} ({cite[RESULTS_AND_DATA.key]})",
                    *common,
                ],
            }
        )
    return result


class Step2Fit(NamedTuple):
    """Where the reader's Step 2 CK sits among the non-US IMGs who matched in
    a field, as the competitiveness check reads it (its words and quartile)."""

    position: str
    below_q1_by: int  # points under the first quartile; 0 at or above it
    below_median: bool
    why: str | None  # said in the field's reasons when it is below


def step2_fit(candidate: data.Specialty, step2: int | None, applicant: str, prior_graduate: bool = False) -> Step2Fit | None:
    """None when no figure places the score: none entered, a US senior, or
    figures NRMP suppressed.  ``prior_graduate``: a US graduate of an earlier
    year or a past no-match, whose score the competitiveness check sets
    against non-US IMGs who matched, the nearest published group, and so does
    this finder: it ranked internal medicine first behind psychiatry for one
    with 229, whom the check rated “Dual apply, strongly” there (crosscalc
    audit s51, 4)."""
    if step2 is None:
        return None
    us_graduate_placed = prior_graduate and applicant in data.US_GRADUATE_TYPES
    position, _ = competitiveness.step2_vs_matched(candidate, step2, "non-us-img" if us_graduate_placed else applicant)
    if position is None:
        return None
    if us_graduate_placed:
        position["group"] = (
            f"{position['group']} (the nearest published group, as the competitiveness check uses for a US graduate of "
            "an earlier year or a reapplicant)"
        )
    below_median = position["quartile"] in ("below", "q1")
    if position["quartile"] != "below":
        return Step2Fit(str(position["position"]), 0, below_median, None)
    return Step2Fit(
        str(position["position"]),
        int(position["q1"]) - step2,
        below_median,
        f"Your Step 2 CK ({step2}) is {position['position']} of {position['group']} in {candidate.name} "
        f"(Source: {position['source']}), so it is ranked after every field where your score is not, and among those "
        "by how open its tier is to IMGs, then by how far below it is: a backup should be a field whose scores your file sits comfortably in.",
    )


class Suggestion(TypedDict):
    specialty: str
    name: str
    tier: data.Tier
    score: int
    paired_by_articles: bool
    step2_position: str | None
    step2_below_q1: bool
    step2_below_q1_by: int
    step2_below_median: bool
    reasons: list[str]
    # What applying to it asks beyond ERAS (ResidencyCAS), said under the
    # ranked table; None for an ERAS field.
    service_note: str | None
    # For a US graduate, a field an IMG would find left out as harder than
    # the first choice (img_tier_note), said under the ranked table.
    img_tier_note: str | None
    points: list[PointsRow]
    match_odds: float | None


class Excluded(TypedDict):
    specialty: str
    name: str
    reason: str


class BackupFinderResult(TypedDict):
    inputs: dict[str, object]
    primary: str
    primary_name: str
    suggestions: list[Suggestion]
    headlined: list[str]
    unnamed_note: str
    bridges: list[Bridge]
    excluded: list[Excluded]
    notes: list[str]
    match_odds_note: str | None
    # The first choice's own match odds at the reader's score, and the words
    # said under the table with it (odds_reference).
    first_choice_odds: float | None
    odds_reference: str | None
    summary: str
    announced: str
    # From the review start to the rank-list deadline: where a late backup is weighed.
    mid_season: str | None
    # Its place, for a reader who has not applied in the season under review.
    next_season: str | None


# Emergency medicine and OB/GYN ranked as backups with no word that they mean
# a second application service, EM's SLOEs, and, on 5 December, a service
# closed since September (do-surgery audit s40, 8).  The deadline's words,
# tense and source are cycle.residencycas_deadline's, as the timeline and
# the signals planner say it.
def residencycas_backup(candidate: data.Specialty, today: dt.date) -> str:
    """What a ResidencyCAS field asks beyond the ERAS application, said in its row."""
    year = cycle.coming_season(today)
    sloe = (
        ", and its programs expect SLOEs, letters on a common form written after emergency medicine rotations, which "
        f"other letters do not replace ({data.EM_SLOE_CITED})"
        if candidate.slug == "emergency-medicine"
        else ""
    )
    # "May not" beside signals' "is not" on the same day: the verb follows
    # ResidencyCAS's state, as signals' mid-season note has it (season-dates
    # audit s43, 4).  "Will not be" guards a deadline after the review start,
    # which no season we hold has (diff review s43, 11).
    then = {"open": "will not be", "may-have-closed": "may not be", "closed": "is not"}[cycle.residencycas_state(year, today)]
    late = f": a backup there not applied to by then {then} open to you this season" if cycle.under_review(year, today) else ""
    return (
        f"{candidate.name} programs take applications through ResidencyCAS, not ERAS ({data.residencycas_cite([candidate.slug])}): "
        f"a separate application, with its own account and fees{sloe}. ResidencyCAS "
        f"{cycle.residencycas_deadline(year, today)}{late}."
    )


def couples_note(with_odds: bool) -> str:
    """For a couple: where to look for a backup, and, beside match odds,
    first whose chance those odds are (``match_odds.couple_alone``), as a
    sentence of its own: as one, it ran to 42 words (diff review s54, 19)."""
    advice = f"prefer a backup with programs where your partner also applies (our advice), as {data.MATCHED_IN_PAIRS}."
    if with_odds:
        return f"{match_odds.couple_alone('the match odds here are')}. {capitalised(advice)}"
    return f"{data.COUPLE_IF}, {advice}"


def mid_season_line(today: dt.date, primary: str, applied: bool = False) -> str | None:
    """One line for a reader who arrives while programs are reading a
    season's applications, or None: the finder ranked backups as if September
    were ahead (usmd-ortho audit s41, 7).  ``applied``: the reader said so,
    and is not asked it (planner audit s54, 3)."""
    year = cycle.season_under_review(today)
    if year is None:
        return None
    # An emergency medicine or OB/GYN first choice was not applied to "in
    # ERAS", and its backup starts there from nothing (EM audit s53, 2).
    cas = data.via_residencycas(primary)
    where = f"for the Match {year}" if cas else f"in {cycle.eras_season(year)}"
    through = f", through ERAS: {cycle.MYERAS_FIRST}" if cas else ""
    dates = cycle.season(year)
    # From late December the timeline calls a new application too late
    # (diff review s41, 1): a backup for this season is then one for the next.
    late = (
        f"unlikely to bring an interview before the rank lists close on {dates['rank_deadline'].shown()}: weigh "
        f"these backups for {cycle.eras_season(year + 1)}.{cycle.too_late_caveat(year, today)}"
        if cycle.too_late_for_interviews(year, today)
        else f"a late application{through}. {cycle.send_by(year)}"
    )
    # ResidencyCAS's programs do not start on ERAS's day, and its own is not
    # in our data, so none is given, as the check and program counts give
    # none (do-em audit s42, 6; diff review s53, 8 and s53b, 4).
    since = "are reviewing applications" if cas else f"have been reviewing since {dates['programs_receive'].shown()}"
    asked = f"{profile.answered(year, True)}." if applied else f"Applied {where}?"
    return f"{asked} Its programs {since}, so a backup added now is {late} {cycle.SHORT_OF_INTERVIEWS}"


def compute(inputs: Mapping[str, object]) -> BackupFinderResult:
    v = parse_inputs(FIELDS, inputs)
    primary = data.specialty(word(v, "specialty"))
    applicant = word(v, "applicant_type")
    needs_visa = profile.visa_needed(v)
    step2 = whole_or_none(v, "step2_score")
    # A US graduate who has left school or did not match: placed as the check places them, not as a senior.
    prior_graduate = data.prior_us_graduate(v)
    today = cycle.reference_date()

    suggestions: list[Suggestion] = []
    excluded: list[Excluded] = []
    for candidate in data.SPECIALTIES:
        why_not = exclusion(primary, candidate, applicant)
        if why_not is not None:
            excluded.append({"specialty": candidate.slug, "name": candidate.name, "reason": why_not})
            continue
        components = [
            *_pairing_components(primary, candidate),
            *_access_components(candidate, applicant, needs_visa),
            *_tier_components(candidate, needs_visa),
            *_red_flag_components(candidate, v),
            *_preference_components(candidate, v),
        ]
        score = sum(c.points for c in components)
        reasons = [c.sentence() for c in components if c.points != 0] or [components[0].sentence()]
        tier_note = img_tier_note(primary, candidate, applicant)
        if tier_note:
            reasons.append(tier_note)
        fit = step2_fit(candidate, step2, applicant, prior_graduate)
        if fit and fit.why:
            reasons.append(fit.why)
        suggestions.append(
            {
                "specialty": candidate.slug,
                "name": candidate.name,
                "tier": candidate.tier,
                "score": score,
                "paired_by_articles": any(c.component == "Article pairing" and c.points > 0 for c in components),
                "step2_position": fit.position if fit else None,
                "step2_below_q1": bool(fit and fit.below_q1_by),
                "step2_below_q1_by": fit.below_q1_by if fit else 0,
                "step2_below_median": bool(fit and fit.below_median),
                "reasons": reasons,
                "service_note": residencycas_backup(candidate, today) if data.via_residencycas(candidate.slug) else None,
                "img_tier_note": tier_note,
                "points": [c.as_dict() for c in components],
                # Beside the score, not in it: the order weighs pairings and
                # openness, and each field's odds describe a different group.
                "match_odds": None if step2 is None else match_odds.step2_estimate(candidate, step2),
            }
        )
    # The articles' pairings come first whatever the figures say: openness to
    # IMGs alone (up to some 60 points) would otherwise bury them.  Before
    # them, the reader's own score: a field where their Step 2 CK sits in the
    # bottom quarter of those who matched goes after every field where it does
    # not, paired or not.  The backup guide asks for a field whose scores the
    # reader's file sits comfortably in, and program counts warns of a backup
    # that would need a backup of its own; a pairing cannot make a field open
    # to this reader.  When fewer than three fields place the score higher,
    # the rest are ordered by how open their tier is (program counts warns of
    # no field most open to IMGs: none is more open), then by how far below
    # the line the score is, so the hardest fields do not come back into the
    # headline by their pairing.
    suggestions.sort(key=_rank_key)

    notes = [
        "These are starting points to research, not a verdict. Each article insists on a backup you could happily "
        "practice for a whole career, which no score can judge for you.",
        f"The match rates describe non-US IMGs who ranked each specialty first in {CHARTING_OUTCOMES.year} ({CHARTING_OUTCOMES.cite()}); "
        "they say nothing about any one program, and program-level IMG-friendliness varies widely.",
        "A match rate only counts the people who chose that field first, and each field draws a different crowd "
        "(the few IMGs aiming at radiology tend to be high scorers), so read it as a rough sign of openness, "
        "not a difficulty ranking; the tier points temper it.",
    ]
    # A couple read one-person odds with no word on pairs, where match odds,
    # program counts and signals each carry one (couples audit s54, 5): in
    # match odds' words, with program counts' advice on where to look.
    notes.append(couples_note(step2 is not None))
    if applicant in ("us-md", "us-do"):
        # Four of the five articles write for IMGs; the no-match article does
        # not, its worked case a US MD graduate, and "the articles' advice was
        # written for IMGs" told a US graduate its pairings were not for them
        # (calc-sources audit s41, 1).
        notes.append(
            "You are a US graduate, so the IMG figures count at half weight. Four of the five articles were written "
            f"for IMGs; the {ARTICLE_UNMATCHED.short}, whose worked example is a US MD graduate, was not."
        )
    if applicant == "us-do" and step2 is None:
        # Competitiveness, program counts and signals said a COMLEX score is
        # not weighed; this result never named COMLEX (usdo audit s44, 4).
        notes.append(
            "No Step 2 CK entered, so no match odds are added: a COMLEX score is not used here, as it is not "
            f"converted to a Step 2 CK. {profile.COMLEX_ONLY_NOTE}"
        )
    if profile.comlex_only_in_surgery(v, primary.slug):
        # The band the competitiveness check gives the first choice holds only so.
        notes.append(f"For {primary.name} itself: {profile.COMLEX_ONLY_SURGERY_NOTE}")
    if applicant == "us-img":
        # The article says "usually fare better" in its own field, not of all
        # fields; the all-field rates are the NRMP's, and our data cannot say
        # it of one field (aiminghigh audit s54, 1; diff review s54b, 2).
        notes.append(
            f"The shares of positions are US-citizen IMGs' own ({RESULTS_AND_DATA.cite()}). The match rates are for non-US IMGs, "
            "as we found no current by-specialty match rates for US-citizen IMGs. Across all fields they match more "
            "often (the NRMP's rates above), and the orthopaedics article says they usually fare better, but our data "
            "cannot say so field by field: treat these rates as a cautious guide."
        )
    if primary.tier == "accessible":
        paired_names = [str(s["name"]) for s in suggestions if s["paired_by_articles"]]
        # A US graduate's list also holds fields of harder tiers (img_tier_note).
        harder_names = [str(s["name"]) for s in suggestions if s["img_tier_note"]]
        # Neurology was "already among the fields most open to IMGs", where a
        # broader list "may protect you as much as a second field", though its
        # non-US IMGs matched least often of its tier (pathneuro audit s46, 1).
        below = competitiveness.rate_below_beside(primary)
        lead = (
            f"{primary.name} is in the tier this site rates most open to IMGs, yet "
            f"{competitiveness.rate_beside_words(primary)}. The fields below "
            if below
            else f"{primary.name} is already among the fields most open to IMGs, so the fields below "
        )
        broader = (
            f"otherwise, with a rate below internal medicine's, we would not count on a broader list in {primary.name} "
            "to protect you as much as a second field (our judgment)."
            if below
            else f"otherwise a broader list in {primary.name} may protect you as much as a second field (our judgment)."
        )
        # Beside its own rate, fields of its tier may well be easier by theirs.
        share = "share its tier" if below else "share its tier rather than being clearly easier"
        notes.append(
            lead
            + (
                f"{share}, but for {and_list(harder_names)}, rated harder for "
                "IMGs and listed for you as a US graduate (each says so under the table)"
                if harder_names
                else share
            )
            + (f"; the source articles still pair {and_list(paired_names)} with it" if paired_names else "")
            + ". Which is easier for you depends on your file, not the tier: each field's match rate describes the "
            "applicants who ranked that field first, so run the competitiveness check and the match odds calculator "
            "on each with your own score: with a low score the check may rate several fields alike, where match odds "
            "still tells them apart. Where the check advises dual "
            f"applying (red flags, or a Step 2 CK below the field's matched median), that stands; {broader}"
        )
    # The first choice's match odds, and the same where the figures are the reader's group's.
    first_choice_odds = None if step2 is None else match_odds.step2_estimate(primary, step2)
    own = first_choice_odds if applicant == "non-us-img" else None
    same_tier = [s for s in suggestions if s["tier"] == primary.tier and primary.tier != "accessible"]
    harder: list[str] = []
    if same_tier:
        as_hard = [str(s["name"]) for s in same_tier]
        one = len(as_hard) == 1
        # "As competitive" was the tier's word; the odds can say harder: for
        # an EM applicant at 250, anesthesiology about 40% against EM's 65%
        # (mid-tier audit s35, 2).
        # Only where the figures are the reader's group's, and by a margin the
        # rounded figures show: "about 32%, against about 32%" read as a
        # contradiction (diff review s35, 1).
        harder = [
            f"{s['name']} {match_odds.about(float(s['match_odds']))}"
            for s in same_tier
            if own is not None and s["match_odds"] is not None and own - float(s["match_odds"]) >= HARDER_BY
        ]
        notes.append(
            f"{and_list(as_hard)} {'is' if one else 'are'} in the same tier for IMGs as {primary.name}, and listed "
            f"only because an article pairs {'it' if one else 'them'} with {primary.name}. A backup as hard to match "
            "protects little on its own, so weigh it beside a more open field from this list."
            + (
                f" For you it looks harder than {primary.name} itself: by the match odds calculator's model at "
                f"Step 2 CK {step2}, {and_list(harder)}, against {match_odds.about(own)} in {primary.name}."
                if harder and own is not None
                else ""
            )
        )
    # A headlined field of a more open tier can still look harder by match
    # odds: for a non-US IMG with 257 and emergency medicine first, internal
    # medicine about 59% against about 71%, where the note above said so of
    # same-tier fields only (crosscalc audit s51, 1).  Said, not reordered:
    # the tiers weigh the articles beside rates that describe only the
    # applicants each field drew.
    # Not where the score barely moves either estimate (family medicine's is
    # level at every score, radiology's nearly so): match odds itself says a
    # higher estimate there does not make a field the easier one, and a field
    # left out for it is said to be, beside its lower figure in the table
    # (diff review s51b, 6).
    odds_below = [
        (s, odds)
        for s in suggestions[:HEADLINED]
        if s["tier"] != primary.tier
        and own is not None
        and (odds := s["match_odds"]) is not None
        and own - float(odds) >= HARDER_BY
    ]
    flat = {str(s["name"]) for s, _ in odds_below if match_odds.step2_says_little(data.specialty(str(s["specialty"])))}
    lower = [(str(s["name"]), odds) for s, odds in odds_below if str(s["name"]) not in flat]
    level = [str(s["name"]) for s, _ in odds_below if str(s["name"]) in flat]
    if own is not None and odds_below and primary.tier != "accessible" and not match_odds.step2_says_little(primary):
        said = []
        if lower:
            names = and_list([name for name, _ in lower])
            it = "it" if len(lower) == 1 else "them"
            figures = and_list([f"{name} {match_odds.about(float(odds))}" for name, odds in lower])
            # After the same-tier note's own figures, the model and the first
            # choice's are not said twice (diff review s51, 7).
            lead = (
                f"By the same model, {figures}: below {primary.name} too."
                if harder
                else f"By the match odds calculator's model at Step 2 CK {step2}, {figures}, against "
                f"{match_odds.about(own)} in {primary.name}."
            )
            said.append(
                f"{lead} Each figure describes only the applicants who ranked that field first, so this site's tiers "
                f"still rate {names} more open to IMGs; run the competitiveness check on {primary.name} and on {it} "
                f"before you count on {it} as a backup."
            )
        if level:
            it, is_ = ("it", "is") if len(level) == 1 else ("them", "are")
            said.append(
                f"The table's figure for {and_list(level)} is lower than {primary.name}'s, but the score barely moves "
                f"{it}, so match odds cannot say {it} {is_} harder for you."
            )
        notes.append(" ".join(said))
    # A backup that starts at PGY-2 needs a first year too; the finder said so
    # only of a first choice (seed-coverage audit s24, 4).  Of the headlined
    # fields and those an article pairs (PM&R behind orthopaedics often ranks
    # fourth); every listed field would make the note say it of nearly everyone.
    advanced_backups = [
        str(s["specialty"])
        for rank, s in enumerate(suggestions)
        if (rank < HEADLINED or s["paired_by_articles"]) and s["specialty"] in data.ADVANCED_POSITION_SPECIALTIES
    ]
    if advanced_backups:
        notes.append(
            data.advanced_positions_note(
                advanced_backups,
                "For a backup's advanced programs, apply to first-year programs as well, and link them with a "
                "supplemental rank list.",
                needs_visa=needs_visa,
            )
        )
    if needs_visa:
        notes.append(
            "Our data hold no counts of visa-sponsoring programs by specialty, so the visa adjustment is a general rule"
            # Words only for a reader who cannot take a J-1 (h1bvisa audit s47, 2).
            + (
                f", the same whichever visa. {profile.h1b_only_programs(v, 'count')}"
                if profile.h1b_only(v)
                else "; check each program's J-1 and H-1B policy yourself."
            )
        )
    if whole(v, "exam_failures") or v["previously_unmatched"]:
        notes.append(
            "Red flags follow you into the backup too: the competitiveness check shows how your file reads in each "
            "field you are weighing."
            + (f" As for your older graduation, {check_counts_it()}." if profile.graduated_long_ago(v) else "")
        )
    elif profile.graduated_long_ago(v):
        # Not called a red flag here: the check may not count it as one (oldgrad audit s52, 9).
        notes.append(
            f"An older graduation follows you into the backup too. {capitalised(check_counts_it())}; it shows how "
            "your file reads in each field you are weighing."
        )
    if not pairings_for(primary.slug):
        notes.append(
            f"No source article pairs backups with {primary.name}, so these suggestions rest on the NRMP figures and your preferences."
        )

    headlined = [str(s["name"]) for s in suggestions[:HEADLINED]]
    weighed_elsewhere = _weighed_elsewhere(v)
    caution = headline_caution(suggestions, step2, applicant, weighed_elsewhere, prior_graduate)
    unnamed_note = unpaired_in_top(primary.name, suggestions) + caution
    headline = f"Research first: {and_list(headlined)}, as backups to {primary.name}." if suggestions else ""
    summary = profile.after_pass_note(
        v, f"{headline}{unnamed_note}" if suggestions else f"No eligible backup for {primary.name}."
    )
    # Read out at every edit, the whole summary ran to 130 words and pointed
    # at "the sentence above the table" (keyboard-sr audit s37, 2); its
    # cautions stay in the result for the reader to reach.
    announced = profile.after_pass_note(v, headline) if suggestions else summary
    # The caution to check the named fields first was in the result alone,
    # though for a file with failed attempts it decides what the names are
    # worth (readout46 audit s46, 5): its gist, where the room allows.
    if suggestions and caution:
        announced = first_within_read_out([f"{announced} {CHECK_THEM_HEARD}", announced])
    next_season = profile.next_season_said(v, today, "weigh these backups for", [primary.slug])
    return {
        "inputs": dict(v),
        "primary": primary.slug,
        "primary_name": primary.name,
        "suggestions": suggestions,
        "headlined": headlined,
        "unnamed_note": unnamed_note,
        "bridges": bridges(
            primary, needs_visa, flag(v, "previously_unmatched"), applicant, suggestions, profile.h1b_step3_rules_apply(v)
        ),
        "excluded": excluded,
        "notes": notes,
        # The odds column holds non-US IMG estimates whatever the applicant
        # type; a reader of another type is told so, as match odds tells them.
        # Field by field, by match odds' rule (leans_low): the list is
        # weighed as match odds weighs one field (aiminghigh audit s54, 1).
        "match_odds_note": None
        if step2 is None
        else match_odds.not_your_group(
            applicant,
            "these estimates",
            weighed_elsewhere,
            senior=not prior_graduate,
            listed=[data.specialty(str(s["specialty"])) for s in suggestions if s["match_odds"] is not None],
        ),
        "first_choice_odds": first_choice_odds,
        "odds_reference": odds_reference(primary, suggestions, step2, applicant, first_choice_odds),
        "summary": summary,
        "announced": announced,
        "mid_season": None if next_season else mid_season_line(today, primary.slug, applied=profile.said_applied(v, today)),
        "next_season": next_season,
    }


# The components a reader's own preferences score (_preference_components).
PREFERENCE_COMPONENTS = frozenset({"Procedures", "Setting", "Interest"})


def _rank_key(s: Suggestion, without_preferences: bool = False) -> tuple[bool, int, int, bool, int, str]:
    """Where a suggestion goes in the list (see compute); ``without_preferences``
    leaves out the points the reader's preferences gave, to ask whether they
    moved the order."""
    score = int(s["score"])
    if without_preferences:
        score -= sum(p["points"] for p in s["points"] if p["component"] in PREFERENCE_COMPONENTS)
    below = bool(s["step2_below_q1"])
    return (
        below,
        data.TIER_ORDER.index(s["tier"]) if below else 0,
        s["step2_below_q1_by"],
        not s["paired_by_articles"],
        -score,
        str(s["name"]),
    )


def preferences_placed(names: Sequence[str], suggestions: list[Suggestion]) -> bool:
    """Whether the reader's preferences put any of these fields among the top
    three: without their points, one would fall out."""
    top = {str(s["name"]) for s in sorted(suggestions, key=lambda s: _rank_key(s, without_preferences=True))[:HEADLINED]}
    return any(name not in top for name in names)


def unpaired_in_top(primary_name: str, suggestions: list[Suggestion]) -> str:
    """Said beside the top three when the figures, not an article, put one
    there.  A field an article ties to the first choice by shared skills (the
    IMG article's neurology and internal medicine) is not said to be unnamed."""
    named = {"Article pairing", "Shared skills"}
    unnamed = [
        str(s["name"])
        for s in suggestions[:HEADLINED]
        if not any(p["component"] in named and p["points"] > 0 for p in s["points"])
    ]
    if not unnamed:
        return ""
    it = "it" if len(unnamed) == 1 else "them"
    out_of_reach = [str(s["name"]) for s in suggestions[HEADLINED:] if s["paired_by_articles"] and s["step2_below_q1"]]
    ahead_of = (
        f", ahead of {and_list(out_of_reach)}, which an article pairs with it, by where your Step 2 CK sits among "
        "those who matched in each (the sentence above the table says how)"
        if out_of_reach
        else ""
    )
    # "And your preferences" only where they did: it was said with no
    # preference points between the fields named (reapplypsych audit s49, 10).
    # The order before them (a score's quartile, a pairing) owes them nothing.
    preferences = " and your preferences" if preferences_placed(unnamed, suggestions) else ""
    return f" No source article names {and_list(unnamed)} with {primary_name}: the NRMP figures{preferences} put {it} there{ahead_of}."


def _weighed_elsewhere(v: Mapping[str, object]) -> list[str]:
    """What in the reader's file the competitiveness check weighs in every
    field and this finder's points do not."""
    # Counted as match odds counts them: "a failed exam attempt" was said
    # for 3 (twofails audit s46, 7).
    failures = whole(v, "exam_failures")
    return [
        *([counted(failures, "failed exam attempt") if failures > 1 else "a failed exam attempt"] if failures else []),
        *(["a past no-match"] if flag(v, "previously_unmatched") else []),
        *([f"a graduation more than {profile.LONG_AGO_YEARS} years ago"] if profile.graduated_long_ago(v) else []),
    ]


# ``headline_caution``'s gist, as the read-out says it.
CHECK_THEM_HEARD = "Run the competitiveness check on each before you count on it."


def headline_caution(
    suggestions: list[Suggestion], step2: int | None, applicant: str, weighed: list[str], prior_graduate: bool = False
) -> str:
    """Said beside the top three when one is a field the competitiveness
    check, reading the reader's whole file, may call in need of a backup of
    its own (program counts then says so): one where the Step 2 CK is in the
    bottom quarter of those who matched, or, outside the fields most open to
    IMGs, below their median.  Its name alone would read as a field within
    reach; this finder sees only the score.  With no score to place, or a US
    senior's (never placed here), or a well-placed score beside a failed
    attempt, a past no-match or an old graduation (``weighed``), a field
    outside the most open tier is named for the check too: program counts
    flagged such backups where this headline said nothing (fuzz audits s33,
    F2, and s34, 1)."""
    top = suggestions[:HEADLINED]
    harder = [str(s["name"]) for s in top if s["tier"] != "accessible"]
    # A US senior's score is not placed here; a graduate's who has left
    # school is, as the check places it (diff review s33, 1; crosscalc audit
    # s51, 4).
    us_graduate = applicant not in competitiveness.QUARTILE_APPLICANTS
    red_flag = us_graduate and step2 is not None and step2 < data.IMG_STEP2_RED_FLAG[1]
    unplaced = (
        "You entered no Step 2 CK"
        if step2 is None
        else f"Your Step 2 CK is under {data.IMG_STEP2_RED_FLAG[1]}, a red flag in any field"
        if red_flag
        else "This finder does not place a US senior's Step 2 CK"
        if us_graduate and not prior_graduate
        else None
    )
    # A red flag in any field names the most open ones too: a US graduate
    # with 221 read three pediatrics backups with no word, each "Dual apply,
    # strongly" on the check (competitiveness-rules audit s37, 8).
    named = harder or ([str(s["name"]) for s in top] if red_flag else [])
    if unplaced and named:
        return _check_them_first(unplaced, len(named), and_list(named))
    bottom = [str(s["name"]) for s in top if s["step2_below_q1"]]
    under_median = [
        str(s["name"]) for s in top if s["step2_below_median"] and not s["step2_below_q1"] and s["tier"] != "accessible"
    ]
    if not bottom and not under_median:
        # A score placed well, beside a failed attempt or a past no-match,
        # which the check weighs and this finder does not (diff review s33).
        # The most open fields too when nothing harder is headlined: the
        # form's help promised a name past five years since graduation, and
        # a reader six years out, every backup "Dual apply, strongly" on the
        # check, was told nothing (reapplicant audit s36, 3).
        named = harder or [str(s["name"]) for s in top]
        if weighed and named:
            return _check_them_first(f"Your file has {and_list(weighed)}", len(named), and_list(named))
        return ""
    where = [
        *([f"in the bottom quarter of those who matched in {and_list(bottom)}"] if bottom else []),
        *([f"below the median of those who matched in {and_list(under_median)}"] if under_median else []),
    ]
    return _check_them_first(f"Your Step 2 CK is {' and '.join(where)}", len(bottom) + len(under_median))


def _check_them_first(why: str, count: int, named: str = "") -> str:
    """``named``: the fields, unless ``why`` has named them already."""
    it, its, those = ("it", "its", "that field") if count == 1 else ("them", "their", "those fields")
    return (
        f" {why}: the competitiveness check, which reads your whole file, may rate {named or it} as needing a "
        f"backup of {its} own, so run it on {those} before you count on {it}."
    )


# --- Presentation -----------------------------------------------------------------------------
HEADLINED = 3


def _name_with_start(suggestion: Suggestion) -> str:
    """The field's name, marked where it uses advanced positions (the IMG
    article's list, and neurology by our reading): the note below says so
    only of the headlined and paired fields, and a reader who picks the ninth
    row needs a first year for those positions as much.  Where our figures
    show PGY-1 positions too (anesthesiology, neurology), only some programs
    need one."""
    name = str(suggestion["name"])
    slug = str(suggestion["specialty"])
    if slug not in data.ADVANCED_POSITION_SPECIALTIES:
        return name
    if data.categorical_first_years(slug):
        return f"{name} (some positions start at PGY-2, after a separate first year)"
    # Our figures have no PGY-1 row for it, which does not mean no program
    # takes a first-year resident: PM&R has categorical programs too
    # (specialties audit s35, 5).
    return f"{name} (many or all positions start at PGY-2; check each program's track)"


def render(result: BackupFinderResult) -> Markup:
    suggestions = result["suggestions"]
    primary = str(result["primary_name"])
    parts: list[object] = []
    if suggestions:
        parts.append(
            el(
                "p",
                # The names lead: on a phone the headline kept in view while
                # editing shows three lines, and a long specialty name cut the third.
                "Research first: ",
                el("strong", and_list(result["headlined"])),
                f", as backups to {primary}.",
                result["unnamed_note"],
                class_="mpb-headline",
            )
        )
        parts.append(profile.render_pass_note(result["inputs"]))
        parts.append(profile.worked_out_for(result["inputs"]))
        parts.append(_render_mid_season(result))
        step2 = result["inputs"]["step2_score"]
        odds_note = result["match_odds_note"]
        # Named for whom the figures describe when that is not the reader.
        odds_name = "Match odds" if odds_note is None else "Non-US IMG match odds"
        odds_column = () if step2 is None else (f"{odds_name} at Step 2 CK {step2}",)
        # Only where a figure places the score does it move the order.
        placed = any(s["step2_position"] is not None for s in suggestions)
        fit_column = ("Your Step 2 CK among non-US IMGs who matched",) if placed else ()
        rows = [
            (
                str(i),
                _name_with_start(s),
                signed(int(s["score"])).removeprefix("+"),
                "yes" if s["paired_by_articles"] else "no",
                data.TIER_LABELS[s["tier"]],
                *((capitalised(str(s["step2_position"] or "no published figures")),) if placed else ()),
                *(() if step2 is None else (_odds_text(s["match_odds"]),)),
            )
            for i, s in enumerate(suggestions, 1)
        ]
        pairing_first = (
            "fields a source article pairs with your first choice come first, then the rest, each with the higher score first"
        )
        parts.append(
            el(
                "p",
                "The order: fields where your Step 2 CK is in the bottom quarter of those who matched come after all "
                f"the others, the tiers most open to IMGs first and then the nearest to that quarter's line; otherwise "
                f"{pairing_first}."
                # A US-citizen IMG's order moves on another group's scores
                # (reapplicant audit s30, 4); the column heading alone said so.
                # So does a US graduate's who has left school (diff review s51, 5).
                + (
                    f" Those who matched are non-US IMGs, {data.NOT_YOUR_GROUP}, so a field moved down here may be "
                    "closer to reach for you."
                    if result["inputs"]["applicant_type"] == "us-img"
                    else " Those who matched are non-US IMGs, the nearest published group, not yours: our data hold "
                    "no such figures for US graduates, so a field moved down here may be closer to reach for you."
                    if result["inputs"]["applicant_type"] in data.US_GRADUATE_TYPES
                    else ""
                )
                if placed
                else f"The order: {pairing_first}.",
                " Each score's points are set out below the table.",
            )
        )
        parts.append(
            table(
                ("Rank", "Specialty", "Score", "Paired by an article", "Tier", *fit_column, *odds_column),
                rows,
                caption="Eligible backups: fields your Step 2 CK is not in the bottom quarter of first, then by "
                "article pairing and score"
                if placed
                else "Eligible backups: fields an article pairs with yours first, then by score",
            )
        )
        # Directly under the column it compares with (oldgrad audit s52, 6).
        if result["odds_reference"]:
            parts.append(el("p", result["odds_reference"]))
        # In the JSON alone, the service note left a reader on 5 December
        # ranking an emergency medicine backup whose service had closed in
        # September (diff review s40, 1).
        if harder := [s for s in suggestions if s["img_tier_note"]]:
            parts.append(el("ul", [el("li", el("strong", f"{s['name']}: "), s["img_tier_note"]) for s in harder]))
        if services := [s for s in suggestions if s["service_note"]]:
            parts.append(el("ul", [el("li", el("strong", f"{s['name']}: "), s["service_note"]) for s in services]))
        if odds_note is not None:
            parts.append(el("p", el("strong", "Not your group."), " ", str(odds_note)))
        if step2 is not None:
            parts.append(
                el(
                    "p",
                    f"{odds_name} at your Step 2 CK ({step2}) are the match odds calculator's estimate from the score "
                    f"alone, for non-US IMGs who ranked each field first ({CHARTING_OUTCOMES.named()}). They do not "
                    # Where no figure places the score (a US graduate), nothing
                    # "said above the table" does (US-graduate audit s33, 7).
                    + (
                        "change the order (where your score sits among those who matched does, as said above the table), "
                        if placed
                        else "change the order, and neither does your score, which no figure here places; "
                    )
                    + "and each field's figure describes a different group of applicants; use them "
                    + ("to see where your score sits" if placed else "as a rough guide")
                    + ", then run the competitiveness check on the fields you are weighing. "
                    + match_odds.RED_FLAGS_UNSEEN,
                )
            )
        parts.append(paper_note("A specialty's points below are printed only if you opened them on screen."))
        for s in suggestions:
            points = s["points"]
            parts.append(
                printed_if_opened(
                    f"{s['name']}: {counted(int(s['score']), 'point')}, how they add up",
                    table(
                        ("Component", "Points", "Why", "Source"),
                        [(p["component"], signed(p["points"]), p["why"], p["source"] or "") for p in points],
                        caption=f"Points for {s['name']}",
                    ),
                )
            )
    else:
        parts.append(el("p", f"No specialty in this calculator is eligible as a backup for {primary}."))
        parts.append(_render_mid_season(result))
    bridge_list = result["bridges"]
    parts.append(el("h4", "Bridge years"))
    if bridge_list:
        parts.append(
            el(
                "ul",
                [el("li", el("strong", b["name"]), el("ul", [el("li", r) for r in b["reasons"]])) for b in bridge_list],
            )
        )
    else:
        parts.append(
            el("p", f"None suggested: the articles do not propose a transitional or preliminary year as a backup for {primary}.")
        )
    excluded = result["excluded"]
    parts.append(
        el(
            "details",
            el("summary", f"Not considered ({len(excluded)})"),
            el("ul", [el("li", f"{e['name']}: {e['reason']}") for e in excluded]),
        )
    )
    notes = result["notes"]
    parts.append(el("ul", [el("li", n) for n in notes]))
    return el("div", parts, class_="mpb-result-body")


def _render_mid_season(result: BackupFinderResult) -> Markup | None:
    if said := profile.render_next_season(result.get("next_season")):
        return said
    line = result.get("mid_season")
    return el("p", el("strong", "Mid-season: "), line, class_="mpb-warning") if line else None


def _odds_text(estimate: float | None) -> str:
    # In match odds' own words: it leaves the score out there, and gives the base rate.
    return "score not used: too few applicants behind its figures" if estimate is None else match_odds.about(estimate)


def _backup_name(slug: str) -> str:
    return BRIDGE_NAMES.get(slug) or data.specialty(slug).name


def method() -> Markup:
    """Every rule and constant with its source, generated from the blocks above."""
    weights = ", ".join(f"{data.APPLICANT_LABELS[k]} ×{w:g}" for k, w in ACCESS_WEIGHT.items())
    basis = share_estimate_basis()
    trait_rows = [
        (
            data.specialty(slug).name,
            t.procedures,
            t.setting.replace("-", " "),
            ", ".join(INTEREST_LABELS[i] for i in sorted(t.interests)) or "none",
            t.why,
        )
        for slug, t in TRAITS.items()
    ]
    pairing_rows = [
        (
            data.specialty(p.primary).name,
            ", ".join(_backup_name(b) for b in p.backups),
            p.why,
            "; ".join(s.title for s in p.sources),
        )
        for p in PAIRINGS
    ]
    return join(
        el(
            "p",
            "Score = the sum of the points below. Fields an article pairs with your first choice are listed first, then "
            "the rest, each group by score; ties are broken alphabetically. Left out: your first choice, ultra-competitive "
            "fields, fields competitive for IMGs (the IMG article counts radiology among the highly competitive ones), "
            "fields more competitive than your first choice (for IMGs only: a US graduate's list keeps them, each with "
            "a note and its share of places filled by the reader's own seniors), and, unless an article pairs them "
            "with it, fields as competitive as a first choice that is not among the most open to IMGs.",
        ),
        el("h4", "Points"),
        el(
            "ul",
            el(
                "li",
                f"Article pairing: {signed(PAIRING_POINTS)} for each source article that names this backup for your first choice "
                f"(up to {PAIRING_ARTICLE_CAP}); {signed(OVERLAP_POINTS)} when the IMG article lists the two as sharing skills.",
            ),
            el(
                "li",
                f"IMG match rate: {MATCH_RATE_POINTS_PER_PCT:g} points per percentage point of non-US IMGs who ranked the specialty "
                f"first and matched ({CHARTING_OUTCOMES.named()}). A rate from fewer than {FEW_RANKED_FIRST} applicants says "
                "how rough it is (one standard error of a proportion).",
            ),
            el(
                "li",
                f"Positions filled by IMGs: {IMG_SHARE_POINTS_PER_PCT:g} points per percentage point of {RESULTS_AND_DATA.year} PGY-1 positions "
                f"offered that went to non-US IMGs, or to US-citizen IMGs if you are one ({RESULTS_AND_DATA.named()}).",
            ),
            el(
                "li",
                f"Where our data have no {RESULTS_AND_DATA.year} share for a field (PM&R), it is not counted as 0%, which "
                "would push the field down, but estimated from NRMP's own counts: the non-US IMGs who ranked it first "
                f"and matched, over its positions ({CHARTING_OUTCOMES.named()}). In the {basis.fields} fields with both "
                f"figures this ran up to {basis.most_below:.1f} points below the real share and at most "
                f"{basis.most_above:.1f} above it, "
                "so it leans cautious. For US-citizen IMGs, whom those counts leave out, it is multiplied by "
                f"{basis.us_ratio:.2f}, their share against non-US IMGs' in those fields. The field's breakdown says so.",
            ),
            el(
                "li",
                "Step 2 CK, if you enter it, adds each field's match odds at your score beside the ranking (the match "
                f"odds calculator's estimate from the score alone, {CHARTING_OUTCOMES.named()}); it adds no points. "
                "The estimates are for non-US IMGs whatever your applicant "
                "type; for any other type the column is named so, and the note under it gives your own group's overall "
                "match rate, as the match odds calculator does. It also moves a field where the score is below the "
                "first quartile of the non-US IMGs who matched there (the same figures and reading as the "
                "competitiveness check's) after every field where it is not, paired or not, ordered among "
                "themselves by tier (the most open first) and then by how far below the line the score is, and a column says where the score sits in each: the backup guide asks for a "
                "field whose scores your file sits comfortably in. A US senior's order does not change, as the check does "
                "not hold a senior's score to these figures; a US graduate of an earlier year, or after a no-match, is "
                "placed among them as the check places them, the nearest published group.",
            ),
            el(
                "li",
                f"Both accessibility figures are weighted by applicant type ({weights}) and multiplied by "
                f"{VISA_ACCESS_MULTIPLIER:g} when you need a visa.",
            ),
            el(
                "li",
                "Competitiveness tier: "
                + ", ".join(f"{data.TIER_LABELS[t]} {signed(p)}" for t, p in TIER_POINTS.items())
                + "; needing a visa adds "
                + ", ".join(f"{signed(p)} for {data.TIER_LABELS[t]}" for t, p in VISA_TIER_POINTS.items() if p)
                + " (our assumption: the IMG article says only that H-1B sponsorship is rare in some specialties).",
            ),
            el(
                "li",
                "Procedures: wanting them gives "
                + ", ".join(f"{k} {signed(p)}" for k, p in PROCEDURE_POINTS["yes"].items())
                + "; avoiding them gives "
                + ", ".join(f"{k} {signed(p)}" for k, p in PROCEDURE_POINTS["no"].items())
                + ".",
            ),
            el(
                "li",
                "Setting: preferring clinics gives "
                + ", ".join(f"{k.replace('-', ' ')} {signed(p)}" for k, p in SETTING_POINTS["yes"].items())
                + "; preferring hospital work gives "
                + ", ".join(f"{k.replace('-', ' ')} {signed(p)}" for k, p in SETTING_POINTS["no"].items())
                + ".",
            ),
            el(
                "li",
                f"{RED_FLAGS_ROW}: with a failed exam attempt or a graduation more than {profile.LONG_AGO_YEARS} years ago, "
                f"{signed(RED_FLAG_POINTS)} for "
                + and_list(sorted(data.specialty(slug).name for slug in FLEXIBLE_ABOUT_RED_FLAGS))
                + ", the fields the no-match article calls generally more flexible about lower scores, gaps or an older "
                f"graduation, and IMG status (that this covers a failure, and that a graduation more than {profile.LONG_AGO_YEARS} "
                "years ago counts as its older graduation, is our reading: the finder does not ask your recent clinical work, "
                f"and {check_counts_it()}); with a past no-match, the same for those "
                "four and "
                + and_list(sorted(data.specialty(slug).name for slug in AFTER_A_NO_MATCH - FLEXIBLE_ABOUT_RED_FLAGS))
                + f", the realistic backups that article names after a no-match ({ARTICLE_UNMATCHED.title}), and "
                f"{signed(RED_FLAG_POINTS // 2)} for "
                + and_list(sorted(data.specialty(slug).name for slug in data.NO_MATCH_SOMETIMES))
                + ", which it names as only “sometimes” realistic. For an IMG, US-citizen or not, "
                + and_list(sorted(data.specialty(slug).name for slug in AFTER_A_NO_MATCH_BUT_HARD_FOR_IMGS))
                + " earns nothing after a no-match: the article does not write for IMGs (its example is a US MD "
                "graduate), and IMGs of either kind fill few of its positions (each result shows your group's share).",
            ),
            el("li", f"Interest: {signed(INTEREST_POINTS)} when the specialty keeps your chosen interest alive."),
        ),
        el(
            "p",
            "Why these weights: the articles' pairings carry the most, because they encode experience of what program "
            "directors accept as a coherent story. The NRMP figures then separate fields that are open to IMGs from those "
            "that only look open. Preferences matter for a career you could keep, but they cannot make a closed field open, "
            "so each is worth less than a strong pairing. The weights are our judgment, shown so you can weigh the "
            "components differently yourself.",
        ),
        el("h4", "Bridge years"),
        el(
            "p",
            "Transitional and preliminary years are listed for first choices that use advanced positions (radiology, "
            "anesthesiology, dermatology, PM&R; IMG article), a preliminary medicine year for neurology (IMG article; "
            "that neurology has advanced positions too is our reading of the AMA), and a preliminary surgery year for "
            "surgical first choices (IMG and ultra-competitive articles); general surgery also gets a transitional year when "
            "an article pairs it (IMG article), and orthopaedic surgery gets one as a SOAP position that keeps doors open "
            f"(orthopaedics article). Each comes with the {RESULTS_AND_DATA.year} NRMP figures for its kind of position.",
        ),
        table(
            ("Specialty", "Procedures", "Setting", "Interests", "Why"),
            trait_rows,
            caption="Specialty traits used for the preference points",
        ),
        table(
            ("First choice", "Backups suggested", "Why", "Source"),
            pairing_rows,
            caption="The source articles' pairings, in our words",
        ),
        el("h4", "Sources"),
        el(
            "ul",
            [
                el("li", s.cite() + (f"; {s.status}" if s.status else ""))
                for s in (*data.ARTICLES, CHARTING_OUTCOMES, RESULTS_AND_DATA)
            ],
        ),
    )
