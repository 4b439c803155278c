"""Match odds: Bayes' rule on the 2026 NRMP figures, suppression, the count
model for ranks, the curve and its chart."""

from __future__ import annotations

import itertools
import json
import math
import re
import xml.etree.ElementTree as ET
from html import unescape
from statistics import NormalDist

import pytest
from conftest import READERS_OUTSIDE_THE_DATA, pin_build_date
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import InputError, data, match_odds, profile, registry
from calculators.data import APPLICANT_TYPES, SPECIALTIES, Distribution, latest_match_rates, specialty
from calculators.fields import defaults
from calculators.html import table_percent
from calculators.match_odds import (
    CONTIG_FLOOR,
    CURVE_LIMITS,
    CURVE_RANGE,
    MIN_GROUP_N,
    SCORE_GRID,
    compute,
    monotone_curve,
    normal_pair,
    pool_adjacent_violators,
    shifted_count_log_pmf,
    step2_pair,
    turning_point,
)
from calculators.render import render_calculator
from calculators.svg import Marker, line_chart

SLUGS = [s.slug for s in SPECIALTIES]
APPLICANTS = [slug for slug, _ in APPLICANT_TYPES]
SUPPRESSED = ["dermatology", "orthopaedic-surgery", "plastic-surgery", "otolaryngology"]
OUTPUT_KEYS = {
    "inputs",
    "specialty_name",
    "base_rate",
    "probability",
    "far_from_data",
    "n",
    "method",
    "notes",
    "measures",
    "curve",
    "curve_unavailable",
    "source",
    "comparison_group",
    "summary",
    "announced",
    "gist",
    "rough",
    "score_alone",
    "few_ranks",
    "below_matched_median",
    "unseen_flags",
    "no_ranks",
}


def odds(p: float) -> float:
    return p / (1 - p)


# --- Output shape ---------------------------------------------------------------------------
def test_every_output_key_is_present_with_the_right_type() -> None:
    result = compute({"specialty": "pediatrics", "step2_score": 245, "contiguous_ranks": 6})
    assert set(result) == OUTPUT_KEYS
    assert isinstance(result["base_rate"], float) and 0 < result["base_rate"] < 1
    assert isinstance(result["probability"], float)
    assert set(result["n"]) == {"base_rate", "step2_score", "contiguous_ranks"}
    assert result["n"]["base_rate"] == {"matched": 542, "unmatched": 249}
    assert result["n"]["step2_score"]["matched"] == 422 and result["n"]["step2_score"]["unmatched"] == 182
    assert result["n"]["contiguous_ranks"]["matched"] == 542
    assert "Bayes" in result["method"] and "naive Bayes" in result["method"]
    assert all(isinstance(note, str) and note.endswith(".") for note in result["notes"])
    assert [m["measure"] for m in result["measures"]] == ["step2_score", "contiguous_ranks"]
    assert all({"score", "probability"} == set(point) for point in result["curve"])
    assert result["curve_unavailable"] is None
    assert "NRMP" in result["source"] and "2026" in result["source"]


def test_measures_not_entered_have_no_counts() -> None:
    result = compute({"specialty": "internal-medicine", "step2_score": None})
    assert result["n"]["step2_score"] is None and result["n"]["contiguous_ranks"] is None
    assert result["measures"] == []


@pytest.mark.parametrize("slug", SLUGS)
def test_base_rate_is_matched_over_ranked_first(slug: str) -> None:
    outcome = specialty(slug).outcome
    assert outcome is not None
    result = compute({"specialty": slug, "step2_score": None})
    assert result["base_rate"] == round(outcome.img_matched / outcome.img_ranked_first, 4)
    # With nothing to condition on, the estimate is the base rate itself.
    assert result["probability"] == result["base_rate"]
    assert result["method"].startswith("Base rate only")


# --- Hand-computed Bayes values ------------------------------------------------------------------
def test_internal_medicine_at_250_matches_a_hand_calculation() -> None:
    # IM 2026: 3,392 of 6,992 matched; Step 2 CK matched mean 249 SD 14,
    # unmatched mean 242 SD 14.  Equal SDs, so the pooled SD is 14.
    p = 3392 / 6992
    f_m = math.exp(-0.5 * ((250 - 249) / 14) ** 2)
    f_u = math.exp(-0.5 * ((250 - 242) / 14) ** 2)
    expected = p * f_m / (p * f_m + (1 - p) * f_u)
    assert expected == pytest.approx(0.5253, abs=1e-4)
    result = compute({"specialty": "internal-medicine", "step2_score": 250})
    assert result["probability"] == pytest.approx(expected, abs=1e-4)
    assert result["measures"][0]["likelihood_ratio"] == pytest.approx(f_m / f_u, abs=1e-4)


def test_family_medicine_pools_the_sd_and_is_then_held_at_the_base_rate() -> None:
    # FM: matched 231 (SD 12, n 446), unmatched 232 (SD 13, n 387).  The SDs
    # differ by one rounded point, so both curves use the pooled SD ...
    pooled = math.sqrt((445 * 12**2 + 386 * 13**2) / (446 + 387 - 2))
    pair = step2_pair(specialty("family-medicine"))
    assert pair.shared_sd and pair.sd_m == pytest.approx(pooled)
    p = 599 / 1112
    f_m = NormalDist(231, pooled).pdf(260)
    f_u = NormalDist(232, pooled).pdf(260)
    fitted = p * f_m / (p * f_m + (1 - p) * f_u)
    assert fitted < p  # ... and the fitted curve would fall, since unmatched averaged higher.
    # The issue's example: 1 gave 84%, 220 gave 56%, 265 gave 48%.  Levelled,
    # every score gives the base rate, the pool's average estimate.
    for score in (1, 220, 260, 265, 300):
        result = compute({"specialty": "family-medicine", "step2_score": score})
        assert result["probability"] == result["base_rate"] == round(p, 4)
        assert result["measures"][0]["levelled"] == [1, 300]
        assert result["measures"][0]["likelihood_ratio"] == 1
        assert "held level at every score, your score included" in result["method"]
        assert any("held level at every score, at 54%" in note and "232 against 231" in note for note in result["notes"])
        # The near-equal-averages note would now say too little: the score does not move it at all.
        assert not any("almost the same average" in note for note in result["notes"])


WITH_STEP2 = [s.slug for s in SPECIALTIES if match_odds.step2_estimate(s, 250) is not None]
WORKED = re.compile(
    r"ratio is the height at (?P<score>\d+) .* curves around the means (?P<mean_m>[\d.]+) and (?P<mean_u>[\d.]+), "
    r"(?:both with the pooled SD, (?P<pooled>[\d.]+),.*|with their own SDs, (?P<sd_m>[\d.]+) and (?P<sd_u>[\d.]+)), "
    r"give (?P<ratio>[\d.e+-]+)\.(?: .*the ratio used is (?P<used>[\d.e+-]+), the level's\.)?$"
)


@pytest.mark.parametrize("slug", WITH_STEP2)
@pytest.mark.parametrize("score", [200, 235, 250, 275])
def test_the_step2_ratio_shown_can_be_redone_from_the_numbers_shown_with_it(slug: str, score: int) -> None:
    # The table gives each group's published SD while the curves share the
    # pooled one: for Psychiatry at 200 the table's numbers gave 1.49, the
    # page 0.4061 (arithmetic audit s22, 1).
    result = compute({"specialty": slug, "step2_score": score})
    (measure,) = [m for m in result["measures"] if m["measure"] == "step2_score"]
    worked = WORKED.search(measure["worked"])
    assert worked, measure["worked"]
    sd_m = float(worked["pooled"] or worked["sd_m"])
    sd_u = float(worked["pooled"] or worked["sd_u"])
    assert worked["mean_m"] == f"{measure['matched']['mean']:g}" and worked["mean_u"] == f"{measure['unmatched']['mean']:g}"
    by_hand = NormalDist(float(worked["mean_m"]), sd_m).pdf(score) / NormalDist(float(worked["mean_u"]), sd_u).pdf(score)
    assert float(worked["ratio"]) == pytest.approx(by_hand, rel=0.005)  # the pooled SD is shown to 0.01
    assert float(worked["used"] or worked["ratio"]) == measure["likelihood_ratio"]
    assert (worked["used"] is not None) == (measure["levelled"] is not None)
    assert measure["worked"] in unescape(str(match_odds.render(result)))


def _nb_pmf(k: int, mean: float, sd: float) -> float:
    """Negative binomial for k - 1, written out with gamma functions."""
    mu, var = mean - 1, sd * sd
    p, r = mu / var, mu * mu / (var - mu)
    j = k - 1
    return math.gamma(j + r) / (math.gamma(r) * math.factorial(j)) * p**r * (1 - p) ** j


def test_contiguous_ranks_for_pediatrics_match_a_hand_calculation() -> None:
    # Pediatrics: matched mean 7.6 SD 5.8, unmatched mean 1.7 SD 1.3.
    lr = _nb_pmf(4, 7.6, 5.8) / _nb_pmf(4, 1.7, 1.3)
    p = 542 / 791
    expected = p * lr / (p * lr + (1 - p))
    result = compute({"specialty": "pediatrics", "step2_score": None, "contiguous_ranks": 4})
    assert result["probability"] == pytest.approx(expected, abs=1e-4)
    assert result["measures"][0]["likelihood_ratio"] == pytest.approx(lr, rel=1e-3)
    # By 5 ranks the unmatched group's model holds 97.5% of it, so 6 reads as 5.
    unmatched_share = sum(_nb_pmf(k, 1.7, 1.3) for k in range(1, 6))
    assert unmatched_share >= match_odds.CONTIG_TAIL_SHARE > sum(_nb_pmf(k, 1.7, 1.3) for k in range(1, 5))
    six, five = (compute({"specialty": "pediatrics", "step2_score": None, "contiguous_ranks": k}) for k in (6, 5))
    assert six["probability"] == five["probability"]


def test_both_inputs_multiply_the_likelihood_ratios() -> None:
    both = compute({"specialty": "psychiatry", "step2_score": 236, "contiguous_ranks": 4})
    lrs = [m["likelihood_ratio"] for m in both["measures"]]
    prior_odds = odds(219 / 375)  # psychiatry: 219 of 375 matched
    expected_odds = prior_odds * lrs[0] * lrs[1]
    assert both["probability"] == pytest.approx(expected_odds / (1 + expected_odds), abs=1e-3)
    assert any("independent" in note for note in both["notes"])


@pytest.mark.parametrize(("mean", "sd"), [(7.6, 5.8), (1.7, 1.3), (2.1, 2.7), (1.9, 1.0), (1.5, 0.5)])
def test_count_model_is_a_distribution_with_the_published_mean_and_sd(mean: float, sd: float) -> None:
    ks = range(CONTIG_FLOOR, 2000)
    probs = [math.exp(shifted_count_log_pmf(k, mean, sd)) for k in ks]
    total = sum(probs)
    fitted_mean = sum(k * p for k, p in zip(ks, probs, strict=True))
    assert total == pytest.approx(1, abs=1e-6)
    assert fitted_mean == pytest.approx(mean, abs=1e-3)
    if sd * sd > mean - 1:  # over-dispersed: the negative binomial matches the SD too
        var = sum((k - fitted_mean) ** 2 * p for k, p in zip(ks, probs, strict=True))
        assert math.sqrt(var) == pytest.approx(sd, abs=1e-3)
    assert shifted_count_log_pmf(0, mean, sd) == -math.inf


# --- Suppression, minimum n and unusable inputs ---------------------------------------------------
@pytest.mark.parametrize("slug", SUPPRESSED)
def test_suppressed_specialties_leave_a_step2_score_out_and_say_so(slug: str) -> None:
    result = compute({"specialty": slug, "step2_score": 255})
    assert result["probability"] == result["base_rate"] > 0  # the prior's counts exist even here
    assert result["curve"] == []
    assert "suppressed" in result["method"] and "fewer than 5" in result["method"]
    assert any("not enough data" in note for note in result["notes"])
    assert result["measures"][0]["used"] is False and result["measures"][0]["likelihood_ratio"] is None
    html = unescape(str(match_odds.render(result)))
    assert "Step 2 CK not used: too few applicants" in html and "not used (figures suppressed)" in html
    assert "Step 2 CK not used" in result["summary"] and "Step 2 CK not used" in result["announced"]


@pytest.mark.parametrize("slug", SUPPRESSED)
def test_suppressed_specialties_leave_ranks_out_too(slug: str) -> None:
    result = compute({"specialty": slug, "step2_score": None, "contiguous_ranks": 3})
    assert result["probability"] == result["base_rate"]
    # Named as the form names the field (diffreview45 audit s45, 9).
    assert "Programs you will rank not used" in result["summary"]


def test_small_groups_are_left_out_with_the_minimum_named() -> None:
    # Neurosurgery: Step 2 CK matched n = 8, below the floor of 10.
    result = compute({"specialty": "neurological-surgery", "step2_score": 250})
    assert result["probability"] == result["base_rate"]
    assert f"at least {MIN_GROUP_N}" in result["method"] and "n = 8" in result["method"]
    assert "not used (too few applicants: matched n = 8)" in str(match_odds.render(result))
    # Its ranks figures rest on 15 and 43 applicants, so they can be used, with a caution.
    ranks_only = compute({"specialty": "neurological-surgery", "step2_score": None, "contiguous_ranks": 5})
    assert isinstance(ranks_only["probability"], float)
    assert any("rough" in note for note in ranks_only["notes"])


def test_an_unusable_score_is_left_out_as_an_empty_one_is_and_keeps_the_ranks_estimate() -> None:
    # Entering a neurosurgery score, which the table calls "not used", deleted
    # the ranks-only 32% (moved audit s45, 1).
    result = compute({"specialty": "neurological-surgery", "step2_score": 240, "contiguous_ranks": 4})
    ranks_only = compute({"specialty": "neurological-surgery", "step2_score": None, "contiguous_ranks": 4})
    assert result["probability"] == ranks_only["probability"] == pytest.approx(0.319, abs=0.001)
    assert "Step 2 CK not used" in result["announced"] and "Step 2 CK not used" in result["summary"]
    assert "Step 2 CK not used" in _headline_of(result)


@pytest.mark.parametrize("slug", SLUGS)
def test_an_input_marked_not_used_cannot_change_the_probability(slug: str) -> None:
    # Whatever the table marks "not used" must leave the estimate where leaving
    # that input empty puts it, in every specialty (moved audit s45, 1).
    for applicant, score, ranks in itertools.product(("non-us-img", "us-md"), (None, 200, 240, 270), (None, 1, 4, 12)):
        inputs = {"specialty": slug, "applicant_type": applicant, "step2_score": score, "contiguous_ranks": ranks}
        result = compute(inputs)
        assert result["probability"] is not None
        for row in result["measures"]:
            if not row["used"]:
                empty = compute({**inputs, str(row["measure"]): None})
                assert result["probability"] == empty["probability"], (inputs, row["measure"])
                assert "not used" in unescape(str(match_odds.render(result)))


def test_zero_ranks_is_accepted_and_the_method_says_it_gets_no_estimate() -> None:
    # A reader with no interviews in December was refused ("from 1 to 100"),
    # or shown about 36% with the field left empty (midseason audit s52, 4).
    result = compute({"specialty": "internal-medicine", "step2_score": 240, "contiguous_ranks": 0})
    assert result["probability"] is None and result["no_ranks"] is not None
    method = unescape(str(match_odds.method()))
    assert "the model's counts start at 1. A count of 0 gets no estimate" in method
    assert "the count you enter starts at 1" not in method


def test_far_from_the_data_is_flagged() -> None:
    result = compute({"specialty": "internal-medicine", "step2_score": 300})
    assert any("far from where most applicants" in note for note in result["notes"])
    assert not any("far from" in note for note in compute({"specialty": "internal-medicine", "step2_score": 245})["notes"])
    # The line is FAR_FROM_DATA_SD SDs from both groups' means: in internal
    # medicine (matched 249 ± 14, unmatched 242 ± 14) above 284 and below 207.
    flagged = {
        score: bool(compute({"specialty": "internal-medicine", "step2_score": score})["far_from_data"])
        for score in (206, 207, 284, 285)
    }
    assert flagged == {206: True, 207: False, 284: False, 285: True}


def test_caveats_are_always_stated() -> None:
    notes = " ".join(compute({})["notes"])
    assert "non-US IMGs who ranked" in notes
    assert "not a prediction" in notes
    assert "not a guarantee" in notes
    # The no-match guide sends reapplicants here; the table cannot tell them from
    # first-time applicants, and the result says which way that leans (audit
    # s30, 3), to a reader who ticked the box only (planner audit s54, 5).
    assert "reapplicants are counted together" not in notes
    ticked = " ".join(compute({"previously_unmatched": True})["notes"])
    assert "reapplicants are counted together" in ticked and "more likely too high than too low" in ticked
    # Nor a failed attempt or an old graduation, red flags the calculator never
    # asks about, which an anxious reader would otherwise take as priced in
    # (older-IMG audit s34, 1).
    assert "failed exam attempt" in notes and "graduated more than 5–7 years ago" in notes
    ranks_notes = " ".join(compute({"contiguous_ranks": 5})["notes"])
    assert "self-reported" in ranks_notes


# --- Invalid inputs ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("inputs", "field", "message"),
    [
        ({"specialty": "cardiology"}, "specialty", "Specialty must be one of: Internal Medicine, Family Medicine"),
        ({"specialty": ""}, "specialty", "Specialty must be one of"),
        ({"step2_score": 0}, "step2_score", "Step 2 CK score must be a whole number from 1 to 300, or left empty."),
        ({"step2_score": 301}, "step2_score", "Step 2 CK score must be a whole number from 1 to 300"),
        ({"step2_score": "two-forty"}, "step2_score", "Step 2 CK score must be a whole number"),
        ({"step2_score": 240.5}, "step2_score", "Step 2 CK score must be a whole number"),
        ({"step2_score": True}, "step2_score", "Step 2 CK score must be a whole number"),
        (
            {"contiguous_ranks": -1},
            "contiguous_ranks",
            "Programs you will rank in this specialty must be a whole number from 0 to 100",
        ),
        ({"contiguous_ranks": 101}, "contiguous_ranks", "from 0 to 100, or left empty."),
        ({"contiguous_ranks": "many"}, "contiguous_ranks", "Programs you will rank in this specialty must be"),
        ({"step_2": 240}, "step_2", "not an input of this calculator"),
    ],
)
def test_invalid_inputs_name_the_field_and_what_is_allowed(inputs: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        compute(inputs)
    assert caught.value.field == field
    assert message in caught.value.message


def test_text_inputs_from_a_form_are_accepted() -> None:
    assert compute({"specialty": "neurology", "step2_score": " 250 ", "contiguous_ranks": ""}) == compute(
        {"specialty": "neurology", "step2_score": 250}
    )


# --- Shape of the curve ---------------------------------------------------------------------------------
def test_every_2026_specialty_with_data_uses_a_shared_sd() -> None:
    # The method text says so; this keeps it true if the figures change.
    for spec in SPECIALTIES:
        o = spec.outcome
        assert o is not None
        if o.step2_matched.usable and o.step2_unmatched.usable:
            assert step2_pair(spec).shared_sd, spec.slug


@settings(max_examples=400, deadline=None)
@given(
    slug=st.sampled_from(SLUGS),
    applicant=st.sampled_from(APPLICANTS),
    a=st.integers(min_value=1, max_value=300),
    b=st.integers(min_value=1, max_value=300),
    ranks=st.none() | st.integers(min_value=1, max_value=100),
)
def test_a_higher_score_never_lowers_the_estimate(slug: str, applicant: str, a: int, b: int, ranks: int | None) -> None:
    low, high = sorted((a, b))
    inputs = {"specialty": slug, "applicant_type": applicant, "contiguous_ranks": ranks}
    r_low = compute({**inputs, "step2_score": low})
    r_high = compute({**inputs, "step2_score": high})
    if r_low["probability"] is None:
        assert r_high["probability"] is None
        return
    assert r_high["probability"] >= r_low["probability"]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_curve_and_its_ratio_never_fall(slug: str) -> None:
    spec = specialty(slug)
    outcome = spec.outcome
    assert outcome is not None
    if not (outcome.step2_matched.usable and outcome.step2_unmatched.usable):
        pytest.skip("no Step 2 CK figures")
    curve = compute({"specialty": slug, "step2_score": 300})["curve"]
    assert all(q["probability"] >= p["probability"] for p, q in itertools.pairwise(curve))
    ratios = [match_odds.step2_log_lr(spec, x) for x in SCORE_GRID]
    assert all(r2 >= r1 - 1e-12 for r1, r2 in itertools.pairwise(ratios))


@pytest.mark.parametrize("slug", [s for s in SLUGS if s != "family-medicine"])
def test_where_the_fitted_curve_already_rises_nothing_is_levelled(slug: str) -> None:
    spec = specialty(slug)
    outcome = spec.outcome
    assert outcome is not None
    if not (outcome.step2_matched.usable and outcome.step2_unmatched.usable):
        pytest.skip("no Step 2 CK figures")
    assert match_odds.step2_curve(spec).levels == ()
    for x in (1, 200, 245, 300):
        assert match_odds.step2_log_lr(spec, x) == step2_pair(spec).log_lr(x)


def test_pool_adjacent_violators_gives_the_weighted_monotone_fit() -> None:
    assert pool_adjacent_violators([1, 2, 3], [1, 1, 1]) == [(0, 0, 1), (1, 1, 2), (2, 2, 3)]
    assert pool_adjacent_violators([3, 1], [1, 3]) == [(0, 1, 1.5)]
    assert pool_adjacent_violators([1, 4, 2, 3, 0], [1, 1, 1, 1, 1]) == [(0, 0, 1), (1, 4, 2.25)]
    # A block whose every weight underflowed still gets a value.
    assert pool_adjacent_violators([2, 1], [0, 0]) == [(0, 1, 1.5)]


@pytest.mark.parametrize(
    ("matched", "unmatched"),
    [
        (Distribution(250, 250, 10, n=400), Distribution(240, 240, 20, n=400)),  # peaks, then would fall
        (Distribution(245, 245, 20, n=400), Distribution(240, 240, 10, n=400)),  # dips, then rises
        (Distribution(235, 235, 14, n=400), Distribution(245, 245, 14, n=400)),  # falls throughout
        (Distribution(240, 240, 6, n=400), Distribution(230, 230, 30, n=400)),  # narrow matched group
    ],
)
def test_levelling_makes_any_pair_of_curves_non_decreasing(matched: Distribution, unmatched: Distribution) -> None:
    pair = normal_pair(matched, unmatched)
    curve = monotone_curve(pair, 0.5)
    assert curve.levels
    values = [curve.log_lr(x) for x in SCORE_GRID]
    assert all(b >= a - 1e-12 for a, b in itertools.pairwise(values))
    # Outside the levelled stretches the fitted ratio is used unchanged.
    for x in SCORE_GRID:
        if curve.level_at(x) is None:
            assert curve.log_lr(x) == pair.log_lr(x)


def test_clearly_different_sds_are_kept_and_the_curve_then_turns() -> None:
    # A made-up table where the SDs differ far beyond rounding and noise.
    matched = Distribution(median=250, mean=250, sd=10, n=400)
    unmatched = Distribution(median=240, mean=240, sd=20, n=400)
    pair = normal_pair(matched, unmatched)
    assert not pair.shared_sd and pair.sd_z > 1.96
    turn = turning_point(pair)
    assert turn is not None
    # The log likelihood ratio peaks at the vertex and falls on both sides:
    # the non-monotone shape the method warns about.
    assert pair.log_lr(turn) > pair.log_lr(turn - 30)
    assert pair.log_lr(turn) > pair.log_lr(turn + 30)
    assert pair.log_lr(turn) == pytest.approx(max(pair.log_lr(turn + d / 10) for d in range(-100, 101)), abs=1e-9)


def test_sds_within_rounding_are_pooled() -> None:
    pair = normal_pair(Distribution(240, 240, 12, n=5000), Distribution(235, 235, 13, n=5000))
    assert pair.shared_sd and pair.sd_z == 0
    assert turning_point(pair) is None


def test_ranks_past_the_unmatched_groups_tail_are_held_level_and_said_so() -> None:
    # OB/GYN's unmatched non-US IMGs ranked 1.9 programs on average: at 15
    # ranks the ratio was two far tails (18,363) and a failing 200 read "over
    # 99% matched"; emergency medicine fell to 2% at 100 ranks (match-odds audit s37, 1, 4).
    held = match_odds.contig_held_from(specialty("obstetrics-gynecology"))
    assert held == match_odds.contig_tail(specialty("obstetrics-gynecology")) < 15
    failing = compute({"specialty": "obstetrics-gynecology", "step2_score": 200, "contiguous_ranks": 15})
    assert failing["probability"] < 0.5
    note = next(n for n in failing["notes"] if n.startswith(f"More than {held} ranks in Obstetrics"))
    assert "97.5%" in note and "not a reason to rank fewer programs" in note
    assert not any(
        n.startswith("More than") for n in compute({"specialty": "obstetrics-gynecology", "contiguous_ranks": held})["notes"]
    )
    em = [
        compute({"specialty": "emergency-medicine", "step2_score": 240, "contiguous_ranks": k})["probability"] for k in (10, 100)
    ]
    assert em[0] == em[1]


@pytest.mark.parametrize("slug", [s.slug for s in SPECIALTIES])
def test_more_ranks_never_lower_the_estimate(slug: str) -> None:
    values = [compute({"specialty": slug, "step2_score": None, "contiguous_ranks": k})["probability"] for k in range(1, 101)]
    if values[0] is None:
        return
    assert all(b >= a for a, b in itertools.pairwise(values))  # type: ignore[operator]


def test_curve_covers_the_default_range_and_widens_to_the_readers_score() -> None:
    default = compute({"step2_score": 240})["curve"]
    assert (default[0]["score"], default[-1]["score"]) == CURVE_RANGE
    low = compute({"step2_score": 183})["curve"]
    assert low[0]["score"] == 180 and low[-1]["score"] == CURVE_RANGE[1]
    very_low = compute({"step2_score": 90})["curve"]
    assert very_low[0]["score"] == CURVE_LIMITS[0]
    assert "outside the chart" in match_odds.render(compute({"step2_score": 90}))
    # The high end rounds up too, or a 285 ends the chart at 280 with the
    # reader's own score off it (testread audit s45, 2).
    assert compute({"step2_score": 285})["curve"][-1]["score"] == 290
    assert compute({"step2_score": 300})["curve"][-1]["score"] == CURVE_LIMITS[1]


def test_curve_point_at_the_readers_score_equals_the_headline() -> None:
    result = compute({"specialty": "neurology", "step2_score": 244, "contiguous_ranks": 4})
    point = next(p for p in result["curve"] if p["score"] == 244)
    assert point["probability"] == result["probability"]


# --- Properties over all inputs ---------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(
    slug=st.sampled_from(SLUGS),
    step2=st.none() | st.integers(min_value=1, max_value=300),
    ranks=st.none() | st.integers(min_value=0, max_value=100),
)
def test_results_are_json_and_probabilities_stay_in_range(slug: str, step2: int | None, ranks: int | None) -> None:
    result = compute({"specialty": slug, "step2_score": step2, "contiguous_ranks": ranks})
    assert json.loads(json.dumps(result, allow_nan=False)) == result
    assert 0 < result["base_rate"] < 1
    assert result["probability"] is None or 0 <= result["probability"] <= 1
    assert all(0 <= p["probability"] <= 1 for p in result["curve"])
    if slug in SUPPRESSED and step2 is not None:
        assert (
            result["probability"] == compute({"specialty": slug, "step2_score": None, "contiguous_ranks": ranks})["probability"]
        )
    ET.fromstring(f"<div>{match_odds.render(result)}</div>")


# --- Rendering and the chart ------------------------------------------------------------------------------------
def test_chart_is_well_formed_accessible_svg() -> None:
    result = compute({"specialty": "internal-medicine", "step2_score": 250})
    svg = ET.fromstring(match_odds.render_chart(result))
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.tag == f"{ns}svg"
    assert svg.get("role") == "img" and svg.get("class") == "mpb-chart mpb-chart--line"
    title, desc = svg.find(f"{ns}title"), svg.find(f"{ns}desc")
    assert title is not None and desc is not None
    # The summary is the description only: as part of the name too, it was heard twice (a11y45 audit s45, 1).
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == desc.get("id")
    assert "Internal Medicine" in (title.text or "")
    assert "250" in (desc.text or "") and "53%" in (desc.text or "")
    texts = [t.text for t in svg.iter(f"{ns}text")]
    assert "Step 2 CK score" in texts and "Estimated share matched" in texts
    assert any(t and t.startswith("Score 250: ") for t in texts)
    assert svg.find(f"{ns}path") is not None and svg.find(f"{ns}circle") is not None
    # Colours follow the page, so the chart works in dark mode and print.
    raw = match_odds.render_chart(result)
    assert "currentColor" in raw and "#" not in raw.replace("&#x27;", "")


def test_chart_escapes_text() -> None:
    hostile = '<script>alert("x")</script> & more'
    raw = line_chart(
        [(0, 0.1), (1, 0.9)],
        chart_id="t",
        title=hostile,
        desc=hostile,
        x_label=hostile,
        y_label="y",
        x_domain=(0, 1),
        x_ticks=(0, 1),
        marker=Marker(0.5, 0.5, hostile),
    )
    assert "<script>" not in raw
    root = ET.fromstring(raw)
    assert root.find("{http://www.w3.org/2000/svg}title").text == hostile  # type: ignore[union-attr]


def test_chart_rejects_an_empty_domain() -> None:
    with pytest.raises(ValueError):
        line_chart([], chart_id="t", title="t", desc="d", x_label="x", y_label="y", x_domain=(1, 1), x_ticks=())


def test_render_has_headline_table_chart_and_text_alternative() -> None:
    html = match_odds.render(compute({"specialty": "pediatrics", "step2_score": 245, "contiguous_ranks": 6}))
    assert 'class="mpb-chart mpb-chart--line"' in html
    assert "The chart as a table" in html
    assert "Likelihood ratio" in html
    assert "542 of 791" in html


def test_render_without_a_chart_says_why() -> None:
    html = match_odds.render(compute({"specialty": "dermatology", "step2_score": 250}))
    assert "No chart" in html and "mpb-chart" not in html


def test_method_names_every_rule_and_parses() -> None:
    html = match_odds.method()
    ET.fromstring(f"<div>{html}</div>")
    for phrase in ("Bayes", "negative binomial", f"at least {MIN_GROUP_N}", "naive Bayes", "pooled SD", "not affiliated"):
        assert phrase in html
    # The levelling rule is stated, and the table says where it applies.
    assert "A higher score never lowers the estimate" in html and "in 2026, Family Medicine)" in html
    assert '<td data-label="Step 2 CK">used, shared SD, held level at every score</td>' in html
    assert html.count("held level at every score") == 1


# --- The calculator contract, checked here until the module is registered ------------------------------------------
def test_contract_defaults_and_widget() -> None:
    assert compute({}) == compute(defaults(match_odds.FIELDS))
    as_text = {f.name: f.to_text(f.default) for f in match_odds.FIELDS}
    assert compute(as_text) == compute({})
    for field in match_odds.FIELDS:
        assert field.parse(field.to_text(field.default)) == field.default
        with pytest.raises(InputError) as caught:
            compute({field.name: "not-a-valid-value-∞"})
        assert caught.value.message.startswith(field.label)
    html = render_calculator(match_odds)  # type: ignore[arg-type]
    assert 'data-calculator="match_odds"' in html and "<script" not in html


# --- Whose figures these are ---------------------------------------------------------------------------------
def _headline(html: str) -> str:
    root = ET.fromstring(f"<div>{html}</div>")
    headline = root.find(".//p[@class='mpb-headline']")
    assert headline is not None
    return "".join(headline.itertext())


def _lead(html: str) -> str:
    """The headline and, for a reader outside the data's group, the note
    right after it that says why: the headline says whose figures these are
    and the note the rest, which had put some 300 bold words before a US
    senior's figure (a11y-new audit s43, 1)."""
    root = ET.fromstring(f"<div>{html}</div>")
    paragraphs = list(root.iter("p"))
    first = next(i for i, p in enumerate(paragraphs) if p.get("class") == "mpb-headline")
    lead = ["".join(paragraphs[first].itertext())]
    if lead[0].startswith("Not your group") and paragraphs[first + 1].get("class") == "mpb-note":
        lead.append("".join(paragraphs[first + 1].itertext()))
    return " ".join(lead)


@pytest.mark.parametrize("applicant", APPLICANTS)
@pytest.mark.parametrize(
    "inputs",
    [
        {"specialty": "pediatrics", "step2_score": 245},
        {"specialty": "pediatrics", "step2_score": None},
        {"specialty": "dermatology", "step2_score": 250},
    ],
)
def test_the_comparison_group_is_named_for_what_it_is(applicant: str, inputs: dict[str, object]) -> None:
    result = compute({**inputs, "applicant_type": applicant})
    html = match_odds.render(result)
    headline = _headline(html)
    assert "like you" not in html and "like you" not in result["summary"]
    assert result["comparison_group"]["described"].startswith("non-US IMGs who ranked ")
    if result["probability"] is not None:
        assert "2026 Main Residency Match (NRMP Charting Outcomes 2026)" in headline


@pytest.mark.parametrize(("applicant", "group", "rated", "rate"), READERS_OUTSIDE_THE_DATA)
def test_a_reader_outside_the_data_is_told_so_in_the_headline(applicant: str, group: str, rated: str, rate: str) -> None:
    # No by-specialty figures for these groups in /work/shared/data (only non-US IMGs),
    # so the non-US IMG figures are kept and the headline says whose they are.
    result = compute({"specialty": "internal-medicine", "applicant_type": applicant, "step2_score": 250})
    headline = _lead(match_odds.render(result))
    rates = latest_match_rates()
    assert headline.startswith(f"Not your group. These are figures for non-US IMGs, not for {group}")
    assert (
        f"{table_percent(getattr(rates, rate))} of {rated} matched against {table_percent(rates.non_us_img_pct)} of non-US IMGs"
        in headline
    )
    # The seniors' rate is not a graduate's: the NRMP counts graduates who have left school apart.  The
    # years start at 0, a senior's, and a senior is spared the caution (usdo audit s44, 7).
    assert "If you graduated in an earlier year, though" not in headline
    assert data.PRIOR_GRADUATE_RATE not in headline
    graduate = compute(
        {"specialty": "internal-medicine", "applicant_type": applicant, "step2_score": 250, "years_since_graduation": 1}
    )
    assert (data.PRIOR_GRADUATE_RATE in _lead(match_odds.render(graduate))) is (applicant != "us-img")
    assert result["comparison_group"]["reader_in_group"] is False
    # Whose figures they are, in the first sentence, and that they are not the reader's chance (soap audit s55, 6).
    assert result["summary"].startswith(
        "Internal Medicine: about 53% of 2026 non-US IMGs with your Step 2 CK matched (NRMP Charting Outcomes 2026; "
        f"base rate 48.5%; not your group). {match_odds.ESTIMATE_NOT_YOURS}"
    )
    base_only = compute({"specialty": "internal-medicine", "applicant_type": applicant, "step2_score": None})
    # A DO with no score hears next whether a COMLEX score counted (usdo audit s44, 4).
    comlex = f" {profile.NO_SCORE_NOTE_DO}" if applicant == "us-do" else ""
    assert base_only["summary"].endswith(f"(NRMP Charting Outcomes 2026; not your group). {match_odds.BASE_NOT_YOURS}{comlex}")
    # The estimate itself is the same: only the words around it change.
    assert result["probability"] == compute({"applicant_type": "non-us-img", "step2_score": 250})["probability"]


def test_a_non_us_img_sees_no_warning_about_the_group() -> None:
    result = compute({"specialty": "internal-medicine", "applicant_type": "non-us-img", "step2_score": 250})
    assert result["comparison_group"]["note"] is None
    assert not _headline(match_odds.render(result)).startswith("Not your group")


def test_every_answer_warns_that_specialties_are_not_compared_like_for_like() -> None:
    # A US-citizen IMG with 236 read 57% for radiology and 40% for internal medicine: different pools, not easier fields.
    for slug in ("diagnostic-radiology", "internal-medicine"):
        notes = " ".join(match_odds.compute({"specialty": slug, "step2_score": 236})["notes"])
        assert "a different group in each field" in notes


def test_a_us_graduate_is_told_why_their_own_groups_figures_are_not_shown() -> None:
    note = match_odds.compute({"specialty": "internal-medicine", "applicant_type": "us-md"})["comparison_group"]["note"]
    assert "US MD seniors' edition" in note and "hold only the non-US IMG edition" in note


@pytest.mark.parametrize(
    ("inputs", "far"),
    [
        ({"specialty": "diagnostic-radiology", "step2_score": 200}, "Step 2 CK of 200"),
        ({"specialty": "family-medicine", "step2_score": 150}, "Step 2 CK of 150"),
        ({"specialty": "internal-medicine", "step2_score": 245}, None),
    ],
)
def test_a_figure_far_from_the_data_says_so_in_the_headline(inputs: dict[str, object], far: str | None) -> None:
    # "About 52% matched" for radiology at 200 read as data; only a note further down said otherwise.
    result = compute(inputs)
    headline = re.search(r'<p class="mpb-headline">(.*?)</p>', str(match_odds.render(result)))
    assert headline is not None
    if far is None:
        assert result["far_from_data"] == [] and "far from" not in headline[1]
    else:
        assert result["far_from_data"] == [far]
        assert f"Your inputs ({far}) are far from where most of them were" in headline[1]
        assert f"Your inputs ({far}) are far from" in result["summary"]


def test_an_estimate_that_rounds_to_nothing_is_still_under_one_percent() -> None:
    result = compute({"specialty": "pathology", "step2_score": 1})
    assert result["probability"] == 0.0
    html = str(match_odds.render(result))
    assert "<strong>under 1%</strong>" in html and "<strong>0%</strong>" not in html


def test_a_bound_is_not_called_about() -> None:
    result = compute({"specialty": "pediatrics", "step2_score": 300, "contiguous_ranks": 5})
    assert "over 99%" in str(match_odds.render(result)) and "about <strong>over" not in str(match_odds.render(result))
    # The status line, which a screen reader hears, says it the same way.
    assert result["summary"].startswith("Pediatrics: over 99% of 2026 non-US IMGs")


def test_a_score_left_out_carries_no_far_from_the_data_warning() -> None:
    # A Step 2 CK left out (too few in neurosurgery) is not far from anything; the ranks used still may be.
    result = compute({"specialty": "neurological-surgery", "step2_score": 150, "contiguous_ranks": 1})
    assert result["probability"] is not None and result["far_from_data"] == []


def test_a_measure_left_empty_still_has_its_row() -> None:
    html = str(match_odds.render(compute({"specialty": "internal-medicine", "step2_score": 240, "contiguous_ranks": None})))
    table = html[html.index("What each input contributed") :]
    assert "Contiguous ranks (self-reported)" in table and "not used (left empty)" in table


def test_the_base_rate_prints_as_the_data_page_does() -> None:
    # "3,392 of 6,992 ... (49%)" beside the guides' 48.5%: a count's share keeps
    # its decimal; only the model's estimates are rounded to whole percents.
    from calculators import match_odds

    html = str(match_odds.render(match_odds.compute({"specialty": "internal-medicine"})))
    assert "3,392 of 6,992 non-US IMGs who ranked Internal Medicine first matched (48.5%;" in html


@pytest.mark.parametrize(
    ("p", "words"),
    [
        (0.4973, "just under 50%"),
        (0.4951, "just under 50%"),
        (0.5049, "just over 50%"),
        (0.5, "about 50%"),
        (0.4949, "about 49%"),
    ],
)
def test_a_figure_rounded_onto_even_odds_says_which_side_it_is_on(p: float, words: str) -> None:
    # 0.4973 was printed "about 50%" beside the competitiveness check's "under even odds".
    assert match_odds.about(p) == words


def test_obgyn_at_256_reads_just_under_even_odds() -> None:
    result = compute({"specialty": "obstetrics-gynecology", "step2_score": 256})
    assert result["probability"] == 0.4973
    assert "<strong>just under 50%</strong> of those with your Step 2 CK matched" in str(match_odds.render(result))
    assert result["summary"].startswith("Obstetrics and Gynecology: just under 50% of 2026 non-US IMGs")


def test_a_low_score_where_it_barely_moves_the_estimate_is_not_read_as_competitive() -> None:
    # Radiology at 225 read "about 55%", above internal medicine's 31%, with
    # nothing to say the score sits in the bottom quarter of those who matched
    # (consistency audit s23, 3).
    def notes(slug: str, score: int) -> list[str]:
        return match_odds.compute({"specialty": slug, "applicant_type": "non-us-img", "step2_score": score})["notes"]  # type: ignore[return-value]

    said = "is below the first quartile (243) of the non-US IMGs who matched in Diagnostic Radiology"
    assert any(said in note and "no sign that your score is competitive" in note for note in notes("diagnostic-radiology", 225))
    assert not any("first quartile" in note for note in notes("diagnostic-radiology", 243))
    # Where the score does move the estimate, the estimate itself says so.
    assert not any("first quartile" in note for note in notes("internal-medicine", 225))


def test_two_groups_get_their_own_sds_only_when_the_difference_outlasts_rounding_and_noise() -> None:
    # No published pair crosses the line (psychiatry comes nearest, z 1.66),
    # so the z-test is held by hand-worked pairs here: 10 and 14 points, 100
    # applicants each, are 2 × ln(13.5 / 10.5) / √(2/99 + 2/99) = 2.50 apart.
    assert match_odds.sd_difference_z(10, 100, 14, 100) == pytest.approx(2 * math.log(13.5 / 10.5) / math.sqrt(4 / 99))
    assert match_odds.sd_difference_z(12, 400, 13, 400) == 0.0  # one rounded point apart: within rounding

    def group(mean: float, sd: float, n: int) -> Distribution:
        return Distribution(mean, mean, sd, n=n)

    apart = match_odds.normal_pair(group(240, 10, 100), group(230, 14, 100))
    assert not apart.shared_sd and (apart.sd_m, apart.sd_u) == (10, 14)
    few = match_odds.normal_pair(group(240, 10, 30), group(230, 14, 30))  # z = 1.35: not shown to differ
    assert few.shared_sd and few.sd_m == few.sd_u == pytest.approx(math.sqrt((29 * 100 + 29 * 196) / 58))


@pytest.mark.parametrize("slug", [s.slug for s in SPECIALTIES if s.outcome])
def test_the_base_rate_reads_as_the_data_page_prints_it(slug: str) -> None:
    # Rounded twice, emergency medicine's 80 of 148 (54.05...%) read 54.0%
    # beside the method's 54.1% (claims audit s29).
    outcome = specialty(slug).outcome
    assert outcome is not None
    shown = match_odds.render(compute({"specialty": slug}))
    assert f"first matched ({outcome.img_match_rate_pct:.1f}%;" in shown


@pytest.mark.parametrize("slug", [s.slug for s in SPECIALTIES if s.outcome])
def test_a_suppressed_figure_is_never_put_beside_a_count_of_five_or_more(slug: str) -> None:
    shown = match_odds.render(compute({"specialty": slug, "step2_score": "240", "contiguous_ranks": "5"}))
    # "n = " counts who reported a figure; a group's size is said otherwise, in the notice.
    for suppressed, notice in re.findall(
        r"NRMP suppressed the [^ ]+ figures for ((?:un)?matched(?: and unmatched)?) ([^:]*):", shown
    ):
        counts = dict(re.findall(r"\b((?:un)?matched) n = (\d+)", notice))
        assert all(int(counts.get(group, 0)) < 5 for group in suppressed.split(" and ")), notice
    # And in the table of what each input contributed.
    for n in re.findall(r"suppressed \(n = (\d+)\)", shown):
        assert int(n) < 5, f"suppressed (n = {n})"


# --- Group-size lines on made-up groups (mutation audit s31) ---------------------------------------------
# No specialty in today's data has a group of 9 or 10, or of 25 to 29, so
# moving these lines by one changed no test; the next year's data may.
@pytest.mark.parametrize(("n", "estimated"), [(9, False), (10, True)])
def test_a_group_of_fewer_than_ten_gives_no_estimate(n: int, estimated: bool) -> None:
    spec = specialty("psychiatry")
    group = Distribution(median=240, mean=240, sd=14, n=n)
    problem = match_odds._availability_problem("Step 2 CK", spec, group, group, n, 40)
    assert (problem is None) is estimated, problem
    if problem:
        assert "matched n = 9; this calculator needs at least 10 in each group" in problem


@pytest.mark.parametrize(("n", "rough"), [(29, True), (30, False)])
def test_figures_resting_on_fewer_than_thirty_are_called_rough(n: int, rough: bool) -> None:
    notes = match_odds._cautions("Step 2 CK", 240, False, n, 100)
    assert any("rest on few applicants" in note for note in notes) is rough


def test_the_contiguous_ranks_ratio_is_worked_in_the_result() -> None:
    # Only Step 2 CK's ratio was worked; ranks, whose effect is as large, showed
    # a bare number (mid-tier audit s35, 6).
    result = match_odds.compute({"specialty": "general-surgery", "step2_score": 250, "contiguous_ranks": 8})
    ranks = next(m for m in result["measures"] if m["measure"] == "contiguous_ranks")
    worked = str(ranks["worked"])
    assert "chance of exactly 8 ranks" in worked and "mean 3.7, SD 3.4" in worked
    ratio = float(worked.rsplit(", ", 1)[1].rstrip("."))
    assert ratio == pytest.approx(math.exp(match_odds.contig_log_lr(specialty("general-surgery"), 8)), rel=1e-3)
    assert worked in unescape(str(match_odds.render(result)))
    # Past where the ratio is held, the working is for the count that stands in, and says why.
    held = match_odds.contig_held_from(specialty("general-surgery"))
    beyond = match_odds.compute({"specialty": "general-surgery", "step2_score": 250, "contiguous_ranks": 30})
    worked = str(next(m for m in beyond["measures"] if m["measure"] == "contiguous_ranks")["worked"])
    assert f"chance of exactly {held} ranks" in worked and f"More than {held} ranks in General Surgery count as {held}" in worked


def test_with_ranks_entered_the_result_says_the_score_alone_figure_the_other_calculators_use() -> None:
    # 93% here beside 48% in the competitiveness check for the same score, unexplained (match-odds audit s37, 6).
    result = compute({"specialty": "pmr", "step2_score": 210, "contiguous_ranks": 15})
    alone = match_odds.step2_estimate(specialty("pmr"), 210)
    assert alone is not None
    assert result["notes"][0] == (
        f"From your Step 2 CK alone the estimate is {match_odds.about(alone)}: the figure the competitiveness check and "
        "the backup finder use, as neither asks your ranks."
    )
    assert not any(n.startswith("From your Step 2 CK alone") for n in compute({"specialty": "pmr", "step2_score": 210})["notes"])


def test_the_not_your_group_note_does_not_lean_low_for_a_file_it_never_asked_about() -> None:
    # "Likely on the low side" led; "more likely too high" for a failed attempt
    # came lower down, and this calculator asks no failures (US-citizen IMG journey audit s37, 4).
    note = str(
        compute({"specialty": "emergency-medicine", "applicant_type": "us-img", "step2_score": 232})["comparison_group"]["note"]
    )
    assert "likely on the low side for you unless your file has a failed exam attempt" in note
    assert "which pull the other way" in note


def test_a_figure_from_few_applicants_says_so_in_its_headline() -> None:
    # PM&R's estimate, from 15 and 14 score reporters, read exactly as internal medicine's (match-odds audit s37, 7).
    rough = str(match_odds.render(compute({"specialty": "pmr", "step2_score": 240})))
    firm = str(match_odds.render(compute({"specialty": "internal-medicine", "step2_score": 240})))
    headline = rough[: rough.index("</p>")]
    assert "A rough figure: it rests on few applicants" in headline
    assert "A rough figure" not in firm


def test_a_failing_scores_figure_says_it_takes_the_score_as_a_pass_before_giving_it() -> None:
    # The bold figure came first and only the note under it said it assumed a pass (match-odds audit s37, 2).
    failing = str(match_odds.render(compute({"specialty": "pmr", "step2_score": 210})))
    headline = failing[: failing.index("</p>")]
    assert headline.index("Taking 210 as a passing score, as the note below explains: among") < headline.index("<strong>")
    passing = str(match_odds.render(compute({"specialty": "pmr", "step2_score": 240})))
    assert "as a passing score" not in passing[: passing.index("</p>")]


@pytest.mark.parametrize("slug", [s.slug for s in SPECIALTIES])
def test_what_is_read_out_keeps_to_forty_words_and_says_a_rough_figure_is_rough(slug: str) -> None:
    # 54-85 words at every edit for a failing score or far inputs, without the
    # headline's "rough" (ui-check audit s37, 2).
    for applicant, score, ranks in itertools.product(dict(APPLICANT_TYPES), (None, 200, 215, 250, 300), (None, 1, 15, 100)):
        result = compute({"specialty": slug, "applicant_type": applicant, "step2_score": score, "contiguous_ranks": ranks})
        assert len(result["announced"].split()) <= 40, result["announced"]
        rough = "A rough figure" in str(match_odds.render(result)).split("</p>", 1)[0]
        assert ("rough" in result["announced"]) == rough == result["rough"], result["announced"]
        assert ("far from the data" in result["announced"]) == bool(result["far_from_data"]), result["announced"]


def test_ranks_beside_a_score_put_the_score_alone_figure_beside_the_headline() -> None:
    # A reapplicant's hoped-for 10 ranks took 40% to 79% in the headline, the score-alone
    # figure only in the notes (reapplicant-journey audit s38, 5).
    result = match_odds.compute({"specialty": "internal-medicine", "step2_score": 236, "contiguous_ranks": 10})
    alone = match_odds.compute({"specialty": "internal-medicine", "step2_score": 236})
    assert result["score_alone"] == alone["probability"]
    words = f" From your Step 2 CK alone, {match_odds.about(alone['probability'])}: the ranks you entered"
    assert words in result["summary"]
    headline = unescape(
        re.sub("<[^>]+>", "", str(match_odds.render(result)).split('class="mpb-headline"', 1)[1].split("</p>", 1)[0])
    )
    assert words.strip() in headline
    assert result["announced"].endswith(f"From your Step 2 CK alone, {match_odds.about(alone['probability'])}.")
    # No ranks: nothing to set beside it.
    assert alone["score_alone"] is None and "From your Step 2 CK alone" not in alone["summary"]


def test_the_base_rate_headline_asks_for_a_step2_score_only_if_there_is_one() -> None:
    # A COMLEX-only DO was told "Enter a score to refine it" (usmd-journey audit s38, 10).
    result = match_odds.compute({"specialty": "family-medicine", "applicant_type": "us-do", "step2_score": None})
    headline = unescape(str(match_odds.render(result)).split('class="mpb-headline"', 1)[1].split("</p>", 1)[0])
    assert "Enter a Step 2 CK score, if you have one, to refine it; a COMLEX score is not converted." in headline


@pytest.mark.parametrize("ranks", [None, 12])
def test_a_couple_is_told_each_figure_is_one_partners_alone(ranks: int | None) -> None:
    # A couple read each partner's figure as theirs inside the couple, or
    # multiplied the two (couples-soap audit s39, 7).
    inputs: dict[str, object] = {"specialty": "pediatrics", "step2_score": 238}
    if ranks is not None:
        inputs["contiguous_ranks"] = ranks
    result = match_odds.compute(inputs)
    text = unescape(str(match_odds.render(result)))
    assert text.count("If you match as a couple, this is for one applicant alone") == 1
    assert "does not try either partner alone" in match_odds.COUPLE_NOTE and "NRMP" in match_odds.COUPLE_NOTE
    # Just under the headline, where it was the eighth note under "Read
    # this with care" (couples audit s54, 1).
    paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", text, re.S)
    worked_for = next(i for i, p in enumerate(paragraphs) if "Calculated for: " in p)
    assert worked_for <= 2 and paragraphs[worked_for + 1] == match_odds.COUPLE_NOTE
    assert text.index(match_odds.COUPLE_NOTE) < text.index("Base rate: ") < text.index("Read this with care:")
    assert not any("couple" in note for note in result["notes"])


@pytest.mark.parametrize(("applicant", "held"), [("us-do", False), ("us-md", False), ("us-img", True), ("non-us-img", True)])
def test_the_score_alone_figure_says_which_calculators_hold_the_reader_to_it(applicant: str, held: bool) -> None:
    # A DO senior read that the competitiveness check uses these odds; it
    # holds only IMGs to them (do-surgery audit s40, 5).
    notes = match_odds.compute(
        {"specialty": "general-surgery", "applicant_type": applicant, "step2_score": 241, "contiguous_ranks": 15}
    )["notes"]
    first = notes[0]
    assert first.startswith("From your Step 2 CK alone")
    assert ("the competitiveness check and the backup finder use" in first) == held
    assert ("does not hold a US MD or DO applicant to it" in first) == (not held)


# --- Few ranks beside "no estimate" (usmd-ortho audit s41, 1) --------------------------------
def _headline_of(result: match_odds.MatchOddsResult) -> str:
    html = str(match_odds.render(result)).split('class="mpb-headline"', 1)[1].split("</p>", 1)[0]
    return unescape(re.sub("<[^>]+>", "", html))


def test_ranks_left_out_still_say_ranks_at_the_unmatched_median_in_the_summary_and_headline() -> None:
    # A US MD senior with 3 ortho interviews read "no estimate" and found the
    # unmatched median of 3 only in the table.
    result = compute({"specialty": "orthopaedic-surgery", "applicant_type": "us-md", "step2_score": 247, "contiguous_ranks": 3})
    assert result["probability"] == result["base_rate"]
    said = (
        "Your 3 ranks are at the median for non-US IMGs who ranked Orthopaedic Surgery first and did not match: 3 "
        "(NRMP Charting Outcomes 2026, secondary copy)."
    )
    assert str(result["few_ranks"]).startswith(said)
    assert said in result["summary"]
    assert said in _headline_of(result)
    # Whose base rate it is, heard by a US senior (diffreview45 audit s45, 2).
    assert result["announced"] == (
        "Orthopaedic Surgery: base rate 22.7% (non-US IMG figures). Step 2 CK and programs you will rank not used: too "
        "few applicants behind their figures. Your 3 ranks: at the unmatched non-US IMGs' median, 3 (NRMP Charting "
        "Outcomes 2026)."
    )
    # The phone's pinned line keeps what was left out and whose figures these are (3), by name and year (soap
    # audit s55, 6), and the field's short name where its full name leaves no room (diff review s55, 7).
    assert result["gist"] == "Ortho: base rate 22.7% for 2026 non-US IMGs (not your group; score, ranks not used)."


@pytest.mark.parametrize(
    ("slug", "ranks", "said"),
    [
        ("orthopaedic-surgery", 2, "Your 2 ranks are below the median for non-US IMGs who ranked Orthopaedic Surgery"),
        ("plastic-surgery", 1, "Your 1 rank is below the median for non-US IMGs who ranked Plastic Surgery (integrated)"),
        # Above a median of 1, below a mean of 2.7: the mean is said.
        ("dermatology", 2, "Your 2 ranks are below the mean for non-US IMGs who ranked Dermatology first and did not match: 2.7"),
        # Step 2 CK left out, its ranks used: they move the figure, so no yardstick.
        ("neurological-surgery", 2, None),
        ("orthopaedic-surgery", 4, None),
        ("dermatology", 3, None),
    ],
)
def test_ranks_are_set_against_the_unmatched_figure_only_when_at_or_below_it(slug: str, ranks: int, said: str | None) -> None:
    result = compute({"specialty": slug, "step2_score": 240, "contiguous_ranks": ranks})
    assert result["probability"] is not None
    if said is None:
        assert result["few_ranks"] is None and "did not match:" not in result["summary"] + _headline_of(result)
    else:
        assert result["few_ranks"] is not None and result["few_ranks"].startswith(said)
        assert said in result["summary"] and said in _headline_of(result)


def test_an_estimate_is_not_joined_by_the_ranks_yardstick() -> None:
    # Where the ranks move the figure they need no yardstick; it is for ranks left out only.
    result = compute({"specialty": "internal-medicine", "step2_score": 240, "contiguous_ranks": 1})
    assert result["probability"] is not None and result["few_ranks"] is None
    assert compute({"specialty": "orthopaedic-surgery", "step2_score": 240})["few_ranks"] is None


def test_a_chart_held_level_is_described_as_level_not_as_highest_at_its_lowest_score() -> None:
    # max() took the first of equal points: "highest at 200" in family
    # medicine, read to a screen reader (calc-sources audit s41, 2).
    level = str(match_odds.render(compute({"specialty": "family-medicine", "step2_score": 255})))
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", level)
    assert desc and "It is level at" in desc.group(1) and "highest at" not in desc.group(1)
    rising = str(match_odds.render(compute({"specialty": "internal-medicine", "step2_score": 255})))
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", rising)
    assert desc and f"highest at {CURVE_RANGE[1]}" in desc.group(1)


def test_few_ranks_in_orthopaedics_give_a_us_senior_the_nearer_figures_and_a_running_season_a_next_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A yardstick with nothing after it (new-words audit s41, 8).
    from calculators import cycle, data

    inputs = {"specialty": "orthopaedic-surgery", "applicant_type": "us-md", "contiguous_ranks": 3}
    pin_build_date(monkeypatch, "2026-12-05")  # programs reviewing
    senior = compute(inputs)["summary"]
    assert "Your 3 ranks are at the median" in senior
    assert f"mean at {data.ORTHO_US_SENIOR_CONTIG_MEANS[0]:g} ranks" in senior and data.ORTHO_CONTIGUOUS_RANKS.cite() in senior
    assert cycle.SHORT_OF_INTERVIEWS in senior
    img = compute({**inputs, "applicant_type": "non-us-img"})["summary"]
    assert "Your 3 ranks are at the median" in img and data.ORTHO_CONTIGUOUS_RANKS.cite() not in img
    pin_build_date(monkeypatch, "2026-06-10")  # between seasons
    assert cycle.SHORT_OF_INTERVIEWS not in compute(inputs)["summary"]


WITH_PGY1_ROW = [s.slug for s in SPECIALTIES if s.pgy1 is not None]


@pytest.mark.parametrize("slug", [s.slug for s in SPECIALTIES])
@pytest.mark.parametrize(
    ("applicant", "group", "column"),
    [("us-md", "US MD seniors", "us_md_senior_pct_of_offered"), ("us-do", "US DO seniors", "us_do_senior_pct_of_offered")],
)
def test_a_us_graduate_reads_their_own_seniors_share_of_the_field_beside_the_imgs_figures(
    slug: str, applicant: str, group: str, column: str
) -> None:
    # An EM-first DO read non-US IMGs' 54.1% and the all-specialty 93.2%, never
    # that DO seniors filled 35.1% of EM's 3,068 places (do-em audit s42, 4).
    spec = specialty(slug)
    result = compute({"specialty": slug, "applicant_type": applicant, "step2_score": 245})
    note = str(result["comparison_group"]["note"])
    headline = _lead(match_odds.render(result))
    if spec.pgy1 is None:
        assert f"{group} filled" not in note
        return
    said = (
        f"In {spec.name}, {group} filled {table_percent(getattr(spec.pgy1, column))} of the "
        f"{spec.pgy1.positions_offered:,} PGY-1 positions in 2025 (NRMP, Results and Data: 2025 Main Residency Match "
        "(PGY-1 positions), 2025; secondary copy)"
    )
    assert said in note and said in headline
    assert "rather than a match rate" in note
    # The read-out does not grow.
    assert "filled" not in result["announced"]


def test_emergency_medicines_do_seniors_share_is_the_one_the_data_page_shows() -> None:
    note = str(compute({"specialty": "emergency-medicine", "applicant_type": "us-do"})["comparison_group"]["note"])
    assert "In Emergency Medicine, US DO seniors filled 35.1% of the 3,068 PGY-1 positions in 2025" in note


@pytest.mark.parametrize("applicant", ["us-img", "non-us-img"])
@pytest.mark.parametrize("slug", WITH_PGY1_ROW)
def test_an_imgs_comparison_note_is_unchanged_by_the_seniors_share(applicant: str, slug: str) -> None:
    assert match_odds.own_seniors_share(specialty(slug), applicant) is None
    note = compute({"specialty": slug, "applicant_type": applicant})["comparison_group"]["note"]
    assert note == match_odds.not_your_group(applicant, against=None, field=specialty(slug))


@pytest.mark.parametrize("applicant", ["us-md", "us-do"])
def test_a_us_senior_with_ranks_is_not_told_the_estimate_with_them_is_likely_low(applicant: str) -> None:
    # A US MD senior with 4 radiology ranks read "about 73% ... likely on the
    # low side for you": the ranks' lift is non-US IMGs', the lean the
    # all-specialty seniors' rate (derm-usmd audit s43, 1).
    inputs = {"specialty": "diagnostic-radiology", "applicant_type": applicant, "step2_score": 254, "contiguous_ranks": 4}
    result = compute(inputs)
    note = str(result["comparison_group"]["note"])
    assert result["probability"] is not None and result["score_alone"] is not None
    assert result["probability"] > result["score_alone"], "4 ranks lift the estimate among non-US IMGs"
    # The seniors' rate is said with the estimate it can speak to, leaning no way (recheck s44).
    assert "Read the estimate from your Step 2 CK alone as background only, not as your chance" in note
    assert "Read the estimate as background, likely on the low side" not in note
    assert "those who matched had ranked a mean of 5.3 programs in it and those who did not 2.2" in note
    matched_mean, unmatched_mean = data.ORTHO_US_SENIOR_CONTIG_MEANS
    assert "US seniors in competitive fields rank many more programs than that" in note
    assert f"a mean of {matched_mean:g} programs in the field and those who did not {unmatched_mean:g}" in note
    assert data.ORTHO_CONTIGUOUS_RANKS.cite() in note
    assert "We hold no such figures for Diagnostic Radiology" in note
    assert ("nor for DO seniors" in note) is (applicant == "us-do")
    assert "So 4 ranks, which raise the estimate here, may sit near your own group's unmatched figure." in note
    assert "Read the estimate with your ranks as background, leaning neither way" in note
    # The headline carries it.
    assert "leaning neither way" in _lead(match_odds.render(result))


def test_ranks_that_lower_the_estimate_are_not_said_to_raise_it() -> None:
    result = compute({"specialty": "diagnostic-radiology", "applicant_type": "us-md", "step2_score": 254, "contiguous_ranks": 1})
    note = str(result["comparison_group"]["note"])
    assert result["probability"] is not None and result["score_alone"] is not None
    assert result["probability"] < result["score_alone"]
    assert "So 1 rank, which already lowers the estimate here, may count for still less in your own group." in note
    assert "raise the estimate" not in note and "raises the estimate" not in note


def test_ranks_alone_keep_the_lean_for_the_base_rate_only() -> None:
    note = str(
        compute({"specialty": "pediatrics", "applicant_type": "us-md", "step2_score": None, "contiguous_ranks": 6})[
            "comparison_group"
        ]["note"]
    )
    assert "Read the base rate as background only, not as your chance" in note
    assert "leaning neither way" in note


def test_a_us_citizen_img_with_ranks_reads_no_lean_and_no_seniors_figures() -> None:
    note = str(
        compute({"specialty": "neurology", "applicant_type": "us-img", "step2_score": 240, "contiguous_ranks": 4})[
            "comparison_group"
        ]["note"]
    )
    assert "We hold no count of US-citizen IMGs' ranks" in note and "leaning neither way" in note
    assert "US seniors in competitive fields" not in note


@pytest.mark.parametrize("applicant", APPLICANTS)
def test_without_an_estimate_moved_by_ranks_the_group_note_is_unchanged(applicant: str) -> None:
    # No ranks, or ranks the figures could not use (orthopaedics' suppressed
    # cells, where the yardstick under "no estimate" already names Sudah).
    for inputs in (
        {"specialty": "diagnostic-radiology", "step2_score": 254},
        {"specialty": "orthopaedic-surgery", "step2_score": 254, "contiguous_ranks": 4},
    ):
        note = compute({**inputs, "applicant_type": applicant})["comparison_group"]["note"]
        assert note == match_odds.comparison_group(specialty(str(inputs["specialty"])), applicant)["note"]
        assert "leaning neither way" not in str(note)


# The persona of oldgrad audit s43, 1: a non-US IMG 10 years out, with a failed
# attempt and a visa need, read "about 68%" here and 0/100 on the check.
FLAGGED_FILE = {"exam_failures": 1, "years_since_graduation": 10, "needs_visa": "true"}
OLD_GRADUATE = {
    "specialty": "family-medicine",
    "applicant_type": "non-us-img",
    "step2_score": 221,
    "contiguous_ranks": 3,
    **FLAGGED_FILE,
}
CLEAN_FILE = {"exam_failures": 0, "years_since_graduation": 1, "needs_visa": "false"}


@pytest.mark.parametrize("applicant", APPLICANTS)
@pytest.mark.parametrize("inputs", [{"step2_score": 221, "contiguous_ranks": 3}, {"step2_score": 221}, {}])
def test_a_failed_attempt_an_old_graduation_and_a_visa_need_move_no_number(applicant: str, inputs: dict[str, object]) -> None:
    base = {"specialty": "family-medicine", "applicant_type": applicant, **inputs}
    clean, flagged = compute({**base, **CLEAN_FILE}), compute({**base, **FLAGGED_FILE})
    for key in ("probability", "base_rate", "score_alone", "curve", "measures", "n"):
        assert clean[key] == flagged[key], key
    assert clean["unseen_flags"] == [] and flagged["unseen_flags"] == [
        "failed exam attempt",
        "graduation 10 years ago",
        "visa need",
    ]


def test_an_old_graduate_with_red_flags_reads_the_estimate_as_probably_too_high_in_headline_summary_and_read_out() -> None:
    # "A ceiling" claimed more than the notes' "more likely too high than too low" (soap audit s55, 6).
    result = compute(OLD_GRADUATE)
    said = (
        "These figures cannot see your failed exam attempt, graduation 10 years ago and visa need, so for you this figure "
        "is probably an overestimate."
    )
    assert said in result["summary"]
    headline = unescape(
        re.sub("<[^>]+>", "", str(match_odds.render(result)).split('class="mpb-headline"', 1)[1].split("</p>", 1)[0])
    )
    assert said in headline
    assert (
        "Yours is probably lower: these figures cannot see your failed exam attempt, graduation 10 years ago and visa need."
        in (result["announced"])
    )
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
    # The notes name each flag, at the top, after the score-alone figure.
    assert result["notes"][0].startswith("From your Step 2 CK alone")
    assert result["notes"][1].startswith("Your failed exam attempt: the IMG article and the competitiveness check")
    assert (
        result["notes"][2].startswith("You graduated 10 years ago")
        and "If you have had under 6 months of hands-on" in result["notes"][2]
    )
    assert result["notes"][3].startswith("Your visa need, as you answered: the competitiveness check counts any visa need")
    # Nothing of it for a clean file.
    clean = compute({**OLD_GRADUATE, **CLEAN_FILE})
    shown = clean["summary"] + clean["announced"] + clean["gist"] + str(match_odds.render(clean))
    assert "overestimate" not in shown and "probably lower" not in shown
    assert not any(n.startswith(("Your failed", "You graduated", "Your visa need")) for n in clean["notes"])


def test_the_flags_follow_the_competitiveness_checks_rules() -> None:
    from calculators import competitiveness

    # The same lines as the check: any failure, more than LONG_AGO_YEARS (the
    # recent work that clears it is not asked here), and a visa need, by the
    # applicant type unless answered.
    edge = profile.LONG_AGO_YEARS
    assert edge == competitiveness.OLD_GRADUATION_FLAG_AFTER_YEARS
    for years, old in ((edge, False), (edge + 1, True)):
        flags = compute({**OLD_GRADUATE, **CLEAN_FILE, "years_since_graduation": years})["unseen_flags"]
        assert flags == ([f"graduation {edge + 1} years ago"] if old else [])
    assert compute({**OLD_GRADUATE, **CLEAN_FILE, "exam_failures": 2})["unseen_flags"] == ["2 failed exam attempts"]
    for applicant, visa in (("non-us-img", True), ("us-img", False), ("us-md", False)):
        inputs = {**OLD_GRADUATE, **CLEAN_FILE, "applicant_type": applicant, "needs_visa": profile.VISA_BY_APPLICANT_TYPE}
        assert (compute(inputs)["unseen_flags"] == ["visa need"]) == visa, applicant
    # The check flags these same answers.
    check = competitiveness.compute(
        {**{k: v for k, v in OLD_GRADUATE.items() if k != "contiguous_ranks"}, "recent_clinical_months": 0}
    )
    assert {"one or more exam failures", competitiveness.OLD_GRADUATION_FLAG, competitiveness.VISA_FLAG} <= set(
        check["red_flags"]
    )


def test_a_reader_outside_the_figures_group_reads_the_flags_pulling_against_the_groups_rate() -> None:
    # "Probably lower" beside "likely on the low side for you" would say both ways at once.
    result = compute({**OLD_GRADUATE, "applicant_type": "us-img", "exam_failures": 2, "years_since_graduation": 1})
    assert "These figures cannot see your 2 failed exam attempts and visa need, which pull your chance down." in result["summary"]
    assert "overestimate" not in result["summary"] and "probably lower" not in result["announced"] + result["gist"]
    note = str(result["comparison_group"]["note"])
    assert "your file has 2 failed exam attempts and a visa need, which pull the other way" in note
    assert "unless your file has" not in note
    one = compute({**OLD_GRADUATE, **CLEAN_FILE, "applicant_type": "us-md", "exam_failures": 2})
    assert "your file has 2 failed exam attempts, which pull the other way" in str(one["comparison_group"]["note"])


def test_the_base_rate_alone_is_probably_too_high_too() -> None:
    result = compute({**OLD_GRADUATE, "step2_score": None, "contiguous_ranks": None})
    # Whose share it is, with its source and year, and that it is not the reader's chance (soap audit s55, 6).
    assert result["summary"].startswith(
        "Family Medicine: base rate 53.9%, the share of 2026 non-US IMGs who ranked it first and matched (NRMP Charting "
        f"Outcomes 2026). {match_odds.BASE_NOT_YOURS} These figures cannot see"
    )
    # Then, beside the visa, what else these figures cannot see (planner audit s54, 5).
    assert result["summary"].endswith(f"so for you this figure is probably an overestimate.{match_odds.US_FILE_UNSEEN}")
    assert "Yours is probably lower" in result["announced"]
    # The gravest flag named, where the field's short name leaves room (diff review s55, 7 and 8).
    assert result["gist"] == "FM: base rate 53.9% for 2026 non-US IMGs. Yours: probably lower (failed exam and more)."


@pytest.mark.parametrize("slug", [s.slug for s in SPECIALTIES])
def test_what_is_read_out_with_every_flag_keeps_to_forty_words_and_still_says_the_flags(slug: str) -> None:
    for applicant, score, ranks in itertools.product(dict(APPLICANT_TYPES), (None, 200, 215, 250, 300), (None, 1, 15, 100)):
        result = compute(
            {**OLD_GRADUATE, "exam_failures": 12, "specialty": slug, "applicant_type": applicant}
            | {"step2_score": score, "contiguous_ranks": ranks}
        )
        said = result["announced"]
        assert len(said.split()) <= registry.READ_OUT_WORDS, said
        if result["probability"] is not None:
            # In the figures' group, the reader's own chance is probably lower; outside it, the flags are named unseen.
            assert ("probably lower" in said) == (applicant == "non-us-img"), said
            assert "probably lower" in said or "nseen" in said, said
            assert "ceiling" not in said, said
            assert ("rough" in said) == result["rough"], said
        if score == 200:
            assert "200" in said, said


def test_the_three_questions_say_they_change_no_number_and_keep_the_shared_rules() -> None:
    fields = {f.name: f for f in match_odds.FIELDS}
    for shared in (profile.EXAM_FAILURES, profile.YEARS_SINCE_GRADUATION, profile.NEEDS_VISA):
        asked = fields[shared.name]
        assert asked.label == shared.label and asked.initial == shared.initial
        assert "It changes no number here" in asked.help
    # Remembered answers are kept by the shared name, so they carry over.
    from calculators import reader_state

    keys = reader_state.profile_keys(match_odds.FIELDS)
    assert keys["exam_failures"] == ["exam_failures"] and keys["needs_visa"] == ["needs_visa"]
    assert reader_state.from_profile(match_odds.FIELDS, {"years_since_graduation": "10"}) == {"years_since_graduation": "10"}


def test_the_couple_note_gives_the_no_match_code_exception_and_cites_the_page_by_its_title() -> None:
    # "Does not try either partner alone" without the No Match code could
    # lead a couple to drop one partner's programs (couples audit s43, 1).
    assert "except on a line where one of you ranks a program and the other the NRMP's No Match code" in match_odds.COUPLE_NOTE
    assert data.NRMP_COUPLES.title == "Couples in the Match"
    assert "(NRMP, Couples in the Match, read 2026)" in match_odds.COUPLE_NOTE
    # Its opening is shared with the backup finder's couples sentence, in the same words (couples audit s54, 5).
    assert match_odds.COUPLE_NOTE.startswith(
        "If you match as a couple, this is for one applicant alone, not for the two of you as a pair. The NRMP matches"
    )
    assert match_odds.couple_alone("this is") in match_odds.COUPLE_NOTE
    # In short sentences: as one, it ran to 74 words (couples audit s54, 1).
    assert all(len(sentence.split()) <= 35 for sentence in match_odds.COUPLE_NOTE.split(". "))


@pytest.mark.parametrize("applicant", ["non-us-img", "us-img", "us-md", "us-do"])
def test_the_estimate_comes_early_in_the_headline_for_every_reader(applicant: str) -> None:
    # A US senior with ranks met some 300 bold words of caveat before the
    # figure; the caveat now follows the headline (a11y-new audit s43, 1).
    result = compute(
        {
            "specialty": "diagnostic-radiology",
            "applicant_type": applicant,
            "step2_score": 254,
            "contiguous_ranks": 4,
            "exam_failures": 1,
            "years_since_graduation": 9,
        }
    )
    assert result["probability"] is not None
    headline = _headline(match_odds.render(result))
    before_the_figure = headline.split(f"{round(float(result['probability']) * 100)}%")[0]
    assert len(before_the_figure.split()) <= 70, before_the_figure


def test_a_us_senior_in_a_field_that_is_not_competitive_is_not_given_orthopaedics_rank_lists() -> None:
    # "US seniors in competitive fields rank many more programs" met a US MD
    # senior with 8 family medicine ranks (diff review s43, 4).
    result = compute({"specialty": "family-medicine", "applicant_type": "us-md", "step2_score": 235, "contiguous_ranks": 8})
    note = str(result["comparison_group"]["note"])
    assert "orthopaedic" not in note and "competitive fields" not in note
    assert "We hold no count of US seniors' ranks in Family Medicine" in note and "leaning neither way" in note
    radiology = compute(
        {"specialty": "diagnostic-radiology", "applicant_type": "us-md", "step2_score": 254, "contiguous_ranks": 4}
    )
    assert "US seniors in competitive fields rank many more programs" in str(radiology["comparison_group"]["note"])


@pytest.mark.parametrize(
    "flagged",
    [
        {"exam_failures": 1},
        {"previously_unmatched": True},
        {"years_since_graduation": 10},
        {"needs_visa": "true"},
        {"needs_visa": "true", "exam_failures": 2, "previously_unmatched": True},
    ],
)
def test_every_red_flag_makes_the_figure_probably_an_overestimate_never_a_ceiling(flagged: dict[str, object]) -> None:
    # "A ceiling" for a failed attempt or an old graduation claimed more than
    # the notes' "more likely too high than too low", and "A ceiling for you:
    # red flags unseen" was jargon beside "about 47% matched" (soap audit s55,
    # 6).  A visa need or a past no-match alone was only "likely high"
    # already (diff review s43, second, 4): now every flag says the same.
    reader = {"specialty": "internal-medicine", "applicant_type": "non-us-img", "step2_score": 240, "needs_visa": "false"}
    result = compute({**reader, **flagged})
    assert result["unseen_flags"]
    assert ", so for you this figure is probably an overestimate." in result["summary"]
    assert " Yours is probably lower" in result["announced"]
    assert re.search(r" (Your chance|Yours): probably lower( \([^)]+\))?\.$", result["gist"]), result["gist"]
    for said in (result["summary"], result["announced"], result["gist"], *result["notes"], str(match_odds.render(result))):
        assert "ceiling" not in said and "Likely high" not in said, said
    # With no flag, none of it.
    clean = compute(reader)
    assert clean["unseen_flags"] == [] and "probably" not in clean["summary"] + clean["announced"] + clean["gist"]


# --- usdo audit s44: a US DO senior in psychiatry, COMLEX only -------------------------------
DO_SENIOR = {
    "specialty": "psychiatry",
    "applicant_type": "us-do",
    "step2_score": None,
    "contiguous_ranks": 5,
    "years_since_graduation": 0,
    "needs_visa": "false",
}


@pytest.mark.parametrize("applicant", ["us-md", "us-do"])
@pytest.mark.parametrize("inputs", [{"step2_score": 238}, {"step2_score": None, "contiguous_ranks": 5}, {"exam_failures": 1}])
def test_a_us_seniors_lean_says_their_rate_is_a_match_in_any_field(applicant: str, inputs: dict[str, object]) -> None:
    # "Likely on the low side for you" rested on the 93.2% of DO seniors who
    # matched in any field; their psychiatry rate is not in our data (1).
    result = compute({**DO_SENIOR, "applicant_type": applicant, **inputs})
    note = str(result["comparison_group"]["note"])
    rate = latest_match_rates().for_applicant(applicant)
    said = (
        f"That {rate:g}% counts a match in any field, not only in Psychiatry. Your group's rate in Psychiatry is not "
        "in our data, and in some fields it has been lower than the all-field rate."
    )
    assert said in note
    assert "unless your file has" not in note
    if not inputs.get("exam_failures"):
        # No lean either way: the group's rate in this field is not known (recheck s44).
        assert "as background only, not as your chance: your group matches more often across all fields" in note
        assert "low side" not in note
    # Said after the headline's first sentence, in the note under it.
    assert said not in _headline(match_odds.render(result)) and said in _lead(match_odds.render(result))


def test_the_any_field_words_are_for_us_seniors_in_match_odds_only() -> None:
    # A graduate of an earlier year is told the seniors' rate is not theirs at all.
    graduate = str(compute({**DO_SENIOR, "years_since_graduation": 2})["comparison_group"]["note"])
    assert "counts a match in any field" not in graduate and data.PRIOR_GRADUATE_RATE in graduate
    assert "Read the base rate as background only." in graduate
    # A US-citizen IMG's note, and the backup finder's, which speaks of several fields, carry none of it.
    citizen = str(compute({**DO_SENIOR, "applicant_type": "us-img"})["comparison_group"]["note"])
    assert "counts a match in any field" not in citizen and "unless your file has a failed exam attempt" in citizen
    assert "counts a match in any field" not in str(match_odds.not_your_group("us-do", "these estimates", [], senior=True))


@pytest.mark.parametrize("slug", [s.slug for s in SPECIALTIES])
@pytest.mark.parametrize("ranks", [None, 1, 5, 40])
def test_a_do_with_no_step2_reads_and_hears_that_comlex_is_not_weighed(slug: str, ranks: int | None) -> None:
    # Neither the result nor the read-out said whether a COMLEX 585 counted,
    # where three other calculators said so (4).
    result = compute({**DO_SENIOR, "specialty": slug, "contiguous_ranks": ranks})
    assert profile.NO_SCORE_NOTE_DO in result["summary"]
    assert profile.NO_SCORE_HEARD_DO in result["announced"], result["announced"]
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
    html = str(match_odds.render(result))
    root = ET.fromstring(f"<div>{html}</div>")
    paragraphs = ["".join(p.itertext()) for p in root.iter("p")]
    said = f"{profile.NO_SCORE_NOTE_DO} {profile.COMLEX_ONLY_NOTE}"
    assert said in paragraphs
    # Beside the note on whose figures these are, before the table and the chart.
    where = paragraphs.index(said)
    assert "Across all specialties in " in paragraphs[where - 1]


@pytest.mark.parametrize(
    "inputs",
    [
        {"applicant_type": "us-do", "step2_score": 238},
        {"applicant_type": "us-md", "step2_score": None},
        {"applicant_type": "us-img", "step2_score": None},
        {"applicant_type": "non-us-img", "step2_score": None},
    ],
)
def test_only_a_do_with_no_step2_is_given_the_comlex_words(inputs: dict[str, object]) -> None:
    result = compute({**DO_SENIOR, **inputs})
    said = result["summary"] + result["announced"] + str(match_odds.render(result))
    assert "COMLEX only, your score is not weighed" not in said and profile.COMLEX_ONLY_NOTE not in said
    assert profile.NO_SCORE_HEARD_DO not in said


@pytest.mark.parametrize("applicant", APPLICANTS)
def test_the_chart_names_the_non_us_img_group_for_a_reader_outside_it(applicant: str) -> None:
    # A DO's screenshot of the chart read "Score 238: 21%" as their own chance (6).
    result = compute({"specialty": "neurology", "applicant_type": applicant, "step2_score": 238, "contiguous_ranks": 2})
    assert result["probability"] is not None
    shown = match_odds._pct(float(result["probability"]))
    outside = applicant != "non-us-img"
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text for t in ET.fromstring(match_odds.render_chart(result)).iter(f"{ns}text")]
    assert (f"Non-US IMGs at 238: {shown}" in texts) is outside
    assert (f"Score 238: {shown}" in texts) is not outside
    root = ET.fromstring(f"<div>{match_odds.render(result)}</div>")
    caption = "".join(next(iter(root.iter("figcaption"))).itertext())
    assert caption == (
        "Estimate for non-US IMGs by Step 2 CK, other inputs held fixed."
        if outside
        else "Estimate by Step 2 CK, other inputs held fixed."
    )
    table_caption = "".join(next(c for c in root.iter("caption") if "by Step 2 CK" in "".join(c.itertext())).itertext())
    assert ("for non-US IMGs" in table_caption) is outside


@pytest.mark.parametrize("applicant", ["us-md", "us-do"])
def test_a_us_senior_is_named_a_senior_and_spared_the_earlier_graduates_caution(applicant: str) -> None:
    # Match odds said "senior or graduate" and "If you graduated in an earlier
    # year, though: The NRMP counts ..." to a reader who had entered 0 years,
    # where the backup finder, told the same, did not (7).
    school = "US MD" if applicant == "us-md" else "US DO"
    senior = compute({**DO_SENIOR, "applicant_type": applicant, "step2_score": 238, "contiguous_ranks": None})
    html = unescape(str(match_odds.render(senior)))
    assert f"Calculated for: </strong>{school} senior, applying for the first time" in html
    assert "If you graduated in an earlier year" not in html and data.PRIOR_GRADUATE_RATE not in html
    # As the backup finder words it, given the same reader.
    assert (
        senior["comparison_group"]["note"] == match_odds.comparison_group(specialty("psychiatry"), applicant, senior=True)["note"]
    )
    for earlier in ({"years_since_graduation": 2}, {"previously_unmatched": True}):
        graduate = compute({**DO_SENIOR, "applicant_type": applicant, "step2_score": 238, **earlier})
        html = unescape(str(match_odds.render(graduate)))
        assert f"Calculated for: </strong>{school} graduate of an earlier year" in html
        assert data.PRIOR_GRADUATE_RATE in html and "If you graduated in an earlier year" not in html


# --- reapply2 audit s44, 3: a past no-match, asked and named -----------------------------------
# The persona: a US-citizen IMG unmatched twice in internal medicine, 3 years out.
REAPPLICANT = {
    "specialty": "internal-medicine",
    "applicant_type": "us-img",
    "step2_score": 229,
    "contiguous_ranks": 6,
    "exam_failures": 0,
    "years_since_graduation": 3,
    "previously_unmatched": True,
}


def test_match_odds_asks_the_shared_past_no_match_question_which_moves_no_number() -> None:
    asked = {f.name: f for f in match_odds.FIELDS}[profile.PREVIOUSLY_UNMATCHED.name]
    assert asked.label == profile.PREVIOUSLY_UNMATCHED.label and asked.initial == profile.PREVIOUSLY_UNMATCHED.initial
    assert asked.help.startswith(profile.PREVIOUSLY_UNMATCHED.help) and "It changes no number here" in asked.help
    from calculators import reader_state

    assert reader_state.profile_keys(match_odds.FIELDS)["previously_unmatched"] == ["previously_unmatched"]
    for applicant in APPLICANTS:
        first, again = (compute({**REAPPLICANT, "applicant_type": applicant, "previously_unmatched": b}) for b in (False, True))
        for key in ("probability", "base_rate", "score_alone", "curve", "measures", "n"):
            assert first[key] == again[key], key


def test_a_past_no_match_is_named_in_the_summary_headline_and_read_out() -> None:
    result = compute(REAPPLICANT)
    assert result["unseen_flags"] == ["past no-match"]
    said = "These figures cannot see your past no-match, which pulls your chance down."
    assert said in result["summary"] and said in _headline(match_odds.render(result))
    assert "Unseen here: your past no-match." in result["announced"]
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
    # The note on the group names it too, as the backup finder's does.
    assert "your file has a past no-match, which pulls the other way" in str(result["comparison_group"]["note"])
    # Not ticked: none of it.
    first = compute({**REAPPLICANT, "previously_unmatched": False})
    assert "no-match" not in first["summary"] + first["announced"] and first["unseen_flags"] == []


@pytest.mark.parametrize(
    "inputs", [{}, {"contiguous_ranks": None}, {"step2_score": None}, {"exam_failures": 2, "years_since_graduation": 9}]
)
def test_a_reapplicant_reads_the_note_on_reapplicants_first(inputs: dict[str, object]) -> None:
    # The one caveat that fitted them was the fourth note, under three others.
    result = compute({**REAPPLICANT, **inputs})
    assert result["notes"][0] == match_odds.REAPPLICANT_NOTE
    assert result["notes"].count(match_odds.REAPPLICANT_NOTE) == 1
    # A first-time applicant is not told it at all: "more likely too high" met a
    # reader who had not ticked the box (planner audit s54, 5).
    first = compute({**REAPPLICANT, **inputs, "previously_unmatched": False})
    assert match_odds.REAPPLICANT_NOTE not in first["notes"]
    reapplicant_only = (match_odds.REAPPLICANT_RANKS_NOTE, match_odds.REAPPLICANT_NOTE)
    assert sorted(first["notes"]) == sorted(n for n in result["notes"] if n not in reapplicant_only)


def test_a_reapplicant_who_enters_ranks_is_told_to_count_this_seasons_not_the_list_that_failed() -> None:
    # Four ranks that had not matched raised the estimate above the base rate (reapplypsych audit s49, 9).
    inputs = {**REAPPLICANT, "specialty": "psychiatry", "step2_score": 228, "contiguous_ranks": 4}
    result = compute(inputs)
    assert result["probability"] > result["base_rate"]
    assert match_odds.REAPPLICANT_RANKS_NOTE in result["notes"]
    assert "not last season's count" in match_odds.REAPPLICANT_RANKS_NOTE
    # Not for a first-time applicant, nor without ranks, which move nothing to warn of.
    assert match_odds.REAPPLICANT_RANKS_NOTE not in compute({**inputs, "previously_unmatched": False})["notes"]
    assert match_odds.REAPPLICANT_RANKS_NOTE not in compute({**inputs, "contiguous_ranks": None})["notes"]


def test_the_note_on_reapplicants_speaks_to_one_who_changed_field_too() -> None:
    # Read by a reader who moved from internal to family medicine as "a second
    # try at the same field", so not theirs (fmusimg audit s46, 4).
    assert "In a new field the no-match is still on your record" in match_odds.REAPPLICANT_NOTE
    assert match_odds.REAPPLICANT_NOTE.endswith("So for you this estimate is more likely too high than too low.")


@pytest.mark.parametrize("slug", [s.slug for s in SPECIALTIES])
def test_what_is_read_out_with_every_flag_and_a_past_no_match_keeps_to_forty_words(slug: str) -> None:
    for applicant, score, ranks in itertools.product(dict(APPLICANT_TYPES), (None, 180, 200, 250), (None, 1, 4, 15)):
        result = compute(
            {**OLD_GRADUATE, "exam_failures": 12, "previously_unmatched": True, "specialty": slug}
            | {"applicant_type": applicant, "step2_score": score, "contiguous_ranks": ranks}
        )
        said = result["announced"]
        assert len(said.split()) <= registry.READ_OUT_WORDS, said
        if result["probability"] is not None:
            assert "probably lower" in said or "nseen" in said, said


def test_a_phone_keeps_the_figure_and_its_caution_in_view_under_the_form() -> None:
    # The pinned line showed three lines of the summary, cut before "more
    # likely too high" (offprint audit s44, 1).
    from calculators.render import render_result

    # "Internal Medicine: about 47% matched. A ceiling for you: red flags
    # unseen." read as the reader's own chance: the line says whose figure it
    # is, and that theirs is probably lower (soap audit s55, 6).
    # The field's name, short where the full one leaves no room: it was
    # dropped from 69,604 of 78,336 lines (diff review s55, 7).
    result = match_odds.compute({})
    assert result["gist"] == "IM: about 44% of 2026 non-US IMGs with your score matched. Your chance: probably lower."
    assert f'<p class="mpb-gist" hidden>{result["gist"]}</p>' in str(render_result(match_odds, result))
    # A failed attempt read like the visa need almost every non-US IMG has:
    # where the line has room, it is named, at the year's cost (diff review s55, 8).
    flagged = match_odds.compute({"exam_failures": 1, "years_since_graduation": 10})
    assert flagged["gist"] == "IM: about 44% of non-US IMGs with your score matched. Yours: probably lower (failed exam)."
    # The audit's reader: a failed attempt and a visa need, 232 and 4 internal medicine ranks.
    reader = match_odds.compute({"step2_score": 232, "contiguous_ranks": 4, "exam_failures": 1, "years_since_graduation": 4})
    assert reader["gist"] == "IM: about 47% of non-US IMGs with your score and ranks matched. Yours: probably lower."
    # Where it fits, the field's full name.
    assert match_odds.compute({"needs_visa": "false"})["gist"] == (
        "Internal Medicine: about 44% of 2026 non-US IMGs with your score matched."
    )
    # Whose figures, for a reader outside the group (jsreview audit s44, 2), and a failing score.
    for applicant in ("us-md", "us-do", "us-img"):
        assert (
            "2026 non-US IMGs with your score matched (not your group)"
            in match_odds.compute({"applicant_type": applicant})["gist"]
        ), applicant
    failing = match_odds.compute({"step2_score": 205})["gist"]
    assert failing.index("Step 2 CK 205: below passing.") < 80, failing


# --- soap audit s55, 6 and 11: whose figure it is, and a short first sentence ------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_no_short_form_reads_as_the_readers_own_chance_and_each_keeps_to_its_room(slug: str) -> None:
    from calculators.registry import PINNED_LINE_CHARS

    flagged = {**FLAGGED_FILE, "previously_unmatched": True}
    # 180, far below passing, and 4 ranks: a US graduate's PM&R read-out ran to 41 words (diff review s55, 6).
    grid = itertools.product(APPLICANTS, (None, 180, 205, 250), (None, 1, 4, 6), (CLEAN_FILE, flagged))
    for applicant, score, ranks, file in grid:
        result = compute(
            {"specialty": slug, "applicant_type": applicant, "step2_score": score, "contiguous_ranks": ranks, **file}
        )
        summary, said, gist = result["summary"], result["announced"], result["gist"]
        # "Internal Medicine: about 47% matched." read as the reader's chance: every form names the group.
        for each in (summary, said, gist):
            assert not re.search(r"%\)?\s+matched", each) and "ceiling" not in each, each
            assert "non-US IMG" in each, each
        first = summary.split(". ", 1)[0]
        assert len(first.split()) <= 35, first
        assert "2026 non-US IMGs" in first and "(NRMP Charting Outcomes 2026" in first, first
        assert (
            match_odds.ESTIMATE_NOT_YOURS
            if result["measures"] and any(m["used"] for m in result["measures"])
            else match_odds.BASE_NOT_YOURS
        ) in summary
        assert ("not your group" in first) is (applicant != "non-us-img"), first
        assert len(gist) <= PINNED_LINE_CHARS, gist
        assert len(said.split()) <= registry.READ_OUT_WORDS, said
        # With red flags, a reader in the figures' group reads that theirs is
        # probably lower, in every form; on the phone's line a failing score
        # takes its room, as the figure assumes a pass.
        if applicant == "non-us-img" and file is flagged:
            assert "so for you this figure is probably an overestimate" in summary
            assert "probably lower" in said, said
            # The field's name always stays (diff review s55, 7): where even
            # its short form leaves no room, the flags' clause goes.
            shortest = match_odds.pinned_names(specialty(slug))[-1]
            assert (
                "probably lower" in gist
                or f"{score}: below passing." in gist
                or "failing score" in gist
                or _no_room_for_the_flags(gist, shortest)
            ), gist
        if applicant == "non-us-img" and file is CLEAN_FILE:
            assert "probably" not in said + gist


def test_the_ranks_help_and_method_count_no_preliminary_or_transitional_programs() -> None:
    # A general surgery reader counted 3 preliminary surgery interviews as ranks
    # and read 44% for 31% (surgprelim audit s45, 3).
    field = next(f for f in match_odds.FIELDS if f.name == "contiguous_ranks")
    for said in (field.help, unescape(str(match_odds.method()))):
        # Categorical and advanced: both belong to a field with both, as anesthesiology (diffreview45 audit s45, 6).
        assert "Count this specialty's categorical and advanced programs" in said
        assert "not preliminary or transitional ones" in said and "NRMP Charting Outcomes" in said


def test_the_read_out_always_says_an_entered_input_was_left_out() -> None:
    # With a failing score and ranks at the unmatched median, "not used" went
    # before the ranks' yardstick did (recheck45 audit s45, 2).
    for slug in ("orthopaedic-surgery", "dermatology", "plastic-surgery", "otolaryngology", "neurological-surgery"):
        for applicant in ("non-us-img", "us-md", "us-img"):
            for score in (200, 215, 250):
                for ranks in (None, 1, 3):
                    result = compute(
                        {"specialty": slug, "applicant_type": applicant, "step2_score": score, "contiguous_ranks": ranks}
                    )
                    if any(not m["used"] for m in result["measures"]):
                        assert "not used" in result["announced"], result["announced"]
                        assert len(result["announced"].split()) <= registry.READ_OUT_WORDS


# --- soap audit s55, 11: the notes in short sentences, what to do first, citations at the end ---------------
def _sentences(text: str) -> list[str]:
    """A note's sentences, its bracketed citations left out."""
    plain = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\)", "", text)
    return [each for each in re.split(r"(?<=\.) (?=[A-Z])", plain) if each]


def test_the_notes_every_reader_gets_read_in_sentences_of_35_words_or_fewer() -> None:
    # RED_FLAGS_UNSEEN ran to 41 words, COMPARING_FIELDS to 40, the flat one
    # to 42, the reapplicant note to 59 and the Charting Outcomes note to 44.
    for note in (
        match_odds.RED_FLAGS_UNSEEN,
        match_odds.COMPARING_FIELDS,
        match_odds.COMPARING_FIELDS_FLAT,
        match_odds.REAPPLICANT_NOTE,
    ):
        assert max(len(each.split()) for each in _sentences(note)) <= 35, note
    # What to do first, with the meaning kept.
    assert match_odds.RED_FLAGS_UNSEEN.startswith(
        "If you have a failed exam attempt, graduated more than 5–7 years ago with little recent clinical work, or need "
        "a visa, read the estimate as more likely too high than too low. "
    )
    assert "nor those who need a visa from the permanent residents counted with them, who need none." in (
        match_odds.RED_FLAGS_UNSEEN
    )
    assert match_odds.RED_FLAGS_UNSEEN.endswith(
        "The IMG article counts the first two as red flags, and needing an H-1B where few programs sponsor it."
    )
    assert match_odds.COMPARING_FIELDS.startswith(
        "Read a clearly higher estimate here than for another specialty as a sign, not proof,"
    )
    assert match_odds.COMPARING_FIELDS_FLAT.startswith(
        "A higher estimate here than for another specialty does not make this the easier field for you."
    )
    for slug in SLUGS:
        for applicant in APPLICANTS:
            notes = compute({"specialty": slug, "applicant_type": applicant})["notes"]
            [note] = [n for n in notes if n.startswith("These figures describe")]
            # Two sentences, each within 35 words as written, the full citation at the end.
            assert note.endswith(f"({data.CHARTING_OUTCOMES.cite()}, {match_odds.HOW_COPIED}).")
            assert all(len(each.split()) <= 35 for each in note.split(". They do not cover ")), note


# --- Reserved places beside the field's figures (pgy1res audit s46, 6) ----------------
PGY1_RESIDENT = {"applicant_type": "us-img", "step2_score": 239, "contiguous_ranks": 8, "needs_visa": "false"}


def test_radiologys_estimate_says_reserved_places_are_a_small_pool_of_their_own() -> None:
    notes = compute({**PGY1_RESIDENT, "specialty": "diagnostic-radiology"})["notes"]
    [note] = [n for n in notes if "reserved (physician) PGY-2" in n]
    assert note == data.reserved_places_note("diagnostic-radiology")
    assert "they do not separate reserved (physician) PGY-2 places" in note
    assert f"{data.DR_R_2025.offered} places in {data.DR_MATCH_2025.year}, {data.DR_R_2025.filled} of them filled" in note
    assert data.DR_MATCH_2025.cite() in note and data.NRMP_POSITION_TYPES.cite() in note
    # The applicant count in the news copy could not be checked against its report.
    assert "How many applied for them we could not confirm" in note and "125" not in note
    # Said second, beside the figures' own caveat, not at the foot of the list.
    assert notes.index(note) <= 3


def test_anesthesiologys_estimate_says_no_source_holds_its_reserved_places_and_other_fields_say_nothing() -> None:
    notes = compute({**PGY1_RESIDENT, "specialty": "anesthesiology"})["notes"]
    [note] = [n for n in notes if "reserved (physician) PGY-2" in n]
    assert note.endswith("How many there are in this field, and how many applied for them, no source of ours says.")
    assert data.DR_MATCH_2025.cite() not in note
    for slug in ("internal-medicine", "neurology", "dermatology"):
        assert data.reserved_places_note(slug) is None
        assert not [n for n in compute({**PGY1_RESIDENT, "specialty": slug})["notes"] if "reserved (physician)" in n]


def test_an_h1b_only_readers_visa_note_says_the_figures_count_applicants_who_could_take_a_j1() -> None:
    # Match odds had the words of "any visa" for the reader with the fewest
    # programs open to them (diffreview48 audit s48, 10). Only words change.
    reader = {"specialty": "internal-medicine", "applicant_type": "non-us-img", "step2_score": 240}
    only, either = compute({**reader, "needs_visa": "h1b-only"}), compute({**reader, "needs_visa": "true"})
    said = (
        "You cannot take a J-1, and they also count applicants who could take one, so for you the estimate may be "
        "further too high: count only programs that will file an H-1B for you."
    )
    [note] = [n for n in only["notes"] if n.startswith("Your visa need")]
    assert note.endswith(said)
    assert not any("cannot take a J-1" in n for n in either["notes"])
    for key in ("summary", "announced", "gist", "unseen_flags"):
        assert only[key] == either[key], key
    assert [n for n in only["notes"] if not n.startswith("Your visa need")] == [
        n for n in either["notes"] if not n.startswith("Your visa need")
    ]


@pytest.mark.parametrize(
    ("slug", "flat"), [("internal-medicine", False), ("family-medicine", True), ("diagnostic-radiology", True)]
)
def test_comparing_fields_is_called_a_sign_only_where_the_score_moves_the_estimate(slug: str, flat: bool) -> None:
    # The finder and program counts compare estimates across fields by a
    # margin, which this note forbade (crosscalc audit s51, 3); where the
    # score barely moves the estimate, another note says it cannot rank the
    # field, and this one must not call it a sign (diff review s51, 2).
    notes = match_odds.compute({"specialty": slug, "applicant_type": "non-us-img", "step2_score": 235})["notes"]
    assert (match_odds.COMPARING_FIELDS_FLAT in notes) is flat
    assert (match_odds.COMPARING_FIELDS in notes) is not flat


# --- oldgrad audit s52: a GP 8 years out, with recent work this calculator does not ask --------------------
OLD_GP = {
    "specialty": "psychiatry",
    "applicant_type": "non-us-img",
    "step2_score": 244,
    "years_since_graduation": 8,
    "needs_visa": "false",
}


def test_an_old_graduation_alone_is_probably_an_overestimate_whatever_the_recent_work() -> None:
    # "For you the estimate is a ceiling" on the years alone met a GP whom the
    # check does not flag with 6 months of recent work (oldgrad audit s52, 2);
    # with it or without, the years leave the estimate more likely too high,
    # so one clause says so, and the note gives the check's rule (soap audit s55, 6).
    result = compute(OLD_GP)
    said = "These figures cannot see your graduation 8 years ago, so for you this figure is probably an overestimate."
    assert result["summary"].endswith(said)
    assert said in _headline_of(result)
    assert result["announced"].endswith("Yours is probably lower: these figures cannot see your graduation 8 years ago.")
    assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
    assert result["gist"] == "Psychiatry: about 61% of 2026 non-US IMGs with your score matched. Yours: probably lower."
    # With a visa need, or a failed attempt, the same words.
    visa = compute({**OLD_GP, "needs_visa": "true"})
    assert "graduation 8 years ago and visa need, so for you this figure is probably an overestimate." in visa["summary"]
    failed = compute({**OLD_GP, "exam_failures": 1})
    assert failed["summary"].endswith(
        "These figures cannot see your failed exam attempt and graduation 8 years ago, so for you this figure is "
        "probably an overestimate."
    )


def test_the_recent_work_condition_is_the_competitiveness_checks_own(monkeypatch: pytest.MonkeyPatch) -> None:
    # Its 6 months and 3 years, not typed again here (oldgrad audit s52, 2).
    from calculators import competitiveness

    # The check's one wording of its 6 months and 3 years, which both calculators quote.
    monkeypatch.setattr(
        competitiveness, "TOO_LITTLE_RECENT_WORK", "under 9 months of hands-on clinical work in the 4 years before you submit"
    )
    result = compute(OLD_GP)
    condition = "if you have had under 9 months of hands-on clinical work in the 4 years before you submit"
    (note,) = [n for n in result["notes"] if n.startswith("You graduated")]
    assert condition[0].upper() + condition[1:] in note


def test_the_graduation_note_is_short_sentences_with_the_condition_first() -> None:
    # One sentence of 69 words (oldgrad audit s52, 12).
    (note,) = [n for n in compute(OLD_GP)["notes"] if n.startswith("You graduated")]
    sentences = [each for each in re.split(r"(?<=[.:])\s+(?=[A-Z])", note) if each]
    assert len(sentences) >= 5
    assert max(len(each.split()) for each in sentences) <= 30, sentences
    assert (
        "If you have had under 6 months of hands-on clinical work in the 3 years before you submit, the competitiveness "
        "check counts your graduation year as a red flag. With more recent work, it does not, though it still takes "
        "points off for the years. Either way, this estimate is probably an overestimate for you."
    ) in note
    assert "ceiling" not in note


def test_the_read_outs_shorter_flags_clauses_are_plain_words_that_name_the_flags() -> None:
    # "A ceiling: red flags unseen." was jargon, and claimed more than the
    # notes (soap audit s55, 6); "given your red flag" called an old
    # graduation one, and did not tell a failed attempt apart from a visa
    # need (diff review s55, 8): the shorter clauses name the flags.
    shorter = match_odds.unseen_heard_shorter
    old = compute({**OLD_GRADUATE, **CLEAN_FILE, "years_since_graduation": 8})["unseen_flags"][0]
    assert shorter([match_odds.VISA_FLAG], True) == [" Yours is probably lower, given your visa need.", " Yours: probably lower."]
    assert shorter(["failed exam attempt", old, match_odds.VISA_FLAG], True) == [
        " Yours is probably lower, given your failed exam, graduation year and visa need.",
        " Yours is probably lower, given your failed exam and more.",
        " Yours: probably lower.",
    ]
    assert shorter(["2 failed exam attempts"], False) == [
        " Unseen here: your 2 failed exams.",
        " Unseen here: 2 failed exams.",
    ]
    assert shorter([old, match_odds.VISA_FLAG], False)[-1] == " Unseen here: your red flags."
    for in_group in (True, False):
        for said in shorter([old, match_odds.VISA_FLAG], in_group):
            assert "flags unseen" not in said.lower() and "given your red flag" not in said, said


def test_an_old_graduation_is_marked_as_the_checks_flag_and_named_in_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # The flag says which it is, as the competitiveness check's does (second read, session 52 note).
    from calculators import profile

    old = compute({**OLD_GRADUATE, **CLEAN_FILE, "years_since_graduation": 8})["unseen_flags"]
    assert old == ["graduation 8 years ago"] and getattr(old[0], "kind", None) == profile.OLD_GRADUATION_KIND
    # Reworded, the flag is named in its new words, with the same clause.
    monkeypatch.setattr(match_odds, "OLD_GRADUATION_WORDS", "{} since you graduated")
    result = compute({**OLD_GRADUATE, **CLEAN_FILE, "years_since_graduation": 8})
    assert result["unseen_flags"] == ["8 years since you graduated"]
    assert "cannot see your 8 years since you graduated, so for you this figure is probably an overestimate." in result["summary"]


# --- midseason audit s52, 4: no interviews in December --------------------------------------------------------
MIDSEASON_READER = {"specialty": "internal-medicine", "applicant_type": "us-img", "step2_score": 231}


def _text_of(html: object) -> str:
    return unescape(re.sub("<[^>]+>", " ", str(html)))


def test_zero_ranks_say_plainly_the_match_cannot_place_you_and_give_no_percentage(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_build_date(monkeypatch, "2026-12-07")
    result = compute({**MIDSEASON_READER, "contiguous_ranks": 0})
    headline = _headline_of(result).removeprefix(">")
    assert headline.startswith(
        "With no Internal Medicine program to rank, the Match cannot place you in Internal Medicine this season. "
        "It places applicants only at programs on their own rank order lists"
    )
    assert data.NRMP_ALGORITHM.cite() in headline and "gives no percentage for that field" in headline
    # No figure anywhere that could read as a chance in the field, and no model arithmetic on 0.
    shown = _text_of(match_odds.render(result))
    for said in (shown, result["summary"], result["announced"], result["gist"], *result["notes"]):
        assert "%" not in said and "ceiling" not in said and "matched (" not in said, said
    assert "<svg" not in str(match_odds.render(result)) and "Likelihood ratio" not in shown
    assert result["probability"] is None and result["score_alone"] is None and result["curve"] == []
    assert result["measures"] == [] and result["far_from_data"] == [] and not result["rough"]
    assert result["comparison_group"]["note"] is None and result["unseen_flags"] == []
    assert result["summary"].startswith("Internal Medicine: with no Internal Medicine program to rank")
    assert result["announced"].startswith("Internal Medicine: with no program to rank, the Match cannot place you in it")
    assert result["gist"] == "Internal Medicine: no program to rank, so no match in it this season."
    # The yardstick for the next count, with its source and year.
    assert (
        "non-US IMGs who ranked Internal Medicine first and matched had ranked a median of 5 of its programs, and "
        "those who did not match 2 (NRMP Charting Outcomes 2026, secondary copy; self-reported)"
    ) in shown


def test_zero_ranks_in_time_point_to_widening_by_the_timelines_last_day_and_to_soap(monkeypatch: pytest.MonkeyPatch) -> None:
    from calculators import cycle

    pin_build_date(monkeypatch, "2026-12-07")
    steps = str(compute({**MIDSEASON_READER, "contiguous_ranks": 0})["no_ranks"]["next_steps"])  # type: ignore[index]
    assert steps.startswith(cycle.where_new_applications_go("internal-medicine", 2027, cycle.reference_date())[0])
    assert (
        "otherwise to a backup field that applies through ERAS. Emergency medicine and OB/GYN can no longer be added: "
        "ResidencyCAS, which they use, has closed." in steps
    )
    # The timeline's own rule: the 20th is the last day before "too late" (midseason audit s52, 1).
    assert f"{cycle.send_by(2027)} Get ready for SOAP" in steps
    assert "The last useful day to send a new application is about 20 December 2026" in steps
    assert "Get ready for SOAP as well" in steps and data.NRMP_SOAP.cite() in steps
    assert steps.endswith(cycle.SHORT_OF_INTERVIEWS)
    said = compute({**MIDSEASON_READER, "contiguous_ranks": 0})["announced"]
    assert said.endswith(
        "Send applications to more programs or a backup field through ERAS by about 20 December 2026, and prepare for SOAP."
    )


@pytest.mark.parametrize(
    ("today", "said", "not_said"),
    [
        # Past the timeline's last useful day: SOAP now, wider next season.
        ("2026-12-21", ["unlikely to bring an interview", "What is left this season is SOAP"], ["The last useful day"]),
        # The rank lists have surely closed in Match Week; SOAP runs.
        ("2027-03-16", ["have closed, and SOAP is the route left this season: this week it lets"], ["get ready for it now"]),
        # Between seasons: no "this season", no mid-season section.
        ("2026-06-10", ["Before you apply, add more Internal Medicine programs", "SOAP: in Match Week"], ["this season"]),
        # After SOAP, while the List of Unfilled Programs is kept.
        ("2027-04-10", ["List of Unfilled Programs", "Before you apply"], ["this season"]),
    ],
)
def test_zero_ranks_say_what_can_still_be_done_on_the_day(
    monkeypatch: pytest.MonkeyPatch, today: str, said: list[str], not_said: list[str]
) -> None:
    from calculators import cycle

    pin_build_date(monkeypatch, today)
    result = compute({**MIDSEASON_READER, "contiguous_ranks": 0})
    text = result["summary"]
    for words in said:
        assert words in text, (today, words)
    for words in not_said:
        assert words not in text, (today, words)
    assert (cycle.SHORT_OF_INTERVIEWS in text) is (today == "2026-12-21")


# --- soap audit s55, 3 and 9: the rank lists closed by our reckoning; SOAP over once Match Day is past ---
ALMOST_CERTAINLY_CLOSED = "The rank lists for the Match 2027 have almost certainly closed"
SOAP_HEDGE = "has ended by our estimate"


@pytest.mark.parametrize(
    ("today", "said", "not_said"),
    [
        # Match Day (19 March 2027, by rule) less the shortest published gap, 16 days: the NRMP's may be later.
        ("2027-03-03", ["the NRMP's own deadline may be later"], [ALMOST_CERTAINLY_CLOSED, "have closed"]),
        # From the next day to Match Week, closed by our reckoning only, and said so, with why.
        ("2027-03-04", [ALMOST_CERTAINLY_CLOSED, "What is left this season is SOAP"], ["may be later"]),
        ("2027-03-10", [ALMOST_CERTAINLY_CLOSED, "What is left this season is SOAP"], ["may be later"]),
        # In Match Week the lists have surely closed.
        ("2027-03-16", ["The rank lists for the Match 2027 have closed, and SOAP is the route"], ["almost certainly"]),
        # After Match Day SOAP is surely over: no "by our estimate... confirm", as the guides say it.
        # Of our estimated Match Day, a week after it (diff review s55b, 5).
        ("2027-03-20", [SOAP_HEDGE], ["SOAP for the Match 2027 is over."]),
        ("2027-03-27", ["SOAP for the Match 2027 is over.", "now that SOAP has ended you may contact"], [SOAP_HEDGE, "confirm"]),
        ("2027-04-01", ["SOAP for the Match 2027 is over.", "now that SOAP has ended you may contact"], [SOAP_HEDGE, "confirm"]),
    ],
)
def test_zero_ranks_in_match_month_say_how_surely_the_lists_and_soap_have_closed(
    monkeypatch: pytest.MonkeyPatch, today: str, said: list[str], not_said: list[str]
) -> None:
    from calculators import cycle

    pin_build_date(monkeypatch, today)
    steps = str(compute({**MIDSEASON_READER, "contiguous_ranks": 0})["no_ranks"]["next_steps"])  # type: ignore[index]
    for words in said:
        assert words in steps, (today, words)
    for words in not_said:
        assert words not in steps, (today, words)
    if ALMOST_CERTAINLY_CLOSED in said:
        assert f"{ALMOST_CERTAINLY_CLOSED} ({cycle.deadline_gaps_said()})." in steps


@pytest.mark.parametrize("slug", SLUGS)
def test_zero_ranks_keep_every_short_form_within_its_room(slug: str) -> None:
    from calculators.registry import PINNED_LINE_CHARS

    for applicant, score, flags in itertools.product(APPLICANTS, (None, 205, 250), ({}, FLAGGED_FILE)):
        result = compute({"specialty": slug, "applicant_type": applicant, "step2_score": score, "contiguous_ranks": 0, **flags})
        assert len(result["announced"].split()) <= registry.READ_OUT_WORDS, result["announced"]
        assert "cannot place you in it" in result["announced"]
        assert len(result["gist"]) <= PINNED_LINE_CHARS, result["gist"]
        assert json.loads(json.dumps(result, allow_nan=False)) == result
        ET.fromstring(f"<div>{match_odds.render(result)}</div>")
        if score == 205:
            assert "205" in result["announced"]


def test_ranks_left_empty_still_give_the_estimate_from_the_score_alone() -> None:
    # 0 and empty are different answers: empty is "not known yet".
    empty = compute({**MIDSEASON_READER, "contiguous_ranks": None})
    assert empty["no_ranks"] is None and empty["probability"] == 0.3595


def test_ranks_that_raise_the_estimate_unseen_are_not_said_to_raise_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # 3 internal medicine ranks at 236 took 40.16% to 40.24%, both "about
    # 40%", beside "They still raise the estimate" (diff review s53, 6).
    pin_build_date(monkeypatch, "2026-12-07")
    result = compute({**MIDSEASON_READER, "step2_score": 236, "contiguous_ranks": 3})
    [ratio] = [m["likelihood_ratio"] for m in result["measures"] if m["measure"] == "contiguous_ranks"]
    assert ratio is not None and ratio > 1
    assert result["below_matched_median"] is not None and "still raise" not in result["below_matched_median"]


# --- midseason audit s52, 4, second half: 1 to 4 ranks in December ---------------------------------------------
@pytest.mark.parametrize(("ranks", "below"), [(1, True), (4, True), (5, False), (8, False)])
def test_ranks_below_the_matched_median_mid_season_point_to_the_short_of_interviews_section(
    monkeypatch: pytest.MonkeyPatch, ranks: int, below: bool
) -> None:
    from calculators import cycle

    pin_build_date(monkeypatch, "2026-12-07")  # programs reviewing
    result = compute({**MIDSEASON_READER, "contiguous_ranks": ranks})
    # Where the ranks raise the estimate all the same, it says why (EM audit s53, 4).
    [ratio] = [m["likelihood_ratio"] for m in result["measures"] if m["measure"] == "contiguous_ranks"]
    # With the estimate at one rank fewer beside it (diff review s53b, 6).
    fewer = compute({**MIDSEASON_READER, "contiguous_ranks": ranks - 1})["probability"] if ranks > 1 else None
    raises = (
        f" They still raise the estimate (with one rank fewer it is {match_odds.about(fewer)}), as that many ranks were "
        "more common among those who matched than among those who did not, whose median was 2: a better sign than "
        "fewer, not a sign of enough."
        if ratio is not None and ratio > 1 and fewer is not None
        else ""
    )
    assert bool(raises) is (ranks >= 4)
    said = (
        f"Your {ranks} rank{'s are' if ranks > 1 else ' is'} below the median for non-US IMGs who ranked Internal "
        f"Medicine first and matched: 5 (NRMP Charting Outcomes 2026, secondary copy).{raises} {cycle.SHORT_OF_INTERVIEWS}"
    )
    assert result["probability"] is not None and result["few_ranks"] is None
    assert (result["below_matched_median"] == said) is below
    assert (said in result["summary"]) is below and (said in _headline_of(result)) is below
    assert (cycle.SHORT_OF_INTERVIEWS in result["summary"] + _headline_of(result)) is below
    if below:
        assert result["announced"].endswith(
            "Below the matched median, 5 (NRMP Charting Outcomes 2026). Timeline guide: “Already applied, and short of "
            "interviews?”."
        )
        assert len(result["announced"].split()) <= registry.READ_OUT_WORDS
    else:
        assert result["below_matched_median"] is None and "Timeline guide" not in result["announced"]


def test_the_pointer_is_for_a_season_under_review_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from calculators import cycle

    for day in ("2026-06-10", "2027-03-20"):
        pin_build_date(monkeypatch, day)  # between seasons
        result = compute({**MIDSEASON_READER, "contiguous_ranks": 4})
        assert result["below_matched_median"] is None and cycle.SHORT_OF_INTERVIEWS not in result["summary"], day


@pytest.mark.parametrize("slug", SLUGS)
def test_the_matched_median_said_is_each_fields_own(monkeypatch: pytest.MonkeyPatch, slug: str) -> None:
    from calculators import cycle

    pin_build_date(monkeypatch, "2026-12-07")
    matched = specialty(slug).outcome.contig_matched.median  # type: ignore[union-attr]
    if matched is None:
        # NRMP withheld it: no median to fall short of.
        assert all(compute({"specialty": slug, "contiguous_ranks": k})["below_matched_median"] is None for k in (1, 2, 3))
        return
    # A median may be a half (3.5): the first whole count at or above it.
    at = compute({"specialty": slug, "step2_score": 240, "contiguous_ranks": math.ceil(matched)})
    assert at["below_matched_median"] is None
    if matched > 1:
        short = compute({"specialty": slug, "step2_score": 240, "contiguous_ranks": math.ceil(matched) - 1})
        # Ranks left out at the unmatched figure already carry the pointer, once.
        said = short["below_matched_median"] or short["few_ranks"]
        assert said is not None and cycle.SHORT_OF_INTERVIEWS in said
        assert short["summary"].count(cycle.SHORT_OF_INTERVIEWS) == 1
        if short["below_matched_median"]:
            assert f"first and matched: {matched:g} (NRMP Charting Outcomes 2026" in short["below_matched_median"]


def test_zero_ranks_in_a_residencycas_field_in_december_send_only_to_an_eras_backup(monkeypatch: pytest.MonkeyPatch) -> None:
    # "To more Obstetrics and Gynecology programs" after ResidencyCAS had
    # closed in September (diff review s52, 1).
    pin_build_date(monkeypatch, "2026-12-07")
    result = compute({"specialty": "obstetrics-gynecology", "contiguous_ranks": 0})
    steps = str(result["no_ranks"]["next_steps"])  # type: ignore[index]
    # The reason first, then the rule and the account (diff review s53b, 7).
    assert steps.startswith("Obstetrics and Gynecology programs take applications through ResidencyCAS, which closed")
    assert (
        "read 2026). New applications can now go only to a backup field that applies through ERAS. If you have used "
        "only ResidencyCAS so far, you need a MyERAS account first." in steps
    )
    assert "to more programs in your field" not in steps
    assert "Send applications to a backup field through ERAS by about 20 December 2026" in result["announced"]


# --- Which way the non-US IMG figures lean for another group (aiminghigh audit s54, 1) ---
# The audit's reader: a US-citizen IMG aiming at orthopaedics with one rank.
ORTHO_US_IMG = {"specialty": "orthopaedic-surgery", "applicant_type": "us-img", "step2_score": 258, "contiguous_ranks": 1}


@pytest.mark.parametrize("slug", SLUGS)
def test_the_lean_is_said_outside_the_most_competitive_fields_only(slug: str) -> None:
    # No article sizes a group's advantage field by field; a field's shares of
    # places count matches, not applicants, so they are no guide (our rule, on
    # review of the helper's share rule); radiology is with the hardest
    # fields, as the IMG and ultra articles group it (diff review s54, 2).
    spec = specialty(slug)
    hard = spec.tier in ("ultra", "competitive")
    assert match_odds.leans_low(spec) is not hard
    note = str(compute({"specialty": slug, "applicant_type": "us-img", "step2_score": 250})["comparison_group"]["note"])
    assert ("likely on the low side for you" in note) is not hard
    unknown = match_odds.HARD_FIELD_NO_LEAN.format(field=spec.name, tier=data.TIER_LABELS[spec.tier])
    assert (unknown in note) is hard
    assert "the articles say" not in note
    assert "share" not in note.split("These are figures")[-1].split(". Read ")[-1]


def test_the_ortho_us_img_with_one_rank_is_not_reassured_and_reads_the_ranks_first() -> None:
    result = compute(ORTHO_US_IMG)
    note = str(result["comparison_group"]["note"])
    html = str(match_odds.render(result))
    assert "low side" not in unescape(html) and "low side" not in result["summary"] + result["announced"]
    ranks = (
        "Your 1 rank is at or below the number ranked by a typical non-US IMG who did not match in Orthopaedic "
        "Surgery, so do not count on your group's higher rate to lift this estimate."
    )
    unknown = match_odds.HARD_FIELD_NO_LEAN.format(field="Orthopaedic Surgery", tier="ultra-competitive")
    assert ". Read the estimate as background only. " + ranks + " " + unknown in note
    assert ranks in _lead(html)
    # Without the rank, the field alone says the direction is unknown.
    alone = str(compute({**ORTHO_US_IMG, "contiguous_ranks": None})["comparison_group"]["note"])
    assert ". Read the estimate as background only. " + unknown in alone


@pytest.mark.parametrize("ranks", [1, 2, 5])
def test_ranks_at_the_unmatched_figure_take_the_lean_away_in_a_field_that_has_one(ranks: int) -> None:
    # Emergency medicine leans low for a US-citizen IMG, but not beside ranks
    # as few as those who did not match there.
    result = compute(
        {"specialty": "emergency-medicine", "applicant_type": "us-img", "step2_score": 240, "contiguous_ranks": ranks}
    )
    note = str(result["comparison_group"]["note"])
    few = match_odds.few_ranks(specialty("emergency-medicine"), ranks) is not None
    assert few is (ranks < 5)
    assert ("likely on the low side" in note) is not few
    assert ("at or below the number ranked by a typical non-US IMG who did not match" in note) is few
    # The ranks' own note does not call them "another matter" after they were just named.
    assert ("How your ranks move the estimate" in note) is few
    assert ("Your ranks are another matter" in note) is not few


def test_the_summary_and_headline_name_the_inputs_the_figure_used() -> None:
    # "with your inputs" met a reader whose visa, US months and letters it
    # never used (planner audit s54, 5).
    score = compute({"specialty": "internal-medicine", "applicant_type": "non-us-img", "step2_score": 245})
    both = compute({"specialty": "internal-medicine", "step2_score": 245, "contiguous_ranks": 6})
    ranks = compute({"specialty": "internal-medicine", "step2_score": None, "contiguous_ranks": 6})
    for result, named in (
        (score, "your Step 2 CK"),
        (both, "your Step 2 CK and number of ranks"),
        (ranks, "your number of ranks"),
    ):
        assert f"of 2026 non-US IMGs with {named} matched" in result["summary"]
        assert f"of those with {named} matched." in _headline(match_odds.render(result))
        assert "your inputs" not in result["summary"] + str(match_odds.render(result))
    assert score["summary"].startswith("Internal Medicine: about 48% of 2026 non-US IMGs with your Step 2 CK matched")


def test_where_the_visa_is_named_us_experience_and_letters_are_named_too() -> None:
    planner = compute({"specialty": "internal-medicine", "applicant_type": "non-us-img", "step2_score": 245})
    said = (
        "These figures cannot see your visa need, so for you this figure is probably an overestimate. Nor "
        "can they see your US clinical experience or US letters: the competitiveness check asks about both."
    )
    assert said in planner["summary"] and said in _headline(match_odds.render(planner))
    # No visa named, no sentence: a permanent resident, or a citizen.
    for inputs in ({"needs_visa": "false"}, {"applicant_type": "us-img"}):
        result = compute({"specialty": "internal-medicine", "step2_score": 245, **inputs})
        assert match_odds.US_FILE_UNSEEN not in result["summary"] + _headline(match_odds.render(result))
    # The read-out keeps to its length, and says whose figure it is and that the reader's is probably lower
    # (soap audit s55, 6).
    assert planner["announced"] == (
        "Internal Medicine: about 48% of 2026 non-US IMGs with your score matched (an estimate; base rate 48.5%). Yours "
        "is probably lower: these figures cannot see your visa need."
    )


def test_match_rates_are_printed_to_the_nrmps_one_decimal() -> None:
    # "US-citizen IMGs 70%" stood beside "93.5%" (sources audit s54, 8).
    note = str(
        compute({"specialty": "internal-medicine", "applicant_type": "us-img", "step2_score": 240})["comparison_group"]["note"]
    )
    assert "70.0% of US-citizen IMGs matched against 56.4% of non-US IMGs" in note


def test_a_flagged_reader_in_a_hard_field_is_not_told_their_group_matches_more_often() -> None:
    # "Your group matches more often, but your file has ..." implied the lean
    # the rule refuses in orthopaedics (diff review s54b, 6).
    note = str(
        compute({"specialty": "orthopaedic-surgery", "applicant_type": "us-img", "step2_score": 258, "exam_failures": 1})[
            "comparison_group"
        ]["note"]
    )
    assert "your group matches more often, but" not in note
    assert match_odds.HARD_FIELD_NO_LEAN.format(field="Orthopaedic Surgery", tier="ultra-competitive") in note
    im = str(
        compute({"specialty": "internal-medicine", "applicant_type": "us-img", "step2_score": 240, "exam_failures": 1})[
            "comparison_group"
        ]["note"]
    )
    assert "your group matches more often, but your file has" in im


@pytest.mark.parametrize(("applicant", "group", "rated", "rate"), READERS_OUTSIDE_THE_DATA)
@pytest.mark.parametrize("slug", ["internal-medicine", "orthopaedic-surgery", "diagnostic-radiology"])
def test_the_not_your_group_note_reads_in_short_sentences_with_what_to_do_opening_its_own(
    applicant: str, group: str, rated: str, rate: str, slug: str
) -> None:
    # The colon and the "so" ran the note's sentences to 39 and 61 words, and
    # the no-lean rule to 38 and 45 (diff review s54b, 11; aiminghigh audit s54, 13).
    result = compute({"specialty": slug, "applicant_type": applicant, "step2_score": 250})
    note = str(result["comparison_group"]["note"])
    assert note.startswith(f"These are figures for non-US IMGs, not for {group}. ")
    assert ". Read the estimate as background" in note
    citations = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\)", "", note)
    long = [s for s in re.split(r"(?<=\.) (?=[A-Z])", citations) if len(s.split()) > 35]
    assert not long, long
    # The headline keeps only whose figures these are; the rest is the note under it.
    assert _lead(match_odds.render(result)).startswith(f"Not your group. These are figures for non-US IMGs, not for {group}. ")
    for rule in (match_odds.LEAN_RULE, match_odds.HARD_FIELD_NO_LEAN):
        assert all(len(sentence.split()) <= 25 for sentence in rule.split(". "))


# --- diff review s55, 6, 7 and 8: the read-out's length, the phone's line and its flags ---------------------
SWEEP_FILES = (
    CLEAN_FILE,
    {**CLEAN_FILE, "exam_failures": 1},
    {**CLEAN_FILE, "years_since_graduation": 10},
    FLAGGED_FILE,
    {**FLAGGED_FILE, "exam_failures": 3, "previously_unmatched": True},
)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_pinned_line_names_the_field_and_every_read_out_keeps_to_forty_words(slug: str) -> None:
    # The field's name was dropped from 69,604 of 78,336 pinned lines (7), and
    # a failing 180 took 93 read-outs to 41 words (6), where the grid had no
    # score that low.
    from calculators.registry import PINNED_LINE_CHARS

    spec = specialty(slug)
    names = match_odds.pinned_names(spec)
    assert names[0] == spec.name
    grid = itertools.product(APPLICANTS, (None, 180, 205, 232, 250, 300), (None, 0, 1, 4, 15), SWEEP_FILES)
    for applicant, score, ranks, file in grid:
        values = {"specialty": slug, "applicant_type": applicant, "step2_score": score, "contiguous_ranks": ranks, **file}
        result = compute(values)
        said, gist = result["announced"], result["gist"]
        assert len(gist) <= PINNED_LINE_CHARS, gist
        assert any(gist.startswith(f"{name}: ") for name in names), gist
        assert len(said.split()) <= registry.READ_OUT_WORDS, said
        if ranks == 0:
            continue
        flags = result["unseen_flags"]
        # No "Red flag unseen." jargon on the phone (7), and the read-out
        # always keeps a flags' clause.
        assert "Red flag" not in gist and "red flags unseen" not in said.lower(), gist
        if flags:
            assert "probably lower" in said or "Unseen here:" in said, said
        failing = profile.step2_failing(values)
        if failing and any(m["measure"] == "step2_score" and m["used"] for m in result["measures"]):
            assert re.search(rf"Step 2 CK (of )?{score}\b[^.]* below", said), said
        # In the figures' group, a flag is dropped from the line only where
        # even the shortest name leaves it no room, or a failing score takes it.
        if flags and applicant == "non-us-img" and "probably lower" not in gist and not failing:
            assert _no_room_for_the_flags(gist, names[-1]), gist


def _no_room_for_the_flags(gist: str, shortest: str) -> bool:
    """Whether the line's figure, with the field's shortest name and no year
    or caveats, leaves no room for the flags' shortest clause."""
    from calculators.registry import PINNED_LINE_CHARS

    opening = re.sub(r" \([^)]*\)", "", gist.split(": ", 1)[1]).replace(f"{match_odds.DATA_YEAR} ", "")
    return len(f"{shortest}: {opening} {match_odds.YOURS_LOWER_SHORT}") > PINNED_LINE_CHARS


def test_the_audits_pmr_reader_hears_forty_words_with_the_failing_score_and_the_flag() -> None:
    # PM&R, a US-citizen IMG, Step 2 CK 180, 4 ranks, a failed attempt: 41 words (diff review s55, 6).
    result = compute(
        {"specialty": "pmr", "applicant_type": "us-img", "step2_score": 180, "contiguous_ranks": 4, "exam_failures": 1}
    )
    said = result["announced"]
    assert len(said.split()) <= registry.READ_OUT_WORDS, said
    assert "Unseen here: your failed exam." in said
    assert said.endswith("Step 2 CK 180: below the passing score, 218."), said
    assert result["gist"].startswith("PM&R: just over 50% of "), result["gist"]


def test_each_short_field_name_is_one_the_glossary_lists_and_is_shorter() -> None:
    # A reader who meets "IM" or "OB/GYN" on the phone can look it up (diff review s55, 7).
    from pathlib import Path

    glossary = (Path(__file__).resolve().parents[1] / "docs" / "glossary.md").read_text(encoding="utf-8")
    table = glossary[glossary.index("## Specialty names and short forms") :].split("\n## ", 1)[0]
    rows = {
        cells[0].lower(): [form.strip().split(" (")[0].lower() for form in cells[1].split(",")]
        for line in table.splitlines()
        if line.startswith("| ") and not line.startswith("| Name") and (cells := [c.strip() for c in line.strip("|").split("|")])
    }
    assert set(data.SHORT_NAMES) <= set(SLUGS)
    for slug, short in data.SHORT_NAMES.items():
        spec = specialty(slug)
        assert len(short) < len(spec.name), short
        own = re.sub(r" \((?:PM&R|ENT|integrated)\)$", "", spec.name).lower()
        assert short.lower() in rows[own], (slug, short, rows[own])
    # Pathology keeps its name: "path" reads as a word of its own.
    assert match_odds.pinned_names(specialty("pathology")) == ["Pathology"]


def test_the_phone_names_what_the_figures_cannot_see_in_plain_words() -> None:
    # Outside the figures' group, "Red flag unseen." was jargon (diff review s55, 7).
    us_img = {"applicant_type": "us-img", "step2_score": 240, "needs_visa": "false"}
    one = compute({**us_img, "exam_failures": 1})["gist"]
    assert one == "IM: about 44% of 2026 non-US IMGs with your score matched. Unseen: your failed exam.", one
    old = compute({**us_img, "specialty": "dermatology", "years_since_graduation": 10})["gist"]
    assert old.endswith(" Unseen: your graduation year."), old
    many = compute({**us_img, "exam_failures": 2, "previously_unmatched": True, "years_since_graduation": 10})["gist"]
    assert many.endswith((" Unseen: your red flags.", " Unseen: red flags.")) or "Unseen: your 2 failed exams" in many, many
    # In the group, a failed attempt is named where there is room; the visa
    # need almost every non-US IMG has is not (diff review s55, 8).
    base = {"step2_score": None, "contiguous_ranks": None}
    failed = compute({**base, "exam_failures": 1})["gist"]
    assert failed == "IM: base rate 48.5% for 2026 non-US IMGs. Your chance: probably lower (failed exam).", failed
    visa = compute(base)["gist"]
    assert visa == "Internal Medicine: base rate 48.5% for 2026 non-US IMGs. Your chance: probably lower.", visa


def test_a_failing_score_stays_on_the_phone_beside_the_fields_name() -> None:
    # The field's name took the room a failing score had: it is said in fewer
    # words, "180: below passing.", and one left out stays among the caveats,
    # ahead of the flags' clause (diff review s55, 7).
    pmr = compute({"specialty": "pmr", "applicant_type": "us-img", "step2_score": 180, "contiguous_ranks": 4, "exam_failures": 1})
    assert pmr["gist"] == "PM&R: just over 50% of non-US IMGs with your score and ranks matched. 180: below passing."
    psych = compute({"specialty": "psychiatry", "step2_score": 205})["gist"]
    assert psych == "Psych: about 39% of non-US IMGs with your score matched. Step 2 CK 205: below passing.", psych
    ortho = compute({"specialty": "orthopaedic-surgery", "step2_score": 215, "contiguous_ranks": 3})["gist"]
    assert ortho == "Orthopaedic Surgery: base rate 22.7% for 2026 non-US IMGs (failing score, ranks not used).", ortho
    neurosurgery = {"specialty": "neurological-surgery", "applicant_type": "us-img", "step2_score": 200, "contiguous_ranks": 4}
    assert compute(neurosurgery)["gist"].endswith("(failing score not used).")


# --- interview audit s56, 9: two fields' figures side by side -----------------------------------------------------
def test_a_dual_applicant_is_told_the_fields_figures_do_not_add_up_in_the_notes_not_the_headline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 3 internal medicine ranks gave 32% and 3 family medicine ranks 68%,
    # with nothing on how to read the two together (interview audit s56, 9).
    said = (
        "Dual applying? Each field's figure is for that field's own applicants. The figures cannot be added, and "
        "neither is your chance across your whole list."
    )
    assert said == match_odds.DUAL_APPLYING
    assert max(len(each.split()) for each in _sentences(said)) <= 35
    pin_build_date(monkeypatch, "2026-12-07")
    for slug, applicant, score, ranks in itertools.product(SLUGS, APPLICANTS, (None, 226), (None, 3)):
        result = compute({"specialty": slug, "applicant_type": applicant, "step2_score": score, "contiguous_ranks": ranks})
        assert result["notes"].count(said) == 1, (slug, applicant)
        for line in ("summary", "announced", "gist"):
            assert "Dual applying" not in str(result[line]), (slug, line)
        page = unescape(str(match_odds.render(result)))
        assert f"<li>{said}</li>" in page and "Dual applying" not in page.split("Read this with care:")[0], slug
    # With no program to rank there is no figure to read it beside.
    assert said not in compute({"specialty": "internal-medicine", "contiguous_ranks": 0})["notes"]
