"""Tests for the application-cost calculator: the ERAS schedule read from the
fee data (and AAMC's worked example), every item, invalid inputs, and
properties that must always hold."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from html import escape, unescape
from pathlib import Path

import pytest
from conftest import applied_this_season, pin_build_date
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import application_cost as ac
from calculators import charts, cycle, data
from calculators.fields import InputError
from calculators.html import Markup, whole_percent
from calculators.render import render_calculator

SLUGS = [s.slug for s in data.SPECIALTIES]
APPLICANTS = [t for t, _ in data.APPLICANT_TYPES]


def compute(**raw: object) -> dict[str, object]:
    return ac.compute(raw)


def item(result: dict[str, object], name: str) -> dict[str, object]:
    items: list[dict[str, object]] = result["items"]  # type: ignore[assignment]
    (found,) = [i for i in items if i["item"] == name or str(i["item"]).startswith(name)]
    return found


# --- The ERAS schedule -------------------------------------------------------------
def test_schedule_is_derived_from_fee_data() -> None:
    schedule = ac.eras_schedule()
    assert schedule.tiers == (ac.FeeTier(1, 30, 11), ac.FeeTier(31, None, 30))
    assert schedule.season == "ERAS 2025 and 2026 seasons"
    assert schedule.source.startswith("AAMC")


def test_aamc_worked_example_is_797() -> None:
    # AAMC: 43 IM + 7 DR = (30 x 11) + (13 x 30) + (7 x 11) = $797.
    result = compute(
        primary_specialty="internal-medicine",
        primary_programs=43,
        backup_specialty="diagnostic-radiology",
        backup_programs=7,
        ranked_programs=10,
    )
    assert result["application_fees"] == 797
    breakdown = result["application_breakdown"]
    assert breakdown[0]["formula"] == "30 × $11 + 13 × $30"  # type: ignore[index]
    assert breakdown[0]["amount"] == 720  # type: ignore[index]
    assert breakdown[1]["formula"] == "7 × $11"  # type: ignore[index]
    assert breakdown[1]["amount"] == 77  # type: ignore[index]
    assert "30 × $11 + 13 × $30" in ac.render(result)


@pytest.mark.parametrize(
    ("programs", "fee", "formula"),
    [
        (0, 0, "no programs"),
        (1, 11, "1 × $11"),
        (30, 330, "30 × $11"),
        (31, 360, "30 × $11 + 1 × $30"),
        (100, 2430, "30 × $11 + 70 × $30"),
    ],
)
def test_tier_boundaries(programs: int, fee: int, formula: str) -> None:
    schedule = ac.eras_schedule()
    assert schedule.fee(programs) == fee
    assert schedule.formula(programs) == formula


def test_pricing_resets_for_each_specialty() -> None:
    split = compute(primary_programs=30, backup_specialty="family-medicine", backup_programs=30, ranked_programs=0)
    single = compute(primary_programs=60, ranked_programs=0)
    assert split["application_fees"] == 660
    assert single["application_fees"] == 330 + 30 * 30


def _fee(item: str, amount: str, season: str = "ERAS 2027 season", source: str = "AAMC test page") -> data.Fee:
    return data.Fee(item, amount, "per program", season, "seen", source)


@pytest.fixture
def fresh_schedule() -> Iterator[None]:
    ac._schedule.cache_clear()
    yield
    ac._schedule.cache_clear()


def test_new_season_is_a_data_change(monkeypatch: pytest.MonkeyPatch, fresh_schedule: None) -> None:
    rows = (
        _fee("ERAS residency application, programs 1-20 (per specialty)", "12"),
        _fee("ERAS residency application, programs 21-40 (per specialty)", "20"),
        _fee("ERAS residency application, program 41 and above (per specialty)", "35"),
        _fee("ERAS residency application, older schedule", "99 flat up to 10"),
        # The method prices ResidencyCAS's example as well.
        *(fee for fee in data.fees() if fee.item.startswith(ac.RESIDENCYCAS_ROW_PREFIX["emergency-medicine"])),
    )
    monkeypatch.setattr(data, "fees", lambda: rows)
    schedule = ac.eras_schedule()
    assert schedule.season == "ERAS 2027 season"
    assert schedule.fee(45) == 20 * 12 + 20 * 20 + 5 * 35
    assert schedule.formula(45) == "20 × $12 + 20 × $20 + 5 × $35"
    # The AAMC's example was priced under the old schedule: the new sum is ours.
    method = ac.method()
    assert "For example: 43 Internal Medicine and 7 Diagnostic Radiology programs" in method
    assert "own worked example" not in method


def test_the_method_calls_its_example_the_aamcs_while_the_schedule_gives_the_aamcs_total() -> None:
    assert ac.aamc_example_total() == 797
    assert "own worked example, which this calculator reproduces: 43 Internal Medicine" in ac.method()


@pytest.mark.parametrize(
    "rows",
    [
        (),
        (_fee("ERAS residency application, programs 1-30 (per specialty)", "11"),),
        (
            _fee("ERAS residency application, programs 1-30 (per specialty)", "11"),
            _fee("ERAS residency application, program 35 and above (per specialty)", "30"),
        ),
        (
            _fee("ERAS residency application, programs 1-30 (per specialty)", "11", season="ERAS 2025"),
            _fee("ERAS residency application, program 31 and above (per specialty)", "30", season="ERAS 2026"),
        ),
    ],
)
def test_incomplete_schedule_is_refused(
    rows: tuple[data.Fee, ...], monkeypatch: pytest.MonkeyPatch, fresh_schedule: None
) -> None:
    monkeypatch.setattr(data, "fees", lambda: rows)
    with pytest.raises(LookupError):
        ac.eras_schedule()


# --- Every output key and item ----------------------------------------------------
def test_default_result_has_every_key() -> None:
    result = ac.compute({})
    for key in ("items", "application_fees", "total", "fee_season", "application_breakdown", "old_figures", "notes", "summary"):
        assert key in result
    assert result["fee_season"] == "ERAS 2025 and 2026 seasons"
    for entry in result["items"]:  # type: ignore[attr-defined]
        assert set(entry) == {"item", "amount", "note", "source", "old"}
        assert entry["note"] and entry["source"]
    json.dumps(result)


def test_default_total_is_worked_out() -> None:
    # 80 IM programs, non-US IMG, 12 ranked, 12 virtual interviews.
    result = ac.compute({})
    eras = 30 * 11 + 50 * 30
    assert result["application_fees"] == eras
    assert result["total"] == eras + 80 + 165 + 75 + 0 + 0 + 1000


@pytest.mark.parametrize("applicant", APPLICANTS)
def test_ecfmg_token_for_imgs_only(applicant: str) -> None:
    token = item(compute(applicant_type=applicant), "ECFMG ERAS token")
    expected = 165 if applicant in data.IMG_TYPES else 0
    assert token["amount"] == expected
    assert "2024" in str(token["source"])
    if not expected:
        assert "IMGs only" in str(token["note"])


def test_transcript_and_registration() -> None:
    result = ac.compute({})
    assert item(result, "USMLE transcript")["amount"] == 80
    assert "ERAS 2024" in str(item(result, "USMLE transcript")["source"])
    registration = item(result, "NRMP registration")
    assert registration["amount"] == 75
    assert "Old figure" in str(registration["note"])
    assert "2016" in str(registration["note"])


def test_step3_fee_only_when_ticked() -> None:
    without = ac.compute({})
    assert not [i for i in without["items"] if "Step 3" in str(i["item"])]  # type: ignore[attr-defined]
    ticked = compute(step3_this_season="true")
    step3 = item(ticked, "USMLE Step 3")
    assert step3["amount"] == 935
    assert "2025" in str(step3["source"]) and "FSMB" in str(step3["source"])
    assert "copy" in str(step3["note"])
    # Our row says only the year, not which eligibility periods (sources audit s54, 7).
    assert "the FSMB's fee in 2025" in str(step3["note"]) and "eligibility" not in str(step3["note"])
    assert ticked["total"] == without["total"] + 935  # type: ignore[operator]


def test_step3_beside_comlex_only_says_it_needs_usmle_passed() -> None:
    # "You send COMLEX only" above a USMLE Step 3 fee read as a slip (COMLEX audit s37, 6).
    comlex = compute(applicant_type="us-do", exam_transcripts="comlex", step3_this_season="true")
    note = str(item(comlex, "USMLE Step 3")["note"])
    assert data.FSMB_STEP3_REQUIREMENTS.cite() in note and "untick this line" in note
    assert "It includes the $935 USMLE Step 3 fee, which needs USMLE Step 1 and Step 2 CK passed" in str(comlex["summary"])
    both = compute(applicant_type="us-do", exam_transcripts="both", step3_this_season="true")
    assert data.FSMB_STEP3_REQUIREMENTS.cite() not in str(item(both, "USMLE Step 3")["note"])


def test_step3_help_gives_the_h1b_reason_and_points_to_the_faqs_visa_answer() -> None:
    # The help named only the no-match article's reasons, where the FAQ and
    # glossary give the H-1B as one (visa-psych audit s41, 6).
    help_text = next(f.help for f in ac.FIELDS if f.name == "step3_this_season")
    assert "sponsor an H-1B generally need it passed before they file your petition" in help_text
    assert f"see “{data.FAQ_VISA_ANSWER}” in the FAQ" in help_text
    # The answer it names is there: test_data's test of FAQ_VISA_ANSWER.


@pytest.mark.parametrize(("ranked", "fee"), [(0, 0), (20, 0), (21, 30), (35, 450)])
def test_extra_rank_fee(ranked: int, fee: int) -> None:
    extra = item(compute(primary_programs=40, ranked_programs=ranked), "NRMP extra ranks")
    assert extra["amount"] == fee
    assert "Old figure" in str(extra["note"])
    assert "2016-17" in str(extra["note"])


@pytest.mark.parametrize(("interviews", "cost", "ends"), [(1, 375, "$250–$499 at"), (10, 3750, "$2,500–$4,990 at")])
def test_in_person_interviews_use_midpoint_in_whole_dollars(interviews: int, cost: int, ends: str) -> None:
    entry = item(compute(in_person_interviews=interviews, virtual_interviews=0), "In-person interviews")
    # $374.50 rounded half up: a 2016 range of $250–$499 has no cents' precision.
    assert entry["amount"] == cost
    assert f"{interviews} × $375, the midpoint" in str(entry["note"])
    assert "rounded to whole dollars" in str(entry["note"])
    assert "$250–$499 typical cost per interview" in str(entry["note"])
    assert ends in str(entry["note"])
    assert "Fogel" in str(entry["source"])


def test_no_in_person_interviews_costs_nothing_and_says_so_plainly() -> None:
    entry = item(compute(in_person_interviews=0, virtual_interviews=0), "In-person interviews")
    assert entry["amount"] == 0
    assert entry["note"] == "No in-person interviews entered."
    assert "Fogel" in str(entry["source"])


@pytest.mark.parametrize(("interviews", "cost"), [(0, 0), (1, 1000), (30, 1000)])
def test_virtual_interviews_add_season_median_once(interviews: int, cost: int) -> None:
    entry = item(compute(virtual_interviews=interviews), "Virtual interviews")
    assert entry["amount"] == cost
    assert "Wang" in str(entry["source"])
    assert "2020-21" in str(entry["source"])


def test_backup_with_zero_programs_costs_nothing_extra() -> None:
    result = compute(backup_specialty="family-medicine", backup_programs=0)
    assert item(result, "ERAS application fees: Family Medicine")["amount"] == 0
    assert result["application_fees"] == ac.compute({})["application_fees"]


def test_no_backup_item_without_backup() -> None:
    names = [i["item"] for i in ac.compute({})["items"]]  # type: ignore[attr-defined]
    assert sum(str(n).startswith("ERAS application fees") for n in names) == 1


def test_first_year_list_is_priced_from_program_one() -> None:
    # Radiology starts at PGY-2: 60 advanced programs and 40 for the year before.
    result = compute(primary_specialty="diagnostic-radiology", primary_programs=60, first_year_programs=40)
    first_year = item(result, "ERAS application fees: preliminary or transitional year (40 programs)")
    assert first_year["amount"] == 30 * 11 + 10 * 30
    assert "one list of their own" in str(first_year["note"])
    assert result["application_fees"] == (30 * 11 + 30 * 30) + (30 * 11 + 10 * 30)
    assert result["notes"] == []


def test_no_first_year_item_without_first_year_programs() -> None:
    names = [str(i["item"]) for i in compute(primary_specialty="diagnostic-radiology")["items"]]  # type: ignore[attr-defined]
    assert not any("preliminary or transitional" in n for n in names)


@pytest.mark.parametrize(
    ("primary", "backup", "named"),
    [
        ("diagnostic-radiology", None, "Diagnostic Radiology: the IMG article lists this field"),
        ("dermatology", "anesthesiology", "Dermatology and Anesthesiology: the IMG article lists these fields"),
        ("orthopaedic-surgery", "pmr", "Physical Medicine and Rehabilitation (PM&R): the IMG article lists this field"),
    ],
)
def test_advanced_position_fields_ask_for_the_first_year(primary: str, backup: str | None, named: str) -> None:
    (note,) = compute(primary_specialty=primary, backup_specialty=backup, backup_programs=10 if backup else 0)["notes"]  # type: ignore[misc]
    assert note.startswith(named)
    assert "start at PGY-2" in note and "not counted yet" in note
    assert data.ARTICLE_IMG.title in note
    assert escape(note) in ac.render(compute(primary_specialty=primary, backup_specialty=backup))


@pytest.mark.parametrize("primary", ["internal-medicine", "orthopaedic-surgery", "general-surgery"])
def test_categorical_fields_carry_no_first_year_note(primary: str) -> None:
    assert compute(primary_specialty=primary)["notes"] == []


# Every item with an amount confirmed for a season before the newest ERAS schedule we hold.
OLD_ITEMS = [
    "USMLE transcript sent through ERAS",
    "ECFMG ERAS token",
    "NRMP registration",
    "NRMP extra ranks",
    "In-person interviews",
    "Virtual interviews",
]
# The defaults rank 12 programs and travel to no interview: those $0 lines are not marked.
OLD_ITEMS_AT_DEFAULTS = [item for item in OLD_ITEMS if item not in ("NRMP extra ranks", "In-person interviews")]


def test_old_figures_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The calculator kept its own list of old items, which left the 2020-21
    # virtual-season median (a third of the default total) unflagged while the
    # data page called it old; both now use one rule (data.Fee.is_old).  On a
    # day when the reader's season is the one after our ERAS schedule's, which
    # is not yet old for them.
    pin_build_date(monkeypatch, "2026-06-01")
    result = ac.compute({"step3_this_season": True, "ranked_programs": 25, "in_person_interviews": 1})
    assert result["old_figures"] == OLD_ITEMS
    html = str(ac.render(result))
    assert "USMLE Step 3 exam" in html and "Old figure: USMLE Step 3" not in html, "the 2025 Step 3 fee is current"
    assert "<strong>Old figure: Virtual interviews</strong>" in html


@pytest.mark.parametrize("interviews", [1, 3, 7])
def test_interview_totals_are_whole_dollars_and_add_up(interviews: int) -> None:
    result = compute(in_person_interviews=interviews, virtual_interviews=0)
    assert result["total"] == 330 + 50 * 30 + 80 + 165 + 75 + interviews * 375
    html = ac.render(result)
    assert "." not in ac.money(float(result["total"]))  # type: ignore[arg-type]
    assert ".50" not in html


# --- Invalid inputs -------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "field", "fragment"),
    [
        ({"backup_specialty": "internal-medicine"}, "backup_specialty", "must differ from the first-choice specialty"),
        # Refused as program counts and signals refuse it: a remembered backup means the same everywhere.
        ({"backup_specialty": "dermatology"}, "backup_specialty", "cannot be Dermatology: ultra-competitive fields"),
        ({"backup_programs": 5}, "backup_programs", "must be 0 when no backup specialty is chosen"),
        ({"primary_programs": 10, "ranked_programs": 11}, "ranked_programs", "at most the 10 programs"),
        (
            {"primary_programs": 10, "first_year_programs": 5, "ranked_programs": 16},
            "ranked_programs",
            "at most the 15 programs",
        ),
        ({"first_year_programs": -2}, "first_year_programs", "from 0 to 999"),
        (
            {"primary_programs": 5, "in_person_interviews": 6, "virtual_interviews": 0, "ranked_programs": 0},
            "in_person_interviews",
            "at most the 5 programs",
        ),
        (
            {"primary_programs": 5, "in_person_interviews": 3, "virtual_interviews": 3, "ranked_programs": 0},
            "virtual_interviews",
            "together must be at most the 5 programs",
        ),
        # In-person interviews exactly at the applications, virtual ones on top:
        # 8 interviews from 5 applications were priced if the bound slipped
        # (testread audit s45, 4).
        (
            {"primary_programs": 5, "in_person_interviews": 5, "virtual_interviews": 3, "ranked_programs": 0},
            "virtual_interviews",
            "together must be at most the 5 programs",
        ),
        ({"primary_programs": "many"}, "primary_programs", "must be a whole number from 1 to 999"),
        ({"primary_programs": -1}, "primary_programs", "from 1 to 999"),
        ({"primary_programs": 1000}, "primary_programs", "from 1 to 999"),
        # A longer list is refused by the NRMP, so its fee was never owed
        # (couples-visa audit s35, 6).
        ({"primary_programs": 400, "ranked_programs": 301}, "ranked_programs", "no more than 300 ranks on a list"),
        ({"backup_programs": 2.5}, "backup_programs", "whole number"),
        ({"ranked_programs": False}, "ranked_programs", "whole number"),
        ({"virtual_interviews": "3 or 4"}, "virtual_interviews", "whole number"),
        ({"primary_specialty": "cardiology"}, "primary_specialty", "First-choice specialty must be one of:"),
        ({"backup_specialty": "cardiology"}, "backup_specialty", "Backup specialty must be one of:"),
        ({"applicant_type": "martian"}, "applicant_type", "Applicant type must be one of:"),
        ({"primary_specialty": ""}, "primary_specialty", "First-choice specialty must be one of:"),
        ({"travel": 500}, "travel", "is not an input of this calculator"),
    ],
)
def test_invalid_inputs(raw: dict[str, object], field: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        ac.compute(raw)
    assert caught.value.field == field
    assert fragment in caught.value.message


def test_every_rule_that_spans_fields_is_reported_at_once() -> None:
    with pytest.raises(InputError) as caught:
        ac.compute({"backup_programs": 5, "first_year_programs": 0, "supplemental_ranked": 3, "virtual_interviews": "x"})
    assert [e.field for e in caught.value.errors] == ["virtual_interviews", "backup_programs", "supplemental_ranked"]
    assert all(
        e.message.startswith(("Virtual interviews", "Programs in the backup", "First-year programs")) for e in caught.value.errors
    )
    with pytest.raises(InputError) as caught:
        ac.compute({"backup_specialty": "internal-medicine", "ranked_programs": 300})
    assert [e.field for e in caught.value.errors] == ["backup_specialty", "ranked_programs"]


def test_too_many_in_person_interviews_is_said_once_not_twice() -> None:
    with pytest.raises(InputError) as caught:
        ac.compute({"primary_programs": 5, "in_person_interviews": 6, "virtual_interviews": 3, "ranked_programs": 0})
    assert [e.field for e in caught.value.errors] == ["in_person_interviews"]


def test_text_numbers_from_a_form_are_accepted() -> None:
    result = ac.compute({"primary_programs": "43", "backup_specialty": "", "backup_programs": "0", "ranked_programs": " 5 "})
    assert result["application_fees"] == 720


# --- Properties -------------------------------------------------------------------
@st.composite
def seasons(draw: st.DrawFn) -> dict[str, object]:
    primary = draw(st.sampled_from(SLUGS))
    backups = [s for s in SLUGS if s != primary and data.specialty(s).tier != "ultra"]
    backup = draw(st.one_of(st.none(), st.sampled_from(backups)))
    primary_programs = draw(st.integers(1, 300))
    backup_programs = 0 if backup is None else draw(st.integers(0, 300))
    first_year_programs = draw(st.integers(0, 100))
    applied = primary_programs + backup_programs + first_year_programs
    in_person = draw(st.integers(0, applied))
    virtual = draw(st.integers(0, applied - in_person))
    return {
        "applicant_type": draw(st.sampled_from(APPLICANTS)),
        "primary_specialty": primary,
        "primary_programs": primary_programs,
        "backup_specialty": backup,
        "backup_programs": backup_programs,
        "first_year_programs": first_year_programs,
        "ranked_programs": draw(st.integers(0, min(applied, ac.NRMP_MOST_RANKS))),
        "in_person_interviews": in_person,
        "virtual_interviews": virtual,
    }


@settings(max_examples=200, deadline=None)
@given(seasons())
def test_any_season_adds_up(raw: dict[str, object]) -> None:
    result = ac.compute(raw)
    json.dumps(result)
    amounts = [i["amount"] for i in result["items"]]  # type: ignore[attr-defined]
    assert all(a >= 0 for a in amounts)
    assert result["total"] == sum(amounts)
    assert result["total"] >= 0
    breakdown = result["application_breakdown"]
    assert result["application_fees"] == sum(b["amount"] for b in breakdown)  # type: ignore[attr-defined]
    html = ac.render(result)
    assert isinstance(html, Markup)
    assert ac.money(float(result["total"])) in html  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(
    seasons(),
    st.sampled_from(
        [
            "primary_programs",
            "backup_programs",
            "first_year_programs",
            "ranked_programs",
            "in_person_interviews",
            "virtual_interviews",
        ]
    ),
    st.integers(1, 50),
)
def test_more_never_costs_less(raw: dict[str, object], key: str, more: int) -> None:
    if key == "backup_programs" and raw["backup_specialty"] is None:
        return
    bigger = dict(raw)
    bigger[key] = int(raw[key]) + more  # type: ignore[call-overload]
    if key == "ranked_programs":  # the NRMP takes no longer list
        bigger[key] = min(int(bigger[key]), ac.NRMP_MOST_RANKS)  # type: ignore[call-overload]
    if key in ("ranked_programs", "in_person_interviews", "virtual_interviews"):
        # Keep the bigger season valid: apply to enough programs to rank and interview.
        needed = max(
            int(bigger["ranked_programs"]),  # type: ignore[call-overload]
            int(bigger["in_person_interviews"]) + int(bigger["virtual_interviews"]),  # type: ignore[call-overload]
        )
        others = int(raw["backup_programs"]) + int(raw["first_year_programs"])  # type: ignore[call-overload]
        bigger["primary_programs"] = max(int(raw["primary_programs"]), needed - others)  # type: ignore[call-overload]
    before, after = ac.compute(raw), ac.compute(bigger)
    assert after["total"] >= before["total"]  # type: ignore[operator]
    assert after["application_fees"] >= before["application_fees"]  # type: ignore[operator]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 400), st.integers(0, 400))
def test_splitting_across_specialties_never_costs_more(first: int, second: int) -> None:
    schedule = ac.eras_schedule()
    assert schedule.fee(first) + schedule.fee(second) <= schedule.fee(first + second)
    assert schedule.fee(first + 1) > schedule.fee(first)


# --- Presentation -----------------------------------------------------------------
def test_render_shows_items_total_and_old_flags() -> None:
    result = compute(in_person_interviews=2, virtual_interviews=3)
    html = ac.render(result)
    for entry in result["items"]:  # type: ignore[attr-defined]
        assert ac.money(float(entry["amount"])) in html
    assert ac.money(float(result["total"])) in html  # type: ignore[arg-type]
    assert html.count("Old figure: ") >= 3
    # Each old figure is dated where it is shown, from its row of the fee data.
    for fee in (ac.NRMP_REGISTRATION, ac.NRMP_EXTRA_RANKS, ac.IN_PERSON_INTERVIEW):
        assert fee.season_or_year in html
    assert "ERAS 2025 and 2026 seasons" in html


def test_render_escapes_text() -> None:
    result = ac.compute({})
    result["items"][0]["item"] = "<img src=x onerror=alert(1)>"  # type: ignore[index]
    result["items"][0]["note"] = "fees & <b>tax</b>"  # type: ignore[index]
    html = ac.render(result)
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "fees &amp; &lt;b&gt;tax&lt;/b&gt;" in html


def test_method_shows_formula_schedule_and_sources() -> None:
    html = ac.method()
    assert "ERAS 2025 and 2026 seasons" in html
    assert "programs 1–30: $11 each" in html
    assert "program 31 and above: $30 each" in html
    assert "= $797" in html
    for text in ("AAMC", "ECFMG", "NRMP match fees page", "Fogel", "Wang", "2016-17", "2020-21", "$375", "$1,000", "$3,200"):
        assert text in html
    assert "midpoint, rounded to whole dollars" in html
    assert html.count("Old figure: ") == 6, "the transcript, token, two NRMP fees and both interview studies"
    assert "Travel" in html


# The words of the formula that name each item the total can hold.
FORMULA_TERMS = {
    "ERAS application fees": "application fees for each specialty, through ERAS",
    "ResidencyCAS application fees": "application fees for each specialty, through ERAS or, for emergency medicine",
    "USMLE transcript": "exam transcripts",
    "COMLEX transcript": "exam transcripts",
    "Exam transcripts sent through ResidencyCAS": "once for each service you apply through",
    "ECFMG ERAS token": "ECFMG ERAS token",
    "USMLE Step 3 exam": "USMLE Step 3 fee",
    "NRMP registration": "NRMP registration",
    "NRMP extra ranks": "NRMP extra-rank fees",
    "In-person interviews": "in-person interviews ×",
    "Virtual interviews": "the virtual season median",
}


def test_the_formula_names_every_item_the_total_holds() -> None:
    # The Step 3 fee was in the total (23% of it, ticked) but not in the
    # formula or the list of items (arithmetic audit s22, 4).
    result = ac.compute(
        {"step3_this_season": True, "first_year_programs": 10, "in_person_interviews": 2, "virtual_interviews": 3}
    )
    # Every line a ResidencyCAS list or a DO's COMLEX transcript adds too.
    dual = ac.compute({"applicant_type": "us-do", "backup_specialty": "emergency-medicine", "backup_programs": 20})
    (formula,) = [p for p in re.findall(r"<p>(.*?)</p>", unescape(str(ac.method()))) if p.startswith("Total = ")]
    for item in [*result["items"], *dual["items"]]:
        (term,) = [term for name, term in FORMULA_TERMS.items() if item["item"].startswith(name)]
        assert term in formula, item["item"]
    assert f"USMLE Step 3: ${int(ac.STEP_3.amount_usd):,}" in unescape(str(ac.method()))


def test_widget_renders_with_default_result() -> None:
    html = render_calculator(ac)  # type: ignore[arg-type]
    assert 'data-calculator="application_cost"' in html
    assert 'name="virtual_interviews"' in html


def test_an_application_needs_at_least_one_first_choice_program() -> None:
    # 0 programs priced a season at $320 of transcript, token and registration fees.
    with pytest.raises(InputError) as caught:
        compute(primary_programs=0, ranked_programs=0, virtual_interviews=0)
    assert caught.value.field == "primary_programs"
    assert caught.value.message == "Programs in the first-choice specialty must be a whole number from 1 to 999."


def test_a_comlex_only_do_is_not_charged_the_usmle_transcript_and_is_charged_the_comlex_one() -> None:
    # The $80 USMLE transcript was counted for a DO who sends COMLEX only, and the COMLEX fee left out
    # unsaid; then named as "not in our data", though the AAMC page the USMLE fee comes from lists it
    # (costs-signals audit s38, 3).
    both = compute(applicant_type="us-do")
    comlex = compute(applicant_type="us-do", exam_transcripts="comlex")
    assert item(both, "USMLE transcript sent through ERAS")["amount"] == 80
    assert item(comlex, "USMLE transcript sent through ERAS")["amount"] == 0
    assert item(comlex, "COMLEX transcript sent through ERAS")["amount"] == 80
    assert item(comlex, "COMLEX transcript sent through ERAS")["source"] == "AAMC fee page, ERAS 2024"
    assert comlex["total"] == both["total"] - 80
    assert "not in our data" not in comlex["summary"]
    # Every applicant type but a US DO, with COMLEX alone or beside the USMLE
    # (only one was tested; mutation audit s31, gap 10).
    for applicant in ("us-md", "us-img", "non-us-img"):
        for transcripts in ("comlex", "both"):
            with pytest.raises(InputError) as caught:
                compute(applicant_type=applicant, exam_transcripts=transcripts)
            assert caught.value.field == "exam_transcripts" and "only for a US DO applicant" in caught.value.message


def test_anesthesiology_first_year_note_names_its_pgy1_positions() -> None:
    # The IMG article lists anesthesiology with the advanced fields, but the
    # NRMP figures in our data count 1,805 PGY-1 anesthesiology positions.
    (note,) = ac.compute({"primary_specialty": "anesthesiology"})["notes"]  # type: ignore[misc]
    assert "also has positions that start at PGY-1 (1,805 offered, NRMP Results and Data 2025, secondary copy)" in note
    (radiology,) = ac.compute({"primary_specialty": "diagnostic-radiology"})["notes"]  # type: ignore[misc]
    # Radiology's come from its own table, not the Results table's (derm-usmd audit s43, 8).
    assert "start at PGY-1 (151 offered in 2025" in radiology and "NRMP Results and Data" not in radiology


def test_neurology_is_reminded_of_the_first_year_its_advanced_programs_need() -> None:
    # Neurology offers many PGY-2 positions beside its PGY-1 ones, but the IMG
    # article's examples leave it out, and a neurology applicant was never told
    # to apply for a first year (visa-oldgrad audit s39, 3).
    (note,) = compute(primary_specialty="neurology", backup_specialty="psychiatry", backup_programs=80)["notes"]  # type: ignore[misc]
    assert note.startswith("Neurology: beside its PGY-1 positions it also offers advanced ones, which start at PGY-2")
    assert "adding it is our reading" in note and data.AMA_ADVANCED_PGY2.cite() in note
    assert "the IMG article lists" not in note, "the article does not name neurology"
    assert "“Preliminary or transitional year programs”" in note
    # True of its categorical programs too: they include the first year.
    assert "Neurology also has positions that start at PGY-1 (932 offered" in note
    assert escape(note) in ac.render(compute(primary_specialty="neurology"))
    # As a backup too, and beside an article's field each keeps its own source.
    (both,) = compute(primary_specialty="anesthesiology", backup_specialty="neurology", backup_programs=20)["notes"]  # type: ignore[misc]
    assert both.startswith("Anesthesiology: the IMG article lists this field among those")
    assert "Neurology: beside its PGY-1 positions it also offers advanced ones" in both
    assert compute(primary_specialty="neurology", first_year_programs=30)["notes"] == []


def test_supplemental_ranks_with_no_first_year_programs_say_it_must_be_zero() -> None:
    with pytest.raises(InputError) as caught:
        ac.compute({"first_year_programs": 0, "supplemental_ranked": 3})
    assert caught.value.message == (
        "First-year programs on supplemental lists must be 0 when you apply to no preliminary or transitional year programs."
    )


def test_supplemental_lists_have_twenty_ranks_of_their_own() -> None:
    # One allowance of 20 across every list charged a radiology applicant
    # ranking 15 advanced and 10 first-year programs 5 extra ranks.
    base = {"primary_specialty": "diagnostic-radiology", "primary_programs": 20, "first_year_programs": 30}
    both = compute(**base, ranked_programs=15, supplemental_ranked=10)
    assert item(both, "NRMP extra ranks")["amount"] == 0
    assert "20 are included apart from the primary list" in str(item(both, "NRMP extra ranks")["note"])
    over = compute(**base, ranked_programs=25, supplemental_ranked=24)
    assert item(over, "NRMP extra ranks")["amount"] == (5 + 4) * 30
    with pytest.raises(InputError) as caught:
        compute(**base, ranked_programs=10, supplemental_ranked=31)
    assert caught.value.field == "supplemental_ranked" and "at most the 30" in caught.value.message


def test_fees_are_called_old_from_the_first_season_of_the_eras_schedule_in_use() -> None:
    # The line is set by hand; a new ERAS schedule must move it.
    import re

    first = min(int(year) for year in re.findall(r"[0-9]{4}", ac.eras_schedule().season))
    assert first == data.FEES_CURRENT_FROM


# --- The season the reader pays in ----------------------------------------------
@pytest.mark.parametrize(
    ("today", "yours", "season", "confirmed"),
    [
        # Before review starts: the Match 2026 is still open on time.
        ("2025-07-01", 2026, "the next season you can apply to on time is ERAS 2026 (Match 2026)", True),
        # While programs read its applications, the reader's season is the one
        # under way, named as theirs (midseason audit s52, 8).
        (
            "2025-12-07",
            2026,
            "the next season you can apply to on time is ERAS 2027 (Match 2027); this page prices ERAS 2026 "
            "(Match 2026), the season under way",
            True,
        ),
        # ERAS 2027 is open, but its applications have not gone out yet.
        ("2026-04-01", 2027, "the next season you can apply to on time is ERAS 2027 (Match 2027)", False),
        ("2026-07-01", 2027, "the next season you can apply to on time is ERAS 2027 (Match 2027)", False),
    ],
)
def test_the_result_names_the_eras_season_the_reader_pays_in_and_whether_the_schedule_covers_it(
    monkeypatch: pytest.MonkeyPatch, today: str, yours: int, season: str, confirmed: bool
) -> None:
    # The result said only "ERAS 2025 and 2026 seasons", never the season a
    # reader applying next would pay in, and nothing marked the schedule as
    # confirmed for earlier seasons than that one.
    import datetime as dt

    pin_build_date(monkeypatch, today)
    result = ac.compute({})
    assert result["as_of"] == today and result["reader_season"] == yours
    html = str(ac.render(result))
    day = cycle.long_date(dt.date.fromisoformat(today))
    if confirmed:
        # "It" is the reader's season, named last.
        assert f"As of {day}, {season}, and the ERAS schedule is confirmed for it." in html
        assert "not yet confirmed" not in html
    else:
        assert (
            "ERAS fees not yet confirmed for your season: </strong>our schedule was last confirmed for the "
            f"ERAS 2025 and 2026 seasons. As of {day}, {season}." in html
        )
    # One season behind, the schedule is not yet called old: newer fees may not be out.
    assert result["old_figures"] == OLD_ITEMS_AT_DEFAULTS


# The ERAS row at the defaults: 80 Internal Medicine programs.
ERAS_ROW = "ERAS application fees: Internal Medicine (80 programs)"


def _under_way(yours: int) -> str:
    """The season sentence while the reader's season is under way."""
    return (
        f"the next season you can apply to on time is ERAS {yours + 1} (Match {yours + 1}); this page prices "
        f"ERAS {yours} (Match {yours}), the season under way."
    )


@pytest.mark.parametrize(
    ("today", "behind", "published", "season", "unopened"),
    [
        # Applications for the Match 2027 go out from 2 September 2026: its fees are out.
        (
            "2026-09-10",
            "1 season",
            "the ERAS 2027 season",
            "the next season you can apply to on time is ERAS 2027 (Match 2027).",
            2028,
        ),
        # The Match 2027 is under review, and the reader adding programs now
        # pays its prices (season audit s22, 3): it is theirs, one season past
        # ours, not the Match 2028 two past (midseason audit s52, 8).
        ("2026-12-02", "1 season", "the ERAS 2027 season", _under_way(2027), 2028),
        ("2027-11-20", "2 seasons", "the ERAS 2027 and 2028 seasons", _under_way(2028), 2029),
        ("2028-11-20", "3 seasons", "the ERAS 2027 to 2029 seasons", _under_way(2029), 2030),
        # Past the rank lists, the reader's is the next season, whose
        # applications have not gone out.
        (
            "2027-03-01",
            "2 seasons",
            "the ERAS 2027 season",
            "; the next season you can apply to on time is ERAS 2028 (Match 2028).",
            2028,
        ),
    ],
)
def test_a_schedule_behind_a_season_whose_applications_have_gone_out_is_said_to_be_and_marked_old(
    monkeypatch: pytest.MonkeyPatch, today: str, behind: str, published: str, season: str, unopened: int
) -> None:
    # At 20 November 2028 the Match 2030 was priced at ERAS 2025 and 2026 fees
    # "not yet confirmed", four seasons on, with the row unmarked beside a
    # transcript fee one season older marked old (seasonlate audit s44, 2).
    import datetime as dt

    pin_build_date(monkeypatch, today)
    result = ac.compute({})
    html = unescape(str(ac.render(result)))
    day = cycle.long_date(dt.date.fromisoformat(today))
    assert (
        "ERAS fees from before your season: </strong>our newest ERAS fees are for the ERAS 2025 and 2026 seasons, "
        f"{behind} before yours; we do not hold the AAMC's fees for {published}. As of {day}" in html
    )
    # Said as what we lack, not as news from the AAMC that no source of ours
    # gives (aiminghigh audit s54, 11).
    assert "has since published" not in html
    assert season in html
    assert "not yet confirmed" not in html
    # Only seasons whose applications have gone out by today are named as published.
    assert f"ERAS {unopened} season" not in html and f"to {unopened} seasons" not in html
    assert item(result, "ERAS application fees")["old"] is True
    assert result["old_figures"] == [ERAS_ROW, *OLD_ITEMS_AT_DEFAULTS]
    assert f"<strong>Old figure: {ERAS_ROW}</strong>" in html


def test_a_residencycas_schedule_two_or_more_seasons_behind_is_marked_old_with_its_transcript_fee(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Persona B's ResidencyCAS lines, "(2025-26 cycle, Match 2026)", went
    # unmarked in November 2028 too (seasonlate audit s44, 2).
    em_fm = {"applicant_type": "us-img", "primary_specialty": "emergency-medicine", "backup_specialty": "family-medicine"}
    pin_build_date(monkeypatch, "2026-06-01")
    current = ac.compute({**em_fm, "backup_programs": 20})
    assert not item(current, "ResidencyCAS application fees")["old"]
    assert not item(current, "Exam transcripts sent through ResidencyCAS")["old"]
    pin_build_date(monkeypatch, "2028-11-20")
    result = ac.compute({**em_fm, "backup_programs": 20})
    for name in ("ResidencyCAS application fees", "Exam transcripts sent through ResidencyCAS", "ERAS application fees"):
        assert item(result, name)["old"] is True, name
    html = unescape(str(ac.render(result)))
    assert (
        "ResidencyCAS and ERAS fees from before your season: </strong>our newest ResidencyCAS fees are for the "
        "2025-26 cycle, Match 2026, 3 seasons before yours; we do not hold ResidencyCAS's fees for its cycles for the "
        "Match 2027 to 2029. Our newest ERAS fees are for the ERAS 2025 and 2026 seasons, 3 seasons before yours; we "
        "do not hold the AAMC's fees for the ERAS 2027 to 2029 seasons." in html
    )


@pytest.mark.parametrize(
    ("today", "cost"),
    [
        ("2025-07-01", "Estimated season cost"),
        # Mid-season, the total is called a whole season's (midseason audit s52, 8).
        ("2026-12-02", "Estimated whole-season cost"),
        ("2028-11-20", "Estimated whole-season cost"),
    ],
)
def test_the_summary_and_read_out_name_the_season_the_application_fees_are_priced_at(
    monkeypatch: pytest.MonkeyPatch, today: str, cost: str
) -> None:
    # "Estimated season cost: $3,750, of which application fees $2,430" named
    # no year, and a screen reader hears only that (seasonlate audit s44, 2).
    from calculators import browser

    pin_build_date(monkeypatch, today)
    result = compute(primary_programs=100)
    # The default reader is a non-US IMG, whose total is a floor, heard whole
    # with what it leaves out (planner audit s54, 6).
    said = (
        f"{cost}: at least $3,750, of which application fees $2,430 at ERAS prices for the Match 2026. Not counted: "
        "observerships or externships, ECFMG's Pathway and OET fees, USMLE Step 3 and visa fees, where they apply to you."
    )
    assert result["summary"] == said
    assert json.loads(browser.compute("application_cost", json.dumps({"primary_programs": "100"})))["announce"] == said
    dual = compute(applicant_type="us-img", primary_specialty="emergency-medicine", backup_specialty="family-medicine")
    assert "at ResidencyCAS and ERAS prices for the Match 2026" in str(dual["summary"])
    # An OB/GYN list alone prices no application fee, so names no season.
    assert "prices for the Match" not in str(compute(primary_specialty="obstetrics-gynecology")["summary"])


def _headline(result: dict[str, object]) -> str:
    """The result's headline as read, tags dropped."""
    found = re.search(r'<p class="mpb-headline">(.*?)</p>', unescape(str(ac.render(result))))  # type: ignore[arg-type]
    assert found is not None
    return re.sub(r"<[^>]+>", "", found[1])


def test_the_headline_names_the_season_its_application_fees_are_priced_at_beside_the_readers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "$3,370 estimated for the whole of ERAS 2027" sat a line above "ERAS
    # prices for the Match 2026", two seasons with nothing to say which was
    # which (aiminghigh audit s54, 11).
    pin_build_date(monkeypatch, "2026-12-07")
    said = _headline(compute(applicant_type="us-md"))
    assert said.startswith("$")
    assert said.endswith(
        " estimated for the whole of ERAS 2027 (Match 2027), with application fees at ERAS prices for the Match 2026, "
        "the newest we hold."
    )
    # The season comes from the schedule, not from the words: each service's own.
    em = _headline(compute(applicant_type="us-md", primary_specialty="emergency-medicine"))
    assert "with application fees at ResidencyCAS prices for the Match 2026, the newest we hold" in em
    # An OB/GYN list alone prices no application fee, so its headline names no price season.
    assert "prices for the Match" not in _headline(compute(applicant_type="us-md", primary_specialty="obstetrics-gynecology"))


# Outside a season under review, where the total is called plainly a
# season's: the machine's own date may fall mid-season.
PLAIN_DAY = "2026-07-01"


@pytest.mark.parametrize(("today", "cost"), [(PLAIN_DAY, "Estimated season cost"), ("2026-12-07", "Estimated whole-season cost")])
def test_a_read_out_cut_to_the_limit_keeps_the_season_of_its_fees(monkeypatch: pytest.MonkeyPatch, today: str, cost: str) -> None:
    # The longest read-outs fall back to the total alone: the season goes
    # with it, and the empty backup is said short first.
    from calculators import browser, registry

    pin_build_date(monkeypatch, today)
    said = json.loads(
        browser.compute(
            "application_cost",
            json.dumps(
                {
                    "applicant_type": "us-do",
                    "exam_transcripts": "comlex",
                    "step3_this_season": "true",
                    "backup_specialty": "obstetrics-gynecology",
                }
            ),
        )
    )["announce"]
    assert len(said.split()) <= registry.READ_OUT_WORDS
    assert said.startswith(f"Obstetrics and Gynecology backup: no programs entered. {cost}: at least $")
    assert "application fees at ERAS prices for the Match 2026, not counting some fees: see the result." in said
    assert said.endswith("USMLE Step 3 fee: see its line.")


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [
        (935, 4085, "23%"),
        (75, 29_475, "under 1%"),
        (29_400, 29_475, "over 99%"),
        (20, 4000, "under 1%"),
        (0, 10, "0%"),
        (10, 10, "100%"),
    ],
)
def test_a_share_is_never_rounded_onto_nothing_or_everything(part: int, whole: int, shown: str) -> None:
    # A DO with 999 programs saw ERAS at "(100%)" and NRMP registration at
    # "(0%)" (arithmetic audit s22, 6).
    assert whole_percent(part / whole) == shown


def test_the_cost_chart_names_a_small_share_as_under_one_percent() -> None:
    result = ac.compute(
        {
            "applicant_type": "us-do",
            "primary_programs": 999,
            "exam_transcripts": "comlex",
            "ranked_programs": 5,
            "virtual_interviews": 0,
        }
    )
    chart = unescape(str(charts.cost_breakdown(result)))
    assert "$75 (under 1%)" in chart and "$29,400 (over 99%)" in chart
    assert "(100%)" not in chart and "$0 (0%)" in chart


def test_every_guide_that_gives_the_eras_tiers_says_to_check_the_season_you_apply_in() -> None:
    # Three guides stated the 2025-2026 schedule as current with no caution
    # while readers apply in the 2027 and 2028 seasons (season audit s22, 4).
    from conftest import ROOT

    pages = [p for p in (ROOT / "docs").rglob("*.md") if "{{ eras_tiers() }}" in p.read_text(encoding="utf-8")]
    assert len(pages) >= 3
    for page in pages:
        for line in page.read_text(encoding="utf-8").splitlines():
            # A line that states the tiers, not one that works a sum with them.
            if "{{ eras_tiers() }}" in line and "{{ eras_seasons() }}" in line:
                # The calculator's own page says its result warns instead.
                assert "check the AAMC" in line or "confirmed only for earlier seasons" in line, (page.name, line[:120])


def test_a_newer_fee_in_the_data_is_no_longer_called_old_or_unconfirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The notes typed "Old figure" and "no current schedule was found" while
    # the data page read them from the row (claims audit s29, B1).
    import dataclasses

    def current(fee: data.Fee) -> data.Fee:
        return dataclasses.replace(fee, season_or_year="2026", status="seen", source="its own fee page")

    for name in (
        "NRMP_REGISTRATION",
        "NRMP_EXTRA_RANKS",
        "IN_PERSON_INTERVIEW",
        "STEP_3",
        "USMLE_TRANSCRIPT",
        "ECFMG_TOKEN",
        "VIRTUAL_SEASON",
    ):
        monkeypatch.setattr(ac, name, current(getattr(ac, name)))
    result = compute(primary_programs=40, ranked_programs=35, in_person_interviews=2, step3_this_season="true")
    notes = " ".join(str(i["note"]) for i in result["items"])  # type: ignore[union-attr]
    method = ac.method()
    for stale in ("Old figure", "not found", "no current", "copy of its FAQ", "copy of the FSMB"):
        assert stale not in notes and stale not in method, stale
    assert "The 2026 figure" in str(item(result, "NRMP registration")["note"])


@pytest.mark.parametrize(("applicant", "said"), [("us-do", True), ("us-md", False), ("non-us-img", False)])
def test_a_do_charged_the_usmle_transcript_by_default_is_told_how_to_drop_it(applicant: str, said: bool) -> None:
    # A DO with COMLEX only who left the choice paid the USMLE fee unseen (DO audit s34, 9).
    note = str(item(compute(applicant_type=applicant), "USMLE transcript")["note"])
    assert ("If you took COMLEX only, choose “COMLEX only” under “Exam transcripts you send”" in note) == said
    if applicant == "us-do":  # sending both, the fee is the reader's choice
        both = item(compute(applicant_type=applicant, exam_transcripts="both"), "USMLE transcript")
        assert "If you took COMLEX only" not in str(both["note"])


@pytest.mark.parametrize(
    ("applicant", "comlex_named", "usmle_fee"),
    [("us-do", True, 80), ("us-md", False, 80), ("us-img", False, 80), ("non-us-img", False, 80)],
)
def test_the_transcripts_follow_the_applicant_type_unless_chosen(applicant: str, comlex_named: bool, usmle_fee: int) -> None:
    """A DO left at the default was shown a total without the NBOME's fee and no
    word of it (application-cost audit s36, 1): now counted as sending both."""
    result = compute(applicant_type=applicant)
    names = [str(i["item"]) for i in result["items"]]
    assert ("COMLEX transcript sent through ERAS" in names) == comlex_named
    assert item(result, "USMLE transcript")["amount"] == usmle_fee
    if applicant == "us-do":  # "USMLE only", chosen, still charges USMLE alone
        chosen = compute(applicant_type=applicant, exam_transcripts="usmle")
        assert "COMLEX transcript sent through ERAS" not in [str(i["item"]) for i in chosen["items"]]


def test_comlex_for_a_non_do_names_the_choices_to_make() -> None:
    with pytest.raises(InputError) as caught:
        compute(applicant_type="us-md", exam_transcripts="both")
    assert caught.value.field == "exam_transcripts"
    assert "choose “Follow my applicant type” or “USMLE only”" in caught.value.message


def test_a_cost_not_in_our_data_reads_not_counted_and_stays_off_the_chart() -> None:
    # OB/GYN's ResidencyCAS fees are not in our data: the ERAS tiers would price them wrongly.
    result = compute(backup_specialty="obstetrics-gynecology", backup_programs=40)
    page = str(ac.render(result))
    label = "ResidencyCAS application fees: Obstetrics and Gynecology (40 programs)"
    row = page.split(f"{label}</td>", 1)[1].split("</td>", 1)[0]
    assert "not counted" in row and "$0" not in row
    chart = str(charts.cost_breakdown(result))
    assert "Obstetrics" not in chart and "USMLE transcript" in chart
    assert (
        "of which application fees $1,830 at ERAS prices for the Match 2026. Not counted: ResidencyCAS's fees for Obstetrics and Gynecology and ECFMG's fee "
        "for supporting a ResidencyCAS application, which our data do not hold. Also not counted: "
    ) in result["summary"]
    assert "Obstetrics and Gynecology: not in our data." in page


def test_a_backup_chosen_with_no_programs_is_pointed_out() -> None:
    notes = " ".join(compute(backup_specialty="family-medicine", backup_programs=0)["notes"])
    assert "You chose Family Medicine as a backup but entered no programs for it, so its ERAS fees" in notes
    # A ResidencyCAS backup's fees are that service's, not ERAS's.
    obgyn = " ".join(compute(backup_specialty="obstetrics-gynecology", backup_programs=0)["notes"])
    assert "Entered or not, its ResidencyCAS fees are not counted: our data do not hold them." in obgyn
    assert "enter them under" not in obgyn
    em = " ".join(compute(backup_specialty="emergency-medicine", backup_programs=0)["notes"])
    assert "so its ResidencyCAS fees are not counted; enter them under" in em
    assert not any("no programs for it" in n for n in compute(backup_specialty="family-medicine", backup_programs=5)["notes"])
    assert not any("no programs for it" in n for n in compute()["notes"])


def test_a_zero_line_is_not_called_an_old_figure() -> None:
    """The ECFMG token is $0 for a US graduate: "Old figure: ECFMG ERAS token $0" said nothing useful."""
    md = compute(applicant_type="us-md", in_person_interviews=0)
    assert "ECFMG ERAS token" not in md["old_figures"] and "In-person interviews" not in md["old_figures"]
    assert "Old figure: </strong>ECFMG" not in str(ac.render(md))
    img = compute(applicant_type="non-us-img", in_person_interviews=2)
    assert {"ECFMG ERAS token", "In-person interviews"} <= set(img["old_figures"])


def test_a_couple_is_told_the_long_list_fees_count_for_their_paired_lines_is_unconfirmed() -> None:
    # The note keys to programs, so a couple ranking 40 programs on 150 lines
    # never heard of the fee; the NRMP help we cite does not say how their
    # lines count (couplesvisa audit s46, 1).
    help_text = next(f.help for f in ac.FIELDS if f.name == "ranked_programs")
    assert "a couple who list one program beside several of their partner's count it once" in help_text
    assert help_text.endswith(
        "Whether a couple's paired lines count toward the NRMP's further fee for a list of 100 or more ranks, we could "
        "not confirm: ask the NRMP."
    )


def test_a_list_of_100_ranks_or_more_is_told_of_the_nrmps_further_fee() -> None:
    """The NRMP charges more for a list of 100 or more ranks; the total read as complete (facts-recent audit s36, 3)."""
    long = compute(primary_programs=150, ranked_programs=100)
    assert any("A list of 100 or more ranks costs a further NRMP fee" in n for n in long["notes"])
    assert not any("further NRMP fee" in n for n in compute(primary_programs=150, ranked_programs=99)["notes"])
    with pytest.raises(InputError) as caught:
        compute(primary_programs=400, ranked_programs=301)
    assert data.NRMP_RANK_LIMIT.cite() in caught.value.message


def test_supplemental_ranks_without_an_advanced_field_get_a_note_not_an_error() -> None:
    # Priced in silence, though supplemental lists exist only to link a first
    # year to an advanced program (anesadv audit s46, 9).
    dual = compute(
        primary_specialty="internal-medicine",
        backup_specialty="family-medicine",
        backup_programs=20,
        first_year_programs=10,
        supplemental_ranked=5,
    )
    (note,) = [n for n in dual["notes"] if "on supplemental lists" in n]
    assert note.startswith("You entered 5 first-year programs on supplemental lists, but those lists only link")
    assert "neither Internal Medicine nor Family Medicine is among the fields we count as using them" in note
    assert data.NRMP_ALGORITHM.cite() in note and "on your primary list" in note
    alone = compute(primary_specialty="internal-medicine", first_year_programs=10, supplemental_ranked=1)
    assert any("Internal Medicine is not among the fields" in n for n in alone["notes"])
    # Not where a chosen field uses advanced positions, nor with no supplemental ranks.
    for quiet in (
        compute(primary_specialty="anesthesiology", first_year_programs=10, supplemental_ranked=5),
        compute(
            primary_specialty="internal-medicine",
            backup_specialty="neurology",
            backup_programs=20,
            first_year_programs=10,
            supplemental_ranked=5,
        ),
        compute(primary_specialty="internal-medicine", first_year_programs=10),
    ):
        assert not any("on supplemental lists, but" in n for n in quiet["notes"])


# --- ResidencyCAS: emergency medicine and OB/GYN ------------------------------------
def test_emergency_medicine_is_priced_by_residencycas_and_reproduces_its_organizations_example() -> None:
    # Priced by ERAS's tiers, 46 EM programs cost $810 (30 x $11 + 16 x $30); the EM organizations'
    # ResidencyCAS page gives $99 + 12 x $18 + 16 x $23 = $683 (costs-signals audit s38, 1).
    result = compute(primary_specialty="emergency-medicine", primary_programs=46, virtual_interviews=0)
    line = item(result, "ResidencyCAS application fees: Emergency Medicine (46 programs)")
    assert line["amount"] == 683
    assert str(line["note"]).startswith("$99 (programs 1–18, one flat fee) + 12 × $18 + 16 × $23 = $683.")
    assert "RAMS ResidencyCAS Information" in str(line["source"]) and "2025-26 cycle, Match 2026" in str(line["source"])
    assert result["application_fees"] == 683
    # No ERAS list: no ERAS transcript fee and no ERAS token; ResidencyCAS's transcript fee instead.
    names = [str(i["item"]) for i in result["items"]]
    assert "USMLE transcript sent through ERAS" not in names
    assert item(result, "ECFMG ERAS token")["amount"] == 0
    assert item(result, "Exam transcripts sent through ResidencyCAS")["amount"] == 80
    (note,) = [n for n in result["notes"] if "ResidencyCAS" in n]
    assert note.startswith("Emergency Medicine programs take applications through ResidencyCAS, not ERAS (CORD, 2025)")
    assert "Its fees for Emergency Medicine and its transcript fee are counted; you apply through ERAS to no program" in note
    # The default reader is a non-US IMG: ECFMG's own ResidencyCAS fee is named, not priced.
    assert "a fee of its own, which is not in our data (ECFMG, Support for ResidencyCAS" in note
    assert (
        "Not counted: ECFMG's fee for supporting a ResidencyCAS application, which our data do not hold. Also not "
        "counted: observerships or externships"
    ) in result["summary"]


@pytest.mark.parametrize(("programs", "fee"), [(1, 99), (18, 99), (19, 117), (30, 315), (31, 338)])
def test_residencycas_tiers_start_with_one_flat_fee(programs: int, fee: int) -> None:
    schedule = ac.schedule_for("emergency-medicine")
    assert schedule is not None and schedule.service == "ResidencyCAS"
    assert schedule.fee(programs) == fee


def test_a_dual_applicant_pays_each_service_its_own_fees_and_transcripts() -> None:
    result = compute(applicant_type="us-do", primary_programs=40, backup_specialty="emergency-medicine", backup_programs=20)
    assert item(result, "ERAS application fees: Internal Medicine (40 programs)")["amount"] == 30 * 11 + 10 * 30
    assert item(result, "ResidencyCAS application fees: Emergency Medicine (20 programs)")["amount"] == 99 + 2 * 18
    # A DO sends both exams: ERAS charges each once, ResidencyCAS each once more.
    assert item(result, "USMLE transcript sent through ERAS")["amount"] == 80
    assert item(result, "COMLEX transcript sent through ERAS")["amount"] == 80
    cas = item(result, "Exam transcripts sent through ResidencyCAS")
    assert cas["amount"] == 160 and str(cas["note"]).startswith(
        "2 × $80, once per season for each exam's transcript (USMLE and COMLEX)"
    )
    html = unescape(str(ac.render(result)))
    assert "ERAS fees (ERAS 2025 and 2026 seasons): Internal Medicine: 30 × $11 + 10 × $30 = $630." in html
    assert "ResidencyCAS fees (2025-26 cycle, Match 2026): Emergency Medicine:" in html
    assert "counted apart from ERAS's" in " ".join(result["notes"])


def test_an_img_applying_through_eras_still_pays_the_token() -> None:
    result = compute(applicant_type="non-us-img", backup_specialty="obstetrics-gynecology", backup_programs=10)
    assert item(result, "ECFMG ERAS token")["amount"] == 165


def test_the_residencycas_note_says_only_what_the_lines_count() -> None:
    # "Its fees ... are counted apart from ERAS's" stood under an OB/GYN line that is not counted
    # (diff-review audit s38, 1); a US graduate pays ECFMG nothing.
    (note,) = [
        n
        for n in compute(applicant_type="us-md", backup_specialty="obstetrics-gynecology", backup_programs=20)["notes"]
        if "ResidencyCAS" in n
    ]
    assert "Its transcript fee is counted apart from ERAS's. Its fees for Obstetrics and Gynecology are not in our data" in note
    assert "Its fees for Obstetrics and Gynecology and" not in note and "ECFMG" not in note
    both = compute(
        applicant_type="us-md",
        primary_specialty="emergency-medicine",
        backup_specialty="obstetrics-gynecology",
        backup_programs=5,
    )
    (note,) = [n for n in both["notes"] if "ResidencyCAS" in n]
    assert "Its fees for Emergency Medicine and its transcript fee are counted;" in note
    assert "Its fees for Obstetrics and Gynecology are not in our data" in note
    assert both["summary"].endswith(
        ". Not counted: ResidencyCAS's fees for Obstetrics and Gynecology, which our data do not hold."
    )


def test_after_the_rank_lists_close_the_cost_page_does_not_call_the_season_still_running(monkeypatch: pytest.MonkeyPatch) -> None:
    # On 15 March 2027 it said "ERAS 2027 (Match 2027) is still running" of a
    # season whose rank lists had closed (date sweep s40, 11).
    pin_build_date(monkeypatch, "2027-03-15")
    html = str(ac.render(ac.compute({})))
    assert "is still running" not in html
    assert "the rank lists of ERAS 2027 (Match 2027) have closed ahead of its Match Day, 19 March 2027 (estimated)" in html


def test_the_residencycas_transcript_fee_says_it_is_borrowed_for_obgyn() -> None:
    # The figure is the emergency medicine organizations'; OB/GYN's own
    # application fees were withheld, this one was not (calc-sources audit s41, 3).
    def transcript_row(slug: str) -> str:
        items = ac.compute({"primary_specialty": slug, "applicant_type": "us-img"})["items"]
        return next(i["note"] for i in items if i["item"] == "Exam transcripts sent through ResidencyCAS")

    assert "counted for OB/GYN too: our sources give none for it" in transcript_row("obstetrics-gynecology")
    assert "OB/GYN" not in transcript_row("emergency-medicine")


def test_the_step3_help_keeps_the_articles_img_condition_for_older_graduates() -> None:
    # "For an older graduate" read as advice to a US graduate of an earlier year (calc-sources audit s41, 4).
    step3 = next(f for f in ac.FIELDS if f.name == "step3_this_season")
    assert "For IMGs it adds that some programs prefer or require Step 3 of older graduates" in step3.help
    # In the one wording the other calculators use (diff review s51, 9).
    assert f"{data.STEP3_ARTICLE_CASE[1:]} ({data.ARTICLE_UNMATCHED.cite()})." in step3.help
    # Its warning is the article's, for every reader, not scoped to IMGs (diff review s51, 8).
    assert "older graduates. And it warns that in many cases a failure does far more harm" in step3.help


OBGYN_USIMG_COST = {
    "applicant_type": "us-img",
    "primary_specialty": "obstetrics-gynecology",
    "primary_programs": 70,
    "backup_specialty": "family-medicine",
    "backup_programs": 50,
    "ranked_programs": 7,
    "virtual_interviews": 7,
}


def test_a_total_that_leaves_out_unpriced_fees_is_called_a_floor_and_names_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # "$2,330 estimated for one Match season" in large type, with 70 OB/GYN
    # applications at $0, and the chart's shares taken of that partial sum
    # (obgyn-usimg audit s42, 4).
    pin_build_date(monkeypatch, PLAIN_DAY)
    result = ac.compute(OBGYN_USIMG_COST)
    assert result["total"] == 2330
    missing = "ResidencyCAS's fees for Obstetrics and Gynecology and ECFMG's fee for supporting a ResidencyCAS application"
    assert result["summary"].startswith("Estimated season cost: at least $2,330, of which application fees $930")
    # The summary also names an IMG's own costs, so it is heard short.
    assert result["announced"].startswith("Estimated season cost: at least $2,330, application fees at ERAS prices")
    assert len(result["announced"].split()) <= 40
    html = unescape(str(ac.render(result)))
    headline = re.search(r'<p class="mpb-headline">(.*?)</p>', html)
    assert headline is not None
    assert re.sub(r"<[^>]+>", "", headline[1]) == (
        "At least $2,330 estimated for one Match season, with application fees at ERAS prices for the Match 2026, the "
        f"newest we hold, plus {missing}, which our data do not hold."
    )
    assert (
        "The chart's percentages are shares of the $2,330 counted here, not of the whole season's cost, which also "
        f"holds {missing}." in html
    )
    # Only the shares' label, before the chart it labels.
    assert html.index("The chart's percentages") < html.index("mpb-application-cost-chart")


def test_a_fully_priced_total_keeps_its_plain_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_build_date(monkeypatch, PLAIN_DAY)
    result = ac.compute({"applicant_type": "us-md", "primary_specialty": "internal-medicine"})
    html = unescape(str(ac.render(result)))
    assert result["not_counted"] == []
    assert "At least" not in html and "at least" not in result["summary"]
    assert "The chart's percentages" not in html
    assert re.search(
        r'<p class="mpb-headline"><strong>\$[0-9,]+</strong> estimated for one Match season, with application fees at '
        r"ERAS prices for the Match 2026, the newest we hold.</p>",
        html,
    )


@pytest.mark.parametrize(
    ("primary", "backup", "cite"),
    [
        ("obstetrics-gynecology", "family-medicine", "(AMA, 2024)"),
        ("emergency-medicine", "family-medicine", "(CORD, 2025)"),
        ("emergency-medicine", "obstetrics-gynecology", "(AMA, 2024; CORD, 2025)"),
    ],
)
def test_the_residencycas_note_cites_the_source_for_the_fields_it_names(primary: str, backup: str, cite: str) -> None:
    # CORD, the emergency medicine program directors' council, was cited for
    # a sentence about OB/GYN alone (obgyn-usimg audit s42, 7).
    result = compute(primary_specialty=primary, backup_specialty=backup, backup_programs=10)
    (note,) = [n for n in result["notes"] if "ResidencyCAS" in n]
    assert f"programs take applications through ResidencyCAS, not ERAS {cite}:" in note


def test_the_charts_words_call_a_total_with_unpriced_fees_counted_not_estimated() -> None:
    # The chart told a screen reader "where the estimated $2,330 goes" beside a
    # headline saying the total leaves out ResidencyCAS's fees (obgyn-usimg audit s42, 4).
    floor = ac.compute({"primary_specialty": "obstetrics-gynecology", "primary_programs": 70})
    assert floor["not_counted"]
    assert "Bar chart of where the counted $" in unescape(str(charts.cost_breakdown(floor)))
    whole = ac.compute({"primary_specialty": "internal-medicine", "primary_programs": 70, "applicant_type": "us-md"})
    assert not whole["not_counted"] and not whole["img_left_out"]
    assert "Bar chart of where the estimated $" in unescape(str(charts.cost_breakdown(whole)))
    # An IMG's total is a floor too, beside the costs it names as left out (planner audit s54, 6).
    img = ac.compute({"primary_specialty": "internal-medicine", "primary_programs": 70, "applicant_type": "us-img"})
    assert not img["not_counted"] and img["img_left_out"]
    assert "Bar chart of where the counted $" in unescape(str(charts.cost_breakdown(img)))


# --- What is read out -----------------------------------------------------------
def test_a_backup_chosen_with_no_programs_is_heard(monkeypatch: pytest.MonkeyPatch) -> None:
    # The status said the same total before and after the choice; the note
    # that the backup's fees were not counted sat far below, never heard
    # (a11y-phone audit s42, 5).
    from calculators import browser

    pin_build_date(monkeypatch, PLAIN_DAY)

    def heard(**raw: str) -> str:
        reply = json.loads(browser.compute("application_cost", json.dumps(raw)))
        assert reply["ok"], reply
        return str(reply["announce"])

    chosen = heard(applicant_type="us-md", backup_specialty="family-medicine")
    assert chosen.startswith("Family Medicine backup: no programs entered, so its fees are not counted. Estimated season cost:")
    assert chosen != heard(applicant_type="us-md") and chosen.endswith(heard(applicant_type="us-md"))
    # An IMG's longer total gives way to the short one, still a floor
    # (planner audit s54, 6).
    img = heard(backup_specialty="family-medicine")
    assert img.startswith("Family Medicine backup: no programs entered, so its fees are not counted. Estimated season cost:")
    assert img.endswith("not counting some fees: see the result.") and "at least $" in img
    assert "no programs entered" not in heard(backup_specialty="family-medicine", backup_programs="20")
    assert "no programs entered" not in str(compute(backup_specialty="family-medicine")["summary"])
    # With the longest name and the longest total (fees left out, Step 3
    # beside COMLEX only), still within 40 words: the total said short.
    longest = heard(
        applicant_type="us-do",
        exam_transcripts="comlex",
        step3_this_season="true",
        primary_specialty="obstetrics-gynecology",
        backup_specialty="pmr",
    )
    assert longest.startswith("Physical Medicine and Rehabilitation (PM&R) backup: no programs entered")
    assert "at least" in longest and "USMLE Step 3 fee" in longest
    assert len(longest.split()) <= 40


def test_every_read_out_keeps_to_forty_words() -> None:
    for primary, applicant, backup, step3, transcripts in itertools.product(
        [s.slug for s in data.SPECIALTIES],
        [slug for slug, _ in data.APPLICANT_TYPES],
        ["", "obstetrics-gynecology", "pmr"],
        ["true", "false"],
        ["by-applicant-type", "comlex"],
    ):
        if primary == backup or (transcripts == "comlex" and applicant != "us-do"):
            continue
        result = compute(
            primary_specialty=primary,
            applicant_type=applicant,
            backup_specialty=backup,
            step3_this_season=step3,
            exam_transcripts=transcripts,
        )
        assert len(str(result["announced"]).split()) <= 40, result["announced"]
        if result["application_fees"]:
            assert "prices for the Match" in str(result["announced"]), result["announced"]


def test_a_residencycas_reader_is_told_its_season_by_residencycas_not_only_by_eras(monkeypatch: pytest.MonkeyPatch) -> None:
    # "ERAS 2028 (Match 2028) is still running" to an emergency medicine reader
    # on 5 October 2027, after ResidencyCAS had closed to that Match
    # (season-dates audit s43, 2).
    pin_build_date(monkeypatch, "2027-10-05")
    alone = unescape(str(ac.render(ac.compute({"applicant_type": "us-img", "primary_specialty": "emergency-medicine"}))))
    assert "still running" not in alone and "ERAS 2029" not in alone
    # The season under way is the reader's, named by its Match (midseason audit s52, 8).
    assert (
        "As of 5 October 2027, this page counts your season as the Match 2028, the season under way. ResidencyCAS, "
        "which Emergency Medicine programs use, closed to applications for the Match 2028 in late September" in alone
    )
    assert "the next season you can apply to is ResidencyCAS's for the Match 2029." in alone
    em_fm = {"primary_specialty": "emergency-medicine", "backup_specialty": "family-medicine", "backup_programs": 20}
    both = unescape(str(ac.render(ac.compute({**em_fm, "applicant_type": "us-img"}))))
    # Each service has its own line; the date is given once.
    assert (
        "As of 5 October 2027, the next season you can apply to on time is ERAS 2029 (Match 2029); this page prices "
        "ERAS 2028 (Match 2028), the season under way. ResidencyCAS, which Emergency Medicine programs use, closed" in both
    )
    assert both.count("As of 5 October 2027") == 1


def test_before_residencycas_closes_its_line_names_the_field_and_the_schedules_confirmed_for_that_season(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pin_build_date(monkeypatch, "2025-07-01")
    em_fm = {"primary_specialty": "emergency-medicine", "backup_specialty": "family-medicine", "backup_programs": 20}
    html = unescape(str(ac.render(ac.compute(em_fm))))
    assert (
        "As of 1 July 2025, the next season you can apply to on time is ERAS 2026 (Match 2026). The next season you "
        "can apply to in Emergency Medicine is ResidencyCAS's for the Match 2026, open until 24 September 2025" in html
    )
    # "Confirmed for it" after a deadline and its source read as the deadline.
    assert "The ResidencyCAS schedule and the ERAS schedule are confirmed for that season." in html
    # Mid-season, "that season" would be the next one ResidencyCAS names: the
    # reader's is the one under way (midseason audit s52, 8).
    pin_build_date(monkeypatch, "2025-12-07")
    html = unescape(str(ac.render(ac.compute(em_fm))))
    assert "ResidencyCAS's for the Match 2027. The ResidencyCAS schedule and the ERAS schedule are confirmed for yours." in html


def test_the_first_year_help_hedges_as_the_result_does() -> None:
    # The help said "Their ERAS pricing starts again from program 1", which
    # the result's own note doubts (derm-usmd audit s43, 9).
    help_text = next(f.help for f in ac.FIELDS if f.name == "first_year_programs")
    assert "starts again from program 1" not in help_text
    assert help_text.endswith(ac.FIRST_YEAR_PRICING)
    items = ac.compute({"primary_specialty": "diagnostic-radiology", "first_year_programs": 20})["items"]
    assert any(i["note"].endswith(ac.FIRST_YEAR_PRICING) for i in items)


def test_the_couple_fee_left_out_is_said_under_every_result_per_partner_and_for_two_with_how_to_add_it_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The couple fee was said only inside the collapsed method, at the
    # 2016-17 $15, with no word of the higher figure the rank order list guide
    # warns of (couples audit s43, 9); then said three ways, with a couple left
    # to follow a link and multiply, and no word of how to reach a total for
    # two (couples audit s54, 7).
    note = (
        "Priced for one applicant. A couple also pays the NRMP a couple fee, not counted here: $15 for each partner, so "
        "$30 for the two of you. That is an old figure, from the NRMP's own fee schedule for 2016-17, the newest we "
        "hold (NRMP match fees page, 2016-17). An undated secondary guide gives three times the $15 per partner (Level "
        "Medicine, Couples Match, cited under “Ranking as a couple” on the rank order list page). We could not confirm "
        "the current fee with the NRMP, so budget for the "
        "higher figure and check the NRMP's fees page. As a couple, run this calculator once for each partner. Then "
        "add the two totals, both couple fees, and the NRMP's late fee for each of you who registers after 30 November "
        "2026 (estimated)."
    )
    # The day is the cycle's own for the reader's Match, where "30 November"
    # was typed (diff review s54, 10).
    pin_build_date(monkeypatch, "2026-12-07")
    assert ac.couple_fee_note(2027) == note
    # The figures are the fee row's, as the data hold it: its amount, year and
    # status.  The guide's "three times that" is measured against this $15, so
    # a new row must send someone to re-read the words.
    fee = ac.NRMP_COUPLE
    assert (fee.amount_usd, fee.unit, fee.season_or_year, fee.status) == ("15", "per partner", "2016-17", "seen (old)")
    assert fee.is_old and not ac._from_a_copy(fee)
    # No dollar figure the fee data do not hold (recheck46 audit s46, 6).
    assert "$45" not in note and "$90" not in note
    for inputs in (
        {},
        {"backup_specialty": "family-medicine", "backup_programs": 30},
        {"primary_specialty": "obstetrics-gynecology"},
        {"applicant_type": "us-md"},
    ):
        assert note in unescape(str(ac.render(ac.compute(inputs))))  # type: ignore[arg-type]
    # Visible on the built page: before the collapsed method, not in it.
    page = unescape(render_calculator(ac))  # type: ignore[arg-type]
    assert page.index(note) < page.index("<details")
    assert not any(fee["item"].startswith("NRMP couple") for fee in ac.compute({})["items"])
    # Said as the guides say it: the rank order list page's couples section
    # and the cost page give the same proportion and the same instruction.
    guide = (Path(__file__).parent.parent / "docs" / "apply" / "rank-order-list.md").read_text(encoding="utf-8")
    couples = guide.split("## Ranking as a couple", 1)[1].split("\n## ", 1)[0]
    assert "a secondary guide, undated, gives three times that per partner (Level Medicine, Couples Match, read" in couples
    assert "but we could not confirm the current fee with the NRMP, so budget for the higher figure" in couples
    # The method's list says the same of the couple fee.
    method = " ".join(unescape(re.sub(r"<[^>]+>", " ", str(ac.method()))).split())
    assert f"The NRMP's couple fee: {ac.couple_fee_said()} {ac.couple_how_to_add(2027)}" in method


def test_the_late_fee_day_a_couple_adds_is_the_cycles_own(monkeypatch: pytest.MonkeyPatch) -> None:
    # "After 30 November" was typed beside the cycle's own early-registration
    # date (diff review s54, 10): a different day in the cycle's data is said.
    from dataclasses import replace

    from calculators import cycle

    real = cycle.season

    def moved(year: int) -> dict[str, cycle.SeasonDate]:
        dates = real(year)
        early = dates["early_registration_ends"]
        return {**dates, "early_registration_ends": replace(early, date=early.date.replace(day=1, month=12))}

    monkeypatch.setattr(cycle, "season", moved)
    assert ac.couple_how_to_add(2027).endswith("for each of you who registers after 1 December 2026 (estimated).")
    assert "after 1 December 2027" in ac.couple_fee_note(2028)
    pin_build_date(monkeypatch, "2026-12-07")
    method = " ".join(unescape(re.sub(r"<[^>]+>", " ", str(ac.method()))).split())
    assert "$50 more after 1 December 2026 (estimated)" in method and "30 November" not in method


def _not_in_the_total() -> list[str]:
    """The method's list of what the total leaves out, item by item, as read."""
    html = unescape(str(ac.method()))
    section = html.split("<h4>Not in the total</h4>", 1)[1]
    listed = section[: section.index("</ul>")]
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in re.findall(r"<li>(.*?)</li>", listed)]


def test_what_the_total_leaves_out_is_a_list_one_fee_an_item_with_every_fact_and_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "Not included: ..." was one sentence of 126 words, with the couple fee
    # buried in it (couples audit s54, 8).
    pin_build_date(monkeypatch, "2026-12-07")
    items = _not_in_the_total()
    assert len(items) == 10
    said = " ".join(items)
    assert "Not included:" not in unescape(str(ac.method()))
    # No sentence runs long for a worried reader.
    sentences = [sentence for item in items for sentence in re.split(r"(?<=\.) (?=[A-Z])", item)]
    assert max(len(sentence.split()) for sentence in sentences) <= 40, max(sentences, key=lambda x: len(x.split()))
    # Every fact and source the sentence held, each in its own item.
    assert items[0] == "USMLE Step 1 and Step 2 CK fees."
    assert items[1] == "USMLE Step 3, unless you tick that you sit it this season."
    assert "Away rotations." in items and "Any supplemental application fees." in items
    late = next(item for item in items if item.startswith("The NRMP's late registration fee"))
    assert late == (
        "The NRMP's late registration fee: $50 more after 30 November 2026 (estimated), an old figure (NRMP match fees "
        "page, 2016-17)."
    )
    couple = next(item for item in items if item.startswith("The NRMP's couple fee"))
    assert "$15 for each partner, so $30 for the two of you" in couple and "(Level Medicine, Couples Match, cited under" in couple
    assert "budget for the higher figure and check the NRMP's fees page" in couple
    long_list = next(item for item in items if "100 or more ranks" in item)
    assert data.NRMP_RANK_LIMIT.cite() in long_list and "our data hold no figure for it" in long_list
    # Visa costs, named before with no source, now with the fees ECFMG lists,
    # and the IMG costs the result's own list names (planner audit s54, 6).
    visa = next(item for item in items if item.startswith("Visa costs."))
    assert "SEVIS fee" in visa and data.ECFMG_J1_FEES.cite() in visa
    assert ac.PATHWAY_AND_OET.said in items and ac.OBSERVERSHIPS.said in items
    assert said.count("$") == 4  # the late fee, the couple fee per partner and for two, and the guide's multiple of it


def test_the_first_year_help_takes_standalone_preliminary_programs_too() -> None:
    # A general surgery reader could not tell whether standalone preliminary
    # surgery applications belong in this field (surgprelim audit s45, 6).
    field = next(f for f in ac.FIELDS if f.name == "first_year_programs")
    assert "Diagnostic Radiology" in field.help
    assert "standalone preliminary programs you apply to as a fallback" in field.help
    assert "preliminary surgery beside general surgery" in field.help


# --- What the result leaves out for an IMG -------------------------------------------
@pytest.mark.parametrize("applicant", APPLICANTS)
def test_an_img_result_says_observerships_and_externships_are_not_counted(applicant: str) -> None:
    # "$5,280 estimated for one Match season" said nothing of observerships or
    # externships; only the page's caveats named them (oldgrad audit s52, 10).
    result = compute(applicant_type=applicant)
    html = unescape(str(ac.render(result)))  # type: ignore[arg-type]
    line = "Observerships or externships, with their fees, travel and rent. We hold no figure for them."
    is_img = applicant in data.IMG_TYPES
    assert (line in result["img_points"]) is is_img  # type: ignore[operator]
    assert (f"<li>{line}</li>" in html) is is_img
    # No figure: we hold no sourced one.  Not among the fees our data leave
    # unpriced for the lists entered, which say "which our data do not hold".
    assert "$" not in line
    assert result["not_counted"] == []
    # Said under a ResidencyCAS-only list too, where no ERAS token is charged.
    em = compute(applicant_type=applicant, primary_specialty="emergency-medicine")
    assert (line in em["img_points"]) is is_img  # type: ignore[operator]


IMG_LEFT_OUT = {
    "us-md": [],
    "us-do": [],
    "us-img": ["observerships or externships", "ECFMG's Pathway and OET fees"],
    "non-us-img": ["observerships or externships", "ECFMG's Pathway and OET fees", "USMLE Step 3", "visa fees"],
}


@pytest.mark.parametrize("applicant", APPLICANTS)
def test_an_imgs_total_is_called_a_floor_in_the_headline_with_what_it_leaves_out(
    monkeypatch: pytest.MonkeyPatch, applicant: str
) -> None:
    # "Estimated whole-season cost: $3,480" to an IMG who may also pay for
    # Step 3, ECFMG's Pathway and OET, observerships and a visa, named only in
    # the notes and the collapsed caveats (planner audit s54, 6).
    pin_build_date(monkeypatch, "2026-12-07")
    result = compute(applicant_type=applicant)
    named = IMG_LEFT_OUT[applicant]
    assert result["img_left_out"] == named
    headline = _headline(result)
    html = unescape(str(ac.render(result)))  # type: ignore[arg-type]
    total = f"${result['total']:,}"
    if not named:
        assert headline.startswith(total) and "Not counted" not in headline
        assert "at least" not in str(result["summary"]) and "Not in the total for an IMG" not in html
        assert "The chart's percentages" not in html
        return
    from calculators.html import and_list

    assert headline.startswith(f"At least {total} estimated for the whole of ERAS 2027 (Match 2027)")
    # Named once above the list, in the summary, not in the headline too (diff review s54, 14).
    assert headline.endswith("the newest we hold.") and "Not counted" not in headline
    assert str(result["summary"]).startswith(f"Estimated whole-season cost: at least {total},")
    # In a sentence of its own: as one, the summary ran to 39 words (diff review s54b, 11).
    assert str(result["summary"]).endswith(f". Not counted: {and_list(named)}, where they apply to you.")
    assert all(len(sentence.split()) <= 35 for sentence in str(result["summary"]).split(". "))
    # Each in full, with its source, in a list under the total's notes.
    points: list[str] = result["img_points"]  # type: ignore[assignment]
    assert len(points) == len(named)
    assert html.index("Not in the total for an IMG, where they apply to you:") < html.index(f"<li>{points[0]}</li>")
    assert all(f"<li>{point}</li>" in html for point in points)
    pathway = next(point for point in points if point.startswith("ECFMG's Pathway"))
    assert "OET Medicine test fee" in pathway and data.ECFMG_PATHWAYS.cite() in pathway
    assert "if you have not yet met ECFMG's clinical and communication skills requirements" in pathway
    if applicant == "non-us-img":
        visa = next(point for point in points if point.startswith("Visa fees"))
        assert "SEVIS fee" in visa and data.ECFMG_J1_FEES.cite() in visa and "if you need a visa" in visa
    # The chart's shares are of the counted sum, not of these.
    assert f"The chart's percentages are shares of the {total} counted here, not of the costs named above" in html


def test_a_non_us_img_is_asked_to_tick_step_3_for_an_h1b_and_it_leaves_the_list_once_counted() -> None:
    # The H-1B route needs Step 3, which the total counted only if ticked, and
    # the form asks no visa (planner audit s54, 6): the reader is asked to tick it.
    unticked = compute(applicant_type="non-us-img")
    (point,) = [p for p in unticked["img_points"] if p.startswith("USMLE Step 3")]  # type: ignore[attr-defined]
    label = next(f.label for f in ac.FIELDS if f.name == "step3_this_season")
    assert label == ac.STEP3_LABEL
    assert f"if you are aiming for an H-1B, tick “{label}” to count it." in point
    # Its figure with its year and source, as the line gives it once ticked.
    assert f"the FSMB's fee was ${ac.STEP_3.amount_usd} in {ac.STEP_3.season_or_year} ({ac.STEP_3.source})" in point
    assert f"(see “{data.FAQ_VISA_ANSWER}” in the FAQ)" in point
    ticked = compute(applicant_type="non-us-img", step3_this_season="true")
    assert item(ticked, "USMLE Step 3 exam")["amount"] == int(ac.STEP_3.amount_usd)
    assert "USMLE Step 3" not in ticked["img_left_out"]  # type: ignore[operator]
    assert ticked["img_left_out"] == ["observerships or externships", "ECFMG's Pathway and OET fees", "visa fees"]
    # Still a floor: the other costs are still left out.
    assert "at least $" in str(ticked["summary"])
    # A US citizen needs no visa: neither Step 3 nor visa fees are named, ticked or not.
    assert not any("H-1B" in p for p in compute(applicant_type="us-img")["img_points"])  # type: ignore[attr-defined]


def test_the_faqs_cost_answer_tells_an_img_the_total_is_a_floor_and_what_it_leaves_out() -> None:
    # The FAQ's answer named none of an IMG's largest costs beside the fees
    # (planner audit s54, 6).
    faq = (Path(__file__).parent.parent / "docs" / "faq.md").read_text(encoding="utf-8")
    answer = faq.split("## What will it cost?", 1)[1].split("\n## ", 1)[0]
    (said,) = [paragraph for paragraph in answer.split("\n\n") if paragraph.startswith("For an IMG")]
    assert "For an IMG, its total is the least you will spend" in said
    import macros

    for words in ("Pathway and OET Medicine fees", '{{ cited("ecfmg-pathways") }}', "observerships", "SEVIS fee"):
        assert words in said, words
    assert "(ECFMG, Exchange Visitor Sponsorship Program: fees, read 2026)" in said
    # Step 3's figure and the Pathways citation come from the data through
    # macros, where they were typed (diff review s54, 10): with its year and
    # its copy named, and counted, as the calculator counts it, only when ticked.
    assert 'Step 3 cost {{ fee("USMLE Step 3") }}.' in said and "$" not in said
    assert unescape(re.sub(r"<[^>]+>", "", str(macros.fee("USMLE Step 3")))) == (
        f"${ac.STEP_3.amount_usd} in {ac.STEP_3.season_or_year} ({ac.STEP_3.source})"
    )
    assert ac.STEP_3.status == "secondary" and ac.STEP_3.source.startswith("copy of the FSMB")
    assert data.ECFMG_PATHWAYS.cite() in str(macros.cited("ecfmg-pathways"))
    assert "the calculator counts it only when you tick it" in said


# --- A season already under review --------------------------------------------------
# The mid-season reader: applied to 70 internal medicine programs in September
# 2026 for the Match 2027, adding 40 family medicine programs on 7 December.
MID_SEASON = {
    "applicant_type": "us-img",
    "primary_specialty": "internal-medicine",
    "primary_programs": 70,
    "backup_specialty": "family-medicine",
    "backup_programs": 40,
}


def _mid_season_note(monkeypatch: pytest.MonkeyPatch, today: str, **inputs: object) -> str | None:
    """The mid-season points as one text, or None where there are none."""
    pin_build_date(monkeypatch, today)
    points: list[str] = ac.compute({**MID_SEASON, **inputs})["mid_season_points"]  # type: ignore[assignment]
    return " ".join(points) or None


def test_a_reader_adding_programs_mid_season_is_told_the_new_money_and_which_lines_are_paid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The total priced a whole new season, token, transcript and NRMP
    # registration included, with nothing to say which part was new (midseason
    # audit s52, 8).
    pin_build_date(monkeypatch, "2026-12-07")
    result = ac.compute(MID_SEASON)
    note = " ".join(result["mid_season_points"])
    assert note.startswith("Applied earlier in ERAS 2027 (Match 2027) and adding programs now?")
    # The new money is the added specialty's own line, by the same schedule.
    assert ac.eras_schedule().fee(40) == 630 == item(result, "ERAS application fees: Family Medicine")["amount"]
    assert "priced on its own from program 1: Family Medicine, 30 × $11 + 10 × $30 = $630." in note
    assert "So if your 70 Internal Medicine programs went out earlier, the next one costs $30." in note
    # The lines already paid are named as the table names them.
    assert (
        "not new if you paid them when you first applied: the lines “USMLE transcript sent through ERAS” and “ECFMG ERAS token”."
        in note
    )
    assert "The line “NRMP registration” is once a season as well: it is not new if you have registered." in note
    # Its fees are named old for the season under review, whose own fees are out.
    assert "Old figure: these ERAS fees are from AAMC" in note
    # Which newer seasons' fees we lack, said once, in the note on fees under the total (diff review s53, 10).
    assert "(ERAS 2025 and 2026 seasons); the note on fees below says which newer ones we do not hold." in note
    page = unescape(str(ac.render(ac.compute(MID_SEASON))))
    assert page.count("we do not hold the AAMC's fees for the ERAS 2027 season") == 1
    # A week past 30 November, the late fee: with its source and year, out of the total.
    assert (
        "If you have not, registering now adds the NRMP's late fee, $50 more: registration without it ended on "
        "30 November 2026 (estimated). Old figure (2016-17), from the NRMP match fees page; it is not in the total."
    ) in note
    assert result["total"] == 3480
    # Not yet too late for an interview (the timeline's line falls after 20 December).
    assert "now is unlikely to bring an interview" not in note
    # Listed point by point, each point whole on the page (diff review s52, 13).
    html = unescape(str(ac.render(result)))
    points = result["mid_season_points"]
    assert len(points) > 3 and points[0].startswith("Applied earlier in ERAS 2027")
    assert f"<p>{points[0]}</p>" in html and all(f"<li>{point}</li>" in html for point in points[1:])
    # One copy of the points: the joined note beside them was read by nothing.
    assert "mid_season_note" not in result
    # Read first, before the total it points down to, which is labelled as the
    # whole season's, the $1,000 virtual season median kept in it (midseason
    # audit s52, 8).
    assert html.startswith(f'<div class="mpb-result-body"><div class="mpb-note"><p>{points[0]}</p>')
    assert "The total below is for the whole season, so only part of it is new money." in points[0]
    assert html.index(points[-1]) < html.index("mpb-headline") < html.index("this page prices ERAS 2027 (Match 2027)")
    # With the season its application fees are priced at, which is not the
    # reader's: the two seasons sat a line apart (aiminghigh audit s54, 11).
    assert (
        '<p class="mpb-headline">At least <strong>$3,480</strong> estimated for the whole of ERAS 2027 (Match 2027), '
        "with application fees at ERAS prices for the Match 2026, the newest we hold.</p>"
    ) in html
    assert result["summary"].startswith("Estimated whole-season cost: at least $3,480,")
    assert item(result, "Virtual interviews")["amount"] == 1000
    # Our fees are one season behind the reader's, which is under way, not two
    # behind the next (midseason audit s52, 8).
    # Two only for the reader planning the next season, said so (diff review s53b, 5).
    assert "2025 and 2026 seasons, 1 season before yours" in html
    assert html.count("2 seasons before yours") == 1 and "Planning for ERAS 2028 (Match 2028) instead?" in html


@pytest.mark.parametrize("today", ["2026-07-01", "2026-09-23", "2027-02-17", "2027-03-01"])
def test_outside_a_season_under_review_there_is_no_mid_season_note(monkeypatch: pytest.MonkeyPatch, today: str) -> None:
    # Programs start reading on 23 September 2026 (an application sent that
    # day is on time) and the rank lists close by our estimate on 17 February.
    assert _mid_season_note(monkeypatch, today) is None
    result = ac.compute(MID_SEASON)
    html = str(ac.render(result))
    assert "adding programs now" not in html
    # The total keeps its plain label, for one season.
    assert "estimated for one Match season" in html and "whole" not in str(result["summary"])


def test_the_late_fee_is_said_only_after_registration_without_it_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    for today, late in (("2026-09-24", False), ("2026-11-30", False), ("2026-12-01", True)):
        note = str(_mid_season_note(monkeypatch, today))
        assert ("NRMP's late fee" in note) is late, today
        assert "The line “NRMP registration” is once a season as well" in note


def test_a_published_registration_date_is_shown_without_the_estimate_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    # The Match 2026's dates are the NRMP's own in our table, and its ERAS
    # schedule is confirmed for that season.
    note = str(_mid_season_note(monkeypatch, "2025-12-07"))
    assert "registration without it ended on 30 November 2025. Old figure (2016-17)" in note
    assert "(ERAS 2025 and 2026 seasons), confirmed for ERAS 2026 (Match 2026)." in note
    assert "Old figure: these ERAS fees" not in note


def test_past_the_interview_line_the_note_says_an_application_now_is_unlikely_to_bring_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A price alone read as advice to send after the timeline's "too late".
    # Until then it gives the last useful day, as program counts does (midseason audit s52, 1).
    in_time = str(_mid_season_note(monkeypatch, "2026-12-20"))
    assert "now is unlikely to bring an interview" not in in_time and in_time.endswith(cycle.send_by(2027))
    note = str(_mid_season_note(monkeypatch, "2026-12-21"))
    assert "The last useful day" not in note
    assert "An application sent now is unlikely to bring an interview before the rank lists close on 17 February 2027" in note
    assert cycle.SHORT_OF_INTERVIEWS in note


@pytest.mark.parametrize("sent", [1, 20, 29, 30, 31, 70, 999])
def test_the_next_program_in_the_first_choice_is_priced_by_the_same_tiers(monkeypatch: pytest.MonkeyPatch, sent: int) -> None:
    note = str(_mid_season_note(monkeypatch, "2026-12-07", primary_programs=sent))
    price = 11 if sent < 30 else 30
    assert f"went out earlier, the next one costs ${price}." in note


def test_a_first_year_list_added_mid_season_is_named_with_its_own_price(monkeypatch: pytest.MonkeyPatch) -> None:
    note = str(_mid_season_note(monkeypatch, "2026-12-07", first_year_programs=5))
    assert (
        "A specialty you first apply to now, or for a preliminary or transitional year, is new money, priced on its own "
        "from program 1: Family Medicine, 30 × $11 + 10 × $30 = $630; preliminary or transitional year, 5 × $11 = $55 "
        "($685 together). A third, which this form cannot hold, is priced the same way."
    ) in note
    # Without a backup or first year, only the first choice's next price is given.
    alone = str(_mid_season_note(monkeypatch, "2026-12-07", backup_specialty="", backup_programs=0))
    assert "A specialty you first apply to now" not in alone and "the next one costs $30" in alone


def test_after_a_residencycas_first_choice_the_eras_once_a_season_lines_are_new_money(monkeypatch: pytest.MonkeyPatch) -> None:
    em_fm = {"primary_specialty": "emergency-medicine", "primary_programs": 40, "backup_programs": 25}
    note = str(_mid_season_note(monkeypatch, "2026-12-07", **em_fm))
    assert note.startswith("Applied earlier for the Match 2027 and adding programs now?")
    # The headline names the season as the note does, by its Match.
    html = unescape(str(ac.render(ac.compute({**MID_SEASON, **em_fm}))))
    assert (
        "estimated for the whole of the Match 2027, with application fees at ResidencyCAS and ERAS prices for the "
        "Match 2026, the newest we hold, plus ECFMG's fee"
    ) in html
    assert (
        # Only if no ERAS application went out earlier: an FM backup sent in
        # September paid them then (EM audit s53, 3).
        "Emergency Medicine goes through ResidencyCAS, not ERAS, so if you have not applied through ERAS yet this "
        "season, ERAS's once-a-season charges are new money too: the lines “USMLE transcript sent through ERAS” and “ECFMG ERAS token”."
    ) in note
    assert "Family Medicine, 25 × $11 = $275." in note and "the next one costs" not in note
    # A reader with no ERAS list has no ERAS fee to add now: no note.
    assert (
        _mid_season_note(
            monkeypatch, "2026-12-07", primary_specialty="emergency-medicine", backup_specialty="", backup_programs=0
        )
        is None
    )


@pytest.mark.parametrize(("today", "said"), [("2026-12-07", True), ("2026-07-01", False)])
def test_mid_season_a_reader_planning_the_next_season_is_told_the_fees_are_a_season_older(
    monkeypatch: pytest.MonkeyPatch, today: str, said: bool
) -> None:
    # The page counted the season under way as every reader's, with no word
    # for one applying next year (diff review s53, 4).
    pin_build_date(monkeypatch, today)
    page = unescape(str(ac.render(ac.compute(MID_SEASON))))
    planning = (
        "Planning for ERAS 2028 (Match 2028) instead? The table's lines are the same, and our fees are then 2 seasons "
        "before yours."
    )
    assert (planning in page) is said and ("Planning for " in page) is said


# --- Whether the reader applied in the season under review ------------------------------------
# A reader planning the Match 2028 on 7 December 2026 was priced "the whole of
# ERAS 2027" and told of a late fee for a registration that was not theirs
# (planner audit s54, 3).
def _priced(monkeypatch: pytest.MonkeyPatch, answer: str | None, today: str = "2026-12-07") -> tuple[dict, str]:
    pin_build_date(monkeypatch, today)
    result = ac.compute({**MID_SEASON, **applied_this_season(answer)})
    return dict(result), unescape(str(ac.render(result)))


def test_a_reader_who_has_not_applied_this_season_is_priced_for_the_next_without_the_mid_season_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result, html = _priced(monkeypatch, "no")
    assert result["mid_season_points"] == [] and result["reader_season"] == 2028 and not result["season_under_way"]
    for running in ("adding programs now", "registration without it ended", "the whole of ERAS 2027", "Planning for"):
        assert running not in html, running
    said = (
        "As you answered, you have not applied for the Match 2027, so this is priced for ERAS 2028 (Match 2028), the "
        "next season you can apply to on time."
    )
    assert result["next_season"] == said
    # First, then the total named for that season, beside the season of the fees we hold.
    assert html.startswith(f'<div class="mpb-result-body"><p class="mpb-note">{said}</p><p class="mpb-headline">')
    assert (
        "At least <strong>$3,480</strong> estimated for ERAS 2028 (Match 2028), with application fees at ERAS prices "
        "for the Match 2026, the newest we hold."
    ) in html
    assert "2 seasons before yours; we do not hold the AAMC's fees for the ERAS 2027 season" in html
    assert str(result["summary"]).startswith("Estimated season cost: at least $3,480,")
    # The same lines and the same total: only the season they are said for moves.
    assert result["total"] == 3480


def test_a_reader_who_applied_this_season_keeps_the_mid_season_note_without_its_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result, html = _priced(monkeypatch, "yes")
    unsaid, _ = _priced(monkeypatch, None)
    points = result["mid_season_points"]
    assert points[0] == (
        "As you answered, you applied for the Match 2027. Adding programs now? The total below is for the whole "
        "season, so only part of it is new money."
    )
    assert points[1:] == unsaid["mid_season_points"][1:] and result["next_season"] is None
    # The season priced is the one they applied to: "the next season you can
    # apply to on time is ERAS 2028, but this page counts yours as ERAS 2027"
    # read to an on-time applicant as "you were late" (interview audit s56, 10).
    assert "this page prices ERAS 2027 (Match 2027), the season you applied to." in html
    assert "ERAS 2028" not in html and "counts yours" not in html
    # Not asked what it has been told.
    assert "Planning for" not in html and "Applied earlier" not in html


def test_not_saying_whether_you_applied_asks_it_in_the_mid_season_note(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pinned in its words on one day: compared only with the field left out,
    # through the same code, a change to the Not said text passed (diff review s55, 13).
    result, html = _priced(monkeypatch, "not-said")
    assert result["mid_season_points"] == [
        "Applied earlier in ERAS 2027 (Match 2027) and adding programs now? The total below is for the whole season, "
        "so only part of it is new money.",
        "A specialty you first apply to now is new money, priced on its own from program 1: Family Medicine, "
        "30 × $11 + 10 × $30 = $630. A third, which this form cannot hold, is priced the same way.",
        "More programs in a specialty you have already applied to are priced from where its count stands (programs "
        "1–30: $11 each; program 31 and above: $30 each). So if your 70 Internal Medicine programs went out earlier, "
        "the next one costs $30.",
        'Old figure: these ERAS fees are from AAMC, "Fees for 2025 ERAS season" / "Fee announcement: 2025 ERAS '
        'residency applications" (ERAS 2025 and 2026 seasons); the note on fees below says which newer ones we do '
        "not hold.",
        "Charged once a season, so not new if you paid them when you first applied: the lines “USMLE transcript sent "
        "through ERAS” and “ECFMG ERAS token”.",
        "The line “NRMP registration” is once a season as well: it is not new if you have registered. If you have "
        "not, registering now adds the NRMP's late fee, $50 more: registration without it ended on 30 November 2026 "
        "(estimated). Old figure (2016-17), from the NRMP match fees page; it is not in the total.",
        "The interview lines price a whole season: the new programs add only the interviews they bring.",
        "The last useful day to send a new application is about 20 December 2026: one sent later is unlikely to "
        "bring an interview. That day is this site's rule of thumb, not an article's: interviews begin about a month "
        "after an application goes in, and need at least four weeks before the rank lists close. We count those "
        "weeks back from our estimate of the rank-list deadline, which we set early on purpose. If the NRMP's "
        "deadline falls as in 2024 and 2026, new applications help about one to two weeks longer (in the NRMP "
        "calendars we hold, the deadline fell 16 and 23 days before Match Day). That is until about 27 December 2026 to 3 January 2027. Send as soon as you can, and do not "
        "turn down an interview before the NRMP's published deadline.",
    ]
    assert (
        "Planning for ERAS 2028 (Match 2028) instead? The table's lines are the same, and our fees are then 2 seasons "
        "before yours."
    ) in html
    assert result["next_season"] is None and "As you answered" not in html
    # No answer at all reads the same.
    assert (result, html) == _priced(monkeypatch, None)


# An emergency medicine reader with no backup has no ERAS line, so no
# mid-season note: a Yes read exactly as Not said (diff review s55, 5).
EM_ONLY = {"primary_specialty": "emergency-medicine", "primary_programs": 40, "backup_specialty": "", "backup_programs": 0}


@pytest.mark.parametrize(("today", "day"), [("2026-09-25", "25 September 2026"), ("2026-12-07", "7 December 2026")])
def test_an_emergency_medicine_reader_with_no_backup_hears_each_answer(
    monkeypatch: pytest.MonkeyPatch, today: str, day: str
) -> None:
    pin_build_date(monkeypatch, today)
    shown = {}
    for answer in ("not-said", "yes", "no"):
        result = ac.compute({**MID_SEASON, **EM_ONLY, **applied_this_season(answer)})
        assert result["mid_season_points"] == [], answer
        shown[answer] = (dict(result), unescape(str(ac.render(result))))
    (unsaid, unsaid_page), (applied, applied_page), (planning, planning_page) = shown.values()
    # Not said: the season under way, and the next one asked about.
    counted_as = f"As of {day}, this page counts your season as the Match 2027, the season under way."
    assert counted_as in unsaid_page and "Planning for the Match 2028 instead?" in unsaid_page
    assert "As you answered" not in unsaid_page
    # Yes: said once, in the note on the season, and not asked again.
    assert f"As you answered, you applied for the Match 2027. {counted_as}" in applied_page
    assert applied_page.count("As you answered") == 1 and "Planning for" not in applied_page
    assert applied["reader_season"] == unsaid["reader_season"] == 2027
    # No: priced for the next Match.
    assert planning["next_season"] == (
        "As you answered, you have not applied for the Match 2027, so this is priced for the Match 2028, the next "
        "season you can apply to on time."
    )
    assert planning["reader_season"] == 2028 and "the season under way" not in planning_page


def test_an_obgyn_reader_whose_fees_we_do_not_hold_hears_a_yes_too(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without a fee schedule there was no note on the season to say it in.
    pin_build_date(monkeypatch, "2026-12-07")
    obgyn = {**MID_SEASON, **EM_ONLY, "primary_specialty": "obstetrics-gynecology"}
    applied = unescape(str(ac.render(ac.compute({**obgyn, **applied_this_season("yes")}))))
    unsaid = unescape(str(ac.render(ac.compute(obgyn))))
    assert '<p class="mpb-note">As you answered, you applied for the Match 2027.</p>' in applied
    assert "As you answered" not in unsaid


def test_a_yes_is_said_once_where_the_mid_season_note_says_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # With an ERAS backup the note's first point says the answer, and the note on the season does not repeat it.
    pin_build_date(monkeypatch, "2026-12-07")
    em_fm = {"primary_specialty": "emergency-medicine", "primary_programs": 40, "backup_programs": 25}
    result = ac.compute({**MID_SEASON, **em_fm, **applied_this_season("yes")})
    assert result["mid_season_points"][0].startswith("As you answered, you applied for the Match 2027. Adding programs now?")
    assert unescape(str(ac.render(result))).count("As you answered") == 1
    # ResidencyCAS's first choice is asked of the Match.
    asked = ac.compute({**MID_SEASON, **em_fm})["mid_season_points"][0]
    assert asked.startswith("Applied earlier for the Match 2027 and adding programs now?")
    no = ac.compute({**MID_SEASON, **em_fm, **applied_this_season("no")})
    assert no["next_season"] is not None and "so this is priced for the Match 2028," in no["next_season"]


# --- interview audit s56, 2: the new money first on the phone's pinned line ---------------------------------------
# The audit's reader sent 80 internal medicine applications and priced 40
# family medicine ones on 7 December 2026.
INTERVIEW56 = {**MID_SEASON, "primary_programs": 80, "virtual_interviews": 3}


def _pinned(monkeypatch: pytest.MonkeyPatch, answer: str | None, today: str = "2026-12-07", **inputs: object) -> dict:
    pin_build_date(monkeypatch, today)
    return dict(ac.compute({**INTERVIEW56, **inputs, **applied_this_season(answer)}))


def test_a_reader_who_applied_this_season_pins_the_new_money_and_the_last_useful_day(monkeypatch: pytest.MonkeyPatch) -> None:
    from calculators.render import render_result

    # The phone pinned "Estimated whole-season cost: at least $3,780" where
    # the new money was $630, and not 20 December (interview audit s56, 2).
    result = _pinned(monkeypatch, "yes")
    assert result["gist"] == "Send by about 20 December 2026. New money for a Family Medicine backup: $630."
    assert f'<p class="mpb-gist" hidden>{result["gist"]}</p>' in str(render_result(ac, result))
    # The figure is the one the mid-season note computes.
    assert "Family Medicine, 30 × $11 + 10 × $30 = $630." in " ".join(result["mid_season_points"])
    assert str(result["summary"]).startswith("Estimated whole-season cost: at least $3,780,")
    # With no answer, or planning the next season, the summary is pinned as before.
    for answer in ("no", "not-said", None):
        unsaid = _pinned(monkeypatch, answer)
        assert unsaid["gist"] == unsaid["summary"] and not unsaid["gist"].startswith("New money"), answer
    assert _pinned(monkeypatch, "not-said")["gist"].startswith("Estimated whole-season cost: at least $3,780,")
    # Past the last useful day too.
    late = _pinned(monkeypatch, "yes", today="2026-12-21")
    assert late["gist"] == late["summary"]
    # A long name gives way to the day; a name after a vowel takes "an".
    long_name = _pinned(monkeypatch, "yes", backup_specialty="pmr")
    assert long_name["gist"] == "Send by about 20 December 2026. New money for your backup: $630."
    vowel = _pinned(monkeypatch, "yes", backup_specialty="anesthesiology")
    assert vowel["gist"] == "Send by about 20 December 2026. New money for an Anesthesiology backup: $630."
    # Two lists added, together.
    both = _pinned(monkeypatch, "yes", first_year_programs=5)
    assert both["gist"] == "Send by about 20 December 2026. New money for the lists you add: $685."
    assert "($685 together)" in " ".join(both["mid_season_points"])
    # No list of its own added: each more program in the first choice.
    alone = _pinned(monkeypatch, "yes", backup_specialty="", backup_programs=0)
    assert alone["gist"] == "Send by about 20 December 2026. New money for each Internal Medicine program you add: $30."
    # The day leads, so a long name gives way, not the day (diff review s56, 5).
    plastics = _pinned(monkeypatch, "yes", primary_specialty="plastic-surgery", backup_specialty="", backup_programs=0)
    assert plastics["gist"] == "Send by about 20 December 2026. Each program you add: $30."
    # A first choice whose ResidencyCAS has closed takes no more programs, at
    # ERAS's price or any other (diff review s56, 1).
    for closed in ("emergency-medicine", "obstetrics-gynecology"):
        shut = _pinned(monkeypatch, "yes", primary_specialty=closed, backup_specialty="family-medicine", backup_programs=0)
        assert shut["gist"] == "Send any backup applications through ERAS by about 20 December 2026.", closed


def test_every_pinned_line_of_a_reader_adding_programs_keeps_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from calculators.registry import PINNED_LINE_CHARS

    pin_build_date(monkeypatch, "2026-12-07")
    seen: set[str] = set()
    for primary, backup, programs, first_year, applicant in itertools.product(
        [s.slug for s in data.SPECIALTIES],
        ["", "family-medicine", "pmr", "obstetrics-gynecology"],
        (1, 30, 80),
        (0, 5),
        ("us-img", "us-do"),
    ):
        if primary == backup:
            continue
        inputs = {
            "applicant_type": applicant,
            "primary_specialty": primary,
            "primary_programs": programs,
            "backup_specialty": backup,
            # No backup programs entered yet, too (diff review s56, 13).
            "backup_programs": 40 if backup and programs != 30 else 0,
            "first_year_programs": first_year,
            "ranked_programs": 1,
            "virtual_interviews": 1,
        }
        result = ac.compute({**inputs, **applied_this_season("yes")})
        gist = str(result["gist"])
        if not result["mid_season_points"]:
            # No ERAS list to price (an emergency medicine list alone): as before.
            assert gist == result["summary"], inputs
            seen.add("as before")
            continue
        assert len(gist) <= PINNED_LINE_CHARS and gist.startswith("Send "), (inputs, gist)
        seen.add("dated" if "by about 20 Dec" in gist else "undated")
        if "through ERAS" in gist:
            # A closed ResidencyCAS first choice: no price for its programs.
            assert data.via_residencycas(primary) and "$" not in gist, (inputs, gist)
            seen.add("closed")
            continue
        # Its figure is one the note gives.
        amount = re.search(r": (\$[\d,]+)\.", gist)
        assert amount and amount[1] in " ".join(result["mid_season_points"]), (inputs, gist)
        seen.add("list" if "backup" in gist or "list" in gist else "program")
        assert ac.compute(inputs)["gist"] == ac.compute(inputs)["summary"]
    assert {"as before", "dated", "list", "program", "closed"} <= seen and "undated" not in seen, seen
