"""What the site's words say of the figures, held to the data.

The guides quote every figure through macros, and the calculators format
theirs from the data, so a new edition rewrites the figures; it does not
rewrite the words around them ("far more", "the lowest", "just above").  Each
claim below quotes such words from where they are written (a guide's
Markdown, or for the calculators' own words the Python that writes them) and
says, as a predicate on the data, what makes them true.  A new edition that
breaks one fails here, naming the words to re-read; so do words edited away,
so this list stays the site's own.  (Inventory: the claims-ledger and
claims-python audits of 2026-12-04.)
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from html import unescape
from itertools import pairwise
from typing import Any

import pytest
from conftest import DERM_NON_US_IMG, ROOT, applied_this_season, pin_build_date

from calculators import application_cost as ac
from calculators import (
    backup_finder,
    competitiveness,
    cycle,
    data,
    match_odds,
    program_counts,
    rank_simulator,
    signals,
    timeline,
)
from calculators.application_cost import aamc_example_total, eras_schedule
from calculators.fields import InputError


@dataclass(frozen=True)
class Claim:
    """``page`` is a guide under docs/, or calculators/NAME.py for the words a
    calculator writes (each claim's words within one string of its code)."""

    page: str
    words: str
    holds: Callable[[], bool]


def co(name: str) -> data.ChartingOutcome:
    return data.charting_outcomes()[name]


def rd(name: str) -> data.PGY1Result:
    return data.pgy1_results()[name]


def median(dist: data.Distribution) -> float:
    assert dist.median is not None
    return dist.median


def mean(dist: data.Distribution) -> float:
    assert dist.mean is not None
    return dist.mean


def rate(name: str) -> float:
    return co(name).img_match_rate_pct


IM, FM, DR, GS, AN, OR = (
    "Internal Medicine",
    "Family Medicine",
    "Radiology-Diagnostic",
    "Surgery-General",
    "Anesthesiology",
    "Orthopaedic Surgery",
)
# The five fields the IMG article calls the most accessible, by the report's names.
FIVE = (IM, FM, "Pediatrics", "Psychiatry", "Neurology")
# The pivots the no-match guide lists after a first attempt.
NINE = (*FIVE, "Pathology-Anatomic and Clinical", AN, "Emergency Medicine", GS)
ULTRA = ("Dermatology", OR, "Plastic Surgery (Integrated)", "Otolaryngology", "Neurological Surgery")
RD_IM = "Internal Medicine (categorical)"


# A reapplicant's file, strong but for what a sentence names, and the weakest
# file the form allows short of a visa, for the no-match guide's pivot rules.
REAPPLICANT = {
    "previously_unmatched": True,
    "needs_visa": "false",
    "usce_months": 12,
    "recent_clinical_months": 12,
    "specialty_letters": 4,
    "away_rotations": 3,
}
WEAKEST = {
    "previously_unmatched": True,
    "step2_score": 205,
    "exam_failures": 3,
    "years_since_graduation": 10,
    "recent_clinical_months": 0,
    "usce_months": 0,
    "research_items": 0,
}


def band(slug: str, **inputs: object) -> str:
    return str(competitiveness.compute({"specialty": slug, **REAPPLICANT, **inputs})["band"])


# Non-US IMG files from strong to a past no-match, for words on what a
# calculator gives at each band (guide-claims audit s37, 1).
PROFILES: tuple[dict[str, str], ...] = (
    {
        "step2_score": "262",
        "needs_visa": "false",
        "usce_months": "12",
        "recent_clinical_months": "12",
        "specialty_letters": "3",
        "research_items": "3",
        "away_rotations": "2",
    },
    {"step2_score": "240"},
    {"step2_score": "225", "exam_failures": "1"},
    {"step2_score": "215", "exam_failures": "2", "previously_unmatched": "true"},
)
FIRST_CHOICES = ("diagnostic-radiology", "neurology", "psychiatry", "general-surgery", "dermatology", "anesthesiology")


@cache
def im_fm_backups() -> tuple[tuple[str, int, int], ...]:
    """(band, low, high) of an IM or FM backup, over those files and first choices."""
    seen = []
    for first in FIRST_CHOICES:
        for backup in ("internal-medicine", "family-medicine"):
            for profile in PROFILES:
                result = program_counts.compute({"specialty": first, "backup_specialty": backup, **profile})
                seen.append((result["band"], result["backup"]["low"], result["backup"]["high"]))
    return tuple(seen)


def other_fields(name: str) -> list[data.ChartingOutcome]:
    return [o for key, o in data.charting_outcomes().items() if key != name]


def dispersion(counts: data.Distribution) -> float:
    """How far a count's spread exceeds a Poisson's: the longer the tail, the larger."""
    assert counts.sd is not None
    return counts.sd**2 / (mean(counts) - 1)


def ratio_falls(spec: data.Specialty) -> bool:
    """Whether the contiguous-ranks ratio falls anywhere up to the model's last count."""
    ratios = [match_odds.contig_log_lr(spec, k) for k in range(match_odds.CONTIG_FLOOR, match_odds.CONTIG_MAX + 1)]
    return any(later < earlier for earlier, later in pairwise(ratios))


def every(checks: Iterable[bool]) -> bool:
    """all(), but False over nothing: a claim whose filter leaves no case
    would hold whatever the data said (coderead audit s41, 1)."""
    seen = list(checks)
    return bool(seen) and all(seen)


def pooled_mean(o: data.ChartingOutcome) -> float:
    """Matched and unmatched applicants' Step 2 CK together."""
    m, u = o.step2_matched, o.step2_unmatched
    return (mean(m) * (m.n or 0) + mean(u) * (u.n or 0)) / ((m.n or 0) + (u.n or 0))


def medians_above(name: str) -> int:
    """How many fields' matched applicants had a higher median Step 2 CK."""
    own = median(co(name).step2_matched)
    return sum(o.step2_matched.median is not None and o.step2_matched.median > own for o in other_fields(name))


def fee_dates() -> dict[str, tuple[str, bool]]:
    """Each fee by the start of its name: the season it is dated to, and whether it is old."""
    return {fee.item.split(",")[0].split(" (")[0]: (fee.season_or_year, fee.is_old) for fee in data.fees()}


# The old fees, with the dates the pages give them.
OLD_FEES = {
    "ERAS residency application": ("ERAS 2024 season", True),  # the older schedule, named on its own
    "USMLE transcript via ERAS": ("ERAS 2024", True),
    "ECFMG ERAS token": ("ERAS 2024", True),
    "NRMP registration": ("Matches opening Jul 2016-Jun 2017", True),
    "NRMP extra ranks": ("2016-17", True),
    "NRMP late registration": ("2016-17", True),
    "NRMP couple fee": ("2016-17", True),
    "COMLEX-USA transcript via ERAS": ("ERAS 2024", True),
    "USMLE Step 1 or Step 2 CK via ECFMG": ("from Jan 2018", True),
    "In-person interview": ("2016 Match, US MD seniors", True),
    "Virtual vs in-person interview season": ("2020-21", True),
}


def aamc_example_holds() -> bool:
    schedule = eras_schedule()
    return (
        schedule.formula(43) == "30 × $11 + 13 × $30"
        and schedule.formula(7) == "7 × $11"
        and schedule.fee(43) + schedule.fee(7) == aamc_example_total() == 797
    )


def finder_puts_im_before_gs() -> bool:
    for primary in ("otolaryngology", "plastic-surgery"):
        for applicant in ("us-md", "us-do", "us-img", "non-us-img"):
            for visa in ("false", "true"):
                result = backup_finder.compute({"specialty": primary, "applicant_type": applicant, "needs_visa": visa})
                order = [s["specialty"] for s in result["suggestions"]]
                if order.index("internal-medicine") > order.index("general-surgery"):
                    return False
    return True


CLAIMS = (
    # What the two groups of a field scored.
    Claim(
        "assess/need-a-backup.md",
        'did not match had a median Step 2 CK of {{ charting("Radiology-Diagnostic").step2_unmatched.median }}, just above the',
        lambda: 0 < median(co(DR).step2_unmatched) - median(co(DR).step2_matched) <= 2,
    ),
    Claim(
        "backup/playbook-radiology.md",
        "the unmatched group scored about the same as the matched group",
        lambda: (
            abs(median(co(DR).step2_unmatched) - median(co(DR).step2_matched)) <= 2
            and abs(mean(co(DR).step2_unmatched) - mean(co(DR).step2_matched)) <= 2
        ),
    ),
    Claim(
        "backup/playbook-radiology.md",
        "a small, self-selected group (those of them who did not match scored as high as those who did)",
        lambda: (
            median(co(DR).step2_unmatched) >= median(co(DR).step2_matched)
            and co(DR).img_ranked_first < co(IM).img_ranked_first / 10
        ),
    ),
    Claim(
        "backup/playbook-radiology.md",
        "so its radiology estimate stays near the field's overall rate at almost any score",
        lambda: (
            match_odds.step2_says_little(data.specialty("diagnostic-radiology"))
            and all(
                abs((match_odds.step2_estimate(data.specialty("diagnostic-radiology"), score) or 0) - rate(DR) / 100) < 0.05
                for score in range(220, 271, 5)
            )
        ),
    ),
    Claim(
        "backup/playbook-radiology.md",
        "The non-US IMG match rate for internal medicine is below the rate for diagnostic radiology",
        lambda: rate(IM) < rate(DR),
    ),
    Claim(
        "assess/index.md",
        "**A good score is often not enough.** In family medicine",
        lambda: median(co(FM).step2_unmatched) >= median(co(FM).step2_matched),
    ),
    Claim(
        "assess/need-a-backup.md",
        "In family medicine the score says little",
        lambda: (
            median(co(FM).step2_unmatched) >= median(co(FM).step2_matched)
            and match_odds.step2_says_little(data.specialty("family-medicine"))
        ),
    ),
    Claim(
        "calculators/match-odds.md",
        "which would make the estimate drop as the score climbs",
        lambda: mean(co(FM).step2_unmatched) > mean(co(FM).step2_matched),
    ),
    Claim(
        "calculators/match-odds.md",
        "In a few fields the two averages are almost equal",
        lambda: 1 <= sum(match_odds.step2_says_little(s) for s in data.SPECIALTIES) <= 4,
    ),
    Claim(
        "backup/index.md",
        "Matched non-US IMGs in neurology and internal medicine had higher median Step 2 CK scores than those in family medicine",
        lambda: min(median(co("Neurology").step2_matched), median(co(IM).step2_matched)) > median(co(FM).step2_matched),
    ),
    Claim(
        "unmatched/index.md",
        "internal medicine's run high",
        lambda: (
            median(co(IM).step2_matched) == max(median(co(k).step2_matched) for k in (IM, FM, "Psychiatry", "Pediatrics"))
            and median(co(IM).step2_matched) - median(co(FM).step2_matched) >= 10
        ),
    ),
    Claim(
        "backup/playbook-orthopaedics.md",
        "Scores in the mid-240s did not carry them",
        lambda: 243 <= median(co(OR).step2_unmatched) <= 247,
    ),
    Claim(
        "backup/playbook-orthopaedics.md",
        "That median is the highest of the fields listed here, and few fields on the",
        lambda: (
            median(co(GS).step2_matched)
            > max(median(co(k).step2_matched) for k in (IM, FM, "Physical Medicine and Rehabilitation", "Emergency Medicine"))
            and medians_above(GS) <= 2
        ),
    ),
    # Match rates and group sizes.
    Claim(
        "backup/index.md",
        "Roughly half of the non-US IMGs who ranked internal medicine first matched in it",
        lambda: 45 <= rate(IM) <= 55,
    ),
    Claim(
        "backup/index.md",
        "Internal medicine matched far more non-US IMGs than any other field",
        lambda: co(IM).img_matched > 2 * max(o.img_matched for o in other_fields(IM)),
    ),
    Claim(
        "backup/index.md",
        "## The fields that have taken the most IMGs",
        lambda: set(sorted(data.charting_outcomes(), key=lambda k: -co(k).img_matched)[:5]) == set(FIVE),
    ),
    Claim(
        "backup/index.md",
        "Those who ranked it first matched at a good rate (the list above), but they were a small group",
        lambda: rate("Psychiatry") >= 50 and co("Psychiatry").img_ranked_first < co(IM).img_ranked_first / 10,
    ),
    Claim(
        "backup/index.md",
        "for non-US IMGs anesthesiology has been a hard field to enter",
        lambda: (
            rate(AN) < min(rate(k) for k in FIVE)
            and rd(AN).non_us_img_pct_of_offered
            < min(
                rd(data.specialty(s).results_name or "").non_us_img_pct_of_offered
                for s in ("internal-medicine", "family-medicine", "pediatrics", "psychiatry", "neurology")
            )
        ),
    ),
    Claim(
        "calculators/backup-finder.md",
        "IMGs fill few of anesthesiology's first-year positions",
        # Fewer, for each group, than any of the four fields that keep the bonus for IMGs.
        lambda: every(
            getattr(rd(AN), share) < min(getattr(rd(k), share) for k in (RD_IM, FM, "Pediatrics (categorical)", "Psychiatry"))
            for share in ("us_img_pct_of_offered", "non_us_img_pct_of_offered")
        ),
    ),
    Claim(
        "unmatched/index.md",
        "general surgery and anesthesiology have been the hardest of these pivots to enter, with the lowest match rates and the highest matched scores",
        lambda: set(sorted(NINE, key=rate)[:2]) == {GS, AN} == set(sorted(NINE, key=lambda k: -median(co(k).step2_matched))[:2]),
    ),
    Claim(
        "calculators/competitiveness.md",
        "In general surgery, for example, most IMGs who rank it first go unmatched, and a score above the matched median can still leave you below even odds",
        lambda: (
            rate(GS) < 50
            and (match_odds.step2_estimate(data.specialty("general-surgery"), int(median(co(GS).step2_matched)) + 1) or 1) < 0.5
        ),
    ),
    Claim(
        "assess/need-a-backup.md",
        "Being above the matched median is not enough where most IMGs who rank a field first go unmatched",
        lambda: rate(GS) < 50 and rate("Obstetrics and Gynecology") < 50,
    ),
    Claim(
        "backup/playbook-ultra-competitive.md",
        "a rate that jumps several points with one person more or less",
        lambda: 100 / co("Dermatology").img_ranked_first >= 2,
    ),
    Claim(
        "backup/playbook-orthopaedics.md",
        'It rests on {{ charting("Orthopaedic Surgery").img_ranked_first }} people. One more or one fewer match moves it by '
        "several percentage points",
        lambda: 100 / co(OR).img_ranked_first >= 3,
    ),
    Claim(
        "backup/playbook-orthopaedics.md",
        "Orthopaedics is one of the hardest specialties to enter",
        lambda: sorted(data.charting_outcomes(), key=rate).index(OR) < 5,
    ),
    Claim(
        "backup/playbook-ultra-competitive.md",
        "for most of these fields there is no published score profile for IMGs who matched at all",
        lambda: sum(co(k).step2_matched.median is None for k in ULTRA) >= 3,
    ),
    Claim(
        "assess/index.md",
        # By the consent rule, not "so few matched" (figures audit s53, 3);
        # each field's count through its own row (guides audit s55, 10).
        "In each, fewer than 5 of them consented, so no score profile exists for them",
        lambda: every(
            co(k).step2_matched.median is None and co(k).step2_matched.n < 5 and co(k).img_matched < 10 for k in ULTRA[:3]
        ),
    ),
    Claim(
        "backup/playbook-ultra-competitive.md",
        "These fields have few positions",
        lambda: max(co(k).positions for k in ULTRA) < co(IM).positions / 10,
    ),
    Claim(
        "backup/playbook-orthopaedics.md",
        "far fewer positions than IM or FM",
        lambda: co("Physical Medicine and Rehabilitation").positions < min(co(IM).positions, co(FM).positions) / 5,
    ),
    Claim(
        "calculators/match-odds.md",
        "In most specialties, half of the unmatched applicants ranked only one or two of its programs",
        lambda: (lambda known: sum(m <= 2 for m in known) > len(known) / 2)(
            [o.contig_unmatched.median for o in data.charting_outcomes().values() if o.contig_unmatched.median is not None]
        ),
    ),
    Claim(
        "unmatched/index.md",
        "how thin the lists of unmatched applicants tend to be",
        lambda: (
            all(
                o.contig_matched.median >= o.contig_unmatched.median
                for o in data.charting_outcomes().values()
                if o.contig_matched.median is not None and o.contig_unmatched.median is not None
            )
            and all(median(co(k).contig_matched) > median(co(k).contig_unmatched) for k in (IM, FM, DR))
        ),
    ),
    # Positions offered and filled.
    Claim(
        "backup/index.md",
        "US graduates fill most of its places",
        lambda: rd("Psychiatry").us_md_senior_pct_of_offered + rd("Psychiatry").us_do_senior_pct_of_offered > 50,
    ),
    Claim(
        "backup/index.md",
        "so more of its positions were left unfilled after the Main Residency Match than in the other four fields here",
        lambda: every(
            rd(FM).positions_unfilled > rd(k).positions_unfilled and rd(FM).fill_rate_pct < rd(k).fill_rate_pct
            for k in (RD_IM, "Pediatrics (categorical)", "Psychiatry", "Neurology")
        ),
    ),
    Claim(
        "unmatched/soap-and-plan-b.md",
        "the lowest fill rates in 2025 were these",
        lambda: (
            set(sorted(data.pgy1_results(), key=lambda k: rd(k).fill_rate_pct)[:4])
            == {FM, "Transitional Year", "Medicine-Preliminary", "Surgery-Preliminary"}
        ),
    ),
    Claim(
        "unmatched/soap-and-plan-b.md",
        "Counted in places rather than rates, the most were left in family medicine",
        lambda: (
            sorted(data.pgy1_results(), key=lambda k: -rd(k).positions_unfilled)[:3] == [FM, "Surgery-Preliminary", RD_IM]
            and rd(RD_IM).fill_rate_pct >= 95
        ),
    ),
    Claim(
        "backup/bridges.md",
        "many were still open after that year's Match",
        lambda: rd("Surgery-Preliminary").positions_unfilled >= 100,
    ),
    Claim(
        "backup/playbook-orthopaedics.md",
        "orthopaedic PGY-1 positions offered were filled",
        lambda: rd(OR).positions_filled == rd(OR).positions_offered,
    ),
    Claim(
        "backup/playbook-ultra-competitive.md",
        "Orthopaedics filled all",
        lambda: rd(OR).positions_filled == rd(OR).positions_offered,
    ),
    Claim(
        "backup/playbook-orthopaedics.md",
        'against {{ results("Orthopaedic Surgery").us_img_pct_of_offered }} in orthopaedics',
        lambda: rd(OR).us_img_pct_of_offered == min(r.us_img_pct_of_offered for r in data.pgy1_results().values()),
    ),
    Claim(
        "backup/playbook-radiology.md",
        "Very few DR positions are left for SOAP",
        lambda: dr_unfilled_share() <= 0.05,
    ),
    Claim(
        "calculators/application-cost.md",
        "the field also has positions starting at PGY-1",
        lambda: rd(AN).positions_offered > 0 and rd("Neurology").positions_offered > 0,
    ),
    Claim(
        "calculators/application-cost.md",
        "The result reminds you of that year when you choose any of these five",
        lambda: (
            data.ARTICLE_ADVANCED_SPECIALTIES | {"neurology"} == data.ADVANCED_POSITION_SPECIALTIES
            and len(data.ADVANCED_POSITION_SPECIALTIES) == 5
        ),
    ),
    Claim(
        "data-and-sources.md",
        "Anesthesiology and neurology also have positions starting at PGY-1",
        lambda: (
            all(data.categorical_first_years(s) for s in ("anesthesiology", "neurology"))
            and not any(
                data.categorical_first_years(s) for s in data.ADVANCED_POSITION_SPECIALTIES - {"anesthesiology", "neurology"}
            )
        ),
    ),
    Claim(
        "data-and-sources.md",
        "were not in the tabulation we found",
        lambda: (
            not any(
                s.results_name in data.pgy1_results()
                for s in data.SPECIALTIES
                if s.slug
                in ("dermatology", "pmr", "diagnostic-radiology", "plastic-surgery", "otolaryngology", "neurological-surgery")
            )
            and not {"Dermatology", "Physical Medicine and Rehabilitation", *ULTRA[2:]} & set(data.pgy1_results())
        ),
    ),
    # The backup finder's own figures.
    Claim(
        "calculators/backup-finder.md",
        "behind otolaryngology or plastic surgery, internal medicine comes before general surgery",
        finder_puts_im_before_gs,
    ),
    Claim(
        "calculators/backup-finder.md",
        "only a fraction of a point above it",
        lambda: backup_finder.share_estimate_basis().most_above < 1 <= backup_finder.share_estimate_basis().most_below,
    ),
    Claim(
        "calculators/match-odds.md",
        "(5 to 14 ranks, depending on the field)",
        lambda: (
            (
                held := [
                    match_odds.contig_held_from(s) for s in data.SPECIALTIES if s.outcome and match_odds.contig_measure(s, 1).used
                ]
            )
            and (min(held), max(held)) == (5, 14)
        ),
    ),
    Claim(
        "calculators/backup-finder.md",
        "six fields, dermatology and radiology among them, have no such figure in our data",
        lambda: (
            {"Dermatology", "Diagnostic Radiology"} <= {s.name for s in data.SPECIALTIES if s.pgy1 is None}
            and sum(s.pgy1 is None for s in data.SPECIALTIES) == 6
        ),
    ),
    Claim(
        "assess/need-a-backup.md",
        "(in neurology the median alone falls just short)",
        lambda: every(
            (0.45 <= odds < 0.5) if slug == "neurology" else odds >= 0.5
            for slug in ("internal-medicine", "family-medicine", "pediatrics", "psychiatry", "neurology")
            for odds in [
                match_odds.step2_estimate(
                    data.specialty(slug), int(median(co(data.specialty(slug).charting_name or "").step2_matched))
                )
                or 0
            ]
        ),
    ),
    # What the no-match guide says the check does after a no-match (guide-claims audit s37: its
    # sentences on calculator behaviour were tied to nothing).
    Claim(
        "unmatched/index.md",
        # Our rule, drawn from the no-match article's case (figures audit s53, 2).
        "That line is our rule, drawn from the no-match article's case study",
        lambda: band("orthopaedic-surgery", step2_score=230, research_items=1) == "pivot",
    ),
    Claim(
        "unmatched/index.md",
        "A reapplicant with ten papers and 228 in orthopaedics is still told to pivot.",
        lambda: band("orthopaedic-surgery", step2_score=228, research_items=10) == "pivot",
    ),
    Claim(
        "unmatched/index.md",
        # Through the check's own constants since guides audit s55, 9: the claim holds the calculator to them.
        'and under {{ check_step2("far below", "diagnostic-radiology") }} in radiology (against the radiology article\'s '
        '{{ check_step2("level", "diagnostic-radiology") }})',
        lambda: (
            band("diagnostic-radiology", step2_score=219, research_items=10) == "pivot"
            and band("diagnostic-radiology", step2_score=220, research_items=10) != "pivot"
        ),
    ),
    Claim(
        "unmatched/index.md",
        'In every other field, however low the score, the most cautious answer it gives a reapplicant is "dual apply, strongly"',
        lambda: every(
            (competitiveness.compute({"specialty": s.slug, **WEAKEST})["band"] == "pivot") == (s.tier in ("ultra", "competitive"))
            for s in data.SPECIALTIES
        ),
    ),
    Claim(
        "calculators/competitiveness.md",
        "for an IMG whose score the match odds calculator puts under three in four in the field, the result says that figure",
        lambda: competitiveness.SINGLE_TRACK_ODDS_SAID_BELOW == 0.75,
    ),
    Claim(
        "assess/index.md",
        "78% said they consider Step 2 CK scores and 55% COMLEX Level 2 scores",
        lambda: (data.PD_SURVEY_STEP2_PCT, data.PD_SURVEY_COMLEX2_PCT) == (78, 55),
    ),
    Claim(
        "unmatched/index.md",
        "counts an old graduation as a red flag only with {{ recent_work_rule() }} (its own line)",
        lambda: (competitiveness.OLD_GRADUATION_RECENT_WORK_MONTHS, competitiveness.RECENT_WORK_YEARS) == (6, 3),
    ),
    Claim(
        "faq.md",
        'a non-US IMG gets at least 80 there once a backup is needed ("dual apply" or more cautious), and a small '
        'hedge of 40–50 at "single-track"',
        lambda: (
            {band for band, _, _ in im_fm_backups()} == set(competitiveness.BAND_ORDER)
            and all(low >= 80 for band, low, _ in im_fm_backups() if band != "single-track")
            and all((low, high) == (40, 50) for band, low, high in im_fm_backups() if band == "single-track")
        ),
    ),
    # Overall match rates.
    Claim(
        "calculators/match-odds.md",
        "For US-citizen IMGs the overall match rate is higher",
        lambda: every(r.us_img_pct > r.non_us_img_pct for r in data.match_rates().values()),
    ),
    Claim(
        "calculators/match-odds.md",
        "their group's higher rate counts a match in any field",
        lambda: every(min(r.us_md_senior_pct, r.us_do_senior_pct) > r.non_us_img_pct for r in data.match_rates().values()),
    ),
    # What the data pages say of their own rows.
    Claim(
        "index.md",
        "2023–2026**, as reported in news coverage of the 2023–2025 releases; the 2026 row comes from a secondary summary",
        lambda: (
            {year: rates.status for year, rates in data.match_rates().items()}
            == {2023: "seen", 2024: "seen", 2025: "seen", 2026: "secondary"}
        ),
    ),
    Claim(
        "faq.md",
        "overall match rates for 2023–2026",
        lambda: (min(data.match_rates()), max(data.match_rates())) == (2023, 2026),
    ),
    Claim(
        "data-and-sources.md",
        "The NRMP registration, extra-rank, late registration and couple fees date from the 2016–17 Match, the USMLE Step 1 "
        "and Step 2 CK fee from 2018, the ECFMG ERAS token and the USMLE and COMLEX transcript fees from the 2024 ERAS "
        "season, and the interview-cost studies",
        lambda: OLD_FEES.items() <= fee_dates().items() and {k for k, v in fee_dates().items() if v[1]} == set(OLD_FEES),
    ),
    Claim(
        "data-and-sources.md",
        "has a row for every specialty with the count left blank",
        lambda: (
            not any(allowance.known for allowance in data.signal_allowances().values())
            and set(data.signal_allowances()) == {s.slug for s in data.SPECIALTIES}
        ),
    ),
    # The calculators' own words.
    Claim(
        "calculators/competitiveness.py",
        "unmatched, such as general surgery, obstetrics and gynecology, anesthesiology and neurology.",
        lambda: every(rate(k) < 50 for k in (GS, "Obstetrics and Gynecology", AN, "Neurology")),
    ),
    Claim(
        "calculators/competitiveness.py",
        "(radiology follows its own",
        # Its bands cap a score below their top floor, which must not sit
        # below the matched median the other fields are capped at.
        lambda: median(co(DR).step2_matched) <= competitiveness.RADIOLOGY_STEP2_BANDS[0].floor,
    ),
    Claim(
        "calculators/competitiveness.py",
        "that is below most matched non-US IMGs in the field",
        lambda: (co(IM).step2_matched.q1 or 0) > 230,
    ),
    Claim(
        "calculators/match_odds.py",
        "{_separate_sds_example()}, which nothing",
        lambda: (
            co(FM).step2_matched.sd != co(FM).step2_unmatched.sd
            and match_odds.separate_sds_estimate(data.specialty("family-medicine"), 270)
            < match_odds.separate_sds_estimate(data.specialty("family-medicine"), 240) - 0.15
        ),
    ),
    Claim(
        "calculators/match_odds.py",
        "averaged a slightly higher Step 2 CK than matched ones",
        lambda: every(
            mean(o.step2_unmatched) - mean(o.step2_matched) <= 3
            for o in data.charting_outcomes().values()
            if o.step2_matched.usable and o.step2_unmatched.usable and mean(o.step2_unmatched) > mean(o.step2_matched)
        ),
    ),
    Claim(
        "calculators/match_odds.py",
        "because the unmatched group's counts have the longer tail",
        # Said only where the ratio peaks before the unmatched group's tail,
        # which no field of the 2026 edition does, so the claim is held over
        # the whole model, past that tail: the ratio falls somewhere exactly
        # where the unmatched counts are the more dispersed (coderead audit s41, 1).
        lambda: (
            every(
                ratio_falls(spec) == (dispersion(spec.outcome.contig_unmatched) > dispersion(spec.outcome.contig_matched))
                for spec in data.SPECIALTIES
                if spec.outcome and spec.outcome.contig_matched.usable and spec.outcome.contig_unmatched.usable
            )
            and any(ratio_falls(spec) for spec in data.SPECIALTIES if spec.outcome and spec.outcome.contig_unmatched.usable)
        ),
    ),
    Claim(
        "calculators/backup_finder.py",
        "(the few IMGs aiming at radiology tend to be high scorers)",
        lambda: (
            co(DR).img_ranked_first < co(IM).img_ranked_first / 10
            and sorted(
                (o for o in data.charting_outcomes().values() if o.step2_matched.usable and o.step2_unmatched.usable),
                key=lambda o: -pooled_mean(o),
            ).index(co(DR))
            < 3
        ),
    ),
    Claim(
        "calculators/program_counts.py",
        "who match far less often than US seniors",
        lambda: (lambda r: max(r.us_img_pct, r.non_us_img_pct) <= min(r.us_md_senior_pct, r.us_do_senior_pct) - 10)(
            data.latest_match_rates()
        ),
    ),
    # The tiers the data page cites a table for.
    Claim(
        "calculators/data.py",
        "whose tier rests on their non-US IMG match rates (NRMP Charting Outcomes)",
        lambda: (
            max(rate(AN), rate("Obstetrics and Gynecology"))
            < min(s.outcome.img_match_rate_pct for s in data.SPECIALTIES if s.tier == "accessible" and s.outcome)
        ),
    ),
    Claim(
        "calculators/data.py",
        '"accessible": (ARTICLE_IMG, RESULTS_AND_DATA),',
        lambda: (
            min(s.pgy1.non_us_img_pct_of_offered for s in data.SPECIALTIES if s.tier == "accessible" and s.pgy1)
            > max(s.pgy1.non_us_img_pct_of_offered for s in data.SPECIALTIES if s.tier == "moderate" and s.pgy1)
        ),
    ),
    Claim(
        "calculators/application-cost.md",
        "$935, the FSMB's 2025 fee as given in a copy of its FAQ (we have not seen the FSMB's own page)",
        lambda: (
            fee_dates()["USMLE Step 3"] == ("2025", False)
            and next(f for f in data.fees() if f.item.startswith("USMLE Step 3")).status == "secondary"
        ),
    ),
    Claim(
        "calculators/application-cost.md",
        "The amounts date from 2016–17 and are flagged as old in the result",
        lambda: {k: OLD_FEES[k] for k in ("NRMP registration", "NRMP extra ranks")}.items() <= fee_dates().items(),
    ),
    Claim(
        "calculators/application-cost.md",
        "are from 2016–17, the in-person interview cost is from the 2016 Match, and the virtual-interview season median "
        "from 2020–21. The USMLE and COMLEX transcript fees ($80 each through ERAS) and the ECFMG token ($165) are from "
        "the 2024 ERAS season",
        lambda: (
            OLD_FEES.items() <= fee_dates().items()
            and ac.USMLE_TRANSCRIPT.amount_usd == ac.COMLEX_TRANSCRIPT.amount_usd == "80"
            and ac.ECFMG_TOKEN.amount_usd == "165"
        ),
    ),
    Claim(
        "calculators/application-cost.md",
        "ResidencyCAS charges for each exam's transcript again, $80 in the 2025–26 cycle",
        lambda: ac.RESIDENCYCAS_TRANSCRIPT.amount_usd == "80" and ac.RESIDENCYCAS_TRANSCRIPT.season_or_year.startswith("2025-26"),
    ),
    Claim(
        "calculators/application-cost.md",
        "its late registration fee ($50 more) and its fee for each partner of a couple ($15 each) "
        "are old figures, from the 2016–17 NRMP fee page",
        lambda: (
            (ac.NRMP_LATE.amount_usd, ac.NRMP_COUPLE.amount_usd) == ("50", "15") and ac.NRMP_LATE.is_old and ac.NRMP_COUPLE.is_old
        ),
    ),
    Claim(
        "calculators/timeline.md",
        "released them to programs on 1 October, a week after ERAS's review start",
        lambda: cycle.season(2026)["programs_receive"].date == dt.date(2025, 9, 24),
    ),
    Claim(
        "glossary.md",
        "obstetrics and gynecology programs use instead of ERAS from the 2024–25 cycle, and emergency medicine programs",
        lambda: {"emergency-medicine", "obstetrics-gynecology"} == data.RESIDENCYCAS_FIELDS,
    ),
    # ERAS prices.  The AAMC's worked example is typed as the AAMC gave it, so
    # the schedule we hold must still give its sums (a typed $30 alone would
    # pass the fee test as the NRMP's extra-rank fee).
    *(
        Claim(page, words, aamc_example_holds)
        for page, words in (
            ("apply/index.md", "The AAMC's own worked example: an applicant who applies to 43 internal medicine programs"),
            ("data-and-sources.md", "The AAMC's own worked example: 43 internal medicine programs plus 7"),
            ("assess/need-a-backup.md", "The AAMC's own example: 43 internal medicine and 7 diagnostic radiology"),
        )
    ),
    Claim(
        "calculators/application-cost.md",
        "Thirty programs in each of two specialties therefore cost less than sixty programs in one",
        lambda: 2 * eras_schedule().fee(30) < eras_schedule().fee(60),
    ),
    Claim(
        "apply/index.md",
        "The first 30 programs of a second specialty are cheap",
        lambda: (
            eras_schedule().tiers[0].last == 30 and eras_schedule().tiers[0].per_program < eras_schedule().tiers[1].per_program
        ),
    ),
)


# --- Proposed claims (claims-inventory audit s37): calculator behaviour the guides state.  Needs, in the imports:
#     import datetime as dt
#     from itertools import pairwise
#     from calculators import backup_finder, competitiveness, data, match_odds, program_counts, rank_simulator, signals, timeline
STRONG = {**PROFILES[0], "research_items": "6", "specialty_letters": "4", "away_rotations": "3"}
SLUGS = tuple(s.slug for s in data.SPECIALTIES)
ULTRA_SLUGS = tuple(s.slug for s in data.SPECIALTIES if s.tier == "ultra")


def very_strong_shown() -> int:
    """The check's single-track line as need-a-backup shows it, through
    check_step2, where it typed 260 (guides audit s55, 9)."""
    import macros

    return int(macros.check_step2("very strong"))


def reapplicant_first_choice_keeps_its_whole_range() -> bool:
    """After a no-match short of "pivot", without "Changing field", the first
    choice beside a backup keeps the whole range the articles give it, as on
    a first application, and the backup at least the no-match article's 60
    (it was trimmed to the lower half until reapplypsych audit s49, 2)."""
    return every(
        (again["primary"], again["range_rule"]["primary"]["aim"]) == ({"low": rule.low, "high": rule.high}, "whole")
        and again["primary"] == first["primary"]
        and again["backup"] is not None
        and again["backup"]["low"] >= 60
        for specialty in ("internal-medicine", "psychiatry", "general-surgery", "orthopaedic-surgery", "dermatology")
        for backup in ("family-medicine", "pediatrics")
        for rule in [program_counts.first_choice_range(specialty)]
        for file in (STRONG, *PROFILES[:3])
        for first, again in [
            tuple(
                program_counts.compute(
                    {"specialty": specialty, "backup_specialty": backup, **file, "previously_unmatched": unmatched}
                )
                for unmatched in ("false", "true")
            )
        ]
        if again["band"] != "pivot" and first["band"] != "pivot"
    )


NEW_CLAIMS = (
    # assess/need-a-backup.md
    Claim(
        "assess/need-a-backup.md",
        "For a non-US IMG in radiology, it asks for a Step 2 CK in the top quarter of the non-US IMGs who matched there",
        lambda: (
            (q3 := int(co(DR).step2_matched.q3 or 0)) > 0
            and competitiveness.compute({"specialty": "diagnostic-radiology", **STRONG, "step2_score": q3 - 1})["band"]
            == "dual-apply"
            and competitiveness.compute({"specialty": "diagnostic-radiology", **STRONG, "step2_score": q3})["band"]
            == "single-track"
        ),
    ),
    Claim(
        "assess/need-a-backup.md",
        "For a non-US IMG, it never calls one field alone reasonable where the NRMP figures are too few to show a score at which it would be",
        lambda: (
            "pmr" in (thin := [s.slug for s in data.SPECIALTIES if match_odds.step2_figures_thin(s)])
            and sum(data.specialty(s).tier == "ultra" for s in thin) >= 3
            and all(
                competitiveness.compute({"specialty": s, **STRONG, "step2_score": 280})["band"] != "single-track" for s in thin
            )
            # while a US-citizen IMG is not held to it ("in PM&R the usual median and odds rules")
            and competitiveness.compute({"specialty": "pmr", "applicant_type": "us-img", **STRONG})["band"] == "single-track"
        ),
    ),
    Claim(
        "assess/need-a-backup.md",
        'reads "very strong" as {{ check_step2("very strong") }}, a margin of its own above that ballpark',
        lambda: (
            every(
                competitiveness.compute({"specialty": s, "applicant_type": "us-img", **STRONG, "step2_score": sc})["band"]
                == ("single-track" if sc >= very_strong_shown() else "dual-apply")
                for s in ULTRA_SLUGS
                for sc in (very_strong_shown() - 1, very_strong_shown())
            )
            and very_strong_shown() > competitiveness.ULTRA_STEP2_BALLPARK
        ),
    ),
    Claim(
        "assess/need-a-backup.md",
        'In an ultra-competitive field, no research at all gives "dual apply, strongly" even on a first attempt, however '
        "strong the rest of the file",
        lambda: every(
            competitiveness.compute({"specialty": s, "applicant_type": a, **STRONG, "step2_score": 275, "research_items": 0})[
                "band"
            ]
            == "dual-apply-strongly"
            for s in ULTRA_SLUGS
            for a in ("us-img", "non-us-img")
        ),
    ),
    Claim(
        "assess/need-a-backup.md",
        'So a file that fits the accessible-field row above can still be told "dual apply" once 6 or more years have '
        "passed since graduation",
        lambda: (
            lambda file: (
                competitiveness.compute({**file, "years_since_graduation": 5})["band"] == "single-track"
                and competitiveness.compute({**file, "years_since_graduation": 6})["band"] == "dual-apply"
            )
        )(
            {
                "specialty": "internal-medicine",
                "needs_visa": "false",
                "step2_score": int(median(co(IM).step2_matched)),
                "usce_months": 3,
                "recent_clinical_months": 12,
                "specialty_letters": 3,
                "research_items": 1,
            }
        ),
    ),
    Claim(
        "assess/need-a-backup.md",
        "For a senior it takes off no points, because seniors match far more often than IMGs",
        lambda: every(
            f["points"] >= 0
            for s in ("internal-medicine", "family-medicine", "psychiatry", "general-surgery")
            for f in competitiveness.compute(
                {
                    "specialty": s,
                    "applicant_type": "us-md",
                    "years_since_graduation": 0,
                    "step2_score": int(data.specialty(s).outcome.step2_matched.q1) - 5,
                }  # type: ignore[union-attr, arg-type]
            )["factors"]
            if f["factor"] == "Step 2 CK"
        ),
    ),
    # backup/index.md
    Claim(
        "backup/index.md",
        'One red flag, such as needing a visa, holds every field at "dual apply"',
        lambda: every(
            competitiveness.compute({"specialty": s, **STRONG, "needs_visa": "true"})["band"]
            == ("dual-apply-strongly" if data.specialty(s).tier == "ultra" else "dual-apply")
            for s in SLUGS
        ),
    ),
    # backup/playbook-radiology.md
    Claim(
        "backup/playbook-radiology.md",
        'so the check holds a Step 2 CK of 245–249 at "dual apply" even when every other box is ticked',
        lambda: every(
            competitiveness.compute(
                {"specialty": "diagnostic-radiology", "applicant_type": "us-img", **STRONG, "step2_score": sc}
            )["band"]
            == ("dual-apply" if sc < 250 else "single-track")
            for sc in range(245, 252)
        ),
    ),
    # unmatched/index.md
    Claim(
        "unmatched/index.md",
        "More than three years since graduation with no hands-on clinical work in the last three years, in the US or "
        "anywhere else, is misaligned only in the ultra-competitive fields and radiology",
        lambda: every(
            (
                competitiveness.compute(
                    {
                        "specialty": s,
                        **REAPPLICANT,
                        **STRONG,
                        "previously_unmatched": True,
                        "years_since_graduation": 4,
                        "recent_clinical_months": 0,
                    }
                )["band"]
                == "pivot"
            )
            == (data.specialty(s).tier in ("ultra", "competitive"))
            and competitiveness.compute(
                {
                    "specialty": s,
                    **REAPPLICANT,
                    **STRONG,
                    "previously_unmatched": True,
                    "years_since_graduation": 3,
                    "recent_clinical_months": 0,
                }
            )["band"]
            != "pivot"
            for s in SLUGS
        ),
    ),
    Claim(
        "unmatched/index.md",
        "Any failed attempt, or no research at all, is enough on its own, whatever the rest of the file",
        lambda: every(
            band(s, **{**STRONG, "step2_score": 275, **extra}) == "pivot"
            for s in ULTRA_SLUGS
            for extra in ({"exam_failures": 1}, {"research_items": 0})
        ),
    ),
    *(
        Claim(page, words, reapplicant_first_choice_keeps_its_whole_range)
        for page, words in (
            ("unmatched/index.md", "a field you are applying to again keeps its whole first-choice range"),
            (
                "calculators/program-counts.md",
                "After a no-match, a first choice you are applying to again keeps its whole range beside a backup, as on "
                "a first application",
            ),
        )
    ),
    # apply/index.md
    Claim(
        "apply/index.md",
        "takes the dermatology roadmap's 40–60 at \"Dual apply\" (a radiology backup keeps the ultra article's 50–80+)",
        lambda: every(
            (r["backup"]["low"], r["backup"]["high"]) == ((50, 80) if backup == "diagnostic-radiology" else (40, 60))
            for first in SLUGS
            if first != "orthopaedic-surgery"
            for backup in SLUGS
            if backup != first and data.specialty(backup).tier != "ultra"
            for file in PROFILES[:3]
            for r in [
                program_counts.compute({"specialty": first, "backup_specialty": backup, "applicant_type": "us-img", **file})
            ]
            # A file with a red flag left takes a non-US IMG's counts (the sentence after).
            if r["band"] == "dual-apply"
            and not program_counts.flagged(
                competitiveness.compute({"specialty": first, "applicant_type": "us-img", **file})["red_flags"]
            )
        ),
    ),
    Claim(
        "apply/index.md",
        "a field kept second takes the lower half of its range (40–60 for most backups; general surgery behind "
        "orthopaedics 20–40, radiology 50–80+)",
        lambda: every(
            (r["backup"]["low"], r["backup"]["high"])
            == (
                (50, 65)
                if backup == "diagnostic-radiology"
                else (20, 30)
                if (first, backup) == ("orthopaedic-surgery", "general-surgery")
                else (40, 50)
            )
            for first in SLUGS
            for backup in SLUGS
            if backup != first and data.specialty(backup).tier != "ultra"
            for a in ("us-img", "non-us-img")
            for r in [
                program_counts.compute(
                    {"specialty": first, "backup_specialty": backup, "applicant_type": a, **STRONG, "step2_score": "275"}
                )
            ]
            if r["band"] == "single-track"
        ),
    ),
    # apply/timeline.md
    Claim(
        "apply/timeline.md",
        "the calculator below dates them 5, 4 and 3 months before ERAS opens",
        lambda: (
            (
                d := {
                    m["title"]: m["date"]
                    for m in timeline.compute(
                        {"today": "2025-12-05", "eras_submission": "2027-09-02", "dual_applying": True, "include_past": True}
                    )["milestones"]
                }
            )
            and d["ERAS opens for the season"] == "2027-06-02"
            and (d["Request letters"], d["Draft the backup statement"], d["Build your program lists"])
            == ("2027-01-02", "2027-02-02", "2027-03-02")
        ),
    ),
    # faq.md
    Claim(
        "faq.md",
        "internal medicine as your only field, for example, gets the upper half of the 60–80 example when your band says to "
        "add a backup, and the 80–120 range when it says a backup is strongly needed",
        lambda: (
            {
                r["band"]: (r["primary"]["low"], r["primary"]["high"])
                for file in PROFILES
                for r in [program_counts.compute({"specialty": "internal-medicine", **file})]
                if r["band"] in ("dual-apply", "dual-apply-strongly")
            }
            == {"dual-apply": (70, 80), "dual-apply-strongly": (80, 120)}
        ),
    ),
    # calculators/competitiveness.md
    Claim(
        "calculators/competitiveness.md",
        "until you enter a score, the check does not give this answer",
        lambda: every(
            competitiveness.compute({"specialty": s, "applicant_type": a, **STRONG, "step2_score": None})["band"]
            != "single-track"
            for s in SLUGS
            for a in ("us-img", "non-us-img")
        ),
    ),
    Claim(
        "calculators/competitiveness.md",
        "On a first attempt this is the most cautious answer",
        lambda: every(
            competitiveness.compute({"specialty": s, **{**WEAKEST, "previously_unmatched": False}})["band"]
            == "dual-apply-strongly"
            for s in SLUGS
        ),
    ),
    # calculators/program-counts.md
    Claim(
        "calculators/program-counts.md",
        "**A weaker band never shrinks your backup.**",
        lambda: every(
            all(
                later[1] >= earlier[1] and later[2] >= earlier[2] and later[3] >= earlier[3]
                for earlier, later in pairwise(runs)
                if competitiveness.BAND_ORDER.index(later[0]) < competitiveness.BAND_ORDER.index(earlier[0])
            )
            for first in SLUGS
            for backup in SLUGS
            if backup != first and data.specialty(backup).tier != "ultra"
            for runs in [
                [
                    (r["band"], r["backup"]["low"], r["backup"]["high"], r["share"]["backup_pct"])
                    for file in PROFILES
                    for r in [program_counts.compute({"specialty": first, "backup_specialty": backup, **file})]
                ]
            ]
        ),
    ),
    Claim(
        "calculators/program-counts.md",
        "If you name an ultra-competitive field (dermatology, orthopaedic surgery, plastic surgery, neurosurgery or ENT) "
        "as the backup, the calculator refuses",
        lambda: every(_refuses(b) for b in ULTRA_SLUGS),
    ),
    Claim(
        "calculators/program-counts.md",
        "Internal and family medicine alone take the IMG article's 80–120 there",
        lambda: every(
            ((r["primary"]["low"], r["primary"]["high"]) == (80, 120)) == (s in ("internal-medicine", "family-medicine"))
            for s in SLUGS
            for r in [program_counts.compute({"specialty": s, **PROFILES[2], "years_since_graduation": "8"})]
            if r["band"] == "dual-apply-strongly"
        ),
    ),
    Claim(
        "calculators/program-counts.md",
        "Another backup, such as psychiatry, pediatrics or anesthesiology, gets 60–80, the lower half of the no-match "
        "article's 60–100+",
        lambda: every(
            (r["backup"]["low"], r["backup"]["high"]) == (60, 80)
            for first in SLUGS
            if first != "orthopaedic-surgery"
            for backup in ("psychiatry", "pediatrics", "anesthesiology")
            if backup != first
            for file in PROFILES[:3]
            for r in [program_counts.compute({"specialty": first, "backup_specialty": backup, **file})]
            if r["band"] == "dual-apply"
        ),
    ),
    # calculators/signals.md
    Claim(
        "calculators/signals.md",
        "If you have more signals than the low end of your program count in that specialty, the extra ones are left unplanned",
        lambda: every(
            plan["unused"] == 99 - plan["programs"]["low"] and sum(plan["placed"].values()) == plan["programs"]["low"]
            for file in PROFILES
            for plan in signals.compute(
                {
                    "specialty": "internal-medicine",
                    "backup_specialty": "family-medicine",
                    **file,
                    "primary_signals": "99",
                    "backup_signals": "99",
                }
            )["specialties"]
        ),
    ),
    # calculators/backup-finder.md
    Claim(
        "calculators/backup-finder.md",
        "Such a field goes below every field where your score is not that low, paired or not. Among the fields moved down, "
        "the tiers most open to IMGs come first, then the fields where your score is nearest that line.",
        lambda: every(
            all(not a["step2_below_q1"] or b["step2_below_q1"] for a, b in pairwise(sug))
            and (lambda key: key == sorted(key))(
                [
                    (("accessible", "moderate", "competitive").index(x["tier"]), x["step2_below_q1_by"])
                    for x in sug
                    if x["step2_below_q1"]
                ]
            )
            for s in SLUGS
            for a in ("us-img", "non-us-img")
            for sc in (205, 215, 225, 235, 245)
            for sug in [backup_finder.compute({"specialty": s, "applicant_type": a, "step2_score": sc})["suggestions"]]
        ),
    ),
    Claim(
        "calculators/backup-finder.md",
        "so a US senior's order never changes here",
        lambda: every(
            [
                x["specialty"]
                for x in backup_finder.compute({"specialty": s, "applicant_type": a, "step2_score": sc})["suggestions"]
            ]
            == [x["specialty"] for x in backup_finder.compute({"specialty": s, "applicant_type": a})["suggestions"]]
            for s in SLUGS
            for a in ("us-md", "us-do")
            for sc in (205, 225, 245)
        ),
    ),
    Claim(
        "calculators/backup-finder.md",
        "is placed against them as the competitiveness check places such a graduate",
        lambda: every(
            [s["step2_below_q1"] for s in backup_finder.compute({**reader, "step2_score": sc})["suggestions"]]
            == [
                bool(pos and pos["quartile"] == "below")
                for s in backup_finder.compute({**reader, "step2_score": sc})["suggestions"]
                for pos in [competitiveness.step2_vs_matched(data.specialty(str(s["specialty"])), sc, "non-us-img")[0]]
            ]
            and any(s["step2_below_q1"] for s in backup_finder.compute({**reader, "step2_score": sc})["suggestions"])
            for reader in (
                {"specialty": "psychiatry", "applicant_type": "us-md", "previously_unmatched": True},
                {"specialty": "emergency-medicine", "applicant_type": "us-do", "years_since_graduation": 3},
            )
            for sc in (215, 232)
        ),
    ),
    Claim(
        "calculators/backup-finder.md",
        "They appear when your first choice starts after a separate first year (radiology, anesthesiology, dermatology, "
        "PM&R), for neurology (some of whose programs start at PGY-2 too, by our reading), and as a preliminary surgery "
        "year for surgical fields; general and orthopaedic surgery also "
        "get a transitional year.",
        lambda: (
            {
                s: sorted(b["name"] for b in backup_finder.bridges(data.specialty(s), False))
                for s in SLUGS
                if backup_finder.bridges(data.specialty(s), False)
            }
            == {
                **{
                    s: ["Preliminary year in internal medicine", "Transitional year"]
                    for s in ("diagnostic-radiology", "anesthesiology", "dermatology", "pmr")
                },
                "neurology": ["Preliminary year in internal medicine"],
                **{s: ["Preliminary year in surgery"] for s in ("otolaryngology", "plastic-surgery", "neurological-surgery")},
                **{s: ["Preliminary year in surgery", "Transitional year"] for s in ("general-surgery", "orthopaedic-surgery")},
            }
        ),
    ),
    Claim(
        "calculators/backup-finder.md",
        "your own first choice; the ultra-competitive fields; diagnostic radiology (the IMG article counts it among the "
        "highly competitive fields); any field more competitive than your first choice",
        lambda: every(
            s not in sug
            and "diagnostic-radiology" not in sug
            and all(
                ("accessible", "moderate", "competitive", "ultra").index(data.specialty(x).tier)
                <= ("accessible", "moderate", "competitive", "ultra").index(data.specialty(s).tier)
                and data.specialty(x).tier != "ultra"
                for x in sug
            )
            for s in SLUGS
            for a in ("us-img", "non-us-img")
            for sug in [[x["specialty"] for x in backup_finder.compute({"specialty": s, "applicant_type": a})["suggestions"]]]
        ),
    ),
    # calculators/match-odds.md
    Claim(
        "calculators/match-odds.md",
        "Without that rule, 15 ranks in obstetrics and gynecology read as over 99% matched even with a failing score.",
        lambda: (
            (ob := data.specialty("obstetrics-gynecology"))
            and match_odds.contig_ranks_used(ob, 15) < 15
            and match_odds.posterior(
                match_odds.base_rate(ob), [match_odds.step2_log_lr(ob, 217), match_odds.contig_log_lr(ob, 15)]
            )
            > 0.99
        ),
    ),
    Claim(
        "calculators/match-odds.md",
        "In every specialty with data, the matched and unmatched SDs differ by no more than rounding and chance would explain",
        lambda: every(
            match_odds.step2_pair(s).shared_sd
            for s in data.SPECIALTIES
            if s.outcome and s.outcome.step2_matched.usable and s.outcome.step2_unmatched.usable
        ),
    ),
    Claim(
        "calculators/match-odds.md",
        "In family medicine that means your score leaves the estimate at the base rate.",
        lambda: every(
            match_odds.step2_estimate(data.specialty("family-medicine"), sc)
            == round(co(FM).img_matched / co(FM).img_ranked_first, 4)
            for sc in range(200, 281, 5)
        ),
    ),
    # calculators/timeline.md
    Claim(
        "calculators/timeline.md",
        "to add a debrief a week after the Match Day you did not match on, and two weeks after it the decision",
        lambda: (
            (
                d := {
                    m["title"]: dt.date.fromisoformat(m["date"])
                    for m in timeline.compute(
                        {
                            "today": "2026-05-01",
                            "eras_submission": "2026-09-15",
                            "previously_unmatched": True,
                            "include_past": True,
                        }
                    )["milestones"]
                }
            )
            and (d["Choose: reapply, dual apply or pivot"] - d["Debrief your last application"]).days == 7
            and (lambda md: md.weekday() == 4 and md.month == 3 and 15 <= md.day <= 21)(
                d["Debrief your last application"] - dt.timedelta(days=7)
            )
        ),
    ),
    Claim(
        "calculators/timeline.md",
        "the plan adds a step fifteen months before you submit (counted from the usual submission date",
        lambda: (
            (
                d := {
                    m["title"]: m["date"]
                    for m in timeline.compute(
                        {"today": "2025-12-05", "eras_submission": "2027-09-02", "needs_visa": "true", "include_past": True}
                    )["milestones"]
                }
            )
            and d["Check each program's visa sponsorship and Step 3 needs"] == d["Plan US clinical experience"] == "2026-06-02"
        ),
    ),
)

# Lower-value claims, also verified.
MORE_CLAIMS = (
    # backup/index.md
    Claim(
        "backup/index.md",
        "(or pathology, which the check counts with them)",
        lambda: data.specialty("pathology").tier == "accessible",
    ),
    # backup/playbook-radiology.md
    Claim(
        "backup/playbook-radiology.md",
        "to count the visa against you in every field, backups included",
        lambda: every(
            competitiveness.VISA_FLAG in competitiveness.compute({"specialty": s, **STRONG, "needs_visa": "true"})["red_flags"]
            for s in SLUGS
        ),
    ),
    # unmatched/index.md
    Claim(
        "unmatched/index.md",
        "a graduation more than five years ago with little recent clinical work is also a red flag",
        lambda: (
            [
                competitiveness.OLD_GRADUATION_FLAG
                in competitiveness.compute(
                    {
                        "specialty": "internal-medicine",
                        "needs_visa": "false",
                        "years_since_graduation": y,
                        "recent_clinical_months": m,
                    }
                )["red_flags"]
                for y, m in ((5, 0), (6, 0), (6, 5), (6, 6))
            ]
            == [False, True, True, False]
        ),
    ),
    # glossary.md
    Claim(
        "glossary.md",
        "It comes from a points score and then from the source articles' rules, whichever is more cautious",
        lambda: every(
            competitiveness.BAND_ORDER.index(r["band"]) <= competitiveness.BAND_ORDER.index(r["band_from_score"])
            for s in SLUGS
            for file in (WEAKEST, STRONG, {**STRONG, "needs_visa": "true"}, *PROFILES)
            for r in [competitiveness.compute({"specialty": s, **file})]
        ),
    ),
    # data-and-sources.md
    Claim(
        "data-and-sources.md",
        "Several of the most competitive fields (dermatology, orthopaedics, plastics, ENT) have no published Step 2 CK figure "
        "for matched non-US IMGs",
        lambda: every(
            co(k).step2_matched.median is None for k in ("Dermatology", OR, "Plastic Surgery (Integrated)", "Otolaryngology")
        ),
    ),
    # calculators/index.md
    Claim(
        "calculators/index.md",
        "**Seventeen fields, not every field.**",
        lambda: len(data.SPECIALTIES) == 17,
    ),
    Claim(
        "calculators/index.md",
        "Do not let a neighbouring field stand in for yours: in integrated vascular surgery",
        lambda: rate("Vascular Surgery (Integrated)") < rate(GS) * 2 / 3,
    ),
    # calculators/competitiveness.md
    Claim(
        "calculators/competitiveness.md",
        "The 0–100 score alone never leads here.",
        lambda: every(
            competitiveness.compute({"specialty": s, **file})["band_from_score"] != "pivot"
            for s in SLUGS
            for file in (WEAKEST, {**WEAKEST, "previously_unmatched": False}, *PROFILES)
        ),
    ),
    # calculators/program-counts.md
    Claim(
        "calculators/program-counts.md",
        "At least 70% of every list stays in the first two groups, the low end of the 70–80% or more",
        lambda: max(program_counts.tiers(b)["reach_pct"] for b in competitiveness.BAND_ORDER) == 30,
    ),
    Claim(
        "calculators/program-counts.md",
        "roughly 80% of programs in the backup and 20% in the original field",
        lambda: (
            all(
                r["share"] == {"primary_pct": 20, "backup_pct": 80}
                for first in (*ULTRA_SLUGS, "diagnostic-radiology")
                for r in [
                    program_counts.compute(
                        {"specialty": first, "backup_specialty": "internal-medicine", **PROFILES[3], "research_items": "0"}
                    )
                ]
                if r["band"] == "pivot"
            )
            and any(
                program_counts.compute(
                    {"specialty": f, "backup_specialty": "internal-medicine", **PROFILES[3], "research_items": "0"}
                )["band"]
                == "pivot"
                for f in ULTRA_SLUGS
            )
        ),
    ),
    # calculators/signals.md
    Claim(
        "calculators/signals.md",
        "Reach and likely programs get their share rounded down and target programs take whatever is left",
        lambda: every(
            signals.placement(n, mix)
            == {
                "reach": n * mix["reach_pct"] // 100,
                "target": n - n * mix["reach_pct"] // 100 - n * mix["likely_pct"] // 100,
                "likely": n * mix["likely_pct"] // 100,
            }
            for n in range(100)
            for mix in map(program_counts.tiers, competitiveness.BAND_ORDER)
        ),
    ),
    Claim(
        "calculators/signals.md",
        "For the same number of signals placed, a drop in band never adds a reach signal and never takes away a likely one",
        lambda: every(
            signals.placement(n, program_counts.tiers(weaker))["reach"]
            <= signals.placement(n, program_counts.tiers(stronger))["reach"]
            and signals.placement(n, program_counts.tiers(weaker))["likely"]
            >= signals.placement(n, program_counts.tiers(stronger))["likely"]
            for n in range(100)
            for weaker, stronger in pairwise(competitiveness.BAND_ORDER)
        ),
    ),
    # calculators/backup-finder.md
    Claim(
        "calculators/backup-finder.md",
        "internal medicine, family medicine, psychiatry, anesthesiology and emergency medicine get both kinds too",
        lambda: (
            {
                s
                for s in SLUGS
                if {b["name"] for b in backup_finder.bridges(data.specialty(s), False, True)}
                >= {"Preliminary year in internal medicine", "Transitional year"}
                and s not in data.ADVANCED_POSITION_SPECIALTIES
            }
            == {"internal-medicine", "family-medicine", "psychiatry", "emergency-medicine"}
            and "anesthesiology" in backup_finder.CREDIBLE_AFTER_A_STRONG_YEAR
        ),
    ),
    # calculators/match-odds.md
    Claim(
        "calculators/match-odds.md",
        "Where fewer than 10 applicants stand behind a group's figures, that input is left out, as if you had left it empty",
        lambda: every(
            (match_odds.step2_estimate(s, 240) is None)
            == (
                s.outcome is None
                or s.outcome.step2_matched.median is None
                or min(s.outcome.step2_matched.n or 0, s.outcome.step2_unmatched.n or 0) < 10
            )
            and (
                match_odds.step2_estimate(s, 240) is not None
                or match_odds.compute({"specialty": s.slug, "step2_score": 240})["probability"]
                == match_odds.compute({"specialty": s.slug, "step2_score": None})["probability"]
            )
            for s in data.SPECIALTIES
            if s.outcome is not None
        ),
    ),
    Claim(
        "calculators/match-odds.md",
        "This happens for several of the most competitive specialties, where so few non-US IMGs matched that fewer than 5 "
        "consented to share their scores",
        lambda: sum(co(k).step2_matched.median is None and co(k).img_matched < 10 for k in ULTRA) >= 3,
    ),
    # apply/rank-order-list.md
    Claim(
        "apply/rank-order-list.md",
        "Moving it up only means you go there in place of a program lower down that would also have taken you.",
        lambda: _moving_up_only_picks_among_programs_that_would_take_you(),
    ),
    # calculators/timeline.md
    Claim(
        "calculators/timeline.md",
        "a plan with real dates on it, from eighteen months out to Match Day",
        lambda: (
            (r := timeline.compute({"today": "2025-12-05", "eras_submission": "2027-09-02", "include_past": True}))
            and r["milestones"][0]["date"] == "2026-03-02"
            and r["milestones"][-1]["title"] == "Match Day"
        ),
    ),
    # A reapplicant's season and file (reapplicant-journey audit s38, 4 and 6).
    Claim(
        "unmatched/index.md",
        "so that whole range falls inside the lowest quarter of those who matched",
        lambda: reapplicant_im_example_below_q1(),
    ),
    Claim(
        "assess/index.md",
        "so that whole range falls inside the lowest quarter of those who matched",
        lambda: reapplicant_im_example_below_q1(),
    ),
    Claim(
        "unmatched/index.md",
        "A lane of 12–18 months does not fit into the few months between Match Day and the next ERAS submissions in September",
        lambda: every(
            (plan := reapplication_plan(match_day + dt.timedelta(days=1)))["submission"].month == 9
            and (plan["submission"] - match_day).days < 365 / 2
            for match_day in (cycle.season(year)["match_day"].date for year in (2026, 2027))
        ),
    ),
    Claim(
        "unmatched/index.md",
        "plans the next season unless you tell it otherwise: with **I applied before and did not match** ticked, enter an "
        "ERAS submission date in the season a year later to see its plan instead",
        lambda: every(
            next(f.label for f in timeline.FIELDS if f.name == "previously_unmatched") == "I applied before and did not match"
            and (plan := reapplication_plan(today))["match_year"] == today.year + 1
            and (later := reapplication_plan(today, cycle.season(plan["match_year"] + 1)["submissions_open"].date))["match_year"]
            == plan["match_year"] + 1
            and "Debrief your last application" in [m["title"] for m in later["milestones"]]
            for today in (dt.date(2026, 4, 1), dt.date(2026, 6, 15), dt.date(2027, 5, 10))
        ),
    ),
    # The H-1B payment (visa-oldgrad audit s39, 1): the guides type the date
    # and amount as words ("100,000 US dollars"), the timeline the amount as
    # a figure and the start from its own date, the citation in the row's
    # Source (planner audit s54, 7); each must be the one the proclamation's
    # source records, with its term.
    Claim(
        "assess/index.md",
        "made the employer pay 100,000 US dollars with each new H-1B petition filed from 21 September 2025, and set that "
        "rule to run for 12 months, to 21 September 2026, unless extended",
        # The term's end (h1bvisa audit s47, 6) counted from the source's start and months.
        lambda: (
            h1b_payment_recorded(100_000, "21 September 2025", "19 September 2025")
            and cycle.long_date(timeline.h1b_payment_ends()) == "21 September 2026"
        ),
    ),
    Claim(
        "faq.md",
        "From 21 September 2025 a new H-1B petition for someone abroad carried a 100,000 US dollar payment by the "
        "employer, under a rule set for 12 months, to 21 September 2026, unless extended (The White House, 2025",
        lambda: h1b_payment_recorded(100_000, "21 September 2025"),
    ),
    Claim(
        "calculators/timeline.py",
        "carries a $100,000 payment by the employer, from {long_date(H1B_PAYMENT_FROM)} (White House)",
        # The row's start and its past tense after the term count from the
        # timeline's own start date and months (date sweep s40, 12): they
        # must be the source's, which the row cites.
        lambda: (
            h1b_payment_recorded(100_000, "from 21 September 2025")
            and data.H1B_PROCLAMATION in timeline.VISA_STEP_SOURCES
            and f"from {cycle.long_date(timeline.H1B_PAYMENT_FROM)}, for {timeline.H1B_PAYMENT_MONTHS} months unless extended"
            in data.H1B_PROCLAMATION.title
        ),
    ),
)


def h1b_payment_recorded(amount: int, *days: str) -> bool:
    """The proclamation's source names the amount, the days and the 12 months
    unless extended, and the USCIS guidance and AAMC reports beside it are
    dated after it: a reader is told what was in force and from when."""
    title = data.H1B_PROCLAMATION.title
    return (
        f"${amount:,}" in title
        and all(day in title for day in days)
        and "12 months unless extended" in title
        and "20 October 2025" in data.USCIS_H1B_PAYMENT.title
        and data.AAMC_H1B_HOSPITALS.year == "2026"
        and data.H1B_PROCLAMATION in data.SOURCES
    )


def reapplicant_im_example_below_q1() -> bool:
    """The no-match article's internal medicine example, Step 2 CK 220-230,
    lies under the first quartile of non-US IMGs who matched in the field."""
    q1 = co(IM).step2_matched.q1
    return q1 is not None and q1 > 230


def reapplication_plan(today: dt.date, submission: dt.date | None = None) -> dict[str, Any]:
    """The timeline for a reapplicant, with the dates it chose as dates."""
    inputs: dict[str, object] = {"today": today.isoformat(), "previously_unmatched": True, "include_past": True}
    if submission is not None:
        inputs["eras_submission"] = submission.isoformat()
    result = dict(timeline.compute(inputs))
    result["submission"] = dt.date.fromisoformat(str(result["submission"]))
    return result


def _moving_up_only_picks_among_programs_that_would_take_you() -> bool:
    """On the simulator's default market, every order of Asha's list ends at
    the first program in that order that would take her were it all she
    ranked: the order picks among those programs, and changes none of them.
    The row once said the order did not affect your chances at a program at
    all, which the simulator's own example contradicts (rank-packet audit s38, 5)."""
    market = rank_simulator.parse_market(rank_simulator.DEFAULT_MARKET)
    honest = market.applicants["Asha"]
    would_take = [p for p in honest if rank_simulator.outcome_with_list(market, "Asha", [p]) == p]
    outcomes = {order: rank_simulator.outcome_with_list(market, "Asha", list(order)) for order in itertools.permutations(honest)}
    return len(set(outcomes.values())) > 1 and all(
        result == next((p for p in order if p in would_take), None) for order, result in outcomes.items()
    )


def _refuses(backup: str) -> bool:
    """Whether program counts turns the backup down, naming it (an InputError)."""
    try:
        program_counts.compute({"specialty": "internal-medicine", "backup_specialty": backup})
    except Exception as error:  # calculators.fields.InputError
        return "backup" in str(error).lower()
    return False


def fee_row(start: str) -> data.Fee:
    """The one fee whose name starts so."""
    (fee,) = [fee for fee in data.fees() if fee.item.startswith(start)]
    return fee


def couple_fee_as_written() -> bool:
    """$15 for each partner, the NRMP's 2016-17 figure, held as old: the
    guides type it with that year and send the reader to the NRMP."""
    fee = fee_row("NRMP couple fee")
    return fee.amount_usd == "15" and fee.unit == "per partner" and fee.season_or_year == "2016-17" and fee.is_old


def late_fee_after_30_november() -> bool:
    """The late fee is charged on registering after 30 November, the day the
    seasons' calendars end registration without it.  Its amount and year the
    pages take from fee() (diff review s55b, 10)."""
    fee = fee_row("NRMP late registration")
    return "after 30 November" in fee.unit and all(
        (day := cycle.season(year)["early_registration_ends"].date).month == 11 and day.day == 30 for year in (2026, 2027, 2028)
    )


def few_ranks_below_matched(*names: str) -> bool:
    """Those who did not match ranked fewer programs in a row than those who did."""
    return all(median(co(name).contig_unmatched) < median(co(name).contig_matched) for name in names)


def couple_reminder_for_every_reader() -> bool:
    def mentions_couples(limited: str) -> bool:
        result = program_counts.compute({"specialty": "internal-medicine", "geographic_restriction": limited})
        return any("couple" in reason for reason in result["reasons"])

    return mentions_couples("true") and mentions_couples("false")


def couple_signals_line_for_every_reader() -> bool:
    """The signals result's couples line, said whatever the reader enters
    (couplesvisa audit s46, 3)."""
    return all(
        signals.COUPLES in signals.compute({"specialty": slug, "applicant_type": kind})["reasons"]  # type: ignore[operator]
        for slug in ("internal-medicine", "anesthesiology")
        for kind in ("us-md", "non-us-img")
    )


# Readers part-way through a season, and couples (late-season and
# couples-soap audits s39).
MID_SEASON_CLAIMS = (
    Claim(
        "apply/timeline.md",
        "if the interviews you have or expect in a field are below the median of those who matched there",
        lambda: few_ranks_below_matched(IM, FM),
    ),
    Claim(
        "faq.md",
        'For a sense of what "few" means, look at your own field, because the medians are far apart',
        lambda: few_ranks_below_matched(IM) and unmatched_medians_far_apart(),
    ),
    Claim(
        "apply/timeline.md",
        "Registering after the day that item gives brings the NRMP's late fee. The newest figure we hold for it is "
        '{{ fee("NRMP late registration") }}',
        late_fee_after_30_november,
    ),
    Claim(
        "calculators/application-cost.md",
        "the ECFMG token, the exam transcripts sent through ERAS and the NRMP registration are charged once per season, "
        "not once per specialty",
        lambda: (
            all(
                fee_row(name).unit == "once per season"
                for name in ("ECFMG ERAS token", "USMLE transcript via ERAS", "COMLEX-USA transcript via ERAS")
            )
            and fee_row("NRMP registration").unit == "once"
            and all(
                "per specialty" in fee.item for fee in data.fees() if fee.item.startswith("ERAS residency application, program")
            )
        ),
    ),
    Claim(
        "apply/rank-order-list.md",
        "The NRMP's 2016–17 fee schedule, the newest we hold, set it at $15 per partner",
        couple_fee_as_written,
    ),
    Claim(
        "data-and-sources.md",
        "three times the NRMP's 2016–17 figure of $15 per partner. This site's pages give both: the $15, the figure "
        "[Fees](#fees) holds, with its date",
        couple_fee_as_written,
    ),
    Claim(
        "apply/index.md",
        "The [program counts calculator](../calculators/program-counts.md) reminds every reader of this",
        couple_reminder_for_every_reader,
    ),
    Claim(
        "calculators/signals.md",
        "cannot be taken back (AAMC, MyERAS applicant user guide, Saved Programs, read 2026). The result says where to "
        "spend them to every reader.",
        couple_signals_line_for_every_reader,
    ),
)


# The no-match guide's words for a borderline reader and a repeat one
# (reapplicant audit s40, 1-2).
def one_tick_for_any_number_of_no_matches() -> bool:
    """The form asks whether, never how often: a tick box, the one field
    every calculator that asks it shares."""
    from calculators import fields, profile

    asked = [field for module in (competitiveness, program_counts) for field in module.FIELDS if "unmatched" in field.name]
    return isinstance(profile.PREVIOUSLY_UNMATCHED, fields.BoolField) and asked == [profile.PREVIOUSLY_UNMATCHED] * 2


def reapplicant_told_to_go_above_last_seasons_list() -> bool:
    """After a no-match short of "pivot", without "Changing field", program
    counts ask the reader to hold the first choice's range against last
    season's list and go above it, with a backup or without."""
    return every(
        any("against the list you sent it last season" in reason and "go above the range" in reason for reason in r["reasons"])
        for first in ("internal-medicine", "psychiatry", "general-surgery", "neurology", "dermatology")
        for backup in ("family-medicine", None)
        for file in (STRONG, *PROFILES)
        for r in [
            program_counts.compute({"specialty": first, "backup_specialty": backup, **file, "previously_unmatched": "true"})
        ]
        if r["band"] != "pivot"
    )


REAPPLICANT_CLAIMS = (
    Claim(
        "unmatched/index.md",
        "The calculators count one past no-match and several alike",
        one_tick_for_any_number_of_no_matches,
    ),
    Claim(
        "unmatched/index.md",
        "its result reminds you that your count for the field you are trying again should be above that list",
        reapplicant_told_to_go_above_last_seasons_list,
    ),
)


CLAIMS = (*CLAIMS, *NEW_CLAIMS, *MORE_CLAIMS, *MID_SEASON_CLAIMS, *REAPPLICANT_CLAIMS)


# Comparison and date words no claim held, and words written with the
# sources audit's fixes (claims audit s40, 2, 6; reapplicant audit s40, 6).
def dr_unfilled_share() -> float:
    """Diagnostic radiology's unfilled share of its 2025 PGY-1 and PGY-2 positions together."""
    pgy1, pgy2 = data.DR_PGY1_2025, data.DR_PGY2_2025
    return 1 - (pgy1.filled + pgy2.filled) / (pgy1.offered + pgy2.offered)


def us_img_match_more_often() -> bool:
    """US-citizen IMGs matched more often than non-US IMGs in the latest year and in most years we hold."""
    rates = data.match_rates().values()
    latest = data.latest_match_rates()
    return latest.us_img_pct > latest.non_us_img_pct and 2 * sum(r.us_img_pct > r.non_us_img_pct for r in rates) > len(rates)


def not_too_late_in_early_december() -> bool:
    """For the coming season, an application sent on 10 December still
    leaves the timeline four weeks of interviews, and the last useful day the
    page gives is that day or later; one sent in early January does not."""
    match_year = cycle.coming_season(cycle.reference_date())
    early_december = dt.date(match_year - 1, 12, 10)
    return (
        not cycle.too_late_for_interviews(match_year, early_december)
        and cycle.last_day_for_an_interview(match_year) >= early_december
        and cycle.too_late_for_interviews(match_year, dt.date(match_year, 1, 5))
    )


def dr_mostly_advanced() -> bool:
    return data.DR_PGY2_2025.offered > data.DR_PGY1_2025.offered


SOURCES_AUDIT_CLAIMS = (
    Claim(
        "calculators/backup-finder.md",
        "it is largest in the hardest fields: US MD seniors filled",
        lambda: (
            max(data.pgy1_results().values(), key=lambda r: r.us_md_senior_pct_of_offered) == rd(OR)
            and rd(FM).us_md_senior_pct_of_offered < 50
        ),
    ),
    Claim(
        "calculators/backup-finder.md",
        "US-citizen IMGs usually match more often (to any PGY-1 position,",
        us_img_match_more_often,
    ),
    Claim(
        "faq.md",
        "You need no visa, which helps at many programs, and across all specialties your group's PGY-1 match rate was",
        us_img_match_more_often,
    ),
    Claim(
        "assess/index.md",
        "these non-US IMG ones are the nearest, and US-citizen IMGs match more often overall",
        us_img_match_more_often,
    ),
    Claim(
        "unmatched/index.md",
        "these non-US IMG ones are the nearest, and US-citizen IMGs match more often overall",
        us_img_match_more_often,
    ),
    Claim(
        "backup/playbook-radiology.md",
        "the figures show the last two most plainly (matched applicants reported a median of",
        lambda: median(co(DR).contig_matched) >= 2 * median(co(DR).contig_unmatched),
    ),
    Claim(
        "faq.md",
        "In early December, not yet, but the chance drops week by week",
        not_too_late_in_early_december,
    ),
    Claim("backup/playbook-radiology.md", "Most diagnostic radiology positions are **advanced**", dr_mostly_advanced),
    Claim(
        "backup/playbook-radiology.md",
        "of the few that start at PGY-1",
        lambda: 5 * data.DR_PGY1_2025.offered < data.DR_PGY1_2025.offered + data.DR_PGY2_2025.offered,
    ),
    Claim("data-and-sources.md", "so most of the field's positions start at PGY-2", dr_mostly_advanced),
)


# Anesthesiology read as a field where only "some" programs include the first
# year, though the site's own table holds its PGY-1 positions by the
# thousand (anesadv audit s46, 2).  "Many" is said of a count in the hundreds
# or more, never of a share: the table holds no count of advanced positions.
def anesthesiology_and_neurology_have_many_pgy1_positions() -> bool:
    return all(rd(name).positions_offered >= 500 for name in (AN, "Neurology"))


ANESADV_CLAIMS = tuple(
    Claim(page, words, anesthesiology_and_neurology_have_many_pgy1_positions)
    for page, words in (
        ("apply/rank-order-list.md", "in anesthesiology and neurology those are many, not a few exceptions"),
        ("backup/bridges.md", "in anesthesiology and neurology those are many, not a few exceptions"),
        ("glossary.md", "in anesthesiology and neurology those are many (NRMP *Results and Data* 2025"),
    )
)
CLAIMS = (*CLAIMS, *SOURCES_AUDIT_CLAIMS, *ANESADV_CLAIMS)


# A reader with three interviews in orthopaedics found only the internal
# medicine and family medicine yardstick, by which three looked safe
# (usmd-ortho audit s41, 1 and 3).
def unmatched_medians_far_apart() -> bool:
    medians = [median(co(name).contig_unmatched) for name in (IM, FM, OR)]
    return max(medians) >= 2 * min(medians)


def ortho_unmatched_above(*names: str) -> bool:
    """Orthopaedics' unmatched median is above that of each field named."""
    return all(median(co(OR).contig_unmatched) > median(co(name).contig_unmatched) for name in names)


SURGICAL_FIELD_CLAIMS = (
    Claim("apply/timeline.md", "its medians are far from alike across fields", unmatched_medians_far_apart),
    Claim(
        "apply/timeline.md",
        "in orthopaedic surgery the NRMP published no figure for those who matched",
        lambda: co(OR).contig_matched.median is None and co(OR).contig_unmatched.median is not None,
    ),
    Claim(
        "faq.md",
        "in orthopaedic surgery, the NRMP published no figure for those who matched",
        lambda: co(OR).contig_matched.median is None and co(OR).contig_unmatched.median is not None,
    ),
    Claim(
        "apply/timeline.md",
        "So a count that clears the unmatched figure in internal medicine or family medicine can be exactly where "
        "unmatched applicants in orthopaedics sat",
        lambda: ortho_unmatched_above(IM, FM),
    ),
    Claim(
        "faq.md",
        "In orthopaedics, then, a count above the internal medicine unmatched figure can still be the unmatched median",
        lambda: ortho_unmatched_above(IM),
    ),
    Claim(
        "apply/timeline.md",
        "leave preliminary programs off and look for one in SOAP. After the 2025 Match",
        # Worth a look because many places were left: a quarter or more.
        lambda: rd("Surgery-Preliminary").fill_rate_pct < 75,
    ),
)
CLAIMS = (*CLAIMS, *SURGICAL_FIELD_CLAIMS)

# Session 46: the program-count page's words on the lower-rated backup and the
# small fields (fmusimg audit s46, 1 and 3; pathneuro audit s46, 6).
COUNTS_46_CLAIMS = (
    Claim(
        "calculators/program-counts.md",
        "one the competitiveness check rates 10 or more points below your first choice",
        lambda: program_counts.BACKUP_SCORE_GAP == 10,
    ),
    Claim(
        "calculators/program-counts.md",
        "whose odds at that score beat the backup's by 5 points or more",
        lambda: backup_finder.HARDER_BY == 0.05,
    ),
    Claim(
        "calculators/program-counts.md",
        "one with fewer than 1,000 first-year positions in the NRMP's latest figures (of the fields with a figure: "
        "neurology, orthopaedic surgery and pathology; our rule; the fields with no PGY-1 row in those figures, the "
        "ultra-competitive ones but orthopaedics, PM&R and diagnostic radiology, are not judged by it, though the "
        "reasons give radiology's PGY-1 count from a news table of the NRMP's figures)",
        lambda: (
            program_counts.SMALL_FIELD_POSITIONS == 1000
            and {s.slug for s in data.SPECIALTIES if s.pgy1 is not None and s.pgy1.positions_offered < 1000}
            == {"neurology", "orthopaedic-surgery", "pathology"}
            and {s.slug for s in data.SPECIALTIES if s.pgy1 is None}
            == {s.slug for s in data.SPECIALTIES if s.tier == "ultra"} - {"orthopaedic-surgery"} | {"pmr", "diagnostic-radiology"}
            # (crosscalc audit s49, 5.)
            and f"PGY-1 ({data.DR_PGY1_2025.offered:,} offered" in data.first_year_positions("diagnostic-radiology")
            and data.DR_MATCH_2025.publisher == "NRMP figures as tabulated by AuntMinnie"
        ),
    ),
)
CLAIMS = (*CLAIMS, *COUNTS_46_CLAIMS)
# (reapplypsych audit s49, 4.)
CLAIMS = (
    *CLAIMS,
    Claim(
        "calculators/timeline.md",
        "When you will submit a year or more after that Match Day, a row a week after the decision (or today, if that "
        "has passed) starts the work the year is for",
        lambda: (
            timeline.NO_MATCH_PLAN_MONTHS == 12
            and timeline.START_THE_YEAR.days - timeline.CHOICE_OF_LANE.days == 7
            and next(s for s in timeline.STEPS if s.title == "Plan US clinical experience").months == -15
        ),
    ),
)


@cache
def _changing_field_plans() -> list[tuple[program_counts.ProgramCountsResult, program_counts.Counts]]:
    """(changing field, what the new field would take as the backup of the
    original field in the same band) for reapplicant files with a new field
    first and an open original field as the backup, short of a pivot."""
    seen = []
    for new in (*FIRST_CHOICES, "internal-medicine", "family-medicine", "pediatrics"):
        for left in ("internal-medicine", "family-medicine", "psychiatry", "pediatrics"):
            for profile in PROFILES:
                if new == left:
                    continue
                asked = {**profile, "previously_unmatched": "true", "specialty": new}
                changed = program_counts.compute({**asked, "backup_specialty": left, "changing_field": "true"})
                if changed["band"] == "pivot":
                    continue
                red_flag = program_counts.flagged(competitiveness.compute(asked)["red_flags"])
                applicant = str(changed["inputs"]["applicant_type"])
                as_backup = program_counts.plan(left, new, changed["band"], True, applicant, red_flag)["backup"]
                assert as_backup is not None
                seen.append((changed, as_backup))
    return seen


# Session 47: a reapplicant changing field names the new field first
# (fmusimg audit s46, 1).
COUNTS_47_CLAIMS = (
    *(
        Claim(
            page,
            "tick “Changing field: my backup is the field I did not match in”",
            lambda: program_counts.CHANGING_FIELD.label == "Changing field: my backup is the field I did not match in",
        )
        for page in ("calculators/program-counts.md", "unmatched/index.md")
    ),
    Claim(
        "calculators/program-counts.md",
        "the new field takes the range a backup carrying a reapplicant's list would take, rather than its first-choice "
        "range (for internal or family medicine at “dual apply, strongly”, the IMG article's 80–120), and the field you are leaving a quarter "
        "of that count, about 20% of the list",
        lambda: every(
            changed["primary"] == as_backup
            and (changed["backup"]["low"], changed["backup"]["high"])
            == program_counts._quarter_of(changed["primary"]["low"], changed["primary"]["high"])
            and abs(changed["share"]["backup_pct"] - 20) <= 1
            and (
                changed["band"] != "dual-apply-strongly"
                or changed["inputs"]["specialty"] not in ("internal-medicine", "family-medicine")
                or (changed["primary"]["low"], changed["primary"]["high"]) == (80, 120)
            )
            for changed, as_backup in _changing_field_plans()
        ),
    ),
    Claim(
        "calculators/program-counts.md",
        "Where the check rates the new field itself “Pivot to a backup”, the pivot's split stands and a warning at the "
        "top of the result says so",
        lambda: every(
            r["share"] == {"primary_pct": 20, "backup_pct": 80}
            and str(r["warning"]).startswith("Your change of field gives way to a pivot")
            for first in ULTRA_SLUGS
            for r in [
                program_counts.compute(
                    {**PROFILES[3], "specialty": first, "backup_specialty": "internal-medicine", "changing_field": "true"}
                )
            ]
        ),
    ),
    Claim(
        "calculators/program-counts.md",
        "it appears only where the check rates the field you are leaving 10 or more points above the new one",
        lambda: program_counts.BACKUP_SCORE_GAP == 10,
    ),
    Claim(
        "unmatched/index.md",
        # Not "at least its whole first-choice range": diagnostic radiology's
        # carrying range is the smaller (diffreview49 audit s49, 8).
        "it then gives the new field the range this calculator gives a backup carrying a reapplicant's list, and the "
        "original field about a fifth of the list",
        lambda: every(
            changed["primary"] == as_backup and abs(changed["share"]["backup_pct"] - 20) <= 1
            for changed, as_backup in _changing_field_plans()
        ),
    ),
)
CLAIMS = (*CLAIMS, *COUNTS_47_CLAIMS)


# Neurology's tier row and the finder's note on it set its non-US IMG match
# rate below internal medicine's; EM's and PM&R's exclusion reasons set their
# rates above neurology's (pathneuro audit s46, 1 and 2).
def accessible_rates() -> dict[str, float]:
    return {s.slug: s.outcome.img_match_rate_pct for s in data.SPECIALTIES if s.tier == "accessible" and s.outcome}


TIER_RATE_CLAIMS = (
    Claim(
        "calculators/competitiveness.py",
        'lowest = ", the lowest rate in its tier"',
        lambda: (
            min(accessible_rates(), key=accessible_rates().__getitem__) == "neurology"
            and competitiveness.rate_below_beside(data.specialty("neurology"))
        ),
    ),
    Claim(
        "calculators/backup_finder.py",
        "otherwise, with a rate below internal medicine's, we would not count on a broader list in",
        lambda: (
            every(
                competitiveness.rate_below_beside(data.specialty(slug)) == (rate < accessible_rates()["internal-medicine"])
                for slug, rate in accessible_rates().items()
                if slug != "internal-medicine"
            )
            and rate("Neurology") < rate(IM)
        ),
    ),
    Claim(
        "calculators/backup_finder.py",
        "Its match rate is higher, though:",
        lambda: (
            every(rate(c) > rate("Neurology") for c in ("Emergency Medicine", "Physical Medicine and Rehabilitation"))
            and every(
                "Its match rate is higher" in str(backup_finder.exclusion(p, c, "non-us-img"))
                for p in data.SPECIALTIES
                for c in data.SPECIALTIES
                if backup_finder.harder_for_imgs(p, c)
                and c.tier != "ultra"
                and p.outcome
                and c.outcome
                and c.outcome.img_match_rate_pct > p.outcome.img_match_rate_pct
            )
        ),
    ),
)
CLAIMS = (*CLAIMS, *TIER_RATE_CLAIMS)


# The decision table gave the audit's neurology reader (one red flag, a visa;
# Step 2 CK 238) "dual apply", where the check went a band stricter for the
# score's quarter (pathneuro audit s46, 5).
def quarter_band(step2: int) -> tuple[str, int]:
    result = competitiveness.compute(
        {
            "specialty": "neurology",
            "applicant_type": "non-us-img",
            "step2_score": step2,
            "needs_visa": "true",
            "years_since_graduation": 2,
            "usce_months": 3,
            "recent_clinical_months": 3,
            "research_items": 2,
            "away_rotations": 1,
        }
    )
    return str(result["band"]), len(result["red_flags"])


QUARTER_CLAIMS = (
    Claim(
        "assess/need-a-backup.md",
        "so one red flag with a score in their lowest quarter can take you a band past the table's",
        lambda: (
            (co("Neurology").step2_matched.q1 or 0) > 238
            and quarter_band(238) == ("dual-apply-strongly", 1)
            and quarter_band(int(co("Neurology").step2_matched.q1 or 0) + 1) == ("dual-apply", 1)
        ),
    ),
)
CLAIMS = (*CLAIMS, *QUARTER_CLAIMS)


@cache
def page_text(page: str) -> str:
    path = ROOT / page if page.endswith(".py") else ROOT / "docs" / page
    return " ".join(path.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda claim: f"{claim.page}: {claim.words[:50]}")
def test_the_data_bear_out_what_the_site_says(claim: Claim) -> None:
    assert claim.words in page_text(claim.page), "the words are gone from the page: update this claim"
    assert claim.holds(), f"{claim.page}: the data no longer bear out {claim.words!r}; re-read the sentence"


def test_a_broken_claim_fails() -> None:
    false = Claim("backup/index.md", "Internal medicine matched far more non-US IMGs than any other field", lambda: False)
    with pytest.raises(AssertionError, match="no longer bear out"):
        test_the_data_bear_out_what_the_site_says(false)
    gone = Claim("backup/index.md", "Internal medicine matched fewer", lambda: True)
    with pytest.raises(AssertionError, match="words are gone"):
        test_the_data_bear_out_what_the_site_says(gone)


@pytest.mark.parametrize("page", ["unmatched/soap-and-plan-b.md", "glossary.md"])
def test_where_residencycas_soap_maximum_is_given_the_open_question_of_sharing_goes_with_it(page: str) -> None:
    # No stored source says whether ERAS's 45 SOAP applications and
    # ResidencyCAS's 45 programs are one count or two: the SOAP page said so
    # and then "counts its own", and the glossary gave both with no caveat
    # (diff review s40, 4).
    text = page_text(page)
    assert "up to 45 programs" in text or "maximum of 45 programs" in text
    assert "whether the two counts are shared, our sources do not say" in text
    assert "in all" not in text.split("45", 1)[1][:40] and "counts its own" not in text


@pytest.mark.parametrize("page", ["apply/timeline.md", "unmatched/soap-and-plan-b.md"])
def test_partially_matched_covers_a_first_year_place_alone(page: str) -> None:
    # The site defined it as an advanced place without a first year only; the
    # NRMP counts a preliminary or transitional year alone too, which is the
    # case a surgical applicant ranking a prelim year creates (usmd-ortho audit
    # s41, 3).
    text = page_text(page)
    assert "only to a first-year preliminary or transitional position" in text
    assert "What is a partially-matched applicant?" in text or "help on partially matched applicants" in text
    assert "but to no first-year position" not in text and "an advanced position without a PGY-1 year" not in text


@pytest.mark.parametrize("page", ["apply/timeline.md", "faq.md"])
def test_the_ortho_us_senior_ranks_are_cited_as_secondary_and_the_data_modules(page: str) -> None:
    # Outside the project's tables: each place that quotes them says whose they
    # are, from which years, and gives the figures the calculators use
    # (usmd-ortho audit s41, 1; the 2016-2022 study, diff review s41, second, 7).
    # Quoted through the macro written for these two pages, never typed
    # (guides audit s55, 7).
    import macros

    text = page_text(page)
    matched, unmatched = (f"{figure:g}" for figure in data.ORTHO_US_SENIOR_CONTIG_MEANS)
    assert (macros.ortho_us_senior_ranks("matched"), macros.ortho_us_senior_ranks("unmatched")) == (matched, unmatched)
    typed = re.sub(r"\{\{.*?\}\}", "", text)
    for figure in (matched, unmatched):
        assert not re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d])", typed), f"{figure}: quote it through the macro"
    assert 'ortho_us_senior_ranks("matched")' in text and "Schrock" not in text
    for paragraph in text.split('ortho_us_senior_ranks("matched")')[1:]:
        near = paragraph[:400]
        assert 'ortho_us_senior_ranks("unmatched")' in near
        assert "Sudah" in near and "2023" in near and "secondary" in near and "2016 to 2022" in text
    assert data.ORTHO_CONTIGUOUS_RANKS in data.SOURCES and data.ORTHO_CONTIGUOUS_RANKS.secondary


def test_a_us_senior_hears_the_research_year_decision_falls_before_the_rank_list_deadline() -> None:
    # Every mention of a research year was written for before an application
    # or after a no-match, and none said a senior who stays a student must be
    # withdrawn by the school before the rank lists close (usmd-ortho audit s41, 2).
    text = page_text("apply/timeline.md")
    section = text[text.index("### Already applied, and short of interviews?") : text.index("## Mid-January")]
    senior = section[section.index("A US MD or DO senior weighing a research year") :].split(" - **")[0]
    # Of the season whose rank lists are still open (seasonlate audit s44, 5).
    assert 'cycle_date("rank_deadline", match_year=cycle_ranking_season())' in senior
    for words in ("Stay a student", "Graduate on time", "dean's office", "withdraw", "waiver"):
        assert words in senior, words
    assert data.NRMP_WITHDRAWAL_DEADLINE in data.SOURCES and data.NRMP_SCHOOL_VERIFICATION in data.SOURCES


def test_orthopaedics_is_named_where_only_its_figures_bear_the_words_out() -> None:
    # Of the surgical fields, only orthopaedics has an unmatched median above
    # internal medicine's (general surgery's is 1), so "a surgical field" and
    # "the unmatched norm" frightened a general surgery reader with
    # orthopaedics' figure; and Schrock's mean of ranks had become "usually
    # about a dozen interviews" (newwords audit s41, 2).
    surgical = ("Surgery-General", "Neurological Surgery", "Plastic Surgery (Integrated)", "Otolaryngology")
    # Why the words name orthopaedics: other surgical fields sit at or below internal medicine.
    assert any(median(co(n).contig_unmatched) <= median(co(IM).contig_unmatched) for n in surgical)
    timeline_text, faq = page_text("apply/timeline.md"), page_text("faq.md")
    for text in (timeline_text, faq):
        for words in (
            "unmatched norm",
            "had in a surgical field",
            "for a surgical field like this one",
            "usually had about a dozen",
        ):
            assert words not in text, words
    assert "three or four interviews in December is fewer than even the unmatched average" in timeline_text
    assert "in orthopaedics, a few interviews in December calls for a backup now" in faq


@pytest.mark.parametrize("page", ["apply/timeline.md", "unmatched/soap-and-plan-b.md"])
def test_what_a_partially_matched_applicant_may_apply_to_in_soap_is_only_what_the_nrmp_says(page: str) -> None:
    # The NRMP's help says only "programs for which they are eligible", as its
    # SOAP list shows; the site had added that a first-year place leaves only
    # advanced positions, which a reader might act on when ranking a
    # preliminary year (newwords audit s41, 3).
    text = page_text(page)
    said = text[text.index("What is a partially-matched applicant?") - 400 :][:1000]
    assert "list of unfilled programs shows" in said and "as eligible for" in said
    assert "our sources do not say" in said
    for words in ("looking at advanced positions", "looking for an advanced position", "not another first year"):
        assert words not in text, words


def test_the_surgical_material_follows_the_bullets_every_late_applicant_needs() -> None:
    # The US-senior and surgical items sat between the general bullets, so an
    # IMG reached "Register with the NRMP" after three items not for them; and
    # "count on SOAP" followed "not a reason to wait and see" (newwords audit
    # s41, 7).
    text = page_text("apply/timeline.md")
    section = text[text.index("### Already applied, and short of interviews?") : text.index("## Mid-January")]
    general, surgical = section.split("#### If your first choice is surgical, or you are a US senior weighing a research year")
    assert surgical.startswith(" { #if-your-first-choice-is-surgical }")
    for words in (
        "More applications, to more programs or to a second specialty",
        "How few is few?",
        "Register with the NRMP",
        "Get ready for SOAP",
    ):
        assert words in general, words
    for words in ("Sudah", "A US MD or DO senior weighing a research year", "Weigh a preliminary surgery year", "Kheir"):
        assert words in surgical and words not in general, words
    assert "(#if-your-first-choice-is-surgical)" in general
    assert "not a reason to wait and see" in surgical and "count on SOAP" not in surgical
    assert 'results("Surgery-Preliminary").positions_unfilled' in surgical and "a chance, not a plan" in surgical
    # The anchors other pages link to are still there.
    assert "### Already applied, and short of interviews?" in text
    assert "(apply/timeline.md#if-your-first-choice-is-surgical)" in page_text("faq.md")


def test_the_reapplicant_study_is_given_with_its_figures_and_its_doubt() -> None:
    # "About as often" hid a 64% against 52% gap that the study could not
    # tell from chance (p = 0.46), and "more than half" its 58% (Kheir and
    # colleagues 2020, abstract; newwords audit s41, 14).
    text = page_text("apply/timeline.md")
    near = text[text.index("Which year helps a second try more is not settled") :][:600]
    assert "somewhat more often than those who did research (64% against 52%)" in near
    assert "could not tell from chance" in near and "58% of all of them" in near and "Kheir" in near
    assert "about as often" not in near
    assert data.ORTHO_REAPPLICANTS in data.SOURCES


@pytest.mark.parametrize(
    ("built", "said"),
    [
        ("2026-12-05", ["Match Week starts around 15 March 2027", "SOAP ends around 18 March 2027"]),
        ("2027-03-15", ["Match Week starts around 15 March 2027", "SOAP ends around 18 March 2027"]),
        ("2027-03-16", ["Match Week started around 15 March 2027", "SOAP ends around 18 March 2027"]),
        ("2027-03-19", ["Match Week started around 15 March 2027", "SOAP ended around 18 March 2027"]),
        ("2027-03-22", ["Match Week starts around 13 March 2028", "SOAP ends around 16 March 2028"]),
    ],
)
def test_match_weeks_dates_read_in_the_tense_of_the_build_date(
    monkeypatch: pytest.MonkeyPatch, built: str, said: list[str]
) -> None:
    # Built on the Tuesday of Match Week, the SOAP page said Match Week
    # "starts" on the Monday before (reapply-anes audit s42, 5).
    import jinja2

    import macros

    pin_build_date(monkeypatch, built)
    for page in ("unmatched/soap-and-plan-b.md", "apply/timeline.md"):
        source = (ROOT / "docs" / page).read_text(encoding="utf-8")
        (line,) = [line for line in source.splitlines() if 'Match Week {{ cycle_tensed("match_week"' in line]
        shown = jinja2.Template(line).render(
            {name: getattr(macros, name) for name in ("cycle_season", "cycle_as_of", "cycle_date", "cycle_tensed", "cycle_cited")}
        )
        shown = unescape(re.sub(r"<[^>]+>", "", shown))
        for words in said if page.startswith("unmatched") else said[:1]:
            assert words in shown, (page, shown)


def test_the_short_of_interviews_lead_links_the_soap_page_only_from_pages_where_its_link_resolves() -> None:
    # The lead carries a Markdown link relative to the page that prints it
    # (season_words.SOAP_PAGE_LINK), so every such page sits one folder down.
    from calculators import season_words

    target = season_words.SOAP_PAGE_LINK.split("](")[1].rstrip(")")
    pages = [p for p in (ROOT / "docs").rglob("*.md") if "cycle_short_of_interviews" in p.read_text(encoding="utf-8")]
    assert len(pages) >= 3
    for page in pages:
        assert (page.parent / target).resolve().is_file(), page


def test_the_debrief_list_sends_an_img_years_out_to_the_us_faculty_who_supervised_them() -> None:
    # The list opened with the dean's office, which for an IMG some years
    # past graduation has not seen the file US programs read (reapply-anes
    # audit s42, 7).
    text = page_text("unmatched/index.md")
    who = text[text.index("### Who to ask") : text.index("### What to bring")]
    first = who.split(" - ")[1]
    assert "dean's office" in first and "IMG some years past graduation" in first
    assert "US faculty who supervised your research, clinical rotations or observerships" in first


def test_the_faqs_cost_answer_prices_em_by_the_residencycas_schedule_we_hold_and_names_comlex() -> None:
    # The answer named ResidencyCAS's "fees of its own" with no figure, though
    # the data price emergency medicine, and the USMLE transcript alone, to a
    # DO who may send COMLEX (do-em audit s42, 10).  The schedule comes
    # through its macro since guides audit s55, 9, where it was typed.
    answer = page_text("faq.md").split("## What will it cost?")[1].split("##")[0]
    assert ac.schedule_for("emergency-medicine") is not None
    assert (
        "For emergency medicine in the {{ residencycas_season() }}, it charged {{ residencycas_tiers() }} (SAEM and the "
        "emergency medicine organizations, ResidencyCAS information, {{ residencycas_season() }})"
    ) in answer
    assert ac.schedule_for("obstetrics-gynecology") is None
    assert "OB/GYN's ResidencyCAS fees are not in our data" in answer
    assert "Each exam you send (USMLE, COMLEX or both) has a transcript fee, charged once in each service" in answer
    assert int(ac.COMLEX_TRANSCRIPT.amount_usd) > 0 and int(ac.RESIDENCYCAS_TRANSCRIPT.amount_usd) > 0


def test_an_em_bound_do_reads_emergency_medicines_own_advice_on_usmle_with_its_age() -> None:
    # The USMLE decision rested on surgical evidence alone for an EM-bound DO
    # (do-em audit s42, 8); the EM advice found is CORD's, from before one
    # accreditation body and pass/fail Step 1, and the guide must say so.
    source = data.EM_DO_ADVICE
    assert source in data.SOURCES and source.year == "2019"
    text = page_text("assess/index.md")
    said = text[text.index("Emergency medicine has no such survey in our sources") :]
    said = said[: said.index("Read each program's stated exam policy")]
    assert f"({source.publisher}, CORD's recommendations for osteopathic applicants, {source.year})" in said
    assert "take USMLE Step 1 and do two emergency medicine rotations" in said
    assert "before the move to one accreditation body in 2020 and before Step 1 and COMLEX Level 1 became pass/fail" in said
    # It follows the surgical survey, so surgery's figures are not read as EM's.
    assert text.index("a survey of surgical program directors, 2024") < text.index(said)


# Session 43's guide fixes (derm-usmd, peds-visa and season-dates audits s43).
SEASON_43_CLAIMS = (
    # Orthopaedics is the one field with US seniors' rank figures, so the
    # guides say "may need more" of the others, not "well short" (diff review
    # s43, 3): the one comparison they make must hold.
    *(
        Claim(
            page,
            "a US senior in a competitive field may need more",
            lambda: data.ORTHO_US_SENIOR_CONTIG_MEANS[1] > median(co(OR).contig_unmatched),
        )
        for page in ("apply/timeline.md", "faq.md")
    ),
)


@pytest.mark.parametrize("claim", SEASON_43_CLAIMS, ids=lambda claim: f"{claim.page}: {claim.words[:50]}")
def test_the_data_bear_out_the_session_43_words(claim: Claim) -> None:
    test_the_data_bear_out_what_the_site_says(claim)


def _rendered_text(markup: object) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", str(markup))).split())


def test_the_few_interviews_table_gives_every_field_the_calculators_cover() -> None:
    # "How few is few?" quoted five fields' medians, so a dermatology,
    # pediatrics or neurology reader found no yardstick of their own
    # (derm-usmd and peds-visa audits s43, 3).
    import macros

    table = str(macros.contiguous_ranks_table())
    rows = re.findall(r"<tr><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td></tr>", table)
    covered = [s for s in data.SPECIALTIES if s.outcome is not None]
    assert [unescape(name) for name, _, _ in rows] == [s.name for s in covered]
    for (_, matched, unmatched), spec in zip(rows, covered, strict=True):
        assert spec.outcome is not None
        for shown, dist in ((matched, spec.outcome.contig_matched), (unmatched, spec.outcome.contig_unmatched)):
            assert shown == (f"{dist.median:g}" if dist.median is not None else "not enough data")
    assert data.CHARTING_OUTCOMES.year in _rendered_text(table)
    for page in ("apply/timeline.md", "faq.md"):
        text = page_text(page)
        assert "{{ contiguous_ranks_table() }}" in text
        # The five-field sentence is gone, and US seniors hear the figures are not theirs.
        assert 'charting("Pediatrics")' not in text and 'charting("Obstetrics and Gynecology").contig' not in text
        assert "a US senior in a competitive field may need more" in text
        assert "We hold no such figures for dermatology" in text or "we hold none for other fields" in text


@pytest.mark.parametrize("page", ["apply/timeline.md", "backup/playbook-radiology.md", "backup/playbook-ultra-competitive.md"])
def test_advanced_field_readers_hear_a_supplemental_list_is_no_fallback(page: str) -> None:
    # Six preliminary interviews on supplemental lists alone are never tried if
    # no advanced program matches (derm-usmd audit s43, 2).
    text = page_text(page)
    assert "rank-order-list.md#standalone-preliminary-years-on-the-primary-list" in text
    assert "NRMP, About Supplemental Rank Order Lists, read 2026" in text
    assert "primary list" in text
    assert (
        "only if a dermatology program takes you" in text
        or "only after it has matched you" in text
        or ("only once it has matched you to a DR program" in text)
    )


def test_the_dermatology_roadmap_adds_im_now_and_keeps_soap_for_last() -> None:
    # "A SOAP plan for IM if dermatology interviews are few" contradicted the
    # timeline and FAQ, which say to apply now (derm-usmd audit s43, 4).
    text = page_text("backup/playbook-ultra-competitive.md")
    assert "SOAP plan for IM" not in text
    row = text[text.index("| Application year | Apply to 80–100 dermatology") :].split("\n")[0]
    assert "SOAP only if both fail" in row and "../apply/timeline.md#already-applied-and-short-of-interviews" in row
    # Adding IM at once is our change to the article, which says only to be
    # ready to SOAP into IM, and the row says so (guides audit s55, 5).
    said = row[row.index("SOAP only if both fail") :]
    assert "(our advice: the article says only to be ready to SOAP into internal medicine" in said


def test_the_soap_page_tells_a_visa_needing_img_what_an_offer_commits_them_to() -> None:
    # Binding offers were stressed, the visa never (peds-visa audit s43, 1).
    text = page_text("unmatched/soap-and-plan-b.md")
    rules = text[text.index("### Rules that bind you in Match Week") : text.index("### If you are not eligible for SOAP")]
    prepare = text[text.index("### Prepare before Match Week") : text.index("## Choosing SOAP positions")]
    assert "If you need a visa, an accepted offer binds you" in rules
    for words in ("which visa the program will sponsor", "Statement of Need names one specialty", "(../assess/index.md#visa)"):
        assert words in rules, words
    assert "If you need a visa" in prepare and "Statement of Need" in prepare and "(../assess/index.md#visa)" in prepare


def test_pathway_graduation_windows_and_deadlines_are_said_with_their_years() -> None:
    # A graduate three years out could be past the recent-graduate Pathways,
    # and their application closes before the rank lists (peds-visa audit s43, 2).
    assess = page_text("assess/index.md")
    section = assess[assess.index("### Years since graduation") : assess.index("### Visa: J-1 or H-1B")]
    for words in ("on or after 1 January 2022", "1 January 2023", "Pathway 6", "31 January 2023", "15 February 2024"):
        assert words in section, words
    assert "moves on each year" in section
    glossary = page_text("glossary.md")
    entry = glossary[glossary.index("**ECFMG and ECFMG certification**") :][:2500]
    assert "only recent graduates" in entry and "(assess/index.md#years-since-graduation)" in entry
    cost = page_text("calculators/application-cost.md")
    not_included = cost[cost.index("- Not included:") :].split("\n")[0]
    assert "Pathway application fee" in not_included and "OET" in not_included
    assert "required US clinical experience (and how recent)" in page_text("apply/index.md")


@pytest.mark.parametrize(
    ("built", "said", "unsaid"),
    [
        ("2027-04-10", ["ERAS opens", "can go to programs", "programs start reviewing"], ["behind you"]),
        (
            "2027-10-05",
            ["ERAS opened", "could go to programs", "programs started reviewing", "the Match 2029"],
            ["ERAS opens"],
        ),
    ],
)
def test_the_anchor_paragraph_reads_in_the_tense_of_the_build_date(
    monkeypatch: pytest.MonkeyPatch, built: str, said: list[str], unsaid: list[str]
) -> None:
    # Built on 5 October 2027, it said "ERAS opens ... around 2 June 2027"
    # (season-dates audit s43, 5).
    import jinja2

    import macros

    pin_build_date(monkeypatch, built)
    source = (ROOT / "docs" / "apply/timeline.md").read_text(encoding="utf-8")
    # The paragraph, its list of dates (an 85-word sentence before: midseason
    # audit s52, 10) and the line after it.
    start = source.index("The plans below count back")
    line = source[start : source.index("Most applicants submit before the review start", start)]
    names = ("cycle_date", "cycle_cited", "cycle_tensed", "cycle_next_open_dates")
    shown = _rendered_text(jinja2.Template(line).render({name: getattr(macros, name) for name in names}))
    for words in said:
        assert words in shown, (built, words)
    for words in unsaid:
        assert words not in shown, (built, words)
    # Each sentence cites its dates once: the note on estimates came after four
    # dates of five, 217 words read aloud (a11y-new audit s43, 4).
    assert shown.count("estimated by rule") <= 2, (built, shown)


@pytest.mark.parametrize(
    ("built", "said"),
    [
        ("2026-12-06", "closed to applications for the Match 2027 in late September"),
        ("2027-04-10", "takes applications for the Match 2028 only until 22 September 2027"),
        ("2027-09-25", "may have closed to applications for the Match 2028"),
        ("2027-10-05", "can no longer be added this season"),
    ],
)
def test_the_residencycas_sentence_gives_its_state_on_the_build_date(
    monkeypatch: pytest.MonkeyPatch, built: str, said: str
) -> None:
    # The guide said "may not be possible" on a day signals called the fields
    # closed (season-dates audit s43, 4).
    import macros

    pin_build_date(monkeypatch, built)
    assert said in _rendered_text(macros.cycle_residencycas())
    text = page_text("apply/timeline.md")
    bullet = text[text.index("- **More applications, to more programs") :][:1500]
    assert "{{ cycle_residencycas() }}" in bullet and "adding those fields late may not be possible" not in bullet


def _between(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin + len(start))]


def test_the_couples_pages_read_first_give_the_no_match_exception() -> None:
    # "Adds nothing to your joint list" and "does not match either of you
    # alone" left out the No Match line on which one partner can match
    # (couples audit s43, 1).
    apply = _between(page_text("apply/index.md"), "## Applying as a couple", "## What to do this week")
    assert "adds nothing" not in apply
    assert "No Match code" in apply and "(rank-order-list.md#ranking-as-a-couple)" in apply
    # A pair may join two cities: "only beside the No Match code" was false
    # (NRMP, Couples in the Match: couples can mix geographic locations;
    # diff review s43, second, 1).
    assert "beside one of theirs in another city" in apply
    faq = _between(page_text("faq.md"), "## We want to match as a couple.", "See [applying as a couple]")
    assert "No Match code" in faq and "(apply/rank-order-list.md#ranking-as-a-couple)" in faq


def test_every_door_to_the_rank_simulator_says_it_takes_no_couples() -> None:
    # A couple found out only by failing (couples audit s43, 2).
    intro = page_text("calculators/rank-simulator.md").split('{{ calculator("rank_simulator") }}')[0]
    assert "single applicants only" in intro and "#ranking-as-a-couple" in intro
    guide = page_text("apply/rank-order-list.md")
    assert "single applicants only" in guide.split('{{ calculator("rank_simulator", level=3) }}')[0]
    # The list is the build date's (soap audit s55, 5): while lists may be certified, it names the simulator.
    assert "{{ cycle_rank_list_this_week() }}" in _between(guide, "## What to do this week", "Next: the [timeline]")
    from calculators import season_words

    week = season_words.rank_list_this_week(dt.date(2027, 1, 20))
    assert "rank simulator" in week and "couple" in week
    # What the pages say of the simulator is what it does: a paired line is refused.
    market = "Amir+Bea: IM-Boston & Psych-Boston\nIM-Boston (1): Amir\nPsych-Boston (1): Bea"
    with pytest.raises(InputError):
        rank_simulator.compute({"market": market})


def test_december_and_january_guidance_has_a_step_for_a_couple() -> None:
    # Nothing in "short of interviews" or "rank and certify" spoke to a couple
    # (couples audit s43, 3 and 4).
    timeline = page_text("apply/timeline.md")
    short = _between(timeline, "### Already applied, and short of interviews?", "#### If your first choice is surgical")
    assert "As a couple, add where your partner already has interviews" in short
    assert "secondary guide, not an NRMP rule" in short
    certify = _between(timeline, "## Mid-January to the deadline: rank and certify", "## Match Week")
    for words in ("couple request", "couple fee", "same number of ranks", "(rank-order-list.md#ranking-as-a-couple)"):
        assert words in certify, words
    interviews = _between(page_text("apply/interviews.md"), "## After the interview", "## Protect your energy")
    assert "matching as a couple" in interviews and "not an NRMP rule" in interviews


def test_a_couple_reads_where_to_spend_signals_where_signals_are_planned() -> None:
    # Signals cannot be taken back, and no signals guidance spoke to couples
    # (couplesvisa audit s46, 3).
    section = _between(page_text("apply/index.md"), "## Program signals: two separate sets", "## Describe your experiences")
    assert "**As a couple, signal first where both of you apply.**" in section
    assert "places where the other also applies (our advice, from how the pairs work)" in section
    caveats = _between(page_text("calculators/signals.md"), "## Caveats", "## Related pages")
    assert "If you match as a couple, spend each partner's signals first on programs in places where the other" in caveats


def test_a_couples_fees_count_programs_and_the_long_list_fee_is_not_guessed_for_their_lines() -> None:
    # "Each list also counts its own ranks toward the NRMP's extra-rank fee":
    # the NRMP's fees page counts different programs; and how a couple's lines
    # count toward the fee for 100 or more ranks no source of ours says
    # (couplesvisa audit s46, 1).
    apply = _between(page_text("apply/index.md"), "## Applying as a couple", "## What to do this week")
    assert "counts its own ranks" not in apply
    assert "counts its own different programs beyond 20 toward the NRMP's extra-rank fee, each program once" in apply
    ranking = _between(page_text("apply/rank-order-list.md"), "## Ranking as a couple", "## Before you certify")
    assert "a paired list soon reaches 100 ranks, and whether the NRMP's further fee for a list of 100 or more ranks" in ranking
    assert "we could not confirm, so ask the NRMP before you certify a long list" in ranking
    assert f"more than {ac.NRMP_MOST_RANKS}" in ranking and ac.LONG_LIST_RANKS == 100 and ac.RANKS_INCLUDED == 20


def test_the_pages_citing_wayne_state_agree_on_what_eras_asks_of_a_couple() -> None:
    # The apply guide said ERAS "asks nothing about coupling", the data page
    # that it has an optional couples question; the cited page says ERAS lets
    # you mark yourself as part of a pair, which alerts programs, and the link
    # is made through the rank order lists (couplesvisa audit s46, 6).
    apply = _between(page_text("apply/index.md"), "## Applying as a couple", "## What to do this week")
    assert "asks nothing about coupling" not in apply
    assert "The ERAS application lets you mark yourself as part of a couple" in apply
    assert "Marking it is your choice, and it links nothing" in apply
    for page, said in (("apply/index.md", "alerts programs but links nothing"), ("data-and-sources.md", "which alerts programs")):
        text = page_text(page)
        assert "optional couples question" not in text and "asks nothing about coupling" not in text
        assert (
            "Wayne State University School of Medicine**, career planning page on the couples match (read 2026; secondary): "
            in text
        )
        assert said in text[text.index("Wayne State University School of Medicine**") :][:400]


def test_a_couple_reads_what_dependent_visas_allow_only_as_far_as_a_source_says() -> None:
    # Nothing on J-2 or H-4 dependents, two visas, or the J-1's home rule for
    # a pair (couplesvisa audit s46, 2).  What the sources say, cited as the
    # page cites; whether a dependent status lets a partner train, no source
    # of ours says, so the page sends that question on.
    apply = _between(page_text("apply/index.md"), "## Applying as a couple", "## What to do this week")
    assert "**Each partner who will train needs a visa status of their own that allows it.**" in apply
    for cited in (
        "(ECFMG, Exchange Visitor Sponsorship Program: J-2 dependents, read 2026)",
        "(USCIS rules, as university international offices summarise them, read 2026; secondary)",
        "binds the J-1 physician's J-2 dependents too (ECFMG, Exchange Visitor Sponsorship Program: selected federal "
        "regulations for J-1 physicians, read 2026)",
        "our sources do not say: that is a question for ECFMG and an immigration lawyer, not for this site",
    ):
        assert cited in apply, cited
    assert data.ECFMG_J2.publisher == "ECFMG" and data.ECFMG_J2.title.startswith(
        "Exchange Visitor Sponsorship Program: J-2 dependents"
    )
    assert data.H4_DEPENDENTS.publisher == "USCIS rules, as university international offices summarise them"
    assert data.H4_DEPENDENTS.secondary and {data.ECFMG_J2, data.H4_DEPENDENTS} <= set(data.SOURCES)
    # Where a couple builds the lines, a pointer to it.
    ranking = _between(page_text("apply/rank-order-list.md"), "## Ranking as a couple", "## Before you certify")
    assert "If both of you need a visa, this holds for each of you on every line" in ranking
    assert "(index.md#applying-as-a-couple)" in ranking


def test_a_visa_needing_partner_pairs_only_sponsoring_programs() -> None:
    # One clause covered the visa partner, and not where pairs are built
    # (couples audit s43, 5).
    ranking = _between(page_text("apply/rank-order-list.md"), "## Ranking as a couple", "## Before you certify")
    assert "If one of you needs a visa, that partner's programs must sponsor it." in ranking
    assert "(our advice" in ranking
    couple = _between(
        page_text("unmatched/soap-and-plan-b.md"), "### If you matched as a couple", "### Prepare before Match Week"
    )
    assert "needs a visa" in couple and "sponsor" in couple


def test_a_partner_left_unmatched_is_sent_to_the_calculators_limited_area() -> None:
    # (couples audit s43, 8.) The box the page names must be the calculators' own.
    season = _between(page_text("unmatched/index.md"), "### Which season do you reapply in?", "### Fix the exact weakness")
    assert "If you matched as a couple and only your partner placed." in season
    (field,) = [f for f in competitiveness.FIELDS if f.name == "geographic_restriction"]
    assert f"tick **{field.label}**" in season
    assert "tied to one region" in (field.help or "")


def test_a_visa_partner_left_unmatched_counts_only_sponsoring_programs_in_the_region() -> None:
    # The partner most likely left unmatched is the one who needs a visa; the
    # paragraph on next season said nothing of it (couplesvisa audit s46, 4).
    season = _between(page_text("unmatched/index.md"), "### Which season do you reapply in?", "### Fix the exact weakness")
    partner = season[season.index("If you matched as a couple and only your partner placed.") :][:1400]
    assert "If you need a visa, only the programs within reach that sponsor it count" in partner
    assert "widen to your backup field early" in partner and "Statement of Need" in partner
    from calculators import profile

    assert f"**{profile.NEEDS_VISA.label}**" in partner


def test_the_home_page_has_a_way_in_for_a_couple() -> None:
    # No card named couples (couplesvisa audit s46, 9).
    home = page_text("index.md")
    card = _between(home, '**"I\'ve decided to apply to two specialties."**', "- **")
    assert "[Applying as a couple](apply/index.md#applying-as-a-couple)" in card and "as a couple" in card


def test_the_cost_page_names_what_a_couple_and_an_observer_also_pay() -> None:
    # (couples audit s43, 9; oldgrad audit s43, 9.)
    cost = page_text("calculators/application-cost.md")
    not_included = cost[cost.index("- Not included:") :].split("## ")[0]
    # With the figure the rank order list guide gives, and described as it does (diffreview49 audit s49, 11).
    assert "An undated secondary guide gives a couple fee three times that for each partner (Level Medicine" in not_included
    couples = page_text("apply/rank-order-list.md")
    assert "a secondary guide, undated, gives three times that per partner (Level Medicine" in couples
    # (couplesvisa audit s46, 5.)
    # One instruction with the rank order list guide and the calculator's note (crosscalc audit s49, 4).
    assert (
        "but we could not confirm the current one, so budget for the higher figure and check the NRMP's fees page" in not_included
    )
    assert "observerships" in not_included.lower() and "visitor visa" in not_included
    assert "we give no figure" in not_included
    # Radiology's PGY-1 count, which the calculator gives beside the
    # anesthesiology and neurology ones the page named (crosscalc audit s49, 5).
    assert "For diagnostic radiology it gives the same word with that field's own count" in cost
    said = unescape(str(ac.render(ac.compute({"primary_specialty": "diagnostic-radiology"}))))  # type: ignore[arg-type]
    assert data.first_year_positions("diagnostic-radiology").strip() in said


def test_the_seven_year_window_for_the_usmle_is_given_where_step_3_is_weighed() -> None:
    # An older graduate weighing Step 3 never heard of it (oldgrad audit s43, 6).
    exams = _between(page_text("assess/index.md"), "### Step 1, Step 2 CK and exam attempts", "**If you are a DO.**")
    assert "Three limits sit under every plan." in exams
    for words in ("seven-year window", "first attempt", "(USMLE, Bulletin of Information", "FSMB"):
        assert words in exams, words
    faq = _between(page_text("faq.md"), "## Is Step 3 worth taking?", "## ")
    assert "seven years" in faq and "(assess/index.md#step-2-ck-and-exam-attempts)" in faq
    step3 = _between(page_text("unmatched/soap-and-plan-b.md"), "### Step 3: when it helps", "### Clinical work")
    assert "seven-year clock" in step3


def test_pathway_1s_licence_date_is_said_to_move_too() -> None:
    # (oldgrad audit s43, 7.)
    years = _between(page_text("assess/index.md"), "### Years since graduation", "### Visa: J-1 or H-1B")
    assert "Pathway 1 has a moving date as well" in years and "1 January 2019" in years
    glossary = page_text("glossary.md")
    entry = glossary[glossary.index("**ECFMG and ECFMG certification**") :][:3000]
    assert "Pathway 1" in entry and "1 January 2019 for the 2024 Match" in entry


def test_a_reader_for_whom_the_match_may_not_be_the_route_has_a_section_of_their_own() -> None:
    # Plan B read only as a waiting room for reapplying (oldgrad audit s43, 5).
    soap = page_text("unmatched/soap-and-plan-b.md")
    section = _between(soap, "## If the Match may not be your route", "## What to do this week")
    for words in ("no match rate", "as probably too high", "our view", "Our suggestion", "stopping rule", "(Chowdhury"):
        assert words in section, words
    assert "unmatched/soap-and-plan-b.md#if-the-match-may-not-be-your-route" in page_text("index.md")
    # "Our figures hold no match rate by years since graduation": no table we hold has such a column.
    tables = (data.ChartingOutcome.FILE, data.PGY1Result.FILE, data.MatchRates.FILE)
    assert not [column for name in tables for column in data.read_tsv(name)[0] if "graduat" in column]
    # "weighs your Step 2 CK but does not change for a failed attempt, an old
    # graduation or a visa need": those flags change no number, the score does
    # (diff review s43, second, 2).
    base = {"specialty": "family-medicine", "applicant_type": "non-us-img", "step2_score": 221, "contiguous_ranks": 3}
    flags = {"exam_failures": 2, "years_since_graduation": 10, "needs_visa": True}
    asked = {name: value for name, value in flags.items() if name in {f.name for f in match_odds.FIELDS}}
    assert match_odds.compute({**base, **asked})["probability"] == match_odds.compute(base)["probability"]
    im = {"specialty": "internal-medicine", "applicant_type": "non-us-img"}
    scores = {match_odds.compute({**im, "step2_score": score})["probability"] for score in (214, 240)}
    assert len(scores) == 2


def test_the_clinical_support_lane_says_it_is_not_hands_on_work_as_the_plan_b_page_does() -> None:
    # The lanes table filed coordinator, scribe and QI roles as a "clinical
    # job" for "clinical contact", where the Plan B page says many programs
    # will not count them as US clinical experience (reapply2 audit s44, 5).
    lanes = _between(page_text("unmatched/index.md"), "## Pick a path for the next 12–18 months", "### Which season")
    (row,) = [line for line in lanes.split(" | **") if "scribe or quality-improvement roles" in line]
    assert "Non-ACGME clinical job**" not in lanes and "clinical contact" not in lanes
    assert row.startswith("Clinical support job, not physician work**")
    for words in ("not hands-on physician work", "many programs will not count them as US clinical experience"):
        assert words in row, words
    assert "(soap-and-plan-b.md#if-you-cannot-work-clinically-where-you-trained)" in row
    roles = _between(page_text("unmatched/soap-and-plan-b.md"), "### Clinical research coordinator", "### Quality")
    assert "**not** physician jobs" in roles and "many programs will not count them as US clinical experience" in roles


def test_a_reader_who_cannot_work_where_they_trained_hears_of_the_hands_on_routes_with_their_windows_and_sources() -> None:
    # "Clinical work in your home country" assumed a licence where the reader
    # trained (reapply2 audit s44, 5).  The windows are the statutes' own, as
    # the data module records them; the page says the laws move.  The heading
    # named US citizens alone, though Missouri's law also admits "a legal
    # resident alien" (oldspec audit s46, 3).
    soap = page_text("unmatched/soap-and-plan-b.md")
    section = _between(soap, "### Clinical work in your home country", "## Putting the 12–24 months together")
    routes = section[section.index("#### If you cannot work clinically where you trained") :]
    assert "{ #if-you-cannot-work-clinically-where-you-trained }" in routes
    for words in (
        "postgraduate externship",
        "not residency training",
        "(Residency Advisor, on externships for IMGs, read 2026; not one of the five source articles)",
        # Its paragraph (b) also counts three years from graduating, but (c) still
        # asks for the last three years of anyone not in residency (diff review s44, 1).
        "and that you passed Step 2 within the three years before you apply: one clause of the law also counts three years from "
        "graduating, whichever is later, but the next still asks for a Step 2 passed in the last three years of "
        "anyone not then in residency (Revisor of Missouri, Revised Statutes of Missouri section 334.036, read 2026)",
        "Missouri's closes within months, not next season",
        "Steps 1 and 2 passed within the two years before you apply and no more than two years after graduation "
        "(Arkansas Code section 17-95-903, 2018 text in a secondary copy)",
        "read the statute in force and the state board's own page",
        "Our sources do not say whether residency programs count work under such a license",
    ):
        assert words in routes, words
    mo, ar = data.MISSOURI_ASSISTANT_PHYSICIAN, data.ARKANSAS_GRADUATE_REGISTERED_PHYSICIAN
    assert "passed Step 2 within the three years before applying" in mo.title and "334.036" in mo.title
    assert "the next still asks for the last three years" in mo.title
    assert "within the two years before applying and no more than two years after graduation" in ar.title
    assert ar.secondary and "2018 text" in ar.year
    assert {mo, ar} <= set(data.SOURCES)
    listed = soap[soap.index("## Sources on this page") :]
    for words in ("section 334.036", "section 17-95-903", "Residency Advisor**, on externships", "Healing Arts"):
        assert words in listed, words
    # The no-match guide's remedy for an old graduation points here too.
    fix = _between(page_text("unmatched/index.md"), "### Fix the exact weakness", "## Rebuild the application")
    assert "(soap-and-plan-b.md#if-you-cannot-work-clinically-where-you-trained)" in fix


def test_missouri_is_given_in_the_statutes_words_and_approved_is_left_to_its_board() -> None:
    # "A US citizen or a legal resident ... have completed no residency" ruled
    # out a permanent resident with a residency abroad, whom the statute's
    # "approved postgraduate residency" may not; other pages linked the old
    # heading's anchor (oldspec audit s46, 3).
    soap = page_text("unmatched/soap-and-plan-b.md")
    routes = _between(soap, "#### If you cannot work clinically where you trained", "## Putting the 12–24 months together")
    assert "US citizen with no licence" not in soap and "if-you-are-a-us-citizen" not in soap
    for words in (
        'Missouri\'s asks that you are "a resident and citizen of the United States" or "a legal resident alien", '
        "so a permanent resident too",
        'that you have "not completed an approved postgraduate residency"',
        'The law does not say whether a residency done abroad counts as "approved": that is for the Missouri board to answer',
        "or you live in the US, as a citizen or a permanent resident, and cannot go back to work under the license you hold",
    ):
        assert words in routes, words
    assert "have completed no residency" not in routes
    mo = data.MISSOURI_ASSISTANT_PHYSICIAN
    assert "legal resident alien who has not completed an approved postgraduate residency" in mo.title
    for page in ("unmatched/index.md", "unmatched/soap-and-plan-b.md", "apply/index.md", "glossary.md", "faq.md"):
        assert "if-you-are-a-us-citizen-with-no-licence-anywhere" not in page_text(page), page


def test_the_plan_b_page_gives_the_state_laws_licensing_physicians_trained_abroad_dated_and_sourced() -> None:
    # It said flatly that in the US no one may practice without residency, and
    # nothing of the laws some states have passed for physicians who trained
    # and practiced abroad (oldspec audit s46, 1).
    soap = page_text("unmatched/soap-and-plan-b.md")
    assert "cannot practise" not in soap and "in the US you cannot practice" not in soap
    assert "In most states you cannot practice as a physician without residency" in soap
    assert "([licenses for physicians trained abroad](#licenses-for-physicians-trained-abroad))" in soap
    route = _between(soap, "## If the Match may not be your route", "## What to do this week")
    laws = route[route.index("### Licenses for physicians who trained and practiced abroad") :]
    assert "{ #licenses-for-physicians-trained-abroad }" in laws
    for words in (
        "at least 17 states had enacted one (AMA, New licensing pathways for foreign-trained doctors, read 2026)",
        "One of the first, Tennessee's, was signed in April 2023: a two-year provisional license",
        "(MedPage Today, March 2024; secondary)",
        "a 2026 act has since rewritten that part of the law (Tennessee Public Chapter 900 of 2026, as Open States "
        "records it; secondary)",
        "(FSMB, news release, 4 February 2025)",
        "a job offer",
        "ECFMG certification",
        "a provisional license, held under supervision",
        "The law gives you no visa.",
        "A license is not board certification.",
        "(Niskanen Center, October 2025, in a summary; secondary)",
        "read the law in force and the state medical board's own page",
        "This site has not checked any state board's page.",
    ):
        assert words in laws, words
    sources = (
        data.FSMB_ADDITIONAL_LICENSING,
        data.AMA_ADDITIONAL_LICENSING,
        data.TENNESSEE_LICENSURE_2023,
        data.TENNESSEE_LICENSURE_2026,
        data.NISKANEN_BOARD_CERTIFICATION,
    )
    assert set(sources) <= set(data.SOURCES)
    assert data.FSMB_ADDITIONAL_LICENSING.year.startswith("news release, 4 February 2025")
    assert "at least 17 states" in data.AMA_ADDITIONAL_LICENSING.title
    assert all(s.secondary for s in sources[2:]) and not any(s.secondary for s in sources[:2])
    listed = soap[soap.index("## Sources on this page") :]
    for words in (
        "**FSMB**, news release",
        "**AMA**, New licensing pathways",
        "**MedPage Today**",
        "Public Chapter 900",
        "**Niskanen Center**",
    ):
        assert words in listed, words
    # The no-match guide's remedy for an old graduation points to it.
    fix = _between(page_text("unmatched/index.md"), "### Fix the exact weakness", "## Rebuild the application")
    assert "(soap-and-plan-b.md#licenses-for-physicians-trained-abroad)" in fix


def test_reserved_pgy2_places_are_not_offered_on_the_strength_of_training_abroad() -> None:
    # "If you are already in a first year, or have finished one" read as if a
    # year or a residency abroad qualified; the NRMP's page does not say
    # (oldspec audit s46, 2).
    ranks = page_text("apply/rank-order-list.md")
    assert "If you are already in a first year, or have finished one" not in ranks
    for words in (
        "If you are already in a first year of US residency, or have finished one, also look for **reserved**",
        "Whether training done outside the US, a first year or a whole residency, counts as the earlier training "
        "reserved places ask for, the NRMP's page does not say and neither do our other sources: ask each program, "
        "and ask too whether it gives any credit at all for training abroad.",
        # A reader in a US first year: no other, the year between, and a restart (pgy1res audit s46, 1, 3-5, 10).
        "(if you are finishing a US first year already, you need none: your advanced place starts the July after "
        "next, so plan for the year between)",
        "an advanced position would leave a year without a training job (our reading of the NRMP's",
        "so for someone in or past a US first year it means repeating that year unless the program credits it",
        "almost always starts again at PGY-1 in the US (Residency Advisor, on relocating from a residency abroad, "
        "2026; not one of the five source articles)",
    ):
        assert words in ranks, words
    glossary = _between(page_text("glossary.md"), "Advanced position", "See [Advanced positions")
    assert "Someone already in a US PGY-1, or past one" in glossary
    assert "Whether training done abroad, a first year or a whole residency, counts for them, our sources do not say" in glossary
    assert "**Reserved (physician) position**" in page_text("glossary.md")
    assert data.PRIOR_RESIDENCY_ABROAD in data.SOURCES and "PGY-1" in data.PRIOR_RESIDENCY_ABROAD.title


def test_a_reader_past_more_than_one_no_match_has_a_bullet_of_their_own_in_the_match_route_section() -> None:
    # The section's only words for them were an example stopping rule they had
    # already met (reapply2 audit s44, 6).
    section = _between(
        page_text("unmatched/soap-and-plan-b.md"), "## If the Match may not be your route", "## What to do this week"
    )
    bullet = _between(section, "**If you have already gone unmatched more than once.**", "**Set a stopping rule")
    for words in (
        "give a match rate for repeat applicants",
        "count one past no-match and several alike",
        "(index.md#more-than-one-no-match)",
        "recent hands-on clinical work",
        "Sending the same file to the same list again is not a change",
        "decide now",
        "(our suggestion)",
    ):
        assert words in bullet, words
    assert one_tick_for_any_number_of_no_matches()
    assert "{ #more-than-one-no-match }" in page_text("unmatched/index.md")
    # No table we hold has a column for past applications or no-matches.
    tables = (data.ChartingOutcome.FILE, data.PGY1Result.FILE, data.MatchRates.FILE)
    columns = [column for name in tables for column in data.read_tsv(name)[0]]
    assert columns and not [c for c in columns if any(w in c for w in ("repeat", "prior", "previous", "reappl"))]


def test_the_assess_guides_old_graduation_example_carries_the_limit_the_check_gives_it() -> None:
    # The assess guide quoted ">3 years with no recent clinical work" as a
    # misfit for any field; the check and the no-match guide limit it to the
    # hardest fields (reapply2 audit s44, 7).
    years = _between(page_text("assess/index.md"), "### Years since graduation", "**ECFMG's Pathways")
    for words in (
        "where the field is a highly competitive one tried a second time",
        "only in the ultra-competitive fields and radiology",
        "internal medicine, family medicine, psychiatry and pediatrics generally more flexible about gaps",
    ):
        assert words in years, words
    assert {s.slug for s in data.SPECIALTIES if s.tier == "competitive"} == {"diagnostic-radiology"}
    profile = {"previously_unmatched": True, "years_since_graduation": 4, "recent_clinical_months": 0}
    said = f"more than {competitiveness.MISALIGNED_YEARS} years since graduation"
    for spec in data.SPECIALTIES:
        v = competitiveness.parse_inputs(competitiveness.FIELDS, {"specialty": spec.slug, **profile})
        misaligned = any(reason.startswith(said) for reason in competitiveness.misalignment(spec, v))
        assert misaligned == (spec.tier in ("ultra", "competitive")), spec.slug


# --- seasonlate audit s44, reapply2 audit s44 ----------------------------------------
def _render_lines(page: str, marker: str, section: bool = True) -> str:
    """The line of ``page`` holding ``marker``, and with ``section`` the lines after it up to the next
    heading, with the cycle macros run."""
    import jinja2

    import macros

    lines = (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if marker in line)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines)) if section else start + 1
    shown = jinja2.Template("\n".join(lines[start:end])).render(
        {name: getattr(macros, name) for name in dir(macros) if name.startswith("cycle_")}, cited=macros.cited, fee=macros.fee
    )
    return " ".join(unescape(re.sub(r"<[^>]+>", "", shown)).split())


@pytest.mark.parametrize(
    ("built", "opens", "again"),
    [
        ("2027-12-15", "Entry opens around 15 January 2028", True),
        ("2028-02-20", "Entry opened", True),
        ("2028-03-17", "Entry opened", False),
    ],
)
def test_the_rank_list_lines_say_entry_opened_and_certify_again_only_as_the_build_date_allows(
    monkeypatch: pytest.MonkeyPatch, built: str, opens: str, again: bool
) -> None:
    # "Entry opens" two months after, and "certify again as often as you like
    # until the deadline" beside "takes no more rank lists" (seasonlate audit s44, 5).
    pin_build_date(monkeypatch, built)
    timeline_line = _render_lines("apply/timeline.md", "**Certify before the deadline:**", section=False)
    assert opens in timeline_line
    rol = _render_lines("apply/rank-order-list.md", "Your list only counts once you **certify**")
    for shown in (timeline_line, rol):
        assert ("as often as you like until the deadline" in shown) is again, shown


@pytest.mark.parametrize(
    ("built", "season", "deadline"), [("2028-02-20", 2028, "16 February 2028"), ("2028-03-17", 2029, "14 February 2029")]
)
def test_the_research_year_decision_points_at_a_season_whose_rank_lists_are_still_open(
    monkeypatch: pytest.MonkeyPatch, built: str, season: int, deadline: str
) -> None:
    # On Match Day the senior was still told to decide before rank lists
    # that had closed (seasonlate audit s44, 5).
    pin_build_date(monkeypatch, built)
    senior = _render_lines("apply/timeline.md", "A US MD or DO senior weighing a research year", section=False)
    assert f"withdraws you from the Match {season} before its rank lists are certified by {deadline}" in senior


@pytest.mark.parametrize("built", ["2027-03-22", "2028-03-17"])
def test_the_soap_page_after_soap_leads_with_the_list_of_unfilled_programs(monkeypatch: pytest.MonkeyPatch, built: str) -> None:
    # Reapply2 audit s44, 4: SOAP steps, in the future tense, after SOAP.
    from calculators import cycle

    pin_build_date(monkeypatch, built)
    year = int(built[:4])
    top = _render_lines("unmatched/soap-and-plan-b.md", "{{ cycle_soap_page_note() }}")
    assert cycle.after_soap(year, dt.date.fromisoformat(built)) in top and "What to do this week" in top
    week = _render_lines("unmatched/soap-and-plan-b.md", "## What to do this week")
    assert f"Until 1 May {year}, work through the NRMP's List of Unfilled Programs" in week
    assert "Write down which SOAP position types" not in week


# US MD and DO seniors (usdo audit s44, 2, 3, 5, 8 and 9).
def test_a_us_graduate_keeps_the_backups_the_finder_page_says_it_keeps() -> None:
    # "if you are an IMG (a US MD or DO graduate keeps such a field ...": the
    # finder left a DO without emergency medicine on an IMG rule (finding 5).
    assert "a US MD or DO graduate keeps such a field, ranked by its points like the rest and marked under the list" in (
        page_text("calculators/backup-finder.md")
    )
    order = ("accessible", "moderate", "competitive", "ultra")
    kept = []
    for primary in SLUGS:
        for applicant in ("us-md", "us-do"):
            for s in backup_finder.compute({"specialty": primary, "applicant_type": applicant})["suggestions"]:
                harder = order.index(s["tier"]) > order.index(data.specialty(primary).tier)
                assert bool(s["img_tier_note"]) == harder, (primary, applicant, s["specialty"])
                assert s["tier"] not in ("competitive", "ultra")
                kept.append(harder)
    assert any(kept)


def test_us_md_and_do_seniors_are_sent_to_their_own_charting_outcomes_edition() -> None:
    # The data page's limits and the FAQ spoke only to US-citizen IMGs (finding 3).
    limits = _between(page_text("data-and-sources.md"), "## The limits of the data", "## Rules of thumb")
    seniors = limits[limits.index("**Not the figures of US MD and DO seniors.**") :].split(" - **")[0]
    for words in ("*Charting Outcomes in the Match*", "US MD seniors", "US DO seniors", "2016", "every two years"):
        assert words in seniors, words
    assert "Main Residency Match Data and Reports, read 2026" in seniors and 'edition("charting")' in seniors
    faq = page_text("faq.md")
    answer = _between(faq, "## I'm a US MD or DO senior. Which figures are mine? { #us-md-or-do-senior }", "## Can a")
    for words in ("US DO seniors", "Charting Outcomes", "not the IMG tables", 'overall_match_rate("us-do"', "in any field"):
        assert words in answer, words
    # The cited pages are listed on the data page with the other rule pages.
    listed = page_text("data-and-sources.md")
    assert "**NRMP**, press release on the three versions of its Charting Outcomes report (2016)" in listed


def test_the_faq_rank_yardstick_tells_a_us_senior_it_is_not_theirs_in_any_field() -> None:
    # The caveat reached only "a US senior in a competitive field" (finding 2).
    section = _between(page_text("faq.md"), "{ #few-interviews-in-december }", "## I didn't match")
    after = section[section.index("{{ contiguous_ranks_table() }}") :]
    assert "not your group's figures in any field" in after
    assert "edition for US MD seniors or for US DO seniors" in after and "(#us-md-or-do-senior)" in after


def test_the_glossary_explains_aoa_nbome_and_single_accreditation() -> None:
    # (finding 8.) The accreditation source is the assess guide's.
    glossary = page_text("glossary.md")
    cited = data.ACGME_SINGLE_ACCREDITATION.cite()
    assert cited in page_text("assess/index.md")

    def entry(term: str) -> str:
        return glossary[glossary.index(f"**{term}** :") :].split(" **")[0]

    aoa = entry("AOA (two meanings)")
    assert "American Osteopathic Association" in aoa and "Alpha Omega Alpha" in aoa and "2019" in aoa
    nbome = entry("NBOME")
    assert "National Board of Osteopathic Medical Examiners" in nbome and data.NBOME_ATTEMPT_LIMIT.cite() in nbome
    single = entry("Single accreditation")
    assert "July 2020" in single and cited in single
    assert "Since July 2020" in entry("ACGME")
    for text in (aoa, nbome, single):
        assert "(assess/index.md#step-2-ck-and-exam-attempts)" in text


def test_the_faq_tells_a_comlex_only_do_that_usmle_step_3_is_closed() -> None:
    # (finding 9.) The link goes to the SOAP page's section whose bullet says so.
    faq = _between(page_text("faq.md"), "## Is Step 3 worth taking?", "## How many programs")
    assert "If you are a DO who took COMLEX only, USMLE Step 3 is closed to you" in faq
    assert "COMLEX Level 3" in faq and "(unmatched/soap-and-plan-b.md#step-3-when-it-helps)" in faq
    step3 = _between(page_text("unmatched/soap-and-plan-b.md"), "### Step 3: when it helps", "### Clinical work")
    assert "**If you took COMLEX only:** USMLE Step 3 needs USMLE Step 1 and Step 2 CK passed first" in step3


def test_the_timeline_guides_rank_yardstick_tells_a_us_senior_in_any_field_where_their_figures_are() -> None:
    # It warned only "a US senior in a competitive field": a DO in psychiatry
    # sat on the IMG median with no word (usdo audit s44, 2; recheck s44).
    text = page_text("apply/timeline.md")
    said = text[text.index("These are medians for non-US IMGs, not a cut-off") :][:700]
    assert "not your group's figures in any field" in said
    assert "edition for US MD seniors or for US DO seniors" in said and "(../faq.md#us-md-or-do-senior)" in said


# Session 45's guide fixes for a reader who needs an H-1B and cannot take a J-1
# (surgprelim audit s45, 1, 4, 5 and 9).
NO_J1 = "If a J-1 is not an option for you"


def test_every_guide_line_that_falls_back_on_the_j1_has_a_branch_for_a_reader_who_cannot_take_one() -> None:
    # "Plan on the J-1" was the only fallback the guides gave (surgprelim audit s45, 1).
    found = 0
    for path in sorted((ROOT / "docs").rglob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if re.search(r"J-1 unless|plan on the J-1", line, re.IGNORECASE):
                found += 1
                near = " ".join(lines[i : i + 2])
                assert re.search(r"J-1 is not an option|cannot take a J-1", near), f"{path.name}: {line[:80]}"
    assert found >= 4


@pytest.mark.parametrize(
    ("page", "start", "end"),
    [
        ("assess/index.md", "#### The H-1B payment of September 2025", "Decide before you apply"),
        ("faq.md", "## J-1 or H-1B: which can I get?", "## Is Step 3 worth taking?"),
        ("unmatched/soap-and-plan-b.md", "### Rules that bind you in Match Week", "### If you are not eligible for SOAP"),
        ("apply/timeline.md", "## 18 to 12 months before", "## 12 to 9 months before"),
    ],
)
def test_a_reader_who_cannot_take_a_j1_hears_what_to_rank_and_when_no_position_is_left(page: str, start: str, end: str) -> None:
    section = _between(page_text(page), start, end)
    branch = section[section.index(NO_J1) :][:400]
    assert "file an H-1B" in branch and ("Step 3 pass" in branch or "your pass" in branch), page
    assert re.search(r"(this Match|SOAP) holds no position you c(an|ould) start", branch), page


def test_the_rank_list_checks_every_program_sponsors_the_visa_the_reader_will_hold() -> None:
    # The single applicant's checklist never named a visa (surgprelim audit s45, 1).
    text = page_text("apply/rank-order-list.md")
    attend = _between(text, "## Never rank a program you would not attend", "## Mixing two specialties")
    assert "If you need a visa, a program that will not sponsor the one you will actually hold fails the test" in attend
    certify = _between(text, "## Before you certify", "## What to do this week")
    bullet = certify[certify.index("- If you need a visa") :].split(" - ")[0]
    for words in ("preliminary programs included", "the one you will actually hold", "if a J-1 is not an option", "SOAP offer"):
        assert words in bullet, words
    couples = _between(text, "## Ranking as a couple", "## Before you certify")
    assert "for a partner who cannot take a J-1" in couples


def test_the_standalone_preliminary_section_sets_out_what_each_order_means_for_a_surgery_reader() -> None:
    # Prelim surgery or categorical IM higher went unasked (surgprelim audit s45, 4).
    section = _between(
        page_text("apply/rank-order-list.md"), "### Standalone preliminary years", '!!! warning "Supplemental lists'
    )
    example = section[section.index('??? example "General surgery first') :]
    assert "(invented)" in example
    above, below = example.index("**P above M:**"), example.index("**M above P:**")
    assert "next Match" in example[above:below] and "whole internal medicine residency" in example[below:]
    assert "Neither order makes a match more likely" in example and "truly rather have" in example


def test_the_h1b_six_year_limit_stands_beside_the_j1_seven_and_in_a_bridge_years_limits() -> None:
    # The H-1B's own limit was never given (surgprelim audit s45, 5).
    source = data.H1B_SIX_YEARS
    assert source in data.SOURCES and source.secondary and "214(g)(4)" in source.title and "six years" in source.title
    cited = "(Immigration and Nationality Act, section 214(g)(4), as university international offices summarise it, read 2026; secondary copy)"
    assert source.publisher.endswith("as university international offices summarise it")
    visa = _between(page_text("assess/index.md"), "### Visa: J-1 or H-1B", "#### The H-1B payment")
    j1, h1b = visa.index("**A J-1 limits a later switch.**"), visa.index("**An H-1B has a clock too.**")
    assert j1 < h1b and "seven years" in visa[j1:h1b]
    clock = visa[h1b:][:700]
    assert "six years at most" in clock and cited in clock and "immigration lawyer" in clock
    sources = _between(page_text("assess/index.md"), "## Sources on this page", "- **The White House**")
    assert "section 214(g)(4), on the six-year limit of H-1B status" in sources
    limits = _between(page_text("backup/bridges.md"), "### Its limits", "## Switching specialty later")
    assert "**On an H-1B, the year is one of six.**" in limits and cited in limits and "immigration lawyer" in limits


def test_the_bridge_warning_claims_no_opening_its_sources_do_not_give() -> None:
    # "Programs sometimes have an opening for a strong prelim resident" had no
    # source (surgprelim audit s45, 9).
    warning = _between(page_text("backup/bridges.md"), '!!! warning "A prelim or TY year', "- **The clock is short.**")
    assert "sometimes have an opening" not in warning
    assert "none of our sources says how often" in warning and "do not count on it" in warning


# --- Radiology journey audit s45: bridge years, switching, the simulator -------


def test_a_bridge_year_reader_hears_when_a_radiology_place_would_start() -> None:
    # Neither page a radiology reader plans a bridge year with said that a DR
    # place matched during it starts that July only if it is one of the few
    # reserved ones (radiology audit s45, 1).
    import macros

    cited = f"{data.DR_MATCH_2025.publisher}, {data.DR_MATCH_2025.year}; secondary copy"
    playbook = _between(
        page_text("backup/playbook-radiology.md"), "### Transitional year or preliminary medicine", "### Family medicine"
    )
    bridges = _between(page_text("backup/bridges.md"), "### Its limits", "## Switching specialty later")
    for section in (playbook, bridges):
        said = section[section.index("eserved (physician) PGY-2") :][:600]
        assert 'dr_fill("physician")' in said and cited in said
        assert "starts a year later" in said and "(../apply/rank-order-list.md#advanced-positions-and-supplemental-lists)" in said
    assert macros.dr_fill("physician") == data.DR_R_2025.shown() == "27 of 28 (96.4%)"
    assert "physician (reserved)" in data.DR_MATCH_2025.title
    # "Very few", "few": a fraction of the advanced places of the same table.
    assert 20 * data.DR_R_2025.offered < data.DR_PGY2_2025.offered


def test_no_guide_types_the_reserved_radiology_figures() -> None:
    shown = data.DR_R_2025.shown()
    typed = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "docs").rglob("*.md")
        if shown in path.read_text(encoding="utf-8") or f"{data.DR_R_2025.fill_pct:g}%" in path.read_text(encoding="utf-8")
    ]
    assert not typed, typed


def test_the_switching_list_names_medicares_funding_rule_with_its_sources() -> None:
    # The list named open places, performance, support, visa and honesty, never
    # the funding rule that the AMA and AAMC say limits a change (finding 2).
    section = _between(page_text("backup/bridges.md"), "## Switching specialty later", '!!! tip "The rule"')
    bullet = section[section.index("**Funding rules.**") :].split(" - **")[0]
    assert "first specialty" in bullet and "internal medicine" in bullet and "radiology" in bullet
    for source in (data.AMA_GME_SWITCHING, data.AAMC_MEDICARE_GME):
        assert source in data.SOURCES
        assert f"{source.publisher}, *" in bullet and source.year.split(",")[0] in bullet
    assert "read 2026" in bullet and all(s.year.endswith("read 2026") for s in (data.AMA_GME_SWITCHING, data.AAMC_MEDICARE_GME))
    assert "(bridges.md#switching-specialty-later)" in page_text("backup/playbook-radiology.md")


def _dr_band(applicant_type: str, score: int) -> str:
    inputs = {
        "specialty": "diagnostic-radiology",
        "applicant_type": applicant_type,
        "needs_visa": "false",
        "step2_score": score,
        "exam_failures": 0,
        "years_since_graduation": 2,
        "usce_months": 12,
        "recent_clinical_months": 12,
        "specialty_letters": 2,
        "research_items": 4,
        "away_rotations": 2,
    }
    return str(competitiveness.compute(inputs)["band"])


def test_the_playbooks_path_a_caution_names_both_points_for_a_non_us_reader() -> None:
    # "At one point" left out the top-quarter rule that holds a permanent
    # resident at dual apply from 250 up (finding 9).
    text = page_text("backup/playbook-radiology.md")
    said = text[text.index("The competitiveness check is more cautious than this list") :][:900]
    assert "US-citizen IMG" in said and "245–249" in said
    assert "permanent resident" in said and 'charting("Radiology-Diagnostic").step2_matched.q3' in said
    q3 = co(DR).step2_matched.q3
    assert isinstance(q3, int)
    assert _dr_band("us-img", 247) == "dual-apply" and _dr_band("us-img", 250) == "single-track"
    assert _dr_band("non-us-img", q3 - 1) == "dual-apply" and _dr_band("non-us-img", q3) == "single-track"


def test_the_bridges_page_says_of_switching_and_the_first_year_only_what_its_articles_say() -> None:
    # "Rare, particularly for IMGs" is the orthopaedics article's; the radiology
    # article does not single out IMGs, and the first year need not be a TY or
    # prelim one (finding 10).
    text = page_text("backup/bridges.md")
    assert "particularly for IMGs" not in text
    assert "rare, especially for IMGs, the orthopaedics article says" in text and "without singling out IMGs" in text
    assert "need a first clinical year before the advanced training starts, usually one of these two kinds" in text


def test_the_rank_simulator_page_says_a_match_it_shows_may_be_partial() -> None:
    # An advanced or standalone first-year program goes in as any other, and
    # the simulator reports its match as whole (radiology finding 11,
    # surgprelim finding 4).
    intro = page_text("calculators/rank-simulator.md").split('{{ calculator("rank_simulator") }}')[0]
    said = intro[intro.index("An advanced program, or a standalone preliminary or transitional one") :]
    assert "partial match" in said and '"none better" is judged by the order you typed' in said
    assert "(../apply/rank-order-list.md#advanced-positions-and-supplemental-lists)" in said
    result = rank_simulator.compute({"market": "Asha: DR-Adv > TY-Metro\nDR-Adv (1): Asha\nTY-Metro (1): Asha"})
    assert result["matching"] == {"Asha": "DR-Adv"} and "partial" not in result["summary"]
    assert "none better" in result["summary"]


def test_a_december_reader_with_only_advanced_interviews_is_told_to_apply_for_a_first_year() -> None:
    # The section covered advanced interviews that might not match, not a match
    # with no first year behind it (radiology finding 6).
    short = _between(page_text("apply/timeline.md"), "### Already applied, and short of interviews?", "#### If your first choice")
    bullet = short[short.index("**Advanced interviews but no first-year ones?**") :].split(" - **")[0]
    assert "partially matched" in bullet and "this week" in bullet and "supplemental lists" in bullet
    assert "transitional or preliminary" in bullet and "(NRMP, About Supplemental Rank Order Lists, read 2026)" in bullet


# --- Dermatology for a non-US IMG, audit s45 (dermnonus) ----------------------


LINKED_TO_VISA_HISTORY = (
    ("unmatched/soap-and-plan-b.md", "### Research positions", "### Clinical research coordinator"),
    ("backup/playbook-ultra-competitive.md", "## The anchor institution and the research year", "### What to produce"),
    ("unmatched/index.md", "| **Research year with clinical exposure** |", "| **Clinical support job"),
)


def test_a_j1_reader_is_warned_that_a_change_of_status_can_cost_ecfmg_sponsorship() -> None:
    # Two years on a research post, then "another research year" and "plan on
    # the J-1", and nothing said that ECFMG weighs the visa history behind it
    # (dermnonus audit s45, 1).
    import markdown

    visa = _between(page_text("assess/index.md"), "### Visa: J-1 or H-1B", "#### The H-1B payment")
    bullet = visa[visa.index("**Your visa history can cost you the J-1.**") :].split(" - **")[0]
    assert (
        "(ECFMG, Exchange Visitor Sponsorship Program: eligibility and basic requirements, page last updated 2016, read 2026;"
        in bullet
    )
    assert "another visa type or J category" in bullet and "ask ECFMG before you change status or take a new post" in bullet
    # The anchor the other pages link to sits on this bullet's own list item.
    lines = (ROOT / "docs" / "assess" / "index.md").read_text(encoding="utf-8").splitlines()
    at = lines.index("{ #visa-history }")
    assert lines[at - 1].startswith("- **Your visa history can cost you the J-1.**")
    shown = markdown.markdown("\n".join(lines[at - 2 : at + 1]), extensions=["attr_list"])
    assert re.search(r'<li id="visa-history"><strong>Your visa history', shown), shown
    sources = _between(page_text("assess/index.md"), "## Sources on this page", "- **US law**")
    assert "eligibility and basic requirements page, on your US visa history (last updated 2016, read 2026)" in sources
    for page, start, end in LINKED_TO_VISA_HISTORY:
        section = _between(page_text(page), start, end)
        assert "(../assess/index.md#visa-history)" in section and "ask ECFMG" in section, page


def test_the_ultra_competitive_playbook_tells_a_visa_reader_what_changes() -> None:
    # The radiology playbook had a box for a reader who needs a visa; the only
    # page for a dermatology hopeful had none (dermnonus audit s45, 2).
    text = page_text("backup/playbook-ultra-competitive.md")
    box = _between(text, '!!! note "If you need a visa"', "## The honest picture")
    for words in (
        "count only programs that sponsor the visa you need",
        "on a supplemental list or on its own",
        "non-US IMG figures below as your own group's",
        "count the visa against you in every field",
        "A research year needs a visa status that allows the work",
        "(../assess/index.md#visa-history)",
        "(../assess/index.md#visa)",
    ):
        assert words in box, words
    # "In every field": the check takes points off for a visa in the backups too.
    for slug in ("dermatology", "internal-medicine", "family-medicine"):
        scores = []
        for visa in ("false", "true"):
            inputs = {**DERM_NON_US_IMG, "specialty": slug, "needs_visa": visa}
            scores.append(competitiveness.compute(inputs)["score"])
        assert scores[1] < scores[0], slug


DERM_NON_US_CLAIMS = (
    # Matched figures suppressed, unmatched published, and the unmatched middle
    # score at or above the ultra-competitive article's competitive ballpark.
    Claim(
        "backup/playbook-ultra-competitive.md",
        "The figures for those who did not match are published",
        lambda: co("Dermatology").step2_matched.median is None and co("Dermatology").step2_unmatched.median is not None,
    ),
    Claim(
        "backup/playbook-ultra-competitive.md",
        "so a score in that range did not set an applicant apart",
        lambda: (
            median(co("Dermatology").step2_unmatched) >= competitiveness.ULTRA_STEP2_BALLPARK
            and (co("Dermatology").step2_unmatched.n or 0) >= 5
        ),
    ),
    # No fill figure for dermatology in either table we hold.
    Claim(
        "unmatched/soap-and-plan-b.md",
        "For dermatology we hold no fill figures at all",
        lambda: (
            data.specialty("dermatology").results_name is None
            and data.specialty("dermatology").acs_fill is None
            and not any("ermatolog" in name for name in data.pgy1_results())
        ),
    ),
)


@pytest.mark.parametrize("claim", DERM_NON_US_CLAIMS, ids=lambda claim: f"{claim.page}: {claim.words[:50]}")
def test_the_data_bear_out_the_dermnonus_words(claim: Claim) -> None:
    test_the_data_bear_out_what_the_site_says(claim)


def test_dermatologys_unmatched_step2_figures_are_quoted_through_the_macro() -> None:
    # The one published score figure for the group (dermnonus audit s45, 3).
    import jinja2

    import macros

    text = page_text("backup/playbook-ultra-competitive.md")
    bullet = text[text.index("- **Dermatology:**") :].split(" - **")[0]
    for figure in ("median", "q3", "n"):
        assert f'{{{{ charting("Dermatology").step2_unmatched.{figure} }}}}' in bullet, figure
    unmatched = co("Dermatology").step2_unmatched
    assert f" {unmatched.median:g} " not in bullet and f" {unmatched.q3:g} " not in bullet
    shown = _rendered_text(
        jinja2.Template(bullet).render(
            charting=macros.charting, img_match_rate=macros.img_match_rate, step2_matched=macros.step2_matched
        )
    )
    assert (
        f"half of them had {unmatched.median:g} or more and a quarter {unmatched.q3:g} or more (n = {unmatched.n}; NRMP" in shown
    )


def test_the_need_a_backup_guide_says_the_check_counts_only_rotations_as_programs_knowing_you() -> None:
    # The guide counted a research year as programs knowing you; the check
    # counts only rotations (dermnonus audit s45, 4).
    section = _between(page_text("assess/need-a-backup.md"), "### Ultra-competitive fields", "### Orthopaedic surgery")
    assert "for example from away rotations or a research year; the competitiveness check counts only US rotations" in section
    assert "not a research post there (our rule)" in section
    us_img = {
        **DERM_NON_US_IMG,
        "applicant_type": "us-img",
        "needs_visa": "false",
        "step2_score": 265,
        "years_since_graduation": 1,
        "usce_months": 6,
        "recent_clinical_months": 12,
        "specialty_letters": 3,
        "research_items": 12,
    }
    rotations = competitiveness.EXCEPTIONAL_ULTRA["away"]
    assert competitiveness.compute(us_img)["band"] != "single-track"
    assert competitiveness.compute({**us_img, "away_rotations": rotations})["band"] == "single-track"


def test_a_j1_reader_asks_ecfmg_before_ranking_a_standalone_preliminary_year() -> None:
    # Which specialty the Statement of Need names for such a year, and whether a
    # later move uses the one change, we could not confirm (dermnonus audit s45, 7).
    section = _between(page_text("apply/rank-order-list.md"), "### Standalone preliminary years", "??? example")
    said = section[section.index("On a J-1, ask ECFMG before you rank") :]
    assert "Statement of Need would name" in said and "one change of specialty" in said and "(../assess/index.md#visa)" in said


def test_the_timeline_guide_counts_ranks_as_match_odds_does() -> None:
    # "Each interview is a program you can rank" sent a surgery reader to count
    # preliminary interviews too, which the NRMP's figures leave out
    # (surgprelim audit s45, 3; recheck45 audit s45).
    said = page_text("apply/timeline.md")
    sentence = said[said.index("Enter that count as your ranks") :][:300]
    assert "categorical and advanced programs, not preliminary or transitional ones" in sentence
    assert "categorical and advanced programs, not " in match_odds.PRELIM_NOT_COUNTED


# --- An advanced match with a linked first year (anesadv audit s46) ------------
def test_the_visa_section_covers_an_advanced_match_with_a_linked_first_year() -> None:
    # Matched to advanced anesthesiology and a linked preliminary year, a J-1
    # or H-1B reader was told nothing of the second program's sponsorship, and
    # might ask for a statement naming the first year's field (anesadv audit s46, 1).
    import markdown

    visa = _between(page_text("assess/index.md"), "### Visa: J-1 or H-1B", "#### The H-1B payment")
    bullet = visa[visa.index("**An advanced match is two programs, and often two sponsors.**") :]
    assert "the second institution's Training Program Liaison starts a continuation of your ECFMG sponsorship" in bullet
    assert (
        "(ECFMG, Exchange Visitor Sponsorship Program: application checklists, and the Training Program Liaison's role, "
        "read 2026)" in bullet
    )
    assert "has to be replaced for the move (ECFMG, frequently asked questions for J-1 applicants, read 2026)" in bullet
    assert "On an H-1B, the advanced program's employer files a petition of its own." in bullet
    assert "to someone already in the US carries no payment" in bullet and "[the payment rule](#h-1b-payment)" in bullet
    assert "university international offices summarise it, 2025, read 2026; secondary copy)" in bullet
    # What no source settles is asked, never answered.
    asked = bullet[bullet.index("ask ECFMG, both programs and an immigration lawyer before you rank:") :]
    assert "which specialty your Statement of Need should name" in asked
    assert "whether moving from the first year into the advanced field uses your one change of specialty" in asked
    for answer in ("is not a change of specialty", "does not count as", "counts as your one change", "name the advanced"):
        assert answer not in bullet, answer
    # Its anchor sits on its own list item, as the visa history's does.
    lines = (ROOT / "docs" / "assess" / "index.md").read_text(encoding="utf-8").splitlines()
    at = lines.index("{ #visa-advanced }")
    assert lines[at - 1].startswith("- **An advanced match is two programs, and often two sponsors.**")
    shown = markdown.markdown("\n".join(lines[at - 2 : at + 1]), extensions=["attr_list"])
    assert '<li id="visa-advanced"><strong>An advanced match is two programs' in shown
    sources = _between(page_text("assess/index.md"), "## Sources on this page", "- **AAMC**")
    assert "its application checklists and its page on the Training Program Liaison's role" in sources
    assert "the H-1B rules on a change of employer" in sources
    assert {data.ECFMG_J1_CONTINUATION, data.H1B_CHANGE_OF_EMPLOYER} <= set(data.SOURCES)
    assert data.H1B_CHANGE_OF_EMPLOYER.secondary and "20 October 2025" in data.H1B_CHANGE_OF_EMPLOYER.title
    # Where a reader ranks advanced programs, and the FAQ's visa answer, point to it.
    pairs = _between(page_text("apply/rank-order-list.md"), "### How the NRMP pairs the two years", "??? example")
    assert "If you need a visa, an advanced program and its linked first year are two programs" in pairs
    assert "(../assess/index.md#visa-advanced)" in pairs
    faq = _between(page_text("faq.md"), "## J-1 or H-1B: which can I get?", "## Is Step 3 worth taking?")
    assert "(assess/index.md#visa-advanced)" in faq


@pytest.mark.parametrize(
    ("page", "start", "end"),
    [
        ("apply/rank-order-list.md", "## Advanced positions and supplemental lists", "The first year is done"),
        ("backup/bridges.md", "Fields that begin at PGY-2", "How many there were in 2025"),
        ("glossary.md", "**Advanced position**", "**AOA (two meanings)**"),
    ],
)
def test_anesthesiology_is_not_said_to_include_the_first_year_only_in_some_programs(page: str, start: str, end: str) -> None:
    # "Some programs in these fields include the first year instead" read as
    # if the categorical route were the exception in anesthesiology (anesadv audit s46, 2).
    said = _between(page_text(page), start, end)
    for words in ("though some programs in these fields", "Some programs in these fields include", "although some of their"):
        assert words not in said, words
    assert "in anesthesiology and neurology those are many" in said
    # No figure typed in: quoted through the macros, or not at all.
    assert not re.search(r"\b1,?805\b|\b932\b", said)


@pytest.mark.parametrize(
    ("page", "start"),
    [
        ("apply/rank-order-list.md", "You can match to an advanced program and **not**"),
        ("glossary.md", "**Supplemental rank order list**"),
    ],
)
def test_a_partial_match_is_told_the_nrmps_first_of_july_for_a_waiver(page: str, start: str) -> None:
    # The NRMP: with no preliminary position by 1 July of the Match year, the
    # applicant must ask it for a waiver of the advanced commitment (anesadv audit s46, 7).
    text = page_text(page)
    said = text[text.index(start) :][:900]
    assert "none by 1 July of the Match year, it is up to you to ask the NRMP for a waiver of" in said
    assert "(NRMP, About Supplemental Rank Order Lists," in said


def test_the_soap_page_says_of_a_partial_match_only_what_the_nrmp_says() -> None:
    # It said its sources did not say which positions a partially matched
    # applicant may seek, then told a dermatology applicant that SOAP "can
    # give a first year" (anesadv audit s46, 8).
    text = page_text("unmatched/soap-and-plan-b.md")
    item = _between(text, "The NRMP calls you *partially matched*", "2. Eligible applicants")
    assert (
        "must look for a qualifying first-year position in SOAP or after it, as the NRMP puts it (NRMP, About "
        "Supplemental Rank Order Lists, read 2026)" in item
    )
    assert "what it shows someone matched only to a first year, our sources do not say" in item
    doors = _between(text, "## Choosing SOAP positions that keep doors open", "| Position |")
    assert "SOAP can give a first year" not in doors
    assert "looks in SOAP for that year, as in anesthesiology, radiology or any other field with advanced positions" in doors


# --- twofails audit s46, 1, 5 and 6: exam attempts --------------------------------------
def test_a_reader_with_a_failure_is_told_programs_may_filter_on_attempts_before_paying() -> None:
    # Nothing said that programs state attempt limits and screen on them (twofails audit s46, 1).
    exams = _between(page_text("assess/index.md"), "### Step 1, Step 2 CK and exam attempts", "Three limits sit under")
    for words in (
        "not filtered out by exam failures or school",
        "Our advice, beyond what the articles say: with any failure on your record, read each program's own "
        "requirements for an attempt policy, such as a maximum number of attempts or first-attempt passes only, before "
        "you pay to apply there",
        "(../apply/index.md#segment-your-program-list)",
    ):
        assert words in exams, words
    apply = page_text("apply/index.md")
    (row,) = [line for line in apply.split(" | ") if line.startswith("Minimum Step 2 CK")]
    assert "any limit on exam attempts (a maximum number of attempts, or first-attempt passes only)" in row
    habit = _between(apply, "- **Filter before you pay.**", "- **Check policies at the source.**")
    for words in ("not filtered out by exam failures or school", "look for each program's attempt policy", "(our advice;"):
        assert words in habit, words


def test_the_weight_of_a_failure_is_what_the_articles_say_and_no_more() -> None:
    # "Matters as much as the score" and "among the most damaging things" had
    # no source (twofails audit s46, 5).
    exams = _between(page_text("assess/index.md"), "### Step 1, Step 2 CK and exam attempts", "Three limits sit under")
    glossary = page_text("glossary.md")
    entry = glossary[glossary.index("**Attempts** :") :].split(" **")[0]
    for text in (exams, entry):
        assert "as much as the score" not in text and "most damaging" not in text
        assert "often fatal" in text and "red flags" in text
    assert "without ranking one above the other" in exams


def test_an_attempt_is_every_sitting_as_the_usmle_counts_them() -> None:
    # "How many times you sat an exam before you passed it" left the pass out (twofails audit s46, 6).
    glossary = page_text("glossary.md")
    entry = glossary[glossary.index("**Attempts** :") :].split(" **")[0]
    assert entry.startswith("**Attempts** : Every sitting of an exam, the one you passed included")
    assert f"({data.USMLE_ATTEMPT_LIMIT.cite()})" in entry
    assert "A Step failed twice and then passed is three attempts" in entry
    assert 'The calculators ask only for the failed ones, under "Exam failures"' in entry
    assert "before you passed it" not in entry


def test_what_the_attempts_passages_report_is_in_the_articles() -> None:
    from test_data import article_text

    img, ultra = article_text(data.ARTICLE_IMG), article_text(data.ARTICLE_ULTRA)
    assert "Number of attempts or failures" in img and "One or more USMLE failures" in img
    assert "A first-attempt pass is crucial" in ultra
    assert "Any fail in Step 1 or Step 2 CK is often fatal in ultra-competitive specialties" in ultra
    assert "Dermatology: 60–100+ programs (if not filtered out by exam failures/school)" in ultra
    # The glossary names the field the calculators ask for failures in.
    from calculators.profile import EXAM_FAILURES

    assert EXAM_FAILURES.label == "Exam failures"


# --- A reader in a US first year: the year an advanced place leaves (pgy1res audit s46, 3) ---


def test_the_year_an_advanced_place_leaves_points_to_the_non_residency_plan_b_and_says_no_route_is_known() -> None:
    # "Unless you find one" named a remedy no source of ours gives and no page
    # linked to the site's own Plan B.
    plan_b = "(../unmatched/soap-and-plan-b.md#a-non-residency-plan-b)"
    assert "## A non-residency Plan B" in page_text("unmatched/soap-and-plan-b.md")
    playbook = _between(
        page_text("backup/playbook-radiology.md"), "### Transitional year or preliminary medicine", "### Family medicine"
    )
    bridges = _between(page_text("backup/bridges.md"), "### Its limits", "## Switching specialty later")
    for section in (playbook, bridges):
        said = section[section.index("An advanced position starts a year later") :][:600]
        assert "unless you find one" not in section
        assert "give no route to a training post for" in said and plan_b in said
    assert "If your position ends with this year" in bridges


def test_the_rank_order_list_has_a_worked_list_for_a_reader_already_in_a_us_first_year() -> None:
    ranks = page_text("apply/rank-order-list.md")
    example = _between(ranks, '??? example "Already in a US first year', "### Standalone preliminary years")
    for words in (
        "Diagnostic radiology (reserved)",
        "Anesthesiology (reserved)",
        "Diagnostic radiology (advanced)",
        "Internal medicine (categorical)",
        "**No supplemental list.**",
        # Ranking advanced above categorical IM chooses the year out.
        "if both would take this applicant they get North-1 and a year out of training before it",
        "only if you would truly take that year out for it",
        "(../unmatched/soap-and-plan-b.md#a-non-residency-plan-b)",
        # A categorical place restarts at PGY-1 unless credited.
        "start at PGY-1, so West or East would mean doing the first year again unless the program credits the year",
    ):
        assert words in example, words
    # After the list with a first year to link, before the standalone years.
    assert ranks.index('"Radiology first, internal medicine as a backup') < ranks.index(example)
    # No figure typed: the example has no digit outside its ranks and invented names.
    assert not re.search(r"\d", re.sub(r"\b\d\. |North-[R12]|South-1|Lake-R|PGY-[12]", "", example))


def test_the_program_list_worksheet_has_a_column_for_a_couples_partner() -> None:
    # A couple kept the worksheet's columns and had none for where the other
    # applied, though pairs form only there (couplesvisa audit s46, 3).
    worksheet = _between(page_text("apply/index.md"), "## Segment your program list", "A few habits keep the list honest")
    row = worksheet[worksheet.index("| Partner's programs there |") :].split(" | ", 2)[1]
    assert "pair only with one of theirs elsewhere or the No Match code" in row
    assert "(#applying-as-a-couple)" in row and "{ #applying-as-a-couple }" in page_text("apply/index.md")


def test_the_timeline_guide_says_how_a_step3_pass_after_submission_reaches_programs() -> None:
    # The guide asks for the pass by the rank-list deadline (h1bvisa audit s47, 1).
    guide = page_text("apply/timeline.md")
    said = guide[guide.index("- **If you will need a visa**") :][:2000]
    assert "A pass that comes after you submit reaches programs in the USMLE transcript ERAS sends them" in said
    assert "(AAMC, MyERAS applicant user guide, documents and transcripts, read 2026)" in said
    assert "MyERAS applicant user guide, documents and transcripts" in data.ERAS_DOCUMENTS.title


def test_a_reader_hoping_for_an_h1b_is_given_its_questions_and_routes_where_a_j1_reader_is() -> None:
    # The worksheet, the interview checklist and SOAP's preparation asked the
    # J-1's questions only; the research lanes after a no-match weighed only
    # the J-1; the home page did not link the visa question (h1bvisa audit s47, 3, 4, 8, 10).
    worksheet = page_text("apply/index.md")
    assert "| Visa policy | J-1, H-1B, both or neither;" in worksheet
    assert "whether it files new petitions for applicants abroad this season, by what date it needs your Step 3 pass" in worksheet
    assert "if you hope for an H-1B, whether it will file one for you this season" in page_text("apply/interviews.md")
    soap = page_text("unmatched/soap-and-plan-b.md")
    assert "For an H-1B, have your Step 3 pass in hand and ask which programs will file a new petition" in soap
    for page in (soap, page_text("unmatched/index.md")):
        assert "On an H-1B, a research post's years count toward its six" in page
        assert "(../assess/index.md#h-1b-payment)" in page
    assert "[J-1 or H-1B visa](assess/index.md#visa)" in page_text("index.md")


def test_no_page_compares_how_many_programs_sponsor_each_visa_without_a_source() -> None:
    # "Fewer do" and "many programs sponsor no visa" had no source; the IMG
    # article says only that H-1B sponsorship is rare in some specialties
    # (h1bvisa audit s47, 5).
    from test_data import article_text

    assert "In some specialties, H-1B sponsorship is rare" in " ".join(article_text(data.ARTICLE_IMG).split())
    for page in ("assess/index.md", "glossary.md", "unmatched/soap-and-plan-b.md", "faq.md"):
        text = page_text(page)
        for unsourced in ("but fewer do", "fewer than sponsor the J-1", "fewer programs sponsor the H-1B"):
            assert unsourced not in text, (page, unsourced)
    for module in ("calculators/competitiveness.py", "calculators/profile.py"):
        assert "Many programs sponsor no visa" not in page_text(module)


# --- reapplypsych audit s49 ------------------------------------------------------------
def test_under_the_lane_table_a_reader_soap_did_not_place_finds_the_routes_to_a_first_year() -> None:
    # The table offered a preliminary year only to a reader who already had
    # one (reapplypsych audit s49, 1); the routes and their dates come from
    # the season's data through the macro, and the comparison through results().
    text = page_text("unmatched/index.md")
    lanes = _between(text, "## Pick a path for the next 12–18 months", "### Which season do you reapply in?")
    after_table = lanes[lanes.index("| **Dedicated reapplication year** |") :]
    note = _between(
        after_table,
        "**If SOAP did not place you and you want a preliminary or transitional year.**",
        "**Does a surgical intern year help",
    )
    assert "{{ cycle_first_year_routes() }}" in note
    # No day typed: the macro gives each one from the season's data.
    assert not re.search(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b", note)
    assert (
        "- A preliminary medicine or transitional year is not an easier door than a place in family medicine. In "
        '2025 the Match filled {{ results("Medicine-Preliminary").fill_rate_pct }}' in note
    )
    fm = data.pgy1_results()["Family Medicine"].fill_rate_pct
    assert all(data.pgy1_results()[row].fill_rate_pct >= fm for row in ("Medicine-Preliminary", "Transitional Year"))
    # Preliminary surgery, which the figures make the more open, is named as the exception (diffreview49 audit s49, 4).
    assert 'Preliminary surgery is the exception, with only {{ results("Surgery-Preliminary").fill_rate_pct }}' in note
    assert data.pgy1_results()["Surgery-Preliminary"].fill_rate_pct < fm
    assert "(../backup/bridges.md#choosing-between-a-bridge-and-a-categorical-backup)" in note
    assert "## Choosing between a bridge and a categorical backup" in page_text("backup/bridges.md")


@pytest.mark.parametrize(
    ("built", "first_items"),
    [
        # Under way, late: the Match, its List of Unfilled Programs, a place
        # from it, the next Match and what it does to a categorical reader.
        (
            "2027-01-10",
            [
                "The Match 2027 is under way",
                "If neither the Match 2027 nor its SOAP places you",
                "A place from the Match 2027 starts on 1 July 2027",
                "A first year from the Match 2028",
                "If the field you are aiming at takes residents from the first year",
            ],
        ),
        # Between seasons: the next Match alone, then the categorical reader.
        ("2027-06-15", ["A first year from the Match 2028", "If the field you are aiming at takes residents"]),
    ],
)
def test_the_routes_to_a_first_year_after_soap_are_a_list_a_reader_can_scan(
    monkeypatch: pytest.MonkeyPatch, built: str, first_items: list[str]
) -> None:
    # One paragraph of some 370 words ran the routes, their dates and their
    # sources together (diffreview49 audit s49, 12): a short lead, then an
    # item for each route and each point, the page's own items after the
    # macro's.
    import jinja2
    import markdown

    import macros

    pin_build_date(monkeypatch, built)
    source = (ROOT / "docs" / "unmatched" / "index.md").read_text(encoding="utf-8")
    start = source.index("**If SOAP did not place you and you want a preliminary or transitional year.**")
    section = source[start : source.index("**Does a surgical intern year help", start)]
    shown = markdown.markdown(
        jinja2.Template(section).render(
            {name: getattr(macros, name) for name in dir(macros) if name.startswith("cycle_")}, results=macros.results
        ),
        extensions=["attr_list"],
    )
    lead, rest = shown.split("</p>", 1)
    assert lead.startswith('<p id="no-first-year-after-soap"><strong>If SOAP did not place you')
    when = cycle.long_date(dt.date.fromisoformat(built))
    assert lead.endswith(f"If you do not, here is where you stand as of {when}, when this page was built:")
    assert rest.strip().startswith("<ul>") and rest.strip().endswith("</ul>"), rest
    items = [" ".join(unescape(re.sub(r"<[^>]+>", "", item)).split()) for item in re.findall(r"<li>(.*?)</li>", rest, re.S)]
    page_items = ["A preliminary medicine or transitional year is not", "Preliminary surgery is the exception", "Bridges"]
    assert len(items) == len(first_items) + len(page_items), items
    for item, opening in zip(items, first_items + page_items, strict=True):
        assert item.startswith(opening), (item, opening)
    # "By the same date" stays beside the deadline it means.
    if built == "2027-01-10":
        assert "close by 17 February 2027" in items[0] and "by the same date" in items[0]
    assert max(len(block.split()) for block in [re.sub(r"<[^>]+>", "", lead), *items]) < 100


def test_the_lane_decision_gives_the_one_study_of_a_clinical_against_a_research_year_with_its_limits() -> None:
    # The study sat on the mid-season page only (reapplypsych audit s49, 7):
    # the same figures and source as there, with what it cannot say.
    text = page_text("unmatched/index.md")
    lanes = _between(text, "## Pick a path for the next 12–18 months", "### Which season do you reapply in?")
    study = _between(
        lanes, "**Does a surgical intern year help a second try more than a research year?**", "These lanes are not exclusive"
    )
    timeline = page_text("apply/timeline.md")
    quoted = (
        "those who spent the year as surgical interns rematched somewhat more often than those who did research (64% "
        "against 52%), a gap the study could not tell from chance, and 58% of all of them matched the second time "
        "(Kheir and colleagues, JBJS Open Access, 2020, surveying 2016 to 2019; a small, self-reported study)"
    )
    assert quoted in study and quoted in timeline
    assert (
        "It counts orthopaedic applicants only, and we hold no such figure for psychiatry, primary care or any other field"
        in study
    )
    assert "**Kheir and colleagues**, JBJS Open Access (2020; survey of 2016–2019 applicants)" in _between(
        text + " END", "## Sources on this page", " END"
    )
    assert data.ORTHO_REAPPLICANTS in data.SOURCES


USCE_START_ANCHOR = "starting-with-no-us-clinical-experience"


def _usce_start_section() -> str:
    text = page_text("apply/timeline.md")
    return _between(text, f"## Starting with no US clinical experience {{ #{USCE_START_ANCHOR} }}", "## 18 to 12 months before")


def test_a_graduate_with_no_us_experience_is_sent_to_one_section_from_where_they_look() -> None:
    # A graduate was told to book electives and ask a dean's office, and the
    # only how-to was three sentences on the SOAP page (oldgrad audit s52, 3).
    section = _usce_start_section()
    assert 400 <= len(section.split()) <= 650, len(section.split())
    for heading in ("### What a graduate can arrange", "### Work back from the day you submit", "### Visa status", "### Cost"):
        assert heading in section, heading
    link = f"(../apply/timeline.md#{USCE_START_ANCHOR})"
    assert link in _between(page_text("assess/index.md"), "### US clinical experience (USCE)", "### Letters of recommendation")
    plan_b = page_text("unmatched/soap-and-plan-b.md")
    assert link in _between(plan_b, "### More US clinical experience", "### Degrees")
    timeline = page_text("apply/timeline.md")
    for student_step in ("- **Book rotations.**", "- **Ask your dean's office or academic adviser**"):
        step = timeline[timeline.index(student_step) :].split(" - **")[0]
        assert "graduate" in step, student_step
    # Electives are named only as closed to a graduate, never as the advice.
    assert "electives and away rotations are for medical students" in section
    assert section.count("elective") == 1


def test_the_usce_section_gives_the_article_clock_and_keeps_our_judgments_ours() -> None:
    # The IMG article's clock and letter example; the season-later advice and
    # the externship visa question said to be ours (oldgrad audit s52, 3 and 4).
    section = _usce_start_section()
    for words in (
        "The IMG article plans US clinical experience 6–18 months before you apply",
        "at least 2 letters in your first choice, and 2 in your backup if you can, secured 3–6 months before ERAS opens",
        "2 letters from psychiatrists and 2 from family medicine or internal medicine physicians",
        "it may be wiser to apply a season later",
        "That is our judgment, not the articles'.",
        "Our sources do not say which status a hands-on externship needs. Our advice: ask the host",
    ):
        assert words in section, words
    # The check's hands-on line is quoted as the check holds it, and as ours.
    line = f"clears that flag only with {competitiveness.USCE_MINIMAL_BELOW} or more months that were not observership"
    assert f"{line}: that line is ours, not the article's" in section
    # The dated timeline's step the section answers still goes by that name.
    assert '"Plan US clinical experience"' in section
    assert "Plan US clinical experience" in {step.title for step in timeline.STEPS}
    # No fee figure: neither the reference data nor our sources hold one.
    assert "$" not in section and "dollar" not in section
    sources = _between(page_text("apply/timeline.md") + " END", "## Sources on this page", " END")
    for source in ("**UT Health San Antonio, Office of International Services**", "**Illinois State Medical Society**"):
        assert source in sources, source
    assert "**Residency Advisor**, on externships for international medical graduates (read 2026" in sources


# A couple's questions the guides left to one applicant's answer (couples audit s54).
def late_registration_closes_with_the_rank_lists() -> bool:
    """The NRMP's last day to register is the rank-list deadline, in every season the guides can name."""
    return all(
        cycle.season(year)["late_registration_ends"].date == cycle.season(year)["rank_deadline"].date
        for year in (2026, 2027, 2028)
    )


COUPLES_54_CLAIMS = (
    Claim(
        "apply/rank-order-list.md",
        "The NRMP takes registrations, with its late fee, until the rank-list deadline, the day your lists must be certified",
        late_registration_closes_with_the_rank_lists,
    ),
    Claim(
        "apply/rank-order-list.md",
        'The newest figure we hold for the late fee is {{ fee("NRMP late registration") }}, so check the current one.',
        late_fee_after_30_november,
    ),
)


@pytest.mark.parametrize("claim", COUPLES_54_CLAIMS, ids=lambda claim: f"{claim.page}: {claim.words[:50]}")
def test_the_data_bear_out_what_a_couple_deciding_to_stay_in_reads(claim: Claim) -> None:
    test_the_data_bear_out_what_the_site_says(claim)


def test_how_few_is_few_counts_only_a_couples_pairable_interviews() -> None:
    # A couple's partner read "at or above the median, widening is a choice"
    # for interviews that may pair with none of the other's (couples audit s54, 1).
    paragraph = _between(page_text("apply/timeline.md"), "**How few is few?", "- **In an advanced field")
    couple = "As a couple, count only the interviews that can pair with one of your partner's"
    assert couple in paragraph
    said = paragraph[paragraph.index(couple) :]
    assert "same city or within commuting distance" in said[:200] and "(our reading" in said[:250]
    # Said before the count is carried to match odds, so "that count" is the pairable one.
    assert paragraph.index(couple) < paragraph.index("Enter that count as your ranks")


def _stay_in_or_wait() -> str:
    return _between(
        page_text("apply/rank-order-list.md"),
        "### Already in this Match as a couple: stay in or wait? { #stay-in-or-wait }",
        "## Before you certify",
    )


def test_a_couple_already_in_the_match_reads_the_facts_for_staying_in_or_waiting() -> None:
    # No page weighed "couple in this Match, or wait for the next?" (couples audit s54, 3).
    section = _stay_in_or_wait()
    # The date comes from the cycle table through its macro, never typed.
    assert "stay in or wait? { #stay-in-or-wait } You applied this season" in section
    assert "{{ cycle_registration_day() }}" in section
    assert "2027" not in section
    for fact in (
        # Its lead by the build date (soap audit s55, 5).
        "- {{ cycle_registration_lead() }} The NRMP takes registrations",
        "**Coupling adds a fee for each of you.**",
        "neither fee is refunded if you uncouple later. Its amount is in the first point of [ranking as a couple](#ranking-as-a-couple)",
        "Any two applicants in the same Match can couple (NRMP, Couples in the Match, read 2026)",
        "**Waiting costs each of you a year.**",
        "(../unmatched/index.md#which-season-do-you-reapply-in)",
        "If one of you withdraws, you must uncouple first ([applying as a couple](index.md#applying-as-a-couple))",
    ):
        assert fact in section, fact
    # The weighing is ours, and what no source covers is said.
    assert "How to weigh these is our reading, not a rule from any source." in section
    assert "Our sources do not cover how programs view an applicant who withdrew from a Match." in section
    from calculators import profile

    assert f"**{profile.PREVIOUSLY_UNMATCHED.label}**" in section
    # Both anchors the section links to exist where it says.
    assert "### Which season do you reapply in?" in page_text("unmatched/index.md")
    assert "**To leave the Match, uncouple first.**" in page_text("apply/index.md")


def test_the_faq_answers_a_couples_odds_and_points_to_stay_in_or_wait() -> None:
    # The couple's main question had no direct answer (couples audit s54, 6).
    faq = _between(page_text("faq.md"), "## We want to match as a couple.", "## Is what I type")
    assert "No figure on this site is a couple's chance: our data hold no NRMP figures on couples" in faq
    assert "every chance the calculators give is for one applicant" in faq
    assert "In our reading, ranking in pairs usually leaves each of you fewer ways to match" in faq
    assert "(apply/rank-order-list.md#stay-in-or-wait)" in faq
    limits = _between(page_text("data-and-sources.md"), "## The limits of the data", "## Rules of thumb")
    assert "**No figures on couples.** Our data hold no NRMP figures on couples" in limits
    # True of the data: no table we hold has a couples row or column.
    for path in (ROOT / "calculators" / "figures").glob("*.tsv"):
        lines = path.read_text(encoding="utf-8").lower().splitlines()
        assert not any("couple" in line and "fee" not in line for line in lines), path.name


def test_a_couple_where_neither_placed_may_couple_again_and_alone_is_said_as_ours() -> None:
    # Nothing covered both partners unmatched, and "You reapply next season on
    # your own" stood as the NRMP's rule (couples audit s54, 4).
    season = _between(page_text("unmatched/index.md"), "### Which season do you reapply in?", "### Fix the exact weakness")
    assert "You reapply next season on your own" not in season
    partial = season[season.index("If you matched as a couple and only your partner placed.") :][:600]
    assert (
        "Our reading: your partner will be in training by then, so you will most likely apply next season on your own." in partial
    )
    assert "**If you matched as a couple and neither of you placed.**" in season
    neither = season[season.index("If you matched as a couple and neither of you placed.") :][:1000]
    assert "You can couple again" in neither and "(NRMP, Couples in the Match, read 2026)" in neither
    from calculators import profile

    assert f"**{profile.PREVIOUSLY_UNMATCHED.label}**" in neither
    assert "(../calculators/program-counts.md)" in neither and "(our reading)" in neither
    # Next to the partial case, as the audit asked.
    assert season.index("neither of you placed") > season.index("only your partner placed")


def test_the_pair_rule_lead_says_the_no_match_exception() -> None:
    # "You match as a pair or not at all" read as "together or nothing" to a
    # reader skimming the bold leads (couples audit s54, 9).
    ranking = _between(page_text("apply/rank-order-list.md"), "## Ranking as a couple", "## Before you certify")
    assert "pair or not at all" not in ranking
    assert "- **You match as a pair, unless you write a No Match line.**" in ranking


def test_couples_sources_carry_a_date_or_say_they_have_none() -> None:
    # "NRMP's older couples page" and Level Medicine were given with no year
    # (couples audit s54, 10).
    for page in ("apply/index.md", "apply/rank-order-list.md", "data-and-sources.md"):
        text = page_text(page)
        assert "older couples page" not in text and "older rule" not in text, page
    apply = _between(page_text("apply/index.md"), "## Applying as a couple", "## What to do this week")
    assert "an NRMP rule quoted, undated, by the University of Oklahoma College of Medicine (read 2026)" in apply
    assert "We could not confirm them on the NRMP's current couples page" in apply
    assert "**Level Medicine**, Couples Match (undated, read 2026; secondary)" in page_text("apply/rank-order-list.md")
    assert "**Level Medicine**, Couples Match (undated, read 2026; secondary)" in page_text("data-and-sources.md")
    assert "an earlier NRMP couples page, undated (read 2026)" in page_text("apply/rank-order-list.md")


def test_a_couple_who_submitted_unmarked_is_told_what_our_sources_support() -> None:
    # "The ERAS application lets you mark yourself" came too late for a couple
    # who had submitted in September (couples audit s54, 12).  Whether the mark
    # can still be added no source of ours says, so the page sends the question
    # on, and gives the secondary guide's advice as that guide's.
    apply = _between(page_text("apply/index.md"), "## Applying as a couple", "## What to do this week")
    assert "Already submitted without the mark?" in apply
    assert "Already submitted without the mark? Ask the AAMC's ERAS support whether you can add it (our advice)." in apply
    assert "our sources do not say whether the couples mark is one of them." in apply
    assert "(Inside the Match, Navigating Couples Match Interviews, read 2026; secondary, not an NRMP rule)" in apply
    sources = _between(page_text("apply/index.md") + " END", "## Sources on this page", " END")
    assert "**Inside the Match**, Navigating Couples Match Interviews (read 2026; secondary)" in sources


# --- aiminghigh audit s54: a preliminary surgery year beside orthopaedics -----------------
# The rank-list guide's test, in the one wording every page uses for it (aiminghigh audit s54, 8).
RANK_TEST = "than go unmatched, try SOAP, and possibly spend a year outside residency"
TYPED_MONTH = r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"


def _long_sentences(text: str, most: int = 30) -> list[str]:
    """The sentences of a page's Markdown over ``most`` words, a macro counted
    as one word, link targets and brackets (citations) left out."""
    plain = re.sub(r"\{\{.*?\}\}", "X", text)
    plain = re.sub(r"\]\([^)]*\)", "]", plain)
    plain = re.sub(r"\([^()]*\)", "", plain)
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z*\[])", plain) if len(s.split()) > most]


def test_the_ortho_playbook_answers_whether_a_preliminary_year_is_a_backup() -> None:
    # No page said whether a preliminary year is a real backup or a trap, and
    # the backup table left it out (aiminghigh audit s54, 2).
    text = page_text("backup/playbook-orthopaedics.md")
    section = _between(text, "### Is a preliminary surgery year a backup?", "### The NRMP picture for each backup")
    assert "**Our answer: on its own, no. A preliminary year is a bridge, not a backup.**" in section
    # Each article credited with what it says: the ultra-competitive one pairs
    # the year with a categorical field, the radiology one speaks of a
    # transitional or preliminary medicine year.
    for words in (
        "The ultra-competitive article pairs preliminary surgery with a categorical field, general surgery or PM&R.",
        "adds only a few preliminary places to 20–40 categorical general surgery programs",
        "The IMG article counts such a year as a possible temporary Plan B, and warns that it does not lead on to a categorical place by itself.",
        "The radiology article, writing of a transitional or preliminary medicine year, calls it a backup strategy",
    ):
        assert words in section, words
    assert '{{ article_sources("ortho", "ultra", "img", "radiology") }}' in text
    # The last useful day from the season's data, never typed.
    assert "add a categorical field before the last useful day. {{ cycle_last_useful_day() }}" in section
    assert not re.search(TYPED_MONTH, section)
    assert "(../apply/timeline.md#if-your-first-choice-is-surgical)" in section
    assert not _long_sentences(section), _long_sentences(section)
    # A reader whose applications are out is pointed to it from the top.
    note = _between(text, '!!! note "Applications already out?"', '!!! note "Where the rules of thumb come from"')
    assert "(#is-a-preliminary-surgery-year-a-backup)" in note
    # The table holds the year, its figures from the data with their source.
    raw = (ROOT / "docs" / "backup" / "playbook-orthopaedics.md").read_text(encoding="utf-8")
    row = next(line for line in raw.splitlines() if line.startswith("| Preliminary surgery"))
    for words in (
        "a bridge, not a backup",
        '{{ results("Surgery-Preliminary").fill_rate_pct }}',
        '{{ results("Surgery-Preliminary").us_img_pct_of_offered }}',
        "(NRMP *Results and Data* 2025, secondary tabulation)",
    ):
        assert words in row, words
    assert "The preliminary surgery row is our summary of the ultra-competitive and IMG articles" in text


@pytest.mark.parametrize(
    ("built", "said"),
    [("2026-12-07", "can no longer be added this season"), ("2027-04-10", "only until 22 September 2027")],
)
def test_the_ortho_playbook_offers_emergency_medicine_with_residencycas_and_its_state(
    monkeypatch: pytest.MonkeyPatch, built: str, said: str
) -> None:
    # The playbook offered emergency medicine with its match rate and never
    # named ResidencyCAS, closed by December (aiminghigh audit s54, 5).
    import jinja2

    import macros

    raw = (ROOT / "docs" / "backup" / "playbook-orthopaedics.md").read_text(encoding="utf-8")
    row = next(line for line in raw.splitlines() if line.startswith("| Emergency medicine |"))
    assert "Applies through ResidencyCAS, not ERAS" in row and "(#emergency-medicine-applies-through-residencycas)" in row
    assert "- **Emergency medicine** (through ResidencyCAS):" in raw
    pin_build_date(monkeypatch, built)
    start = raw.index("**Emergency medicine applies through ResidencyCAS**")
    paragraph = raw[start : raw.index("\n", start)]
    shown = _rendered_text(jinja2.Template(paragraph).render(cycle_residencycas=macros.cycle_residencycas))
    assert said in shown, shown


def test_the_timeline_weighs_a_preliminary_year_as_a_bridge_by_the_rank_list_guides_test() -> None:
    # It ranked a preliminary year by "rather spend next year as a surgical
    # intern than go unmatched", leaving out the SOAP the rank-list guide
    # names (aiminghigh audit s54, 8); it gave no answer on backup or bridge
    # (2); its first sentence ran to 70 words (13).
    surgical = _between(page_text("apply/timeline.md"), "- **Weigh a preliminary surgery year this week.**", "Which year helps")
    guide = page_text("apply/rank-order-list.md")
    assert f"Would I rather train here {RANK_TEST}?" in guide
    assert f"Rank one only if it passes the test above: you would rather train there {RANK_TEST}." in guide
    assert f"Rank a preliminary program only if you would rather train there {RANK_TEST}." in surgical
    assert "surgical intern than go unmatched" not in surgical
    # What a match to the year alone leaves in SOAP, and what our sources do not say.
    assert "Unmatched and eligible for SOAP, you could apply to categorical places there" in surgical
    assert "Whether a preliminary match leaves you any of those, our sources do not say: ask the NRMP" in surgical
    assert "Whether those include categorical places, our sources do not say" in guide
    assert "**On its own, a preliminary year is a bridge, not a backup** (our reading)." in surgical
    assert "add a categorical field too, before the last useful day. {{ cycle_last_useful_day(short=True) }}" in surgical
    assert not re.search(TYPED_MONTH, surgical.split("{{ cycle_last_useful_day() }}")[0])
    assert not _long_sentences(surgical), _long_sentences(surgical)


def test_dual_applying_gives_the_last_useful_day_where_it_compares_erass_dates() -> None:
    # It said an ERAS application can lead to an interview "until the rank
    # lists close", where every other page gives the last useful day
    # (aiminghigh audit s54, 6).
    item = _between(page_text("apply/index.md"), "- its own dates, letters and signals", "The NRMP Match is the same")
    assert "until the rank lists close." not in item and "whereas" not in item
    # "A few weeks" let a reader wait past the last useful day (guides audit s55, 1).
    assert "helps only until {{ cycle_last_useful_lead() }} before the rank lists close. {{ cycle_last_useful_day() }}" in item
    assert "{{ cycle_residencycas() }}" in item and "24 September" not in item
    assert not _long_sentences(item), _long_sentences(item)


def test_bridges_says_why_preliminary_surgery_places_stay_open_and_that_open_is_not_safe() -> None:
    # "Only 56.4% filled, many still open" could read as "safe" (aiminghigh
    # audit s54, 9); the reason is ours, as the NRMP gives none.
    said = _between(page_text("backup/bridges.md"), "A position not filled in the Match", "### How a bridge year helps")
    assert "The NRMP does not say why so many stay empty. Our reading: it is a year of surgery that leads to no" in said
    assert "A place left open is a one-year bridge, not a safe plan." in said
    assert not _long_sentences(said), _long_sentences(said)


# --- soap audit s55: a reader living through Match Week --------------------------------------
HOUR = r"\d{1,2}:\d\d [ap]\.m\. ET"


def _match_week_steps() -> str:
    return _between(
        page_text("unmatched/soap-and-plan-b.md"),
        "### Match Week, step by step { #match-week-step-by-step }",
        '!!! warning "Eligibility, dates and rules change',
    )


def test_the_soap_page_sets_out_match_week_step_by_step_for_an_eligible_applicant() -> None:
    # An eligible applicant got less timing than an ineligible one, and "The
    # NRMP's calendar gives the hour of each step" was all (soap audit s55, 1).
    steps = _match_week_steps()
    for row in (
        "| **Monday:** Match Week begins |",
        "| **From Monday until SOAP ends** |",
        "| **The offer rounds, before SOAP ends** |",
        "| **Thursday:** SOAP ends |",
        "| **Friday:** Match Day |",
    ):
        assert row in steps, row
    monday = _between(steps, "| **Monday:**", "| **From Monday")
    for words in ("whether you are eligible for SOAP", "List of Unfilled Programs", "45 through ERAS", "ResidencyCAS"):
        assert words in monday, words
    # The dates from the cycle macros, never typed.
    for key in ("match_week", "soap_ends", "match_day"):
        assert f'cycle_date("{key}", on=True, cited=False)' in steps
    assert '{{ cycle_cited("match_week", "soap_ends", "match_day") }}' in steps
    # Each hour is one a source in cycle_dates.tsv states, given with that source and its year.
    hours = re.findall(HOUR, steps)
    assert hours == ["10:00 a.m. ET", "5:00 p.m. ET", "1:00 p.m. ET"], hours
    assert "In 2026 this came at 10:00 a.m. ET (NRMP news release on Match Week 2026, 9 March 2026)" in steps
    assert "In 2026 SOAP ended at 5:00 p.m. ET (NRMP, 2026 Main Residency Match calendar, Main Match Events page)" in steps
    assert "In 2026 they came out in R3 at 1:00 p.m. ET (same 2026 calendar)" in steps
    sources = {row.source for row in data.cycle_dates() if row.match_year == 2026}
    assert "NRMP news release on Match Week 2026 (9 March 2026)" in sources
    assert "NRMP, 2026 Main Residency Match calendar (Main Match Events page)" in sources
    # The rounds' own hours are left to the year's calendar.
    assert "The NRMP's calendar for your year gives that year's hours, and the hours of each offer round." in steps
    # Short sentences, cell by cell.
    long = [sentence for cell in steps.split("|") for sentence in _long_sentences(cell)]
    assert not long, long


def _latest_nrmp_calendar() -> int:
    """The latest Match whose NRMP dates cycle_dates.tsv holds, from the NRMP
    or a copy of its calendar."""
    return max(row.match_year for row in data.cycle_dates() if "NRMP" in row.source)


def test_every_match_week_hour_on_the_soap_page_is_labelled_with_the_latest_nrmp_calendar_we_hold() -> None:
    # The table labelled each hour "In 2026", while 20 lines below the
    # ineligible applicant's 11:00 a.m. and 8:00 a.m. stood as fixed, and
    # "the latest NRMP calendar we hold" was typed with no test behind it
    # (diff review s55b, 6).
    latest = _latest_nrmp_calendar()
    steps = _match_week_steps()
    assert f"Its hours are those of the {latest} Match, the latest NRMP calendar we hold." in steps
    assert re.findall(r"In (20\d\d)", steps) == [str(latest)] * 3
    page = page_text("unmatched/soap-and-plan-b.md")
    ineligible = _between(page, "### If you are not eligible for SOAP", "### If you matched as a couple")
    assert re.findall(HOUR, ineligible) == ["11:00 a.m. ET", "8:00 a.m. ET"]
    # Each hour after the year it was seen in, and the reader sent to the year's own calendar.
    assert f"In {latest} it took them from 11:00 a.m. ET on Monday and sent them on from 8:00 a.m. ET on Tuesday." in ineligible
    assert "must also wait until that hour on Tuesday. The NRMP's calendar for your year gives that year's hours." in ineligible
    # Every hour on the page is in one of those two places.
    assert len(re.findall(HOUR, page)) == len(re.findall(HOUR, steps)) + 2


@pytest.mark.parametrize(
    ("built", "until"), [("2026-12-07", "1 May 2027"), ("2027-03-18", "1 May 2027"), ("2027-03-20", "1 May 2028")]
)
def test_the_soap_pages_thursday_row_dates_the_list_of_unfilled_programs_from_the_cycle(
    monkeypatch: pytest.MonkeyPatch, built: str, until: str
) -> None:
    # "1 May" was typed in the Thursday row (diff review s55b, 6); it is the
    # page's season's, as the table's other dates are.
    pin_build_date(monkeypatch, built)
    assert "{{ cycle_unfilled_list_until() }}" in _between(_match_week_steps(), "| **Thursday:**", "| **Friday:**")
    shown = _render_lines("unmatched/soap-and-plan-b.md", "| **Thursday:** SOAP ends", section=False)
    year = cycle.coming_season(dt.date.fromisoformat(built))
    assert cycle.long_date(cycle.unfilled_list_until(year)) == until
    assert f"The NRMP keeps its List of Unfilled Programs in R3 until {until} (NRMP, After the Match, read 2026)." in shown


def test_the_soap_page_says_plainly_that_an_offer_not_accepted_in_its_round_is_gone() -> None:
    # The one warning was hedged, under couples: "an offer may have to be
    # answered within the round it arrives in" (soap audit s55, 1).  The
    # FAQ the page cites: "Each SOAP round lasts two hours, during which
    # applicants can accept or reject any offers they receive."
    page = page_text("unmatched/soap-and-plan-b.md")
    outline = _between(page, "## SOAP in plain words", "{{ cycle_soap_page_note() }}")
    assert (
        "**An offer lasts only for its round.** You accept or reject it during the round it comes in, and an offer you "
        "have not accepted when that round ends is gone." in outline
    )
    assert "each round lasted two hours" in outline
    # Cited from the data, where the page typed it three times (diff review s55b, 6).
    assert '({{ cited("nrmp-soap-faq", bare=True) }}; University of Oklahoma' in outline
    assert data.NRMP_SOAP_FAQ.cite() == "NRMP, SOAP frequently asked questions for applicants, older edition; secondary copy"
    assert page.count('cited("nrmp-soap-faq"') == 3 and "frequently asked questions for applicants, older" not in page
    rounds = _between(_match_week_steps(), "| **The offer rounds", "| **Thursday:**")
    assert "when that round ends, an offer you have not accepted is gone" in rounds
    assert "may have to be answered" not in page
    assert "the two hours a round lasted in that edition" in page


@pytest.mark.parametrize(
    ("built", "said"),
    [
        (
            "2026-12-07",
            "Match Week starts around 15 March 2027, SOAP ends around 18 March 2027 and Match Day is around 19 March 2027",
        ),
        (
            "2027-03-16",
            "Match Week started around 15 March 2027, SOAP ends around 18 March 2027 and Match Day is around 19 March 2027",
        ),
        (
            "2027-03-20",
            "Match Week starts around 13 March 2028, SOAP ends around 16 March 2028 and Match Day is around 17 March 2028",
        ),
    ],
)
def test_the_step_by_step_dates_are_the_seasons_in_the_tense_of_the_build(
    monkeypatch: pytest.MonkeyPatch, built: str, said: str
) -> None:
    pin_build_date(monkeypatch, built)
    shown = _render_lines("unmatched/soap-and-plan-b.md", "### Match Week, step by step")
    assert said in shown, shown
    assert "(Match 20" in shown and ": all estimated by rule; the published dates are not in our data)" in shown


@pytest.mark.parametrize(
    ("built", "lead", "first", "absent"),
    [
        ("2026-12-07", "**You can still register.**", "- Rank order list entry for the Match 2027 opens", "SOAP"),
        ("2027-02-10", "**You can still register.**", '- Mark each interviewed program "would attend"', "SOAP"),
        ("2027-02-17", "**You can still register.**", '- Mark each interviewed program "would attend"', "in your calendar"),
        ("2027-02-20", "**You may still be able to register.**", "- Not certified yet? Our estimate of the rank-list", "SOAP"),
        (
            "2027-03-10",
            "**Registration has almost certainly closed.**",
            "- Rank lists are final: the Match 2027 almost certainly takes no more of them.",
            "in your calendar",
        ),
        (
            "2027-03-16",
            "**Registration has closed.**",
            "- Rank lists are final: the Match 2027 takes no more of them.",
            "in your calendar",
        ),
        # Before the next season's applications go out, no impressions log "as you interview" (diff review s55b, 4).
        (
            "2027-04-01",
            "**Registration is not open yet.**",
            "- Nothing to rank yet for the Match 2028: its applications can go to programs from around 1 September 2027, and "
            "programs start reading them around 22 September 2027",
            "impressions log",
        ),
    ],
)
def test_the_rank_list_guides_registration_lead_and_this_week_follow_the_build_date(
    monkeypatch: pytest.MonkeyPatch, built: str, lead: str, first: str, absent: str
) -> None:
    # On 16 March 2027 "**You can still register.**" opened a sentence ending "it has passed", and the
    # static list said to put the certification deadline in your calendar (soap audit s55, 5).
    import macros

    pin_build_date(monkeypatch, built)
    assert macros.cycle_registration_lead() == lead
    week = unescape(re.sub(r"<[^>]+>", "", macros.cycle_rank_list_this_week()))
    assert week.startswith(first), week
    assert absent not in week, week
    assert "{{ cycle_rank_list_this_week() }}" in _between(
        page_text("apply/rank-order-list.md"), "## What to do this week", "## Sources on this page"
    )
    # After the deadline, SOAP; in Match Week, the SOAP page's step-by-step table.
    if built in ("2027-03-10", "2027-03-16"):
        assert "(../unmatched/soap-and-plan-b.md" in week
    if built == "2027-03-16":
        assert "(../unmatched/soap-and-plan-b.md#match-week-step-by-step)" in week


def test_the_no_match_guide_keeps_the_articles_backup_qualifier_on_its_volume() -> None:
    # The no-match article: "For many backup fields (IM, FM, Psych, Peds,
    # Anesthesia), that may mean 60–100+ programs"; the guide dropped
    # "backup", and a reader who sent 90 IM applications took it as theirs
    # (soap audit s55, 7).
    tiers = _between(page_text("unmatched/index.md"), "### Build the list in tiers", "How to divide the list")
    assert (
        "a **backup** field such as IM, FM, psychiatry, pediatrics or anesthesiology may need **60–100 or more programs**"
        in tiers
    )
    assert "in fields such as IM, FM" not in tiers


def test_after_soap_the_no_match_guide_puts_the_list_of_unfilled_programs_before_the_pause() -> None:
    # Its first week opened "after the grief window", with the list on Day 1,
    # while the SOAP page led with it (soap audit s55, 8).
    page = page_text("unmatched/index.md")
    pause = _between(page, "## First, a short pause on purpose", "## Get a real debrief")
    assert pause.index("open the NRMP's List of Unfilled Programs today, then rest") < pause.index("grief window")
    assert "(NRMP, After the Match, read 2026)" in pause
    week = _between(page, "## Your first week, day by day", "## Protect your reputation")
    assert week.startswith("## Your first week, day by day Look at the List of Unfilled Programs before your pause, not after it")
    assert "Run this after the grief window" not in page
    todo = _between(page, "## What to do this week", "## Sources on this page")
    assert todo.index("List of Unfilled Programs today") < todo.index("take the short pause")


def test_the_first_week_and_the_timeline_count_from_the_same_match_day() -> None:
    # The timeline dated the debrief and the choice of lane from Match Day,
    # the guide from the end of a 3-7 day pause (soap audit s55, 10).
    from calculators import timeline

    week = _between(page_text("unmatched/index.md"), "## Your first week, day by day", "| Day | Do this |")
    assert "start Day 1 when the pause ends, within a week of Match Day" in week
    assert timeline.DEBRIEF.days == 7 and "It dates the debrief a week after Match Day" in week
    assert timeline.CHOICE_OF_LANE.days == 14 and f"“{timeline.CHOICE_OF_LANE.title}” two weeks after" in week
    assert "Take its dates as the latest for those steps." in week
    assert not _long_sentences(week), _long_sentences(week)


@pytest.mark.parametrize("page", ["unmatched/soap-and-plan-b.md", "unmatched/index.md", "apply/rank-order-list.md"])
def test_a_list_item_after_an_indented_paragraph_starts_a_new_item(page: str) -> None:
    # With no blank line between, Markdown ran "- **If you need a visa, an
    # accepted offer binds you all the same.**" into the paragraph before it,
    # a literal dash on the SOAP page (found checking soap audit s55's pages).
    lines = (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()
    glued = [
        after for before, after in pairwise(lines) if re.match(r" {4}[^-\s*\d!]", before) and re.match(r"(- |\d+\. )", after)
    ]
    assert not glued, glued


# --- Guides audit s55 ----------------------------------------------------------------
LAST_USEFUL_LEAD = "{{ cycle_last_useful_lead() }} before the rank lists close"


@pytest.mark.parametrize("built", ["2026-12-07", "2027-10-01", "2028-01-10"])
def test_more_applications_help_until_the_last_useful_days_lead_not_a_few_weeks(
    monkeypatch: pytest.MonkeyPatch, built: str
) -> None:
    # "Until a few weeks before the rank lists close" stood beside a last
    # useful day eight and a half weeks before them: a reader short of
    # interviews in January waited on (guides audit s55, 1).
    import macros

    pin_build_date(monkeypatch, built)
    year = cycle.coming_season(dt.date.fromisoformat(built))
    lead = (cycle.season(year)["rank_deadline"].date - cycle.last_day_for_an_interview(year)).days
    assert 45 <= lead <= 75 and macros.cycle_last_useful_lead() == "about two months"
    for page in ("faq.md", "apply/index.md", "apply/timeline.md"):
        text = page_text(page)
        assert LAST_USEFUL_LEAD in text, page
        # The rule in full follows, on each page; on the timeline guide without
        # the hedge its short-of-interviews paragraph just gave (interview audit s56, 7).
        full = (
            "{{ cycle_last_useful_day(below_short_of_interviews=True) }}"
            if page == "apply/timeline.md"
            else "{{ cycle_last_useful_day() }}"
        )
        assert full in text[text.index(LAST_USEFUL_LEAD) :][:900], page
    typed = [p.name for p in (ROOT / "docs").rglob("*.md") if "a few weeks before the rank lists close" in p.read_text()]
    assert not typed, typed


def test_the_faq_names_the_residencycas_deadline_in_the_tense_of_the_build_date() -> None:
    # "Closed to new ones in late September" was typed, where the timeline
    # calls that day an estimate (guides audit s55, 9).
    text = page_text("faq.md")
    answer = _between(text, "## It is December and I have few interviews", "For a sense of what")
    assert "ResidencyCAS, not ERAS. {{ cycle_residencycas() }}" in answer
    assert "late September" not in answer and "Liaison" not in answer


@pytest.mark.parametrize("page", ["faq.md", "apply/timeline.md"])
def test_no_page_types_when_residencycas_closes(monkeypatch: pytest.MonkeyPatch, page: str) -> None:
    # "Whose ResidencyCAS closes in late September" was typed twice, as a
    # fact of every season (diff review s55b, 10).  The short clause comes
    # after the full sentence, which gives the day and its source.
    import macros

    text = page_text(page)
    assert "late September" not in text
    short = "whose ResidencyCAS {{ cycle_residencycas(short=True) }},"
    assert text.count(short) == 1 and text.index("{{ cycle_residencycas() }}") < text.index(short)
    pin_build_date(monkeypatch, "2026-12-07")
    assert str(macros.cycle_residencycas(short=True)) == "closed to applications for the Match 2027 in late September 2026"


def test_the_bridge_table_warns_an_advanced_field_reader_of_the_gap() -> None:
    # "Advanced field? Yes: bridge year" said nothing of the year out of
    # training its own section warns of (guides audit s55, 2).
    text = page_text("backup/bridges.md")
    row = text[text.index("| Is your target an advanced (PGY-2 start) field? |") :].split(" | No |")[0]
    assert "an advanced place starts a year after the year ends" in row
    assert "reserved PGY-2 places, which start at once, are few" in row and "(#its-limits)" in row
    limits = _between(text, "### Its limits", "## Switching specialty later")
    assert "starts a year later" in limits and 'dr_fill("physician")' in limits


@pytest.mark.parametrize("page", ["faq.md", "assess/index.md", "glossary.md"])
def test_every_page_names_the_ministry_of_the_country_of_last_permanent_residence(page: str) -> None:
    # The FAQ sent a reader living outside their passport country to "your
    # home country's health ministry" (guides audit s55, 4).
    text = page_text(page)
    assert "Statement of Need" in text and "the country where you last held permanent residence" in text
    assert "home country's health ministry" not in text


@pytest.mark.parametrize("built", ["2026-12-07", "2027-04-01", "2027-06-20", "2027-07-02"])
def test_the_bridge_clock_says_the_next_eras_season_is_open_before_the_year_starts(
    monkeypatch: pytest.MonkeyPatch, built: str
) -> None:
    # "A new ERAS season opens within a few months of starting your PGY-1
    # year", when it opens in June, before a 1 July start (guides audit s55, 6).
    import macros

    pin_build_date(monkeypatch, built)
    today = dt.date.fromisoformat(built)
    start = min(d for d in (dt.date(today.year, 7, 1), dt.date(today.year + 1, 7, 1)) if d >= today)
    dates = cycle.season(start.year + 1)
    said = _rendered_text(macros.cycle_bridge_year_clock())
    assert dates["eras_opens"].date < start < dates["submissions_open"].date
    assert said.startswith("The next ERAS season is already open when a bridge year starts")
    assert "applications go to programs about two months into the year" in said
    # From ERAS's opening to the year's start it has opened (diff review s55b, 9).
    verb = "opened" if dates["eras_opens"].date <= today else "opens"
    assert f"For a year that starts on {cycle.long_date(start)}, ERAS for the Match {start.year + 1} {verb}" in said
    for key in ("eras_opens", "submissions_open"):
        assert cycle.long_date(dates[key].date) in said
    text = page_text("backup/bridges.md")
    assert "- **The clock is short.** {{ cycle_bridge_year_clock() }}" in text and "within a few months" not in text


def test_the_bridge_clock_would_say_so_if_eras_opened_after_the_year_started(monkeypatch: pytest.MonkeyPatch) -> None:
    # Its first sentence is chosen from the dates, not typed, so a season
    # that opened after the start could not be called "already open".
    import macros

    pin_build_date(monkeypatch, "2026-12-07")
    monkeypatch.setattr(cycle, "TRAINING_STARTS", (5, 1))
    said = _rendered_text(macros.cycle_bridge_year_clock())
    assert said.startswith("The next ERAS season opens about one month into a bridge year.")
    assert "already open" not in said and "For a year that starts on 1 May 2027" in said


def test_the_aamc_example_is_priced_through_the_macros_on_every_page() -> None:
    # "(30 × $11) + (13 × $30) + (7 × $11) = $797" was typed on three pages,
    # under eras_tiers(), which prints the current schedule (guides audit s55,
    # 8).  aamc_example_holds keeps "the AAMC's own" true of the sum.
    for page in ("apply/index.md", "assess/need-a-backup.md", "data-and-sources.md"):
        text = page_text(page)
        start = text.index("The AAMC's own")
        example = text[start : text.index(".", text.index("{{ eras_fee(43, 7) }}", start))]
        assert "$" not in re.sub(r"\{\{.*?\}\}", "", example), (page, example)
    assert aamc_example_holds()


def test_the_article_figures_the_calculators_build_on_are_quoted_through_the_macro() -> None:
    # The IMG article's red flag and worked example, and the orthopaedics
    # self-audit's range, were typed beside calculators that read them from
    # the data module (guides audit s55, 9).
    import macros

    assert macros.article_figure("img red flag") == data.span(data.IMG_STEP2_RED_FLAG)
    assert macros.article_figure("ortho advantage") == data.span(data.ORTHO_STEP2_ADVANTAGE)
    assert macros.article_figure("img example graduation") == str(data.IMG_EXAMPLE_GRADUATION_YEAR)
    assert macros.article_figure("ultra ballpark") == str(competitiveness.ULTRA_STEP2_BALLPARK)
    with pytest.raises(KeyError):
        macros.article_figure("radiology path a")
    red_flag, example_year = data.span(data.IMG_STEP2_RED_FLAG), str(data.IMG_EXAMPLE_GRADUATION_YEAR)
    for page in (ROOT / "docs").rglob("*.md"):
        typed = re.sub(r"\{\{.*?\}\}", "", page.read_text(encoding="utf-8"))
        assert red_flag not in typed and red_flag.replace("–", "-") not in typed, page.name
        assert f"{example_year} graduation" not in typed and f"graduated {example_year}" not in typed, page.name
    for page, before in (
        ("assess/index.md", "| Orthopaedic self-audit | About "),
        ("assess/need-a-backup.md", "grading yourself on five elements: a Step 2 CK of roughly "),
        ("backup/playbook-orthopaedics.md", "- **Step 2 CK of roughly "),
    ):
        assert before + '{{ article_figure("ortho advantage") }}' in page_text(page), page


def test_each_ultra_field_with_no_score_profile_is_counted_from_its_own_row() -> None:
    # One field's count stood for three: "only {{ charting("Orthopaedic
    # Surgery").img_matched }} ... in each" (guides audit s55, 10).
    text = page_text("assess/index.md")
    said = _between(text, '**"Not enough data" is real information.**', "so no score profile exists for them")
    for name in ULTRA[:3]:
        assert f'{{{{ charting("{name}").img_matched }}}}' in said, name
    assert "in each" not in said.split("In each")[0]


def test_the_data_page_claims_agreement_only_for_figures_quoted_through_the_data_module() -> None:
    # "A figure on a guide page ... cannot disagree" overstated: some guide
    # sentences still type a figure or a comparison (guides audit s55, 10).
    text = page_text("data-and-sources.md")
    assert "cannot disagree" not in text
    assert "a figure quoted through that module reads the same on a guide page, in a calculator and on this page" in text
    assert "Tests check the ones we know of against the data, but a new edition could leave one behind" in text


# --- tidy55: sentences split, and a typed date read from the cycle (diff review s54, 10 and 19; s54b, 11) ---
@pytest.mark.parametrize(
    ("page", "start"),
    [("faq.md", "## What will it cost?"), ("apply/index.md", "## Applying as a couple { #applying-as-a-couple }")],
)
def test_the_faq_cost_answer_and_the_couples_bullets_read_in_short_sentences(page: str, start: str) -> None:
    section = (ROOT / "docs" / page).read_text(encoding="utf-8").split(start, 1)[1].split("\n## ", 1)[0]
    # A bullet's bold lead is a sentence of its own.
    lines = [line.replace(".** ", ". ") for line in section.splitlines()]
    long = [sentence for line in lines for sentence in _long_sentences(line, 35)]
    assert not long, long


def test_the_competitiveness_pages_reapplicant_question_reads_in_short_sentences() -> None:
    said = page_text("calculators/competitiveness.md").split("Applying again to an ultra-competitive field", 1)[1]
    said = said.split("\n", 1)[0].split(" - **", 1)[0]
    assert "has your profile changed a lot since your last application?" in said
    assert not _long_sentences(said, 25), _long_sentences(said, 25)


def test_staying_in_as_a_couple_dates_the_late_fee_from_the_cycle() -> None:
    section = _between(page_text("apply/rank-order-list.md"), "stay in or wait?", "## Before you certify")
    assert "30 November" not in section and "$50" not in section and "2016–17 fee page" not in section
    # The dates by the build date (season_words.registration_day), the fee from the data (diff review s55b, 4 and 10).
    assert (
        "{{ cycle_registration_day() }} The newest figure we hold for the late fee is "
        '{{ fee("NRMP late registration") }}, so check the current one.'
    ) in section


# --- odds55: the calculator pages say what the calculators now say, in short sentences (soap audit s55, 6 and 11) ---
@pytest.mark.parametrize(
    ("built", "said"), [("2026-06-10", "ends around 30 November 2026"), ("2026-12-07", "ended around 30 November 2026")]
)
def test_application_costs_page_dates_the_late_fee_from_the_cycle(monkeypatch: pytest.MonkeyPatch, built: str, said: str) -> None:
    # "30 November" was typed twice, as a fact of every season.
    import jinja2

    import macros

    pin_build_date(monkeypatch, built)
    source = (ROOT / "docs" / "calculators/application-cost.md").read_text(encoding="utf-8")
    assert "30 November" not in source
    lines = [line for line in source.splitlines() if "early_registration_ends" in line]
    assert len(lines) == 2
    names = ("cycle_date", "cycle_tensed")
    for line in lines:
        shown = _rendered_text(jinja2.Template(line).render({name: getattr(macros, name) for name in names}))
        assert f"late fee {said} (Match 2027: estimated by rule" in shown, shown


def test_the_packet_check_page_names_the_note_on_a_statement_sent_to_a_first_year() -> None:
    from calculators import packet_check

    text = page_text("calculators/packet-check.md")
    assert "the checker only counts them" not in text
    # "And the checker counts them" lost the old "only": it read as if the
    # checker judged those programs' letters too (diff review s55, 14).
    assert "written for any field, and the checker checks only their counts." in text
    # The calculator's own note, in the page's words.
    assert packet_check.FIRST_YEAR_STATEMENT.split(" program ", 1)[1] in text
    assert "A statement written for a field and sent to one of them gets a note: such a program may take it" in text


def test_the_competitiveness_pages_no_match_bullet_reads_in_short_sentences() -> None:
    # Sentences of 46, 77 and 39 words (soap audit s55, 11).
    said = _between(
        page_text("calculators/competitiveness.md"), "- **After a no-match**", "Applying again to an ultra-competitive"
    )
    assert "Name that field as the backup in [program counts](program-counts.md) and tick the changing-field box" in said
    assert not _long_sentences(said.replace(".** ", ". "), 35), _long_sentences(said, 35)


def test_the_competitiveness_page_says_what_the_answer_on_this_season_does(monkeypatch: pytest.MonkeyPatch) -> None:
    # Alone of the five pages whose calculator asks it, it said nothing of the question (diff review s55, 14).
    from calculators import competitiveness

    said = _between(page_text("calculators/competitiveness.md"), "- **In the middle of a season**", " Next: ")
    assert not _long_sentences(said, 35), _long_sentences(said, 35)
    assert "If you answer that you applied this season, the note says so instead of asking." in said
    assert "If you answer that you are planning the next Match, a short note takes its place and names the season" in said
    # What the page says, the check does.
    pin_build_date(monkeypatch, "2026-12-07")
    unsaid, applied, planning = (
        competitiveness.compute({"specialty": "internal-medicine", **applied_this_season(answer)})
        for answer in ("not-said", "yes", "no")
    )
    assert str(unsaid["mid_season"]).startswith("Applied in ERAS 2027 (Match 2027)?")
    assert str(applied["mid_season"]).startswith("As you answered, you applied for the Match 2027.")
    for note in (unsaid["mid_season"], applied["mid_season"]):
        assert "are for your next application, not this one" in str(note)
    assert planning["mid_season"] is None
    assert "so this check is for ERAS 2028 (Match 2028)" in str(planning["next_season"])


@pytest.mark.parametrize("lead", ["- **Your own chances.**", "- **Whether you applied before.**"])
def test_the_match_odds_page_says_the_figure_is_not_your_chance_in_short_sentences(lead: str) -> None:
    # "A ceiling" claimed more than the notes, and the reapplicant bullet was one sentence of 76 words.
    text = page_text("calculators/match-odds.md")
    bullet = text[text.index(lead) :].split(" - **", 1)[0]
    assert "ceiling" not in bullet
    assert not _long_sentences(bullet.replace(".** ", ". "), 35), _long_sentences(bullet, 35)
    if "chances" in lead:
        assert "The figure is not your own chance." in bullet
        assert "the result says the figure is probably an overestimate for you, so your own chance is probably lower" in bullet
        # "By the check's rules" was not so for an old graduation, which the
        # result flags on its years alone; and the figure is the model's (diff review s55, 14).
        assert "Where you enter one, the result says" in bullet and "by the check's rules" not in bullet
        assert "It is this model's estimate of the share of the" in bullet
    else:
        assert bullet.startswith(
            f"{lead} If you did not match last time, in this field or another, read the estimate as more likely too high"
        )
