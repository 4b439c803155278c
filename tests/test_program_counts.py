"""Tests for the program-count calculator: every range and band rule, the
split and tier mix, invalid inputs, and properties that must always hold."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator, Mapping
from html import unescape
from pathlib import Path

import pytest
from conftest import FM_REAPPLICANT, PLANNER54, applied_this_season, pin_build_date
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import backup_finder, charts, competitiveness, cycle, data, match_odds, profile
from calculators import program_counts as pc
from calculators.competitiveness import BAND_ORDER
from calculators.fields import InputError
from calculators.html import Markup
from calculators.registry import PINNED_LINE_CHARS, READ_OUT_WORDS
from calculators.render import render_calculator

ROOT = Path(__file__).resolve().parents[1]
SLUGS = [s.slug for s in data.SPECIALTIES]
HARD = [s.slug for s in data.SPECIALTIES if s.tier in ("ultra", "competitive")]
BROAD = [s.slug for s in data.SPECIALTIES if s.tier not in ("ultra", "competitive")]
# From strongest to weakest.
BANDS = list(reversed(BAND_ORDER))

STRONG = {
    "specialty": "internal-medicine",
    "applicant_type": "us-md",
    "step2_score": 270,
    "exam_failures": 0,
    "years_since_graduation": 0,
    "usce_months": 12,
    "specialty_letters": 3,
    "research_items": 3,
    "away_rotations": 1,
    "needs_visa": False,
}
PIVOT = {
    "specialty": "dermatology",
    "applicant_type": "non-us-img",
    "step2_score": 215,
    "exam_failures": 1,
    "previously_unmatched": True,
}


def counts(low: int, high: int) -> dict[str, int]:
    return {"low": low, "high": high}


# --- Output shape --------------------------------------------------------------
def test_default_result_has_every_key_and_serialises() -> None:
    result = pc.compute({})
    for key in ("primary", "backup", "share", "tiers", "reasons", "range_rule", "band", "score", "total", "summary"):
        assert key in result
    assert set(result["primary"]) == {"low", "high"}
    assert result["backup"] is None
    assert set(result["share"]) == {"primary_pct", "backup_pct"}
    assert set(result["tiers"]) == {"reach_pct", "target_pct", "likely_pct"}
    assert set(result["range_rule"]) == {"primary", "backup"}
    assert result["range_rule"]["backup"] is None
    assert all(isinstance(r, str) and r for r in result["reasons"])
    json.dumps(result)


def test_band_and_score_come_from_the_competitiveness_check() -> None:
    inputs = {"specialty": "psychiatry", "step2_score": 229, "years_since_graduation": 6}
    check = competitiveness.compute(inputs)
    result = pc.compute({**inputs, "backup_specialty": "family-medicine"})
    assert result["band"] == check["band"]
    assert result["score"] == check["score"]
    assert result["band_label"] == competitiveness.BAND_LABELS[check["band"]]
    assert f"{check['score']}/100" in result["reasons"][0]


def test_range_rule_describes_each_role() -> None:
    result = pc.compute({**STRONG, "specialty": "orthopaedic-surgery", "backup_specialty": "pmr"})
    primary, backup = result["range_rule"]["primary"], result["range_rule"]["backup"]
    assert primary["rule"] == "orthopaedics"
    assert primary["article_range"] == "60–90+"
    assert primary["source"] == data.ARTICLE_ULTRA.cite()
    assert backup["rule"] == "pmr-backup"
    assert backup["article_range"] == "40–60"
    assert backup["source"] == data.ARTICLE_ORTHO.cite()
    for rule in (primary, backup):
        assert {"role", "rule", "article_range", "context", "aim", "aim_text", "why", "source"} <= set(rule)


# --- Band from compute: the profiles used below really land in their band ------
def test_profiles_land_in_expected_bands() -> None:
    assert pc.compute(STRONG)["band"] == "single-track"
    assert pc.compute(PIVOT)["band"] == "pivot"
    assert pc.compute({})["band"] == "dual-apply"


def test_single_track_alone_uses_whole_general_range() -> None:
    result = pc.compute(STRONG)
    assert result["primary"] == counts(60, 80)
    assert result["range_rule"]["primary"]["rule"] == "general-first-choice"
    assert result["share"] == {"primary_pct": 100, "backup_pct": 0}
    assert result["total"] == counts(60, 80)


def test_pivot_with_backup_is_eighty_twenty() -> None:
    result = pc.compute({**PIVOT, "backup_specialty": "internal-medicine"})
    assert result["backup"] == counts(80, 120)
    assert result["primary"] == counts(20, 30)
    assert result["share"] == {"primary_pct": 20, "backup_pct": 80}
    assert result["range_rule"]["primary"]["aim"] == "quarter-of-backup"
    assert any("no-match" in r for r in result["reasons"])
    # Said as the count it is, not as its first-choice rule of thumb (visareapply audit s51, 7).
    first = data.specialty(str(PIVOT["specialty"])).name
    assert result["reasons"][1].startswith(f"{first}: 20–30 programs, a quarter of the backup count")
    # The table names the split it is counted by, and its article (diff review s51, 3).
    page = unescape(str(pc.render(result)))
    assert '<td data-label="Rule of thumb used">A quarter of the backup count (the 20 in an 80/20 split)</td>' in page
    assert result["range_rule"]["primary"]["source"] == data.ARTICLE_UNMATCHED.cite()


def test_pivot_without_a_backup_keeps_the_hand_picked_set_it_would_keep_beside_one() -> None:
    # At a pivot the no-match article leaves the first choice "a tightly curated set"; 100+ dermatology
    # programs contradicted the band's own words and the signals planner's "small hand-picked set".
    result = pc.compute(PIVOT)
    assert result["primary"] == counts(15, 25)
    assert result["range_rule"]["primary"]["aim"] == "quarter-of-backup"
    assert any("not named a backup" in r for r in result["reasons"])
    with_backup = pc.compute({**PIVOT, "backup_specialty": "psychiatry"})
    assert with_backup["primary"] == result["primary"]


def test_an_open_ended_count_reads_the_same_in_summary_chart_and_table() -> None:
    result = pc.compute({"specialty": "dermatology", "step2_score": 240})
    assert result["band"] == "dual-apply-strongly"
    assert result["count_text"] == {"primary": "100+", "backup": None, "total": "100+"}
    assert "100+ programs" in result["summary"]
    dual = pc.compute({**PIVOT, "backup_specialty": "family-medicine"})
    shown = dual["count_text"]["primary"]
    chart = str(charts.program_split(dual))
    assert shown in chart and shown in dual["summary"] and shown in str(pc.render(dual))


# --- First-choice ranges, field by field --------------------------------------
@pytest.mark.parametrize(
    ("slug", "low", "high", "key"),
    [
        ("dermatology", 60, 100, "dermatology"),
        ("orthopaedic-surgery", 60, 90, "orthopaedics"),
        ("otolaryngology", 50, 80, "other-ultra"),
        ("plastic-surgery", 50, 80, "other-ultra"),
        ("neurological-surgery", 50, 80, "other-ultra"),
        ("diagnostic-radiology", 50, 80, "other-ultra"),
        ("psychiatry", 60, 80, "general-first-choice"),
        ("internal-medicine", 60, 80, "general-first-choice"),
        ("general-surgery", 60, 80, "general-first-choice"),
    ],
)
def test_first_choice_ranges(slug: str, low: int, high: int, key: str) -> None:
    result = pc.plan(slug, None, "single-track")
    assert result["primary"] == counts(low, high)
    assert result["range_rule"]["primary"]["rule"] == key


@pytest.mark.parametrize(
    ("slug", "band", "low", "high", "aim"),
    [
        ("dermatology", "single-track", 60, 100, "whole"),
        ("dermatology", "dual-apply", 80, 100, "upper-half"),
        ("dermatology", "dual-apply-strongly", 100, 100, "top"),
        ("dermatology", "pivot", 15, 25, "quarter-of-backup"),
        ("orthopaedic-surgery", "dual-apply", 75, 90, "upper-half"),
        ("otolaryngology", "dual-apply", 65, 80, "upper-half"),
        ("otolaryngology", "pivot", 15, 25, "quarter-of-backup"),
        ("internal-medicine", "dual-apply", 70, 80, "upper-half"),
        ("internal-medicine", "dual-apply-strongly", 80, 120, "whole"),
        ("pmr", "pivot", 15, 25, "quarter-of-backup"),
    ],
)
def test_alone_by_band(slug: str, band: str, low: int, high: int, aim: str) -> None:
    result = pc.plan(slug, None, band)  # type: ignore[arg-type]
    assert result["primary"] == counts(low, high)
    assert result["range_rule"]["primary"]["aim"] == aim
    assert result["backup"] is None
    assert result["share"] == {"primary_pct": 100, "backup_pct": 0}


def test_ortho_reason_mentions_both_articles() -> None:
    result = pc.compute({**STRONG, "specialty": "orthopaedic-surgery"})
    assert any("60–80+" in r and "60–90+" in r for r in result["reasons"])


# --- Backup ranges -------------------------------------------------------------
@pytest.mark.parametrize(
    ("backup", "band", "low", "high", "key"),
    [
        ("general-surgery", "dual-apply", 20, 40, "general-surgery-backup"),
        ("general-surgery", "single-track", 20, 30, "general-surgery-backup"),
        ("pmr", "dual-apply", 40, 60, "pmr-backup"),
        ("pmr", "single-track", 40, 50, "pmr-backup"),
        # The orthopaedics article's "80+ if uncertain" for IM or FM behind orthopaedics.
        ("internal-medicine", "dual-apply", 80, 120, "broad-primary-care"),
        ("family-medicine", "dual-apply", 80, 120, "broad-primary-care"),
        ("internal-medicine", "single-track", 40, 50, "secondary-backup"),
        ("anesthesiology", "dual-apply", 40, 60, "secondary-backup"),
        ("internal-medicine", "dual-apply-strongly", 80, 120, "broad-primary-care"),
        ("family-medicine", "dual-apply-strongly", 80, 120, "broad-primary-care"),
        ("family-medicine", "pivot", 80, 120, "broad-primary-care"),
        ("psychiatry", "dual-apply-strongly", 60, 100, "no-match-backup"),
        ("anesthesiology", "pivot", 60, 100, "no-match-backup"),
        ("general-surgery", "pivot", 60, 100, "no-match-backup"),
        ("pmr", "dual-apply-strongly", 60, 100, "no-match-backup"),
    ],
)
def test_backup_ranges(backup: str, band: str, low: int, high: int, key: str) -> None:
    result = pc.plan("orthopaedic-surgery", backup, band)  # type: ignore[arg-type]
    assert result["backup"] == counts(low, high)
    assert result["range_rule"]["backup"]["rule"] == key


def test_internal_medicine_behind_dermatology_follows_the_dermatology_roadmap() -> None:
    result = pc.plan("dermatology", "internal-medicine", "dual-apply")
    assert result["backup"] == counts(40, 60)
    assert result["range_rule"]["backup"]["rule"] == "secondary-backup"


def test_img_article_example_psychiatry_with_family_medicine() -> None:
    # The IMG article's example: psychiatry 60-80 with family medicine 80-120.
    result = pc.plan("psychiatry", "family-medicine", "dual-apply-strongly")
    assert result["primary"] == counts(60, 80)
    assert result["backup"] == counts(80, 120)


def test_ultra_roadmaps_fall_within_dual_apply_ranges() -> None:
    derm = pc.plan("dermatology", "internal-medicine", "dual-apply")
    assert derm["primary"] == counts(60, 100)  # roadmap: 80-100
    assert derm["backup"] == counts(40, 60)  # roadmap: 40-60
    ortho = pc.plan("orthopaedic-surgery", "general-surgery", "dual-apply")
    assert ortho["primary"] == counts(60, 90)  # roadmap: 70-90
    assert ortho["backup"] == counts(20, 40)  # roadmap: 20-40


ULTRA = [s.slug for s in data.SPECIALTIES if s.tier == "ultra"]


@pytest.mark.parametrize("backup", HARD)
def test_hard_backup_keeps_its_own_range_in_the_plan(backup: str) -> None:
    result = pc.plan("internal-medicine", backup, "dual-apply")
    assert result["range_rule"]["backup"]["rule"] == pc.first_choice_range(backup).key


@pytest.mark.parametrize("backup", ULTRA)
def test_an_ultra_competitive_backup_is_refused_like_the_backup_finder_does(backup: str) -> None:
    # The issue's case: dermatology behind a weak internal-medicine profile.
    weak = {"specialty": "internal-medicine", "step2_score": 215, "exam_failures": 1, "backup_specialty": backup}
    with pytest.raises(InputError) as caught:
        pc.compute(weak)
    assert caught.value.field == "backup_specialty"
    assert "cannot be" in caught.value.message and "less competitive field" in caught.value.message
    assert backup_finder.exclusion(data.specialty("internal-medicine"), data.specialty(backup)) is not None


def test_a_backup_harder_than_the_first_choice_gets_a_plain_warning_first() -> None:
    # An IMG's: a US graduate is not held to the IMG tiers' order (usdo audit s44, 5).
    img = {**STRONG, "applicant_type": "non-us-img"}
    result = pc.compute({**img, "specialty": "internal-medicine", "backup_specialty": "diagnostic-radiology"})
    assert result["warning"] and "more competitive for IMGs than Internal Medicine" in result["warning"]
    assert result["summary"].startswith(result["warning"])
    assert any("rarely work as a backup" in r for r in result["reasons"])
    html = pc.render(result)
    assert html.index('class="mpb-warning"') < html.index("mpb-headline")
    # Once on the page: the summary under it leaves the warning out (program-counts audit s37, 8).
    assert unescape(str(html)).count(result["warning"]) == 1
    assert pc.compute({**STRONG, "specialty": "dermatology", "backup_specialty": "internal-medicine"})["warning"] is None


def test_a_backup_the_finder_leaves_out_is_warned_of_in_the_same_words() -> None:
    # Emergency medicine with general surgery, or orthopaedics with radiology, were accepted without a word,
    # though the backup finder leaves both out.
    for first, backup in (("emergency-medicine", "general-surgery"), ("orthopaedic-surgery", "diagnostic-radiology")):
        reason = backup_finder.exclusion(data.specialty(first), data.specialty(backup), str(STRONG["applicant_type"]))
        warning = pc.compute({**STRONG, "specialty": first, "backup_specialty": backup})["warning"]
        assert reason and warning and reason in warning, (first, backup)
    # A same-tier backup an article pairs (anesthesiology behind emergency medicine) is no slip.
    assert pc.compute({**STRONG, "specialty": "emergency-medicine", "backup_specialty": "anesthesiology"})["warning"] is None


def test_after_a_no_match_the_backup_keeps_the_no_match_articles_volume() -> None:
    first = pc.compute({**STRONG, "specialty": "dermatology", "research_items": 6, "backup_specialty": "internal-medicine"})
    again = pc.compute(
        {
            **STRONG,
            "specialty": "dermatology",
            "research_items": 6,
            "backup_specialty": "internal-medicine",
            "previously_unmatched": True,
        }
    )
    assert again["backup"]["low"] >= 60 and again["backup"]["high"] >= 100
    assert again["backup"]["low"] >= first["backup"]["low"] and again["backup"]["high"] >= first["backup"]["high"]


def test_margins_carry_over_from_the_competitiveness_check() -> None:
    inputs = {
        "specialty": "orthopaedic-surgery",
        "applicant_type": "us-img",
        "step2_score": 240,
        "usce_months": 6,
        "specialty_letters": 1,
        "research_items": 1,
        "away_rotations": 2,
        "backup_specialty": "pmr",
    }
    result = pc.compute(inputs)
    assert result["margins"]["up"][0]["field"] == "specialty_letters"
    assert result["margins"]["headline"] in result["summary"]
    assert result["margins"]["up"][0]["text"] in pc.render(result)


@pytest.mark.parametrize("band", BANDS[:3])
def test_first_choice_with_backup_stays_at_article_range(band: str) -> None:
    result = pc.plan("dermatology", "internal-medicine", band)  # type: ignore[arg-type]
    assert result["primary"] == counts(60, 100)


def test_total_adds_both_fields() -> None:
    result = pc.plan("dermatology", "internal-medicine", "dual-apply")
    assert result["total"] == counts(100, 160)


# --- Share and tiers -------------------------------------------------------------
def test_share_uses_midpoints() -> None:
    # Dermatology 60-100 (mid 80), IM 40-60 (mid 50): 80 / 130 = 61.5% -> 62%.
    assert pc.plan("dermatology", "internal-medicine", "dual-apply")["share"] == {"primary_pct": 62, "backup_pct": 38}


@pytest.mark.parametrize(
    ("band", "reach", "target", "likely"),
    [
        ("single-track", 30, 40, 30),
        ("dual-apply", 25, 40, 35),
        ("dual-apply-strongly", 20, 35, 45),
        ("pivot", 15, 30, 55),
    ],
)
def test_tier_mix_by_band(band: str, reach: int, target: int, likely: int) -> None:
    assert pc.tiers(band) == {"reach_pct": reach, "target_pct": target, "likely_pct": likely}  # type: ignore[arg-type]


@pytest.mark.parametrize("band", BANDS)
def test_tier_mix_keeps_seventy_percent_realistic(band: str) -> None:
    mix = pc.tiers(band)  # type: ignore[arg-type]
    assert mix["likely_pct"] + mix["target_pct"] >= 70
    assert sum(mix.values()) == 100


def test_tier_mix_moves_towards_likely_as_band_weakens() -> None:
    mixes = [pc.tiers(band) for band in BANDS]  # type: ignore[arg-type]
    for stronger, weaker in itertools.pairwise(mixes):
        assert weaker["reach_pct"] <= stronger["reach_pct"]
        assert weaker["likely_pct"] >= stronger["likely_pct"]


# --- Reasons ---------------------------------------------------------------------
def test_reasons_for_no_match_and_geography() -> None:
    result = pc.compute({**PIVOT, "geographic_restriction": True, "backup_specialty": "family-medicine"})
    text = " ".join(result["reasons"])
    assert "no-match article" in text
    assert "limited your geography" in text
    assert "Split: about 20%" in text


def test_single_track_without_backup_does_not_nag() -> None:
    result = pc.compute(STRONG)
    assert not any("not named a backup" in r for r in result["reasons"])


# --- Invalid inputs -------------------------------------------------------------
def test_backup_equal_to_primary_is_rejected() -> None:
    with pytest.raises(InputError) as caught:
        pc.compute({"specialty": "psychiatry", "backup_specialty": "psychiatry"})
    assert caught.value.field == "backup_specialty"
    assert "must differ" in caught.value.message


@pytest.mark.parametrize(
    ("raw", "field", "fragment"),
    [
        ({"backup_specialty": "cardiology"}, "backup_specialty", "Backup specialty must be one of:"),
        ({"backup_specialty": 3}, "backup_specialty", "Backup specialty must be one of:"),
        ({"specialty": "astrology"}, "specialty", "Target specialty must be one of:"),
        ({"step2_score": "high"}, "step2_score", "Step 2 CK score must be a whole number from 1 to 300"),
        ({"step2_score": 301}, "step2_score", "from 1 to 300"),
        ({"exam_failures": -1}, "exam_failures", "Exam failures must be a whole number from 0 to 20"),
        ({"usce_months": True}, "usce_months", "whole number"),
        (
            {"needs_visa": "perhaps"},
            "needs_visa",
            "one of: Follow my applicant type; Yes, a J-1 or H-1B; Yes, H-1B only (no J-1); No",
        ),
        ({"applicant_type": "alien"}, "applicant_type", "Applicant type must be one of:"),
        ({"programs": 40}, "programs", "is not an input of this calculator"),
    ],
)
def test_invalid_inputs(raw: dict[str, object], field: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        pc.compute(raw)
    assert caught.value.field == field
    assert fragment in caught.value.message


def test_empty_backup_means_none() -> None:
    assert pc.compute({"backup_specialty": ""})["backup"] is None
    assert pc.compute({"backup_specialty": None})["backup"] is None


def test_fields_reuse_competitiveness_fields() -> None:
    assert pc.FIELDS[: len(competitiveness.FIELDS)] == competitiveness.FIELDS
    assert pc.FIELDS[len(competitiveness.FIELDS)].name == "backup_specialty"
    assert pc.FIELDS[len(competitiveness.FIELDS)].optional
    # The one answer of this calculator's own, asked after the backup it speaks of.
    assert pc.FIELDS[len(competitiveness.FIELDS) + 1 :] == (pc.CHANGING_FIELD,)
    assert pc.CHANGING_FIELD.default is False


# --- Properties -------------------------------------------------------------------
profiles = st.fixed_dictionaries(
    {
        "specialty": st.sampled_from(SLUGS),
        "applicant_type": st.sampled_from([t for t, _ in data.APPLICANT_TYPES]),
        "step2_score": st.one_of(st.none(), st.integers(180, 290)),
        "exam_failures": st.integers(0, 4),
        "years_since_graduation": st.integers(0, 15),
        "usce_months": st.integers(0, 24),
        "specialty_letters": st.integers(0, 5),
        "research_items": st.integers(0, 12),
        "away_rotations": st.integers(0, 4),
        "needs_visa": st.booleans(),
        "geographic_restriction": st.booleans(),
        "previously_unmatched": st.booleans(),
        "backup_specialty": st.one_of(st.none(), st.sampled_from(SLUGS)),
    }
)


def _valid(profile: Mapping[str, object]) -> bool:
    backup = profile["backup_specialty"]
    return backup != profile["specialty"] and (backup is None or data.specialty(str(backup)).tier != "ultra")


@settings(max_examples=200, deadline=None)
@given(profiles.filter(_valid))
def test_any_profile_gives_consistent_result(profile: dict[str, object]) -> None:
    result = pc.compute(profile)
    json.dumps(result)
    assert sum(result["share"].values()) == 100
    assert sum(result["tiers"].values()) == 100
    assert all(v >= 0 for v in (*result["share"].values(), *result["tiers"].values()))
    primary, backup = result["primary"], result["backup"]
    assert 1 <= primary["low"] <= primary["high"]
    if profile["backup_specialty"] is None:
        assert backup is None
        assert result["share"]["backup_pct"] == 0
    else:
        assert 1 <= backup["low"] <= backup["high"]
        assert result["share"]["backup_pct"] > 0
        assert result["total"]["low"] == primary["low"] + backup["low"]
    html = pc.render(result)
    assert isinstance(html, Markup)
    assert str(primary["low"]) in html


pairs = st.tuples(st.sampled_from(SLUGS), st.one_of(st.none(), st.sampled_from(SLUGS))).filter(lambda p: p[0] != p[1])


@settings(max_examples=200, deadline=None)
@given(pairs, st.integers(0, 3), st.integers(0, 3))
def test_weaker_band_never_recommends_fewer_programs(pair: tuple[str, str | None], i: int, j: int) -> None:
    stronger, weaker = BANDS[min(i, j)], BANDS[max(i, j)]
    primary, backup = pair
    a = pc.plan(primary, backup, stronger)  # type: ignore[arg-type]
    b = pc.plan(primary, backup, weaker)  # type: ignore[arg-type]
    if backup is None and weaker == "pivot":
        # A pivot shrinks the first choice to the set kept beside a backup, with or without one named.
        assert b["range_rule"]["primary"]["aim"] == "quarter-of-backup"
    elif backup is None:
        assert b["primary"]["low"] >= a["primary"]["low"]
        assert b["primary"]["high"] >= a["primary"]["high"]
    else:
        assert b["backup"]["low"] >= a["backup"]["low"]
        assert b["backup"]["high"] >= a["backup"]["high"]
        assert b["share"]["backup_pct"] >= a["share"]["backup_pct"]
        if weaker != "pivot":
            # Only a pivot shrinks the first choice, to the 80/20 set.
            assert b["primary"] == a["primary"]


@settings(max_examples=200, deadline=None)
@given(profiles.filter(_valid), st.integers(1, 3))
def test_an_extra_failure_never_lowers_the_counts(profile: dict[str, object], extra: int) -> None:
    before = pc.compute(profile)
    after = pc.compute({**profile, "exam_failures": int(profile["exam_failures"]) + extra})  # type: ignore[call-overload]
    assert BAND_ORDER.index(after["band"]) <= BAND_ORDER.index(before["band"])
    if after["band"] == "pivot" and before["band"] != "pivot":
        return  # the first choice shrinks to a hand-picked set, on purpose (see above)
    if profile["backup_specialty"] is None:
        assert after["primary"]["low"] >= before["primary"]["low"]
        assert after["primary"]["high"] >= before["primary"]["high"]
    else:
        assert after["backup"]["low"] >= before["backup"]["low"]
        assert after["share"]["backup_pct"] >= before["share"]["backup_pct"]


@pytest.mark.parametrize("slug", BROAD)
def test_every_broad_field_as_backup_has_a_range_in_every_band(slug: str) -> None:
    primary = "dermatology"
    for band in BANDS:
        result = pc.plan(primary, slug, band)  # type: ignore[arg-type]
        assert result["backup"]["low"] >= 1


# --- Presentation -----------------------------------------------------------------
def test_render_shows_numbers_and_rule_of_thumb_warning() -> None:
    result = pc.compute({**STRONG, "specialty": "dermatology", "backup_specialty": "internal-medicine"})
    html = pc.render(result)
    assert f"{result['primary']['low']}–{result['primary']['high']}" in html
    assert f"{result['backup']['low']}–{result['backup']['high']}" in html
    assert f"{result['share']['backup_pct']}%" in html
    assert f"{result['tiers']['reach_pct']}%" in html
    assert "rules of thumb" in html
    assert "not a guarantee" in html
    assert "<table>" in html


def test_render_escapes_text() -> None:
    result = pc.compute({"backup_specialty": "family-medicine"})
    result["specialty_name"] = "<script>alert(1)</script>"
    result["reasons"] = ["a < b & c"]
    html = pc.render(result)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "a &lt; b &amp; c" in html


def test_method_shows_ranges_rules_and_sources() -> None:
    html = pc.method()
    for source in (data.ARTICLE_ULTRA, data.ARTICLE_ORTHO, data.ARTICLE_IMG, data.ARTICLE_UNMATCHED):
        assert source.cite() in html
    for text in ("60–100+", "60–90+", "60–80+", "50–80+", "60–80", "80–120", "60–100+", "20–40", "40–60", "80/20"):
        assert text in html
    assert "70–80%" in html
    assert "Rules of thumb, not guarantees" in html


def test_widget_renders_with_default_result() -> None:
    html = render_calculator(pc)  # type: ignore[arg-type]
    assert 'data-calculator="program_counts"' in html
    assert 'name="backup_specialty"' in html


@settings(max_examples=100, deadline=None)
@given(profiles.filter(_valid))
def test_a_past_no_match_never_lowers_the_backup(profile: dict[str, object]) -> None:
    if profile["backup_specialty"] is None:
        return
    before = pc.compute({**profile, "previously_unmatched": False})
    after = pc.compute({**profile, "previously_unmatched": True})
    assert after["backup"]["low"] >= before["backup"]["low"]
    assert after["backup"]["high"] >= before["backup"]["high"]


def test_the_result_says_when_a_range_was_not_written_for_this_reader() -> None:
    # The ultra article's dermatology range is for a US-citizen IMG "not filtered out by exam failures";
    # a visa holder can only count sponsoring programs (IMG article).
    outside = pc.compute({"specialty": "dermatology", "applicant_type": "non-us-img", "exam_failures": 1, "step2_score": 240})
    said = " ".join(outside["reasons"])
    assert "not for your applicant type (Non-US-citizen IMG)" in said
    assert "The range assumes no exam failure" in said
    assert "You need a visa, taken from your applicant type (Non-US-citizen IMG): count only programs that sponsor" in said
    inside = pc.compute({"specialty": "dermatology", "applicant_type": "us-img", "exam_failures": 0, "step2_score": 255})
    said = " ".join(inside["reasons"])
    assert "not for your applicant type" not in said and "assumes no exam failure" not in said and "need a visa" not in said


def test_a_first_application_is_told_when_its_backup_count_was_written_for_reapplicants() -> None:
    first = pc.compute(
        {"specialty": "orthopaedic-surgery", "applicant_type": "us-img", "step2_score": 240, "backup_specialty": "pmr"}
    )
    assert first["range_rule"]["backup"]["rule"] == pc.NO_MATCH_BACKUP.key
    assert any("written for readers coming off a no-match" in r for r in first["reasons"])
    again = pc.compute({**first["inputs"], "previously_unmatched": True})
    assert not any("written for readers coming off a no-match" in r for r in again["reasons"])


def test_radiologys_borrowed_ultra_range_is_named_as_written_for_us_citizen_imgs() -> None:
    said = " ".join(pc.compute({"specialty": "diagnostic-radiology", "applicant_type": "us-do", "step2_score": 250})["reasons"])
    assert "not for your applicant type (US DO senior or graduate)" in said


def test_the_result_accounts_for_every_input_behind_its_band() -> None:
    # All the profile's inputs once collapsed into "Dual apply 52/100" with no table.
    result = pc.compute({"specialty": "internal-medicine", "step2_score": 240, "usce_months": 3})
    html = str(pc.render(result))
    assert "How each input moved the competitiveness score" in html
    for factor in result["factors"]:  # type: ignore[attr-defined]
        assert f'data-label="Factor">{factor["factor"]}<' in html


def test_a_pivot_without_a_backup_leads_with_naming_one() -> None:
    # "Dermatology: 15–25 programs" read as the whole plan, fewer than one band better (100+).
    result = pc.compute(
        {
            "specialty": "dermatology",
            "applicant_type": "us-img",
            "step2_score": 225,
            "usce_months": 3,
            "specialty_letters": 1,
            "previously_unmatched": True,
        }
    )
    assert result["band"] == "pivot" and result["backup"] is None
    assert result["summary"].startswith(
        "Name a backup: at a pivot it carries most of your applications, usually 60–100+ programs, beside 15–25 in "
        "Dermatology (Pivot to a backup)."
    )


def test_a_non_us_imgs_family_medicine_backup_at_dual_apply_starts_at_the_articles_80() -> None:
    # A non-US IMG needing a visa got 40-60 family medicine programs behind
    # 60-80 in psychiatry: the dermatology roadmap's figure for a US-citizen
    # IMG after a research year, below every count the articles give an IMG
    # for that backup (audit s18, advice 2).  Psychiatry and pediatrics still
    # get the same count (audits s14, claims 6 and review 3).
    reader = {
        "applicant_type": "non-us-img",
        "step2_score": 240,
        "years_since_graduation": 1,
        "usce_months": 12,
        "specialty_letters": 2,
        "backup_specialty": "family-medicine",
    }
    for first in ("psychiatry", "pediatrics"):
        result = pc.compute({**reader, "specialty": first})
        assert result["band"] == "dual-apply"
        assert result["backup"] == {"low": 80, "high": 100}, first
        assert result["range_rule"]["backup"]["rule"] == pc.BROAD_PRIMARY_CARE.key
        assert "start at 80" in str(result["range_rule"]["backup"]["why"])
    several = pc.compute({**reader, "specialty": "psychiatry", "step2_score": 229, "years_since_graduation": 7, "usce_months": 0})
    assert several["band"] == "dual-apply-strongly"
    assert several["backup"] == {"low": 80, "high": 120}
    assert several["range_rule"]["backup"]["source"] == data.ARTICLE_IMG.cite()
    # A band that allows a small backup keeps the small one.
    strong = pc.compute({**reader, "specialty": "psychiatry", "step2_score": 262, "needs_visa": "no"})
    assert strong["band"] == "single-track" and strong["backup"] == {"low": 40, "high": 50}


def test_the_dermatology_roadmaps_40_to_60_stays_with_readers_it_was_written_for() -> None:
    # The roadmap's reader is a US-citizen IMG; a US graduate is given it too,
    # as the nearest group; a non-US IMG is not (coderead audit s41, 7).
    derm = {
        "specialty": "dermatology",
        "step2_score": 252,
        "research_items": 4,
        "specialty_letters": 3,
        "usce_months": 12,
        "backup_specialty": "internal-medicine",
    }
    for applicant in ("us-img", "us-md"):
        result = pc.compute({**derm, "applicant_type": applicant})
        assert result["band"] == "dual-apply", applicant
        assert result["backup"] == {"low": 40, "high": 60}, applicant
        assert result["range_rule"]["backup"]["rule"] == pc.DEFAULT_SECONDARY_BACKUP.key
    # In the same band, so that only the applicant type tells the two apart.
    non_us = pc.compute({**derm, "applicant_type": "non-us-img", "needs_visa": "no"})
    assert non_us["band"] == "dual-apply"
    assert non_us["range_rule"]["backup"]["rule"] != pc.DEFAULT_SECONDARY_BACKUP.key
    assert non_us["backup"] != {"low": 40, "high": 60}


def test_a_large_pmr_backup_names_the_orthopaedics_articles_own_count_before_extrapolating() -> None:
    result = pc.compute(
        {
            "specialty": "orthopaedic-surgery",
            "applicant_type": "us-img",
            "step2_score": 238,
            "usce_months": 3,
            "specialty_letters": 1,
            "research_items": 1,
            "backup_specialty": "pmr",
        }
    )
    assert result["band"] == "dual-apply-strongly" and result["backup"] == {"low": 60, "high": 100}
    (reason,) = [r for r in result["reasons"] if "large share, the articles' only count" in r]
    assert reason.startswith(
        f"The articles count Physical Medicine and Rehabilitation (PM&R) only as a backup kept second: 40–60 in “{data.ARTICLE_ORTHO.title}”."
    )
    assert reason.endswith("(our extrapolation).")


def test_an_open_ended_range_keeps_its_plus_when_the_whole_range_is_used() -> None:
    # The ultra article's "60-100+" for dermatology read as a plain 60-100.
    assert pc.plan("dermatology", "internal-medicine", "dual-apply")["count_text"]["primary"] == "60–100+"
    assert pc.plan("dermatology", None, "dual-apply")["count_text"]["primary"] == "80–100+"  # the upper half too
    assert pc.plan("dermatology", "internal-medicine", "single-track")["count_text"]["backup"] == "40–50"


def test_the_total_of_an_open_ended_range_stays_open() -> None:
    # "60–100+" beside "60–60" added up to a closed "120–170" (arithmetic audit s22, 5).
    with_plus = pc.compute({**PIVOT, "backup_specialty": "pathology", "previously_unmatched": True})
    assert with_plus["count_text"]["backup"].endswith("+")
    total = with_plus["total"]
    assert with_plus["count_text"]["total"] == f"{total['low']}–{total['high']}+"
    assert f"<strong>{total['low']}–{total['high']}+</strong>" in str(pc.render(with_plus))
    closed = pc.plan("internal-medicine", "family-medicine", "dual-apply")
    assert not closed["count_text"]["primary"].endswith("+") and not closed["count_text"]["backup"].endswith("+")
    assert closed["count_text"]["total"] == f"{closed['total']['low']}–{closed['total']['high']}"


def test_after_a_no_match_the_field_tried_again_keeps_its_whole_range() -> None:
    # The no-match article's tightly curated set is for a field being left; its
    # borderline reader tries the same field again with the backup as
    # insurance, and the guide asks for a broader list than last time. The
    # first choice was cut to 60-70 (reapplypsych audit s49, 2); the backup
    # still takes the volume.
    first, again = (pc.plan("psychiatry", "family-medicine", "dual-apply", reapplying) for reapplying in (False, True))
    assert first["primary"] == again["primary"] == {"low": 60, "high": 80}
    assert again["range_rule"]["primary"]["aim"] == "whole"
    assert again["share"]["backup_pct"] > first["share"]["backup_pct"]
    assert "tightly curated" not in str(again["range_rule"]["primary"]["why"])


def test_a_us_graduate_is_told_the_counts_were_written_for_imgs() -> None:
    inputs = {"specialty": "emergency-medicine", "usce_months": 6, "specialty_letters": 2, "away_rotations": 2}
    senior = {**inputs, "applicant_type": "us-do", "years_since_graduation": 0}
    said = [r for r in pc.compute(senior)["reasons"] if "wrote their counts for IMGs" in r]
    assert len(said) == 1 and "US DO seniors 93.2%" in said[0] and data.latest_match_rates().cited.cite() in said[0]
    # A graduate who has left school is not told the seniors' rate makes the range an upper bound.
    (graduate,) = [r for r in pc.compute({**senior, "years_since_graduation": 1})["reasons"] if "wrote their counts" in r]
    assert "93.2%" not in graduate and data.PRIOR_GRADUATE_RATE in graduate and "upper" not in graduate
    assert not any("wrote their counts for IMGs" in r for r in pc.compute({**inputs, "applicant_type": "us-img"})["reasons"])


def test_an_ultra_field_without_a_backup_leads_with_naming_one() -> None:
    # "Dermatology: 100+ programs" led the result while its own detail said the
    # articles advise a backup rather than a longer list at this band.
    result = pc.compute({"specialty": "dermatology", "step2_score": 268, "research_items": 8, "specialty_letters": 3})
    assert result["band"] == "dual-apply-strongly"
    assert str(result["summary"]).startswith("Name a backup: the largest count the articles give for Dermatology is 100+")
    with_backup = pc.compute(
        {
            "specialty": "dermatology",
            "step2_score": 268,
            "research_items": 8,
            "specialty_letters": 3,
            "backup_specialty": "internal-medicine",
        }
    )
    assert str(with_backup["summary"]).startswith("Dermatology: ")


def test_a_backup_outside_the_no_match_articles_list_is_an_extrapolation() -> None:
    # The no-match article writes 60-100+ for IM, FM, psychiatry, pediatrics and
    # anesthesiology; pathology was silently grouped with them ("and similar").
    inputs = {"specialty": "neurology", "step2_score": 232, "exam_failures": 1, "previously_unmatched": True}
    pathology = " ".join(pc.compute({**inputs, "backup_specialty": "pathology"})["reasons"])  # type: ignore[arg-type]
    assert "Pathology is not among them, so using it here is our extrapolation" in pathology
    psychiatry = " ".join(pc.compute({**inputs, "backup_specialty": "psychiatry"})["reasons"])  # type: ignore[arg-type]
    assert "extrapolation" not in psychiatry


def test_a_us_citizen_img_is_told_the_general_range_was_written_for_another_group() -> None:
    reasons = " ".join(pc.compute({"specialty": "general-surgery", "applicant_type": "us-img"})["reasons"])  # type: ignore[arg-type]
    assert (
        "example of a non-US IMG with a Step 2 CK of 229, observerships only, a J-1 visa to obtain and a 2019 graduation, not a US-citizen IMG"
        in reasons
    )
    non_us = " ".join(pc.compute({"specialty": "general-surgery", "applicant_type": "non-us-img"})["reasons"])  # type: ignore[arg-type]
    assert "not a US-citizen IMG" not in non_us


def test_a_field_with_advanced_positions_reminds_the_reader_of_the_first_year() -> None:
    # Application cost asked for first-year programs that no planner sized.
    reasons = " ".join(pc.compute({"specialty": "dermatology"})["reasons"])  # type: ignore[arg-type]
    assert "Dermatology: the IMG article lists this field among those that use advanced positions" in reasons
    anesthesiology = " ".join(pc.compute({"specialty": "anesthesiology"})["reasons"])  # type: ignore[arg-type]
    assert "(1,805 offered" in anesthesiology
    assert "advanced positions" not in " ".join(pc.compute({"specialty": "pediatrics"})["reasons"])  # type: ignore[arg-type]


def test_neurology_counts_remind_the_reader_of_a_first_year_for_its_advanced_programs() -> None:
    # A neurology and psychiatry applicant needing a visa heard nothing of a
    # first year (visa-oldgrad audit s39, 3).
    inputs = {"specialty": "neurology", "backup_specialty": "psychiatry", "needs_visa": True}
    result = pc.compute(inputs)
    reasons = " ".join(result["reasons"])  # type: ignore[arg-type]
    assert "Neurology: beside its PGY-1 positions it also offers advanced ones, which start at PGY-2" in reasons
    assert "after a separate preliminary or transitional year" in reasons
    assert "Each first-year program you rank must sponsor your visa too" in reasons
    assert "Neurology also has positions that start at PGY-1 (932 offered" in reasons
    shown = unescape(str(pc.render(result)))
    assert "All programs, not counting the preliminary or transitional programs an advanced position needs" in shown
    # Psychiatry alone is still categorical.
    assert "advanced positions" not in " ".join(pc.compute({"specialty": "psychiatry"})["reasons"])  # type: ignore[arg-type]


def test_only_internal_and_family_medicine_take_the_broad_range_when_applied_to_alone() -> None:
    # General surgery alone at "Dual apply, strongly" got 80–120 and "apply to one broad
    # field alone", a range the IMG article gives for internal and family medicine only.
    weak = {"applicant_type": "non-us-img", "step2_score": 240, "needs_visa": True}
    surgery = pc.compute({**weak, "specialty": "general-surgery"})
    assert surgery["band"] == "dual-apply-strongly" and surgery["backup"] is None
    top = pc.first_choice_range("general-surgery").high
    assert (surgery["primary"]["low"], surgery["primary"]["high"]) == (top, top)  # type: ignore[index]
    # No article gives general surgery a count of its own: the 80 is a psychiatry example's (reapplicant audit s36, 6).
    assert str(surgery["summary"]).startswith(
        "Name a backup: the articles give no count for General Surgery; the nearest they give, for psychiatry, goes up "
        "to 80 programs"
    )
    medicine = pc.compute({**weak, "step2_score": 225, "specialty": "internal-medicine"})
    assert medicine["band"] == "dual-apply-strongly"
    assert (medicine["primary"]["low"], medicine["primary"]["high"]) == (80, 120)  # type: ignore[index]


@pytest.mark.parametrize(("primary", "expected"), [("orthopaedic-surgery", (20, 40)), ("neurology", (40, 60))])
def test_general_surgerys_small_backup_count_is_for_orthopaedics_only(primary: str, expected: tuple[int, int]) -> None:
    # The ultra article's 20–40 general surgery programs behind orthopaedics went to every
    # first choice, so the hardest backup for an IMG got the fewest programs.
    assert (r := pc.dual_apply_backup_range(primary, "general-surgery")).low == expected[0] and r.high == expected[1]


def test_a_backup_that_needs_a_backup_of_its_own_is_named() -> None:
    # An orthopaedics reapplicant told to pivot got 60–100+ anesthesiology programs without a
    # word, though the same check rated anesthesiology "Dual apply, strongly" for that file.
    weak = {"applicant_type": "non-us-img", "step2_score": 232, "needs_visa": True, "previously_unmatched": True}
    result = pc.compute({**weak, "specialty": "orthopaedic-surgery", "backup_specialty": "anesthesiology", "research_items": 1})
    own = competitiveness.compute({**weak, "specialty": "anesthesiology", "research_items": 1})
    assert own["band"] == "dual-apply-strongly"
    assert str(result["warning"]).startswith(
        f"Check your backup: with your file, the competitiveness check rates Anesthesiology itself “Dual apply, strongly” "
        f"({own['score']}/100)"
    )
    assert str(result["summary"]).startswith("Check your backup")
    # The most open fields are not sent looking for a more open one: there the answer is volume.
    open_field = pc.compute({**weak, "specialty": "internal-medicine", "backup_specialty": "family-medicine"})
    assert open_field["warning"] is None


def test_an_imgs_backup_kept_second_at_the_roadmaps_range_is_told_to_aim_above_it_where_few_programs_fit() -> None:
    # The 40-60 was written for a US-citizen IMG after a research year; a
    # non-US IMG needing a visa read it as their backup's count.  (Internal
    # and family medicine now take the orthopaedics article's 80+ for such a
    # reader; pediatrics has no IMG figure of its own.)
    reader = {
        "specialty": "psychiatry",
        "backup_specialty": "pediatrics",
        "step2_score": 241,
        "usce_months": 12,
        "specialty_letters": 2,
        "years_since_graduation": 2,
    }
    img = pc.compute({**reader, "applicant_type": "us-img", "step2_score": 238})
    assert img["band"] == "dual-apply" and img["backup"] == {"low": 40, "high": 60}
    assert "written for a US-citizen IMG with first-attempt passes after a research year" in json.dumps(img)
    assert "100 or more applications common for IMGs" in json.dumps(img)
    # A non-US IMG is not given the 40-60 at all: a backup harder than internal
    # medicine got half its 80-100 (mid-tier audit s35, 1).
    non_us = pc.compute({**reader, "applicant_type": "non-us-img", "needs_visa": "yes"})
    assert non_us["band"] == "dual-apply" and non_us["backup"] == {"low": 60, "high": 80}
    assert "the no-match article" in json.dumps(non_us) and "written for a US-citizen IMG" in json.dumps(non_us)
    us_md = pc.compute({**reader, "applicant_type": "us-md"})
    assert "100 or more applications common for IMGs" not in json.dumps(us_md)


@pytest.mark.parametrize(
    ("primary", "backup"),
    [("neurology", "psychiatry"), ("emergency-medicine", "anesthesiology"), ("general-surgery", "anesthesiology")],
)
def test_a_non_us_imgs_backup_kept_second_is_never_below_the_no_match_articles_range(primary: str, backup: str) -> None:
    # Psychiatry, the IMG article's first backup for neurology, got 40-60
    # where internal medicine got 80-100 (mid-tier audit s35, 1).
    reader = {"specialty": primary, "backup_specialty": backup, "applicant_type": "non-us-img", "step2_score": 250}
    result = pc.compute({**reader, "needs_visa": "yes", "years_since_graduation": 3, "usce_months": 6})
    assert result["band"] == "dual-apply"
    assert result["backup"]["low"] >= pc.NO_MATCH_BACKUP.low
    # The band still tells: the whole range is "dual apply, strongly"'s (diff review s35, 3).
    _, strongly = pc.with_backup(primary, backup, "dual-apply-strongly", applicant_type="non-us-img")
    _, dual = pc.with_backup(primary, backup, "dual-apply", applicant_type="non-us-img")
    assert (dual.low, dual.high) == (60, 80) and (strongly.low, strongly.high) == (60, 100)


def test_a_reapplicants_broad_backup_is_not_lowered_to_the_no_match_range() -> None:
    # The no-match article's 60-100 only ever raises a backup's range: with
    # "<=" a non-US IMG reapplicant's IM backup fell from 80-100 (mutation audit s31, gap 4).
    result = pc.compute(
        {
            "specialty": "psychiatry",
            "applicant_type": "non-us-img",
            "step2_score": 245,
            "previously_unmatched": True,
            "backup_specialty": "internal-medicine",
            "usce_months": 12,
            "specialty_letters": 3,
            "recent_clinical_months": 12,
        }
    )
    assert result["band"] == "dual-apply"
    assert result["backup"] == {"low": 80, "high": 100}


@pytest.mark.parametrize("years", [5, 6, 12])
def test_an_old_graduation_gets_list_advice_as_a_visa_does(years: int) -> None:
    # A 7-year graduate was told 140-200 programs with no word that some
    # programs state a limit on years since graduation (older-IMG audit s34, 4).
    from calculators import signals

    for module in (pc, signals):
        reasons = " ".join(module.compute({"years_since_graduation": years})["reasons"])
        said = "stated limit on years since graduation is lower than yours" in reasons
        assert said == (years > 5), (module.NAME, years)


@pytest.mark.parametrize(("first", "said"), [("anesthesiology", True), ("neurology", True), ("psychiatry", False)])
def test_the_sum_of_both_lists_says_it_leaves_out_the_first_year_an_advanced_field_needs(first: str, said: bool) -> None:
    # The total read as every application, though an advanced field needs a
    # first-year list on top of it (prelim-SOAP audit s34, 8).
    html = str(pc.render(pc.compute({"specialty": first, "backup_specialty": "internal-medicine"})))
    assert ("All programs, not counting the preliminary or transitional programs" in html) == said


READER_A = {
    "applicant_type": "us-img",
    "step2_score": 236,
    "exam_failures": 1,
    "years_since_graduation": 3,
    "previously_unmatched": True,
    "specialty": "emergency-medicine",
}


def test_an_open_backup_that_another_open_field_beats_is_named() -> None:
    """A reapplicant in emergency medicine was given internal medicine (37/100,
    "Dual apply, strongly") without a word, where family medicine rated 52,
    "Dual apply" (reapplicant audit s36, 1)."""
    im, fm = (competitiveness.compute({**READER_A, "specialty": slug}) for slug in ("internal-medicine", "family-medicine"))
    assert (im["band"], fm["band"]) == ("dual-apply-strongly", "dual-apply")
    warning = str(pc.compute({**READER_A, "backup_specialty": "internal-medicine"})["warning"])
    assert warning.startswith(
        f"Check your backup: with your file, the competitiveness check rates Internal Medicine itself “Dual apply, "
        f"strongly” ({im['score']}/100), and Family Medicine “Dual apply” ({fm['score']}/100)."
    )
    # The better-rated open field itself draws no warning.
    assert pc.compute({**READER_A, "backup_specialty": "family-medicine"})["warning"] is None


@pytest.mark.parametrize(("applicant", "told"), [("non-us-img", True), ("us-img", False)])
def test_a_visa_reader_is_told_the_first_year_program_must_sponsor_too(applicant: str, told: bool) -> None:
    """Every tool said to apply for radiology's first year; none said that
    program must sponsor the visa as well (reapplicant audit s36, 5)."""
    said = " ".join(pc.compute({"specialty": "diagnostic-radiology", "applicant_type": applicant})["reasons"])
    assert "Apply to programs for that year as well" in said
    assert ("Each first-year program you rank must sponsor your visa too" in said) == told


def test_a_count_borrowed_from_another_field_is_not_called_the_fields_own() -> None:
    """The headline, which a screen reader hears, said "the largest count the
    articles give for Emergency Medicine is 80": no article gives one, and the
    80 is a psychiatry example's (reapplicant audit s36, 6)."""
    result = pc.compute({**READER_A, "backup_specialty": None})
    assert result["band"] == "dual-apply-strongly"
    assert str(result["summary"]).startswith("Name a backup: the articles give no count for Emergency Medicine;")
    assert "The articles give no count for Emergency Medicine" in result["range_rule"]["primary"]["why"]
    own = pc.compute({**READER_A, "specialty": "psychiatry", "backup_specialty": None})
    # Its 60-100+ as a backup after a no-match is named beside it (twofails audit s46, 3).
    assert (
        "the largest count the articles give for Psychiatry as a first choice is 80 programs; the no-match article "
        "gives it 60–100+ as a backup after a no-match"
    ) in str(own["summary"])
    pediatrics = pc.compute({**READER_A, "specialty": "pediatrics", "backup_specialty": None})
    assert str(pediatrics["summary"]).startswith(
        "Name a backup: the articles give Pediatrics no first-choice count (the no-match article gives it 60–100+ as a "
        "backup after a no-match); the nearest first-choice count they give, for psychiatry, goes up to 80 programs"
    )


def test_a_us_citizen_img_with_a_red_flag_left_keeps_a_backup_of_80_at_dual_apply() -> None:
    # One more letter moved a US-citizen IMG with a failed Step 1 from "dual apply,
    # strongly" to "dual apply", and the family medicine backup from 80-120 to the
    # 40-60 written for a research-year reader with first-attempt passes, below
    # the first choice's 60-80 (US-citizen IMG journey audit s37, 3; program-counts audit s37, 1).
    flagged = {
        "applicant_type": "us-img",
        "specialty": "emergency-medicine",
        "backup_specialty": "family-medicine",
        "step2_score": 232,
        "exam_failures": 1,
        "years_since_graduation": 2,
        "needs_visa": "false",
        "usce_months": 6,
        "recent_clinical_months": 6,
        "away_rotations": 2,
        "specialty_letters": 3,
    }
    result = pc.compute(flagged)
    assert result["band"] == "dual-apply" and result["backup"]["low"] >= 80
    assert "with a red flag on your file" in str(result["range_rule"]["backup"]["why"])
    # Which flag, said (diff review 2 s37, 6).
    assert "The red flag on your file: one or more exam failures." in result["reasons"]
    other = pc.compute({**flagged, "backup_specialty": "psychiatry"})
    assert other["count_text"]["backup"] == "60–80"
    # With no red flag left, the research-year plan's 40-60 stays.
    clean = pc.compute({**flagged, "exam_failures": 0, "step2_score": 240})
    assert clean["band"] == "dual-apply" and clean["count_text"]["backup"] == "40–60"


def test_a_first_time_non_us_img_at_dual_apply_is_told_the_no_match_range_is_an_extrapolation() -> None:
    # At "dual apply, strongly" the reasons said the no-match article's range was written
    # for reapplicants; at "dual apply", its lower half said nothing (program-counts audit s37, 2).
    result = pc.compute(
        {
            "specialty": "psychiatry",
            "backup_specialty": "neurology",
            "step2_score": 245,
            "usce_months": 12,
            "specialty_letters": 3,
        }
    )
    assert result["band"] == "dual-apply" and result["range_rule"]["backup"]["rule"] == pc.OTHER_BACKUP_AT_DUAL_APPLY.key
    reasons = " ".join(result["reasons"])
    assert "For Neurology kept second, the articles' only count is the no-match article's" in reasons
    assert "Neurology is not among them, so using it here is our extrapolation as well." in reasons


@pytest.mark.parametrize("backup", ["general-surgery", "pmr"])
def test_a_non_us_img_behind_orthopaedics_does_not_take_the_us_citizen_roadmaps_counts(backup: str) -> None:
    # General surgery 20-40 and PM&R 40-60 behind orthopaedics were written for
    # US-citizen IMGs; a non-US IMG needing no visa got them (program-counts audit s37, 4).
    file = {"specialty": "orthopaedic-surgery", "needs_visa": "false", "step2_score": 250, "research_items": 4}
    file |= {"specialty_letters": 3, "away_rotations": 2, "usce_months": 12, "backup_specialty": backup}
    non_us = pc.compute(file)
    assert non_us["band"] == "dual-apply" and non_us["count_text"]["backup"] == "60–80"
    citizen = pc.compute({**file, "applicant_type": "us-img"})
    assert citizen["count_text"]["backup"] == ("20–40" if backup == "general-surgery" else "40–60")


def test_the_visa_is_named_only_to_a_reader_who_needs_one() -> None:
    # "Sponsor the visa you need" was said to a reader who needs none (program-counts audit s37, 6).
    file = {"specialty": "internal-medicine", "backup_specialty": "family-medicine", "step2_score": 245}
    file |= {"usce_months": 12, "recent_clinical_months": 12, "specialty_letters": 3, "years_since_graduation": 1}
    citizen = pc.compute({**file, "applicant_type": "us-img", "needs_visa": "false"})
    assert citizen["count_text"]["backup"] == "40–60"
    reasons = " ".join(citizen["reasons"])
    assert "where few programs in Family Medicine take IMGs, aim above it." in reasons
    # A reader who needs a visa has a red flag, and so the broader counts.
    assert pc.compute({**file, "applicant_type": "us-img", "needs_visa": "true"})["count_text"]["backup"] == "80–100"


def test_emergency_medicine_shows_its_organizations_average_for_scale() -> None:
    # A US DO in EM got 60-80 programs from an IMG psychiatry example, with no word of the EM
    # organizations' own average, 46 (usmd-journey audit s38, 5).
    for inputs in (
        {"specialty": "emergency-medicine"},
        {"specialty": "internal-medicine", "backup_specialty": "emergency-medicine"},
    ):
        reasons = " ".join(pc.compute(inputs)["reasons"])
        assert "its organizations give 46 as the average number of applications per applicant" in reasons
        assert data.SAEM_RESIDENCYCAS.cite() in reasons
    assert "average number of applications" not in " ".join(pc.compute({"specialty": "psychiatry"})["reasons"])


def test_a_couple_hears_where_to_find_the_counts_without_ticking_a_limited_area() -> None:
    # The couple's advice was said only with "I can only train in a limited
    # area" ticked, whose help sent couples to tick it, which then scored a red
    # flag and advised being open to training anywhere (couples-soap audit s39, 6).
    for limited in (False, True):
        reasons = pc.compute({"specialty": "internal-medicine", "geographic_restriction": limited})["reasons"]
        couple = [r for r in reasons if r.startswith("If you match as a couple")]
        assert len(couple) == 1 and "both of you could train" in couple[0] and "NRMP" in couple[0]
    help_text = next(f.help for f in competitiveness.FIELDS if f.name == "geographic_restriction")
    assert "Matching as a couple is not, in itself, a limited area" in help_text


def test_the_couples_move_not_shrink_advice_is_labelled_ours_not_the_nrmps() -> None:
    # "The counts move rather than shrink" followed an NRMP citation alone and
    # read as the NRMP's advice; the apply guide labels it ours (couples audit s43, 7).
    reasons = pc.compute({"specialty": "internal-medicine"})["reasons"]
    couple = next(r for r in reasons if r.startswith("If you match as a couple"))
    assert couple.endswith("rather than shrink (our advice, from how the pairs work).")
    assert couple.index(data.NRMP_COUPLES.cite()) < couple.index("the counts move")


def test_a_reapplicants_first_choice_gives_the_number_and_the_reason_for_each_case() -> None:
    # Reapplicant audit s40, 1; new-words audit s40, 7: the changing field's
    # fifth, then the whole range for a field tried again, with the article's
    # borderline case as the reason; no trim (reapplypsych audit s49, 2).
    inputs = {"specialty": "internal-medicine", "backup_specialty": "family-medicine", "applicant_type": "us-img"}
    again = " ".join(pc.compute({**inputs, "previously_unmatched": True})["reasons"])
    first = " ".join(pc.compute(inputs)["reasons"])
    assert (
        "Otherwise you are trying Internal Medicine again, and it keeps its whole range, 60–80, as a first application "
        "with a backup does: for a borderline reader the no-match article finds a second try at the same field "
        "reasonable, with the backup as insurance, and the guide “If you didn't match” asks for a broader list than "
        "last time."
    ) in again
    assert "trims" not in again and "tightly curated" not in again and "a field being left" not in again
    assert "borderline" not in first


@pytest.mark.parametrize("years", [0, 4, 5, 7])
def test_every_reapplicant_hears_of_graduation_limits_the_next_season_may_cross(years: int) -> None:
    # Only past 5 years before (reapplicant audit s40, 5).
    inputs = {"years_since_graduation": years, "applicant_type": "us-img"}
    crossing = "whose limit you would cross by then"
    assert crossing in " ".join(pc.compute({**inputs, "previously_unmatched": True})["reasons"])
    assert crossing not in " ".join(pc.compute(inputs)["reasons"])


def test_the_band_headline_carries_the_comlex_only_surgery_note() -> None:
    # do-surgery audit s40, 1: program counts and signals show the band too.
    from calculators import profile, signals

    inputs = {"specialty": "general-surgery", "applicant_type": "us-do", "step2_score": "", "years_since_graduation": 0}
    for module in (pc, signals):
        page = unescape(str(module.render(module.compute(inputs))))
        assert profile.COMLEX_ONLY_SURGERY_NOTE in page, module.NAME
        assert profile.COMLEX_ONLY_SURGERY_NOTE not in unescape(
            str(module.render(module.compute({**inputs, "step2_score": 241})))
        )


# --- A reader in a running season (usmd-ortho audit s41, 7) -------------------------------------
ORTHO_SENIOR = {"specialty": "orthopaedic-surgery", "applicant_type": "us-md", "step2_score": 247, "research_items": 3}


def test_mid_season_the_counts_say_they_are_for_a_whole_season_and_where_additions_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On 5 December an ortho senior with 55 applications read "60-90+ programs"
    # as "send 5 to 35 more", with nothing about the date.
    pin_build_date(monkeypatch, "2026-12-05")
    result = pc.compute(ORTHO_SENIOR)
    note = result["mid_season"]
    assert note is not None
    # The action first, a preliminary year only for a surgical first choice
    # (new-words audit s41, 1).
    assert note.startswith(
        "Short of interviews in ERAS 2027 (Match 2027)? New applications can still go to more programs in your field "
        "if you have not yet applied widely, otherwise to a backup field that applies through ERAS. Emergency "
        "medicine and OB/GYN can no longer be added: ResidencyCAS, which they use, has closed."
    )
    assert "has closed. In a surgical first choice, weigh a preliminary surgery year too." in note
    assert "counts are for a whole season's applications" in note and "began on 23 September 2026 (estimated)" in note
    assert cycle.SHORT_OF_INTERVIEWS in note and "“Already applied, and short of interviews?”" in note
    assert "Planning for ERAS 2028 (Match 2028) instead? They stand as shown." in note
    medicine = pc.compute({**ORTHO_SENIOR, "specialty": "internal-medicine"})["mid_season"]
    assert medicine is not None and "preliminary" not in medicine and "transitional" not in medicine
    page = unescape(str(pc.render(result)))
    # Shown beside the counts, before the chart draws them.
    assert page.index("Mid-season: ") < page.index("How many programs to apply to")
    # The read-out is not lengthened.
    assert "Mid-season" not in result["announced"]


@pytest.mark.parametrize(
    ("specialty", "backup", "where"),
    [
        (
            "obstetrics-gynecology",
            "family-medicine",
            "only to a backup field that applies through ERAS, such as your backup, Family Medicine.",
        ),
        ("obstetrics-gynecology", None, "only to a backup field that applies through ERAS. If you have used only"),
        (
            "emergency-medicine",
            "obstetrics-gynecology",
            "only to a backup field that applies through ERAS, not to your backup, Obstetrics and Gynecology.",
        ),
        (
            "internal-medicine",
            "emergency-medicine",
            "otherwise to a backup field that applies through ERAS, not to your backup, Emergency Medicine.",
        ),
    ],
)
def test_mid_season_a_field_whose_residencycas_has_closed_is_not_sent_more_applications(
    monkeypatch: pytest.MonkeyPatch, specialty: str, backup: str | None, where: str
) -> None:
    # On 5 December an OB/GYN reader was told to send more "in ERAS 2027" to
    # a field whose service had closed in September (obgyn-usimg audit s42, 1).
    pin_build_date(monkeypatch, "2026-12-05")
    note = pc.compute({"specialty": specialty, "backup_specialty": backup, "applicant_type": "us-img"})["mid_season"]
    assert note is not None and where in note
    assert "ResidencyCAS, which closed to applications for the Match 2027 in late September" in note
    assert "otherwise to your backup field" not in note
    if data.via_residencycas(specialty):
        assert note.startswith("Short of interviews in the Match 2027?") and "ERAS 2027" not in note
    # Past our estimate of its deadline but before September is out, it may
    # still be open: said so, not called closed (do-em audit s42, 2).
    pin_build_date(monkeypatch, "2026-09-26")
    early = pc.compute({"specialty": specialty, "backup_specialty": backup, "applicant_type": "us-img"})["mid_season"]
    assert early is not None and "may have closed to applications for the Match 2027" in early
    assert "which closed to applications" not in early
    # Its own field's rule only on that condition (diff review s52b, 5).
    if data.via_residencycas(specialty):
        assert "read 2026). If it has closed, new applications can go only to a backup field" in early
        assert "can still go only" not in early


def test_an_img_reader_is_given_how_many_places_their_own_group_filled_in_each_field() -> None:
    # 60-80 OB/GYN programs were suggested to a US-citizen IMG beside a
    # psychiatry example, though the data hold the 51 places their group
    # filled (obgyn-usimg audit s42, 5).
    reasons = pc.compute(
        {"specialty": "obstetrics-gynecology", "backup_specialty": "family-medicine", "applicant_type": "us-img"}
    )["reasons"]
    assert any(
        r.startswith("US-citizen IMGs filled 3.2% of the 1,587 PGY-1 Obstetrics and Gynecology positions") for r in reasons
    )
    assert any("about 51 places" in r for r in reasons)
    assert any(r.startswith("US-citizen IMGs filled 11.7% of the 5,357 PGY-1 Family Medicine positions") for r in reasons)
    non_us = pc.compute({"specialty": "neurology", "applicant_type": "non-us-img"})["reasons"]
    assert any(r.startswith("Non-US IMGs filled 23.9% of the") for r in non_us)
    # A US graduate is described by no IMG share.
    us_md = pc.compute({"specialty": "obstetrics-gynecology", "applicant_type": "us-md"})["reasons"]
    assert not any("IMGs filled" in r for r in us_md)


@pytest.mark.parametrize("day", ["2026-06-10", "2026-09-23", "2027-02-17", "2027-04-01"])
def test_outside_the_review_stretch_the_counts_carry_no_mid_season_note(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    pin_build_date(monkeypatch, day)
    result = pc.compute(ORTHO_SENIOR)
    assert result["mid_season"] is None
    assert "Mid-season: " not in unescape(str(pc.render(result)))


def test_a_us_graduates_backup_is_warned_of_only_where_the_finder_leaves_it_out_for_them() -> None:
    # The finder lists emergency medicine under psychiatry for a US DO
    # (usdo audit s44, 5); program counts still said it left it out.
    inputs = {"specialty": "psychiatry", "backup_specialty": "emergency-medicine"}
    left_out = "the backup finder leaves Emergency Medicine out"
    assert left_out not in str(pc.compute({**inputs, "applicant_type": "us-do"})["warning"])
    assert left_out in str(pc.compute({**inputs, "applicant_type": "non-us-img"})["warning"])


def test_in_december_an_advanced_field_is_reminded_of_its_first_year_applications(monkeypatch: pytest.MonkeyPatch) -> None:
    # A radiology reader with one advanced interview and no first-year one was
    # not told an advanced match alone is a partial match (radiology audit s45, 6).
    pin_build_date(monkeypatch, "2026-12-05")
    for first, backup in (("diagnostic-radiology", None), ("internal-medicine", "anesthesiology")):
        note = pc.compute({"specialty": first, "backup_specialty": backup})["mid_season"]
        assert note is not None and "first-year (transitional or preliminary) applications out too" in note
        assert "partial match" in note and data.NRMP_PARTIALLY_MATCHED.cite() in note
    medicine = pc.compute({"specialty": "internal-medicine", "backup_specialty": "family-medicine"})["mid_season"]
    assert medicine is not None and "partial match" not in medicine


@pytest.mark.parametrize("slug", sorted(profile.SURGICAL_FIELDS))
def test_a_surgical_first_choice_is_told_its_ranges_leave_out_preliminary_surgery(slug: str) -> None:
    # The IMG article pairs general surgery with preliminary surgery; the
    # counts said nothing of it (surgprelim audit s45, 6).
    # Each field's own pairing: the ultra article's for the others (diffreview45 audit s45, 8).
    article = data.ARTICLE_IMG if slug == "general-surgery" else data.ARTICLE_ULTRA
    said = (
        f"These ranges leave out preliminary surgery programs, which the {article.short} pairs with {data.specialty(slug).name}"
    )
    assert any(r.startswith(said) for r in pc.compute({"specialty": slug})["reasons"])
    assert not any(r.startswith(said[:50]) for r in pc.compute({"specialty": "internal-medicine"})["reasons"])


# The aiminghigh audit's reader: a US-citizen IMG aiming at orthopaedics,
# whose only second list is preliminary surgery (aiminghigh audit s54, 3).
ORTHO_WITH_PRELIM = {
    "specialty": "orthopaedic-surgery",
    "applicant_type": "us-img",
    "step2_score": 258,
    "usce_months": 5,
    "recent_clinical_months": 5,
    "specialty_letters": 3,
    "research_items": 1,
    "away_rotations": 2,
}


def test_a_surgical_reader_with_no_backup_is_told_a_prelim_list_is_not_counted_as_one() -> None:
    # "You have not named a backup" was said to a reader whose second list was
    # preliminary surgery, which the form does not offer, with no word on why
    # (aiminghigh audit s54, 3).
    result = pc.compute(ORTHO_WITH_PRELIM)
    assert result["band"] == "dual-apply" and result["backup"] is None
    said = next(r for r in result["reasons"] if "not named a backup" in r)
    assert said == (
        "You have not named a backup although your band suggests one. A list of preliminary surgery programs is not "
        "counted as a backup here (our rule): a preliminary year is one year of surgical training, and it leads to no "
        "categorical place by itself. The IMG article says prelim positions “do not guarantee automatic promotion to a "
        "categorical spot”. To count a backup, name a categorical field. The backup finder can suggest fields that "
        "pair well with your first choice."
    )
    # Every surgical first choice, at every band that asks for a backup; not
    # a field with no preliminary surgery pairing, nor with a backup named.
    for slug in sorted(profile.SURGICAL_FIELDS):
        reasons = " ".join(pc.compute({**ORTHO_WITH_PRELIM, "specialty": slug, "step2_score": 230})["reasons"])
        assert pc.PRELIM_NOT_A_BACKUP in reasons, slug
    assert pc.PRELIM_NOT_A_BACKUP not in " ".join(pc.compute({**ORTHO_WITH_PRELIM, "specialty": "neurology"})["reasons"])
    named = pc.compute({**ORTHO_WITH_PRELIM, "backup_specialty": "general-surgery"})
    assert pc.PRELIM_NOT_A_BACKUP not in " ".join(named["reasons"])


def test_the_ultra_articles_few_prelim_places_are_quoted_for_orthopaedics() -> None:
    # "Gives no count for" denied the ultra article's orthopaedic plan its
    # "Possibly a few prelim surgery spots" (aiminghigh audit s54, 3).
    reasons = pc.compute(ORTHO_WITH_PRELIM)["reasons"]
    assert (
        "These ranges leave out preliminary surgery programs, which the ultra-competitive article pairs with "
        "Orthopaedic Surgery; its orthopaedic plan gives them no range, only “Possibly a few prelim surgery spots”. "
        "Price any you add in the application cost calculator."
    ) in reasons
    # The other surgical fields' articles give no count: they still say so.
    for slug in ("general-surgery", "otolaryngology"):
        prelim = next(r for r in pc.compute({"specialty": slug})["reasons"] if r.startswith("These ranges leave out"))
        assert "and gives no count for: price any you add" in prelim and "a few" not in prelim


def test_a_surgical_first_choice_with_an_advanced_backup_is_reminded_of_both_first_years(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The surgical reminder shut out the advanced one (diffreview45 audit s45, 7).
    pin_build_date(monkeypatch, "2026-12-05")
    note = pc.compute({"specialty": "general-surgery", "backup_specialty": "anesthesiology"})["mid_season"]
    assert note is not None and "weigh a preliminary surgery year too" in note and "partial match" in note


# The finder left out PM&R and EM for neurology as "more competitive for
# IMGs", whose non-US IMGs matched more often (pathneuro audit s46, 2): the
# warning program counts gives carries the same reason, and reads so.
def test_a_backup_left_out_by_tier_though_it_matched_more_often_is_warned_with_both_rates() -> None:
    img = {**STRONG, "applicant_type": "non-us-img", "specialty": "neurology", "backup_specialty": "pmr"}
    warning = pc.compute(img)["warning"]
    assert warning.startswith(
        "Check your backup: the backup finder leaves Physical Medicine and Rehabilitation (PM&R) out for Neurology. "
        "Rated more competitive for IMGs than Neurology by this site's tiers"
    )
    assert "53.8% of the non-US IMGs who ranked it first matched in 2026, against 41.9% in Neurology" in warning
    assert warning.endswith(
        "It is left out by this site's tiers, a judgment that weighs the articles beside such rates, which describe "
        "only the applicants each field drew. If it is really your first choice, swap the two."
    )


def test_a_backup_the_check_rates_well_below_the_first_choice_is_named_and_the_counts_stay() -> None:
    # Family medicine first at 36/100, internal medicine as backup at 26/100:
    # both "Dual apply, strongly", so no warning, and 61% of the list went to
    # the weaker field (fmusimg audit s46, 1 and 3).
    fm, im = (competitiveness.compute({**FM_REAPPLICANT, "specialty": s}) for s in ("family-medicine", "internal-medicine"))
    assert (fm["score"], im["score"]) == (36, 26) and fm["band"] == im["band"] == "dual-apply-strongly"
    result = pc.compute({**FM_REAPPLICANT, "backup_specialty": "internal-medicine"})
    warning = str(result["warning"])
    assert warning.startswith(
        "Check your backup: with your file, the competitiveness check rates Internal Medicine 26/100, below Family "
        "Medicine at 36/100. A backup protects you only where it is more open to your file than your first choice."
    )
    # Swapping the two gave the new field 61%; the answer that divides the
    # list as the guide does is named instead (fmusimg audit s46, 1).
    assert (
        f"If Internal Medicine is the field you are leaving, tick “{pc.CHANGING_FIELD.label}”, so that Family Medicine "
        "carries most of the list and Internal Medicine a small, chosen set, as the guide “If you didn't match” advises "
        "when changing field (its section “Build the list in tiers”)."
    ) in warning
    # Every other open field rates this file 26: the check cannot tell them
    # apart, and the warning said breadth in family medicine was then the
    # protection while the counts gave the backup 59% (crosscalc audit s49,
    # 1).  It sends the reader to match odds, as the finder does; a US-citizen
    # IMG is not given non-US IMGs' figures.
    assert warning.endswith(
        "Otherwise, the check can rate several fields alike, where the match odds calculator still tells them apart "
        "by your Step 2 CK (its figures are non-US IMGs', not your group's): compare Internal Medicine there with the "
        "other fields most open to IMGs, ones you would gladly train in, before you keep it (our advice)."
    )
    assert "breadth" not in warning and "send more" not in warning
    assert result["summary"].startswith(warning)
    assert result["warning_heard"] == "Check your backup: the check rates Internal Medicine 26/100, below Family Medicine at 36."
    assert result["announced"].startswith(str(result["warning_heard"]))
    # The counts and the split are the ones given without the warning (the
    # first choice was trimmed to 60-70 until reapplypsych audit s49, 2).
    assert (result["primary"], result["backup"], result["share"]) == (
        counts(60, 80),
        counts(80, 120),
        {"primary_pct": 41, "backup_pct": 59},
    )
    # Pediatrics, the finder's second suggestion, is rated 26 too, but match
    # odds puts it above family medicine at this score: the check's gap comes
    # from family medicine's low matched quartiles, and every open backup was
    # warned (diff review s50b, 1).
    peds = data.specialty("pediatrics")
    assert match_odds.step2_estimate(peds, 224) > match_odds.step2_estimate(data.specialty("family-medicine"), 224)  # type: ignore[operator]
    assert competitiveness.compute({**FM_REAPPLICANT, "specialty": "pediatrics"})["score"] == 26
    assert pc.compute({**FM_REAPPLICANT, "backup_specialty": "pediatrics"})["warning"] is None
    # Swapped, the stronger field is the backup: nothing to say.
    assert (
        pc.compute({**FM_REAPPLICANT, "specialty": "internal-medicine", "backup_specialty": "family-medicine"})["warning"] is None
    )


def test_the_lower_rated_backup_warning_says_the_swap_only_to_a_reapplicant_and_names_the_match_odds_of_open_fields() -> None:
    first_time = str(
        pc.compute({**FM_REAPPLICANT, "previously_unmatched": False, "backup_specialty": "internal-medicine"})["warning"]
    )
    assert first_time.startswith("Check your backup: with your file, the competitiveness check rates Internal Medicine")
    assert "the field you are leaving" not in first_time
    # A non-US IMG reapplicant at 238: psychiatry 44, internal medicine 34, and
    # family medicine 49 in the same band, 5 points up: still no field clearly higher.
    visa = {"applicant_type": "non-us-img", "step2_score": 238, "needs_visa": True, "years_since_graduation": 2, "usce_months": 3}
    psych = str(
        pc.compute({**visa, "previously_unmatched": True, "specialty": "psychiatry", "backup_specialty": "internal-medicine"})[
            "warning"
        ]
    )
    assert psych.startswith(
        "Check your backup: with your file, the competitiveness check rates Internal Medicine 34/100, below Psychiatry at 44/100."
    )
    # For a non-US IMG, the open fields whose odds at the score beat the
    # backup's by the finder's margin, with the figures' source.
    at = {s: match_odds.step2_estimate(data.specialty(s), 238) for s in ("pediatrics", "family-medicine", "internal-medicine")}
    assert at["pediatrics"] - at["internal-medicine"] >= backup_finder.HARDER_BY  # type: ignore[operator]
    # Only fields as open as the first choice by match odds, within the
    # finder's margin, so none of them draws this warning again; the first
    # choice's figure beside them (diff review s50b, 2).
    assert psych.endswith(
        "Otherwise, the check can rate several fields alike, where the match odds calculator still tells them apart "
        "by your Step 2 CK: at 238, Pediatrics about 69%, against about 42% in Internal "
        f"Medicine and about 58% in Psychiatry ({data.CHARTING_OUTCOMES.cite()}; probably an overestimate where your "
        "file has red flags). Compare them there, if you would gladly train in them, before you keep Internal Medicine (our advice)."
    )
    # Not family medicine, whose estimate is level at every score, which match
    # odds says ranks no field (diff review s51b, 3).
    assert match_odds.step2_says_little(data.specialty("family-medicine")) and "Family Medicine about" not in psych
    # The same pointer, without non-US IMGs' figures, for a US-citizen IMG.
    citizen = {"applicant_type": "us-img", "step2_score": 232, "years_since_graduation": 2, "usce_months": 3}
    bands = {
        s: competitiveness.compute({**citizen, "specialty": s}) for s in ("pediatrics", "internal-medicine", "family-medicine")
    }
    assert (bands["pediatrics"]["score"], bands["internal-medicine"]["score"]) == (65, 55)
    assert BAND_ORDER.index(bands["family-medicine"]["band"]) > BAND_ORDER.index(bands["pediatrics"]["band"])
    peds = str(pc.compute({**citizen, "specialty": "pediatrics", "backup_specialty": "internal-medicine"})["warning"])
    assert peds == (
        "Check your backup: with your file, the competitiveness check rates Internal Medicine 55/100, below Pediatrics "
        "at 65/100. A backup protects you only where it is more open to your file than your first choice. The check "
        "can rate several fields alike, where the match odds calculator still tells them apart by your Step 2 CK (its "
        "figures are non-US IMGs', not your group's): compare Internal Medicine there with the other fields most open "
        "to IMGs, ones you would gladly train in, before you keep it (our advice)."
    )


@pytest.mark.parametrize(
    ("applicant", "first", "backup"),
    [
        # The ordinary pairs: the IMG article's neurology-to-psychiatry, and a harder first choice with an open backup.
        ("non-us-img", "neurology", "psychiatry"),
        ("us-img", "neurology", "psychiatry"),
        ("non-us-img", "dermatology", "internal-medicine"),
        ("us-img", "dermatology", "internal-medicine"),
        ("us-md", "dermatology", "internal-medicine"),
    ],
)
def test_the_lower_rated_backup_warning_stays_silent_for_ordinary_pairs(applicant: str, first: str, backup: str) -> None:
    for step2, unmatched in itertools.product((228, 238, 248), (False, True)):
        inputs = {"applicant_type": applicant, "step2_score": step2, "previously_unmatched": unmatched, "specialty": first}
        warning = pc.compute({**inputs, "backup_specialty": backup})["warning"]
        assert warning is None or "/100, below" not in warning, (inputs, warning)


def test_the_lower_rated_backup_warning_needs_two_steps_and_neither_field_safe_alone() -> None:
    # One 5-point step is a single row apart: pediatrics 59, internal medicine 54.
    gap5 = {**FM_REAPPLICANT, "step2_score": 240, "previously_unmatched": False, "specialty": "pediatrics"}
    assert [competitiveness.compute({**gap5, "specialty": s})["score"] for s in ("pediatrics", "internal-medicine")] == [59, 54]
    assert pc.compute({**gap5, "backup_specialty": "internal-medicine"})["warning"] is None
    # A first choice rated safe alone keeps its backup the smaller share: not warned.
    senior = {"applicant_type": "us-md", "step2_score": 245, "specialty": "family-medicine"}
    first, backup = (competitiveness.compute({**senior, "specialty": s}) for s in ("family-medicine", "anesthesiology"))
    assert first["band"] == "single-track" and first["score"] - backup["score"] >= pc.BACKUP_SCORE_GAP
    assert pc.compute({**senior, "backup_specialty": "anesthesiology"})["warning"] is None
    # The finder's exclusion keeps its place first: a harder backup is told the finder's reason.
    harder = str(pc.compute({**FM_REAPPLICANT, "backup_specialty": "anesthesiology"})["warning"])
    assert harder.startswith("Check your backup: the backup finder leaves Anesthesiology out for Family Medicine.")


def test_a_reapplicant_is_asked_to_go_above_a_range_no_larger_than_last_seasons_list() -> None:
    # 80 internal medicine programs and 2 interviews; the calculator offered
    # 60-70 in the same field, though the no-match guide asks a reapplicant to
    # the same field for a broader list than last time, and answers too few
    # interviews with a much broader one (fmusimg audit s46, 2).
    # Only the field applied to again: the one being left is kept small (recheck46 audit s46, 2).
    def said(name: str, count: str) -> str:
        return (
            f"If you are applying to {name} again, hold its range here, {count}, against the list you sent it last "
            "season: a list no broader than last time repeats what fell short, unless your debrief found the shortfall "
            "lay elsewhere than the list's size. The guide “If you didn't match” asks a reapplicant to the same field "
            "for a broader list than last time (its section “Build the list in tiers”), and for too few interviews a "
            "much broader one (its section “Fix the exact weakness that stopped you”), so go above the range, as far "
            f"as you can afford. If you are leaving {name}, the guide keeps it to a small, chosen set instead."
        )

    reapplicant = {**FM_REAPPLICANT, "specialty": "internal-medicine"}
    with_backup = pc.compute({**reapplicant, "backup_specialty": "family-medicine"})
    # The whole range, no longer trimmed (reapplypsych audit s49, 2), and
    # still no more than the 80 this reader sent: the reason stays.
    assert with_backup["primary"] == counts(60, 80)
    assert said("Internal Medicine", "60–80") in with_backup["reasons"]
    alone = pc.compute(reapplicant)
    assert said("Internal Medicine", alone["count_text"]["primary"]) in alone["reasons"]
    # The headline says it too, in brief (h1bvisa audit s47, 7; the test after next).
    # A first application has no last season to hold the range against; a
    # reader changing field is not applying to the first choice again.
    for other in (
        {**reapplicant, "previously_unmatched": False},
        {**FM_REAPPLICANT, "backup_specialty": "internal-medicine", "changing_field": True},
    ):
        assert not any("last season" in r for r in pc.compute(other)["reasons"]), other


def test_the_guide_section_the_reapplicants_line_names_asks_for_a_broader_list() -> None:
    unmatched = (ROOT / "docs" / "unmatched" / "index.md").read_text(encoding="utf-8")
    section = unmatched.split(f"### {competitiveness.UNMATCHED_GUIDE_FIX.strip('“”')}\n", 1)[1].split("\n## ", 1)[0]
    assert "| Too few interviews | An earlier submission, a much broader program list" in section
    divide = unmatched.split(f"### {pc.UNMATCHED_GUIDE_DIVIDE.strip('“”')}\n", 1)[1].split("\n## ", 1)[0]
    assert "changing field anyway:** put most of your applications in the new field" in divide


PATH_NEURO = {
    "applicant_type": "non-us-img",
    "step2_score": 238,
    "years_since_graduation": 2,
    "usce_months": 3,
    "recent_clinical_months": 3,
    "research_items": 2,
    "needs_visa": True,
    "away_rotations": 1,
    "specialty": "neurology",
}


def test_a_small_fields_range_is_said_to_possibly_exceed_the_programs_that_take_the_reader() -> None:
    # Pathology as the backup got 60-100+ with no anchor but the generic line,
    # in a field of 622 PGY-1 positions where only visa sponsors count
    # (pathneuro audit s46, 6).
    result = pc.compute({**PATH_NEURO, "backup_specialty": "pathology"})
    last = result["reasons"][-1]
    assert last.startswith("If a range exceeds the number of programs in a field that take applicants like you")
    # Each names the places the reader's own group filled beside the range
    # (planner audit s54, 12): 23.9% of 932 and 27.0% of 622.
    assert (
        "Neurology is a small field, with 932 PGY-1 positions offered in 2025, about 223 of them filled by non-US IMGs "
        f"({data.RESULTS_AND_DATA.cite()}): the upper end of its range here, 60–80, may exceed the number of Neurology "
        "programs that take applicants like you and sponsor your visa, and the breadth beyond them then goes to a "
        "larger field than either you named."
    ) in last
    assert (
        "Pathology is a small field, with 622 PGY-1 positions offered in 2025, about 168 of them filled by non-US IMGs: "
        "the upper end of its range here, 60–100+, may exceed the number of Pathology programs that take applicants "
        "like you and sponsor your visa"
    ) in last
    # With a larger field named, the breadth goes there by name.
    to_medicine = pc.compute({**PATH_NEURO, "specialty": "pathology", "backup_specialty": "internal-medicine"})["reasons"][-1]
    assert "then goes to Internal Medicine, the larger field you named." in to_medicine
    assert "then goes to a larger backup field." in pc.compute({**PATH_NEURO, "specialty": "pathology"})["reasons"][-1]
    # No visa: the programs that take the reader, not sponsors.
    citizen = pc.compute({**PATH_NEURO, "applicant_type": "us-img", "needs_visa": False})["reasons"][-1]
    assert "programs that take applicants like you, and the breadth" in citizen
    # Not for larger fields, nor for a US graduate, whom most programs take.
    assert (
        "small field"
        not in pc.compute({**PATH_NEURO, "specialty": "psychiatry", "backup_specialty": "internal-medicine"})["reasons"][-1]
    )
    assert "small field" not in pc.compute({**PATH_NEURO, "applicant_type": "us-md", "needs_visa": False})["reasons"][-1]


def test_a_small_first_choices_count_carries_the_caveat_in_the_read_out_and_headline() -> None:
    # The small-field reason was tenth under "Why these numbers"; the read-out,
    # the pinned line and the first paragraph gave pathology's 60-80 with no
    # caveat (readout46 audit s46, 9).
    visa = pc.compute({"specialty": "pathology", "backup_specialty": "internal-medicine", "applicant_type": "non-us-img"})
    said = "Pathology: 60–80 programs (fewer if fewer sponsor your visa); Internal Medicine: 80–100 programs (Dual apply)."
    assert visa["announced"] == said and visa["summary"].startswith(said)
    # The pinned line, three lines at 320 px, keeps both counts in their short form.
    assert visa["gist"] == "Pathology 60–80 (fewer if fewer sponsor your visa); Internal Medicine 80–100 (Dual apply)."
    failing = pc.compute(
        {"specialty": "pathology", "backup_specialty": "internal-medicine", "applicant_type": "non-us-img", "step2_score": 210}
    )
    # Past about 100 characters with the score's note, the caveat gives way
    # in the pinned line, as in the read-out (diffreview47 audit s47, 6).
    # Still past 90 with it, whose band's end was cut, then the band, which
    # the band's headline says (browser audit s55, 2).
    assert failing["gist"] == "Pathology 60–80; Internal Medicine 80–120. Step 2 CK 210: below passing."
    assert "(fewer if fewer sponsor your visa)" in failing["announced"]
    # Alone, after the band: two brackets in a row read as one aside.
    alone = pc.compute({"specialty": "pathology", "applicant_type": "us-img", "needs_visa": False})
    assert alone["announced"] == "Pathology: 70–80 programs (Dual apply), fewer if fewer take applicants like you."
    citizen = pc.compute(
        {"specialty": "pathology", "backup_specialty": "internal-medicine", "applicant_type": "us-img", "needs_visa": False}
    )
    assert citizen["announced"].startswith("Pathology: 60–80 programs (fewer if fewer take applicants like you); Internal")
    # With a backup warning, the short counts lead the pinned line with the caveat.
    warned = pc.compute({"specialty": "neurology", "backup_specialty": "pmr", "applicant_type": "non-us-img"})
    # Past 90 characters the caveat is said shorter, and only then left out
    # (diffreview47 audit s47, 6; diff review s54, 17).
    assert warned["gist"] == "Neurology 60–80 (fewer if fewer sponsor you); PM&R 60–80 (Dual apply). Check your backup."
    assert "Neurology: 60–80 programs (fewer if fewer sponsor your visa); " in warned["announced"]
    # Not for a US graduate, whom most programs take.
    us_md = {"specialty": "pathology", "backup_specialty": "internal-medicine", "applicant_type": "us-md", "needs_visa": False}
    result = pc.compute(us_md)
    assert "fewer if" not in result["announced"] and "fewer if" not in result["gist"]
    assert "fewer if" not in pc.compute({"specialty": "pathology", "applicant_type": "us-md"})["summary"]


def test_the_small_field_caveat_keeps_the_read_out_within_its_limit() -> None:
    # The longest read-outs: a long backup's name, its warning and a score's
    # note.  The caveat goes first where all of it would pass the limit.
    kept = pc.compute(
        {"specialty": "pathology", "backup_specialty": "pmr", "applicant_type": "us-img", "step2_score": "", "needs_visa": False}
    )
    assert "(fewer if fewer take applicants like you)" in kept["announced"]
    assert len(kept["announced"].split()) <= READ_OUT_WORDS
    dropped = pc.compute(
        {"specialty": "neurology", "backup_specialty": "pmr", "applicant_type": "non-us-img", "step2_score": 199}
    )
    assert "fewer if" not in dropped["announced"] and "fewer if" in dropped["summary"]
    assert dropped["announced"].endswith("Step 2 CK 199: below the passing score, 218.")
    assert len(dropped["announced"].split()) <= READ_OUT_WORDS


# The planner audit's reader, with pathology as the backup (planner audit s54, 12).
PLANNER54_PATHOLOGY = {**PLANNER54, "backup_specialty": "pathology"}


def test_a_small_backups_count_carries_the_caveat_in_the_headline_and_read_out() -> None:
    # "Pathology: 60–100+ programs" stood in the headline beside about 168
    # places non-US IMGs filled, its caveat tenth among the reasons (planner
    # audit s54, 12).
    result = pc.compute(PLANNER54_PATHOLOGY)
    said = (
        "Internal Medicine: 60–80 programs; Pathology: 60–100+ programs, fewer if fewer sponsor your visa (Dual apply, strongly)."
    )
    assert result["summary"].startswith(said) and result["announced"] == said
    assert len(result["announced"].split()) <= READ_OUT_WORDS
    # The pinned line keeps to its length: the backup's caveat is the first to give way there.
    assert result["gist"] == "Internal Medicine 60–80; Pathology 60–100+ (Dual apply, strongly)."
    assert len(result["gist"]) <= PINNED_LINE_CHARS
    # The reason says why, with the places the reader's group filled.
    assert any("about 168 of them filled by non-US IMGs" in reason for reason in result["reasons"])
    # Without a visa need, the programs that take the reader.
    citizen = pc.compute({**PLANNER54_PATHOLOGY, "applicant_type": "us-img", "needs_visa": "false"})
    assert "Pathology: 60–100+ programs, fewer if fewer take applicants like you (" in citizen["summary"]
    assert any("about 57 of them filled by US-citizen IMGs" in reason for reason in citizen["reasons"])
    # Two small fields hear it once, of each.
    both = pc.compute({**PLANNER54_PATHOLOGY, "specialty": "neurology"})
    assert both["summary"].startswith(
        "Neurology: 60–80 programs; Pathology: 60–100+ programs (Dual apply, strongly). In each field, fewer if fewer "
        "sponsor your visa."
    )
    # Not beside a larger backup, nor for a US graduate, nor beside the field
    # being left after a change of field, a small, chosen set.
    for inputs in (
        {**PLANNER54_PATHOLOGY, "backup_specialty": "family-medicine"},
        {**PLANNER54_PATHOLOGY, "applicant_type": "us-md", "needs_visa": "false"},
        {
            **PLANNER54_PATHOLOGY,
            "specialty": "internal-medicine",
            "backup_specialty": "neurology",
            "previously_unmatched": True,
            "changing_field": True,
        },
    ):
        checked = pc.compute(inputs)
        assert "fewer if" not in checked["summary"].split(". ")[0], inputs


def test_the_small_field_line_goes_to_the_fields_the_data_set_apart() -> None:
    small = {s.slug for s in data.SPECIALTIES if s.pgy1 is not None and s.pgy1.positions_offered < pc.SMALL_FIELD_POSITIONS}
    assert small == {"neurology", "orthopaedic-surgery", "pathology"}
    # The next field up is well clear of the line, as the constant's comment says.
    larger = min(s.pgy1.positions_offered for s in data.SPECIALTIES if s.pgy1 is not None and s.slug not in small)
    assert larger == 1587


# "The articles give no count for Anesthesiology" stood beside the no-match
# article's 70-90 anesthesia programs (anesadv audit s46, 3).
def test_anesthesiologys_only_article_count_is_named_with_its_role() -> None:
    result = pc.compute(
        {
            "specialty": "anesthesiology",
            "applicant_type": "non-us-img",
            "step2_score": 246,
            "usce_months": 4,
            "previously_unmatched": True,
        }
    )
    summary = str(result["summary"])
    assert "give no count for Anesthesiology" not in summary
    assert summary.startswith(
        "Name a backup: the articles give Anesthesiology no first-choice count (the no-match article gives it 70–90 "
        "programs in its worked example of a US MD moving to it from orthopaedics after a no-match and a research "
        "year, and 60–100+ as a backup after a no-match)"
    )


# "About 85 places" in anesthesiology read as all the field held for the
# reader, though the table counts only its PGY-1 places (anesadv audit s46, 2).
def test_a_field_with_advanced_positions_says_its_places_are_only_those_from_pgy1() -> None:
    reasons = pc.compute(
        {"specialty": "anesthesiology", "backup_specialty": "internal-medicine", "applicant_type": "non-us-img"}
    )["reasons"]
    anaesthesia = next(r for r in reasons if r.startswith("Non-US IMGs filled") and "Anesthesiology" in r)
    medicine = next(r for r in reasons if r.startswith("Non-US IMGs filled") and "Internal Medicine" in r)
    assert "The table holds only places that start at PGY-1, none of the field's advanced (PGY-2) ones." in anaesthesia
    assert "advanced" not in medicine and medicine.endswith("): count a program only where its record shows applicants like you.")


# A pediatrics backup was rated with the psychiatry letters and rotations
# entered for the first choice, so no warning came (twofails audit s46, 4).
def test_a_named_backup_is_said_to_be_rated_with_the_first_choices_letters_and_rotations() -> None:
    inputs = {"specialty": "psychiatry", "backup_specialty": "pediatrics", "applicant_type": "us-img"}
    said = (
        "Any warning this result gives on Pediatrics rates it with the letters and US rotations you entered for "
        "Psychiatry, as if they were in Pediatrics: run the competitiveness check on Pediatrics with its own to see "
        "how it rates you."
    )
    assert said in pc.compute({**inputs, "specialty_letters": 2, "away_rotations": 0})["reasons"]
    assert said in pc.compute({**inputs, "specialty_letters": 0, "away_rotations": 1})["reasons"]
    assert said not in pc.compute({**inputs, "specialty_letters": 0, "away_rotations": 0})["reasons"]
    assert not any("as if they were in" in r for r in pc.compute({**inputs, "backup_specialty": None})["reasons"])


# --- A reapplicant changing field (fmusimg audit s46, 1) ----------------------------
# The audit's command: family medicine first, internal medicine, the field of
# the no-match, as the backup.
FMUSIMG_COMMAND = " ".join(
    (
        "--specialty family-medicine --backup_specialty internal-medicine --applicant_type us-img --step2_score 224",
        "--exam_failures 1 --years_since_graduation 4 --usce_months 2 --recent_clinical_months 0 --specialty_letters 2",
        "--research_items 1 --away_rotations 1 --previously_unmatched true",
    )
).split()


def _command_line(*extra: str) -> dict[str, object]:
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "calculators", "program_counts", *FMUSIMG_COMMAND, *extra],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return dict(json.loads(run.stdout))


def test_the_audits_reader_changing_field_gets_most_of_the_list_in_the_new_field() -> None:
    before = _command_line()
    # Unset, as before: the new field at its first-choice range (trimmed to
    # 60-70 until reapplypsych audit s49, 2), 59% in the field being left.
    assert (before["primary"], before["backup"], before["share"]) == (
        counts(60, 80),
        counts(80, 120),
        {"primary_pct": 41, "backup_pct": 59},
    )
    assert _command_line("--changing_field", "false") == before
    result = _command_line("--changing_field", "true")
    # Family medicine untrimmed, at what it would get carrying the list as the
    # backup (the IMG article's 80-120); internal medicine a quarter of it:
    # the no-match article's 80/20.
    assert result["primary"] == counts(80, 120) == before["backup"]
    assert result["backup"] == counts(20, 30)
    assert (
        result["share"]
        == {"primary_pct": pc.PIVOT_BACKUP_PCT, "backup_pct": pc.PIVOT_FIRST_CHOICE_PCT}
        == {
            "primary_pct": 80,
            "backup_pct": 20,
        }
    )
    assert result["count_text"] == {"primary": "80–120", "backup": "20–30", "total": "100–150"}
    rules = result["range_rule"]
    assert isinstance(rules, dict)
    assert (rules["primary"]["aim"], rules["backup"]["aim"]) == ("whole", "quarter-of-first-choice")
    assert rules["backup"]["aim_text"] == "a quarter of the first choice's count (the 20 in an 80/20 split)"
    # The reasons say the answer moved both counts, and cite the article's 80/20.
    reasons = result["reasons"]
    assert isinstance(reasons, list)
    assert (
        "Family Medicine: rule of thumb 80–120 programs. Basis: Internal or family medicine for an IMG unsure of "
        "matching (IMG article's family medicine example, 80–120; the orthopaedics article's 80+). Changing field, as "
        "you answered: Family Medicine carries most of your list, so rather than its first-choice range it takes the "
        "range this calculator gives a field carrying a reapplicant's list,"
    ) in reasons[1]
    # The count shown is the count said, with the range it is cut from after
    # it: "rule of thumb 60-80" stood beside 20-30 (visareapply audit s51, 7).
    assert any(
        r.startswith(
            "Internal Medicine as the backup: 20–30 programs, a quarter of the first choice's count (the 20 in an 80/20 "
            "split). Changing field, as you answered: keep only a hand-picked set in Internal Medicine, the field you are "
            "leaving (programs where you have a connection or a real chance), following the no-match article's 80/20 "
            "example, so that Family Medicine carries most of the list. For comparison, the articles' range for it as a "
            f"first choice beside a backup is 60–80 ({data.ARTICLE_IMG.cite()}). Basis of that range: "
        )
        for r in reasons
    )
    assert not any("Internal Medicine as the backup: rule of thumb" in r for r in reasons)
    # Counted by the no-match article's split, and cited so (diff review s51, 3).
    assert rules["backup"]["source"] == data.ARTICLE_UNMATCHED.cite()
    assert rules["primary"]["source"] != data.ARTICLE_UNMATCHED.cite()
    assert "After a no-match, the no-match article favors volume in the new field, spread across community programs" in " ".join(
        reasons
    )
    # Family medicine no longer takes the psychiatry example, so its caveat goes.
    assert not any("one count for a first choice like yours" in r for r in reasons)
    # Internal medicine is rated lower (26 against 36): the change is what the
    # check supports, and no warning tells the reader to swap back.
    assert result["warning"] is None
    assert str(result["announced"]).startswith("Family Medicine: 80–120 programs; Internal Medicine: 20–30 programs")


def test_a_reapplicants_first_choice_points_a_reader_whose_first_choice_is_new_to_the_answer() -> None:
    unticked = pc.compute({**FM_REAPPLICANT, "backup_specialty": "internal-medicine"})["range_rule"]["primary"]["why"]
    # The action leads: it came last of four cases in about 110 words
    # (diffreview47 audit s47, 15).
    assert unticked.startswith(
        f"If your first choice here is a new field, tick “{pc.CHANGING_FIELD.label}”: it then carries the list and the "
        "field you are leaving takes about a fifth. Otherwise you are trying Family Medicine again, and it keeps its "
        "whole range, 60–80,"
    )
    assert "untrimmed" not in unticked and len(unticked.split()) <= 100


@pytest.mark.parametrize(
    ("inputs", "needs"),
    [
        ({"backup_specialty": "internal-medicine"}, "needs “I applied before and did not match” ticked, or untick it."),
        (
            {"previously_unmatched": True},
            "needs the field you are leaving named as the backup specialty, or untick it.",
        ),
        (
            {},
            "needs “I applied before and did not match” ticked and the field you are leaving named as the backup "
            "specialty, or untick it.",
        ),
    ],
)
def test_changing_field_without_a_no_match_or_a_backup_is_refused_by_name(inputs: dict[str, object], needs: str) -> None:
    # Ignored, it would score a reader who went unmatched as a first-time
    # applicant, or plan no set in the field they are leaving, in silence.
    from calculators import signals

    for calc in (pc, signals):
        with pytest.raises(InputError) as caught:
            calc.compute({"specialty": "family-medicine", **inputs, "changing_field": "true"})
        assert caught.value.field == "changing_field"
        assert caught.value.message == f"“{pc.CHANGING_FIELD.label}” {needs}"


def test_changing_field_gives_way_to_a_pivot_and_says_so() -> None:
    # The check rates the new field itself "Pivot": it cannot carry the list.
    unticked = pc.compute({**PIVOT, "backup_specialty": "internal-medicine"})
    ticked = pc.compute({**PIVOT, "backup_specialty": "internal-medicine", "changing_field": True})
    assert ticked["band"] == "pivot"
    for key in ("primary", "backup", "share", "range_rule"):
        assert ticked[key] == unticked[key], key
    # A warning leading the summary, the read-out and the pinned line, where
    # the seventh reason alone said so (diffreview47 audit s47, 5).
    warning = (
        f"Your change of field gives way to a pivot: you ticked “{pc.CHANGING_FIELD.label}”, but the competitiveness "
        "check rates Dermatology itself “Pivot to a backup” for your file, so these counts follow the pivot, with most "
        "of your list in Internal Medicine, the field you are leaving. Rather than move to a field that rates you so, "
        "choose a new field the check rates better; the backup finder suggests some."
    )
    assert ticked["warning"] == warning and unticked["warning"] is None
    assert ticked["summary"].startswith(warning)
    assert ticked["announced"].startswith(
        "Your change of field gives way to a pivot: the check rates Dermatology itself “Pivot to a backup”. Dermatology: "
        "20–30 programs; Internal Medicine: 80–120 programs"
    )
    # Its failing score is pinned first, then the tag, the band left to its
    # headline (browser audit s55, 2).  The line kept to 90 characters by
    # dropping a count, not by letting three lines cut it: at a pivot, the
    # one that carries the smaller part of the list (counts56 brief s56, 1).
    assert ticked["gist"] == "Step 2 CK 215: below passing. Check your change of field. Internal Medicine 80–120."
    passing = pc.compute({**PIVOT, "step2_score": 218, "backup_specialty": "internal-medicine", "changing_field": True})
    assert passing["gist"] == "Check your change of field. Dermatology 20–30; Internal Medicine 80–120."
    # Nor is the field the reader says they are leaving called one to train in gladly for good.
    assert not any("gladly train in" in r for r in ticked["reasons"])
    assert any("gladly train in" in r for r in unticked["reasons"])


def test_changing_field_warns_only_where_the_check_rates_the_field_being_left_clearly_higher() -> None:
    # Internal medicine first at 26, leaving family medicine at 36: the change
    # moves most of the list to the field less open to this file.
    result = pc.compute(
        {**FM_REAPPLICANT, "specialty": "internal-medicine", "backup_specialty": "family-medicine", "changing_field": True}
    )
    assert result["warning"] == (
        "Check your change of field: with your file, the competitiveness check rates Family Medicine, the field you are "
        "leaving, 36/100, above Internal Medicine at 26/100, and this plan puts most of your list in Internal Medicine. "
        "If your debrief found you borderline in Family Medicine rather than misaligned with it, the guide “If you "
        "didn't match” advises applying to it again with a broader list and a backup alongside (its section “Build the "
        f"list in tiers”): make Family Medicine the target specialty and untick “{pc.CHANGING_FIELD.label}”."
    )
    assert result["warning_heard"] == (
        "Check your change of field: the check rates Family Medicine, the field you are leaving, 36/100, above Internal "
        "Medicine at 26."
    )
    assert result["announced"].startswith(str(result["warning_heard"]))
    # The backup warnings judge a net that catches the reader; the field being
    # left is not one.  The finder leaves anesthesiology out for family
    # medicine as harder, and said "swap the two": a reader leaving it is not told so.
    left_harder = {**FM_REAPPLICANT, "backup_specialty": "anesthesiology"}
    assert str(pc.compute(left_harder)["warning"]).startswith("Check your backup: the backup finder leaves Anesthesiology out")
    anesthesiology = competitiveness.compute({**FM_REAPPLICANT, "specialty": "anesthesiology"})["score"]
    assert anesthesiology - 36 < pc.BACKUP_SCORE_GAP
    assert pc.compute({**left_harder, "changing_field": True})["warning"] is None


@pytest.mark.parametrize("applicant", [slug for slug, _ in data.APPLICANT_TYPES])
@pytest.mark.parametrize("band", ["dual-apply", "dual-apply-strongly"])
def test_a_new_field_is_never_trimmed_and_the_field_being_left_takes_a_fifth(applicant: str, band: str) -> None:
    for new, left in itertools.product(SLUGS, BROAD):
        if new == left:
            continue
        for red_flag in (False, True):
            unticked = pc.plan(new, left, band, True, applicant, red_flag)  # type: ignore[arg-type]
            changed = pc.plan(new, left, band, True, applicant, red_flag, True)  # type: ignore[arg-type]
            whole = pc.first_choice_range(new)
            said = (new, left, band, applicant, red_flag)
            # At least the whole first-choice range, which a field tried again
            # takes unticked (reapplypsych audit s49, 2), and what the new
            # field would take carrying the list as the backup.
            assert unticked["primary"] == {"low": whole.low, "high": whole.high}, said
            assert changed["primary"]["low"] >= whole.low and changed["primary"]["high"] >= whole.high, said
            as_backup = pc.plan(left, new, band, True, applicant, red_flag)["backup"]  # type: ignore[arg-type]
            assert changed["primary"] == as_backup, said
            assert changed["backup"] == dict(
                zip(("low", "high"), pc._quarter_of(as_backup["low"], as_backup["high"]), strict=True)
            )
            assert abs(changed["share"]["primary_pct"] - pc.PIVOT_BACKUP_PCT) <= 1, said
            assert changed["range_rule"]["backup"]["aim"] == "quarter-of-first-choice"


def test_a_new_field_outside_the_no_match_articles_examples_is_said_to_extrapolate_its_range() -> None:
    # Neurology carrying the list takes the 60-100+ the article gives with other fields as examples.
    inputs = {"specialty": "neurology", "backup_specialty": "internal-medicine", "previously_unmatched": True}
    said = (
        "The no-match article gives its 60–100+ with internal medicine, family medicine, pediatrics, psychiatry and "
        "anesthesiology as its examples; Neurology is not among them, so using it for Neurology here is our extrapolation."
    )
    changed = pc.compute({**inputs, "changing_field": True})
    assert changed["range_rule"]["primary"]["rule"] == pc.NO_MATCH_BACKUP.key
    assert said in changed["reasons"]
    assert said not in pc.compute(inputs)["reasons"]
    assert not any(
        "using it for" in r for r in pc.compute({**inputs, "specialty": "psychiatry", "changing_field": True})["reasons"]
    )


@pytest.mark.parametrize("applicant", [slug for slug, _ in data.APPLICANT_TYPES])
def test_a_weaker_band_never_shrinks_a_changed_fields_counts(applicant: str) -> None:
    for new, left, red_flag in itertools.product(SLUGS, BROAD, (False, True)):
        if new == left:
            continue
        stronger, weaker = (
            pc.plan(new, left, band, True, applicant, red_flag, True)  # type: ignore[arg-type]
            for band in ("dual-apply", "dual-apply-strongly")
        )
        for role in ("primary", "backup"):
            assert weaker[role]["low"] >= stronger[role]["low"], (new, left, red_flag, role)
            assert weaker[role]["high"] >= stronger[role]["high"], (new, left, red_flag, role)
        # At a pivot the new field gives way: the backup carries the list.
        pivot = pc.plan(new, left, "pivot", True, applicant, red_flag, True)
        assert pivot == pc.plan(new, left, "pivot", True, applicant, red_flag)
        assert pivot["backup"]["low"] >= weaker["backup"]["low"]


# Session 47, diffreview47 audit: the changing-field box at its edges.
# The guide's orthopaedics example (diffreview47 audit s47, 1): a reader
# leaving orthopaedics for internal medicine.
LEAVING_ORTHO = {
    "specialty": "internal-medicine",
    "backup_specialty": "orthopaedic-surgery",
    "step2_score": 250,
    "research_items": 3,
    "previously_unmatched": True,
}


@pytest.mark.parametrize("left", sorted(profile.ULTRA_SLUGS))
def test_a_reader_leaving_an_ultra_competitive_field_can_tick_the_box(left: str) -> None:
    from calculators import signals

    inputs = {**LEAVING_ORTHO, "backup_specialty": left}
    result = pc.compute({**inputs, "changing_field": True})
    # The new field carries the list; the field being left is a fifth, not a net.
    assert result["share"] == {"primary_pct": 80, "backup_pct": 20}
    assert result["range_rule"]["backup"]["aim"] == "quarter-of-first-choice"
    assert not any("rarely work as a backup" in r for r in result["reasons"])
    assert signals.compute({**inputs, "changing_field": True})["specialties"][1]["specialty"] == left
    # Unticked, still refused, and the refusal names the box as the route.
    for calc in (pc, signals):
        with pytest.raises(InputError) as caught:
            calc.compute(inputs)
        assert caught.value.field == "backup_specialty"
        assert caught.value.message.startswith(f"Backup specialty cannot be {data.specialty(left).name}: ")
        assert (
            f"If {data.specialty(left).name} is the field you did not match in and are leaving, tick "
            f"“{pc.CHANGING_FIELD.label}”, with the new field as your target specialty. Otherwise choose a less "
            "competitive field"
        ) in caught.value.message


def test_the_guides_orthopaedics_example_gets_the_80_20_split_the_other_way_round() -> None:
    result = pc.compute({**LEAVING_ORTHO, "changing_field": True})
    assert result["band"] == "dual-apply-strongly"
    assert result["count_text"] == {"primary": "80–120", "backup": "20–30", "total": "100–150"}
    assert (
        result["announced"] == "Internal Medicine: 80–120 programs; Orthopaedic Surgery: 20–30 programs (Dual apply, strongly)."
    )
    assert result["warning"] is None
    # Ticking the box opens the ultra-competitive fields in the backup list, and only the first choice stays closed.
    closed = pc.CLOSED_CHOICES({"specialty": "internal-medicine", "changing_field": True})
    assert closed == {"backup_specialty": frozenset({"internal-medicine"})}
    assert (
        pc.CLOSED_CHOICES({"specialty": "internal-medicine", "changing_field": False})["backup_specialty"] >= profile.ULTRA_SLUGS
    )


def test_leaving_an_ultra_competitive_field_for_one_rated_pivot_keeps_the_new_field_first_and_warns() -> None:
    # The pivot's split would put most of the list in dermatology, the field being left.
    result = pc.compute(
        {
            "specialty": "diagnostic-radiology",
            "backup_specialty": "dermatology",
            "applicant_type": "non-us-img",
            "step2_score": 210,
            "exam_failures": 2,
            "previously_unmatched": True,
            "changing_field": True,
        }
    )
    assert result["band"] == "pivot"
    assert result["share"]["primary_pct"] == 80
    assert str(result["warning"]).startswith(
        "Check your change of field: the competitiveness check rates Diagnostic Radiology itself “Pivot to a backup” "
        "for your file, and Dermatology, the field you are leaving, is ultra-competitive: neither can carry your list"
    )
    # The new field carries 80% of this list, so its count is the one kept (counts56 brief s56, 1).
    assert result["gist"] == "Step 2 CK 210: below passing. Check your change of field. Diagnostic Radiology 50–80+."


def test_at_a_pivot_a_reapplicant_is_not_told_to_go_above_the_first_choices_hand_picked_set() -> None:
    # Diffreview47 audit s47, 3: "go above the range" beside "keep only a hand-picked set".
    for backup in ("internal-medicine", None):
        result = pc.compute({**PIVOT, "previously_unmatched": True, "backup_specialty": backup})
        assert result["band"] == "pivot"
        assert not any("go above the range" in r for r in result["reasons"]), backup
    broad = pc.compute({**FM_REAPPLICANT, "backup_specialty": "internal-medicine"})
    assert broad["band"] != "pivot" and any("go above the range" in r for r in broad["reasons"])


def test_after_a_change_of_field_the_breadth_goes_to_the_new_field_not_the_one_being_left() -> None:
    # Diffreview47 audit s47, 4.
    base = {"applicant_type": "non-us-img", "previously_unmatched": True, "changing_field": True}
    neurology_new = pc.compute({**base, "specialty": "neurology", "backup_specialty": "internal-medicine"})
    reasons = " ".join(neurology_new["reasons"])
    assert (
        "the breadth has to come from Neurology, not from padding the list in Internal Medicine, the field you are leaving."
    ) in reasons
    assert "the breadth has to come from the backup" not in reasons
    assert (
        "the breadth beyond them then goes to a larger field than Internal Medicine, the field you are leaving, which "
        "stays a small, chosen set."
    ) in reasons
    neurology_left = pc.compute({**base, "specialty": "internal-medicine", "backup_specialty": "neurology"})
    assert "Neurology is a small field" not in " ".join(neurology_left["reasons"])
    radiology_left = pc.compute({**base, "specialty": "internal-medicine", "backup_specialty": "diagnostic-radiology"})
    assert not any("rarely work as a backup" in r for r in radiology_left["reasons"])
    # Unticked, the backup is a net and is judged as one.
    unticked = {**base, "changing_field": False}
    assert any(
        "rarely work as a backup" in r
        for r in pc.compute({**unticked, "specialty": "internal-medicine", "backup_specialty": "diagnostic-radiology"})["reasons"]
    )
    assert "Neurology is a small field" in " ".join(
        pc.compute({**unticked, "specialty": "internal-medicine", "backup_specialty": "neurology"})["reasons"]
    )


def test_a_new_fields_lower_half_aim_is_said_and_not_called_untrimmed() -> None:
    # Diffreview47 audit s47, 7: family medicine 80-100 at "Dual apply", said to be "not trimmed".
    result = pc.compute(
        {
            "specialty": "family-medicine",
            "backup_specialty": "internal-medicine",
            "applicant_type": "non-us-img",
            "step2_score": 240,
            "previously_unmatched": True,
            "changing_field": True,
        }
    )
    rule = result["range_rule"]["primary"]
    assert (result["band"], result["count_text"]["primary"], rule["aim"]) == ("dual-apply", "80–100", "lower-half")
    assert "not trimmed" not in rule["why"] and "not cut" not in rule["why"]
    assert "so rather than its first-choice range it takes the range this calculator gives" in rule["why"]
    assert rule["why"].endswith(
        "At “Dual apply” that aims for the lower half of the range, and gives the whole at “Dual apply, strongly” (our rule)."
    )


def test_the_pinned_line_keeps_to_its_length_and_names_a_change_of_field() -> None:
    # Diffreview47 audit s47, 6: 167 of 208 pinned lines with the caveat passed 100 characters.
    ortho = pc.compute(
        {
            "specialty": "orthopaedic-surgery",
            "backup_specialty": "general-surgery",
            "applicant_type": "non-us-img",
            "step2_score": 235,
        }
    )
    assert ortho["warning"] and "(fewer if fewer sponsor your visa)" in ortho["summary"]
    # Still past 90 characters without it, the tag goes first and the band
    # gives way; a fourth line cut it before (counts56 brief s56, 1).
    assert ortho["gist"] == "Check your backup. Orthopaedic Surgery 60–90+; General Surgery 60–100+."
    for applicant, first, backup, score in itertools.product(
        ("us-img", "non-us-img"),
        ("neurology", "pathology", "orthopaedic-surgery"),
        BROAD,
        (215, 235),
    ):
        if first == backup:
            continue
        result = pc.compute({"specialty": first, "backup_specialty": backup, "applicant_type": applicant, "step2_score": score})
        gist = result["gist"]
        assert len(gist) <= PINNED_LINE_CHARS, gist
        # The tag after the counts and their band, or, once the band has
        # given way, before the counts, after only a failing score's note.
        if result["warning"]:
            tag = "Check your backup."
            led = gist.partition(tag)[0] in ("", f"Step 2 CK {score}: below passing. ")
            assert gist.endswith(tag) or (led and result["band_label"] not in gist), gist
    # Diffreview47 audit s47, 8: a warning on the change of field pins its own tag.
    changing = pc.compute(
        {**FM_REAPPLICANT, "specialty": "internal-medicine", "backup_specialty": "family-medicine", "changing_field": True}
    )
    assert changing["gist"] == "Check your change of field. Internal Medicine 80–120; Family Medicine 20–30."
    assert changing["warning_tag"] == "Check your change of field."


def test_a_pivots_hand_picked_set_carries_no_small_field_caveat() -> None:
    # Diffreview47 audit s47, 10: "Orthopaedic Surgery 20-30 (fewer if fewer take applicants like you)".
    inputs = {**PIVOT, "specialty": "orthopaedic-surgery", "backup_specialty": "internal-medicine", "previously_unmatched": True}
    result = pc.compute(inputs)
    assert result["band"] == "pivot" and result["range_rule"]["primary"]["aim"] == "quarter-of-backup"
    assert "fewer if" not in result["summary"] and "fewer if" not in result["announced"] and "fewer if" not in result["gist"]
    assert "fewer if" in pc.compute({**inputs, "previously_unmatched": False, "step2_score": 235, "exam_failures": 0})["summary"]


def test_the_extrapolation_names_the_no_match_articles_examples_from_the_data() -> None:
    # Diffreview47 audit s47, 13: two sentences typed out the same list.
    said = pc._extrapolated(data.specialty("neurology"), "that range", "here is our extrapolation as well")
    for slug in data.NO_MATCH_BACKUPS:
        assert data.specialty(slug).name.lower() in said
    assert said == (
        "The no-match article gives that range with internal medicine, family medicine, pediatrics, psychiatry and "
        "anesthesiology as its examples; Neurology is not among them, so using it here is our extrapolation as well."
    )


def test_an_h1b_only_reader_counts_only_programs_that_will_file_in_every_field() -> None:
    # An H-1B-only reader got the any-visa line, "count only programs that
    # sponsor the one you need", and internal medicine's 60-80 with no caveat
    # (h1bvisa audit s47, 2); then a caveat on the first choice alone, while
    # the reasons sent the breadth to a backup just as filtered, and a pivot's
    # backup, most of the list, got none (diffreview48 audit s48, 2).
    reader = {"specialty": "internal-medicine", "backup_specialty": "psychiatry", "applicant_type": "non-us-img"}
    result = pc.compute({**reader, "needs_visa": "h1b-only"})
    said = " ".join(result["reasons"])
    assert "You need an H-1B and cannot take a J-1, as you answered: count only programs that will file an H-1B " in said
    assert "whether it still files new petitions for applicants abroad" in said
    assert "where both have too few, a longer list cannot make up for it" in said
    assert "sponsor the one you need" not in said and "has to come from the backup" not in said
    counts = "Internal Medicine: 60–80 programs; Psychiatry: 60–80 programs (Dual apply)."
    assert result["summary"].startswith(f"{counts} {pc.H1B_ONLY_COUNTS}")
    assert result["announced"].startswith(f"{counts} {pc.H1B_ONLY_COUNTS}")
    assert result["gist"] == f"Internal Medicine 60–80; Psychiatry 60–80 (Dual apply). {pc.H1B_ONLY_PINNED}"
    # At a pivot too, where the backup carries the list; alone, of the one count.
    pivot = pc.compute({**PIVOT, "backup_specialty": "family-medicine", "needs_visa": "h1b-only"})
    assert pivot["band"] == "pivot" and pc.H1B_ONLY_COUNTS in pivot["summary"]
    alone = pc.compute({"specialty": "family-medicine", "applicant_type": "non-us-img", "needs_visa": "h1b-only"})
    assert pc.H1B_ONLY_COUNT in alone["summary"] and pc.H1B_ONLY_COUNTS not in alone["summary"]
    # A small field's sentence names the same programs.
    small = pc.compute({"specialty": "pathology", "applicant_type": "non-us-img", "needs_visa": "h1b-only"})
    assert any("programs that take applicants like you and will file an H-1B for you" in r for r in small["reasons"])
    # A reader who can take either visa hears none of it, and a small field's caveat alone.
    either = pc.compute({**reader, "needs_visa": "true"})
    assert "H-1B" not in either["summary"] and "H-1B" not in either["gist"]
    # A graduate of a US school is not sent to the rules for applicants abroad (diffreview48 audit s48, 6).
    us_md = " ".join(pc.compute({**reader, "applicant_type": "us-md", "needs_visa": "h1b-only"})["reasons"])
    assert "graduate medical education office" in us_md and "applicants abroad" not in us_md


def test_the_h1b_caveat_is_the_last_to_leave_the_read_out_and_the_pinned_line() -> None:
    # A backup warning took both caveats out of the read-out though the H-1B
    # one fitted (diffreview48 audit s48, 5).
    result = pc.compute(
        {
            "specialty": "internal-medicine",
            "backup_specialty": "psychiatry",
            "applicant_type": "non-us-img",
            "previously_unmatched": True,
            "needs_visa": "h1b-only",
            "step2_score": 240,
        }
    )
    assert result["warning"] and pc.H1B_ONLY_COUNTS in result["announced"], result["announced"]
    assert len(result["announced"].split()) <= READ_OUT_WORDS
    # Here the pinned line has no room for it beside the warning's tag (105
    # characters); with PM&R, a shorter name, it has.
    assert result["gist"] == "Internal Medicine 60–80; Psychiatry 60–100+ (Dual apply, strongly). Check your backup."
    shorter = pc.compute({**result["inputs"], "specialty": "pmr", "backup_specialty": "neurology"})
    assert shorter["warning"] and shorter["gist"].endswith(f"{pc.H1B_ONLY_PINNED} Check your backup."), shorter["gist"]
    assert len(shorter["gist"]) <= PINNED_LINE_CHARS


def test_a_reapplicants_first_choice_is_said_with_more_than_last_season_for_a_second_try() -> None:
    # The headline gave 60-70, the count a reader copies, while a reason asked
    # a reader applying to the field again for more than last season's list
    # (h1bvisa audit s47, 7): the headline now says both, of the whole range
    # the field tried again keeps (reapplypsych audit s49, 2).
    reader = {"specialty": "internal-medicine", "backup_specialty": "psychiatry", "applicant_type": "non-us-img"}
    again = pc.compute({**reader, "previously_unmatched": True, "step2_score": 232})
    assert again["range_rule"]["primary"]["aim"] == "whole"
    said = f"Internal Medicine: 60–80 programs ({pc.AGAIN_CAVEAT}); Psychiatry:"
    assert again["summary"].startswith(said) and again["announced"].startswith(said)
    assert any("go above the range" in r for r in again["reasons"])
    # Beside a small field's caveat, which points the other way, the reasons
    # say it (diffreview48 audit s48, 4).
    small = pc.compute({**reader, "specialty": "neurology", "previously_unmatched": True, "step2_score": 232})
    assert "(fewer if fewer sponsor your visa)" in small["summary"] and "last season" not in small["summary"]
    # Not on a first try, nor at a pivot, nor beside a new field that carries
    # the list, at any band: at "Dual apply" the new field aims for the lower
    # half of a backup's range, and was never applied to (diffreview48 audit s48, 1).
    changing = {"backup_specialty": "internal-medicine", "previously_unmatched": True, "changing_field": True}
    for other in (
        {**reader, "step2_score": 232},
        {**PIVOT, "backup_specialty": "family-medicine"},
        {**FM_REAPPLICANT, **changing, "step2_score": 232},
        {"specialty": "family-medicine", **changing, "needs_visa": "false", "step2_score": 240},
    ):
        result = pc.compute(other)
        assert "last season" not in result["summary"], (other, result["summary"])
    assert pc.compute({**PIVOT, "backup_specialty": "family-medicine"})["band"] == "pivot"
    dual = pc.compute({"specialty": "family-medicine", **changing, "needs_visa": "false", "step2_score": 240})
    assert dual["band"] == "dual-apply" and dual["range_rule"]["primary"]["aim"] == "lower-half"


# The audit's reader: a US-citizen IMG trying psychiatry again after 60
# programs, 4 interviews and no match, family medicine as the backup.
REAPPLYPSYCH = {
    "specialty": "psychiatry",
    "applicant_type": "us-img",
    "step2_score": 228,
    "years_since_graduation": 3,
    "usce_months": 10,
    "recent_clinical_months": 4,
    "specialty_letters": 2,
    "research_items": 1,
    "away_rotations": 1,
    "needs_visa": "false",
    "previously_unmatched": True,
    "backup_specialty": "family-medicine",
}


def test_a_field_tried_again_keeps_its_whole_range_above_last_seasons_list() -> None:
    # Psychiatry was trimmed to 60-70, no wider than the 60 that failed, on a
    # rule for a field being left, with "Changing field" unticked, which means
    # the same field again (reapplypsych audit s49, 2).
    result = pc.compute(REAPPLYPSYCH)
    assert result["band"] == "dual-apply-strongly"
    assert (result["primary"], result["backup"]) == (counts(60, 80), counts(80, 120))
    rule = result["range_rule"]["primary"]
    assert (rule["article_range"], rule["aim"]) == ("60–80", "whole")
    assert "Otherwise you are trying Psychiatry again, and it keeps its whole range, 60–80," in rule["why"]
    assert "borderline reader" in rule["why"] and "backup as insurance" in rule["why"]
    assert "broader list than last time" in rule["why"] and "field being left" not in rule["why"]
    # The count is said with last season's list wherever the reader hears it.
    said = f"Psychiatry: 60–80 programs ({pc.AGAIN_CAVEAT}); Family Medicine: 80–120 programs (Dual apply, strongly)."
    assert result["summary"].startswith(said) and result["announced"] == said
    assert len(result["announced"].split()) <= READ_OUT_WORDS
    assert result["gist"].startswith("Psychiatry 60–80; Family Medicine 80–120") and len(result["gist"]) <= PINNED_LINE_CHARS
    assert any(r.startswith("If you are applying to Psychiatry again, hold its range here, 60–80,") for r in result["reasons"])
    # The method says the same.
    method = unescape(str(pc.method()))
    assert "a first choice applied to again beside a backup keeps its whole range" in method
    assert "to the lower half of its range, after a no-match" not in method
    # Changing field still divides the list 80/20: psychiatry, the field being
    # left, takes about a fifth, and no last season is said of the new field.
    changing = pc.compute(
        {**REAPPLYPSYCH, "specialty": "family-medicine", "backup_specialty": "psychiatry", "changing_field": True}
    )
    assert changing["range_rule"]["backup"]["aim"] == "quarter-of-first-choice"
    assert abs(changing["share"]["backup_pct"] - pc.PIVOT_FIRST_CHOICE_PCT) <= 1
    assert changing["backup"]["high"] < result["primary"]["low"]
    assert "last season" not in changing["summary"]


@pytest.mark.parametrize("step2", [222, 225, 228, 239])
def test_a_family_medicine_reader_is_not_warned_of_a_backup_match_odds_puts_as_open(step2: int) -> None:
    # Family medicine's matched quartiles are its tier's lowest, so the check
    # rated every open backup 10 below it at 222-228, and the warning came
    # back on whichever the pointer named (diff review s50b, 1).
    inputs = {"specialty": "family-medicine", "applicant_type": "non-us-img", "step2_score": step2}
    first = match_odds.step2_estimate(data.specialty("family-medicine"), step2)
    assert first is not None
    quiet = []
    for spec in data.SPECIALTIES:
        if spec.tier != "accessible" or spec.slug == "family-medicine":
            continue
        warning = pc.compute({**inputs, "backup_specialty": spec.slug})["warning"]
        there = match_odds.step2_estimate(spec, step2)
        if there is not None and there >= first - backup_finder.HARDER_BY:
            assert "protects you only where" not in str(warning), spec.slug
            quiet.append(spec.slug)
    assert "pediatrics" in quiet


def test_dual_apply_strongly_says_how_little_it_moves_where_dual_apply_takes_part_of_the_same_range() -> None:
    # For a non-US IMG the step from "Dual apply" to "Dual apply, strongly"
    # moved the split 3 points, while the reason said the backup "takes a
    # large share" (crosscalc audit s51, 2).
    plan = pc.plan("internal-medicine", "family-medicine", "dual-apply-strongly", applicant_type="non-us-img")
    at_dual = pc.plan("internal-medicine", "family-medicine", "dual-apply", applicant_type="non-us-img")
    assert plan["primary"] == at_dual["primary"]
    why = plan["range_rule"]["backup"]["why"]
    assert "takes a large share" not in why
    assert f"where “Dual apply” gives the lower half of the range ({at_dual['count_text']['backup']})" in why
    assert "the stronger band mainly raises the likely programs in each list to 45%, from 35%" in why
    assert plan["tiers"]["likely_pct"] == 45 and at_dual["tiers"]["likely_pct"] == 35
    # A US graduate's backup does move from a kept-second range to the broad one, and keeps the words.
    us = pc.plan("internal-medicine", "family-medicine", "dual-apply-strongly", applicant_type="us-md")
    assert "takes a large share" in us["range_rule"]["backup"]["why"]


def test_the_secondary_backup_range_does_not_deny_the_img_articles_family_medicine_count() -> None:
    # "The articles' only count" beside a family medicine backup, where the IMG
    # article's own example gives 80-120 (midseason audit s52, 6).
    result = pc.compute(
        {"specialty": "internal-medicine", "applicant_type": "us-img", "step2_score": 231, "backup_specialty": "family-medicine"}
    )
    assert result["band"] == "dual-apply" and result["count_text"]["backup"] == "40–60"
    [said] = [r for r in result["reasons"] if "only count for a backup kept second" in r]
    assert "at “Dual apply” outside orthopaedics" in said
    assert (
        "The IMG article's 80–120 for a family medicine backup is for a non-US IMG with a Step 2 CK of 229, "
        "observerships only, a J-1 visa to obtain and a 2019 graduation."
    ) in said


def test_an_older_graduate_is_told_where_a_graduation_limit_is_found_and_to_count_to_the_start_of_training() -> None:
    # "Stated limit" alone said neither where to look nor when to count to
    # (oldgrad audit s52, 8).
    old = {"specialty": "psychiatry", "applicant_type": "non-us-img", "years_since_graduation": 8}
    [said] = [r for r in pc.compute(old)["reasons"] if "stated limit on years since graduation" in r]
    assert profile.GRADUATION_LIMIT_HOW in said and "We hold no count of programs with such limits" in said
    assert not any(profile.GRADUATION_LIMIT_HOW in r for r in pc.compute({**old, "years_since_graduation": 5})["reasons"])


@pytest.mark.parametrize(("new", "count"), [("family-medicine", "804"), ("psychiatry", "191")])
@pytest.mark.parametrize("visa", [True, False])
def test_changing_to_a_field_with_fewer_places_for_your_group_is_said_once_beside_its_count(
    visa: bool, new: str, count: str
) -> None:
    # 80% of the list went to a field with about a quarter of the non-US IMG
    # places, and nothing compared the two (visareapply audit s51, 6).
    reader = {
        "specialty": new,
        "backup_specialty": "internal-medicine",
        "changing_field": True,
        "previously_unmatched": True,
        "applicant_type": "non-us-img",
        "step2_score": 226,
        "needs_visa": visa,
    }
    reasons = pc.compute(reader)["reasons"]
    [said] = [r for r in reasons if "which now carries most of your list" in r]
    name = data.specialty(new).name
    assert said.startswith("Non-US IMGs filled ") and f"PGY-1 {name} positions offered in 2025, about {count} places" in said
    assert "but had fewer such places than Internal Medicine, the field you are leaving." in said
    assert (f"We hold no count of {name} programs that sponsor visas: check each one's record" in said) is visa
    # Each count, and the advice to count programs, said once a field: a
    # third reason gave both counts and the advice again (diff review s52b, 10).
    joined = " ".join(reasons)
    assert joined.count(f"about {count} places") == 1 and joined.count("3,578") == 1
    assert joined.count("count a program only where its record shows applicants like you") == 2
    # Not without the box, nor the other way round.
    assert not any(
        "now carries most of your list but had fewer" in r for r in pc.compute({**reader, "changing_field": False})["reasons"]
    )
    swapped = {**reader, "specialty": "internal-medicine", "backup_specialty": new}
    assert not any("now carries most of your list but had fewer" in r for r in pc.compute(swapped)["reasons"])


def test_the_seventy_to_eighty_percent_rule_is_said_to_be_the_articles_for_a_backup_list_and_ours_for_every_list() -> None:
    # The no-match article writes it for a backup list after a no-match
    # (sources audit s54, 6).
    result = pc.compute({"specialty": "internal-medicine"})
    reasons = " ".join(str(r) for r in result["reasons"])
    assert "The no-match article asks for 70–80% or more of a backup list after a no-match; asking it of every list" in reasons
    assert "this calculator asks it of every list (our rule)" in str(pc.method())


# --- Whether the reader applied in the season under review ------------------------------------
# A reader planning the Match 2028 read "Short of interviews in ERAS 2027?"
# beside counts that were theirs for the next season (planner audit s54, 3).
MEDICINE_WITH_BACKUP = {**PLANNER54, "backup_specialty": "family-medicine"}


def _counted(monkeypatch: pytest.MonkeyPatch, answer: str | None, **inputs: object) -> tuple[dict, str]:
    pin_build_date(monkeypatch, "2026-12-07")
    result = pc.compute({**MEDICINE_WITH_BACKUP, **inputs, **applied_this_season(answer)})
    return dict(result), unescape(str(pc.render(result)))


def test_a_reader_who_has_not_applied_this_season_is_told_the_counts_are_for_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result, page = _counted(monkeypatch, "no")
    assert result["mid_season"] is None and "Mid-season: " not in page and "Short of interviews" not in page
    said = (
        "As you answered, you have not applied for the Match 2027, so these counts are for ERAS 2028 (Match 2028), "
        "the next season you can apply to on time. Its dates here are estimated by rule; the published ones are not "
        "in our data."
    )
    assert result["next_season"] == said and f'<p class="mpb-note">{said}</p>' in page
    unsaid, _ = _counted(monkeypatch, None)
    assert result["count_text"] == unsaid["count_text"]


def test_a_reader_who_applied_this_season_keeps_the_mid_season_note_without_the_next_seasons_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result, page = _counted(monkeypatch, "yes")
    unsaid, _ = _counted(monkeypatch, None)
    note, asked = str(result["mid_season"]), str(unsaid["mid_season"])
    assert asked.startswith("Short of interviews in ERAS 2027 (Match 2027)? New applications can still go")
    assert asked.endswith("Planning for ERAS 2028 (Match 2028) instead? They stand as shown.")
    assert note.startswith("As you answered, you applied for the Match 2027. Short of interviews? New applications can still go")
    assert "Planning for" not in note and note.endswith("this season's began on 23 September 2026 (estimated).")
    assert "Mid-season: " in page and result["next_season"] is None


def test_not_saying_whether_you_applied_asks_it_in_the_mid_season_note(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pinned in its words on one day: compared with mid_season_note itself, a
    # change to the Not said text passed (diff review s55, 13).
    result, page = _counted(monkeypatch, "not-said")
    assert result["mid_season"] == (
        "Short of interviews in ERAS 2027 (Match 2027)? New applications can still go to more programs in your field "
        "if you have not yet applied widely, otherwise to your backup, Family Medicine. The last useful day to send a "
        "new application is about 20 December 2026: one sent later is unlikely to bring an interview. That day is "
        "this site's rule of thumb, not an article's: interviews begin about a month after an application goes in, "
        "and need at least four weeks before the rank lists close. We count those weeks back from our estimate of "
        "the rank-list deadline, which we set early on purpose. If the NRMP's deadline falls as in 2024 and 2026, "
        "new applications help about one to two weeks longer (in the NRMP calendars we hold, the deadline fell 16 "
        "and 23 days before Match Day). That is until about 27 December 2026 to 3 January 2027. Send as soon as you can, and do not turn down an interview before the NRMP's "
        "published deadline. The Timeline guide's section “Already applied, and short of interviews?” "
        "says what to weigh. These counts are for a whole season's applications, sent before reviews begin; this "
        "season's began on 23 September 2026 (estimated). Planning for ERAS 2028 (Match 2028) instead? They stand as "
        "shown."
    )
    assert result["next_season"] is None and "As you answered" not in page
    # No answer at all reads the same.
    assert (result, page) == _counted(monkeypatch, None)


def test_the_next_seasons_dates_are_called_ours_only_where_the_result_names_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # A file whose margins name no day of the Match 2028 was still told "Its
    # dates here are estimated by rule" (diff review s55, 10).
    result, page = _counted(monkeypatch, "no", step2_score=262, usce_months=6, specialty_letters=3)
    assert not re.search(r"\b\d{1,2} [A-Z][a-z]+ 2027\b", page)
    assert result["next_season"] == (
        "As you answered, you have not applied for the Match 2027, so these counts are for ERAS 2028 (Match 2028), "
        "the next season you can apply to on time."
    )
    # The planner's file is offered months that end after its letters are due, a day it names.
    dated, dated_page = _counted(monkeypatch, "no")
    assert re.search(r"\b\d{1,2} [A-Z][a-z]+ 2027\b", dated_page)
    assert str(dated["next_season"]).endswith("Its dates here are estimated by rule; the published ones are not in our data.")


@pytest.mark.parametrize(
    ("applicant", "backup", "caveat"),
    [("us-img", "40–60", "take IMGs"), ("non-us-img", "60–80", "sponsor you")],
)
def test_two_small_fields_share_the_caveat_in_the_pinned_line_or_neither_has_it(applicant: str, backup: str, caveat: str) -> None:
    # "Neurology 60–80 (fewer if fewer take applicants like you); Pathology
    # 40–60" read as if pathology escaped the caveat the summary gives "In
    # each field" (diff review s54, 17).
    result = pc.compute({"specialty": "neurology", "backup_specialty": "pathology", "applicant_type": applicant})
    assert "In each field, fewer if fewer" in result["summary"]
    assert result["gist"] == f"Neurology 60–80; Pathology {backup} (Dual apply). In each field, fewer if fewer {caveat}."
    assert len(result["gist"]) <= PINNED_LINE_CHARS
    # Where even the short form does not fit, neither field carries it.
    strongly = pc.compute(
        {"specialty": "neurology", "backup_specialty": "pathology", "applicant_type": applicant, "step2_score": 225}
    )
    assert strongly["band"] == "dual-apply-strongly" and "fewer" not in strongly["gist"], strongly["gist"]


def test_the_short_small_field_caveat_names_imgs_and_is_said_only_to_imgs_who_need_no_visa() -> None:
    # "Neurology 40–60, fewer if fewer take you (Dual apply)": a worried reader
    # heard that fewer programs would take them, where the rule is about a
    # group; "IMGs" names the group, and holds only while no one else hears it
    # (diff review s55, 11).
    heard_by: set[str] = set()
    pinned_short = 0
    for applicant, visa, (first, backup), score in itertools.product(
        ("us-md", "us-do", "us-img", "non-us-img"),
        ("by-applicant-type", "true", "h1b-only", "false"),
        [("neurology", None), ("internal-medicine", "pathology"), ("neurology", "pathology"), ("pathology", "pmr")],
        (225, 240),
    ):
        result = pc.compute(
            {
                "specialty": first,
                "backup_specialty": backup or "",
                "applicant_type": applicant,
                "needs_visa": visa,
                "step2_score": score,
            }
        )
        said = " ".join([result["summary"], result["announced"], result["gist"]])
        assert "fewer take you" not in said, said
        if pc.SHORTER_CAVEATS[pc.SMALL_GROUP_CAVEAT] in result["gist"] or pc.SMALL_GROUP_CAVEAT in said:
            assert applicant in data.IMG_TYPES and not profile.visa_needed(result["inputs"]), (applicant, visa, said)
            heard_by.add(applicant)
            pinned_short += "fewer if fewer take IMGs" in result["gist"]
    assert heard_by == {"us-img", "non-us-img"} and pinned_short


# --- browser audit s55, 2: the phone's pinned line for a failing score ---------------------------------------
def test_a_failing_score_is_pinned_with_the_counts_and_leads_where_they_pass_the_limit() -> None:
    # With no backup, the pinned line was the whole summary: three lines cut
    # "...is below the current passing score, " before the score itself.
    alone = pc.compute({"step2_score": 212})
    assert alone["gist"] == "Internal Medicine: 80–120 programs (Dual apply, strongly). Step 2 CK 212: below passing."
    assert "Your Step 2 CK of 212 is below the current passing score, 218" in alone["summary"]
    # Where the advice is to name a backup, it comes after the note.
    derm = pc.compute({"specialty": "dermatology", "step2_score": 212})
    assert derm["gist"] == "Dermatology (Dual apply, strongly). Step 2 CK 212: below passing. Name a backup."
    # Two counts give way their band before the note goes.
    pair = pc.compute({"step2_score": 212, "backup_specialty": "family-medicine"})
    assert pair["gist"] == "Internal Medicine 60–80; Family Medicine 80–120. Step 2 CK 212: below passing."
    # A passing score pins the summary's counts, without the margins that
    # followed them, 285 characters in all (counts56 brief s56, 1).
    passing = pc.compute({"step2_score": 218})
    assert passing["gist"] == "Internal Medicine: 80–120 programs (Dual apply, strongly)."
    assert passing["summary"].startswith(f"{passing['gist']} Your score of 32/100")
    for first, backup, applicant, score, visa in itertools.product(
        SLUGS, [None, "internal-medicine", "pathology", "pmr"], ("us-do", "non-us-img"), (190, 217), ("true", "h1b-only")
    ):
        try:
            result = pc.compute(
                {
                    "specialty": first,
                    "backup_specialty": backup or "",
                    "applicant_type": applicant,
                    "step2_score": score,
                    "needs_visa": visa,
                }
            )
        except InputError:
            continue  # a backup the form refuses
        gist, note = result["gist"], f"Step 2 CK {score}: below"
        assert note in gist and len(gist) <= PINNED_LINE_CHARS, gist
        # Where both counts no longer fit with it, the note leads, the
        # warning's tag next (counts56 brief s56, 1).
        if backup is not None and ";" not in gist:
            assert gist.startswith(f"{note} passing. {result['warning_tag']}" if result["warning"] else note), gist


# --- counts56 brief s56, 1: every pinned line keeps to the limit, the least urgent part going first ---------------
def test_a_backup_a_warning_and_a_failing_score_keep_to_the_pinned_limit_the_note_first() -> None:
    # "Check your backup. Step 2 CK 217: below passing. Internal Medicine
    # 60–80; Emergency Medicine 60–100+." ran to 101 characters, cut by a
    # phone's third line; the warned backup's count now gives way.
    warned = pc.compute(
        {
            "specialty": "internal-medicine",
            "backup_specialty": "emergency-medicine",
            "applicant_type": "us-do",
            "step2_score": 217,
            "previously_unmatched": True,
        }
    )
    assert warned["warning_tag"] == "Check your backup."
    assert warned["gist"] == "Step 2 CK 217: below passing. Check your backup. Internal Medicine 60–80."
    # Where even one count does not fit with the note and the tag, both of those stay.
    changing = pc.compute({**PIVOT, "step2_score": 217, "backup_specialty": "obstetrics-gynecology", "changing_field": True})
    assert changing["gist"] == "Step 2 CK 217: below passing. Check your change of field."
    # With none of them, the whole summary was pinned: 316 characters here, of
    # which a phone showed "Name a backup: the largest count the articles give…".
    alone = pc.compute({"specialty": "dermatology", "step2_score": 218})
    assert len(alone["summary"]) > 300 and alone["gist"] == "Dermatology (Dual apply, strongly). Name a backup."
    # A missing score's note stays before the band.
    unscored = pc.compute({"specialty": "dermatology", "step2_score": ""})
    assert unscored["gist"] == f"Dermatology (Dual apply, strongly). Name a backup. {profile.NO_SCORE_HEARD}"
    # Where it does not fit, the band comes back in its place.
    do = pc.compute({"specialty": "general-surgery", "applicant_type": "us-do", "step2_score": ""})
    assert do["gist"] == "General Surgery: 60–80 programs (Single-track is reasonable)."
    assert profile.NO_SCORE_HEARD_DO_SURGERY in do["announced"]


def pinned_sweep(
    readers: list[tuple[str, str]], backups: list[str | None]
) -> Iterator[tuple[str, str | None, int | None, dict[str, object]]]:
    """Every field first, with each backup, reader, score (none, failing,
    passing) and change of field: the grid the pinned-line sweeps share."""
    for first, backup, (applicant, visa), score, changing in itertools.product(
        SLUGS, backups, readers, (None, 217, 240), (False, True)
    ):
        if backup == first or (backup is None and changing):
            continue
        yield (
            first,
            backup,
            score,
            {
                "specialty": first,
                "backup_specialty": backup or "",
                "applicant_type": applicant,
                "needs_visa": visa,
                "step2_score": "" if score is None else score,
                "previously_unmatched": changing,
                "changing_field": changing,
            },
        )


def test_every_pinned_line_keeps_to_the_limit_and_gives_way_least_urgent_first() -> None:
    readers = [("us-do", "by-applicant-type"), ("us-img", "by-applicant-type"), ("non-us-img", "h1b-only")]
    backups = [None, "internal-medicine", "pathology", "obstetrics-gynecology", "plastic-surgery"]
    seen: set[str] = set()
    for first, backup, score, inputs in pinned_sweep(readers, backups):
        try:
            result = pc.compute(inputs)
        except InputError:
            continue  # a backup the form refuses
        gist, tag, label = result["gist"], result["warning_tag"], result["band_label"]
        assert len(gist) <= PINNED_LINE_CHARS, (inputs, gist)
        failing = score is not None and score < data.STEP2_PASSING_SCORE
        # The most urgent parts are never dropped: a failing score's note and the warning's tag.
        assert (f"Step 2 CK {score}: below" in gist) is failing and (tag is None or tag in gist), (inputs, gist)
        note = f"Step 2 CK {score}: below passing." if failing else ""
        names = [competitiveness.pinned_name(data.specialty(slug).name) for slug in (first, backup) if slug]
        counted = [name for name in names if name in gist]
        # A caveat or the H-1B words go before the band, and the band before a count.
        if "fewer if" in gist or "last season" in gist or pc.H1B_ONLY_PINNED in gist:
            assert label in gist, (inputs, gist)
        if label in gist:
            assert counted == names, (inputs, gist)
        if counted != names:
            # One count given way, the note leads, the tag next.
            assert gist.startswith(" ".join(part for part in (note, tag) if part)), (inputs, gist)
            assert len(counted) == 1 or gist == f"{note} {tag}", (inputs, gist)
            kept = names[1] if result["band"] == "pivot" and result["share"]["backup_pct"] > 50 else names[0]
            assert counted in ([kept], []), (inputs, gist)
        seen.add(
            "note leads" * gist.startswith("Step 2 CK")
            + "tag leads" * bool(tag and gist.startswith(tag))
            + f"{len(counted)} of {len(names)}"
            + "band" * (label in gist)
        )
    # The grid reaches every way a line gives way.
    assert {"note leads1 of 2", "note leads0 of 2", "tag leads1 of 2", "tag leads2 of 2", "2 of 2", "1 of 1band"} <= seen, seen


# --- interview audit s56, 1 and 2: a reader who applied this season, before the last useful day ----------------------
# The audit's reader: a US-citizen IMG who applied for the Match 2027 to 80
# internal medicine programs, reading on 7 December 2026.
INTERVIEW56 = {
    "specialty": "internal-medicine",
    "backup_specialty": "family-medicine",
    "applicant_type": "us-img",
    "step2_score": 226,
    "usce_months": 3,
    "specialty_letters": 3,
}


def _adding(monkeypatch: pytest.MonkeyPatch, answer: str | None, day: str = "2026-12-07", **inputs: object) -> tuple[dict, str]:
    pin_build_date(monkeypatch, day)
    result = pc.compute({**INTERVIEW56, **inputs, **applied_this_season(answer)})
    return dict(result), unescape(str(pc.render(result)))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z])", text) if s]


def test_a_reader_who_applied_this_season_pins_the_last_useful_day_before_the_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    # The phone pinned "Family Medicine: 80–120 programs" and "A first US
    # rotati…", and never 20 December (interview audit s56, 2).
    result, _ = _adding(monkeypatch, "yes")
    assert result["gist"] == "Add programs by about 20 December 2026. Internal Medicine 60–80; Family Medicine 80–120."
    assert "A first US rotation" in result["summary"] and "rotation" not in result["gist"]
    # With no answer, or planning the next season, the line is as before, word for word.
    for answer in ("no", "not-said", None):
        assert (
            _adding(monkeypatch, answer)[0]["gist"] == "Internal Medicine 60–80; Family Medicine 80–120 (Dual apply, strongly)."
        )
    # Past the last useful day the line is as before too.
    late, _ = _adding(monkeypatch, "yes", day="2026-12-21")
    assert late["gist"] == "Internal Medicine 60–80; Family Medicine 80–120 (Dual apply, strongly)." and late["add_now"] is None


def test_a_reader_who_applied_this_season_is_told_how_many_programs_to_add_by_our_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    # "If you have not yet applied widely" left the reader, who had sent 80,
    # to guess between 0 and 120 more (interview audit s56, 1).
    result, page = _adding(monkeypatch, "yes")
    assert result["add_now"] == (
        "How many to add now (our rule of thumb): Sent fewer than 60 programs to Internal Medicine, the low end of its "
        "range? Add there first, until you reach 60. Otherwise, add your backup: the low end of its range, 80 Family "
        "Medicine programs, is our rule for a late backup."
    )
    assert "<strong>How many to add now (our rule of thumb):</strong> Sent fewer than 60" in page
    # Beside the mid-season note it answers.
    assert page.index("Mid-season: ") < page.index("How many to add now") < page.index("How many programs to apply to</caption>")
    assert all(len(s.split()) <= 35 for s in _sentences(result["add_now"])), result["add_now"]
    # Only to a reader who said so.
    for answer in ("no", "not-said", None):
        unsaid, unsaid_page = _adding(monkeypatch, answer)
        assert unsaid["add_now"] is None and "How many to add now" not in unsaid_page
    # The numbers are the counts shown, not typed: a stronger file's ranges give other numbers.
    strong, _ = _adding(monkeypatch, "yes", step2_score=250, usce_months=12)
    assert strong["count_text"] != result["count_text"]
    low, backup_low = strong["primary"]["low"], strong["backup"]["low"]
    assert f"Sent fewer than {low} programs to Internal Medicine" in strong["add_now"]
    assert f"the low end of its range, {backup_low} Family Medicine programs" in strong["add_now"]


def test_where_the_first_choice_cannot_be_added_to_the_rule_goes_to_the_backup(monkeypatch: pytest.MonkeyPatch) -> None:
    # ResidencyCAS, which emergency medicine uses, closed in September: the
    # mid-season note sends new applications only to ERAS.
    em, _ = _adding(monkeypatch, "yes", specialty="emergency-medicine")
    assert em["add_now"] == (
        "How many to add now (our rule of thumb): Add your backup: the low end of its range, 80 Family Medicine "
        "programs, is our rule for a late backup."
    )
    assert em["gist"].startswith("Add ERAS programs by about 20 Dec")
    # A closed backup is not offered; another that applies through ERAS is.
    closed, _ = _adding(monkeypatch, "yes", backup_specialty="obstetrics-gynecology")
    assert str(closed["add_now"]).endswith(
        "Otherwise, add a backup through ERAS, not Obstetrics and Gynecology: once named above, the low end of its range "
        "is our rule for a late backup."
    )
    # At a pivot the backup carries the list, and comes first.
    pivot, _ = _adding(monkeypatch, "yes", **{**PIVOT, "backup_specialty": "internal-medicine"})
    assert pivot["band"] == "pivot"
    assert pivot["add_now"] == (
        "How many to add now (our rule of thumb): Add your backup first, as it carries your list: its range's low end, "
        "80 Internal Medicine programs, is our rule for a late backup."
    )
    assert "Sent fewer than" not in str(pivot["add_now"])


def test_every_line_for_a_reader_adding_programs_keeps_to_its_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_build_date(monkeypatch, "2026-12-07")
    readers = [("us-do", "by-applicant-type"), ("non-us-img", "h1b-only")]
    backups = [None, "internal-medicine", "family-medicine", "obstetrics-gynecology", "plastic-surgery"]
    seen: set[str] = set()
    for _first, _backup, score, inputs in pinned_sweep(readers, backups):
        try:
            result = pc.compute({**inputs, **applied_this_season("yes")})
        except InputError:
            continue  # a backup the form refuses
        gist, tag, rule = result["gist"], result["warning_tag"], str(result["add_now"])
        assert len(gist) <= PINNED_LINE_CHARS, (inputs, gist)
        assert re.match(r"Add (ERAS programs |programs )?by about 20 (December 2026|Dec 2026|Dec)\. ", gist), (inputs, gist)
        # The most urgent parts are still never dropped.
        failing = score is not None and score < data.STEP2_PASSING_SCORE
        assert (f"Step 2 CK {score}: below" in gist) is failing and (tag is None or tag in gist), (inputs, gist)
        assert result["margins"]["headline"] not in gist or not result["margins"]["headline"], (inputs, gist)
        # The rule: labelled ours, each sentence within 35 words, its numbers the counts' low ends.
        assert rule.startswith(pc.ADD_NOW_LEAD) and ("our rule for a late backup" in rule or "meets this rule" in rule), rule
        assert all(len(s.split()) <= 35 for s in _sentences(rule)), (inputs, rule)
        numbers = {int(n) for n in re.findall(r"\b(\d+)\b", rule)}
        lows = {result["primary"]["low"], *([result["backup"]["low"]] if result["backup"] else [])}
        assert numbers <= lows, (inputs, rule)
        seen.add("first" if "Sent fewer than" in rule else "backup first")
        seen.add("both counts" if ";" in gist else "one count")
    assert {"first", "backup first", "both counts", "one count"} <= seen, seen
