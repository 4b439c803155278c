"""Tests for the program signals planner: no number where our data has none,
the reader's own number labelled as theirs, two separate sets for a dual
applicant, and placement properties that must always hold."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from conftest import FM_REAPPLICANT, applied_this_season, pin_build_date
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import cycle, data, program_counts
from calculators import signals as sg
from calculators.competitiveness import BAND_LABELS, BAND_ORDER
from calculators.fields import InputError
from calculators.html import Markup
from calculators.render import render_calculator

SLUGS = [s.slug for s in data.SPECIALTIES]
# From strongest to weakest.
BANDS = list(reversed(BAND_ORDER))
ORTHO_DUAL = {
    "specialty": "orthopaedic-surgery",
    "applicant_type": "us-img",
    "step2_score": 245,
    "years_since_graduation": 1,
    "usce_months": 6,
    "specialty_letters": 2,
    "research_items": 2,
    "away_rotations": 1,
    "backup_specialty": "pmr",
}


@pytest.fixture
def table_with_a_number(monkeypatch: pytest.MonkeyPatch) -> Iterator[data.SignalAllowance]:
    """Our table as it would be once a sourced number is added for PM&R."""
    real = data.signal_allowances()
    row = data.SignalAllowance("pmr", "ERAS 2099 (test season)", 7, "", "seen", "a test source")
    monkeypatch.setattr(data, "signal_allowances", lambda: {**real, "pmr": row})
    yield row


def plan_of(result: dict[str, object], role: str) -> dict[str, object]:
    return next(p for p in result["specialties"] if p["role"] == role)  # type: ignore[attr-defined]


# --- The table ------------------------------------------------------------------
def test_table_round_trips_byte_for_byte() -> None:
    header, rows = data.read_tsv(data.SignalAllowance.FILE)
    rebuilt = data.write_tsv(header, [data.SignalAllowance.from_row(row).to_row() for row in rows])
    assert rebuilt == (Path(data.__file__).parent / "figures" / data.SignalAllowance.FILE).read_text(encoding="utf-8")


def test_every_row_names_a_known_specialty_a_season_and_a_source() -> None:
    rows = data.signal_allowances()
    assert set(rows) <= set(SLUGS)
    for row in rows.values():
        assert row.season and row.status and row.source
        if row.known:
            assert row.signals is not None and row.signals >= 0


def test_no_signal_number_is_claimed_from_our_sources() -> None:
    """Neither the shared reference data nor the source articles give a signal
    count, so the table must not hold one until someone adds it with a source."""
    assert not any(row.known for row in data.signal_allowances().values())


# --- Not in our data: no number -----------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_a_specialty_without_a_number_gets_none_and_a_plain_message(slug: str) -> None:
    result = sg.compute({"specialty": slug})
    plan = plan_of(result, "primary")
    assert plan["allowance"]["count"] is None and plan["allowance"]["origin"] == "unknown"  # type: ignore[index]
    assert plan["placed"] is None
    assert "not in our data" in str(result["summary"])
    html = str(sg.render(result))
    assert "Not in our data" in html and "gives no number" in html
    # Emergency medicine and OB/GYN signal through ResidencyCAS, which the AAMC's page does not list
    # (costs-signals audit s38, 2).
    if slug in data.RESIDENCYCAS_FIELDS:
        assert "ERAS program signaling" not in html
        # Unpinned, so the season is the one the plan is for today (plans_season).
        assert f"the Match {sg.plans_season(cycle.reference_date(), slug)} season" in html
        assert "are not in our sources" in html
        assert "its programs take applications and signals through ResidencyCAS, not ERAS" in html
    else:
        assert "ERAS program signaling" in html
    assert " signals (" not in html  # no count line


def test_unknown_specialty_still_shows_the_shares_to_use() -> None:
    result = sg.compute({"specialty": "psychiatry"})
    mix = result["tiers"]
    html = str(sg.render(result))
    assert (
        f"reach = signals × {mix['reach_pct']}%, rounded down; likely = signals × {mix['likely_pct']}%, rounded down"  # type: ignore[index]
        in html
    )


def test_a_sourced_number_is_used_with_its_season_and_source(table_with_a_number: data.SignalAllowance) -> None:
    result = sg.compute(ORTHO_DUAL)
    backup = plan_of(result, "backup")
    assert backup["allowance"]["count"] == 7 and backup["allowance"]["origin"] == "table"  # type: ignore[index]
    assert sum(backup["placed"].values()) == 7  # type: ignore[attr-defined]
    html = str(sg.render(result))
    assert "ERAS 2099 (test season)" in html and "a test source" in html
    # The first choice still has no number in our table.
    assert plan_of(result, "primary")["placed"] is None


def test_a_typed_number_is_labelled_as_the_readers_and_differs_from_the_table(
    table_with_a_number: data.SignalAllowance,
) -> None:
    result = sg.compute({**ORTHO_DUAL, "backup_signals": 9})
    backup = plan_of(result, "backup")
    assert backup["allowance"]["origin"] == "reader" and backup["allowance"]["count"] == 9  # type: ignore[index]
    assert any("Our table says 7" in reason for reason in result["reasons"])  # type: ignore[attr-defined]
    assert "the number you entered" in str(sg.render(result))


# --- Two specialties, two sets -------------------------------------------------------
def test_dual_applicant_gets_two_separate_sets() -> None:
    result = sg.compute({**ORTHO_DUAL, "primary_signals": 30, "backup_signals": 5})
    primary, backup = plan_of(result, "primary"), plan_of(result, "backup")
    assert sum(primary["placed"].values()) == 30  # type: ignore[attr-defined]
    assert sum(backup["placed"].values()) == 5  # type: ignore[attr-defined]
    assert any("two separate sets" in reason for reason in result["reasons"])  # type: ignore[attr-defined]


def test_single_specialty_has_one_set() -> None:
    result = sg.compute({"specialty": "internal-medicine", "primary_signals": 5})
    assert [p["role"] for p in result["specialties"]] == ["primary"]  # type: ignore[attr-defined]


def test_backup_signals_without_a_backup_is_refused_on_its_field() -> None:
    with pytest.raises(InputError) as caught:
        sg.compute({"specialty": "internal-medicine", "backup_signals": 3})
    assert caught.value.field == "backup_signals"
    assert caught.value.message.startswith("Signals your backup allows")


def test_backup_signals_without_a_backup_is_said_beside_another_field_in_error() -> None:
    with pytest.raises(InputError) as caught:
        sg.compute({"specialty": "internal-medicine", "primary_signals": "x", "backup_signals": 3})
    assert [e.field for e in caught.value.errors] == ["primary_signals", "backup_signals"]


def test_ultra_competitive_backup_is_refused_as_program_counts_does() -> None:
    with pytest.raises(InputError) as caught:
        sg.compute({"specialty": "internal-medicine", "backup_specialty": "dermatology"})
    assert caught.value.field == "backup_specialty"


def test_harder_backup_carries_the_program_counts_warning() -> None:
    result = sg.compute({"specialty": "psychiatry", "backup_specialty": "diagnostic-radiology"})
    assert result["warning"] and str(result["summary"]).startswith("Check your backup")


def test_band_and_mix_are_the_ones_program_counts_gives() -> None:
    counts = program_counts.compute({k: v for k, v in ORTHO_DUAL.items()})
    result = sg.compute(ORTHO_DUAL)
    assert result["band"] == counts["band"] and result["score"] == counts["score"]
    assert result["tiers"] == counts["tiers"]


@pytest.mark.parametrize("count", [-1, 100, "two", 1.5])
def test_a_signal_count_out_of_range_is_refused(count: object) -> None:
    with pytest.raises(InputError) as caught:
        sg.compute({"primary_signals": count})
    assert caught.value.field == "primary_signals"


# --- Placement properties ----------------------------------------------------------
@given(count=st.integers(0, 99), band=st.sampled_from(BANDS))
def test_placement_adds_up_and_never_goes_negative(count: int, band: str) -> None:
    placed = sg.placement(count, program_counts.tiers(band))  # type: ignore[arg-type]
    assert sum(placed.values()) == count
    assert min(placed.values()) >= 0


@given(count=st.integers(0, 99), band=st.sampled_from(BANDS))
def test_reach_never_exceeds_its_share_and_each_tier_is_within_one_of_exact(count: int, band: str) -> None:
    mix = program_counts.tiers(band)  # type: ignore[arg-type]
    placed = sg.placement(count, mix)
    assert placed["reach"] * 100 <= count * mix["reach_pct"]
    for tier in ("reach", "likely"):
        assert count * mix[f"{tier}_pct"] / 100 - placed[tier] < 1  # type: ignore[index]
    # Target takes the two rounding remainders, so at most two extra.
    assert placed["target"] - count * mix["target_pct"] / 100 < 2


@given(count=st.integers(0, 99))
def test_a_weaker_band_never_adds_reach_or_removes_likely(count: int) -> None:
    placements = [sg.placement(count, program_counts.tiers(band)) for band in BANDS]  # type: ignore[arg-type]
    for stronger, weaker in itertools.pairwise(placements):
        assert weaker["reach"] <= stronger["reach"]
        assert weaker["likely"] >= stronger["likely"]


@given(count=st.integers(0, 98), band=st.sampled_from(BANDS))
def test_one_more_signal_never_removes_reach_or_likely(count: int, band: str) -> None:
    mix = program_counts.tiers(band)  # type: ignore[arg-type]
    now, more = sg.placement(count, mix), sg.placement(count + 1, mix)
    assert more["reach"] >= now["reach"] and more["likely"] >= now["likely"]


def test_one_signal_goes_to_a_target_program() -> None:
    for band in BANDS:
        assert sg.placement(1, program_counts.tiers(band)) == {"reach": 0, "target": 1, "likely": 0}  # type: ignore[arg-type]


def test_weaker_profile_moves_signals_from_reach_to_likely_end_to_end() -> None:
    strong = sg.compute({"specialty": "internal-medicine", "applicant_type": "us-md", "step2_score": 265, "primary_signals": 20})
    weak = sg.compute(
        {
            "specialty": "internal-medicine",
            "applicant_type": "non-us-img",
            "step2_score": 215,
            "exam_failures": 2,
            "years_since_graduation": 9,
            "primary_signals": 20,
        }
    )
    assert BAND_ORDER.index(weak["band"]) < BAND_ORDER.index(strong["band"])  # type: ignore[arg-type]
    s, w = plan_of(strong, "primary")["placed"], plan_of(weak, "primary")["placed"]
    assert w["reach"] < s["reach"] and w["likely"] > s["likely"]  # type: ignore[index]


def test_signals_beyond_the_program_count_are_left_unplanned() -> None:
    result = sg.compute({**ORTHO_DUAL, "backup_signals": 99})
    backup = plan_of(result, "backup")
    low = backup["programs"]["low"]  # type: ignore[index]
    assert sum(backup["placed"].values()) == low and backup["unused"] == 99 - low  # type: ignore[attr-defined]
    assert any("signals unplanned" in reason for reason in result["reasons"])  # type: ignore[attr-defined]


@settings(max_examples=60, deadline=None)
@given(
    slug=st.sampled_from(SLUGS),
    typed=st.one_of(st.none(), st.integers(0, 99)),
    step2=st.integers(180, 280),
    failures=st.integers(0, 3),
)
def test_any_profile_gives_a_consistent_result(slug: str, typed: int | None, step2: int, failures: int) -> None:
    result = sg.compute({"specialty": slug, "primary_signals": typed, "step2_score": step2, "exam_failures": failures})
    plan = plan_of(result, "primary")
    if typed is None:
        assert plan["placed"] is None
    else:
        placed: dict[str, int] = plan["placed"]  # type: ignore[assignment]
        assert sum(placed.values()) + int(plan["unused"]) == typed  # type: ignore[call-overload]
    assert isinstance(sg.render(result), Markup)


# --- Explanations ----------------------------------------------------------------
def test_reasons_say_how_each_input_moved_the_result() -> None:
    result = sg.compute({**ORTHO_DUAL, "applicant_type": "non-us-img", "geographic_restriction": True, "primary_signals": 10})
    text = " ".join(result["reasons"])  # type: ignore[arg-type]
    assert "competitiveness check" in text and "A weaker band" in text
    assert "you entered 10" in text
    assert "our data has no signal numbers" in text  # the backup, PM&R
    assert "visa" in text and "limited your area" in text


def test_an_advanced_fields_set_is_its_programs_alike_and_a_medicine_backup_holds_the_preliminary_year() -> None:
    # "Counts signals for the advanced programs", and 10 internal medicine
    # signals spread over the categorical backup with no word that preliminary
    # medicine programs draw on them too (anesadv audit s46, 6).
    inputs = {"specialty": "anesthesiology", "backup_specialty": "internal-medicine", "applicant_type": "non-us-img"}
    text = " ".join(sg.compute(inputs)["reasons"])  # type: ignore[arg-type]
    assert "counts signals for the advanced programs" not in text
    assert "each specialty's signals for all its programs, categorical and advanced alike" in text
    assert "A preliminary year in internal medicine draws on your Internal Medicine signals" in text
    # The other way round too: internal medicine first, an advanced backup.
    flipped = {**inputs, "specialty": "internal-medicine", "backup_specialty": "anesthesiology"}
    assert "draws on your Internal Medicine signals" in " ".join(sg.compute(flipped)["reasons"])  # type: ignore[arg-type]
    # Not where no advanced field or no internal medicine is chosen.
    for other in ({**inputs, "specialty": "family-medicine"}, {**inputs, "backup_specialty": "family-medicine"}):
        assert "draws on your" not in " ".join(sg.compute(other)["reasons"])  # type: ignore[arg-type]


@pytest.mark.parametrize("slug", ["internal-medicine", "dermatology"])
def test_every_reader_is_told_a_couple_signals_first_where_the_partner_applies(slug: str) -> None:
    # Program counts told couples where to find their counts; signals, which
    # cannot be taken back once sent, said nothing (couplesvisa audit s46, 3).
    result = sg.compute({"specialty": slug, "applicant_type": "us-img"})
    assert sg.COUPLES in result["reasons"]  # type: ignore[operator]
    assert "spend these signals first on programs in places where your partner also applies" in sg.COUPLES
    assert data.NRMP_COUPLES.cite() in sg.COUPLES and "(our advice, from how the pairs work)" in sg.COUPLES
    assert "places where your partner also applies" in unescape(str(sg.render(result)))


def test_us_graduate_is_not_told_about_visas() -> None:
    result = sg.compute({"specialty": "internal-medicine", "applicant_type": "us-md"})
    assert not any("visa" in reason for reason in result["reasons"])  # type: ignore[attr-defined]


def test_result_shows_formula_guidance_and_margins() -> None:
    html = str(sg.render(sg.compute({"primary_signals": 12})))  # dual apply: 25% reach, 35% likely
    assert "reach = signals × 25%, rounded down; likely = signals × 35%, rounded down; target = the rest." in html
    assert "not a guarantee" in html
    assert "How close the next band is" in html


def test_method_shows_the_table_with_season_and_source_and_our_own_rule() -> None:
    html = str(sg.method())
    assert "ERAS 2027 (Match 2027)" in html and "not in our data" in html
    assert "our own rule" in html
    for band in BANDS:
        reach, likely = program_counts.REACH_PCT[band], program_counts.LIKELY_PCT[band]  # type: ignore[index]
        row = (
            f'<td data-label="Band">{BAND_LABELS[band]}</td><td data-label="Reach">{reach}%</td>'  # type: ignore[index]
            f'<td data-label="Target">{100 - reach - likely}%</td><td data-label="Likely">{likely}%</td>'
        )
        assert row in html, band


def test_widget_renders_with_every_field() -> None:
    html = render_calculator(sg)
    for name in ("primary_signals", "backup_signals", "backup_specialty", "step2_score"):
        assert f'id="mpb-signals-{name}"' in html


def test_reasons_show_the_same_signals_one_band_either_side() -> None:
    result = sg.compute({**ORTHO_DUAL, "primary_signals": 20})
    assert result["band"] == "dual-apply"
    line = next(r for r in result["reasons"] if "would give" in r)  # type: ignore[attr-defined]
    mix = {band: sg.placement(20, program_counts.tiers(band)) for band in BANDS}  # type: ignore[arg-type]
    assert f"your band gives {mix['dual-apply']['reach']} reach" in line
    assert f"“Single-track is reasonable” would give {mix['single-track']['reach']} reach" in line
    assert f"“Dual apply, strongly” would give {mix['dual-apply-strongly']['reach']} reach" in line


def test_ultra_competitive_first_choice_is_told_likely_is_uncertain() -> None:
    result = sg.compute({"specialty": "dermatology"})
    assert any("even a program you count as likely is uncertain" in r for r in result["reasons"])  # type: ignore[attr-defined]


def test_the_plan_accounts_for_every_input_behind_its_band() -> None:
    result = sg.compute({"specialty": "internal-medicine", "step2_score": 240})
    html = str(sg.render(result))
    assert "How each input moved the competitiveness score" in html
    assert all(f'data-label="Factor">{f["factor"]}<' in html for f in result["factors"])  # type: ignore[attr-defined]


def test_a_missing_number_names_the_season_our_table_is_for(monkeypatch: pytest.MonkeyPatch) -> None:
    # "This season" read as the reader's own season, which may be a later one than the table's row.
    # On a day the table's season is still the one planned: from 18 February 2027 the plan is
    # for the next season, and the calendar alone failed this test (seasonlate audit s44, 4).
    pin_build_date(monkeypatch, "2026-12-06")
    result = sg.compute({})
    season = data.signal_allowances()["internal-medicine"].season
    assert result["summary"].startswith(f"Dual apply band. Internal Medicine: signal numbers for {season} are not in our data")
    assert "this season" not in str(sg.render(result))


def test_zero_signals_place_nothing_and_say_why() -> None:
    result = sg.compute({"primary_signals": 0, "backup_signals": 0, "backup_specialty": "pmr"})
    html = str(sg.render(result))
    assert html.count("Nothing to place: </strong>0 signals") == 2 and "Placing 0" not in html
    assert not any("real choice" in r for r in result["reasons"])
    assert any("real choice" in r for r in sg.compute({"backup_signals": 3, "backup_specialty": "pmr"})["reasons"])


def test_a_missing_number_names_the_season_the_reader_would_apply_in(monkeypatch: pytest.MonkeyPatch) -> None:
    # The table is for ERAS 2027, whose signals went out in September 2026; on
    # 2 December 2026 a reader applying next applies in ERAS 2028.
    pin_build_date(monkeypatch, "2026-12-02")
    html = str(sg.render(sg.compute({})))
    assert "for ERAS 2027 (Match 2027) are not in our sources" in html
    assert (
        "As of 2 December 2026, ERAS 2027 (Match 2027) is still running, and the next season you can apply to on time "
        "is ERAS 2028 (Match 2028)." in html
    )


@pytest.mark.parametrize(
    ("signals", "said"),
    [(71, "The plan leaves 1 signal unplanned, for use only"), (73, "The plan leaves 3 signals unplanned, for use only")],
)
def test_signals_left_unplanned_are_counted_in_good_english(signals: int, said: str) -> None:
    # "1 stay unplanned: use them" (arithmetic audit s22, 7).
    reasons = sg.compute({"primary_signals": signals})["reasons"]
    assert any(said in reason for reason in reasons), reasons


def test_an_advanced_field_is_told_of_its_first_year() -> None:
    # The only list-building calculator silent on it (specialties audit s35, 6).
    reasons = " ".join(sg.compute({"specialty": "diagnostic-radiology"})["reasons"])
    assert "start at PGY-2" in reasons and "programs for that first year" in reasons
    assert "programs for that first year" not in " ".join(sg.compute({"specialty": "psychiatry"})["reasons"])


ORTHO_REAPPLICANT = {
    "applicant_type": "us-img",
    "specialty": "orthopaedic-surgery",
    "step2_score": 250,
    "previously_unmatched": True,
    "primary_signals": 30,
}


def test_each_neighbour_band_gives_what_that_band_would_plan() -> None:
    """Across the pivot boundary the lines re-split the reader's own capped
    count: at a pivot "Dual apply, strongly would give 3/6/6" where that band
    plans 6/11/13 (signals audit s36, 1)."""
    strongly = sg.compute({**ORTHO_REAPPLICANT, "research_items": 1})
    pivot = sg.compute({**ORTHO_REAPPLICANT, "research_items": 0})
    assert (strongly["band"], pivot["band"]) == ("dual-apply-strongly", "pivot")
    plan_strongly, plan_pivot = strongly["specialties"][0], pivot["specialties"][0]
    said_at_pivot = " ".join(pivot["reasons"])
    said_at_strongly = " ".join(strongly["reasons"])
    assert f"“Dual apply, strongly” would give {sg._split_text(plan_strongly['placed'] or {})}." in said_at_pivot
    assert (
        f"“Pivot to a backup” would give {sg._split_text(plan_pivot['placed'] or {})} "
        f"({plan_pivot['unused']} signals left unplanned)" in said_at_strongly
    )


@pytest.mark.parametrize(
    ("inputs", "shown"),
    [
        ({"specialty": "internal-medicine", "step2_score": 225, "exam_failures": 1, "primary_signals": 10}, False),
        ({"specialty": "internal-medicine", "step2_score": 200, "previously_unmatched": True, "primary_signals": 10}, False),
        ({"specialty": "orthopaedic-surgery", "step2_score": 240, "primary_signals": 30}, False),
        ({**ORTHO_REAPPLICANT, "research_items": 1}, True),
    ],
)
def test_pivot_is_offered_for_comparison_only_where_these_inputs_could_reach_it(inputs: dict[str, object], shown: bool) -> None:
    """Only a reapplicant in a field with a misalignment rule can be told to pivot (signals audit s36, 3)."""
    result = sg.compute(inputs)
    assert result["band"] == "dual-apply-strongly"
    assert ("“Pivot to a backup” would give" in " ".join(result["reasons"])) == shown


def test_a_pivot_without_a_backup_is_told_to_name_the_main_application() -> None:
    said = " ".join(sg.compute({**ORTHO_REAPPLICANT, "research_items": 0})["reasons"])
    assert "Make a backup specialty your main application" in said and "Name that backup in the form" in said
    assert "Your band suggests a backup" not in said


def test_a_backup_warning_shows_once_on_the_page() -> None:
    # It led the summary under the warning that already stood above it (program-counts audit s37, 8).
    from html import unescape

    result = sg.compute({"specialty": "internal-medicine", "backup_specialty": "diagnostic-radiology", "step2_score": 250})
    assert result["warning"] and result["summary"].startswith(result["warning"])
    assert unescape(str(sg.render(result))).count(result["warning"]) == 1


def test_a_neighbouring_band_is_planned_with_the_readers_own_red_flags() -> None:
    # The band next door is planned as program counts plans it for the same
    # file, red flags and all: unflagged, it capped a US-citizen IMG with a
    # failed Step 1 at the research-year plan's 40-60 (diff review 2 s37, 4).
    base = {
        "applicant_type": "us-img",
        "specialty": "emergency-medicine",
        "backup_specialty": "family-medicine",
        "step2_score": 232,
        "exam_failures": 1,
        "years_since_graduation": 2,
        "needs_visa": "false",
        "specialty_letters": 2,
        "backup_signals": 60,
    }
    strongly = sg.compute(base)
    dual = sg.compute({**base, "specialty_letters": 3, "usce_months": 6, "recent_clinical_months": 6, "away_rotations": 2})
    assert (strongly["band"], dual["band"]) == ("dual-apply-strongly", "dual-apply")
    said_next_door = next(r for r in strongly["reasons"] if r.startswith("Family Medicine:")).split("“Dual apply” would give ")[1]
    said_at_home = next(r for r in dual["reasons"] if r.startswith("Family Medicine:")).split("your band gives ")[1]
    assert said_at_home.split(";")[0] == said_next_door.rstrip(".")


# --- A reader in the middle of a season (late-season audit s39, 1) -----------------------


def _joined(points: list[str] | None) -> str | None:
    """The mid-season note's points as one text, or None."""
    return " ".join(points) if points else None


def _note(result: sg.SignalsResult) -> str | None:
    return _joined(result["mid_season"])


def mid_season_note(today: dt.date, slugs: list[str]) -> str | None:
    return _joined(sg.mid_season_points(today, slugs))


PERSONA_A = {
    "applicant_type": "us-img",
    "step2_score": 229,
    "specialty": "internal-medicine",
    "backup_specialty": "family-medicine",
    "primary_signals": 7,
    "backup_signals": 5,
}


def test_mid_season_the_result_says_sent_signals_are_fixed_and_an_unapplied_specialty_keeps_its_allowance(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # In December her IM signals had gone out in September, and the planner
    # placed them as if still to come, with no word that they were fixed.
    pin_build_date(monkeypatch, dt.date(2026, 12, 5))
    result = sg.compute(PERSONA_A)
    note = _note(result)
    assert note is not None
    assert note.startswith(
        "For ERAS 2027 (Match 2027), the season under way: as of 5 December 2026, programs have been reviewing its "
        "applications since 23 September 2026 (estimated)."
    )
    assert "For applications you have already submitted, signals cannot be added, moved or taken back." in note
    assert "Withdrawing an application does not free its signal for another program." in note
    assert "A specialty you have not applied to yet keeps its whole allowance, if it takes signals." in note
    # The source straight after the rule's last sentence (midseason audit s52, 10).
    assert (
        "Each of its signals can only be placed as you send the application to that program "
        f"({data.SIGNALS_FINAL_WHEN_SENT.cite()})." in note
    )
    assert "use only what MyERAS still shows as available" in note
    # Shown above the plans it governs.
    html = str(sg.render(result))
    assert html.index("Signals mid-season: ") < html.index("First choice: Internal Medicine")


def test_the_mid_season_note_is_a_lead_and_a_list_of_short_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    # About 190 words in one paragraph, sentences of 40 words and more (midseason audit s52, 10).
    pin_build_date(monkeypatch, dt.date(2026, 12, 7))
    for inputs in (PERSONA_A, {"specialty": "internal-medicine", "backup_specialty": "emergency-medicine"}):
        result = sg.compute(inputs)
        points = result["mid_season"]
        assert points is not None and len(points) >= 4
        # A citation's own words aside, no sentence runs past 30 words.
        bare = re.sub(r"\([^()]*(\([^()]*\)[^()]*)*\)", "", " ".join(points))
        longest = max(re.split(r"(?<=[.?])\s+", bare), key=lambda sentence: len(sentence.split()))
        assert len(longest.split()) <= 30, longest
        # Each point is an item of one list under its lead.
        html = str(sg.render(result))
        lead = html.index("Signals mid-season: ")
        assert html.count("<li>", lead, html.index("</ul>", lead)) == len(points) - 1


@pytest.mark.parametrize(
    ("day", "said"),
    [
        # Applications can go to programs from 2 September (estimated), and a
        # signal is fixed once its application has gone: the note starts the
        # day after, not after reviews start on the 23rd (date sweep s40, 3);
        # on the rank-list deadline (our early estimate, 17 February) the
        # timeline can no longer use the day, nor does this.
        (dt.date(2026, 9, 2), False),
        (dt.date(2026, 9, 3), True),
        (dt.date(2026, 9, 23), True),
        (dt.date(2026, 9, 24), True),
        (dt.date(2027, 2, 16), True),
        (dt.date(2027, 2, 17), False),
        (dt.date(2026, 6, 10), False),
    ],
)
def test_the_mid_season_note_runs_from_review_start_to_the_rank_list_deadline(
    monkeypatch: pytest.MonkeyPatch, day: dt.date, said: bool
) -> None:
    pin_build_date(monkeypatch, day)
    result = sg.compute({})
    assert (result["mid_season"] is not None) is said
    assert ("Signals mid-season: " in str(sg.render(result))) is said


def test_a_residencycas_backup_mid_season_is_told_its_deadline_was_in_september(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_build_date(monkeypatch, dt.date(2026, 12, 5))
    note = _note(sg.compute({"specialty": "internal-medicine", "backup_specialty": "emergency-medicine"}))
    assert note is not None
    assert "Emergency Medicine takes applications and signals through ResidencyCAS" in note
    assert (
        "late September (in the 2025–26 cycle, the latest we hold, it closed on 24 September" in note
        and data.RESIDENCYCAS_DATES.cite() in note
    )
    plain = _note(sg.compute(PERSONA_A))
    assert plain is not None and "ResidencyCAS" not in plain


@pytest.mark.parametrize(
    ("day", "since"),
    [
        (dt.date(2026, 9, 10), "its applications have been going to programs since 2 September 2026"),
        (dt.date(2026, 9, 23), "its applications have been going to programs since 2 September 2026"),
        (dt.date(2026, 9, 24), "programs have been reviewing its applications since 23 September 2026"),
    ],
)
def test_signals_sent_before_reviews_start_are_said_to_be_fixed(
    monkeypatch: pytest.MonkeyPatch, day: dt.date, since: str
) -> None:
    # From 3 to 23 September a reader who had sent on the opening day got a
    # plan placing every signal as if none had gone (date sweep s40, 3); the
    # "reviewing since" clause is kept for the days after reviews start.
    pin_build_date(monkeypatch, day)
    note = _note(sg.compute(PERSONA_A))
    assert note is not None and note.startswith(
        f"For ERAS 2027 (Match 2027), the season under way: as of {cycle.long_date(day)}, {since}"
    )
    assert "a signal is fixed once it has gone to a program with your application" in note


@pytest.mark.parametrize(
    ("day", "running", "following"),
    [
        (dt.date(2026, 9, 10), "ERAS 2027 (Match 2027)", "ERAS 2028 (Match 2028)"),
        (dt.date(2026, 12, 5), "ERAS 2027 (Match 2027)", "ERAS 2028 (Match 2028)"),
        (dt.date(2027, 10, 1), "ERAS 2028 (Match 2028)", "ERAS 2029 (Match 2029)"),
    ],
)
def test_a_reader_planning_the_next_season_is_told_the_mid_season_note_is_not_theirs(
    monkeypatch: pytest.MonkeyPatch, day: dt.date, running: str, following: str
) -> None:
    # A non-US IMG aiming at Match 2028, who had applied to nothing, read
    # "Signals mid-season" for Match 2027 first, with no word of their own
    # season (visa-psych audit s41, 4).
    pin_build_date(monkeypatch, day)
    note = _note(sg.compute({"specialty": "psychiatry", "applicant_type": "non-us-img", "needs_visa": True}))
    assert note is not None
    assert note.startswith(f"For {running}, the season under way: ")
    first_two = ". ".join(note.split(". ")[:3])
    assert f"Planning for {following} instead? This note is not for you" in first_two


def test_an_allowance_says_which_season_it_is_for(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_build_date(monkeypatch, dt.date(2026, 12, 5))
    typed = unescape(
        re.sub("<[^>]+>", "", str(sg.render(sg.compute({"specialty": "orthopaedic-surgery", "primary_signals": 30}))))
    )
    assert "30 signals (the number you entered, for the season you apply in; not from our data)" in typed
    table = unescape(str(sg.render(sg.compute({"specialty": "psychiatry"}))))
    assert "the signal numbers for Psychiatry for ERAS 2027 (Match 2027) are not in our sources" in table
    assert "the next season you can apply to on time is ERAS 2028 (Match 2028)" in table


def test_after_the_rank_list_estimate_the_season_is_not_still_running(monkeypatch: pytest.MonkeyPatch) -> None:
    # "ERAS 2027 (Match 2027) is still running" on 1 March 2027 invited adding
    # programs the timeline said it could not plan (date sweep s40, 11).
    pin_build_date(monkeypatch, dt.date(2027, 3, 1))
    # Said where the planner has no signal numbers of its own for the season.
    html = unescape(str(sg.render(sg.compute({"specialty": "dermatology"}))))
    assert "is still running" not in html
    assert (
        "our estimate of the ERAS 2027 (Match 2027) rank-list deadline, 17 February 2027, set early on purpose, has passed"
        in html
    )


@pytest.mark.parametrize("name", ["competitiveness", "program_counts", "signals"])
@pytest.mark.parametrize("backup", [None, "family-medicine"])
@pytest.mark.parametrize("letters", [1, 3])
def test_a_comlex_only_do_in_surgery_hears_at_most_forty_words(name: str, backup: str | None, letters: int) -> None:
    # The surgical caveat took these read-outs to 44-65 words (new-words audit s40, 3).
    import json

    from calculators import browser

    if name == "competitiveness" and backup:
        pytest.skip("no backup field")
    inputs = {"specialty": "general-surgery", "applicant_type": "us-do", "step2_score": "", "specialty_letters": letters}
    if backup:
        inputs["backup_specialty"] = backup
    reply = json.loads(browser.compute(name, json.dumps(inputs)))
    assert reply["ok"] and "accept COMLEX alone" in reply["announce"]
    assert len(reply["announce"].split()) <= 40, reply["announce"]


def test_a_reader_planning_the_next_season_is_told_the_allowances_shown_are_this_seasons(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "Not for you", then a result about the running season (new-words audit s41, 11).
    pin_build_date(monkeypatch, "2026-12-05")
    note = _note(sg.compute({"specialty": "psychiatry"}))
    assert note is not None
    # Any allowance: our table holds none for the season in most fields (diff review s41, second, 9).
    assert "Any allowance below is for ERAS 2027 (Match 2027). For yours, type in the numbers the AAMC's" in note


OBGYN_USIMG = {
    "specialty": "obstetrics-gynecology",
    "backup_specialty": "family-medicine",
    "applicant_type": "us-img",
    "step2_score": 231,
    "usce_months": 3,
    "specialty_letters": 2,
    "away_rotations": 1,
}


def test_a_residencycas_field_names_its_own_service_and_that_it_has_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    # Under the OB/GYN heading, "ERAS 2027 (Match 2027) is still running" stood
    # a few lines from a note saying ResidencyCAS had closed in September, and
    # the allowance was labelled as an ERAS season (obgyn-usimg audit s42, 2).
    pin_build_date(monkeypatch, "2026-12-05")
    result = sg.compute(OBGYN_USIMG)
    obgyn, fm = result["specialties"]
    assert "ERAS" not in obgyn["applies_in"] and "still running" not in obgyn["applies_in"]
    assert obgyn["applies_in"].startswith(
        "as of 5 December 2026, ResidencyCAS, which Obstetrics and Gynecology programs use, closed to applications "
        "for the Match 2027 in late September (in the 2025–26 cycle, the latest we hold, it closed on 24 September; "
    )
    assert obgyn["applies_in"].endswith("the next season you can apply to is ResidencyCAS's for the Match 2028")
    assert obgyn["allowance"]["season"] == "ResidencyCAS, Match 2027 (closed to applications)"
    # The ERAS backup keeps the ERAS season.
    assert fm["applies_in"].startswith("as of 5 December 2026, ERAS 2027 (Match 2027) is still running")
    assert fm["allowance"]["season"] == "ERAS 2027 (Match 2027)"
    html = unescape(str(sg.render(result)))
    obgyn_part = html.split("Backup: Family Medicine")[0].split("First choice: Obstetrics and Gynecology")[1]
    assert "still running" not in obgyn_part and "ERAS 2028" not in obgyn_part
    assert "closed to applications for the Match 2027 in late September" in obgyn_part


def test_before_its_deadline_a_residencycas_field_is_told_it_is_open_until_late_september(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pin_build_date(monkeypatch, "2026-08-01")
    (plan,) = sg.compute({"specialty": "emergency-medicine"})["specialties"]
    # The Match said once (diff review s43, 9).
    assert plan["applies_in"].startswith(
        "as of 1 August 2026, the next season you can apply to in Emergency Medicine is ResidencyCAS's for the Match "
        "2027, open until 23 September 2026 (estimated"
    )
    assert plan["applies_in"].count("Match 2027") == 1
    assert plan["allowance"]["season"] == "ResidencyCAS, Match 2027"


def test_mid_season_a_residencycas_field_is_sent_to_residencycas_for_next_seasons_numbers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "Type in the numbers the AAMC's signaling page gives": the AAMC does not
    # publish OB/GYN's; the result itself says they come from ResidencyCAS
    # (obgyn-usimg audit s42, 2).
    pin_build_date(monkeypatch, "2026-12-05")
    both = _note(sg.compute(OBGYN_USIMG))
    assert both is not None
    assert (
        "Type in the numbers once they are published: for Obstetrics and Gynecology, from ResidencyCAS and the "
        "specialty's own organization; for Family Medicine, from the AAMC's signaling page." in both
    )
    alone = _note(sg.compute({"specialty": "obstetrics-gynecology"}))
    assert alone is not None and "AAMC's signaling page" not in alone
    assert "Type in the numbers ResidencyCAS and the specialty's own organization give once they are published." in alone
    eras_only = _note(sg.compute({"specialty": "psychiatry"}))
    assert eras_only is not None
    assert "type in the numbers the AAMC's signaling page gives once it is published." in eras_only


def test_mid_season_an_em_reader_is_spoken_to_in_the_match_and_myeras_only_of_the_eras_field(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An EM reader read ERAS's seasons and MyERAS's screens, and "may not be
    # open" where the timeline said closed (do-em audit s42, 7).
    pin_build_date(monkeypatch, "2026-12-05")
    both = mid_season_note(dt.date(2026, 12, 5), ["emergency-medicine", "family-medicine"])
    assert both is not None and both.startswith("For the Match 2027, the season under way:")
    assert "Planning for the Match 2028 instead?" in both and "ERAS 2027" not in both
    assert "In ERAS (your Family Medicine list), a signal is fixed" in both
    assert "A specialty there not applied to by then is not open to you this season" in both
    alone = mid_season_note(dt.date(2026, 12, 5), ["emergency-medicine"])
    assert alone is not None and "MyERAS" not in alone and "In ERAS" not in alone
    # No ERAS day for a reader whose every field is in ResidencyCAS (diff review s42, 4).
    assert "as of 5 December 2026, its applications have gone in." in alone and "23 September" not in alone.split(".")[0]
    early = mid_season_note(dt.date(2026, 9, 10), ["emergency-medicine"])
    assert early is not None and "as of 10 September 2026, ResidencyCAS is taking its applications." in early
    eras = mid_season_note(dt.date(2026, 12, 5), ["internal-medicine"])
    assert eras is not None and eras.startswith("For ERAS 2027 (Match 2027)") and "In ERAS, a signal is fixed" in eras


EM_USIMG = {"specialty": "emergency-medicine", "backup_specialty": "family-medicine", "applicant_type": "us-img"}


@pytest.mark.parametrize(
    ("today", "which", "em_plans"),
    [
        (
            "2027-04-10",
            "the next season you can apply to",
            "The plans below are for the Match 2028, the next season you can apply to: check that season's numbers",
        ),
        # ResidencyCAS closed to the Match 2028 in September, so the EM plan
        # is for the Match 2029 (diff review s43, 1), and its ERAS backup's
        # with it: a dual application is made in one Match (seasonlate audit s44, 3).
        (
            "2027-10-05",
            "the season under way",
            "The plans below are for the Match 2029, the next season you can apply to: check that season's numbers",
        ),
    ],
)
def test_a_table_for_a_season_already_over_is_said_once_and_the_plans_name_the_readers_season(
    monkeypatch: pytest.MonkeyPatch, today: str, which: str, em_plans: str
) -> None:
    # From April 2027 the result named the Match 2027, a season over, as the
    # one whose numbers it lacked, and on 5 October beside a note about the
    # Match 2028 and 2029 (season-dates audit s43, 3).
    pin_build_date(monkeypatch, today)
    result = sg.compute({"specialty": "internal-medicine", "applicant_type": "non-us-img", "needs_visa": True})
    assert result["summary"].endswith("Internal Medicine: signal numbers for ERAS 2028 (Match 2028) are not in our data.")
    assert result["table_season"] == (
        f"our signal table is for ERAS 2027 (Match 2027), a season now over. The plans below are for ERAS 2028 "
        f"(Match 2028), {which}: check the AAMC's signaling page for that season's numbers, and enter them above."
    )
    page = unescape(str(sg.render(result)))
    # The table's season is named once, in that sentence, and nowhere else on the page.
    assert page.count("ERAS 2027") == 1 and "Our signal table is for ERAS 2027" in page
    assert "the signal numbers for Internal Medicine for ERAS 2028 (Match 2028) are not in our sources" in page
    mixed = sg.compute(EM_USIMG)
    assert mixed["table_season"] is not None and mixed["table_season"].startswith(
        f"our signal table is for the Match 2027, a season now over. {em_plans}"
    )
    assert mixed["table_season"].endswith(
        "for Emergency Medicine, from ResidencyCAS and the specialty's own organization; for Family Medicine, from "
        "the AAMC's signaling page."
    )
    assert "Match 2027" not in mixed["summary"]


def test_mid_season_a_table_for_an_earlier_season_is_not_called_this_seasons_allowance(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pin_build_date(monkeypatch, "2027-10-05")
    note = _note(sg.compute({"specialty": "psychiatry"}))
    assert note is not None
    assert "The plans below are for ERAS 2028 (Match 2028). For yours" in note and "Any allowance below" not in note


def test_a_table_for_the_season_under_way_gets_no_table_note(monkeypatch: pytest.MonkeyPatch) -> None:
    # Before ResidencyCAS's deadline the emergency medicine plan is for the
    # season under way, which our table is for.
    pin_build_date(monkeypatch, "2026-09-10")
    result = sg.compute(EM_USIMG)
    assert result["table_season"] is None
    # Both fields' season named alike, by the Match, and so said once.
    assert result["summary"].endswith(
        "No signal numbers for the Match 2027 season in our data for Emergency Medicine or Family Medicine."
    )


@pytest.mark.parametrize(
    ("today", "running"),
    [("2026-12-05", 2027), ("2027-12-15", 2028), ("2028-11-20", 2029)],
)
def test_once_residencycas_has_closed_the_backup_is_planned_in_the_first_choices_next_match(
    monkeypatch: pytest.MonkeyPatch, today: str, running: int
) -> None:
    # On 15 December 2027 the emergency medicine plan was for the Match 2029
    # and its family medicine backup's for the Match 2028, "Planning for the
    # Match 2029 instead?" included: a dual application happens in one Match
    # (seasonlate audit s44, 3).  The running Match's late backup is said
    # once, to the reader who has already applied there.
    pin_build_date(monkeypatch, today)
    ahead = running + 1
    result = sg.compute(EM_USIMG)
    em, fm = result["specialties"]
    assert em["season_said"] == fm["season_said"] == f"the Match {ahead} season"
    assert (em["table_over"], fm["table_over"]) == (2027, 2027)
    assert sg.plans_season(dt.date.fromisoformat(today), "family-medicine", ["emergency-medicine"]) == ahead
    assert sg.plans_season(dt.date.fromisoformat(today), "family-medicine") == running
    assert result["summary"].endswith(
        f"No signal numbers for the Match {ahead} season in our data for Emergency Medicine or Family Medicine."
    )
    assert "ERAS" not in result["summary"]
    assert result["table_season"] is not None and (
        f"The plans below are for the Match {ahead}, the next season you can apply to: check that season's numbers, "
        "and enter them above: for Emergency Medicine" in result["table_season"]
    )
    # Our table's season is the one this reader is in, not "an earlier" one (EM audit s53, 9).
    under_way = running == 2027
    assert ("the Match 2027, the season now under way." in result["table_season"]) is under_way
    assert ("a season now over" in result["table_season"]) is not under_way
    note = _note(result)
    assert note is not None
    assert f"Planning for the Match {ahead} instead? This note is not for you" in note
    assert "The plans below are for it. Type in the numbers" in note
    assert f"the Match {running} in Family Medicine" not in note
    assert (
        f"Already applied in Emergency Medicine for the Match {running}? Your Family Medicine backup can still go out "
        "in it through ERAS, late" in note
    )
    # Its plan is for the next Match, so "the plan below counts its whole allowance" is not said of it.
    assert "the plan below counts its whole allowance" not in note
    page = _page(result)
    assert f"the signal numbers for Family Medicine for the Match {ahead} season are not in our" in page
    # A backup whose name starts with a vowel reads as well (crosscalc audit s49, 6).
    internal = _note(sg.compute({**EM_USIMG, "backup_specialty": "internal-medicine"}))
    assert internal is not None and "? Your Internal Medicine backup can still go out in it" in internal
    assert "A Internal" not in internal


def test_a_first_choice_goes_with_a_backup_that_can_enter_only_the_next_match(monkeypatch: pytest.MonkeyPatch) -> None:
    # A dual application happens in one Match: an internal medicine first
    # choice stayed in the running Match while its emergency medicine backup,
    # closed to it by ResidencyCAS, was planned in the next (diff review s44, 3).
    pin_build_date(monkeypatch, "2027-12-15")
    result = sg.compute({"specialty": "internal-medicine", "backup_specialty": "emergency-medicine"})
    im, em = result["specialties"]
    assert im["season_said"] == em["season_said"] == "the Match 2029 season"
    assert (note := _note(result)) is not None and "Already applied" not in note
    alone = sg.compute({"specialty": "family-medicine"})
    assert alone["specialties"][0]["season_said"] == "ERAS 2028 (Match 2028)"


EM_ALONE = {"specialty": "emergency-medicine", "applicant_type": "us-img"}


def _page(result: sg.SignalsResult) -> str:
    return unescape(re.sub("<[^>]+>", "", str(sg.render(result))))


def test_after_residencycas_closes_an_em_plan_is_for_the_next_match(monkeypatch: pytest.MonkeyPatch) -> None:
    # On 5 October 2027 the plans were "for the Match 2028, the season under
    # way", beside a line saying ResidencyCAS had closed to it and the next
    # season was the Match 2029 (diff review s43, 1).
    pin_build_date(monkeypatch, "2027-10-05")
    result = sg.compute(EM_ALONE)
    (plan,) = result["specialties"]
    assert sg.plans_season(dt.date(2027, 10, 5), "emergency-medicine") == 2029
    assert plan["season_said"] == "the Match 2029 season"
    assert result["summary"].endswith("Emergency Medicine: signal numbers for the Match 2029 season are not in our data.")
    assert result["table_season"] == (
        "our signal table is for the Match 2027, a season now over. The plans below are for the Match 2029, the next "
        "season you can apply to: check ResidencyCAS and the specialty's own organization for that season's numbers, "
        "and enter them above."
    )
    note = _note(result)
    assert note is not None
    assert (
        "Planning for the Match 2029 instead? This note is not for you: none of that season's signals has gone yet. "
        "The plans below are for it. Type in the numbers ResidencyCAS" in note
    )
    assert "A specialty there not applied to by then is not open to you this season" in note
    page = _page(result)
    assert "the signal numbers for Emergency Medicine for the Match 2029 season are not in our sources" in page
    # The Match 2028 is named only as the season under way that ResidencyCAS has closed to.
    for sentence in re.split(r"(?<=[.?:])\s", page):
        if "Match 2028" in sentence:
            assert "plans below are for the Match 2028" not in sentence and "numbers for the Match 2028" not in sentence
    # OB/GYN applies through ResidencyCAS too.
    obgyn = sg.compute({"specialty": "obstetrics-gynecology"})
    assert obgyn["summary"].endswith("signal numbers for the Match 2029 season are not in our data.")


def test_in_the_week_residencycas_may_have_closed_an_em_plan_names_both_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    # Our estimate of the deadline (22 September 2027) has passed, but
    # ResidencyCAS's own may be up to a week later: the plan is for the Match
    # 2028 if it is still open, else the Match 2029, and no line says either
    # flatly (diff review s43, 1 and 2).
    pin_build_date(monkeypatch, "2027-09-25")
    result = sg.compute(EM_ALONE)
    (plan,) = result["specialties"]
    assert plan["season_said"] == "the Match 2028 season (or the Match 2029, if ResidencyCAS has closed)"
    assert result["summary"].endswith(
        "Emergency Medicine: signal numbers for the Match 2028 season (or the Match 2029, if ResidencyCAS has closed) "
        "are not in our data."
    )
    assert result["table_season"] is not None and result["table_season"].startswith(
        "our signal table is for the Match 2027, a season now over. The plans below are for the Match 2028, the "
        "season under way (or the Match 2029, if ResidencyCAS has closed): check ResidencyCAS"
    )
    note = _note(result)
    assert note is not None
    assert "The plans below are for the Match 2028 (or the Match 2029, if ResidencyCAS has closed). For yours" in note
    assert "may have closed to applications for the Match 2028" in note and "may not be open to you" in note
    assert plan["applies_in"].endswith(
        "read 2026); if it has closed, the next season you can apply to is ResidencyCAS's for the Match 2029"
    )
    # With an ERAS backup, the Match 2029 is named for the EM plan only.
    both = sg.compute(EM_USIMG)
    assert both["table_season"] is not None and (
        "The plans below are for the Match 2028, the season under way (in Emergency Medicine, the Match 2029 if "
        "ResidencyCAS has closed): check that season's numbers" in both["table_season"]
    )
    page = _page(result)
    for sentence in re.split(r"(?<=[.?])\s", page):
        if "Match 2029" in sentence and "Planning for the Match 2029 instead?" not in sentence:
            assert "if ResidencyCAS has closed" in sentence or "if it has closed" in sentence, sentence


def test_a_number_from_a_table_for_an_earlier_season_says_so_and_a_typed_number_needs_no_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pin_build_date(monkeypatch, "2027-10-05")
    row = data.SignalAllowance("psychiatry", "ERAS 2027 (Match 2027)", 12, "", "published", "AAMC, example")
    monkeypatch.setattr(data, "signal_allowances", lambda: {"psychiatry": row})
    result = sg.compute({"specialty": "psychiatry"})
    assert result["summary"].endswith(
        "Psychiatry: 12 signals in ERAS 2027 (Match 2027), an earlier season than ERAS 2028 (Match 2028)."
    )
    assert result["table_season"] is not None and "a season now over" in result["table_season"]
    typed = sg.compute({"specialty": "psychiatry", "primary_signals": 10})
    assert typed["table_season"] is None


def test_a_mid_season_note_names_one_match_for_a_pairs_plans() -> None:
    # "This note is not for you ... and the plans below are for the Match 2029
    # in Emergency Medicine": the internal medicine plan was the running
    # Match's (diff review s43, second, 6).  A pair is now planned in one
    # Match, the next, which is the planning reader's own (diff review s44, 3).
    note = mid_season_note(dt.date(2027, 10, 1), ["internal-medicine", "emergency-medicine"])
    assert note is not None and "Planning for the Match 2029 instead? This note is not for you" in note
    assert "The plans below are for it" in note and "in Emergency Medicine" not in note.split("In ERAS")[0]


def test_an_eras_first_choice_with_a_residencycas_backup_is_planned_in_the_backups_next_match(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On 6 December 2026 psychiatry's plan was for the Match 2027 and its
    # emergency medicine backup's for the Match 2028 (diff review s44, 3).
    pin_build_date(monkeypatch, "2026-12-06")
    result = sg.compute(
        {"specialty": "psychiatry", "backup_specialty": "emergency-medicine", "applicant_type": "us-do", "step2_score": 240}
    )
    psychiatry, em = result["specialties"]
    assert psychiatry["season_said"] == em["season_said"] == "the Match 2028 season"
    assert "Match 2027 season" not in result["summary"]
    assert sg.plans_season(dt.date(2026, 12, 6), "psychiatry") == 2027


def test_a_reapplicant_changing_field_has_signals_planned_on_the_changed_counts_in_every_band_shown() -> None:
    # Program counts' answer for a change of field (fmusimg audit s46, 1)
    # moves family medicine to 80-120: the band beside the reader's was still
    # planned on the trimmed 60-70, and left 15 of 75 signals unplanned.
    inputs = {
        "applicant_type": "us-img",
        "step2_score": 224,
        "exam_failures": 1,
        "years_since_graduation": 4,
        "usce_months": 2,
        "specialty_letters": 2,
        "research_items": 1,
        "away_rotations": 1,
        "previously_unmatched": True,
        "specialty": "family-medicine",
        "backup_specialty": "internal-medicine",
        "changing_field": True,
        "primary_signals": 75,
        "backup_signals": 25,
    }
    result = sg.compute(inputs)
    counts = program_counts.compute({name: inputs[name] for name in sg.PROGRAM_COUNT_NAMES if name in inputs})
    assert (
        [p["programs"] for p in result["specialties"]]
        == [counts["primary"], counts["backup"]]
        == [
            {"low": 80, "high": 120},
            {"low": 20, "high": 30},
        ]
    )
    family = next(r for r in result["reasons"] if r.startswith("Family Medicine: your band gives"))
    assert family == (
        "Family Medicine: your band gives 15 reach, 27 target, 33 likely; “Dual apply” would give 18 reach, 31 target, 26 likely."
    )


def test_with_no_numbers_for_the_fields_the_read_out_and_pinned_line_lead_with_them_and_what_to_do() -> None:
    # "Dual apply, strongly band. No signal numbers in our data for either
    # field.": the band led, no step was given, and the pinned line lost which
    # fields (readout46 audit s46, 11).
    result = sg.compute({"specialty": "anesthesiology", "backup_specialty": "internal-medicine"})
    assert [plan["allowance"]["origin"] for plan in result["specialties"]] == ["unknown", "unknown"]
    assert result["announced"] == (
        "No signal numbers in our data for Anesthesiology or Internal Medicine: type them in from the AAMC's signaling page."
    )
    assert result["gist"] == "Enter the AAMC's signal numbers for Anesthesiology or Internal Medicine: none in our data."
    assert "band" not in result["announced"] and "band" not in result["gist"]
    # The step the page itself gives, from the page it names.
    assert any(
        "Check the AAMC's ERAS program signaling page" in r and "type the number in the form" in r for r in result["reasons"]
    )
    # The summary under the headline keeps the band and the season.
    assert result["summary"].startswith("Dual apply, strongly band. No signal numbers for ERAS")
    # A ResidencyCAS field's numbers are not on the AAMC's page.
    mixed = sg.compute(EM_USIMG)
    assert mixed["announced"] == (
        "No signal numbers in our data for Emergency Medicine or Family Medicine: type in Emergency Medicine's from "
        "ResidencyCAS and the specialty's own organization, Family Medicine's from the AAMC's signaling page."
    )
    # Their two publishers took the pinned line to 111 characters, cut at 320 px (session 47's note).
    assert mixed["gist"] == "Enter signal numbers for Emergency Medicine or Family Medicine: none in our data."
    # A failing score's note is counted in: the step stays whole, the fields are in the headline below.
    failing = sg.compute({**EM_USIMG, "step2_score": 215})
    assert failing["gist"] == f"{sg.NO_NUMBERS_PINNED} Step 2 CK 215: below the passing score, 218."
    # A backup warning is still heard first, and pinned after the answer.
    warned = sg.compute(
        {
            "specialty": "anesthesiology",
            "backup_specialty": "internal-medicine",
            "applicant_type": "non-us-img",
            "step2_score": 230,
        }
    )
    assert warned["announced"].startswith("Check your backup:")
    assert warned["announced"].endswith(
        "No signal numbers in our data for Anesthesiology or Internal Medicine: type them in from the AAMC's signaling page."
    )
    # Too long for three pinned lines with the fields named: the tag goes first, and the step alone.
    assert warned["gist"] == f"Check your backup. {sg.NO_NUMBERS_PINNED}"
    # With a number typed for one field, the plan is read out as before.
    typed = sg.compute({"specialty": "anesthesiology", "backup_specialty": "internal-medicine", "primary_signals": 5})
    assert typed["announced"].startswith("Dual apply, strongly band. Anesthesiology: 5 signals")
    assert typed["gist"] == typed["summary"]


def test_with_no_numbers_a_long_read_out_keeps_the_fields_within_its_limit() -> None:
    from calculators.registry import READ_OUT_WORDS

    # A warning, a failing score's note and two services' pages: the pinned
    # line's shorter step first, then the fields alone.
    reapplicant = {"applicant_type": "non-us-img", "step2_score": 205, "previously_unmatched": True, "years_since_graduation": 5}
    shorter = sg.compute({**reapplicant, "specialty": "internal-medicine", "backup_specialty": "emergency-medicine"})
    assert shorter["announced"].endswith(
        "Enter the AAMC's and ResidencyCAS's signal numbers for Internal Medicine or Emergency Medicine: none in our data. "
        "Step 2 CK 205: below the passing score, 218."
    )
    alone = sg.compute({**reapplicant, "specialty": "internal-medicine", "backup_specialty": "pmr"})
    assert alone["announced"].endswith(
        "No signal numbers in our data for Internal Medicine or Physical Medicine and Rehabilitation (PM&R). "
        "Step 2 CK 205: below the passing score, 218."
    )
    for result in (shorter, alone):
        assert result["announced"].startswith("Check your backup:")
        assert len(result["announced"].split()) <= READ_OUT_WORDS


def test_a_reader_changing_field_is_pinned_and_told_of_the_field_being_left() -> None:
    # Diffreview47 audit s47, 8 and 9: "Check your backup." pinned for a
    # warning on the change of field, and the field being left called a
    # backup to show real interest in.
    inputs = {
        "specialty": "internal-medicine",
        "backup_specialty": "family-medicine",
        "applicant_type": "us-img",
        "step2_score": 224,
        "exam_failures": 1,
        "previously_unmatched": True,
    }
    changing = sg.compute({**inputs, "changing_field": True})
    assert str(changing["warning"]).startswith("Check your change of field:")
    assert changing["gist"] == f"Check your change of field. {sg.NO_NUMBERS_PINNED}"
    assert (
        "Family Medicine is the field you are leaving, kept to a small hand-picked set: give its signals to the "
        "programs where you have a real connection."
    ) in changing["reasons"]
    assert not any("the backup is a real choice" in r for r in changing["reasons"])
    same_field = sg.compute(inputs)
    assert any("the backup is a real choice" in r for r in same_field["reasons"])
    assert not any("the field you are leaving, kept" in r for r in same_field["reasons"])


def test_an_h1b_only_reader_signals_only_programs_that_will_file_for_them() -> None:
    # The any-visa line, "signal only programs that sponsor the visa you
    # need", was all an H-1B-only reader heard (h1bvisa audit s47, 2).
    reader = {"specialty": "internal-medicine", "backup_specialty": "psychiatry", "applicant_type": "non-us-img"}
    said = " ".join(sg.compute({**reader, "needs_visa": "h1b-only"})["reasons"])
    assert "You need an H-1B and cannot take a J-1, as you answered: signal only programs that will file an H-1B" in said
    assert "cannot lead to a position you could start" in said
    assert "sponsor the visa you need" not in said
    # Not "the breadth has to come from the backup": said to a reader
    # leaving the backup's field, and to one with none (diffreview48 audit s48, 3).
    for other in (
        {
            "specialty": "family-medicine",
            "backup_specialty": "internal-medicine",
            "previously_unmatched": True,
            "changing_field": True,
        },
        {"specialty": "internal-medicine"},
    ):
        heard = " ".join(sg.compute({**other, "applicant_type": "non-us-img", "needs_visa": "h1b-only"})["reasons"])
        assert "signal only programs that will file an H-1B" in heard and "from the backup" not in heard, other
    either = " ".join(sg.compute({**reader, "needs_visa": "true"})["reasons"])
    assert "signal only programs that sponsor the visa you need" in either and "cannot take a J-1" not in either


def test_a_warned_plan_with_numbers_pins_its_counts_and_the_tag_not_the_whole_warning() -> None:
    from calculators.registry import PINNED_LINE_CHARS

    # The pinned line carried the whole program-counts warning, up to 172
    # words with a citation (diff review s50b, 5).
    warned = sg.compute({**FM_REAPPLICANT, "backup_specialty": "internal-medicine", "primary_signals": 10, "backup_signals": 8})
    assert warned["warning"] and warned["summary"].startswith("Check your backup:")
    assert warned["gist"] == "Family Medicine: 10 signals; Internal Medicine: 8 signals. Check your backup."
    assert len(warned["gist"]) <= PINNED_LINE_CHARS


# --- Whether the reader applied in the season under review ------------------------------------
# A reader planning the Match 2028 on 7 December 2026 read "No signal numbers
# for ERAS 2027" and a note on signals already sent, neither theirs (planner
# audit s54, 3).
def _planned(monkeypatch: pytest.MonkeyPatch, answer: str | None, **inputs: object) -> tuple[dict, str]:
    pin_build_date(monkeypatch, dt.date(2026, 12, 7))
    result = sg.compute({"specialty": "internal-medicine", **inputs, **applied_this_season(answer)})
    return dict(result), unescape(str(sg.render(result)))


def test_a_reader_who_has_not_applied_this_season_is_planned_for_the_next_without_the_mid_season_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result, page = _planned(monkeypatch, "no")
    assert result["mid_season"] is None and "Signals mid-season: " not in page
    assert "ERAS 2027 (Match 2027) are not in our" not in page
    assert (
        result["summary"] == "Dual apply band. Internal Medicine: signal numbers for ERAS 2028 (Match 2028) are not in our data."
    )
    # The answer, then the table's note, which already names the plans' season, in one paragraph.
    assert result["next_season"] == "As you answered, you have not applied for the Match 2027."
    assert (
        '<p class="mpb-note">As you answered, you have not applied for the Match 2027. Our signal table is for ERAS '
        "2027 (Match 2027), the season now under way. The plans below are for ERAS 2028 (Match 2028), the next season "
        "you can apply to:"
    ) in page
    # With the reader's own numbers there is no table note: the answer says the plans' season itself.
    typed, typed_page = _planned(monkeypatch, "no", primary_signals=10)
    said = (
        "As you answered, you have not applied for the Match 2027, so the plans below are for ERAS 2028 (Match 2028), "
        "the next season you can apply to on time."
    )
    assert typed["table_season"] is None and typed["next_season"] == said and f'<p class="mpb-note">{said}</p>' in typed_page
    # A late backup in the season under way is not offered to one who has not applied in it.
    em, em_page = _planned(monkeypatch, "no", specialty="emergency-medicine", backup_specialty="family-medicine")
    assert "can still go out in it" not in em_page and em["mid_season"] is None


def test_a_reader_who_applied_this_season_keeps_the_mid_season_note_without_the_next_seasons_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result, page = _planned(monkeypatch, "yes")
    unsaid, _ = _planned(monkeypatch, None)
    points, asked = result["mid_season"], unsaid["mid_season"]
    assert asked[1].startswith("Planning for ERAS 2028 (Match 2028) instead? This note is not for you")
    assert points[:2] == [
        "As you answered, you applied for the Match 2027, the season under way: as of 7 December 2026, programs have "
        "been reviewing its applications since 23 September 2026 (estimated).",
        "Any allowance below is for ERAS 2027 (Match 2027).",
    ]
    assert points[2:] == asked[2:] and "Planning for" not in page and result["summary"] == unsaid["summary"]


def test_not_saying_whether_you_applied_keeps_the_signals_note_in_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pinned in its words on one day: compared with mid_season_points itself,
    # a change to the Not said text passed (diff review s55, 13).
    result, page = _planned(monkeypatch, "not-said", backup_specialty="family-medicine")
    assert result["mid_season"] == [
        "For ERAS 2027 (Match 2027), the season under way: as of 7 December 2026, programs have been reviewing its "
        "applications since 23 September 2026 (estimated).",
        "Planning for ERAS 2028 (Match 2028) instead? This note is not for you: none of that season's signals has gone "
        "yet. Any allowance below is for ERAS 2027 (Match 2027). For yours, type in the numbers the AAMC's signaling "
        "page gives once it is published.",
        "In ERAS, a signal is fixed once it has gone to a program with your application. For applications you have "
        "already submitted, signals cannot be added, moved or taken back. Withdrawing an application does not free its "
        "signal for another program. A specialty you have not applied to yet keeps its whole allowance, if it takes "
        "signals. Each of its signals can only be placed as you send the application to that program (AAMC, MyERAS "
        "applicant user guide, Saved Programs: signal counts, read 2026).",
        "The plan below counts a specialty's whole allowance. Where you have already applied, use only what MyERAS "
        "still shows as available, and only for programs you have yet to apply to.",
    ]
    assert result["next_season"] is None and "As you answered" not in page
    # No answer at all reads the same.
    assert (result, page) == _planned(monkeypatch, None, backup_specialty="family-medicine")
    assert sg.plans_season(dt.date(2026, 12, 7), "internal-medicine") == 2027
    assert sg.plans_season(dt.date(2026, 12, 7), "internal-medicine", later=True) == 2028


@pytest.mark.parametrize("specialty", ["emergency-medicine", "obstetrics-gynecology"])
def test_a_residencycas_reader_planning_the_next_match_is_planned_for_it_in_the_week_residencycas_may_have_closed(
    monkeypatch: pytest.MonkeyPatch, specialty: str
) -> None:
    # On 25 September 2026 an emergency medicine reader who answered No read
    # "the plans below are for the Match 2027 (or the Match 2028, if
    # ResidencyCAS has closed)", where the check and the cost said the Match
    # 2028 (diff review s55, 3).
    day = dt.date(2026, 9, 25)
    pin_build_date(monkeypatch, day)
    assert sg.plans_season(day, specialty) == 2027
    assert sg.plans_season(day, specialty, later=True) == 2028

    def planned(answer: str, **inputs: object) -> tuple[dict, str]:
        result = sg.compute({"specialty": specialty, **inputs, **applied_this_season(answer)})
        return dict(result), unescape(str(sg.render(result)))

    name = data.specialty(specialty).name
    result, page = planned("no")
    assert (
        result["summary"] == f"Dual apply, strongly band. {name}: signal numbers for the Match 2028 season are not in our data."
    )
    assert result["next_season"] == "As you answered, you have not applied for the Match 2027."
    assert (
        "The plans below are for the Match 2028, the next season you can apply to: check ResidencyCAS" in page
        and "if ResidencyCAS has closed" not in page
        and result["mid_season"] is None
    )
    typed, _ = planned("no", primary_signals=5)
    assert typed["next_season"] == (
        "As you answered, you have not applied for the Match 2027, so the plans below are for the Match 2028, the next "
        "season you can apply to on time."
    )
    # Not said: the Match under way, with the next beside it, as before.
    unsaid, _ = planned("not-said")
    assert unsaid["summary"] == (
        f"Dual apply, strongly band. {name}: signal numbers for the Match 2027 season (or the Match 2028, if "
        "ResidencyCAS has closed) are not in our data."
    )


def test_a_late_backup_too_late_for_interviews_keeps_the_early_deadline_caveat(monkeypatch: pytest.MonkeyPatch) -> None:
    # Alone, "unlikely to bring an interview" read as a hard cut-off of a
    # deadline we set early on purpose, as the other calculators do not say
    # it (interview audit s56, 7).
    pin_build_date(monkeypatch, "2027-01-10")
    result = sg.compute({"specialty": "emergency-medicine", "backup_specialty": "internal-medicine"})
    said = " ".join(unescape(re.sub(r"<[^>]+>", " ", str(sg.render(result)))).split())
    assert "An application sent now is unlikely to bring an interview before its rank lists close." in said
    assert cycle.season(2027)["rank_deadline"].estimated_early
    assert "close. If the NRMP's deadline falls as in 2024 and 2026, new applications helped about one to two" in said
    assert "That time has passed too. Do not turn down an interview before the NRMP's published deadline." in said
    # While later days may still help, it says to send now, as the guides do (diff review s56, 2).
    pin_build_date(monkeypatch, "2026-12-28")
    result = sg.compute({"specialty": "emergency-medicine", "backup_specialty": "internal-medicine"})
    said = " ".join(unescape(re.sub(r"<[^>]+>", " ", str(sg.render(result)))).split())
    assert "That is until about 27 December 2026 to 3 January 2027. Send as soon as you can" in said
