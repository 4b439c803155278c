"""The field types: what each accepts, and the message for what it does not."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators import fields
from calculators.fields import (
    BoolField,
    ChoiceField,
    DateField,
    InputError,
    InputErrors,
    IntField,
    TextField,
    check_inputs,
    parse_inputs,
    raise_all,
)

SCORE = IntField(name="step2_score", label="Step 2 CK score", minimum=1, maximum=300, optional=True)
COUNT = IntField(name="usce_months", label="US clinical experience (months)")


@pytest.mark.parametrize(("raw", "value"), [(245, 245), ("245", 245), (" 245 ", 245), ("+245", 245), (245.0, 245)])
def test_whole_numbers_in_any_form(raw: object, value: int) -> None:
    assert SCORE.parse(raw) == value


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_optional_number_accepts_both_forms_of_empty(raw: object) -> None:
    assert SCORE.parse(raw) is None


@pytest.mark.parametrize("raw", ["245.5", 245.5, "abc", "0", 301, True, "2 45", "1e2", [245]])
def test_number_errors_name_the_field_and_the_range(raw: object) -> None:
    with pytest.raises(InputError) as caught:
        SCORE.parse(raw)
    assert caught.value.field == "step2_score"
    assert caught.value.message == "Step 2 CK score must be a whole number from 1 to 300, or left empty."


def test_required_count_has_no_upper_bound_message_when_unbounded() -> None:
    with pytest.raises(InputError, match=r"must be a whole number, 0 or more\.$"):
        COUNT.parse("-1")
    with pytest.raises(InputError):
        COUNT.parse("")


@pytest.mark.parametrize(
    ("raw", "value"), [(True, True), ("true", True), ("on", True), ("No", False), ("", False), (None, False)]
)
def test_booleans(raw: object, value: bool) -> None:
    assert BoolField(name="needs_visa", label="Needs visa").parse(raw) is value


def test_boolean_rejects_other_words() -> None:
    with pytest.raises(InputError, match="Needs visa must be true or false"):
        BoolField(name="needs_visa", label="Needs visa").parse("maybe")


def test_choice_lists_what_is_allowed() -> None:
    field = ChoiceField(name="interest", label="Interest", choices=(("imaging", "Imaging"), ("none", "None")))
    assert field.parse("imaging") == "imaging"
    with pytest.raises(InputError, match=r"^Interest must be one of: Imaging, None\. “surgery” is not one of them\.$"):
        field.parse("surgery")


@pytest.mark.parametrize(
    "typed",
    [
        "orthopaedic-surgery",
        "Orthopaedic Surgery",
        "orthopaedic surgery",
        "ORTHOPAEDIC-SURGERY",
        "Orthopaedic-Surgery",
        "  orthopaedic   SURGERY ",
    ],
)
def test_a_choice_reads_its_slug_or_label_in_any_case(typed: str) -> None:
    # A hand-typed link carried the label, and was refused with a message
    # listing that label as allowed (fuzz audit s40, 1).
    from calculators.profile import SPECIALTY

    assert SPECIALTY.parse(typed) == "orthopaedic-surgery"


def test_a_label_with_brackets_is_read_whole() -> None:
    from calculators.profile import SPECIALTY

    assert SPECIALTY.parse("otolaryngology (ent)") == "otolaryngology"
    assert SPECIALTY.parse("Plastic Surgery (Integrated)") == "plastic-surgery"


@pytest.mark.parametrize("typed", ["Orthopedics", "ortho", "orthopaedic surgeryx", "Orthopaedic_Surgery", "IM"])
def test_a_choice_still_refuses_anything_else_and_quotes_it(typed: str) -> None:
    from calculators.profile import SPECIALTY

    with pytest.raises(InputError) as raised:
        SPECIALTY.parse(typed)
    message = raised.value.message
    assert message.startswith("Target specialty must be one of: Internal Medicine")
    assert message.endswith(f"Orthopaedic Surgery. “{typed}” is not one of them.")
    # The text typed is quoted once, never listed as allowed.
    assert message.count(typed) == 1


def test_a_refused_choice_is_quoted_short_and_without_control_characters() -> None:
    field = ChoiceField(name="interest", label="Interest", choices=(("imaging", "Imaging"),))
    with pytest.raises(InputError) as raised:
        field.parse("ab\u202ecd\x00" + "x" * 500)
    quoted = raised.value.message.split("“")[1].split("”")[0]
    assert quoted.startswith("abcdx") and quoted.endswith("…") and len(quoted) == 60


def test_every_choice_of_every_calculator_is_named_by_one_slug_only() -> None:
    # A label that read as another choice's slug would send a link to the wrong one.
    from calculators import REGISTRY
    from calculators.fields import choice_key

    for calc in REGISTRY.values():
        for field in calc.FIELDS:
            if not isinstance(field, ChoiceField):
                continue
            for slug, label in field.choices:
                assert field.parse(slug) == slug and field.parse(label) == slug, (calc.NAME, field.name, slug)
                others = {choice_key(text) for other, name in field.choices if other != slug for text in (other, name)}
                assert choice_key(label) not in others and choice_key(slug) not in others, (calc.NAME, field.name, slug)


def test_dates() -> None:
    field = DateField(name="eras_submission", label="ERAS submission", initial=dt.date(2027, 9, 24))
    assert field.parse("2027-09-01") == dt.date(2027, 9, 1)
    assert field.to_text(field.parse("2027-09-01")) == "2027-09-01"
    with pytest.raises(
        InputError,
        match=r"a real, complete date from 1 January 2000 to 31 December 2100 \(typed as text, year first: 2027-09-15\)",
    ):
        field.parse("09/01/2027")
    # What the page sends for a date its control cannot read (31 February, half typed).
    with pytest.raises(InputError, match="ERAS submission must be a real, complete date"):
        field.parse("unreadable")


def test_a_date_error_on_the_page_names_the_days_only() -> None:
    # The page's date picker takes no typed text, so its words leave out the
    # typed example that the terminal and links keep (a11y-phone audit s42, 2).
    field = DateField(name="eras_submission", label="ERAS submission", initial=None, optional=True)
    with pytest.raises(InputError) as caught:
        field.parse("2027-02-31")
    error = caught.value
    assert (
        error.on_form == "ERAS submission must be a real, complete date from 1 January 2000 to 31 December 2100, or left empty."
    )
    assert "year first: 2027-09-15" in error.message
    assert (error.rule, error.may_be_empty) == ("a real, complete date from 1 January 2000 to 31 December 2100", True)
    # Raised with another error, each keeps its page words and rule.
    other = InputError("other", "Other is wrong.")
    with pytest.raises(InputErrors) as together:
        raise_all([error, other])
    assert [(e.on_form, e.rule) for e in together.value.errors] == [(error.on_form, error.rule), ("Other is wrong.", None)]


def test_text_is_bounded() -> None:
    field = TextField(name="market", label="Market", max_chars=10)
    assert field.parse("short") == "short"
    with pytest.raises(InputError, match="at most 10 characters"):
        field.parse("x" * 11)


def test_text_that_is_too_long_says_how_long_it_is() -> None:
    # The limit alone did not tell a reader how much of a long paste to cut.
    with pytest.raises(InputError) as caught:
        TextField(name="notes", label="Notes", max_chars=1_000).parse("x" * 27_023)
    assert caught.value.message == "Notes must be text of at most 1,000 characters (yours: 27,023)."
    with pytest.raises(InputError) as optional:
        TextField(name="notes", label="Notes", max_chars=5, optional=True).parse("x" * 6)
    # Emptying the box is no fix for a long paste, and the market may be empty
    # only beside a seed, so an optional box's message does not offer it.
    assert optional.value.message == "Notes must be text of at most 5 characters (yours: 6)."


def test_check_inputs_collects_every_error_and_parse_raises_the_first() -> None:
    fields = (SCORE, COUNT)
    values, errors = check_inputs(fields, {"step2_score": "x", "usce_months": "-2", "extra": 1})
    assert [e.field for e in errors] == ["extra", "step2_score", "usce_months"]
    with pytest.raises(InputError) as caught:
        parse_inputs(fields, {"step2_score": "x", "usce_months": "-2"})
    assert caught.value.field == "step2_score"
    assert values == {}


def _at_most_a_year(v: object) -> None:
    if v["usce_months"] > 12:  # type: ignore[index]
        raise InputError("usce_months", "US clinical experience (months) must be at most 12 here.")


def _score_needs_experience(v: object) -> None:
    if v["step2_score"] is not None and v["usce_months"] == 0:  # type: ignore[index]
        raise InputError("step2_score", "Step 2 CK score needs some experience here.")


def test_rules_that_span_fields_are_all_reported_with_each_field_in_error() -> None:
    fields = (SCORE, COUNT)
    rules = (_score_needs_experience, _at_most_a_year)
    with pytest.raises(InputError) as caught:
        parse_inputs(fields, {"step2_score": "x", "usce_months": "20"}, rules)
    # The rule that reads the score in error is skipped; the other still speaks.
    assert [(e.field, e.message) for e in caught.value.errors] == [
        ("step2_score", "Step 2 CK score must be a whole number from 1 to 300, or left empty."),
        ("usce_months", "US clinical experience (months) must be at most 12 here."),
    ]
    with pytest.raises(InputError) as caught:
        parse_inputs(fields, {"step2_score": "240", "usce_months": "0"}, rules)
    assert [e.field for e in caught.value.errors] == ["step2_score"]
    assert caught.value.message == "Step 2 CK score needs some experience here."


def test_two_errors_for_one_field_become_one_message_as_a_form_shows_one() -> None:
    with pytest.raises(InputError) as caught:
        parse_inputs((SCORE, COUNT), {"usce_months": "20"}, (_at_most_a_year, _at_most_a_year))
    assert [(e.field, e.message) for e in caught.value.errors] == [
        ("usce_months", " ".join(["US clinical experience (months) must be at most 12 here."] * 2))
    ]


def test_large_limits_are_written_with_thousands_separators() -> None:
    seed = IntField(name="seed", label="Random example (seed)", maximum=1_000_000, optional=True)
    with pytest.raises(InputError) as caught:
        seed.parse("1000001")
    assert caught.value.message == "Random example (seed) must be a whole number from 0 to 1,000,000, or left empty."
    with pytest.raises(InputError, match=r"must be a whole number, 1,000 or more\.$"):
        IntField(name="n", label="N", minimum=1_000).parse("5")


def test_every_whole_number_field_and_text_box_says_its_limits_before_anything_is_typed() -> None:
    # A reader learned the packet checker's limit only by pasting past it.
    from calculators import REGISTRY
    from calculators.render import render_field

    boxes = 0
    for calc in REGISTRY.values():
        for field in calc.FIELDS:
            if isinstance(field, IntField) or (isinstance(field, TextField) and field.rows > 1):
                described = str(render_field(calc, field, field.default))
                plain = described.replace("A whole", "a whole").replace("Text of", "text of")
                assert field.allowed() in plain, (calc.NAME, field.name)
                assert described.count("Optional") <= 1, (calc.NAME, field.name)
                boxes += isinstance(field, TextField)
    assert boxes == 4  # the packet checker's three tables and the rank simulator's market


def test_the_typed_readers_return_each_kind_and_refuse_another() -> None:
    values = {"score": 240, "none": None, "box": True, "code": "us-img", "when": dt.date(2027, 3, 19)}
    assert fields.whole(values, "score") == 240
    assert fields.whole_or_none(values, "none") is None
    assert fields.flag(values, "box") is True
    assert fields.word(values, "code") == "us-img"
    assert fields.word_or_none(values, "none") is None
    assert fields.day(values, "when") == dt.date(2027, 3, 19)
    # A box read as a number, or a number as a box, is a bug in the rules.
    for reader, name in [(fields.whole, "box"), (fields.flag, "score"), (fields.word, "score"), (fields.whole, "none")]:
        with pytest.raises(TypeError, match=name):
            reader(values, name)


def test_a_count_groups_its_thousands_as_the_fields_limits_do() -> None:
    # "must be at most the 1000 programs you apply to" beside a field whose
    # limit reads 1,000 (fuzz audit s33, F4).
    from calculators.html import counted

    assert counted(1000, "program") == "1,000 programs"
    assert counted(1, "program") == "1 program"


def test_a_comlex_score_typed_as_step_2_ck_is_named_in_every_calculator_that_asks_for_it() -> None:
    # A DO typing 610 was told only "a whole number from 1 to 300" (DO audit s34, 4).
    from calculators import REGISTRY

    asking = [calc for calc in REGISTRY.values() if any(f.name == "step2_score" for f in calc.FIELDS)]
    assert len(asking) >= 5
    for calc in asking:
        with pytest.raises(InputError) as raised:
            calc.compute({"step2_score": 610})
        (error,) = [e for e in raised.value.errors if e.field == "step2_score"]
        assert "from 1 to 300" in error.message and "If this is a COMLEX score, leave the field empty" in error.message, calc.NAME
        # A COMLEX score has three digits: past them the hint only hid a typo (fuzz audit s40, 4).
        for typed in (1000, "1,000,000", "9" * 400):
            with pytest.raises(InputError) as raised:
                calc.compute({"step2_score": typed})
            (error,) = [e for e in raised.value.errors if e.field == "step2_score"]
            assert "from 1 to 300" in error.message and "COMLEX" not in error.message, (calc.NAME, typed)
        with pytest.raises(InputError) as raised:
            calc.compute({"step2_score": 999})
        assert "COMLEX" in next(e for e in raised.value.errors if e.field == "step2_score").message, calc.NAME
        help_words = next(f for f in calc.FIELDS if f.name == "step2_score").help
        assert "COMLEX" in help_words and "not a percentile" in help_words, calc.NAME


@pytest.mark.parametrize(
    ("score", "said"),
    [
        (
            200,
            "A score of 200 is below the passing score of every test since 1 July 2014, 209, and for tests from 1 July 2025 it is 218",
        ),
        (
            211,
            "A score of 211 was a pass only for tests taken before 1 July 2022: from then the passing score was 214, "
            "and for tests from 1 July 2025 it is 218",
        ),
        (216, "A score of 216 was a pass only for tests taken before 1 July 2025: from then the passing score is 218"),
        (218, None),
        (None, None),
    ],
)
def test_a_failing_step2_score_is_noted_in_every_result_that_reads_it(score: int | None, said: str | None) -> None:
    """A failing score typed as the score was read as a passed low one: a band,
    "A passed Step 2 CK cannot be taken again", about 54% in family medicine
    (exam-edges audit s36, 1). The note is in the result on screen and paper;
    the summary keeps its number first and points to it (diff review s36, 1-2)."""
    from calculators import backup_finder, competitiveness, match_odds, program_counts, signals

    inputs = {"step2_score": score, "specialty": "family-medicine"}
    for calc in (competitiveness, match_odds, program_counts, signals, backup_finder):
        result = calc.compute(inputs)
        page, summary = str(calc.render(result)), str(result["summary"])  # type: ignore[arg-type]
        if said is None:
            assert "passing score" not in page and "passing score" not in summary, calc.NAME
        else:
            assert said in page and "count it under “Exam failures”" in page, calc.NAME
            assert not summary.startswith("Your Step 2 CK"), calc.NAME
            assert (
                f"Your Step 2 CK of {score} is below the current passing score, 218: see the note under the headline" in summary
            ), calc.NAME
    if said is not None:  # a failure already counted is not asked for again
        assert "count it under" not in str(competitiveness.compute({**inputs, "exam_failures": 1})["summary"])
        assert "count it under" not in str(competitiveness.render(competitiveness.compute({**inputs, "exam_failures": 1})))
    # "A passed Step 2 CK cannot be taken again" is said of a passing score only, and a failing one is not told
    # that nothing it can change lifts the band.
    result = competitiveness.compute({**inputs, "specialty": "internal-medicine"})
    line = result["margins"]["score_line"]
    if score is not None:
        assert line is not None and ("cannot be taken again" in str(line["text"])) == (said is None)
        if said is not None:
            assert "nothing you can still change" not in str(result["summary"])


def test_a_band_read_from_no_score_says_it_is_provisional_first() -> None:
    """A US senior with no score was told "Applying to this specialty alone is
    reasonable"; "provisional" sat deep in the factors (exam-edges audit s36, 5)."""
    from calculators import competitiveness, profile, program_counts, signals

    inputs = {"applicant_type": "us-md", "step2_score": None, "specialty": "internal-medicine"}
    for calc in (competitiveness, program_counts, signals):
        summary = str(calc.compute(inputs)["summary"])
        assert profile.NO_SCORE_NOTE in summary and not summary.startswith(profile.NO_SCORE_NOTE), calc.NAME
        assert profile.NO_SCORE_NOTE not in str(calc.compute({**inputs, "step2_score": 240})["summary"]), calc.NAME


def test_the_shared_visa_field_has_an_answer_for_a_reader_who_can_take_only_an_h1b() -> None:
    # No calculator could be told that a reader cannot take a J-1 (h1bvisa audit s47, 2).
    from calculators import profile

    choices = dict(profile.NEEDS_VISA.choices)
    # The old slugs keep their meaning for addresses and remembered answers.
    assert {profile.VISA_BY_APPLICANT_TYPE, "true", "false", profile.VISA_H1B_ONLY} == set(choices)
    assert profile.NEEDS_VISA.parse("h1b-only") == "h1b-only" and profile.NEEDS_VISA.parse(True) == "true"
    # Short enough for the drop-down at 320 px: no longer than the longest choice it had.
    assert len(choices[profile.VISA_H1B_ONLY]) <= len("Follow my applicant type") and "H-1B only" in choices["h1b-only"]
    for answer, needs, only in (("h1b-only", True, True), ("true", True, False), ("false", False, False)):
        values = {"needs_visa": answer, "applicant_type": "non-us-img"}
        assert (profile.visa_needed(values), profile.h1b_only(values)) == (needs, only), answer
    assert not profile.h1b_only({"needs_visa": profile.VISA_BY_APPLICANT_TYPE, "applicant_type": "non-us-img"})
    said = profile.worked_out_for({"needs_visa": "h1b-only", "applicant_type": "non-us-img"})
    assert "Non-US-citizen IMG, needing an H-1B (no J-1)." in said


def test_a_reader_who_said_yes_to_a_visa_is_told_of_the_h1b_only_answer() -> None:
    # A remembered or linked "true" now reads "Yes, a J-1 or H-1B", and
    # nothing said the plan changes for a reader who cannot take a J-1
    # (diffreview48 audit s48, 11): each calculator whose visa words differ says so.
    import json
    from html import unescape

    from calculators import competitiveness, program_counts, signals, timeline

    reader = {"specialty": "internal-medicine", "backup_specialty": "psychiatry", "applicant_type": "non-us-img"}
    # It says what the answer changes; "the advice changes" promised more, as
    # the score stays the same (visareapply audit s51, 10).
    prompt = (
        "Cannot take a J-1? Answer “Yes, H-1B only (no J-1)” under “Visa (J-1 or H-1B) needed to train”: the advice then "
        "counts only programs that will file an H-1B for you, and Step 3 becomes required for any position."
    )
    for calc in (competitiveness, program_counts, signals, timeline):
        names = {f.name for f in calc.FIELDS}
        inputs = {k: v for k, v in reader.items() if k in names}
        # On the page, once: program counts and signals say it in the check's factor table they show.
        said = {
            answer: unescape(str(calc.render(calc.compute({**inputs, "needs_visa": answer}))))
            for answer in ("true", "h1b-only", "false")
        }
        assert said["true"].count(prompt) == 1, calc.NAME
        assert prompt not in said["h1b-only"] and prompt not in said["false"], calc.NAME
    # A graduate of a US school, whose visa routes are in none of our sources, is not sent there.
    us_md = json.dumps(program_counts.compute({**reader, "applicant_type": "us-md", "needs_visa": "true"}), ensure_ascii=False)
    assert prompt not in us_md
