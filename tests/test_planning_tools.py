"""The planning tools: timeline and calendar file, packet rules, and the rank
simulator against brute-force stability and strategy-proofness checks."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import InputError, packet_check, rank_simulator, timeline
from calculators.rank_simulator import Market, blocking_pairs, deferred_acceptance, outcome_with_list, rank_of


# --- timeline -------------------------------------------------------------------
def parse_ics(text: str) -> list[dict[str, str]]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines: list[str] = []
    for raw in text.split("\r\n")[:-1]:
        assert len(raw.encode()) <= 75
        if raw.startswith(" "):
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR" and "VERSION:2.0" in lines
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            key, _, value = line.partition(":")
            current[key] = value
    return events


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2025, 1, 1), dt.date(2035, 12, 31)), st.booleans(), st.booleans())
def test_timeline_is_ordered_spans_18_months_and_its_calendar_parses(day: dt.date, dual: bool, unmatched: bool) -> None:
    result = timeline.compute({"eras_submission": day, "dual_applying": dual, "previously_unmatched": unmatched})
    dates = [dt.date.fromisoformat(m["date"]) for m in result["milestones"]]
    assert dates == sorted(dates)
    assert dates[0] == timeline.months_from(day, -18)
    assert dates[-1].month == 3 and dates[-1].year == day.year + 1 and dates[-1].weekday() == 4  # Match Day, a Friday
    events = parse_ics(result["ics"])
    assert len(events) == len(result["milestones"])
    assert [e["DTSTART;VALUE=DATE"] for e in events] == [d.strftime("%Y%m%d") for d in dates]
    assert len({e["UID"] for e in events}) == len(events)
    json.dumps(result)


def test_dual_and_unmatched_add_their_milestones() -> None:
    titles = lambda **kw: {m["title"] for m in timeline.compute(kw)["milestones"]}  # noqa: E731
    assert "Draft the backup statement" in titles(dual_applying=True)
    assert "Draft the backup statement" not in titles(dual_applying=False)
    assert "Debrief your last application" in titles(previously_unmatched=True)
    assert all("Approximate" in m["detail"] for m in timeline.compute({})["milestones"] if m["title"] == "Match Day")


def test_ics_escapes_text_and_download_link_is_a_data_url() -> None:
    assert timeline._escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert 'href="data:text/calendar;charset=utf-8,BEGIN%3AVCALENDAR' in timeline.render(timeline.compute({}))


def test_timeline_rejects_a_bad_date() -> None:
    with pytest.raises(InputError) as caught:
        timeline.compute({"eras_submission": "24/09/2027"})
    assert caught.value.field == "eras_submission" and "YYYY-MM-DD" in caught.value.message


# --- packet_check ------------------------------------------------------------------
CLEAN = {
    "programs": "name,specialty\nA,internal-medicine\nB,family-medicine\n",
    "documents": "id,kind,specialty\nS1,statement,internal-medicine\nS2,statement,family-medicine\n"
    "L1,letter,internal-medicine\nL2,letter,internal-medicine\nL3,letter,family-medicine\nL4,letter,family-medicine\n",
    "assignments": "program,document\nA,S1\nA,L1\nA,L2\nB,S2\nB,L3\nB,L4\n",
}


def messages(**changes: str) -> list[str]:
    return [p["message"] for p in packet_check.compute({**CLEAN, **changes})["problems"]]


def test_a_clean_packet_passes_and_the_default_example_has_a_slip_and_a_supporting_letter() -> None:
    assert packet_check.compute(CLEAN) == {**packet_check.compute(CLEAN), "ok": True, "problems": []}
    default = packet_check.compute({})
    assert not default["ok"]
    by_severity = {(p["severity"], p["program"]): p["message"] for p in default["problems"]}
    assert "Letter-Radiologist was written for diagnostic-radiology" in by_severity["error", "Lakeside Community IM"]
    assert "supporting letter" in by_severity["note", "Riverside Radiology"]
    assert "NOTE" in packet_check.render(default)


def severities(**changes: str) -> list[tuple[str, str]]:
    return [(p["severity"], p["message"]) for p in packet_check.compute({**CLEAN, **changes})["problems"]]


RADIOLOGY = {
    "programs": "name,specialty\nR,diagnostic-radiology\nA,internal-medicine\n",
    "documents": "id,kind,specialty\nSR,statement,diagnostic-radiology\nSA,statement,internal-medicine\n"
    "R1,letter,diagnostic-radiology\nR2,letter,diagnostic-radiology\nI1,letter,internal-medicine\n"
    "I2,letter,internal-medicine\nG1,letter,general-surgery\nP1,letter,pathology\n",
    "assignments": "program,document\nA,SA\nA,I1\nA,I2\nR,SR\nR,R1\n",
}


def radiology(*extra: str) -> list[tuple[str, str]]:
    inputs = {**RADIOLOGY, "assignments": RADIOLOGY["assignments"] + "".join(f"{line}\n" for line in extra)}
    return [(p["severity"], p["message"]) for p in packet_check.compute(inputs)["problems"]]


def test_letters_from_other_clinical_fields_are_supporting_notes_within_the_articles_counts() -> None:
    # Radiology article: 1-2 letters from other US clinicians next to the radiologists'.
    assert [s for s, _ in radiology("R,I1")] == ["note"]
    assert [s for s, _ in radiology("R,I1", "R,G1")] == ["note", "note"]
    assert packet_check.compute({**RADIOLOGY, "assignments": RADIOLOGY["assignments"] + "R,I1\nR,G1\n"})["ok"]
    # A third off-field letter is too many, even for radiology.
    three = radiology("R,I1", "R,G1", "R,I2")
    assert any(s == "error" and "3 letters from other fields" in m and "at most 2" in m for s, m in three)
    # Outside radiology one supporting letter (earlier field, surgeon mentor) is the articles' count.
    assert [s for s, _ in radiology("A,G1")] == ["note"]
    assert any("at most 1 supporting letter for internal-medicine" in m for s, m in radiology("A,G1", "A,R2") if s == "error")


def test_windows_line_endings_are_fine() -> None:
    windows = {key: text.replace("\n", "\r\n") for key, text in CLEAN.items()}
    assert packet_check.compute(windows)["problems"] == []


def test_wrong_letters_and_statements_are_still_errors() -> None:
    # A radiologist's or pathologist's letter cannot speak to ward work.
    assert any(s == "error" and "Letter R2 was written for diagnostic-radiology" in m for s, m in radiology("A,R2"))
    assert any(s == "error" and "Letter P1 was written for pathology" in m for s, m in radiology("R,P1"))
    # A supporting letter cannot stand in for the field's own letters.
    no_own = {**RADIOLOGY, "assignments": "program,document\nA,SA\nA,I1\nA,I2\nR,SR\nR,I1\n"}
    assert any("No letter written for diagnostic-radiology" in p["message"] for p in packet_check.compute(no_own)["problems"])
    # Statements are never interchangeable.
    assert any(s == "error" and "Statement SA was written for internal-medicine" in m for s, m in radiology("R,SA"))


def test_each_packet_rule() -> None:
    assert [s for s, m in severities(assignments=CLEAN["assignments"] + "A,L3\n") if "L3" in m] == ["note"]
    five = (
        "id,kind,specialty\nS1,statement,internal-medicine\nS2,statement,family-medicine\n"
        + "".join(f"L{i},letter,internal-medicine\n" for i in range(1, 6))
        + "L9,letter,family-medicine\nL8,letter,family-medicine\n"
    )
    many = "program,document\nA,S1\n" + "".join(f"A,L{i}\n" for i in range(1, 6)) + "B,S2\nB,L9\nB,L8\n"
    assert any("5 letters assigned; ERAS allows at most 4" in m for m in messages(documents=five, assignments=many))
    assert "No personal statement assigned." in messages(assignments=CLEAN["assignments"].replace("A,S1\n", ""))
    assert any("2 personal statements" in m for m in messages(assignments=CLEAN["assignments"] + "A,S2\n"))
    few = CLEAN["documents"].replace("L4,letter,family-medicine\n", "")
    assert any(
        "Only 1 letter(s) written for family-medicine" in m
        for m in messages(documents=few, assignments=CLEAN["assignments"].replace("B,L4\n", ""))
    )
    assert any("no program named “C”" in m for m in messages(assignments=CLEAN["assignments"] + "C,S1\n"))
    assert any("no document with id “X”" in m for m in messages(assignments=CLEAN["assignments"] + "A,X\n"))
    assert any("unknown specialty “cardiology”" in m for m in messages(programs=CLEAN["programs"] + "C,cardiology\n"))
    assert any("kind must be letter or statement" in m for m in messages(documents=CLEAN["documents"] + "Z,cv,pediatrics\n"))


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("programs", "program,specialty\nA,pediatrics\n", "Programs, line 1: the first line must be the header name,specialty."),
        ("documents", "id,kind,specialty\nS1,statement\n", "Documents, line 2: expected 3 columns (id,kind,specialty), found 2."),
        ("assignments", "program,document\nA,S1\n\nA,\n", "Assignments, line 4: document is empty."),
        (
            "documents",
            "id,kind,specialty\nS1,statement,internal-\rmedicine\n",
            "Documents, line 2: a line break inside a cell (often a stray carriage return from a spreadsheet); "
            "retype the line or put the cell in double quotes.",
        ),
    ],
)
def test_malformed_csv_names_the_line(field: str, text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        packet_check.compute({**CLEAN, field: text})
    assert caught.value.field == field and caught.value.message == message


# --- rank_simulator ------------------------------------------------------------------
def all_matchings(market: Market) -> list[dict[str, str | None]]:
    """Every assignment respecting capacities and both sides' lists (tiny markets)."""
    options = [[None, *[p for p in ranked if a in market.programs[p]]] for a, ranked in market.applicants.items()]
    out = []
    for combo in itertools.product(*options):
        if all(combo.count(p) <= market.seats[p] for p in market.programs):
            out.append(dict(zip(market.applicants, combo, strict=True)))
    return out


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 10_000))
def test_deferred_acceptance_is_stable_and_applicant_optimal(seed: int) -> None:
    market = rank_simulator.random_market(seed)
    matching, steps = deferred_acceptance(market)
    assert blocking_pairs(market, matching) == [] and steps
    stable = [m for m in all_matchings(market) if not blocking_pairs(market, m)]
    assert matching in stable
    for other in stable:  # no stable matching is better for any applicant
        for applicant, ranked in market.applicants.items():
            assert rank_of(ranked, matching[applicant]) <= rank_of(ranked, other[applicant])


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 10_000))
def test_no_applicant_gains_by_misreporting(seed: int) -> None:
    market = rank_simulator.random_market(seed)
    applicant = random.Random(seed).choice(list(market.applicants))
    assert rank_simulator.manipulation_check(market, applicant)["better"] == []


def test_default_market_mixes_specialties_and_reports_the_studied_applicant() -> None:
    result = rank_simulator.compute({})
    assert result["stable"] is True
    assert result["matching"]["Asha"] == "FM-Valley"
    assert result["studied"]["better_reorderings"] == []
    alt = rank_simulator.compute({"alternative_list": "IM-Coast > IM-Metro"})
    assert alt["studied"]["alternative"]["result"] in ("IM-Coast", "IM-Metro", None)


def test_seed_generates_a_market_and_the_result_is_json() -> None:
    result = rank_simulator.compute({"seed": 7})
    assert result["market"].startswith("A1:")
    json.dumps(result)


def big_market_text(seed: int = 2026) -> str:
    """200 applicants and 6 programs of 30 positions, under the 5,000-character limit."""
    rng = random.Random(seed)
    programs = [f"P{i}" for i in range(1, 7)]
    applicants = [f"a{i}" for i in range(1, 201)]
    lines = [f"{a}: " + ">".join(rng.sample(programs, 6 if a == "a1" else rng.randint(1, 3))) for a in applicants]
    for program in programs:
        ranked = [a for a in applicants if rng.random() < 0.45]
        rng.shuffle(ranked)
        lines.append(f"{program} (30): " + ">".join(ranked))
    return "\n".join(lines)


def full_rerun(market: Market, applicant: str, ranked: list[str]) -> str | None:
    """The slow, obviously right answer: run the whole match again."""
    return deferred_acceptance(Market({**market.applicants, applicant: ranked}, market.programs, market.seats))[0][applicant]


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 10_000), st.randoms(use_true_random=False))
def test_replaying_one_applicants_chain_matches_a_full_rerun(seed: int, rng: random.Random) -> None:
    market = rank_simulator.random_market(seed)
    applicant = rng.choice(list(market.applicants))
    ranked = rng.sample(list(market.programs), rng.randint(0, len(market.programs)))
    assert outcome_with_list(market, applicant, ranked) == full_rerun(market, applicant, ranked)


def test_a_200_applicant_market_is_checked_in_full_and_agrees_with_full_reruns() -> None:
    text = big_market_text()
    assert len(text) <= 5_000
    result = rank_simulator.compute({"market": text, "applicant": "a1"})
    market = rank_simulator.parse_market(text)
    assert len(market.applicants) == 200 and set(market.seats.values()) == {30}
    assert result["stable"] is True
    studied = result["studied"]
    assert studied["reorderings_tried"] == studied["reorderings_possible"] == 1_956 and studied["complete"]
    assert studied["better_reorderings"] == []
    assert studied["honest_result"] == full_rerun(market, "a1", market.applicants["a1"])
    rng = random.Random(5)
    for _ in range(15):
        ranked = rng.sample(list(market.programs), rng.randint(1, 6))
        assert outcome_with_list(market, "a1", ranked) == full_rerun(market, "a1", ranked)
    assert result["steps_total"] > len(result["steps"]) == rank_simulator.MAX_STEPS_SHOWN
    assert "more followed" in rank_simulator.render(result)


def test_long_lists_are_sampled_up_to_the_cap_and_the_result_says_so() -> None:
    programs = [f"P{i}" for i in range(1, 9)]
    # Every program prefers its own applicant, so A is turned down everywhere
    # and no list can be settled early: the check must stop at its cap.
    text = "A: " + " > ".join(programs) + "\n" + "".join(f"B{p}: {p}\n{p} (1): B{p} > A\n" for p in programs)
    result = rank_simulator.compute({"market": text})
    studied = result["studied"]
    assert studied["reorderings_possible"] == rank_simulator.count_lists(8) == 109_600
    assert not studied["complete"] and "a sample, not a proof" in studied["note"]
    assert 0 < studied["reorderings_tried"] < studied["reorderings_possible"]
    assert "in that sample" in result["summary"]
    off = rank_simulator.compute({"market": text, "check_reorderings": False})
    assert off["studied"]["reorderings_tried"] == 0 and "switched off" in off["studied"]["note"]


@pytest.mark.parametrize("seats", ["9" * 4400, "10001", "-3", "0", "000"])
def test_absurd_seat_counts_are_input_errors(seats: str) -> None:
    with pytest.raises(InputError) as caught:
        rank_simulator.compute({"market": f"Asha: X\nX ({seats}): Asha\n"})
    assert caught.value.field == "market" and caught.value.message.startswith("Market, line 2: X ")


@pytest.mark.parametrize(
    ("inputs", "field", "message"),
    [
        ({"market": "Asha: X\n"}, "market", "Market must define at least one applicant and one program"),
        ({"market": "Asha: X\nX (0): Asha\n"}, "market", "Market, line 2: X needs at least 1 position."),
        ({"market": "Asha: Y\nX (1): Asha\n"}, "market", "Market, line 1: Asha ranks “Y”, which is not a program."),
        ({"market": "Asha: X\nAsha: X\nX (1): Asha\n"}, "market", "Market, line 2: “Asha” is defined twice."),
        ({"market": "just words\n"}, "market", "Market, line 1: write"),
        ({"applicant": "Zed"}, "applicant", "Applicant to study must be one of: Asha, Ben, Chen, Dana."),
        ({"alternative_list": "Nowhere > IM-Metro"}, "alternative_list", "must name programs from the market"),
    ],
)
def test_simulator_input_errors(inputs: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        rank_simulator.compute(inputs)
    assert caught.value.field == field and message in caught.value.message
