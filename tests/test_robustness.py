"""Hostile or odd input never escapes as a Python error: every calculator
answers with an InputError on the field, the browser bridge with a message,
and the command line with a sentence instead of a traceback."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import REGISTRY, InputError, browser, packet_check, rank_simulator
from calculators.fields import (
    BEYOND_ANY_BOUND,
    DateField,
    IntField,
    TextField,
    parse_inputs,
    parse_whole_number,
)

NAMES = sorted(REGISTRY)
# Python refuses to convert strings of more than 4,300 digits to int.
HUGE = "9" * 4_301
INT_FIELDS = [(name, f) for name in NAMES for f in REGISTRY[name].FIELDS if isinstance(f, IntField)]
TEXT_FIELDS = [(name, f) for name in NAMES for f in REGISTRY[name].FIELDS if isinstance(f, TextField)]


# --- Whole numbers -------------------------------------------------------------------------
def test_python_itself_refuses_the_huge_number() -> None:
    # The premise of the tests below: without the shared reader, int() raises.
    with pytest.raises(ValueError, match="4300"):
        int(HUGE)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("42", 42),
        (" +7 ", 7),
        ("-3", -3),
        ("000", 0),
        ("0009", 9),
        (HUGE, BEYOND_ANY_BOUND),
        ("-" + HUGE, -BEYOND_ANY_BOUND),
        # Arabic-Indic, Persian, full-width and Devanagari digits, as readers' keyboards type them.
        ("١٢٣", 123),
        ("۲۴۰", 240),
        ("２４０", 240),
        ("२४०", 240),
        ("٠٠٠٩", 9),
        ("٩" * 4_301, BEYOND_ANY_BOUND),
        ("٠" * 5_000 + "٩" * 15, 10**15 - 1),
        # Grouped in threes, as the messages write the limits ("1,000,000").
        ("1,000", 1000),
        ("1,000,000", 1_000_000),
        ("-12,345", -12345),
        ("1 000", 1000),
        ("1\u00a0000\u00a0000", 1_000_000),
        ("1\u202f000", 1000),
        ("١٬٠٠٠", 1000),
    ],
)
def test_shared_whole_number_reader(text: str, value: int) -> None:
    assert parse_whole_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        *["", "4.5", "1e3", "١٫٥", "12 3", "--1", "0x10", "²", "½", "٣-"],
        # Separators out of place, mixed, or a dot, which English reads as a decimal point.
        *["2,40", "24,0", "1,0000", "1000,000", ",100", "100,", "1,000 000", "1.000", "1,,000", "1_000"],
    ],
)
def test_shared_whole_number_reader_refuses_what_is_not_written_in_digits(text: str) -> None:
    assert parse_whole_number(text) is None


@pytest.mark.parametrize(("name", "field"), INT_FIELDS, ids=lambda x: getattr(x, "name", x))
@pytest.mark.parametrize("text", [HUGE, "-" + HUGE, "0" * 5000 + "1" * 4400])
def test_a_number_of_thousands_of_digits_is_an_input_error_on_its_field(name: str, field: IntField, text: str) -> None:
    with pytest.raises(InputError) as caught:
        REGISTRY[name].compute({field.name: text})
    assert caught.value.field == field.name
    assert caught.value.message.startswith(field.label)


def test_an_unbounded_count_says_a_huge_number_is_too_large() -> None:
    count = IntField(name="usce_months", label="US clinical experience (months)")
    with pytest.raises(InputError, match=r"^US clinical experience \(months\) is too large a number\.$"):
        count.parse(HUGE)
    with pytest.raises(InputError, match="too large"):
        count.parse(10**40)


@pytest.mark.parametrize(
    ("seats", "message"),
    [
        (HUGE, "Market, line 2: X can have at most 10,000 positions."),
        ("0", "Market, line 2: X needs at least 1 position."),
        ("٠", "Market, line 2: X needs at least 1 position."),
    ],
)
def test_rank_simulator_seat_counts_use_the_shared_reader(seats: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        rank_simulator.compute({"market": f"Asha: X\nX ({seats}): Asha\n", "seed": None})
    assert caught.value.field == "market" and caught.value.message == message


def test_rank_simulator_reads_leading_zeros_in_seat_counts() -> None:
    assert rank_simulator.parse_market("Asha: X\nX (007): Asha\n").seats == {"X": 7}


def test_rank_simulator_reads_seat_counts_in_any_digits_as_the_fields_do() -> None:
    assert rank_simulator.parse_market("Asha: X\nX (٣): Asha\n").seats == {"X": 3}


def test_a_number_in_arabic_digits_is_read_and_carried_on_in_0_to_9() -> None:
    reply = json.loads(browser.compute("competitiveness", json.dumps({"step2_score": "٢٤٠"})))
    assert reply["ok"], reply
    assert reply["query"]["step2_score"] == reply["tab_copy"]["inputs"]["step2_score"] == "240"
    assert "step2_score=240" in reply["link"]
    assert REGISTRY["competitiveness"].compute({"step2_score": "٢٤٠"}) == REGISTRY["competitiveness"].compute(
        {"step2_score": 240}
    )


# --- Dates and text ------------------------------------------------------------------------------
def test_a_datetime_is_read_as_its_date() -> None:
    field = DateField(name="today", label="Today", initial=dt.date(2026, 1, 1))
    assert field.parse(dt.datetime(2026, 11, 30, 23, 59)) == dt.date(2026, 11, 30)
    with pytest.raises(InputError, match=r"^Today must be a real, complete date"):
        field.parse(dt.datetime(2200, 1, 1))


@pytest.mark.parametrize(("name", "field"), [(n, f) for n, f in TEXT_FIELDS if not f.optional], ids=str)
@pytest.mark.parametrize("empty", ["", "   \n\t", None])
def test_empty_required_text_says_it_is_required(name: str, field: TextField, empty: object) -> None:
    with pytest.raises(InputError) as caught:
        parse_inputs(REGISTRY[name].FIELDS, {field.name: empty})
    assert caught.value.field == field.name
    assert caught.value.message == f"{field.label} is required."


def test_required_text_that_is_too_long_still_gives_the_limit() -> None:
    field = TextField(name="notes", label="Notes", max_chars=5)
    with pytest.raises(InputError, match=r"^Notes must be text of at most 5 characters"):
        field.parse("x" * 6)


@settings(max_examples=150, deadline=None)
@given(
    field=st.sampled_from([f.name for f in packet_check.FIELDS]),
    text=st.text(alphabet=st.sampled_from('a,b\r\n"\x00é '), max_size=60),
)
def test_packet_check_answers_any_text_with_a_result_or_an_input_error(field: str, text: str) -> None:
    # Bare carriage returns, stray quotes and NUL bytes are what spreadsheets paste.
    try:
        packet_check.compute({field: text})
    except InputError as error:
        assert error.field == field and error.message


def test_bare_carriage_returns_in_a_packet_check_table_end_its_lines() -> None:
    # Old Mac line endings: the csv module refused them with a message about its own internals.
    result = packet_check.compute({"programs": "name,specialty\rA,pediatrics\r"})
    assert [row["program"] for row in result["programs"]] == ["A"]


# --- The browser bridge --------------------------------------------------------------------------
def _only_note(reply_json: str) -> dict[str, object]:
    reply = json.loads(reply_json)
    assert reply["ok"] is False
    [error] = reply["errors"]
    # No field is named, so the page lists the message among its notes.
    assert error["field"] == ""
    assert error["message"] == browser.UNEXPECTED_ERROR
    assert reply["status"] == browser.UNEXPECTED_STATUS
    for internal in ("Error", "Traceback", "no_such"):
        assert internal not in error["message"] + reply["status"]
    return reply


def test_bridge_turns_an_unexpected_exception_into_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(inputs: object) -> dict[str, object]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(REGISTRY["match_odds"], "compute", broken)
    reply = _only_note(browser.compute("match_odds", "{}"))
    assert reply["detail"] == "ZeroDivisionError: division by zero"


@pytest.mark.parametrize(("name", "payload"), [("match_odds", "{not json"), ("match_odds", "[1, 2]"), ("no_such", "{}")])
def test_bridge_answers_a_malformed_request_with_a_message(name: str, payload: str) -> None:
    _only_note(browser.compute(name, payload))


@pytest.mark.parametrize("name", NAMES)
def test_bridge_puts_a_huge_number_on_its_field(name: str) -> None:
    fields = [f for f in REGISTRY[name].FIELDS if isinstance(f, IntField)]
    if not fields:
        pytest.skip("no number fields")
    reply = json.loads(browser.compute(name, json.dumps({fields[0].name: HUGE})))
    assert reply["ok"] is False and [e["field"] for e in reply["errors"]] == [fields[0].name]


# --- The command line ---------------------------------------------------------------------------
def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "calculators", *args], capture_output=True, text=True, timeout=60)


def test_command_line_rejects_a_huge_number_without_a_traceback() -> None:
    run = run_cli("match_odds", "--step2-score", HUGE)
    assert run.returncode == 2
    assert run.stderr.startswith("error: step2_score: Step 2 CK score must be a whole number")
    assert "Traceback" not in run.stderr


def test_command_line_survives_a_reader_that_stops_early() -> None:
    # backup_finder prints about 30 kB, more than a pipe holds, so the write
    # itself meets the closed pipe.
    run = subprocess.run(
        f"{sys.executable} -m calculators backup_finder | head -c 10 >/dev/null",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0
    assert run.stderr == ""


def test_command_line_turns_an_unexpected_error_into_one_line() -> None:
    # A calculator that fails in a way no rule foresaw, run through the real entry point.
    code = (
        "import sys, runpy; from calculators import REGISTRY\n"
        "def broken(inputs): raise RuntimeError('boom')\n"
        "REGISTRY['timeline'].compute = broken\n"
        "sys.argv = ['calculators', 'timeline']\n"
        "runpy.run_module('calculators', run_name='__main__')\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert run.stderr == "error: these inputs could not be calculated (RuntimeError: boom)\n"


# --- Anything at all --------------------------------------------------------------------------------
ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(alphabet="0123456789+- \r\n", max_size=5_000),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=3),
)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_value_in_any_field_gives_a_result_or_an_input_error(name: str, data: st.DataObject) -> None:
    calc = REGISTRY[name]
    chosen = data.draw(st.lists(st.sampled_from([f.name for f in calc.FIELDS]), unique=True, max_size=3))
    inputs = {key: data.draw(ANY_VALUE, label=key) for key in chosen}
    try:
        calc.compute(inputs)
    except InputError as error:
        # Rules that span fields may name a field left at its default.
        assert error.field in {f.name for f in calc.FIELDS} and error.message
