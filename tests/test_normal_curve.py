"""The normal curve's formulas, held to statistics.NormalDist and statistics.median."""

from __future__ import annotations

import math
import statistics
from statistics import NormalDist

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import match_odds
from calculators.normal_curve import Z_TWO_SIDED_95, median, normal_cdf, normal_log_pdf

means = st.floats(min_value=-300, max_value=300)
sds = st.floats(min_value=0.1, max_value=100)
offsets = st.floats(min_value=-8, max_value=8)  # in SDs from the mean


@given(means, sds, offsets)
def test_cdf_agrees_with_normaldist(mean: float, sd: float, z: float) -> None:
    x = mean + z * sd
    # Python 3.11's NormalDist computes 1 + erf, which loses the far lower
    # tail to rounding (3.14's, like ours, uses erfc), so agree to 1e-15.
    assert normal_cdf(x, mean, sd) == pytest.approx(NormalDist(mean, sd).cdf(x), rel=1e-9, abs=1e-15)


def test_cdf_keeps_the_far_lower_tail() -> None:
    assert normal_cdf(-7, 0, 1) == pytest.approx(1.279812543885835e-12, rel=1e-12)  # Φ(-7), tabulated
    assert normal_cdf(249 - 7 * 14, 249, 14) == pytest.approx(1.279812543885835e-12, rel=1e-12)


@given(means, sds, offsets)
def test_log_pdf_agrees_with_normaldist(mean: float, sd: float, z: float) -> None:
    x = mean + z * sd
    assert normal_log_pdf(x, mean, sd) == pytest.approx(math.log(NormalDist(mean, sd).pdf(x)), rel=1e-12, abs=1e-12)


def test_log_pdf_stays_finite_where_the_density_underflows() -> None:
    assert NormalDist(249, 14).pdf(249 + 40 * 14) == 0.0
    assert normal_log_pdf(249 + 40 * 14, 249, 14) == pytest.approx(-800 - math.log(14) - 0.5 * math.log(2 * math.pi))


def test_two_sided_z_is_normaldists() -> None:
    assert NormalDist().inv_cdf(0.975) == Z_TWO_SIDED_95
    assert match_odds.SD_DIFFERENCE_Z == Z_TWO_SIDED_95


@given(st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=1, max_size=30))
def test_median_agrees_with_statistics(values: list[float]) -> None:
    assert median(values) == statistics.median(values)


def test_median_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="no median"):
        median([])
