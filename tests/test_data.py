"""The reference figures: parsed without loss, identical to the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators import data

TABLES = (data.ChartingOutcome, data.PGY1Result, data.MatchRates, data.Fee)
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
FIGURES = Path(data.__file__).parent / "figures"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.__name__)
def test_every_table_round_trips_byte_for_byte(table: type) -> None:
    header, rows = data.read_tsv(table.FILE)
    rebuilt = data.write_tsv(header, [table.from_row(row).to_row() for row in rows])
    assert rebuilt == (FIGURES / table.FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.__name__)
def test_project_copy_matches_the_shared_reference_data(table: type) -> None:
    if not SHARED.is_dir():
        pytest.skip("shared/data is not beside this checkout")
    assert (FIGURES / table.FILE).read_bytes() == (SHARED / table.FILE).read_bytes()


def test_suppressed_figures_stay_missing_rather_than_zero() -> None:
    derm = data.charting_outcomes()["Dermatology"]
    assert derm.step2_matched.median is None and derm.step2_matched.n == 4
    assert not derm.step2_matched.usable
    assert derm.step2_unmatched.median == 253


def test_derived_match_rate_agrees_with_the_counts() -> None:
    for outcome in data.charting_outcomes().values():
        assert abs(outcome.img_matched / outcome.img_ranked_first * 100 - outcome.img_match_rate_pct) < 0.1


def test_every_specialty_has_an_nrmp_row_and_a_tier_with_sources() -> None:
    for spec in data.SPECIALTIES:
        assert spec.outcome is not None, spec.slug
        assert data.TIER_SOURCES[spec.tier]


def test_latest_match_rates_are_2026() -> None:
    rates = data.latest_match_rates()
    assert rates.year == 2026 and rates.for_applicant("non-us-img") == 56.4


def test_old_fees_are_marked_old() -> None:
    old = {fee.item for fee in data.fees() if fee.is_old}
    assert "NRMP registration" in old and "NRMP extra ranks" in old
