"""The rank simulator's words and checks changed after the rank-packet audit
of session 38; its older tests are in tests/test_planning_tools.py."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from calculators import InputError, browser, rank_simulator, reader_state
from calculators.registry import READ_OUT_WORDS


def text(inputs: dict[str, object]) -> str:
    result = rank_simulator.compute(inputs)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", str(rank_simulator.render(result)))).split())


def refused(inputs: dict[str, object]) -> InputError:
    with pytest.raises(InputError) as caught:
        rank_simulator.compute(inputs)
    return caught.value


UNRANKED = "Asha: IM-Metro\nBen: IM-Metro\nFM-Rural (1): Asha\nIM-Metro (1): Ben > Asha\n"


# --- finding 3: a reordering, compared with the honest result --------------------------
def test_a_program_the_applicant_did_not_rank_is_refused_as_a_longer_list() -> None:
    error = refused({"market": UNRANKED, "alternative_list": "FM-Rural"})
    assert error.field == "alternative_list"
    assert error.message == (
        "A reordered list to try may hold only programs on Asha's list (IM-Metro), and “FM-Rural” is not one. A list "
        "with a program added is a longer list, not a reordering; adding a program you would attend can only help."
    )
    # Beside a program that is on the list too.
    assert "“FM-Rural” is not one" in refused({"market": UNRANKED, "alternative_list": "IM-Metro > FM-Rural"}).message


def test_an_applicant_who_ranks_nothing_has_nothing_to_reorder() -> None:
    error = refused({"market": "Asha:\nB: P\nP (1): Asha > B", "alternative_list": "P"})
    assert error.field == "alternative_list"
    assert error.message.startswith("A reordered list to try has nothing to reorder: Asha ranks no programs")


def test_the_list_is_checked_against_the_applicant_studied() -> None:
    # Ben ranks IM-Coast; Chen does not.
    assert rank_simulator.compute({"applicant": "Ben", "alternative_list": "IM-Coast > IM-Metro"})["studied"]["alternative"]
    assert "“IM-Coast” is not one" in refused({"applicant": "Chen", "alternative_list": "IM-Coast"}).message


@pytest.mark.parametrize(
    ("order", "ending"),
    [
        (
            "IM-Coast > IM-Metro > FM-Valley",
            "the result would be IM-Coast, Asha's 3rd choice: worse than the honest result, FM-Valley, Asha's 2nd choice.",
        ),
        ("IM-Metro > FM-Valley", "the result would be FM-Valley, Asha's 2nd choice: the same as the honest result."),
        ("IM-Metro", "the result would be unmatched: worse than the honest result, FM-Valley, Asha's 2nd choice."),
    ],
)
def test_the_alternative_is_compared_with_the_honest_result_by_the_applicants_own_list(order: str, ending: str) -> None:
    shown = text({"alternative_list": order})
    assert f"With the reordered list {order}, {ending}" in shown


def test_the_comparison_is_worked_out_from_the_honest_list() -> None:
    alt = rank_simulator.compute({"alternative_list": "IM-Coast > FM-Valley"})["studied"]["alternative"]
    assert alt == {"list": ["IM-Coast", "FM-Valley"], "result": "IM-Coast", "comparison": "worse"}
    both_unmatched = rank_simulator.compute({"market": "Asha: P > Q\nB: P\nP (1): B\nQ (1): B", "alternative_list": "Q"})
    assert both_unmatched["studied"]["alternative"]["comparison"] == "the same"
    assert rank_simulator._compared(["P", "Q"], "P", "Q") == "better"


# --- finding 10: one program ranked ------------------------------------------------------
def test_one_ranked_program_is_not_called_all_one_possible_lists() -> None:
    result = rank_simulator.compute({"seed": 0})
    assert result["studied"]["true_list"] == ["P3"]
    assert result["summary"] == "A1 matches nowhere with an honest list; A1 ranks one program, so there is no other order to try."
    shown = text({"seed": 0})
    assert "all 1 possible" not in shown and "all 1 possible" not in result["summary"]
    assert "A1 ranks one program, so there is no other order to try" in shown


def test_an_empty_list_is_not_said_to_have_had_its_check_switched_off() -> None:
    shown = text({"market": "Asha:\nB: P\nP (1): Asha > B"})
    assert "Asha ranks no programs, so there is no other list to try." in shown
    assert "switched off" not in shown


# --- finding 11: positions that are not a whole number -----------------------------------
@pytest.mark.parametrize(
    ("seats", "message"),
    [
        ("1.5", "Market, line 2: write P's positions as a whole number, such as “P (2)”, not “1.5”."),
        ("two", "Market, line 2: write P's positions as a whole number, such as “P (2)”, not “two”."),
        ("", "Market, line 2: write P's positions as a whole number, such as “P (2)”."),
    ],
)
def test_positions_that_are_not_a_whole_number_name_the_program_and_the_rule(seats: str, message: str) -> None:
    error = refused({"market": f"Asha: P\nP ({seats}): Asha\n"})
    assert error.field == "market" and error.message == message


def test_positions_in_brackets_with_spaces_or_other_digits_still_count() -> None:
    assert rank_simulator.parse_market("Asha: P\nP ( 2 ): Asha\n").seats == {"P": 2}
    assert rank_simulator.parse_market("Asha: P\nP (\u0662): Asha\n").seats == {"P": 2}


# --- finding 12: separators alone --------------------------------------------------------
@pytest.mark.parametrize("typed", [" > > ", ">", ">>"])
def test_an_alternative_of_separators_alone_is_an_input_error(typed: str) -> None:
    error = refused({"alternative_list": typed})
    assert (
        error.field == "alternative_list"
        and error.message == "A reordered list to try must name at least one program, not only >."
    )


def test_an_empty_alternative_is_still_no_alternative() -> None:
    assert rank_simulator.compute({"alternative_list": ""})["studied"]["alternative"] is None


# --- fuzz audit s40, 5: a seed's lists are made up, not typed ----------------------------
def test_a_seeded_market_does_not_say_its_lists_are_the_ones_you_typed() -> None:
    seeded = text({"seed": "5", "market": "X: P\nP (1): X"})
    assert "The programs' lists here were made up at random (example 5): real programs' lists are confidential" in seeded
    assert "the ones you typed" not in seeded
    typed = text({"market": "X: P\nP (1): X"})
    assert "The programs' lists here are the ones you typed: real programs' lists are confidential" in typed


def test_a_seed_says_the_market_box_is_not_used() -> None:
    # With a seed set, "garbage" typed into the Market box was announced as
    # "Updated for your inputs" and the unchanged result, though the box was
    # not used (a11y-phone audit s42, 6).  The reply cannot tell which field
    # changed, so it says so whenever the box holds text beside a seed.
    def heard(**raw: str) -> str:
        reply = json.loads(browser.compute("rank_simulator", json.dumps(raw)))
        assert reply["ok"], reply
        return str(reply["announce"])

    seeded = rank_simulator.compute({"seed": "7"})
    assert seeded["announced"] == seeded["summary"]  # no box sent, none to speak of
    assert heard(seed="7", market="garbage") == f"{rank_simulator.SEEDED_MARKET_UNUSED} {seeded['summary']}"
    assert heard(seed="7", market="garbage").startswith("Market box not used while a seed is set; clear the seed to use it.")
    assert heard(seed="7", market="  ") == seeded["summary"]
    assert "Market box" not in heard() and "Market box" not in seeded["summary"]
    for seed in range(0, 1_000_000, 4_999):
        said = heard(seed=str(seed), market=rank_simulator.DEFAULT_MARKET)
        assert said.startswith("Market box not used") and len(said.split()) <= 40, (seed, said)


# --- couples audit s43, 2: a couple's line says the simulator has no couples ------------
COUPLES_NOTE = "the simulator has no couples: see “Ranking as a couple” on the rank order list page"
PAIRED = "IM-Boston (1): Amir\nPsych-Boston (1): Bea\nAmir+Bea: IM-Boston & Psych-Boston > IM-Chicago & Psych-Chicago\n"


def test_a_couples_paired_line_is_told_the_simulator_has_no_couples_not_that_it_is_no_program() -> None:
    # The line the audit typed read "… ranks “IM-Boston & Psych-Boston”, which is not a program".
    error = refused({"market": PAIRED})
    assert error.field == "market"
    assert error.message == f"Market, line 3: Amir+Bea ranks “IM-Boston & Psych-Boston”; {COUPLES_NOTE}."
    # A pair joined with "+" under a single applicant's name reads the same.
    single = "IM-Boston (1): Amir\nAmir: IM-Boston + Psych-Boston\n"
    assert refused({"market": single}).message == f"Market, line 2: Amir ranks “IM-Boston + Psych-Boston”; {COUPLES_NOTE}."


@pytest.mark.parametrize(
    ("market", "message"),
    [
        (
            "IM-Boston (1): Amir\nAmir & Bea: IM-Bostn\n",
            "Market, line 2: Amir & Bea ranks “IM-Bostn”, which is not a program; ",
        ),
        (
            "IM-Boston (1): Amir + Bea\nAmir: IM-Boston\n",
            "Market, line 1: IM-Boston ranks “Amir + Bea”, who is not an applicant; ",
        ),
        (
            "IM-Boston (1): Amir\nAmir&Bea: IM-Boston > IM-Boston\n",
            "Market, line 2: “IM-Boston” appears twice in Amir&Bea's list; ",
        ),
    ],
)
def test_an_error_on_a_name_that_reads_as_a_couple_adds_that_the_simulator_has_none(market: str, message: str) -> None:
    assert refused({"market": market}).message == f"{message}{COUPLES_NOTE}."


@pytest.mark.parametrize(
    "code", ["999999999", "No Match", "no match", "NO MATCH", "No-Match", "NoMatch", "999 999 999", "No Match code"]
)
def test_the_no_match_code_typed_as_a_rank_is_told_the_simulator_has_no_couples(code: str) -> None:
    # A partner trying the guide's No Match line heard only that it "is not a
    # program" (couplesvisa audit s46, 7).
    error = refused({"market": f"Amir: IM-Boston > {code}\nIM-Boston (1): Amir"})
    assert error.message == f"Market, line 1: Amir ranks “{code}”, the No Match code, {rank_simulator.NO_MATCH_WHAT}."
    # Said whole by the status line, a long name and a spaced code included (readout46 audit s46, 7).
    for name in ("Amir", "Asha K Rao"):
        error = refused({"market": f"{name}: IM-Boston > {code}\nIM-Boston (1): {name}"})
        status = reader_state.fix_status(rank_simulator.FIELDS, [error])
        assert len(status.split()) <= READ_OUT_WORDS and rank_simulator.NO_MATCH_WHAT in status, status
    # A program really named so is ranked as any other.
    assert rank_simulator.compute({"market": f"Amir: {code}\n{code} (1): Amir"})["matching"] == {"Amir": code}


def test_names_without_a_couples_mark_keep_their_errors_and_a_program_with_one_still_runs() -> None:
    assert COUPLES_NOTE not in refused({"market": "IM-Boston (1): Amir\nAmir: IM-Bostn\n"}).message
    assert COUPLES_NOTE not in refused({"market": "IM-Boston (1): Amir\nBea: IM-Boston\n"}).message
    # A program may have "&" in its name (a Texas A&M program); defined, it is ranked as any other.
    result = rank_simulator.compute({"market": "Texas A&M-IM (1): Amir\nAmir: Texas A&M-IM\n"})
    assert result["matching"] == {"Amir": "Texas A&M-IM"}


def test_the_status_line_says_the_whole_couples_error_within_the_read_out_limit() -> None:
    for market in (PAIRED, PAIRED.replace("Amir+Bea", "Amir & Bea")):
        status = reader_state.fix_status(rank_simulator.FIELDS, [refused({"market": market})])
        assert COUPLES_NOTE in status
        assert len(status.split()) <= READ_OUT_WORDS


@pytest.mark.parametrize(
    ("market", "hint"),
    [
        ("Asha: Texas A&m > FM-Valley\nTexas A&M (1): Asha", "differs from “Texas A&M” only in capitals"),
        ("Asha: Texas A&M > FM-Valley\nTexas A&M: Asha\nFM-Valley (1): Asha", "defines it without positions"),
        ("Asha: Texas A&M, FM-Valley\nTexas A&M (1): Asha\nFM-Valley (1): Asha", "separate names with >, not commas"),
    ],
)
def test_a_slip_in_a_program_named_with_an_ampersand_gets_its_own_hint_not_the_couples_note(market: str, hint: str) -> None:
    # Any unknown name with "&" was told the simulator has no couples, hiding
    # the hint that would fix it (diff review s43, second, 3).
    with pytest.raises(InputError) as error:
        rank_simulator.compute({"market": market})
    assert hint in str(error.value) and rank_simulator.NO_COUPLES not in str(error.value)


def test_a_name_that_reads_as_a_couples_is_run_as_one_applicant_and_the_page_says_so() -> None:
    # "Amir+Bea" ranking single programs ran as one person in silence (couples audit s43, left over).
    market = "Amir+Bea: IM-Boston > IM-Chicago\nCara: IM-Boston\nIM-Boston (1): Cara > Amir+Bea\nIM-Chicago (1): Amir+Bea"
    assert rank_simulator.compute({"market": market})["run_alone"] == ["Amir+Bea"]
    assert f"“Amir+Bea” is run as one applicant: {rank_simulator.NO_COUPLES}." in text({"market": market})
    plain = market.replace("Amir+Bea", "Amir")
    assert rank_simulator.compute({"market": plain})["run_alone"] == []
    assert rank_simulator.NO_COUPLES not in text({"market": plain})


# --- interview audit s56, 12: the example market fits a phone's box ---------------------
def test_every_line_of_the_example_market_fits_a_phone_box() -> None:
    lines = rank_simulator.DEFAULT_MARKET.splitlines()
    too_long = [line for line in lines if len(line) > rank_simulator.MARKET_LINE_FITS_A_PHONE]
    assert not too_long
    # The explanation is still there, and the example still reads as one.
    assert sum(line.startswith("#") for line in lines) >= 3
    assert rank_simulator.parse_market(rank_simulator.DEFAULT_MARKET)
